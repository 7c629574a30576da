"""Parallel speed-up and memory as the corpus grows.

    python benchmarks/scale.py [CORPUS.jsonl] [--sizes 200,1000,2225] [--jobs-sample 200]
                               [--no-jobs] [--head] [--keep STORE_DIR] [--json OUT.json]

1. Builds the first --jobs-sample articles with --jobs 1 and --jobs 2 and reports the
   speed-up (the outputs are byte-identical; tests check that).
2. Streams N articles into a fresh store (kg build --store) for each size and reports
   the peak resident memory of that process: memory should stay flat as N grows. The N
   articles are spread evenly over the corpus (--head: the first N), and --keep copies
   the largest store to STORE_DIR (for benchmarks/query_scale.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news_2225.jsonl"


def head(corpus: Path, n: int | None, out: Path) -> Path:
    """The first n articles (all with None) copied to out."""
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if n is not None and i >= n:
                break
            dst.write(line)
    return out


def spread(corpus: Path, n: int, out: Path) -> Path:
    """n articles evenly spaced over the corpus, so that every size has the same mix of
    sections and lengths (the BBC file is ordered by section: business articles, first,
    are short; tech articles, last, are the longest, and memory follows article length)."""
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    n = min(n, len(lines))
    picked = sorted({int(i * len(lines) / n) for i in range(n)})
    out.write_text("".join(lines[i] for i in picked), encoding="utf-8")
    return out


def kg_fresh(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one ``kg`` command, run under a fresh interpreter so
    that the peak (the largest of kg's processes, workers included) is its own and not
    the largest of the benchmark so far."""
    code = ("import resource,subprocess,sys;"
            f"subprocess.run([sys.executable,'-m','kg',*{[*args, '-q']!r}],check=True);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")  # fmt: skip
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True)  # fmt: skip
    return time.perf_counter() - t, int(out.stdout.strip().splitlines()[-1]) / 1024


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT_CORPUS
    sizes = [int(x) for x in (argv[argv.index("--sizes") + 1] if "--sizes" in argv
                              else "200,1000,2225").split(",")]  # fmt: skip
    sample = int(argv[argv.index("--jobs-sample") + 1]) if "--jobs-sample" in argv else 200
    skip_jobs = "--no-jobs" in argv
    out_json = argv[argv.index("--json") + 1] if "--json" in argv else None
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    result: dict = {"cores": os.cpu_count(), "corpus": corpus.name,
                    "sample": "head" if "--head" in argv else "spread"}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        part = head(corpus, sample, tmpd / "sample.jsonl")
        t1 = t2 = 1.0
        if not skip_jobs:
            t1, _ = kg_fresh(["build", str(part), "-o", str(tmpd / "j1"), "--jobs", "1"])
            t2, _ = kg_fresh(["build", str(part), "-o", str(tmpd / "j2"), "--jobs", "2"])
        if not skip_jobs:
            result["jobs"] = {"articles": sample, "jobs1_s": round(t1, 1),
                              "jobs2_s": round(t2, 1), "speedup": round(t1 / t2, 2)}  # fmt: skip
            print(f"--jobs 1: {t1:.1f}s  --jobs 2: {t2:.1f}s  speed-up x{t1 / t2:.2f} "
                  f"({sample} articles, {os.cpu_count()} cores)", flush=True)  # fmt: skip
        result["memory"] = []
        for n in sizes:
            take = head if "--head" in argv else spread
            part = take(corpus, n, tmpd / f"sample{n}.jsonl")
            elapsed, peak = kg_fresh(["build", str(part), "--store", str(tmpd / f"store{n}")])
            if keep is not None and n == sizes[-1]:
                import shutil

                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(tmpd / f"store{n}", keep)
            result["memory"].append({"articles": n, "peak_rss_mb": round(peak),
                                     "seconds": round(elapsed, 1),
                                     "articles_per_s": round(n / elapsed, 2)})  # fmt: skip
            print(f"{n:5} articles -> store: peak RSS {peak:7.0f} MB, {elapsed:6.1f}s, "
                  f"{n / elapsed:.2f} articles/s", flush=True)  # fmt: skip
    if out_json:
        Path(out_json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
