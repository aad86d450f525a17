"""The distance-precision and hedge policy."""

from __future__ import annotations

import pytest

from geokit.errors import InputError
from geokit.estimates.policy import (
    Policy,
    apply_distance_policy,
    distance_bounds,
    distance_precision,
    hedge_factors,
)
from geokit.model import Claim, Distance

# Chapman & Wieczorek (2020) Georeferencing Best Practices, §3.4.6, table "Calculating uncertainty related to
# the precision of a distance measurement", column "Recommended Uncertainty".
BP_TABLE = [
    ("10.1", 0.05), ("10.25", 0.125), ("10.5", 0.25), ("10.6", 0.05), ("10.75", 0.125), ("10", 0.5),
    ("15", 0.5), ("30", 0.5), ("33", 0.5), ("100", 5), ("140", 5), ("200", 5), ("1000", 50), ("2000", 50),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BP_TABLE)
def test_best_practices_table(text, expected):
    assert distance_precision(text, round_numbers="best-practices") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("45", 0.5), ("10½", 0.25), ("10 1/2", 0.25), ("1/4", 0.125), ("10.125", 0.0625), ("10.33", 1 / 6),
     ("10.37", 0.005), ("1,000", 50), ("10,5", 0.25), ("ten", 0.5), ("a hundred", 5), ("40-50", 0.5),
     ("2.0", 0.5), ("7", 0.5)],
)  # fmt: skip
def test_written_forms(text, expected):
    assert distance_precision(text, round_numbers="best-practices") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("45", 2.5), ("40", 5), ("20", 5), ("10", 2.5), ("15", 2.5), ("5", 0.5), ("7", 0.5), ("12", 0.5),
     ("28", 0.56), ("150", 7.5), ("120", 5), ("300", 15), ("1,000", 50), ("257", 5.14), ("10.5", 0.25),
     ("ten", 2.5), ("forty-five", 2.5), ("40-50", 5), ("2.0", 0.5)],
)  # fmt: skip
def test_reporter_rounding_is_the_default(text, expected):
    """Reporters round at the last non-zero digit to 5 or 10 of that place, with a 2 % floor."""
    assert distance_precision(text) == pytest.approx(expected)


def test_round_number_policies():
    assert distance_precision("10", round_numbers="same-power") == 5
    assert distance_precision("140", round_numbers="same-power") == 5
    assert distance_precision("100", round_numbers="last-digit") == 0.5
    with pytest.raises(InputError):
        distance_precision("10", round_numbers="fuzzy")
    with pytest.raises(InputError):
        Policy(round_numbers="fuzzy")


def test_hedges():
    assert hedge_factors("about") == (0.9, 1.1)
    assert hedge_factors("just under") == (0.9, 1.0)
    assert hedge_factors("just over") == (1.0, 1.1)
    assert hedge_factors("at least") == (1.0, 1.25)
    assert hedge_factors("within") == (0.0, 1.0)
    lo, hi = distance_bounds(20_000, 500, "more than")
    assert (lo, hi) == (
        20_000,
        25_000,
    )  # a hedge and the rounding are one imprecision: the wider, not the sum
    assert distance_bounds(20_000, 500, "less than") == (0.0, 20_000)
    assert distance_bounds(20_000, 5_000, "about") == (15_000, 25_000)
    assert distance_bounds(20_000, 5_000, "nearly") == (15_000, 20_000)


def test_apply_distance_policy_range_and_unknown_hedge():
    c = Claim(
        "c",
        "d",
        "",
        0,
        0,
        "offset",
        "t",
        "A",
        distance=Distance(40, "km", 40_000, "40-50", value2=50),
        hedge="maybe",
    )
    d = apply_distance_policy(c)
    assert d.precision_m == 5_000 and d.low_m == 35_000 and d.high_m == 55_000  # "40-50": 40 ± 5 to 50 ± 5
    assert "unknown hedge" in c.flags


def test_miles_precision_in_metres():
    c = Claim("c", "d", "", 0, 0, "offset", "t", "A", distance=Distance(28, "mi", 28 * 1609.344, "28"))
    assert apply_distance_policy(c).precision_m == pytest.approx(0.56 * 1609.344)  # the 2 % floor
