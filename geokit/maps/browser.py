"""Headless Chromium: screenshots (PNG export) and the rendered DOM of a map page.

geokit drives the ``chromium`` binary directly (``--screenshot`` / ``--dump-dom``), so no
WebDriver is needed. The browser is looked up in ``$GEOKIT_CHROMIUM``, then on ``PATH``
(``chromium``, ``chromium-browser``, ``google-chrome``…). On Debian: ``apt-get install chromium``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from os import PathLike
from pathlib import Path

from geokit.errors import BrowserNotFoundError

__all__ = ["BrowserNotFoundError", "dump_dom", "find_chromium", "screenshot"]

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def find_chromium() -> str:
    """Return the path of a Chromium-like browser.

    Raises
    ------
    BrowserNotFoundError
        If none is installed; the message says how to install one.
    """
    env = os.environ.get("GEOKIT_CHROMIUM")
    if env:
        if Path(env).is_file() and os.access(env, os.X_OK):
            return env
        raise BrowserNotFoundError(f"GEOKIT_CHROMIUM={env!r} is not an executable file")
    for name in _NAMES:
        path = shutil.which(name)
        if path:
            return path
    raise BrowserNotFoundError(
        "PNG export needs headless Chromium and none was found "
        "(install it, e.g. `apt-get install chromium`, or set GEOKIT_CHROMIUM to its path)"
    )


def _run(page: str | PathLike[str], extra: list[str], size: tuple[int, int], budget_ms: int) -> str:
    browser = find_chromium()
    with tempfile.TemporaryDirectory(prefix="geokit-chromium-") as profile:
        cmd = [
            browser,
            *_FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={size[0]},{size[1]}",
            f"--virtual-time-budget={budget_ms}",
            *extra,
            Path(page).resolve().as_uri(),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BrowserNotFoundError(f"{browser} could not render the map: {exc}") from exc
    if proc.returncode != 0:
        raise BrowserNotFoundError(f"{browser} exited with {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return proc.stdout


def screenshot(
    page: str | PathLike[str],
    png: str | PathLike[str],
    *,
    size: tuple[int, int] = (1000, 700),
    budget_ms: int = 5000,
) -> Path:
    """Render an HTML file headless and write a PNG screenshot of the window.

    The PNG is written beside its final name and renamed into place, so a failed run leaves no
    partial file.
    """
    out = Path(png).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".png", prefix=f".{out.stem}-", dir=out.parent)
    os.close(fd)
    try:
        _run(page, [f"--screenshot={tmp}"], size, budget_ms)
        if Path(tmp).stat().st_size == 0:
            raise BrowserNotFoundError("the browser wrote an empty screenshot")
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def dump_dom(page: str | PathLike[str], *, size: tuple[int, int] = (1000, 700), budget_ms: int = 5000) -> str:
    """Render an HTML file headless and return the serialised DOM after its scripts ran."""
    return _run(page, ["--dump-dom"], size, budget_ms)
