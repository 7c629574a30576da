"""Copulas and appositions -> types; agent nouns -> relations; superlatives in a group
-> membership.

"Bayraktar is a medium-altitude attack drone" -> (Bayraktar, isA, medium-altitude attack
drone). "X, a Turkish drone maker," -> (X, isA, Turkish drone maker). "X is a staunch
backer of Y" -> (X, supports, Y). "Turkey has the second largest army in NATO" ->
(Turkey, memberOf, NATO): ranking within a group says the ranked thing belongs to it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import load_words
from ..model import Fact
from . import frames as fr
from . import syntax as sx
from . import terms
from .context import Context
from .factuality import ASSERTED


def _indefinite(ctx: Context, noun: Token) -> bool:
    """ "a drone", "one of the largest drone makers"."""
    w = ctx.lexicon.words
    if any(c.dep_ == "det" and c.lower_ in w.indefinite_determiners for c in noun.children):
        return True
    return noun.lower_ in w.one_of and any(
        c.dep_ == "prep" and c.lower_ in w.partitive_prepositions for c in noun.children
    )


def _copula(tok: Token) -> Token | None:
    """The copula a predicate noun hangs on: "X is a backer"."""
    copulas = load_words().copulas
    return tok.head if tok.dep_ == "attr" and tok.head.lemma_ in copulas else None


def agent_noun_facts(ctx: Context) -> Iterator[Fact]:
    """ "X is (one of) the staunchest backers of Y" -> (X, supports, Y); "X, a critic of
    Y," -> (X, opposes, Y): nouns for the doer of a relation, from the ontology."""
    preps = ctx.lexicon.words.agent_noun_prepositions
    for tok in ctx.tokens:
        prop = ctx.lexicon.agents.get(tok.lemma_.lower())
        if prop is None or tok.pos_ != "NOUN":
            continue
        cop = _copula(tok)
        if cop is not None:
            subj_heads = [s for c in cop.children if c.dep_ in fr.SUBJ for s in sx.conjuncts(c)]
            verb, negated, modality, rule = cop, ctx.negated(cop), ctx.modality(cop), "copula"
        elif tok.dep_ == "appos":
            verb, subj_heads, negated, modality, rule = tok, [tok.head], False, ASSERTED, "appos"
        else:
            continue
        objs = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps
                for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        for s_head in subj_heads:
            subj = sx.mention(s_head, keep_preps=False)
            for obj in (sx.mention(x) for o in objs for x in sx.conjuncts(o)):
                if subj and obj:
                    yield sx.make_fact(subj, prop, obj, verb, negated=negated,
                                       modality_=modality, rule=rule)  # fmt: skip


def _copula_types(ctx: Context, tok: Token) -> Iterator[Fact]:
    """ "X is a N": a named or pronoun subject gets the type."""
    cop = tok.head
    obj = sx.mention(tok, keep_preps=False)
    for s_head in [c for c in cop.children if c.dep_ in fr.SUBJ]:
        subj = sx.mention(s_head, keep_preps=False)
        if subj and obj and (s_head.ent_type_ or sx.is_pronoun(s_head)):
            yield sx.make_fact(subj, terms.IS_A, obj, cop, negated=ctx.negated(cop),
                               modality_=ctx.modality(cop), rule="copula")  # fmt: skip


def copula_facts(ctx: Context) -> Iterator[Fact]:
    """isA facts from "X is a N" and from "X, a N," appositions. A title in apposition
    ("X, a spokesman,") is a role: the registry lets the role extractor's fact win."""
    for tok in ctx.tokens:
        if tok.dep_ not in {"attr", "appos"} or not _indefinite(ctx, tok):
            continue
        if _copula(tok) is not None and tok.pos_ in {"NOUN", "PROPN"}:
            yield from _copula_types(ctx, tok)
        elif tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.ent_type_:
            subj = sx.mention(tok.head, keep_preps=False)
            obj = sx.mention(tok, keep_preps=False)
            if subj and obj:
                yield sx.make_fact(subj, terms.IS_A, obj, tok, rule="appos")


def _ranked_in_group(ctx: Context, noun: Token) -> list[Token]:
    """The organisations a superlative ranks a noun in: "the largest army in NATO"."""
    superlative = any(
        c.tag_ == "JJS" or (c.dep_ == "amod" and any(g.tag_ == "JJS" for g in c.children))
        for c in noun.children
    )
    if not superlative:
        return []
    preps = ctx.lexicon.words.group_prepositions
    orgs = ctx.lexicon.labels_of(terms.ORGANIZATION)
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj" and o.ent_type_ in orgs]  # fmt: skip


def membership_facts(ctx: Context) -> Iterator[Fact]:
    """memberOf from a superlative ranking inside an organization: "X has the largest
    army in NATO", "X is the second biggest economy in the EU"."""
    members = ctx.lexicon.words.affiliation_labels
    for noun in ctx.tokens:
        if noun.dep_ not in {"dobj", "attr"} or noun.pos_ != "NOUN":
            continue
        groups = _ranked_in_group(ctx, noun)
        verb = noun.head
        for s_head in fr.subjects(verb) if groups else []:
            subj = sx.mention(s_head, keep_preps=False) if s_head.ent_type_ in members else None
            for obj in (sx.mention(g, keep_preps=False) for g in groups):
                if subj and obj:
                    yield sx.make_fact(subj, terms.MEMBER_OF, obj, verb, negated=ctx.negated(verb),
                                       modality_=ctx.modality(verb),
                                       rule="superlative")  # fmt: skip
