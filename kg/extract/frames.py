"""The frame layer: one predicate-argument frame per verbal predicate.

A frame says who does what to whom in one clause: its logical subjects (following
control, coordination, relative clauses and passives), its objects, recipients and
prepositional arguments, each argument typed (a participant, a value, a relation noun
that another frame states, ...), and the frame's kind: an ``event`` states a fact of its
own; ``speech`` is a reporting verb with a that-clause (no clause fact: the attribution
layer and the statements extractor read it);
``control`` only hands its subject to an xcomp ("is preparing to sell"); ``belief``
reports a belief about its xcomp ("are believed to have helped"); ``light`` is a verb
too light to name a relation ("be", "get").

Extractors read frames instead of walking the tree themselves, so which construction
owns a clause is decided here, once, and not by extractors skipping each other's work.
This follows PredPatt's split of argument and predicate identification over UD trees.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ..datelines import per_token
from ..lexicon import Lexicon, load_lexicon
from . import syntax as sx

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj"}
VERBAL = {"VERB", "AUX"}

EVENT, SPEECH, CONTROL, BELIEF, LIGHT = "event", "speech", "control", "belief", "light"
# argument kinds
PARTICIPANT, VALUE, RELATION_NOUN, INTENT = "participant", "value", "relation-noun", "intent"


@dataclass(frozen=True)
class Arg:
    """One argument of a frame: its head token, its role ("object", "recipient",
    "prep:on"), the ontology property the predicate takes with it, and its kind."""

    head: Token
    role: str
    prop: str | None = None
    kind: str = PARTICIPANT
    negated: bool = False  # a list member after "not": "..., but not Alibaba"


@dataclass(frozen=True)
class Frame:
    pred: Token
    kind: str
    passive: bool
    subjects: tuple[Token, ...]
    args: tuple[Arg, ...]
    name: str  # the open relation's name when no ontology property fits: "shutDown"
    rule: str  # the construction: "active", "passive-agent", "passive"


# --------------------------------------------------------------- arguments of a verb


def is_reporting(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of saying ("said", "told", "announced"): one whose property is kg:said."""
    return verb.pos_ == "VERB" and lexicon.verbs.get(verb.lemma_.lower()) in lexicon.speech


def subjects(verb: Token) -> list[Token]:
    """The heads of the verb's (logical) subjects, following control, coordination and
    relative clauses: "Turkey, which does not recognize X" -> Turkey."""
    w = load_lexicon().words
    found = [c for c in verb.children if c.dep_ in SUBJ]
    if not found and verb.head.i == verb.i:
        return []  # a root (or a hand-built token that is its own head) has no controller
    if found:
        return _stated_subjects(verb, found, w)
    if verb.dep_ == "relcl":
        return [] if any(c.dep_ in PASS_SUBJ for c in verb.children) else sx.conjuncts(verb.head)
    if verb.dep_ == "xcomp":
        return _xcomp_subjects(verb, w)
    if verb.dep_ == "conj" and verb.head.pos_ in VERBAL:
        return [] if _absolute_misparse(verb, w) else subjects(verb.head)
    if (
        verb.dep_ in {"advcl", "acl"}
        and verb.head.pos_ in VERBAL
        and (_active_participle(verb, w) or _purpose_of_subject(verb))
    ):
        return subjects(verb.head)
    if verb.dep_ == "acomp" and verb.head.pos_ in VERBAL:
        return subjects(verb.head)  # "Chelsea were unable to sign X": the copula's subject
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        return _gerund_subjects(verb.head.head, w)
    if verb.dep_ == "acl":
        return _noun_controller(verb.head, w) or _participle_noun(verb)
    return []


def absolute_clause(verb: Token, w) -> bool:  # noqa: ANN001 - the word lists
    """ "with cheap rivals driving down prices": a participle with a subject of its own
    after an absolute preposition."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and verb.head.lower_ in w.absolute_prepositions
        and any(c.dep_ in SUBJ for c in verb.children)
    )


def _absolute_misparse(verb: Token, w) -> bool:  # noqa: ANN001 - the word lists
    """ "with rivals driving down prices and demand dipping": each conjunct of an absolute
    clause is a noun and its participle; a conjunct the parser read as a finite verb
    ("demand" with the object "dipping") is a noun it misread, with no subject to share."""
    return absolute_clause(verb.head, w) and verb.tag_ != "VBG"


def _possessor(tok: Token) -> bool:
    return any(c.tag_ == "POS" for c in tok.children)


def _stated_subjects(verb: Token, found: list[Token], w) -> list[Token]:  # noqa: ANN001
    """The verb's own subjects, a relative pronoun's antecedent for the pronoun."""
    if verb.tag_ == "VBG" and all(_possessor(s) for s in found):
        # "gave Norvia's rapidly expanding economy an advantage": a possessor the parser
        # made the subject of a participle that modifies its noun; no clause to read
        return []
    out: list[Token] = []
    for s in found:
        if s.lower_ in w.relative_subjects and verb.dep_ == "relcl":
            out.extend(_relative_antecedents(verb))
            continue
        out.extend(sx.conjuncts(s))
    return out


def _relative_antecedents(relcl: Token) -> list[Token]:
    """What a subject relative stands for: its noun and the nouns coordinated with it,
    but one noun only when its verb is singular ("A and its owner B, who is facing a
    trial": B, the nearest, not A)."""
    members = sx.conjuncts(_antecedent(relcl))
    finite = [relcl, *(c for c in relcl.children if c.dep_ in {"aux", "auxpass"})]
    singular = any(t.morph.get("Number") == ["Sing"] and t.morph.get("VerbForm") == ["Fin"]
                   for t in finite)  # fmt: skip
    before = [m for m in members if m.i < relcl.i]
    if singular and len(members) > 1 and before:
        return before[-1:]
    return members


def _xcomp_subjects(verb: Token, w) -> list[Token]:  # noqa: ANN001 - the word lists
    found = _controller(verb.head, w)
    if verb.head.pos_ == "ADJ" and len(found) == 1 and found[0].lower_ in w.expletive_subjects:
        # "it was too early to draw": extraposed, no one draws; "it is too costly to
        # build": "it" is what is built
        return []
    return found


def bare_purpose(clause: Token) -> bool:
    """ "IBM donated servers to build the grid": an infinitive clause with no subject or
    subordinator of its own that modifies a clause says what its subject did it for."""
    if clause.dep_ != "advcl" or clause.tag_ != "VB":
        return False
    deps = {c.dep_ for c in clause.children}
    return sx.has_to(clause) and not deps & {"mark", "nsubj", "nsubjpass", "csubj"}


def _purpose_of_subject(verb: Token) -> bool:
    """ "IBM donated servers to build the grid": a purpose clause is its clause's
    subject's aim, unless the clause names someone else who might do it ("hired Acme to
    build": object control, or a parse that hides it), or an object noun whose
    complement it may be ("attacked its failure to act")."""
    head = verb.head
    if not bare_purpose(verb) or head.pos_ not in VERBAL or is_passive(head):
        return False
    lex = load_lexicon()
    w = lex.words
    taking = w.intent_nouns | w.possibility_nouns | w.negating_nouns
    for o in (*objects(head), *datives(head)):
        if o.ent_type_ or o.pos_ in {"PROPN", "PRON"}:
            return False  # someone else named
        lemma = o.lemma_.lower()
        if lemma in taking or lemma in lex.nominalisations or lemma in lex.nouns:
            return False  # "withdrew their bids to buy X", "a deal to end": the noun's
    return True


def included_members(noun: Token) -> list[Token]:
    """ "Firms hit by the ban include A and B": the members a class noun's inclusion verb
    names are what the participle modifying the class says of it."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in load_lexicon().words.inclusion_verbs:
        return []
    found = {m.i: m for o in objects(verb) for m in sx.conjuncts(o)}
    return [m for _, m in sorted(found.items()) if m.ent_type_ or m.pos_ == "PROPN"]


def _antecedent(relcl: Token) -> Token:
    """What a relative clause is said of: its noun, or what that noun is in apposition
    to ("Mr Hadi, an Iraqi who left the country": Mr Hadi)."""
    noun = relcl.head
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun


def _participle_noun(verb: Token) -> list[Token]:
    """ "the company, working with X", "a bill containing Y": the noun a present
    participle modifies does what it says (not a noun the parser made the root)."""
    noun = verb.head
    if verb.tag_ != "VBG" or noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ == "ROOT":
        return []
    return sx.conjuncts(noun)


def _active_participle(verb: Token, w) -> bool:
    """ "..., Cavusoglu said, speaking at a conference", "Having sold its stake, Rivo
    bought ...": an active participle that modifies a clause is its subject's act."""
    if verb.tag_ == "VBG":
        return not _trailing_noun_participle(verb)
    deps = [(c.dep_, c.lower_) for c in verb.children]
    return (
        verb.dep_ == "advcl"
        and any(d == "aux" and t in w.perfect_auxiliaries for d, t in deps)
        and not any(d == "auxpass" for d, _ in deps)
    )


def _trailing_noun_participle(verb: Token) -> bool:
    """ "accused X of paying an agent in Velmora claiming ties with Y": a participle right
    after a noun deep in the clause, with no comma to set it off, most likely modifies
    that noun (the agent claims), however the parser hung it; the clause's subject is no
    safe reading ("spent $5m buying X": the verb's own object is no such noun)."""
    if verb.dep_ != "advcl" or verb.i < verb.head.i or verb.left_edge.i == 0:
        return False
    if any(c.dep_ == "mark" or c.tag_ == "WRB" for c in verb.children):
        return False  # "..., while seeking to", "when judging X": the subject's
    before = verb.doc[verb.left_edge.i - 1]
    # the object of a preposition on a noun ("an agent in Velmora"), not on the verb
    # ("sent a letter on Thursday saying", "came into office promising")
    return before.dep_ == "pobj" and before.pos_ in {"NOUN", "PROPN"} \
        and before.head.head.pos_ in {"NOUN", "PROPN"}  # fmt: skip


def antecedent(tok: Token, verb: Token) -> Token:
    """The noun a relative pronoun stands for in the verb's clause: "Instagram, which
    Facebook bought" -> Instagram; any other token is itself."""
    lex = load_lexicon()
    if tok.lower_ not in lex.words.relative_pronouns:
        return tok
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "ccomp" for c in verb.children) or lex.verbs.get(lemma) in lex.speech \
            or lemma in lex.words.hedging_verbs:  # fmt: skip
        return tok  # "the powers, which X argues are needed": the subject of what is said
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "Ericsson, which Nokia tried to buy"
    noun = verb.head
    if verb.dep_ != "relcl" or noun.i == verb.i or noun.pos_ not in {"NOUN", "PROPN"}:
        return tok
    if noun.dep_ == "pobj" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        return tok  # "the owners of Rover, who ...": which noun is meant is not clear
    return noun


def _gerund_subjects(gov: Token, w) -> list[Token]:
    """Who does what a gerund after a preposition says, by what the preposition hangs
    on: a verb, or the object of a light verb ("X has no hope of winning": X)."""
    if gov.pos_ in VERBAL:
        return _gerund_controller(gov, w)
    if gov.dep_ in OBJ and gov.head.lemma_.lower() in w.light_verbs | w.support_verbs:
        return subjects(gov.head)  # "played a key role in negotiating X": the player
    return []


def _gerund_controller(gov: Token, w) -> list[Token]:
    """Who does what a gerund after a preposition says: the object of "accused X of
    producing", "barred X from buying"; the subject of "accepted the prize without
    attending"; nobody certain under an xcomp ("allowed X to gain ground after
    replacing Y")."""
    if gov.lemma_ in w.object_gerund_verbs:
        objs = [c for c in gov.children if c.dep_ in OBJ]
        if not objs and is_passive(gov):
            return passive_subjects(gov)  # "Rivo was barred from buying X": Rivo
        return sx.conjuncts(objs[0]) if objs else []
    return [] if gov.dep_ == "xcomp" else subjects(gov)


def _controller(head: Token, w) -> list[Token]:
    """Who does what an xcomp says: the object of an object-control verb ("urged Chile
    to sign"), the patient of a passive belief verb, else the head's subject."""
    if head.lemma_ in w.object_control_verbs or head.lemma_ in w.purpose_object_verbs:
        objs = [c for c in head.children if c.dep_ in OBJ] or [
            o
            for p in head.children
            if p.dep_ == "prep" and p.lower_ in w.control_prepositions
            for o in p.children
            if o.dep_ == "pobj"
        ]  # fmt: skip  ("called on the board to withdraw", "appealed to the unions to ...")
        if objs:
            return sx.conjuncts(objs[0])
    pas = [c for c in head.children if c.dep_ in PASS_SUBJ]
    if pas and head.lemma_ in w.hedging_verbs:
        return sx.conjuncts(pas[0])  # "These drones are believed to have helped"
    return subjects(head)


def _noun_controller(noun: Token, w) -> list[Token]:
    """The subject of a clause that complements a noun: "our decision not to recognize
    X" (the possessor), "the decision by India to open X" (the by-phrase), "the Crimean
    Platform - Kyiv's initiative to involve X" (the thing named)."""
    if noun.lemma_ in w.intent_nouns:
        poss = [c for c in noun.children if c.dep_ == "poss"]
        if poss:
            return poss
        by = by_agents(noun)
        if by:
            return by
        if noun.head.pos_ in VERBAL and noun.dep_ in OBJ and not _someone_elses(noun, w):
            return subjects(noun.head)  # "X took the decision to": not "a plan to Y cut Z"
    if noun.pos_ in {"NOUN", "PROPN"} and noun.dep_ == "appos":
        return [noun.head]
    return []


def _someone_elses(noun: Token, w) -> bool:  # noqa: ANN001 - the word lists
    """ "Ministers support the plan to tax fuel": a definite intent noun that a verb
    other than a light or support one takes as its object is a plan already known,
    most likely another's; "X took the decision to", "unveiled a plan to" are X's."""
    definite = any(c.dep_ == "det" and c.lower_ in w.definite_articles for c in noun.children)
    infinitive = any(c.dep_ == "acl" and sx.has_to(c) for c in noun.children)
    verb = noun.head.lemma_.lower()
    return definite and infinitive \
        and verb not in w.light_verbs | w.support_verbs | w.light_clause_verbs  # fmt: skip


def by_agents(noun: Token) -> list[Token]:
    """The agents of a noun in a by-phrase: "the decision by India and Pakistan"."""
    by = load_lexicon().words.agent_prepositions
    for c in noun.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in by:
            for o in c.children:
                if o.dep_ == "pobj":
                    return sx.conjuncts(o)
    return []


def passive_subjects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in PASS_SUBJ]
    if not found and verb.head.i == verb.i:
        return []
    if not found and verb.dep_ in {"relcl", "acl"} and verb.tag_ == "VBN":
        return included_members(verb.head) or [verb.head]  # "a conference organized by X"
    if not found and _fronted_participle(verb):
        # "Compiled by X, the survey found ...": the patient is the clause's subject
        return subjects(verb.head) or passive_subjects(verb.head)
    if not found and _predicative_participle(verb):
        return subjects(verb.head)
    if not found and verb.dep_ == "xcomp" and verb.tag_ == "VBN":
        # "X is to be replaced by Y", "X is expected to be bought by Y"
        return _controller(verb.head, load_lexicon().words)
    if not found and verb.dep_ == "conj" and verb.tag_ == "VBN":
        # "X would not have raced, but had been offered a place": X was offered
        return passive_subjects(verb.head) or subjects(verb.head)
    out: list[Token] = []
    for s in found:
        a = antecedent(s, verb)
        out.extend(sx.conjuncts(s) if a.i == s.i else [a])
    return out


def _predicative_participle(verb: Token) -> bool:
    """ "X is majority-owned by Y": the parser reads a hyphenated past participle after
    a copula as its adjective complement; with a by-agent it is a passive whose patient
    is the copula's subject."""
    return (
        verb.dep_ == "acomp"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in VERBAL
        and any(c.dep_ == "agent" for c in verb.children)
    )


def _fronted_participle(verb: Token) -> bool:
    """ "Compiled by X, the survey found ...", "X is in prison, having been charged with
    Y": a past participle that modifies the clause, with no subject of its own, is a
    passive whose patient is the clause's subject. A bare one must open the sentence
    ("..., tabled by France" may modify any noun before it)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.head.pos_ not in VERBAL:
        return False
    deps = {c.dep_ for c in verb.children}
    if deps & (SUBJ | PASS_SUBJ | {"mark"}):
        return False
    if "auxpass" in deps:
        return True
    return "aux" not in deps and verb.i < verb.head.i


def _passive_recipients(verb: Token, lex: Lexicon) -> list[Token]:
    """ "The prize was awarded to X by Y", "the plant was sold to Tata by X": X."""
    return [
        oc
        for c in verb.children
        if c.dep_ in {"dative", "prep"} and c.lower_ in lex.words.recipient_prepositions
        for o in c.children
        if o.dep_ == "pobj"
        and (
            o.ent_type_ in lex.entity_labels
            or o.pos_ == "PROPN"
            or o.lower_ in lex.words.person_object_pronouns
        )
        # a name or a person: "impressed by X in the league to date" has none
        for oc in sx.conjuncts(o)
    ]


def agent(verb: Token) -> list[Token]:
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return sx.conjuncts(_named_by_apposition(objs[0]))
    return []


def _named_by_apposition(noun: Token) -> Token:
    """ "owned by Malaysian entrepreneur Dr Khoo": the parser makes the title the head
    and the name its apposition; the name is the agent."""
    if noun.ent_type_ or noun.pos_ != "NOUN":
        return noun
    names = [c for c in noun.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
             and c.left_edge.i == noun.i + 1]  # fmt: skip
    return names[0] if names else noun


def _clause_apposition(obj: Token, verb: Token) -> bool:
    """ "lifted rates 0.25%, their first move in a year", "blamed fuel prices for weak
    sales of trucks - the vehicles that ...": a second object after a comma or a dash
    names the act, or a noun before it, not another thing it was done to."""
    doc = obj.doc
    edge = obj.left_edge.i
    return (
        edge > 0
        and doc[edge - 1].text in load_lexicon().words.apposition_marks
        and any(c.dep_ in OBJ and c.i < obj.i for c in verb.children)
    )


def objects(verb: Token) -> list[Token]:
    out: list[Token] = []
    manner = {t.i for t in hyphen_adverb(verb)}  # "competing head-on with": no object
    for c in verb.children:
        if c.dep_ in OBJ and (_clause_apposition(c, verb) or c.i in manner):
            continue
        if c.dep_ in OBJ:
            a = antecedent(c, verb)  # "Instagram, which Facebook bought"
            found = sx.conjuncts(c) if a.i == c.i else [a]
            out.extend(m for m in found if not _verb_phrase_conjunct(m, verb))
    if not out:
        # the small model often labels a named object "npadvmod": "Bolivia supports Chile"
        named = load_lexicon().entity_labels
        for c in verb.children:
            if c.dep_ == "npadvmod" and c.i > verb.i and c.ent_type_ in named:
                out.extend(sx.conjuncts(c))
    return out


def _verb_phrase_conjunct(noun: Token, verb: Token) -> bool:
    """ "rigged bids and fixed prices", "booked expenses and inflated profits": after a
    past-tense verb, a conjunct opening on a bare "-ed" word is most likely a second verb
    with its own object, which the parser took for a participle modifying a noun; the
    first verb did nothing to it (no reading beats "rigged fixed prices")."""
    if noun.dep_ != "conj" or verb.tag_ != "VBD":
        return False
    first = noun.doc[noun.left_edge.i]
    before = noun.doc[first.i - 1]
    return (
        before.dep_ == "cc"
        and first.dep_ == "amod"
        and first.head.i == noun.i
        and (first.tag_ in {"VBN", "VBD"} or (first.tag_ == "JJ" and first.lower_.endswith("ed")))
    )


def datives(verb: Token) -> list[Token]:
    """Recipients without a preposition ("sold Juventus its goalkeeper"); a "to" the
    parser labels a dative ("sold its unit to Swisscom") is a preposition: its object is
    taken by ``prep_objects``."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in {"dative", "iobj"} and c.pos_ in {"PROPN", "NOUN", "PRON"}:
            out.extend(sx.conjuncts(c))
    return out


def prep_objects(verb: Token) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs attached to the verb: "stand for X", "work on X", "sold
    X to Y" (a "to" labelled dative), "pulled out of X" (the "of" of "out of")."""
    for c in verb.children:
        preps = [c] if c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP") else []
        if preps and not any(o.dep_ == "pobj" for o in c.children):
            # "out of", "away from": a particle with a preposition of its own
            particles = load_lexicon().words.particles
            preps = [p for p in c.children
                     if p.dep_ == "prep" and p.i == c.i + 1 and c.lower_ in particles]  # fmt: skip
        for p in preps:
            for o in p.children:
                if o.dep_ == "pobj" and not sx.hyphen_tail(o):  # "on the pre-payment"
                    for oc in sx.conjuncts(o):
                        yield p, oc


def prep_text(prep: Token) -> str:
    """A preposition as the predicate names it: "of" under "out" is "out of"."""
    head, particles = prep.head, load_lexicon().words.particles
    if head.i == prep.i - 1 and head.dep_ == "prep" and head.lower_ in particles:
        return f"{head.lower_} {prep.lower_}"
    return prep.lower_


def hyphen_adverb(verb: Token) -> list[Token]:
    """ "going head-to-head with", "competing head-on with": a hyphenated word right after
    the verb that hangs on it, an adverb of manner however the parser labelled its parts."""
    doc = verb.doc
    i = verb.i + 1
    if i + 2 >= len(doc) or not sx.hyphen_tail(doc[i + 1]):
        return []
    chain = [doc[i]]
    while chain[-1].i + 2 < len(doc) and sx.hyphen_tail(doc[chain[-1].i + 1]):
        chain += [doc[chain[-1].i + 1], doc[chain[-1].i + 2]]
    ids = {t.i for t in chain}
    words = [t for t in chain if t.text not in {"-", "\u2010", "\u2011"}]
    hangs = any(t.head.i == verb.i for t in chain) and all(
        t.head.i in ids | {verb.i} for t in chain
    )
    nominal = any(t.dep_ in {"amod", "compound"} and t.head.i not in ids for t in chain)
    # lower-case words, no name ("beat Al-Hilal")
    plain = all(t.is_alpha and t.is_lower and not t.ent_type_ for t in words)
    return chain if hangs and not nominal and plain else []


@per_token
def particle(verb: Token) -> str:
    """A phrasal verb's particle: "shut down", and an adverb the parser did not label a
    particle right after the verb ("fell behind", "look forward to", "going head-to-head
    with"). Read once per verb of a sealed document (rules ask for it ~20,000 times in
    150 articles)."""
    for c in verb.children:
        if c.dep_ == "prt":
            return c.lower_
    for c in verb.children:
        if c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in load_lexicon().words.particles:
            return c.lower_
    chain = hyphen_adverb(verb)
    return " ".join(t.lower_ for t in chain if t.is_alpha) if chain else ""


@per_token
def is_passive(verb: Token) -> bool:
    """ "X was sold", "a plant sold to Y", "..., but had been offered a place"."""
    if any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children):
        return True
    own_subject = any(c.dep_ in SUBJ for c in verb.children)
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and not own_subject:
        return verb.head.i != verb.i and is_passive(verb.head)  # "was closed and sold to X"
    if _fronted_participle(verb):
        return True  # "Compiled by X, the survey found ..."
    if _predicative_participle(verb):
        return True  # "X is majority-owned by Y"
    return verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"} and not subjects(verb)


# --------------------------------------------------------------------- verb frames


def canonical(lex: Lexicon, verb: Token, prep: str = "") -> str | None:
    """The ontology property a verb (with its particle, or a preposition) triggers."""
    prt = particle(verb)
    if prt:
        found = lex.verb(f"{verb.lemma_.lower()} {prt}", prep)
        if found:
            return found
    return lex.verb(verb.lemma_.lower(), prep)


def _is_argument_prep(prep: Token, pobj: Token, lex: Lexicon) -> bool:
    """Not "during the talks", "in April", nor a part of a date ("for most of Friday",
    "until the end of March")."""
    dated = not pobj.ent_type_ and any(
        o.ent_type_ in lex.date_labels for p, o in prep_objects(pobj)
        if p.lower_ in lex.words.partitive_prepositions
    )  # fmt: skip
    # "were voted out, against the wishes of X": a phrase set off by a comma is an aside;
    # so is one fronted before its verb ("Under the proposals, X could be listed"), but
    # for a relative pronoun ("the firm in which X invested")
    aside = prep.i > 0 and prep.doc[prep.i - 1].text == ","
    head = prep.head
    fronted = head.pos_ in VERBAL and prep.i < head.i and pobj.lower_ not in lex.words.wh_words
    aside = aside or fronted
    return (
        prep.lower_ not in lex.words.non_argument_prepositions
        and pobj.ent_type_ not in lex.date_labels
        and pobj.lemma_.lower() not in lex.words.time_nouns
        and not dated
        and not aside
    )


def _active_args(lex: Lexicon, verb: Token) -> Iterator[Arg]:
    """Recipients, objects and prepositional arguments of an active verb."""
    w = lex.words
    dobjs = objects(verb)
    canon = canonical(lex, verb)
    if canon in lex.item_properties and any(o.lemma_.lower() in w.speech_nouns for o in dobjs):
        canon = None  # "delivered a lecture to students", "gave a warning": no supply
    for d in datives(verb):
        yield Arg(d, "recipient", canon)
    for o in dobjs:
        yield Arg(sx.dash_apposition(o) or o, "object", canon)
    for prep, pobj in prep_objects(verb):
        p = prep_text(prep)
        if p in w.denied_prepositions and pobj.pos_ in {"NOUN", "PROPN"} and not dobjs:
            # "comes without a monitor": the "with" relation, denied
            yield Arg(pobj, "prep:" + min(w.denied_prepositions_base), negated=True)
        elif _is_argument_prep(prep, pobj, lex):
            arg = _prep_arg(lex, verb, canon, p, pobj, bool(dobjs))
            if arg is not None:
                yield arg
    for o in dobjs:
        if _is_value(lex, o):  # "invested $5bn in Intel": the parser hangs "in" on "$5bn"
            for prep, pobj in prep_objects(o):
                if _prepositional(lex, verb, prep_text(prep)):
                    yield Arg(pobj, "prep:" + prep_text(prep))


def _prepositional(lex: Lexicon, verb: Token, p: str) -> bool:
    """ "invested in", "withdrew from", "stepped down from": a preposition whose object is
    an argument of the verb, not the place of the event (lexicon.toml)."""
    lemma, listed = verb.lemma_.lower(), lex.words.prepositional_verbs
    return f"{lemma} {p}" in listed or f"{lemma} {particle(verb)} {p}" in listed


def _prep_arg(lex: Lexicon, verb: Token, canon, p: str, pobj: Token, dobj: bool) -> Arg | None:
    w = lex.words
    key = f"{verb.lemma_.lower()} {p}"
    if key in lex.verbs:
        return Arg(pobj, "object", lex.verbs[key])  # "stand for X", "meet with X"
    if canon and p in w.recipient_prepositions and canon not in lex.speech:
        return Arg(pobj, "recipient", canon)  # "sells tanks to Poland"
    if _prepositional(lex, verb, p) or (not dobj and p not in w.locative_prepositions):
        return Arg(pobj, "prep:" + p)  # "work on a contract", "invested $5bn in Intel"
    return None


def _arg_kind(lex: Lexicon, verb: Token, arg: Arg) -> str:
    """What an argument is: a participant, a value (numbers, dates: the quantities
    extractor's), a relation noun a light verb carries ("have ties with X": the noun's
    frame states it), or a noun of intent whose complement states the fact ("confirmed
    its decision not to recognize X")."""
    head, w = arg.head, lex.words
    if _is_value(lex, head):
        return VALUE
    noun = head.lemma_.lower()
    if (
        arg.prop is None
        and verb.lemma_.lower() in w.light_verbs
        and (noun in lex.nouns or head.lower_ in lex.nouns)
    ):
        return RELATION_NOUN
    if arg.prop is None and arg.role == "object" and supports(lex, verb) \
            and verb.lemma_.lower() not in w.stating_support_verbs:  # fmt: skip
        # "paid a visit to Oslo", "completed the purchase of X": the noun's frame
        nf = noun_frame(lex, head)
        if (nf is not None and nf.partners) or nominal_frame(lex, head) is not None:
            return RELATION_NOUN
    if (
        noun in w.intent_nouns | w.possibility_nouns
        and (
            any(c.dep_ in {"acl", "xcomp", "relcl"} for c in head.children)
            or any(
                p.dep_ == "prep" and any(g.dep_ == "pcomp" for g in p.children)
                for p in head.children
            )
        )
        and not by_agents(head)
    ):
        return INTENT  # "its pledge not to ...", "no chance of playing": the complement's
    return PARTICIPANT


def _typed(lex: Lexicon, verb: Token, arg: Arg) -> Arg:
    """The argument with its kind, and with the name an apposition gives a description:
    "visited the holiest shrine, the Golden Temple" -> the Golden Temple."""
    head = _named_apposition(lex, arg.head) or arg.head
    arg = Arg(head, arg.role, arg.prop, negated=arg.negated)
    kind = _arg_kind(lex, verb, arg)
    # "no analyst asked by the paper": the "no" quantifies the clause the noun is the
    # subject of, not the participle that modifies it
    modified = verb.dep_ in {"acl", "relcl"} and arg.head.i == verb.head.i
    denied = arg.negated or (not modified and sx.remnant_negated(arg.head))
    return Arg(head, arg.role, arg.prop, kind, denied)


def _after_colon(tok: Token) -> bool:
    return tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ":"


def _counted(noun: Token) -> bool:
    return any(c.dep_ == "nummod" and c.like_num for c in noun.children)


def _counted_before(noun: Token) -> Token | None:
    """A counted object of a verb above the noun's own, before the noun: "shortlisted
    four companies to build the link" -> companies (for "the link")."""
    if noun.dep_ not in OBJ:
        return None
    v = noun.head
    while v.dep_ in {"xcomp", "advcl"} and v.head.pos_ in VERBAL and v.head.i != v.i:
        v = v.head
        for o in objects(v):
            if o.i < noun.i and _counted(o):
                return o
    return None


def _named_apposition(lex: Lexicon, noun: Token) -> Token | None:
    """The name an apposition gives a description ("the holiest shrine, the Golden
    Temple"), or the first of the names a list after a colon gives it. A colon list the
    parser hung on a nearer noun belongs to the counted noun before it: "shortlisted four
    companies to build the link: A, B and C" -> the companies are A, B and C; the link is
    none of them."""
    if noun.ent_type_:
        return None
    for c in noun.children:
        if c.dep_ == "appos" and c.ent_type_ in lex.entity_labels:
            if _after_colon(c) and not _counted(noun) and _counted_before(noun) is not None:
                return None
            return c
    if not _counted(noun):
        return None
    for t in noun.sent:
        if t.i > noun.i and t.dep_ == "appos" and t.ent_type_ in lex.entity_labels \
                and _after_colon(t) and not _counted(t.head) \
                and getattr(_counted_before(t.head), "i", -1) == noun.i:  # fmt: skip
            return t
    return None


def _members(lex: Lexicon, arg: Arg) -> list[Arg]:
    """The members an argument lists: "to carmakers, including Toyota and
    Renault" -> Toyota, Renault in the same role."""
    preps = lex.words.inclusion_prepositions
    out = [Arg(m, arg.role, arg.prop) for p in arg.head.children
           if p.dep_ == "prep" and p.lower_ in preps
           for o in p.children if o.dep_ == "pobj" for m in sx.conjuncts(o)]  # fmt: skip
    # "fined three airlines: Ryanair, easyJet and Wizz Air": the names an apposition
    # lists (the first is the argument itself, see ``_typed``)
    named = _named_apposition(lex, arg.head)
    if named is not None:
        out += [Arg(m, arg.role, arg.prop) for m in sx.conjuncts(named)[1:]
                if m.ent_type_ in lex.entity_labels or m.pos_ == "PROPN"]  # fmt: skip
    # "uses cobalt rather than nickel": the alternative, denied
    doc = arg.head.doc
    for c in arg.head.children:
        phrase = f"{doc[c.i - 1].lower_} {c.lower_}" if c.i > 0 else c.lower_
        if c.dep_ in {"cc", "prep"} and phrase in lex.words.negating_prepositions:
            out += [Arg(o, arg.role, arg.prop, negated=True)
                    for o in c.children if o.dep_ == "pobj"]  # fmt: skip
    return out


def _remnants(verb: Token, template: Arg) -> list[Arg]:
    """Names the parser coordinated with the verb, or with a verb it is the xcomp of:
    "selling jets to Ryanair and easyJet, but not Wizz Air or Vueling" -> Wizz Air and
    Vueling in the role of the last argument."""
    out: list[Arg] = []
    v = verb
    while True:
        for c in v.children:
            if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"} and c.i > template.head.i \
                    and sx.remnant_negated(c):  # fmt: skip
                out.extend(Arg(m, template.role, template.prop) for m in sx.conjuncts(c))
        if v.dep_ != "xcomp" or v.head.i == v.i:
            return out
        v = v.head


def _with_members(lex: Lexicon, verb: Token, args: list[Arg]) -> list[Arg]:
    out: list[Arg] = []
    for a in args:
        out.append(a)
        out.extend(_members(lex, a))
    return out + _remnants(verb, out[-1]) if out else out


def _is_value(lex: Lexicon, head: Token) -> bool:
    if head.lower_ in lex.words.wh_words or head.pos_ == "NUM" or head.like_num:
        return True
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.like_num and not before.whitespace_:
        return True  # "paying $2.1m": the tokenizer splits the unit off the number
    if head.ent_type_ in lex.value_labels:
        return True
    if head.tag_ in {"JJR", "JJS", "RBR", "RBS"}:
        return True  # "called for more", "spend most": an amount with nothing counted
    measured = lex.quantity_labels - lex.words.unmeasured_labels
    if any(t.ent_type_ in measured for t in sx.phrase_tokens(head)):
        return True  # "four missiles", "$5bn in aid" (an ordinal only ranks: "first plant")
    if head.pos_ == "PRON" and head.lower_ not in lex.words.pronouns:
        # "something", "this" name nothing; "anything uncomfortable" describes a thing
        return not any(c.dep_ == "amod" for c in head.children)
    return False


def _kind(lex: Lexicon, verb: Token, passive: bool, args: list[Arg]) -> str:
    lemma, w = verb.lemma_.lower(), lex.words
    if lemma in w.light_clause_verbs and not _names_object(verb):
        return LIGHT
    if lex.verbs.get(lemma) in lex.speech and any(c.dep_ == "ccomp" for c in verb.children):
        return SPEECH  # reported speech: "said that X"; "urged Y to V" is an event
    xcomps = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in VERBAL]
    if passive and xcomps and lemma in w.hedging_verbs:
        return BELIEF  # "X is believed to have helped": the xcomp carries the fact
    control = w.planning_verbs | w.negating_verbs | w.subject_control_verbs
    if not passive and xcomps and lemma in control and all(a.role == "prep:to" for a in args):
        return CONTROL  # "is preparing to sell": the xcomp's fact carries the subject
    return EVENT


def _ellipsis(verb: Token, lex: Lexicon) -> Frame | None:
    """ "Portugal did not back the plan, nor did Greece", "..., and so did Madrid": a
    pro-verb with a subject of its own and nothing else repeats the verb it is
    coordinated with, for its own subject (its polarity is its own: "nor", "not")."""
    if verb.lemma_.lower() not in lex.words.pro_verbs or verb.dep_ != "conj":
        return None
    own = subjects(verb)
    if not own or objects(verb) or verb.head.pos_ not in VERBAL or verb.head.i == verb.i:
        return None
    first = verb_frame(verb.head, lex)
    if first is None or first.kind != EVENT:
        return None
    return Frame(verb, EVENT, first.passive, tuple(own), first.args, first.name, "ellipsis")


def _title_read_as_verb(verb: Token, lex: Lexicon) -> bool:
    """ "Wales defender Treharne": the small model tags the title as a verb; a title noun
    in "-er"/"-or" is never one."""
    low = verb.lower_
    return low in lex.words.title_words and low.endswith(("er", "or")) and low == verb.lemma_


def _noun_read_as_verb(verb: Token) -> bool:
    """ "lost out to luxury goods firm X", "since X came to office the budget has
    swung": the small model reads a noun after "to" as an infinitive. Such a "verb"
    shows by two bare noun objects side by side, or by an object that is the subject
    its sentence's main verb, right after it, then lacks."""
    if not sx.has_to(verb):
        return False
    objs = [c for c in verb.children if c.dep_ in OBJ and not _clause_apposition(c, verb)]
    return _adjacent_nouns(objs) or _stolen_subject(verb, objs)


def _adjacent_nouns(objs: list[Token]) -> bool:
    """Two bare noun objects with nothing between them ("to luxury goods firm X")."""
    lex = load_lexicon()
    nouns = [
        o
        for o in objs
        if o.pos_ in {"NOUN", "PROPN"}
        and not o.like_num
        and o.ent_type_ not in lex.date_labels
        and o.lemma_.lower() not in lex.words.time_nouns
    ]  # "spend $5m this year"
    return any(b.left_edge.i == a.right_edge.i + 1 for a, b in zip(nouns, nouns[1:], strict=False))


def _stolen_subject(verb: Token, objs: list[Token]) -> bool:
    """A fronted clause's object followed at once by the main verb (or its auxiliary),
    which has no subject of its own: "since X came to office the budget has swung"."""
    head = verb
    while head.dep_ == "advcl" and head.head.i != head.i:
        head = head.head  # up the fronted clauses
    if head.i <= verb.i or head.pos_ not in VERBAL or head.tag_ == "VB":
        return False  # a bare "VB" main verb may be an imperative
    if any(c.dep_ in SUBJ | PASS_SUBJ | {"expl"} for c in head.children):
        return False
    starts = {head.i} | {c.i for c in head.children if c.dep_ in {"aux", "auxpass"}}
    return any(o.right_edge.i + 1 in starts for o in objs)


def _names_object(verb: Token) -> bool:
    """ "makes Lumo paint", "took Halden Rovers to court": a named object makes a light verb a
    relation of its own ("made a decision" stays light); so does a with-phrase ("comes
    with a keyboard", "comes without a monitor"), and the agent of a passive ("a vaccine
    made by Sanofi")."""
    w = load_lexicon().words
    if agent(verb) and is_passive(verb):
        return True
    if any(c.dep_ == "prep" and c.lower_ in w.light_relation_prepositions
           for c in verb.children) and verb.lemma_.lower() not in w.copulas:  # fmt: skip
        return True
    return any((t.ent_type_ or t.pos_ == "PROPN") and t.dep_ in {"compound", "dobj", "poss"}
               for o in objects(verb) for t in (o, *o.children))  # fmt: skip


def verb_frame(verb: Token, lex: Lexicon) -> Frame | None:
    """The frame of a verbal predicate, or None for a token that is not one."""
    if verb.pos_ not in VERBAL or _title_read_as_verb(verb, lex) or _noun_read_as_verb(verb):
        return None
    elided = _ellipsis(verb, lex)
    if elided is not None:
        return elided
    if verb.lemma_.lower() in lex.words.light_clause_verbs and canonical(lex, verb) is None \
            and not _names_object(verb):  # fmt: skip
        # too light to name a relation ("took over" is a trigger): no arguments to read
        return Frame(verb, LIGHT, False, (), (), verb.lemma_.lower(), "light")
    passive = is_passive(verb)
    agents = agent(verb) if passive else []
    if not passive:
        subj, args, rule = subjects(verb), list(_active_args(lex, verb)), "active"
    elif agents:
        canon = canonical(lex, verb)
        subj, rule = agents, "passive-agent"
        args = [Arg(p, "object", canon) for p in passive_subjects(verb)]
        # "was awarded to X by Y": the recipient too
        args += [Arg(r, "recipient", canon) for r in _passive_recipients(verb, lex)]
    else:
        subj, rule = passive_subjects(verb), "passive"
        # "was banned in Montana": the place of the event, not what was banned (bannedIn)
        places = lex.words.place_only_prepositions
        # "was inducted into X": a verb with its preposition the ontology lists (inductedInto)
        args = [Arg(o, ("place:" if p.lower_ in places else "prep:") + p.lower_,
                    lex.verbs.get(f"{verb.lemma_.lower()} {p.lower_}"))
                for p, o in prep_objects(verb) if _is_argument_prep(p, o, lex)]  # fmt: skip
    args = _with_members(lex, verb, args)
    args = [_typed(lex, verb, a) for a in args]
    base = verb.lower_ if passive and not agents else verb.lemma_.lower()
    return Frame(
        pred=verb,
        kind=_kind(lex, verb, passive, args),
        passive=passive,
        subjects=tuple(subj),
        args=tuple(args),
        name=sx.camel(base, particle(verb)),
        rule=rule,
    )


# --------------------------------------------------------------------- noun frames


@dataclass(frozen=True)
class NounFrame:
    """A relation noun's frame: "Russia's annexation of Crimea", "a conversation with
    X" (agent from the clause), "have ties with X" (the light verb's subject).

    ``via`` says where the agents came from: "possessor", "by" or "clause"; for "clause"
    the governing verb (``anchor``) carries the fact's polarity and modality.
    """

    noun: Token
    prop: str
    agents: tuple[Token, ...]
    partners: tuple[Token, ...]
    via: str
    anchor: Token


def _noun_pobjs(noun: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of the noun's prepositions; a conjunct with a possessor of its own is
    another phrase the parser coordinated with the object ("X's takeover of Y and Z's
    purchase of W": not a takeover of the purchase)."""
    return [
        oc
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in preps
        for o in c.children
        if o.dep_ == "pobj"
        for oc in sx.conjuncts(o)
        if oc.i == o.i or not any(g.dep_ == "poss" for g in oc.children)
    ]


def governing_clause(noun: Token) -> tuple[Token, str] | None:
    """The verb whose subject is the noun's agent, and how the noun hangs on it.

    "have ties with X" (object of a light verb), "During a conversation with X, Putin
    called" (a preposition on the verb), "maintain a course for cooperation with X" (a
    preposition on the verb's object). Anything deeper is too far to trust.
    """
    head = noun.head
    if noun.dep_ in OBJ and head.pos_ in VERBAL:
        return head, "object"
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        h2 = head.head
        if h2.pos_ in VERBAL:
            return h2, "prep"
        if h2.dep_ in OBJ and h2.head.pos_ in VERBAL:
            return h2.head, "object-prep"
    return None


def _between(lex: Lexicon, noun: Token) -> list[Token] | None:
    """The parties "between A and B" names, when the noun has no possessor of its own:
    each is the other's partner in a symmetric relation."""
    if any(c.dep_ == "poss" for c in noun.children):
        return None
    for o in _noun_pobjs(noun, lex.words.pair_prepositions):
        parties = sx.conjuncts(o)
        if len(parties) >= 2:
            return parties
    return None


def _noun_agents(lex: Lexicon, noun: Token) -> tuple[list[Token], str, Token] | None:
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return sx.conjuncts(poss[0]), "possessor", noun
    by = _noun_pobjs(noun, lex.words.agent_prepositions)
    if by:
        return by, "by", noun
    gov = governing_clause(noun)
    if gov is None:
        return None
    verb, how = gov
    w = lex.words
    if how == "object" and verb.lemma_.lower() in w.ending_verbs:
        return subjects(verb), "clause-ending", verb  # "cut ties with X": no more ties
    taking_part = w.light_verbs | w.participation_verbs
    if how == "object" and verb.lemma_.lower() not in taking_part:
        # "recognize the annexation of X", "shut down relations with X": the subject
        # does not take part in what the noun names
        return None
    intended = noun.head.head.lemma_.lower() in w.intention_nouns | w.intent_nouns
    if how == "object-prep" and verb.lemma_.lower() not in taking_part and not intended:
        return None  # "improve the speed of delivery of data": not the improver's delivery
    return subjects(verb), "clause-" + how, verb


def _clause_partners(lex: Lexicon, noun: Token, prop: str, anchor: Token) -> list[Token]:
    """Partners the parser hung on the governing verb: "won the war with X"; "promised
    Ukraine to continue cooperation" (the recipient of the verb chain)."""
    if prop in lex.symmetric:
        found = [o for p, o in prep_objects(anchor)
                 if p.lower_ in lex.words.symmetric_partner_prepositions
                 and o.ent_type_ not in lex.date_labels]  # fmt: skip
        if found:
            return found
    v = anchor
    while v.dep_ == "xcomp" and v.head.i != v.i:
        v = v.head
    if v.i == anchor.i:
        return []
    return [d for d in datives(v) + objects(v) if d.i != noun.i]


def noun_frame(lex: Lexicon, noun: Token) -> NounFrame | None:
    """The frame of a relation noun the ontology lists as a trigger, or None."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.ent_type_:
        return None
    prop = lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.lower_)
    if prop is None:
        return None
    pair = _between(lex, noun) if prop in lex.symmetric else None
    if pair is not None:  # "the peace agreement between Colombia and the FARC"
        return NounFrame(noun, prop, (pair[0],), tuple(pair[1:]), "pair", noun)
    found = _noun_agents(lex, noun)
    if found is None:
        return None
    agents, via, anchor = found
    w = lex.words
    preps = w.symmetric_partner_prepositions if prop in lex.symmetric else w.partner_prepositions
    agent_ids = {a.i for a in agents}
    partners = [o for o in _noun_pobjs(noun, preps) if o.i not in agent_ids
                and o.ent_type_ not in lex.value_labels]  # fmt: skip
    if not partners and via.startswith("clause"):
        partners = _clause_partners(lex, noun, prop, anchor)
    return NounFrame(noun, prop, tuple(agents), tuple(partners), via, anchor)


@dataclass(frozen=True)
class NominalFrame:
    """A nominalisation's clause (lexicon.toml [nominalisations]): "paid a visit to Oslo"
    -> (subject, visit, Oslo); "the arrest of X by police" -> (police, arrest, X);
    "Oracle's takeover of X" is the ontology's (``noun_frame``).

    ``args`` pairs each argument with the relation it is in: the ontology property the
    verb (with its preposition) triggers, else the verb's open name ("complainAbout").
    ``via`` and ``anchor`` as in ``NounFrame``.
    """

    noun: Token
    agents: tuple[Token, ...]
    args: tuple[tuple[Token, str, bool], ...]  # (argument, relation, is an ontology property)
    via: str
    anchor: Token


def _nominal_relation(lex: Lexicon, verb: str, prep: str = "") -> tuple[str, bool]:
    """The relation a nominalisation's verb states with an argument: the ontology's
    property for the verb (with its preposition), else its open name."""
    prop = lex.verbs.get(f"{verb} {prep}") if prep else lex.verb(verb)
    return (prop, True) if prop else (sx.camel(verb, prep), False)


nominal_relation = _nominal_relation  # the public name, for the nominal extractor


def _nominal_args(lex: Lexicon, head: Token, spec) -> list[tuple[Token, str, bool]]:
    """The arguments a nominalisation's prepositions give, on the noun or on the support
    verb the parser hung them on ("imposed sanctions on X")."""
    out = []
    for prep, o in prep_objects(head):
        p = prep.lower_
        if o.ent_type_ in lex.value_labels or o.lower_ in lex.words.wh_words:
            continue
        if p in spec.object:
            out.append((o, *_nominal_relation(lex, spec.verb)))
        elif p in spec.preps:
            out.append((o, *_nominal_relation(lex, spec.verb, spec.preps[p])))
    return out


def supports(lex: Lexicon, verb: Token) -> bool:
    """A support verb: its object noun names what its subject does ("paid a visit")."""
    return verb.pos_ in VERBAL and verb.lemma_.lower() in lex.words.support_verbs


def nominal_frame(lex: Lexicon, noun: Token) -> NominalFrame | None:
    """The clause a nominalisation states, when its agent is named: by a support verb's
    subject, a possessor (with the object named: "its purchase of X"; "his arrest" names
    who was arrested) or a by-phrase ("the mayor's arrest by police"); None otherwise."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return None
    spec = lex.nominalisations.get(noun.lower_) or lex.nominalisations.get(noun.lemma_.lower())
    if spec is None:
        return None
    args = _nominal_args(lex, noun, spec)
    poss = [c for c in noun.children if c.dep_ == "poss"]
    by = by_agents(noun)
    if by:
        agents, via, anchor = by, "by", noun
        if poss and not any(c.dep_ == "prep" and c.lower_ in spec.object for c in noun.children):
            args.append((poss[0], *_nominal_relation(lex, spec.verb)))  # "the mayor's arrest"
    elif poss:
        agents, via, anchor = sx.conjuncts(poss[0]), "possessor", noun
    elif noun.dep_ in OBJ and supports(lex, noun.head):
        agents, via, anchor = subjects(noun.head), "clause-object", noun.head
        args += _nominal_args(lex, noun.head, spec)
    else:
        return None
    ids = {a.i for a in agents}
    args = [a for a in args if a[0].i not in ids]
    if not agents or not args:
        return None
    return NominalFrame(noun, tuple(agents), tuple(args), via, anchor)
