"""Reading documents: plain-text files (one document each) and JSONL corpora (one per line)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from geokit.errors import DocumentError
from geokit.model import Document

__all__ = [
    "MAX_DOCUMENT_CHARS",
    "ReadError",
    "clean_text",
    "display_name",
    "headline",
    "iter_documents",
    "read_documents",
    "read_text_file",
    "retitle",
]

#: Longest document accepted, in characters; longer ones are an error (the rest go on).
MAX_DOCUMENT_CHARS = 50_000_000


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read: the file, the line (JSONL), the document id, and why."""

    file: str
    line: int | None
    id: str | None
    error: str

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form (one line of ``errors.jsonl``)."""
        return {"file": self.file, "line": self.line, "id": self.id, "error": self.error}

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.error}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    r"""Replace lone surrogates by U+FFFD, keeping every other character (and so every offset).

    Lone surrogates reach Python strings from JSON escapes (``"\udcff"``) and from undecodable
    bytes in file names, arguments and standard input; they cannot be encoded as UTF-8, so they
    would break hashing and output.

    Examples
    --------
    >>> clean_text("Sirte \udcff, Libya") == "Sirte \ufffd, Libya"
    True
    >>> clean_text("Raqqa") == "Raqqa"
    True
    """
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", text)


#: Lines of web-page furniture that are never a headline (matched on the lower-cased line, which
#: is several times faster than ``re.IGNORECASE`` on this many alternatives).
_BOILERPLATE = re.compile(
    r"official website|here'?s how you know|\.gov\b|https?:|www\.|cookie|subscribe|newsletter|"
    r"sign (?:in|up)|log ?in|skip to|advertisement|all rights reserved|©|\(c\) \d{4}|"
    r"javascript|share (?:this|on)|follow us|read more|click here|privacy|terms of (?:use|service)|"
    r"getty images|photo:|image:|menu\b"
)
_HEADLINE_WORDS = (4, 20)


def headline(text: str, *, max_lines: int = 40) -> str | None:
    r"""Return the text's headline: the first line that reads like one, or ``None``.

    Web pages put navigation, banners and notices before the headline. The rule: among the first
    ``max_lines`` non-empty lines, the first of 4-20 words that is not a known piece of web-page
    furniture (:data:`_BOILERPLATE`), does not end like a sentence (``.`` ``?`` ``!`` ``:``) and
    has letters in it.

    Examples
    --------
    >>> headline("An official website of the United States Government\nHere's how you know\n\n"
    ...          "Secure .gov websites use HTTPS\nU.S. Airstrikes Kill 80 Fighters, Carter Says\n"
    ...          "The strikes were overnight.")
    'U.S. Airstrikes Kill 80 Fighters, Carter Says'
    >>> headline("The camp is 45 km southwest of Sirte. Nothing else.") is None
    True
    >>> headline("Skip to content\nMenu\nFloods cut the road between Homs and Hama\n")
    'Floods cut the road between Homs and Hama'
    >>> headline("") is None
    True
    """
    fewest, most = _HEADLINE_WORDS
    seen = 0
    for raw in text.splitlines():
        words = raw.split(None, most)  # a paragraph stops being split after `most` words
        if not words:
            continue
        seen += 1
        if seen > max_lines:
            break
        if not fewest <= len(words) <= most:
            continue
        line = " ".join(words)
        if line[-1] in ".?!:;,":
            continue
        if _BOILERPLATE.search(line.lower()) or sum(ch.isalpha() for ch in line) < len(line) / 2:
            continue
        return line
    return None


def display_name(doc: Document, *, limit: int = 80) -> str:
    """Return the name a person knows a document by: its title, else its file name, else its id.

    Examples
    --------
    >>> display_name(Document("x1", "", source="corpus/a.txt", title="Floods in Homs"))
    'Floods in Homs'
    >>> display_name(Document("x1", "", source="corpus/a.txt"))
    'a.txt'
    >>> display_name(Document("x1", "", title="w" * 100))[-1]
    '…'
    """
    name = doc.title or ""
    if not name.strip() and doc.source:
        name = os.path.basename(doc.source.rstrip("/")) or doc.source
    name = " ".join((name or doc.id).split())
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def retitle(text: str, names: Mapping[str, str]) -> str:
    """Replace the document sources and ids named in ``text`` by the documents' names (longest first).

    Examples
    --------
    >>> retitle("estimate at sea (seeds/a.txt)", {"seeds/a.txt": "Floods in Homs", "d7": "?"})
    'estimate at sea (Floods in Homs)'
    """
    for old in sorted(names, key=len, reverse=True):
        if old and old in text:
            text = text.replace(old, names[old])
    return text


def _missing(p: Path, exc: OSError) -> DocumentError:
    """Return the error of an input that cannot be opened (one wording for a missing file)."""
    if isinstance(exc, FileNotFoundError):
        return DocumentError(str(p), "no such file or folder")
    return DocumentError(str(p), exc.strerror or str(exc))


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def read_text_file(path: str | os.PathLike[str]) -> Document:
    """Read one ``.txt`` file as a document whose id is the file's stem.

    Raises
    ------
    DocumentError
        When the file is missing, binary, not UTF-8 or too large.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise _missing(p, exc) from None
    if _looks_binary(data):
        raise DocumentError(str(p), "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(str(p), f"not UTF-8 text (byte {exc.start})") from None
    if len(text) > MAX_DOCUMENT_CHARS:
        raise DocumentError(str(p), f"document too large ({len(text):,} characters)")
    title = headline(text)
    return Document(
        id=clean_text(p.stem),
        text=text,
        source=clean_text(str(p)),
        title=clean_text(title) if title else None,
    )


def _document_from_json(obj: object, where: str, line: int, given_spans: bool) -> Document:
    if not isinstance(obj, dict):
        raise DocumentError(where, "a JSONL line must be an object with 'id' and 'text'")
    text = obj.get("text")
    if not isinstance(text, str):
        raise DocumentError(where, "no 'text' string")
    text = clean_text(text)  # "\udcff" escapes: same length, so spans keep their offsets
    doc_id = obj.get("id")
    doc_id = clean_text(str(doc_id)) if doc_id is not None and doc_id != "" else f"line{line}"
    spans = None
    if given_spans:
        raw = obj.get("spans")
        if not isinstance(raw, list):
            raise DocumentError(where, "--given-spans needs a 'spans' list of {start, end}")
        spans = []
        for s in raw:
            try:
                a, b = int(s["start"]), int(s["end"])
            except (TypeError, KeyError, ValueError):
                raise DocumentError(where, f"bad span {s!r}") from None
            if not 0 <= a < b <= len(text):
                raise DocumentError(where, f"span {a}-{b} outside the text")
            spans.append((a, b))
    source = obj.get("source")
    title = obj.get("title")
    if title is None or str(title).strip() == "":
        title = source if source else headline(text)
    return Document(
        id=doc_id,
        text=text,
        source=clean_text(str(source)) if source else clean_text(where),
        title=clean_text(str(title)) if title else None,
        date=clean_text(str(obj["date"])) if obj.get("date") is not None else None,
        spans=spans,
    )


def _iter_jsonl(p: Path, errors: list[ReadError], given_spans: bool) -> Iterator[Document]:
    try:
        fh = open(p, "rb")  # noqa: SIM115 - closed below; lines decoded one by one
    except OSError as exc:
        raise _missing(p, exc) from None
    with fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            where = f"{p}:{n}"
            try:
                obj = json.loads(raw.decode("utf-8"))
                yield _document_from_json(obj, where, n, given_spans)
            except UnicodeDecodeError:
                errors.append(ReadError(str(p), n, None, "not UTF-8 text"))
            except json.JSONDecodeError as exc:
                errors.append(ReadError(str(p), n, None, f"not JSON ({exc.msg})"))
            except RecursionError:
                errors.append(ReadError(str(p), n, None, "not JSON (nested too deeply)"))
            except DocumentError as exc:
                doc_id = obj.get("id") if isinstance(obj, dict) else None
                errors.append(ReadError(str(p), n, None if doc_id is None else str(doc_id), exc.message))


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    errors: list[ReadError] | None = None,
    *,
    given_spans: bool = False,
) -> Iterator[Document]:
    r"""Yield the documents of ``.txt`` files, ``.jsonl`` corpora and folders of them, in order.

    Inputs that cannot be read are appended to ``errors`` (and skipped), so one bad file or line
    never stops the others.

    Parameters
    ----------
    paths : iterable of path
        Files (``.jsonl`` / ``.ndjson`` are corpora, anything else is one text document) or
        folders (their ``.txt`` and ``.jsonl`` files, sorted).
    errors : list, optional
        Receives a :class:`ReadError` for each input that could not be read.
    given_spans : bool
        JSONL lines carry ``spans`` to resolve instead of finding mentions.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.jsonl").write_text('{"id": "x", "text": "Sirte"}\nnot json\n')
    >>> errs = []
    >>> [doc.id for doc in iter_documents([d / "a.jsonl"], errs)], len(errs)
    (['x'], 1)
    """
    errs = errors if errors is not None else []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            inner = sorted(q for q in p.rglob("*") if q.suffix.lower() in (".txt", ".jsonl", ".ndjson"))
            yield from iter_documents(inner, errs, given_spans=given_spans)
            continue
        try:
            if p.suffix.lower() in (".jsonl", ".ndjson"):
                yield from _iter_jsonl(p, errs, given_spans)
            else:
                yield read_text_file(p)
        except DocumentError as exc:
            errs.append(ReadError(str(p), None, None, exc.message))


def read_documents(
    paths: Iterable[str | os.PathLike[str]], *, given_spans: bool = False
) -> tuple[list[Document], list[ReadError]]:
    """Read every document of ``paths``; return the documents and the inputs that failed."""
    errors: list[ReadError] = []
    docs = list(iter_documents(paths, errors, given_spans=given_spans))
    return docs, errors
