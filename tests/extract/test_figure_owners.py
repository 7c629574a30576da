"""Whose a figure is: a quantity about "sales", "profit", "the deficit", "its shares" is
the owner's the text gives (the clause's subject, the possessive's antecedent, the
company the article is about), and a figure about nobody is no fact (one node "sales"
would gather every article's figures). Measures with their own specificity stay."""

import pytest

from tests.conftest import case, rows

FIGURES = [
    # the subject of the clause owns its object's figure
    case("Brumco had sales of $4bn.", {("Brumco", "sales", "$4bn", False)}),
    case("Brumco Ltd made a profit of $901m.", {("Brumco Ltd", "profit", "$901m", False)}),
    case("Brumco Ltd posted a $676m loss.", {("Brumco Ltd's loss", "amount", "$676m", False)}),
    case("Ola Brenne and her family hold a stake of 28%.",
         {("Ola Brenne's stake", "percentage", "28%", False)}),
    # ... also of an infinitive it controls, and when NER left its name untagged; a
    # person owns no deficit or output ("the minister has to trim the deficit")
    case("Brumco Holdings agreed to cut production by 10%.",
         {("Brumco Holdings' production", "cutBy", "10%", False)}, only={"cutBy"}),
    case("Prices rose after OPEC+ agreed to cut production by two million barrels a day.",
         {("OPEC+'s production", "cutBy", "two million barrels a day", False)},
         only={"cutBy"}),
    case("Ola Brenne has to trim the deficit by 0.3 points each year.", set(),
         only={"trimBy"}),
    # a country's figure with no owner written is the country's the text is about there;
    # with none, or several, it is left as written
    case("Norway's central bank met on Tuesday. Growth slowed to 0.3% in the quarter.",
         {("Norway's growth", "slowTo", "0.3%", False)}, only={"slowTo"}),
    case("Inflation rose to 3% in Norway last month.",
         {("Norway's inflation", "riseTo", "3%", False)}, only={"riseTo"}),
    case("Growth slowed to 0.3% in the quarter.",
         {("Growth", "slowTo", "0.3%", False)}, only={"slowTo"}),
    case("Norway and Sweden met. Growth slowed to 0.3% in the quarter.",
         {("Growth", "slowTo", "0.3%", False)}, only={"slowTo"}),
    # a possessive pronoun is its antecedent's, even where the value cut it off
    case("Halvex Group makes maps. Its profit rose 5%.",
         {("Halvex Group's profit", "rise", "5%", False)}),
    case("Halvex Group makes maps. Its $17m profit was a record.",
         {("Halvex Group's profit", "amount", "$17m", False)}),
    # a period, a value, a word such as "operating" say which figure, not whose
    case("Halvex Group makes maps. Net profit in the six months to June rose 28% to $458m.",
         {("Halvex Group's net profit", "rise", "28%", False),
          ("Halvex Group's net profit", "riseTo", "$458m", False)}),
    case("Halvex Group makes maps. Operating profits in the fourth quarter fell 9%.",
         {("Halvex Group's operating profits", "fall", "9%", False)}),
    # the clause above the figure's is the losses', not an owner: the one above that is
    case("Halvex Group makes maps. Last year it reported that losses had risen to £2m, "
         "while sales had fallen to £118m.",
         {("Halvex Group's losses", "riseTo", "£2m", False),
          ("Halvex Group's sales", "fallTo", "£118m", False)}),
    case("Revenue at Velmora Ltd rose 3%.", {("Velmora Ltd's revenue", "rise", "3%", False)}),
    case("Halvex Group makes maps. The company has 40 shops.",
         {("Halvex Group", "have", "40 shops", False)}),
    # a figure about nobody is no fact
    case("Sales fell 8% to $2bn."),
    case("The deficit widened to $230bn."),
    case("Production dropped 1.6% in October."),
    case("Their shares fell 4%."),
    case("The firm said its profits were $40m."),
    case("The company has 40 shops."),
    # a figure that says which on its own stays, with what says it
    case("House prices rose 2%.", {("House prices", "rise", "2%", False)}),
    case("Car sales rose 4%.", {("Car sales", "rise", "4%", False)}),
    case("The trade deficit widened to $230bn.",
         {("trade deficit", "widenTo", "$230bn", False)}),
    case("Sales at hardware stores dropped 0.3%.",
         {("Sales at hardware stores", "drop", "0.3%", False)}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", FIGURES)
def test_figure_owners(facts_of, text, expected, only):
    assert rows(facts_of(text, extractors=["quantity"]), expected, only) == expected
