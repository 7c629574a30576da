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
