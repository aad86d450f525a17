"""geokit: place mentions in text -> places, relative-location claims, honest uncertainty, maps.

The pipeline, each stage a package: :mod:`geokit.text` (documents, sentences) ->
:mod:`geokit.places` (gazetteer, mentions, resolution) -> :mod:`geokit.claims` (relative
expressions) -> :mod:`geokit.estimates` (geodesic regions) -> :mod:`geokit.checks`
(cross-source verdicts) -> :mod:`geokit.maps` (layered Folium maps).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokit._lazy import lazy_attributes
from geokit.errors import (
    DataError,
    DocumentError,
    GeocoderError,
    GeokitError,
    InputError,
    PlaceNotFoundError,
)
from geokit.model import Candidate, Check, Claim, Direction, Distance, Document, Estimate, Mention, Place

if TYPE_CHECKING:
    from geokit.corrections import Corrections, apply_corrections
    from geokit.maps import Map
    from geokit.pipeline import Analysis, analyse, analyse_texts, parse_documents
    from geokit.places.gazetteer import Gazetteer, get_gazetteer
    from geokit.places.geocoders import OfflineGeocoder, OnlineGeocoder

__version__ = "0.3.0"

__all__ = [
    "Analysis",
    "Candidate",
    "Check",
    "Claim",
    "Corrections",
    "DataError",
    "Direction",
    "Distance",
    "Document",
    "DocumentError",
    "Estimate",
    "Gazetteer",
    "GeocoderError",
    "GeokitError",
    "InputError",
    "Map",
    "Mention",
    "OfflineGeocoder",
    "OnlineGeocoder",
    "Place",
    "PlaceNotFoundError",
    "analyse",
    "analyse_texts",
    "apply_corrections",
    "get_gazetteer",
    "parse_documents",
]

# Heavy parts load on first use, so `import geokit` stays fast for the command line.
_LAZY = {
    "Analysis": "geokit.pipeline",
    "analyse": "geokit.pipeline",
    "analyse_texts": "geokit.pipeline",
    "parse_documents": "geokit.pipeline",
    "Gazetteer": "geokit.places.gazetteer",
    "get_gazetteer": "geokit.places.gazetteer",
    "OfflineGeocoder": "geokit.places.geocoders",
    "OnlineGeocoder": "geokit.places.geocoders",
    "Map": "geokit.maps",
    "Corrections": "geokit.corrections",
    "apply_corrections": "geokit.corrections",
}

__getattr__ = lazy_attributes(__name__, _LAZY)
