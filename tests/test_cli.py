"""The command line, as a user runs it: build, facts, query, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main

ARTICLE = """Norway backs Finland in dispute with Russia

Norwegian Prime Minister Jonas Gahr Store said on Monday that Norway supports Finland.
"We will not ignore the threat," Store said. Norway does not recognize the referendum.
Oslo is preparing to sell Finland a new batch of NASAMS air defence systems.

Share this article
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("build")
    (d / "in").mkdir()
    (d / "in" / "norway.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["build", str(d / "in"), "-o", str(d / "out"), "-q"]) == 0
    return d / "out"


def test_build_writes_turtle_trig_and_html(built):
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (built / name).stat().st_size > 0


def test_facts_jsonl_keys_and_polarity(built, capsys):
    assert main(["facts", str(built / "graph.ttl"), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows, "no facts"
    for r in rows:
        assert {"subject", "predicate", "object", "negated"} <= r.keys()
        assert isinstance(r["negated"], bool)
    got = {(r["subject"], r["predicate"], r["object"], r["negated"]) for r in rows}
    assert ("Norway", "supports", "Finland", False) in got
    assert ("Norway", "recognizes", "referendum", True) in got
    norway = [r for r in rows if r["subject"] == "Norway"]
    assert {r["subject_qid"] for r in norway} == {"Q20"}
    assert all(r["subject_id"].startswith("https://") for r in rows)


def test_facts_from_trig_equal_facts_from_turtle(built, capsys):
    main(["facts", str(built / "graph.ttl"), "--format", "tsv"])
    ttl = capsys.readouterr().out
    main(["facts", str(built / "graph.trig"), "--format", "tsv"])
    assert capsys.readouterr().out == ttl


def test_facts_table_and_tsv(built, capsys):
    assert main(["facts", str(built / "graph.ttl"), "--format", "table"]) == 0
    assert "NOT recognizes" in capsys.readouterr().out
    assert main(["facts", str(built / "graph.ttl"), "--format", "tsv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("subject\tpredicate\tobject")


def test_query_inline_and_file(built, tmp_path, capsys):
    q = ("PREFIX kg: <https://w3id.org/kg-news/ontology#> "
         "SELECT ?s ?o WHERE { ?s kg:supports ?o }")  # fmt: skip
    assert main(["query", str(built / "graph.ttl"), q, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "s,o" and "entity/Q20,https://w3id.org/kg-news/entity/Q33" in out
    f = tmp_path / "q.rq"
    f.write_text(q, encoding="utf-8")
    assert main(["query", str(built / "graph.ttl"), "-f", str(f), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"] == ["s", "o"] and data["results"]["bindings"]


@pytest.mark.parametrize(
    "argv,code,needle",
    [
        (["build", "no/such/file.txt"], 1, "no such file"),
        (["facts", "no/such/graph.ttl"], 1, "no such file"),
        (["query", "GRAPH_PLACEHOLDER", "SELECT nonsense {"], 1, "bad SPARQL"),
        (["query", "GRAPH_PLACEHOLDER", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"],
         1, "SERVICE"),
        (["facts", "GRAPH_PLACEHOLDER", "--format", "xml"], 2, "Invalid value"),
        (["query", "GRAPH_PLACEHOLDER"], 2, "QUERY"),
        (["frobnicate"], 2, "No such command"),
    ],
)  # fmt: skip
def test_errors_are_one_line_with_exit_codes(built, capsys, argv, code, needle):
    argv = [str(built / "graph.ttl") if a == "GRAPH_PLACEHOLDER" else a for a in argv]
    assert main(argv) == code
    err = capsys.readouterr().err
    assert needle in err
    assert "Traceback" not in err


def test_binary_and_empty_inputs(tmp_path, capsys):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    assert main(["build", str(tmp_path / "bin.txt"), "-o", str(tmp_path / "o")]) == 1
    assert "bin.txt: not a text file" in capsys.readouterr().err
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    assert main(["build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o")]) == 1
    assert "empty.txt: empty file" in capsys.readouterr().err
    assert not (tmp_path / "o" / "graph.ttl").exists()


def test_bad_graph_file(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    assert main(["facts", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.ttl: not valid turtle" in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow  # starts Python processes
def test_python_dash_m_and_help():
    for args in (["--help"], ["build", "--help"], ["facts", "--help"], ["query", "--help"]):
        r = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)
        assert r.returncode == 0 and "Usage" in r.stdout


@pytest.mark.slow  # starts a Python process
def test_python_dash_m_error_exit_code(tmp_path):
    r = subprocess.run([sys.executable, "-m", "kg", "facts", str(tmp_path / "x.ttl")],
                       capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.startswith("kg: error:") and "Traceback" not in r.stderr


@pytest.mark.slow  # starts worker processes
def test_jobs_2_gives_identical_exports(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i, country in enumerate(["Kenya", "Ghana", "Chile", "Peru", "Nepal"]):
        (src / f"a{i}.txt").write_text(
            f"{country} backs Norway\n\n{country} sells tea to Norway. "
            f"{country} does not recognize the vote.", encoding="utf-8")  # fmt: skip
    assert main(["build", str(src), "-o", str(tmp_path / "one"), "-q", "--jobs", "1"]) == 0
    assert main(["build", str(src), "-o", str(tmp_path / "two"), "-q", "--jobs", "2"]) == 0
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
