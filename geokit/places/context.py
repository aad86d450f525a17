"""Spatial relations between places used when ranking candidates: containment and distance."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shapely

from geokit import geo
from geokit.model import Place

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["contains", "distance_m"]

#: A point this close to a region's boundary still counts as inside it (coastal towns, coarse polygons).
BOUNDARY_TOLERANCE_DEG = 0.1


def distance_m(a: Place, b: Place) -> float:
    """Return the geodesic distance between two places' points, in metres.

    Examples
    --------
    >>> a = Place("a", "A", "city", 0.0, 0.0)
    >>> b = Place("b", "B", "city", 0.0, 1.0)
    >>> round(distance_m(a, b))
    111319
    """
    return geo.distance_m(a.lat, a.lon, b.lat, b.lon)


_PREPARED: dict[int, BaseGeometry] = {}


def _prepared(geom: BaseGeometry) -> BaseGeometry:
    # keyed by identity: gazetteer geometries live as long as the process, and hashing a
    # geometry would serialise it every time
    g = _PREPARED.get(id(geom))
    if g is None or g is not geom:
        shapely.prepare(geom)
        _PREPARED[id(geom)] = g = geom
    return g


def contains(region: Place, place: Place) -> bool:
    """Return whether ``place`` lies in ``region`` (a country, a first-level region, a continent).

    Uses, for a US state and a US place, their state codes (Columbia, Illinois lies 10 km from
    Missouri's coarse polygon, but not in it); else the region's polygon where it has one, else
    its country code, else its extent.

    Examples
    --------
    >>> libya = Place("x", "Libya", "country", 27.0, 17.0, country="LY", extent_m=1e6)
    >>> sirte = Place("y", "Sirte", "city", 31.2, 16.6, country="LY")
    >>> contains(libya, sirte)
    True
    """
    if region.id == place.id:
        return False
    same_state = _same_us_state_code(region, place)
    if same_state is not None:
        return same_state  # exact where the polygons are coarse
    geom = region.geometry
    if geom is not None and geom.geom_type in ("Polygon", "MultiPolygon"):
        g = _prepared(geom)
        pt = shapely.Point(place.lon, place.lat)
        return bool(g.contains(pt) or g.distance(pt) < BOUNDARY_TOLERANCE_DEG)
    if region.kind == "country" and region.country and place.country:
        return region.country == place.country
    return distance_m(region, place) <= region.extent_m


def _same_us_state_code(region: Place, place: Place) -> bool | None:
    """Return whether a US place's state code is a US state's, or None when either has none.

    GeoNames gives US places their state's postal code as admin1 ("MO"); the gazetteer gives
    US states the same code.
    """
    if region.kind != "admin1" or region.country != "US" or place.country != "US":
        return None
    a, b = region.admin1 or "", place.admin1 or ""
    if len(a) != 2 or len(b) != 2 or not (a.isalpha() and b.isalpha()):
        return None
    return a == b
