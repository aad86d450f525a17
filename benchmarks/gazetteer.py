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

    import random

    from geokit.places.gazetteer import get_gazetteer

    g = get_gazetteer()
    rnd = random.Random(0)
    # distinct names, so that no lookup is answered from the per-name cache
    sample = rnd.sample(range(len(g)), 20_000)
    names = list(dict.fromkeys(g.place(i, geometry=False).name for i in sample))
    t = time.perf_counter()
    for q in names:
        g.lookup(q, fuzzy=False)
    exact = len(names) / (time.perf_counter() - t)
    print(f"exact lookups, distinct names (uncached): {exact:,.0f} /s over {len(names):,} names")
    t = time.perf_counter()
    for q in names:
        g.lookup(q, fuzzy=False)
    print(f"exact lookups, the same names again (cached): {len(names) / (time.perf_counter() - t):,.0f} /s")
    typos = []
    for q in names[:300]:
        if len(q) > 5:
            k = rnd.randrange(1, len(q) - 1)
            typos.append(q[:k] + q[k + 1 :])  # drop one letter
    g.lookup("Warmup zzz")
    t = time.perf_counter()
    for q in typos:
        g.lookup(q)
    print(
        f"fuzzy lookups (a letter dropped, uncached): {len(typos) / (time.perf_counter() - t):,.1f} /s "
        f"(rapidfuzz over {len(g):,} primary names)"
    )


if __name__ == "__main__":
    main()
