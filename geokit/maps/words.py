"""Plain words the map alone shows: popup labels, how an estimate was made, the parts of its uncertainty.

Popups, tooltips, the legend and the search box show people these words, never geokit's internal
names (``offset``, ``near-disk``, ``distance_precision``…). What a claim says, place kinds and
claim flags are the claims' wording (:mod:`geokit.claims.wording`, one wording for the terminal,
the checks and the map), re-exported here for the map's modules. The map's own words are data, in
``geokit/maps/words.json`` (one table), read once; this module only fills them in. Nothing here
escapes HTML: the callers do (:func:`geokit.maps.popups.esc`).

Examples
--------
>>> from geokit.model import Claim, Place
>>> homs = Place("g:1", "Homs", "city", 34.73, 36.71, "SY")
>>> claim_rows(Claim("n", "d", "", 0, 0, "near", "camp", "Homs", anchor=homs))
[('says', 'near Homs')]
>>> method_word("offset-sector")
'from a distance and a direction'
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from typing import TYPE_CHECKING, Any

from geokit.claims.wording import as_written, claim_says
from geokit.errors import DataError

if TYPE_CHECKING:
    from geokit.model import Claim

__all__ = ["claim_rows", "component_word", "display_words", "method_word"]


@functools.cache
def display_words() -> dict[str, Any]:
    """Return the table of the map's words, ``geokit/maps/words.json`` (read once).

    Examples
    --------
    >>> sorted(display_words())[:3]
    ['about', 'claim_rows', 'components']
    """
    try:
        text = (importlib.resources.files("geokit.maps") / "words.json").read_text(encoding="utf-8")
        words = json.loads(text)
    except (OSError, ValueError) as exc:
        raise DataError(f"geokit's map words (maps/words.json) cannot be read: {exc}") from exc
    if not isinstance(words, dict):
        raise DataError("geokit's map words (maps/words.json) are not a table")
    return words


def method_word(method: str) -> str:
    """Return how an estimate was made, in words ("offset-sector": "from a distance and a direction").

    Examples
    --------
    >>> method_word("near-disk"), method_word("new-method")
    ('near the anchor', 'new method')
    """
    return str(display_words()["methods"].get(method, method.replace("-", " ").replace("_", " ")))


def component_word(name: str) -> tuple[str, str, bool]:
    """Return ``(words, unit, a cause of uncertainty?)`` of a part of an estimate's uncertainty.

    Units: ``m`` (metres, shown in km) or ``deg``.

    Examples
    --------
    >>> component_word("distance_precision")
    ('rounding of the stated distance', 'm', True)
    >>> component_word("new_part")
    ('new part', 'm', True)
    """
    entry = display_words()["components"].get(name)
    if entry is None:
        return name.replace("_", " "), "m", True
    words, unit, uncertain = entry
    return str(words), str(unit), bool(uncertain)


def claim_rows(claim: Claim) -> list[tuple[str, str]]:
    """Return a claim's table in a popup: what it says and, for an inverse claim, how it was written.

    Analysts' corrections are added by the caller (they have their own wording).
    """
    rows = display_words()["claim_rows"]
    out = [(str(rows["says"]), claim_says(claim))]
    written = as_written(claim)
    if written is not None:
        out.append((str(rows["as_written"]), written))
    return out
