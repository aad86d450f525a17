"""Cross-document checks over a whole corpus, spread over workers by target group.

The grouping and the checks are those of :func:`geokit.checks.targets.check_claims` (which already
compares each distinct pair of statements once and scales with the corpus). Each partition keeps
its claims' grouping facts (:func:`corpus_facts`, a few numbers per claim) in its checkpoint, so
the client groups the whole corpus from them (:func:`geokit.checks.grouping.group_facts`) without
loading a claim, and ships the groups, as claim positions, to workers that load only the
partitions they need.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geokit.checks.grouping import GroupFact
    from geokit.checks.targets import Target
    from geokit.model import Claim, Estimate

__all__ = ["check_corpus", "check_groups", "corpus_facts"]


def corpus_facts(
    claims: Sequence[Claim], estimates: Mapping[str, Estimate] | None = None
) -> list[GroupFact | None]:
    """Return the grouping facts of claims, with the target key ``check_claims`` uses.

    Examples
    --------
    >>> from geokit.model import Claim, Place
    >>> sirte = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY")
    >>> c = Claim(id="a", document="a", quote="", start=0, end=0, relation="near",
    ...           target="the training camps", anchor_text="Sirte", anchor=sirte)
    >>> corpus_facts([c])
    [('camp', 'geonames:2210554', 31.20892, 16.58866, 0.0)]
    """
    from geokit.checks.grouping import grouping_facts
    from geokit.claims.targets import target_key

    return grouping_facts(claims, target_key, estimates)


def check_corpus(claims: Sequence[Claim], estimates: Mapping[str, Estimate]) -> list[Target]:
    """Group the claims of a corpus by target and check each target; same result as ``check_claims``.

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
    >>> [t.to_dict() for t in check_corpus(cs, {})] == [t.to_dict() for t in check_claims(cs, {})]
    True
    """
    from geokit.checks.grouping import group_facts

    return check_groups(group_facts(corpus_facts(claims, estimates)), claims, estimates)


def check_groups(
    groups: Sequence[tuple[str, Sequence[int]]],
    claims: Sequence[Claim] | Mapping[int, Claim],
    estimates: Mapping[str, Estimate],
) -> list[Target]:
    """Check groups of claim positions (from ``group_facts`` of :func:`corpus_facts`): one Target each."""
    from geokit.checks.targets import check_groups as check_claim_groups

    return check_claim_groups([(key, [claims[i] for i in positions]) for key, positions in groups], estimates)
