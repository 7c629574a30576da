"""A sentence -> the dateline it opens with: where a wire story was filed, and by whom.

News agencies open a story with the place it was filed from and their own name:

- "HELSINKI, Finland (AP) -- Police said ...", "TULSA, Okla. (AP)": a city in capitals,
  the larger places after commas, the agency in brackets;
- "(Text) Riga, March 3 (LETA) -- ...", "Vilnius March 5 (ELTA) --": a date
  between the place and the agency;
- "Warsaw RZECZPOSPOLITA in Polish 12 Mar 95", "KX1203110295 Lisbon PUBLICO in
  Portuguese", "Oslo NTB": a monitoring service's source line (a story identifier, the city, the
  paper or station, the language);
- "DENVER -- Jane Smith said ...", "SPOKANE, Wash.": a paper's own dateline, a
  city in capitals and no agency.

The small model reads these badly (a city in capitals is an ORG or nothing), so the
repairs relabel what a dateline names (kg/nlp_repairs.py), the place extractor says
that the agency reports from those places, and a dateline line is no page furniture.
A city must be one GeoNames knows or NER tagged a place, or be followed by a larger
place; the larger places are countries or US states. Nothing is keyed to an agency.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Span, Token

from .gazetteer import city_names, load_gazetteer, names_us_state, norm

T = TypeVar("T")

# a wire story's identifier before the source line: "KX1203110295"
STORY_ID = re.compile(r"^(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,}$")
DASHES = {"--", "-", "\u2013", "\u2014", "_"}
PLACE_LABELS = {"GPE", "LOC"}
DATE_LABELS = {"DATE", "CARDINAL"}
LANGUAGE_LABELS = {"LANGUAGE", "NORP"}  # "in Polish"
MAX_NAME = 5  # words of a place or an agency name


@dataclass(frozen=True)
class Dateline:
    """The places a story was filed from (the city first) and its agency or source."""

    places: tuple[Span, ...]
    source: Span | None  # None: a paper's own dateline ("DENVER --", "SPOKANE, Wash.")


def _capitalised(tok) -> bool:
    return (tok.is_upper or tok.is_title) and any(c.isalpha() for c in tok.text)


def _run_end(sent: Span, i: int) -> int:
    """The end of the capitalised words from token ``i`` (at most ``MAX_NAME``), with
    the hyphens that join them ("Saint-Malo")."""
    doc = sent.doc
    j = i
    while j < sent.end and j - i < MAX_NAME:
        joined = (doc[j].text == "-" and j > i and not doc[j - 1].whitespace_
                  and j + 1 < sent.end and _capitalised(doc[j + 1]))  # fmt: skip
        if not (_capitalised(doc[j]) or joined):
            break
        j += 1
    return j


def _is_country(text: str) -> bool:
    hit = load_gazetteer().lookup(text)
    return hit is not None and hit[0].type == "Country" and hit[1] == "name"


def _known_place(span: Span) -> bool:
    doc, first = span.doc, span[0]
    # the span is exactly one place entity (read from the tokens: doc.ents is costly)
    whole = first.ent_iob_ == "B" and all(t.ent_iob_ == "I" for t in span[1:])
    whole = whole and (span.end == len(doc) or doc[span.end].ent_iob_ != "I")
    if whole and first.ent_type_ in PLACE_LABELS:
        return True
    return norm(span.text) in city_names() or _is_country(span.text)


def _larger_place(sent: Span, i: int) -> int | None:
    """The end of a country or a US state starting at token ``i``."""
    end = _run_end(sent, i)
    for j in range(end, i, -1):
        text = sent.doc[i:j].text
        if names_us_state(text) or _is_country(text):
            return j
    return None


def _ends(sent: Span, k: int) -> bool:
    """The source ends the line, or a dash opens the story."""
    doc = sent.doc
    return k >= sent.end or doc[k].text in DASHES or doc[k].is_space or doc[k].text in {";", "."}


def _places(sent: Span, i: int) -> tuple[list[Span], int] | None:
    """The city at token ``i`` and the larger places after commas; where they end."""
    doc = sent.doc
    run = _run_end(sent, i)
    for j in range(run, i, -1):
        places = [doc[i:j]]
        k = j
        while k + 1 < sent.end and doc[k].text == ",":
            m = _larger_place(sent, k + 1)
            if m is None:
                break
            places.append(doc[k + 1 : m])
            k = m
        if _known_place(places[0]) or len(places) > 1:
            return places, k
    return None


def _source(sent: Span, k: int, city: Span) -> Span | None:
    """ "(AP)", "(LETA) --"; "RZECZPOSPOLITA in Polish", "Radio Baltic Wave in
    Latvian"; "NTB" alone on its line after a city not in capitals."""
    doc = sent.doc
    if doc[k].text == "(":
        end = k + 1
        while end < sent.end and doc[end].text != ")" and end - k <= MAX_NAME:
            end += 1
        inside = doc[k + 1 : end]
        if end >= sent.end or not len(inside) or not all(_capitalised(t) or t.is_punct
                                                          for t in inside):  # fmt: skip
            return None
        return inside if _ends(sent, end + 1) else None
    end = _run_end(sent, k)
    if end == k:
        return None
    name = doc[k:end]
    language = end + 1 < sent.end and doc[end].lower_ == "in" \
        and doc[end + 1].ent_type_ in LANGUAGE_LABELS  # fmt: skip
    if language:
        return name
    shouted = all(t.is_upper for t in name) and not all(t.is_upper for t in city)
    return name if shouted and _ends(sent, end) else None


CACHE = "kg_datelines"  # doc.user_data key: each sentence's dateline, once the doc is final


def dateline(sent: Span) -> Dateline | None:
    """The dateline a sentence opens with, if any (see the module docstring). Read once
    per sentence once the document is sealed (``seal``): places and references ask too."""
    cache = sent.doc.user_data.get(CACHE)
    if cache is None:
        return _dateline(sent)
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = _dateline(sent)
    return cache[key]


def per_token(read: Callable[[Token], T]) -> Callable[[Token], T]:
    """A reading of a token's parse (a verb's particle, a token's sentence), made once
    per token of a sealed document; before the document is sealed (``seal``), each time."""
    key = ("kg", read.__name__)

    @functools.wraps(read)
    def remembered(tok: Token) -> T:
        data = tok.doc.user_data
        if CACHE not in data:
            return read(tok)
        found = data.setdefault(key, {})
        if tok.i not in found:
            found[tok.i] = read(tok)
        return found[tok.i]

    return remembered


def seal(doc) -> None:
    """The document will not change any more (extraction reads it): datelines may be
    remembered. Not before: repairs change it, and long articles parsed in pieces are
    merged after the pipeline."""
    doc.user_data.setdefault(CACHE, {})


def _dateline(sent: Span) -> Dateline | None:
    doc = sent.doc
    if sent.start > 0 and not (doc[sent.start - 1].is_space or doc[sent.start].is_space):
        return None  # a dateline opens a line
    starts = [sent.start]
    if (
        sent.end - sent.start > 3
        and doc[sent.start].text == "("
        and doc[sent.start + 2].text == ")"
    ):
        starts = [sent.start + 3]  # "(Text) Riga, ..."
    starts += [t.i + 1 for t in sent if STORY_ID.match(t.text)]
    for i in starts:
        if i >= sent.end or not _capitalised(doc[i]):
            continue
        found = _places(sent, i)
        if found is None:
            continue
        places, k = found
        if k < sent.end and doc[k].text == ",":
            k += 1
        while k < sent.end and (doc[k].ent_type_ in DATE_LABELS or doc[k].like_num):
            k += 1  # "Riga, March 3 (LETA)", "Feb 2" (read as a number)
        if k < sent.end and doc[k].text == ",":
            k += 1
        source = _source(sent, k, places[0]) if k < sent.end else None
        if source is not None:
            return Dateline(places=tuple(places), source=source)
        city = places[0]
        if all(t.is_upper for t in city) and not _is_country(city.text) and _ends(sent, k):
            return Dateline(places=tuple(places), source=None)
    return None
