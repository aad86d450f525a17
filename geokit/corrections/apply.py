"""Apply analyst corrections to an analysis and recompute everything downstream.

:func:`apply_corrections` never changes the analysis it is given: it copies the mentions, applies
the mention corrections (``keep``, ``choose``, ``not-a-place``, ``add``, ``place``), extracts the
claims again from the corrected mentions, applies the claim corrections (``edit-claim``,
``not-a-claim``), and runs the estimate and check stages again. A correction that cannot be applied
(unknown document, no mention or claim at that span, unknown gazetteer id, a second correction of
the same span) becomes a :class:`~geokit.errors.CorrectionError` in the new analysis's ``errors``;
the others still apply.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from geokit.corrections.schema import Correction, Corrections
from geokit.errors import CorrectionError, InputError, PlaceNotFoundError
from geokit.model import Claim, Direction, Distance, Mention, Place
from geokit.pipeline import Analysis, DocumentResult, _estimate_and_check
from geokit.places.gazetteer import Gazetteer, get_gazetteer
from geokit.text.documents import ReadError

__all__ = ["NOT_A_CLAIM", "NOT_A_PLACE", "apply_corrections", "is_dropped"]

_MENTION_ACTIONS = ("keep", "choose", "not-a-place", "add", "place")
#: The reason of a mention the analyst says names no place.
NOT_A_PLACE = "not a place (analyst correction)"
#: The flag of a claim the analyst says locates nothing; such a claim is not estimated.
NOT_A_CLAIM = "not a claim (analyst correction)"


def _place_json(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "country": p.country,
        "lat": round(p.lat, 6),
        "lon": round(p.lon, 6),
    }


def _marker(action: str, original: Any, note: str | None) -> dict[str, Any]:
    return {"by": "analyst", "action": action, "original": original, "note": note}


def is_dropped(item: Mention | Claim) -> bool:
    """Say whether the analyst removed a mention (``not-a-place``) or a claim (``not-a-claim``).

    Examples
    --------
    >>> from geokit.model import Mention
    >>> is_dropped(Mention("d", 0, 5, "Paris")), is_dropped(Mention("d", 0, 5, "Paris",
    ...     corrected={"by": "analyst", "action": "not-a-place", "original": None, "note": None}))
    (False, True)
    """
    c = item.corrected
    return c is not None and c.get("action") in ("not-a-place", "not-a-claim")


def _copy_mention(m: Mention) -> Mention:
    return dataclasses.replace(m, candidates=list(m.candidates))


def _check_span(c: Correction, text: str) -> None:
    if c.end > len(text):
        raise c.error(f"the span ends beyond the document's text ({len(text)} characters)")
    if c.text is not None and text[c.start : c.end] != c.text:
        raise c.error(
            f"the text there is {text[c.start : c.end]!r}, not {c.text!r} (was the document changed?)"
        )


def _nearby(items: Sequence[Any], c: Correction, what: str) -> str:
    near = sorted(items, key=lambda x: abs(x.start - c.start))[:3]
    if not near:
        return f"the document has no {what}s"
    shown = ", ".join(f"{x.start}-{x.end} {x.text!r}" for x in sorted(near, key=lambda x: x.start))
    return f"nearest {what}s: {shown}"


def _lookup(gazetteer: Gazetteer, place_id: str, c: Correction) -> Place:
    try:
        return gazetteer.get(place_id)
    except PlaceNotFoundError:
        raise c.error(f"no gazetteer entry has the id {place_id!r}") from None


class _DocumentCorrector:
    """Applies the corrections of one document to a copy of its mentions and its claims."""

    def __init__(self, result: DocumentResult, gazetteer: Gazetteer, problems: list[CorrectionError]):
        self.result = result
        self.doc = result.document
        self.gazetteer = gazetteer
        self.problems = problems
        self.mentions = [_copy_mention(m) for m in result.mentions]
        self.by_span = {(m.start, m.end): m for m in self.mentions}
        self.done: dict[tuple[int, int, str], int | None] = {}

    def _claim_once(self, c: Correction, kind: str) -> None:
        key = (c.start, c.end, kind)
        if key in self.done:
            raise c.error(
                f"entry {self.done[key]} already corrects this {kind}; give one correction per span"
            )
        self.done[key] = c.entry

    # -- mentions
    def mentions_pass(self, corrections: Sequence[Correction], resolver: Any) -> None:
        # removals and choices first, so that an added span may replace a removed one
        first = [c for c in corrections if c.action in ("keep", "choose", "not-a-place")]
        second = [c for c in corrections if c.action in ("add", "place")]
        for c in first:
            self._guard(self._existing, c)
        adds: list[tuple[Correction, Place | None]] = []
        for c in second:
            self._guard(self._new, c, adds)
        if adds:
            self._resolve_adds(adds, resolver)
        self.mentions.sort(key=lambda m: (m.start, m.end))

    def _guard(self, fn: Any, c: Correction, *args: Any) -> None:
        try:
            _check_span(c, self.doc.text)
            fn(c, *args)
        except CorrectionError as exc:
            self.problems.append(exc)

    def _existing(self, c: Correction) -> None:
        m = self.by_span.get((c.start, c.end))
        if m is None:
            raise c.error(
                f"no place mention at {c.start}-{c.end} {self.doc.text[c.start : c.end]!r}; "
                f"{_nearby(self.mentions, c, 'mention')}" + ("" if c.action != "choose" else " (use 'add')")
            )
        self._claim_once(c, "mention")
        if c.action == "keep":
            return
        if c.action == "choose":
            assert c.place is not None
            place = _lookup(self.gazetteer, c.place, c)
            if m.place is not None and m.place.id == place.id and not is_dropped(m):
                return  # already the choice: nothing changes, nothing is marked
            cand = next((k for k in m.candidates if k.place.id == place.id), None)
            m.corrected = _marker("choose", _place_json(m.place), c.note)
            m.place, m.score = place, (cand.score if cand else 0.0)
            m.reason = "chosen by analyst" + (f" (was {cand.reason})" if cand and cand.reason else "")
        else:  # not-a-place
            m.corrected = _marker("not-a-place", _place_json(m.place), c.note)
            m.place, m.score, m.reason = None, 0.0, NOT_A_PLACE

    def _overlapping(self, c: Correction) -> Mention | None:
        for m in self.mentions:
            if not is_dropped(m) and m.start < c.end and c.start < m.end:
                return m
        return None

    def _new(self, c: Correction, adds: list[tuple[Correction, Place | None]]) -> None:
        m = self.by_span.get((c.start, c.end))
        text = self.doc.text[c.start : c.end]
        if c.action == "add" and m is not None:
            raise c.error(f"{text!r} is a mention already; use 'choose' to change its place")
        if m is None:
            other = self._overlapping(c)
            if other is not None:
                raise c.error(
                    f"overlaps the mention {other.start}-{other.end} {other.text!r}; "
                    "mark it 'not-a-place' first"
                )
        self._claim_once(c, "mention")
        if c.action == "add":
            adds.append((c, _lookup(self.gazetteer, c.place, c) if c.place else None))
            # reserve the span now, so that a later correction overlapping it is refused
            placeholder = Mention(self.doc.id, c.start, c.end, text)
            self.mentions.append(placeholder)
            self.by_span[(c.start, c.end)] = placeholder
            return
        assert c.lat is not None and c.lon is not None
        place = Place(
            id=f"analyst:{c.lat:.6f},{c.lon:.6f}",
            name=c.name or text,
            kind="analyst",
            lat=float(c.lat),
            lon=float(c.lon),
            extent_m=float(c.radius_m or 0.0),
            source="analyst",
        )
        if m is None:
            m = Mention(self.doc.id, c.start, c.end, text)
            self.mentions.append(m)
            self.by_span[(c.start, c.end)] = m
            m.corrected = _marker("place", None, c.note)
        else:
            m.corrected = _marker("place", _place_json(m.place), c.note)
        m.place, m.score, m.reason = place, 1.0, "placed by hand by analyst"

    def _resolve_adds(self, adds: list[tuple[Correction, Place | None]], resolver: Any) -> None:
        from geokit.places.mentions import RawMention, link_qualifiers
        from geokit.places.normalize import name_key

        text = self.doc.text
        raw = [
            RawMention(m.start, m.end, m.text, name_key(m.text), part=m.part)
            for m in self.mentions
            if not is_dropped(m)
        ]
        raw.sort(key=lambda r: (r.start, r.end))
        link_qualifiers(raw, text)
        resolved = {(m.start, m.end): m for m in resolver.resolve(self.doc, raw=raw)}
        for c, place in adds:
            m = self.by_span[(c.start, c.end)]
            r = resolved.get((c.start, c.end))
            m.candidates = list(r.candidates) if r else []
            if place is not None:
                cand = next((k for k in m.candidates if k.place.id == place.id), None)
                m.place, m.score = place, (cand.score if cand else 0.0)
                m.reason = "added by analyst"
            elif r is not None and r.place is not None:
                m.place, m.score, m.reason = r.place, r.score, f"added by analyst; {r.reason}"
            else:
                m.reason = "added by analyst; no gazetteer entry matches this name"
                self.problems.append(
                    c.error(f"{m.text!r} matches no gazetteer entry: give an id, or use 'place' with lat/lon")
                )
            m.corrected = _marker("add", None, c.note)

    # -- claims
    def claims_pass(self, corrections: Sequence[Correction], input_: int | None, marked: bool) -> list[Claim]:
        from geokit.claims.extract import extract_claims

        doc = self.doc
        live = [m for m in self.mentions if not is_dropped(m)]
        claims = [] if doc.spans is not None else extract_claims(doc, live)
        original = {(c.start, c.end): c for c in self.result.claims}
        for c in claims:
            c.source = c.source or doc.source
            if c.context_country is None and c.anchor is not None:
                c.context_country = c.anchor.country
            c.input = input_
            if not marked:
                continue
            o = original.get((c.start, c.end))
            if o is None:
                c.corrected = _marker("recomputed", None, "a new claim after mention corrections")
            elif _anchor_id(o.anchor) != _anchor_id(c.anchor) or _anchor_id(o.anchor2) != _anchor_id(
                c.anchor2
            ):
                orig: dict[str, Any] = {"anchor": _place_json(o.anchor)}
                if o.anchor2_text is not None:
                    orig["anchor2"] = _place_json(o.anchor2)
                c.corrected = _marker("recomputed", orig, "its anchor mention was corrected")
        by_span = {(c.start, c.end): c for c in claims}
        for corr in corrections:
            try:
                _check_span(corr, doc.text)
                claim = by_span.get((corr.start, corr.end))
                if claim is None:
                    raise corr.error(
                        f"no claim at {corr.start}-{corr.end} {doc.text[corr.start : corr.end]!r}; "
                        f"{_nearby(claims, corr, 'claim')}"
                    )
                self._claim_once(corr, "claim")
                base = original.get((claim.start, claim.end), claim)
                if corr.action == "not-a-claim":
                    claim.corrected = _marker("not-a-claim", _claim_fields(base), corr.note)
                    claim.flags = [NOT_A_CLAIM]
                else:
                    self._edit(claim, corr, base)
            except CorrectionError as exc:
                self.problems.append(exc)
        return claims

    def _edit(self, claim: Claim, c: Correction, base: Claim) -> None:
        f = c.fields
        new: dict[str, Any] = {}
        if "anchor" in f:
            a = f["anchor"]
            if isinstance(a, str):
                place, words = _lookup(self.gazetteer, a, c), claim.anchor_text
            else:
                m = self.by_span.get((a["start"], a["end"]))
                if m is None or is_dropped(m):
                    raise c.error(f"no place mention at {a['start']}-{a['end']} to anchor on")
                if m.place is None:
                    raise c.error(f"the mention {m.text!r} at {m.start}-{m.end} is not resolved to a place")
                place, words = m.place, m.text
            if _anchor_id(claim.anchor) != place.id:
                new["anchor"], new["anchor_text"] = place, words
        if "target" in f and f["target"] != claim.target:
            new["target"], new["target_place"] = f["target"], None
        if "distance" in f or "unit" in f:
            dist = _new_distance(claim.distance, f, c)
            old = claim.distance
            if (dist is None) != (old is None) or (
                dist is not None and old is not None and (dist.value, dist.unit) != (old.value, old.unit)
            ):
                new["distance"], new["distance_alt"] = dist, None
        if "direction" in f and not (claim.direction is not None and f["direction"] == claim.direction.words):
            words = f["direction"]
            direction = _new_direction(words, c)
            old_dir = claim.direction
            if (direction is None) != (old_dir is None) or (
                direction is not None
                and old_dir is not None
                and (direction.azimuth, direction.half_angle) != (old_dir.azimuth, old_dir.half_angle)
            ):
                new["direction"] = direction
        if "hedge" in f and f["hedge"] != claim.hedge:
            hedge = _new_hedge(f["hedge"], c)
            if hedge != claim.hedge:
                new["hedge"] = hedge
        if "inverse" in f and bool(f["inverse"]) != claim.inverse:
            new["inverse"] = bool(f["inverse"])
        if not new:
            return  # the claim already says that: nothing changes, nothing is marked
        dist = new.get("distance", claim.distance)
        direction = new.get("direction", claim.direction)
        relation = claim.relation
        if relation in ("offset", "distance", "direction"):
            if dist is None and direction is None:
                raise c.error("a claim needs a distance or a direction; use 'not-a-claim' to drop it")
            relation = "offset" if dist and direction else ("distance" if dist else "direction")
        elif ("distance" in new or "direction" in new) and dist is not None:
            relation = "offset" if direction is not None else "distance"
        if relation != claim.relation:
            new["relation"] = relation
        before = _claim_fields(base)
        changed = sorted({_FIELD_OF.get(k, k) for k in new})
        for k, v in new.items():
            setattr(claim, k, v)
        claim.flags = [fl for fl in claim.flags if not any(fl in _FLAGS_OF.get(k, ()) for k in new)]
        if "anchor" in new:
            claim.context_country = new["anchor"].country
        original = {k: before.get(k) for k in changed}
        if claim.corrected and isinstance(claim.corrected.get("original"), dict):
            # the anchor mention was corrected too: say what the anchor was as well
            original = {**claim.corrected["original"], **original}
        claim.corrected = _marker("edit-claim", original, c.note)


_FIELD_OF = {"anchor_text": "anchor", "target_place": "target", "distance_alt": "distance"}
_FLAGS_OF: dict[str, tuple[str, ...]] = {
    "anchor": ("anchor not found",),
    "distance": (
        "unknown unit",
        "unreadable number",
        "negative distance",
        "distance is zero",
        "distance beyond half the Earth's circumference",
        "paired distances disagree",
    ),
    "direction": ("conflicting directions", "bearing out of range"),
}


def _anchor_id(p: Place | None) -> str | None:
    return p.id if p is not None else None


def _claim_fields(c: Claim) -> dict[str, Any]:
    """Return the fields an analyst can edit, in their JSON form (for the corrected marker)."""
    return {
        "anchor": _place_json(c.anchor),
        "target": c.target,
        "distance": None if c.distance is None else {"value": c.distance.value, "unit": c.distance.unit},
        "direction": None if c.direction is None else c.direction.words,
        "hedge": c.hedge,
        "inverse": c.inverse,
        "relation": c.relation,
    }


def _number_text(value: float) -> str:
    return f"{value:g}" if float(value) != int(value) or abs(value) < 1e15 else repr(value)


def _new_distance(old: Distance | None, f: Any, c: Correction) -> Distance | None:
    from geokit.claims.grammar import UNIT_METRES

    if "distance" in f and f["distance"] is None:
        return None
    value = f.get("distance", old.value if old is not None else None)
    unit = f.get("unit", old.unit if old is not None else None)
    if value is None:
        raise c.error("the claim has no distance: give 'distance' with 'unit'")
    if unit not in UNIT_METRES:
        raise c.error(f"give 'unit' (one of {', '.join(UNIT_METRES)}) with the distance, not {unit!r}")
    value = float(value)
    return Distance(value, unit, value * UNIT_METRES[unit], text=_number_text(value))


def _new_direction(words: str | None, c: Correction) -> Direction | None:
    from geokit.claims.grammar import parse_direction

    if words is None:
        return None
    try:
        direction = parse_direction(words)
    except InputError as exc:
        raise c.error(f"'direction' {words!r}: {exc}") from None
    if direction is None:
        raise c.error(f"'direction' {words!r} names no compass direction or bearing")
    return direction


def _new_hedge(word: str | None, c: Correction) -> str | None:
    from geokit.claims.grammar import HEDGES, parse_hedge

    if word is None or not word.strip():
        return None
    hedge = parse_hedge(word)
    if hedge is None:
        known = ", ".join(sorted(set(HEDGES.values())))
        raise c.error(f"unknown hedge {word!r} (known: {known})")
    return hedge


def _inputs(analysis: Analysis) -> dict[int, int | None]:
    """Return the ``input`` index each document's claims carry (``analyse_texts``), by position."""
    out: dict[int, int | None] = {}
    any_input = False
    for i, r in enumerate(analysis.documents):
        found = next((c.input for c in r.claims if c.input is not None), None)
        any_input = any_input or found is not None
        out[i] = found
    if any_input:
        out = {i: (v if v is not None else i) for i, v in out.items()}
    return out


def apply_corrections(
    analysis: Analysis,
    corrections: Corrections | Iterable[Correction],
    *,
    gazetteer: Gazetteer | None = None,
    estimate: bool = True,
    strict: bool = False,
) -> Analysis:
    """Return a new analysis with the corrections applied and every later stage recomputed.

    Parameters
    ----------
    analysis : Analysis
        A finished analysis (:func:`geokit.pipeline.analyse`, :func:`~geokit.pipeline.analyse_texts`);
        it is not changed.
    corrections : Corrections or iterable of Correction
        Applied in order; each names its document and span. The problems found while reading a
        corrections file (``Corrections.problems``) are carried into the result.
    gazetteer : Gazetteer, optional
        Where ``choose`` / ``add`` / ``edit-claim`` ids are looked up (default: geokit's).
    estimate : bool, default True
        Recompute estimates and checks. With ``False`` only places and claims are corrected (what
        ``geokit parse`` prints), and ``estimates`` / ``targets`` are empty.
    strict : bool, default False
        Raise the first problem instead of collecting it.

    Returns
    -------
    Analysis
        The corrected analysis. Its ``errors`` are the original ones followed by one
        :class:`~geokit.errors.CorrectionError` per correction that could not be applied.
        Corrected mentions and claims carry ``corrected`` =
        ``{"by": "analyst", "action": ..., "original": ..., "note": ...}``.

    Examples
    --------
    >>> from geokit.pipeline import analyse_texts
    >>> a = analyse_texts(["Volunteers set up a shelter 10 miles north of Paris."])
    >>> [(m.start, m.place.country) for m in a.mentions]
    [(46, 'FR')]
    >>> fixed = apply_corrections(a, Corrections().choose("input0", 46, 51, "geonames:4717560"))
    >>> fixed.mentions[0].place.country, fixed.mentions[0].corrected["original"]["country"]
    ('US', 'FR')
    >>> round(fixed.estimates["input0:c28"].lat, 2), fixed.claims[0].corrected["action"]
    (33.81, 'recomputed')
    >>> bad = apply_corrections(a, Corrections().not_a_place("input9", 0, 5))
    >>> [str(e) for e in bad.errors]
    ["corrections: entry 1 (document 'input9'): not-a-place at 0-5: no document 'input9' in this run"]
    """
    if not isinstance(corrections, Corrections):
        corrections = Corrections(corrections)
    problems: list[CorrectionError] = list(corrections.problems)
    ids: dict[str, list[int]] = {}
    for i, r in enumerate(analysis.documents):
        ids.setdefault(r.document.id, []).append(i)
    per_doc: dict[int, list[Correction]] = {}
    for c in corrections:
        where = ids.get(c.document)
        if not where:
            problems.append(c.error(f"no document {c.document!r} in this run"))
        elif len(where) > 1:
            problems.append(c.error(f"the document id {c.document!r} is not unique in this run"))
        else:
            per_doc.setdefault(where[0], []).append(c)
    gaz = gazetteer if gazetteer is not None else (get_gazetteer() if per_doc else None)
    resolver = None
    inputs = _inputs(analysis)
    results: list[DocumentResult] = []
    for i, r in enumerate(analysis.documents):
        corrs = per_doc.get(i, [])
        fixer = _DocumentCorrector(r, gaz, problems)  # type: ignore[arg-type]
        mention_corrs = [c for c in corrs if c.action in _MENTION_ACTIONS]
        if any(c.action == "add" for c in mention_corrs) and resolver is None:
            from geokit.places.resolve import Resolver

            resolver = Resolver(gaz)  # type: ignore[arg-type]
        fixer.mentions_pass(mention_corrs, resolver)
        marked = any(m.corrected for m in fixer.mentions)
        claims = fixer.claims_pass(
            [c for c in corrs if c.action not in _MENTION_ACTIONS], inputs.get(i), marked
        )
        results.append(DocumentResult(r.document, fixer.mentions, claims))
    order = {c.source: i for i, c in reversed(list(enumerate(corrections)))}
    problems.sort(key=lambda e: (order.get(e.source, -1), e.entry if e.entry is not None else -1))
    if strict and problems:
        raise problems[0]
    errors: list[ReadError | CorrectionError] = [*analysis.errors, *problems]
    if not estimate:
        return Analysis(results, {}, [], errors)
    live = [
        DocumentResult(r.document, r.mentions, [c for c in r.claims if not is_dropped(c)]) for r in results
    ]
    done = _estimate_and_check(live, errors)
    return Analysis(results, done.estimates, done.targets, errors)
