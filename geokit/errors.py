"""The exceptions geokit raises: one base class, each subclass also the builtin it resembles."""

from __future__ import annotations

__all__ = [
    "BrowserNotFoundError",
    "DataError",
    "DocumentError",
    "GeocoderError",
    "GeocoderQuotaError",
    "GeocoderTimeoutError",
    "GeocoderUnavailableError",
    "GeokitError",
    "InputError",
    "PlaceNotFoundError",
]


class GeokitError(Exception):
    """Base class of every error geokit raises on purpose."""


class InputError(GeokitError, ValueError):
    """A value given by the user cannot be used (empty query, bad unit, impossible distance)."""


class DocumentError(GeokitError, ValueError):
    """A document or input file cannot be read (missing, binary, not UTF-8, broken JSON line).

    Parameters
    ----------
    source : str
        The file (and line, where known) that failed.
    message : str
        What is wrong with it.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class CorrectionError(GeokitError, ValueError):
    """An analyst correction cannot be read or applied (malformed file, unknown document, span or id).

    Parameters
    ----------
    message : str
        What is wrong.
    source : str, optional
        The corrections file (or ``"corrections"`` for corrections made in Python).
    entry : int, optional
        The 1-based number of the correction in its file or list.
    document : str, optional
        The document id the correction names.
    """

    def __init__(
        self, message: str, *, source: str = "", entry: int | None = None, document: str | None = None
    ) -> None:
        where = source or "corrections"
        if entry is not None:
            where += f": entry {entry}"
        if document is not None:
            where += f" (document {document!r})"
        super().__init__(f"{where}: {message}")
        self.message = message
        self.source = source
        self.entry = entry
        self.document = document

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form used for input errors: ``file``, ``line`` (None), ``id``, ``error``."""
        error = self.message if self.entry is None else f"entry {self.entry}: {self.message}"
        return {"file": self.source or "corrections", "line": None, "id": self.document, "error": error}


class PlaceNotFoundError(GeokitError, LookupError):
    """No gazetteer entry matches a name or an id."""


class DataError(GeokitError, RuntimeError):
    """geokit's data artefacts are missing or damaged and could not be built."""


class GeocoderError(GeokitError, RuntimeError):
    """An online geocoder failed; the message names the provider and the cause."""


class GeocoderTimeoutError(GeocoderError, TimeoutError):
    """An online geocoder did not answer in time."""


class GeocoderQuotaError(GeocoderError):
    """An online geocoder refused the request for its rate limit or quota (HTTP 429)."""


class GeocoderUnavailableError(GeocoderError, ConnectionError):
    """An online geocoder could not be reached or answered with a server error."""


class BrowserNotFoundError(GeokitError, RuntimeError):
    """No headless Chromium could be found (or it failed to run) for PNG export."""
