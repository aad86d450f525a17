"""``python -m geokit.batch INPUTS... -o OUT_DIR [--scheduler ADDR] [--workers N]``."""

from __future__ import annotations

import argparse
import os
import sys

from geokit.batch.cli import add_batch_arguments, run_from_args
from geokit.errors import GeokitError


def main(argv: list[str] | None = None) -> int:
    """Run the batch command line; return the exit status (no traceback for bad input)."""
    parser = add_batch_arguments(
        argparse.ArgumentParser(prog="python -m geokit.batch", description="Geoparse a corpus on dask.")
    )
    args = parser.parse_args(argv)
    try:
        return run_from_args(args)
    except GeokitError as exc:
        print(f"geokit: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("geokit: interrupted (run again to resume)", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("GEOKIT_DEBUG"):
            raise
        print(f"geokit: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
