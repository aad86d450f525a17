"""Analyst corrections: each kind, recomputation downstream, files, determinism and bad input."""

from __future__ import annotations

import argparse
import io
import json
import math
from contextlib import redirect_stderr, redirect_stdout

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from geokit.cli import main as cli_main
from geokit.corrections import (
    ACTIONS,
    NOT_A_CLAIM,
    NOT_A_PLACE,
    Corrections,
    add_corrections_argument,
    add_template_parser,
    apply_corrections,
    corrections_from_args,
    load_corrections,
    make_template,
    mentions_html,
    parse_corrections,
    schema,
)
from geokit.corrections.schema import CLAIM_FIELDS
from geokit.errors import CorrectionError, GeokitError
from geokit.pipeline import analyse_texts

STORY = (
    "A tornado touched down near Paris on Tuesday, the county sheriff said. "
    "Volunteers set up a shelter 10 miles north of Paris. "
    "After a 40 km drive south of Paris, the crews reached sulphur springs."
)
WIRE = "The shelter is 25 km south of Hugo, Oklahoma."
PARIS_FR, PARIS_TX, HUGO_OK = "geonames:2988507", "geonames:4717560", "geonames:4539145"


def _spans(text: str, word: str) -> list[tuple[int, int]]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append((i, i + len(word)))
        i = text.find(word, i + 1)
    return out


PARIS = _spans(STORY, "Paris")
SHELTER = _spans(STORY, "10 miles north of Paris")[0]
DRIVE = _spans(STORY, "south of Paris")[0]
SULPHUR = _spans(STORY, "sulphur springs")[0]
WIRE_CLAIM = _spans(WIRE, "25 km south of Hugo")[0]
HUGO = _spans(WIRE, "Hugo")[0]


@pytest.fixture(scope="module")
def base():
    return analyse_texts([STORY, WIRE])


def _paris_tx(fixes: Corrections | None = None) -> Corrections:
    fixes = fixes if fixes is not None else Corrections()
    for a, b in PARIS:
        fixes.choose("input0", a, b, PARIS_TX, note="a Texas story")
    return fixes


def _claim(analysis, doc, span):
    return next(c for c in analysis.claims if c.document == doc and (c.start, c.end) == span)


def _mention(analysis, doc, span):
    return next(m for m in analysis.mentions if m.document == doc and (m.start, m.end) == span)


def _dump(analysis) -> str:
    return json.dumps(analysis.to_dict(), ensure_ascii=False, allow_nan=False, sort_keys=False)


# -- 1. alternatives -----------------------------------------------------------------------------


def test_the_default_choices_are_the_ones_the_story_gets_wrong(base):
    assert [_mention(base, "input0", s).place.id for s in PARIS] == [PARIS_FR] * 3
    assert not any(m.text == "sulphur springs" for m in base.mentions)
    assert _claim(base, "input0", DRIVE).target == "km drive"  # over-read: a drive, not a place


def test_parse_json_lists_ranked_alternatives(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli_main(["parse", str(p), "--json"]) == 0
    place = json.loads(out.getvalue())["documents"][0]["places"][0]
    alts = place["alternatives"]
    assert 2 <= len(alts) <= 5
    assert {"id", "name", "country", "kind", "score", "reason"} <= set(alts[0])
    assert PARIS_TX in [a["id"] for a in alts]
    assert [a["score"] for a in alts] == sorted((a["score"] for a in alts), reverse=True)
    assert "corrected" not in place


def test_mention_table_shows_alternatives_escaped(base):
    html = mentions_html(base)
    assert PARIS_TX in html and "<th>alternatives</th>" in html
    fixed = Corrections().not_a_place("input0", *PARIS[0], note="<script>x</script>").apply(base)
    html = mentions_html(fixed.documents[0])
    assert "<script>" not in html and "&lt;script&gt;" in html


# -- 2. each kind of correction, and what follows ---------------------------------------------


def test_choose_moves_the_anchor_estimate_region_and_check(base):
    fixed = apply_corrections(base, _paris_tx())
    m = _mention(fixed, "input0", PARIS[1])
    assert m.place.id == PARIS_TX and m.place.admin1 == "TX"
    assert m.corrected == {
        "by": "analyst",
        "action": "choose",
        "original": {
            "id": PARIS_FR,
            "name": "Paris",
            "kind": "city",
            "country": "FR",
            "lat": pytest.approx(48.85, abs=0.01),
            "lon": pytest.approx(2.35, abs=0.01),
        },
        "note": "a Texas story",
    }
    assert m.to_dict()["corrected"]["original"]["id"] == PARIS_FR
    c = _claim(fixed, "input0", SHELTER)
    assert c.anchor.id == PARIS_TX and c.corrected["action"] == "recomputed"
    before, after = base.estimates[_claim(base, "input0", SHELTER).id], fixed.estimates[c.id]
    assert before.lat > 48 and 33.7 < after.lat < 33.9 and -95.7 < after.lon < -95.4
    assert after.region.contains(Point(after.lon, after.lat))
    assert not after.region.intersects(before.region)
    # the shelter of the wire story is 39 km from Paris, Texas: now one target, and the two agree
    shelter = [t for t in base.targets if t.checks and "shelter" in t.label]
    assert shelter == []
    [target] = [t for t in fixed.targets if t.checks]
    assert [ch.verdict for ch in target.checks] == ["agree"]
    # the analysis given is unchanged
    assert _mention(base, "input0", PARIS[1]).place.id == PARIS_FR
    assert _mention(base, "input0", PARIS[1]).corrected is None
    assert base.estimates[_claim(base, "input0", SHELTER).id].lat > 48


def test_edit_claim_distance_changes_the_verdict(base):
    fixed = _paris_tx().edit_claim("input1", *WIRE_CLAIM, distance=70, note="misread").apply(base)
    c = _claim(fixed, "input1", WIRE_CLAIM)
    assert c.distance.value == 70 and c.distance.unit == "km" and c.distance.metres == 70_000
    assert c.corrected["original"] == {"distance": {"value": 25.0, "unit": "km"}}
    assert c.to_dict()["corrected"]["note"] == "misread"
    [target] = [t for t in fixed.targets if t.checks]
    assert [ch.verdict for ch in target.checks] == ["disagree"]
    agree = apply_corrections(base, _paris_tx())
    moved = fixed.estimates[c.id].lat - agree.estimates[c.id].lat
    assert moved == pytest.approx(-45_000 / 111_000, abs=0.02)  # 45 km further south


def test_edit_claim_every_field(base):
    fixes = _paris_tx().edit_claim(
        "input0",
        *SHELTER,
        anchor=HUGO_OK,
        target="field hospital",
        distance=12.5,
        unit="mi",
        direction="NE",
        hedge="about",
        inverse=True,
    )
    fixed = fixes.apply(base)
    c = _claim(fixed, "input0", SHELTER)
    assert (
        c.anchor.id,
        c.target,
        c.distance.value,
        c.distance.unit,
        c.direction.azimuth,
        c.hedge,
        c.inverse,
    ) == (
        HUGO_OK,
        "field hospital",
        12.5,
        "mi",
        45.0,
        "about",
        True,
    )
    assert c.distance.metres == pytest.approx(12.5 * 1609.344)
    assert set(c.corrected["original"]) == {"anchor", "target", "distance", "direction", "hedge", "inverse"}
    assert c.corrected["original"]["anchor"]["id"] == PARIS_FR  # before both the choice and the edit
    assert c.corrected["original"]["direction"] == "north"
    # inverse: the target lies south-west of Hugo
    e = fixed.estimates[c.id]
    hugo = _mention(fixed, "input1", HUGO).place
    assert e.lat < hugo.lat and e.lon < hugo.lon
    # an anchor given as the span of a mention; removing the direction leaves a distance claim
    fixed = _paris_tx().edit_claim("input0", *SHELTER, anchor=PARIS[0], direction=None).apply(base)
    c = _claim(fixed, "input0", SHELTER)
    assert c.anchor.id == PARIS_TX and c.direction is None and c.relation == "distance"
    assert fixed.estimates[c.id].method == "distance-annulus"


def test_not_a_place_removes_the_mention_from_the_claims(base):
    fixed = Corrections().not_a_place("input0", *PARIS[0]).apply(base)
    m = _mention(fixed, "input0", PARIS[0])
    assert m.place is None and m.reason == NOT_A_PLACE and m.corrected["original"]["id"] == PARIS_FR
    assert m.to_dict()["id"] is None
    near = _claim(fixed, "input0", (PARIS[0][0] - 5, PARIS[0][1]))
    assert near.anchor is None and near.id not in fixed.estimates and "anchor not found" in near.flags


def test_add_mention_in_context_and_with_an_id(base):
    fixed = _paris_tx().add_mention("input0", *SULPHUR).apply(base)
    m = _mention(fixed, "input0", SULPHUR)
    assert m.place.name == "Sulphur Springs" and m.place.country == "US"
    assert m.candidates and m.corrected == {"by": "analyst", "action": "add", "original": None, "note": None}
    assert [x.start for x in fixed.documents[0].mentions] == sorted(
        x.start for x in fixed.documents[0].mentions
    )
    other = m.candidates[1].place.id
    fixed = _paris_tx().add_mention("input0", *SULPHUR, other).apply(base)
    assert _mention(fixed, "input0", SULPHUR).place.id == other


def test_place_by_hand_moves_the_estimate_with_the_anchor(base):
    hugo = _mention(base, "input1", HUGO).place
    fixed = (
        Corrections()
        .place_by_hand("input1", *HUGO, hugo.lat + 0.5, hugo.lon, 3000, "Hugo (by hand)")
        .apply(base)
    )
    m = _mention(fixed, "input1", HUGO)
    assert (m.place.kind, m.place.name, m.place.extent_m) == ("analyst", "Hugo (by hand)", 3000.0)
    assert m.corrected["original"]["id"] == HUGO_OK
    c = _claim(fixed, "input1", WIRE_CLAIM)
    e0, e1 = base.estimates[c.id], fixed.estimates[c.id]
    assert e1.lat - e0.lat == pytest.approx(0.5, abs=0.01)
    assert e1.region.centroid.y - e0.region.centroid.y == pytest.approx(0.5, abs=0.01)
    assert c.anchor.id.startswith("analyst:") and c.corrected["action"] == "recomputed"
    # a new span placed by hand becomes a mention
    i = WIRE.index("shelter")
    fixed = Corrections().place_by_hand("input1", i, i + 7, 34.0, -95.5).apply(base)
    assert _mention(fixed, "input1", (i, i + 7)).corrected["original"] is None


def test_not_a_claim_is_kept_flagged_and_not_estimated(base):
    fixed = Corrections().not_a_claim("input0", *DRIVE, note="a drive").apply(base)
    c = _claim(fixed, "input0", DRIVE)
    assert c.flags == [NOT_A_CLAIM] and c.id not in fixed.estimates
    assert c.corrected["original"]["target"] == "km drive"
    assert all(c.id not in [x.id for x in t.claims] for t in fixed.targets)
    assert _claim(fixed, "input0", SHELTER).id in fixed.estimates


def test_noop_corrections_change_nothing(base):
    original = _dump(base)
    fixes = Corrections().choose("input0", *PARIS[0], PARIS_FR).keep("input1", *HUGO)
    fixes.edit_claim("input1", *WIRE_CLAIM, distance=25, unit="km", direction="south", hedge=None)
    fixed = fixes.apply(base)
    assert _dump(fixed) == original and fixed.errors == []


def test_estimate_false_corrects_places_and_claims_only(base):
    fixed = apply_corrections(base, _paris_tx(), estimate=False)
    assert fixed.estimates == {} and fixed.targets == []
    assert _claim(fixed, "input0", SHELTER).anchor.id == PARIS_TX


# -- 3. files, template, CLI plumbing -------------------------------------------------------------


def test_template_applied_unchanged_is_a_noop_and_matches_the_schema(base):
    jsonschema = pytest.importorskip("jsonschema")
    template = make_template(base)
    jsonschema.Draft202012Validator(schema()).validate(template)
    actions = [e["action"] for e in template["corrections"]]
    assert actions.count("choose") == len(base.mentions) and actions.count("edit-claim") == len(base.claims)
    fixed = apply_corrections(base, parse_corrections(template))
    assert fixed.errors == []
    assert _dump(fixed) == _dump(base)


def test_file_round_trip_and_cli_helpers(base, tmp_path):
    path = tmp_path / "fixes.json"
    fixes = _paris_tx().add_mention("input0", *SULPHUR).not_a_claim("input0", *DRIVE)
    fixes.save(path)
    loaded = load_corrections(path)
    assert [c.to_dict() for c in loaded] == [c.to_dict() for c in fixes] and loaded.problems == []
    parser = argparse.ArgumentParser()
    add_corrections_argument(parser)
    args = parser.parse_args(["--corrections", str(path), "--corrections", str(path)])
    both = corrections_from_args(args)
    assert len(both) == 2 * len(fixes)
    assert corrections_from_args(parser.parse_args([])) is None
    assert _dump(apply_corrections(base, loaded)) == _dump(apply_corrections(base, fixes))


def test_template_command(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    parser = argparse.ArgumentParser(prog="geokit")
    add_template_parser(parser.add_subparsers(dest="command"))
    out = tmp_path / "fixes.json"
    args = parser.parse_args(["corrections", "template", str(tmp_path / "story.txt"), "-o", str(out)])
    err = io.StringIO()
    with redirect_stderr(err):
        assert args.func(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    first = data["corrections"][0]
    assert (first["document"], first["start"], first["end"], first["action"], first["place"]) == (
        "story",
        *PARIS[0],
        "choose",
        PARIS_FR,
    )
    assert PARIS_TX in [a["id"] for a in first["alternatives"]]
    # every input failed: nothing written (no empty template a later step mistakes for a result),
    # the input named first
    missing, out3 = tmp_path / "missing.txt", tmp_path / "none.json"
    for extra in ([], ["-o", str(out3)]):
        args = parser.parse_args(["corrections", "template", str(missing), *extra])
        out2, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out2), redirect_stderr(err):
            assert args.func(args) == 1
        lines = err.getvalue().splitlines()
        assert "missing.txt" in lines[0] and "no input could be read" in lines[-1]
        assert out2.getvalue() == "" and not out3.exists()


# -- 4. the map ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_map_marks_corrected_items_and_escapes_what_changed(base):
    plain = base.to_map().to_html()
    assert "corrected" not in plain
    fixes = _paris_tx()
    fixes.edit_claim("input1", *WIRE_CLAIM, distance=24, note="<img src=x onerror=alert(1)>")
    html = fixes.apply(base).to_map().to_html()
    assert (
        "corrected by analyst" in html
        and "#ff7f00" in html
        and "\\u2014 corrected" in html.replace("—", "\\u2014")
    )
    assert "choose by analyst: was Paris (city, FR, geonames:2988507)" in html
    assert "distance was 25 km" in html
    # the popup table travels as script-safe JSON: "&lt;" is written "\u0026lt;"
    assert "<img src=x" not in html and "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in html


# -- 5. determinism -------------------------------------------------------------------------------


@pytest.mark.slow
def test_same_inputs_and_corrections_give_identical_outputs(base):
    fixes = _paris_tx().add_mention("input0", *SULPHUR).not_a_claim("input0", *DRIVE)
    fixes.edit_claim("input1", *WIRE_CLAIM, direction="SSE")
    one, two = fixes.apply(base), fixes.apply(analyse_texts([STORY, WIRE]))
    assert _dump(one) == _dump(two)
    assert one.to_map().to_html() == two.to_map().to_html()


# -- 6. bad input -----------------------------------------------------------------------------------


def test_bad_corrections_are_named_and_the_others_still_apply(base):
    fixes = Corrections(source="fixes.json")
    fixes.choose("nowhere", 0, 5, PARIS_TX)  # 1: no such document
    fixes.choose("input0", 0, 5, PARIS_TX)  # 2: no mention at that span
    fixes.choose("input0", *PARIS[0], "geonames:0")  # 3: no such id
    fixes.choose("input0", *PARIS[1], PARIS_TX)  # 4: fine
    fixes.not_a_place("input0", *PARIS[1])  # 5: second correction of the same span
    fixes.edit_claim("input0", 0, 9, distance=3)  # 6: no claim there
    fixes.edit_claim("input1", *WIRE_CLAIM, direction="north-south")  # 7: conflicting
    fixes.edit_claim("input1", *WIRE_CLAIM, hedge="perhaps")  # 8: second edit of the claim
    fixes.add_mention("input0", PARIS[2][0] - 2, PARIS[2][1])  # 9: overlaps a mention
    fixes.not_a_place("input0", len(STORY) - 3, len(STORY) + 4)  # 10: beyond the text
    fixed = fixes.apply(base)
    assert all(isinstance(e, CorrectionError) and isinstance(e, GeokitError) for e in fixed.errors)
    by_entry = {e.entry: str(e) for e in fixed.errors}
    assert sorted(by_entry) == [1, 2, 3, 5, 6, 7, 8, 9, 10]
    assert [e.entry for e in fixed.errors] == sorted(by_entry)  # reported in file order
    assert "no document 'nowhere'" in by_entry[1] and by_entry[1].startswith("fixes.json: entry 1")
    assert "no place mention at 0-5 'A tor'" in by_entry[2] and "'Paris'" in by_entry[2]
    assert "no gazetteer entry has the id 'geonames:0'" in by_entry[3]
    assert "entry 4 already corrects this mention" in by_entry[5]
    assert "no claim at 0-9" in by_entry[6]
    assert "conflicting" in by_entry[7]
    assert "entry 7 already corrects this claim" in by_entry[8]
    assert "overlaps the mention" in by_entry[9]
    assert "beyond the document's text" in by_entry[10]
    assert _mention(fixed, "input0", PARIS[1]).place.id == PARIS_TX  # entry 4 applied
    assert _mention(fixed, "input0", PARIS[0]).place.id == PARIS_FR  # entry 3 did not
    assert fixed.errors[0].to_dict() == {
        "file": "fixes.json",
        "line": None,
        "id": "nowhere",
        "error": "entry 1: choose at 0-5: no document 'nowhere' in this run",
    }
    with pytest.raises(CorrectionError, match="no document 'nowhere'"):
        apply_corrections(base, fixes, strict=True)


def test_unknown_hedge_and_text_guard(base):
    fixes = parse_corrections(
        [
            {"document": "input1", "start": WIRE_CLAIM[0], "end": WIRE_CLAIM[1], "action": "edit-claim"}
            | {"hedge": "perhaps"},
            {"document": "input1", "start": HUGO[0], "end": HUGO[1], "action": "keep", "text": "Hugh"},
        ]
    )
    errors = [str(e) for e in fixes.apply(base).errors]
    assert "unknown hedge 'perhaps'" in errors[0]
    assert "the text there is 'Hugo', not 'Hugh'" in errors[1]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"document": "d", "start": 0, "end": 5}, "missing 'action'"),
        ({"document": "d", "start": 5, "end": 5, "action": "keep"}, "0 <= start < end"),
        ({"document": "d", "start": "0", "end": 5, "action": "keep"}, "'start' and 'end'"),
        ({"document": "d", "start": 0, "end": 5, "action": "rename"}, "unknown action 'rename'"),
        ({"document": "d", "start": 0, "end": 5, "action": "choose"}, "needs 'place'"),
        ({"document": "d", "start": 0, "end": 5, "action": "choose", "plcae": "x"}, "unknown field 'plcae'"),
        ({"document": "d", "start": 0, "end": 5, "action": "keep", "distance": 4}, "takes no 'distance'"),
        ({"document": "d", "start": 0, "end": 5, "action": "place", "lat": 91, "lon": 0}, "'lat' must be"),
        ({"document": "d", "start": 0, "end": 5, "action": "edit-claim"}, "needs at least one of"),
        (
            {"document": "d", "start": 0, "end": 5, "action": "edit-claim", "unit": "furlong"},
            "'unit' must be",
        ),
        (
            {"document": "d", "start": 0, "end": 5, "action": "edit-claim", "inverse": "yes"},
            "'inverse' must be",
        ),
        ({"document": "", "start": 0, "end": 5, "action": "keep"}, "'document' must be"),
        ("not an object", "must be a JSON object"),
        ({"document": "d", "start": 0, "end": 5, "action": "choose", "place": None}, "needs 'place'"),
        ({"document": "d", "start": 0, "end": 5, "action": "place", "lat": None, "lon": 0}, "needs 'lat'"),
        (
            {"document": "d", "start": 0, "end": 5, "action": "keep", "place": "geonames:1"},
            "takes no 'place'",
        ),
        ({"document": "d", "start": 0, "end": 5, "action": "edit-claim", "target": "  "}, "'target' must be"),
        (
            {
                "document": "d",
                "start": 0,
                "end": 5,
                "action": "edit-claim",
                "anchor": {"start": -1, "end": 2},
            },
            "'anchor' must be",
        ),
        ({"document": "d", "start": 0, "end": 5, "action": "keep", "note": 3}, "'note' must be a string"),
    ],
)
def test_malformed_entries_are_refused_by_geokit_and_the_schema(entry, message):
    fixes = parse_corrections(
        {"corrections": [entry, {"document": "d", "start": 0, "end": 5, "action": "keep"}]}, source="f.json"
    )
    assert len(fixes) == 1  # the good entry is kept
    [problem] = fixes.problems
    assert problem.entry == 1 and str(problem).startswith("f.json: entry 1") and message in str(problem)
    if message != "0 <= start < end":  # the one rule JSON Schema cannot state
        assert not jsonschema.Draft202012Validator(schema()).is_valid({"corrections": [entry]})


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"document": "d", "start": 0.0, "end": 5, "action": "keep"}, "'start' and 'end' must be offsets"),
        ({"document": "d", "start": True, "end": 5, "action": "keep"}, "'start' and 'end' must be offsets"),
        (
            {"document": "d", "start": 0, "end": 5, "action": "place", "lat": math.nan, "lon": 0},
            "'lat' must be",
        ),
        (
            {"document": "d", "start": 0, "end": 5, "action": "edit-claim", "distance": math.inf},
            "'distance' must be a number >= 0 or null, not inf",
        ),
    ],
)
def test_offsets_are_json_integers_and_numbers_finite(entry, message):
    [problem] = parse_corrections([entry], source="f.json").problems
    assert message in str(problem)


def test_the_schema_states_the_actions_and_claim_fields():
    correction = schema()["$defs"]["correction"]
    assert tuple(correction["properties"]["action"]["enum"]) == ACTIONS
    [edit] = [
        r["then"] for r in correction["allOf"] if r["if"]["properties"]["action"]["const"] == "edit-claim"
    ]
    assert tuple(k for one in edit["anyOf"] for k in one["required"]) == CLAIM_FIELDS
    assert set(CLAIM_FIELDS) <= set(edit["propertyNames"]["enum"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON: line 1 column 2"),
        ("[1, 2", "not valid JSON"),
        ('"corrections"', "a corrections file is a JSON object, not str"),
        ('{"corrections": {}}', "'corrections' must be a list"),
        ('{"version": 2, "corrections": []}', "unsupported version 2"),
        ('{"fixes": []}', "unknown top-level field 'fixes'"),
        ('{"comment": 5, "corrections": []}', "'comment' must be a string"),
        (b"\xff\xfe", "cannot read it"),
    ],
)
def test_malformed_files_raise_an_error_naming_them(tmp_path, content, message):
    p = tmp_path / "bad.json"
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(CorrectionError, match=message) as info:
        load_corrections(p)
    assert str(info.value).startswith(str(p))
    with pytest.raises(CorrectionError, match="no such file or folder"):
        load_corrections(tmp_path / "missing.json")


def test_problems_of_a_file_reach_the_analysis_errors(base, tmp_path):
    p = tmp_path / "fixes.json"
    entries = [
        {
            "document": "input0",
            "start": PARIS[0][0],
            "end": PARIS[0][1],
            "action": "choose",
            "place": PARIS_TX,
        },
        {"document": "input0", "start": 0, "end": 5, "action": "choose"},
    ]
    p.write_text(json.dumps({"version": 1, "corrections": entries}), encoding="utf-8")
    fixed = apply_corrections(base, load_corrections(p))
    assert [e.entry for e in fixed.errors] == [2] and str(p) in str(fixed.errors[0])
    assert _mention(fixed, "input0", PARIS[0]).place.id == PARIS_TX


def test_corrected_is_absent_from_json_until_set(base):
    assert all("corrected" not in m.to_dict() for m in base.mentions)
    assert all("corrected" not in c.to_dict() for c in base.claims)
    assert not math.isnan(len(_dump(base)))


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_choice_of_alternatives_flows_to_the_claims(base, data):
    fixes = Corrections()
    chosen = {}
    for m in base.mentions:
        if m.document == "input0" and len(m.candidates) > 1:
            k = data.draw(st.integers(0, min(4, len(m.candidates) - 1)))
            chosen[(m.start, m.end)] = m.candidates[k].place.id
            fixes.choose("input0", m.start, m.end, chosen[(m.start, m.end)])
    fixed = fixes.apply(base)
    assert fixed.errors == []
    for m in fixed.documents[0].mentions:
        assert m.place.id == chosen[(m.start, m.end)]
        assert (m.corrected is not None) == (
            chosen[(m.start, m.end)] != _mention(base, "input0", (m.start, m.end)).place.id
        )
    for c in fixed.documents[0].claims:
        assert c.anchor.id == chosen[next(s for s in chosen if s[1] == c.end)]
        e = fixed.estimates.get(c.id)
        assert e is not None and e.region.buffer(0.05).contains(Point(e.lon, e.lat))
    assert _dump(fixed) == _dump(fixes.apply(base))
