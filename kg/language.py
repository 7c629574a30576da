"""Is this article English? py3langid decides, offline (its model is inside the wheel).

The English pipeline only gets English text: another language would only yield garbage
facts. The question asked of the identifier is not "which language is most likely" but
"does it rule English out": short, name-heavy English ("BANGKOK, Thailand (AP)", "Italy
supports Ukraine.") often scores another language highest, yet English keeps a share of
the probability (1.3% or more over the CoNLL04 dev sentences, kg's gold sentences and the
BBC corpus), while a paragraph in another language leaves English almost none (0.24% at
most over paragraphs in 16 languages). Text is skipped below ``MIN_ENGLISH``.

The model takes a second or more to load, so text that is plainly English (a fifth or
more of its words English function words, over ``PLAIN_WORDS`` words or more: every
article of the BBC corpus) is taken as English without it.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_ENGLISH = 0.005  # probability of English below which text is not English
PLAIN_SHARE = 0.2  # share of English function words that makes text plainly English
PLAIN_WORDS = 20
SAMPLE_CHARS = 2000  # the identifier reads the start of a long text


def english_share(text: str, limit: int = 5000) -> tuple[float, int]:
    """(share of words that are English function words, number of words looked at)."""
    words = _WORD.findall(text[:limit].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in STOP_WORDS) / len(words), len(words)


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_probability(text: str) -> float:
    """The identifier's probability that the text is English (0-1), over 97 languages."""
    ranked = dict(_identifier().rank(text[:SAMPLE_CHARS]))
    return float(ranked.get("en", 0.0))


def looks_english(text: str) -> bool:
    """True unless the identifier rules English out; text without letters is kept.

    >>> looks_english("Italy supports Ukraine. Germany sells tanks to Poland.")
    True
    >>> looks_english("BANGKOK, Thailand (AP)")
    True
    >>> looks_english("Der Minister sagte, dass die Gespräche mit der Gewerkschaft "
    ...               "fortgesetzt werden.")
    False
    """
    share, n = english_share(text)
    if n == 0:
        return True
    if n >= PLAIN_WORDS and share >= PLAIN_SHARE:
        return True
    return english_probability(text) >= MIN_ENGLISH
