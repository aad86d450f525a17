"""Gazetteer benchmark: cold load time, peak RSS, lookups per second, and honest spelling guesses.

Run: .venv/bin/python benchmarks/gazetteer.py [--spelling-only] [--cases N] [--rule-off]
Cold load runs in a fresh interpreter so that nothing is cached in the process.

Spelling guesses are measured on names generated from the gazetteer itself (towns, cities,
regions and features; villages and airports left out), seeded, so every run asks the same:

- *misspellings*: one edit (a letter dropped, added, changed, or two neighbours swapped) in the
  distinctive word (not "Heights", "Mount", "Al", see ``geokit/_data/name_words.json``) of a real
  name, spelled so that no name matches exactly. Right: the first guess is a place of that name.
- *other names*: a real multi-word name whose distinctive word is replaced by another place's
  (at least three edits away: "Golan Heights" from "Rowland Heights"), named by no place. A false
  guess: a first candidate found by spelling (a fuzzy match) whose distinctive words are more
  than two edits from the query's. The share given any answer at all is printed too (it also
  counts the shorter names a name is built on: "Keller City" gives Keller).

``--rule-off`` measures the fuzzy matcher without the distinctive-word rule
(:func:`geokit.places.gazetteer.is_spelling_guess`), for a before/after comparison.
"""

import argparse
import json
import random
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


def _distinctive(key: str, generic: frozenset[str]) -> str:
    """Return the distinctive words of a folded name, joined (all its words when none is)."""
    words = key.split()
    return "".join([w for w in words if w not in generic] or words)


def _misspell(word: str, rnd: random.Random) -> str:
    """Return ``word`` with one edit: a letter dropped, added or changed, or two neighbours swapped."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    k = rnd.randrange(len(word))
    op = rnd.choice(("drop", "add", "change", "swap"))
    if op == "drop":
        return word[:k] + word[k + 1 :]
    if op == "add":
        return word[:k] + rnd.choice(letters) + word[k:]
    if op == "change":
        return word[:k] + rnd.choice(letters.replace(word[k], "")) + word[k + 1 :]
    k = min(k, len(word) - 2)
    if word[k] == word[k + 1]:
        return word[:k] + rnd.choice(letters.replace(word[k], "")) + word[k + 1 :]
    return word[:k] + word[k + 1] + word[k] + word[k + 2 :]


def spelling_cases(g, n: int, seed: int = 0) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return ``n`` misspellings and ``n`` other names, each as (query, the real name it came from)."""
    from rapidfuzz.distance import OSA

    from geokit.places.gazetteer import generic_name_words
    from geokit.places.normalize import name_key

    generic = generic_name_words()
    rnd = random.Random(seed)
    kinds = g._kinds
    pool = sorted(
        {
            g.place(i, geometry=False).name
            for i in range(len(g))
            if kinds[i] not in ("village", "airport") and g.place(i, geometry=False).name.isascii()
        }
    )
    rnd.shuffle(pool)
    words = [w for name in pool for w in name_key(name).split() if w not in generic and len(w) >= 4]

    def unknown(query: str) -> bool:
        return not g.candidates(query, fuzzy=False, limit=1)

    typos: list[tuple[str, str]] = []
    others: list[tuple[str, str]] = []
    for name in pool:
        parts = name.split()
        own = [k for k, w in enumerate(parts) if name_key(w) not in generic and w.isalpha() and len(w) >= 4]
        if not own or name_key(name) != " ".join(name_key(w) for w in parts):
            continue
        k = rnd.choice(own)
        if len(typos) < n:
            query = " ".join([*parts[:k], _misspell(parts[k], rnd), *parts[k + 1 :]])
            if unknown(query):
                typos.append((query, name))
        if len(others) < n and len(parts) > 1 and len(own) == 1:
            word = rnd.choice(words)
            if OSA.distance(word, name_key(parts[k])) >= 3:
                query = " ".join([*parts[:k], word.title(), *parts[k + 1 :]])
                if unknown(query):
                    others.append((query, name))
        if len(typos) >= n and len(others) >= n:
            break
    return typos, others


def spelling(g, n: int) -> None:
    """Print the share of misspellings guessed right and of other names given a false guess."""
    from rapidfuzz.distance import OSA

    from geokit.places.gazetteer import generic_name_words
    from geokit.places.normalize import name_key

    generic = generic_name_words()
    typos, others = spelling_cases(g, n)
    t = time.perf_counter()
    multi = [0, 0]  # right, asked: names of several words
    single = [0, 0]
    for query, name in typos:
        found = g.lookup(query, limit=1)
        tally = multi if " " in name else single
        tally[1] += 1
        tally[0] += bool(found) and name_key(found[0].place.name) == name_key(name)
    false = offered = 0
    for query, _ in others:
        found = g.lookup(query, limit=1)
        offered += bool(found)
        if found and found[0].reason.startswith("fuzzy match"):
            own = _distinctive(name_key(query), generic)
            false += OSA.distance(own, _distinctive(name_key(found[0].place.name), generic)) > 2
    dt = time.perf_counter() - t
    right = multi[0] + single[0]
    print(
        f"misspellings guessed right: {right / len(typos):.3f} of {len(typos)} "
        f"(several words {multi[0] / max(1, multi[1]):.3f} of {multi[1]}, "
        f"one word {single[0] / max(1, single[1]):.3f} of {single[1]})"
    )
    print(
        f"other names given a false spelling guess: {false / len(others):.3f} of {len(others)} "
        f"(any answer: {offered / len(others):.3f})  [{dt:.0f} s]"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spelling-only", action="store_true", help="measure only the spelling guesses")
    ap.add_argument("--cases", type=int, default=300, help="misspellings and other names, each")
    ap.add_argument(
        "--rule-off", action="store_true", help="fuzzy matching without the distinctive-word rule"
    )
    args = ap.parse_args()
    if args.rule_off:
        import geokit.places.gazetteer as gazetteer

        gazetteer.is_spelling_guess = lambda query_key, name_key_: True
    if args.spelling_only:
        from geokit.places.gazetteer import get_gazetteer

        spelling(get_gazetteer(), args.cases)
        return
    runs = [json.loads(subprocess.check_output([sys.executable, "-c", COLD])) for _ in range(3)]
    best = min(runs, key=lambda r: r["load_s"])
    print(f"cold load (import + open + first lookup): {best['load_s']:.3f} s  (goal <= 1 s)")
    print(f"peak RSS after cold load: {max(r['peak_rss_mb'] for r in runs):.0f} MB  (goal <= 400 MB)")
    print(f"places: {best['places']:,}  names: {best['names']:,}  (goal >= 200k places)")

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
    spelling(g, args.cases)


if __name__ == "__main__":
    main()
