"""Is this article English? A deterministic check that needs no model or download.

English running text is about 40-50% function words ("the", "of", "and", ...); other
languages written in Latin script share few of them, and other scripts none. An article
with too few English function words is not parsed by the English pipeline: it would
only yield garbage facts.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 25
MIN_SHARE = 0.15


def english_share(text: str, limit: int = 5000) -> tuple[float, int]:
    """(share of words that are English function words, number of words looked at)."""
    words = _WORD.findall(text[:limit].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in STOP_WORDS) / len(words), len(words)


def looks_english(text: str) -> bool:
    """True unless the text is long enough to judge and clearly not English.

    >>> looks_english("The minister said that the talks with the union would continue.")
    True
    >>> looks_english("Der Minister sagte, dass die Gespräche mit der Gewerkschaft "
    ...               "fortgesetzt werden, obwohl die Regierung keine Einigung über die "
    ...               "Löhne und die Arbeitszeiten erzielt hat und die Streiks andauern.")
    False
    """
    share, n = english_share(text)
    if n < MIN_WORDS:
        return bool(n == 0 or share >= MIN_SHARE or n < 8)
    return share >= MIN_SHARE
