"""Compare two claims about one target: a verdict and the reasons for it, in plain words.

The model
---------
Each claim is read as the **set of places where the target can be**, given its words: the
distance interval that the number's rounding and the hedge allow (``Distance.low_m`` to
``high_m``, see :mod:`geokit.estimates.policy`), the direction sector (the target's bearing from
the anchor ± the word's half-angle; an inverse claim, "Sirte is 28 miles SW of the camps", puts
the target NE of Sirte) and the anchor's extent. The estimate stage draws that set as the claim's
region. Two claims **agree** when both can hold at once with room to spare, **disagree** when no
place satisfies both, and are **uncertain** only when a claim is too vague to tell (a reach set by
convention, "near X") or when the sets only touch.

How it is decided
-----------------
1. A claim without an estimate (its anchor unknown, an impossible distance) leaves the pair
   ``uncertain``, and the reason names the claim and why.
2. **Same anchor** (the same gazetteer id, or anchors closer than ``SAME_ANCHOR_M``): both claims
   measure from one reference point, whose extent they share, so the words are compared directly.
   (Two towns of one conurbation, "Porto Alegre" and "Canoas", are different anchors.)
   Distance intervals that do not meet, or direction sectors that do not meet, ``disagree``; the
   reason says which ("distances cannot meet: 10 km (5-15 km) vs 60 km (55-65 km)", "directions
   opposite (NE vs SW)") and why it may have happened ("units confused: 35 given as miles matches
   the other's 35 km"; "one source states the anchor relative to the target (inverse)"). Intervals
   or sectors that only touch (within ``TOUCH_M`` / ``TOUCH_DEG``) are ``uncertain``; otherwise
   ``agree``.
3. **Different anchors, or other relations** ("near", "between", "outskirts"...): the two regions
   are intersected in a local equal-area projection. An intersection of at least ``MEET_FRACTION``
   of the smaller region ``agrees`` (triangulation: two towns 40 km apart can pin a camp to a few
   km); a smaller one is ``uncertain`` ("regions barely meet"); none ``disagrees`` — unless one claim
   is vague (``VAGUE_RELATIONS``: its reach is a convention, not the words), then ``uncertain``.
   A disagreement is explained: anchors too far apart (or too close) for the stated distances
   (the triangle inequality with the extents), a unit confusion or an inverse reading that would
   make the two meet (each tried by re-estimating the claim read that way), or the directions.
4. Facts are reported whatever the verdict: the separation of the two estimate points, the overlap
   of the regions, an estimate at sea or outside the country the text names (``offshore`` claims
   belong at sea and are not reported so).
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import TYPE_CHECKING

from geokit.checks.geometry import region_overlap, separation_m
from geokit.checks.land import (
    COAST_TOLERANCE_M,
    at_sea,
    claim_country,
    country_name,
    outside_country,
    put_at_sea,
)
from geokit.claims.grammar import UNIT_NAMES, compass_word
from geokit.claims.wording import describe, target_bearing
from geokit.geo import format_latlon
from geokit.kinds import Verdict
from geokit.model import Check

if TYPE_CHECKING:
    from geokit.model import Claim, Distance, Estimate

__all__ = [
    "MEET_FRACTION",
    "OPPOSITE_DEG",
    "SAME_ANCHOR_M",
    "TOUCH_DEG",
    "TOUCH_M",
    "VAGUE_RELATIONS",
    "compare",
]

#: Intersection (fraction of the smaller region) from which two regions meet with room to spare.
MEET_FRACTION = 0.01
#: Difference of target bearings (degrees) from which two directions are called opposite.
OPPOSITE_DEG = 135.0
#: Two different anchors (gazetteer ids) closer than this count as one reference point.
SAME_ANCHOR_M = 2_000.0
#: Two distance intervals whose gap or overlap is under this only touch.
TOUCH_M = 1.0
#: Two direction sectors whose gap or overlap is under this (degrees) only touch.
TOUCH_DEG = 0.5
#: Relations whose reach is a convention of the policy, not the words: too vague to contradict.
VAGUE_RELATIONS = frozenset({"near", "outskirts", "outside", "part", "side"})
#: Relations read as (distance interval, direction sector) from the anchor.
_SET_RELATIONS = frozenset({"offset", "distance", "direction"})

#: Units a reporter confuses with each other (the long-distance ones).
_CONFUSABLE_UNITS = ("km", "mi", "nm")


def _angle_diff(a: float, b: float) -> float:
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def _name(claim: Claim) -> str:
    return claim.source or claim.document or claim.id


def _fmt_value(d: Distance) -> str:
    v = f"{d.value:g}" if d.value2 is None else f"{d.value:g}-{d.value2:g}"
    return f"{v} {d.unit}"


def _range(d: Distance) -> tuple[float, float]:
    lo = d.low_m if d.low_m is not None else d.metres - d.precision_m
    hi = d.high_m if d.high_m is not None else d.metres + d.precision_m
    return max(0.0, min(lo, hi)), max(lo, hi)


def _fmt_range(d: Distance) -> str:
    lo, hi = _range(d)
    return f"{lo / 1000:.3g}-{hi / 1000:.3g} km"


def _units_confused(a: Distance, b: Distance) -> bool:
    if a.unit == b.unit or a.unit not in UNIT_NAMES or b.unit not in UNIT_NAMES:
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
    return sep <= SAME_ANCHOR_M, sep


def _sector(claim: Claim) -> tuple[float, float] | None:
    bearing = target_bearing(claim)
    if bearing is None or claim.direction is None or claim.direction.half_angle >= 180.0:
        return None
    return bearing, claim.direction.half_angle


def _distance_gap(a: Claim, b: Claim) -> float | None:
    """Return the gap (m) between the two distance intervals: negative when they overlap, None without one."""
    if a.distance is None or b.distance is None:
        return None
    (alo, ahi), (blo, bhi) = _range(a.distance), _range(b.distance)
    return max(alo, blo) - min(ahi, bhi)


def _direction_gap(a: Claim, b: Claim) -> float | None:
    """Degrees between the two direction sectors (negative: they overlap); None if one has none."""
    sa, sb = _sector(a), _sector(b)
    if sa is None or sb is None:
        return None
    return _angle_diff(sa[0], sb[0]) - (sa[1] + sb[1])


def _distance_reasons(a: Claim, b: Claim, gap: float) -> list[str]:
    da, db = a.distance, b.distance
    assert da is not None and db is not None

    def show(d: Distance) -> str:
        exact = d.unit == "km" and d.value2 is None
        return _fmt_value(d) if exact else f"{_fmt_value(d)} = {d.metres / 1000:.2f} km"

    if gap < -TOUCH_M:
        return [f"distances agree: {show(da)} vs {show(db)}"]
    if gap <= TOUCH_M:
        return [f"distances only touch: {show(da)} ({_fmt_range(da)}) vs {show(db)} ({_fmt_range(db)})"]
    reasons = [f"distances cannot meet: {show(da)} ({_fmt_range(da)}) vs {show(db)} ({_fmt_range(db)})"]
    if _units_confused(da, db):
        first, other = (db, da) if da.unit == "km" else (da, db)  # the non-kilometre figure first
        reasons.append(
            f"units confused: {first.value:g} given as {UNIT_NAMES[first.unit]} "
            f"matches the other's {_fmt_value(other)}"
        )
    return reasons


def _direction_reasons(a: Claim, b: Claim, gap: float) -> list[str]:
    sa, sb = _sector(a), _sector(b)
    assert sa is not None and sb is not None
    wa, wb = compass_word(sa[0]), compass_word(sb[0])
    diff = _angle_diff(sa[0], sb[0])
    if gap < -TOUCH_DEG:
        return [f"directions agree ({wa} vs {wb})" if wa != wb else f"directions agree ({wa})"]
    if gap <= TOUCH_DEG:  # the two sectors only touch: S (135-225°) and W (225-315°)
        return [f"directions adjacent ({wa} vs {wb}): both hold only on the line between them"]
    if diff >= OPPOSITE_DEG:
        return [f"directions opposite ({wa} vs {wb})"]
    return [f"directions differ by {diff:.0f}° ({wa} vs {wb})"]


def _inverse_reason(a: Claim, b: Claim) -> list[str]:
    if a.inverse == b.inverse:
        return []
    inv = a if a.inverse else b
    where = ""
    bearing = target_bearing(inv)
    if bearing is not None and inv.anchor is not None:
        where = f": {_name(inv)} puts the target {compass_word(bearing)} of {inv.anchor.name}"
    return [f"one source states the anchor relative to the target (inverse){where}"]


@lru_cache(maxsize=65_536)
def _on_the_ground(lat: float, lon: float, country: str | None) -> tuple[bool, bool]:
    """Whether a point is at sea, and whether it lies outside the country (a corpus asks again and again)."""
    return at_sea(lat, lon, tolerance_m=COAST_TOLERANCE_M), bool(country) and bool(
        outside_country(lat, lon, country)
    )


def _ground_reasons(claim: Claim, est: Estimate) -> list[str]:
    if put_at_sea(claim):
        return []
    reasons = []
    where = format_latlon(est.lat, est.lon)
    country = claim_country(claim)
    sea, outside = _on_the_ground(est.lat, est.lon, country)
    if sea:
        reasons.append(f"estimate lies at sea ({_name(claim)}: {where})")
    if outside and country:
        reasons.append(f"estimate outside {country_name(country)} ({_name(claim)})")
    return reasons


def _reach_m(claim: Claim) -> tuple[float, float] | None:
    """Return the nearest and farthest the words put the target from the anchor's point (metres)."""
    if claim.distance is None or claim.anchor is None or claim.relation not in _SET_RELATIONS:
        return None
    lo, hi = _range(claim.distance)
    return max(0.0, lo - claim.anchor.extent_m), hi + claim.anchor.extent_m


def _anchor_reasons(a: Claim, b: Claim, anchor_sep: float) -> list[str]:
    """Why two claims from different anchors cannot meet, by the triangle inequality (else nothing)."""
    ra, rb = _reach_m(a), _reach_m(b)
    if ra is None or rb is None or a.anchor is None or b.anchor is None:
        return []
    km = anchor_sep / 1000.0
    pair = f"{a.anchor.name} and {b.anchor.name} are {km:.0f} km apart"
    if anchor_sep > ra[1] + rb[1]:
        return [f"anchors too far apart: {pair}, more than the stated distances and their extents allow"]
    if anchor_sep < max(ra[0] - rb[1], rb[0] - ra[1]):
        return [f"anchors too close: {pair}, less than the difference of the stated distances allows"]
    return []


def _reread(claim: Claim, **changes: object) -> Estimate | None:
    from geokit.estimates import estimate_claim

    copy = dataclasses.replace(claim, id=claim.id + "~", flags=[], **changes)  # type: ignore[arg-type]
    if copy.distance is not None:
        copy.distance = dataclasses.replace(copy.distance, low_m=None, high_m=None)
    return estimate_claim(copy)


def _meets(ea: Estimate | None, eb: Estimate | None) -> bool:
    overlap = None if ea is None or eb is None else region_overlap(ea, eb)
    return overlap is not None and overlap >= MEET_FRACTION


def _diagnose(a: Claim, ea: Estimate, b: Claim, eb: Estimate) -> list[str]:
    """Return the reading of one claim that makes two disjoint regions meet: units, inverse, direction."""
    from geokit.estimates.policy import UNIT_METRES

    # the likeliest confusions first: miles and kilometres, and a figure not in kilometres read as one
    pairs = sorted(
        ((a, b, eb), (b, a, ea)), key=lambda t: t[0].distance is None or t[0].distance.unit == "km"
    )
    tries: list[tuple[Claim, Claim, Estimate, str]] = []
    for units in (("km", "mi"), _CONFUSABLE_UNITS):
        for x, y, ey in pairs:
            if x.distance is not None and x.distance.unit in units:
                tries += [(x, y, ey, u) for u in units if u != x.distance.unit and (x, y, ey, u) not in tries]
    for x, y, ey, unit in tries:
        d = x.distance
        assert d is not None
        other = dataclasses.replace(d, unit=unit, metres=d.value * UNIT_METRES[unit])
        if _meets(_reread(x, distance=other), ey):
            read = f"{_name(x)}'s {_fmt_value(d)} read as {d.value:g} {unit}"
            return [f"units confused? {read} would agree with {_name(y)}"]
    for x, ey in ((a, eb), (b, ea)):
        if (
            x.direction is not None
            and x.relation == "offset"
            and _meets(_reread(x, inverse=not x.inverse), ey)
        ):
            return [
                f"read the other way round, {_name(x)}'s claim would agree: inverse confused? "
                f"it says {describe(x)}"
            ]
    for x, ey in ((a, eb), (b, ea)):
        if x.direction is not None and x.distance is not None and _meets(_reread(x, direction=None), ey):
            return [f"directions cannot meet: {describe(a)} vs {describe(b)}"]
    return []


def compare(a: Claim, ea: Estimate | None, b: Claim, eb: Estimate | None, *, diagnose: bool = True) -> Check:
    """Compare two claims about the same target and their estimates.

    Parameters
    ----------
    a, b : Claim
        The two claims (usually from different sources).
    ea, eb : Estimate or None
        Their estimates; ``None`` where a claim could not be estimated.
    diagnose : bool, default True
        Explain a disagreement of two regions by re-reading each claim (other units, the other
        way round, without its direction): a few more estimates per disagreeing pair.

    Returns
    -------
    Check
        ``verdict`` is ``agree``, ``disagree`` or ``uncertain`` (the model is in the module
        docstring); ``separation_m`` and ``overlap`` are ``None`` when an estimate is missing.

    Examples
    --------
    >>> from geokit.model import Claim, Distance, Direction, Place
    >>> sirte = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY", extent_m=8000.0)
    >>> def claim(i, value, unit, metres, inverse=False):
    ...     return Claim(id=i, document=i, quote="", start=0, end=0, relation="offset", target="camp",
    ...                  anchor_text="Sirte", anchor=sirte, distance=Distance(value, unit, metres,
    ...                  precision_m=500.0), direction=Direction("southwest", 225.0, 22.5), inverse=inverse)
    >>> check = compare(claim("a", 45, "km", 45000.0), None, claim("b", 28, "mi", 45061.0, True), None)
    >>> check.verdict, check.reasons[:2]
    ('uncertain', ['distances agree: 45 km vs 28 mi = 45.06 km', 'directions opposite (SW vs NE)'])
    """
    reasons: list[str] = []
    same, anchor_sep = _same_anchor(a, b)
    words_verdict: Verdict | None = None  # the verdict of a same-anchor comparison of the words
    if same and a.relation in _SET_RELATIONS and b.relation in _SET_RELATIONS:
        gaps = []
        dist_gap, dir_gap = _distance_gap(a, b), _direction_gap(a, b)
        if dist_gap is not None:
            reasons += _distance_reasons(a, b, dist_gap)
            gaps.append(dist_gap / TOUCH_M)
        if dir_gap is not None:
            reasons += _direction_reasons(a, b, dir_gap)
            gaps.append(dir_gap / TOUCH_DEG)
        if gaps:
            worst = max(gaps)
            words_verdict = "disagree" if worst > 1 else "uncertain" if worst >= -1 else "agree"
    elif not same and anchor_sep is not None and a.anchor is not None and b.anchor is not None:
        reasons.append(
            f"different anchors: {a.anchor.name} and {b.anchor.name}, {anchor_sep / 1000:.1f} km apart"
        )
        reasons += _anchor_reasons(a, b, anchor_sep)
    reasons += _inverse_reason(a, b)

    if ea is None or eb is None:
        for claim, est in ((a, ea), (b, eb)):
            if est is None:
                why = f" ({'; '.join(claim.flags)})" if claim.flags else ""
                reasons.append(f"no estimate for {_name(claim)}{why}")
        return Check(a.id, b.id, "uncertain", None, None, reasons)

    sep = separation_m(ea.lat, ea.lon, eb.lat, eb.lon)
    overlap = region_overlap(ea, eb)
    reasons.append(
        f"estimates {sep / 1000:.1f} km apart (radii {ea.radius_m / 1000:.1f} + {eb.radius_m / 1000:.1f} km)"
    )
    if overlap is not None:
        if overlap <= 0.0:
            reasons.append("regions do not meet")
        elif overlap < MEET_FRACTION:
            reasons.append(f"regions barely meet ({overlap:.1%} of the smaller)")
        else:
            reasons.append(f"regions overlap {overlap:.0%}")
    reasons += _ground_reasons(a, ea) + _ground_reasons(b, eb)

    if words_verdict is not None:
        verdict = words_verdict
    elif overlap is None:
        verdict = "uncertain"
    elif overlap >= MEET_FRACTION:
        verdict = "agree"
    elif overlap > 0.0:
        verdict = "uncertain"
    elif a.relation in VAGUE_RELATIONS or b.relation in VAGUE_RELATIONS:
        vague = a if a.relation in VAGUE_RELATIONS else b
        reasons.append(
            f"too vague to tell: {_name(vague)} says only {describe(vague)!r}, whose reach is a convention"
        )
        verdict = "uncertain"
    else:
        verdict = "disagree"
        found = _diagnose(a, ea, b, eb) if diagnose else []
        if not found and not any(r.startswith("anchors too") for r in reasons):
            found = [f"no place is both {describe(a)} and {describe(b)}"]
        reasons += found
    return Check(a.id, b.id, verdict, sep, overlap, reasons)
