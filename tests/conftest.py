"""Session fixtures: the spaCy pipeline, lexicon and gazetteer are loaded once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.model import Mention
from kg.nlp import load_nlp
from kg.resolve import resolve_article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "bbc_news_2225.jsonl"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer()


def triples(facts) -> set[tuple[str, str, str, bool]]:
    out = set()
    for f in facts:
        obj = f.obj.text if isinstance(f.obj, Mention) else f.obj
        out.add((f.subject.text, f.predicate, obj, f.negated))
    return out


# In a table's modality column: any modality but "asserted". For the irrealis contexts
# (wanted, urged, conditional, asked) that the ontology has no modality name for yet.
IRREALIS = "irrealis"


def rows(facts, expected=frozenset(), only=None, *, width: int | None = None) -> set[tuple]:
    """The facts as a table writes them, to compare with ``expected`` exactly.

    (subject, predicate, object, negated), plus the modality when the expected rows have
    five fields (or ``width`` says 5), plus who the fact is attributed to (or None) with
    six. ``only``: the predicates the row is about; other facts are left out.
    """
    if width is None:
        widths = {len(t) for t in expected} or {4}
        assert len(widths) == 1, f"a table row mixes widths: {expected}"
        width = widths.pop()
    wild = {t[:4] for t in expected if width > 4 and t[4] == IRREALIS}
    out = set()
    for f in facts:
        if only is not None and f.predicate not in only:
            continue
        row: tuple = (f.subject.text, f.predicate, f.object_text, f.negated)
        if width > 4:
            irrealis = row in wild and f.modality != "asserted"
            row += (IRREALIS if irrealis else f.modality,)
        if width > 5:
            row += (f.attributed_to.text if f.attributed_to else None,)
        out.add(row)
    return out


def case(text: str, expected=(), *, only=None, xfail: str | None = None):
    """One table row: the text, the exact set it yields, and (optionally) the predicates
    the row is about. ``xfail``: why kg's reading is wrong today; the row states the right
    one, and the mark comes off when kg gets it right."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, set(expected), only, marks=marks, id=text[:60])


@pytest.fixture(scope="session")
def facts_of(nlp, lexicon, gazetteer):
    """text -> resolved facts, the way the pipeline produces them."""

    def run(text: str, extractors=None):
        doc = nlp(text)
        found = extract(doc, lexicon=lexicon, extractors=extractors)
        resolved, _ = resolve_article(doc, found, gazetteer=gazetteer, lexicon=lexicon)
        return resolved

    return run


@pytest.fixture(scope="session")
def raw_facts_of(nlp, lexicon):
    """text -> unresolved candidate facts of the named extractors."""

    def run(text: str, extractors=None):
        return extract(nlp(text), lexicon=lexicon, extractors=extractors)

    return run


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium for the HTML view's tests. Skips locally when Chromium is absent;
    CI installs it and fails instead of skipping (CI=true)."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: install Debian's chromium package")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Page:
    """A page opened from a file with the network cut off, recording what went wrong."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                self.requests.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)
        self.page.goto(path.as_uri())

    def stable(self, timeout: float = 60_000) -> None:
        self.page.wait_for_selector("body[data-stable='1']", timeout=timeout)
