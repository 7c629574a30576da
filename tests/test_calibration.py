"""kg.calibration: the measured-confidence table and its lookups; calibrate.py's shrinkage."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kg.calibration import ANY, TABLE, confidence, load_confidence
from kg.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

TSV = """\
# a comment	with a tab
# extractor	rule	precision	n	correct
*	*	0.70	100	70

role	*	0.80	40	32
role	apposition	0.90	10	9
"""


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "confidence.tsv"
    path.write_text(TSV, encoding="utf-8")
    return load_confidence(path)


def test_load_skips_comments_and_blank_lines(table):
    assert table == {(ANY, ANY): 0.7, ("role", ANY): 0.8, ("role", "apposition"): 0.9}


@pytest.mark.parametrize(
    ("extractor", "rule", "expected"),
    [
        ("role", "apposition", 0.9),  # the rule's own row
        ("role", "title", 0.8),  # a rule the table lacks: the extractor's row
        ("role", "", 0.8),  # no rule
        ("clause", "svo", 0.7),  # an extractor the dev set never saw: the global row
    ],
)
def test_lookup_falls_back_to_extractor_then_global(table, extractor, rule, expected):
    assert confidence(extractor, rule, table=table) == expected


def test_a_table_without_the_global_row_is_an_error():
    with pytest.raises(ConfigError, match="global row"):
        confidence("clause", table={("role", ANY): 0.8})


def test_a_bad_row_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("# header\nrole\t*\thigh\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.tsv:2"):
        load_confidence(path)


def test_packaged_table_is_a_set_of_probabilities():
    table = load_confidence()
    assert (ANY, ANY) in table
    assert all(0.0 < p < 1.0 for p in table.values())
    assert confidence("no-such-extractor") == table[ANY, ANY]
    assert load_confidence() is table  # read once
    rows = [ln.split("\t") for ln in TABLE.read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]  # fmt: skip
    assert rows == sorted(rows, key=lambda r: (r[0] != ANY, r[0], r[1] != ANY, r[1]))
    assert all(len(r) == 5 and int(r[4]) <= int(r[3]) for r in rows)


@pytest.fixture(scope="module")
def calibrate():
    if not (SHARED / "eval" / "dev_eval.py").exists():
        pytest.skip("needs ../shared/eval (dev_eval.py, score.py)")
    spec = importlib.util.spec_from_file_location("calibrate", ROOT / "benchmarks" / "calibrate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["calibrate"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    del sys.modules["calibrate"]


def test_small_groups_are_shrunk_toward_their_parent(calibrate, tmp_path):
    def judged(extractor, rule, correct, n):
        return [calibrate.Judged("a", extractor, rule, i < correct, {}) for i in range(n)]

    facts = (judged("clause", "svo", 60, 100) + judged("clause", "have", 0, 2)
             + judged("role", "", 3, 3))  # fmt: skip
    rows = {(r.extractor, r.rule): r for r in calibrate.calibrate(facts, k=5)}
    overall = 63 / 105
    assert rows[ANY, ANY].precision == pytest.approx(overall)
    # three right out of three is not 1.0: the extractor leans on the global precision
    assert rows["role", ANY].precision == pytest.approx((3 + 5 * overall) / 8)
    clause = rows["clause", ANY].precision
    assert clause == pytest.approx((60 + 5 * overall) / 107)
    # none right out of two is not 0.0: the rule leans on its extractor
    assert rows["clause", "have"].precision == pytest.approx(5 * clause / 7)
    assert ("role", "") not in rows  # facts without a rule count only for their extractor
    text = calibrate.to_tsv(list(rows.values()), articles=1, k=5, date=None)
    path = tmp_path / "confidence.tsv"
    path.write_text(text, encoding="utf-8")
    assert load_confidence(path)["clause", "have"] == round(5 * clause / 7, 2)
