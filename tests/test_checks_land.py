"""Tests of geokit.checks.land: the land mask, the country test and the claim flags."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import CRUDE_LIBYA, SIRTE
from hypothesis import given, settings
from hypothesis import strategies as st

from geokit.checks import land
from geokit.errors import InputError
from geokit.model import Claim, Estimate, Place

LIBYA = CRUDE_LIBYA


@pytest.fixture
def crude_libya(monkeypatch):
    monkeypatch.setattr(land, "_countries", lambda: {"LY": ("Libya", LIBYA)})


def claim(country: str | None = "LY") -> Claim:
    return Claim(
        id="c",
        document="d",
        quote="",
        start=0,
        end=0,
        relation="offset",
        target="camp",
        anchor_text="Sirte",
        anchor=SIRTE,
        context_country=country,
    )


def test_at_sea_seed_points():
    assert land.at_sea(31.50, 16.92) is True
    assert land.at_sea(30.92, 16.26) is False
    assert land.at_sea(0.0, -30.0) is True  # mid-Atlantic


def test_at_sea_vectorised_keeps_shape():
    lat = np.array([[31.50, 30.92], [0.0, 48.85]])
    lon = np.array([[16.92, 16.26], [-30.0, 2.35]])
    out = land.at_sea(lat, lon)
    assert out.shape == (2, 2)
    assert out.tolist() == [[True, False], [True, False]]


def test_tolerance_spares_the_shore_only():
    assert land.at_sea(31.225, 16.589)
    assert not land.at_sea(31.225, 16.589, tolerance_m=1500)
    assert land.at_sea(31.50, 16.92, tolerance_m=1500)


def test_wraps_longitude_and_rejects_bad_latitude():
    assert land.at_sea(31.50, 16.92 + 360) is True
    assert land.at_sea(89.99999, 179.99999) in (True, False)
    with pytest.raises(InputError):
        land.at_sea(91.0, 0.0)
    with pytest.raises(InputError):
        land.at_sea(float("nan"), 0.0)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.floats(-89.9, 89.9), st.floats(-540, 540)), min_size=1, max_size=20),
    st.sampled_from([0.0, 1500.0]),
)
def test_vectorised_matches_scalar(points, tol):
    lat = np.array([p[0] for p in points])
    lon = np.array([p[1] for p in points])
    vec = land.at_sea(lat, lon, tolerance_m=tol)
    assert vec.tolist() == [land.at_sea(a, b, tolerance_m=tol) for a, b in points]
    if tol:
        assert not np.any(vec & ~land.at_sea(lat, lon))  # a tolerance never adds sea


def test_outside_country(crude_libya):
    assert land.outside_country(30.92, 16.26, "LY") is False
    assert land.outside_country(31.50, 16.92, "ly") is True
    assert land.outside_country(31.24, 16.60, "LY", tolerance_m=5000) is False  # 4 km off the coast
    assert land.outside_country(31.24, 16.60, "LY", tolerance_m=100) is True
    assert land.outside_country(31.50, 16.92, "FR") is None
    assert land.outside_country(31.50, 16.92, None) is None


def test_outside_country_without_layer(monkeypatch):
    monkeypatch.setattr(land, "_countries", lambda: None)
    assert land.outside_country(31.50, 16.92, "LY") is None
    assert land.country_name("LY") == "Libya"


def test_claim_flags(crude_libya):
    assert land.claim_flags(claim(), Estimate("c", 31.50, 16.92, 20_000.0, None, "m")) == [
        "estimate at sea",
        "estimate outside Libya",
    ]
    assert land.claim_flags(claim(), Estimate("c", 30.92, 16.26, 20_000.0, None, "m")) == []
    assert land.claim_flags(claim(), None) == []
    # no context country: the anchor's country is used
    assert "estimate outside Libya" in land.claim_flags(
        claim(None), Estimate("c", 31.5, 16.92, 1.0, None, "m")
    )


def test_real_countries_layer():
    land._countries.cache_clear()
    layer = land._countries()
    assert "LY" in layer
    assert land.outside_country(30.92, 16.26, "LY") is False
    assert land.outside_country(31.50, 16.92, "LY") is True
    assert land.outside_country(36.335, 43.119, "LY") is True  # Mosul


def test_a_target_place_far_outside_its_claims_estimate_is_flagged():
    from geokit.checks.geometry import geodesic_disk

    marrakesh = Place("g:2", "Marrakesh", "city", 31.63, -8.0, country="MA")
    est = Estimate("c", 31.25, -7.5, 30_000.0, geodesic_disk(31.25, -7.5, 30_000.0), "sector")

    def flags(target: Place) -> list[str]:
        c = Claim(id="c", document="d", quote="", start=0, end=0, relation="offset", target="Kalaa",
                  anchor_text="Marrakesh", anchor=marrakesh, target_place=target)  # fmt: skip
        return [f for f in land.claim_flags(c, est) if f.startswith("target place")]

    tunisian = Place("g:1", "El Golaa", "village", 33.48, 9.01, country="TN")
    assert flags(tunisian) == ["target place El Golaa, TN lies 1,542 km outside the estimate"]
    inside = Place("g:3", "Kalaa", "village", 31.3, -7.5, country="MA")
    just_out = Place("g:4", "Kalaa", "village", 31.25, -7.5 + 0.55, country="MA")  # 52 km east: 22 km out
    assert flags(inside) == [] and flags(just_out) == []
