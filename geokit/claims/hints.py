"""Cheap tests that find where a relative expression may be, before any pattern is tried.

Most sentences of a news story hold no relative expression. :func:`hint_starts` finds the words
that every expression holds (a unit, a compass or relation word: :data:`~geokit.claims.patterns.HINT_WORDS`),
:func:`has_unit` whether a sentence holds a unit, and :func:`first_match_from` where in a sentence
a heading, part or relation pattern can first match; each gives what its reference pattern
(:mod:`geokit.claims.patterns`) would, faster.
"""

from __future__ import annotations

from geokit.claims.patterns import (
    ABBR_ANCHOR_RE,
    HINT_NUMBER_RE,
    HINT_WORDS,
    ONE_WORD_UNITS,
    UNIT_HINT_RE,
    WORD_TAIL_RE,
)
from geokit.claims.words import CENTRE_WORDS, COMPASS_WORDS, RELATION_KEYS

__all__ = ["first_match_from", "has_unit", "hint_starts"]


def first_match_from(kind: str, text: str, start: int, end: int, low: str) -> int | None:
    """Return where a pattern of ``kind`` can first match in the sentence ``text[start:end]``.

    ``low`` is the sentence in lower case. None: nowhere. For text other than ASCII (where
    case-insensitive matching is more than lower-casing), the start of the sentence. Each match
    of the three patterns (``kind``: ``"heading"``, ``"part"``, ``"related"``) holds one of a few
    words, at most so many characters from its start ("immediately to the north of": 25 before
    "north"); before the first such word there is nothing to find.

    Examples
    --------
    >>> s = "Fighting went on near the camps north of the city."
    >>> low = s.lower()
    >>> first_match_from("heading", s, 0, len(s), low), first_match_from("related", s, 0, len(s), low)
    (7, 0)
    >>> first_match_from("part", "Nothing here.", 0, 13, "nothing here.") is None
    True
    """
    if not text[start:end].isascii():
        return start
    if kind == "heading":  # HEADING_RE: a compass word or abbreviation, or "deg" of a bearing
        firsts = [i - 25 for i in map(low.find, COMPASS_WORDS) if i >= 0]
        if (i := low.find("deg")) >= 0:
            firsts.append(i - 60)
        if (m := ABBR_ANCHOR_RE.search(text, start, end)) is not None:
            firsts.append(m.start() - start - 25)
    elif kind == "part":  # PART_FORWARD_RE: "eastern", "central", "the north of"
        firsts = [i - 6 for i in map(low.find, (*COMPASS_WORDS, *CENTRE_WORDS)) if i >= 0]
    else:  # RELATION_RE: "near", "on the north-western outskirts of"
        firsts = [i - 30 for i in map(low.find, RELATION_KEYS) if i >= 0]
    return start + max(0, min(firsts)) if firsts else None


def has_unit(text: str, start: int, end: int) -> bool:
    """Return whether ``UNIT_HINT_RE`` matches in ``text[start:end]`` (a sentence), faster.

    In ASCII text a unit matches exactly where a word ends in letters that spell a one-word unit
    (the pattern wants no letter before the unit and a word boundary after it). Other text, and a
    sentence that does not follow a space, are searched with the pattern.

    Examples
    --------
    >>> t = "It lies 45km (28 MILES) away; the km2 count is wrong."
    >>> has_unit(t, 0, len(t)), has_unit(t, 24, len(t))
    (True, False)
    """
    sentence = text[start:end]
    if sentence.isascii() and (start == 0 or text[start - 1].isspace()):
        return not ONE_WORD_UNITS.isdisjoint(WORD_TAIL_RE.findall(sentence.lower()))
    return UNIT_HINT_RE.search(text, start, end) is not None


def hint_starts(low: str) -> list[int]:
    r"""Return where the matches of ``HINT_RE.finditer(low)`` start, found faster.

    The regex engine would try all 34 alternatives at every position of the text. Here the number
    alternative is one regex (which skips to the next digit) and the words are found with
    :meth:`str.find`; the occurrences are then taken as ``finditer`` takes them: leftmost first,
    none overlapping the one before. No word is a prefix of another and the number alternative
    starts with a digit, so at most one alternative matches at a position, as in the pattern.

    Examples
    --------
    >>> from geokit.claims.patterns import HINT_RE
    >>> low = "about 45 km northeast of sirte, near the 5\nmiles marker"
    >>> hint_starts(low) == [m.start() for m in HINT_RE.finditer(low)]
    True
    """
    found = [m.span() for m in HINT_NUMBER_RE.finditer(low)]
    for word in HINT_WORDS:
        i = low.find(word)
        while i >= 0:
            found.append((i, i + len(word)))
            i = low.find(word, i + 1)
    found.sort()
    starts: list[int] = []
    end = 0
    for s, e in found:
        if s >= end:
            starts.append(s)
            end = e
    return starts
