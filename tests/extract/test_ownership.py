"""Possessives between names: the exact facts the ownership extractor yields alone."""

import pytest

from tests.conftest import case, rows

OWNERSHIP = [
    # an organisation's possessive on a named thing, or on the class noun it goes with
    case("Sales outstripped Microsoft's Xbox.", {("Xbox", "ownedBy", "Microsoft", False)}),
    case("Sony's Qrio robot can dance.", {("Qrio", "ownedBy", "Sony", False)}),
    case("Car-maker Honda's humanoid robot Asimo got faster.",
         {("Asimo", "ownedBy", "Honda", False)}),
    case("Google's DeepMind built the model.", {("DeepMind", "ownedBy", "Google", False)}),
    # the maker's name right before the product's
    case("Sony Walkman sales rose.", {("Walkman", "ownedBy", "Sony", False)}),
    # who made a work: the possessor of the work noun a title is in apposition to
    case("They won praise for Pawel Pawlikowski's rites-of-passage story, My Summer of Love.",
         {("My Summer of Love", "createdBy", "Pawel Pawlikowski", False)}),
    # --- a person or a place as possessor, a person possessed: not ownership
    case("Britain's BAE Systems won the order."),
    case("Microsoft's Bill Gates spoke."),
    case("Tim Cook's Apple grew."),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", OWNERSHIP)
def test_ownership_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["ownership"]), expected) == expected
