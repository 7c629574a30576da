"""Extractor and rule names -> the confidence kg gives their facts (``kg:confidence``).

The confidence of a fact is the precision of what produced it, measured on the dev set:
the share of that extractor's facts (or that extractor's facts from one construction
rule) that match a gold fact. ``benchmarks/calibrate.py`` measures it and writes
``kg/data/confidence.tsv``; this module only reads that table.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from .errors import ConfigError

TABLE = Path(__file__).parent / "data" / "confidence.tsv"
ANY = "*"  # the rule of an extractor's own row; extractor and rule of the global row


@functools.lru_cache(maxsize=8)
def load_confidence(path: str | Path = TABLE) -> dict[tuple[str, str], float]:
    """(extractor, rule) -> precision, from a table in the format of ``confidence.tsv``.

    Tab-separated extractor, rule, precision, facts, correct; ``#`` lines are comments.
    The dict is cached and shared: read it, do not change it.

    >>> table = load_confidence()
    >>> 0.0 < table[ANY, ANY] < 1.0
    True
    """
    table: dict[tuple[str, str], float] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        try:
            table[fields[0], fields[1]] = float(fields[2])
        except (IndexError, ValueError):
            raise ConfigError(
                f"{path}:{n}: not a confidence row (extractor, rule, precision, ...): {line!r}"
            ) from None
    return table


def confidence(
    extractor: str, rule: str = "", *, table: Mapping[tuple[str, str], float] | None = None
) -> float:
    """The measured precision of facts from ``extractor`` (and its construction ``rule``).

    Looks up (extractor, rule), then the extractor's own row (extractor, ``*``), then the
    global row (``*``, ``*``): the precision of all facts on the dev set, the best guess
    for an extractor or rule the dev set never saw. ``table`` defaults to the packaged
    ``kg/data/confidence.tsv``.

    >>> t = {("*", "*"): 0.7, ("role", "*"): 0.8, ("role", "apposition"): 0.9}
    >>> confidence("role", "apposition", table=t), confidence("role", "title", table=t)
    (0.9, 0.8)
    >>> confidence("role", table=t), confidence("unknown", "svo", table=t)
    (0.8, 0.7)
    """
    t = load_confidence() if table is None else table
    for key in ((extractor, rule), (extractor, ANY), (ANY, ANY)):
        if key in t:
            return t[key]
    raise ConfigError(f"confidence table has no global row ({ANY!r}, {ANY!r}): rerun calibrate.py")
