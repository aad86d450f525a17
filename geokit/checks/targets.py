"""Targets: the groups of claims about one thing, with a check for every pair of their claims."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from geokit.checks.compare import compare
from geokit.checks.grouping import ANCHOR_NEAR_M, group_claims
from geokit.model import geometry_to_geojson

if TYPE_CHECKING:
    from geokit.model import Check, Claim, Estimate

__all__ = ["Target", "check_claims", "claim_with_estimate"]


def claim_with_estimate(claim: Claim, estimate: Estimate | None) -> dict[str, Any]:
    """Return a claim's JSON form with its estimate: ``estimate`` (or ``None``), ``radius_m`` and ``region``.

    Examples
    --------
    >>> from geokit.model import Claim
    >>> c = Claim(id="a", document="d", quote="q", start=0, end=1, relation="near", target="camp",
    ...           anchor_text="Sirte")
    >>> d = claim_with_estimate(c, None)
    >>> d["estimate"], d["radius_m"], d["region"]
    (None, None, None)
    """
    d = claim.to_dict()
    if estimate is None:
        d.update(estimate=None, radius_m=None, region=None)
    else:
        d.update(
            estimate=estimate.to_dict(),
            radius_m=round(estimate.radius_m, 1),
            region=geometry_to_geojson(estimate.region),
        )
    return d


@dataclass(slots=True)
class Target:
    """A target (named place or unnamed label such as "training camps") with its claims and their checks."""

    label: str
    key: str
    claims: list[Claim]
    checks: list[Check] = field(default_factory=list)

    def to_dict(self, estimates: Mapping[str, Estimate] | None = None) -> dict[str, Any]:
        """Return the JSON form of the contract: ``{"label", "key", "claims": [...], "checks": [...]}``."""
        est = estimates or {}
        return {
            "label": self.label,
            "key": self.key,
            "claims": [claim_with_estimate(c, est.get(c.id)) for c in self.claims],
            "checks": [k.to_dict() for k in self.checks],
        }

    def _repr_html_(self) -> str:
        esc = html.escape
        rows = "".join(
            f"<tr><td>{esc(c.id)}</td><td>{esc(c.source or c.document)}</td><td>{esc(c.quote)}</td></tr>"
            for c in self.claims
        )
        checks = "".join(
            f"<tr><td>{esc(k.a)}</td><td>{esc(k.b)}</td><td><b>{esc(k.verdict)}</b></td>"
            f"<td>{'' if k.separation_m is None else f'{k.separation_m / 1000:.1f} km'}</td>"
            f"<td>{'<br>'.join(esc(r) for r in k.reasons)}</td></tr>"
            for k in self.checks
        )
        return (
            f"<div><b>{esc(self.label)}</b> <small>({esc(self.key)}; {len(self.claims)} claims)</small>"
            f"<table><tr><th>claim</th><th>source</th><th>quote</th></tr>{rows}</table>"
            + (
                f"<table><tr><th>a</th><th>b</th><th>verdict</th><th>separation</th><th>reasons</th></tr>"
                f"{checks}</table>"
                if self.checks
                else ""
            )
            + "</div>"
        )


def _label(key: str, claims: Sequence[Claim]) -> str:
    first = claims[0]
    if key.startswith("place:") and first.target_place is not None:
        return first.target_place.name
    return first.target


def check_claims(
    claims: Sequence[Claim],
    estimates: Mapping[str, Estimate],
    key: Callable[[str], str] | None = None,
    *,
    max_anchor_m: float = ANCHOR_NEAR_M,
) -> list[Target]:
    """Group claims about the same target and compare every pair inside each group.

    Parameters
    ----------
    claims : sequence of Claim
        Claims from one or many sources.
    estimates : mapping of claim id to Estimate
        A claim missing from the mapping has no estimate (its checks are ``uncertain``).
    key : callable, optional
        Normalises target labels; defaults to ``geokit.claims.targets.target_key`` ("the training
        camps" -> "camp").
    max_anchor_m : float, default 50 km
        Farthest distance between anchors of one target (see :mod:`geokit.checks.grouping`).

    Returns
    -------
    list of Target
        In a deterministic order; a target with one claim has no checks.

    Examples
    --------
    >>> from geokit.model import Claim
    >>> c = Claim(id="a", document="d", quote="q", start=0, end=1, relation="near", target="camp",
    ...           anchor_text="Sirte")
    >>> [t.label for t in check_claims([c], {}, key=str.lower)]
    ['camp']
    """
    if key is None:
        from geokit.claims.targets import target_key

        key = target_key
    targets = []
    for k, members in group_claims(claims, key, max_anchor_m=max_anchor_m):
        checks = [
            compare(a, estimates.get(a.id), b, estimates.get(b.id)) for a, b in combinations(members, 2)
        ]
        targets.append(Target(_label(k, members), k, list(members), checks))
    return targets
