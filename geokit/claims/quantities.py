"""Read the distance and direction of a matched expression into the data model, with flags.

:func:`read_distance` turns the groups of a distance match (:data:`geokit.claims.patterns.OFFSET_RE`,
:data:`~geokit.claims.patterns.IMPLICIT_RE`) into a :class:`~geokit.model.Distance` and the
parenthetical one ("28 miles (45 km)"); :func:`read_direction` a compass phrase or bearing into a
:class:`~geokit.model.Direction`. What cannot be read is flagged, never raised.

Examples
--------
>>> from geokit.claims.patterns import OFFSET_RE
>>> flags = []
>>> dist, alt = read_distance(OFFSET_RE.search("about 28 miles (45 km) southwest of Sirte"), flags)
>>> dist.value, dist.unit, alt.metres, flags
(28.0, 'mi', 45000.0, [])
>>> read_direction("north-south", None, flags), flags
(None, ['conflicting directions'])
"""

from __future__ import annotations

import math
import re

from geokit.claims.grammar import (
    UNIT_METRES,
    normalise_unit,
    parse_bearing,
    parse_direction,
    parse_number,
    parse_vague_number,
)
from geokit.errors import InputError
from geokit.geo import EARTH_HALF_CIRCUMFERENCE_M
from geokit.model import Direction, Distance

__all__ = ["read_direction", "read_distance"]

_BEYOND = "distance beyond half the Earth's circumference"


def _number(text: str, flags: list[str]) -> float | None:
    try:
        return parse_number(text)
    except InputError as exc:
        flags.append(_BEYOND if "too large" in str(exc) else "unreadable number")
        return None


def read_distance(m: re.Match[str], flags: list[str]) -> tuple[Distance | None, Distance | None]:
    """Build the distance (and the parenthetical one) of a distance match; add flags."""
    v1: float | None
    v2: float | None
    if m.group("vague"):  # "several miles": the range the words usually mean
        written = m.group("vague")
        v1, v2 = parse_vague_number(written)
        flags.append("vague number")
    else:
        if m.group("between"):
            n1, n2 = m.group("b1"), m.group("b2")
            written = f"{n1}-{n2}"
        else:
            n1, n2 = m.group("num"), m.group("num2")
            written = m.string[m.start("num") : m.end("num2")] if n2 else n1
        v1 = _number(n1, flags)
        v2 = _number(n2, flags) if n2 else None
        if m.group("andhalf") and v1 is not None:  # "a mile and a half": 1.5 miles
            v1, v2 = v1 + 0.5, (v2 + 0.5 if v2 is not None else None)
            written += " and a half"
    if v1 is None:
        return None, None
    unit = normalise_unit(m.group("unit"))
    mid = v1 if v2 is None else (v1 + v2) / 2.0
    if unit in UNIT_METRES:
        metres = mid * UNIT_METRES[unit]
        if not math.isfinite(metres):  # "1e308 km": the value is a float, the metres are not
            flags.append(_BEYOND)
            return None, None
    else:
        metres = 0.0
        flags.append("unknown unit")
    dist = Distance(value=v1, unit=unit, metres=metres, text=written.strip(), value2=v2)
    if unit in UNIT_METRES:
        if v1 < 0 or (v2 is not None and v2 < 0):
            flags.append("negative distance")
        elif v1 == 0 and not v2:
            flags.append("distance is zero")
        if max(abs(v1), abs(v2 or 0.0)) * UNIT_METRES[unit] > EARTH_HALF_CIRCUMFERENCE_M:
            flags.append(_BEYOND)
    alt = None
    if m.group("pnum"):
        pv = _number(m.group("pnum"), flags)
        punit = normalise_unit(m.group("punit"))
        pm = pv * UNIT_METRES[punit] if pv is not None and punit in UNIT_METRES else 0.0
        if pv is not None and math.isfinite(pm):
            alt = Distance(value=pv, unit=punit, metres=pm, text=m.group("pnum").strip())
            if pm and metres and abs(pm - metres) > 0.1 * max(pm, metres):
                flags.append("paired distances disagree")
    return dist, alt


def read_direction(words: str | None, bearing: str | None, flags: list[str]) -> Direction | None:
    """Return the direction of a bearing, else of compass words, else None; flag what cannot be read."""
    try:
        if bearing:
            return parse_bearing(bearing)
        if words:
            return parse_direction(words)
    except InputError as exc:
        flags.append("conflicting directions" if "conflicting" in str(exc) else "bearing out of range")
    return None
