"""SPARQL at scale: the persistent Oxigraph store against rdflib in memory.

    python benchmarks/query_scale.py [GRAPH.trig] [--triples N] [--json OUT.json]

Replicates a graph kg built (default exports/graph.trig) with fresh article and
statement IRIs (entities stay shared, as across real articles) until it holds at least
N triples (default 1,000,000), loads it into both engines, and times the example queries
in queries/ (median of 3 runs; rdflib runs once per query where one run is over 60 s).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["supplies.rq", "negated.rq", "quotes.rq", "contradictions.rq", "about.rq"]


def replicate(trig: Path, target: int, out: Path) -> int:
    store = ox.Store()
    store.load(trig.read_bytes(), format=ox.RdfFormat.TRIG)
    base = [q for q in store]
    shared = {"https://w3id.org/kg-news/graph/ontology", "https://w3id.org/kg-news/graph/entities"}
    copies = max(1, target // max(len(base), 1) + 1)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for q in base:
                g = str(q.graph_name)[1:-1] if not isinstance(q.graph_name, ox.DefaultGraph) else ""
                if k and g in shared:
                    continue

                def ren(t: object) -> str:
                    s = str(t)
                    if k and s.startswith(("<https://w3id.org/kg-news/statement/",
                                           "<https://w3id.org/kg-news/article/",
                                           "<https://w3id.org/kg-news/claim/")):  # fmt: skip
                        return s[:-1] + f"-c{k}>"
                    return s

                gname = "" if not g else ren(q.graph_name)
                fh.write(f"{ren(q.subject)} {q.predicate} {ren(q.object)} {gname} .\n")
                n += 1
    return n


def timed(fn, runs: int = 3, cap: float = 60.0) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
        if times[-1] > cap:
            break
    return statistics.median(times)


def main(argv: list[str]) -> int:
    trig = Path(argv[0]) if argv and not argv[0].startswith("--") else ROOT / "exports/graph.trig"
    target = int(argv[argv.index("--triples") + 1]) if "--triples" in argv else 1_000_000
    out_json = argv[argv.index("--json") + 1] if "--json" in argv else None
    with tempfile.TemporaryDirectory() as tmp:
        nq = Path(tmp) / "big.nq"
        n = replicate(trig, target, nq)
        t = time.perf_counter()
        store = ox.Store(str(Path(tmp) / "store"))
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        ox_load = time.perf_counter() - t
        from rdflib import Graph

        t = time.perf_counter()
        g = Graph()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from rdflib import Dataset

            ds = Dataset()
            ds.parse(str(nq), format="nquads")
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
            del ds
        rdflib_load = time.perf_counter() - t
        rows = []
        for name in QUERIES:
            q = (ROOT / "queries" / name).read_text(encoding="utf-8")
            t_ox = timed(lambda q=q: list(store.query(q, use_default_graph_as_union=True)))
            t_rd = timed(lambda q=q: list(g.query(q)), runs=1 if name != "supplies.rq" else 3)
            rows.append({"query": name, "oxigraph_ms": round(t_ox * 1000, 1),
                         "rdflib_ms": round(t_rd * 1000, 1), "ratio": round(t_rd / t_ox, 1)})  # fmt: skip
            print(f"{name:20} oxigraph {t_ox * 1000:9.1f} ms   rdflib {t_rd * 1000:10.1f} ms   "
                  f"x{t_rd / t_ox:,.0f}", flush=True)  # fmt: skip
    result = {"triples": n, "cores": os.cpu_count(), "oxigraph_bulk_load_s": round(ox_load, 1),
              "rdflib_load_s": round(rdflib_load, 1), "queries": rows}  # fmt: skip
    print(json.dumps({k: v for k, v in result.items() if k != "queries"}))
    if out_json:
        Path(out_json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
