"""The uncertainty policy: distance precision from how a number is written, hedges, and default sizes.

Every number that is a choice rather than a fact lives here, in :class:`Policy`, so that an analyst
can read it, cite it and change it.

Distance precision follows *Georeferencing Best Practices* (Chapman & Wieczorek 2020, §3.4.6,
"Uncertainty Related to Offset Precision"): the uncertainty is half the precision the number
demonstrates.

* A fractional part gives a precision of 1 / its denominator: "10.5" → precision ½ → ±0.25;
  "10.25" and "10.75" → ±0.125; "10.125" → ±0.0625; "10.33" → ⅓ → ±0.1667; any other decimal
  ("10.1", "10.6", "10.37") → one unit of its last decimal place, halved (±0.05, ±0.005).
* Whole numbers are read as reporters round them, the default ``round_numbers="reporter"``. A
  reporter who measured 37 km writes "about 35" or "40"; a figure such as "257 km" is a road
  distance or a distance between town centres, not a survey. So:

  - a number is rounded at its last non-zero digit, to 5 of that place when the digit is a 5
    ("45" → 40–50, ±2.5; "150" → ±25 before the cap below) and to 10 of that place when it is a
    0-ended figure ("40" → 35–45, ±5), to 1 of that place otherwise ("12" →
    ±0.5; "257" → ±0.5 before the floor below);
  - that rounding step is capped at ``max(10, value / 10)`` units from 20 on ("300" → ±15, "150"
    → ±7.5, "1000" → ±50: reporters round 280 km to "about 300", not to "300 ± 50"), at half the
    value from 10 to 19 ("10" → ±2.5: nobody writes "10 km" for 5 km), and a single digit is
    exact to its unit ("5" → ±0.5: a reporter writes "4 miles" for 3.8, not "5");
  - a floor of :data:`REPORTER_RELATIVE_FLOOR` (2 %) of the value: "257 km" → ±5.1 km, never ±0.5.

  Calibrated on ``benchmarks/checks.py`` (true distances rounded to 1, 5 or 10 of their unit in
  km or miles, with and without hedges): the truth lies in the region in the share it prints.
  Three other readings are available: ``"best-practices"`` (Chapman & Wieczorek 2020: a whole
  number to the unit, ±0.5, except that trailing zeros mean "ten to the next lower power" of its
  magnitude: "10" → ±0.5, "100" and "140" and "200" → ±5, "1000" → ±50), ``"same-power"``
  (Wieczorek et al. 2004: ten to the power of the last non-zero digit, "10" → ±5, "100" → ±50,
  "140" → ±5) and ``"last-digit"`` (every whole number ±0.5 of its unit).

Hedges are not covered by the references. A hedge and the rounding describe one imprecision, the
reporter's, twice ("about 40 km" is a rounded 40), so they are not added: each side of the range is
the wider of the two, and a side the hedge bounds ("nearly D" is at most D) is exactly D:

============================================  ==============================================
hedge (normalised word)                        range (D stated, p its precision)
============================================  ==============================================
about, around, roughly, approximately, some   [min(0.9 D, D − p), max(1.1 D, D + p)]
nearly, almost, just under                    [min(0.9 D, D − p), D]
just over                                     [D, max(1.1 D, D + p)]
more than, over, at least                     [D, max(1.25 D, D + p)]
up to, within, less than                      [0, D]
none                                          [D − p, D + p]
============================================  ==============================================

A range "40-50 km" reads D = 40 for the low side and D = 50 for the high side.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from geokit.claims.grammar import UNIT_METRES  # one table, the grammar's
from geokit.errors import InputError
from geokit.model import Claim, Distance

__all__ = [
    "DEFAULT_POLICY",
    "HEDGE_FACTORS",
    "REPORTER_RELATIVE_FLOOR",
    "UNIT_METRES",
    "Policy",
    "apply_distance_policy",
    "distance_bounds",
    "distance_precision",
    "hedge_factors",
]

#: Hedge word → (low factor, high factor) of the stated distance. Both raw and normalised words.
HEDGE_FACTORS: dict[str, tuple[float, float]] = {
    **dict.fromkeys(["about", "around", "roughly", "approximately", "some", "circa"], (0.9, 1.1)),
    **dict.fromkeys(["nearly", "almost", "just under"], (0.9, 1.0)),
    "just over": (1.0, 1.1),
    **dict.fromkeys(["more than", "over", "at least"], (1.0, 1.25)),
    **dict.fromkeys(["up to", "within", "less than"], (0.0, 1.0)),
}

_ROUND_RULES = ("reporter", "best-practices", "same-power", "last-digit")
#: Reporter rounding: the share of the value that is always uncertain ("257 km" is ±5 km, not ±0.5).
REPORTER_RELATIVE_FLOOR = 0.02


@dataclass(frozen=True, slots=True)
class Policy:
    """The documented choices the estimate stage makes (distances in metres, angles in degrees).

    Parameters
    ----------
    round_numbers : {"reporter", "best-practices", "same-power", "last-digit"}
        How the precision of a whole number is read (see the module notes).
    hedges : dict
        Hedge word → (low, high) factors of the stated distance.
    near_min_m, near_factor : float
        "near X": a disk of radius ``extent + max(near_min_m, near_factor * extent)``. News
        writes "near X" of places up to a few tens of kilometres away (a village 30 km out
        is "near" the city), so the default reach is 30 km beyond the extent.
    near_border_m : float
        "near the border": the band within this distance of the border (on the target place's side
        when the text names it, "Rzeszow, near the Ukrainian border"). News calls a city near a
        border much farther out than near a town: of 43 cities news so describes (Rzeszów, Lviv,
        Belgorod, Peshawar, Quetta, Manbij, Gaziantep, Jalalabad, Kursk...), half lie within 28 km
        of it, 80 % within 70 km, 90 % within 108 km (Natural Earth borders, GeoNames points).
    outskirts_inner_factor, outskirts_min_m, outskirts_factor : float
        "on the outskirts of X": a ring from ``outskirts_inner_factor * extent`` to
        ``extent + max(outskirts_min_m, outskirts_factor * extent)``.
    outside_min_m, outside_factor : float
        "outside X": a ring from the extent to ``extent + max(outside_min_m, outside_factor * extent)``.
    direction_reach_min_m, direction_reach_factor : float
        Direction without a distance ("north of X"): a sector reaching
        ``max(direction_reach_min_m, direction_reach_factor * extent)`` from X, grown by the extent.
    between_ratio : float
        "between A and B": the ellipse of points whose distances to A and B sum to at most
        ``between_ratio`` times the distance A-B, grown by the larger extent.
    halfway_fraction : float
        "halfway (midway) between A and B": the disk around the midpoint of radius
        ``halfway_fraction`` times the distance A-B (0.15: from 35 % to 65 % of the way), grown by
        the larger extent.
    part_half_angle : float
        "eastern X": the sector of X's extent within this half-angle of the part's azimuth
        (90: the half of X on that side), clipped to X's geometry when it has one.
    side_clip_factor : float
        "east of the Tigris": that side of the line within ``side_clip_factor`` times the clipping
        place's extent (the context place, else the line's own extent).
    """

    round_numbers: str = "reporter"
    hedges: dict[str, tuple[float, float]] = field(default_factory=lambda: dict(HEDGE_FACTORS))
    near_min_m: float = 30_000.0
    near_border_m: float = 100_000.0
    near_factor: float = 0.5
    outskirts_inner_factor: float = 0.75
    outskirts_min_m: float = 3_000.0
    outskirts_factor: float = 0.25
    outside_min_m: float = 20_000.0
    outside_factor: float = 1.0
    direction_reach_min_m: float = 50_000.0
    direction_reach_factor: float = 1.0
    between_ratio: float = 1.25
    halfway_fraction: float = 0.15
    part_half_angle: float = 90.0
    side_clip_factor: float = 1.0

    def __post_init__(self) -> None:
        if self.round_numbers not in _ROUND_RULES:
            raise InputError(f"round_numbers must be one of {_ROUND_RULES}, not {self.round_numbers!r}")


#: The policy geokit uses unless told otherwise.
DEFAULT_POLICY = Policy()

_VULGAR = {"½": "1/2", "¼": "1/4", "¾": "3/4", "⅓": "1/3", "⅔": "2/3", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8"}
_WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100, "thousand": 1000,
}  # fmt: skip
_NUM_RE = re.compile(r"\d+\s+\d+/\d+|\d+/\d+|\d+(?:[.,]\d+)*")


def _integer_precision(digits: str, rule: str) -> float:
    digits = digits.lstrip("0") or "0"
    if digits == "0":
        return 1.0
    tz = len(digits) - len(digits.rstrip("0"))
    if rule == "reporter":  # rounded at the last non-zero digit, to 5 or 10 of that place, capped
        step = 10.0**tz * (5.0 if digits[-1 - tz] == "5" else 1.0)
        value = int(digits)
        return min(step, max(10.0, value / 10.0) if value >= 20 else value / 2.0 if value >= 10 else 1.0)
    if rule == "last-digit":
        return 1.0
    if rule == "same-power":
        return 10.0**tz
    return 10.0 ** max(0, min(tz, len(digits) - 2))


def _decimal_precision(frac: str) -> float:
    f = float("0." + frac)
    for q in (2, 4, 8):
        if abs(f * q - round(f * q)) < 1e-9:
            return 1.0 / q
    if (len(frac) >= 2 and frac.rstrip("0")[:2] in ("33", "66", "67")) and set(frac[1:]) <= {"3", "6", "7"}:
        return 1.0 / 3.0
    return 10.0 ** -len(frac.rstrip("0"))


def _token_precision(token: str, rule: str) -> float:
    token = token.strip()
    if " " in token:  # "10 1/2"
        return _token_precision(token.split()[-1], rule)
    if "/" in token:
        den = int(token.split("/")[1])
        return 1.0 / den if den else 1.0
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):  # thousands separators
        return _integer_precision(token.replace(",", ""), rule)
    token = token.replace(",", ".")
    if "." in token:
        whole, frac = token.split(".", 1)
        frac = frac.replace(".", "")
        if frac.strip("0"):
            return _decimal_precision(frac)
        return _integer_precision(whole, rule)
    return _integer_precision(token, rule)


def distance_precision(
    text: str | None, value: float | None = None, *, round_numbers: str = "reporter"
) -> float:
    """Return the uncertainty (half the demonstrated precision) of a distance as written, in its unit.

    Parameters
    ----------
    text : str or None
        The number as written ("45", "10.5", "10 1/2", "10½", "1,000", "ten"); a range ("40-50")
        gives the coarser of its numbers' uncertainties.
    value : float, optional
        Used when ``text`` is empty or has no number in it.
    round_numbers : {"reporter", "best-practices", "same-power", "last-digit"}
        The reading of the number (see the module notes).

    Returns
    -------
    float
        The uncertainty in the distance's own unit (0 when nothing can be read).

    Examples
    --------
    >>> [distance_precision(t) for t in ["45", "40", "20", "10", "12", "5", "150", "300", "1000"]]
    [2.5, 5.0, 5.0, 2.5, 0.5, 0.5, 7.5, 15.0, 50.0]
    >>> [round(distance_precision(t), 2) for t in ["257", "10.5", "1,250", "ten", "twelve"]]
    [5.14, 0.25, 25.0, 2.5, 0.5]
    >>> bp = [distance_precision(t, round_numbers="best-practices") for t in ["45", "10", "100", "140"]]
    >>> bp
    [0.5, 0.5, 5.0, 5.0]
    >>> [distance_precision("100", round_numbers=rule) for rule in ("same-power", "last-digit")]
    [50.0, 0.5]
    >>> distance_precision(None, 12.5), distance_precision("", None)
    (0.25, 0.0)
    """
    if round_numbers not in _ROUND_RULES:
        raise InputError(f"round_numbers must be one of {_ROUND_RULES}, not {round_numbers!r}")
    s = text or ""
    for k, v in _VULGAR.items():
        s = s.replace(k, " " + v)
    tokens = _NUM_RE.findall(s)
    if tokens:
        half = max(_token_precision(t, round_numbers) for t in tokens) / 2.0
        return max(half, _reporter_floor(_token_value(tokens[-1]), round_numbers))
    words = re.findall(r"[a-z]+", s.lower())
    nums = [_WORD_VALUES[w] for w in words if w in _WORD_VALUES]
    if nums:
        total = nums[0]
        for n in nums[1:]:
            total = total * n if n in (100, 1000) else total + n
        half = _integer_precision(str(total), round_numbers) / 2.0
        return max(half, _reporter_floor(total, round_numbers))
    if value is None or not math.isfinite(value):
        return 0.0
    rep = repr(abs(float(value)))
    if rep.endswith(".0"):
        rep = rep[:-2]
    if "e" in rep:
        return 0.0
    return max(_token_precision(rep, round_numbers) / 2.0, _reporter_floor(abs(value), round_numbers))


def _token_value(token: str) -> float:
    """Return the value of a number token as :data:`_NUM_RE` finds it ("1,000", "10.5", "10 1/2", "3/4")."""
    total = 0.0
    for part in token.split():
        if "/" in part:
            num, den = part.split("/")
            total += int(num) / int(den) if int(den) else 0.0
        elif re.fullmatch(r"\d{1,3}(?:,\d{3})+", part):
            total += float(part.replace(",", ""))
        else:
            head = part.replace(",", ".").split(".")
            total += float(".".join(head[:2]))
    return total


def _reporter_floor(value: float, rule: str) -> float:
    return REPORTER_RELATIVE_FLOOR * value if rule == "reporter" else 0.0


def hedge_factors(hedge: str | None, policy: Policy = DEFAULT_POLICY) -> tuple[float, float]:
    """Return the (low, high) factors of the stated distance for a hedge word.

    Examples
    --------
    >>> hedge_factors("nearly"), hedge_factors("more than"), hedge_factors("up to"), hedge_factors(None)
    ((0.9, 1.0), (1.0, 1.25), (0.0, 1.0), (1.0, 1.0))
    >>> hedge_factors("Roughly")
    (0.9, 1.1)
    >>> hedge_factors("perhaps")
    Traceback (most recent call last):
    ...
    geokit.errors.InputError: unknown hedge: 'perhaps'
    """
    if hedge is None or not hedge.strip():
        return (1.0, 1.0)
    key = " ".join(hedge.lower().split())
    if key not in policy.hedges:
        raise InputError(f"unknown hedge: {hedge!r}")
    return policy.hedges[key]


def distance_bounds(
    metres: float,
    precision_m: float,
    hedge: str | None = None,
    metres2: float | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> tuple[float, float]:
    """Return the (low, high) distances in metres allowed by a stated distance, its precision and hedge.

    Examples
    --------
    >>> distance_bounds(45_000, 2_500)
    (42500.0, 47500.0)
    >>> [round(v) for v in distance_bounds(45_000, 2_500, "about") + distance_bounds(45_000, 2_500, "nearly")]
    [40500, 49500, 40500, 45000]
    >>> distance_bounds(10_000, 5_000, "up to"), distance_bounds(10_000, 5_000, "more than")
    ((0.0, 10000.0), (10000.0, 15000.0))
    >>> [round(v) for v in distance_bounds(40_000, 500, "about", metres2=50_000)]
    [36000, 55000]
    """
    lo_f, hi_f = hedge_factors(hedge, policy)
    d1 = float(metres)
    d2 = float(metres2) if metres2 is not None else d1
    d1, d2 = min(d1, d2), max(d1, d2)
    hedged = (lo_f, hi_f) != (1.0, 1.0)
    if lo_f == 0.0:
        low = 0.0
    elif hedged and lo_f == 1.0:
        low = d1  # "more than D": at least D
    else:
        low = max(0.0, min(lo_f * d1, d1 - precision_m))
    high = d2 if hedged and hi_f == 1.0 else max(hi_f * d2, d2 + precision_m)
    return (low, high)


def apply_distance_policy(claim: Claim, policy: Policy = DEFAULT_POLICY) -> Distance | None:
    """Fill ``precision_m``, ``low_m`` and ``high_m`` of the claim's distance (in place) and return it.

    An unknown hedge word is treated as no hedge, and the claim gets the flag ``"unknown hedge"``.

    Examples
    --------
    >>> from geokit.model import Claim, Distance
    >>> c = Claim("c1", "d", "", 0, 0, "offset", "camp", "Sirte",
    ...           distance=Distance(28, "mi", 28 * 1609.344, "28"), hedge="nearly")
    >>> d = apply_distance_policy(c)
    >>> round(d.precision_m, 1), round(d.low_m), round(d.high_m)
    (901.2, 40555, 45062)
    """
    d = claim.distance
    if d is None:
        return None
    per_unit = UNIT_METRES.get(d.unit)
    if per_unit is None:
        per_unit = d.metres / d.value if d.value else 0.0
    p = distance_precision(d.text, d.value, round_numbers=policy.round_numbers) * per_unit
    metres2 = d.value2 * per_unit if d.value2 is not None else None
    try:
        low, high = distance_bounds(d.metres, p, claim.hedge, metres2, policy)
    except InputError:
        if "unknown hedge" not in claim.flags:
            claim.flags.append("unknown hedge")
        low, high = distance_bounds(d.metres, p, None, metres2, policy)
    d.precision_m, d.low_m, d.high_m = p, low, high
    return d
