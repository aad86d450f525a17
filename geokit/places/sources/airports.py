"""Source adapter: airfields and air bases, named as news names them.

Data: PyPI ``airportsdata`` (MIT; data from OurAirports, public domain), every ICAO record. A
name with a base word (``airbase_words`` in ``geokit/_data/gazetteer_words.json``: "AFB",
"Air Base", "RAF"...) makes kind ``airbase``, else ``airport``; ids ``icao:<code>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from geokit.places.sources.common import Record, words

__all__ = ["AIRBASE_WORDS", "airfield_display_name", "airfield_variants", "records"]


def _any_word(listed: list[str]) -> str:
    return "|".join(map(re.escape, listed))


_WORDS = words()
#: Words that make an airfield a military base ("Whiteman AFB", "Bagram Air Base", "RAF Lakenheath").
AIRBASE_WORDS = re.compile(rf"\b(?:{_any_word(_WORDS['airbase_words'])})\b", re.IGNORECASE)
_BASE_WORDS = re.compile(
    rf"^(?:(?:{_any_word(_WORDS['base_prefixes'])})\s+)?(?P<stem>.+?)"
    rf"(?:\s+(?:{_any_word(_WORDS['base_suffixes'])}))?$",
    re.IGNORECASE,
)
#: Abbreviations in airfield names that the source writes as words ("Whiteman Afb Airport").
_AIRFIELD_ABBREVIATIONS = {w.lower(): w for w in _WORDS["airfield_abbreviations"]}
_BASE_THEN_AIRPORT = re.compile(rf"(?P<base>\b(?:{_any_word(_WORDS['base_before_airport'])}))\s+Airport$")
_AIRPORT_SUFFIX = re.compile(r"\s+(?:international\s+)?(?:airport|airfield|aerodrome)$", re.IGNORECASE)
#: Every airfield is given this extent, metres.
AIRFIELD_EXTENT_M = 3000.0


def airfield_variants(name: str, is_base: bool) -> list[str]:
    """Return the other ways news names an airfield ("Bagram Air Base": "Bagram Airfield", "Bagram").

    Examples
    --------
    >>> airfield_variants("Bagram Air Base", True)
    ['Bagram', 'Bagram Air Base', 'Bagram Airbase', 'Bagram AB', 'Bagram Airfield']
    >>> airfield_variants("Kandahar", False)
    ['Kandahar Airfield']
    """
    m = _BASE_WORDS.match(name.strip())
    stem = m.group("stem") if m else name
    if len(stem) <= 3:
        return []
    if not is_base:
        return [f"{stem} Airfield"]
    return [stem, *(f"{stem} {w}" for w in ("Air Base", "Airbase", "AB", "Airfield"))]


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
    shown = " ".join(_AIRFIELD_ABBREVIATIONS.get(w.lower(), w) if w.istitle() else w for w in name.split())
    if is_base:  # "Whiteman AFB Airport": the base's own name says what it is
        shown = _BASE_THEN_AIRPORT.sub(r"\g<base>", shown)
    return shown


def records() -> Iterator[Record]:
    """Yield every named ICAO airfield in code order, also by the short names news writes."""
    import airportsdata

    for icao, a in sorted(airportsdata.load("ICAO").items()):
        source_name = a.get("name") or ""
        if not source_name:
            continue
        is_base = bool(AIRBASE_WORDS.search(source_name))
        name = airfield_display_name(source_name, is_base)
        derived = []
        # "Whiteman Afb Airport" is also "Whiteman AFB"; "London Heathrow Airport" is also "Heathrow".
        short = _AIRPORT_SUFFIX.sub("", source_name)
        city = a.get("city") or ""
        if short != source_name and len(short) > 3:
            derived.append(short)
            if city and short.lower().startswith(city.lower() + " ") and len(short) > len(city) + 4:
                derived.append(short[len(city) + 1 :])
        derived += airfield_variants(short, is_base)
        yield Record(
            id=f"icao:{icao}",
            name=name,
            kind="airbase" if is_base else "airport",
            lat=float(a["lat"]),
            lon=float(a["lon"]),
            country=a.get("country") or "",
            extent_m=AIRFIELD_EXTENT_M,
            admin1=a.get("subd") or "",
            source="airportsdata",
            names=list(dict.fromkeys((name, source_name))),
            derived=derived,
        )
