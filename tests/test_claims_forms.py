"""Relative statements in the forms reports write them, read with the offline gazetteer.

Qualified and parenthesised subjects of inverse statements ("Mosul, Iraq lies 30 km south of the
depot"), fronted statements ("Roughly 25 km north of the depot lies Mosul"), state abbreviations
and distances off a town at sea ("8 km off Latakia").
"""

from __future__ import annotations

import pytest
from helpers import read_claims as claims

from geokit.model import Claim
from geokit.places.resolve import Resolver


def located(resolver: Resolver, text: str) -> Claim:
    """The one distance claim of a statement (a part claim "northern Iraq" may come with it)."""
    found = [c for c in claims(resolver, text) if c.distance is not None]
    assert len(found) == 1, [(c.relation, c.text) for c in found]
    return found[0]


# --- inverse statements: the subject carries its state, country or region --------------------------
@pytest.mark.parametrize(
    "text, anchor, country, target, azimuth",
    [
        ("Mosul, Iraq lies 30 km south of the depot.", "Mosul", "IQ", "depot", 180),
        ("Tulsa, Oklahoma is about 40 miles west of the site.", "Tulsa", "US", "site", 270),
        ("Aleppo, Syria, is located about 60 km northeast of the refinery.", "Aleppo", "SY", "refinery", 45),
        (
            "Tucson, Arizona, stands some 90 miles southeast of the crash site.",
            "Tucson",
            "US",
            "crash site",
            135,
        ),
        ("Reno, Nevada is situated roughly 25 miles east of the fire.", "Reno", "US", "fire", 90),
        ("Boise, Idaho sits about 30 miles east of the airfield.", "Boise", "US", "airfield", 90),
        ("Salem (Oregon) lies 40 km south of the farm.", "Salem", "US", "farm", 180),
        (
            "Mosul, in northern Iraq, lies about 80 km west of the front line.",
            "Mosul",
            "IQ",
            "front line",
            270,
        ),
        ("Sacramento, Calif., is 30 miles south of the blaze.", "Sacramento", "US", "blaze", 180),
        ("Kelowna, B.C. lies 10 km east of the fire.", "Kelowna", "CA", "fire", 90),
        ("Regina, Saskatchewan is 50 km north of the farm.", "Regina", "CA", "farm", 0),
        (
            "Officials said Zaporizhzhia, Ukraine, lies 40 km north of the front.",
            "Zaporizhzhia",
            "UA",
            "front",
            0,
        ),
    ],
)
def test_a_qualified_subject_is_the_anchor_of_an_inverse_statement(
    resolver: Resolver, text: str, anchor: str, country: str, target: str, azimuth: float
) -> None:
    c = located(resolver, text)
    assert c.inverse and c.relation == "offset"
    assert c.anchor_text == anchor and c.anchor is not None and c.anchor.country == country
    assert c.anchor.kind in ("city", "town", "village")
    assert c.target == target and c.target_place is None
    assert c.direction is not None and c.direction.azimuth == azimuth


def test_salem_in_brackets_is_the_one_in_oregon(resolver: Resolver) -> None:
    c = located(resolver, "Salem (Oregon) lies 40 km south of the farm.")
    assert c.anchor is not None and c.anchor.lat == pytest.approx(44.94, abs=0.1)


def test_a_name_geokit_does_not_know_is_kept_not_replaced_by_its_qualifier(resolver: Resolver) -> None:
    c = located(resolver, "Keaton Beach, Florida, is 20 miles south of the site.")
    assert c.inverse and c.anchor_text == "Keaton Beach" and c.target == "site"
    assert c.anchor is None and "anchor not found" in c.flags


def test_the_village_after_a_qualified_subject_is_no_back_reference_to_it(resolver: Resolver) -> None:
    c = located(resolver, "Kharkiv, Ukraine sits about 30 km south of the village.")
    assert c.inverse and c.anchor_text == "Kharkiv" and c.target == "village"


def test_a_region_named_like_its_city_is_the_city_when_measured_from(resolver: Resolver) -> None:
    """A distance is measured from a point: "Kherson" as the subject is the city, not the oblast."""
    c = located(resolver, "Kherson lies about 15 km east of the village.")
    assert c.inverse and c.anchor is not None and c.anchor.kind in ("city", "town")


def test_an_appositive_region_without_a_name_before_it_is_no_subject(resolver: Resolver) -> None:
    c = located(resolver, "The town, in northern Iraq, is 30 km south of the depot.")
    assert not (c.inverse and c.anchor is not None and c.anchor.kind == "country")


# --- fronted statements --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, anchor, target, azimuth",
    [
        ("Roughly 25 km north of the depot lies Mosul.", "Mosul", "depot", 0),
        ("About 60 km west of the refinery stands the city of Aleppo.", "Aleppo", "refinery", 270),
        ("Some 50 miles south of the crash site is Tucson, Arizona.", "Tucson", "crash site", 180),
        ("Nearly 20 km southeast of the village sits the town of Manbij.", "Manbij", "village", 135),
    ],
)
def test_a_fronted_statement_is_inverse(
    resolver: Resolver, text: str, anchor: str, target: str, azimuth: float
) -> None:
    c = located(resolver, text)
    assert c.inverse and c.anchor is not None and c.anchor_text == anchor
    assert c.target == target and c.direction is not None and c.direction.azimuth == azimuth


def test_a_place_after_a_verb_in_a_longer_clause_is_no_fronted_subject(resolver: Resolver) -> None:
    c = located(resolver, "The attack 40 km south of the base was Syria's deadliest.")
    assert not c.inverse and c.anchor is None


# --- forward statements keep the place before the qualifier -----------------------------------------
@pytest.mark.parametrize(
    "text, anchor, lat, azimuth",
    [
        ("The quake struck 25 km WSW of Ridgecrest, CA.", "Ridgecrest", 35.62, 247.5),
        ("The blast was 40 km south of Tulsa, Okla.", "Tulsa", 36.15, 180),
        ("The fire burned 10 miles north of Paris, Tennessee.", "Paris", 36.30, 0),
        ("The quake was 10 km ENE of Kelowna, B.C.", "Kelowna", 49.88, 67.5),
        ("The camp is 45 km southwest of Benghazi, Libya.", "Benghazi", 32.11, 225),
    ],
)
def test_a_forward_statement_is_anchored_on_the_qualified_place(
    resolver: Resolver, text: str, anchor: str, lat: float, azimuth: float
) -> None:
    c = located(resolver, text)
    assert not c.inverse and c.anchor_text == anchor
    assert c.anchor is not None and c.anchor.lat == pytest.approx(lat, abs=0.1)
    assert c.direction is not None and c.direction.azimuth == azimuth


# --- at sea off a town ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, anchor, metres, azimuth",
    [
        ("The drone fell 8 km off Latakia, Syria.", "Latakia", 8000.0, None),
        ("The vessel sank 30 km off the coast of Sidon.", "Sidon", 30000.0, None),
        ("The tanker was hit 20 km offshore from Latakia.", "Latakia", 20000.0, None),
        ("A tanker was struck 15 nautical miles southwest off Aden.", "Aden", 27780.0, 225.0),
    ],
)
def test_a_distance_off_a_town_is_offshore(
    resolver: Resolver, text: str, anchor: str, metres: float, azimuth: float | None
) -> None:
    c = located(resolver, text)
    assert c.relation == "offshore" and c.anchor_text == anchor and c.anchor is not None
    assert c.distance is not None and c.distance.metres == pytest.approx(metres)
    assert (c.direction.azimuth if c.direction else None) == azimuth


def test_a_distance_off_a_country_coast_stays_a_distance_from_the_coast(resolver: Resolver) -> None:
    c = located(resolver, "The tanker was hit 60 nautical miles off the coast of Libya.")
    assert c.relation == "distance" and c.anchor is not None and c.anchor.kind == "coast"


def test_off_without_a_distance_or_off_a_non_place_is_not_offshore(resolver: Resolver) -> None:
    assert not [c for c in claims(resolver, "The ship sank off Latakia.") if c.relation == "offshore"]
    assert located(resolver, "The plane drifted 3 km off course.").relation == "distance"
    assert located(resolver, "The tanker was hit 15 nautical miles west of Aden.").relation == "offset"
