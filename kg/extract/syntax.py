"""Dependency-tree helpers shared by the layers and extractors: coordination, entity
spans, noun phrases and their text, mentions, and the Fact constructor.

Everything here reads a spaCy parse and writes nothing to it. The rules are grammatical
(UD-style labels of spaCy's English models), never keyed to particular names; the words
they look for are lists in kg/data/lexicon.toml. Arguments of predicates are the frame
layer's (frames.py), polarity and modality the factuality layer's (factuality.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..datelines import per_token
from ..lexicon import WordLists, load_lexicon
from ..model import Fact, Mention
from . import terms


def words():
    """kg's word lists (kg/data/lexicon.toml), for helpers that get no Context."""
    return load_lexicon().words


def alternation(phrases: frozenset[str]) -> str:
    """A regex alternation of word-list phrases, longest first (so "share this article"
    wins over "share"), in a fixed order."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))


def is_pronoun(tok: Token) -> bool:
    return tok.lower_ in words().pronouns


def dash_apposition(head: Token) -> Token | None:
    """A name set off by a dash inside a phrase the parser glued together:
    'the "Crimean Platform" - Kyiv's initiative' -> Platform (the thing named)."""
    for c in head.children:
        if c.i < head.i and c.dep_ in {"nmod", "compound", "npadvmod"} and c.pos_ == "PROPN":
            between = head.doc[c.i + 1 : head.i]
            if any(t.text in {"-", "\u2013", "\u2014", "--"} and t.head.i == c.i for t in between):
                return c
    return None


def hyphen_tail(tok: Token) -> bool:
    """The rest of a hyphenated word the parser split ("pre", "-", "payment"): the hyphen
    glued to the word before it, or the word glued after that hyphen."""
    doc = tok.doc
    if tok.text in {"-", "\u2010", "\u2011"}:  # between two words, not numbers ("2-0")
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return (before is not None and after is not None and before.is_alpha and after.is_alpha
                and not before.whitespace_ and not tok.whitespace_)  # fmt: skip
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return tok.is_alpha and prev is not None and prev.text in _HYPHENS and hyphen_tail(prev)


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it: "Ankara and Kyiv". A "not" the
    parser made a conjunct ("Peru and Chile, but not Brazil") is no member."""
    out = [tok]
    for c in tok.conjuncts:
        if hyphen_tail(c):
            continue  # "pre-payment" parsed as "pre" and "payment": one word
        if c.i > tok.i and c.dep_ == "conj" or c.head.i in {t.i for t in out}:
            out.append(c)
    negations = words().negation_particles
    return sorted({t.i: t for t in out if t.lower_ not in negations}.values(), key=lambda t: t.i)


def has_to(tok: Token) -> bool:
    """An infinitive's "to": "plans to sell", "for the bank to act"."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def has_negative_determiner(tok: Token, w: WordLists | None = None) -> bool:
    """ "no display", "no plans to", "No economist": a determiner that denies the noun."""
    neg = (words() if w is None else w).negative_determiners
    return any(c.dep_ == "det" and c.lower_ in neg for c in tok.children)


def remnant_negated(tok: Token) -> bool:
    """A list member after "not": "including Peru and Chile, but not Brazil, India or
    Japan" -> Brazil, India and Japan are denied, Peru and Chile are not."""
    if tok.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return False
    w = words()
    if has_negative_determiner(tok, w):
        return True  # "has no display", "sold no shares"
    if tok.dep_ == "conj" and tok.head.i != tok.i:
        doc = tok.doc
        for c in tok.head.children:  # "glass rather than plastic"
            if c.dep_ == "cc" and tok.head.i < c.i < tok.i and c.i > 0 \
                    and f"{doc[c.i - 1].lower_} {c.lower_}" in w.negating_prepositions:  # fmt: skip
                return True
    negations = w.negation_particles
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    for t in [first, *sorted(first.conjuncts, key=lambda t: t.i)]:
        if t.i > tok.i:
            break
        if (t.i != first.i or t.i == tok.i) and any(c.dep_ == "neg" for c in t.children):
            return True
        if t.lower_ in negations and t.i < tok.i and t.dep_ == "conj":
            return True
    return False


def ent_span(tok: Token) -> Span | None:
    """The named-entity span the token is part of, if any."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _trim(tokens: list[Token]) -> list[Token]:
    """A phrase without leading determiners (a "no" is the fact's polarity, see
    ``remnant_negated``), punctuation, conjunctions, prepositions and auxiliaries NER
    took into a name ("Will Netflix buy ...?")."""
    drop_lead = {"DET", "PUNCT", "CCONJ", "ADP"}
    while tokens and tokens[0].dep_ in {"aux", "auxpass"} and len(tokens) > 1:
        tokens = tokens[1:]
    while tokens and (tokens[0].pos_ in drop_lead or tokens[0].is_space or tokens[0].is_quote):
        if (
            tokens[0].pos_ == "ADP"
            and tokens[0].head.i != tokens[0].i
            and (
                tokens[0].dep_ in {"quantmod", "advmod"}
                or tokens[0].head.dep_ in {"quantmod", "nummod"}
            )
        ):
            break  # "up to 12 hours", "at least four"
        w = words()
        dropped = w.leading_determiners | w.negative_determiners  # "no display": the
        if tokens[0].pos_ == "DET" and tokens[0].lower_ not in dropped:  # fact is denied
            break
        tokens = tokens[1:]
    # "their performances in": a preposition whose object the phrase lost ends nothing;
    # nor does a possessive marker ("the central bank's" names the bank)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].pos_ == "CCONJ"
                      or tokens[-1].dep_ in {"prep", "case"}):  # fmt: skip
        tokens = tokens[:-1]
    return tokens


# Dependents that are not part of a noun phrase: clauses, appositions, conjuncts, ...
_OUTSIDE_PHRASE = {
    "relcl", "appos", "cc", "conj", "punct", "acl", "advcl", "ccomp", "xcomp", "parataxis",
    "dep", "mark", "aux", "auxpass", "neg", "advmod", "case",
}  # fmt: skip
_HYPHENS = {"-", "\u2010", "\u2011"}


def _keeps_prep(head: Token, prep: Token, keep_preps: bool, depth: int) -> bool:
    """Whether a prepositional phrase belongs to the noun phrase: "annexation of Crimea"
    yes; "the Golden Temple in Amritsar" no (a name needs no place); two levels deep
    only "of"."""
    w = words()
    if not keep_preps or prep.lower_ not in w.phrase_prepositions or depth >= 2:
        return False
    if head.pos_ == "PROPN" and prep.lower_ in w.name_place_prepositions:
        return False
    return depth == 0 or prep.lower_ in w.partitive_prepositions


def _kept_outside_token(head: Token, child: Token) -> bool:
    """A token of an excluded relation that still belongs to the phrase: a possessive
    's, an opening quote inside the phrase, a hyphen inside a word ("medium-altitude")."""
    dep = child.dep_
    if dep == "case" or (dep == "punct" and child.i < head.i and child.is_quote):
        return True
    if dep == "advmod" and child.i + 2 == head.i and not child.whitespace_:
        # "little-known", "well-funded": the adverb of a hyphened adjective is its word
        hyphen = child.nbor(1)
        return hyphen.text in _HYPHENS and not hyphen.whitespace_
    return (
        dep == "punct"
        and child.text in _HYPHENS
        and not (child.whitespace_ or child.nbor(-1).whitespace_)
    )


def _contiguous(head: Token, toks: list[Token]) -> list[Token]:
    """The run of tokens around the head with no gap."""
    by_i = {t.i: t for t in toks}
    start = end = head.i
    while start - 1 in by_i:
        start -= 1
    while end + 1 in by_i:
        end += 1
    return [by_i.get(i, head) for i in range(start, end + 1)]


def phrase_tokens(head: Token, *, keep_preps: bool = True, depth: int = 0) -> list[Token]:
    """The noun phrase headed by ``head``, without clauses, appositions and conjuncts.

    "the annexation of Crimea" -> [annexation, of, Crimea]; a conjunct ("X and Y") or a
    relative clause ("X, which ...") is a phrase of its own.
    """
    toks = [head]
    for child in head.children:
        dep = child.dep_
        if dep in _OUTSIDE_PHRASE:
            if _kept_outside_token(head, child):
                toks.append(child)
        elif dep == "prep":
            if _keeps_prep(head, child, keep_preps, depth):
                toks.extend(_prep_tokens(child, keep_preps, depth))
        elif not (dep == "det" and child.i > head.i):
            toks.extend(phrase_tokens(child, keep_preps=keep_preps, depth=depth))
    return _contiguous(head, toks)


def _prep_tokens(prep: Token, keep_preps: bool, depth: int) -> list[Token]:
    objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    if not objs:
        return []
    out = [prep]
    for o in objs:
        out.extend(phrase_tokens(o, keep_preps=keep_preps, depth=depth + 1))
        out.extend(_common_conjuncts(o, keep_preps, depth))
    return out


def _common_conjuncts(pobj: Token, keep_preps: bool, depth: int) -> list[Token]:
    """ "charges of bribery and theft": common nouns coordinated under a preposition
    of the phrase are all its object ("charges of bribery" drops half the charge);
    names stay phrases of their own, as do conjuncts after a comma ("X of A, B")."""
    if pobj.pos_ != "NOUN" or depth > 0:
        return []
    out: list[Token] = []
    for c in pobj.children:
        if c.dep_ == "cc":
            out.append(c)
        elif c.dep_ == "conj" and c.pos_ == "NOUN" and not c.ent_type_:
            out.extend(phrase_tokens(c, keep_preps=keep_preps, depth=depth + 1))
    return out if any(t.dep_ == "conj" for t in out) else []


def phrase_text(tokens: list[Token]) -> str:
    tokens = _trim(tokens)
    if not tokens:
        return ""
    doc = tokens[0].doc
    text = doc[tokens[0].i : tokens[-1].i + 1].text  # (doc.text rebuilds the whole text)
    return " ".join(text.replace("\u201c", '"').replace("\u201d", '"').replace('"', "").split())


def _name_after_title(head: Token, lex) -> Token | None:
    """ "Ford's chief executive Jim Farley visited", "the president of the club, Jane Roe,
    said": the parser makes the name an apposition of the title before it; the argument
    is the person named, not the title."""
    w = lex.words
    titled = head.lemma_.lower() in w.title_words or head.lemma_.lower() in w.person_nouns
    if head.pos_ != "NOUN" and not (titled and head.pos_ == "PROPN" and not head.ent_type_):
        return None
    for c in head.children:
        ent = ent_span(c)
        person = ent is not None and lex.ner_class.get(ent.label_) == terms.PERSON
        # "the first President of Estonia, Jaan Kask, was born"
        if c.dep_ == "appos" and person and (ent.start == head.i + 1 or titled):
            return c
    return None


def _glued(tokens: list[Token]) -> list[Token]:
    """ "agreed on the pre-payment": a phrase the parser ended inside a hyphenated word
    ("pre") goes on to the word's end."""
    if not tokens:
        return tokens
    doc, out = tokens[0].doc, list(tokens)
    i = out[-1].i
    while (i + 2 < len(doc) and doc[i + 1].text in _HYPHENS and not doc[i].whitespace_
           and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha):  # fmt: skip
        out += [doc[i + 1], doc[i + 2]]
        i += 2
    return out


def unclosed_cut(ent: Span) -> list[Token]:
    """A name NER ran into a bracket it did not close ("Institute of Studies (IFS"): the
    name ends before the bracket; the abbreviation is a name of its own."""
    opened = next((t for t in ent if t.text == "("), None)
    if opened is None or any(t.text == ")" and t.i > opened.i for t in ent):
        return list(ent)
    return [t for t in ent if t.i < opened.i] or list(ent)


def mention(head: Token, *, keep_preps: bool = True) -> Mention | None:
    """A Mention for the argument headed by ``head``: the entity it names, else its phrase."""
    lex = load_lexicon()
    ent = ent_span(head)
    if ent is not None and ent.label_ not in lex.value_labels:
        toks = [t for t in unclosed_cut(ent) if not (t.is_punct or t.is_space)]
        while toks and toks[-1].dep_ == "case":
            toks = toks[:-1]  # "Martin Hollis's" tagged with its 's
        toks = _trim(toks)
        if toks:
            return Mention(
                text=phrase_text(toks),
                start=toks[0].idx,
                end=toks[-1].idx + len(toks[-1]),
                label=ent.label_,
            )
    if head.pos_ in {"VERB", "AUX"} or head.lower_ in lex.words.wh_words:
        return None
    named = _name_after_title(head, lex)
    if named is not None:
        return mention(named, keep_preps=keep_preps)
    toks = _glued(_trim(phrase_tokens(head, keep_preps=keep_preps)))
    if not toks:
        return None
    text = phrase_text(toks)
    if not text:
        return None
    label = "PRON" if is_pronoun(head) and len(toks) == 1 else ""
    return Mention(text=text, start=toks[0].idx, end=toks[-1].idx + len(toks[-1]), label=label)


def camel(*words: str) -> str:
    """camelCase predicate names: camel("shut", "down") -> "shutDown"."""
    parts = [w for w in " ".join(words).replace("-", " ").split() if w]
    if not parts:
        return ""
    return parts[0].lower() + "".join(p[:1].upper() + p[1:].lower() for p in parts[1:])


@per_token
def sentence_bounds(tok: Token) -> tuple[int, int]:
    """Character offsets of the token's sentence, without surrounding white space, so
    that the article's text between them is exactly the evidence."""
    s, doc = tok.sent, tok.doc
    start, end = s.start, s.end  # step in from both ends (not a walk over the sentence)
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start == end:
        return s.start_char, s.end_char
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


def make_fact(
    subj: Mention,
    predicate: str,
    obj: Mention | str,
    trigger: Token,
    *,
    negated: bool = False,
    modality_: str = "asserted",
    rule: str = "",
) -> Fact:
    """A candidate fact read at ``trigger``, with its sentence as evidence. ``rule``
    names the construction inside the extractor ("passive-agent"); the extractor's
    name, and the confidence measured for both, are stamped by ``extract()``."""
    start, end = sentence_bounds(trigger)
    return Fact(
        subject=subj,
        predicate=predicate,
        obj=obj,
        negated=negated,
        modality=modality_,
        lemma=trigger.lemma_,
        sent_start=start,
        sent_end=end,
        anchor=trigger.idx,
        rule=rule,
    )
