"""A graph kg wrote -> its facts, read back from the RDF statements.

What ``kg facts`` prints is what the Turtle says: subject, predicate and object labels,
polarity, modality, attribution and evidence of every ``kg:Statement``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import pyoxigraph as ox
from rdflib import Graph

from .ontology import local_name
from .query import table

FACTS_QUERY = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?st ?s ?sl ?sq ?p ?o ?ol ?oq ?neg ?mod ?att ?attl ?verb ?ev ?start ?end ?ex ?conf ?doc
       ?date ?art ?artdate ?nyes ?nno ?contra ?title ?rule ?found
WHERE {
  #ABOUT
  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?s rdfs:label ?sl }
  OPTIONAL { ?s kg:wikidata ?sq }
  OPTIONAL { ?o rdfs:label ?ol }
  OPTIONAL { ?o kg:wikidata ?oq }
  OPTIONAL { ?st kg:negated ?neg }
  OPTIONAL { ?st kg:modality ?mod }
  OPTIONAL { ?st kg:attributedTo ?att . OPTIONAL { ?att rdfs:label ?attl } }
  OPTIONAL { ?st kg:reportingVerb ?verb }
  OPTIONAL { ?st kg:evidence ?ev }
  OPTIONAL { ?st kg:startChar ?start }
  OPTIONAL { ?st kg:endChar ?end }
  OPTIONAL { ?st kg:extractor ?ex }
  OPTIONAL { ?st kg:rule ?rule }
  OPTIONAL { SELECT ?st (GROUP_CONCAT(?fb; separator=" ") AS ?found)
             WHERE { ?st kg:foundBy ?fb } GROUP BY ?st }
  OPTIONAL { ?st kg:confidence ?conf }
  OPTIONAL { ?st prov:wasDerivedFrom ?art . OPTIONAL { ?art dcterms:identifier ?doc }
             OPTIONAL { ?art dcterms:date ?artdate } OPTIONAL { ?art dcterms:title ?title } }
  OPTIONAL { ?st kg:eventDate ?date }
  OPTIONAL { ?st kg:claim ?claim . ?claim kg:assertedIn ?nyes ; kg:deniedIn ?nno ;
             kg:contradicted ?contra }
}
"""


@dataclass
class FactRow:
    """One fact as users and scripts see it (the keys of ``kg facts --format jsonl``)."""

    subject: str
    predicate: str
    object: str
    negated: bool
    modality: str = "asserted"
    attributed_to: str | None = None
    reporting_verb: str | None = None
    subject_id: str | None = None
    object_id: str | None = None
    subject_qid: str | None = None
    object_qid: str | None = None
    evidence: str = ""
    start: int | None = None
    end: int | None = None
    extractor: str = ""
    confidence: float | None = None
    rule: str | None = None  # the construction inside the extractor
    found_by: list[str] | None = None  # every extractor that read the fact
    document: str | None = None
    event_date: str | None = None
    doc: str | None = None  # the article's IRI
    date: str | None = None  # the fact's event date, else the article's date
    articles: int | None = None  # how many articles state this fact with this polarity
    contradicted: bool = False  # asserted in one article, negated in another
    article_title: str | None = None
    statement: str = ""


def _s(t: ox.NamedNode | ox.Literal | None) -> str | None:
    return None if t is None else t.value


def _true(t: ox.Literal | None) -> bool:
    return t is not None and t.value in {"true", "1"}


def _count(r) -> int | None:
    if r.nyes is None:
        return None
    return int(r.nno.value) if _true(r.neg) else int(r.nyes.value)


def _rows(source: object):
    """FACTS_QUERY's solutions, as pyoxigraph terms, from an rdflib graph or a store."""
    from types import SimpleNamespace

    from .store import in_memory_store, keep, select

    if isinstance(source, Graph):
        # rdflib's engine takes seconds on this query over thousands of statements;
        # Oxigraph answers in milliseconds, with the same results
        source = in_memory_store(source)
    # pyoxigraph's terms as they are: an rdflib term per value cost more than the query
    variables, rows = select(source, FACTS_QUERY, convert=keep)  # type: ignore[arg-type]
    for row in rows:
        yield SimpleNamespace(**dict(zip(variables, row, strict=True)))


def facts_about_query(iri: str) -> str:
    """FACTS_QUERY for the statements one node is the subject or object of, bound to it
    (``kg serve`` answers a neighbourhood with it). The IRI is checked by pyoxigraph and
    written as an N-Triples term.

    Oxigraph evaluates a subquery, and a group it cannot bind from the left, on its own
    and joins the results after: the binding goes first, and into the extractors'
    subquery and the claims' group too, or they read every statement (2-4 s on the full
    corpus, whatever the node; bound, a few ms)."""
    node = ox.NamedNode(iri)

    def about(v: str) -> str:
        return f"VALUES ?{v} {{ rdf:subject rdf:object }} ?st ?{v} {node} ."

    query = FACTS_QUERY.replace("#ABOUT", about("at"))
    for group in ("WHERE { ?st kg:foundBy ?fb }", "OPTIONAL { ?st kg:claim ?claim ."):
        assert group in query
        head, _, rest = group.partition("?st")
        query = query.replace(group, f"{head}{about('at2')} ?st{rest}")
    return query


def facts_from_results(body: bytes) -> list[FactRow]:
    """FACTS_QUERY's answer as SPARQL JSON (from a query worker) -> its facts."""
    from types import SimpleNamespace

    res = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    names = [v.value for v in res.variables]
    return _to_facts(SimpleNamespace(**{k: sol[k] for k in names}) for sol in res)


def read_facts(graph: Graph | object) -> list[FactRow]:
    """Every statement in the graph (or store) as a FactRow, sorted by document and position."""
    return _to_facts(_rows(graph))


def _to_facts(solutions) -> list[FactRow]:
    rows: dict[str, FactRow] = {}
    # a node may have several labels (a concept named differently in two articles): sort
    # the solutions, so the label kept depends on the graph's content, not its load order
    solutions = sorted(solutions, key=lambda r: tuple("" if v is None else v.value
                                                      for v in vars(r).values()))  # fmt: skip
    for r in solutions:
        st = r.st.value
        if st in rows:
            continue  # a statement with several labels: keep the first
        obj_is_literal = isinstance(r.o, ox.Literal)
        rows[st] = FactRow(
            subject=r.sl.value if r.sl is not None else local_name(r.s.value),
            predicate=local_name(r.p.value),
            object=r.o.value if obj_is_literal else (r.ol.value if r.ol is not None
                                                     else local_name(r.o.value)),
            negated=_true(r.neg),
            modality=local_name(r.mod.value) if r.mod is not None else "asserted",
            attributed_to=_s(r.attl) if r.attl is not None else _s(r.att),
            reporting_verb=_s(r.verb),
            subject_id=r.s.value,
            object_id=None if obj_is_literal else r.o.value,
            subject_qid=_s(r.sq),
            object_qid=_s(r.oq),
            evidence=r.ev.value if r.ev is not None else "",
            start=int(r.start.value) if r.start is not None else None,
            end=int(r.end.value) if r.end is not None else None,
            extractor=r.ex.value if r.ex is not None else "",
            confidence=float(r.conf.value) if r.conf is not None else None,
            rule=_s(r.rule),
            found_by=sorted(r.found.value.split()) if r.found is not None else None,
            document=_s(r.doc),
            event_date=_s(r.date),
            doc=_s(r.art),
            date=_s(r.date) or _s(r.artdate),
            articles=_count(r),
            contradicted=_true(r.contra),
            article_title=_s(r.title),
            statement=st,
        )  # fmt: skip
    return sorted(rows.values(), key=lambda f: (f.document or "", f.start or 0, f.subject,
                                                f.predicate, f.object, f.statement))  # fmt: skip


def format_facts(facts: list[FactRow], fmt: str = "jsonl") -> str:
    if fmt == "jsonl":
        return "\n".join(json.dumps(asdict(f), ensure_ascii=False) for f in facts)
    if fmt == "tsv":
        head = ["subject", "predicate", "object", "negated", "modality", "attributed_to",
                "document", "evidence"]  # fmt: skip
        lines = ["\t".join(head)]
        for f in facts:
            vals = [f.subject, f.predicate, f.object, str(f.negated).lower(), f.modality,
                    f.attributed_to or "", f.document or "", f.evidence]  # fmt: skip
            lines.append("\t".join(" ".join(v.split()) for v in vals))
        return "\n".join(lines)
    rows = [[f.subject, ("NOT " if f.negated else "") + f.predicate, f.object, f.modality,
             f.attributed_to or ""] for f in facts]  # fmt: skip
    return table(["subject", "predicate", "object", "modality", "attributed to"], rows, 48)
