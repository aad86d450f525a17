from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geokit.claims import extract_claims, target_key
from geokit.claims.grammar import COMPASS, UNIT_METRES
from geokit.model import Candidate, Claim, Document, Mention, Place

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DOD = SEEDS / "000_bf260793d4cba688.txt"
HILL = SEEDS / "001_a35c04ace141a9c3.txt"

PLACES = {
    "Sirte": Place(id="geonames:2210554", name="Sirte", kind="city", lat=31.20892, lon=16.58866, country="LY",
                   extent_m=8000),
    "Libya": Place(id="geonames:2215636", name="Libya", kind="country", lat=28.0, lon=17.0, country="LY"),
    "Mosul": Place(id="geonames:99072", name="Mosul", kind="city", lat=36.335, lon=43.11889, country="IQ",
                   extent_m=12000),
    "Tigris River": Place(id="geonames:99129", name="Tigris", kind="river", lat=35.0, lon=44.0, country="IQ"),
    "Raqqa": Place(id="geonames:163915", name="Raqqa", kind="city", lat=35.95, lon=39.01, country="SY"),
    "Erbil": Place(id="geonames:95446", name="Erbil", kind="city", lat=36.19, lon=44.01, country="IQ"),
    "Qayyarah": Place(id="geonames:7000001", name="Qayyarah", kind="city", lat=35.8, lon=43.3, country="IQ"),
}  # fmt: skip


def mentions_of(doc: Document, names: dict[str, Place | None] | None = None) -> list[Mention]:
    """Hand-made mentions: every whole-word occurrence of each known name."""
    names = PLACES if names is None else names
    out = []
    for name, place in names.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", doc.text):
            out.append(Mention(doc.id, m.start(), m.end(), name, place=place))
    return sorted(out, key=lambda m: m.start)


def claims_of(text: str, names: dict[str, Place | None] | None = None, doc_id: str = "d") -> list[Claim]:
    doc = Document(id=doc_id, text=text, source="test")
    return extract_claims(doc, mentions_of(doc, names))


def one(text: str, **kw: object) -> Claim:
    claims = claims_of(text, **kw)  # type: ignore[arg-type]
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


# --- the seed documents ---------------------------------------------------------------------------
def seed_claims(path: Path) -> list[Claim]:
    doc = Document(id=path.stem, text=path.read_text(encoding="utf-8"), source=str(path))
    return extract_claims(doc, mentions_of(doc))


def test_hill_offset_claim() -> None:
    claims = seed_claims(HILL)
    [c] = [c for c in claims if c.relation == "offset"]
    assert c.text == "45 kilometers southwest of Sirte"
    assert c.anchor is PLACES["Sirte"] and c.anchor_text == "Sirte"
    assert c.distance is not None and c.distance.value == 45 and c.distance.unit == "km"
    assert c.distance.metres == 45000 and c.distance.text == "45"
    assert c.direction is not None and c.direction.azimuth == 225 and c.direction.half_angle == 22.5
    assert c.inverse is False and c.hedge is None and c.flags == []
    assert target_key(c.target) == "camp" and c.target_place is None
    assert c.quote.startswith(
        "The strikes destroyed two camps located 45 kilometers southwest of Sirte, which"
    )
    doc_text = HILL.read_text(encoding="utf-8")
    assert doc_text[c.start : c.end] == c.text
    assert c.id == f"{HILL.stem}:c{c.start}"
    assert c.document == HILL.stem and c.source == str(HILL)


def test_dod_inverse_claim() -> None:
    claims = seed_claims(DOD)
    [c] = [c for c in claims if c.relation == "offset"]
    assert c.inverse is True
    assert c.hedge == "nearly"
    assert c.anchor is PLACES["Sirte"]
    assert c.distance is not None and c.distance.unit == "mi" and c.distance.value == 28
    assert c.distance.text == "28"
    assert c.distance.metres == pytest.approx(45061.6, abs=0.05)
    assert c.direction is not None and c.direction.azimuth == 225
    assert target_key(c.target) == "camp"
    assert c.quote == "Sirte is nearly 28 miles southwest of the training camps that were struck last night."
    assert c.text == "nearly 28 miles southwest of the training camps"


def test_dod_near_claim_and_same_label() -> None:
    claims = seed_claims(DOD)
    near = [c for c in claims if c.relation == "near"]
    assert len(near) == 1
    [c] = near
    assert c.anchor is PLACES["Sirte"] and c.text == "near Sirte"
    assert target_key(c.target) == "camp"
    assert c.context_country == "LY"
    inverse = next(c for c in claims if c.inverse)
    assert inverse.target == c.target == "training camps"


def test_dod_side_and_parts() -> None:
    claims = seed_claims(DOD)
    [side] = [c for c in claims if c.relation == "side"]
    assert side.text == "east of the Tigris River"
    assert side.anchor is PLACES["Tigris River"]
    assert side.target == "Mosul" and side.target_place is PLACES["Mosul"]
    assert side.direction is not None and side.direction.azimuth == 90
    parts = [c for c in claims if c.relation == "part"]
    assert {c.target for c in parts} == {"east Mosul", "west Mosul"}
    assert all(c.anchor is PLACES["Mosul"] for c in parts)
    assert any(c.text == "eastern Mosul" for c in parts)
    assert any(c.text == "western part of Mosul" for c in parts)


def test_seed_claims_all_json_ready() -> None:
    for path in (DOD, HILL):
        claims = seed_claims(path)
        assert claims
        ids = [c.id for c in claims]
        assert len(ids) == len(set(ids))
        for c in claims:
            d = c.to_dict()
            assert d["quote"] and d["relation"] and isinstance(d["flags"], list)


def test_targets_unified_across_documents() -> None:
    hill = [c for c in seed_claims(HILL) if c.relation == "offset"]
    dod = [c for c in seed_claims(DOD) if c.inverse]
    assert target_key(hill[0].target) == target_key(dod[0].target) == "camp"


# --- relations ----------------------------------------------------------------------------------
def test_named_target() -> None:
    c = one("Qayyarah, 60 km south of Mosul, was retaken.")
    assert c.relation == "offset" and c.target == "Qayyarah" and c.target_place is PLACES["Qayyarah"]
    assert c.anchor is PLACES["Mosul"] and c.direction is not None and c.direction.azimuth == 180
    assert not c.inverse


def test_named_subject_with_named_anchor_is_not_inverse() -> None:
    c = one("Qayyarah is 60 km south of Mosul.")
    assert c.target_place is PLACES["Qayyarah"] and c.anchor is PLACES["Mosul"] and not c.inverse


IRAQ = Place(id="geonames:99237", name="Iraq", kind="country", lat=33.0, lon=44.0, country="IQ")


@pytest.mark.parametrize(
    "text",
    [
        "Sirte, Libya, lies 45 km southwest of the camps.",
        "Sirte, Libya is 45 km southwest of the camps.",
        "Sirte (Libya) sits 45 km southwest of the camps.",
        "Sirte, in northern Libya, is located 45 km southwest of the camps.",
    ],
)
def test_a_qualified_subject_is_the_anchor_not_its_country(text: str) -> None:
    [c] = [c for c in claims_of(text) if c.relation != "part"]  # "northern Libya" is a part claim too
    assert c.inverse and c.anchor is PLACES["Sirte"] and c.target == "camps"
    assert c.direction is not None and c.direction.azimuth == 225.0


def test_a_country_alone_may_still_be_the_subject() -> None:
    c = one("Libya is 45 km south of the ship.")
    assert c.inverse and c.anchor is PLACES["Libya"] and c.target == "ship"


def test_a_bracketed_noun_phrase_is_no_subject() -> None:
    c = one("The depot (the old one) is 30 km north of Mosul.")
    assert not c.inverse and c.anchor is PLACES["Mosul"]


@pytest.mark.parametrize(
    "text, target",
    [
        ("Some 30 km south of the depot lies Mosul.", "depot"),
        ("About 30 km south of the airfield is the city of Mosul.", "airfield"),
        ("Roughly 30 km south of the camps sits Mosul, Iraq.", "camps"),
    ],
)
def test_a_fronted_statement_puts_the_place_after_the_verb(text: str, target: str) -> None:
    c = one(text, names={**PLACES, "Iraq": IRAQ})
    assert c.inverse and c.anchor is PLACES["Mosul"] and c.target == target
    assert c.distance is not None and c.distance.metres == 30000.0 and c.end >= text.index("Mosul")


def test_a_region_named_like_its_city_is_the_city_as_the_subject() -> None:
    """A distance is measured from a point: the region's namesake settlement, when it scores close."""
    region = Place(id="g:r", name="Nineveh", kind="admin1", lat=36.0, lon=42.5, country="IQ")
    city = Place(id="g:c", name="Nineveh", kind="city", lat=36.36, lon=43.15, country="IQ")
    text = "Nineveh lies 20 km east of the camp."
    doc = Document(id="d", text=text)
    men = Mention("d", 0, 7, "Nineveh", [Candidate(region, 1.7, ""), Candidate(city, 1.6, "")], region, 1.7)
    [c] = extract_claims(doc, [men])
    assert c.inverse and c.anchor is city
    far = Mention("d", 0, 7, "Nineveh", [Candidate(region, 1.7, ""), Candidate(city, 0.9, "")], region, 1.7)
    assert extract_claims(doc, [far])[0].anchor is region


@pytest.mark.parametrize(
    "text, direction",
    [
        ("The ship was 20 nautical miles off Sirte.", None),
        ("The ship was 20 nautical miles offshore from Sirte.", None),
        ("The ship was 20 nautical miles off the coast of Sirte.", None),
        ("The ship was 20 nautical miles north off Sirte.", 0.0),
    ],
)
def test_a_distance_off_a_town_is_offshore(text: str, direction: float | None) -> None:
    c = one(text)
    assert c.relation == "offshore" and c.anchor is PLACES["Sirte"]
    assert c.distance is not None and c.distance.metres == 20 * 1852.0
    assert (c.direction.azimuth if c.direction else None) == direction


@pytest.mark.parametrize(
    "text, value, unit, connector",
    [
        ("The convoy was 5 km from Raqqa.", 5, "km", "from"),
        ("A village 10 miles outside Mosul was shelled.", 10, "mi", "outside"),
        ("The camp is some 20 kilometres away from Raqqa.", 20, "km", "away from"),
        ("The camp is within 5 km of Raqqa.", 5, "km", "of"),
        ("The ship was 20 nautical miles off the coast of Libya.", 20, "nm", "off"),
    ],
)
def test_distance_only(text: str, value: float, unit: str, connector: str) -> None:
    c = one(text)
    assert c.relation == "distance" and c.direction is None
    assert c.distance is not None and c.distance.value == value and c.distance.unit == unit
    assert c.distance.metres == pytest.approx(value * UNIT_METRES[unit])
    assert connector in c.text and c.anchor is not None


def test_distance_of_without_hedge_is_no_claim() -> None:
    assert claims_of("They drove the last 10 km of the road to Mosul.") == []


@pytest.mark.parametrize(
    "text, azimuth",
    [
        ("The site lies north of Mosul.", 0),
        ("The site lies to the southwest of Sirte.", 225),
        ("The site lies just NNE of Raqqa.", 22.5),
    ],
)
def test_direction_only(text: str, azimuth: float) -> None:
    c = one(text)
    assert c.relation == "direction" and c.distance is None
    assert c.direction is not None and c.direction.azimuth == azimuth
    assert target_key(c.target) == "site"


@pytest.mark.parametrize(
    "text, relation",
    [
        ("Fighting continued on the outskirts of Mosul.", "outskirts"),
        ("The base is outside Mosul.", "outside"),
        ("Troops camped on the banks of the Tigris River.", "near"),
        ("The site is close to Raqqa.", "near"),
        ("The site is in the vicinity of Raqqa.", "near"),
    ],
)
def test_simple_relations(text: str, relation: str) -> None:
    c = one(text)
    assert c.relation == relation and c.anchor is not None and c.flags == []


def test_northern_outskirts_keeps_direction() -> None:
    c = one("Clashes on the northern outskirts of Mosul.")
    assert c.relation == "outskirts" and c.direction is not None and c.direction.azimuth == 0


def test_between() -> None:
    c = one("The road between Mosul and Erbil was cut.")
    assert c.relation == "between" and c.anchor is PLACES["Mosul"] and c.anchor2 is PLACES["Erbil"]
    assert (
        c.anchor2_text == "Erbil" and c.text == "between Mosul and Erbil" and target_key(c.target) == "road"
    )
    assert c.to_dict()["anchor2"]["id"] == PLACES["Erbil"].id


def test_near_without_place_is_no_claim() -> None:
    assert claims_of("In the near future, forces will move.") == []


@pytest.mark.parametrize(
    "text, target, text_",
    [
        ("Forces hold eastern Mosul.", "east Mosul", "eastern Mosul"),
        ("They will clear the western part of Mosul.", "west Mosul", "western part of Mosul"),
        ("Bridges link east Mosul to the rest.", "east Mosul", "east Mosul"),
        ("Fighting in north-western Mosul.", "northwest Mosul", "north-western Mosul"),
        ("Fighting in central Mosul.", "central Mosul", "central Mosul"),
    ],
)
def test_parts(text: str, target: str, text_: str) -> None:
    c = one(text)
    assert c.relation == "part" and c.target == target and c.text == text_ and c.anchor is PLACES["Mosul"]


def test_part_from_mention_part_field() -> None:
    text = "Forces hold eastern Mosul."
    doc = Document(id="d", text=text)
    m = Mention(
        "d",
        text.index("eastern"),
        text.index("Mosul") + 5,
        "eastern Mosul",
        place=PLACES["Mosul"],
        part="eastern",
    )
    [c] = extract_claims(doc, [m])
    assert c.relation == "part" and c.target == "east Mosul" and c.anchor_text == "Mosul"
    assert c.direction is not None and c.direction.azimuth == 90


def test_two_parts_linked() -> None:
    claims = claims_of("bridges linking east and west Mosul")
    assert [c.target for c in claims] == ["east Mosul", "west Mosul"]
    assert len({c.id for c in claims}) == 2


def test_adjective_without_place_is_no_part() -> None:
    assert claims_of("They control the eastern ends of all five bridges.") == []


# --- grammar inside claims -----------------------------------------------------------------------
def test_range_dash() -> None:
    c = one("The base is about 40-50 km northeast of Mosul.")
    assert c.distance is not None and (c.distance.value, c.distance.value2) == (40, 50)
    assert c.distance.metres == 45000 and c.distance.text == "40-50" and c.hedge == "about"


@pytest.mark.parametrize(
    "text",
    [
        "The base is 40 to 50 kilometers northeast of Mosul.",
        "The base is between 40 and 50 km northeast of Mosul.",
    ],
)
def test_range_words(text: str) -> None:
    c = one(text)
    assert c.relation == "offset" and c.distance is not None
    assert (c.distance.value, c.distance.value2) == (40, 50)


def test_paired_units() -> None:
    c = one("The camp is 28 miles (45 km) SW of Sirte.")
    assert c.distance is not None and c.distance.unit == "mi" and c.distance.value == 28
    assert c.distance_alt is not None and c.distance_alt.unit == "km" and c.distance_alt.metres == 45000
    assert c.flags == []
    bad = one("The camp is 28 miles (80 km) SW of Sirte.")
    assert "paired distances disagree" in bad.flags


@pytest.mark.parametrize(
    "text, value, azimuth, half",
    [
        ("The camp is forty-five kilometres north-northeast of Sirte.", 45, 22.5, 11.25),
        ("The camp is two and a half miles N by E of Sirte.", 2.5, 11.25, 5.625),
        ("The camp is a dozen miles east of Sirte.", 12, 90, 45),
        ("The camp is 1,200 m S.W. of Sirte.", 1200, 225, 22.5),
        ("The camp is 10 km on a bearing of 225° from Sirte.", 10, 225, 2.5),
        ("The camp is 10 km at 135 degrees from Sirte.", 10, 135, 2.5),
        ("The camp is 1½ miles to the west of Sirte.", 1.5, 270, 45),
        ("The camp is 300 yards north-west of Sirte.", 300, 315, 22.5),
        ("The camp is 900 feet SSE of Sirte.", 900, 157.5, 11.25),
    ],
)
def test_grammar_in_claims(text: str, value: float, azimuth: float, half: float) -> None:
    c = one(text)
    assert c.relation == "offset" and c.anchor is PLACES["Sirte"]
    assert c.distance is not None and c.distance.value == pytest.approx(value)
    assert c.direction is not None and c.direction.azimuth == azimuth and c.direction.half_angle == half
    assert target_key(c.target) == "camp"


@pytest.mark.parametrize(
    "hedge_text, hedge",
    [
        ("about", "about"),
        ("roughly", "about"),
        ("just under", "nearly"),
        ("more than", "more than"),
        ("at least", "at least"),
        ("up to", "up to"),
        ("less than", "less than"),
        ("just over", "just over"),
    ],
)
def test_hedges_in_claims(hedge_text: str, hedge: str) -> None:
    c = one(f"The camp is {hedge_text} 30 km west of Sirte.")
    assert c.hedge == hedge and c.distance is not None and c.distance.text == "30"
    assert c.text.startswith(hedge_text)


# --- flags -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, flag",
    [
        ("The town is 0 km west of Sirte.", "distance is zero"),
        ("The town is -5 km west of Sirte.", "negative distance"),
        ("The town is 30,000 km west of Sirte.", "distance beyond half the Earth's circumference"),
        ("The town is 12 furlongs west of Sirte.", "unknown unit"),
        ("The town is 5 km north-south of Sirte.", "conflicting directions"),
        ("The town is 7 km S.W. of Atlantisville.", "anchor not found"),
    ],
)
def test_flags(text: str, flag: str) -> None:
    c = one(text)
    assert flag in c.flags


def test_unknown_unit_keeps_word() -> None:
    c = one("The town is 12 furlongs west of Sirte.")
    assert c.distance is not None and c.distance.unit == "furlongs" and c.distance.value == 12


def test_conflicting_direction_claim_kept_without_direction() -> None:
    c = one("The town is 5 km north-south of Sirte.")
    assert c.relation == "offset" and c.direction is None and c.distance is not None


def test_unknown_anchor_is_kept() -> None:
    c = one("The outpost is 7 km S.W. of Atlantisville.")
    assert c.anchor is None and c.anchor_text == "Atlantisville"
    assert c.to_dict()["anchor"] == {
        "id": None,
        "name": None,
        "lat": None,
        "lon": None,
        "text": "Atlantisville",
    }


def test_unresolved_mention_is_flagged() -> None:
    c = one("The camp is 5 km north of Sirte.", names={"Sirte": None})
    assert c.anchor is None and c.anchor_text == "Sirte" and "anchor not found" in c.flags


def test_lowercase_anchor_without_named_subject() -> None:
    c = one("The camp lies 5 km north of the village.")
    assert c.anchor is None and c.anchor_text == "the village" and not c.inverse
    assert "anchor not found" in c.flags and target_key(c.target) == "camp"


def test_pronoun_target_follows_previous_claim() -> None:
    claims = claims_of("The convoy was 5 km from Raqqa. It is 3 km west of Mosul.")
    assert [target_key(c.target) for c in claims] == ["convoy", "convoy"]


def test_inverse_named_subject() -> None:
    c = one("Raqqa is about 10 km north of the site.")
    assert c.inverse and c.anchor is PLACES["Raqqa"] and c.target == "site" and c.hedge == "about"


def test_no_claims_in_plain_text() -> None:
    assert claims_of("Carter told reporters at the Pentagon the airstrikes were vital.") == []
    assert claims_of("") == []


# --- properties ------------------------------------------------------------------------------------
@pytest.mark.slow
@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_arbitrary_unicode_never_raises(text: str) -> None:
    doc = Document(id="h", text=text)
    for c in extract_claims(doc, []):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text


@given(st.text(alphabet=st.sampled_from(list("0123456789 .,-km Nnorthsuewf()½of Sirte\n")), max_size=200))
@settings(max_examples=200, deadline=None)
def test_claim_like_noise_never_raises(text: str) -> None:
    doc = Document(id="h", text=text)
    extract_claims(doc, mentions_of(doc))


_UNITS = {"km": "km", "kilometres": "km", "miles": "mi", "mi": "mi", "m": "m", "meters": "m", "feet": "ft",
          "yards": "yd", "nautical miles": "nm"}  # fmt: skip
_WORDS = {"N": "north", "NNE": "north-northeast", "NE": "northeast", "ENE": "east-northeast", "E": "east",
          "ESE": "east-southeast", "SE": "south-east", "SSE": "south-southeast", "S": "south",
          "SSW": "south-southwest", "SW": "southwest", "WSW": "west-southwest", "W": "west",
          "WNW": "west-northwest", "NW": "north west", "NNW": "north-northwest"}  # fmt: skip


@pytest.mark.slow
@given(
    st.one_of(st.integers(min_value=1, max_value=20000).map(float),
              st.decimals(min_value="0.1", max_value="999", places=1).map(float)),
    st.sampled_from(sorted(_UNITS)),
    st.sampled_from(sorted(_WORDS)),
    st.booleans(),
    st.sampled_from(["Sirte", "Mosul", "Raqqa"]),
)  # fmt: skip
@settings(max_examples=150, deadline=None)
def test_random_offsets_round_trip(
    value: float, unit: str, point: str, abbreviate: bool, anchor: str
) -> None:
    number = f"{value:,.1f}" if value != int(value) else f"{int(value):,}"
    direction = point if abbreviate else _WORDS[point]
    text = f"The target is {number} {unit} {direction} of {anchor}."
    c = one(text)
    assert c.relation == "offset"
    assert (
        c.distance is not None
        and c.distance.value == pytest.approx(value)
        and c.distance.unit == _UNITS[unit]
    )
    assert c.distance.metres == pytest.approx(value * UNIT_METRES[_UNITS[unit]])
    assert c.direction is not None and c.direction.azimuth == COMPASS[point]
    assert c.anchor is PLACES[anchor] and target_key(c.target) == "target"


@pytest.mark.slow
def test_one_megabyte_runs() -> None:
    text = HILL.read_text(encoding="utf-8")
    big = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    doc = Document(id="big", text=big)
    claims = extract_claims(doc, mentions_of(doc))
    assert len(claims) > 100


def test_abbreviated_unit_with_full_stop() -> None:
    c = one("The drone crashed 3 mi. NW of Raqqa.")
    assert c.relation == "offset" and c.distance is not None and c.distance.unit == "mi"
    assert c.direction is not None and c.direction.azimuth == 315 and target_key(c.target) == "drone"


def test_verb_before_expression_is_not_the_target() -> None:
    c = one("Iraqi forces advanced to within 2 km of Mosul.")
    assert c.target == "forces" and c.hedge == "within"


def test_paired_units_with_hedge_and_appositive_target() -> None:
    c = one("Airstrikes hit targets about 30 miles (48 kilometers) east of Raqqa on Tuesday.")
    assert c.hedge == "about" and c.distance_alt is not None and c.distance_alt.value == 48
    assert target_key(c.target) == "target" and c.flags == []


def test_long_sentence_quote_is_bounded() -> None:
    text = "word " * 5000 + "The camp is 5 km north of Raqqa " + "word " * 5000
    c = one(text)
    assert len(c.quote) < 1100 and "5 km north of Raqqa" in c.quote


def test_bearing_without_distance() -> None:
    c = one("The wreck lies on a bearing of 045 degrees from Raqqa.")
    assert c.relation == "direction" and c.direction is not None
    assert (c.direction.azimuth, c.direction.half_angle) == (45, 2.5)


def test_direction_word_inside_a_name_is_no_heading() -> None:
    names = {"North Point": PLACES["Erbil"], "Mosul": PLACES["Mosul"]}
    assert [c.relation for c in claims_of("He visited North Point of Mosul.", names=names)] == []


def test_appositive_inverse() -> None:
    c = one("Raqqa, 10 km north of the dam, was quiet.")
    assert c.inverse and c.anchor is PLACES["Raqqa"] and c.target == "dam"


@pytest.mark.parametrize(
    "text", ["Troops arrived in the U.S. from Raqqa.", "Block E of the compound burned."]
)
def test_letters_are_not_headings(text: str) -> None:
    assert claims_of(text) == []


def test_single_letter_heading_after_distance() -> None:
    c = one("The camp is 5 km N of Raqqa.")
    assert c.direction is not None and c.direction.azimuth == 0 and c.direction.half_angle == 45


@pytest.mark.parametrize(
    ("text", "low", "high", "relation"),
    [
        ("It happened several miles north of Raqqa.", 3, 9, "offset"),
        ("The militants were a few kilometres outside Sirte.", 2, 5, "distance"),
        ("Dozens of kilometres south of Mosul, troops massed.", 24, 96, "offset"),
        ("The camp lies a couple of miles from Sirte.", 2, 3, "distance"),
    ],
)
def test_vague_quantities_are_ranges_and_flagged(text: str, low: float, high: float, relation: str) -> None:
    c = one(text)
    assert c.relation == relation
    assert (c.distance.value, c.distance.value2) == (low, high)
    assert "vague number" in c.flags


def test_a_part_word_before_the_anchor_is_read_past() -> None:
    claims = claims_of("The school is about 3 kilometers from downtown Mosul.")
    dist = next(c for c in claims if c.relation == "distance")
    assert dist.anchor is PLACES["Mosul"] and dist.distance.metres == 3000


def test_an_unknown_proper_name_is_the_whole_target() -> None:
    c = one("The militants fled to Wadi Bey, 60 km south of Sirte.")
    assert c.target == "Wadi Bey" and target_key(c.target) == "wadi bey"


def test_the_city_is_the_settlement_named_last() -> None:
    text = "Troops reached Mosul on Monday and pushed to within 5 miles of the city's southern edge."
    [c] = [c for c in claims_of(text) if c.relation == "distance"]
    assert c.anchor is PLACES["Mosul"] and c.anchor_text == "the city's southern edge"
    assert c.target == "troops"  # "pushed to": the subject of the verb joined by "and"


@pytest.mark.parametrize(
    "text",
    [
        "Forces advanced from Qayyarah, a town on the Tigris River about 60 kilometers south of Mosul.",
        # set off by two commas
        "Troops took Qayyarah, the main town of the district, about 60 kilometers south of Mosul.",
    ],
)
def test_an_appositive_locates_the_place_before_it(text: str) -> None:
    c = one(text)
    assert c.target == "Qayyarah" and c.target_place is PLACES["Qayyarah"]


def test_after_near_a_town_an_expression_set_off_by_a_comma_locates_the_town() -> None:
    claims = claims_of("The blast happened near Qayyarah, roughly 60 kilometers south of Mosul.")
    assert [(c.relation, c.target) for c in claims] == [("near", "blast"), ("offset", "Qayyarah")]
    assert claims[1].target_place is PLACES["Qayyarah"]


US = {
    "Paradise": Place(id="g:9", name="Paradise", kind="town", lat=39.76, lon=-121.62, country="US"),
    "California": Place(id="g:10", name="California", kind="admin1", lat=37.2, lon=-119.5, country="US"),
    "Sacramento": Place(id="g:11", name="Sacramento", kind="city", lat=38.58, lon=-121.49, country="US"),
    "Florida": Place(id="g:7", name="Florida", kind="admin1", lat=28.0, lon=-82.0, country="US"),
    "Perry": Place(id="g:8", name="Perry", kind="town", lat=30.12, lon=-83.58, country="US"),
}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The fire broke out in Paradise, California, about 90 miles north of Sacramento.", "Paradise"),
        # a name geokit does not know
        ("Idalia made landfall at Keaton Beach, Florida, about 20 miles south of Perry.", "Keaton Beach"),
    ],
)
def test_a_place_before_its_state_is_the_target_not_the_state(text: str, target: str) -> None:
    c = one(text, names=US)
    assert c.target == target and c.target_place is US.get(target)


@pytest.mark.parametrize(
    ("names", "text", "border", "target"),
    [
        # "the border" alone: that of the country of the place named last
        (
            {
                "Valuyki": Place(id="g:1", name="Valuyki", kind="town", lat=50.21, lon=38.1, country="RU"),
                "Ukraine": Place(id="g:2", name="Ukraine", kind="country", lat=49.0, lon=32.0, country="UA"),
            },
            "The region borders Ukraine. A drone hit a depot in Valuyki, some 15 miles from the border.",
            "Russia–Ukraine border",
            "Valuyki",
        ),
        # a country's border: with the neighbour named nearest
        (
            {
                "Russia": Place(id="g:3", name="Russia", kind="country", lat=60.0, lon=100.0, country="RU"),
                "Rzeszow": Place(id="g:4", name="Rzeszów", kind="city", lat=50.04, lon=22.0, country="PL"),
            },
            "Russia fired missiles overnight. Zelenskyy traveled to Rzeszow, near the Ukrainian border.",
            "Poland–Ukraine border",
            "Rzeszow",
        ),
        # a border "with" two countries: the one of the country the text is about, with both
        (
            {},
            "Brazilian police made an arrest in the Javari Valley, near the border with Peru and Colombia.",
            "Brazil–Peru and Brazil–Colombia border",
            "Javari Valley",
        ),
        # "between" two countries: theirs
        (
            {},
            "Fighting broke out near the border between Peru and Colombia.",
            "Colombia–Peru border",
            "fighting",
        ),
    ],
)
def test_which_border_is_meant(names: dict[str, Place], text: str, border: str, target: str) -> None:
    c = one(text, names=names)
    assert c.anchor is not None and c.anchor.name == border and c.target == target


SEA = {
    "Hodeidah": Place(id="g:5", name="Al Hudaydah", kind="city", lat=14.8, lon=42.95, country="YE"),
    "Red Sea": Place(id="g:6", name="Red Sea", kind="sea", lat=20.0, lon=38.0),
}


def test_the_port_of_a_country_is_its_port_named_last() -> None:
    text = "Houthis hit a ship off Hodeidah. It was 76 nautical miles northwest of the Yemeni port."
    c = one(text, names=SEA)
    assert c.anchor is SEA["Hodeidah"] and c.anchor_text == "the Yemeni port" and c.target == "unnamed target"


def test_a_sea_the_target_lies_in_is_not_the_target() -> None:
    c = one("They targeted a ship in the Red Sea about 50 nautical miles west of Hodeidah.", names=SEA)
    assert c.target == "ship" and c.anchor is SEA["Hodeidah"]


def test_an_auxiliary_verb_is_no_target() -> None:
    c = one("Witnesses said tanks had advanced to within 2 km of Sirte.")
    assert c.target == "tanks"


def test_a_second_expression_after_and_shares_the_target() -> None:
    claims = claims_of("The wildfire is burning 45 km southwest of Sirte and 30 km from Qayyarah.")
    assert [c.target for c in claims] == ["wildfire", "wildfire"]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("The wildfire broke out near Sirte and spread to within 2 miles of Qayyarah.", ["wildfire"] * 2),
        ("The storm made landfall near Sirte.", ["storm"]),
        ("The plane crashed shortly after take-off about 3 km from Sirte.", ["plane"]),
        ("A 6.4 earthquake struck on Tuesday, about 40 km west of Sirte.", ["earthquake"]),
        ("Tanks had advanced to the border and were positioned near Sirte.", ["tanks"]),
        ("Two hikers went missing near Sirte.", ["hikers"]),
        # a clock time is no clause break, nor a target
        ("The quake struck at 4:17 a.m. about 33 kilometres from Mosul.", ["quake"]),
        # "it": the target it refers to, if named close before (here none)
        ("It made landfall about 5 miles southeast of Sirte.", ["unnamed target"]),
        # over the sea: what was there
        ("The drone was shot down over the Mediterranean, 70 miles west of Sirte.", ["drone"]),
        # a measure is no target
        ("The quake struck at a depth of 10 kilometers, about 19 km north of Mosul.", ["quake"]),
        ("A train derailed on Thursday halfway between Mosul and Erbil.", ["train"]),
        # a region geokit does not know, after "in the": what is in it
        ("The avalanche struck a ski area in the French Alps, about 15 km south of Sirte.", ["ski area"]),
        ("A man was shot near Sirte.", ["man"]),
        # a verb with an object or a place phrase after it: that is what is located
        ("Rescuers reached the camp 5 km from Sirte.", ["camp"]),
        ("The hostages were held in a farmhouse 10 to 15 km outside Sirte.", ["farmhouse"]),
        ("Militants killed at least 37 people in an attack on a village near Sirte.", ["village"]),
        ("They fled to the mountains some 50 km west of Sirte.", ["mountains"]),
    ],
)
def test_a_verb_without_object_locates_its_subject(text: str, targets: list[str]) -> None:
    assert [c.target for c in claims_of(text)] == targets


def test_a_heading_with_no_anchor_named_is_from_the_settlement_named_before() -> None:
    text = "Strikes hit Mosul, on the Tigris River, and Qayyarah, about 60 km to the south."
    c = one(text)
    assert (c.relation, c.target, c.target_place, c.anchor) == (
        "offset",
        "Qayyarah",
        PLACES["Qayyarah"],
        PLACES["Mosul"],
    )
    assert c.distance is not None and c.distance.metres == 60_000 and c.direction is not None
    assert c.direction.azimuth == 180.0 and c.hedge == "about" and c.text == "about 60 km to the south"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Gunmen seized students in Kuriga, a village in Libya, about 89 km from Sirte.", "Kuriga"),
        ("Kuriga, a village in Libya, about 89 km from Sirte, was attacked.", "Kuriga"),
    ],
)
def test_a_name_geokit_does_not_know_before_an_appositive_is_the_target(text: str, target: str) -> None:
    assert one(text).target == target
    # a time before the comma is no place
    assert one("As of Friday, the dust level measured 5 km from Sirte was high.").target != "Friday"


def test_a_facility_in_a_place_is_measured_from_the_place() -> None:
    c = one("The crash site is about 4.5 km northeast of the airport in Sirte.")
    assert c.anchor is PLACES["Sirte"] and c.anchor_text == "the airport in Sirte"
    # "at": a facility may be named after a place it is not in (the reactor "at Zaporizhzhia")
    assert one("A shell landed 200 metres from the reactor building at Sirte.").anchor is None


def test_the_city_is_no_target_named_just_before() -> None:
    claims = claims_of("A fire broke out near Mosul. It spread to Erbil, about 5 km west of the city.")
    assert (claims[-1].target, claims[-1].anchor) == ("Erbil", PLACES["Mosul"])
    alone = claims_of("It spread to Erbil, about 5 km west of the city.")[-1]
    assert alone.anchor is None and alone.anchor_text == "the city" and "anchor not found" in alone.flags


def test_within_a_radius_written_in_words() -> None:
    c = one("Residents within a one-mile radius of Sirte were told to leave.")
    assert (c.target, c.hedge, c.distance.metres) == ("residents", "within", 1609.344)
    assert one("Villages within a 3-km radius of Sirte were evacuated.").target == "villages"


def test_a_place_before_its_region_and_an_appositive_is_the_target() -> None:
    names = {**PLACES, "Nineveh": Place("g:n", "Nineveh", "admin1", 36.0, 42.5, country="IQ", extent_m=1e5)}
    text = "The train derailed near Qayyarah in Nineveh province, about 60 km south of Mosul."
    assert [c.target for c in claims_of(text, names)] == ["train", "Qayyarah"]
    text = "A shark attacked a surfer off Qayyarah, on Iraq's river coast, about 60 km south of Mosul."
    assert claims_of(text)[-1].target == "Qayyarah"


def test_the_city_as_a_target_is_the_city_named_before() -> None:
    claims = claims_of(
        "Erdogan visited Mosul. The city lies 20 km from Erbil. A village lies 5 km from Erbil."
    )
    assert [(c.target, c.target_place) for c in claims] == [("Mosul", PLACES["Mosul"]), ("village", None)]
    # "the village" is no city
    assert claims_of("He left Mosul. The village lies 5 km from Erbil.")[-1].target == "village"


def test_the_capital_named_after_it_is_the_anchor() -> None:
    assert one("A village 600 km northwest of the capital, Sirte, was buried.").anchor is PLACES["Sirte"]


def test_the_resort_city_is_the_settlement_named_before() -> None:
    c = claims_of("The storm slammed into Sirte. It made landfall 5 miles southeast of the resort city.")[-1]
    assert c.anchor is PLACES["Sirte"]


def test_the_capital_is_the_national_capital_named_before() -> None:
    names = {
        "Kabul": Place(id="g:k", name="Kabul", kind="city", lat=34.53, lon=69.17, country="AF"),
        "Jalalabad": Place(id="g:j", name="Jalalabad", kind="city", lat=34.43, lon=70.45, country="AF"),
    }
    text = (
        "A bomb hit a police car on the highway between Kabul and Jalalabad, about 40 km east of the capital."
    )
    assert [c.anchor for c in claims_of(text, names)][-1] is names["Kabul"]
    # no capital named: the city named last, as before
    claims = claims_of("A bomb hit a car 40 km east of Mosul. Another hit a bus 10 km from the capital.")
    assert [c.anchor for c in claims] == [PLACES["Mosul"], PLACES["Mosul"]]


def test_the_state_capital_is_the_largest_settlement_named_in_the_region_named_last() -> None:
    names = {
        "Rio Grande do Sul": Place(
            "g:rs", "Rio Grande do Sul", "admin1", -30.0, -53.5, country="BR", extent_m=5e5
        ),
        "Porto Alegre": Place(
            "g:pa", "Porto Alegre", "city", -30.03, -51.23, country="BR", population=1_400_000
        ),
    }
    text = (
        "Floods hit Rio Grande do Sul and Porto Alegre."
        " In Canoas, 15 km north of the state capital, boats came."
    )
    assert claims_of(text, names)[-1].anchor is names["Porto Alegre"]
    assert claims_of("In Canoas, 15 km north of the state capital, boats came.", names)[-1].anchor is None


@pytest.mark.parametrize(
    "text",
    [
        "A shell hit 200 m from the Libyan embassy in Sirte.",
        "Drones landed 5 km from the Libya base at Sirte.",
    ],
)
def test_a_countrys_facility_in_a_place_is_measured_from_the_place(text: str) -> None:
    assert one(text).anchor is PLACES["Sirte"]


def test_a_unit_and_a_half() -> None:
    c = one("The crash happened a mile and a half north of Sirte.")
    assert (
        c.target == "crash" and c.distance is not None and c.distance.value == 1.5 and c.distance.unit == "mi"
    )
    assert one("It is two kilometres and a half from Sirte.").distance.metres == 2500.0


def test_a_place_after_a_possessive_is_the_anchor() -> None:
    c = one("The camp lies more than 100 km from Libya's Sirte.")
    assert c.anchor is PLACES["Sirte"] and c.anchor_text == "Sirte"
    part = one("Floods hit central Libya's Sirte province.")  # a part of the possessor
    assert (part.relation, part.target, part.anchor) == ("part", "central Libya", PLACES["Libya"])


def test_a_settlement_described_by_a_border_is_the_anchor_not_the_border() -> None:
    c = one("A drone killed two men in a vehicle 15 km south of the Iraqi border town of Mosul.")
    assert (c.relation, c.target, c.anchor) == ("offset", "vehicle", PLACES["Mosul"])


def test_nearby_before_a_place_puts_it_near_the_settlement_named_before() -> None:
    c = one("There were no reports of casualties in Mosul or nearby Qayyarah.")
    assert (c.relation, c.target, c.target_place, c.anchor) == (
        "near",
        "Qayyarah",
        PLACES["Qayyarah"],
        PLACES["Mosul"],
    )
    assert claims_of("Thousands of refugees fled to nearby Libya.") == []  # near what: not said


def test_a_heading_after_a_qualified_place_locates_the_place_not_its_qualifier() -> None:
    c = one("Strikes hit Mosul, and then Raqqa, Libya, about 60 km to the south.")
    assert (c.target, c.target_place, c.anchor) == ("Raqqa", PLACES["Raqqa"], PLACES["Mosul"])
    # with no settlement named before the qualified place, nothing (was: Libya from Raqqa)
    assert claims_of("Investigators flew in from Raqqa, Libya, about 30 miles to the east.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Troops advanced 10 km to the north.",  # no place before: nothing located
        "Strikes hit Mosul, and Libya, about 60 km to the south.",  # a country is no point so far away
        "Qayyarah, about 60 km to the south, was taken.",  # no settlement named before it
        "Strikes hit Mosul and Qayyarah 60 km to the south.",  # not set off by a comma
    ],
)
def test_a_heading_with_no_anchor_anywhere_locates_nothing(text: str) -> None:
    assert claims_of(text) == []


def test_a_participle_after_a_comma_is_no_target() -> None:
    c = one("Forces took the villages, pushing to within 5 miles of Mosul.")
    assert c.target == "unnamed target"


def test_a_pronoun_means_only_a_recent_target() -> None:
    far = " Officials spoke at length about other matters that day." * 8
    claims = claims_of("The camp is 45 km southwest of Sirte." + far + " They were 25 km north of Raqqa.")
    assert [c.target for c in claims] == ["camp", "unnamed target"]
    near = claims_of("The camp is 45 km southwest of Sirte. It is 40 km from Raqqa.")
    assert [c.target for c in near] == ["camp", "camp"]


def test_a_named_bank_of_a_river_is_that_side_of_it() -> None:
    c = one("Mosul's old city lies on the west bank of the Tigris River.")
    assert c.relation == "side" and c.anchor is PLACES["Tigris River"] and c.direction.azimuth == 270.0
    assert one("Troops camped on the banks of the Tigris River.").relation == "near"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Fighters gathered at the northern entrance of Mosul.", "north Mosul"),
        ("Clashes broke out on the eastern edge of Mosul.", "east Mosul"),
    ],
)
def test_edges_and_entrances_are_parts(text: str, label: str) -> None:
    c = one(text)
    assert c.relation == "part" and c.target == label


def test_within_a_radius_is_a_distance_within() -> None:
    c = one("The site lies within a 10-mile radius of Sirte.")
    assert c.relation == "distance" and c.hedge == "within" and c.distance.metres == pytest.approx(16093.44)
    assert claims_of("A 5 km radius of the town was cleared.") == []  # no "within": no location


@pytest.mark.parametrize(
    "text",
    [
        "The fire burned 300 square kilometres east of Mosul.",
        "The fire burned 300 sq. km east of Mosul.",
        "The fire burned 300 km2 east of Mosul.",
        "The fire burned 5,000 acres east of Mosul.",
    ],
)
def test_an_area_before_a_heading_is_no_unread_distance(text: str) -> None:
    c = one(text)
    assert (c.relation, c.target, c.direction.azimuth, c.flags) == ("direction", "fire", 90.0, [])


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A convoy of 1,200 trucks was seen 30 km west of Mosul.", "trucks"),  # no clause break in 1,200
        ("A man was shot 5 km south of Mosul.", "man"),
        ("The ferry sank 2 miles off Erbil.", "ferry"),
    ],
)
def test_an_irregular_participle_is_no_target(text: str, target: str) -> None:
    assert one(text).target == target


def test_halfway_between_is_a_between_claim_about_the_middle() -> None:
    c = one("The train derailed roughly halfway between Mosul and Erbil.")
    assert (c.relation, c.hedge, c.text, c.target) == (
        "between",
        "halfway",
        "halfway between Mosul and Erbil",
        "train",
    )
    assert one("The road between Mosul and Erbil was cut.").hedge is None


@pytest.mark.parametrize(
    "text",
    [
        "The village is 12 km from Kirkuk on a bearing of 045 degrees.",
        "The village is 12 km from Kirkuk at 045°.",
        "The village is 12 km at a bearing of 45° from Kirkuk.",
    ],
)
def test_a_numeric_bearing_after_the_anchor_or_with_an_article(text: str) -> None:
    places = {**PLACES, "Kirkuk": Place("g:k", "Kirkuk", "city", 35.47, 44.39, country="IQ")}
    c = one(text, names=places)
    assert (c.relation, c.target, c.distance.metres, c.direction.azimuth) == ("offset", "village", 12000, 45)


@pytest.mark.parametrize(
    "text",
    [
        "The ship is 20 nautical miles from Tartus, heading 270 degrees.",  # its course
        "The village is 12 km from Tartus at 45 degrees.",  # two digits after "at": maybe the heat
    ],
)
def test_a_course_or_temperature_after_the_anchor_is_no_bearing(text: str) -> None:
    tartus = {"Tartus": Place("g:t", "Tartus", "city", 34.89, 35.89, country="SY")}
    c = one(text, names=tartus)
    assert c.relation == "distance" and c.direction is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The quake was centered at sea about 30 kilometers east of Mosul.", "quake"),
        ("The ship ran aground offshore, 3 miles south of Mosul.", "ship"),
    ],
)
def test_at_sea_offshore_and_aground_begin_no_object(text: str, target: str) -> None:
    assert one(text).target == target


def test_after_near_an_unknown_name_the_appositive_distance_locates_it() -> None:
    near, dist = claims_of("The bus went off the road near Marchula, about 100 km from Mosul.")
    assert (near.target, near.anchor, near.anchor_text) == ("road", None, "Marchula")
    assert (dist.target, dist.anchor.name) == ("Marchula", "Mosul")


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("The blast happened a few hundred metres from Mosul.", 350.0),  # 200-500 m, not 100 m
        ("The blast happened several thousand feet north of Mosul.", 6000 * 0.3048),
    ],
)
def test_a_few_of_a_round_number_is_a_vague_distance(text: str, metres: float) -> None:
    c = one(text)
    assert c.distance.metres == pytest.approx(metres) and "vague number" in c.flags


def test_a_measure_of_a_substance_is_no_distance() -> None:
    assert claims_of("A storm dumped more than a foot of snow on Mosul.") == []
    assert one("Rebels came within 20 km of Mosul.").hedge == "within"


def test_the_border_alone_is_that_of_a_country_named_by_its_demonym_before() -> None:
    from geokit.places.gazetteer import get_gazetteer
    from geokit.places.resolve import resolve_document

    text = "The Israeli military said it struck targets about 100 kilometers from the border, near Nabatieh."
    doc = Document(id="d", text=text)
    (c, _) = extract_claims(doc, resolve_document(doc, get_gazetteer()))
    assert c.anchor is not None and c.anchor.name == "Israel–Lebanon border"


def test_a_region_geokit_does_not_know_is_the_target_by_its_name() -> None:
    c = one("The strike hit a compound in Iraq's Lower Zab region, about 40 kilometers south of Erbil.")
    assert (c.target, c.target_place, c.anchor.name) == ("Lower Zab region", None, "Erbil")
