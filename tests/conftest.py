"""Session fixtures: the spaCy pipeline, lexicon and gazetteer are loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.model import Mention
from kg.nlp import load_nlp
from kg.ontology import load_lexicon
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
