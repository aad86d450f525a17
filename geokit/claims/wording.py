"""How geokit says a claim to people: one wording for the terminal, the checks, the frames and the map.

"nearly 28 mi (45.1 km) NE of Sirte", "in the eastern part of Mosul", "within Mosul": where a
claim puts its target, seen from the anchor (an inverse claim is turned round), with the distance
as written and its km beside any other unit. :func:`describe` adds that an inverse claim was
written the other way round; the map's popup says that in a row of its own (:func:`as_written`).
Place kinds and claim flags in plain words are here too.

The words are data, ``geokit/_data/claim_wording.json`` (one table, read once); this module only
fills them in. Nothing here escapes HTML: the map does (:func:`geokit.maps.popups.esc`).

Examples
--------
>>> from geokit.model import Claim, Direction, Distance, Place
>>> sirte = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY")
>>> c = Claim(id="b", document="d", quote="", start=0, end=0, relation="offset", target="camps",
...           anchor_text="Sirte", anchor=sirte, distance=Distance(28, "mi", 45061.6),
...           direction=Direction("southwest", 225.0, 22.5), hedge="nearly", inverse=True)
>>> claim_says(c)
'nearly 28 mi (45.1 km) NE of Sirte'
>>> describe(c)
'nearly 28 mi (45.1 km) NE of Sirte (written the other way round)'
>>> as_written(c)
'the other way round: Sirte is SW of the target'
>>> kind_word("admin1"), kind_word("city"), kind_word("island group")
('state or province', 'city', 'islands')
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from geokit.claims.grammar import UNIT_METRES, compass_word
from geokit.resources import word_lists

if TYPE_CHECKING:
    from geokit.model import Claim, Distance

__all__ = [
    "as_written",
    "claim_says",
    "claim_wording",
    "describe",
    "distance_words",
    "flag_words",
    "kind_word",
    "km",
    "target_bearing",
]


class _Blanks(dict[str, str]):
    """The pieces of a template, an unknown one (a missing hedge) filled with nothing."""

    def __missing__(self, key: str) -> str:
        return ""


_FILE = "claim_wording.json"


@functools.cache
def claim_wording() -> dict[str, Any]:
    """Return the table of claim words, ``geokit/_data/claim_wording.json``, without its notes (read once).

    Raises
    ------
    DataError
        When the installed table cannot be read.

    Examples
    --------
    >>> sorted(claim_wording())[:3]
    ['compass', 'flag_prefixes', 'flags']
    """
    return word_lists(_FILE)


def target_bearing(claim: Claim) -> float | None:
    """Return the bearing of the target seen from the anchor, in degrees [0, 360), or ``None``.

    For an inverse claim (the anchor is stated relative to the target) it is the stated azimuth + 180.

    Examples
    --------
    >>> from geokit.model import Claim, Direction
    >>> c = Claim(id="b", document="dod", quote="", start=0, end=0, relation="offset", target="camp",
    ...           anchor_text="Sirte", direction=Direction("southwest", 225.0, 22.5), inverse=True)
    >>> target_bearing(c)
    45.0
    """
    if claim.direction is None:
        return None
    az = claim.direction.azimuth + (180.0 if claim.inverse else 0.0)
    return az % 360.0


def _km_number(metres: float) -> str:
    return f"{metres / 1000:.1f}" if abs(metres) >= 10_000 else f"{metres / 1000:.2f}"


def km(metres: float | None) -> str:
    """Format a distance in metres as kilometres for people: one decimal from 10 km, two below.

    Examples
    --------
    >>> km(45123.0), km(850.0), km(None)
    ('45.1 km', '0.85 km', '?')
    """
    if metres is None:
        return "?"
    return f"{_km_number(metres)} km"


def _beside(metres: float, metres2: float | None = None) -> str:
    """Return metres (a range's ends) in km, or in m when under a kilometre: "45.1 km", "0.61-1.52 m"."""
    top = metres if metres2 is None else max(metres, metres2)
    if top >= 999.5:
        number = _km_number
        unit = "km"
    else:
        number = _m_number
        unit = "m"
    return f"{number(metres)} {unit}" if metres2 is None else f"{number(metres)}-{number(metres2)} {unit}"


def _m_number(metres: float) -> str:
    return f"{metres:.0f}" if abs(metres) >= 100 else f"{metres:.3g}"


def distance_words(d: Distance) -> str:
    """Return a stated distance as written and, in another unit, in km beside it: "28 mi (45.1 km)".

    A range gives both ends; under a kilometre the distance beside is in metres; a unit geokit
    cannot convert ("3 leagues") has none beside it.

    Examples
    --------
    >>> from geokit.model import Distance
    >>> distance_words(Distance(28, "mi", 45061.6)), distance_words(Distance(45, "km", 45000.0))
    ('28 mi (45.1 km)', '45 km')
    >>> distance_words(Distance(10, "mi", 20116.8, value2=15)), distance_words(Distance(3, "leagues", 0.0))
    ('10-15 mi (16.1-24.1 km)', '3 leagues')
    >>> distance_words(Distance(2, "ft", 1.0668, value2=5)), distance_words(Distance(500, "m", 500.0))
    ('2-5 ft (0.61-1.52 m)', '500 m')
    """
    value = f"{d.value:g}" + (f"-{d.value2:g}" if d.value2 is not None else "")
    per = UNIT_METRES.get(d.unit)
    if d.unit in ("km", "m") or per is None:
        return f"{value} {d.unit}"
    if d.value2 is None:
        return f"{value} {d.unit} ({_beside(d.metres)})"
    return f"{value} {d.unit} ({_beside(d.value * per, d.value2 * per)})"


def _fill(templates: list[str], pieces: Mapping[str, str | None]) -> str | None:
    """Fill the first template whose pieces are all known (``hedge`` may be missing)."""
    for template in templates:
        needed = [name for _, name, _, _ in string.Formatter().parse(template) if name and name != "hedge"]
        if all(pieces.get(p) for p in needed):
            text = template.format_map(_Blanks({k: v or "" for k, v in pieces.items()}))
            return " ".join(text.split()).replace(" ,", ",")
    return None


def _anchor_name(claim: Claim) -> str | None:
    return (claim.anchor.name if claim.anchor is not None else claim.anchor_text) or None


def _pieces(claim: Claim) -> dict[str, str | None]:
    compass = claim_wording()["compass"]
    anchor2 = claim.anchor2.name if claim.anchor2 is not None else claim.anchor2_text
    bearing = target_bearing(claim)
    point = None
    if bearing is not None and claim.direction is not None and claim.direction.half_angle < 180:
        point = compass_word(bearing)
    distance = claim.distance
    return {
        "anchor": _anchor_name(claim),
        "anchor2": anchor2 or None,
        "hedge": claim.hedge if distance is not None else None,
        "distance": distance_words(distance) if distance is not None else None,
        "compass": point,
        "side": compass[point][0] if point else None,
        "part": compass[point][1] if point else None,
    }


def claim_says(claim: Claim) -> str:
    """Return where a claim puts its target, as seen from the anchor: "nearly 28 mi (45.1 km) NE of Sirte".

    The direction is the target's (an inverse claim is turned round); the distance is as written,
    with its km when written in another unit. An anchor not found in the gazetteer is named as
    the text wrote it.

    Examples
    --------
    >>> from geokit.model import Claim, Direction, Place
    >>> mosul = Place("geonames:99072", "Mosul", "city", 36.335, 43.119, "IQ")
    >>> c = Claim(id="p", document="d", quote="", start=0, end=0, relation="part", target="east Mosul",
    ...           anchor_text="Mosul", anchor=mosul, direction=Direction("eastern", 90.0, 90.0))
    >>> claim_says(c)
    'in the eastern part of Mosul'
    >>> claim_says(Claim(id="x", document="d", quote="", start=0, end=0, relation="extent",
    ...                  target="t", anchor_text="Mosul", anchor=mosul))
    'within Mosul'
    """
    words = claim_wording()
    pieces = _pieces(claim)
    templates = words["relations"].get(claim.relation)
    said = _fill(templates, pieces) if templates else None
    return said or _fill([words["unknown_relation"]], pieces) or str(words["no_anchor"])


def describe(claim: Claim) -> str:
    """Return what a claim says (:func:`claim_says`), noting when it was written the other way round.

    The wording of the terminal (``geokit check``, ``geokit resolve``), of the checks' reasons
    and summaries, of the checks frame and of the map's checks panel.

    Examples
    --------
    >>> from dataclasses import replace
    >>> from geokit.model import Claim, Direction, Place
    >>> homs = Place("g:1", "Homs", "city", 34.73, 36.71, "SY")
    >>> north = Claim("n", "d", "", 0, 0, "direction", "camp", "Homs", anchor=homs,
    ...               direction=Direction("north", 0.0, 45.0))
    >>> describe(north), describe(replace(north, inverse=True))
    ('N of Homs', 'S of Homs (written the other way round)')
    """
    said = claim_says(claim)
    return said + str(claim_wording()["inverse_note"]) if claim.inverse else said


def as_written(claim: Claim) -> str | None:
    """Return how an inverse claim was written: "the other way round: Sirte is SW of the target".

    ``None`` for a claim written forward, and for one without a direction or an anchor to say it with.
    """
    if not claim.inverse or claim.direction is None or claim.direction.half_angle >= 180:
        return None
    anchor = _anchor_name(claim)
    if not anchor:
        return None
    return str(claim_wording()["turned_round"]).format(
        anchor=anchor, compass=compass_word(claim.direction.azimuth)
    )


def kind_word(kind: str | None) -> str:
    """Return a place kind as people say it ("admin1": "state or province").

    Examples
    --------
    >>> kind_word("airbase"), kind_word("part-of-place"), kind_word(None)
    ('air base', 'part of a place', 'place')
    """
    if not kind:
        return "place"
    return str(claim_wording()["kinds"].get(kind, kind.replace("_", " ").replace("-", " ")))


def flag_words(flag: str) -> str:
    """Return a claim's flag in plain words (flags not in the table are already plain).

    Examples
    --------
    >>> flag_words("no distance or border for inside")
    '"into" a country without a distance or a border'
    >>> flag_words("unknown relation: towards")
    'a way of placing geokit does not read: towards'
    >>> flag_words("estimate at sea")
    'estimate at sea'
    """
    words = claim_wording()
    text = str(flag)
    if text in words["flags"]:
        return str(words["flags"][text])
    for prefix, said in words["flag_prefixes"].items():
        if text.startswith(prefix):
            return str(said) + text[len(prefix) :].replace("_", " ")
    return text
