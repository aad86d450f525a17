"""Group claims that speak of the same target, across documents.

The rule
--------
Two claims are about the same target when

- both name the same target place (``Claim.target_place``, by id), or
- their target labels have the same key (``key("two ISIS camps") == key("the training camps")``,
  the key function comes from the claims stage) **and** the geometry allows one place: their
  anchors are no farther apart than the two claims' reaches and ``GROUP_MARGIN_M`` together. A
  claim's reach is the farthest its words put the target from the anchor's point (the estimate's
  distance from the anchor plus its covering radius; without an estimate, the stated distance's
  upper bound plus the anchor's extent). "The camp is 40 km west of Homs" and "Tartus is 25 miles
  WNW of the camp" can be one camp (Homs and Tartus are 75 km apart, the reaches about 55 + 45 km);
  "the camp 10 km north of Aleppo" and "the camp 10 km south of Damascus" cannot. The margin lets a
  pair that almost meets be compared, so that its disagreement is reported rather than hidden.

``one_target=True`` is the contract of ``geokit check --text`` and ``--jsonl``: every statement
given together is about one target, whatever anchors and labels it uses.

Groups are the connected components of that relation. A claim without an anchor joins the first
group with its key (it is about that target, and says nothing of where). Claims with relation
``part`` or ``side`` about a named place ("eastern Mosul", "east of the Tigris") locate a part of
that place, not an unnamed target, and are left out. The order is deterministic: groups by their
first claim in the input order, claims in input order.

Scale
-----
Only claims with one key are ever joined, and claims with one anchor always are; so the anchors
of a key are swept in latitude order and a pair is measured (geodesically) only when the two lie
within reach in latitude. 10,000 claims about "the camp" from a few hundred anchor towns group in
well under a second (``benchmarks/checks.py`` prints the figure).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from geokit.checks.geometry import separation_m
from geokit.geo import GEOD

if TYPE_CHECKING:
    from geokit.model import Claim, Estimate

__all__ = [
    "GROUP_MARGIN_M",
    "NO_GROUP_RELATIONS",
    "GroupFact",
    "claim_reach_m",
    "group_claims",
    "group_facts",
    "group_key",
    "grouping_facts",
    "grouping_reason",
]

#: What grouping reads of a claim: group key, anchor (id, or point as text), its latitude and
#: longitude, and the claim's reach in metres (see :func:`grouping_facts`).
GroupFact = tuple[str, str | None, float, float, float]
#: Slack (metres) beyond the two reaches within which two anchors' claims may describe one target.
GROUP_MARGIN_M = 25_000.0
#: Relations that locate a part of a named place rather than a separate target.
NO_GROUP_RELATIONS = frozenset({"part", "side"})
#: Metres per degree of latitude, at least (on the meridian at the equator): a safe sweep bound.
_MIN_M_PER_DEG_LAT = 110_574.0


def group_key(claim: Claim, key: Callable[[str], str]) -> str:
    """Return the key a claim is grouped under: ``place:<id>`` for a named target place, else ``key(target)``.

    Examples
    --------
    >>> from geokit.model import Claim
    >>> c = Claim(id="a", document="d", quote="", start=0, end=0, relation="offset",
    ...           target="The Camps", anchor_text="Sirte")
    >>> group_key(c, str.lower)
    'the camps'
    """
    if claim.target_place is not None and claim.target_place.id:
        return f"place:{claim.target_place.id}"
    return key(claim.target)


def claim_reach_m(claim: Claim, estimate: Estimate | None = None) -> float:
    """Return the farthest (metres) a claim's words put its target from its anchor's point.

    Examples
    --------
    >>> from geokit.model import Claim, Distance, Place
    >>> homs = Place("geonames:169577", "Homs", "city", 34.7268, 36.7234, "SY", extent_m=11_000.0)
    >>> c = Claim(id="a", document="d", quote="", start=0, end=0, relation="offset", target="camp",
    ...           anchor_text="Homs", anchor=homs, distance=Distance(40, "km", 40_000.0, high_m=49_000.0))
    >>> claim_reach_m(c)
    60000.0
    """
    anchor = claim.anchor
    if anchor is None:
        return 0.0
    if estimate is not None:
        return separation_m(anchor.lat, anchor.lon, estimate.lat, estimate.lon) + estimate.radius_m
    d = claim.distance
    if d is not None:
        high = d.high_m if d.high_m is not None else d.metres + d.precision_m
        return high + anchor.extent_m
    return anchor.extent_m


class _Components:
    """Union-find whose root is always the earliest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _join_anchors(
    positions: Sequence[int], facts: Sequence[GroupFact], components: _Components, margin_m: float
) -> None:
    """Join the claims of one key whose anchors are within reach of each other (a latitude sweep)."""
    by_anchor: dict[str | None, list[int]] = {}
    for i in positions:
        by_anchor.setdefault(facts[i][1], []).append(i)
    units = list(by_anchor.values())
    for members in units:
        for i in members[1:]:
            components.union(members[0], i)
    if len(units) < 2:
        return
    lat = np.array([facts[m[0]][2] for m in units])
    lon = np.array([facts[m[0]][3] for m in units])
    unit_reach = np.array([max(facts[i][4] for i in m) for m in units])
    order = np.argsort(lat, kind="stable")
    lat, lon, unit_reach = lat[order], lon[order], unit_reach[order]
    firsts = [units[k][0] for k in order]
    widest = float(unit_reach.max())
    for a in range(len(firsts) - 1):
        bound = (unit_reach[a] + widest + margin_m) / _MIN_M_PER_DEG_LAT
        stop = int(np.searchsorted(lat, lat[a] + bound, side="right"))
        if stop <= a + 1:
            continue
        b = np.arange(a + 1, stop)
        _, _, dist = GEOD.inv(np.full(len(b), lon[a]), np.full(len(b), lat[a]), lon[b], lat[b])
        for k in b[np.asarray(dist) <= unit_reach[a] + unit_reach[b] + margin_m]:
            components.union(firsts[a], firsts[int(k)])


def grouping_facts(
    claims: Sequence[Claim], key: Callable[[str], str], estimates: Mapping[str, Estimate] | None = None
) -> list[GroupFact | None]:
    """Return what the grouping rule reads of each claim, ``None`` for a claim it leaves out.

    A fact is ``(group key, anchor, anchor latitude, anchor longitude, reach in metres)``, the
    anchor being its place id (or its point as text) and ``None`` when the claim has none. Facts
    are small and survive JSON (as lists), so a corpus can be grouped by :func:`group_facts`
    without holding its claims (``geokit batch`` does).

    Examples
    --------
    >>> from geokit.model import Claim, Place
    >>> sirte = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY", extent_m=8000.0)
    >>> c = Claim(id="a", document="d", quote="", start=0, end=0, relation="near", target="Camps",
    ...           anchor_text="Sirte", anchor=sirte)
    >>> grouping_facts([c], str.lower)
    [('camps', 'geonames:2210554', 31.20892, 16.58866, 8000.0)]
    """
    est = estimates or {}
    facts: list[GroupFact | None] = []
    for c in claims:
        a = c.anchor
        if c.relation in NO_GROUP_RELATIONS and c.target_place is not None:
            facts.append(None)
        elif a is None:
            facts.append((group_key(c, key), None, 0.0, 0.0, 0.0))
        else:
            unit = a.id or f"{a.lat},{a.lon}"
            facts.append((group_key(c, key), unit, a.lat, a.lon, claim_reach_m(c, est.get(c.id))))
    return facts


def group_facts(
    facts: Sequence[GroupFact | None], *, one_target: bool = False, margin_m: float = GROUP_MARGIN_M
) -> list[tuple[str, list[int]]]:
    """Group claims by their :func:`grouping_facts`: (key, positions in ``facts``) per group.

    The rule and order are those of :func:`group_claims`, which is this on claims.

    Examples
    --------
    >>> facts = [("camp", "sirte", 31.2, 16.6, 50_000.0), None, ("camp", "mosul", 36.3, 43.1, 9_000.0),
    ...          ["camp", "sirte", 31.2, 16.6, 45_000.0], ("camp", None, 0.0, 0.0, 0.0)]
    >>> group_facts(facts)
    [('camp', [0, 3, 4]), ('camp', [2])]
    """
    kept = [i for i, f in enumerate(facts) if f is not None]
    live: list[GroupFact] = [facts[i] for i in kept]  # type: ignore[misc]
    components = _Components(len(live))
    if one_target:
        for j in range(1, len(live)):
            components.union(0, j)
    else:
        by_key: dict[str, list[int]] = {}
        for j, f in enumerate(live):
            by_key.setdefault(f[0], []).append(j)
        for k, positions in by_key.items():
            if k.startswith("place:"):
                for j in positions[1:]:
                    components.union(positions[0], j)
                continue
            anchored = [j for j in positions if live[j][1] is not None]
            _join_anchors(anchored, live, components, margin_m)
            # a claim without an anchor joins the first group of its key that has an anchor
            if anchored:
                for j in positions:
                    if live[j][1] is None:
                        components.union(j, anchored[0])

    groups: dict[int, list[int]] = {}
    for j in range(len(live)):
        groups.setdefault(components.find(j), []).append(kept[j])
    return [(live[root][0], members) for root, members in sorted(groups.items())]


def group_claims(
    claims: Sequence[Claim],
    key: Callable[[str], str],
    estimates: Mapping[str, Estimate] | None = None,
    *,
    one_target: bool = False,
    margin_m: float = GROUP_MARGIN_M,
) -> list[tuple[str, list[Claim]]]:
    """Group claims about the same target.

    Parameters
    ----------
    claims : sequence of Claim
        Claims from one or many documents.
    key : callable
        Normalises a target label to a key (``geokit.claims.targets.target_key``).
    estimates : mapping of claim id to Estimate, optional
        Their estimates, which give each claim's reach (else the stated distance does).
    one_target : bool, default False
        Every claim (but parts of named places) is about one target: ``geokit check --text``.
    margin_m : float, default 25 km
        Slack beyond the two reaches within which two anchors may describe one target.

    Returns
    -------
    list of (key, list of Claim)
        Every group, including groups of one claim, in a deterministic order.

    Examples
    --------
    >>> from geokit.model import Claim, Place
    >>> sirte = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY")
    >>> mosul = Place("geonames:99072", "Mosul", "city", 36.335, 43.119, "IQ")
    >>> def claim(i, target, anchor, relation="offset"):
    ...     return Claim(id=i, document=i, quote="", start=0, end=0, relation=relation, target=target,
    ...                  anchor_text=anchor.name, anchor=anchor)
    >>> cs = [claim("a", "camps", sirte), claim("b", "camp", mosul), claim("c", "Camps", sirte)]
    >>> [(k, [c.id for c in g]) for k, g in group_claims(cs, lambda s: s.lower().rstrip("s"))]
    [('camp', ['a', 'c']), ('camp', ['b'])]
    >>> [[c.id for c in g] for _, g in group_claims(cs, str.lower, one_target=True)]
    [['a', 'b', 'c']]
    """
    facts = grouping_facts(claims, key, estimates)
    return [
        (k, [claims[i] for i in positions])
        for k, positions in group_facts(facts, one_target=one_target, margin_m=margin_m)
    ]


def grouping_reason(key: str, members: Sequence[Claim], *, one_target: bool = False) -> str:
    """Return why these claims were taken as one target, in words.

    Examples
    --------
    >>> from geokit.model import Claim, Place
    >>> homs = Place("geonames:169577", "Homs", "city", 34.7268, 36.7234, "SY")
    >>> tartus = Place("geonames:163345", "Tartus", "city", 34.889, 35.8866, "SY")
    >>> cs = [Claim(id=i, document=i, quote="", start=0, end=0, relation="offset", target="camp",
    ...             anchor_text=p.name, anchor=p) for i, p in (("a", homs), ("b", tartus))]
    >>> grouping_reason("camp", cs)
    "the same target words ('camp'); anchors Homs, Tartus within the claims' reach of each other"
    >>> grouping_reason("camp", cs, one_target=True)
    'given together: one target by contract'
    """
    if one_target:
        return "given together: one target by contract"
    if key.startswith("place:"):
        first = members[0].target_place
        return f"all name the same place ({first.name if first is not None else key[6:]})"
    anchors = list(dict.fromkeys(c.anchor.name for c in members if c.anchor is not None))
    if len(anchors) <= 1:
        where = f" from one anchor ({anchors[0]})" if anchors else ""
        return f"the same target words ({key!r}){where}"
    names = ", ".join(anchors[:5]) + (f" and {len(anchors) - 5} more" if len(anchors) > 5 else "")
    return f"the same target words ({key!r}); anchors {names} within the claims' reach of each other"
