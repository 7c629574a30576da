"""Facts fit their property's domain and range (kg/conform.py), and the shapes derived
from the ontology catch one that does not (kg/validate.py)."""

import pytest
from rdflib import Graph

from kg.conform import concept_is_agent, conform_fact
from kg.lexicon import load_lexicon
from kg.model import Entity, Fact, Mention
from kg.validate import validate
from tests.conftest import case, rows

TYPED = {"supplies", "suppliesItem", "sells", "metWith", "meet", "conflictWith", "fight", "accuses",
         "blame", "uses", "supports", "support"}  # fmt: skip

SENTENCES = [
    # what is sold is the item; a recipient is an agent
    case("Orvik Motors sells trucks.", {("Orvik Motors", "sells", "trucks", False)}),
    case("Orvik Motors sold trucks to the army.",
         {("Orvik Motors", "sells", "trucks", False),
          ("Orvik Motors", "supplies", "army", False)}),
    case("Brekke Logistics supplies the army.",
         {("Brekke Logistics", "supplies", "army", False)}),
    case("Brekke Logistics supplies rice.", {("Brekke Logistics", "suppliesItem", "rice", False)}),
    case("Brekke Logistics does not supply rice.",
         {("Brekke Logistics", "suppliesItem", "rice", True)}),
    # relations between actors fall back to their verb when the object is a thing
    case("Mayor Ilse Varga met reporters.", {("Ilse Varga", "metWith", "reporters", False)}),
    case("Mayor Ilse Varga met the budget target.",
         {("Ilse Varga", "meet", "budget target", False)}),
    case("The unions will fight the reform.", {("unions", "fight", "reform", False)}),
    case("Kanto Airways blamed the weather.", {("Kanto Airways", "blame", "weather", False)}),
    case("Kanto Airways blamed the contractor.",
         {("Kanto Airways", "accuses", "contractor", False)}),
    # a thing may use another thing
    case("The Zephyr phone uses a Kestrel chip.", {("Zephyr", "uses", "Kestrel chip", False)}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", SENTENCES)
def test_facts_fit_their_property(facts_of, text, expected, only):
    assert rows(facts_of(text), expected, only or TYPED) == expected


@pytest.mark.parametrize(
    "label,agent",
    [("the army", True), ("local officials who spoke", True), ("several cloud providers", True),
     ("Harbour Securities", True), ("head of the army", True), ("big trucks", False),
     ("the budget target", False), ("weather", False), ("his music player", False)],
)  # fmt: skip
def test_concepts_are_agents_by_their_head(label, agent):
    assert concept_is_agent(label, load_lexicon()) is agent


def _fact(pred: str, subj: Mention, obj: Mention, lemma: str = "") -> Fact:
    return Fact(subject=subj, predicate=pred, obj=obj, lemma=lemma)


PHONE = Mention("Zephyr 9", 0, 8, "PRODUCT", "zephyr-9")
OSLO = Mention("Oslo", 20, 24, "GPE", "oslo")
FIRM = Mention("Halden", 30, 36, "ORG", "halden")
ENTITIES = {"zephyr-9": Entity("zephyr-9", "Zephyr 9", "Product"),
            "oslo": Entity("oslo", "Oslo", "Location"),
            "halden": Entity("halden", "Halden", "Organization")}  # fmt: skip


def test_a_construction_typed_wrongly_is_dropped():
    """basedIn is read from a construction, not a word: with a product as its subject it
    has nothing to fall back to."""
    lex = load_lexicon()
    assert conform_fact(_fact("basedIn", PHONE, OSLO, "base"), ENTITIES, lex) is None
    assert conform_fact(_fact("basedIn", FIRM, OSLO, "base"), ENTITIES, lex) is not None


def test_item_property_and_open_relation():
    lex = load_lexicon()
    sold = conform_fact(_fact("supplies", FIRM, PHONE, "sell"), ENTITIES, lex)
    assert sold is not None and sold.predicate == "sells"
    given = conform_fact(_fact("supplies", FIRM, PHONE, "supply"), ENTITIES, lex)
    assert given is not None and given.predicate == "suppliesItem"
    met = conform_fact(_fact("metWith", FIRM, PHONE, "meet"), ENTITIES, lex)
    assert met is not None and met.predicate == "meet"
    # a verb that does not trigger the property gives no name to fall back to
    assert conform_fact(_fact("metWith", FIRM, PHONE, "present"), ENTITIES, lex) is None
    # open relations and statements are not checked
    open_rel = _fact("praise", PHONE, OSLO, "praise")
    assert conform_fact(open_rel, ENTITIES, lex) == open_rel


MISTYPED = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix ent: <https://w3id.org/kg-news/entity/> .
@prefix concept: <https://w3id.org/kg-news/concept/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ent:orvik a kg:Organization ; rdfs:label "Orvik" ; kg:supplies concept:trucks, ent:norway ;
    kg:suppliesItem concept:trucks ; kg:metWith concept:army .
ent:norway a kg:Country ; rdfs:label "Norway" .
concept:trucks a kg:Concept ; rdfs:label "trucks" .
concept:army a kg:Concept, kg:Agent ; rdfs:label "the army" .
ent:zephyr a kg:Product ; rdfs:label "Zephyr" ; kg:basedIn ent:norway .
"""


def test_shapes_catch_a_wrongly_typed_fact():
    found = {(v.focus.rsplit("/", 1)[-1], v.path.rsplit("#", 1)[-1])
             for v in validate(Graph().parse(data=MISTYPED, format="turtle"))}  # fmt: skip
    assert found == {("orvik", "supplies"), ("zephyr", "")}


def test_a_built_graph_fits_the_shapes(facts_of):
    from kg.pipeline import build_graph

    g = build_graph(["Orvik Motors sold trucks to the army. Mayor Ilse Varga met reporters. "
                     "Brekke Logistics supplies rice."])  # fmt: skip
    assert validate(g) == []


def test_an_amount_is_no_party_to_a_relation():
    """ "rejected the $280bn claim" read as rejecting "$280bn", "the sale of planes for
    $630m" as selling "$630m": an amount is no item and no party; an open verb keeps it."""
    lex = load_lexicon()
    price = Mention("$280bn", 40, 46, "MONEY", "")
    assert conform_fact(_fact("opposes", FIRM, price, "reject"), ENTITIES, lex) is None
    assert conform_fact(_fact("sells", FIRM, price, "sell"), ENTITIES, lex) is None
    kept = conform_fact(_fact("opposes", FIRM, PHONE, "reject"), ENTITIES, lex)
    assert kept is not None and kept.predicate == "opposes"
