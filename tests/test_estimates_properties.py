"""Properties of the estimate regions (hypothesis): honest, monotone, and the same read both ways."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import Point

from geokit.estimates import Policy, estimate_claim, sector_region
from geokit.model import Claim, Direction, Distance, Place

GEOD = Geod(ellps="WGS84")
UNITS = {"km": 1000.0, "mi": 1609.344}
POINTS16 = "N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split()
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def word_for(azimuth: float, points: int) -> tuple[str, float, float]:
    step = 360.0 / points
    i = int(np.floor((azimuth % 360.0) / step + 0.5)) % points
    name = POINTS16[i * (16 // points)]
    return name, i * step, step / 2.0


def make_claim(anchor, value, unit, azimuth, half, *, inverse=False, text=None, hedge=None):
    return Claim(
        "c",
        "d",
        "",
        0,
        0,
        "offset",
        "t",
        anchor.name,
        anchor=anchor,
        distance=Distance(value, unit, value * UNITS[unit], text or f"{value:g}"),
        direction=Direction("w", azimuth, half),
        inverse=inverse,
        hedge=hedge,
    )


def covers(region, lon, lat, tol_deg=1e-6):
    return region.buffer(tol_deg).contains(Point(lon, lat))


def nested(small, big) -> bool:
    """``small``'s region lies in ``big``'s, up to the polygonisation of the arcs (2 % of the radius).

    Both polygons over-approximate their exact sets; where the anchor's extent is as large as the
    distance, the outer boundary bends more tightly than the vertex spacing, and the finer-angled
    polygon can stick out of the coarser one by a fraction of a percent of the radius.
    """
    tol = 0.02 * small.radius_m / 111_000.0 + 1e-7
    return big.region.buffer(tol).contains(small.region)


anchors = st.builds(
    lambda lat, lon, ext: Place("a", "A", "town", lat, lon, extent_m=ext),
    st.floats(-75, 75),
    st.floats(-180, 180),
    st.sampled_from([0.0, 500.0, 3000.0, 12_000.0]),
)


@FAST
@given(
    anchor=anchors,
    true_km=st.floats(2.0, 400.0),
    true_az=st.floats(0.0, 360.0, exclude_max=True),
    unit=st.sampled_from(["km", "mi"]),
    points=st.sampled_from([8, 16]),
    centre_az=st.floats(0, 360),
    centre_frac=st.floats(0, 1),
)
def test_reporter_rounding_gives_a_region_containing_the_truth(
    anchor, true_km, true_az, unit, points, centre_az, centre_frac
):
    # The reporter stands somewhere inside the anchor place, measures to the truth, rounds the distance
    # to a whole unit and the direction to the nearest 8- or 16-point word.
    slon, slat, _ = GEOD.fwd(anchor.lon, anchor.lat, centre_az, centre_frac * anchor.extent_m)
    tlon, tlat, _ = GEOD.fwd(slon, slat, true_az, true_km * 1000.0)
    az, _, d = GEOD.inv(slon, slat, tlon, tlat)
    value = max(1, round(d / UNITS[unit]))
    if abs(value * UNITS[unit] - d) > 0.5 * UNITS[unit]:
        return  # the distance rounds to zero: a reporter would not say "0 km"
    _, word_az, half = word_for(az, points)
    est = estimate_claim(make_claim(anchor, value, unit, word_az, half))
    assert est is not None
    assert covers(est.region, tlon, tlat), (value, unit, word_az, tlon, tlat)
    _, _, r = GEOD.inv(est.lon, est.lat, tlon, tlat)
    assert r <= est.radius_m * 1.0001 + 1.0


@pytest.mark.slow
@FAST
@given(anchor=anchors, value=st.integers(3, 300), az=st.sampled_from([0.0, 45.0, 202.5, 337.5]))
def test_coarser_direction_never_gives_a_smaller_region(anchor, value, az):
    fine = estimate_claim(make_claim(anchor, value, "km", az, 11.25))
    coarse = estimate_claim(make_claim(anchor, value, "km", az, 22.5))
    coarsest = estimate_claim(make_claim(anchor, value, "km", az, 45.0))
    assert fine.region.area <= coarse.region.area <= coarsest.region.area
    assert nested(fine, coarse) and nested(coarse, coarsest)
    assert fine.radius_m <= coarse.radius_m + 1e-6 <= coarsest.radius_m + 2e-6


@FAST
@given(anchor=anchors, value=st.integers(3, 300), az=st.floats(0, 359))
def test_coarser_precision_never_gives_a_smaller_region(anchor, value, az):
    fine = estimate_claim(make_claim(anchor, value + 0.25, "km", az, 22.5, text=f"{value}.25"))
    coarse = estimate_claim(
        make_claim(anchor, value + 0.25, "km", az, 22.5, text=f"{value} 1/4", hedge="about")
    )
    assert nested(fine, coarse)
    assert fine.region.area <= coarse.region.area
    assert fine.radius_m <= coarse.radius_m + 1e-6


@pytest.mark.slow
@FAST
@given(anchor=anchors, tens=st.integers(1, 40), az=st.floats(0, 359), half=st.sampled_from([11.25, 45.0]))
def test_coarser_reading_of_round_numbers_never_gives_a_smaller_region(anchor, tens, az, half):
    c = make_claim(anchor, tens * 10, "km", az, half)
    fine = estimate_claim(c, Policy(round_numbers="last-digit"))
    mid = estimate_claim(
        make_claim(anchor, tens * 10, "km", az, half), Policy(round_numbers="best-practices")
    )
    coarse = estimate_claim(make_claim(anchor, tens * 10, "km", az, half), Policy(round_numbers="same-power"))
    assert nested(fine, mid) and nested(mid, coarse)
    assert fine.radius_m <= mid.radius_m + 1e-6 <= coarse.radius_m + 2e-6
    reporter = estimate_claim(make_claim(anchor, tens * 10, "km", az, half))  # the default
    assert nested(mid, reporter)


@pytest.mark.slow
@FAST
@given(
    anchor=anchors,
    true_km=st.floats(3.0, 300.0),
    true_az=st.floats(0, 360, exclude_max=True),
    points=st.sampled_from([8, 16]),
)
def test_inverse_and_forward_statements_of_one_geometry_agree(anchor, true_km, true_az, points):
    # "T is D km <word> of A" and "A is D km <reverse word> of T", both rounded like a reporter would.
    tlon, tlat, back = GEOD.fwd(anchor.lon, anchor.lat, true_az, true_km * 1000.0)
    value = max(1, round(true_km))
    _, w_fwd, half = word_for(true_az, points)
    _, w_inv, _ = word_for(back, points)
    fwd = estimate_claim(make_claim(anchor, value, "km", w_fwd, half))
    inv = estimate_claim(make_claim(anchor, value, "km", w_inv, half, inverse=True))
    assert covers(fwd.region, tlon, tlat) and covers(inv.region, tlon, tlat)
    assert fwd.region.intersects(inv.region)
    # from the inverse estimate, the anchor lies exactly at the stated azimuth
    b, _, _ = GEOD.inv(inv.lon, inv.lat, anchor.lon, anchor.lat)
    assert abs((b - w_inv + 180.0) % 360.0 - 180.0) < 0.01


@settings(max_examples=40, deadline=None)
@given(
    lat=st.floats(-89.99, 89.99),
    lon=st.floats(-180, 180),
    low=st.floats(0, 300_000),
    width=st.floats(1, 300_000),
    az=st.floats(0, 360),
    half=st.sampled_from([5.625, 22.5, 45.0, 90.0, 170.0, 180.0]),
    ext=st.floats(0, 50_000),
)
def test_regions_are_valid_and_contain_their_nominal_point(lat, lon, low, width, az, half, ext):
    region = sector_region(lat, lon, low, low + width, az, half, ext)
    assert region.is_valid and not region.is_empty
    minx, miny, maxx, maxy = region.bounds
    assert minx >= -180 and maxx <= 180 and miny >= -90 and maxy <= 90
    plon, plat, _ = GEOD.fwd(lon, lat, az, low + width / 2)
    assert covers(region, plon, plat, 1e-5)


@pytest.mark.parametrize("lon", [179.9, -179.95, 179.999])
def test_antimeridian_region_contains_points_on_both_sides(lon):
    region = sector_region(50.0, lon, 0.0, 50_500.0, 90.0, 45.0, 8_000.0)
    assert region.geom_type == "MultiPolygon" and region.is_valid
    elon, elat, _ = GEOD.fwd(lon, 50.0, 90.0, 50_000.0)
    assert covers(region, elon, elat)
    assert covers(region, lon, 50.0)
    assert region.area < 5.0  # never the whole band the wrong way round
