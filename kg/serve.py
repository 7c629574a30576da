"""A graph or store -> a read-only SPARQL 1.1 Protocol endpoint, plus the HTML view.

    GET  /            the HTML explorer of the graph (503 + Retry-After while it is made)
    GET  /sparql?query=...         POST /sparql (form or application/sparql-query)

Results by content negotiation: SPARQL JSON (default), CSV or TSV (``Accept`` header or
``format=json|csv|tsv``); CONSTRUCT and DESCRIBE as N-Triples. Binds to loopback unless
told otherwise; only queries (no updates), no SERVICE.

Start-up does the least it can before the endpoint answers: the socket is bound first,
queries go to worker processes that open the store read-only (``sparql_pool``), and the
HTML page is made from the store in the background. A query that outlives the timeout
gets 503 and its worker is killed, so runaway queries cannot pile up; each client may
have ``PER_CLIENT`` queries running at once (429 beyond).

With ``--memory`` a store's quads are written out and loaded into each worker's memory
(listings several times faster than on disk), and the load time is reported.
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .errors import GraphFileError, QueryError
from .sparql_pool import Answer, QueryPool

log = logging.getLogger(__name__)
MAX_BODY = 1_000_000
PER_CLIENT = 2  # queries one client address may have running at once
WORKERS = 3  # query processes, more than PER_CLIENT: one client cannot take them all


class Page:
    """The HTML view, made once in a background thread; None until it is ready."""

    def __init__(self, make: Callable[[], bytes]) -> None:
        self.html: bytes | None = None
        self.error: str | None = None

        def build() -> None:
            try:
                self.html = make()
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
            else:
                self._error(404, "not found: try / or /sparql")

        def _page(self) -> None:
            if page.html is not None:
                self._send(Answer(200, page.html, "text/html; charset=utf-8"))
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
            from .query import refuse_service

            try:
                refuse_service(query)  # before Oxigraph, which would call the endpoint
            except QueryError as exc:
                self._error(400, str(exc))
                return
            client = self.client_address[0]
            if not limit.enter(client):
                self._error(429, f"{limit.limit} queries of yours are running already",
                            {"Retry-After": "1"})  # fmt: skip
                return
            try:
                answer = pool.answer(query, _negotiate(self.headers.get("Accept", ""), fmt),
                                     timeout)  # fmt: skip
            finally:
                limit.leave(client)
            self._send(answer)

    return Handler


def _page_maker(path: Path, title: str) -> Callable[[], bytes]:
    """How to make the HTML view: from the store itself (no rdflib copy of it), or from
    the graph file."""
    from .store import is_store

    def from_store() -> bytes:
        from .export.html import to_html
        from .store import open_store

        return to_html(open_store(path, read_only=True), title=title).encode()

    def from_file() -> bytes:
        from .export.html import to_html
        from .query import load_dataset
        from .rdf import union_graph

        return to_html(union_graph(load_dataset(path)), title=title).encode()

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
