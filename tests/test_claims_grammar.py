from __future__ import annotations

import contextlib
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geokit.claims.grammar import (
    BEARING_HALF_ANGLE,
    COMPASS,
    DIRECTION_RE,
    HEDGE_RE,
    NUMBER_RE,
    UNIT_RE,
    normalise_unit,
    parse_bearing,
    parse_direction,
    parse_hedge,
    parse_number,
    parse_part,
    to_metres,
)
from geokit.claims.targets import noun_phrase_label, singularise, target_key
from geokit.errors import InputError


@pytest.mark.parametrize(
    "text, value",
    [
        ("45", 45), ("1,200", 1200), ("12,345,678", 12345678), ("1.5", 1.5), ("0.25", 0.25), ("½", 0.5),
        ("1½", 1.5), ("2 ¾", 2.75), ("1 1/2", 1.5), ("3/4", 0.75), ("-5", -5), ("−5", -5),
        ("forty-five", 45), ("Forty five", 45), ("two and a half", 2.5), ("a dozen", 12), ("half a", 0.5),
        ("one hundred and twenty", 120), ("a hundred", 100), ("two thousand five hundred", 2500),
        ("twelve", 12), ("a", 1), ("an", 1), ("three dozen", 36), ("one and a quarter", 1.25),
    ],
)  # fmt: skip
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "many", "km", "1/0", "and", "1.2.3"])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(InputError):
        parse_number(text)


@pytest.mark.parametrize(
    "text, found",
    [
        ("it is 1,200 km", "1,200"), ("about forty-five miles", "forty-five"),
        ("some two and a half miles", "two and a half"), ("a dozen miles", "a dozen"), ("1½ km", "1½"),
    ],
)  # fmt: skip
def test_number_regex_finds_whole_number(text: str, found: str) -> None:
    m = re.search(NUMBER_RE, text, re.I)
    assert m and m.group() == found


@pytest.mark.parametrize(
    "word, unit, metres",
    [
        ("km", "km", 1000), ("kms", "km", 1000), ("kilometer", "km", 1000), ("Kilometres", "km", 1000),
        ("m", "m", 1), ("meters", "m", 1), ("metre", "m", 1), ("mi", "mi", 1609.344),
        ("miles", "mi", 1609.344),
        ("nautical miles", "nm", 1852), ("nm", "nm", 1852), ("ft", "ft", 0.3048), ("feet", "ft", 0.3048),
        ("foot", "ft", 0.3048), ("yd", "yd", 0.9144), ("yards", "yd", 0.9144),
    ],
)  # fmt: skip
def test_units(word: str, unit: str, metres: float) -> None:
    assert normalise_unit(word) == unit
    assert to_metres(2, word) == pytest.approx(2 * metres)
    assert re.fullmatch(UNIT_RE, word, re.I)


@pytest.mark.parametrize("word", ["furlongs", "leagues", "versts", "cubits", "blocks"])
def test_unknown_units_are_recognised_but_not_converted(word: str) -> None:
    assert re.fullmatch(UNIT_RE, word, re.I)
    assert normalise_unit(word) == word
    with pytest.raises(InputError, match="unknown unit"):
        to_metres(1, word)


def test_28_miles_in_metres() -> None:
    assert to_metres(28, "miles") == pytest.approx(45061.632)


@pytest.mark.parametrize(
    "phrase, hedge",
    [
        ("about", "about"), ("around", "about"), ("roughly", "about"), ("some", "about"),
        ("approximately", "about"), ("nearly", "nearly"), ("almost", "nearly"), ("just under", "nearly"),
        ("more than", "more than"), ("over", "more than"), ("at least", "at least"), ("up to", "up to"),
        ("within", "within"), ("less than", "less than"), ("just over", "just over"),
        ("Just  Over", "just over"),
    ],
)  # fmt: skip
def test_hedges(phrase: str, hedge: str) -> None:
    assert parse_hedge(phrase) == hedge
    assert re.fullmatch(HEDGE_RE, phrase, re.I)


def test_no_hedge() -> None:
    assert parse_hedge(None) is None
    assert parse_hedge("") is None
    assert parse_hedge("very") is None


@pytest.mark.parametrize(
    "words, azimuth, half",
    [
        ("north", 0, 45), ("East", 90, 45), ("south", 180, 45), ("west", 270, 45),
        ("northeast", 45, 22.5), ("north-east", 45, 22.5), ("north east", 45, 22.5), ("southwest", 225, 22.5),
        ("South-West", 225, 22.5), ("north-northeast", 22.5, 11.25), ("north-north-east", 22.5, 11.25),
        ("east-southeast", 112.5, 11.25), ("west-northwest", 292.5, 11.25), ("NNE", 22.5, 11.25),
        ("SW", 225, 22.5), ("S.W.", 225, 22.5), ("N", 0, 45), ("WSW", 247.5, 11.25),
        ("N by E", 11.25, 5.625), ("NbE", 11.25, 5.625), ("north by east", 11.25, 5.625),
        ("NE by N", 33.75, 5.625), ("northeast by east", 56.25, 5.625), ("W by S", 258.75, 5.625),
        ("N by W", 348.75, 5.625),
    ],
)  # fmt: skip
def test_directions(words: str, azimuth: float, half: float) -> None:
    d = parse_direction(words)
    assert d is not None
    assert d.words == words
    assert d.azimuth == pytest.approx(azimuth)
    assert d.half_angle == pytest.approx(half)
    assert re.fullmatch(DIRECTION_RE, words, re.I)


def test_sixteen_points_are_22_5_apart() -> None:
    assert sorted(COMPASS.values()) == [i * 22.5 for i in range(16)]


@pytest.mark.parametrize(
    "text, azimuth",
    [
        ("bearing 225°", 225),
        ("at 225 degrees", 225),
        ("bearing 0", 0),
        ("on a bearing of 12.5 degrees", 12.5),
        ("360°", 0),
    ],
)
def test_bearings(text: str, azimuth: float) -> None:
    for d in (parse_bearing(text), parse_direction(text)):
        assert d is not None
        assert d.azimuth == pytest.approx(azimuth)
        assert d.half_angle == BEARING_HALF_ANGLE


def test_bad_bearing() -> None:
    with pytest.raises(InputError):
        parse_bearing("bearing 361°")
    with pytest.raises(InputError):
        parse_bearing("bearing")
    assert parse_direction("bearing 999°") is None


@pytest.mark.parametrize(
    "words", ["north-south", "east-west", "northeast-southwest", "N by S", "NSE", "E by W", "north by south"]
)
def test_conflicting_directions(words: str) -> None:
    with pytest.raises(InputError, match="conflicting directions"):
        parse_direction(words)


@pytest.mark.parametrize("words", ["eastern", "northern", "western part", "Sirte", "", "camps", "central"])
def test_not_a_direction(words: str) -> None:
    assert parse_direction(words) is None


@pytest.mark.parametrize(
    "word, part",
    [
        ("eastern", "east"),
        ("Western", "west"),
        ("northern", "north"),
        ("south", "south"),
        ("north-eastern", "northeast"),
        ("southwestern", "southwest"),
        ("central", "central"),
        ("camp", None),
    ],
)
def test_parts(word: str, part: str | None) -> None:
    assert parse_part(word) == part


def test_targets() -> None:
    assert {
        target_key(t) for t in ["two ISIS camps", "the camps", "training camps", "the training camps"]
    } == {"camp"}
    assert target_key("the site") == "site"
    assert target_key("a convoy") == "convoy"
    assert target_key("the village") == "village"
    assert singularise("facilities") == "facility"
    assert (
        noun_phrase_label(
            ["two", "Islamic", "State", "of", "Iraq", "and", "the", "Levant", "training", "camps"]
        )
        == "training camps"
    )
    assert noun_phrase_label(["it"]) == ""


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_parsers_never_raise_anything_but_input_error(text: str) -> None:
    for fn in (parse_number, parse_direction, parse_bearing):
        with contextlib.suppress(InputError):
            fn(text)
    parse_hedge(text)
    parse_part(text)
    normalise_unit(text)
    target_key(text)


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=99))
def test_digits_round_trip(whole: int, cents: int) -> None:
    assert parse_number(f"{whole:,}.{cents:02d}") == pytest.approx(whole + cents / 100)
    assert math.isclose(parse_number(str(whole)), whole)
