"""Graph -> files: Turtle and the other RDF formats, and the HTML explorer.

``to_*`` functions return text; ``write_*`` functions write a file atomically (a
temporary file renamed into place, so a failed build never leaves a truncated export)
and return its path.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

from rdflib import Dataset, Graph

from ..rdf import bind_prefixes, sorted_lines, union_graph

RDF_FORMATS = {"turtle": ("ttl", "turtle"), "trig": ("trig", "trig"), "nquads": ("nq", "nquads"),
               "ntriples": ("nt", "nt")}  # fmt: skip


def write_atomic(path: str | Path, text: str) -> Path:
    """Write text to path through a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def to_rdf(data: Dataset | Graph, fmt: str = "turtle") -> str:
    """Serialise deterministically. Turtle holds the union of all graphs; TriG and
    N-Quads keep the named graphs; N-Triples and N-Quads come out sorted line by line."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; one of {', '.join(RDF_FORMATS)}")
    if fmt in {"turtle", "ntriples"}:
        g = union_graph(data) if isinstance(data, Dataset) else bind_prefixes(data)
        text = g.serialize(format=RDF_FORMATS[fmt][1])
        return sorted_lines(text) if fmt == "ntriples" else text
    if not isinstance(data, Dataset):
        raise ValueError(f"{fmt} needs a Dataset with named graphs")
    if fmt == "trig":
        return _trig(data)
    with warnings.catch_warnings():  # rdflib's serializers use its deprecated Dataset API
        warnings.simplefilter("ignore", DeprecationWarning)
        text = data.serialize(format=RDF_FORMATS[fmt][1])
    return sorted_lines(text) if fmt == "nquads" else text


def _trig(ds: Dataset) -> str:
    """TriG with the named graphs in IRI order (rdflib's own order varies between runs)."""
    prefixes: list[str] = []
    blocks: list[str] = []
    graphs = sorted((g for g in ds.graphs() if len(g)), key=lambda g: str(g.identifier))
    for g in graphs:
        body = bind_prefixes(Graph())
        for t in g:
            body.add(t)
        lines = body.serialize(format="turtle").splitlines()
        prefixes.extend(line for line in lines if line.startswith("@prefix"))
        content = [line for line in lines if not line.startswith("@prefix")]
        while content and not content[0].strip():
            content.pop(0)
        # no indentation: a line may be inside a multi-line literal
        inner = "\n".join(content).rstrip()
        blocks.append(f"<{g.identifier}> {{\n{inner}\n}}\n")
    head = "\n".join(sorted(set(prefixes)))
    return head + "\n\n" + "\n".join(blocks)


def write_rdf(data: Dataset | Graph, path: str | Path, fmt: str = "turtle") -> Path:
    return write_atomic(path, to_rdf(data, fmt))


EXPORT_FORMATS = ["turtle", "ntriples", "nquads", "trig", "jsonld", "graphml", "neo4j", "html"]
DEFAULT_NAMES = {
    "turtle": "graph.ttl", "ntriples": "graph.nt", "nquads": "graph.nq", "trig": "graph.trig",
    "jsonld": "graph.jsonld", "graphml": "graph.graphml", "neo4j": "neo4j", "html": "graph.html",
}  # fmt: skip


def export(data: Dataset | Graph, fmt: str, path: str | Path, *, title: str = "kg",
           max_nodes: int | None = None) -> Path:  # fmt: skip
    """Write one export format to PATH (a folder for neo4j)."""
    from .jsonld import to_jsonld
    from .property_graph import to_graphml, write_neo4j

    if fmt in RDF_FORMATS:
        if fmt in {"trig", "nquads"} and not isinstance(data, Dataset):
            ds = Dataset()
            for t in data:
                ds.add(t)
            data = ds
        return write_rdf(data, path, fmt)
    graph = union_graph(data) if isinstance(data, Dataset) else data
    if fmt == "jsonld":
        return write_atomic(path, to_jsonld(data))
    if fmt == "graphml":
        return write_atomic(path, to_graphml(graph))
    if fmt == "neo4j":
        return write_neo4j(graph, path)
    if fmt == "html":
        return write_html(graph, path, title=title, max_nodes=max_nodes)
    raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")


def write_html(graph: Graph, path: str | Path, *, title: str = "kg knowledge graph",
               max_nodes: int | None = None) -> Path:  # fmt: skip
    from .html import to_html

    return write_atomic(path, to_html(graph, title=title, max_nodes=max_nodes))
