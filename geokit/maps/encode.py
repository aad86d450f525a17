"""Compact, script-safe encodings of map data: JSON that cannot close a ``<script>``, polyline strings.

A layer of many shapes is sent to the page as one encoded-polyline string (Google's algorithm,
precision 5: 1e-5 degrees, about 1 m) plus a few small integer arrays, instead of one GeoJSON
feature per shape; the page decodes it (see :mod:`geokit.maps.layers`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

__all__ = ["encode_polyline", "pack_lines", "pack_points", "pack_polygons", "script_json"]

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACES = {ord("{"): "\\u007b", ord("}"): "\\u007d"}
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_json(obj: Any) -> str:
    r"""Return ``obj`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as ``\u003c``, ``\u003e`` and ``\u0026`` so that text such
    as ``</script>`` or ``<!--`` inside a string cannot end the script block; U+2028/U+2029 are
    escaped for old JavaScript engines. Braces inside strings are written ``\u007b``/``\u007d``,
    because branca parses each rendered script again as a Jinja template (``{{ … }}`` in a
    document's text would otherwise be evaluated). The result is deterministic.

    Examples
    --------
    >>> script_json({"q": "</script><script>alert(1)</script>"})
    '{"q":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'
    >>> script_json([1.5, None, "a&b"])
    '[1.5,null,"a\\u0026b"]'
    >>> script_json({"t": "{{ 7*7 }}"})
    '{"t":"\\u007b\\u007b 7*7 \\u007d\\u007d"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # branca re-reads rendered scripts as Jinja templates: no "{{", "{%" or "{#" may survive in strings
    text = _STRING.sub(lambda m: m.group(0).translate(_BRACES), text)
    return text.translate(_SCRIPT_ESCAPES)


def encode_polyline(latlon: np.ndarray | Sequence[Sequence[float]], precision: int = 5) -> str:
    """Encode ``(lat, lon)`` rows with Google's encoded-polyline algorithm, deltas running throughout.

    Parameters
    ----------
    latlon : array of shape (n, 2)
        Latitude and longitude in degrees.
    precision : int, default 5
        Decimal digits kept (5 is about 1 m).

    Returns
    -------
    str
        Characters in ``?``..``~`` only (ASCII 63-126); empty for no points.

    Examples
    --------
    >>> encode_polyline([(38.5, -120.2), (40.7, -120.95), (43.252, -126.453)])
    '_p~iF~ps|U_ulLnnqC_mqNvxq`@'
    >>> encode_polyline([])
    ''
    """
    arr = np.asarray(latlon, dtype=float).reshape(-1, 2)
    if len(arr) == 0:
        return ""
    ints = np.round(arr * 10**precision).astype(np.int64).ravel()
    # lat deltas from the previous lat, lon deltas from the previous lon
    deltas = np.empty_like(ints)
    deltas[0::2] = np.diff(ints[0::2], prepend=0)
    deltas[1::2] = np.diff(ints[1::2], prepend=0)
    zz = np.where(deltas < 0, ~(deltas << 1), deltas << 1).astype(np.uint64)
    nchunks = 7  # enough for |delta| < 2**34
    chunks = np.empty((len(zz), nchunks), dtype=np.uint64)
    rest = zz.copy()
    for k in range(nchunks):
        chunks[:, k] = rest & np.uint64(0x1F)
        rest >>= np.uint64(5)
    # number of 5-bit groups each value needs (at least one)
    bits = np.zeros(len(zz), dtype=np.int64)
    nz = zz > 0
    bits[nz] = np.floor(np.log2(zz[nz].astype(np.float64))).astype(np.int64) + 1
    # guard against floating error at exact powers of two
    over = (zz >> np.minimum(bits, 63).astype(np.uint64)) > 0
    bits[over] += 1
    length = np.maximum(1, -(-bits // 5))
    col = np.arange(nchunks)[None, :]
    used = col < length[:, None]
    cont = col < (length[:, None] - 1)
    codes = (chunks | np.where(cont, np.uint64(0x20), np.uint64(0))) + np.uint64(63)
    return codes[used].astype(np.uint8).tobytes().decode("ascii")


def pack_points(latlons: Iterable[tuple[float, float]], precision: int = 5) -> dict[str, Any]:
    """Pack points into ``{"g": "point", "c": <polyline>}``.

    Examples
    --------
    >>> pack_points([(31.2, 16.59), (31.21, 16.6)])
    {'g': 'point', 'c': '_wl}DofgdBo}@o}@', 'p': 5}
    """
    arr = np.asarray(list(latlons), dtype=float).reshape(-1, 2)
    return {"g": "point", "c": encode_polyline(arr, precision), "p": precision}


def pack_lines(lines: Iterable[np.ndarray], precision: int = 5) -> dict[str, Any]:
    """Pack line strings, each an array of ``(lat, lon)`` rows, into a polyline plus vertex counts.

    Examples
    --------
    >>> import numpy as np
    >>> pack_lines([np.array([(0.0, 0.0), (1.0, 1.0)])])
    {'g': 'line', 'c': '??_ibE_ibE', 's': [2], 'p': 5}
    """
    parts = [np.asarray(line, dtype=float).reshape(-1, 2) for line in lines]
    coords = np.concatenate(parts) if parts else np.empty((0, 2))
    return {
        "g": "line",
        "c": encode_polyline(coords, precision),
        "s": [len(p) for p in parts],
        "p": precision,
    }


def _polygon_rings(geom: BaseGeometry) -> list[list[np.ndarray]]:
    """Return the polygons of ``geom`` as lists of rings of ``(lat, lon)`` rows (closing point dropped)."""
    polys = [geom] if geom.geom_type == "Polygon" else list(getattr(geom, "geoms", []))
    out = []
    for poly in polys:
        if not isinstance(poly, shapely.Polygon) or poly.is_empty:
            continue
        rings = [poly.exterior, *poly.interiors]
        out.append([np.asarray(r.coords)[:-1, ::-1] for r in rings])
    return out


def pack_polygons(
    geoms: Sequence[BaseGeometry], precision: int = 5, tolerance: Sequence[float] | float = 0.0
) -> dict[str, Any]:
    """Pack (multi)polygons into a polyline plus a structure array, after optional simplification.

    The structure array ``s`` holds, for each geometry in order: the number of polygons, then for
    each polygon the number of rings, then each ring's vertex count.

    Parameters
    ----------
    geoms : sequence of Polygon or MultiPolygon (lon/lat)
    precision : int, default 5
        Decimal digits kept.
    tolerance : float or sequence of float, default 0
        Simplification tolerance in degrees (per geometry, or one for all); 0 keeps every vertex.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> d = pack_polygons([box(0, 0, 1, 1)])
    >>> d["g"], d["s"]
    ('polygon', [1, 1, 4])
    """
    garr = np.asarray(list(geoms), dtype=object)
    tol = np.broadcast_to(np.asarray(tolerance, dtype=float), garr.shape)
    if len(garr) and np.any(tol > 0):
        garr = shapely.simplify(garr, tol, preserve_topology=True)
    coords: list[np.ndarray] = []
    struct: list[int] = []
    for g in garr:
        polys = _polygon_rings(g) if g is not None and not g.is_empty else []
        struct.append(len(polys))
        for rings in polys:
            struct.append(len(rings))
            for ring in rings:
                struct.append(len(ring))
                coords.append(ring)
    allc = np.concatenate(coords) if coords else np.empty((0, 2))
    return {"g": "polygon", "c": encode_polyline(allc, precision), "s": struct, "p": precision}
