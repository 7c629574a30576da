"""Numbers with units -> quantity attributes of the clause's subject.

"It can stay in the air for up to 12 hours and carry up to four missiles" ->
(It, stay, "up to 12 hours"), (It, carry, "up to four missiles"). The quantity must be
an argument of the verb (its object, or the object of a preposition on the verb or on
that object: "from a distance of up to 150 km"), so counts buried deep in a phrase are
not pinned on the wrong thing. Dates are left to the time stage.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import load_words
from ..model import Fact
from . import frames as fr
from . import syntax as sx
from .context import Context

# the dependency path from a number up to the noun it counts
_COUNT_DEPS = {"nummod", "quantmod", "compound", "pobj", "prep", "advmod", "amod"}
_COUNT_HEADS = {"NOUN", "NUM", "ADP", "PROPN", "ADV", "ADJ", "PART"}


def _quantity_head(tok: Token) -> Token:
    """The noun a number counts: "four" -> "missiles"; "12" in "12 hours" -> "hours"."""
    bound = load_words().bound_prepositions
    t = tok
    while t.dep_ in _COUNT_DEPS and t.head.i != t.i and t.head.pos_ in _COUNT_HEADS:
        if t.dep_ == "pobj" and t.head.lower_ not in bound:  # "up to 12": inside the number
            break
        t = t.head
        if t.pos_ == "NOUN" and t.dep_ != "compound":
            break
    return t


def _arg_verb(head: Token) -> Token | None:
    """The verb the quantity phrase is an argument of, within two preposition hops."""
    t = head
    adjuncts = load_words().non_argument_prepositions
    for _ in range(3):
        if t.dep_ in {"dobj", "attr", "npadvmod", "oprd", "advmod"} and t.head.pos_ in fr.VERBAL:
            return t.head
        if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.lower_ in adjuncts:
            return None  # "after the 3-1 defeat": an adjunct, not what the verb measures
        t = t.head.head
        if t.pos_ in fr.VERBAL:
            return t
    return None


def _quantity_text(ent: Span, head: Token) -> str:
    """ "up to four missiles": the noun and what counts it; "up to 40 km" hung on "up"."""
    if head.pos_ == "NOUN":
        toks = [t for t in head.subtree
                if t.i <= head.i or t.head.i == head.i and t.dep_ != "prep"]  # fmt: skip
    else:
        toks = list(head.subtree)
    # what the amount is of: "28% of Kestrel Air"
    of = load_words().quantity_of_prepositions
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ in of and any(o.dep_ == "pobj" for o in p.children):
            toks += [t for t in p.subtree if t not in toks]
    text = sx.phrase_text(sorted(toks, key=lambda t: t.i))
    if ent.label_ == "CARDINAL" and not any(ch.isdigit() for ch in text) and \
            not any(t.like_num for t in toks):  # fmt: skip
        return ""
    return text


def _quantities(ctx: Context) -> Iterator[tuple[Span, Token, Token]]:
    """(entity, counted head, verb) for each quantity that is an argument of a verb."""
    seen: set[int] = set()
    measured = ctx.lexicon.quantity_labels - ctx.lexicon.words.unmeasured_labels
    for ent in ctx.ents:
        if ent.label_ not in measured:
            continue
        head = _quantity_head(ent.root)
        if head.i in seen or (ent.label_ == "CARDINAL" and head.pos_ != "NOUN"):
            continue  # a bare number says nothing on its own
        seen.add(head.i)
        verb = _arg_verb(head)
        if verb is not None:
            yield ent, head, verb


def quantity_facts(ctx: Context) -> Iterator[Fact]:
    """Quantities attached to an entity by the verb of their clause."""
    for ent, head, verb in _quantities(ctx):
        text = _quantity_text(ent, head)
        if not text:
            continue
        passive = any(c.dep_ in fr.PASS_SUBJ for c in verb.children)
        name = verb.lower_ if passive else verb.lemma_.lower()
        for s in fr.passive_subjects(verb) if passive else fr.subjects(verb):
            if not (s.ent_type_ or sx.is_pronoun(s) or any(c.dep_ == "det" for c in s.children)):
                continue
            subj = sx.mention(s, keep_preps=False)
            if subj is not None:
                yield sx.make_fact(subj, name, text, verb, negated=ctx.negated(verb),
                                   modality_=ctx.modality(verb),
                                   rule=ent.label_.lower())  # fmt: skip
