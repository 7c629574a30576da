"""Throughput of kg against spaCy's own nlp.pipe on the same texts and model.

    python benchmarks/speed.py [CORPUS.jsonl] [--limit N] [--jobs N] [--repeat 3]
                               [--json OUT.json]

CORPUS defaults to ../shared/corpus/bbc_news_2225.jsonl. Prints articles/s, tokens/s,
the ratio kg / spaCy (one process each), and peak memory (RSS). Three kg figures:

- "kg graph": parsing, extraction, resolution and the whole graph as N-Quads in memory
  (``build_nquads_from``), which is what every output is written from;
- "kg build -o": the same plus writing the default exports (Turtle, TriG, HTML) to a
  folder, i.e. what ``kg build ARTICLES -o DIR`` does after loading the model;
- "kg build --store": the streaming path into a fresh Oxigraph store, claims counted
  at the end.

spaCy and kg run in turns (spaCy, kg, spaCy, kg, ...) --repeat times and the medians are
compared, so that a slower or faster spell of a shared machine does not fall on one
side only.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news_2225.jsonl"


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


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT_CORPUS
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else 200
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else 1
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    out_json = argv[argv.index("--json") + 1] if "--json" in argv else None
    rows = load(corpus, limit)
    texts = [f"{r.get('title', '')}\n\n{r['text']}" for r in rows]

    import spacy

    from kg.export import DEFAULT_NAMES, GraphData, export
    from kg.model import Article
    from kg.nlp import DEFAULT_MODEL, load_nlp
    from kg.pipeline import build_nquads_from, build_store

    base = spacy.load(DEFAULT_MODEL)
    list(base.pipe(texts[:5]))  # warm up
    load_nlp()  # loaded once, as in a build
    articles = [Article(id=str(r.get("id", i)), text=t, title=r.get("title", ""))
                for i, (r, t) in enumerate(zip(rows, texts, strict=True))]  # fmt: skip
    times: dict[str, list[float]] = {"spacy": [], "graph": [], "files": [], "store": []}
    for _ in range(repeat):
        t0 = time.perf_counter()
        tokens = sum(len(d) for d in base.pipe(texts))
        times["spacy"].append(time.perf_counter() - t0)
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            nquads, results = build_nquads_from(articles, jobs=jobs)
            times["graph"].append(time.perf_counter() - t0)
            data = GraphData(nquads=nquads)
            sizes = {}
            for fmt in ("turtle", "trig", "html"):  # kg build's default exports
                path = export(data, fmt, Path(tmp) / DEFAULT_NAMES[fmt])
                sizes[fmt] = path.stat().st_size
            times["files"].append(time.perf_counter() - t0)
            del data
            gc.collect()
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            build_store(articles, Path(tmp) / "store", jobs=jobs)
            times["store"].append(time.perf_counter() - t0)
        load_nlp()  # build_store releases the parser when it is done; not timed
    med = {k: statistics.median(v) for k, v in times.items()}
    spacy_s = med["spacy"]

    result = {
        "articles": len(texts),
        "repeat": repeat,
        "jobs": jobs,
        "tokens": tokens,
        "cores": os.cpu_count(),
        "spacy_pipe_s": round(spacy_s, 2),
        "spacy_tokens_per_s": round(tokens / spacy_s),
    }
    for key, name in (("graph", "kg_graph"), ("files", "kg_build_files"),
                      ("store", "kg_build_store")):  # fmt: skip
        result[f"{name}_s"] = round(med[key], 2)
        result[f"{name}_tokens_per_s"] = round(tokens / med[key])
        result[f"{name}_articles_per_s"] = round(len(texts) / med[key], 2)
        result[f"ratio_{name}_to_spacy"] = round(spacy_s / med[key], 3)
    result |= {
        "all_times_s": {k: [round(x, 2) for x in v] for k, v in times.items()},
        "facts": sum(len(r.facts) for r in results),
        "quads": nquads.count("\n"),
        "export_bytes": sizes,
        "peak_rss_mb": round(peak_rss_mb()),
    }
    width = max(len(k) for k in result)
    for k, v in result.items():
        print(f"{k:{width}}  {v}")
    if out_json:
        Path(out_json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
