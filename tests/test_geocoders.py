"""geopy compatibility of the offline geocoder, and the online wrapper's cache and errors (no network)."""

import json

import geopandas as gpd
import pytest
from geopy.exc import GeocoderServiceError, GeocoderTimedOut
from geopy.extra.rate_limiter import RateLimiter

from geokit.errors import GeocoderTimeoutError, GeocoderUnavailableError
from geokit.places.geocoders import OfflineGeocoder, OnlineGeocoder


def test_offline_geocoder_returns_locations():
    geo = OfflineGeocoder()
    loc = geo.geocode("Mosul")
    assert loc.raw["id"] == "geonames:99072" and loc.raw["kind"] == "city" and loc.raw["extent_m"] > 0
    many = geo.geocode("Paris", exactly_one=False)
    assert isinstance(many, list) and len(many) > 3
    assert geo.geocode("") is None
    assert geo.geocode("x" * 10_000) is None


def test_offline_geocoder_says_how_a_name_matched():
    geo = OfflineGeocoder()
    assert geo.geocode("Mosul").raw["match"] == "exact"
    guess = geo.geocode("Benghazy")
    assert guess.raw["name"] == "Benghazi" and guess.raw["match"] == "approximate"
    assert (
        geo.geocode("Golan Heights") is None or geo.geocode("Golan Heights").raw["name"] != "Rowland Heights"
    )


def test_offline_geocoder_in_geopandas():
    frame = gpd.tools.geocode(["Sirte, Libya", "Mosul"], provider=OfflineGeocoder)
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[0].y == pytest.approx(31.2, abs=0.1)
    assert frame.geometry.iloc[1].x == pytest.approx(43.1, abs=0.1)


def test_offline_geocoder_under_rate_limiter():
    geocode = RateLimiter(OfflineGeocoder().geocode, min_delay_seconds=0)
    assert geocode("Raqqa").raw["country"] == "SY"


class _FakeProvider:
    def __init__(self, outcome):
        self.outcome = outcome
        self.calls = 0

    def __call__(self, query, exactly_one=True):
        self.calls += 1
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


def _online(tmp_path, outcome):
    geo = OnlineGeocoder("nominatim", cache_dir=tmp_path, min_delay_seconds=0, max_retries=0)
    fake = _FakeProvider(outcome)
    geo._geocode = fake
    return geo, fake


def test_online_answers_are_cached_as_json(tmp_path):
    from geopy.location import Location

    geo, fake = _online(tmp_path, Location("Sirte, Libya", (31.2, 16.6), {"osm_id": 1}))
    assert geo.geocode("Sirte").latitude == 31.2
    assert geo.geocode("Sirte").longitude == 16.6
    assert fake.calls == 1
    files = list(tmp_path.glob("*.json"))
    assert len(files) == 1 and json.loads(files[0].read_text())[0][0] == "Sirte, Libya"


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (GeocoderTimedOut("slow"), GeocoderTimeoutError),
        (GeocoderServiceError("500"), GeocoderUnavailableError),
    ],
)
def test_online_failures_become_geokit_errors(tmp_path, exc, expected):
    geo, _ = _online(tmp_path, exc)
    with pytest.raises(expected):
        geo.geocode("Sirte")
    assert not list(tmp_path.glob("*.json"))  # failures are not cached
