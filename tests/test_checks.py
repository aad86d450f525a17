"""Tests of geokit.checks.compare and geokit.checks.targets on hand-built claims and estimates."""

from __future__ import annotations

import html
import json
import math
import sys

import numpy as np
import pytest
import shapely
import shapely.affinity
from helpers import CRUDE_LIBYA, SIRTE
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod, Transformer
from shapely.geometry import Point, Polygon

from geokit.checks import land
from geokit.checks.compare import compare
from geokit.checks.geometry import region_overlap, separation_m
from geokit.checks.targets import Target, check_claims
from geokit.claims.grammar import compass_word
from geokit.claims.wording import target_bearing
from geokit.model import Claim, Direction, Distance, Estimate, Place

GEOD = Geod(ellps="WGS84")
UNITS = {"km": 1000.0, "mi": 1609.344, "m": 1.0, "nm": 1852.0}
WORDS = {"SW": 225.0, "NE": 45.0, "SE": 135.0, "NW": 315.0}


def make_claim(
    cid: str,
    value: float,
    unit: str,
    words: str = "SW",
    *,
    inverse: bool = False,
    hedge: str | None = None,
    anchor: Place = SIRTE,
    source: str = "",
    target: str = "camps",
) -> Claim:
    metres = value * UNITS[unit]
    precision = 0.5 * UNITS[unit]
    low, high = metres - precision, metres + precision
    if hedge == "nearly":
        low, high = 0.9 * metres, metres
    return Claim(
        id=cid,
        document=cid,
        quote=f"{value:g} {unit} {words} of {anchor.name}",
        start=0,
        end=10,
        relation="offset",
        target=target,
        anchor_text=anchor.name,
        anchor=anchor,
        distance=Distance(value, unit, metres, f"{value:g} {unit}", precision, low, high),
        direction=Direction(words, WORDS[words], 22.5),
        hedge=hedge,
        inverse=inverse,
        source=source or cid,
        context_country="LY",
    )


def make_estimate(claim: Claim) -> Estimate:
    """The exact region: annular sector (low..high, az ± half) grown by the anchor's extent, AEQD-built."""
    a, d, di = claim.anchor, claim.distance, claim.direction
    az = (di.azimuth + (180.0 if claim.inverse else 0.0)) % 360.0
    lon, lat, _ = GEOD.fwd(a.lon, a.lat, az, d.metres)
    aeqd = Transformer.from_crs(
        "EPSG:4326", f"+proj=aeqd +lat_0={a.lat} +lon_0={a.lon} +datum=WGS84 +units=m", always_xy=True
    )
    angles = np.radians(np.linspace(az - di.half_angle, az + di.half_angle, 33))
    outer = [(d.high_m * math.sin(t), d.high_m * math.cos(t)) for t in angles]
    inner = [(d.low_m * math.sin(t), d.low_m * math.cos(t)) for t in angles[::-1]]
    sector = Polygon(outer + inner).buffer(a.extent_m, 32)
    xs, ys = sector.exterior.xy
    lons, lats = aeqd.transform(np.asarray(xs), np.asarray(ys), direction="INVERSE")
    region = Polygon(zip(lons, lats, strict=True))
    alpha = math.radians(di.half_angle)
    big_d = a.extent_m + (d.high_m - d.low_m) / 2.0
    radius = math.hypot(d.metres + big_d - d.metres * math.cos(alpha), d.metres * math.sin(alpha))
    return Estimate(claim.id, float(lat), float(lon), radius, region, "test-exact")


@pytest.fixture
def crude_libya(monkeypatch):
    """A coarse Libya polygon (coast through Sirte) standing in for the countries layer."""
    compare_module = sys.modules["geokit.checks.compare"]  # the module, not the function of that name
    libya = CRUDE_LIBYA
    monkeypatch.setattr(land, "_countries", lambda: {"LY": ("Libya", libya)})
    compare_module._on_the_ground.cache_clear()
    yield libya
    compare_module._on_the_ground.cache_clear()


# ---------------------------------------------------------------- the seed pair


def seed_pair():
    a = make_claim("hill", 45, "km", "SW", source="The Hill")
    b = make_claim("dod", 28, "mi", "SW", inverse=True, hedge="nearly", source="DoD")
    return a, make_estimate(a), b, make_estimate(b)


def test_seed_estimates_where_expected():
    _, ea, _, eb = seed_pair()
    assert (ea.lat, ea.lon) == pytest.approx((30.92, 16.26), abs=0.01)
    assert (eb.lat, eb.lon) == pytest.approx((31.50, 16.92), abs=0.01)
    assert not land.at_sea(ea.lat, ea.lon)
    assert land.at_sea(eb.lat, eb.lon)


def test_seed_pair_disagrees(crude_libya):
    a, ea, b, eb = seed_pair()
    check = compare(a, ea, b, eb)
    assert check.verdict == "disagree"
    assert 80_000 < check.separation_m < 100_000
    assert check.overlap == 0.0
    text = " | ".join(check.reasons)
    assert "directions opposite (SW vs NE)" in text
    assert "distances agree: 45 km vs 28 mi = 45.06 km" in text
    assert "estimate lies at sea (DoD" in text
    assert "estimate outside Libya (DoD)" in text
    assert "estimate outside Libya (The Hill)" not in text
    assert "regions do not meet" in text
    assert "one source states the anchor relative to the target (inverse)" in text
    assert "DoD puts the target NE of Sirte" in text
    assert (check.a, check.b) == ("hill", "dod")


def test_seed_pair_is_symmetric():
    a, ea, b, eb = seed_pair()
    ab, ba = compare(a, ea, b, eb), compare(b, eb, a, ea)
    assert ab.verdict == ba.verdict
    assert ab.separation_m == pytest.approx(ba.separation_m)
    assert ab.overlap == pytest.approx(ba.overlap)
    assert "directions opposite (NE vs SW)" in ba.reasons


# ---------------------------------------------------------------- other pairs


def test_agreeing_pair():
    a = make_claim("a", 45, "km", "SW")
    b = make_claim("b", 28, "mi", "SW")
    check = compare(a, make_estimate(a), b, make_estimate(b))
    assert check.verdict == "agree"
    assert check.overlap > 0.9
    assert check.separation_m < 1000
    assert "distances agree: 45 km vs 28 mi = 45.06 km" in check.reasons
    assert "directions agree (SW)" in check.reasons
    assert not any("inverse" in r for r in check.reasons)


def test_inverse_claim_stated_the_other_way_agrees():
    a = make_claim("a", 45, "km", "SW")
    b = make_claim("b", 28, "mi", "NE", inverse=True)  # "Sirte is 28 mi NE of the camps"
    check = compare(a, make_estimate(a), b, make_estimate(b))
    assert check.verdict == "agree"
    assert any(
        r.startswith("one source states the anchor relative to the target (inverse)") for r in check.reasons
    )


def test_units_confused_pair():
    a = make_claim("a", 45, "mi", "SW")
    b = make_claim("b", 45, "km", "SW")
    check = compare(a, make_estimate(a), b, make_estimate(b))
    assert "distances cannot meet: 45 mi = 72.42 km (71.6-73.2 km) vs 45 km (44.5-45.5 km)" in check.reasons
    assert "units confused: 45 given as miles matches the other's 45 km" in check.reasons
    assert check.overlap == 0.0
    assert check.verdict == "disagree"  # regions apart and distances from one anchor mismatch
    # the same wording whichever claim comes first
    assert "units confused: 45 given as miles matches the other's 45 km" in compare(b, None, a, None).reasons


def test_distance_mismatch_without_units_confusion():
    a = make_claim("a", 28, "mi", "SW")
    b = make_claim("b", 60, "km", "SW")
    check = compare(a, make_estimate(a), b, make_estimate(b))
    assert "distances cannot meet: 28 mi = 45.06 km (44.3-45.9 km) vs 60 km (59.5-60.5 km)" in check.reasons
    assert not any(r.startswith("units confused") for r in check.reasons)
    assert check.verdict == "disagree"  # from one anchor the words are compared, not the grown regions


def test_missing_estimate_is_uncertain():
    a = make_claim("a", 45, "km", "SW")
    b = make_claim("b", 28, "mi", "SW")
    b.flags.append("anchor not found")
    check = compare(a, make_estimate(a), b, None)
    assert check.verdict == "uncertain"
    assert check.separation_m is None and check.overlap is None
    assert "no estimate for b (anchor not found)" in check.reasons
    assert check.to_dict()["separation_m"] is None


def test_ninety_degrees_apart():
    a = make_claim("a", 45, "km", "SW")
    b = make_claim("b", 45, "km", "SE")
    check = compare(a, make_estimate(a), b, make_estimate(b))
    assert "directions differ by 90° (SW vs SE)" in check.reasons
    assert check.separation_m == pytest.approx(63_600, rel=0.02)
    assert check.verdict == "disagree"  # 64 km apart, radii about 21 km each, regions apart


@pytest.mark.parametrize(("km", "low", "high"), [(52, 0.5, 0.7), (60, 0.01, 0.2)])
def test_same_anchor_distances_that_cannot_meet_disagree_though_regions_overlap(km, low, high):
    a = make_claim("a", 45, "km", "SW")
    b = make_claim("b", km, "km", "SW")
    check = compare(a, make_estimate(a), b, make_estimate(b))
    assert low < check.overlap < high  # the anchor's extent grows both regions alike
    assert check.verdict == "disagree"
    assert (
        f"distances cannot meet: 45 km (44.5-45.5 km) vs {km} km ({km - 0.5:g}-{km + 0.5:g} km)"
        in check.reasons
    )
    assert any(r.startswith("regions overlap ") and r.endswith("%") for r in check.reasons)


def test_anchors_cannot_both_hold():
    far = Place("geonames:1", "Elsewhere", "town", 31.20892, 17.05, "LY", extent_m=1000.0)  # ~44 km E
    a = make_claim("a", 10, "km", "SW")
    b = make_claim("b", 10, "km", "SW", anchor=far)
    check = compare(a, make_estimate(a), b, make_estimate(b))
    assert check.verdict == "disagree"
    assert any(
        r.startswith("anchors too far apart: Sirte and Elsewhere are 44 km apart") for r in check.reasons
    )
    assert any(r.startswith("different anchors: Sirte and Elsewhere, 4") for r in check.reasons)
    assert not any(r.startswith("directions") for r in check.reasons)  # bearings from different anchors


def test_region_missing_uses_radius_disk():
    ea = Estimate("a", 31.0, 16.0, 20_000.0, None, "point-radius")
    eb = Estimate("b", 31.0, 16.0 + 0.05, 20_000.0, None, "point-radius")
    assert region_overlap(ea, eb) > 0.8
    assert region_overlap(ea, Estimate("c", 31, 16, 0.0, None, "point")) is None


def test_overlap_of_one_region_twice_is_whole_without_an_overlay():
    from shapely.geometry import Point, Polygon

    ring = Point(16.0, 31.0).buffer(0.5, quad_segs=2000)  # 8,000 vertices, as a coast band has
    ea, eb = (Estimate(k, 31.0, 16.0, 60_000.0, Polygon(ring.exterior), "band") for k in "ab")
    assert ea.region is not eb.region and region_overlap(ea, eb) == 1.0
    flat = Polygon([(16.0, 31.0)] * 4)  # no area: no overlap to speak of
    point_c, point_d = (Estimate(k, 31.0, 16.0, 9e3, flat, "x") for k in "cd")
    assert region_overlap(point_c, point_d) is None
    shifted = Estimate("e", 31.0, 16.05, 60_000.0, shapely.affinity.translate(ring, 0.05), "band")
    assert 0.8 < region_overlap(ea, shifted) < 1.0


def test_overlap_across_antimeridian():
    ea = Estimate("a", 10.0, 179.95, 20_000.0, None, "disk")
    eb = Estimate("b", 10.0, -179.95, 20_000.0, None, "disk")
    assert separation_m(10.0, 179.95, 10.0, -179.95) < 11_000
    assert region_overlap(ea, eb) > 0.6


def test_overlap_is_not_computed_in_degrees():
    # two 10 km disks 10 km apart at 60° N: in degrees the east-west offset looks twice as big
    lon2, lat2, _ = GEOD.fwd(0.0, 60.0, 90.0, 10_000.0)
    ea = Estimate("a", 60.0, 0.0, 10_000.0, None, "disk")
    eb = Estimate("b", float(lat2), float(lon2), 10_000.0, None, "disk")
    # lens of two unit circles at distance 1: (2π/3 - √3/2) / π
    assert region_overlap(ea, eb) == pytest.approx((2 * math.pi / 3 - math.sqrt(3) / 2) / math.pi, abs=0.01)


def test_compass_and_bearing():
    assert [compass_word(x) for x in (0, 22.5, 45, 90, 180, 202.5, 270, 348.75)] == [
        "N",
        "NNE",
        "NE",
        "E",
        "S",
        "SSW",
        "W",
        "N",
    ]
    assert target_bearing(make_claim("a", 1, "km", "SW", inverse=True)) == 45.0
    assert target_bearing(make_claim("a", 1, "km", "NW")) == 315.0


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(
    az_a=st.sampled_from(sorted(WORDS)),
    az_b=st.sampled_from(sorted(WORDS)),
    inv_a=st.booleans(),
    inv_b=st.booleans(),
    km_b=st.floats(5, 120),
)
def test_compare_is_symmetric(az_a, az_b, inv_a, inv_b, km_b):
    a = make_claim("a", 45, "km", az_a, inverse=inv_a)
    b = make_claim("b", round(km_b, 1), "km", az_b, inverse=inv_b)
    ea, eb = make_estimate(a), make_estimate(b)
    ab, ba = compare(a, ea, b, eb), compare(b, eb, a, ea)
    assert ab.verdict == ba.verdict in {"agree", "disagree", "uncertain"}
    assert 0.0 <= ab.overlap <= 1.0
    assert ab.overlap == pytest.approx(ba.overlap, abs=1e-9)
    opposite = any(r.startswith("directions opposite") for r in ab.reasons)
    assert opposite == any(r.startswith("directions opposite") for r in ba.reasons)
    if opposite:
        assert ab.verdict == "disagree"


# ---------------------------------------------------------------- targets


def test_check_claims_groups_and_serialises():
    a, ea, b, eb = seed_pair()
    other = make_claim(
        "other", 5, "km", "NE", anchor=Place("geonames:99072", "Mosul", "city", 36.335, 43.119, "IQ")
    )
    eother = make_estimate(other)
    estimates = {"hill": ea, "dod": eb, "other": eother}
    targets = check_claims([a, b, other], estimates, key=lambda s: s.lower().rstrip("s"))
    assert [t.key for t in targets] == ["camp", "camp"]
    first, second = targets
    assert [c.id for c in first.claims] == ["hill", "dod"]
    assert [c.verdict for c in first.checks] == ["disagree"]
    assert second.checks == []
    d = json.loads(json.dumps(first.to_dict(estimates)))
    assert d["label"] == "camps"
    assert d["claims"][1]["estimate"]["lat"] == pytest.approx(31.50, abs=0.01)
    assert d["claims"][1]["region"]["type"] == "Polygon"
    assert d["claims"][1]["inverse"] is True
    assert set(d["checks"][0]) >= {"a", "b", "verdict", "separation_m", "reasons"}
    assert d["checks"][0]["verdict"] == "disagree"
    # a claim without an estimate in the mapping serialises with estimate null
    assert first.to_dict({})["claims"][0]["estimate"] is None


def test_target_repr_html_escapes():
    c = make_claim("<b>x</b>", 45, "km", target="<script>alert(1)</script>")
    c.quote = "camps & <i>tents</i>"
    t = Target("<script>alert(1)</script>", "k", [c], [])
    out = t._repr_html_()
    assert "<script>" not in out and html.escape("<script>alert(1)</script>") in out
    assert "&lt;i&gt;tents" in out


def test_point_in_region_of_own_estimate():
    _, ea, _, eb = seed_pair()
    assert ea.region.contains(Point(ea.lon, ea.lat))
    assert eb.region.contains(Point(eb.lon, eb.lat))


def test_check_claims_default_key_groups_seed_labels():
    a, ea, b, eb = seed_pair()
    a.target, b.target = "camps", "the training camps"
    targets = check_claims([a, b], {"hill": ea, "dod": eb})
    assert [(t.key, len(t.claims), [k.verdict for k in t.checks]) for t in targets] == [
        ("camp", 2, ["disagree"])
    ]


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(words=st.sampled_from(sorted(WORDS)), km=st.floats(1, 500), inverse=st.booleans())
def test_claim_compared_with_itself_agrees(words, km, inverse):
    a = make_claim("a", round(km, 1), "km", words, inverse=inverse)
    ea = make_estimate(a)
    check = compare(a, ea, a, ea)
    assert check.verdict == "agree"
    assert check.overlap == pytest.approx(1.0)
    assert check.separation_m == pytest.approx(0.0, abs=1e-6)


def test_seed_pair_with_the_estimates_stage():
    from geokit.estimates import estimate_claim

    a, _, b, _ = seed_pair()
    ea, eb = estimate_claim(a), estimate_claim(b)
    check = compare(a, ea, b, eb)
    assert check.verdict == "disagree"
    assert 80_000 < check.separation_m < 100_000
    assert any("opposite" in r for r in check.reasons)
    assert any("sea" in r for r in check.reasons)


def test_neighbouring_cardinal_points_are_adjacent_not_agreeing():
    from geokit.claims.grammar import parse_direction

    a, b, c = (make_claim(x, 20, "km") for x in "abc")
    a.direction, b.direction, c.direction = map(parse_direction, ("south", "west", "south-southwest"))
    check = compare(a, make_estimate(a), b, make_estimate(b))
    assert "directions adjacent (S vs W): both hold only on the line between them" in check.reasons
    assert check.verdict == "uncertain"  # 135-225° and 225-315° only touch
    assert "directions agree (S vs SSW)" in compare(a, make_estimate(a), c, make_estimate(c)).reasons
