"""geopy geocoders: the offline gazetteer as a geopy ``Geocoder``, and online providers made safe.

``OfflineGeocoder`` answers from the local gazetteer, so it works with no network at all, in
``geopandas.tools.geocode`` and under geopy's ``RateLimiter``. ``OnlineGeocoder`` wraps any geopy
provider (Nominatim, Photon, ...) with an on-disk JSON cache, rate limiting, a timeout, and the
provider's failures turned into geokit's own :class:`~geokit.errors.GeocoderError` family.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from geopy.exc import (
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
from geokit.model import Candidate
from geokit.places.gazetteer import Gazetteer, get_gazetteer

__all__ = ["OfflineGeocoder", "OnlineGeocoder"]


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

        ``raw`` holds the gazetteer id, kind, country, population, extent, score and reason.
        An empty, over-long or non-text query gives ``None`` (as geopy providers do).
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
        from pyproj import Geod

        pt = GeoPoint(query)
        gaz = self.gazetteer
        lat = np.asarray(gaz._lat)
        lon = np.asarray(gaz._lon)
        # pre-select with a cheap equirectangular distance, then rank exactly
        d2 = (lat - pt.latitude) ** 2 + ((lon - pt.longitude + 180) % 360 - 180) ** 2 * np.cos(
            np.radians(pt.latitude)
        ) ** 2
        idx = np.argsort(d2)[: max(limit * 20, 50)]
        idx = [i for i in idx.tolist() if gaz.kind_of(i) in ("city", "town", "village")][: limit * 4]
        if not idx:
            return None
        g = Geod(ellps="WGS84")
        _, _, dist = g.inv([pt.longitude] * len(idx), [pt.latitude] * len(idx), lon[idx], lat[idx])
        order = np.argsort(dist)[:limit]
        locs = [
            _location(Candidate(gaz.place(idx[k]), 1.0, f"{dist[k] / 1000:.1f} km away"))
            for k in order.tolist()
        ]
        return locs[0] if exactly_one else locs


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
        Retries, with a growing wait, after a timeout or a server error.
    **kwargs
        Passed to the provider (e.g. ``domain``, ``scheme``, ``api_key``).

    Notes
    -----
    Nothing is pickled: each answer is one JSON file named by the SHA-256 of the provider,
    the query and the options. Failed requests are not cached.
    """

    def __init__(
        self,
        provider: str = "nominatim",
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        min_delay_seconds: float = 1.0,
        timeout: float = 10.0,
        max_retries: int = 2,
        user_agent: str = "geokit/0.1 (offline-first geoparser)",
        **kwargs: Any,
    ) -> None:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import get_geocoder_for_service

        try:
            cls = get_geocoder_for_service(provider)
        except GeopyError as exc:
            raise InputError(f"unknown geocoding provider {provider!r}") from exc
        self.provider = provider
        self.geocoder = cls(user_agent=user_agent, timeout=timeout, **kwargs)
        self._geocode = RateLimiter(
            self.geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            error_wait_seconds=max(1.0, min_delay_seconds),
            swallow_exceptions=False,
        )
        if cache_dir is None:
            import platformdirs

            cache_dir = Path(platformdirs.user_cache_dir("geokit")) / "online"
        self.cache_dir = Path(cache_dir)
        self.options = {k: v for k, v in sorted(kwargs.items()) if k not in ("api_key", "password")}

    def _cache_path(self, query: str, exactly_one: bool) -> Path:
        key = json.dumps([self.provider, query, exactly_one, self.options], sort_keys=True, default=str)
        return self.cache_dir / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.json"

    def geocode(self, query: str, *, exactly_one: bool = True) -> Location | list[Location] | None:
        """Geocode ``query`` online, answering from the cache when it can.

        Raises
        ------
        GeocoderTimeoutError, GeocoderQuotaError, GeocoderUnavailableError, GeocoderError
            When the provider fails after the retries.
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
        except GeocoderTimedOut as exc:
            raise GeocoderTimeoutError(f"{self.provider} did not answer in time: {exc}") from None
        except (GeocoderQuotaExceeded, GeocoderRateLimited) as exc:
            raise GeocoderQuotaError(
                f"{self.provider} refused the request (rate limit or quota): {exc}"
            ) from None
        except (GeocoderUnavailable, GeocoderServiceError) as exc:
            raise GeocoderUnavailableError(f"{self.provider} is unavailable: {exc}") from None
        except GeopyError as exc:
            raise GeocoderError(f"{self.provider} failed: {exc}") from None
        except (OSError, ValueError) as exc:
            raise GeocoderUnavailableError(f"{self.provider} is unavailable: {exc}") from None
        locs = [] if result is None else ([result] if exactly_one else list(result))
        self._store(path, locs)
        return (locs[0] if locs else None) if exactly_one else locs

    def _store(self, path: Path, locs: list[Location]) -> None:
        data = [[loc.address, loc.latitude, loc.longitude, loc.raw] for loc in locs]
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.cache_dir, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, default=str)
            os.replace(tmp, path)
        except OSError:
            pass  # the cache is an optimisation; failing to write it loses nothing
