"""The example queries on a store and on files: what articles share is stated once, so no
query returns copies (none needs DISTINCT); every query takes a binding (``--bind``) that
narrows it to one entity or one relation; ``kg serve --memory`` answers as the store does."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.query import QUERIES, load_graph, load_source, query_source

pytestmark = pytest.mark.slow  # builds with spaCy, a store on disk, starts kg serve

# two articles that share entities, concepts ("unions", "tariffs") and an open relation
# ("criticise"): with labels copied into each article's graph they gave duplicate rows
A = ("Chile backs Peru\n\nChile sells Peru two frigates. Chile does not recognize the vote, "
     "Chilean President Gabriel Boric said. Unions criticised the tariffs.")  # fmt: skip
B = ("Bolivia and Chile\n\nBolivia supports Chile. Chile does not sell frigates to Peru. "
     "Unions criticised the tariffs.")  # fmt: skip
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SHARED = {"https://w3id.org/kg-news/graph/entities", "https://w3id.org/kg-news/graph/ontology"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("queries")
    (d / "in").mkdir()
    (d / "in" / "a.txt").write_text(A, encoding="utf-8")
    (d / "in" / "b.txt").write_text(B, encoding="utf-8")
    assert main(["build", str(d / "in"), "--store", str(d / "store"), "-q"]) == 0
    assert main(["build", str(d / "in"), "-o", str(d / "files"), "--formats", "turtle,trig",
                 "-q"]) == 0  # fmt: skip
    return d


def _label_graphs(quads) -> dict[tuple[str, str], list[str]]:
    where: dict[tuple[str, str], list[str]] = {}
    for q in quads:
        if q.predicate == LABEL:
            where.setdefault((q.subject.value, q.object.value), []).append(q.graph_name.value)
    return where


def test_a_label_is_stated_in_one_graph_only(built):
    in_store = open_store_quads(built / "store")
    in_file = ox.parse(path=str(built / "files" / "graph.trig"), format=ox.RdfFormat.TRIG)
    for name, quads in (("store", in_store), ("graph.trig", in_file)):
        where = _label_graphs(quads)
        copied = {k: v for k, v in where.items() if len(v) > 1}
        assert not copied, f"{name}: labels in several graphs: {list(copied.items())[:3]}"
        shared = {k[0] for k, (g,) in where.items() if g in SHARED}
        # what both articles use is among them (so this test would see copies)
        assert "https://w3id.org/kg-news/concept/tariffs" in shared, name
        assert "https://w3id.org/kg-news/relation/criticise" in shared, name
        assert all(g in SHARED for (s, _), (g,) in where.items()
                   if "/concept/" in s or "/relation/" in s), name  # fmt: skip


def open_store_quads(path: Path) -> list[ox.Quad]:
    return list(ox.Store.read_only(str(path)).quads_for_pattern(None, None, None, None))


def _rows(source, query: str, bindings: dict | None = None) -> tuple[list[str], list[tuple]]:
    variables, rows = query_source(source, query, bindings)
    return variables, [tuple(str(x) if x is not None else "" for x in r) for r in rows]


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_example_query_returns_no_copies_without_distinct(built, path: Path):
    query = path.read_text(encoding="utf-8")
    assert "DISTINCT" not in query.upper()
    for source in (load_source(built / "store"), load_graph(built / "files" / "graph.ttl")):
        _, rows = _rows(source, query)
        assert rows, path.name
        repeated = [r for r, n in Counter(rows).items() if n > 1]
        assert not repeated, f"{path.name}: {repeated[:2]}"


def _documented_bindings(query: str) -> list[str]:
    """The variables the query's header shows bound (``--bind VAR=...``)."""
    return re.findall(r"--bind (\w+)=", query)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_every_example_query_binds_one_entity_or_relation(built, path: Path):
    """Bound, a query answers what it answers unbound for that entity or relation:
    the same rows, on a store and on a file."""
    query = path.read_text(encoding="utf-8")
    names = _documented_bindings(query)
    assert names, f"{path.name} shows no --bind example"
    store, graph = load_source(built / "store"), load_graph(built / "files" / "graph.ttl")
    variables, every = _rows(store, query)
    for name in names:
        column = variables.index("predicate" if name == "p" else name)
        values = [r[column] for r in every]
        # supplies, or Chile, where the unbound answer has them (several rows, two articles)
        shown = next((v for v in ("supplies", "Chile") if v in values), values[0])
        value = f"kg:{shown}" if name == "p" else shown  # a relation, as users write it
        want = sorted(r for r in every if r[column] == shown)
        assert want, (path.name, name)
        for source in (store, graph):
            assert sorted(_rows(source, query, {name: value})[1]) == want, (path.name, name)


def test_bind_from_the_command_line(built, capsys):
    assert main(["query", str(built / "store"), "-f", str(QUERIES / "negated.rq"),
                 "--bind", "p=kg:supplies", "--format", "csv"]) == 0  # fmt: skip
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 1 and all(",supplies," in line for line in lines[1:])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_memory_loads_the_store_and_answers_as_it_does(built):
    """``kg serve --memory`` says how long the load took, then serves the same answers
    as the store on disk."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(built / "store"), "--port", str(port),
         "--memory"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        loaded, serving = proc.stderr.readline(), proc.stderr.readline()
        assert re.search(r"loaded .*store into memory in \d+\.\d s", loaded), loaded
        assert f"on http://127.0.0.1:{port}/" in serving, serving
        store = load_source(built / "store")
        for path in sorted(QUERIES.glob("*.rq")):
            q = path.read_text(encoding="utf-8")
            url = f"http://127.0.0.1:{port}/sparql?query={urllib.parse.quote(q)}"
            with urllib.request.urlopen(url, timeout=20) as r:  # noqa: S310 (loopback)
                answer = json.loads(r.read())
            variables, want = _rows(store, q)
            got = [tuple(b.get(v, {}).get("value", "") for v in variables)
                   for b in answer["results"]["bindings"]]  # fmt: skip
            assert sorted(got) == sorted(want), path.name
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stderr.close()
