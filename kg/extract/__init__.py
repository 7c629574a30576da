"""spaCy Doc -> candidate Facts. One module per construction, one EXTRACTORS table.

Extractors are pure generator functions ``(doc, *, lexicon) -> Iterator[Fact]``; they do
not know the article or their own name. ``extract()`` runs the chosen ones, stamps
provenance in one place, attributes facts that fall inside quoted or reported speech to
their speaker, and drops facts from boilerplate lines.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from ..errors import ConfigError
from ..model import Fact
from ..ontology import Lexicon, load_lexicon
from . import syntax as sx
from .clauses import characterization_facts, clause_facts
from .nominal import nominal_facts
from .quantities import quantity_facts
from .roles import role_facts
from .statements import regions, statement_facts
from .types import agent_noun_facts, copula_facts, membership_facts

Extractor = Callable[..., Iterator[Fact]]

EXTRACTORS: dict[str, Extractor] = {
    "clause": clause_facts,
    "characterization": characterization_facts,
    "nominal": nominal_facts,
    "role": role_facts,
    "copula": copula_facts,
    "agent_noun": agent_noun_facts,
    "membership": membership_facts,
    "quantity": quantity_facts,
    "statement": statement_facts,
}

# Lines that are page furniture, not reporting.
BOILERPLATE = re.compile(
    r"^\W*(comments?|share( this)?( article)?|sign up|subscribe|related( articles| stories)?|"
    r"read more|advertisement|follow us|copyright|all rights reserved|tags?:?)\b",
    re.I,
)


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


def _boilerplate(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if BOILERPLATE.match(span.text.strip()):
        return True
    # a tag line: a short list of names with no verb ("Turkey, Ukraine, Russia")
    return span is not None and len(span) < 12 and not any(t.pos_ in {"VERB", "AUX"} for t in span)


def extract(
    doc: Doc,
    *,
    doc_id: str = "",
    lexicon: Lexicon | None = None,
    extractors: Iterable[str] | None = None,
) -> list[Fact]:
    """All candidate facts of a parsed article, de-duplicated, in document order."""
    lexicon = lexicon or load_lexicon()
    regs = regions(doc, lexicon=lexicon)
    facts: list[Fact] = []
    seen: set[tuple] = set()
    furniture: dict[int, bool] = {}
    for name, fn in get_extractors(extractors).items():
        # statements are read from the same regions attribution uses: found once
        more = {"regs": regs} if fn is statement_facts else {}
        for fact in fn(doc, lexicon=lexicon, **more):
            if fact.sent_start not in furniture:
                furniture[fact.sent_start] = _boilerplate(doc, fact.sent_start, fact.sent_end)
            if furniture[fact.sent_start]:
                continue
            fact = dataclasses.replace(fact, extractor=name, doc_id=doc_id)
            if fact.predicate not in {"said", "reports"}:
                fact = _attribute(fact, regs)
            key = (fact.subject.start, fact.predicate, fact.object_text, fact.negated,
                   fact.anchor)  # fmt: skip
            if key in seen:
                continue
            seen.add(key)
            facts.append(fact)
    facts.sort(key=lambda f: (f.sent_start, f.anchor, f.subject.start, f.predicate))
    return facts


def _attribute(fact: Fact, regs: list) -> Fact:
    """The innermost speaker or source whose stretch of text holds the fact's trigger."""
    best = None
    for r in regs:
        if r.start <= fact.anchor < r.end and (
            best is None or r.end - r.start < best.end - best.start
        ):
            best = r
    if best is None:
        return fact
    speaker = sx.mention(best.speaker, keep_preps=False)
    if speaker is None:
        return fact
    return dataclasses.replace(fact, attributed_to=speaker, reporting_verb=best.verb)
