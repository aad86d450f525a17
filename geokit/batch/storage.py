"""Where a batch run reads and writes: local paths made absolute, or object-store URLs through fsspec.

A location is a local path (made absolute on the client, so that it means the same folder on
every worker of this machine) or a URL that fsspec opens (``s3://``, ``gs://``, ``az://``,
``file://``, ...). Storage options (credentials, endpoint, region) go to the filesystem as they
are; they travel to the workers inside a :class:`StorageOptions`, whose ``repr`` hides their
values, and are never written to a file or a message.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from geokit.errors import GeokitError, InputError

__all__ = [
    "StorageError",
    "StorageOptions",
    "describe_error",
    "is_url",
    "open_location",
    "parse_storage_options",
    "redact",
    "scrub",
]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")

#: The fsspec package that serves each common protocol (named when it is missing).
_PACKAGES = {
    "s3": "s3fs",
    "s3a": "s3fs",
    "gs": "gcsfs",
    "gcs": "gcsfs",
    "az": "adlfs",
    "abfs": "adlfs",
    "abfss": "adlfs",
}


class StorageError(GeokitError, OSError):
    """An input or output location cannot be used: missing bucket, no permission, bad credentials."""


class StorageOptions(dict[str, Any]):
    """Storage options (a plain ``dict``) whose ``repr`` names the keys and hides the values.

    Examples
    --------
    >>> StorageOptions(key="AKIA123", secret="s3cr3t")
    StorageOptions(key=***, secret=***)
    >>> dict(StorageOptions(anon=True))
    {'anon': True}
    """

    def __repr__(self) -> str:
        return "StorageOptions(" + ", ".join(f"{k}=***" for k in self) + ")"

    __str__ = __repr__

    def __reduce__(self) -> tuple[Any, ...]:
        return (StorageOptions, (dict(self),))


def is_url(location: str | os.PathLike[str]) -> bool:
    """Whether ``location`` is a URL (``scheme://...``) rather than a local path.

    Examples
    --------
    >>> is_url("s3://bucket/out"), is_url("file:///tmp/out"), is_url("out"), is_url("C:/x")
    (True, True, False, False)
    """
    return isinstance(location, str) and bool(_SCHEME.match(location))


def redact(location: str | os.PathLike[str]) -> str:
    """Return ``location`` without the user and password a URL may carry.

    Examples
    --------
    >>> redact("s3://AKIA:secret@bucket/out"), redact("/data/out")
    ('s3://***@bucket/out', '/data/out')
    """
    text = os.fspath(location)
    return re.sub(r"^([A-Za-z][A-Za-z0-9+.\-]*://)[^/@]*@", r"\1***@", text)


def scrub(message: str, options: Mapping[str, Any] | None) -> str:
    """Replace every secret-looking value of ``options`` (and nested ones) found in ``message``.

    Examples
    --------
    >>> scrub("bad key AKIAXYZ123 for bucket", {"key": "AKIAXYZ123", "anon": False})
    'bad key *** for bucket'
    """

    def values(obj: Any) -> Iterable[str]:
        if isinstance(obj, Mapping):
            for v in obj.values():
                yield from values(v)
        elif isinstance(obj, str) and len(obj) >= 4 and not obj.startswith(("http://", "https://")):
            yield obj

    for v in sorted(set(values(options or {})), key=len, reverse=True):
        message = message.replace(v, "***")
    return redact(message)


def _value(text: str) -> Any:
    """Read one ``--storage-option`` value: true/false/null, a number, JSON object or list, else text."""
    low = text.lower()
    if low in ("true", "false"):
        return low == "true"
    if low in ("none", "null"):
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d*", text):
        return float(text)
    if text[:1] in "{[":
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text
    return text


def parse_storage_options(items: Iterable[str] | None) -> StorageOptions:
    """Turn ``KEY=VALUE`` strings into storage options; a dotted key nests (``client_kwargs.region_name``).

    ``true``/``false``/``null`` and numbers are converted, a value in braces or brackets is read as
    JSON, anything else stays text.

    Raises
    ------
    InputError
        When an item has no ``=`` or an empty key.

    Examples
    --------
    >>> parse_storage_options(["anon=false", "endpoint_url=http://127.0.0.1:9000",
    ...                        "client_kwargs.region_name=eu-west-1"]) == {"anon": False,
    ...     "endpoint_url": "http://127.0.0.1:9000", "client_kwargs": {"region_name": "eu-west-1"}}
    True
    """
    out = StorageOptions()
    for item in items or ():
        key, eq, text = item.partition("=")
        key = key.strip()
        if not eq or not key:
            raise InputError(f"--storage-option needs KEY=VALUE, not {item.split('=')[0]!r}")
        *outer, last = key.split(".")
        target: dict[str, Any] = out
        for k in outer:
            inner = target.setdefault(k, {})
            if not isinstance(inner, dict):
                raise InputError(f"--storage-option {key}: {k} is already set to a value")
            target = inner
        target[last] = _value(text)
    return out


def open_location(
    location: str | os.PathLike[str], storage_options: Mapping[str, Any] | None = None
) -> tuple[Any, str, bool]:
    """Return ``(filesystem, path, local)`` for a local path or a URL; a local path is made absolute.

    Raises
    ------
    StorageError
        When the URL's protocol is unknown or its fsspec package is not installed.

    Examples
    --------
    >>> fs, path, local = open_location("out")
    >>> local, os.path.isabs(path)
    (True, True)
    """
    from fsspec.core import url_to_fs
    from fsspec.implementations.local import LocalFileSystem

    text = os.fspath(location)
    if not is_url(text):
        return LocalFileSystem(), os.path.abspath(os.path.expanduser(text)), True
    protocol = _SCHEME.match(text).group(1).lower()  # type: ignore[union-attr]
    try:
        fs, path = url_to_fs(text, **dict(storage_options or {}))
    except ImportError:
        package = _PACKAGES.get(protocol, f"the fsspec implementation of {protocol}://")
        raise StorageError(
            f"{redact(text)}: {protocol}:// needs {package}: pip install {package} "
            "(on the client and on every worker)"
        ) from None
    except ValueError as exc:
        raise StorageError(f"{redact(text)}: {scrub(str(exc), storage_options)}") from None
    except TypeError as exc:
        raise StorageError(
            f"{redact(text)}: bad storage option for {protocol}:// ({scrub(str(exc), storage_options)})"
        ) from None
    local = isinstance(fs, LocalFileSystem)
    if local:
        path = os.path.abspath(path)
    return fs, path.rstrip("/") or path, local


def describe_error(exc: BaseException, location: str, options: Mapping[str, Any] | None, doing: str) -> str:
    """Say in one line why ``doing`` at ``location`` failed, naming the likely fix; secrets removed."""
    detail = scrub(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__, options)
    where = redact(location)
    if isinstance(exc, FileNotFoundError):
        return f"cannot {doing} {where}: the bucket or folder does not exist ({detail})"
    if isinstance(exc, PermissionError):
        return (
            f"cannot {doing} {where}: permission denied; check the credentials (environment or "
            f"--storage-option) and that they may write there ({detail})"
        )
    return f"cannot {doing} {where}: {detail}"
