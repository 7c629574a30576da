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

import pyoxigraph as ox
from rdflib import Graph

from ..facts import FactRow, read_facts

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

# The side panel's first part: the facts that say who or what an entity is, grouped by
# what they point to. (title, predicate, the end of the fact the selected node is on)
SECTIONS = [
    ("Positions", "holdsPosition", "subject"),  # "Acme chief executive Jane Roe"
    ("Affiliations", "affiliatedWith", "subject"),  # her employer, party, club, country
    ("People", "affiliatedWith", "object"),  # who works for, plays for, comes from it
    ("Held by", "holdsPosition", "object"),
    ("Based here", "basedIn", "object"),
    ("Operating here", "operatesIn", "object"),
    ("Located here", "locatedIn", "object"),
]
PAST_RULE = "former-"  # the roles extractor's rules for a past role: "former Chancellor X"


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib"
    versions = sorted(lib.glob("vis-*/vis-network.min.js"))
    js = versions[-1]
    return js.read_text(encoding="utf-8"), (js.parent / "vis-network.css").read_text(
        encoding="utf-8"
    )


LAYOUT_THRESHOLD = 400  # above this many nodes, positions are computed in Python


def network_data(graph: Graph | ox.Store, facts: list[FactRow] | None = None, *,
                 max_nodes: int | None = None) -> dict:  # fmt: skip
    """Nodes, edges and facts for the page, built through pyvis's network model.

    With ``max_nodes``, only the most connected nodes are kept (ties broken by IRI) and
    the page says how many were left out. Above LAYOUT_THRESHOLD nodes the layout is
    computed here with networkx (seeded, so deterministic) and physics is off, so that the
    page is usable at once instead of simulating thousands of bodies.
    """
    from pyvis.network import Network

    from .property_graph import as_store, node_info

    store = as_store(graph)
    facts = read_facts(store) if facts is None else facts
    info = node_info(store)
    types = info.types
    labels: dict[str, str] = {}
    degree: dict[str, int] = defaultdict(int)
    for f in facts:
        labels.setdefault(f.subject_id or "", f.subject)
        if f.object_id:
            labels.setdefault(f.object_id, f.object)
            degree[f.subject_id or ""] += 1
            degree[f.object_id] += 1
    kept = set(labels)
    if max_nodes is not None and len(labels) > max_nodes:
        ranked = sorted(labels, key=lambda iri: (-degree[iri], iri))
        kept = set(ranked[:max_nodes])
    shown = [i for i, f in enumerate(facts) if (f.subject_id or "") in kept
             and (not f.object_id or f.object_id in kept)]  # fmt: skip
    node_facts: dict[str, list[int]] = defaultdict(list)
    for i in shown:
        f = facts[i]
        node_facts[f.subject_id or ""].append(i)
        if f.object_id:
            node_facts[f.object_id].append(i)
    net = Network(directed=True, cdn_resources="in_line")
    for iri in sorted(kept):
        t = types.get(iri, "Concept")
        colour, shape = TYPE_STYLE.get(t, TYPE_STYLE["Entity"])
        net.add_node(
            iri, label=labels[iri], color=colour, shape=shape, kgtype=t,
            size=10 + 4 * min(degree[iri], 10), font={"size": 14},
        )  # fmt: skip
    for i in shown:
        f = facts[i]
        if not f.object_id or not f.subject_id:
            continue
        net.add_edge(
            f.subject_id, f.object_id, label=("not " if f.negated else "") + f.predicate,
            id=f"e{i}", dashes=bool(f.negated or f.modality != "asserted"),
            color="#d62728" if f.negated else "#7f7f7f", width=2 if f.negated else 1,
        )  # fmt: skip
    nodes, vis_edges, *_ = net.get_network_data()
    sections = _sections(facts, kept)
    positions = _layout(nodes, vis_edges) if len(nodes) > LAYOUT_THRESHOLD else {}
    out_nodes = []
    for n in nodes:
        node = {k: n[k] for k in ("id", "label", "color", "shape", "size") if k in n}
        node["group"] = n["kgtype"]  # (pyvis drops a colour given with "group")
        node["facts"] = node_facts[n["id"]]
        node["aliases"] = info.aliases.get(n["id"], [])
        node["sections"] = sections.get(n["id"], [])
        if n["id"] in info.qids:
            node["qid"] = info.qids[n["id"]]
        if n["id"] in positions:
            node["x"], node["y"] = positions[n["id"]]
        out_nodes.append(node)
    return {
        "nodes": out_nodes,
        "edges": [
            {k: e[k] for k in ("id", "from", "to", "label", "dashes", "color", "width") if k in e}
            | {"fact": int(str(e["id"])[1:])}
            for e in vis_edges
        ],
        "facts": [
            {
                "subject": f.subject,
                "predicate": f.predicate,
                "object": f.object,
                "negated": f.negated,
                "former": (f.rule or "").startswith(PAST_RULE),
                "modality": f.modality,
                "attributed_to": f.attributed_to,
                "evidence": f.evidence,
                "document": f.document,
                "title": f.article_title,
                "object_qid": f.object_qid,
                "subject_qid": f.subject_qid,
                "date": f.date,
            }
            for f in facts
        ],  # fmt: skip
        "legend": [
            [t, TYPE_STYLE[t][0]] for t in TYPE_ORDER if t in set(types.values()) or t == "Concept"
        ],  # fmt: skip
        "total_nodes": len(labels),
        "left_out": len(labels) - len(kept),
        "layout": "seeded" if positions else "physics",
    }


def _sections(facts: list[FactRow], kept: set[str]) -> dict[str, list[dict]]:
    """node -> its SECTIONS that have facts: {"title", "rows"}, a row being the facts
    (indices into ``facts``, every fact, also those left out of the drawing) that link the
    node to one other node with the same polarity, modality and tense, in the order the
    articles state them. ``node`` is the other end, or None when it is not drawn.

    >>> from kg.facts import FactRow
    >>> f = FactRow("Jane Roe", "holdsPosition", "chief executive", False,
    ...             subject_id="urn:x:jane", object_id="urn:x:ceo")
    >>> _sections([f, f], {"urn:x:jane"})["urn:x:jane"]
    [{'title': 'Positions', 'rows': [{'node': None, 'facts': [0, 1], 'label': 'chief executive'}]}]
    """
    rows: dict[tuple[str, int], dict[tuple, list[int]]] = defaultdict(dict)
    for i, f in enumerate(facts):
        if not f.object_id or not f.subject_id:
            continue
        ends = {"subject": (f.subject_id, f.object_id), "object": (f.object_id, f.subject_id)}
        for k, (_, predicate, end) in enumerate(SECTIONS):
            if f.predicate == predicate:
                node, other = ends[end]
                key = (other, f.negated, f.modality, (f.rule or "").startswith(PAST_RULE))
                rows[node, k].setdefault(key, []).append(i)
    out: dict[str, list[dict]] = defaultdict(list)
    for (node, k), groups in sorted(rows.items()):
        out[node].append({"title": SECTIONS[k][0], "rows": [
            {"node": key[0] if key[0] in kept else None, "facts": ids,
             "label": facts[ids[0]].object if key[0] == facts[ids[0]].object_id
             else facts[ids[0]].subject}
            for key, ids in groups.items()]})  # fmt: skip
    return out


def _layout(nodes: list[dict], edges: list[dict]) -> dict[str, tuple[int, int]]:
    """Deterministic spectral positions, scaled to screen units."""
    import networkx as nx
    import scipy.linalg

    order = [n["id"] for n in nodes]
    g = nx.Graph()
    g.add_nodes_from(order)
    g.add_edges_from((e["from"], e["to"]) for e in edges)
    if g.number_of_edges():
        # spectral positions (the Laplacian's 2nd and 3rd eigenvectors) are cheap, and the
        # browser's Barnes-Hut physics relaxes them in a few hundred steps (a full force
        # layout in Python takes tens of seconds for a few thousand nodes). LAPACK's dense
        # solver, not networkx's spectral_layout: above 500 nodes that starts ARPACK from
        # a random vector, and the page changed from run to run
        lap = nx.laplacian_matrix(g, nodelist=order, weight=None).toarray().astype(float)
        _, vecs = scipy.linalg.eigh(lap, subset_by_index=[1, 2])
        pos = dict(zip(order, nx.rescale_layout(vecs, scale=1), strict=True))
    else:
        pos = nx.circular_layout(g)
    scale = 40 * len(nodes) ** 0.5
    return {k: (round(float(x) * scale), round(float(y) * scale)) for k, (x, y) in pos.items()}


def _safe_json(data: object) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def to_html(
    graph: Graph | ox.Store, *, title: str = "kg knowledge graph", max_nodes: int | None = None
) -> str:
    """The explorer page as a string: no network access needed to open it."""
    js, css = _vis_assets()
    template = TEMPLATE_PATH.read_text(encoding="utf-8")
    data = network_data(graph, max_nodes=max_nodes)
    page = template.replace("/*VIS_CSS*/", css).replace(
        "/*VIS_JS*/", js.replace("</script", "<\\/script")
    )
    page = page.replace("/*DATA*/", _safe_json(data)).replace("/*TITLE*/", _html_escape(title))
    return page


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


TEMPLATE_PATH = Path(__file__).with_name("explorer.html")
