"""The example queries in queries/ run and answer on a graph kg built."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import build_graph
from kg.query import QUERIES, run_query

TEXT = ('Kenya sells tea to Egypt. Kenya does not recognize the vote. "Uganda will back '
        'Rwanda," Kenyan President William Ruto said.')  # fmt: skip


@pytest.fixture(scope="module")
def graph():
    return build_graph([TEXT, "Kenya does not sell tea to Egypt, officials said."])


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_example_query_answers(graph, path: Path):
    variables, rows = run_query(graph, path.read_text(encoding="utf-8"))
    assert variables and rows, f"{path.name} found nothing"


def test_negated_query_finds_only_negated(graph):
    _, rows = run_query(graph, (QUERIES / "negated.rq").read_text(encoding="utf-8"))
    assert {(str(r[0]), str(r[1]), str(r[2])) for r in rows} == {
        ("Kenya", "recognizes", "vote"),
        ("Kenya", "supplies", "Egypt"),
        ("Kenya", "sells", "tea"),
    }


def test_contradictions_query(graph):
    _, rows = run_query(graph, (QUERIES / "contradictions.rq").read_text(encoding="utf-8"))
    got = {(str(r[0]), str(r[1]), str(r[2]), int(r[3]), int(r[4])) for r in rows}
    assert got == {("Kenya", "supplies", "Egypt", 1, 1), ("Kenya", "sells", "tea", 1, 1)}


def test_roles_query_pairs_positions_with_affiliations(graph):
    _, rows = run_query(graph, (QUERIES / "roles.rq").read_text(encoding="utf-8"))
    assert {(str(r[0]), str(r[1]), str(r[2])) for r in rows} == {
        ("William Ruto", "President", "Kenya"),
    }


def test_roles_query_gives_a_former_title_its_former_organisation():
    g = build_graph(["Former Brumco Holdings chief Ola Brenne said prices would rise."])
    _, rows = run_query(g, (QUERIES / "roles.rq").read_text(encoding="utf-8"))
    assert {(str(r[0]), str(r[1]), str(r[2])) for r in rows} == {
        ("Ola Brenne", "former chief", "Brumco Holdings"),
    }
