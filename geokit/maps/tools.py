"""Map tools: a search box, a GeoJSON download of the layers switched on, a mini-map, coordinates.

* :class:`SearchBox`: an offline search over the map's targets, its places and the basemap's place
  names; a hit zooms there and rings the spot. Everything is text in the page (``textContent``).
* :class:`DownloadButton`: writes every shape of the data layers that are switched on (not the
  basemap) as one GeoJSON ``FeatureCollection`` file, each feature with its layer's name and its
  tooltip as plain text (:data:`TOOLS_JS` ``geokit.features``).
* :class:`MiniMap`: the vendored ``leaflet-minimap`` plugin over geokit's own coarse land layer
  (no tiles, so it works offline).
* :func:`mouse_position`: the vendored ``leaflet-mouse-position`` plugin (folium's element).

The plugins are inlined from ``geokit/_data/leaflet/`` (see ``data/build_map_assets.py``) like
Leaflet itself; :data:`TOOLS_JS` is geokit's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from branca.element import MacroElement
from folium import plugins
from folium.elements import JSCSSMixin
from folium.template import Template

from geokit.maps.encode import script_json

__all__ = ["TOOLS_JS", "DownloadButton", "MiniMap", "SearchBox", "mouse_position"]

#: The page side of the tools (plain ES5 but ``String.prototype.normalize``; needs Leaflet and geokit).
TOOLS_JS = r"""
geokit.fold = function (s) {
  return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
};
geokit.find = function (items, query, limit) {
  // the items whose name contains the query (accents and case aside): names that start with it first
  var q = geokit.fold(query).trim(), first = [], rest = [];
  if (!q) { return []; }
  for (var i = 0; i < items.length && first.length < limit; i++) {
    var k = geokit.fold(items[i][0]).indexOf(q);
    if (k === 0) { first.push(i); } else if (k > 0 && rest.length < limit) { rest.push(i); }
  }
  return first.concat(rest).slice(0, limit);
};
geokit.search = function (map, items, more) {
  // items: [name, what, lat, lon] or [name, what, [[s, w], [n, e]]]; more: the basemap's place
  // names ([lat, lon, name, ...] rows, shared with the labels)
  for (var m = 0; m < more.length; m++) { items.push([more[m][2], "place name", more[m][0], more[m][1]]); }
  var ring = null;
  function go(it) {
    if (ring) { map.removeLayer(ring); ring = null; }
    if (typeof it[2] === "object") {
      map.fitBounds(it[2], {maxZoom: 11});
    } else {
      map.setView([it[2], it[3]], Math.max(map.getZoom(), 9));
      ring = L.circleMarker([it[2], it[3]], {radius: 14, color: "#e7298a", weight: 3, fill: false,
                                             interactive: false}).addTo(map);
    }
  }
  var Search = L.Control.extend({
    options: {position: "topleft"},
    onAdd: function () {
      var box = L.DomUtil.create("div", "geokit-search leaflet-bar");
      var input = L.DomUtil.create("input", "", box), list = L.DomUtil.create("ul", "", box), hits = [];
      input.type = "search";
      input.placeholder = "Search places and targets";
      input.setAttribute("aria-label", "Search the map's places and targets");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      function show() {
        list.textContent = "";
        hits = geokit.find(items, input.value, 8);
        for (var i = 0; i < hits.length; i++) {
          var li = L.DomUtil.create("li", "", list), it = items[hits[i]];
          li.textContent = it[0] + " \u2014 " + it[1];
          li.setAttribute("data-hit", i);
          li.addEventListener("click", function () {
            go(items[hits[Number(this.getAttribute("data-hit"))]]);
          });
        }
        if (!hits.length && input.value.trim()) {
          L.DomUtil.create("li", "geokit-search-none", list).textContent = "no match";
        }
      }
      input.addEventListener("input", show);
      input.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && hits.length) { go(items[hits[0]]); }
        if (e.key === "Escape") { input.value = ""; show(); }
      });
      return box;
    }
  });
  return new Search().addTo(map);
};
geokit.text = function (html) {
  // the words of an (already escaped) tooltip: parsed inert, nothing runs or loads
  return new DOMParser().parseFromString(html || "", "text/html").body.textContent.trim();
};
geokit.features = function (map, overlays, skip) {
  // every shape of the layers switched on, as GeoJSON features, but those named in skip (the basemap)
  var out = [];
  function add(info, name, geometry, k) {
    var props = {layer: geokit.text(name)};  // the layer control's names are escaped HTML
    if (k >= 0 && info) { props.name = geokit.text(geokit.tooltip(info, k)); }
    out.push({type: "Feature", properties: props, geometry: geometry});
  }
  function walk(l, name, info) {
    if (l.shapes) {  // a bulk canvas layer
      var g = l._g;
      l.shapes(function (f, c) {
        var geom = g === "point" ? {type: "Point", coordinates: c}
          : (g === "line" ? {type: "LineString", coordinates: c}
          : (c.length === 1 ? {type: "Polygon", coordinates: c[0]} : {type: "MultiPolygon", coordinates: c}));
        if (g !== "polygon" || c.length) { add(l._info, name, geom, l.row(f)); }
      });
    } else if (l instanceof L.Path && l.toGeoJSON) {
      add(info, name, l.toGeoJSON(6).geometry, l._gk === undefined ? -1 : l._gk);
    } else if (l.eachLayer && !(l instanceof L.Marker)) {
      var inner = l._gkInfo || info;
      l.eachLayer(function (c) { walk(c, name, inner); });
    }
  }
  var names = Object.keys(overlays).sort();
  for (var i = 0; i < names.length; i++) {
    var layer = overlays[names[i]];
    if ((skip || []).indexOf(names[i]) >= 0 || !map.hasLayer(layer)) { continue; }
    walk(layer, names[i], null);
  }
  return {type: "FeatureCollection", features: out};
};
geokit.download = function (map, overlays, skip) {
  var Button = L.Control.extend({
    options: {position: "topleft"},
    onAdd: function () {
      var bar = L.DomUtil.create("div", "leaflet-bar geokit-download");
      var a = L.DomUtil.create("a", "", bar);
      a.href = "#";
      a.setAttribute("role", "button");
      a.title = "Download the layers switched on as GeoJSON";
      a.setAttribute("aria-label", a.title);
      a.textContent = "\u2913";
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(a, "click", function (e) {
        L.DomEvent.preventDefault(e);
        var text = JSON.stringify(geokit.features(map, overlays, skip));
        var url = URL.createObjectURL(new Blob([text], {type: "application/geo+json"}));
        var link = document.createElement("a");
        link.href = url;
        link.download = "geokit-layers.geojson";
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 1000);
      });
      return bar;
    }
  });
  return new Button().addTo(map);
};
geokit.minimap = function (map, d, options) {
  // the mini-map's own land layer: a map layer cannot be on two maps
  var land = new L.FeatureGroup();
  geokit.layer(d, {s: [], r: []}, land);
  return new L.Control.MiniMap(land, options).addTo(map);
};
"""

_TOOLS_CSS = """
<style>
.geokit-search {background: #fff;}
.geokit-search input {width: 190px; border: none; padding: 5px 6px; font: 12px/1.3 sans-serif;
  border-radius: 4px; outline-offset: -2px;}
.geokit-search ul {list-style: none; margin: 0; padding: 0; max-width: 260px;}
.geokit-search li {padding: 3px 6px; border-top: 1px solid #eee; cursor: pointer; font: 12px/1.3 sans-serif;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}
.geokit-search li:hover {background: #f4f4f4;}
.geokit-search li.geokit-search-none {color: #888; cursor: default;}
.geokit-download a {font: bold 18px/30px sans-serif; text-decoration: none;}
</style>
"""
# the mini-map sits bottom right, the legend beside it; none on a small screen
_MINIMAP_CSS = """
<style>
.leaflet-control-minimap {margin: 0 10px 28px 0; background: #dfeaf2 !important;}
body .geokit-legend {right: 150px;}
@media (max-width: 600px), (max-height: 420px) {
  .leaflet-control-minimap {display: none !important;}
  body .geokit-legend {right: 10px;}
}
</style>
"""


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
    css = ""

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
    css = _TOOLS_CSS

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
    css = _MINIMAP_CSS

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
