"""Issue 19, clauses: relative clauses, participles, lists and control, on sentences
written for these tests. Each row is the exact set of resolved facts a careful reader
takes from the sentence (``only``: the predicates the row is about).
"""

import pytest

from kg.nlp import silent_e_lemma
from tests.conftest import case, rows

RELATIVES = [
    # a relative pronoun object or passive subject stands for the noun it follows
    case("Slack, which Salesforce bought in 2021, lost users.",
         {("Salesforce", "acquires", "Slack", False)}, only={"acquires"}),
    case("The striker, whom Benfica signed in June, scored twice.",
         {("Benfica", "sign", "striker", False)}),
    case("The vaccine, which was developed by Valneva, failed its trial.",
         {("Valneva", "develop", "vaccine", False)}, only={"develop"}),
    # ... through the verbs its clause controls
    case("Skype, which Google tried to buy in 2010, is growing fast.",
         {("Google", "acquires", "Skype", False, "planned")}, only={"acquires"}),
    # not when the noun before is one of two ("the owners of Rover, who ..."), nor as
    # the object of a verb of saying or thinking ("which X argues are needed")
    case("The four owners of Harland Motors, who were sued by Unite, resigned.",
         set(), only={"sue"}),
    case("Critics say the rules - which Governor Okafor argues are needed - harm farmers.",
         set(), only={"argue"}),
    # a non-restrictive object relative; the date is the buying's (a literal of the date
    # rule), never an object; money NER gave no currency is a count of users
    case("Quorra, which Zentrix bought in 2015 for $3bn, now has more than 90 million "
         "monthly users.",
         {("Zentrix", "acquires", "Quorra", False),  # dated 2015 (no "buy 2015" fact)
          ("Zentrix", "buyFor", "$3bn", False),
          ("Quorra", "have", "more than 90 million monthly users", False)}),
]  # fmt: skip

PARTICIPLES = [
    # a passive participle before the clause: its patient is the clause's subject
    case("Compiled by Kantar and paid for by Nestle, the survey found that prices rose.",
         {("Kantar", "compile", "survey", False), ("Nestle", "pay", "survey", False)},
         only={"compile", "pay"}),
    case("Built by Skanska, the bridge opened in May.",
         {("Skanska", "build", "bridge", False)}, only={"build"}),
    # a bare participle after the clause may modify any noun before it: no guess
    case("Most ministers back the plan to tax kerosene - tabled by Austria and Belgium "
         "last week.", set(), only={"table"}),
    # "having been charged": a passive whatever its place; its conjunct is not the
    # subject's own act
    case("Ivan Petrov is in jail, having been charged with fraud and repeatedly denied bail.",
         {("Ivan Petrov", "chargedWith", "fraud", False)}),
    # a perfect participle is active: its subject is the clause's
    case("Having sold its stake in Elisa, Telia bought Bonnier Broadcasting.",
         {("Telia", "sells", "Telia's stake in Elisa", False),
          ("Telia", "acquires", "Bonnier Broadcasting", False)}),
    # a participle in apposition with its agent: the agent did it
    case("The programme, cancelled by the ministry in March, cost millions.",
         {("ministry", "cancel", "programme", False)}),
    # a light verb with an agent names a relation: "made by X"
    case("A vaccine made by Sanofi was approved.", {("Sanofi", "make", "vaccine", False)}),
    # a passive infinitive: the patient is the controller's
    case("Ms Berg is to be replaced by Tom Holm.", {("Tom Holm", "replace", "Ms Berg", False)}),
    # the recipient of a passive with an agent
    case("The prize was awarded to Ana Ruiz by the Nordic Council.",
         {("Nordic Council", "award", "prize", False),
          ("Nordic Council", "award", "Ana Ruiz", False), ("Ana Ruiz", "wins", "prize", False)}),
    case("Sella had been impressed by Lars Moen in the league to date.",
         {("Lars Moen", "impress", "Sella", False)}),
    # a participle after a noun: the noun does what it says
    case("Siemens, working with Alstom, built the new trains.",
         {("Siemens", "cooperatesWith", "Alstom", False),
          ("Siemens", "build", "new trains", False)}),
    case("Lawyers representing Vera Kalm have appealed.",
         {("Lawyers", "represent", "Vera Kalm", False)}),
    # the recipient of a passive award wins it, named or not by NER
    case("The Selma Prize was awarded to Oda Kinnunen by the Helsinki Book Foundation.",
         {("Oda Kinnunen", "wins", "Selma Prize", False),
          ("Helsinki Book Foundation", "award", "Selma Prize", False),
          ("Helsinki Book Foundation", "award", "Oda Kinnunen", False)}),
    # "its" of the reason is the recipient's, not the nearer agent's; with no name there,
    # no guess
    case("The Selma Prize was awarded to Halden Books by the Nordic Council for its "
         "campaign against censorship.",
         {("Halden Books", "campaignAgainst", "censorship", False)}, only={"campaignAgainst"}),
    case("Norway praised Chile for its campaign against mining.",
         {("Norway", "praise", "Chile", False), ("Chile", "campaignAgainst", "mining", False)}),
    # an event hosted in a place is there; its host is not ("Estonia in Tartu")
    case("The Baltic Games, hosted by Estonia in Tartu, drew 40,000 visitors.",
         {("Baltic Games", "hostIn", "Tartu", False), ("Estonia", "host", "Baltic Games", False),
          ("Baltic Games", "draw", "40,000 visitors", False)}),
    case("Estonia hosted the Baltic Games in Tartu.",
         {("Estonia", "host", "Baltic Games", False), ("Baltic Games", "hostIn", "Tartu", False)}),
    # ... a country may still be in a region
    case("Sweden in Scandinavia is rich.", {("Sweden", "locatedIn", "Scandinavia", False)}),
]  # fmt: skip

LISTS = [
    # the names an apposition lists after a colon: one fact each
    case("Oslo fined three ferry operators: Color Line, Fjord Line and Stena.",
         {("Oslo", "fine", "Color Line", False), ("Oslo", "fine", "Fjord Line", False),
          ("Oslo", "fine", "Stena", False)}),
    case("The regulator fined several lenders, including Nordea, Danske Bank and "
         "Handelsbanken.",
         {("regulator", "fine", "several lenders", False), ("regulator", "fine", "Nordea", False),
          ("regulator", "fine", "Danske Bank", False),
          ("regulator", "fine", "Handelsbanken", False)}),
    # ... also when the parser hangs the list on a nearer noun: it is the counted noun's
    case("Northern Grid Holdings shortlisted four companies to build the link: Varta "
         "Energi, Kelvin Power, Ostwind and Baltrum.",
         {("Northern Grid Holdings", "shortlist", "Varta Energi", False),
          ("Northern Grid Holdings", "shortlist", "Kelvin Power", False),
          ("Northern Grid Holdings", "shortlist", "Ostwind", False),
          ("Northern Grid Holdings", "shortlist", "Baltrum", False),
          ("four companies", "build", "link", False)}),
    case("Kraft and Unilever signed the accord.",
         {("Kraft", "sign", "accord", False), ("Unilever", "sign", "accord", False)},
         only={"sign"}),
    case("Petra Novak left Siemens and joined Bosch in 2019.",
         {("Petra Novak", "leave", "Siemens", False), ("Petra Novak", "joins", "Bosch", False)}),
]  # fmt: skip

CONTROL = [
    # "allowed X to V" parsed as a clause with its own subject: X is the object
    case("Apple allowed developers in Norway to distribute apps through other stores.",
         {("Apple", "allow", "developers in Norway", False)}, only={"allow"}),
    # ... and a gerund under the infinitive is nobody's for certain
    case("Greta Lind allowed Norway to score twice after losing the ball.",
         {("Greta Lind", "allow", "Norway", False)}),
    case("The minister urged the GMB union to call off the stoppage.",
         {("minister", "urge", "GMB union", False, "asserted"),
          ("GMB union", "callOff", "stoppage", False, "requested")}),
    case("Ford wants to buy Nissan.", {("Ford", "acquires", "Nissan", False, "planned")},
         only={"acquires"}),
    # the strike the union is urged to call off is its own, at the mills
    case("The premier urged the Unifor union to call off its strike at Stelvik mills.",
         {("Unifor union", "callOff", "its strike", False, "requested"),
          ("Unifor", "strikeAt", "Stelvik mills", False, "asserted")}),
    # "allowed X to V": X does V; farmers are someone, named or not
    case("Norland allowed farmers to sell their produce abroad.",
         {("Norland", "allow", "farmers", False, "asserted"),
          ("farmers", "sells", "their produce", False, "asserted")}),
    # "forced X to V": X does V; what forced them is the thing a stretch of time is of,
    # a cause worth a fact when the one made to act is named
    case("Weeks of street protests forced President Ada Okoro to withdraw the budget.",
         {("street protests", "force", "Ada Okoro", False, "asserted"),
          ("Ada Okoro", "holdsPosition", "President", False, "asserted"),
          ("Ada Okoro", "withdraw", "budget", False, "asserted")}),
    case("Months of talks forced Halden Rovers to sell the striker.",
         {("talks", "force", "Halden Rovers", False, "asserted"),
          ("Halden Rovers", "sells", "striker", False, "asserted")}),
    case("Rising costs forced the club to sell the striker.", set(), only={"force"}),
    # someone who causes keeps the fact whatever the object
    case("Senior officials prompted fears of a war.",
         {("Senior officials", "prompt", "fears of a war", False, "asserted")}),
    # a shortlisted object does what it is shortlisted for, not yet done
    case("Northern Grid shortlisted four companies to build the new reactors.",
         {("four companies", "build", "new reactors", False, "planned")}, only={"build"}),
]  # fmt: skip

UNTAGGED = [
    # a name NER did not tag is a subject all the same
    case("Kestrel Nuclear signed a deal with Ostwind.",
         {("Kestrel Nuclear", "dealWith", "Ostwind", False),
          ("Kestrel Nuclear", "sign", "deal", False)}),
    case("Kestrel Nuclear shortlisted three firms: Halden Power, Varta Energi and Ostwind Grid.",
         {("Kestrel Nuclear", "shortlist", "Halden Power", False),
          ("Kestrel Nuclear", "shortlist", "Varta Energi", False),
          ("Kestrel Nuclear", "shortlist", "Ostwind Grid", False),
          ("Kestrel Nuclear", "shortlist", "three firms", False)}),
]  # fmt: skip

CLIPPED = [
    # a preposition that lost its object in the phrase ends nothing
    case("Emma Lund and Karin Berg were named for their roles in Anders Holm's "
         "coming-of-age story.",
         {("Emma Lund", "namedFor", "their roles", False),
          ("Karin Berg", "namedFor", "their roles", False)}, only={"namedFor"}),
    # an amount with nothing counted is no argument
    case("Campaigners in Kenya are calling for more.", set()),
    # a part of a stretch of time is no argument
    case("Gatwick Airport was shut for most of Monday.", set()),
]  # fmt: skip

MISPARSES = [
    # a second verb phrase the parser read as an object ("fixed prices"): no reading
    # beats "rigged fixed prices"; the first verb keeps its own object
    case("Regulators asked whether the insurers rigged bids and fixed prices.",
         {("insurers", "rig", "bids", False)}, only={"rig"}),
    case("Halvex Motors admitted it illegally booked expenses and inflated profits.",
         {("Halvex Motors", "book", "expenses", False)}, only={"book"}),
    # ... an adjective in a present-tense list is the object's own
    case("Brumco Inc sells cars and used trucks.",
         {("Brumco Inc", "sells", "cars", False), ("Brumco Inc", "sells", "used trucks", False)},
         only={"sells"}),
    # an absolute clause: each conjunct is a noun and its participle ("demand dipping")
    case("Profits fell, with Brumco Inc driving down fares and demand dipping after "
         "the strike.", {("Brumco Inc", "driveDown", "fares", False)},
         only={"driveDown", "demand"}),
    case("Prices fell, with Brumco Inc cutting fares and Halvex Motors adding flights.",
         {("Brumco Inc", "cut", "fares", False), ("Halvex Motors", "add", "flights", False)},
         only={"cut", "add"}),
    # a noun after "to" read as an infinitive: two bare objects, or the main verb's
    # subject taken for its object
    case("Halvex Motors lost out to luxury goods firm Brumco Inc.", set(),
         only={"luxury"}),
    case("Since Governor Ola Brenne came to office the state budget has swung to a deficit.",
         set(), only={"office"}),
    case("To win the contract, Halvex Motors cut its prices.",
         {("Halvex Motors", "win", "contract", False)}, only={"win"}),
    # a participle right after a noun deep in the clause modifies that noun, not the
    # clause's subject; after a preposition on the verb it is the subject's
    case("The Tarsand Securities Commission accused Brumco Inc of illegally paying $2m to "
         "an agent in Velmora claiming ties with the president.", set(), only={"claim"}),
    case("Ola Brenne came into office promising to halve unemployment.",
         {("Ola Brenne", "halve", "unemployment", False)}, only={"halve"}),
    # a singular verb in a subject relative after a list is said of the nearest noun
    case("The campaign aimed to ruin Halvex Motors and its founder Ola Brenne, who is "
         "facing a prison term in Velmora.",
         {("Ola Brenne", "face", "prison term in Velmora", False)}, only={"face"}),
    case("The deal will enable Halvex and Brumco, which builds cheap phones, to "
         "develop new chips.", {("Brumco", "build", "cheap phones", False)},
         only={"build"}),
    # a second object after a dash renames a noun before it
    case("Halvex Motors and Brumco Inc blamed high fuel prices for weak sales of big "
         "trucks - the vehicles that earn the biggest profits.",
         {("Halvex Motors", "blame", "high fuel prices", False),
          ("Brumco Inc", "blame", "high fuel prices", False)}, only={"blame"}),
    # an "object" followed by the finite verb of a clause hung on the verb is that
    # clause's subject
    case("\"We regret the ministry has taken such a step,\" said Ola Brenne.", set(),
         only={"regret"}),
    # an adjective or adverb the parser made an object names nothing; a partitive
    # ("many of ...") does
    case("Ola Brenne warned against reading too much into the data.", set(),
         only={"read"}),
    case("Ola Brenne is planning to revisit many of Velmora's recent deals.",
         {("Ola Brenne", "revisit", "many of Velmora's recent deals", False)},
         only={"revisit"}),
    # a quoted complement of a verb of classing is the object's content
    case("Brumco Inc has classed Norvia bonds as \"investment grade\", up from junk.",
         {("Brumco Inc", "class", "Norvia bonds as \"investment grade\"", False)},
         only={"class"}),
    # a relative clause set off by a comma in reported speech is the writer's
    # background, not the speaker's claim; in a quotation it is the speaker's
    case("Halvex Motors claimed that Velmora had forced the sale of Tarsand Mining, "
         "which closed a smelter last year.",
         {("Tarsand Mining", "close", "smelter", False, "asserted", None)},
         only={"close"}),
    case("\"Tarsand Mining, which closed a smelter last year, will cut prices,\" Ola "
         "Brenne said.",
         {("Tarsand Mining", "close", "smelter", False, "asserted",
           "Ola Brenne")}, only={"close"}),
    # a unit the tokenizer split off its number ("$2.1m") is part of the amount (the
    # quantities extractor's), no object of its own
    case("The Tarsand Commission accused Brumco of illegally paying $2.1m to an unnamed "
         "agent.", {("Brumco", "pay", "$2.1m", False)}, only={"pay"}),
    # "support the plan to X": a known plan, most likely another's; "unveiled a plan to X"
    # is the subject's own
    case("Halvex Motors and Brumco Inc support the plan to tax jet fuel.", set(),
         only={"tax"}),
    case("Halvex Motors unveiled a plan to close the Norvia plant.",
         {("Halvex Motors", "close", "Norvia plant", False)}, only={"close"}),
    # an idiom's noun is no participant (lexicon idiom_objects)
    case("Brumco Inc followed suit on Monday.", set(), only={"follow"}),
    case("Brumco Inc hit the headlines in 2002.", set(), only={"hit"}),
]  # fmt: skip

TABLES = {"relatives": RELATIVES, "participles": PARTICIPLES, "control": CONTROL,
          "clipped": CLIPPED, "untagged": UNTAGGED, "misparses": MISPARSES}  # fmt: skip
ROWS = [pytest.param(*p.values, marks=p.marks, id=f"{name}: {p.id}")
        for name, table in TABLES.items() for p in table]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", ROWS)
def test_clause_family(facts_of, text, expected, only):
    assert rows(facts_of(text), expected, only) == expected


# the clause extractor alone: a counted list ("three ferry operators") is also a quantity
@pytest.mark.parametrize("text,expected,only", LISTS)
def test_list_members(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["clause"]), expected, only) == expected


@pytest.mark.parametrize(
    "form,lemma,fixed",
    [("fined", "fin", "fine"), ("hoping", "hop", "hope"), ("spares", "spar", "spare"),
     ("hopped", "hop", None), ("bused", "bus", None), ("showed", "show", None),
     ("visited", "visit", None), ("heated", "heat", None)],
)  # fmt: skip
def test_silent_e_lemma(form, lemma, fixed):
    assert silent_e_lemma(form, lemma) == fixed
