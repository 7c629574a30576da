"""Entity resolution: one node per entity within an article."""

from tests.conftest import triples


def test_entity_ruler_fixes_capitals(nlp):
    doc = nlp("Officials in Kyiv said the plan was ready.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Kyiv"] == [("Kyiv", "GPE")]


def test_capital_and_seat_stand_for_the_state(facts_of):
    got = triples(facts_of("The Kremlin criticized Washington. Tokyo backed Seoul."))
    assert ("Russia", "criticize", "United States", False) in got
    assert ("Japan", "supports", "South Korea", False) in got


def test_capital_as_place_is_not_the_state(facts_of):
    facts = facts_of("Nigeria signed the Abuja accord.")
    assert all(not (isinstance(f.obj, str)) and f.obj.text != "Nigeria" for f in facts
               if f.predicate == "sign")  # fmt: skip


def test_short_name_and_pronoun(facts_of):
    text = (
        "Indian Prime Minister Narendra Modi visited Nepal. Modi praised the treaty. "
        "He also backed Bhutan."
    )
    got = triples(facts_of(text))
    assert ("Narendra Modi", "praise", "treaty", False) in got
    assert ("Narendra Modi", "supports", "Bhutan", False) in got


def test_title_refers_to_the_person(facts_of):
    text = (
        "Spanish Defence Minister Margarita Robles met Portuguese officials. "
        "The Defence Minister criticized Morocco."
    )
    got = triples(facts_of(text))
    assert ("Margarita Robles", "criticize", "Morocco", False) in got


def test_class_noun_refers_to_named_product(facts_of):
    text = (
        "Poland bought Krab howitzers. These howitzers can fire up to 40 km. "
        "Germany welcomed the Polish howitzers."
    )
    facts = facts_of(text)
    got = triples(facts)
    assert ("Krab", "fire", "up to 40 km", False) in got
    assert ("Krab", "countryOfOrigin", "Poland", False) in got


def test_institution_stands_for_the_state(facts_of):
    got = triples(facts_of("The Russian army attacked Georgia."))
    assert ("Russia", "attacks", "Georgia", False) in got


def test_wikidata_ids_for_countries(nlp, lexicon, gazetteer):
    from kg.extract import extract
    from kg.resolve import resolve_article

    doc = nlp("Turkey supplies drones to Ukraine.")
    _, ents = resolve_article(doc, extract(doc), gazetteer=gazetteer, lexicon=lexicon)
    assert {e.label: e.qid for e in ents.values()}.items() >= {
        ("Turkey", "Q43"),
        ("Ukraine", "Q212"),
    }


def test_boilerplate_lines_yield_no_facts(facts_of):
    assert facts_of("Share this article\n\nComments\n\nSign up for our newsletter") == []
