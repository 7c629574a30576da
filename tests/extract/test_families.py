"""Construction families from the open issues (17: negation and factuality, 18: who is
who, 19: relations), on sentences written for these tests: the resolved facts a careful
reader takes from each, exactly (``only``: the predicates a row is about, where the rest
of the sentence is not the point).

Rows kg cannot read yet are strict xfails with the reason: they are the specification
for those issues, and the mark comes off when kg gets the row right.
"""

import pytest

from tests.conftest import IRREALIS, case, rows

# -- issue 17: negation and factuality -------------------------------------------------

NEGATIVE_VERBS = [
    # a negative control verb negates what it controls
    case("Ryanair refused to buy planes from Airbus.", {("Ryanair", "acquires", "planes", True)}),
    case("Liverpool failed to sign Jude Bellingham.",
         {("Liverpool", "sign", "Jude Bellingham", True)}),
    case("Hungary declined to endorse the statement.",
         {("Hungary", "supports", "statement", True)}),
    # an implicative verb settles its complement as true: it must stay positive
    case("Arsenal managed to sign Declan Rice.", {("Arsenal", "sign", "Declan Rice", False)}),
    case("Nissan has yet to recall the vehicles.", {("Nissan", "recall", "vehicles", True)}),
    case("Apple cut ties with Foxconn.", {("Apple", "hasTiesWith", "Foxconn", True)},
         only={"hasTiesWith"}),
    case("Qatar severed relations with Bahrain.", {("Qatar", "hasTiesWith", "Bahrain", True)},
         only={"hasTiesWith"}),
    case("Oslo did not cut ties with Minsk.", {("Norway", "hasTiesWith", "Belarus", False)},
         only={"hasTiesWith"}),
    # a preventing verb denies the act it keeps someone from, and that someone does it
    case("Regulators blocked Orvik Bank from buying Telmar.",
         {("Orvik Bank", "acquires", "Telmar", True)}, only={"acquires"}),
    case("Norvale Capital was barred from buying Telmar.",
         {("Norvale Capital", "acquires", "Telmar", True)}, only={"acquires"}),
    # rejecting a claim denies its content; not rejecting it leaves it a claim
    case("Ola Brenne denied claims that he had sold the shares.",
         {("Ola Brenne", "sells", "shares", True, "asserted")}, only={"sells"}),
    case("Ola Brenne rejected allegations he pressured Tore Brenne.",
         {("Ola Brenne", "pressure", "Tore Brenne", True, "asserted")}, only={"pressure"}),
    case("Ola Brenne did not deny claims that he had sold the shares.",
         {("Ola Brenne", "sells", "shares", False, "hedged")}, only={"sells"}),
    # "it is not (true) that X" denies X
    case("It is not true that the brokers are indifferent to disasters.",
         {("brokers", "indifferentTo", "disasters", True, "asserted")}),
    case('"It is not that the brokers are indifferent to disasters," one trader said.',
         {("brokers", "indifferentTo", "disasters", True, "asserted")},
         only={"indifferentTo"}),
    case("Halden Oil sued to stop the government selling its refinery.",
         {("government", "sells", "its refinery", True)},
         only={"sells"}),
    # "too ... to" denies its infinitive ("enough ... to" does not); an extraposed "it"
    # ("it was too early to draw") does nothing itself
    case("Halvex was too weak to win the contract.", {("Halvex", "win", "contract", True)},
         only={"win"}),
    case("Halvex was strong enough to win the contract.",
         {("Halvex", "win", "contract", False)}, only={"win"}),
    case("Analysts said it was too early to draw conclusions.", set(), only={"draw"}),
]  # fmt: skip

NEGATIVE_PARTICLES = [
    # not, never, n't and its slips
    case("Amazon has never paid the fine.", {("Amazon", "pay", "fine", True)}),
    case("Kenya won't recognise the result.", {("Kenya", "recognizes", "result", True)}),
    case("Kenya wont recognise the result.", {("Kenya", "recognizes", "result", True)}),
    case("Kenya did n't recognise the result.", {("Kenya", "recognizes", "result", True)}),
    case("Mali can not accept the deal.", {("Mali", "accept", "deal", True)}),
    # a positive relative clause stays positive beside a negated main clause
    case("Chelsea, which signed Cole Palmer in 2023, has not sold Enzo Fernandez.",
         {("Chelsea", "sign", "Cole Palmer", False),  # dated 2023 (no "sign 2023" fact)
          ("Chelsea", "sells", "Enzo Fernandez", True)}),
    case("Deutsche Bank no longer finances coal mines.",
         {("Deutsche Bank", "finance", "coal mines", True)}),
    case("Portugal did not back the plan, nor did Greece.",
         {("Portugal", "supports", "plan", True), ("Greece", "supports", "plan", True)}),
    case("Neither Ford nor General Motors supported the strike.",
         {("Ford", "supports", "strike", True), ("General Motors", "supports", "strike", True)}),
    # "rather than", "instead of" a noun: the alternative is denied, the choice kept
    case("Tesla uses cobalt rather than nickel.",
         {("Tesla", "uses", "cobalt", False), ("Tesla", "uses", "nickel", True)}),
    case("Ryanair bought Boeing jets instead of Airbus planes.",
         {("Ryanair", "acquires", "Boeing", False), ("Ryanair", "acquires", "Airbus", True)}),
    case("The Kestrel phone uses glass rather than plastic.",
         {("Kestrel", "uses", "glass", False),
          ("Kestrel", "uses", "plastic", True)}),
    case("Rivian launched the truck without consulting Ford.",
         {("Rivian", "launch", "truck", False), ("Rivian", "consult", "Ford", True)}),
]  # fmt: skip

LIST_REMNANTS = [
    case("Several banks backed the bailout, including HSBC and Barclays, but not Lloyds.",
         {("HSBC", "supports", "bailout", False), ("Barclays", "supports", "bailout", False),
          ("Lloyds", "supports", "bailout", True)},
         xfail="list members after 'including' and 'but not' are not given the relation"),
    case("Nvidia sells the chip to many firms, including Dell, but not Huawei.",
         {("Nvidia", "sells", "chip", False), ("Nvidia", "supplies", "Dell", False),
          ("Nvidia", "supplies", "Huawei", True)},
         only={"supplies", "suppliesItem", "sells"}),
    case("Microsoft, Google and Amazon, but not Apple, signed the pledge.",
         {("Microsoft", "sign", "pledge", False), ("Google", "sign", "pledge", False),
          ("Amazon", "sign", "pledge", False), ("Apple", "sign", "pledge", True)}),
]  # fmt: skip

# The act in an irrealis complement belongs to its own subject and is never asserted
# ("requested" where the ontology names it, IRREALIS where it does not yet); "A urged B"
# itself stays asserted.
IRREALIS_COMPLEMENTS = [
    case("Meta plans to buy Snap.", {("Meta", "acquires", "Snap", False, "planned"),
                                     ("Meta", "plan", "Snap", False, "asserted")}),
    case("The UAW urged Ford to reopen the plant.",
         {("Ford", "reopen", "plant", False, "requested")}, only={"reopen"}),
    case("Greenpeace called on Shell to abandon the project.",
         {("Shell", "abandon", "project", False, "requested")}, only={"abandon"}),
    case("Spain wants Morocco to extradite the suspect.",
         {("Morocco", "extradite", "suspect", False, IRREALIS)}, only={"extradite"}),
    case("The league asked Juventus to pay the fine.",
         {("Juventus", "pay", "fine", False, "requested")}, only={"pay"}),
    # a relation noun on a plan is planned; a plan abandoned denies it, one kept does not
    case("Halvex announced plans for a takeover of Brumco.",
         {("Halvex", "acquires", "Brumco", False, "planned")}, only={"acquires"}),
    case("Halvex abandoned plans for a takeover of Brumco.",
         {("Halvex", "acquires", "Brumco", True, "planned")}, only={"acquires"}),
    case("Halvex did not abandon its plans for a takeover of Brumco.",
         {("Halvex", "acquires", "Brumco", False, "planned")}, only={"acquires"}),
    # a recommendation is asked for, not done: of a that-clause or of an object
    case("The report recommends that Halvex draw up a league table.",
         {("Halvex", "drawUp", "league table", False, "requested")}, only={"drawUp"}),
    case("Halvex advised Brumco to sell the unit.",
         {("Brumco", "sells", "unit", False, "requested")}, only={"sells"}),
    case("Toyota hopes to sell hydrogen cars in China.",
         {("Toyota", "sells", "hydrogen cars", False, IRREALIS),
          ("Toyota", "hope", "sell hydrogen cars", False, "asserted")}),
]  # fmt: skip

CONDITIONALS_QUESTIONS = [
    # a purpose clause is not a fact; the main clause is
    case("Meta bought WhatsApp to reach new users.",
         {("Meta", "acquires", "WhatsApp", False, "asserted")}),
    # a condition is no fact of its own: the consequence is, conditional; "even if" concedes
    case("Siemens will build the plant if Germany approves the subsidy.",
         {("Siemens", "build", "plant", False, "conditional")}),
    case("Unless Chelsea pays the fee, Napoli will keep the striker.",
         {("Napoli", "keep", "striker", False, "conditional")}),
    case("Young players would be options should Halvex decide to call up a replacement.",
         set(), only={"callUp", "decide"}),
    case("Norvia fined Brumco, even if the regulator admitted the rules were unclear.",
         {("Norvia", "fine", "Brumco", False, "asserted")}, only={"fine"}),
    case("Once Velmora signs the contract, Halvex will open the mine.",
         {("Halvex", "open", "mine", False, "conditional")}),
    case("Did Boeing ignore the warnings?", {("Boeing", "ignore", "warnings", False, IRREALIS)}),
    case("Will Netflix buy Paramount?", {("Netflix", "acquires", "Paramount", False, IRREALIS)}),
    # the future is expected, a schedule ("is to", a headline's "to") planned; neither
    # is done yet, and a question or a condition around them still wins
    case("Halvex will build a plant in Ostrava.",
         {("Halvex", "build", "plant in Ostrava", False, "expected")}),
    case("Halvex will not sell the unit to Norvia.",
         {("Norvia", "acquires", "unit", True, "expected"),
          ("Halvex", "sells", "unit", True, "expected")}),
    case("Velmora is to close the Tarsand plant.",
         {("Velmora", "close", "Tarsand plant", False, "planned")}),
    case("Regulator to review Brakemore merger",
         {("Regulator", "review", "Brakemore merger", False, "planned")}),
    case("Brumco asked whether Halvex would cut prices.",
         {("Halvex", "cut", "prices", False, "hedged")}, only={"cut"}),
    # a future a speaker reports of itself is its plan; of another, a forecast
    case("Brumco Holdings said it would cut 200 jobs.",
         {("Brumco Holdings", "cut", "200 jobs", False, "planned")}, only={"cut"}),
    case("Ola Brenne said he would close the plant next week.",
         {("Ola Brenne", "close", "plant", False, "planned")}, only={"close"}),
    case("Brumco Holdings said the government would cut taxes.",
         {("government", "cut", "taxes", False, "expected")}, only={"cut"}),
    # a plan or forecast speculated about is hedged; a vote for an act does not do it
    case("There is speculation that Halvex will try to keep prices low.",
         {("Halvex", "keep", "prices low", False, "hedged")}),
    case("One member of the Brumco board voted to raise prices to $5.",
         {("prices", "raiseTo", "$5", False, "planned")}, only={"raiseTo"}),
    # ... also when the future is on a verb the act hangs from ("will be able to")
    case("Analysts are questioning whether Halvex will be able to keep its lead.",
         {("Halvex", "keep", "Halvex's lead", False, "hedged")}),
    case("Halvex will be able to keep its lead.",
         {("Halvex", "keep", "Halvex's lead", False, "expected")}),
    case("Halvex sold the unit to Norvia.",
         {("Norvia", "acquires", "unit", False, "asserted"),
          ("Halvex", "sells", "unit", False, "asserted")}),
]  # fmt: skip

# (subject, predicate, object, negated, modality, attributed to)
CLAIMS = [
    case("Elizabeth Warren argues that Amazon abused its power.",
         {("Amazon", "abuse", "Amazon's power", False, "asserted", "Elizabeth Warren")},
         only={"abuse"}),
    case("According to Reuters, Boeing ignored the warnings.",
         {("Boeing", "ignore", "warnings", False, "asserted", "Reuters")}, only={"ignore"}),
    case("A former engineer has said that Boeing ignored the warnings.",
         {("Boeing", "ignore", "warnings", False, "asserted", "former engineer")},
         only={"ignore"}),
    # an allegation is hedged as well as attributed; what is said or argued is the speaker's
    case("The FTC alleges that Meta bought Instagram.",
         {("Meta", "acquires", "Instagram", False, "hedged", "FTC")}, only={"acquires"}),
    case("Nike confirmed that it had bought the startup.",
         {("Nike", "acquires", "startup", False, "asserted", "Nike")}, only={"acquires"}),
]  # fmt: skip

# -- issue 18: who is who ----------------------------------------------------------------

ROLES_AFFILIATIONS = [
    case("Ngozi Okonjo-Iweala, the head of the World Trade Organization, warned of a slump.",
         {("Ngozi Okonjo-Iweala", "holdsPosition", "Head", False),
          ("Ngozi Okonjo-Iweala", "affiliatedWith", "World Trade Organization", False)}),
    case("Mary Barra, General Motors' chief executive, praised the union.",
         {("Mary Barra", "holdsPosition", "Chief Executive", False),
          ("Mary Barra", "affiliatedWith", "General Motors", False),
          ("Mary Barra", "praise", "union", False)}),
    # the name after a description is the one met, not the description
    case("Satya Nadella met his Google counterpart Sundar Pichai.",
         {("Satya Nadella", "metWith", "Sundar Pichai", False)}, only={"metWith"}),
    # a role given up is not a current position
    case("Jacinda Ardern, who stepped down as prime minister in 2023, joined Harvard.",
         {("Jacinda Ardern", "joins", "Harvard", False)}, only={"holdsPosition", "joins"}),
    case("Ford's chief executive Jim Farley visited the plant.",
         {("Jim Farley", "holdsPosition", "chief executive", False),
          ("Jim Farley", "affiliatedWith", "Ford", False),
          ("Jim Farley", "visit", "plant", False)},
         only={"holdsPosition", "affiliatedWith", "visit"}),
    case("Chelsea striker Nicolas Jackson scored twice.",
         {("Nicolas Jackson", "holdsPosition", "striker", False),
          ("Nicolas Jackson", "affiliatedWith", "Chelsea", False)}),
    # an organisation referred to, not named: "its", "the company", "party leader"
    case("Brightwell has dismissed its chief executive Ana Pereira.",
         {("Ana Pereira", "holdsPosition", "chief executive", False),
          ("Ana Pereira", "affiliatedWith", "Brightwell", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("The Bank of Ruritania thanked Jane Moss, its chairman, for her work.",
         {("Jane Moss", "holdsPosition", "Chairman", False),
          ("Jane Moss", "affiliatedWith", "Bank of Ruritania", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Halford Foods Ltd said profits rose. Jane Moss, a director of the company, said "
         "sales were good.",
         {("Jane Moss", "holdsPosition", "Director", False),
          ("Jane Moss", "affiliatedWith", "Halford Foods Ltd", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Halford Foods Ltd said profits rose. Sales were up. Costs were down. Jane Moss, a "
         "director of the company, said so.",
         {("Jane Moss", "holdsPosition", "Director", False),
          ("Jane Moss", "affiliatedWith", "Halford Foods Ltd", False)},
         only={"holdsPosition", "affiliatedWith"}),
    # ... and none when nothing before it is an organisation
    case("Jane Moss, a director of the company, said sales were good.",
         {("Jane Moss", "holdsPosition", "Director", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Jane Moss, a director of the company that makes Lumo paint, said sales were good.",
         {("Jane Moss", "holdsPosition", "Director", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Shares in Halford Foods Ltd fell. The company's chief executive Paul Ngata said "
         "sales were weak.",
         {("Paul Ngata", "holdsPosition", "chief executive", False),
          ("Paul Ngata", "affiliatedWith", "Halford Foods Ltd", False)},
         only={"holdsPosition", "affiliatedWith"}),
    # a band's or a club's name before a person's, whatever NER made of it
    case("He toured with Pink Floyd's David Gilmour.",
         {("David Gilmour", "affiliatedWith", "Pink Floyd", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case('"It is a blow," said Tom Reddy, whose Getafe team meet Porto next week.',
         {("Tom Reddy", "affiliatedWith", "Getafe", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Tom Reddy, whose company makes toys, said no.", only={"affiliatedWith"}),
    # a name after the title's object ("A spokesman for Y, X,"); untagged employers
    case("A spokesman for Halbrook Builders, Dr Pallavan, told the BBC it was sold.",
         {("Pallavan", "holdsPosition", "Spokesman", False),
          ("Pallavan", "affiliatedWith", "Halbrook Builders", False),
          ("Pallavan", "said", "it was sold", False)}),
    case('"It is odd," said retail analyst Tom Reddy of Harbour Securities.',
         {("Tom Reddy", "holdsPosition", "retail analyst", False),
          ("Tom Reddy", "affiliatedWith", "Harbour Securities", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Tom Reddy is chairman and chief executive of Halbrook Retail.",
         {("Tom Reddy", "holdsPosition", "Chairman", False),
          ("Tom Reddy", "holdsPosition", "Chief Executive", False),
          ("Tom Reddy", "affiliatedWith", "Halbrook Retail", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Jane Moss was a plumber and a mother of three.",
         only={"holdsPosition", "affiliatedWith"}),
    # a title in apposition with a work noun is a work, its possessive part of it
    case("Marlowe's Nine, the heist sequel starring Tom Reddy and Jane Roe, topped the chart.",
         {("Marlowe's Nine", "star", "Tom Reddy", False),
          ("Marlowe's Nine", "star", "Jane Roe", False)}, only={"star"}),
    case("Tom Reddy, the film critic, praised Jane Roe.",
         {("Tom Reddy", "praise", "Jane Roe", False)}, only={"praise", "star"}),
    # "X, T, of Y - a company -": Y an organisation (NER: a person), whole
    case("Tom Hale, managing director, of JL Peter Marsh - an international property company "
         "- told the BBC it was good.",
         {("Tom Hale", "holdsPosition", "Managing Director", False),
          ("Tom Hale", "affiliatedWith", "JL Peter Marsh", False)},
         only={"holdsPosition", "affiliatedWith"}),
    # a name the parser cut off its preposition at an abbreviation's period
    case('"It was fun," said Jane Roe, head of sales at Pemberton Bros. However, critics '
         "were not kind.",
         {("Jane Roe", "holdsPosition", "Head of sales", False),
          ("Jane Roe", "affiliatedWith", "Pemberton Bros.", False)},
         only={"holdsPosition", "affiliatedWith"}),
    # the person named after a title in apposition is the argument, not the title
    case("In 1890 the chairman of the club, Jane Roe, was born in Dundee.",
         {("Jane Roe", "bornIn", "Dundee", False)}, only={"bornIn"}),
    case("In 1921, the first President of Estonia, Jaan Kask, was born in Tartu.",
         {("Jaan Kask", "bornIn", "Tartu", False)}, only={"bornIn"}),
    case("The film, Nora Lusk, won.", only={"win"}),
    # a title said with a denied copula is denied, never a current position
    case("Jane Roe is not the chairman of Acme Corp.",
         {("Jane Roe", "holdsPosition", "Chairman", True),
          ("Jane Roe", "affiliatedWith", "Acme Corp.", True)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Jane Roe was never a director of Halbrook Retail.",
         {("Jane Roe", "holdsPosition", "Director", True),
          ("Jane Roe", "affiliatedWith", "Halbrook Retail", True)},
         only={"holdsPosition", "affiliatedWith"}),
    # a description of the person named before says their role and team
    case("Rory Dunn limped off. The Scotland international, 24, was hurt in a challenge.",
         {("Rory Dunn", "holdsPosition", "international", False),
          ("Rory Dunn", "affiliatedWith", "Scotland", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Jon Kells scored twice. The Leicester flanker is likely to start.",
         {("Jon Kells", "holdsPosition", "flanker", False),
          ("Jon Kells", "affiliatedWith", "Leicester", False)},
         only={"holdsPosition", "affiliatedWith"}),
    # ... not of no one, of a spokesman (rarely the one named), of a side
    case("The French minister said no.", only={"holdsPosition", "affiliatedWith"}),
    case("Tom Reddy of Halford Foods resigned. The Halford spokesman said it was sad.",
         {("Tom Reddy", "affiliatedWith", "Halford Foods", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Its president met Tom Reddy. The Turkmen side agreed to lower the price.",
         only={"holdsPosition"}),
    # a company officer with no company named: the company the sentence before is about,
    # when the article names it again; not a newspaper that reports, not a single mention
    case("Halford Foods has cut 300 jobs. Chief executive Tom Reddy said sales at Halford "
         "Foods were weak.",
         {("Tom Reddy", "holdsPosition", "Chief executive", False),
          ("Tom Reddy", "affiliatedWith", "Halford Foods", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Halford Foods has cut 300 jobs. Chief executive Tom Reddy said sales were weak.",
         {("Tom Reddy", "holdsPosition", "Chief executive", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("The Daily Courier reported cuts at Halford Foods. Chief executive Tom Reddy said "
         "sales were weak. The Daily Courier said so.",
         {("Tom Reddy", "holdsPosition", "Chief executive", False)},
         only={"holdsPosition", "affiliatedWith"}),
    # a portfolio NER joined to the party belongs to the title
    case("Labour Home Office spokesman Tom Reddy spoke.",
         {("Tom Reddy", "holdsPosition", "Home Office spokesman", False),
          ("Tom Reddy", "affiliatedWith", "Labour", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Department of Health spokesman Tom Reddy said no.",
         {("Tom Reddy", "holdsPosition", "spokesman", False),
          ("Tom Reddy", "affiliatedWith", "Department of Health", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Treasury Secretary Janet Yellen spoke.",
         {("Janet Yellen", "holdsPosition", "Treasury Secretary", False),
          ("Janet Yellen", "affiliatedWith", "Treasury", False)},
         only={"holdsPosition", "affiliatedWith"}),
    # a person's possessive before an organisation: theirs
    case("Jeff Bezos's Amazon bought Whole Foods in 2017.",
         {("Jeff Bezos", "affiliatedWith", "Amazon", False)}, only={"affiliatedWith"}),
    case("Tony Blair's government fell.", only={"affiliatedWith"}),
    case("Tom Brandt's Halcyon Foods cut 300 jobs.",
         {("Tom Brandt", "affiliatedWith", "Halcyon Foods", False)}, only={"affiliatedWith"}),
    # ... not a single name, which may be a company's tagged as a person's
    case("Brandt's Halcyon Foods cut 300 jobs.", only={"affiliatedWith"}),
    case("Former Bank of England governor Mark Carney joined Brookfield.",
         {("Mark Carney", "holdsPosition", "former governor", False),
          ("Mark Carney", "joins", "Brookfield", False)}, only={"holdsPosition", "joins"}),
    # "ex-" the parser leaves out of the name's phrase is still a past role
    case("Ex-chairman Tom Reddy of Halford Foods left.",
         {("Tom Reddy", "holdsPosition", "ex-chairman", False),
          ("Tom Reddy", "affiliatedWith", "Halford Foods", False)},
         only={"holdsPosition", "affiliatedWith"}),
    # "outgoing" is no current title either, nor a name at a sentence's start
    case("Outgoing chairman Tom Reddy of Halford Foods said no.",
         {("Tom Reddy", "holdsPosition", "outgoing chairman", False),
          ("Tom Reddy", "affiliatedWith", "Halford Foods", False)},
         only={"holdsPosition", "affiliatedWith"}),
    # the name beside the noun it names is who was met, not the description
    case("Jane Roe met her Danish counterpart Lars Holm in Oslo.",
         {("Jane Roe", "metWith", "Lars Holm", False)}, only={"metWith"}),
]  # fmt: skip

PLACES = [
    # a capital as a place is not its state
    case("Google opened an office in Nairobi.", {("Google", "open", "office in Nairobi", False),
                                                 ("Google", "operatesIn", "Nairobi", False)}),
    case("Protesters gathered in Paris."),
    # "Tokyo-based": the city itself, not the state it is the capital of
    case("Kestrel Motors, a Tokyo-based carmaker, opened a plant.",
         {("Kestrel Motors", "basedIn", "Tokyo", False)}, only={"basedIn"}),
    case("Volkswagen opened a plant in the Mexican city of Puebla.",
         {("Puebla", "locatedIn", "Mexico", False)}, only={"locatedIn"}),
    case("Tesla built a factory in Austin, Texas.", {("Austin", "locatedIn", "Texas", False)},
         only={"locatedIn"}),
    case("The London-based bank Standard Chartered cut 500 jobs.",
         {("Standard Chartered", "basedIn", "London", False)}, only={"basedIn"}),
    case("Samsung, which is based in Suwon, hired 1,000 engineers.",
         {("Samsung", "basedIn", "Suwon", False)}, only={"basedIn"}),
]  # fmt: skip

REFERENCES = [
    # he and she agree with the person they stand for
    case("Serena Williams met Roger Federer in Paris. He praised the tournament.",
         {("Serena Williams", "metWith", "Roger Federer", False),
          ("Roger Federer", "praise", "tournament", False)}),
    case("Roger Federer met Serena Williams in Paris. She praised the tournament.",
         {("Roger Federer", "metWith", "Serena Williams", False),
          ("Serena Williams", "praise", "tournament", False)}),
    # "the firm", "the club": the organisation of that kind last named
    case("Siemens posted higher profits. The firm also acquired Altair.",
         {("Siemens", "post", "higher profits", False), ("Siemens", "acquires", "Altair", False)}),
    # ... or a subject the small model tagged as a place the gazetteer does not know
    case("Sao Paulo signed Tomas Berg from Sporting Braga. The club said the fee was a "
         "record.", {("Sao Paulo", "said", "the fee was a record", False)}, only={"said"}),
    # a subject tagged as a person that nothing shows to be one (a first name, an
    # honorific, a title) may be the club: no guess, and not the club named after it
    case("Sparta Rotterdam signed Tomas Berg from Sporting Braga. The club said the fee "
         "was a record.", set(), only={"said"}),
    case("Ms Orlova had talks with Mr Petrov about working for Volvo. She later joined "
         "the company.", {("Ms Orlova", "joins", "Volvo", False)}, only={"joins"}),
    case("General Electric sold its lighting unit to Savant. The company said the price "
         "was fair.", {("General Electric", "said", "the price was fair", False)},
         only={"said"}),
    # "the company" does not take up a name that was only an object two sentences back
    # (the parser's subject after a verb that does not invert is an object) ...
    case("Halvex Corp sought protection from creditors in 2003. On Tuesday, its "
         "administrator, Jorn Havik, sued Brumco Bank, its former lender, to return 136m "
         "euros. That brought the total to 49. The company has also sued former auditors "
         "for damages.", set(), only={"sue"}),
    case("Halvex Corp sued Brumco Bank. The company also sued its auditors.",
         {("Halvex Corp", "sue", "Brumco Bank", False),
          ("Halvex Corp", "sue", "Halvex Corp's auditors", False)}, only={"sue"}),
    # ... nor a name that ends in a common noun of no organisation ("the Marevo dam")
    case("Corvane Energy Corp is refusing to obey an order. The Marevo dam is one of 30 "
         "such projects. The firm has also ignored orders to stop work.",
         {("Corvane Energy Corp", "ignore", "orders", False)}, only={"ignore"}),
    # an object "it" may be its clause's subject's named possessor
    case("Telmora said in May that Brumco must open its network. Telmora is reviewing the "
         "sector. Brumco's rivals have often accused it of misusing its status.",
         {("Brumco", "misuse", "Brumco's status", False)}, only={"misuse"}),
    # a place named elsewhere than as a subject is a place
    case("Tomas Berg played against Valencia. The club said the fee was a record.", set(),
         only={"said"}),
    case("Anna Berg praised the plan. The company said the price was fair.", set(),
         only={"said"}),
    # an unnamed one of the kind brought in just before is what the description means
    case("Tesla sold its stake to a small company in May. The company hired Anna Berg.",
         set(), only={"hire"}),
    # a name the model cut in two is one name: "Commission" here is not the European one
    case("The Securities and Exchange Commission sued Tesla. The European Commission "
         "fined Google.", {("Securities and Exchange Commission", "sue", "Tesla", False)},
         only={"sue"}),
    # "the two countries", "both sides", "both": one fact about each of the pair
    case("Peru and Chile signed a truce. The two countries had closed their borders.",
         {("Peru", "close", "their borders", False), ("Chile", "close", "their borders", False)},
         only={"close"}),
    case("Boeing and Airbus met the regulator. Both sides rejected the plan.",
         {("Boeing", "opposes", "plan", False), ("Airbus", "opposes", "plan", False)},
         only={"opposes"}),
    # a pair that does a reciprocal thing does it with each other
    case("Peru and Chile signed a treaty.",
         {("Peru", "sign", "treaty", False), ("Chile", "sign", "treaty", False),
          ("Peru", "signTreatyWith", "Chile", False)}),
    case("Peru and Chile signed a truce. The two countries then exchanged prisoners.",
         {("Peru", "exchangePrisonersWith", "Chile", False)},
         only={"exchangePrisonersWith"}),
    case("Serbia and Kosovo did not sign the agreement.",
         {("Serbia", "signAgreementWith", "Kosovo", True)}, only={"signAgreementWith"}),
    case("Peru and Chile criticised the treaty.",
         {("Peru", "criticise", "treaty", False), ("Chile", "criticise", "treaty", False)}),
    # "they": the pair that is a subject of the sentence before, even in a clause
    case("Critics said that Brown and Tennant had delayed too long. Now they have yet to "
         "publish the budget.",
         {("Brown", "publish", "budget", True), ("Tennant", "publish", "budget", True)},
         only={"publish"}),
    # the pair must be of the noun's kind: two people are not "the two countries"
    case("Tim Cook and Satya Nadella met. The two countries rejected the plan.",
         set(), only={"reject"}),
    # "the 31-year-old": the person the sentence before is about; "the coach" is not
    # the player the sentence before was about
    case("Tom Ashby scored twice on Friday. The 31-year-old has scored 200 goals in all.",
         {("Tom Ashby", "score", "200 goals", False)}, only={"score"}),
    case("Pierre Lacombe was sent off. The coach is not planning to sign new players.",
         {("coach", "sign", "new players", True)}, only={"sign"}),
    # a role with a word that describes ("former", a place new to the text) is the one
    # person the sentence before is about
    case("Ban Soo-min, the UN envoy to Libya, arrived in Tripoli on Monday. The former "
         "foreign minister met Khalifa Haftar.",
         {("Ban Soo-min", "metWith", "Khalifa Haftar", False)}, only={"metWith"}),
    case("Arsenal signed Tomas Berg from Porto. The Norway striker had agreed a five-year "
         "contract.", {("Tomas Berg", "agree", "five-year contract", False)}, only={"agree"}),
    # ... a nationality is one the article ties the person to
    case("French diplomat Anne Morel arrived in Cairo on Monday. The French envoy met "
         "Sameh Shoukry.", {("Anne Morel", "metWith", "Sameh Shoukry", False)},
         only={"metWith"}),
    case("Anne Morel arrived in Cairo on Monday. The French diplomat met Sameh Shoukry.",
         set(), only={"metWith"}),
    # ... a team named before that is not the person's makes it another person's role,
    # and so do "new", "next", "other"; the subject of its own clause is someone else
    case("Leipzig beat Freiburg on Saturday. Lois Openda scored twice. The Freiburg coach "
         "criticised the referee.", {("Freiburg coach", "criticise", "referee", False)},
         only={"criticise"}),
    case("Everton sacked Tomas Berg on Monday. The new manager praised the squad.",
         {("new manager", "praise", "squad", False)}, only={"praise"}),
    case("Anna Berg praised the Norway captain.",
         {("Anna Berg", "praise", "Norway captain", False)}),
    # a relative clause after a comma adds to the description, it does not say which
    case("Halford Foods Ltd reported higher sales. The company, which makes Crunchies, said so.",
         {("Halford Foods Ltd", "make", "Crunchies", False)}, only={"make"}),
    case("Halford Foods Ltd reported higher sales. The company that makes Crunchies said so.",
         set(), only={"make"}),
    # a noun of a particular kind needs a name of that kind: a union is not the company
    # a noun of a kind no name contains ("carmaker") fits any organisation, like "company"
    case("Ford cut 500 jobs. The American carmaker blamed the union.",
         {("Ford", "accuses", "union", False)}, only={"accuses"}),
    case("Ford cut 500 jobs. The company blamed the union.",
         {("Ford", "accuses", "union", False)}, only={"accuses"}),
    case("Ford cut 500 jobs. The union criticised the company.",
         {("union", "criticise", "Ford", False)}, only={"criticise"}),
    # an unnamed subject that names people by what they do is kept; a thing is not
    case("A federal judge refused to dismiss the lawsuit.",
         {("federal judge", "dismiss", "lawsuit", True)}),
    case("No analyst expects the Reserve Bank of Australia to raise rates.",
         {("Reserve Bank of Australia", "raise", "rates", True)}, only={"raise"}),
    case("The town's Muslim community bought the former church in 1998.",
         {("town's Muslim community", "acquires", "former church", False)},
         only={"acquires"}),
    # a disaster is a fact about the named place it struck
    case("A storm hit the island of Tavira on Monday.", {("storm", "hit", "Tavira", False)}),
    case("A fire destroyed the warehouse.", set()),
    case("The new plan failed to win support.", set()),
    case("Foreign banks do not pay the levy.",
         {("Foreign banks", "pay", "levy", True)}),
    # the subject of the description's own clause is not what it describes
    case("Shell hired Anna Berg. Anna Berg said Shell would sell the company.",
         {("Shell", "sells", "company", False, "expected", "Anna Berg")},
         only={"sells"}),
    case("Arsenal beat Fulham on Saturday. The club also sold Thomas Partey.",
         {("Arsenal", "sells", "Thomas Partey", False)}, only={"sells"},
         xfail="'Arsenal' is not tagged as a name, so 'the club' is the club it beat"),
    # "he said" after a sentence with two men: its subject, not the man named last
    case('Tony Blair, who praised Gordon Brown on Monday, will not attend the summit. '
         '"We have done our best," he said.',
         {("Tony Blair", "said", "We have done our best", False)}, only={"said"}),
    # "he" in a quote about someone else is that person, not the speaker
    case('"She never misses a training session," Tomas Berg said of Ingrid Olsen.',
         {("Ingrid Olsen", "miss", "training session", True, "asserted", "Tomas Berg")},
         only={"miss"}),
    # a name in the clause "he" says is never "he" (binding theory's condition C)
    case('John Miller took the stand on Monday. Mr Brenne "made all the accounting '
         'decisions," he told the court.',
         {("John Miller", "said", "made all the accounting decisions", False),
          ("John Miller", "said", "Mr Brenne made all the accounting decisions", False)},
         only={"said"}),
    case("John Miller met Ola Brenne. Ola Brenne was happy, he said.",
         {("John Miller", "said", "Ola Brenne was happy", False)}, only={"said"}),
    # a common noun with a name in apposition is that name, with or without commas; the
    # copula that links them keeps the noun, cut of words that relate it to others
    case("The other big Norvian carmaker Halvex Motors closed the plant.",
         {("Halvex Motors", "close", "plant", False),
          ("Halvex Motors", "isA", "big Norvian carmaker", False)}),
    case("The carmaker, Halvex Motors, closed the plant.",
         {("Halvex Motors", "close", "plant", False),
          ("Halvex Motors", "isA", "carmaker", False)}),
    case("Brumco sold the plant to the carmaker Halvex Motors.",
         {("Halvex Motors", "acquires", "plant", False)}, only={"acquires"}),
]  # fmt: skip

# -- issue 19: relations ---------------------------------------------------------------------

RELATIONS = [
    # prepositional arguments the ontology names
    case("Olaf Scholz spoke with Joe Biden on Friday.",
         {("Olaf Scholz", "metWith", "Joe Biden", False)}),
    # a prepositional argument keeps its preposition, also one that often only places an
    # event ("arrived in", "invested in"); a phrasal verb keeps its particle
    case("David Morgan arrived in Quito on Monday.",
         {("David Morgan", "arriveIn", "Quito", False)}),
    case("Siemens invested $300m in Korbo last year.",
         {("Siemens", "investIn", "Korbo", False)}, only={"investIn"}),
    case("Denmark withdrew from the Paris accord.",
         {("Denmark", "withdrawFrom", "Paris accord", False)}),
    case("Norvik Telecom pulled out of the merger.",
         {("Norvik Telecom", "pullOutOf", "merger", False)}),
    case("Karl Olsen called for a public inquiry.",
         {("Karl Olsen", "callFor", "public inquiry", False)}),
    case("Anna Lind stepped down from the board in May.",
         {("Anna Lind", "stepDownFrom", "board", False)}),
    case("Everton fell behind Leeds in the table.", {("Everton", "fallBehind", "Leeds", False)}),
    case("Norvik Telecom looked forward to the merger.",
         {("Norvik Telecom", "lookForwardTo", "merger", False)}),
    # light verbs and nominalisations: the noun names the relation
    case("Narendra Modi held talks with Joe Biden.",
         {("Narendra Modi", "metWith", "Joe Biden", False)}),
    # a participle with a by-agent
    case("The vaccine, developed by Moderna, was approved in June.",
         {("Moderna", "develop", "vaccine", False)}),
    # control verbs: the act belongs to the object, requested; the ordering stays asserted
    case("Ofcom ordered GB News to pay the fine.",
         {("Ofcom", "order", "GB News", False, "asserted"),
          ("GB News", "pay", "fine", False, "requested")}),
    case("Apple forced Epic to remove Fortnite.",
         {("Apple", "force", "Epic", False, "asserted"),
          ("Epic", "remove", "Fortnite", False, "asserted")}),
    case("Microsoft hired Mustafa Suleyman to run its AI unit.",
         {("Mustafa Suleyman", "run", "its AI unit", False, IRREALIS)}, only={"run"}),
    case("Chevron completed the purchase of Hess.", {("Chevron", "acquires", "Hess", False)}),
    case("Benfica sold the midfielder to Manchester City.",
         {("Benfica", "sells", "midfielder", False),
          ("Benfica", "supplies", "Manchester City", False)}),
    case("Olaf Scholz paid a visit to Beijing.", {("Olaf Scholz", "visit", "Beijing", False)}),
    case("The EU imposed sanctions on Belarus.",
         {("European Union", "sanctions", "Belarus", False)}),
    # ... with the support verb's polarity and modality; the preposition as the verb says it
    case("Canada did not impose sanctions on Belarus.",
         {("Canada", "sanctions", "Belarus", True)}),
    case("Ryanair is planning to place an order for new trains.",
         {("Ryanair", "order", "new trains", False, "planned")}),
    case("Everton lodged a complaint with FIFA about the ruling.",
         {("Everton", "complainTo", "FIFA", False), ("Everton", "complainAbout", "ruling", False)}),
    # ... and a support verb that states something of its own keeps its fact
    case("Peru reached an agreement with Chile.",
         {("Peru", "agreementWith", "Chile", False),
          ("Peru", "reach", "agreement with Chile", False)}),
    # a nominalisation with its agent in a by-phrase; a possessor without the object
    # named is who the act is done to
    case("The arrest of the mayor by police sparked protests.",
         {("police", "arrest", "mayor", False)}, only={"arrest"}),
    case("The mayor's arrest by police sparked protests.",
         {("police", "arrest", "mayor", False)}, only={"arrest"}),
    # the gerund after a support verb's noun is done by the verb's subject
    case("Denmark played a key role in negotiating the merger.",
         {("Denmark", "negotiate", "merger", False)}, only={"negotiate"}),
    # no agent named: no fact
    case("The arrest of the mayor sparked protests.", set(), only={"arrest"}),
    case("The EU sanctioned two banks: Sberbank and VTB.",
         {("European Union", "sanctions", "Sberbank", False),
          ("European Union", "sanctions", "VTB", False)},
         xfail="a list after a colon is cut to its first member and read as a quantity"),
]  # fmt: skip

# Quantities stay in a fact of their own and never replace what they measure.
QUANTITIES = [
    case("Nike employs more than 80,000 people.",
         {("Nike", "employ", "more than 80,000 people", False)}),
    case("Tesla shipped 1.8 million cars last year.",
         {("Tesla", "ship", "1.8 million cars", False)}),
    # the price is a fact of its own, never what was bought
    case("Microsoft bought the studio for $7.5bn.", {("Microsoft", "acquires", "studio", False)},
         only={"acquires", "buy"}),
    case("Microsoft bought the studio for $7.5bn.",
         {("Microsoft", "buyFor", "$7.5bn", False)}, only={"buyFor"}),
    case("Ryanair bought 150 jets from Boeing.", {("Ryanair", "acquires", "jets", False)},
         only={"acquires", "buy"},
         xfail="a counted object is stored as a quantity only; the purchase is lost"),
]  # fmt: skip

STATEMENTS = [
    # organisations speak too; "told the BBC" names the speaker, not the listener
    case("Airbus said it would cut 2,500 jobs.",
         {("Airbus", "said", "it would cut 2,500 jobs", False)}, only={"said", "reports"}),
    case('"We are not for sale," Ubisoft said in a statement.',
         {("Ubisoft", "said", "We are not for sale", False)}, only={"said", "reports"}),
    case('"The figures are wrong," Jeremy Hunt told the BBC.',
         {("Jeremy Hunt", "said", "The figures are wrong", False)}, only={"said", "reports"}),
    case("According to Reuters, Boeing ignored the warnings.",
         {("Reuters", "reports", "Boeing ignored the warnings", False)},
         only={"said", "reports"}),
    # a reporting verb with a that-clause of its own reports that, not the quotation
    # before it; the quotation goes on with the speaker before
    case('Jeremy Hunt spoke first: "The figures are wrong and the plan will fail." '
         "Rachel Reeves said the plan would work.",
         {("Rachel Reeves", "said", "the plan would work", False)}, only={"said", "reports"}),
    case('"We will cut taxes next year," Anna Berg told reporters. "The plan is fully '
         'costed and ready." Berg said voters faced a clear choice.',
         {("Anna Berg", "said", "We will cut taxes next year", False),
          ("Anna Berg", "said", "The plan is fully costed and ready", False),
          ("Anna Berg", "said", "voters faced a clear choice", False)},
         only={"said", "reports"}),
    # ... and a raising verb ("believed to be") quotes no one
    case('"If he was not so happy here he would have gone by now." Tomas Berg had said he '
         "would leave, with Benfica also believed to be monitoring his situation.",
         {("Tomas Berg", "said", "he would leave", False)}, only={"said", "reports"}),
    # "signal", "hint": reporting verbs of institutions
    case("The Bank of Canada cut interest rates on Wednesday. It hinted more cuts were "
         "coming.", {("Bank of Canada", "said", "more cuts were coming", False)},
         only={"said", "reports"}),
]  # fmt: skip

FAMILIES = {
    "negative verbs": NEGATIVE_VERBS,
    "negative particles": NEGATIVE_PARTICLES,
    "list remnants": LIST_REMNANTS,
    "irrealis complements": IRREALIS_COMPLEMENTS,
    "conditionals and questions": CONDITIONALS_QUESTIONS,
    "claims": CLAIMS,
    "roles and affiliations": ROLES_AFFILIATIONS,
    "places": PLACES,
    "references": REFERENCES,
    "relations": RELATIONS,
    "quantities": QUANTITIES,
    "statements": STATEMENTS,
}


# one test per row, named by its family
FAMILY_ROWS = [
    pytest.param(*p.values, marks=p.marks, id=f"{family}: {p.id}")
    for family, table in FAMILIES.items()
    for p in table
]


@pytest.mark.parametrize("text,expected,only", FAMILY_ROWS)
def test_family(facts_of, text, expected, only):
    assert rows(facts_of(text), expected, only) == expected


def test_every_family_has_at_least_three_rows():
    for family, table in FAMILIES.items():
        assert len(table) >= 3, family


# Factuality details the family rows above do not reach.
FACTUALITY_DETAILS = [
    # an infinitive with its own subject states what should be, not what is
    case("It was long overdue for Austria to ratify the treaty.",
         {("Austria", "ratify", "treaty", False, "demanded")}),
    # ... unless the adjective says how hard it is: what may be
    case("It could prove tough for Brumco to win customers from Halvex.",
         {("Brumco", "win", "customers", False, "possible")}),
    # a first person's future is their own intention; what is agreed to is to come
    case('"We will close the Velmora plant," said Ola Brenne.',
         {("Ola Brenne", "close", "Velmora plant", False, "planned")}, only={"close"}),
    case("Brumco has agreed to a buyout by Halvex.",
         {("Halvex", "acquires", "Brumco", False, "planned")}, only={"acquires"}),
    # an act under consideration is not done (as "considering whether to")
    case("Velmora is considering selling the Tarsand mill.",
         {("Velmora", "sells", "Tarsand mill", False, "hedged")}),
    # "yet" before the "to" of an infinitive, whatever the parse
    case("Nissan is yet to recall the cars.", {("Nissan", "recall", "cars", True)}),
    # an auxiliary before its subject opens a condition, not an obligation
    case("The squad would be thin should Arsenal decide to sell Bukayo Saka.",
         {("Arsenal", "sells", "Bukayo Saka", False, "planned")},
         only={"sells"}),
    # a negated copula denies its adjective's xcomp; two negations cancel; a modal stays
    case("Chelsea were not able to sign Didier Drogba.",
         {("Chelsea", "sign", "Didier Drogba", True)}),
    case("Chelsea were not unable to sign Didier Drogba.",
         {("Chelsea", "sign", "Didier Drogba", False)}),
    case("Chelsea could be unable to sign Didier Drogba.",
         {("Chelsea", "sign", "Didier Drogba", True, "possible")}),
    case("Apple is not likely to buy Beats.", {("Apple", "acquires", "Beats", True, "expected")}),
    # two negations cancel; a negated verb denies its xcomp
    case("Chile did not refuse to sign the treaty.", {("Chile", "sign", "treaty", False)}),
    case("Chile did not agree to sign the treaty.", {("Chile", "sign", "treaty", True)}),
    # a clause boundary ends the negation: the reason clause is asserted
    case("Peru will not sign the treaty because Chile opposes the deal.",
         {("Peru", "sign", "treaty", True), ("Chile", "opposes", "deal", False)}),
    # "did not say that X" leaves X open: not denied
    case("Reuters did not report that Nestle sold the brand.",
         {("Nestle", "sells", "brand", False)}, only={"sells"}),
    # a report the same sentence goes on to deny is denied; one it confirms is not
    case("It was reported that Nestle sold the brand, but Nestle has denied this.",
         {("Nestle", "sells", "brand", True)}, only={"sells"}),
    case("Analysts said that Nestle sold the brand, and Nestle denied the reports.",
         {("Nestle", "sells", "brand", True)}, only={"sells"}),
    case("It was reported that Nestle sold the brand, and Nestle confirmed this.",
         {("Nestle", "sells", "brand", False)}, only={"sells"}),
    # the complement of a denied noun: "no plans to", "no chance of"; a participle that
    # modifies the noun is no complement ("no economist polled by X")
    case("Apple has no plans to open a store in Lima.",
         {("Apple", "open", "store in Lima", True, "planned")}, only={"open"}),
    case("Apple does not have plans to open a store in Lima.",
         {("Apple", "open", "store in Lima", True, "planned")}, only={"open"}),
    case("Apple has plans to open a store in Lima.",
         {("Apple", "open", "store in Lima", False, "planned")}, only={"open"}),
    case("Chelsea have no chance of beating Barcelona.",
         {("Chelsea", "beats", "Barcelona", True, "possible")}),
    case("Chelsea have a chance of beating Barcelona.",
         {("Chelsea", "beats", "Barcelona", False, "possible")}),
    case("No analyst surveyed by Reuters expects Ford to cut prices.",
         {("Reuters", "survey", "analyst", False), ("Ford", "cut", "prices", True)}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", FACTUALITY_DETAILS)
def test_factuality_details(facts_of, text, expected, only):
    assert rows(facts_of(text), expected, only) == expected


# Negation stops at a contrast; a passive conjunct's subject is its patient; a pronoun
# the parser glued into a name is no part of it.
CONJUNCTS = [
    case("Kepa would not have started against Porto, but was promised a place against Lille.",
         {("Kepa", "startAgainst", "Porto", True)}),
    case("The plant was closed in 2019 and sold to Tata.",
         {("plant", "soldTo", "Tata", False)}, only={"soldTo"}),
    case("The museum was inducted into the Hall of Fame.",
         {("museum", "inductedInto", "Hall of Fame", False)}),
    # the place of a passive event keeps its preposition: not what was banned
    case("The app was banned in Montana.", {("app", "bannedIn", "Montana", False)}),
    case("Ada Lovelace was born in London.", {("Ada Lovelace", "bornIn", "London", False)}),
    # a pro-verb repeats the verb before it, with its own subject and polarity
    case("Lisbon backed the plan, and so did Madrid.",
         {("Lisbon", "supports", "plan", False), ("Madrid", "supports", "plan", False)}),
    case("Lisbon backed the plan, but Madrid did not.",
         {("Lisbon", "supports", "plan", False), ("Madrid", "supports", "plan", True)}),
    case("Lisbon did not back the plan, and neither did Madrid.",
         {("Lisbon", "supports", "plan", True), ("Madrid", "supports", "plan", True)}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", CONJUNCTS)
def test_conjuncts_and_passives(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["clause"]), expected, only) == expected


def test_walks_stop_on_a_token_that_is_its_own_head(nlp, lexicon):
    """Hand-built trees are not always parser-shaped: a conj or xcomp that is its own
    head must end the walks up the tree (they compared Token objects, which spaCy makes
    anew on every access, and looped)."""
    from spacy.tokens import Doc

    from kg.extract import extract

    words = ["Chile", "sold", "jets", "and", "tanks"]
    doc = Doc(nlp.vocab, words=words, pos=["PROPN", "VERB", "NOUN", "CCONJ", "NOUN"],
              heads=[1, 1, 1, 2, 4], deps=["nsubj", "xcomp", "dobj", "cc", "conj"])  # fmt: skip
    assert isinstance(extract(doc, lexicon=lexicon), list)


@pytest.mark.parametrize("dep", ["xcomp", "conj", "ccomp", "acomp", "advcl", "pcomp", "relcl"])
def test_walks_stop_whatever_the_self_headed_label(nlp, lexicon, dep):
    from spacy.tokens import Doc

    from kg.extract import extract
    from kg.resolve import resolve_article

    doc = Doc(nlp.vocab, words=["Chile", "sold", "jets", "and", "tanks"],
              pos=["PROPN", "VERB", "NOUN", "CCONJ", "NOUN"],
              tags=["NNP", "VBN", "NNS", "CC", "NNS"],
              heads=[1, 1, 1, 2, 2], deps=["nsubj", dep, "dobj", "cc", "conj"])  # fmt: skip
    facts = extract(doc, lexicon=lexicon)
    assert isinstance(facts, list)
    from kg.gazetteer import load_gazetteer

    resolve_article(doc, facts, gazetteer=load_gazetteer(), lexicon=lexicon)
