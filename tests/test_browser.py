"""The HTML view in a real browser: headless Chromium driven by Playwright, with every
network request blocked. Skips locally when Chromium is absent; CI installs it and fails
instead of skipping (CI=true)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.export.html import network_data, to_html
from kg.ontology import KG
from kg.pipeline import build_graph
from tests.conftest import Page

pytestmark = pytest.mark.slow  # starts a headless browser


@pytest.fixture(scope="module")
def seed_page(browser, tmp_path_factory):
    text = Path(__file__).resolve().parent.parent / "seeds" / "turkey-ukraine-drones.txt"
    graph = build_graph([text.read_text(encoding="utf-8")])
    path = tmp_path_factory.mktemp("html") / "graph.html"
    path.write_text(to_html(graph), encoding="utf-8")
    page = Page(browser, path)
    page.stable()
    yield page, network_data(graph)
    page.page.close()


def test_no_console_errors_and_no_network(seed_page):
    page, _ = seed_page
    assert page.errors == []
    assert page.requests == []


def test_drawn_counts_equal_the_graph(seed_page):
    page, data = seed_page
    drawn = page.page.evaluate(
        "[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]"
    )
    assert drawn == [len(data["nodes"]), len(data["edges"])]
    assert (
        page.page.get_attribute("body", "data-drawn")
        == f"{len(data['nodes'])},{len(data['edges'])}"
    )


def test_search_selects_the_right_node(seed_page):
    page, data = seed_page
    page.page.fill("#search", "Ukraine")
    page.page.dispatch_event("#search", "change")
    ukraine = next(n["id"] for n in data["nodes"] if n["label"] == "Ukraine")
    assert page.page.get_attribute("body", "data-selected") == ukraine
    assert page.page.evaluate("kgNetwork.getSelectedNodes()") == [ukraine]
    assert "Ukraine" in page.page.inner_text("#panel h3")


def test_clicking_an_edge_shows_its_evidence(seed_page):
    page, data = seed_page
    # the longest edge, clicked at its middle, away from any node
    target = page.page.evaluate(
        """() => { const pos = kgNetwork.getPositions(); let best = null, len = 0;
          for (const e of kgData.edges) { const a = pos[e.from], b = pos[e.to];
            const d = Math.hypot(a.x - b.x, a.y - b.y); if (d > len) { len = d; best = e; } }
          const a = pos[best.from], b = pos[best.to];
          const m = kgNetwork.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
          const r = document.getElementById('net').getBoundingClientRect();
          return {id: best.id, fact: best.fact, x: m.x + r.left, y: m.y + r.top}; }"""
    )
    page.page.mouse.click(target["x"], target["y"])
    selected = page.page.get_attribute("body", "data-selected")
    # the click lands on the longest edge, or on one crossing it there: either way the
    # panel must show the evidence of the edge that was clicked
    edge = next(e for e in data["edges"] if e["id"] == selected)
    evidence = data["facts"][edge["fact"]]["evidence"]
    assert " ".join(evidence.split()) in " ".join(page.page.inner_text("#panel").split())


def test_filters_hide_and_reset(seed_page):
    page, data = seed_page
    page.page.select_option("#f-rel", "supplies")
    n_supplies = sum(
        1 for e in data["edges"] if data["facts"][e["fact"]]["predicate"] == "supplies"
    )
    nodes, edges = map(int, page.page.get_attribute("body", "data-drawn").split(","))
    assert edges == n_supplies and 0 < nodes < len(data["nodes"])
    page.page.click("#reset")
    assert (
        page.page.get_attribute("body", "data-drawn")
        == f"{len(data['nodes'])},{len(data['edges'])}"
    )


PAYLOAD = '<img src=x onerror="window.__xss=1">'


def test_injected_labels_stay_text(browser, tmp_path):
    g = Graph()
    a, b, st = URIRef("urn:x:a"), URIRef("urn:x:b"), URIRef("urn:x:st")
    g.add((a, RDF.type, KG.Person))
    g.add((a, RDFS.label, Literal(PAYLOAD)))
    g.add((b, RDFS.label, Literal("<script>window.__xss=2</script>")))
    for p, o in ((RDF.type, KG.Statement), (RDF.subject, a), (RDF.predicate, KG.supports),
                 (RDF.object, b), (KG.evidence, Literal(PAYLOAD))):  # fmt: skip
        g.add((st, p, o))
    path = tmp_path / "x.html"
    path.write_text(to_html(g, title=PAYLOAD), encoding="utf-8")
    page = Page(browser, path)
    page.stable()
    page.page.fill("#search", PAYLOAD)
    page.page.dispatch_event("#search", "change")
    assert PAYLOAD in page.page.inner_text("#panel")  # shown as text
    assert page.page.evaluate("window.__xss") is None
    assert page.page.locator("img").count() == 0
    assert page.errors == [] and page.requests == []


def click_node(page: Page, label: str) -> str:
    """Click a node where it is drawn, as a user would; its id."""
    target = page.page.evaluate(
        """(label) => { const n = kgData.nodes.find(n => n.label === label);
          const m = kgNetwork.canvasToDOM(kgNetwork.getPositions([n.id])[n.id]);
          const r = document.getElementById('net').getBoundingClientRect();
          return {id: n.id, x: m.x + r.left, y: m.y + r.top}; }""",
        label,
    )
    page.page.mouse.click(target["x"], target["y"])
    assert page.page.get_attribute("body", "data-selected") == target["id"]
    return target["id"]


# names and places made up for the test
ROLES_ARTICLE = (
    "Corvane Systems chief scientist Teodor Vasko said on Friday that the company would open "
    "a site in Tampere. Vasko, a former adviser to the Chilean government, joined Corvane in "
    "2020."
)


@pytest.fixture(scope="module")
def roles_page(browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("roles") / "graph.html"
    path.write_text(to_html(build_graph([ROLES_ARTICLE])), encoding="utf-8")
    page = Page(browser, path)
    page.stable()
    yield page
    page.page.close()


def test_person_panel_shows_positions_and_affiliations_first(roles_page):
    page = roles_page.page
    click_node(roles_page, "Teodor Vasko")
    roles = page.locator("#panel > #roles")
    assert roles.get_attribute("aria-label") == "Roles and affiliations"
    assert roles.locator("h4").all_text_contents() == ["Positions", "Affiliations"]
    rows = [" ".join(t.split()).lower() for t in roles.locator("summary").all_text_contents()]
    assert rows == ["chief scientist", "former adviser", "corvane systems organization"]
    # the section comes before the list of all facts
    assert page.evaluate("document.querySelector('#panel > #roles ~ .fact') !== null")
    assert page.evaluate("document.querySelector('#panel > .fact ~ #roles') === null")
    # evidence and article on demand
    evidence = roles.locator("details").nth(2).locator(".ev")
    assert not evidence.is_visible()
    roles.locator("summary").nth(2).click()
    assert evidence.is_visible()
    assert evidence.text_content().startswith("Corvane Systems chief scientist Teodor Vasko said")
    assert roles.locator("details").nth(2).locator(".src").is_visible()
    assert roles_page.errors == [] and roles_page.requests == []


def test_affiliation_leads_to_the_organisation_and_its_people(roles_page):
    page = roles_page.page
    click_node(roles_page, "Teodor Vasko")
    roles = page.locator("#roles")
    roles.locator("summary").nth(2).click()
    roles.locator("button", has_text="Show Corvane Systems").click()
    org = next(n["id"] for n in page.evaluate("kgData.nodes") if n["label"] == "Corvane Systems")
    assert page.get_attribute("body", "data-selected") == org
    assert roles.locator("h4").all_text_contents() == ["People"]
    assert roles.locator("summary").all_text_contents() == ["Teodor Vasko Person"]
    assert roles_page.errors == []


def test_injected_labels_in_the_roles_section_stay_text(browser, tmp_path):
    g = Graph()
    person, pos, org = URIRef("urn:x:p"), URIRef("urn:x:pos"), URIRef("urn:x:org")
    labels = {person: "Nell Quarry", pos: PAYLOAD, org: "<script>window.__xss=2</script>"}
    for node, cls in ((person, KG.Person), (pos, KG.Position), (org, KG.Organization)):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(labels[node])))
    for st, pred, obj in (
        ("urn:x:s1", KG.holdsPosition, pos),
        ("urn:x:s2", KG.affiliatedWith, org),
    ):
        for p, o in ((RDF.type, KG.Statement), (RDF.subject, person), (RDF.predicate, pred),
                     (RDF.object, obj), (KG.evidence, Literal(PAYLOAD))):  # fmt: skip
            g.add((URIRef(st), p, o))
    g.add((URIRef("urn:x:s1"), KG.negated, Literal(True)))
    path = tmp_path / "roles.html"
    path.write_text(to_html(g), encoding="utf-8")
    page = Page(browser, path)
    page.stable()
    click_node(page, "Nell Quarry")
    summaries = page.page.locator("#roles summary")
    for i in range(summaries.count()):
        summaries.nth(i).click()
    text = page.page.locator("#roles").inner_text()
    assert f"not {PAYLOAD}" in text and labels[org] in text  # shown as text, qualified
    # the label, the two evidence sentences, the button to the position's node
    assert text.count(PAYLOAD) == 4
    assert page.page.evaluate("window.__xss") is None
    assert page.page.locator("img").count() == 0
    assert page.errors == [] and page.requests == []
