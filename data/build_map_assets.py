"""Vendor the JavaScript/CSS that geokit's offline maps inline, from the npm registry.

Run from the repository root (needs ``npm`` on PATH and access to the npm registry)::

    python data/build_map_assets.py

It runs ``npm pack`` for each package below in a temporary folder, copies the few files a map
needs into ``geokit/_data/leaflet/``, rewrites every ``url(...)`` in the CSS as a ``data:`` URI
(so the page never asks for an image), and writes ``manifest.json`` with each package's
version, licence, tarball sha256 and npm integrity, and the sha256 of every vendored file.
The output is deterministic: running it twice gives the same files.
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "geokit" / "_data" / "leaflet"

# package, version, licence, {path in tarball: vendored name}
PACKAGES = [
    (
        "leaflet",
        "1.9.4",
        "BSD-2-Clause",
        {
            "package/dist/leaflet.js": "leaflet.js",
            "package/dist/leaflet.css": "leaflet.css",
            "package/LICENSE": "LICENSE.leaflet",
        },
    ),
    (
        "leaflet-measure",
        "3.1.0",
        "MIT",
        {
            "package/dist/leaflet-measure.js": "leaflet-measure.js",
            "package/dist/leaflet-measure.css": "leaflet-measure.css",
            "package/LICENSE": "LICENSE.leaflet-measure",
        },
    ),
    (
        "leaflet.fullscreen",
        "3.0.0",
        "MIT",
        {
            "package/Control.FullScreen.js": "leaflet.fullscreen.js",
            "package/Control.FullScreen.css": "leaflet.fullscreen.css",
            "package/LICENSE": "LICENSE.leaflet.fullscreen",
        },
    ),
    (
        "leaflet-minimap",
        "3.6.1",
        "BSD-2-Clause",
        {
            "package/dist/Control.MiniMap.min.js": "leaflet-minimap.js",
            "package/dist/Control.MiniMap.min.css": "leaflet-minimap.css",
            "package/LICENSE.txt": "LICENSE.leaflet-minimap",
        },
    ),
    (
        "leaflet-mouse-position",
        "1.2.0",
        "MIT",
        {
            "package/src/L.Control.MousePosition.js": "leaflet-mouse-position.js",
            "package/src/L.Control.MousePosition.css": "leaflet-mouse-position.css",
            "package/MIT-LICENCE.txt": "LICENSE.leaflet-mouse-position",
        },
    ),
]

_URL = re.compile(r"""url\(\s*(['"]?)(?!data:|#)([^'")]+)\1\s*\)""")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inline_css_urls(css: str, members: dict[str, bytes], css_dir: str) -> str:
    """Replace each relative ``url(x)`` in ``css`` by a data URI of the tarball member it names."""

    def repl(m: re.Match[str]) -> str:
        rel = m.group(2)
        path = str(Path(css_dir, rel))
        # normalise "a/../b"
        parts: list[str] = []
        for p in path.split("/"):
            if p == "..":
                parts.pop()
            elif p not in ("", "."):
                parts.append(p)
        path = "/".join(parts)
        if path not in members:
            raise SystemExit(f"{rel!r} referenced by the CSS is not in the package")
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        b64 = base64.b64encode(members[path]).decode("ascii")
        return f'url("data:{mime};base64,{b64}")'

    return _URL.sub(repl, css)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, object] = {"packages": {}, "files": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for name, version, licence, files in PACKAGES:
            spec = f"{name}@{version}"
            out = subprocess.run(
                ["npm", "pack", spec, "--json", "--pack-destination", tmp],
                check=True,
                capture_output=True,
                text=True,
            )
            info = json.loads(out.stdout)[0]
            tgz = Path(tmp) / info["filename"]
            raw = tgz.read_bytes()
            with tarfile.open(tgz) as tar:
                members = {
                    m.name: tar.extractfile(m).read()  # type: ignore[union-attr]
                    for m in tar.getmembers()
                    if m.isfile()
                }
            for src, dst in files.items():
                data = members[src]
                if dst.endswith(".css"):
                    css = inline_css_urls(data.decode("utf-8"), members, str(Path(src).parent))
                    # IE-only VML behaviour: not a request in any current browser, but not needed
                    css = css.replace("behavior: url(#default#VML);", "")
                    data = css.encode("utf-8")
                (OUT / dst).write_bytes(data)
                manifest["files"][dst] = {"package": name, "source": src, "sha256": _sha256(data)}  # type: ignore[index]
            manifest["packages"][name] = {  # type: ignore[index]
                "version": version,
                "license": licence,
                "registry": "npm",
                "tarball": info["filename"],
                "tarball_sha256": _sha256(raw),
                "integrity": info.get("integrity"),
            }
            print(f"{spec}: {len(raw):,} B tarball, sha256 {_sha256(raw)[:16]}…")
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}/ ({sum(p.stat().st_size for p in OUT.iterdir()):,} B)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
