"""Mentions -> canonical entities: one node per real-world entity.

Within an article, in this order:

1. gazetteer  names, capitals, seats of government and demonyms of countries and
              organizations ("Kyiv", "the Kremlin", "Turkish") -> the state, with its
              Wikidata id, where the mention is an argument (not "the Minsk agreements").
2. person     a short name -> the full name used elsewhere (Erdogan -> Recep Tayyip Erdogan).
3. prefix     a one-word name -> the longer name it starts (Bayraktar -> Bayraktar TB2).
4. pronoun    he/she/his -> the nearest person before; it/its -> the thing the clause or
              the previous sentence is about; we/our in quoted speech -> the speaker's
              country, else the speaker.
5. title      "the Foreign Minister" -> the person the article gave that title.
6. class noun "these drones", "Turkish drones" -> the named thing of that class before
              ("Bayraktar TB2 attack drones").

Across articles, entities with the same key (a Wikidata id, else type-free normalised
name) are one node. Each rule that merged a mention is recorded on the entity.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .extract import syntax as sx
from .extract.statements import quote_spans
from .gazetteer import Gazetteer, norm
from .model import Entity, Fact, Mention
from .ontology import Lexicon

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "LAW",
                 "WORK_OF_ART"}  # fmt: skip
NER_CLASS = {
    "PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location",
    "FAC": "Location", "NORP": "Group", "PRODUCT": "Product", "EVENT": "Event",
    "LAW": "Agreement", "WORK_OF_ART": "Work",
}  # fmt: skip
MALE_FEMALE = {"he", "him", "his", "she", "her", "hers"}
# Nouns for a state's institutions: "the Azerbaijani army", "Russian troops", "US officials"
# stand for the state in news reporting.
STATE_INSTITUTIONS = {
    "army", "military", "forces", "troops", "navy", "government", "authorities", "officials",
    "administration", "leadership", "diplomats", "embassy", "parliament", "regime",
    "cabinet", "ministry", "side", "delegation",
}  # fmt: skip
THING = {"it", "its"}
FIRST_PLURAL = {"we", "us", "our", "ours"}


@dataclass
class _Ref:
    key: str
    label: str
    type: str
    qid: str | None = None
    rule: str = "name"


@dataclass
class ArticleEntities:
    """What resolution learned about one article."""

    by_token: dict[int, _Ref] = field(default_factory=dict)  # token index -> entity
    entities: dict[str, Entity] = field(default_factory=dict)
    class_heads: dict[str, _Ref] = field(default_factory=dict)  # "drone" -> Bayraktar TB2
    titles: dict[str, _Ref] = field(default_factory=dict)  # "foreign minister" -> person
    surnames: dict[str, _Ref] = field(default_factory=dict)  # "scholz" -> Olaf Scholz
    names: dict[str, _Ref] = field(default_factory=dict)  # every surface form of a name
    quoted: set[int] = field(default_factory=set)  # token indices inside quotation marks
    affiliation: dict[str, _Ref] = field(default_factory=dict)  # person key -> country


def _clean(span: Span) -> list[Token]:
    toks = [t for t in span if not (t.is_punct or t.is_space or t.is_quote)]
    while toks and toks[0].pos_ == "DET":
        toks = toks[1:]
    while toks and toks[-1].dep_ == "case":
        toks = toks[:-1]
    return toks


def _text(toks: list[Token]) -> str:
    return sx.phrase_text(toks) if toks else ""


def entity_key(label: str, qid: str | None = None) -> str:
    """The stable key of an entity: its Wikidata id, else its normalised name.

    >>> entity_key("Recep Tayyip Erdoğan"), entity_key("Turkey", "Q43")
    ('name:recep tayyip erdogan', 'wd:Q43')
    """
    return f"wd:{qid}" if qid else f"name:{norm(label)}"


def _is_metonymic(tok: Token) -> bool:
    """A capital used for its state: an argument of a verb or a possessor, not a place
    in a locative phrase or a modifier of another noun ("the Minsk agreements")."""
    root = tok
    while root.dep_ in {"compound", "flat"} and root.head.ent_type_ == tok.ent_type_ and \
            root.head.i != root.i:  # fmt: skip
        root = root.head
    if root.dep_ in {"compound", "amod", "nmod"}:
        return False
    return not (
        root.dep_ == "pobj"
        and root.head.lower_ in {"in", "at", "near", "to", "from", "outside", "inside", "around"}
    )


def resolve_article(doc: Doc, facts: list[Fact], *, gazetteer: Gazetteer,
                    lexicon: Lexicon) -> tuple[list[Fact], dict[str, Entity]]:  # fmt: skip
    """Resolve every mention in the article's facts; return the facts that have a resolved
    subject, and the entities they mention."""
    ae = ArticleEntities()
    for start, end in quote_spans(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            ae.quoted.update(range(span.start, span.end))
    _named_entities(doc, ae, gazetteer, lexicon)
    _roles(doc, facts, ae)
    resolved: list[Fact] = []
    for fact in facts:
        subj = _resolve_mention(doc, fact.subject, ae, fact, lexicon)
        if subj is None or not subj.key or subj.key.startswith("concept:"):
            continue  # a fact needs a known subject
        obj: Mention | str = fact.obj
        if isinstance(obj, Mention):
            r = _resolve_mention(doc, obj, ae, fact, lexicon)
            if r is None:
                continue
            obj = r
            if obj.key == subj.key:
                continue
        attributed = fact.attributed_to
        if attributed is not None:
            attributed = _resolve_mention(doc, attributed, ae, fact, lexicon)
            if attributed is not None and attributed.key and attributed.key.startswith("concept:"):
                attributed = None
        resolved.append(dataclasses.replace(fact, subject=subj, obj=obj, attributed_to=attributed))
    resolved.extend(_origin_facts(doc, ae, resolved))
    return resolved, ae.entities


def _register(ae: ArticleEntities, ref: _Ref, surface: str) -> None:
    ent = ae.entities.get(ref.key)
    if ent is None:
        ent = Entity(key=ref.key, label=ref.label, type=ref.type, qid=ref.qid)
        ae.entities[ref.key] = ent
    ent.aliases.add(surface)
    ent.mentions += 1
    ent.merged_by.add(ref.rule)


def _named_entities(doc: Doc, ae: ArticleEntities, gaz: Gazetteer, lex: Lexicon) -> None:
    ents = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
    persons: dict[str, _Ref] = {}
    names: dict[str, _Ref] = {}
    # full names first, so that short names anywhere in the article find them
    for ent in sorted(ents, key=lambda e: (-len(_clean(e)), e.start)):
        toks = _clean(ent)
        if not toks:
            continue
        text = _text(toks)
        ref: _Ref | None = None
        hit = gaz.lookup(text)
        if hit is not None:
            place, how = hit
            if (
                how in {"name", "seat"}
                or (how == "capital" and _is_metonymic(ent.root))
                or (how == "demonym")
            ):
                ref = _Ref(entity_key(place.name, place.qid), place.name, place.type, place.qid,
                           "gazetteer:" + how)  # fmt: skip
        if ref is None and len(toks) == 1:
            short = norm(text)
            for full, pref in persons.items():
                if short in full.split() and short != full:
                    ref = dataclasses.replace(pref, rule="person:short-name")
                    break
            if ref is None:
                for full, nref in names.items():
                    if full.split()[0] == short and short != full:
                        ref = dataclasses.replace(nref, rule="prefix")
                        break
        if ref is None:
            cls = _class_of(ent, lex) or NER_CLASS.get(ent.label_, "Entity")
            ref = _Ref(entity_key(text), text, cls, None, "name")
            if ent.label_ == "PERSON" and len(toks) > 1:
                persons[norm(text)] = ref
                ae.surnames.setdefault(norm(toks[-1].text), ref)
            elif len(toks) > 1:
                names[norm(text)] = ref
        for t in ent:
            ae.by_token[t.i] = ref
        if ref.type != "Group":
            ae.names.setdefault(norm(text), ref)
            ae.names.setdefault(norm(ref.label), ref)
        if ent.label_ == "NORP" and ref.rule != "gazetteer:demonym":
            continue
        _register(ae, ref, text)
        # the class noun this name modifies: "Bayraktar TB2 attack drones" -> drone
        head = ent.root.head
        if ent.root.dep_ == "compound" and head.pos_ == "NOUN":
            cls = lex.classes.get(head.lemma_.lower())
            if cls in {"Product", "Weapon"}:  # named things of a kind: "Bayraktar TB2 drones"
                ae.class_heads.setdefault(head.lemma_.lower(), ref)
                if ref.type in {"Person", "Entity", "Organization", "Location"} and not ref.qid:
                    ae.entities[ref.key].type = cls
                    ref.type = cls


def _class_of(ent: Span, lex: Lexicon) -> str | None:
    """A class from the copula or apposition that names the entity's kind, if any."""
    root = ent.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return lex.classes.get(root.head.lemma_.lower())
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        for c in root.head.children:
            if c.dep_ == "attr" and c.pos_ == "NOUN":
                return lex.classes.get(c.lemma_.lower())
    return None


def _roles(doc: Doc, facts: list[Fact], ae: ArticleEntities) -> None:
    """Titles and affiliations the article gives people, for "the Foreign Minister" and
    for "we" in their quoted words."""
    for f in facts:
        if f.predicate == "holdsPosition" and isinstance(f.obj, Mention):
            ref = _ref_at(ae, f.subject, doc)
            if ref is not None:
                ae.titles.setdefault(norm(f.obj.text), ref)
        if f.predicate == "affiliatedWith" and isinstance(f.obj, Mention):
            ref = _ref_at(ae, f.subject, doc)
            org = _ref_at(ae, f.obj, doc)
            if ref is not None and org is not None:
                ae.affiliation.setdefault(ref.key, org)


def _ref_at(ae: ArticleEntities, m: Mention, doc: Doc) -> _Ref | None:
    """The entity whose name the mention's head token belongs to."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    return ae.by_token.get(span.root.i)


def _resolve_mention(doc: Doc, m: Mention, ae: ArticleEntities, fact: Fact,
                     lex: Lexicon) -> Mention | None:  # fmt: skip
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    ref = ae.by_token.get(root.i)
    if ref is not None:
        return _with(m, ref, ae)
    low = root.lower_
    if root.pos_ == "PROPN" and norm(root.text) in ae.surnames and len(_clean(span)) == 1:
        return _with(m, ae.surnames[norm(root.text)], ae, rule="person:short-name")
    if m.label == "PRON" or (len(span) == 1 and sx.is_pronoun(root)):
        ref = _pronoun(doc, root, ae, fact)
        return _with(m, ref, ae, rule="pronoun") if ref else None
    if m.label == "POSITION":
        return dataclasses.replace(m, key="position:" + norm(m.text))
    # "the Foreign Minister emphasized": a title the article gave a person
    title = norm(_text(_clean(span)))
    if title in ae.titles and root.pos_ in {"PROPN", "NOUN"}:
        return _with(m, ae.titles[title], ae, rule="title")
    # "the Azerbaijani army", "US officials": a state's institution stands for the state
    if root.lemma_.lower() in STATE_INSTITUTIONS or root.lower_ in STATE_INSTITUTIONS:
        for c in root.children:
            ref = ae.by_token.get(c.i)
            if c.dep_ in {"amod", "compound", "poss"} and ref is not None and ref.type == "Country":
                return _with(m, ref, ae, rule="gazetteer:institution")
    # "these drones", "Turkish drones", "Bayraktar drones": a named thing of this class
    lemma = root.lemma_.lower()
    if root.pos_ == "NOUN" and lemma in ae.class_heads:
        ref = ae.class_heads[lemma]
        dets = {c.lower_ for c in root.children if c.dep_ == "det"}
        if not dets & {"a", "an", "another", "some", "any", "no"}:
            return _with(m, ref, ae, rule="class-noun")
    if low in sx.WH:
        return None
    # a name the parser did not tag here but did elsewhere in the article
    known = ae.names.get(norm(m.text))
    if known is not None:
        return _with(m, known, ae, rule="name")
    return dataclasses.replace(m, key="concept:" + norm(m.text), label="")


def _with(m: Mention, ref: _Ref, ae: ArticleEntities, rule: str | None = None) -> Mention:
    if rule:
        ent = ae.entities.get(ref.key)
        if ent is not None:
            ent.merged_by.add(rule)
            ent.mentions += 1
    if ref.key not in ae.entities:
        _register(ae, ref, m.text)
    return Mention(text=ref.label, start=m.start, end=m.end, label=ref.type, key=ref.key)


def _pronoun(doc: Doc, tok: Token, ae: ArticleEntities, fact: Fact) -> _Ref | None:
    low = tok.lower_
    if low in MALE_FEMALE:
        # "Erdogan said that he supports": bound by the subject of a clause above it
        for anc in tok.ancestors:
            if anc.pos_ in {"VERB", "AUX"} and anc.i != tok.head.i:
                for s in sx.subjects(anc):
                    if s.i == tok.i:
                        continue
                    ref = ae.by_token.get(s.i) or ae.surnames.get(norm(s.text))
                    if ref is None and s.lower_ in MALE_FEMALE and s.i < tok.i:
                        ref = _pronoun(doc, s, ae, fact)
                    if ref is not None and ref.type == "Person":
                        return ref
        for i in range(tok.i - 1, -1, -1):
            ref = ae.by_token.get(i)
            # a name inside a quotation is rarely who "he" is outside it
            if (
                ref is not None
                and ref.type == "Person"
                and (i not in ae.quoted or tok.i in ae.quoted)
            ):
                return ref
        return None
    if low in FIRST_PLURAL:
        speaker = fact.attributed_to
        if speaker is None and fact.predicate == "said":
            return None
        if speaker is None:
            return None
        sref = _resolve_speaker(doc, speaker, ae, fact)
        if sref is None:
            return None
        return ae.affiliation.get(sref.key, sref)
    if low in THING:
        sent = tok.sent
        if tok.dep_ == "poss":
            # "X promises to support Y in its standoff": the nearest thing before
            for i in range(tok.i - 1, sent.start - 1, -1):
                ref = ae.by_token.get(i)
                if ref is not None and ref.type != "Person" and doc[i].ent_type_ != "NORP":
                    return ref
        # the subject of the previous sentence, if it named a thing
        if sent.start > 0:
            prev = doc[sent.start - 1].sent
            for t in prev:
                if t.dep_ in sx.SUBJ | sx.PASS_SUBJ and t.head.dep_ == "ROOT":
                    ref = ae.by_token.get(t.i)
                    if ref is not None and ref.type != "Person":
                        return ref
        return None
    return None


def _resolve_speaker(doc: Doc, m: Mention, ae: ArticleEntities, fact: Fact) -> _Ref | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.i in ae.by_token:
        return ae.by_token[root.i]
    if root.lower_ in MALE_FEMALE:
        return _pronoun(doc, root, ae, fact)
    title = norm(_text(_clean(span)))
    return ae.titles.get(title)


def _origin_facts(doc: Doc, ae: ArticleEntities, facts: list[Fact]) -> list[Fact]:
    """(named product, countryOfOrigin, country) from a demonym on a phrase that refers to
    the product: "Turkish drones" after "Bayraktar TB2 attack drones"."""
    out: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ae.class_heads:
            continue
        product = ae.class_heads[tok.lemma_.lower()]
        for c in tok.children:
            ref = ae.by_token.get(c.i)
            if c.dep_ == "amod" and ref is not None and ref.type == "Country" and \
                    (product.key, ref.key) not in seen:  # fmt: skip
                seen.add((product.key, ref.key))
                subj = Mention(product.label, tok.idx, tok.idx + len(tok), product.type,
                               product.key)  # fmt: skip
                obj = Mention(ref.label, c.idx, c.idx + len(c), ref.type, ref.key)
                f = sx.make_fact(subj, "countryOfOrigin", obj, tok, confidence=0.6)
                out.append(
                    dataclasses.replace(
                        f, extractor="origin", doc_id=facts[0].doc_id if facts else ""
                    )
                )
    return out
