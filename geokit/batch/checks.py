"""Cross-document checks over a whole corpus: :func:`geokit.checks.targets.check_claims`, made to scale.

A large corpus repeats itself (wire copies, syndicated articles), and a target named in many
documents has a quadratic number of pairs. The result is the same as ``check_claims``; two things
make it fast:

- claims are bucketed by their group key before grouping (grouping only ever joins claims with
  the same key), so grouping is quadratic per key, not over the corpus;
- a pair is compared once per distinct content: :func:`geokit.checks.compare.compare` depends on
  a claim's content and estimate and names its source in the reasons, so the comparison is made
  on copies whose source is a placeholder, cached, and the names are put back.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geokit.checks.targets import Target
    from geokit.model import Check, Claim, Estimate

__all__ = ["check_corpus", "check_groups", "group_corpus"]

_PA, _PB = "\ue000a\ue000", "\ue000b\ue000"


def _name(claim: Claim) -> str:
    return claim.source or claim.document or claim.id


def _claim_sig(claim: Claim) -> bytes:
    neutral = dataclasses.replace(claim, id="", document="", source="", start=0, end=0, input=None)
    return hashlib.blake2b(pickle.dumps(neutral, protocol=5), digest_size=16).digest()


def _estimate_sig(est: Estimate | None) -> bytes:
    if est is None:
        return b""
    neutral = dataclasses.replace(est, claim_id="")
    return hashlib.blake2b(pickle.dumps(neutral, protocol=5), digest_size=16).digest()


def group_corpus(claims: Sequence[Claim]) -> list[tuple[str, list[int]]]:
    """Group claims about the same target, as ``check_claims`` does; return (key, claim positions).

    Groups come in the order of their first claim, positions index ``claims``.

    Examples
    --------
    >>> from geokit.model import Claim, Place
    >>> sirte = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY")
    >>> cs = [Claim(id=i, document=i, quote="", start=0, end=0, relation="near", target=t,
    ...             anchor_text="Sirte", anchor=sirte)
    ...       for i, t in (("a", "camp"), ("b", "base"), ("c", "camps"))]
    >>> group_corpus(cs)
    [('camp', [0, 2]), ('base', [1])]
    """
    from geokit.checks.grouping import group_claims, group_key
    from geokit.claims.targets import target_key

    position = {id(c): i for i, c in enumerate(claims)}
    buckets: dict[str, list[Claim]] = {}
    for c in claims:
        buckets.setdefault(group_key(c, target_key), []).append(c)
    groups = [
        (key, [position[id(c)] for c in members])
        for bucket in buckets.values()
        for key, members in group_claims(bucket, target_key)
    ]
    groups.sort(key=lambda kg: kg[1][0])
    return groups


def check_corpus(claims: Sequence[Claim], estimates: Mapping[str, Estimate]) -> list[Target]:
    """Group the claims of a corpus by target and compare every pair; same result as ``check_claims``.

    Examples
    --------
    >>> from geokit.model import Claim, Direction, Distance, Place
    >>> from geokit.checks.targets import check_claims
    >>> sirte = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY", extent_m=8000.0)
    >>> def claim(i, az):
    ...     return Claim(id=i, document=i, quote="", start=0, end=0, relation="offset", target="camp",
    ...                  anchor_text="Sirte", anchor=sirte, distance=Distance(45, "km", 45000.0),
    ...                  direction=Direction("x", az, 22.5))
    >>> cs = [claim("a", 225.0), claim("b", 45.0), claim("c", 225.0)]
    >>> [k.to_dict() for t in check_corpus(cs, {}) for k in t.checks] == [
    ...     k.to_dict() for t in check_claims(cs, {}) for k in t.checks]
    True
    """
    return check_groups(group_corpus(claims), claims, estimates)


def check_groups(
    groups: Sequence[tuple[str, Sequence[int]]], claims: Sequence[Claim], estimates: Mapping[str, Estimate]
) -> list[Target]:
    """Compare every pair of claims inside each group of :func:`group_corpus`; return the targets."""
    from geokit.checks.compare import compare
    from geokit.checks.targets import Target
    from geokit.model import Check

    kinds: dict[tuple[bytes, bytes], int] = {}  # distinct (claim content, estimate) -> small int
    kind_of: dict[int, int] = {}
    cache: dict[tuple[int, int], tuple[Check, bool]] = {}

    def kind(c: Claim) -> int:
        k = kind_of.get(id(c))
        if k is None:
            sig = (_claim_sig(c), _estimate_sig(estimates.get(c.id)))
            k = kind_of[id(c)] = kinds.setdefault(sig, len(kinds))
        return k

    def compare_once(a: Claim, b: Claim, key: tuple[int, int]) -> tuple[Check, bool]:
        found = compare(
            dataclasses.replace(a, source=_PA),
            estimates.get(a.id),
            dataclasses.replace(b, source=_PB),
            estimates.get(b.id),
        )
        named = any(_PA in r or _PB in r for r in found.reasons)
        cache[key] = (found, named)
        return found, named

    targets = []
    for key, positions in groups:
        members = [claims[i] for i in positions]
        ks = [kind(c) for c in members]
        names = [_name(c) for c in members]
        checks = []
        for i, j in combinations(range(len(members)), 2):
            a, b = members[i], members[j]
            pair = (ks[i], ks[j])
            found, named = cache.get(pair) or compare_once(a, b, pair)
            if named:
                reasons = [r.replace(_PA, names[i]).replace(_PB, names[j]) for r in found.reasons]
            else:
                reasons = list(found.reasons)
            checks.append(Check(a.id, b.id, found.verdict, found.separation_m, found.overlap, reasons))
        first = members[0]
        label = first.target_place.name if key.startswith("place:") and first.target_place else first.target
        targets.append(Target(label, key, list(members), checks))
    return targets
