"""``run_batch``: geoparse a corpus on dask, partition by partition, resumable, into GeoParquet."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from geokit.batch.partitions import Partition, iter_partitions
from geokit.batch.storage import StorageError, StorageOptions
from geokit.batch.store import DATASETS, Store, sees_probe
from geokit.errors import CorrectionError, InputError

if TYPE_CHECKING:
    from geokit.corrections.schema import Correction

__all__ = ["CONNECT_TIMEOUT", "LOCAL_CLUSTER_CONFIG", "LOCAL_SCHEDULERS", "WORKERS_TIMEOUT", "run_batch"]

#: How long to try to reach a scheduler given by address.
CONNECT_TIMEOUT = "20s"
#: How long to wait for a first worker when the scheduler has none.
WORKERS_TIMEOUT = 60.0

#: ``scheduler`` values that are not an address: every task in this process (dask's synchronous
#: scheduler's name; for tests and debugging), a LocalCluster of threads, or of processes (the default).
LOCAL_SCHEDULERS = ("synchronous", "sync", "threads", "processes")

#: dask settings of the LocalCluster that geokit starts (its scheduler, nannies and workers; a
#: scheduler and workers you start yourself keep your settings, see docs/cluster.md). The workers'
#: statistical profiler, for a dashboard geokit does not open, takes the GIL from the parser every
#: 10 ms (about 7 % of a worker's time); the event-loop tick (every 20 ms), the system monitor
#: (every 0.5 s) and the nannies' memory monitor (every 0.1 s) run less often.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class _Synchronous(AbstractContextManager["_Synchronous"]):
    """Runs each task at once, in this process, as dask's synchronous scheduler would.

    The task is called directly: wrapping it in ``dask.delayed`` would walk every argument for
    dask collections, and the checks stage's lists of claim positions are long.
    """

    workers = 1
    remote = False

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return fn(*args)

    def run_everywhere(self, fn: Callable[[], Any]) -> None:
        fn()

    def __exit__(self, *exc: object) -> None:
        return None


class _Distributed(AbstractContextManager["_Distributed"]):
    """A ``dask.distributed`` client: a new LocalCluster, or an existing scheduler."""

    def __init__(self, scheduler: str | None, workers: int | None) -> None:
        import dask
        from distributed import Client, LocalCluster

        self.cluster = None
        self.remote = False
        if scheduler is None or scheduler in ("processes", "threads"):
            with dask.config.set(LOCAL_CLUSTER_CONFIG):  # read as they start; the nannies pass it on
                self.cluster = LocalCluster(
                    n_workers=workers or 2,
                    threads_per_worker=1,
                    processes=scheduler != "threads",
                    dashboard_address=None,
                    # no dashboard, and the scheduler's small HTTP server on a free port (not 8787)
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                    silence_logs=logging.CRITICAL,  # shutdown races log tracebacks at ERROR
                )
            self.client = Client(self.cluster)
        else:
            self.remote = True
            try:
                self.client = Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise InputError(
                    f"cannot reach the dask scheduler at {scheduler}: {exc} "
                    "(is it running, and is the address tcp://HOST:PORT?)"
                ) from None
            if not self.client.scheduler_info().get("workers"):
                try:
                    self.client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
                except (OSError, TimeoutError) as exc:
                    self.client.close()
                    raise InputError(
                        f"the dask scheduler at {scheduler} has no workers "
                        f"(none came within {WORKERS_TIMEOUT:g} s: {exc})"
                    ) from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or (workers or 2))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def run_everywhere(self, fn: Callable[[], Any]) -> None:
        """Call ``fn`` on every worker (best effort: a worker that is gone has nothing to run it on)."""
        try:
            self.client.run(fn)
        except Exception:  # only housekeeping: the work is done
            logging.getLogger(__name__).debug("could not run %s on every worker", fn, exc_info=True)

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _progress_bar(progress: bool) -> Any:
    from tqdm import tqdm

    return tqdm(desc="geokit batch", unit="doc", file=sys.stderr, disable=not progress, mininterval=0.5)


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = 1000,
    progress: bool = True,
    corrections: Iterable[Correction] | None = None,
    storage_options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    r"""Geoparse a corpus on dask and write GeoParquet datasets; rerun on the same folder to resume.

    The inputs are read lazily and cut into partitions of ``partition_size`` documents (the last
    ones smaller, see :func:`~geokit.batch.partitions.iter_partitions`); each partition is
    parsed, estimated and written by a dask task (``places/``, ``claims/``, ``estimates/``, one
    ``part-NNNNN.parquet`` each), then checkpointed. Partitions already done in ``out_dir`` are
    skipped. When all are done, the claims of every partition are checked against each other
    (``checks/``), and ``errors.jsonl`` and ``summary.json`` are written.

    Analyst ``corrections`` are applied as ``geokit parse --corrections`` applies them, by the
    partition that holds their document, before its estimates are made; the partition's id
    includes a hash of them, so changing them recomputes the partitions they concern, and only
    those. Corrected rows carry ``corrected`` (JSON); the checks compare the corrected claims. A
    correction that cannot be applied (unknown document, span or id; a malformed entry) is a line
    of ``errors.jsonl`` with ``"kind": "correction"``.

    Parameters
    ----------
    inputs : sequence of path or URL
        ``.txt`` files, ``.jsonl`` corpora, or folders of them; local paths or URLs fsspec opens
        (``s3://bucket/corpus.jsonl``, ``gs://bucket/folder``). The client reads them.
    out_dir : path or URL
        The output folder (created if needed): a local path, made absolute here before any task
        leaves this process, or an object-store URL (``s3://bucket/out``, ``gs://...``,
        ``az://...``, ``file://...``) that every worker writes to. With a scheduler given by
        address, the workers must see a local folder at the same path (a shared file system):
        this is checked before any work.
    scheduler : str, optional
        Address of a running dask scheduler (``tcp://host:8786``); ``None`` or ``"processes"``
        starts a LocalCluster of processes, ``"threads"`` a LocalCluster of threads, and
        ``"synchronous"`` runs every task in this process, one after the other.
    workers : int, optional
        Workers of the LocalCluster (default 2), one thread each.
    partition_size : int, default 1000
        Documents per partition; the last full partition and the rest after it are cut into
        smaller pieces (:func:`~geokit.batch.partitions.iter_partitions`).
    progress : bool, default True
        Show a progress bar on stderr.
    corrections : Corrections or iterable of Correction, optional
        Analyst corrections (:func:`geokit.corrections.load_corrections`); the problems found while
        reading them (``Corrections.problems``) are reported in ``errors.jsonl`` too.
    storage_options : mapping, optional
        fsspec options of the input and output URLs (``key``, ``secret``, ``endpoint_url``,
        ``token``...). They reach the workers with each task and are never written anywhere;
        credentials may instead come from each machine's environment.

    Returns
    -------
    dict
        The summary (also ``summary.json``): ``documents``, ``places``, ``claims``, ``estimates``,
        ``checks``, ``errors``, ``corrections`` (how many were given), ``seconds``, ``partitions``,
        ``partitions_resumed``, and ``error_list`` (the inputs that failed and the corrections that
        could not be applied, as in ``errors.jsonl``; not in the file).

    Raises
    ------
    InputError
        When ``partition_size`` or ``workers`` is not positive, the scheduler cannot be reached
        or has no workers, or the workers cannot run geokit.
    StorageError
        When the output cannot be written (missing folder or bucket, no permission, credentials
        refused), or the workers of a scheduler cannot see it: all before any work is done.

    Examples
    --------
    >>> import tempfile, pathlib, geopandas
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "c.jsonl").write_text('{"id": "a", "text": "The camp is 45 km south of Mosul."}\n'
    ...                                '{"id": "b", "text": 7}\n')
    >>> s = run_batch([d / "c.jsonl"], d / "out", scheduler="synchronous", progress=False)
    >>> s["documents"], s["places"], s["errors"], len(geopandas.read_parquet(d / "out" / "places"))
    (1, 1, 1, 1)
    >>> from geokit.corrections import Corrections
    >>> fixes = Corrections().not_a_place("a", 27, 32).not_a_place("z", 0, 5)
    >>> s = run_batch([d / "c.jsonl"], d / "out", scheduler="synchronous", progress=False, corrections=fixes)
    >>> s["partitions_resumed"], s["estimates"], [e["error"] for e in s["error_list"]][1:]
    (0, 0, ["entry 2: not-a-place at 0-5: no document 'z' in this run"])
    """
    if workers is not None and workers < 1:
        raise InputError(f"workers must be at least 1, not {workers}")
    if partition_size < 1:
        raise InputError(f"partition size must be at least 1, not {partition_size}")
    t0 = time.perf_counter()
    options = StorageOptions(storage_options or {})
    store = Store(out_dir, options)
    store.check()
    from geokit.batch.worker import correction_payload, process_partition

    fixes = list(corrections or ())
    records: dict[str, dict[str, Any]] = {}
    expected: dict[str, int] = {}
    held: dict[str, list[Correction]] = {}  # partition id -> its corrections
    partitions_of: dict[str, int] = {}  # corrected document id -> how many partitions hold it
    resumed = 0
    executor: Any = (
        _Synchronous() if scheduler in ("synchronous", "sync") else _Distributed(scheduler, workers)
    )
    try:
        store.prepare()
        if executor.remote:
            _check_workers(executor.client, store)
    except BaseException:
        executor.__exit__(None, None, None)
        raise
    bar = _progress_bar(progress)
    with executor, bar:
        done = store.done_ids()
        parts = {d: store.names(d) for d in DATASETS[:3]}
        # Two partitions per worker in flight: one running, one sent ahead. The smaller pieces that
        # end the run wait until a worker is free, so none waits behind another worker's last full one.
        window = 2 * executor.workers
        inflight: deque[Any] = deque()
        for part in iter_partitions(inputs, partition_size, fixes, options):
            expected[part.id] = part.index
            held[part.id] = part.corrections
            for doc in {c.document for c in part.corrections}:
                partitions_of[doc] = partitions_of.get(doc, 0) + 1
            if _done(part, done, parts):
                rec = store.read_done(part.id)
                records[part.id] = rec
                resumed += 1
                bar.update(rec["documents"])
                continue
            payload = correction_payload(part.corrections)
            args = (store.location, part.index, part.id, part.documents, part.errors, payload, options)
            while len(inflight) >= (executor.workers if part.tail else window):
                _wait_first(inflight, records, bar)
            inflight.append(executor.submit(process_partition, *args))
        while inflight:
            _wait_first(inflight, records, bar)
        bar.close()
        store.remove_stale(expected)
        if not expected:  # no input at all: still leave readable (empty) datasets
            _write_empty(store)
        ordered = [records[pid] for pid in sorted(expected, key=expected.__getitem__)]
        n_checks = _write_checks(store, ordered, executor)
    errors = [e for rec in ordered for e in [*rec["errors"], *_correction_errors(rec, held[rec["id"]])]]
    errors += _unheld(corrections, fixes, partitions_of)
    store.write_text(
        store.root / "errors.jsonl", "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)
    )
    summary: dict[str, Any] = {
        "documents": sum(r["documents"] for r in ordered),
        "places": sum(r["places"] for r in ordered),
        "claims": sum(r["claims"] for r in ordered),
        "estimates": sum(r["estimates"] for r in ordered),
        "checks": n_checks,
        "errors": len(errors),
        "corrections": len(fixes),
        "seconds": round(time.perf_counter() - t0, 3),
        "partitions": len(ordered),
        "partitions_resumed": resumed,
    }
    store.write_text(store.root / "summary.json", json.dumps(summary, indent=2) + "\n")
    summary["error_list"] = errors
    return summary


def _correction_error(error: CorrectionError) -> dict[str, Any]:
    return {**error.to_dict(), "kind": "correction"}


def _correction_errors(record: dict[str, Any], corrections: list[Correction]) -> list[dict[str, Any]]:
    """Name the corrections a partition could not apply by their current file and entry."""
    out = []
    for p in record.get("correction_errors", ()):
        k = p.get("k")
        if k is not None and 0 <= k < len(corrections):
            c = corrections[k]
            error = CorrectionError(p["error"], source=c.source, entry=c.entry, document=c.document)
        else:
            error = CorrectionError(p["error"])
        out.append(_correction_error(error))
    return out


def _unheld(
    corrections: Iterable[Correction] | None, fixes: list[Correction], partitions_of: dict[str, int]
) -> list[dict[str, Any]]:
    """Report the corrections no partition applied, or more than one, and those that could not be read.

    They come in the order of their files and entries.
    """
    found: list[CorrectionError] = list(getattr(corrections, "problems", ()))
    for c in fixes:
        n = partitions_of.get(c.document, 0)
        if n == 0:
            found.append(c.error(f"no document {c.document!r} in this run"))
        elif n > 1:
            found.append(
                c.error(
                    f"the document id {c.document!r} is in {n} partitions; the correction was applied in each"
                )
            )
    files = {name: i for i, name in reversed(list(enumerate(c.source for c in fixes)))}
    found.sort(key=lambda e: (files.get(e.source, -1), e.entry if e.entry is not None else -1))
    return [_correction_error(e) for e in found]


def _write_empty(store: Store) -> None:
    from geokit.batch.frames import claims_frame, estimates_frame, places_frame

    store.write_frame("places", 0, places_frame([]))
    store.write_frame("claims", 0, claims_frame([], {}))
    store.write_frame("estimates", 0, estimates_frame([], {}))


def _done(part: Partition, done: set[str], parts: dict[str, set[str]]) -> bool:
    """Whether ``part`` has its checkpoint and its three parts (from listings made at the start)."""
    name = f"part-{part.index:05d}.parquet"
    return part.id in done and all(name in names for names in parts.values())


def _check_workers(client: Any, store: Store) -> None:
    """Make sure every worker of a scheduler given by address runs geokit and sees the output.

    The client writes a probe file into the output and asks each worker to find it: a local
    folder the workers do not share (another host) or an object store they cannot open (no
    credentials, no fsspec package) is refused before any work.

    Raises
    ------
    InputError
        When the workers cannot run geokit's probe (geokit not installed there).
    StorageError
        When a worker cannot see the output.
    """
    name = store.probe()
    try:
        answers = client.run(sees_probe, store.location, store.storage_options, name)
    except Exception as exc:
        raise InputError(
            f"the dask workers cannot run geokit ({type(exc).__name__}: {exc}); install geokit "
            "on every worker (same version as here)"
        ) from None
    finally:
        store.remove_file(store.root / name)
    bad = {worker: why for worker, why in answers.items() if why}
    if not bad:
        return
    worker, why = next(iter(sorted(bad.items())))
    more = f" (and {len(bad) - 1} more workers)" if len(bad) > 1 else ""
    if store.local:
        raise StorageError(
            f"the dask worker {worker}{more} cannot see the output folder {store.root} ({why}): "
            "it runs on another machine or in another file system. Give -o a folder every worker "
            "sees at the same path (a shared file system), or an object-store URL such as "
            "s3://bucket/out (with --storage-option or each worker's environment for credentials)"
        )
    raise StorageError(
        f"the dask worker {worker}{more} cannot open the output ({why}): give every worker the "
        "fsspec package of the URL (s3fs, gcsfs, adlfs) and the credentials (its environment, "
        "or --storage-option)"
    )


def _ready(future: Any) -> bool:
    return not hasattr(future, "done") or future.done()


def _result(future: Any) -> Any:
    return future.result() if hasattr(future, "result") else future


def _wait_first(inflight: deque[Any], records: dict[str, dict[str, Any]], bar: Any) -> None:
    """Wait until at least one running partition finishes, and collect every finished one."""
    if hasattr(inflight[0], "done"):
        from distributed import wait

        wait(list(inflight), return_when="FIRST_COMPLETED")
    for f in [f for f in inflight if _ready(f)]:
        inflight.remove(f)
        rec = _result(f)
        records[rec["id"]] = rec
        bar.update(rec["documents"])


#: Most checks written by one task (one part of ``checks/``).
MAX_CHECKS_PER_PART = 250_000


def _chunks(groups: Sequence[tuple[str, list[int]]], n: int) -> list[list[tuple[str, list[int]]]]:
    """Cut the groups, in order, into about ``n`` runs of similar numbers of pairs."""
    sizes = [len(m) * (len(m) - 1) // 2 + 1 for _, m in groups]
    total = sum(sizes)
    n = max(n, -(-total // MAX_CHECKS_PER_PART))
    per = max(1, -(-total // n))
    out: list[list[tuple[str, list[int]]]] = [[]]
    filled = 0
    for g, size in zip(groups, sizes, strict=True):
        if filled and filled + size > per:
            out.append([])
            filled = 0
        out[-1].append(g)
        filled += size
    return out


def _write_checks(store: Store, ordered: Sequence[dict[str, Any]], executor: Any) -> int:
    """Check every claim of the run against the others, spread over the workers by target group.

    The client groups the run from the facts in the partitions' checkpoints; only groups of two
    claims or more are shipped (a lone claim has nothing to be checked against, and no row).
    """
    from geokit.batch import worker
    from geokit.batch.checks import corpus_facts
    from geokit.checks.grouping import group_facts

    pids = [rec["id"] for rec in ordered]
    facts: list[Any] = []
    starts: list[int] = []
    for rec in ordered:
        starts.append(len(facts))
        found = rec.get("facts")
        if found is None:  # a checkpoint written without facts: read them from the saved claims
            found = corpus_facts(*store.read_state(rec["id"]))
        facts += found
    groups = [g for g in group_facts(facts) if len(g[1]) > 1]
    wanted = sorted(p for _, positions in groups for p in positions)
    chunks = _chunks(groups, 2 * executor.workers)
    options = store.storage_options
    futures = [
        executor.submit(worker.check_chunk, store.location, pids, starts, i, c, options, wanted)
        for i, c in enumerate(chunks)
    ]
    try:
        if futures and hasattr(futures[0], "result"):
            from distributed import wait

            wait(futures)
        n = sum(_result(f) for f in futures)
    finally:
        executor.run_everywhere(worker.release_checks)
    store.remove_parts("checks", {f"part-{i:05d}.parquet" for i in range(len(chunks))})
    return n
