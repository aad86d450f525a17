"""Split a text into sentences, returning character spans into the original string.

The splitter is a single left-to-right scan (one ``re.finditer`` over candidate boundaries and a
bounded look at the characters around each one), so it runs in linear time on any input. Rules:

- a newline is always a hard break (web pages put headings, captions and menus on lines of their own);
- ``.``, ``!``, ``?`` and ``…`` (with any closing quotes or brackets after them) end a sentence when
  whitespace and then an upper-case letter, a digit, an opening quote or bracket follow, or the text ends;
- a full stop after a known abbreviation (``Gen.``, ``Sgt.``, ``Nov.``, ``No. 5``) or after initials
  (``U.S.``, ``J.``) does not end a sentence; decimals (``1.5``) never do, because no space follows.
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "split_sentences"]


def _words(text: str) -> list[str]:
    """Split a whitespace-separated word list."""
    return text.split()


#: Lower-case words that take a full stop without ending a sentence (titles, ranks, months, ...).
ABBREVIATIONS = frozenset(
    _words(
        """
        mr mrs ms messrs dr prof gen lt col maj capt cpt sgt cpl pvt spc adm cmdr cdr brig gov sen rep
        rev hon pres sec amb supt insp det st ste mt ft jan feb mar apr jun jul aug sep sept oct nov dec
        mon tue tues wed thu thur thurs fri sat sun vol vols inc corp co ltd jr sr vs dept univ ave blvd
        rd approx est fig figs op cf ca al gen lieut sgt1 msgt ssgt
        """
    )
)
# "No." is an abbreviation only before a number ("No. 5"); "He said no." ends a sentence.
_NUMERO = frozenset({"no", "nos", "nr"})

_UNIT_ABBR = frozenset(_words("km kms mi ft yd yds nm nmi m"))
_COMPASS_NEXT = re.compile(r"(?:[NESW]\.?){1,3}(?:\s|\Z)")
# A newline, or a run of sentence punctuation (not begun inside another run) with closing quotes or
# brackets and then a space or the end. Written as "\n|(?<![.!?…])[.!?…]{1,8}...", the same
# pattern would be tried at every character; starting with a class, the regex engine skips to the
# next newline or punctuation mark by itself (the matches are the same).
_BOUNDARY = re.compile(r"[\n.!?…](?:(?<=\n)|(?<![.!?…].)[.!?…]{0,7}[\"'”’»)\]]{0,4}(?=\s|\Z))")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,15})\Z")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]\Z")
_OPENERS = "\"'“‘«([¿¡"


def _is_boundary(text: str, start: int, end: int) -> bool:
    """Decide whether the punctuation at ``text[start:end]`` ends a sentence."""
    n = len(text)
    # What follows: skip spaces (not newlines: a newline is a break of its own anyway).
    j = end
    while j < n and j - end < 64 and text[j] in " \t\r\f\v\u00a0":
        j += 1
    if j >= n or text[j] == "\n":
        return True
    nxt = text[j]
    if text[start] != ".":
        # "!", "?" or an ellipsis: a break unless a lower-case word follows ("Yahoo! said").
        return not nxt.islower()
    if end - start > 1 and text[start:end].startswith(".."):
        return not nxt.islower()
    if nxt.islower() or nxt in ",;:":
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if m:
        word = m.group(1)
        low = word.lower().rstrip(".")
        if low in ABBREVIATIONS:
            return False
        if low in _NUMERO:
            return not nxt.isdigit()
        if low in _UNIT_ABBR and _COMPASS_NEXT.match(text, j, min(n, j + 12)):
            return False  # "3 mi. NW of Raqqa"
        if _INITIALS.fullmatch(word):
            # "U.S. Airstrikes", "J. Smith": initials are followed by a name far more often than
            # they end a sentence.
            return False
    return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or not nxt.isalpha()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    r"""Return the ``(start, end)`` character spans of the sentences of ``text``.

    Spans exclude surrounding whitespace, so ``text[start:end]`` is the sentence itself; blank lines
    give no span.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of tuple of int
        Sentence spans, in order, not overlapping.

    Examples
    --------
    >>> t = "Gen. Smith met U.S. troops on Nov. 8. They drove 1.5 km north. Done!"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Gen. Smith met U.S. troops on Nov. 8.', 'They drove 1.5 km north.', 'Done!']
    >>> t = 'He said: "It is over." Then he left.\nMenu\n\nHome'
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['He said: "It is over."', 'Then he left.', 'Menu', 'Home']
    >>> split_sentences("")
    []
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group() == "\n":
            span = _trimmed(text, start, m.start())
            if span:
                spans.append(span)
            start = m.end()
        elif _is_boundary(text, m.start(), m.end()):
            span = _trimmed(text, start, m.end())
            if span:
                spans.append(span)
            start = m.end()
    span = _trimmed(text, start, len(text))
    if span:
        spans.append(span)
    return spans
