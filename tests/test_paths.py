"""Every way of building a graph gives the same graph, and it conforms to kg's shapes:
a file build, a store build exported by ``kg build --store -o`` and by ``kg export DB``,
a Dask build and its ``kg merge`` (into files and into a store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib.compare import graph_diff, to_isomorphic

from kg.cli import main
from kg.query import load_graph, load_union
from kg.validate import validate

pytestmark = pytest.mark.slow  # builds with spaCy, a store on disk and a Dask cluster

ARTICLES = [
    {"id": "p-1", "title": "Drones", "date": "2024-03-01",
     "text": "Turkey supplies drones to Ukraine. Germany does not recognize the election "
             "in Belarus, the foreign minister said on Monday."},
    {"id": "p-2", "title": "Talks", "date": "2024-03-02",
     "text": "Talks between Poland and Germany collapsed after Poland expelled two "
             "diplomats. Norway may send troops to Finland next year, officials said."},
    {"id": "p-3", "title": "Tanks", "date": "2024-03-03",
     "text": "Germany sells tanks to Poland. Turkey does not supply drones to Ukraine, "
             "according to the ministry in Ankara."},
]  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The same articles built by every path; each path's Turtle export, by name."""
    d = tmp_path_factory.mktemp("paths")
    src = d / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    run = [
        ["build", str(src), "-o", str(d / "files"), "--formats", "turtle", "-q"],
        ["build", str(src), "--store", str(d / "db"), "-o", str(d / "store-build"),
         "--formats", "turtle", "-q"],
        ["export", str(d / "db"), "--to", "turtle", "-o", str(d / "export.ttl")],
        ["build", str(src), "--executor", "dask", "--workers", "1", "--partition-size", "2",
         "-o", str(d / "dask"), "--formats", "turtle", "-q"],
        ["merge", str(d / "dask" / "shards"), "-o", str(d / "merged"), "--formats", "turtle",
         "--store", str(d / "merged-db"), "-q"],
        ["export", str(d / "merged-db"), "--to", "turtle", "-o", str(d / "merged-db.ttl")],
    ]  # fmt: skip
    for args in run:
        assert main(args) == 0, args
    return {
        "files": d / "files" / "graph.ttl",
        "build --store -o": d / "store-build" / "graph.ttl",
        "export DB": d / "export.ttl",
        "dask": d / "dask" / "graph.ttl",
        "merge -o": d / "merged" / "graph.ttl",
        "merge --store, export": d / "merged-db.ttl",
        "the store itself": d / "db",
    }


def test_every_path_conforms_to_the_shapes(built):
    for name, path in built.items():
        violations = validate(load_union(path))
        assert not violations, f"{name}: {violations[:3]}"


def test_every_path_gives_the_same_graph(built):
    reference = to_isomorphic(load_graph(built["files"]))
    assert len(reference) > 100
    for name, path in built.items():
        g = to_isomorphic(load_union(path))
        if g != reference:
            _, only_ref, only_here = graph_diff(reference, g)
            first, here = sorted(only_ref)[:3], sorted(only_here)[:3]
            pytest.fail(f"{name} differs from the file build: {first} | {here}")


def test_validate_accepts_a_store(built, capsys):
    assert main(["validate", str(built["the store itself"])]) == 0
    assert "conforms" in capsys.readouterr().out
