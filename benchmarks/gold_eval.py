"""Score kg, and textacy's subject-verb-object triples as a baseline, on gold articles.

    python benchmarks/gold_eval.py [CORPUS.jsonl] [--json OUT.json]

Gold files are benchmarks/gold/<article id>.tsv (the gold format of
../shared/gold/FORMAT.md) for articles of the BBC corpus, which is read from
../shared/corpus/bbc_news_2225.jsonl and never copied here; the seed article is scored
against ../shared/gold/seed.tsv. Facts are read back from the RDF kg builds, as
`kg facts` prints them. textacy is optional (`pip install textacy`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.evaluate import score
from kg.facts import FactRow, read_facts
from kg.model import Article
from kg.pipeline import build_dataset_from
from kg.rdf import union_graph
from kg.read import read_file

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "bbc_news_2225.jsonl"


def kg_facts(article: Article) -> list[FactRow]:
    ds, _ = build_dataset_from([article])
    return read_facts(union_graph(ds))


def textacy_facts(article: Article) -> list[FactRow] | None:
    """textacy's SVO triples on the same spaCy model: the reference baseline."""
    try:
        from textacy import extract
    except ImportError:
        return None
    import spacy

    from kg.nlp import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    doc = nlp(article.text)
    out = []
    for t in extract.subject_verb_object_triples(doc):
        neg = any(tok.dep_ == "neg" for v in t.verb for tok in v.children)
        out.append(FactRow(
            subject=" ".join(x.text for x in t.subject),
            predicate="".join(x.lemma_ for x in t.verb if x.pos_ in {"VERB", "AUX"})
            or t.verb[-1].lemma_,
            object=" ".join(x.text for x in t.object),
            negated=neg,
        ))  # fmt: skip
    return out


def cases(corpus: Path) -> list[tuple[str, Article, Path]]:
    out = []
    seed_gold = SHARED / "gold" / "seed.tsv"
    seed = ROOT / "seeds" / "turkey-ukraine-drones.txt"
    if seed_gold.exists():
        out.append(("seed: turkey-ukraine-drones", read_file(seed)[0], seed_gold))
    golds = sorted((ROOT / "benchmarks" / "gold").glob("*.tsv"))
    if golds and corpus.exists():
        wanted = {g.stem: g for g in golds}
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    art = Article(id=rec["id"], text=f"{rec['title']}\n\n{rec['text']}",
                                  title=rec["title"])  # fmt: skip
                    out.append((f"{rec['id']}: {rec['title']}", art, wanted[rec["id"]]))
    return out


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv and not argv[0].startswith("--") else DEFAULT_CORPUS
    out_json = argv[argv.index("--json") + 1] if "--json" in argv else None
    rows = []
    for name, article, gold in cases(corpus):
        kg_s = score(gold, kg_facts(article))
        tx = textacy_facts(article)
        tx_s = score(gold, tx) if tx is not None else None
        rows.append({"article": name, "kg": kg_s.__dict__,
                     "textacy": tx_s.__dict__ if tx_s else None})  # fmt: skip
        print(f"{name[:48]:48}  kg P {kg_s.precision:.2f} R {kg_s.recall:.2f} "
              f"F1 {kg_s.f1:.2f}" + (f"   textacy P {tx_s.precision:.2f} R {tx_s.recall:.2f} "
                                    f"F1 {tx_s.f1:.2f}" if tx_s else ""))  # fmt: skip
    if out_json:
        Path(out_json).write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
