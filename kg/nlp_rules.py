"""spaCy's two rule-based components, made fast with the same output.

Once the tagger has run, the English pipelines spend a quarter of their time in two rule
components written in Python: the ``attribute_ruler`` (3.5 s of 25 s per 200 news
articles, more than the tagger and parser together) and the ``lemmatizer`` (2.5 s).
kg keeps both, with their rules and tables, and changes only how rules are found.

**Attribute ruler.** The English pipelines map each fine-grained tag to its part of
speech and morphology with some 180 Matcher patterns, and spaCy's Matcher tries every
pattern at every token. Nearly all of them test one token for equality on TAG, LOWER,
DEP or IS_SPACE, which a dict keyed by the token's tag or lower-case form answers
directly; the rules are looked up by their first token, and the rest of a rule (a second
token, a NOT_IN, a regular expression) is tested on the tokens found. Patterns of any
other kind (operators, other attributes) stay in a Matcher of their own.

The matches are the Matcher's (same rule keys and spans) and are applied by spaCy's own
``set_annotations`` in the ruler's order, so every token gets the same attributes.

**Lemmatizer.** spaCy caches a word's lemmas by (word, part of speech, morphology), but
returns early, uncached, for base forms and proper nouns, which are most tokens; the
lemmas depend on nothing else, so kg caches every outcome under the same key.

Tests compare both components with spaCy's own on text written for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer

# attributes a one-token rule may test and still be looked up, with their column in
# the array ``Doc.to_array`` returns
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
LEMMA_CACHE = 200_000  # (word, POS, morphology) keys kept, ~100 bytes each


def speed_up(nlp: Language) -> Language:
    """The pipeline with its attribute ruler indexed and its lemmas cached."""
    index_attribute_ruler(nlp)
    cache_lemmas(nlp)
    return nlp


def cache_lemmas(nlp: Language, name: str = "lemmatizer") -> None:
    """Have a rule lemmatizer cache every word it lemmatizes, base forms included."""
    lemmatizer = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return
    rule, cache = lemmatizer.rule_lemmatize, lemmatizer.cache

    def lemmatize(token):  # noqa: ANN001, ANN202 - spaCy's Token -> list[str]
        key = (token.orth, token.pos, token.morph.key)  # rule_lemmatize's own cache key
        forms = cache.get(key)
        if forms is None:
            forms = rule(token)
            if len(cache) >= LEMMA_CACHE:
                cache.clear()
            cache[key] = forms
        return forms

    lemmatizer.lemmatize = lemmatize  # spaCy sets this per instance, from the mode


@Language.factory("kg_attribute_ruler", default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> AttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap the pipeline's attribute ruler for an IndexedAttributeRuler with the same
    rules, in the same place."""
    if name not in nlp.pipe_names or isinstance(nlp.get_pipe(name), IndexedAttributeRuler):
        return
    patterns = nlp.get_pipe(name).patterns
    nlp.replace_pipe(name, "kg_attribute_ruler").add_patterns(patterns)


class IndexedAttributeRuler(AttributeRuler):
    """An AttributeRuler whose ``match`` finds rules by the tag or word of their first
    token instead of trying all of them everywhere."""

    _index: _Index | None = None

    def clear(self) -> None:
        super().clear()
        self._index = None

    def add(self, patterns, attrs, index=0) -> None:  # noqa: ANN001 - spaCy's signature
        super().add(patterns, attrs, index)
        self._index = None

    def match(self, doc):  # noqa: ANN001, ANN201 - spaCy's signature
        idx = self._index or self._build()
        strings = doc.vocab.strings
        rows = doc.to_array(_ARRAY).tolist()
        lowers = [strings[r[1]] for r in rows] if idx.regex else None
        by_regex = idx.regex_hits  # word -> the rules whose first token's REGEX it fits
        if idx.by_regex:
            if len(by_regex) > 100_000:
                by_regex.clear()
            for r, text in zip(rows, lowers, strict=True):  # type: ignore[arg-type]
                if r[1] not in by_regex:
                    by_regex[r[1]] = [e for rx, e in idx.by_regex if rx.search(text)]
        matches = []
        if len(idx.matcher):
            for m_id, start, end in idx.matcher(doc, allow_missing=True):
                matches.append((int(strings[m_id]), m_id, start, end))
        by_pair, by_tag, by_lower = idx.by_pair, idx.by_tag, idx.by_lower
        by_dep, by_space = idx.by_dep, idx.by_space
        for i, (tag, lower, dep, space) in enumerate(rows):
            for entries in (by_pair.get((tag, lower)), by_tag.get(tag), by_lower.get(lower),
                            by_dep.get(dep), by_space.get(space), by_regex.get(lower)):  # fmt: skip
                if entries:
                    for rule, key, tests in entries:
                        if len(tests) == 1 and not tests[0] or _fits(tests, rows, lowers, i):
                            matches.append((rule, key, i, i + len(tests)))
        return sorted(set(matches))

    def _build(self) -> _Index:
        strings = self.vocab.strings
        idx = _Index(matcher=Matcher(self.vocab, validate=False))
        for rule, spec in enumerate(self.patterns):
            key = strings.add(str(rule))
            for pattern in spec["patterns"]:
                tests = _compile(pattern, strings)
                if tests is None:
                    idx.matcher.add(key, [pattern])
                    continue
                idx.regex |= any(op == _REGEX for token in tests for _, op, _ in token)
                first = {col: vals for col, op, vals in tests[0] if op == _IN}
                tag, lower = first.get(_COLUMNS["TAG"]), first.get(_COLUMNS["LOWER"])
                if tag and lower and len(tag) == len(lower) == 1:
                    rest = _without(tests, _COLUMNS["TAG"], _COLUMNS["LOWER"])
                    idx.by_pair.setdefault((*tag, *lower), []).append((rule, key, rest))
                    continue
                for attr, table in (("TAG", idx.by_tag), ("LOWER", idx.by_lower),
                                    ("DEP", idx.by_dep), ("IS_SPACE", idx.by_space)):  # fmt: skip
                    if (values := first.get(_COLUMNS[attr])) is not None:
                        rest = _without(tests, _COLUMNS[attr])
                        for value in values:
                            table.setdefault(value, []).append((rule, key, rest))
                        break
                else:
                    regex = [vals for col, op, vals in tests[0] if op == _REGEX]
                    if not regex:
                        idx.matcher.add(key, [pattern])  # nothing to look it up by
                        continue
                    idx.by_regex.append((regex[0], (rule, key, tests)))
        self._index = idx
        return idx


_IN, _NOT_IN, _REGEX = range(3)


@dataclass
class _Index:
    """A ruler's rules by what their first token must be; ``matcher`` has the rest."""

    matcher: Matcher
    by_pair: dict[tuple[int, int], list] = field(default_factory=dict)  # (TAG, LOWER)
    by_tag: dict[int, list] = field(default_factory=dict)
    by_lower: dict[int, list] = field(default_factory=dict)
    by_dep: dict[int, list] = field(default_factory=dict)
    by_space: dict[int, list] = field(default_factory=dict)
    by_regex: list = field(default_factory=list)  # (first token's REGEX, rule)
    regex_hits: dict[int, list] = field(default_factory=dict)  # a cache of by_regex
    regex: bool = False  # whether any rule has a REGEX (then words' texts are needed)


def _without(tests: tuple, *cols: int) -> tuple:
    """The tests, less the first token's IN tests on the columns a table looked up."""
    first = tuple(t for t in tests[0] if not (t[1] == _IN and t[0] in cols))
    return (first, *tests[1:])


def _fits(tests: tuple, rows: list[list[int]], lowers: list[str] | None, i: int) -> bool:
    """Whether the tokens from ``i`` on pass a compiled pattern's tests, as the Matcher
    decides them: IN / NOT_IN on string ids, REGEX by ``search`` on the text."""
    if i + len(tests) > len(rows):
        return False
    for n, token_tests in enumerate(tests):
        row = rows[i + n]
        for col, op, values in token_tests:
            if op == _IN:
                if row[col] not in values:
                    return False
            elif op == _NOT_IN:
                if row[col] in values:
                    return False
            elif not values.search(lowers[i + n]):  # type: ignore[index]
                return False
    return True


def _compile(pattern: list[dict], strings) -> tuple | None:  # noqa: ANN001
    """A pattern as one tuple of (array column, operator, values) per token, or None if
    it needs the Matcher (operators such as ``OP``, other attributes, extensions)."""
    out = []
    for token in pattern:
        tests = []
        for attr, value in token.items():
            col = _COLUMNS.get(attr.upper())
            if col is None:
                return None
            if isinstance(value, dict):
                if len(value) != 1:
                    return None
                ((op, arg),) = value.items()
            else:
                op, arg = "IN", [value]
            if op == "REGEX" and col == _COLUMNS["LOWER"] and isinstance(arg, str):
                tests.append((col, _REGEX, re.compile(arg)))
                continue
            if op not in ("IN", "NOT_IN") or not isinstance(arg, list | tuple):
                return None
            if col == _COLUMNS["IS_SPACE"]:
                if not all(isinstance(v, bool) for v in arg):
                    return None
                ids = frozenset(int(v) for v in arg)
            elif all(isinstance(v, str) for v in arg):
                ids = frozenset(strings[v] for v in arg)
            else:
                return None
            tests.append((col, _IN if op == "IN" else _NOT_IN, ids))
        out.append(tuple(tests))
    return tuple(out)
