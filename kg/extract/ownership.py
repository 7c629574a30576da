"""Possessives between names -> ownership: "Microsoft's Xbox" -> (Xbox, ownedBy,
Microsoft); a maker's name before its product's ("Sony Walkman sales"); a possessive on
the class noun the name goes with ("Halcyon's Kite robot", "Car-maker Halcyon's humanoid
robot Kite").

Only an organisation as possessor, and only a named thing that is not a person or a
place: "Britain's Princess Royal" is an affiliation (the roles extractor's), "Norway's
Fjordland party" a base (the places extractor's).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..model import Fact, Mention
from . import syntax as sx
from . import terms
from .context import Context


def _org_possessors(ctx: Context, tok: Token) -> list[Token]:
    if tok.i > 0 and tok.doc[tok.i - 1].text == "(":
        return []  # "Standard & Poor's (S&P)": a name's short form, not a thing it owns
    return [c for c in tok.children if c.dep_ == "poss"
            and ctx.lexicon.ner_class.get(c.ent_type_) == terms.ORGANIZATION]  # fmt: skip


def _owners(ctx: Context, ent: Span) -> list[Token]:
    """The organisation possessors of a name, or of the class noun it goes with ("Sony's
    Aibo robot", "Toyota's humanoid robot Kuri": a thing, whatever NER called it)."""
    root, doc = ent.root, ent.doc
    found = _org_possessors(ctx, root) if ent.label_ in ctx.lexicon.words.ownable_labels else []
    if ent.label_ in ctx.lexicon.words.maker_compound_labels and ent.start > 0:
        # "the Sony PlayStation 2": the maker's name right before the product's
        before = doc[ent.start - 1]
        org = ctx.lexicon.ner_class.get(before.ent_type_) == terms.ORGANIZATION
        inside = ent.start <= before.head.i < ent.end or before.head.i == root.head.i
        if org and before.dep_ == "compound" and inside:
            found.append(before)
    nouns = [root.head] if root.dep_ == "compound" else []
    if ent.start > 0:
        nouns.append(doc[ent.start - 1])  # the class noun right before the name
    for n in nouns:
        if n.pos_ == "NOUN" and ctx.lexicon.classes.get(n.lemma_.lower()):
            found += _org_possessors(ctx, n)
    return found


def _creators(ctx: Context, ent: Span) -> list[Token]:
    """Who made a work: the possessor of the work noun a title is in apposition to
    ("Hollis's coming-of-age story, The Long Shore"), or of the title itself
    ("Okafor's Nora Lusk")."""
    root, w = ent.root, ctx.lexicon.words
    makers = {terms.PERSON, terms.ORGANIZATION}
    holders = [root] if ent.label_ in w.work_labels else []
    if root.dep_ == "appos" and root.head.lemma_.lower() in w.work_nouns:
        holders.append(root.head)
    return [c for h in holders for c in h.children
            if c.dep_ == "poss" and ctx.lexicon.ner_class.get(c.ent_type_) in makers]  # fmt: skip


def ownership_facts(ctx: Context) -> Iterator[Fact]:
    lex = ctx.lexicon
    for ent in ctx.ents:
        person = lex.ner_class.get(ent.label_) == terms.PERSON  # maybe a mistyped product
        if ent.label_ not in lex.words.ownable_labels and not person:
            continue
        thing = sx.mention(ent.root, keep_preps=False)
        if ent.label_ in lex.words.work_labels:  # a title is the whole name: "The Long Shore"
            thing = Mention(text=ent.text, start=ent.start_char, end=ent.end_char, label=ent.label_)
        for c in _creators(ctx, ent):
            maker = sx.mention(c, keep_preps=False)
            if thing is not None and maker is not None and maker.text != thing.text:
                yield sx.make_fact(thing, terms.CREATED_BY, maker, ent.root, rule="creator")
        for o in _owners(ctx, ent):
            owner = sx.mention(o, keep_preps=False)
            if thing is not None and owner is not None and owner.text != thing.text:
                yield sx.make_fact(thing, terms.OWNED_BY, owner, ent.root, rule="possessive")
