"""Copulas and appositions -> types; superlatives in a group -> membership.

"Bayraktar is a medium-altitude attack drone" -> (Bayraktar, isA, medium-altitude attack
drone). "X, a Turkish drone maker," -> (X, isA, Turkish drone maker). "Turkey has the
second largest army in NATO" -> (Turkey, memberOf, NATO): ranking within a group says
the ranked thing belongs to it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..model import Fact
from ..ontology import Lexicon
from . import syntax as sx
from .roles import CORE_TITLES


def _indefinite(noun: Token) -> bool:
    dets = [c for c in noun.children if c.dep_ == "det"]
    if any(d.lower_ in {"a", "an"} for d in dets):
        return True
    # "one of the largest drone makers"
    return noun.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of"
                                        for c in noun.children)  # fmt: skip


def agent_noun_facts(doc: Doc, *, lexicon: Lexicon) -> Iterator[Fact]:
    """ "X is (one of) the staunchest backers of Y" -> (X, supports, Y); "X, a critic of
    Y," -> (X, opposes, Y): nouns for the doer of a relation, from the ontology."""
    for tok in doc:
        prop = lexicon.agents.get(tok.lemma_.lower())
        if prop is None or tok.pos_ != "NOUN":
            continue
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            verb = tok.head
            subj_heads = [s for c in verb.children if c.dep_ in sx.SUBJ for s in sx.conjuncts(c)]
            negated, modality = sx.clause_negated(verb), sx.modality(verb)
        elif tok.dep_ == "appos":
            verb, subj_heads, negated, modality = tok, [tok.head], False, "asserted"
        else:
            continue
        objs = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in {"of", "to"}
                for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        for s_head in subj_heads:
            subj = sx.mention(s_head, keep_preps=False)
            for o_head in (x for o in objs for x in sx.conjuncts(o)):
                obj = sx.mention(o_head)
                if subj and obj:
                    yield sx.make_fact(subj, prop, obj, verb, negated=negated,
                                       modality_=modality, confidence=0.7)  # fmt: skip


def copula_facts(doc: Doc, *, lexicon: Lexicon) -> Iterator[Fact]:
    """isA facts from "X is a N" and from "X, a N," appositions."""
    for tok in doc:
        if tok.dep_ == "attr" and tok.head.lemma_ == "be" and tok.pos_ in {"NOUN", "PROPN"}:
            if not _indefinite(tok):
                continue
            cop = tok.head
            negated = sx.clause_negated(cop)
            for s_head in [c for c in cop.children if c.dep_ in sx.SUBJ]:
                subj = sx.mention(s_head, keep_preps=False)
                obj = sx.mention(tok, keep_preps=False)
                if subj and obj and (s_head.ent_type_ or sx.is_pronoun(s_head)):
                    yield sx.make_fact(subj, "isA", obj, cop, negated=negated,
                                       modality_=sx.modality(cop), confidence=0.75)  # fmt: skip
        elif tok.dep_ == "appos" and tok.pos_ == "NOUN" and _indefinite(tok):
            head = tok.head
            if not head.ent_type_ or tok.lemma_.lower() in CORE_TITLES:
                continue  # titles are the roles extractor's
            subj = sx.mention(head, keep_preps=False)
            obj = sx.mention(tok, keep_preps=False)
            if subj and obj:
                yield sx.make_fact(subj, "isA", obj, tok, confidence=0.7)


def membership_facts(doc: Doc, *, lexicon: Lexicon) -> Iterator[Fact]:
    """memberOf from a superlative ranking inside an organization: "X has the largest
    army in NATO", "X is the second biggest economy in the EU"."""
    for noun in doc:
        if noun.dep_ not in {"dobj", "attr"} or noun.pos_ != "NOUN":
            continue
        if not any(c.tag_ == "JJS" or (c.dep_ == "amod" and any(g.tag_ == "JJS" for g in
                                                               c.children))
                   for c in noun.children):  # fmt: skip
            continue
        groups = [
            o
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ in {"in", "of", "among"}
            for o in p.children
            if o.dep_ == "pobj" and o.ent_type_ == "ORG"
        ]
        if not groups:
            continue
        verb = noun.head
        for s_head in sx.subjects(verb):
            if s_head.ent_type_ not in {"GPE", "ORG", "NORP"}:
                continue
            subj = sx.mention(s_head, keep_preps=False)
            for g in groups:
                obj = sx.mention(g, keep_preps=False)
                if subj and obj:
                    yield sx.make_fact(
                        subj, "memberOf", obj, verb, negated=sx.clause_negated(verb), confidence=0.6
                    )
