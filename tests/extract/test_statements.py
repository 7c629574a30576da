"""Quotes, reported speech and sources; attribution of the facts inside them."""

from tests.conftest import triples


def test_direct_quote(facts_of):
    facts = facts_of('"We will never accept this deal," Anna Smith said.')
    said = [f for f in facts if f.predicate == "said"]
    assert [(f.subject.text, f.obj) for f in said] == [
        ("Anna Smith", "We will never accept this deal")
    ]


def test_facts_in_a_quote_are_attributed_and_keep_negation(facts_of):
    facts = facts_of('"Norway will never sell weapons to Sudan," Anna Smith said.')
    supplies = [f for f in facts if f.predicate == "supplies"]
    assert supplies and all(f.negated for f in supplies)
    assert {f.attributed_to.text for f in supplies} == {"Anna Smith"}


def test_reported_speech_binds_he_to_the_speaker(facts_of):
    text = "Angela Merkel met Emmanuel Macron. Later, Merkel said that he supports Kenya's bid."
    facts = facts_of(text)
    sup = [f for f in facts if f.predicate == "supports"]
    assert sup and {f.subject.text for f in sup} == {"Angela Merkel"}
    assert {f.attributed_to.text for f in sup} == {"Angela Merkel"}


def test_according_to_source(facts_of):
    facts = facts_of("According to Reuters, Iran delivered drones to Russia.")
    got = triples(facts)
    assert ("Iran", "supplies", "Russia", False) in got
    assert {f.attributed_to.text for f in facts if f.predicate == "supplies"} == {"Reuters"}
    assert any(f.predicate == "reports" and f.subject.text == "Reuters" for f in facts)


def test_we_in_a_quote_is_the_speakers_country(facts_of):
    text = (
        'French President Emmanuel Macron spoke in Paris. "We stand for the sovereignty '
        'of Moldova," Macron said.'
    )
    got = triples(facts_of(text))
    assert ("France", "supports", "sovereignty of Moldova", False) in got


def test_scare_quotes_are_not_speech(facts_of):
    facts = facts_of('Spain called the vote a "farce".')
    assert not [f for f in facts if f.predicate == "said"]
