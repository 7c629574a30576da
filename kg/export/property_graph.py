"""RDF graph -> a property graph (nodes and relationships with properties), and from it
Neo4j import CSVs with a Cypher loading script, and GraphML for Gephi and networkx.

Every statement becomes one relationship whose type is the predicate ("supplies") and
whose properties are the statement's qualifiers: negated, modality, attributedTo, date,
evidence and its offsets, article, extractor, confidence. A statement whose object is
text (a quote, a quantity) points to a ``Value`` node holding that text, so that the
property graph has the same facts as the RDF.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SKOS

from ..facts import FactRow, read_facts
from ..ontology import local_name
from ..rdf import KG_NS
from . import GraphData, write_atomic

CLASS_ORDER = ["Person", "Country", "Location", "Organization", "Group", "Weapon", "Product",
               "Event", "Agreement", "Work", "Position", "Concept", "Entity"]  # fmt: skip


@dataclass
class Node:
    id: str
    name: str
    type: str
    qid: str = ""
    aliases: str = ""
    labels: list[str] = field(default_factory=list)


@dataclass
class Rel:
    start: str
    end: str
    type: str
    props: dict[str, object]


REL_PROPS = ["statement", "negated", "modality", "attributedTo", "reportingVerb", "date",
             "evidence", "start", "end", "article", "extractor", "confidence"]  # fmt: skip


@dataclass
class NodeInfo:
    """What the exports show of a node besides its facts, read in one pass per property
    from the store's indexes (not one lookup per node)."""

    types: dict[str, str]  # the most specific kg class (a Weapon and Product is a Weapon)
    aliases: dict[str, list[str]]
    qids: dict[str, str]
    labels: dict[str, str]


def _values(store: ox.Store, predicate: object) -> dict[str, set[str]]:
    """Each IRI subject's values of one property."""
    out: dict[str, set[str]] = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None):
        if isinstance(q.subject, ox.NamedNode):
            out.setdefault(q.subject.value, set()).add(q.object.value)
    return out


def node_info(store: ox.Store) -> NodeInfo:
    types: dict[str, str] = {}
    for s, classes in _values(store, RDF.type).items():
        names = [n for n in map(local_name, classes) if n in CLASS_ORDER]
        if names:
            types[s] = min(names, key=CLASS_ORDER.index)
    aliases = {s: sorted(v) for s, v in _values(store, SKOS.altLabel).items()}
    qids = {s: min(v) for s, v in _values(store, KG_NS.wikidata).items()}
    labels = {s: min(v) for s, v in _values(store, RDFS.label).items()}
    return NodeInfo(types, aliases, qids, labels)


def node_info_of(results: Iterable, entities: Iterable) -> NodeInfo:
    """``node_info`` of the graph these pipeline results and entities make, for the nodes
    their facts name (entities and concepts), without making the graph (see
    ``facts.facts_of``; a test holds the two to the same answer)."""
    from ..facts import graph_text as clean
    from ..rdf import CLASS_OF, entity_iri

    types: dict[str, set[str]] = {}
    aliases: dict[str, list[str]] = {}
    qids: dict[str, str] = {}
    labels: dict[str, set[str]] = {}
    for ent in entities:
        iri = str(entity_iri(ent.key))
        types.setdefault(iri, set()).add(ent.type if ent.type in CLASS_OF else "Entity")
        label = clean(ent.label)
        labels.setdefault(iri, set()).add(label)
        named = {clean(a) for a in ent.aliases} - {label}
        if named:
            aliases[iri] = sorted(named)
        if ent.qid:
            qids[iri] = ent.qid
    for r in results:
        for f in r.facts:
            for m in (f.subject, f.obj, f.attributed_to):
                key = getattr(m, "key", None)
                if key and key.startswith(("concept:", "position:")):
                    iri = str(entity_iri(key))
                    # "position:rival" and "concept:rival" are one node, of both types
                    kind = "Position" if key.startswith("position:") else "Concept"
                    types.setdefault(iri, set()).add(kind)
                    labels.setdefault(iri, set()).add(clean(m.text))
    return NodeInfo({iri: min(v, key=CLASS_ORDER.index) for iri, v in types.items()}, aliases,
                    qids, {iri: min(v) for iri, v in labels.items()})  # fmt: skip


def as_store(source: Graph | ox.Store) -> ox.Store:
    return source if isinstance(source, ox.Store) else GraphData.of(source).store


def property_graph(
    source: Graph | ox.Store, facts: list[FactRow] | None = None
) -> tuple[list[Node], list[Rel]]:
    """Nodes and relationships, sorted, from a graph kg wrote."""
    store = as_store(source)
    facts = read_facts(store) if facts is None else facts
    info = node_info(store)
    nodes: dict[str, Node] = {}

    def node(iri: str, name: str) -> None:
        if iri in nodes:
            return
        t = info.types.get(iri, "Concept")
        aliases = info.aliases.get(iri, [])
        labels = ["Node", t] + (["Entity"] if t not in {"Concept", "Position", "Value"} else [])
        nodes[iri] = Node(iri, name, t, info.qids.get(iri, ""), "|".join(aliases),
                          sorted(set(labels), key=labels.index))  # fmt: skip

    rels: list[Rel] = []
    for f in facts:
        node(f.subject_id or "", f.subject)
        if f.object_id:
            node(f.object_id, f.object)
            end = f.object_id
        else:
            end = f"{f.statement}-value"
            nodes[end] = Node(end, f.object, "Value", labels=["Node", "Value"])
        rels.append(Rel(f.subject_id or "", end, f.predicate, {
            "statement": f.statement, "negated": f.negated, "modality": f.modality,
            "attributedTo": f.attributed_to or "", "reportingVerb": f.reporting_verb or "",
            "date": f.date or "", "evidence": f.evidence, "start": f.start, "end": f.end,
            "article": f.document or "", "extractor": f.extractor,
            "confidence": f.confidence if f.confidence is not None else 0.0,
        }))  # fmt: skip
    # entities no statement mentions still belong in the graph
    for iri, t in sorted(info.types.items()):
        if t not in {"Concept", "Position"} and iri not in nodes:
            label = info.labels.get(iri)
            if label is not None and "/entity/" in iri:
                node(iri, label)
    rels.sort(key=lambda r: (r.start, r.type, r.end, str(r.props["statement"])))
    return [nodes[k] for k in sorted(nodes)], rels


def _csv(rows: list[list[object]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        w.writerow(["true" if v is True else "false" if v is False else v for v in row])
    return buf.getvalue()


NODE_HEADER = ["id:ID", "name", "type", "qid", "aliases", ":LABEL"]
REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "statement", "negated:boolean", "modality",
              "attributedTo", "reportingVerb", "date", "evidence", "start:int", "end:int",
              "article", "extractor", "confidence:float"]  # fmt: skip


def to_neo4j_csv(nodes: list[Node], rels: list[Rel]) -> tuple[str, str]:
    """(nodes.csv, relationships.csv) in the neo4j-admin database import format."""
    n_rows: list[list[object]] = [list(NODE_HEADER)]
    for n in nodes:
        n_rows.append([n.id, n.name, n.type, n.qid, n.aliases, ";".join(n.labels)])
    r_rows: list[list[object]] = [list(REL_HEADER)]
    for r in rels:
        r_rows.append([r.start, r.end, r.type] + [r.props[k] for k in REL_PROPS])
    return _csv(n_rows), _csv(r_rows)


def _ident(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def to_cypher(nodes: list[Node], rels: list[Rel]) -> str:
    """A Cypher script that loads nodes.csv and relationships.csv with LOAD CSV (put them
    in Neo4j's import folder) and creates the constraints."""
    lines = [
        "// kg: load the property-graph export into Neo4j (5.x).",
        "// Copy nodes.csv and relationships.csv into Neo4j's import folder, then run:",
        "//   cypher-shell -f load.cypher",
        "CREATE CONSTRAINT kg_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;",
        "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row",
        "MERGE (n:Node {id: row.`id:ID`})",
        "SET n.name = row.name, n.type = row.type, n.qid = row.qid, n.aliases = row.aliases;",
    ]
    for t in sorted({n.type for n in nodes}):
        lines.append(f"MATCH (n:Node {{type: '{t}'}}) SET n:{_ident(t)};")
    entity_types = sorted({n.type for n in nodes if "Entity" in n.labels})
    if entity_types:
        quoted = ", ".join(f"'{t}'" for t in entity_types)
        lines.append(f"MATCH (n:Node) WHERE n.type IN [{quoted}] SET n:Entity;")
    for t in sorted({r.type for r in rels}):
        lines += [
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{t}'",
            "MATCH (a:Node {id: row.`:START_ID`}), (b:Node {id: row.`:END_ID`})",
            f"CREATE (a)-[r:{_ident(t)}]->(b)",
            "SET r.statement = row.statement, r.negated = toBoolean(row.`negated:boolean`),",
            "    r.modality = row.modality, r.attributedTo = row.attributedTo,",
            "    r.reportingVerb = row.reportingVerb, r.date = row.date,",
            "    r.evidence = row.evidence,",
            "    r.start = toInteger(row.`start:int`), r.end = toInteger(row.`end:int`),",
            "    r.article = row.article, r.extractor = row.extractor,",
            "    r.confidence = toFloat(row.`confidence:float`);",
        ]
    return "\n".join(lines) + "\n"


def write_neo4j(graph: Graph | ox.Store, folder: str | Path) -> Path:
    """nodes.csv, relationships.csv and load.cypher in FOLDER."""
    folder = Path(folder)
    nodes, rels = property_graph(graph)
    n_csv, r_csv = to_neo4j_csv(nodes, rels)
    write_atomic(folder / "nodes.csv", n_csv)
    write_atomic(folder / "relationships.csv", r_csv)
    write_atomic(folder / "load.cypher", to_cypher(nodes, rels))
    return folder


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value: object) -> object:
    """XML 1.0 cannot hold most control characters, even escaped: drop them."""
    return _XML_INVALID.sub("", value) if isinstance(value, str) else value


def to_graphml(graph: Graph | ox.Store) -> str:
    """GraphML with the attribute types Gephi reads (string, boolean, int, double)."""
    import networkx as nx

    nodes, rels = property_graph(graph)
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(_xml_safe(n.id), label=_xml_safe(n.name), type=n.type, qid=n.qid,
                   aliases=_xml_safe(n.aliases))  # fmt: skip
    for r in rels:
        props = {k: _xml_safe("" if v is None else v) for k, v in r.props.items()}
        props["start"] = int(props["start"] or 0)
        props["end"] = int(props["end"] or 0)
        props["confidence"] = float(props["confidence"] or 0.0)
        g.add_edge(_xml_safe(r.start), _xml_safe(r.end), key=str(r.props["statement"]),
                   predicate=r.type,
                   label=("not " if r.props["negated"] else "") + r.type, **props)  # fmt: skip
    text = "\n".join(nx.generate_graphml(g, prettyprint=True))
    return re.sub(r"\s+\n", "\n", text) + "\n"
