from __future__ import annotations

import time
import zipfile

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely import LineString, MultiPolygon, Point, Polygon

from geokit.errors import DataError
from geokit.places.layers import available_layers, load_layer, read_layer, write_layer

SIRTE = Point(16.5887, 31.2089)
MOSUL = Point(43.119, 36.335)
RAQQA = Point(39.008, 35.953)
WHITEMAN = Point(-93.548, 38.730)
GULF_OF_SIDRA_SEA = Point(16.92, 31.50)

FIELDS = {
    "countries": {
        "alt_names", "area_km2", "continent", "extent_m", "formal_name", "iso_a2", "iso_a3", "lat", "lon",
        "main_extent_m", "name", "name_long", "primary",
    },
    "admin1": {
        "adm0_a3", "alt_names", "country", "extent_m", "geonameid", "iso_3166_2", "iso_a2", "lat", "lon",
        "name", "type_en",
    },
    "rivers": {
        "alt_names", "countries", "extent_m", "featurecla", "lat", "length_km", "lon", "name", "scalerank",
    },
    "marine": {"alt_names", "area_km2", "extent_m", "kind", "lat", "lon", "name"},
    "land": {"name", "scale"},
    "us_counties": {"country", "fips", "name", "state"},
    "regions": {"alt_names", "extent_m", "lat", "lon", "members", "name", "source"},
}  # fmt: skip
#: Fields only some records have: admin-1 subdivisions dissolved from their units count them.
OPTIONAL_FIELDS = {"admin1": {"parts"}}


# --- the container format ---------------------------------------------------------------------


def _sample():
    records = [
        {"name": "Sirte", "alt_names": ["Surt", "سرت"], "lat": 31.2089, "lon": 16.5887, "id": None},
        {"name": "Tigris", "countries": ["IQ", "SY", "TR"]},
        {"name": "box", "nested": {"a": [1, 2.5]}},
    ]
    geoms = [
        SIRTE,
        LineString([(42.0, 37.0), (44.4, 33.3), (47.0, 31.0)]),
        MultiPolygon([Polygon([(0, 0), (1, 0), (1, 1), (0, 0)]), Polygon([(2, 2), (3, 2), (3, 3), (2, 2)])]),
    ]
    return records, geoms


@pytest.mark.parametrize("compress", [True, False])
def test_round_trip(tmp_path, compress):
    records, geoms = _sample()
    path = tmp_path / "layer.npz"
    write_layer(path, records, geoms, compress=compress)
    got_records, got_geoms = read_layer(path)
    assert got_records == records
    assert isinstance(got_geoms, np.ndarray) and got_geoms.dtype == object
    assert len(got_geoms) == 3
    for a, b in zip(got_geoms, geoms, strict=True):
        assert a.equals_exact(b, 0)
    assert not got_geoms.flags.writeable


def test_npz_is_pickle_free(tmp_path):
    records, geoms = _sample()
    path = tmp_path / "layer.npz"
    write_layer(path, records, geoms)
    with np.load(path, allow_pickle=False) as npz:
        assert sorted(npz.files) == ["format", "offsets", "records", "wkb"]
        assert npz["wkb"].dtype == np.uint8 and npz["offsets"].dtype == np.int64
        assert npz["records"].dtype == np.uint8


def test_same_input_same_bytes(tmp_path):
    records, geoms = _sample()
    write_layer(tmp_path / "a.npz", records, geoms)
    write_layer(tmp_path / "b.npz", [dict(reversed(r.items())) for r in records], geoms)
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.npz") as archive:  # no clock in the file
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_write_rejects_mismatch(tmp_path):
    with pytest.raises(ValueError, match="2 records but 1 geometries"):
        write_layer(tmp_path / "x.npz", [{}, {}], [SIRTE])
    with pytest.raises(ValueError):
        write_layer(tmp_path / "x.npz", [{}], [None])
    with pytest.raises(ValueError):
        write_layer(tmp_path / "x.npz", [{"v": float("nan")}], [SIRTE])


def test_read_missing_and_damaged(tmp_path):
    with pytest.raises(DataError, match="cannot be opened"):
        read_layer(tmp_path / "nope.npz")
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(DataError):
        read_layer(bad)
    records, geoms = _sample()
    good = tmp_path / "good.npz"
    write_layer(good, records, geoms, compress=False)
    data = bytearray(good.read_bytes())
    cut = tmp_path / "cut.npz"
    cut.write_bytes(bytes(data[: len(data) // 2]))
    with pytest.raises(DataError):
        read_layer(cut)
    # Offsets that disagree with the records.
    with np.load(good) as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["offsets"] = arrays["offsets"][:-1]
    np.savez(tmp_path / "offsets.npz", **arrays)
    with pytest.raises(DataError, match="offsets"):
        read_layer(tmp_path / "offsets.npz")


def test_load_layer_bad_names():
    with pytest.raises(DataError, match="bad layer name"):
        load_layer("../countries")
    with pytest.raises(DataError, match="missing"):
        load_layer("no_such_layer")


coords = st.floats(min_value=-180, max_value=180, allow_nan=False, allow_infinity=False)


@settings(max_examples=40, deadline=None)
@given(
    points=st.lists(st.tuples(coords, coords), min_size=1, max_size=20),
    names=st.lists(st.text(max_size=12), min_size=1, max_size=20),
)
def test_round_trip_property(tmp_path_factory, points, names):
    n = min(len(points), len(names))
    records = [{"name": name, "i": i} for i, name in enumerate(names[:n])]
    geoms = [Point(x, y) for x, y in points[:n]]
    path = tmp_path_factory.mktemp("prop") / "p.npz"
    write_layer(path, records, geoms)
    got_records, got_geoms = read_layer(path)
    assert got_records == records
    assert [(g.x, g.y) for g in got_geoms] == [(g.x, g.y) for g in geoms]


# --- the shipped artefacts --------------------------------------------------------------------


def _one(layer, **match):
    records, geoms = load_layer(layer)
    hits = [
        (r, g) for r, g in zip(records, geoms, strict=True) if all(r.get(k) == v for k, v in match.items())
    ]
    assert len(hits) == 1, (layer, match, [h[0].get("name") for h in hits])
    return hits[0]


def test_all_layers_shipped():
    assert set(FIELDS) <= set(available_layers())


@pytest.mark.parametrize("layer", sorted(FIELDS))
def test_layer_fields_and_validity(layer):
    records, geoms = load_layer(layer)
    assert len(records) == len(geoms) > 0
    for record in records:
        assert FIELDS[layer] <= set(record) <= FIELDS[layer] | OPTIONAL_FIELDS.get(layer, set())
    if "lat" in FIELDS[layer]:
        assert all(-90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180 for r in records)
        assert all(r["extent_m"] >= 0 and isinstance(r["alt_names"], list) for r in records)
    assert shapely.is_valid(geoms).all()


def test_countries_contain_cities():
    for iso, city in (("LY", SIRTE), ("IQ", MOSUL), ("SY", RAQQA)):
        record, geom = _one("countries", iso_a2=iso, primary=True)
        assert geom.geom_type in ("Polygon", "MultiPolygon")
        assert geom.contains(city), iso
        assert geom.contains(Point(record["lon"], record["lat"]))
    iraq, _ = _one("countries", iso_a2="IQ")
    assert 400_000 <= iraq["extent_m"] <= 900_000
    assert 400_000 <= iraq["area_km2"] <= 470_000
    assert iraq["continent"] == "Asia" and iraq["iso_a3"] == "IRQ"


def test_country_codes_fixed():
    records, _ = load_layer("countries")
    primary = [r for r in records if r["primary"]]
    codes = [r["iso_a2"] for r in primary]
    assert len(codes) == len(set(codes))
    assert {"FR", "NO", "XK", "TW"} <= set(codes)
    assert all(r["iso_a2"] != "-99" and r["iso_a3"] != "-99" for r in records)
    syria, _ = _one("countries", iso_a2="SY")
    assert syria["name"] == "Syria" and "Syrian Arab Republic" in syria["alt_names"]


def test_rivers():
    tigris, geom = _one("rivers", name="Tigris")
    assert "IQ" in tigris["countries"] and "TR" in tigris["countries"]
    assert geom.distance(MOSUL) < 0.1  # Mosul lies on the Tigris
    euphrates, geom = _one("rivers", name="Euphrates")
    assert {"IQ", "SY"} <= set(euphrates["countries"]) and "Al Furat" in euphrates["alt_names"]
    assert geom.distance(RAQQA) < 0.1


def test_gulf_of_sidra():
    record, geom = _one("marine", name="Gulf of Sidra")
    assert record["kind"] == "gulf"
    assert geom.contains(GULF_OF_SIDRA_SEA)
    assert not geom.contains(SIRTE)


def test_admin1():
    missouri, geom = _one("admin1", name="Missouri", iso_a2="US")
    assert geom.contains(WHITEMAN) and missouri["iso_3166_2"] == "US-MO"
    records, geoms = load_layer("admin1")
    ninawa = [
        (r, g)
        for r, g in zip(records, geoms, strict=True)
        if r["iso_a2"] == "IQ" and {"Ninawa", "Nineveh"} & {r["name"], *r["alt_names"]}
    ]
    assert len(ninawa) == 1
    assert ninawa[0][1].contains(MOSUL)
    assert sum(r["iso_a2"] == "IQ" and "parts" not in r for r in records) == 18


def test_admin1_groups_dissolve_units_into_their_iso_parent():
    england, geom = _one("admin1", name="England")
    assert england["iso_3166_2"] == "GB-ENG" and england["parts"] > 100
    assert geom.contains(Point(-0.13, 51.51)) and not geom.contains(Point(-3.19, 55.95))  # London, Edinburgh
    wales, geom = _one("admin1", name="Wales")
    assert "Cymru" in wales["alt_names"] and geom.contains(Point(-3.18, 51.48))  # Cardiff
    _, geom = _one("admin1", iso_3166_2="FR-IDF")
    assert geom.contains(Point(2.35, 48.86))  # Paris
    _, geom = _one("admin1", iso_3166_2="IQ-KR")
    assert geom.contains(Point(44.01, 36.19)) and not geom.contains(MOSUL)  # Erbil
    records, _ = load_layer("admin1")
    names = {r["name"] for r in records if "parts" in r}
    assert not names & {"Central", "Eastern", "Nord", "Est"}  # compass words name no single region


def test_us_counties():
    records, _ = load_layer("us_counties")
    assert 3_100 <= len(records) <= 3_300
    metcalfe, geom = _one("us_counties", fips="21169")
    assert metcalfe == {"country": "US", "fips": "21169", "name": "Metcalfe County", "state": "KY"}
    assert geom.contains(Point(-85.63, 36.99))
    orleans, _ = _one("us_counties", fips="22071")
    assert orleans["name"] == "Orleans Parish"
    assert _one("us_counties", fips="72127")[0]["country"] == "PR"  # San Juan, Puerto Rico


def test_land_basemap():
    _, geoms = load_layer("land")
    land = shapely.union_all(geoms)
    assert land.contains(Point(16.26, 30.92)) and not land.contains(GULF_OF_SIDRA_SEA)


def test_load_time_report(capsys):
    load_layer.cache_clear()
    timings = {}
    for layer in sorted(FIELDS):
        start = time.perf_counter()
        load_layer(layer)
        timings[layer] = round((time.perf_counter() - start) * 1000, 1)
    with capsys.disabled():
        print(f"\nlayer load times (ms): {timings}")


def test_world_regions():
    middle_east, geom = _one("regions", name="Middle East")
    assert {"EG", "IR", "IQ", "SY", "TR"} <= set(middle_east["members"])
    assert geom.contains(MOSUL) and geom.contains(RAQQA) and not geom.contains(SIRTE)
    north_africa, geom = _one("regions", name="Northern Africa")
    assert "North Africa" in north_africa["alt_names"] and geom.contains(SIRTE)
    _, geom = _one("regions", name="Eastern Europe")
    assert geom.contains(Point(37.6, 55.75)) and not geom.contains(
        Point(82.9, 55.0)
    )  # Moscow, not Novosibirsk
    _, geom = _one("regions", name="Western Europe")
    assert not geom.contains(Point(-53.0, 4.0))  # France, but not French Guiana
