"""Intentions -> facts: "Veltrix plans to take a majority stake in Kestrel Air" -> (Veltrix,
plan, majority stake in Kestrel Air); "The union threatened to hold walkouts" -> (union,
threaten, hold walkouts); "Renault's plans to shut depots" -> (Renault, plan, shut
depots); "wants to sign Ashley Cole" -> (X, want, Ashley Cole): a name stays its node.

The act a plan is about keeps its own fact (the clause extractor's), with the modality
the factuality layer gives it: planned, never asserted. What the text asserts is the
intention itself, held now by its subject, and readers state it with the intention word
and the thing the act is about. The words are ``intention_verbs`` and
``intention_nouns`` in kg/data/lexicon.toml.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..model import Fact, Mention
from . import frames as fr
from . import syntax as sx
from .context import Context
from .factuality import ASSERTED

MAX_CHAIN = 4  # "plans to begin to build X": control verbs passed on the way to the act


def _aims(ctx: Context, verb: Token) -> tuple[Token | None, list[Token]]:
    """What the intended act is about: the participants of the first event down the
    xcomp chain ("plans to start building a plant" -> the plant), with that event's verb
    (None for a light verb's object, which names the act itself: "take a majority
    stake in X" -> majority stake)."""
    for _ in range(MAX_CHAIN):
        frame = ctx.frame(verb)
        if frame is None:
            return None, []
        if frame.kind == fr.EVENT:
            return verb, [a.head for a in frame.args
                          if a.kind == fr.PARTICIPANT and a.role != "recipient"]  # fmt: skip
        if frame.kind == fr.LIGHT:  # "take a majority stake in X", "take the firm private"
            # ... but "take on the debt" is no "debt": a particle makes it an act
            act = verb if fr.particle(verb) else None
            return act, [o for o in fr.objects(verb) if o.pos_ in {"NOUN", "PROPN"}]
        nxt = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in fr.VERBAL]
        if not nxt:
            return None, []
        verb = nxt[0]
    return None, []


def _act(verb: Token | None, obj: Mention) -> Mention:
    """The aim as the act, when the aim is no name: "hopes to revive its fortunes" ->
    "revive its fortunes", not "its fortunes", which it does not hope for; "sought to
    allay fears", not "fears"."""
    if verb is None or not obj.text or obj.start < verb.idx or obj.label:
        return obj  # a name stays the node it is: "wants to sign Ashley Cole" -> Cole
    prt = fr.particle(verb)
    act = f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()
    return Mention(text=f"{act} {obj.text}", start=verb.idx, end=obj.end)


def _infinitive(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ in {"xcomp", "acl"} and c.pos_ in fr.VERBAL and c.tag_ == "VB":
            return c
    return None


def _refers(ctx: Context, noun: Token) -> bool:
    """ "the company", "the bank": a description that resolution may turn into the name
    it refers to, so it stays the aim on its own."""
    w = ctx.lexicon.words
    definite = any(c.dep_ == "det" and c.lower_ in w.anaphoric_determiners for c in noun.children)
    lemma = noun.lemma_.lower()
    named_kind = lemma in w.generic_organisation_nouns or bool(ctx.lexicon.classes.get(lemma))
    return definite and named_kind


def _facts(ctx: Context, word: Token, agents: list[Token],
           aims: tuple[Token | None, list[Token]], *,
           negated: bool, modality: str, rule: str) -> Iterator[Fact]:  # fmt: skip
    verb, objects = aims
    for a in agents:
        subj = sx.mention(a, keep_preps=False)
        for o in objects if subj is not None else []:
            obj = None if o.i == a.i else sx.mention(o)
            if obj is not None and obj.text:
                obj = obj if _refers(ctx, o) else _act(verb, obj)
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
    for noun in ctx.with_words(lemmas=w.intention_nouns, pos={"NOUN"}):
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
