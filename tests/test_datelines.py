"""Datelines (kg/datelines.py): where a wire story was filed from, and by whom."""

import pytest

from kg.datelines import dateline

DATELINES = [
    # a city (in capitals), the larger places after commas, the agency in brackets
    ("HELSINKI, Finland (AP) -- Police said on Friday that the bridge would reopen.",
     (("HELSINKI", "Finland"), "AP")),
    ("TULSA, Okla. (AP) -- A tornado damaged homes.", (("TULSA", "Okla."), "AP")),
    ("NAIROBI (Reuters) - Kenya raised rates.", (("NAIROBI",), "Reuters")),
    # an editor's note before it, a date between the place and the agency
    ("(Text) Riga, March 3 (LETA) -- Latvia's parliament voted on the budget.",
     (("Riga",), "LETA")),
    # an abbreviated month is no abbreviated state
    ("(Text) Vilnius, Jan. 12 (ELTA) -- Lithuania's cabinet met on Monday.",
     (("Vilnius",), "ELTA")),
    # a monitoring service's source line: identifier, city, source, language
    ("Warsaw RZECZPOSPOLITA in Polish", (("Warsaw",), "RZECZPOSPOLITA")),
    ("KX1203110295 Lisbon PUBLICO in Portuguese 12 Mar 95 p 4", (("Lisbon",), "PUBLICO")),
    # a paper's own dateline: a city in capitals, no agency
    ("SPOKANE, Wash.", (("SPOKANE", "Wash."), None)),
    ("DENVER -- Snow closed schools on Monday.", (("DENVER",), None)),
    # --- no dateline: a person named after a city, a headline in capitals, a team sheet,
    # a capital as the subject, a bracket inside the sentence
    ("Paris Hilton arrived at the party.", None),
    ("LONDON MARATHON", None),
    ("CHINA", None),
    ("Chelsea (4-4-2): Sanchez; James, Colwill.", None),
    ("Lima said on Monday it would respond.", None),
    ("Vienna (Austria) is calm.", None),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", DATELINES)
def test_dateline(nlp, text, expected):
    line = dateline(next(iter(nlp(text).sents)))
    source = None if line is None or line.source is None else line.source.text
    got = None if line is None else (tuple(p.text for p in line.places), source)
    assert got == expected


def test_a_datelines_places_are_places(nlp):
    """The model's ORG or nothing becomes a place; the agency an organisation."""
    from spacy.tokens import Doc

    from kg.nlp_repairs import label_datelines

    words = ["YAKIMA", ",", "Wash.", "(", "AP", ")", "--", "Schools", "closed", "."]
    heads = [8, 0, 0, 4, 0, 4, 8, 8, 8, 8]
    deps = ["npadvmod", "punct", "appos", "punct", "appos", "punct", "punct", "nsubj", "ROOT",
            "punct"]  # fmt: skip
    ents = ["B-ORG", "O", "B-GPE", "O", "O", "O", "O", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=ents)
    label_datelines(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("YAKIMA", "GPE"),
        ("Wash.", "GPE"),
        ("AP", "ORG"),
    ]
