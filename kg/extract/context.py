"""The one argument every extractor takes: a parsed article and its shared layers.

An extractor is ``fn(ctx: Context) -> Iterator[Fact]``. It reads the layers instead of
re-deriving them, and each layer is computed once per article, on first use:

- ``ctx.refs``      the reference layer: which tokens name which entity (references.py)
- ``ctx.frame(tok)`` the frame layer: a verbal predicate's arguments and kind (frames.py)
- ``ctx.negated(tok)``, ``ctx.modality(tok)`` the factuality layer (factuality.py)
- ``ctx.regions``   the attribution layer: who said which stretch of text (attribution.py)
- ``ctx.lexicon``   every word list and trigger (kg.lexicon)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token

from ..gazetteer import Gazetteer, load_gazetteer
from ..lexicon import Lexicon, load_lexicon
from . import factuality
from .attribution import Region, regions
from .frames import Frame, verb_frame
from .references import References, build_references


@dataclass
class Context:
    doc: Doc
    lexicon: Lexicon = field(default_factory=load_lexicon)
    gazetteer: Gazetteer | None = None
    _frames: dict[int, Frame | None] = field(default_factory=dict, repr=False)
    _polarity: dict[int, bool] = field(default_factory=dict, repr=False)
    _modality: dict[int, str] = field(default_factory=dict, repr=False)

    @cached_property
    def refs(self) -> References:
        gaz = self.gazetteer or load_gazetteer()
        return build_references(self.doc, gazetteer=gaz, lexicon=self.lexicon)

    @cached_property
    def regions(self) -> list[Region]:
        return regions(self.doc, lexicon=self.lexicon)

    def frame(self, tok: Token) -> Frame | None:
        if tok.i not in self._frames:
            self._frames[tok.i] = verb_frame(tok, self.lexicon)
        return self._frames[tok.i]

    def frames(self, *kinds: str) -> Iterator[Frame]:
        """The document's verb frames in order, of the given kinds (all if none)."""
        for tok in self.doc:
            f = self.frame(tok)
            if f is not None and (not kinds or f.kind in kinds):
                yield f

    def negated(self, tok: Token) -> bool:
        if tok.i not in self._polarity:
            self._polarity[tok.i] = factuality.negated(tok, self.lexicon.words)
        return self._polarity[tok.i]

    def modality(self, tok: Token) -> str:
        if tok.i not in self._modality:
            self._modality[tok.i] = factuality.modality(tok, self.lexicon.words)
        return self._modality[tok.i]
