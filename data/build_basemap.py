"""Build the lines and water of geokit's offline basemap (geokit/_data/basemap.npz).

Run from the repository root (once; the artefact is committed, setup never runs this)::

    .venv/bin/python data/build_basemap.py

Source: geokit's own committed Natural Earth layers (public domain; see ``data/README.md`` for
where each came from): ``countries.npz`` (NE 10m admin-0), ``admin1.npz`` (NE admin-1),
``rivers.npz`` (NE 10m rivers and lake centrelines) and ``physical.npz`` (NE 10m lakes). Nothing
is downloaded. What the map needs is worked out here once, not in every map:

* ``border``: the edges two countries share (land borders), drawn once, not once per country (the
  coast is the outline of the land the map fills from ``countries.npz``);
* ``admin1``: the edges two admin-1 units share (state and province lines; the 94 dissolved
  ISO 3166-2 parents are left out, their units' lines are already there);
* ``river``: the river lines, with Natural Earth's ``scalerank`` (0 = most important);
* ``lake``: the lake and reservoir polygons.

Edges are found by counting each segment of the coverage-simplified polygons (shared borders are
the same vertices in both polygons), then merged into lines. Every geometry is simplified to
``TOLERANCE`` degrees (about 1 km, below a pixel at the zoom where it matters). Records are
``{"kind", "rank", "name"}``. Deterministic: two runs give the same bytes.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geokit.places.layers import load_layer, write_layer  # noqa: E402

OUT = ROOT / "geokit" / "_data" / "basemap.npz"
TOLERANCE = 0.01
_ROUND = 6  # decimals when matching vertices of two polygons


def _segments(geoms: Any) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Return every ring segment of the polygons, as rounded, undirected vertex pairs."""
    out = []
    for g in geoms:
        if g is None or g.is_empty:
            continue
        for ring in shapely.get_rings(shapely.get_parts(g)):
            xy = np.round(np.asarray(ring.coords), _ROUND)
            for a, b in zip(map(tuple, xy[:-1]), map(tuple, xy[1:]), strict=True):
                if a != b:
                    out.append((a, b) if a < b else (b, a))
    return out


def _lines(segments: list[tuple[tuple[float, float], tuple[float, float]]]) -> list[Any]:
    """Merge segments into simplified line strings (each one geometry, sorted for determinism)."""
    if not segments:
        return []
    merged = shapely.line_merge(shapely.MultiLineString([list(s) for s in sorted(set(segments))]))
    parts = shapely.get_parts(shapely.simplify(merged, TOLERANCE))
    parts = [p for p in parts if not p.is_empty and p.length > 0]
    return sorted(parts, key=lambda p: p.wkb)


def shared_and_single(geoms: Any) -> tuple[list[Any], list[Any]]:
    """Return the merged lines of the segments two polygons share, and of those only one has."""
    counts = Counter(_segments(geoms))
    shared = [s for s, n in counts.items() if n >= 2]
    single = [s for s, n in counts.items() if n == 1]
    return _lines(shared), _lines(single)


def main() -> int:
    records: list[dict[str, Any]] = []
    geoms: list[Any] = []

    def add(kind: str, items: list[Any], rank: int = 0, name: str = "") -> None:
        for g in items:
            records.append({"kind": kind, "rank": int(rank), "name": name})
            geoms.append(g)

    _, countries = load_layer("countries")
    border, _ = shared_and_single(countries)
    add("border", border)

    a1_records, a1 = load_layer("admin1")
    units = [g for r, g in zip(a1_records, a1, strict=True) if not r.get("parts")]
    inner, _ = shared_and_single(units)
    add("admin1", inner)

    rv_records, rivers = load_layer("rivers")
    for r, g in sorted(zip(rv_records, rivers, strict=True), key=lambda x: (x[0]["scalerank"], x[0]["name"])):
        add("river", [shapely.simplify(g, TOLERANCE)], r["scalerank"], r["name"])

    ph_records, physical = load_layer("physical")
    lakes = [(r, g) for r, g in zip(ph_records, physical, strict=True) if r["kind"] == "lake"]
    for r, g in sorted(lakes, key=lambda x: (x[0]["scalerank"], x[0]["label"])):
        simple = shapely.simplify(g, TOLERANCE, preserve_topology=True)
        if not simple.is_empty and simple.geom_type in ("Polygon", "MultiPolygon"):
            add("lake", [simple], r["scalerank"], r["label"])

    write_layer(OUT, records, geoms)
    kinds = Counter(r["kind"] for r in records)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} B): {dict(sorted(kinds.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
