"""The factuality layer: polarity and modality of every predicate, composed through
the verbs and nouns it is embedded under.

A fact's truth in the text is not a property of its verb alone: "refused to sign" denies
the signing, "is preparing to sell" only plans the sale, "are believed to have helped"
hedges it, "could buy" makes it possible. Every extractor asks this layer, through
``Context.polarity``/``Context.modality``, instead of reading negation itself, so a new
trigger (a negating verb, a modal, a hedge) is one word in ``kg/data/lexicon.toml`` and
reaches every extractor at once. Issue 17 extends the composition (negative subjects,
irrealis complements, conditionals); the place for it is here.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import WordLists, load_words
from .frames import PASS_SUBJ, SUBJ

ASSERTED, PLANNED, POSSIBLE, HEDGED, DEMANDED = (
    "asserted", "planned", "possible", "hedged", "demanded",
)  # fmt: skip


def is_negated(verb: Token, words: WordLists | None = None) -> bool:
    """Negation on the predicate itself: "does not recognize", "never met", "decision
    not to"."""
    w = words or load_words()
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in w.negating_adverbs)
               for c in verb.children)  # fmt: skip


def _coordination_negated(verb: Token, w: WordLists) -> bool:
    """A verb coordinated, without a subject of its own, under a negated one: "will not
    ignore X and shut down Y"."""
    v = verb
    while v.dep_ == "conj" and not any(c.dep_ in SUBJ | PASS_SUBJ for c in v.children):
        v = v.head
        if is_negated(v, w):
            return True
    return False


def negated(verb: Token, words: WordLists | None = None) -> bool:
    """Negation in scope: the verb's own, a negated verb it is coordinated under, or a
    negating or negated control verb above it ("refused to sign", "did not agree to
    sell"). Two negations cancel ("did not refuse to sign")."""
    w = words or load_words()
    neg = is_negated(verb, w) or _coordination_negated(verb, w)
    x = verb
    while x.dep_ == "xcomp" or (x.dep_ == "conj" and x.head.dep_ == "xcomp"):
        x = x.head if x.dep_ == "xcomp" else x.head.head
        if x.lemma_ in w.negating_verbs:
            neg = not neg
        if is_negated(x, w):
            neg = True
    return neg


def _chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is embedded under by xcomp or coordination."""
    chain = [verb]
    v = verb
    while v.dep_ in {"xcomp", "conj"} and v.head is not v:
        v = v.head
        chain.append(v)
        if v.dep_ not in {"xcomp", "conj"}:
            break
    return chain


def modality(verb: Token, words: WordLists | None = None) -> str:
    """asserted | planned | possible | hedged | demanded, from the adverbs, auxiliaries
    and embedding verbs of the predicate's chain; the strongest reading wins in that
    order: a hedge, a belief report, a plan, a modal auxiliary."""
    w = words or load_words()
    chain = _chain(verb)
    if any(c.lower_ in w.hedge_adverbs for t in chain for c in t.children):
        return HEDGED
    for t in chain[1:]:
        if t.lemma_ in w.hedging_verbs and any(c.dep_ in PASS_SUBJ for c in t.children):
            return HEDGED  # "are believed to have helped"
    if any(t.lemma_ in w.planning_verbs for t in chain[1:]):
        return PLANNED
    for t in chain:
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in w.possibility_modals:
                return POSSIBLE
            if c.dep_ == "aux" and c.lower_ in w.obligation_modals:
                return DEMANDED
    return ASSERTED
