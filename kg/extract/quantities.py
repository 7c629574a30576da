"""Numbers with units -> quantity attributes of the clause's subject.

"It can stay in the air for up to 12 hours and carry up to four missiles" ->
(It, stay, "up to 12 hours"), (It, carry, "up to four missiles"). The quantity must be
an argument of the verb (its object, or the object of a preposition on the verb or on
that object: "from a distance of up to 150 km"), so counts buried deep in a phrase are
not pinned on the wrong thing. Dates are left to the time stage.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..model import Fact
from ..ontology import Lexicon
from . import syntax as sx

NUMERIC = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME"}


def _quantity_head(tok: Token) -> Token:
    """The noun a number counts: "four" -> "missiles"; "12" in "12 hours" -> "hours"."""
    t = tok
    while t.dep_ in {"nummod", "quantmod", "compound", "pobj", "prep", "advmod", "amod"} and (
        t.head.i != t.i and t.head.pos_ in {"NOUN", "NUM", "ADP", "PROPN", "ADV", "ADJ", "PART"}
    ):
        if t.dep_ == "pobj" and t.head.lower_ != "to":  # "up to 12": stay inside the number
            break
        t = t.head
        if t.pos_ == "NOUN" and t.dep_ not in {"compound"}:
            break
    return t


def _arg_verb(head: Token) -> Token | None:
    """The verb the quantity phrase is an argument of, within two preposition hops."""
    t = head
    for _ in range(3):
        if t.dep_ in {"dobj", "attr", "npadvmod", "oprd", "advmod"} and t.head.pos_ in {
            "VERB",
            "AUX",
        }:
            return t.head
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            up = t.head.head
            if up.pos_ in {"VERB", "AUX"}:
                return up
            t = up
            continue
        return None
    return None


def quantity_facts(doc: Doc, *, lexicon: Lexicon) -> Iterator[Fact]:
    """Quantities attached to an entity by the verb of their clause."""
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in NUMERIC:
            continue
        head = _quantity_head(ent.root)
        if head.i in seen:
            continue
        if ent.label_ == "CARDINAL" and head.pos_ not in {"NOUN"}:
            continue  # a bare number says nothing on its own
        seen.add(head.i)
        verb = _arg_verb(head)
        if verb is None:
            continue
        passive = any(c.dep_ in sx.PASS_SUBJ for c in verb.children)
        subj_heads = sx.passive_subjects(verb) if passive else sx.subjects(verb)
        if head.pos_ == "NOUN":  # "up to four missiles": the noun and what counts it
            toks = [t for t in head.subtree if t.i <= head.i or t.head.i == head.i and
                    t.dep_ != "prep"]  # fmt: skip
        else:  # "up to 40 km" hung on "up"
            toks = list(head.subtree)
        text = sx.phrase_text(sorted(toks, key=lambda t: t.i))
        if (
            not text
            or not any(ch.isdigit() for ch in text)
            and ent.label_ == "CARDINAL"
            and not any(t.like_num for t in toks)
        ):
            continue
        name = verb.lower_ if passive else verb.lemma_.lower()
        for s in subj_heads:
            if not (s.ent_type_ or sx.is_pronoun(s) or any(c.dep_ == "det" for c in s.children)):
                continue
            subj = sx.mention(s, keep_preps=False)
            if subj is None:
                continue
            yield sx.make_fact(subj, name, text, verb, negated=sx.clause_negated(verb),
                               modality_=sx.modality(verb), confidence=0.6)  # fmt: skip
