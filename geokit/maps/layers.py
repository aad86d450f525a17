"""Folium elements that draw packed data layers, the shared popup table and the legend.

One :class:`DataLayer` draws a whole kind of shape (all places of a document, all their regions…)
from the compact form of :mod:`geokit.maps.encode`: Leaflet objects are created in the page, and
popups and tooltips are built on demand from an :class:`InfoTable` of already-escaped HTML
strings, so a map of 100,000 estimates stays small and opens quickly. On a big map (``bulk``),
each kind of shape is a single canvas layer drawn from typed arrays (:data:`BULK_JS`) instead of
one Leaflet object per shape.
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

__all__ = [
    "BULK_JS",
    "HELPER_JS",
    "ChecksPanel",
    "DataLayer",
    "FitView",
    "InfoTable",
    "Labels",
    "Legend",
    "MapScript",
    "SmallScreenLayers",
    "add_helper_js",
]

#: The page-side decoder; added once to the page header (plain ES5, no dependency but Leaflet).
HELPER_JS = r"""
var geokit = (function () {
  function decodeFlat(str, p) {
    var out = new Float64Array(str.length), j = 0, i = 0, lat = 0, lon = 0, n = str.length;
    var f = Math.pow(10, p || 5);
    while (i < n) {
      var r = 0, s = 0, b;
      do { b = str.charCodeAt(i++) - 63; r |= (b & 31) << s; s += 5; } while (b >= 32);
      lat += (r & 1) ? ~(r >> 1) : (r >> 1);
      r = 0; s = 0;
      do { b = str.charCodeAt(i++) - 63; r |= (b & 31) << s; s += 5; } while (b >= 32);
      lon += (r & 1) ? ~(r >> 1) : (r >> 1);
      out[j++] = lat / f; out[j++] = lon / f;
    }
    return out.slice(0, j);
  }
  function decode(str, p) {
    var flat = decodeFlat(str, p), out = new Array(flat.length / 2);
    for (var k = 0; k < out.length; k++) { out[k] = [flat[2 * k], flat[2 * k + 1]]; }
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
    return r[0] === 0 ? r[1] : info.s[r[1]] + " \u2014 " + info.s[r[3]] + ": estimate \u00b1" + km(r[5]);
  }
  function popup(info, k, at) {
    var r = info.r[k], S = info.s;
    if (!r) { return "\u2026"; }
    if (r[0] === 0) { return r[2]; }
    // [1, target, quote, source, method, radius_m, [label, value, ...], [name, metres, ...], flags, mark,
    //  cause]: mark is 0 or [start, end]; cause the largest cause of uncertainty (a string) or -1
    var h = '<div class="geokit-popup"><b>' + S[r[1]] + "</b> \u2014 estimate<br>", t = "", i;
    var ll = at || where[k];
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
      var v = r[7][i + 1];
      t += "<tr><th>" + S[r[7][i]] + "</th><td>" + (typeof v === "string" ? v : km(v)) + "</td></tr>";
    }
    if (t) {
      // the uncertainty in a sentence, then its parts
      h += "<br><b>Uncertainty</b><br>Probably within " + km(r[5]) + " of this point"
        + (r[10] >= 0 ? ", mostly from the " + S[r[10]] : "") + '.<table class="geokit-kv">' + t + "</table>";
    }
    return h + "<br><small>Source: " + S[r[3]] + "</small></div>";
  }
  function layer(d, info, parent) {
    // each kind of shape is a sub-group of the document's layer: its own tooltips and popups
    var group = new L.FeatureGroup();
    group._gkInfo = info;  // for the GeoJSON export (geokit.features)
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
    parent.addLayer(group);
    return group;
  }
  function labels(rows, group) {
    // short permanent labels beside estimates ("training camps \u2014 The Hill"); text already escaped
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var html = '<span style="border-color:' + r[3] + ";color:" + r[3] + '">' + r[2] + "</span>";
      group.addLayer(L.marker([r[0], r[1]], {
        icon: L.divIcon({className: "geokit-label", html: html, iconSize: null,
                         iconAnchor: [-9, 9 - (r[4] || 0)]}),
        interactive: false, keyboard: false
      }));
    }
  }
  function padding(map) {
    // fit the content in the part of the map that the checks panel and the layer list leave free
    var el = map.getContainer(), size = map.getSize(), tl = [20, 20], br = [20, 20];
    var lc = el.querySelector(".leaflet-control-layers-expanded");
    var panel = document.querySelector(".geokit-checks");
    if (lc) { br[0] = Math.min(lc.offsetWidth + 20, size.x * 0.35); }
    if (panel && panel.offsetHeight) { br[1] = Math.min(panel.offsetHeight + 20, size.y * 0.4); }
    return [tl, br];
  }
  function fit(map, b, quiet) {
    function go() {
      var pad = padding(map);
      map.fitBounds(b, {maxZoom: 10, animate: !quiet, paddingTopLeft: pad[0], paddingBottomRight: pad[1]});
    }
    go();
    // again once the page has its final size and its panels (headless browsers resize late); a big
    // map only when its size did change (a second fit would draw every shape again)
    window.addEventListener("load", function () {
      var size = map.getSize();
      map.invalidateSize(false);
      if (!quiet || !size.equals(map.getSize())) { go(); }
    });
  }
  function panel(map, id, boxes) {
    var el = document.getElementById(id);
    if (!el) { return; }
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
    var rows = el.querySelectorAll("[data-geokit-target]");
    for (var i = 0; i < rows.length; i++) {
      rows[i].addEventListener("click", function () {
        var b = boxes[Number(this.getAttribute("data-geokit-target"))];
        if (!b) { return; }
        var pad = padding(map);
        map.fitBounds(b, {maxZoom: 11, paddingTopLeft: pad[0], paddingBottomRight: pad[1]});
      });
    }
    var fold = el.querySelector(".geokit-checks-fold");
    if (fold) {
      fold.addEventListener("click", function () {
        var open = el.className.indexOf("geokit-folded") < 0;
        el.className = open ? el.className + " geokit-folded" : el.className.replace(" geokit-folded", "");
        fold.textContent = open ? "+" : "\u2212";
      });
    }
  }
  function smallScreen(control, map) {
    // on a small screen the layer list starts folded, and opens on hover or a tap on its icon
    // (decided once the page has its size: headless browsers and iframes resize late)
    function decide() {
      if (window.innerWidth >= 600 && window.innerHeight >= 420) { return; }
      control.collapse();
      var el = control.getContainer();
      L.DomEvent.on(el, {mouseenter: control.expand, mouseleave: control.collapse}, control);
      map.on("click", control.collapse, control);
    }
    if (document.readyState === "complete") { decide(); } else { window.addEventListener("load", decide); }
  }
  return {
    decode: decode, decodeFlat: decodeFlat, fit: fit, inflate: inflate, labels: labels, layer: layer,
    panel: panel, popup: popup, smallScreen: smallScreen, tooltip: tooltip
  };
})();
"""

#: The page-side drawing of a big map's layers (added after :data:`HELPER_JS`, big maps only).
#: All shapes of one kind are ONE Leaflet path on the shared canvas renderer: coordinates stay in
#: typed arrays (no object per shape, so no garbage collection), shapes outside the view are
#: skipped, each shape is filled and stroked as Leaflet's canvas renderer would, and the shape
#: under the pointer is found by a scan of pixel boxes for its tooltip and popup.
BULK_JS = r"""
geokit.bulk = (function () {
  var decode = geokit.decodeFlat;
  function dashes(v) {
    if (typeof v !== "string") { return v || []; }
    var out = [], parts = v.split(/[, ]+/);
    for (var i = 0; i < parts.length; i++) {
      var x = Number(parts[i]);
      if (isNaN(x)) { return []; }
      out.push(x);
    }
    return out;
  }
  var api = {Bulk: null, decode: decode, layer: layer, where: where};
  function define() {  // on first use: the page loads Leaflet after this script
    return L.Path.extend({
      initialize: function (d, info) {
        var g = d.g, n = d.n, s = d.s || [], si = 0, v = 0, f, rings = [0], first = [0];
        var base = g === "point" ? L.CircleMarker.prototype.options
          : (g === "line" ? L.Polyline.prototype.options : L.Polygon.prototype.options);
        L.setOptions(this, L.extend({}, base, d.o || {}));
        this._g = g; this._n = n; this._ll = decode(d.c, d.p); this._info = info; this._s = s;
        this._k = d.k || null; this._i = d.i || null; this._i0 = d.i0;
        this._st = [];
        for (f = 0; f < d.st.length; f++) {
          var st = L.extend({}, base, d.st[f], d.o || {});
          st._dash = dashes(st.dashArray);
          this._st.push(st);
        }
        if (g === "point") {
          for (f = 0; f < n; f++) { rings.push(f + 1); first.push(f + 1); }
        } else if (g === "line") {
          for (f = 0; f < n; f++) { v += s[si++]; rings.push(v); first.push(rings.length - 1); }
        } else {
          for (f = 0; f < n; f++) {
            var np = s[si++];
            for (var p = 0; p < np; p++) {
              var nr = s[si++];
              for (var q = 0; q < nr; q++) { v += s[si++]; rings.push(v); }
            }
            first.push(rings.length - 1);
          }
        }
        this._rs = Int32Array.from(rings);  // ring r: vertices rs[r] .. rs[r + 1] - 1
        this._fr = Int32Array.from(first);  // shape f: rings fr[f] .. fr[f + 1] - 1
        this._xy = new Float64Array(this._ll.length);  // layer pixels at the current zoom
        this._box = new Float64Array(4 * n);  // each shape's pixel box, with its stroke
        this._hit = -1;
        this.on("click", function () { this._open = this._hit; });  // before bindPopup's handler
        this.on("mousemove", function () {
          // one layer, many shapes: a new shape under the pointer gets its own tooltip
          if (this._hit === this._tip) { return; }
          this._tip = this._hit;
          var t = this._tooltip;
          if (t && this._map && this._map.hasLayer(t) && this._hit >= 0) {
            if (t.options.sticky) { t.update(); } else { t.setLatLng(this.getCenter()); }
          }
        });
      },
      beforeAdd: function (map) {
        var r = map.getRenderer(this), pane = this.options.pane || "overlayPane";
        if (!(r instanceof L.Canvas)) {
          // an SVG map: one canvas per pane (the basemap's stays below the data)
          map._geokitCanvas = map._geokitCanvas || {};
          r = map._geokitCanvas[pane] = map._geokitCanvas[pane] || L.canvas({pane: pane});
          if (!map.hasLayer(r)) { map.addLayer(r); }
        }
        this._renderer = r;
      },
      row: function (f) {
        return f < 0 ? -1 : (this._i ? this._i[f] : (this._i0 === undefined ? -1 : this._i0 + f));
      },
      latLngOf: function (f) {
        var v = this._rs[this._fr[f]];
        return L.latLng(this._ll[2 * v], this._ll[2 * v + 1]);
      },
      getCenter: function () { return this.latLngOf(Math.max(this._hit, 0)); },
      shapes: function (each) {
        // each(f, coordinates) for every shape, as GeoJSON coordinates ([lon, lat], 6 decimals)
        var ll = this._ll, rs = this._rs, s = this._s, si = 0, r = 0, f;
        function ring(k, close) {
          var out = [];
          for (var v = rs[k]; v < rs[k + 1]; v++) {
            out.push([+ll[2 * v + 1].toFixed(6), +ll[2 * v].toFixed(6)]);
          }
          if (close && out.length) { out.push(out[0]); }
          return out;
        }
        for (f = 0; f < this._n; f++) {
          if (this._g === "point") { each(f, ring(f)[0]); continue; }
          if (this._g === "line") { each(f, ring(r++)); si++; continue; }
          var np = s[si++], polys = [];
          for (var q = 0; q < np; q++) {
            var nr = s[si++], rings = [];
            for (var j = 0; j < nr; j++) { si++; rings.push(ring(r++, true)); }
            polys.push(rings);
          }
          each(f, polys);
        }
      },
      _style: function (f) { return this._st[this._k ? this._k[f] : 0]; },
      _project: function () {
        var map = this._map, z = map.getZoom(), o = map.getPixelOrigin(), crs = map.options.crs;
        var ll = this._ll, xy = this._xy, m = ll.length, j;
        if (crs === L.CRS.EPSG3857) {
          // Leaflet's spherical Mercator, inline: no LatLng or Point object per vertex
          var sc = crs.scale(z), lim = L.Projection.SphericalMercator.MAX_LATITUDE, D = Math.PI / 180;
          for (j = 0; j < m; j += 2) {
            var sin = Math.sin(Math.max(Math.min(lim, ll[j]), -lim) * D);
            xy[j] = sc * (ll[j + 1] / 360 + 0.5) - o.x;
            xy[j + 1] = sc * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) - o.y;
          }
        } else {
          for (j = 0; j < m; j += 2) {
            var pt = map.latLngToLayerPoint([ll[j], ll[j + 1]]); xy[j] = pt.x; xy[j + 1] = pt.y;
          }
        }
        var box = this._box, rs = this._rs, fr = this._fr;
        var X0 = Infinity, Y0 = Infinity, X1 = -Infinity, Y1 = -Infinity;
        for (var f = 0; f < this._n; f++) {
          var st = this._style(f);
          var pad = (st.stroke ? st.weight / 2 : 0) + (this._g === "point" ? st.radius : 0);
          var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
          for (var v = rs[fr[f]], e = rs[fr[f + 1]]; v < e; v++) {
            var x = xy[2 * v], y = xy[2 * v + 1];
            if (x < x0) { x0 = x; }
            if (x > x1) { x1 = x; }
            if (y < y0) { y0 = y; }
            if (y > y1) { y1 = y; }
          }
          box[4 * f] = x0 - pad; box[4 * f + 1] = y0 - pad;
          box[4 * f + 2] = x1 + pad; box[4 * f + 3] = y1 + pad;
          if (x0 <= x1) {
            X0 = Math.min(X0, x0 - pad); Y0 = Math.min(Y0, y0 - pad);
            X1 = Math.max(X1, x1 + pad); Y1 = Math.max(Y1, y1 + pad);
          }
        }
        this._pxBounds = X0 <= X1 ? L.bounds([X0, Y0], [X1, Y1]) : L.bounds([0, 0], [0, 0]);
      },
      _update: function () {},
      _updatePath: function () {
        var ren = this._renderer;
        if (!ren._drawing) { return; }
        var ctx = ren._ctx, cut = ren._redrawBounds || ren._bounds, g = this._g;
        var box = this._box, fr = this._fr, rs = this._rs, xy = this._xy;
        var cx0 = cut.min.x, cy0 = cut.min.y, cx1 = cut.max.x, cy1 = cut.max.y, cur = null;
        var over = g === "polygon" ? this._over() : null;
        for (var f = 0; f < this._n; f++) {
          if (box[4 * f] > cx1 || box[4 * f + 2] < cx0 || box[4 * f + 1] > cy1 || box[4 * f + 3] < cy0) {
            continue;  // out of view (or an empty shape)
          }
          if (over && over.at[f] >= 0 && over.hides(over.at[f], box, 4 * f)) {
            continue;  // a region smaller than its estimate's opaque marker, which is drawn over it
          }
          var st = this._style(f);
          ctx.beginPath();
          if (g === "point") {
            var v = rs[fr[f]];
            ctx.arc(xy[2 * v], xy[2 * v + 1], st.radius, 0, 2 * Math.PI, false);
          } else {
            for (var r = fr[f]; r < fr[f + 1]; r++) {
              var a = rs[r], b = rs[r + 1];
              if (b <= a) { continue; }
              var lx = xy[2 * a], ly = xy[2 * a + 1];
              ctx.moveTo(lx, ly);
              for (var w = a + 1; w < b; w++) {
                // as Leaflet (smoothFactor 1): no vertex within a pixel of the previous one
                var x = xy[2 * w], y = xy[2 * w + 1];
                if ((x - lx) * (x - lx) + (y - ly) * (y - ly) < 1 && w < b - 1) { continue; }
                ctx.lineTo(x, y); lx = x; ly = y;
              }
              if (g === "polygon") { ctx.closePath(); }
            }
          }
          // as Leaflet's canvas renderer: each shape filled, then stroked (the context's colours,
          // widths and dashes are set when the style changes, not for every shape)
          if (st !== cur) {
            cur = st;
            ctx.fillStyle = st.fillColor || st.color; ctx.setLineDash(st._dash); ctx.lineWidth = st.weight;
            ctx.strokeStyle = st.color; ctx.lineCap = st.lineCap; ctx.lineJoin = st.lineJoin;
          }
          if (st.fill) { ctx.globalAlpha = st.fillOpacity; ctx.fill(st.fillRule || "evenodd"); }
          if (st.stroke && st.weight !== 0) { ctx.globalAlpha = st.opacity; ctx.stroke(); }
        }
      },
      _over: function () {
        // the point layer drawn above this one (same canvas, later) that marks these estimates
        var P = null, o, j, f;
        for (j = 0; j < points.length && !P; j++) {
          if (points[j]._map && points[j]._renderer === this._renderer) {
            for (o = this._order.next; o; o = o.next) { if (o.layer === points[j]) { P = points[j]; break; } }
          }
        }
        if (!P) { return null; }
        if (!this._at || this._atLayer !== P) {
          rows(P);
          this._atLayer = P;
          this._at = new Int32Array(this._n);
          for (f = 0; f < this._n; f++) {
            var pf = P._rows[this.row(f)];
            this._at[f] = pf === undefined ? -1 : pf;
          }
        }
        return {at: this._at, hides: function (pf, box, i) {
          var st = P._style(pf), v = P._rs[P._fr[pf]], x = P._xy[2 * v], y = P._xy[2 * v + 1];
          if (!st.fill || st.fillOpacity < 1 || (st.stroke && st.opacity < 1)) { return false; }
          var R = st.radius + (st.stroke ? st.weight / 2 : 0) - 1;  // a pixel short of its antialiased edge
          var dx = Math.max(Math.abs(box[i] - x), Math.abs(box[i + 2] - x));
          var dy = Math.max(Math.abs(box[i + 1] - y), Math.abs(box[i + 3] - y));
          return dx * dx + dy * dy <= R * R;
        }};
      },
      _near: function (f, x, y, tol) {
        // inside the polygon (even-odd), or within tol pixels of an edge
        var xy = this._xy, rs = this._rs, poly = this._g === "polygon", inside = false, P = L.point(x, y);
        for (var r = this._fr[f]; r < this._fr[f + 1]; r++) {
          var a = rs[r], b = rs[r + 1];
          for (var v = poly ? a : a + 1, u = poly ? b - 1 : a; v < b; u = v++) {
            var x1 = xy[2 * u], y1 = xy[2 * u + 1], x2 = xy[2 * v], y2 = xy[2 * v + 1];
            if (poly && ((y2 > y) !== (y1 > y)) && (x < (x1 - x2) * (y - y2) / (y1 - y2) + x2)) {
              inside = !inside;
            }
            if (L.LineUtil.pointToSegmentDistance(P, L.point(x1, y1), L.point(x2, y2)) <= tol) {
              return true;
            }
          }
        }
        return inside;
      },
      _containsPoint: function (p) {
        // the topmost (last drawn) shape under p, remembered for the tooltip and the popup
        var box = this._box, x = p.x, y = p.y, tol = this._renderer.options.tolerance || 0, xy = this._xy;
        for (var f = this._n - 1; f >= 0; f--) {
          if (x < box[4 * f] - tol || x > box[4 * f + 2] + tol ||
              y < box[4 * f + 1] - tol || y > box[4 * f + 3] + tol) {
            continue;
          }
          var st = this._style(f), w = (st.stroke ? st.weight / 2 : 0) + tol;
          if (this._g === "point") {
            var v = this._rs[this._fr[f]], dx = xy[2 * v] - x, dy = xy[2 * v + 1] - y;
            if (Math.sqrt(dx * dx + dy * dy) > st.radius + w) { continue; }
          } else if (!this._near(f, x, y, w)) {
            continue;
          }
          this._hit = f;
          return true;
        }
        this._hit = -1;
        return false;
      }
    });
  }
  var points = [];  // point layers: where an estimate is, for popups opened on its region or line
  function rows(b) {  // info row -> shape, for a point layer
    if (!b._rows) {
      b._rows = {};
      for (var f = 0; f < b._n; f++) { var k = b.row(f); if (k >= 0) { b._rows[k] = f; } }
    }
    return b._rows;
  }
  function where(k) {
    for (var j = 0; j < points.length; j++) {
      var b = points[j];
      if (rows(b)[k] !== undefined) { return b.latLngOf(b._rows[k]); }
    }
    return null;
  }
  function layer(d, info, group) {
    api.Bulk = api.Bulk || define();
    var b = new api.Bulk(d, info);
    if (d.g === "point") { points.push(b); }
    if (d.i || d.i0 !== undefined) {
      b.bindTooltip(function (l) { var k = l.row(l._hit); return k >= 0 ? geokit.tooltip(info, k) : ""; },
                    {sticky: d.g !== "point"});
      b.bindPopup(function (l) {
        var k = l.row(l._open);
        return k >= 0 ? geokit.popup(info, k, where(k)) : "";
      }, {maxWidth: 420});
    }
    group.addLayer(b);
    return b;
  }
  return api;
})();
"""


def add_helper_js(figure: Figure, bulk: bool = False) -> None:
    """Add :data:`HELPER_JS` (and, for a big map, :data:`BULK_JS`) to the page header once (keyed)."""
    figure.header.add_child(Element(f"<script>{HELPER_JS}</script>"), name="geokit_helper_js")
    if bulk:
        figure.header.add_child(Element(f"<script>{BULK_JS}</script>"), name="geokit_bulk_js")


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
    [component, metres or text, …], flags, [mark_start, mark_end] or 0, cause]`` whose HTML the page
    builds on demand (``cause``: the string of the largest cause of uncertainty, or -1);
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
    bulk : bool, default False
        Draw all the shapes as one canvas layer (:data:`BULK_JS`, which the page must have):
        for big maps. Otherwise one Leaflet object per shape (SVG or canvas, as the map prefers).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geokit.{{ this.function }}({{ this.json() }}, {{ this.info.get_name() }},
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
        bulk: bool = False,
    ) -> None:
        super().__init__()
        self._name = "GeokitLayer"
        self.bulk = bool(bulk)
        self.function = "bulk.layer" if self.bulk else "layer"
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


class FitView(MacroElement):
    """The opening view: fit ``bounds`` ``[[south, west], [north, east]]`` in the free part of the map.

    The fit runs at once and again when the page has loaded (its final size, its panels); with
    ``animate=False`` (big maps) the second fit runs only if the size changed.

    Examples
    --------
    >>> "geokit.fit(" in FitView([[30.0, 16.0], [32.0, 17.0]]).code()
    True
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code().replace("MAP", this._parent.get_name()) }}
        {% endmacro %}
        """
    )

    def __init__(self, bounds: Sequence[Sequence[float]] | None, *, animate: bool = True) -> None:
        super().__init__()
        self._name = "GeokitFit"
        self.bounds = bounds
        self.animate = animate

    def code(self) -> str:
        """Return the JavaScript (``MAP`` stands for the map); empty without bounds."""
        if not self.bounds:
            return ""
        return f"geokit.fit(MAP, {script_json(self.bounds)}, {'false' if self.animate else 'true'});"


class SmallScreenLayers(MacroElement):
    """Fold ``control`` (a folium ``LayerControl``) on small screens; it opens on hover or a tap."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geokit.smallScreen({{ this.control.get_name() }}, {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, control: MacroElement) -> None:
        super().__init__()
        self._name = "GeokitSmallScreen"
        self.control = control


class Labels(MacroElement):
    """Short permanent labels beside points, in the parent feature group.

    Parameters
    ----------
    rows : sequence of [lat, lon, escaped_html, colour, pixels_down]
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        .geokit-label span {display: inline-block; white-space: nowrap; background: rgba(255,255,255,.85);
          border-left: 3px solid; padding: 0 4px; font: bold 11px/1.5 sans-serif; border-radius: 2px;}
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        geokit.labels({{ this.json() }}, {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: Sequence[Sequence[Any]]) -> None:
        super().__init__()
        self._name = "GeokitLabels"
        self.rows = [list(r) for r in rows]

    def json(self) -> str:
        """Return the rows as script-safe JSON."""
        return script_json(self.rows)


class ChecksPanel(MacroElement):
    """The checks on the map, visible without a click: per target its verdict and who says what.

    Parameters
    ----------
    rows : sequence of dict
        ``label``, ``verdict``, ``summary``, ``said`` (one line per statement: "source: reading")
        and ``bounds`` (``[[s, w], [n, e]]`` or ``None``): a click on the target zooms there.

    Examples
    --------
    >>> p = ChecksPanel([{"label": "<camp>", "verdict": "disagree", "summary": "s", "said": ["a: b"],
    ...                   "bounds": None}])
    >>> "&lt;camp&gt;" in p.html_body() and "disagree" in p.html_body()
    True
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        .geokit-checks {position: absolute; z-index: 1000; left: 10px; bottom: 72px; background: #fff;
          padding: 6px 8px; border-radius: 4px; box-shadow: 0 1px 5px rgba(0,0,0,.4);
          font: 12px/1.4 sans-serif; max-width: min(440px, 60vw); max-height: 35%; overflow-y: auto;}
        .geokit-checks-title {font-weight: bold; margin-bottom: 2px;}
        .geokit-checks-fold {float: right; border: none; background: none; cursor: pointer;
          font-weight: bold;}
        .geokit-folded .geokit-checks-target {display: none;}
        .geokit-checks-target {cursor: pointer; padding: 2px 0; border-top: 1px solid #eee;}
        .geokit-checks-target:hover {background: #f4f4f4;}
        .geokit-checks-line {white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
          padding-left: 1em;}
        .geokit-verdict {display: inline-block; padding: 0 5px; border-radius: 3px; color: #fff;
          font-weight: bold;}
        .geokit-v-disagree {background: #d7191c;} .geokit-v-agree {background: #1a9641;}
        .geokit-v-uncertain {background: #e08a1e;} .geokit-v-other {background: #666;}
        .leaflet-control-layers-expanded {max-width: min(300px, 40vw); max-height: 50vh; overflow-y: auto;
          font: 12px/1.4 sans-serif;}
        </style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
        {{ this.html_body() }}
        {% endmacro %}
        {% macro script(this, kwargs) %}
        geokit.panel({{ this._parent.get_name() }}, "{{ this.get_name() }}", {{ this.json() }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: Sequence[Mapping[str, Any]]) -> None:
        super().__init__()
        self._name = "GeokitChecks"
        self.rows = [dict(r) for r in rows]

    def json(self) -> str:
        """Return each target's bounds (the zoom of a click) as script-safe JSON."""
        return script_json([r.get("bounds") for r in self.rows])

    def html_body(self) -> str:
        """Return the panel's HTML, every text escaped."""
        parts = []
        for i, r in enumerate(self.rows):
            verdict = str(r.get("verdict") or "")
            cls = verdict if verdict in ("agree", "disagree", "uncertain") else "other"
            lines = "".join(
                f'<div class="geokit-checks-line" title="{esc(line)}">{esc(line)}</div>'
                for line in r.get("said", [])
            )
            parts.append(
                f'<div class="geokit-checks-target" data-geokit-target="{i}" '
                f'title="{esc(r.get("summary", ""))}">'
                f'<span class="geokit-verdict geokit-v-{cls}">{esc(verdict)}</span> '
                f"<b>{esc(r.get('label', ''))}</b>{lines}</div>"
            )
        n = len(self.rows)
        head = f"Checks: {n} target{'s' if n != 1 else ''} (click to zoom)"
        return (
            f'<div class="geokit-checks" id="{self.get_name()}"><div class="geokit-checks-title">{esc(head)}'
            '<button class="geokit-checks-fold" type="button" aria-label="fold">\u2212</button></div>'
            + "".join(parts)
            + "</div>"
        )
