"""Gazetteer benchmark: cold load time, peak RSS, and lookups per second (exact and fuzzy).

Run: .venv/bin/python benchmarks/gazetteer.py
Cold load runs in a fresh interpreter so that nothing is cached in the process.
"""

import json
import subprocess
import sys
import time

COLD = r"""
import json, resource, time
t = time.perf_counter()
from geokit.places.gazetteer import get_gazetteer
g = get_gazetteer()
g.lookup("Sirte")
dt = time.perf_counter() - t
print(json.dumps({"load_s": dt, "places": len(g), "names": g.manifest["keys"],
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    runs = [json.loads(subprocess.check_output([sys.executable, "-c", COLD])) for _ in range(3)]
    best = min(runs, key=lambda r: r["load_s"])
    print(f"cold load (import + open + first lookup): {best['load_s']:.3f} s  (goal <= 1 s)")
    print(f"peak RSS after cold load: {max(r['peak_rss_mb'] for r in runs):.0f} MB  (goal <= 400 MB)")
    print(f"places: {best['places']:,}  names: {best['names']:,}  (goal >= 200k places)")

    from geokit.places.gazetteer import get_gazetteer

    g = get_gazetteer()
    names = [
        "Sirte",
        "Mosul",
        "Raqqa",
        "Paris",
        "London",
        "Springfield",
        "Whiteman AFB",
        "Libya",
        "Tigris River",
        "Sao Paulo",
        "Zürich",
        "الرقة",
        "New York",
        "Georgia",
        "Washington",
        "Aleppo",
        "Kabul",
        "Lagos",
    ]
    n = 0
    t = time.perf_counter()
    while time.perf_counter() - t < 2.0:
        for q in names:
            g.lookup(q)
        n += len(names)
    exact = n / (time.perf_counter() - t)
    print(f"exact lookups: {exact:,.0f} /s (ranked candidates with Place objects)")
    fuzzy_names = ["Sirtte", "Mosull", "Aleppoo", "Londn", "Bagdhad", "Kabull"]
    g.lookup("Warmup zzz")
    n = 0
    t = time.perf_counter()
    while time.perf_counter() - t < 2.0:
        for q in fuzzy_names:
            g.lookup(q)
        n += len(fuzzy_names)
    print(f"fuzzy lookups: {n / (time.perf_counter() - t):,.1f} /s (rapidfuzz over {len(g):,} primary names)")


if __name__ == "__main__":
    main()
