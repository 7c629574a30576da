"""Paths -> files written whole or not at all: a temporary file beside the target, renamed
into place; inside ``all_or_nothing()``, the renames wait until every file is written.

A build that fails (a full disk, an export that raises) leaves the previous exports as
they were and no temporary files. The temporary file is created with mode 0o666, so the
process umask applies as it does to any new file: nothing reads or changes the umask,
which is process-wide and would race with threads doing the same.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError

# the renames waiting for the end of all_or_nothing(), (temporary, final) pairs
_STAGED: contextvars.ContextVar[list[tuple[Path, Path]] | None] = contextvars.ContextVar(
    "kg_staged_writes", default=None
)


def _temp_beside(path: Path) -> Path:
    """A new empty file next to ``path``, its mode 0o666 less the umask (mkstemp's 0o600
    would hide exports and shards from the other users of a shared folder)."""
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path to write; on success it becomes ``path`` (at once, or at the end
    of the enclosing ``all_or_nothing``). An OSError (a full disk) becomes an OutputError
    naming the file."""
    path = Path(path)
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _temp_beside(path)
        yield tmp
        staged = _STAGED.get()
        if staged is None:
            os.replace(tmp, path)
        else:
            staged.append((tmp, path))
    except BaseException as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise


def write_atomic(path: str | Path, text: str) -> Path:
    """Write text (UTF-8, ``\\n`` line ends) to path whole or not at all; returns path."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        _write(fh, text)
    return Path(path)


def _write(fh: object, text: str) -> None:
    """The one call that puts an export's bytes on disk (a test fills the disk here)."""
    fh.write(text)  # type: ignore[attr-defined]


@contextlib.contextmanager
def all_or_nothing() -> Iterator[None]:
    """Inside, files written with ``atomic_path``/``write_atomic`` replace their targets
    only when the block ends without an error; on an error none of them does, and their
    temporary files are removed."""
    staged: list[tuple[Path, Path]] = []
    token = _STAGED.set(staged)
    try:
        yield
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    finally:
        _STAGED.reset(token)
    for tmp, path in staged:
        os.replace(tmp, path)
