"""Dates -> event dates on facts, resolved against the article's publication date.

"on December 3", "in April", "this October", "last week" are read with dateparser
relative to the publication date, preferring the past (news reports what happened). A
date that needs the publication date ("last week", "December 3" without a year) stays
unresolved when the article has none: its text is kept, no value is guessed. Durations
("for 80 years", "for decades") are not dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .model import Fact

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")  # fmt: skip
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DATEISH = re.compile(
    rf"\b({MONTHS}|{WEEKDAYS}|yesterday|today|tomorrow|tonight|(last|this|next|past) "
    rf"(week|month|year|weekend|{MONTHS}|{WEEKDAYS})|\d+ (days?|weeks?|months?|years?) ago|"
    r"(1[89]|20)\d\d|\d{1,2}/\d{1,2}/\d{2,4})\b",
    re.I,
)
_DURATION = re.compile(
    r"^(for |over |during )?(the )?(past |last |next )?(\d+|several|many|few|two|three|four|"
    r"five|six|seven|eight|nine|ten) (hours?|days?|weeks?|months?|years?|decades?|centuries)$|"
    r"^decades?$|^centuries$|^years$",
    re.I,
)
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclasses.dataclass(frozen=True)
class EventDate:
    text: str
    value: str | None  # ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY), None if unresolved
    precision: str | None  # day | week | month | year


def publication_date(value: str | None) -> dt.datetime | None:
    """An article's date as a datetime, from ISO text or anything dateparser reads."""
    if not value:
        return None
    m = _FULL_DATE.match(value.strip())
    if m:
        try:
            return dt.datetime.fromisoformat(m.group(0))
        except ValueError:
            return None
    return _parse(value.strip(), None)[0]


@functools.lru_cache(maxsize=4096)
def _parse(text: str, base: dt.datetime | None) -> tuple[dt.datetime | None, str | None]:
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # dateparser raises on odd input; an unread date is no date
        return None, None
    return data.date_obj, data.period


def resolve(text: str, published: dt.datetime | None) -> EventDate | None:
    """A date expression -> its value, if it is a date at all.

    >>> resolve("on December 3", dt.datetime(2021, 12, 10)).value
    '2021-12-03'
    >>> resolve("in April", None).value is None
    True
    >>> resolve("for 80 years", dt.datetime(2021, 12, 10)) is None
    True
    """
    clean = re.sub(r"^(on|in|at|during|since|by|from|until|of)\s+", "", text.strip(), flags=re.I)
    # "this October" is October of the publication year (dateparser reads "this" badly)
    clean = re.sub(rf"^this\s+(?=({MONTHS}|{WEEKDAYS})\b)", "", clean, flags=re.I)
    if not _DATEISH.search(clean) or _DURATION.search(clean):
        return None
    explicit_year = bool(_YEAR.search(clean))
    if published is None and not explicit_year:
        return EventDate(text=text, value=None, precision=None)
    date, period = _parse(clean, published)
    if date is None:
        return EventDate(text=text, value=None, precision=None)
    if period == "year":
        return EventDate(text, f"{date.year:04d}", "year")
    if period == "month":
        return EventDate(text, f"{date.year:04d}-{date.month:02d}", "month")
    if period == "week":
        monday = date - dt.timedelta(days=date.weekday())
        return EventDate(text, monday.date().isoformat(), "week")
    return EventDate(text, date.date().isoformat(), "day")


def _governing_verb(tok: Token) -> Token | None:
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in {"VERB", "AUX"}:
            return anc
    return None


def _date_ents(doc: Doc) -> list[Span]:
    return [e for e in doc.ents if e.label_ in {"DATE", "TIME"}]


def attach_dates(doc: Doc, facts: Iterable[Fact], published: str | None) -> list[Fact]:
    """Give each fact the date expression of its clause, resolved; others stay undated."""
    base = publication_date(published)
    dates = _date_ents(doc)
    out = []
    for fact in facts:
        anchor = doc.char_span(fact.anchor, fact.anchor + 1, alignment_mode="expand")
        if anchor is None or not dates:
            out.append(fact)
            continue
        verb = _governing_verb(anchor.root)
        # the clause's own date, else that of the clause it is said or done within:
        # "In April, Erdogan said that he supports X" dates the support too
        chain = []
        while verb is not None and verb not in chain:
            chain.append(verb)
            if verb.dep_ not in {"ccomp", "xcomp", "conj", "advcl", "relcl"}:
                break
            verb = _governing_verb(verb.head)
        found: EventDate | None = None
        for v in chain:
            for ent in dates:
                if not (fact.sent_start <= ent.start_char < fact.sent_end):
                    continue
                if _governing_verb(ent.root) != v:
                    continue
                found = resolve(ent.text, base)
                if found is not None:
                    break
            if found is not None:
                break
        if found is None:
            out.append(fact)
        else:
            out.append(dataclasses.replace(fact, event_date=found.value,
                                           event_date_text=found.text))  # fmt: skip
    return out
