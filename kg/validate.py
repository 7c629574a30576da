"""A graph -> SHACL validation against ontology/shapes.ttl, with a readable report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF

from .lexicon import load_lexicon
from .ontology import KG, ONTOLOGY_PATH, load_ontology

SHAPES_PATH = ONTOLOGY_PATH.with_name("shapes.ttl")
SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str


def _class_constraint(g: Graph, node: BNode | URIRef, classes: frozenset[str]) -> None:
    """``sh:class C``, or ``sh:or`` of one ``sh:class`` per class of a union."""
    names = sorted(classes)
    if len(names) == 1:
        g.add((node, SH["class"], KG[names[0]]))
        return
    items = []
    for name in names:
        item = BNode()
        g.add((item, SH["class"], KG[name]))
        items.append(item)
    head = BNode()
    Collection(g, head, items)
    g.add((node, SH["or"], head))


def typing_shapes() -> Graph:
    """Shapes for the domain and range of every relation, derived from the ontology
    (its single source), so that ``kg validate`` catches a wrongly typed fact: a
    kg:supplies whose object is a thing, not an agent (kg/conform.py falls back)."""
    lex = load_lexicon()
    g = Graph()
    for prop in sorted(lex.relations):
        # only kg's own classes constrain (a range such as rdfs:Resource admits anything)
        dom, rng = (
            frozenset(c for c in lex.domains.get(prop, ()) if c in lex.superclasses),
            frozenset(c for c in lex.ranges.get(prop, ()) if c in lex.superclasses),
        )
        shape = URIRef(f"{KG._NS}shape/{prop}")
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetSubjectsOf, KG[prop]))
        if dom:
            _class_constraint(g, shape, dom)
        if rng:
            ps = BNode()
            g.add((shape, SH.property, ps))
            g.add((ps, SH.path, KG[prop]))
            _class_constraint(g, ps, rng)
            g.add((ps, SH.message, Literal(f"kg:{prop} takes {' or '.join(sorted(rng))}")))
    return g


def validate(graph: Graph, shapes: str | Path = SHAPES_PATH) -> list[Violation]:
    """SHACL violations of the graph (an empty list means it conforms). The ontology is
    added so that class targets reach subclasses (a kg:Country is a kg:Entity); with
    kg's own shapes, so are the domains and ranges of its relations."""
    import pyshacl

    data = Graph()
    for t in graph:
        data.add(t)
    for t in load_ontology():
        data.add(t)
    shapes_graph = Graph().parse(shapes, format="turtle")
    if Path(shapes) == SHAPES_PATH:
        shapes_graph += typing_shapes()
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none",
                                           allow_warnings=True)  # fmt: skip
    if conforms:
        return []
    out = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        msg = report.value(result, SH.resultMessage)
        out.append(Violation(str(focus), str(path) if path is not None else "", str(msg)))
    return sorted(set(out), key=lambda v: (v.focus, v.path, v.message))
