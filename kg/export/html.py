"""Graph -> one self-contained, offline HTML page to explore relationships.

The page is kg's own template with vis-network inlined (pyvis's template fetches
Bootstrap and vis from CDNs, and renders node titles as HTML). All text reaches the page
as JSON inside a data block and is put on screen with ``textContent``: a label such as
``<img src=x onerror=alert(1)>`` shows as text.

A one-article graph opens whole. A corpus opens on its most connected entities and is
explored from there (``explorer.js``): search, expand and collapse, paths, a facts table
in step with the graph, filters and a histogram of dates.

``kg build -o`` embeds the graph (one offline file); ``kg serve`` embeds a corpus's
overview only (``served``) and answers the page's requests for a node's neighbourhood
(``neighbourhood_data``) and for names (``NodeIndex``), so the page stays small.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph

from ..facts import FactRow, read_facts

if TYPE_CHECKING:
    from .property_graph import NodeInfo

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
    ("Former affiliations", "formerlyAffiliatedWith", "subject"),  # "former Acme chief X"
    ("People", "affiliatedWith", "object"),  # who works for, plays for, comes from it
    ("Former people", "formerlyAffiliatedWith", "object"),
    ("Held by", "holdsPosition", "object"),
    ("Based here", "basedIn", "object"),
    ("Operating here", "operatesIn", "object"),
    ("Located here", "locatedIn", "object"),
]
PAST_RULE = "former-"  # the roles extractor's rules for a past role: "former Chancellor X"


def _vis_assets() -> tuple[str, str]:
    """vis-network as pyvis ships it (minified, its licence in the file's banner)."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib"
    versions = sorted(lib.glob("vis-*/vis-network.min.js"))
    js = versions[-1]
    return js.read_text(encoding="utf-8"), (js.parent / "vis-network.css").read_text(
        encoding="utf-8"
    )


# A graph this small opens whole, as the one-article view always did; a larger one opens
# on an overview of its most connected entities, to be explored from a search or a click
# (drawn at once, 1,500 nodes of a 300-article corpus were an unlabelled picture).
OPEN_WHOLE = 150
OVERVIEW_SIZE = 40
NOT_IN_OVERVIEW = {"Concept", "Position"}  # free phrases and job titles: not "who"


def network_data(graph: Graph | ox.Store | None, facts: list[FactRow] | None = None, *,
                 max_nodes: int | None = None, served: bool = False,
                 info: NodeInfo | None = None) -> dict:  # fmt: skip
    """Nodes, edges (one per pair, relation and polarity, with its facts) and facts for the
    page, and the nodes it opens on.

    With ``max_nodes``, only the most connected nodes are kept (ties broken by IRI) and
    the page says how many were left out. The browser lays out only what it draws (the
    opening view, then what the user expands), so no layout is computed here.

    ``served`` (a corpus-size graph, for ``kg serve``): only the overview's nodes and the
    facts between them, with the statements' IRIs; the page asks the server for the rest
    (``neighbourhood_data``). Its filters and histogram come from ``catalogue``.
    """
    from .property_graph import as_store, node_info

    if facts is None or info is None:  # else the graph is not needed (a build gives both)
        store = as_store(graph)  # type: ignore[arg-type]
        facts = read_facts(store) if facts is None else facts
        info = node_info(store) if info is None else info
    labels, degree = _labels_and_degrees(facts)
    ranked = sorted(labels, key=lambda iri: (-degree[iri], iri))
    kept = set(ranked[:max_nodes] if max_nodes is not None else ranked)
    opening = [i for i in ranked if i in kept]
    overview = len(kept) > OPEN_WHOLE
    if overview:
        opening = [i for i in opening if info.types.get(i, "Concept") not in NOT_IN_OVERVIEW]
        opening = opening[:OVERVIEW_SIZE]
    extra: dict = {}
    if served and overview:
        kept = set(opening)
        extra = {"served": True, "catalogue": catalogue(facts)}
        facts = [f for f in facts if f.subject_id in kept and f.object_id in kept]
        extra["statements"] = [f.statement for f in facts]
    return _assemble(facts, kept, labels, degree, info.types, info.aliases, info.qids,
                     sections=not extra) | extra | {
        "legend": [
            [t, TYPE_STYLE[t][0]] for t in TYPE_ORDER
            if t in set(info.types.values()) or t == "Concept"
        ],
        "opening": sorted(opening),
        "overview": overview,
        "total_nodes": len(labels),
        "left_out": len(labels) - len(kept) if not extra else 0,
    }  # fmt: skip


def _labels_and_degrees(facts: list[FactRow]) -> tuple[dict[str, str], dict[str, int]]:
    """Each node's label (the first its facts give) and how many facts link it to a node."""
    labels: dict[str, str] = {}
    degree: dict[str, int] = defaultdict(int)
    for f in facts:
        labels.setdefault(f.subject_id or "", f.subject)
        if f.object_id:
            labels.setdefault(f.object_id, f.object)
            degree[f.subject_id or ""] += 1
            degree[f.object_id] += 1
    return labels, degree


def _assemble(facts: list[FactRow], kept: set[str], labels: dict[str, str],
              degree: dict[str, int], types: dict[str, str], aliases: dict[str, list[str]],
              qids: dict[str, str], *, sections: bool | set[str] = True) -> dict:  # fmt: skip
    """The nodes in ``kept``, the edges between them and all ``facts``; the side panel's
    sections for every node (``True``), none, or the nodes in a set."""
    shown = [i for i, f in enumerate(facts) if (f.subject_id or "") in kept
             and (not f.object_id or f.object_id in kept)]  # fmt: skip
    node_facts: dict[str, list[int]] = defaultdict(list)
    grouped: dict[tuple, list[int]] = {}
    for i in shown:
        f = facts[i]
        node_facts[f.subject_id or ""].append(i)
        if f.object_id:
            node_facts[f.object_id].append(i)
            key = (f.subject_id, f.object_id, f.predicate, f.negated)
            grouped.setdefault(key, []).append(i)
    roles = _sections(facts, kept) if sections else {}
    if sections is not True:
        roles = {k: v for k, v in roles.items() if k in (sections or ())}
    out_nodes = []
    for iri in sorted(kept):
        t = types.get(iri, "Concept")
        colour, shape = TYPE_STYLE.get(t, TYPE_STYLE["Entity"])
        node = {"id": iri, "label": labels[iri], "group": t, "color": colour, "shape": shape,
                "size": min(24, round(8 + 2 * math.log2(1 + degree[iri]))), "degree": degree[iri],
                "facts": node_facts[iri], "aliases": aliases.get(iri, []),
                "sections": roles.get(iri, [])}  # fmt: skip
        if iri in qids:
            node["qid"] = qids[iri]
        out_nodes.append(node)
    return {
        "nodes": out_nodes,
        "edges": [_edge(facts, ids) for ids in sorted(grouped.values())],
        "facts": [_fact(f) for f in facts],
    }


def catalogue(facts: list[FactRow]) -> dict:
    """What the served page's filters and histogram offer, for the whole graph (the page
    holds only what it has fetched): relations, modalities, articles, facts by month."""
    months: dict[str, int] = defaultdict(int)
    for f in facts:
        if f.date and re.match(r"\d{4}-\d{2}", f.date):
            months[f.date[:7]] += 1
    articles = {f.document: f.article_title or f.document for f in facts if f.document}
    return {
        "relations": sorted({f.predicate for f in facts}),
        "modalities": sorted({f.modality for f in facts}),
        "articles": sorted([d, t] for d, t in articles.items()),
        "months": dict(sorted(months.items())),
    }


@dataclass
class NodeIndex:
    """What ``kg serve`` keeps of every node once its page is made: the search box's
    suggestions and the attributes of the nodes a neighbourhood brings (the facts
    themselves are read from the store on demand)."""

    label: dict[str, str]
    group: dict[str, str]
    degree: dict[str, int]
    aliases: dict[str, list[str]]
    qids: dict[str, str]
    names: list[tuple[str, str, str]]  # (lower-case name, name, node), most connected first

    @classmethod
    def of(cls, graph: Graph | ox.Store, facts: list[FactRow],
           info: NodeInfo | None = None) -> NodeIndex:  # fmt: skip
        from .property_graph import as_store, node_info

        info = node_info(as_store(graph)) if info is None else info
        labels, degree = _labels_and_degrees(facts)
        names = [(n.lower(), n, iri) for iri, label in labels.items()
                 for n in [label, *info.aliases.get(iri, [])]]  # fmt: skip
        names.sort(key=lambda x: (-degree[x[2]], x[0], x[2]))
        group = {iri: info.types.get(iri, "Concept") for iri in labels}
        return cls(labels, group, dict(degree), info.aliases, info.qids, names)

    def suggest(self, q: str, limit: int = 10) -> list[dict]:
        """Names that start with ``q``, then those with a word that does, then those that
        hold it; one per node, most connected first (as the offline page's search)."""
        q = q.strip().lower()
        if not q:
            return []
        starts: list = []
        words: list = []
        inside: list = []
        seen: set[str] = set()
        for key, text, iri in self.names:
            at = key.find(q)
            if iri in seen or at < 0:
                continue
            (starts if at == 0 else words if key[at - 1] == " " else inside).append((text, iri))
            seen.add(iri)
            if len(starts) >= limit:
                break
        return [{"id": iri, "text": text, "label": self.label[iri], "group": self.group[iri],
                 "degree": self.degree.get(iri, 0)}
                for text, iri in (starts + words + inside)[:limit]]  # fmt: skip


def neighbourhood_data(centre: str, facts: list[FactRow], index: NodeIndex) -> dict:
    """A node's facts (``facts_about_query``'s answer) and the nodes at their other ends,
    packed as the page embeds its data, with the statements' IRIs: the served page adds
    them to what it holds. Nodes keep their label, type and degree in the whole graph."""
    kept = {x for f in facts for x in (f.subject_id, f.object_id) if x in index.label}
    kept.add(centre)
    data = _assemble(facts, kept, index.label, index.degree, index.group, index.aliases,
                     index.qids, sections={centre})  # fmt: skip
    return pack(data) | {"statements": [f.statement for f in facts], "centre": centre}


def _edge(facts: list[FactRow], ids: list[int]) -> dict:
    """One drawn edge: the facts that link the same two nodes by the same relation with the
    same polarity ("Chile supports Peru" in three articles is one line, labelled x3)."""
    f = facts[ids[0]]
    label = ("not " if f.negated else "") + f.predicate
    return {
        "id": f"e{ids[0]}", "from": f.subject_id, "to": f.object_id,
        "label": label + (f" \u00d7{len(ids)}" if len(ids) > 1 else ""),
        "dashes": bool(f.negated or all(facts[i].modality != "asserted" for i in ids)),
        "color": "#d62728" if f.negated else "#7f7f7f", "width": 2 if f.negated else 1,
        "fact": ids[0], "facts": ids,
    }  # fmt: skip


def _fact(f: FactRow) -> dict:
    return {
        "subject": f.subject, "predicate": f.predicate, "object": f.object,
        "negated": f.negated, "former": (f.rule or "").startswith(PAST_RULE),
        "modality": f.modality, "attributed_to": f.attributed_to, "evidence": f.evidence,
        "document": f.document, "title": f.article_title, "object_qid": f.object_qid,
        "subject_qid": f.subject_qid, "date": f.date,
    }  # fmt: skip


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


# The page's copy of network_data, as rows of values instead of objects with keys: on the
# full BBC corpus the keys, colours and article titles repeated per fact were half the file
# (30 MB -> see benchmarks/RESULTS.md). explorer.js unpacks it into network_data's shape.
FACT_KEYS = ["subject", "predicate", "object", "negated", "former", "modality", "attributed_to",
             "evidence", "document", "object_qid", "subject_qid", "date"]  # fmt: skip
# (a packed fact's "document" is the number of its [document, title] pair in "articles")
NODE_KEYS = ["id", "label", "group", "size", "degree", "facts", "aliases", "sections", "qid"]


def pack(data: dict) -> dict:
    """network_data -> the smaller form the page embeds (the same content).

    >>> pack({"nodes": [], "edges": [], "facts": []})["packed"]["facts"]
    []
    """
    index = {n["id"]: i for i, n in enumerate(data["nodes"])}
    articles: dict[tuple, int] = {}  # (document, title) -> its number
    facts = []
    for f in data["facts"]:
        row = [int(v) if isinstance(v, bool) else v for v in (f[k] for k in FACT_KEYS)]
        row[FACT_KEYS.index("document")] = articles.setdefault((f["document"], f["title"]),
                                                               len(articles))  # fmt: skip
        facts.append(row)
    packed = {
        "fact_keys": FACT_KEYS, "node_keys": NODE_KEYS, "articles": [list(a) for a in articles],
        "facts": facts, "nodes": [[n.get(k) for k in NODE_KEYS] for n in data["nodes"]],
        "edges": [[index[e["from"]], index[e["to"]], int(e["dashes"]), e["facts"]]
                  for e in data["edges"]],
    }  # fmt: skip
    rest = {k: v for k, v in data.items() if k not in {"nodes", "edges", "facts"}}
    return rest | {"packed": packed, "styles": {t: list(v) for t, v in TYPE_STYLE.items()}}


def _safe_json(data: object) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# The offline file may fetch nothing; the page kg serve sends may ask its own server
CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:;"
SERVED_CSP = CSP + " connect-src 'self';"


def to_html(
    graph: Graph | ox.Store | None,
    *,
    title: str = "kg knowledge graph",
    max_nodes: int | None = None,
    data: dict | None = None,
    served: bool = False,
) -> str:
    """The explorer page as a string: no network access needed to open it (``served``:
    the overview only, the rest fetched from ``kg serve``; ``data``: network_data already
    made)."""
    js, css = _vis_assets()
    here = TEMPLATE_PATH.parent
    page = TEMPLATE_PATH.read_text(encoding="utf-8")
    if data is None:
        data = network_data(graph, max_nodes=max_nodes, served=served)
    parts = {
        "/*CSP*/": SERVED_CSP if data.get("served") else CSP,
        "/*VIS_CSS*/": css,
        "/*KG_CSS*/": (here / "explorer.css").read_text(encoding="utf-8"),
        "/*VIS_JS*/": js.replace("</script", "<\\/script"),
        "/*KG_JS*/": (here / "explorer.js").read_text(encoding="utf-8"),
        "/*DATA*/": _safe_json(pack(data)),
        "/*TITLE*/": _html_escape(title),
    }
    # one pass, so that no part's text is searched for the placeholders of the next
    pattern = re.compile("|".join(re.escape(k) for k in parts))
    return pattern.sub(lambda m: parts[m.group(0)], page)


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


TEMPLATE_PATH = Path(__file__).with_name("explorer.html")
