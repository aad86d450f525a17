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


# Switches one document's layer off, then lists what is still drawn near each estimate.
TOGGLE = """
<script>
window.addEventListener("load", function () { setTimeout(function () {
  var map = null, ov = null, out = {};
  for (var k in window) {
    try {
      if (window[k] instanceof L.Map) map = window[k];
      if (k.indexOf("layer_control_") === 0 && window[k].overlays) ov = window[k].overlays;
    } catch (e) {}
  }
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
"""


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
