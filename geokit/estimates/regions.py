"""Exact uncertainty regions, built geodesically and returned as lon/lat polygons.

The regions are built in the azimuthal-equidistant (AEQD) plane of the anchor, where a point's
polar coordinates are exactly the geodesic azimuth and distance from the anchor, so that an annular
sector "low..high metres at azimuth θ ± α" is exact. Every boundary vertex is carried back to the
ellipsoid with :meth:`pyproj.Geod.fwd` (vectorised over all vertices of all regions at once).

The anchor's extent *e* is added as a Minkowski sum with a disk of radius *e*: the region is the
set of points within *e* of the sector. Its boundary is computed in closed form in polar
coordinates (``r_min(ψ) ≤ r ≤ r_max(ψ)``), sampled densely on the sector's corner arcs, and the
polygon is made to circumscribe the curved parts (vertices pushed out by the chord sag), so that it
contains the exact set. Far from the anchor the AEQD plane stretches across the azimuth by
``k = (ρ/R) / sin(ρ/R)``; *e* is multiplied by *k* at the region's outer radius, which keeps the
region conservative (0.1 % at 500 km, 1.7 % at 2000 km).

Lon/lat polygons are made antimeridian-safe (a region crossing ±180° becomes a MultiPolygon of
parts on each side) and pole-safe (a region around a pole is closed along the pole).
"""

from __future__ import annotations

import math
from functools import partial

import numpy as np
import shapely
from numpy.typing import ArrayLike
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from geokit.errors import InputError
from geokit.geo import GEOD

__all__ = [
    "farthest_distance",
    "plane_to_lonlat",
    "sector_region",
    "sector_regions",
    "to_plane",
]

#: The WGS84 ellipsoid every geodesic computation uses.
_R = 6_371_008.8  # mean Earth radius, for the AEQD stretch factor only
_MAX_R = math.pi * _R * 0.999  # AEQD is one-to-one inside this radius
_WORLD = box(-180.0, -90.0, 180.0, 90.0)
_N_UNIFORM = 16  # uniform samples on a sector's angular range (outer edge)
_N_INNER = 12  # uniform samples on a sector's inner edge (its chords lie outside the region)
_N_FULL = 48  # uniform samples round a full circle
_N_SIDE = 4  # points along each side edge of a sector
_N_ARC = 6  # segments per quarter circle on the corner arcs
_F_ARC = 1.0 / math.cos(math.radians(90.0 / _N_ARC / 2.0))
_BETA_Q = np.linspace(0.0, 90.0, _N_ARC + 1)
_BETA_H = np.linspace(0.0, 180.0, 2 * _N_ARC + 1)


def sag_factor(step_deg: np.ndarray | float) -> np.ndarray:
    """Factor by which vertices ``step_deg`` apart are pushed out so that the chords circumscribe the arc.

    A 25 % larger step is used, a margin for the lon/lat polygon edges, which are not AEQD chords.
    """
    return 1.0 / np.cos(np.radians(np.minimum(1.25 * np.asarray(step_deg, dtype=float), 120.0) / 2.0))


def _wrap180(a: np.ndarray) -> np.ndarray:
    return (a + 180.0) % 360.0 - 180.0


def _stretch(rho: np.ndarray) -> np.ndarray:
    x = np.minimum(np.asarray(rho, dtype=float) / _R, 3.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(x > 1e-9, x / np.sin(x), 1.0)


def _polar_bounds(
    rel: np.ndarray, alpha: np.ndarray, low: np.ndarray, high: np.ndarray, e: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Return r_min, r_max of the sector (axis at 0°, half-angle alpha, low..high) grown by e at rel°."""
    delta = np.where(alpha >= 180.0, 0.0, np.maximum(0.0, np.abs(_wrap180(rel)) - alpha))
    d = np.radians(delta)
    s, c = np.sin(d), np.cos(d)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        upper = np.minimum(high, np.where(s > 0, e / s, np.inf))
        rho = np.clip(np.where(s > 0, e * c / s, np.inf), low, np.maximum(low, upper))
        rmax = rho * c + np.sqrt(np.maximum(0.0, e * e - rho * rho * s * s))
        rmin = low * c - np.sqrt(np.maximum(0.0, e * e - low * low * s * s))
    rmax = np.where(delta == 0.0, high + e, rmax)
    rmin = np.where(delta == 0.0, np.maximum(0.0, low - e), rmin)
    rmin = np.where(low <= e, 0.0, np.maximum(rmin, 0.0))
    return rmin, np.maximum(rmax, rmin)


def _arc_angles(
    alpha: np.ndarray, centre_r: np.ndarray, e: np.ndarray, start: float, beta: np.ndarray
) -> np.ndarray:
    """Polar angles (relative to the axis) of points on the corner circle of radius e, both sides."""
    a = np.radians(alpha)[:, None]
    b = np.radians(start + beta)[None, :]
    cr, ee = centre_r[:, None], e[:, None]
    x = cr * np.sin(a) + ee * np.sin(a + b)
    y = cr * np.cos(a) + ee * np.cos(a + b)
    ang = np.degrees(np.arctan2(x, y))
    return np.concatenate([ang, -ang], axis=1)


def _side_angles(alpha: np.ndarray, low: np.ndarray, high: np.ndarray, e: np.ndarray) -> np.ndarray:
    """Polar angles of points along the sector's two side edges offset by e (both sides)."""
    rho = low[:, None] + (high - low)[:, None] * np.linspace(0.0, 1.0, _N_SIDE)[None, :]
    ang = alpha[:, None] + np.degrees(np.arctan2(e[:, None], rho))
    return np.concatenate([ang, -ang], axis=1)


def _solve_inverse(lon0: np.ndarray, lat0: np.ndarray, target: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Azimuths ψ from the anchor such that, at distance r, the azimuth back to the anchor is ``target``."""

    def miss(psi: np.ndarray) -> np.ndarray:
        _, _, back = GEOD.fwd(lon0, lat0, psi, r)
        return _wrap180(np.asarray(back) - target)

    t0 = target + 180.0
    f0 = miss(t0)
    t1 = t0 - f0
    for _ in range(2):
        f1 = miss(t1)
        dt = t1 - t0
        slope = np.where(np.abs(dt) > 1e-12, (f1 - f0) / np.where(np.abs(dt) > 1e-12, dt, 1.0), 1.0)
        slope = np.where(np.abs(slope) > 0.1, slope, 1.0)
        t0, f0, t1 = t1, f1, t1 - f1 / slope
    return np.where(r > 0, t1, target + 180.0)


def _rings_from_polar(
    lat0: np.ndarray, lon0: np.ndarray, theta: np.ndarray, rel: np.ndarray, r: np.ndarray, inv: np.ndarray
):
    r = np.minimum(r, _MAX_R)
    az = theta[:, None] + rel
    if inv.any():
        # Inverse statements: each vertex is placed so that the azimuth from it to the anchor is the
        # stated azimuth (theta - 180) + rel, exactly (meridian convergence included).
        rows = np.nonzero(inv)[0]
        az = az.copy()
        az[rows] = _solve_inverse(
            np.broadcast_to(lon0[rows, None], r[rows].shape),
            np.broadcast_to(lat0[rows, None], r[rows].shape),
            az[rows] - 180.0,
            r[rows],
        )
    lon, lat, _ = GEOD.fwd(
        np.broadcast_to(lon0[:, None], r.shape).ravel(),
        np.broadcast_to(lat0[:, None], r.shape).ravel(),
        az.ravel(),
        r.ravel(),
    )
    lon = np.asarray(lon).reshape(r.shape)
    lat = np.asarray(lat).reshape(r.shape)
    zero = r < 1e-6
    if zero.any():
        lon = np.where(zero, lon0[:, None], lon)
        lat = np.where(zero, lat0[:, None], lat)
    rad = np.radians(az)
    plane = np.stack([r * np.sin(rad), r * np.cos(rad)], axis=-1)
    return lon, lat, plane


def _shift_lon(coords: np.ndarray, by: float) -> np.ndarray:
    """Return ``(lon, lat)`` rows moved ``by`` degrees of longitude."""
    return coords + np.array([by, 0.0])


def _fold(poly: BaseGeometry) -> BaseGeometry:
    """Cut a polygon drawn in unwrapped longitudes into [-180, 180] pieces."""
    minx, _, maxx, _ = poly.bounds
    if minx >= -180.0 and maxx <= 180.0:
        return poly
    parts = []
    for k in (-2, -1, 0, 1, 2):
        piece = poly.intersection(box(-180.0 + 360.0 * k, -90.0, 180.0 + 360.0 * k, 90.0))
        if not piece.is_empty:
            parts.append(shapely.transform(piece, partial(_shift_lon, by=-360.0 * k)))
    return _polygonal(shapely.union_all(parts))


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    polys = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, (Polygon, MultiPolygon))]
    out = shapely.union_all(polys) if polys else Polygon()
    return out


def _pole_in_plane(lat0: float, lon0: float, ring_xy: np.ndarray) -> tuple[bool, bool]:
    """Whether the planar ring (AEQD of lat0/lon0) encloses the north / the south pole."""
    poly = Polygon(ring_xy)
    if not poly.is_valid:
        poly = poly.buffer(0)
    out = []
    for plat in (90.0, -90.0):
        az, _, dist = GEOD.inv(lon0, lat0, lon0, plat)
        if dist >= _MAX_R:
            out.append(False)
            continue
        ra = math.radians(az)
        out.append(bool(poly.contains(Point(dist * math.sin(ra), dist * math.cos(ra)))))
    return out[0], out[1]


def _ring_to_lonlat(lon: np.ndarray, lat: np.ndarray, north: bool, south: bool) -> BaseGeometry:
    """Return the lon/lat polygon bounded by a ring, knowing which poles the bounded region contains."""
    d = _wrap180(np.diff(np.r_[lon, lon[0]]))
    u = lon[0] + np.r_[0.0, np.cumsum(d[:-1])]
    winding = round(d.sum() / 360.0)
    poly: BaseGeometry
    if winding != 0:
        pole = 90.0 if north else -90.0 if south else math.copysign(90.0, float(np.mean(lat)))
        end = u[0] + 360.0 * winding
        coords = [*zip(u, lat, strict=True), (end, lat[0]), (end, pole), (u[0], pole)]
        poly = Polygon(coords)
    else:
        poly = Polygon(np.column_stack([u, lat]))
    if not poly.is_valid:
        poly = _polygonal(shapely.make_valid(poly))
    out = _fold(poly)
    if winding == 0 and north and south:
        out = _polygonal(_WORLD.difference(out))
    return out


def _needs_slow(lon: np.ndarray, rmax: np.ndarray, lat0: np.ndarray) -> np.ndarray:
    jumps = np.abs(np.diff(np.concatenate([lon, lon[:, :1]], axis=1), axis=1)).max(axis=1) > 180.0
    pole_gap = (90.0 - np.abs(lat0)) * 110_000.0  # a lower bound of the distance to the nearer pole
    return jumps | (rmax.max(axis=1) >= pole_gap)


def sector_regions(
    lat: ArrayLike,
    lon: ArrayLike,
    low_m: ArrayLike,
    high_m: ArrayLike,
    azimuth_deg: ArrayLike,
    half_angle_deg: ArrayLike,
    extent_m: ArrayLike,
    inverse: ArrayLike = False,
) -> np.ndarray:
    """Return the regions "low..high metres at azimuth ± half-angle from the anchor, grown by its extent".

    All parameters are arrays of one length (scalars broadcast). A half-angle of 180 or more gives
    an annulus (a disk when ``low_m`` is within the extent). Where ``inverse`` is true the azimuth
    is the one stated *from the target to the anchor*: the region is the set of points from which
    the anchor lies at that azimuth ± half-angle (each vertex solved exactly, so the meridians'
    convergence is accounted for; the extent is then added in the anchor's plane). The work is vectorised: one
    :meth:`~pyproj.Geod.fwd` call for all vertices; only regions that cross the antimeridian or
    come near a pole take a slower exact path.

    Returns
    -------
    numpy.ndarray of shapely Polygon / MultiPolygon (lon/lat)

    Examples
    --------
    >>> regs = sector_regions([31.2], [16.6], [44_500], [45_500], [225], [22.5], [8_000])
    >>> regs[0].geom_type, regs[0].contains(Point(16.25, 30.92))
    ('Polygon', True)
    """
    lat, lon, low, high, theta, alpha, e = np.broadcast_arrays(
        *(
            np.atleast_1d(np.asarray(v, dtype=float))
            for v in (lat, lon, low_m, high_m, azimuth_deg, half_angle_deg, extent_m)
        )
    )
    if np.any(~np.isfinite(np.stack([lat, lon, low, high, theta, alpha, e]))):
        raise InputError("region parameters must be finite numbers")
    if np.any((low < 0) | (high < low) | (e < 0) | (alpha < 0)):
        raise InputError("need 0 <= low <= high, extent >= 0 and half-angle >= 0")
    if np.any(np.abs(lat) > 90):
        raise InputError("latitude must be within [-90, 90]")
    n = lat.shape[0]
    e = np.where(e < 1e-3, 0.0, e)  # below a millimetre an extent is none (and would make a degenerate star)
    inv = np.broadcast_to(np.atleast_1d(np.asarray(inverse, dtype=bool)), (n,)) & (alpha < 180.0)
    theta = np.where(inv, theta + 180.0, theta)
    e_used = e * _stretch(high + e) * _F_ARC
    full = alpha >= 180.0
    inside = (low <= e_used) & (e_used > 0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.where(low > 0, e_used / np.where(low > 0, low, 1.0), 0.0)
        dmax = np.where(inside, 180.0, np.degrees(np.arcsin(np.minimum(1.0, ratio))))
    ring = ~inside & (full | (alpha + dmax >= 180.0))
    star = inside
    wedge = ~inside & ~ring
    out = np.empty(n, dtype=object)
    for mask, kind in ((star, "star"), (ring, "ring"), (wedge, "wedge")):
        idx = np.nonzero(mask)[0]
        if idx.size:
            out[idx] = _build(
                kind, lat[idx], lon[idx], low[idx], high[idx], theta[idx], alpha[idx], e_used[idx], inv[idx]
            )
    return out


def _sorted(rel: np.ndarray) -> np.ndarray:
    return np.sort(rel, axis=1)


def _build(kind, lat0, lon0, low, high, theta, alpha, e, inv) -> np.ndarray:
    k = lat0.shape[0]
    a = np.minimum(alpha, 180.0)
    side = _side_angles(a, low, high, e)
    if kind == "wedge":
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            span = a + np.degrees(np.arcsin(np.minimum(1.0, np.where(low > 0, e / low, 0.0))))
        uni = np.linspace(-1.0, 1.0, _N_UNIFORM)[None, :] * span[:, None]
        uni_i = np.linspace(-1.0, 1.0, _N_INNER)[None, :] * span[:, None]
        brk = np.stack([a, -a], axis=1)
        rel_o = np.concatenate([uni, brk, _arc_angles(a, high, e, 0.0, _BETA_Q), side], axis=1)
        rel_i = np.concatenate([uni_i, brk, _arc_angles(a, low, e, 90.0, _BETA_Q)], axis=1)
        rel_o = _sorted(np.clip(rel_o, -span[:, None], span[:, None]))
        rel_i = _sorted(np.clip(rel_i, -span[:, None], span[:, None]))[:, ::-1]
        step = 2.0 * span / (_N_UNIFORM - 1)
        f_step = sag_factor(step)
        _, rmax = _polar_bounds(rel_o, a[:, None], low[:, None], high[:, None], e[:, None])
        rmin, _ = _polar_bounds(rel_i, a[:, None], low[:, None], high[:, None], e[:, None])
        rmax = rmax * f_step[:, None]
        # The two ends, along the rays at ±span (a sharp sector edge when e = 0), densified.
        t = np.linspace(0.0, 1.0, _N_SIDE + 2)[1:-1][None, :]
        end_hi = rmax[:, -1:] + (rmin[:, :1] - rmax[:, -1:]) * t
        end_lo = rmin[:, -1:] + (rmax[:, :1] - rmin[:, -1:]) * t
        rel = np.concatenate(
            [rel_o, np.repeat(span[:, None], _N_SIDE, 1), rel_i, np.repeat(-span[:, None], _N_SIDE, 1)], 1
        )
        r = np.concatenate([rmax, end_hi, rmin, end_lo], axis=1)
        lon, lat, plane = _rings_from_polar(lat0, lon0, theta, rel, r, inv)
        return _assemble(lat0, lon0, lon, lat, plane, r, None)
    uni = np.linspace(-180.0, 180.0, _N_FULL, endpoint=False)[None, :].repeat(k, axis=0)
    brk = np.stack([a, -a], axis=1)
    f_u = float(sag_factor(360.0 / _N_FULL))
    if kind == "star":
        rel = np.concatenate(
            [uni, brk, side, _arc_angles(a, high, e, 0.0, _BETA_Q), _arc_angles(a, low, e, 90.0, _BETA_H)],
            axis=1,
        )
        rel = _sorted(_wrap180(rel))
        _, rmax = _polar_bounds(rel, a[:, None], low[:, None], high[:, None], e[:, None])
        lon, lat, plane = _rings_from_polar(lat0, lon0, theta, rel, rmax * f_u, inv)
        return _assemble(lat0, lon0, lon, lat, plane, rmax * f_u, None)
    rel_o = _sorted(_wrap180(np.concatenate([uni, brk, side, _arc_angles(a, high, e, 0.0, _BETA_Q)], axis=1)))
    rel_i = _sorted(_wrap180(np.concatenate([uni, brk, _arc_angles(a, low, e, 90.0, _BETA_Q)], axis=1)))
    _, rmax = _polar_bounds(rel_o, a[:, None], low[:, None], high[:, None], e[:, None])
    rmin, _ = _polar_bounds(rel_i, a[:, None], low[:, None], high[:, None], e[:, None])
    lon, lat, plane = _rings_from_polar(lat0, lon0, theta, rel_o, rmax * f_u, inv)
    hlon, hlat, hplane = _rings_from_polar(lat0, lon0, theta, rel_i, rmin, inv)
    return _assemble(lat0, lon0, lon, lat, plane, rmax * f_u, (hlon, hlat, hplane))


def _assemble(lat0, lon0, lon, lat, plane, r, hole) -> np.ndarray:
    slow = _needs_slow(lon, r, lat0)
    if hole is not None:
        slow |= _needs_slow(hole[0], np.zeros_like(hole[0]), lat0)
    out = np.empty(lon.shape[0], dtype=object)
    fast = np.nonzero(~slow)[0]
    if fast.size:
        # arrays of rings and polygons (np.asarray: the stubs allow a single one)
        shells = np.asarray(shapely.linearrings(np.stack([lon[fast], lat[fast]], axis=-1)))
        if hole is None:
            polys = np.asarray(shapely.polygons(shells))
        else:
            holes = np.asarray(shapely.linearrings(np.stack([hole[0][fast], hole[1][fast]], axis=-1)))
            polys = np.asarray(shapely.polygons(shells, holes=holes[:, None]))
        bad = ~shapely.is_valid(polys)
        if bad.any():
            polys[bad] = [_polygonal(shapely.make_valid(p)) for p in polys[bad]]
        out[fast] = polys
    for i in np.nonzero(slow)[0]:
        north, south = _pole_in_plane(lat0[i], lon0[i], plane[i])
        geom = _ring_to_lonlat(lon[i], lat[i], north, south)
        if hole is not None:
            hn, hs = _pole_in_plane(lat0[i], lon0[i], hole[2][i])
            geom = _polygonal(geom.difference(_ring_to_lonlat(hole[0][i], hole[1][i], hn, hs)))
        out[i] = geom
    return out


def sector_region(
    lat: float,
    lon: float,
    low_m: float,
    high_m: float,
    azimuth_deg: float = 0.0,
    half_angle_deg: float = 180.0,
    extent_m: float = 0.0,
    inverse: bool = False,
) -> BaseGeometry:
    """Return one region "low..high metres at azimuth ± half-angle of (lat, lon), grown by extent_m".

    Examples
    --------
    >>> r = sector_region(50.0, 179.9, 0, 50_500, 90, 45, 8_000)  # across the antimeridian
    >>> r.geom_type, r.is_valid
    ('MultiPolygon', True)
    >>> disk = sector_region(89.9, 0.0, 0, 50_000)  # round the north pole
    >>> disk.contains(Point(123.0, 89.95)), disk.is_valid
    (True, True)
    """
    return sector_regions(
        [lat], [lon], [low_m], [high_m], [azimuth_deg], [half_angle_deg], [extent_m], inverse
    )[0]


def farthest_distance(lat: float, lon: float, region: BaseGeometry) -> float:
    """Return the geodesic distance (metres) from (lat, lon) to the farthest vertex of ``region``.

    Examples
    --------
    >>> round(farthest_distance(0.0, 0.0, Polygon([(0, 0), (1, 0), (0, 1)])))
    111319
    """
    coords = shapely.get_coordinates(region)
    if coords.size == 0:
        return 0.0
    _, _, dist = GEOD.inv(np.full(len(coords), lon), np.full(len(coords), lat), coords[:, 0], coords[:, 1])
    return float(np.max(dist))


def to_plane(lat0: float, lon0: float, lats: ArrayLike, lons: ArrayLike) -> np.ndarray:
    """Return AEQD plane coordinates (x east, y north, metres) of points, centred on (lat0, lon0).

    Examples
    --------
    >>> xy = to_plane(0.0, 0.0, [0.0], [1.0])
    >>> [round(float(v)) for v in xy[0]]
    [111319, 0]
    """
    lats = np.atleast_1d(np.asarray(lats, dtype=float))
    lons = np.atleast_1d(np.asarray(lons, dtype=float))
    az, _, dist = GEOD.inv(np.full(lats.shape, lon0), np.full(lats.shape, lat0), lons, lats)
    ra = np.radians(np.asarray(az))
    return np.column_stack([dist * np.sin(ra), dist * np.cos(ra)])


def plane_to_lonlat(
    geom: BaseGeometry, lat0: float, lon0: float, max_segment_m: float | None = None
) -> BaseGeometry:
    """Carry a polygonal geometry drawn in the AEQD plane of (lat0, lon0) back to lon/lat.

    The boundary is densified in the plane first (``max_segment_m``, default 1/64 of the geometry's
    size), so that the lon/lat polygon follows the curved image of each edge.

    Examples
    --------
    >>> sq = Polygon([(-1000, -1000), (1000, -1000), (1000, 1000), (-1000, 1000)])
    >>> g = plane_to_lonlat(sq, 0.0, 0.0)
    >>> [round(v, 4) for v in g.bounds]
    [-0.009, -0.009, 0.009, 0.009]
    """
    if geom.is_empty:
        return Polygon()
    if max_segment_m is None:
        minx, miny, maxx, maxy = geom.bounds
        max_segment_m = max(1.0, max(maxx - minx, maxy - miny) / 64.0)
    geom = shapely.segmentize(geom, max_segment_m)
    polys = [p for p in getattr(geom, "geoms", [geom]) if isinstance(p, Polygon) and not p.is_empty]
    images = [_polygon_image(poly, lat0, lon0) for poly in polys]
    plain = [image for image in images if isinstance(image, Polygon)]
    if plain and len(plain) == len(images):  # the common case, one pass
        whole: BaseGeometry = plain[0] if len(plain) == 1 else MultiPolygon(plain)
        if whole.is_valid:
            return whole
    parts: list[BaseGeometry] = []
    for image in images:
        if isinstance(image, Polygon):
            parts.append(image)
            continue
        g = _ring_to_lonlat(*image[0])
        for hole in image[1:]:
            g = g.difference(_ring_to_lonlat(*hole))
        parts.append(g)
    return _polygonal(shapely.union_all(parts)) if parts else Polygon()


def _polygon_image(
    poly: Polygon, lat0: float, lon0: float
) -> Polygon | list[tuple[np.ndarray, np.ndarray, bool, bool]]:
    """Return the lon/lat image of a planar polygon, or its rings' images when it needs care.

    The image is a plain polygon (rings mapped vertex by vertex) unless it holds a pole or winds
    round one, or crosses the antimeridian: then the list of its rings' (lon, lat, north, south),
    for :func:`_ring_to_lonlat`. A pole inside a hole is inside the shell too, so the holes are
    tested only when the shell holds one.
    """
    rings = [np.asarray(poly.exterior.coords)[:-1]] + [np.asarray(h.coords)[:-1] for h in poly.interiors]
    north, south = _pole_in_plane(lat0, lon0, rings[0])
    images = []
    for xy in rings:
        rr = np.minimum(np.hypot(xy[:, 0], xy[:, 1]), _MAX_R)
        az = np.degrees(np.arctan2(xy[:, 0], xy[:, 1]))
        lo, la, _ = GEOD.fwd(np.full(len(xy), lon0), np.full(len(xy), lat0), az, rr)
        images.append((np.asarray(lo), np.asarray(la)))
    if not (north or south):
        plain = [_plain_ring(lo, la) for lo, la in images]
        if all(ring is not None for ring in plain):
            return Polygon(plain[0], plain[1:])
    poles = [(north, south)] + [
        _pole_in_plane(lat0, lon0, xy) if north or south else (False, False) for xy in rings[1:]
    ]
    return [(lo, la, *pole) for (lo, la), pole in zip(images, poles, strict=True)]


def _plain_ring(lon: np.ndarray, lat: np.ndarray) -> np.ndarray | None:
    """Return a ring's (lon, lat) rows if it neither winds round a pole nor leaves [-180, 180]."""
    d = _wrap180(np.diff(np.r_[lon, lon[0]]))
    u = lon[0] + np.r_[0.0, np.cumsum(d[:-1])]
    if round(d.sum() / 360.0) != 0 or u.min() < -180.0 or u.max() > 180.0:
        return None
    return np.column_stack([u, lat])
