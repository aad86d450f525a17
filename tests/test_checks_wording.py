"""One wording of a claim: the map's popups, ``geokit check``, the checks' reasons and the frames alike."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from helpers import SIRTE
from helpers import run_geokit as geokit
from test_checks_targets import offset

from geokit.checks.compare import compare
from geokit.claims.wording import (
    as_written,
    claim_says,
    claim_wording,
    describe,
    distance_words,
    flag_words,
    kind_word,
    km,
)
from geokit.model import Claim, Distance, Place

#: Two sources about one camp, opposite ways round, and a vague third.
TEXTS = (
    "The camp is 45 km southwest of Sirte.",
    "Sirte is nearly 28 miles southwest of the camp.",
    "The camp is near Sirte.",
)


@pytest.fixture(scope="module")
def analysis():
    from geokit.pipeline import analyse_texts

    return analyse_texts(list(TEXTS), one_target=True)


def test_the_map_the_terminal_the_reasons_and_the_frame_say_a_claim_alike(analysis):
    from geokit.frames import checks_frame

    (target,) = analysis.targets
    claims = target.claims
    says = {c.id: claim_says(c) for c in claims}
    assert sorted(says.values()) == ["45 km SW of Sirte", "near Sirte", "nearly 28 mi (45.1 km) NE of Sirte"]
    inverse = next(c for c in claims if c.inverse)
    near = next(c for c in claims if c.relation == "near")
    assert describe(inverse) == "nearly 28 mi (45.1 km) NE of Sirte (written the other way round)"

    # the map: each estimate's popup table opens with what its claim says
    page = analysis.to_map().to_html()
    table = json.loads(re.search(r"var geokit_info_\w+ = (\{.*?\});\n", page, re.S).group(1))
    strings = table["s"]
    popups = [[strings[i] for i in row[6]] for row in table["r"] if row[0] == 1]
    assert sorted(kv[1] for kv in popups) == sorted(says.values())
    assert all(kv[0] == "says" for kv in popups)
    assert as_written(inverse) in {kv[3] for kv in popups if len(kv) > 3}

    # the terminal: every source's line, as wrapped lines read
    proc = geokit("check", *[arg for text in TEXTS for arg in ("--text", text)])
    assert proc.returncode == 0, proc.stderr
    out = " ".join(proc.stdout.split())
    for c in claims:
        assert f": {describe(c)} → " in out, describe(c)

    # the checks: the summary says who says what, a reason quotes the vague claim
    assert describe(inverse) in target.summary
    reasons = [r for k in target.checks for r in k.reasons]
    assert f"too vague to tell: source 3 says only {describe(near)!r}, whose reach is a convention" in reasons

    # the notebook frame
    frame = checks_frame(analysis.targets, analysis.estimates)
    by_id = {c.id: c for c in claims}
    assert list(frame.says_a) == [describe(by_id[i]) for i in frame.a]
    assert list(frame.says_b) == [describe(by_id[i]) for i in frame.b]


def test_the_checks_reasons_say_the_claims_as_the_wording_does():
    from geokit.estimates import estimate_claim

    aleppo = Place("geonames:170063", "Aleppo", "city", 36.20124, 37.16117, "SY", extent_m=8000.0)
    idlib = Place("geonames:169389", "Idlib", "city", 35.93062, 36.63393, "SY", extent_m=5000.0)
    a, b = offset("a", aleppo, 20, 0.0, 45.0), offset("b", idlib, 20, 180.0, 45.0)
    check = compare(a, estimate_claim(a), b, estimate_claim(b))
    assert check.verdict == "disagree"
    assert "no place is both 20 km N of Aleppo and 20 km S of Idlib" in check.reasons


def test_an_inverse_claim_is_turned_round_and_said_to_be():
    c = offset("c", SIRTE, 28, 225.0, unit="mi", hedge="nearly", inverse=True)
    assert claim_says(c) == "nearly 28 mi (45.1 km) NE of Sirte"
    assert describe(c) == claim_says(c) + " (written the other way round)"
    assert as_written(c) == "the other way round: Sirte is SW of the target"
    forward = offset("f", SIRTE, 45, 225.0)
    assert describe(forward) == claim_says(forward) == "45 km SW of Sirte" and as_written(forward) is None


def test_distances_say_their_km_beside_another_unit():
    assert distance_words(Distance(28, "mi", 45061.6)) == "28 mi (45.1 km)"
    assert distance_words(Distance(12, "nm", 22224.0)) == "12 nm (22.2 km)"
    assert distance_words(Distance(3, "mi", 4828.0)) == "3 mi (4.83 km)"
    assert distance_words(Distance(45, "km", 45000.0)) == "45 km"
    assert distance_words(Distance(40, "km", 45000.0, value2=50)) == "40-50 km"
    assert distance_words(Distance(10, "mi", 20116.8, value2=15)) == "10-15 mi (16.1-24.1 km)"
    assert distance_words(Distance(300, "yd", 274.32)) == "300 yd (274 m)"  # under a km, in metres
    assert distance_words(Distance(500, "m", 500.0)) == "500 m"
    assert distance_words(Distance(3, "leagues", 0.0)) == "3 leagues"  # no conversion, no 0 km
    assert (km(45123.0), km(850.0), km(None)) == ("45.1 km", "0.85 km", "?")


def test_an_anchor_not_found_or_missing_still_reads():
    lost = Claim("x", "d", "", 0, 0, "near", "camp", "Zzyzxvillex")
    assert claim_says(lost) == "near Zzyzxvillex"
    nothing = Claim("y", "d", "", 0, 0, "near", "camp", "")
    assert claim_says(nothing) == "placed relative to an unnamed place"
    central = Claim("m", "d", "", 0, 0, "part", "central Sirte", "Sirte", anchor=SIRTE)
    assert claim_says(central) == "in the centre of Sirte"  # a part without a direction: the centre
    odd = Claim("z", "d", "", 0, 0, "towards", "camp", "Sirte", anchor=SIRTE)
    assert claim_says(odd) == "placed relative to Sirte"


def test_the_wording_is_data_and_every_entry_is_described():
    raw = json.loads(resources.files("geokit").joinpath("_data", "claim_wording.json").read_text("utf-8"))
    entries = [k for k in raw if not k.startswith("_")]
    assert entries == list(claim_wording())
    assert [k for k in entries if f"_{k}" not in raw] == []
    pieces = {"hedge", "distance", "compass", "side", "part", "anchor", "anchor2"}
    for relation, templates in raw["relations"].items():
        for template in templates:
            assert set(re.findall(r"\{(\w+)\}", template)) <= pieces, (relation, template)
    assert kind_word("admin1") == "state or province" and kind_word("some_kind") == "some kind"
    assert flag_words("anchor not found") == "the place it is measured from was not found"
