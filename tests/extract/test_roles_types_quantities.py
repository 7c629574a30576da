"""Roles from titles and appositions; types from copulas; agent nouns; membership;
quantities. The exact facts each extractor yields alone, on sentences written for them."""

import pytest

from tests.conftest import case, rows, triples

ROLE = [
    # a field capitalised as a sentence's first word is no employer
    case("Aviation analyst Ola Brenne said fares would rise.",
         {("Ola Brenne", "holdsPosition", "Aviation analyst", False)}),
    # a person as such ("man", "woman") is a description, no position
    case("Norway's richest woman Ola Brenne bought Halvex."),
    case("Tore Brenne, the country's richest man, bought Halvex."),
    # an office named right before a portfolio title stays in the title's name
    case("US Treasury Secretary Ola Brenne said the dollar was strong.",
         {("Ola Brenne", "holdsPosition", "Treasury Secretary", False),
          ("Ola Brenne", "affiliatedWith", "US", False),
          ("Ola Brenne", "affiliatedWith", "Treasury", False)}),
    case("EU Commissioner Ola Brenne met Halvex.",
         {("Ola Brenne", "holdsPosition", "EU Commissioner", False),
          ("Ola Brenne", "affiliatedWith", "EU", False)}),
    # a titled person in a "with" clause acts for the clause's organisation
    case("The Green Party launched its platform, with leader Tomas Ekval saying it was ready.",
         {("Tomas Ekval", "holdsPosition", "leader", False),
          ("Tomas Ekval", "affiliatedWith", "Green Party", False)}),
    case("The Liberal Democrats launched a plan, with leader Tomas Ekval saying it was fair.",
         {("Tomas Ekval", "holdsPosition", "leader", False),
          ("Tomas Ekval", "affiliatedWith", "Liberal Democrats", False)}),
    # ... not one who comments from outside
    case("Vornex grew, with analyst Tomas Ekval saying demand was strong.",
         {("Tomas Ekval", "holdsPosition", "analyst", False)}),
    # a title before the name, with a demonym or an organisation in it
    case("Swedish Prime Minister Ulf Kristersson arrived in Oslo.",
         {("Ulf Kristersson", "holdsPosition", "Prime Minister", False),
          ("Ulf Kristersson", "affiliatedWith", "Swedish", False)}),
    case("Microsoft chief executive Satya Nadella spoke on Tuesday.",
         {("Satya Nadella", "holdsPosition", "chief executive", False),
          ("Satya Nadella", "affiliatedWith", "Microsoft", False)}),
    case("Coach Gareth Southgate named the squad.",
         {("Gareth Southgate", "holdsPosition", "Coach", False)}),
    # a former role is kept as such, never as the current title
    case("Former Italian Prime Minister Mario Draghi wrote the report.",
         {("Mario Draghi", "holdsPosition", "former Prime Minister", False),
          ("Mario Draghi", "affiliatedWith", "Italian", False)}),
    # appositions: "X, the T of Y", "X, T of Y", "X, Y's T", "X, a T from Y"
    case("Tim Cook, the chief executive of Apple, visited Shanghai.",
         {("Tim Cook", "holdsPosition", "Chief Executive", False),
          ("Tim Cook", "affiliatedWith", "Apple", False)}),
    case("Jerome Powell, chairman of the Federal Reserve, spoke on Friday.",
         {("Jerome Powell", "holdsPosition", "Chairman", False),
          ("Jerome Powell", "affiliatedWith", "Federal Reserve", False)}),
    case("Sundar Pichai, Google's chief executive, testified on Monday.",
         {("Sundar Pichai", "holdsPosition", "Chief Executive", False),
          ("Sundar Pichai", "affiliatedWith", "Google", False)}),
    case("Ted Cruz, a senator from Texas, opposed the bill.",
         {("Ted Cruz", "holdsPosition", "Senator", False),
          ("Ted Cruz", "affiliatedWith", "Texas", False)}),
    # any common noun a name's premodifiers end in is a title; names before it employ
    case("Chelsea left-back Reece James was injured.",
         {("Reece James", "holdsPosition", "left-back", False),
          ("Reece James", "affiliatedWith", "Chelsea", False)}),
    case("Former Wales centre Owen Treharne spoke.",
         {("Owen Treharne", "holdsPosition", "former centre", False),
          ("Owen Treharne", "affiliatedWith", "Wales", False)}),
    case("Daily Courier film critic Hamish Lorne praised it.",
         {("Hamish Lorne", "holdsPosition", "film critic", False),
          ("Hamish Lorne", "affiliatedWith", "Daily Courier", False)}),
    case("Managing Director Tom Smith resigned.",
         {("Tom Smith", "holdsPosition", "Managing Director", False),
          # an officer's company, left to the resolver (the one the text is about)
          ("Tom Smith", "affiliatedWith", "(the company)", False)}),
    # an apposition with an employer, whatever its noun; before the name, after a list
    case("Anil Deshpande, chief bond strategist at UBS, spoke.",
         {("Anil Deshpande", "holdsPosition", "Chief Bond Strategist", False),
          ("Anil Deshpande", "affiliatedWith", "UBS", False)}),
    # a field of work after "of" is part of the title; an adjective of a noun nested in
    # the title's phrase is no employer
    case('"It is an effort to raise cash," says Piet Orlov, head of strategy for Latin '
         "American emerging markets for Halvex Capital.",
         {("Piet Orlov", "holdsPosition", "Head of strategy", False),
          ("Piet Orlov", "affiliatedWith", "Halvex Capital", False)}),
    case("Piet Orlov, head of the bank, said.",
         {("Piet Orlov", "holdsPosition", "Head", False),
          ("Piet Orlov", "affiliatedWith", "the bank", False)}),
    case("Deborah Quill, Halcyon's ex-head of risk, testified.",
         {("Deborah Quill", "holdsPosition", "ex-Head of risk", False),
          ("Deborah Quill", "formerlyAffiliatedWith", "Halcyon", False)}),
    case("Ned Price, a spokesman for the State Department, said so.",
         {("Ned Price", "holdsPosition", "Spokesman", False),
          ("Ned Price", "affiliatedWith", "State Department", False)}),
    case("The award went to Tom Ashby and Peter Dunmore, the co-chairmen of Universal.",
         {("Tom Ashby", "holdsPosition", "Co-Chairmen", False),
          ("Peter Dunmore", "holdsPosition", "Co-Chairmen", False),
          ("Tom Ashby", "affiliatedWith", "Universal", False),
          ("Peter Dunmore", "affiliatedWith", "Universal", False)}),
    # the copula's noun, "X, AGE, of Y", "X at Y", abbreviated titles
    case("Arthur Pendle was acting comptroller at Microsoft.",
         {("Arthur Pendle", "holdsPosition", "Acting Comptroller", False),
          ("Arthur Pendle", "affiliatedWith", "Microsoft", False)}),
    case("In chemistry, Li Wenbo at the Institute of Optics made headway.",
         {("Li Wenbo", "affiliatedWith", "Institute of Optics", False)}),
    case("Ohio Gov. Martin Kessler signed the bill.",
         {("Martin Kessler", "holdsPosition", "Gov.", False),
          ("Martin Kessler", "affiliatedWith", "Ohio", False)}),
    # an apposition the parser read as a list; a capitalised first word; a name NER
    # called an organisation after a title
    case("Rajiv Menon, Energy and Mines Minister, announced it.",
         {("Rajiv Menon", "holdsPosition", "Mines Minister", False)}),
    case("Drummer Kevin Stroud has said so.",
         {("Kevin Stroud", "holdsPosition", "Drummer", False)}),
    case("Fans cheered current fly-half Pierre Lacombe.",
         {("Pierre Lacombe", "holdsPosition", "current fly-half", False)}),
    case("Paul Whitcombe, an executive with Norcastle Systems, spoke.",
         {("Paul Whitcombe", "holdsPosition", "Executive", False),
          ("Paul Whitcombe", "affiliatedWith", "Norcastle Systems", False)}),
    # a list of names before the title: each an employer
    # a country before a title with a named employer is the field covered, not an employer
    case("Ola Brenne, UK economist at Brumco Holdings, said rates would rise.",
         {("Ola Brenne", "holdsPosition", "Economist", False),
          ("Ola Brenne", "affiliatedWith", "Brumco Holdings", False)},
         only={"holdsPosition", "affiliatedWith"}),
    case("Ali Demir, chief Turkish economist for Brumco Bank, said the lira was weak.",
         {("Ali Demir", "holdsPosition", "Economist", False),
          ("Ali Demir", "affiliatedWith", "Brumco Bank", False)},
         only={"holdsPosition", "affiliatedWith"}),
    # a nation's board is one body: its name keeps the nation
    case("Hans Berg, a spokesman for the Danish Dairy Board, spoke.",
         {("Hans Berg", "holdsPosition", "Spokesman", False),
          ("Hans Berg", "affiliatedWith", "Danish Dairy Board", False)}),
    # a past title's organisation is a past affiliation; a country stays the person's
    case("Ola Brenne, a former director of Brumco Holdings, spoke.",
         {("Ola Brenne", "holdsPosition", "former Director", False),
          ("Ola Brenne", "formerlyAffiliatedWith", "Brumco Holdings", False)}),
    case("Former US President Ola Brenne spoke.",
         {("Ola Brenne", "holdsPosition", "former President", False),
          ("Ola Brenne", "affiliatedWith", "US", False)}),
    case("The band will tour with former Slade and Mud singer Dave Pellow.",
         {("Dave Pellow", "holdsPosition", "former singer", False),
          ("Dave Pellow", "formerlyAffiliatedWith", "Slade", False),
          ("Dave Pellow", "formerlyAffiliatedWith", "Mud", False)}),
    case("Former Welsh Guardsman Owen Treharne will stand.",
         {("Owen Treharne", "holdsPosition", "former Welsh Guardsman", False)}),
    # a name inside a hyphenated modifier is part of the title, no employer
    case("The film was made by Oscar-winning director Ray Castell.",
         {("Ray Castell", "holdsPosition", "Oscar-winning director", False)}),
    # where someone is from is no employer and no role; their home is kept
    case("Tim Cook, a keen cyclist from Alabama, spoke.",
         {("Tim Cook", "affiliatedWith", "Alabama", False)}),
    case("Tom Hanks is a native of Concord, California.",
         {("Tom Hanks", "affiliatedWith", "Concord", False)}),
    # "at" a place is where someone was, not an employer
    case("Ted Hall at Paris airport missed the flight."),
    # --- no role: a group ("Youngsters"), a first name, a kind of organisation, a name
    case("Youngsters Tom Ashby and Dan Whitlow would be options."),
    case("Martin Hollis and Ruth Okafor were among the winners at the Daily Courier awards."),
    case("Hunter Tallis kicked well."),
    case("Lucy Hale of UK magazine Kit Carson said so.",
         {("Lucy Hale", "affiliatedWith", "Kit Carson", False)}),
    # --- no role: a work, a form of address, a common noun without an employer
    case("The film Nora Lusk won."),
    case("Tim Cook, a keen cyclist, spoke first."),
    # --- no role: no title, an honorific, an age
    case("Taylor Swift released a new album."),
    case("Dr Anthony Fauci testified on Monday."),
    case("Elon Musk, 52, bought the platform."),
    case("The minister arrived late."),
    # --- kg reads these wrongly today
    case("Arsenal manager Mikel Arteta praised the referee.",
         {("Mikel Arteta", "holdsPosition", "manager", False),
          ("Mikel Arteta", "affiliatedWith", "Arsenal", False)}),
    case("Ford's chief executive Jim Farley visited the plant.",
         {("Jim Farley", "holdsPosition", "chief executive", False),
          ("Jim Farley", "affiliatedWith", "Ford", False)}),
    # the organisation referred to: "its", "the company's", "party leader"
    case("Brightwell has dismissed its chief executive Ana Pereira.",
         {("Ana Pereira", "holdsPosition", "chief executive", False),
          ("Ana Pereira", "affiliatedWith", "its", False)}),
    case("Brightwell is cutting ties with its chief executive Ana Pereira.",
         {("Ana Pereira", "holdsPosition", "chief executive", False),
          ("Ana Pereira", "affiliatedWith", "its", False)}),
    case("The site shows party leader Tom Reddy.",
         {("Tom Reddy", "holdsPosition", "party leader", False),
          ("Tom Reddy", "affiliatedWith", "party", False)}),
    case("Halford Bank lost money. Police jailed bank robber Tom Reddy.",
         {("Tom Reddy", "holdsPosition", "bank robber", False)}),

]  # fmt: skip

COPULA = [
    # a word for a kind of organisation before a name types it; it is no position
    case('"Prices will rise," said Ola Brenne, an analyst at brokerage Tarsand.',
         {("Tarsand", "isA", "brokerage", False), ("Ola Brenne", "isA", "analyst", False)}),
    case("Shares in oil giant Velmora fell.", {("Velmora", "isA", "oil giant", False)}),
    # a noun set after a clause comments on it: no type for the name before it
    case("Brumco sold its stake to Halvex, a move that surprised analysts.", set()),
    case("Brumco sold its stake to Halvex, a Velmora-based mining group.",
         {("Halvex", "isA", "Velmora-based mining group", False)}),
    # a judgement is no kind ("is a burden"); a kind is ("is a carmaker")
    case("Halvex Motors is a burden for Brumco Inc.", set(), only={"isA"}),
    case("Halvex Motors is a carmaker.", {("Halvex Motors", "isA", "carmaker", False)},
         only={"isA"}),
    # a person is no kind of organisation: the apposition describes his group
    case('"Prices will rise," said Ola Brenne of the Norvia Policy Centre, a Brussels-based '
         "think-tank.", set(), only={"isA"}),
    case('"Prices will rise," said Tore Brenne, director of the Velmora Institute, a '
         "Brussels-based research group.",
         {("Velmora Institute", "isA", "Brussels-based research group", False)},
         only={"isA"}),
    # "it" gets a kind of thing, not what a situation or a deal is said to be
    case("Brumco opened in 1990. It is a bank based in Velmora.",
         {("It", "isA", "bank", False)}),
    case("Brumco raised its offer. It was an undervaluation, Halvex said.", set()),
    case("Brumco lost money. It was a source of worry for the company.", set()),
    # "X is a N", "X, a N,": an indefinite noun types a named subject
    case("The Airbus A350 is a wide-body airliner.",
         {("A350", "isA", "wide-body airliner", False)}),
    case("Spotify, a Swedish streaming service, raised prices.",
         {("Spotify", "isA", "Swedish streaming service", False)}),
    case("Tim Cook, a keen cyclist, spoke first.", {("Tim Cook", "isA", "keen cyclist", False)}),
    case("Anfield is not a neutral venue.", {("Anfield", "isA", "neutral venue", True)}),
    case("Chile is not an ally of Peru.", {("Chile", "isA", "ally", True)}),
    case("Ireland is a staunch supporter of the treaty.",
         {("Ireland", "isA", "staunch supporter", False)}),
    # alone, a title in an apposition is a type too (with every extractor, role owns it)
    case("Ted Cruz, a senator from Texas, opposed the bill.",
         {("Ted Cruz", "isA", "senator", False)}),
    # "X, the N,": a class noun after "the" types the name; so does one before it
    case("Brindle Foods, the frozen-food maker, said profits rose.",
         {("Brindle Foods", "isA", "frozen-food maker", False)}),
    case("Tomas Orlik, an Iraqi Kurd, was arrested in Leeds.",
         {("Tomas Orlik", "isA", "Iraqi Kurd", False)}),
    case("Indian firm Tata Steel bought Corus.", {("Tata Steel", "isA", "Indian firm", False)}),
    # a name on a product's kind ties the product to it, how the text leaves open
    case("The iPhone app Flashcard Pro was removed.",
         {("Flashcard Pro", "isA", "app", False), ("Flashcard Pro", "relatedTo", "iPhone", False)}),
    case("Car-maker Halcyon's humanoid robot Kite has just got faster.",
         {("Halcyon", "isA", "Car-maker", False), ("Kite", "isA", "humanoid robot", False)}),
    case("Dunmore unveiled a new games console, the Zeno, on Monday.",
         {("Zeno", "isA", "new games console", False)}),
    case("Nintendo has unveiled a cheaper games console, billed as the Switch Lite.",
         {("Switch Lite", "isA", "cheaper games console", False)}),
    # another name of the same thing
    case("Consignia was renamed Royal Mail in 2002.",
         {("Consignia", "knownAs", "Royal Mail", False)}),
    case("Royal Mail, formerly known as Consignia, cut 300 jobs.",
         {("Royal Mail", "knownAs", "Consignia", False)}),
    # --- a definite description, an unnamed subject: no type; a role or a place after
    # "the" is no type; a relation noun is its relation's ("the sequel to Y")
    case("The Airbus A350 is the best-selling airliner in Europe."),
    case("Maria Lenz, the chief executive, said sales fell."),
    case("Lyon, the French city, hosted the summit."),
    case("Ocean Deep, the sequel to Ocean Blue, opened on Friday."),
    # ... nor an amount, a plural kind, a description relative to something else
    case("The regulator fined three lenders, including Barclays and Lloyds, a total of £40m."),
    case("The ministry shortlisted three firms to build the bridge: Skanska, Balfour Beatty "
         "and Kier."),
    case("US car firms Tesla and Rivian cut output."),
    case("The drug earned billions for its maker, Novartis."),
    case("The weather is a worry."),
    case("It is a hard decision."),
]  # fmt: skip

AGENT_NOUN = [
    # nouns for the doer of a relation, in a copula or an apposition
    case("Ocean Deep, the sequel to Ocean Blue, opened on Friday.",
         {("Ocean Deep", "sequelTo", "Ocean Blue", False)}),
    case("Ireland is a staunch supporter of the treaty.",
         {("Ireland", "supports", "treaty", False)}),
    case("Norway and Denmark are firm backers of the carbon tax.",
         {("Norway", "supports", "carbon tax", False),
          ("Denmark", "supports", "carbon tax", False)}),
    case("Qualcomm, a major supplier to Apple, cut its forecast.",
         {("Qualcomm", "supplies", "Apple", False)}),
    case("Chile is not an ally of Peru.", {("Chile", "supports", "Peru", True)}),
    case("Norway is a founding member of NATO.", {("Norway", "memberOf", "NATO", False)}),
    # --- an agent noun without its complement, or not an agent noun
    case("Qualcomm is a supplier."),
    case("Apple is a big company."),
    case("The critics were silent."),
]  # fmt: skip

MEMBERSHIP = [
    # a superlative ranking inside an organisation
    case("Germany is the largest economy in the European Union.",
         {("Germany", "memberOf", "European Union", False)}),
    case("India has the fastest growing economy in the G20.",
         {("India", "memberOf", "G20", False)}),
    case("Toyota is the biggest carmaker in the Keidanren.",
         {("Toyota", "memberOf", "Keidanren", False)}),
    # --- a place is not a group; no superlative, no ranking
    case("Germany is the largest economy in Europe."),
    case("Apple has the largest market share in China."),
    case("Germany has a large economy in the European Union."),
]  # fmt: skip

QUANTITY = [
    # "not X but Y": the amount itself is denied
    case("Halvex would need not 350 workers but just 150.",
         {("Halvex", "need", "350 workers", True, "expected")}),
    case("Halvex needs 350 workers.", {("Halvex", "need", "350 workers", False, "asserted")}),
    case("Latvia is to invite bids for two telephone licences.",
         {("Latvia", "inviteFor", "two telephone licences", False, "planned")}),
    # a count said to be another count compares them; it measures nothing
    case("The 337,000 new jobs added to US payrolls in October was twice the 169,000 "
         "figure that economists had forecast."),
    case("The company's 40 stores are worth $5m.",
         {("company's 40 stores", "worth", "$5m", False, "asserted")}),
    # a number glued to letters names a model or a standard, not a count
    case("Telmora had pinned its hopes on the launch of its 3G phones."),
    # the owner of a measured thing comes with it; an amount noun with no owner of its own
    # is the named subject's ("posted a profit of"), else it keeps its own name
    case("Quarterly profits at media giant Telmora jumped 76% to $1.13bn.",
         {("Quarterly profits at media giant Telmora", "jump", "76%", False, "asserted"),
          ("Quarterly profits at media giant Telmora", "jumpTo", "$1.13bn", False,
           "asserted")}),
    case("Quarterly profits at media giant Velmorex jumped 76%.",
         {("Quarterly profits at media giant Velmorex", "jump", "76%", False, "asserted")}),
    case("Sales of Halvex Corp rose 5% in Riga.",
         {("Sales of Halvex Corp", "rise", "5%", False, "asserted")}),
    # a named place says whose the measure is: "Prices" alone is anyone's
    case("Prices in Latvia rose 5%.", {("Prices in Latvia", "rise", "5%", False, "asserted")}),
    case("Shares in Norvia Rovers were up 3% on Friday.",
         {("Shares in Norvia Rovers", "up", "3%", False, "asserted")}),
    case("Profits at Brakemore Capital merchant bank climbed 14%.",
         {("Profits at Brakemore Capital merchant bank", "climb", "14%", False, "asserted")}),
    case("Prices in January rose 5%.", {("Prices", "rise", "5%", False, "asserted")}),
    # a description after a comma is the parser's second subject, not a second measure
    case("Shares in Tarsand, the Norvian miner run by Jorn Havik, slid 9% on Tuesday.",
         {("Shares in Tarsand", "slide", "9%", False, "asserted")}),
    case("Halvex, Brumco and Velmora each sold 500 cars.",
         {("Halvex", "sell", "500 cars", False, "asserted"),
          ("Brumco", "sell", "500 cars", False, "asserted"),
          ("Velmora", "sell", "500 cars", False, "asserted")}),
    # a count before a currency word is an amount in that currency, never a count, and
    # the currency is no thing measured
    case("Velmora Club reported a loss of 31m euros for the season.",
         {("Velmora Club", "loss", "31m euros", False, "asserted")}),
    case("The club reported a loss of 31m euros for the season.",
         {("club", "loss", "31m euros", False, "asserted")}),
    case("Halvex Group reported a loss of nearly 7,000 subscribers last month.",
         {("Halvex Group", "loss", "nearly 7,000 subscribers", False, "asserted")}),
    case("Export growth in 2011 was roughly 2.9%.",
         {("Export growth", "percentage", "roughly 2.9%", False, "asserted")}),
    case("Growth in farm output was 3.8% last year.",
         {("Growth in farm output", "percentage", "3.8%", False, "asserted")}),
    case("Another 40m euros will be set aside for Norvia's fishermen."),
    # a number hyphened to a noun makes an adjective: it counts nothing
    case("The four-wheel Brakemore truck is being withdrawn from sale."),
    case("The strike hurt trade across the 20-member Norvian customs union."),
    # ... though a verb's object it is part of stays the verb's
    case("Brakemore will make six-cylinder engines.",
         {("Brakemore", "make", "six-cylinder engines", False, "expected")}),
    # a clause after "with" is said as the clause it hangs on is
    case("Norvia's economy is expected to cool, with inflation easing from 6.1% this year to "
         "4.4%.",
         {("inflation", "easeFrom", "6.1%", False, "expected"),
          ("inflation", "easeTo", "4.4%", False, "expected")}),
    case("Exports rose, with sales climbing 5%.",
         {("sales", "climb", "5%", False, "asserted")}),
    # a figure a forecasting verb states is expected; one under a noun of expectation
    # ("hopes of", "forecasts of", "a target of") is no measure of anything that is so
    case("Halvex Motors has forecast an annual loss of 90bn yen for the year to March.",
         {("Halvex Motors", "loss", "90bn yen", False, "expected")}),
    case("Brokers were predicting as much as 3% growth.",
         {("Brokers", "growth", "as much as 3%", False, "expected")}),
    case("The data dashed hopes of a 1.5% rebound in exports."),
    case("Profits climbed 8% to £91m, beating forecasts of £87m.",
         {("Profits", "climb", "8%", False, "asserted"),
          ("Profits", "climbTo", "£91m", False, "asserted")}),
    case("Attendance remains short of the league's target of a 70% occupancy rate."),
    case("The scheme will cost a predicted £12m."),
    # ... and "is expected to" states a forecast, not a belief
    case("Sales at Brumco are expected to fall 5% next year.",
         {("Sales at Brumco", "fall", "5%", False, "expected")}),
    case("For the full year, Telmora posted a profit of $3.36bn.",
         {("Telmora", "profit", "$3.36bn", False, "asserted")}),
    case("Halvex did not report sales of £118m.",
         {("Halvex", "sales", "£118m", True, "asserted")}),
    case("Halvex signed Jorn Havik for a transfer fee of €6m.",
         {("transfer fee", "amount", "€6m", False, "asserted")}),
    # a change noun's amount measures the change, of what it changes, whatever verb
    # reports it
    case("Chief executive Jorn Havik attributed an 8.3% increase in January sales to the "
         "new menu.", {("January sales", "increase", "8.3%", False, "asserted")}),
    case("Telmora did not report a 5% rise in profits.",
         {("profits", "rise", "5%", True, "asserted")}),
    case("Telmora reported a 5% rise.", {("Telmora", "rise", "5%", False, "asserted")}),
    # ... and a level after the change is what changed, named by the change: the
    # reporting verb is no relation, the change no thing with a level
    case("Telmora announced a 12% increase in earnings to £75m.",
         {("earnings", "increase", "12%", False, "asserted"),
          ("earnings", "increaseTo", "£75m", False, "asserted")}),
    case("Brumco is expected to post a small fall in operating profits to £40m from £46m.",
         {("operating profits", "fallTo", "£40m", False, "expected"),
          ("operating profits", "fallFrom", "£46m", False, "expected")}),
    case("Brumco revised down the jobs gains in May 2009, from 12,000 to 9,000.",
         {("jobs gains", "reviseDownFrom", "12,000", False, "asserted"),
          ("jobs gains", "reviseDownTo", "9,000", False, "asserted")}),
    case("Halvex posted a 5% increase to £3m.",
         {("Halvex", "increase", "5%", False, "asserted"),
          ("Halvex", "increaseTo", "£3m", False, "asserted")}),
    # ... and nothing when the parse lost what changed ("in January ... sales")
    case("Chief executive Jorn Havik attributed an 8.3% increase in January worldwide sales "
         "to the new menu."),
    # a level after a verb's object is the object's; a place in a race the subject's
    case("Figures released earlier this year showed exports at a six-year high in 2004, up "
         "35%.", {("exports", "up", "35%", False, "asserted")}),
    case("The bank pushed rates up 0.5%.", {("rates", "up", "0.5%", False, "asserted")}),
    case("Profits were up 5%.", {("Profits", "up", "5%", False, "asserted")}),
    case("Halvex bought a 5% stake in Brumco.",
         {("Halvex", "buy", "5% stake", False, "asserted")}),
    # a date needs an event: not an aspect ("set for"), a state short of one ("the brink
    # of collapse") or the object of an infinitive relative ("work to do"); a vague verb
    # is named with its noun
    case("The economy is set for strong growth in 2005."),
    case("The economy teetered on the brink of collapse in 2001."),
    case("Halvex has more work to do in 2005."),
    case("Halvex held talks with Brumco in May 2004.",
         {("Halvex", "holdTalks", "May 2004", False, "asserted")}),
    case("The merger was completed in 2001.",
         {("merger", "completed", "2001", False, "asserted")}),
    # a share keeps what it is a share of; a means of payment does not
    case("Veltrix owns 28% of Kestrel Air.",
         {("Veltrix", "own", "28% of Kestrel Air", False, "asserted")}),
    case("Halden Group will pay $12bn in cash.",
         {("Halden Group", "pay", "$12bn", False, "expected")}),
    # a measured amount hung on the verb; the counted noun comes with it
    case("The Airbus A350 can carry up to 410 passengers.",
         {("A350", "carry", "up to 410 passengers", False, "possible")}),
    case("The battery can last for up to 12 hours.",
         {("battery", "lastFor", "up to 12 hours", False, "possible")}),
    case("Netflix gained nine million subscribers.",
         {("Netflix", "gain", "nine million subscribers", False, "asserted")}),
    case("Tesla shipped 1.8 million cars last year.",
         {("Tesla", "ship", "1.8 million cars", False, "asserted")}),
    case("Apple paid $3 billion for Beats.", {("Apple", "pay", "$3 billion", False, "asserted")}),
    case("The striker scored 30 goals this season.",
         {("striker", "score", "30 goals", False, "asserted")}),
    case("The hospital treated more than 200 patients on Monday.",
         {("hospital", "treat", "more than 200 patients", False, "asserted")}),
    # a passive without an agent: the participle, on the patient
    case("The company was fined £20m by Ofcom.",
         {("company", "fined", "£20m", False, "asserted")}),
    # a price or a level is a fact of its own, named by the verb and its preposition;
    # the clause keeps what was bought
    case("Halvorsen Bank agreed to buy Grimsby Mutual for about $16bn.",
         {("Halvorsen Bank", "buyFor", "about $16bn", False, "planned")}),
    # an amount as written: its scale kept, its conversion in brackets left out
    case("The film took $40.8m (£21m) in its first weekend.",
         {("film", "take", "$40.8m", False)}),
    case("Kestrel floated on the stock market for £200m ($376m) in 1998.",
         {("Kestrel", "floatFor", "£200m", False), ("Kestrel", "float", "1998", False)}),
    # a change and the new level: the size of a change is the subject's ("by" as if
    # none); size and level of a change made to an object are the object's (the clause
    # fact keeps the object)
    case("Nordic crude rose 3% to $81 a barrel.",
         {("Nordic crude", "rise", "3%", False),
          ("Nordic crude", "riseTo", "$81 a barrel", False)}),
    case("The Riksbank cut its main rate by half a percentage point to 2%.",
         {("its main rate", "cutBy", "half a percentage point", False),
          ("its main rate", "cutTo", "2%", False)}),
    # the size of a change made to an object is the object's: the one who made it is
    # not what shrank (the clause keeps Velmar Foods reduce overheads)
    case("Velmar Foods reduced its overheads by 20%.",
         {("its overheads", "reduceBy", "20%", False)}),
    case("Velmar Foods grew by 20%.", {("Velmar Foods", "grow", "20%", False)}),
    # a comparison or a yardstick measures nothing the sentence names
    case("Velmar's profits were ten times higher than in 2003."),
    case("Fuel prices are now well above the average of $41."),
    case("The two firms are expected to seal the deal on Monday."),
    # a verb of change takes no object: a noun the parser made one is not what rose
    case("The ministry's planned budget would rise to just under $23bn - a fraction of the "
         "army's request.",
         {("ministry's planned budget", "riseTo", "just under $23bn", False)}),
    # a change and a level the parser reads as one number: the level has its "to"
    case("Brent crude rose in London, adding $1.89 to $48.62 at the close.",
         {("Brent crude", "add", "$1.89", False), ("Brent crude", "addTo", "$48.62", False)}),
    # the noun an infinitive complements is not who does it: no date for "plan"
    case("A plan to raise new money in 2003 cut the stake of Velmar Foods."),
    case("Its main rate was cut to 2%.", {("Its main rate", "cutTo", "2%", False)}),
    case("Cutting its main rate to 2%, the bank surprised markets.",
         {("its main rate", "cutTo", "2%", False)}),
    case("Halden Group left a third of its stores empty."),
    # what a sum is, not how it is paid
    case("The minister promised €40m in aid.",
         {("minister", "promise", "€40m in aid", False)}),
    case("Interim losses widened from £2m to £3.1m.",
         {("Interim losses", "widenFrom", "£2m", False),
          ("Interim losses", "widenTo", "£3.1m", False)}),
    case("Its shares were down 8.51% to 10.75p on Friday.",
         {("Its shares", "down", "8.51%", False)}),
    case("The yen was up 0.6% against the euro.", {("yen", "up", "0.6%", False)}),
    case("Mira Lund won the vote with 61% of the ballots, 25 points ahead of her rival.",
         {("Mira Lund", "winWith", "61% of the ballots", False),
          ("Mira Lund", "ahead", "25 points", False)}),
    # a counted subject of a passive: by its agent, or the count of what it counts
    case("At least 40 people were killed by a landslide in Sumatra.",
         {("landslide", "kill", "At least 40 people", False)}),
    case("At least 40 people were killed in Sumatra.",
         {("people", "killed", "At least 40", False)}),
    # a counted agent of a passive in a relative clause: the noun it is said of
    case("Residents organised a march that was supported by more than 1,000 people.",
         {("march", "supportedBy", "more than 1,000 people", False)}),
    # a count in a phrase on the verb's object is the verb's
    case("Kai Brandt scored 14 goals in 20 league games.",
         {("Kai Brandt", "score", "14 goals", False),
          ("Kai Brandt", "scoreIn", "20 league games", False)}),
    # measures with units: the adjective names the measure
    case("The robot, which is 130cm tall, walks at 3km/h.",
         {("robot", "tall", "130cm", False), ("robot", "walkAt", "3km/h", False)}),
    # an amount on a noun, with its clause's polarity; not a level, not a thing named before
    case("Police uncovered a $3bn fraud at the bank.", {("fraud", "amount", "$3bn", False)}),
    case("Police did not uncover a $3bn fraud at the bank.",
         {("fraud", "amount", "$3bn", True)}),
    case("The ministry introduced grants worth up to £2m per school.",
         {("grants", "worth", "up to £2m per school", False)}),
    case("The club signed Tomas Berg for a transfer fee of €60m.",
         {("transfer fee", "amount", "€60m", False)}),
    case("The pound broke through the $1.90 level."),
    # ages and ranks
    case("Lena Moritz, 22, scored twice.", {("Lena Moritz", "age", "22", False)}),
    case("The 31-year-old Anna Kowalski signed for Lyon.",
         {("Anna Kowalski", "age", "31", False)}),
    case("The single went to number one in the German chart.",
         {("single", "goTo", "number one", False)}),
    case("Norway fell from fifth to 14th in the rankings.",
         {("Norway", "fallFrom", "fifth", False), ("Norway", "fallTo", "14th", False)}),
    # one thing, a whole set, a bare number on a noun: no measure
    case("Marlow Foods announced the closure of one of its three plants."),
    case("The coach used all three substitutes."),
    case("The team played on the 22 in the second half."),
    case("Orsted does not expect to cut 800 jobs.",
         {("Orsted", "cut", "800 jobs", True, "expected")}),
    # a calendar date of an event, named by its verb (with the preposition it would be a
    # place's relation, "born in"), or of an event noun; a day of the week, a period, the
    # period of a measure are the time stage's
    case("The museum opened on 3 May.", {("museum", "open", "3 May", False)}),
    case("The club was founded in 1905.", {("club", "founded", "1905", False)}),
    case("The Ardent Treaty, signed in March 2019, took effect on 1 May 2020.",
         {("Ardent Treaty", "signed", "March 2019", False),
          ("Ardent Treaty", "takeEffect", "1 May 2020", False)}),
    case("The band split up after the singer's death in 1994.",
         {("singer's death", "date", "1994", False)}),
    case("Fans did not forget the death of the singer in 1994.",
         {("death of the singer", "date", "1994", False)}),
    case("The treaty was signed in Oslo on Monday."),
    # a head that names nothing of its own is no event's
    case("One hinted on 16 March that Brumco would bid.", set(), only={"hint"}),
    # a verb with an object: the date dates the clause's fact, not (verb, date) alone
    case("Norvia imposed new tariffs on Brumco in 2005."),
    case("Ola Brenne became chairman in 2001."),
    case("Exports lost 7% in the final three months of 2021.",
         {("Exports", "lose", "7%", False)}),
    case("Output fell 12% in 2022.", {("Output", "fall", "12%", False)}),
    # an amount on a change noun measures the change of what it changes
    case("Figures showed an unexpected $8.7bn drop in consumer debt.",
         {("consumer debt", "drop", "$8.7bn", False)}),
    case("Taylor Swift released a new album."),
    case("One striker scored."),
    # --- kg reads these wrongly today
    case("Sony will cut 900 jobs.", {("Sony", "cut", "900 jobs", False)},
         xfail="a number the NER leaves untagged ('900') is not seen"),
    case("The Model Y can drive up to 500 km on one charge.",
         {("Model Y", "drive", "up to 500 km", False)}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", ROLE)
def test_role_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["role"]), expected) == expected


@pytest.mark.parametrize("text,expected,only", COPULA)
def test_copula_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["copula"]), expected) == expected


@pytest.mark.parametrize("text,expected,only", AGENT_NOUN)
def test_agent_noun_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["agent_noun"]), expected) == expected


@pytest.mark.parametrize("text,expected,only", MEMBERSHIP)
def test_membership_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["membership"]), expected) == expected


@pytest.mark.parametrize("text,expected,only", QUANTITY)
def test_quantity_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["quantity"]), expected) == expected


def test_a_title_in_an_apposition_is_a_role_not_a_type(raw_facts_of):
    facts = raw_facts_of("Ted Cruz, a senator from Texas, opposed the bill.")
    assert rows(facts) == {
        ("Ted Cruz", "holdsPosition", "Senator", False),
        ("Ted Cruz", "affiliatedWith", "Texas", False),
        ("Ted Cruz", "opposes", "bill", False),
    }


def test_roles_resolve_the_demonym_and_keep_the_name_alone(facts_of):
    facts = facts_of("Kenyan President William Ruto spoke on Tuesday.")
    assert triples(facts) == {
        ("William Ruto", "holdsPosition", "President", False),
        ("William Ruto", "affiliatedWith", "Kenya", False),
    }


def test_quantities_with_pronoun_subject(facts_of):
    text = "The Airbus A350 is a wide-body airliner. It can carry up to 410 passengers."
    assert triples(facts_of(text)) == {
        ("A350", "isA", "wide-body airliner", False),
        ("A350", "carry", "up to 410 passengers", False),
        ("A350", "ownedBy", "Airbus", False),  # the maker's name before the product's
    }


def test_a_measure_owned_by_a_pronoun_or_a_description_is_the_named_owners(facts_of):
    text = "Brakemore Bank had a strong year. Its Private Clients arm earned £58m."
    assert triples(facts_of(text, extractors=["quantity"])) == {
        ("Brakemore Bank's Private Clients arm", "earn", "£58m", False)
    }
    text = "Tarsand's chief said the firm's profits rose 12%. Their sales fell 2%."
    assert triples(facts_of(text, extractors=["quantity"])) == {
        ("Tarsand's profits", "rise", "12%", False),
        # "their" is not resolved: a figure about nobody is no fact
    }


def test_a_company_measure_with_no_owner_is_the_companys_the_text_is_about(facts_of):
    def quantities(text):
        return triples(facts_of(text, extractors=["quantity"]))

    # the named subject of a clause above it ...
    assert quantities("Brumco Holdings announced a 7% jump in profits to £120m.") == {
        ("Brumco Holdings' profits", "jump", "7%", False),
        ("Brumco Holdings' profits", "jumpTo", "£120m", False),
    }
    assert quantities("Halvex Group said pre-tax profits rose 5%.") == {
        ("Halvex Group's pre-tax profits", "rise", "5%", False)
    }
    # ... else the organisation the sentence before is about
    assert quantities("Halvex Group posted a record year. Sales rose 5%.") == {
        ("Halvex Group's sales", "rise", "5%", False)
    }
    # an owner the sentence names is the owner; a measure of no company has none
    assert quantities("Halvex Group had a bad year. Sales at Velmora Ltd fell 5%.") == {
        ("Velmora Ltd's sales", "fall", "5%", False)
    }
    assert quantities("Halvex Group had a bad year. Prices rose 5%.") == {
        ("Prices", "rise", "5%", False)
    }


def test_a_measure_of_it_or_of_a_description_is_the_resolved_organisations(facts_of):
    def quantities(text):
        return triples(facts_of(text, extractors=["quantity"]))

    assert quantities("Brumco Ltd publishes maps. Last year it earned profits of £9m.") == {
        ("Brumco Ltd", "profits", "£9m", False)
    }
    text = "Halvex Bank lends to farmers. The bank said it expected a 6% rise in net income."
    assert quantities(text) == {("Halvex Bank's net income", "rise", "6%", False)}


def test_numbers_are_not_relation_objects(facts_of):
    facts = facts_of("Ryanair bought 150 jets.")
    # the count never stands as what was bought ...
    assert not [f for f in facts if f.predicate == "acquires" and "150" in f.object_text]
    # ... it is a quantity of its own, on the verb that counts it
    assert triples(facts) == {("Ryanair", "buy", "150 jets", False)}


def test_headline_is_extracted_too(tmp_path):
    from kg.pipeline import process_article
    from kg.read import read_file

    path = tmp_path / "a.txt"
    path.write_text("Ghana backs Togo\n\nThe weather was mild on Monday.\n", encoding="utf-8")
    art = read_file(path)[0]
    assert art.title == "Ghana backs Togo"
    got = {(f.subject.text, f.predicate, f.obj.text) for f in process_article(art).facts}
    assert got == {("Ghana", "supports", "Togo")}


def test_a_title_the_parser_read_as_a_verb_is_still_a_title(nlp, lexicon):
    """ "Sweden defender Ekval picked up an injury", with "defender" parsed as the verb
    (built by hand: the small model does this on some sentences, not reliably)."""
    from spacy.tokens import Doc

    from kg.extract import extract

    doc = Doc(
        nlp.vocab,
        words=["Sweden", "defender", "Ekval", "picked", "up", "an", "injury", "."],
        heads=[1, 1, 3, 1, 3, 6, 3, 1],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "prt", "det", "dobj", "punct"],
        pos=["PROPN", "VERB", "PROPN", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        tags=["NNP", "VBP", "NNP", "VBD", "RP", "DT", "NN", "."],
        lemmas=["Sweden", "defender", "Ekval", "pick", "up", "an", "injury", "."],
        ents=["B-GPE", "O", "B-PERSON", "O", "O", "O", "O", "O"],
    )
    got = rows(extract(doc, lexicon=lexicon, extractors=["role"]))
    assert got == {("Ekval", "holdsPosition", "defender", False),
                   ("Ekval", "affiliatedWith", "Sweden", False)}  # fmt: skip
