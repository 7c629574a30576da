"""Clause extractor: one row per construction, on sentences written for these tests."""

import pytest

from tests.conftest import triples

CASES = [
    # subject-verb-object with a canonical verb, recipient after "to"
    ("Germany sells tanks to Poland.",
     {("Germany", "supplies", "tanks", False), ("Germany", "supplies", "Poland", False)}),
    # ditransitive: recipient and item
    ("France sold Egypt a batch of fighter jets.",
     {("France", "supplies", "Egypt", False),
      ("France", "supplies", "batch of fighter jets", False)}),
    # xcomp chain: the subject of "is planning" buys
    ("Japan is planning to buy missiles from Norway.",
     {("Japan", "acquires", "missiles", False)}),
    # relative clause with negation: the antecedent is the subject
    ("Brazil, which does not recognize the new government, is expanding trade with Chile.",
     {("Brazil", "recognizes", "new government", True)}),
    # coordinated subjects
    ("Spain and Portugal signed the treaty.",
     {("Spain", "sign", "treaty", False), ("Portugal", "sign", "treaty", False)}),
    # coordinated objects
    ("Italy backs Greece and Cyprus.",
     {("Italy", "supports", "Greece", False), ("Italy", "supports", "Cyprus", False)}),
    # passive with an agent
    ("The missiles were supplied by Iran.", {("Iran", "supplies", "missiles", False)}),
    # prepositional object that the ontology names ("stand for" -> supports)
    ("Sweden stands for the independence of Finland.",
     {("Sweden", "supports", "independence of Finland", False)}),
    # negation scoped over coordinated verbs
    ("Chile will not ignore its commitments and cut ties with Peru.",
     {("Chile", "ignore", "its commitments", True), ("Chile", "cut", "ties", True)}),
    # negation inside "decision not to": the possessor decides, the fact stays negated
    ("Argentina confirmed its decision not to recognize the election.",
     {("Argentina", "recognizes", "election", True)}),
    # a negating control verb; a capital standing for its state
    ("Paris refused to sign the accord.", {("France", "sign", "accord", True)}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_clause_facts(facts_of, text, expected):
    got = triples(f for f in facts_of(text) if f.extractor == "clause")
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_negation_never_turns_positive(facts_of):
    got = triples(facts_of("Morocco does not recognize the referendum."))
    assert ("Morocco", "recognizes", "referendum", True) in got
    assert ("Morocco", "recognizes", "referendum", False) not in got


def test_open_relation_keeps_the_lemma(facts_of):
    got = triples(facts_of("Canada praised the agreement."))
    assert ("Canada", "praise", "agreement", False) in got


def test_phrasal_verb_is_camel_cased(facts_of):
    got = triples(facts_of("Kenya shut down its embassy in Oslo."))
    assert any(p == "shutDown" and s == "Kenya" for s, p, _, _ in got), got


def test_modality_planned_and_possible(facts_of):
    planned = facts_of("India is preparing to sell rifles to Nepal.")
    assert {f.modality for f in planned if f.predicate == "supplies"} == {"planned"}
    possible = facts_of("Peru could buy jets from Chile.")
    assert {f.modality for f in possible if f.predicate == "acquires"} == {"possible"}


def test_hedged_modality(facts_of):
    facts = facts_of("The rockets are believed to have helped Georgia.")
    # the subject is not a named entity: no fact, rather than a guessed one
    assert all(f.predicate != "help" or f.modality == "hedged" for f in facts)


def test_characterization(facts_of):
    got = triples(facts_of("President Emmanuel Macron called the strike a disgrace."))
    assert ("Emmanuel Macron", "call", "disgrace", False) in got


def test_decision_by_agents(facts_of):
    got = triples(facts_of("Ghana welcomed the decision by Mali and Niger to open the border."))
    assert ("Ghana", "welcome", "decision", False) in got
    assert ("Mali", "open", "border", False) in got and ("Niger", "open", "border", False) in got
    assert not any(s == "Ghana" and p == "open" for s, p, _, _ in got)
