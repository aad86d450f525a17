"""Throughput of the estimate stage: point + radius (vectorised) and full regions (polygons).

Run: ``.venv/bin/python benchmarks/estimates.py [N]``. Goals: >= 200k claims/s for point+radius,
>= 20k claims/s for polygons.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from geokit.estimates import estimate_claims, estimate_points, sector_regions
from geokit.model import Claim, Direction, Distance, Place


def random_inputs(n: int, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "lat": rng.uniform(-60, 70, n),
        "lon": rng.uniform(-180, 180, n),
        "dist": rng.choice([5, 10, 12, 25, 28, 45, 60, 100, 150], n) * 1000.0,
        "az": rng.choice(np.arange(16) * 22.5, n),
        "half": rng.choice([11.25, 22.5, 45.0], n),
        "prec": np.full(n, 500.0),
        "ext": rng.choice([0.0, 2_000.0, 8_000.0, 20_000.0], n),
        "inv": rng.random(n) < 0.2,
    }


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(n: int = 200_000) -> None:
    x = random_inputs(n)
    fwd_only = {k: v for k, v in x.items()}
    t = best_of(
        lambda: estimate_points(x["lat"], x["lon"], x["dist"], x["az"], x["half"], x["prec"], x["ext"])
    )
    print(f"point+radius (vectorised, forward claims): {n / t:>12,.0f} claims/s  ({n:,} in {t:.3f} s)")
    t = best_of(
        lambda: estimate_points(
            x["lat"], x["lon"], x["dist"], x["az"], x["half"], x["prec"], x["ext"], inverse=x["inv"]
        )
    )
    print(f"point+radius (vectorised, 20% inverse):    {n / t:>12,.0f} claims/s")

    m = min(n, 50_000)
    low = np.maximum(0, x["dist"][:m] - 500)
    high = x["dist"][:m] + 500
    t = best_of(
        lambda: sector_regions(
            x["lat"][:m], x["lon"][:m], low, high, x["az"][:m], x["half"][:m], x["ext"][:m]
        ),
        repeat=2,
    )
    print(f"regions (sector_regions, polygons):        {m / t:>12,.0f} claims/s  ({m:,} in {t:.3f} s)")
    t = best_of(
        lambda: sector_regions(
            x["lat"][:m],
            x["lon"][:m],
            low,
            high,
            x["az"][:m],
            x["half"][:m],
            x["ext"][:m],
            inverse=x["inv"][:m],
        ),
        repeat=2,
    )
    print(f"regions (sector_regions, 20% inverse):     {m / t:>12,.0f} claims/s")

    k = min(n, 20_000)
    claims = [
        Claim(
            f"c{i}",
            "d",
            "",
            0,
            0,
            "offset",
            "t",
            "A",
            anchor=Place(
                "a", "A", "town", float(x["lat"][i]), float(x["lon"][i]), extent_m=float(x["ext"][i])
            ),
            distance=Distance(x["dist"][i] / 1000, "km", float(x["dist"][i]), f"{x['dist'][i] / 1000:g}"),
            direction=Direction("w", float(x["az"][i]), float(x["half"][i])),
            inverse=bool(x["inv"][i]),
        )
        for i in range(k)
    ]
    t = best_of(lambda: estimate_claims(claims), repeat=2)
    print(f"estimate_claims (Claim -> Estimate+region): {k / t:>11,.0f} claims/s  ({k:,} in {t:.3f} s)")
    del fwd_only


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
