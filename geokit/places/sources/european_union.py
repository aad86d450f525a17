"""Source adapter: the European Union, named in news as often as a country.

Data: its member states and published centre (``european_union`` in
``geokit/_data/gazetteer_words.json``: IGN France, 2020, Gadheim near Würzburg), its extent
from the members' mainlands in Natural Earth's admin-0 countries (public domain). Kind
``continent``; id ``geonames:6695072`` (GeoNames' id of the Union).
"""

from __future__ import annotations

from collections.abc import Iterator

import shapely

from geokit.places.sources.common import Record, extent_from, main_part, words

__all__ = ["EU_CENTRE", "EU_MEMBERS", "records"]

_EU = words()["european_union"]
#: Member states of the European Union (ISO 3166-1 alpha-2), for the EU's own record.
EU_MEMBERS: list[str] = _EU["members"]
#: The geographic centre of the European Union of 27 members, as IGN France computed it in 2020
#: (Gadheim, near Würzburg), ``(lat, lon)``.
EU_CENTRE: tuple[float, float] = (float(_EU["centre"][0]), float(_EU["centre"][1]))


def records() -> Iterator[Record]:
    """Yield the European Union at its published centre, its extent from its members' mainlands."""
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("countries")
    parts = [
        main_part(g)
        for r, g in zip(recs, geoms, strict=True)
        if r.get("iso_a2") in EU_MEMBERS and r.get("primary", True)
    ]
    if not parts:
        return
    union = shapely.union_all(parts)
    # The Union's published centre (IGN France, 2020: Gadheim, Bavaria, after the UK's exit), as a
    # country's point starts from its published one; the area centre of the members' mainlands
    # alone lies about 190 km east-southeast of it.
    lat, lon = EU_CENTRE
    yield Record(
        id="geonames:6695072",
        name="European Union",
        kind="continent",
        lat=float(lat),
        lon=float(lon),
        population=int(_EU["population"]),
        extent_m=extent_from(lon, lat, union),
        source="naturalearth",
        names=["European Union", "E.U."],
        abbreviations=["EU", "E.U."],
    )
