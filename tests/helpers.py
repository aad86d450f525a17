"""Helpers shared by several test files (importable because pytest puts tests/ on sys.path)."""

import subprocess
import sys

from shapely.geometry import Polygon

from geokit.model import Place

#: Sirte, Libya, as the gazetteer has it: the anchor of most hand-written claims.
SIRTE = Place("geonames:2210554", "Sirte", "city", 31.20892, 16.58866, "LY", extent_m=8000.0)

#: A coarse outline of Libya whose coast passes through Sirte: a stand-in for the countries layer.
CRUDE_LIBYA = Polygon(
    [
        (9.5, 30.2),
        (11.5, 33.1),
        (15.2, 32.4),
        (16.6, 31.2),
        (20.0, 30.8),
        (20.1, 32.3),
        (25.0, 31.6),
        (25.0, 20.0),
        (24.0, 19.5),
        (14.0, 22.5),
        (10.0, 24.5),
        (9.5, 30.2),
    ]
)


def run_geokit(*args, stdin=None):
    """Run ``geokit ARGS`` in a subprocess; fail the test if it printed a traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "geokit.cli", *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def read_claims(resolver, text):
    """Return the claims geokit reads in ``text`` (one document), its places resolved by ``resolver``."""
    from geokit.claims import extract_claims
    from geokit.model import Document

    doc = Document(id="s", text=text)
    return extract_claims(doc, resolver.resolve(doc))
