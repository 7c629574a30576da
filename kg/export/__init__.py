"""Graph -> files: Turtle and the other RDF formats, and the HTML explorer.

``to_*`` functions return text; ``write_*`` functions write a file atomically (a
temporary file renamed into place, so a failed build never leaves a truncated export)
and return its path; ``export_all`` writes several formats, all of them or none.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pyoxigraph as ox
from rdflib import RDF, RDFS, Dataset, Graph

from ..atomic import all_or_nothing, write_atomic
from ..errors import OutputError
from ..rdf import PREFIXES, ox_nquads_text, parse_nquads, sorted_lines, to_nquads

if TYPE_CHECKING:
    from ..facts import FactRow
    from .property_graph import NodeInfo

RDF_FORMATS = {"turtle": ("ttl", "turtle"), "trig": ("trig", "trig"), "nquads": ("nq", "nquads"),
               "ntriples": ("nt", "nt")}  # fmt: skip


class GraphData:
    """A whole graph, ready to export: kg's canonical N-Quads text (sorted lines, the text
    shards and merges also write) and an Oxigraph store holding it. Each is made only when
    an export needs it. Exports go through Oxigraph: rdflib's serialisers and memory store
    cost ~25 µs a triple, which made exporting slower than parsing the articles."""

    def __init__(self, *, nquads: str | None = None, store: ox.Store | None = None,
                 dataset: Dataset | None = None, facts: list[FactRow] | None = None,
                 info: NodeInfo | None = None) -> None:  # fmt: skip
        if nquads is None and store is None and dataset is None:
            raise ValueError("GraphData needs N-Quads, a store or a dataset")
        self._nquads, self._store, self.dataset = nquads, store, dataset
        # the graph's facts and node details, when the build that made it has them (the
        # HTML page then needs no store); else read from the graph
        self.facts, self.info = facts, info
        self._parsed: list[ox.Quad] | None = None

    @classmethod
    def of(cls, data: Source) -> GraphData:
        if isinstance(data, GraphData):
            return data
        if isinstance(data, ox.Store):
            return cls(store=data)
        if isinstance(data, Dataset):
            return cls(dataset=data)
        ds = Dataset()  # a plain graph: its triples in the default graph
        for t in data:
            ds.add(t)
        return cls(dataset=ds)

    @functools.cached_property
    def nquads(self) -> str:
        if self._nquads is not None:
            return self._nquads
        if self.dataset is not None:
            return to_nquads(self.dataset)
        return store_nquads(self._store)  # type: ignore[arg-type]

    def quads(self) -> Iterator[ox.Quad] | list[ox.Quad]:
        """The quads in the canonical text's order (sorted, so subject by subject). Parsed
        from the text, not read back from a store: an Oxigraph store keeps derived integer
        types (oa:start's xsd:nonNegativeInteger) as plain xsd:integer. Inside ``shared``,
        parsed once for all the exports written."""
        if self._parsed is not None:
            return self._parsed
        return ox.parse(self.nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        """Keep the parsed quads while several exports are written (Turtle and TriG each
        parsed the text anew); they are dropped after."""
        self._parsed = list(self.quads())
        try:
            yield
        finally:
            self._parsed = None

    @functools.cached_property
    def store(self) -> ox.Store:
        if self._store is not None:
            return self._store
        store = ox.Store()
        store.bulk_load(self.nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        return store


Source = Dataset | Graph | ox.Store | GraphData
TYPE = ox.NamedNode(str(RDF.type))
T = TypeVar("T", ox.Quad, ox.Triple)
OX_PREFIXES = {"rdf": str(RDF), "rdfs": str(RDFS)} | {k: str(v) for k, v in PREFIXES.items()}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
              "ntriples": ox.RdfFormat.N_TRIPLES}  # fmt: skip


def _typed_first(items: Iterable[T]) -> list[T]:
    """Triples or quads that come subject by subject, with each subject's rdf:type first:
    what a reader of Turtle expects to see. (A linear pass: the order is the canonical
    N-Quads text's, sorted already.)"""
    out: list[T] = []
    typed: list[T] = []
    rest: list[T] = []
    subject = None
    for x in items:
        if x.subject != subject:
            out += typed
            out += rest
            typed, rest, subject = [], [], x.subject
        (typed if x.predicate == TYPE else rest).append(x)
    return out + typed + rest


def union_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """Every graph's triples once, in a stable order."""
    return _typed_first(dict.fromkeys(q.triple for q in quads))


def graph_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads graph by graph (the default graph first, then by IRI), each in a stable
    order."""
    by_graph: dict[str, list[ox.Quad]] = {}
    for q in quads:
        name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        by_graph.setdefault(name, []).append(q)
    return [q for name in sorted(by_graph) for q in _typed_first(by_graph[name])]


def to_rdf(data: Source, fmt: str = "turtle") -> str:
    """Serialise deterministically. Turtle and N-Triples hold the union of all graphs; TriG
    and N-Quads keep the named graphs; N-Triples and N-Quads come out sorted line by line."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; one of {', '.join(RDF_FORMATS)}")
    g = GraphData.of(data)
    if fmt == "nquads":
        return g.nquads
    if fmt == "trig":
        quads = graph_quads(g.quads())
        return ox.serialize(quads, format=OX_FORMATS[fmt], prefixes=OX_PREFIXES).decode()
    text = ox.serialize(union_triples(g.quads()), format=OX_FORMATS[fmt],
                        prefixes=OX_PREFIXES if fmt == "turtle" else None).decode()  # fmt: skip
    return sorted_lines(text) if fmt == "ntriples" else text


def store_nquads(store: ox.Store) -> str:
    """A store's quads in kg's canonical N-Quads text (rdflib's rows, sorted), the text a
    build writes without a store."""
    from ..store import stored_quads

    return ox_nquads_text(stored_quads(store))


def write_rdf(data: Source, path: str | Path, fmt: str = "turtle") -> Path:
    return write_atomic(path, to_rdf(data, fmt))


EXPORT_FORMATS = ["turtle", "ntriples", "nquads", "trig", "jsonld", "graphml", "neo4j", "html"]
DEFAULT_NAMES = {
    "turtle": "graph.ttl", "ntriples": "graph.nt", "nquads": "graph.nq", "trig": "graph.trig",
    "jsonld": "graph.jsonld", "graphml": "graph.graphml", "neo4j": "neo4j", "html": "graph.html",
}  # fmt: skip


def export(data: Source, fmt: str, path: str | Path, *, title: str = "kg",
           max_nodes: int | None = None) -> Path:  # fmt: skip
    """Write one export format to PATH (a folder for neo4j). An OSError on the way (a
    full disk) is an OutputError naming the file."""
    try:
        return _export(GraphData.of(data), fmt, path, title=title, max_nodes=max_nodes)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while exports are written: they make hundreds of
    thousands of short-lived quads and rows with no cycles, which reference counting
    frees, and each full collection walked all of them (0.5 s of a 150-article build)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def export_all(data: Source, formats: Iterable[str], folder: str | Path, *, title: str = "kg",
               max_nodes: int | None = None) -> list[Path]:  # fmt: skip
    """Write each format under its default name in FOLDER, all of them or none: the old
    exports stay as they were if any one fails."""
    g = GraphData.of(data)
    formats = list(formats)
    reuse = len(RDF_FORMATS.keys() & set(formats) - {"nquads"}) > 1
    with all_or_nothing(), collector_paused(), g.shared() if reuse else contextlib.nullcontext():
        return [export(g, f, Path(folder) / DEFAULT_NAMES[f], title=title, max_nodes=max_nodes)
                for f in formats]  # fmt: skip


def _export(g: GraphData, fmt: str, path: str | Path, *, title: str,
            max_nodes: int | None) -> Path:  # fmt: skip
    from .jsonld import to_jsonld
    from .property_graph import to_graphml, write_neo4j

    if fmt in RDF_FORMATS:
        return write_rdf(g, path, fmt)
    if fmt == "jsonld":
        return write_atomic(path, to_jsonld(rdflib_dataset(g)))
    if fmt == "graphml":
        return write_atomic(path, to_graphml(g.store))
    if fmt == "neo4j":
        return write_neo4j(g.store, path)
    if fmt == "html":
        if g.facts is not None and g.info is not None:  # a build's own: no store needed
            from .html import network_data, to_html

            data = network_data(None, g.facts, max_nodes=max_nodes, info=g.info)
            return write_atomic(path, to_html(None, title=title, data=data))
        return write_html(g.store, path, title=title, max_nodes=max_nodes)
    raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")


def rdflib_dataset(g: GraphData) -> Dataset:
    """For the one export still written by rdflib (JSON-LD, with kg's context)."""
    return g.dataset if g.dataset is not None else parse_nquads(g.nquads)


def write_html(graph: Graph | ox.Store, path: str | Path, *, title: str = "kg knowledge graph",
               max_nodes: int | None = None) -> Path:  # fmt: skip
    from .html import to_html

    return write_atomic(path, to_html(graph, title=title, max_nodes=max_nodes))
