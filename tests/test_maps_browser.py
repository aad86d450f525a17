"""Maps rendered in headless Chromium (skipped, with the reason, where it is not installed)."""

from __future__ import annotations

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
    assert n_groups >= 9
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
    assert title is None or "PWNED" not in title.group(1)
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
