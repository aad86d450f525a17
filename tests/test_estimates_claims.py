"""Estimates from hand-built claims: the seeds, the flags, and each relation."""

from __future__ import annotations

import math

import pytest
from helpers import SIRTE
from pyproj import Geod
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from geokit.estimates import estimate_claim, estimate_claims
from geokit.model import Claim, Direction, Distance, Place

GEOD = Geod(ellps="WGS84")


def claim(
    cid="c1",
    relation="offset",
    *,
    anchor=SIRTE,
    dist=None,
    unit="km",
    text=None,
    direction=None,
    hedge=None,
    inverse=False,
    anchor2=None,
    value2=None,
):
    distance = None
    if dist is not None:
        per = {"km": 1000.0, "mi": 1609.344, "m": 1.0, "nm": 1852.0}.get(unit, float("nan"))
        distance = Distance(dist, unit, dist * per, text if text is not None else f"{dist:g}", value2=value2)
    return Claim(
        cid,
        "doc",
        "quote",
        0,
        5,
        relation,
        "camp",
        anchor.name if anchor else "X",
        anchor=anchor,
        distance=distance,
        direction=direction,
        hedge=hedge,
        inverse=inverse,
        anchor2=anchor2,
        anchor2_text=anchor2.name if anchor2 else None,
    )


SW = Direction("southwest", 225.0, 22.5)
NE = Direction("northeast", 45.0, 22.5)


def dist_az(lat, lon):
    az, _, d = GEOD.inv(SIRTE.lon, SIRTE.lat, lon, lat)
    return d, az % 360.0


def test_seed_45_km_southwest_of_sirte():
    c = claim(dist=45, direction=SW)
    est = estimate_claim(c)
    assert est is not None and c.flags == []
    d, az = dist_az(est.lat, est.lon)
    assert d == pytest.approx(45_000, abs=50)
    assert az == pytest.approx(225.0, abs=0.01)
    assert est.region.contains(Point(est.lon, est.lat))
    assert 5_000 < est.radius_m < 40_000
    assert est.components["extent"] == 8000
    assert est.components["distance_precision"] == pytest.approx(2_500)  # "45": rounded to 5 km
    assert est.components["direction"] > 0
    assert c.distance.low_m == pytest.approx(42_500) and c.distance.high_m == pytest.approx(47_500)
    # the region is the grown sector: the farthest corner of the sector plus the extent is covered
    lon, lat, _ = GEOD.fwd(SIRTE.lon, SIRTE.lat, 225 + 22.5, 47_500 + 7_900)
    assert est.region.contains(Point(lon, lat))
    lon, lat, _ = GEOD.fwd(SIRTE.lon, SIRTE.lat, 225 + 40, 45_000)  # 40° off: outside
    assert not est.region.contains(Point(lon, lat))


def test_seed_inverse_nearly_28_miles():
    c = claim(dist=28, unit="mi", direction=SW, hedge="nearly", inverse=True)
    est = estimate_claim(c)
    assert est is not None
    d, az = dist_az(est.lat, est.lon)
    assert 42_500 < d < 45_500
    assert 40 < az < 50  # north-east of Sirte
    assert est.lat == pytest.approx(31.50, abs=0.05) and est.lon == pytest.approx(16.92, abs=0.05)
    # the azimuth from the point back to Sirte is the stated one
    back, _, _ = GEOD.inv(est.lon, est.lat, SIRTE.lon, SIRTE.lat)
    assert back % 360 == pytest.approx(225.0, abs=0.01)
    assert est.components["hedge"] > 0
    assert c.distance.high_m == pytest.approx(28 * 1609.344)  # "nearly 28": at most 28 miles
    assert est.region.contains(Point(est.lon, est.lat))
    # at sea: north of the Libyan coast at Sirte
    assert est.lat > 31.3


def test_inverse_and_forward_statements_overlap():
    fwd = estimate_claim(claim("a", dist=45, direction=NE))
    inv = estimate_claim(claim("b", dist=45, direction=SW, inverse=True))
    assert fwd.region.intersection(inv.region).area > 0.9 * min(fwd.region.area, inv.region.area)


@pytest.mark.parametrize(
    ("kwargs", "flag"),
    [
        ({"anchor": None, "dist": 10, "direction": SW}, "anchor not found"),
        ({"dist": 0, "direction": SW}, "distance is zero"),
        ({"dist": -5, "direction": SW}, "negative distance"),
        ({"dist": 25_000, "direction": SW}, "distance beyond half the Earth's circumference"),
        ({"dist": 10, "unit": "furlongs", "direction": SW}, "unknown unit"),
        ({"relation": "offset"}, "no distance or direction"),
        ({"relation": "zigzag", "dist": 3}, "unknown relation: zigzag"),
    ],
)
def test_claims_that_cannot_be_estimated_get_a_flag(kwargs, flag):
    c = claim(**kwargs)
    assert estimate_claim(c) is None
    assert flag in c.flags


def test_conflicting_directions_flag_is_respected():
    c = claim(dist=10, direction=SW)
    c.flags.append("conflicting directions")
    assert estimate_claim(c) is None
    c2 = claim(dist=10, direction=Direction("?", float("nan"), 22.5))
    assert estimate_claim(c2) is None and "conflicting directions" in c2.flags


def test_distance_only_is_an_annulus_round_the_anchor():
    est = estimate_claim(claim(relation="distance", dist=45))
    assert (est.lat, est.lon) == (SIRTE.lat, SIRTE.lon)
    assert not est.region.contains(Point(SIRTE.lon, SIRTE.lat))  # a hole: 42.5 - 8 km
    assert est.radius_m == pytest.approx(47_500 + 8_000, rel=0.01)
    for az in (0, 90, 200, 300):
        lon, lat, _ = GEOD.fwd(SIRTE.lon, SIRTE.lat, az, 45_000)
        assert est.region.contains(Point(lon, lat))


def test_direction_only_sector():
    est = estimate_claim(claim(relation="direction", direction=Direction("south", 180.0, 45.0)))
    _, az = dist_az(est.lat, est.lon)
    assert az == pytest.approx(180, abs=0.1) and est.method == "direction-sector"
    lon, lat, _ = GEOD.fwd(SIRTE.lon, SIRTE.lat, 170, 30_000)
    assert est.region.contains(Point(lon, lat))
    lon, lat, _ = GEOD.fwd(SIRTE.lon, SIRTE.lat, 0, 30_000)
    assert not est.region.contains(Point(lon, lat))


def test_near_outskirts_outside():
    near = estimate_claim(claim(relation="near"))
    outskirts = estimate_claim(claim("o", relation="outskirts"))
    outside = estimate_claim(claim("x", relation="outside"))
    centre = Point(SIRTE.lon, SIRTE.lat)
    assert near.region.contains(centre) and not outskirts.region.contains(centre)
    assert not outside.region.contains(centre)
    assert near.radius_m == pytest.approx(8000 + 30000, rel=0.01)
    lon, lat, _ = GEOD.fwd(SIRTE.lon, SIRTE.lat, 77, 9_000)
    assert outskirts.region.contains(Point(lon, lat)) and outside.region.contains(Point(lon, lat))
    lon, lat, _ = GEOD.fwd(SIRTE.lon, SIRTE.lat, 77, 7_000)
    assert not outside.region.contains(Point(lon, lat))


def test_between_two_places():
    misrata = Place("geonames:2214846", "Misrata", "city", 32.37535, 15.09254, extent_m=10_000)
    est = estimate_claim(claim(relation="between", anchor2=misrata))
    assert est.method == "between-ellipse"
    assert est.region.contains(Point(SIRTE.lon, SIRTE.lat))
    assert est.region.contains(Point(misrata.lon, misrata.lat))
    mid_lon, mid_lat = (SIRTE.lon + misrata.lon) / 2, (SIRTE.lat + misrata.lat) / 2
    assert est.lat == pytest.approx(mid_lat, abs=0.02) and est.lon == pytest.approx(mid_lon, abs=0.02)
    assert not est.region.contains(Point(16.6, 32.4))  # far off the line


def test_halfway_between_two_places_is_about_the_middle():
    misrata = Place("geonames:2214846", "Misrata", "city", 32.37535, 15.09254, extent_m=10_000)
    est = estimate_claim(claim(relation="between", anchor2=misrata, hedge="halfway"))
    assert est.method == "halfway-disk"
    assert not est.region.contains(Point(SIRTE.lon, SIRTE.lat))
    _, _, dist = GEOD.inv(SIRTE.lon, SIRTE.lat, misrata.lon, misrata.lat)
    assert est.radius_m == pytest.approx(0.15 * dist + 10_000, rel=0.01)
    wide = estimate_claim(claim(relation="between", anchor2=misrata))
    assert est.region.area < wide.region.area / 4


def test_between_without_second_anchor_is_flagged():
    c = claim(relation="between")
    c.anchor2_text = "Nowhere"
    assert estimate_claim(c) is None and "anchor not found" in c.flags


def test_part_of_a_place_is_clipped_to_its_polygon():
    poly = box(16.50, 31.15, 16.68, 31.26)
    sirte = Place("s", "Sirte", "city", 31.20892, 16.58866, extent_m=10_000, geometry=poly)
    est = estimate_claim(claim(relation="part", anchor=sirte, direction=Direction("eastern", 90.0, 45.0)))
    assert est.region.within(poly.buffer(1e-9))
    assert est.lon > sirte.lon and est.region.contains(Point(est.lon, est.lat))
    assert est.region.contains(Point(16.66, 31.21)) and not est.region.contains(Point(16.52, 31.21))


def test_side_of_a_river_within_a_context_place():
    tigris = Place(
        "r",
        "Tigris",
        "river",
        36.34,
        43.13,
        extent_m=200_000,
        geometry=LineString([(43.10, 36.0), (43.14, 36.34), (43.16, 36.7)]),
    )
    mosul = Place("m", "Mosul", "city", 36.34, 43.12, extent_m=12_000)
    est = estimate_claim(
        claim(relation="side", anchor=tigris, anchor2=mosul, direction=Direction("east", 90.0, 45.0))
    )
    assert est.method == "side-of-line"
    assert est.region.contains(Point(43.20, 36.34)) and not est.region.contains(Point(43.08, 36.34))
    assert est.region.bounds[2] < 43.30  # clipped to Mosul's extent


def test_antimeridian_claim():
    anchor = Place("x", "X", "town", 50.0, 179.9, extent_m=3000)
    est = estimate_claim(claim(anchor=anchor, dist=50, direction=Direction("east", 90.0, 45.0)))
    assert est.region.is_valid and isinstance(est.region, (Polygon, MultiPolygon))
    assert est.region.bounds[0] >= -180 and est.region.bounds[2] <= 180
    assert est.region.contains(Point(est.lon, est.lat))
    assert est.lon < -179  # across the line
    assert est.radius_m < 60_000


@pytest.mark.parametrize("lat", [89.5, -89.7, 89.99])
def test_near_pole_claims(lat):
    anchor = Place("p", "Pole station", "site", lat, 30.0, extent_m=2000)
    est = estimate_claim(claim(anchor=anchor, dist=100, direction=Direction("north", 0.0, 45.0)))
    assert est.region.is_valid
    assert est.region.contains(Point(est.lon, est.lat))
    d = estimate_claim(claim("d", relation="distance", anchor=anchor, dist=100))
    assert d.region.is_valid and d.region.area > 0
    lon, lat2, _ = GEOD.fwd(30.0, lat, 123.0, 100_000)
    assert d.region.contains(Point(lon, lat2))


def test_estimate_claims_batch_matches_single():
    cs = [claim(f"c{i}", dist=10 + i, direction=SW) for i in range(5)] + [claim("bad", dist=0, direction=SW)]
    out = estimate_claims(cs)
    assert sorted(out) == [f"c{i}" for i in range(5)]
    single = estimate_claim(claim("c3", dist=13, direction=SW))
    assert out["c3"].lat == pytest.approx(single.lat) and out["c3"].radius_m == pytest.approx(single.radius_m)
    assert out["c3"].to_dict()["region"]["type"] == "Polygon"


def test_radius_covers_the_region():
    est = estimate_claim(claim(dist=120, direction=Direction("north-northeast", 22.5, 11.25), hedge="about"))
    for x, y in est.region.exterior.coords:
        _, _, d = GEOD.inv(est.lon, est.lat, x, y)
        assert d <= est.radius_m + 1e-6
    assert math.isfinite(est.radius_m)


def test_the_centre_of_a_place_is_its_inner_disk() -> None:
    from shapely.geometry import Point

    from geokit.estimates import estimate_claims
    from geokit.model import Claim, Place

    mosul = Place("m", "Mosul", "city", 36.34, 43.13, extent_m=10_000)
    c = Claim("c", "d", "", 0, 0, "part", "central Mosul", "Mosul", anchor=mosul)
    est = estimate_claims([c])["c"]
    assert est.method == "part-sector" and c.flags == []
    assert est.region.contains(Point(43.13, 36.34)) and not est.region.contains(Point(43.2, 36.34))
