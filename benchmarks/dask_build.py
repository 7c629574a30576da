"""The Dask build against local builds, on a real corpus.

    python benchmarks/dask_build.py [CORPUS.jsonl] [--limit N] [--partition-size 64]
                                     [--json OUT.json]

Defaults to ../shared/corpus/bbc_news_2225.jsonl (read in place, never copied). Runs, on
the same articles, each into a fresh persistent store:

1. ``kg build --store --jobs 1`` and ``--jobs 2`` (local process pool);
2. ``kg build --executor dask`` with a LocalCluster of 1 and of 2 workers: the map step
   (partitions -> N-Quads shards) and the reduce step (bulk load into the store) timed
   apart, peak memory per worker, quads per shard, store load rate;

and checks that every store holds the same quads. Prints a table; writes JSON.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news_2225.jsonl"
sys.path.insert(0, str(ROOT))
from scale import head, kg_fresh  # noqa: E402  (benchmarks/scale.py, beside this script)


def store_quads(path: Path) -> list[bytes]:
    import pyoxigraph as ox

    data = ox.Store.read_only(str(path)).dump(format=ox.RdfFormat.N_QUADS)
    return sorted(set(data.split(b"\n")))


def local_build(part: Path, store: Path, jobs: int) -> dict:
    seconds, peak = kg_fresh(["build", str(part), "--store", str(store), "--jobs", str(jobs)])
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak)}


def dask_build(part: Path, tmp: Path, workers: int, partition_size: int) -> dict:
    from kg.merge import merge_shards
    from kg.nlp import DEFAULT_MODEL
    from kg.read import read_articles
    from kg.scatter import build_shards, dask_client
    from kg.shard import read_manifest

    articles = read_articles([part])
    shards, store = tmp / f"shards-{workers}", tmp / f"dask-store-{workers}"
    t0 = time.perf_counter()
    with dask_client(workers=workers) as client:
        client.wait_for_workers(workers, timeout=120)
        started = time.perf_counter() - t0
        t1 = time.perf_counter()
        run = build_shards(articles, shards, model=DEFAULT_MODEL, client=client,
                           partition_size=partition_size)  # fmt: skip
        map_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    merge_shards(shards, store=store, out=None)
    reduce_s = time.perf_counter() - t2
    t3 = time.perf_counter()
    nq = merge_shards(shards, out=tmp / f"dask-files-{workers}", formats=["nquads"])
    nq_s = time.perf_counter() - t3
    entries = read_manifest(shards)["partitions"]
    busy = sum(e["seconds"] for e in entries)
    quads = [e["quads"] for e in entries]
    return {
        "workers": workers,
        "cluster_start_s": round(started, 1),
        "map_s": round(map_s, 1),
        "reduce_store_s": round(reduce_s, 1),
        "reduce_nquads_s": round(nq_s, 1),
        "seconds": round(started + map_s + reduce_s, 1),
        "partitions": len(entries),
        "articles_per_hour_per_worker": round(len(articles) / busy * 3600),
        "quads_per_shard_mean": round(sum(quads) / len(quads)),
        "quads": nq.quads,
        "store_load_quads_per_s": round(nq.quads / reduce_s),
        "worker_peak_rss_mb": run.worker_peak_rss_mb,
        "failed": len(run.failed_articles) + len(run.failed_partitions),
    }


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT_CORPUS
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    psize = int(argv[argv.index("--partition-size") + 1]) if "--partition-size" in argv else 64
    out_json = argv[argv.index("--json") + 1] if "--json" in argv else None
    result: dict = {"cores": os.cpu_count(), "corpus": corpus.name, "partition_size": psize}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        part = head(corpus, limit, tmp / "corpus.jsonl")
        n = sum(1 for _ in part.open(encoding="utf-8"))
        result["articles"] = n
        rows = []
        for jobs in (1, 2):
            r = local_build(part, tmp / f"local-store-{jobs}", jobs)
            result[f"local_jobs{jobs}"] = r
            rows.append((f"local --jobs {jobs}", r["seconds"], r["peak_rss_mb"]))
            print(f"{rows[-1][0]:24} {r['seconds']:8.1f}s  peak RSS {r['peak_rss_mb']} MB",
                  flush=True)  # fmt: skip
        for workers in (1, 2):
            r = dask_build(part, tmp, workers, psize)
            result[f"dask_workers{workers}"] = r
            print(f"dask, {workers} worker(s)      {r['seconds']:8.1f}s  (start "
                  f"{r['cluster_start_s']}s, map {r['map_s']}s, load {r['reduce_store_s']}s)"
                  f"  worker peak RSS {r['worker_peak_rss_mb']} MB", flush=True)  # fmt: skip
        base = result["local_jobs1"]["seconds"]
        for key in ("local_jobs2", "dask_workers1", "dask_workers2"):
            result[key]["speedup_vs_jobs1"] = round(base / result[key]["seconds"], 2)
        reference = store_quads(tmp / "local-store-1")
        result["stores_equal"] = all(
            store_quads(tmp / name) == reference
            for name in ("local-store-2", "dask-store-1", "dask-store-2")
        )
        print(json.dumps({k: v for k, v in result.items() if isinstance(v, dict)}, indent=1))
        print(f"{n} articles; all stores hold the same quads: {result['stores_equal']}")
    if out_json:
        Path(out_json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
