"""The corpus-wide checks stage of `geokit batch` at scale: seconds and peak memory against claims.

Run: .venv/bin/python benchmarks/batch_checks.py [--sizes 10000 30000 100000] [--bench DIR]

The corpus is the one of benchmarks/batch.py: N articles resampled (seed 7) from the 318 texts of
TR-News and GeoWebNews (../shared/bench/geoparse). Parsing 100,000 articles only to repeat the
same 318 texts would take an hour, so each distinct text is parsed and estimated once, and the
claims of article ``d<i>`` are copies of its text's claims and estimates with the ids ``d<i>:c<start>``
that parsing ``d<i>`` gives (what ``geokit batch`` would save, document by document). They are saved
as the batch's ``_state/`` of partitions of 1,000 articles, with each partition's grouping facts
(what its checkpoint holds), and the stage itself (``geokit.batch.run._write_checks``: group the
corpus from the facts, load the saved claims of the groups of two or more, check them, write
``checks/``) runs in a fresh process on dask's synchronous scheduler, timed, after a warm-up
stage on the first partition (which loads the gazetteer and the land and country layers once); its
memory is the peak RSS of that process during the stage (sampled every 0.05 s) less its RSS before.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_BENCH = HERE.parent.parent / "shared" / "bench" / "geoparse"
PARTITION = 1000


def distinct_texts(bench: Path) -> list[str]:
    """Return the texts the resampled corpus draws from, in the order benchmarks/batch.py reads them."""
    texts = []
    for name in ("tr-news.jsonl", "geowebnews.jsonl"):
        with open(bench / name, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def parsed_texts(texts: list[str]) -> list[tuple[list[Any], dict[str, Any]]]:
    """Parse and estimate each text once (as ``geokit batch`` does): its live claims and estimates."""
    from geokit.model import Document
    from geokit.pipeline import _Parser, estimate_and_flag

    parser = _Parser(None)
    out = []
    for k, text in enumerate(texts):
        claims = parser(Document(f"t{k}", text)).claims
        out.append((claims, estimate_and_flag(claims)))
    return out


def copy_for(doc: str, claims: list[Any], estimates: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """Return the claims and estimates of one text as they are for article ``doc``."""
    new_claims, new_est = [], {}
    for c in claims:
        cid = f"{doc}:c{c.start}"
        new_claims.append(dataclasses.replace(c, id=cid, document=doc, flags=list(c.flags)))
        e = estimates.get(c.id)
        if e is not None:
            new_est[cid] = dataclasses.replace(e, claim_id=cid)
    return new_claims, new_est


def build_store(
    out: Path, n: int, per_text: list[tuple[list[Any], dict[str, Any]]]
) -> tuple[list[dict[str, Any]], int]:
    """Write the saved claims of an ``n``-article resampled corpus; return the partitions' records and claims.

    A record is what the checks stage reads of a checkpoint: the partition id and grouping facts.
    """
    from geokit.batch.checks import corpus_facts
    from geokit.batch.store import Store

    store = Store(out)
    store.prepare()
    rng = random.Random(7)
    records, total = [], 0
    for index in range(-(-n // PARTITION)):
        claims: list[Any] = []
        estimates: dict[str, Any] = {}
        for i in range(index * PARTITION, min(n, (index + 1) * PARTITION)):
            k = rng.randrange(len(per_text))  # what rng.choice(texts) picks in benchmarks/batch.py
            c, e = copy_for(f"d{i}", *per_text[k])
            claims += c
            estimates.update(e)
        pid = f"{index:05d}-bench"
        store.write_state(pid, claims, estimates)
        records.append({"id": pid, "facts": corpus_facts(claims, estimates)})
        total += len(claims)
    return records, total


def run_stage(out: str, records_file: str) -> dict[str, float]:
    """Run the checks stage on a store (in this process); return seconds, checks and memory."""
    from geokit.batch import run as batch_run
    from geokit.batch.store import Store

    store = Store(out)
    records = json.loads(Path(records_file).read_text(encoding="utf-8"))
    with batch_run._Synchronous() as executor:
        batch_run._write_checks(store, records[:1], executor)  # warm-up: loads the layers once
        before = _rss_now()
        with _PeakRSS() as peak:
            t0 = time.perf_counter()
            c0 = time.process_time()
            n = batch_run._write_checks(store, records, executor)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"seconds": seconds, "cpu": cpu, "checks": n, "rss_before": before, "peak_rss": peak.peak}


def _rss_now() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize()


class _PeakRSS:
    """The largest RSS of this process, sampled every 0.05 s in a thread."""

    def __init__(self) -> None:
        self.peak = _rss_now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, _rss_now())

    def __enter__(self) -> _PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss_now())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--stage", nargs=2, metavar=("OUT", "RECORDS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:  # the child: one stage, figures as JSON on stdout
        print(json.dumps(run_stage(*args.stage)))
        return
    t0 = time.perf_counter()
    per_text = parsed_texts(distinct_texts(args.bench))
    print(f"{len(per_text)} distinct texts parsed and estimated in {time.perf_counter() - t0:.1f} s")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            out = Path(tmp) / f"out{n}"
            records, claims = build_store(out, n, per_text)
            records_file = Path(tmp) / f"records{n}.json"
            records_file.write_text(json.dumps(records), encoding="utf-8")
            child = subprocess.run(
                [sys.executable, __file__, "--stage", str(out), str(records_file)],
                check=True,
                capture_output=True,
                text=True,
            )
            r = json.loads(child.stdout.strip().splitlines()[-1])
            rows.append((n, claims, r))
            stage_mb = (r["peak_rss"] - r["rss_before"]) / 2**20
            print(
                f"{n:>7} articles, {claims:>6} claims: checks stage {r['seconds']:.1f} s "
                f"(CPU {r['cpu']:.1f} s, {r['cpu'] / claims * 1e3:.2f} ms per claim), {r['checks']} checks; "
                f"peak RSS {r['peak_rss'] / 2**20:.0f} MiB, {stage_mb:.0f} MiB above the warmed-up process"
            )
    if len(rows) > 1:
        (n0, c0, r0), (n1, c1, r1) = rows[0], rows[-1]
        m0, m1 = (max(1, r["peak_rss"] - r["rss_before"]) for r in (r0, r1))
        print(
            f"from {n0} to {n1} articles: claims x{c1 / c0:.1f}, CPU time x{r1['cpu'] / r0['cpu']:.1f}, "
            f"stage memory x{m1 / m0:.1f} (near-linear: at most about the claims' factor)"
        )


if __name__ == "__main__":
    main()
