"""The whole pipeline in one call: documents -> places and claims -> estimates -> checks.

This module only strings the stages together; each stage lives in its own package
(:mod:`geokit.text`, :mod:`geokit.places`, :mod:`geokit.claims`, :mod:`geokit.estimates`,
:mod:`geokit.checks`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from geokit.model import Claim, Document, Estimate, Mention
from geokit.places.gazetteer import Gazetteer, get_gazetteer
from geokit.places.resolve import Resolver
from geokit.text.documents import ReadError, iter_documents

if TYPE_CHECKING:
    import geopandas as gpd

    from geokit.checks.targets import Target
    from geokit.errors import CorrectionError

__all__ = [
    "Analysis",
    "DocumentResult",
    "analyse",
    "analyse_texts",
    "estimate_and_flag",
    "parse_documents",
    "parse_paths",
]


@dataclass(slots=True)
class DocumentResult:
    """One document with the places found in it and the claims it makes."""

    document: Document
    mentions: list[Mention]
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self, estimates: dict[str, Estimate] | None = None) -> dict[str, Any]:
        """Return the JSON form of ``geokit parse``: ``id``, ``source``, ``places``, ``claims``."""
        return {
            "id": self.document.id,
            "source": self.document.source,
            "places": [m.to_dict() for m in self.mentions],
            "claims": self.claim_dicts(estimates),
        }

    def claim_dicts(self, estimates: dict[str, Estimate] | None = None) -> list[dict[str, Any]]:
        """Return the ``claims`` of :meth:`to_dict`."""
        return [_claim_dict(c, estimates) for c in self.claims]


def _claim_dict(claim: Claim, estimates: dict[str, Estimate] | None) -> dict[str, Any]:
    d = claim.to_dict()
    if estimates is not None:
        e = estimates.get(claim.id)
        ed = e.to_dict() if e else {}
        d["estimate"] = {"lat": ed["lat"], "lon": ed["lon"]} if e else None
        d["radius_m"] = ed.get("radius_m")
        d["region"] = ed.get("region")
        d["method"] = ed.get("method")
        d["components"] = ed.get("components")
    return d


@dataclass(slots=True)
class Analysis:
    """Everything geokit knows about a set of documents: places, claims, estimates and checks.

    Every stage has a GeoDataFrame form for notebooks (:meth:`places`, :meth:`claims_frame`,
    :meth:`estimates_frame`, :meth:`checks_frame`), :meth:`to_map` draws it all, and in Jupyter
    an analysis shows itself as a short summary of its targets and documents.
    """

    documents: list[DocumentResult]
    estimates: dict[str, Estimate] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    errors: list[ReadError | CorrectionError] = field(default_factory=list)  # inputs, then corrections

    @property
    def claims(self) -> list[Claim]:
        """Every claim of every document, in order."""
        return [c for d in self.documents for c in d.claims]

    @property
    def mentions(self) -> list[Mention]:
        """Every place mention of every document, in order."""
        return [m for d in self.documents for m in d.mentions]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: documents (with estimates in their claims) and targets."""
        return {
            "documents": [d.to_dict(self.estimates) for d in self.documents],
            "targets": [t.to_dict(self.estimates) for t in self.targets],
        }

    def places(self) -> gpd.GeoDataFrame:
        """Return the resolved place mentions as a GeoDataFrame (EPSG:4326), one row per mention."""
        import geopandas as gpd

        rows = []
        for d in self.documents:
            for m in d.mentions:
                row = m.to_dict()
                row.pop("alternatives", None)
                row["document"] = d.document.id
                rows.append(row)
        cols = [
            "document",
            "start",
            "end",
            "text",
            "id",
            "name",
            "kind",
            "lat",
            "lon",
            "country",
            "score",
            "reason",
        ]
        frame = gpd.GeoDataFrame(rows, columns=cols) if rows else gpd.GeoDataFrame(columns=cols)
        return frame.set_geometry(gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")

    def claims_frame(self) -> gpd.GeoDataFrame:
        """Return the claims as a person reads them, indexed by claim id; geometry is the estimate.

        Document title, quote, target, relation, anchor name, distance as written and in km,
        compass direction, hedge, inverse, flags and the estimate: see
        :func:`geokit.frames.claims_frame`.
        """
        from geokit.frames import claims_frame, document_names

        return claims_frame(
            self.claims, self.estimates, names=document_names(self.documents), targets=self.targets
        )

    def estimates_frame(self) -> gpd.GeoDataFrame:
        """Return the estimates with their document and target, indexed by claim id; geometry is the region.

        See :func:`geokit.frames.estimates_frame`.
        """
        from geokit.frames import document_names, estimates_frame

        return estimates_frame(
            self.claims, self.estimates, names=document_names(self.documents), targets=self.targets
        )

    def checks_frame(self) -> gpd.GeoDataFrame:
        """Return every pair of statements checked, with the verdict, both readings and every reason.

        See :func:`geokit.frames.checks_frame`; geometry joins the two estimates.
        """
        from geokit.frames import checks_frame, document_names

        return checks_frame(self.targets, self.estimates, names=document_names(self.documents))

    def to_map(self, **kwargs: Any) -> Any:
        """Return a :class:`geokit.maps.Map` with every document, estimate and check drawn."""
        from geokit.maps import Map

        m = Map(**kwargs)
        for d in self.documents:
            m.add_document(d.document, d.mentions, d.claims, self.estimates)
        m.add_targets(self.targets)
        return m

    def _repr_html_(self) -> str:
        from geokit.frames import analysis_html

        return analysis_html(self)


class _Parser:
    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer or get_gazetteer()
        self.resolver = Resolver(self.gazetteer)

    def __call__(self, doc: Document) -> DocumentResult:
        from geokit.claims.extract import extract_claims

        mentions = self.resolver.resolve(doc)
        claims = [] if doc.spans is not None else extract_claims(doc, mentions)
        for c in claims:
            c.source = c.source or doc.source
            if c.context_country is None and c.anchor is not None:
                c.context_country = c.anchor.country
        return DocumentResult(doc, mentions, claims)


def parse_documents(
    documents: Iterable[Document], *, gazetteer: Gazetteer | None = None
) -> Iterator[DocumentResult]:
    """Find and resolve the places of each document and extract its claims (lazily, in order).

    Examples
    --------
    >>> from geokit.model import Document
    >>> r = next(parse_documents([Document("d", "The camp lies 45 km southwest of Sirte, Libya.")]))
    >>> [m.text for m in r.mentions], r.claims[0].anchor.name
    (['Sirte', 'Libya'], 'Sirte')
    """
    parser = _Parser(gazetteer)
    for doc in documents:
        yield parser(doc)


def parse_paths(
    paths: Iterable[str | os.PathLike[str]], *, given_spans: bool = False, gazetteer: Gazetteer | None = None
) -> tuple[Iterator[DocumentResult], list[ReadError]]:
    """Parse ``.txt`` / ``.jsonl`` files lazily; the second item collects the inputs that failed."""
    errors: list[ReadError] = []
    docs = iter_documents(paths, errors, given_spans=given_spans)
    return parse_documents(docs, gazetteer=gazetteer), errors


def estimate_and_flag(claims: Sequence[Claim]) -> dict[str, Estimate]:
    """Estimate every claim and flag the doubtful estimates ("estimate at sea", "outside <country>").

    Returns the estimates by claim id; the flags are appended to each claim's ``flags``.
    """
    from geokit.checks.land import claim_flags
    from geokit.estimates import estimate_claims

    estimates = estimate_claims(claims)
    for c in claims:
        e = estimates.get(c.id)
        if e is not None:
            for flag in claim_flags(c, e):
                if flag not in c.flags:
                    c.flags.append(flag)
    return estimates


def _estimate_and_check(
    results: list[DocumentResult], errors: Sequence[ReadError | CorrectionError], *, one_target: bool = False
) -> Analysis:
    from geokit.checks.targets import check_claims

    claims = [c for r in results for c in r.claims]
    estimates = estimate_and_flag(claims)
    targets = check_claims(claims, estimates, one_target=one_target)
    return Analysis(results, estimates, targets, list(errors))


def analyse(paths: Iterable[str | os.PathLike[str]], *, gazetteer: Gazetteer | None = None) -> Analysis:
    """Run the whole pipeline on files: places, claims, estimates and cross-source checks.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_text("Two camps lie 45 kilometers southwest of Sirte.")
    >>> a = analyse([p])
    >>> len(a.estimates)
    1
    """
    results, errors = parse_paths(paths, gazetteer=gazetteer)
    return _estimate_and_check(list(results), errors)


def analyse_texts(
    texts: Sequence[str],
    *,
    sources: Sequence[str] | None = None,
    gazetteer: Gazetteer | None = None,
    one_target: bool = False,
) -> Analysis:
    """Run the whole pipeline on statements given as text, each a separate source.

    Each claim carries ``input``, the index of the text it came from. With ``one_target=True``
    every statement is about one target whatever anchors and labels it uses (the contract of
    ``geokit check --text`` and ``--jsonl``); otherwise claims are grouped as in a corpus.

    Examples
    --------
    >>> a = analyse_texts(["The camp is 45 km southwest of Sirte.", "The camp is 28 mi southwest of Sirte."])
    >>> [c.input for c in a.claims], a.targets[0].checks[0].verdict, a.targets[0].verdict
    ([0, 1], 'agree', 'agree')
    """
    docs = [
        Document(id=f"input{i}", text=t, source=(sources[i] if sources else f"source {i + 1}"))
        for i, t in enumerate(texts)
    ]
    results = list(parse_documents(docs, gazetteer=gazetteer))
    for i, r in enumerate(results):
        for c in r.claims:
            c.input = i
    return _estimate_and_check(results, [], one_target=one_target)
