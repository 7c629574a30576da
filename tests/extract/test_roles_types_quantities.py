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


def test_agent_noun_in_a_copula(facts_of):
    got = triples(facts_of("Chile and Peru are the staunchest backers of Bolivian membership."))
    assert ("Chile", "supports", "Bolivian membership", False) in got
    assert ("Peru", "supports", "Bolivian membership", False) in got


def test_headline_is_extracted_too(tmp_path):
    from kg.pipeline import process_article
    from kg.read import read_file

    path = tmp_path / "a.txt"
    path.write_text("Ghana backs Togo\n\nThe weather was mild on Monday.\n", encoding="utf-8")
    art = read_file(path)[0]
    assert art.title == "Ghana backs Togo"
    got = {(f.subject.text, f.predicate, f.obj.text) for f in process_article(art).facts}
    assert ("Ghana", "supports", "Togo") in got
