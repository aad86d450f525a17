"""A small, pickle-free file format for a layer of geometries with JSON records.

A layer is one ``.npz`` file (a zip of ``.npy`` arrays, read with ``allow_pickle=False``) holding:

``format``
    ``int64[1]``: the format version, currently 1.
``wkb``
    ``uint8[n]``: the WKB of every geometry, concatenated.
``offsets``
    ``int64[k + 1]``: where each geometry's WKB starts; the last entry is ``n``.
``records``
    ``uint8[m]``: one UTF-8 JSON array of ``k`` objects, one per geometry.

The writer sets every zip timestamp to a fixed date and sorts JSON keys, so the same input always
gives the same bytes. Reading needs numpy, shapely and the standard library only (no geopandas),
which keeps the gazetteer's cold start short.
"""

from __future__ import annotations

import functools
import io
import itertools
import json
import re
import zipfile
from collections.abc import Sequence
from os import PathLike
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geokit.errors import DataError
from geokit.resources import data_file

__all__ = ["FORMAT_VERSION", "available_layers", "load_layer", "read_layer", "write_layer"]

#: Version of the layer format written by :func:`write_layer`.
FORMAT_VERSION = 1

_KEYS = ("format", "offsets", "records", "wkb")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_NAME_RE = re.compile(r"^[a-z0-9_]+$")


def _npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def write_layer(
    path: str | PathLike[str],
    records: list[dict[str, Any]],
    geometries: Sequence[BaseGeometry],
    *,
    compress: bool = True,
) -> None:
    """Write records and their geometries to one ``.npz`` layer file.

    Parameters
    ----------
    path : str or path-like
        The file to write (conventionally ending in ``.npz``); it is replaced if it exists.
    records : list of dict
        One JSON-serialisable mapping per geometry (no NaN or infinity).
    geometries : sequence of shapely geometries
        The geometries, in the same order as ``records``; none may be missing.
    compress : bool, default True
        Deflate the arrays (smaller files; reading costs a few milliseconds more).

    Raises
    ------
    ValueError
        If the lengths differ, a geometry is missing, or a record cannot be written as JSON.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from shapely import Point
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.npz"
    >>> write_layer(path, [{"name": "Sirte"}], [Point(16.5887, 31.2089)])
    >>> records, geoms = read_layer(path)
    >>> records[0]["name"], geoms[0].x
    ('Sirte', 16.5887)
    """
    geoms = list(geometries)
    if len(geoms) != len(records):
        raise ValueError(f"{len(records)} records but {len(geoms)} geometries")
    if any(g is None or not isinstance(g, BaseGeometry) for g in geoms):
        raise ValueError("every record needs a shapely geometry")
    blobs = shapely.to_wkb(np.asarray(geoms, dtype=object), byte_order=1, include_srid=False)
    sizes = np.fromiter((len(b) for b in blobs), dtype=np.int64, count=len(blobs))
    offsets = np.zeros(len(blobs) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    wkb = np.frombuffer(b"".join(blobs), dtype=np.uint8)
    text = json.dumps(records, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    arrays: dict[str, np.ndarray] = {
        "format": np.array([FORMAT_VERSION], dtype=np.int64),
        "offsets": offsets,
        "records": np.frombuffer(text.encode("utf-8"), dtype=np.uint8),
        "wkb": wkb,
    }
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for key in _KEYS:
            info = zipfile.ZipInfo(f"{key}.npy", date_time=_ZIP_DATE)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            archive.writestr(info, _npy_bytes(arrays[key]), compresslevel=9 if compress else None)


def _decode(source: Any, label: str) -> tuple[list[dict[str, Any]], np.ndarray]:
    try:
        with np.load(source, allow_pickle=False) as npz:
            missing = [key for key in _KEYS if key not in npz.files]
            if missing:
                raise DataError(f"layer {label} is damaged: missing arrays {missing}")
            version = int(npz["format"][0])
            offsets = npz["offsets"]
            wkb = npz["wkb"]
            text = npz["records"].tobytes().decode("utf-8")
    except DataError:
        raise
    except (OSError, ValueError, KeyError, IndexError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise DataError(f"layer {label} cannot be read: {exc}") from exc
    if version != FORMAT_VERSION:
        raise DataError(f"layer {label} has format {version}, this geokit reads {FORMAT_VERSION}")
    try:
        records = json.loads(text)
    except ValueError as exc:
        raise DataError(f"layer {label} is damaged: bad records JSON ({exc})") from exc
    if (
        not isinstance(records, list)
        or offsets.ndim != 1
        or len(offsets) != len(records) + 1
        or offsets[0] != 0
        or offsets[-1] != len(wkb)
        or np.any(np.diff(offsets) <= 0)
    ):
        raise DataError(f"layer {label} is damaged: offsets do not match the records")
    raw = wkb.tobytes()
    bounds = offsets.tolist()
    blobs = np.array([raw[a:b] for a, b in itertools.pairwise(bounds)], dtype=object)
    try:
        geoms = shapely.from_wkb(blobs, on_invalid="raise")
    except shapely.errors.GEOSException as exc:
        raise DataError(f"layer {label} is damaged: bad WKB ({exc})") from exc
    geoms = np.asarray(geoms, dtype=object).reshape(len(records))
    geoms.flags.writeable = False
    return records, geoms


def read_layer(path: str | PathLike[str]) -> tuple[list[dict[str, Any]], np.ndarray]:
    """Read a layer written by :func:`write_layer`.

    Parameters
    ----------
    path : str or path-like
        The ``.npz`` file.

    Returns
    -------
    records : list of dict
        One mapping per geometry.
    geometries : numpy.ndarray
        Read-only object array of shapely geometries, aligned with ``records``.

    Raises
    ------
    DataError
        If the file is missing or damaged.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from shapely import LineString
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "river.npz"
    >>> write_layer(path, [{"name": "Tigris"}], [LineString([(42, 37), (47, 31)])])
    >>> records, geoms = read_layer(path)
    >>> records, geoms[0].geom_type
    ([{'name': 'Tigris'}], 'LineString')
    """
    label = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise DataError(f"layer {label} cannot be opened: {exc}") from exc
    return _decode(io.BytesIO(data), label)


def _data_dir() -> Any:
    return data_file()


def available_layers() -> list[str]:
    """Names of the layers shipped in ``geokit/_data``.

    Returns
    -------
    list of str
        Sorted layer names, usable with :func:`load_layer`.

    Examples
    --------
    >>> isinstance(available_layers(), list)
    True
    """
    try:
        entries = list(_data_dir().iterdir())
    except OSError:
        return []
    return sorted(e.name[:-4] for e in entries if e.name.endswith(".npz") and _NAME_RE.match(e.name[:-4]))


@functools.lru_cache(maxsize=16)
def load_layer(name: str) -> tuple[list[dict[str, Any]], np.ndarray]:
    """Load one of geokit's layers (``countries``, ``admin1``, ``rivers``, ``marine``, ``land``).

    The result is cached: treat the records and geometries as read-only.

    Parameters
    ----------
    name : str
        The layer name: the file ``geokit/_data/<name>.npz``.

    Returns
    -------
    records : list of dict
        One mapping per geometry.
    geometries : numpy.ndarray
        Read-only object array of shapely geometries.

    Raises
    ------
    DataError
        If the layer does not exist or is damaged (rebuild it with ``data/build_natural_earth.py``).

    Examples
    --------
    >>> records, geoms = load_layer("countries")
    >>> iraq = next(i for i, r in enumerate(records) if r["iso_a3"] == "IRQ")
    >>> records[iraq]["name"], geoms[iraq].geom_type
    ('Iraq', 'MultiPolygon')
    """
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise DataError(f"bad layer name {name!r}; known layers: {available_layers()}")
    resource = _data_dir() / f"{name}.npz"
    try:
        data = resource.read_bytes()
    except (OSError, FileNotFoundError) as exc:
        raise DataError(
            f"geokit data layer {name!r} is missing ({exc}); known layers: {available_layers()}. "
            "Rebuild it with `python data/build_natural_earth.py`."
        ) from exc
    return _decode(io.BytesIO(data), f"{name!r}")
