"""Files, folders and JSONL -> Article.

A .txt or .md article's first non-empty line is its headline. Markdown front matter
(``---`` / ``key: value`` / ``---``) may give ``title``, ``date`` and ``url``. A .jsonl
file holds one article per line with ``text`` and optional ``title``, ``id``, ``url``,
``date``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .model import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl", ".html", ".htm")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def slugify(text: str, max_len: int = 60) -> str:
    """A lowercase ASCII slug for ids and IRIs.

    >>> slugify("Turkey / Ukraine: drones!")
    'turkey-ukraine-drones'
    """
    import unicodedata

    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:max_len].strip("-")


def decode(data: bytes, path: str) -> str:
    """Bytes to text; binary or undecodable input is an InputError naming the file."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: not a text file (binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_from_text(text: str, *, id: str, source: str = "", **meta: str | None) -> Article:
    """Split off front matter and the headline; keep the rest as the article text.

    >>> a = article_from_text("Headline here\\n\\nBody text.", id="x")
    >>> a.title, a.text.startswith("Headline")
    ('Headline here', True)
    """
    fields: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                fields[key.strip().lower()] = value.strip().strip("\"'")
        text = text[m.end() :]
    title = meta.get("title") or fields.get("title") or ""
    if not title:
        for line in text.splitlines():
            if line.strip():
                title = line.strip().lstrip("#").strip()
                break
    return Article(
        id=id,
        text=text,
        title=title,
        source=source,
        date=meta.get("date") or fields.get("date") or None,
        url=meta.get("url") or fields.get("url") or None,
    )


def read_file(path: str | Path, *, errors: list[InputError] | None = None) -> list[Article]:
    """One file -> its articles (one for .txt/.md, one per line for .jsonl). With an
    ``errors`` list, a bad line of a JSONL file is recorded there and the rest is read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if path.suffix.lower() in {".html", ".htm"}:
        return [read_html(data, path)]
    text = decode(data, str(path))
    if path.suffix.lower() == ".jsonl":
        return list(_read_jsonl(text, path, errors))
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return [article_from_text(text, id=slugify(path.stem) or "article", source=str(path))]


def read_html(data: bytes, path: Path) -> Article:
    """A saved web page -> its article: main text, title, date and URL, by trafilatura
    (offline: the page is parsed, nothing is fetched)."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: not a text file (binary data)")
    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError:
        html = data.decode("latin-1")  # pages declare their own charset; lxml re-reads it
    body = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True)  # fmt: skip
    if not body or not body.strip():
        raise InputError(f"{path}: no article text found in this HTML page")
    meta = trafilatura.extract_metadata(html)
    title = (meta.title if meta and meta.title else "") or ""
    text = body if not title or body.lstrip().startswith(title) else f"{title}\n\n{body}"
    return article_from_text(
        text,
        id=slugify(path.stem) or "article",
        source=str(path),
        title=title or None,
        date=meta.date if meta and meta.date else None,
        url=meta.url if meta and meta.url else None,
    )


def _jsonl_record(line: str) -> dict | str:
    """One JSONL line -> its article record, or what is wrong with it."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"not valid JSON ({exc.msg})"
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        return "a JSONL article needs a string 'text' field"
    return rec


def _read_jsonl(text: str, path: Path, errors: list[InputError] | None) -> Iterator[Article]:
    """One article per line. With an ``errors`` list, a bad line is recorded there by its
    number and the good lines are still read; without one, the first bad line raises."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        rec = _jsonl_record(line)
        if isinstance(rec, str):
            if errors is None:
                raise InputError(f"{path}:{n}: {rec}")
            errors.append(InputError(f"{path}:{n}: {rec}"))
            continue
        art_id = slugify(str(rec.get("id") or "")) or f"{slugify(path.stem)}-{n}"
        title = rec.get("title")
        body = rec["text"]
        # Keep the headline inside the text so that it is parsed and extracted too.
        if title and not body.lstrip().startswith(str(title).strip()):
            body = f"{str(title).strip()}\n\n{body}"
        yield article_from_text(
            body,
            id=art_id,
            source=f"{path}:{n}",
            title=str(title) if title else None,
            date=str(rec["date"]) if rec.get("date") else None,
            url=str(rec["url"]) if rec.get("url") else None,
        )


def find_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Expand folders to the article files inside them (sorted, so builds are stable)."""
    files: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not found:
                raise InputError(
                    f"{path}: no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder"
                )
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def read_articles(
    inputs: Iterable[str | Path], *, errors: list[InputError] | None = None
) -> list[Article]:
    """All articles under the given files and folders, with unique ids.

    With an ``errors`` list, a file that cannot be read is recorded there and the others
    are still read; without one, the first bad file raises.
    """
    articles: list[Article] = []
    seen: dict[str, int] = {}
    paths: list[Path] = []
    for item in inputs:
        try:
            paths.extend(find_inputs([item]))
        except InputError as exc:
            if errors is None:
                raise
            errors.append(exc)
    for path in paths:
        try:
            found = read_file(path, errors=errors)
        except InputError as exc:
            if errors is None:
                raise
            errors.append(exc)
            continue
        for art in found:
            if art.id in seen:
                seen[art.id] += 1
                art = Article(**{**art.__dict__, "id": f"{art.id}-{seen[art.id]}"})
            else:
                seen[art.id] = 1
            articles.append(art)
    return articles
