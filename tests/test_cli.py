"""The command line follows the JSON contract and never shows a traceback for bad input."""

import json
import pathlib
import re

import pytest
from helpers import run_geokit as geokit

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.mark.slow
def test_geocode_json_contract():
    proc = geokit("geocode", "Paris", "--country", "US", "--json")
    assert proc.returncode == 0
    cands = json.loads(proc.stdout)["candidates"]
    assert cands and {"id", "name", "kind", "lat", "lon", "country", "score"} <= set(cands[0])
    assert all(c["country"] == "US" for c in cands)


@pytest.mark.slow
@pytest.mark.parametrize("query", ["", "Sirte " * 1700, "Sir\x01te\x7f"])
def test_geocode_bad_queries(query):
    proc = geokit("geocode", query, "--json")
    assert proc.returncode in (0, 1)
    if proc.returncode:
        assert proc.stderr.startswith("geokit: error:")


@pytest.mark.slow
def test_parse_seeds_json_contract():
    proc = geokit("parse", *SEEDS, "--json")
    assert proc.returncode == 0, proc.stderr
    docs = json.loads(proc.stdout)["documents"]
    assert [d["id"] for d in docs] == [p.stem for p in SEEDS]
    text = SEEDS[0].read_text(encoding="utf-8")
    for p in docs[0]["places"]:
        assert {"id", "name", "kind", "lat", "lon", "start", "end", "text"} <= set(p)
        assert text[p["start"] : p["end"]] == p["text"]


@pytest.mark.slow
def test_parse_goes_on_after_bad_inputs(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\xff" * 100)
    (tmp_path / "good.txt").write_text("Fighting near Mosul, Iraq.", encoding="utf-8")
    (tmp_path / "mixed.jsonl").write_text('{"id": "a", "text": "Sirte, Libya"}\nnot json\n{"id": "b"}\n')
    proc = geokit(
        "parse",
        tmp_path / "missing.txt",
        tmp_path / "bin.txt",
        tmp_path / "good.txt",
        tmp_path / "mixed.jsonl",
        "--json",
    )
    assert proc.returncode == 1
    assert "missing.txt" in proc.stderr and "bin.txt" in proc.stderr and "mixed.jsonl:2" in proc.stderr
    docs = json.loads(proc.stdout)["documents"]
    names = {p["name"] for d in docs for p in d["places"]}
    assert {"Mosul", "Sirte"} <= names


@pytest.mark.slow
def test_parse_given_spans(tmp_path):
    text = "Strikes hit Paris, Texas and Zzyzxville."
    spans = [{"start": 12, "end": 17}, {"start": 19, "end": 24}, {"start": 29, "end": 39}]
    (tmp_path / "g.jsonl").write_text(json.dumps({"id": "g", "text": text, "spans": spans}) + "\n")
    proc = geokit("parse", tmp_path / "g.jsonl", "--given-spans", "--json")
    places = json.loads(proc.stdout)["documents"][0]["places"]
    assert [(p["start"], p["end"]) for p in places] == [(12, 17), (19, 24), (29, 39)]
    assert places[0]["country"] == "US"  # Paris, Texas: the qualifier decides
    assert places[2]["lat"] is None and places[2]["reason"]
    assert places[2]["name"] == "Zzyzxville" and places[2]["id"] is None  # unresolved: named as written


@pytest.mark.slow
def test_parse_names_an_unresolved_place_as_written(tmp_path):
    text = (
        "A boy was stabbed in Croydon, south London. It happened half a mile north of West Croydon station. "
    )
    (tmp_path / "c.txt").write_text(text + "He was taken to hospital in Tooting.", encoding="utf-8")
    proc = geokit("parse", tmp_path / "c.txt", "--json")
    places = {p["text"]: p for p in json.loads(proc.stdout)["documents"][0]["places"]}
    stray = places["West Croydon"]
    assert (stray["name"], stray["lat"], stray["id"]) == ("West Croydon", None, None) and stray["reason"]


# ---------------------------------------------------------------- as a person reads it
@pytest.mark.slow
def test_check_in_a_terminal_names_sources_by_title_and_quotes_them():
    proc = geokit("check", *SEEDS)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "training camps: disagree" in out
    assert "US B-2 bombers strike two ISIS camps in Libya: 45 km SW of Sirte" in out
    assert "45 kilometers southwest of Sirte" in out and "28 miles southwest of the training camps" in out
    assert "seeds/" not in out and not __import__("re").search(r"[0-9a-f]{12,}", out)
    assert max(len(line) for line in out.splitlines()) <= 160


def test_version_and_help_on_every_option():
    import argparse

    from geokit.cli import build_parser

    proc = geokit("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("geokit ")
    missing = []
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                for a in sub._actions:
                    if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and not a.help:
                        missing.append(f"{name} {a.option_strings or a.dest}")
    assert not missing


@pytest.mark.slow
def test_map_whose_inputs_all_fail_writes_nothing(tmp_path):
    out = tmp_path / "x.html"
    proc = geokit("map", tmp_path / "nope.txt", "-o", out)
    assert proc.returncode == 1 and not out.exists()
    first = proc.stderr.splitlines()[0]
    assert "nope.txt" in first and "no such file or folder" in first  # the input is named first
    assert "map written" not in proc.stderr and "not written" in proc.stderr


@pytest.mark.slow
def test_one_wording_for_a_missing_file(tmp_path):
    nope = tmp_path / "nope.txt"
    for args in (
        ("parse", nope),
        ("check", nope),
        ("check", "--jsonl", nope),
        ("map", nope, "-o", tmp_path / "m.html"),
    ):
        proc = geokit(*args)
        assert proc.returncode == 1 and f"{nope}: no such file or folder" in proc.stderr, args


def test_check_in_a_terminal_gives_each_source_its_estimate():
    proc = geokit("check", *SEEDS)
    lines = proc.stdout.splitlines()
    hill = next(i for i, line in enumerate(lines) if line.startswith("  - US B-2 bombers"))
    assert "45 km SW of Sirte" in lines[hill] and "30.9215, 16.2558 ± 23.2 km" in " ".join(
        lines[hill : hill + 2]
    )
    estimates = [line for line in lines if "±" in line]
    sources = [line for line in lines if line.startswith("  - ")]
    assert len(estimates) == len(sources) > 3  # every seed claim has an estimate, none cut across lines
    assert all(re.search(r"→ -?\d+\.\d{4}, -?\d+\.\d{4} ± \d+\.\d km$", line) for line in estimates)


def test_check_whose_inputs_all_fail_prints_no_verdict(tmp_path):
    proc = geokit("check", tmp_path / "nope.txt")
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.splitlines()[0] == f"geokit: skipped {tmp_path / 'nope.txt'}: no such file or folder"
    assert "no input could be read" in proc.stderr
    proc = geokit("check", tmp_path / "nope.txt", "--json")  # the JSON contract is unchanged
    assert proc.returncode == 1 and json.loads(proc.stdout) == {"targets": []}


@pytest.mark.parametrize(
    ("argv", "suggestion"),
    [
        (("chek", "x"), "'check'"),
        (("reslove", "x"), "'resolve'"),
        (("corrections", "templat", "x"), "'template'"),
    ],
)
def test_a_mistyped_command_gets_did_you_mean(argv, suggestion):
    proc = geokit(*argv)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines()[-1].endswith(f"unknown command {argv[-2]!r}; did you mean {suggestion}?")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--versoin",), "unknown option '--versoin'; did you mean '--version'?"),
        (("check", "x.txt", "--jsn"), "unknown option '--jsn'; did you mean '--json'?"),
        (("map", "x.txt", "--ouput", "m.html"), "unknown option '--ouput'; did you mean '--output'?"),
    ],
)
def test_a_mistyped_option_gets_did_you_mean(argv, message):
    proc = geokit(*argv)
    assert proc.returncode == 2 and proc.stderr.splitlines()[-1].endswith(message)


def test_abbreviated_options_still_work():
    proc = geokit("check", "--tex", "The camp is 45 km southwest of Sirte.", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["targets"]


def test_an_unknown_command_far_from_any_lists_the_commands():
    proc = geokit("xyzzy")
    assert proc.returncode == 2 and "did you mean" not in proc.stderr and "'check'" in proc.stderr


def test_resolve_says_what_it_read():
    proc = geokit(
        "resolve",
        "The camp is 45 km southwest of Sirte.",
        "Sirte is nearly 28 miles southwest of the camp.",
        "Fighting in Homs.",
        "The depot is 20 km north of Zzyzxvillex.",
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    blocks = re.split(r"^(?=\[\d\] )", out, flags=re.M)[1:]
    assert [b.split("\n", 1)[0] for b in blocks][2] == "[2] Fighting in Homs."
    first, inverse, nothing, unknown = (" ".join(b.split()) for b in blocks)  # as wrapped lines read
    assert "target 'camp'" in first and "anchor 'Sirte' = Sirte (city, LY, geonames:" in first
    assert "not inverse" in first and "camp is 45 km SW of Sirte: 30.9215, 16.2558 ± 23.2 km" in first
    assert "inverse: the sentence places the anchor relative to the target" in inverse
    assert "nearly 28 mi (45.1 km) NE of Sirte (written the other way round)" in inverse
    assert "flags: estimate at sea" in inverse
    assert "nothing read" in nothing
    assert "anchor 'Zzyzxvillex', not found" in unknown and "no estimate" in unknown
    assert max(len(line) for line in out.splitlines()) <= 160


def test_resolve_prints_a_band_along_a_line_as_a_band():
    proc = geokit(
        "resolve",
        "Militants were seen 10 km east of the Tigris.",
        "Troops camped 5 km east of the Tigris in Mosul.",
    )
    assert proc.returncode == 0, proc.stderr
    whole, stretch = (" ".join(b.split()) for b in re.split(r"^(?=\[\d\] )", proc.stdout, flags=re.M)[1:])
    assert "band 7.5–12.5 km from Tigris on its E side, along its whole length; e.g. " in whole
    assert "along the stretch near Mosul" in stretch
    assert "±" not in whole and "±" not in stretch  # not a point with the radius of the whole band


def test_resolve_json_is_unchanged_by_the_terminal_view():
    proc = geokit("resolve", "The camp is 45 km southwest of Sirte.", "Fighting in Homs.", "--json")
    claims = json.loads(proc.stdout)["claims"]
    assert (
        len(claims) == 1
        and claims[0]["input"] == 0
        and claims[0]["estimate"]["lat"] == pytest.approx(30.9215)
    )
