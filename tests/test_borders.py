"""Borders and coasts as places, claims anchored on them, and the bands they give."""

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Point

from geokit.checks.land import claim_flags
from geokit.claims import extract_claims
from geokit.estimates import estimate_claims
from geokit.model import Document, Mention, Place
from geokit.places.borders import border_place, coast_place, land_border_place, neighbours

GEOD = Geod(ellps="WGS84")

SYRIA = Place("geonames:163843", "Syria", "country", 35.0, 38.0, country="SY")
LIBYA = Place("geonames:2215636", "Libya", "country", 28.0, 17.0, country="LY")


def test_a_border_is_where_two_countries_boundaries_meet():
    line = border_place("TR", "SY")
    assert line.id == "border:SY-TR" and line.kind == "border"
    assert line.geometry.distance(Point(36.67, 36.24)) < 0.02  # the Bab al-Hawa crossing
    assert shapely.get_coordinates(line.geometry)[:, 1].min() > 35.5  # all of it north of Aleppo
    assert border_place("LY", "JP") is None and border_place("LY", "LY") is None


def test_neighbours_land_borders_and_coasts():
    assert "TR" in neighbours("SY") and "JP" not in neighbours("SY")
    assert land_border_place("JP") is None  # an island country
    assert coast_place("CH") is None  # a land-locked one
    coast = coast_place("LY")
    assert coast.geometry.distance(Point(16.59, 31.21)) < 0.1  # Sirte is on the coast
    assert coast.geometry.distance(Point(25.0, 25.0)) > 5  # the Egyptian border is not coast


def claims(text, mentions=()):
    doc = Document("d", text)
    return extract_claims(
        doc, [Mention("d", text.index(n), text.index(n) + len(n), n, place=p) for n, p in mentions]
    )


@pytest.mark.parametrize(
    ("text", "mentions", "anchor_id", "relation"),
    [
        ("Forces in Syria advanced to within 15 kilometres of the Turkish border.", [("Syria", SYRIA)],
         "border:SY-TR", "distance"),
        ("The town lies 10 km from the Syria-Turkey border.", [], "border:SY-TR", "distance"),
        ("Refugees gathered near the border with Jordan, officials in Syria said.", [("Syria", SYRIA)],
         "border:JO-SY", "near"),
        ("A boat sank 60 nautical miles off the coast of Libya.", [("Libya", LIBYA)], "coast:LY", "distance"),
        ("A tanker was seized 20 miles off the Libyan coast.", [], "coast:LY", "distance"),
        ("Shells fell near the Turkish border.", [], "border:TR", "near"),  # no neighbour named
    ],
)  # fmt: skip
def test_claims_anchored_on_borders_and_coasts(text, mentions, anchor_id, relation):
    [c] = claims(text, mentions)
    assert c.anchor.id == anchor_id and c.relation == relation
    assert not c.anchor_text.endswith(".")


def test_a_border_nobody_names_is_no_anchor():
    assert claims("Fighting near the border continued.") == []


def test_distance_from_a_border_is_a_band_along_it():
    [c] = claims("The town lies 10 km from the Syria-Turkey border.")
    est = estimate_claims([c])[c.id]
    assert est.method == "line-band"
    line = c.anchor.geometry
    far_along = Point(42.0, 37.1)  # near the Tigris end of the border, 10 km off it
    assert est.region.distance(far_along) < 0.1
    assert not est.region.contains(Point(36.6, 36.2).buffer(0))  # on the border itself: 0 km, not 10
    assert line.distance(Point(est.lon, est.lat)) < 0.2


def test_off_the_coast_is_at_sea_and_not_flagged_for_it():
    [c] = claims("A boat sank 60 nautical miles off the coast of Libya.", [("Libya", LIBYA)])
    est = estimate_claims([c])[c.id]
    # north of Sirte the band (59.5-60.5 nm from the coast) is crossed at sea, about a degree out
    inside = [lat / 100 for lat in range(3050, 3350) if est.region.contains(Point(16.6, lat / 100))]
    assert inside and min(inside) > 31.9 and max(inside) < 32.5
    assert claim_flags(c, est) == []  # at sea, outside Libya: where it belongs


def test_near_a_river_is_a_band_along_the_river_not_a_disk_round_its_mouth():
    from geokit.places.gazetteer import get_gazetteer

    tigris = next(c.place for c in get_gazetteer().lookup("Tigris River") if c.place.kind == "river")
    text = "Troops camped on the banks of the Tigris River."
    [c] = claims(text, [("Tigris River", tigris)])
    est = estimate_claims([c])[c.id]
    assert est.method == "line-band"
    assert est.region.contains(Point(43.15, 36.34))  # at Mosul, by the river
    assert not est.region.contains(Point(44.4, 33.34 + 1.0))  # 110 km from the river


def test_an_offset_from_a_line_is_the_band_on_its_side():
    [c] = claims("The convoy was hit 40 km south of the Syria-Turkey border.")
    est = estimate_claims([c])[c.id]
    assert est.method == "line-band-side"
    from geokit.places.gazetteer import get_gazetteer

    turkey, syria = (get_gazetteer().lookup(n)[0].place.geometry for n in ("Turkey", "Syria"))
    assert est.region.intersection(turkey).area < 0.01 * est.region.area  # the north side is Turkey
    assert est.region.intersection(syria).area > 0.8 * est.region.area
    q = est.region.representative_point()
    near = c.anchor.geometry.interpolate(c.anchor.geometry.project(q))
    assert GEOD.inv(q.x, q.y, near.x, near.y)[2] == pytest.approx(40_000, abs=2_000)


def test_an_offset_from_a_river_follows_the_river_not_its_mouth():
    from geokit.places.gazetteer import get_gazetteer

    tigris = next(c.place for c in get_gazetteer().lookup("Tigris River") if c.place.kind == "river")
    text = "The camp is 10 km east of the Tigris River."
    [c] = claims(text, [("Tigris River", tigris)])
    est = estimate_claims([c])[c.id]
    near_mosul = tigris.geometry.interpolate(tigris.geometry.project(Point(43.13, 36.34)))
    assert est.region.distance(Point(near_mosul.x + 0.11, near_mosul.y)) < 0.03  # 10 km east at Mosul
    assert not est.region.contains(Point(near_mosul.x - 0.11, near_mosul.y))  # not 10 km west


def test_a_one_country_border_is_with_the_neighbour_the_text_is_about():
    somalia = Place("geonames:51537", "Somalia", "country", 6.0, 48.0, country="SO")
    dhobley = Place("geonames:1", "Dhobley", "village", 0.41, 41.01, country="SO")
    text = (
        "In Somalia, a strike hit fighters within 10 kilometres of the Kenyan border, "
        "near the town of Dhobley."
    )
    first, second = claims(text, [("Somalia", somalia), ("Dhobley", dhobley)])
    assert first.anchor.id == "border:KE-SO"
    assert second.target == first.target == "fighters"  # not "border", the anchor just before


def test_a_side_of_a_river_without_a_context_place_follows_the_whole_river():
    from geokit.places.gazetteer import get_gazetteer

    tigris = next(c.place for c in get_gazetteer().lookup("Tigris River") if c.place.kind == "river")
    [c] = claims("Troops massed west of the Tigris River.", [("Tigris River", tigris)])
    est = estimate_claims([c])[c.id]
    assert c.relation == "side" and est.method == "line-band-side"
    at_mosul = tigris.geometry.interpolate(tigris.geometry.project(Point(43.13, 36.34)))
    assert est.region.contains(Point(at_mosul.x - 0.2, at_mosul.y))  # 18 km west, at Mosul
    assert not est.region.contains(Point(at_mosul.x + 0.2, at_mosul.y))
    assert tigris.geometry.distance(Point(est.lon, est.lat)) < 0.2  # half-way along, not the mouth
    assert Point(est.lon, est.lat).distance(Point(tigris.lon, tigris.lat)) > 3


def test_into_a_country_is_a_band_inside_it_from_the_border_with_the_neighbour():
    from geokit.places.gazetteer import get_gazetteer

    syria = get_gazetteer().country("SY")
    [c] = claims("Turkish troops pushed 30 km into Syria on Sunday.", [("Syria", syria)])
    assert c.relation == "inside" and c.anchor.country == "SY" and c.anchor2.id == "border:SY-TR"
    est = estimate_claims([c])[c.id]
    assert est.method == "inside-band"
    assert est.region.difference(syria.geometry).area < 1e-6  # all of it in Syria
    q = est.region.representative_point()
    near = c.anchor2.geometry.interpolate(c.anchor2.geometry.project(q))
    assert GEOD.inv(q.x, q.y, near.x, near.y)[2] == pytest.approx(30_000, abs=2_500)


def test_into_something_that_is_not_a_country_is_no_claim():
    assert claims("The caravan went 10 km into the desert.") == []


def test_the_coast_of_a_land_locked_country_is_flagged_not_guessed():
    swiss = Place("geonames:2658434", "Switzerland", "country", 47.0, 8.0, country="CH")
    [c] = claims("A ship sank 40 km off the coast of Switzerland.", [("Switzerland", swiss)])
    assert c.anchor is None and "Switzerland has no coast" in c.flags
    assert c.id not in estimate_claims([c])


def test_near_a_border_reaches_as_far_as_news_means_on_the_target_places_side():
    from geokit.pipeline import parse_documents

    text = "Rzeszow, near the Ukrainian border, has become a hub for aid."
    [result] = parse_documents([Document("d", text)])
    [c] = result.claims
    assert c.anchor.id == "border:PL-UA" and c.target_place is not None and c.target_place.country == "PL"
    est = estimate_claims([c])[c.id]
    from geokit.places.gazetteer import get_gazetteer

    poland, ukraine = (get_gazetteer().country(code).geometry for code in ("PL", "UA"))
    assert est.region.contains(Point(c.target_place.lon, c.target_place.lat))  # 71 km from the border
    assert est.region.intersection(ukraine).area < 0.01 * est.region.area  # Poland's side only
    assert est.region.intersection(poland).area > 0.95 * est.region.area
    assert claim_flags(c, est) == []


def test_a_border_of_two_countries_belongs_to_neither():
    # its side is the target's, not the first country in the alphabet: no "outside Poland" flag
    [c] = claims("A village six kilometres from the Poland-Ukraine border was hit.")
    assert c.anchor.country is None
    est = estimate_claims([c])[c.id]
    assert claim_flags(c, est) == []


@pytest.mark.parametrize(
    "text",
    [
        "The camp is 10 km east of the Tigris River in Mosul.",
        "The camp is 10 km east of the Tigris River, near Mosul.",
    ],
)
def test_a_place_named_beside_a_river_picks_the_stretch_near_it(text):
    from geokit.places.gazetteer import get_gazetteer

    tigris = next(c.place for c in get_gazetteer().lookup("Tigris River") if c.place.kind == "river")
    mosul = Place("geonames:99072", "Mosul", "city", 36.335, 43.119, country="IQ", extent_m=15_000)
    [c] = [c for c in claims(text, [("Tigris River", tigris), ("Mosul", mosul)]) if c.relation == "offset"]
    assert c.anchor is tigris and c.anchor2 is mosul
    est = estimate_claims([c])[c.id]
    assert GEOD.inv(est.lon, est.lat, mosul.lon, mosul.lat)[2] < 30_000  # at Mosul, not half-way down
    assert est.radius_m < 100_000  # the stretch, not the whole river (600 km)
    at_mosul = tigris.geometry.interpolate(tigris.geometry.project(Point(43.13, 36.34)))
    assert est.region.distance(Point(at_mosul.x + 0.11, at_mosul.y)) < 0.03  # 10 km east at Mosul


def test_a_side_of_a_river_in_a_named_city_is_that_side_within_the_city():
    from geokit.places.gazetteer import get_gazetteer

    tigris = next(c.place for c in get_gazetteer().lookup("Tigris River") if c.place.kind == "river")
    mosul = Place("geonames:99072", "Mosul", "city", 36.335, 43.119, country="IQ", extent_m=15_000)
    text = "Troops advanced east of the Tigris in Mosul."
    [c] = claims(text, [("Tigris", tigris), ("Mosul", mosul)])
    assert c.relation == "side" and c.anchor2 is mosul
    est = estimate_claims([c])[c.id]
    assert est.radius_m < 40_000 and est.lon > 43.13
