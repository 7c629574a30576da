"""Intentions -> facts: "Veltrix plans to take a majority stake in Kestrel Air" -> (Veltrix,
plan, majority stake in Kestrel Air); "The union threatened to hold walkouts" -> (union,
threaten, walkouts); "Renault's plans to shut depots" -> (Renault, plan,
depots).

The act a plan is about keeps its own fact (the clause extractor's), with the modality
the factuality layer gives it: planned, never asserted. What the text asserts is the
intention itself, held now by its subject, and readers state it with the intention word
and the thing the act is about. The words are ``intention_verbs`` and
``intention_nouns`` in kg/data/lexicon.toml.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..model import Fact
from . import frames as fr
from . import syntax as sx
from .context import Context
from .factuality import ASSERTED

MAX_CHAIN = 4  # "plans to begin to build X": control verbs passed on the way to the act


def _aims(ctx: Context, verb: Token) -> list[Token]:
    """What the intended act is about: the participants of the first event down the
    xcomp chain ("plans to start building a plant" -> the plant)."""
    for _ in range(MAX_CHAIN):
        frame = ctx.frame(verb)
        if frame is None:
            return []
        if frame.kind == fr.EVENT:
            return [a.head for a in frame.args
                    if a.kind == fr.PARTICIPANT and a.role != "recipient"]  # fmt: skip
        if frame.kind == fr.LIGHT:  # "take a majority stake in X", "take the firm private"
            return [o for o in fr.objects(verb) if o.pos_ in {"NOUN", "PROPN"}]
        nxt = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in fr.VERBAL]
        if not nxt:
            return []
        verb = nxt[0]
    return []


def _infinitive(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ in {"xcomp", "acl"} and c.pos_ in fr.VERBAL and c.tag_ == "VB":
            return c
    return None


def _facts(ctx: Context, word: Token, agents: list[Token], aims: list[Token], *,
           negated: bool, modality: str, rule: str) -> Iterator[Fact]:  # fmt: skip
    for a in agents:
        subj = sx.mention(a, keep_preps=False)
        for o in aims if subj is not None else []:
            obj = None if o.i == a.i else sx.mention(o)
            if obj is not None and obj.text:
                yield sx.make_fact(subj, word.lemma_.lower(), obj, word, negated=negated,
                                   modality_=modality, rule=rule)  # fmt: skip


def intention_facts(ctx: Context) -> Iterator[Fact]:
    """One fact per (holder, aim) of every intention verb or noun with an infinitive."""
    w = ctx.lexicon.words
    for verb in ctx.verbs:
        act = _infinitive(verb) if verb.lemma_.lower() in w.intention_verbs else None
        if act is not None and not fr.is_passive(verb):
            yield from _facts(ctx, verb, fr.subjects(verb), _aims(ctx, act),
                              negated=ctx.negated(verb), modality=ctx.modality(verb),
                              rule="verb")  # fmt: skip
    for noun in ctx.tokens:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in w.intention_nouns:
            continue
        act = _infinitive(noun)
        if act is None:
            continue
        # "has no plans to": the intention is denied; its own existence is asserted
        # even under a verb that ends or rejects it ("urged X to drop its plans")
        denied = sx.has_negative_determiner(noun, w)
        agents, rule = _holders(ctx, noun)
        if rule == "light-verb":
            denied = denied != ctx.negated(noun.head)
        yield from _facts(ctx, noun, agents, _aims(ctx, act), negated=denied,
                          modality=ASSERTED, rule="noun-" + rule)  # fmt: skip


def _holders(ctx: Context, noun: Token) -> tuple[list[Token], str]:
    """Whose intention a noun names: the possessor ("Volkswagen's plans"), the by-phrase
    ("a bid by Glazer"), or the subject of a light verb ("X has no plans to")."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return poss, "possessor"
    by = fr.by_agents(noun)
    if by:
        return by, "by"
    head = noun.head
    if noun.dep_ in fr.OBJ and head.lemma_.lower() in ctx.lexicon.words.light_verbs:
        return fr.subjects(head), "light-verb"
    return [], ""
