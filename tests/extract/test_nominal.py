"""Relations stated by nouns."""

import pytest

from tests.conftest import triples

CASES = [
    ("China's annexation of Tibet angered India.", ("China", "annexes", "Tibet", False)),
    ("Egypt's accession to the alliance surprised Israel.", ("Egypt", "joins", "alliance", False)),
    ("During a meeting with Olaf Scholz, Emmanuel Macron praised the deal.",
     ("Emmanuel Macron", "metWith", "Olaf Scholz", False)),
    ("The use of cluster bombs by Syria was condemned.", ("Syria", "uses", "cluster bombs", False)),
    ("Kenya has close ties with Ethiopia.", ("Kenya", "hasTiesWith", "Ethiopia", False)),
    ("Vietnam does not have diplomatic relations with Taiwan.",
     ("Vietnam", "hasTiesWith", "Taiwan", True)),
    ("Serbia promised to deepen cooperation with Hungary.",
     ("Serbia", "cooperatesWith", "Hungary", False)),
    ("Armenia won the war with Azerbaijan.", ("Armenia", "conflictWith", "Azerbaijan", False)),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_nominal_facts(facts_of, text, expected):
    got = triples(facts_of(text))
    assert expected in got, got


def test_no_agent_no_fact(facts_of):
    # "the annexation of Tibet" alone names no annexer: nothing is guessed
    got = triples(f for f in facts_of("The annexation of Tibet is disputed.")
                  if f.predicate == "annexes")  # fmt: skip
    assert got == set()


def test_dash_apposition_initiative(facts_of):
    got = triples(facts_of('Chile backs the "Andes Compact" - Peru\'s initiative to end poverty.'))
    assert ("Chile", "supports", "Andes Compact", False) in got
