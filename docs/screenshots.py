"""The README's pictures of the HTML view of a corpus, taken in headless Chromium.

    head -300 ../shared/corpus/bbc_news_2225.jsonl > /tmp/bbc300.jsonl
    kg build /tmp/bbc300.jsonl -o /tmp/bbc300      # or any corpus build
    python docs/screenshots.py /tmp/bbc300/graph.html

Writes docs/corpus-overview.png (the page as it opens: the most connected entities) and
docs/corpus-expanded.png (the most connected organisation's neighbourhood, expanded),
with the network blocked, as the browser tests open the page. Only the toolbar and the
graph are kept (names and relations): the facts table and the side panel quote the
articles.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DOCS = Path(__file__).resolve().parent
# the toolbar and the graph only: the facts table and the side panel quote the articles,
# whose text is their owners' and stays out of the project
GRAPH = {"x": 0, "y": 0, "width": 1020, "height": 600}
SETTLED = "() => new Promise(r => setTimeout(r, 1500))"
MOST_CONNECTED = """() => { const orgs = kgData.nodes.filter(n => n.group === 'Organization');
  const by = (a, b) => (b.degree || 0) - (a.degree || 0)
    || String(a.id).localeCompare(String(b.id));
  orgs.sort(by);
  return orgs.length ? orgs[0].id : null; }"""


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from tests.conftest import ARGS, CHROMIUM

    if not argv:
        sys.exit("usage: python docs/screenshots.py GRAPH.html")
    page_path = Path(argv[0]).resolve()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-stable='1']", timeout=120_000)
        page.evaluate(SETTLED)
        page.screenshot(path=str(DOCS / "corpus-overview.png"), clip=GRAPH)
        node = page.evaluate(MOST_CONNECTED)
        if node is not None:
            page.evaluate("(id) => { kg.goTo(id); kg.expand(id); }", node)
            page.evaluate(SETTLED)
            page.screenshot(path=str(DOCS / "corpus-expanded.png"), clip=GRAPH)
        browser.close()
    print(f"wrote {DOCS / 'corpus-overview.png'} and {DOCS / 'corpus-expanded.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
