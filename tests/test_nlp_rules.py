"""kg's faster attribute ruler, lemmatizer and matrix products annotate exactly as spaCy's
own do."""

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.nlp import DEFAULT_MODEL, load_model, one_blas_thread
from kg.nlp_rules import IndexedAttributeRuler, speed_up

ATTRS = [POS, TAG, MORPH, LEMMA, DEP]

# Written for this test: contractions and slang the model's exception rules cover, words
# whose part of speech depends on the parse (auxiliaries, determiners used as pronouns,
# existential "there"), runs of whitespace, numbers, symbols and proper nouns.
TEXTS = [
    "I ain't sure they're gonna sign it, and we gotta wait. Let's see, y'all.",
    "C'mon, there's nothin' left: there are two boxes and there were three.",
    "That is what she said.  Which did the minister choose?\n\nThose were the days.",
    "The ministers have been meeting since Monday; the talks had stalled by 3 p.m.",
    "Prices rose 4.5% to $1,200 after the ban was lifted, analysts at Acme Corp. said.",
    "She has not been told whether the drones, which were bought in 2019, work.",
    "   Whitespace\tat the\u00a0start, tabs and\n\n\nnew lines.",
    "Running, ran, runs; better, best, worse; geese and mice were seen.",
]


@pytest.fixture(scope="module")
def pipelines():
    return spacy.load(DEFAULT_MODEL), speed_up(spacy.load(DEFAULT_MODEL))


def test_numpy_products_annotate_as_blis(pipelines):
    stock, _ = pipelines
    numpy_made = load_model(DEFAULT_MODEL)
    assert all(not node.ops.use_blis for _, pipe in numpy_made.pipeline
               if getattr(pipe, "model", None) for node in pipe.model.walk())  # fmt: skip
    assert any(node.ops.use_blis for node in stock.get_pipe("tok2vec").model.walk())
    with one_blas_thread():
        pairs = list(zip(stock.pipe(TEXTS), numpy_made.pipe(TEXTS), strict=True))

    def read(doc):
        return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]

    for a, b in pairs:
        assert read(a) == read(b)


def test_pipeline_annotates_as_spacys_own(pipelines):
    stock, fast = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert fast.pipe_names == stock.pipe_names
    for _ in range(2):  # the second pass reads the lemma cache
        for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
            assert [t.text for t in a] == [t.text for t in b]
            assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist(), a.text


# Rules of every kind the index handles, and some it leaves to the Matcher, with
# overlaps where a later rule must win as it does in spaCy's ruler.
RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBN"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "data"}]], "attrs": {"MORPH": "Number=Plur"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {
        "patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]],
        "attrs": {"POS": "AUX"},
        "index": -1,
    },
    {
        "patterns": [[{"TAG": {"NOT_IN": ["DT", ""]}, "DEP": {"IN": ["aux"]}}]],
        "attrs": {"POS": "AUX"},
    },
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'?$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"LOWER": "very"}, {"TAG": "JJ", "OP": "+"}]], "attrs": {"LEMMA": "VERY"}},
    {"patterns": [[{"ORTH": "Data"}]], "attrs": {"LEMMA": "DATUM"}},
    {"patterns": [[{}]], "attrs": {"MORPH": "Foreign=Yes"}, "index": 0},
    {"patterns": [[{"TAG": "NN"}], [{"LOWER": "data"}]], "attrs": {"LEMMA": "thing"}},
]


def _doc(vocab):
    words = ["Data", "is", "gon", "na", "be", "very", "big", "very", "nothin'", " ",
             "there", "is", "ai", "n't", "data", "seen", "been", "the", "that"]  # fmt: skip
    tags = ["NN", "VBZ", "VBG", "TO", "VB", "RB", "JJ", "RB", "NN", "_SP",
            "EX", "VBZ", "VBP", "RB", "NN", "VBN", "VBN", "DT", "DT"]  # fmt: skip
    deps = ["nsubj", "ROOT", "aux", "aux", "xcomp", "advmod", "acomp", "advmod", "attr",
            "dep", "expl", "aux", "aux", "neg", "dobj", "acl", "aux", "det", "aux"]  # fmt: skip
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=[1] * len(words))


@pytest.mark.parametrize("n_rules", [len(RULES), 5, 1])
def test_indexed_ruler_applies_each_kind_of_rule_as_spacys_ruler(n_rules):
    nlp = spacy.blank("en")
    stock = AttributeRuler(nlp.vocab)
    fast = IndexedAttributeRuler(nlp.vocab)
    for ruler in (stock, fast):
        ruler.add_patterns(RULES[:n_rules])
    a, b = stock(_doc(nlp.vocab)), fast(_doc(nlp.vocab))
    assert fast.match(b) == stock.match(a)
    assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist()
    if n_rules == len(RULES):
        assert b[0].lemma_ == "thing" and b[0].morph.get("Foreign") == ["Yes"]
        assert b[3].lemma_ == "to" and b[8].lemma_ == "thing" and b[12].lemma_ == "be"
        assert b[16].pos_ == "AUX" and b[18].pos_ != "AUX"  # TAG NOT_IN DT


def test_rules_added_later_are_used():
    nlp = spacy.blank("en")
    fast = IndexedAttributeRuler(nlp.vocab)
    fast.add_patterns(RULES[:1])
    fast(_doc(nlp.vocab))  # builds the index
    fast.add_patterns([{"patterns": [[{"LOWER": "big"}]], "attrs": {"LEMMA": "large"}}])
    assert fast(_doc(nlp.vocab))[6].lemma_ == "large"
