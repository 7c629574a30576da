"""Every export loads, unchanged, into real engines and answers the same questions:
pyoxigraph (strict RDF parser), an Oxigraph server (SPARQL 1.1 Graph Store protocol),
Kùzu (embedded Cypher database, from the Neo4j import CSVs), networkx (GraphML)."""

from __future__ import annotations

import csv
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.export.property_graph import property_graph
from kg.query import QUERIES, load_dataset, load_graph, run_query

TEXTS = {
    "a.txt": "Chile backs Peru\n\nChile sells Peru two frigates. Chile does not recognize the "
             'vote. "Peru will never join the pact," Chilean President Gabriel Boric said.',
    "b.txt": "Bolivia and Chile\n\nBolivia supports Chile. Argentina does not supply Bolivia "
             "with gas. According to Reuters, Brazil met Chile. Chile does not sell frigates "
             "to Peru.",
}  # fmt: skip
OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
              "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
              "jsonld": ox.RdfFormat.JSON_LD}  # fmt: skip


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("exports")
    (d / "in").mkdir()
    for name, text in TEXTS.items():
        (d / "in" / name).write_text(text, encoding="utf-8")
    fmts = "turtle,ntriples,nquads,trig,jsonld,graphml,neo4j,html"
    assert main(["build", str(d / "in"), "-o", str(d / "out"), "--formats", fmts, "-q"]) == 0
    return d / "out"


def _oxigraph_dataset(path: Path) -> Dataset:
    quads = list(ox.parse(path.read_bytes(), format=OX_FORMATS[path.suffix[1:]]))
    nq = "\n".join(f"{q.subject} {q.predicate} {q.object}"
                   + ("" if isinstance(q.graph_name, ox.DefaultGraph) else f" {q.graph_name}")
                   + " ." for q in quads)  # fmt: skip
    ds = Dataset()
    ds.parse(data=nq, format="nquads")
    return ds


def _graphs(ds: Dataset) -> dict[str, Graph]:
    out = {}
    for g in ds.graphs():
        if len(g):
            copy = Graph()
            for t in g:
                copy.add(t)
            out[str(g.identifier)] = copy
    return out


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nt", "graph.nq", "graph.trig",
                                  "graph.jsonld"])  # fmt: skip
def test_rdf_export_parses_strictly_and_is_isomorphic(out, name):
    ours = _oxigraph_dataset(out / name)
    reference = load_dataset(out / "graph.trig")
    if name in {"graph.nq", "graph.trig", "graph.jsonld"}:  # named graphs kept
        a, b = _graphs(ours), _graphs(reference)
        assert a.keys() == b.keys() and len(a) >= 4
        for key in a:
            assert isomorphic(a[key], b[key]), key
    else:
        union = Graph()
        for g in _graphs(reference).values():
            for t in g:
                union.add(t)
        assert isomorphic(Graph().parse(data=ours.serialize(format="nquads"), format="nquads"),
                          union)  # fmt: skip


def test_jsonld_context_is_inline_and_matches_the_file(out):
    doc = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    ctx_file = json.loads(Path("ontology/context.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == ctx_file["@context"]
    assert not any(isinstance(v, str) and v.startswith("http") and k == "@context"
                   for k, v in doc.items())  # fmt: skip


def test_export_command_round_trip(out, tmp_path):
    for fmt, name in (("nquads", "x.nq"), ("jsonld", "x.jsonld"), ("turtle", "x.ttl")):
        assert (
            main(["export", str(out / "graph.trig"), "--to", fmt, "-o", str(tmp_path / name)]) == 0
        )
        assert len(load_graph(tmp_path / name)) == len(load_graph(out / "graph.ttl"))


def test_graphml_loads_in_networkx_with_gephi_types(out):
    import networkx as nx

    g = nx.read_graphml(out / "graph.graphml")
    nodes, rels = property_graph(load_graph(out / "graph.ttl"))
    assert g.number_of_nodes() == len(nodes) and g.number_of_edges() == len(rels)
    text = (out / "graph.graphml").read_text(encoding="utf-8")
    types = {line.split('attr.type="')[1].split('"')[0] for line in text.splitlines()
             if "attr.type=" in line}  # fmt: skip
    assert types <= {"string", "boolean", "int", "double", "long", "float"}
    neg = [d for _, _, d in g.edges(data=True) if d["negated"]]
    assert neg and all(d["label"].startswith("not ") for d in neg)


def test_neo4j_csv_headers(out):
    with (out / "neo4j" / "nodes.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[0] == "id:ID" and header[-1] == ":LABEL"
    with (out / "neo4j" / "relationships.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"] and "negated:boolean" in header
    cypher = (out / "neo4j" / "load.cypher").read_text(encoding="utf-8")
    assert "CREATE CONSTRAINT" in cypher and "LOAD CSV WITH HEADERS" in cypher


def _sparql_rows(graph_path: Path, query_file: str, columns: int = 99) -> set[tuple[str, ...]]:
    """The query's rows as strings, cut to their first ``columns`` (negated.rq ends with
    the statement's IRI, which the property graph does not name a column for)."""
    _, rows = run_query(load_graph(graph_path), (QUERIES / query_file).read_text(encoding="utf-8"))
    return {tuple(str(v) for v in r[:columns]) for r in rows}


def test_kuzu_imports_the_csvs_and_answers_like_sparql(out, tmp_path):
    kuzu = pytest.importorskip("kuzu")
    db = kuzu.Database(str(tmp_path / "kuzu"))
    conn = kuzu.Connection(db)
    conn.execute("CREATE NODE TABLE Node(id STRING, name STRING, type STRING, qid STRING, "
                 "aliases STRING, labels STRING, PRIMARY KEY (id))")  # fmt: skip
    conn.execute("CREATE REL TABLE Fact(FROM Node TO Node, type STRING, statement STRING, "
                 "negated BOOLEAN, modality STRING, attributedTo STRING, reportingVerb STRING, "
                 "date STRING, evidence STRING, start INT64, `end` INT64, article STRING, "
                 "extractor STRING, confidence DOUBLE)")  # fmt: skip
    conn.execute(f"COPY Node FROM '{out / 'neo4j' / 'nodes.csv'}' (HEADER=true)")
    conn.execute(f"COPY Fact FROM '{out / 'neo4j' / 'relationships.csv'}' (HEADER=true)")

    def cypher(q: str) -> set[tuple[str, ...]]:
        res = conn.execute(q)
        rows = set()
        while res.has_next():
            rows.add(tuple(str(v) for v in res.get_next()))
        return rows

    supplies = cypher("MATCH (a:Node)-[f:Fact]->(b:Node) WHERE f.type = 'supplies' AND NOT "
                      "f.negated RETURN a.name, b.name")  # fmt: skip
    assert supplies and supplies == _sparql_rows(out / "graph.ttl", "supplies.rq")
    negated = cypher("MATCH (a:Node)-[f:Fact]->(b:Node) WHERE f.negated "
                     "RETURN a.name, f.type, b.name, f.evidence")  # fmt: skip
    assert negated and negated == _sparql_rows(out / "graph.ttl", "negated.rq", 4)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(exe).exists():
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "store"), "--bind",
                             f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with urllib.request.urlopen(base + "/", timeout=1):  # noqa: S310 (loopback)
                break
        except OSError:
            time.sleep(0.1)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow  # starts an Oxigraph server
def test_oxigraph_server_answers_like_kg_query(out, oxigraph_server):
    data = (out / "graph.ttl").read_bytes()
    req = urllib.request.Request(oxigraph_server + "/store?default", data=data, method="POST",
                                 headers={"Content-Type": "text/turtle"})  # fmt: skip
    with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310
        assert resp.status in {200, 201, 204}
    for path in sorted(QUERIES.glob("*.rq")):
        query = path.read_text(encoding="utf-8")
        req = urllib.request.Request(
            oxigraph_server + "/query", data=query.encode(), method="POST",
            headers={"Content-Type": "application/sparql-query",
                     "Accept": "application/sparql-results+json"},
        )  # fmt: skip
        with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310
            res = json.loads(resp.read())
        server = {tuple(b.get(v, {}).get("value", "") for v in res["head"]["vars"])
                  for b in res["results"]["bindings"]}  # fmt: skip
        variables, rows = run_query(load_graph(out / "graph.ttl"), query)
        local = {tuple("" if x is None else str(x) for x in r) for r in rows}
        assert server == local, path.name
        assert local, path.name
