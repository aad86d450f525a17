"""Relative statements as real reports write them (issue 22), read with the offline gazetteer.

Descriptors before the anchor, trailing place phrases, coasts of towns, distances in other shapes
(drives, travel times, stray spaces), crossings of a border, appositive and lead-phrase inverses,
bearings joined by "and", borders named by a side, and between-phrases that name parties, not
places. The sentences are not those of ``benchmarks/claims_forms.jsonl``.
"""

from __future__ import annotations

import pytest
from helpers import read_claims as claims

from geokit.model import Claim
from geokit.places.resolve import Resolver


def one(resolver: Resolver, text: str) -> Claim:
    found = [c for c in claims(resolver, text) if c.relation != "part"]
    assert len(found) == 1, [(c.relation, c.text) for c in found]
    return found[0]


# --- the anchor after a descriptor, before a trailing place phrase -----------------------------
@pytest.mark.parametrize(
    "text, anchor, country, target",
    [
        ("Gunmen raided a camp 25 km east of the town of Menaka.", "Ménaka", "ML", "camp"),
        ("The barge sank 10 km south of the Syrian port city of Latakia.", "Latakia", "SY", "barge"),
        ("Shells fell 5 km north of the provincial capital Kandahar.", "Kandahār", "AF", "shells"),
        ("The convoy was attacked 40 km west of Juba on the White Nile.", "Juba", "SS", "convoy"),
    ],
)
def test_descriptor_and_trailing_phrase(
    resolver: Resolver, text: str, anchor: str, country: str, target: str
) -> None:
    c = one(resolver, text)
    assert c.anchor is not None and (c.anchor.name, c.anchor.country) == (anchor, country)
    assert c.target == target and c.distance is not None and c.direction is not None


def test_heart_of_a_city_is_its_centre(resolver: Resolver) -> None:
    [c] = claims(resolver, "Shells hit a school in the heart of Aleppo.")
    assert (c.relation, c.target, c.anchor.name, c.direction) == ("part", "central Aleppo", "Aleppo", None)


def test_entrance_to_a_port(resolver: Resolver) -> None:
    c = one(resolver, "The trawler sank near the entrance to Benghazi port.")
    assert (c.relation, c.target, c.anchor.name) == ("near", "trawler", "Benghazi")


# --- at sea off a town or an island --------------------------------------------------------------
@pytest.mark.parametrize(
    "text, anchor",
    [
        ("The tanker was struck 20 nautical miles off the coast of the Yemeni city of Mukalla.", "Mukalla"),
        ("The ferry sank 15 km off the Turkish port of Bodrum.", "Bodrum"),
        ("A trawler sank 12 nautical miles off Mukalla.", "Mukalla"),
    ],
)
def test_offshore_of_a_town(resolver: Resolver, text: str, anchor: str) -> None:
    c = one(resolver, text)
    assert (c.relation, c.anchor.name) == ("offshore", anchor)


def test_offshore_of_an_island_region(resolver: Resolver) -> None:
    found = claims(resolver, "The quake struck 40 km off the coast of Crete, near the island of Gavdos.")
    c = found[0]
    assert c.relation == "offshore" and c.anchor.kind in ("island", "admin1")  # the island, or its region
    assert 34.8 < c.anchor.lat < 35.7 and 23.5 < c.anchor.lon < 26.4
    assert [(c.relation, c.anchor_text) for c in found[1:]] == [("near", "Gavdos")]  # not Crete


# --- distances in other shapes -------------------------------------------------------------------
def test_a_drive_is_a_distance_along_a_route(resolver: Resolver) -> None:
    c = one(resolver, "The lodge is a 30-mile drive from Boise.")
    assert (c.relation, c.target, c.anchor.name, c.distance.value, c.distance.unit) == (
        "distance",
        "lodge",
        "Boise",
        30.0,
        "mi",
    )
    assert c.flags == ["distance along a route (a drive)"]


@pytest.mark.parametrize(
    "text, anchor",
    [
        ("The farm is a 45-minute drive from Denver.", "Denver"),
        ("The monastery lies a three-hour walk from Lhasa.", "Lhasa"),
    ],
)
def test_a_travel_time_is_no_distance(resolver: Resolver, text: str, anchor: str) -> None:
    c = one(resolver, text)
    assert (c.relation, c.anchor.name, c.distance) == ("near", anchor, None)
    assert "travel time, not a distance" in c.flags


def test_stray_space_after_thousands_separator(resolver: Resolver) -> None:
    c = one(resolver, "The blaze was 2, 400 km from Sydney.")
    assert c.distance.value == 2400.0 and c.distance.metres == 2_400_000.0


def test_stray_space_in_a_hyphenated_direction(resolver: Resolver) -> None:
    c = one(resolver, "The storm was 60 kilometres (37 miles) south- southwest of Kingston.")
    assert (c.direction.azimuth, c.direction.half_angle, c.distance.value) == (202.5, 11.25, 60.0)
    assert c.distance_alt is not None and c.distance_alt.value == 37.0


def test_distance_in_quotes(resolver: Resolver) -> None:
    c = one(resolver, 'The skiff was "three nautical miles" off Mukalla, officials said.')
    assert (c.target, c.distance.value, c.distance.unit, c.relation) == ("skiff", 3.0, "nm", "offshore")


def test_short_of(resolver: Resolver) -> None:
    c = one(resolver, "The plane came down 3 km short of Goma.")
    assert (c.relation, c.target, c.anchor.name, c.distance.value) == ("distance", "plane", "Goma", 3.0)


# --- crossing a border; between ------------------------------------------------------------------
def test_across_the_border_from(resolver: Resolver) -> None:
    c = one(resolver, "Mortars landed 3 km across the border from Jarabulus.")
    assert (c.relation, c.anchor.country, c.distance.value) == ("distance", "SY", 3.0)
    c = one(resolver, "The refugee camp is just across the border from Kilis.")
    assert (c.relation, c.target, c.anchor.name) == ("near", "refugee camp", "Kilis")


@pytest.mark.parametrize(
    "text",
    [
        "The talks between Washington and Beijing resumed.",
        "Trade between India and Pakistan collapsed last year.",
        "Direct flights between Cairo and Doha restarted.",
    ],
)
def test_between_parties_is_no_claim(resolver: Resolver, text: str) -> None:
    assert claims(resolver, text) == []


def test_between_with_appositives(resolver: Resolver) -> None:
    c = one(
        resolver, "Traffic was blocked on the highway between Homs, the third city, and Hama, to the north."
    )
    assert (c.relation, c.target, c.anchor.name, c.anchor2.country) == ("between", "highway", "Homs", "SY")
    assert c.anchor2_text == "Hama"


def test_between_a_city_not_its_province(resolver: Resolver) -> None:
    c = one(resolver, "The dam lies midway between Kherson and Nova Kakhovka.")
    assert c.anchor.kind in ("city", "town")


# --- inverse statements set off by commas ---------------------------------------------------------
def test_appositive_inverse_with_distance(resolver: Resolver) -> None:
    c = one(resolver, "Hilo, a city of 45,000 people about 30 miles northeast of the vent, was spared.")
    assert (c.target, c.anchor.name, c.distance.value, c.direction.azimuth, c.inverse) == (
        "vent",
        "Hilo",
        30.0,
        45.0,
        True,
    )


def test_lead_phrase_inverse_direction_only(resolver: Resolver) -> None:
    c = one(resolver, "In Hilo, north of the vent, ash fell on cars.")
    assert (c.relation, c.target, c.anchor.name, c.direction.azimuth, c.inverse) == (
        "direction",
        "vent",
        "Hilo",
        0.0,
        True,
    )


def test_named_anchor_after_appositive_is_not_inverse(resolver: Resolver) -> None:
    c = one(resolver, "Hilo, a city on the Big Island about 200 miles southeast of Honolulu, was spared.")
    assert (c.target, c.anchor.name, c.inverse) == ("Hilo", "Honolulu", False)


def test_sentence_opening_subject_left_out_by_the_mention_finder(resolver: Resolver) -> None:
    c = one(resolver, "Reno is 200 miles northeast of the crash site.")
    assert (c.target, c.anchor.name, c.anchor.country, c.inverse) == ("crash site", "Reno", "US", True)


# --- bearings, borders, second claims ----------------------------------------------------------------
def test_bearing_joined_by_and(resolver: Resolver) -> None:
    c = one(resolver, "The Cessna crashed 2 nautical miles and 090 degrees from Ketchikan.")
    assert (c.relation, c.distance.value, c.distance.unit, c.direction.azimuth) == ("offset", 2.0, "nm", 90.0)
    assert c.direction.half_angle == 2.5


@pytest.mark.parametrize(
    "text, border",
    [
        ("Gunfire was heard near Syria's northern border.", "border:SY-TR"),
        ("Shells fell 7 km from Ukraine's northern border.", "border:BY-UA"),
        ("Rockets were fired 4 km from Israel's northern border.", "border:IL-LB-SY"),  # not the West Bank
        ("The convoy halted near Turkey's southern border.", "border:TR-IQ-SY"),
    ],
)
def test_border_named_by_its_side(resolver: Resolver, text: str, border: str) -> None:
    c = one(resolver, text)
    assert c.anchor is not None and c.anchor.kind == "border" and c.anchor.id == border


@pytest.mark.parametrize(
    "text, name, azimuth",
    [
        ("The fire burned 10 miles north of the Idaho-Utah border.", "Idaho–Utah border", 0.0),
        (
            "The town is 20 km south of the New Mexico–Colorado state line.",
            "Colorado–New Mexico border",
            180.0,
        ),
        ("The tornado touched down 5 miles east of Oklahoma's border with Arkansas.", None, 90.0),
    ],
)
def test_state_line_as_anchor(resolver: Resolver, text: str, name: str | None, azimuth: float) -> None:
    c = one(resolver, text)
    assert c.anchor is not None and c.anchor.kind == "border" and c.anchor.country == "US"
    assert name is None or c.anchor.name == name
    assert c.direction is not None and c.direction.azimuth == azimuth


def test_regions_that_share_no_boundary_are_no_border(resolver: Resolver) -> None:
    assert all(
        c.anchor is None or c.anchor.kind != "border"
        for c in claims(resolver, "Smoke drifted 10 miles north of the Ohio-Utah border.")
    )


def test_two_claims_in_one_sentence(resolver: Resolver) -> None:
    found = claims(resolver, "The drone hit a depot 10 km north of Hilo and a pier 5 km south of Honolulu.")
    assert [(c.target, c.anchor.name, c.direction.azimuth) for c in found] == [
        ("depot", "Hilo", 0.0),
        ("pier", "Honolulu", 180.0),
    ]


# --- names in full; what is never a target -------------------------------------------------------
def test_airport_in_full_anchors_on_its_town_when_unknown(resolver: Resolver) -> None:
    c = one(resolver, "The plane crashed 10 km south of Victoria Falls Airport.")
    assert (c.anchor.name, c.anchor.country) == ("Victoria Falls", "ZW")
    assert c.flags == ["no Victoria Falls Airport in the gazetteer: anchored on Victoria Falls"]


def test_airport_in_full_known_by_the_gazetteer(resolver: Resolver) -> None:
    c = one(resolver, "The jet crashed 3 miles north of Juneau International Airport.")
    assert (c.anchor.kind, c.anchor.id) == ("airport", "icao:PAJN") and c.flags == []


def test_island_in_full_is_never_a_namesake_town(resolver: Resolver) -> None:
    c = one(resolver, "The boat sank 15 km off Santa Rosa Island.")
    assert c.anchor is None and c.flags == ["Santa Rosa Island not in the gazetteer"]


@pytest.mark.parametrize(
    "text",
    [
        "Winds of 85 mph were recorded 20 miles east of Tampa, forecasters said.",
        "The storm, moving west at 12 knots, was 200 miles south of Bermuda.",
    ],
)
def test_a_unit_is_never_a_target(resolver: Resolver, text: str) -> None:
    c = one(resolver, text)
    assert c.target not in ("mph", "knots", "kt")


def test_off_a_place_geokit_does_not_know_is_still_at_sea(resolver: Resolver) -> None:
    c = one(resolver, "The trawler was boarded 18 km off the coast of Zzyzxland.")
    assert (c.relation, c.anchor, c.anchor_text) == ("offshore", None, "Zzyzxland")
    assert "anchor not found" in c.flags


def test_a_drive_that_goes_somewhere_is_not_a_distance_claim(resolver: Resolver) -> None:
    found = claims(resolver, "After a 40 km drive south of Lyon, the crews reached the camp.")
    assert all(c.distance is None for c in found)


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("The camp is 30 km north of Quezon City, Philippines.", "Quezon City"),
        ("The depot lies 12 km west of Kansas City, Missouri.", "Kansas City"),
        ("A convoy was seen 25 km south of the state capital Maiduguri.", "Maiduguri"),
    ],
)
def test_a_city_named_city_is_no_descriptor(resolver: Resolver, text: str, anchor: str) -> None:
    """ "X City, Country" is a name and its country: the bare descriptor form needs the word in lower case."""
    c = one(resolver, text)
    assert c.anchor is not None and c.anchor.name == anchor
