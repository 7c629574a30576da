"""Resolved facts and entities -> an RDF dataset under kg's ontology.

Every fact becomes a ``kg:Statement`` (standard RDF reification: ``rdf:subject``,
``rdf:predicate``, ``rdf:object``) carrying its polarity, modality, attribution and
evidence (the sentence, its character offsets, the article via PROV-O, the extractor and
a confidence). A positive fact between two nodes is also asserted as a plain triple for
simple queries; a negated one never is.

Graphs: one named graph per article (its statements, plain triples and metadata),
``graph/entities`` (one node per entity, shared by all articles), ``graph/ontology``.
What articles share is stated once, in a shared graph, not copied into each article's:
a concept's class and label go to ``graph/entities``, an open relation's declaration to
``graph/ontology``. (Copied, the union of all graphs gave a query one row per copy:
``concept/president`` was labelled in 162 article graphs.) Quads are a set, so every
article restating them adds nothing, whichever path builds the graph.
"""

from __future__ import annotations

import functools
import hashlib
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.plugins.serializers.nt import _quoteLiteral

from .conform import concept_is_agent
from .lexicon import load_lexicon
from .model import Article, Entity, Fact, Mention
from .ontology import (
    ARTICLE,
    BASE,
    CLAIM,
    CONCEPT,
    ENT,
    REL,
    STMT,
    WD,
    load_ontology,
)  # fmt: skip
from .read import slugify

GRAPH = Namespace(BASE + "graph/")
ENTITIES_GRAPH = GRAPH["entities"]
CLAIMS_GRAPH = GRAPH["claims"]
ONTOLOGY_GRAPH = GRAPH["ontology"]
KG_NS = Namespace(BASE + "ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")

PREFIXES = {
    "kg": KG_NS,
    "ent": ENT,
    "concept": CONCEPT,
    "stmt": STMT,
    "claim": CLAIM,
    "article": ARTICLE,
    "rel": REL,
    "wd": WD,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "owl": OWL,
    "oa": OA,
    "xsd": XSD,
}


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def new_dataset() -> Dataset:
    ds = Dataset()
    bind_prefixes(ds)
    return ds


def _short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def mint(ns: Namespace, key: str) -> URIRef:
    """A valid, stable IRI for any key: a readable slug, plus a hash where the slug
    alone would lose information (non-ASCII letters, punctuation, empty).

    >>> str(mint(ENT, "name:recep tayyip erdogan")).rsplit("/", 1)[-1]
    'recep-tayyip-erdogan'
    >>> str(mint(ENT, "wd:Q43")).rsplit("/", 1)[-1]
    'Q43'
    """
    kind, _, name = key.partition(":")
    if kind == "wd" and re.fullmatch(r"Q\d+", name):
        return ns[name]
    slug = slugify(name, max_len=60)
    plain = re.sub(r"\s+", " ", name.strip().lower())
    if not slug or slug.replace("-", " ") != plain:
        slug = f"{slug}-{_short_hash(key)}" if slug else _short_hash(key, 12)
    return ns[slug]


@functools.lru_cache(maxsize=1 << 16)  # the same entities recur in every article
def entity_iri(key: str) -> URIRef:
    if key.startswith(("concept:", "position:")):
        return mint(CONCEPT, key)
    return mint(ENT, key)


@functools.lru_cache(maxsize=1 << 12)
def predicate_iri(name: str) -> URIRef:
    """An ontology property if the ontology declares it, else an open relation."""
    if name in load_lexicon().properties:
        return KG_NS[name]
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name):
        return REL[name]
    return REL[slugify(name).replace("-", "_") or "relatedTo"]


@dataclass(frozen=True)
class ArticleResult:
    """What the pipeline produced for one article."""

    article: Article
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...]
    # the article's named graph as sorted N-Quads, when the process that parsed it also
    # rendered it (workers do, so the main process only appends text to a store); empty
    # when not rendered or when the result was changed afterwards
    nquads: str = ""


def statement_iri(article_id: str, fact: Fact) -> URIRef:
    obj = fact.obj.key if isinstance(fact.obj, Mention) else fact.obj
    ident = "|".join(
        str(x)
        for x in (
            fact.subject.key,
            fact.predicate,
            obj,
            fact.negated,
            fact.anchor,
            fact.extractor,
            fact.sent_start,
        )  # fmt: skip
    )
    return STMT[f"{slugify(article_id) or 'article'}-{_short_hash(ident, 12)}"]


def claim_key(fact: Fact) -> str:
    obj = fact.obj.key if isinstance(fact.obj, Mention) else f"literal:{fact.obj}"
    return f"{fact.subject.key}|{fact.predicate}|{obj}"


def claim_iri(fact: Fact) -> URIRef:
    """The same fact in any article, asserted or denied, is one claim."""
    return CLAIM[_short_hash(claim_key(fact), 16)]


class ClaimCounter:
    """Which articles assert and which deny each claim; fed article by article, so a
    merge over shards holds only the claims, never the articles."""

    def __init__(self) -> None:
        self.asserted: dict[URIRef, set[str]] = {}
        self.denied: dict[URIRef, set[str]] = {}
        self.first: dict[URIRef, Fact] = {}

    def add(self, result: ArticleResult) -> None:
        for f in result.facts:
            c = claim_iri(f)
            self.first.setdefault(c, f)
            (self.denied if f.negated else self.asserted).setdefault(c, set()).add(
                result.article.id
            )

    def write(self, ds: Dataset) -> None:
        g = ds.graph(CLAIMS_GRAPH)
        lit = getattr(ds, "literal", Literal)
        for c in sorted(self.first):
            f = self.first[c]
            g.add((c, RDF.type, KG_NS.Claim))
            g.add((c, RDF.subject, entity_iri(f.subject.key or "")))
            g.add((c, RDF.predicate, predicate_iri(f.predicate)))
            g.add((c, RDF.object, entity_iri(f.obj.key or "") if isinstance(f.obj, Mention)
                   else lit(f.obj)))  # fmt: skip
            n_yes, n_no = len(self.asserted.get(c, ())), len(self.denied.get(c, ()))
            g.add((c, T.assertedIn, lit(n_yes)))
            g.add((c, T.deniedIn, lit(n_no)))
            g.add((c, T.contradicted, lit(bool(n_yes and n_no))))


def add_claims(ds: Dataset, results: Iterable[ArticleResult]) -> None:
    """How many articles assert and deny each claim, and where they contradict."""
    counter = ClaimCounter()
    for r in results:
        counter.add(r)
    counter.write(ds)


def article_iri(article_id: str) -> URIRef:
    """The article's IRI, which also names its graph."""
    return ARTICLE[slugify(article_id) or _short_hash(article_id)]


class T:
    """The terms every article's graph is written with, made once: rdflib makes and
    validates a new URIRef on each namespace attribute access (2-4 µs, several per triple)."""

    Agent = KG_NS.Agent
    Article = KG_NS.Article
    Concept = KG_NS.Concept
    Mentions = KG_NS.Mentions
    Position = KG_NS.Position
    Statement = KG_NS.Statement
    attributedTo = KG_NS.attributedTo
    claim = KG_NS.claim
    assertedIn = KG_NS.assertedIn
    deniedIn = KG_NS.deniedIn
    contradicted = KG_NS.contradicted
    confidence = KG_NS.confidence
    endChar = KG_NS.endChar
    entity = KG_NS.entity
    eventDate = KG_NS.eventDate
    eventDateText = KG_NS.eventDateText
    evidence = KG_NS.evidence
    evidenceTarget = KG_NS.evidenceTarget
    extractor = KG_NS.extractor
    foundBy = KG_NS.foundBy
    rule = KG_NS.rule
    lemma = KG_NS.lemma
    mentionCount = KG_NS.mentionCount
    modality = KG_NS.modality
    negated = KG_NS.negated
    relatedTo = KG_NS.relatedTo
    reportingVerb = KG_NS.reportingVerb
    startChar = KG_NS.startChar
    SpecificResource = OA.SpecificResource
    TextPositionSelector = OA.TextPositionSelector
    TextQuoteSelector = OA.TextQuoteSelector
    end = OA.end
    exact = OA.exact
    hasSelector = OA.hasSelector
    hasSource = OA.hasSource
    prefix = OA.prefix
    start = OA.start
    suffix = OA.suffix
    hadPrimarySource = PROV.hadPrimarySource
    wasDerivedFrom = PROV.wasDerivedFrom
    object = RDF.object
    predicate = RDF.predicate
    subject = RDF.subject
    type = RDF.type
    label = RDFS.label
    subPropertyOf = RDFS.subPropertyOf
    anyURI = XSD.anyURI
    decimal = XSD.decimal
    nonNegativeInteger = XSD.nonNegativeInteger


# Literals whose datatype an Oxigraph store does not keep: it stores xsd:integer's derived
# types as xsd:integer, so oa:start and oa:end (xsd:nonNegativeInteger, as the Web
# Annotation model and kg's shapes want) come back from a store under the wrong type.
# Readers of a store put these back (``store.stored_quads``): predicate -> datatype.
STORE_RETYPED: dict[str, str] = {str(T.start): str(T.nonNegativeInteger),
                                 str(T.end): str(T.nonNegativeInteger)}  # fmt: skip


def add_article(ds: Dataset, result: ArticleResult) -> URIRef:
    """Write one article's named graph; returns the graph's IRI (the article IRI)."""
    art = result.article
    art_iri = article_iri(art.id)
    lex = load_lexicon()
    lit = getattr(ds, "literal", Literal)  # _QuadLines writes literals as text, once each
    g = ds.graph(art_iri)
    shared_entities, shared_ontology = ds.graph(ENTITIES_GRAPH), ds.graph(ONTOLOGY_GRAPH)
    g.add((art_iri, T.type, T.Article))
    g.add((art_iri, DCTERMS.identifier, lit(art.id)))
    if art.title:
        g.add((art_iri, DCTERMS.title, lit(art.title)))
    if art.source:
        g.add((art_iri, DCTERMS.source, lit(art.source)))
    if art.url:
        g.add((art_iri, T.hadPrimarySource, lit(art.url, datatype=T.anyURI)))
    if art.date:
        g.add((art_iri, DCTERMS.date, _date_literal(art.date)))
    text = art.text
    open_props: set[tuple[str, bool]] = set()
    sentences: set[str] = set()
    for fact in result.facts:
        st = statement_iri(art.id, fact)
        s_iri = entity_iri(fact.subject.key or "")
        p_iri = predicate_iri(fact.predicate)
        if not str(p_iri).startswith(str(KG_NS)):
            open_props.add((fact.predicate, isinstance(fact.obj, str)))
        if isinstance(fact.obj, Mention):
            o_node: URIRef | Literal = entity_iri(fact.obj.key or "")
        else:
            o_node = lit(fact.obj)
        g.add((st, T.type, T.Statement))
        g.add((st, T.claim, claim_iri(fact)))
        g.add((st, T.subject, s_iri))
        g.add((st, T.predicate, p_iri))
        g.add((st, T.object, o_node))
        g.add((st, T.negated, lit(fact.negated)))
        g.add((st, T.modality, KG_NS[fact.modality]))
        g.add((st, T.lemma, lit(fact.lemma)))
        g.add((st, T.extractor, lit(fact.extractor)))
        if fact.rule:
            g.add((st, T.rule, lit(fact.rule)))
        for name in fact.found_by:
            g.add((st, T.foundBy, lit(name)))
        g.add((st, T.confidence, lit(_decimal(fact.confidence), datatype=T.decimal)))
        g.add((st, T.wasDerivedFrom, art_iri))
        sentence = text[fact.sent_start : fact.sent_end]
        g.add((st, T.evidence, lit(sentence)))
        g.add((st, T.startChar, lit(fact.sent_start)))
        g.add((st, T.endChar, lit(fact.sent_end)))
        # W3C Web Annotation: the sentence as a specific resource of the article, one
        # node per sentence, shared by the facts read from it
        span = f"{fact.sent_start}-{fact.sent_end}"
        ev = URIRef(f"{art_iri}/sentence/{span}")
        g.add((st, T.evidenceTarget, ev))
        if span not in sentences:
            sentences.add(span)
            pos, quote = URIRef(f"{ev}/position"), URIRef(f"{ev}/quote")
            g.add((ev, T.type, T.SpecificResource))
            g.add((ev, T.hasSource, art_iri))
            g.add((ev, T.hasSelector, pos))
            g.add((ev, T.hasSelector, quote))
            g.add((pos, T.type, T.TextPositionSelector))
            g.add((pos, T.start, lit(fact.sent_start, datatype=T.nonNegativeInteger)))
            g.add((pos, T.end, lit(fact.sent_end, datatype=T.nonNegativeInteger)))
            g.add((quote, T.type, T.TextQuoteSelector))
            g.add((quote, T.exact, lit(sentence)))
            prefix = text[max(0, fact.sent_start - 32) : fact.sent_start]
            g.add((quote, T.prefix, lit(prefix)))
            g.add((quote, T.suffix, lit(text[fact.sent_end : fact.sent_end + 32])))
        if fact.attributed_to is not None and fact.attributed_to.key:
            g.add((st, T.attributedTo, entity_iri(fact.attributed_to.key)))
        if fact.reporting_verb:
            g.add((st, T.reportingVerb, lit(fact.reporting_verb)))
        if fact.event_date:
            g.add((st, T.eventDate, _date_literal(fact.event_date)))
        if fact.event_date_text:
            g.add((st, T.eventDateText, lit(fact.event_date_text)))
        if not fact.negated and isinstance(o_node, URIRef):
            g.add((s_iri, p_iri, o_node))
        # concepts (unnamed things) are stated once, beside the named entities
        for m in (fact.subject, fact.obj, fact.attributed_to):
            if isinstance(m, Mention) and m.key and m.key.startswith(("concept:", "position:")):
                c = entity_iri(m.key)
                shared_entities.add((c, T.type, T.Position if m.key.startswith("position:")
                                     else T.Concept))  # fmt: skip
                if m.key.startswith("concept:") and concept_is_agent(m.text, lex):
                    shared_entities.add((c, T.type, T.Agent))  # "the army": an actor
                shared_entities.add((c, T.label, lit(m.text)))
    # how often each entity is mentioned here: kept with the article, so that replacing
    # the article replaces its counts (the total is a SUM over article graphs)
    for ent in result.entities:
        m = URIRef(f"{art_iri}/mentions/{_short_hash(ent.key, 12)}")
        g.add((m, T.type, T.Mentions))
        g.add((m, T.entity, entity_iri(ent.key)))
        g.add((m, T.mentionCount, lit(ent.mentions)))
        g.add((m, T.wasDerivedFrom, art_iri))
    for name, literal in sorted(open_props):  # declared once, with the ontology
        p = predicate_iri(name)
        shared_ontology.add((p, T.type, OWL.DatatypeProperty if literal else OWL.ObjectProperty))
        shared_ontology.add((p, T.subPropertyOf, T.relatedTo))
        shared_ontology.add((p, T.label, lit(name)))
    return art_iri


def sorted_lines(text: str) -> str:
    """Unique lines in code-point order: the canonical form of N-Triples and N-Quads."""
    # split on "\n" only: str.splitlines() also splits on \x1e, \x85, \u2028 ... which
    # N-Triples keeps unescaped inside literals
    # sorted before de-duplicated: the text is mostly runs already sorted (each article's
    # lines), which a sort takes in one pass and a set would scatter
    lines = [line for line in dict.fromkeys(sorted(text.split("\n"))) if line.strip()]
    return "\n".join(lines) + "\n" if lines else ""


def to_nquads(ds: Dataset) -> str:
    with warnings.catch_warnings():  # rdflib's serializers use its deprecated Dataset API
        warnings.simplefilter("ignore", DeprecationWarning)
        return sorted_lines(ds.serialize(format="nquads"))


def parse_nquads(data: str | bytes) -> Dataset:
    """N-Quads (a store's dump, kg's canonical text) -> an rdflib Dataset, for the work
    still done in rdflib (JSON-LD, the Python API)."""
    ds = new_dataset()
    with warnings.catch_warnings():  # rdflib's parsers use its deprecated Dataset API
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(data=data, format="nquads")
    return ds


class _QuadLines:
    """Takes a Dataset's place in ``add_article`` and writes each triple straight to an
    N-Quads line in rdflib's row format: the same text as serialising a Dataset (a
    property test checks it), without rdflib's store (~25 µs a triple)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def graph(self, iri: URIRef) -> _QuadLines._Graph:
        return _QuadLines._Graph(self.lines, iri)

    @staticmethod
    def literal(value: object, datatype: URIRef | None = None) -> _N3:
        """The literal's N-Triples text, made once per value: an article repeats the
        same few values (true, false, an extractor's name, a confidence, a sentence)
        in every statement, and an rdflib Literal costs ~5 µs to make and write."""
        return _literal_n3(type(value), value, datatype)

    class _Graph:
        def __init__(self, lines: list[str], iri: URIRef) -> None:
            self.lines, self.graph = lines, _n3(iri)

        def add(self, triple: tuple) -> None:
            self.lines.append(_row(triple, self.graph))


class _N3(str):
    """A term already written in N-Triples form."""

    __slots__ = ()


@functools.lru_cache(maxsize=1 << 14)
def _literal_n3(kind: type, value: object, datatype: URIRef | None) -> _N3:
    # ``kind`` keeps True apart from 1, which hash and compare equal
    return _N3(_quoteLiteral(Literal(value, datatype=datatype)))


def _row(triple: tuple, graph: str) -> str:
    """rdflib's N-Quads row (``_nq_row``; an N-Triples row for the default graph, ``""``)
    with each IRI's n3() made once: rdflib validates the IRI on every call, and a
    statement's IRI is written ~18 times."""
    s, p, o = triple
    obj = o if type(o) is _N3 else _quoteLiteral(o) if isinstance(o, Literal) else _n3(o)
    return f"{_n3(s)} {_n3(p)} {obj} {graph} .\n" if graph else f"{_n3(s)} {_n3(p)} {obj} .\n"


def nquads_text(quads: Iterable[tuple]) -> str:
    """(s, p, o, graph or None) in rdflib terms -> kg's canonical N-Quads text."""
    lines = [_row((s, p, o), _n3(g) if g is not None else "") for s, p, o, g in quads]
    return sorted_lines("".join(lines).encode("utf-8", "replace").decode("utf-8"))


def ox_nquads_text(quads: Iterable) -> str:
    """pyoxigraph quads -> kg's canonical N-Quads text: the rows ``nquads_text`` writes
    for the same terms in rdflib, written from Oxigraph's terms (turning a million quads
    into rdflib terms first took 52 s of a 76 s export; now 24 s, of which Oxigraph takes
    16 s to read them). A property test holds it to ``nquads_text``."""
    lines = []
    for q in quads:
        s, p, o, g = _ox_n3(q.subject), _ox_n3(q.predicate), _ox_n3(q.object), q.graph_name
        if isinstance(g, ox.DefaultGraph):
            lines.append(f"{s} {p} {o} .\n")
        else:
            lines.append(f"{s} {p} {o} {_ox_n3(g)} .\n")
    return sorted_lines("".join(lines))


_XSD_STRING = str(XSD.string)


def _ox_n3(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """A pyoxigraph term as rdflib's N-Triples writer puts it: in a literal only
    backslash, newline, double quote and carriage return are escaped, and a plain
    string has no datatype."""
    value = term.value
    if isinstance(term, ox.Literal):
        value = value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
        value = value.replace("\r", "\\r")
        if term.language:
            return f'"{value}"@{term.language}'
        dt = term.datatype.value
        return f'"{value}"' if dt == _XSD_STRING else f'"{value}"^^<{dt}>'
    return f"_:{value}" if isinstance(term, ox.BlankNode) else f"<{value}>"


@functools.lru_cache(maxsize=1 << 14)
def _n3(term: URIRef) -> str:
    return term.n3()


def article_nquads(result: ArticleResult) -> str:
    """One article's named graph, and what it adds to the shared graphs (its concepts and
    open relations), as sorted N-Quads: the same lines it has in the whole dataset's
    N-Quads, so graphs rendered apart can be concatenated and merged."""
    out = _QuadLines()
    add_article(out, result)  # type: ignore[arg-type]
    # rdflib's serializer encodes with errors="replace" (a lone surrogate becomes "?")
    return sorted_lines("".join(out.lines).encode("utf-8", "replace").decode("utf-8"))


def dataset_nquads(results: Iterable[ArticleResult], entities: Iterable[Entity]) -> str:
    """The whole dataset (ontology, articles, entities, claims) as sorted N-Quads: the text
    ``to_nquads(build_dataset(...))`` gives, without building an rdflib Dataset. An article
    rendered already (``ArticleResult.nquads``) is not rendered again."""
    out = _QuadLines()
    add_ontology(out)  # type: ignore[arg-type]
    results = list(results)
    parts = [r.nquads for r in results if r.nquads]
    for r in results:
        if not r.nquads:
            add_article(out, r)  # type: ignore[arg-type]
    add_entities(out, entities)  # type: ignore[arg-type]
    add_claims(out, results)  # type: ignore[arg-type]
    parts.append("".join(out.lines).encode("utf-8", "replace").decode("utf-8"))
    return sorted_lines("".join(parts))


def entities_nquads(entities: Iterable[Entity]) -> str:
    """The entities graph's quads for these entities, as N-Quads lines (unsorted)."""
    out = _QuadLines()
    add_entities(out, entities)  # type: ignore[arg-type]
    return "".join(out.lines).encode("utf-8", "replace").decode("utf-8")


def _decimal(x: float) -> str:
    """The canonical xsd:decimal form ("0.8", "1.0"), so every store prints the same.

    >>> _decimal(0.8), _decimal(0.65), _decimal(1)
    ('0.8', '0.65', '1.0')
    """
    text = f"{x:.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _date_literal(value: str) -> Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


CLASS_OF = {
    "Person", "Organization", "Location", "Country", "Group", "Product", "Weapon", "Event",
    "Agreement", "Work", "Entity",
}  # fmt: skip


def add_entities(ds: Dataset, entities: Iterable[Entity]) -> None:
    g = ds.graph(ENTITIES_GRAPH)
    for ent in entities:
        iri = entity_iri(ent.key)
        g.add((iri, RDF.type, KG_NS[ent.type if ent.type in CLASS_OF else "Entity"]))
        g.add((iri, RDFS.label, Literal(ent.label)))
        for alias in sorted(ent.aliases):
            if alias != ent.label:
                g.add((iri, SKOS.altLabel, Literal(alias)))
        if ent.qid:
            g.add((iri, KG_NS.wikidata, Literal(ent.qid)))
            g.add((iri, OWL.sameAs, WD[ent.qid]))
        for rule in sorted(ent.merged_by):
            g.add((iri, KG_NS.mergedBy, Literal(rule)))


def add_ontology(ds: Dataset) -> None:
    g = ds.graph(ONTOLOGY_GRAPH)
    for t in load_ontology():
        g.add(t)


def build_dataset(results: Iterable[ArticleResult], entities: Iterable[Entity]) -> Dataset:
    ds = new_dataset()
    add_ontology(ds)
    results = list(results)
    for r in results:
        add_article(ds, r)
    add_entities(ds, entities)
    add_claims(ds, results)
    return ds


def union_graph(ds: Dataset) -> Graph:
    """All graphs of the dataset as one graph (what graph.ttl holds)."""
    g = bind_prefixes(Graph())
    for q in ds.quads((None, None, None, None)):
        g.add(q[:3])
    return g
