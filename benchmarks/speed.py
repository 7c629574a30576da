"""Throughput of kg against spaCy's own nlp.pipe on the same texts and model.

    python benchmarks/speed.py [CORPUS.jsonl] [--limit N] [--jobs N] [--repeat 3]
                               [--json OUT.json]

CORPUS defaults to ../shared/corpus/bbc_news_2225.jsonl. Prints articles/s, tokens/s,
the ratio kg / spaCy (one process each), and peak memory (RSS). kg's time covers parsing,
extraction, resolution and building the RDF dataset in memory (what ``kg build -o DIR``
exports from; the exports are timed apart); "kg to a store" is the streaming path
(``kg build --store``: the same, with each article's graph rendered as N-Quads and
loaded into a fresh Oxigraph store, claims counted at the end). The two
are run in turns (spaCy, kg, spaCy, kg, ...) --repeat times and the medians compared, so
that a slower or faster spell of a shared machine does not fall on one side only.
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

    from kg.export import to_rdf
    from kg.model import Article
    from kg.nlp import DEFAULT_MODEL, load_nlp
    from kg.pipeline import build_dataset_from, build_store

    base = spacy.load(DEFAULT_MODEL)
    list(base.pipe(texts[:5]))  # warm up
    load_nlp()  # loaded once, as in a build
    articles = [Article(id=str(r.get("id", i)), text=t, title=r.get("title", ""))
                for i, (r, t) in enumerate(zip(rows, texts, strict=True))]  # fmt: skip
    spacy_times, kg_times, store_times = [], [], []
    for i in range(repeat):
        t0 = time.perf_counter()
        tokens = sum(len(d) for d in base.pipe(texts))
        spacy_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        ds, results = build_dataset_from(articles, jobs=jobs)
        kg_times.append(time.perf_counter() - t0)
        if i < repeat - 1:  # a dataset kept alive slows the next runs' garbage collection
            del ds, results
            gc.collect()
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            build_store(articles, Path(tmp) / "store", jobs=jobs)
            store_times.append(time.perf_counter() - t0)
        load_nlp()  # build_store releases the parser when it is done; not timed
    spacy_s, kg_s = statistics.median(spacy_times), statistics.median(kg_times)
    store_s = statistics.median(store_times)
    t0 = time.perf_counter()
    ttl = to_rdf(ds, "turtle")
    export_s = time.perf_counter() - t0

    result = {
        "articles": len(texts),
        "repeat": repeat,
        "jobs": jobs,
        "tokens": tokens,
        "cores": os.cpu_count(),
        "spacy_pipe_s": round(spacy_s, 2),
        "spacy_tokens_per_s": round(tokens / spacy_s),
        "kg_build_s": round(kg_s, 2),
        "kg_tokens_per_s": round(tokens / kg_s),
        "kg_articles_per_s": round(len(texts) / kg_s, 2),
        "ratio_kg_to_spacy": round(spacy_s / kg_s, 3),
        "kg_store_build_s": round(store_s, 2),
        "kg_store_tokens_per_s": round(tokens / store_s),
        "ratio_kg_store_to_spacy": round(spacy_s / store_s, 3),
        "facts": sum(len(r.facts) for r in results),
        "turtle_export_s": round(export_s, 2),
        "turtle_mb": round(len(ttl.encode()) / 1e6, 2),
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
