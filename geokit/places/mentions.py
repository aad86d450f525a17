"""Finding place mentions in text without a statistical model: gazetteer matching plus linguistic filters.

The finder tokenises the text, groups capitalised words into chunks ("Whiteman Air Force Base",
"Gulf of Sidra", "Abu Anas al-Iraqi"), looks every word n-gram of a chunk up in the gazetteer's
name index (one vectorised search per document), keeps the longest matches, and then drops what
is not a place:

- demonyms and adjectives ("Libyan", "Iraqi security forces", "al-Iraqi");
- person names: words after a title ("Secretary Ash Carter", "Gen.", "Abu ..."), a common given
  name before a surname, a given name, an initial or a rare word ("Paul Francis Floyd", "Chris
  Paul"; US Census name lists, :mod:`geokit.text.person_names`), words seen earlier in a person's
  name (unless the place is named as one: "in Georgia"), a surname before a verb of saying ("Cook
  said"); a person's name ends at "of" or "and" ("Judy Law of Oxford");
- common words that are also names of minor places ("Nice day", "Reading", "Of"), judged by the
  word's frequency in English (``wordfreq``) against the importance of the place (of which a name
  that is only an alternate or derived one lends 0.8: "White House" is no Casablanca);
- minor places embedded in a longer proper name that is not a place ("Peter Cook"), or first in
  an Arabic compound name ("Ain al-Asad air base"), and the tail of a longer proper name even
  before a qualifier ("Keaton Beach, Florida" is not "Beach");
- a name after a country's possessive that has no namesake in that country ("Brazil's Lula");
- a title before a name ("Ms. Smith" is no Mississippi), a currency ("US$5"), and a disease's or a
  product's name made of a place's ("Lyme disease", "West Nile virus").

and keeps what is: a place's name after the function word that opens the sentence ("A Dayton man"),
before a local body's word ("Dayton Police"), in a hyphenated pair of major places ("France-US
talks"), placed by its verb ("Columbia lies 30 km north of ..."), an all-caps dateline ("DAYTON --",
"DETROIT The ..."), whole two-part abbreviations ("W.Va.") and names across a possessive ("People's
Republic of China"). A list of regions is no qualifier ("France, Germany, and Italy"; "Georgia,
Florida and Alabama", whose first name may also be a country's), nor is a country's abbreviation in
capitals before the noun it modifies ("In Lyon, US tourists"); names before a plural division word
are divisions ("Franklin, Delaware and Licking counties"), and an abbreviation a name defines in
brackets names it for the rest of the text ("Central African Republic (CAR)"). The word lists are
data: ``geokit/_data/mention_words.json``; the demonyms beside the gazetteer's,
``geokit/_data/demonyms.json``.
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, TypeVar

import numpy as np

from geokit.kinds import POINT_KINDS
from geokit.model import Place
from geokit.places.build import NAME_ABBREVIATION, NAME_ALTERNATE, NAME_DERIVED, NAME_PRIMARY
from geokit.places.context import contains, distance_m
from geokit.places.gazetteer import Gazetteer, importance, is_exact_match
from geokit.places.normalize import fold, name_hash, name_key
from geokit.resources import word_lists
from geokit.text.documents import clean_text
from geokit.text.frequency import zipf_frequency
from geokit.text.person_names import is_given_name, is_surname

__all__ = [
    "DEMONYMS",
    "RawMention",
    "find_mentions",
    "is_demonym",
    "link_qualifiers",
    "list_peers",
    "region_level",
]

_T = TypeVar("_T")

#: Longest name looked up, in words.
MAX_NAME_WORDS = 7


def _word_lists() -> dict[str, Any]:
    """Return the mention finder's word lists (``geokit/_data/mention_words.json``, notes dropped)."""
    return word_lists("mention_words.json")


_WORDS = _word_lists()
#: Marks after a name that make it a currency's ("US$5"): see the data file for every list below.
_CURRENCY_MARKS = frozenset(_WORDS["currency_marks"])
_SPACE = r"[^\S\n]"
_NAMED_AFTER_HEADS = "|".join(map(re.escape, _WORDS["named_after_heads"]))
_LOCATING_VERBS = "|".join(v.replace(" ", _SPACE) for v in _WORDS["locating_verbs"])
_LOCATING_NEXT = "|".join(_WORDS["locating_next"])
_APPROXIMATORS = "|".join(_WORDS["approximators"])


def _name_pattern(name: str) -> str:
    """Return a pattern for a name: each word's first letter in either case, either apostrophe."""
    words = []
    for word in name.split():
        head, tail = re.escape(word[0]), re.escape(word[1:]).replace("'", "['’]")
        words.append(f"[{head}{head.swapcase()}]{tail}" if word[0].isalpha() else head + tail)
    return f"{_SPACE}+".join(words)


#: Organisations whose names hold a place's ("Islamic State of Iraq and the Levant"): no mentions.
_NAMES_HOLDING_PLACES: list[str] = _WORDS["names_holding_places"]
#: The longest word of each such name, lower-cased: a text holding none of them names none.
_HOLDING_WORDS = tuple(sorted({max(n.lower().split(), key=len) for n in _NAMES_HOLDING_PLACES}))


@lru_cache(maxsize=1)
def _holding_pattern() -> re.Pattern[str]:
    """Return the pattern of the names holding places (compiled on first need)."""
    names = sorted(_NAMES_HOLDING_PLACES, key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(map(_name_pattern, names)) + r")(?![\w'’-])")


def _held_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of organisations' names that hold a place's name.

    Examples
    --------
    >>> _held_spans("Fighters of the Islamic State of Iraq and the Levant took Mosul.")
    [(16, 52)]
    >>> _held_spans("Fighting in Iraq.")
    []
    """
    lowered = text.lower()
    if not any(word in lowered for word in _HOLDING_WORDS):
        return []
    return [h.span() for h in _holding_pattern().finditer(text)]


#: What follows a name and settles whether it is a place's, in one pattern:
#: - ``named``: a disease's or a product's name made of it, a word between allowed ("Lyme disease",
#:   "Middle East respiratory syndrome"): no place;
#: - ``located``: a verb that places it, then a distance, a compass word or "near", an approximator
#:   allowed before them ("Columbia lies about 30 km north of ...", "Qadirpur Ran sits near ..."): a
#:   place, however common a word its name is.
_AFTER_NAME = re.compile(
    rf"{_SPACE}{{1,2}}(?:(?P<named>(?:[A-Za-z]+{_SPACE})?(?:{_NAMED_AFTER_HEADS})\b)"
    rf"|(?P<located>(?:{_LOCATING_VERBS}){_SPACE}{{1,2}}(?:(?:{_APPROXIMATORS}){_SPACE}{{1,2}})?"
    rf"(?:\d|(?:{_LOCATING_NEXT})\b)))",
    re.IGNORECASE,
)

_CONNECTORS = frozenset(
    """
    of de del della di da do dos das du la le les los las van von der den and the upon on al el bin ibn y et
    sur es
    am im
    """.split()
)
#: Connectors that end a person's name: "Judy Law of Oxford", "Jody Nix and the Texas Cowboys".
_NAME_ENDS = frozenset(("of", "and", "the", "on", "upon", "et", "sur", "am", "im"))
#: The Arabic article as news writes it before a hyphen: "al-Iraqi", "Jisr ash-Shughur" (assimilated),
#: "Sharm el-Sheikh", "Deir ez-Zor" (the Egyptian and Levantine e-forms).
_ARTICLES = frozenset("al el ar as ad an at az ash er es ed en et ez esh".split())
_ARTICLE = f"(?:{'|'.join(sorted(_ARTICLES))})"
_ARABIC_PREFIX = re.compile(rf"^{_ARTICLE}[-‐](?=[A-Z])", re.IGNORECASE)
#: An elided article or preposition before an apostrophe: "Côte d'Ivoire", "Reggio nell'Emilia".
_ELIDED_WORDS = frozenset("d l dell nell dall all sull".split())
_ELIDED = f"(?:{'|'.join(sorted(_ELIDED_WORDS))})"
#: What may come before the capital letter of a word that is part of a name.
_NAME_PREFIX = re.compile(rf"^(?:{_ARTICLE}[-‐]|{_ELIDED}['’])(?=[A-Z])", re.IGNORECASE)
_TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady gen general lt col colonel maj major capt captain cmdr
    commander adm admiral sgt sergeant cpl pvt secretary president vice minister premier chancellor
    senator sen rep representative congressman congresswoman gov governor mayor judge justice king queen
    prince princess sheikh sheik emir ayatollah imam pope cardinal bishop rev reverend father brother
    sister ambassador spokesman spokeswoman spokesperson chairman chairwoman director chief officer
    agent detective inspector sheriff deputy coach abu umm bin ibn mullah pastor councilman councilwoman
    councillor trooper uss usns hms hmcs hmas ins mv ss rv
    """.split()
)
_SAYING = re.compile(
    r"\s*(?:said|says|told|added|noted|stated|wrote|argued|explained|asked|announced|confirmed|"
    r"declared|insisted|warned|tweeted|recalled|reported|reports|quoted|cited|wrote)\b"
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|according to|told)\s*$")
_PART_WORDS = re.compile(
    r"\b(north|south|east|west|northern|southern|eastern|western|central|"
    r"north[- ]?eastern|north[- ]?western|south[- ]?eastern|south[- ]?western|"
    r"northeast|northwest|southeast|southwest|downtown|greater|upper|lower)\s+$",
    re.IGNORECASE,
)

#: Demonyms and adjectives of peoples, regions and cities, and forms of countries' that the
#: gazetteer's demonyms (countryinfo's and the areas', see :meth:`Gazetteer.knows_demonym`) do
#: not give: ``others`` in ``geokit/_data/demonyms.json``, the one file of demonyms countryinfo lacks.
DEMONYMS = frozenset(word_lists("demonyms.json")["others"])


@dataclass(slots=True)
class RawMention:
    """A span of text that names a place, before resolution: offsets, text and matching candidates."""

    start: int
    end: int
    text: str
    key: str
    qualifier: tuple[int, int] | None = None
    part: str | None = None
    sentence_start: bool = False


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    cap: bool
    sentence_start: bool


_COMPASS_ABBREVIATIONS = frozenset(
    "N S E W NE NW SE SW NNE ENE ESE SSE SSW WSW WNW NNW N.E. N.W. S.E. S.W.".split()
)
#: The rest of a two-part abbreviation after its first letter: "W.Va.", "N. Dak.", "S. Mex.".
_ABBREVIATION_TAIL = re.compile(r"\.\s?[A-Z][a-z]{1,3}\.")
_SENTENCE_END = frozenset('.!?:;"“”\n')
_CONNECTOR_ALT = "|".join(sorted(_CONNECTORS, key=len, reverse=True))
# Only the words that can be part of a name: capitalised (or caseless-script) words, "U.S."-style
# initials, Arabic article prefixes ("al-Iraqi") and lower-case connectors. Everything else is skipped
# by the regex engine, so the Python loop sees a fraction of the words.
_NAME_WORD = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    rf"|(?<![\w'’\-])(?:{_ARTICLE}[-‐]|{_ELIDED}['’])?[^\W\d_a-z](?:\w|['’\-](?=[^\W_]))*"
    rf"|\b(?:{_CONNECTOR_ALT})\b"
)


def _word_trie(words: frozenset[str]) -> str:
    """Return a regex that matches exactly ``words``, as a trie ("o(?:f|n)" for "of" and "on").

    The regex engine tries the alternatives of "of|on|..." one by one; a trie reads each letter once.

    Examples
    --------
    >>> _word_trie(frozenset({"of", "on", "de", "del", "della"}))
    '(?:de(?:l(?:la)?)?|o(?:f|n))'
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def regex(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + regex(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return regex(trie)


# Where a match of _NAME_WORD can start. The patterns start with a character class, so the regex
# engine skips to the few places worth trying instead of trying three alternatives at every
# character of the text. In one pass, from a character that is not a lower-case letter or digit:
# - a connector after a non-word character (the third alternative of _NAME_WORD), or
# - a capitalised word not glued to a word before it, and its extent (the second alternative).
_WORD_START = re.compile(
    rf"[^a-z0-9_](?:(?<=\W)(?:{_word_trie(_CONNECTORS)})\b"
    r"|(?<=[^\W\d_a-z])(?<![\w'’\-].)\w*+(?:['’\-](?=[^\W_])\w*+)*+)"
)
# Rarer starts, where _NAME_WORD itself decides:
# - the second letter of initials ("S.A." in "U.S.A."; the first alternative starts a letter before):
_INITIAL = re.compile(r"\.(?<=[^\W\d_]\.)(?=[^\W\d_]\.)")
# - an article before a hyphen or an apostrophe and a capital ("al-Iraqi", "d'Ivoire"), where the
#   second alternative of _NAME_WORD starts with its prefix: the marks are found, and the letters
#   before them looked up.
_ARTICLE_MARK = re.compile(r"[-‐'’](?=[^\W\d_a-z])")


def _name_word_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of ``_NAME_WORD.finditer(text)``, found faster (see :func:`_name_words`).

    Examples
    --------
    >>> t = "The U.S. envoy of al-Baghdadi met in Gulf-of-Sidra, y Ash, Côte d'Ivoire's dell'Ossola l'Aq."
    >>> _name_word_spans(t) == [m.span() for m in _NAME_WORD.finditer(t)]
    True
    """
    return [(s, e) for s, e, _ in _name_words(text)]


def _name_words(text: str) -> list[tuple[int, int, int]]:
    """Return the spans of ``_NAME_WORD.finditer(text)`` and what each is, found faster.

    The third item is 1 for a connector, 2 for a capitalised word, 0 when the pattern was asked.

    Every place where a match can start comes from the patterns above: connectors and capitalised
    words with their extent where it is sure (a capitalised word not followed by a dot, a connector
    not followed by a dot or hyphen), and the rarer places where ``_NAME_WORD.match`` decides.
    Taking the places in order and skipping those inside the previous match is what ``finditer``
    does.

    """
    n = len(text)
    maybe = [0, *(m.start() - 1 for m in _INITIAL.finditer(text))]
    for m in _ARTICLE_MARK.finditer(text):
        h = m.start()
        words = _ARTICLES if text[h] in "-‐" else _ELIDED_WORDS
        maybe.extend(a for a in (h - 1, h - 2, h - 3, h - 4) if a >= 0 and text[a:h] in words)
    maybe.sort()
    match = _NAME_WORD.match
    spans: list[tuple[int, int, int]] = []
    pos = i = 0

    def decide(at: int) -> None:
        nonlocal pos
        m = match(text, at)
        if m is not None:
            pos = m.end()
            spans.append((at, pos, 0))

    for m in _WORD_START.finditer(text):
        s, e = m.span()
        if text[s].isalnum():  # a capitalised word; "U.S.": initials, maybe
            kind = 2 if text[s + 1 : s + 2] != "." else 0
        else:  # a connector after a non-word character; "y.", "al-": maybe more
            s += 1
            kind = 1 if e == n or text[e] not in ".-‐" else 0
        while i < len(maybe) and maybe[i] <= s:  # the rarer places first, as sorting would
            if maybe[i] >= pos:
                decide(maybe[i])
            i += 1
        if s < pos:
            continue
        if kind:
            spans.append((s, e, kind))
            pos = e
        else:
            decide(s)
    for at in maybe[i:]:
        if at >= pos:
            decide(at)
    return spans


#: Endings of a compound adjective made of a place's name ("Pittsburgh-based", "Saudi-led").
_HYPHEN_SUFFIXES = tuple(
    f"-{w}"
    for w in """
    based born bred bound led backed held controlled run owned made area registered headquartered
    """.split()
)


def _tokens(text: str) -> list[_Token]:
    """Return the words of ``text`` that can be part of a name (connectors are not capitalised)."""
    tokens = []
    for s, e, kind in _name_words(text):
        tok = text[s:e]
        if kind == 1:  # a connector, as the branch below would find
            tokens.append(_Token(s, e, tok, False, False))
            continue
        first = tok[0]
        if not kind and first.islower() and first.isascii():  # a capitalised word never is
            if tok in _CONNECTORS:
                tokens.append(_Token(s, e, tok, False, False))
                continue
            first = _NAME_PREFIX.sub("", tok)[:1]
        if not (first.isupper() or (first.isalpha() and not first.islower())):
            continue
        if tok in _COMPASS_ABBREVIATIONS and not _ABBREVIATION_TAIL.match(text, e):
            continue  # "45 km SW of Sirte": a heading, not the start of a name ("W.Va." is)
        if "-" in tok and tok.endswith(_HYPHEN_SUFFIXES) and (cut := tok.rfind("-")) > 1:
            tok, e = tok[:cut], s + cut  # "a London-based firm", "U.S.-backed forces": the place
        if tok.endswith(("'s", "’s")) and len(tok) > 2:
            tok, e = tok[:-2], e - 2
        elif tok.endswith(("'", "’")):
            tok, e = tok[:-1], e - 1
        j = s - 1
        while j >= 0 and text[j] in " \t\r":
            j -= 1
        tokens.append(_Token(s, e, tok, True, j < 0 or text[j] in _SENTENCE_END))
    return tokens


@lru_cache(maxsize=131072)
def _zipf(word: str) -> float:
    return zipf_frequency(word)


# Per-gazetteer caches (weakly keyed: a gazetteer that is freed takes its entries with it).
_DEMONYM_CACHE: weakref.WeakKeyDictionary[Gazetteer, dict[str, bool]] = weakref.WeakKeyDictionary()


def is_demonym(word: str, gazetteer: Gazetteer) -> bool:
    """Return whether ``word`` is a demonym or adjective of a country or region ("Libyan", "al-Iraqi").

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> gaz = get_gazetteer()
    >>> is_demonym("Libyan", gaz), is_demonym("al-Iraqi", gaz), is_demonym("Libya", gaz)
    (True, True, False)
    """
    return _memo(_DEMONYM_CACHE, gazetteer, word, lambda: _is_demonym(word, gazetteer))


def _is_demonym(word: str, gazetteer: Gazetteer) -> bool:
    w = _ARABIC_PREFIX.sub("", word).lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in DEMONYMS or (w.endswith("s") and w[:-1] in DEMONYMS):
        return True
    if gazetteer.knows_demonym(w) or (w.endswith("s") and gazetteer.knows_demonym(w[:-1])):
        return True
    if _is_own_name(gazetteer, name_key(w)):
        return False  # a place's own name, not an adjective made by a suffix ("Cairns" is no "Čair" + "ns")
    for suffix, add in (
        ("i", ""),
        ("is", ""),
        ("n", ""),
        ("ns", ""),
        ("an", ""),
        ("ian", ""),
        ("ians", ""),
        ("ese", ""),
        ("ian", "ia"),
        ("an", "a"),
        ("ean", "ea"),
        ("ian", "y"),
        ("ish", ""),
    ):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            stem = w[: -len(suffix)] + add
            recs, _ = gazetteer.key_matches(name_key(stem))
            if any(gazetteer.kind_of(r) in ("country", "admin1", "continent") for r in recs.tolist()):
                return True
    return False


_CALENDAR_WORDS = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December
    """.split()
)
_CLAUSE_BREAKS = frozenset(',;:()"“”!?\n—–')


def _chunks(tokens: list[_Token], text: str) -> Iterator[list[_Token]]:
    """Group capitalised tokens (with connectors between them) into proper-noun chunks."""
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].cap:
            i += 1
            continue
        j = i + 1
        caps: bool | None = None  # tokens i:j are capitals opening a line, a dateline (None: not asked)
        while j < n:
            gap = text[tokens[j - 1].end : tokens[j].start]
            if (
                len(gap) > 2
                or not _CLAUSE_BREAKS.isdisjoint(gap)
                or "--" in gap  # "DAYTON--A man": a dash
                or ("." in gap and not tokens[j - 1].text.endswith("."))
            ):
                # a sentence or clause boundary; "St. Louis" keeps its dot inside the token gap
                if gap.strip() != ".":
                    break
                abbrev = tokens[j - 1].text.lower()
                initial = len(abbrev) == 1 and tokens[j - 1].cap  # "Gino D. Bassett", "George W. Bush"
                if not (initial or abbrev in ("st", "mt", "ft", "ste") or abbrev in _TITLES):
                    break
            if tokens[j].cap:
                if caps is not False and tokens[j].text[1:2].islower():
                    # "DETROIT The U.S. ...": a dateline in capitals ends before a word that is not
                    if caps is None:
                        caps = all(t.text.isupper() for t in tokens[i:j]) and _opens_line(
                            text, tokens[i].start
                        )
                    if caps and len(tokens[j - 1].text) > 1:
                        break
                    caps = False
                j += 1
                continue
            # a connector may join two capitalised words: "Gulf of Sidra", "Bosnia and Herzegovina"
            k = j
            while (
                k < n
                and not tokens[k].cap
                and tokens[k].text.lower() in _CONNECTORS
                and k - j < 2
                and (k == j or len(text[tokens[k - 1].end : tokens[k].start]) <= 2)  # "of 45 km and": no
            ):
                k += 1
            if (
                k < n
                and k > j
                and tokens[k].cap
                and len(text[tokens[k - 1].end : tokens[k].start]) <= 2
                and tokens[k].text not in _CALENDAR_WORDS  # "Ras al-Ain on Sunday": no name
            ):
                j = k + 1
                caps = False
                continue
            break
        yield tokens[i:j]
        i = j


def find_mentions(text: str, gazetteer: Gazetteer) -> list[RawMention]:
    """Return the place-name spans of ``text``, longest match first, filtered for non-places.

    Parameters
    ----------
    text : str
        The document text; offsets refer to it.
    gazetteer : Gazetteer
        The name index to match against.

    Returns
    -------
    list of RawMention
        In text order, not overlapping.

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> gaz = get_gazetteer()
    >>> text = "Defense Secretary Ash Carter flew from Whiteman AFB to Sirte, Libya."
    >>> [m.text for m in find_mentions(text, gaz)]
    ['Whiteman AFB', 'Sirte', 'Libya']
    >>> [m.text for m in find_mentions("Iraqi forces entered eastern Mosul.", gaz)]
    ['Mosul']
    """
    text = clean_text(text)  # a lone surrogate cannot be hashed; same length, same offsets
    tokens = _tokens(text)
    chunks = _join_possessive_names(list(_chunks(tokens, text)), text, gazetteer)
    chunks = _split_hyphenated(chunks, tokens, text, gazetteer)
    found = _chunk_names(chunks, text, gazetteer)
    if not any(found):
        return []

    caches = (_KEY_INFO.setdefault(gazetteer, {}), _SPAN_INFO.setdefault(gazetteer, {}))
    person_words, surnames = _speakers(chunks, found, text, gazetteer, caches[0])
    out: list[RawMention] = []
    for ci, ch in enumerate(chunks):
        if not found[ci]:
            continue  # no place name: nothing to find, nor a word of a person's name to learn
        matches = found[ci]
        if ch[0].text[:1] == "S" and _named_after_saint(ch, text):
            continue
        # a person's after a lower-case title; not a major place ("founder France Football")
        before = _word_before(text, ch[0].start)
        titled = before in _VESSEL_WORDS or (
            before in _TITLE_WORDS
            and not any(
                a == 0 and _key_info(gazetteer, key, caches[0]).salience >= 0.9 for a, _, key in matches
            )
        )
        # a title that begins a known place's name is none ("Abu Dhabi", "Prince Edward Island",
        # "Umm Qasr"; but "Queen Elizabeth", a village of 2,800, is the queen)
        places_at = {
            a
            for a, b, key in matches
            if b - a > 1 and _key_info(gazetteer, key, caches[0]).salience >= _TITLED_PLACE_SALIENCE
        }
        persons = _person_spans(ch, matches, titled, places_at) if len(ch) >= 2 or titled else []
        for first, end in persons:
            for t in ch[first:end]:
                if t.text.lower() not in _CONNECTORS:
                    person_words.add(fold(t.text))
        taken = [False] * len(ch)
        # longest first, then leftmost
        for a, b, key in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
            if any(taken[a:b]):
                continue
            if persons and any(b > first and a < end for first, end in persons):
                continue
            if b < len(ch) and surnames and fold(ch[b].text) in surnames:
                continue  # "Vladimir Putin", when the text says "Putin said"
            if _names_a_feature(ch, a, b):
                continue
            span_text = text[ch[a].start : ch[b - 1].end]
            # a name standing alone, or one of names joined by "and" ("Tikrit and Baiji"; a name
            # made with "and", "Bosnia and Herzegovina", is matched whole first), after the words
            # that open the sentence ("A Dayton man"), or before a local body's ("Dayton Police")
            whole = (a == 0 or ch[a - 1].text == "and" or _opens_sentence(ch, a, text)) and (
                b == len(ch) or ch[b].text == "and" or _local_body(ch, b)
            )
            stop = _keep(gazetteer, ch, a, b, key, span_text, whole, person_words, text, caches)
            if stop is None:
                continue
            for k in range(a, b):
                taken[k] = True
            out.append(
                RawMention(
                    start=ch[a].start,
                    end=stop,
                    text=text[ch[a].start : stop],
                    key=key,
                    sentence_start=ch[a].sentence_start,
                )
            )
        rest = persons[-1][1] + 1 if persons else 0  # after the last person's name and its connector
        if len(ch) - rest >= 2 and not taken[-1] and ch[-1].cap:
            # a multi-word proper name that is not a place ("Andrew Brunson"): its last word is a name
            person_words.add(fold(ch[-1].text))
    out.sort(key=lambda m: m.start)
    out = [m for m in out if not _foreign_after_possessive(gazetteer, text, m, caches[0])]
    held = _held_spans(text)
    if held:  # "Islamic State of Iraq and the Levant": an organisation, not Iraq
        out = [m for m in out if not any(a <= m.start and m.end <= b for a, b in held)]
    for m in out:
        _keep_final_possessive(m, text, gazetteer)
    divisions = _division_lists(text, gazetteer)
    if divisions:
        out = _replace(out, divisions)
    taught = _taught_abbreviations(out, text)
    if taught:
        out = _replace(out, taught)
    link_qualifiers(out, text, gazetteer)
    for m in (*divisions, *taught):
        m.qualifier = None  # "Franklin, Delaware and Licking counties": a list
    if taught:
        starts = {m.start: m for m in out}
        for m in out:
            if m.qualifier and starts[m.qualifier[0]].key == m.key:
                m.qualifier = None  # "Central African Republic (CAR)": the name's abbreviation
    for m in out:
        part = _part_before(text, m.start)
        if part:
            m.part = part
    return out


_POSSESSIVES = frozenset(("'s", "’s"))

#: Plural division words, and the word a name of the list before one is looked up with.
_DIVISION_PLURALS: dict[str, str] = _WORDS["division_plurals"]
_LIST_NAME = r"[A-Z][\w'’.-]*(?:[^\S\n][A-Z][\w'’.-]*){0,2}"
_LIST_SEP = r"(?:,[^\S\n](?:and[^\S\n]|or[^\S\n])?|[^\S\n](?:and|or)[^\S\n])"
_DIVISION_WORD = re.compile(rf"{_SPACE}(?P<plural>{'|'.join(_DIVISION_PLURALS)})\b")
#: The list right before a division word: "Franklin, Delaware and Licking", "Orleans and Jefferson".
_DIVISION_LIST = re.compile(rf"(?<![\w'’.-])(?:{_LIST_NAME}{_LIST_SEP})*{_LIST_NAME}\Z")
#: How far before the division word its list is read, in characters.
_LIST_WINDOW = 160
_LIST_SEP_RE = re.compile(_LIST_SEP)


def _division_lists(text: str, gazetteer: Gazetteer) -> list[RawMention]:
    """Return the names of a list before a plural division word as the divisions they name.

    Each name is looked up with the singular word ("Licking" as "Licking County"); a name that is
    no division's is left out. The mentions span the names and carry the divisions' keys.

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> t = "Residents of Franklin, Delaware and Licking counties were warned."
    >>> [(m.text, m.key) for m in _division_lists(t, get_gazetteer())]
    [('Franklin', 'franklin county'), ('Delaware', 'delaware county'), ('Licking', 'licking county')]
    """
    if not any(word in text for word in _DIVISION_PLURALS):
        return []
    found = []
    for pm in _DIVISION_WORD.finditer(text):
        # read in a window before the word: a search over the whole text would try every capital
        lm = _DIVISION_LIST.search(text, max(0, pm.start() - _LIST_WINDOW), pm.start())
        if lm is None:
            continue
        singular = _DIVISION_PLURALS[pm["plural"]]
        at = lm.start()
        for part in _LIST_SEP_RE.split(lm.group()):
            start = text.index(part, at)
            at = start + len(part)
            words = part.split()
            for i in range(len(words)):  # "Residents of Franklin": the longest tail that is a name
                first = start + part.index(words[i]) if i else start
                key = name_key(f"{text[first:at]} {singular}")
                if _is_key(gazetteer, key):
                    found.append(RawMention(first, at, text[first:at], key))
                    break
    return found


#: An abbreviation defined in brackets right after a name: "Central African Republic (CAR)".
_ABBREVIATION_DEFINED = re.compile(r"[^\S\n]?\((?P<abbr>[A-Z]{2,6})\)")


def _initials(name: str) -> str:
    """Return the initials of a name's capitalised words ("Democratic Republic of the Congo": "DRC")."""
    return "".join(
        w[0] for w in re.split(r"[\s\-‐]+", name) if w[:1].isupper() and w.lower() not in _CONNECTORS
    )


def _taught_abbreviations(mentions: list[RawMention], text: str) -> list[RawMention]:
    """Return the uses of an abbreviation a name defines in brackets, from the definition on.

    "Democratic Republic of the Congo (DRC)" teaches "DRC" for the rest of the document: each use
    is a mention of the name (its key). The abbreviation must be the name's initials.

    Examples
    --------
    >>> t = "Central African Republic (CAR) troops left. The CAR army and CARE said so."
    >>> m = RawMention(0, 24, "Central African Republic", "central african republic")
    >>> [(n.start, n.text, n.key) for n in _taught_abbreviations([m], t)]
    [(26, 'CAR', 'central african republic'), (48, 'CAR', 'central african republic')]
    """
    found: dict[int, RawMention] = {}
    taught: set[str] = set()
    for m in mentions:
        if text.find("(", m.end, m.end + 2) < 0:
            continue
        d = _ABBREVIATION_DEFINED.match(text, m.end)
        if d is None or d["abbr"] in taught or len(m.text.split()) < 2 or _initials(m.text) != d["abbr"]:
            continue
        taught.add(d["abbr"])  # by its first definition
        for use in re.compile(rf"\b{d['abbr']}\b").finditer(text, d.start("abbr")):
            found.setdefault(use.start(), RawMention(*use.span(), d["abbr"], m.key))
    return sorted(found.values(), key=lambda m: m.start)


def _replace(mentions: list[RawMention], new: list[RawMention]) -> list[RawMention]:
    """Return ``mentions`` with those that overlap one of ``new`` replaced by it, in text order.

    Both lists are in text order, and the mentions of each do not overlap.

    Examples
    --------
    >>> ms = [RawMention(0, 4, "Ohio", ""), RawMention(6, 14, "Delaware", ""), RawMention(20, 24, "Iowa", "")]
    >>> [m.text for m in _replace(ms, [RawMention(6, 14, "Delaware", "delaware county")])]
    ['Ohio', 'Delaware', 'Iowa']
    """
    starts = [n.start for n in new]
    kept = []
    for m in mentions:
        i = bisect.bisect_left(starts, m.end)  # the new ones that start before m ends...
        if i and new[i - 1].end > m.start:  # ... the last of which (the others end sooner) overlaps it
            continue
        kept.append(m)
    return sorted([*kept, *new], key=lambda m: m.start)


def _named_after_saint(chunk: list[_Token], text: str) -> bool:
    """Say whether a chunk is a saint's name in the possessive before a name ("St Mary's Hospital").

    Such a name is of a building or a day named after the saint ("St. Patrick's Day", "St Paul's
    Cathedral"), not of the place the saint's name may also be.
    """
    if chunk[0].text.lower().rstrip(".") not in ("st", "saint", "ste", "sainte") or len(chunk) < 2:
        return False
    end = chunk[-1].end
    return text[end : end + 2] in _POSSESSIVES and text[end + 3 : end + 4].isupper()


def _keep_final_possessive(mention: RawMention, text: str, gazetteer: Gazetteer) -> None:
    """Extend a mention over an "'s" that ends its phrase when the name has it ("St. John's,").

    "St. John's, Newfoundland" is not Saint John, New Brunswick; the name must be a place's own:
    "Canada's," stays Canada ("Canadas" is only another name of Cañadas de Obregón, Mexico).
    """
    end = mention.end
    if text[end : end + 2] not in _POSSESSIVES or text[end + 2 : end + 3] not in _PHRASE_ENDS:
        return
    key = name_key(text[mention.start : end + 2])
    if _is_own_name(gazetteer, key):
        mention.end, mention.text, mention.key = end + 2, text[mention.start : end + 2], key


_PHRASE_ENDS = frozenset(("", ",", ".", ";", ":", ")"))


def _join_possessive_names(chunks: list[list[_Token]], text: str, gazetteer: Gazetteer) -> list[list[_Token]]:
    """Join two chunks a possessive separates when a name spans it ("King's Lynn", "Bishop's Stortford").

    The name may run over the whole second chunk: "People's Republic of China".

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> t = "woodland north of Bishop's Stortford, near Taipei's Songshan airport"
    >>> chunks = _join_possessive_names(list(_chunks(_tokens(t), t)), t, get_gazetteer())
    >>> [[w.text for w in c] for c in chunks]
    [['Bishop', 'Stortford'], ['Taipei'], ['Songshan']]
    """
    gaps = []
    for mark in ("'s ", "’s "):  # before a capital: "Bishop's Stortford"
        at = text.find(mark)
        while at >= 0:
            if text[at + 3 : at + 4].isupper():
                gaps.append(at)
            at = text.find(mark, at + 3)
    if not gaps:
        return chunks
    gaps.sort()
    ends = [ch[-1].end for ch in chunks]
    out = list(chunks)
    for gap in reversed(gaps):  # from the end, so that a join leaves the indices before it valid
        i = bisect.bisect_left(ends, gap)
        if i + 1 >= len(out) or ends[i] != gap or out[i + 1][0].start != gap + 3:
            continue
        prev, ch = out[i], out[i + 1]
        spans = (
            text[prev[-a].start : ch[b - 1].end]
            for a in range(1, min(len(prev), 2) + 1)
            for b in range(1, min(len(ch), MAX_NAME_WORDS - a) + 1)
            if ch[b - 1].cap  # "People's Republic of China", not "People's Republic of"
        )
        if any(_is_key(gazetteer, name_key(span)) for span in spans):
            out[i : i + 2] = [prev + ch]
            del ends[i]
    return out


#: Parts of a hyphenated word this salient (countries, states, cities of some 500,000) make the
#: word a pair of places ("France-US talks", "the Russia-Ukraine war").
_HYPHEN_PART_SALIENCE = 0.9


def _split_hyphenated(
    chunks: list[list[_Token]], tokens: list[_Token], text: str, gazetteer: Gazetteer
) -> list[list[_Token]]:
    """Split a hyphenated word that pairs places into its parts ("France-US talks": France, the US).

    The word is split when it is no name itself, nor the start or end of one with its neighbours
    ("Guinea-Bissau", "Winston-Salem", "Dallas-Fort Worth") and every part names a major place
    ("Middlesex-London EMS" is no pair: London, Ontario is its county's seat). The first part stays
    with the words before it, the last with those after. ``tokens`` are those the chunks are made of.

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> t = "France-US talks in Guinea-Bissau and North Korea-US Russia-Ukraine ties, said Jean-Pierre."
    >>> tokens = _tokens(t)
    >>> chunks = _split_hyphenated(list(_chunks(tokens, t)), tokens, t, get_gazetteer())
    >>> [" ".join(w.text for w in c) for c in chunks]
    ['France', 'US', 'Guinea-Bissau and North Korea', 'US Russia', 'Ukraine', 'Jean-Pierre']
    """
    hyphenated = [t.start for t in tokens if t.cap and "-" in t.text]
    if not hyphenated:
        return chunks
    starts = [ch[0].start for ch in chunks]
    todo = sorted({bisect.bisect_right(starts, at) - 1 for at in hyphenated})  # the chunks that hold them
    out: list[list[_Token]] = []
    done = 0
    for ci in todo:
        out.extend(chunks[done:ci])
        done = ci + 1
        ch = chunks[ci]
        piece: list[_Token] = []  # the words since the last split
        for i, t in enumerate(ch):
            parts = _hyphen_parts(t) if "-" in t.text else None
            if parts is None or not _pairs_places(gazetteer, ch, i, parts, text):
                piece.append(t)
                continue
            out.append([*piece, parts[0]])
            out.extend([p] for p in parts[1:-1])
            piece = [parts[-1]]
        out.append(piece)
    out.extend(chunks[done:])
    return out


def _hyphen_parts(token: _Token) -> list[_Token] | None:
    """Return the capitalised parts of a hyphenated token as tokens, or None if a part is not one."""
    parts, at = [], token.start
    for word in token.text.split("-"):
        if len(word) < 2 or not word[0].isupper():
            return None
        parts.append(_Token(at, at + len(word), word, True, token.sentence_start and at == token.start))
        at += len(word) + 1
    return parts


def _pairs_places(gaz: Gazetteer, chunk: list[_Token], i: int, parts: list[_Token], text: str) -> bool:
    """Say whether token ``i`` of a chunk, whose ``parts`` are given, pairs places (see above)."""
    for a in range(max(0, i - 2), i + 1):
        for b in range(i + 1, min(len(chunk), i + 3) + 1):
            if _is_key(gaz, name_key(text[chunk[a].start : chunk[b - 1].end])):
                return False
    return all(_key_info(gaz, name_key(p.text)).salience >= _HYPHEN_PART_SALIENCE for p in parts)


def _is_own_name(gazetteer: Gazetteer, key: str) -> bool:
    """Say whether ``key`` is some place's own name (not only an alternate or derived one)."""
    return NAME_PRIMARY in gazetteer.key_matches(key)[1].tolist()


def _is_key(gazetteer: Gazetteer, key: str) -> bool:
    """Say whether ``key`` is a name in the gazetteer, remembered as :func:`_chunk_names` does."""
    known = _KNOWN.setdefault(gazetteer, {})
    found = known.get(key)
    if found is None:
        found = known[key] = bool(gazetteer.has_keys(np.array([name_hash(key)], dtype=np.int64))[0])
    return found


def _chunk_names(
    chunks: list[list[_Token]], text: str, gazetteer: Gazetteer
) -> list[list[tuple[int, int, str]]]:
    """Return, per chunk, its n-grams that are names: ``(first token, end token, key)``.

    Every n-gram of a chunk that neither starts nor ends with a connector is looked up. The answer
    depends only on the chunk's text (which fixes where its words lie: they are read from it), so
    it is kept per distinct chunk ("U.S.", "Donald Trump" recur in every story); the n-grams of new
    chunks are looked up together.
    """
    cache = _CHUNK_NAMES.setdefault(gazetteer, {})
    out: list[list[tuple[int, int, str]]] = []
    todo: list[tuple[int, tuple[str, int], list[tuple[int, int, str]]]] = []  # chunk, key, n-grams
    for ci, ch in enumerate(chunks):
        sig = (text[ch[0].start : ch[-1].end], len(ch))
        names = cache.get(sig)
        out.append([] if names is None else names)  # the chunks to do are filled in below
        if names is None:
            todo.append((ci, sig, _ngrams(ch, text)))
    if todo:
        known = _KNOWN.setdefault(gazetteer, {})
        if len(known) > 500_000:
            known.clear()  # before the look-up, so that every key asked for is in it afterwards
        # whether each n-gram is a name, looked up once per distinct n-gram
        fresh = list(dict.fromkeys(key for _, _, grams in todo for _, _, key in grams if key not in known))
        if fresh:
            hashes = np.fromiter((name_hash(k) for k in fresh), dtype=np.int64, count=len(fresh))
            known.update(zip(fresh, gazetteer.has_keys(hashes).tolist(), strict=True))
        if len(cache) > 200_000:
            cache.clear()
        for ci, sig, grams in todo:
            out[ci] = [g for g in grams if known[g[2]]]
            if len(sig[0]) <= 200:  # names, not the odd chunk that spans a paragraph
                cache[sig] = out[ci]
    return out


def _ngrams(chunk: list[_Token], text: str) -> list[tuple[int, int, str]]:
    """Return every n-gram of a chunk that neither starts nor ends with a connector, with its key."""
    grams = []
    for a in range(len(chunk)):
        if not chunk[a].cap:
            continue
        for b in range(min(len(chunk), a + MAX_NAME_WORDS), a, -1):
            if not chunk[b - 1].cap:
                continue
            grams.append((a, b, name_key(text[chunk[a].start : chunk[b - 1].end])))
    return grams


#: Words that, written in lower case, introduce a person's name ("councillor Dewly Nelson", "his
#: brother Tyler", "economist Paul Brewbaker"): titles that are no adjectives, kin and occupations.
_TITLE_WORDS = frozenset(
    """
    mr mrs ms dr prof sir dame lord lady colonel captain commander admiral sergeant secretary president
    senator congressman congresswoman governor mayor judge king queen prince princess sheikh emir
    ayatollah imam pope cardinal bishop reverend ambassador spokesman spokeswoman spokesperson chairman
    chairwoman detective inspector sheriff coach pastor councilman councilwoman councillor councilor
    trooper minister premier chancellor son daughter wife husband mother father brother sister uncle
    aunt cousin nephew niece grandson granddaughter grandmother grandfather widow boyfriend girlfriend
    fiance fiancee economist analyst lawyer attorney professor actor actress singer rapper author
    novelist reporter correspondent columnist photographer forward striker midfielder defender
    goalkeeper quarterback pitcher teammate founder ceo suspect defendant victim
    """.split()
)
#: Words before a vessel's name, which is no place even when a major place's ("the cargo ship Dali").
_VESSEL_WORDS = frozenset(
    "ship vessel tanker freighter boat yacht ferry frigate destroyer cruiser submarine steamer liner".split()
)


def _word_before(text: str, start: int) -> str:
    r"""Return the word right before ``start`` and one space (a full stop after it dropped), or "".

    Examples
    --------
    >>> t = "by economist Paul, Dr. Smith and 3brother Tyler,\ncoach Sam"
    >>> [_word_before(t, t.index(w)) for w in ("Paul", "Smith", "Tyler", "Sam")]
    ['economist', 'dr', '', 'coach']
    """
    j = start - 1
    if j < 1 or text[j] != " ":
        return ""
    lo = max(0, j - 17)
    k = max(text.rfind(" ", lo, j), text.rfind("\n", lo, j)) + 1
    word = text[k:j].rstrip(".").lstrip("'\"‘“(")
    return word.lower() if word.isalpha() and (k > 0 or lo == 0) else ""


#: Below this English word frequency (Zipf), a capitalised word after a given name that is no place
#: is taken for a surname ("Paul Brewbaker", "Victoria Vivians").
_RARE_WORD_ZIPF = 3.0


def _speakers(
    chunks: list[list[_Token]],
    found: list[list[tuple[int, int, str]]],
    text: str,
    gaz: Gazetteer,
    key_infos: dict[str, _KeyInfo],
) -> tuple[set[str], set[str]]:
    """Return the one-word names the document uses as a speaker's ("Noma said", "said Putin").

    The first set holds names of minor places (as in :func:`_keep`): every other use of the word in
    the document is then a person's too, unless it is named as a place ("in Noma"). The second holds
    names that are no place's: before one, a place's name is a given name ("Vladimir Putin" is no
    Vladimir, Russia).
    """
    places: set[str] = set()
    others: set[str] = set()
    for ch, names in zip(chunks, found, strict=True):
        if len(ch) != 1:
            continue
        start, end = ch[0].start, ch[0].end
        if not (_SAYING.match(text, end) or _SAID_BEFORE.search(text, max(0, start - 20), start)):
            continue
        if not names:
            others.add(fold(ch[0].text))
        elif _key_info(gaz, names[0][2], key_infos).salience < 0.75:
            places.add(fold(ch[0].text))
    return places, others


#: Words that make a name after them a natural feature's: "Lake Chad", "Mount Kenya", "Cape Cod".
_FEATURE_WORDS = frozenset("lake lakes mount mt mont monte cape loch lough lac".split())
#: The same before "of": "the Strait of Hormuz", "the Gulf of Oman", "the Isle of Wight".
_FEATURE_OF_WORDS = frozenset("strait straits gulf bay sea isle isles lake cape mount".split())


def _names_a_feature(chunk: list[_Token], a: int, b: int) -> bool:
    """Return whether the name at tokens ``a:b`` of a chunk is part of a natural feature's name.

    "Lake Chad", "Mount Kenya", "the Strait of Hormuz" are not Chad, Kenya, Hormuz; nor is "Mt." of
    "Mt. Kenya" Montana. The feature's whole name, when geokit knows it ("Lake Geneva", "Gulf of
    Mexico"), is matched first, as the longer name; a feature geokit does not know is no place.
    """
    if b - a == 1 and b < len(chunk) and chunk[a].text.rstrip(".").lower() in _FEATURE_WORDS:
        return True
    if a == 0:
        return False
    before = chunk[a - 1].text.rstrip(".").lower()
    if before in _FEATURE_WORDS:
        return True
    return before == "of" and a >= 2 and chunk[a - 2].text.lower() in _FEATURE_OF_WORDS


def _person_spans(
    chunk: list[_Token],
    names: list[tuple[int, int, str]],
    titled: bool = False,
    places_at: Container[int] = (),
) -> list[tuple[int, int]]:
    """Return the token ranges of a chunk that are persons' names, ``(first, end)``.

    A name starts after a title ("President Vladimir Putin") or at a common given name followed by
    a surname, another given name or an initial ("Paul Francis Floyd", "Chris Paul"), unless that
    given name is part of a longer place name (``names``: the chunk's place-name n-grams; "Victoria
    Falls"). It ends before a connector such as "of" or "and" ("Judy Law of Oxford", "Jody Nix and
    the Texas Cowboys"). A title at a token of ``places_at`` begins a place's name ("Abu Dhabi").
    """
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(chunk) - 1 or (titled and not spans):
        first = 0 if titled and not spans else _person_start(chunk, i, names, places_at)
        if first is None:
            break
        ends = (k for k in range(first + 1, len(chunk)) if chunk[k].text.lower() in _NAME_ENDS)
        end = next(ends, len(chunk))
        spans.append((first, end))
        i = end
    return spans


def _person_start(
    chunk: list[_Token], i: int, names: list[tuple[int, int, str]], places_at: Container[int] = ()
) -> int | None:
    """Return the index, ``i`` or after, where the next person's name of a chunk starts, or None."""
    for k in range(i, len(chunk) - 1):
        t, nxt = chunk[k], chunk[k + 1]
        if (
            t.text.lower().rstrip(".") in _TITLES
            and k not in places_at
            and not (k and chunk[k - 1].text == "of")
            and nxt.start - t.end <= 2
        ):
            # a title, not an office's name ("Ministry of Justice Azerbaijan") nor a possessive in
            # a place's name ("King's Lynn": the only tokens of a chunk further apart, see
            # _join_possessive_names)
            j = k + 1
            while j < len(chunk) and chunk[j].text.lower().rstrip(".") in _TITLES:
                j += 1
            if j < len(chunk) and chunk[j].text.lower() not in _CONNECTORS:
                return j
        if not (t.cap and nxt.cap) or not is_given_name(fold(t.text)):
            continue
        if any(a <= k < b and b - a > 1 for a, b, _ in names):
            continue  # part of a longer place name ("Victoria Falls", "Elizabeth City")
        if nxt.text.isupper() and len(nxt.text) > 1 and not t.text.isupper():
            continue  # "Brant OPP": an acronym after it, not a surname
        w = fold(nxt.text)
        if is_surname(w) or is_given_name(w) or (len(w) == 1 and w.isalpha()):  # "Gino D. Bassett"
            return k
        if (
            nxt.text[1:].islower()
            and w.isalpha()
            and _zipf(w) < _RARE_WORD_ZIPF
            and not w.endswith("s")  # "Denver Broncos": a team
            and not any(a == k + 1 for a, _, _ in names)
        ):
            return k  # "Paul Brewbaker": a rare word that is no place, a surname
    return None


#: Generic geographic words: names of places somewhere ("Central", "North"), but in news text words.
GENERIC_WORDS = frozenset(
    """
    north south east west central centre center northern southern eastern western upper lower greater
    middle city town village county state states province region district capital coast valley river
    lake lakes mountain mountains island islands bay gulf sea ocean desert plains free union national
    federal metropolitan international republic kingdom empire territory territories area zone border
    frontier airport harbour harbor port downtown midtown uptown
    """.split()
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|from|to|into|across|toward|towards|around|through"
    r"|(?:north|south|east|west)(?:[- ]?(?:east|west))?\s+of)\s+(?:the\s+)?$"
)
#: "Balliol College, Oxford.", "the Bob Wills Museum, Turkey,": the place an institution is in,
#: when the name ends the phrase ("... Church, Brunson was detained": a person).
_INSTITUTION_BEFORE = re.compile(
    r"\b(?:College|University|Hospital|School|Church|Cathedral|Museum|Airport|Stadium|Institute|Academy"
    r"|Prison|Base|Station|Hall|Centre|Center|Park|Street|Road|Avenue),\s{1,2}$"
)
#: What sets a qualifier off from the name it qualifies: a comma ("Sirte, Libya") or an opening
#: bracket ("Florence (Italy)"; the qualifier then closes it, see ``_QUALIFIER_CLOSE``).
_QUALIFIER_GAP = r"(?:\s?,\s{0,2}|\s{0,2}(?P<bracket>\())"
#: The bracket closing right after a bracketed qualifier.
_QUALIFIER_CLOSE = r"\s?\)"
#: ", Mo.", ", Calif.", ", Oklahoma", ", Libya", " (Italy)": a first-level region or country
#: qualifying a name.
_QUALIFIER_AFTER = re.compile(
    rf"{_QUALIFIER_GAP}(?P<name>[A-Z][A-Za-z]{{1,15}}\.?(?:\s[A-Z][a-z]{{2,15}})?)(?(bracket){_QUALIFIER_CLOSE})"
)
#: The whole text between a name and the name of its qualifier.
_QUALIFIER_BETWEEN = re.compile(rf"{_QUALIFIER_GAP}\Z")
_QUALIFIER_CLOSES = re.compile(_QUALIFIER_CLOSE)

#: How much a place of each kind resists the common-word and person filters (settlements: importance).
_SALIENCE = {
    "country": 1.0,
    "continent": 1.0,
    "region": 1.0,
    "admin1": 0.9,
    "admin2": 0.8,
    "ocean": 1.0,
    "sea": 0.85,
    "river": 0.7,
}


#: A settlement named by one of its alternate names (a former or foreign name: "Salisbury" for
#: Harare, "White House" for Casablanca, "Xinhua" for Shangmei) or by a spelling derived from one
#: ("Salah" for Salé, Sala) lends the filters this share of its importance: the name is less surely
#: a place than the settlement is large.
_ALTERNATE_SALIENCE = 0.8
_LESSER_NAMES = frozenset((NAME_ALTERNATE, NAME_DERIVED))


@dataclass(frozen=True, slots=True)
class _KeyInfo:
    recs: tuple[int, ...]
    salience: float
    abbreviation: bool
    official_caps: bool
    own_salience: float = 0.0  # of the places whose own name it is


_KNOWN: weakref.WeakKeyDictionary[Gazetteer, dict[str, bool]] = weakref.WeakKeyDictionary()
_CHUNK_NAMES: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[str, int], list[tuple[int, int, str]]]] = (
    weakref.WeakKeyDictionary()
)
_KEY_INFO: weakref.WeakKeyDictionary[Gazetteer, dict[str, _KeyInfo]] = weakref.WeakKeyDictionary()


def _key_info(gaz: Gazetteer, key: str, cache: dict[str, _KeyInfo] | None = None) -> _KeyInfo:
    """Return what the filters need to know of a name, computed once per gazetteer and key.

    ``cache`` is the gazetteer's entry of ``_KEY_INFO`` (looked up here when not given).
    """
    if cache is None:
        cache = _KEY_INFO.setdefault(gaz, {})
    info = cache.get(key)
    if info is None:
        recs_a, types_a = gaz.key_matches(key)
        recs, types = recs_a.tolist(), types_a.tolist()
        salience = max(
            (
                _SALIENCE.get(gaz.kind_of(r))
                or gaz.importance_of(r) * (_ALTERNATE_SALIENCE if t in _LESSER_NAMES else 1.0)
                for r, t in zip(recs, types, strict=True)
            ),
            default=0.0,
        )
        official = any(
            t == NAME_ABBREVIATION or (t == NAME_PRIMARY and gaz.kind_of(r) in ("country", "admin1"))
            for r, t in zip(recs, types, strict=True)
        )
        own = max(
            (
                _SALIENCE.get(gaz.kind_of(r)) or gaz.importance_of(r)
                for r, t in zip(recs, types, strict=True)
                if t == NAME_PRIMARY
            ),
            default=0.0,
        )
        info = _KeyInfo(tuple(recs), salience, NAME_ABBREVIATION in types, official, own)
        if len(cache) > 200_000:
            cache.clear()
        cache[key] = info
    return info


@dataclass(frozen=True, slots=True)
class _SpanInfo:
    """What the filters need to know of a span's own text (not of its context)."""

    letters: int  # how many letters
    contraction: bool  # ends like "they've", "I'll"
    upper: bool  # all capitals
    demonym: bool  # see is_demonym
    word: str  # folded
    generic: bool  # one of GENERIC_WORDS
    zipf: float  # English word frequency of ``word``


_CONTRACTION = re.compile(r"['’](?:ve|ll|re|d|m|t)$", re.IGNORECASE)
_SPAN_INFO: weakref.WeakKeyDictionary[Gazetteer, dict[str, _SpanInfo]] = weakref.WeakKeyDictionary()


def _span_info(gaz: Gazetteer, span_text: str, cache: dict[str, _SpanInfo] | None = None) -> _SpanInfo:
    """Return the context-free facts about a span's text, computed once per gazetteer and text.

    ``cache`` is the gazetteer's entry of ``_SPAN_INFO`` (looked up here when not given).
    """
    if cache is None:
        cache = _SPAN_INFO.setdefault(gaz, {})
    info = cache.get(span_text)
    if info is None:
        word = fold(span_text)
        info = _SpanInfo(
            letters=sum(ch.isalpha() for ch in span_text),
            contraction=_CONTRACTION.search(span_text) is not None,
            upper=span_text.isupper(),
            demonym=is_demonym(span_text, gaz),
            word=word,
            generic=word in GENERIC_WORDS,
            zipf=_zipf(word),
        )
        if len(cache) > 200_000:
            cache.clear()
        cache[span_text] = info
    return info


def _keep(
    gaz: Gazetteer,
    chunk: list[_Token],
    a: int,
    b: int,
    key: str,
    span_text: str,
    whole: bool,
    person_words: set[str],
    text: str,
    caches: tuple[dict[str, _KeyInfo], dict[str, _SpanInfo]] | None = None,
) -> int | None:
    """Return the end offset of the mention if the span names a place, else None.

    ``caches``: the gazetteer's entries of ``_KEY_INFO`` and ``_SPAN_INFO``, if at hand.
    """
    key_infos, span_infos = caches or (None, None)
    info = _key_info(gaz, key, key_infos)
    if not info.recs:
        return None
    end = chunk[b - 1].end
    best = info.salience
    single = b - a == 1
    span = _span_info(gaz, span_text, span_infos)
    letters = span.letters
    abbreviation = info.abbreviation
    if letters <= 1:
        return None
    if span.contraction:
        return None
    if text[end : end + 1] in _CURRENCY_MARKS:
        return None  # "US$5", "HK$ 2": a currency
    after = _AFTER_NAME.match(text, end)
    if after is not None and after["named"]:
        return None  # "Lyme disease", "West Nile virus": named after the place, not the place
    if single and b < len(chunk) and chunk[b].cap and chunk[a].text.lower() in _TITLES:
        return None  # "Ms. Smith", "Col. Lee": a title before a name, no state's abbreviation
    if (
        b == len(chunk)
        and _starts_name(chunk, a)
        and (_qualified_by_region(gaz, text, end) or (span.upper and _dateline(text, chunk[a].start, end)))
    ):
        return end  # "Columbia, Mo.", "Darwin (Australia)", "KYIV, Ukraine", "DOHA (Reuters) -": a place
    if span.upper and letters <= 4:
        # "US", "UAE", "B.C." are names; "BA", "MW", "APC" are not
        return end if info.official_caps else None
    if letters <= 3 and not span.upper:
        # "Ky.", "Ala.": an abbreviation only with its dot
        if abbreviation and text[end : end + 1] == ".":
            return end + 1
        if letters <= 2:
            return None
    if single and span.demonym:
        return None
    if b < len(chunk) and best < 1.0 and _ARABIC_PREFIX.match(chunk[b].text):
        return None  # "Ain al-Asad air base", "Ras al-Ain": the first word of an Arabic name
    word = span.word
    if span.generic:
        return None
    if after is not None and after["located"]:
        return end  # "Columbia lies 30 km north of ...": placed by the sentence, however common a word
    locative = bool(_LOCATIVE_BEFORE.search(text, max(0, chunk[a].start - 24), chunk[a].start)) or (
        text[end : end + 1] in _PHRASE_ENDS
        and bool(_INSTITUTION_BEFORE.search(text, max(0, chunk[a].start - 14), chunk[a].start))
    )
    if single and not locative:
        if word in person_words:
            return None
        if best < 0.75 and _SAYING.match(text, end):
            return None
        if best < 0.75 and _SAID_BEFORE.search(text, max(0, chunk[a].start - 20), chunk[a].start):
            return None
    z = span.zipf
    if locative:
        z -= 0.7  # "in Reading" is a place far more often than "Reading" alone
    if z >= 4.3 and best < 0.75 and (single or info.own_salience < _PHRASE_PLACE_SALIENCE):
        # wordfreq knows no phrases: a name of common words ("Little Rock", "Green Bay") scores as
        # its words do, so a name that is a sizeable place's own is kept ("White House" is not)
        return None
    if single and z >= 3.3 and best < 0.5:
        return None
    if chunk[a].sentence_start and z >= 3.5 and best < 0.75 and not _local_body(chunk, b):
        return None  # a common word opening the sentence; not "Dayton Police said"
    if span.upper and z >= 3.0 and best < 0.9:
        return None
    after_of = a > 0 and (
        chunk[a - 1].text in _PLACE_AFTER or (a == 1 and chunk[0].text.lower() in _SENTENCE_OPENERS)
    )
    if not whole and best < 0.75 and not after_of:
        # a minor place inside a longer proper name that is not a place ("Peter Cook", "Ash Carter");
        # after "of" it is the place the name is of ("the Governor of Ninawa", "west of Sirte"), after
        # a station or base the place it lies at ("Naval Air Station Pensacola"), after a word that
        # opens the sentence the place it names ("In Aix-en-Provence, police ...")
        return None
    return end


#: Words after a place's name that make a local body of the place ("Dayton Police").
_INSTITUTION_HEADS = frozenset(_WORDS["institution_heads"])


def _local_body(chunk: list[_Token], b: int) -> bool:
    """Say whether the name ending before token ``b`` of a chunk names a local body ("Dayton Police")."""
    return b < len(chunk) and chunk[b].text.lower() in _INSTITUTION_HEADS


def _opens_sentence(chunk: list[_Token], a: int, text: str) -> bool:
    """Say whether the tokens of a chunk before ``a`` open the sentence and are no part of a name.

    A function word ("A Dayton man", "The Springfield plant", also after a dateline's dash:
    "BANTAM — A Danbury mason") or a word and connectors after it ("Climbers on Mount Kenya")
    open it.

    Examples
    --------
    >>> t = "A Dayton man. Climbers on Mount Kenya. Peter Cook"
    >>> chunks = list(_chunks(_tokens(t), t))
    >>> [_opens_sentence(c, n, t) for c, n in ((chunks[0], 1), (chunks[1], 2), (chunks[2], 1))]
    [True, True, False]
    """
    start = chunk[0].start
    if not (chunk[0].sentence_start or text[max(0, start - 4) : start].rstrip().endswith(_DASHES)):
        return False
    if a == 1:
        return _zipf(chunk[0].text.lower()) >= _FUNCTION_WORD_ZIPF
    return a <= 3 and all(not t.cap and t.text != "and" for t in chunk[1:a])  # two connectors at most


#: The salience of a place of some 50,000 people, whose own name is kept however common its words.
_PHRASE_PLACE_SALIENCE = 0.6
#: Words after which a name inside a longer name is still the place it is of, or at.
_PLACE_AFTER = frozenset(("of", "Station", "Base"))
#: Capitalised words that open a sentence before a name without being part of it.
_SENTENCE_OPENERS = frozenset(
    "in at from near to into on outside across toward towards around through".split()
)

_POSSESSOR = re.compile(r"([A-Z][A-Za-z.]{1,30})['’]s\s{1,2}\Z")
#: A possessor this salient is a place whose possessive says where what follows is ("Taipei's").
_MAJOR_POSSESSOR = 0.9
#: the salience from which a name that begins with a title is a place's (a town of about 10,000)
_TITLED_PLACE_SALIENCE = 0.5
#: A city this salient (some 100,000 people) owns what its possessive names ("Louisville's Germantown")...
_CITY_POSSESSOR = 0.65
#: ... which lies this near it, if it is a place of its own.
_CITY_PART_M = 60_000.0
#: Per gazetteer: the country a possessor word names ("Brazil" in "Brazil's", "Taipei"), or "", and
#: the city it names that owns what follows it ("Louisville"), or None.
_POSSESSOR_PLACE: weakref.WeakKeyDictionary[Gazetteer, dict[str, tuple[str, Place | None]]] = (
    weakref.WeakKeyDictionary()
)


def _foreign_after_possessive(
    gaz: Gazetteer, text: str, mention: RawMention, key_infos: dict[str, _KeyInfo]
) -> bool:
    """Say whether a name after "<Country>'s" or "<City>'s" has no namesake in that country.

    After a country's possessive, a name is that country's place ("Syria's Aleppo") or a person
    of it ("Brazil's Lula" is not Luleå, Sweden); after a major city's or region's, a place or a
    thing of it ("Taipei's Songshan airport" is not Songshan, a Chinese village). After a city's,
    a name that is the own name of no place within 60 km of it (nor an airfield's) is a part of it
    ("Louisville's Germantown", a neighbourhood, is not Germantown, Ohio).
    """
    m = _POSSESSOR.search(text, max(0, mention.start - 36), mention.start)
    if m is None:
        return False

    def possessor() -> tuple[str, Place | None]:
        """Return the country a possessor word names, or the city that owns what follows it."""
        word = m.group(1)
        found = gaz.candidates(word, kinds=("country",), fuzzy=False, limit=1)
        if found:
            return found[0].place.country or "", None
        city = gaz.candidates(word, kinds=("city", "town"), fuzzy=False, limit=1)
        if city and is_exact_match(city[0]):
            p = city[0].place
            if importance(p.kind, p.population or 0) >= _CITY_POSSESSOR:
                return "", p
        if _key_info(gaz, name_key(word), key_infos).salience < _MAJOR_POSSESSOR:
            return "", None  # "Putin's Russia": no place's possessive
        major = gaz.candidates(word, kinds=("city", "admin1"), fuzzy=False, limit=1)
        return (major[0].place.country or "") if major else "", None

    code, owner = _memo(_POSSESSOR_PLACE, gaz, m.group(1), possessor)
    if owner is not None:
        # by their own names, or airfields by their short names ("Chicago's O'Hare")
        recs, types = gaz.key_matches(mention.key)
        named = [
            p
            for p, t in (
                (gaz.place(r, geometry=False), t) for r, t in zip(recs.tolist(), types.tolist(), strict=True)
            )
            if t == NAME_PRIMARY or p.kind in ("airport", "airbase")
        ]
        # a region is no part of a city ("Toronto's Ontario health-card holders")
        return not any(p.kind not in POINT_KINDS or distance_m(owner, p) <= _CITY_PART_M for p in named)
    if not code:
        return False
    for r in _key_info(gaz, mention.key, key_infos).recs:
        p = gaz.place(r, geometry=False)
        if p.country == code or p.country is None:
            return False
    return True


def _starts_name(chunk: list[_Token], a: int) -> bool:
    """Say whether a span starting at token ``a`` is not the tail of a longer proper name.

    "Keaton Beach, Florida" is not "Beach, Florida"; "In Klamath Falls, Oregon", "The Pittsburgh,
    Pennsylvania-based company" and "Judy Law of Oxford, North Carolina" are the place.
    """
    if a == 0:
        return True
    before = chunk[a - 1].text.lower()
    return before in _CONNECTORS or (before.isalpha() and _zipf(before) >= _FUNCTION_WORD_ZIPF)


#: A capitalised word at least this frequent in English is a function word ("In", "The", "At").
_FUNCTION_WORD_ZIPF = 6.0

#: Per gazetteer: whether a word after ", " names a first-level region or a country.
_REGION_NAME: weakref.WeakKeyDictionary[Gazetteer, dict[str, bool]] = weakref.WeakKeyDictionary()
_DATELINE_AFTER = re.compile(r"\s{0,2}(?:,|\(|—|–|--|-\s)|[^\S\n]{1,2}(?=[A-Z][a-z])")
_DASHES = ("—", "–", "--")


def _dateline(text: str, start: int, end: int) -> bool:
    """Say whether a capitalised name opens a line and is followed by a dateline's comma, "(" or dash.

    Or by the sentence the dateline opens: "DETROIT The U.S. Transportation Department ...".
    """
    return _opens_line(text, start) and _DATELINE_AFTER.match(text, end) is not None


#: How far back :func:`_opens_line` looks for the line's start, in characters.
_LINE_INDENT = 40


def _opens_line(text: str, start: int) -> bool:
    r"""Say whether only blanks (at most ``_LINE_INDENT`` characters) come before ``start`` on its line.

    Examples
    --------
    >>> t = "DAYTON -- A man\n  COLUMBUS (AP)"
    >>> _opens_line(t, 0), _opens_line(t, t.index("COLUMBUS")), _opens_line(t, t.index("A man"))
    (True, True, False)
    """
    lo = max(0, start - _LINE_INDENT)
    before = text[lo:start]
    line = before.rfind("\n")
    return (line >= 0 or lo == 0) and not before[line + 1 :].strip()


def _qualified_by_region(gaz: Gazetteer, text: str, end: int) -> bool:
    """Say whether a name ending at ``end`` is qualified by a first-level region or country.

    The qualifier follows a comma or stands in brackets ("Columbia, Mo.", "Darwin (Australia)");
    see :func:`link_qualifiers`, which links the two mentions.

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> t = "Reading (United Kingdom), Hope, Canada, Reading (Reuters), Hope (Canada, 2020)"
    >>> ends = [m.end() for m in re.finditer(r"Reading|Hope", t)]
    >>> [_qualified_by_region(get_gazetteer(), t, end) for end in ends]
    [True, True, False, False]
    """
    m = _QUALIFIER_AFTER.match(text, end, end + 40)
    if m is None:
        return False
    name = m.group("name")
    return _memo(
        _REGION_NAME,
        gaz,
        name,
        lambda: any(
            gaz.candidates(words, kinds=("admin1", "country"), fuzzy=False, limit=1)
            for words in dict.fromkeys([name, name.split()[0]])
            if name_key(words)
        ),
    )


def _memo(
    store: weakref.WeakKeyDictionary[Gazetteer, dict[str, _T]],
    gaz: Gazetteer,
    word: str,
    compute: Callable[[], _T],
) -> _T:
    """Return ``compute()`` for a word, kept per gazetteer in ``store`` (at most 50,000 words)."""
    known = store.setdefault(gaz, {})
    value = known.get(word)
    if value is None:
        if len(known) > 50_000:
            known.clear()
        value = known[word] = compute()
    return value


#: Every word of _PART_WORDS holds one of these.
_PART_HINTS = ("north", "south", "east", "west", "central", "downtown", "greater", "upper", "lower")


def _part_before(text: str, start: int) -> str | None:
    """Return the part word right before a mention ("eastern" of "eastern Mosul"), lower-case, or None.

    An ASCII window without any of ``_PART_HINTS`` (in lower case) cannot match: the pattern is not
    tried there.

    Examples
    --------
    >>> t = "strikes in north-eastern Syria and in Mosul"
    >>> _part_before(t, t.index("Syria")), _part_before(t, t.index("Mosul"))
    ('north-eastern', None)
    """
    lo = max(0, start - 25)
    window = text[lo:start]
    if window.isascii() and not any(map(window.lower().__contains__, _PART_HINTS)):
        return None
    pm = _PART_WORDS.search(text, lo, start)
    return pm.group(1).lower() if pm else None


#: Ranks of the kinds of place that hold others: a name qualifies no name of its rank or above.
_REGION_RANKS = {"admin1": 1, "country": 2, "region": 3, "continent": 3}
#: A settlement this salient (some 50,000 people) makes a name a settlement's ("Washington, D.C.").
_SETTLEMENT_SALIENCE = _PHRASE_PLACE_SALIENCE


_SETTLEMENT_KINDS = frozenset(("city", "town", "village"))
#: Per gazetteer: :func:`_region_rank` of a name's key.
_REGION_RANK: weakref.WeakKeyDictionary[Gazetteer, dict[str, tuple[int, frozenset[str]]]] = (
    weakref.WeakKeyDictionary()
)


def _region_rank(gaz: Gazetteer, key: str) -> tuple[int, frozenset[str]]:
    """Return the rank of the region a name names (0: no region's, or a sizeable settlement's too).

    The second item holds the countries the name's first-level regions lie in ("Georgia": US).
    """
    rank, countries = 0, set()
    recs, types = gaz.key_matches(key)
    for r, t in zip(recs.tolist(), types.tolist(), strict=True):
        kind = gaz.kind_of(r)
        if kind not in _REGION_RANKS:
            if (
                kind in _SETTLEMENT_KINDS
                and t == NAME_PRIMARY
                and gaz.importance_of(r) >= _SETTLEMENT_SALIENCE
            ):
                return 0, frozenset()
            continue
        rank = max(rank, _REGION_RANKS[kind])
        if kind == "admin1":
            countries.add(gaz.place(r, geometry=False).country or "")
    return rank, frozenset(countries)


#: Per gazetteer: :func:`_region_readings` of a name's key.
_REGION_READINGS: weakref.WeakKeyDictionary[Gazetteer, dict[str, frozenset[tuple[str, str]]]] = (
    weakref.WeakKeyDictionary()
)


def _region_readings(gaz: Gazetteer, key: str) -> frozenset[tuple[str, str]]:
    """Return the (kind, country) of every region a name may name ("georgia": the country, a US state).

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> sorted(_region_readings(get_gazetteer(), "georgia"))
    [('admin1', 'US'), ('country', 'GE')]
    """
    recs, _ = gaz.key_matches(key)
    return frozenset(
        (kind, gaz.place(r, geometry=False).country or "")
        for r in recs.tolist()
        if (kind := gaz.kind_of(r)) in _REGION_RANKS
    )


#: Per gazetteer: :func:`_holds_namesake` of a qualifier's and a name's keys ("q|name").
_HOLDS_NAMESAKE: weakref.WeakKeyDictionary[Gazetteer, dict[str, bool]] = weakref.WeakKeyDictionary()


def _holds_namesake(gaz: Gazetteer, region_key: str, key: str) -> bool:
    """Say whether a first-level region of one name holds a settlement of another ("D.C.", "Washington").

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> gaz = get_gazetteer()
    >>> _holds_namesake(gaz, "d c", "washington"), _holds_namesake(gaz, "florida", "georgia")
    (True, False)
    """
    regions = [r for r in gaz.key_matches(region_key)[0].tolist() if gaz.kind_of(r) == "admin1"]
    if not regions:
        return False
    settlements = [
        gaz.place(r, geometry=False)
        for r in gaz.key_matches(key)[0].tolist()
        if gaz.kind_of(r) in POINT_KINDS
    ]
    for r in regions:
        region = gaz.place(r)
        if any(p.country == region.country and contains(region, p) for p in settlements):
            return True
    return False


def _continues_list(q: RawMention, after: RawMention | None, text: str, gaz: Gazetteer) -> bool:
    """Say whether the mention after a qualifier goes on with a list of regions ("Florida and Alabama")."""
    if after is None or after.qualifier is not None:
        return False
    if _LIST_SEP_RE.fullmatch(text, q.end, after.start) is None:
        return False
    return bool(_levels(_readings(gaz, q.key)) & _levels(_readings(gaz, after.key)))


def _readings(gaz: Gazetteer, key: str) -> frozenset[tuple[str, str]]:
    return _memo(_REGION_READINGS, gaz, key, partial(_region_readings, gaz, key))


def region_level(kind: str, country: str | None) -> tuple[str, str]:
    """Return the level the names of a list share: a state or province of its country, or any country.

    Examples
    --------
    >>> region_level("admin1", "US"), region_level("country", "GE")
    (('admin1', 'US'), ('country', ''))
    """
    return kind, "" if kind == "country" else (country or "")


def _levels(readings: frozenset[tuple[str, str]]) -> set[tuple[str, str]]:
    """Return region readings as levels ("Georgia": a US state, any country)."""
    return {region_level(kind, country) for kind, country in readings}


def _unlink_peers(
    mentions: list[RawMention], gaz: Gazetteer, key_infos: dict[str, _KeyInfo], text: str
) -> None:
    """Undo the qualifier of a region named beside a region of its rank: a list, not a qualifier.

    "France, Germany, and Italy" and "Ohio, Indiana and Kentucky" list places; "Georgia, USA"
    (a state of the US) and "Punjab, Pakistan" qualify them, and so does a region of a lower
    rank: "Lebanon, Ohio" is the town (a country is no peer of a state). A list that goes on
    after the second name is a list whenever the first may name a region like the others
    ("Georgia, Florida and Alabama", "Washington, Oregon and Idaho": states, though Georgia is
    also a country and Washington a city); a pair is not ("Georgia, Vermont" is a place in
    Vermont).

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> t = "France, Germany; Ohio, Indiana; Georgia, USA; Punjab, Pakistan; Atlanta, Georgia; Lebanon, Ohio"
    >>> [m.qualifier is not None for m in find_mentions(t, get_gazetteer())][::2]
    [False, False, True, True, True, True]
    >>> t = "Georgia, Florida and Alabama; Washington, Oregon, and Idaho; Georgia, Vermont"
    >>> t += "; Georgia, USA and Mexico; Washington, D.C., and Ohio"
    >>> [(m.text, t[slice(*m.qualifier)]) for m in find_mentions(t, get_gazetteer()) if m.qualifier]
    [('Georgia', 'Vermont'), ('Georgia', 'USA'), ('Washington', 'D.C.')]
    """
    by_start = {m.start: m for m in mentions}
    following = {a.start: b for a, b in itertools.pairwise(mentions)}
    for m in mentions:
        if m.qualifier is None or (q := by_start.get(m.qualifier[0])) is None:
            continue
        if _continues_list(q, following.get(q.start), text, gaz):
            reads, q_reads = _readings(gaz, m.key), _readings(gaz, q.key)
            holder = {country for kind, country in q_reads if kind == "country"}
            held = any(kind == "admin1" and country in holder for kind, country in reads)
            if (
                not held
                and _levels(reads) & _levels(q_reads)
                and not _memo(
                    _HOLDS_NAMESAKE, gaz, f"{q.key}|{m.key}", partial(_holds_namesake, gaz, q.key, m.key)
                )
            ):  # not "Georgia, USA and Mexico", nor "Washington, D.C., and New York"
                m.qualifier = None
                continue
        rank, countries = _memo(_REGION_RANK, gaz, m.key, partial(_region_rank, gaz, m.key))
        q_rank, _ = _memo(_REGION_RANK, gaz, q.key, partial(_region_rank, gaz, q.key))
        if not q_rank or rank != q_rank:
            continue  # "Lebanon, Ohio": a country is no peer of a state; the name is the town
        if q_rank == _REGION_RANKS["country"] and any(
            gaz.place(r, geometry=False).country in countries
            for r in _key_info(gaz, q.key, key_infos).recs
            if gaz.kind_of(r) == "country"
        ):
            continue  # "Georgia, USA": the qualifier holds a region of the name
        m.qualifier = None


#: A word in lower case right after a name, not one going on with a list: "US tourists", "UK officials".
_LOWER_WORD_AFTER = re.compile(r"[^\S\n](?!(?:and|or|nor)\b)[a-z]")


def _unlink_modifiers(mentions: list[RawMention], text: str, gaz: Gazetteer) -> None:
    """Undo the qualifier that is a country's abbreviation in capitals modifying the noun after it.

    "In Lyon, US tourists ...": "US" says whose tourists, not where Lyon is. A state's postal
    code keeps qualifying ("Portland, OR police" is rare but means Oregon's Portland), and so does
    a country's abbreviation a clause does not go on from ("Lyon, US.").

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> t = "In Lyon, US tourists met. In Lyon, US, they met. In Dayton, OH police met."
    >>> [m.text for m in find_mentions(t, get_gazetteer()) if m.qualifier]
    ['Lyon', 'Dayton']
    """
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        if m.qualifier is None or (q := by_start.get(m.qualifier[0])) is None:
            continue
        letters = q.text.replace(".", "")
        if not (letters.isalpha() and letters.isupper() and _LOWER_WORD_AFTER.match(text, q.end)):
            continue
        rank, _ = _memo(_REGION_RANK, gaz, q.key, partial(_region_rank, gaz, q.key))
        if rank >= _REGION_RANKS["country"]:
            m.qualifier = None


def list_peers(mentions: Sequence[RawMention], text: str) -> dict[int, list[int]]:
    r"""Return, for each mention named in a list of places, the indices of the list's other names.

    Names follow each other with only a comma, "and" or "or" between them, and none qualifies the
    next ("Georgia, Florida and Alabama"; not "Sirte, Libya").

    Examples
    --------
    >>> t = "Georgia, Florida and Alabama; Sirte"
    >>> ms = [RawMention(*m.span(), m.group(), "") for m in re.finditer(r"[A-Z]\w+", t)]
    >>> list_peers(ms, t)
    {0: [1, 2], 1: [0, 2], 2: [0, 1]}
    """
    out: dict[int, list[int]] = {}
    run: list[int] = []
    for i, m in enumerate(mentions):
        prev = mentions[i - 1] if i else None
        if (
            prev is not None
            and prev.qualifier is None
            and _LIST_SEP_RE.fullmatch(text, prev.end, m.start) is not None
        ):
            run.append(i)
            continue
        if len(run) > 1:
            out.update({j: [k for k in run if k != j] for j in run})
        run = [i]
    if len(run) > 1:
        out.update({j: [k for k in run if k != j] for j in run})
    return out


def link_qualifiers(mentions: list[RawMention], text: str, gazetteer: Gazetteer | None = None) -> None:
    r"""Mark "Sirte, Libya" and "Sydney (Canada)": a mention qualifies the one before it.

    The second follows the first after a comma, or stands in brackets right after it (the same
    marks as :func:`_qualified_by_region` reads). With a gazetteer, a region named beside a
    region of its rank is left unlinked: "France, Germany, and Italy" is a list (see
    :func:`_unlink_peers`, which reads the mentions' keys).

    Examples
    --------
    >>> t = "Sirte, Libya; Florence (Italy); Rome (Lazio, Italy)"
    >>> ms = [RawMention(*m.span(), m.group(), "") for m in re.finditer(r"[A-Z]\w+", t)]
    >>> link_qualifiers(ms, t)
    >>> [(m.text, t[slice(*m.qualifier)]) for m in ms if m.qualifier]
    [('Sirte', 'Libya'), ('Florence', 'Italy'), ('Lazio', 'Italy')]
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> t = "France, Germany, and Italy; Punjab, Pakistan"
    >>> ms = [RawMention(*m.span(), m.group(), name_key(m.group())) for m in re.finditer(r"[A-Z]\w+", t)]
    >>> link_qualifiers(ms, t, get_gazetteer())
    >>> [m.text for m in ms if m.qualifier]
    ['Punjab']
    """
    for m, nxt in itertools.pairwise(mentions):
        gap = _QUALIFIER_BETWEEN.match(text, m.end, nxt.start)
        if gap is not None and (gap["bracket"] is None or _QUALIFIER_CLOSES.match(text, nxt.end)):
            m.qualifier = (nxt.start, nxt.end)
    if gazetteer is not None:
        _unlink_peers(mentions, gazetteer, _KEY_INFO.setdefault(gazetteer, {}), text)
        _unlink_modifiers(mentions, text, gazetteer)
