def test_england_is_not_the_united_kingdom():
    # a constituent country (and a sports team), not an alias of the state
    from kg.gazetteer import load_gazetteer

    hit = load_gazetteer().lookup("England")
    assert hit is None or hit[0].name != "United Kingdom"
