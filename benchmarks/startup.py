"""Start-up of the commands that read graphs, and of ``kg serve`` on a store.

usage: python benchmarks/startup.py STORE [--graph FILE.ttl] [--rounds 5] [--serve]

Times fresh processes, as a user runs them (medians of ``--rounds``):
- ``kg --help``, ``kg query STORE 'ASK {}'`` and, with ``--graph``, ``kg facts FILE`` and
  ``kg query FILE 'ASK {}'`` (a three-row answer costs nothing: this is start-up);
- with ``--serve``: ``kg serve STORE`` from launch to its first SPARQL answer, and to the
  HTML page (made in the background).
Results go to stdout as JSON. Target (issue 21): graph commands < 0.4 s, serve on the
full-corpus store < 5 s to the first SPARQL answer.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

KG = [sys.executable, "-m", "kg"]


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(KG + args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _until(url: str, deadline: float) -> float:
    """Seconds until ``url`` answers 200 (polling every 20 ms)."""
    started = time.perf_counter()
    while time.perf_counter() - started < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 (loopback)
                if r.status == 200:
                    return time.perf_counter() - started
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.02)
    raise TimeoutError(url)


def serve_times(store: str) -> dict[str, float]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    proc = subprocess.Popen(KG + ["serve", store, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        _until(base + "/sparql?query=ASK%7B%7D", 120)
        first = time.perf_counter() - started
        _until(base + "/", 1800)
        page = time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"first_sparql_s": round(first, 2), "html_page_s": round(page, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store")
    ap.add_argument("--graph")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--serve", action="store_true")
    a = ap.parse_args()
    runs = {"kg --help": ["--help"], "kg query STORE 'ASK {}'": ["query", a.store, "ASK {}"]}
    if a.graph:
        runs["kg facts FILE"] = ["facts", a.graph]
        runs["kg query FILE 'ASK {}'"] = ["query", a.graph, "ASK {}"]
    out: dict[str, object] = {}
    for name, args in runs.items():
        out[name] = round(statistics.median(timed(args) for _ in range(a.rounds)), 3)
    if a.serve:
        rounds = [serve_times(a.store) for _ in range(max(1, a.rounds // 2))]
        out["kg serve STORE"] = {
            k: round(statistics.median(r[k] for r in rounds), 2) for k in rounds[0]
        }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
