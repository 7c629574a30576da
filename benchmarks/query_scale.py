"""SPARQL at scale: every example query in queries/ on a persistent store.

    python benchmarks/query_scale.py STORE_DIR|GRAPH_FILE [--rdflib] [--json OUT.json]

Build the input first, e.g. the whole BBC corpus into a store:

    kg build ../shared/corpus/bbc_news_2225.jsonl --store /tmp/bbc-store

Each query is timed as ``kg query`` runs it once the store is open (median of 3 runs;
the query parsed afresh each time): Oxigraph's engine alone, then kg's whole path
(SERVICE check, evaluation, rdflib terms for the output). The queries that take a
binding (``about.rq``, ``evidence.rq``) get the label of the entity that is the subject
of the most statements, the heaviest such lookup. With --rdflib the graph is also
loaded into rdflib's memory store and the queries and whole-graph exports are timed
there (minutes and ~3 GB for the full corpus).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted(p.name for p in (ROOT / "queries").glob("*.rq"))
BOUND = {"about.rq": "name", "evidence.rq": "subject"}  # variable to bind per query
TOP_SUBJECT = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX kgg: <https://w3id.org/kg-news/graph/>
SELECT ?label (COUNT(?st) AS ?n) WHERE {
  ?st a kg:Statement ; rdf:subject ?e . GRAPH kgg:entities { ?e rdfs:label ?label }
} GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 1"""


def timed(fn, runs: int = 3, cap: float = 60.0) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
        if times[-1] > cap:
            break
    return statistics.median(times)


def export_times(store, g) -> dict[str, float]:
    """Whole-graph exports: the store's own serialisers against rdflib's (one run each)."""
    import pyoxigraph as ox

    def once(fn) -> float:
        t = time.perf_counter()
        fn()
        return round(time.perf_counter() - t, 1)

    union = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            "store_nquads": once(lambda: store.dump(format=ox.RdfFormat.N_QUADS)),
            "store_turtle_union": once(lambda: store.query(union, use_default_graph_as_union=True)
                                       .serialize(format=ox.RdfFormat.TURTLE)),
            "rdflib_ntriples": once(lambda: g.serialize(format="nt")),
            "rdflib_turtle": once(lambda: g.serialize(format="turtle")),
        }  # fmt: skip


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("--"):
        print(__doc__)
        return 2
    source = Path(argv[0])
    out_json = argv[argv.index("--json") + 1] if "--json" in argv else None
    from kg.query import load_source, prepare, query_source
    from kg.store import keep, select

    store = load_source(source)
    top = str(query_source(store, TOP_SUBJECT)[1][0][0])
    g, n_quads, rdflib_load = load_rdflib(source) if "--rdflib" in argv else (None, None, None)

    def cold(fn):  # each run parses the query again, as one ``kg query`` does
        def run() -> object:
            prepare.cache_clear()
            return fn()

        return run

    rows = []
    for name in QUERIES:
        q = (ROOT / "queries" / name).read_text(encoding="utf-8")
        bind = {BOUND[name]: top} if name in BOUND else None
        n_rows = len(query_source(store, q, bind)[1])
        t_engine = timed(lambda q=q, b=bind: select(store, q, b, convert=keep))
        t_kg = timed(cold(lambda q=q, b=bind: query_source(store, q, b)))
        row = {"query": name, "bound": bind, "rows": n_rows,
               "engine_ms": round(t_engine * 1000, 1), "kg_ms": round(t_kg * 1000, 1)}  # fmt: skip
        line = (f"{name:18} {n_rows:7,} rows  engine {t_engine * 1000:8.1f} ms"
                f"  kg {t_kg * 1000:8.1f} ms")  # fmt: skip
        if g is not None:
            t_rd = timed(cold(lambda q=q, b=bind: query_source(g, q, b)))
            row["rdflib_ms"] = round(t_rd * 1000, 1)
            line += f"  rdflib {t_rd * 1000:10.1f} ms"
        rows.append(row)
        print(line + (f"   ({bind})" if bind else ""), flush=True)
    exports = export_times(store, g) if g is not None and hasattr(store, "dump") else {}
    for k, v in exports.items():
        print(f"export {k:28} {v:9.1f} s", flush=True)
    result = {
        "quads": n_quads or (len(store) if hasattr(store, "__len__") else None),
        "cores": os.cpu_count(), "exports_s": exports, "rdflib_load_s": rdflib_load,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "queries": rows,
    }  # fmt: skip
    print(json.dumps({k: v for k, v in result.items() if k != "queries"}))
    if out_json:
        Path(out_json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


def load_rdflib(source: Path):
    """The graph in rdflib's memory store (the union of its named graphs)."""
    from rdflib import Graph

    from kg.query import load_dataset

    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = load_dataset(source)
        g = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        n_quads = len(ds)
    return g, n_quads, round(time.perf_counter() - t, 1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
