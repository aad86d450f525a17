"""Group claims that speak of the same target, across documents.

Two claims are about the same target when

- both name the same target place (``Claim.target_place``, by id), or
- their target labels have the same key (``key("two ISIS camps") == key("the training camps")``,
  the key function comes from the claims stage) **and** their anchors are near each other: the same
  anchor id, or anchor points at most ``ANCHOR_NEAR_M`` apart (50 km: two sources describing one
  site often pick neighbouring towns; farther apart, a "camp" is more likely another camp).

Groups are the connected components of that relation. A claim without an anchor joins the first
group with its key. Claims with relation ``part`` or ``side`` about a named place ("eastern Mosul",
"east of the Tigris") locate a part of that place, not an unnamed target, and are left out. The
order is deterministic: groups by their first claim in the input order, claims in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from geokit.checks.geometry import separation_m

if TYPE_CHECKING:
    from geokit.model import Claim

__all__ = ["ANCHOR_NEAR_M", "NO_GROUP_RELATIONS", "group_claims", "group_key"]

#: Anchors at most this far apart (metres) can describe the same target.
ANCHOR_NEAR_M = 50_000.0
#: Relations that locate a part of a named place rather than a separate target.
NO_GROUP_RELATIONS = frozenset({"part", "side"})


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


def _anchors_near(a: Claim, b: Claim, max_anchor_m: float) -> bool:
    pa, pb = a.anchor, b.anchor
    if pa is None or pb is None:
        return False
    if pa.id and pa.id == pb.id:
        return True
    return separation_m(pa.lat, pa.lon, pb.lat, pb.lon) <= max_anchor_m


def group_claims(
    claims: Sequence[Claim], key: Callable[[str], str], *, max_anchor_m: float = ANCHOR_NEAR_M
) -> list[tuple[str, list[Claim]]]:
    """Group claims about the same target.

    Parameters
    ----------
    claims : sequence of Claim
        Claims from one or many documents.
    key : callable
        Normalises a target label to a key (``geokit.claims.targets.target_key``).
    max_anchor_m : float, default 50 km
        Farthest distance between two anchors whose claims may describe one target.

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
    """
    kept = [c for c in claims if not (c.relation in NO_GROUP_RELATIONS and c.target_place is not None)]
    keys = [group_key(c, key) for c in kept]
    parent = list(range(len(kept)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)  # the root is always the earliest claim

    for i in range(len(kept)):
        for j in range(i + 1, len(kept)):
            if keys[i] != keys[j]:
                continue
            if keys[i].startswith("place:") or _anchors_near(kept[i], kept[j], max_anchor_m):
                union(i, j)
    # a claim without an anchor joins the first group of its key that has an anchor
    for i, c in enumerate(kept):
        if c.anchor is None and find(i) == i:
            for j in range(len(kept)):
                if j != i and keys[j] == keys[i] and kept[j].anchor is not None:
                    union(i, j)
                    break

    groups: dict[int, list[Claim]] = {}
    for i, c in enumerate(kept):
        groups.setdefault(find(i), []).append(c)
    return [(keys[root], members) for root, members in sorted(groups.items())]
