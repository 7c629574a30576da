"""Clause and characterization extractors: the exact facts each yields alone, one row per
construction, on sentences written for these tests (absences included)."""

import pytest

from tests.conftest import case, rows, triples

CLAUSE = [
    # "have" with a name as object is kept; a light verb with a name is a relation
    case("Disney has Pixar.", {("Disney", "have", "Pixar", False)}),
    case("Chelsea took Arsenal to court.", {("Chelsea", "take", "Arsenal", False)}),
    # "without" denies the with-relation; a light verb keeps its preposition
    case("The Nokia 3310 comes without a camera.", {("Nokia", "comeWith", "camera", True)}),
    case("The Nokia 3310 comes with a charger.", {("Nokia", "comeWith", "charger", False)}),
    # a possessor the parser made a participle's subject makes no clause
    case("The policy has given Norvia's rapidly expanding economy an unfair advantage.",
         set(), only={"expand"}),
    # a phrase of time NER leaves untagged says when, it is no argument
    case("Two engineers are travelling round Japan at the moment.",
         {("Two engineers", "travel", "Japan", False)}),
    # ... and a denied possession is a fact ("has no display")
    case("The Nokia 3310 has no camera.", {("Nokia 3310", "have", "camera", True)}),
    # subject-verb-object with a canonical verb, and the recipient after "to"
    case("Moderna sells vaccines to Kenya.",
         {("Moderna", "sells", "vaccines", False), ("Moderna", "supplies", "Kenya", False)}),
    case("Pfizer delivered the vaccines to Brazil.",
         {("Pfizer", "suppliesItem", "vaccines", False), ("Pfizer", "supplies", "Brazil", False)}),
    # ditransitive: recipient and item
    case("Arsenal sold Juventus its young goalkeeper.",
         {("Arsenal", "supplies", "Juventus", False),
          ("Arsenal", "sells", "its young goalkeeper", False)}),
    # an xcomp chain carries the subject and makes the fact planned
    case("Tesla is planning to buy a battery plant from Panasonic.",
         {("Tesla", "acquires", "battery plant", False, "planned")}),
    case("Spotify intends to buy the label.",
         {("Spotify", "acquires", "label", False, "planned")}),
    # modal auxiliaries and hedging adverbs
    case("Intel could buy the chip unit from Siemens.",
         {("Intel", "acquires", "chip unit", False, "possible")}),
    case("The board must approve the sale.", {("board", "approve", "sale", False, "demanded")}),
    case("Apple is reportedly buying the startup.",
         {("Apple", "acquires", "startup", False, "hedged")}),
    case("Ford is believed to have supplied Toyota.",
         {("Ford", "supplies", "Toyota", False, "hedged")}),
    # ... but "is expected to" forecasts, like "expects X to"
    case("Brakemore is expected to supply Tarsand.",
         {("Brakemore", "supplies", "Tarsand", False, "expected")}),
    # a negated relative clause: its antecedent is the subject; the main clause stays positive
    case("The museum, which does not accept donations from oil firms, opened a new wing.",
         {("museum", "accept", "donations", True), ("museum", "open", "new wing", False)}),
    # coordinated subjects, coordinated objects
    case("Novartis and Roche oppose the new drug tax.",
         {("Novartis", "opposes", "new drug tax", False),
          ("Roche", "opposes", "new drug tax", False)}),
    case("Microsoft acquired GitHub and LinkedIn.",
         {("Microsoft", "acquires", "GitHub", False),
          ("Microsoft", "acquires", "LinkedIn", False)}),
    case("Toyota and Honda built factories in Ohio.",
         {("Toyota", "build", "factories", False), ("Honda", "build", "factories", False)}),
    # passives: the agent is the subject; without an agent the participle names the relation
    case("The patents were bought by Google.", {("Google", "acquires", "patents", False)}),
    case("The hospital was sued by the families.", {("families", "sue", "hospital", False)}),
    case("The drug was approved by regulators in Japan.",
         {("regulators", "approve", "drug", False)}),
    case("The fans were not consulted about the move.",
         {("fans", "consultedAbout", "move", True)}),
    # verb + preposition pairs the ontology names
    case("Amazon partnered with Rivian.", {("Amazon", "cooperatesWith", "Rivian", False)}),
    case("The club stands for fair play.", {("club", "supports", "fair play", False)}),
    case("Tom Ashby joined Halden Rovers in 2023.",
         {("Tom Ashby", "joins", "Halden Rovers", False)}),
    # negation: not, n't, cannot; scoped over coordinated verbs
    case("Apple didn't buy the startup.", {("Apple", "acquires", "startup", True)}),
    case("The senator cannot support the bill.",
         {("senator", "supports", "bill", True, "possible")}),
    case("The union will not accept the offer and end the strike.",
         {("union", "accept", "offer", True), ("union", "end", "strike", True)}),
    case("The watchdog did not approve the merger and did not fine the bank.",
         {("watchdog", "approve", "merger", True), ("watchdog", "fine", "bank", True)}),
    # a negating control verb, also a phrasal one with a gerund
    case("The striker refused to join Chelsea.", {("striker", "joins", "Chelsea", True)}),
    case("The government has ruled out raising the pension age.",
         {("government", "raise", "pension age", True, "asserted")}),
    # an embedded question states neither the act nor its denial; an "if" under a verb
    # of asking opens a question, elsewhere a condition
    case("When asked if Halvex would seek damages from Brumco, the chief executive smiled.",
         {("Halvex", "seek", "damages", False, "hedged")}),
    case("Dunmere is considering whether to buy Brumco.",
         {("Dunmere", "acquires", "Brumco", False, "hedged")}),
    case("Halvex asked whether Brumco would cut prices.",
         {("Brumco", "cut", "prices", False, "hedged")}),
    case("Halvex will buy Brumco if the regulator approves.",
         {("Halvex", "acquires", "Brumco", False, "conditional")}),
    # a phrase fronted before its verb is an aside; a hyphenated word is one word
    case("Under the proposals, the sportscar maker could be listed separately on the "
         "market.", {("sportscar maker", "listedOn", "market", False, "possible")}),
    case("In Riga, Halvex met Brumco.", {("Halvex", "metWith", "Brumco", False, "asserted")}),
    # a hyphenated adverb of manner after the verb names the relation with it; a
    # hyphenated name is an object
    case("Halvex is going head-to-head with a tough rival.",
         {("Halvex", "goHeadToHeadWith", "tough rival", False, "asserted")}),
    case("Halvex beat Al-Hilal.", {("Halvex", "beats", "Al-Hilal", False, "asserted")}),
    case("Halvex and Brumco agreed on the pre-payment.",
         {("Halvex", "agreeOn", "pre-payment", False, "asserted"),
          ("Brumco", "agreeOn", "pre-payment", False, "asserted")}),
    # "X is to V" and a headline's "X to V" are arranged, not done
    case("Latvia to invite phone licence bids",
         {("Latvia", "invite", "phone licence bids", False, "planned")}),
    case("Latvia invited bids.", {("Latvia", "invite", "bids", False, "asserted")}),
    # what enough of something makes possible, denied with its clause
    case("The judge said Halvex did not have enough of a US presence to establish US "
         "jurisdiction.", {("Halvex", "establish", "US jurisdiction", True, "possible")}),
    case("Halvex had enough of a US presence to establish US jurisdiction.",
         {("Halvex", "establish", "US jurisdiction", False, "possible")}),
    case("Halvex raised prices to cover costs.",
         {("Halvex", "raise", "prices", False, "asserted"),
          ("Halvex", "cover", "costs", False, "planned")}),
    # "enable X to V" makes X able to, not made to
    case("The deal will enable Halvex and Brumco to develop new technology.",
         {("deal", "enable", "Halvex", False, "expected"),
          ("deal", "enable", "Brumco", False, "expected"),
          ("Halvex", "develop", "new technology", False, "possible"),
          ("Brumco", "develop", "new technology", False, "possible")}),
    # a second object after a comma names the act; a phrase after a comma is an aside
    case("The Reserve Bank of Latvia lifted interest rates, its first move in a year.",
         {("Reserve Bank of Latvia", "lift", "interest rates", False, "asserted")}),
    case("Three directors were voted out, against the wishes of chief executive Jorn Havik."),
    case("Telmora voted against the plan.",
         {("Telmora", "voteAgainst", "plan", False, "asserted")}),
    # what someone is charged with or accused of is alleged, not found
    case("Three managers were charged with concealing the losses.",
         {("Three managers", "conceal", "losses", False, "hedged")}),
    case("Rivals accused Telmora of misusing its status.",
         {("Rivals", "accuses", "Telmora", False, "asserted"),
          ("Telmora", "misuse", "its status", False, "hedged")}),
    # negation inside "decision not to": the possessor decides, the fact stays negated
    case("Nike announced its decision not to sponsor the league.",
         {("its", "sponsor", "league", True)}),
    # "the decision by X to V": X does V, not the one who welcomed the decision
    case("The players welcomed the decision by FIFA and UEFA to scrap the fee.",
         {("players", "welcome", "decision", False), ("FIFA", "scrap", "fee", False),
          ("UEFA", "scrap", "fee", False)}),
    # open relations keep the lemma; a phrasal verb keeps its particle, camel-cased
    case("Arsenal praised the referee.", {("Arsenal", "praise", "referee", False)}),
    case("Uber denied the allegations.", {("Uber", "deny", "allegations", False)}),
    case("Boeing shut down its plant in Seattle.",
         {("Boeing", "shutDown", "its plant in Seattle", False)}),
    # the clause inside reported speech is a fact (attributed by extract(), see statements)
    case("Airbus said that it would hire engineers.", {("it", "hire", "engineers", False)}),
    # a "to" the parser labels a dative still names the recipient; the object is the item
    case("Volvo never sold cars to Iran.",
         {("Volvo", "sells", "cars", True), ("Volvo", "supplies", "Iran", True)}),
    case("Shell won't sell its refinery to Exxon.",
         {("Shell", "sells", "its refinery", True), ("Shell", "supplies", "Exxon", True)}),
    case("Spotify is preparing to sell podcasts to Netflix.",
         {("Spotify", "sells", "podcasts", False, "planned"),
          ("Spotify", "supplies", "Netflix", False, "planned")}),
    # a plan is its planner's: what is wanted of another is requested, hoped of another
    # expected
    case("Tenants want Halvex to repaint the flats.",
         {("Halvex", "repaint", "flats", False, "requested")}),
    case("Brumco hopes the regulator will approve the merger.",
         {("regulator", "approve", "merger", False, "expected")}),
    # an obligation is demanded; "had to", "is having to" report what was or is done;
    # "has yet to" denies
    case("Norvia needs to cut its debt.", {("Norvia", "cut", "its debt", False, "demanded")}),
    case("Norvia will have to refund the fees.",
         {("Norvia", "refund", "fees", False, "demanded")}),
    case("Norvia had to close the depot.", {("Norvia", "close", "depot", False, "asserted")}),
    case("Velmora is having to cope with rising costs.",
         {("Velmora", "copeWith", "rising costs", False, "asserted")}),
    case("Norvia has yet to answer Halvex.",
         {("Norvia", "answer", "Halvex", True, "asserted")}),
    # a purpose under a request is requested of its doer too
    case("The union urged Halvex to sell its plant to cut debt.",
         {("union", "urge", "Halvex", False, "asserted"),
          ("Halvex", "sells", "its plant", False, "requested"),
          ("Halvex", "cut", "debt", False, "requested")}),
    # a clause of contrast states its content, whatever question it is hung on
    case("Critics asked whether Tarsand can win the vote, while Brakemore officials have "
         "praised the plan.",
         {("Tarsand", "win", "vote", False, "possible"),
          ("Brakemore officials", "praise", "plan", False, "asserted")}),
    # a clause that ends in a question mark asks; the one coordinated before it states
    case('"We welcome the plan, but why punish the Norvia farmers?" said Tarsand.',
         {("We", "welcome", "plan", False, "asserted"),
          ("We", "punish", "Norvia farmers", False, "hedged")}),
    # a "how" clause after a preposition is an embedded question; "explained how" is not
    case("A ruling on how Brumco will split its assets is due.",
         {("Brumco", "split", "its assets", False, "hedged")}),
    case("Halvex explained how Brumco had cut costs.",
         {("Brumco", "cut", "costs", False, "asserted")}),
    case("This is a case study of how Brumco trains its staff.",
         {("Brumco", "train", "its staff", False, "asserted")}),
    # an arrangement ("were to") in a condition is part of the condition: no fact
    case("If the Velmora board were to close the mill, the town would suffer.", set(),
         only={"close"}),
    # "directed X to V": X does it
    case("Tarsand directed Mr Halvex to hide the losses.",
         {("Tarsand", "direct", "Halvex", False, "asserted"),
          ("Halvex", "hide", "losses", False, "asserted")}),
    # the modal of a light verb is the act's its object noun's complement names
    case("Halvex may have had a part in arranging the Brumco loan.",
         {("Halvex", "arrange", "Brumco loan", False, "possible")}),
    # the complement that gives the object its content stays with it: an adjective, an
    # "as" phrase of a verb of classing, the place of a verb of placing ("for the year"
    # is no place); a control verb's object does what it is urged to do
    case("Halvex cut fees to keep the lenders calm.",
         {("Halvex", "cut", "fees", False), ("Halvex", "keep", "lenders calm", False)}),
    case("The tax office classed Halvex as a bank.",
         {("tax office", "class", "Halvex as a bank", False)}),
    case("Brumco officials dismissed the report as biased.",
         {("Brumco officials", "dismiss", "report as biased", False)}),
    case("Investors praised the plan as costs have fallen.",
         {("Investors", "praise", "plan", False)}),
    case("The Norvia council left the project on hold.",
         {("Norvia council", "leave", "project on hold", False)}),
    case("Velmora put output for the month at new highs.",
         {("Velmora", "put", "output", False)}),
    case("Ostrova urged Tarsand to restore the old tariffs.",
         {("Ostrova", "urge", "Tarsand", False, "asserted"),
          ("Tarsand", "restore", "old tariffs", False, "requested")}),
    case("The union called on Halvex to cut prices.",
         {("union", "callOn", "Halvex", False, "asserted"),
          ("Halvex", "cut", "prices", False, "requested")}),
    # who a prompting verb's object is does what it is prompted to
    case("The leak prompted critics to demand an audit of the accounts.",
         {("leak", "prompt", "critics", False),
          ("critics", "demand", "audit of the accounts", False)}),
    # common nouns coordinated under a preposition are all the object's
    case("Mr Tarsand denied charges of bribery and theft.",
         {("Tarsand", "deny", "charges of bribery and theft", False)}),
    # a noun after a verb that takes a clause, with a finite verb after it, is the
    # subject of a clause whose "that" was left out, no object
    case("The auditors now accept Halvex and Brumco were not paid by the fund.",
         {("fund", "pay", "Halvex", True), ("fund", "pay", "Brumco", True)}),
    case("The study found the river is rising."),
    case("Any tenant accepting the lease must pay a deposit.",
         {("Any tenant", "accept", "lease", False)}, only={"accept"}),
    case("Brumco accepted the terms proposed by Halvex.",
         {("Brumco", "accept", "terms", False), ("Halvex", "propose", "terms", False)}),
    # the complement after words of the object's own
    case("Economists see the memo from the board as vital.",
         {("Economists", "see", "memo as vital", False)}),
    # a recipient without a preposition is named as with one
    case("Tarsand offered Brumco a discount on the fees.",
         {("Tarsand", "offer", "discount on the fees", False),
          ("Tarsand", "offerTo", "Brumco", False)}),
    # the that-clause of a noun of report or evidence is claimed, not stated
    case("Halvex said it had no proof that Brumco had found a buyer for the mill.",
         {("Brumco", "find", "buyer for the mill", False, "hedged")}, only={"find"}),
    # --- kg reads these wrongly today
    case("The regulator fined Barclays, which had not supported the inquiry.",
         {("regulator", "fine", "Barclays", False), ("Barclays", "supports", "inquiry", True)}),
    case("The union called the offer an insult.", set(),
         xfail="'call X a Y' is the characterization extractor's; clause reads it as 'call X'"),
    case("The board appointed Mary Barra chief executive.",
         {("board", "appoint", "Mary Barra", False)},
         xfail="the object predicative ('chief executive') is glued to the appointee's name"),
]  # fmt: skip

# Sentences the clause extractor must find nothing in.
CLAUSE_NOTHING = [
    # light verbs name no relation of their own
    case("Siemens made a decision."),
    # "have" relates a name to a name only ("Apple has Beats" is the table's)
    case("Owen Treharne has talent."),
    case("Pierre Lacombe had few options."),
    case("The minister gave a speech."),
    # a quantity in object position is the quantity extractor's, never a relation object
    case("Netflix gained nine million subscribers."),
    case("Italy bought 40 helicopters."),
    case("The shares rose 5 percent."),
    # a date is not a participant
    case("The board met on Tuesday."),
    # pronouns that name nobody; a question word
    case("The storm damaged something."),
    case("Who bought the shares?"),
    # no object, or speech with no clause under it
    case("The factory was closed in May."),
    case("Gatwick Airport was shut for most of Friday."),
    case("Ofcom said that."),
    case("The company is being investigated."),
    case("It is raining in Madrid."),
    case("Something damaged the stadium.",
         xfail="an indefinite pronoun subject ('something') names nobody"),
]  # fmt: skip

# A wrong fact the clause extractor must not yield, whatever else it finds.
CLAUSE_NEVER = [
    case("The players welcomed the decision by FIFA to scrap the fee.",
         {("players", "scrap", "fee", False)}),
    case("The app was banned in Montana.", {("app", "banned", "Montana", False)}),
    case("Critics branded the merger a disaster.", {("Critics", "brand", "disaster", False)},
         xfail="the object predicative is read as a second object"),
    case("Greenpeace called on Shell to abandon the project.",
         {("Greenpeace", "abandon", "project", False)}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", CLAUSE + CLAUSE_NOTHING)
def test_clause_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["clause"]), expected, only) == expected


@pytest.mark.parametrize("text,wrong,only", CLAUSE_NEVER)
def test_clause_never(raw_facts_of, text, wrong, only):
    assert not rows(raw_facts_of(text, extractors=["clause"]), wrong) & wrong


CHARACTERIZATION = [
    # object predicatives: the label the subject puts on the thing
    case("The coach called the penalty a scandal.", {("coach", "call", "scandal", False)}),
    case("The union called the offer an insult.", {("union", "call", "insult", False)}),
    case("The judge did not call the video a threat.", {("judge", "call", "threat", True)}),
    case("Shareholders could call the merger a mistake.",
         {("Shareholders", "call", "mistake", False, "possible")}),
    case('The coach called the result a "disaster".', {("coach", "call", "disaster", False)}),
    # --- nothing to characterise: no object predicative
    case("The coach called the players."),
    case("Nvidia is a chipmaker."),
    # --- kg reads these wrongly today
    case("Analysts named Nvidia the most valuable chipmaker.",
         {("Analysts", "name", "most valuable chipmaker", False)},
         xfail="the superlative 'most' is cut from the label"),
]  # fmt: skip


PREDICATIVE = [
    # an adjective of a copula with a prepositional object; the ontology names some
    case("Shell is critical of the new tax.", {("Shell", "opposes", "new tax", False)}),
    case("Ryanair could be hostile to the bid.",
         {("Ryanair", "opposes", "bid", False, "possible")}),
    case("The regulator was not supportive of the merger.",
         {("regulator", "supports", "merger", True)}),
    # others are open relations named by the adjective and its preposition
    case("Toyota is proud of its record.", {("Toyota", "proudOf", "its record", False)}),
    # a negative adjective states its base, denied
    case("The minister was unaware of the leak.", {("minister", "awareOf", "leak", True)}),
    case("The board was unhappy with the offer.", {("board", "happyWith", "offer", True)}),
    # --- nothing: no prepositional object, a place (the locative is no object), a value,
    # an xcomp (the clause extractor's, denied by the factuality layer)
    case("The striker was fit."),
    case("The shares were worth $5bn."),
    case("Chelsea were unable to sign the striker."),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", PREDICATIVE)
def test_predicative_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["predicative"]), expected) == expected


def test_unable_to_denies_the_xcomp(raw_facts_of):
    facts = raw_facts_of("Chelsea were unable to sign the striker.", extractors=["clause"])
    assert rows(facts) == {("Chelsea", "sign", "striker", True)}


@pytest.mark.parametrize("text,expected,only", CHARACTERIZATION)
def test_characterization_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["characterization"]), expected) == expected


def test_negation_never_turns_positive(facts_of):
    got = triples(facts_of("Hungary does not recognise the court's ruling."))
    assert got == {("Hungary", "recognizes", "court's ruling", True)}


def test_capital_stands_for_its_state_in_a_clause(facts_of):
    facts = facts_of("Paris refused to sign the accord.")
    got = triples(f for f in facts if f.extractor == "clause")
    assert got == {("France", "sign", "accord", True)}


def test_hedged_modality(facts_of):
    facts = facts_of("Samsung is believed to have bribed officials in Seoul.")
    assert {(f.subject.text, f.predicate, f.modality) for f in facts} == {
        ("Samsung", "bribe", "hedged")
    }
    # the subject is not a named entity: no fact, rather than a guessed one
    assert facts_of("The payments are believed to have helped the mayor.") == []


def _hand_parsed(nlp, words, pos, lemmas):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, pos=pos, lemmas=lemmas, heads=[1, 1, 1],
               deps=["nsubj", "ROOT", "dobj"])  # fmt: skip


def test_a_title_tagged_as_a_verb_has_no_frame(lexicon, nlp):
    # "Wales defender Treharne ...": the small model sometimes tags the title as a verb
    from kg.extract.frames import verb_frame

    words = ["Wales", "defender", "Treharne"]
    doc = _hand_parsed(nlp, words, ["PROPN", "VERB", "PROPN"], words)
    assert verb_frame(doc[1], lexicon) is None
    doc = _hand_parsed(nlp, ["Unions", "lead", "talks"], ["NOUN", "VERB", "NOUN"],
                       ["union", "lead", "talk"])  # fmt: skip
    assert verb_frame(doc[1], lexicon) is not None
