"""A graph or store -> a read-only SPARQL 1.1 Protocol endpoint, plus the HTML view.

    GET  /            the HTML explorer of the graph
    GET  /sparql?query=...         POST /sparql (form or application/sparql-query)

Results by content negotiation: SPARQL JSON (default), CSV or TSV (``Accept`` header or
``format=json|csv|tsv``). Binds to loopback unless told otherwise; only queries (no
updates), no SERVICE; a query that runs longer than the timeout gets 503.
"""

from __future__ import annotations

import concurrent.futures
import csv
import io
import logging
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError

log = logging.getLogger(__name__)
MAX_BODY = 1_000_000


def load_store(path: str | Path) -> ox.Store:
    """The graph to serve: a store folder opened read-only, or a file loaded in memory."""
    from .query import load_dataset
    from .store import is_store, open_store

    if is_store(path):
        return open_store(path, read_only=True)
    from .store import _load

    store = ox.Store()
    _load(store, load_dataset(path))
    return store


def _serialize(variables: list[str], rows: list[list], fmt: str) -> tuple[bytes, str]:
    if fmt in {"csv", "tsv"}:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\r\n")
        w.writerow(variables)
        for row in rows:
            w.writerow(["" if v is None else str(v) for v in row])
        ctype = "text/csv" if fmt == "csv" else "text/tab-separated-values"
        return buf.getvalue().encode("utf-8"), f"{ctype}; charset=utf-8"
    from .query import format_rows

    body = format_rows(variables, rows, "json")
    return body.encode("utf-8"), "application/sparql-results+json"


def _negotiate(accept: str, explicit: str | None) -> str:
    if explicit in {"json", "csv", "tsv"}:
        return explicit
    accept = accept.lower()
    if "text/csv" in accept:
        return "csv"
    if "text/tab-separated-values" in accept:
        return "tsv"
    return "json"


def make_handler(store: ox.Store, html: bytes, timeout: float):
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=4)

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-serve"

        def log_message(self, fmt: str, *args: object) -> None:
            log.info("%s - %s", self.address_string(), fmt % args)

        def _send(self, code: int, body: bytes, ctype: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def _error(self, code: int, message: str) -> None:
            self._send(code, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            url = urllib.parse.urlsplit(self.path)
            params = urllib.parse.parse_qs(url.query)
            if url.path in {"/", "/index.html"}:
                self._send(200, html, "text/html; charset=utf-8")
            elif url.path == "/sparql":
                if "query" not in params:
                    self._error(400, "missing query parameter")
                    return
                self._answer(params["query"][0], params.get("format", [None])[0])
            else:
                self._error(404, "not found: try / or /sparql")

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
            from .store import select

            future = pool.submit(select, store, query)
            try:
                variables, rows = future.result(timeout=timeout)
            except concurrent.futures.TimeoutError:
                self._error(503, f"query timed out after {timeout:g} s")
                return
            except QueryError as exc:
                self._error(400, str(exc))
                return
            body, ctype = _serialize(variables, rows, _negotiate(self.headers.get("Accept", ""),
                                                                  fmt))  # fmt: skip
            self._send(200, body, ctype)

    return Handler


def serve(path: str | Path, *, host: str = "127.0.0.1", port: int = 7878,
          timeout: float = 10.0, ready: threading.Event | None = None) -> None:  # fmt: skip
    """Serve a graph file or store until interrupted."""
    from .export.html import to_html
    from .query import load_dataset
    from .rdf import union_graph

    store = load_store(path)
    html = to_html(union_graph(load_dataset(path)), title=f"kg: {Path(path).name}").encode()
    httpd = ThreadingHTTPServer((host, port), make_handler(store, html, timeout))
    if ready is not None:
        ready.set()
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()
