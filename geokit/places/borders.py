"""Borders and coasts as places: "the Turkish border", "the Syria-Turkey border", "the Libyan coast".

News locates things against lines that no gazetteer lists: "within 15 km of the Turkish border",
"60 nautical miles off the coast of Libya". Natural Earth's country polygons share their borders
exactly (the layer is simplified as a coverage), so a land border is where two countries'
boundaries coincide, and a coast is the rest of a country's boundary.

Each function returns a :class:`~geokit.model.Place` whose geometry is the line (lon/lat), whose
point is the vertex of the line nearest its centre of mass, and whose extent is the geodesic
distance from that point to the farthest vertex, or ``None`` when the countries share no border
or the country has no coast.

Examples
--------
>>> line = border_place("SY", "TR")
>>> line.name, line.kind, line.geometry.geom_type in ("LineString", "MultiLineString")
('Syria–Turkey border', 'border', True)
>>> 300_000 < line.extent_m < 1_000_000
True
>>> coast_place("LY").name
'coast of Libya'
>>> border_place("LY", "JP") is None
True
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geokit.geo import GEOD
from geokit.model import Place

__all__ = [
    "border_place",
    "coast_place",
    "land_border_place",
    "neighbours",
    "region_border_place",
    "side_border_place",
]

#: Bits of shared boundary shorter than this (degrees) are where two borders merely touch.
_SLIVER_DEG = 1e-6
#: A country's border on one side ("Lebanon's southern border") lies in the outer share of the
#: country that way: its outer quarter along that direction.
_SIDE_SHARE = 0.25
#: How much of the border with a neighbour must lie there for it to be on that side.
_ON_SIDE_SHARE = 0.5
#: The longest gap between the vertices a line's point is chosen from (degrees).
_VERTEX_GAP_DEG = 0.05


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, int], list[dict], np.ndarray, shapely.STRtree]:
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("countries")
    index = {r["iso_a2"]: i for i, r in enumerate(recs) if r.get("iso_a2") and r.get("primary", True)}
    return index, recs, geoms, shapely.STRtree(geoms)


def _lines(geom: BaseGeometry) -> BaseGeometry | None:
    """Return the line parts of an intersection result, merged, or None when there are none."""
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("LineString", "MultiLineString")]
    parts = [g for g in parts if g.length > _SLIVER_DEG]
    if not parts:
        return None
    return shapely.line_merge(shapely.union_all(parts))


def _line_place(place_id: str, name: str, kind: str, country: str | None, line: BaseGeometry) -> Place:
    # vertices at most _VERTEX_GAP_DEG apart, so that a straight state line has a vertex near its middle
    xy = shapely.get_coordinates(shapely.segmentize(line, _VERTEX_GAP_DEG))
    centre = line.centroid
    k = int(np.argmin((xy[:, 0] - centre.x) ** 2 + (xy[:, 1] - centre.y) ** 2))
    lon, lat = float(xy[k, 0]), float(xy[k, 1])
    _, _, d = GEOD.inv(np.full(len(xy), lon), np.full(len(xy), lat), xy[:, 0], xy[:, 1])
    return Place(
        place_id,
        name,
        kind,
        lat,
        lon,
        country=country,
        extent_m=float(np.max(d)),
        source="naturalearth",
        geometry=line,
    )


def _name(iso: str) -> str:
    index, recs, _, _ = _countries()
    return recs[index[iso]].get("name") or iso


@lru_cache(maxsize=512)
def border_place(a: str, b: str) -> Place | None:
    """Return the land border between two countries (ISO alpha-2 codes), or None if they share none."""
    index, _, geoms, _ = _countries()
    a, b = sorted((a.upper(), b.upper()))
    if a not in index or b not in index or a == b:
        return None
    line = _lines(shapely.intersection(geoms[index[a]].boundary, geoms[index[b]].boundary))
    if line is None:
        return None
    # of no one country: the side the text means is the target's, not the first in the alphabet
    return _line_place(f"border:{a}-{b}", f"{_name(a)}–{_name(b)} border", "border", None, line)


@lru_cache(maxsize=256)
def border_with_place(home: str, others: tuple[str, ...]) -> Place | None:
    """Return a country's land border with each of ``others`` as one line; None if one is no neighbour.

    "Near the border with Peru and Colombia", said of Brazil: Brazil's border with both, not theirs.

    Examples
    --------
    >>> border_with_place("BR", ("PE", "CO")).name
    'Brazil–Peru and Brazil–Colombia border'
    >>> border_with_place("BR", ("PE", "DE")) is None  # Germany is no neighbour of Brazil
    True
    """
    if len(others) == 1:
        return border_place(home, others[0])
    parts = [border_place(home, o) for o in others]
    if any(p is None for p in parts):
        return None
    line = _lines(shapely.union_all([p.geometry for p in parts if p is not None]))
    if line is None:
        return None
    codes = "-".join((home.upper(), *(o.upper() for o in others)))
    name = " and ".join(f"{_name(home.upper())}–{_name(o.upper())}" for o in others) + " border"
    return _line_place(f"border:{codes}", name, "border", None, line)


def region_border_place(a: Place, b: Place) -> Place | None:
    """Return the boundary two regions share ("the Idaho–Utah border"), or None if they share none.

    Any two places with polygons will do (states, provinces, counties): their shared boundary is
    where their boundaries coincide, as for countries.

    Examples
    --------
    >>> from geokit.places.gazetteer import get_gazetteer
    >>> gazetteer = get_gazetteer()
    >>> idaho, utah, ohio = (
    ...     gazetteer.candidates(n, kinds=("admin1",), country="US", fuzzy=False)[0].place
    ...     for n in ("Idaho", "Utah", "Ohio")
    ... )
    >>> line = region_border_place(idaho, utah)
    >>> line.name, line.kind, line.country, 100_000 < line.extent_m < 200_000
    ('Idaho–Utah border', 'border', 'US', True)
    >>> region_border_place(idaho, ohio) is None
    True
    """
    polygonal = ("Polygon", "MultiPolygon")
    if a.id == b.id or a.geometry is None or b.geometry is None:
        return None
    if a.geometry.geom_type not in polygonal or b.geometry.geom_type not in polygonal:
        return None
    line = _lines(shapely.intersection(a.geometry.boundary, b.geometry.boundary))
    if line is None:
        return None
    a, b = sorted((a, b), key=lambda p: p.id)  # one line, whichever side the text names first
    country = a.country if a.country == b.country else None
    return _line_place(f"border:{a.id}-{b.id}", f"{a.name}–{b.name} border", "border", country, line)


@lru_cache(maxsize=256)
def neighbours(iso: str) -> tuple[str, ...]:
    """Return the countries that share a land border with ``iso``, by ISO alpha-2 code (sorted).

    Examples
    --------
    >>> sorted(neighbours("LY"))
    ['DZ', 'EG', 'NE', 'SD', 'TD', 'TN']
    """
    index, recs, geoms, tree = _countries()
    iso = iso.upper()
    if iso not in index:
        return ()
    out = []
    for j in tree.query(geoms[index[iso]], predicate="touches"):
        other = recs[int(j)].get("iso_a2")
        if other and other != iso and other in index and border_place(iso, other) is not None:
            out.append(other)
    return tuple(sorted(set(out)))


@lru_cache(maxsize=256)
def side_border_place(iso: str, azimuth: float) -> Place | None:
    """Return a country's land border on one side, with the neighbours whose border lies that way.

    A neighbour's border is on that side when most of it lies in the outer quarter of the
    country's main part (its largest polygon) that way, measured along the direction on a local
    equirectangular plane. None when no neighbour's does.

    Parameters
    ----------
    iso : str
        The country (ISO alpha-2 code).
    azimuth : float
        The side, in degrees clockwise from north ("northern": 0).

    Examples
    --------
    >>> side_border_place("LB", 180.0).name  # Lebanon's southern border
    'Israel–Lebanon border'
    >>> side_border_place("UA", 0.0).name  # Ukraine's northern border
    'Belarus–Ukraine border'
    >>> side_border_place("IL", 0.0).name  # Israel's northern border: not the West Bank's
    'Israel–Lebanon and Israel–Syria border'
    >>> side_border_place("IS", 0.0) is None  # an island country
    True
    """
    index, _, geoms, _ = _countries()
    iso = iso.upper()
    if iso not in index:
        return None
    main = max(shapely.get_parts(geoms[index[iso]]), key=lambda part: part.area)
    scale = np.cos(np.radians(main.centroid.y))
    az = np.radians(azimuth)

    def along(geom: BaseGeometry) -> np.ndarray:
        xy = shapely.get_coordinates(shapely.segmentize(geom, _VERTEX_GAP_DEG))
        return xy[:, 0] * scale * np.sin(az) + xy[:, 1] * np.cos(az)

    extent = along(main.exterior)
    top = float(extent.max())
    floor = top - _SIDE_SHARE * (top - float(extent.min()))
    lying = []
    for other in neighbours(iso):
        line = border_place(iso, other)
        if line is not None and line.geometry is not None:
            x = along(line.geometry)
            if np.mean((x >= floor) & (x <= top + 1e-6)) >= _ON_SIDE_SHARE:
                lying.append(other)
    if not lying:
        return None
    return border_place(iso, lying[0]) if len(lying) == 1 else border_with_place(iso, tuple(lying))


@lru_cache(maxsize=256)
def land_border_place(iso: str) -> Place | None:
    """Return all of a country's land borders as one line, or None for an island country."""
    index, _, _, _ = _countries()
    iso = iso.upper()
    lines = [p.geometry for other in neighbours(iso) if (p := border_place(iso, other)) is not None]
    if iso not in index or not lines:
        return None
    line = shapely.line_merge(shapely.union_all(lines))
    return _line_place(f"border:{iso}", f"border of {_name(iso)}", "border", iso, line)


@lru_cache(maxsize=256)
def coast_place(iso: str) -> Place | None:
    """Return a country's coast (its boundary less its land borders), or None when it has none."""
    index, _, geoms, _ = _countries()
    iso = iso.upper()
    if iso not in index:
        return None
    boundary = geoms[index[iso]].boundary
    land = land_border_place(iso)
    if land is None or land.geometry is None:
        rest = boundary
    else:
        rest = shapely.difference(boundary, land.geometry.buffer(1e-7))
    line = _lines(rest)
    if line is None:
        return None
    return _line_place(f"coast:{iso}", f"coast of {_name(iso)}", "coast", iso, line)
