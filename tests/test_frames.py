"""The notebook views of an analysis: readable claims, estimates and checks frames, and its HTML summary."""

import pathlib
import re

import pytest

from geokit.frames import CHECK_COLUMNS, CLAIM_COLUMNS, ESTIMATE_COLUMNS, SUMMARY_ROWS, components_text
from geokit.pipeline import analyse, analyse_texts

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))
DOD = "U.S. Airstrikes Kill 80 ISIL Fighters in Libya, Carter Says"
HILL = "US B-2 bombers strike two ISIS camps in Libya"


@pytest.fixture(scope="module")
def seeds():
    return analyse(SEEDS)


def _cells(frame):
    return [str(v) for col in frame.columns if col != "geometry" for v in frame[col].tolist()]


def test_claims_frame_reads_as_a_person_reads_it(seeds):
    f = seeds.claims_frame()
    assert list(f.columns) == [*CLAIM_COLUMNS, "geometry"] and str(f.crs) == "EPSG:4326"
    assert list(f.index) == [c.id for c in seeds.claims] and f.index.name == "claim"
    dod = f[f.quote.str.contains("28 miles southwest")].iloc[0]
    assert dod.document == DOD and dod.target == "training camps" and dod.anchor == "Sirte"
    assert (dod.distance, float(dod.km), dod.direction, dod.hedge, bool(dod.inverse)) == (
        "28 mi",
        45.062,
        "SW",
        "nearly",
        True,
    )
    assert "estimate at sea" in dod["flags"] and dod.radius_km == pytest.approx(22.2)
    hill = f[f.document == HILL].iloc[0]
    assert (hill.distance, float(hill.km), hill.direction, bool(hill.inverse)) == ("45 km", 45.0, "SW", False)
    assert not any(re.search(r"[{}]|'\w+': ", v) for v in _cells(f)), "no dict printed as text"
    assert not re.search(r"[0-9a-f]{12,}", " ".join(f.document)), "documents are named by title"


def test_claims_frame_without_anchor_or_estimate():
    a = analyse_texts(["The depot is 20 km north of Zzyzxvillex.", "Fighting in Homs."])
    f = a.claims_frame()
    assert len(f) == 1
    row = f.iloc[0]
    assert row.anchor == "Zzyzxvillex" and "anchor not found" in row["flags"]
    assert f.lat.isna().all() and f.geometry.isna().all()


def test_estimates_frame_has_target_document_and_readable_components(seeds):
    f = seeds.estimates_frame()
    assert list(f.columns) == [*ESTIMATE_COLUMNS, "geometry"]
    assert set(f.index) == set(seeds.estimates)
    camps = f[f.target == "training camps"]
    assert set(camps.document) == {DOD, HILL} and len(camps) == 3
    assert not any(re.search(r"\d\.\d{4,}", c) for c in f.components), "no unrounded metres"
    assert all(re.fullmatch(r"([a-z ]+ \d+\.\d+ km)(, [a-z ]+ \d+\.\d+ km)*", c) for c in f.components)
    e = seeds.estimates[camps.index[0]]
    assert camps.radius_km.iloc[0] == pytest.approx(e.radius_m / 1000, abs=0.05)
    assert {g.geom_type for g in f.geometry} <= {"Polygon", "MultiPolygon", "Point"}


def test_components_text_largest_first_in_km():
    assert components_text({"hedge": 2253.0815999999977, "distance_precision": 500.0, "extent": 12345.6}) == (
        "extent 12.3 km, hedge 2.25 km, distance precision 0.50 km"
    )


def test_checks_frame_names_sources_and_keeps_every_reason(seeds):
    f = seeds.checks_frame()
    assert list(f.columns) == [*CHECK_COLUMNS, "geometry"]
    checks = [(t, k) for t in seeds.targets for k in t.checks]
    assert len(f) == len(checks)
    claims = seeds.claims_frame()
    assert set(f.a) | set(f.b) <= set(claims.index)
    row = f[f.verdict == "disagree"].iloc[0]
    assert (row.target, row.source_a, row.source_b) == ("training camps", DOD, HILL)
    assert (row.says_a, row.says_b) == (
        "nearly 28 mi (45.1 km) NE of Sirte (written the other way round)",
        "45 km SW of Sirte",
    )
    k = next(k for _, k in checks if k.verdict == "disagree")
    assert row.km_apart == pytest.approx(k.separation_m / 1000, abs=0.05)
    assert len(row.reasons) > 200 and "directions opposite" in row.reasons
    assert row.reasons.count(";") == len(k.reasons) - 1 and "seeds/" not in row.reasons
    assert f.geometry.iloc[0].geom_type == "LineString"


def test_frames_of_an_analysis_with_no_claims():
    a = analyse_texts(["Fighting in Homs."])
    for frame, cols in (
        (a.claims_frame(), CLAIM_COLUMNS),
        (a.estimates_frame(), ESTIMATE_COLUMNS),
        (a.checks_frame(), CHECK_COLUMNS),
    ):
        assert len(frame) == 0 and list(frame.columns) == [*cols, "geometry"]
    assert "0 targets checked" in a._repr_html_()


def test_analysis_shows_a_short_escaped_summary():
    texts = [f"The <b>camp</b> {i} is {10 + i} km north of Mosul." for i in range(SUMMARY_ROWS + 2)]
    sources = [f"<img src=x onerror=alert({i})>" for i in range(len(texts))]
    out = analyse_texts(texts, sources=sources, one_target=True)._repr_html_()
    assert "<img" not in out and "&lt;img src=x onerror=alert(0)&gt;" in out
    assert f"{len(texts)} documents" in out and "1 target checked" in out
    assert "… and 2 more documents" in out
    assert out.count("<tr>") == 1 + 1 + 1 + SUMMARY_ROWS  # target header and row, document header and rows


def test_seeds_summary_puts_the_disagreement_first(seeds):
    out = seeds._repr_html_()
    counts = f"{len(seeds.mentions)} places, {len(seeds.claims)} claims, {len(seeds.estimates)} estimates"
    assert f"2 documents, {counts}, {len(seeds.targets)} targets checked (disagree 1, agree " in out
    assert out.index("training camps") < out.index("east Mosul")
    assert DOD in out and HILL in out and not re.search(r"[0-9a-f]{12,}", out)
