"""Source adapter: world regions that are groups of countries ("North Africa", "Middle East").

Data: Natural Earth countries (public domain) grouped by UN M49 subregion (PyPI ``countryinfo``,
MIT) and two conventional groups, dissolved into ``geokit/_data/regions.npz`` by
``data/build_natural_earth.py``. Kind ``region``; ids ``region:<name>``; ``admin1`` holds the
member countries.
"""

from __future__ import annotations

from collections.abc import Iterator

from geokit.places.normalize import fold
from geokit.places.sources.common import LAYER_CODES, Record, area_centroid, extent_from

__all__ = ["records"]


def records() -> Iterator[Record]:
    """Yield world regions ("North Africa", "Middle East", "Latin America") at their area centre."""
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("regions")
    for row, r in enumerate(recs):
        lon, lat = area_centroid(geoms[row])
        yield Record(
            id=f"region:{fold(r['name']).replace(' ', '-')}",
            name=r["name"],
            kind="region",
            lat=lat,
            lon=lon,
            extent_m=extent_from(lon, lat, geoms[row]),
            admin1=",".join(r.get("members") or []),
            source="naturalearth",
            layer=LAYER_CODES["regions"],
            row=row,
            names=list(r.get("alt_names") or []),
        )
