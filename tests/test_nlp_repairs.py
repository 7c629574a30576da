"""The repairs kg makes to the small model's names and parse (kg/nlp_repairs.py)."""

import pytest

from tests.conftest import case, rows

NAMES = [
    # a name cut at a connecting word is joined with the name after it
    ("Traders said the Bank of England would hold rates.", ("Bank of England", "ORG")),
    ("The Bank of Korea raised rates.", ("Bank of Korea", "ORG")),
    ("She met Ursula von der Leyen in Brussels.", ("Ursula von der Leyen", "PERSON")),
    ("The Department for Education said so.", ("Department for Education", "ORG")),
]


@pytest.mark.parametrize("text,name", NAMES)
def test_split_names_are_joined(nlp, text, name):
    ents = {(e.text.removeprefix("the ").removeprefix("The "), e.label_) for e in nlp(text).ents}
    assert name in ents
    # no entity ends in a connecting word
    assert not any(e[-1].lower_ in {"of", "for", "von", "der"} for e in nlp(text).ents)


COORDINATED = [
    # the threat is the union's own, asserted; the strike is conditional, and the union's
    case("The union urged Renault to scrap the plan and threatened to call strikes "
         "unless it was withdrawn.",
         {("union", "urge", "Renault", False, "asserted"),
          ("union", "call", "strikes", False, "conditional")},
         only={"urge", "call"}),
    # an infinitive coordinated with an infinitive keeps its controller
    case("The UAW urged Ford to reopen the plant and rehire the workers.",
         {("Ford", "reopen", "plant", False, "requested"),
          ("Ford", "rehire", "workers", False, "requested")},
         only={"reopen", "rehire"}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", COORDINATED)
def test_finite_verb_is_not_an_infinitives_conjunct(facts_of, text, expected, only):
    assert rows(facts_of(text), expected, only) == expected


RETYPED = [
    # "which" and "its" are said of things: a name the model tagged PERSON is an ORG
    ("Karen Millen, which floated in 1997, cut jobs.", "Karen Millen", "ORG"),
    ("Moderna reaffirmed its pledge.", "Moderna", "ORG"),
    ("Kate Moss has dismissed its chief executive.", "Kate Moss", "ORG"),
    # a name owning a person, or compounded with an organisation noun
    ("He toured with Pink Floyd's David Gilmour.", "Pink Floyd's", "ORG"),
    ("Tom Reddy, whose Getafe team meet Porto, smiled.", "Getafe", "ORG"),
    ("Lucy Hale, features editor of US magazine Kit Carson, spoke.", "Kit Carson", "ORG"),
    # an age or a person's title in apposition makes a name a person's
    ("Pemberton, a professor of law at Halden College, died.", "Pemberton", "PERSON"),
    # an organisation noun in apposition makes a name an organisation's, and an untagged
    # capitalised word the parser puts in the name is part of it
    ("Karen Millen, the fashion retailer, cut jobs.", "Karen Millen", "ORG"),
    (
        "Tom Hale, managing director, of JL Peter Marsh - an international property company "
        "- spoke.",
        "JL Peter Marsh",
        "ORG",
    ),
    # ... not an organisation's apposition, nor a name with an organisation noun
    ("Halford Bank, a lender, said it was fine.", "Halford Bank", "ORG"),
    # a name after a place noun and "of" is a place's; "state" only with a place modifier
    ("Tourists returned to the island of Lampedusa.", "Lampedusa", "GPE"),
    ("Voters in the Brazilian state of Amapa went to the polls.", "Amapa", "GPE"),
    ("A landslide buried homes in the Peruvian town of Huari.", "Huari", "GPE"),
    ("Investors fretted over the state of Deutsche Bank.", "Deutsche Bank", "ORG"),
    # a person stays a person
    ("Tim Cook, who runs Apple, reaffirmed his pledge.", "Tim Cook", "PERSON"),
    ("Kate Moss said its pledge was weak.", "Kate Moss", "PERSON"),
    ("Tony Blair spoke. Blair's Hugh Tennant agreed.", "Blair", "PERSON"),
    # an honorific starts a person's name, whatever the model said
    ("It was reported that Dr Osei intends to sell.", "Dr Osei", "PERSON"),
    # ... but a name that ends in a word of organisations' names is an organisation
    ("General Motors sold a stake in Suzuki.", "General Motors", "ORG"),
    ("General Electric sold its lighting unit to Savant.", "General Electric", "ORG"),
]


@pytest.mark.parametrize("text,name,label", RETYPED)
def test_names_get_the_type_the_text_gives_them(nlp, text, name, label):
    assert (name, label) in {(e.text, e.label_) for e in nlp(text).ents}


def test_short_names_after_an_honorific(facts_of):
    text = (
        "Karen Millen, which sells clothes, is owned by Ghana entrepreneur Dr Osei Kwame Mensah. "
        "It was reported that Dr Osei intends to sell the company."
    )
    # "Dr Osei" is the person named in full; "the company" is the company named before
    assert rows(facts_of(text), only={"intend"}) == {
        ("Osei Kwame Mensah", "intend", "Karen Millen", False)
    }


def test_model_names_keep_their_suffix(nlp):
    ents = {e.text for e in nlp("Apple launched the iPad mini and the iPod touch.").ents}
    assert {"iPad mini", "iPod touch"} <= ents


@pytest.mark.parametrize(
    "text,name,label",
    [
        ("He praised fly-half Loic Delaunay.", "Loic Delaunay", "PERSON"),
        # not a clear first name: the organisation keeps its label
        ("The rating agency Morgan Stanley said so.", "Morgan Stanley", "ORG"),
    ],
)
def test_people_named_after_a_title(nlp, text, name, label):
    assert (name, label) in {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize(
    "text,name",
    [
        ("A delegation from the Russian Energy Ministry arrived.", "Russian Energy Ministry"),
        ("The German Football Association fined the club.", "German Football Association"),
        (
            "It was organized by the Turkish Association for International Relations.",
            "Turkish Association for International Relations",
        ),
        # a body the model tags apart from its nation, or cuts before the place it is for
        ("Exports will fall, the British Chamber of Commerce said.", "British Chamber of Commerce"),
        (
            "Growth in the region slowed, said the Economic Commission for Western Asia.",
            "Economic Commission for Western Asia",
        ),
    ],
)
def test_organisations_named_after_a_nationality(nlp, text, name):
    assert (name, "ORG") in {(e.text.removeprefix("the "), e.label_) for e in nlp(text).ents}
    # the demonym alone is no longer an entity of its own
    assert not any(e.label_ == "NORP" for e in nlp(text).ents)


def test_untagged_words_after_a_form_of_address_are_a_persons_name(nlp):
    from kg.nlp_repairs import tag_addressed_people

    with nlp.select_pipes(disable=["kg_repairs"]):
        doc = nlp("A spokesman, Dr Pallavan Raghu, met Sir Alan in the Crown and Anchor pub.")
    doc.ents = []  # as NER leaves such names untagged
    tag_addressed_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Dr Pallavan Raghu", "PERSON"),
        ("Sir Alan", "PERSON"),
    ]


def test_an_age_in_apposition_makes_a_persons_name(nlp):
    from spacy.tokens import Span

    from kg.nlp_repairs import retype_described_people

    with nlp.select_pipes(disable=["kg_repairs"]):
        doc = nlp("The agency said Dieter K. Obermann, 47, of the Space Agency, will fly.")
    name = next(e for e in doc.ents if e.text == "Dieter K. Obermann")
    doc.ents = [Span(doc, name.start, name.end, label="ORG")]  # as NER often tags them
    retype_described_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Dieter K. Obermann", "PERSON")]


def test_what_is_based_somewhere_is_no_place(nlp):
    """ "Jupiter, which is based in Tallinn": the model's GPE is an organisation."""
    from spacy.tokens import Doc

    from kg.nlp_repairs import retype_based_places

    words = ["Jupiter", ",", "which", "is", "based", "in", "Tallinn", ",", "grew", "."]
    heads = [8, 0, 4, 4, 0, 4, 5, 0, 8, 8]
    deps = ["nsubj", "punct", "nsubjpass", "auxpass", "relcl", "prep", "pobj", "punct",
            "ROOT", "punct"]  # fmt: skip
    ents = ["B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=ents)
    retype_based_places(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Jupiter", "ORG"), ("Tallinn", "GPE")]


def _doc(nlp, words, heads, deps, ents, tags=None):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=ents, tags=tags)


PLACED_CITIES = [
    # a known city before a comma and a US state, or after "in": a place, whatever NER said
    (["Storms", "hit", "Decatur", ",", "Ill.", "."], [1, 1, 1, 2, 2, 1],
     ["nsubj", "ROOT", "dobj", "punct", "appos", "punct"],
     ["O", "O", "B-PERSON", "O", "B-GPE", "O"], "Decatur", "GPE"),
    (["Snow", "fell", "in", "Decatur", "."], [1, 1, 1, 2, 1],
     ["nsubj", "ROOT", "prep", "pobj", "punct"], ["O", "O", "O", "B-PERSON", "O"],
     "Decatur", "GPE"),
    # a name that opens like a place's ("Fort"), before a comma and a state
    (["Snow", "fell", "in", "Fort", "Ridley", ",", "Kan.", "."], [1, 1, 1, 4, 2, 4, 4, 1],
     ["nsubj", "ROOT", "prep", "compound", "pobj", "punct", "appos", "punct"],
     ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"], "Fort Ridley", "GPE"),
    # a person "of" a city stays a person; so does a city's name as a possessor
    (["Davis", "of", "Decatur", "spoke", "."], [3, 0, 1, 3, 3],
     ["nsubj", "prep", "pobj", "ROOT", "punct"], ["B-PERSON", "O", "B-PERSON", "O", "O"],
     "Decatur", "PERSON"),
]  # fmt: skip


@pytest.mark.parametrize("words,heads,deps,ents,name,label", PLACED_CITIES)
def test_cities_where_only_a_place_fits(nlp, words, heads, deps, ents, name, label):
    from kg.nlp_repairs import retype_placed_cities

    doc = _doc(nlp, words, heads, deps, ents)
    retype_placed_cities(doc)
    assert (name, label) in {(e.text, e.label_) for e in doc.ents}


REGION_NAMES = [
    # a name ending in a region's word is a place's, whatever NER said
    (["Rain", "hit", "Ban", "Khok", "District", "."], "B-PERSON", "Ban Khok District", "GPE"),
    (["Rain", "hit", "Marlow", "County", "."], "B-ORG", "Marlow County", "GPE"),
    # not a state's university, not a department
    (["Fans", "hit", "Marlow", "State", "."], "B-ORG", "Marlow State", "ORG"),
    (["Rain", "hit", "Marlow", "Department", "."], "B-ORG", "Marlow Department", "ORG"),
]  # fmt: skip


@pytest.mark.parametrize("words,first,name,label", REGION_NAMES)
def test_region_names_are_places(nlp, words, first, name, label):
    from kg.nlp_repairs import retype_named_places

    n = len(words)
    inner = ["I-" + first[2:]] * (n - 4)
    ents = ["O", "O", first, *inner, "O"]
    heads = [1, 1] + [n - 2] * (n - 4) + [1, 1]
    deps = ["nsubj", "ROOT"] + ["compound"] * (n - 4) + ["dobj", "punct"]
    doc = _doc(nlp, words, heads, deps, ents)
    retype_named_places(doc)
    assert (name, label) in {(e.text, e.label_) for e in doc.ents}


def test_a_name_has_one_kind_in_an_article(nlp):
    doc = nlp("Karen Millen, which sells clothes, cut jobs. Karen Millen said sales fell.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Karen Millen", "ORG"),
        ("Karen Millen", "ORG"),
    ]


def test_a_name_hung_beside_the_noun_it_names_is_its_apposition(nlp):
    from spacy.tokens import Doc

    from kg.nlp_repairs import reattach_names_after_nouns

    words = ["Jane", "Roe", "met", "her", "Danish", "counterpart", "Lars", "Holm", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 2, 2, 5, 5, 2, 7, 2, 2],  # as the small model parses it: Holm on "met"
        deps=["compound", "nsubj", "ROOT", "poss", "amod", "dobj", "compound", "npadvmod", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PRON", "ADJ", "NOUN", "PROPN", "PROPN", "PUNCT"],
        ents=["B-PERSON", "I-PERSON", "O", "O", "B-NORP", "O", "B-PERSON", "I-PERSON", "O"],
    )
    reattach_names_after_nouns(doc)
    assert (doc[7].head.text, doc[7].dep_) == ("counterpart", "appos")
    assert (doc[1].head.text, doc[1].dep_) == ("met", "nsubj")  # the subject stays


def _parsed(nlp, words, heads, deps, pos, ents):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_company_named_with_a_place_is_one_name(nlp):
    """ "UK Coal said", "sold jets to Air China": the model's split (a place and a
    one-word organisation, or an untagged word before a place) is joined into one
    organisation; an institution stays the place's ("US Treasury")."""
    from kg.nlp_repairs import join_place_named_companies

    doc = _parsed(nlp, ["Kenya", "Coal", "said", "so"], [1, 2, 2, 2],
                  ["compound", "nsubj", "ROOT", "advmod"], ["PROPN", "PROPN", "VERB", "ADV"],
                  ["B-GPE", "B-ORG", "O", "O"])  # fmt: skip
    join_place_named_companies(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Kenya Coal", "ORG")]
    doc = _parsed(nlp, ["Jets", "went", "to", "Air", "Kenya"], [1, 1, 1, 4, 2],
                  ["nsubj", "ROOT", "prep", "compound", "pobj"],
                  ["NOUN", "VERB", "ADP", "PROPN", "PROPN"],
                  ["O", "O", "O", "O", "B-GPE"])  # fmt: skip
    join_place_named_companies(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Air Kenya", "ORG")]
    doc = _parsed(nlp, ["Kenya", "Treasury", "said", "so"], [1, 2, 2, 2],
                  ["compound", "nsubj", "ROOT", "advmod"], ["PROPN", "PROPN", "VERB", "ADV"],
                  ["B-GPE", "B-ORG", "O", "O"])  # fmt: skip
    join_place_named_companies(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Kenya", "GPE"), ("Treasury", "ORG")]


def test_an_organisation_then_a_lone_person_word_is_one_name(nlp):
    """ "Halvex" + "Martin" (the model's split of a two-word company name): one
    organisation; a person named with a title or a possessive between stays a person."""
    from kg.nlp_repairs import join_modifying_names

    doc = _parsed(nlp, ["Orders", "at", "Halvex", "Martin", "rose"], [4, 0, 3, 1, 4],
                  ["nsubj", "prep", "compound", "pobj", "ROOT"],
                  ["NOUN", "ADP", "PROPN", "PROPN", "VERB"],
                  ["O", "O", "B-ORG", "B-PERSON", "O"])  # fmt: skip
    join_modifying_names(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Halvex Martin", "ORG")]
    doc = _parsed(nlp, ["Halvex", "chief", "Ola", "Brenne", "spoke"], [3, 3, 3, 4, 4],
                  ["compound", "compound", "compound", "nsubj", "ROOT"],
                  ["PROPN", "NOUN", "PROPN", "PROPN", "VERB"],
                  ["B-ORG", "O", "B-PERSON", "I-PERSON", "O"])  # fmt: skip
    join_modifying_names(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Halvex", "ORG"), ("Ola Brenne", "PERSON")]


PREPOSITION_NOUNS = [
    # "thanks to" is a preposition: the profit is the object, whole, and "thanks" no part
    # of it; a sentence that opens with it keeps its own object
    ("Halvex posted a record first-half profit thanks to lower costs.",
     {("Halvex", "post", "record first-half profit")}),
    ("Thanks to lower costs, Halvex posted a profit.", {("Halvex", "post", "profit")}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", PREPOSITION_NOUNS)
def test_preposition_nouns_are_no_objects(raw_facts_of, text, expected):
    found = {(f.subject.text, f.predicate, f.object_text)
             for f in raw_facts_of(text, extractors=["clause"])}  # fmt: skip
    assert found == expected
