"""The small grammar of relative locations: numbers, units, hedges, directions and parts of places.

Each function reads one already-isolated phrase ("forty-five", "kilometres", "nearly", "SSW");
:mod:`geokit.claims.extract` finds the phrases in running text with the bounded regular expressions
defined here (``NUMBER_RE``, ``UNIT_RE``, ...), which have no nested unbounded repetition and so
never backtrack catastrophically.

Written forms read: thousands separators with a stray space ("1, 250"), hyphens with one
("north- northwest"), a bearing joined to a distance ("3 nautical miles and 250 degrees from"),
a distance as a trip ("a 40-mile drive from", :data:`TRIP_NOUNS`) and a travel time, which is no
distance ("a 20-minute drive from", :data:`TRAVEL_TIME_RE`).

Direction half-angles follow the point-radius method (Wieczorek et al. 2004): 45° for a cardinal
point, 22.5° for an intercardinal one (NE), 11.25° for a 16-point one (NNE), 5.625° for a by-point
(N by E); a numeric bearing gets :data:`BEARING_HALF_ANGLE`.
"""

from __future__ import annotations

import math
import re

from geokit.errors import InputError
from geokit.model import Direction

__all__ = [
    "BEARING_AFTER_DISTANCE_RE",
    "BEARING_HALF_ANGLE",
    "COMPASS",
    "HEDGES",
    "TRAVEL_TIME_RE",
    "TRIP_RE",
    "UNIT_METRES",
    "UNIT_NAMES",
    "compass_word",
    "normalise_unit",
    "parse_bearing",
    "parse_direction",
    "parse_hedge",
    "parse_number",
    "parse_part",
    "parse_vague_number",
    "to_metres",
]

#: Half-angle (degrees) given to a numeric bearing ("bearing 225°"): a stated bearing is read to
#: the nearest 5°, so ±2.5°.
BEARING_HALF_ANGLE = 2.5

#: Metres per unit for the normalised unit names.
UNIT_METRES = {"km": 1000.0, "m": 1.0, "mi": 1609.344, "nm": 1852.0, "ft": 0.3048, "yd": 0.9144}
#: The normalised unit names in words, for people.
UNIT_NAMES = {
    "km": "kilometres",
    "mi": "miles",
    "m": "metres",
    "nm": "nautical miles",
    "ft": "feet",
    "yd": "yards",
}

_UNIT_WORDS = {
    "km": "km", "kms": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km",
    "kilometres": "km", "klick": "km", "klicks": "km", "clicks": "km",
    "m": "m", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
    "mi": "mi", "mile": "mi", "miles": "mi",
    "nm": "nm", "nmi": "nm", "nautical mile": "nm", "nautical miles": "nm",
    "ft": "ft", "foot": "ft", "feet": "ft",
    "yd": "yd", "yds": "yd", "yard": "yd", "yards": "yd",
}  # fmt: skip
# Length units geokit recognises as units but does not convert: a claim using one is kept and
# flagged "unknown unit".
_UNKNOWN_UNITS = (
    "furlongs?|leagues?|versts?|cubits?|chains?|rods?|perches|perch|parasangs?|fathoms?|"
    "stadia|stades?|arpents?|varas?|blocks?|cable lengths?|cables?|li"
)

_POINTS = tuple("N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split())
#: Compass points: abbreviation -> azimuth in degrees clockwise from north.
COMPASS = {p: i * 22.5 for i, p in enumerate(_POINTS)}


def compass_word(azimuth: float) -> str:
    """Return the 16-point compass word of an azimuth in degrees.

    Examples
    --------
    >>> compass_word(225), compass_word(45), compass_word(-10), compass_word(359)
    ('SW', 'NE', 'N', 'N')
    """
    return _POINTS[int(((azimuth % 360.0) + 11.25) // 22.5) % 16]


#: Hedge phrases -> the normalised hedge word. The estimate stage gives each normalised word a policy.
HEDGES = {
    "about": "about", "around": "about", "roughly": "about", "some": "about", "approximately": "about",
    "approx.": "about", "approx": "about", "circa": "about", "ca.": "about", "an estimated": "about",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "close to": "nearly",
    "just shy of": "nearly", "not quite": "nearly",
    "more than": "more than", "over": "more than", "upwards of": "more than", "in excess of": "more than",
    "just over": "just over", "a little over": "just over", "slightly more than": "just over",
    "at least": "at least", "no less than": "at least",
    "up to": "up to", "no more than": "up to", "at most": "up to",
    "within": "within",
    "less than": "less than", "under": "less than", "fewer than": "less than",
}  # fmt: skip

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_FRACTION_WORDS = {"half": 0.5, "quarter": 0.25}
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625}

# --- regular expressions (bounded; used by the extractor) -------------------------------------------
_NUMWORD = "|".join(
    sorted([*_ONES, "hundred", "thousand", "dozen", "half", "quarter"], key=len, reverse=True)
)
_VULG = "".join(_VULGAR)
_DIGITS = (
    rf"[-−]?(?:\d{{1,3}}(?:, ?\d{{3}})+(?![,\d])|\d+)(?:\.\d+)?(?:[eE][-+]?\d{{1,4}}\b)?"
    rf"(?:\s?[{_VULG}]|\s\d{{1,2}}/\d{{1,2}})?"
    rf"|\d{{1,3}}/\d{{1,3}}|[{_VULG}]"
)
_WORDS = (
    rf"(?:(?:an?|half)[\s-]{{1,3}})?(?:{_NUMWORD})"
    rf"(?:(?:[\s-]{{1,3}}and)?(?:[\s-]{{1,3}}an?)?[\s-]{{1,3}}(?:{_NUMWORD})){{0,6}}(?:[\s-]{{1,3}}an?(?=\s))?"
    r"|an?(?=\s)"
)
#: A number: digits (thousands separators, decimals, vulgar fractions) or number words.
NUMBER_RE = rf"(?:(?<![\w.,]){_DIGITS}|\b(?:{_WORDS}))"

_KNOWN_UNITS = "|".join(
    sorted((re.escape(u).replace(r"\ ", r"\s{1,3}") for u in _UNIT_WORDS), key=len, reverse=True)
)
#: A unit of length (a known one or a recognised unconvertible one).
UNIT_RE = rf"(?:(?:{_KNOWN_UNITS}|{_UNKNOWN_UNITS})\b\.?)"

#: A hedge phrase before a number.
HEDGE_RE = (
    "(?:"
    + "|".join(
        sorted(
            (re.escape(h).replace(r"\ ", r"\s{1,3}") + (r"\b" if h[-1].isalpha() else "") for h in HEDGES),
            key=len,
            reverse=True,
        )
    )
    + ")"
)

_DIRWORD = r"(?:north|south)[\s-]?(?:east|west)|north|south|east|west"
_ABBR = r"(?-i:[NS](?:\.?[NESW]){0,2}\.?|[EW](?:\.?[NS](?:\.?[EW])?)?\.?)"
#: A compass direction in words or abbreviations, including by-points and hyphenated forms.
DIRECTION_RE = (
    rf"(?:(?:{_DIRWORD})(?:(?:[\s-]{{1,2}}|\s{{1,3}}by\s{{1,3}})(?:{_DIRWORD})){{0,2}}\b"
    rf"|(?<![\w.]){_ABBR}(?:\s{{0,2}}(?-i:b|by)\s{{0,2}}(?-i:[NESW]))?(?![\w]))"
)
#: A numeric bearing: "bearing 225°", "at 225 degrees", "on a bearing of 225°", "at a heading of 225°".
BEARING_RE = (
    r"(?:(?:(?:on|at)\s{1,3}a\s{1,3})?(?:bearing|heading)(?:\s{1,3}of)?|at)\s{1,3}"
    r"(?P<bearing>\d{1,3}(?:\.\d{1,3})?)\s{0,2}(?:°|º|degrees?\b|deg\b)(?:\s{0,2}(?:true|T\b))?"
)
#: A numeric bearing joined to the distance before it: "3 nautical miles and 250 degrees from the
#: threshold", "12 km, 045 degrees, from Nome".
BEARING_AFTER_DISTANCE_RE = (
    r"(?:and|,)\s{1,3}\d{1,3}(?:\.\d{1,3})?\s{0,2}(?:°|º|degrees?\b|deg\b)(?:\s{0,2}(?:true|T\b))?,?"
)
#: What a distance may measure before its anchor: "a 40-mile drive from Tucson" (the road
#: distance, read as the distance), "a 300-km flight from".
TRIP_NOUNS = ("drive", "walk", "ride", "trip", "journey", "hike", "trek", "flight", "sail", "march", "run")
TRIP_RE = rf"(?:{'|'.join(TRIP_NOUNS)})"
#: A travel time, which is no distance: "a 20-minute drive from Aspen", "two hours' walk from".
TRAVEL_TIME_RE = (
    r"(?:\ban?\s{1,3})?(?:(?:\d{1,3}(?:\.\d)?|[a-z]{3,12}(?:[\s-][a-z]{3,12})?)[\s-]{1,3})?"
    r"(?:minute|hour|day)s?['’]?\s{1,3}" + TRIP_RE + r"\b"
)
#: An adjective or noun naming a part of a place: "eastern", "north-western", "central".
PART_RE = r"(?:(?:north|south)[\s-]?(?:east|west)ern|northern|southern|eastern|western|central)"


# --- numbers ---------------------------------------------------------------------------------------
def _words_to_number(text: str) -> float:
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        raise InputError(f"not a number: {text!r}")
    total = 0.0
    current = 0.0
    fraction = 0.0
    i = 0
    seen = False
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t in ("a", "an"):
            if nxt in _FRACTION_WORDS:  # "two and a half", "a quarter"
                fraction += _FRACTION_WORDS[nxt]
                i += 2
                seen = True
                continue
            if nxt is None:
                if not seen:
                    current = 1.0  # "a mile"
                    seen = True
                i += 1
                continue
            if nxt in _ONES:  # "a one-mile radius", "a twenty-minute walk": the article only
                i += 1
                continue
            current = max(current, 1.0) if not seen else current
            seen = True
        elif t in _FRACTION_WORDS:  # "half a mile", "three quarter"
            fraction += _FRACTION_WORDS[t] * (current or 1.0)
            current = 0.0
            if nxt in ("a", "an"):
                i += 1
            seen = True
        elif t in _ONES:
            current += _ONES[t]
            seen = True
        elif t == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif t == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif t == "thousand":
            total += (current or 1.0) * 1000
            current = 0.0
            seen = True
        else:
            raise InputError(f"not a number: {text!r}")
        i += 1
    if not seen:
        raise InputError(f"not a number: {text!r}")
    return total + current + fraction


def _shown(text: str, limit: int = 60) -> str:
    """Return ``repr(text)``, shortened when it is long (error messages stay readable)."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"... ({len(text):,} characters)"


def parse_number(text: str) -> float:
    """Return the value of a number written in digits or in words.

    Parameters
    ----------
    text : str
        One number: ``"45"``, ``"1,200"``, ``"1.5"``, ``"1½"``, ``"1 1/2"``, ``"forty-five"``,
        ``"two and a half"``, ``"a dozen"``, ``"-3"``.

    Returns
    -------
    float

    Raises
    ------
    InputError
        When ``text`` is not a number, or its value is beyond the range of a float (so the
        result is always finite).

    Examples
    --------
    >>> parse_number("45"), parse_number("1,200"), parse_number("1.5"), parse_number("½")
    (45.0, 1200.0, 1.5, 0.5)
    >>> parse_number("1½"), parse_number("1 1/2"), parse_number("3/4"), parse_number("−5")
    (1.5, 1.5, 0.75, -5.0)
    >>> parse_number("1, 250")  # a stray space after the thousands separator
    1250.0
    >>> parse_number("forty-five"), parse_number("two and a half"), parse_number("a dozen")
    (45.0, 2.5, 12.0)
    >>> parse_number("a one"), parse_number("a hundred")
    (1.0, 100.0)
    >>> parse_number("one hundred and twenty"), parse_number("half a"), parse_number("a")
    (120.0, 0.5, 1.0)
    >>> parse_number("2.5e3"), parse_number("1/" + "9" * 5000)
    (2500.0, 0.0)
    >>> parse_number("9" * 400)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geokit.errors.InputError: number too large: '9999...'... (400 characters)
    >>> parse_number("many")
    Traceback (most recent call last):
    ...
    geokit.errors.InputError: not a number: 'many'
    """
    s = text.strip().replace("−", "-").replace("–", "-")
    if not s:
        raise InputError(f"not a number: {_shown(text)}")
    sign = 1.0
    if s[0] == "-" and len(s) > 1 and (s[1].isdigit() or s[1] in _VULGAR):
        sign, s = -1.0, s[1:]
    if s[0].isdigit() or s[0] in _VULGAR:
        m = re.fullmatch(
            r"(\d{1,3}(?:, ?\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?\s?(?:([½¼¾⅓⅔⅛⅜⅝])|(\d+)/(\d+))?", s
        )
        if not m or not any(m.groups()) or (m.group(3) and not (m.group(1) or m.group(2))):
            raise InputError(f"not a number: {_shown(text)}")
        whole, dec, exp, vulgar, num, den = m.groups()
        # float() of a digit string never raises (it gives inf when too large); int() would
        value = float((whole or "0").replace(",", "").replace(" ", "") + (dec or "") + (exp or ""))
        if vulgar:
            value += _VULGAR[vulgar]
        if num is not None:
            if float(den) == 0:
                raise InputError(f"not a number: {_shown(text)}")
            frac = float(num) / float(den)
            # "3/4" alone is a fraction; "1 1/2" is a mixed number.
            value = value + frac if whole else frac
        if not math.isfinite(value):
            raise InputError(f"number too large: {_shown(text)}")
        return sign * value
    value = _words_to_number(s)
    if not math.isfinite(value):  # "hundred hundred hundred ..."
        raise InputError(f"number too large: {_shown(text)}")
    return sign * value


# --- units -----------------------------------------------------------------------------------------
#: Quantities news gives in words, read as the range they usually mean ("several miles": 3-9).
VAGUE_NUMBERS = {
    "a couple": (2.0, 3.0),
    "a couple of": (2.0, 3.0),
    "a few": (2.0, 5.0),
    "a handful of": (3.0, 6.0),
    "several": (3.0, 9.0),
    "tens of": (20.0, 90.0),
    "dozens of": (24.0, 96.0),
    "hundreds of": (200.0, 900.0),
}
#: A vague quantity: "a few", "several", "dozens of" (see :data:`VAGUE_NUMBERS`), or a few of a
#: round number: "a few hundred", "several thousand".
VAGUE_RE = (
    r"\b(?:(?:a\s{1,3}couple(?:\s{1,3}of)?|a\s{1,3}few|several)(?:\s{1,3}(?:hundred|thousand)\b)?"
    r"|a\s{1,3}handful\s{1,3}of|tens\s{1,3}of|dozens\s{1,3}of|hundreds\s{1,3}of)"
)
_VAGUE_TIMES = {"hundred": 100.0, "thousand": 1000.0}


def parse_vague_number(text: str) -> tuple[float, float]:
    """Return the range a vague quantity stands for.

    Examples
    --------
    >>> parse_vague_number("several"), parse_vague_number("A  few"), parse_vague_number("dozens of")
    ((3.0, 9.0), (2.0, 5.0), (24.0, 96.0))
    >>> parse_vague_number("a few hundred")
    (200.0, 500.0)
    """
    words = text.lower().split()
    times = _VAGUE_TIMES.get(words[-1], 1.0) if words else 1.0
    key = " ".join(words[:-1] if times != 1.0 else words)
    if key not in VAGUE_NUMBERS:
        raise InputError(f"not a vague quantity: {_shown(text)!r}")
    low, high = VAGUE_NUMBERS[key]
    return low * times, high * times


def normalise_unit(word: str) -> str:
    """Return the normalised name of a length unit.

    Known units become ``km``, ``m``, ``mi``, ``nm``, ``ft`` or ``yd``; any other word is returned
    lower-cased, so that the caller can keep the claim and flag it ``"unknown unit"``.

    Examples
    --------
    >>> [normalise_unit(w) for w in ["kilometres", "KM", "Miles", "nautical  miles", "feet", "yds"]]
    ['km', 'km', 'mi', 'nm', 'ft', 'yd']
    >>> normalise_unit("Furlongs")
    'furlongs'
    """
    key = re.sub(r"\s+", " ", word.strip().lower().rstrip("."))
    return _UNIT_WORDS.get(key, key)


def to_metres(value: float, unit: str) -> float:
    """Convert ``value`` in ``unit`` (any spelling :func:`normalise_unit` knows) to metres.

    Raises
    ------
    InputError
        For a unit geokit cannot convert.

    Examples
    --------
    >>> to_metres(45, "kilometers"), round(to_metres(28, "mi"), 1), to_metres(1, "nautical mile")
    (45000.0, 45061.6, 1852.0)
    >>> to_metres(3, "furlongs")
    Traceback (most recent call last):
    ...
    geokit.errors.InputError: unknown unit: 'furlongs'
    """
    unit = normalise_unit(unit)
    if unit not in UNIT_METRES:
        raise InputError(f"unknown unit: {unit!r}")
    return float(value) * UNIT_METRES[unit]


# --- hedges ----------------------------------------------------------------------------------------
def parse_hedge(text: str | None) -> str | None:
    """Return the normalised hedge word for a hedge phrase, or ``None`` when there is none.

    The normalised words are ``about``, ``nearly``, ``more than``, ``just over``, ``at least``,
    ``up to``, ``within`` and ``less than`` (see :data:`HEDGES`).

    Examples
    --------
    >>> [parse_hedge(h) for h in ["Roughly", "some", "just  under", "over", "almost", "within"]]
    ['about', 'about', 'nearly', 'more than', 'nearly', 'within']
    >>> parse_hedge("very") is None, parse_hedge(None) is None
    (True, True)
    """
    if not text:
        return None
    return HEDGES.get(re.sub(r"\s+", " ", text.strip().lower()))


# --- directions ------------------------------------------------------------------------------------
_CARD = {"north": "N", "south": "S", "east": "E", "west": "W"}
#: A hyphen with a space on one side ("north- northwest", "north -northwest").
_STRAY_HYPHEN = re.compile(r"\s+-\s*|-\s+")


def _word_point(word: str) -> str:
    """'north' -> 'N', 'north-east' -> 'NE', 'S.W.' -> 'SW'."""
    w = re.sub(r"[\s.-]", "", word.lower())
    if w in _CARD:
        return _CARD[w]
    if len(w) > 5 and w[:5] in ("north", "south") and w[5:] in ("east", "west"):
        return _CARD[w[:5]] + _CARD[w[5:]]
    raise InputError(f"not a direction: {word!r}")


def _combine(points: list[str], words: str) -> str:
    """Combine compass pieces (['N', 'NE'] -> 'NNE', ['N', 'E'] -> 'NE'); raise on a conflict."""
    while len(points) > 1:
        a, b = points[-2], points[-1]
        if len(a) == 1 and len(b) == 1 and a in "NS" and b in "EW":
            points[-2:] = [a + b]  # north-east
        elif len(a) == 1 and len(b) == 2 and a in b and len(points) == 2:
            points[-2:] = [a + b]  # north-northeast -> NNE, east-northeast -> ENE
        else:
            raise InputError(f"conflicting directions: {words!r}")
    p = points[0]
    if p not in COMPASS:
        raise InputError(f"conflicting directions: {words!r}")
    return p


def _by_point(base: str, toward: str, words: str) -> Direction:
    if base not in COMPASS or len(base) > 2 or toward not in _CARD.values():
        raise InputError(f"conflicting directions: {words!r}")
    a, t = COMPASS[base], COMPASS[toward]
    diff = (t - a + 180.0) % 360.0 - 180.0
    if diff == 0 or abs(diff) > 90:
        raise InputError(f"conflicting directions: {words!r}")
    return Direction(words=words, azimuth=(a + math.copysign(11.25, diff)) % 360.0, half_angle=5.625)


def parse_direction(text: str) -> Direction | None:
    """Return the :class:`~geokit.model.Direction` a compass phrase names, or ``None`` if it names none.

    Accepts words (``north``, ``north-east``, ``northeast``, ``north-northeast``), abbreviations
    (``NNE``, ``SW``, ``S.W.``), by-points (``N by E``, ``NbE``, ``north by east``, ``NE by N``) and
    numeric bearings (see :func:`parse_bearing`). Adjectives such as ``eastern`` are parts of a
    place (:func:`parse_part`), not headings, and give ``None``.

    Raises
    ------
    InputError
        When the phrase combines compass words that cannot go together (``north-south``); its
        message starts with ``"conflicting directions"``.

    Examples
    --------
    >>> parse_direction("southwest")
    Direction(words='southwest', azimuth=225.0, half_angle=22.5)
    >>> [(d.azimuth, d.half_angle) for d in map(parse_direction, ["N", "north-northeast", "S.W.", "ENE"])]
    [(0.0, 45.0), (22.5, 11.25), (225.0, 22.5), (67.5, 11.25)]
    >>> [parse_direction(t).azimuth for t in ["N by E", "north by west", "NE by E", "SbW"]]
    [11.25, 348.75, 56.25, 191.25]
    >>> parse_direction("north- northwest").azimuth
    337.5
    >>> parse_direction("bearing 225°").half_angle
    2.5
    >>> parse_direction("eastern") is None
    True
    >>> parse_direction("north-south")
    Traceback (most recent call last):
    ...
    geokit.errors.InputError: conflicting directions: 'north-south'
    """
    words = text.strip()
    if not words:
        return None
    if re.search(r"\d", words):
        try:
            return parse_bearing(words)
        except InputError:
            return None
    # Abbreviations (case-sensitive): "NNE", "S.W.", "N by E", "NbE".
    abbr = re.fullmatch(r"((?:[NESW]\.?){1,3})(?:\s*(?:b|by)\s*([NESW])\.?)?", words)
    if abbr:
        point = abbr.group(1).replace(".", "")
        if abbr.group(2):
            return _by_point(point, abbr.group(2), words)
        if point not in COMPASS:
            raise InputError(f"conflicting directions: {words!r}")
        return Direction(words=words, azimuth=COMPASS[point], half_angle=45.0 / 2 ** (len(point) - 1))
    low = _STRAY_HYPHEN.sub("-", words.lower())  # "north- northwest": a line break's leftover
    if re.search(r"ern\b|\bcentral\b", low):
        return None
    parts = re.split(r"\s+by\s+", low)
    if len(parts) > 2:
        raise InputError(f"conflicting directions: {words!r}")
    pieces = re.findall(r"(?:north|south)[\s-]?(?:east|west)|north|south|east|west|\S+", parts[0])
    try:
        points = [_word_point(p) for p in pieces]
    except InputError:
        return None
    if not points:
        return None
    if len(parts) == 2:
        try:
            toward = _word_point(parts[1])
        except InputError:
            return None
        base = _combine(points, words)
        return _by_point(base, toward, words)
    point = _combine(points, words)
    return Direction(words=words, azimuth=COMPASS[point], half_angle=45.0 / 2 ** (len(point) - 1))


def parse_bearing(text: str) -> Direction:
    """Return the direction of a numeric bearing (degrees clockwise from north).

    The half-angle is :data:`BEARING_HALF_ANGLE`.

    Raises
    ------
    InputError
        When no number is found or it is not in [0, 360].

    Examples
    --------
    >>> parse_bearing("bearing 225°")
    Direction(words='bearing 225°', azimuth=225.0, half_angle=2.5)
    >>> parse_bearing("at 360 degrees").azimuth
    0.0
    >>> parse_bearing("bearing 400°")
    Traceback (most recent call last):
    ...
    geokit.errors.InputError: bearing out of range: 'bearing 400°'
    """
    m = re.search(r"\d{1,6}(?:\.\d{1,6})?", text)
    if not m:
        raise InputError(f"not a bearing: {text!r}")
    value = float(m.group())
    if not 0.0 <= value <= 360.0:
        raise InputError(f"bearing out of range: {text!r}")
    return Direction(words=text.strip(), azimuth=value % 360.0, half_angle=BEARING_HALF_ANGLE)


# --- parts of places ---------------------------------------------------------------------------------
def parse_part(text: str) -> str | None:
    """Return the normalised part label of a part word, or ``None``.

    ``"eastern"``, ``"east"`` and ``"East"`` give ``"east"``; ``"north-western"`` gives
    ``"northwest"``; ``"central"`` gives ``"central"``.

    Examples
    --------
    >>> [parse_part(w) for w in ["eastern", "West", "north-western", "southern", "central", "NE"]]
    ['east', 'west', 'northwest', 'south', 'central', None]
    >>> parse_part("heart")  # "in the heart of Aleppo"
    'central'
    >>> parse_part("camps") is None
    True
    """
    w = re.sub(r"[\s-]", "", text.strip().lower())
    if w in ("central", "centre", "center", "downtown", "heart"):
        return "central"
    if w.endswith("ern"):
        w = w[:-3]
    if w in _CARD:
        return w
    if len(w) > 5 and w[:5] in ("north", "south") and w[5:] in ("east", "west"):
        return w
    return None
