"""The point-radius method as the VertNet Georeferencing Calculator computes it, and an exact variant.

``mode="calculator"`` reproduces the Calculator's numbers (Wieczorek & Wieczorek 2020; method of
Wieczorek, Guo & Hijmans 2004 and *Georeferencing Best Practices*, Chapman & Wieczorek 2020) for
audit: maximum errors add linearly, coordinates are shifted with its flat-earth offset (metres per
degree from the WGS84 radii of curvature at the starting latitude), units are converted with its
own factors, and a distance at a heading gets ``e = sqrt((d + D − d·cos α)² + (d·sin α)²)``.

``mode="exact"`` keeps the same inputs but moves the point geodesically (:meth:`pyproj.Geod.fwd`)
and, for a distance at a heading, takes the radius that covers the exact annular sector grown by
the non-directional errors (see :mod:`geokit.estimates.regions`).

Sources of error (all in the distance unit on input, in metres in ``components``):

* ``datum`` — 0 when the datum is known (geokit works in WGS84); ``datum_error`` lets an auditor
  enter the Calculator's value for "datum not recorded".
* ``extent`` — the radial of the named place (``radial``).
* ``measurement`` — ``measurement_error``.
* ``distance_precision`` — half of ``distance_precision`` (P = 1 mi → 0.5 mi; P = 0: exact). When P
  is not given it is read from the distance as written (Best Practices rules, see
  :func:`geokit.estimates.policy.distance_precision`).
* ``map_scale`` — ``map_scale`` (a USGS scale such as "1:24000", National Map Accuracy Standards as
  the Calculator uses them) or ``map_scale_error``.
* ``coordinate_precision`` — the diagonal of a cell of ``coordinate_precision`` degrees at the
  latitude (WGS84 radii of curvature).
* ``direction`` — the part added by the heading's half-angle (45° for N, 22.5° for NE, 11.25° for
  NNE, 5.625° for NbE, 1° for a heading in degrees).
"""

from __future__ import annotations

import math
from typing import Any

import pyproj

from geokit.claims.grammar import normalise_unit
from geokit.errors import InputError
from geokit.estimates.policy import UNIT_METRES, distance_precision
from geokit.estimates.regions import farthest_distance, sector_region
from geokit.geo import GEOD

__all__ = [
    "HEADINGS",
    "LOCALITY_TYPES",
    "USGS_MAP_ERROR_FT",
    "coordinate_precision_error_m",
    "georef_from_args",
    "heading_azimuth",
    "point_radius",
]

#: The locality types of the Calculator, by geokit's names.
LOCALITY_TYPES = (
    "coordinates-only",
    "feature-only",
    "distance-only",
    "distance-at-heading",
    "orthogonal-offsets",
    "distance-along-path",
)

#: The 32 compass points, N first, clockwise (11.25° apart).
HEADINGS = (
    "N NbE NNE NEbN NE NEbE ENE EbN E EbS ESE SEbE SE SEbS SSE SbE "
    "S SbW SSW SWbS SW SWbW WSW WbS W WbN WNW NWbW NW NWbN NNW NbW"
).split()

#: USGS map accuracy (feet) by scale, as the Calculator uses it.
USGS_MAP_ERROR_FT = {
    "1:250000": 417.0, "1:100000": 167.0, "1:63360": 106.0, "1:62500": 105.0, "1:25000": 41.8,
    "1:24000": 40.0, "1:12000": 33.3, "1:10000": 27.8, "1:4800": 13.3, "1:2400": 6.7, "1:1200": 3.3,
}  # fmt: skip

# The Calculator's own conversion factors (mode="calculator" only).
_CALC_TO_M = {"m": 1.0, "km": 1000.0, "mi": 1609.3445, "yd": 0.91440276, "ft": 0.3048, "nm": 1852.0}
_CALC_FROM_M = {"m": 1.0, "km": 0.001, "mi": 0.000621371, "yd": 1.09361, "ft": 3.28084, "nm": 0.00053996}
_CALC_FROM_FT = {"m": 0.3048, "km": 0.0003048, "mi": 0.0001893939393939, "yd": 0.333333333, "ft": 1.0,
                 "nm": 0.00016458}  # fmt: skip


def _ellipsoid(name: str) -> tuple[float, float]:
    """(semi-major axis, first eccentricity squared) of a pyproj ellipsoid name ("WGS84", "clrk66")."""
    spec = pyproj.get_ellps_map().get(name)
    if spec is None:
        raise InputError(f"unknown ellipsoid {name!r} (use a pyproj name such as 'WGS84' or 'clrk66')")
    a = float(spec["a"])
    f = 1.0 / float(spec["rf"]) if "rf" in spec else (a - float(spec["b"])) / a
    return a, 2.0 * f - f * f


def _metres_per_degree(lat: float, ellipsoid: str = "WGS84") -> tuple[float, float]:
    a, e2 = _ellipsoid(ellipsoid)
    s2 = math.sin(math.radians(lat)) ** 2
    n = a / math.sqrt(1.0 - e2 * s2)
    m = a * (1.0 - e2) / (1.0 - e2 * s2) ** 1.5
    return math.pi * m / 180.0, math.pi * n * math.cos(math.radians(lat)) / 180.0


def coordinate_precision_error_m(lat: float, precision_deg: float, ellipsoid: str = "WGS84") -> float:
    """Return the uncertainty (metres) of coordinates given to ``precision_deg`` degrees at ``lat``.

    It is the diagonal of a cell of that size, with metres per degree from the WGS84 radii of
    curvature (meridian M and prime vertical N), as in the Calculator.

    Examples
    --------
    Best Practices §3.4.3: "Lat 10.27° Long −123.6° WGS84 … precision is 0.01 degrees … the
    uncertainty resulting from the combination of the two is 1.5568 km":

    >>> round(coordinate_precision_error_m(10.27, 0.01), 1)
    1556.8
    >>> round(coordinate_precision_error_m(10.0, 0.5) / 1000, 2)
    77.87
    """
    if precision_deg < 0:
        raise InputError("coordinate precision must be >= 0 degrees")
    lat_m, lon_m = _metres_per_degree(lat, ellipsoid)
    return math.hypot(lat_m, lon_m) * precision_deg


def heading_azimuth(direction: str) -> tuple[float, float]:
    """Return (azimuth, half-angle) in degrees for a compass point ("N", "NE", "NNE", "NbE", "N by E").

    Examples
    --------
    >>> heading_azimuth("ENE"), heading_azimuth("n by e"), heading_azimuth("W")
    ((67.5, 11.25), (11.25, 5.625), (270.0, 45.0))
    >>> heading_azimuth("up")
    Traceback (most recent call last):
    ...
    geokit.errors.InputError: unknown direction: 'up' (use one of N, NbE, NNE, NEbN, NE, ...)
    """
    key = "".join(direction.replace(" by ", "b").split()).lower()
    for i, h in enumerate(HEADINGS):
        if h.lower() == key:
            half = 45.0 if i % 8 == 0 else 22.5 if i % 4 == 0 else 11.25 if i % 2 == 0 else 5.625
            return i * 11.25, half
    raise InputError(f"unknown direction: {direction!r} (use one of N, NbE, NNE, NEbN, NE, ...)")


def _num(name: str, value: Any, *, minimum: float | None = 0.0) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number, not {value!r}") from None
    if not math.isfinite(x):
        raise InputError(f"{name} must be a finite number, not {value!r}")
    if minimum is not None and x < minimum:
        raise InputError(f"{name} must be >= {minimum:g}, not {x:g}")
    return x


def point_radius(
    lat: float,
    lon: float,
    locality_type: str,
    *,
    distance: float | None = None,
    unit: str = "km",
    direction: str | None = None,
    heading: float | None = None,
    offset_ns: float | None = None,
    offset_ns_direction: str = "N",
    offset_ew: float | None = None,
    offset_ew_direction: str = "E",
    distance_precision_value: float | None = None,
    distance_text: str | None = None,
    radial: float = 0.0,
    measurement_error: float = 0.0,
    coordinate_precision: float = 0.0,
    map_scale: str | None = None,
    map_scale_error: float = 0.0,
    datum_error: float = 0.0,
    ellipsoid: str = "WGS84",
    mode: str = "calculator",
) -> dict[str, Any]:
    """Return ``{"lat", "lon", "radius_m", "components"}`` for a locality, the Calculator's way.

    Parameters
    ----------
    lat, lon : float
        The named place's (or the locality's) coordinates, WGS84 degrees.
    locality_type : str
        One of :data:`LOCALITY_TYPES`.
    distance : float, optional
        The offset (distance-only, distance-at-heading), in ``unit``; optional for
        distance-along-path, where the point given is already on the path and the distance as
        written only sets the distance precision.
    unit : {"km", "mi", "m", "nm", "ft", "yd"}
    direction, heading : str or float, optional
        A compass point, or a heading in degrees (half-angle 1°), for distance-at-heading.
    offset_ns, offset_ew : float, optional
        Orthogonal offsets in ``unit``, with their directions ("N"/"S", "E"/"W").
    distance_precision_value : float, optional
        The precision P of the distances in ``unit``; the error is P/2. Default: read from
        ``distance_text`` (or the distance value) by the Best Practices rules.
    distance_text : str, optional
        The distance as written, for the default precision.
    radial, measurement_error, map_scale_error, datum_error : float
        In ``unit``.
    coordinate_precision : float
        Degrees (0: exact).
    map_scale : str, optional
        A USGS map scale ("1:24000") whose accuracy is added.
    ellipsoid : str
        The ellipsoid of the coordinates' datum (a pyproj name; "clrk66" for NAD27), used for the
        metres per degree in calculator mode and for the coordinate precision. The datum is known,
        so it adds no error unless ``datum_error`` says so.
    mode : {"calculator", "exact"}

    Examples
    --------
    Calculator test "10 mi ENE (by air) Bakersfield", NAD27 (known datum), USGS 1:24000, nearest
    second, extent 2 mi, measurement 0.007 mi, precision 10 mi → 35.4613445, -118.6932627, 7.491 mi:

    >>> r = point_radius(35 + 24 / 60 + 21 / 3600, -(118 + 51 / 60 + 25 / 3600), "distance-at-heading",
    ...                  distance=10, unit="mi", direction="ENE", distance_precision_value=10, radial=2,
    ...                  measurement_error=0.007, coordinate_precision=1 / 3600, map_scale="1:24000",
    ...                  ellipsoid="clrk66")
    >>> r["lat"], r["lon"], round(r["radius_m"] * 0.000621371, 3)
    (35.4613445, -118.6932627, 7.491)
    """
    if mode not in ("calculator", "exact"):
        raise InputError(f"mode must be 'calculator' or 'exact', not {mode!r}")
    if locality_type not in LOCALITY_TYPES:
        raise InputError(f"unknown locality type {locality_type!r}; use one of {', '.join(LOCALITY_TYPES)}")
    unit = normalise_unit(unit) if unit else "km"
    if unit not in UNIT_METRES:
        raise InputError(f"unknown unit {unit!r}; use one of {', '.join(UNIT_METRES)}")
    given_lat, given_lon = _num("lat", lat, minimum=None), _num("lon", lon, minimum=None)
    if given_lat is None or given_lon is None or not -90 <= given_lat <= 90 or not -180 <= given_lon <= 180:
        raise InputError("lat must be within [-90, 90] and lon within [-180, 180]")
    lat, lon = given_lat, given_lon
    calc = mode == "calculator"
    to_m = _CALC_TO_M[unit] if calc else UNIT_METRES[unit]
    radial = _num("radial", radial) or 0.0
    meas = _num("measurement error", measurement_error) or 0.0
    cp = _num("coordinate precision", coordinate_precision) or 0.0
    datum = _num("datum error", datum_error) or 0.0
    scale = _num("map scale error", map_scale_error) or 0.0
    if map_scale is not None:
        key = map_scale.replace(",", "").replace(" ", "")
        if key not in USGS_MAP_ERROR_FT:
            raise InputError(f"unknown map scale {map_scale!r}; use one of {', '.join(USGS_MAP_ERROR_FT)}")
        ft = USGS_MAP_ERROR_FT[key]
        scale += ft * _CALC_FROM_FT[unit] if calc else ft * 0.3048 / UNIT_METRES[unit]
    cp_m = coordinate_precision_error_m(lat, cp, ellipsoid)
    cp_u = cp_m * _CALC_FROM_M[unit] if calc else cp_m / UNIT_METRES[unit]

    d = _num("distance", distance)
    ns = _num("north-south offset", offset_ns) or 0.0
    ew = _num("east-west offset", offset_ew) or 0.0
    if offset_ns_direction.upper() not in ("N", "S") or offset_ew_direction.upper() not in ("E", "W"):
        raise InputError("offset directions must be N or S, and E or W")
    ns = -ns if offset_ns_direction.upper() == "S" else ns
    ew = -ew if offset_ew_direction.upper() == "W" else ew
    # along a path the input point is already on the path: the distance adds only its precision
    if locality_type in ("distance-only", "distance-at-heading") and d is None:
        raise InputError(f"locality type {locality_type!r} needs a distance")
    if locality_type == "orthogonal-offsets" and offset_ns is None and offset_ew is None:
        raise InputError("locality type 'orthogonal-offsets' needs --offset-ns and/or --offset-ew")

    p = _num("distance precision", distance_precision_value)
    if p is not None:
        p_err = p / 2.0
    elif locality_type == "orthogonal-offsets":
        p_err = max(distance_precision(None, abs(v), round_numbers="best-practices") for v in (ns, ew))
    elif d is not None and locality_type != "feature-only":
        p_err = distance_precision(distance_text, d, round_numbers="best-practices")
    else:
        p_err = 0.0

    comps = {"datum": datum, "extent": radial, "measurement": meas, "map_scale": scale}
    new_lat, new_lon = lat, lon
    if locality_type == "coordinates-only":
        comps.pop("extent")
        total = datum + cp_u + scale + meas
    elif locality_type == "feature-only":
        total = datum + radial + meas + scale + cp_u
    elif locality_type == "distance-only":
        assert d is not None  # checked above
        comps.update(offset=d, distance_precision=p_err)
        total = datum + radial + meas + p_err + scale + d + cp_u
    elif locality_type == "distance-along-path":
        comps.update(distance_precision=p_err)
        total = datum + radial + meas + p_err + scale + cp_u
    elif locality_type == "orthogonal-offsets":
        comps.update(distance_precision=p_err * math.sqrt(2.0))
        total = p_err * math.sqrt(2.0) + datum + radial + meas + scale + cp_u
        new_lat, new_lon = _move(lat, lon, ns, ew, to_m, calc, ellipsoid)
    else:  # distance-at-heading
        if direction is not None and heading is not None:
            raise InputError("give either a direction or a heading, not both")
        if direction is not None:
            az, alpha = heading_azimuth(direction)
        elif heading is not None:
            given_az = _num("heading", heading)
            if given_az is None or given_az >= 360.0:
                raise InputError("heading must be within [0, 360) degrees")
            az, alpha = given_az, 1.0
        else:
            raise InputError("locality type 'distance-at-heading' needs a direction or a heading")
        assert d is not None
        big_d = datum + radial + meas + p_err + scale
        comps.update(distance_precision=p_err, offset=d)
        a = math.radians(alpha)
        if calc:
            e_dir = math.sqrt((d + big_d - d * math.cos(a)) ** 2 + (d * math.sin(a)) ** 2)
            comps["direction"] = e_dir - big_d
            total = e_dir + cp_u
            north = d * math.cos(math.radians(az))
            east = d * math.cos(math.radians(az - 90.0))
            new_lat, new_lon = _move(lat, lon, north, east, to_m, calc, ellipsoid)
        else:
            lo, la, _ = GEOD.fwd(lon, lat, az, d * to_m)
            new_lat, new_lon = float(la), float(lo)
            low = max(0.0, d - p_err - meas) * to_m
            high = (d + p_err + meas) * to_m
            grow = (datum + radial + scale) * to_m + cp_m
            region = sector_region(lat, lon, low, high, az, alpha, grow)
            total = farthest_distance(new_lat, new_lon, region) / to_m
            comps["direction"] = 2.0 * d * math.sin(a / 2.0)
    comps["coordinate_precision"] = cp_u
    if locality_type == "coordinates-only":
        comps.pop("extent", None)
    if calc:  # the Calculator reports coordinates to 7 decimals
        new_lat, new_lon = round(new_lat * 1e7) / 1e7, round(new_lon * 1e7) / 1e7
    radius_m = total * to_m
    return {
        "lat": new_lat,
        "lon": new_lon,
        "radius_m": radius_m,
        "components": {k: float(v) * to_m for k, v in comps.items() if v is not None},
    }


def _move(
    lat: float, lon: float, north: float, east: float, to_m: float, calc: bool, ellipsoid: str
) -> tuple[float, float]:
    if calc:
        lat_m, lon_m = _metres_per_degree(lat, ellipsoid)
        new_lat = round((lat + north * to_m / lat_m) * 1e7) / 1e7
        new_lon = round((lon + east * to_m / lon_m) * 1e7) / 1e7
        return new_lat, new_lon
    r = math.hypot(north, east) * to_m
    az = math.degrees(math.atan2(east, north))
    lo, la, _ = GEOD.fwd(lon, lat, az, r)
    return float(la), float(lo)


def georef_from_args(
    *,
    lat: Any,
    lon: Any,
    type: str,
    distance: Any = None,
    unit: str = "km",
    direction: str | None = None,
    heading: Any = None,
    offset_ns: Any = None,
    offset_ns_direction: str = "N",
    offset_ew: Any = None,
    offset_ew_direction: str = "E",
    distance_precision: Any = None,
    radial: Any = None,
    measurement_error: Any = None,
    coordinate_precision: Any = None,
    map_scale: str | None = None,
    mode: str = "calculator",
) -> dict[str, Any]:
    """Run :func:`point_radius` from the ``geokit georef`` options (strings or numbers) → JSON-ready dict.

    Raises :class:`~geokit.errors.InputError` for impossible inputs (unknown type, unit or
    direction; a missing distance; negative values; latitude beyond ±90).

    Examples
    --------
    >>> out = georef_from_args(lat="31.20892", lon="16.58866", type="distance-at-heading",
    ...                        distance="45", unit="km", direction="SW", radial="8")
    >>> sorted(out), round(out["radius_m"])
    (['components', 'lat', 'lon', 'radius_m'], 20947)
    >>> georef_from_args(lat=95, lon=0, type="coordinates-only")
    Traceback (most recent call last):
    ...
    geokit.errors.InputError: lat must be within [-90, 90] and lon within [-180, 180]
    """
    text = None if distance is None else str(distance).strip()
    return point_radius(
        _num("lat", lat, minimum=None),  # type: ignore[arg-type]
        _num("lon", lon, minimum=None),  # type: ignore[arg-type]
        type,
        distance=_num("distance", distance),
        unit=unit or "km",
        direction=direction,
        heading=heading,
        offset_ns=offset_ns,
        offset_ns_direction=offset_ns_direction or "N",
        offset_ew=offset_ew,
        offset_ew_direction=offset_ew_direction or "E",
        distance_precision_value=_num("distance precision", distance_precision),
        distance_text=text,
        radial=_num("radial", radial) or 0.0,
        measurement_error=_num("measurement error", measurement_error) or 0.0,
        coordinate_precision=_num("coordinate precision", coordinate_precision) or 0.0,
        map_scale=map_scale,
        mode=mode,
    )
