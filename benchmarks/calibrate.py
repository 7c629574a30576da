"""Measure kg:confidence: the precision of each extractor (and construction rule) on the dev set.

    python benchmarks/calibrate.py [--kg CMD] [--out PATH] [--check] [--date YYYY-MM-DD]
                                   [--k 5] [--examples N] [--facts FACTS.jsonl]

Builds the BBC articles of ../shared/gold/dev/ in one `kg build`, as
../shared/eval/dev_eval.py does (the corpus is read in place, never copied), reads the facts
back with `kg facts --format jsonl`, de-duplicates them per article as dev_eval does, and
counts a fact correct when it matches any gold fact of its article, required or optional,
by score.py's rules. The seed article is left out: kg was written on it.

Facts are grouped by `extractor`, and by (`extractor`, `rule`) where the jsonl has a
`rule` key. A group's precision is shrunk toward its parent's, (correct + k * parent) /
(n + k): a rule toward its extractor, an extractor toward the precision of all facts, so a
group of three facts gets neither 0.0 nor 1.0. The table goes to kg/data/confidence.tsv
(read by kg/calibration.py); then the reliability check: the facts bucketed by the
confidence the table gives them, with the share of each bucket that is correct, both on the
facts the table was made from and with each article's facts looked up in a table made from
the other articles.

--kg CMD runs kg (default: the repo's .venv/bin/python -m kg); --check writes nothing and
exits 1 if the table differs from the one written (the date it records is kept unless
--date is given); --examples N prints up to N wrong facts per extractor; --facts scores a
saved `kg facts --format jsonl` of the dev articles instead of building them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shlex
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "eval"))
import dev_eval  # noqa: E402  (../shared/eval/dev_eval.py: the dev set's build and scoring)
import score  # noqa: E402  (../shared/eval/score.py: the gold format's matching rules)

from kg.calibration import ANY, TABLE, confidence  # noqa: E402

BUCKETS = (0.5, 0.7, 0.8)  # lower edges after the first bucket: <0.5, 0.5-0.7, 0.7-0.8, >=0.8


@dataclass(frozen=True)
class Judged:
    """One de-duplicated dev fact and whether it matches a gold fact of its article."""

    article: str
    extractor: str
    rule: str  # "" when the jsonl has no rule
    correct: bool
    fact: dict


@dataclass(frozen=True)
class Row:
    extractor: str
    rule: str
    precision: float
    n: int
    correct: int


def dev_articles(gold_dir: Path, corpus: Path) -> dict[str, dict]:
    """The articles that have a gold file, as kg build's JSONL rows, in gold-file order."""
    golds = sorted(p.stem for p in gold_dir.glob("*.tsv"))
    rows = {}
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in golds:
                rows[d["id"]] = {"id": d["id"], "title": d.get("title", ""), "text": d["text"]}
    missing = sorted(set(golds) - set(rows))
    if missing:
        raise SystemExit(f"calibrate: no article in {corpus} for gold {missing}")
    return {i: rows[i] for i in golds}


def build_facts(kg: list[str], articles: dict[str, dict]) -> list[dict]:
    """One `kg build` of the articles, its facts as `kg facts --format jsonl` prints them."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp, "dev.jsonl"), Path(tmp, "out")
        src.write_text("".join(json.dumps(a) + "\n" for a in articles.values()), encoding="utf-8")
        dev_eval.run(kg, "build", str(src), "-o", str(out), "-q")
        with open(Path(tmp, "facts.jsonl"), "w", encoding="utf-8") as fh:
            dev_eval.run(kg, "facts", str(out / "graph.ttl"), "--format", "jsonl", out=fh)
        return read_jsonl(Path(tmp, "facts.jsonl"))


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def judge(facts: list[dict], gold_dir: Path) -> list[Judged]:
    """Each article's facts, de-duplicated as dev_eval does, marked correct or not."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for f in facts:
        by_article[dev_eval.article_of(f)].append(f)
    judged = []
    for gold in sorted(gold_dir.glob("*.tsv")):
        entities, gold_facts = score.parse_gold(str(gold))
        seen = set()
        for f in by_article.get(gold.stem, []):
            f = {**f, "subject": str(f["subject"]), "object": str(f["object"]),
                 "predicate": str(f["predicate"])}  # fmt: skip
            key = (score.norm(f["subject"]), score.pred_key(f["predicate"]),
                   score.norm(f["object"]), bool(f.get("negated")))  # fmt: skip
            if key in seen:
                continue
            seen.add(key)
            correct = any(score.fact_matches(g, f, entities) for g in gold_facts)
            judged.append(Judged(gold.stem, str(f.get("extractor") or ""),
                                 str(f.get("rule") or ""), correct, f))  # fmt: skip
        # the same facts through dev_eval's own scoring: the two must agree
        reference = dev_eval.score_facts(gold, by_article.get(gold.stem, []))
        mine = [j.correct for j in judged if j.article == gold.stem]
        if (reference["predicted"], reference["matched"]) != (len(mine), sum(mine)):
            raise SystemExit(f"calibrate: {gold.stem}: disagrees with dev_eval.score_facts")
    return judged


def calibrate(judged: list[Judged], k: float) -> list[Row]:
    """The table: global, extractor and (extractor, rule) rows, shrunk toward their parent."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for j in judged:
        keys = [(ANY, ANY), (j.extractor, ANY)] + ([(j.extractor, j.rule)] if j.rule else [])
        for key in keys:
            counts[key][0] += 1
            counts[key][1] += j.correct
    n, hits = counts[ANY, ANY]
    overall = hits / n if n else 0.0
    estimate = {(ANY, ANY): overall}
    for (ex, rule), (n, hits) in sorted(counts.items()):
        if rule == ANY and ex != ANY:
            estimate[ex, rule] = (hits + k * overall) / (n + k)
    for (ex, rule), (n, hits) in sorted(counts.items()):
        if rule != ANY:
            estimate[ex, rule] = (hits + k * estimate[ex, ANY]) / (n + k)
    return sorted(
        (Row(ex, rule, estimate[ex, rule], n, hits) for (ex, rule), (n, hits) in counts.items()),
        key=lambda r: (r.extractor != ANY, r.extractor, r.rule != ANY, r.rule),
    )


def to_tsv(rows: list[Row], *, articles: int, k: float, date: str | None) -> str:
    total = next(r for r in rows if (r.extractor, r.rule) == (ANY, ANY))
    made = f" on {date}" if date else ""
    head = [
        "# kg:confidence: the precision of each extractor, and of each construction rule of",
        f"# an extractor, on the dev set ({articles} BBC articles of ../shared/gold/dev,",
        f"# {total.n} facts after de-duplication; a fact is correct when it matches a gold fact",
        f"# of its article). Shrunk toward the parent row, (correct + {k:g}*parent) / (n + {k:g}):",
        "# an extractor's parent is the global row (* *), a rule's its extractor's (rule *).",
        f"# Made by benchmarks/calibrate.py{made}; read by kg/calibration.py.",
        "# extractor\trule\tprecision\tn\tcorrect",
    ]
    body = [f"{r.extractor}\t{r.rule}\t{r.precision:.2f}\t{r.n}\t{r.correct}" for r in rows]
    return "\n".join(head + body) + "\n"


def bucket(p: float) -> int:
    return sum(p >= edge for edge in BUCKETS)


def bucket_name(i: int) -> str:
    edges = (None, *BUCKETS, None)
    lo, hi = edges[i], edges[i + 1]
    return f"< {hi:.1f}" if lo is None else f">= {lo:.1f}" if hi is None else f"{lo:.1f}-{hi:.1f}"


def table_of(rows: list[Row]) -> dict[tuple[str, str], float]:
    """The table as kg/calibration.py reads it back: precision rounded to 2 decimals."""
    return {(r.extractor, r.rule): round(r.precision, 2) for r in rows}


def reliability(judged: list[Judged], scores: list[float]) -> list[str]:
    tally: dict[int, list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for j, p in zip(judged, scores, strict=True):
        t = tally[bucket(p)]
        t[0] += 1
        t[1] += j.correct
        t[2] += p
    lines = [f"  {'confidence':11} {'facts':>5} {'correct':>7} {'observed':>8} {'mean conf':>9}"]
    for i in range(len(BUCKETS) + 1):
        n, hits, conf = tally[i]
        obs = f"{hits / n:8.2f}" if n else f"{'-':>8}"
        mean = f"{conf / n:9.2f}" if n else f"{'-':>9}"
        lines.append(f"  {bucket_name(i):11} {n:5} {hits:7} {obs} {mean}")
    return lines


def held_out_scores(judged: list[Judged], k: float) -> list[float]:
    """Each fact's confidence from a table made without its article (leave one article out)."""
    tables = {}
    for article in sorted({j.article for j in judged}):
        rest = [j for j in judged if j.article != article]
        tables[article] = table_of(calibrate(rest, k))
    return [confidence(j.extractor, j.rule, table=tables[j.article]) for j in judged]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kg", default=None, help="command that runs kg (default: .venv python -m kg)")
    ap.add_argument("--out", default=str(TABLE), help="the table to write (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if --out differs")
    ap.add_argument("--date", default=None, help="YYYY-MM-DD to record in the header")
    ap.add_argument("--k", type=float, default=5.0, help="shrinkage strength (default: 5)")
    ap.add_argument("--examples", type=int, default=0, help="print N wrong facts per extractor")
    ap.add_argument(
        "--facts", default=None, help="a saved `kg facts --format jsonl` of the dev set"
    )
    ap.add_argument("--gold", default=str(SHARED / "gold" / "dev"))
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "bbc_news_2225.jsonl"))
    a = ap.parse_args(argv)
    if a.date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.date):
        ap.error(f"--date must be YYYY-MM-DD, not {a.date!r}")
    venv = ROOT / ".venv" / "bin" / "python"
    kg = shlex.split(a.kg) if a.kg else [str(venv) if venv.exists() else sys.executable, "-m", "kg"]
    gold_dir, out = Path(a.gold), Path(a.out)

    articles = dev_articles(gold_dir, Path(a.corpus))
    facts = read_jsonl(Path(a.facts)) if a.facts else build_facts(kg, articles)
    judged = judge(facts, gold_dir)
    rows = calibrate(judged, a.k)

    date = a.date
    if a.check and date is None and out.exists():
        found = re.search(r"^# Made by \S+ on (\S+);", out.read_text(encoding="utf-8"), re.M)
        date = found.group(1) if found else None
    text = to_tsv(rows, articles=len(articles), k=a.k, date=date)

    print(f"{'extractor':12} {'rule':16} {'precision':>9} {'n':>5} {'correct':>7} {'raw':>5}")
    for r in rows:
        print(f"{r.extractor:12} {r.rule:16} {r.precision:9.2f} {r.n:5} {r.correct:7} "
              f"{r.correct / r.n:5.2f}")  # fmt: skip
    table = table_of(rows)
    print("\nreliability, on the facts the table was made from:")
    print("\n".join(reliability(judged, [confidence(j.extractor, j.rule, table=table)
                                         for j in judged])))  # fmt: skip
    print("reliability, each article's facts scored by a table made from the other articles:")
    print("\n".join(reliability(judged, held_out_scores(judged, a.k))))
    if a.examples:
        for ex in sorted({j.extractor for j in judged}):
            wrong = [j for j in judged if j.extractor == ex and not j.correct][: a.examples]
            if wrong:
                print(f"\nwrong facts of {ex}:")
            for j in wrong:
                f = j.fact
                neg = "NOT " if f.get("negated") else ""
                rule = f" [{j.rule}]" if j.rule else ""
                print(
                    f"  {j.article}: {f['subject']} | {neg}{f['predicate']} | {f['object']}{rule}"
                )

    if a.check:
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        if old == text:
            print(f"\n{out}: up to date")
            return 0
        diff = difflib.unified_diff(
            old.splitlines(), text.splitlines(), str(out), "now", lineterm=""
        )
        print(f"\n{out}: differs from a calibration run now:\n" + "\n".join(diff))
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
