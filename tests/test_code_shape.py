"""The extraction core stays small enough to carry hundreds of rules: no function in
kg/extract/ or kg/resolve.py is longer than 60 lines (ruff's C901 bounds complexity),
and no rule spells out a word that belongs in the lexicon."""

import ast
from pathlib import Path

import pytest

from kg.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
CORE = sorted((ROOT / "kg" / "extract").glob("*.py")) + [ROOT / "kg" / "resolve.py"]
MAX_LINES = 60


def _functions(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_no_long_functions(path):
    long = [
        (f.name, f.end_lineno - f.lineno + 1)
        for f in _functions(path)
        if f.end_lineno - f.lineno + 1 > MAX_LINES
    ]
    assert not long, f"{path.name}: functions over {MAX_LINES} lines: {long}"


def test_the_shape_check_can_fail(tmp_path):
    src = tmp_path / "long.py"
    src.write_text("def f():\n" + "    x = 1\n" * MAX_LINES)
    assert [f.name for f in _functions(src) if f.end_lineno - f.lineno + 1 > MAX_LINES] == ["f"]


def _word_sets():
    lex = load_lexicon()
    words = {w for name in lex.words for w in lex.words[name] if " " not in w and len(w) > 3}
    return words | set(lex.verbs) | set(lex.nouns) | set(lex.agents) | set(lex.classes)


def test_rules_name_word_lists_not_words():
    """`git grep WORD` for a word a rule looks for finds it in data: no string literal in
    the extraction core is a word of the lexicon (docstrings and comments aside)."""
    words = _word_sets()
    found = []
    for path in CORE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # docstrings, keyword arguments (alignment_mode="expand") and registry names
        # ("membership") are not rules looking for a word
        skip = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef)
            and n.body
            and isinstance(n.body[0], ast.Expr)
        }
        skip |= {id(k.value) for k in ast.walk(tree) if isinstance(k, ast.keyword)}

        # a named constant (BY_NAME = "name") is an identifier, not a word a rule looks for
        def constant_names(t: ast.expr) -> bool:
            if isinstance(t, ast.Tuple):  # EVENT, SPEECH = "event", "speech"
                return all(constant_names(e) for e in t.elts)
            return isinstance(t, ast.Name) and t.id.isupper()

        for a in ast.walk(tree):
            if isinstance(a, ast.Assign) and all(constant_names(t) for t in a.targets):
                values = a.value.elts if isinstance(a.value, ast.Tuple) else [a.value]
                skip |= {id(v) for v in values} | {id(a.value)}
        skip |= {id(k) for d in ast.walk(tree) if isinstance(d, ast.Dict) for k in d.keys}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
                and node.value in words
            ):
                found.append(f"{path.name}:{node.lineno} {node.value!r}")
    assert not found, "words spelt in code, not in the lexicon: " + ", ".join(found)
