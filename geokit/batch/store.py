"""The output folder of a batch run: atomic writes, per-partition checkpoints and saved claims.

Layout of ``OUT_DIR``::

    places/part-00000.parquet     claims/...   estimates/...   checks/part-00000.parquet
    _state/<partition id>.pkl     the partition's Claim and Estimate objects (for the checks stage)
    _done/<partition id>.json     checkpoint, written last: counts and the inputs that failed
    errors.jsonl  summary.json

Every file is written to a temporary name in its folder and renamed into place, so a run killed
at any moment leaves either the old file, the new file, or a ``*.tmp`` file that the next run
deletes. A partition counts as done only when its checkpoint exists.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import uuid
from pathlib import Path
from typing import Any

from geokit.errors import DataError

__all__ = [
    "DATASETS",
    "Store",
]

#: The GeoParquet datasets a batch run writes, one folder each.
DATASETS = ("places", "claims", "estimates", "checks")

# classes the saved claims may contain: geokit's model, shapely's geometry constructor, builtins
_ALLOWED = {
    ("geokit.model", name)
    for name in ("Candidate", "Claim", "Direction", "Distance", "Document", "Estimate", "Mention", "Place")
} | {("shapely.io", "from_wkb"), ("shapely.wkb", "loads"), ("copyreg", "_reconstructor")}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED or (module.startswith("shapely.geometry") and name[:1].isupper()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refusing {module}.{name}")


class Store:
    """The output folder of one batch run.

    Examples
    --------
    >>> import tempfile
    >>> s = Store(tempfile.mkdtemp())
    >>> s.prepare()
    0
    >>> s.write_done("00000-abc", {"documents": 2})
    >>> s.is_done("00000-abc"), s.read_done("00000-abc")["documents"]
    (True, 2)
    >>> s.part_path("places", 7).name
    'part-00007.parquet'
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.done_dir = self.root / "_done"
        self.state_dir = self.root / "_state"

    def prepare(self) -> int:
        """Create the folders and delete temporary files left by a killed run; return how many."""
        for d in (*DATASETS, "_done", "_state"):
            (self.root / d).mkdir(parents=True, exist_ok=True)
        n = 0
        for d in (self.root, *(self.root / x for x in (*DATASETS, "_done", "_state"))):
            for p in d.glob(".*.tmp"):
                p.unlink(missing_ok=True)
                n += 1
        return n

    # -- atomic writes ----------------------------------------------------------------------

    def _tmp(self, path: Path) -> Path:
        return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")

    def write_bytes(self, path: Path, data: bytes) -> None:
        """Write ``data`` to ``path`` atomically (temporary file, fsync, rename)."""
        tmp = self._tmp(path)
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def write_text(self, path: Path, text: str) -> None:
        """Write ``text`` (UTF-8) to ``path`` atomically."""
        self.write_bytes(path, text.encode("utf-8"))

    def write_frame(self, dataset: str, index: int, frame: Any) -> Path:
        """Write a GeoDataFrame as ``<dataset>/part-<index>.parquet`` (GeoParquet), atomically."""
        path = self.part_path(dataset, index)
        tmp = self._tmp(path)
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, path)
        return path

    def part_path(self, dataset: str, index: int) -> Path:
        """Return the path of one part of a dataset."""
        return self.root / dataset / f"part-{index:05d}.parquet"

    # -- checkpoints and state --------------------------------------------------------------

    def is_done(self, pid: str) -> bool:
        """Whether partition ``pid`` finished (its checkpoint is written last)."""
        return (self.done_dir / f"{pid}.json").is_file()

    def write_done(self, pid: str, record: dict[str, Any]) -> None:
        """Write the checkpoint of partition ``pid``."""
        self.write_text(self.done_dir / f"{pid}.json", json.dumps(record, ensure_ascii=False))

    def read_done(self, pid: str) -> dict[str, Any]:
        """Read the checkpoint of partition ``pid``."""
        return json.loads((self.done_dir / f"{pid}.json").read_text(encoding="utf-8"))

    def write_state(self, pid: str, claims: list[Any], estimates: dict[str, Any]) -> None:
        """Save the claims and estimates of a partition for the cross-document checks."""
        self.write_bytes(self.state_dir / f"{pid}.pkl", pickle.dumps((claims, estimates), protocol=5))

    def read_state(self, pid: str) -> tuple[list[Any], dict[str, Any]]:
        """Load what :meth:`write_state` saved; only geokit model and shapely classes are accepted.

        Raises
        ------
        DataError
            When the file is missing or holds anything else.
        """
        path = self.state_dir / f"{pid}.pkl"
        try:
            claims, estimates = _Unpickler(io.BytesIO(path.read_bytes())).load()
        except (OSError, pickle.UnpicklingError, ValueError, EOFError, AttributeError, TypeError) as exc:
            raise DataError(f"{path}: cannot read saved claims ({exc}); delete {self.done_dir}") from None
        return claims, estimates

    def remove_stale(self, keep: dict[str, int]) -> int:
        """Delete parts, checkpoints and states that belong to no partition of ``keep`` (id -> index).

        The checks dataset is left alone (it is rewritten whole). Return how many files went.
        """
        indexes = {f"part-{i:05d}.parquet" for i in keep.values()}
        n = 0
        for d in DATASETS[:3]:
            for p in (self.root / d).glob("part-*.parquet"):
                if p.name not in indexes:
                    p.unlink(missing_ok=True)
                    n += 1
        for d, ext in ((self.done_dir, ".json"), (self.state_dir, ".pkl")):
            for p in d.glob(f"*{ext}"):
                if p.name[: -len(ext)] not in keep:
                    p.unlink(missing_ok=True)
                    n += 1
        return n
