"""Readable tables of an analysis for notebooks: claims, estimates and checks as a person reads them.

Each frame keeps the columns a person reads: documents named by their titles, distances and radii
in kilometres, directions as compass words, each claim's target. Every frame is a GeoDataFrame
(EPSG:4326) whose geometry is null where there is nothing to draw. The frames of fixed schema that
``geokit batch`` stores are :mod:`geokit.batch.frames`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import geopandas as gpd

    from geokit.checks.targets import Target
    from geokit.model import Claim, Estimate
    from geokit.pipeline import Analysis, DocumentResult

__all__ = [
    "CHECK_COLUMNS",
    "CLAIM_COLUMNS",
    "ESTIMATE_COLUMNS",
    "analysis_html",
    "checks_frame",
    "claims_frame",
    "components_text",
    "document_names",
    "estimate_links",
    "estimate_shapes",
    "estimates_frame",
    "points",
]

#: Columns of :func:`claims_frame` (its index is the claim id, named ``claim``).
CLAIM_COLUMNS = (
    "document",
    "quote",
    "target",
    "relation",
    "anchor",
    "distance",
    "km",
    "direction",
    "hedge",
    "inverse",
    "flags",
    "lat",
    "lon",
    "radius_km",
)
#: Columns of :func:`estimates_frame` (its index is the claim id, named ``claim``).
ESTIMATE_COLUMNS = ("document", "target", "lat", "lon", "radius_km", "method", "components")
#: Columns of :func:`checks_frame`; ``a`` and ``b`` are claim ids (the index of :func:`claims_frame`).
CHECK_COLUMNS = (
    "target",
    "verdict",
    "source_a",
    "says_a",
    "source_b",
    "says_b",
    "km_apart",
    "reasons",
    "a",
    "b",
)
#: Rows listed per table in :func:`analysis_html` (the rest are counted).
SUMMARY_ROWS = 10


def document_names(results: Iterable[DocumentResult]) -> dict[str, str]:
    """Return each document's id and source -> the name a person knows it by (its title).

    Examples
    --------
    >>> from geokit.model import Document
    >>> from geokit.pipeline import DocumentResult
    >>> document_names([DocumentResult(Document("d1", "", source="a/b.txt", title="Floods"), [])])
    {'a/b.txt': 'Floods', 'd1': 'Floods'}
    """
    from geokit.text.documents import display_name

    names: dict[str, str] = {}
    for r in results:
        name = display_name(r.document)
        for key in (r.document.source, r.document.id):
            if key:
                names.setdefault(key, name)
    return names


def _km(metres: float, digits: int = 3) -> float:
    """Return metres as kilometres rounded to ``digits`` decimals."""
    return round(float(metres) / 1000.0, digits)


def components_text(components: Mapping[str, float]) -> str:
    """Return the uncertainty components (metres) in words, in kilometres, largest first.

    Examples
    --------
    >>> components_text({"hedge": 2253.0815999999977, "anchor_extent": 12345.6, "direction": 0.0})
    'anchor extent 12.3 km, hedge 2.25 km, direction 0.00 km'
    >>> components_text({})
    ''
    """
    from geokit.claims.wording import km

    items = sorted(components.items(), key=lambda kv: -abs(kv[1]))
    return ", ".join(f"{name.replace('_', ' ')} {km(float(m))}" for name, m in items)


def _written(claim: Claim) -> str | None:
    """Return the distance as written, with its unit: ``"28 mi"``, ``"40-50 km"`` (None without one)."""
    d = claim.distance
    if d is None:
        return None
    number = d.text or (f"{d.value:g}" if d.value2 is None else f"{d.value:g}-{d.value2:g}")
    return f"{number} {d.unit}"


def _target_labels(targets: Sequence[Target]) -> dict[str, str]:
    """Return claim id -> the label of the target it was checked under."""
    return {c.id: t.label for t in targets for c in t.claims}


def points(lats: Sequence[Any], lons: Sequence[Any]) -> Any:
    """Return the points of many (lat, lon) pairs at once, None where either is missing.

    The geometry column of every table of points, here and in :mod:`geokit.batch.frames`.

    Examples
    --------
    >>> [None if p is None else p.wkt for p in points([1.5, None, 2.0], [3.0, 4.0, None])]
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


def estimate_shapes(estimates: Sequence[Estimate]) -> Any:
    """Return each estimate's region, or its point when it has none.

    Examples
    --------
    >>> from geokit.model import Estimate
    >>> [g.geom_type for g in estimate_shapes([Estimate("c", 31.2, 16.6, 1000.0, None, "point")])]
    ['Point']
    """
    pts = points([e.lat for e in estimates], [e.lon for e in estimates])
    return [e.region if e.region is not None else p for e, p in zip(estimates, pts, strict=True)]


def estimate_links(estimates: Mapping[str, Estimate], pairs: Sequence[tuple[str, str]]) -> Any:
    """Return, per pair of claim ids, the line between their estimated points (None if one is missing).

    Examples
    --------
    >>> from geokit.model import Estimate
    >>> ends = [("a", 31.2, 16.6), ("b", 30.9, 16.2)]
    >>> es = {k: Estimate(k, lat, lon, 1.0, None, "point") for k, lat, lon in ends}
    >>> [None if g is None else g.wkt for g in estimate_links(es, [("a", "b"), ("a", "x")])]
    ['LINESTRING (16.6 31.2, 16.2 30.9)', None]
    """
    import numpy as np
    import shapely

    nan = (np.nan, np.nan)
    ends = [[(e.lon, e.lat) if (e := estimates.get(x)) is not None else nan for x in pair] for pair in pairs]
    coords = np.asarray(ends, dtype=float).reshape(len(ends), 2, 2)
    out = np.full(len(ends), None, dtype=object)
    ok = np.isfinite(coords).all(axis=(1, 2))
    if ok.any():
        out[ok] = shapely.linestrings(coords[ok])
    return out


def _source(claim: Claim | None, names: Mapping[str, str]) -> str | None:
    """Return the name a person knows a claim's document by."""
    if claim is None:
        return None
    return names.get(claim.document) or names.get(claim.source) or claim.source or claim.document


def _frame(
    columns: Mapping[str, Any],
    dtypes: Mapping[str, str],
    geoms: Sequence[Any],
    index: Sequence[str] | None = None,
) -> gpd.GeoDataFrame:
    """Return a GeoDataFrame of ``columns`` (in order, each of its dtype), indexed by claim id if given."""
    import geopandas as gpd
    import pandas as pd

    idx = None if index is None else pd.Index(list(index), name="claim", dtype=object)
    data = {k: pd.Series(list(v), dtype=dtypes.get(k, object), index=idx) for k, v in columns.items()}
    frame = pd.DataFrame(data, columns=list(columns), index=idx)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(list(geoms), index=idx, crs="EPSG:4326"))


def claims_frame(
    claims: Sequence[Claim],
    estimates: Mapping[str, Estimate],
    *,
    names: Mapping[str, str] | None = None,
    targets: Sequence[Target] = (),
) -> gpd.GeoDataFrame:
    """Return one row per claim as a person reads it, indexed by claim id; geometry is the estimate.

    Columns (:data:`CLAIM_COLUMNS`): the document's title, the quoted sentence, the target (the
    label it was checked under where it was), the relation, the anchor's name (the words as
    written when no place was found), the distance as written and in ``km``, the stated
    ``direction`` as a compass word, the hedge, ``inverse`` (the sentence states the anchor
    relative to the target), the flags, and the estimate (``lat``, ``lon``, ``radius_km``).

    Examples
    --------
    >>> from geokit.pipeline import analyse_texts
    >>> a = analyse_texts(["The camp is 28 miles southwest of Sirte."])
    >>> row = claims_frame(a.claims, a.estimates).iloc[0]
    >>> row.anchor, row.distance, float(row.km), row.direction, bool(row.inverse)
    ('Sirte', '28 mi', 45.062, 'SW', False)
    """
    from geokit.claims.grammar import compass_word

    names = names or {}
    labels = _target_labels(targets)
    found = [estimates.get(c.id) for c in claims]

    def direction(c: Claim) -> str | None:
        d = c.direction
        return None if d is None or d.half_angle >= 180 else compass_word(d.azimuth)

    columns: dict[str, list[Any]] = {
        "document": [_source(c, names) for c in claims],
        "quote": [c.quote for c in claims],
        "target": [labels.get(c.id, c.target) for c in claims],
        "relation": [c.relation for c in claims],
        "anchor": [c.anchor.name if c.anchor is not None else c.anchor_text for c in claims],
        "distance": [_written(c) for c in claims],
        "km": [None if c.distance is None else _km(c.distance.metres) for c in claims],
        "direction": [direction(c) for c in claims],
        "hedge": [c.hedge for c in claims],
        "inverse": [c.inverse for c in claims],
        "flags": ["; ".join(c.flags) for c in claims],
        "lat": [None if e is None else e.lat for e in found],
        "lon": [None if e is None else e.lon for e in found],
        "radius_km": [None if e is None else _km(e.radius_m, 1) for e in found],
    }
    dtypes = {
        "km": "float64",
        "lat": "float64",
        "lon": "float64",
        "radius_km": "float64",
        "inverse": "boolean",
    }
    return _frame(columns, dtypes, points(columns["lat"], columns["lon"]), [c.id for c in claims])


def estimates_frame(
    claims: Sequence[Claim],
    estimates: Mapping[str, Estimate],
    *,
    names: Mapping[str, str] | None = None,
    targets: Sequence[Target] = (),
) -> gpd.GeoDataFrame:
    """Return one row per estimate, in claim order, indexed by claim id; geometry is the region.

    Columns (:data:`ESTIMATE_COLUMNS`): the document's title, the target, the point, the radius in
    km, the method and the uncertainty components in words (:func:`components_text`).

    Examples
    --------
    >>> from geokit.pipeline import analyse_texts
    >>> a = analyse_texts(["The camp is about 45 km southwest of Sirte."])
    >>> f = estimates_frame(a.claims, a.estimates)
    >>> f.iloc[0].target, f.geometry.iloc[0].geom_type
    ('camp', 'Polygon')
    """
    names = names or {}
    labels = _target_labels(targets)
    kept = [(c, e) for c in claims if (e := estimates.get(c.id)) is not None]
    columns = {
        "document": [_source(c, names) for c, _ in kept],
        "target": [labels.get(c.id, c.target) for c, _ in kept],
        "lat": [e.lat for _, e in kept],
        "lon": [e.lon for _, e in kept],
        "radius_km": [_km(e.radius_m, 1) for _, e in kept],
        "method": [e.method for _, e in kept],
        "components": [components_text(e.components) for _, e in kept],
    }
    dtypes = {"lat": "float64", "lon": "float64", "radius_km": "float64"}
    return _frame(columns, dtypes, estimate_shapes([e for _, e in kept]), [c.id for c, _ in kept])


def checks_frame(
    targets: Sequence[Target],
    estimates: Mapping[str, Estimate],
    *,
    names: Mapping[str, str] | None = None,
) -> gpd.GeoDataFrame:
    """Return one row per pair of statements checked; geometry joins the two estimates.

    Columns (:data:`CHECK_COLUMNS`): the target, the verdict, each source by its document's title
    with what it says (read from its anchor, :func:`geokit.claims.wording.describe`), how far apart
    the two estimates are in km, every reason (sources named by title), and the claim ids ``a``
    and ``b``.

    Examples
    --------
    >>> from geokit.pipeline import analyse_texts
    >>> a = analyse_texts(["The camp is 45 km southwest of Sirte.", "Sirte is 28 mi southwest of the camp."],
    ...                   one_target=True)
    >>> row = checks_frame(a.targets, a.estimates).iloc[0]
    >>> row.verdict, row.says_a, row.says_b
    ('disagree', '45 km SW of Sirte', '28 mi (45.1 km) NE of Sirte (written the other way round)')
    """
    from geokit.claims.wording import describe
    from geokit.text.documents import retitle

    names = names or {}
    by_id = {c.id: c for t in targets for c in t.claims}
    pairs = [(t, k) for t in targets for k in t.checks]

    def says(claim_id: str) -> str | None:
        c = by_id.get(claim_id)
        return None if c is None else describe(c)

    columns = {
        "target": [t.label for t, _ in pairs],
        "verdict": [k.verdict for _, k in pairs],
        "source_a": [_source(by_id.get(k.a), names) for _, k in pairs],
        "says_a": [says(k.a) for _, k in pairs],
        "source_b": [_source(by_id.get(k.b), names) for _, k in pairs],
        "says_b": [says(k.b) for _, k in pairs],
        "km_apart": [None if k.separation_m is None else _km(k.separation_m, 1) for _, k in pairs],
        "reasons": [retitle("; ".join(k.reasons), names) for _, k in pairs],
        "a": [k.a for _, k in pairs],
        "b": [k.b for _, k in pairs],
    }
    links = estimate_links(estimates, [(k.a, k.b) for _, k in pairs])
    return _frame(columns, {"km_apart": "float64"}, links)


def _rows(cells: Iterable[Sequence[Any]]) -> str:
    esc = html.escape
    return "".join("<tr>" + "".join(f"<td>{esc(str(x))}</td>" for x in row) + "</tr>" for row in cells)


def _count(n: int, what: str) -> str:
    """Return ``"1 claim"``, ``"2 claims"``."""
    return f"{n} {what}" + ("" if n == 1 else "s")


def _more(total: int, what: str) -> str:
    left = total - SUMMARY_ROWS
    return f"<p><small>… and {left} more {what}</small></p>" if left > 0 else ""


def analysis_html(analysis: Analysis) -> str:
    """Return a short HTML summary of an analysis: counts, the targets and their verdicts, the documents.

    Documents are named by their titles; at most :data:`SUMMARY_ROWS` targets and documents are
    listed (the rest are counted); every string is escaped.

    Examples
    --------
    >>> from geokit.pipeline import analyse_texts
    >>> out = analysis_html(analyse_texts(["The camp is 45 km southwest of Sirte."], sources=["<wire>"]))
    >>> "1 document, 1 place, 1 claim" in out and "&lt;wire&gt;" in out and "<wire>" not in out
    True
    """
    from geokit.text.documents import retitle

    esc = html.escape
    names = document_names(analysis.documents)
    targets = analysis.targets
    verdicts = [t.verdict for t in targets]
    order = {"disagree": 0, "agree": 1, "uncertain": 2}
    ranked = sorted(set(verdicts), key=lambda v: order.get(v, 3))
    counts = ", ".join(f"{v} {verdicts.count(v)}" for v in ranked)
    n_places = sum(len(d.mentions) for d in analysis.documents)
    n_claims = sum(len(d.claims) for d in analysis.documents)
    sizes = (
        (len(analysis.documents), "document"),
        (n_places, "place"),
        (n_claims, "claim"),
        (len(analysis.estimates), "estimate"),
    )
    head = (
        "<b>geokit analysis</b>: "
        + ", ".join(_count(n, what) for n, what in sizes)
        + f", {_count(len(targets), 'target')} checked"
        + (f" ({esc(counts)})" if counts else "")
        + (f", {_count(len(analysis.errors), 'input')} not read" if analysis.errors else "")
    )
    shown = sorted(targets, key=lambda t: order.get(t.verdict, 3))[:SUMMARY_ROWS]
    target_rows = _rows((t.label, t.verdict, len(t.claims), retitle(t.summary, names)) for t in shown)
    doc_rows = _rows(
        (names.get(d.document.id, d.document.id), len(d.mentions), len(d.claims))
        for d in analysis.documents[:SUMMARY_ROWS]
    )
    parts = [f"<div>{head}"]
    if targets:
        parts.append(
            "<table><tr><th>target</th><th>verdict</th><th>claims</th><th>summary</th></tr>"
            f"{target_rows}</table>{_more(len(targets), 'targets')}"
        )
    parts.append(
        "<table><tr><th>document</th><th>places</th><th>claims</th></tr>"
        f"{doc_rows}</table>{_more(len(analysis.documents), 'documents')}"
    )
    parts.append(
        "<p><small>Tables: <code>.places()</code>, <code>.claims_frame()</code>, "
        "<code>.estimates_frame()</code>, <code>.checks_frame()</code>; "
        "map: <code>.to_map()</code></small></p>"
    )
    return "".join(parts) + "</div>"
