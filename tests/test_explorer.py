"""The corpus view in headless Chromium (network blocked): it opens on an overview, is
explored by search, expansion and paths, and its facts table follows the graph."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kg.export.html import OVERVIEW_SIZE, network_data, to_html
from tests.conftest import Page
from tests.corpus_graph import HUB_LABEL, corpus_graph

pytestmark = pytest.mark.slow  # starts a headless browser


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    g = corpus_graph()
    path = tmp_path_factory.mktemp("corpus") / "graph.html"
    path.write_text(to_html(g), encoding="utf-8")
    return path, network_data(g)


@pytest.fixture
def page(browser, corpus):
    p = Page(browser, corpus[0])
    p.stable()
    yield p
    assert p.errors == [] and p.requests == []
    p.page.close()


def drawn(page: Page) -> tuple[int, int]:
    n, m = page.page.get_attribute("body", "data-drawn").split(",")
    return int(n), int(m)


def node_id(data: dict, label: str) -> str:
    return next(n["id"] for n in data["nodes"] if n["label"] == label)


def search(page: Page, text: str, pick: str) -> None:
    """Type, as a user does, and click the suggestion that reads ``pick``."""
    page.page.click("#search")
    page.page.keyboard.type(text)
    page.page.locator("#suggest li", has_text=pick).first.click()


def test_opens_on_a_labelled_overview_without_concepts(page, corpus):
    _, data = corpus
    ids = page.page.evaluate("kgNetwork.body.nodeIndices")
    assert len(ids) == OVERVIEW_SIZE < len(data["nodes"])
    by_id = {n["id"]: n for n in data["nodes"]}
    assert {by_id[i]["group"] for i in ids} <= {"Person", "Country", "Organization"}
    # the most connected entities, the hub among them, each with its label on the node
    top = sorted((n for n in data["nodes"] if n["group"] != "Concept"),
                 key=lambda n: (-n["degree"], n["id"]))[:OVERVIEW_SIZE]  # fmt: skip
    assert set(ids) == {n["id"] for n in top}
    labels = page.page.evaluate(
        "kgNetwork.body.nodeIndices.map(i => kgNetwork.body.nodes[i].options.label)"
    )
    assert HUB_LABEL in labels and all(labels)
    # concepts one click away
    assert not page.page.is_checked(".f-type[value='Concept']")
    page.page.check(".f-type[value='Concept']")
    drawn_ids = set(page.page.evaluate("kgNetwork.body.nodeIndices"))
    assert any(by_id[i]["group"] == "Concept" for i in drawn_ids)


def test_search_suggests_names_and_aliases_and_centres_on_the_neighbourhood(page, corpus):
    _, data = corpus
    page.page.click("#search")
    page.page.keyboard.type("ahx")
    suggestion = page.page.locator("#suggest li").first
    assert "AHX" in suggestion.inner_text() and "Alias Holdings" in suggestion.inner_text()
    page.page.fill("#search", "")
    page.page.keyboard.type("republic")  # a word inside the name
    assert HUB_LABEL in page.page.locator("#suggest li").first.inner_text()
    page.page.fill("#search", "")
    search(page, "hub rep", HUB_LABEL)
    hub = node_id(data, HUB_LABEL)
    assert page.page.get_attribute("body", "data-selected") == hub
    # the hub and its 100 neighbours, every fact of the hub drawn and in the table
    assert drawn(page) == (101, 100)
    assert page.page.evaluate("kgNetwork.getSelectedNodes()") == [hub]
    assert page.page.evaluate("kg.tableIds().length") == 100
    assert page.page.locator("#facts tbody tr").count() == 100


def test_expand_by_relation_with_counts_collapse_and_back(page, corpus):
    _, data = corpus
    hub = node_id(data, HUB_LABEL)
    page.page.evaluate("(id) => kg.selectNode(id)", hub)  # the hub is in the overview
    before = drawn(page)
    buttons = page.page.locator("#panel .rels button.rel").all_text_contents()
    assert buttons == ["supplies 60", "metWith 40"]
    page.page.click("#panel .rels button.rel[data-rel='metWith']")
    after = drawn(page)
    assert after[0] == before[0] + 40  # the 40 it met (none of them in the overview)
    drawn_ids = set(page.page.evaluate("kgNetwork.body.nodeIndices"))
    met_labels = {f"Entity {i:04d}" for i in range(61, 101)}
    met = {n["id"] for n in data["nodes"] if n["label"] in met_labels}
    assert met <= drawn_ids
    # collapse takes them away again; Back brings them back
    page.page.click("#panel .rels button.collapse")
    assert drawn(page) == before
    page.page.click("#back")
    assert drawn(page) == after
    # double-click toggles: collapse, then expand everything
    page.page.evaluate("(id) => kg.collapse(id)", hub)
    assert drawn(page) == before
    page.page.evaluate("(id) => kg.expand(id)", hub)
    assert drawn(page)[0] == before[0] + 100


def test_facts_table_follows_filters_sorting_and_exports_csv(page, corpus):
    _, data = corpus
    search(page, "Hub", HUB_LABEL)
    page.page.select_option("#f-pol", "negated")
    rows = page.page.locator("#facts tbody tr")
    assert rows.count() == 1 and "not" in rows.first.inner_text()
    assert drawn(page)[1] == 1  # the graph shows the same one fact
    page.page.select_option("#f-pol", "")
    # sortable: by object, descending on the second click
    page.page.click("#facts th[data-key='object']")
    page.page.click("#facts th[data-key='object']")
    objects = page.page.locator("#facts tbody tr td:nth-child(3)").all_text_contents()
    assert objects == sorted(objects, reverse=True) and len(objects) == 100
    # a row selects its edge in the graph
    rows.first.click()
    fact = int(page.page.get_attribute("body", "data-fact"))
    edge = next(e["id"] for e in data["edges"] if fact in e["facts"])
    assert page.page.evaluate("kgNetwork.getSelectedEdges()") == [edge]
    # the CSV holds the rows of the table, in its order
    with page.page.expect_download() as dl:
        page.page.click("#csv")
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    table = list(csv.DictReader(io.StringIO(text)))
    assert [r["object"] for r in table] == objects
    assert {r["subject"] for r in table if r["predicate"] == "supplies"} == {HUB_LABEL}
    assert all(r["evidence"].startswith("Sentence ") for r in table)
    assert sum(r["negated"] == "true" for r in table) == 1


def test_path_between_two_entities(page, corpus):
    _, data = corpus
    # Entity 0001 and Entity 0061 are linked only through the hub
    search(page, "Entity 0001", "Entity 0001")
    page.page.click("#panel .rels button.path")
    search(page, "Entity 0061", "Entity 0061")
    a, hub, b = (node_id(data, x) for x in ("Entity 0001", HUB_LABEL, "Entity 0061"))
    assert page.page.get_attribute("body", "data-selected") == f"path:{a} {hub} {b}"
    assert "Entity 0001 \u2192 Hub Republic \u2192 Entity 0061" in page.page.inner_text("#panel h3")
    assert page.page.evaluate("kg.tableIds().length") == 2


def test_histogram_filters_by_month(page, corpus):
    _, data = corpus
    bars = page.page.locator("#hist button")
    assert bars.count() == 18
    search(page, "Hub", HUB_LABEL)
    page.page.click("#hist button[data-month='2004-03']")
    assert page.page.input_value("#f-from") == "2004-03"
    ids = page.page.evaluate("kg.tableIds()")
    hub = next(n for n in data["nodes"] if n["label"] == HUB_LABEL)
    march = [i for i in hub["facts"] if data["facts"][i]["date"].startswith("2004-03")]
    assert ids == march and march
    assert drawn(page)[1] == len(march)  # the graph shows the same facts


def test_corpus_view_keeps_injected_labels_as_text(browser, tmp_path):
    from rdflib import Literal
    from rdflib.namespace import RDFS

    from tests.corpus_graph import entity

    payload = '<img src=x onerror="window.__xss=1">'
    g = corpus_graph(n_entities=400, n_concepts=50, n_facts=800)
    g.set((entity(0), RDFS.label, Literal(payload)))
    path = tmp_path / "x.html"
    path.write_text(to_html(g), encoding="utf-8")
    p = Page(browser, path)
    p.stable()
    search(p, "<img", payload)
    assert payload in p.page.inner_text("#panel h3")
    assert payload in p.page.inner_text("#facts")
    assert p.page.evaluate("window.__xss") is None and p.page.locator("img").count() == 0
    assert p.errors == [] and p.requests == []
