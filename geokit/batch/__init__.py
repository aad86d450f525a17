"""Corpus scale: geoparse many documents on dask into resumable GeoParquet datasets.

Importing this package does not import dask; :func:`run_batch` does.
"""

from __future__ import annotations

from geokit.batch.cli import add_batch_arguments, run_from_args
from geokit.batch.run import run_batch

__all__ = ["add_batch_arguments", "run_batch", "run_from_args"]
