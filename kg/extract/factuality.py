"""The factuality layer: polarity and modality of every predicate, composed through
the verbs, nouns and clauses it is embedded under.

A fact's truth in the text is not a property of its verb alone: "refused to sign" denies
the signing, "is preparing to sell" only plans the sale, "urged the board to withdraw
the plan" requests the withdrawal, "if the Commission approves" makes the approval a
condition, "are believed to have helped" hedges the help. In the spirit of FactBank and
de Marneffe et al.'s veridicality work, the layer reads a predicate's own markers
(negation, "never", "no longer", a negative subject, a modal, a hedge, a question) and
then climbs its embedding chain (xcomp, ccomp, coordination, "without"/"instead of",
adverbial clauses, the complement of a noun), letting each embedding context flip the
polarity or set the modality. Every extractor asks it through ``Context.negated`` /
``Context.modality``; every trigger word is a list in ``kg/data/lexicon.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon import WordLists, load_lexicon, load_words
from ..ontology import KG, local_name
from . import terms
from .frames import OBJ, PASS_SUBJ, SUBJ, bare_purpose, is_reporting, particle
from .syntax import has_negative_determiner, has_to

# the kg:Modality individuals of the ontology, by local name
ASSERTED, PLANNED, POSSIBLE, HEDGED, DEMANDED, REQUESTED, EXPECTED, CONDITIONAL = (
    local_name(m) for m in (KG.asserted, KG.planned, KG.possible, KG.hedged, KG.demanded,
                            KG.requested, KG.expected, KG.conditional)
)  # fmt: skip
# modalities that take over from a purpose's "planned" when they embed it
OVERRIDING = frozenset({REQUESTED, DEMANDED, CONDITIONAL, HEDGED, POSSIBLE})
MAX_DEPTH = 8  # embedding steps climbed; news sentences rarely nest deeper


@dataclass(frozen=True)
class Factuality:
    negated: bool = False
    modality: str = ASSERTED


def is_negated(verb: Token, words: WordLists | None = None) -> bool:
    """Negation on the predicate itself: "does not recognize", "never met", "won't",
    "no longer competes", "decision not to"."""
    w = words or load_words()
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ in {"advmod", "preconj"} and c.lower_ in w.negating_adverbs):
            return True  # "never met", "and neither did Madrid"
        if c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children):
            return True  # "no longer", "not yet"
        if c.dep_ == "aux" and c.lower_ in w.negated_auxiliaries:
            return True  # "wont", "cant" written without an apostrophe
    return False


def _negative_subject(verb: Token, w: WordLists) -> bool:
    """ "No economist expects", "Nobody doubts", "None of the banks cut": a subject that
    names no one negates its clause."""
    for s in verb.children:
        if s.dep_ not in SUBJ | PASS_SUBJ:
            continue
        if s.lower_ in w.negative_pronouns:
            return True
        if has_negative_determiner(s, w):
            return True
    return False


def _nor(verb: Token, w: WordLists) -> bool:
    """ "never won X, nor did he win Y": the conjunct after "nor" is denied too."""
    return verb.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ in w.negating_conjunctions and c.i < verb.i
        for c in verb.head.children
    )


def _yet(verb: Token, w: WordLists) -> bool:
    """ "the only member yet to ratify", "has yet to name": "yet" before the "to" of an
    infinitive, wherever the parser hung it."""
    doc = verb.doc
    return any(
        c.dep_ == "aux" and c.i > 0 and doc[c.i - 1].lower_ in w.yet_words for c in verb.children
    )


def _is_condition(clause: Token, w: WordLists) -> bool:
    if clause.dep_ == "relcl":  # "options should Halvex decide to": parsed as a relative
        return _inverted(clause, w)
    if clause.dep_ != "advcl":
        return False
    marks = [c for c in clause.children if c.dep_ == "mark"]
    doc = clause.doc
    conceded = any(m.i > 0 and doc[m.i - 1].lower_ in w.concessive_adverbs for m in marks)
    if conceded:
        return False  # "even if the coach admitted it": stated
    return any(m.lower_ in w.conditional_markers for m in marks) or _inverted(clause, w)


def in_condition(verb: Token, words: WordLists | None = None) -> bool:
    """Whether a predicate states a condition of another ("if the board approves", "should
    the coach decide to call up a player", "once X signs"), itself or through what
    embeds it: a condition says what would make the rest true, not what is, so it is no
    fact of its own; the consequence is kept, ``conditional``."""
    w = words or load_words()
    tok = verb
    for _ in range(MAX_DEPTH):
        if _is_condition(tok, w) and not _question(tok, w):
            return True
        head, _, _ = _step(tok, w)
        if head is None:
            return False
        tok = head
    return False


def _inverted(clause: Token, w: WordLists) -> bool:
    """ "should the coach decide to ...", "had the bank known": an auxiliary before its
    subject opens a condition."""
    subj = [c.i for c in clause.children if c.dep_ in SUBJ | PASS_SUBJ]
    return bool(subj) and any(
        c.dep_ == "aux" and c.lower_ in w.inverted_conditional_auxiliaries and c.i < min(subj)
        for c in clause.children
    )


def _for_to(child: Token, w: WordLists) -> bool:
    """ "It was long overdue for Austria to ratify", "it is vital for the bank to act":
    an infinitive with its own subject states what should be, not what is."""
    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
    return bool(marks & w.infinitive_subject_markers) and has_to(child)


def _difficult(child: Token, w: WordLists) -> bool:
    """ "it could prove tough for X to win", "it is hard for X to": a difficulty."""
    head = child.head
    return head.lemma_.lower() in w.difficulty_adjectives or any(
        c.dep_ in {"acomp", "oprd"} and c.lemma_.lower() in w.difficulty_adjectives
        for c in head.children
    )


def _headline_infinitive(verb: Token) -> bool:
    """A headline's "X to V" (a root infinitive with a subject of its own): what is to
    be done, not done."""
    deps = {c.dep_ for c in verb.children}
    return verb.tag_ == "VB" and has_to(verb) and bool(deps & (SUBJ | PASS_SUBJ))


def _asked(verb: Token) -> bool:
    """A question: the sentence of a root verb ends in "?", or the verb's own clause does
    ('"We welcome it, but why punish the farmers?" said X': no one targets them)."""
    if verb.dep_ == "ROOT":
        return verb.sent[-1].text == "?"
    own = [verb.i, *(t.i for c in verb.children if c.dep_ not in {"conj", "cc", "punct"}
                     for t in c.subtree)]  # fmt: skip
    doc, end = verb.doc, max(own) + 1  # the clause without what is coordinated with it
    return verb.dep_ in {"ccomp", "conj"} and end < len(doc) and doc[end].text == "?"


def _own(verb: Token, w: WordLists) -> Factuality:
    """The predicate's own markers: negation and modal auxiliaries, hedge adverbs, a
    question."""
    neg = is_negated(verb, w) or _negative_subject(verb, w) or _nor(verb, w) or _yet(verb, w)
    mod = ASSERTED
    if any(c.lower_ in w.hedge_adverbs for c in verb.children):
        mod = HEDGED
    else:
        for c in verb.children:
            if c.dep_ == "aux" and c.lower_ in w.possibility_modals:
                mod = POSSIBLE
            elif c.dep_ == "aux" and c.lower_ in w.obligation_modals:
                mod = DEMANDED
    if verb.dep_ in {"advcl", "relcl"} and _inverted(verb, w):
        mod = CONDITIONAL  # "should the coach decide to", not an obligation
    elif mod == ASSERTED and any(_is_condition(c, w) and not _question(c, w)
                                 for c in verb.children):  # fmt: skip
        mod = CONDITIONAL  # "Siemens will build the plant if Germany approves": the consequence
    if mod == ASSERTED and _asked(verb):
        mod = HEDGED  # "Did Exxon buy the refinery?", '"... but why punish farmers?" he said'
    if mod == ASSERTED and any(c.dep_ == "aux" and c.lower_ in w.future_modals
                               for c in verb.children):  # fmt: skip
        mod = EXPECTED  # "Siemens will build the plant", "said it would close"
        if any(c.dep_ == "nsubj" and c.lower_ in w.first_person_subjects for c in verb.children):
            mod = PLANNED  # "we will monitor the market": the speakers' own intention
        elif _speakers_own(verb, w):
            mod = PLANNED  # "Brumco said it would cut jobs": the speaker's own plan
    if mod == ASSERTED and verb.dep_ == "ROOT" and _headline_infinitive(verb):
        mod = PLANNED  # "Iraq to invite phone licence bids"
    return Factuality(neg, mod)


def _speakers_own(verb: Token, w: WordLists) -> bool:
    """A future a speaker reports of itself ("Brumco said it would cut jobs", "the
    minister said he will resign"): a pronoun subject that agrees with the reporting
    verb's own subject, a thing with a thing, a person with a person."""
    head, lex = verb.head, load_lexicon()
    if verb.dep_ != "ccomp" or not is_reporting(head, lex):
        return False
    mine = [c for c in verb.children if c.dep_ == "nsubj"]
    theirs = [c for c in head.children if c.dep_ == "nsubj"]
    if len(mine) != 1 or len(theirs) != 1 or theirs[0].pos_ == "PRON":
        return False
    pron, speaker = mine[0].lower_, theirs[0]
    person = lex.ner_class.get(speaker.ent_type_) == terms.PERSON
    named = lex.ner_class.get(speaker.ent_type_) is not None  # "Brumco Holdings": one
    plural = speaker.tag_ in {"NNS", "NNPS"} and not named
    if pron in w.thing_pronouns:
        return not person and not plural
    if pron in w.male_pronouns | w.female_pronouns:
        return person
    return pron in w.third_plural_pronouns and (plural or not person)


def _question(child: Token, w: WordLists) -> bool:
    """ "asked if X would sue", "is considering whether to bid": a clause that is an open
    question states neither the act nor its denial."""
    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
    if marks & w.question_markers:
        return True
    return bool(marks & w.question_if_markers) and child.head.lemma_.lower() in w.question_verbs


def _sufficient(child: Token, w: WordLists) -> bool:
    """ "did not have enough of a presence to establish X": an infinitive after a word of
    sufficiency in its clause says what the amount makes possible, and is denied with
    the clause."""
    if child.dep_ != "advcl" or not has_to(child):
        return False
    head = child.head
    return any(
        t.lower_ in w.sufficiency_words
        for c in head.children
        if c.dep_ in OBJ | {"acomp", "advmod"} and c.i < child.i
        for t in (c, *c.children)
    )


def excessive(adjective: Token, w: WordLists) -> bool:
    """ "too weak to win", "too early to draw conclusions": what the infinitive says
    does not happen."""
    return adjective.pos_ == "ADJ" and any(
        c.dep_ == "advmod" and c.lower_ in w.excess_adverbs for c in adjective.children
    )


def _verb_embedding(child: Token, head: Token, w: WordLists) -> tuple[bool, str | None]:
    """(flips polarity, modality it sets) for a predicate under a verb by xcomp or
    ccomp: "refused to", "ruled out raising", "denied that", "has yet to", "urged X to",
    "plans to", "asked whether"."""
    if _question(child, w):
        return False, HEDGED
    lemma = head.lemma_.lower()
    phrasal = f"{lemma} {particle(head)}"  # "ruled out raising"
    flip = (
        lemma in w.negating_verbs
        or phrasal in w.negating_verbs
        or lemma in w.negative_adjectives
        or excessive(head, w)
    )
    if child.dep_ == "ccomp" and lemma not in w.negating_that_verbs:
        # "refused" negates its xcomp; only "denied that" negates a clause, and a
        # preventing verb one with a subject and no "that": "stop the state selling it"
        subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
        marked = any(c.dep_ == "mark" for c in child.children)
        flip = lemma in w.preventing_verbs and subject and not marked
    passive = any(c.dep_ in PASS_SUBJ for c in head.children)
    if lemma in w.expecting_verbs and passive and child.dep_ == "xcomp":
        return flip, EXPECTED  # "sales are expected to fall": a forecast, not a belief
    if lemma in w.hedging_verbs and passive:
        return flip, HEDGED  # "are believed to have helped"
    for name, mod in ((w.requesting_verbs, REQUESTED),
                      (w.expecting_verbs | w.expecting_adjectives, EXPECTED),
                      (w.planning_verbs | w.planning_adjectives | w.purpose_object_verbs,
                       PLANNED), (w.considering_verbs, HEDGED)):  # fmt: skip
        if lemma in name and (child.dep_ == "xcomp" or lemma in w.ccomp_irrealis_verbs):
            return flip, _planned_for_another(child, lemma, w) if mod == PLANNED else mod
    if _obliged(child, head, w):
        return flip, DEMANDED  # "needs to cut its debt": what it must do, not what it did
    if lemma in w.alleging_verbs and child.dep_ == "ccomp":
        return flip, HEDGED  # "prosecutors allege that X lied": alleged, not stated
    if lemma in w.hedging_verbs and child.dep_ == "xcomp":
        return flip, HEDGED  # "claimed to have evidence", "seems to favour"
    if lemma in w.arrangement_verbs and child.dep_ == "xcomp" and has_to(child):
        return flip, PLANNED  # "Iraq is to invite bids"
    if lemma in w.enabling_verbs and child.dep_ in {"xcomp", "ccomp"}:
        return flip, POSSIBLE  # "will enable Halvex to cut costs": made able, not made to
    return flip, None


def _obliged(child: Token, head: Token, w: WordLists) -> bool:
    """ "needs to cut its debt", "will have to refund the fees": an obligation. Not
    "has yet to name" (not done: ``_yet``), "had to close the depot" or "is having to cope
    with" (what was or is being done), "have the luxury to" (an object), nor a passive
    ("loans are needed to build": a purpose)."""
    lemma = head.lemma_.lower()
    if lemma not in w.obligation_verbs or child.dep_ != "xcomp" or not has_to(child):
        return False
    if _yet(child, w) or any(c.dep_ in OBJ | PASS_SUBJ | {"auxpass"} for c in head.children):
        return False
    return not (head.tag_ in {"VBD", "VBG"} and lemma in w.done_when_past)


def _planned_for_another(child: Token, lemma: str, w: WordLists) -> str:
    """ "wanted the firms to pay", "hopes the regulator will approve": a plan can only be
    its planner's; a complement with a subject of its own says what the planner wants of
    that other (requested) or looks forward to (expected)."""
    irrealis = any(c.dep_ == "aux" and c.tag_ in {"TO", "MD"} for c in child.children)
    if child.dep_ != "ccomp" or not irrealis \
            or not any(c.dep_ in SUBJ | PASS_SUBJ for c in child.children):  # fmt: skip
        return PLANNED  # "banks want to X, insurers want to Y": two clauses
    return REQUESTED if lemma in w.wanting_verbs else EXPECTED


def _weak_plan(clause: Token, head: Token | None, w: WordLists) -> bool:
    """A "planned" that yields to a request or condition above it: a purpose, or an
    arrangement ("if the board were to close the mill": a condition)."""
    arranged = clause.dep_ == "xcomp" and head is not None and head.lemma_ in w.arrangement_verbs
    return arranged or _purpose(clause, w)


def _purpose(clause: Token, w: WordLists) -> bool:
    """ "to cut debt", "in order to win": a clause that says what its head was done for."""
    marks = " ".join(c.lower_ for c in clause.children if c.dep_ == "mark")
    return bare_purpose(clause) or (clause.dep_ == "advcl" and marks in w.purpose_markers)


def _clause_embedding(child: Token, w: WordLists) -> tuple[bool, str | None]:
    """Adverbial clauses and "without"/"instead of" complements: "if the Commission
    approves" (a condition), "in order to win" (a purpose), "without attending" (not
    done)."""
    marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
    if _question(child, w):
        return False, HEDGED  # "when asked if X would sue": parsed as a condition
    if _sufficient(child, w):
        return False, POSSIBLE  # "had enough of a presence to establish jurisdiction"
    if _is_condition(child, w):
        return False, CONDITIONAL
    if child.dep_ == "advcl" and " ".join(marks) in w.purpose_markers:
        return False, PLANNED
    if child.dep_ in {"advcl", "ccomp", "csubj"} and _for_to(child, w):
        return False, POSSIBLE if _difficult(child, w) else DEMANDED
    if bare_purpose(child):
        return False, PLANNED  # "donated servers to build a grid": the aim, not yet done
    if child.dep_ == "pcomp":
        prep = child.head
        phrase = " ".join(t.lower_ for t in prep.doc[prep.i - 1 : prep.i + 1])
        if prep.lower_ in w.negating_prepositions or phrase in w.negating_prepositions:
            return True, None
        keeper = prep.head.lemma_.lower()
        if prep.lower_ in w.preventing_prepositions and keeper in w.preventing_verbs:
            return True, None  # "prevented the gang from selling the paintings"
        if prep.lower_ in w.accusing_prepositions and keeper in w.accusing_verbs:
            return False, HEDGED  # "charged with concealing losses": alleged, not found
    return False, None


def _noun_embedding(noun: Token, w: WordLists) -> tuple[bool, str | None]:
    """The complement of a noun: "its promise not to appeal" (planned), "its refusal to
    pay" (denied), "the decision to close" (decided: asserted)."""
    lemma = noun.lemma_.lower()
    if lemma in w.negating_nouns:
        return True, None
    if lemma in w.purpose_nouns or (lemma in w.intent_nouns and lemma not in w.decision_nouns):
        return False, PLANNED
    if lemma in w.possibility_nouns:
        return False, POSSIBLE  # "a chance of winning"
    return False, None


def _step(tok: Token, w: WordLists) -> tuple[Token | None, bool, str | None]:
    """One step up the embedding chain: (the embedding predicate, whether it flips the
    polarity, the modality it sets); None when the chain ends here."""
    dep, head = tok.dep_, tok.head
    if head.i == tok.i:
        return None, False, None
    if dep == "pcomp" and head.lower_ in w.question_prepositions and _wh_question(tok, w):
        # "talks on how X can grow", "a ruling on how X will split its assets"
        return head.head, False, HEDGED
    if dep in {"xcomp", "ccomp"}:
        flip, mod = _verb_embedding(tok, head, w)
        return head, flip != _denied_after(tok, head, w), mod
    if dep == "acomp" and head.pos_ in {"VERB", "AUX"}:
        return head, False, None  # "were not able to", "is not likely to": the copula's
    if dep == "conj" and not any(c.dep_ in SUBJ | PASS_SUBJ for c in tok.children):
        return head, False, None  # "will not ignore X and shut down Y"
    if dep == "pcomp" and head.head.pos_ == "NOUN" and head.lower_ not in w.negating_prepositions:
        return _noun_step(head.head, w)  # "has no hope of winning"
    if _factive_clause(tok, w):
        return None, False, None
    if _claimed(tok, w):
        return _claim_step(tok.head, w)
    if dep in {"advcl", "pcomp", "csubj"}:
        flip, mod = _clause_embedding(tok, w)
        return (head.head if dep == "pcomp" else head), flip, mod
    if dep == "acl" and head.pos_ in {"NOUN", "PROPN"}:
        if tok.tag_ != "VB":  # "no analyst asked by the paper": a modifier, no complement
            flip, mod = _noun_embedding(head, w)
            return None, flip, mod
        return _noun_step(head, w)
    return None, False, None


def _wh_question(clause: Token, w: WordLists) -> bool:
    """A clause after a preposition opened by "how" or "why" is an embedded question
    ("a ruling on how X will split"): it asks how something will be done, it does
    not say that it is ("explained how X cut costs", no preposition, and "a case study
    of how X trains staff", another preposition, may well)."""
    return any(
        c.dep_ == "advmod" and c.lower_ in w.question_adverbs and c.i == clause.left_edge.i
        for c in clause.children
    )


def _claim_step(noun: Token, w: WordLists) -> tuple[Token | None, bool, str | None]:
    """The step up from a claim noun's clause: "no proof that X had found a buyer" (X
    only claimed: hedged); "rejected allegations he pressured X", "denied claims that
    he sold it" (denied, with the rejecting verb's own modality); "did not deny claims
    that ..." leaves them claims."""
    if noun.dep_ in OBJ and noun.head.lemma_.lower() in w.rejecting_verbs:
        if is_negated(noun.head, w):
            return None, False, HEDGED
        return noun.head, True, None
    return None, False, HEDGED


def _claimed(clause: Token, w: WordLists) -> bool:
    """ "reports that X will bid", "no proof that X had found a buyer": the
    that-clause of a noun of report, belief or evidence says what is claimed, not what
    the writer states."""
    noun = clause.head
    marked = any(c.dep_ == "mark" and c.lower_ in w.complementisers for c in clause.children)
    # "allegations he pressured X": a finite clause with its own subject, "that" left out
    bare = (
        clause.dep_ == "acl"
        and clause.tag_ in {"VBD", "VBZ", "VBP"}
        and any(c.dep_ in SUBJ | PASS_SUBJ for c in clause.children)
    )
    return (
        clause.dep_ in {"acl", "ccomp"}
        and noun.pos_ == "NOUN"
        and noun.lemma_.lower() in w.claim_nouns
        and (marked or bare)
    )


def _factive_clause(clause: Token, w: WordLists) -> bool:
    """ "Critics asked whether X, while its rivals have praised Y", "will close the
    plant because demand fell": a clause of contrast or cause with a subject of its own
    states its content as so, whatever question, plan or request the parser hung it on."""
    if clause.dep_ != "advcl" or not any(c.dep_ in SUBJ | PASS_SUBJ for c in clause.children):
        return False
    return any(c.dep_ == "mark" and c.lower_ in w.factive_markers for c in clause.children)


def _denied_after(clause: Token, head: Token, w: WordLists) -> bool:
    """ "It was reported that Osei plans to ..., but he has denied it":
    a report that the same sentence goes on to deny."""
    if clause.dep_ != "ccomp":
        return False
    return any(
        c.dep_ == "conj" and c.i > clause.i and c.lemma_.lower() in w.negating_that_verbs
        and not is_negated(c, w)
        and any(o.dep_ in OBJ and o.lemma_.lower() in w.denied_anaphors for o in c.children)
        for c in head.children
    )  # fmt: skip


def _noun_step(noun: Token, w: WordLists) -> tuple[None, bool, str | None]:
    """The complement of a noun ends the chain; the noun's own negation ("no plans to
    open", "no chance of playing") and that of a light verb it is the object of ("does
    not have plans to") deny the complement."""
    flip, mod = _noun_embedding(noun, w)
    if has_negative_determiner(noun, w):
        flip = not flip
    head = noun.head
    if noun.dep_ in OBJ and head.lemma_.lower() in w.light_verbs and is_negated(head, w):
        flip = not flip
    if mod is None and noun.dep_ in OBJ and head.lemma_.lower() in w.light_verbs:
        # "may have had a part in arranging X": the light verb's modal is the act's
        own = _own(head, w).modality
        mod = None if own == ASSERTED else own
    return None, flip, mod


def _inherits_negation(tok: Token, head: Token | None, w: WordLists) -> bool:
    """A negated verb denies its xcomp and the verbs coordinated under it, and the
    that-clause of an expectation ("No one expects that X"); not what someone did not
    say ("did not say that X" leaves X open) nor an adverbial clause."""
    if tok.dep_ in {"xcomp", "acomp"} or _sufficient(tok, w):
        return True
    if tok.dep_ == "conj":
        # "would not have raced, but had been offered a place": a contrast ends it
        return head is None or not any(
            c.dep_ == "cc" and c.lower_ in w.contrast_conjunctions and head.i < c.i < tok.i
            for c in head.children
        )
    if tok.dep_ == "ccomp" and head is not None and _expletive_copula(head, w):
        return True  # "it is not that the brokers are indifferent": they are not
    return tok.dep_ == "ccomp" and head is not None and head.lemma_ in w.ccomp_irrealis_verbs


def _expletive_copula(head: Token, w: WordLists) -> bool:
    """ "It is (not) that ...", "it is not true that ...": a copula whose subject is an
    expletive "it" and which says only whether its clause is so."""
    return (
        head.lemma_ in w.copulas
        and any(c.dep_ == "nsubj" and c.lower_ in w.expletive_subjects for c in head.children)
        and all(  # "it is not true that ...", not "it is not clear that ..."
            c.lower_ in w.truth_adjectives for c in head.children if c.dep_ in {"attr", "acomp"}
        )
    )


def _compose(neg: bool, tok: Token, head: Token | None, flip: bool, above: Factuality,
             w: WordLists) -> bool:  # fmt: skip
    """The polarity after one step up: a negating embedding flips it ("refused to"),
    unless the embedding is itself negated ("did not refuse to": they cancel); a negated
    copula denies its adjective ("not able to"); a negated verb denies what inherits
    from it ("did not agree to sell", "No one expects X to V")."""
    if flip:
        return neg if above.negated else not neg
    if above.negated and tok.dep_ == "acomp":
        return not neg
    if above.negated and _inherits_negation(tok, head, w):
        return True
    return neg


def factuality(
    verb: Token, words: WordLists | None = None, own: dict[int, Factuality] | None = None
) -> Factuality:
    """Polarity and modality of a predicate in its sentence. The innermost modality that
    is not ``asserted`` wins ("could plan to sell": planned); negations compose (see
    ``_compose``) until a clause boundary ("..., because we have ties", "denied that X")
    ends them."""
    w = words or load_words()
    own = {} if own is None else own  # each token's own markers, computed once

    def own_of(tok: Token) -> Factuality:
        if tok.i not in own:
            own[tok.i] = _own(tok, w)
        return own[tok.i]

    mine = own_of(verb)
    neg, mod = mine.negated, mine.modality
    # a bare future ("would cut") says less than what embeds it: "asked whether X would
    # cut prices" is an open question, "plans to say it will" a plan
    weak = mod == EXPECTED
    aim = False  # a purpose's "planned" yields to a request or condition above it
    polar = True  # polarity still composes
    tok = verb
    for _ in range(MAX_DEPTH):
        head, flip, set_mod = _step(tok, w)
        above = own_of(head) if head is not None else Factuality()
        if polar:
            neg = _compose(neg, tok, head, flip, above, w)
            polar = _inherits_negation(tok, head, w)
        if aim and (set_mod in OVERRIDING or above.modality in OVERRIDING):
            # "urged X to sell the plant to cut debt": the cut is asked of X, not X's plan
            mod, aim = set_mod if set_mod in OVERRIDING else above.modality, False
        elif set_mod is not None and (mod == ASSERTED or weak):
            mod, weak, aim = set_mod, False, mod == ASSERTED and _weak_plan(tok, head, w)
        elif set_mod == HEDGED and mod in {PLANNED, EXPECTED}:
            mod = HEDGED  # "speculation that X will try to keep": the plan is speculated
        if head is None:
            break
        if mod == ASSERTED and tok.dep_ in {"xcomp", "conj", "acomp"}:
            mod = above.modality  # "could start to sell": possible
            # "whether X will be able to keep": a future taken over is still weak
            weak = weak or mod == EXPECTED
        tok = head
    return Factuality(neg, mod)
