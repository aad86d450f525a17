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
