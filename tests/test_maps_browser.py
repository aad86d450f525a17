"""Maps rendered in headless Chromium (skipped, with the reason, where it is not installed)."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from test_maps_sample import HOSTILE, build

from geokit.maps.browser import dump_dom, screenshot

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None, reason="needs headless Chromium (/usr/bin/chromium: apt-get install chromium)"
    ),
]

ARTIFACTS = Path(__file__).parent / "artifacts"

# Appended to the page under test: put every popup's and tooltip's HTML into the DOM, the way
# Leaflet does when one opens (innerHTML), so that --dump-dom shows what a click would show.
OPEN_ALL = """
<script>
window.addEventListener("load", function () { setTimeout(function () {
  var box = document.createElement("div");
  box.id = "geokit-opened";
  document.body.appendChild(box);
  for (var name in window) {
    if (!name.startsWith("geokit_info_")) continue;
    var info = window[name];
    for (var k = 0; k < info.r.length; k++) {
      [geokit.popup(info, k), geokit.tooltip(info, k)].forEach(function (html) {
        var d = document.createElement("div");
        d.className = "opened";
        d.innerHTML = html;
        box.appendChild(d);
      });
    }
  }
}, 300); });
</script>
"""


def render(tmp_path: Path, page: str, name: str) -> str:
    path = tmp_path / f"{name}.html"
    path.write_text(page.replace("</body>", OPEN_ALL + "</body>"), encoding="utf-8")
    return dump_dom(path, size=(1000, 700), budget_ms=3000)


def test_layers_shapes_and_legend_in_dom(tmp_path):
    m = build()
    page = m.to_html()
    dom = render(tmp_path, page, "map")
    n_groups = len(re.findall(r"L\.featureGroup\(", page))
    assert n_groups >= 4  # basemap, one per document, the check
    assert dom.count('class="leaflet-control-layers-selector"') == n_groups
    # regions, points, lines, place, check
    assert dom.count('class="leaflet-interactive"') >= 2 + 2 + 2 + 1 + 1
    assert 'class="geokit-legend"' in dom and "check: disagree" in dom
    assert "leaflet-control-measure" in dom and "leaflet-control-zoom-fullscreen" in dom
    assert "<mark>Sirte</mark>" in dom  # a popup quotes the sentence with the phrase marked
    # the uncertainty in a sentence, in plain words and units
    assert "Probably within 12.0 km of this point, mostly from the width of the stated direction." in dom
    assert "<th>rounding of the stated distance</th><td>0.50 km</td>" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    png = m.to_png(ARTIFACTS / "map.png")
    assert png.stat().st_size > 10_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("compress", [False, True])
def test_hostile_text_stays_text(tmp_path, compress):
    page = build(HOSTILE, compress=compress).to_html()
    dom = render(tmp_path, page, "hostile")
    assert 'id="geokit-opened"' in dom  # the popups were opened
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    # the page's title may quote a target's words, as text; no payload ran and set it
    assert title is None or not re.fullmatch(r"\s*PWNED\d\s*", title.group(1))
    assert not re.search(r"<img[^>]*onerror", dom, re.I)
    assert not re.search(r'<img[^>]*src="x"', dom, re.I)
    assert not re.search(r'<a[^>]*href="javascript:', dom, re.I)
    assert "<script>document.title" not in dom
    # the payload is shown as text in the layer control, legend and popups
    assert "&lt;img src=x onerror=" in dom
    assert "{{ 7*7 }}" in dom  # shown literally, never evaluated by a template engine
    assert dom.count("PWNED1") >= 3
    assert "<b>Uncertainty</b>" in dom  # the estimate popups were built (and unpacked)


def test_screenshot_helper(tmp_path):
    path = tmp_path / "p.html"
    build().save(path)
    png = screenshot(path, tmp_path / "out" / "p.png", size=(600, 400))
    assert png.exists() and not list(png.parent.glob(".*"))


# Finds the page's map and its layer control's overlays, as ``map`` and ``ov`` (folium names them
# at random); each probe below opens with it.
FIND_MAP = """  var map = null, ov = null, out = {};
  for (var k in window) {
    try {
      if (window[k] instanceof L.Map) map = window[k];
      if (k.indexOf("layer_control_") === 0 && window[k].overlays) ov = window[k].overlays;
    } catch (e) {}
  }
"""

# Switches one document's layer off, then lists what is still drawn near each estimate.
TOGGLE = """
<script>
window.addEventListener("load", function () { setTimeout(function () {
  /*FIND_MAP*/
  map.removeLayer(ov["Wire"]);
  function near(ll, lat, lon) { return Math.abs(ll.lat - lat) < 0.02 && Math.abs(ll.lng - lon) < 0.02; }
  var shown = {d1: 0, wire: 0};
  map.eachLayer(function (l) {
    var ll = l.getLatLng ? l.getLatLng() : (l instanceof L.Polygon ? l.getBounds().getCenter() : null);
    if (!ll) return;
    if (near(ll, 30.92, 16.26)) shown.d1++;
    if (near(ll, 31.5, 16.92)) shown.wire++;
  });
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(shown);
  document.body.appendChild(pre);
}, 300); });
</script>
""".replace("  /*FIND_MAP*/\n", FIND_MAP)


def test_a_document_switched_off_draws_nothing_of_it(tmp_path):
    m = build()
    every = {k: v for src in m._sources for k, v in src.estimates.items()}
    for src in m._sources:  # as the pipeline does: every estimate handed to every document
        src.estimates = dict(every)
    path = tmp_path / "toggle.html"
    path.write_text(m.to_html().replace("</body>", TOGGLE + "</body>"), encoding="utf-8")
    dom = dump_dom(path, size=(1000, 700), budget_ms=3000)
    shown = json.loads(html.unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1)))
    assert shown["wire"] == 0, "something of 'Wire' is drawn with its layer off"
    assert shown["d1"] >= 2  # d1's estimate, region and label are still there


def test_panel_and_opening_view_in_chromium(tmp_path):
    path = tmp_path / "panel.html"
    path.write_text(build().to_html(), encoding="utf-8")
    dom = dump_dom(path, size=(800, 600), budget_ms=3000)
    panel = re.search(r'<div class="geokit-checks".*?</div></div></div>', dom, re.S)
    assert panel and "training camps" in panel.group(0) and "disagree" in panel.group(0)
    assert "Wire: " in panel.group(0)  # who says what, by the document's name
    expanded = r'class="[^"]*leaflet-control-layers-expanded'
    assert re.search(expanded, dom)  # a large enough screen: the layer list is open
    small = dump_dom(path, size=(480, 640), budget_ms=3000)
    assert not re.search(expanded, small)  # a phone: folded


# Put first in the page: every script error is kept, to be read after the page ran.
CATCH = (
    "<head><script>window.__errors = []; window.addEventListener('error', function (e) "
    "{ window.__errors.push(String(e.message)); });</script>"
)

# Appended to the page: use the map's tools as a person would, and write what they showed.
TOOLS = """
<script>
window.addEventListener("load", function () { setTimeout(function () {
  /*FIND_MAP*/
  function labels() {
    var spans = document.querySelectorAll(".geokit-place span"), names = [], rects = [], overlap = 0;
    for (var i = 0; i < spans.length; i++) {
      names.push(spans[i].textContent);
      var r = spans[i].getBoundingClientRect();
      for (var j = 0; j < rects.length; j++) {
        var o = rects[j];
        var apart = r.left >= o.right - 1 || o.left >= r.right - 1
          || r.top >= o.bottom - 1 || o.top >= r.bottom - 1;
        if (!apart) overlap++;
      }
      rects.push(r);
    }
    return {names: names, overlap: overlap};
  }
  function basemapOn() {
    var n = 0;
    map.eachLayer(function (l) { if (l.options && l.options.pane === "geokitbase" && l._g) n++; });
    return n;
  }
  // coordinates under the pointer
  map.fire("mousemove", {latlng: L.latLng(31.20891, 16.58871)});
  out.mouse = document.querySelector(".leaflet-control-mouseposition").textContent;
  // the mini-map draws its own land
  var mini = document.querySelector(".leaflet-control-minimap");
  out.mini = mini ? mini.querySelectorAll("path").length : -1;
  // place names and basemap layers by zoom
  map.setView([27, 17], 3, {animate: false});
  out.world = labels(); out.worldLayers = basemapOn();
  map.setView([31.2, 16.6], 9, {animate: false});
  out.near = labels(); out.nearLayers = basemapOn();
  // the search box: type, read the list, press the first hit
  var input = document.querySelector(".geokit-search input");
  input.value = "SIRT"; input.dispatchEvent(new Event("input"));
  out.hits = Array.prototype.map.call(document.querySelectorAll(".geokit-search li"), function (li) {
    return li.textContent;
  });
  map.setView([0, 0], 2, {animate: false});
  document.querySelector(".geokit-search li").click();
  out.found = [map.getCenter().lat, map.getCenter().lng, map.getZoom()];
  input.value = "<img src=x onerror=alert(1)>"; input.dispatchEvent(new Event("input"));
  out.none = document.querySelector(".geokit-search ul").innerHTML;
  // the download button: what it would save
  var blob = null, saved = null;
  URL.createObjectURL = function (b) { blob = b; return "blob:geokit-test"; };
  HTMLAnchorElement.prototype.click = function () { saved = this.download; };
  var button = document.querySelector(".geokit-download a");
  function press() { button.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true})); }
  press();
  out.saved = saved;
  blob.text().then(function (all) {
    out.all = JSON.parse(all);
    for (var name in ov) { if (name.indexOf("Wire") === 0) map.removeLayer(ov[name]); }
    press();
    return blob.text();
  }).then(function (some) {
    out.some = JSON.parse(some);
    out.errors = window.__errors;
    var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  });
}, 500); });
</script>
""".replace("  /*FIND_MAP*/\n", FIND_MAP)


def probe(tmp_path: Path, page: str, script: str, name: str, size: tuple[int, int] = (1000, 700)) -> dict:
    path = tmp_path / f"{name}.html"
    path.write_text(page.replace("<head>", CATCH, 1).replace("</body>", script + "</body>"), encoding="utf-8")
    dom = dump_dom(path, size=size, budget_ms=5000)
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, "the probe did not finish"
    return json.loads(html.unescape(found.group(1)))


def test_map_tools_work_in_chromium(tmp_path):
    out = probe(tmp_path, build(HOSTILE).to_html(), TOOLS, "tools")
    assert out["errors"] == []
    assert out["mouse"].strip() == "31.20891, 16.58871"
    assert out["mini"] > 50  # the mini-map's land, drawn without tiles
    # place names: countries at a world view, the town by the camps close up, never over one another
    assert "Libya" in out["world"]["names"] and "Sirte" not in out["world"]["names"]
    assert "Sirte" in out["near"]["names"]
    assert out["world"]["overlap"] == 0 and out["near"]["overlap"] == 0
    assert out["nearLayers"] > out["worldLayers"] > 0  # admin-1 lines and small rivers close up only
    # search: accents and case aside, the place and the basemap's name; a hit zooms there
    assert any(h.startswith("Sirte \u2014 city") for h in out["hits"])
    assert any(h.endswith("place name") for h in out["hits"])
    lat, lon, zoom = out["found"]
    assert abs(lat - 31.2089) < 0.01 and abs(lon - 16.5887) < 0.01 and zoom >= 9
    assert "<img" not in out["none"] and "no match" in out["none"]
    # download: the data layers switched on, as GeoJSON, never the basemap
    assert out["saved"] == "geokit-layers.geojson"
    every, some = out["all"], out["some"]
    assert every["type"] == "FeatureCollection"
    kinds = {f["geometry"]["type"] for f in every["features"]}
    assert {"Point", "LineString", "Polygon"} <= kinds
    layers = {f["properties"]["layer"] for f in every["features"]}
    assert any(name.startswith("Wire <img src=x") for name in layers)  # plain text, as written
    assert not any(name.startswith("Basemap") for name in layers)
    assert any("training camps" in f["properties"].get("name", "") for f in every["features"])
    assert 0 < len(some["features"]) < len(every["features"])
    assert not any(f["properties"]["layer"].startswith("Wire") for f in some["features"])
    sirte = [f for f in every["features"] if f["properties"].get("name", "").startswith("Sirte")]
    assert sirte and sirte[0]["geometry"]["coordinates"] == [16.5887, 31.2089]  # GeoJSON: lon, lat


# Appended to the page: where the panels are, and where the estimates of the opening view are drawn.
PHONE = """
<script>
window.addEventListener("load", function () { setTimeout(function () {
  /*FIND_MAP*/
  function rect(sel) {
    var el = document.querySelector(sel);
    if (!el || !el.offsetHeight) { return null; }
    var r = el.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  }
  out.boxes = {legend: rect(".geokit-legend"), checks: rect(".geokit-checks"),
               layers: rect(".leaflet-control-layers"), search: rect(".geokit-search")};
  out.estimates = [];
  map.eachLayer(function (l) {  // the estimates' markers: their popup row is an estimate's
    var info = l._gkInfo;
    if (!info) { return; }
    l.eachLayer(function (s) {
      if (s._gk >= 0 && s.getLatLng && info.r[s._gk] && info.r[s._gk][0] === 1) {
        var p = map.latLngToContainerPoint(s.getLatLng()), c = map.getContainer().getBoundingClientRect();
        out.estimates.push([p.x + c.left, p.y + c.top]);
      }
    });
  });
  out.size = [window.innerWidth, window.innerHeight];
  out.errors = window.__errors;
  parent.postMessage(JSON.stringify(out), "*");  // to the page that frames the map
}, 500); });
</script>
""".replace("  /*FIND_MAP*/\n", FIND_MAP)

# The map in a frame of a phone's size (headless Chromium's window is at least 500 pixels wide);
# the frame's probe sends what it found, written here for --dump-dom.
FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" width="{w}" height="{h}" style="border:0"></iframe>
<script>window.addEventListener("message", function (e) {{
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = e.data;
  document.body.appendChild(pre);
}});</script></body></html>"""


@pytest.mark.parametrize("size", [(390, 844), (844, 390), (1000, 700)])
def test_panels_leave_the_answer_visible(tmp_path, size):
    page = build().to_html().replace("<head>", CATCH, 1).replace("</body>", PHONE + "</body>")
    (tmp_path / "map.html").write_text(page, encoding="utf-8")
    frame = tmp_path / "frame.html"
    frame.write_text(FRAME.format(src="map.html", w=size[0], h=size[1]), encoding="utf-8")
    dom = dump_dom(frame, size=(max(size[0], 500) + 20, size[1] + 20), budget_ms=5000)
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, "the probe did not finish"
    out = json.loads(html.unescape(found.group(1)))
    assert out["size"] == list(size)
    assert out["errors"] == []
    boxes = {k: v for k, v in out["boxes"].items() if v}
    assert {"legend", "checks", "layers"} <= set(boxes)

    def meet(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    names = sorted(boxes)
    clashes = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if meet(boxes[a], boxes[b])]
    assert clashes == [], f"panels over one another at {size}: {clashes} {boxes}"
    width, height = out["size"]
    for x, y in out["estimates"]:  # the opening answer: on screen, under no panel
        assert 0 < x < width and 0 < y < height, (x, y, size)
        under = [
            k for k, (x0, y0, x1, y1) in boxes.items() if x0 - 6 <= x <= x1 + 6 and y0 - 6 <= y <= y1 + 6
        ]
        assert under == [], f"an estimate at {x:.0f}, {y:.0f} lies under {under} at {size}"
    assert len(out["estimates"]) == 2
