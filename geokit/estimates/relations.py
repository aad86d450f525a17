"""Regions for the relations that are not a plain distance/direction sector.

Between, part of, side of a line, a band along a line, and a sector at sea ("12 nautical miles
off Tartus"). Each is drawn in the azimuthal-equidistant plane of a suitable centre and carried
back to lon/lat with :func:`geokit.estimates.regions.plane_to_lonlat`, or built by
:func:`geokit.estimates.regions.sector_region` (antimeridian- and pole-safe); :func:`sea_part`
takes the land out of a region.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, MultiLineString, Polygon
from shapely.geometry.base import BaseGeometry

from geokit.estimates.memo import region_memo
from geokit.estimates.regions import _polygonal, plane_to_lonlat, sector_region, to_plane
from geokit.geo import GEOD
from geokit.model import Place

__all__ = [
    "between_region",
    "line_band_region",
    "offshore_region",
    "part_region",
    "sea_part",
    "side_region",
]

_N = 64


def _disk(radius: float, n: int = _N) -> Polygon:
    t = np.linspace(0.0, 2.0 * math.pi, n, endpoint=False)
    f = 1.0 / math.cos(math.pi / n)  # circumscribe the circle
    return Polygon(np.column_stack([radius * f * np.sin(t), radius * f * np.cos(t)]))


def _sector(radius: float, azimuth: float, half_angle: float, n: int = _N) -> Polygon:
    if half_angle >= 180.0:
        return _disk(radius, n)
    t = np.radians(np.linspace(azimuth - half_angle, azimuth + half_angle, n))
    step = 2.0 * math.radians(half_angle) / (n - 1)
    r = radius / math.cos(step / 2.0)
    arc = np.column_stack([r * np.sin(t), r * np.cos(t)])
    return Polygon(np.vstack([[0.0, 0.0], arc]))


def _place_extent(place: Place) -> float:
    """Return the place's radial, measured from its geometry when the record gives none."""
    if place.extent_m and place.extent_m > 0:
        return float(place.extent_m)
    if place.geometry is not None and not place.geometry.is_empty:
        coords = shapely.get_coordinates(place.geometry)
        _, _, d = GEOD.inv(
            np.full(len(coords), place.lon), np.full(len(coords), place.lat), coords[:, 0], coords[:, 1]
        )
        return float(np.max(d))
    return 0.0


def between_region(
    a: Place, b: Place, ratio: float = 1.25, halfway: float | None = None
) -> tuple[BaseGeometry, float, float, dict[str, float]]:
    """Return (region, lat, lon, components) for "between A and B".

    The region is the ellipse of points whose distances to A and B sum to at most ``ratio`` times
    the distance A-B, grown by the larger of the two extents; the point is the geodesic midpoint.
    With ``halfway`` ("halfway between A and B") it is the disk around the midpoint of radius
    ``halfway`` times the distance A-B, grown by the larger extent.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> from geokit.model import Place
    >>> a = Place("a", "A", "city", 31.0, 16.0, extent_m=2000)
    >>> b = Place("b", "B", "city", 31.0, 17.0, extent_m=1000)
    >>> region, lat, lon, comp = between_region(a, b)
    >>> region.contains(Point(16.5, 31.0)), round(lon, 3), sorted(comp)
    (True, 16.5, ['between_width', 'extent', 'separation'])
    >>> region, lat, lon, comp = between_region(a, b, halfway=0.15)
    >>> region.contains(Point(16.5, 31.0)), region.contains(Point(16.2, 31.0)), round(comp["halfway"])
    (True, False, 14326)
    """
    az, _, dist = GEOD.inv(a.lon, a.lat, b.lon, b.lat)
    mlon, mlat, _ = GEOD.fwd(a.lon, a.lat, az, dist / 2.0)
    e = max(_place_extent(a), _place_extent(b))
    if halfway is not None:
        radius = halfway * dist
        region = plane_to_lonlat(_disk(radius + e), mlat, mlon)
        return region, float(mlat), float(mlon), {"separation": float(dist), "halfway": radius, "extent": e}
    xy = to_plane(mlat, mlon, [a.lat, b.lat], [a.lon, b.lon])
    c = float(np.hypot(*(xy[1] - xy[0]))) / 2.0
    semi_a = ratio * c
    semi_b = math.sqrt(max(semi_a * semi_a - c * c, 0.0))
    u = (xy[1] - xy[0]) / (2.0 * c) if c > 0 else np.array([1.0, 0.0])
    v = np.array([-u[1], u[0]])
    t = np.linspace(0.0, 2.0 * math.pi, _N, endpoint=False)
    f = 1.0 / math.cos(math.pi / _N)
    nx, ny = semi_b * np.cos(t), semi_a * np.sin(t)
    norm = np.hypot(nx, ny)
    norm[norm == 0] = 1.0
    pu = (semi_a * np.cos(t) + e * nx / norm) * f
    pv = (semi_b * np.sin(t) + e * ny / norm) * f
    centre = (xy[0] + xy[1]) / 2.0
    pts = centre + np.outer(pu, u) + np.outer(pv, v)
    poly = Polygon(pts) if semi_a + e > 0 else Polygon()
    region = plane_to_lonlat(poly, mlat, mlon)
    return region, float(mlat), float(mlon), {"separation": float(dist), "between_width": semi_b, "extent": e}


@region_memo
def part_region(
    place: Place, azimuth: float | None, half_angle: float = 90.0, min_radius_m: float = 5_000.0
) -> tuple[BaseGeometry, float, float, dict[str, float]]:
    """Return (region, lat, lon, components) for a part of a place ("eastern Mosul").

    The region is the sector of the place's extent disk within ``half_angle`` of ``azimuth``,
    intersected with the place's polygon when it has one; the point is the region's centroid (or a
    point inside it when the centroid falls outside). Without an azimuth ("central Mosul",
    "downtown Mosul") it is the inner half of the disk.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> from geokit.model import Place
    >>> mosul = Place("m", "Mosul", "city", 36.34, 43.13, extent_m=10_000)
    >>> region, lat, lon, comp = part_region(mosul, 90.0)
    >>> lon > 43.13, region.contains(Point(43.2, 36.34))
    (True, True)
    >>> region, lat, lon, comp = part_region(mosul, None)  # central Mosul
    >>> region.contains(Point(43.13, 36.34)), region.contains(Point(43.2, 36.34))
    (True, False)
    """
    e = _place_extent(place) or min_radius_m
    shape = _disk(e / 2.0) if azimuth is None else _sector(e, azimuth, half_angle)
    region = plane_to_lonlat(shape, place.lat, place.lon)
    geom = place.geometry
    if geom is not None and geom.geom_type in ("Polygon", "MultiPolygon"):
        clipped = region.intersection(geom)
        if not clipped.is_empty and clipped.area > 0:
            region = clipped
    point = region.centroid
    if not region.contains(point):
        point = region.representative_point()
    half = 0.0 if azimuth is None else float(half_angle)
    return region, float(point.y), float(point.x), {"extent": e, "part_half_angle": half}


def side_region(
    line_place: Place,
    azimuth: float,
    clip_place: Place | None = None,
    clip_factor: float = 1.0,
    min_radius_m: float = 50_000.0,
) -> tuple[BaseGeometry, float, float, dict[str, float]] | None:
    """Return (region, lat, lon, components) for "<azimuth> of the line", or None if that side is empty.

    The clipping disk is centred on ``clip_place`` (the context place, e.g. the city in "east of the
    Tigris in Mosul") or, without one, on the line's own point; its radius is ``clip_factor`` times
    that place's extent (at least ``min_radius_m`` when the place has no extent). A place without a
    line geometry is treated as a straight line through its point, across the azimuth.

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> from shapely.geometry import Point
    >>> from geokit.model import Place
    >>> river = Place("r", "Tigris", "river", 36.34, 43.13, extent_m=20_000,
    ...               geometry=LineString([(43.13, 36.1), (43.13, 36.6)]))
    >>> region, lat, lon, comp = side_region(river, 90.0)
    >>> lon > 43.13, region.contains(Point(43.1, 36.34))
    (True, False)
    """
    clip = clip_place or line_place
    radius = clip_factor * _place_extent(clip) or min_radius_m
    disk = _disk(radius)
    geom = line_place.geometry
    if isinstance(geom, (LineString, MultiLineString)) and not geom.is_empty:
        lines = []
        for part in getattr(geom, "geoms", [geom]):
            coords = np.asarray(part.coords)
            lines.append(LineString(to_plane(clip.lat, clip.lon, coords[:, 1], coords[:, 0])))
        line = shapely.union_all(lines)
    else:
        c = to_plane(clip.lat, clip.lon, [line_place.lat], [line_place.lon])[0]
        ra = math.radians(azimuth)
        across = np.array([math.cos(ra), -math.sin(ra)]) * radius * 3.0
        line = LineString([c - across, c + across])
    side = _side_of(disk, line, azimuth)
    if side.is_empty:
        return None
    region = plane_to_lonlat(side, clip.lat, clip.lon)
    point = region.centroid
    if not region.contains(point):
        point = region.representative_point()
    return region, float(point.y), float(point.x), {"clip_radius": radius}


@region_memo
def line_band_region(
    line_place: Place,
    low_m: float,
    high_m: float,
    *,
    azimuth: float | None = None,
    at_sea: bool = False,
    within: BaseGeometry | None = None,
    stretch_near: Place | None = None,
    stretch_radius_m: float = 0.0,
) -> tuple[BaseGeometry, float, float, dict[str, float]] | None:
    """Return (region, lat, lon, components) for "D of a line" (a river, border, coast).

    The region is the band of points between ``low_m`` and ``high_m`` from the line, drawn in the
    azimuthal-equidistant plane of the point half-way along the line (its scale error stays under
    2 % within 2,000 km); with ``azimuth`` only the side of the line that way ("40 km south of the
    border"); with ``at_sea`` the land is taken out ("60 nautical miles off the coast"); with
    ``within`` (a lon/lat polygon) only what lies inside it ("30 km into Syria"). The point
    is that half-way point when the band holds it, else the nearest point of the band (a river's
    own point, its mouth, says nothing of where along it the target is). None when the place has
    no line geometry or nothing is left. With ``stretch_near`` (the place a text names beside
    the line: "east of the Tigris in Mosul") only the stretch of the line within
    ``stretch_radius_m`` of that place counts, and the point is on that stretch; the whole line
    when the line does not pass that near.

    Examples
    --------
    >>> from shapely.geometry import LineString, Point
    >>> from geokit.model import Place
    >>> river = Place("r", "River", "river", 30.0, 40.0, geometry=LineString([(40, 30), (40, 38)]))
    >>> town = Place("t", "Town", "city", 36.0, 40.1)
    >>> region, lat, lon, comp = line_band_region(river, 0.0, 10_000, azimuth=90.0,
    ...                                           stretch_near=town, stretch_radius_m=50_000)
    >>> round(lat, 1), region.contains(Point(40.05, 36.2)), region.contains(Point(40.05, 33.0))
    (36.0, True, False)
    >>> border = Place("b", "Border", "border", 36.5, 38.0, extent_m=50_000,
    ...                geometry=LineString([(37.5, 36.5), (38.5, 36.5)]))
    >>> region, lat, lon, comp = line_band_region(border, 0.0, 15_000)
    >>> region.contains(Point(38.0, 36.6)), region.contains(Point(38.0, 36.7))  # 11 km, 22 km
    (True, False)
    >>> region, lat, lon, comp = line_band_region(border, 30_000, 50_000, azimuth=180.0)
    >>> region.contains(Point(38.0, 36.1)), region.contains(Point(38.0, 36.9))  # 44 km S, 44 km N
    (True, False)
    """
    geom = line_place.geometry
    if not isinstance(geom, (LineString, MultiLineString)) or geom.is_empty:
        return None
    middle = shapely.line_interpolate_point(shapely.line_merge(geom), 0.5, normalized=True)
    if middle.is_empty:  # a MultiLineString that does not merge: its longest part's middle
        middle = max(shapely.get_parts(geom), key=lambda g: g.length).interpolate(0.5, normalized=True)
    lat0, lon0 = float(middle.y), float(middle.x)
    parts = []
    for part in getattr(geom, "geoms", [geom]):
        xy = np.asarray(part.coords)
        parts.append(LineString(to_plane(lat0, lon0, xy[:, 1], xy[:, 0])))
    line = shapely.union_all(parts)
    point = shapely.Point(lon0, lat0)
    if stretch_near is not None and stretch_radius_m > 0:
        centre = shapely.Point(to_plane(lat0, lon0, [stretch_near.lat], [stretch_near.lon])[0])
        stretch = line.intersection(centre.buffer(stretch_radius_m, quad_segs=16))
        if not stretch.is_empty and stretch.length > 0:
            line = stretch
            point = shapely.Point(stretch_near.lon, stretch_near.lat)  # the band nearest that place
    band: BaseGeometry = line.buffer(high_m, quad_segs=8)
    if low_m > 0:
        band = band.difference(line.buffer(low_m, quad_segs=8))
    if azimuth is not None:
        band = _side_of(band, line, azimuth)
        if band.is_empty:
            return None
    region = plane_to_lonlat(band, lat0, lon0)
    if at_sea:
        region = sea_part(region)
    if within is not None:
        region = region.intersection(within)
    if region.is_empty:
        return None
    if not region.contains(point):
        point = shapely.ops.nearest_points(region, point)[0]
    comps = {"distance": (low_m + high_m) / 2.0, "band_width": high_m - low_m}
    return region, float(point.y), float(point.x), comps


@cache
def _land_index() -> tuple[np.ndarray, shapely.STRtree]:
    """Return the land polygons (Natural Earth, lon/lat) and a spatial index over them (loaded once)."""
    from geokit.places.layers import load_layer

    _, land = load_layer("land")
    parts = shapely.get_parts(land)
    return parts, shapely.STRtree(parts)


def sea_part(region: BaseGeometry) -> BaseGeometry:
    """Return the part of a lon/lat region that is not land (Natural Earth land polygons).

    Only the land polygons that meet each part of the region are used, each clipped to that
    part's bounding box, so that an antimeridian-split region takes out only the land near it.

    Examples
    --------
    >>> from shapely.geometry import Point, box
    >>> sea = sea_part(box(16.0, 30.8, 17.0, 31.8))  # the shore of the Gulf of Sidra at Sirte
    >>> sea.contains(Point(16.92, 31.50)), sea.contains(Point(16.26, 30.92))
    (True, False)
    """
    parts, tree = _land_index()
    out = []
    for piece in shapely.get_parts(region):
        near = parts[tree.query(piece, predicate="intersects")]
        if near.size:
            land = shapely.union_all(shapely.intersection(near, shapely.box(*piece.bounds)))
            piece = piece.difference(land)
        if not piece.is_empty:
            out.append(piece)
    return _polygonal(shapely.union_all(out)) if out else Polygon()


@region_memo
def offshore_region(
    place: Place,
    low_m: float,
    high_m: float,
    *,
    azimuth: float | None = None,
    half_angle: float = 180.0,
    inverse: bool = False,
) -> tuple[BaseGeometry, float, float] | None:
    """Return (region, lat, lon) for "D off a coastal place" ("12 nautical miles off Tartus").

    The region is the annulus ``[low_m, high_m]`` round the place (with ``azimuth``: the annular
    sector ``azimuth ± half_angle``; ``inverse`` as in
    :func:`~geokit.estimates.regions.sector_regions`) grown by the place's extent, exactly as
    :func:`~geokit.estimates.regions.sector_region` builds it, with the land taken out
    (:func:`sea_part`). The point is on the geodesic circle of the middle distance round the
    place: the middle of its longest stretch inside the region (on the nearest circle that has
    one when that circle is all on land, e.g. in a narrow bay). None when nothing is left at sea
    (an inland place).

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> from geokit.model import Place
    >>> tartus = Place("t", "Tartus", "city", 34.88902, 35.88659, extent_m=9_000)
    >>> region, lat, lon = offshore_region(tartus, 21_300, 23_150)  # 12 nautical miles off
    >>> lon < 35.886, region.contains(Point(lon, lat)), region.contains(Point(35.95, 34.89))
    (True, True, False)
    >>> madrid = Place("m", "Madrid", "city", 40.4168, -3.7038, extent_m=15_000)
    >>> offshore_region(madrid, 21_300, 23_150) is None
    True
    """
    e = float(place.extent_m or 0.0)  # as the "distance" relation grows its annulus
    full = azimuth is None or half_angle >= 180.0
    region = sector_region(
        place.lat,
        place.lon,
        low_m,
        high_m,
        0.0 if full or azimuth is None else azimuth,
        180.0 if full else half_angle,
        e,
        inverse=inverse and not full,
    )
    sea = sea_part(region)
    if sea.is_empty:
        return None
    lat, lon = _middle_at_sea(sea, place.lat, place.lon, low_m, high_m, e)
    return sea, lat, lon


def _middle_at_sea(
    region: BaseGeometry, lat0: float, lon0: float, low_m: float, high_m: float, extent_m: float
) -> tuple[float, float]:
    """Return (lat, lon): the middle of the longest stretch at sea of a circle round (lat0, lon0).

    A point of the circle is at sea when it lies in ``region`` (already cut by the land polygons)
    and the 1 km land mask of :func:`geokit.places.landmask.at_sea` agrees (the two coasts differ by a
    few kilometres in harbours and fjords). The circle is the one of radius ``(low_m + high_m) / 2``,
    or when none of it is at sea the nearest of the circles across ``[low_m - extent_m, high_m +
    extent_m]`` that has some; failing that, the same search in ``region`` alone, then the
    region's representative point.
    """
    middle = (low_m + high_m) / 2.0
    radii = np.unique(np.r_[middle, np.linspace(max(0.0, low_m - extent_m), high_m + extent_m, 17)])
    radii = radii[radii > 0]
    radii = radii[np.argsort(np.abs(radii - middle), kind="stable")]
    n = int(np.clip(math.ceil(2.0 * math.pi * float(radii.max(initial=0.0)) / 500.0), 720, 8192))
    az = np.tile(np.arange(n) * (360.0 / n), radii.size)
    rr = np.repeat(radii, n)
    lon, lat, _ = GEOD.fwd(np.full(rr.size, lon0), np.full(rr.size, lat0), az, rr)
    shapely.prepare(region)
    inside = shapely.contains_xy(region, lon, lat)
    ok = inside & _mask_at_sea(lat, lon)
    for good in (ok.reshape(-1, n), inside.reshape(-1, n)):
        for row in np.flatnonzero(good.any(axis=1)):
            i = row * n + _longest_run_middle(good[row])
            return float(lat[i]), float(lon[i])
    point = region.representative_point()
    return float(point.y), float(point.x)


def _mask_at_sea(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Return whether each point is at sea on the 1 km land mask (all True when the mask is missing)."""
    from geokit.errors import DataError
    from geokit.places.landmask import at_sea

    try:
        return np.asarray(at_sea(lat, lon), dtype=bool)
    except (DataError, ImportError, OSError):  # no mask: the land polygons alone decide
        return np.ones(np.shape(lat), dtype=bool)


def _longest_run_middle(mask: np.ndarray) -> int:
    """Return the index of the middle of the longest run of True in a circular boolean array.

    Examples
    --------
    >>> _longest_run_middle(np.array([True, False, True, True, True, False, True, True]))
    3
    >>> _longest_run_middle(np.array([True, True, False, False, False, True, True, True]))
    7
    """
    n = mask.size
    if mask.all():
        return 0
    k = int(np.argmin(mask))  # a False: no run wraps past it
    rolled = np.r_[False, np.roll(mask, -k), False].astype(np.int8)
    step = np.diff(rolled)
    starts, ends = np.flatnonzero(step == 1), np.flatnonzero(step == -1)
    j = int(np.argmax(ends - starts))
    return (int(starts[j] + ends[j] - 1) // 2 + k) % n


def _extended(line: BaseGeometry, length: float) -> BaseGeometry:
    """Return a plane line with each part prolonged by ``length`` beyond both ends, straight on."""
    parts = []
    for part in shapely.get_parts(line):
        xy = np.asarray(part.coords, dtype=float)
        if len(xy) < 2:
            continue
        ends = []
        for end, inner in ((xy[0], xy[1]), (xy[-1], xy[-2])):
            step = end - inner
            norm = float(np.hypot(*step))
            ends.append(end + step / norm * length if norm > 0 else end)
        parts.append(LineString(np.vstack([ends[0], xy, ends[1]])))
    return shapely.union_all(parts) if parts else line


def _side_of(area: BaseGeometry, line: BaseGeometry, azimuth: float) -> BaseGeometry:
    """Return the pieces of a plane ``area``, cut by ``line`` prolonged across it, ``azimuth`` of it."""
    bounds = np.asarray(area.bounds)
    cutter = _extended(line, 2.0 * float(np.hypot(bounds[2] - bounds[0], bounds[3] - bounds[1])))
    faces = shapely.get_parts(
        shapely.polygonize(shapely.get_parts(shapely.union_all([area.boundary, cutter])))
    )
    direction = np.array([math.sin(math.radians(azimuth)), math.cos(math.radians(azimuth))])
    keep = []
    for face in faces:
        if not area.contains(face.representative_point()):
            continue  # a hole of the area, or a face outside it
        # the face's side: where its outer edge (away from the line) lies, by majority
        xy = shapely.get_coordinates(face.exterior)
        points = np.asarray(shapely.points(xy))  # an array of points (the stubs allow a single one)
        far = shapely.distance(points, line)
        outer = far >= 0.5 * float(far.max())
        near = shapely.get_coordinates(shapely.shortest_line(points[outer], line))[1::2]
        votes = (xy[outer] - near) @ direction
        if np.count_nonzero(votes > 0) > np.count_nonzero(votes < 0):
            keep.append(face)
    return shapely.union_all(keep) if keep else Polygon()
