"""The one loader of kg's vocabulary: ontology/kg.ttl and kg/data/lexicon.toml.

The ontology gives the words tied to its terms (trigger verbs and nouns, agent nouns,
class nouns, the NER labels of each class); ``lexicon.toml`` gives the word lists the
rules are written in (negating verbs, modal auxiliaries, titles, light verbs, ...).
Rules read both through one ``Lexicon``, so a rule names a list, never spells a word.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS

from .ontology import KG, load_ontology, local_name

WORDS_PATH = Path(__file__).parent / "data" / "lexicon.toml"


class WordLists(Mapping[str, frozenset[str]]):
    """The named word lists of ``lexicon.toml``; ``words.negating_verbs`` or
    ``words["negating_verbs"]``. A name that is not in the file raises, so a misspelt
    list fails the first test that reaches the rule instead of matching nothing."""

    def __init__(self, lists: Mapping[str, frozenset[str]]) -> None:
        self._lists = dict(lists)
        # each list is also an instance attribute, so that ``words.name`` (read ~5,000
        # times an article) is a plain lookup; __getattr__ is then reached only by a
        # name the file lacks
        self.__dict__.update((k, v) for k, v in self._lists.items() if not hasattr(Mapping, k))

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.__dict__["_lists"][name]
        except KeyError:
            raise AttributeError(f"no word list {name!r} in {WORDS_PATH.name}") from None

    def __getitem__(self, name: str) -> frozenset[str]:
        return self._lists[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lists)

    def __len__(self) -> int:
        return len(self._lists)


@dataclass(frozen=True)
class Nominalisation:
    """What a noun's phrase states as a verb's clause (lexicon.toml [nominalisations]):
    "a visit to Oslo" -> visit Oslo; "a complaint with X about Y" -> complainTo X,
    complainAbout Y. ``object``: the noun's prepositions of the verb's object; ``preps``:
    the noun's other argument prepositions -> the verb's."""

    verb: str
    object: frozenset[str] = frozenset({"of"})
    preps: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    """Trigger words -> ontology property local names, label sets, and word lists."""

    verbs: dict[str, str] = field(default_factory=dict)  # "sell" / "stand for" -> supplies
    nouns: dict[str, str] = field(default_factory=dict)  # "annexation" -> annexes
    symmetric: frozenset[str] = frozenset()
    properties: frozenset[str] = frozenset()
    classes: dict[str, str] = field(default_factory=dict)  # "drone" -> Weapon
    agents: dict[str, str] = field(default_factory=dict)  # "backer" -> supports
    adjectives: dict[str, str] = field(default_factory=dict)  # "critical of" -> opposes
    ner_class: dict[str, str] = field(default_factory=dict)  # "PERSON" -> Person
    quantity_labels: frozenset[str] = frozenset()  # NER labels of kg:hasQuantity values
    date_labels: frozenset[str] = frozenset()  # NER labels of kg:eventDate values
    speech: frozenset[str] = frozenset()  # kg:said and its sub-properties
    relations: frozenset[str] = frozenset()  # kg:relatedTo and its sub-properties
    domains: dict[str, frozenset[str]] = field(default_factory=dict)  # supplies -> {Agent}
    ranges: dict[str, frozenset[str]] = field(default_factory=dict)  # any of these classes
    item_properties: dict[str, str] = field(default_factory=dict)  # supplies -> suppliesItem
    item_verbs: dict[str, str] = field(default_factory=dict)  # sell -> sells
    trigger_words: dict[str, frozenset[str]] = field(default_factory=dict)  # first words
    superclasses: dict[str, frozenset[str]] = field(default_factory=dict)  # Country -> {..}
    words: WordLists = field(default_factory=lambda: WordLists({}))
    nominalisations: dict[str, Nominalisation] = field(default_factory=dict)  # "arrest"

    def item_property(self, prop: str, lemma: str) -> str | None:
        """The property for what ``prop``'s trigger ``lemma`` gives: the word's own
        (``kg:itemVerb``: "sell" -> sells), else the property's (``kg:itemProperty``:
        supplies -> suppliesItem); None for a property with no thing given."""
        item = self.item_properties.get(prop)
        return None if item is None else self.item_verbs.get(lemma.lower(), item)

    def verb(self, lemma: str, prep: str = "") -> str | None:
        if prep and f"{lemma} {prep}" in self.verbs:
            return self.verbs[f"{lemma} {prep}"]
        return self.verbs.get(lemma)

    # the lexicon is read-only once loaded, so what is derived from it is made once (rules
    # ask for these sets thousands of times an article)
    @functools.cached_property
    def entity_labels(self) -> frozenset[str]:
        """NER labels of named entities (PERSON, ORG, GPE, ...)."""
        return frozenset(self.ner_class)

    @functools.cached_property
    def value_labels(self) -> frozenset[str]:
        """NER labels of values, not entities: numbers, amounts, dates."""
        return self.quantity_labels | self.date_labels

    def class_nouns(self, cls: str) -> frozenset[str]:
        """The class nouns of one class: ("company", "bank", ...) for Organization."""
        return self._class_nouns.get(cls, frozenset())

    @functools.cached_property
    def _class_nouns(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for noun, cls in self.classes.items():
            out.setdefault(cls, set()).add(noun)
        return {cls: frozenset(nouns) for cls, nouns in out.items()}

    def labels_of(self, *classes: str) -> frozenset[str]:
        """NER labels of the given ontology classes: labels_of("Location", "Group")."""
        return frozenset(lab for lab, cls in self.ner_class.items() if cls in classes)


@functools.lru_cache(maxsize=1)
def _load_toml() -> dict:
    with WORDS_PATH.open("rb") as f:
        return tomllib.load(f)


@functools.lru_cache(maxsize=1)
def load_words() -> WordLists:
    return WordLists({k: frozenset(v) for k, v in _load_toml()["words"].items()})


def load_nominalisations() -> dict[str, Nominalisation]:
    out = {}
    for noun, spec in sorted(_load_toml().get("nominalisations", {}).items()):
        obj = frozenset(spec.get("object", ["of"]))
        out[noun] = Nominalisation(spec["verb"], obj, dict(spec.get("preps", {})))
    return out


def _ancestors(g, cls) -> frozenset[str]:
    """A class and every class above it: Country -> Country, Location, Entity, Agent,
    Thing."""
    return frozenset(local_name(c) for c in g.transitive_objects(cls, RDFS.subClassOf))


def _first_words(*tables: dict[str, str]) -> dict[str, frozenset[str]]:
    """property -> the first words of its trigger words ("take over" -> take)."""
    out: dict[str, set[str]] = {}
    for table in tables:
        for word, prop in table.items():
            out.setdefault(prop, set()).add(word.split()[0])
    return {p: frozenset(ws) for p, ws in sorted(out.items())}


def _kg_pairs(g, prop) -> dict[str, str]:
    """kg property -> the local name of its value for ``prop`` (rdfs:domain, ...)."""
    return {local_name(s): local_name(o) for s, o in sorted(g.subject_objects(prop))
            if str(s).startswith(str(KG._NS))}  # fmt: skip


def _annotations(g, prop) -> dict[str, str]:
    out: dict[str, str] = {}
    for term, word in sorted(g.subject_objects(prop)):
        out.setdefault(str(word).lower(), local_name(term))
    return out


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    g = load_ontology()
    classes = set(g.subjects(RDF.type, OWL.Class))
    ner = {str(lab): local_name(t) for t, lab in sorted(g.subject_objects(KG.nerLabel))
           if t in classes}  # fmt: skip
    symmetric = frozenset(local_name(p) for p in g.subjects(RDF.type, OWL.SymmetricProperty))
    props = frozenset(
        local_name(p)
        for t in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for p in g.subjects(RDF.type, t)
        if str(p).startswith(str(KG._NS))
    )
    speech = frozenset(local_name(p) for p in g.transitive_subjects(RDFS.subPropertyOf, KG.said))
    verbs, nouns = _annotations(g, KG.triggerVerb), _annotations(g, KG.triggerNoun)
    agents, adjectives = _annotations(g, KG.agentNoun), _annotations(g, KG.triggerAdjective)
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        symmetric=symmetric,
        properties=props,
        classes=_annotations(g, KG.classNoun),
        agents=agents,
        adjectives=adjectives,
        ner_class=ner,
        quantity_labels=frozenset(str(x) for x in g.objects(KG.hasQuantity, KG.nerLabel)),
        date_labels=frozenset(str(x) for x in g.objects(KG.eventDate, KG.nerLabel)),
        speech=speech,
        relations=frozenset(
            local_name(p) for p in g.transitive_subjects(RDFS.subPropertyOf, KG.relatedTo)
        ),
        domains={p: frozenset({c}) for p, c in _kg_pairs(g, RDFS.domain).items()},
        ranges={p: frozenset({c}) for p, c in _kg_pairs(g, RDFS.range).items()},
        item_properties=_kg_pairs(g, KG.itemProperty),
        item_verbs=_annotations(g, KG.itemVerb),
        trigger_words=_first_words(verbs, nouns, agents, adjectives),
        superclasses={
            local_name(c): _ancestors(g, c)
            for c in sorted(classes)
            if str(c).startswith(str(KG._NS))
        },  # fmt: skip
        words=load_words(),
        nominalisations=load_nominalisations(),
    )
