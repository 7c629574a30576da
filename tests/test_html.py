"""The HTML view: self-contained, offline, escaped, and faithful to the graph."""

from __future__ import annotations

import json
import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.export.html import NODE_KEYS, OVERVIEW_SIZE, TYPE_STYLE, network_data, to_html
from kg.ontology import KG
from kg.pipeline import build_graph

PAYLOAD = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph(["Chile backs Peru. Chile does not recognize the vote in Bolivia."])


def test_page_is_self_contained(graph):
    page = to_html(graph)
    assert "vis.Network" in page and "new vis.DataSet" in page
    assert_loads_nothing(page)


def assert_loads_nothing(page: str) -> None:
    """Nothing is loaded from elsewhere: no element with a src or href, no CDN host (pyvis's
    own template fetches vis and Bootstrap from CDNs), and a Content-Security-Policy that
    allows no remote source."""
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\s(src|href)=", page, re.I)
    assert not re.search(r"cdnjs|jsdelivr|unpkg|cdn\.", page, re.I)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp and "default-src 'none'" in csp.group(1) and "http" not in csp.group(1)


@pytest.mark.parametrize(
    "injected",
    [
        '<script src="https://example.org/vis.js"></script>',
        '<link rel="stylesheet" href="https://cdn.example.org/bootstrap.css">',
        "<style>@import url(https://unpkg.com/vis-network/styles.css);</style>",
        "<script>fetch('https://cdn.jsdelivr.net/npm/vis-network')</script>",
    ],
)
def test_the_self_containment_check_catches_remote_loads(graph, injected):
    page = to_html(graph).replace("</body>", injected + "</body>")
    with pytest.raises(AssertionError):
        assert_loads_nothing(page)


def test_data_matches_graph(graph):
    data = network_data(graph)
    edges = {(e["from"], e["to"], e["label"]) for e in data["edges"]}
    assert any(lbl == "supports" for _, _, lbl in edges)
    assert any(lbl == "not recognizes" for _, _, lbl in edges)
    neg = [e for e in data["edges"] if e["label"].startswith("not ")]
    assert all(e["dashes"] and e["color"] == "#d62728" for e in neg)
    types = {n["label"]: n["group"] for n in data["nodes"]}
    assert types["Chile"] == "Country"
    # colour and shape by type (pyvis drops a node's colour when it is given a group)
    colours = {n["label"]: (n["color"], n["shape"]) for n in data["nodes"]}
    assert colours["Chile"] == TYPE_STYLE["Country"]
    assert all(data["facts"][e["fact"]]["evidence"] for e in data["edges"])


def test_labels_and_evidence_are_escaped():
    g = Graph()
    e1, e2, st = URIRef("urn:x:a"), URIRef("urn:x:b"), URIRef("urn:x:st")
    g.add((e1, RDF.type, KG.Person))
    g.add((e1, RDFS.label, Literal(PAYLOAD)))
    g.add((e2, RDFS.label, Literal("B & <b>bold</b>")))
    for p, o in ((RDF.type, KG.Statement), (RDF.subject, e1), (RDF.predicate, KG.supports),
                 (RDF.object, e2), (KG.evidence, Literal(PAYLOAD))):  # fmt: skip
        g.add((st, p, o))
    page = to_html(g, title=PAYLOAD)
    assert "<img src=x" not in page
    assert "<script>alert(2)" not in page
    assert page.count("</script>") == 3  # our three script blocks; nothing closes one early
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    data = json.loads(m.group(1))
    labels = {row[NODE_KEYS.index("label")] for row in data["packed"]["nodes"]}
    assert labels >= {PAYLOAD}  # the text survives, as text
    assert "textContent" in page and "innerHTML" not in page


def test_a_small_graph_opens_whole(graph):
    data = network_data(graph)
    assert not data["overview"]
    assert data["opening"] == sorted(n["id"] for n in data["nodes"])


def test_a_corpus_opens_on_its_most_connected_entities():
    """Not 2,000 nodes at once: the OVERVIEW_SIZE most connected, with no concept (a free
    phrase) or job title among them."""
    from tests.corpus_graph import corpus_graph

    data = network_data(corpus_graph(n_entities=400, n_concepts=100, n_facts=900))
    assert data["overview"] and len(data["opening"]) == OVERVIEW_SIZE
    entities = [n for n in data["nodes"] if n["group"] not in {"Concept", "Position"}]
    top = sorted(entities, key=lambda n: (-n["degree"], n["id"]))[:OVERVIEW_SIZE]
    assert data["opening"] == sorted(n["id"] for n in top)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert not {by_id[i]["group"] for i in data["opening"]} & {"Concept", "Position"}


def test_the_same_fact_in_several_articles_is_one_edge():
    g = Graph()
    a, b = URIRef("urn:x:a"), URIRef("urn:x:b")
    for n in range(3):
        st = URIRef(f"urn:x:st{n}")
        for p, o in ((RDF.type, KG.Statement), (RDF.subject, a), (RDF.predicate, KG.supports),
                     (RDF.object, b), (KG.evidence, Literal(f"A backs B ({n}).")),
                     (KG.negated, Literal(n == 2))):  # fmt: skip
            g.add((st, p, o))
    data = network_data(g)
    edges = sorted((e["label"], len(e["facts"])) for e in data["edges"])
    assert edges == [("not supports", 1), ("supports \u00d72", 2)]
    assert all(e["fact"] == e["facts"][0] for e in data["edges"])


# names and places made up for the test
ROLES_ARTICLE = (
    "Halvorsen Freight chief executive Marit Okonjo said on Tuesday that the firm would buy "
    "two ships. Okonjo, a former adviser to the Kenyan government, has run the company since "
    "2019. Kenyan Trade Minister Amina Wekesa met Okonjo in Nairobi. Halvorsen Freight, based "
    "in Bergen, employs 900 people."
)


@pytest.fixture(scope="module")
def roles_data() -> dict:
    return network_data(build_graph([ROLES_ARTICLE]))


def sections_of(data: dict, label: str) -> dict[str, list[tuple[str, bool]]]:
    """A node's panel sections: title -> [(the other end's label, former)]."""
    node = next(n for n in data["nodes"] if n["label"].lower() == label.lower())
    return {
        s["title"]: [
            (r["label"].lower(), data["facts"][r["facts"][0]]["former"]) for r in s["rows"]
        ]
        for s in node["sections"]
    }


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Marit Okonjo", {"Positions": [("chief executive", False), ("former adviser", True)],
                          "Affiliations": [("halvorsen freight", False)]}),
        ("Amina Wekesa", {"Positions": [("trade minister", False)],
                          "Affiliations": [("kenya", False)]}),
        ("Halvorsen Freight", {"People": [("marit okonjo", False)]}),
        ("Kenya", {"People": [("amina wekesa", False)]}),
        ("Bergen", {"Based here": [("halvorsen freight", False)]}),
        ("Trade Minister", {"Held by": [("amina wekesa", False)]}),
    ],
)  # fmt: skip
def test_panel_sections_carry_roles_and_affiliations(roles_data, label, expected):
    """A person's positions and affiliations, an organisation's or a country's people, a
    place's organisations: in the order the panel shows them, each row with its facts."""
    assert sections_of(roles_data, label) == expected


def test_panel_section_rows_point_to_their_facts_and_nodes(roles_data):
    ids = {n["id"] for n in roles_data["nodes"]}
    rows = [r for n in roles_data["nodes"] for s in n["sections"] for r in s["rows"]]
    assert rows
    for r in rows:
        assert r["node"] in ids
        for i in r["facts"]:
            f = roles_data["facts"][i]
            assert r["label"] in (f["subject"], f["object"])
            assert f["evidence"] and f["document"]


def role_graph(person: str, position: str, employer: str) -> Graph:
    """A person with a negated past position and an affiliation stated as possible, written
    as kg writes them."""
    g = Graph()
    p, pos, org = URIRef("urn:x:p"), URIRef("urn:x:pos"), URIRef("urn:x:org")
    for node, cls, label in ((p, KG.Person, person), (pos, KG.Position, position),
                             (org, KG.Organization, employer)):  # fmt: skip
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
    st1, st2 = URIRef("urn:x:st1"), URIRef("urn:x:st2")
    for st, pred, obj in ((st1, KG.holdsPosition, pos), (st2, KG.affiliatedWith, org)):
        g.add((st, RDF.type, KG.Statement))
        g.add((st, KG.evidence, Literal(f"{person} said so.")))
        for prop, value in ((RDF.subject, p), (RDF.predicate, pred), (RDF.object, obj)):
            g.add((st, prop, value))
    g.add((st1, KG.negated, Literal(True)))
    g.add((st1, KG.rule, Literal("former-title")))
    g.add((st2, KG.modality, KG.possible))
    return g


def test_panel_sections_keep_the_qualifiers_of_each_fact():
    data = network_data(role_graph("Ida Brenner", "treasurer", "Vantor Rowing Club"))
    person = next(n for n in data["nodes"] if n["label"] == "Ida Brenner")
    (positions, affiliations) = person["sections"]
    facts = [data["facts"][s["rows"][0]["facts"][0]] for s in (positions, affiliations)]
    assert [(s["title"], s["rows"][0]["label"]) for s in (positions, affiliations)] == [
        ("Positions", "treasurer"), ("Affiliations", "Vantor Rowing Club")]  # fmt: skip
    assert [(f["negated"], f["former"], f["modality"]) for f in facts] == [
        (True, True, "asserted"), (False, False, "possible")]  # fmt: skip


def test_panel_sections_keep_facts_of_nodes_left_out():
    """With max_nodes, a left-out position still shows in its holder's panel (the
    position is a fact about the person), without a link to a node that is not drawn."""
    g = role_graph("Ida Brenner", "treasurer", "Vantor Rowing Club")
    data = network_data(g, max_nodes=2)
    person = next(n for n in data["nodes"] if n["label"] == "Ida Brenner")
    rows = [r for s in person["sections"] for r in s["rows"]]
    assert len(rows) == 2 and data["left_out"] == 1
    drawn = {n["id"] for n in data["nodes"]}
    assert all(r["node"] in drawn or r["node"] is None for r in rows)
    assert sum(r["node"] is None for r in rows) == 1


def test_served_page_data_is_the_overview_with_the_whole_graphs_catalogue():
    """What `kg serve` embeds for a corpus: the overview's nodes and the facts between
    them (with their statements, to merge what the page fetches later), and the filters'
    and histogram's values for the whole graph."""
    from kg.facts import read_facts
    from tests.corpus_graph import corpus_graph

    g = corpus_graph(n_entities=400, n_concepts=50, n_facts=800)
    facts = read_facts(g)
    served, full = network_data(g, served=True), network_data(g)
    opening = set(full["opening"])
    assert served["served"] and served["opening"] == full["opening"]
    assert {n["id"] for n in served["nodes"]} == opening and len(opening) == OVERVIEW_SIZE
    between = [f for f in facts if f.subject_id in opening and f.object_id in opening]
    assert served["statements"] == [f.statement for f in between]
    assert [f["evidence"] for f in served["facts"]] == [f.evidence for f in between]
    assert served["total_nodes"] == full["total_nodes"] and served["left_out"] == 0
    by_id = {n["id"]: n for n in full["nodes"]}
    assert all(n["degree"] == by_id[n["id"]]["degree"] for n in served["nodes"])
    cat = served["catalogue"]
    assert cat["relations"] == ["metWith", "opposes", "supplies", "supports"]
    assert sum(cat["months"].values()) == len(facts) and len(cat["months"]) == 18
    assert len(cat["articles"]) == 200
    # a small graph opens whole: nothing to fetch, whatever the caller asked
    assert "served" not in network_data(build_graph(["Chile backs Peru."]), served=True)


def test_neighbourhood_holds_every_fact_of_the_node_and_whole_graph_attributes():
    from kg.export.html import NodeIndex, neighbourhood_data
    from kg.export.property_graph import as_store
    from kg.facts import read_facts
    from tests.corpus_graph import HUB_LABEL, corpus_graph, entity

    g = corpus_graph(n_entities=400, n_concepts=50, n_facts=800)
    facts = read_facts(g)
    index = NodeIndex.of(as_store(g), facts)
    hub = str(entity(0))
    about = [f for f in facts if hub in (f.subject_id, f.object_id)]
    data = neighbourhood_data(hub, about, index)
    assert data["centre"] == hub and data["statements"] == [f.statement for f in about]
    nodes = {row[0]: dict(zip(NODE_KEYS, row, strict=True)) for row in data["packed"]["nodes"]}
    assert len(nodes) == 101 and nodes[hub]["label"] == HUB_LABEL
    assert nodes[hub]["degree"] == 100 and len(nodes[hub]["facts"]) == 100
    one = nodes[str(entity(1))]  # supplied by the hub; its other facts are not fetched
    assert one["degree"] == index.degree[str(entity(1))] and one["facts"] == [0]
    assert len(data["packed"]["edges"]) == 100
    # the search box's suggestions: start of a name, then of a word, then inside
    assert [s["label"] for s in index.suggest("ahx")] == ["Alias Holdings"]
    assert index.suggest("republic")[0] == {"id": hub, "text": HUB_LABEL, "label": HUB_LABEL,
                                            "group": "Person", "degree": 100}  # fmt: skip
    assert index.suggest("  ") == [] and len(index.suggest("entity", limit=7)) == 7
