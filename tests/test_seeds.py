"""The two seed reports end to end: places, the camps claims, their estimates and the contradiction."""

import pathlib

import pytest
from global_land_mask import globe

from geokit.claims import target_key
from geokit.pipeline import analyse

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def analysis():
    return analyse(SEEDS)


def places_of(analysis, doc_index):
    return analysis.documents[doc_index].mentions


def test_seed_places_are_found_and_resolved(analysis):
    found = {
        (m.text, m.place.id if m.place else None, m.place.country if m.place else None)
        for m in analysis.mentions
    }
    by_text = {}
    for text, pid, cc in found:
        by_text.setdefault(text, set()).add((pid, cc))
    assert by_text["Sirte"] == {("geonames:2210554", "LY")}
    assert by_text["Mosul"] == {("geonames:99072", "IQ")}
    assert by_text["Raqqa"] == by_text["Raqqah"] == {("geonames:172955", "SY")}
    assert {cc for _, cc in by_text["Whiteman Air Force Base"]} == {"US"}
    assert {cc for _, cc in by_text["Missouri"]} == {"US"}
    for country, cc in (("Libya", "LY"), ("Iraq", "IQ"), ("Syria", "SY")):
        assert {c for _, c in by_text[country]} == {cc}
    assert "Europe" in by_text and "Africa" in by_text
    tigris = [m for m in analysis.mentions if m.text.startswith("Tigris")]
    assert tigris and tigris[0].place.kind == "river"


def test_people_and_demonyms_are_not_places(analysis):
    texts = {m.text for m in analysis.mentions}
    assert not texts & {
        "Iraqi",
        "Libyan",
        "al-Iraqi",
        "Al-Iraqi",
        "Carter",
        "Cook",
        "Peter Cook",
        "Ash Carter",
        "Col",
    }


def test_boilerplate_yields_nothing(analysis):
    doc = analysis.documents[0]
    chrome_end = doc.document.text.index("U.S. Airstrikes Kill")
    assert [m.text for m in doc.mentions if m.start < chrome_end] == ["United States", "United States"]
    assert not [c for c in doc.claims if c.start < chrome_end]
    assert not {m.text for m in doc.mentions} & {"VIDEO", "Play", "Photo", "VIRIN", "Here"}


def test_camp_claims_from_both_documents(analysis):
    dod, hill = analysis.documents
    forward = [c for c in hill.claims if c.relation == "offset"]
    assert len(forward) == 1
    f = forward[0]
    assert (f.anchor.name, f.distance.value, f.distance.unit, f.direction.azimuth, f.inverse) == (
        "Sirte",
        45,
        "km",
        225.0,
        False,
    )
    inverse = [c for c in dod.claims if c.relation == "offset"]
    assert len(inverse) == 1
    i = inverse[0]
    assert (i.anchor.name, i.distance.value, i.distance.unit, i.hedge, i.direction.azimuth, i.inverse) == (
        "Sirte",
        28,
        "mi",
        "nearly",
        225.0,
        True,
    )
    near = [c for c in dod.claims if c.relation == "near"]
    assert near and near[0].anchor.name == "Sirte"
    assert {target_key(c.target) for c in (f, i, near[0])} == {"camp"}


def test_estimates_and_the_contradiction(analysis):
    f = next(c for c in analysis.documents[1].claims if c.relation == "offset")
    i = next(c for c in analysis.documents[0].claims if c.relation == "offset")
    ef, ei = analysis.estimates[f.id], analysis.estimates[i.id]
    assert ef.lat < 31.2089 and ef.lon < 16.5887 and globe.is_land(ef.lat, ef.lon)
    assert ei.lat > 31.2089 and ei.lon > 16.5887 and not globe.is_land(ei.lat, ei.lon)
    assert "estimate at sea" in i.flags
    check = next(ch for t in analysis.targets for ch in t.checks if {ch.a, ch.b} == {f.id, i.id})
    assert check.verdict == "disagree"
    reasons = " ".join(check.reasons)
    assert "opposite" in reasons and "sea" in reasons and "45.06 km" in reasons
    assert 70_000 < check.separation_m < 110_000
