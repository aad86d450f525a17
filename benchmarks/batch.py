"""Batch geoparsing on dask: articles per second with 1 and 2 workers, speed-up and peak memory.

Run: .venv/bin/python benchmarks/batch.py [--n 50000] [--bench DIR] [--partition-size 1000]

The corpus is resampled (with a fixed seed) from TR-News and GeoWebNews (../shared/bench/geoparse).
Each run is a fresh `run_batch` into an empty folder on a dask LocalCluster (cluster start-up,
parsing, writing GeoParquet and the cross-document checks included). Peak RSS is the largest sum of
the resident memory of this process and all its children (the dask scheduler runs here, the
workers are child processes), sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import threading
import time
from pathlib import Path

import psutil

from geokit.batch import run_batch

HERE = Path(__file__).resolve().parent
DEFAULT_BENCH = HERE.parent.parent / "shared" / "bench" / "geoparse"


def make_corpus(bench: Path, n: int, path: Path) -> None:
    texts = []
    for name in ("tr-news.jsonl", "geowebnews.jsonl"):
        with open(bench / name, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"d{i}", "text": rng.choice(texts)}) + "\n")


class PeakRSS:
    """Sample the summed RSS of this process tree in a thread."""

    def __init__(self, every: float = 0.2) -> None:
        self.every, self.peak, self.peak_pss, self._stop = every, 0, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = pss = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    info = p.memory_full_info()
                    total += info.rss
                    pss += getattr(info, "pss", info.rss)
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self.peak_pss = max(self.peak_pss, pss)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=50_000, help="articles in the synthetic corpus")
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--partition-size", type=int, default=1000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        make_corpus(args.bench, args.n, corpus)
        size = corpus.stat().st_size
        print(f"corpus: {args.n} articles resampled from {args.bench.name}, {size / 1e6:.1f} MB")
        rates = {}
        for w in args.workers:
            with PeakRSS() as rss:
                t0 = time.perf_counter()
                s = run_batch(
                    [corpus],
                    Path(tmp) / f"out{w}",
                    workers=w,
                    partition_size=args.partition_size,
                    progress=False,
                )
                dt = time.perf_counter() - t0
            rates[w] = s["documents"] / dt
            print(
                f"workers={w}: {dt:.1f} s, {rates[w]:.0f} articles/s; {s['places']} places, "
                f"{s['claims']} claims, {s['checks']} checks, {s['partitions']} partitions; "
                f"peak RSS (all processes) "
                f"{rss.peak / 2**20:.0f} MiB (PSS, shared pages counted once: {rss.peak_pss / 2**20:.0f} MiB)"
            )
        if 1 in rates and len(rates) > 1:
            for w in sorted(rates):
                if w != 1:
                    print(f"speed-up {w} workers vs 1: {rates[w] / rates[1]:.2f}x (goal >= 1.8x for 2)")


if __name__ == "__main__":
    main()
