"""A person's name -> the gender it gives ('m', 'f' or None), for pronoun agreement.

Two tables in ``kg/data``: ``first_names.tsv`` (first names whose gender is clear, made
from the nomquamgender package by ``benchmarks/make_first_names.py``; names used by
both sexes, such as Jean, Andrea, Kim, Robin or Alex, are not in it) and
``honorifics.tsv`` (Mr, Mrs, Señora, Herr, Lady..., and titles that tell no gender,
such as Dr or President, which are skipped). Each table is read once, on first use.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from .errors import ConfigError

DATA = Path(__file__).parent / "data"
FIRST_NAMES = DATA / "first_names.tsv"
HONORIFICS = DATA / "honorifics.tsv"
GENDERS = frozenset({"m", "f"})
NO_GENDER = "-"  # a title in honorifics.tsv that tells no gender ("Dr", "President")

# Letters that NFKD does not split into a base letter and an accent ("Søren", "Łukasz",
# "Işıl"), folded as the source data was (unidecode); and apostrophes ("Ol’ga").
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
    }
)


def fold(word: str) -> str:
    """Lowercase ASCII form of a name, as the tables key it: accents dropped.

    >>> fold("José"), fold("ZOË"), fold("Søren"), fold("Ol’ga"), fold("Weiß")
    ('jose', 'zoe', 'soren', "ol'ga", 'weiss')
    """
    word = unicodedata.normalize("NFKD", word.strip().translate(_LETTERS))
    return "".join(c for c in word if not unicodedata.combining(c)).casefold()


def _rows(path: Path, genders: frozenset[str]) -> dict[str, str]:
    """name<TAB>gender rows; lines that start with ``#`` are comments.

    The first-name table has 86,000 rows, so its body is cut with one ``str.split`` (no
    name holds a space): read in under 20 ms, against 30 ms line by line.
    """
    text = path.read_text(encoding="utf-8")
    start = 0
    while text.startswith("#", start):  # the header
        start = text.find("\n", start) + 1 or len(text)
    body = text[start:]
    if "\n#" in body:  # comments further down: section headings
        body = "\n".join(line for line in body.splitlines() if line[:1] != "#")
    fields = body.split()
    table = dict(zip(fields[::2], fields[1::2], strict=False))
    valid = set(table.values()) <= genders
    if not table or len(fields) % 2 or body.count("\t") != len(table) or not valid:
        bad = [
            line
            for line in body.splitlines()
            if line.strip() and (line.count("\t") != 1 or line.split("\t")[1] not in genders)
        ]
        what = repr(bad[0]) if bad else "a name twice" if table else "no rows"
        raise ConfigError(
            f"{path}: not a row of name<TAB>gender ({', '.join(sorted(genders))}): {what}"
        )
    return table


@functools.lru_cache(maxsize=4)
def load_first_names(path: str | Path = FIRST_NAMES) -> dict[str, str]:
    """Folded first name -> 'm' or 'f'. Cached and shared: read it, do not change it.

    >>> load_first_names()["angela"], load_first_names()["emmanuel"]
    ('f', 'm')
    """
    return _rows(Path(path), GENDERS)


@functools.lru_cache(maxsize=4)
def load_honorifics(path: str | Path = HONORIFICS) -> dict[str, str]:
    """Folded honorific or title -> 'm', 'f' or '-' (tells no gender). Cached and shared.

    >>> load_honorifics()["senora"], load_honorifics()["dr"]
    ('f', '-')
    """
    return _rows(Path(path), GENDERS | {NO_GENDER})


def first_name_gender(name: str) -> str | None:
    """'m' or 'f' for a first name whose gender is clear, else None (ambiguous, unknown).

    Case and accents do not matter; the name is one word, looked up whole ("Jean-Claude").

    >>> first_name_gender("Angela"), first_name_gender("JOSÉ"), first_name_gender("Zoë")
    ('f', 'm', 'f')
    >>> first_name_gender("Andrea") is None, first_name_gender("Merkel") is None
    (True, True)
    """
    return load_first_names().get(fold(name))


def person_gender(full_name: str) -> str | None:
    """'m' or 'f' from a person's full name, else None.

    A gendered honorific answers at once ("Mrs Clinton"); titles that tell no gender are
    skipped ("Dr", "President", "Sheikh"); the first other word is read as the first
    name. Give the full name: a surname alone is read as a first name too ("Johnson").

    >>> person_gender("Angela Merkel"), person_gender("President Emmanuel Macron")
    ('f', 'm')
    >>> person_gender("Mrs. May"), person_gender("Herr Scholz"), person_gender("Sheikh Hasina")
    ('f', 'm', 'f')
    >>> person_gender("Jean Castex") is None
    True
    """
    honorifics = load_honorifics()
    for token in full_name.split():
        word = fold(token).strip(".,")
        gender = honorifics.get(word)
        if gender is None:
            return load_first_names().get(word)
        if gender != NO_GENDER:
            return gender
    return None
