"""The task run for each partition on a dask worker: parse, estimate, write the parts, checkpoint."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from geokit.batch.store import Store
from geokit.model import Document
from geokit.text.documents import ReadError

__all__ = ["check_chunk", "correction_payload", "process_partition", "release_checks"]

_PARSER: Any = None  # one parser per worker process (the gazetteer is memory-mapped)


def _parser() -> Any:
    global _PARSER
    if _PARSER is None:
        from geokit.pipeline import _Parser

        _PARSER = _Parser(None)
    return _PARSER


def correction_payload(corrections: Sequence[Any]) -> list[dict[str, Any]]:
    """Return corrections in the plain form :func:`process_partition` takes (JSON, picklable).

    Examples
    --------
    >>> from geokit.corrections import Corrections
    >>> correction_payload(Corrections().not_a_place("d", 0, 5))  # doctest: +NORMALIZE_WHITESPACE
    [{'source': 'corrections', 'entry': 1,
      'correction': {'document': 'd', 'start': 0, 'end': 5, 'action': 'not-a-place'}}]
    """
    return [{"source": c.source, "entry": c.entry, "correction": c.to_dict()} for c in corrections]


def _apply(
    parser: Any, results: list[Any], payload: Sequence[Mapping[str, Any]]
) -> tuple[list[Any], list[dict[str, Any]]]:
    """Apply the corrections of a partition to the results of the documents they name.

    Return the corrected results and the problems, each ``{"k": position in payload, "error": ...}``
    (the caller names the file and entry, which may have moved since the partition was computed).
    """
    from geokit.corrections import Corrections, apply_corrections
    from geokit.corrections.schema import parse_correction
    from geokit.errors import CorrectionError
    from geokit.pipeline import Analysis

    items = [parse_correction(p["correction"], source=p["source"], entry=p["entry"]) for p in payload]
    position: dict[tuple[str, int | None, str | None], int] = {}
    for k, c in enumerate(items):
        position.setdefault((c.source, c.entry, c.document), k)
    named = {c.document for c in items}
    where = [i for i, r in enumerate(results) if r.document.id in named]
    fixed = apply_corrections(
        Analysis([results[i] for i in where]), Corrections(items), gazetteer=parser.gazetteer, estimate=False
    )
    out = list(results)
    for i, r in zip(where, fixed.documents, strict=True):
        out[i] = r
    problems = [
        {"k": position.get((e.source, e.entry, e.document)), "error": e.message}
        for e in fixed.errors
        if isinstance(e, CorrectionError)
    ]
    return out, problems


def process_partition(
    out_dir: str | os.PathLike[str],
    index: int,
    pid: str,
    documents: Sequence[Document],
    errors: Sequence[ReadError] = (),
    corrections: Sequence[Mapping[str, Any]] = (),
    storage_options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Geoparse one partition and write its places, claims and estimates; return its checkpoint.

    ``corrections`` (from :func:`correction_payload`) are the analyst corrections of the
    partition's documents: they are applied before the estimates are made, so estimates and flags
    follow them; a claim the analyst dropped (``not-a-claim``) is written but neither estimated nor
    checked. The corrections that could not be applied are in the checkpoint's
    ``correction_errors`` (``{"k": position in corrections, "error": message}``).

    ``out_dir`` is an absolute local path (the client resolved it) or an object-store URL, opened
    with ``storage_options``.

    The parts are written atomically, then the saved claims, then the checkpoint
    ``_done/<pid>.json`` (last), so a partition is either done or recomputed by the next run. The
    checkpoint holds the counts, the errors and each checked claim's grouping facts
    (:func:`geokit.batch.checks.corpus_facts`), from which the client groups the whole corpus.

    Examples
    --------
    >>> import tempfile, geopandas
    >>> from geokit.model import Document
    >>> out = tempfile.mkdtemp()
    >>> _ = Store(out).prepare()
    >>> rec = process_partition(out, 0, "00000-x", [Document("d", "The camp is 45 km south of Mosul.")])
    >>> rec["places"], rec["claims"], len(geopandas.read_parquet(out + "/places"))
    (1, 1, 1)
    """
    from geokit.batch.checks import corpus_facts
    from geokit.batch.frames import claims_frame, estimates_frame, places_frame
    from geokit.corrections.apply import is_dropped
    from geokit.pipeline import estimate_and_flag

    parser = _parser()
    results = [parser(doc) for doc in documents]
    problems: list[dict[str, Any]] = []
    if corrections:
        results, problems = _apply(parser, results, corrections)
    claims = [c for r in results for c in r.claims]
    live = [c for c in claims if not is_dropped(c)]
    estimates = estimate_and_flag(live)
    store = Store(out_dir, storage_options)
    places = places_frame(results)
    store.write_frame("places", index, places)
    store.write_frame("claims", index, claims_frame(claims, estimates))
    store.write_frame("estimates", index, estimates_frame(claims, estimates))
    store.write_state(pid, live, estimates)
    record = {
        "id": pid,
        "index": index,
        "documents": len(results),
        "places": len(places),
        "claims": len(claims),
        "estimates": len(estimates),
        "errors": [e.to_dict() for e in errors],
        "correction_errors": problems,
        "facts": corpus_facts(live, estimates),
    }
    store.write_done(pid, record)
    return record


#: The saved claims this worker process has loaded for the checks stage: {"key": the stage (output,
#: partitions, wanted positions), partition index: (claims, estimates)}; emptied by
#: :func:`release_checks` when the stage ends.
_STATE: dict[Any, Any] = {}


def check_chunk(
    out_dir: str | os.PathLike[str],
    pids: Sequence[str],
    starts: Sequence[int],
    index: int,
    groups: Sequence[tuple[str, list[int]]],
    storage_options: Mapping[str, Any] | None = None,
    wanted: Sequence[int] | None = None,
) -> int:
    """Check the claims of some target groups against each other; write ``checks/part-<index>``.

    ``pids`` are all the partitions of the run, in order, and ``starts`` the position of each one's
    first claim: the positions of ``groups`` index the run's claims in that order (see
    :func:`geokit.checks.grouping.group_facts`). Only the partitions that hold those claims are
    loaded, once per worker process for the whole stage, and of them only the claims at the
    ``wanted`` positions (sorted; those of every group the stage checks) are kept, or all when
    ``wanted`` is None. Return the number of checks written.

    Examples
    --------
    >>> import tempfile
    >>> from geokit.model import Document
    >>> out = tempfile.mkdtemp()
    >>> _ = Store(out).prepare()
    >>> docs = [Document(d, f"The camp is 45 km {w} of Sirte.") for d, w in (("a", "south"), ("b", "north"))]
    >>> rec = process_partition(out, 0, "00000-x", docs)
    >>> from geokit.checks.grouping import group_facts
    >>> groups = group_facts(rec["facts"])
    >>> groups
    [('camp', [0, 1])]
    >>> check_chunk(out, ["00000-x"], [0], 0, groups), release_checks()
    (1, None)
    """
    from bisect import bisect_right

    from geokit.batch.checks import check_groups
    from geokit.batch.frames import checks_frame

    store = Store(out_dir, storage_options)
    key = (store.location, tuple(pids), None if wanted is None else tuple(wanted))
    if _STATE.get("key") != key:
        _STATE.clear()
        _STATE["key"] = key
    claims: dict[int, Any] = {}
    estimates: dict[str, Any] = {}
    for part in sorted({bisect_right(starts, p) - 1 for _, positions in groups for p in positions}):
        if part not in _STATE:
            _STATE[part] = _kept(store.read_state(pids[part]), starts[part], wanted)
        part_claims, part_estimates = _STATE[part]
        claims.update(part_claims)
        estimates.update(part_estimates)
    targets = check_groups(groups, claims, estimates)
    frame = checks_frame(targets, estimates)
    store.write_frame("checks", index, frame)
    return len(frame)


def _kept(
    state: tuple[list[Any], dict[str, Any]], start: int, wanted: Sequence[int] | None
) -> tuple[dict[int, Any], dict[str, Any]]:
    """Return the claims of a partition's saved state at the ``wanted`` positions, and their estimates."""
    from bisect import bisect_left

    claims, estimates = state
    if wanted is None:
        return dict(enumerate(claims, start=start)), estimates
    lo, hi = bisect_left(wanted, start), bisect_left(wanted, start + len(claims))
    kept = {p: claims[p - start] for p in wanted[lo:hi]}
    return kept, {c.id: estimates[c.id] for c in kept.values() if c.id in estimates}


def release_checks() -> None:
    """Forget the saved claims :func:`check_chunk` loaded (run on every worker when the stage ends)."""
    _STATE.clear()
