"""Matches and awards -> who beat whom, who plays whom, who won what.

"Wales beat England 11-9" -> (Wales, beats, England) (the clause extractor's, by the
ontology's trigger verbs) and (Wales, score, "11-9"); "Chelsea's 1-0 defeat by Newcastle"
-> (Chelsea, lostTo, Newcastle), (Chelsea, score, "1-0"); "the French stuttered to wins
over Scotland" -> (France, beats, Scotland); "France play Ireland on Saturday" and
"Chelsea face Porto in the final" -> (France, playsAgainst, Ireland). "X was named best
actress" and "the award went to X" -> (X, wins, best actress); "their induction into
the Hall of Fame" -> inductedInto.

The result nouns, the verbs that take a result ("suffered a defeat", "slumped to a
loss"), the nouns that make a sentence a match report and the words of awards are word
lists in ``kg/data/lexicon.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from ..model import Fact, Mention
from ..ontology import KG, local_name
from . import frames as fr
from . import syntax as sx
from .context import Context
from .factuality import ASSERTED

BEATS, LOST_TO, PLAYS_AGAINST, SCORE, WINS, INDUCTED_INTO = (
    local_name(p)
    for p in (KG.beats, KG.lostTo, KG.playsAgainst, KG.score, KG.wins, KG.inductedInto)
)
_DASHES = {"-", "\u2013", "\u2010", "\u2011"}
_SCORE = re.compile(r"^(\d{1,3})[-\u2013](\d{1,3})$")


def _side(ctx: Context, tok: Token) -> bool:
    """A team, a country or a club as a side of a match (never a person or a place
    NER calls a facility)."""
    return tok.ent_type_ in ctx.lexicon.words.side_labels or sx.is_pronoun(tok)


def _named_side(ctx: Context, tok: Token) -> bool:
    """A side's name: tagged as one, or a country or home nation the gazetteer knows
    that the small model tagged as a mere place ("wins over Scotland")."""
    if tok.ent_type_ in ctx.lexicon.words.side_labels:
        return True
    ref = ctx.refs.by_token.get(tok.i)
    return tok.ent_type_ == "LOC" and ref is not None and ref.qid is not None \
        and ref.rule.startswith("gazetteer")  # fmt: skip


def _score_at(doc, i: int) -> tuple[str, int, int] | None:
    """The score line starting at token i: "3-1" (one token or three), as (text,
    first token, last token)."""
    if i < 0 or i >= len(doc):
        return None
    m = _SCORE.match(doc[i].text)
    if m:
        return f"{m[1]}-{m[2]}", i, i
    if i + 2 < len(doc) and doc[i].text.isdigit() and doc[i + 1].text in _DASHES \
            and doc[i + 2].text.isdigit() and len(doc[i].text) <= 3 \
            and len(doc[i + 2].text) <= 3 and not doc[i + 1].whitespace_:  # fmt: skip
        return f"{doc[i].text}-{doc[i + 2].text}", i, i + 2
    return None


def _score_before(doc, noun: Token) -> str | None:
    """ "a 1-0 defeat", "their narrow 2-1 win": the score among the noun's modifiers."""
    i = noun.i - 1
    while i >= 0 and doc[i].pos_ in {"ADJ", "ADV"}:
        i -= 1
    for start in (i, i - 2):
        found = _score_at(doc, start)
        if found is not None and found[2] == i:
            return found[0]
    return None


def _score_after(doc, tok: Token) -> str | None:
    """ "beat England 11-9", "lost 2-0 to Wales": the score right after the verb or its
    object."""
    found = _score_at(doc, tok.i + 1)
    return found[0] if found else None


def _fact(subj_tok: Token, prop: str, obj: Mention | str, trigger: Token, ctx: Context,
          modal: Token | None, rule: str) -> Fact | None:  # fmt: skip
    subj = sx.mention(subj_tok, keep_preps=False)
    if subj is None or (isinstance(obj, Mention) and obj.text == subj.text):
        return None
    negated = ctx.negated(modal) if modal is not None else False
    modality = ctx.modality(modal) if modal is not None else ASSERTED
    return sx.make_fact(subj, prop, obj, trigger, negated=negated, modality_=modality,
                        rule=rule)  # fmt: skip


def _side_facts(ctx: Context, side: Token, prop: str, others: list[Token], score: str | None,
                trigger: Token, modal: Token | None, rule: str) -> Iterator[Fact]:  # fmt: skip
    """A side's result against each other side, and the score it had, if any."""
    for o in others:
        obj = sx.mention(o, keep_preps=False)
        fact = _fact(side, prop, obj, trigger, ctx, modal, rule) if obj else None
        if fact is not None:
            yield fact
    if score and _side(ctx, side):
        fact = _fact(side, SCORE, score, trigger, ctx, modal, "score")
        if fact is not None:
            yield fact


# ------------------------------------------------------------------ results as nouns


def _result_agents(ctx: Context, noun: Token) -> tuple[list[Token], Token | None]:
    """Who had the result a noun names: its possessor ("Chelsea's defeat"), else the
    subject of a verb that takes a result ("suffered a defeat", "slumped to a loss"),
    with that verb for polarity and modality."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return sx.conjuncts(poss[0]), None
    gov = fr.governing_clause(noun)
    if gov is None or gov[0].lemma_.lower() not in ctx.lexicon.words.result_verbs:
        return [], None
    return fr.subjects(gov[0]), gov[0]


def _opponents(ctx: Context, noun: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for c in noun.children:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        for o in c.children:
            if o.dep_ != "pobj":
                continue
            for m in sx.conjuncts(o):
                if _named_side(ctx, m):  # "defeat at Wembley" names no side
                    out.append(m)
    return out


def _stranded_opponents(ctx: Context, noun: Token, preps: frozenset[str]) -> list[Token]:
    """ "stuttered to narrow wins over Scotland and then England": the parser hangs the
    opponent's preposition on the verb that takes the result, and a second opponent
    after "and then" on that verb as a conjunct; both are the result noun's."""
    gov = fr.governing_clause(noun)
    if gov is None or gov[0].lemma_.lower() not in ctx.lexicon.words.result_verbs:
        return []
    verb = gov[0]
    found = [m for p, o in fr.prep_objects(verb) if p.lower_ in preps and p.i > noun.i
             for m in sx.conjuncts(o) if _named_side(ctx, m)]  # fmt: skip
    if found:
        found += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                  and _named_side(ctx, c) and c.i > found[-1].i]  # fmt: skip
    return found


def _noun_results(ctx: Context) -> Iterator[Fact]:
    w = ctx.lexicon.words
    kinds = (
        (w.win_nouns, w.win_prepositions, BEATS),
        (w.loss_nouns, w.loss_prepositions, LOST_TO),
        (w.draw_nouns, w.draw_prepositions, PLAYS_AGAINST),
    )
    results = w.win_nouns | w.loss_nouns | w.draw_nouns
    for noun in ctx.with_words(lemmas=results, pos={"NOUN"}):
        if noun.ent_type_:
            continue
        lemma = noun.lemma_.lower()
        for nouns, preps, prop in kinds:
            if lemma not in nouns:
                continue
            opponents = _opponents(ctx, noun, preps) or _stranded_opponents(ctx, noun, preps)
            score = _score_before(noun.doc, noun)
            # "Chelsea's 1-0 defeat at St James' Park": a score is a result with no
            # opponent named
            agents, modal = _result_agents(ctx, noun) if opponents or score else ([], None)
            for a in agents:
                yield from _side_facts(ctx, a, prop, opponents, score, noun, modal, "result-noun")


# ------------------------------------------------------------------ results as verbs


def _losses(ctx: Context) -> Iterator[Fact]:
    """ "England lost 11-9 to Wales": a side lost to a side (not "lost Robben to
    injury": a loss of something is no defeat)."""
    w = ctx.lexicon.words
    for verb in ctx.verbs:
        if verb.lemma_.lower() not in w.loss_verbs or fr.is_passive(verb):
            continue
        if any(not _is_score(o) for o in fr.objects(verb)):
            continue
        winners = [o for p, o in fr.prep_objects(verb) if p.lower_ in w.loss_verb_prepositions
                   and o.ent_type_ in w.side_labels]  # fmt: skip
        score = _score_after(verb.doc, verb)
        for s_head in fr.subjects(verb) if winners else ():
            yield from _side_facts(ctx, s_head, LOST_TO, winners, score, verb, verb, "lose-to")


def _is_score(tok: Token) -> bool:
    """A number of a score line ("2-0": its first number), or the score token."""
    doc = tok.doc
    return any(_score_at(doc, i) for i in (tok.i, tok.i - 2)) or tok.like_num


def _verb_scores(ctx: Context) -> Iterator[Fact]:
    """The score of a result verb ("beat England 11-9", "lost 2-0 to Wales", "drew 1-1
    with Spain"), for its subject."""
    results = {BEATS, PLAYS_AGAINST}
    for frame in ctx.frames(fr.EVENT):
        if not any(a.prop in results for a in frame.args):
            continue
        verb = frame.pred
        objs = [a.head for a in frame.args if a.role == "object"]
        score = _score_after(verb.doc, verb) or next(
            (s for o in objs if (s := _score_after(verb.doc, o))), None
        )
        for s_head in frame.subjects if score else ():
            if _side(ctx, s_head):
                fact = _fact(s_head, SCORE, score, verb, ctx, verb, "score")
                if fact is not None:
                    yield fact


def _match_report(ctx: Context, verb: Token) -> bool:
    """A sentence about a match: it names one ("in the final", "the Champions League
    tie") or gives a score."""
    sent = verb.sent
    w = ctx.lexicon.words
    if any(t.lemma_.lower() in w.match_nouns for t in sent):
        return True
    return any(_score_at(verb.doc, t.i) for t in sent)


def _team(ctx: Context, tok: Token) -> Token | None:
    """The side a subject names: "France", or the name in "whose Chelsea team"."""
    if tok.ent_type_ in ctx.lexicon.words.side_labels:
        return tok
    if tok.lemma_.lower() in ctx.lexicon.words.team_nouns:
        names = [c for c in tok.children if c.dep_ == "compound"
                 and c.ent_type_ in ctx.lexicon.words.side_labels]  # fmt: skip
        return names[0] if names else None
    return None


def _fixture_opponents(ctx: Context, verb: Token) -> list[Token]:
    """Whom a side plays: the verb's named objects, and the object of "against" on the
    verb or on a match noun under it ("play their hardest game against Ireland")."""
    w = ctx.lexicon.words
    out = [o for o in fr.objects(verb) if o.ent_type_ in w.side_labels]
    for t in verb.subtree:
        if (
            t.dep_ == "prep"
            and t.lower_ in w.fixture_prepositions
            and (t.head.i == verb.i or t.head.lemma_.lower() in w.match_nouns)
        ):
            out += [m for o in t.children if o.dep_ == "pobj"
                    for m in sx.conjuncts(o) if m.ent_type_ in w.side_labels]  # fmt: skip
    return out


def _gapped_opponents(ctx: Context, verb: Token) -> list[Token]:
    """ "meet Barcelona in the Champions League and Liverpool in the Cup final": a second
    opponent with its own phrase, the verb left out, which the parser coordinates with
    the first phrase's noun. It must follow a named object and come before a second
    phrase of the same preposition on the verb."""
    if not any(_named_side(ctx, o) for o in fr.objects(verb)):
        return []
    preps = [c for c in verb.children if c.dep_ == "prep"]
    out = []
    for p in preps:
        for o in (g for g in p.children if g.dep_ == "pobj"):
            for m in sx.conjuncts(o)[1:]:
                again = any(q.lower_ == p.lower_ and q.i > m.i for q in preps)
                if (
                    again
                    and m.pos_ == "PROPN"
                    and _named_side(ctx, m)
                    and m.n_lefts + m.n_rights == 0
                ):
                    out.append(m)
    return out


def _fixtures(ctx: Context) -> Iterator[Fact]:
    """ "France play Ireland on Saturday"; "Chelsea face Porto in the final" ("face" and
    "meet" only in a sentence about a match)."""
    w = ctx.lexicon.words
    for verb in ctx.verbs:
        lemma = verb.lemma_.lower()
        if lemma not in w.fixture_verbs or fr.is_passive(verb):
            continue
        if lemma not in w.sport_verbs and not _match_report(ctx, verb):
            continue
        sides = [t for t in (_team(ctx, s) for s in fr.subjects(verb)) if t is not None]
        opponents = _fixture_opponents(ctx, verb) + _gapped_opponents(ctx, verb) if sides else []
        for s in sides:
            for o in opponents:
                obj = sx.mention(o, keep_preps=False)
                if obj is not None:
                    fact = _fact(s, PLAYS_AGAINST, obj, verb, ctx, verb, "match-fixture")
                    if fact is not None:
                        yield fact


# ------------------------------------------------------------------ awards


def _award(ctx: Context, tok: Token) -> bool:
    """An award as the text words it: "best actress", "most promising newcomer",
    "player of the year", "the Golden Lion award"."""
    w = ctx.lexicon.words
    if tok.lemma_.lower() in w.award_nouns:
        return True
    for c in tok.children:
        if c.dep_ == "amod" and (
            c.lower_ in w.award_superlatives
            or any(a.dep_ == "advmod" and a.lower_ in w.award_superlatives for a in c.children)
        ):
            return True  # fmt: skip
        if (
            c.dep_ == "prep"
            and c.lower_ in w.partitive_prepositions
            and any(o.dep_ == "pobj" and o.lemma_.lower() in w.award_periods for o in c.children)
        ):
            return True
    ent = sx.ent_span(tok)
    return ent is not None and any(t.lemma_.lower() in w.award_nouns for t in ent)


def _split_award(ctx: Context, tok: Token) -> Token | None:
    """ "named ITV London Most Promising Newcomer Award": the parser cuts an award's
    name after a place in it and hangs the rest on the place as an apposition; the
    award noun that ends it, right after, names the award (without the place, which
    would make the whole read as the place's name)."""
    nouns = ctx.lexicon.words.award_nouns
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.lemma_.lower() in nouns \
                and c.left_edge.i == tok.i + 1:  # fmt: skip
            return c
    return None


def _award_mention(ctx: Context, noun: Token) -> Mention | None:
    """The award's words with an "of" phrase ("player of the year"), without what it
    was for ("best actor for his role")."""
    split = _split_award(ctx, noun)
    # the award's own words after the place: the whole would read as the place's name
    toks = list(split.subtree) if split is not None else sx.phrase_tokens(noun, keep_preps=False)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ctx.lexicon.words.partitive_prepositions:
            toks += list(c.subtree)
    toks = sorted(toks, key=lambda t: t.i)
    text = sx.phrase_text(toks)
    if not text:
        return None
    return Mention(text=text, start=toks[0].idx, end=toks[-1].idx + len(toks[-1]))


def _holder_read_as_conjunct(verb: Token) -> list[Token]:
    """ "X was named best film and Staunton, who played Y, was named best actress": the
    parser coordinates the second clause's subject with the first clause's award and
    leaves the second "named" without one; that name is who it names."""
    if verb.dep_ != "conj" or any(c.dep_ in fr.PASS_SUBJ for c in verb.children):
        return []
    first = verb.head
    return [m for c in first.children if c.dep_ in {"oprd", "attr"}
            for m in sx.conjuncts(c)[1:] if m.ent_type_ == "PERSON" and m.i < verb.i]  # fmt: skip


def _passive_holders(verb: Token) -> list[Token]:
    """Who was named: the passive subject; "who" of a relative clause is its noun."""
    stranded = _holder_read_as_conjunct(verb)
    if stranded:
        return stranded
    out = []
    for s in fr.passive_subjects(verb):
        if s.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
            out.extend(sx.conjuncts(verb.head))
        else:
            out.append(s)
    return out


def _named_awards(ctx: Context, verb: Token) -> Iterator[Fact]:
    """ "X was named best actress", "X, who was crowned best actor"."""
    prizes = [c for c in verb.children if c.dep_ in {"oprd", "attr", "dobj"}
              and (_award(ctx, c) or _split_award(ctx, c) is not None)]  # fmt: skip
    for holder in _passive_holders(verb) if prizes else ():
        if not holder.ent_type_ or holder.ent_type_ in ctx.lexicon.value_labels:
            continue
        for p in prizes:
            obj = _award_mention(ctx, p)
            fact = _fact(holder, WINS, obj, verb, ctx, verb, "named") if obj else None
            if fact is not None:
                yield fact


def _awards_gone(ctx: Context, verb: Token) -> Iterator[Fact]:
    """ "the award went to X", "the prize was presented to X"."""
    w = ctx.lexicon.words
    prizes = [g for g in (fr.passive_subjects(verb) if fr.is_passive(verb) else fr.subjects(verb))
              if _award(ctx, g)]  # fmt: skip
    # a name, tagged or not ("was awarded to Nihon Hidankyo")
    winners = [o for p, o in fr.prep_objects(verb) if p.lower_ in w.recipient_prepositions
               and (o.ent_type_ or o.pos_ == "PROPN")
               and o.ent_type_ not in ctx.lexicon.value_labels]  # fmt: skip
    for holder in winners if prizes else ():
        for p in prizes:
            obj = sx.mention(p, keep_preps=False)
            fact = _fact(holder, WINS, obj, verb, ctx, verb, "went-to") if obj else None
            if fact is not None:
                yield fact


def _inductions(ctx: Context) -> Iterator[Fact]:
    """ "their induction into the Hall of Fame"."""
    w = ctx.lexicon.words
    for noun in ctx.with_words(lemmas=w.induction_nouns, pos={"NOUN"}):
        # "into" on the noun, or on the verb the noun is the object of ("marked their
        # induction into X")
        holders = [noun, noun.head] if noun.dep_ in fr.OBJ else [noun]
        halls = [o for h in holders for p, o in fr.prep_objects(h)
                 if p.lower_ in w.induction_prepositions]  # fmt: skip
        members = [m for c in noun.children if c.dep_ == "poss" for m in sx.conjuncts(c)]
        for hall in (sx.mention(h, keep_preps=False) for h in halls):
            for m in members if hall is not None else ():
                fact = _fact(m, INDUCTED_INTO, hall, noun, ctx, None, "induction-noun")
                if fact is not None:
                    yield fact


def _awards(ctx: Context) -> Iterator[Fact]:
    w = ctx.lexicon.words
    for verb in ctx.verbs:
        lemma = verb.lemma_.lower()
        passive = fr.is_passive(verb)
        if lemma in w.naming_verbs and passive:
            yield from _named_awards(ctx, verb)
        elif (lemma in w.award_going_verbs and not passive) or (
            lemma in w.award_giving_verbs and passive
        ):
            yield from _awards_gone(ctx, verb)
    yield from _inductions(ctx)


def contest_facts(ctx: Context) -> Iterator[Fact]:
    """Results, scores and fixtures of matches; awards and honours."""
    yield from _noun_results(ctx)
    yield from _losses(ctx)
    yield from _verb_scores(ctx)
    yield from _fixtures(ctx)
    yield from _awards(ctx)
