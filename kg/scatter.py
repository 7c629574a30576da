"""Articles -> partitions -> Dask workers -> shards: the map step of a distributed build.

Extraction is independent per article, so each partition (a batch of articles in input
order) runs parse + extract + resolve-within-article + RDF rendering on a Dask worker,
which loads the spaCy pipeline once and keeps it. The worker writes the partition's shard
(``kg.shard``); the driver records it in the manifest as it completes. Merging entities
across articles is the reduce step, ``kg.merge``.

Failures: Dask reschedules the tasks of a worker that dies (and retries a task that
raises); an article that fails is isolated by re-running its partition one article at a
time, reported by id, and the rest of the partition is kept; a rerun skips the
partitions the manifest records as complete for the same input.
"""

from __future__ import annotations

import contextlib
import logging
import os
import resource
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .model import Article
from .shard import (
    FORMAT_VERSION,
    is_complete,
    partition_hash,
    read_manifest,
    write_manifest,
    write_shard,
)  # fmt: skip

DEFAULT_PARTITION_SIZE = 64


@dataclass(frozen=True)
class Partition:
    name: str
    articles: tuple[Article, ...]
    input_sha256: str


@dataclass
class ShardRun:
    """What a distributed run did, for the command line's report."""

    written: int = 0
    skipped: int = 0
    failed_articles: dict[str, str] = field(default_factory=dict)  # article id -> error
    failed_partitions: dict[str, str] = field(default_factory=dict)  # name -> error
    seconds: float = 0.0
    workers: int = 0
    worker_peak_rss_mb: float = 0.0


def partition(articles: Sequence[Article], size: int, *, model: str) -> list[Partition]:
    """Consecutive batches of ``size`` articles, named by position, hashed by content.

    >>> from kg.model import Article
    >>> [p.name for p in partition([Article(id=str(i), text="x") for i in range(5)], 2,
    ...                            model="m")]
    ['part-00000', 'part-00001', 'part-00002']
    """
    from . import __version__

    if size < 1:
        raise ConfigError(f"partition size must be at least 1, not {size}")
    out = []
    for n, start in enumerate(range(0, len(articles), size)):
        batch = tuple(articles[start : start + size])
        out.append(Partition(f"part-{n:05d}", batch,
                             partition_hash(batch, model=model, version=__version__)))  # fmt: skip
    return out


def run_partition(
    name: str,
    articles: Sequence[Article],
    folder: str,
    model: str,
    extractors: tuple[str, ...] | None = None,
) -> dict[str, Any]:
    """On a worker: one partition -> its shard. Returns the manifest entry."""
    from .pipeline import process_articles

    started = time.perf_counter()
    failed: dict[str, str] = {}
    # an article that fails is recorded in ``failed``; the others are kept
    results = list(process_articles(articles, model=model, extractors=extractors, render=True,
                                    failed=failed))  # fmt: skip
    files = write_shard(Path(folder), name, results)
    return {
        "name": name,
        "articles": [a.id for a in articles],
        "files": files,
        "failed": failed,
        "facts": sum(len(r.facts) for r in results),
        "quads": sum(r.nquads.count("\n") for r in results),
        "seconds": round(time.perf_counter() - started, 2),
        "worker_pid": os.getpid(),
        "worker_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a LocalCluster sized to the machine
    (one single-threaded worker process per core: spaCy's parser holds the GIL)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(f"--executor dask needs dask.distributed ({exc}): pip install "
                          "'dask[distributed]'") from None  # fmt: skip
    logging.getLogger("distributed").setLevel(logging.ERROR)
    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
            except (OSError, TimeoutError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: "
                                  f"{exc}") from None  # fmt: skip
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )  # fmt: skip
            )
            client = stack.enter_context(Client(cluster))
        yield client


def build_shards(
    articles: Sequence[Article],
    folder: str | Path,
    *,
    model: str,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    extractors: tuple[str, ...] | None = None,
    progress: Callable[[int, int], None] | None = None,
    client: Any = None,
) -> ShardRun:
    """Run every partition not already complete on Dask; keep the manifest current."""
    from . import __version__

    folder = Path(folder)
    started = time.perf_counter()
    parts = partition(articles, partition_size, model=model)
    old = {e["name"]: e for e in read_manifest(folder)["partitions"]}
    entries: dict[str, dict[str, Any]] = {}
    todo: list[Partition] = []
    failed_before: dict[str, str] = {}
    for p in parts:
        e = old.get(p.name)
        if e is not None and is_complete(folder, e, p.input_sha256):
            entries[p.name] = e
            failed_before.update(e.get("failed", {}))
        else:
            todo.append(p)
    run = ShardRun(skipped=len(entries), failed_articles=failed_before)

    def save() -> None:
        write_manifest(folder, {
            "format": FORMAT_VERSION, "kg_version": __version__, "model": model,
            "partition_size": partition_size,
            "expected": [{"name": p.name, "input_sha256": p.input_sha256} for p in parts],
            "partitions": [entries[p.name] for p in parts if p.name in entries],
        })  # fmt: skip

    save()
    if todo:
        with contextlib.ExitStack() as stack:
            if client is None:
                client = stack.enter_context(dask_client(scheduler, workers))
            _run_on(client, todo, folder, model, extractors, entries, run, save, progress,
                    total=len(parts))  # fmt: skip
    run.seconds = time.perf_counter() - started
    return run


def _run_on(client: Any, todo: list[Partition], folder: Path, model: str,
            extractors: tuple[str, ...] | None, entries: dict[str, dict[str, Any]],
            run: ShardRun, save: Callable[[], None],
            progress: Callable[[int, int], None] | None, total: int) -> None:  # fmt: skip
    from dask.distributed import as_completed

    run.workers = len(client.scheduler_info().get("workers", {}))
    window = max(2, 2 * run.workers)  # tasks in flight: bounds the driver's memory
    pending = iter(todo)
    by_key: dict[str, Partition] = {}

    def submit() -> Any:
        p = next(pending, None)
        if p is None:
            return None
        fut = client.submit(run_partition, p.name, list(p.articles), str(folder), model,
                            extractors, key=f"kg-{p.name}-{p.input_sha256[:16]}",
                            retries=2, pure=False)  # fmt: skip
        by_key[fut.key] = p
        return fut

    first = [f for f in (submit() for _ in range(window)) if f is not None]
    queue = as_completed(first)
    done = total - len(todo)
    for fut in queue:
        p = by_key.pop(fut.key)
        try:
            entry = fut.result()
        except Exception as exc:
            ids = ", ".join(a.id for a in p.articles[:5]) + (" ..." if len(p.articles) > 5 else "")
            run.failed_partitions[p.name] = f"{type(exc).__name__}: {exc} (articles {ids})"
        else:
            entry["input_sha256"] = p.input_sha256
            entries[p.name] = entry
            run.failed_articles.update(entry["failed"])
            run.worker_peak_rss_mb = max(run.worker_peak_rss_mb, entry["worker_peak_rss_mb"])
            run.written += 1
            save()
        fut.release()
        done += 1
        if progress is not None:
            progress(done, total)
        nxt = submit()
        if nxt is not None:
            queue.add(nxt)
