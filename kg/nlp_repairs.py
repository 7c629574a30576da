"""Repairs of the small English model's systematic errors, after its parser and NER.

Two errors of en_core_web_sm cost kg whole facts on every kind of news, and both have a
shape a rule can see:

* **Names cut at a connecting word.** "the Bank of England" comes out as ORG "the Bank
  of" + LOC "England", "Ursula von der Leyen" as PERSON "Ursula von der" + GPE "Leyen".
  A name never ends in "of", "for" or "von der": the span is joined with the name that
  follows it (keeping the first label), or, when no name follows, the dangling word is
  dropped.
* **People tagged as organisations.** "Dr Khoo" as ORG: a name that starts with an
  honorific (kg/data/honorifics.tsv) is a person's.
* **Organisations whose name opens with a nationality.** "the Russian Defence
  Ministry", "the German Football Association": the entity ruler tags the demonym and
  NER leaves the rest; capitalised words after it that end in an organisation noun
  (``kg:classNoun`` of ``kg:Organization``) make one organisation with it.
* **Model names cut before their lower-case suffix.** "the Mac mini", "the iPod
  shuffle": NER tags "Mac" and "iPod" only; a model suffix (``model_suffixes``) that
  the name modifies belongs to it.
* **People tagged as organisations after a title.** "spokesman Vince Cable", "fly-half
  Yann Delaigue" as ORG: a name after a lower-case title noun whose first word is a
  known first name (kg/data/first_names.tsv) is a person's.
* **Organisations tagged as people.** "Laura Ashley, which floated in 1995", "Moderna
  reaffirmed its pledge": a name the text refers back to with "which" or "its" is not a
  person; it is re-labelled an organisation (ORG), the usual case in news.
* **A finite verb coordinated with an infinitive.** In "IG Metall urged VW to drop the
  plan and threatened to strike", the parser hangs "threatened" on "drop"; every layer
  then reads VW as the one who threatened, and the threat as something urged. A
  finite verb cannot share an infinitive's "to", so it is re-attached to the verb the
  infinitive complements.

Repairs change ``doc.ents`` and token heads only, so every later layer (references,
frames, factuality) sees the repaired document. The connecting words are data
(``name_connectors`` in kg/data/lexicon.toml).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .lexicon import load_lexicon, load_words
from .names import first_name_gender, fold, load_honorifics
from .ontology import KG, local_name

FINITE_TAGS = {"VBD", "VBZ", "VBP"}
ORGANIZATION_CLASS = local_name(KG.Organization)  # the class of organisation nouns


@Language.component("kg_repairs")
def kg_repairs(doc: Doc) -> Doc:
    join_split_names(doc)
    join_modifying_names(doc)
    join_national_organisations(doc)
    extend_model_names(doc)
    retype_things_tagged_as_people(doc)
    retype_people_with_honorifics(doc)
    retype_named_organisations(doc)
    retype_titled_people(doc)
    reattach_finite_conjuncts(doc)
    return doc


def _dangles(span: Span, connectors: frozenset[str]) -> int:
    """How many connecting words end the span ("the Bank of" -> 1, "von der" -> 2)."""
    n = 0
    while n < len(span) - 1 and span[len(span) - 1 - n].lower_ in connectors:
        n += 1
    return n


def _name_after(doc: Doc, i: int, ents_at: dict[int, Span]) -> int | None:
    """The end of the name that starts at token ``i``: an entity, or capitalised proper
    nouns the model left untagged ("Bank of Korea")."""
    if i in ents_at:
        return ents_at[i].end
    j = i
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and not doc[j].ent_type_:
        j += 1
    return j if j > i else None


def join_split_names(doc: Doc) -> None:
    connectors = load_words().name_connectors
    ents = list(doc.ents)
    if not ents:
        return
    ents_at = {e.start: e for e in ents}
    out: list[Span] = []
    skip_to = -1
    for e in ents:
        if e.start < skip_to:
            continue
        n = _dangles(e, connectors)
        if n == 0:
            out.append(e)
            continue
        end = _name_after(doc, e.end, ents_at)
        while end is not None and end < len(doc) and doc[end].pos_ == "PROPN" \
                and doc[end].is_title and not doc[end].ent_type_:  # fmt: skip
            end += 1  # "Centre of" + "Indian" + "Trade Unions"
        if end is not None and doc[e.end - 1].sent == doc[end - 1].sent:
            out.append(Span(doc, e.start, end, label=e.label))
            skip_to = end
        else:
            out.append(Span(doc, e.start, e.end - n, label=e.label))
    doc.ents = out


def join_modifying_names(doc: Doc) -> None:
    """ "The Securities and Exchange" + "Commission": an organisation's name the model
    cut in two, the first part modifying the second, is one name (not "Commission",
    which the gazetteer would take for the European Commission)."""
    ents = list(doc.ents)
    out: list[Span] = []
    for e in ents:
        prev = out[-1] if out else None
        joined = (
            prev is not None
            and prev.end == e.start
            and prev.label_ == e.label_
            and load_lexicon().ner_class.get(e.label_) == ORGANIZATION_CLASS
            and prev.root.head.i in range(e.start, e.end)
            and prev[-1].pos_ == "PROPN"
        )
        if joined:
            out[-1] = Span(doc, prev.start, e.end, label=e.label)
        else:
            out.append(e)
    doc.ents = out


def _referred_to_as_thing(ent: Span, w) -> bool:
    """ "X, which ...", "X reaffirmed its pledge": the words a text uses for a thing."""
    root = ent.root
    for c in root.children:
        if c.dep_ == "relcl" and any(
            s.dep_ in {"nsubj", "nsubjpass"} and s.lower_ in w.thing_relatives for s in c.children
        ):
            return True
    if root.dep_ != "nsubj":
        return False
    return any(
        o.dep_ in {"dobj", "attr"} and any(p.dep_ == "poss" and p.lower_ in w.thing_possessives
                                           for p in o.children)
        for o in root.head.children
    )  # fmt: skip


def _relabel(doc: Doc, label_of: Callable[[Span], str | None]) -> None:
    """Give each entity the label ``label_of`` says it has (None: keep its own)."""
    ents = list(doc.ents)
    changed = False
    for k, e in enumerate(ents):
        label = label_of(e)
        if label is not None and label != e.label_:
            ents[k] = Span(doc, e.start, e.end, label=label)
            changed = True
    if changed:
        doc.ents = ents


def retype_things_tagged_as_people(doc: Doc) -> None:
    w = load_words()
    _relabel(doc, lambda e: "ORG" if e.label_ == "PERSON" and _referred_to_as_thing(e, w) else None)


def retype_named_organisations(doc: Doc) -> None:
    """ "General Motors", "Tata Steel": a name tagged as a person (after an honorific
    too: "General") that ends in a word of organisations' names is an organisation."""
    words = load_words().organisation_name_words
    _relabel(doc, lambda e: "ORG" if e.label_ == "PERSON" and len(e) > 1
             and e[-1].lower_ in words else None)  # fmt: skip


def _honorific_person(e: Span, honorifics: dict[str, str]) -> str | None:
    first = e[0]
    titled = len(e) > 1 and fold(first.text.rstrip(".")) in honorifics and first.is_title
    if e.label_ in {"ORG", "GPE", "NORP"} and titled and all(t.is_title for t in e[1:]):
        return "PERSON"
    return None


def retype_people_with_honorifics(doc: Doc) -> None:
    honorifics = load_honorifics()
    _relabel(doc, lambda e: _honorific_person(e, honorifics))


def join_national_organisations(doc: Doc) -> None:
    lex = load_lexicon()
    ents = list(doc.ents)
    starts = {e.start: k for k, e in enumerate(ents)}
    drop: set[int] = set()
    changed = False
    for k, e in enumerate(ents):
        if e.label_ not in {"NORP", "GPE"} or k in drop:
            continue
        end = e.end
        while end < len(doc) and doc[end].is_title and doc[end].pos_ in {"PROPN", "NOUN"} \
                and doc[end].ent_type_ in {"", "ORG"}:  # fmt: skip
            end += 1
        if end > e.end and lex.classes.get(doc[end - 1].lower_) == ORGANIZATION_CLASS:
            end = _name_tail(doc, end)  # "... Association for International Relations"
            drop.update(starts[j] for j in range(e.end, end) if j in starts)
            ents[k] = Span(doc, e.start, end, label="ORG")
            changed = True
    if changed:
        doc.ents = [e for i, e in enumerate(ents) if i not in drop]


def _name_tail(doc: Doc, end: int) -> int:
    """Past a connecting word and the capitalised words after it: "for International
    Relations", "of Ukrainian Studies"."""
    connectors = load_words().name_connectors
    if end + 1 < len(doc) and doc[end].lower_ in connectors and doc[end + 1].is_title:
        j = end + 1
        while j < len(doc) and doc[j].is_title and doc[j].pos_ in {"PROPN", "NOUN", "ADJ"}:
            j += 1
        return j
    return end


def extend_model_names(doc: Doc) -> None:
    suffixes = load_words().model_suffixes
    ents = list(doc.ents)
    starts = {e.start for e in ents}
    changed = False
    for k, e in enumerate(ents):
        end = e.end
        while end < len(doc) and doc[end].is_lower and doc[end].lower_ in suffixes \
                and end not in starts and doc[end - 1].head.i == end:  # fmt: skip
            end += 1
        if end != e.end:
            ents[k] = Span(doc, e.start, end, label=e.label)
            changed = True
    if changed:
        doc.ents = ents


def _titled_person(e: Span) -> str | None:
    doc = e.doc
    if e.label_ not in {"ORG", "GPE", "NORP"} or not 2 <= len(e) <= 3 or e.start == 0:
        return None
    before = doc[e.start - 1]
    titled = before.is_lower and before.pos_ == "NOUN" and before.head.i >= e.start
    if titled and first_name_gender(e[0].text) is not None and all(t.is_title for t in e):
        return "PERSON"
    return None


def retype_titled_people(doc: Doc) -> None:
    _relabel(doc, _titled_person)


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def reattach_finite_conjuncts(doc: Doc) -> None:
    for tok in doc:
        head = tok.head
        if tok.dep_ != "conj" or tok.tag_ not in FINITE_TAGS:
            continue
        if head.dep_ != "xcomp" or head.tag_ != "VB" or not _has_to(head):
            continue
        target = head.head
        if target.i == head.i or target.pos_ not in {"VERB", "AUX"}:
            continue
        for c in list(head.children):
            if c.dep_ == "cc" and head.i < c.i < tok.i:
                c.head = target  # the "and" belongs with the conjunct it joins
        tok.head = target
