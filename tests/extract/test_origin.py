"""Country of origin: a demonym on a phrase that refers to a named product. It needs the
product's name resolved first, so its table is on resolved facts (extractor "origin")."""

import pytest

from tests.conftest import case, rows

ORIGIN = [
    # "Gripen jets" names the product; "the Swedish jets" says where it comes from
    case("Brazil bought Gripen jets last year. The Swedish jets arrived in Rio.",
         {("Gripen", "countryOfOrigin", "Sweden", False)}),
    case("Egypt ordered Rafale jets. The French jets arrived in Cairo.",
         {("Rafale", "countryOfOrigin", "France", False)}),
    case("Apple sells iPhone phones. The American phones are popular in India.",
         {("iPhone", "countryOfOrigin", "United States", False)}),
    # --- no named product, or no demonym: nothing
    case("Kenya bought Chinese trains."),
    case("Germany bought American jets."),
    case("Norway bought F-35 jets. The jets arrived in Oslo."),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", ORIGIN)
def test_origin_facts(facts_of, text, expected, only):
    facts = [f for f in facts_of(text) if f.extractor == "origin"]
    assert rows(facts, expected) == expected
