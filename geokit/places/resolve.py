"""Choosing the place each mention means, from the document's context.

Each candidate's score starts from its name match and prior (population, kind; see
:meth:`Gazetteer.candidates`) and gains from the context, in two passes:

- a qualifier that contains it ("Sirte, Libya", "Paris, Texas"): ``+0.5``;
- its country being the document's: ``+0.35 * share`` of the country among the document's
  confidently resolved mentions (countries named in the text count double);
- spatial coherence: ``+0.15`` when it lies within 300 km of another resolved place of the
  document (countries and continents excluded), ``+0.1`` more within 50 km;
- a capital of its country ``+0.1`` (news names capitals far more than namesakes).

The reason of the choice lists every term that applied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cached_property

import numpy as np
from pyproj import Geod

from geokit.model import Candidate, Document, Mention, Place
from geokit.places.gazetteer import Gazetteer
from geokit.places.mentions import RawMention, find_mentions, link_qualifiers
from geokit.places.normalize import name_key

__all__ = ["Resolver", "resolve_document"]

_GEOD = Geod(ellps="WGS84")
_AREAL = ("country", "continent")
#: Kinds whose point is where they are (not the centre of a large area or a line).
_POINT_KINDS = ("city", "town", "village", "airbase", "airport")
#: Candidates kept per mention (the chosen one and its alternatives).
MAX_CANDIDATES = 12


class Resolver:
    """Resolve the place mentions of documents against a gazetteer, using each document's context."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    @cached_property
    def _capitals(self) -> set[tuple[str, str]]:
        import json

        from geokit.places.build import _geonames_data_dir

        with open(_geonames_data_dir() / "countries.json", encoding="utf-8") as fh:
            countries = json.load(fh)
        return {(name_key(c["capital"]), iso) for iso, c in countries.items() if c.get("capital")}

    def _candidates(self, text: str) -> list[Candidate]:
        try:
            return self.gazetteer.candidates(text, fuzzy=False, limit=MAX_CANDIDATES)
        except ValueError:
            return []

    def resolve(self, document: Document, raw: Sequence[RawMention] | None = None) -> list[Mention]:
        """Return the document's mentions, each with its ranked candidates and chosen place.

        Parameters
        ----------
        document : Document
            The document; with ``document.spans`` set, exactly those spans are resolved.
        raw : sequence of RawMention, optional
            Mentions found already; default: :func:`find_mentions` on the text.
        """
        text = document.text
        if raw is None:
            if document.spans is not None:
                raw = [RawMention(a, b, text[a:b], name_key(text[a:b])) for a, b in document.spans]
                link_qualifiers(raw, text)
            else:
                raw = find_mentions(text, self.gazetteer)
        by_start = {m.start: i for i, m in enumerate(raw)}
        cands = [self._candidates(m.text) for m in raw]
        qualifier_of: dict[int, int] = {}
        for i, m in enumerate(raw):
            if m.qualifier and m.qualifier[0] in by_start:
                qualifier_of[i] = by_start[m.qualifier[0]]

        chosen: list[Candidate | None] = [c[0] if c else None for c in cands]
        scored: list[list[Candidate]] = cands
        for _ in range(2):
            context = self._context(chosen, cands)
            scored = [self._rescore(i, cands[i], chosen, context, qualifier_of) for i in range(len(raw))]
            chosen = [s[0] if s else None for s in scored]

        mentions = []
        for m, ranked in zip(raw, scored, strict=True):
            best = ranked[0] if ranked else None
            mentions.append(
                Mention(
                    document=document.id,
                    start=m.start,
                    end=m.end,
                    text=m.text,
                    candidates=ranked,
                    place=best.place if best else None,
                    score=best.score if best else 0.0,
                    reason=best.reason if best else "no gazetteer entry matches this name",
                    part=m.part,
                )
            )
        return mentions

    def _context(self, chosen: Sequence[Candidate | None], cands: Sequence[list[Candidate]]) -> dict:
        countries: Counter[str] = Counter()
        points = []
        for i, c in enumerate(chosen):
            if c is None:
                continue
            p = c.place
            confident = len(cands[i]) == 1 or c.score >= 1.5 * max(0.01, cands[i][1].score if len(cands[i]) > 1 else 0)
            if p.country and confident:
                countries[p.country] += 2 if p.kind == "country" else 1
            if p.kind in _POINT_KINDS:
                points.append((i, p.lon, p.lat))
        total = sum(countries.values()) or 1
        return {"country_share": {k: v / total for k, v in countries.items()}, "points": points}

    def _rescore(
        self,
        i: int,
        cands: list[Candidate],
        chosen: Sequence[Candidate | None],
        context: dict,
        qualifier_of: dict[int, int],
    ) -> list[Candidate]:
        if not cands:
            return []
        from geokit.places.context import contains

        share = context["country_share"]
        others = [(lon, lat) for j, lon, lat in context["points"] if j != i]
        other_places = [chosen[j].place for j, _, _ in context["points"] if j != i and chosen[j] is not None]
        qual = chosen[qualifier_of[i]].place if i in qualifier_of and chosen[qualifier_of[i]] else None
        out = []
        for c in cands:
            p = c.place
            score, why = c.score, [c.reason]
            if qual is not None and contains(qual, p):
                score += 0.5
                why.append(f"inside {qual.name} (qualifier)")
            s = share.get(p.country or "", 0.0)
            if s and (p.kind in _POINT_KINDS or p.kind == "admin1"):
                score += 0.35 * s
                why.append(f"in {p.country}, {s:.0%} of the document's places")
            if others and p.kind in _POINT_KINDS:
                d = _nearest_m(p, others)
                if d < 300_000:
                    score += 0.15 + (0.1 if d < 50_000 else 0.0)
                    why.append(f"{d / 1000:.0f} km from another place in the text")
            elif p.kind == "admin1" and p.geometry is not None:
                inside = [o.name for o in other_places if o.country == p.country and contains(p, o)]
                if inside:
                    score += 0.25
                    why.append(f"contains {inside[0]}, named in the text")
            if (name_key(p.name), p.country or "") in self._capitals:
                score += 0.1
                why.append("national capital")
            out.append(Candidate(p, score, "; ".join(why)))
        out.sort(key=lambda c: (-c.score, -(c.place.population or 0), c.place.id))
        return out


def _nearest_m(p: Place, others: list[tuple[float, float]]) -> float:
    lons = np.fromiter((o[0] for o in others), dtype=float, count=len(others))
    lats = np.fromiter((o[1] for o in others), dtype=float, count=len(others))
    _, _, d = _GEOD.inv(np.full_like(lons, p.lon), np.full_like(lats, p.lat), lons, lats)
    d = np.where(d > 0.0, d, np.inf)  # the same place named twice is not coherence
    return float(d.min()) if len(d) else float("inf")


def resolve_document(document: Document, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Find and resolve the place mentions of one document.

    Examples
    --------
    >>> from geokit.model import Document
    >>> ms = resolve_document(Document("d", "Strikes near Sirte, Libya, and in Mosul, Iraq."))
    >>> [(m.text, m.place.country) for m in ms]
    [('Sirte', 'LY'), ('Libya', 'LY'), ('Mosul', 'IQ'), ('Iraq', 'IQ')]
    """
    from geokit.places.gazetteer import get_gazetteer

    return Resolver(gazetteer or get_gazetteer()).resolve(document)
