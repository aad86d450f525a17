"""Online geocoders that fail: a fake Nominatim on 127.0.0.1 that is slow, rate-limits, errs or hangs up.

Nothing here leaves the loopback interface: an autouse fixture refuses any other connection.
"""

from __future__ import annotations

import contextlib
import ipaddress
import itertools
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from geopy.exc import GeocoderRateLimited, GeocoderUnavailable

from geokit import cli
from geokit.errors import (
    GeocoderError,
    GeocoderQuotaError,
    GeocoderTimeoutError,
    GeocoderUnavailableError,
    InputError,
)
from geokit.places import geocoders
from geokit.places.geocoders import Backoff, OnlineGeocoder

SIRTE = [{"lat": "31.2089", "lon": "16.5887", "display_name": "Sirte, Libya", "osm_id": 1, "place_id": 7}]


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Refuse every connection that is not to the loopback interface."""
    real_connect = socket.socket.connect

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        try:
            ok = ipaddress.ip_address(host).is_loopback
        except ValueError:
            ok = host == "localhost"
        if not ok:
            raise OSError(f"test refused a connection outside loopback: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


class FakeProvider:
    """A Nominatim look-alike whose answers follow a script: one behaviour per request."""

    def __init__(self) -> None:
        self.script: list[str] = []
        self.default = "ok"
        self.times: list[float] = []
        self.paths: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                owner.times.append(time.monotonic())
                owner.paths.append(self.path)
                what = owner.script.pop(0) if owner.script else owner.default
                if what == "close":
                    self.close_connection = True
                    with contextlib.suppress(OSError):
                        self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if what == "slow":
                    time.sleep(1.0)
                    what = "ok"
                status, body, headers = {
                    "ok": (200, json.dumps(SIRTE), {}),
                    "empty": (200, "[]", {}),
                    "429": (429, "slow down", {}),
                    "429-retry-after": (429, "slow down", {"Retry-After": "3"}),
                    "500": (500, "internal error", {}),
                    "503": (503, "maintenance", {}),
                    "badjson": (200, '[{"lat": "31.2", "lon": ', {}),
                    "html": (200, "<html>captive portal</html>", {}),
                    "400": (400, "bad request", {}),
                }[what]
                data = body.encode()
                with contextlib.suppress(OSError):
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def requests(self) -> int:
        return len(self.times)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server():
    s = FakeProvider()
    yield s
    s.close()


def online(server, tmp_path, **kw):
    opts = {"min_delay_seconds": 0, "timeout": 0.3, "max_retries": 2, "backoff_seconds": 0.05}
    opts.update(kw)
    return OnlineGeocoder(
        "nominatim", domain=f"127.0.0.1:{server.port}", scheme="http", cache_dir=tmp_path / "cache", **opts
    )


def test_answer_is_fetched_then_cached(server, tmp_path):
    geo = online(server, tmp_path)
    loc = geo.geocode("Sirte")
    assert (round(loc.latitude, 2), round(loc.longitude, 2)) == (31.21, 16.59)
    assert server.requests == 1 and "/search" in server.paths[0] and "Sirte" in server.paths[0]
    # the provider goes down: the cached answer is still given, with no request
    server.default = "500"
    assert geo.geocode("Sirte").address == "Sirte, Libya"
    again = online(server, tmp_path)  # a new process would find the same JSON file
    assert again.geocode("Sirte").latitude == loc.latitude
    assert server.requests == 1
    files = list((tmp_path / "cache").iterdir())
    assert [f.suffix for f in files] == [".json"]  # JSON, no pickle, no leftover temp file
    assert json.loads(files[0].read_text())[0][0] == "Sirte, Libya"


def test_empty_answer_is_cached_too(server, tmp_path):
    server.default = "empty"
    geo = online(server, tmp_path)
    assert geo.geocode("Atlantisville") is None
    assert geo.geocode("Atlantisville") is None
    assert server.requests == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("behaviour", "error", "words", "retried"),
    [
        ("slow", GeocoderTimeoutError, "did not answer within 0.3 s", True),
        ("429", GeocoderQuotaError, "HTTP 429", True),
        ("500", GeocoderUnavailableError, "HTTP 500", True),
        ("503", GeocoderUnavailableError, "HTTP 503", True),
        ("close", GeocoderUnavailableError, "unavailable", True),
        ("badjson", GeocoderError, "not valid JSON", False),
        ("html", GeocoderError, "not valid JSON", False),
        ("400", GeocoderError, "rejected the query", False),
    ],
)
def test_failures_become_clear_geokit_errors(server, tmp_path, behaviour, error, words, retried):
    server.default = behaviour
    geo = online(server, tmp_path, max_retries=2)
    with pytest.raises(error) as info:
        geo.geocode("Sirte")
    msg = str(info.value)
    assert msg.startswith("nominatim ") and words in msg, msg
    assert "Traceback" not in msg and len(msg) < 300
    assert isinstance(info.value, GeocoderError)
    if retried:
        assert geo.backoff.attempts == 3 and "after 3 attempts" in msg
        assert server.requests == 3  # one request per attempt: the transport does not retry on its own
    else:
        assert geo.backoff.attempts == 1 and server.requests == 1
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())  # not cached


def test_recovers_when_a_retry_succeeds(server, tmp_path):
    server.script = ["503", "429", "ok"]
    geo = online(server, tmp_path)
    assert geo.geocode("Sirte").address == "Sirte, Libya"
    assert server.requests == 3 and geo.backoff.attempts == 3


def test_retries_back_off_exponentially(server, tmp_path):
    server.default = "500"
    geo = online(server, tmp_path, max_retries=3, backoff_seconds=0.1)
    with pytest.raises(GeocoderUnavailableError):
        geo.geocode("Sirte")
    assert server.requests == 4
    gaps = [b - a for a, b in zip(server.times, server.times[1:], strict=False)]
    # waits of 0.1, 0.2 and 0.4 s at least (sleep never returns early); each longer than the last
    for gap, wait in zip(gaps, (0.1, 0.2, 0.4), strict=True):
        assert gap >= wait * 0.8, gaps  # arrival times carry the connection latency too
    assert gaps[2] > gaps[0], gaps


def test_retry_after_header_is_honoured_within_the_cap(server, tmp_path):
    server.default = "429-retry-after"
    geo = online(server, tmp_path, max_retries=2, backoff_seconds=0.1, max_backoff_seconds=2.0)
    waits: list[float] = []
    geo.backoff.sleep = waits.append  # record the waits instead of sleeping them
    with pytest.raises(GeocoderQuotaError):
        geo.geocode("Sirte")
    assert waits == [2.0, 2.0]  # Retry-After: 3 asked for, capped at 2 s


def test_rate_limit_spaces_requests(server, tmp_path):
    server.default = "empty"
    geo = online(server, tmp_path, min_delay_seconds=0.2)
    # the spacing is measured where it is made, when each request starts (the server's arrival times
    # also carry the connection's latency, which varies)
    starts = []
    send = geo.backoff.func

    def timed(*args, **kwargs):
        starts.append(time.monotonic())
        return send(*args, **kwargs)

    geo.backoff.func = timed
    for q in ("a place", "another place", "a third place"):
        geo.geocode(q)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert server.requests == 3
    assert len(gaps) == 2 and all(g >= 0.199 for g in gaps), gaps


def test_backoff_waits_double_and_stop_at_the_cap():
    def down(q):
        raise GeocoderUnavailable("down")

    waits: list[float] = []
    b = Backoff(down, min_delay_seconds=0, max_retries=5, first_wait=1.0, max_wait=5.0, sleep=waits.append)
    with pytest.raises(GeocoderUnavailable):
        b("Sirte")
    assert waits == [1.0, 2.0, 4.0, 5.0, 5.0] and b.attempts == 6
    assert b.wait_before_retry(0, GeocoderRateLimited("429", retry_after=3)) == 3.0
    with pytest.raises(InputError):
        Backoff(down, max_retries=-1)


def test_unknown_provider_and_empty_query(server, tmp_path):
    with pytest.raises(InputError, match="unknown geocoding provider"):
        OnlineGeocoder("no-such-service", cache_dir=tmp_path)
    with pytest.raises(InputError):
        online(server, tmp_path).geocode("  ")
    assert server.requests == 0


def test_unreachable_provider(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    geo = OnlineGeocoder(
        "nominatim",
        domain=f"127.0.0.1:{port}",
        scheme="http",
        cache_dir=tmp_path,
        min_delay_seconds=0,
        timeout=0.5,
        backoff_seconds=0.01,
    )
    with pytest.raises(GeocoderUnavailableError, match="could not connect"):
        geo.geocode("Sirte")


def _cli_online(monkeypatch, tmp_path, port):
    real = geocoders.OnlineGeocoder

    def pointed(provider, **kw):
        kw.update(
            domain=f"127.0.0.1:{port}",
            scheme="http",
            cache_dir=tmp_path,
            min_delay_seconds=0,
            timeout=0.3,
            backoff_seconds=0.01,
        )
        return real(provider, **kw)

    monkeypatch.setattr(geocoders, "OnlineGeocoder", pointed)


def test_cli_geocode_online_unreachable_fails_cleanly(monkeypatch, tmp_path, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _cli_online(monkeypatch, tmp_path, port)
    rc = cli.main(["geocode", "Sirte", "--online", "nominatim", "--json"])
    out, err = capsys.readouterr()
    assert rc == 1 and out == ""
    assert err.startswith("geokit: error: nominatim is unavailable") and "Traceback" not in err


@pytest.mark.slow
@pytest.mark.parametrize(
    ("behaviour", "words"), [("slow", "did not answer"), ("429", "refused"), ("badjson", "JSON")]
)
def test_cli_geocode_online_failures(monkeypatch, tmp_path, capsys, server, behaviour, words):
    server.default = behaviour
    _cli_online(monkeypatch, tmp_path, server.port)
    rc = cli.main(["geocode", "Sirte", "--online", "nominatim", "--json"])
    out, err = capsys.readouterr()
    assert rc == 1 and out == "" and words in err and "Traceback" not in err


def test_cli_geocode_online_answer(monkeypatch, tmp_path, capsys, server):
    _cli_online(monkeypatch, tmp_path, server.port)
    assert cli.main(["geocode", "Sirte", "--online", "nominatim", "--json"]) == 0
    cands = json.loads(capsys.readouterr().out)["candidates"]
    assert cands[0]["name"] == "Sirte, Libya" and round(cands[0]["lat"], 1) == 31.2
