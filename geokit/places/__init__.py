"""Places: the offline gazetteer, geopy geocoders, mention finding and context-aware resolution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokit._lazy import lazy_attributes

if TYPE_CHECKING:
    from geokit.places.gazetteer import Gazetteer, get_gazetteer
    from geokit.places.geocoders import OfflineGeocoder, OnlineGeocoder
    from geokit.places.mentions import find_mentions
    from geokit.places.resolve import Resolver, resolve_document

__all__ = [
    "Gazetteer",
    "OfflineGeocoder",
    "OnlineGeocoder",
    "Resolver",
    "find_mentions",
    "get_gazetteer",
    "resolve_document",
]

# The geocoders import geopy (and requests): they load on first use, so that parsing text,
# which needs only the gazetteer, starts faster.
_LAZY = {
    "Gazetteer": "geokit.places.gazetteer",
    "get_gazetteer": "geokit.places.gazetteer",
    "OfflineGeocoder": "geokit.places.geocoders",
    "OnlineGeocoder": "geokit.places.geocoders",
    "find_mentions": "geokit.places.mentions",
    "Resolver": "geokit.places.resolve",
    "resolve_document": "geokit.places.resolve",
}

__getattr__ = lazy_attributes(__name__, _LAZY)
