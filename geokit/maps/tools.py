"""Map tools: a search box, a GeoJSON download of the layers switched on, a mini-map, coordinates.

* :class:`SearchBox`: an offline search over the map's targets, its places and the basemap's place
  names; a hit zooms there and rings the spot. Everything is text in the page (``textContent``).
* :class:`DownloadButton`: writes every shape of the data layers that are switched on (not the
  basemap) as one GeoJSON ``FeatureCollection`` file, each feature with its layer's name and its
  tooltip as plain text (``js/tools.js``: ``geokit.features``).
* :class:`MiniMap`: the vendored ``leaflet-minimap`` plugin over geokit's own coarse land layer
  (no tiles, so it works offline).
* :func:`mouse_position`: the vendored ``leaflet-mouse-position`` plugin (folium's element).

The plugins are inlined from ``geokit/_data/leaflet/`` (see ``data/build_map_assets.py``) like
Leaflet itself. geokit's own page code for them is ``geokit/maps/js/tools.js`` with
``tools.css`` and ``minimap.css`` (the mini-map bottom right, the legend beside it; on a small
screen no mini-map), read by :func:`geokit.maps.assets.read_code`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from branca.element import MacroElement
from folium import plugins
from folium.elements import JSCSSMixin
from folium.template import Template

from geokit.maps.assets import style_block
from geokit.maps.encode import script_json

__all__ = ["DownloadButton", "MiniMap", "SearchBox", "mouse_position"]


class _Tool(MacroElement):
    """A tool that runs ``geokit.<name>(map, …)`` once the page has the map (and the layer control)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        {{ this.css }}
        {% endmacro %}
        {% macro script(this, kwargs) %}
        geokit.{{ this.function }}({{ this._parent.get_name() }}, {{ this.arguments() }});
        {% endmacro %}
        """
    )
    function = ""
    css_file = ""  # a file of geokit/maps/js/, or none

    @property
    def css(self) -> str:
        """Return the tool's ``<style>`` block (from :attr:`css_file`), or an empty string."""
        return style_block(self.css_file) if self.css_file else ""

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeokitTool"

    def arguments(self) -> str:
        """Return the JavaScript arguments after the map."""
        raise NotImplementedError


class SearchBox(_Tool):
    r"""The search box: ``items`` are ``[name, what, lat, lon]`` or ``[name, what, [[s, w], [n, e]]]``.

    ``labels`` is a :class:`~geokit.maps.basemap.PlaceLabels` whose names are searched too (after
    the items).

    Examples
    --------
    >>> box = SearchBox([["<Sirte>", "city", 31.2, 16.6]])
    >>> "\\u003cSirte\\u003e" in box.arguments()
    True
    """

    function = "search"
    css_file = "tools.css"

    def __init__(self, items: Sequence[Sequence[Any]], labels: Any = None) -> None:
        super().__init__()
        self.items = [list(i) for i in items]
        self.labels = labels

    def arguments(self) -> str:
        """Return the items as script-safe JSON, and the basemap's names (the labels' variable)."""
        more = self.labels.get_name() if self.labels is not None else "[]"
        return f"{script_json(self.items)}, {more}"


class DownloadButton(_Tool):
    """The button that downloads the layers switched on in ``control`` (a folium LayerControl).

    ``skip`` names the layers never written (the basemap's).
    """

    function = "download"

    def __init__(self, control: MacroElement, skip: Sequence[str] = ()) -> None:
        super().__init__()
        self.control = control
        self.skip = list(skip)

    def arguments(self) -> str:
        """Return the layer control's overlays (its ``name: layer`` object) and the names to skip."""
        return f"{self.control.get_name()}_layers.overlays, {script_json(self.skip)}"


class MiniMap(JSCSSMixin, _Tool):
    """A mini-map (``leaflet-minimap``) drawing ``packed`` land polygons, bottom right.

    Parameters
    ----------
    packed : dict
        Polygons from :func:`~geokit.maps.encode.pack_polygons`.
    count : int
        How many polygons ``packed`` holds.
    """

    function = "minimap"
    css_file = "minimap.css"

    def __init__(self, packed: dict[str, Any], count: int) -> None:
        super().__init__()
        # the plugin's files by their CDN names; an offline map inlines them (geokit.maps.assets)
        self.default_js = [
            ("leaflet_minimap_js", "https://unpkg.com/leaflet-minimap@3.6.1/dist/Control.MiniMap.min.js")
        ]
        self.default_css = [
            ("leaflet_minimap_css", "https://unpkg.com/leaflet-minimap@3.6.1/dist/Control.MiniMap.min.css")
        ]
        self.data = dict(packed, n=int(count))
        self.data["st"] = [{"color": "#8fb0cc", "weight": 0.5, "fillColor": "#fbfaf6", "fillOpacity": 1.0}]
        self.data["o"] = {"interactive": False}
        self.options = {
            "position": "bottomright",
            "width": 130,
            "height": 130,
            "zoomLevelOffset": -5,
            "toggleDisplay": True,
            "aimingRectOptions": {"color": "#d7191c", "weight": 1.5, "interactive": False},
            "shadowRectOptions": {"color": "#000", "weight": 1, "opacity": 0, "fillOpacity": 0},
        }

    def arguments(self) -> str:
        """Return the land layer and the plugin's options as script-safe JSON."""
        return f"{script_json(self.data)}, {script_json(self.options)}"


def mouse_position() -> MacroElement:
    """Return folium's coordinates-under-the-pointer control (latitude, longitude, 5 decimals).

    Examples
    --------
    >>> mouse_position().options["position"]
    'bottomleft'
    """
    return plugins.MousePosition(
        position="bottomleft", separator=", ", empty_string="lat, lon", num_digits=5, prefix=""
    )
