"""Source adapter: demonyms of countries ("Libyan", "Iraqi") and of continents and world regions.

Data: the ``demonym`` field of PyPI ``countryinfo`` (MIT; REST Countries), plus the demonyms news
writes that it lacks (``countries`` in ``geokit/_data/demonyms.json``, the one file of demonyms
countryinfo lacks, which the mention finder reads too: Palestinian, Saudi, Kosovar); those of
continents and world regions ("African", "Middle Eastern") are formed by rule from their English
names. Written into the artefact as ``demonyms.json`` and
``area_demonyms.json``.
"""

from __future__ import annotations

import re

from geokit.places.normalize import name_key
from geokit.places.sources.common import countryinfo
from geokit.resources import word_lists

__all__ = ["DEMONYM_EXTRAS", "country_demonyms", "demonym_forms"]

#: Demonyms news writes that countryinfo lacks, by ISO alpha-2.
DEMONYM_EXTRAS: dict[str, list[str]] = word_lists("demonyms.json")["countries"]

_COMPASS_PREFIX = re.compile(r"^(?:north|south|east|west|central)(?:ern)?\s+(?P<rest>.+)$", re.IGNORECASE)


def demonym_forms(name: str) -> list[str]:
    """Return the adjective of a continent's or world region's name, where English forms it by rule.

    Examples
    --------
    >>> [demonym_forms(n) for n in ("Africa", "Europe", "Middle East", "Central America", "Caribbean")]
    [['African'], ['European'], ['Middle Eastern'], ['Central American'], []]
    """
    if name.endswith("East"):
        return [name + "ern"]
    if name.endswith("a"):
        return [name + "n"]
    if name.endswith("pe"):
        return [name + "an"]
    return []


def country_demonyms(area_demonyms: set[str]) -> dict[str, str]:
    """Return countries' demonyms, folded, with the country they name (ISO alpha-2).

    A demonym shared by several countries ("French") names the most populous one; one that
    begins with a compass word also names its country without it ("Korean": South Korea,
    the more populous of the two), unless the shorter word is a country's own demonym
    ("Sudanese") or a continent's or region's ("African", not South African).

    Examples
    --------
    >>> d = country_demonyms({"african"})
    >>> d["korean"], d["south korean"], d["sudanese"], d["herzegovinian"], d["saudi"], "african" in d
    ('KR', 'KR', 'SD', 'BA', 'SA', False)
    >>> "djibouti" in d, "gibraltar" in d  # a country's own name is no demonym
    (False, False)
    """
    demonyms: dict[str, str] = {}
    population: dict[str, int] = {}
    bare: list[tuple[str, str, int]] = []
    for iso, d in sorted(countryinfo().items()):
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
