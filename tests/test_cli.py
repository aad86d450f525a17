"""The command line follows the JSON contract and never shows a traceback for bad input."""

import json
import pathlib

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
