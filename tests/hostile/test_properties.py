"""Laws that hold for any input, checked with hypothesis: any Unicode text and any label
give exports that strict parsers accept and that round-trip; IRIs are always valid and
stable; the reader and the extractors never crash (a bounded fuzz run)."""

from __future__ import annotations

import warnings

import networkx as nx
import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from kg.export import to_rdf
from kg.export.html import to_html
from kg.export.jsonld import to_jsonld
from kg.export.property_graph import to_graphml
from kg.model import Article
from kg.ontology import KG
from kg.pipeline import build_dataset_from
from kg.rdf import ENT, mint
from kg.read import article_from_text, decode

NASTY = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # any code point but surrogates
    min_size=0, max_size=60,
) | st.sampled_from([
    '"quoted" \\ back\\slash', "<script>alert(1)</script>", "line\nbreak\ttab", "\x00\x01\x1f",
    "\u202eright-to-left\u202c", "emoji 🚀🇺🇦", "東京", "", " ", "a" * 300, "'); DROP TABLE x; --",
])  # fmt: skip
PROSE = st.lists(
    st.sampled_from(["Kenya", "sells", "tea", "to", "Egypt", ".", "Ghana", "does", "not",
                     "recognize", "the", "vote", '"', "he", "said", ",", "Accra", "backs",
                     "Mali", "\n\n", "É", "🚀", "<b>", "&amp;", "according", "to", "Reuters"]),
    min_size=0, max_size=40,
).map(" ".join) | st.text(max_size=200)  # fmt: skip
FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FAST
@given(NASTY)
def test_iris_are_valid_and_stable(label):
    iri = mint(ENT, "name:" + label)
    assert iri == mint(ENT, "name:" + label)
    ox.NamedNode(str(iri))  # raises on an invalid IRI
    assert not set(str(iri)) & set(' <>"{}|\\^`\n\t')


def _graph_with_labels(labels: list[str]) -> Graph:
    g = Graph()
    ents = [URIRef(mint(ENT, f"name:{i}:{lbl}")) for i, lbl in enumerate(labels)]
    for e, lbl in zip(ents, labels, strict=True):
        g.add((e, RDF.type, KG.Person))
        g.add((e, RDFS.label, Literal(lbl)))
    for i in range(len(ents) - 1):
        st_ = URIRef(f"https://w3id.org/kg-news/statement/s{i}")
        for p, o in ((RDF.type, KG.Statement), (RDF.subject, ents[i]), (RDF.predicate, KG.supports),
                     (RDF.object, ents[i + 1]), (KG.evidence, Literal(labels[i])),
                     (KG.negated, Literal(i % 2 == 0))):  # fmt: skip
            g.add((st_, p, o))
    return g


@FAST
@given(st.lists(NASTY, min_size=2, max_size=5))
def test_any_label_gives_strictly_parseable_exports(labels):
    g = _graph_with_labels(labels)
    ttl = to_rdf(g, "turtle")
    parsed = list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))
    assert len(parsed) == len(g)
    assert isomorphic(Graph().parse(data=ttl, format="turtle"), g)
    nt = to_rdf(g, "ntriples")
    assert len(list(ox.parse(nt.encode(), format=ox.RdfFormat.N_TRIPLES))) == len(g)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        jl = to_jsonld(g)
    assert len(list(ox.parse(jl.encode(), format=ox.RdfFormat.JSON_LD))) == len(g)
    gml = to_graphml(g)
    nx.parse_graphml(gml)  # networkx's parser accepts it
    page = to_html(g)
    assert "<script>alert(1)" not in page


@FAST
@given(NASTY, NASTY, NASTY)
def test_article_nquads_match_rdflibs_serialiser(title, quote, evidence):
    """Store builds and shards render each article's N-Quads without rdflib's store; the
    lines must be the very ones serialising a Dataset gives (graphs rendered apart are
    merged and compared byte for byte)."""
    from kg.model import Entity, Fact, Mention
    from kg.rdf import ArticleResult, add_article, article_nquads, new_dataset, to_nquads

    text = f"{evidence} {quote}"
    subj = Mention("Kenya", 0, 5, "GPE", key="wd:Q114")
    facts = (
        Fact(subj, "said", quote, reporting_verb="said", lemma=quote[:10], sent_end=len(text),
             event_date_text=title or None, extractor="statements"),
        Fact(subj, "supplies", Mention(quote or "x", 1, 2, "", key=f"concept:{quote}"),
             negated=True, sent_start=1, sent_end=len(evidence)),
    )  # fmt: skip
    ents = (Entity(key="wd:Q114", label="Kenya", type="Country", qid="Q114"),)
    result = ArticleResult(Article(id=title or "a", text=text, title=title), facts, ents)
    ds = new_dataset()
    add_article(ds, result)
    assert article_nquads(result) == to_nquads(ds)


@FAST
@given(st.lists(NASTY, min_size=1, max_size=4))
def test_store_nquads_match_rdflibs_rows(texts):
    """A store's canonical text is written from Oxigraph's terms; it must be the text
    rdflib's rows give for the same quads (files, shards and stores are compared)."""
    from kg.rdf import nquads_text, ox_nquads_text
    from kg.store import to_rdflib

    store, graph = ox.Store(), ox.NamedNode("https://w3id.org/kg-news/article/a")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    for i, text in enumerate([*texts, 'cr\r lf\n tab\t quote" back\\ nul\x00']):
        s = ox.NamedNode(f"https://w3id.org/kg-news/entity/e{i}")
        for o in (ox.Literal(text), ox.Literal(text, language="en-GB"),
                  ox.Literal(text, datatype=ox.NamedNode("https://example.org/dt")),
                  ox.Literal(str(len(text)), datatype=ox.NamedNode(xsd + "integer")),
                  ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean")),
                  ox.BlankNode(f"b{i}")):  # fmt: skip
            store.add(ox.Quad(s, ox.NamedNode(str(RDFS.label)), o, graph))
            store.add(ox.Quad(s, ox.NamedNode(str(RDFS.comment)), o))  # default graph
    quads = list(store.quads_for_pattern(None, None, None, None))
    rdflib_rows = nquads_text(
        (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object),
         None if isinstance(q.graph_name, ox.DefaultGraph) else to_rdflib(q.graph_name))
        for q in quads
    )  # fmt: skip
    assert ox_nquads_text(quads) == rdflib_rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROSE)
def test_any_text_builds_a_valid_graph(text):
    ds, results = build_dataset_from([Article(id="x", text=text, title="t")])
    for fmt, oxf in (("turtle", ox.RdfFormat.TURTLE), ("nquads", ox.RdfFormat.N_QUADS),
                     ("trig", ox.RdfFormat.TRIG)):  # fmt: skip
        list(ox.parse(to_rdf(ds, fmt).encode(), format=oxf))
    for r in results:
        for f in r.facts:  # offsets always point into the text
            assert 0 <= f.sent_start <= f.sent_end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_the_reader(data):
    """The reader either gives text or raises InputError, never anything else."""
    from kg.errors import InputError

    try:
        text = decode(data, "fuzz.txt")
    except InputError:
        return
    article_from_text(text, id="fuzz")
