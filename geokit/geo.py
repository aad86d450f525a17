"""Geodesy for every stage: one WGS84 ellipsoid, its distances and bearings.

Every distance and direction geokit computes is geodesic on the WGS84 ellipsoid, through one
:class:`pyproj.Geod` (``GEOD``). Stages import it from here rather than building their own.

Examples
--------
>>> round(distance_m(31.2, 16.6, 30.9, 16.2))  # Sirte to a point south-west of it
50637
>>> round(bearing_deg(31.2, 16.6, 30.9, 16.2))
229
>>> EARTH_HALF_CIRCUMFERENCE_M  # the farthest any two points are apart: pole to pole
20003931.458625447
"""

from __future__ import annotations

from typing import overload

import numpy as np
from numpy.typing import ArrayLike, NDArray
from pyproj import Geod

from geokit.errors import InputError

__all__ = [
    "EARTH_HALF_CIRCUMFERENCE_M",
    "EARTH_MEAN_RADIUS_M",
    "GEOD",
    "bearing_deg",
    "distance_m",
    "format_latlon",
    "great_circle_m",
    "normalise_latlon",
]

#: The WGS84 ellipsoid every geodesic computation in geokit uses.
GEOD = Geod(ellps="WGS84")
#: The longest geodesic on WGS84 (half a meridian, from pole to pole), metres: no two points on
#: Earth are farther apart, so no stated distance can be longer.
EARTH_HALF_CIRCUMFERENCE_M: float = GEOD.line_length([0.0, 0.0], [-90.0, 90.0])
#: The mean radius of the WGS84 ellipsoid (IUGG R1), metres: the sphere of :func:`great_circle_m`.
EARTH_MEAN_RADIUS_M = 6_371_008.8


@overload
def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float: ...
@overload
def distance_m(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> NDArray[np.float64]: ...
def distance_m(
    lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike
) -> float | NDArray[np.float64]:
    """Return the geodesic distance between points, in metres (scalars or arrays, lat/lon order).

    Examples
    --------
    >>> distance_m(0.0, 0.0, 0.0, 1.0)  # a degree of longitude on the equator
    111319.49079327357
    >>> distance_m([0.0, 0.0], [0.0, 0.0], [0.0, 1.0], [0.0, 0.0]).tolist()
    [0.0, 110574.38855779878]
    """
    _, _, d = GEOD.inv(lon1, lat1, lon2, lat2)
    return np.asarray(d, dtype=np.float64) if np.ndim(d) else float(d)


@overload
def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float: ...
@overload
def bearing_deg(
    lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike
) -> NDArray[np.float64]: ...
def bearing_deg(
    lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike
) -> float | NDArray[np.float64]:
    """Return the initial geodesic bearing from the first point to the second, degrees in [0, 360).

    Examples
    --------
    >>> bearing_deg(0.0, 0.0, 0.0, -1.0)  # due west
    270.0
    """
    az, _, _ = GEOD.inv(lon1, lat1, lon2, lat2)
    az = np.mod(np.asarray(az, dtype=np.float64), 360.0)
    return az if np.ndim(az) else float(az)


def normalise_latlon(lat: ArrayLike, lon: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return coordinates as float arrays, longitudes wrapped into [-180, 180).

    Raises
    ------
    InputError
        For a non-finite coordinate or a latitude outside [-90, 90].

    Examples
    --------
    >>> [a.tolist() for a in normalise_latlon(31.2, 376.6)]
    [31.2, 16.600000000000023]
    >>> normalise_latlon(91.0, 0.0)
    Traceback (most recent call last):
    ...
    geokit.errors.InputError: latitude must be between -90 and 90 degrees
    """
    lat_a = np.asarray(lat, dtype=np.float64)
    lon_a = np.asarray(lon, dtype=np.float64)
    if not (np.all(np.isfinite(lat_a)) and np.all(np.isfinite(lon_a))):
        raise InputError("latitude and longitude must be finite numbers")
    if np.any(np.abs(lat_a) > 90):
        raise InputError("latitude must be between -90 and 90 degrees")
    return lat_a, (lon_a + 180.0) % 360.0 - 180.0


def great_circle_m(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> NDArray[np.float64]:
    """Return great-circle distances on the mean sphere, metres, between radian arrays (broadcast).

    For ranking many candidates at once (the resolver's coherence: thousands of pairs per
    document), where a geodesic per pair costs too much and 0.5 % does not change an order; every
    distance geokit reports is geodesic (:func:`distance_m`).

    Examples
    --------
    >>> lat, lon = np.radians([[0.0], [0.0]]), np.radians([[0.0], [1.0]])
    >>> great_circle_m(lat, lon, lat.T, lon.T).round().tolist()  # a degree on the equator
    [[0.0, 111195.0], [111195.0, 0.0]]
    """
    lat1, lon1, lat2, lon2 = (np.asarray(v, dtype=np.float64) for v in (lat1, lon1, lat2, lon2))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return np.asarray(2 * EARTH_MEAN_RADIUS_M * np.arcsin(np.sqrt(np.minimum(1.0, h))), dtype=np.float64)


def format_latlon(lat: float, lon: float, digits: int = 2) -> str:
    """Return a point as people write it: degrees with a hemisphere letter.

    Examples
    --------
    >>> format_latlon(31.2089, 16.5887)
    '31.21° N, 16.59° E'
    >>> format_latlon(-33.86, -70.65, digits=3)
    '33.860° S, 70.650° W'
    """
    ns, ew = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
    return f"{abs(lat):.{digits}f}° {ns}, {abs(lon):.{digits}f}° {ew}"
