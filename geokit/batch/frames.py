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

from geokit.frames import estimate_links, estimate_shapes, points

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
    cols: dict[str, list[Any]] = {name: [] for name in PLACE_COLUMNS}
    for r in results:
        for m in r.mentions:
            row = m.head_dict()  # the JSON form without the alternatives, which have no column
            row["document"] = r.document.id
            row["corrected"] = _corrected(m.corrected)
            for name, values in cols.items():
                values.append(row.get(name))
    return _frame_from_columns(cols, PLACE_COLUMNS, points(cols["lat"], cols["lon"]))


def claims_frame(claims: Sequence[Claim], estimates: Mapping[str, Estimate]) -> gpd.GeoDataFrame:
    """Return one row per claim; geometry is the estimated point (null without an estimate)."""
    rows = []
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
    return _frame(rows, CLAIM_COLUMNS, points([r["lat"] for r in rows], [r["lon"] for r in rows]))


def estimates_frame(claims: Sequence[Claim], estimates: Mapping[str, Estimate]) -> gpd.GeoDataFrame:
    """Return one row per estimate of ``claims``, in claim order; geometry is the region polygon."""
    rows, kept = [], []
    for c in claims:
        e = estimates.get(c.id)
        if e is None:
            continue
        kept.append(e)
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
    return _frame(rows, ESTIMATE_COLUMNS, estimate_shapes(kept))


def checks_frame(targets: Sequence[Target], estimates: Mapping[str, Estimate]) -> gpd.GeoDataFrame:
    """Return one row per check; geometry joins the two estimated points (null if one is missing)."""
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
    links = estimate_links(estimates, list(zip(cols["a"], cols["b"], strict=True)))
    return _frame_from_columns(cols, CHECK_COLUMNS, links)
