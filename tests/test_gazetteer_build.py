"""The gazetteer build: one adapter module per source, word lists as data, English region names.

The tests of places' names read the built gazetteer (the ``gaz`` fixture); the others the source
modules and the data files themselves.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest
from shapely import box

from geokit.model import Document
from geokit.places import build
from geokit.places.resolve import resolve_document
from geokit.places.sources import admin1, admin1_english, airports, countries
from geokit.places.sources.common import Record, words
from geokit.places.sources.geonames_places import is_fragment

# ---------------------------------------------------------------- the split: modules and data


@pytest.mark.parametrize("source", build.SOURCES, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_each_source_is_one_module_naming_its_data_and_licence(source) -> None:
    assert callable(source.records)
    doc = source.__doc__ or ""
    assert doc.startswith("Source adapter:")
    assert "Data:" in doc
    assert any(word in doc for word in ("public domain", "CC BY", "MIT", "LGPL"))


def test_names_other_modules_import_from_build_still_work() -> None:
    from geokit.places.build import (  # noqa: F401 - the import is the test
        AIRBASE_WORDS,
        FORMAT_VERSION,
        KINDS,
        LAYER_CODES,
        NAME_ABBREVIATION,
        NAME_PRIMARY,
        _area_centroid,
        _countryinfo,
        _geonames_data_dir,
        build_gazetteer,
        city_extent_m,
    )

    assert (_geonames_data_dir() / "cities500.json").exists()
    assert _countryinfo()["LY"]["demonym"] == "Libyan"


def test_every_word_list_is_described_beside_it() -> None:
    raw = json.loads(resources.files("geokit").joinpath("_data", "gazetteer_words.json").read_text("utf-8"))
    lists = [k for k in raw if not k.startswith("_")]
    assert lists == list(words())
    assert [k for k in lists if f"_{k}" not in raw] == []


def test_word_lists_drive_the_rules() -> None:
    assert airports.AIRBASE_WORDS.search("Whiteman Afb Airport")
    assert airports.AIRBASE_WORDS.search("Bagram Air Base")
    assert not airports.AIRBASE_WORDS.search("London Heathrow Airport")
    assert airports.airfield_variants("RAF Lakenheath", True)[0] == "Lakenheath"
    assert countries.COUNTRY_SHORT_NAMES["MM"] == ["Burma"]


def test_an_abbreviation_is_whole_not_split_into_words() -> None:
    # "YT Yukon Territory" was split on spaces, so "Territory" alone named Yukon
    table = admin1.REGION_ABBREVIATIONS
    assert table["CA"]["Yukon"] == ["YT", "Yukon Territory"]
    assert all(" " not in a or a == "Yukon Territory" for t in table.values() for v in t.values() for a in v)


def test_short_region_names_drop_only_generic_words() -> None:
    region = Record("r", "Mykolayiv", "admin1", 47.0, 32.0, "UA", layer=2, row=0, names=["Mykolaiv Oblast"])
    free_state = Record(
        "f", "Free State", "admin1", -28.5, 26.8, "ZA", layer=2, row=1, names=["Orange Free State"]
    )
    admin1.add_short_region_names([region, free_state], [box(30, 46, 34, 48), box(24, -30, 30, -26)])
    assert region.derived == ["Mykolaiv"]
    assert free_state.derived == []  # "state" is no generic word here: "Orange Free" is nothing


# ---------------------------------------------------------------- English names of regions


def _italy(towns_per_code: dict[str, list[tuple[float, float]]], population: int = 800):
    """Toscana dissolved from two provinces (Firenze, Pisa), and towns with GeoNames codes."""
    layer = ([{"parts": 2}, {}, {}], [box(0, 0, 2, 1), box(0, 0, 1, 1), box(1, 0, 2, 1)])
    regions = [
        Record(f"r{i}", n, "admin1", 0.5, 0.5, "IT", layer=2, row=i)
        for i, n in enumerate(["Toscana", "Firenze", "Pisa"])
    ]
    towns = [
        Record(f"t{code}{i}", f"T{code}{i}", "village", lat, lon, "IT", population, admin1=code)
        for code, points in towns_per_code.items()
        for i, (lon, lat) in enumerate(points)
    ]
    return regions, towns, layer


def test_a_region_takes_the_english_name_of_the_places_it_holds() -> None:
    regions, towns, layer = _italy({"16": [(0.2, 0.5), (0.7, 0.5), (1.2, 0.5), (1.7, 0.5)]})
    admin1_english.add_english_region_names(regions + towns, layer, {"IT": {"16": "Tuscany"}})
    assert [r.names for r in regions] == [["Tuscany"], [], []]  # the region, not its provinces


def test_a_province_holding_one_region_alone_takes_its_name() -> None:
    # towns of code 16 only in Firenze, of code 17 only in Pisa: each province is a region
    regions, towns, layer = _italy({"16": [(0.2, 0.5), (0.7, 0.5)], "17": [(1.2, 0.5), (1.7, 0.5)]})
    admin1_english.add_english_region_names(
        regions + towns, layer, {"IT": {"16": "Florentia", "17": "Pisae"}}
    )
    assert [r.names for r in regions] == [[], ["Florentia"], ["Pisae"]]


def test_a_region_holding_places_of_several_codes_takes_no_name() -> None:
    regions, towns, layer = _italy(
        {"16": [(0.2, 0.5), (0.7, 0.5), (1.2, 0.5)], "17": [(1.7, 0.5), (1.8, 0.5)]}
    )
    admin1_english.add_english_region_names(
        regions + towns, layer, {"IT": {"16": "Tuscany", "17": "Elsewhere"}}
    )
    assert regions[0].names == []  # 3 of its 5 places are Tuscany's: it is neither region


def test_a_city_keeps_its_name_to_itself() -> None:
    regions, towns, layer = _italy({"16": [(0.2, 0.5), (0.7, 0.5), (1.2, 0.5), (1.7, 0.5)]})
    city = Record("c", "Tuscany", "city", 0.5, 1.5, "IT", 120_000, admin1="16")
    admin1_english.add_english_region_names(regions + towns + [city], layer, {"IT": {"16": "Tuscany"}})
    assert regions[0].names == []


def test_the_committed_table_has_english_names_for_every_country() -> None:
    table = admin1_english.english_region_names()
    assert table["IT"]["16"] == "Tuscany" and table["IT"]["15"] == "Sicily"
    assert table["FR"]["28"] == "Normandy"
    assert len(table) > 200


def test_a_generic_word_of_another_language_is_put_in_english() -> None:
    assert admin1.translated_region_name("Iqlīm Kūrdistān") == "Kūrdistān Region"
    assert admin1.translated_region_name("Wilaya d' Alger") == "Alger Province"
    assert admin1.translated_region_name("Provincia") is None
    assert admin1.translated_region_name("Toscana") is None


def test_an_alternate_name_spelling_a_fragment_of_the_name_is_no_name() -> None:
    assert is_fragment("Sahara", "Shahārat al Ghīs")
    assert not is_fragment("Mexico", "Mexico City")  # a word of the name itself is a short form
    assert not is_fragment("Saigon", "Ho Chi Minh City")
    assert not is_fragment("Rostov Don", "Rostov-on-Don")


# ---------------------------------------------------------------- in the built gazetteer


def _top(gaz, name: str, **kw) -> str:
    return gaz.candidates(name, **kw)[0].place.id


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Lombardy", "iso3166-2:IT-25"),
        ("Tuscany", "iso3166-2:IT-52"),
        ("Apulia", "iso3166-2:IT-75"),
        ("Normandy", "iso3166-2:FR-NOR"),
        ("Brittany", "iso3166-2:FR-BRE"),
        ("Kurdistan Region", "iso3166-2:IQ-KR"),
        ("Nineveh", "ne-admin1:IQ:ninawa"),
    ],
)
def test_regions_are_found_by_their_english_names(gaz, name: str, place_id: str) -> None:
    assert _top(gaz, name) == place_id


def test_gilgit_baltistan_is_pakistans_northern_areas(gaz) -> None:
    place = gaz.candidates("Gilgit-Baltistan")[0].place
    assert (place.kind, place.country, place.name) == ("admin1", "PK", "Northern Areas")


def test_sicily_is_also_the_region(gaz) -> None:
    found = {c.place.id for c in gaz.candidates("Sicily")}
    assert "iso3166-2:IT-82" in found  # beside the island of the same name
    assert _top(gaz, "Sicily", kinds=("admin1",)) == "iso3166-2:IT-82"


def test_regions_english_names_in_text(gaz) -> None:
    text = "Floods hit Lombardy and Tuscany on Sunday; in Normandy the rivers rose too."
    found = {m.text: m.place.id for m in resolve_document(Document("d", text), gaz) if m.place}
    assert found["Lombardy"] == "iso3166-2:IT-25"
    assert found["Tuscany"] == "iso3166-2:IT-52"
    assert found["Normandy"] == "iso3166-2:FR-NOR"


def test_territory_alone_is_no_abbreviation_of_yukon(gaz) -> None:
    assert all(c.place.name != "Yukon" for c in gaz.candidates("Territory"))
    assert _top(gaz, "Yukon Territory") == _top(gaz, "Yukon", kinds=("admin1",))


def test_sahara_is_not_a_yemeni_village(gaz) -> None:
    assert all(c.place.id != "geonames:70910" for c in gaz.candidates("Sahara"))


def test_a_fragment_alternate_naming_no_other_place_stays_a_name(gaz) -> None:
    # "Nabatieh" spells a word of "Nabatîyé et Tahta" otherwise, and no other place is Nabatieh.
    assert any(c.place.country == "LB" for c in gaz.candidates("Nabatieh"))
