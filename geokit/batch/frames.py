"""GeoDataFrames of one partition with a fixed schema, so every part of a dataset reads as one table.

Columns keep one type in every part, even an empty one (nullable ``string``, ``Int64``, ``float64``,
``boolean`` dtypes); geometries are EPSG:4326 and null where there is nothing to draw. The
``corrected`` column of places, claims and estimates is what an analyst correction changed (the
``corrected`` marker of :mod:`geokit.corrections`, as a JSON string), null where nothing was.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import geopandas as gpd
    import numpy as np

    from geokit.checks.targets import Target
    from geokit.model import Claim, Estimate
    from geokit.pipeline import DocumentResult

__all__ = [
    "CHECK_COLUMNS",
    "CLAIM_COLUMNS",
    "ESTIMATE_COLUMNS",
    "PLACE_COLUMNS",
    "checks_frame",
    "claims_frame",
    "estimates_frame",
    "places_frame",
]

PLACE_COLUMNS: dict[str, str] = {
    "document": "string",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "id": "string",
    "name": "string",
    "kind": "string",
    "lat": "float64",
    "lon": "float64",
    "country": "string",
    "score": "float64",
    "reason": "string",
    "part": "string",
    "corrected": "string",
}
CLAIM_COLUMNS: dict[str, str] = {
    "document": "string",
    "id": "string",
    "source": "string",
    "quote": "string",
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    "relation": "string",
    "target": "string",
    "anchor_id": "string",
    "anchor_name": "string",
    "anchor2_id": "string",
    "anchor2_name": "string",
    "distance_m": "float64",
    "distance_text": "string",
    "unit": "string",
    "azimuth_deg": "float64",
    "half_angle_deg": "float64",
    "hedge": "string",
    "inverse": "boolean",
    "flags": "string",
    "lat": "float64",
    "lon": "float64",
    "radius_m": "float64",
    "corrected": "string",
}
ESTIMATE_COLUMNS: dict[str, str] = {
    "claim": "string",
    "document": "string",
    "lat": "float64",
    "lon": "float64",
    "radius_m": "float64",
    "method": "string",
    "components": "string",
    "corrected": "string",
}
CHECK_COLUMNS: dict[str, str] = {
    "target": "string",
    "key": "string",
    "a": "string",
    "b": "string",
    "verdict": "string",
    "separation_m": "float64",
    "overlap": "float64",
    "reasons": "string",
}


def _frame(rows: list[dict[str, Any]], columns: Mapping[str, str], geoms: Sequence[Any]) -> gpd.GeoDataFrame:
    return _frame_from_columns({name: [r.get(name) for r in rows] for name in columns}, columns, geoms)


def _frame_from_columns(
    values: Mapping[str, list[Any]], columns: Mapping[str, str], geoms: Sequence[Any] | np.ndarray
) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import pandas as pd

    data = {name: pd.Series(values[name], dtype=dtype) for name, dtype in columns.items()}
    frame = pd.DataFrame(data, columns=list(columns))
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(list(geoms), crs="EPSG:4326"), crs="EPSG:4326")


def _corrected(marker: Mapping[str, Any] | None) -> str | None:
    """Return what the analyst changed (the ``corrected`` marker) as JSON, or None."""
    return None if not marker else json.dumps(marker, ensure_ascii=False, sort_keys=True)


def _point(lat: float | None, lon: float | None) -> Any:
    from shapely.geometry import Point

    return None if lat is None or lon is None else Point(lon, lat)


def _points(lats: Sequence[float | None], lons: Sequence[float | None]) -> Any:
    """Return the points of many (lat, lon) pairs at once, None where either is missing.

    Examples
    --------
    >>> [None if p is None else p.wkt for p in _points([1.5, None, 2.0], [3.0, 4.0, None])]
    ['POINT (3 1.5)', None, None]
    """
    import numpy as np
    import shapely

    lat = np.array([np.nan if v is None else v for v in lats], dtype=float)
    lon = np.array([np.nan if v is None else v for v in lons], dtype=float)
    out = np.full(len(lat), None, dtype=object)
    ok = ~(np.isnan(lat) | np.isnan(lon))
    if ok.any():
        out[ok] = shapely.points(lon[ok], lat[ok])
    return out


def places_frame(results: Sequence[DocumentResult]) -> gpd.GeoDataFrame:
    """Return one row per place mention (resolved or not) of ``results``; geometry is the point.

    Examples
    --------
    >>> from geokit.model import Document, Mention
    >>> from geokit.pipeline import DocumentResult
    >>> f = places_frame([DocumentResult(Document("d", "Nowhere"), [Mention("d", 0, 7, "Nowhere")])])
    >>> len(f), f.geometry.isna().tolist(), str(f.crs)
    (1, [True], 'EPSG:4326')
    """
    rows = []
    for r in results:
        for m in r.mentions:
            row = m.head_dict()  # the JSON form without the alternatives, which have no column
            row["document"] = r.document.id
            row["corrected"] = _corrected(m.corrected)
            rows.append(row)
    return _frame(rows, PLACE_COLUMNS, _points([r["lat"] for r in rows], [r["lon"] for r in rows]))


def claims_frame(claims: Sequence[Claim], estimates: Mapping[str, Estimate]) -> gpd.GeoDataFrame:
    """Return one row per claim; geometry is the estimated point (null without an estimate)."""
    rows, geoms = [], []
    for c in claims:
        e = estimates.get(c.id)
        rows.append(
            {
                "document": c.document,
                "id": c.id,
                "source": c.source,
                "quote": c.quote,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "relation": c.relation,
                "target": c.target,
                "anchor_id": c.anchor.id if c.anchor else None,
                "anchor_name": c.anchor.name if c.anchor else None,
                "anchor2_id": c.anchor2.id if c.anchor2 else None,
                "anchor2_name": c.anchor2.name if c.anchor2 else None,
                "distance_m": c.distance.metres if c.distance else None,
                "distance_text": c.distance.text if c.distance else None,
                "unit": c.distance.unit if c.distance else None,
                "azimuth_deg": c.direction.azimuth if c.direction else None,
                "half_angle_deg": c.direction.half_angle if c.direction else None,
                "hedge": c.hedge,
                "inverse": c.inverse,
                "flags": "; ".join(c.flags),
                "lat": e.lat if e else None,
                "lon": e.lon if e else None,
                "radius_m": e.radius_m if e else None,
                "corrected": _corrected(c.corrected),
            }
        )
        geoms.append(_point(e.lat, e.lon) if e else None)
    return _frame(rows, CLAIM_COLUMNS, geoms)


def estimates_frame(claims: Sequence[Claim], estimates: Mapping[str, Estimate]) -> gpd.GeoDataFrame:
    """Return one row per estimate of ``claims``, in claim order; geometry is the region polygon."""
    rows, geoms = [], []
    for c in claims:
        e = estimates.get(c.id)
        if e is None:
            continue
        rows.append(
            {
                "claim": e.claim_id,
                "document": c.document,
                "lat": e.lat,
                "lon": e.lon,
                "radius_m": e.radius_m,
                "method": e.method,
                "components": json.dumps({k: round(v, 1) for k, v in e.components.items()}),
                "corrected": _corrected(c.corrected),
            }
        )
        geoms.append(e.region if e.region is not None else _point(e.lat, e.lon))
    return _frame(rows, ESTIMATE_COLUMNS, geoms)


def checks_frame(targets: Sequence[Target], estimates: Mapping[str, Estimate]) -> gpd.GeoDataFrame:
    """Return one row per check; geometry joins the two estimated points (null if one is missing)."""
    import numpy as np
    import shapely

    cols: dict[str, list[Any]] = {name: [] for name in CHECK_COLUMNS}
    for t in targets:
        for k in t.checks:
            cols["target"].append(t.label)
            cols["key"].append(t.key)
            cols["a"].append(k.a)
            cols["b"].append(k.b)
            cols["verdict"].append(k.verdict)
            cols["separation_m"].append(k.separation_m)
            cols["overlap"].append(k.overlap)
            cols["reasons"].append("; ".join(k.reasons))
    nan = (np.nan, np.nan)
    ends = [
        [(e.lon, e.lat) if (e := estimates.get(x)) is not None else nan for x in (a, b)]
        for a, b in zip(cols["a"], cols["b"], strict=True)
    ]
    coords = np.asarray(ends, dtype=float).reshape(len(ends), 2, 2)
    geoms = np.full(len(ends), None, dtype=object)
    ok = np.isfinite(coords).all(axis=(1, 2))
    if ok.any():
        geoms[ok] = shapely.linestrings(coords[ok])
    return _frame_from_columns(cols, CHECK_COLUMNS, geoms)
