"""A starting corrections file from a run, and the command-line plumbing for corrections.

``geokit corrections template FILES... [-o OUT.json]`` writes one entry per mention (``choose`` its
current place, with the ranked ``alternatives`` beside it; ``keep`` for an unresolved one) and one
per claim (``edit-claim`` with its current fields). Applied unchanged, the file changes nothing; the
analyst edits the entries that are wrong and may delete the others.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from geokit.corrections.schema import Corrections, load_corrections
from geokit.model import Claim, Mention

__all__ = [
    "add_corrections_argument",
    "add_template_parser",
    "corrections_from_args",
    "make_template",
    "run_template",
]

_UNITS = ("km", "m", "mi", "nm", "ft", "yd")


def _mention_entry(doc_id: str, m: Mention, n_alternatives: int) -> dict[str, Any]:
    e: dict[str, Any] = {"document": doc_id, "start": m.start, "end": m.end, "text": m.text}
    if m.place is not None:
        e["action"] = "choose"
        e["place"] = m.place.id
        e["comment"] = f"now: {m.place.name} ({m.place.kind}, {m.place.country or '?'}); {m.reason}"
    else:
        e["action"] = "keep"
        e["comment"] = f"unresolved: {m.reason}"
    e["alternatives"] = [
        {
            "id": c.place.id,
            "name": c.place.name,
            "kind": c.place.kind,
            "country": c.place.country,
            "score": round(c.score, 4),
        }
        for c in m.candidates[:n_alternatives]
    ]
    return e


def _claim_entry(doc_id: str, c: Claim) -> dict[str, Any]:
    e: dict[str, Any] = {"document": doc_id, "start": c.start, "end": c.end, "text": c.text}
    e["action"] = "edit-claim"
    e["quote"] = c.quote
    if c.anchor is not None:
        e["anchor"] = c.anchor.id
    e["target"] = c.target or "unnamed target"
    if c.distance is None:
        e["distance"] = None
    elif c.distance.unit in _UNITS:
        e["distance"], e["unit"] = c.distance.value, c.distance.unit
    e["direction"] = c.direction.words if c.direction is not None else None
    e["hedge"] = c.hedge
    e["inverse"] = c.inverse
    comment = f"relation: {c.relation}"
    if c.flags:
        comment += "; flags: " + ", ".join(c.flags)
    e["comment"] = comment
    return e


def make_template(analysis: Any, *, alternatives: int = 5) -> dict[str, Any]:
    """Return a corrections file (as a dict) that restates every choice of an analysis.

    Parameters
    ----------
    analysis : Analysis or sequence of DocumentResult
    alternatives : int, default 5
        Ranked candidates listed beside each mention.

    Examples
    --------
    >>> from geokit.pipeline import analyse_texts
    >>> t = make_template(analyse_texts(["The camp is 45 km southwest of Sirte."]))
    >>> [(e["action"], e["text"]) for e in t["corrections"]]
    [('choose', 'Sirte'), ('edit-claim', '45 km southwest of Sirte')]
    """
    results = analysis.documents if hasattr(analysis, "documents") else analysis
    entries: list[dict[str, Any]] = []
    for r in results:
        doc_id = r.document.id
        entries.extend(_mention_entry(doc_id, m, alternatives) for m in r.mentions)
        entries.extend(_claim_entry(doc_id, c) for c in r.claims)
    return {
        "version": 1,
        "comment": "edit the wrong entries (action, place, claim fields); delete the others",
        "corrections": entries,
    }


def add_template_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``geokit corrections template FILES... [-o OUT.json] [--given-spans]`` to a CLI's subparsers.

    The new parser's ``func`` default is :func:`run_template`.
    """
    p = subparsers.add_parser("corrections", help="analyst corrections: write a starting file")
    sub = p.add_subparsers(dest="corrections_command", required=True, metavar="ACTION")
    t = sub.add_parser("template", help="write a corrections file restating every place and claim choice")
    t.add_argument("files", nargs="+", metavar="FILE", help=".txt files, .jsonl corpora or folders")
    t.add_argument("-o", "--output", metavar="OUT.json", help="where to write it (default: standard output)")
    t.add_argument("--given-spans", action="store_true", help="resolve the JSONL 'spans' (as geokit parse)")
    t.add_argument("--alternatives", type=int, default=5, help="ranked candidates listed per mention")
    t.set_defaults(func=run_template)
    return p


def run_template(args: argparse.Namespace) -> int:
    """Write the template of ``args.files`` to ``args.output`` (or stdout); return the exit status.

    Inputs that cannot be read are named on stderr and skipped; the status is then 1.
    """
    from geokit.pipeline import parse_paths
    from geokit.text.documents import ReadError

    files = list(args.files)
    errors: list[Any] = [
        ReadError(p, None, None, "no such file or folder") for p in files if not os.path.exists(p)
    ]
    results, read_errors = parse_paths(
        [f for f in files if os.path.exists(f)], given_spans=bool(getattr(args, "given_spans", False))
    )
    documents = list(results)
    errors += read_errors
    for e in errors:  # the inputs that failed first, then what was written
        print(f"geokit: skipped {e}", file=sys.stderr)
    output = getattr(args, "output", None)
    if not documents and errors:
        where = f"; {output} not written" if output else ""
        print(f"geokit: error: no input could be read{where}", file=sys.stderr)
        return 1
    template = make_template(documents, alternatives=int(getattr(args, "alternatives", 5)))
    text = json.dumps(template, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        print(f"geokit: corrections template written to {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 1 if errors else 0


def add_corrections_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--corrections FILE`` (repeatable; applied in order) to a command's parser."""
    parser.add_argument(
        "--corrections",
        action="append",
        metavar="FILE",
        help="apply an analyst corrections file (JSON; see 'geokit corrections template'); repeatable",
    )


def corrections_from_args(args: argparse.Namespace) -> Corrections | None:
    """Return the corrections of ``--corrections FILE...`` (concatenated in order), or None when none.

    Raises
    ------
    geokit.errors.CorrectionError
        When a file is missing or is not a corrections file; the message names it. Entries with
        problems do not raise: they travel in ``Corrections.problems`` and
        :func:`~geokit.corrections.apply_corrections` reports them in the analysis's ``errors``.

    Examples
    --------
    >>> corrections_from_args(argparse.Namespace(corrections=None)) is None
    True
    """
    paths = getattr(args, "corrections", None)
    if not paths:
        return None
    total = Corrections()
    for p in paths:
        total = total + load_corrections(p)
    return total
