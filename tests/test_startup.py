"""Only what parses text imports spaCy: the commands that read graphs start in a fraction
of a second (the figures are in benchmarks/RESULTS.md, ``benchmarks/startup.py``)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

GRAPH = """\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/kg-news/entity/turkey> rdfs:label "Turkey" .
"""


def test_graph_commands_do_not_import_spacy(tmp_path):
    """A fresh interpreter runs kg query (file and store), facts, export and validate, and
    imports kg.serve; spaCy must not be loaded by any of them."""
    ttl = tmp_path / "g.ttl"
    ttl.write_text(GRAPH, encoding="utf-8")
    script = textwrap.dedent(f"""
        import sys
        import pyoxigraph as ox
        from kg.cli import main
        import kg, kg.serve, kg.merge, kg.store

        store = ox.Store({str(tmp_path / "db")!r})
        store.load(open({str(ttl)!r}, "rb").read(), format=ox.RdfFormat.TURTLE,
                   to_graph=ox.NamedNode("https://w3id.org/kg-news/graph/entities"))
        store.flush()
        del store
        runs = [
            ["query", {str(ttl)!r}, "SELECT ?s WHERE {{ ?s ?p ?o }}"],
            ["query", {str(tmp_path / "db")!r}, "ASK {{}}"],
            ["facts", {str(ttl)!r}],
            ["export", {str(ttl)!r}, "--to", "nquads", "-o", {str(tmp_path / "g.nq")!r}],
            ["validate", {str(ttl)!r}],
        ]
        codes = [main(args) for args in runs]
        print(codes, "spacy" in sys.modules)
    """)
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120)  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().splitlines()[-1] == "[0, 0, 0, 0, 0] False", res.stdout


def test_the_store_does_not_import_the_file_query_path():
    """kg.store refuses SERVICE through kg.sparql: it imports nothing from kg.query,
    even inside a function (the two modules imported each other, issue 21); kg.query
    imports the store only where it opens one."""
    import ast
    from pathlib import Path

    import kg

    tree = ast.parse(Path(kg.__file__).with_name("store.py").read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "query" not in imported and "sparql" in imported
