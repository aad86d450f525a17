"""Estimates at sea: "12 nautical miles off Tartus", "20 km west off Benghazi", "off Tartus"."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import Point

from geokit.checks.land import at_sea
from geokit.estimates import estimate_claim, estimate_claims
from geokit.estimates.policy import DEFAULT_POLICY
from geokit.model import Claim, Direction, Distance, Place
from geokit.places.borders import coast_place

GEOD = Geod(ellps="WGS84")
TARTUS = Place("geonames:163345", "Tartus", "city", 34.88902, 35.88659, country="SY", extent_m=9_000)
BENGHAZI = Place("geonames:88319", "Benghazi", "city", 32.11486, 20.06859, country="LY", extent_m=12_000)
ADEN = Place("geonames:415189", "Aden", "city", 12.77944, 45.03667, country="YE", extent_m=10_000)
ZUWARA = Place("geonames:2208425", "Zuwara", "city", 32.93120, 12.08199, country="LY", extent_m=4_000)
MADRID = Place("geonames:3117735", "Madrid", "city", 40.4165, -3.70256, country="ES", extent_m=15_000)
# Taveuni (Fiji), on the antimeridian: its sea reaches both sides of ±180°
TAVEUNI = Place("t", "Taveuni", "island", -16.85, -179.95, country="FJ", extent_m=20_000)
NUKUALOFA = Place(
    "geonames:4032402", "Nuku'alofa", "city", -21.13938, -175.2018, country="TO", extent_m=5_000
)
WEST = Direction("west", 270.0, 45.0)
EAST = Direction("east", 90.0, 45.0)
PER = {"km": 1000.0, "mi": 1609.344, "nm": 1852.0}


def offshore(anchor: Place, dist: float | None = None, unit: str = "nm", **kw: object) -> Claim:
    distance = Distance(dist, unit, dist * PER[unit], f"{dist:g}") if dist is not None else None
    return Claim(
        "c1", "doc", "quote", 0, 5, "offshore", "ship", anchor.name, anchor=anchor, distance=distance, **kw
    )


def from_anchor(anchor: Place, lat: float, lon: float) -> tuple[float, float]:
    az, _, d = GEOD.inv(anchor.lon, anchor.lat, lon, lat)
    return d, az % 360.0


def at(anchor: Place, azimuth: float, metres: float) -> Point:
    lon, lat, _ = GEOD.fwd(anchor.lon, anchor.lat, azimuth, metres)
    return Point(lon, lat)


def sea_within(lat: np.ndarray, lon: np.ndarray, metres: float) -> np.ndarray:
    """Whether each point is at sea, or has sea (on the 1 km mask) within ``metres``."""
    ok = np.asarray(at_sea(lat, lon), dtype=bool)
    az = np.arange(0.0, 360.0, 10.0)
    for i in np.flatnonzero(~ok):
        for r in (metres / 3.0, 2.0 * metres / 3.0, metres):
            lo, la, _ = GEOD.fwd(np.full(az.size, lon[i]), np.full(az.size, lat[i]), az, np.full(az.size, r))
            if np.any(at_sea(la, lo)):
                ok[i] = True
                break
    return ok


def test_twelve_nautical_miles_off_tartus_is_at_sea() -> None:
    c = offshore(TARTUS, 12)
    est = estimate_claim(c)
    assert est is not None and c.flags == []
    assert est.method == "offshore-ring"
    low, high = c.distance.low_m, c.distance.high_m  # filled by the policy
    assert 15_000 < low < 12 * 1852.0 < high < 30_000
    d, az = from_anchor(TARTUS, est.lat, est.lon)
    assert 18_000 < d < 30_000
    assert 200.0 < az < 340.0  # the Mediterranean lies west of Tartus
    assert at_sea(est.lat, est.lon)
    assert est.region.contains(Point(est.lon, est.lat))
    # the land is out: the town, and the hills 22 km east of it
    assert not est.region.contains(Point(TARTUS.lon, TARTUS.lat))
    assert not est.region.intersects(at(TARTUS, 90.0, 22_000))
    # the sea 22 km west, north-west and south-west is in
    for azimuth in (240.0, 270.0, 300.0):
        assert est.region.contains(at(TARTUS, azimuth, 22_000))
    # the annulus grown by the extent: not nearer than low - extent, nor farther than high + extent
    assert not est.region.contains(at(TARTUS, 270.0, low - TARTUS.extent_m - 1_000))
    assert not est.region.contains(at(TARTUS, 270.0, high + TARTUS.extent_m + 1_000))
    assert est.components == pytest.approx(
        {
            "distance": 12 * 1852.0,
            "distance_precision": c.distance.precision_m,
            "hedge": 0.0,
            "extent": 9_000.0,
        }
    )


def test_radius_covers_the_region_from_the_point() -> None:
    est = estimate_claim(offshore(TARTUS, 12))
    coords = shapely.get_coordinates(est.region)
    n = len(coords)
    _, _, d = GEOD.inv(np.full(n, est.lon), np.full(n, est.lat), coords[:, 0], coords[:, 1])
    assert est.radius_m == pytest.approx(float(np.max(d)))
    assert 30_000 < est.radius_m < 70_000


def test_twenty_km_west_off_benghazi_is_a_sector_at_sea() -> None:
    c = offshore(BENGHAZI, 20, "km", direction=WEST)
    est = estimate_claim(c)
    assert est is not None and est.method == "offshore-sector"
    d, az = from_anchor(BENGHAZI, est.lat, est.lon)
    assert 15_000 < d < 25_000 and 225.0 <= az <= 315.0
    assert at_sea(est.lat, est.lon)
    assert est.components["direction"] > 0 and est.components["extent"] == 12_000
    assert est.region.contains(at(BENGHAZI, 270.0, 20_000))
    # east of Benghazi (inland) and north-east (at sea, but outside the sector) are out
    assert not est.region.intersects(at(BENGHAZI, 90.0, 20_000))
    assert not est.region.contains(at(BENGHAZI, 20.0, 20_000))


def test_inverse_direction_puts_the_ship_on_the_other_side() -> None:
    # "Tartus is 12 nautical miles east of the ship": the ship is west of Tartus
    est = estimate_claim(offshore(TARTUS, 12, direction=EAST, inverse=True))
    assert est is not None and est.method == "offshore-sector"
    _, az = from_anchor(TARTUS, est.lat, est.lon)
    assert 225.0 <= az <= 315.0 and at_sea(est.lat, est.lon)


def test_off_tartus_without_a_distance_is_the_sea_nearby() -> None:
    c = offshore(TARTUS)
    est = estimate_claim(c)
    assert est is not None and c.flags == []
    assert est.components["offshore_band"] == DEFAULT_POLICY.near_min_m
    d, _ = from_anchor(TARTUS, est.lat, est.lon)
    assert d < DEFAULT_POLICY.near_min_m + TARTUS.extent_m
    assert at_sea(est.lat, est.lon)
    assert est.region.contains(at(TARTUS, 270.0, 5_000))
    assert not est.region.intersects(at(TARTUS, 270.0, DEFAULT_POLICY.near_min_m + TARTUS.extent_m + 2_000))
    assert not est.region.intersects(at(TARTUS, 90.0, 10_000))


@pytest.mark.parametrize("dist", [None, 12.0, 100.0])
def test_an_inland_anchor_has_no_estimate_and_a_flag(dist: float | None) -> None:
    c = offshore(MADRID, dist)
    assert estimate_claim(c) is None
    assert c.flags == ["nothing of the region is left at sea"]
    # the batch leaves it out too, and still estimates the others
    c2 = offshore(TARTUS, 12)
    c2.id = "c2"
    out = estimate_claims([offshore(MADRID, dist), c2])
    assert set(out) == {"c2"}


def test_batch_with_sector_claims_matches_single() -> None:
    sector = Claim(
        "s1",
        "doc",
        "quote",
        0,
        5,
        "distance",
        "camp",
        "Aden",
        anchor=ADEN,
        distance=Distance(40, "km", 40_000.0, "40"),
    )
    out = estimate_claims([offshore(ADEN, 40, "km"), sector])
    assert out["c1"].method == "offshore-ring" and out["s1"].method == "distance-annulus"
    single = estimate_claim(offshore(ADEN, 40, "km"))
    assert (out["c1"].lat, out["c1"].lon) == pytest.approx((single.lat, single.lon))
    assert out["c1"].radius_m == pytest.approx(single.radius_m)
    # the plain distance claim keeps the town as its point; the offshore one is at sea
    assert (out["s1"].lat, out["s1"].lon) == (ADEN.lat, ADEN.lon)
    assert at_sea(out["c1"].lat, out["c1"].lon)


def test_three_miles_offshore_from_zuwara() -> None:
    c = offshore(ZUWARA, 3, "mi")
    est = estimate_claim(c)
    assert est is not None
    d, _ = from_anchor(ZUWARA, est.lat, est.lon)
    assert d < c.distance.high_m + ZUWARA.extent_m
    assert at_sea(est.lat, est.lon)


@pytest.mark.parametrize("anchor", [TAVEUNI, NUKUALOFA])
def test_islands_near_the_antimeridian(anchor: Place) -> None:
    c = offshore(anchor, 30, "km")
    est = estimate_claim(c)
    assert est is not None and est.region.is_valid
    assert at_sea(est.lat, est.lon) and est.region.contains(Point(est.lon, est.lat))
    d, _ = from_anchor(anchor, est.lat, est.lon)
    assert 20_000 < d < 40_000
    # no degree-space artefact: the region stays within the high distance + extent of the anchor
    reach = c.distance.high_m + anchor.extent_m
    coords = shapely.get_coordinates(est.region)
    n = len(coords)
    _, _, dist = GEOD.inv(np.full(n, anchor.lon), np.full(n, anchor.lat), coords[:, 0], coords[:, 1])
    assert np.max(dist) < reach * 1.03
    assert est.radius_m < 2 * reach * 1.03


def test_taveuni_region_spans_the_antimeridian() -> None:
    est = estimate_claim(offshore(TAVEUNI, 30, "km"))
    assert est.region.geom_type == "MultiPolygon"
    minx, _, maxx, _ = est.region.bounds
    assert minx < -179.0 and maxx > 179.0  # parts on both sides of ±180°
    assert est.region.contains(at(TAVEUNI, 270.0, 30_000))  # west, across the antimeridian
    assert est.region.contains(at(TAVEUNI, 90.0, 30_000))


def test_offshore_from_a_coast_line_is_the_band_at_sea() -> None:
    coast = coast_place("LY")
    assert coast is not None
    c = Claim(
        "c1",
        "doc",
        "quote",
        0,
        5,
        "offshore",
        "ship",
        coast.name,
        anchor=coast,
        distance=Distance(60, "nm", 60 * 1852.0, "60"),
    )
    est = estimate_claim(c)
    assert est is not None and est.method == "line-band"
    assert at_sea(est.lat, est.lon)
    assert not est.region.intersects(Point(16.58866, 31.0))  # inland of Sirte


COASTAL = [TARTUS, BENGHAZI, ZUWARA, ADEN, NUKUALOFA, TAVEUNI]


@pytest.mark.slow
@given(
    anchor=st.sampled_from(COASTAL),
    dist=st.sampled_from([3.0, 8.0, 12.0, 25.0, 40.0, 80.0]),
    unit=st.sampled_from(["km", "nm"]),
    azimuth=st.one_of(st.none(), st.sampled_from([0.0, 90.0, 180.0, 270.0])),
)
def test_property_the_point_and_the_region_are_at_sea(
    anchor: Place, dist: float, unit: str, azimuth: float | None
) -> None:
    """The point is at sea; every vertex of the region is at sea or near the coast.

    The land comes out along Natural Earth's 1:50m coast; the 1 km land mask's coast differs from
    it by up to ~3 km (harbours, headlands), so a vertex may lie that far inland on the mask.
    """
    direction = None if azimuth is None else Direction("x", azimuth, 45.0)
    c = offshore(anchor, dist, unit, direction=direction)
    est = estimate_claim(c)
    if est is None:  # that side of the anchor is all land
        assert direction is not None and c.flags == ["nothing of the region is left at sea"]
        return
    assert at_sea(est.lat, est.lon)
    assert est.region.contains(Point(est.lon, est.lat))
    coords = shapely.get_coordinates(est.region)
    assert sea_within(coords[:, 1], coords[:, 0], 3_500.0).all()
