"""SPARQL queries -> answers (status, body, content type) from a pool of worker processes.

Oxigraph cannot cancel a query, and a thread cannot be stopped: a runaway query run in a
thread keeps its CPU and its thread after the client got its 503, and a few of them
starve the endpoint. A query runs in a worker process instead; when it outlives its
timeout the worker is killed, which frees both, and a fresh worker takes its place.

Each worker opens the store read-only (RocksDB allows that beside the server), or loads
the N-Quads of a served file (or of a store, with ``kg serve --memory``) into memory,
and writes the results with Oxigraph's own serialisers, so a worker imports neither
rdflib nor spaCy and starts in a fraction of a second.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

log = logging.getLogger(__name__)

RESULT_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
GRAPH_FORMAT = (ox.RdfFormat.N_TRIPLES, "application/n-triples")


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    ctype: str = "text/plain; charset=utf-8"


def _text(status: int, message: str) -> Answer:
    return Answer(status, (message + "\n").encode("utf-8"))


def _open(source: str, in_memory: bool) -> ox.Store:
    if not in_memory:
        return ox.Store.read_only(source)
    store = ox.Store()
    store.bulk_load(path=source, format=ox.RdfFormat.N_QUADS)
    return store


def run(store: ox.Store, query: str, fmt: str) -> Answer:
    """One query on the store (the union of its graphs as the default graph)."""
    try:
        res = store.query(query, use_default_graph_as_union=True)
    except SyntaxError as exc:
        return _text(400, f"bad SPARQL query: {' '.join(str(exc).split())[:200]}")
    except (OSError, ValueError) as exc:
        return _text(400, f"query failed: {' '.join(str(exc).split())[:200]}")
    try:
        if isinstance(res, ox.QueryTriples):
            rdf_format, ctype = GRAPH_FORMAT
            return Answer(200, res.serialize(format=rdf_format), ctype)
        results_format, ctype = RESULT_FORMATS.get(fmt, RESULT_FORMATS["json"])
        return Answer(200, res.serialize(format=results_format), ctype)
    finally:
        del res  # Oxigraph's iterators are freed on the thread that made them


def _work(conn: Connection, source: str, in_memory: bool) -> None:
    """A worker's life: open the data, say so, then answer queries until told to stop."""
    try:
        store = _open(source, in_memory)
    except OSError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        query, fmt = job
        answer = run(store, query, fmt)
        conn.send(("answer", (answer.status, answer.body, answer.ctype)))


class _Worker:
    def __init__(self, ctx: multiprocessing.context.SpawnContext, source: str,
                 in_memory: bool) -> None:  # fmt: skip
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_work, args=(child, source, in_memory), daemon=True)
        self.proc.start()
        child.close()

    def wait_ready(self) -> None:
        kind, detail = self.conn.recv()
        if kind != "ready":
            raise OSError(f"the query worker could not open the data: {detail}")

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(timeout=5)
        self.conn.close()


class QueryPool:
    """``size`` worker processes over one store folder (or one N-Quads file, loaded into
    memory by each). Workers start in the background; ``answer`` waits for an idle one.

    Workers that load the graph into memory start one after another, after ``prepare``
    (which writes the N-Quads file): side by side on two cores, three loads of the
    full corpus took 33 s to the first answer, each alone about 5 s."""

    def __init__(self, source: str | Path, *, in_memory: bool = False, size: int = 2,
                 prepare: Callable[[], object] | None = None) -> None:  # fmt: skip
        self.source, self.in_memory = str(source), in_memory
        self._ctx = multiprocessing.get_context("spawn")  # no forked RocksDB handles
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.error: str | None = None
        if in_memory:
            threading.Thread(target=self._start_in_turn, args=(size, prepare),
                             daemon=True).start()  # fmt: skip
        else:
            for _ in range(size):
                self._spawn()

    def _start_in_turn(self, size: int, prepare: Callable[[], object] | None) -> None:
        try:
            if prepare is not None:
                prepare()
        except Exception as exc:  # the user must hear of it: serve waits on ``error``
            self.error = f"cannot prepare the data: {exc}"
            log.error("query workers: %s", self.error)
            return
        for _ in range(size):
            if not self._start():
                return

    def _spawn(self) -> None:
        """Start a worker in a background thread; it joins the idle queue when ready."""
        threading.Thread(target=self._start, daemon=True).start()

    def _start(self) -> bool:
        """Start a worker and wait until it is ready; False if it could not start."""
        try:
            w = _Worker(self._ctx, self.source, self.in_memory)
            with self._lock:
                if self._closed:
                    w.kill()
                    return False
                self._all.add(w)
            w.wait_ready()
        except (OSError, EOFError) as exc:
            self.error = str(exc)
            log.error("query worker: %s", exc)
            return False
        self._idle.put(w)
        return True

    def wait_ready(self, timeout: float) -> bool:
        """Block until a worker can take a query (or ``timeout``); True if one can."""
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            return False
        self._idle.put(w)
        return True

    def answer(self, query: str, fmt: str, timeout: float) -> Answer:
        """Run a query on an idle worker; past ``timeout`` the worker is killed, a new
        one started, and the answer is 503."""
        deadline = time.monotonic() + timeout
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            msg = self.error or f"all query workers busy for {timeout:g} s"
            return _text(503, msg)
        try:
            w.conn.send((query, fmt))
            if w.conn.poll(max(deadline - time.monotonic(), 0)):
                _, (status, body, ctype) = w.conn.recv()
                self._idle.put(w)
                return Answer(status, body, ctype)
        except (OSError, EOFError) as exc:  # the worker died (out of memory?)
            log.warning("query worker died: %s", exc)
            self._replace(w)
            return _text(500, "the query worker died; try again")
        self._replace(w)  # Oxigraph cannot be interrupted: the process is killed
        return _text(503, f"query timed out after {timeout:g} s")

    def _replace(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.kill()
        if not self._closed:
            self._spawn()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
        for w in workers:
            w.kill()
