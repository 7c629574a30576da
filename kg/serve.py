"""A graph or store -> a read-only SPARQL 1.1 Protocol endpoint, plus the HTML view.

    GET  /            the HTML explorer of the graph (503 + Retry-After while it is made)
    GET  /sparql?query=...         POST /sparql (form or application/sparql-query)
    GET  /suggest?q=...            the explorer's search: names and aliases (JSON)
    GET  /neighbourhood?iri=...    the explorer's expansion: a node's facts (JSON)

Results by content negotiation: SPARQL JSON (default), CSV or TSV (``Accept`` header or
``format=json|csv|tsv``); CONSTRUCT and DESCRIBE as N-Triples. Binds to loopback unless
told otherwise; only queries (no updates), no SERVICE.

Start-up does the least it can before the endpoint answers: the socket is bound first,
queries go to worker processes that open the store read-only (``sparql_pool``), and the
HTML page is made from the store in the background. For a corpus the page holds only its
overview; it asks ``/neighbourhood`` for the facts of a node when the user searches or
expands it, which the server reads from the store with the facts query bound to that node
(on the query workers, under the same timeout and per-client limit as ``/sparql``), and
``/suggest`` for names, from an index of the nodes made with the page. A query that
outlives the timeout gets 503 and its worker is killed, so runaway queries cannot pile
up; each client may have ``PER_CLIENT`` queries running at once (429 beyond).

With ``--memory`` a store's quads are written out and loaded into each worker's memory
(listings several times faster than on disk), and the load time is reported.
"""

from __future__ import annotations

import json
import logging
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import GraphFileError, QueryError
from .sparql_pool import Answer, QueryPool

if TYPE_CHECKING:  # the page's modules load with the page, after the socket is bound
    from .export.html import NodeIndex

log = logging.getLogger(__name__)
MAX_BODY = 1_000_000
MAX_QUERY_TEXT = 200  # characters of a search the explorer sends to /suggest
PER_CLIENT = 2  # queries one client address may have running at once
WORKERS = 3  # query processes, more than PER_CLIENT: one client cannot take them all


class Page:
    """The HTML view and its index of nodes (for a page that fetches neighbourhoods),
    made once in a background thread; None until it is ready."""

    def __init__(self, make: Callable[[], tuple[bytes, NodeIndex | None]]) -> None:
        self.html: bytes | None = None
        self.index: NodeIndex | None = None
        self.error: str | None = None

        def build() -> None:
            try:
                self.html, self.index = make()
            except Exception as exc:  # the page is optional: SPARQL still answers
                self.error = f"{type(exc).__name__}: {exc}"
                log.error("the HTML view could not be made: %s", self.error)

        threading.Thread(target=build, daemon=True).start()


def _negotiate(accept: str, explicit: str | None) -> str:
    if explicit in {"json", "csv", "tsv"}:
        return explicit
    accept = accept.lower()
    if "text/csv" in accept:
        return "csv"
    if "text/tab-separated-values" in accept:
        return "tsv"
    return "json"


class ClientLimit:
    """Counts the queries each client address has running."""

    def __init__(self, limit: int) -> None:
        self.limit, self.running, self.lock = limit, Counter[str](), threading.Lock()

    def enter(self, client: str) -> bool:
        with self.lock:
            if self.running[client] >= self.limit:
                return False
            self.running[client] += 1
            return True

    def leave(self, client: str) -> None:
        with self.lock:
            self.running[client] -= 1


def make_handler(pool: QueryPool, page: Page, timeout: float, per_client: int = PER_CLIENT):
    limit = ClientLimit(per_client)

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-serve"

        def log_message(self, fmt: str, *args: object) -> None:
            log.info("%s - %s", self.address_string(), fmt % args)

        def _send(self, answer: Answer, headers: dict[str, str] | None = None) -> None:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.ctype)
            self.send_header("Content-Length", str(len(answer.body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(answer.body)

        def _error(self, code: int, message: str, headers: dict[str, str] | None = None) -> None:
            self._send(Answer(code, (message + "\n").encode("utf-8")), headers)

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            url = urllib.parse.urlsplit(self.path)
            params = urllib.parse.parse_qs(url.query)
            if url.path in {"/", "/index.html"}:
                self._page()
            elif url.path == "/sparql":
                if "query" not in params:
                    self._error(400, "missing query parameter")
                    return
                self._answer(params["query"][0], params.get("format", [None])[0])
            elif url.path == "/suggest":
                self._suggest(params.get("q", [""])[0])
            elif url.path == "/neighbourhood":
                self._neighbourhood(params.get("iri", [""])[0])
            else:
                self._error(404, "not found: try / or /sparql")

        def _json(self, data: object) -> None:
            body = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            self._send(Answer(200, body.encode("utf-8"), "application/json; charset=utf-8"),
                       {"Cache-Control": "no-store"})  # fmt: skip

        def _index(self) -> NodeIndex | None:
            if page.index is None:
                if page.error is not None:
                    self._error(500, f"the HTML view could not be made ({page.error})")
                elif page.html is not None:
                    self._error(404, "this graph's page holds all of it: nothing to fetch")
                else:
                    self._error(503, "the HTML view is being made", {"Retry-After": "2"})
            return page.index

        def _suggest(self, q: str) -> None:
            index = self._index()
            if index is not None:
                self._json(index.suggest(q[:MAX_QUERY_TEXT]))

        def _neighbourhood(self, iri: str) -> None:
            """A node's facts, read from the store by the facts query bound to the node.
            Only a node of the graph is looked up: nothing else reaches the query."""
            from .export.html import neighbourhood_data
            from .facts import facts_about_query, facts_from_results

            index = self._index()
            if index is None:
                return
            if iri not in index.label:
                self._error(404, "no such node in this graph")
                return
            answer = self._pooled(facts_about_query(iri), "json")
            if answer is None:
                return
            if answer.status != 200:
                self._send(answer)
                return
            self._json(neighbourhood_data(iri, facts_from_results(answer.body), index))

        def _page(self) -> None:
            if page.html is not None:
                from .export.html import CSP, SERVED_CSP

                csp = {"Content-Security-Policy": SERVED_CSP if page.index else CSP}
                self._send(Answer(200, page.html, "text/html; charset=utf-8"), csp)
            elif page.error is not None:
                self._error(500, f"the HTML view could not be made ({page.error}); "
                                 "SPARQL at /sparql still answers")  # fmt: skip
            else:
                self._error(503, "the HTML view is being made; SPARQL at /sparql answers "
                                 "already", {"Retry-After": "2"})  # fmt: skip

        def do_POST(self) -> None:  # noqa: N802
            url = urllib.parse.urlsplit(self.path)
            if url.path != "/sparql":
                self._error(404, "not found: try /sparql")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._error(413, "query too large")
                return
            body = self.rfile.read(length).decode("utf-8", "replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            params = urllib.parse.parse_qs(url.query)
            if ctype == "application/sparql-query":
                query = body
            elif ctype == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body)
                if "update" in form:
                    self._error(403, "read-only endpoint: updates are refused")
                    return
                query = form.get("query", [""])[0]
            elif ctype == "application/sparql-update":
                self._error(403, "read-only endpoint: updates are refused")
                return
            else:
                self._error(415, "use application/sparql-query or a form with query=")
                return
            self._answer(query, params.get("format", [None])[0])

        def _answer(self, query: str, fmt: str | None) -> None:
            from .sparql import refuse_service

            try:
                refuse_service(query)  # before Oxigraph, which would call the endpoint
            except QueryError as exc:
                self._error(400, str(exc))
                return
            answer = self._pooled(query, _negotiate(self.headers.get("Accept", ""), fmt))
            if answer is not None:
                self._send(answer)

        def _pooled(self, query: str, fmt: str) -> Answer | None:
            """The query's answer from a worker, within the client's share of them (None,
            and 429 sent, beyond it)."""
            client = self.client_address[0]
            if not limit.enter(client):
                self._error(429, f"{limit.limit} queries of yours are running already",
                            {"Retry-After": "1"})  # fmt: skip
                return None
            try:
                return pool.answer(query, fmt, timeout)
            finally:
                limit.leave(client)

    return Handler


def _page_maker(path: Path, title: str) -> Callable[[], tuple[bytes, NodeIndex | None]]:
    """How to make the HTML view: from the store itself (no rdflib copy of it), or from
    the graph file. A corpus's page holds its overview and fetches the rest (``served``);
    the index of nodes answers its search."""
    from .store import is_store

    def make(graph) -> tuple[bytes, NodeIndex | None]:
        from .export.html import NodeIndex, network_data, to_html
        from .export.property_graph import node_info
        from .facts import read_facts

        facts, info = read_facts(graph), node_info(graph)  # read once, for both
        data = network_data(graph, facts, served=True, info=info)
        index = NodeIndex.of(graph, facts, info) if data.get("served") else None
        return to_html(graph, title=title, data=data).encode(), index

    def from_store() -> tuple[bytes, NodeIndex | None]:
        from .store import open_store

        return make(open_store(path, read_only=True))

    def from_file() -> tuple[bytes, NodeIndex | None]:
        from .export.property_graph import as_store
        from .query import load_dataset
        from .rdf import union_graph

        return make(as_store(union_graph(load_dataset(path))))

    return from_store if is_store(path) else from_file


def _file_as_nquads(path: Path, folder: str) -> Path:
    """A graph file as N-Quads in ``folder``, for the workers to load into memory."""
    from .export import to_rdf
    from .query import load_dataset

    out = Path(folder) / "graph.nq"
    out.write_text(to_rdf(load_dataset(path), "nquads"), encoding="utf-8")
    return out


def _store_as_nquads(path: Path, out: Path) -> None:
    """A store's quads as N-Quads, for the workers to load into memory (Oxigraph writes
    them itself: no Python object per quad; 11 s for the full corpus's 1.7 M quads)."""
    import pyoxigraph as ox

    from .store import open_store

    open_store(path, read_only=True).dump(str(out), format=ox.RdfFormat.N_QUADS)


def serve(path: str | Path, *, host: str = "127.0.0.1", port: int = 7878,
          timeout: float = 10.0, ready: threading.Event | None = None,
          on_ready: Callable[[str], None] | None = None,
          workers: int = WORKERS, memory: bool = False,
          on_loaded: Callable[[float], None] | None = None) -> None:  # fmt: skip
    """Serve a graph file or store until interrupted. The socket is bound first; once a
    query worker answers, ``on_ready`` gets the endpoint's URL and ``ready`` is set.

    With ``memory``, each worker holds a store's quads in memory: on disk a query pays a
    RocksDB seek per triple pattern and row (~20 µs), in memory ~5 µs, so listings of
    10^4 rows answer several times faster, for the load at start-up (``on_loaded`` gets
    its seconds). A graph file is always served from memory."""
    from .store import is_store

    path = Path(path)
    ready = ready if ready is not None else threading.Event()
    httpd = ThreadingHTTPServer((host, port), BaseHTTPRequestHandler)  # bound: port is ours
    httpd.daemon_threads = True
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        if is_store(path) and not memory:
            pool = QueryPool(path, size=workers)
        elif is_store(path):  # the store is written out in the background, then loaded
            nquads = Path(tmp) / "graph.nq"
            pool = QueryPool(nquads, in_memory=True, size=workers,
                             prepare=lambda: _store_as_nquads(path, nquads))  # fmt: skip
        else:
            pool = QueryPool(_file_as_nquads(path, tmp), in_memory=True, size=workers)
        loaded = on_loaded if memory else None
        try:
            page = Page(_page_maker(path, f"kg: {path.name}"))
            httpd.RequestHandlerClass = make_handler(pool, page, timeout)
            threading.Thread(target=_announce, args=(pool, httpd, ready, on_ready, loaded,
                                                     started), daemon=True).start()  # fmt: skip
            httpd.serve_forever()
        finally:
            httpd.server_close()
            pool.close()
    if pool.error and not ready.is_set():
        raise GraphFileError(f"{path}: cannot serve it ({pool.error})")


def _announce(pool: QueryPool, httpd: ThreadingHTTPServer, ready: threading.Event,
              on_ready: Callable[[str], None] | None,
              on_loaded: Callable[[float], None] | None = None,
              started: float = 0.0) -> None:  # fmt: skip
    """Say where the endpoint is once it can answer a query (and, for a store loaded into
    memory, how long the load took: start-up until the first worker held the quads)."""
    while not pool.wait_ready(1.0):
        if pool.error:
            log.error("no query worker could start: %s", pool.error)
            httpd.shutdown()
            return
    if on_loaded is not None:
        on_loaded(time.monotonic() - started)
    host, port = httpd.server_address[:2]
    if on_ready is not None:
        on_ready(f"http://{host}:{port}/")
    ready.set()
