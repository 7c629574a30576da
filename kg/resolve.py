"""Mentions -> canonical entities: one node per real-world entity.

The reference layer (kg/extract/references.py) has grouped the article's names. Here
every fact's subject, object and source is resolved against it, in this order:

1. name       a token of a grouped name -> its entity (gazetteer, person, prefix rules).
2. surname    a bare surname -> the person named in full elsewhere.
3. pronoun    he/she/his -> the person the clause above binds, else the nearest person
              before of the same gender (first names and honorifics, kg/names.py);
              it/its -> the thing the clause or the previous sentence is about; we/our
              in quoted speech -> the speaker's country, else the speaker.
4. title      "the Foreign Minister" -> the person the article gave that title.
5. institution "the Azerbaijani army", "US officials" -> the state.
6. class noun "these drones", "Turkish drones" -> the named thing of that class before.
7. description "the company", "the club" -> the organisation most salient in its sentence
              and the two before (subjects first; a subject the small model tagged as a
              place counts, one tagged as a person with nothing to show it is one stops
              the search); "the bank", "the union" -> one whose name has the noun ("the
              Bank of Korea"); none after "a shell company" (that one is meant). A
              subject "it" or "the group" counts as the organisation it takes up. The
              description must fit: a country it names ("the German firm") rules out
              one the article places elsewhere, a kind ("the sportscar maker") one of
              another kind; two that fit alike leave it unresolved (no guess).
8. person     "the 40-year-old", "the former secretary-general", "the England captain" ->
              the person the sentence before is about, if its names agree ("the French
              diplomat" is one tied to France). A bare "the manager" is the title rule's:
              the person the article titled "... manager".

Across articles, entities with the same key (a Wikidata id, else type-free normalised
name) are one node. Each rule that merged a mention is recorded on the entity.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .conform import conform
from .extract import frames as fr
from .extract import syntax as sx
from .extract import terms
from .extract.frames import is_reporting
from .extract.references import (
    BY_NAME,
    Ref,
    References,
    build_references,
    clean,
    entity_key,
    initials,
    text_of,
)
from .extract.roles import IMPLIED, REFERENCE
from .gazetteer import Gazetteer, norm
from .lexicon import Lexicon
from .model import Entity, Fact, Mention
from .names import person_gender

# extractors whose facts measure a thing the text need not name ("sales", "the rate")
MEASURING_EXTRACTORS = frozenset({"quantity"})

__all__ = ["entity_key", "resolve_article"]


def resolve_article(
    doc: Doc,
    facts: list[Fact],
    *,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    refs: References | None = None,
) -> tuple[list[Fact], dict[str, Entity]]:
    """Resolve every mention in the article's facts; return the facts that have a resolved
    subject, and the entities they mention. ``refs``: the article's reference layer, if
    extraction already built it."""
    if refs is None:
        refs = build_references(doc, gazetteer=gazetteer, lexicon=lexicon)
    r = _Resolver(doc, refs, lexicon)
    r.learn_roles(facts)
    resolved = [g for f in facts for p in r.pairs(f) for g in [r.fact(p)] if g is not None]
    return conform(resolved, refs.entities, lexicon), refs.entities


def _genitive(label: str) -> str:
    """The possessive of a name: "Brumco's", "Halvex Motors'".

    >>> _genitive("Brumco"), _genitive("Halvex Motors")
    ("Brumco's", "Halvex Motors'")
    """
    return label + ("'" if label.endswith("s") else "'s")


def _idiom_owner(tok: Token) -> bool:
    """ "charges of his own": a possessive pronoun that owns no noun; "Its BDO's index":
    one the tagger misread beside a named owner."""
    head = tok.head
    return head.pos_ not in {"NOUN", "PROPN"} or any(
        c.dep_ == "poss" and c.i != tok.i for c in head.children
    )


def _phrase(head: Token) -> list[Token]:
    """A noun phrase's tokens in order, without the clauses in it ("deputy chairman of
    X - a firm that has the motto ..." is about X, not what the motto names)."""
    out = [head]
    for c in head.children:
        if c.dep_ not in {"relcl", "acl", "appos", "advcl", "ccomp"}:
            out += _phrase(c)
    return sorted(out, key=lambda t: t.i)


def _commanded(pronoun: Token) -> set[int]:
    """The tokens of the clauses a subject pronoun's verb governs ('Mr Brenne "made the
    decisions," he said'): a name there is never who the pronoun is (binding theory's
    condition C), though it comes nearest before it."""
    if pronoun.dep_ not in fr.SUBJ:
        return set()
    verb = pronoun.head
    return {t.i for c in verb.children if c.dep_ in {"ccomp", "xcomp"} for t in c.subtree}


def _non_restrictive(clause: Token) -> bool:
    """ "The company, which makes soap,", "The company, working with X,": a clause set
    off by a comma adds to a description, it does not say which one is meant."""
    return clause.dep_ in {"relcl", "acl"} and clause.doc[clause.left_edge.i - 1].text == ","


ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "dative"}  # a clause's, for disjoint reference
WITH = "with"  # the preposition of a reciprocal relation's name ("signTreatyWith")
ROLE_PREDICATES = frozenset(
    {terms.HOLDS_POSITION, terms.AFFILIATED_WITH, terms.FORMERLY_AFFILIATED_WITH}
)
DESCRIPTION_WINDOW = 2  # sentences before a description's own that it looks back over
ROLE_WINDOW = 4  # ... and a role's organisation referred to ("a director of the company")
AGE = re.compile(r"\d+-year-old")  # "the 40-year-old"


PLACE_TYPES = {terms.LOCATION, terms.COUNTRY}  # what "the city of X" may name


def _kind_fit(have: str, want: str) -> bool | None:
    """Whether a kind of body a name is given fits the kind a description asks for: the
    same or a narrower one does ("sportscar maker" for "the maker"); a broader one may
    or may not ("carmaker" for "the sportscar maker": a parent's kind), so may one of
    the same head noun ("government agency" for "the state agency"); another head
    noun does not ("news agency" for "the airline").

    >>> _kind_fit("sportscar maker", "maker"), _kind_fit("carmaker", "sportscar maker")
    (True, None)
    >>> _kind_fit("news agency", "airline")
    False
    """
    full, asked = have.replace(" ", ""), want.replace(" ", "")
    if full.endswith(asked):
        return True
    if asked.endswith(full) or have.split()[-1] == want.split()[-1]:
        return None
    return False


@dataclasses.dataclass
class Profile:
    """What the article says an organisation is, or what a description asks of one: the
    countries it is of ("German", "its US rival") and the kinds of body it is
    ("carmaker", "sportscar maker"; compared without spaces: "car maker" = "carmaker")."""

    countries: set[str] = dataclasses.field(default_factory=set)
    kinds: set[str] = dataclasses.field(default_factory=set)

    def add(self, other: Profile) -> None:
        self.countries |= other.countries
        self.kinds |= other.kinds


@dataclasses.dataclass
class _Resolver:
    doc: Doc
    refs: References
    lex: Lexicon
    _sents: list[Span] | None = None
    _labels: dict[str, set[str]] | None = None
    _kinds: dict[str, set[str]] | None = None  # "retailer" -> the names described so
    # person key -> the keys of every organisation and country the article ties them to
    _affiliated: dict[str, set[str]] = dataclasses.field(default_factory=dict)
    _affiliates: dict[str, Ref] = dataclasses.field(default_factory=dict)  # key -> the org
    # organisation key -> what the article says it is: its countries and kinds of body
    _profiles: dict[str, Profile] = dataclasses.field(default_factory=dict)
    _scanned: bool = False
    _taken_up: dict[int, Ref | None] = dataclasses.field(default_factory=dict)
    _ambiguous: set[int] = dataclasses.field(default_factory=set)  # descriptions left so

    def learn_roles(self, facts: list[Fact]) -> None:
        """Titles and affiliations the article gives people, for "the Foreign Minister"
        and for "we" in their quoted words."""
        for f in facts:
            if not isinstance(f.obj, Mention):
                continue
            ref = self.ref_at(f.subject)
            if f.predicate == terms.HOLDS_POSITION and ref is not None:
                self.refs.titles.setdefault(norm(f.obj.text), ref)
                # "Fulham manager Tom Ashby" ... "the manager"
                self.refs.titles.setdefault(norm(f.obj.text).split()[-1], ref)
            if f.predicate in {terms.BASED_IN, terms.IS_A} and ref is not None:
                self._learn_profile(ref, f)
            if f.predicate == terms.AFFILIATED_WITH and ref is not None:
                org = self.ref_at(f.obj)
                if org is not None:
                    self.refs.affiliation.setdefault(ref.key, org)
                    self._affiliated.setdefault(ref.key, set()).add(org.key)
                    self._affiliates[org.key] = org

    def _learn_profile(self, ref: Ref, f: Fact) -> None:
        """ "X is based in Germany", "X, a German carmaker": a country or a kind of body
        the facts give a name, for the descriptions that must agree with it."""
        span = self.span(f.obj) if isinstance(f.obj, Mention) else None
        if span is None:
            return
        prof = self._profiles.setdefault(ref.key, Profile())
        if f.predicate == terms.IS_A:
            prof.add(self._descriptor(span.root))
            return
        place = self._name_at(span.root)
        if place is not None and place.type == terms.COUNTRY:
            prof.countries.add(place.key)

    def ref_at(self, m: Mention) -> Ref | None:
        """The entity whose name the mention's head token belongs to."""
        span = self.span(m)
        return None if span is None else self.refs.by_token.get(span.root.i)

    def span(self, m: Mention) -> Span | None:
        return self.doc.char_span(m.start, m.end, alignment_mode="expand")

    def fact(self, fact: Fact) -> Fact | None:
        subj = self.mention(fact.subject, fact)
        if subj is None or not subj.key:
            return None  # a fact needs a known subject
        unnamed = subj.key.startswith("concept:") and not self._someone(fact.subject) \
            and not self._untagged_name(fact.subject)  # fmt: skip
        causer = unnamed and (self._causer(fact) or self._striking_event(fact))
        if unnamed and not causer and fact.extractor not in MEASURING_EXTRACTORS:
            return None  # "sales fell 5%": a quantity measures a thing, named or not
        if fact.rule == "description" and subj.key.startswith("concept:"):
            return None  # "the US regulator said": a type for no one named
        if unnamed and fact.extractor in MEASURING_EXTRACTORS:
            subj = self._owned(fact.subject, subj, fact)
            owned = self._figure_owner(fact.subject, subj, fact)
            if owned is None:
                return None  # "sales fell 8%", "its profit rose": a figure about nobody
            subj = owned
        if fact.predicate in ROLE_PREDICATES and (
            subj.key.startswith("concept:")
            or fact.rule == "description"
            and subj.label != terms.PERSON
        ):
            return None  # "the French minister" unresolved, "the Turkmen side": no one's role
        obj: Mention | str = fact.obj
        if fact.predicate == terms.IS_A and isinstance(obj, Mention) and not obj.label:
            # a type the text states is a kind, never a thing named before ("the Xbox
            # game Halo 2": a game, not the Xbox)
            obj = dataclasses.replace(obj, key="concept:" + norm(obj.text))
        elif isinstance(obj, Mention):
            obj = self.mention(obj, fact)
            if obj is None or obj.key == subj.key:
                return None
            if causer and obj.key.startswith("concept:"):
                return None  # "protests forced the president", "a storm hit Florida"
        source = fact.attributed_to
        if source is not None:
            # "a witness said that ...": an unnamed source is still the fact's source,
            # not the article's own assertion
            source = self.mention(source, fact)
        return dataclasses.replace(fact, subject=subj, obj=obj, attributed_to=source)

    def _owned(self, m: Mention, subj: Mention, fact: Fact) -> Mention:
        """ "its shares", "the firm's profits": a measured thing whose owner is a pronoun
        or a description is the resolved owner's ("Halvex's shares"), else it names no
        one's."""
        span = self.span(m)
        if span is None:
            return subj
        # the owner may hang on a compound of the head ("its Private Clients arm")
        poss = [t for t in span if t.dep_ == "poss" and t.head.i in range(span.start, span.end)
                and t.head.i <= span.root.i]  # fmt: skip
        if len(poss) != 1 or poss[0].pos_ == "PROPN" or poss[0].ent_type_:
            return subj
        if poss[0].pos_ == "PRON" and poss[0].lower_ not in self.lex.words.thing_pronouns:
            return subj  # "her departure": a person's doings are no measure of theirs
        owner_toks = [t for t in poss[0].subtree if t.tag_ != "POS"]
        first, last = owner_toks[0], owner_toks[-1]
        thing = poss[0].lower_ in self.lex.words.thing_pronouns
        found = self._clause_owner(poss[0], fact) if thing else None
        if found is None:
            named = Mention(text_of(owner_toks), first.idx, last.idx + len(last))
            owner = self.mention(named, fact)
            if owner is None or not owner.key or owner.key.startswith("concept:"):
                return subj
            found = owner.text
        after = poss[0].right_edge.i + 1
        while after < len(self.doc) and self.doc[after].tag_ == "POS":
            after += 1  # "the firm's": the marker is written anew with the name
        rest = self.doc.text[self.doc[after].idx : m.end] if after < len(self.doc) else ""
        text = f"{_genitive(found)} {' '.join(rest.split())}"
        return dataclasses.replace(subj, text=text, key="concept:" + norm(text))

    def _figure_owner(self, m: Mention, subj: Mention, fact: Fact) -> Mention | None:
        """A measured thing that is someone's figure with its owner, or None when the
        text gives none: "its profit" whose "its" resolves to nothing, "the firm" left
        unresolved, a bare "sales" or "the deficit". Such a fact states a figure about
        nobody, and as a concept one node "sales" would gather every article's figures.
        A figure with its own specificity ("US sales", "car sales", "sales at clothing
        stores") and any other measured thing ("house prices") are kept."""
        span = self.span(m)
        if subj.text != m.text or span is None:
            return subj  # an owner found
        root, w = span.root, self.lex.words
        inside = range(span.start, span.end)
        mine = [c for c in root.children if c.dep_ == "poss" and c.tag_ == "PRP$"]
        if mine:
            # "Its $17m profit": the value cut the pronoun off the mention
            owner = self._possessor(mine[0], fact) if mine[0].i not in inside else None
            if owner is None or _idiom_owner(mine[0]):
                # "its predecessor, Ocean's Twelve, which took $9m": the name says which
                named = [c for c in root.children if c.dep_ == "appos" and self._specifies(c)]
                return subj if named else None
            text = f"{_genitive(owner.label)} {m.text[:1].lower()}{m.text[1:]}"
            return dataclasses.replace(subj, text=text, key="concept:" + norm(text))
        described = any(c.dep_ == "det" and c.lower_ in w.anaphoric_determiners
                        for c in root.children)  # fmt: skip
        if described and self.lex.classes.get(root.lemma_.lower()) == terms.ORGANIZATION:
            # "the firm" the article does not name ("the Fiat-GM alliance" names itself)
            return subj if any(self._specifies(c) for c in root.children) else None
        name = root.pos_ == "PROPN" and not root.is_sent_start  # not "Sales" tagged a name
        if root.lower_ in w.national_figures and not name:
            return self._national_figure(root, m, subj)
        if root.lower_ not in w.owned_figure_nouns or name:
            return subj
        if any(self._specifies(c) for c in root.children):
            return self._with_detail(span, subj)
        holder = self._holder(root)
        if holder is None:
            return None
        owner = self.refs.by_token.get(holder.i) or self._argument_ref(holder, fact)
        untagged = self._untagged_subject(root) if holder.pos_ == "PROPN" else None
        if owner is None and untagged is None:
            return None
        held = root.lower_ in w.equity_nouns or root.lemma_.lower() in w.holding_nouns
        if owner is not None and owner.type == terms.PERSON and not held:
            return None  # "the minister has to trim the deficit": not the minister's deficit
        label = owner.label if owner is not None else untagged  # "OPEC+ cut production"
        text = f"{_genitive(label)} {m.text[:1].lower()}{m.text[1:]}"
        return dataclasses.replace(subj, text=text, key="concept:" + norm(text))

    def _national_figure(self, root: Token, m: Mention, subj: Mention) -> Mention:
        """ "Growth slowed to 0.3%", "inflation rose to 3%": a country's figure, the
        country's the article is about there (as for "the government"), when nothing
        in the phrase says whose or which; left as written when no one country is."""
        if any(self._specifies(c) for c in root.children):
            return subj
        # "Consumer spending fell 1.2% in Japan": the one country its sentence names
        own = {r.key: r for t in root.sent if (r := self._named_country(t)) is not None}
        country = next(iter(own.values())) if len(own) == 1 else None
        country = country or (None if own else self._recent_country(root))
        if country is None:
            return subj
        text = f"{_genitive(country.label)} {m.text[:1].lower()}{m.text[1:]}"
        return dataclasses.replace(subj, text=text, key="concept:" + norm(text))

    def _with_detail(self, span: Span, subj: Mention) -> Mention:
        """ "Sales at hardware stores dropped": the phrase that says which sales is part of
        the label, not cut off as a place (one node "sales" would gather every figure)."""
        after = [c for c in span.root.rights if c.dep_ == "prep" and c.i >= span.end]
        if not after or not self._specifies(after[0]) or after[0].i != span.end:
            return subj
        if any(t.tag_ == "PRP$" for t in after[0].subtree):
            return subj  # "revenues from its operations": whose is not said here
        end = after[0].right_edge
        for c in span.root.rights:  # "shares in storage firm Brumco": the name with it
            if c.dep_ == "appos" and c.i == end.i + 1 and c.pos_ == "PROPN":
                end = c.right_edge
        text = " ".join(self.doc.text[subj.start : end.idx + len(end)].split())
        return dataclasses.replace(subj, text=text, key="concept:" + norm(text))

    def _specifies(self, tok: Token) -> bool:
        """Whether a dependent of a figure says whose or which figure it is: a name or a
        demonym ("US sales", "Halvex's debt"), a thing ("car sales", "sales at clothing
        stores"); not a period, a value or a word that only says which of an owner's
        figures ("operating profits in the fourth quarter", "sales of $5bn")."""
        w, lex = self.lex.words, self.lex
        if tok.dep_ in {"det", "punct", "cc", "conj", "nummod", "quantmod", "advmod"}:
            return False
        tree = list(tok.subtree)
        named = lex.entity_labels - lex.value_labels
        if any(t.ent_type_ in named or t.pos_ == "PROPN" and not t.ent_type_ for t in tree):
            return True
        if tok.dep_ in {"compound", "amod", "nmod"}:  # "car sales", "public debt"
            if self._figure_detail(tok):
                return False
            plain = tok.lower_.replace("-", "")
            return (
                tok.is_alpha
                and not tok.ent_type_
                and not ({plain, tok.lemma_.lower()} & w.figure_qualifiers)
            )
        if tok.dep_ == "prep":
            objs = [o for o in tok.children if o.dep_ in {"pobj", "pcomp"}]
            return not self._figure_detail(tok) and any(o.pos_ in {"NOUN", "PROPN"} for o in objs)
        return False

    def _organisation(self, s: Token, fact: Fact) -> str | None:
        """ "it", "the bank" as a clause's subject: the organisation it resolves to."""
        thing = s.lower_ in self.lex.words.thing_pronouns
        described = s.pos_ == "NOUN" and any(c.dep_ == "det" for c in s.children)
        if not (thing or described):
            return None
        first, last = s.left_edge, s.right_edge
        m = Mention(text_of(list(s.subtree)), first.idx, last.idx + len(last))
        found = self.mention(m, fact)
        if found is None or not found.key or found.label != terms.ORGANIZATION:
            return None
        return found.text

    def _clause_owner(self, tok: Token, fact: Fact) -> str | None:
        """ "Halvex said a test well in Norvia failed, which sent its shares down": "its"
        of a measure is the named thing a clause above it is about (the nearest clause
        with a named subject, a name NER missed too, or "it" or "the bank" resolved to
        an organisation), before the nearest name, which may be a place in passing."""
        for verb in (a for a in tok.ancestors if a.pos_ in fr.VERBAL):
            for s in fr.subjects(verb):
                if tok.i in {t.i for t in s.subtree}:
                    continue  # the measured thing itself ("its shares fell")
                org = self._organisation(s, fact)
                if org is not None:
                    return org
                for t in (s, *(a for a in s.children if a.dep_ == "appos")):
                    ref = self.refs.by_token.get(t.i)
                    if ref is not None and ref.type not in {terms.PERSON, *PLACE_TYPES}:
                        return ref.label
                    name = [c for c in t.children if c.dep_ == "compound" and c.i < t.i]
                    if ref is None and t.pos_ == "PROPN" and not t.ent_type_ \
                            and all(c.pos_ == "PROPN" for c in name):  # fmt: skip
                        return text_of([*name, t])
        return None

    def pairs(self, fact: Fact) -> list[Fact]:
        """ "India and Pakistan agreed ... The two countries had exchanged strikes":
        a fact about "the two countries", "both sides" or "both" is one fact about each
        of the pair the text named last (subject or object); a pair (or two coordinated
        names) that does a reciprocal thing does it with each other."""
        out = [fact]
        for slot in ("subject", "obj"):
            m = getattr(fact, slot)
            pair = self._pair(m) if isinstance(m, Mention) else None
            if pair:
                out = [dataclasses.replace(f, **{slot: self._mention_of(m, r)})
                       for f in out for r in pair]  # fmt: skip
            if slot == "subject":
                pair = pair or self._coordinated(m)
                together = self._reciprocal(fact, pair) if pair else None
                if together is not None:
                    out.append(together)
        return out

    def _mention_of(self, m: Mention, r: Span) -> Mention:
        doc, last = self.doc, self.doc[r.end - 1]
        text, start, end = doc[r.start : r.end].text, doc[r.start].idx, last.idx + len(last)
        return dataclasses.replace(m, text=text, start=start, end=end, label="")

    def _coordinated(self, m: Mention) -> list[Span] | None:
        """ "Boeing and the union reached a deal": the subject and the one name it is
        coordinated with."""
        span = self.span(m)
        if span is None:
            return None
        root = span.root
        conj = [c for c in root.children if c.dep_ == "conj"]
        if len(conj) != 1:
            return None
        # "the IAM union": the name in the conjunct
        names = [t for t in conj[0].subtree if t.i in self.refs.by_token]
        other = names[0] if names else None
        ref, oref = (
            self.refs.by_token.get(root.i),
            self.refs.by_token.get(other.i) if other else None,
        )
        if ref is None or oref is None or ref.key == oref.key:
            return None
        return [self._name_span(root), self._name_span(other)]

    def _reciprocal(self, fact: Fact, pair: list[Span]) -> Fact | None:
        """ "India and Pakistan exchanged strikes", "Boeing and the union reached a deal":
        a pair that does a reciprocal thing does it with each other: one more fact, the
        first with the second ("exchangeStrikesWith", "reachDealWith")."""
        w = self.lex.words
        if not isinstance(fact.obj, Mention) or fact.predicate not in w.reciprocal_verbs:
            return None
        span = self.span(fact.obj)
        if span is None or span.root.lower_ not in w.reciprocal_nouns:
            return None
        a, b = (self._mention_of(fact.subject, r) for r in pair)
        pred = sx.camel(fact.predicate, span.root.lower_, WITH)
        return dataclasses.replace(fact, subject=a, predicate=pred, obj=b, rule="reciprocal")

    def _pair(self, m: Mention) -> list[Span] | None:
        span = self.span(m)
        if span is None:
            return None
        root, w = span.root, self.lex.words
        if root.lower_ in w.third_plural_pronouns and len(span) == 1:
            return self._subject_pair(root)
        both = root.lower_ in w.pair_words or any(
            c.lower_ in w.pair_words and c.dep_ in {"det", "nummod", "predet"}
            for c in root.children
        )
        if not both or (root.pos_ == "NOUN" and root.tag_ != "NNS"):
            return None
        lemma = root.lemma_.lower()
        kind = self.lex.classes.get(lemma)
        if lemma in w.pair_person_nouns:
            kind = terms.PERSON
        elif lemma in w.pair_place_nouns:
            kind = terms.LOCATION
        return self._last_pair(root, kind)

    def _sentences(self, tok: Token) -> tuple[list[Span], int]:
        """The article's sentences (made once) and the index of ``tok``'s."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
        k = next(i for i, s in enumerate(self._sents) if s.start <= tok.i < s.end)
        return self._sents, k

    def _last_pair(self, tok: Token, kind: str | None) -> list[Span] | None:
        """The last two names coordinated before ``tok`` ("India and Pakistan"), in its
        sentence or the two before, of the noun's kind if it has one."""
        sents, k = self._sentences(tok)
        first = sents[max(0, k - DESCRIPTION_WINDOW)].start
        for i in range(tok.i - 1, first - 1, -1):
            t = self.doc[i]
            conj = [c for c in t.children if c.dep_ == "conj"]
            if t.dep_ == "conj" or len(conj) != 1 or conj[0].i >= tok.i:
                continue
            refs = [self.refs.by_token.get(x.i) for x in (t, conj[0])]
            if any(r is None for r in refs) or refs[0].key == refs[1].key:
                continue
            if kind is None or all(self._of_kind(r, kind) for r in refs):
                return [self._name_span(x) for x in (t, conj[0])]
        return None

    def _subject_pair(self, tok: Token) -> list[Span] | None:
        """ "Hamilton and Russell met the stewards. They said ...": "they" is the pair
        that is the subject of a clause above it or of the sentence before."""
        candidates = [s for s in self._binders(tok) if s.i < tok.i]
        sent = tok.sent
        if sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            subjects = [t for t in prev if t.dep_ in fr.SUBJ | fr.PASS_SUBJ]
            # the main clause's subject first, then the others, nearest first
            candidates += sorted(subjects, key=lambda t: (t.head.dep_ != "ROOT", -t.i))
        for s in candidates:
            conj = [c for c in s.children if c.dep_ == "conj"]
            refs = [self.refs.by_token.get(x.i) for x in (s, *conj)]
            if len(conj) == 1 and None not in refs and refs[0].key != refs[1].key:
                return [self._name_span(x) for x in (s, conj[0])]
        return None

    def _of_kind(self, ref: Ref, kind: str) -> bool:
        return ref.type == kind or (kind == terms.LOCATION and ref.type == terms.COUNTRY)

    def _name_span(self, tok: Token) -> Span:
        return sx.ent_span(tok) or self.doc[tok.i : tok.i + 1]

    def _described_body(self, root: Token) -> bool:
        """ "an international advisory board": a body of people an adjective describes
        acts as one, though unnamed (a bare "the board" is left to resolution, "whose
        Chelsea team" to the name)."""
        w = self.lex.words
        if root.tag_ != "NN" or root.lemma_.lower() not in w.actor_nouns:
            return False
        kids = list(root.children)
        # "whose Chelsea team" is a name's, for resolution
        named = any(c.pos_ == "PROPN" or c.ent_type_ or c.dep_ == "poss" for c in kids)
        return not named and any(c.dep_ == "amod" and c.pos_ == "ADJ" for c in kids)

    def _someone(self, m: Mention) -> bool:
        """An unnamed subject that still names people by what they do: "a federal
        judge", "economists polled by Reuters"."""
        span = self.span(m)
        if span is None:
            return False
        lemma = span.root.lemma_.lower()
        if lemma in self.lex.words.person_nouns or self._described_body(span.root):
            return True
        # "construction companies", "foreign carmakers": organisations of a kind
        return span.root.tag_ == "NNS" and self.lex.classes.get(lemma) == terms.ORGANIZATION

    def _causer(self, fact: Fact) -> bool:
        """ "Weeks of street protests forced President X to withdraw the bill": what
        makes someone act is a cause worth a fact, named or not (lexicon.toml
        causing_verbs); the one it makes act must be named (checked by the caller)."""
        return fact.lemma.lower() in self.lex.words.causing_verbs and isinstance(fact.obj, Mention)

    def _striking_event(self, fact: Fact) -> bool:
        """ "An earthquake struck the city of Izmir", "a storm hit Florida": a disaster
        is what happened to the place it struck, a fact though it has no name; the place
        must be named (checked by the caller, as for any cause)."""
        span = self.span(fact.subject)
        disaster = span is not None and span.root.lemma_.lower() in self.lex.words.disaster_nouns
        return disaster and isinstance(fact.obj, Mention)

    def _untagged_name(self, m: Mention) -> bool:
        """A name NER did not tag ("Instagram, which Facebook bought", "Great British
        Nuclear shortlisted ..."): a proper noun heads it, every word is capitalised,
        and no word of it is a month, a title or a pronoun. It names someone as surely
        as a tagged name does; not a piece of a longer name ("The Edge of Reason") nor a
        word coordinated with a title ("Kamal Nath, Commerce and Industry Minister")."""
        span = self.span(m)
        if span is None or span.root.pos_ != "PROPN" or span.root.ent_type_:
            return False
        root, w = span.root, self.lex.words
        stop = w.month_names | w.title_words | w.pronouns | w.person_nouns
        if any(c.dep_ == "prep" for c in root.children) or any(
            c.lemma_.lower() in stop for c in root.conjuncts
        ):
            return False
        words = [t for t in span if t.is_alpha]
        if len(words) == 1 and root.tag_ == "NNPS":
            return False  # "Ministers pointed to ..."
        return bool(words) and all(
            t.text[0].isupper()
            and not {t.lower_, t.lemma_.lower(), t.lower_.removesuffix("s")} & stop
            for t in words
        )

    def mention(self, m: Mention, fact: Fact) -> Mention | None:
        span = self.span(m)
        if span is None:
            return None
        found = self._found(span, m, fact)
        if found is not None:
            ref, how = found
            if how == "position":
                return dataclasses.replace(m, key="position:" + norm(m.text))
            return None if ref is None else self._with(m, ref, how)
        if span.root.lower_ in self.lex.words.wh_words:
            return None
        owned = self._possessed(span, m, fact) or self._company_figure(span, m, fact)
        if owned is not None:
            return owned
        known = self.refs.names.get(norm(m.text))  # a name not tagged here, elsewhere yes
        if known is not None:
            return self._with(m, known, BY_NAME)
        return dataclasses.replace(m, key="concept:" + norm(m.text), label="")

    def _found(self, span: Span, m: Mention, fact: Fact) -> tuple[Ref | None, str] | None:
        """The first rule that applies to the mention: (its entity or None, its name)."""
        rules: list[Callable[[Span, Mention, Fact], tuple[Ref | None, str] | None]] = [
            self._reference, self._name, self._surname, self._pronoun_rule, self._position,
            self._title, self._apposed_name, self._institution, self._national_government,
            self._place_named, self._class_noun,
            self._their_body,
            self._description, self._person_description,
        ]  # fmt: skip
        for rule in rules:
            found = rule(span, m, fact)
            if found is not None:
                return found
        return None

    # each rule: None (does not apply), or (the entity or None, the rule's name)

    def _possessed(self, span: Span, m: Mention, fact: Fact) -> Mention | None:
        """ "Its shares", "his family", "our money": a thing owned by a pronoun is the
        owner's ("Brumco's shares"). As written it says nothing on its own, and as a
        concept it would be one node with every other article's "its shares"."""
        text, found = m.text, False
        for tok in reversed(span):  # from the end, so that earlier offsets hold
            if tok.tag_ != "PRP$" or not m.start <= tok.idx < m.end or _idiom_owner(tok):
                continue
            if tok.head.i in self.refs.by_token:
                continue  # "its chief executive Jim Farley": the name says who
            owner = self._possessor(tok, fact)
            at = tok.idx - m.start
            if owner is None or text[at : at + len(tok.text)] != tok.text:
                continue
            text, found = text[:at] + _genitive(owner.label) + text[at + len(tok.text) :], True
        if not found:
            return None
        return dataclasses.replace(m, text=text, key="concept:" + norm(text), label="")

    def _company_figure(self, span: Span, m: Mention, fact: Fact) -> Mention | None:
        """ "Sales rose 8%", "Shares in the retailer were up 5%": a company's figure that
        a measure is about is the company's ("Brumco's sales"): the one named in an
        "in"/"at" phrase, else the company the sentence or the one before is about
        (as for "the company"). A figure with a word that says whose or of what
        ("car sales", "sales of drugs") is left as written."""
        root, w = span.root, self.lex.words
        if fact.extractor not in MEASURING_EXTRACTORS or m is not fact.subject:
            return None
        if root.lower_ not in w.company_figures or root.pos_ != "NOUN":
            return None
        owner: Ref | None = None
        # "net profit in the six months", "sales which fell 8%" say which, not whose
        for c in (c for c in root.children if not self._figure_detail(c)):
            if c.dep_ == "prep" and c.lower_ in w.figure_owner_prepositions:
                objs = [o for o in c.children if o.dep_ == "pobj"]
                owner = self._argument_ref(objs[0], fact) if len(objs) == 1 else None
                if owner is None or not self._may_own(root, owner):
                    return None
            elif c.dep_ in {"prep", "poss", "compound", "nmod", "relcl", "acl"} or (
                c.dep_ == "det" and c.lower_ not in w.anaphoric_determiners
            ):
                return None  # "car sales", "sales of drugs", "some sales": not a company's
        if owner is None:
            owner, known = self._figure_binder(root, fact)
            if known and owner is None:
                return None
        if owner is None:
            untagged = self._untagged_subject(root)
            owner = (self._last_organisation(root, "", set(), generic=True) if untagged is None
                     else self.refs.names.get(norm(untagged)))  # fmt: skip
        if owner is None:
            return None
        first = next(t for t in span if t.dep_ != "det" or t.i == root.i)
        words = self.doc[first.i : root.i + 1].text
        common = first.pos_ != "PROPN" or first.is_sent_start and not first.ent_type_
        if common and not first.is_upper:  # a sentence's first word may be tagged a name
            words = words[:1].lower() + words[1:]  # "Sales rose": Brumco's sales
        text = _genitive(owner.label) + " " + words
        return dataclasses.replace(m, text=text, key="concept:" + norm(text), label="")

    def _holder(self, figure: Token) -> Token | None:
        """The subject of the clause whose object a figure is: "Travelers had sales of
        $5bn", "Halvex made a profit", "the Brennes hold a stake of 28%" (the first of
        several subjects)."""
        verb, w = figure.head, self.lex.words
        if figure.dep_ not in fr.OBJ or verb.pos_ not in fr.VERBAL or fr.is_passive(verb):
            return None
        # "agreed to cut production by 10%": the controller of an infinitive too
        subjects = [c for c in verb.children if c.dep_ in fr.SUBJ] or (
            fr.subjects(verb) if verb.dep_ == "xcomp" else []
        )
        figures = w.owned_figure_nouns | w.change_nouns | w.amount_nouns
        if not subjects or subjects[0].lemma_.lower() in figures:
            return None  # "sales climbed, lifting revenue", "its rise included profits"
        return subjects[0]

    def _figure_detail(self, tok: Token) -> bool:
        """A dependent of a figure that says which of its owner's figures it is, not
        whose: a period ("in the six months to June"), its value ("of $5bn"), a word
        such as "operating" or "fourth quarter", a relative clause on it ("sales which
        fell 8%")."""
        lex = self.lex
        if tok.dep_ == "relcl":
            return any(c.dep_ in fr.SUBJ and c.tag_ == "WDT" for c in tok.children)
        if tok.dep_ in {"compound", "nmod", "amod"}:  # "fourth quarter", "$676m", "worth $2m"
            plain = tok.lower_.replace("-", "")
            value = tok.lower_ in lex.words.scale_words or any(
                t.like_num or t.ent_type_ in lex.value_labels for t in tok.subtree
            )
            if tok.i + 1 < len(tok.doc) and tok.nbor().text == "-" and not tok.whitespace_:
                return True  # "pre" of "pre-tax": the word is the one after the hyphen
            return value or tok.ent_type_ in lex.date_labels or plain in lex.words.figure_qualifiers
        if tok.dep_ != "prep":
            return False
        # "of about 800m euros" (the parser may split the value into two objects), "in
        # the period"
        objs = [o for o in tok.children if o.dep_ == "pobj"]
        if objs and all(o.pos_ == "NOUN" and o.lemma_.lower() in lex.words.figure_qualifiers
                        for o in objs):  # fmt: skip
            return True
        return any(t.like_num or t.ent_type_ in lex.value_labels for t in tok.subtree)

    def _figure_binder(self, figure: Token, fact: Fact) -> tuple[Ref | None, bool]:
        """Whose the subject of a clause above a figure says it is: "Brumco saw sales
        rise", "it said sales rose" (the organisation, and True); "its film division
        saw profits slump" (a thing kg cannot name, that owns the figure: None, True);
        a person or no subject says nothing (None, False)."""
        holder = self._holder(figure)
        if holder is not None:  # "Travelers had sales of $5bn": whoever had them
            ref = self._argument_ref(holder, fact)  # a person's is no company's figure
            return (ref if ref is not None and ref.type != terms.PERSON else None), True
        # "it reported that losses rose, while sales fell": not the losses' sales
        w = self.lex.words
        figures = w.company_figures | w.owned_figure_nouns | w.change_nouns
        binder = next((s for s in self._binders(figure) if figure not in s.subtree
                       and s.lower_ not in figures), None)  # fmt: skip
        if binder is None or (binder.i > figure.i and is_reporting(binder.head, self.lex)):
            return None, False  # "earnings rose, the statistics office said": its source
        ref = self._argument_ref(binder, fact)
        if ref is not None:
            owns = ref.type in {terms.ORGANIZATION, terms.ENTITY}
            return (ref, True) if owns else (None, False)
        lemma = binder.lemma_.lower()
        # "its film division", not "analysts", "the carmaker" or "net profits" (whose
        # owner is the figure's too)
        kinds = w.person_nouns | w.company_figures
        unnamed = binder.pos_ == "NOUN" and lemma not in kinds and binder.lower_ not in kinds
        return None, unnamed and self.lex.classes.get(lemma) != terms.ORGANIZATION

    def _may_own(self, figure: Token, owner: Ref) -> bool:
        """ "profits at X": an organisation's; "shares in X": a company's, whatever NER
        took X for, but a person's or a country's never ("sales in X": a place's)."""
        if figure.lower_ in self.lex.words.equity_nouns:
            return owner.type not in {terms.PERSON, terms.COUNTRY}
        return owner.type == terms.ORGANIZATION

    def _untagged_subject(self, tok: Token) -> str | None:
        """ "Wimpey reported a 19% rise in profits": a proper noun NER left untagged here
        is the subject before ``tok`` in its sentence, likely whose figure it is; its
        text, for a name the article tagged elsewhere."""
        for t in tok.sent:
            if t.i < tok.i and t.dep_ in fr.SUBJ and t.pos_ == "PROPN" and \
                    t.i not in self.refs.by_token:  # fmt: skip
                words = [c for c in t.lefts if c.dep_ in {"compound", "flat"}]
                return " ".join(c.text for c in [*words, t])
        return None

    def _possessor(self, tok: Token, fact: Fact) -> Ref | None:
        """Whose a possessive pronoun says: "his", "her" and "our" as the pronouns are
        resolved; "its" and "their" the subject of the clause that holds them ("The firm
        said its profits rose"), else for "its", the thing the sentence or the one
        before is about. A clause subject kg cannot name (" workers lost their jobs")
        is the owner still: no name is guessed."""
        w, low = self.lex.words, tok.lower_
        if low in w.male_pronouns | w.female_pronouns | w.first_plural_pronouns:
            return self.pronoun(tok, fact)
        if low not in w.thing_pronouns | w.third_plural_pronouns:
            return None
        thing = low in w.thing_pronouns
        binder = next((s for s in self._binders(tok) if tok not in s.subtree), None)
        if binder is None:
            return self._thing(tok) if thing else None
        if binder.conjuncts or not (thing or binder.tag_ in {"NNS", "NNPS"}):
            return None  # "Fiat and GM ended their alliance": both; "X took their jobs"
        ref = self._argument_ref(binder, fact)
        if ref is None and binder.i > tok.i and thing:
            return self._thing(tok)  # "After its shares fell, analysts said": not theirs
        if ref is not None and ref.type == terms.PERSON:
            # "GlaxoSmithKline saw its profits fall", tagged a person: "its" says it is
            # none, when nothing (a first name, a second word) says it is one
            named = len(ref.label.split()) > 1 or person_gender(ref.label) is not None
            return None if named or not thing else ref
        return ref

    def _argument_ref(self, tok: Token, fact: Fact) -> Ref | None:
        """The entity the phrase headed by ``tok`` resolves to, if a named one."""
        span = self.doc[tok.left_edge.i : tok.right_edge.i + 1]
        phrase = Mention(span.text, span.start_char, span.end_char)
        found = self._found(span, phrase, fact)
        if found is None:
            # "research institute Ifo": the name in apposition to a common noun
            named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if len(named) == 1 and tok.pos_ == "NOUN":
                return self.refs.by_token.get(named[0].i) or self._untagged_ref(named[0])
            return self._untagged_ref(tok)
        return None if found[1] == "position" else found[0]

    def _untagged_ref(self, tok: Token) -> Ref | None:
        """ "Electrolux saw its shares rise", Electrolux untagged: a proper name NER
        missed still says whose (a name, not a node: nothing else is known of it)."""
        words = [*(c for c in tok.lefts if c.dep_ in {"compound", "flat"}), tok]
        name = self.doc[words[0].i : tok.i + 1]
        mention = Mention(name.text, name.start_char, name.end_char)
        if tok.i in self.refs.by_token or not self._untagged_name(mention):
            return None
        return Ref(entity_key(name.text), name.text, terms.ENTITY)

    def _reference(self, span: Span, m: Mention, fact: Fact):
        """ "party leader X", "a director of the company": a role's organisation the
        text refers to rather than names is the one most salient before it, or none (a
        role's organisation is never a concept)."""
        root = span.root
        if m.label == IMPLIED:
            return self._implied_employer(root), "implied-employer"
        if m.label != REFERENCE:
            return None
        ref = self._last_organisation(root, root.lemma_.lower(), set(), window=ROLE_WINDOW)
        if ref is None:  # "the BNP website ... party leader X": a kind named in the sentence
            ref = self._last_organisation(root, root.lemma_.lower(), set(), window=0, generic=True)
        return ref, "description"

    def _implied_employer(self, tok: Token) -> Ref | None:
        """ "X plc cut jobs. Chief executive Y said": the company an officer's sentence
        follows, when it is the subject there and the article names it more than once,
        and the officer's own sentence names no organisation before; a newspaper that
        reports ("The Times reported") is no employer."""
        sents, k = self._sentences(tok)
        own = {r.key for t in sents[k] if t.i < tok.i
               and (r := self.refs.by_token.get(t.i)) is not None
               and r.type == terms.ORGANIZATION}  # fmt: skip
        if k == 0 or own:
            return None
        for t in sents[k - 1]:
            ref = self.refs.by_token.get(t.i)
            if ref is None or ref.type != terms.ORGANIZATION or t.dep_ not in fr.SUBJ:
                continue
            if is_reporting(t.head, self.lex):
                return None
            entity = self.refs.entities.get(ref.key)
            return ref if entity is not None and entity.mentions > 1 else None
        return None

    def _name(self, span: Span, m: Mention, fact: Fact):
        inner = self.refs.inner.get(span.root.i) if len(span) == 1 else None
        if inner is not None:
            return inner, ""  # "Indian" of "the Indian Navy", named on its own
        ref = self.refs.by_token.get(span.root.i)
        return None if ref is None else (ref, "")

    def _surname(self, span: Span, m: Mention, fact: Fact):
        root = span.root
        ref = self.refs.surnames.get(norm(root.text))
        if root.pos_ == "PROPN" and ref is not None and len(clean(span)) == 1:
            return ref, "person:short-name"
        return None

    def _pronoun_rule(self, span: Span, m: Mention, fact: Fact):
        root = span.root
        if initials(root) and root.ent_type_:
            return None  # "the US could not support it": a name, not "us"
        if m.label == "PRON" or (len(span) == 1 and root.lower_ in self.lex.words.pronouns):
            return self.pronoun(root, fact), "pronoun"
        return None

    def _position(self, span: Span, m: Mention, fact: Fact):
        return (None, "position") if m.label == "POSITION" else None

    def _title(self, span: Span, m: Mention, fact: Fact):
        ref = self.refs.titles.get(norm(text_of(clean(span))))
        if ref is not None and span.root.pos_ in {"PROPN", "NOUN"}:
            return ref, "title"
        return None

    def _apposed_name(self, span: Span, m: Mention, fact: Fact):
        """ "The carmaker Halvex Motors cut 300 jobs", "the regulator, Ofnet, said": a
        common noun with a name in apposition is that name's, which says which one it
        is; the copula and role facts that link the noun to the name keep it apart."""
        root, doc = span.root, span.doc
        if root.pos_ != "NOUN" or fact.extractor in {"copula", "role"}:
            return None
        named = [
            c for c in root.children
            if c.dep_ == "appos" and c.i in self.refs.by_token and not c.conjuncts
            and all(t.text in {",", "-"} for t in doc[root.i + 1 : c.left_edge.i])
            and not (root.tag_ == "NNS" and c.left_edge.i > root.i + 1)
        ]  # fmt: skip
        # next to the noun ("Shares in firm X" are not X), one name ("giants X and Y" are
        # two; "four firms, X, ..." lists, "analysts X" names one), outside brackets ("its
        # index (PMI)" is an index of its own)
        return (self.refs.by_token[named[0].i], "apposed-name") if len(named) == 1 else None

    def _institution(self, span: Span, m: Mention, fact: Fact):
        root = span.root
        inst = self.lex.words.state_institutions
        if root.lemma_.lower() not in inst and root.lower_ not in inst:
            return None
        for c in root.children:
            ref = self.refs.by_token.get(c.i)
            country = ref is not None and ref.type == terms.COUNTRY
            if c.dep_ in {"amod", "compound", "poss"} and country:
                return ref, "gazetteer:institution"
        return None

    def _national_government(self, span: Span, m: Mention, fact: Fact):
        """ "the government": the state's the article is about there, the one country
        named in the sentence or the few before it (or the country its leader, "the
        government of Chancellor X", is tied to); none if several are, or none is.
        "the Labour government" (a name that says which) is left as written."""
        root, w = span.root, self.lex.words
        if root.lemma_.lower() not in w.national_governments or root.tag_ != "NN":
            return None
        dets = [c for c in root.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in w.definite_articles:
            return None
        if any(c.dep_ in {"compound", "poss", "nmod", "appos"} for c in root.children):
            return None
        for prep in (c for c in root.children if c.dep_ == "prep"):
            if prep.lower_ not in w.naming_prepositions:
                return None
            ref = next((self._country_of(o) for o in prep.children if o.dep_ == "pobj"), None)
            return None if ref is None else (ref, "gazetteer:institution")
        ref = self._recent_country(root)
        return None if ref is None else (ref, "gazetteer:institution")

    def _country_of(self, tok: Token) -> Ref | None:
        """A country named, or the one a named person is tied to."""
        ref = self.refs.by_token.get(tok.i)
        if ref is not None and ref.type == terms.PERSON:
            ref = self.refs.affiliation.get(ref.key)
        return ref if ref is not None and ref.type == terms.COUNTRY else None

    def _recent_country(self, tok: Token) -> Ref | None:
        """The country the article has named most before ``tok`` (a tie: none), if
        named in ``tok``'s sentence or the few before it too."""
        sents, k = self._sentences(tok)
        window = {r.key for t in self.doc[sents[max(0, k - ROLE_WINDOW)].start : tok.i]
                  if (r := self._country_at(t)) is not None}  # fmt: skip
        counts: dict[str, int] = {}
        found: dict[str, Ref] = {}
        for t in self.doc[: tok.i]:
            ref = self._country_at(t)
            if ref is None:
                continue
            before = self._country_at(t.nbor(-1)) if t.i > 0 else None
            if before is None or before.key != ref.key or t.nbor(-1).is_punct:
                counts[ref.key] = counts.get(ref.key, 0) + 1  # a name's first token
            found[ref.key] = ref
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        top = next(found[k] for k, n in counts.items() if n == ranked[0])
        return top if top.key in window else None

    def _named_country(self, t: Token) -> Ref | None:
        """The country a name at ``t`` is, or the one inside it ("the Iraqi army")."""
        ref = self.refs.inner.get(t.i) or self.refs.by_token.get(t.i)
        return ref if ref is not None and ref.type == terms.COUNTRY else None

    def _country_at(self, t: Token) -> Ref | None:
        """The country named at ``t``, unless as a place ("the war in X"): a government
        is that of a country the text talks about, not one where things happen."""
        ref = self._named_country(t)
        if ref is None:
            return None
        root = self._name_span(t).root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "the wars in X and Y"
        place = root.dep_ == "pobj" and root.head.lower_ in self.lex.words.place_prepositions
        return None if place else ref

    def _class_noun(self, span: Span, m: Mention, fact: Fact):
        root = span.root
        ref = self.refs.class_heads.get(root.lemma_.lower())
        if root.pos_ != "NOUN" or ref is None:
            return None
        dets = {c.lower_ for c in root.children if c.dep_ == "det"}
        if dets & self.lex.words.non_referring_determiners:
            return None
        return ref, "class-noun"

    def _place_named(self, span: Span, m: Mention, fact: Fact):
        """ "the island of Capri", "the Turkish city of Izmir": a kind of place followed
        by the place's name is that place."""
        root, w = span.root, self.lex.words
        if root.lemma_.lower() not in w.place_nouns:
            return None
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ not in w.naming_prepositions:
                continue
            for o in prep.children:
                ref = self.refs.by_token.get(o.i)
                if o.dep_ == "pobj" and ref is not None and ref.type in PLACE_TYPES:
                    return ref, "place-named"
        return None

    def _their_body(self, span: Span, m: Mention, fact: Fact):
        """ "X, director of the Halden Council, said his organisation contacted police":
        a person's organisation is the one the article ties them to."""
        root, w = span.root, self.lex.words
        lemma = root.lemma_.lower()
        if root.tag_ != "NN" or self.lex.classes.get(lemma) != terms.ORGANIZATION:
            return None
        poss = [c for c in root.children if c.dep_ == "poss"]
        if len(poss) != 1 or poss[0].lower_ not in w.male_pronouns | w.female_pronouns:
            return None
        person = self.pronoun(poss[0], fact)
        if person is None:
            return None
        bodies = [r for k in sorted(self._affiliated.get(person.key, ()))
                  if (r := self._affiliates.get(k)) is not None
                  and r.type == terms.ORGANIZATION]  # fmt: skip
        named = [r for r in bodies if lemma in norm(r.label).split()]  # "his party": X Party
        found = named or bodies
        return (found[0], "their-organisation") if len(found) == 1 else None

    def _description(self, span: Span, m: Mention, fact: Fact):
        """ "the company", "this club": a definite singular description of an
        organisation, without a clause or phrase of its own that would say which."""
        root = span.root
        if root.i not in self._taken_up:
            self._taken_up[root.i] = None  # no loop back to itself
            self._taken_up[root.i] = self._described_organisation(root)
        ref = self._taken_up[root.i]
        if ref is None and root.i in self._ambiguous:
            return None, "description"  # two fit alike: no fact on a guess, nor a type
        return None if ref is None else (ref, "description")

    def _described_organisation(self, root: Token) -> Ref | None:
        """The organisation a description headed by ``root`` means, if it is one."""
        w = self.lex.words
        lemma = root.lemma_.lower()
        if root.tag_ != "NN" or self.lex.classes.get(lemma) != terms.ORGANIZATION:
            return None
        if lemma in w.state_institutions:
            return None  # "the government": the state's, read by the institution rule
        dets = [c for c in root.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in w.anaphoric_determiners:
            return None
        which = {"acl", "relcl", "prep", "poss", "nummod", "appos"}  # a phrase saying which
        # ... but a relative clause after a comma only adds to it ("The company, which
        # makes soap, said")
        if any(c.dep_ in which and not _non_restrictive(c) for c in root.children):
            return None
        # the subject of the description's own clause is someone else ("Osei intends to
        # take the company private")
        verb = next((a for a in root.ancestors if a.pos_ in fr.VERBAL), None)
        own = [] if verb is None else [self._subject_ref(s) for s in fr.subjects(verb)]
        # ... and so is who reports it ("the regulator said that the firm had tweaked its
        # books": a speaker says "it" or "we" of itself)
        own += [self._subject_ref(s) for a in root.ancestors
                if is_reporting(a, self.lex) for s in fr.subjects(a)]  # fmt: skip
        if self._introduced(root, lemma):
            return None
        skip = {r.key for r in own if r is not None}
        return self._last_organisation(root, lemma, skip, want=self._descriptor(root))

    def _subject_ref(self, t: Token) -> Ref | None:
        """The organisation a subject names or takes up ("the regulator", "it")."""
        return self.refs.by_token.get(t.i) or self._subject_referent(t)[1]

    def _subject_referent(self, t: Token) -> tuple[bool, Ref | None]:
        """A clause subject that names no one but takes up an organisation ("It has
        offered", "The group is to set up") is that organisation's mention for the
        centre of attention; a name NER missed ("Velmora plans") is a doubt. (Whether it
        counts, and its organisation or None for a doubt.)"""
        if t.i in self.refs.by_token or not self._clause_subject(t):
            return False, None
        w = self.lex.words
        if t.lower_ in w.thing_pronouns:
            if t.i in self.refs.quoted:
                return False, None  # "'It's a feat,' said X": the speaker's, often no one's
            ref = None if self._unknown_binder(t) else self._bound_thing(t) or self._thing(t)
            return ref is not None, ref
        if t.pos_ == "NOUN" and t.i not in self._taken_up:
            self._taken_up[t.i] = None  # no loop back to itself
            self._taken_up[t.i] = self._described_organisation(t)
        if t.pos_ == "NOUN":
            ref = self._taken_up[t.i]
            return ref is not None, ref
        return t.pos_ == "PROPN" and self._untagged_ref(t) is not None, None

    def _description_of_body(self, t: Token) -> bool:
        """ "the firm", "this carmaker": a definite noun of an organisation's kind ("the
        government" is the state's, its rules' own)."""
        lemma, w = t.lemma_.lower(), self.lex.words
        if t.pos_ != "NOUN" or self.lex.classes.get(lemma) != terms.ORGANIZATION:
            return False
        if lemma in w.state_institutions or lemma in w.national_governments:
            return False
        dets = [c.lower_ for c in t.children if c.dep_ == "det"]
        return bool(dets) and dets[0] in w.anaphoric_determiners

    def _descriptor(self, noun: Token) -> Profile:
        """The countries and the kind of body a noun of description gives: "the German
        carmaker", "its US rival" (a country, no kind), "the sportscar maker"; a noun
        that fits any body ("the company") gives no kind."""
        out, w = Profile(), self.lex.words
        for c in noun.children:
            ref = self._name_at(c) if c.dep_ in {"amod", "compound", "nmod"} else None
            if ref is not None and ref.type == terms.COUNTRY:
                out.countries.add(ref.key)
        lemma = noun.lemma_.lower()
        if self.lex.classes.get(lemma) != terms.ORGANIZATION:
            return out
        if lemma not in w.any_kind_organisation_nouns:
            kind = [c.lower_ for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
            out.kinds.add(" ".join([*kind, lemma]))
        return out

    def _descriptors(self, root: Token) -> list[Token]:
        """The nouns that describe a name: "Halvex, the German carmaker", "US carmaker
        Halvex", "Halvex is a carmaker"."""
        kids = list(root.children)
        out = [c for c in kids if c.dep_ == "appos" and c.pos_ == "NOUN"]
        # "Halvex and Brumco, two German carmakers": a plural apposition describes each
        out += [c for n in root.conjuncts for c in n.children
                if c.dep_ == "appos" and c.tag_ == "NNS"]  # fmt: skip
        out += [c for c in kids if c.dep_ in {"compound", "nmod"} and c.pos_ == "NOUN"
                and c.i < root.i]  # fmt: skip
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            out.append(root.head)
        if root.dep_ in fr.SUBJ and root.head.lemma_ in self.lex.words.copulas:
            out += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        return out

    def _profile(self, key: str) -> Profile:
        """What the article says of the organisation: the facts learned (based in,
        is a) and the nouns that describe its names, and a country its name holds."""
        if not self._scanned:
            self._scanned = True
            for i, ref in self.refs.by_token.items():
                span = self._name_span(self.doc[i])
                if span.root.i != i or ref.qid or ref.rule.startswith("gazetteer"):
                    continue
                prof = self._profiles.setdefault(ref.key, Profile())
                for noun in self._descriptors(span.root):
                    prof.add(self._descriptor(noun))
                inner = [r for t in span if (r := self.refs.inner.get(t.i)) is not None]
                prof.countries |= {r.key for r in inner if r.type == terms.COUNTRY}
        return self._profiles.get(key, Profile())

    def _fit(self, ref: Ref, want: Profile) -> bool | None:
        """Whether an organisation is what a description asks: of its country ("the
        German firm"), of its kind or a narrower one ("the maker" of a carmaker, not
        "the sportscar maker" of a carmaker: that may be its unit). None: the article
        does not say."""
        have = self._profile(ref.key)
        verdicts = []
        if want.countries and have.countries:
            verdicts.append(bool(want.countries & have.countries))
        if want.kinds and set(norm(ref.label).split()) & want.kinds:
            verdicts.append(True)  # "the airline": Halvex Airline
        elif want.kinds and have.kinds:
            fits = [_kind_fit(k, x) for k in have.kinds for x in want.kinds]
            if True in fits or None not in fits:
                verdicts.append(True in fits)
        return False if False in verdicts else (True if verdicts else None)

    def _fitting(
        self, ranked: list[tuple[Ref | None, bool, int]], want: Profile, tok: Token
    ) -> tuple[bool, Ref | None, list[tuple[Ref | None, bool, int]]]:
        """The candidates a description rules out go. One that alone fits it is meant;
        two that fit alike make a guess kg does not make (nor a fact on the description:
        wrong is worse than unresolved). A country no candidate is known to be of is
        the sole subject's of the sentence or the one before, else no one's ("Halvex
        shares fell. The US firm" is not Halvex). (Whether that decided, the referent,
        the candidates left.)"""
        left = [x for x in ranked if x[0] is None or self._fit(x[0], want) is not False]
        sure = {r.key: r for r, _, _ in left if r is not None and self._fit(r, want)}
        if len(sure) > 1:
            self._ambiguous.add(tok.i)
        if sure:
            return True, next(iter(sure.values())) if len(sure) == 1 else None, left
        if len({r.key if r is not None else None for r, _, _ in left}) < 2 or not want.countries:
            return False, None, left
        subjects = {r.key if r else None: r for r, subj, back in left if subj and back <= 1}
        lead = left[0][0] if left[0][1] and left[0][2] <= 1 else None
        return True, lead if len(subjects) == 1 else None, left

    def _introduced(self, tok: Token, lemma: str) -> bool:
        """ "Yugansk was sold to a shell company. The shell company was ...": the text
        brought in an unnamed one of the kind just before, which the description means
        (not a name). "Yukos, an oil company, ..." and "Yukos is a company ..." name it."""
        sents, k = self._sentences(tok)
        first = sents[max(0, k - DESCRIPTION_WINDOW)].start
        indefinite = self.lex.words.indefinite_determiners
        for t in self.doc[first : tok.i]:
            if t.pos_ != "NOUN" or t.lemma_.lower() != lemma or t.dep_ in {"attr", "appos"}:
                continue
            if any(c.dep_ == "det" and c.lower_ in indefinite for c in t.children):
                return True
        return False

    def _person_description(self, span: Span, m: Mention, fact: Fact):
        """ "the 40-year-old", "the former secretary-general", "the England captain": a
        definite description of a person by an age, or by a role with a word that
        describes rather than titles, is the person the sentence before (or this one,
        before it) is about: its subject, or the one person it names. A bare title ("the
        manager") is left to the title rule: after a sentence about a player it is
        someone else."""
        root, w = span.root, self.lex.words
        dets = [c for c in root.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in w.definite_articles or root.tag_ == "NNS":
            return None
        if AGE.search(span.text) is not None:
            ref = self._salient_person(root)
            return None if ref is None else (ref, "person-description")
        lemma = root.lemma_.lower()
        if lemma not in w.core_titles and lemma not in w.person_epithets:
            return None
        if lemma in w.unnamed_titles:
            return None  # "said the M&S spokesman": rarely the chief executive named before
        words = [t for t in span if t.i != root.i and not (t.is_punct or t.dep_ == "det")]
        # "secretary" of "secretary-general", "foreign" of "the foreign minister": a title
        epithets = [t for t in words if t.lower_ not in w.title_words]
        which = {"prep", "relcl", "acl", "poss"}  # "the last leader to be installed"
        if not epithets or any(c.dep_ in which for c in root.children):
            return None
        # "the new manager", "the other player", "the second man", "the best player": another
        if any(t.lower_ in w.other_holder_words or t.ent_type_ in self.lex.quantity_labels
               or t.tag_ in {"JJS", "RBS"} for t in epithets):  # fmt: skip
            return None
        ref = self._salient_person(root, sole=True)
        if ref is None or ref.key in self._co_arguments(root, fact):
            return None
        return (ref, "person-description") if self._fits(ref, epithets, span) else None

    def _co_arguments(self, tok: Token, fact: Fact) -> set[str]:
        """The people named (or "he", "she") as subjects or objects of the clauses
        above ``tok``: "Kane praised the England captain", "He said the union leader
        ...", "X was called a pirate by the judge" are about someone else."""
        w = self.lex.words
        out: set[str] = set()
        for verb in (a for a in tok.ancestors if a.pos_ in fr.VERBAL):
            args = [c for c in verb.children if c.dep_ in ARGUMENTS and c.i != tok.i]
            for a in [*fr.subjects(verb), *args]:
                ref = self.refs.by_token.get(a.i)
                if ref is None and a.lower_ in w.male_pronouns | w.female_pronouns:
                    ref = self.pronoun(a, fact)
                if ref is not None:
                    out.add(ref.key)
        return out

    def _name_at(self, tok: Token) -> Ref | None:
        return self.refs.inner.get(tok.i) or self.refs.by_token.get(tok.i)

    def _fits(self, person: Ref, epithets: list[Token], span: Span) -> bool:
        """The names in a description agree with the person: a nationality ("the French
        diplomat") or an organisation ("the Everton striker", "the Tory leader") is one
        the article ties the person to; a place or team named as a noun ("the England
        captain") is one the person is tied to or that is new to the text (named before
        and not the person's, it is another person's: "the Dortmund coach" after a
        sentence about a player)."""
        ties = self._affiliated.get(person.key, set())
        sents, k = self._sentences(span.root)
        before = self.doc[sents[max(0, k - DESCRIPTION_WINDOW)].start : span.start]
        keys = {r.key for t in before if (r := self._name_at(t)) is not None}
        texts = {t.text for t in before if t.pos_ == "PROPN"}
        for tok in epithets:
            anchor = self._name_at(tok)
            if anchor is not None and anchor.key in ties:
                continue
            if tok.pos_ != "PROPN" and anchor is None:
                continue  # "former", "veteran": no name
            located = anchor is None or anchor.type in {terms.LOCATION, terms.COUNTRY}
            if tok.pos_ != "PROPN" or not located:
                return False  # a demonym or an organisation the person is not tied to
            if tok.text in texts or (anchor is not None and anchor.key in keys):
                return False
        return True

    def _salient_person(self, tok: Token, *, sole: bool = False) -> Ref | None:
        """The person a sentence is about: in the description's own sentence before it,
        else in the sentence before; a subject first, then the first named. ``sole``:
        only a subject, or the one person the sentence names (not "from X", "for X";
        "he", "his" are persons too)."""
        subj = fr.SUBJ | fr.PASS_SUBJ
        w = self.lex.words
        sent = tok.sent
        groups = [[t for t in sent if t.i < tok.i]]
        if sent.start > 0:
            groups.append(list(self.doc[sent.start - 1].sent))
        for toks in groups:
            # a name tagged as a person here and otherwise elsewhere ("Chelsea") is none
            found = [(t.dep_ not in subj, t.i, ref) for t in toks
                     if (ref := self.refs.by_token.get(t.i)) is not None
                     and ref.type == terms.PERSON
                     and self._tags().get(ref.key, {"PERSON"}) <= {"PERSON"}]  # fmt: skip
            if not found:
                continue
            best = min(found, key=lambda x: (x[0], x[1]))
            if not sole or not best[0]:
                return best[2]
            heads = {self._name_span(self.doc[i]).root.i for _, i, _ in found}
            named = {self.refs.by_token[i].key for i in heads if self.doc[i].dep_ != "pobj"}
            pronouns = [t for t in toks if t.lower_ in w.male_pronouns | w.female_pronouns]
            return best[2] if len(named) == 1 and not pronouns else None
        return None

    def _reported_to(self, t: Token) -> bool:
        """The audience of a report: "told Reuters", "said in a statement to the FT"."""
        w, head = self.lex.words, t.head
        if t.dep_ in {"dobj", "dative"} and head.lemma_.lower() in w.audience_verbs:
            return True
        return (
            t.dep_ == "pobj"
            and head.lower_ in w.audience_prepositions
            and is_reporting(head.head, self.lex)
        )

    def _last_organisation(
        self,
        tok: Token,
        lemma: str,
        skip: set[str],
        window: int = DESCRIPTION_WINDOW,
        generic: bool = False,
        want: Profile | None = None,
    ) -> Ref | None:
        """The organisation a description means: in its sentence, then in each of the
        few before, a subject before the other names, then the first named (the order
        of salience of centering theory); one whose name holds the noun wins ("the
        bank" -> the Bank of Korea). A subject the small model may have mistagged
        counts too: one tagged as a place is a candidate ("Bayern Munich signed Harry
        Kane. The club said"), one tagged as a person that nothing shows to be one is a
        doubt that stops the search ("Olympique Lyon signed X from Sporting Braga. The
        club said" is not Braga)."""
        sents, k = self._sentences(tok)
        # None: a subject that may or may not be one; with each, whether it is a subject
        # and how many sentences back it is
        ranked: list[tuple[Ref | None, bool, int]] = []
        for back, sent in enumerate(reversed(sents[max(0, k - window) : k + 1])):
            found = self._candidates(sent, tok, skip)
            ranked += [(r, subj, back) for subj, _, r in
                       sorted(found.values(), key=lambda v: (not v[0], v[1]))]  # fmt: skip
        if want is not None:
            decided, ref, ranked = self._fitting(ranked, want, tok)
            if decided:
                return ref
        described = self._described().get(lemma, set())
        for ref, _, _ in ranked:
            if ref is not None and (lemma in norm(ref.label).split() or ref.key in described):
                return ref
        generic = generic or lemma in self.lex.words.generic_organisation_nouns
        if not ranked or not generic:
            return None
        ref, subject, back = ranked[0]
        # a name only in an earlier sentence's object ("X sued Morgan Stanley. ... The
        # company also sued Y") is not what a later "the company" takes up: no guess
        return ref if subject or back <= 1 else None

    def _candidates(
        self, sent: Span, tok: Token, skip: set[str]
    ) -> dict[str, tuple[bool, int, Ref | None]]:
        """The organisations a sentence names (or takes up as a subject: "It has
        offered", "The group is to") before ``tok``: by key, whether a subject, where
        first, and the entity (None: a doubt)."""
        found: dict[str, tuple[bool, int, Ref | None]] = {}
        for t in sent:
            if t.i >= tok.i:
                break
            ref = self.refs.by_token.get(t.i)
            taken, taken_ref = (False, None) if ref else self._subject_referent(t)
            if taken and (taken_ref is None or taken_ref.key not in skip):
                key = f"doubt:{t.i}" if taken_ref is None else taken_ref.key
                old = found.get(key)
                found[key] = (True, old[1] if old else t.i, taken_ref)
            if ref is None or ref.key in skip:
                continue
            if t.head.i == tok.i or tok in t.ancestors:
                continue  # "the South Yorkshire company": where it is, not which
            if self._reported_to(t) or self._news_source(t, ref) or self._speakers_body(t):
                continue  # "X told Reuters": the news agency is no company talked of
            if self._unit_of_described(t):
                continue  # "X, the company's US arm": not the company
            kind = self._organisation_kind(ref, t)
            if kind is None or self._named_thing(ref, t):
                continue
            subject = self._clause_subject(t)
            old = found.get(ref.key)
            if old is None or (subject and not old[0]):
                found[ref.key] = (subject, old[1] if old else t.i, ref if kind else None)
        return found

    def _unit_of_described(self, t: Token) -> bool:
        """ "Velmora, the company's US business": a name its apposition makes a part of
        an organisation the text describes is not that organisation."""
        root = self._name_span(t).root
        return any(
            p.dep_ == "poss" and self._description_of_body(p)
            for a in root.children if a.dep_ == "appos"
            for p in a.children
        )  # fmt: skip

    def _speakers_body(self, t: Token) -> bool:
        """ "said X, an analyst at Brumco": the body a speaker's apposition names is who
        they are, not a company the text goes on to talk of."""
        for a in t.ancestors:
            if a.dep_ == "appos" and a.head.dep_ in fr.SUBJ and is_reporting(a.head.head, self.lex):
                return True
        return False

    def _news_source(self, t: Token, ref: Ref) -> bool:
        """ "..., news agency Tarsand reported": a news body that reports is the text's
        source, not a company it goes on to talk of; so is one that reports what
        another organisation did ("The Velmora Times reported that Halvex had ...")."""
        root = self._name_span(t).root
        verb = root.head
        if root.dep_ not in fr.SUBJ or not is_reporting(verb, self.lex):
            return False
        media = self.lex.words.news_media_nouns
        if any(k.endswith(m) for k in self._profile(ref.key).kinds for m in media):
            return True
        if verb.lemma_.lower() not in self.lex.words.media_report_verbs:
            return False
        told = [s for c in verb.children if c.dep_ == "ccomp" for s in fr.subjects(c)]
        return any(self._organisation_named(s) for s in told)

    def _organisation_named(self, t: Token) -> bool:
        ref = self.refs.by_token.get(t.i)
        return ref is not None and ref.type == terms.ORGANIZATION

    def _described(self) -> dict[str, set[str]]:
        """The nouns the article describes each name by: "Halvex Stores, the largest
        retailer", "retailer Halvex", "Halvex is a retailer" -> retailer: Halvex. A
        later "the retailer" is the one so described, not a name nearer it."""
        if self._kinds is None:
            self._kinds = {}
            for t in self.doc:
                if t.pos_ != "NOUN":
                    continue
                # "retailer Halvex": a kind before the name, not "the Halvex-Brumco
                # alliance", nor "despite the alliance Halvex failed" (a misparse)
                title = t.dep_ in {"compound", "nmod"} and t.i < t.head.i and \
                    not (t.i > 0 and t.nbor(-1).pos_ == "DET")  # fmt: skip
                named = [t.head] if t.dep_ == "appos" or title else []
                if t.dep_ == "attr" and t.head.lemma_ in self.lex.words.copulas:
                    named = [s for s in t.head.children if s.dep_ in fr.SUBJ]
                for n in named:
                    ref = self.refs.by_token.get(n.i)
                    if ref is not None:
                        self._kinds.setdefault(t.lemma_.lower(), set()).add(ref.key)
        return self._kinds

    def _clause_subject(self, t: Token) -> bool:
        """A subject of its sentence's clause: not of an infinitive ("sued X to return
        the money"), nor one the parser found after a verb that does not invert ("X
        sued Morgan Stanley": the object); "..., said Morgan Stanley" does invert."""
        verb = t.head
        if t.dep_ not in fr.SUBJ | fr.PASS_SUBJ:
            return False
        if sx.has_to(verb):
            return False
        return t.i < verb.i or is_reporting(verb, self.lex)

    def _named_thing(self, ref: Ref, tok: Token) -> bool:
        """ "the Xiluodu dam": a name that ends in a common noun of no organisation
        (lower case, not a kind of organisation) names a thing, not a company."""
        span = self._name_span(tok)
        last = span[-1] if len(span) else tok
        if not last.is_lower or not last.is_alpha:
            return False
        return self.lex.classes.get(last.lemma_.lower()) != terms.ORGANIZATION

    def _organisation_kind(self, ref: Ref, tok: Token) -> bool | None:
        """True: an organisation's name, or a name tagged as a place that may be one, as
        the subject of its clause and no place the gazetteer knows (elsewhere it is too
        often the place: "played against Barcelona"), or tagged as a person here and as
        something else elsewhere. False: a subject tagged as a person with no first
        name, honorific or title to show it is one. None: no organisation."""
        if ref.type == terms.ORGANIZATION:
            return True
        if ref.qid or ref.rule.startswith("gazetteer"):
            return None
        head = tok
        while head.dep_ in {"compound", "flat"} and head.head.i != head.i:
            head = head.head
        if head.dep_ not in fr.SUBJ | fr.PASS_SUBJ or head.ent_type_ != tok.ent_type_:
            return None
        if ref.type == terms.LOCATION:
            return True
        titled = any(r.key == ref.key for r in self.refs.titles.values())
        if ref.type != terms.PERSON or person_gender(ref.label) is not None or titled:
            return None
        # tagged a person here and a place elsewhere: the model knows it is neither
        return len(self._tags().get(ref.key, ())) > 1

    def _tags(self) -> dict[str, set[str]]:
        """The NER labels each name gets in the article, where written in full."""
        if self._labels is None:
            self._labels = {}
            for i, ref in self.refs.by_token.items():
                if ref.rule == BY_NAME:
                    self._labels.setdefault(ref.key, set()).add(self.doc[i].ent_type_)
        return self._labels

    def _with(self, m: Mention, ref: Ref, rule: str) -> Mention:
        if rule:
            ent = self.refs.entities.get(ref.key)
            if ent is not None:
                ent.merged_by.add(rule)
                ent.mentions += 1
        if ref.key not in self.refs.entities:
            self.refs.register(ref, m.text)
        return Mention(text=ref.label, start=m.start, end=m.end, label=ref.type, key=ref.key)

    # ------------------------------------------------------------------ pronouns

    def pronoun(self, tok: Token, fact: Fact) -> Ref | None:
        w = self.lex.words
        low = tok.lower_
        named = self._named_in_brackets(tok)
        if named is not None:
            return named
        if low in w.male_pronouns or low in w.female_pronouns:
            gender = "m" if low in w.male_pronouns else "f"
            return (
                self._talked_of(tok, gender, fact)
                or self._bound_person(tok, gender, fact)
                or self._previous_person(tok, gender)
            )
        if low in w.first_plural_pronouns:
            return self._speakers_side(tok, fact)
        if low in w.thing_pronouns:
            if self._unknown_binder(tok):
                return None  # "BP added that it was ...", BP untagged: not a name before
            return self._bound_thing(tok) or self._thing(tok)
        return None

    def _talked_of(self, tok: Token, gender: str, fact: Fact) -> Ref | None:
        """ "'She never gives up,' the coach said of Anna Berg" (or "of the captain, Anna
        Berg"): "he" or "she" in quoted words is the person they are said of."""
        if tok.i not in self.refs.quoted or fact.attributed_to is None:
            return None
        span = self.span(fact.attributed_to)
        if span is None:
            return None
        verb = span.root.head
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in self.lex.words.talked_of:
                continue
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            for obj in objs + [a for o in objs for a in o.children if a.dep_ == "appos"]:
                ref = self.refs.by_token.get(obj.i)
                # the small model often tags the person a quote is about otherwise
                if ref is not None and (self._agrees(ref, gender)
                                        or person_gender(ref.label) == gender):  # fmt: skip
                    return ref
        return None

    def _named_in_brackets(self, tok: Token) -> Ref | None:
        """ "He (Ashby) has no chance": the writer named the pronoun's referent."""
        for c in tok.children:
            ref = self.refs.by_token.get(c.i) or self.refs.surnames.get(norm(c.text))
            if c.dep_ == "appos" and ref is not None:
                return ref
        return None

    def _binders(self, tok: Token):
        """Subjects of the clauses above a pronoun, nearest first. Inside a quotation
        the speaker is "I": a clause outside the quotation binds no "he" or "it" in it
        ("'He has no chance,' said Ashby" is not Ashby)."""
        quoted = tok.i in self.refs.quoted
        for anc in tok.ancestors:
            if anc.pos_ not in fr.VERBAL or anc.i == tok.head.i:
                continue
            if quoted and anc.i not in self.refs.quoted:
                return
            for s in fr.subjects(anc):
                if s.i != tok.i:
                    yield s

    def _bound_thing(self, tok: Token) -> Ref | None:
        """ "The party denied it is trying to ...": the thing a clause above is about."""
        if tok.dep_ not in fr.SUBJ | fr.PASS_SUBJ:
            return None
        for s in self._binders(tok):
            ref = self._subject_ref(s)
            plural = bool(s.conjuncts)  # "Labour and the Greens claim it"
            if ref is not None and ref.type != terms.PERSON and s.i < tok.i and not plural:
                return ref
        return None

    def _unknown_binder(self, tok: Token) -> bool:
        """A subject "it" whose nearest clause above has a proper noun for subject that
        NER left untagged (or tagged a person on no evidence): that name is likely what
        "it" means, and nothing kg knows stands for it, so no older name may take its
        place."""
        if tok.dep_ not in fr.SUBJ | fr.PASS_SUBJ:
            return False
        for s in self._binders(tok):
            if s.i < tok.i and self._description_of_body(s):
                return self._subject_ref(s) is None  # "The German firm said it": which?
            if s.i > tok.i or s.lower_ in self.lex.words.pronouns or s.pos_ != "PROPN":
                continue
            ref = self.refs.by_token.get(s.i)
            if ref is None:
                return True
            # a one-word "person" with no known first name may be a mistagged company
            single = len(ref.label.split()) == 1 and person_gender(ref.label) is None
            return ref.type == terms.PERSON and single
        return False

    def _agrees(self, ref: Ref, gender: str) -> bool:
        """A person of the pronoun's gender, or of unknown gender."""
        if ref.type != terms.PERSON:
            return False
        # a one-word label is a surname as often as a first name ("May", "Johnson")
        known = person_gender(ref.label) if len(ref.label.split()) > 1 else None
        return known is None or known == gender

    def _bound_person(self, tok: Token, gender: str, fact: Fact) -> Ref | None:
        """ "Erdogan said that he supports": the subject of a clause above the pronoun."""
        w = self.lex.words
        for s in self._binders(tok):
            ref = self.refs.by_token.get(s.i) or self.refs.surnames.get(norm(s.text))
            pron = s.lower_ in w.male_pronouns or s.lower_ in w.female_pronouns
            if ref is None and pron and s.i < tok.i:
                ref = self.pronoun(s, fact)
            if ref is not None and self._agrees(ref, gender):
                return ref
        return None

    def _previous_person(self, tok: Token, gender: str) -> Ref | None:
        """The person "he" or "she" most likely means, of the same gender: the nearest
        before it in its sentence, else, sentence by sentence back, the subject before
        the others ("Ashby, who wants to sign Reyes, will not ... 'He has no chance,'
        he said" is Ashby). A name inside a quotation is rarely who "he" is outside it."""
        refs = self.refs
        quoted = tok.i in refs.quoted

        def person(i: int) -> Ref | None:
            ref = refs.by_token.get(i)
            if ref is None or (i in refs.quoted and not quoted) or not self._agrees(ref, gender):
                return None
            return ref

        sent = tok.sent
        commanded = _commanded(tok)
        for i in range(tok.i - 1, sent.start - 1, -1):
            ref = person(i) if i not in commanded else None
            if ref is not None:
                return ref
        start = sent.start
        while start > 0:
            prev = self.doc[start - 1].sent
            subj = fr.SUBJ | fr.PASS_SUBJ
            found = [
                (self.doc[i].dep_ not in subj, i, ref)
                for i in range(prev.start, prev.end)
                if (ref := person(i)) is not None
            ]
            best = min(found, key=lambda x: (x[0], x[1])) if found else None
            if best is not None and not best[0]:
                return best[2]
            stop, named = self._unnamed_subject(prev)
            if stop:  # "Boss Tarven Okoli blames ...", Okoli untagged here: no older name
                return named if named is not None and self._agrees(named, gender) else None
            if best is not None:
                return best[2]
            start = prev.start
        return None

    def _unnamed_subject(self, sent: Span) -> tuple[bool, Ref | None]:
        """A sentence whose main clause has for subject a proper noun NER left untagged:
        likely the person a "he" after it means. If the article names that person
        elsewhere ("Mr Okoli"), that one (whether to stop, the person); if it names
        nothing so, kg has no entity for it, and no other name may take its place."""
        subj = fr.SUBJ | fr.PASS_SUBJ
        for t in sent:
            if t.dep_ not in subj or t.head.i != sent.root.i or t.pos_ != "PROPN":
                continue
            if t.i in self.refs.quoted or t.lower_ in self.lex.words.pronouns:
                continue
            # "Norvia's President, Dara Venn, said": the title's apposition names them
            named = any(a.dep_ == "appos" and a.i in self.refs.by_token for a in t.children)
            if t.i in self.refs.by_token or named:
                return False, None
            ref = self.refs.surnames.get(norm(t.text)) or self.refs.names.get(norm(t.text))
            if ref is None:
                return True, None
            return ref.type == terms.PERSON, ref if ref.type == terms.PERSON else None
        return False, None

    def _speakers_side(self, tok: Token, fact: Fact) -> Ref | None:
        """ "we" in quoted words: the body the speaker speaks for: the one the article
        ties them to, else one named in their apposition ("X, a member of the Brumco
        board"), else by their title the country or the company the text is about
        (a minister's, a chief executive's); else the speaker."""
        if fact.attributed_to is None:
            return None
        span = self.span(fact.attributed_to)
        if span is None:
            return None
        root = span.root
        sref = self.refs.by_token.get(root.i)
        w = self.lex.words
        if sref is None and (root.lower_ in w.male_pronouns or root.lower_ in w.female_pronouns):
            sref = self.pronoun(root, fact)
        if sref is None:
            sref = self.refs.titles.get(norm(text_of(clean(span))))
        if sref is None:
            return None
        side = self.refs.affiliation.get(sref.key)
        if side is None:
            named, side = self._apposed_body(root)
            side = side if named else self._titled_side(sref, tok)
        return side or sref

    def _apposed_body(self, speaker: Token) -> tuple[bool, Ref | None]:
        """ "said X, a member of the Brumco board": whether the speaker's apposition
        names something, and the organisation or country it names first (None if the
        first name is another kind of thing, or one kg does not know)."""
        for appos in (c for c in speaker.children if c.dep_ == "appos"):
            for t in _phrase(appos):
                ref = self.refs.inner.get(t.i) or self.refs.by_token.get(t.i)
                if ref is not None or t.pos_ == "PROPN":  # the first name says
                    body = ref is not None and ref.type in {terms.ORGANIZATION, terms.COUNTRY}
                    return True, ref if body else None
        return False, None

    def _titled_side(self, speaker: Ref, tok: Token) -> Ref | None:
        """The body a speaker's title makes them speak for: a minister's country, a
        chief executive's company (the one the text is about there)."""
        w = self.lex.words
        words = {
            x
            for title, ref in self.refs.titles.items()
            if ref.key == speaker.key
            for x in title.replace("-", " ").split()
        }  # fmt: skip ("co-chairman")
        if words & w.state_titles:
            return self._recent_country(tok)
        if not words & w.company_titles:
            return None
        ref = self._last_organisation(tok, "", set(), generic=True)
        return ref if ref is not None and ref.key == self._main_organisation() else None

    def _main_organisation(self) -> str | None:
        """The key of the organisation the article names most often (a tie: none)."""
        counts = sorted(((e.mentions, k) for k, e in self.refs.entities.items()
                         if e.type == terms.ORGANIZATION), reverse=True)  # fmt: skip
        if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
            return None
        return counts[0][1]

    def _reason_patient(self, tok: Token) -> Token | None:
        """ "was awarded to X by Y for its campaign", "fined the bank for its failure":
        the "its" of a reason is the patient's (the recipient, else the object, else the
        passive subject), not the agent's nearer name."""
        noun, w = tok.head, self.lex.words
        prep = noun.head
        if tok.dep_ != "poss" or noun.dep_ != "pobj" or prep.lower_ not in w.reason_prepositions:
            return None
        verb = prep.head
        if verb.pos_ not in fr.VERBAL or prep.dep_ != "prep":
            return None
        recipients = [o for p, o in fr.prep_objects(verb) if p.lower_ in w.recipient_prepositions]
        found = recipients or fr.objects(verb) or [
            c for c in verb.children if c.dep_ in fr.PASS_SUBJ
        ]  # fmt: skip
        return found[0] if len(found) == 1 and found[0].pos_ == "PROPN" else None

    def _modifier(self, tok: Token) -> bool:
        """ "higher US tariffs": a name that modifies a common noun is no thing "its"
        takes up (the noun's owner is named elsewhere); "the Unifor union" is the
        union, named."""
        root = self._name_span(tok).root
        head = root.head
        kind = self.lex.classes.get(head.lemma_.lower()) == terms.ORGANIZATION
        return root.dep_ in {"compound", "amod", "nmod"} and head.pos_ == "NOUN" and not kind

    def _subject_possessor(self, tok: Token) -> Ref | None:
        """ "BT's rivals accused it of ...": an object "it" is not its clause's subject
        but may be that subject's named possessor, the thing the sentence is about."""
        if tok.dep_ not in fr.OBJ or tok.head.pos_ not in fr.VERBAL:
            return None
        for s in fr.subjects(tok.head):
            for c in s.children:
                ref = self.refs.by_token.get(c.i)
                if c.dep_ == "poss" and ref is not None and ref.type != terms.PERSON:
                    return ref
        return None

    def _owner_before(self, tok: Token) -> tuple[bool, Ref | None]:
        """The thing an "its" takes up in its own sentence, and whether there is one:
        the nearest before it, except that a name inside another noun's prepositional
        phrase ("the consolidation of Brumco ... its stake") gives way to an earlier
        subject or possessor (Halvex's), the thing the sentence is about."""
        doc, nested = self.doc, None
        for i in range(tok.i - 1, tok.sent.start - 1, -1):
            if self._description_of_body(doc[i]) and doc[i].dep_ in fr.SUBJ:
                return True, self._subject_ref(doc[i])  # "The firm said it ... its": the firm's
            ref = self._owner_candidate(doc[i])
            if ref is None or (nested is not None and ref.key == nested.key):
                continue
            root = self._name_span(doc[i]).root
            if nested is None and self._in_noun_phrase(root):
                nested = ref
                continue
            if nested is None or root.dep_ in fr.SUBJ | fr.PASS_SUBJ | {"poss"}:
                return True, ref
            return True, nested
        return nested is not None, nested

    def _owner_candidate(self, t: Token) -> Ref | None:
        """A name that may own a thing: not a person, a group or a noun's modifier."""
        ref = self.refs.by_token.get(t.i)
        group = self.lex.ner_class.get(t.ent_type_) == terms.GROUP
        if ref is None or ref.type == terms.PERSON or group or self._modifier(t):
            return None
        return ref

    @staticmethod
    def _in_noun_phrase(root: Token) -> bool:
        """ "the stake in Brumco": the object of a preposition on a noun, a passing
        mention inside another thing's description."""
        prep = root.head
        return root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in {"NOUN", "PROPN"}

    def _thing(self, tok: Token) -> Ref | None:
        """it/its: the nearest thing before in the sentence ("X promises to support Y in
        its standoff"), else the subject of the previous sentence, if it named a thing."""
        refs, doc = self.refs, self.doc
        sent = tok.sent
        patient = self._reason_patient(tok)
        if patient is not None:
            return refs.by_token.get(patient.i)  # no name there: no guess
        if tok.dep_ == "poss":
            found, ref = self._owner_before(tok)
            if found:
                return ref
        owner = self._subject_possessor(tok)
        if owner is not None:
            return owner
        if sent.start == 0:
            return None
        for t in doc[sent.start - 1].sent:
            if t.dep_ in fr.SUBJ | fr.PASS_SUBJ and t.head.dep_ == "ROOT":
                ref = refs.by_token.get(t.i)
                # a town is no "it" that acts; a country may be ("Norvia said it would")
                if ref is not None and ref.type not in {terms.PERSON, terms.LOCATION}:
                    return ref
        return None
