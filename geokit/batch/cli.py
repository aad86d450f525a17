"""The ``geokit batch`` command: arguments and the function that runs it (dask is imported only then)."""

from __future__ import annotations

import argparse
import sys

__all__ = ["MAX_LISTED", "add_batch_arguments", "run_from_args"]

#: How many failed inputs are named on stderr (all of them are in ``errors.jsonl``).
MAX_LISTED = 20


def add_batch_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the arguments of ``geokit batch INPUTS... -o OUT_DIR [--scheduler ADDR] [--workers N]``.

    ``--corrections FILE`` (repeatable) applies analyst corrections, as for ``geokit parse``;
    ``--storage-option KEY=VALUE`` (repeatable) configures the fsspec filesystem of URL inputs and
    outputs (``s3://``, ``gs://``, ``az://``).

    Examples
    --------
    >>> import argparse
    >>> p = add_batch_arguments(argparse.ArgumentParser())
    >>> a = p.parse_args(["c.jsonl", "-o", "out", "--workers", "3"])
    >>> a.inputs, a.output, a.workers, a.scheduler, a.partition_size, a.corrections, a.storage_options
    (['c.jsonl'], 'out', 3, None, 1000, None, None)
    >>> p.parse_args(["s3://b/c.jsonl", "-o", "s3://b/out", "--storage-option", "anon=true"]).storage_options
    ['anon=true']
    >>> p.parse_args(["c.jsonl", "-o", "o", "--corrections", "a.json", "--corrections", "b.json"]).corrections
    ['a.json', 'b.json']
    """
    from geokit.corrections.template import add_corrections_argument

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
        "--partition-size",
        type=int,
        default=1000,
        metavar="N",
        help="documents per partition (default 1000; the last ones are cut smaller)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.add_argument(
        "--storage-option",
        action="append",
        metavar="KEY=VALUE",
        dest="storage_options",
        help="fsspec option for input and output URLs (s3://, gs://, az://), repeatable, e.g. "
        "endpoint_url=http://host:9000, anon=true, client_kwargs.region_name=eu-west-1; "
        "credentials may also come from the environment, and are never written anywhere",
    )
    add_corrections_argument(parser)
    return parser


def run_from_args(args: argparse.Namespace) -> int:
    """Run ``geokit batch`` from parsed arguments; print the summary on stderr; return the exit status.

    Every input that could not be read, and every analyst correction that could not be applied, is
    in ``OUT_DIR/errors.jsonl`` and named on stderr (the first :data:`MAX_LISTED`). The status is 1
    when a whole input file or folder failed (missing, unreadable, binary) or a correction could
    not be applied; broken lines of a JSONL corpus are recorded but do not fail the run, as at
    corpus scale they are data to look at, not a reason to redo the run.

    Raises
    ------
    geokit.errors.CorrectionError
        When a corrections file is missing or is not a corrections file (before any work is done).
    geokit.errors.InputError
        When a ``--storage-option`` is not KEY=VALUE, or the scheduler cannot be used.
    geokit.batch.storage.StorageError
        When the output cannot be written or the workers cannot see it (before any work is done).
    """
    from geokit.batch.run import run_batch
    from geokit.batch.storage import parse_storage_options, redact
    from geokit.corrections.template import corrections_from_args

    options = parse_storage_options(getattr(args, "storage_options", None))
    corrections = corrections_from_args(args)
    summary = run_batch(
        args.inputs,
        args.output,
        scheduler=args.scheduler,
        workers=args.workers,
        partition_size=args.partition_size,
        progress=not args.no_progress,
        corrections=corrections,
        storage_options=options,
    )
    errors = summary.pop("error_list")
    inputs = [e for e in errors if e.get("kind") != "correction"]
    fixes = [e for e in errors if e.get("kind") == "correction"]
    for listed, what in ((inputs, "skipped"), (fixes, "correction not applied:")):
        for e in listed[:MAX_LISTED]:
            where = e["file"] if e.get("line") is None else f"{e['file']}:{e['line']}"
            print(f"geokit: {what} {where}: {e['error']}", file=sys.stderr)
        if len(listed) > MAX_LISTED:
            print(f"geokit: ... and {len(listed) - MAX_LISTED} more in errors.jsonl", file=sys.stderr)
    print(
        f"geokit: {summary['documents']} documents, {summary['places']} places, {summary['claims']} claims, "
        f"{summary['checks']} checks, {summary['corrections']} corrections, {summary['errors']} errors "
        f"in {summary['seconds']:.1f} s "
        f"({summary['partitions']} partitions, {summary['partitions_resumed']} resumed) "
        f"-> {redact(args.output)}",
        file=sys.stderr,
    )
    return 1 if any(e.get("line") is None for e in errors) else 0
