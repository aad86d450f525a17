"""Source adapter: first-level regions (states, provinces, governorates), and the names news gives them.

Data: Natural Earth admin-1 states and provinces, with the ISO 3166-2 subdivisions dissolved from
their units (public domain; ``geokit/_data/admin1.npz``, built by ``data/build_natural_earth.py``
from qgis-common and PyPI ``pycountry``); the postal and AP abbreviations of US states and Canadian
provinces (``region_abbreviations`` in ``geokit/_data/gazetteer_words.json``); the country names
and spellings of PyPI ``countryinfo`` (MIT) for overseas regions. Kind ``admin1``; ids
``geonames:<geonameid>``, ``iso3166-2:<code>`` (a dissolved subdivision) or
``ne-admin1:<ISO>:<name>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geokit.places.normalize import MODIFIER_WORD, fold
from geokit.places.sources.arabic import ARABIC_SPEAKING, arabic_ending_variants
from geokit.places.sources.common import LAYER_CODES, Record, area_centroid, countryinfo, extent_from, words

__all__ = [
    "REGION_ABBREVIATIONS",
    "REGION_CITY_POPULATION",
    "REGION_SPELLING_SIMILARITY",
    "add_short_region_names",
    "add_translated_region_names",
    "name_overseas_regions",
    "records",
]

#: Postal and AP-style abbreviations of US states and Canadian provinces, as news writes them:
#: country, region name, abbreviations (``geokit/_data/gazetteer_words.json``).
REGION_ABBREVIATIONS: dict[str, dict[str, list[str]]] = words()["region_abbreviations"]


def records() -> Iterator[Record]:
    """Yield the first-level regions of the committed admin-1 layer, in its order.

    A region's point is its area-weighted centre (closer to the conventional centre that
    gazetteers give than a bounding-box centre or a label point placed for drawing).
    """
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("admin1")
    for row, r in enumerate(recs):
        gid = r.get("geonameid")
        name = r.get("name") or ""
        if not name:
            continue
        iso = r.get("iso_a2") or ""
        abbrev = REGION_ABBREVIATIONS.get(iso, {})
        extra = [a for n in [name, *(r.get("alt_names") or [])] for a in abbrev.get(n, [])]
        lon, lat = area_centroid(geoms[row])
        code = r.get("iso_3166_2")
        if gid:
            pid = f"geonames:{gid}"
        elif r.get("parts"):  # a subdivision dissolved from its units (England, Toscana)
            pid = f"iso3166-2:{code}"
        else:
            pid = f"ne-admin1:{iso}:{fold(name).replace(' ', '-')}"
        yield Record(
            id=pid,
            name=name,
            kind="admin1",
            lat=lat,
            lon=lon,
            country=iso,
            extent_m=extent_from(lon, lat, geoms[row]),
            # a US state's postal code, which is also GeoNames' admin1 code of its places
            admin1=code.split("-")[1] if iso == "US" and code and "-" in code else "",
            source="naturalearth",
            layer=LAYER_CODES["admin1"],
            row=row,
            names=list(r.get("alt_names") or []),
            derived=arabic_ending_variants([name, *(r.get("alt_names") or [])])
            if iso in ARABIC_SPEAKING
            else [],
            abbreviations=extra,
        )


def name_overseas_regions(records: list[Record]) -> None:
    """Give a region that ISO also lists as a country that country's names (as alternates).

    France's overseas regions are Natural Earth regions of France, not countries, and are named
    in French ("Guyane française", "La Réunion"); news writes "French Guiana". A country code of
    countryinfo with no country record whose name or spellings name exactly one region gives that
    region its name and spellings of five letters or more.
    """
    countries = {r.country for r in records if r.kind == "country"}
    regions: dict[str, list[Record]] = {}
    for r in records:
        if r.kind == "admin1":
            for n in {fold(n) for n in (r.name, *r.names)}:
                regions.setdefault(n, []).append(r)
    for iso, d in sorted(countryinfo().items()):
        if iso in countries or not d.get("name"):
            continue
        spellings = [d["name"], *(d.get("altSpellings") or [])]
        found = {id(r): r for n in spellings if len(n) > 2 for r in regions.get(fold(n), [])}
        if len(found) == 1:
            (region,) = found.values()
            region.names += [n for n in spellings if len(n) > 4 and n not in region.names]


_FOREIGN_WORDS: dict[str, str] = words()["foreign_region_words"]
_FOREIGN_LINKS = "|".join(map(re.escape, words()["foreign_region_links"]))
_FOREIGN_HEAD = re.compile(
    rf"^(?P<word>[^\s-]+)[\s-]+(?:(?:{_FOREIGN_LINKS})(?:\s+|(?<=')))?(?P<rest>\S.*)$"
)  # case-sensitive: "de la Somme" is "Somme", "de La Pampa" "La Pampa"


def translated_region_name(name: str) -> str | None:
    """Return a region's name with its generic word in another language put in English after it, or None.

    The words are data (``foreign_region_words`` in ``geokit/_data/gazetteer_words.json``).

    Examples
    --------
    >>> translated_region_name("Iqlīm Kūrdistān"), translated_region_name("Ostan-e Ardabil")
    ('Kūrdistān Region', 'Ardabil Province')
    >>> translated_region_name("Departamento de Chuquisaca"), translated_region_name("Toscana")
    ('Chuquisaca Department', None)
    >>> translated_region_name("Département de la Somme"), translated_region_name("Provincia de La Pampa")
    ('Somme Department', 'La Pampa Province')
    """
    m = _FOREIGN_HEAD.match(name.strip())
    english = _FOREIGN_WORDS.get(fold(m["word"])) if m else None
    return f"{m['rest']} {english}" if m and english else None


def add_translated_region_names(records: list[Record]) -> None:
    """Give a region named with a generic word of its own language the English form, as an alternate name.

    "Iqlīm Kūrdistān" is also the "Kūrdistān Region" (:func:`translated_region_name`); the
    short-form pass (:func:`add_short_region_names`) then also names it without the word.
    """
    for region in records:
        if region.kind != "admin1":
            continue
        known = {fold(n) for n in (region.name, *region.names)}
        for name in (region.name, *region.names):
            english = translated_region_name(name)
            if english and fold(english) not in known:
                region.names.append(english)
                known.add(fold(english))


_WORDS_ALONE = frozenset(words()["region_words_alone"])


def _names_no_region(name: str) -> bool:
    """Return whether a short form is only words of position and generic words ("South", "Federal").

    Examples
    --------
    >>> _names_no_region("Northeastern"), _names_no_region("Capital"), _names_no_region("North Kivu")
    (True, True, False)
    """
    return all(MODIFIER_WORD.match(w) or w in _WORDS_ALONE for w in fold(name).split())


#: A city this big is the one a first-level region of the same name is named after.
REGION_CITY_POPULATION = 50_000
#: How alike (difflib's ratio) two names must be to be spellings of one name: "Odessa" and "Odesa"
#: (0.91), "Zaporizhia" and "Zaporizhzhia" (0.91); not "Hatay" and "Antakya" (0.67).
REGION_SPELLING_SIMILARITY = 0.8
#: The generic word after a region's name in its long form ("Mykolaiv Oblast"): ``region_suffixes``.
_REGION_SUFFIX = re.compile(
    rf"^(?P<name>.+?)\s+(?:{'|'.join(map(re.escape, words()['region_suffixes']))})$", re.IGNORECASE
)


def add_short_region_names(
    records: list[Record], geoms: Sequence[BaseGeometry] | np.ndarray | None = None
) -> None:
    """Give a region the short forms news writes it by, as derived names.

    Natural Earth spells regions as they were ("Odessa", "Zaporizhzhya", "Mykolayiv"), and has
    the modern spelling only in a long form ("Mykolaiv Oblast"); news writes "the Mykolaiv
    region", "the Odesa region": the long form without its generic word (unless only words of
    position or generic words are left: "South", "Federal"), and the spelling of the
    city the region is named after, GeoNames' name of the city. A region takes the short form of
    each long name, and the name of its largest city (of :data:`REGION_CITY_POPULATION` or more)
    when that spells one of its names otherwise (GeoNames' other names of the city are many
    transliterations, too loose to name a region by): as many words ("Mexico City" is no spelling of
    the State of México), five letters or more, and alike (see :data:`REGION_SPELLING_SIMILARITY`;
    Paranaguá is not Paraná's largest city, Curitiba is).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> region = Record("r", "Zaporizhzhya", "admin1", 47.5, 35.6, "UA", layer=2, row=0,
    ...                 names=["Zaporizhia Oblast"])
    >>> city = Record("c", "Zaporizhzhia", "city", 47.82, 35.19, "UA", 710_052)
    >>> add_short_region_names([region, city], [box(34.0, 46.0, 37.0, 48.5)])
    >>> region.derived
    ['Zaporizhia', 'Zaporizhzhia']
    """
    if geoms is None:
        from geokit.places.layers import load_layer

        geoms = load_layer("admin1")[1]
    cities = [r for r in records if r.kind in ("city", "town") and r.population >= REGION_CITY_POPULATION]
    # an array of points, also when there are none (the stubs allow a single one)
    tree = shapely.STRtree(
        np.asarray(shapely.points(np.array([(c.lon, c.lat) for c in cities]).reshape(-1, 2)))
    )
    for region in records:
        if region.kind != "admin1" or region.row < 0:
            continue
        known = {fold(n) for n in (region.name, *region.names, *region.derived)}
        for long_name in region.names:
            short = _REGION_SUFFIX.match(long_name)
            if (
                short
                and fold(short["name"]) not in known
                and not short["name"].lower().endswith(" and")
                and not _names_no_region(short["name"])
            ):
                region.derived.append(short["name"])
                known.add(fold(short["name"]))
        inside = [cities[i] for i in tree.query(geoms[region.row], predicate="covers").tolist()]
        largest = max(
            (c for c in inside if c.country == region.country), key=lambda c: c.population, default=None
        )
        if largest is None:
            continue
        spelling = fold(largest.name)
        if spelling not in known and any(
            len(spelling.split()) == len(n.split())
            and min(len(spelling), len(n)) >= 5
            and SequenceMatcher(None, spelling, n).ratio() >= REGION_SPELLING_SIMILARITY
            for n in known
        ):
            region.derived.append(largest.name)
