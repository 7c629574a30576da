"""SPARQL at scale: every example query in queries/ on a persistent store.

    python benchmarks/query_scale.py STORE_DIR|GRAPH_FILE [--rdflib] [--memory]
        [--json OUT.json]

Build the input first, e.g. the whole BBC corpus into a store:

    kg build ../shared/corpus/bbc_news_2225.jsonl --store /tmp/bbc-store

Each query is timed as ``kg query`` runs it once the store is open (median of 3 runs;
the query parsed afresh each time): Oxigraph's engine alone, then kg's whole path
(SERVICE check, evaluation, rdflib terms for the output). The queries that take a
binding (``about.rq``, ``evidence.rq``) get the label of the entity that is the subject
of the most statements, the heaviest such lookup.

Then every query bound as its header shows (``--bind VAR=...``): to the entity, and to
the relation, that has the most rows in its unbound answer (the heaviest binding), again
through kg's whole path (issue 21: contradictions, supplies, negated < 50 ms).

With --memory, the store's quads are loaded into an in-memory Oxigraph store (the load
timed) and the listings are timed there, against ``kg serve STORE --memory`` answering
the same queries over HTTP (SPARQL JSON, as a client gets them; issue 21: within 1.5x of
the in-memory store), with serve's reported load time and its time to a first answer.

With --rdflib the graph is also loaded into rdflib's memory store and the queries and
whole-graph exports are timed there (minutes and ~3 GB for the full corpus).
"""

from __future__ import annotations

import collections
import json
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted(p.name for p in (ROOT / "queries").glob("*.rq"))
BOUND = {"about.rq": "name", "evidence.rq": "subject"}  # variable to bind per query
LISTINGS = ["quotes.rq", "entities.rq", "by-date.rq", "about.rq"]  # unbound, issue 21
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
    bound = bound_times(store, top) if hasattr(store, "dump") else []
    memory = memory_times(source, store) if "--memory" in argv else {}
    exports = export_times(store, g) if g is not None and hasattr(store, "dump") else {}
    for k, v in exports.items():
        print(f"export {k:28} {v:9.1f} s", flush=True)
    result = {
        "quads": n_quads or (len(store) if hasattr(store, "__len__") else None),
        "cores": os.cpu_count(), "exports_s": exports, "rdflib_load_s": rdflib_load,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "queries": rows, "bound": bound, "memory": memory,
    }  # fmt: skip
    print(json.dumps({k: v for k, v in result.items() if k != "queries"}))
    if out_json:
        Path(out_json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


def bound_times(store, top: str) -> list[dict]:
    """Every query bound as its header shows, to its heaviest entity and relation."""
    from kg.query import prepare, query_source
    from kg.rdf import predicate_iri

    out = []
    for name in QUERIES:
        q = (ROOT / "queries" / name).read_text(encoding="utf-8")
        variables, every = query_source(store, q, {BOUND[name]: top} if name in BOUND else None)
        for var in dict.fromkeys(re.findall(r"--bind (\w+)=", q)):
            column = variables.index("predicate" if var == "p" else var)
            value = collections.Counter(str(r[column]) for r in every).most_common(1)[0][0]
            bind = {var: f"<{predicate_iri(value)}>" if var == "p" else value}

            def run(b: dict = bind, q: str = q) -> list:
                prepare.cache_clear()
                return query_source(store, q, b)[1]

            n_rows = len(run())
            t = timed(run, runs=5)
            out.append({"query": name, "bound": bind, "rows": n_rows, "kg_ms": round(t * 1000, 1)})
            print(f"{name:18} {var}={bind[var]:50.50} {n_rows:6,} rows  kg {t * 1000:8.1f} ms",
                  flush=True)  # fmt: skip
    return out


def memory_times(source: Path, disk) -> dict:
    """The listings on an in-memory copy of the store, and through ``kg serve --memory``."""
    import pyoxigraph as ox

    out: dict = {"queries": []}
    # the store's quads, dumped and bulk-loaded as kg serve --memory does
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        disk.dump(str(Path(tmp) / "all.nq"), format=ox.RdfFormat.N_QUADS)
        mem = ox.Store()
        mem.bulk_load(path=str(Path(tmp) / "all.nq"), format=ox.RdfFormat.N_QUADS)
        out["in_memory_load_s"] = round(time.perf_counter() - t, 1)
    print(f"in-memory copy loaded in {out['in_memory_load_s']} s", flush=True)
    port, started = _free_port(), time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(source), "--port", str(port),
                             "--memory"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    try:
        said = proc.stderr.readline()  # "loaded ... into memory in X s"
        m = re.search(r"in (\d+\.\d) s", said)
        out["serve_reported_load_s"] = float(m.group(1)) if m else said.strip()
        url = f"http://127.0.0.1:{port}/sparql"
        _post(url, "ASK {}")
        out["serve_first_answer_s"] = round(time.perf_counter() - started, 1)
        for name in LISTINGS:
            q = (ROOT / "queries" / name).read_text(encoding="utf-8")
            t_rows = timed(lambda q=q: list(mem.query(q, use_default_graph_as_union=True)))
            t_json = timed(lambda q=q: mem.query(q, use_default_graph_as_union=True)
                           .serialize(format=ox.QueryResultsFormat.JSON))  # fmt: skip
            t_serve = timed(lambda q=q: _post(url, q))
            n_rows = len(json.loads(_post(url, q))["results"]["bindings"])
            row = {"query": name, "rows": n_rows, "memory_rows_ms": round(t_rows * 1000, 1),
                   "memory_json_ms": round(t_json * 1000, 1),
                   "serve_memory_ms": round(t_serve * 1000, 1),
                   "ratio_to_json": round(t_serve / t_json, 2),
                   "ratio_to_rows": round(t_serve / t_rows, 2)}  # fmt: skip
            out["queries"].append(row)
            print(f"{name:18} {n_rows:7,} rows  in memory {t_rows * 1000:8.1f} ms"
                  f" (JSON {t_json * 1000:8.1f} ms)"
                  f"  kg serve --memory {t_serve * 1000:8.1f} ms  x{row['ratio_to_json']}"
                  f" (x{row['ratio_to_rows']} of rows alone)", flush=True)  # fmt: skip
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stderr.close()
    print(f"kg serve --memory: load {out['serve_reported_load_s']} s reported, first answer "
          f"{out['serve_first_answer_s']} s after launch", flush=True)  # fmt: skip
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, query: str) -> bytes:
    """A query as a client sends it (waiting while the server starts)."""
    req = urllib.request.Request(url, data=query.encode("utf-8"),
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "application/sparql-results+json"})  # fmt: skip
    for _ in range(6000):
        try:
            with urllib.request.urlopen(req, timeout=600) as r:  # noqa: S310 (loopback)
                return r.read()
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    raise TimeoutError(url)


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
