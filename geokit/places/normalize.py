"""Name normalisation for gazetteer keys: case and accent folding, punctuation, abbreviations."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = [
    "ABBREVIATIONS",
    "MODIFIER_PREFIX",
    "MODIFIER_WORD",
    "REGION_WORDS",
    "approximations",
    "fold",
    "name_hash",
    "name_key",
    "split_qualified",
]

#: Abbreviations expanded in every key, so "Whiteman AFB" and "Whiteman Air Force Base" meet.
ABBREVIATIONS: dict[str, str] = {
    "afb": "air force base",
    "intl": "international",
    "intl.": "international",
    "st": "saint",
    "ste": "sainte",
    "mt": "mount",
    "ft": "fort",
}

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/·.,;:()\[\]{}\"“”«»]+")
_QUOTES = re.compile(r"['’‘`ʼʻʿʾ´]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LEADING_ARTICLE = re.compile(r"^(?:the|al|el|ar|as|ad|an|at|az|ash|adh|ath|ad) ")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold ``text`` to lower-case ASCII with single spaces; scripts other than Latin are kept.

    Latin letters lose their accents; Arabic, Cyrillic, CJK and other scripts stay as they are
    (their own spelling is their key), so "الرقة" stays a key of its own.

    Examples
    --------
    >>> fold("Ar-Raqqah")
    'ar raqqah'
    >>> fold("  Zürich ")
    'zurich'
    >>> fold("Qaşr Za‘farān")
    'qasr zafaran'
    >>> fold("الرقة")
    'الرقة'
    >>> fold("")
    ''
    """
    if text.isascii():
        return " ".join(_SEPARATORS.sub(" ", _QUOTES.sub("", _CONTROL.sub("", text)).lower()).split())
    text = _CONTROL.sub("", unicodedata.normalize("NFKC", text))
    text = _QUOTES.sub("", text)
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif unicodedata.category(ch).startswith("M"):
            continue
        else:
            name = unicodedata.name(ch, "")
            out.append(anyascii(ch) if name.startswith(("LATIN", "MODIFIER")) else ch)
    return " ".join(_SEPARATORS.sub(" ", "".join(out).lower()).split())


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Return the lookup key of a place name: folded, abbreviations expanded.

    Examples
    --------
    >>> name_key("Whiteman AFB")
    'whiteman air force base'
    >>> name_key("St. Louis")
    'saint louis'
    >>> name_key("RAQQA")
    'raqqa'
    """
    words = fold(name).split()
    return " ".join(ABBREVIATIONS.get(w, w) if len(words) > 1 else w for w in words)


def name_hash(key: str) -> int:
    """Return a stable signed 64-bit hash of a key (the same in every process).

    Examples
    --------
    >>> name_hash("sirte") == name_hash("sirte")
    True
    >>> name_hash("sirte") != name_hash("surt")
    True
    """
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


def strip_article(key: str) -> str:
    """Return ``key`` without a leading article ("the", Arabic "al-" and its assimilated forms).

    Examples
    --------
    >>> strip_article("ar raqqah")
    'raqqah'
    >>> strip_article("the tigris")
    'tigris'
    >>> strip_article("alabama")
    'alabama'
    """
    return _LEADING_ARTICLE.sub("", key)


def split_qualified(query: str) -> tuple[str, list[str]]:
    """Split "Name, Qualifier, ..." into the name and its qualifiers (region, country).

    Examples
    --------
    >>> split_qualified("Whiteman Air Force Base, Missouri")
    ('Whiteman Air Force Base', ['Missouri'])
    >>> split_qualified("Sirte")
    ('Sirte', [])
    """
    parts = [p.strip() for p in query.split(",")]
    parts = [p for p in parts if p]
    if not parts:
        return "", []
    return parts[0], parts[1:]


#: The generic words of first- and second-level regions, as a regex alternation.
REGION_WORDS = "region|province|oblast|governorate|state|district|prefecture|county|department"
#: A name with a generic word after it: "Metcalfe County", "Idlib province", "Kabul airport".
_GENERIC_SUFFIX = re.compile(
    r"^(?P<name>.+?)[\s-]+(?:county|co\.?|district|province|governorate|prefecture|region|oblast|parish|"
    r"township|municipality|city|town|village|state|territory|department|borough|metro|area|valley|"
    r"international airport|airport|air base|base)$",
    re.IGNORECASE,
)
_MODIFIERS = (
    r"(?:north|south|east|west|northern|southern|eastern|western|central|middle|upper|lower|greater|inner|"
    r"outer|north[- ]?east(?:ern)?|north[- ]?west(?:ern)?|south[- ]?east(?:ern)?|south[- ]?west(?:ern)?|"
    r"downtown|metro|metropolitan|rural|old|new)"
)
#: A name with a word of position or age before it: "eastern Mosul", "Greater London".
MODIFIER_PREFIX = re.compile(rf"^{_MODIFIERS}\s+(?P<name>.+)$", re.IGNORECASE)
#: A word of position or age alone ("Eastern" of "Eastern Ghouta").
MODIFIER_WORD = re.compile(rf"^{_MODIFIERS}$", re.IGNORECASE)


def approximations(text: str) -> list[tuple[str, str]]:
    """Return shorter names a place span may be built on, with the reason, most specific first.

    Examples
    --------
    >>> approximations("Metcalfe County")
    [('Metcalfe', 'approximate: Metcalfe of Metcalfe County')]
    >>> [n for n, _ in approximations("Southern California")]
    ['California']
    >>> approximations("Miami-Dade")[0][0]
    'Miami-Dade County'
    """
    out = []
    m = _GENERIC_SUFFIX.match(text.strip())
    if m:
        out.append((m.group("name"), f"approximate: {m.group('name')} of {text}"))
    m = MODIFIER_PREFIX.match(text.strip())
    if m:
        out.append((m.group("name"), f"approximate: {m.group('name')} of {text}"))
    if not out and text.strip():  # a county written without the word ("Miami-Dade")
        out.append((f"{text.strip()} County", f"approximate: {text.strip()} County for {text}"))
    return out
