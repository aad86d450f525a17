"""Geodesic regions: vectorised and scalar paths agree; huge, polar and antimeridian regions stay valid."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Geod
from shapely.geometry import Point, Polygon

from geokit.errors import InputError
from geokit.estimates import estimate_points
from geokit.estimates.regions import farthest_distance, plane_to_lonlat, sector_region, sector_regions

GEOD = Geod(ellps="WGS84")


def test_vectorised_equals_scalar():
    lat = np.array([31.2, -10.0, 60.0, 0.0])
    lon = np.array([16.6, 120.0, -179.95, 0.0])
    low = np.array([44_500, 0, 10_000, 2_000])
    high = np.array([45_500, 20_000, 30_000, 3_000])
    az = np.array([225, 10, 270, 0])
    half = np.array([22.5, 45, 180, 5.625])
    ext = np.array([8_000, 1_000, 0, 5_000])
    many = sector_regions(lat, lon, low, high, az, half, ext)
    for i in range(4):
        one = sector_region(lat[i], lon[i], low[i], high[i], az[i], half[i], ext[i])
        assert one.equals_exact(many[i], 1e-9)


def test_analytic_radius_covers_the_polygon():
    out = estimate_points(
        [31.2, 60.0], [16.6, 10.0], [45_000, 300_000], [225, 10], [22.5, 45], 500, [8_000, 30_000]
    )
    for i, (la, lo, d, az, h, e) in enumerate(
        [(31.2, 16.6, 45_000, 225, 22.5, 8_000), (60.0, 10.0, 300_000, 10, 45, 30_000)]
    ):
        region = sector_region(la, lo, d - 500, d + 500, az, h, e)
        assert farthest_distance(out["lat"][i], out["lon"][i], region) <= out["radius_m"][i]


def test_sharp_sector_without_extent_is_exact():
    region = sector_region(0.0, 0.0, 0.0, 100_000.0, 0.0, 45.0, 0.0)
    for az in (-44.9, 0.0, 44.9):
        lon, lat, _ = GEOD.fwd(0.0, 0.0, az, 99_000.0)
        assert region.contains(Point(lon, lat))
    for az in (-46.0, 46.0, 180.0):
        lon, lat, _ = GEOD.fwd(0.0, 0.0, az, 50_000.0)
        assert not region.contains(Point(lon, lat))


def test_wide_sector_with_extent_wraps_into_a_ring():
    # 170° half-angle with an extent wider than the gap: the region closes into a ring with a hole
    region = sector_region(10.0, 10.0, 100_000.0, 120_000.0, 0.0, 170.0, 20_000.0)
    assert len(region.interiors) == 1 and not region.contains(Point(10.0, 10.0))


def test_huge_annulus_leaves_a_cap_round_the_antipode():
    region = sector_region(0.0, 0.0, 5_000.0, 19_000_000.0)
    assert region.is_valid
    assert not region.contains(Point(180.0 - 1e-9, 0.0)) and not region.contains(Point(0.0, 0.0))
    assert region.contains(Point(90.0, 0.0)) and region.contains(Point(0.0, 89.0))


@pytest.mark.parametrize("lat", [89.9, -89.9])
def test_disk_round_a_pole_contains_the_pole(lat):
    region = sector_region(lat, 45.0, 0.0, 50_000.0)
    assert region.is_valid and region.contains(Point(0.0, np.sign(lat) * 89.99))
    assert region.bounds[0] == -180 and region.bounds[2] == 180


def test_plane_to_lonlat_square_at_the_antimeridian():
    sq = Polygon([(-5000, -5000), (5000, -5000), (5000, 5000), (-5000, 5000)])
    g = plane_to_lonlat(sq, 0.0, 180.0)
    assert g.geom_type == "MultiPolygon" and g.is_valid
    assert g.contains(Point(179.99, 0.0)) and g.contains(Point(-179.99, 0.0))


def test_bad_parameters_raise():
    with pytest.raises(InputError):
        sector_region(0, 0, 10, 5)
    with pytest.raises(InputError):
        sector_region(95, 0, 0, 5)
    with pytest.raises(InputError):
        sector_region(0, 0, 0, float("nan"))
