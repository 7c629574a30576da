"""Titles and appositions -> roles: "Turkish Foreign Minister Mevlut Cavusoglu" ->
(Mevlut Cavusoglu, holdsPosition, Foreign Minister), (Mevlut Cavusoglu, affiliatedWith,
Turkey). Also "X, the president of Y" and "Y's president X". Title words are the
``title_words``/``core_titles`` lists of kg/data/lexicon.toml.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lexicon import Lexicon, load_words
from ..model import Fact, Mention
from ..names import first_name_gender
from . import frames as fr
from . import syntax as sx
from . import terms
from .context import Context

POSITION = "POSITION"  # the Mention label of a title; resolution keys it as a position
# The label of an organisation referred to, not named ("its", "the company", "party" of
# "party leader"): the resolver finds the organisation meant, or drops the fact.
REFERENCE = "REFERENCE"
# The label of a company officer's organisation the text leaves unsaid ("Chief executive
# X said"): the resolver takes the company the sentence before is about, or none.
IMPLIED = "IMPLIED"
IMPLIED_TEXT = "(the company)"  # what the raw fact says until it is resolved


def _premodifiers(person: Span) -> list[Token]:
    """The words before a name inside its noun phrase, nearest last: "Former Wales
    centre", "Green Party health spokesman", "Chelsea left-back", "Pink Floyd's". A
    word belongs when its head lies to its right, no further than the name; a hyphen
    joins the words on its two sides ("left-back")."""
    doc = person.doc
    out: list[Token] = []
    i, start = person.start - 1, person.sent.start
    while i >= start:
        t = doc[i]
        hyphen = t.tag_ == "HYPH" or any(
            0 <= j < len(doc) and doc[j].tag_ == "HYPH" and not doc[j].whitespace_
            for j in (i - 1, i + 1)
        )
        # a word of the name's own noun phrase: the name's head is among its heads
        inside = person.root.is_ancestor(t) or t.dep_ == "case" or hyphen
        # "Slade and Mud singer": an "and" between capitalised names goes on
        listed = t.dep_ == "cc" and i > start and doc[i - 1].is_title and doc[i + 1].is_title
        if not (inside or listed) or t.dep_ in {"det", "punct"} and not hyphen or t.is_space:
            break
        if t.dep_ == "cc" and not listed:
            break
        if (
            t.pos_ in {"VERB", "AUX", "ADP", "PRON", "NUM"}
            and not hyphen
            and t.dep_ not in {"amod", "compound"}
        ):  # fmt: skip ("Managing Director")
            break
        out.insert(0, t)
        i -= 1
    return out


def _split(mods: list[Token], lex: Lexicon) -> tuple[str, list[Token], list[Token]]:
    """(past marker, affiliation tokens, title tokens) of a name's premodifiers. An
    entity is an affiliation unless it is a title word itself ("Defence Minister"); the
    title is what follows the last affiliation."""
    w = lex.words
    past = ""
    while mods and mods[0].lower_.rstrip("-") in w.past_role_modifiers:
        past = mods[0].lower_.rstrip("-")
        mods = mods[1:]
        while mods and mods[0].tag_ == "HYPH":
            mods = mods[1:]
    affils: list[Token] = []
    title: list[Token] = []
    for t in mods:
        doc = t.doc
        # "Oscar-winning director": a name inside a hyphenated modifier employs no one
        hyphened = not t.whitespace_ and t.i + 1 < len(doc) and doc[t.i + 1].text == "-"
        named = t.ent_type_ and t.ent_type_ not in lex.value_labels and not hyphened
        ent = sx.ent_span(t) if named else None
        # "Department of Health spokesman": a name begun before the title is no title word
        if named and (t.lower_ not in w.title_words or ent is not None and ent.start < mods[0].i):
            affils.append(t)
            title = []  # "Wales's only Green MP": the title follows the names
        elif t.dep_ != "case":
            title.append(t)
    return past, affils, title


def _unnamed_affiliation(title: list[Token], lex: Lexicon) -> tuple[list[Token], list[Token]]:
    """Capitalised words that open a lower-case title and are no title words are a name
    NER missed: "Daily Courier film critic", "Arsenal manager" (but "Defence
    Secretary", "Managing Director" are titles)."""
    w = lex.words
    head = title[-1] if title else None
    if head is None or not (head.is_lower or (head.is_upper and head.lower_ in w.title_words)):
        return [], title  # "Commerce Secretary": a capitalised title keeps its words
    k = 0
    # a name inside a hyphenated modifier ("Oscar-winning director") is the title's
    while k < len(title) - 1 and (
        (
            title[k].is_title
            and title[k].lower_ not in w.title_words
            and not (not title[k].whitespace_ and title[k + 1].text == "-")
        )
        or (title[k].dep_ == "cc" and k > 0 and title[k + 1].is_title)  # "Slade and Mud"
    ):
        k += 1
    first = title[0]
    if k == 1 and first.is_sent_start and first.lower_ in w.field_nouns:
        return [], title  # "Aviation analyst X": a field, capitalised as a sentence's first
    return title[:k], title[k:]


def _split_on_cc(toks: list[Token]) -> list[list[Token]]:
    """ "Slade and Mud" -> [Slade], [Mud]."""
    groups: list[list[Token]] = [[]]
    for t in toks:
        if t.dep_ == "cc":
            groups.append([])
        else:
            groups[-1].append(t)
    return [g for g in groups if g]


def _is_title(title: list[Token], lex: Lexicon, past: str = "") -> bool:
    """A title ends in a noun that names what someone does: a listed title word, or a
    common noun ("left-back", "film critic", "guitarist"), never a work ("the film X")."""
    if not title:
        return False
    head = title[-1]
    w = lex.words
    if head.lemma_.lower() in w.work_nouns or head.lower_ in w.work_nouns:
        return False
    if len(title) == 1 and head.lower_.rstrip(".") in w.courtesy_titles:
        return False  # "Dr Anthony Fauci": a form of address, no position
    if lex.classes.get(head.lemma_.lower()):
        return False  # "UK magazine Kit Carson": a kind of thing, not a position
    if head.lemma_.lower() in w.generic_person_nouns:
        return False  # "the richest man X": a description, no position
    if head.tag_ in {"NNS", "NNPS"} and head.lemma_.lower() not in w.title_words:
        return False  # "Youngsters X, Y and Z", "Grammy hopefuls": a group, no position
    # "Drummer Kevin Stroud ...": a sentence's first word is capitalised whatever it is
    # ... unless it is a first name ("Hunter Tallis") or a plural ("Youngsters X and Y")
    plural = head.lower_.endswith("s") and not head.lower_.endswith("ss")
    first = (
        head.i == head.sent.start
        and head.is_title
        and not head.ent_type_
        and first_name_gender(head.text) is None
        and not plural
        and head.lower_.endswith(tuple(w.agent_suffixes))
    )  # fmt: skip ("Hunter Tallis": no)
    # "Former Welsh Guardsman X": after a past marker, a capitalised noun is a title too
    formerly = bool(past) and head.pos_ == "PROPN" and not head.ent_type_
    return head.lower_ in w.title_words or head.pos_ == "NOUN" or first or formerly


def _affiliation_spans(affils: list[Token]) -> list[Span]:
    """The names among a title's affiliation words, each once: "Green Party", "Daily
    Courier"."""
    out: list[Span] = []
    for t in affils:
        ent = sx.ent_span(t)
        if ent is not None and all(e.start != ent.start for e in out):
            out.append(ent)
    return out


def _past_before(doc, i: int, sent_start: int, lex: Lexicon) -> str:
    """ "Former German Chancellor X", "ex-chairman X": the word that makes the title a
    past role, or ""."""
    w = lex.words
    for t in reversed(doc[max(sent_start, i - 3) : i]):
        if t.lower_ in w.past_role_modifiers:
            return t.lower_
        if t.is_punct and t.text not in {"-", "\u2010"}:
            break
    return ""


def _past_title(past: str, title: str) -> str:
    """A past role is a position of its own, "former Chancellor": the person does not
    hold "Chancellor" now, and the graph never says so."""
    if not past:
        return title
    return f"{past}-{title}" if len(past) <= 2 else f"{past} {title}"


def _affiliation_mention(tok: Token) -> Mention | None:
    """The organisation or place a token names; an organisation it only refers to ("its",
    "the company", see ``_refers_to_organisation``) is left for the resolver."""
    if tok.pos_ == "PRON":  # "its chief executive X"
        return Mention(text=tok.text, start=tok.idx, end=tok.idx + len(tok), label="PRON")
    ent = sx.ent_span(tok)
    if ent is None:
        first = tok.left_edge if tok.pos_ == "NOUN" else tok
        return Mention(text=tok.doc[first.i : tok.i + 1].text, start=first.idx,
                       end=tok.idx + len(tok), label=REFERENCE)  # fmt: skip
    text = sx.phrase_text([t for t in ent if t.dep_ != "case"])
    return Mention(text=text, start=ent.start_char, end=ent.end_char, label=ent.label_)


def role_facts(ctx: Context) -> Iterator[Fact]:
    """holdsPosition and affiliatedWith facts from titles before a person's name and from
    appositions after it, and from descriptions of a person named before ("the
    Leicester flanker will return": the resolver finds the flanker, or drops them)."""
    lex = ctx.lexicon
    yield from _description_roles(ctx)
    for ent in ctx.ents:
        if lex.ner_class.get(ent.label_) != terms.PERSON:
            continue
        toks = [t for t in ent if t.dep_ != "case"]  # "Tom Brandt's" -> Tom Brandt
        person = Mention(text=sx.phrase_text(toks), start=ent.start_char,
                         end=toks[-1].idx + len(toks[-1]), label=ent.label_)  # fmt: skip
        yield from _premodifier_roles(ent, person, lex)
        yield from _title_read_as_verb(ent, person, lex)
        yield from _apposition_roles(ctx, ent, person)
        yield from _of_name(ent, person, lex)
        yield from _whose(ent, person, lex)
        yield from _owned(ent, person, lex)


def _title_read_as_verb(ent: Span, person: Mention, lex: Lexicon) -> Iterator[Fact]:
    """ "France defender Gallas and ...": a one-word title between a team's or a
    country's name and a person's that the parser took for a verb is still a title."""
    doc = ent.doc
    if ent.start < 2:
        return
    title, team = doc[ent.start - 1], doc[ent.start - 2]
    if title.pos_ != "VERB" or title.lower_ not in lex.words.title_words or not team.ent_type_:
        return
    if lex.ner_class.get(team.ent_type_) not in {terms.ORGANIZATION, terms.LOCATION, terms.COUNTRY}:
        return
    name = sx.ent_span(team)
    if name is None or name.end != title.i or name.sent != ent.sent:
        return
    pos = Mention(text=title.text, start=title.idx, end=title.idx + len(title), label=POSITION)
    yield sx.make_fact(person, terms.HOLDS_POSITION, pos, ent.root, rule="title-as-verb")
    affil = _affiliation_mention(name.root)
    if affil is not None:
        yield sx.make_fact(person, terms.AFFILIATED_WITH, affil, ent.root, rule="title-as-verb")


def _owned(ent: Span, person: Mention, lex: Lexicon) -> Iterator[Fact]:
    """ "Sir Alex Ferguson's United", "Arteta's Arsenal": the organisation a person's
    possessive stands before is theirs, as its head or member."""
    root = ent.root
    owned = root.head
    if root.dep_ != "poss" or owned.i < ent.end or owned.ent_type_ not in lex.words.employer_labels:
        return
    # a person for sure: a full name or a form of address ("Jet's IPO", "Altria's Philip
    # Morris" are a company's, tagged as a person's)
    names = [t for t in ent if t.dep_ != "case" and t.is_alpha]
    addressed = ent[0].lower_.rstrip(".") in lex.words.courtesy_titles
    if len(names) < 2 and not addressed:
        return
    am = _affiliation_mention(owned)
    if am is not None:
        yield sx.make_fact(person, terms.AFFILIATED_WITH, am, owned, rule="possessor")


def _description_roles(ctx: Context) -> Iterator[Fact]:
    """ "The Bath fly-half is likely to start", "the England international, 24, was
    hurt": a definite description with a team's, a country's or an organisation's name
    before the title says both of the person it describes (a subject, who the resolver
    finds among the people named before, or no one)."""
    lex, w = ctx.lexicon, ctx.lexicon.words
    for tok in ctx.where(dep=fr.SUBJ | fr.PASS_SUBJ):
        if not tok.is_lower:
            continue
        dets = [c for c in tok.children if c.dep_ == "det" and c.i < tok.i]
        if not dets or dets[0].lower_ not in w.definite_articles or tok.tag_ in {"NNS", "NNPS"}:
            continue
        if any(c.dep_ in {"prep", "relcl", "acl", "poss", "appos"} and not c.like_num
               for c in tok.children):  # fmt: skip
            continue  # a phrase that says which, or the person named after it
        mods = list(ctx.doc[dets[0].i + 1 : tok.i])
        k = 0
        while k < len(mods) and (mods[k].ent_type_ in w.affiliation_labels
                                 or (mods[k].pos_ == "PROPN" and mods[k].is_title)):  # fmt: skip
            k += 1
        names, title = mods[:k], [*mods[k:], tok]
        head = title[-1]
        if not names or any(t.ent_type_ for t in title) or lex.classes.get(head.lemma_.lower()):
            continue
        if head.lemma_.lower() in w.work_nouns or any(
            t.is_punct and t.tag_ != "HYPH" for t in title
        ):
            continue
        who = Mention(text=ctx.doc[dets[0].i : tok.i + 1].text, start=dets[0].idx,
                      end=tok.idx + len(tok), label="")  # fmt: skip
        pos = Mention(text=ctx.doc[title[0].i : tok.i + 1].text, start=title[0].idx,
                      end=tok.idx + len(tok), label=POSITION)  # fmt: skip
        yield sx.make_fact(who, terms.HOLDS_POSITION, pos, tok, rule="description")
        am = _affiliation_mention(names[0]) if names[0].ent_type_ else _untagged_name(names[-1])
        if am is not None:
            yield sx.make_fact(who, terms.AFFILIATED_WITH, am, tok, rule="description")


def _whose(ent: Span, person: Mention, lex: Lexicon) -> Iterator[Fact]:
    """ "X, whose Chelsea team meet Y", "X, whose Acme group owns Z": the organisation
    the relative clause gives the person."""
    labels, relatives = lex.words.employer_labels, lex.words.possessive_relatives
    for clause in (c for c in ent.root.children if c.dep_ == "relcl"):
        for t in clause.subtree:
            whose = any(p.dep_ == "poss" and p.lower_ in relatives for p in t.children)
            if not whose or lex.classes.get(t.lemma_.lower()) != terms.ORGANIZATION:
                continue
            for name in (c for c in t.children if c.dep_ == "compound" and c.ent_type_ in labels):
                am = _affiliation_mention(name)
                if am is not None:
                    yield sx.make_fact(person, terms.AFFILIATED_WITH, am, t, rule="whose")


def _of_name(ent: Span, person: Mention, lex: Lexicon) -> Iterator[Fact]:
    """ "bank analyst Ravi Tandon of Halden Capital", "Ted Cruz of Texas": a
    preposition on the name itself gives the employer or the place one is from (also
    where the parser hung an apposition's "of Y" on the names before it)."""
    root = ent.root
    owners = [root]
    while owners[-1].dep_ == "conj" and owners[-1].head.i < owners[-1].i:
        owners.append(owners[-1].head)  # "A and B, the co-chairmen of Y"
    # "X, 47, of Y"; "X, a Republican from Chicago", "X, a native of Y" (no title: the
    # apposition rule reads titles)
    owners += [c for c in root.children if c.dep_ == "appos"
               and (c.like_num or not _names_a_role(c, lex))]  # fmt: skip
    if root.dep_ == "nsubj" and root.head.lemma_ in lex.words.copulas:  # "X is a native of Y"
        owners += [c for c in root.head.children
                   if c.dep_ == "attr" and c.lemma_.lower() in lex.words.origin_nouns]  # fmt: skip
    w = lex.words
    for o in owners:
        for prep in o.children:
            if prep.dep_ != "prep" or prep.i < root.i:
                continue
            # "of"/"from" a place or an organisation; "at" an organisation only
            labels = frozenset()
            if prep.lower_ in w.name_affiliation_prepositions:
                labels = w.affiliation_labels
            elif prep.lower_ in w.employer_prepositions:
                labels = w.employer_labels
            for p in (p for p in prep.children if p.dep_ == "pobj"):
                mentions = [_affiliation_mention(n) for n in _pobj_names(p, labels)]
                mentions = mentions or [_untagged_name(p)]
                for am in (m for m in mentions if m is not None):
                    yield sx.make_fact(person, terms.AFFILIATED_WITH, am, prep, rule="of-name")


def _untagged_name(tok: Token) -> Mention | None:
    """ "analyst Ravi Tandon of Halden Capital": capitalised words NER left untagged
    name an organisation (or a place) all the same."""
    toks = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok]
    if any(t.pos_ != "PROPN" or not t.is_title or t.ent_type_ for t in toks):
        return None
    if len(toks) != tok.i - toks[0].i + 1 or tok.i == tok.sent.start:
        return None
    return Mention(text=sx.phrase_text(toks), start=toks[0].idx,
                   end=tok.idx + len(tok), label="ORG")  # fmt: skip


def _portfolio(affils: list[Token], title: list[Token], lex: Lexicon) -> list[Token]:
    """ "Treasury Secretary X", "EU Commissioner Y": the organisation named right before a
    portfolio title is part of the title's name (the affiliation is still its own fact);
    "Secretary" alone says too little."""
    if not affils or title[-1].lemma_.lower() not in lex.words.portfolio_titles:
        return []
    last = affils[-1]
    if last.i + 1 != title[0].i or lex.ner_class.get(last.ent_type_) != terms.ORGANIZATION:
        return []
    ent = sx.ent_span(last)
    return [t for t in ent if t.i <= last.i] if ent is not None else [last]


def _premodifier_roles(ent: Span, person: Mention, lex: Lexicon) -> Iterator[Fact]:
    """ "Former Wales centre Owen Treharne" -> (former centre, Wales); "Chelsea's
    Reece James" -> (Chelsea); "New Zealander Tom Reddy" -> (New Zealander)."""
    mods = _premodifiers(ent)
    # "the airline's chief executive X": an organisation referred to, then the title
    owner = next((t for t in mods if t.dep_ == "poss" and _refers_to_organisation(t, lex)), None)
    if owner is not None:
        mods = [t for t in mods if t.i > owner.i and t.dep_ != "case"]
    past, affils, title = _split(mods, lex)
    if not past and (title or affils):  # "Ex-chairman X": a hyphen the parser left out
        first = (affils or title)[0]
        past = _past_before(ent.doc, first.i, ent.sent.start, lex)
    unnamed, title = _unnamed_affiliation(title, lex) if not affils else ([], title)
    has_title = _is_title(title, lex, past)
    if has_title:
        shown = _portfolio(affils, title, lex) + title
        text = _past_title(past, sx.phrase_text(shown))
        pos = Mention(text=text, start=shown[0].idx, end=title[-1].idx + len(title[-1]),
                      label=POSITION)  # fmt: skip
        yield sx.make_fact(person, terms.HOLDS_POSITION, pos, ent.root,
                           rule="former-title" if past else "title")  # fmt: skip
    if title and not has_title:
        return  # "the film Nora Lusk": no title, and what precedes it is no employer
    mentions = [_affiliation_mention(a[0]) for a in _affiliation_spans(affils)
                if lex.ner_class.get(a.label_) != terms.PERSON or title]  # fmt: skip
    for group in _split_on_cc(unnamed) if has_title else []:
        mentions.append(Mention(text=sx.phrase_text(group), start=group[0].idx,
                                end=group[-1].idx + len(group[-1]), label="ORG"))  # fmt: skip
    if has_title and not mentions and title[-1].lower_ in lex.words.title_words:
        # "its chief executive X", "party leader X": the organisation named before
        heads = (ent.root, title[-1])
        referring = [c for h in heads for c in h.children if c.dep_ == "poss" and c.i < title[0].i]
        referring += [t for t in title[:-1] if t.dep_ == "compound"]
        referring = [owner] if owner is not None else referring
        mentions += [_affiliation_mention(t) for t in referring[:1]
                     if _refers_to_organisation(t, lex)]  # fmt: skip
    if has_title and not mentions:
        # "Labour hit back, with election coordinator X accusing ...": the clause's body
        outside = title[-1].lemma_.lower() in lex.words.commentator_titles
        mentions += (
            [] if outside else [_affiliation_mention(b) for b in _with_clause_body(ent.root, lex)]
        )
    officer = sx.phrase_text(title).lower() in lex.words.company_officer_titles
    if has_title and not mentions and not past and officer:
        head = title[-1]
        mentions.append(Mention(text=IMPLIED_TEXT, start=head.idx, end=head.idx + len(head),
                                label=IMPLIED))  # fmt: skip
    for am in mentions:
        if am is not None:
            rule = "title" if title else "premodifier"
            rule = "implied-employer" if am.label == IMPLIED else rule
            yield sx.make_fact(person, _affiliation(past, am, lex), am, ent.root, rule=rule)


def _affiliation(past: str, am: Mention, lex: Lexicon) -> str:
    """A past title's organisation is a past affiliation ("former Acme chief X" no longer
    works for Acme); a country or nationality stays ("former Italian Prime Minister X" and
    "former US President Y" are still Italian and American)."""
    nationality = lex.ner_class.get(am.label) in {terms.GROUP, terms.COUNTRY, terms.LOCATION}
    return terms.FORMERLY_AFFILIATED_WITH if past and not nationality else terms.AFFILIATED_WITH


def _names_a_role(app: Token, lex: Lexicon) -> bool:
    """A noun in apposition that says what someone does: a title word ("the president
    of Y"), or any common noun with an employer ("a trader at Halden Capital")."""
    w = lex.words
    lemma = app.lemma_.lower()
    if app.pos_ not in {"NOUN", "PROPN"} or lemma in w.work_nouns or lex.classes.get(lemma):
        return False
    if lemma in w.generic_person_nouns:
        return False  # "X, once the country's richest man": a description
    if app.ent_type_ or (app.is_title and lemma not in w.title_words):
        return False  # "Martin Hollis, ..., Ruth Okafor": a name, not a title
    if app.tag_ == "NNS" and lemma not in w.title_words and app.dep_ == "attr":
        return False  # "X and Y were both winners at ...": no position
    if lemma in w.title_words and (
        lemma in w.core_titles or any(c.lemma_.lower() in w.core_titles for c in app.children)
    ):
        return True
    # an employer, not a home: "a trader at Halden", "Google's engineer" are roles;
    # "a keen cyclist from Alabama", "a native of Tulsa" are not
    if lemma in w.origin_nouns:
        return False
    homes = w.home_prepositions
    employers = [a for a in _apposition_affiliations(app, lex)
                 if not (a.head.dep_ == "prep" and a.head.lower_ in homes)]  # fmt: skip
    return app.pos_ == "NOUN" and bool(employers)


def _pobj_names(o: Token, labels: frozenset[str]) -> list[Token]:
    """The name a prepositional object gives: itself, or the name it is a noun for
    ("Lantern Road films")."""
    if o.ent_type_ in labels:
        return [o]
    return [c for c in o.children if c.dep_ == "compound" and c.ent_type_ in labels][:1]


def _with_clause_body(person: Token, lex: Lexicon) -> list[Token]:
    """The organisation a "with" clause hangs on, when a titled person does its act: "The
    party launched its platform, with leader X saying ..." -> the party."""
    act = person.head
    if person.dep_ != "nsubj" or act.tag_ != "VBG" or act.dep_ not in {"pcomp", "advcl"}:
        return []
    prep = act.head
    if act.dep_ == "pcomp" and prep.lower_ not in lex.words.accompanying_prepositions:
        return []
    verb = prep.head if act.dep_ == "pcomp" else prep
    if verb.pos_ not in fr.VERBAL:
        return []
    bodies = [s for s in fr.subjects(verb)
              if lex.ner_class.get(s.ent_type_) in {terms.ORGANIZATION, terms.GROUP}]  # fmt: skip
    return bodies[:1]


def _refers_to_organisation(tok: Token, lex: Lexicon) -> bool:
    """ "its chief executive", "a director of the company", "party leader X": an
    organisation named before, not here. A description with a phrase of its own that says
    which ("the company that makes it") is a new one."""
    w = lex.words
    if tok.dep_ == "poss" and tok.pos_ == "PRON":
        return tok.lower_ in w.thing_pronouns
    if tok.tag_ != "NN" or lex.classes.get(tok.lemma_.lower()) != terms.ORGANIZATION:
        return False
    if tok.dep_ == "poss":  # "the airline's chief executive"
        return [c.lower_ for c in tok.children if c.dep_ == "det"] == ["the"]
    if tok.dep_ == "compound":  # "party leader", "club captain"
        return not any(c.dep_ != "punct" for c in tok.children)
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    which = {"acl", "relcl", "prep", "poss", "nummod", "appos", "amod", "compound"}
    return dets[:1] == ["the"] and not any(c.dep_ in which for c in tok.children)


def _apposition_affiliations(app: Token, lex: Lexicon, depth: int = 2) -> list[Token]:
    """ "Y's foreign minister", "the president of Y", "a senator from Y", "president of
    distribution at Y"."""
    labels = lex.words.affiliation_labels
    preps = lex.words.affiliation_prepositions
    # a nested noun's adjective says what that noun is, not whom the person works for
    # ("head of strategy for Latin American markets")
    mods = {"poss", "compound", "amod"} if depth > 1 else {"poss", "compound"}
    out = [c for c in app.children if c.dep_ in mods
           and (c.ent_type_ in labels or _refers_to_organisation(c, lex))]  # fmt: skip
    # "X was comptroller at Y": the parser hangs the employer on the copula
    holders = [app, app.head] if app.dep_ == "attr" else [app]
    named: list[Token] = []
    for prep in (p for h in holders for p in h.children):
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for o in (o for o in prep.children if o.dep_ == "pobj"):
            found = _pobj_names(o, labels)
            if not found and _refers_to_organisation(o, lex):
                found = [o]  # "a director of the company"
            named += found
            if not found and depth > 1:
                named += _apposition_affiliations(o, lex, depth - 1)
    places = {terms.COUNTRY, terms.LOCATION, terms.GROUP}
    if any(lex.ner_class.get(t.ent_type_) == terms.ORGANIZATION for t in named):
        # "UK economist at Brumco Bank", "chief Turkish economist for Brumco Bank": the
        # country is what the employer's economist covers, not whom he works for
        out = [c for c in out if lex.ner_class.get(c.ent_type_) not in places]
    return out + named


def _appositions(ent: Span) -> Iterator[Token]:
    """The nouns in apposition to a name: after it ("X, the president of Y"), before it
    ("A spokesman for Y, X,"), or after the list it ends ("A and B, the co-chairmen")."""
    root = ent.root
    yield from (c for c in root.children if c.dep_ == "appos" and not _hyphen_prefix(c))
    # "Rajiv Menon, Energy and Mines Minister, said": parsed as a list of names
    yield from (c for c in root.children if c.dep_ == "conj" and c.i > root.i
                and _comma_before(c) and c.lemma_.lower() in load_words().core_titles)  # fmt: skip
    for c in root.children:
        if c.dep_ == "conj" and c.i > root.i and _comma_before(c):
            yield from (
                t
                for t in c.children
                if t.dep_ == "conj" and t.lemma_.lower() in load_words().core_titles
            )
    if root.dep_ == "nsubj" and root.head.lemma_ in load_words().copulas:
        # "X was acting comptroller at Y": the copula's noun, said of the name
        for c in root.head.children:
            if c.dep_ == "attr" and c.i > root.i:
                yield c  # "... managing director and chief executive of Y": each title
                yield from (t for t in c.children if t.dep_ == "conj" and t.pos_ == "NOUN")
    if root.dep_ == "appos" and root.head.i < root.i:
        yield root.head
        # "A spokesman for Y, X, said": the parser hangs X on Y, the title's object
        prep, named = root.head.head, bool(root.head.ent_type_)
        if root.head.dep_ == "pobj" and named and prep.dep_ == "prep" and prep.head.i < prep.i:
            yield prep.head
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.i != root.i:
        yield from (c for c in first.children
                    if c.dep_ == "appos" and c.i > root.i and not _hyphen_prefix(c))  # fmt: skip


def _comma_before(tok: Token) -> bool:
    """The token opens a comma-delimited phrase: "X, Energy Minister, ..."."""
    first = tok.left_edge
    return first.i > 0 and tok.doc[first.i - 1].text == ","


def _hyphen_parts(app: Token) -> list[Token]:
    """The apposition and the hyphen-joined words before it ("ex", "-", "head")."""
    doc, i = app.doc, app.i
    parts = [app]
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_:
        parts[:0] = [doc[i - 2], doc[i - 1]]
        i -= 2
    return parts


def _hyphen_prefix(tok: Token) -> bool:
    """ "ex-head", "co-chairmen" parsed as three appositions: the prefix and the hyphen
    are part of the last."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.text == "-" or (nxt is not None and nxt.text == "-" and not tok.whitespace_)


def _apposition_title(app: Token, past_words: frozenset[str]) -> list[Token]:
    """The words of an apposition's title: its modifiers up to the noun, without the
    article, the employer or a past marker ("Halcyon's ex-head" -> head,
    "the co-chairmen" -> co-chairmen)."""
    doc = app.doc
    first = app.left_edge.i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
        first -= 2  # "ex-head", "co-chairmen"
    span = doc[first : app.i + 1]
    named = [t.i for t in span if t.ent_type_ and t.i < app.i]
    start = max(named) + 1 if named else first  # the title follows the names in it
    toks = [t for t in doc[start : app.i + 1]
            if t.dep_ not in {"det", "poss", "case", "predet"}
            and not (t.is_punct and t.tag_ != "HYPH")]  # fmt: skip
    while toks and (toks[0].lower_ in past_words or toks[0].text == "-"):
        toks = toks[1:]
    return toks or [app]


def _title_field(app: Token, lex: Lexicon) -> list[Token]:
    """ "head of strategy", "director of research": an "of" phrase after a title that
    names a field of work (a common noun, no organisation) belongs to the title."""
    for p in app.children:
        if p.dep_ != "prep" or p.lower_ not in lex.words.quantity_of_prepositions:
            continue
        objs = [o for o in p.children if o.dep_ == "pobj"]
        if len(objs) != 1:
            return []
        o = objs[0]
        if o.pos_ != "NOUN" or o.ent_type_ or not o.is_lower or _refers_to_organisation(o, lex):
            return []
        if any(c.dep_ in {"det", "poss", "prep", "conj"} for c in o.children):
            return []  # "head of the bank", "head of sales at X": not a bare field
        return [p, *sorted(sx.phrase_tokens(o, keep_preps=False), key=lambda t: t.i)]
    return []


def _copula(app: Token) -> Token | None:
    """The copula a title is said with ("X is not the chairman of Y"), if it is."""
    while app.dep_ == "conj":
        app = app.head
    return app.head if app.dep_ == "attr" else None


def _apposition_roles(ctx: Context, ent: Span, person: Mention) -> Iterator[Fact]:
    """ "X, the president of Y," / "X, Y's foreign minister," / "X, a senator from Y";
    "X is (not) the chairman of Y" has the copula's polarity and modality."""
    lex = ctx.lexicon
    past_words = lex.words.past_role_modifiers
    for app in _appositions(ent):
        if not _names_a_role(app, lex):
            continue
        cop = _copula(app)
        said = {} if cop is None else {"negated": ctx.negated(cop), "modality_": ctx.modality(cop)}
        title_toks = _apposition_title(app, past_words)
        text = sx.phrase_text(title_toks)
        before = app.i + 1 == ent.start  # "its chief executive X": a title, as written
        if title_toks[0].is_lower and not before:  # "chief executive" -> "Chief Executive"
            text = " ".join(w.title() if w.islower() else w for w in text.split(" "))
        end = app.idx + len(app)
        field = _title_field(app, lex)
        if field:  # "head of strategy": the field is part of the title
            text += f" {field[0].lower_} {sx.phrase_text(field[1:])}"
            end = field[-1].idx + len(field[-1])
        parts = _hyphen_parts(app)
        past = next((t.lower_ for p in parts for t in (p, *p.children)
                     if t.lower_ in past_words), "")  # fmt: skip
        pos = Mention(text=_past_title(past, text), start=title_toks[0].idx, end=end,
                      label=POSITION)  # fmt: skip
        yield sx.make_fact(person, terms.HOLDS_POSITION, pos, app, **said,
                           rule="former-apposition" if past else "apposition")  # fmt: skip
        for a in (a for p in parts for a in _apposition_affiliations(p, lex)):
            am = _affiliation_mention(a)
            if am is not None:
                yield sx.make_fact(person, _affiliation(past, am, lex), am, app, **said,
                                   rule="apposition")  # fmt: skip
