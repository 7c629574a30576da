"""Precision at corpus scale: a random sample of facts, judged against their evidence.

The development gold measures recall and precision on 20 articles; this measures what a
user sees on many: draw N facts at random from a build, have a careful reader judge each
one against its evidence sentence, report the share correct.

    # 1. build the first 300 articles of the BBC corpus and list the facts
    head -300 ../shared/corpus/bbc_news_2225.jsonl > /tmp/bbc300.jsonl
    kg build /tmp/bbc300.jsonl -o /tmp/bbc300
    kg facts /tmp/bbc300/graph.ttl --format jsonl > /tmp/bbc300/facts.jsonl
    # 2. draw the sample: a table to judge (kept outside the project: it quotes the
    #    articles, whose rights are their owners')
    python benchmarks/precision_sample.py draw /tmp/bbc300/facts.jsonl --seed 19 \\
        --out /tmp/sample.tsv
    # 3. fill in the verdict column (correct / partly / wrong) and a note, then score and
    #    keep the judgements in benchmarks/precision/ (ids and verdicts, no article text)
    python benchmarks/precision_sample.py score /tmp/sample.tsv \\
        --keep benchmarks/precision/sample-19.tsv

Verdicts: **correct** — the sentence states this fact, with these arguments, this
predicate, this polarity and modality; **partly** — the gist is right but an argument is
vague or clipped ("more", "the part") or the predicate is too general; **wrong** —
the sentence does not state it, or states its opposite.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

FIELDS = ["n", "statement", "document", "extractor", "rule", "subject", "predicate", "object",
          "negated", "modality", "attributed_to", "evidence", "verdict", "note"]  # fmt: skip
KEPT = ["n", "statement", "document", "extractor", "rule", "predicate", "negated",
        "modality", "verdict", "note"]  # fmt: skip
VERDICTS = ("correct", "partly", "wrong")


def draw(facts_path: Path, seed: int, n: int, out: Path) -> None:
    """N facts drawn with ``random.Random(seed)`` from the facts in file order (one per
    statement), as a table to judge."""
    seen, facts = set(), []
    for line in facts_path.open(encoding="utf-8"):
        f = json.loads(line)
        if f["statement"] not in seen:
            seen.add(f["statement"])
            facts.append(f)
    picked = random.Random(seed).sample(facts, n)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, delimiter="\t")
        w.writeheader()
        for i, f in enumerate(picked, 1):
            w.writerow({"n": i, "statement": f["statement"], "document": f["document"],
                        "extractor": f["extractor"], "rule": f.get("rule") or "",
                        "subject": f["subject"], "predicate": f["predicate"],
                        "object": f["object"], "negated": f["negated"],
                        "modality": f["modality"], "attributed_to": f["attributed_to"] or "",
                        "evidence": f["evidence"], "verdict": "", "note": ""})  # fmt: skip
    print(f"{n} of {len(facts)} facts -> {out}")


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def score(judged: Path, keep: Path | None) -> None:
    rows = list(csv.DictReader(judged.open(encoding="utf-8"), delimiter="\t"))
    bad = [r["n"] for r in rows if r["verdict"] not in VERDICTS]
    if bad:
        sys.exit(f"{judged}: rows without a verdict ({', '.join(VERDICTS)}): {', '.join(bad)}")
    total = Counter(r["verdict"] for r in rows)
    n = len(rows)
    print(f"{n} facts: " + ", ".join(f"{v} {total[v]} ({total[v] / n:.0%})" for v in VERDICTS))
    print(f"correct or partly: {(total['correct'] + total['partly']) / n:.0%}")
    by: dict[str, Counter] = {}
    for r in rows:
        by.setdefault(r["extractor"], Counter())[r["verdict"]] += 1
    for ex, c in sorted(by.items(), key=lambda kv: -sum(kv[1].values())):
        m = sum(c.values())
        print(f"  {ex:<12} {m:>3} facts, correct {c['correct'] / m:.0%}, "
              f"partly {c['partly'] / m:.0%}, wrong {c['wrong'] / m:.0%}")  # fmt: skip
    if keep is not None:
        keep.parent.mkdir(parents=True, exist_ok=True)
        with keep.open("w", encoding="utf-8", newline="") as fh:
            fh.write(f"# judged at commit {_commit()}; no article text is kept here\n")
            w = csv.DictWriter(fh, KEPT, delimiter="\t", extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
        print(f"judgements -> {keep}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("facts", type=Path)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("-n", type=int, default=80)
    d.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("judged", type=Path)
    s.add_argument("--keep", type=Path)
    a = ap.parse_args()
    if a.cmd == "draw":
        draw(a.facts, a.seed, a.n, a.out)
    else:
        score(a.judged, a.keep)


if __name__ == "__main__":
    main()
