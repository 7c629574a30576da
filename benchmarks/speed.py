"""Throughput of kg against spaCy's own nlp.pipe on the same texts and model.

    python benchmarks/speed.py [CORPUS.jsonl] [--limit N] [--jobs N] [--repeat 3]
                               [--json OUT.json]

CORPUS defaults to ../shared/corpus/bbc_news_2225.jsonl. Prints articles/s, tokens/s,
the ratio kg / spaCy (one process each), and peak memory (RSS). Three kg figures:

- "kg graph": parsing, extraction, resolution and the whole graph as N-Quads in memory
  (``build_nquads_from``), which is what every output is written from;
- "kg build -o": the same plus writing the default exports (Turtle, TriG, HTML) to a
  folder, i.e. what ``kg build ARTICLES -o DIR`` does once the model is loaded;
- "kg build --store": the streaming path into a fresh Oxigraph store, claims counted
  at the end.

Every run is a fresh process, as a user's run is: the model is loaded and warmed on five
texts, then the clock starts. (Timed in one long-lived process, spaCy's later passes
find every word in its vocabulary already, while kg frees the words of each batch of
articles to keep memory flat, so the comparison would not be like for like.) spaCy and
kg run in turns (spaCy, kg, ..., spaCy, kg, ...) --repeat times and the medians are
compared, so that a slower or faster spell of a shared machine does not fall on one side.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news_2225.jsonl"
MODES = ("spacy", "graph", "files", "store")


def load(corpus: Path, limit: int) -> list[dict]:
    rows = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(mode: str, corpus: Path, limit: int, jobs: int) -> dict:
    """One timed run in this process (the child side)."""
    rows = load(corpus, limit)
    texts = [f"{r.get('title', '')}\n\n{r['text']}" for r in rows]
    if mode == "spacy":
        import spacy

        from kg.nlp import DEFAULT_MODEL

        nlp = spacy.load(DEFAULT_MODEL)
        list(nlp.pipe(texts[:5]))  # warm up
        t0 = time.perf_counter()
        tokens = sum(len(d) for d in nlp.pipe(texts))
        return {"s": time.perf_counter() - t0, "tokens": tokens, "rss_mb": peak_rss_mb()}

    from kg.export import DEFAULT_NAMES, GraphData, export
    from kg.model import Article
    from kg.nlp import load_nlp
    from kg.pipeline import build_nquads_from, build_store

    list(load_nlp().pipe(texts[:5]))  # loaded and warmed, as spaCy is
    articles = [Article(id=str(r.get("id", i)), text=t, title=r.get("title", ""))
                for i, (r, t) in enumerate(zip(rows, texts, strict=True))]  # fmt: skip
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        if mode == "store":
            _, n_facts = build_store(articles, Path(tmp) / "store", jobs=jobs)
        else:
            nquads, results = build_nquads_from(articles, jobs=jobs)
            n_facts = sum(len(r.facts) for r in results)
            out["quads"] = nquads.count("\n")
            if mode == "files":
                data = GraphData(nquads=nquads)
                out["export_bytes"] = {
                    fmt: export(data, fmt, Path(tmp) / DEFAULT_NAMES[fmt]).stat().st_size
                    for fmt in ("turtle", "trig", "html")  # kg build's default exports
                }
        out["s"] = time.perf_counter() - t0
    return out | {"facts": n_facts, "rss_mb": peak_rss_mb()}


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT_CORPUS
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else 200
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else 1
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    out_json = argv[argv.index("--json") + 1] if "--json" in argv else None
    if "--one" in argv:  # a child run
        print(json.dumps(run_one(argv[argv.index("--one") + 1], corpus, limit, jobs)))
        return 0
    runs: dict[str, list[dict]] = {m: [] for m in MODES}
    for _ in range(repeat):
        for mode in MODES:
            cmd = [sys.executable, __file__, str(corpus), "--limit", str(limit), "--jobs",
                   str(jobs), "--one", mode]  # fmt: skip
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            runs[mode].append(json.loads(res.stdout.strip().splitlines()[-1]))
    med = {m: statistics.median(r["s"] for r in runs[m]) for m in MODES}
    tokens, n = runs["spacy"][0]["tokens"], len(load(corpus, limit))
    result: dict = {
        "articles": n,
        "repeat": repeat,
        "jobs": jobs,
        "tokens": tokens,
        "cores": os.cpu_count(),
        "spacy_pipe_s": round(med["spacy"], 2),
        "spacy_tokens_per_s": round(tokens / med["spacy"]),
    }
    for mode, name in (("graph", "kg_graph"), ("files", "kg_build_files"),
                       ("store", "kg_build_store")):  # fmt: skip
        result[f"{name}_s"] = round(med[mode], 2)
        result[f"{name}_tokens_per_s"] = round(tokens / med[mode])
        result[f"{name}_articles_per_s"] = round(n / med[mode], 2)
        result[f"ratio_{name}_to_spacy"] = round(med["spacy"] / med[mode], 3)
    result |= {
        "all_times_s": {m: [round(r["s"], 2) for r in runs[m]] for m in MODES},
        "facts": runs["graph"][-1]["facts"],
        "quads": runs["graph"][-1]["quads"],
        "export_bytes": runs["files"][-1]["export_bytes"],
        "peak_rss_mb": {m: round(max(r["rss_mb"] for r in runs[m])) for m in MODES},
    }
    width = max(len(k) for k in result)
    for k, v in result.items():
        print(f"{k:{width}}  {v}")
    if out_json:
        Path(out_json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
