"""The persistent store (kg build --store) and the SPARQL endpoint (kg serve)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import QueryError
from kg.facts import read_facts
from kg.query import QUERIES, load_graph, load_source, query_source
from kg.store import open_store

pytestmark = pytest.mark.slow  # starts kg serve; builds stores on disk

A = "Chile backs Peru\n\nChile sells Peru two frigates. Chile does not recognize the vote."
B = "Bolivia and Chile\n\nBolivia supports Chile. Chile does not sell frigates to Peru."


def _facts(source) -> set[tuple]:
    return {(f.subject, f.predicate, f.object, f.negated, f.document, f.evidence, f.articles,
             f.contradicted) for f in read_facts(source)}  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("store")
    (d / "in").mkdir()
    (d / "in" / "a.txt").write_text(A, encoding="utf-8")
    (d / "in" / "b.txt").write_text(B, encoding="utf-8")
    assert main(["build", str(d / "in"), "--store", str(d / "store"), "-q"]) == 0
    assert main(["build", str(d / "in"), "-o", str(d / "files"), "-q"]) == 0
    return d


def test_store_holds_the_same_facts_as_the_files(built):
    store_facts = _facts(load_source(built / "store"))
    assert store_facts and store_facts == _facts(load_graph(built / "files" / "graph.ttl"))


def test_example_queries_agree_between_store_and_file(built):
    store, graph = load_source(built / "store"), load_graph(built / "files" / "graph.ttl")
    for path in sorted(QUERIES.glob("*.rq")):
        q = path.read_text(encoding="utf-8")
        a = {tuple(str(x) for x in r) for r in query_source(store, q)[1]}
        b = {tuple(str(x) for x in r) for r in query_source(graph, q)[1]}
        assert a == b, path.name


def test_rebuilding_an_article_replaces_only_its_graph(built, tmp_path):
    def graph_quads(store_dir, name):
        store = open_store(store_dir, read_only=True)
        g = ox.NamedNode(f"https://w3id.org/kg-news/article/{name}")
        return sorted(str(q) for q in store.quads_for_pattern(None, None, None, g))

    import shutil

    copy = tmp_path / "store"
    shutil.copytree(built / "store", copy)
    before_a, before_b = graph_quads(copy, "a"), graph_quads(copy, "b")
    entities_q = (QUERIES / "entities.rq").read_text()
    counts_before = {str(r[0]): int(r[3]) for r in query_source(load_source(copy), entities_q)[1]}
    (tmp_path / "b.txt").write_text(B.replace("Bolivia supports", "Bolivia backs"), "utf-8")
    assert main(["build", str(tmp_path / "b.txt"), "--store", str(copy), "-q"]) == 0
    assert graph_quads(copy, "a") == before_a
    assert graph_quads(copy, "b") != before_b
    # the same article twice does not double its mentions
    assert main(["build", str(tmp_path / "b.txt"), "--store", str(copy), "-q"]) == 0
    counts = {str(r[0]): int(r[3]) for r in query_source(load_source(copy), entities_q)[1]}
    assert counts["Chile"] == counts_before["Chile"] > 2


def test_claims_recounted_in_chunks_match(built, tmp_path):
    """refresh_claims streams and writes (and first clears) in chunks; any chunk size
    gives the same claims graph, and a recount over an existing one changes nothing."""
    import shutil

    from kg.store import refresh_claims

    copy = tmp_path / "store"
    shutil.copytree(built / "store", copy)
    g = ox.NamedNode("https://w3id.org/kg-news/graph/claims")

    def claims(store):
        return sorted(str(q) for q in store.quads_for_pattern(None, None, None, g))

    store = open_store(copy)
    before = claims(store)
    assert any("deniedIn" in q and '"1"' in q for q in before)
    refresh_claims(store, chunk=3)
    assert claims(store) == before


def test_adding_to_a_store_recounts_only_touched_claims_and_agrees_with_a_full_recount(
    built, tmp_path
):
    """A build into a store with claims recounts just the claims its new and replaced
    articles touch; the claims graph must be the one a full recount gives, including
    claims that lose their last denial or assertion."""
    import shutil

    from kg.store import refresh_claims

    copy = tmp_path / "store"
    shutil.copytree(built / "store", copy)
    g = ox.NamedNode("https://w3id.org/kg-news/graph/claims")

    def claims(store_dir):
        store = open_store(store_dir, read_only=True)
        return sorted(str(q) for q in store.quads_for_pattern(None, None, None, g))

    before = claims(copy)
    # b.txt no longer says anything about Chile selling frigates (a claim only the old
    # b touches now); c.txt adds a new statement
    (tmp_path / "b.txt").write_text(B.split(" Chile does not")[0], "utf-8")
    (tmp_path / "c.txt").write_text("Peru and Chile\n\nPeru does not recognize the vote.",
                                    "utf-8")  # fmt: skip
    assert main(["build", str(tmp_path / "b.txt"), str(tmp_path / "c.txt"),
                 "--store", str(copy), "-q"]) == 0  # fmt: skip
    after = claims(copy)
    assert after != before
    full = tmp_path / "full"
    shutil.copytree(copy, full)
    refresh_claims(open_store(full))
    assert claims(full) == after


def test_cli_on_a_store(built, capsys):
    assert main(["facts", str(built / "store"), "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert any(r["contradicted"] for r in rows)
    assert main(["query", str(built / "store"), "-f", str(QUERIES / "negated.rq"),
                 "--format", "csv"]) == 0  # fmt: skip
    assert "recognizes" in capsys.readouterr().out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built):
    """kg serve on a free loopback port; its "serving" line must mean it answers."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(built / "store"), "--port", str(port),
         "--timeout", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    line = proc.stderr.readline()  # blocks until kg serve says it is serving
    assert f"serving {built / 'store'} on {base}/" in line, line
    yield base
    proc.terminate()
    proc.wait(timeout=10)
    proc.stderr.close()


def test_serve_answers_as_soon_as_it_says_it_serves(server):
    """The fixture waited for the "serving" line and nothing else."""
    code, ctype, body = _get(f"{server}/sparql?query=ASK%7B%7D")
    assert code == 200 and json.loads(body)["boolean"] is True


def _get(url: str, accept: str = "") -> tuple[int, str, str]:
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:  # noqa: S310 (loopback)
            return r.status, r.headers["Content-Type"], r.read().decode()
    except urllib.error.HTTPError as e:
        with e:
            return e.code, e.headers["Content-Type"], e.read().decode()


def test_serve_sparql_with_content_negotiation(server):
    q = urllib.parse.quote((QUERIES / "supplies.rq").read_text())
    code, ctype, body = _get(f"{server}/sparql?query={q}")
    assert code == 200 and ctype.startswith("application/sparql-results+json")
    rows = {tuple(b[v]["value"] for v in ("supplier", "recipient"))
            for b in json.loads(body)["results"]["bindings"]}  # fmt: skip
    assert ("Chile", "Peru") in rows
    code, ctype, body = _get(f"{server}/sparql?query={q}", "text/csv")
    assert ctype.startswith("text/csv") and body.splitlines()[0] == "supplier,recipient"
    code, ctype, body = _get(f"{server}/sparql?query={q}&format=tsv")
    assert ctype.startswith("text/tab-separated-values")


def test_serve_html_view(server):
    """The page is made in the background: 503 with Retry-After until it is ready."""
    for _ in range(300):
        code, ctype, body = _get(server + "/")
        if code != 503:
            break
        assert "being made" in body
        time.sleep(0.1)
    assert code == 200 and "vis.Network" in body and ctype.startswith("text/html")


def test_serve_refuses_updates_service_and_slow_queries(server):
    req = urllib.request.Request(server + "/sparql", data=b"INSERT DATA { <a:b> <a:c> <a:d> }",
                                 headers={"Content-Type": "application/sparql-update"})  # fmt: skip
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)  # noqa: S310
    assert err.value.code == 403
    err.value.close()
    q = urllib.parse.quote("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert _get(f"{server}/sparql?query={q}")[0] == 400
    slow = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    code, _, body = _get(f"{server}/sparql?query={slow}")
    assert code == 503 and "timed out" in body


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_runaway_queries_are_cancelled_and_the_endpoint_stays_responsive(server):
    """8 runaway queries at once: each times out (503; its worker is killed) or is
    refused for running too many at once (429); then a simple query answers in < 1 s."""
    from concurrent.futures import ThreadPoolExecutor

    slow = urllib.parse.quote(RUNAWAY)
    with ThreadPoolExecutor(8) as ex:
        codes = list(ex.map(lambda _: _get(f"{server}/sparql?query={slow}")[0], range(8)))
    assert set(codes) <= {503, 429} and 503 in codes, codes
    started = time.monotonic()
    code, _, body = _get(f"{server}/sparql?query=ASK%7B%7D")
    assert code == 200 and json.loads(body)["boolean"] is True
    assert time.monotonic() - started < 1.0


def test_bindings_on_a_store_equal_bindings_on_a_file(built):
    store, graph = load_source(built / "store"), load_graph(built / "files" / "graph.ttl")
    q = (QUERIES / "about.rq").read_text(encoding="utf-8")
    a = {tuple(str(x) for x in r) for r in query_source(store, q, {"name": "Chile"})[1]}
    b = {tuple(str(x) for x in r) for r in query_source(graph, q, {"name": "Chile"})[1]}
    assert a and a == b
    assert all(r[0] == "Chile" for r in a)


@pytest.mark.parametrize(
    "clause",
    [
        "SERVICE <http://127.0.0.1:PORT/sparql> { ?s ?p ?o }",
        "sErViCe silent <http://127.0.0.1:PORT/sparql> { ?s ?p ?o }",
        "\\u0053ERVICE <http://127.0.0.1:PORT/sparql> { ?s ?p ?o }",  # a \\u escape
    ],
)
def test_store_never_calls_a_service_endpoint(built, clause):
    import threading

    calls = []
    with socket.socket() as listener:  # an endpoint that notes and drops each connection
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.2)

        def note() -> None:
            while not done.is_set():
                try:
                    conn, _ = listener.accept()
                except TimeoutError:
                    continue
                calls.append(1)
                conn.close()

        done = threading.Event()
        watcher = threading.Thread(target=note)
        watcher.start()
        q = "SELECT * WHERE { ?a ?b ?c . " + clause.replace("PORT", str(listener.getsockname()[1]))
        try:
            with pytest.raises(QueryError):
                query_source(load_source(built / "store"), q + " }")
        finally:
            done.set()
            watcher.join()
    assert calls == []


def test_store_runs_queries_that_only_mention_the_word_service(built):
    q = 'SELECT ?x WHERE { VALUES ?x { "customer service" } ?s ?p ?o } LIMIT 1'
    assert [str(r[0]) for r in query_source(load_source(built / "store"), q)[1]] == [
        "customer service"
    ]


def test_facts_about_a_node_are_its_facts_in_the_whole_graph(built):
    """The bound facts query kg serve answers a neighbourhood with: for every node, the
    same facts (claims' counts and extractors included) as read from the whole store."""
    from kg.facts import facts_about_query, facts_from_results

    store = open_store(built / "store", read_only=True)
    everything = read_facts(store)
    nodes = {x for f in everything for x in (f.subject_id, f.object_id) if x}
    assert len(nodes) > 3 and any(f.found_by for f in everything)
    assert any(f.articles for f in everything)
    for node in sorted(nodes):
        res = store.query(facts_about_query(node), use_default_graph_as_union=True)
        got = facts_from_results(res.serialize(format=ox.QueryResultsFormat.JSON))
        assert got == [f for f in everything if node in (f.subject_id, f.object_id)], node
