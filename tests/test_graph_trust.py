"""Issue 4's guarantees: evidence and offsets, time, named graphs, cross-article
entities and claims, HTML input, SHACL."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from rdflib import Graph

from kg.cli import main
from kg.dates import resolve
from kg.export import to_rdf
from kg.facts import read_facts
from kg.model import Article, Entity, Fact, Mention
from kg.ontology import ARTICLE
from kg.pipeline import build_dataset_from
from kg.query import load_graph
from kg.rdf import ArticleResult, union_graph
from kg.read import read_articles
from kg.reduce import compatible, separate_incompatible

A = Article(id="a", date="2022-03-10", title="Chile backs Peru", text=(
    "Chile backs Peru\n\nOn Monday, Chilean President Gabriel Boric said Chile supports Peru. "
    "Chile does not recognize the vote. Last week Santiago sold Peru two frigates."))  # fmt: skip
B = Article(id="b", title="Peru and Chile", text=(
    "Peru and Chile\n\nChile does not support Peru, analysts said. "
    "Bolivia supports Chile."))  # fmt: skip


@pytest.fixture(scope="module")
def built():
    ds, results = build_dataset_from([A, B])
    return ds, results, read_facts(union_graph(ds))


def test_offsets_slice_the_article_to_the_evidence(built):
    _, results, facts = built
    texts = {r.article.id: r.article.text for r in results}
    assert facts
    for f in facts:
        assert texts[f.document][f.start : f.end] == f.evidence


def test_web_annotation_selectors(built):
    ds, _, _ = built
    g = union_graph(ds)
    q = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX kg: <https://w3id.org/kg-news/ontology#>
    SELECT ?st ?start ?end ?exact ?ev WHERE { ?st kg:evidenceTarget ?t ; kg:evidence ?ev .
      ?t oa:hasSelector ?p, ?q . ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact }"""
    rows = list(g.query(q))
    assert rows and all(str(r.exact) == str(r.ev) and int(r.start) < int(r.end) for r in rows)


def test_jsonl_keys(built):
    _, _, facts = built
    row = next(f for f in facts if f.subject == "Chile" and f.predicate == "supports"
               and "Boric" in f.evidence)  # fmt: skip
    assert row.evidence and row.doc.endswith("/article/a") and row.confidence
    assert row.modality == "asserted" and row.attributed_to == "Gabriel Boric"


def test_event_dates_resolved_against_publication_date(built):
    _, _, facts = built
    dated = {(f.subject, f.predicate): f.event_date for f in facts if f.document == "a"}
    assert dated[("Gabriel Boric", "said")] == "2022-03-07"  # "On Monday"
    assert dated[("Chile", "supplies")] == "2022-02-28"  # "Last week": the week's Monday
    assert all(f.event_date is None for f in facts if f.document == "b")  # undated article


@pytest.mark.parametrize("text,base,value", [
    ("on December 3", dt.datetime(2021, 12, 10), "2021-12-03"),
    ("in April", dt.datetime(2021, 12, 10), "2021-04"),
    ("This October", dt.datetime(2021, 12, 10), "2021-10"),
    ("last week", dt.datetime(2021, 12, 10), "2021-11-29"),
    ("19 October 2004", None, "2004-10-19"),
    ("in April", None, None),  # needs a publication date: not guessed
])  # fmt: skip
def test_resolve_dates(text, base, value):
    assert resolve(text, base).value == value


def test_durations_are_not_dates():
    assert resolve("for 80 years", dt.datetime(2021, 1, 1)) is None


def test_one_node_per_shared_entity(built):
    ds, _, _ = built
    g = union_graph(ds)
    rows = list(g.query("""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?e WHERE { ?e rdfs:label "Chile" }"""))  # fmt: skip
    assert len(rows) == 1 and str(rows[0].e).endswith("/entity/Q298")


def test_claims_count_articles_and_flag_contradictions(built):
    _, _, facts = built
    sup = [f for f in facts if (f.subject, f.predicate, f.object) == ("Chile", "supports", "Peru")]
    assert {f.negated for f in sup} == {True, False}
    assert all(f.contradicted for f in sup)
    assert {f.articles for f in sup} == {1}
    other = [f for f in facts if f.subject == "Bolivia"]
    assert other and not any(f.contradicted for f in other)


def test_named_graph_per_article_and_rebuild_touches_only_that_graph(tmp_path):
    def graphs(trig: str) -> dict[str, str]:
        # a graph's name is written as an IRI or a prefixed name (article:a)
        return dict(re.findall(r"^(\S+) \{\n(.*?)\n\}", trig, re.S | re.M))

    ds1, _ = build_dataset_from([A, B])
    ds2, _ = build_dataset_from([A, B])
    assert to_rdf(ds1, "trig") == to_rdf(ds2, "trig")
    changed = Article(id="b", title=B.title, text=B.text.replace("Bolivia", "Ecuador"))
    ds3, _ = build_dataset_from([A, changed])
    before, after = graphs(to_rdf(ds1, "trig")), graphs(to_rdf(ds3, "trig"))
    art_a = next(k for k in before if k in {"article:a", f"<{ARTICLE}a>"})
    art_b = next(k for k in before if k in {"article:b", f"<{ARTICLE}b>"})
    assert before[art_a] == after[art_a]
    assert before[art_b] != after[art_b]


def test_no_merge_across_incompatible_types():
    assert not compatible("Person", "Weapon") and compatible("Country", "Location")
    m = Mention("Javelin", 0, 7, "Weapon", "name:javelin")
    fact = Fact(subject=m, predicate="isA", obj="missile")
    weapon = Entity(key="name:javelin", label="Javelin", type="Weapon")
    person = {"name:javelin": Entity(key="name:javelin", label="Javelin", type="Person")}
    r = separate_incompatible(person, ArticleResult(Article(id="x", text="t"), (fact,), (weapon,)))
    assert r.entities[0].key == "name:javelin#thing" == r.facts[0].subject.key


def test_html_input_main_text_only(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Norway backs Finland</title>"
        '<meta property="article:published_time" content="2023-05-04">'
        "<script>var x = 'Norway sells secrets to Iran';</script></head><body>"
        "<nav>Home World Sport</nav><article><h1>Norway backs Finland</h1>"
        "<p>Norwegian Prime Minister Jonas Gahr Store said on Monday that Norway supports "
        "Finland in its long dispute with Russia over the border.</p>"
        "<p>Norway does not recognize the referendum held in the region last week, the "
        "minister told reporters in the capital on Tuesday.</p></article>"
        "<footer>Share this article. Sign up for our newsletter.</footer></body></html>",
        encoding="utf-8",
    )
    [art] = read_articles([page])
    assert art.title == "Norway backs Finland" and art.date == "2023-05-04"
    assert "secrets" not in art.text and "newsletter" not in art.text.lower()
    assert "Norway supports Finland" in art.text


def test_jsonl_input_with_metadata(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"id": "x1", "title": "Kenya backs Egypt", "text": "Kenya backs Egypt.",
             "date": "2020-01-02", "url": "https://example.org/x1"},
            {"text": "Ghana backs Togo."}]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    arts = read_articles([path])
    assert [a.id for a in arts] == ["x1", "a-2"]
    assert arts[0].date == "2020-01-02" and arts[0].url == "https://example.org/x1"


def test_shacl_seed_graph_conforms(tmp_path, capsys):
    assert main(["build", "seeds/", "-o", str(tmp_path), "-q"]) == 0
    assert main(["validate", str(tmp_path / "graph.ttl")]) == 0
    assert "conforms" in capsys.readouterr().out


def test_shacl_broken_graph_fails_readably(tmp_path, capsys):
    ds, _ = build_dataset_from([A])
    ttl = to_rdf(ds, "turtle")
    g = Graph().parse(data=ttl, format="turtle")
    kg = "https://w3id.org/kg-news/ontology#"
    from rdflib import URIRef

    st = next(g.subjects(URIRef(kg + "negated"), None))
    g.remove((st, URIRef(kg + "negated"), None))  # a statement without polarity
    g.remove((st, URIRef(kg + "evidence"), None))  # and without evidence
    broken = tmp_path / "broken.ttl"
    broken.write_text(g.serialize(format="turtle"), encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "2 SHACL violation(s)" in out
    assert "negated" in out and "sentence it came from" in out
    assert load_graph(broken)  # still a readable graph; only its content is invalid


def test_shacl_every_kind_of_fact_conforms(tmp_path, capsys):
    # a concept subject, places, roles, an intention, a denied plan: all kinds of facts
    text = (
        "Judges and places\n\nA federal judge refused to dismiss the lawsuit against Apple. "
        "Storms hit Amarillo, Texas, on Monday. Swedish truckmaker Scania opened a depot. "
        "Chelsea left-back Reece James, a client of Wasserman, said Veltrix plans to "
        "take a majority stake in Kestrel Air. Apple has no plans to open a store in Lima.\n"
    )
    src = tmp_path / "kinds.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    facts = {(f.subject, f.predicate) for f in read_facts(load_graph(out / "graph.ttl"))}
    assert {("federal judge", "dismiss"), ("Amarillo", "locatedIn"), ("Veltrix", "plan")} <= facts
    assert main(["validate", str(out / "graph.ttl")]) == 0
    assert "conforms" in capsys.readouterr().out
