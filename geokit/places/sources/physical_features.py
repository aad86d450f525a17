"""Source adapter: physical features (ranges, deserts, plateaus, islands, lakes, peaks).

Data: Natural Earth 10m physical layers (public domain; via the CC0 GitHub repository
``martynafford/natural-earth-geojson``, committed as ``geokit/_data/physical.npz`` by
``data/build_physical.py``); names as news writes them by :mod:`geokit.places.physical`. Kinds
:data:`~geokit.places.physical.PHYSICAL_KINDS`; ids ``ne-physical:<name>:<row>``.
"""

from __future__ import annotations

from collections.abc import Iterator

from geokit.places.normalize import fold, name_key
from geokit.places.physical import PHYSICAL_KINDS, bare_forms, news_names
from geokit.places.sources.common import LAYER_CODES, Record

__all__ = ["PHYSICAL_POINT_EXTENT_M", "add_physical_short_forms", "records"]

#: Extent of a physical feature known as a point (a peak, a cape), metres.
PHYSICAL_POINT_EXTENT_M = 5_000.0


def records() -> Iterator[Record]:
    """Yield Natural Earth's physical features (ranges, deserts, peaks, islands, lakes) as news names them."""
    from geokit.places.layers import load_layer

    recs, _geoms = load_layer("physical")
    for row, r in enumerate(recs):
        name, names = news_names(r["label"], r.get("label_alt") or [])
        yield Record(
            id=f"ne-physical:{fold(name).replace(' ', '-')}:{row}",
            name=name,
            kind=r["kind"],
            lat=float(r["lat"]),
            lon=float(r["lon"]),
            extent_m=float(r.get("extent_m") or 0.0) or PHYSICAL_POINT_EXTENT_M,
            source="naturalearth",
            layer=LAYER_CODES["physical"],
            row=row,
            names=names,
        )


def add_physical_short_forms(records: list[Record]) -> None:
    """Give physical features the shorter or longer forms news writes, where no other place bears them.

    "Gobi", "Kilimanjaro", "Sahara Desert", "Lake Titicaca" (``physical.bare_forms``).
    """
    taken: set[str] = set()
    for r in records:
        if r.kind not in PHYSICAL_KINDS:
            taken.update(name_key(n) for n in (r.name, *r.names, *r.derived))
    offered: dict[str, list[Record]] = {}
    for r in records:
        if r.kind in PHYSICAL_KINDS:
            for form in bare_forms(r.name, r.kind):
                offered.setdefault(name_key(form), []).append(r)
                r.derived.append(form)
    for key, owners in offered.items():
        if key in taken or len(owners) > 1:
            for r in owners:
                r.derived = [d for d in r.derived if name_key(d) != key]
