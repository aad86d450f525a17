"""Cutting a stream of documents into numbered partitions with stable ids, without loading the corpus."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from geokit.batch.storage import StorageError, describe_error, is_url, open_location, redact
from geokit.errors import DocumentError, InputError
from geokit.model import Document
from geokit.text.documents import ReadError, iter_documents

if TYPE_CHECKING:
    from geokit.corrections.schema import Correction

__all__ = ["TAIL_SMALLEST", "Partition", "iter_inputs", "iter_partitions", "partition_id"]

#: The last full partition of a run and the documents after it are cut into pieces that halve
#: what is left, down to this share of the partition size (see :func:`iter_partitions`).
TAIL_SMALLEST = 1 / 16

#: Files a folder of inputs contributes (as :func:`geokit.text.documents.iter_documents` takes them).
_SUFFIXES = (".txt", ".jsonl", ".ndjson")


def _code_stamp() -> bytes:
    """Return a hash of the geokit version, model fields and output columns (another geokit's are redone)."""
    import dataclasses

    import geokit
    from geokit import model
    from geokit.batch import frames

    names = [getattr(geokit, "__version__", "")]
    for cls in (model.Place, model.Mention, model.Claim, model.Distance, model.Direction, model.Estimate):
        names += [cls.__name__, *(f.name for f in dataclasses.fields(cls))]
    for columns in (frames.PLACE_COLUMNS, frames.CLAIM_COLUMNS, frames.ESTIMATE_COLUMNS):
        names += [f"{k}:{v}" for k, v in columns.items()]
    return hashlib.blake2b(" ".join(names).encode(), digest_size=16).digest()


_CODE_STAMP = _code_stamp()


@dataclass(slots=True)
class Partition:
    """A run of consecutive documents (and the inputs that failed among them).

    ``id`` is ``"<index>-<hash>"``: the position of the partition and a hash of its content and of
    the analyst corrections of its documents, so a rerun on the same inputs and corrections finds
    the same partitions, and a changed input or correction is recomputed. ``tail`` marks the
    smaller pieces that end a run (see :func:`iter_partitions`).
    """

    index: int
    id: str
    documents: list[Document] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    tail: bool = False


def partition_id(
    index: int,
    documents: Iterable[Document],
    errors: Iterable[ReadError] = (),
    corrections: Iterable[Correction] = (),
) -> str:
    """Return the stable id of a partition: its index and a hash of its documents, errors and corrections.

    Only what a correction says counts (its JSON form), not where it was read from, so that editing
    one entry of a corrections file changes the ids of the partitions that hold its document only.

    Examples
    --------
    >>> from geokit.model import Document
    >>> a = partition_id(3, [Document("d1", "Sirte", "a.jsonl:1")])
    >>> a.startswith("00003-"), a == partition_id(3, [Document("d1", "Sirte", "a.jsonl:1")])
    (True, True)
    >>> a == partition_id(3, [Document("d1", "Mosul", "a.jsonl:1")])
    False
    >>> from geokit.corrections import Corrections
    >>> fix = list(Corrections().not_a_place("d1", 0, 5))
    >>> a == partition_id(3, [Document("d1", "Sirte", "a.jsonl:1")], corrections=fix)
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
    for c in corrections:
        h.update(json.dumps(c.to_dict(), sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        h.update(b"\x03")
    return f"{index:05d}-{h.hexdigest()}"


def _held(
    documents: Iterable[Document], by_document: dict[str, list[tuple[int, Correction]]]
) -> list[Correction]:
    """Return the corrections of ``documents``, in the order they were given."""
    ids = {d.id for d in documents}
    found = [pc for i in ids for pc in by_document.get(i, ())]
    return [c for _, c in sorted(found, key=lambda pc: pc[0])]


def _url_document(url: str, data: bytes) -> Document:
    """Read one text document from the bytes of a file in an object store (as ``read_text_file`` does)."""
    from geokit.text.documents import MAX_DOCUMENT_CHARS, _looks_binary, clean_text

    if _looks_binary(data):
        raise DocumentError(url, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(url, f"not UTF-8 text (byte {exc.start})") from None
    if len(text) > MAX_DOCUMENT_CHARS:
        raise DocumentError(url, f"document too large ({len(text):,} characters)")
    stem = url.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return Document(id=clean_text(stem), text=text, source=clean_text(url))


def _iter_url_jsonl(fh: Any, url: str, errors: list[ReadError]) -> Iterator[Document]:
    """Yield the documents of a JSONL corpus read from an object store; broken lines go to ``errors``."""
    from geokit.text.documents import _document_from_json

    for n, raw in enumerate(fh, start=1):
        if not raw.strip():
            continue
        obj: Any = None
        try:
            obj = json.loads(raw.decode("utf-8"))
            yield _document_from_json(obj, f"{url}:{n}", n, False)
        except UnicodeDecodeError:
            errors.append(ReadError(url, n, None, "not UTF-8 text"))
        except json.JSONDecodeError as exc:
            errors.append(ReadError(url, n, None, f"not JSON ({exc.msg})"))
        except RecursionError:
            errors.append(ReadError(url, n, None, "not JSON (nested too deeply)"))
        except DocumentError as exc:
            doc_id = obj.get("id") if isinstance(obj, dict) else None
            errors.append(ReadError(url, n, None if doc_id is None else str(doc_id), exc.message))


def _iter_url(
    url: str, errors: list[ReadError], storage_options: Mapping[str, Any] | None
) -> Iterator[Document]:
    """Yield the documents of one input URL: a file, or a folder (prefix) of ``.txt``/``.jsonl`` files."""
    fs, path, _ = open_location(url, storage_options)
    shown = redact(url)
    try:
        files = (
            sorted(f for f in fs.find(path) if f.lower().endswith(_SUFFIXES)) if fs.isdir(path) else [path]
        )
    except Exception as exc:
        raise StorageError(describe_error(exc, url, storage_options, "list")) from None
    for f in files:
        name = shown if f == path else redact(fs.unstrip_protocol(f))
        try:
            if f.lower().endswith((".jsonl", ".ndjson")):
                with fs.open(f, "rb") as fh:
                    yield from _iter_url_jsonl(fh, name, errors)
            else:
                yield _url_document(name, fs.cat_file(f))
        except DocumentError as exc:
            errors.append(ReadError(name, None, None, exc.message))
        except FileNotFoundError:
            errors.append(ReadError(name, None, None, "No such file or directory"))
        except PermissionError as exc:
            raise StorageError(describe_error(exc, name, storage_options, "read")) from None


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    errors: list[ReadError],
    storage_options: Mapping[str, Any] | None = None,
) -> Iterator[Document]:
    """Yield the documents of local inputs and input URLs, in order; unreadable ones go to ``errors``.

    Local inputs are read by :func:`geokit.text.documents.iter_documents` and named as given; a URL
    (``s3://bucket/corpus.jsonl``, ``s3://bucket/folder``) is read through fsspec with
    ``storage_options`` and named by its URL (without any password it carries).

    Raises
    ------
    StorageError
        When a URL's store refuses the credentials (a missing file is an input error, not this).
    """
    for p in paths:
        if is_url(os.fspath(p)):
            yield from _iter_url(os.fspath(p), errors, storage_options)
        else:
            yield from iter_documents([p], errors)


def iter_partitions(
    paths: Iterable[str | os.PathLike[str]],
    size: int = 1000,
    corrections: Iterable[Correction] | None = None,
    storage_options: Mapping[str, Any] | None = None,
) -> Iterator[Partition]:
    r"""Read ``paths`` lazily and yield partitions of ``size`` documents, in order, the last ones smaller.

    The documents of the last full partition and the rest after it are cut into pieces that each
    take half of what is left, down to ``size * TAIL_SMALLEST`` documents (1,000 documents: 500,
    250, 125, 63, 62). Handed out one at a time as workers come free, they let the workers finish
    a run together: without them, every worker but one would wait, at the end, for the last full
    partition of another. The cut depends on the inputs and ``size`` only, so a rerun finds the
    same partitions. At most two partitions of documents are held at once.

    An input that cannot be read is kept, as a :class:`~geokit.text.documents.ReadError`, in the
    partition of the next document read after it (the last partition when none follows; a
    partition of its own when there is no document at all).
    Each partition holds the ``corrections`` that name one of its documents, in their order.
    Inputs may be URLs, read with ``storage_options`` (see :func:`iter_inputs`).

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
    >>> from geokit.corrections import Corrections
    >>> fixes = Corrections().not_a_place("c", 0, 5).not_a_place("x", 0, 5)
    >>> [[c.document for c in q.corrections] for q in iter_partitions([p], 2, fixes)]
    [[], ['c']]
    >>> [len(q.documents) for q in iter_partitions([p] * 10, 8)]  # 30 documents
    [8, 8, 7, 4, 2, 1]
    """
    if size < 1:
        raise InputError(f"partition size must be at least 1, not {size}")
    by_document: dict[str, list[tuple[int, Correction]]] = {}
    for i, c in enumerate(corrections or ()):
        by_document.setdefault(c.document, []).append((i, c))

    def partition(
        index: int, items: list[tuple[Document, list[ReadError]]], after: list[ReadError], tail: bool
    ) -> Partition:
        docs = [d for d, _ in items]
        errs = [e for _, before in items for e in before] + after
        held = _held(docs, by_document) if by_document else []
        return Partition(index, partition_id(index, docs, errs, held), docs, errs, held, tail)

    errors: list[ReadError] = []
    seen, index = 0, 0
    pending: list[tuple[Document, list[ReadError]]] = []  # each document, with the errors met before it
    for doc in iter_inputs(paths, errors, storage_options):
        pending.append((doc, errors[seen:]))
        seen = len(errors)
        if len(pending) == 2 * size:  # a full partition follows the first: the first is not the last
            yield partition(index, pending[:size], [], False)
            index, pending = index + 1, pending[size:]
    trailing = errors[seen:]
    smallest = max(1, round(size * TAIL_SMALLEST))
    while pending:
        piece = pending[: max(smallest, -(-len(pending) // 2))]
        pending = pending[len(piece) :]
        yield partition(index, piece, [] if pending else trailing, True)
        index += 1
    if trailing and index == 0:  # errors and no document at all
        yield partition(index, [], trailing, True)
