"""The data model shared by every pipeline stage: documents, places, mentions, claims, estimates, checks.

Every object is a plain dataclass with a ``to_dict()`` that gives the JSON form of the command-line
contract. Coordinates are WGS84 decimal degrees and are always named ``lat`` / ``lon``; geometries
are shapely objects in (lon, lat) order, as GeoJSON and shapely expect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import GeometryCollection, mapping
from shapely.geometry.base import BaseGeometry

from geokit.kinds import Verdict

__all__ = [
    "Candidate",
    "Check",
    "Claim",
    "Direction",
    "Distance",
    "Document",
    "Estimate",
    "Mention",
    "Place",
]


def _round(x: float | None, digits: int = 6) -> float | None:
    return None if x is None else round(float(x), digits)


def geometry_to_geojson(geom: BaseGeometry | None, digits: int = 6) -> dict[str, Any] | None:
    """Return the GeoJSON mapping of ``geom`` with coordinates rounded to ``digits`` decimals.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> geometry_to_geojson(Point(16.58871234567, 31.2))
    {'type': 'Point', 'coordinates': [16.588712, 31.2]}
    >>> geometry_to_geojson(None) is None
    True
    """
    if geom is None or geom.is_empty:
        return None

    def rnd(obj: Any) -> Any:
        if isinstance(obj, (list, tuple)):
            if obj and isinstance(obj[0], (int, float)):
                return [round(float(v), digits) for v in obj]
            return [rnd(v) for v in obj]
        return obj

    if isinstance(geom, GeometryCollection):
        return {
            "type": "GeometryCollection",
            "geometries": [geometry_to_geojson(g, digits) for g in geom.geoms],
        }
    m = mapping(geom)
    return {"type": m["type"], "coordinates": rnd(m["coordinates"])}


@dataclass(slots=True)
class Document:
    """A text to geoparse.

    Parameters
    ----------
    id : str
        Stable identifier (the file stem for ``.txt`` files, the ``id`` field of a JSONL line).
    text : str
        The full text; every character offset in geokit refers to this string.
    source : str
        Where it came from (a path, ``path:line`` for JSONL, or a name the user gave).
    title, date : str or None
        Optional metadata.
    """

    id: str
    text: str
    source: str = ""
    title: str | None = None
    date: str | None = None
    spans: list[tuple[int, int]] | None = None


@dataclass(slots=True)
class Place:
    """A gazetteer entry: a named place with a point, an extent and, where known, its real geometry.

    ``extent_m`` is the radial of the place: the distance from its point to its farthest part, in
    metres. ``geometry`` (lon/lat) is a polygon for countries and regions, a line for rivers, or
    ``None`` where the source gives only a point.
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str | None = None
    population: int | None = None
    extent_m: float = 0.0
    admin1: str | None = None
    source: str = ""
    geometry: BaseGeometry | None = field(default=None, repr=False, compare=False)

    @property
    def is_line(self) -> bool:
        """Whether the place is drawn as a line (a river, border or coast with its geometry).

        Examples
        --------
        >>> from shapely.geometry import LineString
        >>> Place("r", "Tigris", "river", 36.3, 43.1, geometry=LineString([(43, 36), (43, 37)])).is_line
        True
        >>> Place("r", "Tigris", "river", 31.0, 47.4).is_line  # only its mouth's point is known
        False
        """
        geom = self.geometry
        return geom is not None and not geom.is_empty and geom.geom_type in ("LineString", "MultiLineString")

    def to_dict(self, geometry: bool = False) -> dict[str, Any]:
        """Return the JSON form; with ``geometry=True`` the GeoJSON geometry is included."""
        d: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "lat": _round(self.lat),
            "lon": _round(self.lon),
            "country": self.country,
            "population": self.population,
            "extent_m": round(self.extent_m, 1),
        }
        if geometry:
            d["geometry"] = geometry_to_geojson(self.geometry)
        return d


@dataclass(slots=True)
class Candidate:
    """A place proposed for a name, with the score that ranks it and the reason in words."""

    place: Place
    score: float
    reason: str

    @property
    def match(self) -> str:
        """How the name matched: ``exact``, ``variant`` or ``approximate``.

        ``exact`` is the place's own name, ``variant`` an alternate name, abbreviation or normalised
        form, ``approximate`` a spelling guess or a shorter name.
        """
        if self.reason.startswith(("fuzzy match", "approximate")):
            return "approximate"
        if self.reason.startswith("exact name"):
            return "exact"
        return "variant"

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: the place's fields plus ``score``, ``reason`` and ``match``."""
        d = self.place.to_dict()
        d["score"] = round(self.score, 4)
        d["reason"] = self.reason
        d["match"] = self.match
        return d


@dataclass(slots=True)
class Mention:
    """A place name found in a document, with its ranked candidates and the one chosen.

    ``place`` is ``None`` when the mention could not be resolved; ``reason`` then says why.
    ``part`` names a part of the place ("eastern", "west", "northern") when the text says one.
    """

    document: str
    start: int
    end: int
    text: str
    candidates: list[Candidate] = field(default_factory=list)
    place: Place | None = None
    score: float = 0.0
    reason: str = ""
    part: str | None = None
    corrected: dict[str, Any] | None = None  # set by geokit.corrections: what the analyst changed

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the contract: ``id``, ``name``, ``kind``, ``lat``, ``lon``, ``start``..."""
        d = self.head_dict()
        d["alternatives"] = [c.to_dict() for c in self.candidates[:5]]
        if self.corrected is not None:
            d["corrected"] = self.corrected
        return d

    def head_dict(self) -> dict[str, Any]:
        """Return the JSON form up to ``alternatives`` (which, with ``corrected``, ends it)."""
        p = self.place
        d: dict[str, Any] = {
            "id": p.id if p else None,
            "name": p.name if p else self.text,  # unresolved: the name as written
            "kind": p.kind if p else None,
            "lat": _round(p.lat) if p else None,
            "lon": _round(p.lon) if p else None,
            "country": p.country if p else None,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 4),
            "reason": self.reason,
        }
        if self.part:
            d["part"] = self.part
        return d


@dataclass(slots=True)
class Distance:
    """A stated distance: the value and unit as written, in metres, and the range it allows.

    ``low_m`` / ``high_m`` are the bounds after the distance precision and the hedge are applied.
    """

    value: float
    unit: str
    metres: float
    text: str = ""
    precision_m: float = 0.0
    low_m: float | None = None
    high_m: float | None = None
    value2: float | None = None  # upper end of a range "40-50 km"

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "value": self.value,
            "value2": self.value2,
            "unit": self.unit,
            "metres": round(self.metres, 3),
            "text": self.text,
            "precision_m": round(self.precision_m, 3),
            "low_m": _round(self.low_m, 3),
            "high_m": _round(self.high_m, 3),
        }


@dataclass(slots=True)
class Direction:
    """A stated direction: the words, the azimuth in degrees clockwise from north, and its half-angle."""

    words: str
    azimuth: float
    half_angle: float

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"words": self.words, "azimuth_deg": self.azimuth, "half_angle_deg": self.half_angle}


@dataclass(slots=True)
class Claim:
    """A statement that locates a target relative to one or two anchors.

    ``relation`` is one of ``offset`` (distance at a heading), ``distance`` (distance only),
    ``direction`` (heading only), ``near``, ``outskirts``, ``outside``, ``between``, ``side``
    (side of a line, "east of the Tigris") or ``part`` ("eastern Mosul"). ``inverse`` is true when
    the sentence states the anchor relative to the target ("Sirte is 28 miles SW of the camps").
    ``flags`` lists short reasons why the claim is doubtful or cannot be estimated.
    """

    id: str
    document: str
    quote: str
    start: int
    end: int
    relation: str
    target: str
    anchor_text: str
    anchor: Place | None = None
    anchor2_text: str | None = None
    anchor2: Place | None = None
    distance: Distance | None = None
    direction: Direction | None = None
    hedge: str | None = None
    inverse: bool = False
    flags: list[str] = field(default_factory=list)
    input: int | None = None
    source: str = ""
    text: str = ""  # the relative expression itself, e.g. "45 kilometers southwest of Sirte"
    target_place: Place | None = None
    context_country: str | None = None
    distance_alt: Distance | None = None  # the parenthetical of "28 miles (45 km)", a cross-check
    corrected: dict[str, Any] | None = None  # set by geokit.corrections: what the analyst changed

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the contract (estimate fields are added by the estimate stage)."""

        def anchor_dict(p: Place | None, text: str | None) -> dict[str, Any] | None:
            if text is None:
                return None
            if p is None:
                return {"id": None, "name": None, "lat": None, "lon": None, "text": text}
            return {
                "id": p.id,
                "name": p.name,
                "lat": _round(p.lat),
                "lon": _round(p.lon),
                "text": text,
                "extent_m": round(p.extent_m, 1),
            }

        d: dict[str, Any] = {
            "id": self.id,
            "document": self.document,
            "source": self.source,
            "quote": self.quote,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "relation": self.relation,
            "target": self.target,
            "anchor": anchor_dict(self.anchor, self.anchor_text),
            "distance": self.distance.to_dict() if self.distance else None,
            "distance_m": round(self.distance.metres, 3) if self.distance else None,
            "direction": self.direction.to_dict() if self.direction else None,
            "azimuth_deg": self.direction.azimuth if self.direction else None,
            "half_angle_deg": self.direction.half_angle if self.direction else None,
            "hedge": self.hedge,
            "inverse": self.inverse,
            "flags": list(self.flags),
        }
        if self.anchor2_text is not None:
            d["anchor2"] = anchor_dict(self.anchor2, self.anchor2_text)
        if self.input is not None:
            d["input"] = self.input
        if self.corrected is not None:
            d["corrected"] = self.corrected
        return d


@dataclass(slots=True)
class Estimate:
    """Where a claim puts its target: a point, a radius that covers the region, and the region.

    ``components`` names each source of uncertainty in metres (distance precision, hedge,
    direction, anchor extent, ...), so an analyst can see why the region is that big.
    """

    claim_id: str
    lat: float
    lon: float
    radius_m: float
    region: BaseGeometry | None
    method: str
    components: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "claim": self.claim_id,
            "lat": _round(self.lat),
            "lon": _round(self.lon),
            "radius_m": round(self.radius_m, 1),
            "method": self.method,
            "components": {k: round(v, 1) for k, v in self.components.items()},
            "region": geometry_to_geojson(self.region),
        }


@dataclass(slots=True)
class Check:
    """The comparison of two claims about the same target: a verdict and the reasons for it."""

    a: str
    b: str
    verdict: Verdict
    separation_m: float | None
    overlap: float | None
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "a": self.a,
            "b": self.b,
            "verdict": self.verdict,
            "separation_m": _round(self.separation_m, 1),
            "overlap": _round(self.overlap, 4),
            "reasons": list(self.reasons),
        }
