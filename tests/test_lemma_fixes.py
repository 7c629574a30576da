"""kg_lemma_fixes: the verb lemmas kg's rules look up are right where spaCy's rule
lemmatizer is wrong ("hopes" -> "hop"), and nothing else changes."""

import pytest

from kg.nlp import lemma_fixes


@pytest.mark.parametrize(
    "text,form,lemma",
    [
        ("Toyota hopes to sell cars.", "hopes", "hope"),
        ("The union hoped for a deal.", "hoped", "hope"),
        ("Rebels are waging a war.", "waging", "wage"),
    ],
)
def test_wrong_verb_lemmas_are_fixed(nlp, text, form, lemma):
    tok = next(t for t in nlp(text) if t.lower_ == form)
    assert tok.lemma_ == lemma


def test_other_words_keep_spacys_lemma(nlp):
    doc = nlp("The firm sold hops and shipped them.")
    assert [(t.text, t.lemma_) for t in doc if t.pos_ == "VERB"] == [
        ("sold", "sell"),
        ("shipped", "ship"),
    ]


def test_the_table_is_made_of_verb_forms():
    fixes = lemma_fixes()
    assert fixes and all(form != lemma and " " not in form for form, lemma in fixes.items())
