"""From claims to estimates: a point, a radius that covers the exact region, and the region.

:func:`estimate_points` is the vectorised numpy path (point + radius for many claims at once);
:func:`estimate_claims` builds full :class:`~geokit.model.Estimate` objects with their regions
(vectorised for every sector-shaped relation); :func:`estimate_claim` does one claim.

How each relation is read (sizes from :class:`~geokit.estimates.policy.Policy`):

* ``offset`` — the annular sector [low, high] × (azimuth ± half-angle) grown by the anchor's extent;
  the point is at the middle of [low, high] on the azimuth. ``inverse`` claims ("Sirte is 28 miles
  SW of the camps") use the reverse azimuth, corrected for the convergence of meridians so that
  the azimuth *from the point to the anchor* is the stated one.
* ``distance`` — the annulus [low, high] grown by the extent; the point is the anchor.
* ``offshore`` ("12 nautical miles off Tartus", "40 km off Aden") — the annulus [low, high] grown
  by the extent, as for ``distance``, within the direction's sector when one is given
  (``offshore-sector``, else ``offshore-ring``), with the land taken out; without a distance ("off
  Tartus") [0, ``near_min_m``]. The point is on the circle of the middle distance, in the middle of
  its longest stretch at sea (:func:`~geokit.estimates.relations.offshore_region`). An inland
  anchor leaves nothing at sea: no estimate, the flag ``"nothing of the region is left at sea"``.
  Off a coast line ("60 nautical miles off the coast of Libya") it is the band along the line, at
  sea (below).
* ``direction`` — the sector from the anchor out to ``max(direction_reach_min_m,
  direction_reach_factor × extent)``, grown by the extent; the point is half-way out.
* ``near`` / ``outskirts`` / ``outside`` — disks and rings round the anchor (see the policy).
* ``between`` / ``part`` / ``side`` — see :mod:`geokit.estimates.relations`.
* ``distance``, ``near`` and ``offset`` from a line (a river, a border, a coast: the anchor's
  geometry is a line) — the band [low, high] (``near``: [0, ``near_min_m``], for a border [0,
  ``near_border_m``]) along the whole line, for an offset only on the stated side ("40 km south of
  the border"), at sea for a coast ("60 nautical miles off the coast of Libya"), for a border on
  the side of the named target's country ("Rzeszow, near the Ukrainian border": Poland's), not a
  disk or sector round one point of the line; a
  ``side`` of a line without a context place ("west of the Tigris") is that side of the whole
  line out to ``direction_reach_min_m``.
* ``inside`` ("pushed 30 km into Syria") — the band [low, high] from the country's border with
  the neighbour the text is about (``anchor2``), inside the country.

``radius_m`` is the geodesic distance from the point to the farthest vertex of the region, so the
circle covers the region; the region itself is the honest answer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

import numpy as np
import shapely

from geokit.estimates.memo import region_memo
from geokit.estimates.policy import (
    DEFAULT_POLICY,
    UNIT_METRES,
    Policy,
    apply_distance_policy,
)
from geokit.estimates.regions import (
    _F_ARC,
    _N_FULL,
    _N_UNIFORM,
    _solve_inverse,
    _stretch,
    sag_factor,
    sector_regions,
)
from geokit.estimates.relations import (
    between_region,
    line_band_region,
    offshore_region,
    part_region,
    side_region,
)
from geokit.geo import EARTH_HALF_CIRCUMFERENCE_M, GEOD
from geokit.model import Claim, Distance, Estimate

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["estimate_claim", "estimate_claims", "estimate_points"]

_F_FULL = float(sag_factor(360.0 / _N_FULL))


def _arr(x: object, n: int | None = None) -> np.ndarray:
    a = np.atleast_1d(np.asarray(x, dtype=float))
    return np.broadcast_to(a, (n,)).copy() if n is not None else a


def estimate_points(
    anchor_lat: np.ndarray,
    anchor_lon: np.ndarray,
    distance_m: np.ndarray,
    azimuth_deg: np.ndarray,
    half_angle_deg: np.ndarray,
    precision_m: np.ndarray | float = 0.0,
    extent_m: np.ndarray | float = 0.0,
    *,
    low_m: np.ndarray | None = None,
    high_m: np.ndarray | None = None,
    inverse: np.ndarray | bool = False,
) -> dict[str, np.ndarray]:
    """Return the point and covering radius of many distance/direction claims at once.

    Parameters
    ----------
    anchor_lat, anchor_lon : array_like
        The anchors (degrees).
    distance_m : array_like
        The stated distances (metres).
    azimuth_deg, half_angle_deg : array_like
        The stated directions. A NaN azimuth or a half-angle of 180 or more means no direction
        (an annulus round the anchor; the point is the anchor).
    precision_m, extent_m : array_like
        Distance uncertainty and the anchor's radial (metres).
    low_m, high_m : array_like, optional
        Distance bounds when already worked out (hedges, ranges); default ``distance ∓ precision``.
    inverse : array_like of bool
        The sentence states the anchor relative to the target.

    Returns
    -------
    dict of numpy.ndarray
        ``lat``, ``lon``, ``radius_m`` (covers the exact region), ``azimuth_deg`` (effective, from
        the anchor), ``distance_m`` (from the anchor to the point), ``low_m``, ``high_m``.

    Notes
    -----
    The radius is analytic: the farthest corner of the sector in the anchor's AEQD plane plus the
    extent and the polygon's sag margin (AEQD distances are never shorter than geodesic ones, so it
    covers the region). Inverse claims are measured to the exact corners of their bent region; within
    about 12° of a pole and at several hundred km the radius can still fall a few per cent short of
    the region's farthest vertex (the polygon path, :func:`estimate_claims`, measures the vertices).

    Examples
    --------
    >>> out = estimate_points([31.20892], [16.58866], [45_000], [225.0], [22.5], 500.0, 8_000.0)
    >>> round(float(out["lat"][0]), 3), round(float(out["lon"][0]), 3), round(float(out["radius_m"][0]))
    (30.921, 16.256, 25911)
    >>> back = estimate_points([31.20892], [16.58866], [45_000], [225.0], [22.5], 500.0, inverse=True)
    >>> round(float(back["azimuth_deg"][0]), 2)
    44.83
    """
    lat0 = _arr(anchor_lat)
    n = lat0.shape[0]
    lon0 = _arr(anchor_lon, n)
    d = _arr(distance_m, n)
    az = _arr(azimuth_deg, n)
    alpha = _arr(half_angle_deg, n)
    p = _arr(precision_m, n)
    e = _arr(extent_m, n)
    low = np.maximum(0.0, d - p) if low_m is None else _arr(low_m, n)
    high = d + p if high_m is None else _arr(high_m, n)
    inv = np.broadcast_to(np.atleast_1d(np.asarray(inverse, dtype=bool)), (n,))
    full = ~np.isfinite(az) | (alpha >= 180.0)
    alpha = np.where(full, 180.0, alpha)
    az = np.where(np.isfinite(az), az, 0.0)
    m = np.where(full, 0.0, (low + high) / 2.0)
    theta = np.where(inv, az + 180.0, az)
    sel = np.nonzero(inv & (m > 0))[0]
    if sel.size:
        # Correct for meridian convergence: make the azimuth from the point to the anchor the stated one.
        theta = theta.copy()
        theta[sel] = _solve_inverse(lon0[sel], lat0[sel], az[sel], m[sel])
    theta = theta % 360.0
    lon, lat, _ = GEOD.fwd(lon0, lat0, theta, m)
    lon = np.where(m > 0, lon, lon0)
    lat = np.where(m > 0, lat, lat0)
    e_used = e * _stretch(high + e) * _F_ARC
    a = np.radians(np.minimum(alpha, 180.0))
    d_out = np.sqrt(np.maximum(0.0, high * high + m * m - 2.0 * high * m * np.cos(a)))
    d_in = np.sqrt(np.maximum(0.0, low * low + m * m - 2.0 * low * m * np.cos(a)))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        dmax = np.degrees(
            np.arcsin(np.minimum(1.0, np.where(low > 0, e_used / np.where(low > 0, low, 1.0), 1.0)))
        )
    span = np.minimum(np.degrees(a) + dmax, 180.0)
    f_u = np.maximum(sag_factor(2.0 * span / (_N_UNIFORM - 1)), _F_FULL)
    corner = np.maximum(d_out, d_in)
    e_grow = e_used
    rows = np.nonzero(inv & ~full)[0]
    if rows.size:
        # Inverse regions are bent by the meridians' convergence: measure to their exact corners.
        fr = np.array([-1.0, 0.0, 1.0, -1.0, 1.0])
        rel = alpha[rows, None] * fr[None, :]
        rr = np.concatenate([np.repeat(high[rows, None], 3, 1), np.repeat(low[rows, None], 2, 1)], 1)
        ln0 = np.repeat(lon0[rows, None], fr.size, 1)
        lt0 = np.repeat(lat0[rows, None], fr.size, 1)
        psi = _solve_inverse(ln0, lt0, az[rows, None] + rel, rr)
        clon, clat, _ = GEOD.fwd(ln0, lt0, psi, rr)
        plon = np.repeat(lon[rows, None], fr.size, 1)
        plat = np.repeat(lat[rows, None], fr.size, 1)
        _, _, dc = GEOD.inv(plon, plat, clon, clat)
        corner[rows] = np.maximum(corner[rows], np.asarray(dc).max(axis=1))
        e_grow = e_grow.copy()
        e_grow[rows] *= 1.25  # the bent frame stretches the added extent a little
    radius = corner + e_grow + (f_u - 1.0) * (high + e_used)
    return {
        "lat": np.asarray(lat),
        "lon": np.asarray(lon),
        "radius_m": radius,
        "azimuth_deg": theta,
        "distance_m": m,
        "low_m": low,
        "high_m": high,
        "half_angle_deg": alpha,
    }


class _AnchorFields(TypedDict):
    """The fields of a :class:`_Sector` that come from the claim's anchor."""

    lat: float
    lon: float
    extent: float
    inverse: bool


@dataclass(slots=True)
class _Sector:
    lat: float
    lon: float
    low: float
    high: float
    azimuth: float
    half: float
    extent: float
    inverse: bool
    method: str
    components: dict[str, float] = field(default_factory=dict)
    centre_point: bool = False  # the point is the anchor whatever the azimuth


def _flag(claim: Claim, text: str) -> None:
    if text not in claim.flags:
        claim.flags.append(text)


def _valid_anchor(claim: Claim, attr: str = "anchor") -> bool:
    a = getattr(claim, attr)
    if a is None or a.lat is None or a.lon is None or not (math.isfinite(a.lat) and math.isfinite(a.lon)):
        _flag(claim, "anchor not found")
        return False
    if abs(a.lat) > 90:
        _flag(claim, "anchor not found")
        return False
    return True


def _distance_ok(claim: Claim, policy: Policy) -> bool:
    d = claim.distance
    if d is None:
        return True
    if "unknown unit" in claim.flags:
        return False
    if d.unit not in UNIT_METRES and not (d.metres and math.isfinite(d.metres)):
        _flag(claim, "unknown unit")
        return False
    if not math.isfinite(d.metres) or (d.value2 is not None and not math.isfinite(d.value2)):
        _flag(claim, "unknown unit")
        return False
    if d.metres < 0 or (d.value2 is not None and d.value2 < 0):
        _flag(claim, "negative distance")
        return False
    if d.metres == 0 and not d.value2:
        _flag(claim, "distance is zero")
        return False
    apply_distance_policy(claim, policy)
    if d.metres > EARTH_HALF_CIRCUMFERENCE_M or (d.low_m or 0.0) > EARTH_HALF_CIRCUMFERENCE_M:
        _flag(claim, "distance beyond half the Earth's circumference")
        return False
    d.high_m = min(float(d.high_m or d.metres), EARTH_HALF_CIRCUMFERENCE_M)
    return True


def _direction_ok(claim: Claim) -> bool:
    if "conflicting directions" in claim.flags:
        return False
    dr = claim.direction
    if dr is not None and (dr.azimuth is None or not math.isfinite(dr.azimuth)):
        _flag(claim, "conflicting directions")
        return False
    return True


def _bounds_m(d: Distance) -> tuple[float, float]:
    """Return the low and high metres of a distance the policy has read (its range, hedge, precision)."""
    return float(d.low_m or 0.0), float(d.high_m or d.metres)


def _distance_components(d: Distance, extent: float) -> dict[str, float]:
    """Return the uncertainty sources of a distance the policy has read, and the anchor's extent (metres)."""
    low, high = _bounds_m(d)
    comps = {"distance": float(d.metres), "distance_precision": float(d.precision_m)}
    lo_p, hi_p = max(0.0, d.metres - d.precision_m), d.metres + d.precision_m
    comps["hedge"] = max(0.0, ((high - low) - (hi_p - lo_p)) / 2.0)
    if d.value2 is not None and d.value:
        comps["range"] = abs(d.value2 - d.value) * d.metres / d.value / 2.0
        comps["hedge"] = max(0.0, comps["hedge"] - comps["range"])
    comps["extent"] = extent
    return comps


def _direction_component(distance: float, half_angle: float) -> float:
    """Return the chord a direction's half-angle spans at ``distance`` (metres)."""
    return 2.0 * distance * math.sin(math.radians(min(half_angle, 90.0)) / 2.0)


def _sector_for(claim: Claim, policy: Policy) -> _Sector | None:
    """Return the sector parameters of a claim, or None (and a flag) when it cannot be estimated."""
    a = claim.anchor
    assert a is not None
    e = float(a.extent_m or 0.0)
    rel = claim.relation
    d, dr = claim.distance, claim.direction
    base: _AnchorFields = {"lat": a.lat, "lon": a.lon, "extent": e, "inverse": bool(claim.inverse)}
    at_centre: _AnchorFields = {**base, "extent": 0.0}
    if rel in ("offset", "distance", "direction") and d is None and dr is None:
        _flag(claim, "no distance or direction")
        return None
    if rel in ("offset", "distance") and d is not None:
        low, high = _bounds_m(d)
        comps = _distance_components(d, e)
        if dr is not None:
            comps["direction"] = _direction_component((low + high) / 2.0, dr.half_angle)
            return _Sector(
                low=low,
                high=high,
                azimuth=dr.azimuth,
                half=dr.half_angle,
                method="offset-sector",
                components=comps,
                **base,
            )
        return _Sector(
            low=low,
            high=high,
            azimuth=0.0,
            half=180.0,
            method="distance-annulus",
            components=comps,
            centre_point=True,
            **base,
        )
    if rel in ("offset", "direction") and dr is not None:
        reach = max(policy.direction_reach_min_m, policy.direction_reach_factor * e)
        comps = {
            "direction_reach": reach,
            "extent": e,
            "direction": 2.0 * reach / 2.0 * math.sin(math.radians(min(dr.half_angle, 90.0)) / 2.0),
        }
        return _Sector(
            low=0.0,
            high=reach,
            azimuth=dr.azimuth,
            half=dr.half_angle,
            method="direction-sector",
            components=comps,
            **base,
        )
    if rel == "near":
        buf = max(policy.near_min_m, policy.near_factor * e)
        return _Sector(
            low=0.0,
            high=e + buf,
            azimuth=0.0,
            half=180.0,
            method="near-disk",
            components={"extent": e, "near_buffer": buf},
            centre_point=True,
            **at_centre,
        )
    if rel == "outskirts":
        outer = e + max(policy.outskirts_min_m, policy.outskirts_factor * e)
        inner = policy.outskirts_inner_factor * e
        return _Sector(
            low=inner,
            high=outer,
            azimuth=0.0,
            half=180.0,
            method="outskirts-ring",
            components={"extent": e, "outskirts_band": outer - inner},
            centre_point=True,
            **at_centre,
        )
    if rel == "outside":
        outer = e + max(policy.outside_min_m, policy.outside_factor * e)
        return _Sector(
            low=e,
            high=outer,
            azimuth=0.0,
            half=180.0,
            method="outside-ring",
            components={"extent": e, "outside_band": outer - e},
            centre_point=True,
            **at_centre,
        )
    return None


def _is_line(claim: Claim) -> bool:
    return claim.anchor is not None and claim.anchor.is_line


def _line_band(claim: Claim, policy: Policy) -> Estimate | None:
    """Return the estimate of "near", "D from" or "D <direction> of" a line (see :func:`line_band_region`)."""
    a, d, dr = claim.anchor, claim.distance, claim.direction
    assert a is not None
    offshore = claim.relation == "offshore"
    if claim.relation == "near" or (offshore and d is None):
        low, high = 0.0, policy.near_border_m if a.kind == "border" else policy.near_min_m
    elif d is not None:
        low, high = _bounds_m(d)
    else:
        _flag(claim, "no distance or direction")
        return None
    azimuth = dr.azimuth if claim.relation in ("offset", "offshore") and dr is not None else None
    if azimuth is not None and claim.inverse:
        azimuth = (azimuth + 180.0) % 360.0  # "the border is 40 km south of the camp"
    side = _border_side(claim)
    # "10 km east of the Tigris in Mosul": the stretch of the line near the place named beside it
    near = claim.anchor2 if claim.anchor2 is not None and not claim.anchor2.is_line else None
    reach = (
        max(policy.side_clip_factor * (near.extent_m or 0.0), policy.direction_reach_min_m) if near else 0.0
    )
    out = line_band_region(
        a,
        low,
        high,
        azimuth=azimuth,
        at_sea=offshore or a.kind == "coast",
        within=side,
        stretch_near=near,
        stretch_radius_m=reach,
    )
    if out is None:
        _flag(
            claim,
            "nothing of the band is left at sea" if azimuth is None else "that side of the line is empty",
        )
        return None
    region, lat, lon, comps = out
    return _with_radius(claim, region, lat, lon, "line-band" if azimuth is None else "line-band-side", comps)


def _offshore(claim: Claim, policy: Policy) -> Estimate | None:
    """Return the estimate of "D off a coastal place" at sea (see :func:`offshore_region`)."""
    a, d, dr = claim.anchor, claim.distance, claim.direction
    assert a is not None
    e = float(a.extent_m or 0.0)
    if d is not None:
        low, high = _bounds_m(d)
        comps = _distance_components(d, e)
    else:  # "off Tartus": the sea near it
        low, high = 0.0, policy.near_min_m
        comps = {"extent": e, "offshore_band": high}
    if dr is not None:
        comps["direction"] = _direction_component((low + high) / 2.0, dr.half_angle)
    out = offshore_region(
        a,
        low,
        high,
        azimuth=dr.azimuth if dr is not None else None,
        half_angle=dr.half_angle if dr is not None else 180.0,
        inverse=bool(claim.inverse),
    )
    if out is None:
        _flag(claim, "nothing of the region is left at sea")
        return None
    region, lat, lon = out
    return _with_radius(claim, region, lat, lon, "offshore-ring" if dr is None else "offshore-sector", comps)


def _border_side(claim: Claim) -> BaseGeometry | None:
    """Return the country on whose side of a border the claim's named target lies, or None.

    "Rzeszow, near the Ukrainian border": Rzeszów is in Poland, so only Poland's side of the
    Poland–Ukraine border is meant. None for other lines, unnamed targets, and a target in neither
    of the two countries.
    """
    a, p = claim.anchor, claim.target_place
    if a is None or a.kind != "border" or p is None or not p.country or not a.id.startswith("border:"):
        return None
    if p.country not in a.id.removeprefix("border:").split("-"):
        return None
    from geokit.places.gazetteer import get_gazetteer

    country = get_gazetteer().country(p.country)
    return country.geometry if country is not None else None


def _with_radius(
    claim: Claim, region: BaseGeometry, lat: float, lon: float, method: str, comps: dict[str, float]
) -> Estimate:
    """Return the estimate whose radius is the distance from its point to the region's farthest vertex."""
    return Estimate(claim.id, lat, lon, _vertex_radius(region, lat, lon), region, method, comps)


@region_memo
def _vertex_radius(region: BaseGeometry, lat: float, lon: float) -> float:
    """Return the geodesic distance from (lat, lon) to the farthest vertex of ``region`` (0 if none)."""
    coords = shapely.get_coordinates(region)
    _, _, dist = GEOD.inv(np.full(len(coords), lon), np.full(len(coords), lat), coords[:, 0], coords[:, 1])
    return float(np.max(dist)) if len(coords) else 0.0


def _other(claim: Claim, policy: Policy) -> Estimate | None:
    a = claim.anchor
    assert a is not None
    rel = claim.relation
    if rel == "between":
        if not _valid_anchor(claim, "anchor2") or claim.anchor2 is None:
            return None
        halfway = policy.halfway_fraction if claim.hedge == "halfway" else None
        region, lat, lon, comps = between_region(a, claim.anchor2, policy.between_ratio, halfway)
        method = "between-ellipse" if halfway is None else "halfway-disk"
    elif rel == "part":  # without a direction: the centre ("central Mosul", "downtown Mosul")
        azimuth = claim.direction.azimuth if claim.direction is not None else None
        region, lat, lon, comps = part_region(a, azimuth, policy.part_half_angle, policy.near_min_m)
        method = "part-sector"
    elif rel == "side":
        if claim.direction is None:
            _flag(claim, "no direction for the side")
            return None
        # the context place: "east of the Tigris in Mosul" (anchor2), or the named target itself
        # ("Mosul east of the Tigris")
        context = (claim.anchor2, claim.target_place)
        clip = next((p for p in context if p is not None and p.lat is not None), None)
        if clip is None and _is_line(claim):
            # no context place: that side of the whole line, as far as a direction reaches
            out = line_band_region(a, 0.0, policy.direction_reach_min_m, azimuth=claim.direction.azimuth)
            method = "line-band-side"
        else:
            out = side_region(
                a, claim.direction.azimuth, clip, policy.side_clip_factor, policy.direction_reach_min_m
            )
            method = "side-of-line"
        if out is None:
            _flag(claim, "that side of the line lies outside the context place")
            return None
        region, lat, lon, comps = out
    elif rel == "inside":  # "30 km into Syria": that far from its border with the neighbour, inside it
        d = claim.distance
        if d is None or claim.anchor2 is None or a.geometry is None:
            _flag(claim, "no distance or border for inside")
            return None
        low, high = _bounds_m(d)
        out = line_band_region(claim.anchor2, low, high, within=a.geometry)
        if out is None:
            _flag(claim, f"nothing of {a.name} lies that far from the border")
            return None
        region, lat, lon, comps = out
        method = "inside-band"
    else:
        _flag(claim, f"unknown relation: {rel}")
        return None
    return _with_radius(claim, region, lat, lon, method, comps)


def estimate_claims(
    claims: Iterable[Claim], policy: Policy = DEFAULT_POLICY, *, regions: bool = True
) -> dict[str, Estimate]:
    """Estimate many claims; claims that cannot be estimated are left out and get a flag.

    Sector-shaped claims (offset, distance, direction, near, outskirts, outside) are done in one
    vectorised batch. With ``regions=False`` no polygons are built and ``radius_m`` is the
    analytic covering radius of :func:`estimate_points` (slightly larger than the vertex radius).

    Examples
    --------
    >>> from geokit.model import Claim, Direction, Distance, Place
    >>> sirte = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, extent_m=8000)
    >>> c = Claim("c1", "d1", "", 0, 0, "offset", "camp", "Sirte", anchor=sirte,
    ...           distance=Distance(45, "km", 45_000, "45"), direction=Direction("southwest", 225, 22.5))
    >>> est = estimate_claims([c])["c1"]
    >>> est.method, round(est.lat, 2), round(est.lon, 2), 5_000 < est.radius_m < 40_000
    ('offset-sector', 30.92, 16.26, True)
    """
    out: dict[str, Estimate] = {}
    sectors: list[tuple[Claim, _Sector]] = []
    for claim in claims:
        if not _valid_anchor(claim) or not _direction_ok(claim) or not _distance_ok(claim, policy):
            continue
        if _is_line(claim) and (
            claim.relation in ("near", "offshore")
            or (claim.relation in ("distance", "offset") and claim.distance is not None)
        ):
            est = _line_band(claim, policy)
            if est is not None:
                out[claim.id] = est
        elif claim.relation == "offshore":  # at sea: not a plain sector, one claim at a time
            est = _offshore(claim, policy)
            if est is not None:
                out[claim.id] = est
        elif claim.relation in ("offset", "distance", "direction", "near", "outskirts", "outside"):
            s = _sector_for(claim, policy)
            if s is not None:
                sectors.append((claim, s))
        else:
            est = _other(claim, policy)
            if est is not None:
                out[claim.id] = est
    if not sectors:
        return out
    cols = {
        k: np.array([getattr(s, k) for _, s in sectors], dtype=float)
        for k in ("lat", "lon", "low", "high", "azimuth", "half", "extent")
    }
    centre = np.array([s.centre_point for _, s in sectors])
    half = np.where(centre, 180.0, cols["half"])
    pts = estimate_points(
        cols["lat"],
        cols["lon"],
        (cols["low"] + cols["high"]) / 2.0,
        cols["azimuth"],
        half,
        0.0,
        cols["extent"],
        low_m=cols["low"],
        high_m=cols["high"],
        inverse=np.array([s.inverse for _, s in sectors]),
    )
    geoms: list[None] | np.ndarray = [None] * len(sectors)
    radius = pts["radius_m"]
    if regions:
        inv = np.array([s.inverse for _, s in sectors]) & ~centre
        geoms = sector_regions(
            cols["lat"],
            cols["lon"],
            cols["low"],
            cols["high"],
            cols["azimuth"],
            half,
            cols["extent"],
            inverse=inv,
        )
        coords, idx = shapely.get_coordinates(geoms, return_index=True)
        _, _, dist = GEOD.inv(pts["lon"][idx], pts["lat"][idx], coords[:, 0], coords[:, 1])
        radius = np.zeros(len(sectors))
        np.maximum.at(radius, idx, np.asarray(dist))
    for i, (claim, s) in enumerate(sectors):
        comps = dict(s.components)
        out[claim.id] = Estimate(
            claim.id, float(pts["lat"][i]), float(pts["lon"][i]), float(radius[i]), geoms[i], s.method, comps
        )
    return out


def estimate_claim(claim: Claim, policy: Policy = DEFAULT_POLICY) -> Estimate | None:
    """Estimate one claim; return None and add a flag to ``claim.flags`` when it cannot be estimated.

    Flags: ``"anchor not found"``, ``"distance is zero"``, ``"negative distance"``, ``"unknown
    unit"``, ``"distance beyond half the Earth's circumference"``, ``"conflicting directions"``,
    ``"no distance or direction"``, ``"nothing of the band is left at sea"``, ``"nothing of the
    region is left at sea"`` (an ``offshore`` claim about an inland anchor), ``"that side of the
    line is empty"``, ``"unknown relation: …"``.

    Examples
    --------
    >>> from geokit.model import Claim, Distance
    >>> c = Claim("c2", "d1", "", 0, 0, "distance", "camp", "Nowhere", distance=Distance(0, "km", 0.0, "0"))
    >>> estimate_claim(c) is None, c.flags
    (True, ['anchor not found'])
    """
    return estimate_claims([claim], policy).get(claim.id)
