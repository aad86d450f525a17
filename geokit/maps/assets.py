"""geokit's own page code, the vendored Leaflet files, and the rewrite that makes a page self-contained.

geokit's JavaScript and CSS live as files in ``geokit/maps/js/`` (package data), read once with
:func:`read_code`; Python only injects values into the page (as script-safe JSON).

folium writes ``<script src="https://cdn…">`` and ``<link href="https://cdn…">`` tags. For an
offline page, :func:`inline_assets` replaces the ones geokit uses by inline copies of the files
in ``geokit/_data/leaflet/`` (from npm, see ``data/build_map_assets.py`` and ``manifest.json``)
and drops the ones it does not use (jQuery, Bootstrap, awesome-markers, Font Awesome).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
import re
from typing import Any

from geokit.errors import DataError

__all__ = ["add_script", "inline_assets", "manifest", "read_asset", "read_code", "style_block", "style_rules"]

# CDN file name (the last path segment) -> vendored file, or None to drop the tag.
_KNOWN: dict[str, str | None] = {
    "leaflet.js": "leaflet.js",
    "leaflet.css": "leaflet.css",
    "leaflet-measure.min.js": "leaflet-measure.js",
    "leaflet-measure.js": "leaflet-measure.js",
    "leaflet-measure.min.css": "leaflet-measure.css",
    "leaflet-measure.css": "leaflet-measure.css",
    "Control.FullScreen.min.js": "leaflet.fullscreen.js",
    "Control.FullScreen.js": "leaflet.fullscreen.js",
    "Control.FullScreen.css": "leaflet.fullscreen.css",
    "Control.MiniMap.min.js": "leaflet-minimap.js",
    "Control.MiniMap.min.css": "leaflet-minimap.css",
    "L.Control.MousePosition.min.js": "leaflet-mouse-position.js",
    "L.Control.MousePosition.min.css": "leaflet-mouse-position.css",
    # not used by geokit's maps (no folium.Icon, no Bootstrap popups): dropped
    "jquery-3.7.1.min.js": None,
    "bootstrap.bundle.min.js": None,
    "bootstrap.min.css": None,
    "bootstrap-glyphicons.css": None,
    "all.min.css": None,
    "leaflet.awesome-markers.js": None,
    "leaflet.awesome-markers.css": None,
    "leaflet.awesome.rotate.min.css": None,
}

_SCRIPT_TAG = re.compile(r'[ \t]*<script src="(https?://[^"]+)"></script>\n?')
_LINK_TAG = re.compile(r'[ \t]*<link rel="stylesheet" href="(https?://[^"]+)"\s*/?>\n?')


@functools.cache
def manifest() -> dict[str, Any]:
    """Return ``geokit/_data/leaflet/manifest.json``: package versions, licences and file hashes.

    Examples
    --------
    >>> manifest()["packages"]["leaflet"]["version"]
    '1.9.4'
    """
    try:
        text = (importlib.resources.files("geokit") / "_data" / "leaflet" / "manifest.json").read_text()
        return json.loads(text)
    except (OSError, ValueError) as exc:
        raise DataError(
            f"geokit's Leaflet assets are missing or damaged ({exc}); rebuild with data/build_map_assets.py"
        ) from exc


@functools.cache
def read_asset(name: str) -> str:
    """Return a vendored file's text, after checking its sha256 against the manifest.

    Examples
    --------
    >>> read_asset("leaflet.js").startswith("/* @preserve")
    True
    """
    entry = manifest()["files"].get(name)
    if entry is None:
        raise DataError(f"no vendored asset named {name!r}")
    try:
        data = (importlib.resources.files("geokit") / "_data" / "leaflet" / name).read_bytes()
    except OSError as exc:
        raise DataError(f"vendored asset {name} cannot be read: {exc}") from exc
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise DataError(f"vendored asset {name} does not match its sha256 in manifest.json")
    return data.decode("utf-8")


@functools.cache
def read_code(name: str) -> str:
    """Return the text of one of geokit's own page files, ``geokit/maps/js/<name>`` (cached).

    Raises
    ------
    DataError
        If there is no such file (a broken install).

    Examples
    --------
    >>> read_code("helper.js").startswith("var geokit = ")
    True
    """
    if "/" in name or "\\" in name or name.startswith("."):
        raise DataError(f"not a page file name: {name!r}")
    try:
        return (importlib.resources.files("geokit.maps") / "js" / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"geokit's page file js/{name} cannot be read ({exc}); reinstall geokit") from exc


def style_rules(name: str) -> str:
    """Return a ``.css`` file of :func:`read_code` without its last newline (a template indents it).

    Examples
    --------
    >>> style_rules("legend.css").startswith(".geokit-legend {")
    True
    """
    return read_code(name).rstrip("\n")


def style_block(name: str) -> str:
    r"""Return a ``.css`` file of :func:`read_code` as a ``<style>`` block on lines of its own.

    Examples
    --------
    >>> style_block("sea.css")
    '\n<style>\n.folium-map.leaflet-container{background:#dfeaf2;}\n</style>\n'
    """
    return f"\n<style>\n{read_code(name)}</style>\n"


def add_script(figure: Any, name: str) -> None:
    """Add the script ``js/<name>`` to a page's header, once (keyed ``geokit_<stem>_js``).

    Examples
    --------
    >>> from branca.element import Figure
    >>> page = Figure()
    >>> add_script(page, "tools.js"); add_script(page, "tools.js")
    >>> [key for key in page.header._children if key.startswith("geokit")]
    ['geokit_tools_js']
    """
    from branca.element import Element

    key = "geokit_" + name.rsplit(".", 1)[0] + "_js"
    figure.header.add_child(Element("<script>\n" + read_code(name) + "</script>"), name=key)


def _script(text: str) -> str:
    # a vendored script never contains "</script", but make sure
    return "<script>" + text.replace("</script", "<\\/script") + "</script>\n"


def _style(text: str) -> str:
    return "<style>" + text.replace("</style", "<\\/style") + "</style>\n"


def inline_assets(page: str) -> str:
    """Replace the CDN ``<script>``/``<link>`` tags of a rendered folium page by inline copies.

    Each vendored file is inlined once (the first tag wins, later duplicates are removed); tags
    for libraries geokit does not use are dropped.

    Raises
    ------
    DataError
        If the page links a CDN file geokit has no offline copy of.

    Examples
    --------
    >>> inline_assets('<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>')
    ''
    """
    done: set[str] = set()

    def replace(match: re.Match[str], kind: str) -> str:
        url = match.group(1)
        name = url.rstrip("/").rsplit("/", 1)[-1]
        if name not in _KNOWN:
            raise DataError(f"no offline copy of {url}; use Map(offline=False) for this element")
        local = _KNOWN[name]
        if local is None or local in done:
            return ""
        done.add(local)
        text = read_asset(local)
        if local == "leaflet.js":
            # the attribution prefix links to leafletjs.com; geokit sets a plain-text prefix anyway
            text = text.replace('<a href="https://leafletjs.com" ', "<a ")
        return _script(text) if kind == "js" else _style(text)

    page = _SCRIPT_TAG.sub(lambda m: replace(m, "js"), page)
    return _LINK_TAG.sub(lambda m: replace(m, "css"), page)
