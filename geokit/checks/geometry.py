"""Geodesic measures between two estimates: separation of the points and overlap of the regions.

Areas are never computed in degrees: both regions are projected into one Lambert azimuthal
equal-area projection centred between the two points (equal-area, so the ratio of areas is exact;
centred, so a pair of regions across the antimeridian is measured as one piece of the globe).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import Polygon

from geokit.errors import InputError

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from geokit.model import Estimate

__all__ = ["geodesic_disk", "local_equal_area", "region_overlap", "separation_m"]

_GEOD = Geod(ellps="WGS84")


def separation_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the geodesic distance in metres between two points (WGS84).

    Examples
    --------
    >>> round(separation_m(31.20892, 16.58866, 30.92149, 16.25576))
    45000
    >>> separation_m(10.0, 179.9, 10.0, -179.9) < 22_000
    True
    """
    _, _, dist = _GEOD.inv(lon1, lat1, lon2, lat2)
    return float(dist)


def geodesic_disk(lat: float, lon: float, radius_m: float, n: int = 72) -> Polygon:
    """Return the polygon (lon/lat) of the points within ``radius_m`` of a point, from ``n`` geodesic rays.

    Longitudes are kept continuous around the centre (they may pass 180), which is what a projection
    centred nearby expects.

    Examples
    --------
    >>> d = geodesic_disk(31.2, 16.6, 10_000)
    >>> round(d.bounds[3], 3)
    31.29
    """
    if not radius_m > 0:
        raise InputError("a disk needs a positive radius")
    az = np.linspace(0.0, 360.0, n, endpoint=False)
    lons, lats, _ = _GEOD.fwd(np.full(n, lon), np.full(n, lat), az, np.full(n, float(radius_m)))
    lons = lon + (np.asarray(lons) - lon + 180.0) % 360.0 - 180.0
    return Polygon(np.column_stack([lons, lats]))


def local_equal_area(lat: float, lon: float) -> Transformer:
    """Return a lon/lat -> metres transformer to a Lambert azimuthal equal-area projection centred on a point.

    Examples
    --------
    >>> t = local_equal_area(31.2, 16.6)
    >>> [round(v, 6) for v in t.transform(16.6, 31.2)]
    [0.0, 0.0]
    """
    return Transformer.from_crs(
        "EPSG:4326", f"+proj=laea +lat_0={lat:.8f} +lon_0={lon:.8f} +datum=WGS84 +units=m", always_xy=True
    )


def _region(est: Estimate) -> BaseGeometry | None:
    if est.region is not None and not est.region.is_empty:
        return est.region
    if est.radius_m and est.radius_m > 0:
        return geodesic_disk(est.lat, est.lon, est.radius_m)
    return None


def region_overlap(ea: Estimate, eb: Estimate) -> float | None:
    """Return the area of the intersection of two estimates' regions over the area of the smaller one.

    An estimate without a region stands for the geodesic disk of its ``radius_m``. The areas are
    taken in a local equal-area projection centred on the midpoint of the two points.

    Returns
    -------
    float or None
        A fraction in [0, 1]; ``None`` when either estimate has neither a region nor a radius.

    Examples
    --------
    >>> from geokit.model import Estimate
    >>> a = Estimate("a", 31.0, 16.0, 10_000.0, None, "disk")
    >>> b = Estimate("b", 31.0, 16.0, 5_000.0, None, "disk")
    >>> round(region_overlap(a, b), 3)
    1.0
    >>> region_overlap(a, Estimate("c", 32.0, 16.0, 5_000.0, None, "disk"))
    0.0
    """
    ra, rb = _region(ea), _region(eb)
    if ra is None or rb is None:
        return None
    az, _, dist = _GEOD.inv(ea.lon, ea.lat, eb.lon, eb.lat)
    mlon, mlat, _ = _GEOD.fwd(ea.lon, ea.lat, az, dist / 2.0)
    tr = local_equal_area(float(mlat), float(mlon))
    pa, pb = (shapely.make_valid(shapely.transform(g, tr.transform, interleaved=False)) for g in (ra, rb))
    smaller = min(pa.area, pb.area)
    if not smaller > 0:
        return None
    return float(min(1.0, pa.intersection(pb).area / smaller))
