"""The surfaces users open: the HTML page escapes every text; kg serve stays on loopback."""

from __future__ import annotations

import inspect
import json
import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import serve
from kg.export.html import _vis_assets, network_data, to_html
from kg.ontology import KG

PAYLOADS = ['<img src=x onerror=alert(1)>', "</script><script>alert(2)</script>",
            '"><svg onload=alert(3)>', "javascript:alert(4)", "&lt;b&gt;"]  # fmt: skip


def _graph(label: str, evidence: str, title: str) -> Graph:
    g = Graph()
    a, b, st, art = (URIRef(f"urn:x:{n}") for n in ("a", "b", "st", "art"))
    g.add((a, RDF.type, KG.Person))
    g.add((a, RDFS.label, Literal(label)))
    g.add((b, RDFS.label, Literal(label + " 2")))
    g.add((art, URIRef("http://purl.org/dc/terms/title"), Literal(title)))
    for p, o in ((RDF.type, KG.Statement), (RDF.subject, a), (RDF.predicate, KG.supports),
                 (RDF.object, b), (KG.evidence, Literal(evidence)),
                 (URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), art)):  # fmt: skip
        g.add((st, p, o))
    return g


def test_labels_evidence_and_titles_are_escaped():
    for payload in PAYLOADS:
        g = _graph(payload, payload, payload)
        page = to_html(g, title=payload)
        js, css = _vis_assets()
        ours = page.replace(js.replace("</script", "<\\/script"), "").replace(css, "")
        _, _, rest = ours.partition('<script type="application/json" id="kg-data">')
        data_block = rest.partition("</script>")[0]
        articles = json.loads(data_block)["packed"]["articles"]
        assert articles == [[None, payload]]  # kept, as data
        if "<" in payload or ">" in payload:
            assert payload not in ours  # nowhere raw: not in the title, not in the data
        assert page.count("</script>") == 3
        assert re.search(r"<title>[^<]*</title>", page)
    assert network_data(_graph("x", "y", "z"))["facts"][0]["evidence"] == "y"


def test_serve_defaults_to_loopback_and_is_read_only():
    params = {p.name: p for p in serve.params}
    assert params["host"].default == "127.0.0.1"
    from kg import serve as serve_module

    src = inspect.getsource(serve_module)
    assert "updates are refused" in src and "do_PUT" not in src and "do_DELETE" not in src
