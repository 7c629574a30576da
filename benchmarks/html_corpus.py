"""How usable the HTML view of a corpus is, in headless Chromium with the network blocked.

    kg build ../shared/corpus/bbc_news_2225.jsonl -o /tmp/htmlfull      # once
    python benchmarks/html_corpus.py /tmp/htmlfull/graph.html [--runs 5] [--json OUT]

Measures, on the page a user opens (targets from issue 20):
- first paint: from navigation to the overview laid out and drawn (< 3 s);
- search: suggestions for a name's first letters, then its neighbourhood centred and
  drawn (< 200 ms), for the 20 most connected entities;
- expand: a node of degree about 100 (95-105 facts), drawn inside a neighbourhood, gets
  its neighbours added and drawn (< 300 ms);
and the file's size. Medians over the runs (each run a fresh page); the machine may be
busy, so the spread is printed too.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DRAWN = "() => new Promise(r => kgNetwork.once('afterDrawing', () => r()))"
SEARCH = """async ([id, q]) => { const t = performance.now();
  kg.suggestions(q, 10); kg.goTo(id);
  await new Promise(r => kgNetwork.once('afterDrawing', () => r()));
  return performance.now() - t; }"""
EXPAND = """async ([id, via]) => { kg.goTo(via); await new Promise(r => setTimeout(r, 50));
  const before = kgNetwork.body.nodeIndices.length; const t = performance.now();
  const added = kg.expand(id);
  await new Promise(r => kgNetwork.once('afterDrawing', () => r()));
  return [performance.now() - t, added, kgNetwork.body.nodeIndices.length - before]; }"""


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    t = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-stable='1']", timeout=120_000)
    page.evaluate(DRAWN) if not page.evaluate("kgNetwork.body.nodeIndices.length") else None
    return page, time.perf_counter() - t, errors


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from tests.conftest import ARGS

    path = Path(argv[0]).resolve()
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    out = {"file": str(path), "bytes": path.stat().st_size, "first_paint_s": [],
           "search_ms": [], "expand_ms": [], "errors": []}  # fmt: skip
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        for _ in range(runs):
            page, first, errors = open_page(browser, path)
            out["first_paint_s"].append(round(first, 3))
            nodes = page.evaluate("kgData.nodes.map(n => [n.id, n.label, n.degree, n.group])")
            ranked = sorted((n for n in nodes if n[3] != "Concept"), key=lambda n: -n[2])
            for nid, label, _, _ in ranked[:20]:
                ms = page.evaluate(SEARCH, [nid, label[:4]])
                out["search_ms"].append(round(ms, 1))
            hundred = [n for n in ranked if 95 <= n[2] <= 105][:5]
            for nid, _, _, _ in hundred:
                via = page.evaluate(
                    "(id) => kgData.edges.filter(e => e.from === id || e.to === id)"
                    ".map(e => e.from === id ? e.to : e.from)[0]",
                    nid,
                )
                ms, added, grown = page.evaluate(EXPAND, [nid, via])
                out["expand_ms"].append(round(ms, 1))
            out["errors"] += errors
            page.close()
        browser.close()
    for key in ("first_paint_s", "search_ms", "expand_ms"):
        xs = out[key]
        out[key + "_median"] = statistics.median(xs) if xs else None
        print(f"{key}: median {out[key + '_median']}  min {min(xs)}  max {max(xs)}  n {len(xs)}")
    print(f"file: {out['bytes'] / 1e6:.1f} MB  console errors: {len(out['errors'])}")
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
