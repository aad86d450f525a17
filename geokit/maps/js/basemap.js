geokit.gate = function (map, parent, layer, z) {
  // a basemap layer shown from zoom z on: in its group (so the layer control still switches it)
  function update() {
    var on = map.getZoom() >= z;
    if (on && !parent.hasLayer(layer)) { parent.addLayer(layer); }
    if (!on && parent.hasLayer(layer)) { parent.removeLayer(layer); }
  }
  map.on("zoomend", update);
  update();
};
geokit.places = function (map, rows, parent, pane) {
  // the names that fit at this zoom and view, most important first, none over another (each is
  // measured once drawn, and taken off again if it touches one already kept)
  var shown = L.layerGroup(), most = 250;
  function draw() {
    shown.clearLayers();
    if (!map.hasLayer(parent)) { return; }
    var z = map.getZoom(), view = map.getBounds().pad(0.05), boxes = [], i = 0, k, j;
    while (i < rows.length && boxes.length < most) {
      // names are added a batch at a time, then measured together: one layout, not one per name
      var batch = [], spans = [], rects = [];
      for (; i < rows.length && batch.length < Math.max(50, 2 * (most - boxes.length)); i++) {
        var r = rows[i];
        if (r[3] > z) { i = rows.length; break; }  // sorted by zoom: none of the rest is shown yet
        if (!view.contains([r[0], r[1]])) { continue; }
        var span = document.createElement("span");
        span.textContent = r[2];  // a name is text, never HTML
        var marker = L.marker([r[0], r[1]], {
          icon: L.divIcon({className: "geokit-place geokit-place-" + r[4], html: span, iconSize: null}),
          interactive: false, keyboard: false, pane: pane
        });
        shown.addLayer(marker);
        batch.push(marker); spans.push(span);
      }
      for (k = 0; k < spans.length; k++) { rects.push(spans[k].getBoundingClientRect()); }
      for (k = 0; k < batch.length; k++) {
        var b = rects[k], clash = boxes.length >= most;
        for (j = 0; j < boxes.length && !clash; j++) {
          var o = boxes[j];
          clash = b.left < o.right + 2 && o.left < b.right + 2 && b.top < o.bottom && o.top < b.bottom;
        }
        if (clash) { shown.removeLayer(batch[k]); } else { boxes.push(b); }
      }
    }
  }
  parent.addLayer(shown);
  map.on("moveend", draw);
  parent.on("add", draw);
  draw();
  return shown;
};
