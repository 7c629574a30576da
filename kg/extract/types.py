"""Copulas and appositions -> types; agent nouns -> relations; superlatives in a group
-> membership.

"Bayraktar is a medium-altitude attack drone" -> (Bayraktar, isA, medium-altitude attack
drone). "X, a Turkish drone maker," -> (X, isA, Turkish drone maker). "X is a staunch
backer of Y" -> (X, supports, Y). "Turkey has the second largest army in NATO" ->
(Turkey, memberOf, NATO): ranking within a group says the ranked thing belongs to it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import load_lexicon, load_words
from ..model import Fact, Mention
from . import frames as fr
from . import syntax as sx
from . import terms
from .context import Context
from .factuality import ASSERTED

_HYPHENS = {"-", "\u2010", "\u2011"}
_PRODUCT_CLASSES = {terms.PRODUCT, terms.WEAPON}


def _indefinite(ctx: Context, noun: Token) -> bool:
    """ "a drone", "one of the largest drone makers"."""
    w = ctx.lexicon.words
    if any(c.dep_ == "det" and c.lower_ in w.indefinite_determiners for c in noun.children):
        return True
    return noun.lower_ in w.one_of and any(
        c.dep_ == "prep" and c.lower_ in w.partitive_prepositions for c in noun.children
    )


def _copula(tok: Token) -> Token | None:
    """The copula a predicate noun hangs on: "X is a backer"."""
    copulas = load_words().copulas
    return tok.head if tok.dep_ == "attr" and tok.head.lemma_ in copulas else None


def agent_noun_facts(ctx: Context) -> Iterator[Fact]:
    """ "X is (one of) the staunchest backers of Y" -> (X, supports, Y); "X, a critic of
    Y," -> (X, opposes, Y): nouns for the doer of a relation, from the ontology."""
    preps = ctx.lexicon.words.agent_noun_prepositions
    agents = ctx.lexicon.agents
    for tok in ctx.with_words(lemmas=agents.keys(), pos={"NOUN"}):
        prop = agents[tok.lemma_.lower()]
        cop = _copula(tok)
        if cop is not None:
            subj_heads = [s for c in cop.children if c.dep_ in fr.SUBJ for s in sx.conjuncts(c)]
            verb, negated, modality, rule = cop, ctx.negated(cop), ctx.modality(cop), "copula"
        elif tok.dep_ == "appos":
            verb, subj_heads, negated, modality, rule = tok, [tok.head], False, ASSERTED, "appos"
        else:
            continue
        objs = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps
                for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        for s_head in subj_heads:
            subj = sx.mention(s_head, keep_preps=False)
            for obj in (sx.mention(x) for o in objs for x in sx.conjuncts(o)):
                if subj and obj:
                    yield sx.make_fact(subj, prop, obj, verb, negated=negated,
                                       modality_=modality, rule=rule)  # fmt: skip


def _copula_types(ctx: Context, tok: Token) -> Iterator[Fact]:
    """ "X is a N": a named or pronoun subject gets the type. "It" gets a kind of thing
    only ("it is a bank"): "it was a source of uncertainty", "it was an undervaluation"
    speak of a situation or a deal, not of the organisation "it" would resolve to."""
    cop = tok.head
    obj = sx.mention(tok, keep_preps=False)
    for s_head in [c for c in cop.children if c.dep_ in fr.SUBJ]:
        subj = sx.mention(s_head, keep_preps=False)
        if s_head.lower_ in ctx.lexicon.words.thing_pronouns and not _class_noun(ctx, tok):
            continue
        if tok.lemma_.lower() in ctx.lexicon.words.comment_nouns:
            continue  # "X is a blessing": a judgement of it, not its kind
        if subj and obj and (s_head.ent_type_ or sx.is_pronoun(s_head)):
            yield sx.make_fact(subj, terms.IS_A, obj, cop, negated=ctx.negated(cop),
                               modality_=ctx.modality(cop), rule="copula")  # fmt: skip


def _fits_person(ctx: Context, name: Token, kind: Token) -> bool:
    """A person is no kind of organisation, product or work: "X, of the Y group, a
    Brussels think-tank," describes his group, not him."""
    lex = ctx.lexicon
    if lex.ner_class.get(name.ent_type_) != terms.PERSON:
        return True
    lemma = kind.lemma_.lower()
    cls = lex.classes.get(lemma)
    return lemma not in lex.words.work_nouns and (cls is None or cls == terms.PERSON)


def _class_noun(ctx: Context, noun: Token) -> bool:
    """A noun that names a kind of thing ("maker", "robot", "sequel"), not a role."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (
        lemma in ctx.lexicon.classes or lemma in ctx.lexicon.words.work_nouns
    )


def _relation_noun(ctx: Context, noun: Token) -> bool:
    """ "the sequel to Y": a noun whose relation the agent-noun extractor reads."""
    preps = ctx.lexicon.words.agent_noun_prepositions
    return noun.lemma_.lower() in ctx.lexicon.agents and any(
        c.dep_ == "prep" and c.lower_ in preps for c in noun.children
    )


def _named(ctx: Context, tok: Token) -> bool:
    return bool(tok.ent_type_) and tok.ent_type_ not in ctx.lexicon.value_labels


def _appos_type(ctx: Context, tok: Token) -> tuple[Token, Token] | None:
    """(name, description) of an apposition that gives a name its type: "X, a Turkish
    drone maker," and "X, an Iraqi Kurd," (any noun after "a"); "X, the frozen-food
    maker," (a class noun after "the"); "a new music player, the Zeno," (a name after a
    class noun)."""
    head = tok.head
    if not _beside(head, tok) or tok.lemma_.lower() in ctx.lexicon.words.comment_nouns:
        return None  # "..., a move that surprised analysts": about the clause, not the name
    defined = any(c.dep_ == "det" and c.lower_ in ctx.lexicon.words.definite_articles
                  for c in tok.children)  # fmt: skip
    if _named(ctx, head) and not _named(ctx, tok) and not _measures(ctx, tok):
        if _indefinite(ctx, tok) and (tok.pos_ == "NOUN" or _national(ctx, tok)):
            return head, tok
        if defined and _class_noun(ctx, tok) and not _relative(tok):
            return head, tok
    if _named(ctx, tok) and not head.ent_type_ and _class_noun(ctx, head):
        return (tok, head) if _one(head) and not _relative(head) else None
    return None


def _beside(head: Token, app: Token) -> bool:
    """The apposition follows its noun's phrase, with only punctuation between: not a
    name the parser hung on a noun far before ("the ministry shortlisted ...: Skanska")."""
    i = app.left_edge.i - 1
    while i > head.i and app.doc[i].is_punct:
        i -= 1
    return i == head.i or (i > head.i and any(t.i == i for t in head.subtree))


def _national(ctx: Context, noun: Token) -> bool:
    """ "an Iraqi Kurd": a proper noun of a people, with its nationality."""
    groups = ctx.lexicon.labels_of(terms.GROUP)
    return (
        noun.pos_ == "PROPN"
        and not noun.ent_type_
        and any(c.ent_type_ in groups for c in noun.children)
    )


def _relative(noun: Token) -> bool:
    """ "its maker", "their firm": a description relative to something else."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def _one(noun: Token) -> bool:
    """A description of one thing: "a new console", not "four companies: A, B, C"."""
    return noun.tag_ in {"NN", "NNP"} and not any(c.dep_ == "nummod" for c in noun.children)


def _measures(ctx: Context, noun: Token) -> bool:
    """ "a total of £1.1bn", "a stake of 5%": an amount, not a kind of thing."""
    return any(t.ent_type_ in ctx.lexicon.quantity_labels for t in sx.phrase_tokens(noun))


def _described(noun: Token) -> Mention:
    """A class noun with the words before it that describe it: "humanoid robot",
    "Car-maker" (no possessor, no determiner)."""
    doc, start = noun.doc, noun.i
    places = load_lexicon().labels_of(terms.GROUP, terms.LOCATION, terms.COUNTRY)
    while start > 0:
        prev = doc[start - 1]
        describes = prev.dep_ in {"compound", "amod", "nmod", "npadvmod"} and (
            not prev.ent_type_ or prev.ent_type_ in places
        )  # "Indian firm", "US aircraft firm"; not "Sony robot"
        hyphen = prev.text in _HYPHENS and not prev.whitespace_
        if not (describes or hyphen) or prev.pos_ in {"DET", "PART", "PRON"}:
            break
        if prev.lower_ in load_lexicon().words.relating_modifiers:
            break  # "the other US mortgage firm": a US mortgage firm
        start -= 1
    if start + 2 <= noun.i and doc[start].text in _HYPHENS:
        start += 2  # "Sony-made games console" cut at "Sony": no "-made"
    span = doc[start : noun.i + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char)


def _premodifier_types(ctx: Context) -> Iterator[Fact]:
    """ "Car-maker Halcyon", "Halcyon's humanoid robot Kite", "the film Nora Lusk": the
    class noun right before a name, tied to it, is the name's type."""
    for ent in ctx.ents:
        if ent.start == 0 or ent.label_ in ctx.lexicon.value_labels:
            continue
        noun, root = ent.doc[ent.start - 1], ent.root
        tied = (
            noun.head.i == root.i
            or root.head.i == noun.i
            or (noun.head.i == root.head.i and noun.dep_ == root.dep_)
        )  # "robot Kite" parsed as two subjects of one verb
        appos = noun.dep_ == "appos" or (root.dep_ == "appos" and root.head.i == noun.i)
        if not tied or appos or not _class_noun(ctx, noun) or not _one(noun):
            continue
        subj = sx.mention(root, keep_preps=False)
        if subj is None:
            continue
        yield sx.make_fact(subj, terms.IS_A, _described(noun), noun, rule="premodifier")
        yield from _kind_modifiers(ctx, subj, noun)


def _kind_modifiers(ctx: Context, subj: Mention, noun: Token) -> Iterator[Fact]:
    """ "the Xbox game Halo 2", "the iPhone app X": the name on a product's kind is
    related to the product, in a way the text leaves open (platform, maker, brand)."""
    if ctx.lexicon.classes.get(noun.lemma_.lower()) not in _PRODUCT_CLASSES:
        return
    for c in noun.children:
        if c.dep_ == "compound" and c.ent_type_ in ctx.lexicon.words.ownable_labels:
            other = sx.mention(c, keep_preps=False)
            if other is not None and other.text != subj.text:
                yield sx.make_fact(subj, terms.RELATED_TO, other, noun, rule="kind-modifier")


def _name_like(ctx: Context, tok: Token) -> bool:
    return _named(ctx, tok) or tok.pos_ == "PROPN"


def _alias_facts(ctx: Context) -> Iterator[Fact]:
    """ "X is now known as Y", "X, formerly known as Y,", "X was renamed Y" -> (X,
    knownAs, Y); "a new console, billed as the Y" -> (Y, isA, new console)."""
    w = ctx.lexicon.words
    for verb in ctx.with_words(lemmas=w.alias_verbs):
        if verb.tag_ not in {"VBN", "VBD"}:
            continue
        names = [c for c in verb.children if c.dep_ in {"oprd", "attr"} and _name_like(ctx, c)]
        names += [o for p, o in fr.prep_objects(verb)
                  if p.lower_ in w.alias_prepositions and _name_like(ctx, o)]  # fmt: skip
        holders = fr.passive_subjects(verb) if names else []
        if names and not holders and verb.dep_ == "acl":
            holders = [verb.head]  # "a console, billed as Y" with "billed" read as past
        for h in holders:
            definite = any(c.dep_ == "det" and c.lower_ in w.definite_articles for c in h.children)
            if _name_like(ctx, h) or definite:  # "the company is now known as Y": a name's
                prop, subj_tok, rule = terms.KNOWN_AS, h, "known-as"
            elif _class_noun(ctx, h):
                prop, subj_tok, rule = terms.IS_A, None, "billed-as"
            else:
                continue
            for n in names:
                if subj_tok is None:
                    subj, obj = sx.mention(n, keep_preps=False), _described(h)
                else:
                    subj, obj = sx.mention(h, keep_preps=False), sx.mention(n, keep_preps=False)
                if subj and obj and subj.text != obj.text:
                    yield sx.make_fact(subj, prop, obj, verb, negated=ctx.negated(verb),
                                       modality_=ctx.modality(verb), rule=rule)  # fmt: skip


def _description_types(ctx: Context) -> Iterator[Fact]:
    """ "Acme makes soap. The Dutch chemicals company said ...": a definite description
    of an organisation that describes it ("Dutch chemicals company", not a bare "the
    company") types the organisation it refers to. The fact's subject is the
    description itself: resolution gives it its referent, or drops it (a concept
    subject) when the text named none."""
    w, lex = ctx.lexicon.words, ctx.lexicon
    for noun in ctx.with_words(lemmas=lex.class_nouns(terms.ORGANIZATION)):
        if noun.tag_ != "NN" or noun.dep_ not in fr.SUBJ | fr.PASS_SUBJ or noun.ent_type_:
            continue
        lemma = noun.lemma_.lower()
        if lemma in w.state_institutions:
            continue  # "the Kenyan government" stands for the state, it is no type of it
        dets = [c for c in noun.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in w.definite_articles:
            continue
        kind = _described(noun)
        if len(kind.text.split()) < 2 or any(
            c.dep_ == "amod" and c.lower_ in w.description_stop_modifiers for c in noun.children
        ):
            continue  # "the company" says nothing; "the new company" is another one
        subj = sx.mention(noun, keep_preps=False)
        if subj is not None:
            yield sx.make_fact(subj, terms.IS_A, kind, noun, rule="description")


def copula_facts(ctx: Context) -> Iterator[Fact]:
    """isA facts from "X is a N", from appositions ("X, a N,", "X, the maker,", "the
    player, the Zeno,") and from a class noun before a name ("Car-maker X"). A title
    ("X, a spokesman,") is a role: the registry lets the role extractor's fact win."""
    for tok in ctx.where(dep={"attr", "appos"}):
        if tok.dep_ == "attr" and _indefinite(ctx, tok):
            if _copula(tok) is not None and tok.pos_ in {"NOUN", "PROPN"}:
                yield from _copula_types(ctx, tok)
        elif tok.dep_ == "appos" and not _relation_noun(ctx, tok):
            found = _appos_type(ctx, tok)
            if found is None:
                continue
            name, kind = found
            if kind.i > name.i and not _fits_person(ctx, name, kind):
                continue
            subj = sx.mention(name, keep_preps=False)
            # "a new games console, the Zeno": the kind as the words before it give it
            obj = _described(kind) if kind.i < name.i else sx.mention(kind, keep_preps=False)
            if subj and obj:
                yield sx.make_fact(subj, terms.IS_A, obj, tok, rule="appos")
            if subj and kind.i < name.i:
                yield from _kind_modifiers(ctx, subj, kind)
    yield from _premodifier_types(ctx)
    yield from _alias_facts(ctx)
    yield from _description_types(ctx)


def _ranked_in_group(ctx: Context, noun: Token) -> list[Token]:
    """The organisations a superlative ranks a noun in: "the largest army in NATO"."""
    superlative = any(
        c.tag_ == "JJS" or (c.dep_ == "amod" and any(g.tag_ == "JJS" for g in c.children))
        for c in noun.children
    )
    if not superlative:
        return []
    preps = ctx.lexicon.words.group_prepositions
    orgs = ctx.lexicon.labels_of(terms.ORGANIZATION)
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj" and o.ent_type_ in orgs]  # fmt: skip


def membership_facts(ctx: Context) -> Iterator[Fact]:
    """memberOf from a superlative ranking inside an organization: "X has the largest
    army in NATO", "X is the second biggest economy in the EU"."""
    members = ctx.lexicon.words.affiliation_labels
    for noun in ctx.where(pos={"NOUN"}, dep={"dobj", "attr"}):
        groups = _ranked_in_group(ctx, noun)
        verb = noun.head
        for s_head in fr.subjects(verb) if groups else []:
            subj = sx.mention(s_head, keep_preps=False) if s_head.ent_type_ in members else None
            for obj in (sx.mention(g, keep_preps=False) for g in groups):
                if subj and obj:
                    yield sx.make_fact(subj, terms.MEMBER_OF, obj, verb, negated=ctx.negated(verb),
                                       modality_=ctx.modality(verb),
                                       rule="superlative")  # fmt: skip
