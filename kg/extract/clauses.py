"""Clauses -> facts: who did what to whom, read off the frame layer.

Every ``event`` frame gives one fact per (subject, participant argument): subject-verb-
object, ditransitives ("sell Ukraine a shipment": recipient and item), xcomp chains
("is preparing to sell": the frame layer hands the subject down), relative clauses,
coordination, passives (with and without an agent), prepositional objects ("stand for
X"). Verbs the ontology lists as triggers become its properties; any other verb becomes
an open relation named by its lemma. Object predicatives ("called X a provocation") are
the characterization extractor's.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Fact
from . import frames as fr
from . import syntax as sx
from .context import Context


def clause_facts(ctx: Context) -> Iterator[Fact]:
    """Subject-verb-object facts from every event frame of the document."""
    for frame in ctx.frames(fr.EVENT):
        args = [a for a in frame.args if a.kind == fr.PARTICIPANT]
        if not frame.subjects or not args:
            continue
        verb = frame.pred
        negated, modality = ctx.negated(verb), ctx.modality(verb)
        for s_head in frame.subjects:
            subj = sx.mention(s_head, keep_preps=False)
            if subj is None:
                continue
            for arg in args:
                obj = None if arg.head.i == s_head.i else sx.mention(arg.head)
                if obj is None or not obj.text:
                    continue
                # "denied the allegations": a speech verb with an object is no speech
                prop = None if arg.prop in ctx.lexicon.speech else arg.prop
                rule = frame.rule + ("" if prop else "-open")
                yield sx.make_fact(subj, prop or frame.name, obj, verb,
                                   negated=negated or arg.negated, modality_=modality,
                                   rule=rule + ("-remnant" if arg.negated else ""))  # fmt: skip


def characterization_facts(ctx: Context) -> Iterator[Fact]:
    """Object predicatives: "Putin called the use of drones a provocation" ->
    (Putin, call, provocation), the label the subject puts on the thing."""
    for verb in ctx.doc:
        if verb.pos_ != "VERB":
            continue
        oprds = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ in {"NOUN", "PROPN"}]
        if not oprds:
            continue
        for s_head in fr.subjects(verb):
            subj = sx.mention(s_head, keep_preps=False)
            for obj in (sx.mention(o) for o in oprds):
                if subj is not None and obj is not None:
                    yield sx.make_fact(subj, verb.lemma_.lower(), obj, verb,
                                       negated=ctx.negated(verb), modality_=ctx.modality(verb),
                                       rule="object-predicative")  # fmt: skip
