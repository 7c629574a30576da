"""Article results -> a persistent Oxigraph store on disk, updated article by article.

Adding an article replaces its named graph (so re-building a changed article touches only
its graph), merges its entities into ``graph/entities`` (the first label an entity got is
kept; later ones become ``skos:altLabel``), and recomputes ``graph/claims`` from the
statements in the store. Queries run on the store with the union of all graphs as the
default graph. Terms cross between rdflib and pyoxigraph as N-Quads text.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from .errors import GraphFileError, QueryError
from .model import Entity
from .rdf import (
    CLAIMS_GRAPH,
    ENTITIES_GRAPH,
    KG_NS,
    ONTOLOGY_GRAPH,
    STORE_RETYPED,
    ArticleResult,
    add_ontology,
    article_iri,
    article_nquads,
    entities_nquads,
    new_dataset,
    parse_nquads,
)  # fmt: skip

LABEL = ox.NamedNode(str(RDFS.label))
ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))
TYPE = ox.NamedNode(str(RDF.type))
HAS_CLAIM = ox.NamedNode(str(KG_NS.claim))


def is_store(path: str | Path) -> bool:
    """A folder holding an Oxigraph store (what ``kg build --store DIR`` writes)."""
    return (Path(path) / "CURRENT").is_file()  # RocksDB's marker file


def open_store(path: str | Path, *, read_only: bool = False) -> ox.Store:
    path = Path(path)
    try:
        if read_only:
            if not path.is_dir():
                raise GraphFileError(f"{path}: no such store (a folder kg build --store wrote)")
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise GraphFileError(f"{path}: cannot open the store ({exc})") from None


def _load(store: ox.Store, ds: Dataset) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        data = ds.serialize(format="nquads")
    store.load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)


def ensure_ontology(store: ox.Store) -> None:
    """The ontology graph, loaded once into a new store."""
    if not store.contains_named_graph(ox.NamedNode(str(ONTOLOGY_GRAPH))):
        ds = new_dataset()
        add_ontology(ds)
        _load(store, ds)


def add_results(store: ox.Store, results: Iterable[ArticleResult],
                entities: Iterable[Entity], *, touched: set | None = None) -> int:  # fmt: skip
    """Replace each article's graph and merge entities; returns articles added. Claims are
    left to the caller, which counts them once after its last batch (``refresh_claims``);
    ``touched`` gets the claims the replaced and the added statements count towards."""
    ensure_ontology(store)
    texts: dict[str, str] = {}  # by graph: an article given twice keeps its last graph
    for r in results:
        iri = ox.NamedNode(str(article_iri(r.article.id)))
        if store.contains_named_graph(iri):
            if touched is not None:
                touched |= claims_in(store, iri)
            store.remove_graph(iri)  # a re-built article replaces its graph
        texts[iri.value] = r.nquads or article_nquads(r)
    # one transaction for the batch (bulk_load, which writes new files, took half the
    # time here but raised a full-corpus build's peak by 16 MB: memory flatness first)
    store.load("".join(texts.values()).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    if touched is not None:
        for iri in texts:
            touched |= claims_in(store, ox.NamedNode(iri))
    n = len(texts)
    merge_entities_into(store, list(entities))
    store.flush()
    return n


def claims_in(store: ox.Store, graph: ox.NamedNode) -> set:
    """The claims that the statements of one article's graph count towards."""
    return {q.object for q in store.quads_for_pattern(None, HAS_CLAIM, None, graph)}


def has_claims(store: ox.Store) -> bool:
    """Whether the store has a claims graph, i.e. claims counted by an earlier build."""
    return store.contains_named_graph(ox.NamedNode(str(CLAIMS_GRAPH)))


def merge_entities_into(store: ox.Store, entities: list[Entity]) -> None:
    graph = ox.NamedNode(str(ENTITIES_GRAPH))
    quads = list(ox.parse(entities_nquads(entities).encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    for s in {q.subject for q in quads if q.predicate == TYPE}:
        # a class refined by later articles replaces the old one
        for q in list(store.quads_for_pattern(s, TYPE, None, graph)):
            store.remove(q)
    new = []
    for q in quads:
        if q.predicate == LABEL:
            have = [x.object for x in store.quads_for_pattern(q.subject, LABEL, None, graph)]
            if have and have[0].value != q.object.value:
                q = ox.Quad(q.subject, ALT_LABEL, q.object, graph)  # the first label stays
            elif have:
                continue
        new.append(q)
    store.extend(new)


def compact(store: ox.Store) -> None:
    """Compact the store's files: RocksDB keeps what each write added in files of its own
    until it compacts them, and a lookup seeks in each (36 files after a full-corpus
    build). Lookups then take a third less time: the example queries over 2,225
    articles went from 158 to 105 ms (negated.rq) and 2.7 to 1.9 s (quotes.rq), for 5 s
    of compaction at the end of that build. (A build that adds a few articles leaves it
    to RocksDB's own background compaction: see ``build_store``.)"""
    store.optimize()
    store.flush()


def clear_graph(store: ox.Store, graph: ox.NamedNode, *, chunk: int = 20_000) -> None:
    """Empty a named graph a chunk at a time: ``remove_graph`` is one transaction, which
    RocksDB buffers whole in memory (~170 MB for the claims of 2,225 articles)."""
    found = store.quads_for_pattern(None, None, None, graph)  # reads a snapshot
    while quads := list(itertools.islice(found, chunk)):
        for q in quads:
            store.remove(q)
        store.flush()


def refresh_claims(store: ox.Store, *, chunk: int = 20_000, only: set | None = None) -> None:
    """Recount, for every claim (or the claims in ``only``), the articles that assert and
    deny it.

    Streams: the statements' ``kg:claim`` quads come out of Oxigraph's predicate-object
    index grouped by claim, so one claim at a time is counted and the claim quads are
    written in chunks. (A SPARQL GROUP BY over every statement held all of them at once:
    ~500 MB over the 2,225-article corpus, the build's peak.) With ``only``, just those
    claims are recounted, from their own statements: adding one article to the
    full-corpus store recounted all its 24,234 claims in 19 s."""
    graph = ox.NamedNode(str(CLAIMS_GRAPH))
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    a, claim_class = ox.NamedNode(rdf + "type"), ox.NamedNode(str(KG_NS.Claim))
    spo = [ox.NamedNode(rdf + x) for x in ("subject", "predicate", "object")]
    negated, derived = ox.NamedNode(str(KG_NS.negated)), ox.NamedNode(str(PROV.wasDerivedFrom))
    yes, no, contra = (ox.NamedNode(str(KG_NS[x]))
                       for x in ("assertedIn", "deniedIn", "contradicted"))  # fmt: skip
    integer, boolean = ox.NamedNode(xsd + "integer"), ox.NamedNode(xsd + "boolean")

    def one(s: object, p: ox.NamedNode, g: object) -> object:
        return next((q.object for q in store.quads_for_pattern(s, p, None, g)), None)

    def count(c: object, statements: Iterable[ox.Quad]) -> list[ox.Quad]:
        asserted, denied, first = set(), set(), None
        for q in statements:
            first = first or q
            neg, src = one(q.subject, negated, q.graph_name), one(q.subject, derived, q.graph_name)
            if neg is not None and src is not None:
                (denied if neg.value == "true" else asserted).add(src)
        if first is None:
            return []  # no statement counts towards it any more
        terms = [one(first.subject, p, first.graph_name) for p in spo]
        if None in terms:
            return []  # not a complete statement: nothing to count
        ny, nn = len(asserted), len(denied)
        return [
            ox.Quad(c, a, claim_class, graph),
            *(ox.Quad(c, p, t, graph) for p, t in zip(spo, terms, strict=True)),
            ox.Quad(c, yes, ox.Literal(str(ny), datatype=integer), graph),
            ox.Quad(c, no, ox.Literal(str(nn), datatype=integer), graph),
            ox.Quad(c, contra, ox.Literal("true" if ny and nn else "false", datatype=boolean),
                    graph),
        ]  # fmt: skip

    if only is None:
        clear_graph(store, graph, chunk=chunk)
        groups = itertools.groupby(store.quads_for_pattern(None, HAS_CLAIM, None, None),
                                   key=lambda q: q.object)  # fmt: skip
    else:
        for c in only:
            for q in list(store.quads_for_pattern(c, None, None, graph)):
                store.remove(q)
        groups = ((c, store.quads_for_pattern(None, HAS_CLAIM, c, None))
                  for c in sorted(only, key=str))  # fmt: skip
    quads: list[ox.Quad] = []
    for c, statements in groups:
        quads += count(c, statements)
        if len(quads) >= chunk:
            store.extend(quads)
            store.flush()  # RocksDB's write buffers grow until flushed
            quads.clear()
    store.extend(quads)


def in_memory_store(graph: Graph) -> ox.Store:
    """An in-memory Oxigraph store holding an rdflib graph's triples."""
    store = ox.Store()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        data = graph.serialize(format="nt")
    store.load(data.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def to_rdflib(term: object) -> URIRef | Literal | BNode | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value if term.datatype else None
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            dt = None
        return Literal(term.value, datatype=URIRef(dt) if dt else None)
    return Literal(str(term))


def select(store: ox.Store, query: str, bindings: dict | None = None, *,
           convert: Callable[[object], object] | None = None):  # fmt: skip
    """Run a query on the store; returns (variables, rows of rdflib terms). With
    ``convert=keep``, pyoxigraph's own terms (no rdflib term made per value)."""
    from .sparql import refuse_service

    refuse_service(query)
    if bindings:
        query = _with_values(query, {k: _to_ox(v) for k, v in bindings.items()})
    try:
        res = store.query(query, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"bad SPARQL query: {' '.join(str(exc).split())[:200]}") from None
    except (OSError, ValueError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:200]}") from None
    convert = convert or to_rdflib
    try:
        if isinstance(res, bool | ox.QueryBoolean):  # pyoxigraph 0.5 answers ASK so
            return ["ask"], [[Literal(bool(res))]]
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            if convert is keep:  # a solution iterates over its values in variable order
                return variables, [list(sol) for sol in res]
            return variables, [[convert(t) for t in sol] for sol in res]
        rows = sorted([[convert(t.subject), convert(t.predicate), convert(t.object)]
                       for t in res], key=lambda r: tuple(str(x) for x in r))  # fmt: skip
        return ["subject", "predicate", "object"], rows
    finally:
        # Oxigraph's result iterators must be freed on the thread that made them; left to
        # the cycle collector, they may be freed on another (Dask's event loop) and panic
        del res


def keep(term: object) -> object:
    """select's ``convert`` for pyoxigraph's own terms."""
    return term


def _with_values(query: str, values: dict[str, object]) -> str:
    """Bindings as a VALUES block at the top of the main WHERE group, so that Oxigraph
    joins them first (its ``substitutions`` apply after evaluation: 15x slower here).
    The values are RDF terms serialised by pyoxigraph, escaped like any N-Triples term."""
    import re

    block = " ".join(f"VALUES ?{re.sub(r'[^A-Za-z0-9_]', '', k)} {{ {v} }}"
                     for k, v in sorted(values.items()))  # fmt: skip
    m = re.search(r"\bWHERE\s*\{", query, re.I)
    if m is None:
        m = re.search(r"\{", query)
    if m is None:
        raise QueryError("cannot bind values: the query has no WHERE group")
    return query[: m.end()] + " " + block + " " + query[m.end() :]


def _to_ox(v: object) -> object:
    if isinstance(v, URIRef):
        return ox.NamedNode(str(v))
    if isinstance(v, Literal):
        if v.language:
            return ox.Literal(str(v), language=v.language)
        if v.datatype:
            return ox.Literal(str(v), datatype=ox.NamedNode(str(v.datatype)))
        return ox.Literal(str(v))
    return ox.Literal(str(v))


def stored_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """Every quad of the store as kg wrote it: the literals whose datatype Oxigraph
    normalised (``rdf.STORE_RETYPED``: oa:start and oa:end) get theirs back, so that a
    graph read from a store is the graph a file build writes, and conforms to the shapes."""
    retyped = {ox.NamedNode(p): ox.NamedNode(dt) for p, dt in STORE_RETYPED.items()}
    for q in store.quads_for_pattern(None, None, None, None):
        dt = retyped.get(q.predicate)
        if dt is not None and isinstance(q.object, ox.Literal) and q.object.datatype != dt:
            q = ox.Quad(q.subject, q.predicate, ox.Literal(q.object.value, datatype=dt),
                        q.graph_name)  # fmt: skip
        yield q


def dump(store: ox.Store) -> Dataset:
    """The whole store as an rdflib Dataset (for exports)."""
    data = ox.serialize(stored_quads(store), format=ox.RdfFormat.N_QUADS)
    return parse_nquads(data)
