"""The offline gazetteer puts the seed places in the right place and ranks names sensibly."""

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Point

from geokit.errors import InputError, PlaceNotFoundError

GEOD = Geod(ellps="WGS84")


def km(place, lat, lon):
    return GEOD.inv(place.lon, place.lat, lon, lat)[2] / 1000


@pytest.mark.parametrize(
    ("query", "country", "lat", "lon", "tol_km"),
    [
        ("Sirte", "LY", 31.2089, 16.5887, 15),
        ("Mosul", "IQ", 36.335, 43.119, 15),
        ("Raqqa", "SY", 35.953, 39.008, 15),
        ("Raqqah", "SY", 35.953, 39.008, 15),
        ("Ar-Raqqah", "SY", 35.953, 39.008, 15),
        ("الرقة", "SY", 35.953, 39.008, 15),
        ("Whiteman Air Force Base, Missouri", "US", 38.730, -93.548, 10),
        ("Whiteman AFB", "US", 38.730, -93.548, 10),
        ("Paris", "FR", 48.857, 2.352, 20),
    ],
)
def test_seed_places_resolve(gaz, query, country, lat, lon, tol_km):
    best = gaz.lookup(query)[0].place
    assert best.country == country
    assert km(best, lat, lon) < tol_km


def test_raqqa_spellings_share_one_id(gaz):
    ids = {
        gaz.lookup(q, kinds=("city",))[0].place.id for q in ("Raqqa", "Raqqah", "Ar-Raqqah", "الرقة", "RAQQA")
    }
    assert ids == {"geonames:172955"}


@pytest.mark.parametrize(
    ("query", "iso", "inside"),
    [("Libya", "LY", (16.59, 31.21)), ("Iraq", "IQ", (43.12, 36.33)), ("Syria", "SY", (39.01, 35.95))],
)
def test_countries_have_polygons(gaz, query, iso, inside):
    p = gaz.lookup(query)[0].place
    assert p.kind == "country" and p.country == iso
    assert p.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert p.geometry.contains(Point(*inside))
    assert 300_000 < p.extent_m < 2_000_000


def test_tigris_is_a_line_through_iraq(gaz):
    p = gaz.lookup("Tigris River")[0].place
    assert p.kind == "river"
    assert p.geometry.geom_type in ("LineString", "MultiLineString")
    iraq = gaz.lookup("Iraq")[0].place.geometry
    assert p.geometry.intersects(iraq)
    assert gaz.lookup("the Tigris")[0].place.id == p.id


@pytest.mark.parametrize(
    ("river", "lat", "lon"),
    [
        ("Tigris River", 31.00, 47.44),  # Al-Qurna, where it meets the Euphrates
        ("Missouri River", 38.81, -90.12),  # joins the Mississippi (which goes on), not its sources
        ("Jordan River", 31.33, 35.42),  # ends in the Dead Sea, a lake
        ("Volga River", 45.9, 48.2),  # its delta on the Caspian, not the Rybinsk reservoir
        ("Cauvery", 11.0, 79.8),  # the Bay of Bengal
    ],
)
def test_rivers_sit_at_their_mouth(gaz, river, lat, lon):
    p = next(c.place for c in gaz.lookup(river) if c.place.kind == "river")
    assert km(p, lat, lon) < 60
    # the extent still reaches the farthest part of the river (its source)
    farthest = max(km(p, y, x) for x, y in shapely.get_coordinates(p.geometry))
    assert p.extent_m / 1000 == pytest.approx(farthest, rel=1e-3)


def test_country_point_lies_between_the_two_conventional_centres(gaz):
    us = gaz.lookup("United States")[0].place
    assert km(us, 38.0, -97.0) < 161  # the CIA World Factbook's centre
    assert km(us, 39.76, -98.5) < 161  # GeoNames: the centre of the contiguous states
    libya = gaz.lookup("Libya")[0].place
    assert libya.geometry.contains(Point(libya.lon, libya.lat))


@pytest.mark.parametrize("name", ["Europe", "Africa"])
def test_continents(gaz, name):
    p = gaz.lookup(name)[0].place
    assert p.kind == "continent" and p.extent_m > 2_000_000


def test_extents_follow_kind(gaz):
    base = gaz.lookup("Whiteman Air Force Base")[0].place
    city = gaz.lookup("Mosul")[0].place
    country = gaz.lookup("Iraq")[0].place
    assert base.extent_m < city.extent_m < country.extent_m


def test_ambiguous_names_rank_by_prior_and_honour_country(gaz):
    assert gaz.lookup("Paris")[0].place.country == "FR"
    us = gaz.lookup("Paris", country="US")
    assert us and all(c.place.country == "US" for c in us)
    assert km(us[0].place, 33.661, -95.556) < 20  # Paris, Texas: the largest US Paris


def test_qualified_names_prefer_the_place_inside_the_qualifier(gaz):
    best = gaz.lookup("Paris, Texas")[0]
    assert best.place.country == "US" and "inside Texas" in best.reason


def test_candidates_carry_score_and_reason(gaz):
    for c in gaz.lookup("Paris"):
        assert 0 < c.score <= 1.5 and c.reason


def test_abbreviations_and_case(gaz):
    assert gaz.lookup("U.S.")[0].place.country == "US"
    assert gaz.lookup("sIrTe")[0].place.id == "geonames:2210554"


def test_fuzzy_fallback(gaz):
    best = gaz.lookup("Sirtte")[0]
    assert best.place.id == "geonames:2210554" and "fuzzy" in best.reason
    assert gaz.lookup("Sirtte", fuzzy=False) == []


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Benghazy", "Benghazi"),
        ("Aleppoo", "Aleppo"),
        ("Los Angelos", "Los Angeles"),
        ("Damascos", "Damascus"),
    ],
)
def test_a_misspelling_is_guessed_and_says_so(gaz, query, name):
    best = gaz.lookup(query)[0]
    assert best.place.name == name and best.match == "approximate"


@pytest.mark.parametrize("query", ["Golan Heights", "Mount Sinjar", "Al-Tanf", "Saint Lander"])
def test_a_name_whose_distinctive_word_differs_gets_no_spelling_guess(gaz, query):
    # Rowland Heights, Mount Sinai, Al Taif, Santander: only the generic word is alike
    assert not any(c.reason.startswith("fuzzy") for c in gaz.lookup(query))


@pytest.mark.parametrize(
    ("query", "name", "guess"),
    [
        ("golan heigths", "golan heights", True),  # a typo in the generic word
        ("golan heights", "rowland heights", False),
        ("mount sinjar", "mount sinai", False),
        ("al tanf", "al taif", False),  # four distinctive letters: no edit
        ("new yrok", "new york", False),
        ("sauk villaeg", "sauk village", True),
        ("grand islnd", "grand island", True),  # generic words only: all distinctive
        ("lake saton", "lake station", True),  # no distinctive word: the whole name
    ],
)
def test_spelling_guesses_rest_on_the_distinctive_words(query, name, guess):
    from geokit.places.gazetteer import is_spelling_guess

    assert is_spelling_guess(query, name) is guess


@pytest.mark.parametrize(("query", "iso"), [("US", "US"), ("UK", "GB"), ("Kan.", "US")])
def test_a_short_name_in_capitals_or_with_a_dot_is_only_what_it_abbreviates(gaz, query, iso):
    # not the village Us in France, nor Uk in Russia, nor Ganzhou ("Kan")
    assert {c.place.country for c in gaz.lookup(query)} == {iso}


def test_a_short_name_in_capitals_that_abbreviates_nothing_keeps_its_places(gaz):
    assert gaz.lookup("ROME")[0].place.name == "Rome"
    assert "FR" in {c.place.country for c in gaz.lookup("Us")}  # written as a name: the village too


def test_generic_name_words_are_data():
    from geokit.places.gazetteer import generic_name_words

    words = generic_name_words()
    assert {"heights", "mount", "lake", "river", "al", "san"} <= words
    assert all(w == w.lower() and " " not in w for w in words)


@pytest.mark.parametrize("bad", ["", "   ", "\x01\x02", "Sirte " * 1700])
def test_bad_queries_are_clear_errors(gaz, bad):
    with pytest.raises(InputError):
        gaz.lookup(bad)


def test_control_characters_are_ignored(gaz):
    assert gaz.lookup("Sir\x01te\x7f")[0].place.id == "geonames:2210554"


def test_unknown_place_gives_nothing(gaz):
    assert gaz.lookup("Xqzwvplace") == []


def test_get_by_id(gaz):
    assert gaz.get("geonames:2210554").name == "Sirte"
    assert gaz.get("icao:KSZL").kind == "airbase"
    with pytest.raises(PlaceNotFoundError):
        gaz.get("geonames:0")


def test_size(gaz):
    assert len(gaz) >= 200_000


def test_us_counties_by_full_name(gaz):
    best = gaz.lookup("Metcalfe County")[0].place
    assert best.kind == "admin2" and best.admin1 == "KY" and km(best, 36.99, -85.63) < 15
    assert best.geometry is not None and best.geometry.contains(Point(-85.63, 36.99))
    assert gaz.lookup("Orange County, California")[0].place.admin1 == "CA"
    assert gaz.lookup("Metcalfe")[0].place.kind != "admin2"  # the bare name stays the town's


def test_subdivisions_above_natural_earths_admin1(gaz):
    england = gaz.lookup("England")[0].place
    assert england.kind == "admin1" and england.id == "iso3166-2:GB-ENG"
    assert england.geometry.contains(Point(-1.9, 52.48))  # Birmingham
    assert gaz.lookup("Scotland")[0].place.country == "GB"


@pytest.mark.parametrize(
    ("query", "code", "inside"),
    [
        ("Andalusia", "ES-AN", (-5.98, 37.39)),  # Seville
        ("Catalonia", "ES-CT", (2.17, 41.39)),  # Barcelona; completed by the WOE region of its units
        ("Basque Country", "ES-PV", (-2.93, 43.26)),  # Bilbao
        ("Toscana", "IT-52", (11.25, 43.77)),  # Florence
    ],
)
def test_regions_dissolved_from_finer_units(gaz, query, code, inside):
    best = gaz.lookup(query)[0].place
    assert best.kind == "admin1" and best.id == f"iso3166-2:{code}"
    assert best.geometry.contains(Point(*inside))


def test_a_region_name_is_no_longer_its_provinces(gaz):
    # "Andalusia" named each of its eight provinces before the region was built
    assert all(
        c.place.id.startswith("iso3166-2:") for c in gaz.lookup("Andalusia") if c.place.kind == "admin1"
    )


def test_region_points_are_area_weighted_centres(gaz):
    # Hawaii's centre lies among the islands (GeoNames: 20.75 N 156.50 W), not on the largest one.
    hawaii = next(c.place for c in gaz.lookup("Hawaii") if c.place.kind == "admin1")
    assert km(hawaii, 20.75, -156.50) < 100


@pytest.mark.parametrize(
    ("name", "member"),
    [("North Africa", "LY"), ("Middle East", "IQ"), ("Southeast Asia", "VN"), ("Latin America", "MX")],
)
def test_world_regions(gaz, name, member):
    best = gaz.lookup(name)[0].place
    assert best.kind == "region" and member in best.admin1.split(",")


def test_oceans_whole_and_by_short_name(gaz):
    atlantic = gaz.lookup("Atlantic")[0].place
    assert atlantic.kind == "ocean" and atlantic.name == "Atlantic Ocean"
    assert -15 < atlantic.lat < 15  # the whole ocean's centre, not the North Atlantic's
    assert gaz.lookup("Indian Ocean")[0].place.kind == "ocean"
    assert all(c.place.kind != "ocean" for c in gaz.lookup("Indian"))  # a demonym, not an ocean


@pytest.mark.parametrize(
    ("word", "kind", "name"),
    [
        ("African", "continent", "Africa"),  # not South Africa
        ("European", "continent", "Europe"),
        ("Latin American", "region", "Latin America and the Caribbean"),
        ("Middle Eastern", "region", "Middle East"),
        ("Southeast Asian", "region", "South-eastern Asia"),
        ("Korean", "country", "South Korea"),  # the more populous of the two Koreas
        ("Sudanese", "country", "Sudan"),  # not South Sudan
    ],
)
def test_demonyms_of_areas_and_compass_free_demonyms(gaz, word, kind, name):
    best = gaz.lookup(word)[0]
    assert best.place.kind == kind
    assert best.place.name == name
    assert "demonym of" in best.reason


def test_the_european_union_sits_at_its_published_centre(gaz):
    eu = next(c.place for c in gaz.lookup("European Union") if c.place.id == "geonames:6695072")
    assert km(eu, 49.843, 9.902) < 1  # Gadheim, IGN France 2020
    assert eu.extent_m > 2_000_000  # from there to the farthest member (Cyprus, Finland's north)


@pytest.mark.parametrize(
    ("query", "iso"),
    [
        ("Bagram Airfield", "AF"),
        ("Bagram", "AF"),
        ("Incirlik", "TR"),
        ("Al Udeid", "QA"),
        ("Incirlik Airbase", "TR"),
    ],
)
def test_air_bases_by_the_names_news_uses(gaz, query, iso):
    best = gaz.lookup(query)[0]
    assert best.place.kind == "airbase" and best.place.country == iso
    assert "fuzzy" not in best.reason


def test_a_name_written_as_a_base_is_the_base_not_the_census_place(gaz):
    best = gaz.lookup("Whiteman Air Force Base, Missouri")[0]
    assert best.place.kind == "airbase" and "named as a base" in best.reason


@pytest.mark.parametrize(
    ("name", "country"),
    [("Burma", "MM"), ("Swaziland", "SZ"), ("Cape Verde", "CV"), ("Bosnia", "BA"), ("Vatican City", "VA")],
)
def test_a_country_is_found_by_its_former_and_short_names(gaz, name, country):
    from geokit.model import Document
    from geokit.places.resolve import resolve_document

    (m,) = resolve_document(Document("d", f"Elections were held in {name} on Sunday."), gaz)
    best = m.place
    assert (best.kind, best.country) == ("country", country)


@pytest.mark.parametrize(
    ("query", "kind", "name"),
    [
        ("eastern Mosul", "city", "Mosul"),  # the place a part belongs to
        ("Idlib province", "admin1", "Idlib"),  # after a region word, the region
        ("Odesa Oblast", "admin1", "Odessa"),
    ],
)
def test_a_name_built_on_a_known_name_geocodes_to_it(gaz, query, kind, name):
    best = gaz.lookup(query)[0]
    assert (best.place.kind, best.place.name) == (kind, name) and "approximate" in best.reason


@pytest.mark.parametrize("name", ["Lombardy", "Burma"])
def test_a_small_settlement_does_not_match_by_a_region_s_or_country_s_name_it_once_bore(gaz, name):
    # "Lombardy" is an old name of Dearing, Georgia (547 people): only the region answers to it
    found = gaz.candidates(name, fuzzy=False, limit=50)
    assert found and found[0].place.kind in ("admin1", "country")
    assert not [
        c
        for c in found
        if c.reason.startswith("alternate name")
        and c.place.kind in ("village", "town", "city")
        and (c.place.population or 0) < 5000
    ]


def test_a_city_keeps_a_country_s_name_it_bears_as_another_name(gaz):
    found = gaz.candidates("Kuwait", fuzzy=False, limit=10)
    assert "Kuwait City" in [c.place.name for c in found]
