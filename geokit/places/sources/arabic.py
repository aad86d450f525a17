"""Spellings English news gives Arabic place names that GeoNames transliterates otherwise.

Used by the GeoNames places and the first-level regions of the countries in
``arabic_speaking`` (``geokit/_data/gazetteer_words.json``).
"""

from __future__ import annotations

import re

from anyascii import anyascii

from geokit.places.sources.common import words

__all__ = ["ARABIC_SPEAKING", "arabic_ending_variants", "arabic_news_spellings"]

#: Countries whose place names English writes from Arabic (ISO alpha-2).
ARABIC_SPEAKING = frozenset(words()["arabic_speaking"])

_ARABIC_ARTICLE = re.compile(r"\b(?:a[dnrstz]h?|al|el)[\s-](?=\w)", re.IGNORECASE)
#: Words news spells otherwise than GeoNames' transliteration (lower case).
_ARABIC_NEWS_WORDS: dict[str, str] = words()["arabic_news_words"]


def _news_word(word: str) -> str:
    """Return a word of an Arabic name as news writes it ("Dayr": "Deir", "al-Ayn": "al-Ain")."""
    head, rest = ("al-", word[3:]) if word.lower().startswith("al-") else ("", word)
    news = _ARABIC_NEWS_WORDS.get(rest.lower())
    return head + news.capitalize() if news else word


def arabic_news_spellings(names: list[str]) -> list[str]:
    """Return the spellings English news gives Arabic place names that GeoNames writes otherwise.

    The article is written "al-" whatever letter follows ("Jisr ash Shughur": "Jisr al-Shughur"), or
    left out at the start ("Ar Ramadi": "Ramadi"); "Dayr", "Tall", "Bayt", "Ayn" are "Deir",
    "Tal", "Beit", "Ain"; a doubled consonant is written once ("Bin Jawwad": "Bin Jawad"); and
    the final tā' marbūṭa either way (:func:`arabic_ending_variants`). Names in other scripts
    are left alone.

    Examples
    --------
    >>> arabic_news_spellings(["Jisr ash Shughūr", "Dayr al Balaḩ", "Bin Jawwād"])
    ['Jisr al-Shughur', 'Deir al-Balah', 'Deir al-Bala', 'Bin Jawwad', 'Bin Jawad']
    >>> arabic_news_spellings(["Al Ḩawījah"])
    ['al-Hawijah', 'al-Hawija', 'Hawijah', 'Hawija']
    """
    out: list[str] = []
    for name in names:
        if not name.isascii():
            name = anyascii(name).replace("'", "")
        if not name or not name.replace(" ", "").replace("-", "").isalpha():
            continue
        # case is left as it comes: the name index folds it
        forms = [" ".join(_news_word(w) for w in _ARABIC_ARTICLE.sub("al-", name).split())]
        bare = re.sub(r"^al-", "", forms[0], flags=re.IGNORECASE)
        if bare != forms[0] and len(bare) > 3:
            forms.append(bare)
        forms += [re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", f) for f in forms]
        for f in forms:
            out += [f, *arabic_ending_variants([f])]
    return [v for v in dict.fromkeys(out) if v not in names]


def arabic_ending_variants(names: list[str]) -> list[str]:
    """Return the other spelling of a final tā' marbūṭa: "Shabwah" / "Shabwa", "Ninawa" / "Ninawah".

    Examples
    --------
    >>> arabic_ending_variants(["Shabwah", "Ninawa", "Dhi-Qar"])
    ['Shabwa', 'Ninawah']
    """
    out = []
    for n in names:
        if n.endswith("ah") and len(n) > 4:
            out.append(n[:-1])
        elif n.endswith("a") and len(n) > 3:
            out.append(n + "h")
    return [v for v in dict.fromkeys(out) if v not in names]
