"""The output folder of a batch run: atomic writes, per-partition checkpoints and saved claims.

Layout of ``OUT_DIR``::

    places/part-00000.parquet     claims/...   estimates/...   checks/part-00000.parquet
    _state/<partition id>.pkl     the partition's Claim and Estimate objects (for the checks stage)
    _done/<partition id>.json     checkpoint, written last: counts and the inputs that failed
    errors.jsonl  summary.json

On a local disk every file is written to a temporary name in its folder and renamed into place,
so a run killed at any moment leaves either the old file, the new file, or a ``*.tmp`` file that
the next run deletes. In an object store (``s3://``, ``gs://``, ``az://`` through fsspec) each
file is one upload, which is atomic: an object is there whole or not at all. Either way a
partition counts as done only when its checkpoint exists, and the checkpoint is written last.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pickle
import uuid
from collections.abc import Mapping
from pathlib import Path, PurePath, PurePosixPath
from typing import Any

from geokit.batch.storage import StorageError, StorageOptions, describe_error, open_location, redact
from geokit.errors import DataError

__all__ = [
    "DATASETS",
    "StorageError",
    "Store",
    "sees_probe",
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
    """The output folder of one batch run: a local folder or an object-store URL.

    Parameters
    ----------
    root : path or str
        A local folder (made absolute here, so every process on this machine means the same one)
        or a URL fsspec opens (``s3://bucket/out``, ``gs://...``, ``az://...``, ``file://...``).
    storage_options : mapping, optional
        Passed to the fsspec filesystem of a URL (credentials, ``endpoint_url``...).

    Attributes
    ----------
    location : str
        What a worker opens again: the absolute local path, or the URL.
    root : Path or PurePosixPath
        The folder: a :class:`~pathlib.Path` on a local disk, the path inside the store otherwise.

    Examples
    --------
    >>> import tempfile
    >>> s = Store(tempfile.mkdtemp())
    >>> s.prepare()
    0
    >>> s.write_done("00000-abc", {"documents": 2})
    >>> s.is_done("00000-abc"), s.read_done("00000-abc")["documents"], s.done_ids()
    (True, 2, {'00000-abc'})
    >>> s.part_path("places", 7).name
    'part-00007.parquet'
    """

    def __init__(
        self, root: str | os.PathLike[str], storage_options: Mapping[str, Any] | None = None
    ) -> None:
        self.storage_options = StorageOptions(storage_options or {})
        self.fs, path, self.local = open_location(root, self.storage_options)
        self.location = path if self.local else os.fspath(root)
        self.root: PurePath = Path(path) if self.local else PurePosixPath(path)
        self.done_dir = self.root / "_done"
        self.state_dir = self.root / "_state"

    def __repr__(self) -> str:
        return f"Store({redact(self.location)!r})"

    # -- checking the location before any work ---------------------------------------------

    def check(self) -> None:
        """Make sure the output can be written, writing nothing that stays behind.

        A local folder (or its nearest existing parent) must be a writable folder; in an object
        store, a small probe object is written, read and deleted.

        Raises
        ------
        StorageError
            When the folder or bucket is missing or not writable, or the credentials are refused.
        """
        if self.local:
            p = Path(self.root)
            while not p.exists() and p != p.parent:
                p = p.parent
            if not p.is_dir():
                raise StorageError(f"cannot write to {self.root}: {p} is not a folder")
            if not os.access(p, os.W_OK | os.X_OK):
                raise StorageError(f"cannot write to {self.root}: permission denied on {p}")
            return
        name = self.root / f"_probe-{uuid.uuid4().hex[:12]}"
        try:
            self.fs.pipe_file(str(name), b"geokit")
            self.fs.cat_file(str(name))
        except Exception as exc:
            raise StorageError(describe_error(exc, self.location, self.storage_options, "write to")) from None
        finally:
            with contextlib.suppress(Exception):
                self.remove_file(name)

    def probe(self) -> str:
        """Write a probe file that :func:`sees_probe` looks for from the workers; return its name."""
        name = f"_probe-{uuid.uuid4().hex[:12]}"
        self.write_bytes(self.root / name, b"geokit")
        return name

    def prepare(self) -> int:
        """Create the folders and delete temporary files left by a killed run; return how many.

        An object store needs no folders and never holds temporary files (nothing is done there).
        """
        if not self.local:
            return 0
        root = Path(self.root)
        for d in (*DATASETS, "_done", "_state"):
            (root / d).mkdir(parents=True, exist_ok=True)
        n = 0
        for folder in (root, *(root / x for x in (*DATASETS, "_done", "_state"))):
            for p in folder.glob(".*.tmp"):
                p.unlink(missing_ok=True)
                n += 1
        for p in root.glob("_probe-*"):
            p.unlink(missing_ok=True)
        return n

    # -- atomic writes ----------------------------------------------------------------------

    def _tmp(self, path: Path) -> Path:
        return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")

    def write_bytes(self, path: PurePath, data: bytes) -> None:
        """Write ``data`` to ``path`` atomically (locally: temporary file, fsync, rename; else one upload)."""
        if not self.local:
            try:
                self.fs.pipe_file(str(path), data)
            except Exception as exc:
                raise StorageError(
                    describe_error(exc, self._url(path), self.storage_options, "write")
                ) from None
            return
        path = Path(path)
        tmp = self._tmp(path)
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def write_text(self, path: PurePath, text: str) -> None:
        """Write ``text`` (UTF-8) to ``path`` atomically."""
        self.write_bytes(path, text.encode("utf-8"))

    def read_bytes(self, path: PurePath) -> bytes:
        """Read a whole file of the store."""
        if self.local:
            return Path(path).read_bytes()
        return self.fs.cat_file(str(path))

    def write_frame(self, dataset: str, index: int, frame: Any) -> PurePath:
        """Write a GeoDataFrame as ``<dataset>/part-<index>.parquet`` (GeoParquet), atomically."""
        path = self.part_path(dataset, index)
        if self.local:
            tmp = self._tmp(Path(path))
            frame.to_parquet(tmp, index=False)
            os.replace(tmp, path)
        else:
            buffer = io.BytesIO()
            frame.to_parquet(buffer, index=False)
            self.write_bytes(path, buffer.getvalue())
        return path

    def part_path(self, dataset: str, index: int) -> Any:
        """Return the path of one part of a dataset (a :class:`~pathlib.Path` on a local disk)."""
        return self.root / dataset / f"part-{index:05d}.parquet"

    # -- listing and removing ---------------------------------------------------------------

    def _url(self, path: PurePath) -> str:
        if self.local:
            return str(path)
        rel = PurePosixPath(path).relative_to(self.root)
        return self.location.rstrip("/") + ("" if str(rel) == "." else f"/{rel}")

    def names(self, folder: str) -> set[str]:
        """Return the names of the files in ``folder`` of the store (one listing; none if it is absent)."""
        path = self.root / folder
        if self.local:
            p = Path(path)
            return {q.name for q in p.iterdir() if q.is_file()} if p.is_dir() else set()
        self.fs.invalidate_cache(str(path))
        try:
            found = self.fs.ls(str(path), detail=False)
        except FileNotFoundError:
            return set()
        return {PurePosixPath(f).name for f in found}

    def remove_file(self, path: PurePath) -> None:
        """Delete one file of the store (nothing if it is absent)."""
        if self.local:
            Path(path).unlink(missing_ok=True)
            return
        try:
            self.fs.rm_file(str(path))
        except FileNotFoundError:
            return
        except Exception as exc:
            raise StorageError(describe_error(exc, self._url(path), self.storage_options, "delete")) from None

    def remove_parts(self, dataset: str, keep: set[str]) -> int:
        """Delete the parts of ``dataset`` whose names are not in ``keep``; return how many."""
        n = 0
        for name in self.names(dataset):
            if name.startswith("part-") and name.endswith(".parquet") and name not in keep:
                self.remove_file(self.root / dataset / name)
                n += 1
        return n

    # -- checkpoints and state --------------------------------------------------------------

    def is_done(self, pid: str) -> bool:
        """Whether partition ``pid`` finished (its checkpoint is written last)."""
        path = self.done_dir / f"{pid}.json"
        if self.local:
            return Path(path).is_file()
        self.fs.invalidate_cache(str(self.done_dir))
        return bool(self.fs.exists(str(path)))

    def done_ids(self) -> set[str]:
        """Return the ids of every partition with a checkpoint (one listing)."""
        return {
            n[: -len(".json")] for n in self.names("_done") if n.endswith(".json") and not n.startswith(".")
        }

    def write_done(self, pid: str, record: dict[str, Any]) -> None:
        """Write the checkpoint of partition ``pid``."""
        self.write_text(self.done_dir / f"{pid}.json", json.dumps(record, ensure_ascii=False))

    def read_done(self, pid: str) -> dict[str, Any]:
        """Read the checkpoint of partition ``pid``."""
        return json.loads(self.read_bytes(self.done_dir / f"{pid}.json").decode("utf-8"))

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
            claims, estimates = _Unpickler(io.BytesIO(self.read_bytes(path))).load()
        except (OSError, pickle.UnpicklingError, ValueError, EOFError, AttributeError, TypeError) as exc:
            raise DataError(
                f"{self._url(path)}: cannot read saved claims ({exc}); delete {self._url(self.done_dir)}"
            ) from None
        return claims, estimates

    def remove_stale(self, keep: dict[str, int]) -> int:
        """Delete parts, checkpoints and states that belong to no partition of ``keep`` (id -> index).

        The checks dataset is left alone (it is rewritten whole). Return how many files went.
        """
        indexes = {f"part-{i:05d}.parquet" for i in keep.values()}
        n = sum(self.remove_parts(d, indexes) for d in DATASETS[:3])
        for folder, ext in (("_done", ".json"), ("_state", ".pkl")):
            for name in self.names(folder):
                if name.endswith(ext) and name[: -len(ext)] not in keep:
                    self.remove_file(self.root / folder / name)
                    n += 1
        return n


def sees_probe(location: str, storage_options: Mapping[str, Any] | None, name: str) -> str | None:
    """Run on a worker: whether it sees the probe file ``name`` the client wrote into ``location``.

    Return None when it does, else why not (one line, no secrets), with the worker's host name.
    """
    import socket

    host = socket.gethostname()
    try:
        store = Store(location, storage_options)
        if store.local:
            found = Path(store.root / name).is_file()
        else:
            store.fs.invalidate_cache(str(store.root))
            found = bool(store.fs.exists(str(store.root / name)))
    except StorageError as exc:
        return f"on host {host}: {exc}"
    except Exception as exc:
        return f"on host {host}: " + describe_error(exc, location, storage_options, "read")
    return None if found else f"on host {host}: {redact(location)} does not hold the file the client wrote"
