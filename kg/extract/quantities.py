"""Numbers with units -> quantity facts, each tied to the thing it measures.

A quantity is a fact of its own, never the object of a relation it does not fill; the
clause extractor keeps the verb's real object. Where the number stands says what it
measures and so names the fact:

- the verb's own object or measure: "Tesla shipped 1.8 million cars" -> (Tesla, ship,
  "1.8 million cars"); "profit rose 57%" -> (profit, rise, "57%"); "shares were down
  4%" -> (shares, down, "4%");
- a preposition on the verb says which measure: "agreed to buy X for about $16bn" ->
  (buyer, buyFor, "about $16bn"), beside the clause's (buyer, acquires, X); "rose 2% to
  $81 a barrel" -> (crude, riseTo, "$81 a barrel"); a change of the verb's object is the
  object's: "cut its rate by half a point to 2%" -> (bank, cutBy, "half a point") and
  (rate, cutTo, "2%");
- a counted subject of a passive: "at least 40 people were killed by a landslide" ->
  (landslide, kill, "at least 40 people"); with no agent, (people, killed, "at least 40");
- a copula's measure by its kind: "its share price was 200p" -> (share price, amount,
  "200p"); "the robot is 130cm tall" -> (robot, tall, "130cm");
- an amount on a noun: "an $11bn fraud", "sales of £118m", "a fee worth €6m" -> (fraud,
  amount, "$11bn");
- ages and ranks: "Lena Moritz, 22," and "the 22-year-old Moritz" -> (Moritz, age, "22");
  "went to number one", "fell from fifth to 14th" -> (X, goTo, "number one").

The value is the number with its qualifier and unit ("more than 12,000 people", "$40.8m");
a conversion in brackets stays out ("£200m ($376m)" -> "£200m"). A number that measures
nothing the sentence names gives no fact: a bare count of one thing ("one of its
plants"), a score ("1-0", the sport results' own), a count buried in a phrase. Dates are
left to the time stage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, load_lexicon, load_words
from ..model import Fact, Mention
from . import frames as fr
from . import syntax as sx
from . import terms
from .context import Context
from .factuality import ASSERTED, EXPECTED, HEDGED, PLANNED

# the dependency path from a number up to the noun it counts
_COUNT_DEPS = {"nummod", "quantmod", "compound", "pobj", "prep", "advmod", "amod", "nmod", "predet"}
_COUNT_HEADS = {"NOUN", "NUM", "ADP", "PROPN", "ADV", "ADJ", "PART"}
# what a number is to a verb when it is the verb's own measure
_ARG_DEPS = {"dobj", "attr", "npadvmod", "oprd", "advmod", "dative"}
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
_AMOUNT = re.compile(r"^\d[\d,.]*(bn|m|k|tn)?$")
_CHANGE_SUFFIXES = ("To", "From", "By")
_ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative"}
_SCORE = re.compile(r"^\d+\s*[-–]\s*\d+$")
_OPEN = {"(", "["}
_UNIT_MARKS = {"%", "$", "£", "€", "¥"}
# a typed quantity property by the kind of value (ontology/kg.ttl, kg:hasQuantity)
# NER's labels of values (spaCy's scheme)
MONEY = "MONEY"
PERCENT = "PERCENT"
CARDINAL = "CARDINAL"
QUANTITY = "QUANTITY"
# an amount said of a noun with no verb: "an $11bn fraud", "a 5% stake", "a 10km race"
PERSON_CLASS = "Person"
_NOUN_AMOUNT_LABELS = frozenset({MONEY, PERCENT, QUANTITY})
AGE = "age"
DATE = "date"
RANK = "rank"
_TYPED = {"MONEY": "amount", "PERCENT": "percentage", "QUANTITY": "measure",
          "CARDINAL": "count", "TIME": "measure", "ORDINAL": "rank"}  # fmt: skip


def _numeric(tok: Token) -> bool:
    """A number as written: "12", "two", "6.75bn", "3km", "half"."""
    return (
        tok.like_num
        or any(c.isdigit() for c in tok.text)
        or tok.lower_ in load_words().fraction_words
    )


def _root(ent: Span) -> Token:
    """The entity's number: NER's span can open on words that hang on it ("an estimated
    £24")."""
    if _numeric(ent.root):
        return ent.root
    nums = [t for t in ent if _numeric(t)]
    return nums[-1] if nums else ent.root


def _is_scale(tok: Token) -> bool:
    return tok.lower_.rstrip(".") in load_words().scale_words


def _quantity_head(tok: Token) -> Token:
    """The noun a number counts: "four" -> "missiles"; "12" in "12 hours" -> "hours"."""
    w = load_words()
    t = tok
    while t.dep_ in _COUNT_DEPS and t.head.i != t.i and t.head.pos_ in _COUNT_HEADS:
        if t.dep_ == "pobj" and not (t.head.lower_ in w.bound_prepositions and t.head.i > 0
                                     and t.doc[t.head.i - 1].lower_ == "up"):  # fmt: skip
            break  # "up to 12": inside the number; "rose to 12%" is a level
        t = t.head
        if (
            t.pos_ == "NOUN"
            and t.dep_ != "compound"
            and not _is_scale(t)
            and t.text not in _UNIT_MARKS
        ):
            break
    return t


def _number_tokens(ent: Span, lex: Lexicon) -> list[Token]:
    """The amount as written, its conversion in brackets left out: "£200m ($376m)" ->
    "£200m"; a currency sign or a scale word NER left out comes with it ("40.8" "m")."""
    doc = ent.doc
    toks: list[Token] = []
    if ent.start > 0 and (doc[ent.start - 1].pos_ == "SYM" or doc[ent.start - 1].is_currency):
        toks.append(doc[ent.start - 1])  # "$" left out of "3bn"
    for t in ent:
        if t.text in _OPEN:
            break
        toks.append(t)
    # qualifiers the parser hangs on the number outside NER's span: "up to", "more than"
    j = (toks[0].i if toks else ent.start) - 1
    inside = {t.i for t in ent}
    change = lex.words.change_prepositions
    qualifiers = lex.words.quantity_qualifiers
    while (
        j >= 0
        and (doc[j].dep_ in {"quantmod", "advmod"} or doc[j].lower_ in qualifiers)
        and doc[j].pos_ != "SYM"
        and (doc[j].head.i in inside or doc[j].head.i == j + 1)
    ):
        if doc[j].lower_ in change and not (j > 0 and doc[j - 1].lower_ == "up"):
            break  # "from £2m to £3m": the "to" is the change's, not the number's
        toks.insert(0, doc[j])
        inside.add(j)
        j -= 1
    i = toks[-1].i + 1 if toks else ent.start
    while toks and i < len(doc) and _is_scale(doc[i]) and not toks[-1].whitespace_:
        toks.append(doc[i])
        i += 1
    while toks and (toks[-1].is_punct and toks[-1].text not in _UNIT_MARKS
                    or toks[-1].dep_ == "cc"):  # fmt: skip
        toks.pop()
    while toks and (toks[0].is_punct and toks[0].text not in _UNIT_MARKS
                    or toks[0].lower_ in {"a", "an", "the"}):  # fmt: skip
        toks.pop(0)
    return toks


def _rate(head: Token) -> list[Token]:
    """A rate after the amount: "$81 a barrel", "a million barrels a day", "£4m per film"."""
    rates = load_words().rate_prepositions
    out: list[Token] = []
    for c in head.children:
        if c.i < head.i:
            continue
        dets = [d for d in c.children if d.dep_ == "det" and d.lower_ in {"a", "an"}]
        if (c.dep_ == "npadvmod" and dets) or (c.dep_ == "prep" and c.lower_ in rates):
            out += list(c.subtree)
    return out


def _money_in(last: Token, lex: Lexicon) -> list[Token]:
    """What a sum is: "€100m in aid", "$200bn in foreign reserves"; not how it is paid
    ("$12bn in cash")."""
    doc = last.doc
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ not in lex.words.money_in_prepositions or nxt.head.i != last.i:
        return []
    objs = [o for o in nxt.children if o.dep_ == "pobj"]
    if (
        len(objs) != 1
        or objs[0].pos_ != "NOUN"
        or objs[0].lemma_.lower() in lex.words.payment_means
    ):
        return []
    return [t for t in nxt.subtree if t.i <= objs[0].i]


def _value_tokens(ent: Span, head: Token, lex: Lexicon, *, counted: bool) -> list[Token]:
    """ "more than 12,000 people", "about $16bn", "28% of Kestrel Air", "$81 a barrel"."""
    toks = _number_tokens(ent, lex)
    if not toks:
        return []
    last = toks[-1]
    if counted and head.i > last.i and not _is_scale(head):
        between = ent.doc[last.i + 1 : head.i + 1]
        if all(t.dep_ in {"compound", "amod", "nmod", "nummod", "det"} or t.i == head.i
               or t.is_punct and t.text == "-" for t in between):  # fmt: skip
            toks += list(between)
            last = head
        elif ent.label_ == CARDINAL and head.pos_ == "NOUN":
            return []  # "in 92 low- and middle-income countries": the count loses its noun
    toks += _rate(last if last.i == head.i else _root(ent))
    if ent.label_ == MONEY and last.i == toks[-1].i:
        toks += _money_in(last, lex)
    fraction = _root(ent).lower_ in lex.words.fraction_words
    if ent.label_ == PERCENT or fraction:  # "28% of Kestrel Air", "a quarter of a point"
        of = lex.words.quantity_of_prepositions
        for p in last.children:
            if p.dep_ == "prep" and p.lower_ in of and any(o.dep_ == "pobj" for o in p.children):
                toks += [t for t in p.subtree if t not in toks]
    toks = sorted(set(toks), key=lambda t: t.i)
    while toks and toks[-1].is_punct and toks[-1].text not in _UNIT_MARKS:
        toks.pop()
    if ent.label_ == CARDINAL and not any(t.like_num or t.lower_ in lex.words.fraction_words
                                            for t in toks):  # fmt: skip
        return []
    return toks


def _text(toks: list[Token]) -> str:
    if not toks:
        return ""
    text = " ".join(toks[0].doc[toks[0].i : toks[-1].i + 1].text.split())
    # a value never ends a sentence of its own: "a fine of $16m. Gen X ..." (a full
    # stop the sentence splitter missed, taken into "m.")
    return text[:-1] if text.endswith(".") else text


def _single(ent: Span, lex: Lexicon) -> bool:
    """ "one of its plants", "a single candidate": one thing is named, not counted."""
    nums = [t for t in ent if t.like_num]
    return len(nums) == 1 and nums[0].lower_ in lex.words.unit_numbers


def _object_gap(verb: Token) -> bool:
    """ "the Fed has more work to do in 2005": an infinitive relative with no object or
    subject of its own says what is done to its noun; the noun does nothing."""
    if verb.dep_ not in {"relcl", "acl"} or verb.tag_ != "VB":
        return False
    deps = {c.dep_ for c in verb.children}
    others = fr.OBJ | fr.SUBJ | fr.PASS_SUBJ | {"xcomp", "ccomp", "prt"}
    return sx.has_to(verb) and not deps & others


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    passive = fr.is_passive(verb)
    if not passive and _object_gap(verb):
        return [], False
    found = fr.passive_subjects(verb) if passive else fr.subjects(verb)
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBG":
        found = [verb.head]  # "a proposal allowing up to 100% foreign investment"
    if verb.dep_ == "relcl":  # "a march that was supported by 1,000 people": the march
        rel = load_words().relative_subjects
        found = [verb.head if s.lower_ in rel else s for s in found]
    return [s for s in found if not _apposed(s, found)], passive


def _apposed(s: Token, found: list[Token]) -> bool:
    """ "Shares in Tarsand, the Norvian miner ..., slid": a second subject set off by
    a comma right after the first is the parser's apposition of it, not a second one."""
    doc, i = s.doc, s.left_edge.i
    described = s.pos_ == "NOUN" and not s.ent_type_ and any(c.dep_ == "det" for c in s.children)
    return (
        described  # "the Norvian miner"; a name after the comma is the one meant
        and s.dep_ != "conj"
        and i > 1
        and doc[i - 1].text == ","
        and any(o.i < s.i and o.right_edge.i == i - 2 for o in found)
    )


def _verb_name(verb: Token, passive: bool) -> str:
    name = verb.lower_ if passive else verb.lemma_.lower()
    prt = fr.particle(verb)
    return f"{name} {prt}" if prt else name  # "pull in": camel() joins it with a preposition


def _participant(verb: Token, lex: Lexicon) -> Token | None:
    """The verb's object when it is a thing, not a value: "cut its rate" -> rate."""
    for o in fr.objects(verb):
        if not (o.like_num or o.ent_type_ in lex.value_labels):
            return o
    return None


@dataclass(frozen=True)
class _Reading:
    """Where a quantity stands: the verb (None on a noun), the things it measures, the
    fact's name, the construction; ``counted``: the counted noun is in the value."""

    verb: Token | None
    measured: list[Token]
    name: str
    rule: str
    counted: bool = True
    bare: bool = False  # the measured thing without its prepositional phrases


def _copula_name(verb: Token, ent: Span, lex: Lexicon) -> str | None:
    if verb.lemma_.lower() in lex.words.copulas:
        return _TYPED.get(ent.label_)
    return None


def _surface_prep(toks: list[Token], lex: Lexicon) -> Token | None:
    """The change preposition written just before the amount ("from £2m to £3m"), which
    the parser often hangs inside the number."""
    if not toks:
        return None
    i = toks[0].i - 1
    doc = toks[0].doc
    return doc[i] if i >= 0 and doc[i].lower_ in lex.words.change_prepositions else None


def _prep_reading(
    gov: Token, prep: str, ent: Span, lex: Lexicon, *, levels_object: bool = True
) -> _Reading | None:
    if _complement_lost(gov, lex):
        return None
    subjects, passive = _subjects(gov)
    typed = _copula_name(gov, ent, lex)
    if typed:  # "at 3km/h, it is ...": a measure, whatever NER called the number
        typed = typed if ent.label_ in {MONEY, PERCENT} else "measure"
        return _Reading(gov, subjects, typed, ent.label_.lower())
    w = lex.words
    obj = None if gov.lemma_.lower() in w.intransitive_change_verbs else _participant(gov, lex)
    if obj is not None and (_set_off(ent, obj) or gov.lemma_.lower() in w.margin_verbs):
        # "increased by 296,000 to 28.52 million - the highest figure": no object
        # changed; "outstripped demand by 30%": a margin, the subject's
        obj = None
    if prep in w.change_size_prepositions and not passive:
        if obj is not None:  # "cut its overheads by 20%": the size of the change made
            # to the overheads is theirs (the clause keeps (X, cut, overheads)); said
            # of X it would read as X cut by 20%
            name = sx.camel(_verb_name(gov, passive), prep)
            return _Reading(gov, [obj], name, "change-of-object")
        return _Reading(gov, subjects, sx.camel(_verb_name(gov, passive)), "change")  # "rose by 3%"
    if obj is not None and prep in w.valuing_prepositions and \
            gov.lemma_.lower() in w.valuing_verbs:  # fmt: skip
        # "a bid that values the club at £800m": the club's value
        return _Reading(gov, [obj], sx.camel(_verb_name(gov, passive), prep),
                        "prep-" + ent.label_.lower())  # fmt: skip
    obj = obj if levels_object else None
    if obj is None and (measures := _measure_object(gov, lex)):
        return _Reading(gov, measures, sx.camel(_verb_name(gov, passive), prep),
                        "prep-" + ent.label_.lower(), bare=True)  # fmt: skip
    if obj is not None and prep in w.change_prepositions:
        changed = _change_of(obj, lex)
        if changed is not None:  # "announced a 12% increase in earnings to $3m": the
            # earnings' level, named by the change; the verb only reports it
            return _Reading(gov, changed or subjects, sx.camel(obj.lemma_.lower(), prep),
                            "prep-" + ent.label_.lower())  # fmt: skip
        subjects = [obj]  # "cut its rate to 2%", "slow growth to 2.8%": the object's level
    return _Reading(gov, subjects, sx.camel(_verb_name(gov, passive), prep),
                    "prep-" + ent.label_.lower())  # fmt: skip


def _nearer_change(gov: Token, prep: Token, lex: Lexicon) -> Token:
    """ "caused its earnings to slide to $1.1bn, from $1.4bn": a starting level the parser
    hung on a verb far back belongs to the change with a level in between."""
    w = lex.words
    if prep.lower_ not in w.starting_prepositions or prep.i < gov.i:
        return gov
    levels = w.change_prepositions - w.starting_prepositions
    between = [v for v in gov.subtree if gov.i < v.i < prep.i and v.pos_ in fr.VERBAL]
    for v in reversed(between):
        if any(c.dep_ == "prep" and c.lower_ in levels for c in v.children):
            return v
    return gov


def _measure_object(gov: Token, lex: Lexicon) -> list[Token]:
    """ "the report forecast total growth of 3.6%, slipping to 2.9%": a participle with
    no subject or object of its own changes the measure its clause is about, not the
    clause's subject."""
    if not _participle(gov) or fr.objects(gov):
        return []
    if any(c.dep_ in fr.SUBJ for c in gov.children):
        return []
    w = lex.words
    host = _host(gov)
    if host.dep_ != "advcl" and gov.dep_ == "pcomp":
        return []
    if gov.dep_ == "pcomp":  # "..., slipping to 2.9% before recovering to 3.1%"
        return _measure_object(host, lex)
    return [o for o in fr.objects(host) if o.pos_ == "NOUN"
            and o.lemma_.lower() in w.change_nouns | w.amount_nouns]  # fmt: skip


def _host(participle: Token) -> Token:
    """The verb a participle clause hangs on, directly or by a preposition."""
    return participle.head if participle.dep_ == "advcl" else participle.head.head


def _participle(verb: Token) -> bool:
    """A participle clause on a verb: "..., slipping to 2.9% next year", or on another
    one's preposition: "..., slipping to 2.9% before recovering to 3.1%"."""
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "pcomp":
        return verb.head.dep_ == "prep" and verb.head.head.pos_ in fr.VERBAL
    return verb.dep_ == "advcl" and verb.head.pos_ in fr.VERBAL


def _set_off(ent: Span, obj: Token) -> bool:
    """An "object" after the amount and a dash or comma: an apposition of the amount the
    parser hung on the verb ("to 28.52 million - the highest figure"), not what changed
    ("brought to 49 the number of banks" is)."""
    doc = ent.doc
    return obj.i > ent.start and any(t.is_punct for t in doc[ent.end : obj.left_edge.i])


def _complement_lost(gov: Token, lex: Lexicon) -> bool:
    """ "expects to nearly double sales to 400,000 cars" parsed with both "to"s on
    "expects", "voted for a rise in rates to 5%": a verb of expecting, intending or
    calling for measures nothing itself; the act it is about, which would take the
    amount (and is no fact yet), is lost to the parse."""
    w = lex.words
    lemma = gov.lemma_.lower()
    wanting = lemma in w.expecting_verbs or lemma in w.intention_verbs
    return (
        (wanting or lemma in w.advocating_verbs)
        and not fr.is_passive(gov)  # "GDP is expected at 3.2%": the forecast figure
        and not any(c.dep_ in fr.OBJ for c in gov.children)
    )


def _change_of(noun: Token, lex: Lexicon) -> list[Token] | None:
    """What a change noun changes ("a rise in profits" -> profits; "a 5% rise": none
    written, []), or None when the noun names no change reported: "slowed growth to 2%"
    is growth's level, a thing the verb changes."""
    w = lex.words
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in w.change_nouns:
        return None
    # "a fall in profits", whether the parser hangs "in profits" on the noun or, right
    # after it, on the verb
    after = [c for c in noun.head.children if c.i == noun.right_edge.i + 1] \
        if noun.dep_ in fr.OBJ else []  # fmt: skip
    dated = load_lexicon().date_labels  # "the gains in December": when, not what
    changed = [o for c in (*noun.children, *after)
               if c.dep_ == "prep" and c.lower_ in w.changed_prepositions
               for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in dated]  # fmt: skip
    sized = any(c.ent_type_ in {PERCENT, MONEY} for c in noun.children)
    return changed if changed or sized else None


_COMPARATIVE = {"JJR", "RBR"}


def _adverb_prep_reading(adv: Token, prep: str, lex: Lexicon) -> _Reading | None:
    """ "were up 4% at $3bn": the level a change adverb's preposition gives."""
    subjects = _changed(adv, _subjects(adv.head)[0], lex)
    if subjects is None:
        return None
    return _Reading(adv.head, subjects, sx.camel(adv.lower_, prep), "change")


def _changed(adv: Token, subjects: list[Token], lex: Lexicon) -> list[Token] | None:
    """What a change adverb says is up or down: the noun of an absolute "with" clause
    before it ("X said, with wine sales up 25%": the sales), else the verb's subjects;
    None when the verb is one of saying (a speaker is not what is up)."""
    absolute = _absolute_before(adv, lex)
    if absolute is not None:
        return [absolute]
    return None if fr.is_reporting(adv.head, lex) else subjects


def _absolute_before(adv: Token, lex: Lexicon) -> Token | None:
    """The noun of an absolute "with" clause the parser split from its change adverb:
    "said, with wine sales in 2003 up 25%" hangs "wine sales" and "up" on "said"."""
    verb = adv.head
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < adv.i):
        if prep.lower_ not in lex.words.absolute_prepositions:
            continue
        nouns = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ in {"NOUN", "PROPN"}]
        if nouns and nouns[-1].right_edge.i + 1 == adv.i:
            return nouns[-1]
    return None


def _on_modifier(head: Token, lex: Lexicon) -> _Reading | None:
    """A measure on an adverb or adjective of the verb: "were down 4%", "is 130cm tall"."""
    w = lex.words
    if head.lemma_.lower() in w.multiplier_nouns:
        return None  # "ten times higher", "ten times more": a ratio
    if head.dep_ in {"npadvmod", "advmod"} and head.head.lower_ in w.change_adverbs:
        adv = head.head
        if adv.head.pos_ in fr.VERBAL and adv.head.i != adv.i:
            subjects, _ = _subjects(adv.head)
            obj = _participant(adv.head, lex)
            if obj is not None and obj.i < adv.i and adv.lower_ in w.level_adverbs:
                # "figures showed exports at a high, up 35%", "pushed rates up 0.5%": the
                # object is what is up, not the subject
                subjects = [obj]
            found = _changed(adv, subjects, lex)
            return None if found is None else _Reading(adv.head, found, adv.lower_, "change")
    # NER may take the adjective into the amount ("130cm tall")
    adj = head if head.pos_ == "ADJ" else head.head if head.dep_ == "npadvmod" else None
    if adj is not None and adj.pos_ == "ADJ" and adj.dep_ == "acomp" \
            and adj.tag_ not in _COMPARATIVE and adj.head.lemma_.lower() in w.copulas:  # fmt: skip
        # "ten times more than in 2003" compares; it measures nothing
        return _Reading(adj.head, fr.subjects(adj.head), adj.lemma_.lower(), "measure", False)
    return None


def _on_change_noun(ent: Span, head: Token, lex: Lexicon) -> _Reading | None:
    """ "attributed an 8.3% increase in sales to X", "reported a 5% rise": the amount
    measures the change the noun names, of what it changes ("in sales"), else of the
    subject of the verb that has the change ("Telmora reported a 5% rise"); the verb
    only reports it."""
    w = lex.words
    if head.pos_ != "NOUN" or head.lemma_.lower() not in w.change_nouns:
        return None
    if head.i in range(ent.start, ent.end):
        return None
    changed = [o for c in head.children if c.dep_ == "prep" and c.lower_ in w.changed_prepositions
               for o in c.children if o.dep_ == "pobj"]  # fmt: skip
    if any(o.ent_type_ in lex.date_labels for o in changed):
        # "an 8.3% increase in January sales": the parse lost what changed; no guess
        return _Reading(None, [], head.lemma_.lower(), "change-noun", False)
    if not changed and head.dep_ in fr.OBJ and head.head.pos_ in fr.VERBAL:
        changed, _ = _subjects(head.head)
    if not changed:
        return None
    # "an increase in sales to X": the verb's phrase the parser hung on the noun is no part
    return _Reading(None, changed, head.lemma_.lower(), "change-noun", False, bare=True)


def _on_verb(ent: Span, head: Token, lex: Lexicon, toks: list[Token]) -> _Reading | None:
    """The reading of a quantity that is an argument of a verb, within two hops."""
    modified = _on_modifier(head, lex) or _on_change_noun(ent, head, lex)
    if modified is not None:
        return modified
    if head.dep_ in _ARG_DEPS and head.head.pos_ in fr.VERBAL and head.head.i != head.i:
        return _on_argument(ent, head.head, lex, toks)
    if head.dep_ == "nsubjpass" and head.head.pos_ in fr.VERBAL:
        verb = head.head  # "at least 40 people were killed by a landslide"
        if any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "the two firms are expected to seal a deal": raised, not counted
        agents = fr.agent(verb)
        if agents:
            return _Reading(verb, agents, verb.lemma_.lower(), "passive-count")
        return _Reading(verb, [head], verb.lower_, "passive-count", False)
    surface = _surface_prep(toks, lex)
    found, ended = _on_prep(ent, head, lex, surface)
    if found is not None or ended:
        return found
    if surface is not None and head.dep_ in {"quantmod", "nummod", "compound", "pobj"}:
        # "from £2m to £3m" parsed as one number: the verb above it, by the written "to"
        gov = head.head
        for _ in range(4):
            if gov.pos_ in fr.VERBAL or gov.head.i == gov.i:
                break
            gov = gov.head
        if gov.pos_ in fr.VERBAL:
            return _prep_reading(gov, surface.lower_, ent, lex)
    return None


def _on_argument(ent: Span, verb: Token, lex: Lexicon, toks: list[Token]) -> _Reading | None:
    """A quantity that is the verb's own object or measure: "shipped 1.8 million cars"."""
    surface = _surface_prep(toks, lex)
    if surface is not None:  # "adding $1.89 to $48.62", one number to the parser
        return _prep_reading(verb, surface.lower_, ent, lex)
    fine = _amount_object_reading(verb, ent, lex)
    if fine is not None:  # "could face a fine up to $5m": the fine's amount
        return fine
    subjects, passive = _subjects(verb)
    name = _copula_name(verb, ent, lex) or sx.camel(_verb_name(verb, passive))
    return _Reading(verb, subjects, name, ent.label_.lower())


def _amount_object_reading(verb: Token, ent: Span, lex: Lexicon) -> _Reading | None:
    """The reading of an amount that is the amount of the verb's amount noun object."""
    noun = _amount_object(verb, ent, lex)
    if noun is None:
        return None
    named = _named_holders(noun, lex)
    if named:  # "Brumco could face a fine up to $5m": Brumco's fine
        return _Reading(None, named, sx.camel(noun.lower_), "noun-of", False)
    return _Reading(None, [noun], _TYPED.get(ent.label_, "amount"), "noun-of", False)


def _amount_object(verb: Token, ent: Span, lex: Lexicon) -> Token | None:
    """An amount noun that is the verb's object just before the amount, which the
    parser made a second object: "face a fine up to $5m" is the fine's amount; as the
    verb's own ("face $5m") the fine would be lost."""
    if ent.label_ != MONEY:
        return None  # "lifted borrowing costs five times": no amount of the costs
    start = _number_tokens(ent, lex)
    first = start[0].i if start else ent.start
    for o in fr.objects(verb):
        if o.i < first and o.right_edge.i == first - 1 and o.pos_ == "NOUN" \
                and o.lemma_.lower() in lex.words.amount_nouns:  # fmt: skip
            return o
    return None


def _on_prep(
    ent: Span, head: Token, lex: Lexicon, surface: Token | None
) -> tuple[_Reading | None, bool]:
    """A quantity after a preposition: on the verb, on its change adverb, or on its
    object noun; ``True`` when the preposition is an adjunct (nothing to read)."""
    w = lex.words
    t, hops = head, 0
    while hops < 3 and t.dep_ == "pobj" and t.head.dep_ in {"prep", "agent"}:
        prep = t.head
        if prep.lower_ in w.non_argument_prepositions:
            return None, True  # "after the 3-1 defeat": not what the verb measures
        name = surface.lower_ if surface is not None and hops == 0 else prep.lower_
        gov = prep.head
        if gov.lower_ in w.change_adverbs and gov.head.pos_ in fr.VERBAL:
            return _adverb_prep_reading(gov, name, lex), True
        if gov.pos_ in fr.VERBAL:
            if hops:  # "sold it for a sum of $5m": the verb's measure, in its role
                if gov.lemma_.lower() in w.copulas or ent.label_ == CARDINAL:
                    # "are well above the average of $41": a yardstick; "voted against
                    # the appointment of three directors": a count buried in a phrase
                    return None, True
                subjects, passive = _subjects(gov)
                name = sx.camel(_verb_name(gov, passive), prep.lower_)
                return _Reading(gov, subjects, name, ent.label_.lower()), True
            level = not (
                head.pos_ == "NOUN"
                and head.i not in range(ent.start, ent.end)
                and not _is_scale(head)
            )  # "from 226 countries" counts, no level
            gov = _nearer_change(gov, prep, lex)
            return _prep_reading(gov, name, ent, lex, levels_object=level), True
        if gov.dep_ not in fr.OBJ and gov.dep_ != "pobj":
            break
        if prep.lower_ in w.quantity_of_prepositions and gov.lemma_.lower() in w.amount_nouns:
            # "a loss of 7,000 subscribers": a count keeps what it counts
            counted = ent.label_ == CARDINAL and head.pos_ == "NOUN" and head.i >= ent.end
            named = _named_holders(gov, lex)
            if named:  # "Telmora posted a profit of $3bn": Telmora's profit
                return _Reading(None, named, sx.camel(gov.lower_), "noun-of", counted), True
            # "signed X for a transfer fee of €60m": the fee's amount
            return _Reading(None, [gov], _TYPED.get(ent.label_, "amount"), "noun-of",
                            counted), True  # fmt: skip
        changed = _change_of(gov, lex) if name in w.change_prepositions else None
        if changed is not None and gov.dep_ in fr.OBJ and gov.head.pos_ in fr.VERBAL:
            # "reported a rise in profits to $3m": the level of what the change changed
            subjects, _ = _subjects(gov.head)
            return _Reading(gov.head, changed or subjects, sx.camel(gov.lemma_.lower(), name),
                            "prep-" + ent.label_.lower()), True  # fmt: skip
        if not hops and gov.dep_ in fr.OBJ and prep.lower_ not in w.quantity_of_prepositions \
                and gov.head.pos_ in fr.VERBAL and head.pos_ == "NOUN":  # fmt: skip
            # "scored 36 goals in 35 games": the count is the verb's, whichever the
            # parser hung it on
            return _prep_reading(gov.head, name, ent, lex, levels_object=False), True
        t, hops = gov, hops + 1
    return None, False


def _named_holders(noun: Token, lex: Lexicon) -> list[Token]:
    """The named subjects of the verb whose object an amount noun with no owner of its
    own is: "Telmora posted a profit of $3bn" -> Telmora (whose profit it is)."""
    if noun.dep_ not in fr.OBJ or noun.head.pos_ not in fr.VERBAL:
        return []
    if any(c.dep_ == "poss" for c in noun.children):
        return []
    subjects, passive = _subjects(noun.head)
    if passive or not subjects:
        return []
    # "it posted a profit of $3bn", "the club posted a loss": resolution names the holder
    # a name NER left untagged is a name too ("Brumco had sales of $4bn")
    return subjects if all(s.ent_type_ in lex.entity_labels or s.lower_ in lex.words.thing_pronouns
                           or s.pos_ == "PROPN" and not s.ent_type_
                           or lex.classes.get(s.lemma_.lower()) == terms.ORGANIZATION
                           and any(c.dep_ == "det" for c in s.children)
                           for s in subjects) else []  # fmt: skip


def _currency(ent: Span) -> bool:
    doc = ent.doc
    toks = list(ent) + ([doc[ent.start - 1]] if ent.start > 0 else [])
    toks += [doc[ent.end]] if ent.end < len(doc) else []
    return any(t.is_currency or t.pos_ == "SYM" or t.lower_ in load_words().currency_words
               for t in toks)  # fmt: skip


def _on_noun(ent: Span, head: Token, lex: Lexicon) -> _Reading | None:
    """An amount on a noun: "an $11bn fraud", "sales of £118m", "grants worth £2m"."""
    w = lex.words
    if ent.label_ not in _NOUN_AMOUNT_LABELS:
        return None
    root = head if _is_scale(head) else _root(ent)  # "£2m": the amount itself
    name, rule = _TYPED[ent.label_], "noun-" + ent.label_.lower()
    if ent.label_ == MONEY and not _currency(ent):
        return None  # "two billion monthly users": NER's money with no currency
    if head.i != root.i and head.pos_ == "NOUN" and head.i >= ent.end:
        if head.lemma_.lower() in w.level_nouns or any(
            c.dep_ == "det" and c.lower_ in w.definite_determiners for c in head.children
        ):
            return None  # "the $1.90 level" is the amount; "the $110m project" is named before
        return _Reading(None, [head], name, rule, False)
    if root.dep_ == "pobj" and root.head.lower_ in w.quantity_of_prepositions:
        noun = root.head.head
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in w.amount_nouns:
            return _Reading(None, [noun], name, rule, False)
    gov = root.head if root.dep_ in {"npadvmod", "pobj"} else None
    if gov is not None and gov.lower_ in w.worth_words and gov.head.pos_ == "NOUN":
        return _Reading(None, [gov.head], gov.lower_, rule, False)  # "grants worth £2m"
    return None


def _subject_ok(s: Token, ent: Span) -> bool:
    """A count is said of a named or determined thing; an amount or a rate also of the
    plain noun it measures ("sales fell 5%"). A number ("one offering ...") or a word
    cut at its hyphen ("US co-" of "US co-productions") names nothing."""
    doc = s.doc
    if s.like_num or (s.i + 1 < len(doc) and doc[s.i + 1].text == "-" and not s.whitespace_):
        return False
    if s.ent_type_ in _NOUN_AMOUNT_LABELS:
        return False  # "the offer at 300p, which would value X at £800m": a value measures nothing
    if s.tag_ == "PRP$" and s.dep_ in fr.SUBJ:
        return False  # "HIS dropping 3.3%": a possessive is no subject; a name in capitals
    if s.ent_type_ or sx.is_pronoun(s):
        return True
    if s.pos_ == "PROPN" or any(c.dep_ in {"det", "poss"} for c in s.children):
        return True
    if s.pos_ == "NOUN" and any(c.dep_ in {"compound", "amod"} for c in s.children):
        return True  # "flash floods killed at least 40"
    return ent.label_ != CARDINAL and s.pos_ == "NOUN"


def _owner(s: Token) -> tuple[Token, Token] | None:
    """ "profits at media giant Telmora", "shares in Halvex": the preposition and the
    organisation or person whose the measured thing is."""
    lex = load_lexicon()
    w = lex.words
    owners = lex.labels_of(terms.ORGANIZATION, terms.PERSON)
    if s.ent_type_ or s.pos_ != "NOUN":
        return None
    lemma = s.lemma_.lower()
    if lemma in w.amount_nouns | w.change_nouns | w.place_measures or s.lower_ in w.amount_nouns:
        # any name owns a measure ("shares in Halvex United", whatever NER calls it;
        # "prices in Norvia"); a value does not ("sales in 2004")
        owners = lex.entity_labels
    for c in s.children:
        if c.dep_ != "prep" or c.i < s.i or c.lower_ not in lex.words.owner_prepositions:
            continue
        for o in (o for o in c.children if o.dep_ == "pobj"):
            # "at media giant Velmorex": the parser may make the name the apposition of
            # the noun before it
            named = [a for a in (*o.children, *s.children)
                     if a.dep_ == "appos" and a.i == o.i + 1]  # fmt: skip
            for t in (o, *named):
                # a name NER left untagged is a name too ("at media giant TimeWarner")
                if t.ent_type_ in owners or (t.pos_ == "PROPN" and not t.ent_type_):
                    return c, t
            if any(k.dep_ == "compound" and k.ent_type_ in owners for k in o.children):
                return c, o  # "at Halvex Capital merchant bank": the named bank
    return None


def _with_owner(s: Token, m: Mention | None) -> Mention | None:
    """The measured thing's phrase with its owner: "Quarterly profits at Telmora"."""
    found = _owner(s)
    if m is None or found is None:
        return m
    prep, owner = found
    name = sx.mention(owner, keep_preps=False)
    if name is None or m.end > prep.idx or name.start < prep.idx:
        return m
    span = s.doc.char_span(m.start, name.end, alignment_mode="expand")
    text = sx.phrase_text(list(span)) if span is not None else ""
    return Mention(text, m.start, name.end, m.label) if text else m


def _measured(s: Token, value: list[Token], *, bare: bool = False) -> Mention | None:
    """The measured thing's phrase, without the value said of it: "grants worth £2m" ->
    "grants", "at least 40 people" -> "people", "foreign investment of up to 100%" ->
    "foreign investment"."""
    # "the number of films", "the market for robots": an unnamed thing keeps what it is
    # of or for; not where it is ("a landslide in Sumatra")
    w = load_words()
    # "growth in farm output": what changed, not where ("growth in 2011": when)
    change = s.lemma_.lower() in w.change_nouns and not any(
        o.ent_type_ in load_lexicon().date_labels for c in s.children for o in c.children
    )
    keep = (
        not bare
        and not s.ent_type_
        and any(
            c.dep_ == "prep"
            and (
                c.lower_ in w.quantity_of_prepositions
                or c.lower_ not in w.locative_prepositions
                or change
                and c.lower_ in w.changed_prepositions
            )
            for c in s.children
        )
    )
    m = sx.mention(s, keep_preps=keep)
    if m is None or not value:
        return _with_owner(s, m)
    lo, hi = value[0].idx, value[-1].idx + len(value[-1])
    if m.end <= lo or m.start >= hi:
        return _with_owner(s, m)
    out = {t.i for v in value for t in v.subtree}
    for t in sx.phrase_tokens(s, keep_preps=keep):
        # the word that hangs the value on the thing: "worth", "of"
        if t.i != s.i and any(v.i in {d.i for d in t.subtree} for v in value):
            out |= {d.i for d in t.subtree}
    toks = [t for t in sx.phrase_tokens(s, keep_preps=keep) if t.i not in out]
    run = [t for t in toks if t.i <= s.i]
    keep: list[Token] = []
    for t in reversed(run):  # the unbroken run of words up to the head
        if keep and t.i != keep[-1].i - 1:
            break
        keep.append(t)
    keep.reverse()
    keep += [t for t in toks if t.i > s.i and t.i == (keep[-1].i + 1 if keep else -1)]
    text = sx.phrase_text(keep)
    if not text:
        return None
    return _with_owner(s, Mention(text, keep[0].idx, keep[-1].idx + len(keep[-1]), m.label))


def _clause_verb(tok: Token) -> Token | None:
    """The verb a noun is an argument of, whose polarity the noun's amount or date shares
    ("did not uncover a $3bn fraud"); none for an adjunct ("have not toured since his
    death in 1991": the death is no less real)."""
    t = tok
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.dep_ in fr.OBJ:
        t = t.head.head  # "a fee of €60m", the object of the verb
    if t.dep_ in _ARGUMENT_DEPS and t.head.pos_ in fr.VERBAL:
        return t.head
    return None


def _expected_figure(value: list[Token], lex: Lexicon) -> bool:
    """ "beat forecasts of £87m", "dashed hopes of a 1.5% rebound", "a predicted £12m":
    the figure is one someone expected or aimed at, under a noun that says so;
    read as the measure's own it would be stated as fact."""
    w = lex.words
    inside = {t.i for t in value}
    for t in value:
        if any(c.dep_ == "amod" and c.lemma_.lower() in w.expecting_verbs for c in t.children):
            return True  # "a predicted £12m"
    for a in value[-1].ancestors if value else ():
        if a.pos_ in fr.VERBAL:
            return False
        if a.i not in inside and a.pos_ == "NOUN" and a.lemma_.lower() in w.expectation_nouns:
            return True
    return False


def _forecast(clause: Token | None, modality: str, lex: Lexicon) -> str:
    """ "Halvex forecasts growth of 5%", "analysts predict 2%": the figure a forecasting
    verb states is expected, not so (the verb itself is asserted)."""
    if clause is None or modality != ASSERTED:
        return modality
    # "forecast growth of 3.6%, slipping to 2.9%": the participle's figure is forecast too
    verb, hops = clause, 0
    while True:
        if verb.lemma_.lower() in lex.words.expecting_verbs and not fr.is_passive(verb):
            return EXPECTED
        if not _participle(verb) or hops > 3:
            return modality
        verb, hops = _host(verb), hops + 1


def _weighed(clause: Token | None, modality: str, lex: Lexicon) -> str:
    """ "is considering a bid of $4bn", "plans a $2bn share sale": an amount on the
    object of a verb of weighing or intending is of a thing not done (hedged, planned),
    though the weighing itself is asserted."""
    if clause is None or modality != ASSERTED or fr.is_passive(clause):
        return modality
    lemma = clause.lemma_.lower()
    if lemma in lex.words.considering_verbs:
        return HEDGED
    return PLANNED if lemma in lex.words.intention_verbs else modality


def _absolute(clause: Token | None, modality: str, ctx: Context) -> str:
    """ "X is expected to cool, with inflation easing from 6% to 4%": a clause after
    "with" is said as the clause it hangs on is (expected), not as a fact of its own."""
    if clause is None or modality != ASSERTED or clause.dep_ != "pcomp":
        return modality
    prep, w = clause.head, ctx.lexicon.words
    gov = prep.head
    if prep.lower_ not in w.absolute_prepositions or gov.pos_ not in fr.VERBAL or gov.i == prep.i:
        return modality
    if gov.lemma_.lower() in w.expecting_verbs and fr.is_passive(gov):
        return EXPECTED  # "is expected to cool, with ...": the forecast's own
    return ctx.modality(gov)


def _facts(ctx: Context, ent: Span, reading: _Reading, value: list[Token]) -> Iterator[Fact]:
    verb = reading.verb
    text = _text(value)
    if not text or _expected_figure(value, ctx.lexicon):
        return
    trigger = verb if verb is not None else _root(ent)
    # an amount on a noun holds as its clause does: "did not uncover a $3bn fraud"
    # "wants to have sales of $4bn": the clause of the amount's noun, not of its holder
    clause = (
        verb
        if verb is not None
        else (_clause_verb(_root(ent)) or _clause_verb((reading.measured or [trigger])[0]))
    )
    negated = ctx.negated(clause) if clause is not None else False
    # "would need not 350 people but 150": the amount itself is denied
    negated = negated or any(c.dep_ == "neg" for t in value for c in t.children)
    modality = _forecast(clause, ctx.modality(clause), ctx.lexicon) if clause is not None \
        else ASSERTED  # fmt: skip
    modality = _absolute(clause, modality, ctx)
    if verb is None:
        modality = _weighed(clause, modality, ctx.lexicon)
    own = not reading.counted and reading.rule == "passive-count"
    copula = verb is not None and verb.lemma_.lower() in ctx.lexicon.words.copulas
    compared = copula and ent.label_ == CARDINAL
    for s in reading.measured:
        if s.i in range(ent.start, ent.end) or not (own or _subject_ok(s, ent)):
            continue
        if compared and any(c.dep_ == "nummod" and _numeric(c) for c in s.children):
            continue  # "the 337,000 new jobs was twice the 169,000 figure": two counts compared
        subj = _measured(s, value, bare=reading.bare)
        if subj is not None and subj.text:
            yield sx.make_fact(subj, reading.name, text, trigger, negated=negated,
                               modality_=modality, rule=reading.rule)  # fmt: skip


def _reading(ent: Span, head: Token, lex: Lexicon, toks: list[Token]) -> _Reading | None:
    if ent.label_ == MONEY and head.pos_ == "NOUN" and head.i >= ent.end \
            and not _is_scale(head):  # fmt: skip
        # "uncovered a $3bn fraud": the fraud's amount; "a $2bn drop in debt": the debt's
        return _on_change_noun(ent, head, lex) or _on_noun(ent, head, lex)
    return _on_verb(ent, head, lex, toks) or _on_noun(ent, head, lex)


def _converted(ent: Span) -> bool:
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and (doc[i].pos_ == "SYM" or doc[i].is_currency):
        i -= 1
    return i > 0 and doc[i].text in _OPEN and any(_numeric(t) for t in doc[max(0, i - 3) : i])


def _split(ent: Span) -> list[Span]:
    """ "10cm to 130cm" in one entity: the change and the new level, apart."""
    doc = ent.doc
    for t in ent:
        if t.lower_ in load_words().change_prepositions and t.i > ent.start and \
                doc[t.i - 1].lower_ != "up" and t.i + 1 < ent.end:  # fmt: skip
            return [Span(doc, ent.start, t.i, label=ent.label_),
                    Span(doc, t.i + 1, ent.end, label=ent.label_)]  # fmt: skip
    return [ent]


def _uncurrency(ent: Span) -> Span:
    """ "has more than two billion monthly users": NER's money with no currency sign or
    word in or beside it is a count."""
    if ent.label_ != MONEY or _currency(ent):
        return ent
    return Span(ent.doc, ent.start, ent.end, label=CARDINAL)


def _currency_noun(ent: Span) -> Span:
    """ "a loss of 31m euros": NER's count before a currency word is an amount, the
    word its unit."""
    doc = ent.doc
    i = ent.end
    while i < len(doc) and _is_scale(doc[i]):
        i += 1
    if ent.label_ != CARDINAL or i >= len(doc) or doc[i].lower_ not in load_words().currency_words:
        return ent
    return Span(doc, ent.start, i + 1, label=MONEY)


def _amounts(ctx: Context) -> list[Span]:
    """NER's values, and amounts it missed after a currency sign ("fined X €1.8bn")."""
    ents = [_currency_noun(_uncurrency(part)) for e in ctx.ents for part in _split(e)]
    taken = {i for e in ents for i in range(e.start, e.end)}
    doc = ctx.doc
    # a currency sign is a token of currency symbols (spaCy's is_currency): look at those
    signs = (i for i, low in enumerate(ctx.lowers) if low and unicodedata.category(low[0]) == "Sc")
    for tok in (ctx.tokens[i] for i in signs):
        nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
        if tok.is_currency and nxt is not None and nxt.i not in taken \
                and _AMOUNT.match(nxt.text) and not tok.whitespace_:  # fmt: skip
            ents.append(Span(doc, nxt.i, nxt.i + 1, label=MONEY))
    return sorted(ents, key=lambda e: e.start)


def _code(ent: Span, lex: Lexicon) -> bool:
    """ "its 3G phones", "the A380": a number glued to letters that are no scale or unit
    names a model or a standard; it counts nothing."""
    doc = ent.doc
    for t in ent:
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        glued = nxt is not None and not t.whitespace_ and nxt.is_alpha and not _is_scale(nxt)
        if t.like_num and glued and nxt.lower_ not in lex.words.fraction_words:
            return True
    return False


def _hyphened(ent: Span) -> bool:
    """ "the four-wheel truck", "the 20-member union": a number hyphened to a noun
    makes an adjective of it; it counts nothing, though a verb's object it is part of
    ("will make six-cylinder engines") is still the verb's."""
    doc = ent.doc
    t = doc[ent.end - 1]
    nxt, after = (doc[t.i + 1], doc[t.i + 2]) if t.i + 2 < len(doc) else (None, None)
    return (
        t.like_num
        and nxt is not None
        and nxt.text == "-"
        and not t.whitespace_
        and not nxt.whitespace_
        and after.pos_ == "NOUN"
        and after.dep_ in {"compound", "amod"}
    )


def _starting(ent: Span, lex: Lexicon) -> bool:
    """The amount is a starting level: "up from 4%", "rose to 5% from 4%"."""
    t = _root(ent)
    for _ in range(3):
        if t.dep_ == "pobj" and t.head.lower_ in lex.words.starting_prepositions:
            return True
        if t.dep_ not in _COUNT_DEPS or t.head.i == t.i:
            return False
        t = t.head
    return False


def _rate_sized(verb: Token, ent: Span, lex: Lexicon) -> bool:
    """The verb's change is given as a rate ("grew 15.7%", "rose by 4.3%", "grew at
    4.6%", "were 11.8% higher"), not as a new level ("slowed to 0.3%")."""
    levels = lex.words.change_prepositions - lex.words.change_size_prepositions
    inside = range(ent.start, ent.end)
    copula = verb.lemma_.lower() in lex.words.copulas
    doc = verb.doc
    for t in verb.subtree:
        if t.ent_type_ != PERCENT or t.i in inside or not _numeric(t):
            continue
        if copula and t.head.i == verb.i or t.head.head.i == verb.i and t.head.dep_ == "attr":
            continue  # "growth was 1.1%, up from 0.3%": a rate's level
        if any(d.lower_ in levels for d in doc[max(0, t.i - 2) : t.i]):
            continue  # "went up to 5.5%", one number to the parser: a level
        up, hops = t, 0
        while up.i != verb.i and hops < 4 and up.pos_ not in fr.VERBAL:
            if up.dep_ == "pobj" and up.head.lower_ in levels or up.lower_ in levels:
                break
            if up.dep_ == "conj":
                break  # "up from 0.3% in 2003 and 0.4% in 2002": a list repeats its role
            up, hops = up.head, hops + 1
        if up.i == verb.i:
            return True
    return False


def _earlier_rate(ent: Span, reading: _Reading, lex: Lexicon) -> bool:
    """ "output grew 15.7%, down from 23%", "prices were 11.8% higher, down from 16.3%":
    after a change given as a rate, a percentage it is up or down from is the earlier
    rate of change, not a level of the thing; said of the thing it would be false."""
    verb = reading.verb
    return (
        verb is not None
        and ent.label_ == PERCENT
        and _starting(ent, lex)
        and _rate_sized(verb, ent, lex)
    )


def _named_singular(ent: Span, head: Token, lex: Lexicon) -> bool:
    """ "a rival to Brumco's 747 line", "the 3 series": a number before a singular noun
    names a model or a series, it counts nothing (a count of more than one takes a
    plural noun)."""
    return (
        ent.label_ == CARDINAL
        and head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and head.i >= ent.end
        and head.i == _root(ent).i + 1
        and bool(_root(ent).whitespace_)  # "3km/h": a unit glued to its number
        and not _is_scale(head)
        and not _is_scale(_root(ent))  # "59.2 trillion rupiah": a model has no scale
        and not _single(ent, lex)
        and not any(t.lower_ in lex.words.fraction_words for t in ent)
        and head.lemma_.lower() not in lex.words.collective_nouns | lex.words.level_nouns
        and head.lower_ not in lex.words.currency_words
    )


def _measures(ctx: Context) -> Iterator[Fact]:
    lex = ctx.lexicon
    seen: set[int] = set()
    measured = lex.quantity_labels - lex.words.unmeasured_labels
    for ent in _amounts(ctx):
        if ent.label_ not in measured or _SCORE.match(ent.text.strip()):
            continue
        if _single(ent, lex) or any(t.lower_ in lex.words.rank_nouns for t in ent):
            continue  # "one of its plants"; "number one" is a rank
        if not any(_numeric(t) for t in ent):
            continue  # "up to" alone: the number is the next entity's
        if _converted(ent) or (ent.label_ == CARDINAL and _code(ent, lex)):
            continue  # "£200m ($376m)": the conversion repeats the amount; "3G phones"
        head = _quantity_head(_root(ent))
        key = head.i if head.pos_ == "NOUN" and not _is_scale(head) else -1 - ent.start
        if key in seen:
            continue  # two numbers of one count: "two million" split by NER
        seen.add(key)
        toks = _number_tokens(ent, lex)
        reading = _reading(ent, head, lex, toks)
        if reading is None or (_hyphened(ent) and reading.rule != CARDINAL.lower()) \
                or _earlier_rate(ent, reading, lex) or _named_singular(ent, head, lex):  # fmt: skip
            continue
        if (
            ent.label_ == CARDINAL
            and head.pos_ != "NOUN"
            and (
                reading.rule == "cardinal"
                or reading.rule == "prep-cardinal"
                and not reading.name.endswith(_CHANGE_SUFFIXES)
            )
        ):
            continue  # a bare number says nothing on its own, but as a level ("fell to 81")
        fraction_only = all(
            t.lower_ in lex.words.fraction_words for t in ent if _numeric(t) and t.text.isalpha()
        ) and not any(c.isdigit() for c in ent.text)
        if fraction_only and reading.rule != "change" \
                and not reading.name.endswith(_CHANGE_SUFFIXES):  # fmt: skip
            continue  # "left a third of the stations dry"; "cut it by a quarter" is a change
        if any(c.dep_ in {"predet", "det"} and c.lower_ in lex.words.whole_set_words
               for c in head.children):  # fmt: skip
            continue  # "used all three substitutes": the whole set, not a measure
        value = _value_tokens(ent, head, lex, counted=reading.counted)
        if reading.rule == "measure":  # "130cm tall": the adjective is the fact's name
            value = [t for t in value if t.pos_ != "ADJ" or t.i < head.i - 1]
        yield from _facts(ctx, ent, reading, value)


def _age(ctx: Context) -> Iterator[Fact]:
    """ "Lena Moritz, 22," and "the 22-year-old Moritz" -> (Moritz, age, "22")."""
    persons = ctx.lexicon.labels_of(PERSON_CLASS)
    doc = ctx.doc
    for tok in (ctx.tokens[i] for i, low in enumerate(ctx.lowers) if low.isdecimal()):
        ascii_number = tok.text.isascii() and tok.text.isdecimal()  # not "²"
        if not (tok.like_num and ascii_number and 0 < int(tok.text) < 120):
            continue
        person = None
        nxt = doc[tok.i + 1 : tok.i + 5]
        if "".join(t.lower_ for t in nxt) == "-year-old":
            noun = nxt[-1].head
            if nxt[-1].dep_ == "amod" and noun.pos_ == "PROPN":  # a name said to be of an age
                person = noun
        elif tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and \
                tok.head.ent_type_ in persons and tok.i > 0 and \
                doc[tok.i - 1].text == "," and tok.i + 1 < len(doc) and \
                doc[tok.i + 1].is_punct:  # fmt: skip
            person = tok.head
        if person is None:
            continue
        subj = sx.mention(person, keep_preps=False)
        if subj is not None:
            yield sx.make_fact(subj, AGE, tok.text, tok, rule=AGE)


def _ordinal(tok: Token, w) -> bool:
    return bool(_ORDINAL.match(tok.lower_)) or tok.lower_ in w.ordinal_words


def _rank_phrase(tok: Token, w) -> list[Token]:
    """ "number one", "No 1"; a bare ordinal ("from fifth to 14th", "in second"); an
    ordinal on a noun with no determiner ("into third place", not "the third quarter")."""
    doc = tok.doc
    if tok.lower_ in w.rank_nouns and tok.i + 1 < len(doc) and doc[tok.i + 1].like_num:
        return [tok, doc[tok.i + 1]]
    if not _ordinal(tok, w):
        return []
    if tok.dep_ == "pobj":
        return [tok]
    noun = tok.head
    if noun.dep_ == "pobj" and tok.i + 1 == noun.i and \
            not any(c.dep_ in {"det", "poss"} for c in noun.children):  # fmt: skip
        return [tok, noun]
    return []


def _rank_verb(rank: list[Token], prev: Token) -> Token | None:
    """The verb the rank phrase hangs on, past the words of the phrase itself."""
    verb = prev.head if prev.dep_ == "prep" else rank[0].head
    inside = {t.i for t in rank}
    while verb.i in inside or verb.pos_ not in fr.VERBAL:
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return verb if verb.pos_ in fr.VERBAL else None


def _ranks(ctx: Context) -> Iterator[Fact]:
    """ "went to number one", "fell from fifth to 14th", "was in second"."""
    lex = ctx.lexicon
    w = lex.words
    # the words a rank phrase starts with: a rank noun or an ordinal
    starts = {t.i for t in ctx.with_words(lowers=w.rank_nouns | w.ordinal_words)}
    starts.update(i for i, low in enumerate(ctx.lowers) if _ORDINAL.match(low))
    for tok in (ctx.tokens[i] for i in sorted(starts)):
        rank = _rank_phrase(tok, w)
        first = rank[0] if rank else tok
        prev = ctx.doc[first.i - 1] if first.i > 0 else None
        if not rank or prev is None or prev.lower_ not in w.rank_prepositions:
            continue
        verb = _rank_verb(rank, prev)
        if verb is None:
            continue
        subjects, passive = _subjects(verb)
        name = RANK
        if verb.lemma_.lower() not in w.copulas:
            obj = _participant(verb, lex)
            if obj is not None and obj.i < first.i and prev.lower_ in w.resultative_prepositions:
                # "knocked X into third place": X's rank; "last week's number one, X": X
                named = [c for c in obj.children if c.dep_ == "appos" and c.ent_type_]
                subjects = named or [obj]
            name = sx.camel(_verb_name(verb, passive), prev.lower_)
        text = sx.phrase_text(rank)
        inside = {t.i for t in rank}
        for s in subjects:
            subj = sx.mention(s, keep_preps=False)
            if subj is not None and subj.text and s.i not in inside:
                yield sx.make_fact(subj, name, text, verb, negated=ctx.negated(verb),
                                   modality_=ctx.modality(verb), rule="rank")  # fmt: skip


def _calendar(ent: Span, w) -> bool:
    """A date on the calendar ("December 2015", "4 November", "in 1991"), not "Monday"
    or "last week", which the time stage resolves against the article's date."""
    year = any(t.text.isdigit() and len(t.text) == 4 for t in ent)
    month = any(t.lower_ in w.month_names for t in ent)
    day = any(t.text.isdigit() and len(t.text) <= 2 for t in ent)
    return year or (month and day)


def _light_name(verb: Token, passive: bool) -> str:
    """The verb with a bare noun object that completes it: "took effect" -> takeEffect;
    a vague verb with any noun object: "had talks with X" -> haveTalks."""
    vague = verb.lemma_.lower() in load_words().date_vague_verbs
    bare = [o for o in fr.objects(verb) if o.pos_ == "NOUN" and (vague or not list(o.children))]
    return " ".join([_verb_name(verb, passive), *(o.lower_ for o in bare[:1])])


def _event_before(prep: Token, w) -> Token | None:
    """An event noun whose phrase ends just before the date, whatever the parser hung the
    date on: "mourned the singer's death in 1994" -> the death's date."""
    if prep.i == 0:
        return None
    left = prep.doc[prep.i - 1]
    for n in [left, *left.ancestors]:
        if n.pos_ == "NOUN" and n.lemma_.lower() in w.event_nouns:
            return n if n.right_edge.i == left.i else None
        if n.pos_ in fr.VERBAL:
            return None
    return None


def _measured_clause(verb: Token, lex: Lexicon) -> bool:
    """A change with its size or level ("fell 40%", "swell from 81,000 to 106,000"):
    a date there is the period measured."""
    w = lex.words
    for c in verb.children:
        if c.ent_type_ == PERCENT or c.lower_ in w.change_adverbs:
            return True
        if c.dep_ == "prep" and c.lower_ in w.change_prepositions | w.change_size_prepositions \
                and any(_numeric(g) for g in c.subtree):  # fmt: skip
            return True
    return False


def _no_event(gov: Token, lex: Lexicon) -> bool:
    """What a date hangs on when it dates no event: the period of a measure ("fell 40% in
    2004"), a copula, an aspect ("is set for growth in 2005"), a state short of an event
    ("on the brink of collapse in 2001")."""
    w = lex.words
    if gov.pos_ in fr.VERBAL:
        lemma = gov.lemma_.lower()
        if lemma in w.copulas or _measured_clause(gov, lex):
            return True
        return lemma in w.date_vague_verbs and not any(o.pos_ == "NOUN" for o in fr.objects(gov))
    return gov.pos_ == "NOUN" and _unrealised(gov, w)


def _unrealised(noun: Token, w) -> bool:
    """An event noun under "the brink of", "the threat of": the event did not happen."""
    prep = noun.head
    unrealised = prep.head.lemma_.lower() in w.unrealised_nouns
    return noun.dep_ == "pobj" and prep.lower_ == "of" and unrealised


def _dates(ctx: Context) -> Iterator[Fact]:
    """ "adopted in December 2015", "took effect on November 4, 2016", "Mercury's death in
    1991": a calendar date after "in" or "on", said of the event the verb or noun names."""
    lex = ctx.lexicon
    w = lex.words
    for ent in ctx.ents:
        if ent.label_ not in lex.date_labels or not _calendar(ent, w):
            continue
        root = ent.root
        prep = root.head
        if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in w.date_prepositions:
            continue
        if not (root.text.isdigit() or root.lower_ in w.month_names):
            continue  # "the final three months of 2004": a period, not a date
        gov = _event_before(prep, w) or prep.head
        toks = [t for t in ent if t.i <= root.i or t.head.i == root.i and t.dep_ != "cc"]
        while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
            toks.pop()
        text = _text([t for t in toks if t.lower_ not in {"the"}])
        if _no_event(gov, lex):
            continue
        if gov.pos_ in fr.VERBAL:
            subjects, passive = _subjects(gov)
            # named by the verb alone ("born", "took effect"): with its preposition it
            # would be a place's relation ("born in Dundee")
            name, verb = sx.camel(_light_name(gov, passive)), gov
            if name == gov.lemma_.lower() and _completed(gov):
                continue  # "imposed new standards in 2005": the clause's fact, dated
        elif gov.pos_ == "NOUN" and gov.lemma_.lower() in w.event_nouns:
            # the date of a death holds whatever the clause says of it
            subjects, name, verb = [gov], DATE, None
        else:
            continue
        for s in subjects:
            subj = _measured(s, []) if verb is None else sx.mention(s, keep_preps=False)
            if subj is None or not subj.text or s.i in range(ent.start, ent.end) \
                    or _nothing(s, lex):  # fmt: skip
                continue
            yield sx.make_fact(subj, name, text, gov,
                               negated=ctx.negated(verb) if verb is not None else False,
                               modality_=ctx.modality(verb) if verb is not None else "asserted",
                               rule=DATE)  # fmt: skip


def _nothing(head: Token, lex: Lexicon) -> bool:
    """ "under 5 was expected in 2004", "one hinted on 16 March": a number, or a head
    that names no thing of its own (``quantifier_heads``), is no event's subject."""
    return head.like_num or head.ent_type_ in lex.value_labels or \
        head.lower_ in lex.words.quantifier_heads  # fmt: skip


def _completed(verb: Token) -> bool:
    """A verb with an object or a complement ("imposed standards", "became president"):
    a date said of it dates that act, which (verb, date) alone would not say."""
    return any(c.dep_ in {"dobj", "attr", "oprd", "dative", "acomp"} for c in verb.children)


def quantity_facts(ctx: Context) -> Iterator[Fact]:
    """Quantities, ages, ranks and calendar dates, each said of the thing it measures."""
    yield from _measures(ctx)
    yield from _age(ctx)
    yield from _ranks(ctx)
    yield from _dates(ctx)
