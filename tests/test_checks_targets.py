"""Targets: a group of sources' verdict, its summary, the combined estimate, and the contract of check."""

from __future__ import annotations

import json

import pytest
from pyproj import Geod
from shapely.geometry import Point, shape

from geokit.checks.geometry import intersect_regions
from geokit.checks.land import claim_flags
from geokit.checks.targets import MAX_LISTED_PAIRS, check_claims
from geokit.estimates import estimate_claims
from geokit.model import Claim, Direction, Distance, Estimate, Place
from geokit.pipeline import analyse_texts

GEOD = Geod(ellps="WGS84")
HOMS = Place("geonames:169577", "Homs", "city", 34.72682, 36.72339, "SY", extent_m=11_500.0)
TARTUS = Place("geonames:163345", "Tartus", "city", 34.88902, 35.88659, "SY", extent_m=9_100.0)


def offset(
    cid, anchor, km, azimuth, half=22.5, *, inverse=False, unit="km", source=None, text=None, hedge=None
):
    per = {"km": 1000.0, "mi": 1609.344}[unit]
    return Claim(
        id=cid,
        document=source or cid,
        quote=text or f"{km} {unit} of {anchor.name}",
        start=0,
        end=1,
        relation="offset",
        target="camp",
        anchor_text=anchor.name,
        anchor=anchor,
        distance=Distance(km, unit, km * per, f"{km:g}"),
        direction=Direction("x", azimuth, half),
        inverse=inverse,
        hedge=hedge,
        source=source or cid,
        text=text or f"{km:g} {unit} at {azimuth:g} of {anchor.name}",
    )


def test_two_towns_pin_the_camp_sharper_than_either_source():
    """Triangulation: 40 km W of Homs and 25 mi ESE of Tartus (inverse) meet west of Homs."""
    a = offset("a", HOMS, 40, 270.0, hedge="about")
    b = offset("b", TARTUS, 25, 292.5, 11.25, inverse=True, unit="mi", hedge="about")
    estimates = estimate_claims([a, b])
    [target] = check_claims([a, b], estimates, one_target=True)
    assert target.verdict == "agree" and [k.verdict for k in target.checks] == ["agree"]
    est = target.estimate
    assert est is not None and target.combined == ["a", "b"]
    own = [intersect_regions([estimates[i]]) for i in "ab"]
    assert est.area_m2 < min(x.area_m2 for x in own if x is not None)
    assert estimates["a"].region.buffer(1e-9).contains(Point(est.lon, est.lat))
    assert estimates["b"].region.buffer(1e-9).contains(Point(est.lon, est.lat))
    assert target.summary.startswith("agree: all 2 statements hold at once within")
    d = target.to_dict(estimates)
    assert d["verdict"] == "agree" and d["estimate"]["claims"] == ["a", "b"]
    assert shape(d["estimate"]["region"]).contains(Point(d["estimate"]["lon"], d["estimate"]["lat"]))
    assert d["pairs"] == {"total": 1, "listed": 1} and d["statements"] == 2
    assert d["grouping"] == "given together: one target by contract"
    [corpus] = check_claims([a, b], estimates)  # the same target words, anchors within reach
    assert (
        corpus.grouping
        == "the same target words ('camp'); anchors Homs, Tartus within the claims' reach of each other"
    )


def test_a_flipped_direction_disagrees_and_the_summary_says_who_and_why():
    a = offset("a", HOMS, 40, 270.0, source="Agency A")
    b = offset("b", HOMS, 40, 90.0, source="Agency B")
    [target] = check_claims([a, b], estimate_claims([a, b]), one_target=True)
    assert target.verdict == "disagree" and target.estimate is None
    assert (
        "Agency A: 40 km W of Homs; Agency B: 40 km E of Homs: directions opposite (W vs E)" in target.summary
    )


def test_distances_that_cannot_meet_from_one_anchor():
    a, b = offset("a", HOMS, 10, 270.0), offset("b", HOMS, 60, 270.0)
    [target] = check_claims([a, b], estimate_claims([a, b]), one_target=True)
    assert target.verdict == "disagree"
    assert "distances cannot meet: 10 km (7.5-12.5 km) vs 60 km (55-65 km)" in target.checks[0].reasons


def test_unit_confusion_from_different_towns_is_named():
    # 45 km NE of Homs is 109 km E of Tartus; a source gives Tartus' figure in miles
    a = offset("a", HOMS, 45, 45.0)
    b = offset("b", TARTUS, 109, 90.0, 45.0, unit="mi")
    [target] = check_claims([a, b], estimate_claims([a, b]), one_target=True)
    assert target.verdict == "disagree"
    assert "units confused? b's 109 mi read as 109 km would agree with a" in target.checks[0].reasons


def test_an_unknown_anchor_is_named_in_the_summary_never_dropped():
    a = offset("a", HOMS, 40, 270.0)
    b = Claim("b", "b", "q", 0, 1, "offset", "camp", "Foo", distance=Distance(25, "km", 25_000.0, "25"))
    estimates = estimate_claims([a, b])
    [target] = check_claims([a, b], estimates, one_target=True)
    assert [c.id for c in target.claims] == ["a", "b"]
    assert target.verdict == "uncertain"
    assert target.summary.startswith("uncertain: b's anchor 'Foo' is unknown")


def test_an_impossible_distance_is_flagged_and_left_out_of_the_combined_estimate():
    a, b = offset("a", HOMS, 40, 270.0), offset("b", HOMS, 45, 270.0)
    c = offset("c", HOMS, 0, 270.0)
    estimates = estimate_claims([a, b, c])
    assert "c" not in estimates and c.flags == ["distance is zero"]
    [target] = check_claims([a, b, c], estimates, one_target=True)
    assert target.combined == ["a", "b"] and target.estimate is not None
    assert target.verdict == "uncertain"


def test_three_statements_that_agree_in_pairs_but_not_together_disagree():
    """Pairwise agreement is not enough: the consensus leaves out what cannot hold with the rest."""
    e = {
        "a": Estimate("a", 34.0, 36.0, 20_000.0, None, "disk"),
        "b": Estimate("b", 34.0, 36.35, 20_000.0, None, "disk"),  # ~32 km E of a
        "c": Estimate("c", 34.0, 36.70, 20_000.0, None, "disk"),  # ~32 km E of b, 64 km from a
    }
    claims = [
        Claim(i, i, "", 0, 1, "near", "camp", "X", anchor=Place(f"p:{i}", i, "town", 34.0, 36.0))
        for i in "abc"
    ]
    [target] = check_claims(claims, e, one_target=True)
    assert target.combined == ["a", "b"] or target.combined == ["b", "c"]


def test_a_statement_repeated_word_for_word_is_one_statement():
    same = "45 km SW of Homs"
    a = offset("a", HOMS, 45, 225.0, source="Wire", text=same)
    b = offset("b", HOMS, 45, 225.0, source="Paper", text=same)
    c = offset("c", HOMS, 45, 225.0, source="Wire", text=same)
    estimates = estimate_claims([a, b, c])
    [target] = check_claims([a, b, c], estimates, one_target=True)
    assert target.statements == 1 and len(target.checks) == 1
    assert target.verdict == "agree" and "not independent corroboration" in target.summary
    [alone] = check_claims([a, c], estimates, one_target=True)  # one source repeating itself
    assert alone.verdict == "uncertain" and alone.checks == [] and "one statement only" in alone.summary


def test_pairs_listed_are_bounded():
    claims = [offset(f"c{i}", HOMS, 10 + i, 270.0) for i in range(60)]
    [target] = check_claims(claims, estimate_claims(claims), one_target=True)
    assert target.statements == 60 and target.pairs == 60 * 59 // 2
    assert len(target.checks) == MAX_LISTED_PAIRS
    assert target.to_dict()["pairs"] == {"total": 1770, "listed": MAX_LISTED_PAIRS}


def test_vague_claim_that_does_not_reach_is_uncertain_not_disagree():
    near = Claim("n", "n", "q", 0, 1, "near", "camp", "Homs", anchor=HOMS)
    far = offset("f", HOMS, 80, 270.0)
    [target] = check_claims([near, far], estimate_claims([near, far]), one_target=True)
    assert target.verdict == "uncertain"
    assert any(r.startswith("too vague to tell: n says only 'near Homs'") for r in target.checks[0].reasons)


def test_offshore_estimate_is_not_flagged_at_sea():
    c = offset("s", TARTUS, 22, 270.0)
    c.relation = "offshore"
    assert claim_flags(c, Estimate("s", 34.889, 35.6, 5_000.0, None, "offshore-ring")) == []


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("The camp is about 30 km north of Kirkuk, Iraq.", "Erbil, Iraq is 38 mi NW of the camp.", "agree"),
        ("The depot is 30 km east of Mosul, Iraq.", "Mosul, Iraq is 30 km east of the depot.", "disagree"),
        ("The base is about 45 km south of Kirkuk.", "The base is about 45 mi south of Kirkuk.", "disagree"),
        ("The convoy was 10 km north of Aleppo.", "The convoy was 50 km north of Aleppo.", "disagree"),
    ],
)  # fmt: skip
def test_sources_given_together_are_one_target(a, b, verdict):
    analysis = analyse_texts([a, b], one_target=True)
    [target] = analysis.targets
    assert target.verdict == verdict, target.summary
    assert {c.input for c in target.claims} == {0, 1}


def test_check_jsonl_gives_verdict_summary_and_estimate_per_line(tmp_path, capsys):
    from geokit.cli import main

    lines = [
        [
            "The camp is about 40 km west of Homs, Syria.",
            "Tartus, Syria is about 25 miles west-northwest of the camp.",
        ],
        ["The site is 20 km north of Homs.", "The site is 20 km south of Homs."],
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert main(["check", "--jsonl", str(path), "--json"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert [len(o["targets"]) for o in out] == [1, 1]
    first, second = out[0]["targets"][0], out[1]["targets"][0]
    assert first["verdict"] == "agree" and first["estimate"]["radius_m"] > 0 and first["summary"]
    assert second["verdict"] == "disagree" and second["estimate"] is None


def test_check_text_prints_a_verdict_per_target_in_short_lines(capsys):
    from geokit.cli import main

    assert (
        main(
            [
                "check",
                "--text",
                "The camp is 45 km southwest of Homs.",
                "--text",
                "The camp is 45 km northeast of Homs.",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "camp" in out.splitlines()[0] and "disagree" in out.splitlines()[0]  # a verdict line per target
    assert "directions opposite (SW vs NE)" in out
    assert max(len(line) for line in out.splitlines()) <= 110
