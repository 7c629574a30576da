"""Language id: short and name-heavy English is English; other languages are not."""

from __future__ import annotations

import json

import pytest

from kg.language import looks_english
from tests.conftest import SHARED

ENGLISH = [
    "Italy supports Ukraine. Germany sells tanks to Poland.",
    "BANGKOK, Thailand (AP)",
    "EAST LANSING, Mich.",
    "Tokyo MAINICHI SHIMBUN",
    "Rome mayor Roberto Gualtieri unveiled plans for the Via dei Fori Imperiali.",
    "Argentina striker Julián Álvarez scored twice as Atlético Madrid beat Sevilla.",
    "Apple hired Tim Cook.",
    "2024-03-01",
]
OTHER = [
    "Der Minister sagte am Montag, dass die Gespräche mit der Gewerkschaft fortgesetzt "
    "werden, obwohl keine Einigung erzielt wurde.",
    "Italien unterstützt die Ukraine. Deutschland verkauft Panzer an Polen.",
    "L'Italie soutient l'Ukraine. L'Allemagne vend des chars à la Pologne.",
    "Italia apoya a Ucrania. Alemania vende tanques a Polonia.",
    "Il governo italiano ha approvato la legge di bilancio dopo un lungo dibattito.",
    "De minister zei dat de onderhandelingen met de vakbonden volgende week worden hervat.",
    "O governo brasileiro anunciou novas medidas para proteger a floresta amazônica.",
    "Rząd Polski ogłosił w poniedziałek nowe sankcje wobec Rosji.",
    "Türkiye, Ukrayna'ya insansız hava aracı tedarik ettiğini açıkladı.",
    "Regeringen meddelade på måndagen att skatterna ska sänkas nästa år.",
    "Правительство России объявило о новых мерах поддержки экономики.",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_short_english_is_english(text):
    assert looks_english(text)


@pytest.mark.parametrize("text", OTHER)
def test_other_languages_are_not(text):
    assert not looks_english(text)


CONLL = SHARED / "corpus" / "conll04" / "conll04_dev.json"


@pytest.mark.slow
@pytest.mark.skipif(not CONLL.exists(), reason="no ../shared CoNLL04 split")
def test_every_conll04_dev_sentence_is_english():
    sentences = [" ".join(r["tokens"]) for r in json.loads(CONLL.read_text(encoding="utf-8"))]
    assert len(sentences) == 231
    assert [s for s in sentences if not looks_english(s)] == []
