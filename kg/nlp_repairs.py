"""Repairs of the small English model's systematic errors, after its parser and NER.

Two errors of en_core_web_sm cost kg whole facts on every kind of news, and both have a
shape a rule can see:

* **Group names cut at their first word.** "the Liberal Democrats" as NORP
  "Democrats": the capitalised modifier of a plural group noun belongs to its name.
* **Reduced relatives read as main verbs.** "Organisations represented on the board
  include A and B": the participle modifies the subject of "include".
* **Names read as modals.** "May performed with Rodgers": a capitalised modal before a
  past or present-tense verb is its subject, a name.
* **Names cut at a connecting word.** "the Bank of England" comes out as ORG "the Bank
  of" + LOC "England", "Ursula von der Leyen" as PERSON "Ursula von der" + GPE "Leyen".
  A name never ends in "of", "for" or "von der": the span is joined with the name that
  follows it (keeping the first label), or, when no name follows, the dangling word is
  dropped.
* **A name cut at its first word.** "CB Richard Ellis" as ORG "Richard Ellis": an
  untagged capitalised word the parser makes part of the name belongs to it.
* **People tagged as organisations.** "Dr Osei" as ORG: a name that starts with an
  honorific (kg/data/honorifics.tsv) is a person's.
* **Organisations whose name opens with a nationality.** "the Russian Defence
  Ministry", "the German Football Association": the entity ruler tags the demonym and
  NER leaves the rest; capitalised words after it that end in an organisation noun
  (``kg:classNoun`` of ``kg:Organization``) make one organisation with it.
* **Model names cut before their lower-case suffix.** "the iPad mini", "the iPod
  touch": NER tags "iPad" and "iPod" only; a model suffix (``model_suffixes``) that
  the name modifies belongs to it.
* **People tagged as organisations after a title.** "spokesman Tom Reddy", "fly-half
  Jean Castel" as ORG: a name after a lower-case title noun whose first word is a
  known first name (kg/data/first_names.tsv) is a person's.
* **Organisations tagged as people.** "Karen Millen, which floated in 1997", "Moderna
  reaffirmed its pledge": a name the text refers back to with "which" or "its" is not a
  person; it is re-labelled an organisation (ORG), the usual case in news. So is a
  name whose possessive stands before a person's ("Pink Floyd's David Gilmour"), unless
  the article names that person in full.
* **Places tagged as people or organisations.** "the Italian island of Lampedusa"
  (Lampedusa as PERSON), "the Peruvian town of Huari" (as NORP): a name after a place
  noun (``place_nouns``) and "of" names that place, as does a name ending in a region's
  word ("Marlow County", ``region_name_words``). A noun that is also said of other
  things ("the state of General Motors", ``ambiguous_place_nouns``) must carry a place
  modifier ("the Brazilian state of Amapa").
* **Cities tagged as people or organisations where only a place fits.** "Decatur, Ill.",
  "snow in Decatur": a city GeoNames knows, followed by a comma and a US state
  or a country, or after "in" (``containment_prepositions``), is a place.
* **Organisations tagged as places.** "Jupiter, which is based in Tallinn": a place is
  not "based" anywhere (``based_words``); the name is an organisation's.
* **Datelines.** "HELSINKI, Finland (AP)", "Warsaw RZECZPOSPOLITA in Polish": a city in
  capitals is an ORG or nothing to the model; the places a dateline names
  (kg/datelines.py) are places (GPE), its agency an organisation (ORG).
* **A name cut off its preposition.** "at Pemberton Bros. However": the abbreviation's
  period reads as a sentence end, the name is hung on the verb as punctuation and "at"
  has no object; it gets the name back.
* **A name hung beside the noun it names.** "met her French counterpart X": the parser
  makes X an adverbial of the verb; it is the noun's apposition.
* **A finite verb coordinated with an infinitive.** In "The union urged Renault to drop the
  plan and threatened to strike", the parser hangs "threatened" on "drop"; every layer
  then reads Renault as the one who threatened, and the threat as something urged. A
  finite verb cannot share an infinitive's "to", so it is re-attached to the verb the
  infinitive complements.
* **The object of a control verb read as the infinitive's subject.** In "Apple allowed
  developers to sell apps", the parser makes "developers" the subject of a clausal
  complement "to sell"; a verb whose object does what its infinitive says
  (``object_control_verbs``, ``requesting_verbs``, ``purpose_object_verbs``) takes it
  as its object, and the infinitive as its xcomp, as in "urged Chile to sign".

* **A two-word preposition read as a noun.** "posted a record profit thanks to lower
  costs": "thanks" is made the object and the profit its modifier; the profit is the
  object again and "thanks to" a preposition (``preposition_nouns``).

* **A score line read as two numbers.** "Norway beat Sweden 3-1": the parser makes "1"
  the verb's object and the side beaten an adverbial. The second number of a score
  hangs on the first, and the name before the score is the object again.

Repairs change ``doc.ents`` and token heads only, so every later layer (references,
frames, factuality) sees the repaired document. The connecting words are data
(``name_connectors`` in kg/data/lexicon.toml).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .datelines import dateline
from .gazetteer import Gazetteer, city_names, load_gazetteer, names_us_state, norm
from .lexicon import load_lexicon, load_words
from .names import first_name_gender, fold, load_honorifics
from .ontology import KG, local_name

FINITE_TAGS = {"VBD", "VBZ", "VBP"}
ORGANIZATION_CLASS = local_name(KG.Organization)  # the class of organisation nouns
PERSON_CLASS = local_name(KG.Person)
# NER labels a place's name is mistaken for, and those of a modifier that places a noun
NOT_PLACE_LABELS = {"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"}
PLACE_MODIFIER_LABELS = {"NORP", "GPE"}


@Language.component("kg_repairs")
def kg_repairs(doc: Doc) -> Doc:
    join_split_names(doc)
    join_modifying_names(doc)
    join_national_organisations(doc)
    join_national_institutions(doc)
    join_place_named_companies(doc)
    extend_model_names(doc)
    retype_things_tagged_as_people(doc)
    extend_names_left(doc)
    extend_group_names_left(doc)
    retype_people_with_honorifics(doc)
    retype_named_organisations(doc)
    retype_titled_people(doc)
    tag_addressed_people(doc)
    retype_described_people(doc)
    split_portfolios(doc)
    retype_named_places(doc)
    retype_based_places(doc)
    retype_placed_cities(doc)
    label_datelines(doc)
    retag_names_read_as_modals(doc)
    reattach_reduced_relatives(doc)
    reattach_finite_conjuncts(doc)
    reattach_control_objects(doc)
    reattach_dangling_names(doc)
    reattach_names_after_nouns(doc)
    retype_works(doc)
    reattach_score_lines(doc)
    reattach_preposition_nouns(doc)
    reattach_holding_prepositions(doc)
    return doc


def reattach_holding_prepositions(doc: Doc) -> None:
    """ "Halvex buys stake in Brumco": the parser hangs "in Brumco" on the verb, so the
    stake is no one's. Right after a noun that holds a share of something
    (``holding_nouns``), "in" names what it is a share of: it goes on the noun."""
    w = load_words()
    for prep in doc:
        if prep.lower_ != "in" or prep.dep_ != "prep" or prep.i == 0:
            continue
        noun = doc[prep.i - 1]
        verb = prep.head
        if (
            noun.lemma_.lower() in w.holding_nouns
            and noun.dep_ == "dobj"
            and noun.head.i == verb.i
            and verb.i != prep.i
        ):
            prep.head = noun


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


def extend_names_left(doc: Doc) -> None:
    """ "CB Richard Ellis": NER leaves out an untagged capitalised word that the parser
    makes part of the name (a compound of a word in it); it belongs to the name."""
    w = load_words()
    out, changed = [], False
    for e in doc.ents:
        start = e.start
        while start > 0 and e.label_ == "ORG":  # before a person's name: titles
            if doc[start - 1].lower_ in w.title_words:
                break
            t = doc[start - 1]
            inside = e.start <= t.head.i < e.end
            if not (t.pos_ == "PROPN" and t.dep_ == "compound" and inside and not t.ent_type_):
                break
            if not (t.is_upper or t.is_title) or t.i == t.sent.start and not t.is_upper:
                break  # a sentence's first word is capitalised whatever it is
            start -= 1
        if start != e.start:
            out.append(Span(doc, start, e.end, label=e.label))
            changed = True
        else:
            out.append(e)
    if changed:
        doc.ents = out


def extend_group_names_left(doc: Doc) -> None:
    """ "the Liberal Democrats", "the Free Democrats": NER tags the plural group noun
    (NORP) and leaves out the capitalised modifier before it that names which group; the
    modifier belongs to the name (not a sentence's first word, nor a tagged one: "US
    Democrats" stays two names)."""
    out, changed = [], False
    for e in doc.ents:
        t = doc[e.start - 1] if e.start > 0 else None
        if (
            e.label_ == "NORP"
            and len(e) == 1
            and e.root.tag_ == "NNPS"
            and t is not None
            and t.pos_ == "PROPN"
            and t.dep_ in {"amod", "compound"}
            and t.head.i == e.root.i
            and t.is_title
            and not t.ent_type_
            and t.i != t.sent.start
        ):
            out.append(Span(doc, t.i, e.end, label=e.label))
            changed = True
        else:
            out.append(e)
    if changed:
        doc.ents = out


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
            end += 1  # "Institute of" + "Irish" + "Potato Growers"
        if end is not None and doc[e.end - 1].sent == doc[end - 1].sent:
            out.append(Span(doc, e.start, end, label=e.label))
            skip_to = end
        else:
            out.append(Span(doc, e.start, e.end - n, label=e.label))
    doc.ents = out


def join_modifying_names(doc: Doc) -> None:
    """ "The Securities and Exchange" + "Commission": an organisation's name the model
    cut in two, the first part modifying the second, is one name (not "Commission",
    which the gazetteer would take for the European Commission). So is an organisation
    followed at once by a lone surname-like word tagged a person ("Lockheed" +
    "Martin"): news names a company's person with a possessive or a title between."""
    ents = list(doc.ents)
    out: list[Span] = []
    classes = load_lexicon().ner_class
    for e in ents:
        prev = out[-1] if out else None
        org = prev is not None and classes.get(prev.label_) == ORGANIZATION_CLASS
        lone_person = classes.get(e.label_) == PERSON_CLASS and len(e) == 1
        joined = (
            org
            and prev.end == e.start
            and (prev.label_ == e.label_ or lone_person)
            and prev.root.head.i in range(e.start, e.end)
            and prev[-1].pos_ == "PROPN"
        )
        if joined:
            out[-1] = Span(doc, prev.start, e.end, label=prev.label)
        else:
            out.append(e)
    doc.ents = out


def _referred_to_as_thing(ent: Span, w) -> bool:
    """ "X, which ...", "X reaffirmed its pledge": the words a text uses for a thing."""
    root = ent.root
    # "the Dublin-based developer, Kestrel, which ...": the parser may hang the
    # relative clause on the noun the name is in apposition to
    holders = [root, root.head] if root.dep_ == "appos" and root.head.i < root.i else [root]
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "relcl" and any(
            s.dep_ in {"nsubj", "nsubjpass"} and s.lower_ in w.thing_relatives for s in c.children
        ):
            return True
    if root.dep_ != "nsubj":
        return False
    # "X is parting ways with its chief executive": "its" in the subject's own clause,
    # with no other name between that it could mean
    verb, doc = root.head, ent.doc
    for t in doc[ent.end : verb.right_edge.i + 1]:
        if t.ent_type_ and t.ent_iob_ == "B":
            return False
        clause = next((a for a in t.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if t.dep_ == "poss" and t.lower_ in w.thing_possessives and clause == verb:
            return True
    return False


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


def _owns_a_person(ent: Span) -> bool:
    """ "Pink Floyd's David Gilmour", "Arsenal's Ian Wright": a name whose possessive
    stands before a person's name is a band, a club or a company, unless it is a person
    named in full elsewhere ("Smith's Jane Roe" after "John Smith")."""
    root, doc = ent.root, ent.doc
    if root.dep_ != "poss" or root.head.ent_type_ != "PERSON" or root.head.i < ent.end:
        return False
    if first_name_gender(ent[0].text) is not None:
        return False
    own = ent.text.removesuffix("'s").removesuffix("’s").split()
    people = (e for e in doc.ents if e.label_ == "PERSON" and e.start != ent.start)
    return not any(len(e) > len(own) and [t.text for t in e[-len(own) :]] == own for e in people)


def _names_an_organisation(ent: Span, classes: dict[str, str]) -> bool:
    """ "whose Getafe team", "the Halford company", "UK magazine Kit Carson": a name
    next to an organisation noun that modifies it or that it modifies names that
    organisation (not a first name and surname before the noun: "the Tom Reddy band"
    is his band)."""
    root, doc = ent.root, ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i == ent.end:
        noun = root.head
        if len(ent) > 1 and first_name_gender(ent[0].text) is not None:
            return False
    elif before is not None and before.dep_ == "compound" and ent.start <= before.head.i < ent.end:
        noun = before  # "magazine Kit Carson": the noun hung on the name after it
    else:
        return False
    return noun.pos_ == "NOUN" and classes.get(noun.lemma_.lower()) == ORGANIZATION_CLASS


def _described_organisation(ent: Span, classes: dict[str, str]) -> bool:
    """ "Karen Millen, the fashion retailer", "Ellis Hart - an international property
    company -": a name with an organisation noun in apposition is an organisation's."""
    return any(
        c.dep_ == "appos"
        and c.i >= ent.end
        and c.pos_ == "NOUN"
        and classes.get(c.lemma_.lower()) == ORGANIZATION_CLASS
        for c in ent.root.children
    )


def retype_things_tagged_as_people(doc: Doc) -> None:
    w, classes = load_words(), load_lexicon().classes

    def thing(e: Span) -> bool:
        return (
            _referred_to_as_thing(e, w)
            or _owns_a_person(e)
            or _names_an_organisation(e, classes)
            or _described_organisation(e, classes)
        )

    things = {_bare(e) for e in doc.ents if e.label_ == "PERSON" and thing(e)}
    # one name, one kind in an article: "Karen Millen thanked X" after "Karen Millen, which
    # ..." is the company too (the name alone, without a possessive's 's)
    _relabel(doc, lambda e: "ORG" if e.label_ == "PERSON" and _bare(e) in things else None)


def _bare(e: Span) -> str:
    return " ".join(t.text for t in e if t.dep_ != "case" and not t.is_punct)


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


def join_national_institutions(doc: Doc) -> None:
    """ "the British Chamber of Commerce", "the Economic Commission for Latin America":
    NER tags the nation and the body apart, or stops the body's name before the place it
    is for; a body named by an organisation noun ("Chamber", "Commission") takes both.
    Its nation is part of its name: the Norvian Chamber of Commerce is not Norvia's."""
    lex = load_lexicon()
    ents = list(doc.ents)
    drop: set[int] = set()
    changed = False
    for k, e in enumerate(ents):
        if e.label_ != "ORG" or k in drop:
            continue
        start, end = e.start, e.end
        before = ents[k - 1] if k > 0 else None
        if lex.classes.get(doc[start].lower_) == ORGANIZATION_CLASS and before is not None \
                and before.label_ in {"NORP", "GPE"} and before.end == start:  # fmt: skip
            start = before.start
            drop.add(k - 1)
        if lex.classes.get(doc[end - 1].lower_) == ORGANIZATION_CLASS:
            end = _name_tail(doc, end)  # "... Commission for Latin America"
            drop.update(j for j, o in enumerate(ents) if j != k and e.end <= o.start < end)
        if (start, end) != (e.start, e.end):
            ents[k] = Span(doc, start, end, label="ORG")
            changed = True
    if changed:
        doc.ents = [e for i, e in enumerate(ents) if i not in drop]


def _company_with_place(doc: Doc, e: Span, nxt: Span | None, w) -> Span | None:
    """The company a place's name is part of: "UK Coal" (a place and a one-word
    organisation it modifies), "Air China" (an untagged capitalised word before a
    place, modifying it). Not an institution ("US Treasury") nor a title."""
    if e.label_ != "GPE":
        return None
    if (
        nxt is not None
        and nxt.start == e.end
        and nxt.label_ == "ORG"
        and len(nxt) == 1
        and e.root.dep_ == "compound"
        and e.root.head.i == nxt.root.i
        and nxt.root.lower_ not in w.national_institution_words | w.title_words
        and nxt.root.lemma_.lower() not in w.state_institutions
    ):
        return Span(doc, e.start, nxt.end, label="ORG")
    t = doc[e.start - 1] if e.start > 0 else None
    if (
        t is not None
        and len(e) == 1
        and t.pos_ == "PROPN"
        and t.is_title
        and not t.ent_type_
        and t.dep_ == "compound"
        and t.head.i == e.root.i
        and t.i != t.sent.start
        and t.lower_ not in w.title_words
    ):
        return Span(doc, t.i, e.end, label="ORG")
    return None


def join_place_named_companies(doc: Doc) -> None:
    """ "UK Coal said", "sell planes to Air China": the model splits a company named
    with a place into the place and the rest; the whole is one organisation's name."""
    w = load_words()
    ents = list(doc.ents)
    out: list[Span] = []
    k = 0
    while k < len(ents):
        e, nxt = ents[k], ents[k + 1] if k + 1 < len(ents) else None
        joined = _company_with_place(doc, e, nxt, w)
        if joined is None:
            out.append(e)
        elif joined.end > e.end:
            out.append(joined)
            k += 1  # the organisation part is inside the joined name
        elif out and out[-1].end > joined.start:
            out.append(e)  # the word before is another name's already
        else:
            out.append(joined)
        k += 1
    if out != ents:
        doc.ents = out


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
    if load_lexicon().classes.get(before.lemma_.lower()) == ORGANIZATION_CLASS:
        return None  # "magazine Kit Carson": an organisation's name, not a person's
    if titled and first_name_gender(e[0].text) is not None and all(t.is_title for t in e):
        return "PERSON"
    return None


def retype_titled_people(doc: Doc) -> None:
    _relabel(doc, _titled_person)


def _described_person(e: Span, lex) -> str | None:
    """ "Obermann, 47, of the Space Agency", "Pemberton, a professor of
    law": a name with an age or a person's title in apposition is a
    person's, whatever NER said (not "Acme, a maker of ...", nor a name with an
    organisation noun in it, "Halford Bank, a lender")."""
    if e.label_ not in {"ORG", "GPE", "NORP"} or not all(t.is_title for t in e if t.is_alpha):
        return None
    first_name = len(e) > 1 and first_name_gender(e[0].text) is not None
    if any(lex.classes.get(t.lower_) for t in e) and not first_name:
        return None  # "Halford Bank, a lender" (but "Tom Bank, a director": a person)
    w = lex.words
    for app in (c for c in e.root.children if c.dep_ == "appos" and c.i > e.root.i):
        age = app.like_num and app.text.isdigit() and 1 <= int(app.text) <= 120
        lemma = app.lemma_.lower()
        person = (
            app.pos_ == "NOUN"
            and not lex.classes.get(lemma)
            and (lemma in w.title_words or lemma in w.person_nouns)
        )
        if age or person:
            return "PERSON"
    return None


def retype_described_people(doc: Doc) -> None:
    lex = load_lexicon()
    _relabel(doc, lambda e: _described_person(e, lex))


def split_portfolios(doc: Doc) -> None:
    """ "Green Party Treasury spokesman X": NER joins a party and a portfolio into one name
    before a title; the portfolio ("Treasury", ``portfolio_words``) belongs to the title
    and the rest names the party. A name that is a portfolio only ("Treasury Secretary
    X") is kept."""
    w = load_words()
    out, changed = [], False
    for e in doc.ents:
        k = e.end
        while k > e.start and doc[k - 1].lower_ in w.portfolio_words:
            k -= 1
        titled = e.end < len(doc) and doc[e.end].lower_ in w.title_words
        # "Department of Health": the portfolio is the name's own
        joined = k > e.start and (doc[k - 1].is_lower or not doc[k - 1].is_alpha)
        if e.start < k < e.end and titled and not joined and e.label_ in {"ORG", "NORP", "PERSON"}:
            out.append(Span(doc, e.start, k, label="ORG"))
            changed = True
        else:
            out.append(e)
    if changed:
        doc.ents = out


def tag_addressed_people(doc: Doc) -> None:
    """ "Dr Pallavan", "Mrs Okonkwo": capitalised words after a form of address that
    NER left untagged are a person's name."""
    forms = load_words().courtesy_titles
    ents = list(doc.ents)
    added = False
    i = 0
    while i < len(doc) - 1:
        t = doc[i]
        end = i + 1
        if t.is_title and t.lower_.rstrip(".") in forms and not t.ent_type_:
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
                if doc[end].ent_type_ or doc[end].sent.start != t.sent.start:
                    end = i + 1  # part of a name NER did tag: leave it
                    break
                end += 1
        if end > i + 1:
            ents.append(Span(doc, i, end, label="PERSON"))
            added = True
        i = end
    if added:
        doc.ents = sorted(ents, key=lambda e: e.start)


def _named_place(e: Span, w) -> str | None:
    root = e.root
    prep = root.head
    if e.label_ not in NOT_PLACE_LABELS or root.dep_ != "pobj" or prep.i != e.start - 1:
        return None
    noun = prep.head
    if prep.lower_ not in w.partitive_prepositions or noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if lemma not in w.place_nouns:
        return None
    placed = any(c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ in PLACE_MODIFIER_LABELS
                 for c in noun.children)  # fmt: skip
    return "GPE" if placed or lemma not in w.ambiguous_place_nouns else None


def _region_name(e: Span, w) -> str | None:
    """ "Ban Khok District", "Marlow County": a name whose last word names a region."""
    last = e[-1]
    if e.label_ in NOT_PLACE_LABELS and len(e) > 1 and last.is_title:
        return "GPE" if last.lower_ in w.region_name_words else None
    return None


def retype_named_places(doc: Doc) -> None:
    w = load_words()
    _relabel(doc, lambda e: _named_place(e, w) or _region_name(e, w))


def _placed_city(e: Span, w) -> str | None:
    if e.label_ not in {"PERSON", "ORG"}:
        return None
    known = norm(e.text) in city_names()
    doc = e.doc
    if e.end + 1 < len(doc) and doc[e.end].text == ",":
        nxt = doc[e.end + 1 : _name_end(doc, e.end + 1)]
        opening = e[0].text in w.place_name_openings and len(e) > 1  # "Fort Ridley, Kan."
        if (known or opening) and len(nxt) and (names_us_state(nxt.text) or _country(nxt.text)):
            return "GPE"  # "Decatur, Ill."
    if not known:
        return None
    before = doc[e.start - 1] if e.start > 0 else None
    after = doc[e.end] if e.end < len(doc) else None
    possessed = after is not None and after.tag_ == "POS"  # "in Austin's view"
    if before is not None and before.lower_ in w.containment_prepositions and not possessed:
        return "GPE" if e.root.head.i == before.i else None
    return None


def _name_end(doc: Doc, i: int) -> int:
    """The end of the name at token ``i``: its entity, else its capitalised words, with
    the full stop of an abbreviation ("Kan", ".")."""
    ent = next((e for e in doc.ents if e.start == i), None)
    if ent is not None:
        return ent.end
    j = i
    while j < len(doc) and j - i < 3 and (doc[j].is_title or doc[j].is_upper):
        j += 1
    if j < len(doc) and j > i and doc[j].text == "." and not doc[j - 1].whitespace_:
        j += 1
    return j


def _country(text: str) -> bool:
    hit = load_gazetteer().lookup(text)
    return hit is not None and hit[0].type == "Country" and hit[1] == Gazetteer.BY_NAME


def retype_placed_cities(doc: Doc) -> None:
    w = load_words()
    _relabel(doc, lambda e: _placed_city(e, w))


def _based_place(e: Span, w) -> str | None:
    """ "Jupiter, which is based in Tallinn", "Jupiter, based in Tallinn", "Jupiter is
    based in Tallinn"."""
    if e.label_ not in {"GPE", "LOC"}:
        return None
    root = e.root
    verbs = [c for c in root.children if c.dep_ in {"relcl", "acl"}]
    if root.dep_ in {"nsubj", "nsubjpass"}:
        verbs.append(root.head)
    return "ORG" if any(v.lower_ in w.based_words for v in verbs) else None


def retype_based_places(doc: Doc) -> None:
    w = load_words()
    _relabel(doc, lambda e: _based_place(e, w))


def label_datelines(doc: Doc) -> None:
    new: list[Span] = []
    for sent in doc.sents:
        line = dateline(sent)
        if line is not None:
            new += [Span(doc, p.start, p.end, label="GPE") for p in line.places]
            if line.source is not None:
                new.append(Span(doc, line.source.start, line.source.end, label="ORG"))
    if not new:
        return
    taken = {i for e in new for i in range(e.start, e.end)}
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    doc.ents = sorted(kept + new, key=lambda e: e.start)


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def retag_names_read_as_modals(doc: Doc) -> None:
    """ "May performed with Rodgers", "Will said": a capitalised modal before a past or
    present-tense verb is no modal (a modal takes a bare verb); it is the verb's subject,
    a name (a surname like "May"): it becomes a proper noun, tagged as the person the
    article names with it elsewhere, if any."""
    people = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e}
    new = []
    for tok in doc:
        if tok.tag_ != "MD" or tok.dep_ != "aux" or not tok.is_title:
            continue
        verb = tok.head
        if verb.i <= tok.i:
            continue
        others = [c for c in verb.children if c.i != tok.i
                  and c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"}]  # fmt: skip
        if verb.tag_ not in {"VBD", "VBZ", "VBN"} or others:
            continue  # "May performed", "May has": a modal takes neither
        tok.tag_, tok.pos_, tok.dep_, tok.lemma_ = "NNP", "PROPN", "nsubj", tok.text
        if tok.lower_ in people and not tok.ent_type_:
            new.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
    if new:
        doc.ents = sorted([*doc.ents, *new], key=lambda e: e.start)


def reattach_reduced_relatives(doc: Doc) -> None:
    """ "Organisations represented on the board include A and B": the model reads the
    participle as the past-tense main verb and "include" as its conjunct; a past form
    with a common-noun subject and no object, whose subjectless present-tense conjunct
    of inclusion has one, is a participle modifying that subject, which "include" has."""
    w = load_words()
    for verb in doc:
        if verb.dep_ != "ROOT" or verb.tag_ != "VBD" or verb.head.i != verb.i:
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        if len(subj) != 1 or any(c.dep_ in {"dobj", "cc", "aux"} for c in verb.children):
            continue
        incl = [c for c in verb.children if c.dep_ == "conj" and c.tag_ in {"VBP", "VBZ"}
                and c.lemma_.lower() in w.inclusion_verbs
                and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
                and any(g.dep_ == "dobj" for g in c.children)]  # fmt: skip
        if len(incl) != 1:
            continue
        root = incl[0]
        root.head, root.dep_ = root, "ROOT"
        subj[0].head = root
        verb.head, verb.dep_, verb.tag_ = subj[0], "acl", "VBN"


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


def reattach_control_objects(doc: Doc) -> None:
    w = load_words()
    control = w.object_control_verbs | w.requesting_verbs | w.purpose_object_verbs
    for verb in doc:
        head = verb.head
        if verb.dep_ != "ccomp" or verb.tag_ != "VB" or not _has_to(verb) or head.i > verb.i:
            continue
        if head.pos_ != "VERB" or head.lemma_.lower() not in control:
            continue
        if any(c.dep_ in {"dobj", "dative"} for c in head.children):
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subj) != 1 or subj[0].left_edge.i != head.i + 1:
            continue  # the noun phrase must follow the control verb at once
        subj[0].head, subj[0].dep_ = head, "dobj"
        verb.dep_ = "xcomp"


def reattach_dangling_names(doc: Doc) -> None:
    """ "head of sales at Pemberton Bros. However, ...": the parser takes the
    abbreviation's period for a sentence end and hangs the name on the verb as
    punctuation, leaving "at" without its object. A preposition with no object right
    before a name whose head is outside it gets the name back as its object."""
    for ent in doc.ents:
        if ent.start == 0:
            continue
        tok = doc[ent.start - 1]
        if tok.dep_ != "prep" or tok.n_lefts + tok.n_rights:
            continue
        root = ent.root
        if root.dep_ in {"punct", "dep"} and not ent.start <= root.head.i < ent.end:
            root.head = tok
            root.dep_ = "pobj"


def retype_works(doc: Doc) -> None:
    """ "Halcyon's Eleven, the heist sequel starring ...": a name in apposition with a
    work noun (``work_nouns``: film, sequel, album) is a work's title (WORK_OF_ART); a
    possessive name right before it is part of the title, which NER split in two."""
    works = load_words().work_nouns
    ents = list(doc.ents)
    out: list[Span] = []
    changed = False
    for e in ents:
        apps = [c for c in e.root.children if c.dep_ == "appos" and c.i >= e.end]
        if not any(a.lemma_.lower() in works for a in apps) or e.label_ == "WORK_OF_ART":
            out.append(e)
            continue
        start = e.start
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end + 1 == e.start
            and doc[prev.end].dep_ == "case"
            and prev.root.head.i == e.root.i
        ):  # "Halcyon" + "'s" + "Eleven"
            start = prev.start
            out.pop()
        out.append(Span(doc, start, e.end, label="WORK_OF_ART"))
        changed = True
    if changed:
        doc.ents = out


def reattach_names_after_nouns(doc: Doc) -> None:
    """ "X met her French counterpart Emmanuel Macron": the parser hangs the name on the
    verb (as an adverbial) beside the noun it names; it is that noun's apposition, so the
    argument is the person named."""
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start == 0:
            continue
        noun, root = doc[ent.start - 1], ent.root
        if noun.pos_ != "NOUN" or noun.dep_ not in {"dobj", "pobj", "nsubj", "nsubjpass", "attr"}:
            continue
        if root.dep_ in {"npadvmod", "dep"} and root.head.i == noun.head.i:
            root.head = noun
            root.dep_ = "appos"


_SCORE_DASHES = {"-", "\u2013", "\u2010", "\u2011"}


def _score_line(doc: Doc, i: int) -> bool:
    """ "3-1" split into three tokens: short numbers on both sides of a dash, no space."""
    a, dash, b = doc[i], doc[i + 1], doc[i + 2]
    return (
        a.text.isdigit() and b.text.isdigit() and len(a) <= 3 and len(b) <= 3
        and dash.text in _SCORE_DASHES and not a.whitespace_ and not dash.whitespace_
    )  # fmt: skip


def reattach_score_lines(doc: Doc) -> None:
    """ "Norway beat Sweden 3-1": the parser hangs both numbers of the score on the verb,
    the second as its object, and the side beaten as an adverbial. The second number
    and the dash hang on the first, and a name the verb lost its object to is the object
    again."""
    for i in range(len(doc) - 2):
        if not _score_line(doc, i):
            continue
        a, dash, b = doc[i], doc[i + 1], doc[i + 2]
        verb = b.head
        if verb.i in (a.i, dash.i) or b.head.i != a.head.i:
            continue
        was_object = b.dep_ in {"dobj", "obj"}
        b.head, b.dep_ = a, "dep"
        dash.head, dash.dep_ = a, "punct"
        if was_object and verb.pos_ == "VERB":
            names = [c for c in verb.children
                     if c.dep_ == "npadvmod" and c.i < a.i and c.ent_type_]  # fmt: skip
            if names:
                names[-1].dep_ = "dobj"


def reattach_preposition_nouns(doc: Doc) -> None:
    """ "Halvex posted a record profit thanks to lower costs": the parser makes "thanks"
    the verb's object and "record profit" its modifiers. The last modifier is the object
    again, with the words before it, and "thanks to X" a preposition of the verb."""
    w = load_words()
    for i in range(len(doc) - 1):
        noun, to = doc[i], doc[i + 1]
        if noun.lower_ not in w.preposition_nouns or to.lower_ != "to" or noun.pos_ != "NOUN":
            continue
        compounds = [c for c in noun.lefts if c.dep_ == "compound"]
        if not compounds or noun.head.i == noun.i:
            continue
        real = compounds[-1]
        real.head, real.dep_ = noun.head, noun.dep_
        for c in [c for c in noun.lefts if c.i < real.i]:
            c.head = real
        noun.dep_ = "prep"
        if to.head.i != noun.i:
            to.head = noun
