"""Gold facts (the TSV gold format) + a graph's facts -> precision, recall, F1.

Implements the gold format's matching rules so that users can measure kg on gold of
their own: entity aliases and Wikidata ids, free phrases by content-word overlap (60% of
the phrase, 30% of the label), predicates by their camelCase/snake_case words with light
stemming, polarity (a predicate named "not..."/"doesNot..." counts as negated), symmetric
relations, de-duplication of predictions, and recall over required facts only.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .facts import FactRow

ARTICLES = ("the ", "a ", "an ")
STOPWORDS = {
    "the", "a", "an", "of", "to", "in", "on", "for", "by", "with", "and", "or", "its",
    "their", "his", "her", "at", "from", "as", "up",
}  # fmt: skip
NEGATORS = {"not", "does", "doesnt", "do", "did", "no", "never"}


def norm(text: str) -> str:
    """Case-folded, accent-free, article- and possessive-free text.

    >>> norm("The Türkiye's")
    'turkiye'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    for art in ARTICLES:
        if text.startswith(art):
            text = text[len(art) :]
    return text


def stem(word: str) -> str:
    """Light stemming: supplies = supply = supplied.

    >>> stem("supplies"), stem("supplied"), stem("supply")
    ('supply', 'supply', 'supply')
    """
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("es", ""), ("ed", ""),
                         ("s", "")):  # fmt: skip
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)] + repl
            break
    return word.rstrip("e") if len(word) > 3 else word


def content_words(text: str) -> set[str]:
    return {stem(w) for w in norm(text).split() if w not in STOPWORDS}


def predicate_key(predicate: str) -> tuple[str, bool]:
    """The predicate's normalised words, and whether its name itself says "not"."""
    local = re.split(r"[#/:]", predicate)[-1]
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", local)
    parts = re.sub(r"[_\-\s]+", " ", words).strip().lower().split()
    negated = False
    while parts and parts[0] in NEGATORS:
        if parts[0] in {"not", "doesnt", "no", "never"}:
            negated = True
        parts = parts[1:]
    return "".join(stem(w) for w in parts), negated


@dataclass
class GoldEntity:
    name: str
    aliases: set[str]
    qid: str | None


@dataclass
class GoldFact:
    subjects: list[str]
    predicates: list[str]
    objects: list[str]
    negated: bool
    required: bool
    symmetric: bool
    line: str
    matched_by: list[int] = field(default_factory=list)


def parse_gold(path: str | Path) -> tuple[dict[str, GoldEntity], list[GoldFact]]:
    """Read a gold file; a malformed line is an InputError naming file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    entities: dict[str, GoldEntity] = {}
    facts: list[GoldFact] = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@entity"):
            body = line[len("@entity") :].strip()
            qid = None
            if ";" in body:
                body, qid_text = body.rsplit(";", 1)
                qid = qid_text.strip() or None
            names = [x.strip() for x in body.split("|") if x.strip()]
            if not names:
                raise InputError(f"{path}:{n}: @entity line without a name")
            entities[norm(names[0])] = GoldEntity(names[0], {norm(x) for x in names}, qid)
            continue
        parts = line.split("\t")
        if len(parts) != 5:
            raise InputError(f"{path}:{n}: a fact line needs 5 tab-separated fields")
        s, p, o, pol, flags = parts
        flagset = {f.strip() for f in flags.split(",")}
        facts.append(GoldFact(
            subjects=[x.strip() for x in s.split("|")],
            predicates=[x.strip() for x in p.split("|")],
            objects=[x.strip() for x in o.split("|")],
            negated=pol.strip() == "-",
            required="required" in flagset,
            symmetric="sym" in flagset,
            line=line.replace("\t", "  "),
        ))  # fmt: skip
    return entities, facts


def term_matches(term: str, label: str, qid: str | None, entities: dict[str, GoldEntity]) -> bool:
    if term == "*":
        return True
    ent = entities.get(norm(term))
    if ent is not None:
        if qid and ent.qid and qid.rsplit("/", 1)[-1] == ent.qid:
            return True
        return norm(label) in ent.aliases
    gold, pred = content_words(term), content_words(label)
    if not gold or not pred:
        return norm(term) == norm(label)
    common = len(gold & pred)
    return common / len(gold) >= 0.6 and common / len(pred) >= 0.3


def fact_matches(g: GoldFact, f: FactRow, entities: dict[str, GoldEntity]) -> bool:
    key, name_negated = predicate_key(f.predicate)
    if (f.negated or name_negated) != g.negated:
        return False
    if not any(a == "*" or predicate_key(a)[0] == key for a in g.predicates):
        return False
    orders = [(f.subject, f.subject_qid, f.object, f.object_qid)]
    if g.symmetric:
        orders.append((f.object, f.object_qid, f.subject, f.subject_qid))
    return any(
        any(term_matches(t, s, sq, entities) for t in g.subjects)
        and any(term_matches(t, o, oq, entities) for t in g.objects)
        for s, sq, o, oq in orders
    )


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    predicted: int
    matched_predictions: int
    required: int
    required_matched: int
    missed: list[str]
    unmatched: list[str]
    # predictions that match a gold fact only with their polarity turned around: a fact
    # the text denies stored as asserted, or the reverse (the worst error kg can make)
    polarity_flips: list[str] = field(default_factory=list)


def dedupe(facts: list[FactRow]) -> list[FactRow]:
    seen: set[tuple] = set()
    out = []
    for f in facts:
        key = (norm(f.subject), predicate_key(f.predicate), norm(f.object), f.negated)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def score(gold_path: str | Path, facts: list[FactRow]) -> Score:
    """Score facts against a gold file, with the gold format's rules."""
    entities, gold = parse_gold(gold_path)
    preds = dedupe(facts)
    unmatched: list[FactRow] = []
    flips: list[FactRow] = []
    for i, f in enumerate(preds):
        hits = [g for g in gold if fact_matches(g, f, entities)]
        for g in hits:
            g.matched_by.append(i)
        if not hits:
            unmatched.append(f)
            turned = dataclasses.replace(f, negated=not f.negated)
            if any(fact_matches(g, turned, entities) for g in gold):
                flips.append(f)
    required = [g for g in gold if g.required]
    tp = len(preds) - len(unmatched)
    p = tp / len(preds) if preds else 0.0
    found = sum(1 for g in required if g.matched_by)
    r = found / len(required) if required else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(
        precision=round(p, 4), recall=round(r, 4), f1=round(f1, 4), predicted=len(preds),
        matched_predictions=tp, required=len(required), required_matched=found,
        missed=[g.line for g in required if not g.matched_by],
        unmatched=[_line(f) for f in unmatched], polarity_flips=[_line(f) for f in flips],
    )  # fmt: skip


def _line(f: FactRow) -> str:
    return f"{f.subject}  {f.predicate}{' (negated)' if f.negated else ''}  {f.object}"
