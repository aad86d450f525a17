"""How common an English word is, on wordfreq's Zipf scale, through wordfreq's public API.

:mod:`wordfreq` is imported on the first call (it takes a few tenths of a second to load its
language tools), so modules that only may ask pay nothing at import.
"""

from __future__ import annotations

__all__ = ["zipf_frequency"]


def zipf_frequency(word: str) -> float:
    """Return ``wordfreq.zipf_frequency(word, "en")``: 0 for an unknown word, about 7 for "the".

    Examples
    --------
    >>> zipf_frequency("reading") > zipf_frequency("sirte")
    True
    >>> zipf_frequency("qqqzzzx")
    0.0
    """
    from wordfreq import zipf_frequency as wordfreq_zipf

    return wordfreq_zipf(word, "en")
