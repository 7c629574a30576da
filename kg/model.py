"""The values that flow between kg's stages: Article -> Mention -> Fact.

They hold strings and character offsets, never spaCy objects, so a Fact outlives the
Doc it came from, hashes, de-duplicates and serialises.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One input article. ``text`` is what gets parsed; offsets in facts point into it."""

    id: str
    text: str
    title: str = ""
    source: str = ""
    date: str | None = None  # ISO 8601 publication date, when known
    url: str | None = None


@dataclass(frozen=True)
class Mention:
    """A span of the article that a fact's subject or object refers to.

    ``label`` is the NER/gazetteer type (PERSON, GPE, ORG, ...) or "" for a plain noun
    phrase. ``key`` is filled by entity resolution: the canonical entity it refers to.
    """

    text: str
    start: int
    end: int
    label: str = ""
    key: str | None = None

    @property
    def is_entity(self) -> bool:
        return bool(self.label)


@dataclass(frozen=True)
class Fact:
    """One candidate fact with its evidence.

    ``predicate`` is an ontology property's local name ("supplies") or, for an open
    relation, the verb lemma in camelCase ("shutDown"). ``obj`` is a Mention, or a
    plain string for literal objects (quotes, quantities).
    """

    subject: Mention
    predicate: str
    obj: Mention | str
    negated: bool = False
    modality: str = "asserted"  # a kg:Modality: asserted, planned, requested, expected, ...
    attributed_to: Mention | None = None
    reporting_verb: str | None = None
    lemma: str = ""  # the trigger word as it stood in the text
    anchor: int = 0  # character offset of the trigger word
    sent_start: int = 0
    sent_end: int = 0
    event_date: str | None = None  # ISO 8601 value, when resolved
    event_date_text: str | None = None  # the expression in the text ("last week")
    confidence: float = 0.0  # measured: the extractor's (and rule's) precision on the dev set
    extractor: str = ""  # the registered extractor that read it first
    rule: str = ""  # the construction inside the extractor ("passive-agent", "title")
    found_by: tuple[str, ...] = ()  # every extractor that read the same fact
    doc_id: str = ""

    @property
    def object_text(self) -> str:
        return self.obj.text if isinstance(self.obj, Mention) else self.obj


@dataclass
class Entity:
    """A real-world entity: every mention that refers to it, merged into one node."""

    key: str
    label: str
    type: str  # ontology class local name: Person, Country, Organization, ...
    qid: str | None = None
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    merged_by: set[str] = field(default_factory=set)  # which resolution rules merged mentions
