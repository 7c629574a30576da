"""Clauses -> facts: who did what to whom, with the verb's lemma.

Handles subject-verb-object, ditransitives ("sell Ukraine a shipment": recipient and
item), xcomp chains ("is preparing to sell"), relative clauses ("Turkey, which does not
recognize X"), coordination of verbs, subjects and objects, passives (with and without
an agent), prepositional objects ("stand for X") and object predicatives ("called X a
provocation"). Verbs the ontology lists as triggers become its properties; any other verb
becomes an open relation named by its lemma.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..model import Fact, Mention
from ..ontology import Lexicon
from . import syntax as sx

# Verbs too light to name a relation of their own.
SKIP_VERBS = {"be", "do", "get", "become", "seem", "let", "make", "go", "come", "take", "give"}
# Prepositions whose object is not a participant ("in April", "during the talks").
NON_ARG_PREPS = {"during", "after", "before", "since", "until", "despite", "like", "as",
                 "because", "while", "including", "amid", "via", "through", "without"}  # fmt: skip
LOCATIVE_PREPS = {"in", "into", "from", "near", "inside", "outside", "across", "around", "by",
                  "within", "throughout", "under", "above", "below", "of"}  # fmt: skip


def _canonical(lex: Lexicon, verb: Token, prep: str = "") -> str | None:
    prt = sx.particle(verb)
    if prt:
        found = lex.verb(f"{verb.lemma_.lower()} {prt}", prep)
        if found:
            return found
    return lex.verb(verb.lemma_.lower(), prep)


def _open_name(verb: Token, passive: bool) -> str:
    """An open relation's name: the lemma, with its particle ("shutDown"); a passive
    without an agent keeps the participle ("controlled")."""
    base = verb.lower_ if passive else verb.lemma_.lower()
    return sx.camel(base, sx.particle(verb))


def _args(lex: Lexicon, verb: Token) -> Iterator[tuple[Token, str | None, str]]:
    """(object head, canonical property or None, role) for each object of the verb."""
    dobjs = sx.objects(verb)
    for d in sx.datives(verb):
        yield d, _canonical(lex, verb), "recipient"
    for o in dobjs:
        named = sx.dash_apposition(o)
        yield (named or o), _canonical(lex, verb), "object"
    for prep, pobj in sx.prep_objects(verb):
        p = prep.lower_
        if p in NON_ARG_PREPS or pobj.ent_type_ in {"DATE", "TIME"}:
            continue
        key = f"{verb.lemma_.lower()} {p}"
        canon = _canonical(lex, verb)
        if key in lex.verbs:
            yield pobj, lex.verbs[key], "object"  # "stand for X", "meet with X"
        elif canon and p == "to" and canon not in {"said", "reports"}:
            yield pobj, canon, "recipient"  # "sells tanks to Poland"
        elif not dobjs and p not in LOCATIVE_PREPS:
            yield pobj, None, "prep:" + p  # "work on a contract", "adapt to new conditions"


def clause_facts(doc: Doc, *, lexicon: Lexicon) -> Iterator[Fact]:
    """Subject-verb-object facts from every clause of the document."""
    for verb in doc:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in SKIP_VERBS:
            continue
        lemma = verb.lemma_.lower()
        if lexicon.verbs.get(lemma) == "said" and any(
            c.dep_ in {"ccomp", "xcomp"} for c in verb.children
        ):
            continue  # reported speech: the statements extractor's job
        xcomps = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
        passive = any(c.dep_ in sx.PASS_SUBJ for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"} and not sx.subjects(verb)
        )
        if passive:
            agents = sx.agent(verb)
            patients = sx.passive_subjects(verb)
            if verb.lemma_.lower() in sx.HEDGING and xcomps:
                continue  # "X is believed to have helped": the xcomp carries the fact
            if agents:
                subj_heads, obj_pairs = (
                    agents,
                    [(p, _canonical(lexicon, verb), "object") for p in patients],
                )
            else:
                subj_heads = patients
                obj_pairs = [
                    (o, None, "prep:" + prep.lower_)
                    for prep, o in sx.prep_objects(verb)
                    if prep.lower_ not in NON_ARG_PREPS and o.ent_type_ not in {"DATE", "TIME"}
                ]
        else:
            subj_heads = sx.subjects(verb)
            obj_pairs = list(_args(lexicon, verb))
            if xcomps and lemma in sx.CONTROL and not [o for o in obj_pairs if o[2] != "prep:to"]:
                continue  # "is preparing to sell": the xcomp's fact carries the subject
        if not subj_heads or not obj_pairs:
            continue
        negated = sx.clause_negated(verb)
        mod = sx.modality(verb)
        for s_head in subj_heads:
            subj = sx.mention(s_head, keep_preps=False)
            if subj is None:
                continue
            for o_head, canon, _role in obj_pairs:
                if o_head.i == s_head.i:
                    continue
                named = _named_apposition(o_head)
                if named is not None:
                    o_head = named  # "visited the holiest shrine, the Golden Temple"
                obj = sx.mention(o_head)
                if obj is None or not _usable_object(o_head, obj):
                    continue
                if canon is None and _is_light_with_relation_noun(lexicon, verb, o_head):
                    continue  # "have ties with X": the nominal extractor states it
                if (
                    o_head.lemma_.lower() in sx.INTENT_NOUNS
                    and any(c.dep_ in {"acl", "xcomp", "relcl"} for c in o_head.children)
                    and not sx.by_agents(o_head)
                ):
                    continue  # "confirmed its decision not to recognize X": the acl states it
                if canon in {"said", "reports"}:
                    canon = None  # "denied the allegations": an open relation, not speech
                pred = canon or _open_name(verb, passive and not sx.agent(verb))
                yield sx.make_fact(
                    subj, pred, obj, verb, negated=negated, modality_=mod,
                    confidence=0.8 if canon else 0.6,
                )  # fmt: skip


def _named_apposition(head: Token) -> Token | None:
    if head.ent_type_:
        return None
    for c in head.children:
        if (
            c.dep_ == "appos"
            and c.ent_type_
            and c.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"}
        ):
            return c
    return None


def _usable_object(head: Token, obj: Mention) -> bool:
    if head.lower_ in sx.WH or head.pos_ in {"NUM"}:
        return False
    if head.like_num or head.ent_type_ in {
        "CARDINAL",
        "QUANTITY",
        "DATE",
        "TIME",
        "PERCENT",
        "MONEY",
        "ORDINAL",
    }:
        return False  # quantities are the quantities extractor's
    toks = sx.phrase_tokens(head)
    if any(t.ent_type_ in {"QUANTITY", "CARDINAL", "TIME", "MONEY", "PERCENT"} for t in toks):
        return False
    if head.pos_ == "PRON" and head.lower_ not in sx.PRONOUNS:
        return False  # "something", "this"
    return bool(obj.text)


def _is_light_with_relation_noun(lex: Lexicon, verb: Token, obj: Token) -> bool:
    noun = obj.lemma_.lower() in lex.nouns or obj.lower_ in lex.nouns
    return verb.lemma_.lower() in sx.LIGHT_VERBS and noun


def characterization_facts(doc: Doc, *, lexicon: Lexicon) -> Iterator[Fact]:
    """Object predicatives: "Putin called the use of drones a provocation" ->
    (Putin, call, provocation), the label the subject puts on the thing."""
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        oprds = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ in {"NOUN", "PROPN"}]
        if not oprds:
            continue
        negated = sx.clause_negated(verb)
        for s_head in sx.subjects(verb):
            subj = sx.mention(s_head, keep_preps=False)
            if subj is None:
                continue
            for o in oprds:
                obj = sx.mention(o)
                if obj is not None:
                    yield sx.make_fact(
                        subj,
                        verb.lemma_.lower(),
                        obj,
                        verb,
                        negated=negated,
                        modality_=sx.modality(verb),
                        confidence=0.7,
                    )
