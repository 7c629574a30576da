"""The attribution layer: the stretches of an article that it attributes to a speaker
or a source (quotations, that-clauses of reporting verbs, "according to X").

Built once per article (``Context.regions``); ``extract()`` attributes every fact whose
trigger falls inside a region to its speaker, and the statements extractor states who
said what from the same regions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..lexicon import Lexicon, load_lexicon, load_words
from . import frames as fr
from .factuality import excessive
from .frames import is_reporting

_QUOTE_CHARS = re.compile(r"[\"\u201c\u201d]")
MIN_QUOTE_WORDS = 4  # shorter quoted stretches are scare quotes or titles, not speech
CONTINUED_QUOTE_CHARS = 400  # how far after a speaker's quote an unattributed one goes on
CONTINUED_QUOTE_GAP = 3  # characters between a quotation and the sentence that reports it
CONTINUED_QUOTE_TAIL = 12  # '"...," he said': a reporting verb this close after a quote is its own
QUOTE = "quote"
_FINITE = {"VBD", "VBZ", "VBP"}


@dataclass(frozen=True)
class Region:
    """A stretch of text that the article attributes to a speaker or source."""

    start: int
    end: int
    speaker: Token  # head token of the speaker's phrase
    verb: str  # reporting verb lemma, or "according to"
    kind: str  # "quote" | "reported" | "source"
    trigger: Token | None = None  # the reporting verb, whose polarity is the statement's


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
            if ch == "\u201c" or (ch == '"' and (opened is None or _opens(para, m.start()))):
                if opened is not None and ch == '"':
                    # 'game. "It's difficult': a new quotation opens where the writer
                    # never closed the last one (a quote run over several sentences)
                    spans.append((opened, at))
                if opened is None or ch == '"':
                    opened = at + 1
            elif opened is not None:
                spans.append((opened, at))
                opened = None
        if opened is not None and len(para.strip()) > 0:
            spans.append((opened, pos + len(para.rstrip())))
        pos += len(para)
    return spans


def _opens(para: str, i: int) -> bool:
    """A straight quotation mark that opens: after a space (or the start), before a word."""
    before = para[i - 1] if i > 0 else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    return before.isspace() and not after.isspace()


def _inside(idx: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= idx < e for s, e in spans)


def _unsaid(verb: Token) -> bool:
    """A reporting verb under an adjective that withholds it: "too early to say how
    many", "unable to say whether"; or one whose object is a free relative ("whatever
    Europe says"): it says nothing in particular, least of all a quotation nearby."""
    w = load_words()
    if any(c.dep_ in fr.OBJ and c.lower_ in w.free_relatives for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ != "xcomp" or head.pos_ != "ADJ":
        return False
    return excessive(head, w) or head.lemma_.lower() in w.unsaying_adjectives


def _speech_regions(verb: Token, quotes: list[tuple[int, int]]) -> list[Region]:
    """The quotations around a reporting verb's sentence and its that-clause."""
    if _unsaid(verb):
        return []
    subjects = fr.subjects(verb)
    speaker = subjects[0] if subjects else None
    if speaker is None:
        return []
    # inside a quotation, a third party the speaker reports ("there are critics who say
    # we can't ...") has a that-clause of its own; "I said" and "we think" do not
    nested = _inside(speaker.idx, quotes)
    if nested and (speaker.lower_ in load_words().speaker_pronouns
                   or not _inside(verb.idx, quotes)):  # fmt: skip
        return []
    out = []
    lemma, sent = verb.lemma_.lower(), verb.sent
    # a verb with a that-clause of its own reports that clause, not the quotation
    # before ('"...," Jones said. She has indicated that she will run.')
    said_that = _says_that(verb, quotes)
    # "with Real Madrid believed to be monitoring him": a raising verb quotes no one
    raising = any(c.dep_ == "xcomp" and not _inside(c.idx, quotes) for c in verb.children)
    if not _inside(verb.idx, quotes) and not raising:
        for s, e in quotes:
            # the quotation ends or starts in the reporting verb's sentence
            # ... or ends right before it: '"I cannot explain the result." he said.'
            before = sent.start_char - CONTINUED_QUOTE_GAP <= e and not said_that
            ends_here = (before or sent.start_char <= e) and e <= sent.end_char + 1
            if (ends_here or sent.start_char - 1 <= s <= sent.end_char) \
                    and not _in_speakers_phrase(verb.doc, s, speaker):  # fmt: skip
                out.append(Region(s, e, speaker, lemma, QUOTE, verb))
    reported = _reported(verb, speaker, quotes, nested)
    # 'said that X would "cut fraud"': a quotation inside the clause is part of it
    out = [q for q in out if not any(r.start <= q.start and q.end <= r.end for r in reported)]
    return out + reported


def _reported(verb: Token, speaker: Token, quotes: list[tuple[int, int]],
              nested: bool) -> list[Region]:  # fmt: skip
    """The reporting verb's that-clauses, as regions."""
    complementisers = load_words().complementisers
    lemma = verb.lemma_.lower()
    # "Aiming to stir growth, X said the focus was Y": with a clause after the verb, a
    # clause before it is a fronted adjunct the parser took for a second complement
    after = any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    reported: list[Region] = []
    for c in verb.children:
        if c.dep_ == "ccomp" and after and c.i < verb.i:
            continue
        # ('said that X would "cut fraud"': a clause begun outside the quotation)
        if c.dep_ == "ccomp" and (nested or not _inside(c.left_edge.idx, quotes)):
            toks = list(c.subtree)
            if c.i < verb.i:
                toks = _fronted_report(toks, verb, speaker)
            if len(toks) > 1 and toks[0].dep_ == "mark" and toks[0].lower_ in complementisers:
                toks = toks[1:]  # the complementiser is not what was said
            if _relative_subject(c):
                continue  # "X, who it says headed Y": the clause's subject is elsewhere
            toks = _before_other_report(toks)
            reported.append(Region(toks[0].idx, toks[-1].idx + len(toks[-1]), speaker, lemma,
                                   "reported", verb))  # fmt: skip
    return _joined(reported, verb.doc.text)


def _before_other_report(toks: list[Token]) -> list[Token]:
    """ "X said prices rose and Y reported a fall": a report joined to the clause, with
    a speaker of its own, is not part of what X said; the clause ends before it. Read
    from the words ("and", a noun phrase, a finite verb of saying), as the parser often
    hangs the second speaker on the last noun before it."""
    lexicon, doc = load_lexicon(), toks[0].doc
    for t in toks[1:]:
        if t.tag_ not in _FINITE or not is_reporting(t, lexicon):
            continue
        j = t.i - 1
        while j > toks[0].i and doc[j].pos_ in {"PROPN", "NOUN", "DET", "ADJ"}:
            j -= 1
        if j < t.i - 1 and doc[j].dep_ == "cc":
            while j > toks[0].i and doc[j - 1].is_punct:
                j -= 1
            return [k for k in toks if k.i < j]
    return toks


def _relative_subject(clause: Token) -> bool:
    """A reported clause whose subject is a relative pronoun ("X, who it says headed
    Y"): it says nothing without the name the relative clause hangs on."""
    rel = load_words().relative_subjects
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in rel for c in clause.children)


def _joined(regions: list[Region], text: str) -> list[Region]:
    """Two clauses of one verb that follow each other with only a comma between ("said the
    deal, details of which are due, was a relief"): the parser split one clause."""
    out: list[Region] = []
    for r in sorted(regions, key=lambda r: r.start):
        if out and text[out[-1].end : r.start].strip(" ,") == "":
            out[-1] = replace(out[-1], end=r.end)
        else:
            out.append(r)
    return out


def _fronted_report(toks: list[Token], verb: Token, speaker: Token) -> list[Token]:
    """ "Better statistics are the best way of making sure the board decides well, she
    said": what comes before the comma of a clause-final "she said" is all said, though
    the parser may hang only its last clause on the verb."""
    sent, doc = verb.sent, verb.doc
    end = min(speaker.left_edge.i, verb.i)
    while end > sent.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    start = sent.start
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if toks and start <= toks[0].i and toks[-1].i < end and doc[end].text == ",":
        return list(doc[start:end])
    return toks


def _in_speakers_phrase(doc: Doc, start: int, speaker: Token) -> bool:
    """ "said X, chairman of Y - a firm with the motto '...'": a quotation inside the
    phrase that names the speaker is a name or a motto, not the speaker's words."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and speaker in span[0].ancestors


def _says_that(verb: Token, quotes: list[tuple[int, int]]) -> bool:
    """A reporting verb with a that-clause of its own, begun outside any quotation
    ('said the board "may well wait"': the clause is his, and the quotation before it
    is not)."""
    return any(c.dep_ == "ccomp" and not _inside(c.left_edge.idx, quotes) for c in verb.children)


@functools.lru_cache(maxsize=8)
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(p.split(" ", 1)[0] for p in phrases if " " in p)


def _source_region(tok: Token, words: frozenset[str]) -> Region | None:
    """ "According to Bloomberg, X ..." / "X, according to him, ...": the clause the
    phrase modifies (the sentence, or just a relative clause)."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or tok.lower_ not in _first_words(words):
        return None
    phrase = f"{tok.lower_} {doc[tok.i + 1].lower_}"
    if phrase not in words:
        return None
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in tok.children if c.dep_ == "pobj"
    ]
    if not objs:
        return None
    scope = tok.head if tok.head.pos_ in fr.VERBAL else tok.sent.root
    toks = list(scope.subtree)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    return Region(start, end, _publisher(objs[0]), phrase, "source")


def _publisher(source: Token) -> Token:
    """ "according to the central bank's figures", "according to figures from the
    ministry": who published the figures is the source, not the figures."""
    w = load_words()
    if source.lemma_.lower() not in w.source_document_nouns:
        return source
    for c in source.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
    for p, o in fr.prep_objects(source):
        if p.lower_ in w.source_document_prepositions:
            return o
    return source


def regions(doc: Doc, *, lexicon: Lexicon, tokens: list[Token] | None = None,
            text: str | None = None,
            spans: list[tuple[int, int]] | None = None) -> list[Region]:  # fmt: skip
    """Every attributed stretch of the document: quotations, that-clauses of reporting
    verbs, and sentences under "according to X". ``tokens``/``text``/``spans`` (its
    quotations): the document's, if already made."""
    text = doc.text if text is None else text
    tokens = list(doc) if tokens is None else tokens
    spans = quote_spans(doc, text) if spans is None else spans
    quotes = [(s, e) for s, e in spans if len(text[s:e].split()) >= MIN_QUOTE_WORDS]
    out: list[Region] = []
    sources: list[Region] = []
    according = lexicon.words.according_to
    verbs: list[int] = []
    bare: list[int] = []  # ... of them, those that can take the quotation before them
    for tok in tokens:
        if is_reporting(tok, lexicon):
            verbs.append(tok.idx)
            if not _says_that(tok, quotes):
                bare.append(tok.idx)
            out.extend(_speech_regions(tok, quotes))
        r = _source_region(tok, according)
        if r is not None:
            sources.append(r)
    return out + _continued(quotes, out, verbs, bare) + sources


def _other(region: Region, verb_idx: int) -> bool:
    """A reporting verb other than the one the region hangs on."""
    return region.trigger is None or region.trigger.idx != verb_idx


def _continued(quotes: list[tuple[int, int]], found: list[Region], verbs: list[int],
               bare: list[int]) -> list[Region]:  # fmt: skip
    """A quotation with no reporting verb of its own that follows closely on one with a
    speaker goes on with that speaker's words (news runs a quote over several
    paragraphs, naming the speaker once), unless someone else is reported in between
    or the quotation is followed by a reporting verb of its own ('"...," he said'; not
    one that reports a that-clause of its own, ``bare`` are the others)."""
    said = sorted((r for r in found if r.kind == QUOTE), key=lambda r: r.end)
    out: list[Region] = []
    for s, e in quotes:
        if any(r.start <= s < r.end for r in found):
            continue
        if any(e <= v <= e + CONTINUED_QUOTE_TAIL for v in bare):
            continue  # its own "he said", in a sentence of its own
        before = [r for r in said if r.end <= s and s - r.end <= CONTINUED_QUOTE_CHARS
                  and not any(r.end < v < s and _other(r, v) for v in verbs)]  # fmt: skip
        if before and not _in_speakers_phrase(before[-1].speaker.doc, s, before[-1].speaker):
            last = before[-1]
            out.append(Region(s, e, last.speaker, last.verb, QUOTE, last.trigger))
            said.append(out[-1])
            said.sort(key=lambda r: r.end)
    return out
