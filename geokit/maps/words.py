"""Plain words for the map: what a claim says, place kinds, flags, methods and uncertainty parts.

Popups, tooltips, the legend and the search box show people these words, never geokit's internal
names (``offset``, ``near-disk``, ``admin1``, ``distance_precision``…). The words are data, in
``geokit/maps/words.json`` (one table), read once; this module only fills them in. Nothing here
escapes HTML: the callers do (:func:`geokit.maps.popups.esc`).

Examples
--------
>>> from geokit.model import Claim, Direction, Distance, Place
>>> sirte = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY")
>>> c = Claim(id="b", document="d", quote="", start=0, end=0, relation="offset", target="camps",
...           anchor_text="Sirte", anchor=sirte, distance=Distance(28, "mi", 45061.6),
...           direction=Direction("southwest", 225.0, 22.5), hedge="nearly", inverse=True)
>>> claim_says(c)
'nearly 28 mi (45.1 km) NE of Sirte'
>>> claim_rows(c)[1]
('as written', 'the other way round: Sirte is SW of the target')
>>> kind_word("admin1"), kind_word("city"), kind_word("island group")
('state or province', 'city', 'islands')
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from collections.abc import Mapping
from typing import Any

from geokit.errors import DataError

__all__ = [
    "claim_rows",
    "claim_says",
    "component_word",
    "display_words",
    "distance_words",
    "flag_words",
    "kind_word",
    "method_word",
]

_PIECE = re.compile(r"\{(\w+)\}")


@functools.cache
def display_words() -> dict[str, Any]:
    """Return the table of display words, ``geokit/maps/words.json`` (read once).

    Examples
    --------
    >>> sorted(display_words())[:3]
    ['about', 'claim_rows', 'compass']
    """
    try:
        text = (importlib.resources.files("geokit.maps") / "words.json").read_text(encoding="utf-8")
        words = json.loads(text)
    except (OSError, ValueError) as exc:
        raise DataError(f"geokit's map words (maps/words.json) cannot be read: {exc}") from exc
    if not isinstance(words, dict):
        raise DataError("geokit's map words (maps/words.json) are not a table")
    return words


def kind_word(kind: str | None) -> str:
    """Return a place kind as people say it ("admin1": "state or province").

    Examples
    --------
    >>> kind_word("airbase"), kind_word("part-of-place"), kind_word(None)
    ('air base', 'part of a place', 'place')
    """
    if not kind:
        return "place"
    return str(display_words()["kinds"].get(kind, kind.replace("_", " ").replace("-", " ")))


def method_word(method: str) -> str:
    """Return how an estimate was made, in words ("offset-sector": "from a distance and a direction").

    Examples
    --------
    >>> method_word("near-disk"), method_word("new-method")
    ('near the anchor', 'new method')
    """
    return str(display_words()["methods"].get(method, method.replace("-", " ").replace("_", " ")))


def component_word(name: str) -> tuple[str, str, bool]:
    """Return ``(words, unit, a cause of uncertainty?)`` of a part of an estimate's uncertainty.

    Units: ``m`` (metres, shown in km) or ``deg``.

    Examples
    --------
    >>> component_word("distance_precision")
    ('rounding of the stated distance', 'm', True)
    >>> component_word("new_part")
    ('new part', 'm', True)
    """
    entry = display_words()["components"].get(name)
    if entry is None:
        return name.replace("_", " "), "m", True
    words, unit, uncertain = entry
    return str(words), str(unit), bool(uncertain)


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
    words = display_words()
    text = str(flag)
    if text in words["flags"]:
        return str(words["flags"][text])
    for prefix, said in words["flag_prefixes"].items():
        if text.startswith(prefix):
            return str(said) + text[len(prefix) :].replace("_", " ")
    return text


def distance_words(d: Any) -> str:
    """Return a stated distance with its unit and, when not in km, its value in km: "28 mi (45.1 km)".

    Examples
    --------
    >>> from geokit.model import Distance
    >>> distance_words(Distance(28, "mi", 45061.6)), distance_words(Distance(45, "km", 45000.0))
    ('28 mi (45.1 km)', '45 km')
    """
    from geokit.maps.popups import km

    value = f"{d.value:g}" + (f"-{d.value2:g}" if getattr(d, "value2", None) is not None else "")
    if d.unit == "km":
        return f"{value} km"
    return f"{value} {d.unit} ({km(d.metres)})"


def _fill(templates: list[str], pieces: Mapping[str, str | None]) -> str | None:
    """Fill the first template whose pieces are all known (``hedge`` may be missing)."""
    for template in templates:
        needed = [p for p in _PIECE.findall(template) if p != "hedge"]
        if all(pieces.get(p) for p in needed):
            text = _PIECE.sub(lambda m: pieces.get(m.group(1)) or "", template)
            return " ".join(text.split()).replace(" ,", ",")
    return None


def _pieces(claim: Any) -> dict[str, str | None]:
    from geokit.checks.compare import target_bearing
    from geokit.claims.grammar import compass_word

    compass = display_words()["compass"]
    anchor = claim.anchor.name if claim.anchor is not None else claim.anchor_text
    anchor2 = claim.anchor2.name if claim.anchor2 is not None else getattr(claim, "anchor2_text", None)
    bearing = target_bearing(claim)
    point = None
    if bearing is not None and claim.direction is not None and claim.direction.half_angle < 180:
        point = compass_word(bearing)
    distance = claim.distance
    return {
        "anchor": anchor or None,
        "anchor2": anchor2 or None,
        "hedge": claim.hedge if distance is not None else None,
        "distance": distance_words(distance) if distance is not None else None,
        "compass": point,
        "side": compass[point][0] if point else None,
        "part": compass[point][1] if point else None,
    }


def claim_says(claim: Any) -> str:
    """Return where a claim puts its target, as seen from the anchor: "nearly 28 mi (45.1 km) NE of Sirte".

    The direction is the target's (an inverse claim is turned round); the distance is as written,
    with its km when written in another unit.

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
    words = display_words()
    pieces = _pieces(claim)
    templates = words["relations"].get(claim.relation)
    said = _fill(templates, pieces) if templates else None
    return said or _fill([words["unknown_relation"]], pieces) or "placed relative to an unnamed place"


def claim_rows(claim: Any) -> list[tuple[str, str]]:
    """Return a claim's table in a popup: what it says and, for an inverse claim, how it was written.

    Analysts' corrections are added by the caller (they have their own wording).
    """
    from geokit.claims.grammar import compass_word

    rows = display_words()["claim_rows"]
    out = [(rows["says"], claim_says(claim))]
    if claim.inverse:
        pieces = _pieces(claim)
        point = None
        if claim.direction is not None and claim.direction.half_angle < 180:
            point = compass_word(claim.direction.azimuth)
        if point is not None and pieces["anchor"]:
            out.append(
                (rows["as_written"], rows["turned_round"].format(anchor=pieces["anchor"], compass=point))
            )
    return out
