"""How long the HTML view of a large graph takes to become usable in headless Chromium.

    python benchmarks/html_layout.py [--nodes 2100] [--edges 3200]

Prints the time to build the page in Python (including the networkx layout) and the
time until the page reports a stable layout in Chromium (Playwright).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from kg.export.html import to_html
    from tests.test_browser import ARGS, big_graph

    n = int(argv[argv.index("--nodes") + 1]) if "--nodes" in argv else 2100
    m = int(argv[argv.index("--edges") + 1]) if "--edges" in argv else 3200
    g = big_graph(n, m)
    t = time.perf_counter()
    page_html = to_html(g)
    build_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "big.html"
        path.write_text(page_html, encoding="utf-8")
        chromium = shutil.which("chromium")
        browser = p.chromium.launch(executable_path=chromium, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        t = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-stable='1']", timeout=120_000)
        browser_s = time.perf_counter() - t
        browser.close()
    print(
        f"nodes {n}  edges {m}  page build (Python, incl. layout) {build_s:.1f}s  "
        f"browser until stable {browser_s:.1f}s  page {len(page_html) / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
