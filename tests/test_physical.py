"""Physical features: map labels become the names news writes, and geocode finds the features."""

import pytest
from pyproj import Geod

from geokit.places.layers import load_layer
from geokit.places.physical import bare_forms, expand_label, news_names, physical_kind

GEOD = Geod(ellps="WGS84")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("ZAGROS MTS.", "Zagros Mountains"),
        ("Mt. Everest", "Mount Everest"),
        ("RUB’ AL KHALI", "Rub' al Khali"),
        ("Unimak I.", "Unimak Island"),
        ("Midway Is.", "Midway Islands"),
        ("Kathiawar Pen.", "Kathiawar Peninsula"),
        ("Horn Plat.", "Horn Plateau"),
        ("Gregory Ra.", "Gregory Range"),
        ("Seweweekspoort Pk.", "Seweweekspoort Peak"),
        ("Dahlak Arch.", "Dahlak Archipelago"),
        ("HINDU KUSH", "Hindu Kush"),
        ("GREAT VICTORIA DESERT", "Great Victoria Desert"),
        ("Lake C.W. McConaughy", "Lake C.W. McConaughy"),  # a person's initials stay
        ("Franklin D. Roosevelt Lake", "Franklin D. Roosevelt Lake"),
    ],
)
def test_labels_are_written_out(label, expected):
    assert expand_label(label) == expected


@pytest.mark.parametrize(
    ("label", "alternates", "name", "also"),
    [
        ("Sicilia", [], "Sicily", "Sicilia"),
        ("ZAGROS MTS.", [], "Zagros Mountains", "ZAGROS MTS."),
        ("Gora Elbrus", ["Mount Elbrus"], "Mount Elbrus", "Gora Elbrus"),
        ("Ozero Mogotoyevo", ["Lake Mogotoyevo"], "Lake Mogotoyevo", "Ozero Mogotoyevo"),
        ("Kavir Desert", [], "Kavir Desert", "Dasht-e Kavir"),
        ("FALKLAND IS.", ["IS. MALVINAS"], "Falkland Islands", "Islands Malvinas"),
    ],
)
def test_news_names_keep_the_label(label, alternates, name, also):
    got, others = news_names(label, alternates)
    assert got == name
    assert also in others


def test_short_forms_and_kinds():
    assert bare_forms("Gobi Desert", "desert") == ["Gobi"]
    assert bare_forms("Mount Elbrus", "peak") == ["Elbrus"]
    assert bare_forms("Atlas Mountains", "range") == ["Atlas Mts.", "Atlas"]
    assert physical_kind("Island group") == "island group"
    assert physical_kind("Continent") is None


def test_layer_is_small_and_complete():
    recs, geoms = load_layer("physical")
    assert 2000 < len(recs) == len(geoms)
    kinds = {r["kind"] for r in recs}
    assert {"range", "desert", "peak", "island", "lake", "peninsula", "delta"} <= kinds
    peaks = [g for r, g in zip(recs, geoms, strict=True) if r["kind"] == "peak"]
    assert all(g.geom_type == "Point" for g in peaks)


@pytest.mark.parametrize(
    ("query", "kind", "lat", "lon", "tol_km"),
    [
        ("Dasht-e Kavir", "desert", 34.5, 54.5, 300),
        ("Kalahari Desert", "desert", -23.0, 22.0, 700),
        ("Kalahari", "desert", -23.0, 22.0, 700),
        ("Lake Baikal", "lake", 53.5, 108.0, 350),
        ("Andes", "range", -20.0, -67.0, 3500),
        ("Mount Elbrus", "peak", 43.355, 42.439, 15),
        ("Gulf of Guinea", "sea", 2.0, 2.0, 800),
        ("Lake Titicaca", "lake", -15.9, -69.3, 100),
    ],
)
def test_geocode_physical_features(gaz, query, kind, lat, lon, tol_km):
    best = gaz.lookup(query)[0]
    assert best.place.kind == kind, best
    assert GEOD.inv(best.place.lon, best.place.lat, lon, lat)[2] / 1000 <= tol_km
    assert best.match in ("exact", "variant")


def test_area_features_carry_their_polygon(gaz):
    sahara = gaz.lookup("Sahara")[0].place
    assert sahara.kind == "desert" and sahara.geometry is not None
    assert sahara.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert sahara.extent_m > 1_000_000


def test_spelling_guess_is_approximate(gaz):
    best = gaz.lookup("Golan Heights")[0] if gaz.lookup("Golan Heights") else None
    assert best is None or best.match == "approximate" or "Golan" in best.place.name
