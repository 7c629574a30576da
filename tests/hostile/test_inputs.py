"""Broken and hostile inputs: clear errors, valid output, nothing lost."""

from __future__ import annotations

import os

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS

from kg.cli import main
from kg.model import Article
from kg.nlp import chunks
from kg.pipeline import process_articles
from kg.query import load_graph

GOOD = "Kenya backs Egypt\n\nKenya sells tea to Egypt. Kenya does not recognize the vote."


def test_bad_files_are_listed_and_the_others_built(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 10)
    (src / "latin1.txt").write_bytes("Caf\xe9 au lait in Zürich".encode("latin-1"))
    (src / "empty.md").write_text("\n\n", encoding="utf-8")
    assert main(["build", str(src), "-o", str(tmp_path / "out"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "3 input(s) could not be read" in err
    assert "binary.txt: not a text file" in err and "latin1.txt: not UTF-8 text" in err
    assert "empty.md: empty file" in err and "Traceback" not in err
    assert len(load_graph(tmp_path / "out" / "graph.ttl")) > 0  # the good one was built


def test_strict_stops_at_the_first_bad_file_and_writes_nothing(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(b"\x00bad")
    (src / "b.txt").write_text(GOOD, encoding="utf-8")
    assert main(["build", str(src), "-o", str(tmp_path / "out"), "-q", "--strict"]) == 1
    assert "a.txt: not a text file" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_folder_without_articles_and_missing_path(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["build", str(tmp_path / "empty"), "-o", str(tmp_path / "o")]) == 1
    assert "no article files" in capsys.readouterr().err
    assert main(["build", str(tmp_path / "nope"), "-o", str(tmp_path / "o")]) == 1
    assert "nope: no such file or folder" in capsys.readouterr().err


def test_bad_jsonl_line_names_file_and_line(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Kenya backs Egypt."}\n{not json}\n', encoding="utf-8")
    assert main(["build", str(path), "-o", str(tmp_path / "o"), "-q", "--strict"]) == 1
    assert "a.jsonl:2: not valid JSON" in capsys.readouterr().err


def test_non_english_articles_are_skipped_with_a_message(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "en.txt").write_text(GOOD, encoding="utf-8")
    (src / "de.txt").write_text(  # fmt: skip
        "Der Minister sagte heute in Berlin, dass die Gespräche mit der Gewerkschaft "
        "fortgesetzt werden, obwohl die Regierung keine Einigung über die Löhne und die "
        "Arbeitszeiten erzielt hat und die Streiks im ganzen Land andauern.",
        encoding="utf-8",
    )
    assert main(["build", str(src), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert "skipped" in capsys.readouterr().err
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    g = Graph().parse(data=ttl, format="turtle")
    assert {str(o) for o in g.objects(None, DCTERMS.identifier)} == {"en"}


def test_long_articles_are_parsed_in_pieces_as_one_article():
    """Pieces bound parse memory; joined back into one Doc, they give the same facts as
    parsing the article whole (names resolve across pieces). Only the tagger's view of
    the tokens next to a cut may change, so entities are compared through the facts."""
    paras = [f"Country{i} talks\n\nKenya sells tea to Egypt number {i}. Ghana backs Togo."
             for i in range(12)]  # fmt: skip
    paras[0] += " President Uhuru Kenyatta praised the deal."
    paras[-1] += " Kenyatta said Kenya does not sell arms to Egypt."
    text = "\n\n".join(paras)
    parts = chunks(text, limit=200)
    assert len(parts) > 3 and all(len(t) <= 200 for _, t in parts)
    assert "".join(t for _, t in parts) == text
    assert all(text[off : off + len(t)] == t for off, t in parts)
    art = Article(id="long", text=text)
    [pieced] = process_articles([art], chunk_chars=200, batch_chars=400)
    [whole] = process_articles([art], chunk_chars=100_000)
    assert len(pieced.facts) >= 12
    assert pieced.facts == whole.facts

    def named(r):
        keys = {m.key for f in r.facts for m in (f.subject, f.obj) if hasattr(m, "key")}
        return {e.key: (e.label, e.type, e.mentions) for e in r.entities if e.key in keys}

    assert named(pieced) == named(whole)
    for f in pieced.facts:
        assert text[f.sent_start : f.sent_end].strip()
    said = [f for f in pieced.facts if f.predicate == "said"]
    assert said and all(f.subject.key == said[0].subject.key for f in said)


def test_failed_build_keeps_the_previous_exports(tmp_path, monkeypatch, capsys):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    import kg.export.html as html

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(html, "to_html", boom)
    src.write_text(GOOD.replace("Egypt", "Sudan"), encoding="utf-8")
    with pytest.raises(OSError):
        main(["build", str(src), "-o", str(out), "-q", "--formats", "html"])
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # nothing truncated, nothing half-written, no temp files left
    assert not [n for n in os.listdir(out) if n.endswith(".tmp")]
