"""README's Python example runs as written."""

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_python_example_runs(capsys, monkeypatch):
    monkeypatch.chdir(README.parent)
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks
    for code in blocks:
        exec(compile(code, str(README), "exec"), {})
    out = capsys.readouterr().out
    assert "Greece NOT recognizes vote" in " ".join(out.split())


def test_readme_names_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text
