"""How usable the corpus page is as `kg serve` sends it (the overview only; the rest
fetched from the store on demand), in headless Chromium against a real server.

    kg build ../shared/corpus/bbc_news_2225.jsonl --store /tmp/bbc-store     # once
    python benchmarks/html_served.py /tmp/bbc-store [--runs 3] [--json OUT]

Measures (targets from issue 20, as for the offline file in html_corpus.py):
- the page: seconds from launch until `/` answers 200 (made in the background), its size;
- first paint: from navigation to the overview laid out and drawn (< 3 s);
- search: the 20 most connected entities the overview leaves out, each searched by its
  first letters: the server's suggestions (/suggest), then its neighbourhood fetched
  (/neighbourhood: the facts query bound to it, on a query worker), added, centred and
  drawn (< 200 ms);
- expand: a node of degree about 100 (95-105 facts; on the full corpus they are in the
  overview, which holds only the facts between its nodes), drawn inside a neighbourhood
  but not fetched yet: its facts fetched, its neighbours added and drawn (< 300 ms);
- the overview's 5 most connected entities opened (their neighbourhoods are the largest).
Medians over the runs (a fresh page each); the spread is printed too.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SEARCH = """async ([q, id]) => {
  const drawn = () => new Promise(r => kgNetwork.once('afterDrawing', () => r()));
  const t = performance.now(); await kg.remoteSuggest(q); const t1 = performance.now();
  await kg.ensure(id); const t2 = performance.now(); kg.goTo(id); await drawn();
  return [performance.now() - t, t1 - t, t2 - t1]; }"""
EXPAND = """async ([id, via]) => {
  const drawn = () => new Promise(r => kgNetwork.once('afterDrawing', () => r()));
  await kg.ensure(via); kg.goTo(via); await new Promise(r => setTimeout(r, 50));
  const t = performance.now(); await kg.ensure(id); const t1 = performance.now();
  const added = kg.expand(id); await drawn();
  return [performance.now() - t, t1 - t, added]; }"""
OPEN = """async (id) => { const t = performance.now(); await kg.ensure(id); kg.selectNode(id);
  return [performance.now() - t, kgData.nodes.find(n => n.id === id).facts.length]; }"""


def candidates(store: Path) -> tuple[list, list, list]:
    """(entities left out of the overview, most connected first), (nodes of degree ~100
    with a neighbour to start from), (the overview's most connected)."""
    from kg.export.html import network_data
    from kg.store import open_store

    data = network_data(open_store(store, read_only=True))
    opening = set(data["opening"])
    ranked = sorted((n for n in data["nodes"] if n["group"] not in {"Concept", "Position"}),
                    key=lambda n: (-n["degree"], n["id"]))  # fmt: skip
    out = [(n["id"], n["label"]) for n in ranked if n["id"] not in opening][:20]
    near: dict[str, str] = {}
    for e in data["edges"]:
        near.setdefault(e["from"], e["to"])
        near.setdefault(e["to"], e["from"])
    hundred = [(n["id"], near[n["id"]]) for n in ranked if 95 <= n["degree"] <= 105][:5]
    top = [n["id"] for n in ranked if n["id"] in opening][:5]
    return out, hundred, top


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from tests.conftest import ARGS
    from tests.test_store_serve import _free_port

    store = Path(argv[0]).resolve()
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    left_out, hundred, top = candidates(store)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(store), "--port",
                             str(port)], stderr=subprocess.DEVNULL)  # fmt: skip
    out: dict = {"store": str(store), "first_paint_s": [], "search_ms": [], "suggest_ms": [],
                 "fetch_ms": [], "expand_ms": [], "expand_fetch_ms": [], "open_top_ms": [],
                 "errors": []}  # fmt: skip
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=5) as r:  # noqa: S310
                    out["bytes"] = len(r.read())
                    break
            except OSError:
                time.sleep(0.2)
        out["page_ready_s"] = round(time.perf_counter() - started, 1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                errors: list[str] = []
                page.on("console", lambda m, e=errors: m.type == "error" and e.append(m.text))
                page.on("pageerror", lambda x, e=errors: e.append(str(x)))
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base)
                           else r.abort())  # fmt: skip
                t = time.perf_counter()
                page.goto(base + "/")
                page.wait_for_selector("body[data-stable='1']", timeout=120_000)
                out["first_paint_s"].append(round(time.perf_counter() - t, 3))
                for nid, label in left_out:
                    total, suggest, fetch = page.evaluate(SEARCH, [label[:4], nid])
                    out["search_ms"].append(round(total, 1))
                    out["suggest_ms"].append(round(suggest, 1))
                    out["fetch_ms"].append(round(fetch, 1))
                for nid, via in hundred:
                    total, fetch, _ = page.evaluate(EXPAND, [nid, via])
                    out["expand_ms"].append(round(total, 1))
                    out["expand_fetch_ms"].append(round(fetch, 1))
                for nid in top:
                    out["open_top_ms"].append(round(page.evaluate(OPEN, nid)[0], 1))
                out["errors"] += errors
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    for key in ("first_paint_s", "search_ms", "suggest_ms", "fetch_ms", "expand_ms",
                "expand_fetch_ms", "open_top_ms"):  # fmt: skip
        xs = out[key]
        out[key + "_median"] = round(statistics.median(xs), 3) if xs else None
        print(f"{key}: median {out[key + '_median']}  min {min(xs)}  max {max(xs)}  n {len(xs)}")
    print(f"page: {out['bytes'] / 1e6:.2f} MB, ready {out['page_ready_s']} s after launch; "
          f"console errors: {len(out['errors'])}")  # fmt: skip
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
