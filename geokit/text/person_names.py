"""Common given names and surnames, for telling a person's name from a place's.

The lists are the US Census Bureau's 1990 name frequency lists (public domain), cut to the common
names and committed as ``geokit/_data/person_names.json.gz`` by ``data/build_person_names.py``.
They are US names: "Vladimir" or "Dilan" are not in them, which is why the mention filters use
them only as one sign among others (a title before a name, a name seen before in the document).
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache

from geokit.resources import data_file

__all__ = ["is_given_name", "is_surname"]


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    """Return the given names and the surnames, lower-case."""
    raw = data_file("person_names.json.gz").read_bytes()
    content = json.loads(gzip.decompress(raw))
    return frozenset(content["given"]), frozenset(content["surnames"])


def is_given_name(word: str) -> bool:
    """Say whether a word (any case) is a common given name.

    Examples
    --------
    >>> is_given_name("Paul"), is_given_name("Georgia"), is_given_name("Sirte")
    (True, True, False)
    """
    return word.lower() in _lists()[0]


def is_surname(word: str) -> bool:
    """Say whether a word (any case) is a common surname.

    Examples
    --------
    >>> is_surname("Floyd"), is_surname("Chen"), is_surname("Mosul")
    (True, True, False)
    """
    return word.lower() in _lists()[1]
