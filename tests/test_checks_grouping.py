"""Tests of geokit.checks.grouping."""

from __future__ import annotations

from geokit.checks.grouping import group_claims
from geokit.model import Claim, Place

SIRTE = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY", extent_m=8000.0)
SIRTE_AIRPORT = Place("icao:HLSR", "Sirte Airport", "airport", 31.0635, 16.595, "LY")  # ~16 km S
MOSUL = Place("geonames:99072", "Mosul", "city", 36.335, 43.119, "IQ")


def key(label: str) -> str:
    words = label.lower().replace("the ", "").split()
    return words[-1].rstrip("s") if words else ""


def claim(cid, target, anchor=SIRTE, relation="offset", doc=None, target_place=None):
    return Claim(
        id=cid,
        document=doc or cid,
        quote="",
        start=0,
        end=0,
        relation=relation,
        target=target,
        anchor_text=anchor.name if anchor else "?",
        anchor=anchor,
        target_place=target_place,
    )


def ids(groups):
    return [(k, [c.id for c in g]) for k, g in groups]


def test_same_key_same_anchor_across_documents():
    cs = [claim("hill", "two ISIS camps"), claim("dod", "the training camps"), claim("x", "airfield")]
    assert ids(group_claims(cs, key)) == [("camp", ["hill", "dod"]), ("airfield", ["x"])]


def test_near_anchor_joins_far_anchor_does_not():
    cs = [claim("a", "camp"), claim("b", "camps", SIRTE_AIRPORT), claim("c", "camp", MOSUL)]
    assert ids(group_claims(cs, key)) == [("camp", ["a", "b"]), ("camp", ["c"])]
    assert ids(group_claims(cs, key, max_anchor_m=10_000)) == [
        ("camp", ["a"]),
        ("camp", ["b"]),
        ("camp", ["c"]),
    ]


def test_named_target_place_groups_regardless_of_anchor():
    raqqa = Place("geonames:172955", "Ar Raqqah", "city", 35.95, 39.01, "SY")
    cs = [claim("a", "Raqqa", SIRTE, target_place=raqqa), claim("b", "Raqqah", MOSUL, target_place=raqqa)]
    assert ids(group_claims(cs, key)) == [("place:geonames:172955", ["a", "b"])]


def test_part_and_side_of_named_places_are_left_out():
    mosul = MOSUL
    cs = [
        claim("p", "eastern Mosul", MOSUL, relation="part", target_place=mosul),
        claim("s", "east of the Tigris", MOSUL, relation="side", target_place=mosul),
        claim("c", "camp"),
    ]
    assert ids(group_claims(cs, key)) == [("camp", ["c"])]


def test_claim_without_anchor_joins_first_group_of_its_key():
    cs = [claim("m", "camp", MOSUL), claim("n", "camp", None), claim("s", "camp")]
    assert ids(group_claims(cs, key)) == [("camp", ["m", "n"]), ("camp", ["s"])]
    assert ids(group_claims([claim("n", "camp", None)], key)) == [("camp", ["n"])]


def test_order_is_deterministic_and_transitive():
    # a - b within 50 km, b - c within 50 km, a - c farther: one group by chaining
    p1 = Place("t:1", "P1", "town", 31.0, 16.0, "LY")
    p2 = Place("t:2", "P2", "town", 31.0, 16.45, "LY")  # ~43 km E
    p3 = Place("t:3", "P3", "town", 31.0, 16.90, "LY")  # ~86 km from P1
    cs = [claim("c", "camp", p3), claim("x", "depot", p1), claim("a", "camp", p1), claim("b", "camp", p2)]
    assert ids(group_claims(cs, key)) == [("camp", ["c", "a", "b"]), ("depot", ["x"])]
    assert ids(group_claims(list(cs), key)) == ids(group_claims(cs, key))
    assert group_claims([], key) == []
