"""Article results -> one node per real-world entity: the cross-article step of a build.

Local builds, store builds and shard merges all feed their results through
``EntityReducer``, so all agree. It needs no spaCy: ``kg merge`` reduces shards written
elsewhere without loading a language model.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .model import Entity, Mention
from .rdf import ArticleResult

SPECIFIC = {"Weapon", "Product", "Country", "Person"}


def merge_entities(into: dict[str, Entity], more: Iterable[Entity]) -> dict[str, Entity]:
    """Merge entities by key: one node per real-world entity across articles."""
    for e in more:
        have = into.get(e.key)
        if have is None:
            into[e.key] = dataclasses.replace(e, aliases=set(e.aliases), merged_by=set(e.merged_by))
            continue
        have.aliases |= e.aliases
        have.merged_by |= e.merged_by
        have.mentions += e.mentions
        # a more specific class wins ("Weapon" over "Organization" from NER)
        if have.type in {"Entity", "Location", "Organization"} and e.type in SPECIFIC:
            have.type = e.type
    return into


TYPE_GROUPS = {
    "Person": "person", "Country": "place", "Location": "place", "Organization": "org",
    "Group": "org", "Product": "thing", "Weapon": "thing", "Work": "thing", "Event": "event",
    "Agreement": "event",
}  # fmt: skip


def compatible(a: str, b: str) -> bool:
    """May entities of these classes be one node? ("Jordan" the person is not the river.)"""
    return a == b or "Entity" in {a, b} or TYPE_GROUPS.get(a) == TYPE_GROUPS.get(b)


def separate_incompatible(known: dict[str, Entity], result: ArticleResult) -> ArticleResult:
    """Give an article's entity its own key where the same name already names an entity
    of an incompatible class in other articles; rewrite the article's facts to match."""
    remap: dict[str, str] = {}
    ents = []
    for e in result.entities:
        have = known.get(e.key)
        if have is not None and not e.qid and not compatible(have.type, e.type):
            new_key = f"{e.key}#{TYPE_GROUPS.get(e.type, 'entity')}"
            remap[e.key] = new_key
            e = dataclasses.replace(e, key=new_key)
        ents.append(e)
    if not remap:
        return result

    def m(x: Mention | str | None) -> Mention | str | None:
        if isinstance(x, Mention) and x.key in remap:
            return dataclasses.replace(x, key=remap[x.key])
        return x

    facts = tuple(
        dataclasses.replace(f, subject=m(f.subject), obj=m(f.obj), attributed_to=m(f.attributed_to))
        for f in result.facts
    )
    return dataclasses.replace(result, facts=facts, entities=tuple(ents), nquads="")


class EntityReducer:
    """The cross-article step, fed results in input order: an entity whose name already
    names one of an incompatible class gets its own key, the rest merge into one node per
    key. Local builds, store builds and shard merges all run it, so all agree."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}

    def add(self, result: ArticleResult) -> ArticleResult:
        result = separate_incompatible(self.entities, result)
        merge_entities(self.entities, result.entities)
        return result

    def sorted(self) -> list[Entity]:
        return [self.entities[k] for k in sorted(self.entities)]
