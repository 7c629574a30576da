"""Each extractor is a named unit that runs alone; unknown names list the valid ones."""

import pytest

from kg.errors import ConfigError
from kg.extract import EXTRACTORS, extract

ALONE = {
    "clause": ("Germany sells tanks to Poland.", "supplies"),
    "characterization": ("Emmanuel Macron called the strike a disgrace.", "call"),
    "nominal": ("China's annexation of Tibet angered India.", "annexes"),
    "role": ("German Chancellor Olaf Scholz arrived.", "holdsPosition"),
    "copula": ("The Leopard 2 is a German battle tank.", "isA"),
    "agent_noun": ("Chile is a staunch backer of Peru.", "supports"),
    "membership": ("Pakistan has the largest navy in the Arab League.", "memberOf"),
    "quantity": ("The Leopard 2 can drive up to 500 km.", "drive"),
    "statement": ('"We will win," Anna Smith said.', "said"),
}


def test_every_extractor_has_a_case():
    assert set(ALONE) == set(EXTRACTORS)


@pytest.mark.parametrize("name", sorted(ALONE))
def test_extractor_runs_alone(nlp, lexicon, name):
    text, predicate = ALONE[name]
    facts = extract(nlp(text), lexicon=lexicon, extractors=[name])
    assert facts and {f.extractor for f in facts} == {name}
    assert predicate in {f.predicate for f in facts}


def test_unknown_extractor_lists_the_valid_ones(nlp):
    with pytest.raises(ConfigError, match="Available names: agent_noun, characterization"):
        extract(nlp("x"), extractors=["nope"])


def test_entity_ruler_fixes_regions(nlp):
    doc = nlp("Russia annexed Crimea in 2014. Envoys from Kashmir arrived.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Crimea", "LOC"), ("Kashmir", "LOC")}
