"""Roles from titles and appositions; types from copulas; quantities; membership."""

import pytest

from tests.conftest import triples

ROLE_CASES = [
    ("German Chancellor Olaf Scholz arrived in Rome.",
     {("Olaf Scholz", "holdsPosition", "Chancellor", False),
      ("Olaf Scholz", "affiliatedWith", "Germany", False)}),
    ("Brazilian Foreign Minister Mauro Vieira spoke on Tuesday.",
     {("Mauro Vieira", "holdsPosition", "Foreign Minister", False),
      ("Mauro Vieira", "affiliatedWith", "Brazil", False)}),
    ("Mark Rutte, the secretary general of NATO, visited Kyiv.",
     {("Mark Rutte", "affiliatedWith", "North Atlantic Treaty Organization", False)}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", ROLE_CASES, ids=[c[0][:30] for c in ROLE_CASES])
def test_roles(facts_of, text, expected):
    got = triples(facts_of(text))
    assert expected <= got, got


def test_person_label_is_the_name_alone(facts_of):
    facts = facts_of("Brazilian Foreign Minister Mauro Vieira spoke on Tuesday.")
    assert {f.subject.text for f in facts if f.predicate == "holdsPosition"} == {"Mauro Vieira"}


def test_copula_type(facts_of):
    got = triples(facts_of("The Leopard 2 is a German battle tank."))
    assert ("Leopard 2", "isA", "German battle tank", False) in got


def test_quantities_with_pronoun_subject(facts_of):
    text = "The Leopard 2 is a German battle tank. It can drive for up to 500 km."
    got = triples(facts_of(text))
    assert ("Leopard 2", "drive", "up to 500 km", False) in got


def test_membership_from_superlative(facts_of):
    got = triples(facts_of("Pakistan has the largest navy in the Arab League."))
    assert ("Pakistan", "memberOf", "Arab League", False) in got


def test_numbers_are_not_relation_objects(facts_of):
    got = triples(facts_of("Italy bought 40 helicopters."))
    assert not any(p == "acquires" and "40" in o for s, p, o, n in got
                   if s == "Italy" and not isinstance(o, str))  # fmt: skip
