"""Compare two claims about one target: a verdict and the reasons for it, in plain words.

What is compared
----------------
- **Directions** (when both claims are stated from the same anchor: the same id, or anchors within
  the sum of their extents, at least ``SAME_ANCHOR_M``): the bearing of the *target* seen from the
  anchor, i.e. the stated azimuth, or the stated azimuth + 180° for an inverse claim ("Sirte is 28
  miles SW of the camps" puts the camps NE of Sirte). Sectors that overlap agree; a difference of
  ``OPPOSITE_DEG`` or more is "opposite"; anything else "differs by N°".
- **Distances** (same anchor): the ranges ``low_m``-``high_m`` (else ``metres`` ± ``precision_m``)
  agree when they meet or differ by at most ``DISTANCE_REL_TOL`` of the larger. A mismatch whose
  numbers are equal but whose units differ ("45 mi" vs "45 km") is reported as units confused.
- **Anchors** (different anchors): with distances ``d_a``, ``d_b`` the anchors ``D`` apart can both
  hold only if ``D <= d_a + d_b + extents`` and ``D >= |d_a - d_b| - extents`` (triangle inequality).
- **Regions**: geodesic separation of the estimate points, and the overlap = area of the
  intersection / area of the smaller region, in a local equal-area projection
  (:func:`geokit.checks.geometry.region_overlap`).
- **Ground truth**: an estimate at sea (land mask) or outside the country the text places the claim
  in is named (it does not change the verdict).

Verdict rules
-------------
1. ``uncertain`` when either estimate is missing (the comparisons above are still reported).
2. ``disagree`` when the anchors cannot both hold, or when the regions do not overlap (overlap below
   ``NO_OVERLAP``) and at least one of: the separation exceeds the sum of the two radii, the
   directions are opposite, the distances from the same anchor mismatch.
3. ``agree`` when the regions overlap substantially (at least ``AGREE_OVERLAP`` of the smaller) and
   neither the distances mismatch nor the directions are opposite.
4. ``uncertain`` otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokit.checks.geometry import region_overlap, separation_m
from geokit.checks.land import COAST_TOLERANCE_M, at_sea, country_name, outside_country
from geokit.model import Check

if TYPE_CHECKING:
    from geokit.model import Claim, Distance, Estimate

__all__ = [
    "AGREE_OVERLAP",
    "DISTANCE_REL_TOL",
    "NO_OVERLAP",
    "OPPOSITE_DEG",
    "SAME_ANCHOR_M",
    "compare",
    "compass_word",
    "target_bearing",
]

#: Overlap (fraction of the smaller region) from which two regions agree.
AGREE_OVERLAP = 0.5
#: Overlap below which two regions count as not overlapping.
NO_OVERLAP = 0.01
#: Difference of target bearings (degrees) from which two directions are opposite.
OPPOSITE_DEG = 135.0
#: Relative tolerance on two distances whose ranges do not meet.
DISTANCE_REL_TOL = 0.05
#: Two different anchors closer than this (or than the sum of their extents) count as the same.
SAME_ANCHOR_M = 5_000.0

_COMPASS = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE")
_COMPASS += ("S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
_UNIT_NAMES = {
    "km": "kilometres",
    "mi": "miles",
    "m": "metres",
    "nm": "nautical miles",
    "ft": "feet",
    "yd": "yards",
}


def compass_word(azimuth: float) -> str:
    """Return the 16-point compass word of an azimuth in degrees.

    Examples
    --------
    >>> compass_word(225), compass_word(45), compass_word(-10), compass_word(359)
    ('SW', 'NE', 'N', 'N')
    """
    return _COMPASS[int(((azimuth % 360.0) + 11.25) // 22.5) % 16]


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


def _angle_diff(a: float, b: float) -> float:
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def _name(claim: Claim) -> str:
    return claim.source or claim.document or claim.id


def _fmt_value(d: Distance) -> str:
    v = f"{d.value:g}" if d.value2 is None else f"{d.value:g}-{d.value2:g}"
    return f"{v} {d.unit}"


def _fmt_km(metres: float, digits: int) -> str:
    return f"{metres / 1000.0:.{digits}f} km"


def _range(d: Distance) -> tuple[float, float]:
    lo = d.low_m if d.low_m is not None else d.metres - d.precision_m
    hi = d.high_m if d.high_m is not None else d.metres + d.precision_m
    return max(0.0, min(lo, hi)), max(lo, hi)


def _distances_agree(a: Distance, b: Distance) -> bool:
    (alo, ahi), (blo, bhi) = _range(a), _range(b)
    if alo <= bhi and blo <= ahi:
        return True
    return abs(a.metres - b.metres) <= DISTANCE_REL_TOL * max(a.metres, b.metres)


def _units_confused(a: Distance, b: Distance) -> bool:
    if a.unit == b.unit or a.unit not in _UNIT_NAMES or b.unit not in _UNIT_NAMES:
        return False
    return abs(a.value - b.value) <= 0.02 * max(abs(a.value), abs(b.value)) and a.value > 0


def _same_anchor(a: Claim, b: Claim) -> tuple[bool, float | None]:
    """Whether the two claims share their anchor, and the anchors' separation in metres where known."""
    pa, pb = a.anchor, b.anchor
    if pa is None or pb is None:
        return False, None
    if pa.id and pa.id == pb.id:
        return True, 0.0
    sep = separation_m(pa.lat, pa.lon, pb.lat, pb.lon)
    return sep <= max(SAME_ANCHOR_M, pa.extent_m + pb.extent_m), sep


def _distance_reasons(a: Claim, b: Claim) -> tuple[list[str], bool]:
    """Reasons about the two stated distances from one anchor, and whether they mismatch."""
    da, db = a.distance, b.distance
    if da is None or db is None:
        return [], False

    def show(d: Distance, digits: int, sep: str) -> str:
        if d.unit == "km" and d.value2 is None:
            return _fmt_value(d)
        return f"{_fmt_value(d)}{sep}{_fmt_km(d.metres, digits)}{')' if sep == ' (' else ''}"

    if _distances_agree(da, db):
        return [f"distances agree: {show(da, 2, ' = ')} vs {show(db, 2, ' = ')}"], False
    reasons = [f"distance mismatch: {show(da, 1, ' (')} vs {show(db, 1, ' (')}"]
    if _units_confused(da, db):
        # name the non-kilometre figure first: "45 given as miles matches the other's 45 km"
        first, other = (db, da) if da.unit == "km" else (da, db)
        reasons.append(
            f"units confused: {first.value:g} given as {_UNIT_NAMES[first.unit]} "
            f"matches the other's {_fmt_value(other)}"
        )
    return reasons, True


def _direction_reasons(a: Claim, b: Claim) -> tuple[list[str], bool]:
    """Reasons about the two target bearings from one anchor, and whether they are opposite."""
    ta, tb = target_bearing(a), target_bearing(b)
    if ta is None or tb is None or a.direction is None or b.direction is None:
        return [], False
    wa, wb = compass_word(ta), compass_word(tb)
    diff = _angle_diff(ta, tb)
    if diff >= OPPOSITE_DEG:
        return [f"directions opposite ({wa} vs {wb})"], True
    spread = a.direction.half_angle + b.direction.half_angle
    if diff < spread - 1e-6:
        return [f"directions agree ({wa} vs {wb})" if wa != wb else f"directions agree ({wa})"], False
    if diff <= spread + 1e-6:  # the two sectors only touch: S (135-225°) and W (225-315°)
        return [f"directions adjacent ({wa} vs {wb})"], False
    return [f"directions differ by {diff:.0f}° ({wa} vs {wb})"], False


def _inverse_reason(a: Claim, b: Claim) -> list[str]:
    if a.inverse == b.inverse:
        return []
    inv = a if a.inverse else b
    where = ""
    bearing = target_bearing(inv)
    if bearing is not None and inv.anchor is not None:
        where = f": {_name(inv)} puts the target {compass_word(bearing)} of {inv.anchor.name}"
    return [f"one source states the anchor relative to the target (inverse){where}"]


def _anchors_conflict(a: Claim, b: Claim, anchor_sep: float) -> bool:
    if a.distance is None or b.distance is None or a.anchor is None or b.anchor is None:
        return False
    (alo, ahi), (blo, bhi) = _range(a.distance), _range(b.distance)
    slack = a.anchor.extent_m + b.anchor.extent_m
    return anchor_sep > ahi + bhi + slack or anchor_sep < max(alo - bhi, blo - ahi) - slack


def _ground_reasons(claim: Claim, est: Estimate) -> list[str]:
    reasons = []
    ns, ew = ("N" if est.lat >= 0 else "S"), ("E" if est.lon >= 0 else "W")
    where = f"{abs(est.lat):.2f}° {ns}, {abs(est.lon):.2f}° {ew}"
    if at_sea(est.lat, est.lon, tolerance_m=COAST_TOLERANCE_M):
        reasons.append(f"estimate lies at sea ({_name(claim)}: {where})")
    country = claim.context_country or (claim.anchor.country if claim.anchor is not None else None)
    if country and outside_country(est.lat, est.lon, country):
        reasons.append(f"estimate outside {country_name(country)} ({_name(claim)})")
    return reasons


def compare(a: Claim, ea: Estimate | None, b: Claim, eb: Estimate | None) -> Check:
    """Compare two claims about the same target and their estimates.

    Parameters
    ----------
    a, b : Claim
        The two claims (usually from different sources).
    ea, eb : Estimate or None
        Their estimates; ``None`` where a claim could not be estimated.

    Returns
    -------
    Check
        ``verdict`` is ``agree``, ``disagree`` or ``uncertain`` (rules in the module docstring);
        ``separation_m`` and ``overlap`` are ``None`` when an estimate is missing.

    Examples
    --------
    >>> from geokit.model import Claim, Distance, Direction, Estimate, Place
    >>> sirte = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY", extent_m=8000.0)
    >>> a = Claim(id="a", document="hill", quote="", start=0, end=0, relation="offset", target="camp",
    ...           anchor_text="Sirte", anchor=sirte, distance=Distance(45, "km", 45000.0, precision_m=500.0),
    ...           direction=Direction("southwest", 225.0, 22.5))
    >>> b = Claim(id="b", document="dod", quote="", start=0, end=0, relation="offset", target="camp",
    ...           anchor_text="Sirte", anchor=sirte, distance=Distance(28, "mi", 45061.0),
    ...           direction=Direction("southwest", 225.0, 22.5), inverse=True)
    >>> check = compare(a, None, b, None)
    >>> check.verdict
    'uncertain'
    >>> check.reasons[:2]
    ['distances agree: 45 km vs 28 mi = 45.06 km', 'directions opposite (SW vs NE)']
    """
    reasons: list[str] = []
    same, anchor_sep = _same_anchor(a, b)
    dist_mismatch = opposite = anchors_conflict = False
    if same:
        r, dist_mismatch = _distance_reasons(a, b)
        reasons += r
        r, opposite = _direction_reasons(a, b)
        reasons += r
    elif anchor_sep is not None and a.anchor is not None and b.anchor is not None:
        reasons.append(
            f"different anchors: {a.anchor.name} and {b.anchor.name}, {anchor_sep / 1000:.1f} km apart"
        )
        anchors_conflict = _anchors_conflict(a, b, anchor_sep)
        if anchors_conflict:
            reasons.append("anchors cannot both hold: they are too far apart for the stated distances")
    reasons += _inverse_reason(a, b)

    if ea is None or eb is None:
        for claim, est in ((a, ea), (b, eb)):
            if est is None:
                why = f" ({'; '.join(claim.flags)})" if claim.flags else ""
                reasons.append(f"no estimate for {_name(claim)}{why}")
        return Check(a.id, b.id, "uncertain", None, None, reasons)

    sep = separation_m(ea.lat, ea.lon, eb.lat, eb.lon)
    overlap = region_overlap(ea, eb)
    beyond_radii = sep > ea.radius_m + eb.radius_m
    reasons.append(
        f"estimates {sep / 1000:.1f} km apart ({'more' if beyond_radii else 'less'} than the radii "
        f"{ea.radius_m / 1000:.1f} + {eb.radius_m / 1000:.1f} km)"
    )
    disjoint = overlap is not None and overlap < NO_OVERLAP
    if overlap is not None:
        if overlap <= 0.0:
            reasons.append("regions do not overlap")
        elif disjoint:
            reasons.append(f"regions barely overlap ({overlap:.1%})")
        else:
            reasons.append(f"regions overlap {overlap:.0%}")
    reasons += _ground_reasons(a, ea) + _ground_reasons(b, eb)

    if anchors_conflict or (disjoint and (beyond_radii or opposite or dist_mismatch)):
        verdict = "disagree"
    elif overlap is not None and overlap >= AGREE_OVERLAP and not (dist_mismatch or opposite):
        verdict = "agree"
    else:
        verdict = "uncertain"
    return Check(a.id, b.id, verdict, sep, overlap, reasons)
