"""The land mask: whether a point is at sea, on ``global-land-mask``'s 1 km grid packed into bits.

Geography every later stage asks: the estimates clip at-sea regions to the sea, the checks flag an
estimate that lands in the water. The grid comes from the ``global-land-mask`` package (lakes count as
land); :func:`build_land_mask` packs it once into the cache beside the gazetteer.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from geokit.geo import GEOD, normalise_latlon

__all__ = ["at_sea", "build_land_mask", "land_mask_dir"]

_MASK_FORMAT = 1


def land_mask_dir() -> Path:
    """Return the folder of the packed land mask (beside the gazetteer artefact)."""
    from geokit.places.gazetteer import default_data_dir

    return default_data_dir().parent / f"landmask-v{_MASK_FORMAT}"


def build_land_mask(out_dir: str | os.PathLike[str] | None = None) -> Path:
    """Pack ``global-land-mask``'s 1 km grid into bits (117 MB instead of 933 MB) and save it.

    The packed grid is memory-mapped by :func:`at_sea`, so a process reads only the pages it
    needs instead of decompressing the whole grid (2 s and 1 GB per process).
    """
    import json
    import shutil
    import tempfile
    from importlib import resources

    out = Path(out_dir) if out_dir is not None else land_mask_dir()
    source = resources.files("global_land_mask") / "globe_combined_mask_compressed.npz"
    with resources.as_file(source) as src, np.load(src) as npz:
        lat_axis, lon_axis = npz["lat"], npz["lon"]
        packed = np.packbits(npz["mask"], axis=1)  # the package's mask is True at sea
    meta = {
        "lat0": float(lat_axis[0]),
        "dlat": float(lat_axis[1] - lat_axis[0]),
        "nlat": int(lat_axis.shape[0]),
        "lon0": float(lon_axis[0]),
        "dlon": float(lon_axis[1] - lon_axis[0]),
        "nlon": int(lon_axis.shape[0]),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    np.save(tmp / "mask.npy", packed, allow_pickle=False)
    (tmp / "mask.json").write_text(json.dumps(meta), encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return out


@lru_cache(maxsize=1)
def _land_grid() -> tuple[np.ndarray, dict[str, float]]:
    import json

    folder = land_mask_dir()
    if not (folder / "mask.json").exists():
        build_land_mask(folder)
    meta = json.loads((folder / "mask.json").read_text(encoding="utf-8"))
    return np.load(folder / "mask.npy", mmap_mode="r", allow_pickle=False), meta


def _is_land(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    grid, m = _land_grid()
    i = ((np.asarray(lat, dtype=float) - m["lat0"]) / m["dlat"]).astype(np.int64)
    j = ((np.asarray(lon, dtype=float) - m["lon0"]) / m["dlon"]).astype(np.int64)
    i = np.clip(i, 0, int(m["nlat"]) - 1)
    j = np.clip(j, 0, int(m["nlon"]) - 1)
    sea = (np.asarray(grid[i, j >> 3]) >> (7 - (j & 7))) & 1
    return sea == 0


def at_sea(lat: Any, lon: Any, *, tolerance_m: float = 0.0) -> Any:
    """Return whether a point (or each of many points) lies at sea.

    Parameters
    ----------
    lat, lon : float or array_like
        WGS84 degrees; longitudes are wrapped into [-180, 180).
    tolerance_m : float, default 0
        A point counts as on land when land lies within this distance (checked on a ring of 16
        points at ``tolerance_m`` and one at half of it), so that coastal points are not flagged for
        the 1 km grid of the mask.

    Returns
    -------
    bool or numpy.ndarray of bool
        A plain ``bool`` for scalar input, an array of the input's shape otherwise.

    Raises
    ------
    InputError
        For a latitude outside [-90, 90] or a non-finite coordinate.

    Examples
    --------
    >>> at_sea(31.50, 16.92)  # 45 km NE of Sirte: the Gulf of Sidra
    True
    >>> at_sea(30.92, 16.26)  # 45 km SW of Sirte
    False
    >>> at_sea([31.50, 30.92], [16.92, 16.26]).tolist()
    [True, False]
    >>> at_sea(31.225, 16.589)  # just off the shore at Sirte, on the 1 km grid
    True
    >>> at_sea(31.225, 16.589, tolerance_m=1500)
    False
    """
    lat_a, lon_a = normalise_latlon(lat, lon)
    sea = ~_is_land(lat_a, lon_a)
    if tolerance_m > 0 and np.any(sea):
        idx = np.flatnonzero(sea.ravel())
        azimuths = np.arange(0.0, 360.0, 22.5)
        la = np.repeat(lat_a.ravel()[idx], azimuths.size * 2)
        lo = np.repeat(lon_a.ravel()[idx], azimuths.size * 2)
        az = np.tile(azimuths, idx.size * 2)
        dist = np.tile(np.repeat([tolerance_m, tolerance_m / 2.0], azimuths.size), idx.size)
        rlon, rlat, _ = GEOD.fwd(lo, la, az, dist)
        land = _is_land(np.asarray(rlat), (np.asarray(rlon) + 180.0) % 360.0 - 180.0)
        near_land = land.reshape(idx.size, -1).any(axis=1)
        flat = sea.ravel().copy()
        flat[idx[near_land]] = False
        sea = flat.reshape(sea.shape)
    if sea.ndim == 0:
        return bool(sea)
    return sea
