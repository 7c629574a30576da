"""The corpus view as `kg serve` sends it, in headless Chromium against a real server on
a loopback port: the page holds the overview only and fetches what the user searches for
or expands from the server (/suggest, /neighbourhood), under a CSP that lets it ask its
own origin and nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.parse

import pytest
from rdflib import Literal
from rdflib.namespace import RDFS

from kg.export.html import OVERVIEW_SIZE, network_data
from tests.corpus_graph import HUB_LABEL, corpus_graph, entity
from tests.test_store_serve import _free_port, _get

pytestmark = pytest.mark.slow  # starts kg serve and a headless browser

PAYLOAD = '<img src=x onerror="window.__xss=1">'
HUB = str(entity(0))
LONE = str(entity(61))  # met the hub, and nothing else: not in the overview


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    g = corpus_graph()
    g.set((entity(62), RDFS.label, Literal(PAYLOAD)))  # another of the hub's 100
    path = tmp_path_factory.mktemp("served") / "corpus.ttl"
    g.serialize(path, format="turtle")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(path), "--port", str(port), "--timeout", "5"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    assert "serving" in proc.stderr.readline()
    for _ in range(600):  # the page is made in the background
        if _get(base + "/")[0] != 503:
            break
        time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)
    proc.stderr.close()


class ServedPage:
    """The served page, with requests to any other origin refused and recorded."""

    def __init__(self, browser, base: str):
        self.errors: list[str] = []
        self.elsewhere: list[str] = []
        self.asked: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r):
            if r.request.url.startswith(base + "/"):
                self.asked.append(r.request.url[len(base) :])
                r.continue_()
            else:
                self.elsewhere.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)
        self.page.goto(base + "/")
        self.page.wait_for_selector("body[data-stable='1']", timeout=60_000)

    def drawn(self) -> tuple[int, int]:
        return tuple(int(x) for x in self.page.get_attribute("body", "data-drawn").split(","))

    def search(self, text: str, pick: str) -> None:
        self.page.click("#search")
        self.page.keyboard.type(text)
        self.page.locator("#suggest li", has_text=pick).first.click()


@pytest.fixture
def page(browser, server):
    p = ServedPage(browser, server)
    yield p
    assert p.errors == [] and p.elsewhere == []
    p.page.close()


def test_served_page_holds_the_overview_only(page, server):
    code, _, body = _get(server + "/")
    assert code == 200 and "connect-src 'self'" in body
    data = page.page.evaluate("kgData")
    assert data["served"] and len(data["nodes"]) == OVERVIEW_SIZE
    assert data["total_nodes"] == network_data(corpus_graph())["total_nodes"] > 2000
    assert not any(n["id"] == LONE for n in data["nodes"])
    assert page.drawn()[0] == OVERVIEW_SIZE
    # the filters and the histogram offer the whole graph's relations and months
    assert page.page.locator("#f-rel option").count() == 1 + 4
    assert page.page.locator("#hist button").count() == 18


def test_search_fetches_a_neighbourhood_and_expand_fetches_the_next(page):
    page.search("Entity 0061", "Entity 0061")
    page.page.wait_for_function("(id) => document.body.dataset.selected === id", arg=LONE)
    assert page.drawn() == (2, 1)  # it and the hub it met
    assert page.page.evaluate("kg.tableIds().length") == 1
    assert "not" in page.page.inner_text("#facts tbody tr")  # the one denied meeting
    assert any(a.startswith("/suggest?q=") for a in page.asked)
    assert "/neighbourhood?iri=" + urllib.parse.quote(LONE, safe="") in page.asked
    # double-click the hub: its 100 facts come from the server, its neighbours are drawn
    hub_at = page.page.evaluate(
        "(id) => { const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);"
        " const b = document.getElementById('net').getBoundingClientRect();"
        " return [b.left + p.x, b.top + p.y]; }",
        HUB,
    )
    page.page.mouse.dblclick(*hub_at)
    page.page.wait_for_function("() => document.body.dataset.drawn === '101,100'")
    assert page.page.get_attribute("body", "data-selected") == HUB
    assert page.page.locator("#panel .rels button.rel").all_text_contents() == [
        "supplies 60",
        "metWith 40",
    ]
    assert page.page.evaluate("kg.tableIds().length") == 100
    # the denied meeting came twice (with each end) and is held once
    assert page.page.evaluate("kgData.facts.filter(f => f.negated && f.object === 'Hub Republic' "
                              "&& f.subject === 'Entity 0061').length") == 1  # fmt: skip


def test_a_node_of_the_overview_is_completed_when_searched(page):
    hub_facts = page.page.evaluate(
        f"kgData.nodes.find(n => n.id === {json.dumps(HUB)}).facts.length"
    )
    assert hub_facts < 100  # the overview holds only the facts between its nodes
    page.search("hub rep", HUB_LABEL)
    page.page.wait_for_function("() => document.body.dataset.drawn === '101,100'")
    assert page.page.evaluate("kg.tableIds().length") == 100


def test_injected_labels_fetched_from_the_server_stay_text(page):
    page.search("<img", PAYLOAD)
    shown = "(id) => document.body.dataset.selected === id"
    page.page.wait_for_function(shown, arg=str(entity(62)))
    assert PAYLOAD in page.page.inner_text("#panel h3")
    assert PAYLOAD in page.page.inner_text("#facts")
    assert page.page.evaluate("window.__xss") is None and page.page.locator("img").count() == 0


def test_neighbourhood_endpoint_is_read_only_and_answers_known_nodes_only(server):
    code, ctype, body = _get(server + "/neighbourhood?iri=" + urllib.parse.quote(HUB))
    assert code == 200 and ctype.startswith("application/json")
    got = json.loads(body)
    assert got["centre"] == HUB and len(got["statements"]) == len(set(got["statements"])) == 100
    assert len(got["packed"]["nodes"]) == 101
    for iri in ("urn:x:not-here", "x> } ; DROP ALL ; {", ""):
        assert _get(server + "/neighbourhood?iri=" + urllib.parse.quote(iri))[0] == 404
    code, _, body = _get(server + "/suggest?q=" + urllib.parse.quote("ahx"))
    assert code == 200 and json.loads(body)[0]["label"] == "Alias Holdings"
    assert _get(server + "/suggest?q=")[1].startswith("application/json")


def test_offline_file_may_fetch_nothing(tmp_path):
    from kg.export.html import to_html

    page = to_html(corpus_graph(n_entities=400, n_concepts=50, n_facts=800))
    assert "connect-src" not in page and '"served"' not in page


def test_path_between_two_entities_fetched_on_demand(page):
    """Entity 0001 and Entity 0061 are linked only through the hub; neither is in the
    overview: both neighbourhoods are fetched, and the path goes through the hub."""
    a = str(entity(1))
    page.search("Entity 0001", "Entity 0001")
    page.page.wait_for_function("(id) => document.body.dataset.selected === id", arg=a)
    page.page.click("#panel .rels button.path")
    page.search("Entity 0061", "Entity 0061")
    path = f"path:{a} {HUB} {LONE}"
    page.page.wait_for_function("(p) => document.body.dataset.selected === p", arg=path)
    assert "Entity 0001 \u2192 Hub Republic \u2192 Entity 0061" in page.page.inner_text("#panel h3")
    assert page.page.evaluate("kg.tableIds().length") == 2
