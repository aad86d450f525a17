"""Geoparsing benchmark on GeoWebNews and TR-News (../shared/bench/geoparse), both settings, plus speed.

Run: .venv/bin/python benchmarks/geoparse.py [--bench DIR] [--errors N]

Prints, per corpus:
- gold spans given (resolution only): coverage, A@161, AUC, exact GeoNames id, unresolved counted wrong,
  and the misses split: the area chosen holds the gold point, unresolved, another place; and, as a
  secondary figure, A@161 counting a chosen area that holds the gold point as right (the primary stays A@161);
- end to end: precision, recall, F1 (Gritta/EUPEG inexact matching), A@161, mean and median km;
- speed: articles per second on one core for the whole `geokit parse` process (start-up included),
  beside geotext on the same texts in the same run.
Metric definitions: the corpus README. GWN toponyms without a GeoNames id count neither way end to end.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shapely import Point

from geokit.model import Document
from geokit.pipeline import parse_documents

HERE = Path(__file__).resolve().parent
DEFAULT_BENCH = HERE.parent.parent / "shared" / "bench" / "geoparse"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def auc(errors: list[float]) -> float:
    xs = sorted(math.log(1 + e) / math.log(20039) for e in errors)
    if len(xs) < 2:
        return 0.0
    return (sum(xs) - (xs[0] + xs[-1]) / 2) / (len(xs) - 1)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def gold_spans(docs: list[dict], show: int) -> dict:
    gold_docs = []
    for d in docs:
        tops = [t for t in d["toponyms"] if t.get("geonameid") is not None]
        gold_docs.append((d, tops))
    inputs = [
        Document(str(d["id"]), d["text"], spans=[(t["start"], t["end"]) for t in tops])
        for d, tops in gold_docs
    ]
    errs, resolved, same, wrong = [], 0, 0, []
    inside = 0  # misses whose gold point lies inside the area chosen (the same place, another point)
    for (d, tops), r in zip(gold_docs, parse_documents(inputs), strict=True):
        for t, m in zip(tops, r.mentions, strict=True):
            if m.place is None:
                errs.append(20039.0)
                wrong.append((20039.0, t["name"], "unresolved", d["id"]))
                continue
            resolved += 1
            e = haversine_km(t["lat"], t["lon"], m.place.lat, m.place.lon)
            errs.append(e)
            same += m.place.id == f"geonames:{t['geonameid']}"
            if e >= 161:
                wrong.append((e, t["name"], f"{m.place.name} ({m.place.kind}, {m.place.country})", d["id"]))
                geom = m.place.geometry
                if geom is not None and geom.geom_type in ("Polygon", "MultiPolygon"):
                    inside += bool(geom.contains(Point(t["lon"], t["lat"])))
    n = len(errs)
    for e, name, got, did in sorted(wrong, reverse=True)[:show]:
        print(f"    {e:8.0f} km  {name!r} -> {got}  [{did}]")
    return {
        "n": n,
        "coverage": resolved / max(1, n),
        "A161": sum(e < 161 for e in errs) / max(1, n),
        "AUC": auc(errs),
        "exact_id": same / max(1, n),
        "misses_inside": inside / max(1, n),
        "misses_unresolved": (n - resolved) / max(1, n),
        "median_km": sorted(errs)[n // 2] if n else None,
    }


def end_to_end(docs: list[dict], show: int) -> dict:
    inputs = [Document(str(d["id"]), d["text"]) for d in docs]
    tp = fp = fn = 0
    errs = []
    fps: dict[str, int] = {}
    fns: dict[str, int] = {}
    for d, r in zip(docs, parse_documents(inputs), strict=True):
        gold = [t for t in d["toponyms"] if t.get("geonameid") is not None]
        ignore = [t for t in d["toponyms"] if t.get("geonameid") is None]
        pred = [m for m in r.mentions if m.place is not None]
        used: set[int] = set()
        for t in gold:
            gc = (t["start"] + t["end"]) / 2
            hit = next(
                (
                    i
                    for i, m in enumerate(pred)
                    if i not in used
                    and m.text.lower() == t["name"].lower()
                    and abs((m.start + m.end) / 2 - gc) < 10
                ),
                None,
            )
            if hit is None:
                fn += 1
                fns[t["name"]] = fns.get(t["name"], 0) + 1
                continue
            used.add(hit)
            tp += 1
            errs.append(haversine_km(t["lat"], t["lon"], pred[hit].place.lat, pred[hit].place.lon))
        for i, m in enumerate(pred):
            if i in used:
                continue
            mc = (m.start + m.end) / 2
            if any(
                m.text.lower() == t["name"].lower() and abs(mc - (t["start"] + t["end"]) / 2) < 10
                for t in ignore
            ):
                continue
            fp += 1
            fps[m.text] = fps.get(m.text, 0) + 1
    p = tp / max(1, tp + fp)
    rc = tp / max(1, tp + fn)
    if show:
        print("    top false positives:", sorted(fps.items(), key=lambda kv: -kv[1])[:show])
        print("    top false negatives:", sorted(fns.items(), key=lambda kv: -kv[1])[:show])
    errs.sort()
    return {
        "P": p,
        "R": rc,
        "F1": 2 * p * rc / max(1e-9, p + rc),
        "A161": sum(e < 161 for e in errs) / max(1, len(errs)),
        "mean_km": sum(errs) / max(1, len(errs)),
        "median_km": errs[len(errs) // 2] if errs else None,
    }


GEOTEXT = r"""
import json, sys, time
from geotext import GeoText
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
for x in texts:
    GeoText(x)
print(len(texts) / (time.perf_counter() - t))
"""


def speed(docs: list[dict], n: int = 5000) -> None:
    rnd = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "big.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps({"id": f"d{i}", "text": rnd.choice(docs)["text"]}) + "\n")
        geokit = Path(sys.executable).with_name("geokit")
        cmd = ["taskset", "-c", "0", str(geokit), "parse", str(corpus), "--json"]
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        ours = n / (time.perf_counter() - t)
        try:
            peer = float(
                subprocess.check_output(["taskset", "-c", "0", sys.executable, "-c", GEOTEXT, str(corpus)])
            )
            peer_s = f"geotext {peer:,.0f} articles/s (capitalised-word lookup, no resolution)"
        except (subprocess.CalledProcessError, ValueError):
            peer_s = "geotext not importable"
    print(
        f"speed, {n} articles, one core, whole process: geokit {ours:,.0f} articles/s (goal >= 2,000); "
        f"{peer_s}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--errors", type=int, default=0, help="show the N largest errors / commonest FP and FN")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--corpus", choices=("tr-news", "geowebnews"), action="append")
    args = ap.parse_args()
    corpora = args.corpus or ["tr-news", "geowebnews"]
    os.environ.setdefault("PYTHONHASHSEED", "0")
    all_docs = []
    for name in corpora:
        docs = load(args.bench / f"{name}.jsonl")
        all_docs += docs
        print(f"{name} ({len(docs)} articles)")
        g = gold_spans(docs, args.errors)
        print(
            f"  gold spans: n {g['n']}, coverage {g['coverage']:.3f}, A@161 {g['A161']:.3f}, "
            f"AUC {g['AUC']:.3f}, "
            f"exact id {g['exact_id']:.3f}, median {g['median_km']:.1f} km"
        )
        print(
            "    A@161 or the area chosen holds the gold point (secondary):"
            f" {g['A161'] + g['misses_inside']:.3f}"
        )
        print(
            f"    misses: {g['misses_inside']:.3f} the area chosen holds the gold point (its point"
            f" convention, or a coarser place), {g['misses_unresolved']:.3f} unresolved,"
            f" {1 - g['A161'] - g['misses_inside'] - g['misses_unresolved']:.3f} another place"
        )
        e = end_to_end(docs, args.errors)
        print(
            f"  end to end: P {e['P']:.3f} R {e['R']:.3f} F1 {e['F1']:.3f}, A@161 {e['A161']:.3f}, "
            f"mean {e['mean_km']:.0f} km, median {e['median_km']:.1f} km"
        )
    print(
        "targets: TR-News gold-span A@161 >= 0.90, end-to-end F1 >= 0.75; GeoWebNews gold-span A@161 >= 0.93"
    )
    if not args.no_speed:
        speed(all_docs)


if __name__ == "__main__":
    main()
