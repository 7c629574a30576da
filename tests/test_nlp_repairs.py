"""The repairs kg makes to the small model's names and parse (kg/nlp_repairs.py)."""

import pytest

from tests.conftest import case, rows

NAMES = [
    # a name cut at a connecting word is joined with the name after it
    ("Economists expect the Bank of England to cut rates.", ("Bank of England", "ORG")),
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
    case("IG Metall urged Volkswagen to drop the plan and threatened to call strikes "
         "unless the plan was withdrawn.",
         {("IG Metall", "urge", "Volkswagen", False, "asserted"),
          ("IG Metall", "call", "strikes", False, "conditional")},
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
    ("Laura Ashley, which floated in 1995, cut jobs.", "Laura Ashley", "ORG"),
    ("Moderna reaffirmed its pledge.", "Moderna", "ORG"),
    # a person stays a person
    ("Tim Cook, who runs Apple, reaffirmed his pledge.", "Tim Cook", "PERSON"),
    # an honorific starts a person's name, whatever the model said
    ("It was reported that Dr Khoo intends to sell.", "Dr Khoo", "PERSON"),
    # ... but a name that ends in a word of organisations' names is an organisation
    ("General Motors sold a stake in Suzuki.", "General Motors", "ORG"),
    ("General Electric sold its lighting unit to Savant.", "General Electric", "ORG"),
]


@pytest.mark.parametrize("text,name,label", RETYPED)
def test_names_get_the_type_the_text_gives_them(nlp, text, name, label):
    assert (name, label) in {(e.text, e.label_) for e in nlp(text).ents}


def test_short_names_after_an_honorific(facts_of):
    text = (
        "Laura Ashley, which sells clothes, is owned by Malaysia entrepreneur Dr Khoo Kay Peng. "
        "It was reported that Dr Khoo intends to take the company private."
    )
    # "Dr Khoo" is the person named in full; "the company" is the company named before
    assert rows(facts_of(text), only={"intend"}) == {
        ("Khoo Kay Peng", "intend", "Laura Ashley", False)
    }


def test_model_names_keep_their_suffix(nlp):
    ents = {e.text for e in nlp("Apple unveiled the iPod shuffle and the Mac mini.").ents}
    assert {"iPod shuffle", "Mac mini"} <= ents


@pytest.mark.parametrize(
    "text,name,label",
    [
        ("Lib Dem Treasury spokesman Vince Cable spoke.", "Vince Cable", "PERSON"),
        ("He praised fly-half Yann Delaigue.", "Yann Delaigue", "PERSON"),
        # not a clear first name: the organisation keeps its label
        ("The rating agency Morgan Stanley said so.", "Morgan Stanley", "ORG"),
    ],
)
def test_people_named_after_a_title(nlp, text, name, label):
    assert (name, label) in {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize(
    "text,name",
    [
        ("A group from the Russian Defence Ministry left.", "Russian Defence Ministry"),
        ("The German Football Association fined the club.", "German Football Association"),
        (
            "It was organized by the Turkish Association for International Relations.",
            "Turkish Association for International Relations",
        ),
    ],
)
def test_organisations_named_after_a_nationality(nlp, text, name):
    assert (name, "ORG") in {(e.text, e.label_) for e in nlp(text).ents}
    # the demonym alone is no longer an entity of its own
    assert not any(e.label_ == "NORP" for e in nlp(text).ents)
