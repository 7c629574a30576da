"""The gazetteer's country names and aliases."""

from kg.gazetteer import load_gazetteer


def test_england_is_not_the_united_kingdom():
    # a constituent country (and a sports team), not an alias of the state
    hit = load_gazetteer().lookup("England")
    assert hit is None or hit[0].name != "United Kingdom"
    assert load_gazetteer().lookup("Britain")[0].name == "United Kingdom"
