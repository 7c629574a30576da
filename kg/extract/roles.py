"""Titles and appositions -> roles: "Turkish Foreign Minister Mevlut Cavusoglu" ->
(Mevlut Cavusoglu, holdsPosition, Foreign Minister), (Mevlut Cavusoglu, affiliatedWith,
Turkey). Also "X, the president of Y" and "Y's president X". Title words are the
``title_words``/``core_titles`` lists of kg/data/lexicon.toml.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from ..model import Fact, Mention
from . import syntax as sx
from . import terms
from .context import Context

POSITION = "POSITION"  # the Mention label of a title; resolution keys it as a position


def _affiliation_before(doc, i: int, sent_start: int) -> Token:
    """The start of a (multi-token) affiliation ending at token i: "United States",
    "Turkey's" (the possessor before a 's)."""
    affil = doc[i]
    i -= 1
    while i >= sent_start and doc[i].ent_iob_ == "I":
        i -= 1
    if i >= sent_start and doc[i].ent_iob_ == "B" and doc[i].ent_type_:
        affil = doc[i]
        i -= 1
    if i >= sent_start and doc[i].dep_ == "case":
        i -= 1  # "Turkey's foreign minister X"
        if i >= sent_start and doc[i].ent_type_:
            affil = doc[i]
    return affil


def _title_run(person: Span, lex: Lexicon) -> tuple[list[Token], Token | None]:
    """Tokens before the name that form its title, and an affiliation token before them."""
    doc, w = person.doc, lex.words
    toks: list[Token] = []
    affil: Token | None = None
    affiliations = lex.words.affiliation_labels
    i, start = person.start - 1, person.sent.start
    while i >= start:
        t = doc[i]
        if t.is_space or t.is_punct:
            break
        org = lex.ner_class.get(t.ent_type_) == terms.ORGANIZATION
        org_title = org and t.lower_ in w.title_words
        if t.ent_type_ in affiliations and t.head.i >= t.i and not org_title:
            # "Spanish Defence Minister": "Defence" is part of the title
            affil = _affiliation_before(doc, i, start)
            break
        capitalised = t.pos_ in {"PROPN", "ADJ", "NOUN"} and t.is_title and not t.ent_type_
        if not (t.lower_ in w.title_words or (toks and capitalised)):
            break
        toks.insert(0, t)
        i -= 1
    if not any(t.lower_ in w.core_titles for t in toks):
        return [], None
    return toks, affil


def _past_before(doc, i: int, sent_start: int, lex: Lexicon) -> str:
    """ "Former German Chancellor X", "ex-chairman X": the word that makes the title a
    past role, or ""."""
    w = lex.words
    for t in reversed(doc[max(sent_start, i - 3) : i]):
        if t.lower_ in w.past_role_modifiers:
            return t.lower_
        if t.is_punct and t.text not in {"-", "\u2010"}:
            break
    return ""


def _past_title(past: str, title: str) -> str:
    """A past role is a position of its own, "former Chancellor": the person does not
    hold "Chancellor" now, and the graph never says so."""
    if not past:
        return title
    return f"{past}-{title}" if len(past) <= 2 else f"{past} {title}"


def _affiliation_mention(tok: Token) -> Mention | None:
    ent = sx.ent_span(tok)
    if ent is None:
        return None
    text = sx.phrase_text([t for t in ent if t.dep_ != "case"])
    return Mention(text=text, start=ent.start_char, end=ent.end_char, label=ent.label_)


def role_facts(ctx: Context) -> Iterator[Fact]:
    """holdsPosition and affiliatedWith facts from titles before a person's name and from
    appositions after it."""
    lex = ctx.lexicon
    for ent in ctx.doc.ents:
        if lex.ner_class.get(ent.label_) != terms.PERSON:
            continue
        person = Mention(text=ent.text, start=ent.start_char, end=ent.end_char, label=ent.label_)
        title, affil = _title_run(ent, lex)
        if title:
            first = min(title[0].i, affil.i if affil is not None else title[0].i)
            past = _past_before(ent.doc, first, ent.sent.start, lex)
            pos = Mention(text=_past_title(past, sx.phrase_text(title)), start=title[0].idx,
                          end=title[-1].idx + len(title[-1]), label=POSITION)  # fmt: skip
            yield sx.make_fact(person, terms.HOLDS_POSITION, pos, ent.root,
                               rule="former-title" if past else "title")  # fmt: skip
            am = None if affil is None else _affiliation_mention(affil)
            if am is not None:
                yield sx.make_fact(person, terms.AFFILIATED_WITH, am, ent.root, rule="title")
        yield from _apposition_roles(ent, person, lex)


def _is_title_apposition(app: Token, w) -> bool:
    if app.dep_ != "appos" or app.lemma_.lower() not in w.title_words:
        return False
    return app.lemma_.lower() in w.core_titles or any(
        c.lemma_.lower() in w.core_titles for c in app.children
    )


def _apposition_affiliations(app: Token, lex: Lexicon) -> list[Token]:
    """ "Y's foreign minister", "the president of Y", "a senator from Y"."""
    labels = lex.words.affiliation_labels
    preps = lex.words.affiliation_prepositions
    out = [c for c in app.children if c.dep_ in {"poss", "compound", "amod"}
           and c.ent_type_ in labels]  # fmt: skip
    out += [o for prep in app.children if prep.dep_ == "prep" and prep.lower_ in preps
            for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in labels]  # fmt: skip
    return out


def _apposition_roles(ent: Span, person: Mention, lex: Lexicon) -> Iterator[Fact]:
    """ "X, the president of Y," / "X, Y's foreign minister," / "X, a senator from Y"."""
    for app in ent.root.children:
        if not _is_title_apposition(app, lex.words):
            continue
        past_words = lex.words.past_role_modifiers
        title_toks = [c for c in app.children if c.dep_ in {"compound", "amod"}
                      and not c.ent_type_ and c.lower_ not in past_words] + [app]  # fmt: skip
        title_toks.sort(key=lambda t: t.i)
        text = sx.phrase_text(title_toks)
        text = text.title() if title_toks[0].is_lower else text
        past = next((c.lower_ for c in app.children if c.lower_ in past_words), "")
        pos = Mention(text=_past_title(past, text), start=title_toks[0].idx,
                      end=app.idx + len(app), label=POSITION)  # fmt: skip
        yield sx.make_fact(person, terms.HOLDS_POSITION, pos, app,
                           rule="former-apposition" if past else "apposition")  # fmt: skip
        for a in _apposition_affiliations(app, lex):
            am = _affiliation_mention(a)
            if am is not None:
                yield sx.make_fact(person, terms.AFFILIATED_WITH, am, app, rule="apposition")
