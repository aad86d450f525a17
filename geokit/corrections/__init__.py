"""Analyst corrections: override a place choice or a claim, and everything downstream is recomputed.

An analyst who reads geokit's output can say, for any document and character span,

- ``choose``: this mention means another gazetteer entry (one of its ranked alternatives, or any id);
- ``not-a-place``: this mention names no place;
- ``add``: here is a place name the finder missed (resolved in the document's context, or given an id);
- ``place``: put this mention (existing or new) at coordinates given by hand, with a radius;
- ``edit-claim``: this relative expression has another anchor, target, distance, unit, direction,
  hedge or ``inverse`` than geokit read;
- ``not-a-claim``: this expression locates nothing (kept, flagged, not estimated);
- ``keep``: leave this mention as it is (what a template says for each unresolved mention).

:func:`apply_corrections` returns a new :class:`~geokit.pipeline.Analysis`: claims are extracted
again from the corrected mentions, claim edits are applied, then estimates and checks are
recomputed. Corrected mentions and claims carry ``corrected`` = ``{"by": "analyst", "action",
"original", "note"}`` (``"recomputed"`` for a claim whose anchor mention was corrected); the maps
draw them with an orange dashed outline and say what changed from what. The same inputs and the
same corrections always give the same outputs.

In Python::

    fixes = Corrections().choose("story", 28, 33, "geonames:4717560").add_mention("story", 140, 155)
    fixed = apply_corrections(analysis, fixes)     # or fixes.apply(analysis)
    fixed.errors                                   # CorrectionErrors of corrections that did not apply

The corrections file
--------------------
A JSON object (schema: ``geokit/corrections/schema.json``, JSON Schema 2020-12; :func:`schema`)::

    {"version": 1,
     "corrections": [
       {"document": "story", "start": 28, "end": 33, "action": "choose", "place": "geonames:4717560",
        "text": "Paris", "note": "the Texas town"},
       {"document": "story", "start": 90, "end": 101, "action": "not-a-place"},
       {"document": "story", "start": 140, "end": 155, "action": "add"},
       {"document": "story", "start": 160, "end": 165, "action": "place", "lat": 33.66, "lon": -95.55,
        "radius_m": 5000, "name": "the fairground"},
       {"document": "story", "start": 200, "end": 223, "action": "edit-claim", "distance": 16,
        "unit": "km", "direction": "north", "hedge": null, "anchor": {"start": 28, "end": 33}},
       {"document": "story", "start": 240, "end": 262, "action": "not-a-claim"}]}

- ``document`` is a document id (the ``.txt`` file's stem, the JSONL ``id``; ``input0``, ``input1``…
  for statements given as text); ``start`` / ``end`` are offsets in that document's text (Python
  string indices): the mention's span, or for ``edit-claim`` / ``not-a-claim`` the claim's ``start``
  / ``end`` (its relative expression, as ``geokit parse --json`` prints them). Corrections are never
  keyed by list position.
- ``text`` (optional) is checked against the document: a corrections file written for another
  version of a text is refused rather than applied to the wrong words.
- ``place`` is a gazetteer id (``choose``, required; ``add``, optional); ``lat``, ``lon`` (required),
  ``radius_m``, ``name`` belong to ``place``; ``anchor`` (an id, or ``{"start", "end"}`` of a mention
  of the same document), ``target``, ``distance`` (null: none), ``unit`` (km, m, mi, nm, ft, yd),
  ``direction`` (compass words or a bearing; null: none), ``hedge`` (null: none) and ``inverse``
  belong to ``edit-claim``. A field given to an action it does not belong to is an error.
- ``note`` is kept in the marker; ``alternatives``, ``quote``, ``comment`` and (except for ``place``)
  ``name`` are informational and ignored.
- A ``choose`` of the current place, or an ``edit-claim`` of the current values, changes nothing
  and marks nothing: ``geokit corrections template FILES`` writes such a file, one entry per mention
  and per claim, for the analyst to edit.

Errors: :func:`load_corrections` raises :class:`~geokit.errors.CorrectionError` naming the file for
a file that cannot be read or is not a corrections object; an entry that breaks the schema, or a
correction that names a document, span or id that does not exist, or a second correction of the same
span, becomes a ``CorrectionError`` naming the file and the entry, collected in the corrected
analysis's ``errors`` while the other corrections still apply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokit._lazy import lazy_attributes
from geokit.corrections.schema import (
    ACTIONS,
    Correction,
    Corrections,
    load_corrections,
    parse_corrections,
    schema,
)
from geokit.corrections.template import (
    add_corrections_argument,
    add_template_parser,
    corrections_from_args,
    make_template,
    run_template,
)

if TYPE_CHECKING:
    from geokit.corrections.apply import NOT_A_CLAIM, NOT_A_PLACE, apply_corrections, is_dropped
    from geokit.corrections.display import mentions_html, mentions_table

__all__ = [
    "ACTIONS",
    "NOT_A_CLAIM",
    "NOT_A_PLACE",
    "Correction",
    "Corrections",
    "add_corrections_argument",
    "add_template_parser",
    "apply_corrections",
    "corrections_from_args",
    "is_dropped",
    "load_corrections",
    "make_template",
    "mentions_html",
    "mentions_table",
    "parse_corrections",
    "run_template",
    "schema",
]

# Applying and displaying need the whole pipeline; they load on first use, so the command line's
# argument parser (which adds --corrections to several commands) stays cheap to build.
_LAZY = {
    "NOT_A_CLAIM": "geokit.corrections.apply",
    "NOT_A_PLACE": "geokit.corrections.apply",
    "apply_corrections": "geokit.corrections.apply",
    "is_dropped": "geokit.corrections.apply",
    "mentions_html": "geokit.corrections.display",
    "mentions_table": "geokit.corrections.display",
}

__getattr__ = lazy_attributes(__name__, _LAZY)
