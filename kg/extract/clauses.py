"""Clauses -> facts: who did what to whom, read off the frame layer.

Every ``event`` frame gives one fact per (subject, participant argument): subject-verb-
object, ditransitives ("sell Ukraine a shipment": recipient and item), xcomp chains
("is preparing to sell": the frame layer hands the subject down), relative clauses,
coordination, passives (with and without an agent), prepositional objects ("stand for
X"). Verbs the ontology lists as triggers become its properties; any other verb becomes
an open relation named by its lemma. Object predicatives ("called X a provocation") are
the characterization extractor's.
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


def _open_name(frame: fr.Frame, arg: fr.Arg) -> str:
    """An open relation's name; a prepositional argument keeps its preposition ("born in
    X" -> bornIn, "called for X" -> callFor, "pulled out of X" -> pullOutOf): "call X" is
    another relation."""
    prep = arg.role.partition(":")[2]  # "prep:for", "place:in"; "object" has none
    if arg.role == "recipient" and not frame.passive and fr.objects(frame.pred):
        # "lent Velmora a tanker", "offered Brumco a discount": the recipient is who it went
        # to, named as "lent a tanker to Velmora" names it (not what was lent); a "recipient"
        # with no object beside it is an object the parser misread ("awarded contracts")
        prep = min(load_words().recipient_prepositions)
    if not prep:
        return frame.name
    return frame.name + sx.camel("_", prep)[1:]  # "stepDown" + "from"


def _stretch_of(tok, w):
    """ "Weeks of street protests forced X": a stretch of time of something stands for
    that thing; any other token is itself."""
    if tok.lemma_.lower() not in w.duration_nouns:
        return tok
    things = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj" and o.pos_ in {"NOUN", "PROPN"}]  # fmt: skip
    return things[0] if things else tok


def _as_phrase(verb: Token, obj: Token, w) -> list[Token]:
    """ "classed Halvex as a bank", "dismissed the report as biased", "described
    the offer as derisory": the "as" phrase of a verb of classing, on the verb or on its
    object, or an "as" the parser made an adverb of an adjective clause."""
    if verb.lemma_.lower() not in w.as_complement_verbs:
        return []
    for c in (*verb.children, *obj.children):
        if c.lower_ not in w.complement_prepositions or c.i <= obj.i:
            continue
        if c.dep_ == "prep":
            return list(c.subtree)
    for c in verb.children:  # "as/advmod derisory/advcl", "as/mark biased/advcl"
        if (
            c.dep_ == "advcl"
            and (c.pos_ == "ADJ" or c.tag_ == "VBN")  # "as biased": a participle too
            and c.i > obj.i
            and not any(s.dep_ in fr.SUBJ | fr.PASS_SUBJ for s in c.children)  # "as X rose"
            and any(
                a.dep_ in {"advmod", "mark"} and a.lower_ in w.complement_prepositions
                for a in c.children
            )
        ):
            return list(c.subtree)
    return []


def _place_phrase(prep: Token, w) -> bool:
    """ "on hold", "at the edge of X": a place, not a time ("left the country in
    1990") nor an amount."""
    lex = load_lexicon()
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    return prep.lower_ in w.placing_prepositions and any(
        o.ent_type_ not in lex.value_labels and o.lemma_.lower() not in w.time_nouns for o in objs
    )


def _complement(verb: Token, obj: Token, w) -> list[Token]:
    """The object's complement, which gives the fact its content: "keep the lenders
    calm" (an adjective predicative), "classed X as a bank", "left the project on hold",
    "put the stadium at the edge of town" (a verb of placing and its place)."""
    for c in verb.children:
        if c.dep_ == "oprd" and c.pos_ == "ADJ" and c.i > obj.i:
            return list(c.subtree)
    found = _as_phrase(verb, obj, w)
    if found or verb.lemma_.lower() not in w.placing_verbs:
        return found
    for c in verb.children:
        if c.dep_ == "prep" and c.i > obj.i and _place_phrase(c, w):
            return list(c.subtree)
    return []


def _with_complement(obj: Mention, verb: Token, head: Token, w) -> Mention:
    """The object with its complement when the complement follows it directly: "keep
    the lenders calm" -> "lenders calm" ("keep the lenders" says nothing); one that
    does not ("keep, for now, X calm") is left out, as is one with punctuation."""
    comp = sorted(_complement(verb, head, w), key=lambda t: t.i)
    while comp and comp[-1].is_punct and not comp[-1].is_quote:
        comp.pop()  # 'as "investment grade",': the comma after is the sentence's
    doc = verb.doc
    if sum(t.is_quote for t in comp) % 2 and comp[-1].i + 1 < len(doc) \
            and doc[comp[-1].i + 1].is_quote:  # fmt: skip
        comp.append(doc[comp[-1].i + 1])  # 'as "pretty modest"': the closing quote
    # quotes are the complement's own ('classed X as "investment grade"')
    if not comp or any(t.is_punct and not t.is_quote for t in comp):
        return obj
    first, last = comp[0], comp[-1]
    before = doc[first.i - 1]
    # "enable Halvex and Brumco to develop X": after the last of coordinated objects
    tail = sx.phrase_tokens(sx.conjuncts(head)[-1])[-1]
    # "see the memo from the board as vital": words of the object's own may stand between
    gap = [t for t in doc[head.i : first.i] if t.idx >= obj.end]
    own = all(head.is_ancestor(t) and not t.is_punct for t in gap)
    if before.idx + len(before) != obj.end and before.i != tail.i and not own:
        return obj
    if last.i - first.i + 1 != len(comp):
        return obj
    return Mention(text=f"{obj.text} {doc[first.i : last.i + 1].text}", start=obj.start,
                   end=last.idx + len(last))  # fmt: skip


def _clause_subject(verb: Token, obj: Token, w) -> bool:
    """ "the study found the river is rising", "said the fund aimed to lift X",
    "accept A and B were not to blame": an "object" of a verb that takes a clause,
    followed at once by a finite verb, is the subject of a clause whose "that" was left
    out; the verb says nothing of the noun itself."""
    doc = obj.doc
    end = sx.phrase_tokens(sx.conjuncts(obj)[-1])[-1].i + 1
    if end >= len(doc):
        return False
    nxt = doc[end]
    if not verb.is_ancestor(nxt):
        return False  # "Any tenant accepting the lease must pay": the main clause
    if verb.lemma_.lower() not in w.clause_taking_verbs:
        return _subjectless_clause(verb, nxt)
    if nxt.tag_ == "VBN":
        return any(c.dep_ in {"xcomp", "ccomp"} for c in nxt.children)
    return nxt.tag_ in w.finite_verb_tags and nxt.pos_ in fr.VERBAL


def _no_relation(verb: Token, arg: fr.Arg, w) -> bool:
    """ "Treharne has talent" ("has no display" is one), "Brumco followed suit" (an
    idiom's noun, lexicon idiom_objects, is part of the verb), an adjective or adverb
    the parser made an object: no relation."""
    lemma, head = verb.lemma_.lower(), arg.head
    if f"{lemma} {head.lemma_.lower()}" in w.idiom_objects:
        return True
    if head.pos_ in {"ADJ", "ADV"} and not any(
        c.dep_ == "det" or (c.dep_ == "prep" and c.lower_ in w.partitive_prepositions)
        for c in head.children
    ):
        # "..., much to the anger of X": no noun ("helped the poor", "revisit many of
        # the deals" name one)
        return True
    return lemma in w.vague_verbs and not arg.head.ent_type_ and not arg.negated


def _subjectless_clause(verb: Token, nxt: Token) -> bool:
    """ "We regret the ministry has taken X": a verb the lexicon does not list takes a
    clause too when the token after its "object" opens a clause the parser hung on the
    verb with no subject of its own (its finite verb or an auxiliary of it)."""
    clause = nxt if nxt.dep_ == "ccomp" else nxt.head
    return (
        clause.dep_ == "ccomp"
        and clause.head.i == verb.i
        and (nxt.i == clause.i or nxt.dep_ in {"aux", "auxpass"})
        and nxt.tag_ in load_words().finite_verb_tags
        and not any(c.dep_ in fr.SUBJ | fr.PASS_SUBJ for c in clause.children)
    )


def _takes_complement(arg: fr.Arg, frame: fr.Frame, w) -> bool:
    """An active verb's object, or the object of the preposition a control verb names
    its controller with ("called on the board to withdraw")."""
    prep = arg.role.partition(":")[2]
    return not frame.passive and (arg.role == "object" or prep in w.control_prepositions)


def _item_property(prop: str, verb: Token, lex) -> str:
    """The property for what a verb gives: the trigger verb's own ("sold its stake" ->
    sells, ``kg:itemVerb``), else its property's (supplies -> suppliesItem)."""
    return lex.item_property(prop, verb.lemma_) or prop


def _business_sold(verb: Token, args: list, ctx: Context) -> Token | None:
    """The object of a sale or transfer when it is a business (an organisation's name,
    or a noun for a part of one: "its insurance arm", "a 20% stake"): its recipient is
    its buyer, not a customer supplied."""
    w = ctx.lexicon.words
    if verb.lemma_.lower() not in w.item_object_verbs:
        return None
    orgs = ctx.lexicon.labels_of(terms.ORGANIZATION)
    for a in args:
        if a.role == "object" and (
            a.head.ent_type_ in orgs or a.head.lower_ in w.business_item_nouns
        ):
            return a.head
    # "10% of its stake", "half of its insurance arm" (a value, no argument of the
    # frame): a part of a business is one
    for share in fr.objects(verb):
        if any(o.lower_ in w.business_item_nouns for o in _part_of(share, ctx)):
            return share
    return None


def _part_of(head: Token, ctx: Context) -> list[Token]:
    """What a share or a fraction is of: "10% of its stake" -> stake."""
    w = ctx.lexicon.words
    share = head.ent_type_ == "PERCENT" or head.lower_ in w.fraction_words
    if not share:
        return []
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ in w.quantity_of_prepositions
            for o in p.children if o.dep_ == "pobj"]  # fmt: skip


def _blamed(verb: Token, arg: fr.Arg, w) -> Mention | None:
    """The argument's mention; for the object of a verb of blaming, what is blamed only:
    "blamed high prices for the cut" -> high prices, "blamed the cut on high prices" ->
    high prices (what it is blamed for is no part of the object)."""
    head = arg.head
    if arg.role != "object" or verb.lemma_.lower() not in w.accusing_verbs:
        return sx.mention(head)
    for prep in (c for c in head.children if c.dep_ == "prep"):
        pobj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if pobj is not None and prep.lower_ in w.blamed_on_prepositions:
            return sx.mention(pobj, keep_preps=False)
        if pobj is not None and prep.lower_ in w.accusing_prepositions:
            return sx.mention(head, keep_preps=False)
    return sx.mention(head)


def clause_facts(ctx: Context) -> Iterator[Fact]:
    """Subject-verb-object facts from every event frame of the document."""
    for frame in ctx.frames(fr.EVENT):
        args = [a for a in frame.args if a.kind == fr.PARTICIPANT]
        if not frame.subjects or not args:
            continue
        verb = frame.pred
        negated, modality = ctx.negated(verb), ctx.modality(verb)
        words = ctx.lexicon.words
        for s_head in frame.subjects:
            subj = sx.mention(_stretch_of(s_head, words), keep_preps=False)
            if subj is None:
                continue
            # "Microsoft and Google, but not Apple, signed": a denied subject
            s_negated = sx.remnant_negated(s_head) and s_head.dep_ == "conj"
            for arg in args:
                obj = None if arg.head.i == s_head.i else _blamed(verb, arg, words)
                if obj is None or not obj.text:
                    continue
                if arg.role == "object" and not frame.passive \
                        and _clause_subject(verb, arg.head, words):  # fmt: skip
                    continue
                if _takes_complement(arg, frame, words):
                    obj = _with_complement(obj, verb, arg.head, words)
                if _no_relation(verb, arg, words):
                    continue
                # "denied the allegations": a speech verb with an object is no speech
                prop = None if arg.prop in ctx.lexicon.speech else arg.prop
                if (
                    prop
                    and arg.role == "object"
                    and (
                        verb.lemma_.lower() in words.item_object_verbs
                        or any(a.role == "recipient" for a in args)
                    )
                ):
                    # "sold the midfielder (to X)": what is sold is the item; "supplies
                    # the army" names the recipient, unless a recipient stands beside it
                    prop = _item_property(prop, verb, ctx.lexicon)
                if arg.role == "recipient" and (item := _business_sold(verb, args, ctx)):
                    # "sold its insurance arm to Brumco": Brumco buys a business; it is
                    # not supplied
                    yield sx.make_fact(obj, "acquires", sx.mention(item), verb,
                                       negated=negated or arg.negated or s_negated,
                                       modality_=modality, rule="sale-buyer")  # fmt: skip
                    continue
                rule = frame.rule + ("" if prop else "-open")
                name = prop or _open_name(frame, arg)
                yield sx.make_fact(subj, name, obj, verb,
                                   negated=negated or arg.negated or s_negated,
                                   modality_=modality,
                                   rule=rule + ("-remnant" if arg.negated or s_negated
                                                else ""))  # fmt: skip
    yield from venue_facts(ctx)


def _venues(ctx: Context, verb, holders: list) -> list:
    """The places an event verb puts its event in: an "in"/"at" place on the verb, or on
    one of its agents (``holders``), where the small model hangs it."""
    lex = ctx.lexicon
    places = lex.labels_of(terms.LOCATION, terms.COUNTRY)
    preps = lex.words.venue_prepositions
    return [(p, o) for h in (verb, *holders) for p, o in fr.prep_objects(h)
            if p.lower_ in preps and o.ent_type_ in places]  # fmt: skip


def venue_facts(ctx: Context) -> Iterator[Fact]:
    """ "The contest, hosted by Sweden in Malmö", "Latvia staged the games in Riga": the
    event is (hosted) in the place; the host is not located there."""
    w = ctx.lexicon.words
    for verb in ctx.verbs:
        if verb.lemma_.lower() not in w.venue_verbs:
            continue
        passive = fr.is_passive(verb)
        events = fr.passive_subjects(verb) if passive else fr.objects(verb)
        holders = fr.agent(verb) if passive else fr.subjects(verb)
        for p, place in _venues(ctx, verb, holders) if events else ():
            obj = sx.mention(place, keep_preps=False)
            for e in events:
                subj = sx.mention(e, keep_preps=False)
                if subj is None or obj is None or e.ent_type_ in ctx.lexicon.value_labels:
                    continue
                yield sx.make_fact(subj, sx.camel(verb.lemma_.lower(), p.lower_), obj, verb,
                                   negated=ctx.negated(verb), modality_=ctx.modality(verb),
                                   rule="venue")  # fmt: skip


def _adjective_base(lemma: str, w) -> tuple[str, bool]:
    """ "unaware" -> ("aware", True): a negative adjective states its base, denied."""
    if lemma in w.negative_adjectives:
        for prefix in sorted(w.negative_prefixes, key=len, reverse=True):
            if lemma.startswith(prefix):
                return lemma[len(prefix) :], True
    return lemma, False


def predicative_facts(ctx: Context) -> Iterator[Fact]:
    """Adjectives of a copula with a prepositional object: "X was unaware of the leak"
    -> (X, awareOf, leak), denied; "X is critical of Y" -> (X, opposes, Y) where the
    ontology lists the adjective (kg:triggerAdjective)."""
    lex = ctx.lexicon
    w = lex.words
    for adj in ctx.where(pos={"ADJ"}, dep={"acomp", "oprd"}):
        yield from _plea_facts(ctx, adj)
        if adj.dep_ != "acomp" or adj.head.lemma_ not in w.copulas:
            continue
        cop = adj.head
        base, denied = _adjective_base(adj.lemma_.lower(), w)
        preps = [(p, o) for p, o in fr.prep_objects(adj) if o.ent_type_ not in lex.value_labels]
        subjects = [s for s in (sx.mention(h, keep_preps=False) for h in fr.subjects(cop)) if s]
        for prep, pobj in preps:
            obj = sx.mention(pobj)
            prop = lex.adjectives.get(f"{base} {prep.lower_}")
            for subj in subjects if obj is not None else []:
                yield sx.make_fact(subj, prop or sx.camel(base, prep.lower_), obj, adj,
                                   negated=ctx.negated(cop) != denied,
                                   modality_=ctx.modality(cop),
                                   rule="adjective" if prop else "adjective-open")  # fmt: skip


def _plea_facts(ctx: Context, adj: Token) -> Iterator[Fact]:
    """ "Ebbers pleaded not guilty to fraud" -> (Ebbers, pleadNotGuiltyTo, fraud): the
    plea, with its "not", names the relation; the verb's own polarity is the fact's."""
    w, verb = ctx.lexicon.words, adj.head
    if verb.lemma_.lower() not in w.plea_verbs or adj.lower_ not in w.plea_adjectives:
        return
    denied = any(c.dep_ == "neg" for c in adj.children)
    name = sx.camel(verb.lemma_.lower(), "not" if denied else "", adj.lower_)
    subjects = [s for s in (sx.mention(h, keep_preps=False) for h in fr.subjects(verb)) if s]
    charges = [(p, o) for p, o in [*fr.prep_objects(adj), *fr.prep_objects(verb)]
               if p.lower_ in w.plea_prepositions]  # fmt: skip
    for prep, pobj in charges:
        obj = sx.mention(pobj)
        for subj in subjects if obj is not None else []:
            yield sx.make_fact(subj, name + sx.camel("_", prep.lower_)[1:], obj, verb,
                               negated=ctx.negated(verb), modality_=ctx.modality(verb),
                               rule="plea")  # fmt: skip


def characterization_facts(ctx: Context) -> Iterator[Fact]:
    """Object predicatives: "Putin called the use of drones a provocation" ->
    (Putin, call, provocation), the label the subject puts on the thing."""
    for verb in ctx.where(pos={"VERB"}):
        oprds = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ in {"NOUN", "PROPN"}]
        if not oprds:
            continue
        for s_head in fr.subjects(verb):
            subj = sx.mention(s_head, keep_preps=False)
            for obj in (sx.mention(o) for o in oprds):
                if subj is not None and obj is not None:
                    yield sx.make_fact(subj, verb.lemma_.lower(), obj, verb,
                                       negated=ctx.negated(verb), modality_=ctx.modality(verb),
                                       rule="object-predicative")  # fmt: skip
