"""Graph -> one self-contained, offline HTML page to explore relationships.

The network model is built with pyvis; the page is rendered by kg's own template, which
inlines vis-network (pyvis's template fetches Bootstrap and vis from CDNs, and renders
node titles as HTML). All text reaches the page as JSON inside a data block and is put
on screen with ``textContent``: a label such as ``<img src=x onerror=alert(1)>`` shows as
text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from ..facts import FactRow, read_facts
from ..ontology import local_name

TYPE_STYLE = {  # class -> (colour, vis shape)
    "Person": ("#e15759", "dot"),
    "Country": ("#4e79a7", "diamond"),
    "Location": ("#76b7b2", "diamond"),
    "Organization": ("#f28e2b", "square"),
    "Group": ("#edc948", "triangle"),
    "Product": ("#b07aa1", "star"),
    "Weapon": ("#9c2f8c", "star"),
    "Event": ("#59a14f", "triangleDown"),
    "Agreement": ("#bab0ac", "box"),
    "Work": ("#ff9da7", "box"),
    "Position": ("#9d7660", "ellipse"),
    "Concept": ("#cfcfcf", "ellipse"),
    "Entity": ("#8cd17d", "dot"),
}
TYPE_ORDER = list(TYPE_STYLE)


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib"
    versions = sorted(lib.glob("vis-*/vis-network.min.js"))
    js = versions[-1]
    return js.read_text(encoding="utf-8"), (js.parent / "vis-network.css").read_text(
        encoding="utf-8"
    )


def _node_types(graph: Graph) -> dict[str, str]:
    types: dict[str, str] = {}
    for s, o in graph.subject_objects(RDF.type):
        name = local_name(o)
        if isinstance(s, URIRef) and name in TYPE_STYLE:
            prev = types.get(str(s))
            if prev is None or TYPE_ORDER.index(name) < TYPE_ORDER.index(prev):
                types[str(s)] = name
    return types


def network_data(graph: Graph, facts: list[FactRow] | None = None) -> dict:
    """Nodes, edges and facts for the page, built through pyvis's network model."""
    from pyvis.network import Network

    facts = read_facts(graph) if facts is None else facts
    types = _node_types(graph)
    net = Network(directed=True, cdn_resources="in_line")
    labels: dict[str, str] = {}
    degree: dict[str, int] = defaultdict(int)
    node_facts: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        labels.setdefault(f.subject_id or "", f.subject)
        node_facts[f.subject_id or ""].append(i)
        if f.object_id:
            labels.setdefault(f.object_id, f.object)
            node_facts[f.object_id].append(i)
            degree[f.subject_id or ""] += 1
            degree[f.object_id] += 1
    for iri in sorted(labels):
        t = types.get(iri, "Concept")
        colour, shape = TYPE_STYLE.get(t, TYPE_STYLE["Entity"])
        net.add_node(
            iri, label=labels[iri], color=colour, shape=shape, group=t,
            size=10 + 4 * min(degree[iri], 10), font={"size": 14},
        )  # fmt: skip
    edges = []
    for i, f in enumerate(facts):
        if not f.object_id or not f.subject_id:
            continue
        label = ("not " if f.negated else "") + f.predicate
        net.add_edge(
            f.subject_id, f.object_id, label=label, id=f"e{i}",
            dashes=bool(f.negated or f.modality != "asserted"),
            color="#d62728" if f.negated else "#7f7f7f", width=2 if f.negated else 1,
        )  # fmt: skip
        edges.append(i)
    nodes, vis_edges, *_ = net.get_network_data()
    return {
        "nodes": [
            {k: n[k] for k in ("id", "label", "color", "shape", "group", "size") if k in n}
            | {"facts": node_facts[n["id"]]}
            for n in nodes
        ],
        "edges": [
            {k: e[k] for k in ("id", "from", "to", "label", "dashes", "color", "width") if k in e}
            | {"fact": int(str(e["id"])[1:])}
            for e in vis_edges
        ],
        "facts": [
            {
                "subject": f.subject, "predicate": f.predicate, "object": f.object,
                "negated": f.negated, "modality": f.modality, "attributed_to": f.attributed_to,
                "evidence": f.evidence, "document": f.document, "object_qid": f.object_qid,
                "subject_qid": f.subject_qid, "date": f.event_date,
            }
            for f in facts
        ],  # fmt: skip
        "legend": [[t, TYPE_STYLE[t][0]] for t in TYPE_ORDER if t in set(types.values())
                   or t == "Concept"],  # fmt: skip
    }


def _safe_json(data: object) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def to_html(graph: Graph, *, title: str = "kg knowledge graph") -> str:
    """The explorer page as a string: no network access needed to open it."""
    js, css = _vis_assets()
    data = network_data(graph)
    page = TEMPLATE.replace("/*VIS_CSS*/", css).replace("/*VIS_JS*/", js.replace("</script", "<\\/script"))
    page = page.replace("/*DATA*/", _safe_json(data)).replace("/*TITLE*/", _html_escape(title))
    return page


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:;">
<title>/*TITLE*/</title>
<style>/*VIS_CSS*/</style>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; display: flex; height: 100vh; }
  #main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #bar { padding: 6px 10px; border-bottom: 1px solid #ddd; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  #graph { flex: 1; }
  #side { width: 360px; border-left: 1px solid #ddd; overflow: auto; padding: 10px; }
  .legend span { display: inline-block; margin-right: 10px; }
  .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }
  .fact { border-bottom: 1px solid #eee; padding: 6px 0; }
  .neg { color: #d62728; font-weight: bold; }
  .ev { color: #444; font-size: 12px; margin-top: 3px; }
  .ev mark { background: #fff2a8; }
  .meta { color: #888; font-size: 11px; }
  #tip { position: absolute; pointer-events: none; background: #fff; border: 1px solid #aaa; padding: 4px 6px; max-width: 420px; font-size: 12px; display: none; z-index: 10; }
</style>
</head>
<body>
<div id="main">
  <div id="bar">
    <strong>/*TITLE*/</strong>
    <input id="search" placeholder="Find an entity" list="names" size="24">
    <datalist id="names"></datalist>
    <span id="count" class="meta"></span>
    <span class="legend" id="legend"></span>
  </div>
  <div id="graph"></div>
</div>
<div id="side"><p class="meta">Click a node or an edge to see its facts and their evidence.</p><div id="panel"></div></div>
<div id="tip"></div>
<script type="application/json" id="kg-data">/*DATA*/</script>
<script>/*VIS_JS*/</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var el = function (tag, text, cls) { var e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; };
  var nodes = new vis.DataSet(data.nodes.map(function (n) { return {id: n.id, label: n.label, color: n.color, shape: n.shape, size: n.size, group: n.group}; }));
  var edges = new vis.DataSet(data.edges.map(function (e) { return {id: e.id, from: e.from, to: e.to, label: e.label, dashes: e.dashes, color: {color: e.color}, width: e.width, arrows: "to", font: {size: 10, align: "middle"}}; }));
  var byId = {}; data.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {}; data.edges.forEach(function (e) { edgeById[e.id] = e; });
  document.getElementById("count").textContent = data.nodes.length + " nodes, " + data.edges.length + " edges";
  var legend = document.getElementById("legend");
  data.legend.forEach(function (t) { var s = el("span"); var i = el("i"); i.style.background = t[1]; s.appendChild(i); s.appendChild(document.createTextNode(t[0])); legend.appendChild(s); });
  var names = document.getElementById("names");
  data.nodes.forEach(function (n) { var o = el("option"); o.value = n.label; names.appendChild(o); });
  var network = new vis.Network(document.getElementById("graph"), {nodes: nodes, edges: edges}, {
    physics: {solver: "forceAtlas2Based", stabilization: {iterations: 300}},
    interaction: {hover: true, tooltipDelay: 150},
    nodes: {font: {size: 14}}, edges: {smooth: {type: "dynamic"}}
  });
  window.kgNetwork = network;
  network.once("stabilizationIterationsDone", function () { network.setOptions({physics: false}); document.body.setAttribute("data-stable", "1"); });
  function factView(i) {
    var f = data.facts[i]; var d = el("div", undefined, "fact");
    var head = el("div");
    head.appendChild(el("b", f.subject)); head.appendChild(document.createTextNode(" "));
    if (f.negated) head.appendChild(el("span", "not ", "neg"));
    head.appendChild(el("i", f.predicate)); head.appendChild(document.createTextNode(" "));
    head.appendChild(el("b", f.object)); d.appendChild(head);
    var meta = [f.modality !== "asserted" ? f.modality : null, f.attributed_to ? "according to " + f.attributed_to : null, f.date, f.document].filter(Boolean).join(" \\u00b7 ");
    if (meta) d.appendChild(el("div", meta, "meta"));
    if (f.evidence) { var ev = el("div", undefined, "ev"); highlight(ev, f.evidence, [f.subject, f.object]); d.appendChild(ev); }
    ["subject_qid", "object_qid"].forEach(function (k) { if (f[k] && /^Q[0-9]+$/.test(f[k])) { var a = el("a", "Wikidata " + f[k]); a.href = "https://www.wikidata.org/wiki/" + f[k]; a.rel = "noopener"; a.target = "_blank"; d.appendChild(a); d.appendChild(document.createTextNode(" ")); } });
    return d;
  }
  function highlight(container, text, words) {
    var lower = text.toLowerCase(); var marks = [];
    words.forEach(function (w) { if (!w) return; var at = lower.indexOf(String(w).toLowerCase()); if (at >= 0) marks.push([at, at + String(w).length]); });
    marks.sort(function (a, b) { return a[0] - b[0]; }); var pos = 0;
    marks.forEach(function (m) { if (m[0] < pos) return; container.appendChild(document.createTextNode(text.slice(pos, m[0]))); container.appendChild(el("mark", text.slice(m[0], m[1]))); pos = m[1]; });
    container.appendChild(document.createTextNode(text.slice(pos)));
  }
  var panel = document.getElementById("panel");
  function show(title, factIds) {
    panel.textContent = ""; panel.appendChild(el("h3", title));
    factIds.forEach(function (i) { panel.appendChild(factView(i)); });
  }
  network.on("click", function (p) {
    if (p.nodes.length) { var n = byId[p.nodes[0]]; show(n.label + " (" + n.group + ")", n.facts); focus(n.id); }
    else if (p.edges.length) { var e = edgeById[p.edges[0]]; show(e.label, [e.fact]); }
  });
  function focus(id) {
    var keep = {}; keep[id] = true; network.getConnectedNodes(id).forEach(function (x) { keep[x] = true; });
    nodes.update(data.nodes.map(function (n) { return {id: n.id, opacity: keep[n.id] ? 1 : 0.25}; }));
  }
  var tip = document.getElementById("tip");
  network.on("hoverNode", function (p) { var n = byId[p.node]; tip.textContent = ""; tip.appendChild(el("b", n.label)); tip.appendChild(el("div", n.group, "meta")); var fs = n.facts.slice(0, 3); fs.forEach(function (i) { tip.appendChild(el("div", data.facts[i].evidence, "ev")); }); place(p.event); });
  network.on("hoverEdge", function (p) { var e = edgeById[p.edge]; var f = data.facts[e.fact]; tip.textContent = ""; tip.appendChild(el("b", (f.negated ? "not " : "") + f.predicate)); tip.appendChild(el("div", f.evidence, "ev")); place(p.event); });
  network.on("blurNode", function () { tip.style.display = "none"; });
  network.on("blurEdge", function () { tip.style.display = "none"; });
  function place(ev) { var x = ev && ev.center ? ev.center.x : (ev && ev.pageX) || 0, y = ev && ev.center ? ev.center.y : (ev && ev.pageY) || 0; tip.style.left = (x + 12) + "px"; tip.style.top = (y + 12) + "px"; tip.style.display = "block"; }
  document.getElementById("search").addEventListener("change", function (ev) {
    var q = ev.target.value.trim().toLowerCase(); if (!q) return;
    var hit = data.nodes.filter(function (n) { return n.label.toLowerCase() === q; })[0] || data.nodes.filter(function (n) { return n.label.toLowerCase().indexOf(q) >= 0; })[0];
    if (hit) { network.selectNodes([hit.id]); network.focus(hit.id, {scale: 1.2}); show(hit.label + " (" + hit.group + ")", hit.facts); focus(hit.id); document.body.setAttribute("data-selected", hit.id); }
  });
})();
</script>
</body>
</html>
"""
