"""Graph files -> SPARQL results; and the facts a graph holds, read back from its RDF.

Queries run over the union of a file's graphs. Nothing here reaches the network: a query
with SERVICE, or an update (LOAD, INSERT, ...), is refused.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef

from .errors import GraphFileError, QueryError
from .rdf import PREFIXES, bind_prefixes
from .sparql import prepare, refuse_service  # noqa: F401 - re-exported for callers

FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}
QUERIES = Path(__file__).resolve().parent.parent / "queries"


def load_graph(path: str | Path) -> Graph:
    """Read a graph file that kg wrote (Turtle, TriG, N-Quads, N-Triples, JSON-LD) into
    one graph (the union of its named graphs)."""
    path = Path(path)
    if path.is_dir():
        raise GraphFileError(f"{path}: is a directory, not a graph file")
    if not path.exists():
        raise GraphFileError(f"{path}: no such file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphFileError(
            f"{path}: unknown graph format {path.suffix!r}; use one of {', '.join(sorted(FORMATS))}"
        )
    try:
        data = path.read_bytes()
        if fmt == "json-ld":
            doc = json.loads(data)
            if _remote_context(doc):
                raise GraphFileError(f"{path}: refuses a remote JSON-LD @context (not fetched)")
        if fmt in {"trig", "nquads", "json-ld"}:
            ds = Dataset()
            with warnings.catch_warnings():  # rdflib's own parsers use its deprecated API
                warnings.simplefilter("ignore", DeprecationWarning)
                ds.parse(data=data, format=fmt)
            g = bind_prefixes(Graph())
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
            for prefix, ns in ds.namespaces():
                g.bind(prefix, ns, override=False)
            return g
        g = Graph()
        with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its deprecated API
            warnings.simplefilter("ignore", DeprecationWarning)
            g.parse(data=data, format=fmt)
        return g
    except GraphFileError:
        raise
    except Exception as exc:  # rdflib raises many parser-specific types
        msg = " ".join(str(exc).split())[:200]
        raise GraphFileError(f"{path}: not valid {fmt} ({msg})") from None


def load_source(path: str | Path):
    """A graph file (read into memory) or a store folder (opened read-only)."""
    from .store import is_store, open_store

    if is_store(path):
        return open_store(path, read_only=True)
    return load_graph(path)


def load_union(path: str | Path) -> Graph:
    """A graph file, or a store folder, as one rdflib graph (the union of its graphs):
    for the work done in rdflib over a whole graph, such as SHACL validation."""
    from .store import dump, is_store, open_store

    if is_store(path):
        g = bind_prefixes(Graph())
        for s, p, o, _ in dump(open_store(path, read_only=True)).quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return load_graph(path)


def query_source(source, query: str, bindings: dict | None = None):
    """run_query on a graph, or on a store with Oxigraph's engine. A bound value is read
    the same way on both (``binding_term``): ``--bind p=kg:supplies`` binds the
    property on a store as it does on a file, not the string "kg:supplies"."""
    if isinstance(source, Graph):
        return run_query(source, query, bindings)
    from .store import select

    terms = {k: binding_term(v, _STORE_PREFIXES) for k, v in (bindings or {}).items()}
    return select(source, query, terms)


def load_dataset(path: str | Path) -> Dataset:
    """A graph file with its named graphs (TriG, N-Quads); other formats load into the
    default graph."""
    path = Path(path)
    from .store import dump, is_store, open_store

    if is_store(path):
        return dump(open_store(path, read_only=True))
    fmt = FORMATS.get(path.suffix.lower())
    if fmt in {"trig", "nquads", "json-ld"} and path.is_file():
        if fmt == "json-ld":
            load_graph(path)  # refuses remote contexts and reports bad files
        try:
            ds = Dataset()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                ds.parse(data=path.read_bytes(), format=fmt)
            return ds
        except Exception as exc:
            msg = " ".join(str(exc).split())[:200]
            raise GraphFileError(f"{path}: not valid {fmt} ({msg})") from None
    g = load_graph(path)
    ds = Dataset()
    for prefix, ns in g.namespaces():
        ds.bind(prefix, ns)
    for t in g:
        ds.add(t)
    return ds


def _remote_context(doc: object) -> bool:
    if isinstance(doc, dict):
        ctx = doc.get("@context")
        items = ctx if isinstance(ctx, list) else [ctx]
        if any(isinstance(c, str) for c in items):
            return True
        return any(_remote_context(v) for v in doc.values())
    if isinstance(doc, list):
        return any(_remote_context(v) for v in doc)
    return False


def run_query(graph: Graph, query: str, bindings: dict | None = None):
    """Run a SELECT/ASK/CONSTRUCT query; returns (variables, rows) for SELECT."""
    from rdflib import Variable

    q = prepare(query)
    init = {Variable(k): _term(graph, v) for k, v in (bindings or {}).items()}
    try:
        res = graph.query(q, initBindings=init)
    except Exception as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:200]}") from None
    if res.type == "ASK":
        return ["ask"], [[Literal(bool(res.askAnswer))]]
    if res.type == "CONSTRUCT" or res.type == "DESCRIBE":
        g = res.graph
        return ["subject", "predicate", "object"], sorted([list(t) for t in g])
    variables = [str(v) for v in res.vars]
    return variables, [list(row) for row in res]


def _term(graph: Graph, value: object) -> Literal | URIRef:
    """A bound value: <IRI>, prefix:name (a prefix the graph declares), else a literal."""
    return binding_term(value, dict(graph.namespaces()))


def binding_term(value: object, namespaces: dict) -> Literal | URIRef:
    """A bound value: <IRI>, prefix:name (one of ``namespaces``), else a literal."""
    if isinstance(value, Literal | URIRef):
        return value
    text = str(value)
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    prefix, sep, local = text.partition(":")
    if sep and local and not local.startswith("//") and prefix in namespaces:
        return URIRef(str(namespaces[prefix]) + local)
    return Literal(text)


# a store keeps no prefixes: kg's own (those its exports declare) are the ones a binding
# may use, as in a file kg wrote
_STORE_PREFIXES = {**PREFIXES, "rdf": RDF, "rdfs": RDFS}


def term_text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    return str(term)


def format_rows(variables: list[str], rows: list[list], fmt: str = "table") -> str:
    if fmt == "json":
        out = {
            "head": {"vars": variables},
            "results": {"bindings": [
                {v: _json_term(t) for v, t in zip(variables, row, strict=False) if t is not None}
                for row in rows
            ]},
        }  # fmt: skip
        return json.dumps(out, ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(variables)
        for row in rows:
            w.writerow([term_text(t) for t in row])
        return buf.getvalue().rstrip("\n")
    return table(variables, [[term_text(t) for t in row] for row in rows])


def _json_term(t: object) -> dict:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, Literal):
        d = {"type": "literal", "value": str(t)}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype:
            d["datatype"] = str(t.datatype)
        return d
    return {"type": "bnode", "value": str(t)}


def table(headers: list[str], rows: list[list[str]], max_width: int = 60) -> str:
    def cut(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= max_width else s[: max_width - 1] + "\u2026"

    cells = [[cut(c) for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines)
