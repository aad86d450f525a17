"""Correction records, their JSON form, and reading a corrections file with clear errors.

A corrections file is the JSON object described by ``schema.json`` beside this module (JSON Schema
2020-12). :mod:`jsonschema` checks it against that schema (integers and numbers as JSON has them: no
booleans, no ``3.0`` offsets, no NaN); its errors are turned into one message per entry that names
the file, the entry and the field. The one rule JSON Schema cannot state (``start < end``) is
checked beside it.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from geokit.errors import CorrectionError

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

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
#: What is wrong with a field that breaks the schema (``{value!r}``: its value, ``{allowed}``: its enum).
_FIELD_MESSAGES = {
    "text": "'text' must be a string",
    "quote": "'quote' must be a string",
    "comment": "'comment' must be a string",
    "note": "'note' must be a string or null",
    "name": "'name' must be a string or null",
    "alternatives": "'alternatives' must be a list",
    "place": "'place' must be a gazetteer id such as 'geonames:2988507'",
    "lat": "'lat' must be a number from -90 to 90, not {value!r}",
    "lon": "'lon' must be a number from -180 to 180, not {value!r}",
    "radius_m": "'radius_m' must be a number of metres >= 0, not {value!r}",
    "anchor": '\'anchor\' must be a gazetteer id or a span {{"start": ..., "end": ...}} of a mention',
    "target": "'target' must be a non-empty label",
    "distance": "'distance' must be a number >= 0 or null, not {value!r}",
    "unit": "'unit' must be one of {allowed}, not {value!r}",
    "direction": "'direction' must be compass words such as 'southwest' or null",
    "hedge": "'hedge' must be a hedge word such as 'about' or null",
    "inverse": "'inverse' must be true or false",
}


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


@lru_cache(maxsize=1)
def _validators() -> tuple[Validator, Validator]:
    """Return the validators of one entry and of a file's top level (its entries left to the first)."""
    from jsonschema import Draft202012Validator, validators

    def is_integer(_checker: object, v: object) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    def is_number(_checker: object, v: object) -> bool:
        return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)

    checker = Draft202012Validator.TYPE_CHECKER.redefine_many({"integer": is_integer, "number": is_number})
    strict = validators.extend(Draft202012Validator, type_checker=checker)
    root = schema()
    entry = {**root["$defs"]["correction"], "$defs": root["$defs"]}
    top = {**root, "properties": {**root["properties"], "corrections": {"type": "array"}}}
    return strict(entry), strict(top)


def _keyword(error: ValidationError) -> Any:
    """Return the value, in the schema, of the keyword an error of ``iter_errors`` broke."""
    return error.validator_value


def _known(error: ValidationError) -> set[str]:
    """Return the properties of the schema whose ``additionalProperties`` an error broke."""
    return set(error.schema["properties"]) if isinstance(error.schema, Mapping) else set()


def _entry_problem(obj: Any, errors: list[ValidationError]) -> str | None:
    """Return the first thing wrong with one entry, from its schema ``errors``, or None.

    The order is that of a reader's questions: is it an object, are the keys there, is the span a
    span, is the action known, are the fields known and the action's own, then each field in turn.
    """
    whole = [e for e in errors if not e.path]
    at = {e.path[0]: e for e in reversed(errors) if e.path}  # the first error of each field
    if any(list(e.schema_path) == ["type"] for e in whole):
        return f"a correction must be a JSON object, not {type(obj).__name__}"
    for e in whole:
        if list(e.schema_path) == ["required"]:
            return f"missing {', '.join(repr(k) for k in _keyword(e) if k not in obj)}"
    if "document" in at:
        return "'document' must be a document id (a non-empty string)"
    start, end, action = obj["start"], obj["end"], obj["action"]
    if "start" in at or "end" in at or start >= end:
        return f"'start' and 'end' must be offsets with 0 <= start < end, not {start!r}, {end!r}"
    if "action" in at:
        return f"unknown action {action!r} (one of {', '.join(_keyword(at['action']))})"
    for e in whole:
        if e.validator == "additionalProperties":
            unknown = sorted(set(obj) - _known(e))
            return f"unknown field {', '.join(map(repr, unknown))}"
    misplaced = sorted({str(e.instance) for e in whole if "propertyNames" in e.schema_path})
    if misplaced:
        return f"action {action!r} takes no {', '.join(map(repr, misplaced))}"
    then = [e for e in errors if "then" in e.schema_path and e.validator in ("required", "type")]
    need = [k for e in then for k in (_keyword(e) if e.validator == "required" else [e.path[0]])]
    need = [k for k in dict.fromkeys(need) if obj.get(k) is None]
    if need:
        return f"action {action!r} needs {', '.join(repr(k) for k in need)}"
    for e in whole:
        if e.validator == "anyOf":
            fields = ", ".join(k for one in _keyword(e) for k in one["required"])
            return f"action {action!r} needs at least one of {fields}"
    for k, v in obj.items():
        if k in at:
            allowed = ", ".join(map(str, _keyword(at[k]))) if at[k].validator == "enum" else ""
            return _FIELD_MESSAGES[k].format(value=v, allowed=allowed)
    return errors[0].message if errors else None


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

    problem = _entry_problem(obj, list(_validators()[0].iter_errors(obj)))
    if problem:
        raise fail(problem)
    start, end, action = obj["start"], obj["end"], obj["action"]
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
    problem = _file_problem(data, list(_validators()[1].iter_errors(data)))
    if problem:
        raise CorrectionError(problem, source=source)
    entries = data["corrections"]
    items, problems = [], []
    for i, obj in enumerate(entries, start=1):
        try:
            items.append(parse_correction(obj, source=source, entry=i))
        except CorrectionError as exc:
            problems.append(exc)
    return Corrections(items, source=source, problems=problems)


def _file_problem(data: Any, errors: list[ValidationError]) -> str | None:
    """Return the first thing wrong with a file's top level, from its schema ``errors``, or None."""
    paths = {tuple(e.path) for e in errors}
    if any(list(e.schema_path) == ["type"] for e in errors):
        return f"a corrections file is a JSON object, not {type(data).__name__}"
    for e in errors:
        if e.validator == "additionalProperties":
            unknown = sorted(set(data) - _known(e))
            return f"unknown top-level field {', '.join(map(repr, unknown))}"
    if ("version",) in paths:
        return f"unsupported version {data.get('version')!r} (this geokit reads 1)"
    if ("comment",) in paths:
        return "'comment' must be a string"
    if errors:
        return "'corrections' must be a list of corrections"
    return None


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
        raise CorrectionError("no such file or folder", source=source) from None
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
