"""Noun phrases -> facts: relations stated by a noun rather than a verb.

"the annexation of Crimea by Russia", "a conversation with X", "Ukraine's accession to
NATO", "Kyiv's initiative", "the use of X by Y", "its standoff with Russia". The noun
must be one the ontology lists as a trigger. The agent is the possessor, the by-phrase,
or, for a noun that is the object of a light verb ("have ties with") or of a preposition
on the clause ("During a conversation with X, Putin said"), the clause's subject.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..model import Fact
from ..ontology import Lexicon
from . import syntax as sx

# Prepositions that introduce the partner or patient of a relation noun.
PARTNER_PREPS = {"with", "of", "to", "against", "between", "for", "on"}
SYMMETRIC_PREPS = {"with", "between", "against"}
# Verbs whose subject takes part in what their object noun names: "have ties with X",
# "won the war with X", "announced the sale of drones to X". Others ("recognize the
# annexation of X", "cut ties with X") say nothing of the noun's agent.
PARTICIPATION_VERBS = sx.LIGHT_VERBS | {
    "win", "lose", "wage", "fight", "escalate", "announce", "complete", "finalize",
    "finalise", "approve", "conclude", "negotiate", "discuss", "propose", "hold", "attend",
    "host", "organize", "organise", "arrange", "plan", "agree", "intensify", "step",
    "renew", "extend", "pursue", "make", "carry", "lead",
}  # fmt: skip


def _pobj(noun: Token, preps: set[str]) -> list[tuple[str, Token]]:
    out = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for o in c.children:
                if o.dep_ == "pobj":
                    out.extend((c.lower_, oc) for oc in sx.conjuncts(o))
    return out


def _governing_clause(noun: Token) -> tuple[Token, str] | None:
    """The verb whose subject is the noun's agent, and how the noun hangs on it.

    "have ties with X" (object of a light verb), "During a conversation with X, Putin
    called" (a preposition on the verb), "maintain a course for cooperation with X" (a
    preposition on the verb's object). Anything deeper is too far to trust.
    """
    head = noun.head
    if noun.dep_ in sx.OBJ and head.pos_ in {"VERB", "AUX"}:
        return head, "object"
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        h2 = head.head
        if h2.pos_ in {"VERB", "AUX"}:
            return h2, "prep"
        if h2.dep_ in sx.OBJ and h2.head.pos_ in {"VERB", "AUX"}:
            return h2.head, "object-prep"
    return None


def nominal_facts(doc: Doc, *, lexicon: Lexicon) -> Iterator[Fact]:
    """Facts from relation nouns and their possessors, by-phrases and complements."""
    for noun in doc:
        if noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        prop = lexicon.nouns.get(noun.lemma_.lower()) or lexicon.nouns.get(noun.lower_)
        if prop is None or noun.ent_type_:
            continue
        agents: list[Token] = []
        via = "possessor"
        negated = False
        modality = "asserted"
        anchor = noun
        poss = [c for c in noun.children if c.dep_ == "poss"]
        by = [o for p, o in _pobj(noun, {"by"})]
        if poss:
            agents = sx.conjuncts(poss[0])
        elif by:
            agents, via = by, "by"
        else:
            gov = _governing_clause(noun)
            if gov is None:
                continue
            verb, how = gov
            if how == "object" and verb.lemma_.lower() not in PARTICIPATION_VERBS:
                # "recognize the annexation of X", "shut down relations with X": the
                # subject does not take part in what the noun names
                continue
            agents, via = sx.subjects(verb), "clause"
            negated = sx.clause_negated(verb) if how == "object" else False
            modality = sx.modality(verb)
            anchor = verb
        preps = SYMMETRIC_PREPS if prop in lexicon.symmetric else PARTNER_PREPS
        partners = [(p, o) for p, o in _pobj(noun, preps) if o.i not in {a.i for a in agents}
                    and o.ent_type_ not in {"DATE", "TIME", "CARDINAL"}]  # fmt: skip
        if not partners and via == "clause" and prop in lexicon.symmetric:
            # "won the war with X": the parser hung "with X" on the verb
            partners = [
                (p.lower_, o)
                for p, o in sx.prep_objects(anchor)
                if p.lower_ in SYMMETRIC_PREPS and o.ent_type_ not in {"DATE", "TIME"}
            ]
        if not partners and via == "clause":
            # "promised Ukraine to continue cooperation": the partner is the recipient
            # of the governing verb chain
            v = anchor
            while v.dep_ == "xcomp":
                v = v.head
            if v.i != anchor.i:
                partners = [("dative", d) for d in sx.datives(v) + sx.objects(v)
                            if d.i != noun.i]  # fmt: skip
        named_tok = noun.head if noun.dep_ == "appos" else sx.dash_apposition(noun)
        if not partners and named_tok is not None and agents:
            # "the Crimean Platform - Kyiv's initiative": (Crimean Platform, initiativeOf, Kyiv)
            named = sx.mention(named_tok, keep_preps=False)
            for a in agents:
                ag = sx.mention(a, keep_preps=False)
                if named and ag:
                    yield sx.make_fact(named, prop, ag, noun, confidence=0.6)
            continue
        for a in agents:
            subj = sx.mention(a, keep_preps=False)
            if subj is None:
                continue
            for _prep, o in partners:
                obj = sx.mention(o, keep_preps=False)
                if (
                    obj is None
                    or o.lower_ in sx.WH
                    or (o.pos_ in {"PRON", "DET", "NUM"} and not sx.is_pronoun(o))
                ):
                    continue  # "meetings with both of them": no one named
                yield sx.make_fact(subj, prop, obj, anchor, negated=negated,
                                   modality_=modality, confidence=0.65)  # fmt: skip
