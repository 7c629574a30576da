"""Titles and appositions -> roles: "Turkish Foreign Minister Mevlut Cavusoglu" ->
(Mevlut Cavusoglu, holdsPosition, Foreign Minister), (Mevlut Cavusoglu, affiliatedWith,
Turkey). Also "X, the president of Y" and "Y's president X".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..model import Fact, Mention
from ..ontology import Lexicon
from . import syntax as sx

# Head words of job titles. A title is a run of these and their modifiers ("Foreign
# Minister", "Prime Minister", "Secretary of State", "chief executive").
TITLE_HEADS = {
    "president", "minister", "premier", "chancellor", "secretary", "leader", "king", "queen",
    "prince", "princess", "emperor", "governor", "mayor", "senator", "congressman",
    "congresswoman", "representative", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "chair", "chief", "ceo", "director", "head",
    "commander", "general", "admiral", "colonel", "captain", "judge", "justice", "attorney",
    "prosecutor", "mp", "mep", "lawmaker", "officer", "official", "adviser", "advisor",
    "founder", "owner", "executive", "manager", "coach", "striker", "midfielder", "defender",
    "goalkeeper", "player", "editor", "correspondent", "analyst", "economist",
    "professor", "dr", "boss", "deputy", "vice", "speaker", "pope", "bishop",
    "archbishop", "sheikh", "emir", "sultan", "dictator", "candidate", "nominee",
    "treasurer", "commissioner", "inspector", "superintendent", "sergeant",
    "lieutenant", "major", "marshal", "prime", "foreign", "defence", "defense", "finance",
    "interior", "health", "trade", "culture", "economy", "energy", "home",
}  # fmt: skip
CORE_TITLES = {
    "president", "minister", "premier", "chancellor", "secretary", "leader", "king", "queen",
    "prince", "governor", "mayor", "senator", "ambassador", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "chairman", "chairwoman", "chief", "ceo", "director",
    "head", "commander", "general", "judge", "mp", "mep", "executive", "manager", "coach",
    "founder", "adviser", "advisor", "boss", "speaker", "pope", "official", "editor",
    "professor", "emir", "sultan", "sheikh", "treasurer", "commissioner", "captain",
}  # fmt: skip


def _title_run(person: Span) -> tuple[list[Token], Token | None]:
    """Tokens before the name that form its title, and an affiliation token in them."""
    doc = person.doc
    toks: list[Token] = []
    affil: Token | None = None
    i = person.start - 1
    while i >= person.sent.start:
        t = doc[i]
        if t.is_space or t.is_punct:
            break
        if (
            t.ent_type_ in {"NORP", "GPE", "ORG"}
            and t.head.i >= t.i
            and not (t.ent_type_ == "ORG" and t.lower_ in TITLE_HEADS)
        ):  # "Spanish Defence Minister": "Defence" is part of the title
            affil = t
            i -= 1
            # a multi-token affiliation ("United States"): step over the whole entity
            while i >= person.sent.start and doc[i].ent_iob_ == "I":
                i -= 1
            if i >= person.sent.start and doc[i].ent_iob_ == "B" and doc[i].ent_type_:
                affil = doc[i]
                i -= 1
            if i >= person.sent.start and doc[i].dep_ == "case":
                i -= 1  # "Turkey's foreign minister X"
                if i >= person.sent.start and doc[i].ent_type_:
                    affil = doc[i]
                    i -= 1
            break
        if t.lower_ in TITLE_HEADS or (
            toks and t.pos_ in {"PROPN", "ADJ", "NOUN"} and t.is_title and not t.ent_type_
        ):
            toks.insert(0, t)
            i -= 1
            continue
        break
    if not any(t.lower_ in CORE_TITLES for t in toks):
        return [], None
    return toks, affil


def _affiliation_mention(tok: Token) -> Mention | None:
    ent = sx.ent_span(tok)
    if ent is None:
        return None
    text = sx.phrase_text([t for t in ent if t.dep_ != "case"])
    return Mention(text=text, start=ent.start_char, end=ent.end_char, label=ent.label_)


def role_facts(doc: Doc, *, lexicon: Lexicon) -> Iterator[Fact]:
    """holdsPosition and affiliatedWith facts from titles before a person's name and from
    appositions after it."""
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        person = Mention(text=ent.text, start=ent.start_char, end=ent.end_char, label="PERSON")
        title, affil = _title_run(ent)
        anchor = ent.root
        if title:
            pos = Mention(text=sx.phrase_text(title), start=title[0].idx,
                          end=title[-1].idx + len(title[-1]), label="POSITION")  # fmt: skip
            yield sx.make_fact(person, "holdsPosition", pos, anchor, confidence=0.85)
            if affil is not None:
                am = _affiliation_mention(affil)
                if am is not None:
                    yield sx.make_fact(person, "affiliatedWith", am, anchor, confidence=0.8)
        yield from _apposition_roles(ent, person)


def _apposition_roles(ent: Span, person: Mention) -> Iterator[Fact]:
    """ "X, the president of Y," / "X, Y's foreign minister," / "X, a senator from Y"."""
    root = ent.root
    for app in root.children:
        if app.dep_ != "appos" or app.lemma_.lower() not in TITLE_HEADS:
            continue
        if app.lemma_.lower() not in CORE_TITLES and not any(
            c.lemma_.lower() in CORE_TITLES for c in app.children
        ):
            continue
        title_toks = [c for c in app.children if c.dep_ in {"compound", "amod"}
                      and not c.ent_type_] + [app]  # fmt: skip
        title_toks.sort(key=lambda t: t.i)
        pos = Mention(text=sx.phrase_text(title_toks).title() if title_toks[0].is_lower
                      else sx.phrase_text(title_toks), start=title_toks[0].idx,
                      end=app.idx + len(app), label="POSITION")  # fmt: skip
        yield sx.make_fact(person, "holdsPosition", pos, app, confidence=0.75)
        affils = [c for c in app.children if c.dep_ in {"poss", "compound", "amod"} and
                  c.ent_type_ in {"GPE", "ORG", "NORP"}]  # fmt: skip
        for o in (
            o
            for prep in app.children
            if prep.dep_ == "prep" and prep.lower_ in {"of", "at", "from", "for"}
            for o in prep.children
            if o.dep_ == "pobj"
        ):
            if o.ent_type_ in {"GPE", "ORG", "NORP"}:
                affils.append(o)
        for a in affils:
            am = _affiliation_mention(a)
            if am is not None:
                yield sx.make_fact(person, "affiliatedWith", am, app, confidence=0.7)
