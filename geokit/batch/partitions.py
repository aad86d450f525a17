"""Cutting a stream of documents into numbered partitions with stable ids, without loading the corpus."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from geokit.errors import InputError
from geokit.model import Document
from geokit.text.documents import ReadError, iter_documents

__all__ = ["Partition", "iter_partitions", "partition_id"]


def _code_stamp() -> bytes:
    """Return a hash of the geokit version and model fields (results of another geokit are redone)."""
    import dataclasses

    import geokit
    from geokit import model

    names = [getattr(geokit, "__version__", "")]
    for cls in (model.Place, model.Mention, model.Claim, model.Distance, model.Direction, model.Estimate):
        names += [cls.__name__, *(f.name for f in dataclasses.fields(cls))]
    return hashlib.blake2b(" ".join(names).encode(), digest_size=16).digest()


_CODE_STAMP = _code_stamp()


@dataclass(slots=True)
class Partition:
    """A run of consecutive documents (and the inputs that failed among them).

    ``id`` is ``"<index>-<hash>"``: the position of the partition and a hash of its content, so a
    rerun on the same inputs finds the same partitions, and a changed input is recomputed.
    """

    index: int
    id: str
    documents: list[Document] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


def partition_id(index: int, documents: Iterable[Document], errors: Iterable[ReadError] = ()) -> str:
    """Return the stable id of a partition: its index and a hash of its documents and errors.

    Examples
    --------
    >>> from geokit.model import Document
    >>> a = partition_id(3, [Document("d1", "Sirte", "a.jsonl:1")])
    >>> a.startswith("00003-"), a == partition_id(3, [Document("d1", "Sirte", "a.jsonl:1")])
    (True, True)
    >>> a == partition_id(3, [Document("d1", "Mosul", "a.jsonl:1")])
    False
    """
    h = hashlib.blake2b(_CODE_STAMP, digest_size=8)
    for d in documents:
        for part in (d.id, d.source, d.text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        h.update(b"\x01")
    for e in errors:
        h.update(json.dumps(e.to_dict(), sort_keys=True).encode("utf-8"))
        h.update(b"\x02")
    return f"{index:05d}-{h.hexdigest()}"


def iter_partitions(paths: Iterable[str | os.PathLike[str]], size: int = 1000) -> Iterator[Partition]:
    r"""Read ``paths`` lazily and yield partitions of ``size`` documents, in order.

    An input that cannot be read is kept, as a :class:`~geokit.text.documents.ReadError`, in the
    partition being filled when it was met; a last partition holds the rest (documents or errors).

    Raises
    ------
    InputError
        When ``size`` is not a positive number.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "c.jsonl"
    >>> _ = p.write_text('{"id": "a", "text": "Sirte"}\n{oops\n{"id": "b", "text": "Mosul"}\n'
    ...                  '{"id": "c", "text": "Raqqa"}\n')
    >>> [(q.index, [d.id for d in q.documents], len(q.errors)) for q in iter_partitions([p], 2)]
    [(0, ['a', 'b'], 1), (1, ['c'], 0)]
    """
    if size < 1:
        raise InputError(f"partition size must be at least 1, not {size}")
    errors: list[ReadError] = []
    index, docs, seen = 0, [], 0
    for doc in iter_documents(paths, errors):
        docs.append(doc)
        if len(docs) == size:
            errs = errors[seen:]
            seen = len(errors)
            yield Partition(index, partition_id(index, docs, errs), docs, errs)
            index, docs = index + 1, []
    errs = errors[seen:]
    if docs or errs:
        yield Partition(index, partition_id(index, docs, errs), docs, errs)
