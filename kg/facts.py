"""A graph kg wrote -> its facts, read back from the RDF statements.

What ``kg facts`` prints is what the Turtle says: subject, predicate and object labels,
polarity, modality, attribution and evidence of every ``kg:Statement``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
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


def _to_facts(solutions: Iterable) -> list[FactRow]:
    # a node may have several labels (a concept named differently in two articles): sort
    # the solutions, so the label kept depends on the graph's content, not its load order
    return _fact_rows(sorted(solutions, key=_solution_key))


def _solution_key(r) -> tuple[str, ...]:  # noqa: ANN001 - a FACTS_QUERY solution
    return tuple("" if v is None else v.value for v in vars(r).values())


def _fact_rows(solutions: Iterable) -> list[FactRow]:
    """FACTS_QUERY's solutions -> FactRows, the first solution of each statement kept."""
    rows: dict[str, FactRow] = {}
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


def facts_of(results: Iterable, entities: Iterable) -> list[FactRow]:
    """What ``read_facts`` reads from the graph that these pipeline results (ArticleResult)
    and entities make, without making it: a build's HTML page needs its facts, and
    loading the whole graph into a store to query them back cost ~5% of a build (a test
    holds the two to the same rows). Each statement is one FACTS_QUERY solution, made of
    the terms the graph has for it; where several facts of an article share a statement
    (and so merge in the graph), each variable takes its least value, as the least
    solution of their combinations would."""
    from types import SimpleNamespace

    from .rdf import ClaimCounter, statement_iri

    results = list(results)
    nodes = _NodeTerms(results, entities)
    claims = ClaimCounter()
    for r in results:
        claims.add(r)
    solutions: dict[str, dict] = {}
    for r in results:
        for f in r.facts:
            st = str(statement_iri(r.article.id, f))
            sol = _solution(st, f, r.article, nodes, claims)
            if st in solutions:
                _least(solutions[st], sol, nodes)
            else:
                solutions[st] = sol
    for sol in solutions.values():
        found = sol["found"]
        sol["found"] = ox.Literal(" ".join(sorted(found))) if found else None
    return _fact_rows(SimpleNamespace(**sol) for sol in solutions.values())


_XSD = "http://www.w3.org/2001/XMLSchema#"
_KG = "https://w3id.org/kg-news/ontology#"


def graph_text(value: str) -> str:
    """A string as the graph's text has it: N-Quads are written as UTF-8 with lone
    surrogates replaced (see ``rdf.article_nquads``)."""
    return value.encode("utf-8", "replace").decode("utf-8")


def _text(value: str) -> ox.Literal:
    return ox.Literal(graph_text(value))


def _typed(value: object, kind: str) -> ox.Literal:
    return _typed_text(str(value), kind)


@functools.lru_cache(maxsize=4096)
def _typed_text(text: str, kind: str) -> ox.Literal:
    """Typed literals repeat (offsets, counts, dates, booleans) and each new one
    validates its datatype IRI: made once."""
    return ox.Literal(text, datatype=ox.NamedNode(_XSD + kind))


class _NodeTerms:
    """The labels and Wikidata ids the graph gives entities and concepts."""

    def __init__(self, results: list, entities: Iterable) -> None:
        from .rdf import entity_iri

        self.labels: dict[str, set[str]] = {}
        self.qids: dict[str, str] = {}
        for ent in entities:
            iri = str(entity_iri(ent.key))
            self.labels.setdefault(iri, set()).add(_text(ent.label).value)
            if ent.qid:
                self.qids[iri] = ent.qid
        for r in results:
            for f in r.facts:
                for m in (f.subject, f.obj, f.attributed_to):
                    key = getattr(m, "key", None)
                    if key and key.startswith(("concept:", "position:")):
                        self.labels.setdefault(str(entity_iri(key)), set()).add(_text(m.text).value)

    def label(self, iri: str) -> ox.Literal | None:
        found = self.labels.get(iri)
        return ox.Literal(min(found)) if found else None

    def qid(self, iri: str) -> ox.Literal | None:
        return ox.Literal(self.qids[iri]) if iri in self.qids else None


def _solution(st: str, f, art, nodes: _NodeTerms, claims) -> dict:
    """One fact's FACTS_QUERY solution, in the terms add_article writes."""
    from .rdf import _decimal, article_iri, claim_iri, entity_iri, predicate_iri

    s = str(entity_iri(f.subject.key or ""))
    c = claim_iri(f)
    n_yes, n_no = len(claims.asserted.get(c, ())), len(claims.denied.get(c, ()))
    sol = {
        "st": ox.NamedNode(st), "s": ox.NamedNode(s), "sl": nodes.label(s), "sq": nodes.qid(s),
        "p": ox.NamedNode(str(predicate_iri(f.predicate))), "o": None, "ol": None, "oq": None,
        "neg": _typed("true" if f.negated else "false", "boolean"),
        "mod": ox.NamedNode(_KG + f.modality), "att": None, "attl": None,
        "verb": _text(f.reporting_verb) if f.reporting_verb else None,
        "ev": _text(art.text[f.sent_start : f.sent_end]),
        "start": _typed(f.sent_start, "integer"), "end": _typed(f.sent_end, "integer"),
        "ex": _text(f.extractor), "conf": _typed(_decimal(f.confidence), "decimal"),
        "doc": _text(art.id), "date": _typed(f.event_date, "date") if f.event_date else None,
        "art": ox.NamedNode(str(article_iri(art.id))),
        "artdate": _typed(art.date, "date") if art.date else None,
        "nyes": _typed(n_yes, "integer"), "nno": _typed(n_no, "integer"),
        "contra": _typed("true" if n_yes and n_no else "false", "boolean"),
        "title": _text(art.title) if art.title else None,
        "rule": _text(f.rule) if f.rule else None, "found": set(f.found_by),
    }  # fmt: skip
    if isinstance(f.obj, str):
        sol["o"] = _text(f.obj)
    else:
        o = str(entity_iri(f.obj.key or ""))
        sol["o"], sol["ol"], sol["oq"] = ox.NamedNode(o), nodes.label(o), nodes.qid(o)
    if f.attributed_to is not None and f.attributed_to.key:
        att = str(entity_iri(f.attributed_to.key))
        sol["att"], sol["attl"] = ox.NamedNode(att), nodes.label(att)
    return sol


def _least(first: dict, other: dict, nodes: _NodeTerms) -> None:
    """Two facts of one statement: each variable's least value (the speaker's label is
    the least of the speaker kept)."""
    first["found"] |= other["found"]
    for name, value in other.items():
        old = first[name]
        if name != "found" and value is not None and (old is None or value.value < old.value):
            first[name] = value
    if first["att"] is not None:
        first["attl"] = nodes.label(first["att"].value)


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
