"""The reference layer: what each name in an article refers to, before any fact is read.

Names are grouped into entities here, once per article, in this order:

1. gazetteer  names, capitals, seats of government and demonyms of countries and
              organizations ("Kyiv", "the Kremlin", "Turkish") -> the state, with its
              Wikidata id, where the mention is an argument (not "the Minsk agreements").
2. person     a short name -> the full name used elsewhere (Erdogan -> Recep Tayyip Erdogan).
3. prefix     a one-word name -> the longer name it starts (Bayraktar -> Bayraktar TB2).
4. class noun the class a name is given ("Bayraktar TB2 attack drones" -> Weapon), and
              the named thing of each class, for "these drones" later.

Extractors read it (``Context.refs``) to know which tokens name which entity;
resolution (kg/resolve.py) adds what the facts teach (titles, affiliations) and resolves
pronouns and descriptions against it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..datelines import dateline, seal
from ..gazetteer import Gazetteer, Place, city_names, names_us_state, norm
from ..lexicon import Lexicon
from ..model import Entity
from ..names import fold, load_honorifics
from . import syntax as sx
from . import terms
from .attribution import quote_spans

BY_NAME = "name"  # the kg:mergedBy rule of a mention that is the entity's own name


@dataclass
class Ref:
    """The entity a name refers to, and the rule that decided it."""

    key: str
    label: str
    type: str
    qid: str | None = None
    rule: str = BY_NAME


@dataclass
class References:
    """What the reference layer (and then resolution) learned about one article."""

    by_token: dict[int, Ref] = field(default_factory=dict)  # token index -> entity
    entities: dict[str, Entity] = field(default_factory=dict)
    class_heads: dict[str, Ref] = field(default_factory=dict)  # "drone" -> Bayraktar TB2
    titles: dict[str, Ref] = field(default_factory=dict)  # "foreign minister" -> person
    surnames: dict[str, Ref] = field(default_factory=dict)  # "scholz" -> Olaf Scholz
    names: dict[str, Ref] = field(default_factory=dict)  # every surface form of a name
    quoted: set[int] = field(default_factory=set)  # token indices inside quotation marks
    affiliation: dict[str, Ref] = field(default_factory=dict)  # person key -> country
    # the country a name's first word gives ("the Indian Navy" -> India), by token index
    inner: dict[int, Ref] = field(default_factory=dict)

    def register(self, ref: Ref, surface: str) -> None:
        ent = self.entities.get(ref.key)
        if ent is None:
            ent = Entity(key=ref.key, label=ref.label, type=ref.type, qid=ref.qid)
            self.entities[ref.key] = ent
        ent.aliases.add(surface)
        ent.mentions += 1
        ent.merged_by.add(ref.rule)


def entity_key(label: str, qid: str | None = None) -> str:
    """The stable key of an entity: its Wikidata id, else its normalised name.

    >>> entity_key("Recep Tayyip Erdoğan"), entity_key("Turkey", "Q43")
    ('name:recep tayyip erdogan', 'wd:Q43')
    """
    return f"wd:{qid}" if qid else f"name:{norm(label)}"


def clean(span: Span) -> list[Token]:
    """A name's tokens without punctuation, leading determiners and pronouns ("He
    (Ashby)" tagged as one name) and a trailing 's."""
    toks = [t for t in sx.unclosed_cut(span) if not (t.is_punct or t.is_space or t.is_quote)]
    pronouns = sx.words().pronouns
    title = span.label_ in sx.words().work_labels
    # a title keeps its possessive first word ("My Year in Rome"; not "He (Ashby)")
    while (
        toks
        and not (title and toks[0].tag_ == "PRP$")
        and (
            toks[0].pos_ == "DET"
            or (toks[0].lower_ in pronouns and not initials(toks[0]))
            or toks[0].dep_ in {"aux", "auxpass"}
        )
    ):
        toks = toks[1:]
    while toks and toks[-1].dep_ == "case":
        toks = toks[:-1]
    return toks


def _acronym_after(toks: list[Token]) -> Token | None:
    """The abbreviation a name gives itself in brackets right after it ("Institute for
    Fiscal Studies (IFS)"): its letters are initials of the name's words, in order."""
    if len(toks) < 2:
        return None
    doc, j = toks[0].doc, toks[-1].i + 1
    if j + 2 >= len(doc) or doc[j].text != "(" or doc[j + 2].text != ")":
        return None
    short = doc[j + 1]
    letters = iter(t.text[0].upper() for t in doc[toks[0].i : j] if t.is_alpha)
    ok = short.is_alpha and len(short) > 1 and short.text[0].isupper()
    return short if ok and all(c in letters for c in short.text.upper()) else None


def initials(tok: Token) -> bool:
    """ "US": a name in capitals, not the pronoun "us"."""
    return tok.is_upper and len(tok) > 1


def text_of(toks: list[Token]) -> str:
    return sx.phrase_text(toks) if toks else ""


def is_metonymic(tok: Token, lex: Lexicon) -> bool:
    """A capital used for its state: an argument of a verb or a possessor, not a place
    in a locative phrase or a modifier of another noun ("the Minsk agreements")."""
    root = tok
    while root.dep_ in {"compound", "flat"} and root.head.ent_type_ == tok.ent_type_ and \
            root.head.i != root.i:  # fmt: skip
        root = root.head
    if root.dep_ in {"compound", "amod", "nmod"}:
        return False
    if root.dep_ == "npadvmod" and root.head.lower_ in lex.words.based_words:
        return False  # "a Seoul-based carmaker": the city itself
    return not (root.dep_ == "pobj" and root.head.lower_ in lex.words.place_prepositions)


def _dateline_place(ent: Span) -> bool:
    line = dateline(ent.sent)
    return line is not None and any(p.start == ent.start for p in line.places)


def build_references(doc: Doc, *, gazetteer: Gazetteer, lexicon: Lexicon,
                     spans: list[tuple[int, int]] | None = None) -> References:  # fmt: skip
    """The article's names grouped into entities (see the module docstring). ``spans``:
    the document's quotations, if already found."""
    seal(doc)
    refs = References()
    for start, end in quote_spans(doc) if spans is None else spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            refs.quoted.update(range(span.start, span.end))
    _NameGrouper(doc, refs, gazetteer, lexicon).run()
    return refs


@dataclass
class _NameGrouper:
    doc: Doc
    refs: References
    gaz: Gazetteer
    lex: Lexicon
    persons: dict[str, Ref] = field(default_factory=dict)  # full person names
    longer: dict[str, Ref] = field(default_factory=dict)  # other multi-word names
    acronyms: dict[str, Ref] = field(default_factory=dict)  # "IFS" of "... (IFS)"

    def run(self) -> None:
        ents = [e for e in self.doc.ents if e.label_ in self.lex.entity_labels]
        # full names first, so that short names anywhere in the article find them
        for ent in sorted(ents, key=lambda e: (-len(clean(e)), e.start)):
            toks = clean(ent)
            if toks:
                self._add(ent, toks)

    def _add(self, ent: Span, toks: list[Token]) -> None:
        text = text_of(toks)
        ref = self._gazetteer(ent, text) or self._short_name(toks, text)
        if ref is None:
            ref = self._new(ent, toks, text)
        refs = self.refs
        for t in ent:
            refs.by_token[t.i] = ref
        short = _acronym_after(toks)
        if short is not None:  # "the Institute for Fiscal Studies (IFS)" ... "the IFS"
            refs.by_token[short.i] = ref
            self.acronyms.setdefault(norm(short.text), ref)
        if ref.type != terms.GROUP:
            refs.names.setdefault(norm(text), ref)
            refs.names.setdefault(norm(ref.label), ref)
        if self.lex.ner_class.get(ent.label_) == terms.GROUP and ref.rule != "gazetteer:demonym":
            return
        refs.register(ref, text)
        self._class_head(ent, ref)
        self._inner_country(ent, toks, ref)

    def _inner_country(self, ent: Span, toks: list[Token], ref: Ref) -> None:
        """ "the Indian Air Force", "the Russian Energy Ministry", "the Supreme Court of
        Ghana": an organisation whose name opens with its country's name or demonym, or
        ends with "of" and its name."""
        if ref.type != terms.ORGANIZATION or len(toks) < 2:
            return
        inside = [toks[0]]
        if len(toks) > 2 and toks[-2].lower_ in self.lex.words.partitive_prepositions:
            inside.append(toks[-1])
        for tok in inside:
            hit = self.gaz.lookup(tok.text)
            if tok.i != toks[0].i and hit is None and norm(tok.text) in city_names():
                city = Ref(entity_key(tok.text), tok.text, terms.LOCATION, None, BY_NAME)
                self.refs.inner[tok.i] = city  # "the Institute of Botany of Lanzhou"
                continue
            if hit is None or hit[0].type != terms.COUNTRY or hit[1] == Gazetteer.BY_CAPITAL:
                continue
            if tok.i != toks[0].i and hit[1] != Gazetteer.BY_NAME:
                continue  # "of" a demonym is no country: "the Museum of Modern Art"
            place = hit[0]
            inner = Ref(entity_key(place.name, place.qid), place.name, place.type, place.qid,
                        "gazetteer:" + hit[1])  # fmt: skip
            self.refs.inner[tok.i] = inner
            self.refs.register(inner, tok.text)

    def _gazetteer(self, ent: Span, text: str) -> Ref | None:
        hit = self.gaz.lookup(text)
        if hit is None:
            return None
        place, how = hit
        if how in {Gazetteer.BY_CAPITAL, Gazetteer.BY_SEAT} and _dateline_place(ent):
            return None  # "NAIROBI (Reuters) -": the city
        if how == Gazetteer.BY_CAPITAL and (
            not is_metonymic(ent.root, self.lex) or self._beside_country(ent, place)
        ):
            return None
        if how == Gazetteer.BY_DEMONYM and ent.start > 0 and ent.root.pos_ != "ADJ":
            det = ent.doc[ent.start - 1]
            if det.lower_ in self.lex.words.indefinite_determiners:
                return None  # "an Iraqi who left the country": a person, not Iraq
        return Ref(entity_key(place.name, place.qid), place.name, place.type, place.qid,
                   "gazetteer:" + how)  # fmt: skip

    def _beside_country(self, ent: Span, country: Place) -> bool:
        """ "Nairobi, Kenya": a capital followed by its own country is the city."""
        doc = ent.doc
        if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
            return False
        nxt = sx.ent_span(doc[ent.end + 1])
        hit = self.gaz.lookup(nxt.text) if nxt is not None else None
        return hit is not None and hit[0] is country and hit[1] == Gazetteer.BY_NAME

    def _short_name(self, toks: list[Token], text: str) -> Ref | None:
        honorifics = load_honorifics()
        if len(toks) == 2 and fold(toks[0].text.rstrip(".")) in honorifics:
            toks, text = toks[1:], toks[1].text  # "Dr Osei" -> Osei Kwame Mensah
        if len(toks) != 1:
            return None
        tok = toks[0]
        titled = tok.i > 0 and fold(tok.nbor(-1).text.rstrip(".")) in honorifics
        short = norm(text)
        if short in self.acronyms:
            return dataclasses.replace(self.acronyms[short], rule="acronym")
        # "Mr Hollin's lawyers": a possessive written "Hollin's" for "Hollins'" is a common slip
        slip = titled and tok.i + 1 < len(tok.doc) and tok.nbor().dep_ == "case"
        # a name tagged a place is a person's surname ("Jordan"), never the first word of
        # a longer name ("Leeds" of "Leeds Unite", tagged a person), nor a prefix of an
        # organisation named after it ("Manchester" of "Manchester United")
        place = self.lex.ner_class.get(tok.ent_type_) == terms.LOCATION
        for full, pref in self.persons.items():
            parts = full.split()[-1:] if place else full.split()
            if short != full and (short in parts or (slip and short + "s" in parts)):
                return dataclasses.replace(pref, rule="person:short-name")
        for full, nref in self.longer.items():
            if full.split()[0] == short and short != full and not self._branch(full, short):
                if place and (nref.type != terms.LOCATION or short in city_names()):
                    continue  # a city GeoNames knows is itself
                return dataclasses.replace(nref, rule="prefix")
        return None

    def _branch(self, full: str, short: str) -> bool:
        """ "Yukos USA", "Ford Europe": the name with a place after it is a branch of
        the organisation, not the organisation a short "Yukos" refers to; "Rover 25"
        with a number is one of its models. A kind of body ("the Bank", "the Fund")
        is short for its name in full ("the Bank of Korea")."""
        rest = full[len(short) :].strip()
        if not rest:
            return False
        if any(ch.isdigit() for ch in rest):
            return True  # "Rover 25", "Airbus A350": a model, not its maker
        w = self.lex.words
        if rest.split()[0] in w.partitive_prepositions and \
                self.lex.classes.get(short) == terms.ORGANIZATION:  # fmt: skip
            return False  # "the Bank" for the Bank of England: a kind of body, named in full
        if self.longer[full].type == terms.ORGANIZATION:
            # "Fiat Powertrain", "Sony Ericsson": a unit or a venture, unless the words
            # added only say what kind of body it is ("Vornex Holdings", "Ford Motor")
            return not set(rest.split()) <= w.organisation_name_words | w.organisation_designators
        known = self.gaz.lookup(rest) is not None or names_us_state(rest)
        return known or rest in w.continents

    def _new(self, ent: Span, toks: list[Token], text: str) -> Ref:
        ner = self.lex.ner_class.get(ent.label_, terms.ENTITY)
        ref = Ref(entity_key(text), text, class_of(ent, self.lex) or ner, None, BY_NAME)
        if ner == terms.PERSON and len(toks) > 1:
            self.persons[norm(text)] = ref
            self.refs.surnames.setdefault(norm(toks[-1].text), ref)
        elif len(toks) > 1:
            self.longer[norm(text)] = ref
        return ref

    def _class_head(self, ent: Span, ref: Ref) -> None:
        """The class noun this name modifies: "Bayraktar TB2 attack drones" -> drone;
        named things of a kind are what "these drones" refers to later."""
        head = ent.root.head
        if ent.root.dep_ != "compound" or head.pos_ != "NOUN":
            return
        cls = self.lex.classes.get(head.lemma_.lower())
        if cls not in self.lex.words.referable_classes:
            return
        self.refs.class_heads.setdefault(head.lemma_.lower(), ref)
        vague = {terms.PERSON, terms.ENTITY, terms.ORGANIZATION, terms.LOCATION}
        if ref.type in vague and not ref.qid:  # NER's guess gives way to the class noun
            self.refs.entities[ref.key].type = cls
            ref.type = cls


def class_of(ent: Span, lex: Lexicon) -> str | None:
    """A class from the copula or apposition that names the entity's kind, if any."""
    root = ent.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return lex.classes.get(root.head.lemma_.lower())
    if root.dep_ == "nsubj" and root.head.lemma_ in lex.words.copulas:
        for c in root.head.children:
            if c.dep_ == "attr" and c.pos_ == "NOUN":
                return lex.classes.get(c.lemma_.lower())
    return None
