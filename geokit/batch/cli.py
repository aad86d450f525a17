"""The ``geokit batch`` command: arguments and the function that runs it (dask is imported only then)."""

from __future__ import annotations

import argparse
import sys

__all__ = ["MAX_LISTED", "add_batch_arguments", "run_from_args"]

#: How many failed inputs are named on stderr (all of them are in ``errors.jsonl``).
MAX_LISTED = 20


def add_batch_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the arguments of ``geokit batch INPUTS... -o OUT_DIR [--scheduler ADDR] [--workers N]``.

    Examples
    --------
    >>> import argparse
    >>> p = add_batch_arguments(argparse.ArgumentParser())
    >>> a = p.parse_args(["c.jsonl", "-o", "out", "--workers", "3"])
    >>> a.inputs, a.output, a.workers, a.scheduler, a.partition_size
    (['c.jsonl'], 'out', 3, None, 1000)
    """
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt files, .jsonl corpora or folders")
    parser.add_argument("-o", "--output", required=True, metavar="OUT_DIR", help="output folder (resumed)")
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="dask scheduler address, e.g. tcp://host:8786 (default: a local cluster of processes; "
        "'threads': a local cluster of threads; 'synchronous': everything in this process)",
    )
    parser.add_argument("--workers", type=int, metavar="N", help="local workers (default 2)")
    parser.add_argument(
        "--partition-size", type=int, default=1000, metavar="N", help="documents per partition (default 1000)"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    return parser


def run_from_args(args: argparse.Namespace) -> int:
    """Run ``geokit batch`` from parsed arguments; print the summary on stderr; return the exit status.

    Every input that could not be read is in ``OUT_DIR/errors.jsonl`` and named on stderr (the
    first :data:`MAX_LISTED`). The status is 1 when a whole input file or folder failed (missing,
    unreadable, binary); broken lines of a JSONL corpus are recorded but do not fail the run, as
    at corpus scale they are data to look at, not a reason to redo the run.
    """
    from geokit.batch.run import run_batch

    summary = run_batch(
        args.inputs,
        args.output,
        scheduler=args.scheduler,
        workers=args.workers,
        partition_size=args.partition_size,
        progress=not args.no_progress,
    )
    errors = summary.pop("error_list")
    for e in errors[:MAX_LISTED]:
        where = e["file"] if e.get("line") is None else f"{e['file']}:{e['line']}"
        print(f"geokit: skipped {where}: {e['error']}", file=sys.stderr)
    if len(errors) > MAX_LISTED:
        print(f"geokit: ... and {len(errors) - MAX_LISTED} more in errors.jsonl", file=sys.stderr)
    print(
        f"geokit: {summary['documents']} documents, {summary['places']} places, {summary['claims']} claims, "
        f"{summary['checks']} checks, {summary['errors']} errors in {summary['seconds']:.1f} s "
        f"({summary['partitions']} partitions, {summary['partitions_resumed']} resumed) -> {args.output}",
        file=sys.stderr,
    )
    return 1 if any(e.get("line") is None for e in errors) else 0
