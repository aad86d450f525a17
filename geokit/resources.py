"""geokit's own data files (``geokit/_data``): found with :mod:`importlib.resources`, read once.

Word lists, spelling tables and rules are data, kept as JSON beside the code that reads them; a
key starting with ``_`` is a note for the reader, not a list.

Examples
--------
>>> "linking_verbs" in word_lists("claim_words.json"), "_about" in word_lists("claim_words.json")
(True, False)
>>> data_file("claim_words.json").is_file()
True
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from importlib.resources.abc import Traversable
from typing import Any

from geokit.errors import DataError

__all__ = ["data_file", "read_json", "word_lists"]


def data_file(*parts: str) -> Traversable:
    """Return the resource ``geokit/_data/<parts…>`` (a file or a folder), installed or not."""
    return importlib.resources.files("geokit").joinpath("_data", *parts)


@functools.cache
def read_json(name: str) -> Any:
    """Return the parsed JSON file ``geokit/_data/<name>``, read once per process (do not mutate it).

    Raises
    ------
    DataError
        When the installed file is missing or is not JSON.
    """
    try:
        return json.loads(data_file(name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"geokit's data file {name} cannot be read: {exc}") from exc


def word_lists(name: str) -> dict[str, Any]:
    """Return the lists and tables of a JSON data file, without its notes (keys starting with ``_``)."""
    return {k: v for k, v in read_json(name).items() if not k.startswith("_")}
