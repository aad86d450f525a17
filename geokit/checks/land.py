"""Plausibility of an estimate on the ground: is it at sea, or outside the country the text names.

``at_sea`` (from :mod:`geokit.places.landmask`) asks the 1 km land mask of ``global-land-mask``
(lakes count as land), optionally with a tolerance ring so that a coastal point on the wrong side of
a grid cell is not flagged.
``outside_country`` measures the distance from the point to the country's polygon (Natural Earth, from
``geokit.places.layers``) geodesically, in an azimuthal-equidistant projection centred on the point,
and answers ``None`` when it cannot tell (unknown code, country layer unavailable).
``claim_flags`` gives the short flags the pipeline appends to ``Claim.flags``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import Point, box

from geokit.checks.geometry import local_transformer
from geokit.errors import DataError
from geokit.geo import GEOD, normalise_latlon
from geokit.places.landmask import at_sea

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from geokit.model import Claim, Estimate

__all__ = [
    "COAST_TOLERANCE_M",
    "COUNTRY_TOLERANCE_M",
    "TARGET_TOLERANCE_M",
    "at_sea",
    "claim_country",
    "claim_flags",
    "country_name",
    "outside_country",
    "put_at_sea",
    "target_place_outside",
]

#: Default tolerance of the sea test in ``claim_flags``: a little more than the mask's cell diagonal.
COAST_TOLERANCE_M = 1_500.0
#: Default tolerance of the country test: Natural Earth 10m borders are good to a few kilometres.
COUNTRY_TOLERANCE_M = 5_000.0
#: Default tolerance of the target-place test: a gazetteer point may lie this far from where news puts it.
TARGET_TOLERANCE_M = 25_000.0


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, BaseGeometry]] | None:
    """ISO2 -> (name, prepared geometry) from the countries layer, or None when it is unavailable."""
    try:
        from geokit.places.layers import load_layer
    except ImportError:  # the places stage is not installed with this build
        return None
    try:
        records, geometries = load_layer("countries")
    except (DataError, OSError):
        return None
    parts: dict[str, list[tuple[float, str, BaseGeometry]]] = {}
    for rec, geom in zip(records, geometries, strict=False):
        if geom is None or geom.is_empty:
            continue
        code = str(rec.get("iso_a2") or "").upper()
        if len(code) == 2 and code.isalpha():  # Natural Earth marks some disputed areas "-99"
            parts.setdefault(code, []).append((geom.area, str(rec.get("name") or code), geom))
    out: dict[str, tuple[str, BaseGeometry]] = {}
    for code, items in parts.items():
        # several records share a code (France and Clipperton Island): unite them, name after the largest
        items.sort(key=lambda item: -item[0])
        geom = items[0][2] if len(items) == 1 else shapely.union_all([item[2] for item in items])
        shapely.prepare(geom)
        out[code] = (items[0][1], geom)
    return out


def country_name(iso2: str) -> str:
    """Return the common English name of a country from its ISO 3166-1 alpha-2 code.

    The countries layer's name is used where it is loaded, else pycountry's common name; an unknown
    code is returned as it was given.

    Examples
    --------
    >>> country_name("LY")
    'Libya'
    >>> country_name("zz")
    'ZZ'
    """
    code = iso2.upper()
    layer = _countries()
    if layer and code in layer:
        return layer[code][0]
    import pycountry

    rec = pycountry.countries.get(alpha_2=code)
    if rec is None:
        return code
    return str(getattr(rec, "common_name", None) or rec.name)


def _distance_to(geom: BaseGeometry, lat: float, lon: float, limit_m: float) -> float:
    """Geodesic distance (m) from the point to ``geom``, or ``inf`` when it is farther than ``limit_m``."""
    # clip to a box that certainly holds the disk of radius limit_m, then measure in an AEQD on the point
    dlat = limit_m / 110_000.0 + 0.01
    dlon = min(180.0, dlat / max(np.cos(np.radians(min(abs(lat) + dlat, 89.9))), 1e-3))
    near = geom.intersection(box(lon - dlon, max(lat - dlat, -90), lon + dlon, min(lat + dlat, 90)))
    if near.is_empty:
        return float("inf")
    aeqd = local_transformer("aeqd", lat, lon)
    # types-shapely types transform() for interleaved=True only; interleaved=False passes x and y apart
    projected = shapely.transform(near, aeqd.transform, interleaved=False)  # type: ignore[arg-type]
    d = float(projected.distance(Point(0.0, 0.0)))
    return d if d <= limit_m else float("inf")


def outside_country(
    lat: float, lon: float, iso2: str | None, *, tolerance_m: float = COUNTRY_TOLERANCE_M
) -> bool | None:
    """Return whether a point lies outside a country by more than ``tolerance_m``.

    Parameters
    ----------
    lat, lon : float
        WGS84 degrees.
    iso2 : str or None
        ISO 3166-1 alpha-2 code of the country ("LY").
    tolerance_m : float, default 5000
        A point within this distance of the country's polygon counts as inside (coastal towns,
        coarse borders).

    Returns
    -------
    bool or None
        ``None`` when the code is missing or unknown, or the countries layer is not available.

    Examples
    --------
    >>> outside_country(30.92, 16.26, None) is None
    True
    """
    if not iso2:
        return None
    lat_a, lon_a = normalise_latlon(lat, lon)
    lat_f, lon_f = float(lat_a), float(lon_a)
    layer = _countries()
    if not layer:
        return None
    entry = layer.get(iso2.upper())
    if entry is None:
        return None
    geom = entry[1]
    if geom.contains(Point(lon_f, lat_f)):
        return False
    return _distance_to(geom, lat_f, lon_f, max(tolerance_m, 0.0)) == float("inf")


def put_at_sea(claim: Claim) -> bool:
    """Return whether a claim's own words put its target at sea ("off Tartus", "off the coast of Libya").

    Examples
    --------
    >>> from geokit.model import Claim
    >>> put_at_sea(Claim("c", "d", "", 0, 0, "offshore", "ship", "Tartus"))
    True
    """
    return claim.relation == "offshore" or (claim.anchor is not None and claim.anchor.kind == "coast")


def claim_country(claim: Claim) -> str | None:
    """Return the country a claim is placed in: the one its text names, else its anchor's."""
    return claim.context_country or (claim.anchor.country if claim.anchor is not None else None)


def claim_flags(
    claim: Claim,
    estimate: Estimate | None,
    *,
    coast_tolerance_m: float = COAST_TOLERANCE_M,
    country_tolerance_m: float = COUNTRY_TOLERANCE_M,
) -> list[str]:
    """Return the plausibility flags of an estimate: at sea, outside the country, far from the target place.

    The flags read ``"estimate at sea"``, ``"estimate outside <Country>"`` and ``"target place
    <name>, <CC> lies <N> km outside the estimate"`` (see :func:`target_place_outside`).

    The country is ``claim.context_country`` (the country the text places the claim in), else the
    anchor's country. A missing estimate gives no flags (the estimate stage has flagged why), nor
    does one put off a coast or a port ("60 nautical miles off the coast of Libya", "12 nautical
    miles off Tartus"): it belongs at sea.

    Examples
    --------
    >>> from geokit.model import Claim, Estimate
    >>> c = Claim(id="c1", document="d", quote="", start=0, end=0, relation="offset",
    ...           target="camp", anchor_text="Sirte")
    >>> claim_flags(c, Estimate("c1", 31.50, 16.92, 20000.0, None, "exact"))
    ['estimate at sea']
    >>> claim_flags(c, None)
    []
    """
    if estimate is None or put_at_sea(claim):
        return []
    flags: list[str] = []
    if at_sea(estimate.lat, estimate.lon, tolerance_m=coast_tolerance_m):
        flags.append("estimate at sea")
    country = claim_country(claim)
    if country and outside_country(estimate.lat, estimate.lon, country, tolerance_m=country_tolerance_m):
        flags.append(f"estimate outside {country_name(country)}")
    away = target_place_outside(claim, estimate)
    if away is not None:
        p = claim.target_place
        assert p is not None
        where = f", {p.country}" if p.country else ""
        flags.append(f"target place {p.name}{where} lies {away / 1000:,.0f} km outside the estimate")
    return flags


def target_place_outside(
    claim: Claim, estimate: Estimate, *, tolerance_m: float = TARGET_TOLERANCE_M
) -> float | None:
    """Return how far (m) the place a claim locates lies outside the claim's own estimate, or None.

    "Kalaa, roughly 60 km south-east of Marrakesh" with Kalaa resolved to a Tunisian namesake: the
    place chosen for the name, or the claim, is wrong. None when the claim names no target place,
    the estimate has no region, or the place lies inside it or within ``tolerance_m`` (or the
    place's own extent) of it. The distance is geodesic, to the region's nearest point.

    Examples
    --------
    >>> from geokit.model import Claim, Estimate, Place
    >>> from geokit.checks.geometry import geodesic_disk
    >>> far = Place("g:1", "El Golaa", "village", 33.48, 9.01, country="TN")
    >>> c = Claim(id="c", document="d", quote="", start=0, end=0, relation="offset", target="Kalaa",
    ...           anchor_text="Marrakesh", target_place=far)
    >>> e = Estimate("c", 31.25, -7.5, 30_000.0, geodesic_disk(31.25, -7.5, 30_000.0), "exact")
    >>> round(target_place_outside(c, e) / 1000, -2)
    1500.0
    """
    p = claim.target_place
    region = estimate.region
    if p is None or region is None or (claim.anchor is not None and claim.anchor.id == p.id):
        return None
    point = Point(p.lon, p.lat)
    if region.contains(point):
        return None
    near = shapely.ops.nearest_points(region, point)[0]
    _, _, d = GEOD.inv(p.lon, p.lat, near.x, near.y)
    return float(d) if d > max(tolerance_m, p.extent_m or 0.0) else None
