"""A graph -> SHACL validation against ontology/shapes.ttl, with a readable report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Namespace

from .ontology import ONTOLOGY_PATH, load_ontology

SHAPES_PATH = ONTOLOGY_PATH.with_name("shapes.ttl")
SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str


def validate(graph: Graph, shapes: str | Path = SHAPES_PATH) -> list[Violation]:
    """SHACL violations of the graph (an empty list means it conforms). The ontology is
    added so that class targets reach subclasses (a kg:Country is a kg:Entity)."""
    import pyshacl

    data = Graph()
    for t in graph:
        data.add(t)
    for t in load_ontology():
        data.add(t)
    shapes_graph = Graph().parse(shapes, format="turtle")
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
