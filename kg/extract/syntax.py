"""Dependency-tree helpers shared by the extractors: arguments, phrases, polarity, modality.

Everything here reads a spaCy parse and writes nothing to it. The rules are grammatical
(UD-style labels of spaCy's English models), never keyed to particular names.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..model import Fact, Mention

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj"}
PRONOUNS = {
    "he", "she", "him", "her", "his", "hers", "it", "its", "we", "us", "our", "ours",
    "they", "them", "their", "theirs", "i", "me", "my", "you", "your",
}  # fmt: skip
WH = {"which", "who", "whom", "that", "whose", "what", "whatever", "where", "when"}
# Verbs whose xcomp states what their subject intends: "is preparing to sell".
PLANNING = {
    "prepare", "plan", "intend", "promise", "pledge", "vow", "aim", "seek", "want", "hope",
    "expect", "agree", "decide", "offer", "threaten", "try", "attempt", "wish", "mean",
    "propose", "resolve", "commit", "go", "set", "move", "look", "work", "strive",
}  # fmt: skip
# Verbs whose xcomp is reported belief, not fact: "are believed to have helped".
HEDGING = {"believe", "think", "say", "report", "allege", "rumour", "rumor", "suspect",
           "claim", "seem", "appear", "expect", "understand", "know", "estimate"}  # fmt: skip
NEGATING = {"refuse", "fail", "decline", "stop", "cease", "reject", "deny", "halt", "abandon"}
# Verbs that only pass their subject on to an xcomp: no fact of their own.
CONTROL = PLANNING | NEGATING | {
    "continue", "begin", "start", "keep", "manage", "need", "have", "use", "help", "able",
    "be", "get", "tend", "happen", "remain", "like", "love", "choose", "dare",
}  # fmt: skip
OBJECT_CONTROL = {"help", "ask", "urge", "allow", "force", "persuade", "encourage", "tell",
                  "invite", "order", "enable", "push", "pressure", "call", "require"}  # fmt: skip
POSSIBLE = {"can", "could", "may", "might"}
DEMANDED = {"must", "should", "shall", "ought"}
NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor"}
HEDGE_ADVERBS = {"reportedly", "allegedly", "apparently", "possibly", "probably", "perhaps",
                 "likely", "presumably", "supposedly", "purportedly"}  # fmt: skip
# Nouns that carry a plan or a decision: "our decision not to recognize X".
INTENT_NOUNS = {"decision", "plan", "intention", "promise", "pledge", "commitment", "refusal",
                "readiness", "willingness", "determination", "bid", "attempt", "effort",
                "move", "vow", "offer", "threat", "agreement", "resolve", "desire"}  # fmt: skip
LIGHT_VERBS = {"have", "hold", "maintain", "continue", "establish", "develop", "strengthen",
               "deepen", "seek", "begin", "start", "conduct", "enjoy", "expand", "build",
               "resume", "pursue", "keep", "boost", "forge", "restore", "launch", "sign",
               "be"}  # fmt: skip
NAMED_OBJECTS = {"GPE", "ORG", "PERSON", "NORP", "LOC", "PRODUCT", "FAC"}
NP_KEEP_PREPS = {"of", "with", "to", "for", "against", "between", "on", "in", "over"}


def is_pronoun(tok: Token) -> bool:
    return tok.lower_ in PRONOUNS


def dash_apposition(head: Token) -> Token | None:
    """A name set off by a dash inside a phrase the parser glued together:
    'the "Crimean Platform" - Kyiv's initiative' -> Platform (the thing named)."""
    for c in head.children:
        if c.i < head.i and c.dep_ in {"nmod", "compound", "npadvmod"} and c.pos_ == "PROPN":
            between = head.doc[c.i + 1 : head.i]
            if any(t.text in {"-", "\u2013", "\u2014", "--"} and t.head.i == c.i for t in between):
                return c
    return None


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it: "Ankara and Kyiv"."""
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i and c.dep_ == "conj" or c.head.i in {t.i for t in out}:
            out.append(c)
    return sorted({t.i: t for t in out}.values(), key=lambda t: t.i)


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
    drop_lead = {"DET", "PUNCT", "CCONJ", "ADP"}
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
        if tokens[0].pos_ == "DET" and tokens[0].lower_ not in {
            "the",
            "a",
            "an",
            "this",
            "these",
            "those",
            "that",
        }:
            break
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].pos_ == "CCONJ"):
        tokens = tokens[:-1]
    return tokens


def phrase_tokens(head: Token, *, keep_preps: bool = True, depth: int = 0) -> list[Token]:
    """The noun phrase headed by ``head``, without clauses, appositions and conjuncts.

    "the annexation of Crimea" -> [annexation, of, Crimea]; a conjunct ("X and Y") or a
    relative clause ("X, which ...") is a phrase of its own.
    """
    toks = [head]
    for child in head.children:
        dep = child.dep_
        if dep in {
            "relcl",
            "appos",
            "cc",
            "conj",
            "punct",
            "acl",
            "advcl",
            "ccomp",
            "xcomp",
            "parataxis",
            "dep",
            "mark",
            "aux",
            "auxpass",
            "neg",
            "advmod",
            "case",
        }:
            if dep == "case" or (dep == "punct" and child.i < head.i and child.is_quote):
                toks.append(child)  # possessive 's; an opening quote inside the phrase
            elif (
                dep == "punct"
                and child.text in {"-", "\u2010", "\u2011"}
                and not (child.whitespace_ or child.nbor(-1).whitespace_)
            ):
                toks.append(child)  # "medium-altitude": a hyphen inside a word
            continue
        if dep == "prep":
            if not keep_preps or child.lower_ not in NP_KEEP_PREPS or depth >= 2:
                continue
            if head.pos_ == "PROPN" and child.lower_ in {"in", "on", "over"}:
                continue  # "the Golden Temple in Amritsar": a name needs no place
            if depth >= 1 and child.lower_ != "of":
                continue
        if dep == "det" and child.i > head.i:
            continue
        for sub in (
            phrase_tokens(child, keep_preps=keep_preps, depth=depth + (dep == "prep"))
            if dep != "prep"
            else _prep_tokens(child, keep_preps, depth)
        ):
            toks.append(sub)
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    # keep the phrase contiguous around the head
    out = [head]
    by_i = {t.i: t for t in toks}
    i = head.i - 1
    while i in by_i:
        out.insert(0, by_i[i])
        i -= 1
    i = head.i + 1
    while i in by_i:
        out.append(by_i[i])
        i += 1
    return out


def _prep_tokens(prep: Token, keep_preps: bool, depth: int) -> list[Token]:
    objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    if not objs:
        return []
    out = [prep]
    for o in objs:
        out.extend(phrase_tokens(o, keep_preps=keep_preps, depth=depth + 1))
    return out


def phrase_text(tokens: list[Token]) -> str:
    tokens = _trim(tokens)
    if not tokens:
        return ""
    doc = tokens[0].doc
    text = doc[tokens[0].i : tokens[-1].i + 1].text  # (doc.text rebuilds the whole text)
    return " ".join(text.replace("\u201c", '"').replace("\u201d", '"').replace('"', "").split())


def mention(head: Token, *, keep_preps: bool = True) -> Mention | None:
    """A Mention for the argument headed by ``head``: the entity it names, else its phrase."""
    ent = ent_span(head)
    if ent is not None and ent.label_ not in {
        "CARDINAL",
        "ORDINAL",
        "DATE",
        "TIME",
        "PERCENT",
        "MONEY",
        "QUANTITY",
    }:
        toks = [t for t in ent if not (t.is_punct or t.is_space)]
        toks = _trim(toks)
        if toks:
            return Mention(
                text=phrase_text(toks),
                start=toks[0].idx,
                end=toks[-1].idx + len(toks[-1]),
                label=ent.label_,
            )
    if head.pos_ in {"VERB", "AUX"} or head.lower_ in WH:
        return None
    toks = _trim(phrase_tokens(head, keep_preps=keep_preps))
    if not toks:
        return None
    text = phrase_text(toks)
    if not text:
        return None
    label = "PRON" if is_pronoun(head) and len(toks) == 1 else ""
    return Mention(text=text, start=toks[0].idx, end=toks[-1].idx + len(toks[-1]), label=label)


def is_negated(verb: Token) -> bool:
    """Negation on the verb itself: "does not recognize", "never met", "decision not to"."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in {"never"})
               for c in verb.children)  # fmt: skip


def clause_negated(verb: Token) -> bool:
    """Negation in scope: the verb's own, a verb it is coordinated under without a subject
    of its own ("will not ignore X and shut down Y"), or a negating control verb
    ("refused to sign")."""
    neg = is_negated(verb)
    v = verb
    while v.dep_ == "conj" and not any(c.dep_ in SUBJ | PASS_SUBJ for c in v.children):
        v = v.head
        if is_negated(v):
            neg = True
    # xcomp chain: "refuses to recognize", "did not agree to sell"
    x = verb
    while x.dep_ == "xcomp" or (x.dep_ == "conj" and x.head.dep_ == "xcomp"):
        x = x.head if x.dep_ == "xcomp" else x.head.head
        if x.lemma_ in NEGATING:
            neg = not neg
        if is_negated(x):
            neg = True
    return neg


def modality(verb: Token) -> str:
    """asserted | planned | possible | hedged | demanded, from auxiliaries and the verbs
    and adverbs above the fact's verb."""
    chain = [verb]
    v = verb
    while v.dep_ in {"xcomp", "conj"} and v.head is not v:
        v = v.head
        chain.append(v)
        if v.dep_ not in {"xcomp", "conj"}:
            break
    for t in chain:
        for c in t.children:
            if c.lower_ in HEDGE_ADVERBS:
                return "hedged"
    for t in chain[1:]:
        if t.lemma_ in HEDGING and any(c.dep_ in PASS_SUBJ for c in t.children):
            return "hedged"  # "are believed to have helped"
    for t in chain[1:]:
        if t.lemma_ in PLANNING:
            return "planned"
    for t in chain:
        for c in t.children:
            if c.dep_ in {"aux"} and c.lower_ in POSSIBLE:
                return "possible"
            if c.dep_ in {"aux"} and c.lower_ in DEMANDED:
                return "demanded"
    return "asserted"


def subjects(verb: Token) -> list[Token]:
    """The heads of the verb's (logical) subjects, following control, coordination and
    relative clauses: "Turkey, which does not recognize X" -> Turkey."""
    found = [c for c in verb.children if c.dep_ in SUBJ]
    if found:
        out: list[Token] = []
        for s in found:
            if s.lower_ in {"which", "who", "that"} and verb.dep_ == "relcl":
                s = verb.head
            out.extend(conjuncts(s))
        return out
    if verb.dep_ == "relcl":
        return conjuncts(verb.head) if not any(c.dep_ in PASS_SUBJ for c in verb.children) else []
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_ in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in OBJ]
            if objs:
                return conjuncts(objs[0])
        pas = [c for c in head.children if c.dep_ in PASS_SUBJ]
        if pas and head.lemma_ in HEDGING:
            return conjuncts(pas[0])  # "These drones are believed to have helped"
        return subjects(head)
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return subjects(verb.head)
    if verb.dep_ in {"advcl", "acl"} and verb.tag_ == "VBG" and verb.head.pos_ in {"VERB", "AUX"}:
        return subjects(verb.head)  # "..., Cavusoglu said, speaking at a conference"
    if verb.dep_ == "acl" and verb.head.lemma_ in INTENT_NOUNS:
        # "our decision not to recognize X": the possessor decides;
        # "the decision by India and Pakistan to open X": the by-phrase decides
        poss = [c for c in verb.head.children if c.dep_ == "poss"]
        if poss:
            return poss
        by = by_agents(verb.head)
        if by:
            return by
        gov = verb.head.head
        if gov.pos_ in {"VERB", "AUX"}:
            return subjects(gov)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        # "the Crimean Platform - Kyiv's initiative to involve X": the thing named
        h = verb.head
        if h.dep_ == "appos":
            return [h.head]
    return []


def by_agents(noun: Token) -> list[Token]:
    """The agents of a noun in a by-phrase: "the decision by India and Pakistan"."""
    for c in noun.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ == "by":
            for o in c.children:
                if o.dep_ == "pobj":
                    return conjuncts(o)
    return []


def passive_subjects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in PASS_SUBJ]
    if not found and verb.dep_ == "relcl" and verb.tag_ == "VBN":
        return [verb.head]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [verb.head]  # "a conference organized by X"
    if not found and verb.dep_ == "conj" and verb.tag_ == "VBN":
        return passive_subjects(verb.head)
    out: list[Token] = []
    for s in found:
        out.extend(conjuncts(s))
    return out


def agent(verb: Token) -> list[Token]:
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return conjuncts(objs[0])
    return []


def objects(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in OBJ:
            out.extend(conjuncts(c))
    if not out:
        # the small model often labels a named object "npadvmod": "Bolivia supports Chile"
        for c in verb.children:
            if c.dep_ == "npadvmod" and c.i > verb.i and c.ent_type_ in NAMED_OBJECTS:
                out.extend(conjuncts(c))
    return out


def datives(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in {"dative", "iobj"} and c.pos_ in {"PROPN", "NOUN", "PRON"}:
            out.extend(conjuncts(c))
    return out


def prep_objects(verb: Token) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs attached to the verb: "stand for X", "work on X"."""
    for c in verb.children:
        if c.dep_ == "prep":
            for o in c.children:
                if o.dep_ == "pobj":
                    for oc in conjuncts(o):
                        yield c, oc


def particle(verb: Token) -> str:
    for c in verb.children:
        if c.dep_ == "prt":
            return c.lower_
    return ""


def camel(*words: str) -> str:
    """camelCase predicate names: camel("shut", "down") -> "shutDown"."""
    parts = [w for w in " ".join(words).replace("-", " ").split() if w]
    if not parts:
        return ""
    return parts[0].lower() + "".join(p[:1].upper() + p[1:].lower() for p in parts[1:])


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
    confidence: float = 0.7,
) -> Fact:
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
        confidence=confidence,
        anchor=trigger.idx,
    )
