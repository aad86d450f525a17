"""How common an English word is: ``wordfreq.zipf_frequency(word, "en")``, faster to start.

Importing :mod:`wordfreq` takes about 0.2 s (it loads ``langcodes``, ``ftfy`` and ``regex`` for
its many languages). Lower-case ASCII words, which is what the mention filters ask about, need
none of that: their frequency is read from wordfreq's own English list with the same arithmetic.
Anything else is handed to wordfreq itself.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
import threading
from functools import lru_cache
from pathlib import Path

__all__ = ["zipf_frequency"]

# Words wordfreq's English tokenizer returns unchanged: lower-case ASCII letters, single spaces.
_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")
_MINIMUM = 10**0 / 1e9  # wordfreq.zipf_to_freq(0), the frequency of a word it has never seen
_LOCK = threading.Lock()


def zipf_frequency(word: str) -> float:
    """Return ``wordfreq.zipf_frequency(word, "en")``.

    Examples
    --------
    >>> zipf_frequency("reading") > zipf_frequency("sirte")
    True
    >>> zipf_frequency("new york") == __import__("wordfreq").zipf_frequency("new york", "en")
    True
    """
    if _PLAIN.fullmatch(word):
        freqs = _english()
        if freqs is not None:
            return _plain_zipf(word, freqs)
    from wordfreq import zipf_frequency as wordfreq_zipf

    return wordfreq_zipf(word, "en")


def _plain_zipf(word: str, freqs: dict[str, float]) -> float:
    """Return wordfreq's Zipf frequency of plain words (``_word_frequency`` and ``zipf_frequency``)."""
    one_over_result = 0.0
    for token in word.split(" "):
        freq = freqs.get(token)
        if freq is None:
            return round(math.log(_MINIMUM, 10) + 9, 2)  # any word missing: the minimum
        one_over_result += 1.0 / freq
    unrounded = max(1.0 / one_over_result, _MINIMUM)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(math.log(round(unrounded, leading_zeroes + 3), 10) + 9, 2)


@lru_cache(maxsize=1)
def _english() -> dict[str, float] | None:
    """Return wordfreq's English frequencies (its "best" list, ``large_en``), or None if missing."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "large_en.msgpack.gz"
    try:
        import msgpack

        with _LOCK, gzip.open(path, "rb") as fh:
            data = msgpack.load(fh, raw=False)
    except (OSError, ValueError, ImportError):
        return None
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        freqs.update(dict.fromkeys(bucket, 10 ** (-index / 100)))  # wordfreq.cB_to_freq(-index)
    return freqs
