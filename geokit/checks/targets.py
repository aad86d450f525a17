"""Targets: the claims about one thing, their checks, an overall verdict, a summary and the combined estimate.

For each group of claims (:mod:`geokit.checks.grouping`):

1. **Distinct statements.** Claims with the same words (the relative expression, case and spacing
   aside), the same content (anchor, distance, direction, hedge, relation, reading) and the same
   estimate are one statement, however many documents repeat it: a wire copy, or an article
   repeating itself, is not a second witness. Statements are compared pairwise, the first
   ``MAX_LISTED_PAIRS`` pairs in input order; each :class:`~geokit.model.Check` names the first
   claim of each statement.
2. **The consensus.** The statements with an estimate are taken in order of support (how many
   listed pairs agree with them), then precision (the smaller region first), and each joins the
   running intersection of regions when it meets it with room to spare
   (:data:`geokit.checks.compare.MEET_FRACTION`) and no statement already in disagrees with it. A
   claim flagged impossible has no estimate and never joins.
3. **The verdict.** ``disagree`` when a pair disagrees or a statement that is not vague is left out of
   the consensus; ``agree`` when every pair agrees and every statement joined; ``uncertain``
   otherwise (one statement only, an unknown anchor, a vague claim, sets that only touch).
4. **The combined estimate**: where the target can be when every statement of the consensus holds
   at once — the geodesic intersection of their regions, with a point and a covering radius
   (sharper than any one source); ``None`` when fewer than two statements combine.
5. **The summary**: one sentence a person reads.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import pickle
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, islice
from typing import TYPE_CHECKING, Any

import shapely

from geokit.checks.compare import MEET_FRACTION, VAGUE_RELATIONS, compare
from geokit.checks.geometry import Intersection, intersect_regions, region_overlap, separation_m
from geokit.checks.grouping import GROUP_MARGIN_M, group_claims, grouping_reason
from geokit.claims.wording import describe
from geokit.geo import format_latlon
from geokit.kinds import Verdict
from geokit.model import Check, Claim, Estimate, Place, geometry_to_geojson

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry


__all__ = ["MAX_LISTED_PAIRS", "Target", "check_claims", "check_groups", "claim_with_estimate"]

#: Pairs of statements compared and listed per target (a target with 10 statements lists all 45).
MAX_LISTED_PAIRS = 45
#: Targets with at most this many statements have each disagreement explained by re-reading the claims.
MAX_DIAGNOSED_STATEMENTS = 10
#: Reasons that explain a verdict, most telling first (the summary quotes the first found).
_TELLING = (
    "units confused",
    "anchors too",
    "distances cannot meet",
    "directions opposite",
    "directions differ",
    "directions cannot meet",
    "read the other way round",
    "directions adjacent",
    "distances only touch",
    "too vague",
    "regions barely meet",
    "no estimate",
    "no place is both",
    "regions do not meet",
)
_PA, _PB = "\ue000a\ue000", "\ue000b\ue000"  # placeholder source names of a cached comparison


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
    """A target (named place or unnamed label such as "training camps") with its claims and their checks.

    ``verdict`` is the overall ``agree`` / ``disagree`` / ``uncertain``; ``summary`` says it in one
    sentence; ``grouping`` says why these claims were taken as one target; ``estimate`` is where
    the target can be when the agreeing statements all hold (``None`` when fewer than two
    combine), ``combined`` the ids of the claims it combines.
    """

    label: str
    key: str
    claims: list[Claim]
    checks: list[Check] = field(default_factory=list)
    verdict: Verdict = "uncertain"
    summary: str = ""
    estimate: Intersection | None = None
    combined: list[str] = field(default_factory=list)
    statements: int = 0
    pairs: int = 0
    grouping: str = ""

    def to_dict(self, estimates: Mapping[str, Estimate] | None = None) -> dict[str, Any]:
        """Return the JSON form of the contract: label, key, verdict, summary, estimate, claims, checks."""
        est = estimates or {}
        combined = None
        if self.estimate is not None:
            combined = {
                "lat": round(self.estimate.lat, 6),
                "lon": round(self.estimate.lon, 6),
                "radius_m": round(self.estimate.radius_m, 1),
                "region": geometry_to_geojson(self.estimate.region),
                "claims": list(self.combined),
            }
        return {
            "label": self.label,
            "key": self.key,
            "verdict": self.verdict,
            "summary": self.summary,
            "estimate": combined,
            "grouping": self.grouping,
            "statements": self.statements,
            "pairs": {"total": self.pairs, "listed": len(self.checks)},
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
            f"<p>{esc(self.summary)}</p>"
            f"<table><tr><th>claim</th><th>source</th><th>quote</th></tr>{rows}</table>"
            + (
                f"<table><tr><th>a</th><th>b</th><th>verdict</th><th>separation</th><th>reasons</th></tr>"
                f"{checks}</table>"
                if self.checks
                else ""
            )
            + "</div>"
        )


def _name(claim: Claim) -> str:
    return claim.source or claim.document or claim.id


def _shape_key(geom: BaseGeometry | None) -> tuple[Any, ...] | None:
    """Return what tells two geometries of a signature apart: type, bounds, number of vertices.

    Serialising the geometries themselves (a country's coast, its band) cost most of the
    checks stage; a place's geometry follows from its id, an estimate's region from the claim.
    """
    return None if geom is None else (geom.geom_type, geom.bounds, shapely.get_num_coordinates(geom))


#: What a signature leaves out of a claim: who said it, where, and its places (keyed apart).
_NOT_CONTENT = frozenset(
    {
        "id",
        "document",
        "source",
        "start",
        "end",
        "input",
        "quote",
        "text",
        "flags",
        "anchor",
        "anchor2",
        "target_place",
    }
)


def _content_fields(cls: type, leave_out: frozenset[str]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in leave_out)


_CLAIM_CONTENT = _content_fields(Claim, _NOT_CONTENT)
_PLACE_CONTENT = _content_fields(Place, frozenset({"geometry"}))
_ESTIMATE_CONTENT = _content_fields(Estimate, frozenset({"claim_id", "region"}))


def _values(obj: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name in names)


class _Comparisons:
    """Compares statements once per distinct pair of contents across a corpus (names put back)."""

    def __init__(self, estimates: Mapping[str, Estimate]) -> None:
        self.estimates = estimates
        self.cache: dict[tuple[bytes, bytes, bool], tuple[Check, bool]] = {}
        self._places: dict[int, tuple[Place, tuple[Any, ...]]] = {}  # id -> (place, its content)

    def _place_content(self, place: Place | None) -> tuple[Any, ...] | None:
        """Return a place's content for a signature, once per place object (claims share their places)."""
        if place is None:
            return None
        found = self._places.get(id(place))
        if found is None or found[0] is not place:
            found = (place, (_values(place, _PLACE_CONTENT), _shape_key(place.geometry)))
            self._places[id(place)] = found
        return found[1]

    def signature(self, claim: Claim) -> bytes:
        """Return a digest of the words and content of a claim and its estimate, not who said it or where."""
        estimate = self.estimates.get(claim.id)
        words = " ".join(claim.text.lower().split())
        est = None
        if estimate is not None:
            est = (_values(estimate, _ESTIMATE_CONTENT), _shape_key(estimate.region))
        content = (
            words,
            _values(claim, _CLAIM_CONTENT),
            self._place_content(claim.anchor),
            self._place_content(claim.anchor2),
            self._place_content(claim.target_place),
            est,
        )
        return hashlib.blake2b(pickle.dumps(content, protocol=5), digest_size=16).digest()

    def __call__(self, a: Claim, sa: bytes, b: Claim, sb: bytes, *, diagnose: bool = True) -> Check:
        found = self.cache.get((sa, sb, diagnose))
        if found is None:
            check = compare(
                dataclasses.replace(a, source=_PA),
                self.estimates.get(a.id),
                dataclasses.replace(b, source=_PB),
                self.estimates.get(b.id),
                diagnose=diagnose,
            )
            found = self.cache[(sa, sb, diagnose)] = (check, any(_PA in r or _PB in r for r in check.reasons))
        check, named = found
        reasons = list(check.reasons)
        if named:
            reasons = [r.replace(_PA, _name(a)).replace(_PB, _name(b)) for r in reasons]
        return Check(a.id, b.id, check.verdict, check.separation_m, check.overlap, reasons)


def _as_estimate(common: Intersection) -> Estimate:
    return Estimate("combined", common.lat, common.lon, common.radius_m, common.region, "intersection")


def _consensus(
    statements: Sequence[Claim], estimates: Mapping[str, Estimate], checks: Sequence[Check]
) -> tuple[list[Claim], Intersection | None]:
    """Return the statements that hold at once (support, then precision, first) and their intersection."""
    support = {c.id: 0 for c in statements}
    conflicts: set[tuple[str, str]] = set()
    for k in checks:
        if k.verdict == "agree":
            support[k.a] = support.get(k.a, 0) + 1
            support[k.b] = support.get(k.b, 0) + 1
        elif k.verdict == "disagree":
            conflicts |= {(k.a, k.b), (k.b, k.a)}
    usable = [c for c in statements if c.id in estimates]

    def area(c: Claim) -> float:
        e = estimates[c.id]
        return e.region.area if e.region is not None else e.radius_m**2

    usable.sort(key=lambda c: (-support[c.id], area(c)))
    joined: list[Claim] = []
    common: Intersection | None = None
    for c in usable:
        e = estimates[c.id]
        if any((c.id, j.id) in conflicts for j in joined):
            continue
        if not joined:
            joined.append(c)
            continue
        current = estimates[joined[0].id] if common is None else _as_estimate(common)
        if separation_m(current.lat, current.lon, e.lat, e.lon) > current.radius_m + e.radius_m:
            continue  # the covering disks are apart: so are the regions
        overlap = region_overlap(current, e)
        if overlap is not None and overlap >= MEET_FRACTION:
            candidate = intersect_regions([current, e])
            if candidate is not None:
                joined.append(c)
                common = candidate
    order = {c.id: i for i, c in enumerate(statements)}
    joined.sort(key=lambda c: order[c.id])
    return joined, common


_REPEATED = "the same words from different sources: one statement repeated, not independent corroboration"


def _echo(statement: Claim, members: Sequence[Claim]) -> Claim | None:
    """Return the first claim of another source that repeats ``statement`` word for word, if any."""
    first = _name(statement)
    return next((c for c in members if _name(c) != first), None)


def _telling(checks: Sequence[Check], verdict: str) -> tuple[Check, str] | None:
    """Return the check of that verdict with the most telling reason (:data:`_TELLING`), and the reason."""
    found = [(k, r) for k in checks if k.verdict == verdict for r in k.reasons]
    for head in _TELLING:
        for k, r in found:
            if r.startswith(head):
                return k, r
    return found[0] if found else None


def _summary(
    verdict: str,
    statements: Sequence[Claim],
    n_claims: int,
    checks: Sequence[Check],
    joined: Sequence[Claim],
    common: Intersection | None,
    estimates: Mapping[str, Estimate],
) -> str:
    """Return one sentence: the verdict, who says what, and why they agree or not."""
    by_id = {c.id: c for c in statements}

    def says(cs: Sequence[Claim]) -> str:
        text = "; ".join(f"{_name(c)}: {describe(c)}" for c in cs[:4])
        return text + (f"; and {len(cs) - 4} more" if len(cs) > 4 else "")

    repeats = f" ({n_claims} claims repeat them)" if n_claims > len(statements) else ""
    if len(statements) == 1 and verdict == "agree":
        return (
            f"agree: {n_claims} claims from different sources repeat one statement word for word "
            f"({says(statements)}); not independent corroboration"
        )
    if len(statements) == 1:
        c = statements[0]
        why = f"; its anchor {c.anchor_text!r} is unknown" if c.anchor is None else ""
        return f"uncertain: one statement only{repeats}, nothing to compare ({says(statements)}){why}"
    if verdict == "agree":
        assert common is not None
        return (
            f"agree: all {len(statements)} statements{repeats} hold at once within "
            f"{common.radius_m / 1000:.1f} km of {format_latlon(common.lat, common.lon, digits=3)} "
            f"({says(statements)})"
        )
    unknown = [c for c in statements if c.id not in estimates]
    if verdict == "uncertain" and unknown:
        names = [f"{_name(c)}'s anchor {c.anchor_text!r}" for c in unknown if c.anchor is None]
        if names:
            verb = "is" if len(names) == 1 else "are"
            return f"uncertain: {', '.join(names)} {verb} unknown ({says(statements)})"
        flagged = ", ".join(f"{_name(c)} ({'; '.join(c.flags) or 'no estimate'})" for c in unknown)
        return f"uncertain: no estimate for {flagged} ({says(statements)})"
    telling = _telling(checks, verdict)
    if telling is None:  # a disagreement of three or more that no pair shows
        why = "no place satisfies every statement at once"
        return f"{verdict}: {why} ({says(statements)})"
    k, why = telling
    pair = [by_id[i] for i in (k.a, k.b) if i in by_id]
    others = len(statements) - len(pair)
    more = f"; {others} other statement{'s' if others > 1 else ''}" if others else ""
    kept = f", {len(joined)} of them hold at once" if verdict == "disagree" and len(joined) >= 2 else ""
    return f"{verdict}: {says(pair)}: {why}{more}{kept}{repeats}"


def _target(
    key: str,
    members: Sequence[Claim],
    estimates: Mapping[str, Estimate],
    comparisons: _Comparisons,
    one_target: bool,
) -> Target:
    first = members[0]
    label = first.target_place.name if key.startswith("place:") and first.target_place else first.target
    seen: set[bytes] = set()
    statement_sig: list[tuple[Claim, bytes]] = []
    for c in members:
        s = comparisons.signature(c)
        if s not in seen:
            seen.add(s)
            statement_sig.append((c, s))
    statements = [c for c, _ in statement_sig]
    pairs = list(islice(combinations(statement_sig, 2), MAX_LISTED_PAIRS))
    diagnose = len(statements) <= MAX_DIAGNOSED_STATEMENTS
    checks = [comparisons(a, sa, b, sb, diagnose=diagnose) for (a, sa), (b, sb) in pairs]
    echo = _echo(statements[0], members) if len(statements) == 1 else None
    if echo is not None:  # one statement from several sources: listed once, as what it is
        checks = [comparisons(statements[0], statement_sig[0][1], echo, statement_sig[0][1])]
        checks[0].reasons.insert(0, _REPEATED)
    joined, common = _consensus(statements, estimates, checks)
    joined_ids = {c.id for c in joined}
    left_out = [
        c
        for c in statements
        if c.id in estimates and c.id not in joined_ids and c.relation not in VAGUE_RELATIONS
    ]
    verdicts = {k.verdict for k in checks}
    if echo is not None and statements[0].id in estimates:
        verdict = checks[0].verdict
        est = estimates[statements[0].id]
        joined = [statements[0], echo]
        if est.region is not None:
            common = Intersection(est.region, est.lat, est.lon, est.radius_m, 0.0)
    elif len(statements) < 2:
        verdict = "uncertain"
    elif "disagree" in verdicts or left_out:
        verdict = "disagree"
    elif verdicts == {"agree"} and len(joined) == len(statements) and common is not None:
        verdict = "agree"
    else:
        verdict = "uncertain"
    n = len(statements)
    summary = _summary(verdict, statements, len(members), checks, joined, common, estimates)
    return Target(
        label,
        key,
        list(members),
        checks,
        verdict,
        summary,
        common if len(joined) >= 2 else None,
        [c.id for c in joined] if len(joined) >= 2 else [],
        n,
        n * (n - 1) // 2,
        grouping_reason(key, members, one_target=one_target),
    )


def check_groups(
    groups: Sequence[tuple[str, Sequence[Claim]]],
    estimates: Mapping[str, Estimate],
    *,
    one_target: bool = False,
) -> list[Target]:
    """Check each group of claims (from :func:`~geokit.checks.grouping.group_claims`): one Target each.

    A comparison is made once per distinct pair of statements across all the groups (a corpus
    repeats itself), and the sources are named in each copy's reasons. ``one_target`` says the
    groups were formed by contract (``check --text``), for each target's ``grouping`` reason.
    """
    comparisons = _Comparisons(estimates)
    return [_target(k, members, estimates, comparisons, one_target) for k, members in groups]


def check_claims(
    claims: Sequence[Claim],
    estimates: Mapping[str, Estimate],
    key: Callable[[str], str] | None = None,
    *,
    one_target: bool = False,
    margin_m: float = GROUP_MARGIN_M,
) -> list[Target]:
    """Group claims about the same target, compare their statements, and give each target a verdict.

    Parameters
    ----------
    claims : sequence of Claim
        Claims from one or many sources.
    estimates : mapping of claim id to Estimate
        A claim missing from the mapping has no estimate (its checks are ``uncertain``).
    key : callable, optional
        Normalises target labels; defaults to ``geokit.claims.targets.target_key`` ("the training
        camps" -> "camp").
    one_target : bool, default False
        Every claim is about one target (``geokit check --text`` / ``--jsonl``).
    margin_m : float, default 25 km
        Slack of the grouping rule (see :mod:`geokit.checks.grouping`).

    Returns
    -------
    list of Target
        In a deterministic order.

    Examples
    --------
    >>> from geokit.model import Claim
    >>> c = Claim(id="a", document="d", quote="q", start=0, end=1, relation="near", target="camp",
    ...           anchor_text="Sirte")
    >>> [(t.label, t.verdict) for t in check_claims([c], {}, key=str.lower)]
    [('camp', 'uncertain')]
    """
    if key is None:
        from geokit.claims.targets import target_key

        key = target_key
    groups = group_claims(claims, key, estimates, one_target=one_target, margin_m=margin_m)
    return check_groups(groups, estimates, one_target=one_target)
