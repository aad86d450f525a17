"""Tests of geokit.checks.grouping."""

from __future__ import annotations

import numpy as np
from helpers import SIRTE
from pyproj import Geod

from geokit.checks.grouping import GROUP_MARGIN_M, claim_reach_m, group_claims, group_facts, grouping_facts
from geokit.model import Claim, Distance, Place

SIRTE_AIRPORT = Place("icao:HLSR", "Sirte Airport", "airport", 31.0635, 16.595, "LY")  # ~16 km S
MOSUL = Place("geonames:99072", "Mosul", "city", 36.335, 43.119, "IQ")


def key(label: str) -> str:
    words = label.lower().replace("the ", "").split()
    return words[-1].rstrip("s") if words else ""


def claim(cid, target, anchor=SIRTE, relation="offset", doc=None, target_place=None, km=None):
    distance = None if km is None else Distance(km, "km", km * 1000.0, high_m=km * 1000.0 + 500.0)
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
        distance=distance,
    )


def ids(groups):
    return [(k, [c.id for c in g]) for k, g in groups]


def test_same_key_same_anchor_across_documents():
    cs = [claim("hill", "two ISIS camps"), claim("dod", "the training camps"), claim("x", "airfield")]
    assert ids(group_claims(cs, key)) == [("camp", ["hill", "dod"]), ("airfield", ["x"])]


def test_near_anchor_joins_far_anchor_does_not():
    cs = [claim("a", "camp"), claim("b", "camps", SIRTE_AIRPORT), claim("c", "camp", MOSUL)]
    assert ids(group_claims(cs, key)) == [("camp", ["a", "b"]), ("camp", ["c"])]
    # 16 km apart: within the reaches (Sirte's 8 km extent) and the margin, not within 5 km of slack
    assert ids(group_claims(cs, key, margin_m=5_000)) == [("camp", ["a"]), ("camp", ["b"]), ("camp", ["c"])]


def test_different_towns_within_the_stated_distances_are_one_target():
    homs = Place("geonames:169577", "Homs", "city", 34.72682, 36.72339, "SY", extent_m=11_500.0)
    tartus = Place("geonames:163345", "Tartus", "city", 34.88902, 35.88659, "SY", extent_m=9_100.0)
    aleppo = Place("geonames:170063", "Aleppo", "city", 36.20124, 37.16117, "SY", extent_m=18_000.0)
    damascus = Place("geonames:170654", "Damascus", "city", 33.5102, 36.29128, "SY", extent_m=15_000.0)
    cs = [claim("h", "camp", homs, km=40), claim("t", "the camp", tartus, km=40)]  # anchors 79 km apart
    assert ids(group_claims(cs, key)) == [("camp", ["h", "t"])]
    cs = [claim("a", "camp", aleppo, km=10), claim("d", "camp", damascus, km=10)]  # 300 km apart
    assert ids(group_claims(cs, key)) == [("camp", ["a"]), ("camp", ["d"])]
    assert ids(group_claims(cs, key, one_target=True)) == [("camp", ["a", "d"])]


def test_reach_is_the_estimate_or_the_stated_distance_and_the_extent():
    c = claim("a", "camp", SIRTE, km=45)
    assert claim_reach_m(c) == 45_500 + 8_000
    assert claim_reach_m(claim("b", "camp", None, km=45)) == 0.0


def test_sweep_groups_as_every_pair_would():
    """The latitude sweep joins exactly the pairs a quadratic comparison joins."""
    geod = Geod(ellps="WGS84")
    rng = np.random.default_rng(7)
    anchors = [
        Place(
            f"t:{i}",
            f"T{i}",
            "town",
            float(rng.uniform(30, 33)),
            float(rng.uniform(15, 19)),
            extent_m=2_000.0,
        )
        for i in range(60)
    ]
    cs = [
        claim(str(i), "camp", anchors[int(rng.integers(60))], km=float(rng.choice([5, 10, 20, 40])))
        for i in range(300)
    ]
    parent = list(range(len(cs)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(cs)):
        for j in range(i + 1, len(cs)):
            a, b = cs[i].anchor, cs[j].anchor
            _, _, d = geod.inv(a.lon, a.lat, b.lon, b.lat)
            if a.id == b.id or d <= claim_reach_m(cs[i]) + claim_reach_m(cs[j]) + GROUP_MARGIN_M:
                ri, rj = find(i), find(j)
                parent[max(ri, rj)] = min(ri, rj)
    brute: dict[int, list[str]] = {}
    for i, c in enumerate(cs):
        brute.setdefault(find(i), []).append(c.id)
    assert [g for _, g in ids(group_claims(cs, key))] == [brute[k] for k in sorted(brute)]


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
    # a - b within reach, b - c within reach, a - c farther: one group by chaining
    p1 = Place("t:1", "P1", "town", 31.0, 16.0, "LY")
    p2 = Place("t:2", "P2", "town", 31.0, 16.45, "LY")  # ~43 km E
    p3 = Place("t:3", "P3", "town", 31.0, 16.90, "LY")  # ~86 km from P1
    cs = [
        claim("c", "camp", p3, km=15),
        claim("x", "depot", p1, km=15),
        claim("a", "camp", p1, km=15),
        claim("b", "camp", p2, km=15),
    ]
    assert ids(group_claims(cs, key)) == [("camp", ["c", "a", "b"]), ("depot", ["x"])]
    assert ids(group_claims(list(cs), key)) == ids(group_claims(cs, key))
    assert ids(group_claims(cs[:3], key)) == [("camp", ["c"]), ("depot", ["x"]), ("camp", ["a"])]
    assert group_claims([], key) == []


def test_facts_through_json_group_as_the_claims_do():
    """geokit batch keeps grouping facts in JSON checkpoints and groups a corpus from them alone."""
    import json

    far = Place("x:far", "Far", "town", 31.2, 17.9, "LY")
    claims = [
        claim("a", "camps", km=45),
        claim("b", "the camp", anchor=SIRTE_AIRPORT, km=30),
        claim("c", "camp", anchor=MOSUL),
        claim("d", "camp", anchor=None),
        claim("e", "eastern Mosul", anchor=MOSUL, relation="part", target_place=MOSUL),
        claim("f", "base", target_place=MOSUL),
        claim("g", "town", target_place=MOSUL, anchor=far),
        claim("h", "camp", anchor=far, km=100),
    ]
    facts = json.loads(json.dumps(grouping_facts(claims, key)))
    assert facts[4] is None  # a part of a named place is no target
    for one_target in (False, True):
        by_claims = [(k, [c.id for c in g]) for k, g in group_claims(claims, key, one_target=one_target)]
        by_facts = [(k, [claims[i].id for i in g]) for k, g in group_facts(facts, one_target=one_target)]
        assert by_facts == by_claims
    assert by_claims == [("camp", ["a", "b", "c", "d", "f", "g", "h"])]
    assert ids(group_claims(claims, key)) == [
        ("camp", ["a", "b", "d", "h"]),
        ("camp", ["c"]),
        ("place:geonames:99072", ["f", "g"]),
    ]
