"""Relation nouns -> facts, read off the frame layer's noun frames.

"the annexation of Crimea by Russia", "a conversation with X", "Ukraine's accession to
NATO", "the use of X by Y", "its standoff with Russia", "have ties with X". The noun must
be one the ontology lists as a trigger; its agents and partners are the noun frame's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from spacy.tokens import Token

from ..model import Fact, Mention
from . import frames as fr
from . import syntax as sx
from .context import Context
from .factuality import ASSERTED, PLANNED, POSSIBLE


def _names_someone(ctx: Context, o: Token) -> bool:
    """ "meetings with both of them": a quantifier or a wh-word names no one."""
    w = ctx.lexicon.words
    return o.lower_ not in w.wh_words and (
        o.pos_ not in {"PRON", "DET", "NUM"} or o.lower_ in w.pronouns
    )


def _without_possessive(m: Mention) -> Mention:
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        if m.text.endswith(ending) and len(m.text) > len(ending):
            text = m.text[: -len(ending)].rstrip()
            return dataclasses.replace(m, text=text, end=m.start + len(text))
    return m


def _named_initiative(ctx: Context, nf: fr.NounFrame) -> Iterator[Fact]:
    """ "the Crimean Platform - Kyiv's initiative": (Crimean Platform, initiativeOf,
    Kyiv): the thing an apposition or a dash names is what the noun is of its agent."""
    noun = nf.noun
    named_tok = noun.head if noun.dep_ == "appos" else sx.dash_apposition(noun)
    named = None if named_tok is None else sx.mention(named_tok, keep_preps=False)
    if named is None:
        return
    for a in nf.agents:
        ag = sx.mention(a, keep_preps=False)
        if ag is not None:
            yield sx.make_fact(named, nf.prop, ag, noun, rule="named-" + nf.via)


def _done_to_subjects(ctx: Context, agents: list[Token], relation: str, verb: Token,
                      rule: str, *, agreed: bool = False) -> Iterator[Fact]:  # fmt: skip
    """(agent, relation, subject of ``verb``) for each agent: what the agents do is done
    to the verb's subject ("received praise from Y", "agreed to a buyout by Y"); the
    verb's polarity and modality are the fact's. ``agreed``: what is consented to is
    to come ("agreed to a buyout": planned), unless the verb says otherwise."""
    modality = ctx.modality(verb)
    if agreed and modality == ASSERTED:
        modality = PLANNED
    for a in agents:
        subj = sx.mention(a, keep_preps=False)
        for p in fr.subjects(verb) if subj is not None else ():
            obj = sx.mention(p, keep_preps=False)
            if obj is not None and obj.text != subj.text:
                yield sx.make_fact(subj, relation, obj, verb, negated=ctx.negated(verb),
                                   modality_=modality, rule=rule)  # fmt: skip


def _received_facts(ctx: Context, noun: Token) -> Iterator[Fact]:
    """ "Tait received praise from Robinson" -> (Robinson, praise, Tait): a receiving
    verb's subject is the object of what the nominalisation's agent, after "from", does;
    the verb's polarity and modality are the fact's ("did not receive praise")."""
    lex = ctx.lexicon
    spec = lex.nominalisations.get(noun.lower_) or lex.nominalisations.get(noun.lemma_.lower())
    verb = noun.head
    if (
        spec is None
        or noun.dep_ not in fr.OBJ
        or verb.lemma_.lower() not in lex.words.receiving_verbs
    ):
        return
    if fr.is_passive(verb) or any(c.dep_ == "poss" for c in noun.children):
        return  # "received his praise": the possessor is the agent, read elsewhere
    froms = lex.words.receiving_prepositions
    givers = [o for h in (verb, noun) for p, o in fr.prep_objects(h)
              if p.lower_ in froms and _names_someone(ctx, o)]  # fmt: skip
    relation, typed = fr.nominal_relation(lex, spec.verb)
    rule = "nominalisation-received" + ("" if typed else "-open")
    yield from _done_to_subjects(ctx, givers, relation, verb, rule)


def _place_taken_facts(ctx: Context, noun: Token) -> Iterator[Fact]:
    """ "Rodgers took Mercury's place" -> (Rodgers, replace, Mercury): the idiom names
    whom its subject replaces by the place's possessor."""
    w, verb = ctx.lexicon.words, noun.head
    if noun.lower_ not in w.taken_place_nouns or noun.dep_ not in fr.OBJ:
        return
    if verb.lemma_.lower() not in w.place_taking_verbs or fr.is_passive(verb):
        return
    relation, typed = fr.nominal_relation(ctx.lexicon, "replace")
    for p in (c for c in noun.children if c.dep_ == "poss" and _names_someone(ctx, c)):
        replaced = sx.mention(p, keep_preps=False)
        for s in fr.subjects(verb) if replaced is not None else ():
            subj = sx.mention(s, keep_preps=False)
            if subj is not None and subj.text != replaced.text:
                yield sx.make_fact(subj, relation, _without_possessive(replaced), verb,
                                   negated=ctx.negated(verb), modality_=ctx.modality(verb),
                                   rule="place-taken" + ("" if typed else "-open"))  # fmt: skip


def _consented_facts(ctx: Context, noun: Token) -> Iterator[Fact]:
    """ "MCI agreed to a buyout by Verizon" -> (Verizon, acquires, MCI): a relation noun
    whose agent a by-phrase names and whose object it leaves out is done to the subject
    of the verb that consents to it; that verb's polarity and modality are the fact's."""
    lex = ctx.lexicon
    prop = lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.lower_)
    gov = fr.governing_clause(noun) if prop and noun.pos_ == "NOUN" else None
    if gov is None or gov[0].lemma_.lower() not in lex.words.consenting_verbs:
        return
    verb = gov[0]
    if any(c.dep_ == "poss" for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ in lex.words.partner_prepositions for c in noun.children
    ):
        return  # "agreed to its takeover of X": the noun names its own object
    yield from _done_to_subjects(ctx, fr.by_agents(noun), prop, verb, "consented", agreed=True)


def _ended(ctx: Context, noun: Token) -> bool:
    """A relation noun that a verb of ending takes as object, whoever's it is ("ended
    their five-year alliance", "scrapped its partnership with X")."""
    verb = noun.head
    w = ctx.lexicon.words
    if noun.dep_ in fr.OBJ and verb.lemma_.lower() in w.ending_verbs:
        return True
    # "negotiated an end to its alliance with X", "the collapse of their partnership"
    prep = noun.head
    ender = prep.head if prep.dep_ == "prep" else None
    return (
        noun.dep_ == "pobj"
        and ender is not None
        and prep.lower_ in w.ending_noun_prepositions
        and ender.lemma_.lower() in w.ending_nouns
    )


def _through_intent(ctx: Context, nf: fr.NounFrame, negated: bool,
                    modality: str) -> tuple[bool, str]:  # fmt: skip
    """ "announced plans for a takeover of X": the takeover is planned, and "abandoned
    plans for a takeover of X" denies it; "hopes of a deal with X" make it possible. The
    noun hangs on the verb's object by a preposition (``governing_clause``)."""
    w = ctx.lexicon.words
    holder = nf.noun.head.head  # the verb's object: "plans", "hopes"
    lemma = holder.lemma_.lower()
    if lemma in w.possibility_nouns:
        found = POSSIBLE
    elif lemma in w.intent_nouns and lemma not in w.decision_nouns:
        found = PLANNED
    else:
        return negated, modality
    if nf.anchor.lemma_.lower() in w.negating_verbs:
        negated = not negated  # "abandoned plans for", "did not abandon plans for"
    return negated, modality if modality != ASSERTED else found


def nominal_facts(ctx: Context) -> Iterator[Fact]:
    """Facts from relation nouns and their possessors, by-phrases and complements."""
    lex = ctx.lexicon
    nouns = lex.nouns.keys() | lex.nominalisations.keys()  # every rule below needs one
    for noun in ctx.with_words(lemmas=nouns, lowers=nouns | lex.words.taken_place_nouns):
        yield from _received_facts(ctx, noun)
        yield from _place_taken_facts(ctx, noun)
        yield from _consented_facts(ctx, noun)
        nf = fr.noun_frame(ctx.lexicon, noun)
        if nf is None:
            yield from _nominalisation_facts(ctx, noun)
            continue
        if not nf.partners:
            yield from _named_initiative(ctx, nf)
            continue
        negated = ctx.negated(nf.anchor) if nf.via.startswith("clause-object") else False
        if nf.via == "clause-ending":  # "cut ties with X" denies the ties ("did not cut": kept)
            negated = not ctx.negated(nf.anchor)
        elif not nf.via.startswith("clause") and _ended(ctx, nf.noun):
            negated = not ctx.negated(nf.noun.head)  # "X and Y ended their alliance"
        modality = ctx.modality(nf.anchor) if nf.via.startswith("clause") else ASSERTED
        if nf.via == "clause-object-prep":
            negated, modality = _through_intent(ctx, nf, negated, modality)
        for a in nf.agents:
            subj = sx.mention(a, keep_preps=False)
            if subj is None:
                continue
            for o in nf.partners:
                if any(t.ent_type_ in lex.value_labels for t in (o, *o.head.children)):
                    continue  # "the sale of ten planes for $630m": a price, no partner
                obj = sx.mention(o, keep_preps=False) if _names_someone(ctx, o) else None
                if obj is not None:
                    fact = sx.make_fact(subj, nf.prop, obj, nf.anchor, negated=negated,
                                        modality_=modality, rule=nf.via)  # fmt: skip
                    yield _given_by_noun(fact, nf.noun, lex)


def _given_by_noun(fact: Fact, noun: Token, lex) -> Fact:
    """A relation of giving read from its noun ("the sale of ten planes") is typed by
    the noun when what is given stands as its object (``kg:itemVerb``: a sale's item
    is sold, kg:sells), not by the verb the noun hangs on."""
    lemma = noun.lemma_.lower()
    if fact.predicate not in lex.item_properties or lemma not in lex.item_verbs:
        return fact
    return dataclasses.replace(fact, lemma=lemma)


def _nominalisation_facts(ctx: Context, noun: Token) -> Iterator[Fact]:
    """ "paid a visit to Oslo" -> visit Oslo; "the arrest of X by police" -> police
    arrest X; a support verb's polarity and modality are the fact's ("did not pay a
    visit")."""
    nf = fr.nominal_frame(ctx.lexicon, noun)
    if nf is None:
        return
    clause = nf.via.startswith("clause")
    negated = ctx.negated(nf.anchor) if clause else False
    modality = ctx.modality(nf.anchor) if clause else ASSERTED
    for a in nf.agents:
        subj = sx.mention(a, keep_preps=False)
        if subj is None:
            continue
        for o, relation, typed in nf.args:
            obj = sx.mention(o, keep_preps=False) if _names_someone(ctx, o) else None
            if obj is not None and o.dep_ == "poss":  # "the mayor's arrest": the mayor
                obj = _without_possessive(obj)
            if obj is not None:
                rule = "nominalisation-" + nf.via + ("" if typed else "-open")
                yield sx.make_fact(subj, relation, obj, nf.anchor, negated=negated,
                                   modality_=modality, rule=rule)  # fmt: skip
