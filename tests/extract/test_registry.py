"""Each extractor is a named unit that runs alone and has an exact table of its own;
unknown names list the valid ones."""

import pytest

from kg.errors import ConfigError
from kg.extract import EXTRACTORS, extract
from tests.extract import (
    test_clauses,
    test_contests,
    test_intentions,
    test_nominal,
    test_origin,
    test_ownership,
    test_places,
    test_roles_types_quantities,
    test_statements,
)

ALONE = {
    "clause": ("Moderna sells vaccines to Kenya.", "supplies"),
    "characterization": ("The coach called the penalty a scandal.", "call"),
    "predicative": ("Shell is critical of the new tax.", "opposes"),
    "nominal": ("Disney's purchase of Fox was completed.", "acquires"),
    "role": ("Microsoft chief executive Satya Nadella spoke.", "holdsPosition"),
    "copula": ("The Airbus A350 is a wide-body airliner.", "isA"),
    "agent_noun": ("Ireland is a staunch supporter of the treaty.", "supports"),
    "membership": ("Germany is the largest economy in the European Union.", "memberOf"),
    "quantity": ("Netflix gained nine million subscribers.", "gain"),
    "statement": ('"The deal is dead," said Maria Lopez.', "said"),
    "origin": ("Egypt ordered Rafale jets. The French jets arrived in Cairo.", "countryOfOrigin"),
    "intention": ("Meta plans to buy Snap.", "plan"),
    "place": ("Storms hit McAllen, Texas, on Monday.", "locatedIn"),
    "ownership": ("Sales outstripped Microsoft's Xbox.", "ownedBy"),
    "contest": ("Norway's 2-1 win over Sweden ended the run.", "beats"),
}

# The exact table of each extractor (rows of test_*.py in this folder).
TABLES = {
    "clause": test_clauses.CLAUSE + test_clauses.CLAUSE_NOTHING,
    "characterization": test_clauses.CHARACTERIZATION,
    "predicative": test_clauses.PREDICATIVE,
    "nominal": test_nominal.NOMINAL,
    "role": test_roles_types_quantities.ROLE,
    "copula": test_roles_types_quantities.COPULA,
    "agent_noun": test_roles_types_quantities.AGENT_NOUN,
    "membership": test_roles_types_quantities.MEMBERSHIP,
    "quantity": test_roles_types_quantities.QUANTITY,
    "statement": test_statements.STATEMENT,
    "origin": test_origin.ORIGIN,
    "intention": test_intentions.INTENTION,
    "place": test_places.PLACE,
    "ownership": test_ownership.OWNERSHIP,
    "contest": test_contests.CONTEST,
}


def test_every_extractor_has_a_case_and_a_table():
    assert set(EXTRACTORS) <= set(ALONE)
    assert set(EXTRACTORS) <= set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_table_has_passing_positive_and_negative_rows(name):
    passing = [p.values[1] for p in TABLES[name] if not p.marks]
    assert sum(1 for expected in passing if expected) >= 3, "three rows with facts"
    assert any(not expected for expected in passing), "a row where nothing is found"


@pytest.mark.parametrize("name", sorted(set(ALONE) & set(EXTRACTORS)))
def test_extractor_runs_alone(nlp, lexicon, name):
    text, predicate = ALONE[name]
    facts = extract(nlp(text), lexicon=lexicon, extractors=[name])
    assert facts and {f.extractor for f in facts} == {name}
    assert predicate in {f.predicate for f in facts}


def test_unknown_extractor_lists_the_valid_ones(nlp):
    with pytest.raises(ConfigError, match="Available names: agent_noun, characterization"):
        extract(nlp("x"), extractors=["nope"])


def test_entity_ruler_fixes_regions(nlp):
    doc = nlp("Tibet was annexed in 1950. Envoys from Kashmir arrived.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Tibet", "LOC"), ("Kashmir", "LOC")}
