"""Broken and hostile inputs: clear errors, valid output, nothing lost."""

from __future__ import annotations

import json
import os

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS

from kg.cli import main
from kg.model import Article
from kg.nlp import chunks
from kg.pipeline import process_articles
from kg.query import load_graph
from kg.rdf import article_iri

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
    """An export that fails after others were written: one line naming the file, exit 1,
    and every old export as it was (the new ones are renamed into place together)."""
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
    capsys.readouterr()
    assert main(["build", str(src), "-o", str(out), "-q"]) == 1  # turtle, trig, then html
    err = capsys.readouterr().err
    assert err == f"kg: error: {out / 'graph.html'}: cannot write (No space left on device)\n"
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # nothing truncated, nothing half-written, no temp files left
    assert not [n for n in os.listdir(out) if n.endswith(".tmp")]


def test_a_full_disk_is_one_line_naming_the_file(tmp_path, monkeypatch, capsys):
    import kg.atomic

    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    calls = []

    def full(fh, text):
        calls.append(text)
        if len(calls) == 2:  # the second export finds the disk full
            raise OSError(28, "No space left on device")
        fh.write(text)

    monkeypatch.setattr(kg.atomic, "_write", full)
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-q", "--formats", "turtle,trig"]) == 1
    err = capsys.readouterr().err
    assert err == f"kg: error: {out / 'graph.trig'}: cannot write (No space left on device)\n"
    assert os.listdir(out) == []  # graph.ttl was written, but waits for the rest: none


def test_exports_get_the_umask_mode_without_touching_the_umask(tmp_path, monkeypatch):
    """The process umask is process-wide: reading it by setting it races with threads."""
    import kg.atomic

    mask = os.umask(0o027)
    os.umask(mask)

    def no(*a):
        raise AssertionError("os.umask called while writing")

    try:
        os.umask(0o027)
        monkeypatch.setattr(os, "umask", no)
        path = kg.atomic.write_atomic(tmp_path / "f.ttl", "x")
    finally:
        monkeypatch.undo()
        os.umask(mask)
    assert path.read_text() == "x" and (path.stat().st_mode & 0o777) == 0o640


def test_bad_jsonl_lines_are_reported_by_number_and_the_rest_built(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    good = {"id": "b", "text": "Italy supports Ukraine. Germany sells tanks to Poland."}
    path.write_text(f'{{"id": "a", "text": null}}\n{json.dumps(good)}\n{{not json}}\n',
                    encoding="utf-8")  # fmt: skip
    assert main(["build", str(path), "-o", str(tmp_path / "o"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "a.jsonl:1: a JSONL article needs a string 'text' field" in err
    assert "a.jsonl:3: not valid JSON" in err and "Traceback" not in err
    g = load_graph(tmp_path / "o" / "graph.ttl")
    assert (article_iri("b"), None, None) in g and (article_iri("a"), None, None) not in g


@pytest.mark.parametrize("store", [False, True], ids=["files", "store"])
def test_an_article_that_crashes_the_pipeline_is_isolated(tmp_path, monkeypatch, capsys, store):
    """As the Dask path does: the article is reported with its id, the rest built, exit 1."""
    import kg.pipeline

    real = kg.pipeline.attach_dates

    def crash(doc, facts, date):
        if "Sudan" in doc.text:
            raise ValueError("boom")
        return real(doc, facts, date)

    monkeypatch.setattr(kg.pipeline, "attach_dates", crash)
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "bad.txt").write_text(GOOD.replace("Egypt", "Sudan"), encoding="utf-8")
    args = ["build", str(src), "-o", str(tmp_path / "out"), "-q"]
    if store:
        args += ["--store", str(tmp_path / "db")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err == "kg: error: article bad: ValueError: boom\n"
    g = load_graph(tmp_path / "out" / "graph.ttl")
    assert (article_iri("good"), None, None) in g and (article_iri("bad"), None, None) not in g
