"""The command line follows the JSON contract and never shows a traceback for bad input."""

import json
import pathlib

import pytest
from helpers import run_geokit as geokit

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))


def test_geocode_json_contract():
    proc = geokit("geocode", "Paris", "--country", "US", "--json")
    assert proc.returncode == 0
    cands = json.loads(proc.stdout)["candidates"]
    assert cands and {"id", "name", "kind", "lat", "lon", "country", "score"} <= set(cands[0])
    assert all(c["country"] == "US" for c in cands)


@pytest.mark.parametrize("query", ["", "Sirte " * 1700, "Sir\x01te\x7f"])
def test_geocode_bad_queries(query):
    proc = geokit("geocode", query, "--json")
    assert proc.returncode in (0, 1)
    if proc.returncode:
        assert proc.stderr.startswith("geokit: error:")


def test_parse_seeds_json_contract():
    proc = geokit("parse", *SEEDS, "--json")
    assert proc.returncode == 0, proc.stderr
    docs = json.loads(proc.stdout)["documents"]
    assert [d["id"] for d in docs] == [p.stem for p in SEEDS]
    text = SEEDS[0].read_text(encoding="utf-8")
    for p in docs[0]["places"]:
        assert {"id", "name", "kind", "lat", "lon", "start", "end", "text"} <= set(p)
        assert text[p["start"] : p["end"]] == p["text"]


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


def test_parse_names_an_unresolved_place_as_written(tmp_path):
    text = (
        "A boy was stabbed in Croydon, south London. It happened half a mile north of West Croydon station. "
    )
    (tmp_path / "c.txt").write_text(text + "He was taken to hospital in Tooting.", encoding="utf-8")
    proc = geokit("parse", tmp_path / "c.txt", "--json")
    places = {p["text"]: p for p in json.loads(proc.stdout)["documents"][0]["places"]}
    stray = places["West Croydon"]
    assert (stray["name"], stray["lat"], stray["id"]) == ("West Croydon", None, None) and stray["reason"]
