"""Possessives between names: the exact facts the ownership extractor yields alone."""

import pytest

from tests.conftest import case, rows

OWNERSHIP = [
    # an organisation's possessive on a named thing, or on the class noun it goes with
    case("Sales outstripped Microsoft's Xbox.", {("Xbox", "ownedBy", "Microsoft", False)}),
    case("Sony's Aibo robot can dance.", {("Aibo", "ownedBy", "Sony", False)}),
    case("Toyota's humanoid robot Kuri can climb stairs.",
         {("Kuri", "ownedBy", "Toyota", False)}),
    case("Google's DeepMind built the model.", {("DeepMind", "ownedBy", "Google", False)}),
    # the maker's name right before the product's
    case("Sony Walkman sales rose.", {("Walkman", "ownedBy", "Sony", False)}),
    # two organisation names side by side: one name cut in two, or a body and its parent
    case("The UN Economic Commission for Africa said growth slowed."),
    # who made a work: the possessor of the work noun a title is in apposition to
    case("Critics praised Martin Hollis's coming-of-age story, The Long Shore.",
         {("The Long Shore", "createdBy", "Martin Hollis", False)}),
    # --- a person or a place as possessor, a person possessed: not ownership
    case("Britain's BAE Systems won the order."),
    case("Microsoft's Bill Gates spoke."),
    case("Tim Cook's Apple grew."),
    # a short form in brackets after a possessive name is the name's, not owned
    case("The rupee rose after Halvard & Finch's (H&F) raised its rating."),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", OWNERSHIP)
def test_ownership_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["ownership"]), expected) == expected
