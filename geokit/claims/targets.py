"""Labels for unnamed targets ("the training camps", "a convoy") and the key that matches them.

A claim about something that has no name ("two camps located 45 km southwest of Sirte") gets a
short label: the head noun of its noun phrase with the lower-case modifiers right before it
("camps", "training camps"). :func:`target_key` reduces a label to its singular head noun, so that
"two ISIS camps", "the camps" and "the training camps" in one document, or in two documents, are
recognised as the same target ("camp").
"""

from __future__ import annotations

import re

__all__ = ["noun_phrase_label", "singularise", "target_key", "trim_predicate"]


def _words(text: str) -> list[str]:
    """Split a whitespace-separated word list."""
    return text.split()


# Words that cannot be part of a noun phrase's label: determiners, numbers, pronouns, linking verbs.
_STOP = frozenset(
    _words(
        """
        a an the this that these those its their his her our your my some any all both each every
        several many few two three four five six seven eight nine ten dozen dozens hundreds one which
        who whom whose what where when while and or but nor of in on at to from by with for near is are
        was were be been being lies lie lay sits sit sat stands stand located situated lying based
        positioned stationed found set placed about around roughly nearly almost approximately just also
        still now then there here it they them he she we you i destroyed struck hit targeted attacked
        bombed captured seized said says had has have would will could
        """
    )
)
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot"}
_KEEP_S = ("ss", "us", "is", "news", "series", "species")


def singularise(word: str) -> str:
    """Return a simple English singular of a lower-case noun.

    Examples
    --------
    >>> [singularise(w) for w in ["camps", "villages", "cities", "bases", "convoys", "compass", "women"]]
    ['camp', 'village', 'city', 'base', 'convoy', 'compass', 'woman']
    >>> [singularise(w) for w in ["boxes", "churches", "site", "ruins"]]
    ['box', 'church', 'site', 'ruin']
    """
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or w.endswith(_KEEP_S):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def target_key(label: str) -> str:
    """Return the key that identifies an unnamed target across sentences and documents.

    The key is the singular head noun (the last word) of the label, lower-cased. A named target
    (a place name) keeps its whole name, lower-cased.

    Examples
    --------
    >>> [target_key(t) for t in ["training camps", "the camps", "two ISIS camps", "Camp"]]
    ['camp', 'camp', 'camp', 'camp']
    >>> target_key("the site"), target_key("a convoy"), target_key("Qayyarah"), target_key("east Mosul")
    ('site', 'convoy', 'qayyarah', 'east mosul')
    >>> target_key("")
    ''
    """
    words = re.findall(r"[\w'’-]+", label)
    if not words:
        return ""
    last = words[-1]
    if last[:1].isupper() and last.lower() not in _COMMON_HEADS:
        # A name ("Qayyarah", "east Mosul", "Tigris River"): the whole name is the key.
        return " ".join(w.lower() for w in words)
    return singularise(words[-1])


def trim_predicate(words: list[str], limit: int = 3) -> list[str]:
    """Drop up to ``limit`` trailing function words or past-tense verbs before a relative expression.

    Examples
    --------
    >>> trim_predicate(["Iraqi", "forces", "advanced", "to"])
    ['Iraqi', 'forces']
    >>> trim_predicate(["tanks", "had", "advanced", "to"])
    ['tanks']
    >>> trim_predicate(["two", "camps"]), trim_predicate(["They", "fled"])
    (['two', 'camps'], ['They'])
    >>> trim_predicate(["the", "wildfire", "is", "burning"])
    ['the', 'wildfire']
    """
    out = list(words)
    for _ in range(limit):
        if not out:
            break
        w = out[-1]
        lw = w.lower()
        if lw in _PRONOUNS or lw in _COMMON_HEADS:
            break
        if (lw in _STOP and lw not in _CONJUNCTIONS) or (w.islower() and lw.endswith("ed") and len(out) > 1):
            out.pop()
            continue
        if w.islower() and lw.endswith("ing") and len(out) > 2 and out[-2].lower() in _BE:
            del out[-2:]  # "the wildfire is burning": a verb in its progressive form
            continue
        break
    return out


_PRONOUNS = frozenset(_words("it they this these those"))
_BE = frozenset(_words("is are was were be been"))
_CONJUNCTIONS = frozenset(_words("and or but nor"))


def noun_phrase_label(words: list[str]) -> str:
    """Return the label of a noun phrase given its words: the head and its lower-case modifiers.

    Determiners, numbers and capitalised modifiers (organisation names) are dropped; at most two
    modifiers are kept. A capitalised head is a name no gazetteer knew: it keeps the capitalised
    words before it ("Wadi Bey").

    Examples
    --------
    >>> noun_phrase_label(["two", "Islamic", "State", "training", "camps"])
    'training camps'
    >>> noun_phrase_label(["the", "site"]), noun_phrase_label(["two", "ISIS", "camps"])
    ('site', 'camps')
    >>> noun_phrase_label([]), noun_phrase_label(["forces", "to"])
    ('', '')
    >>> noun_phrase_label(["fled", "to", "Wadi", "Bey"])
    'Wadi Bey'
    """
    kept: list[str] = []
    proper = False
    for w in reversed(words):
        lw = w.lower()
        if not kept:
            if lw in _STOP:
                return ""
            proper = w[:1].isupper() and lw not in _COMMON_HEADS
            kept.append(w if proper else lw)
            continue
        if proper:
            if not w[:1].isupper() or lw in _STOP or len(kept) >= 4:
                break
            kept.append(w)
            continue
        if w[:1].isupper() or lw in _STOP or len(kept) >= 3 or not w.isalpha() or lw.endswith("ly"):
            break
        kept.append(lw)
    return " ".join(reversed(kept))


# Common nouns that may open a sentence with a capital and still be unnamed targets.
_COMMON_HEADS = frozenset(
    _words(
        """
        camp camps site sites base bases village villages town towns convoy convoys target targets
        compound compounds facility facilities area areas position positions checkpoint checkpoints
        airfield airfields bridge bridges building buildings vehicle vehicles
        """
    )
)
