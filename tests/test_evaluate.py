"""kg eval: the gold format's matching rules, and agreement with the reference scorer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.cli import main
from kg.evaluate import predicate_key, score
from kg.facts import FactRow
from tests.conftest import SHARED

GOLD = """\
@entity Norway | Norwegian | Oslo ; Q20
@entity Finland | Finnish ; Q33

Norway	supplies|sells	Finland	+	required
Norway	recognizes	referendum|the referendum result	-	required
Norway	metWith	Finland	+	required,sym
Norway	*	sanctions	+	optional
"""


def row(s, p, o, neg=False, **kw):
    return FactRow(subject=s, predicate=p, object=o, negated=neg, **kw)


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.tsv"
    path.write_text(GOLD, encoding="utf-8")
    return path


def test_matching_rules(gold):
    facts = [
        row("Oslo", "supplied", "Finland"),  # alias + stemming
        row("Norway", "recognizes", "referendum", neg=True),  # polarity
        row("Finland", "metWith", "Norway"),  # symmetric
        row("Norway", "impose", "new sanctions"),  # optional, free phrase
        row("Norway", "recognizes", "referendum"),  # wrong polarity: unmatched
        row("Norge", "supplies", "Finland", subject_qid="Q20"),  # Wikidata id
    ]
    s = score(gold, facts)
    assert (s.required_matched, s.required) == (3, 3)
    assert s.matched_predictions == 5 and s.predicted == 6
    assert s.unmatched == ["Norway  recognizes  referendum"]


def test_predicate_names_that_say_not():
    assert predicate_key("doesNotRecognize") == ("recogniz", True)
    assert predicate_key("supplies") == predicate_key("supply")


def test_duplicates_count_once(gold):
    s = score(gold, [row("Norway", "sells", "Finland"), row("Norway", "sell", "Finland")])
    assert s.predicted == 1


def test_cli_eval_json_and_errors(gold, tmp_path, capsys):
    from kg.export import write_rdf
    from kg.model import Article
    from kg.pipeline import build_dataset_from

    ds, _ = build_dataset_from([Article(id="n", text="Norway sells arms to Finland.")])
    graph = write_rdf(ds, tmp_path / "g.ttl")
    assert main(["eval", str(gold), str(graph), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["required_matched"] >= 1 and 0 < out["precision"] <= 1
    bad = tmp_path / "bad.tsv"
    bad.write_text("Norway\tsupplies\tFinland\n", encoding="utf-8")
    assert main(["eval", str(bad), str(graph)]) == 1
    assert "bad.tsv:1: a fact line needs 5 tab-separated fields" in capsys.readouterr().err


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="no ../shared scorer")
@pytest.mark.slow  # starts the reference scorer
def test_agrees_with_reference_scorer(tmp_path, capsys):
    """kg eval and ../shared/eval/score.py give the same figures on the seed."""
    seed = tmp_path / "seed"
    assert main(["build", "seeds/", "-o", str(seed), "-q"]) == 0
    assert main(["facts", str(seed / "graph.ttl"), "--format", "jsonl"]) == 0
    (tmp_path / "facts.jsonl").write_text(capsys.readouterr().out, encoding="utf-8")
    ref = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "gold" / "seed.tsv"),
         str(tmp_path / "facts.jsonl"), "--json"], capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert main(["eval", str(SHARED / "gold" / "seed.tsv"), str(seed / "graph.ttl"), "--json"]) == 0
    ours = json.loads(capsys.readouterr().out)
    theirs = json.loads(ref.stdout)
    for key in ("precision", "recall", "f1", "predicted", "required_matched"):
        assert ours[key] == theirs[key], key
    assert ours["f1"] >= 0.85


def test_polarity_flips_are_reported_apart(gold):
    """A fact the text denies stored as asserted (or the reverse) matches no gold fact,
    and is listed as a polarity flip; a fact that is simply wrong is not."""
    s = score(
        gold,
        [
            row("Norway", "recognizes", "referendum"),  # gold: negated
            row("Norway", "sells", "Finland", neg=True),  # gold: asserted
            row("Norway", "invades", "Finland"),  # wrong, but no flip
            row("Norway", "recognizes", "referendum result", neg=True),  # right
        ],
    )
    assert s.polarity_flips == [
        "Norway  recognizes  referendum",
        "Norway  sells (negated)  Finland",
    ]
    assert len(s.unmatched) == 3 and s.matched_predictions == 1


def test_cli_eval_prints_polarity_flips(gold, tmp_path, capsys):
    from kg.export import write_rdf
    from kg.model import Article
    from kg.pipeline import build_dataset_from

    ds, _ = build_dataset_from([Article(id="n", text="Norway recognizes the referendum.")])
    graph = write_rdf(ds, tmp_path / "g.ttl")
    assert main(["eval", str(gold), str(graph), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["polarity_flips"] == [
        "Norway  recognizes  referendum"
    ]
    assert main(["eval", str(gold), str(graph)]) == 0
    out = capsys.readouterr().out
    assert "polarity flips, matching a gold fact only negated the other way (1):" in out
    assert "1 polarity flips)" in out
