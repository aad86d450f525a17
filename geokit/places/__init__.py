"""Places: the offline gazetteer, geopy geocoders, mention finding and context-aware resolution."""

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
