"""Resolved facts -> facts whose arguments fit their property's domain and range.

An extractor names a property from a trigger word ("supply" -> kg:supplies) before it
knows what the arguments are; only resolution says that "Ford supplies big trucks" has
an item, not a recipient, as its object. The ontology gives every property a domain and
a range (``ontology/kg.ttl``); a fact that does not fit falls back to the property the
ontology names for things given (``kg:itemProperty``: kg:supplies -> kg:suppliesItem)
or, failing that, to the open relation of its trigger word ("the plan supports growth"
-> support), so that no fact is lost and none is typed wrongly. The SHACL shapes derived
from the same domains and ranges (``kg.validate``) check the result.

Concepts are typed by their head noun: "the army", "reporters" and "local officials"
are agents (``kg:Agent``), so they fit relations between actors; "big trucks" is not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from .lexicon import Lexicon
from .model import Entity, Fact, Mention

AGENT = "Agent"
CONCEPT_PREFIXES = ("concept:", "position:")


def _singulars(word: str) -> tuple[str, ...]:
    """Forms to look a plural noun up by: "troops" -> troop, "parties" -> party."""
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return tuple(out)


def concept_head(label: str, lex: Lexicon) -> str:
    """The head noun of a concept's phrase: the last word before its first preposition
    or relative word ("head of the army" -> head, "local officials who" -> officials)."""
    stops = lex.words.phrase_head_stops
    words: list[str] = []
    for w in label.lower().replace(",", " ").split():
        if w in stops and words:
            break
        words.append(w.strip("'\".;:()"))
    return words[-1] if words else ""


def _looks_named(label: str) -> bool:
    """A name NER did not tag ("Alibaba", "Harbour Securities"): every word capitalised.
    Such names in news are mostly of companies and people, so they count as agents."""
    words = [w for w in label.split() if w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words)


def concept_is_agent(label: str, lex: Lexicon) -> bool:
    """A concept that can act: one headed by a noun for people or a body of them, or for
    the doer of a relation ("several cloud providers"), or an untagged name."""
    w = lex.words
    if _looks_named(label):
        return True
    head = concept_head(label, lex)
    for form in _singulars(head):
        cls = lex.classes.get(form)
        if cls is not None:
            return AGENT in lex.superclasses.get(cls, frozenset())
        if form in lex.agents or form in w.actor_nouns | w.person_nouns | w.title_words:
            return True
    return False


def classes_of(m: Mention | str, entities: Mapping[str, Entity], lex: Lexicon) -> frozenset[str]:
    """The ontology classes an argument belongs to (with every class above them); the
    empty set for a literal or an argument resolution left without a node."""
    if not isinstance(m, Mention) or not m.key:
        return frozenset()
    if m.key.startswith("position:"):
        return lex.superclasses.get("Position", frozenset())
    if m.key.startswith("concept:"):
        base = lex.superclasses.get("Concept", frozenset())
        return base | {AGENT} if concept_is_agent(m.text, lex) else base
    ent = entities.get(m.key)
    if ent is None:
        return frozenset()
    return lex.superclasses.get(ent.type, frozenset())


def fits(prop: str, fact: Fact, entities: Mapping[str, Entity], lex: Lexicon) -> bool:
    """Whether the fact's subject is in ``prop``'s domain and its object in its range.
    Properties the ontology does not type, and literal values, are not checked."""
    dom, rng = lex.domains.get(prop), lex.ranges.get(prop)
    s_cls = classes_of(fact.subject, entities, lex)
    if dom is not None and s_cls and not dom & s_cls:
        return False
    if rng is not None and isinstance(fact.obj, Mention):
        o_cls = classes_of(fact.obj, entities, lex)
        if o_cls and not rng & o_cls:
            return False
    return True


def conform_fact(fact: Fact, entities: Mapping[str, Entity], lex: Lexicon) -> Fact | None:
    """The fact under a property its arguments fit (see the module docstring), or None
    for a fact that a construction, not one of the property's trigger words, typed and
    whose arguments do not fit ("the Zephyr 9, the Dutch car" read as an organisation
    based in a country, when NER made the name a product): there is no word to fall
    back to."""
    prop = fact.predicate
    if prop in lex.relations and isinstance(fact.obj, Mention) \
            and fact.obj.label in lex.value_labels:  # fmt: skip
        # "the sale of ten planes for $630m", "rejected the $280bn claim": a price or
        # an amount is no item given and no party to a relation
        return None
    if prop not in lex.relations or fits(prop, fact, entities, lex):
        return fact
    item = lex.item_property(prop, fact.lemma)  # "sell" -> sells, "supply" -> suppliesItem
    if item is not None:
        moved = dataclasses.replace(fact, predicate=item)
        if fits(item, moved, entities, lex):
            return moved
    lemma = fact.lemma.lower()
    if lemma not in lex.trigger_words.get(prop, frozenset()):
        return None  # read from a construction ("X, the Y"), or a verb around a noun
    from .extract.syntax import camel  # the pipeline's (spaCy's) side: rdf.py is not

    return dataclasses.replace(fact, predicate=camel(lemma))


def conform(facts: Iterable[Fact], entities: Mapping[str, Entity], lex: Lexicon) -> list[Fact]:
    """Every fact under a property its arguments fit, in the same order; mistyped
    facts of constructions are dropped."""
    return [g for f in facts if (g := conform_fact(f, entities, lex)) is not None]
