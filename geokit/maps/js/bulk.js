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
  // cull: skip regions and lines that markers drawn above hide in full (the pixels stay the same)
  var api = {Bulk: null, covered: null, cull: true, decode: decode, layer: layer, where: where};
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
        this._pj = (this._pj || 0) + 1;
      },
      _update: function () {},
      _updatePath: function () {
        var ren = this._renderer;
        if (!ren._drawing) { return; }
        var ctx = ren._ctx, cut = ren._redrawBounds || ren._bounds, g = this._g;
        var box = this._box, fr = this._fr, rs = this._rs, xy = this._xy;
        var cx0 = cut.min.x, cy0 = cut.min.y, cx1 = cut.max.x, cy1 = cut.max.y, cur = null;
        var over = g === "polygon" ? this._over() : null, hid = g !== "point" && api.cull ? this._covers() : [];
        if (g === "point") { ctx.globalAlpha = 1; }  // points are copies of a finished circle (sprite)
        var buried = g === "point" && api.cull ? this._buried(cut) : null;
        for (var f = 0; f < this._n; f++) {
          if (box[4 * f] > cx1 || box[4 * f + 2] < cx0 || box[4 * f + 1] > cy1 || box[4 * f + 3] < cy0) {
            continue;  // out of view (or an empty shape)
          }
          if (over && over.at[f] >= 0 && over.hides(over.at[f], box, 4 * f)) {
            continue;  // a region smaller than its estimate's opaque marker, which is drawn over it
          }
          if (hid.length && this._style(f).lineJoin !== "miter" && covered(hid, box, 4 * f)) {
            continue;  // every pixel it could touch (its box) is opaque in a marker layer drawn over it
          }
          var st = this._style(f);
          if (buried && buried[f]) {
            continue;  // a marker under the opaque pixels of later ones
          }
          if (g === "point") {
            // at Leaflet's whole-pixel centre, a copy of the style's circle: far quicker than a path
            var sp = st._sprite || (st._sprite = sprite(st)), v = rs[fr[f]];
            ctx.drawImage(sp.c, Math.round(xy[2 * v]) - sp.h, Math.round(xy[2 * v + 1]) - sp.h, 2 * sp.h, 2 * sp.h);
            continue;
          }
          ctx.beginPath();
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
      _covers: function () {
        // the opaque pixels of each point layer drawn above this one on the same canvas
        var out = [], o, ren = this._renderer;
        if (!this._order) { return out; }
        for (o = this._order.next; o; o = o.next) {
          if (o.layer._g === "point" && o.layer._map && points.indexOf(o.layer) >= 0) { out.push(o.layer._opaque(ren._bounds)); }
        }
        return out;
      },
      _opaque: function (bnd) {
        // a summed-area table of the canvas pixels (layer coordinates) that this layer's markers
        // make fully opaque, kept until the next projection or canvas move
        var key = this._pj + ":" + bnd.min.x + ":" + bnd.min.y + ":" + bnd.max.x + ":" + bnd.max.y;
        if (this._opq && this._opq.key === key) { return this._opq; }
        var x0 = Math.floor(bnd.min.x), y0 = Math.floor(bnd.min.y);
        var W = Math.ceil(bnd.max.x) - x0 + 1, H = Math.ceil(bnd.max.y) - y0 + 1;
        var mask = new Uint8Array(W * H), xy = this._xy, rs = this._rs, fr = this._fr, f, i, j;
        for (f = 0; f < this._n; f++) {
          var st = this._style(f), sp = st._sprite || (st._sprite = sprite(st)), v = rs[fr[f]];
          var cx = Math.round(xy[2 * v]) - sp.h - x0, cy = Math.round(xy[2 * v + 1]) - sp.h - y0;
          if (!(cx > -2 * sp.h && cy > -2 * sp.h && cx < W && cy < H)) { continue; }  // off the canvas (or NaN)
          stamp(mask, W, H, sp, cx, cy);
        }
        var S = new Int32Array((W + 1) * (H + 1));
        for (j = 0; j < H; j++) {
          for (var row = 0, x = 0; x < W; x++) {
            row += mask[j * W + x];
            S[(j + 1) * (W + 1) + x + 1] = S[j * (W + 1) + x + 1] + row;
          }
        }
        this._opq = {key: key, x0: x0, y0: y0, W: W, H: H, S: S};
        return this._opq;
      },
      _buried: function (cut) {
        // the markers whose every pixel on the canvas part being drawn is opaque in later markers
        // (the last drawn first): 1 for each such shape
        var x0 = Math.floor(cut.min.x), y0 = Math.floor(cut.min.y);
        var W = Math.ceil(cut.max.x) - x0 + 1, H = Math.ceil(cut.max.y) - y0 + 1;
        var mask = new Uint8Array(W * H), out = new Uint8Array(this._n), xy = this._xy, rs = this._rs, fr = this._fr;
        for (var f = this._n - 1; f >= 0; f--) {
          var st = this._style(f), sp = st._sprite || (st._sprite = sprite(st)), v = rs[fr[f]], s = 2 * sp.h;
          var cx = Math.round(xy[2 * v]) - sp.h - x0, cy = Math.round(xy[2 * v + 1]) - sp.h - y0;
          var a0 = Math.max(0, cx), a1 = Math.min(W, cx + s), all = true;
          for (var y = Math.max(0, cy), y1 = Math.min(H, cy + s); all && y < y1; y++) {
            for (var i = y * W + a0, e = y * W + a1; i < e; i++) {
              if (!mask[i]) { all = false; break; }
            }
          }
          if (all) { out[f] = 1; } else { stamp(mask, W, H, sp, cx, cy); }
        }
        return out;
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
  function stamp(mask, W, H, sp, cx, cy) {
    // mark the opaque pixels of sprite sp drawn at (cx, cy) on a W x H mask
    for (var i = 0; i < sp.spans.length; i += 3) {
      var y = cy + sp.spans[i];
      if (y < 0 || y >= H) { continue; }
      for (var j = y * W + Math.max(0, cx + sp.spans[i + 1]), e = y * W + Math.min(W, cx + sp.spans[i + 2]); j < e; j++) {
        mask[j] = 1;
      }
    }
  }
  function covered(tables, box, i) {
    // whether one table's opaque pixels cover box i (with a pixel of antialiasing) in full
    var bx0 = Math.floor(box[i]) - 1, by0 = Math.floor(box[i + 1]) - 1;
    var bx1 = Math.floor(box[i + 2]) + 2, by1 = Math.floor(box[i + 3]) + 2;  // exclusive
    for (var t = 0; t < tables.length; t++) {
      var T = tables[t], W1 = T.W + 1, S = T.S;
      // the box on the canvas: pixels off the canvas are never seen
      var x0 = Math.max(0, bx0 - T.x0), y0 = Math.max(0, by0 - T.y0);
      var x1 = Math.min(T.W, bx1 - T.x0), y1 = Math.min(T.H, by1 - T.y0);
      if (x1 <= x0 || y1 <= y0) { continue; }
      var n = S[y1 * W1 + x1] - S[y0 * W1 + x1] - S[y1 * W1 + x0] + S[y0 * W1 + x0];
      if (n === (x1 - x0) * (y1 - y0)) { return true; }
    }
    return false;
  }
  function sprite(st) {
    // one point style drawn once on a canvas of its own, as Leaflet draws a circle marker (whole
    // pixels, filled then stroked); each point of that style is then a copy of it
    var m = L.Browser.retina ? 2 : 1, rad = Math.max(Math.round(st.radius), 1);
    var h = Math.ceil(rad + (st.stroke ? st.weight / 2 : 0)) + 1, c = document.createElement("canvas");
    c.width = c.height = 2 * h * m;
    var ctx = c.getContext("2d");
    ctx.scale(m, m);
    ctx.beginPath();
    ctx.arc(h, h, rad, 0, 2 * Math.PI, false);
    if (st.fill) { ctx.globalAlpha = st.fillOpacity; ctx.fillStyle = st.fillColor || st.color; ctx.fill(); }
    if (st.stroke && st.weight !== 0) {
      ctx.setLineDash(st._dash); ctx.globalAlpha = st.opacity; ctx.lineWidth = st.weight;
      ctx.strokeStyle = st.color; ctx.lineCap = st.lineCap; ctx.lineJoin = st.lineJoin; ctx.stroke();
    }
    // its fully opaque pixels (all device pixels of a CSS pixel), as [row, from, to) spans
    var px = ctx.getImageData(0, 0, c.width, c.height).data, spans = [], W = c.width;
    for (var y = 0; y < 2 * h; y++) {
      for (var x = 0, from = -1; x <= 2 * h; x++) {
        var full = x < 2 * h;
        for (var dy = 0; full && dy < m; dy++) {
          for (var dx = 0; full && dx < m; dx++) { full = px[4 * ((y * m + dy) * W + x * m + dx) + 3] === 255; }
        }
        if (full && from < 0) { from = x; }
        if (!full && from >= 0) { spans.push(y, from, x); from = -1; }
      }
    }
    return {c: c, h: h, spans: spans};
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
  api.covered = covered;
  return api;
})();
