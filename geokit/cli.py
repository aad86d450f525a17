"""The ``geokit`` command line: a thin layer over the library that follows the JSON contract.

Bad input never prints a Python traceback: inputs that cannot be read are named on stderr and
skipped, the others are processed, and the exit status is 1 when any input failed (2 for a
usage error; a mistyped command or option gets a "did you mean"). Set ``GEOKIT_DEBUG=1`` to see
tracebacks of unexpected errors. Without ``--json`` the output is for a person in a terminal: lines
of at most 160 characters, documents named by their titles.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, TextIO

from geokit.errors import GeokitError

if TYPE_CHECKING:
    from geokit.model import Candidate, Mention, Place
    from geokit.pipeline import DocumentResult

__all__ = ["main"]

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def _dumps(obj: Any) -> str:
    """Return ``json.dumps(obj, ensure_ascii=False, allow_nan=False)``."""
    return _ENCODER.encode(obj)


def _dump(obj: Any, out: TextIO) -> None:
    out.write(json.dumps(obj, ensure_ascii=False, allow_nan=False))
    out.write("\n")


def _number_json(x: Any) -> str:
    """Return ``json.dumps(x)`` for a number (``int.__repr__``, ``float.__repr__``, as json does)."""
    if type(x) is int:
        return int.__repr__(x)
    if type(x) is float and math.isfinite(x):
        return float.__repr__(x)
    return _dumps(x)  # other types, and the error json gives for NaN and infinity


class _MentionsJson:
    """Encode the mentions of documents as ``json.dumps(m.to_dict())`` does, faster.

    Each place is encoded once (places recur: the alternatives of every mention of "Paris"), and
    each list of alternatives once per document (mentions of one name share their candidates).
    """

    def __init__(self) -> None:
        self._places: dict[int, tuple[Place, str]] = {}  # id(place) -> (place, its JSON fields)
        self._heads: dict[int, tuple[Place | None, str]] = {}  # the same, as a mention's first fields

    def _head(self, m: Mention) -> str:
        """Return ``json.dumps(m.head_dict())`` without its closing brace.

        The place's fields (``id`` to ``country``) are encoded once per place, then the mention's.
        """
        p = m.place
        known = self._heads.get(id(p))
        if p is None or known is None or known[0] is not p:  # unresolved: named by its own text
            if len(self._heads) > 100_000:
                self._heads.clear()
            d = m.head_dict()
            fields = {k: d[k] for k in ("id", "name", "kind", "lat", "lon", "country")}
            known = (p, _dumps(fields)[:-1])
            if p is not None:
                self._heads[id(p)] = known
        head = (
            f'{known[1]}, "start": {_number_json(m.start)}, "end": {_number_json(m.end)}, '
            f'"text": {encode_basestring(m.text)}, "score": {_number_json(round(m.score, 4))}, '
            f'"reason": {encode_basestring(m.reason)}'
        )
        return head + (', "part": ' + encode_basestring(m.part) if m.part else "")

    def _candidate(self, c: Candidate) -> str:
        """Return ``json.dumps(c.to_dict())``: the place's fields, ``score``, ``reason`` and ``match``."""
        p = c.place
        known = self._places.get(id(p))
        if known is None or known[0] is not p:
            if len(self._places) > 100_000:
                self._places.clear()
            known = self._places[id(p)] = (p, "{" + _dumps(p.to_dict())[1:-1] + ', "score": ')
        return (
            known[1]
            + _number_json(round(c.score, 4))
            + ', "reason": '
            + encode_basestring(c.reason)
            + ', "match": '
            + encode_basestring(c.match)
            + "}"
        )

    def __call__(self, mentions: Sequence[Mention]) -> Iterator[str]:
        """Yield the JSON text of each mention."""
        alternatives: dict[int, str] = {}  # id of a candidate list (alive while the mentions are)
        for m in mentions:
            alts = alternatives.get(id(m.candidates))
            if alts is None:
                alts = "[" + ", ".join([self._candidate(c) for c in m.candidates[:5]]) + "]"
                alternatives[id(m.candidates)] = alts
            corrected = "" if m.corrected is None else ', "corrected": ' + _dumps(m.corrected)
            yield self._head(m) + ', "alternatives": ' + alts + corrected + "}"


def _write_items(items: Iterable[str], n: int, out: TextIO) -> None:
    """Write a JSON list of ``n`` encoded items: joined, or item by item when long (no giant string)."""
    if n > 1000:
        out.write("[")
        for j, item in enumerate(items):
            out.write((", " if j else "") + item)
        out.write("]")
    else:
        out.write("[" + ", ".join(items) + "]")


def _write_result(result: DocumentResult, out: TextIO, mentions_json: _MentionsJson) -> None:
    """Write ``json.dumps(result.to_dict())`` byte for byte, the places encoded by ``mentions_json``."""
    doc = result.document
    out.write('{"id": ' + _dumps(doc.id) + ', "source": ' + _dumps(doc.source) + ', "places": ')
    _write_items(mentions_json(result.mentions), len(result.mentions), out)
    out.write(', "claims": ')
    claims = result.claim_dicts()
    _write_items(map(_dumps, claims), len(claims), out)
    out.write("}")


def _progress(iterable: Iterable[Any], desc: str, total: int | None = None) -> Iterable[Any]:
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, total=total, unit="doc", disable=not sys.stderr.isatty(), leave=False)


def _report_errors(errors: Sequence[Any]) -> int:
    for e in errors:
        print(f"geokit: skipped {e}", file=sys.stderr)
    return EXIT_INPUT_FAILED if errors else EXIT_OK


def _missing_inputs(paths: Sequence[str]) -> list[Any]:
    from geokit.text.documents import ReadError

    return [ReadError(p, None, None, "no such file or folder") for p in paths if not os.path.exists(p)]


def _check_output(path: str | None) -> None:
    """Raise a clear error when ``path`` cannot be an output file (missing folder, a folder itself)."""
    if path is None:
        return
    parent = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise GeokitError(f"cannot write {path}: it is a folder; give a file name")
    if not os.path.isdir(parent):
        raise GeokitError(f"cannot write {path}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise GeokitError(f"cannot write {path}: folder {parent} is not writable")


def _corrections(args: argparse.Namespace) -> Any:
    """Return the analyst corrections named by ``--corrections`` (None without the option)."""
    if not getattr(args, "corrections", None):
        return None
    from geokit.corrections import corrections_from_args

    return corrections_from_args(args)


def _apply_corrections(analysis: Any, errors: list[Any], args: argparse.Namespace) -> tuple[Any, list[Any]]:
    corrections = _corrections(args)
    if corrections is None:
        return analysis, errors
    from geokit.corrections import apply_corrections

    fixed = apply_corrections(analysis, corrections)
    return fixed, [*errors, *[e for e in fixed.errors if e not in errors]]


# -- commands -----------------------------------------------------------------------------------


def cmd_parse(args: argparse.Namespace) -> int:
    """``geokit parse FILES... [--given-spans] --json``: places and claims of each document."""
    from geokit.pipeline import parse_paths

    results, read_errors = parse_paths(args.files, given_spans=args.given_spans)
    errors: Sequence[object] = read_errors  # filled as the documents are read
    corrections = _corrections(args)
    if corrections is not None:
        from geokit.corrections import apply_corrections
        from geokit.pipeline import Analysis

        fixed = apply_corrections(Analysis(list(results)), corrections, estimate=False)
        results, errors = iter(fixed.documents), [*errors, *fixed.errors]
    out = sys.stdout
    if args.json:
        mentions_json = _MentionsJson()
        out.write('{"documents": [')
        for i, r in enumerate(_progress(results, "parse")):
            if i:
                out.write(", ")
            _write_result(r, out, mentions_json)
        out.write("]}\n")
    else:
        for r in _progress(results, "parse"):
            print(f"{r.document.id}: {len(r.mentions)} places, {len(r.claims)} claims")
            for m in r.mentions:
                where = (
                    f"{m.place.name} ({m.place.kind}, {m.place.country})"
                    if m.place
                    else f"unresolved: {m.reason}"
                )
                print(f"  {m.start:>6}-{m.end:<6} {m.text!r:32} {where}")
            for c in r.claims:
                print(f"  claim: {c.text!r} relation={c.relation} inverse={c.inverse} flags={c.flags}")
    return _report_errors(errors)


def cmd_geocode(args: argparse.Namespace) -> int:
    """``geokit geocode NAME [--country CC] --json``: ranked candidates for a name."""
    from geokit.places.gazetteer import get_gazetteer

    if args.online:
        from geokit.places.geocoders import OnlineGeocoder

        locations = OnlineGeocoder(args.online).geocode(args.name, exactly_one=False) or []
        cands = [
            {
                "id": f"{args.online}:{i}",
                "name": loc.address,
                "kind": "online",
                "lat": loc.latitude,
                "lon": loc.longitude,
                "country": None,
                "score": None,
            }
            for i, loc in enumerate(locations)
        ]
    else:
        found = get_gazetteer().lookup(args.name, country=args.country, limit=args.limit)
        cands = [c.to_dict() for c in found]
    if args.json:
        _dump({"query": args.name, "candidates": cands}, sys.stdout)
    else:
        if not cands:
            print(f"no place found for {args.name!r}")
        elif all(c.get("match") == "approximate" for c in cands):
            print(f"no exact match for {args.name!r}; did you mean …?")
        for c in cands:
            print(
                f"{c['score']!s:>7}  {c['name']} ({c['kind']}, {c['country']})  "
                f"{c['lat']}, {c['lon']}  {c['id']}"
            )
    return EXIT_OK


def _statements(texts: Sequence[str]) -> list[str]:
    from geokit.text.documents import clean_text  # undecodable bytes arrive as lone surrogates

    out: list[str] = []
    for t in texts:
        if t == "-":
            out.extend(clean_text(line.rstrip("\n")) for line in sys.stdin if line.strip())
        else:
            out.append(clean_text(t))
    return out


def cmd_resolve(args: argparse.Namespace) -> int:
    """``geokit resolve TEXT... --json``: the claims of each statement with their estimates."""
    from geokit.pipeline import analyse_texts

    texts = _statements(args.texts)
    analysis = analyse_texts(texts)
    if args.json:
        claims = [d for r in analysis.documents for d in r.to_dict(analysis.estimates)["claims"]]
        _dump({"claims": claims}, sys.stdout)
    else:
        for i, text in enumerate(texts):
            _print_reading(i, text, [c for c in analysis.claims if c.input == i], analysis.estimates)
    return EXIT_OK


_GLUE = "\x00"  # a space that wrapping does not break at (printed as a space)


def _where(estimate: Any, claim: Any = None) -> str:
    """Return an estimate as a person reads it, ``30.9215, 16.2558 ± 23.2 km``, kept on one line.

    A band along a line (a river, border or coast) reads as the band it is, not as a point with
    the radius of the whole band: ``band 7.5–12.5 km from Tigris on its E side, along the stretch
    near Mosul; e.g. 36.3900, 43.1730``.
    """
    point = f"{estimate.lat:.4f}, {estimate.lon:.4f}".replace(" ", _GLUE)
    band = estimate.components if estimate.method.startswith("line-band") else None
    if band and claim is not None and claim.anchor is not None and "band_width" in band:
        low, high = (band["distance"] + k * band["band_width"] / 2.0 for k in (-1, 1))
        from geokit.claims.grammar import compass_word

        side = ""
        if estimate.method == "line-band-side" and claim.direction is not None:
            azimuth = claim.direction.azimuth + (180.0 if claim.inverse else 0.0)
            side = f" on its {compass_word(azimuth)} side"
        along = f"the stretch near {claim.anchor2.name}" if claim.anchor2 is not None else "its whole length"
        span = f"{low / 1000:.1f}–{high / 1000:.1f} km"
        return f"band {span} from {claim.anchor.name}{side}, along {along}; e.g. {point}"
    return f"{point} ± {estimate.radius_m / 1000:.1f} km".replace(" ", _GLUE)


def _say(text: str, indent: str, more: str, width: int = 100) -> None:
    """Print ``text`` wrapped to ``width`` characters, the first line after ``indent``.

    Words joined by :data:`_GLUE` stay on one line (which may then run past ``width``, while
    shorter than ``width`` themselves).
    """
    import textwrap

    lines = textwrap.fill(text, width, initial_indent=indent, subsequent_indent=more, break_on_hyphens=False)
    print(lines.replace(_GLUE, " "))


def _print_reading(i: int, text: str, claims: Sequence[Any], estimates: Any) -> None:
    """Print what ``geokit resolve`` read in statement ``i``: target, anchor, inverse, estimate, flags."""
    from geokit.claims.wording import describe

    print(f"[{i}] {_clip(text, None, 150)}")
    if not claims:
        _say("nothing read: no distance, direction or nearness relative to a place", "  ", "    ")
    for c in claims:
        if c.anchor is not None:
            p = c.anchor
            place = f"({p.kind}, {p.country or '?'}, {p.id})".replace(" ", _GLUE)
            anchor = f"{c.anchor_text!r} = {p.name} {place}"
        else:
            anchor = f"{c.anchor_text!r}, not found"
        if c.inverse:
            how = "inverse: the sentence places the anchor relative to the target"
        else:
            how = "not inverse: the sentence places the target relative to the anchor"
        _say(f"read {c.text!r}: target {c.target!r}; anchor {anchor}; {how}", "  ", "    ")
        e = estimates.get(c.id)
        _say(f"{c.target} is {describe(c)}: {_where(e, c) if e else 'no estimate'}", "  → ", "    ")
        if c.flags:
            _say("flags: " + "; ".join(c.flags), "  ", "    ")


def cmd_check(args: argparse.Namespace) -> int:
    """``geokit check FILES... | --text T --text T | --jsonl FILE``: do the statements agree."""
    from geokit.pipeline import analyse, analyse_texts

    if args.jsonl:
        return _check_jsonl(args.jsonl, args)
    if args.text:
        from geokit.text.documents import clean_text

        analysis = analyse_texts([clean_text(t) for t in args.text], one_target=True)
        errors: list[Any] = []
    elif args.files:
        errors = _missing_inputs(args.files)
        analysis = analyse([f for f in args.files if os.path.exists(f)])
        errors += analysis.errors
    else:
        raise GeokitError("give FILES, --text statements or --jsonl FILE")
    analysis, errors = _apply_corrections(analysis, errors, args)
    status = _report_errors(errors)  # the inputs that failed first, then what was read
    if args.files and errors and not analysis.documents and not args.json:
        print("geokit: error: no input could be read", file=sys.stderr)
        return status
    _print_check(analysis, args)
    return status


def _print_check(analysis: Any, args: argparse.Namespace) -> None:
    if args.json:
        _dump({"targets": [t.to_dict(analysis.estimates) for t in analysis.targets]}, sys.stdout)
        return
    if not analysis.targets:
        print("no claim locates a target")
    from geokit.frames import document_names

    names = document_names(analysis.documents)
    for t in analysis.targets:
        _print_target(t, analysis.estimates, names)


def _clip(quote: str, phrase: str | None, width: int) -> str:
    """Return ``quote`` on one line of at most ``width`` characters, cut around ``phrase``."""
    q = " ".join(quote.split())
    if len(q) <= width:
        return q
    at = q.find(" ".join(phrase.split())) if phrase else -1
    room = width - 2
    if at < 0:
        return q[:room].rstrip() + "…"
    start = max(0, min(at - (room - len(phrase or "")) // 2, len(q) - room))
    cut = q[start : start + room].strip()
    return ("…" if start > 0 else "") + cut + ("…" if start + room < len(q) else "")


def _print_target(target: Any, estimates: Any, names: dict[str, str] | None = None) -> None:
    """Print a target as a person reads it, in lines of at most 160 characters.

    The verdict, the summary, each source by name with what it says, its estimate and its quoted
    sentence, then the pairwise checks.
    """
    from geokit.claims.wording import describe
    from geokit.text.documents import retitle

    names = names or {}

    def who(c: Any) -> str:
        return names.get(c.document) or retitle(c.source or c.document, names)

    print(f"{target.label}: {target.verdict}")
    _say(retitle(target.summary, names), "  ", "    ")
    by_id = {c.id: c for c in target.claims}
    shown: set[tuple[str, str]] = set()
    for c in target.claims:
        quote = _clip(c.quote, c.text, 140)
        if (who(c), quote) in shown:
            continue  # the same sentence again in one source
        shown.add((who(c), quote))
        e = estimates.get(c.id)
        where = _where(e, c) if e else "no estimate" + (f" ({'; '.join(c.flags)})" if c.flags else "")
        _say(f"{who(c)}: {describe(c)} →{_GLUE}{where}", "  - ", "      ")
        print(f'      "{quote}"')
    for k in target.checks:
        a, b = by_id.get(k.a), by_id.get(k.b)
        pair = f"{who(a) if a else k.a} vs {who(b) if b else k.b}"
        _say(f"{k.verdict}: {pair}: " + retitle("; ".join(k.reasons), names), "  * ", "      ")


def _check_jsonl(path: str, args: argparse.Namespace) -> int:
    from geokit.pipeline import analyse_texts

    try:  # bytes, decoded line by line: one line that is not UTF-8 does not stop the others
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        from geokit.errors import DocumentError

        why = "no such file or folder" if isinstance(exc, FileNotFoundError) else exc.strerror or str(exc)
        raise DocumentError(path, why) from None
    failed = 0
    with fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    raise ValueError("not UTF-8 text") from None
                statements = json.loads(line)
                if not isinstance(statements, list) or not all(isinstance(s, str) for s in statements):
                    raise ValueError("each line must be a JSON array of statements (strings)")
            except (ValueError, RecursionError) as exc:
                if isinstance(exc, RecursionError):
                    exc = ValueError("not JSON (nested too deeply)")
                print(f"geokit: skipped {path}:{n}: {exc}", file=sys.stderr)
                _dump({"targets": [], "error": str(exc)}, sys.stdout)
                failed += 1
                continue
            analysis = analyse_texts(statements, one_target=True)
            _print_check(analysis, args)
    return EXIT_INPUT_FAILED if failed else EXIT_OK


def cmd_georef(args: argparse.Namespace) -> int:
    """``geokit georef``: the point-radius computation from explicit inputs."""
    from geokit.estimates.calculator import georef_from_args

    result = georef_from_args(
        mode=args.mode,
        lat=args.lat,
        lon=args.lon,
        type=args.type,
        distance=args.distance,
        unit=args.unit,
        direction=args.direction,
        heading=args.heading,
        offset_ns=args.offset_ns,
        offset_ns_direction=args.offset_ns_direction,
        offset_ew=args.offset_ew,
        offset_ew_direction=args.offset_ew_direction,
        distance_precision=args.distance_precision,
        radial=args.radial,
        measurement_error=args.measurement_error,
        coordinate_precision=args.coordinate_precision,
    )
    if args.json:
        _dump(result, sys.stdout)
    else:
        print(f"{result['lat']:.6f}, {result['lon']:.6f} ± {result['radius_m']:.0f} m")
        for k, v in result.get("components", {}).items():
            print(f"  {k}: {v}")
    return EXIT_OK


def cmd_map(args: argparse.Namespace) -> int:
    """``geokit map FILES... -o OUT.html [--offline]``: everything on one layered map."""
    from geokit.pipeline import analyse

    for out in (args.output, args.png):
        _check_output(out)  # before the work, not after it
    errors = _missing_inputs(args.files)
    analysis = analyse([f for f in args.files if os.path.exists(f)])
    errors += analysis.errors
    analysis, errors = _apply_corrections(analysis, errors, args)
    status = _report_errors(errors)  # the inputs that failed first, then what was written
    if not analysis.documents:
        written = " or ".join(p for p in (args.output, args.png) if p)
        print(f"geokit: error: no input could be read; {written} not written", file=sys.stderr)
        return EXIT_INPUT_FAILED
    m = analysis.to_map(offline=not args.online, tiles=args.tiles)
    try:
        m.save(args.output)
    except OSError as exc:
        raise GeokitError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"geokit: map written to {args.output}", file=sys.stderr)
    if args.png:
        m.to_png(args.png)
        print(f"geokit: picture written to {args.png}", file=sys.stderr)
    return status


def cmd_data(args: argparse.Namespace) -> int:
    """``geokit data build|info``: build the offline gazetteer and land mask, or describe them."""
    from geokit.places.build import build_gazetteer
    from geokit.places.gazetteer import default_data_dir, get_gazetteer
    from geokit.places.landmask import build_land_mask, land_mask_dir

    target = default_data_dir()
    if args.action == "build":
        if (target / "manifest.json").exists() and not args.force:
            print(f"geokit: gazetteer already built at {target} (use --force to rebuild)", file=sys.stderr)
        else:
            build_gazetteer(target, progress=True)
        if not (land_mask_dir() / "mask.json").exists() or args.force:
            print(f"geokit: packing the land mask into {land_mask_dir()}", file=sys.stderr)
            build_land_mask()
    gaz = get_gazetteer()
    if args.action == "info" or args.json:
        _dump({"path": str(gaz.path), "land_mask": str(land_mask_dir()), **gaz.manifest}, sys.stdout)
    return EXIT_OK


# -- argument parsing ---------------------------------------------------------------------------


def _version() -> str:
    """Return the version of the geokit that runs (an editable install's metadata can lag behind)."""
    from geokit import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``geokit`` command."""
    from geokit.batch.cli import add_batch_arguments
    from geokit.batch.cli import run_from_args as run_batch_from_args
    from geokit.corrections.template import add_corrections_argument, add_template_parser

    p = argparse.ArgumentParser(prog="geokit", description="Place mentions in text -> honest maps (offline).")
    p.add_argument("--version", action="version", version=f"geokit {_version()}", help="print the version")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("parse", help="find and resolve places and claims in documents")
    s.add_argument("files", nargs="+", metavar="FILE", help=".txt files, .jsonl corpora or folders")
    s.add_argument(
        "--given-spans", action="store_true", help="resolve the JSONL 'spans' instead of finding mentions"
    )
    s.add_argument("--json", action="store_true", help="print the JSON contract")
    add_corrections_argument(s)
    s.set_defaults(func=cmd_parse)

    s = sub.add_parser("geocode", help="look a place name up in the offline gazetteer")
    s.add_argument("name", help="the place name to look up, as written")
    s.add_argument("--country", metavar="CC", help="ISO 3166-1 alpha-2 code to restrict to")
    s.add_argument("--limit", type=int, default=10, metavar="N", help="most candidates shown (default 10)")
    s.add_argument(
        "--online", metavar="PROVIDER", help="use an online geocoder through geopy (e.g. nominatim)"
    )
    s.add_argument("--json", action="store_true", help="print the JSON contract")
    s.set_defaults(func=cmd_geocode)

    s = sub.add_parser("resolve", help="estimate where relative statements put their targets")
    s.add_argument("texts", nargs="+", metavar="TEXT", help="statements; '-' reads one per line from stdin")
    s.add_argument("--json", action="store_true", help="print the JSON contract")
    s.set_defaults(func=cmd_resolve)

    s = sub.add_parser("check", help="check stated distances about the same target against each other")
    s.add_argument("files", nargs="*", metavar="FILE", help=".txt files, .jsonl corpora or folders")
    s.add_argument("--text", action="append", help="a statement from one source (repeat for each source)")
    s.add_argument("--jsonl", metavar="FILE", help="each line a JSON array of statements ('-' = stdin)")
    s.add_argument("--json", action="store_true", help="print the JSON contract")
    add_corrections_argument(s)
    s.set_defaults(func=cmd_check)

    s = sub.add_parser(
        "georef", help="point-radius georeference from explicit inputs (Georeferencing Calculator)"
    )
    s.add_argument(
        "--mode",
        choices=("calculator", "exact"),
        default="calculator",
        help="calculator: the Georeferencing Calculator's numbers; exact: geokit's geodesic region",
    )
    s.add_argument("--lat", type=float, required=True, help="latitude of the named place (WGS84 degrees)")
    s.add_argument("--lon", type=float, required=True, help="longitude of the named place (WGS84 degrees)")
    s.add_argument(
        "--type",
        required=True,
        help="the kind of locality description",
        choices=(
            "coordinates-only",
            "feature-only",
            "distance-only",
            "distance-at-heading",
            "orthogonal-offsets",
            "distance-along-path",
        ),
    )
    s.add_argument("--distance", type=float, metavar="D", help="the stated distance, in --unit")
    s.add_argument("--unit", default="km", help="unit of distances: km, mi, m, nm, ft or yd (default km)")
    s.add_argument("--direction", help="compass direction from the place: N, NNE, NE, ..., NbE")
    s.add_argument("--heading", type=float, metavar="DEG", help="bearing in degrees clockwise from north")
    s.add_argument("--offset-ns", type=float, metavar="D", help="north-south offset, in --unit")
    s.add_argument("--offset-ns-direction", choices=("N", "S"), help="direction of the north-south offset")
    s.add_argument("--offset-ew", type=float, metavar="D", help="east-west offset, in --unit")
    s.add_argument("--offset-ew-direction", choices=("E", "W"), help="direction of the east-west offset")
    s.add_argument(
        "--distance-precision",
        type=float,
        metavar="P",
        help="precision of the distance, in --unit (0: exact)",
    )
    s.add_argument("--radial", type=float, metavar="R", help="the place's extent (centre to edge), in --unit")
    s.add_argument("--measurement-error", type=float, metavar="E", help="measurement error, in --unit")
    s.add_argument(
        "--coordinate-precision",
        type=float,
        metavar="DEG",
        help="precision of --lat/--lon in degrees (0: exact)",
    )
    s.add_argument("--json", action="store_true", help="print the JSON contract")
    s.set_defaults(func=cmd_georef)

    s = sub.add_parser("map", help="draw places, estimates, regions and checks on a layered HTML map")
    s.add_argument("files", nargs="+", metavar="FILE", help=".txt files, .jsonl corpora or folders")
    s.add_argument("-o", "--output", required=True, metavar="OUT.html", help="the HTML map to write")
    s.add_argument("--offline", action="store_true", default=True, help="self-contained HTML (the default)")
    s.add_argument(
        "--online", action="store_true", help="load an online tile layer instead of the offline basemap"
    )
    s.add_argument("--tiles", help="xyzservices tile provider name for --online (default OpenStreetMap)")
    s.add_argument("--png", metavar="OUT.png", help="also write a picture (needs Chromium)")
    add_corrections_argument(s)
    s.set_defaults(func=cmd_map)

    add_template_parser(sub)

    s = sub.add_parser("batch", help="geoparse a corpus on dask into resumable GeoParquet datasets")
    add_batch_arguments(s)
    s.set_defaults(func=run_batch_from_args)

    s = sub.add_parser("data", help="build or describe the offline gazetteer")
    s.add_argument("action", choices=("build", "info"), help="build: make the data; info: describe it")
    s.add_argument("--force", action="store_true", help="rebuild even when the data is there")
    s.add_argument("--json", action="store_true", help="print the description as JSON")
    s.set_defaults(func=cmd_data)
    return p


def _mistyped_option(parser: argparse.ArgumentParser, words: Sequence[str]) -> str | None:
    """Return "unknown option '--jsn'; did you mean '--json'?" for a mistyped long option of ``parser``.

    An option argparse accepts (its own name or an abbreviation) and one with no close name are left
    to argparse; so is everything after ``--``.
    """
    import difflib

    known = [s for a in parser._actions for s in a.option_strings if s.startswith("--")]
    for word in words:
        if word == "--":
            break
        name = word.split("=", 1)[0]
        if not name.startswith("--") or any(k.startswith(name) for k in known):
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            return f"unknown option {name!r}; did you mean {close[0]!r}?"
    return None


def _mistyped_command(
    parser: argparse.ArgumentParser, argv: Sequence[str]
) -> tuple[argparse.ArgumentParser, str] | None:
    """Return the parser and "unknown command 'chek'; did you mean 'check'?" for a mistyped command.

    Each parser's first argument that is not an option is its command; a known one leads to its
    own parser (``corrections template``), whose options are then checked the same way
    (:func:`_mistyped_option`). Unknown names with no close match are left to argparse.
    """
    import difflib

    words = list(argv)
    while True:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        at = next((i for i, w in enumerate(words) if not w.startswith("-")), len(words))
        option = _mistyped_option(parser, words[:at] if subs else words)
        if option:
            return parser, option
        if not subs or at == len(words):
            return None
        word, choices = words[at], subs[0].choices
        if word in choices:
            parser, words = choices[word], words[at + 1 :]
            continue
        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
        if not close:
            return None
        return parser, f"unknown command {word!r}; did you mean {close[0]!r}?"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``geokit`` command; return its exit status."""
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    mistyped = _mistyped_command(parser, argv)
    if mistyped:
        where, message = mistyped
        where.print_usage(sys.stderr)
        print(f"{where.prog}: error: {message}", file=sys.stderr)
        return EXIT_USAGE
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except GeokitError as exc:
        print(f"geokit: error: {exc}", file=sys.stderr)
        return EXIT_INPUT_FAILED
    except KeyboardInterrupt:
        print("geokit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("GEOKIT_DEBUG"):
            raise
        print(
            f"geokit: internal error: {type(exc).__name__}: {exc} (GEOKIT_DEBUG=1 shows details)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
