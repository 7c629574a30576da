"""Places inside places and where organisations are based: the exact facts the place
extractor yields alone, on sentences written for it."""

import pytest

from tests.conftest import case, rows

PLACE = [
    # a possessor NER took for a place is one only if the gazetteer knows it
    case("Demand for Velta's IPO has been fuelled by hopes for robust growth in India's air "
         "travel market."),
    # a place, a comma and a country or a US state (full or abbreviated)
    case("The mill in Shreveport, La., will close.",
         {("Shreveport", "locatedIn", "La.", False)}),
    case("Talks were held in Lyon, France.", {("Lyon", "locatedIn", "France", False)}),
    case("Storms hit Amarillo, Texas, on Monday.", {("Amarillo", "locatedIn", "Texas", False)}),
    case("Gunmen killed the mayor of Mopti, central Mali, on Friday.",
         {("Mopti", "locatedIn", "Mali", False)}),
    # a site's or an area's place after a comma; towns in a list are no chain
    case("Tourists crossed the Mojave Desert, in California, on foot.",
         {("Mojave Desert", "locatedIn", "California", False)}),
    case("Troops trained at Fort Polk Army Base, Leesville, La., last year.",
         {("Fort Polk Army Base", "locatedIn", "Leesville", False),
          ("Leesville", "locatedIn", "La.", False)}),
    case("Storms hit Austin, Dallas, Texas.", {("Dallas", "locatedIn", "Texas", False)}),
    case("The airline won permission to fly to Oslo, Singapore and Kuala Lumpur."),
    case("Brumco competes with the giants of Asia, India and China."),
    # an "in" phrase on the name, a place as possessor, an apposition of kind and place
    case("Residents of Homs in western Syria fled.", {("Homs", "locatedIn", "Syria", False)}),
    # an "in" after a place naming a region ("province", "prefecture"), or after a copula
    case("Floods hit Nagoya in Aichi Prefecture.",
         {("Nagoya", "locatedIn", "Aichi Prefecture", False)}),
    case("Leeds is in Yorkshire county.", {("Leeds", "locatedIn", "Yorkshire county", False)}),
    case("Bilbao is in northern Spain.", {("Bilbao", "locatedIn", "Spain", False)}),
    case("Zagreb is in talks with Rome."),
    # an address line has no verb, and is no page furniture; a list of countries is
    case("Brookhaven Laboratory, Upton, N.Y.;", {("Upton", "locatedIn", "N.Y.", False)}),
    case("Acme Steel Corp. of Cleveland;", {("Acme Steel Corp.", "basedIn", "Cleveland", False)}),
    case("Turkey, Ukraine, Russia"),
    case("The storm battered Tartu, Estonia's second-largest city.",
         {("Tartu", "locatedIn", "Estonia", False)}),
    # a place noun's "of" names the place, whatever NER called the name (PERSON here),
    # through a chain of place nouns; a place's name on the noun of its kind
    case("Boats reached the Italian island of Lampedusa.",
         {("Lampedusa", "locatedIn", "Italian", False)}),
    case("Police patrolled Guadalajara, the capital of the western Mexican state of Jalisco.",
         {("Guadalajara", "locatedIn", "Jalisco", False),
          ("Jalisco", "locatedIn", "Mexican", False)}),
    case("Crowds gathered at Times Square station in New York.",
         {("Times Square", "locatedIn", "New York", False)}),
    case("An analyst at a U.S. fund in Zurich said so."),
    # an organisation's place: its modifiers, "X of Y", "based in"
    case("Several lenders, including the Munich-based Halford Bank, refused.",
         {("Halford Bank", "basedIn", "Munich", False)}),
    case("Swedish truckmaker Scania opened a depot.", {("Scania", "basedIn", "Swedish", False)}),
    case("Tremont Savings Co. of Boston filed a plan.",
         {("Tremont Savings Co.", "basedIn", "Boston", False)}),
    # an organisation with a seat ("Co.", "University"), an "in" and a city after its name
    case("The order went to Harlan Tool Co. in Tacoma on Monday.",
         {("Harlan Tool Co.", "basedIn", "Tacoma", False)}),
    # a name that ends in "of" and a country or a city; not "of" anything else
    case("Researchers at the Institute of Botany of Lanzhou found a new fern.",
         {("Institute of Botany of Lanzhou", "basedIn", "Lanzhou", False)}),
    case("The Central Bank of Ireland said so.",
         {("Central Bank of Ireland", "basedIn", "Ireland", False)}),
    case("The Museum of Modern Art reopened."),
    case("Nordlys Bank, which is based in Bergen, reported a profit.",
         {("Nordlys Bank", "basedIn", "Bergen", False)}),
    # an organisation described by where it is based; not by a nationality or a birthplace
    case("Shares of the Oslo-based insurer fell.",
         {("Oslo-based insurer", "basedIn", "Oslo", False)}),
    case("The Chinese company cut jobs."),
    case("A Paris-born engineer founded the firm."),
    # a state body named after its country is based there; an association need not be
    case("A delegation from the Russian Energy Ministry arrived in Murmansk.",
         {("Russian Energy Ministry", "basedIn", "Russian", False)}),
    case("The German Football Association fined the club."),
    # an organisation's site, placed: it operates there
    case("Halden Group will expand its refinery in Corpus Christi.",
         {("its", "operatesIn", "Corpus Christi", False)}),
    case("Fire broke out at a Solvane chemical plant near Rouen.",
         {("Solvane", "operatesIn", "Rouen", False)}),
    case("Toyota started assembly at a new plant in Leipzig.",
         {("Toyota", "operatesIn", "Leipzig", False)}),
    # a dateline: the agency reports from its places, even on a line of its own
    case("HELSINKI, Finland (AP) -- Police said on Friday that the bridge would reopen.",
         {("HELSINKI", "locatedIn", "Finland", False), ("AP", "operatesIn", "HELSINKI", False),
          ("AP", "operatesIn", "Finland", False)}),
    case("TULSA, Okla. (AP)",
         {("TULSA", "locatedIn", "Okla.", False), ("AP", "operatesIn", "TULSA", False),
          ("AP", "operatesIn", "Okla.", False)}),
    case("Warsaw RZECZPOSPOLITA in Polish", {("RZECZPOSPOLITA", "operatesIn", "Warsaw", False)}),
    case("SPOKANE, Wash.", {("SPOKANE", "locatedIn", "Wash.", False)}),
    # a person's places: where one lives, where one comes from; not a thing's
    case("Anna Berg, who lives in Tromso, won the race.",
         {("Anna Berg", "livesIn", "Tromso", False)}),
    case("Police searched Anna Kessler's Vermont home.",
         {("Anna Kessler", "livesIn", "Vermont", False)}),
    case("Senator Maria Ruiz campaigned in her native Arizona.",
         {("her", "nativeOf", "Arizona", False)}),
    case("Tom Reed returned to his hometown of Tulsa.", {("his", "nativeOf", "Tulsa", False)}),
    case("Ohio-born Jane Doe won.", {("Jane Doe", "nativeOf", "Ohio", False)}),
    case("The band's London home was sold."),
    # --- a list is no containment; a capital is not its country named; no place
    case("Ministers from France, Germany and Italy met in Paris, London and Berlin."),
    case("According to Bloomberg, Ankara and Kyiv are talking."),
    case("Ford cut 500 jobs on Monday."),

]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", PLACE)
def test_place_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["place"]), expected) == expected


def test_a_nationality_places_a_party_does_not(nlp):
    from spacy.tokens import Doc

    from kg.extract import Context
    from kg.extract.places import _is_place

    doc = Doc(nlp.vocab, words=["German", "Tory"], ents=["B-NORP", "B-NORP"])
    ctx = Context(doc)
    assert _is_place(ctx, doc[0]) and not _is_place(ctx, doc[1])


RESOLVED = [
    # a capital beside its own country, or in a dateline, is the city, not the state
    case("Nairobi, Kenya, is hosting the talks.",
         {("Nairobi", "locatedIn", "Kenya", False), ("Nairobi", "host", "talks", False)}),
    # a place at the end of an organisation's name is itself, not the organisation
    case("Researchers at the Institute of Botany of Lanzhou found a new fern.",
         {("Institute of Botany of Lanzhou", "basedIn", "Lanzhou", False)}, only={"basedIn"}),
    case("The Central Bank of Ireland said so.",
         {("Central Bank of Ireland", "basedIn", "Ireland", False)}, only={"basedIn"}),
    # a pronoun's person; a city is itself, not the first word of a longer name
    case("Senator Maria Ruiz campaigned in her native Arizona.",
         {("Maria Ruiz", "nativeOf", "Arizona", False)}, only={"nativeOf"}),
    case("Leeds Unite held a march. Maria Lopez, who lives in Leeds, joined it.",
         {("Maria Lopez", "livesIn", "Leeds", False)}, only={"livesIn"}),
    # the description before a name in apposition places the name
    case("Dublin-based developer, Kestrel, which is behind the Racer titles, grew fast.",
         {("Kestrel", "basedIn", "Dublin", False)}, only={"basedIn"}),
    case("The German carmaker, Volkswagen, cut jobs.",
         {("Volkswagen", "basedIn", "Germany", False)}, only={"basedIn"}),
    case("NAIROBI (Reuters) - Kenya raised rates.",
         {("Reuters", "operatesIn", "NAIROBI", False)}, only={"operatesIn"}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", RESOLVED)
def test_resolved_place_facts(facts_of, text, expected, only):
    assert rows(facts_of(text), expected, only) == expected


def test_an_of_place_the_parser_hangs_inside_the_name(nlp):
    """ "the Institute of Optics of Changchun": the second "of" hangs on "Optics"."""
    from spacy.tokens import Doc

    from kg.extract import Context
    from kg.extract.places import place_facts

    words = ["Staff", "at", "the", "Institute", "of", "Optics", "of", "Changchun", "left", "."]
    heads = [8, 0, 3, 1, 3, 4, 5, 6, 8, 8]
    deps = ["nsubj", "prep", "det", "pobj", "prep", "pobj", "prep", "pobj", "ROOT", "punct"]
    pos = ["NOUN", "ADP", "DET", "PROPN", "ADP", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"]
    ents = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    facts = {(f.subject.text, f.predicate, f.object_text) for f in place_facts(Context(doc))}
    assert facts == {("Institute of Optics", "basedIn", "Changchun")}
