"""The task run for each partition on a dask worker: parse, estimate, write the parts, checkpoint."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from geokit.batch.store import Store
from geokit.model import Document
from geokit.text.documents import ReadError

__all__ = ["check_chunk", "process_partition"]

_PARSER: Any = None  # one parser per worker process (the gazetteer is memory-mapped)


def _parser() -> Any:
    global _PARSER
    if _PARSER is None:
        from geokit.pipeline import _Parser

        _PARSER = _Parser(None)
    return _PARSER


def process_partition(
    out_dir: str | os.PathLike[str],
    index: int,
    pid: str,
    documents: Sequence[Document],
    errors: Sequence[ReadError] = (),
) -> dict[str, Any]:
    """Geoparse one partition and write its places, claims and estimates; return its checkpoint.

    The parts are written atomically, then the saved claims, then the checkpoint
    ``_done/<pid>.json`` (last), so a partition is either done or recomputed by the next run.

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
    from geokit.batch.frames import claims_frame, estimates_frame, places_frame
    from geokit.checks.land import claim_flags
    from geokit.estimates import estimate_claims

    parser = _parser()
    results = [parser(doc) for doc in documents]
    claims = [c for r in results for c in r.claims]
    estimates = estimate_claims(claims)
    for c in claims:
        e = estimates.get(c.id)
        if e is not None:
            for flag in claim_flags(c, e):
                if flag not in c.flags:
                    c.flags.append(flag)
    store = Store(out_dir)
    places = places_frame(results)
    store.write_frame("places", index, places)
    store.write_frame("claims", index, claims_frame(claims, estimates))
    store.write_frame("estimates", index, estimates_frame(claims, estimates))
    store.write_state(pid, claims, estimates)
    record = {
        "id": pid,
        "index": index,
        "documents": len(results),
        "places": len(places),
        "claims": len(claims),
        "estimates": len(estimates),
        "errors": [e.to_dict() for e in errors],
    }
    store.write_done(pid, record)
    return record


_STATE: dict[str, Any] = {}  # the claims of the whole run, loaded once per worker process


def check_chunk(
    out_dir: str | os.PathLike[str], pids: Sequence[str], index: int, groups: Sequence[tuple[str, list[int]]]
) -> int:
    """Check the claims of some target groups against each other; write ``checks/part-<index>``.

    ``pids`` are all the partitions of the run, in order (their saved claims, concatenated, are
    what the positions of ``groups`` index, see :func:`geokit.batch.checks.group_corpus`).
    Return the number of checks written.
    """
    from geokit.batch.checks import check_groups
    from geokit.batch.frames import checks_frame

    store = Store(out_dir)
    key = (str(store.root), tuple(pids))
    if _STATE.get("key") != key:
        _STATE.clear()
        claims: list[Any] = []
        estimates: dict[str, Any] = {}
        for pid in pids:
            c, e = store.read_state(pid)
            claims += c
            estimates.update(e)
        _STATE.update(key=key, claims=claims, estimates=estimates)
    targets = check_groups(groups, _STATE["claims"], _STATE["estimates"])
    frame = checks_frame(targets, _STATE["estimates"])
    store.write_frame("checks", index, frame)
    return len(frame)
