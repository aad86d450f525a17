"""geopy geocoders: the offline gazetteer as a geopy ``Geocoder``, and online providers made safe.

``OfflineGeocoder`` answers from the local gazetteer, so it works with no network at all, in
``geopandas.tools.geocode`` and under geopy's ``RateLimiter``. ``OnlineGeocoder`` wraps any geopy
provider (Nominatim, Photon, ...) with an on-disk JSON cache, rate limiting, a timeout, and the
provider's failures turned into geokit's own :class:`~geokit.errors.GeocoderError` family.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from geopy.exc import (
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderParseError,
    GeocoderQueryError,
    GeocoderQuotaExceeded,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeopyError,
)
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geokit.errors import (
    GeocoderError,
    GeocoderQuotaError,
    GeocoderTimeoutError,
    GeocoderUnavailableError,
    InputError,
)
from geokit.geo import distance_m
from geokit.model import Candidate
from geokit.places.gazetteer import Gazetteer, get_gazetteer

__all__ = ["Backoff", "OfflineGeocoder", "OnlineGeocoder"]


def _location(c: Candidate) -> Location:
    p = c.place
    raw = {
        "id": p.id,
        "name": p.name,
        "kind": p.kind,
        "country": p.country,
        "population": p.population,
        "extent_m": p.extent_m,
        "score": c.score,
        "reason": c.reason,
        "match": c.match,
    }
    address = ", ".join(
        x for x in (p.name, p.admin1 if p.admin1 and not p.admin1.isdigit() else None, p.country) if x
    )
    return Location(address, (p.lat, p.lon), raw)


class OfflineGeocoder(Geocoder):
    """A geopy geocoder that answers from geokit's offline gazetteer (no network, ever).

    Parameters
    ----------
    country : str, optional
        Default ISO 3166-1 alpha-2 country filter.
    gazetteer : Gazetteer, optional
        The gazetteer to use (default: the shared one).
    **kwargs
        Passed to :class:`geopy.geocoders.base.Geocoder` (accepted for compatibility; unused).

    Examples
    --------
    >>> geo = OfflineGeocoder()
    >>> loc = geo.geocode("Raqqah")
    >>> round(loc.latitude, 2), loc.raw["id"]
    (35.95, 'geonames:172955')
    >>> geo.geocode("Paris", country="US").raw["country"]
    'US'
    >>> geo.geocode("Atlantisvillezzz") is None
    True
    """

    def __init__(
        self, *, country: str | None = None, gazetteer: Gazetteer | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.country = country
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer answering the queries (loaded on first use)."""
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer()
        return self._gazetteer

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: float | None = None,
        country: str | None = None,
        limit: int = 10,
    ) -> Location | list[Location] | None:
        """Return the best :class:`~geopy.location.Location` for a name, all of them, or ``None``.

        ``raw`` holds the gazetteer id, kind, country, population, extent, score, reason and
        ``match``: ``approximate`` for a spelling guess or the shorter name a name is built on
        ("Benghazy": Benghazi), given only when no name matches (see
        :meth:`~geokit.places.gazetteer.Gazetteer.lookup`). An empty, over-long or non-text
        query gives ``None`` (as geopy providers do).
        """
        try:
            found = self.gazetteer.lookup(str(query), country=country or self.country, limit=limit)
        except InputError:
            return None
        if not found:
            return None
        locations = [_location(c) for c in found]
        return locations[0] if exactly_one else locations

    def reverse(
        self, query: Any, *, exactly_one: bool = True, timeout: float | None = None, limit: int = 5
    ) -> Location | list[Location] | None:
        """Return the nearest populated places to a point ``(lat, lon)``.

        Examples
        --------
        >>> OfflineGeocoder().reverse((31.2, 16.6)).raw["name"]
        'Sirte'
        """
        from geopy.point import Point as GeoPoint

        pt = GeoPoint(query)
        gaz = self.gazetteer
        lat = np.asarray(gaz._lat)
        lon = np.asarray(gaz._lon)
        # pre-select with a cheap equirectangular distance, then rank exactly
        d2 = (lat - pt.latitude) ** 2 + ((lon - pt.longitude + 180) % 360 - 180) ** 2 * np.cos(
            np.radians(pt.latitude)
        ) ** 2
        nearest = np.argsort(d2)[: max(limit * 20, 50)]
        idx = [i for i in nearest.tolist() if gaz.kind_of(i) in ("city", "town", "village")][: limit * 4]
        if not idx:
            return None
        dist = distance_m(np.full(len(idx), pt.latitude), np.full(len(idx), pt.longitude), lat[idx], lon[idx])
        order = np.argsort(dist)[:limit]
        locs = [
            _location(Candidate(gaz.place(idx[k]), 1.0, f"{dist[k] / 1000:.1f} km away"))
            for k in order.tolist()
        ]
        return locs[0] if exactly_one else locs


def _status(exc: BaseException) -> int | None:
    """Return the HTTP status behind a geopy error, when there is one."""
    cause = exc.__cause__ or exc.__context__
    status = getattr(cause, "status_code", None)
    return status if isinstance(status, int) else None


def _retryable(exc: BaseException) -> bool:
    """Whether a failed request may succeed when tried again a little later."""
    if isinstance(exc, GeocoderRateLimited):
        return True  # 429: wait (Retry-After when given) and try again
    if isinstance(
        exc,
        (
            GeocoderQuotaExceeded,
            GeocoderQueryError,
            GeocoderParseError,
            GeocoderAuthenticationFailure,
            GeocoderInsufficientPrivileges,
        ),
    ):
        return False  # the same request would fail the same way
    return isinstance(exc, (GeocoderServiceError, OSError))  # timeouts, 5xx, refused or reset connections


class Backoff:
    """Call a function with rate limiting and retries whose waits grow exponentially.

    geopy's ``RateLimiter`` waits a constant ``error_wait_seconds`` between retries and retries
    errors that cannot go away (a bad query, malformed JSON); this one waits ``first_wait``,
    then twice that, and so on up to ``max_wait`` (a ``Retry-After`` header of an HTTP 429
    answer is honoured within ``max_wait``), and retries only timeouts, rate limits, server errors
    and connection failures.

    Parameters
    ----------
    func : callable
        The function to call (e.g. a geopy geocoder's ``geocode``).
    min_delay_seconds : float
        Least time between the starts of two calls.
    max_retries : int
        Retries after the first attempt.
    first_wait : float
        Wait before the first retry, in seconds.
    max_wait : float
        Longest single wait.
    sleep : callable
        The sleeping function (tests pass a fake one).

    Examples
    --------
    >>> from geopy.exc import GeocoderUnavailable
    >>> answers = [GeocoderUnavailable("down"), GeocoderUnavailable("down"), "ok"]
    >>> def flaky(q):
    ...     a = answers.pop(0)
    ...     if isinstance(a, Exception):
    ...         raise a
    ...     return a
    >>> waits = []
    >>> b = Backoff(flaky, min_delay_seconds=0, max_retries=3, first_wait=0.5, sleep=waits.append)
    >>> b("Sirte"), waits
    ('ok', [0.5, 1.0])
    """

    def __init__(
        self,
        func: Callable[..., Any],
        *,
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
        first_wait: float = 1.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], Any] = time.sleep,
    ) -> None:
        if min_delay_seconds < 0 or max_retries < 0 or first_wait < 0 or max_wait < 0:
            raise InputError("delays, waits and retries must not be negative")
        self.func = func
        self.min_delay_seconds = float(min_delay_seconds)
        self.max_retries = int(max_retries)
        self.first_wait = float(first_wait)
        self.max_wait = float(max_wait)
        self.sleep = sleep
        self.attempts = 0  # attempts made by the last call
        self._last_start: float | None = None
        self._lock = threading.Lock()

    def _wait_turn(self) -> None:
        with self._lock:
            now = time.monotonic()
            if self._last_start is not None:
                wait = self._last_start + self.min_delay_seconds - now
                if wait > 0:
                    self.sleep(wait)
                    now += wait
            self._last_start = now

    def wait_before_retry(self, retry: int, exc: BaseException) -> float:
        """Return the wait (seconds) before retry number ``retry`` (0-based) after ``exc``."""
        wait = self.first_wait * 2.0**retry
        retry_after = getattr(exc, "retry_after", None)
        if isinstance(retry_after, (int, float)) and retry_after > 0:
            wait = max(wait, float(retry_after))
        return min(wait, self.max_wait)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call the function, retrying with growing waits; re-raise the last error."""
        self.attempts = 0
        for retry in range(self.max_retries + 1):
            self._wait_turn()
            self.attempts += 1
            try:
                return self.func(*args, **kwargs)
            except (GeopyError, OSError) as exc:
                if retry >= self.max_retries or not _retryable(exc):
                    raise
                self.sleep(self.wait_before_retry(retry, exc))
        raise AssertionError("unreachable")  # pragma: no cover


_SECRET_WORDS = ("key", "secret", "password", "token")


def _single_try_adapter(*, proxies: Any, ssl_context: Any) -> Any:
    """Return geopy's HTTP adapter with the transport's own retries turned off.

    geopy's ``RequestsAdapter`` lets urllib3 retry twice and sleep out ``Retry-After`` on its own,
    so one attempt could become three requests and a slow provider looked "unreachable";
    :class:`Backoff` is the only retry loop.
    """
    from geopy.adapters import RequestsAdapter, URLLibAdapter

    if RequestsAdapter.is_available:
        return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
    return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)


class OnlineGeocoder:
    """An online geopy provider with an on-disk cache, rate limiting, timeouts and clear errors.

    Parameters
    ----------
    provider : str
        A geopy service name (``"nominatim"``, ``"photon"``, ``"arcgis"``, ...).
    cache_dir : path, optional
        Where answers are cached as JSON (default: the user cache folder, ``online/``).
    min_delay_seconds : float
        Least time between two requests (Nominatim's policy asks for 1 s).
    timeout : float
        Seconds to wait for an answer.
    max_retries : int
        Retries after a timeout, a rate limit (HTTP 429), a server error or a failed connection.
    backoff_seconds : float, optional
        Wait before the first retry; each further retry waits twice as long (default: the
        larger of 1 s and ``min_delay_seconds``).
    max_backoff_seconds : float
        Longest single wait between retries (also caps a server's ``Retry-After``).
    **kwargs
        Passed to the provider (e.g. ``domain``, ``scheme``, ``api_key``).

    Notes
    -----
    Nothing is pickled: each answer is one JSON file named by the SHA-256 of the provider,
    the query and the options. Failed requests are not cached; a cached answer is used even when
    the provider is down.
    """

    def __init__(
        self,
        provider: str = "nominatim",
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        min_delay_seconds: float = 1.0,
        timeout: float = 10.0,
        max_retries: int = 2,
        backoff_seconds: float | None = None,
        max_backoff_seconds: float = 60.0,
        user_agent: str = "geokit/0.1 (offline-first geoparser)",
        **kwargs: Any,
    ) -> None:
        from geopy.geocoders import get_geocoder_for_service

        try:
            cls = get_geocoder_for_service(provider)
        except GeopyError as exc:
            raise InputError(f"unknown geocoding provider {provider!r}") from exc
        self.provider = provider
        self.timeout = timeout
        kwargs.setdefault("adapter_factory", _single_try_adapter)
        self.geocoder = cls(user_agent=user_agent, timeout=timeout, **kwargs)
        self.backoff = Backoff(
            self.geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            first_wait=max(1.0, min_delay_seconds) if backoff_seconds is None else backoff_seconds,
            max_wait=max_backoff_seconds,
        )
        self._geocode: Callable[..., Any] = self.backoff
        if cache_dir is None:
            import platformdirs

            cache_dir = Path(platformdirs.user_cache_dir("geokit")) / "online"
        self.cache_dir = Path(cache_dir)
        # the cache key names the provider's options, never its credentials
        self.options = {
            k: v
            for k, v in sorted(kwargs.items())
            if k != "adapter_factory" and not any(w in k.lower() for w in _SECRET_WORDS)
        }

    def _cache_path(self, query: str, exactly_one: bool) -> Path:
        key = json.dumps([self.provider, query, exactly_one, self.options], sort_keys=True, default=str)
        return self.cache_dir / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.json"

    def _error(self, exc: BaseException) -> GeocoderError:
        """Turn a geopy (or socket) failure into geokit's error, with a message a user can act on."""
        who = self.provider
        attempts = self.backoff.attempts if self._geocode is self.backoff else 1
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        status = _status(exc)
        http = f"HTTP {status}" if status else None
        if isinstance(exc, (GeocoderRateLimited, GeocoderQuotaExceeded)):
            return GeocoderQuotaError(
                f"{who} refused the request ({http or 'rate limit or quota'}: too many requests){tries};"
                " try again later or use the offline gazetteer"
            )
        if isinstance(exc, GeocoderParseError):
            return GeocoderError(f"{who} answered with something that is not valid JSON{tries}")
        if isinstance(exc, (GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges)):
            return GeocoderError(f"{who} refused the credentials ({http or exc}); check the API key")
        if isinstance(exc, GeocoderQueryError):
            return GeocoderError(f"{who} rejected the query ({http or exc})")
        if isinstance(exc, GeocoderTimedOut) and status in (None, 408, 504):
            return GeocoderTimeoutError(f"{who} did not answer within {self.timeout:g} s{tries}")
        if status is not None:
            return GeocoderUnavailableError(f"{who} is unavailable: it answered {http} (server error){tries}")
        if "timed out" in str(exc).lower():
            return GeocoderTimeoutError(f"{who} did not answer within {self.timeout:g} s{tries}")
        if isinstance(exc, (GeocoderUnavailable, GeocoderServiceError, OSError, ValueError)):
            return GeocoderUnavailableError(f"{who} is unavailable (could not connect: {exc}){tries}")
        return GeocoderError(f"{who} failed: {exc}{tries}")

    def geocode(self, query: str, *, exactly_one: bool = True) -> Location | list[Location] | None:
        """Geocode ``query`` online, answering from the cache when it can.

        Raises
        ------
        InputError
            When the query is empty.
        GeocoderTimeoutError, GeocoderQuotaError, GeocoderUnavailableError, GeocoderError
            When the provider fails after the retries (and the answer is not cached).
        """
        if not isinstance(query, str) or not query.strip():
            raise InputError("empty place name")
        path = self._cache_path(query, exactly_one)
        if path.exists():
            try:
                cached = json.loads(path.read_text(encoding="utf-8"))
                locs = [Location(a, (lat, lon), raw) for a, lat, lon, raw in cached]
                return (locs[0] if locs else None) if exactly_one else locs
            except (OSError, ValueError, TypeError):
                pass  # a damaged cache entry is refetched
        try:
            result = self._geocode(query, exactly_one=exactly_one)
        except (GeopyError, OSError, ValueError) as exc:
            raise self._error(exc) from None
        locs = [] if result is None else ([result] if exactly_one else list(result))
        self._store(path, locs)
        return (locs[0] if locs else None) if exactly_one else locs

    def _store(self, path: Path, locs: list[Location]) -> None:
        data = [[loc.address, loc.latitude, loc.longitude, loc.raw] for loc in locs]
        tmp = None
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.cache_dir, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, default=str)
            os.replace(tmp, path)
        except (OSError, TypeError, ValueError):
            # the cache is an optimisation; failing to write it loses nothing (and leaves no part file)
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
