"""A small memo for the region builders: the same place and numbers give the same region, once.

A corpus says "near the Turkish border", "off the coast of Australia" or "southern Iraq" again and
again; drawing such a region (buffering a coastline, clipping a country) costs far more than
parsing the sentence. The region builders of :mod:`geokit.estimates.relations` are pure functions
of their arguments, so :func:`region_memo` keeps their last results and hands them back.

Places and geometries are keyed by identity (``id``) and held by the memo while their entry
lives, so an id cannot be reused by another object meanwhile; the gazetteer hands out the same
geometry object for a place every time, so the same anchor hits. A place with an equal but
distinct geometry simply misses. Results are shared (shapely geometries are immutable); the
``components`` dict a builder returns is copied on every call so that callers may change theirs.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import fields
from typing import Any, TypeVar

from shapely.geometry.base import BaseGeometry

from geokit.model import Place

__all__ = ["REGION_MEMO_SIZE", "region_memo"]

#: Results each memoised builder keeps (least recently used first out).
REGION_MEMO_SIZE = 128

F = TypeVar("F", bound=Callable[..., Any])

_PLACE_FIELDS = tuple(f.name for f in fields(Place) if f.name != "geometry")


def _key(value: Any, refs: list[Any]) -> Hashable:
    """Return the memo key of one argument; objects keyed by identity are appended to ``refs``."""
    if isinstance(value, Place):
        refs.append(value.geometry)
        return ("place", *(getattr(value, name) for name in _PLACE_FIELDS), id(value.geometry))
    if isinstance(value, BaseGeometry):
        refs.append(value)
        return ("geometry", id(value))
    hash(value)  # anything else must be a plain hashable value (a number, None, a bool)
    return value


def _copy(result: Any) -> Any:
    """Return ``result`` with its dicts copied (a region builder's components)."""
    if isinstance(result, tuple):
        return tuple(dict(x) if isinstance(x, dict) else x for x in result)
    return result


def region_memo(fn: F, maxsize: int = REGION_MEMO_SIZE) -> F:
    """Memoise a region builder whose arguments are places, geometries and plain values.

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> calls = []
    >>> @region_memo
    ... def band(place, width, *, side=None):
    ...     calls.append(width)
    ...     return place.geometry.buffer(width), {"width": width}
    >>> river = Place("r", "River", "river", 0.0, 0.5, geometry=LineString([(0, 0), (1, 0)]))
    >>> a, b = band(river, 1.0), band(river, 1.0)
    >>> a[0] is b[0], a[1] == b[1], a[1] is b[1], calls
    (True, True, False, [1.0])
    >>> other = Place("r", "River", "river", 0.0, 0.5, geometry=LineString([(0, 0), (2, 0)]))
    >>> _ = band(other, 1.0), band(river, 1.0, side=90.0)
    >>> calls
    [1.0, 1.0, 1.0]
    """
    entries: OrderedDict[Hashable, tuple[list[Any], Any]] = OrderedDict()
    lock = threading.Lock()  # a dask worker may run several threads

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        refs: list[Any] = []
        try:
            key = (
                tuple(_key(a, refs) for a in args),
                tuple(sorted((k, _key(v, refs)) for k, v in kwargs.items())),
            )
        except TypeError:  # an unhashable argument: not memoised
            return fn(*args, **kwargs)
        with lock:
            hit = entries.get(key)
            if hit is not None:
                entries.move_to_end(key)
                return _copy(hit[1])
        result = fn(*args, **kwargs)
        with lock:
            entries[key] = (refs, result)
            if len(entries) > maxsize:
                entries.popitem(last=False)
        return _copy(result)

    wrapper.cache_clear = entries.clear  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]
