"""ontology/kg.ttl -> kg's namespaces and the parsed ontology.

The ontology file is the single source of truth: which classes and properties exist,
which are symmetric, and which words trigger each (read by ``kg.lexicon``). Code refers
to ontology terms through ``KG``, a closed namespace checked against the file by the tests.
"""

from __future__ import annotations

import functools
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import DefinedNamespace

ONTOLOGY_PATH = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
BASE = "https://w3id.org/kg-news/"
ENT = Namespace(BASE + "entity/")
CONCEPT = Namespace(BASE + "concept/")
STMT = Namespace(BASE + "statement/")
CLAIM = Namespace(BASE + "claim/")
ARTICLE = Namespace(BASE + "article/")
REL = Namespace(BASE + "relation/")  # open relations, named by their verb
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """kg's ontology terms; a name missing from ontology/kg.ttl raises (tests check both ways)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Thing: object
    Agent: object
    Entity: object
    Person: object
    Organization: object
    Location: object
    Country: object
    Group: object
    Product: object
    Weapon: object
    Event: object
    Agreement: object
    Work: object
    Concept: object
    Position: object
    Article: object
    Statement: object
    Modality: object
    Claim: object
    claim: object
    assertedIn: object
    deniedIn: object
    contradicted: object
    asserted: object
    planned: object
    possible: object
    hedged: object
    demanded: object
    requested: object
    expected: object
    conditional: object
    relatedTo: object
    supplies: object
    suppliesItem: object
    sells: object
    suppliedBy: object
    supports: object
    opposes: object
    recognizes: object
    memberOf: object
    hasMember: object
    joins: object
    metWith: object
    conflictWith: object
    cooperatesWith: object
    hasTiesWith: object
    locatedIn: object
    basedIn: object
    ownedBy: object
    createdBy: object
    operatesIn: object
    livesIn: object
    nativeOf: object
    uses: object
    annexes: object
    acquires: object
    accuses: object
    sanctions: object
    attacks: object
    initiativeOf: object
    holdsPosition: object
    affiliatedWith: object
    formerlyAffiliatedWith: object
    countryOfOrigin: object
    isA: object
    sequelTo: object
    knownAs: object
    beats: object
    lostTo: object
    playsAgainst: object
    score: object
    wins: object
    inductedInto: object
    hasQuantity: object
    amount: object
    percentage: object
    count: object
    measure: object
    age: object
    rank: object
    date: object
    said: object
    reports: object
    negated: object
    modality: object
    attributedTo: object
    reportingVerb: object
    lemma: object
    evidence: object
    evidenceTarget: object
    startChar: object
    endChar: object
    extractor: object
    confidence: object
    eventDate: object
    eventDateText: object
    wikidata: object
    mentionCount: object
    Mentions: object
    entity: object
    mergedBy: object
    triggerVerb: object
    triggerNoun: object
    classNoun: object
    agentNoun: object
    triggerAdjective: object
    nerLabel: object
    itemProperty: object
    itemVerb: object
    rule: object
    foundBy: object


def local_name(iri: object) -> str:
    s = str(iri)
    return s.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@functools.lru_cache(maxsize=1)
def load_ontology() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_PATH, format="turtle")
    return g
