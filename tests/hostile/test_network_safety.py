"""Parsing RDF and running SPARQL never reach beyond what was named."""

from __future__ import annotations

import json

import pytest

from kg.errors import GraphFileError, QueryError
from kg.query import load_graph, prepare

QUERIES = [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . SERVICE SILENT <http://169.254.169.254/> { ?a ?b ?c } }",
    "LOAD <http://example.org/data.ttl>",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "CLEAR ALL",
]


@pytest.mark.parametrize("query", QUERIES)
def test_remote_and_update_queries_are_refused(query):
    with pytest.raises(QueryError):
        prepare(query)


def test_remote_jsonld_context_is_refused(tmp_path):
    path = tmp_path / "x.jsonld"
    path.write_text(json.dumps({"@context": "http://example.org/context.jsonld",
                                "@id": "urn:a", "name": "x"}), encoding="utf-8")  # fmt: skip
    with pytest.raises(GraphFileError, match="remote JSON-LD @context"):
        load_graph(path)


def test_rdfxml_is_not_read(tmp_path):
    path = tmp_path / "x.rdf"
    path.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                    "<r>&e;</r>", encoding="utf-8")  # fmt: skip
    with pytest.raises(GraphFileError, match="unknown graph format"):
        load_graph(path)
