"""Intentions stated by a verb or a noun with an infinitive: the exact facts the
intention extractor yields alone (the intended act is the clause extractor's)."""

import pytest

from tests.conftest import case, rows

INTENTION = [
    # the verb's subject holds the intention; its object is what the act is about
    case("Veltrix plans to take a majority stake in Kestrel Air.",
         {("Veltrix", "plan", "majority stake in Kestrel Air", False, "asserted")}),
    case("The union threatened to hold regional walkouts.",
         {("union", "threaten", "hold regional walkouts", False, "asserted")}),
    case("Dr Osei intends to take the business private.",
         {("Dr Osei", "intend", "business", False, "asserted")}),
    case("Siemens hopes to start building a plant in Texas.",
         {("Siemens", "hope", "build plant in Texas", False, "asserted")}),
    # a negated intention is denied; a recipient is not what the plan is about
    case("The coach is not planning to bring any new players into his team.",
         {("coach", "plan", "bring any new players", True, "asserted")}),
    case("Turkey wants to sell Poland a shipment of drones.",
         {("Turkey", "want", "sell shipment of drones", False, "asserted")}),
    # a light verb with a particle is an act: not wanting to take on the debt is no
    # denied wish for the debt
    case("Tarsand did not want to take on the debt.",
         {("Tarsand", "want", "take on debt", True, "asserted")}),
    # a modal on the intention verb is its own
    case("Nokia may seek to sell its mapping unit.",
         {("Nokia", "seek", "sell its mapping unit", False, "possible")}),
    # a noun of intention: its possessor, its by-phrase, or the subject of "have"
    case("The union urged Renault to drop its plans to shut depots.",
         {("its", "plan", "shut depots", False, "asserted")}),
    case("A bid by Glazer to buy the club failed.",
         {("Glazer", "bid", "club", False, "asserted")}),
    case("Apple has no plans to open a store in Lima.",
         {("Apple", "plan", "open store in Lima", True, "asserted")}),
    case("Apple does not have plans to open a store in Lima.",
         {("Apple", "plan", "open store in Lima", True, "asserted")}),
    # --- no infinitive, no holder, or a passive: nothing
    case("Veltrix plans a takeover."),
    case("The plans to shut depots were leaked."),
    case("The factory is planned to open in May."),
    case("Toyota decided to sell the plant."),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", INTENTION)
def test_intention_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["intention"]), expected) == expected
