"""Places: the offline gazetteer, geopy geocoders, mention finding and context-aware resolution."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geokit.places' has no attribute {name!r}")
