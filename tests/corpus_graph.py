"""A synthetic graph shaped like a corpus's, written as kg writes facts: for the corpus
view's tests and benchmarks (the BBC corpus itself is read, never copied into the tests).

Its known parts: a hub, "Hub Republic", with exactly 100 neighbours (60 it supplies, 40
it met, one of them denied); "Alias Holdings" also known as "AHX"; concepts (untyped
phrases) linked to entities; facts dated over eighteen months, in 200 articles.
"""

from __future__ import annotations

import random

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.ontology import KG

BASE = "https://w3id.org/kg-news/"
TYPES = [KG.Person, KG.Country, KG.Organization]
RELATIONS = [KG.supports, KG.opposes, KG.metWith, KG.supplies]
HUB_LABEL = "Hub Republic"


def entity(i: int) -> URIRef:
    return URIRef(f"{BASE}entity/e{i:04d}")


def concept(i: int) -> URIRef:
    return URIRef(f"{BASE}concept/c{i:04d}")


def corpus_graph(n_entities: int = 1500, n_concepts: int = 600, n_facts: int = 4000) -> Graph:
    rnd = random.Random(11)
    g = Graph()
    for i in range(n_entities):
        g.add((entity(i), RDF.type, TYPES[i % 3]))
        g.add((entity(i), RDFS.label, Literal(f"Entity {i:04d}")))
    g.set((entity(0), RDFS.label, Literal(HUB_LABEL)))
    g.set((entity(3), RDFS.label, Literal("Alias Holdings")))
    g.add((entity(3), SKOS.altLabel, Literal("AHX")))
    for i in range(n_concepts):
        g.add((concept(i), RDFS.label, Literal(f"concept phrase {i:04d}")))
    articles = []
    for a in range(200):
        art = URIRef(f"{BASE}article/art-{a:03d}")
        g.add((art, DCTERMS.identifier, Literal(f"art-{a:03d}")))
        g.add((art, DCTERMS.title, Literal(f"Article number {a}")))
        articles.append(art)
    n = 0

    def fact(s: URIRef, p: URIRef, o: URIRef, *, negated: bool = False) -> None:
        nonlocal n
        st = URIRef(f"{BASE}statement/s{n:05d}")
        month = 1 + n % 18
        date = f"{2004 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-{1 + n % 28:02d}"
        for prop, v in ((RDF.type, KG.Statement), (RDF.subject, s), (RDF.predicate, p),
                        (RDF.object, o), (KG.negated, Literal(negated)),
                        (KG.evidence, Literal(f"Sentence {n} of the test corpus.")),
                        (KG.eventDate, Literal(date, datatype=XSD.date)),
                        (PROV.wasDerivedFrom, articles[n % len(articles)])):  # fmt: skip
            g.add((st, prop, v))
        n += 1

    for i in range(1, 61):
        fact(entity(0), KG.supplies, entity(i))
    for i in range(61, 101):
        fact(entity(i), KG.metWith, entity(0), negated=i == 61)
    for _ in range(n_facts):
        s = entity(rnd.randrange(101, n_entities))
        if rnd.random() < 0.3:
            o = concept(rnd.randrange(n_concepts))
        else:
            o = entity(rnd.randrange(101, n_entities))
        fact(s, rnd.choice(RELATIONS), o, negated=rnd.random() < 0.1)
    return g
