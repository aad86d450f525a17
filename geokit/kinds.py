"""The data model's vocabulary: kinds of place and their groups, claim relations, check verdicts.

One home for the words every stage tests against, so that "a settlement" or "a line" means the
same thing in the resolver, the claims grammar and the maps. The full list of place kinds the
gazetteer stores is :data:`geokit.places.build.KINDS`; physical kinds are in
:mod:`geokit.places.physical`.

Examples
--------
>>> "town" in SETTLEMENT_KINDS and "airport" in POINT_KINDS and "town" in POINT_KINDS
True
>>> sorted(VERDICTS)
['agree', 'disagree', 'uncertain']
>>> "offshore" in RELATIONS
True
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "LINE_KINDS",
    "POINT_KINDS",
    "RELATIONS",
    "SETTLEMENT_KINDS",
    "SUBNATIONAL_KINDS",
    "VERDICTS",
    "Relation",
    "Verdict",
]

#: How a claim locates its target relative to its anchor(s) (see :class:`geokit.model.Claim`).
Relation = Literal[
    "offset",  # a distance at a heading: "45 km southwest of Sirte"
    "distance",  # a distance only: "45 km from Sirte"
    "direction",  # a heading only: "southwest of Sirte"
    "near",  # "near Sirte"
    "outskirts",  # "on the outskirts of Sirte"
    "outside",  # "outside Sirte"
    "between",  # "between Homs and Palmyra" (two anchors)
    "side",  # a side of a line: "east of the Tigris"
    "part",  # a part of a place: "eastern Mosul"
    "inside",  # into a country from its border: "30 km into Syria"
    "offshore",  # at sea off a place: "12 nautical miles off Tartus"
]
RELATIONS: frozenset[str] = frozenset(get_args(Relation))

#: The verdict of comparing claims about one target (see :mod:`geokit.checks.compare`).
Verdict = Literal["agree", "disagree", "uncertain"]
VERDICTS: frozenset[str] = frozenset(get_args(Verdict))

#: Places people live in: a point and a size from their population.
SETTLEMENT_KINDS = frozenset(("city", "town", "village"))
#: Places the map and the resolver treat as points: settlements and airfields.
POINT_KINDS = SETTLEMENT_KINDS | frozenset(("airbase", "airport"))
#: Regions inside a country: a state or province (admin1), a county or district (admin2).
SUBNATIONAL_KINDS = ("admin1", "admin2")
#: Places that are lines, whose distance is measured to the line ("10 km east of the Tigris"):
#: the gazetteer's rivers, the borders and coasts of :mod:`geokit.places.borders`, and the words
#: for lines a text may name without the gazetteer knowing them.
LINE_KINDS = frozenset(
    ("river", "stream", "canal", "wadi", "road", "highway", "line", "border", "frontier", "railway", "coast")
)
