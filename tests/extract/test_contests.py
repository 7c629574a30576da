"""Matches and awards: who beat whom, the score, who plays whom, who won what; on
sentences written for these tests (the contest extractor alone, unresolved)."""

import pytest

from tests.conftest import case, rows

CONTEST = [
    # a score line goes with the side whose result it is
    case("Norway beat Sweden 3-1 on Saturday.", {("Norway", "score", "3-1", False)}),
    case("Sweden lost 2-0 to Norway in the final.",
         {("Sweden", "lostTo", "Norway", False), ("Sweden", "score", "2-0", False)}),
    # results as nouns: the possessor, or the subject of a verb that takes a result
    case("Denmark's 1-0 defeat by Norway ended their run.",
         {("Denmark", "lostTo", "Norway", False), ("Denmark", "score", "1-0", False)}),
    case("The Danes stuttered to narrow wins over Norway and then Sweden.",
         {("Danes", "beats", "Norway", False), ("Danes", "beats", "Sweden", False)}),
    case("Finland slumped to a heavy defeat against Iceland.",
         {("Finland", "lostTo", "Iceland", False)}),
    # ... and a score is a result even with no opponent named
    case("Two players were hurt in Denmark's 1-0 defeat at Wembley.",
         {("Denmark", "score", "1-0", False)}),
    # a fixture: "play" anywhere, "face" and "meet" in a sentence about a match
    case("Norway will play Iceland on Sunday.", {("Norway", "playsAgainst", "Iceland", False)}),
    case("Norway face Denmark in the World Cup final.",
         {("Norway", "playsAgainst", "Denmark", False)}),
    case("Denmark play their toughest game of the tournament against Iceland in Oslo.",
         {("Denmark", "playsAgainst", "Iceland", False)}),
    # awards: named by a passive naming verb, or an award that went to someone
    case("Anna Berg was named best actress and Tomas Orlik, who was crowned best actor, "
         "thanked the jury.",
         {("Anna Berg", "wins", "best actress", False),
          ("Tomas Orlik", "wins", "best actor", False)}),
    case("The Golden Lion award went to Maria Lenz and Karl Ott.",
         {("Maria Lenz", "wins", "Golden Lion award", False),
          ("Karl Ott", "wins", "Golden Lion award", False)}),
    case("Paul Weller was voted player of the year.",
         {("Paul Weller", "wins", "player of the year", False)}),
    case("Tomas Orlik, who was crowned best actor for his role in Night Fall, thanked the jury.",
         {("Tomas Orlik", "wins", "best actor", False)}),
    # --- no contest: a role named by "named", a meeting of leaders, a lost player, a
    # venue, an award given by someone
    case("Maria Lenz was named chief executive of Dunmore."),
    case("Vladimir Putin will meet Recep Tayyip Erdogan in Ankara."),
    case("Egypt will face Qatar at the summit in Doha."),
    case("The firm's loss of £3m was smaller than expected."),
    case("Denmark's defeat at Wembley ended their run."),
    case("The jury gave the award to the film."),
    # losing something to someone is no defeat
    case("Mourinho has lost winger Ben Ashby to a serious injury."),
    case("The airline lost market share to Ryanair."),
]  # fmt: skip


@pytest.mark.parametrize("text,expected,only", CONTEST)
def test_contest_facts(raw_facts_of, text, expected, only):
    assert rows(raw_facts_of(text, extractors=["contest"]), expected) == expected
