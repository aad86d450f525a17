"""Big maps (more than 3,000 shapes): each kind of shape is one canvas layer drawn from typed arrays."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Polygon
from test_maps_sample import GEOD, HOSTILE, build

from geokit.maps import Map
from geokit.maps.basemap import basemap_layers
from geokit.maps.browser import dump_dom
from geokit.model import Check, Claim, Distance, Document, Estimate, Place

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def ring(lat: float, lon: float, radius_m: float, n: int = 16) -> list[tuple[float, float]]:
    az = np.linspace(0, 360, n, endpoint=False)
    lons, lats, _ = GEOD.fwd(np.full(n, lon), np.full(n, lat), az, np.full(n, radius_m))
    return list(zip(lons, lats, strict=True))


def big_map(n: int = 1100, hostile: str = "", **map_kwargs) -> Map:
    """Return a map of ``n`` estimates (regions, anchor lines) in 11 documents: 3 shapes each."""
    rng = np.random.default_rng(1)
    anchor = Place("a:1", "Sirte", "city", 31.2089, 16.5887, extent_m=8000)
    m = Map(**map_kwargs)
    per_doc = n // 11
    for d in range(11):
        text = f"Camps are 40 km from Sirte.{hostile}"
        doc = Document(f"doc{d}", text, source=f"wire/{d}.txt{hostile}")
        claims, ests = [], {}
        for j in range(per_doc):
            k = d * per_doc + j
            lat, lon = 30.5 + rng.uniform(0, 1.5), 16.0 + rng.uniform(0, 2.0)
            c = Claim(
                f"c{k}", doc.id, text, 0, 26, "offset", f"camp {k}{hostile}", "Sirte", anchor=anchor,
                distance=Distance(40, "km", 40000, "40 km"), text="40 km from Sirte",
            )  # fmt: skip
            if k == 1:
                region = Polygon(ring(lat, lon, 20000), [ring(lat, lon, 5000)[::-1]])  # a hole
            elif k == 2:
                region = MultiPolygon([Polygon(ring(lat, lon, 3000)), Polygon(ring(lat + 0.3, lon, 3000))])
            elif k == 3:
                region = None
            else:
                region = Polygon(ring(lat, lon, 4000))
            claims.append(c)
            ests[c.id] = Estimate(c.id, lat, lon, 4000.0, region, "exact", {"distance_precision": 500.0})
        m.add_document(doc, [], claims, ests)
    chk = Check("c0", "c5", "disagree", 50000.0, 0.0, ["far apart" + hostile])
    m.add_targets([SimpleNamespace(label="camps" + hostile, claims=["c0", "c5"], checks=[chk])])
    return m


@pytest.mark.slow
def test_small_map_draws_each_shape():
    page = build().to_html()
    # one Leaflet object per shape of the data; only the basemap is drawn in bulk, in its own pane
    assert len(re.findall(r"= geokit\.bulk\.layer\(", page)) == page.count('"pane":"geokitbase"') > 0
    assert len(re.findall(r"= geokit\.layer\(", page)) >= 8  # the data of the two documents


@pytest.mark.slow
def test_big_map_draws_kinds_as_bulk_layers():
    m = big_map()
    page = m.to_html()
    assert "geokit.bulk = (function" in page  # the drawing code, inline
    n_groups = len(re.findall(r"= L\.featureGroup\(", page))
    bulk = len(re.findall(r"= geokit\.bulk\.layer\(", page))
    plain = len(re.findall(r"= geokit\.layer\(", page))
    base = page.count('"pane":"geokitbase"')  # the basemap: land, then its lines and water
    assert base == 1 + len(basemap_layers())
    # regions, lines and points of 11 documents, and the check; one layer-control entry per
    # document holding its three kinds, one for the check, the basemap and its place names
    assert bulk - base == 3 * 11 + 1 and plain == 0 and n_groups == 11 + 1 + 2
    assert re.search(
        r"geokit\.fit\(\w+, \[\[.*?\]\], true\)", page
    )  # fitted once, before the layers are drawn
    assert page == m.to_html()  # deterministic
    assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page)


@pytest.mark.slow
def test_big_map_keeps_hostile_text_inert():
    page = big_map(hostile=HOSTILE).to_html()
    assert "<script>document.title" not in page and "<img src=x onerror" not in page
    assert "</script><script>document" not in page


# Appended to the page: once drawn, move the pointer over a shape of each bulk layer and click it,
# as a person would (events on the canvas), and copy what opened into the DOM.
POKE = """
<script>
window.addEventListener("load", function () { setTimeout(function () {
  var out = document.createElement("div");
  out.id = "geokit-poked";
  document.body.appendChild(out);
  var map = null, layers = [];
  for (var name in window) {
    if (name.startsWith("map_") && window[name] instanceof L.Map) { map = window[name]; }
    if (name.startsWith("geokit_layer_") && geokit.bulk.Bulk && window[name] instanceof geokit.bulk.Bulk
        && window[name].options.interactive !== false) {  // not the basemap's
      layers.push(window[name]);
    }
  }
  layers.forEach(function (b) {
    // a vertex of the last shape with one (the topmost): on a point, a line end, a region's edge
    for (var f = b._n - 1; f >= 0 && b._fr[f] === b._fr[f + 1]; f--) {}
    var p = map.latLngToContainerPoint(b.latLngOf(f)), box = map.getContainer().getBoundingClientRect();
    var canvas = b._renderer._container;
    var at = {clientX: box.left + p.x, clientY: box.top + p.y, bubbles: true};
    var row = document.createElement("div");
    row.className = "poke";
    row.setAttribute("data-kind", b._g);
    canvas.dispatchEvent(new MouseEvent("mousemove", at));
    var tip = document.querySelector(".leaflet-tooltip");
    row.setAttribute("data-hit", String(b._hit === f));
    canvas.dispatchEvent(new MouseEvent("click", at));
    var pop = document.querySelector(".leaflet-popup-content");
    row.innerHTML = '<div class="tip">' + (tip ? tip.innerHTML : "") + '</div><div class="pop">'
      + (pop ? pop.innerHTML : "") + "</div>";
    out.appendChild(row);
    map.closePopup();
    canvas.dispatchEvent(new MouseEvent("mouseout", at));
  });
}, 500); });
</script>
"""


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium (apt-get install chromium)")
@pytest.mark.parametrize("hostile", ["", HOSTILE])
def test_big_map_tooltips_popups_and_toggles_in_chromium(tmp_path, hostile):
    page = big_map(hostile=hostile, per_document=False).to_html()
    path = tmp_path / "big.html"
    path.write_text(page.replace("</body>", POKE + "</body>"), encoding="utf-8")
    dom = dump_dom(path, size=(1000, 700), budget_ms=4000)
    assert dom.count('class="leaflet-control-layers-selector"') == len(re.findall(r"L\.featureGroup\(", page))
    pokes = re.findall(r'<div class="poke" data-kind="(\w+)" data-hit="(\w+)">(.*?)</div></div>', dom, re.S)
    assert sorted(k for k, _, _ in pokes) == ["line", "line", "point", "polygon"]
    for kind, hit, html in pokes:
        assert hit == "true", kind
        tip, pop = html.split('</div><div class="pop">')
        assert tip and pop, kind  # a tooltip on hover, a popup on click
        if "far apart" in pop:
            continue  # the check's line
        assert "estimate" in pop and "<b>Uncertainty</b>" in pop
        assert re.search(r"\d+\.\d{5}, \d+\.\d{5}", pop)  # where the estimate is, even from its region
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    # the page's title may quote a target's words, as text; no payload ran and set it
    assert title is None or not re.fullmatch(r"\s*PWNED\d\s*", title.group(1))
    assert not re.search(r"<img[^>]*onerror", dom, re.I)
    if hostile:
        assert "&lt;img src=x onerror=" in dom and "{{ 7*7 }}" in dom


# Appended to the page: regions hidden under their estimate's opaque marker are skipped only while
# that marker layer is drawn above them; hiding the estimates draws every region again.
COVER = """
<script>
window.addEventListener("load", function () { setTimeout(function () {
  var map = null, regions = null, points = null, out = [];
  for (var name in window) {
    if (name.startsWith("map_") && window[name] instanceof L.Map) { map = window[name]; }
    var b = window[name];
    if (name.startsWith("geokit_layer_") && geokit.bulk.Bulk && b instanceof geokit.bulk.Bulk
        && b.options.interactive !== false) {  // not the basemap's
      if (b._g === "polygon") { regions = b; }
      if (b._g === "point") { points = b; }
    }
  }
  function hidden() {
    var over = regions._over(), n = 0;
    for (var f = 0; f < regions._n; f++) {
      if (over.at[f] >= 0 && over.hides(over.at[f], regions._box, 4 * f)) { n++; }
    }
    return n;
  }
  map.setZoom(3, {animate: false});
  out.push(!!regions._over());
  out.push(hidden() > 0);  // 4 km regions at world zoom: under their markers
  map.setZoom(12, {animate: false});
  out.push(hidden() === 0);
  map.removeLayer(points);
  out.push(regions._over() === null);
  document.body.setAttribute("data-cover", out.join(","));
}, 300); });
</script>
"""


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium (apt-get install chromium)")
def test_regions_under_opaque_markers_are_skipped_only_while_markers_show(tmp_path):
    page = big_map(per_document=False).to_html()
    path = tmp_path / "cover.html"
    path.write_text(page.replace("</body>", COVER + "</body>"), encoding="utf-8")
    dom = dump_dom(path, size=(1000, 700), budget_ms=3000)
    assert 'data-cover="true,true,true,true"' in dom


def dense_map(n: int = 1100) -> Map:
    """Return a big map of ``n`` estimates packed so close that their markers hide most regions and lines."""
    rng = np.random.default_rng(2)
    m = Map(basemap=False)
    doc = Document("doc", "Camps are 5 km from Sirte.", source="wire/0.txt")
    claims, ests = [], {}
    for k in range(n):
        lat, lon = 31.0 + rng.uniform(0, 0.2), 16.5 + rng.uniform(0, 0.2)
        anchor = Place(
            f"a:{k}", "Sirte", "city", lat + rng.uniform(-0.03, 0.03), lon + rng.uniform(-0.03, 0.03)
        )
        claims.append(
            Claim(f"c{k}", doc.id, "Camps are 5 km from Sirte.", 0, 26, "offset", "camp", "Sirte",
                  anchor=anchor, distance=Distance(5, "km", 5000, "5 km"), text="5 km from Sirte")
        )  # fmt: skip
        region = Polygon(ring(lat, lon, rng.uniform(2000, 4000)))
        ests[f"c{k}"] = Estimate(f"c{k}", lat, lon, 3000.0, region, "exact", {"distance_precision": 500.0})
    m.add_document(doc, [], claims, ests)
    return m


# Appended to the page: at a zoom where markers cover most regions, lines and other markers, the
# canvas drawn with the culling of hidden shapes is pixel for pixel the canvas drawn without it;
# culled shapes still answer the pointer (hit tests keep every shape).
CULL = """
<script>
window.addEventListener("load", function () { setTimeout(function () { try {
  var map = null, byKind = {}, out = [];
  for (var name in window) {
    if (name.startsWith("map_") && window[name] instanceof L.Map) { map = window[name]; }
    var b = window[name];
    if (name.startsWith("geokit_layer_") && geokit.bulk.Bulk && b instanceof geokit.bulk.Bulk) {
      byKind[b._g] = b;
    }
  }
  map.setView([31.1, 16.6], 8, {animate: false});
  var regions = byKind.polygon, lines = byKind.line, ren = regions._renderer;
  function culled(b) {
    var hid = b._covers(), n = 0, first = -1;
    for (var f = 0; f < b._n; f++) {
      if (geokit.bulk.covered(hid, b._box, 4 * f)) { n++; if (first < 0) { first = f; } }
    }
    return [n, first];
  }
  var cr = culled(regions), cl = culled(lines), buried = 0, under = byKind.point._buried(ren._bounds);
  for (var f = 0; f < under.length; f++) { buried += under[f]; }
  var ctx = ren._ctx, calls = 0;  // the canvas calls that draw: fewer when culling
  ["fill", "stroke", "drawImage"].forEach(function (k) {
    var f = ctx[k];
    ctx[k] = function () { calls++; return f.apply(ctx, arguments); };
  });
  geokit.bulk.cull = true; ren._redraw();
  var on = ren._container.toDataURL(), callsOn = calls;
  geokit.bulk.cull = false; calls = 0; ren._redraw();
  var off = ren._container.toDataURL(), callsOff = calls;
  geokit.bulk.cull = true;
  out.push(cr[0] > 50, cl[0] > 50, buried > 50, on === off, callsOn < callsOff);
  document.body.setAttribute("data-culled", [cr[0], cl[0], buried].join(" ") + " of " + regions._n);
  // a culled region is still found under the pointer
  var v = regions._rs[regions._fr[cr[1]]], p = L.point(regions._xy[2 * v], regions._xy[2 * v + 1]);
  out.push(regions._containsPoint(p) && regions._hit >= 0);
  document.body.setAttribute("data-cull", out.join(","));
  } catch (e) { document.body.setAttribute("data-cull-error", String(e) + " " + e.stack); }
}, 300); });
</script>
"""


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium (apt-get install chromium)")
def test_shapes_hidden_under_markers_are_culled_without_changing_a_pixel(tmp_path):
    page = dense_map().to_html()
    assert "geokit.bulk.layer(" in page
    path = tmp_path / "cull.html"
    path.write_text(page.replace("</body>", CULL + "</body>"), encoding="utf-8")
    dom = dump_dom(path, size=(1000, 700), budget_ms=4000)
    assert 'data-cull="true,true,true,true,true,true"' in dom, re.findall(r'data-cull[\w-]*="[^"]*"', dom)
