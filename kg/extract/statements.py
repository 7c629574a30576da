"""Quotes and reported speech -> who said what, from the attribution layer's regions:
(speaker, said, what) for quotations and reported speech, (source, reports, what) for
"according to" sources that are not people.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..model import Fact
from ..ontology import KG, local_name
from . import frames as fr
from . import syntax as sx
from . import terms
from .attribution import Region
from .context import Context

SAID, REPORTS = local_name(KG.said), local_name(KG.reports)


@functools.lru_cache(maxsize=2)
def _source_lead(words: frozenset[str]) -> re.Pattern[str]:
    """ "according to X," as a lead or an aside, to cut from the claim."""
    return re.compile(rf"[\s,]*\b(?:{sx.alternation(words)}) [^,.]+[,.]?\s*", re.I)


def _unpaired_quotes(text: str) -> bool:
    """A quotation mark without its partner: 'the results were strong "both
    operationally' (the quotation runs past the reported clause)."""
    return text.count('"') % 2 == 1 or text.count("\u201c") != text.count("\u201d")


def _claim_text(ctx: Context, r: Region) -> str:
    whole = " ".join(ctx.text[r.start : r.end].split()).strip(" ,.")
    text = whole.strip(' ,."\u201c\u201d')
    if _unpaired_quotes(text):  # 'was "more for all"': the closing mark is the phrase's
        text = whole if not _unpaired_quotes(whole) else re.sub(' ?["\u201c\u201d] ?', " ", text)
        text = " ".join(text.split())
    if r.kind == "source":
        text = _source_lead(ctx.lexicon.words.according_to).sub(" ", " " + text).strip(" ,.")
    return text


def _predicate(ctx: Context, r: Region) -> str:
    if r.kind != "source":
        return SAID
    person = ctx.lexicon.ner_class.get(r.speaker.ent_type_) == terms.PERSON
    pronoun = r.speaker.lower_ in ctx.lexicon.words.person_object_pronouns
    return SAID if person or pronoun else REPORTS


def _denial(ctx: Context, r: Region) -> tuple[str, bool] | None:
    """A reporting verb that is negated or denies ("did not explain why", "denied that
    X") states no "said": the fact is the verb itself, with its polarity."""
    if r.trigger is None:
        return None
    negated = ctx.negated(r.trigger)
    if negated or r.verb in ctx.lexicon.words.negating_that_verbs:
        return sx.camel(r.verb), negated
    return None


def _with_claim(ctx: Context, r: Region, fact: Fact) -> Fact:
    """The evidence of a statement covers its words as well as its speaker: a quotation
    that runs on after '"...," he said' is shown with the sentence that holds it."""
    text, start, end = ctx.text, r.start, r.end
    while start < end and (text[start].isspace() or text[start] in '"\u201c\u201d'):
        start += 1  # a region may open on the space or mark before its words
    while end > start and (text[end - 1].isspace() or text[end - 1] in '"\u201c\u201d'):
        end -= 1
    if start == end:
        return fact
    first = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    last = ctx.doc.char_span(end - 1, end, alignment_mode="expand")
    if first is None or last is None or not len(first) or not len(last):
        return fact
    start = min(fact.sent_start, sx.sentence_bounds(first[0])[0])
    end = max(fact.sent_end, sx.sentence_bounds(last[-1])[1])
    if (start, end) == (fact.sent_start, fact.sent_end):
        return fact
    return Fact(**{**fact.__dict__, "sent_start": start, "sent_end": end})


def _audience(ctx: Context, r: Region, speaker) -> Iterator[Fact]:
    """Whom the words were said to, a body or a person: "X told parliament: '...'" ->
    (X, tell, parliament), "assured Mr Y that ..." -> (X, assure, Y), with the reporting
    verb's polarity and modality."""
    verb = r.trigger
    if verb is None or verb.lemma_.lower() not in ctx.lexicon.words.audience_verbs:
        return
    for o in fr.datives(verb) + fr.objects(verb):
        person = ctx.lexicon.ner_class.get(o.ent_type_) == terms.PERSON
        # "told parliament", "told the committee"; not "told reporters" (no one in
        # particular) nor "told the BBC" (a source's outlet, not whom it addressed)
        body = not o.ent_type_ and ctx.lexicon.classes.get(o.lemma_.lower()) == terms.ORGANIZATION
        if not (person or body) or o.i == r.speaker.i:
            continue
        heard = sx.mention(o, keep_preps=False)
        if heard is not None and heard.text:
            yield sx.make_fact(speaker, sx.camel(verb.lemma_.lower()), heard, verb,
                               negated=ctx.negated(verb), modality_=ctx.modality(verb),
                               rule="audience")  # fmt: skip


def statement_facts(ctx: Context) -> Iterator[Fact]:
    """One statement per region and speaker."""
    seen: set[tuple[int, int, int]] = set()
    told: set[tuple[int, int]] = set()
    for r in ctx.regions:
        if (r.start, r.end, r.speaker.i) in seen:
            continue
        seen.add((r.start, r.end, r.speaker.i))
        speaker = sx.mention(r.speaker, keep_preps=False)
        text = _claim_text(ctx, r)
        if speaker is None or not text:
            continue
        denial = _denial(ctx, r)
        if denial is not None:
            pred, neg = denial
            fact = sx.make_fact(speaker, pred, text, r.speaker.head, negated=neg,
                                rule="denial")  # fmt: skip
        else:
            # "X can go to the public and say Y": what may be said is not said
            modality = ctx.modality(r.trigger) if r.trigger is not None else "asserted"
            fact = sx.make_fact(speaker, _predicate(ctx, r), text, r.speaker.head,
                                modality_=modality, rule=r.kind)  # fmt: skip
        fact = _with_claim(ctx, r, fact)
        yield Fact(**{**fact.__dict__, "reporting_verb": r.verb, "lemma": r.verb})
        if r.trigger is not None and (r.trigger.i, r.speaker.i) not in told:
            told.add((r.trigger.i, r.speaker.i))
            yield from _audience(ctx, r, speaker)
