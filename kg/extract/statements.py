"""Quotes and reported speech -> who said what; and the regions of text each speaker or
source ("according to Bloomberg") covers, so that the facts inside are attributed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Fact
from ..ontology import Lexicon
from . import syntax as sx

_QUOTE_CHARS = re.compile(r"[\"\u201c\u201d]")
_ACCORDING = re.compile(r"[\s,]*\baccording to [^,.]+[,.]?\s*", re.I)


@dataclass(frozen=True)
class Region:
    """A stretch of text that the article attributes to a speaker or source."""

    start: int
    end: int
    speaker: Token  # head token of the speaker's phrase
    verb: str  # reporting verb lemma, or "according to"
    kind: str  # "quote" | "reported" | "source"


def quote_spans(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Character spans (inside the marks) of quotations, paragraph by paragraph; an
    unclosed quotation runs to the end of its paragraph."""
    spans: list[tuple[int, int]] = []
    text = doc.text if text is None else text
    pos = 0
    for para in re.split(r"(\n\s*\n)", text):
        opened: int | None = None
        for m in _QUOTE_CHARS.finditer(para):
            ch = m.group()
            at = pos + m.start()
            if ch == "\u201c" or (ch == '"' and opened is None):
                if opened is None:
                    opened = at + 1
            elif opened is not None:
                spans.append((opened, at))
                opened = None
        if opened is not None and len(para.strip()) > 0:
            spans.append((opened, pos + len(para.rstrip())))
        pos += len(para)
    return spans


def _reporting(verb: Token, lexicon: Lexicon) -> bool:
    return verb.pos_ == "VERB" and lexicon.verbs.get(verb.lemma_.lower()) in {"said", "reports"}


def _speaker(verb: Token) -> Token | None:
    subs = sx.subjects(verb)
    return subs[0] if subs else None


def regions(doc: Doc, *, lexicon: Lexicon) -> list[Region]:
    """Every attributed stretch of the document: quotations, that-clauses of reporting
    verbs, and sentences under "according to X"."""
    out: list[Region] = []
    text = doc.text
    quotes = [(s, e) for s, e in quote_spans(doc, text) if len(text[s:e].split()) >= 4]
    for verb in doc:
        if not _reporting(verb, lexicon):
            continue
        inside = any(s <= verb.idx < e for s, e in quotes)
        speaker = _speaker(verb)
        if speaker is None or any(s <= speaker.idx < e for s, e in quotes):
            continue
        sent = verb.sent
        for s, e in quotes:
            # the quotation ends or starts in the reporting verb's sentence
            if not inside and (sent.start_char <= e <= sent.end_char + 1 or
                               sent.start_char - 1 <= s <= sent.end_char):  # fmt: skip
                out.append(Region(s, e, speaker, verb.lemma_.lower(), "quote"))
        for c in verb.children:
            if c.dep_ == "ccomp" and not any(s <= c.idx < e for s, e in quotes):
                toks = list(c.subtree)
                out.append(Region(toks[0].idx, toks[-1].idx + len(toks[-1]), speaker,
                                  verb.lemma_.lower(), "reported"))  # fmt: skip
    for tok in doc:
        # "According to Bloomberg, X ..." / "X, according to him, ..."
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [
                c for c in tok.children if c.dep_ == "pobj"
            ]
            if not objs:
                continue
            # the clause "according to" modifies: the sentence, or just a relative clause
            scope = tok.head if tok.head.pos_ in {"VERB", "AUX"} else tok.sent.root
            toks = list(scope.subtree)
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
            out.append(Region(start, end, objs[0], "according to", "source"))
    return out


def statement_facts(doc: Doc, *, lexicon: Lexicon,
                    regs: list[Region] | None = None) -> Iterator[Fact]:  # fmt: skip
    """(speaker, said, what) for quotations and reported speech; (source, reports, what)
    for "according to" sources. ``regs``: the document's regions, if already found."""
    seen: set[tuple[int, int, int]] = set()
    doc_text = doc.text
    for r in regions(doc, lexicon=lexicon) if regs is None else regs:
        if (r.start, r.end, r.speaker.i) in seen:
            continue
        seen.add((r.start, r.end, r.speaker.i))
        speaker = sx.mention(r.speaker, keep_preps=False)
        if speaker is None:
            continue
        text = " ".join(doc_text[r.start : r.end].split()).strip(' ,."\u201c\u201d')
        if r.kind == "source":
            # the claim without its "according to X," lead or aside
            text = _ACCORDING.sub(" ", " " + text).strip(" ,.")
            person = r.speaker.ent_type_ == "PERSON" or r.speaker.lower_ in {"him", "her", "them"}
            pred = "said" if person else "reports"
        else:
            pred = "said"
        if not text:
            continue
        verb_tok = r.speaker.head
        fact = sx.make_fact(speaker, pred, text, verb_tok, confidence=0.8)
        yield Fact(**{**fact.__dict__, "reporting_verb": r.verb, "lemma": r.verb})
