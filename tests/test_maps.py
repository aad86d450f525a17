from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from test_maps_sample import HOSTILE, build, disk

from geokit.errors import DataError, GeokitError, InputError
from geokit.maps import BrowserNotFoundError, Map
from geokit.maps import basemap as basemap_mod
from geokit.maps import builder as builder_mod
from geokit.maps.assets import inline_assets, manifest, read_asset, read_code
from geokit.maps.encode import encode_polyline, pack_polygons, script_json
from geokit.maps.popups import highlight, sentence_around
from geokit.model import Check, Document, Estimate


def decode_polyline(s: str, precision: int = 5) -> list[tuple[float, float]]:
    out, i, lat, lon = [], 0, 0, 0
    while i < len(s):
        vals = []
        for _ in range(2):
            r = sh = 0
            while True:
                b = ord(s[i]) - 63
                i += 1
                r |= (b & 31) << sh
                sh += 5
                if b < 32:
                    break
            vals.append(~(r >> 1) if r & 1 else r >> 1)
        lat += vals[0]
        lon += vals[1]
        out.append((lat / 10**precision, lon / 10**precision))
    return out


@pytest.fixture(scope="module")
def page() -> str:
    return build().to_html()


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return build(HOSTILE).to_html()


# ---------------------------------------------------------------- encoding
@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(-90, 90, allow_nan=False), st.floats(-540, 540, allow_nan=False)),
        max_size=50,
    )
)
def test_polyline_round_trip(points):
    decoded = decode_polyline(encode_polyline(points))
    assert len(decoded) == len(points)
    if points:
        np.testing.assert_allclose(decoded, np.round(np.asarray(points), 5), atol=1.1e-5)


def test_polyline_characters_are_plain_ascii():
    s = encode_polyline(np.random.default_rng(1).uniform(-80, 80, (500, 2)))
    assert set(s) <= {chr(c) for c in range(63, 127)}


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    )
)
def test_script_json_is_safe_and_round_trips(obj):
    text = script_json(obj)
    assert json.loads(text) == obj
    for bad in ("<", ">", "&", "{{", "{%", "{#", "\u2028"):
        assert bad not in text


def test_pack_polygons_structure_and_simplification():
    g = disk(30, 16, 10_000, n=256)
    full = pack_polygons([g])
    simple = pack_polygons([g], tolerance=0.002)
    assert full["s"] == [1, 1, 256]
    assert simple["s"][:2] == [1, 1] and simple["s"][2] < 100
    assert len(decode_polyline(full["c"])) == 256


# ---------------------------------------------------------------- popups
def test_sentence_around_and_highlight_escape():
    text = "First one. The <b>camp</b> is near Sirte! Last."
    s, a, b = sentence_around(text, text.index("Sirte"), text.index("Sirte") + 5)
    assert s == "The <b>camp</b> is near Sirte!"
    assert highlight(s, a, b) == "The &lt;b&gt;camp&lt;/b&gt; is near <mark>Sirte</mark>!"


def test_sentence_around_cuts_long_text():
    text = "x" * 5000 + " Sirte " + "y" * 5000
    s, a, b = sentence_around(text, 5001, 5006, limit=50)
    assert s[a:b] == "Sirte" and len(s) < 120 and s.startswith("…") and s.endswith("…")


# ---------------------------------------------------------------- the page
@pytest.mark.slow
def test_deterministic_output():
    a, b = build().to_html(), build().to_html()
    assert a == b
    assert not re.search(r"[0-9a-f]{32}", a), "a folium uuid leaked into the page"
    assert not re.search(r"20\d\d-\d\d-\d\d", a), "no timestamps"


@pytest.mark.slow
def test_offline_page_makes_no_request(page):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "{z}" not in page
    assert "<script src" not in page and "<link" not in page
    for lib in ("jquery", "bootstrap", "awesome-markers", "fontawesome"):
        assert lib not in page.lower()
    assert "L.circle(" not in page  # regions are geodesic polygons, never folium.Circle
    assert read_asset("leaflet.js")[:2000] in page
    assert manifest()["packages"]["leaflet"]["version"] == "1.9.4"


def overlays(page: str) -> dict[str, str]:
    """Return the layer control's entries: name -> feature group variable."""
    block = page[page.index("overlays :") : page.index("L.control.layers(")]
    return dict(re.findall(r'"([^"]*)" : (feature_group_\w+)', block))


def points_of(page: str, group: str) -> list[tuple[float, float]]:
    """Return every estimate or place point drawn into ``group`` (decoded), and its labels' points."""
    out = []
    for code in re.findall(
        r'geokit\.layer\(\{"g":"point","c":"((?:[^"\\]|\\.)*)".*?\}, \w+,\s*(\w+)\)', page, re.S
    ):
        text, g = code
        if g == group:
            out += decode_polyline(json.loads(f'"{text}"'))
    for rows, g in re.findall(r"geokit\.labels\((\[.*?\]\]), (\w+)\)", page):
        if g == group:
            out += [(r[0], r[1]) for r in json.loads(rows)]
    return out


def test_layers_legend_and_controls(page):
    names = overlays(page)
    # one entry per document, named by its title (else its file name), never by an internal id
    assert {"d1.txt", "Wire", "checks: training camps"} <= set(names)
    assert not any(n.startswith(("d1:", "d2:", "d2 (")) for n in names)
    assert "<title>" in page and "training camps" in page[: page.index("</title>")]
    assert ("L.Control.Measure" in page and "L.Control.FullScreen" in page) or "fullscreen" in page.lower()
    assert "L.control.layers" in page
    assert "geokit-legend" in page and "check: disagree" in page and "place: city" in page
    assert ".fitBounds([[" in page
    assert "<mark>Sirte</mark>" in page.replace("\\u003c", "<").replace("\\u003e", ">")


@pytest.mark.slow
def test_each_document_layer_holds_only_its_own_estimates():
    # as the pipeline does: every estimate handed to every document; each is drawn with its own
    m = build()
    every = {k: v for src in m._sources for k, v in src.estimates.items()}
    for src in m._sources:
        src.estimates = dict(every)
    page = m.to_html()
    names = overlays(page)
    d1, wire = points_of(page, names["d1.txt"]), points_of(page, names["Wire"])
    near = lambda pts, lat, lon: any(abs(a - lat) < 0.01 and abs(b - lon) < 0.01 for a, b in pts)  # noqa: E731
    assert near(d1, 30.92, 16.26) and not near(d1, 31.5, 16.92), "Wire's estimate drawn in d1's layer"
    assert near(wire, 31.5, 16.92) and not near(wire, 30.92, 16.26)
    assert page.count("geokit.labels(") == 2


def test_opening_view_fits_the_checked_target_and_panel_lists_it(page):
    fit = re.search(r"geokit\.fit\(\w+, (\[\[.*?\]\])", page)
    assert fit
    (s, w), (n, e) = json.loads(fit.group(1))
    assert s <= 30.92 <= n and w <= 16.26 <= e and s <= 31.5 <= n and w <= 16.92 <= e
    assert n - s < 2 and e - w < 2  # the camps, not Sirte's whole country
    assert 'class="geokit-checks"' in page and "geokit-v-disagree" in page
    assert "d1.txt: 45 km SW of Sirte" in page or "d1.txt:" in page


def test_opening_view_without_targets_fits_everything():
    m = Map()
    sirte = builder_mod.Mention  # noqa: F841 - the builder module re-exports the model names it uses
    m.add_document(Document("x", "No claims."), [], [], {"e": Estimate("e", 10, 20, 1000, None, "m")})
    p = m.to_html()
    fit = re.search(r"geokit\.fit\(\w+, (\[\[.*?\]\])", p)
    assert fit and json.loads(fit.group(1))[0][0] == pytest.approx(9.95)
    assert "geokit-checks" not in p.split("</style>")[-1]  # no panel without checks


@pytest.mark.slow
def test_agreement_at_zero_km_is_a_marker():
    m = Map()
    e = [Estimate("a", 10, 10, 1000, None, "m"), Estimate("b", 10, 10, 1000, None, "m")]
    chk = Check("a", "b", "agree", 0.0, 1.0, [])
    m.add_targets([SimpleNamespace(label="t", claims=["a", "b"], checks=[chk], estimates=e, verdict="agree")])
    p = m.to_html()
    assert '"checks: t"' in p
    assert re.search(r'geokit\.layer\(\{"g":"point".{0,200}"radius":9', p, re.S)
    assert not re.search(r'geokit\.layer\(\{"g":"line"', p)


@pytest.mark.slow
def test_hostile_text_is_escaped(hostile_page):
    p = hostile_page
    for raw in (
        "<img src=x",
        "<script>document.title",
        "</script><script>document.title",
        'href="javascript:',
        "{{ 7*7 }}",
        "{% if",
    ):
        assert raw not in p
    # the payload is there, as text: escaped in HTML, \u003c-escaped inside scripts
    assert "&lt;img src=x onerror=&quot;document.title=&#x27;PWNED1&#x27;&quot;&gt;" in p
    assert "&lt;script&gt;document.title=" in p
    assert "&#123;&#123; 7*7 &#125;&#125;" in p
    # every <script> block is one of ours or a vendored file: none starts with the payload
    assert p.count("<script>") == p.count("</script>")


@pytest.mark.slow
def test_save_is_atomic(tmp_path):
    m = build()
    out = m.save(tmp_path / "sub" / "map.html")
    assert out.read_bytes().decode("utf-8") == m.to_html()
    assert [f.name for f in out.parent.iterdir()] == ["map.html"]


def test_save_leaves_nothing_on_failure(tmp_path, monkeypatch):
    m = build()
    monkeypatch.setattr(Map, "to_html", lambda self: (_ for _ in ()).throw(DataError("boom")))
    with pytest.raises(DataError):
        m.save(tmp_path / "map.html")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_repr_html_is_an_offline_iframe():
    r = build()._repr_html_()
    assert r.count("<iframe") == 1 and 'srcdoc="' in r
    assert "http://" not in r.split("srcdoc")[0] and "<script" not in r  # the page is escaped in srcdoc


def test_online_tiles():
    p = build(offline=False).to_html()
    assert "tile.openstreetmap.org" in p and "<script src=" in p
    p = build(tiles="OpenTopoMap").to_html()
    assert "tile.opentopomap.org" in p and "<script src=" not in p  # scripts still inlined


def test_bad_inputs():
    with pytest.raises(InputError):
        Map(tiles=42)  # type: ignore[arg-type]
    m = Map()
    with pytest.raises(InputError):
        m.add_document("not a document", [], [], {})  # type: ignore[arg-type]
    with pytest.raises(InputError):
        m.add_targets([object()])


def test_unknown_cdn_asset_is_an_error():
    with pytest.raises(DataError):
        inline_assets('<script src="https://cdn.example.org/lib/unknown.js"></script>')


@pytest.mark.slow
def test_empty_map_and_missing_estimates():
    m = Map()
    m.add_document(Document("d", "No places at all."), [], [], {})
    chk = Check("a", "b", "agree", 10.0, 1.0, [])
    m.add_targets([SimpleNamespace(label="t", claims=["a", "b"], checks=[chk])])
    p = m.to_html()
    assert "checks: t" not in p and not re.search(r"map_\w+\.fitBounds", p)


@pytest.mark.slow
def test_target_estimates_and_unknown_verdict():
    m = Map()
    e = [Estimate("a", 10, 10, 1000, None, "m"), Estimate("b", 10.1, 10.1, 1000, None, "m")]
    chk = Check("a", "b", "odd", None, None, [])
    m.add_targets([SimpleNamespace(label="t", claims=["a", "b"], checks=[chk], estimates=e)])
    p = m.to_html()
    assert '"checks: t"' in p and "check: odd" in p


def test_without_basemap_layer(monkeypatch):
    monkeypatch.setattr(builder_mod, "land_layer", lambda coarse=False: (0, {}))
    p = build().to_html()
    assert "Basemap" not in p and "Natural Earth" not in p and "GeoNames" not in p
    assert not re.search(r"geokit\.minimap\(map_", p)  # no land: no mini-map either


@pytest.mark.slow
def test_basemap_present():
    assert len(basemap_mod.land_geometries()) > 200
    p = build().to_html()
    assert "Basemap (Natural Earth)" in p and "Basemap: place names (GeoNames)" in p
    assert "Leaflet | Natural Earth | GeoNames" in p
    assert len(p) < 5_000_000


def test_basemap_layers_each_kind_from_its_zoom():
    layers = basemap_mod.basemap_layers()
    kinds = {k for k, _, _, _ in layers}
    assert kinds == {"lake", "river", "admin1", "border"}
    for kind, zoom, n, packed in layers:
        assert n > 0 and packed["c"]
        assert zoom == min(z for top, z in basemap_mod.MIN_ZOOM[kind] if top >= 0 and z >= zoom)
        if kind != "lake":
            assert len(packed["s"]) == n  # one vertex count per line
    assert {z for k, z, _, _ in layers if k == "admin1"} == {5}  # no admin-1 lines at a world view
    assert sorted({z for k, z, _, _ in layers if k == "river"}) == [3, 5, 7]
    p = build().to_html()
    # each layer after the land is drawn on the basemap's canvas, shown from its zoom on
    assert p.count('"pane":"geokitbase"') == 1 + len(layers)
    assert p.count("geokit.gate(") == sum(1 for _, z, _, _ in layers if z > 0)


def test_basemap_artefact_has_shared_edges_once():
    from geokit.places.layers import load_layer

    records, geoms = load_layer("basemap")
    kinds = {r["kind"] for r in records}
    assert kinds == {"lake", "river", "admin1", "border"}
    borders = [g for r, g in zip(records, geoms, strict=True) if r["kind"] == "border"]
    # the Libya-Egypt border (25° E) is one line, not once per country
    near = [g for g in borders if g.intersects(shapely.geometry.Point(25.0, 27.0).buffer(0.5))]
    assert len(near) == 1


def test_place_labels_world_and_near_the_content():
    world = basemap_mod.place_labels(None)
    near = basemap_mod.place_labels([30.9, 16.2, 31.5, 16.9])
    names = {r[2] for r in near}
    assert {"Libya", "Sirte", "Misratah", "Tripoli"} <= names
    city = basemap_mod.LABEL_CLASSES["city"]
    towns = {tuple(r) for r in near if r[4] == city and r[3] >= 8}  # under 100,000 people
    assert towns and not towns & {tuple(r) for r in world}  # towns only near the content
    assert {"Libya", "Tripoli", "Cairo"} <= {r[2] for r in world}
    tripoli = next(r for r in near if r[2] == "Tripoli" and abs(r[1] - 13.2) < 0.5)  # Libya's
    sirte = next(r for r in near if r[2] == "Sirte")
    assert tripoli[4] == basemap_mod.LABEL_CLASSES["capital"] and sirte[4] == city
    assert tripoli[3] <= basemap_mod.LABEL_ZOOMS["capital"] < sirte[3]
    assert [r[3] for r in near] == sorted(r[3] for r in near)  # the page stops at the first too far in
    assert near == basemap_mod.place_labels([30.9, 16.2, 31.5, 16.9])  # deterministic


def test_place_names_are_text_not_html():
    row = [31.2, 16.6, "<img src=x onerror=alert(1)></script>", 7, 3]
    js = basemap_mod.PlaceLabels([row]).json()
    assert "<" not in js and "\\u003c/script" in js
    code = read_code("basemap.js")
    assert "span.textContent = r[2]" in code and "innerHTML" not in code


def test_map_tools_in_the_page():
    m = build()
    p = m.to_html()
    for needle in ("L.Control.MousePosition", "L.Control.MiniMap", "geokit.search(", "geokit.download("):
        assert needle in p
    assert "<script src=" not in p and '<link rel="stylesheet" href="http' not in p
    items = json.loads(re.search(r"geokit\.search\(\w+, (\[.*?\]), geokit_place_labels_\w+\);", p).group(1))
    assert items[0][:2] == ["training camps", "target, disagree"]  # checked targets first
    assert ["Sirte", "city", 31.2089, 16.5887] in items
    assert any(i[0] == "the camps" and i[1].startswith("estimate") for i in items)
    assert p == m.to_html()


def test_search_items_skip_estimates_on_big_maps():
    m = build()
    m._big = True
    items = m._search_items([])
    assert items and not any(i[1].startswith("estimate") for i in items)


def test_to_png_without_browser(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOKIT_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(BrowserNotFoundError) as err:
        build().to_png(tmp_path / "x.png")
    assert isinstance(err.value, GeokitError)
    assert not (tmp_path / "x.png").exists()
    monkeypatch.delenv("GEOKIT_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BrowserNotFoundError, match="apt-get install chromium"):
        build().to_png(tmp_path / "x.png")


def test_vendored_files_match_manifest():
    for name in manifest()["files"]:
        read_asset(name)  # raises DataError on a hash mismatch
    assert Path(builder_mod.__file__).parent.name == "maps"


@pytest.mark.slow
def test_compressed_popup_table_round_trips():
    import base64
    import gzip

    p = build(compress=True).to_html()
    b64 = re.search(r'geokit\.inflate\("([A-Za-z0-9+/=]+)"', p).group(1)
    table = json.loads(gzip.decompress(base64.b64decode(b64)))
    assert table["r"] and any(r[0] == 1 for r in table["r"])
    assert p == build(compress=True).to_html()  # gzip without a timestamp: still deterministic


def test_geodesic_lines_are_densified_and_cross_the_antimeridian():
    short = builder_mod._geodesic_line(31.2, 16.6, 30.9, 16.3)
    assert len(short) == 2
    long = builder_mod._geodesic_line(10.0, 170.0, 12.0, -170.0)
    assert len(long) > 10
    assert np.all(np.abs(np.diff(long[:, 1])) < 1.0)  # no jump of 340 degrees
    assert long[-1, 1] == pytest.approx(190.0)
    arc = builder_mod._geodesic_line(40.0, -74.0, 51.5, 0.0)  # New York - London bulges north
    assert arc[:, 0].max() > 51.5


def test_popup_sentence_is_the_projects_sentence():
    t = "Gen. Smith said the U.S. camp is 45 km southwest of Sirte. It was hit on Nov. 8."
    sent, a, b = sentence_around(t, t.index("Sirte"), t.index("Sirte") + 5)
    assert sent == "Gen. Smith said the U.S. camp is 45 km southwest of Sirte." and sent[a:b] == "Sirte"
    sent, a, b = sentence_around(t, t.index("hit"), t.index("hit") + 3)
    assert sent == "It was hit on Nov. 8." and sent[a:b] == "hit"


def test_place_popup_folds_repeated_sentences():
    from geokit.model import Mention, Place

    text = "Strikes hit Sirte again. Strikes hit Sirte again. Later, Sirte was quiet."
    sirte = Place("geonames:2210554", "Sirte", "city", 31.2089, 16.5887, country="LY")
    at = [i for i in range(len(text)) if text.startswith("Sirte", i)]
    m = Map()
    m.add_document(Document("d", text), [Mention("d", i, i + 5, "Sirte", place=sirte) for i in at], [], {})
    page = m.to_html()
    popup = re.search(r"Sirte\\u003c/b\\u003e \(city.*?Source", page).group(0)
    assert popup.count("Strikes hit") == 1 and "(2 times)" in popup
    assert popup.count("Later,") == 1 and "more sentences" not in popup


def test_estimate_popup_row_in_plain_words():
    from geokit.maps.layers import InfoTable

    info = InfoTable()
    est = Estimate("c", 36.3, 43.1, 9000, None, "part-sector", {"extent": 8000, "part_half_angle": 45.0})
    k = builder_mod._estimate_row(info, est, None, Document("d", ""), "Wire")
    row = info.rows[k]
    S = info.strings
    assert S[row[4]] == "a part of the anchor"  # the method, not "part-sector"
    comps = dict(zip((S[i] for i in row[7][0::2]), row[7][1::2], strict=True))
    assert comps == {
        "size of the anchor place": 8000,
        "half-width of the named part": "45°",
    }  # degrees stay degrees
    assert S[row[10]] == "size of the anchor place"  # the cause the popup's sentence names
    odd = Estimate("c2", 0, 0, 10, None, "some-new-method", {"new_part": 0.0})
    row = info.rows[builder_mod._estimate_row(info, odd, None, Document("d", ""), "Wire")]
    assert S[row[4]] == "some new method" and row[10] == -1  # unknown names: still words


def _claim(relation, **kw):
    from geokit.model import Claim, Place

    sirte = Place("geonames:2210554", "Sirte", "city", 31.2089, 16.5887, country="LY", extent_m=8000)
    tigris = Place("ne-river:tigris", "Tigris", "river", 31.0, 47.4)
    anchor = tigris if relation == "side" else sirte
    return Claim("c", "d", "", 0, 0, relation, "camps", anchor.name, anchor=anchor, **kw)


# internal names a popup must not show: relations, estimate methods, kinds, snake_case keys
INTERNAL = re.compile(
    r"\b(offset|offset-sector|near-disk|extent|part-of|distance-annulus|admin[12]|airbase)\b|\w_\w"
)


def test_claim_table_in_plain_words():
    from geokit.claims.wording import claim_says, flag_words, kind_word
    from geokit.kinds import RELATIONS
    from geokit.maps import words as W
    from geokit.model import Claim, Direction, Distance, Place

    mi28 = Distance(28, "mi", 45061.6)
    sw = Direction("southwest", 225.0, 22.5)
    says = {
        "offset": claim_says(_claim("offset", distance=mi28, direction=sw, hedge="nearly")),
        "inverse": claim_says(_claim("offset", distance=mi28, direction=sw, inverse=True)),
        "distance": claim_says(_claim("distance", distance=Distance(45, "km", 45000.0))),
        "part": claim_says(_claim("part", direction=Direction("eastern", 90.0, 90.0))),
        "side": claim_says(_claim("side", direction=Direction("east", 90.0, 90.0))),
        "extent": claim_says(_claim("extent")),
        "near": claim_says(_claim("near")),
    }
    assert says == {
        "offset": "nearly 28 mi (45.1 km) SW of Sirte",
        "inverse": "28 mi (45.1 km) NE of Sirte",  # the target's side, turned round
        "distance": "45 km from Sirte",
        "part": "in the eastern part of Sirte",
        "side": "on the east side of Tigris",
        "extent": "within Sirte",
        "near": "near Sirte",
    }
    rows = dict(W.claim_rows(_claim("offset", distance=mi28, direction=sw, inverse=True)))
    assert rows["as written"] == "the other way round: Sirte is SW of the target"
    # every relation geokit reads, with or without its pieces, reads as words
    homs = Place("g:1", "Homs", "city", 34.7, 36.7)
    for rel in sorted(RELATIONS):
        for kw in ({}, {"distance": mi28, "direction": sw}):
            c = Claim("c", "d", "", 0, 0, rel, "t", "Sirte", anchor=homs, anchor2=homs, **kw)
            text = claim_says(c)
            assert "Homs" in text and not INTERNAL.search(text) and "{" not in text, (rel, kw, text)
    assert claim_says(_claim("some_new_relation")) == "placed relative to Sirte"
    assert kind_word("admin1") == "state or province" and flag_words("anchor not found") != "anchor not found"


def test_estimate_popup_says_what_the_claim_says(page):
    # the sample's first source: "Training camps are 45 km southwest of Sirte" (offset, a flag)
    table = json.loads(re.search(r"var geokit_info_\w+ = (\{.*?\});\n", page, re.S).group(1))
    S = table["s"]
    rows = [r for r in table["r"] if r[0] == 1]
    assert rows
    for r in rows:
        kv = [S[i] for i in r[6]]
        assert kv[0] == "says" and not any(INTERNAL.search(x) for x in kv), kv
        assert not INTERNAL.search(S[r[4]])  # the method in words
    said = {S[r[6][1]] for r in rows}
    assert "45 km SW of Sirte" in said
    places = [r for r in table["r"] if r[0] == 0 and "Sirte" in r[1]]
    assert places and all(not INTERNAL.search(r[1]) for r in places)


def test_place_kinds_and_flags_in_plain_words():
    from geokit.model import Claim, Mention, Place

    mo = Place("ne-admin1:US:missouri", "Missouri", "admin1", 38.4, -92.5, country="US")
    text = "Bombers flew from Missouri, 30 km into Syria."
    c = Claim(
        "d:c",
        "d",
        text,
        0,
        len(text),
        "inside",
        "bombers",
        "Syria",
        flags=["no distance or border for inside"],
    )
    e = Estimate("d:c", 36.0, 38.0, 5000, None, "inside-band", {"band_width": 5000})
    m = Map()
    m.add_document(Document("d", text), [Mention("d", 18, 26, "Missouri", place=mo)], [c], {"d:c": e})
    page = m.to_html()
    assert "Missouri (state or province)" in page and "(admin1" not in page
    assert "place: state or province" in page  # the legend
    assert "for inside" not in page and "a country without a distance or a border" in page  # the flag


# ------------------------------------------------------------- page code as files (#21)
MAPS_DIR = Path(builder_mod.__file__).parent


def test_every_page_file_is_shipped_and_loaded(page):
    files = sorted(p.name for p in (MAPS_DIR / "js").iterdir() if p.suffix in (".js", ".css"))
    assert {"helper.js", "bulk.js", "tools.js", "basemap.js"} <= set(files)
    # through importlib.resources (what an installed wheel has), each file is read whole
    for name in files:
        assert read_code(name) == (MAPS_DIR / "js" / name).read_text(encoding="utf-8")
    for name in (f for f in files if f.endswith(".js")):  # every script is in an offline page
        assert read_code(name) in page, name
    for name in (f for f in files if f.endswith(".css")):  # every style sheet is used by a module
        assert any(f'"{name}"' in py.read_text() for py in MAPS_DIR.glob("*.py")), name
    pyproject = (MAPS_DIR.parents[1] / "pyproject.toml").read_text()
    assert '"maps/js/*"' in pyproject  # package data: the files ship in the wheel
    with pytest.raises(DataError):
        read_code("no-such-file.js")
    with pytest.raises(DataError):
        read_code("../builder.py")


def test_no_javascript_or_css_held_in_python():
    # the page code lives in geokit/maps/js/; Python modules only inject values into it
    body = re.compile(r"function\s*\(|=>\s*\{|\.prototype\.|addEventListener|\{\s*(position|font|color):")
    for py in sorted(MAPS_DIR.glob("*.py")):
        hits = [ln for ln in py.read_text().splitlines() if body.search(ln)]
        assert not hits, (py.name, hits)


def test_basemap_reads_the_gazetteer_through_its_public_columns(gaz):
    source = Path(basemap_mod.__file__).read_text()
    assert not re.search(r"gaz\._\w", source)  # no private attribute of the Gazetteer
    lat, lon, kind = gaz.columns("lat", "lon", "kind")
    assert len(lat) == len(lon) == len(kind) == len(gaz)
    with pytest.raises(ValueError):
        lat[0] = 0.0  # read-only
    with pytest.raises(InputError):
        gaz.columns("name_blob")
    from geokit.places.gazetteer import KINDS

    i = int(np.flatnonzero(np.asarray(kind) == KINDS.index("country"))[0])
    assert gaz.name_of(i) == gaz.place(i, geometry=False).name and gaz.place(i).kind == "country"
