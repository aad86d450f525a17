"""Correction records, their JSON form, and reading a corrections file with clear errors.

A corrections file is the JSON object described by ``schema.json`` beside this module (JSON Schema
2020-12). It is checked here by hand, field by field, so that every message names the file, the
entry and the field; ``schema.json`` documents the same rules for other tools.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from geokit.errors import CorrectionError

__all__ = [
    "ACTIONS",
    "CLAIM_FIELDS",
    "Correction",
    "Corrections",
    "load_corrections",
    "parse_corrections",
    "schema",
]

#: The actions a correction can take.
ACTIONS = ("keep", "choose", "not-a-place", "add", "place", "edit-claim", "not-a-claim")
#: The claim fields ``edit-claim`` can change.
CLAIM_FIELDS = ("anchor", "target", "distance", "unit", "direction", "hedge", "inverse")
_UNITS = ("km", "m", "mi", "nm", "ft", "yd")
_INFO = ("text", "note", "alternatives", "quote", "comment", "name")
_ALLOWED: dict[str, tuple[str, ...]] = {
    "keep": (),
    "not-a-place": (),
    "not-a-claim": (),
    "choose": ("place",),
    "add": ("place",),
    "place": ("lat", "lon", "radius_m"),
    "edit-claim": CLAIM_FIELDS,
}
_REQUIRED: dict[str, tuple[str, ...]] = {"choose": ("place",), "place": ("lat", "lon")}
_KEYS = ("document", "start", "end", "action")
_ALL_FIELDS = frozenset(_KEYS + _INFO + ("place", "lat", "lon", "radius_m") + CLAIM_FIELDS)


@dataclass(frozen=True, slots=True)
class Correction:
    """One analyst correction, keyed by document id and character span (never by list position).

    Parameters
    ----------
    document : str
        The document id.
    start, end : int
        The span: a mention (``keep``, ``choose``, ``not-a-place``, ``add``, ``place``) or a claim's
        relative expression (``edit-claim``, ``not-a-claim``), as offsets into the document's text.
    action : str
        One of :data:`ACTIONS`.
    place : str, optional
        A gazetteer id (``choose``; ``add``, where it is optional).
    lat, lon, radius_m, name : optional
        A place given by hand (``place``).
    fields : dict
        The claim fields to change (``edit-claim``); keys from :data:`CLAIM_FIELDS`.
    text : str, optional
        The span's text, checked against the document when given.
    note : str, optional
        Why; kept in the corrected item's marker.
    source, entry : optional
        Where the correction came from (a file and the 1-based entry number), for error messages.

    Examples
    --------
    >>> c = Correction("d1", 28, 33, "choose", place="geonames:4717560", note="the Texas one")
    >>> c.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'document': 'd1', 'start': 28, 'end': 33, 'action': 'choose', 'place': 'geonames:4717560',
     'note': 'the Texas one'}
    """

    document: str
    start: int
    end: int
    action: str
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    radius_m: float | None = None
    name: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)
    text: str | None = None
    note: str | None = None
    source: str = ""
    entry: int | None = None

    def error(self, message: str) -> CorrectionError:
        """Return a :class:`~geokit.errors.CorrectionError` that names this correction."""
        span = f"{self.action} at {self.start}-{self.end}"
        return CorrectionError(
            f"{span}: {message}", source=self.source, entry=self.entry, document=self.document
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (one entry of a corrections file)."""
        d: dict[str, Any] = {"document": self.document, "start": self.start, "end": self.end}
        d["action"] = self.action
        if self.text is not None:
            d["text"] = self.text
        if self.place is not None:
            d["place"] = self.place
        for k in ("lat", "lon", "radius_m", "name"):
            v = getattr(self, k)
            if v is not None:
                d[k] = v
        d.update(self.fields)
        if self.note is not None:
            d["note"] = self.note
        return d


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _check_field(key: str, v: Any) -> str | None:
    """Return what is wrong with the value of one field, or None."""
    if key in ("text", "quote", "comment") and not isinstance(v, str):
        return f"{key!r} must be a string"
    if key in ("note", "name") and v is not None and not isinstance(v, str):
        return f"{key!r} must be a string or null"
    if key == "alternatives" and not isinstance(v, list):
        return "'alternatives' must be a list"
    if key == "place" and v is not None and not (isinstance(v, str) and v):
        return "'place' must be a gazetteer id such as 'geonames:2988507'"
    if key == "lat" and not (_is_number(v) and -90 <= v <= 90):
        return f"'lat' must be a number from -90 to 90, not {v!r}"
    if key == "lon" and not (_is_number(v) and -180 <= v <= 180):
        return f"'lon' must be a number from -180 to 180, not {v!r}"
    if key == "radius_m" and v is not None and not (_is_number(v) and v >= 0):
        return f"'radius_m' must be a number of metres >= 0, not {v!r}"
    if key == "anchor":
        if isinstance(v, str) and v:
            return None
        if isinstance(v, dict) and set(v) == {"start", "end"} and _is_int(v["start"]) and _is_int(v["end"]):
            return None
        return '\'anchor\' must be a gazetteer id or a span {"start": ..., "end": ...} of a mention'
    if key == "target" and not (isinstance(v, str) and v.strip()):
        return "'target' must be a non-empty label"
    if key == "distance" and v is not None and not (_is_number(v) and v >= 0):
        return f"'distance' must be a number >= 0 or null, not {v!r}"
    if key == "unit" and v not in _UNITS:
        return f"'unit' must be one of {', '.join(_UNITS)}, not {v!r}"
    if key == "direction" and v is not None and not (isinstance(v, str) and v.strip()):
        return "'direction' must be compass words such as 'southwest' or null"
    if key == "hedge" and v is not None and not isinstance(v, str):
        return "'hedge' must be a hedge word such as 'about' or null"
    if key == "inverse" and not isinstance(v, bool):
        return "'inverse' must be true or false"
    return None


def parse_correction(obj: Any, *, source: str = "", entry: int | None = None) -> Correction:
    """Check one entry of a corrections file and return it as a :class:`Correction`.

    Raises
    ------
    CorrectionError
        Naming the source, the entry and what is wrong.

    Examples
    --------
    >>> parse_correction({"document": "d", "start": 3, "end": 8, "action": "not-a-place"}).action
    'not-a-place'
    >>> parse_correction({"document": "d", "start": 3, "end": 8, "action": "choose"}, source="f", entry=2)
    Traceback (most recent call last):
    ...
    geokit.errors.CorrectionError: f: entry 2 (document 'd'): action 'choose' needs 'place'
    """
    doc = obj.get("document") if isinstance(obj, dict) else None
    doc = doc if isinstance(doc, str) else None

    def fail(message: str) -> CorrectionError:
        return CorrectionError(message, source=source, entry=entry, document=doc)

    if not isinstance(obj, dict):
        raise fail(f"a correction must be a JSON object, not {type(obj).__name__}")
    missing = [k for k in _KEYS if k not in obj]
    if missing:
        raise fail(f"missing {', '.join(repr(k) for k in missing)}")
    if not (isinstance(obj["document"], str) and obj["document"]):
        raise fail("'document' must be a document id (a non-empty string)")
    start, end, action = obj["start"], obj["end"], obj["action"]
    if not (_is_int(start) and _is_int(end) and 0 <= start < end):
        raise fail(f"'start' and 'end' must be offsets with 0 <= start < end, not {start!r}, {end!r}")
    if action not in ACTIONS:
        raise fail(f"unknown action {action!r} (one of {', '.join(ACTIONS)})")
    unknown = sorted(set(obj) - _ALL_FIELDS)
    if unknown:
        raise fail(f"unknown field {', '.join(map(repr, unknown))}")
    misplaced = sorted(k for k in obj if k not in _KEYS + _INFO and k not in _ALLOWED[action])
    if misplaced:
        raise fail(f"action {action!r} takes no {', '.join(map(repr, misplaced))}")
    need = [k for k in _REQUIRED.get(action, ()) if obj.get(k) is None]
    if need:
        raise fail(f"action {action!r} needs {', '.join(repr(k) for k in need)}")
    if action == "edit-claim" and not any(k in obj for k in CLAIM_FIELDS):
        raise fail(f"action 'edit-claim' needs at least one of {', '.join(CLAIM_FIELDS)}")
    for k, v in obj.items():
        problem = _check_field(k, v)
        if problem:
            raise fail(problem)
    return Correction(
        document=obj["document"],
        start=start,
        end=end,
        action=action,
        place=obj.get("place"),
        lat=float(obj["lat"]) if "lat" in obj else None,
        lon=float(obj["lon"]) if "lon" in obj else None,
        radius_m=None if obj.get("radius_m") is None else float(obj["radius_m"]),
        name=obj.get("name") if action == "place" else None,
        fields={k: obj[k] for k in CLAIM_FIELDS if k in obj},
        text=obj.get("text"),
        note=obj.get("note"),
        source=source,
        entry=entry,
    )


class Corrections:
    """An ordered list of corrections, with the problems found while reading them.

    The methods :meth:`choose`, :meth:`not_a_place`, :meth:`add_mention`, :meth:`place_by_hand`,
    :meth:`edit_claim` and :meth:`not_a_claim` append one correction each and return the
    ``Corrections`` (so calls chain); :meth:`apply` returns a new, recomputed analysis.

    Examples
    --------
    >>> fixes = Corrections().choose("d1", 28, 33, "geonames:4717560").not_a_place("d1", 40, 45)
    >>> len(fixes), [c.action for c in fixes]
    (2, ['choose', 'not-a-place'])
    >>> fixes.to_dict()["corrections"][1]
    {'document': 'd1', 'start': 40, 'end': 45, 'action': 'not-a-place'}
    """

    def __init__(
        self, items: Iterable[Correction] = (), *, source: str = "", problems: Iterable[CorrectionError] = ()
    ) -> None:
        self.items: list[Correction] = list(items)
        self.source = source
        self.problems: list[CorrectionError] = list(problems)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Correction]:
        return iter(self.items)

    def __repr__(self) -> str:
        return f"Corrections({len(self.items)} corrections, {len(self.problems)} problems)"

    def __add__(self, other: Corrections) -> Corrections:
        return Corrections(
            self.items + other.items,
            source=self.source or other.source,
            problems=self.problems + other.problems,
        )

    def _append(self, obj: dict[str, Any]) -> Corrections:
        obj = {k: v for k, v in obj.items() if v is not None}
        self.items.append(
            parse_correction(obj, source=self.source or "corrections", entry=len(self.items) + 1)
        )
        return self

    # -- the analyst's verbs
    def choose(
        self, document: str, start: int, end: int, place_id: str, *, note: str | None = None
    ) -> Corrections:
        """Resolve the mention at ``start:end`` to the gazetteer entry ``place_id``."""
        return self._append(
            {
                "document": document,
                "start": start,
                "end": end,
                "action": "choose",
                "place": place_id,
                "note": note,
            }
        )

    def keep(self, document: str, start: int, end: int, *, note: str | None = None) -> Corrections:
        """Leave the mention at ``start:end`` as it is (the span is still checked)."""
        return self._append(
            {"document": document, "start": start, "end": end, "action": "keep", "note": note}
        )

    def not_a_place(self, document: str, start: int, end: int, *, note: str | None = None) -> Corrections:
        """Say that the mention at ``start:end`` names no place."""
        return self._append(
            {"document": document, "start": start, "end": end, "action": "not-a-place", "note": note}
        )

    def add_mention(
        self, document: str, start: int, end: int, place_id: str | None = None, *, note: str | None = None
    ) -> Corrections:
        """Add a mention the finder missed; without ``place_id`` it is resolved in the document's context."""
        return self._append(
            {
                "document": document,
                "start": start,
                "end": end,
                "action": "add",
                "place": place_id,
                "note": note,
            }
        )

    def place_by_hand(
        self,
        document: str,
        start: int,
        end: int,
        lat: float,
        lon: float,
        radius_m: float | None = None,
        name: str | None = None,
        *,
        note: str | None = None,
    ) -> Corrections:
        """Put the mention at ``start:end`` (existing or new) at ``lat``/``lon``, ``radius_m`` its extent."""
        obj = {"document": document, "start": start, "end": end, "action": "place", "lat": lat, "lon": lon}
        return self._append({**obj, "radius_m": radius_m, "name": name, "note": note})

    def edit_claim(
        self, document: str, start: int, end: int, *, note: str | None = None, **fields: Any
    ) -> Corrections:
        """Change fields of the claim whose expression spans ``start:end``.

        ``fields`` are among ``anchor`` (a gazetteer id, or ``(start, end)`` / ``{"start", "end"}``
        of a mention), ``target`` (a label), ``distance`` (value, or None for none), ``unit``,
        ``direction`` (words, or None), ``hedge`` (word, or None) and ``inverse`` (bool).
        """
        anchor = fields.get("anchor")
        if isinstance(anchor, (tuple, list)) and len(anchor) == 2:
            fields["anchor"] = {"start": anchor[0], "end": anchor[1]}
        obj = {"document": document, "start": start, "end": end, "action": "edit-claim", **fields}
        if note is not None:
            obj["note"] = note
        self.items.append(
            parse_correction(obj, source=self.source or "corrections", entry=len(self.items) + 1)
        )
        return self

    def not_a_claim(self, document: str, start: int, end: int, *, note: str | None = None) -> Corrections:
        """Say that the expression at ``start:end`` locates nothing: kept, flagged, not estimated."""
        return self._append(
            {"document": document, "start": start, "end": end, "action": "not-a-claim", "note": note}
        )

    # -- use
    def apply(self, analysis: Any, **kwargs: Any) -> Any:
        """Return :func:`geokit.corrections.apply_corrections` of ``analysis`` with these corrections."""
        from geokit.corrections.apply import apply_corrections

        return apply_corrections(analysis, self, **kwargs)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of a corrections file."""
        return {"version": 1, "corrections": [c.to_dict() for c in self.items]}

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the corrections as a JSON file (UTF-8, indented, stable order)."""
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(self.to_dict(), fh, ensure_ascii=False, indent=2)
            fh.write("\n")


def parse_corrections(data: Any, *, source: str = "corrections") -> Corrections:
    """Check a decoded corrections file; entries with problems are kept out and listed in ``problems``.

    Raises
    ------
    CorrectionError
        When the whole object is unusable (not an object with a ``corrections`` list, wrong version).

    Examples
    --------
    >>> fixes = parse_corrections({"corrections": [
    ...     {"document": "d", "start": 0, "end": 5, "action": "not-a-place"},
    ...     {"document": "d", "start": 9, "end": 5, "action": "not-a-place"}]}, source="f.json")
    >>> len(fixes), [str(p) for p in fixes.problems]
    (1, ["f.json: entry 2 (document 'd'): 'start' and 'end' must be offsets with 0 <= start < end, not 9, 5"])
    """
    if isinstance(data, list):  # a bare list of corrections is accepted too
        data = {"corrections": data}
    if not isinstance(data, dict):
        raise CorrectionError(
            f"a corrections file is a JSON object, not {type(data).__name__}", source=source
        )
    unknown = sorted(set(data) - {"version", "comment", "corrections"})
    if unknown:
        raise CorrectionError(f"unknown top-level field {', '.join(map(repr, unknown))}", source=source)
    if data.get("version", 1) != 1:
        raise CorrectionError(
            f"unsupported version {data.get('version')!r} (this geokit reads 1)", source=source
        )
    entries = data.get("corrections")
    if not isinstance(entries, list):
        raise CorrectionError("'corrections' must be a list of corrections", source=source)
    items, problems = [], []
    for i, obj in enumerate(entries, start=1):
        try:
            items.append(parse_correction(obj, source=source, entry=i))
        except CorrectionError as exc:
            problems.append(exc)
    return Corrections(items, source=source, problems=problems)


def load_corrections(path: str | os.PathLike[str]) -> Corrections:
    """Read a corrections file; entries with problems are left out and listed in ``problems``.

    Raises
    ------
    CorrectionError
        When the file cannot be read or is not a corrections file at all; the message names it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "fixes.json"
    >>> _ = p.write_text('{"corrections": [{"document": "d", "start": 0, "end": 5, "action": "keep"}]}')
    >>> load_corrections(p)
    Corrections(1 corrections, 0 problems)
    >>> _ = p.write_text('{"corrections": [}')
    >>> load_corrections(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geokit.errors.CorrectionError: .../fixes.json: not valid JSON: line 1 column 18: Expecting value
    """
    source = os.fspath(path)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise CorrectionError("no such file", source=source) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionError(f"cannot read it: {exc}", source=source) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorrectionError(
            f"not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}", source=source
        ) from None
    return parse_corrections(data, source=source)


def schema() -> dict[str, Any]:
    """Return the JSON Schema of a corrections file (``geokit/corrections/schema.json``).

    Examples
    --------
    >>> schema()["title"]
    'geokit analyst corrections'
    """
    return json.loads(
        resources.files("geokit.corrections").joinpath("schema.json").read_text(encoding="utf-8")
    )
