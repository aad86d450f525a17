"""Folium elements that draw packed data layers, the shared popup table and the legend.

One :class:`DataLayer` draws a whole kind of shape (all places of a document, all their regions…)
from the compact form of :mod:`geokit.maps.encode`: Leaflet objects are created in the page, and
popups and tooltips are built on demand from an :class:`InfoTable` of already-escaped HTML
strings, so a map of 100,000 estimates stays small and opens quickly.
"""

from __future__ import annotations

import base64
import gzip
from collections.abc import Mapping, Sequence
from typing import Any

from branca.element import Element, Figure, MacroElement
from folium.template import Template

from geokit.maps.encode import script_json
from geokit.maps.popups import esc

__all__ = ["HELPER_JS", "DataLayer", "InfoTable", "Legend", "MapScript", "add_helper_js"]

#: The page-side decoder; added once to the page header (plain ES5, no dependency but Leaflet).
HELPER_JS = r"""
var geokit = (function () {
  function decode(str, p) {
    var out = [], i = 0, lat = 0, lon = 0, n = str.length, f = Math.pow(10, p || 5);
    while (i < n) {
      var r = 0, s = 0, b;
      do { b = str.charCodeAt(i++) - 63; r |= (b & 31) << s; s += 5; } while (b >= 32);
      lat += (r & 1) ? ~(r >> 1) : (r >> 1);
      r = 0; s = 0;
      do { b = str.charCodeAt(i++) - 63; r |= (b & 31) << s; s += 5; } while (b >= 32);
      lon += (r & 1) ? ~(r >> 1) : (r >> 1);
      out.push([lat / f, lon / f]);
    }
    return out;
  }
  function km(m) { return (m >= 10000 ? (m / 1000).toFixed(1) : (m / 1000).toFixed(2)) + " km"; }
  var where = {};  // info row -> the estimate's point, for popups opened on its region or line
  function inflate(b64, info) {
    // a big map's table travels gzip-compressed (base64); layers draw while it is unpacked
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    info.ready = new Response(stream).text().then(function (t) {
      var o = JSON.parse(t); info.s = o.s; info.r = o.r;
    });
    return info;
  }
  function tooltip(info, k) {
    var r = info.r[k];
    if (!r) { return "\u2026"; }
    return r[0] === 0 ? r[1] : info.s[r[1]] + ": estimate \u00b1" + km(r[5]);
  }
  function popup(info, k) {
    var r = info.r[k], S = info.s;
    if (!r) { return "\u2026"; }
    if (r[0] === 0) { return r[2]; }
    // [1, target, quote, source, method, radius_m, [label, value, ...], [name, metres, ...], flags, mark]
    var h = '<div class="geokit-popup"><b>' + S[r[1]] + "</b> \u2014 estimate<br>", ll = where[k], t = "", i;
    if (ll) { h += ll.lat.toFixed(5) + ", " + ll.lng.toFixed(5) + " "; }
    h += "\u00b1 " + km(r[5]) + " (" + S[r[4]] + ")";
    if (r[2]) {
      var q = r[2], m = r[9];
      if (m) { q = q.slice(0, m[0]) + "<mark>" + q.slice(m[0], m[1]) + "</mark>" + q.slice(m[1]); }
      h += "<br><q>" + q + "</q>";
    }
    for (i = 0; i < r[6].length; i += 2) {
      t += "<tr><th>" + S[r[6][i]] + "</th><td>" + S[r[6][i + 1]] + "</td></tr>";
    }
    if (t) { h += '<br><table class="geokit-kv">' + t + "</table>"; }
    if (r[8] >= 0) { h += "<br><b>Flags</b>" + S[r[8]]; }
    t = "";
    for (i = 0; i < r[7].length; i += 2) {
      t += "<tr><th>" + S[r[7][i]] + "</th><td>" + km(r[7][i + 1]) + "</td></tr>";
    }
    if (t) { h += '<br><b>Uncertainty</b><table class="geokit-kv">' + t + "</table>"; }
    return h + "<br><small>Source: " + S[r[3]] + "</small></div>";
  }
  function layer(d, info, group) {
    var pts = decode(d.c, d.p), s = d.s || [], si = 0, pi = 0, n = d.n;
    var styles = d.st, opts = d.o || {};
    for (var f = 0; f < n; f++) {
      var st = L.extend({}, styles[d.k ? d.k[f] : 0], opts), shape;
      if (d.g === "point") {
        shape = L.circleMarker(pts[pi++], st);
      } else if (d.g === "line") {
        var m = s[si++];
        shape = L.polyline(pts.slice(pi, pi + m), st); pi += m;
      } else {
        var np = s[si++], polys = [];
        for (var p = 0; p < np; p++) {
          var nr = s[si++], rings = [];
          for (var q = 0; q < nr; q++) { var v = s[si++]; rings.push(pts.slice(pi, pi + v)); pi += v; }
          polys.push(rings);
        }
        shape = L.polygon(np === 1 ? polys[0] : polys, st);
      }
      var k = d.i ? d.i[f] : (d.i0 === undefined ? -1 : d.i0 + f);
      if (k >= 0) {
        shape._gk = k;
        if (d.g === "point") { where[k] = shape.getLatLng(); }
      }
      group.addLayer(shape);
    }
    if (d.i || d.i0 !== undefined) {
      // one binding per group: the content is built for the shape under the pointer, on demand
      group.bindTooltip(function (l) { return l._gk >= 0 ? tooltip(info, l._gk) : ""; },
                        {sticky: d.g !== "point"});
      group.bindPopup(function (l) { return l._gk >= 0 ? popup(info, l._gk) : ""; }, {maxWidth: 420});
    }
    return group;
  }
  return {decode: decode, inflate: inflate, layer: layer, popup: popup, tooltip: tooltip};
})();
"""


def add_helper_js(figure: Figure) -> None:
    """Add :data:`HELPER_JS` to the page header once (keyed, so repeated calls add nothing)."""
    figure.header.add_child(Element(f"<script>{HELPER_JS}</script>"), name="geokit_helper_js")


class MapScript(MacroElement):
    """A fixed piece of JavaScript run on the parent map, written as ``MAP.…`` (no user data).

    Examples
    --------
    >>> MapScript('MAP.createPane("x");').code
    'MAP.createPane("x");'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code.replace("MAP.", this._parent.get_name() ~ ".") }}
        {% endmacro %}
        """
    )

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "GeokitScript"
        self.code = code


class InfoTable(MacroElement):
    r"""The page's table of popups and tooltips that layers refer to by row number.

    Two kinds of rows: ``[0, tooltip_html, popup_html]`` (finished HTML), and the compact
    estimate row ``[1, target, quote_html, source, method, radius_m, [label, value, …],
    [component, metres, …], flags, [mark_start, mark_end]]`` whose HTML the page builds on demand;
    there, every name is
    an index into a table of strings (``s``) stored once. Every string must already be escaped
    HTML; the table is written with :func:`script_json`, so ``</script>`` cannot end the block.

    Examples
    --------
    >>> t = InfoTable()
    >>> t.add("tip", "<b>pop</b>"), t.add("tip", "<b>pop</b>"), t.string("Sirte"), t.string("Sirte")
    (0, 0, 0, 0)
    >>> t.json()
    '{"s":["Sirte"],"r":[[0,"tip","\\u003cb\\u003epop\\u003c/b\\u003e"]]}'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {%- if this.compress %}
        var {{ this.get_name() }} = geokit.inflate("{{ this.packed() }}", {"s": [], "r": []});
        {%- else %}
        var {{ this.get_name() }} = {{ this.json() }};
        {%- endif %}
        {% endmacro %}
        """
    )

    def __init__(self, compress: bool = False) -> None:
        super().__init__()
        self._name = "GeokitInfo"
        self.compress = compress
        self.rows: list[list[Any]] = []
        self.strings: list[str] = []
        self._index: dict[tuple[str, str], int] = {}
        self._strings: dict[str, int] = {}

    def string(self, html_text: str) -> int:
        """Store one (escaped) string once and return its index."""
        if html_text not in self._strings:
            self._strings[html_text] = len(self.strings)
            self.strings.append(html_text)
        return self._strings[html_text]

    def add(self, tooltip: str, popup: str) -> int:
        """Store one finished ``(tooltip, popup)`` pair (deduplicated) and return its row."""
        key = (tooltip, popup)
        if key not in self._index:
            self._index[key] = len(self.rows)
            self.rows.append([0, tooltip, popup])
        return self._index[key]

    def add_row(self, row: list[Any]) -> int:
        """Store a compact estimate row (see the class docstring) and return its row."""
        self.rows.append(row)
        return len(self.rows) - 1

    def json(self) -> str:
        """Return the table as script-safe JSON."""
        return script_json({"s": self.strings, "r": self.rows})

    def packed(self) -> str:
        """Return the JSON gzip-compressed (no timestamp: deterministic) and base64-encoded."""
        return base64.b64encode(gzip.compress(self.json().encode("utf-8"), mtime=0)).decode("ascii")


class DataLayer(MacroElement):
    """All shapes of one kind, drawn into the parent feature group from packed data.

    Parameters
    ----------
    packed : dict
        Output of :func:`~geokit.maps.encode.pack_points`, ``pack_lines`` or ``pack_polygons``.
    style_index : sequence of int
        For each shape, its index in ``styles``.
    styles : sequence of dict
        Leaflet path options (``color``, ``weight``, ``dashArray``, ``radius``…).
    info : InfoTable
        The page's popup table.
    info_index : sequence of int, optional
        For each shape, its row in ``info`` (``-1``: no popup or tooltip).
    options : dict, optional
        Options applied to every shape (``interactive``, ``pane``…).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geokit.layer({{ this.json() }}, {{ this.info.get_name() }},
            {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        packed: dict[str, Any],
        style_index: Sequence[int],
        styles: Sequence[Mapping[str, Any]],
        info: InfoTable,
        info_index: Sequence[int] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self._name = "GeokitLayer"
        self.data = dict(packed)
        ks = [int(k) for k in style_index]
        self.data["n"] = len(ks)
        if any(ks):
            self.data["k"] = ks
        self.data["st"] = [dict(s) for s in styles]
        if info_index is not None and len(info_index):
            ii = [int(k) for k in info_index]
            if ii == list(range(ii[0], ii[0] + len(ii))) and ii[0] >= 0:
                self.data["i0"] = ii[0]  # consecutive rows: store the first only
            else:
                self.data["i"] = ii
        if options:
            self.data["o"] = dict(options)
        self.info = info

    def __len__(self) -> int:
        return int(self.data["n"])

    def json(self) -> str:
        """Return the packed data as script-safe JSON."""
        return script_json(self.data)


class Legend(MacroElement):
    """A categorical legend: a box of coloured swatches with labels, escaped, bottom right.

    Parameters
    ----------
    title : str
    entries : sequence of (label, style)
        ``style`` is a dict with ``color`` and optionally ``fill`` (a colour), ``dash``
        (true for a dashed line) and ``shape`` (``"circle"``, ``"line"`` or ``"area"``).

    Examples
    --------
    >>> leg = Legend("Key", [("<b>x</b>", {"color": "#f00", "shape": "circle"})])
    >>> "&lt;b&gt;x&lt;/b&gt;" in leg.html_body()
    True
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        .geokit-legend {position: absolute; z-index: 1000; right: 10px; bottom: 28px; background: #fff;
          padding: 6px 8px; border-radius: 4px; box-shadow: 0 1px 5px rgba(0,0,0,.4);
          font: 12px/1.4 sans-serif; max-height: 45%; overflow-y: auto;}
        .geokit-legend .geokit-legend-title {font-weight: bold; margin-bottom: 3px;}
        .geokit-legend .geokit-legend-row {white-space: nowrap;}
        .geokit-legend svg {vertical-align: middle; margin-right: 5px;}
        </style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
        {{ this.html_body() }}
        {% endmacro %}
        """
    )

    def __init__(self, title: str, entries: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
        super().__init__()
        self._name = "GeokitLegend"
        self.title = title
        self.entries = [(str(label), dict(style)) for label, style in entries]

    @staticmethod
    def _swatch(style: Mapping[str, Any]) -> str:
        color = esc(style.get("color", "#333"))
        fill = esc(style.get("fill", style.get("color", "#333")))
        shape = style.get("shape", "circle")
        dash = ' stroke-dasharray="4 3"' if style.get("dash") else ""
        if shape == "line":
            body = f'<line x1="1" y1="7" x2="17" y2="7" stroke="{color}" stroke-width="3"{dash}/>'
        elif shape == "area":
            body = (
                f'<rect x="2" y="2" width="14" height="10" fill="{fill}" fill-opacity="0.3" '
                f'stroke="{color}" stroke-width="1.5"{dash}/>'
            )
        else:
            body = f'<circle cx="9" cy="7" r="5" fill="{fill}" fill-opacity="0.8" stroke="{color}"/>'
        return f'<svg width="18" height="14" aria-hidden="true">{body}</svg>'

    def html_body(self) -> str:
        """Return the legend's HTML, every label escaped."""
        rows = "".join(
            f'<div class="geokit-legend-row">{self._swatch(style)}{esc(label)}</div>'
            for label, style in self.entries
        )
        return (
            f'<div class="geokit-legend" id="{self.get_name()}">'
            f'<div class="geokit-legend-title">{esc(self.title)}</div>{rows}</div>'
        )
