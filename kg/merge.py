"""Shards -> the usual outputs: the reduce step of a distributed build.

Pass 1 reads only the shards' results (entities and facts), in input order, through the
same ``EntityReducer`` a local build uses: it merges entities across articles, gives a
same-named entity of an incompatible class its own key (re-rendering the few articles
this changes), and counts claims. Pass 2 streams the shards' sorted N-Quads through a
k-way merge into ``graph.nq`` and/or bulk-loads them into a store. Memory holds the
entities and claims, never the corpus, except for the formats that need the whole graph
at once (Turtle, TriG, HTML, ...), which are built from the merged N-Quads.

The result equals a local ``kg build --jobs 1`` of the same input, byte for byte.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import all_or_nothing, atomic_path
from .errors import GraphFileError
from .export import DEFAULT_NAMES, GraphData, export
from .rdf import (
    ClaimCounter,
    add_entities,
    add_ontology,
    article_iri,
    article_nquads,
    new_dataset,
    sorted_lines,
    to_nquads,
)  # fmt: skip
from .reduce import EntityReducer
from .shard import MANIFEST, read_manifest, read_results

FAN_IN = 128  # shard files open at once in the k-way merge


@dataclass
class MergeReport:
    articles: int = 0
    facts: int = 0
    entities: int = 0
    quads: int = 0
    rerendered: int = 0  # articles whose entity keys the cross-article step changed
    missing: list[str] = field(default_factory=list)  # partitions expected, not written
    paths: list[Path] = field(default_factory=list)


def _graph_of(line: str) -> str:
    """The graph term of an N-Quads line ending in ``<graph> .``"""
    return line[:-2].rstrip().rsplit(" ", 1)[-1]


def _lines(path: Path, drop: set[str]) -> Iterator[str]:
    with path.open(encoding="utf-8", newline="\n") as fh:
        for line in fh:
            if drop and _graph_of(line.rstrip("\n")) in drop:
                continue
            yield line


def _merge_sorted(sources: list[Iterable[str]], out: Path, tmp: Path) -> int:
    """k-way merge of sorted line streams into ``out`` without repeats; returns lines.
    More than FAN_IN sources are merged in rounds through temporary files."""
    round_no = 0
    while len(sources) > FAN_IN:
        merged: list[Iterable[str]] = []
        for i in range(0, len(sources), FAN_IN):
            part = tmp / f"round{round_no}-{i}.nq"
            _write_unique(heapq.merge(*sources[i : i + FAN_IN]), part)
            merged.append(_lines(part, set()))
        sources, round_no = merged, round_no + 1
    return _write_unique(heapq.merge(*sources), out)


def _write_unique(lines: Iterable[str], out: Path) -> int:
    n, last = 0, None
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for line in lines:
            if line != last:
                fh.write(line)
                n += 1
                last = line
    return n


def merge_shards(
    folder: str | Path,
    *,
    out: str | Path | None = None,
    formats: Iterable[str] = ("turtle", "trig", "html"),
    store: str | Path | None = None,
    title: str = "kg knowledge graph",
    max_nodes: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> MergeReport:
    """Merge the shards in ``folder`` into files in ``out`` and/or the store ``store``."""
    folder = Path(folder)
    if not (folder / MANIFEST).is_file():
        raise GraphFileError(f"{folder}: no {MANIFEST} (not a folder of kg shards)")
    manifest = read_manifest(folder)
    entries = manifest["partitions"]
    written = {e["name"] for e in entries}
    report = MergeReport(missing=[p["name"] for p in manifest.get("expected", [])
                                  if p["name"] not in written])  # fmt: skip
    say = progress or (lambda _msg: None)

    # pass 1: entities and claims, in input order
    reducer, claims = EntityReducer(), ClaimCounter()
    drop: dict[str, set[str]] = {}
    extra: dict[str, list[str]] = {}
    for e in entries:
        for r in read_results(folder, e["name"]):
            merged = reducer.add(r)
            if merged is not r:  # keys changed: this article's graph is rendered again
                drop.setdefault(e["name"], set()).add(f"<{article_iri(r.article.id)}>")
                extra.setdefault(e["name"], []).append(article_nquads(merged))
                report.rerendered += 1
            claims.add(merged)
            report.articles += 1
            report.facts += len(r.facts)
    report.entities = len(reducer.entities)
    say(f"merged {report.entities} entities over {report.articles} articles")
    formats = list(formats)
    if store is not None:
        _load_store(store, folder, entries, drop, extra, reducer)
        say(f"loaded {len(entries)} shard(s) into the store {store}")
    if out is None or not formats:
        return report
    ds = new_dataset()
    add_ontology(ds)
    add_entities(ds, reducer.sorted())
    claims.write(ds)
    shared = to_nquads(ds)  # the ontology, entities and claims graphs
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # temporary files beside the outputs: the merged file is then renamed into place
    with tempfile.TemporaryDirectory(prefix=".kg-merge-", dir=out) as tmp_name:
        tmp = Path(tmp_name)
        sources: list[Iterable[str]] = [_lines(folder / f"{e['name']}.nq", drop.get(e["name"],
                                        set())) for e in entries]  # fmt: skip
        for name in sorted(extra):
            sources.append(_split(sorted_lines("\n".join(extra[name]))))
        sources.append(_split(shared))
        nq = tmp / "graph.nq"
        report.quads = _merge_sorted(sources, nq, tmp)
        rest = [f for f in formats if f != "nquads"]
        full = GraphData(nquads=nq.read_text(encoding="utf-8")) if rest else None
        with all_or_nothing():  # every export replaced, or none
            if "nquads" in formats:
                target = out / DEFAULT_NAMES["nquads"]
                with atomic_path(target) as staged:
                    nq.replace(staged)  # same folder: a rename, however large the file
                report.paths.append(target)
            for f in rest:
                report.paths.append(export(full, f, out / DEFAULT_NAMES[f], title=title,
                                           max_nodes=max_nodes))  # fmt: skip
    return report


def _split(text: str) -> Iterator[str]:
    return (ln + "\n" for ln in text.split("\n") if ln.strip())


def _load_store(store_path: str | Path, folder: Path, entries: list[dict],
                drop: dict[str, set[str]], extra: dict[str, list[str]],
                reducer: EntityReducer) -> None:  # fmt: skip
    """Bulk-load every shard; an article already in the store is replaced, as in a
    local ``--store`` build, and claims are recounted over the whole store."""
    import pyoxigraph as ox

    from .store import compact, ensure_ontology, merge_entities_into, open_store, refresh_claims

    st = open_store(store_path)
    ensure_ontology(st)
    for e in entries:
        for art_id in e["articles"]:
            g = ox.NamedNode(str(article_iri(art_id)))
            if st.contains_named_graph(g):
                st.remove_graph(g)
        st.bulk_load(path=str(folder / f"{e['name']}.nq"), format=ox.RdfFormat.N_QUADS)
        for g_term in drop.get(e["name"], ()):
            st.remove_graph(ox.NamedNode(g_term[1:-1]))
        for text in extra.get(e["name"], ()):
            st.load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    merge_entities_into(st, reducer.sorted())
    refresh_claims(st)
    compact(st)
