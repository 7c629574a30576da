"""spaCy Doc -> candidate Facts: the shared layers, the extractors, one registry.

Every extractor is ``fn(ctx: Context) -> Iterator[Fact]`` (see context.py for the layers
it reads), registered in ``EXTRACTORS`` with what it yields to. ``extract()`` runs the
chosen ones and, in one place for all of them:

- drops facts from page furniture (boilerplate lines; tag lines, but for an extractor
  that reads names alone; a dateline is none);
- attributes facts inside quoted or reported speech to their speaker;
- settles ownership: a fact of an extractor that yields to another is dropped when that
  other read a fact at the same word for the same subject ("X, a spokesman," is a role,
  not a type);
- de-duplicates on (subject, predicate, object, polarity, sentence), keeping every
  extractor that found the fact (``Fact.found_by``);
- stamps provenance and the confidence measured for the extractor and its rule
  (kg/calibration.py).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from ..calibration import confidence
from ..datelines import dateline, seal
from ..errors import ConfigError
from ..gazetteer import Gazetteer
from ..lexicon import Lexicon, load_lexicon
from ..model import Fact
from . import syntax as sx
from .attribution import QUOTE, Region
from .clauses import characterization_facts, clause_facts, predicative_facts
from .contests import contest_facts
from .context import Context
from .intentions import intention_facts
from .nominal import nominal_facts
from .origin import origin_facts
from .ownership import ownership_facts
from .places import place_facts
from .quantities import quantity_facts
from .roles import role_facts
from .statements import statement_facts
from .types import agent_noun_facts, copula_facts, membership_facts

__all__ = ["EXTRACTORS", "Context", "Extractor", "extract", "get_extractors"]


@dataclass(frozen=True)
class Extractor:
    """A registered extractor: its function, and the extractors whose reading of the
    same word wins over its own."""

    fn: Callable[[Context], Iterator[Fact]]
    yields_to: frozenset[str] = frozenset()
    # reads names alone, so its facts hold on a line with no verb ("Upton, N.Y.;", "Acme
    # Steel Corp. of Cleveland;")
    reads_tag_lines: bool = False

    def __call__(self, ctx: Context) -> Iterator[Fact]:
        return self.fn(ctx)


EXTRACTORS: dict[str, Extractor] = {
    "clause": Extractor(clause_facts),
    "characterization": Extractor(characterization_facts),
    "predicative": Extractor(predicative_facts),
    "nominal": Extractor(nominal_facts),
    "intention": Extractor(intention_facts),
    "role": Extractor(role_facts),
    "copula": Extractor(copula_facts, yields_to=frozenset({"role"})),
    "agent_noun": Extractor(agent_noun_facts),
    "membership": Extractor(membership_facts),
    "quantity": Extractor(quantity_facts),
    "statement": Extractor(statement_facts),
    "origin": Extractor(origin_facts),
    "place": Extractor(place_facts, reads_tag_lines=True),
    "ownership": Extractor(ownership_facts),
    "contest": Extractor(contest_facts),
}


def get_extractors(names: Iterable[str] | None = None) -> dict[str, Extractor]:
    if names is None:
        return dict(EXTRACTORS)
    chosen = {}
    for name in names:
        if name not in EXTRACTORS:
            raise ConfigError(
                f"unknown extractor {name!r}. Available names: {', '.join(sorted(EXTRACTORS))}"
            )
        chosen[name] = EXTRACTORS[name]
    return chosen


@functools.lru_cache(maxsize=2)
def _boilerplate_pattern(openings: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"^\W*(?:{sx.alternation(openings)})\b", re.I)


BOILERPLATE, TAG_LINE = "boilerplate", "tag line"


def _furniture(ctx: Context, start: int, end: int) -> str | None:
    """Page furniture, not reporting: a boilerplate line, or a tag line (a short list of
    names with no verb: "Turkey, Ukraine, Russia"); None for a sentence."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if _boilerplate_pattern(ctx.lexicon.words.boilerplate_openings).match(span.text.strip()):
        return BOILERPLATE
    tag_line = len(span) < 12 and not any(t.pos_ in {"VERB", "AUX"} for t in span)
    # "HELSINKI, Finland (AP)" is no furniture
    return TAG_LINE if tag_line and dateline(span) is None else None


def _aside(doc: Doc, region: Region, anchor: int) -> bool:
    """ "X claimed that the campaign targets Y, who is facing trial": a relative clause
    set off by a comma inside reported speech (not a quotation) is the writer's
    background on a noun, not part of what the speaker said."""
    if region.kind == QUOTE or region.trigger is None:
        return False
    span = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    tok = span[0] if span is not None and len(span) else None
    while tok is not None and tok.i != region.trigger.i and tok.head.i != tok.i:
        edge = tok.left_edge.i
        # "..., where revenues dipped": a place of the speaker's own claim
        if tok.dep_ == "relcl" and edge > 0 and doc[edge - 1].text == "," \
                and doc[edge].tag_ != "WRB":  # fmt: skip
            return True
        tok = tok.head
    return False


def _attribute(fact: Fact, regs: list[Region], doc: Doc) -> Fact:
    """The innermost speaker or source whose stretch of text holds the fact's trigger."""
    inside = [r for r in regs if r.start <= fact.anchor < r.end
              and not _aside(doc, r, fact.anchor)]  # fmt: skip
    if not inside:
        return fact
    best = min(inside, key=lambda r: r.end - r.start)
    speaker = sx.mention(best.speaker, keep_preps=False)
    if speaker is None:
        return fact
    return dataclasses.replace(fact, attributed_to=speaker, reporting_verb=best.verb)


def _key(f: Fact) -> tuple:
    return (f.subject.text, f.predicate, f.object_text, f.negated, f.sent_start)


def _settle(found: list[Fact], chosen: dict[str, Extractor]) -> list[Fact]:
    """Ownership, then de-duplication with every finder kept."""
    read_at = {(f.extractor, f.subject.start, f.anchor) for f in found}
    kept: dict[tuple, Fact] = {}
    for f in found:
        owners = chosen[f.extractor].yields_to
        if any((o, f.subject.start, f.anchor) in read_at for o in owners):
            continue
        key = _key(f)
        first = kept.get(key)
        if first is None:
            kept[key] = f
        elif f.extractor not in first.found_by:
            kept[key] = dataclasses.replace(first, found_by=(*first.found_by, f.extractor))
    return list(kept.values())


def _conditioned(ctx: Context, fact: Fact) -> bool:
    """A fact read from a condition ("if Brumco buys the mill, ..."): no fact (see
    ``factuality.in_condition``)."""
    trigger = ctx.doc.char_span(fact.anchor, fact.anchor + 1, alignment_mode="expand")
    return trigger is not None and len(trigger) > 0 and ctx.in_condition(trigger[0])


def run(ctx: Context, extractors: Iterable[str] | None = None, *, doc_id: str = "") -> list[Fact]:
    """All candidate facts the chosen extractors read from a context (see the module
    docstring for what is settled here), in document order."""
    seal(ctx.doc)  # the article is final: what is read once per token is remembered
    chosen = get_extractors(extractors)
    furniture: dict[int, str | None] = {}
    found: list[Fact] = []
    for name, ex in chosen.items():
        for fact in ex(ctx):
            if fact.sent_start not in furniture:
                furniture[fact.sent_start] = _furniture(ctx, fact.sent_start, fact.sent_end)
            kind = furniture[fact.sent_start]
            if kind == BOILERPLATE or (kind == TAG_LINE and not ex.reads_tag_lines):
                continue
            if _conditioned(ctx, fact):
                continue
            fact = dataclasses.replace(
                fact, extractor=name, found_by=(name,), doc_id=doc_id,
                confidence=confidence(name, fact.rule),
            )  # fmt: skip
            if fact.predicate not in ctx.lexicon.speech:
                fact = _attribute(fact, ctx.regions, ctx.doc)
            found.append(fact)
    facts = _settle(found, chosen)
    facts.sort(key=lambda f: (f.sent_start, f.anchor, f.subject.start, f.predicate))
    return facts


def extract(
    doc: Doc,
    *,
    doc_id: str = "",
    lexicon: Lexicon | None = None,
    extractors: Iterable[str] | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Fact]:
    """All candidate facts of a parsed article, de-duplicated, in document order."""
    seal(doc)  # the article is final: what is read once per sentence is remembered
    ctx = Context(doc, lexicon or load_lexicon(), gazetteer)
    return run(ctx, extractors, doc_id=doc_id)
