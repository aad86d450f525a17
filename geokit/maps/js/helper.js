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
    // fit the content in the part of the map that the panels leave free: the layer list (right),
    // the checks panel (below it) and, on a small screen, the folded key (above it)
    var el = map.getContainer(), size = map.getSize(), box = el.getBoundingClientRect();
    var tl = [20, 20], br = [20, 20];
    var lc = el.querySelector(".leaflet-control-layers-expanded");
    var panel = document.querySelector(".geokit-checks"), key = document.querySelector(".geokit-legend");
    if (lc) { br[0] = Math.min(lc.offsetWidth + 20, size.x * 0.35); }
    if (panel && panel.offsetHeight) {
      br[1] = Math.max(20, Math.min(box.bottom - panel.getBoundingClientRect().top + 10, size.y * 0.45));
    }
    if (key && key.offsetHeight) {
      var r = key.getBoundingClientRect();
      if (r.bottom < box.top + size.y / 2) { tl[1] = Math.min(r.bottom - box.top + 10, size.y * 0.3); }
    }
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
