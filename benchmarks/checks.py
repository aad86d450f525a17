"""Cross-source checks against known truth: verdicts, region coverage, combined estimates, and scale.

Run: ``.venv/bin/python benchmarks/checks.py [--per-kind N] [--seed S] [--scale N]``

Cases are built from the gazetteer, so the truth is known:

1. a true point on land; an anchor town a reporter would name (a city of 100,000 or more people,
   written with its country or without, as its name is spelled in the gazetteer) 5-300 km away;
   for triangulation a second such town within 300 km of the point;
2. statements about "the camp" in the forms reports use — forward ("The camp is about 45 km
   southwest of X, Country."), agency ("The camp was 12km SSW of X, Country."), inverse ("X,
   Country is nearly 28 miles northeast of the camp.", "X (Country) lies ...", "The city of X,
   Country, sits ...", "Some 40 km south of the camp lies X.") — with the true distance rounded as
   reporters round (to 1, 5 or 10 of the unit; km, miles or nautical miles; with a hedge that fits
   the rounding) and the true bearing rounded to an 8- or 16-point word;
3. pairs of statements, honest (``agree``) or with one error injected (``disagree``): a flipped
   direction, an inverse statement whose direction is the forward one (read the wrong way), a
   unit confusion (the kilometre figure written as miles), a wrong distance (tripled or cut to a
   third), the anchor's namesake in another country. A unit confusion or wrong distance that a
   careful reader could not tell is not drawn: when both numbers, each read as ± half the coarsest
   rounding step it fits (10 for "40", 5 for "45", 1 for "12"), can stand for one distance.

Each pair goes through ``geokit check --jsonl`` semantics (``analyse_texts(..., one_target=True)``).
Printed per kind: the target verdict's accuracy; the share of cases whose two anchors geokit read
as the towns meant (a misread anchor is a geoparsing error the verdict inherits); for honest
statements, the share whose region
holds the true point (coverage) and the region's radius as a fraction of the stated distance; for
agreeing pairs, the combined estimate's coverage, its median point error and radius as fractions
of the distance. Aims (issue 18): every kind >= 97 % right, coverage >= 95 %, median point error
<= 20 % of the distance.

``--scale N`` (default 10,000): N claims about "the camp" from 300 anchor towns in N / 2
documents, grouped and checked; prints the time of each step.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from pyproj import Geod
from shapely.geometry import Point

from geokit.checks.land import at_sea
from geokit.checks.targets import check_claims
from geokit.estimates import estimate_claims
from geokit.model import Claim, Direction, Distance, Place
from geokit.pipeline import analyse_texts
from geokit.places.gazetteer import get_gazetteer

GEOD = Geod(ellps="WGS84")
UNIT_M = {"km": 1000.0, "mi": 1609.344, "nm": 1852.0}
UNIT_WORDS = {"km": ("km", "kilometers", "kilometres"), "mi": ("miles",), "nm": ("nautical miles",)}
POINTS16 = (
    "north north-northeast northeast east-northeast east east-southeast southeast south-southeast".split()
)
POINTS16 += (
    "south south-southwest southwest west-southwest west west-northwest northwest north-northwest".split()
)
ABBR16 = "N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split()
KINDS = (
    ("same anchor", "agree"),
    ("forward and inverse", "agree"),
    ("triangulation", "agree"),
    ("triangulation, inverse", "agree"),
    ("flipped direction", "disagree"),
    ("inverse read wrong", "disagree"),
    ("unit confusion", "disagree"),
    ("wrong distance", "disagree"),
    ("wrong namesake", "disagree"),
)


@dataclass
class Town:
    place: Place
    country_name: str
    known_bare: bool  # the gazetteer's best match for the bare name (else only with its country)


def towns(min_population: int = 100_000) -> list[Town]:
    """Cities a reporter would name: 100,000+ people, the gazetteer's best match for "name, country"."""
    gaz = get_gazetteer()
    (pops,) = gaz.columns("population")
    out = []
    for i in np.flatnonzero(pops >= min_population):
        if gaz.kind_of(int(i)) != "city":
            continue
        p = gaz.place(int(i), geometry=False)
        country = gaz.country(p.country) if p.country else None
        words = p.name.split()
        if (
            country is None
            or not p.name.isascii()
            or len(p.name) < 4
            or not all(w[0].isupper() for w in words)
        ):
            continue  # names as news writes them: "Kafr el-Sheikh", not "Kafr ash Shaykh"
        best = gaz.lookup(f"{p.name}, {country.name}", fuzzy=False, limit=1)
        bare = gaz.lookup(p.name, fuzzy=False, limit=1)
        if best and best[0].place.id == p.id:
            out.append(Town(p, country.name, bool(bare) and bare[0].place.id == p.id))
    return out


def rounded(rng: random.Random, metres: float, unit: str | None = None) -> tuple[str, str, str, float]:
    """Round a true distance as a reporter would: (number text, unit, hedge, stated value)."""
    unit = unit or rng.choices(["km", "mi", "nm"], weights=[6, 3, 1])[0]
    value = metres / UNIT_M[unit]
    steps = [1] if value < 8 else [1, 5] if value < 20 else [5, 10]
    step = rng.choice(steps)
    stated = max(step, round(value / step) * step)
    if abs(stated - value) < 1e-9 or rng.random() < 0.3:
        hedge = ""
    elif stated > value and rng.random() < 0.4:
        hedge = rng.choice(["nearly ", "almost "])
    elif stated < value and rng.random() < 0.4:
        hedge = rng.choice(["more than ", "over "])
    else:
        hedge = rng.choice(["about ", "some ", "roughly ", "around ", "approximately "])
    return f"{stated:g}", unit, hedge, float(stated)


def reading_m(number: str, unit: str) -> tuple[float, float]:
    """The true distances (metres) a number so rounded can stand for: ± half the coarsest step it fits."""
    value = float(number)
    step = 10 if value % 10 == 0 and value >= 20 else 5 if value % 5 == 0 and value >= 10 else 1
    return (value - step / 2) * UNIT_M[unit], (value + step / 2) * UNIT_M[unit]


def compass(rng: random.Random, azimuth: float) -> int:
    """Round a bearing to a 16-point index, to an 8-point one half of the time."""
    if rng.random() < 0.5:
        return (int(((azimuth % 360) + 22.5) // 45) % 8) * 2
    return int(((azimuth % 360) + 11.25) // 22.5) % 16


def qualified(rng: random.Random, town: Town, style: str) -> str:
    name = town.place.name
    if style == "bracket":
        return f"{name} ({town.country_name})"
    return f"{name}, {town.country_name}" if rng.random() < 0.7 or not town.known_bare else name


def statement(
    rng: random.Random,
    town: Town,
    truth: tuple[float, float],
    *,
    inverse: bool,
    error: str = "",
    unit: str = "",
) -> tuple[str, float, tuple[float, float]]:
    """A sentence placing the camp at ``truth`` relative to ``town``, the true distance, and its reading."""
    a = town.place
    fwd, back, dist = GEOD.inv(a.lon, a.lat, truth[1], truth[0])
    azimuth = back if inverse else fwd  # inverse: the bearing of the town seen from the camp
    if error in ("flip", "inverse-wrong"):
        azimuth += 180.0
    metres = dist * (rng.choice([3.0, 1 / 3]) if error == "distance" else 1.0)
    number, unit, hedge, _ = rounded(rng, metres, unit or None)
    if error == "units":  # the kilometre figure, written as miles
        unit = "mi"
    read = reading_m(number, unit)
    k = compass(rng, azimuth)
    words = rng.choice(UNIT_WORDS[unit])
    if not inverse:
        form = rng.choice(["is", "lies", "agency", "to the"])
        where = qualified(rng, town, "comma")
        if form == "agency":
            return (
                f"The camp was hit {number}{'km' if unit == 'km' else ' ' + words} {ABBR16[k]} of {where}.",
                dist,
                read,
            )
        if form == "to the":
            return f"The camp is {hedge}{number} {words} to the {POINTS16[k]} of {where}.", dist, read
        return f"The camp {form} {hedge}{number} {words} {POINTS16[k]} of {where}.", dist, read
    form = rng.choice(["is", "lies", "sits", "bracket", "city of", "fronted"])
    if form == "fronted" and town.known_bare:
        return (
            f"{hedge.capitalize() or 'Some '}{number} {words} {POINTS16[k]} of the camp lies {a.name}.",
            dist,
            read,
        )
    if form == "bracket":
        return (
            f"{qualified(rng, town, 'bracket')} is {hedge}{number} {words} {POINTS16[k]} of the camp.",
            dist,
            read,
        )
    if form in ("city of", "fronted"):
        return (
            f"The city of {a.name}, {town.country_name}, lies {hedge}{number} {words} {POINTS16[k]} "
            "of the camp.",
            dist,
            read,
        )
    return (
        f"{qualified(rng, town, 'comma')} {form} {hedge}{number} {words} {POINTS16[k]} of the camp.",
        dist,
        read,
    )


def random_truth(rng: random.Random, town: Town, lo_km: float, hi_km: float) -> tuple[float, float] | None:
    for _ in range(20):
        d = 1000.0 * lo_km * (hi_km / lo_km) ** rng.random()
        lon, lat, _ = GEOD.fwd(town.place.lon, town.place.lat, rng.uniform(0, 360), d)
        if not at_sea(float(lat), float(lon), tolerance_m=0.0):
            return float(lat), float(lon)
    return None


def near_towns(all_towns: list[Town], lat: float, lon: float, lo_km: float, hi_km: float) -> list[Town]:
    lats = np.array([t.place.lat for t in all_towns])
    lons = np.array([t.place.lon for t in all_towns])
    _, _, d = GEOD.inv(np.full(len(lats), lon), np.full(len(lats), lat), lons, lats)
    return [all_towns[i] for i in np.flatnonzero((d >= lo_km * 1000) & (d <= hi_km * 1000))]


def namesakes(all_towns: list[Town]) -> dict[str, list[Town]]:
    by_name: dict[str, list[Town]] = defaultdict(list)
    for t in all_towns:
        by_name[t.place.name].append(t)
    return {
        n: ts
        for n, ts in by_name.items()
        if len({t.place.country for t in ts}) > 1
        and min(GEOD.inv(ts[0].place.lon, ts[0].place.lat, t.place.lon, t.place.lat)[2] for t in ts[1:])
        > 500_000
    }


def make_case(rng: random.Random, kind: str, all_towns: list[Town], twins: dict[str, list[Town]]):
    """Two statements of one kind, the true point and the towns used; None when the draw fails."""
    if kind == "wrong namesake":
        ts = twins[rng.choice(sorted(twins))]
        a, wrong = rng.sample(ts, 2)
    else:
        a = rng.choice(all_towns)
    truth = random_truth(rng, a, 5, 300)
    if truth is None:
        return None
    b = a
    if kind.startswith("triangulation"):
        others = [t for t in near_towns(all_towns, *truth, 5, 300) if t.place.id != a.place.id]
        if not others:
            return None
        b = rng.choice(others)
    inv_b = kind in ("forward and inverse", "triangulation, inverse", "inverse read wrong") or (
        kind not in ("same anchor", "triangulation") and rng.random() < 0.3
    )
    s1, d1, read1 = statement(rng, a, truth, inverse=False, unit="km" if kind == "unit confusion" else "")
    error = {
        "flipped direction": "flip",
        "inverse read wrong": "inverse-wrong",
        "unit confusion": "units",
        "wrong distance": "distance",
    }.get(kind, "")

    if kind == "wrong namesake":
        s2, _, _ = statement(rng, a, truth, inverse=inv_b)
        s2 = s2.replace(f"{a.place.name}, {a.country_name}", f"{wrong.place.name}, {wrong.country_name}")
        s2 = s2.replace(f"({a.country_name})", f"({wrong.country_name})")
        if wrong.country_name not in s2:
            return None
        s1 = (
            s1
            if a.country_name in s1
            else s1.replace(f" of {a.place.name}", f" of {a.place.name}, {a.country_name}")
        )
        return (s1, s2), truth, (a, wrong), d1
    s2, d2, read2 = statement(
        rng, b, truth, inverse=inv_b, error=error, unit="km" if error == "units" else ""
    )
    if error in ("units", "distance") and read1[0] <= read2[1] and read2[0] <= read1[1]:
        return None  # a careful reader could not tell this error: both numbers can stand for one distance
    return (s1, s2), truth, (a, b), min(d1, d2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-kind", type=int, default=60)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--scale", type=int, default=10_000)
    ap.add_argument("--show", type=int, default=2, help="wrong verdicts to print per kind")
    args = ap.parse_args()

    t0 = time.perf_counter()
    all_towns = towns()
    twins = namesakes(all_towns)
    print(
        f"{len(all_towns):,} anchor towns, {len(twins)} names shared across countries "
        f"({time.perf_counter() - t0:.1f} s)"
    )
    rng = random.Random(args.seed)
    rows = []
    columns = ("verdict", "anchors", "cover", "rad/d", "comb.cov", "err/d", "crad/d")
    header = f"{'kind':24} {'n':>4} " + " ".join(f"{c:>8}" for c in columns)
    print(header)
    totals = defaultdict(int)
    for kind, want in KINDS:
        right = n = covered = stated = comb_cov = anchors_right = 0
        radius_frac, err_frac, crad_frac, wrong = [], [], [], []
        while n < args.per_kind:
            case = make_case(rng, kind, all_towns, twins)
            if case is None:
                continue
            (s1, s2), truth, (ta, tb), dist = case
            analysis = analyse_texts([s1, s2], one_target=True)
            n += 1
            anchors_right += len(analysis.claims) == 2 and all(
                c.anchor is not None
                and min(GEOD.inv(c.anchor.lon, c.anchor.lat, t.place.lon, t.place.lat)[2] for t in (ta, tb))
                < 30_000
                for c in analysis.claims
            )
            targets = analysis.targets
            verdict = targets[0].verdict if targets else "no target"
            right += verdict == want
            if verdict != want and len(wrong) < args.show:
                wrong.append(
                    f"    {kind}: {verdict}: {s1} | {s2} | {targets[0].summary if targets else ''}"[:400]
                )
            truth_pt = Point(truth[1], truth[0])
            if want == "agree":
                for c in analysis.claims:
                    e = analysis.estimates.get(c.id)
                    stated += 1
                    if e is not None and e.region is not None and e.region.buffer(1e-6).contains(truth_pt):
                        covered += 1
                    if e is not None:
                        radius_frac.append(e.radius_m / dist)
                est = targets[0].estimate if targets else None
                if est is not None:
                    comb_cov += est.region.buffer(1e-6).contains(truth_pt)
                    err = GEOD.inv(est.lon, est.lat, truth[1], truth[0])[2]
                    err_frac.append(err / dist)
                    crad_frac.append(est.radius_m / dist)
        totals["n"] += n
        totals["right"] += right
        cover = f"{covered / stated:.1%}" if stated else "-"

        def med(xs: list[float]) -> str:
            return f"{statistics.median(xs):.2f}" if xs else "-"

        comb = f"{comb_cov / len(err_frac):.1%}" if err_frac else "-"
        print(
            f"{kind:24} {n:>4} {right / n:>8.1%} {anchors_right / n:>8.1%} {cover:>8} {med(radius_frac):>8} "
            f"{comb:>8} {med(err_frac):>8} {med(crad_frac):>8}"
        )
        rows.extend(wrong)
        sys.stdout.flush()
    print(
        f"{'all':24} {totals['n']:>4} {totals['right'] / totals['n']:>8.1%}   "
        f"({time.perf_counter() - t0:.0f} s)"
    )
    if rows:
        print("wrong verdicts (first per kind):")
        print("\n".join(rows))
    if args.scale:
        scale(args.scale, all_towns, rng)


def scale(n: int, all_towns: list[Town], rng: random.Random) -> None:
    """N synthetic claims about "the camp" from 300 towns in N / 2 documents: group and check."""
    import resource

    from geokit.checks.grouping import group_claims
    from geokit.claims.targets import target_key

    anchors = rng.sample(all_towns, 300)
    claims = []
    for i in range(n):
        t = rng.choice(anchors).place
        km = rng.choice([10, 20, 25, 40, 45, 60])
        az = rng.choice(range(16)) * 22.5
        claims.append(
            Claim(
                id=f"d{i // 2}:c{i % 2}", document=f"d{i // 2}", quote="", start=0, end=0, relation="offset",
                target=rng.choice(["camp", "the camp", "training camp"]), anchor_text=t.name, anchor=t,
                distance=Distance(km, "km", km * 1000.0, f"{km}"),
                direction=Direction(POINTS16[int(az / 22.5)], az, 11.25),
                source=f"d{i // 2}",
            )
        )  # fmt: skip
    t = time.perf_counter()
    estimates = estimate_claims(claims)
    t_est = time.perf_counter() - t
    t = time.perf_counter()
    groups = group_claims(claims, target_key, estimates)
    t_group = time.perf_counter() - t
    t = time.perf_counter()
    targets = check_claims(claims, estimates)
    t_check = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    listed = sum(len(x.checks) for x in targets)
    print(
        f"scale: {n:,} claims, 300 anchors: estimates {t_est:.1f} s; grouped in {t_group:.2f} s "
        f"({len(groups)} groups); grouped and checked in {t_check:.1f} s (process peak {peak / 1e6:.0f} MB): "
        f"{len(targets)} targets, {sum(x.statements for x in targets)} "
        f"distinct statements, {listed} pairs listed, verdicts "
        + ", ".join(f"{v} {sum(x.verdict == v for x in targets)}" for v in ("agree", "disagree", "uncertain"))
    )


if __name__ == "__main__":
    main()
