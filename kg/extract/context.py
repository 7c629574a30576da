"""The one argument every extractor takes: a parsed article and its shared layers.

An extractor is ``fn(ctx: Context) -> Iterator[Fact]``. It reads the layers instead of
re-deriving them, and each layer is computed once per article, on first use:

- ``ctx.refs``      the reference layer: which tokens name which entity (references.py)
- ``ctx.frame(tok)`` the frame layer: a verbal predicate's arguments and kind (frames.py)
- ``ctx.negated(tok)``, ``ctx.modality(tok)`` the factuality layer (factuality.py)
- ``ctx.regions``   the attribution layer: who said which stretch of text (attribution.py)
- ``ctx.lexicon``   every word list and trigger (kg.lexicon)
- ``ctx.places``    the gazetteer (countries, capitals, demonyms, organisations)
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..gazetteer import Gazetteer, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from . import factuality
from .attribution import Region, quote_spans, regions
from .frames import VERBAL, Frame, verb_frame
from .references import References, build_references


@dataclass
class Context:
    doc: Doc
    lexicon: Lexicon = field(default_factory=load_lexicon)
    gazetteer: Gazetteer | None = None
    _frames: dict[int, Frame | None] = field(default_factory=dict, repr=False)
    _factuality: dict[int, factuality.Factuality] = field(default_factory=dict, repr=False)
    _own: dict[int, factuality.Factuality] = field(default_factory=dict, repr=False)

    @cached_property
    def tokens(self) -> list[Token]:
        """The document's tokens, made once: spaCy makes a new Token object on every
        iteration over a Doc, and the extractors walk it many times."""
        return list(self.doc)

    @cached_property
    def lowers(self) -> list[str]:
        """Each token's lower-cased form, by index: a scan over strings costs a fraction
        of one over Token objects, which spaCy builds anew on every attribute read."""
        return [t.lower_ for t in self.tokens]

    @cached_property
    def lemmas(self) -> list[str]:
        """Each token's lower-cased lemma, by index."""
        return [t.lemma_.lower() for t in self.tokens]

    @cached_property
    def tags(self) -> list[str]:
        """Each token's coarse part of speech (``pos_``), by index."""
        return [t.pos_ for t in self.tokens]

    @cached_property
    def deps(self) -> list[str]:
        """Each token's dependency label, by index."""
        return [t.dep_ for t in self.tokens]

    @cached_property
    def _by_lemma(self) -> dict[str, list[int]]:
        return _index(self.lemmas)

    @cached_property
    def _by_lower(self) -> dict[str, list[int]]:
        return _index(self.lowers)

    def with_words(self, *, lemmas: Collection[str] = (), lowers: Collection[str] = (),
                   pos: Collection[str] | None = None) -> list[Token]:  # fmt: skip
        """The tokens, in document order, whose lower-cased lemma is one of ``lemmas`` or
        whose lower-cased form is one of ``lowers`` (and whose ``pos_`` is one of ``pos``):
        the trigger words of a rule, found from an index instead of a scan of every token
        (an article is read by some twenty such rules)."""
        ids: set[int] = set()
        for words, index in ((lemmas, self._by_lemma), (lowers, self._by_lower)):
            if len(words) < len(index):
                found = (index[w] for w in words if w in index)
            else:
                found = (ids_ for w, ids_ in index.items() if w in words)
            for ids_ in found:
                ids.update(ids_)
        tags = self.tags
        return [self.tokens[i] for i in sorted(ids) if pos is None or tags[i] in pos]

    def where(self, *, pos: Collection[str] | None = None,
              dep: Collection[str] | None = None) -> list[Token]:  # fmt: skip
        """The tokens, in document order, with one of these parts of speech and one of
        these dependency labels (either may be left open)."""
        tags, deps = self.tags, self.deps
        return [self.tokens[i] for i in range(len(tags))
                if (pos is None or tags[i] in pos) and (dep is None or deps[i] in dep)]  # fmt: skip

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        """The document's named entities, made once (``Doc.ents`` builds new Spans on
        every access, ~1 ms an article)."""
        return self.doc.ents

    @cached_property
    def verbs(self) -> list[Token]:
        """The tokens that can head a verb frame."""
        return [t for t in self.tokens if t.pos_ in VERBAL]

    @cached_property
    def text(self) -> str:
        """The document's text, made once (``Doc.text`` joins every token anew)."""
        return self.doc.text

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Character spans of the document's quotations (read by references and
        attribution)."""
        return quote_spans(self.doc, self.text)

    @cached_property
    def places(self) -> Gazetteer:
        """The gazetteer given, else the shared one."""
        return self.gazetteer or load_gazetteer()

    @cached_property
    def refs(self) -> References:
        return build_references(self.doc, gazetteer=self.places, lexicon=self.lexicon,
                                spans=self.quotes)  # fmt: skip

    @cached_property
    def regions(self) -> list[Region]:
        return regions(self.doc, lexicon=self.lexicon, tokens=self.tokens, text=self.text,
                       spans=self.quotes)  # fmt: skip

    def frame(self, tok: Token) -> Frame | None:
        if tok.i not in self._frames:
            self._frames[tok.i] = verb_frame(tok, self.lexicon)
        return self._frames[tok.i]

    def frames(self, *kinds: str) -> Iterator[Frame]:
        """The document's verb frames in order, of the given kinds (all if none)."""
        for tok in self.verbs:
            f = self.frame(tok)
            if f is not None and (not kinds or f.kind in kinds):
                yield f

    def factuality(self, tok: Token) -> factuality.Factuality:
        if tok.i not in self._factuality:
            self._factuality[tok.i] = factuality.factuality(tok, self.lexicon.words, self._own)
        return self._factuality[tok.i]

    def in_condition(self, tok: Token) -> bool:
        return factuality.in_condition(tok, self.lexicon.words)

    def negated(self, tok: Token) -> bool:
        return self.factuality(tok).negated

    def modality(self, tok: Token) -> str:
        return self.factuality(tok).modality


def _index(words: list[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        out.setdefault(w, []).append(i)
    return out
