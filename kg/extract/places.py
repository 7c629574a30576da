"""Places inside places, and where organisations are based, as the text writes them.

- "Shreveport, La.", "HANOI, Vietnam": a place followed by a comma and a larger
  one (a country, or a state written the way news abbreviates it) -> locatedIn;
- "Homs in western Syria", "the 5th Regiment in Tarvel": an "in" phrase on the name
  itself -> locatedIn, or basedIn for an organisation;
- "Oregon's Cascade Range", "Norway's Fjordland party": a place as possessor;
- "Tartu, Estonia's second-largest city", "Tallinn, the capital of Estonia": an
  apposition that says what kind of place, and of where;
- "the Munich-based Halford Bank", "a Taipei chipmaker", "the Russian Energy Ministry",
  "Tremont Savings Co. of Boston": an organisation's place in its own name's
  modifiers;
- "Nagoya in Aichi Prefecture", "Bilbao is in northern Spain", "Guadalajara, the capital
  of the western Mexican state of Jalisco", "Times Square station in New York": a
  region after "in", a copula's "in", a chain of place nouns, a name on its kind noun;
- "the Central Bank of Ireland", "Harlan Tool Co. in Yakima", "the Oslo-based insurer":
  a place at the end of an organisation's name, after a name that says it has a seat,
  or on a description of the organisation -> basedIn;
- "HELSINKI, Finland (AP) --", "Warsaw RZECZPOSPOLITA in Polish": a dateline
  (kg/datelines.py) -> the agency operatesIn its places;
- "Anna Berg, who lives in Tromso", "her Vermont home" -> livesIn; "in her native
  Arizona", "his hometown of Tulsa", "Ohio-born Jane Doe" -> nativeOf: a person's places.

The facts are the text's, not a gazetteer's: nothing is added that the sentence does
not say. A list ("Paris, London and Berlin") is no containment: the second place must
be a country or an abbreviated state, and the first no country.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..datelines import dateline
from ..gazetteer import Gazetteer, city_names, names_us_state, norm, us_states
from ..model import Fact, Mention
from . import frames as fr
from . import syntax as sx
from . import terms
from .context import Context


def _mention(span: Span) -> Mention:
    toks = [t for t in span if t.dep_ != "case" and not t.is_punct or t.text == "."]
    toks = [t for t in toks if t.pos_ != "DET"] or list(span)
    return Mention(text=sx.phrase_text(toks), start=toks[0].idx,
                   end=toks[-1].idx + len(toks[-1]), label=span.label_)  # fmt: skip


def _kind(ctx: Context, span: Span) -> str | None:
    cls = ctx.lexicon.ner_class.get(span.label_)
    if cls in {terms.LOCATION, terms.ORGANIZATION}:
        return cls
    return None


def _is_country(ctx: Context, span: Span) -> bool:
    hit = ctx.places.lookup(sx.phrase_text([t for t in span if t.pos_ != "DET"]))
    # named as a country, not by its capital ("According to Bloomberg, Ankara ...")
    return hit is not None and hit[0].type == terms.COUNTRY and hit[1] == Gazetteer.BY_NAME


def _country_in_town(ctx: Context, ent: Span, place: Span) -> bool:
    """ "hosted by Sweden in Malmö": the parser hangs the event's place on the country; a
    country is never in a town or a state, only in a country or a region."""
    return (
        _is_country(ctx, ent)
        and ctx.lexicon.ner_class.get(place.label_) == terms.LOCATION
        and place.label_ not in ctx.lexicon.words.site_labels  # "in Scandinavia"
        and not _is_country(ctx, place)
        and not _region(ctx, place)
    )


def _listed(tok: Token) -> bool:
    """A member of a list joined by "and"/"or" (not a dateline's "HELSINKI, Finland",
    which the parser also coordinates, with no conjunction)."""
    heads = [tok, tok.head] if tok.dep_ == "conj" else [tok]
    return any(c.dep_ in {"cc", "conj"} and c.i != tok.i for h in heads for c in h.children)


def _comma_container(ctx: Context, span: Span, ents_at: dict[int, Span]) -> Span | None:
    """ "Shreveport, La." / "NAIROBI, Kenya" / "Mopti, central
    Mali": the larger place after a comma (and a point of the compass)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    k = span.end + 1
    compass = ctx.lexicon.words.compass_words
    while k not in ents_at and k < min(len(doc), span.end + 4) and \
            (doc[k].lower_ in compass or doc[k].text == "-"):  # fmt: skip
        k += 1
    nxt = ents_at.get(k)
    if nxt is None or ctx.lexicon.ner_class.get(nxt.label_) != terms.LOCATION:
        return None
    if _listed(nxt.root):
        return None  # "fly to Oslo, Singapore and Kuala Lumpur": a list, not a chain
    text = nxt.text.strip()
    state = names_us_state(text)
    if not (state or _is_country(ctx, nxt)) or _is_country(ctx, span):
        return None
    return nxt


def _comma_after(ctx: Context, span: Span, ents_at: dict[int, Span]) -> Span | None:
    """ "the Mojave Desert, in California," / "Fort Polk Army Base, Leesville,
    La.": a site's or an area's place after a comma, with an "in" or as a
    place placed itself (a list of towns is no such chain: sites and areas only)."""
    doc = span.doc
    if span.label_ not in ctx.lexicon.words.site_labels or span.end + 2 >= len(doc):
        return None
    if doc[span.end].text != ",":
        return None
    k = span.end + 1
    if doc[k].lower_ in ctx.lexicon.words.containment_prepositions:
        nxt = ents_at.get(k + 1)
        ok = nxt is not None and ctx.lexicon.ner_class.get(nxt.label_) == terms.LOCATION
        return nxt if ok else None
    nxt = ents_at.get(k)
    if nxt is None or ctx.lexicon.ner_class.get(nxt.label_) != terms.LOCATION:
        return None
    return nxt if _comma_container(ctx, nxt, ents_at) is not None else None


def _place_children(ctx: Context, tok: Token, deps: set[str]) -> list[Token]:
    places = {terms.LOCATION, terms.COUNTRY}
    return [c for c in tok.children
            if c.dep_ in deps and ctx.lexicon.ner_class.get(c.ent_type_) in places]  # fmt: skip


def _known_places(ctx: Context, toks: list[Token]) -> list[Token]:
    """The places the gazetteer knows: "Jet's IPO" is no place's IPO, whatever NER took
    the airline's short name for ("Norway's Fjordland party" is)."""
    out = []
    for t in toks:
        ref = ctx.refs.by_token.get(t.i)
        if ref is not None and (ref.qid or ref.rule.startswith("gazetteer")):
            out.append(t)
    return out


def _in_phrase(ctx: Context, tok: Token) -> list[Token]:
    """ "Kassala in eastern Sudan": a place in an "in" phrase on the name's head."""
    preps = ctx.lexicon.words.containment_prepositions
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps
            for o in _place_children(ctx, p, {"pobj"})]  # fmt: skip


def _region(ctx: Context, big: Span) -> bool:
    """A place the text calls a region: "Aichi Prefecture", "Tuscany province"."""
    regions = ctx.lexicon.words.region_nouns
    after = big.root.head if big.root.dep_ == "compound" and big.root.head.i == big.end else None
    return big[-1].lower_ in regions or (after is not None and after.lower_ in regions)


def _in_after(ctx: Context, span: Span) -> list[Token]:
    """ "Floods hit Porto Alegre in southern Brazil", "Siena in Tuscany province": the
    parser hangs the "in" on the verb, but an "in" right after a place, naming a
    country, a state or a region, places it."""
    doc = span.doc
    if (
        span.end >= len(doc)
        or doc[span.end].lower_ not in ctx.lexicon.words.containment_prepositions
    ):
        return []
    if _is_country(ctx, span):
        return []
    prep = doc[span.end]
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    # "in Tuscany province": the place names the region noun the "in" governs
    objs += [c for o in objs if not o.ent_type_ for c in o.children if c.dep_ == "compound"]
    out = []
    for o in objs:
        big = sx.ent_span(o)
        if big is None or ctx.lexicon.ner_class.get(big.label_) != terms.LOCATION:
            continue
        if _is_country(ctx, big) or big.text.lower() in us_states() or _region(ctx, big):
            out.append(o)
    return out


def _in_city_after(ctx: Context, span: Span, kinds: frozenset[str]) -> list[Token]:
    """ "Keele University in Stoke", "Harlan Tool Co. in Yakima": an "in" and a city
    right after an organisation whose name says it has a seat (``kinds``), wherever the
    parser hangs the "in" ("sales of Apple in Paris" say nothing of Apple's seat)."""
    doc = span.doc
    last = span[-1].lower_.rstrip(".")
    if last not in kinds or span.end + 1 >= len(doc):
        return []
    if doc[span.end].lower_ not in ctx.lexicon.words.containment_prepositions:
        return []
    out = []
    for o in _place_children(ctx, doc[span.end], {"pobj"}):
        big = sx.ent_span(o)
        if big is not None and not _is_country(ctx, big) and not names_us_state(big.text):
            out.append(o)
    return out


def _copula_in(ctx: Context, span: Span) -> list[Token]:
    """ "Leeds is in Yorkshire county", "Bilbao is in northern Spain": a place said to be in
    a place."""
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ not in ctx.lexicon.words.copulas:
        return []
    preps = ctx.lexicon.words.containment_prepositions
    out: list[Token] = []
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ not in preps:
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            if o.ent_type_:
                out += _place_children(ctx, p, {"pobj"})
            elif o.lemma_.lower() in ctx.lexicon.words.region_nouns:
                out += _place_children(ctx, o, {"compound"})
    return out


def _of_places(ctx: Context, noun: Token) -> list[Token]:
    """The places after a place noun's "of": "the capital of Armenia", and through a
    place noun that names none itself, "the capital of the western Mexican state of Jalisco"."""
    w = ctx.lexicon.words
    out: list[Token] = []
    for p in noun.children:
        if p.dep_ != "prep" or p.lower_ not in w.partitive_prepositions:
            continue
        out += _place_children(ctx, p, {"pobj"})
        for o in p.children:
            if o.dep_ == "pobj" and not o.ent_type_ and o.lemma_.lower() in w.place_nouns:
                out += _of_places(ctx, o)
    return out


def _named_kind(ctx: Context, ent: Span) -> bool:
    """ "Times Square station", "the Azadi stadium": a place's name on the noun of its
    kind, whose "in" phrase places it (an organisation's name on a noun is another
    thing: "an Acme plant in Lyon" is no Acme in Lyon)."""
    root = ent.root
    w = ctx.lexicon.words
    kind = root.head.lemma_.lower() in w.place_kind_nouns | w.facility_nouns  # not "U.S. bank"
    return (root.dep_ == "compound" and root.head.i == ent.end and kind
            and _kind(ctx, ent) == terms.LOCATION)  # fmt: skip


def _apposition_of(ctx: Context, tok: Token) -> list[Token]:
    """ "Tallinn, the capital of Estonia", "Tartu, Estonia's second-largest city"."""
    w = ctx.lexicon.words
    out: list[Token] = []
    for app in tok.children:
        if app.dep_ != "appos" or app.lemma_.lower() not in w.place_nouns:
            continue
        out += _place_children(ctx, app, {"poss"})
        out += _of_places(ctx, app)
    return out


def _is_place(ctx: Context, t: Token) -> bool:
    """A place, or a nationality that names its country ("German carmaker BMW"; not a
    party: "the Tory Budget")."""
    if ctx.lexicon.ner_class.get(t.ent_type_) in {terms.LOCATION, terms.COUNTRY}:
        return True
    if t.ent_type_ not in ctx.lexicon.words.place_modifier_labels:
        return False
    hit = ctx.places.lookup(t.text)
    return hit is not None and hit[0].type == terms.COUNTRY


def _inner_country(ctx: Context, span: Span) -> list[Token]:
    """ "the Indian Air Force", "the Russian Energy Ministry": the country in the name of a
    state body."""
    first = next((t for t in span if t.pos_ != "DET"), None)
    if first is None or first.i not in ctx.refs.inner:
        return []
    # a state's own body ("the Indian Air Force", "the Russian Energy Ministry"); an
    # association or a company may be named after a country it is not based in
    body = span.root.lemma_.lower() in ctx.lexicon.words.state_institutions
    return [first] if body else []


def _names_place(ctx: Context, span: Span) -> bool:
    """A country, a US state or a city by its name (GeoNames), whatever NER said."""
    text = sx.phrase_text([t for t in span if t.pos_ != "DET"])
    return _is_country(ctx, span) or names_us_state(text) or norm(text) in city_names()


def _place_in_name(ctx: Context, span: Span) -> Span | None:
    """ "the Supreme Court of Ghana", "the Federal Reserve Bank of Boston": an
    organisation's name that ends in "of" and a place."""
    of = ctx.lexicon.words.partitive_prepositions
    for k in range(span.end - 2, span.start, -1):
        if span.doc[k].lower_ in of:
            tail = span.doc[k + 1 : span.end]
            return tail if _names_place(ctx, tail) else None
    return None


def _of_after(ctx: Context, span: Span) -> list[Token]:
    """ "the Institute of Optics of Changchun": an "of" and a place right after the name
    (the parser hangs it on a word inside the name)."""
    doc = span.doc
    if (
        span.end + 1 >= len(doc)
        or doc[span.end].lower_ not in ctx.lexicon.words.partitive_prepositions
    ):
        return []
    return [o for o in _place_children(ctx, doc[span.end], {"pobj"})
            if doc[span.end].head.i in range(span.start, span.end)]  # fmt: skip


def _based_modifiers(ctx: Context, span: Span) -> list[Token]:
    """ "Swedish truckmaker Scania", "the U.S. 9th Squadron", "the Munich-based Halford Bank",
    "Kestrel Motors, a Tokyo-based carmaker", "the Dublin-based developer, Kestrel,",
    "Tremont Savings Co. of Boston":
    places among an organisation's modifiers and those of a noun in apposition to it."""
    root = span.root
    w = ctx.lexicon.words
    heads = [root] + [a for a in root.children if a.dep_ == "appos" and a.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < root.i:
        heads.append(root.head)  # "the Dublin-based developer, Kestrel, said"
    out: list[Token] = []
    for h in heads:
        for c in h.lefts:
            out += [t for t in c.subtree if t.i < span.start or h.i != root.i
                    if _is_place(ctx, t) and t.head.i != t.i
                    and (t.head.i == h.i or t.head.lower_ in w.based_words
                         or t.head.head.i == h.i)]  # fmt: skip
        out += [o for p in h.children if p.dep_ == "prep" and p.lower_ in w.partitive_prepositions
                for o in _place_children(ctx, p, {"pobj"})]  # fmt: skip
    # a possessor is a place only if the gazetteer knows it ("Jet's IPO")
    possessors = {t.i for t in out if t.dep_ == "poss"}
    known = {t.i for t in _known_places(ctx, [t for t in out if t.i in possessors])}
    return [t for t in out if not (span.start <= t.i < span.end)
            and (t.i not in possessors or t.i in known)]  # fmt: skip


def _of_place_noun(ctx: Context, tok: Token) -> list[Token]:
    """ "the Italian island of Lampedusa", "the Brazilian state of Amapa": the place a
    place noun's modifier names holds the name after "of"."""
    w = ctx.lexicon.words
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in w.partitive_prepositions:
        return []
    noun = prep.head
    if noun.lemma_.lower() not in w.place_nouns:
        return []
    return [
        c for c in noun.children if c.dep_ in {"amod", "compound", "poss"} and _is_place(ctx, c)
    ]


def _based_clause(ctx: Context, span: Span) -> list[Token]:
    """ "Nordlys Bank, which is based in Bergen", "Headquartered in Espoo, Kestrel said",
    "X is based in Y": a "based"/"headquartered" participle whose subject is the name."""
    w = ctx.lexicon.words
    root = span.root
    out: list[Token] = []
    for verb in [c for c in root.children if c.dep_ in {"relcl", "acl"}] + [root.head]:
        cands = [verb] + [c for c in verb.children if c.dep_ == "advcl"]
        for v in cands:
            if v.lower_ in w.based_words and (
                v.i != root.head.i or root.dep_ in {"nsubj", "nsubjpass"} or v.dep_ == "advcl"
            ):
                out += _in_phrase(ctx, v)
    return out


def _site_owners(ctx: Context, noun: Token) -> list[Token]:
    """Who runs a site: its possessor ("its refinery", "BMW's plant"), else the subject of
    the verb it is the object of ("Hyundai opened a plant")."""
    org = terms.ORGANIZATION
    poss = [c for c in noun.children if c.dep_ == "poss"]
    named = [
        c
        for c in noun.children  # "a Solvane chemical plant"
        if c.dep_ == "compound" and ctx.lexicon.ner_class.get(c.ent_type_) == org
    ]
    if poss or named:
        return poss + named
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "started assembly at a new plant in Leipzig"
    elif noun.dep_ not in fr.OBJ:
        return []
    if verb.pos_ not in fr.VERBAL:
        return []
    return [s for s in fr.subjects(verb) if ctx.lexicon.ner_class.get(s.ent_type_) == org]


def description_facts(ctx: Context) -> Iterator[Fact]:
    """ "the Oslo-based insurer said", "the Lyon-based bank": an organisation
    described, not named, by where it is based (references name it later)."""
    w = ctx.lexicon.words
    for noun in ctx.with_words(lemmas=ctx.lexicon.class_nouns(terms.ORGANIZATION), pos={"NOUN"}):
        if noun.ent_type_ or noun.dep_ == "compound":
            continue
        places = [t for c in noun.lefts for t in c.subtree
                  if _is_place(ctx, t) and t.head.lower_ in w.based_words]  # fmt: skip
        m = sx.mention(noun, keep_preps=False) if places else None
        for place in places if m is not None else []:
            span = sx.ent_span(place)
            if span is not None:
                yield sx.make_fact(m, terms.BASED_IN, _mention(span), noun, rule="described")


def dateline_facts(ctx: Context) -> Iterator[Fact]:
    """ "HELSINKI, Finland (AP) --" -> (AP, operatesIn, HELSINKI), (AP, operatesIn,
    Finland): an agency reports from the places of its dateline (kg/datelines.py)."""
    for sent in ctx.doc.sents:
        line = dateline(sent)
        if line is None or line.source is None:
            continue
        source = _mention(line.source)
        for place in line.places:
            yield sx.make_fact(source, terms.OPERATES_IN, _mention(place), line.source.root,
                               rule="dateline")  # fmt: skip


def site_facts(ctx: Context) -> Iterator[Fact]:
    """ "Halden Group will expand its refinery in Corpus Christi" -> (Halden Group,
    operatesIn, Corpus Christi): an organisation's site, placed."""
    w = ctx.lexicon.words
    for noun in ctx.with_words(lemmas=w.facility_nouns, pos={"NOUN"}):
        preps = w.facility_prepositions
        places = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
                  for o in _place_children(ctx, p, {"pobj"})]  # fmt: skip
        for owner in _site_owners(ctx, noun) if places else []:
            om = sx.mention(owner, keep_preps=False)
            for place in places:
                pm = sx.mention(place, keep_preps=False)
                if om is not None and pm is not None:
                    yield sx.make_fact(om, terms.OPERATES_IN, pm, noun, rule="site")


def place_facts(ctx: Context) -> Iterator[Fact]:
    """locatedIn and basedIn facts from the name patterns above."""
    w = ctx.lexicon.words
    ents = [e for e in ctx.ents if _kind(ctx, e) is not None]
    # "Lisbon PUBLICO": a dateline's agency reports from its places, is not based there
    lines = [line for s in ctx.doc.sents if (line := dateline(s)) is not None]
    sources = {line.source.start for line in lines if line.source is not None}
    ents_at = {e.start: e for e in ctx.ents}
    for ent in ents:
        kind = _kind(ctx, ent)
        prop = terms.LOCATED_IN if kind == terms.LOCATION else terms.BASED_IN
        found: list[tuple[Span, str]] = []
        comma = _comma_container(ctx, ent, ents_at) if kind == terms.LOCATION else None
        if comma is not None:
            found.append((comma, "comma"))
        site = _comma_after(ctx, ent, ents_at) if comma is None else None
        if site is not None:
            found.append((site, "comma"))
        org = kind == terms.ORGANIZATION
        for tok, rule in (
            [(t, "in") for t in _in_phrase(ctx, ent.root)]
            + [(t, "in") for t in (_in_phrase(ctx, ent.root.head) if _named_kind(ctx, ent) else [])]
            + [(t, "in") for t in (_in_after(ctx, ent) if not org else [])]
            + [(t, "copula") for t in (_copula_in(ctx, ent) if not org else [])]
            + [(t, "possessor") for t in _known_places(ctx, _place_children(ctx, ent.root,
                                                                            {"poss"}))]
            + [(t, "apposition") for t in _apposition_of(ctx, ent.root)]
            + [(t, "place-noun") for t in _of_place_noun(ctx, ent.root)]
            + [(t, "modifier") for t in (_based_modifiers(ctx, ent)
                                         if org and ent.start not in sources else [])]
            + [(t, "based-in") for t in (_based_clause(ctx, ent) if org else [])]
            + [(t, "of") for t in (_of_after(ctx, ent) if org else [])]
            + [(t, "seat-in") for t in (_in_city_after(ctx, ent, w.seated_organisations)
                                        if org else [])]
        ):  # fmt: skip
            span = sx.ent_span(tok)
            if span is not None and span.start != ent.start:
                found.append((span, rule))
        for t in _inner_country(ctx, ent) if org else []:
            found.append((ctx.doc[t.i : t.i + 1], "in-name"))
        named = _place_in_name(ctx, ent) if org else None
        if named is not None:
            found.append((named, "in-name"))
        seen: set[int] = set()
        for span, rule in found:
            if span.start in seen or _country_in_town(ctx, ent, span):
                continue
            seen.add(span.start)
            yield sx.make_fact(_mention(ent), prop, _mention(span), ent.root, rule=rule)
    yield from description_facts(ctx)
    yield from home_facts(ctx)
    yield from dateline_facts(ctx)
    yield from site_facts(ctx)


def _person(ctx: Context, tok: Token) -> bool:
    """A person's name, or a personal pronoun that can refer to one ("his", "she")."""
    if ctx.lexicon.ner_class.get(tok.ent_type_) == terms.PERSON:
        return True
    w = ctx.lexicon.words
    return not tok.ent_type_ and tok.lower_ in w.male_pronouns | w.female_pronouns


def _home_places(ctx: Context, noun: Token) -> list[Token]:
    """The places a home noun names: "her Vermont home", "her hometown of Tulsa"."""
    out = _place_children(ctx, noun, {"compound", "amod", "nmod"})
    return out + _of_places(ctx, noun)


def home_facts(ctx: Context) -> Iterator[Fact]:
    """ "Anna Berg, who lives in Tromso" -> (Anna Berg, livesIn, Tromso); "in his native
    Ohio", "her hometown of Tulsa", "Ohio-born Jane Doe" -> nativeOf: a person's places."""
    w = ctx.lexicon.words
    found: list[tuple[Token, str, Token, Token]] = []  # person, property, place, trigger
    for tok in ctx.with_words(lemmas=w.residence_verbs | w.home_nouns,
                              lowers=w.hometown_nouns | w.origin_words):  # fmt: skip
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in w.residence_verbs:
            places = _in_phrase(ctx, tok)
            found += [(s, terms.LIVES_IN, p, tok) for s in fr.subjects(tok) if _person(ctx, s)
                      for p in places]  # fmt: skip
        elif tok.pos_ == "NOUN" and (lemma in w.home_nouns or tok.lower_ in w.hometown_nouns):
            owners = [c for c in tok.children if c.dep_ == "poss" and _person(ctx, c)]
            prop = terms.LIVES_IN if lemma in w.home_nouns else terms.NATIVE_OF
            found += [(o, prop, p, tok) for o in owners for p in _home_places(ctx, tok)]
        elif tok.lower_ in w.origin_words and tok.dep_ == "amod" and _is_place(ctx, tok.head):
            # "in her native Arizona"
            owners = [c for c in tok.head.children if c.dep_ == "poss" and _person(ctx, c)]
            found += [(o, terms.NATIVE_OF, tok.head, tok) for o in owners]
        elif tok.lower_ in w.origin_words and tok.head.i != tok.i and _person(ctx, tok.head):
            # "Ohio born Jane Doe", "Ohio-born Jane Doe"
            places = [c for c in tok.children if c.dep_ in {"npadvmod", "compound", "nmod"}
                      and _is_place(ctx, c)]  # fmt: skip
            found += [(tok.head, terms.NATIVE_OF, p, tok) for p in places]
    for person, prop, place, trigger in found:
        pm = sx.mention(person, keep_preps=False)
        span = sx.ent_span(place)
        if pm is not None and span is not None:
            yield sx.make_fact(pm, prop, _mention(span), trigger, rule="home")
