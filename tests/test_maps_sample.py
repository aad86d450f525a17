"""Hand-built documents, claims, estimates and checks shared by the map tests (no tests here)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from pyproj import Geod
from shapely.geometry import Polygon

from geokit.model import Check, Claim, Direction, Distance, Document, Estimate, Mention, Place

GEOD = Geod(ellps="WGS84")

HOSTILE = (
    " <img src=x onerror=\"document.title='PWNED1'\">"
    " <script>document.title='PWNED2'</script>"
    " </script><script>document.title='PWNED3'</script>"
    " <a href=\"javascript:document.title='PWNED4'\">link</a>"
    " {{ 7*7 }} {% if 1 %}jinja{% endif %}"
)


def disk(lat: float, lon: float, radius_m: float, n: int = 64) -> Polygon:
    az = np.linspace(0, 360, n, endpoint=False)
    lons, lats, _ = GEOD.fwd(np.full(n, lon), np.full(n, lat), az, np.full(n, radius_m))
    return Polygon(list(zip(lons, lats, strict=True)))


def build(hostile: str = "", **map_kwargs):
    """Return a Map with two documents about one target whose estimates disagree."""
    from geokit.maps import Map

    text = f"Training camps are 45 km southwest of Sirte, officials said.{hostile} Later, Sirte was quiet."
    sirte = Place("geonames:2210554", "Sirte", "city", 31.2089, 16.5887, country="LY", extent_m=8000)
    ms = [
        Mention("d1", text.index("Sirte"), text.index("Sirte") + 5, "Sirte", place=sirte),
        Mention("d1", text.rindex("Sirte"), text.rindex("Sirte") + 5, "Sirte", place=sirte),
    ]
    if hostile:
        libya = Place("geonames:2215636", "Libya" + hostile, "country" + hostile, 27.0, 17.0, country="LY")
        ms.append(Mention("d1", 0, 8, "Training", place=libya))
    c1 = Claim(
        "d1:c0",
        "d1",
        text.split(".")[0] + "." + hostile,
        0,
        45,
        "offset",
        "training camps" + hostile,
        "Sirte",
        anchor=sirte,
        distance=Distance(45, "km", 45000, "45 km"),
        direction=Direction("southwest", 225, 22.5),
        text="45 km southwest of Sirte",
        flags=["estimate far from coast" + hostile],
    )
    e1 = Estimate(
        "d1:c0",
        30.92,
        16.26,
        12000,
        disk(30.92, 16.26, 12000),
        "exact" + hostile,
        {"distance_precision": 500, "direction" + hostile: 11000},
    )
    doc = Document("d1", text, source="seeds/d1.txt" + hostile)
    doc2 = Document(
        "d2", "The camps lie 28 miles NE of Sirte.", source="wire" + hostile, title="Wire" + hostile
    )
    c2 = Claim(
        "d2:c0",
        "d2",
        doc2.text,
        0,
        30,
        "offset",
        "the camps",
        "Sirte",
        anchor=sirte,
        text="28 miles NE of Sirte",
    )
    e2 = Estimate("d2:c0", 31.5, 16.92, 9000, disk(31.5, 16.92, 9000), "exact", {"distance_precision": 800})
    chk = Check("d1:c0", "d2:c0", "disagree", 85000.0, 0.0, ["directions opposite (SW vs NE)" + hostile])
    target = SimpleNamespace(label="training camps" + hostile, claims=["d1:c0", c2], checks=[chk])
    m = Map(**map_kwargs)
    m.add_document(doc, ms, [c1], {"d1:c0": e1})
    m.add_document(doc2, [], [c2], {"d2:c0": e2})
    m.add_targets([target])
    return m
