"""Quotes, reported speech and sources; attribution of the facts inside them."""

import pytest

from tests.conftest import case, rows

STATEMENT = [
    # direct quotes, the speaker before or after the verb
    case('"We will never sell the club," Daniel Levy said.',
         {("Daniel Levy", "said", "We will never sell the club", False)}),
    case('"The deal is dead," said Maria Lopez.',
         {("Maria Lopez", "said", "The deal is dead", False)}),
    case('"Nobody expected this," the coach said.',
         {("coach", "said", "Nobody expected this", False)}),
    # reported speech, by people and by organisations
    case("The ministry said it had opened an inquiry.",
         {("ministry", "said", "it had opened an inquiry", False)}),
    case("Critics say the law is unfair.", {("Critics", "said", "the law is unfair", False)}),
    # sources: "according to X" reports the claim without its lead or aside
    case("According to The Guardian, the striker failed a drug test.",
         {("Guardian", "reports", "the striker failed a drug test", False)}),
    case("According to court documents, the firm destroyed the emails.",
         {("court documents", "reports", "the firm destroyed the emails", False)}),
    case("Shares fell, according to Bloomberg.", {("Bloomberg", "reports", "Shares fell", False)}),
    # --- no speech: scare quotes, a quote too short to be a statement, no complement
    case('The coach called the result a "disaster".'),
    case('"Fine," she said.'),
    case("The report said nothing."),
    case("Uber denied the allegations."),
    # the complementiser is not part of what was said
    case("Amazon said that it would appeal the ruling.",
         {("Amazon", "said", "it would appeal the ruling", False)}),
    case("Nvidia said in a filing that demand remained strong.",
         {("Nvidia", "said", "demand remained strong", False)}),
    case("Jane Fraser told reporters that Citigroup would cut 5,000 jobs.",
         {("Jane Fraser", "said", "Citigroup would cut 5,000 jobs", False)}),
    # whom the words were said to: a body or a person, not reporters or a news outlet
    case('Tomas Ekval told parliament: "Norway will not raise the tax."',
         {("Tomas Ekval", "tell", "parliament", False),
          ("Tomas Ekval", "said", "Norway will not raise the tax", False)}),
    case("Tomas Ekval told Reuters that the deficit would fall.",
         {("Tomas Ekval", "said", "the deficit would fall", False)}),
    case('"We are ready," Tomas Ekval told reporters.',
         {("Tomas Ekval", "said", "We are ready", False)}),
    # a reporting verb an adjective withholds says nothing
    case("Brenholt Motors said it was too early to say how many cars were affected.",
         {("Brenholt Motors", "said", "it was too early to say how many cars were affected",
           False)}),
    case("Tomas Ekval was unable to say whether the plant would close."),
    # a quotation inside the phrase that names the speaker is a motto, not their words;
    # a quotation split by "said X" is
    case('"We regret the ministry has taken such a decision," said Piet Orlov, deputy '
         'chairman of Halvex Gold - a mining firm that has the motto "Bringing Latvian Gold '
         'to Market".',
         {("Piet Orlov", "said", "We regret the ministry has taken such a decision", False)}),
    case('"We regret it," said Piet Orlov, "but we will appeal the decision."',
         {("Piet Orlov", "said", "We regret it", False),
          ("Piet Orlov", "said", "but we will appeal the decision", False)}),
    # what someone may say is not said: the reporting verb's modality is the statement's
    case("Piet Orlov may say the plan failed.",
         {("Piet Orlov", "said", "the plan failed", False, "possible")}),
    case("Piet Orlov said the plan would fail.",
         {("Piet Orlov", "said", "the plan would fail", False, "asserted")}),
    # an estimate or an assumption is attributed like a statement
    case("Latvia's top car maker estimates that the Baltic market will grow 15% this year.",
         {("Latvia's top car maker", "said", "the Baltic market will grow 15% this year",
           False)}),
    # a fronted participle is no second thing said; quotation marks inside the words
    # stay when they pair, and go when the quotation runs past the clause
    case('Aiming to both stir economic growth and aid the poor, finance minister Jorn Havik '
         'said the focus of the budget was "more for all".',
         {("Jorn Havik", "said", 'the focus of the budget was "more for all"', False)}),
    case('Anna Lissel said the plan was "a good start" for Halvex.',
         {("Anna Lissel", "said", 'the plan was "a good start" for Halvex', False)}),
    case('Halvex chief executive Anna Lissel said the results were strong "both '
         "operationally and financially.",
         {("Anna Lissel", "said", "both operationally and financially", False),
          ("Anna Lissel", "said", "the results were strong both operationally and "
           "financially", False)}),
    # a second speaker's report joined by "and" is not part of the first one's words
    case("Halvex said prices rose by 0.8% in May and Brumco reported a rise of 0.4%.",
         {("Halvex", "said", "prices rose by 0.8% in May", False)}),
    case("Halvex said prices rose by 0.8% in May, but the Brumco bank said they fell.",
         {("Halvex", "said", "prices rose by 0.8% in May", False),
          ("Brumco bank", "said", "they fell", False)}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", STATEMENT)
def test_statement_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["statement"]), expected) == expected


def test_direct_quote(facts_of):
    facts = facts_of('"We will never sell the club," Daniel Levy said.')
    said = [f for f in facts if f.predicate == "said"]
    assert [(f.subject.text, f.obj) for f in said] == [
        ("Daniel Levy", "We will never sell the club")
    ]


def test_facts_in_a_quote_are_attributed_and_keep_negation(facts_of):
    facts = facts_of('"Shell will never buy the refinery," Wael Sawan said.')
    assert rows(facts, width=6) == {
        ("Shell", "acquires", "refinery", True, "expected", "Wael Sawan"),
        ("Wael Sawan", "said", "Shell will never buy the refinery", False, "asserted", None),
    }


# Who "he", "she" and "they" in reported speech are: the row's fact, attributed to the speaker.
PRONOUNS = [
    # nothing to agree: "she" is the speaker, the one subject above it
    case("John Smith met Mary Jones. Later, Jones said that she supports the merger.",
         {("Mary Jones", "supports", "merger", False, "asserted", "Mary Jones")}),
    # agreement: the speaker is a woman, "he" is the man she met
    case("Angela Merkel met Emmanuel Macron. Later, Merkel said that he supports Kenya's bid.",
         {("Emmanuel Macron", "supports", "Kenya's bid", False, "asserted", "Angela Merkel")}),
    case("Emmanuel Macron met Angela Merkel. Later, Macron said that she supports Kenya's bid.",
         {("Angela Merkel", "supports", "Kenya's bid", False, "asserted", "Emmanuel Macron")}),
    # plural: "they" is both of the people just named
    case("Lewis Hamilton and George Russell met the stewards. "
         "They said that they accept the penalty.",
         {("Lewis Hamilton", "accept", "penalty", False),
          ("George Russell", "accept", "penalty", False)},
         only={"accept"}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", PRONOUNS)
def test_pronouns_in_reported_speech(facts_of, text, expected, only):
    facts = [f for f in facts_of(text) if f.predicate not in {"said", "metWith"}]
    assert rows(facts, expected, only) == expected


def test_according_to_source(facts_of):
    facts = facts_of("According to the Financial Times, Nissan bought the plant.")
    assert rows(facts, width=6) == {
        ("Nissan", "acquires", "plant", False, "asserted", "Financial Times"),
        ("Financial Times", "reports", "Nissan bought the plant", False, "asserted", None),
    }


def test_we_in_a_quote_is_the_speakers_country_or_company(facts_of):
    text = (
        'Swedish Prime Minister Ulf Kristersson spoke in Stockholm. "We support the '
        'sovereignty of Moldova," Kristersson said. Microsoft chief executive Satya Nadella '
        "spoke in Seattle. "
        '"We support the new AI rules," Nadella said.'
    )
    got = rows(f for f in facts_of(text) if f.predicate == "supports")
    assert got == {
        ("Sweden", "supports", "sovereignty of Moldova", False),
        ("Microsoft", "supports", "new AI rules", False),
    }


def test_scare_quotes_are_not_speech(facts_of):
    facts = facts_of('Spain called the vote a "farce".')
    assert [f for f in facts if f.predicate == "said"] == []
    assert ("Spain", "call", "farce", False) in rows(facts)


# A quotation run over several sentences keeps its speaker; one who is quoted reporting
# a third party's words gives them to that party.
QUOTE_RUNS = [
    # straight quotes reopened at each sentence, never closed in between
    case('"The squad is young," said Didier Deschamps, the France coach. "It is learning. '
         '"It may look bad now that we are not winning the league."',
         {("France", "win", "league", True, "asserted", "Didier Deschamps")}, only={"win"}),
    # a quotation with no reporting verb right after one with a speaker
    case('"We played very well today," said Didier Deschamps, the France coach. '
         '"But we did not win the cup."',
         {("France", "win", "cup", True, "asserted", "Didier Deschamps")}, only={"win"}),
    # a quotation that ends its sentence is reported by the "he said" right after it
    case('Lewis Hamilton spoke after the race. "I do not know what happened to the car." '
         'he said.',
         {("Lewis Hamilton", "said", "I do not know what happened to the car", False,
           "asserted", None)}, only={"said"}),
    # someone else reported in between: the quotation is not the first speaker's
    case('"We played very well today," said Didier Deschamps. Zinedine Zidane said the '
         'team was tired. "But we did not win the cup."',
         set(), only={"win"}),
    # a third party inside a quotation has a that-clause of its own: not the speaker's
    case('"There are critics who say that Shell ignored the warnings," said Wael Sawan.',
         {("Shell", "ignore", "warnings", False, "asserted", "critics")}, only={"ignore"}),
    # a reported clause the parser split at a relative aside is said whole
    case("Brumco spokesman Ola Brenne said the settlement, details of which will be "
         "announced next week, was an opportunity to move on.",
         {("Ola Brenne", "said", "the settlement, details of which will be announced next "
           "week, was an opportunity to move on", False, "asserted", None)}, only={"said"}),
    # "who it says headed": the clause's subject is a relative pronoun: no statement
    case("The Brumco Commission filed charges against Ola Brenne, who it says headed the sales "
         "operations, and his deputy.", set(), only={"said"}),
    # a quotation inside a reported clause is part of it, not a statement of its own
    case('Ola Brenne said that the new cards would "reduce card fraud in the shops".',
         {("Ola Brenne", "said", 'the new cards would "reduce card fraud in the shops"',
           False, "asserted", None)}, only={"said"}),
    # "whatever X says" reports nothing: the quotation before it is no one's
    case('"If prices are not cut, the market will fall." Analysts point out that whatever '
         "Norvia says, a weaker krone helps exporters.",
         set(), only={"said"}),
    # a name's own abbreviation in brackets is the same speaker later
    case("The Institute for Fiscal Studies (IFS) said the rule might be missed. The IFS "
         "said growth was slow.",
         {("Institute for Fiscal Studies", "said", "the rule might be missed", False,
           "asserted", None),
          ("Institute for Fiscal Studies", "said", "growth was slow", False, "asserted",
           None)}, only={"said"}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", QUOTE_RUNS)
def test_quotation_runs_and_nested_speakers(facts_of, text, expected, only):
    assert rows(facts_of(text), expected, only) == expected


def test_a_statement_shows_the_sentence_that_holds_its_words(raw_facts_of):
    """A quotation that runs on after '"...," he said' is evidenced by the sentences from
    the speaker's to its own, so a reader can check both who and what."""
    text = (
        '"Shoppers held back over the holidays," said Pavla Renner. '
        '"However, the wider economy is still healthy." Markets were calm.'
    )
    said = {f.object_text: text[f.sent_start : f.sent_end]
            for f in raw_facts_of(text, extractors=["statement"])}  # fmt: skip
    assert said == {
        "Shoppers held back over the holidays":
            '"Shoppers held back over the holidays," said Pavla Renner.',
        "However, the wider economy is still healthy":
            '"Shoppers held back over the holidays," said Pavla Renner. '
            '"However, the wider economy is still healthy."',
    }  # fmt: skip


def test_a_reopened_quotation_is_evidenced_with_its_speaker(raw_facts_of):
    text = (
        '"It is a balanced recovery," said Pavla Renner. "In 2004, growth was driven by '
        'spending. "But we expect growth to slow in 2005."'
    )
    said = {f.object_text: text[f.sent_start : f.sent_end]
            for f in raw_facts_of(text, extractors=["statement"])}  # fmt: skip
    assert said["In 2004, growth was driven by spending"].startswith('"It is a balanced')
    assert said["In 2004, growth was driven by spending"].endswith("by spending.")


SOURCES = [
    # who published the figures is the source, not the figures
    ("Exports rose 5% last year, according to the Bank of Norvia's figures.", "Bank of Norvia"),
    ("Exports rose 5% last year, according to figures from the Norvian Statistics Office.",
     "Norvian Statistics Office"),
    ("Exports rose 5% last year, according to Halvex.", "Halvex"),
]  # fmt: skip


@pytest.mark.parametrize("text,source", SOURCES)
def test_the_source_of_published_figures_is_its_publisher(facts_of, text, source):
    facts = facts_of(text)
    assert {f.attributed_to.text for f in facts if f.predicate == "rise"} == {source}


def test_a_clause_final_speaker_said_all_before_the_comma(facts_of):
    """ "X is the best way of making sure Y does Z, she said": the parser hangs two
    clauses on "said"; what was said is everything before the comma, once."""
    text = ("Ola Brenne spoke in Velmora on Monday. Cutting the cost of national surveys "
            "is the single best way of making sure the Tarsand Rates Committee (TRC) makes "
            "the right choices, she said.")  # fmt: skip
    said = {(f.subject.text, f.object_text) for f in facts_of(text) if f.predicate == "said"}
    assert said == {
        ("Ola Brenne", "Cutting the cost of national surveys is the single best way of making "
         "sure the Tarsand Rates Committee (TRC) makes the right choices")
    }  # fmt: skip


def test_a_quotation_before_a_speaker_with_a_clause_of_his_own_is_not_his(facts_of):
    """'"...," said A. "Q2." B said the board "may well wait".': B's verb has its own
    clause, begun outside the quotation marks; the quotation before it is not his."""
    text = ('"Demand is weak," said Tore Lund of Brumco. "Prices look firmer and the board '
            'may worry about costs." Ola Brenne, an economist at Halvex, said the board '
            '"may well decide to wait".')  # fmt: skip
    said = {(f.subject.text, f.object_text) for f in facts_of(text) if f.predicate == "said"}
    assert ("Ola Brenne", "Prices look firmer and the board may worry about costs") not in said
    assert ("Tore Lund", "Demand is weak") in said
