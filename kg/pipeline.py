"""The one place the stages are composed: articles -> Docs -> facts -> entities -> RDF.

read (Article) -> nlp (Doc) -> extract (Fact) -> resolve (Entity) -> rdf (Dataset)
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph

from .dates import attach_dates
from .errors import KGError, OutputError
from .extract import Context
from .extract import run as run_extractors
from .gazetteer import load_gazetteer
from .lexicon import load_lexicon
from .model import Article, Entity
from .nlp import BATCH_CHARS, DEFAULT_MODEL, PIECE_CHARS, load_nlp, parse, release_nlp
from .rdf import ArticleResult, article_nquads, build_dataset, dataset_nquads, union_graph
from .read import article_from_text
from .reduce import EntityReducer
from .resolve import resolve_article

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)
# articles per spaCy memory zone: what is interned while parsing them is freed together
ZONE_ARTICLES = 128


def process_article(
    article: Article,
    *,
    model: str = DEFAULT_MODEL,
    extractors: Iterable[str] | None = None,
) -> ArticleResult:
    """Parse, extract and resolve one article."""
    return next(process_articles([article], model=model, extractors=extractors))


def process_articles(
    articles: Iterable[Article],
    *,
    model: str = DEFAULT_MODEL,
    extractors: Iterable[str] | None = None,
    batch_size: int = 8,
    batch_chars: int = BATCH_CHARS,
    chunk_chars: int = PIECE_CHARS,
    render: bool = False,
    failed: dict[str, str] | None = None,
) -> Iterator[ArticleResult]:
    """Parse, extract and resolve articles, streaming: spaCy parses them in batches
    (``nlp.pipe``, see ``nlp.parse`` for how they are cut), and each article's result is
    yielded as soon as it is complete. With ``render``, each result also carries its
    named graph as N-Quads.

    With a ``failed`` dict, an article that crashes the pipeline is recorded there (id ->
    error) and the others are still built; without one, the first crash raises."""
    nlp = load_nlp(model)
    lexicon = load_lexicon()
    gazetteer = load_gazetteer()
    ex = tuple(extractors) if extractors is not None else None

    def one(doc: Doc, art: Article) -> ArticleResult:
        ctx = Context(doc, lexicon, gazetteer)
        found = run_extractors(ctx, ex, doc_id=art.id)
        resolved, ents = resolve_article(doc, found, gazetteer=gazetteer, lexicon=lexicon,
                                         refs=ctx.refs)  # fmt: skip
        resolved = attach_dates(doc, resolved, art.date)
        ents_sorted = tuple(sorted(ents.values(), key=lambda e: e.key))
        result = ArticleResult(art, tuple(resolved), ents_sorted)
        if render:
            result = dataclasses.replace(result, nquads=article_nquads(result))
        return result

    def zone(batch: list[Article]) -> list[ArticleResult]:
        done: list[ArticleResult] = []
        # spaCy interns every new string it sees; a memory zone frees this batch's when it
        # closes, so memory stays flat over a long stream (results hold plain strings)
        with nlp.memory_zone():
            texts = ((article_text(art), art) for art in batch)
            docs = parse(nlp, texts, batch_docs=batch_size, batch_chars=batch_chars,
                         piece_chars=chunk_chars)  # fmt: skip
            for doc, art in docs:
                try:
                    done.append(one(doc, art))
                except Exception as exc:
                    if failed is None:
                        raise
                    failed[art.id] = describe(exc)
        return done

    import itertools

    it = iter(articles)
    while batch := list(itertools.islice(it, ZONE_ARTICLES)):
        try:
            done = zone(batch)
        except Exception as exc:
            if failed is None:
                raise
            if len(batch) == 1:
                failed[batch[0].id] = describe(exc)
                continue
            # the parse itself failed: parse the batch again article by article, so
            # that only the one that fails is lost
            done = [r for art in batch for r in process_articles(
                [art], model=model, extractors=ex, batch_size=batch_size,
                batch_chars=batch_chars, chunk_chars=chunk_chars, render=render,
                failed=failed)]  # fmt: skip
        yield from done


def describe(exc: BaseException) -> str:
    """An exception as one short line, for the list of articles a build could not make."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"


_WORKER: dict[str, object] = {}


def _worker_init(model: str, extractors: tuple[str, ...] | None, render: bool) -> None:
    """Each worker process loads the spaCy pipeline once."""
    load_nlp(model)
    _WORKER.update(model=model, extractors=extractors, render=render)


def _worker_batch(batch: list[Article]) -> tuple[list[ArticleResult], dict[str, str]]:
    failed: dict[str, str] = {}
    results = list(process_articles(batch, **_WORKER, failed=failed))  # type: ignore[arg-type]
    return results, failed


def process_articles_parallel(
    articles: Iterable[Article],
    *,
    jobs: int,
    model: str = DEFAULT_MODEL,
    extractors: Iterable[str] | None = None,
    batch_size: int = 16,
    render: bool = False,
    failed: dict[str, str] | None = None,
) -> Iterator[ArticleResult]:
    """process_articles on ``jobs`` processes; results come back in input order, so the
    output is the same as with one process. Articles are sent in batches, and at most a
    few batches per worker are in flight, so memory stays bounded. With ``render`` the
    workers also serialise each article's graph, which leaves the main process little
    more than appending text to a store. ``failed`` as for process_articles."""
    if jobs <= 1:
        yield from process_articles(articles, model=model, extractors=extractors, render=render,
                                    failed=failed)  # fmt: skip
        return
    import concurrent.futures
    import itertools
    import multiprocessing

    ex = tuple(extractors) if extractors is not None else None
    ctx = multiprocessing.get_context("spawn")  # no forked copies of loaded models
    it = iter(articles)
    batches = iter(lambda: list(itertools.islice(it, batch_size)), [])
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_worker_init, initargs=(model, ex, render)
    ) as pool:
        pending: list[concurrent.futures.Future] = []

        def take(fut: concurrent.futures.Future) -> list[ArticleResult]:
            results, lost = fut.result()
            if lost and failed is None:
                raise KGError(f"article {min(lost)}: {lost[min(lost)]}")
            if failed is not None:
                failed.update(lost)
            return results

        for batch in batches:
            pending.append(pool.submit(_worker_batch, batch))
            while len(pending) >= 3 * jobs:
                yield from take(pending.pop(0))
        for fut in pending:
            yield from take(fut)


def article_text(article: Article) -> str:
    return article.text if article.text.strip() else article.title


def _collect(articles: Sequence[Article], *, model: str, extractors: Iterable[str] | None,
             progress: Callable[[int, int, Article], None] | None, jobs: int,
             render: bool, failed: dict[str, str] | None = None,
             ) -> tuple[list[ArticleResult], list[Entity]]:  # fmt: skip
    results: list[ArticleResult] = []
    reducer = EntityReducer()
    stream = process_articles_parallel(articles, jobs=jobs, model=model, extractors=extractors,
                                       render=render, failed=failed)  # fmt: skip
    for n, r in enumerate(stream, 1):
        results.append(reducer.add(r))
        if progress is not None:
            progress(n, len(articles), r.article)
    results.sort(key=lambda r: r.article.id)
    return results, reducer.sorted()


def build_dataset_from(
    articles: Sequence[Article],
    *,
    model: str = DEFAULT_MODEL,
    extractors: Iterable[str] | None = None,
    progress: Callable[[int, int, Article], None] | None = None,
    jobs: int = 1,
) -> tuple[Dataset, list[ArticleResult]]:
    """Run the whole pipeline over articles; returns the dataset and per-article results."""
    results, entities = _collect(articles, model=model, extractors=extractors,
                                 progress=progress, jobs=jobs, render=False)  # fmt: skip
    return build_dataset(results, entities), results


def build_nquads_from(
    articles: Sequence[Article],
    *,
    model: str = DEFAULT_MODEL,
    extractors: Iterable[str] | None = None,
    progress: Callable[[int, int, Article], None] | None = None,
    jobs: int = 1,
    failed: dict[str, str] | None = None,
) -> tuple[str, list[ArticleResult]]:
    """build_dataset_from, as the dataset's sorted N-Quads text (what ``kg build`` exports
    from): each article's graph is written as text where it was parsed, and no rdflib
    Dataset is built (its store costs more than extraction). ``failed`` as for
    process_articles."""
    text, results, _ = _built(articles, model=model, extractors=extractors,
                              progress=progress, jobs=jobs, failed=failed)  # fmt: skip
    return text, results


def _built(articles: Sequence[Article], *, model: str, extractors: Iterable[str] | None,
           progress: Callable[[int, int, Article], None] | None, jobs: int,
           failed: dict[str, str] | None,
           ) -> tuple[str, list[ArticleResult], list[Entity]]:  # fmt: skip
    """The dataset's N-Quads text, the results (their rendered text dropped) and the
    entities."""
    results, entities = _collect(articles, model=model, extractors=extractors,
                                 progress=progress, jobs=jobs, render=True,
                                 failed=failed)  # fmt: skip
    text = dataset_nquads(results, entities)
    return text, [dataclasses.replace(r, nquads="") for r in results], entities


COMPACT_AFTER = 100  # articles: a smaller build leaves compaction to RocksDB (5 s on the corpus)


def build_store(
    articles: Iterable[Article],
    store_path: str | Path,
    *,
    model: str = DEFAULT_MODEL,
    batch_size: int = 100,
    progress: Callable[[int, int, Article], None] | None = None,
    total: int = 0,
    jobs: int = 1,
    failed: dict[str, str] | None = None,
) -> tuple[int, int]:
    """Stream articles into a persistent Oxigraph store, a batch at a time, so memory
    stays flat however many articles there are. Returns (articles, facts) added.
    ``failed`` as for process_articles."""
    from .store import add_results, compact, has_claims, open_store, refresh_claims

    store = open_store(store_path)
    # into a store with claims counted already, only the claims the new and replaced
    # articles touch are recounted (a full recount of the corpus's claims took 19 s)
    touched: set | None = set() if has_claims(store) else None
    reducer = EntityReducer()
    batch: list[ArticleResult] = []
    batch_keys: set[str] = set()
    n_articles = n_facts = 0

    def flush() -> None:
        add_results(store, batch, [reducer.entities[k] for k in sorted(batch_keys)],
                    touched=touched)  # fmt: skip
        batch.clear()
        batch_keys.clear()

    stream = process_articles_parallel(articles, jobs=jobs, model=model, render=True,
                                       failed=failed)  # fmt: skip
    for n, r in enumerate(stream, 1):
        r = reducer.add(r)
        batch.append(r)
        batch_keys.update(e.key for e in r.entities)
        n_articles += 1
        n_facts += len(r.facts)
        if progress is not None:
            progress(n, total, r.article)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    release_nlp()  # parsing is over: its memory back before the claims pass reads the store
    refresh_claims(store, only=touched)  # claims count across articles: once, at the end
    if n_articles >= COMPACT_AFTER:
        compact(store)
    else:
        store.flush()
    return n_articles, n_facts


@dataclass
class BuildReport:
    """What a build did, for the command line to print."""

    articles: int = 0
    facts: int = 0
    quads: int = 0
    entities: int = 0
    seconds: float = 0.0
    paths: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # article id -> error
    failed_partitions: dict[str, str] = field(default_factory=dict)  # dask: name -> error
    partitions_written: int = 0
    partitions_skipped: int = 0


Progress = Callable[[int, int, Article], None]


def build_files(articles: Sequence[Article], out: str | Path, formats: Sequence[str], *,
                model: str = DEFAULT_MODEL, jobs: int = 1, title: str = "kg knowledge graph",
                max_nodes: int | None = None,
                progress: Progress | None = None) -> BuildReport:  # fmt: skip
    """Articles -> the exports in ``out`` (``kg build``). An article that crashes the
    pipeline is reported in ``failed`` and the rest is built; the exports are replaced
    all together or not at all."""
    from .export import GraphData, export_all
    from .export.property_graph import node_info_of
    from .facts import facts_of

    started = time.perf_counter()
    report = BuildReport()
    nquads, results, entities = _built(articles, model=model, extractors=None,
                                       progress=progress, jobs=jobs,
                                       failed=report.failed)  # fmt: skip
    graph = GraphData(nquads=nquads)
    if "html" in formats:  # the page's rows from memory: no store of the graph to query
        graph.facts, graph.info = facts_of(results, entities), node_info_of(results, entities)
    report.paths = export_all(graph, formats, out, title=title, max_nodes=max_nodes)
    report.articles = len(results)
    report.facts = sum(len(r.facts) for r in results)
    report.quads = nquads.count("\n")
    report.seconds = time.perf_counter() - started
    return report


def build_into_store(articles: Sequence[Article], store: str | Path, *,
                     out: str | Path | None = None, formats: Sequence[str] = (),
                     model: str = DEFAULT_MODEL, jobs: int = 1,
                     title: str = "kg knowledge graph", max_nodes: int | None = None,
                     progress: Progress | None = None) -> BuildReport:  # fmt: skip
    """Articles -> a persistent store (``kg build --store``), then, with ``out``, the
    exports written from the whole store."""
    from .export import export_all
    from .store import open_store

    started = time.perf_counter()
    report = BuildReport()
    try:
        report.articles, report.facts = build_store(articles, store, model=model, jobs=jobs,
                                                    progress=progress, total=len(articles),
                                                    failed=report.failed)  # fmt: skip
    except OSError as exc:  # RocksDB's own errors (a full disk) come as OSError
        raise OutputError(f"{store}: cannot write the store ({exc})") from None
    if out is not None and formats:
        report.paths = export_all(open_store(store, read_only=True), formats, out, title=title,
                                  max_nodes=max_nodes)  # fmt: skip
    report.seconds = time.perf_counter() - started
    return report


def build_on_dask(articles: Sequence[Article], shards: str | Path, *,
                  out: str | Path | None = None, formats: Sequence[str] = (),
                  store: str | Path | None = None, model: str = DEFAULT_MODEL,
                  scheduler: str | None = None, workers: int | None = None,
                  partition_size: int = 64, title: str = "kg knowledge graph",
                  max_nodes: int | None = None,
                  progress: Callable[[int, int], None] | None = None) -> BuildReport:  # fmt: skip
    """Articles -> shards on Dask workers (map), merged into the exports and/or a store
    (reduce, as ``kg merge``): the same output as a local build."""
    from .merge import merge_shards
    from .scatter import build_shards

    started = time.perf_counter()
    run = build_shards(articles, Path(shards), model=model, scheduler=scheduler,
                       workers=workers, partition_size=partition_size,
                       progress=progress)  # fmt: skip
    merged = merge_shards(shards, out=out, formats=formats, store=store, title=title,
                          max_nodes=max_nodes)  # fmt: skip
    return BuildReport(articles=merged.articles, facts=merged.facts, quads=merged.quads,
                       entities=merged.entities, seconds=time.perf_counter() - started,
                       paths=list(merged.paths), failed=dict(run.failed_articles),
                       failed_partitions=dict(run.failed_partitions),
                       partitions_written=run.written,
                       partitions_skipped=run.skipped)  # fmt: skip


def split_languages(articles: Iterable[Article]) -> tuple[list[Article], list[Article]]:
    """(English articles, the others): the English pipeline only gets English text."""
    from .language import looks_english

    keep: list[Article] = []
    skipped: list[Article] = []
    for a in articles:
        (keep if looks_english(a.text) else skipped).append(a)
    for a in skipped:
        log.info("skipped %s: not English", a.source or a.id)
    return keep, skipped


def build_graph(texts: Iterable[str | Article], *, model: str = DEFAULT_MODEL) -> Graph:
    """Texts (or Articles) -> one rdflib Graph holding entities, statements and ontology.

    >>> g = build_graph(["Turkey supplies drones to Ukraine."])  # doctest: +SKIP
    """
    articles = [
        t if isinstance(t, Article) else article_from_text(t, id=f"text-{i}")
        for i, t in enumerate(texts, 1)
    ]
    articles, _ = split_languages(articles)
    ds, _ = build_dataset_from(articles, model=model)
    return union_graph(ds)
