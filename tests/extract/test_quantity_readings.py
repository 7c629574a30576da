"""What a quantity is said of: the size of a change made to a thing is the thing's, a
rate a change is down from is no level of the thing, a number before a singular noun
names a model, an amount said of a fine is the fine's, a figure a verb of expecting,
intending or calling for is about is no fact of its own (the parse lost the act), and
an amount of a thing weighed or planned is hedged or planned."""

import pytest

from tests.conftest import case, rows

READINGS = [
    # what an absolute "with" clause says is up, wherever the parser hung the adverb; a
    # speaker is never what is up
    case("Wine sales are growing, the Norvian Farm Department said, with wine sales in "
         "2003 up 25% at 61bn yuan.",
         {("wine sales", "up", "25%", False), ("wine sales", "upAt", "61bn yuan", False)},
         only={"up", "upAt"}),
    # the size of a change made to a thing is the thing's, not the changer's
    case("Velmora Foods reduced its overheads by 20%.",
         {("Velmora Foods' overheads", "reduceBy", "20%", False)}),
    case("Halvex Motors raised the price of its trucks by 10%.",
         {("price of Halvex Motors' trucks", "raiseBy", "10%", False)}),
    # the deficit is not the person's, and the person is not what was trimmed
    case("Under the new law, Ola Brenne has to trim the deficit by 0.3 percentage points "
         "each year."),
    # a margin of comparison stays the subject's
    case("Halvex Motors output is outstripping demand by about 30%.",
         {("Halvex Motors output", "outstrip", "about 30%", False)}),
    # after a change given as a rate, "down from" a percentage is the earlier rate
    case("Halvex Motors said its output grew 15.7% in the year, down from 23% in May.",
         {("Halvex Motors' output", "grow", "15.7%", False)}),
    case("Halvex Motors said its earnings rose by 4.3% in the year, up from 4.2% in May.",
         {("Halvex Motors' earnings", "rise", "4.3%", False)}),
    case("House prices in Norvia were 11.8% higher on the year, down from 16.3% in May.",
         {("House prices in Norvia", "higher", "11.8%", False)}),
    # ... but after a level it is the earlier level
    case("Growth in Norvia slowed to 0.3% in the quarter, down from 6.3% in May.",
         {("Growth in Norvia", "slowTo", "0.3%", False),
          ("Growth in Norvia", "downFrom", "6.3%", False)}),
    case("Growth in Norvia was 1.1% in 2004, up from just 0.3% in 2003.",
         {("Growth in Norvia", "percentage", "1.1%", False),
          ("Growth in Norvia", "upFrom", "just 0.3%", False)}),
    case("Halvex Motors said its sales rose 2% to $11.1bn from $10.9bn.",
         {("Halvex Motors' sales", "rise", "2%", False),
          ("Halvex Motors' sales", "riseTo", "$11.1bn", False),
          ("Halvex Motors' sales", "riseFrom", "$10.9bn", False)}),
    # a number before a singular noun names a model; a plural or collective one counts
    case("Halvex Motors has been producing a rival to Brumco's 747 line for a year."),
    case("Halvex Motors has 2,000 staff.", {("Halvex Motors", "have", "2,000 staff", False)}),
    case("Halvex Motors will buy 50 aircraft.",
         {("Halvex Motors", "buy", "50 aircraft", False)}),
    # an amount the parser made a second object of the verb is the fine's
    case("Brumco Inc could now face a fine up to 200,000 yuan.",
         {("Brumco Inc", "fine", "up to 200,000 yuan", False)}),
    # a verb of expecting or calling for measures nothing itself
    case("By 2010, Brumco Inc expects to nearly double sales to 400,000 cars."),
    case("Ola Brenne voted for a quarter point rise in interest rates to 5%."),
    # a count buried in the phrase of a verb's preposition is none of the verb's
    case("Ola Brenne voted against the appointment of three Halvex directors."),
    # "to 28.52 million - the highest figure": no object of the change
    case("In 2004 the number of people in work increased by 296,000 to 28.52 million - "
         "the highest figure since 1971.",
         {("number of people", "increase", "296,000", False),
          ("number of people", "increaseTo", "28.52 million", False)}),
    case("That brought to 49 the number of banks that Ola Brenne has sued.",
         {("number of banks", "bringTo", "49", False)}),
    # a starting level hung on a verb far back is the change's in between
    case("Brumco Inc stopped sales of its pills in May, a move which caused its earnings "
         "to slide to $1.1bn, from $1.4bn a year earlier.",
         {("Brumco Inc's earnings", "slideTo", "$1.1bn", False),
          ("Brumco Inc's earnings", "slideFrom", "$1.4bn", False)}),
    # a participle with no subject of its own changes the measure, not the subject
    case("Halvex Motors reported a profit of $5m, rising to $7m in May.",
         {("Halvex Motors", "profit", "$5m", False),
          ("Halvex Motors' profit", "riseTo", "$7m", False)}),
    case("Halvex Motors enjoyed strong growth, swelling its subscriber base to 5.4 million.",
         {("Halvex Motors' subscriber base", "swellTo", "5.4 million", False)}),
    # a value put on an object is the object's, not the valuer's nor a value's
    case("Reports have put the offer at 300p per share, which would value Halvex United at "
         "about £800m.",
         {("Halvex United", "valueAt", "about £800m", False)}),
    # a possessive pronoun is no subject: "HIS" in capitals is a name kg cannot read
    case("Ola Brenne runs Kestrel Air. Travel firms took a hit, with Kestrel Air sliding "
         "1.5% and HIS dropping 3.3%.",
         {("Kestrel Air", "slide", "1.5%", False)}),
    # a scaled amount before a singular noun is an amount
    case("Halvex Motors spent 59.2 trillion norvs on fuel subsidies.",
         {("Halvex Motors", "spend", "59.2 trillion norvs", False)}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", READINGS)
def test_quantity_readings(facts_of, text, expected, only):
    assert rows(facts_of(text, extractors=["quantity"]), expected, only) == expected


MODALITY = [
    # the amount of a thing weighed or intended is not asserted, though the weighing is
    case("Brumco Inc is considering a bid of $4bn for Halvex Motors.",
         {("Brumco Inc", "bid", "$4bn", False, "hedged")}),
    case("Brumco Inc plans a $2bn share sale.",
         {("share sale", "amount", "$2bn", False, "planned")}),
    case("Brumco Inc made a bid of $4bn for Halvex Motors.",
         {("Brumco Inc", "bid", "$4bn", False, "asserted")}),
    case("Overall, the Norvian report forecast total growth of 3.6% in 2004, slipping to "
         "2.9% next year before recovering to 3.1% in 2006.",
         {("total growth", "percentage", "3.6%", False, "expected"),
          ("total growth", "slipTo", "2.9%", False, "expected"),
          ("total growth", "recoverTo", "3.1%", False, "expected")}),
    case("Brumco Inc wants to have sales of $4bn.",
         {("Brumco Inc", "sales", "$4bn", False, "planned")}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", MODALITY)
def test_quantity_modality(facts_of, text, expected, only):
    assert rows(facts_of(text, extractors=["quantity"]), expected, only) == expected
