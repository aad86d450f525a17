"""Maps: layered, offline-first Folium maps of places, estimates and checks; HTML and PNG export."""

from __future__ import annotations

from geokit.maps.browser import BrowserNotFoundError, find_chromium
from geokit.maps.builder import KIND_COLORS, VERDICT_STYLES, Map

__all__ = ["KIND_COLORS", "VERDICT_STYLES", "BrowserNotFoundError", "Map", "find_chromium"]
