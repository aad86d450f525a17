"""Corpus scale: geoparse many documents on dask into resumable GeoParquet datasets.

Importing this package does not import dask; :func:`run_batch` does. Nor does it import the
runner itself until it is asked for, so that building the ``geokit`` command line (which adds the
``batch`` arguments from :mod:`geokit.batch.cli`) stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from geokit.batch.cli import add_batch_arguments, run_from_args

if TYPE_CHECKING:
    from geokit.batch.run import run_batch

__all__ = ["add_batch_arguments", "run_batch", "run_from_args"]


def __getattr__(name: str) -> Any:
    if name == "run_batch":
        return import_module("geokit.batch.run").run_batch
    raise AttributeError(f"module 'geokit.batch' has no attribute {name!r}")
