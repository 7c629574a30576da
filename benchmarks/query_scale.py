"""SPARQL at scale: the persistent Oxigraph store against rdflib in memory.

    python benchmarks/query_scale.py STORE_DIR|GRAPH_FILE [--json OUT.json]

Build the input first, e.g. the whole BBC corpus into a store:

    kg build ../shared/corpus/bbc_news_2225.jsonl --store /tmp/bbc-store

Then the graph is loaded into rdflib (in memory) as well, and the example queries in
queries/ are timed on both engines (median of 3 runs; one run where a run exceeds 60 s).
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
QUERIES = ["supplies.rq", "negated.rq", "quotes.rq", "contradictions.rq", "entities.rq"]


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
    from rdflib import Graph

    from kg.query import load_dataset, load_source, query_source

    store = load_source(source)
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = load_dataset(source)
        g = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        n_quads = len(ds)
        del ds
    rdflib_load = time.perf_counter() - t
    rows = []
    for name in QUERIES:
        q = (ROOT / "queries" / name).read_text(encoding="utf-8")
        t_ox = timed(lambda q=q: query_source(store, q))
        t_rd = timed(lambda q=q: query_source(g, q))
        ratio = round(t_rd / t_ox, 1)
        rows.append({"query": name, "store_ms": round(t_ox * 1000, 1),
                     "rdflib_ms": round(t_rd * 1000, 1), "ratio": ratio})  # fmt: skip
        print(f"{name:20} store {t_ox * 1000:9.1f} ms   rdflib {t_rd * 1000:10.1f} ms   "
              f"rdflib/store x{t_rd / t_ox:,.1f}", flush=True)  # fmt: skip
    exports = export_times(store, g) if hasattr(store, "dump") else {}
    for k, v in exports.items():
        print(f"export {k:28} {v:9.1f} s", flush=True)
    result = {
        "triples": len(g), "quads": n_quads, "cores": os.cpu_count(), "exports_s": exports,
        "rdflib_load_s": round(rdflib_load, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "queries": rows,
    }  # fmt: skip
    print(json.dumps({k: v for k, v in result.items() if k != "queries"}))
    if out_json:
        Path(out_json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
