"""Shards: what a worker writes for one partition of the input, and the manifest.

A partition ``part-00042`` leaves two files in the shards folder:

- ``part-00042.nq``: the partition's article graphs as sorted N-Quads, ready to bulk-load;
- ``part-00042.results.jsonl.gz``: each article's facts and entities (one JSON object per
  article, in input order), what the merge step needs to merge entities across
  articles, count claims, and re-render the rare article whose entity keys it changes.

``manifest.json`` lists the partitions in input order with the SHA-256 of their input
(article content, model, kg version) and of each file written, so a rerun skips the
partitions already complete and redoes any whose input or files changed.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .atomic import atomic_path
from .errors import GraphFileError
from .model import Article, Entity, Fact, Mention
from .rdf import ArticleResult, sorted_lines

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


def result_to_json(result: ArticleResult) -> dict[str, Any]:
    """An ArticleResult as plain JSON (the N-Quads live in the shard's .nq file)."""

    def mention(m: Mention | str | None) -> Any:
        return dataclasses.asdict(m) if isinstance(m, Mention) else m

    return {
        "article": dataclasses.asdict(result.article),
        "facts": [
            {
                **dataclasses.asdict(f),
                "subject": mention(f.subject),
                "obj": mention(f.obj),
                "obj_is_literal": isinstance(f.obj, str),
                "attributed_to": mention(f.attributed_to),
            }
            for f in result.facts
        ],
        "entities": [
            {
                **dataclasses.asdict(e),
                "aliases": sorted(e.aliases),
                "merged_by": sorted(e.merged_by),
            }  # fmt: skip
            for e in result.entities
        ],
    }


def result_from_json(data: dict[str, Any]) -> ArticleResult:
    """The inverse of result_to_json.

    >>> from kg.model import Article
    >>> r = ArticleResult(Article(id="a", text="t"), (), ())
    >>> result_from_json(json.loads(json.dumps(result_to_json(r)))) == r
    True
    """
    facts = []
    for f in data["facts"]:
        f = dict(f)
        literal = f.pop("obj_is_literal")
        f["subject"] = Mention(**f["subject"])
        f["obj"] = f["obj"] if literal else Mention(**f["obj"])
        if f["attributed_to"] is not None:
            f["attributed_to"] = Mention(**f["attributed_to"])
        facts.append(Fact(**f))
    entities = tuple(
        Entity(**{**e, "aliases": set(e["aliases"]), "merged_by": set(e["merged_by"])})
        for e in data["entities"]
    )
    return ArticleResult(Article(**data["article"]), tuple(facts), entities)


def partition_hash(articles: Iterable[Article], *, model: str, version: str) -> str:
    """What a partition's output depends on: its articles, the model, kg's version."""
    h = hashlib.sha256(f"kg {version}\0{model}\0".encode())
    for a in articles:
        h.update(json.dumps(dataclasses.asdict(a), sort_keys=True).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _atomic(path: Path, write: Any) -> None:
    """Write through a temporary file and a rename: a killed worker never leaves a
    truncated shard that looks complete."""
    with atomic_path(path) as tmp:
        write(tmp)


def write_shard(folder: Path, name: str, results: list[ArticleResult]) -> dict[str, str]:
    """Write a partition's two files; returns {file name: SHA-256}."""
    folder.mkdir(parents=True, exist_ok=True)
    nq_path = folder / f"{name}.nq"
    res_path = folder / f"{name}.results.jsonl.gz"
    text = sorted_lines("".join(r.nquads for r in results))

    def write_nq(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8", newline="\n")

    def write_results(tmp: Path) -> None:
        # mtime=0: the same results give the same bytes, hence the same hash
        with tmp.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            for r in results:
                gz.write(json.dumps(result_to_json(r), ensure_ascii=False).encode("utf-8"))
                gz.write(b"\n")

    _atomic(nq_path, write_nq)
    _atomic(res_path, write_results)
    return {p.name: file_hash(p) for p in (nq_path, res_path)}


def read_results(folder: Path, name: str) -> Iterator[ArticleResult]:
    path = folder / f"{name}.results.jsonl.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                yield result_from_json(json.loads(line))
    except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
        raise GraphFileError(f"{path}: not a readable kg shard ({exc})") from None


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest, or an empty one for a new folder."""
    path = folder / MANIFEST
    if not path.exists():
        return {"format": FORMAT_VERSION, "partitions": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GraphFileError(f"{path}: not a readable shard manifest ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        raise GraphFileError(f"{path}: not a kg shard manifest (format {FORMAT_VERSION})")
    return data


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    _atomic(folder / MANIFEST, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def is_complete(folder: Path, entry: dict[str, Any], input_hash: str) -> bool:
    """Written for this very input, and every file still has the hash recorded."""
    if entry.get("input_sha256") != input_hash or not entry.get("files"):
        return False
    for name, digest in entry["files"].items():
        path = folder / name
        if not path.is_file() or file_hash(path) != digest:
            return False
    return True
