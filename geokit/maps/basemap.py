"""geokit's offline basemap: land, borders, admin-1 lines, rivers, lakes and place names, no tiles.

Every piece comes from files geokit ships or builds itself, so the page makes no request:

* countries (``geokit/_data/countries.npz``): the land, filled, outlined in the coast colour;
* ``geokit/_data/basemap.npz`` (``data/build_basemap.py``): land borders, admin-1 lines, rivers
  and lakes, each shown from the zoom in :data:`MIN_ZOOM` on (admin-1 lines at a world view would
  only be clutter);
* place names from the gazetteer (countries, capitals, cities; towns and admin-1 names near the
  map's content), each from the zoom in :data:`LABEL_ZOOMS` on, placed in the page by importance
  without overlapping one another (``js/basemap.js``, styled by ``js/place-names.css``).

Each line layer is drawn on a canvas in the basemap's own pane (below the data), one canvas path
per layer (``geokit.bulk``): a world of admin-1 lines stays quick to pan.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from branca.element import MacroElement
from folium.template import Template

from geokit.errors import DataError
from geokit.maps.assets import style_block
from geokit.maps.encode import pack_lines, pack_polygons, script_json

__all__ = [
    "LABEL_ZOOMS",
    "MIN_ZOOM",
    "STYLES",
    "PlaceLabels",
    "ZoomGate",
    "basemap_layers",
    "land_geometries",
    "land_layer",
    "place_labels",
]

#: For each basemap kind, ``(largest Natural Earth scalerank, first zoom shown)`` steps: a river of
#: scalerank 4 is shown from zoom 5 on. Kinds not listed are always shown.
MIN_ZOOM: dict[str, tuple[tuple[int, int], ...]] = {
    "border": ((99, 0),),
    "admin1": ((99, 5),),
    "river": ((2, 3), (5, 5), (99, 7)),
    "lake": ((2, 2), (5, 5), (99, 7)),
}

#: Leaflet path style of each basemap kind (the data layers are drawn above, in stronger colours).
STYLES: dict[str, dict[str, Any]] = {
    "land": {"color": "#8fb0cc", "weight": 0.8, "fillColor": "#fbfaf6", "fillOpacity": 1.0},
    "border": {"color": "#9b9488", "weight": 1.2, "fill": False},
    "admin1": {"color": "#bdb6ab", "weight": 0.7, "dashArray": "4 3", "fill": False},
    "river": {"color": "#8fb9dc", "weight": 1.0, "fill": False},
    "lake": {"color": "#8fb0cc", "weight": 0.5, "fillColor": "#dfeaf2", "fillOpacity": 1.0},
}

#: First zoom at which a place name is shown: countries by size (``extent_m``), settlements by
#: population (a national capital at most at ``capital``), admin-1 units at ``admin1``.
LABEL_ZOOMS: dict[str, Any] = {
    "country": ((1_500_000, 2), (400_000, 3), (150_000, 4), (50_000, 5), (0, 6)),
    "settlement": ((3_000_000, 4), (1_000_000, 5), (300_000, 6), (100_000, 7), (30_000, 8), (0, 9)),
    "capital": 4,
    "admin1": 6,
}
#: The class of each kind of label in the page (its CSS and its weight when names collide).
LABEL_CLASSES = {"country": 0, "admin1": 1, "capital": 2, "city": 3}
_NEAR_DEG = 3.0  # towns and admin-1 names within this many degrees of the content are listed
_MAX_NEAR = 4000  # at most this many towns near the content (the most populous)
_WORLD_POP = 100_000  # cities at least this big are listed for the whole world
_PRECISION = 3  # about 100 m, below the 0.01° simplification of the artefact


def _zoom(steps: Sequence[tuple[float, int]], value: float) -> int:
    """Return the zoom of the first ``(threshold, zoom)`` step whose threshold ``value`` reaches."""
    for threshold, zoom in steps:
        if value >= threshold:
            return zoom
    return steps[-1][1]


def _min_zoom(kind: str, rank: int) -> int:
    for top, zoom in MIN_ZOOM.get(kind, ((99, 0),)):
        if rank <= top:
            return zoom
    return MIN_ZOOM[kind][-1][1]


@functools.cache
def land_geometries(tolerance: float = 0.01, min_area: float = 0.002) -> tuple[Any, ...]:
    """Return the country polygons simplified to ``tolerance`` degrees, specks dropped (cached).

    Returns an empty tuple when geokit's countries layer is missing.

    Examples
    --------
    >>> len(land_geometries()) > 200
    True
    """
    from geokit.places.layers import load_layer

    for name in ("countries", "land"):
        try:
            _, arr = load_layer(name)
        except (DataError, OSError, LookupError, ValueError):
            continue
        arr = np.asarray(arr, dtype=object)
        arr = arr[[g is not None and g.geom_type in ("Polygon", "MultiPolygon") for g in arr]]
        simple = shapely.simplify(arr, tolerance, preserve_topology=True)
        simple = simple[~shapely.is_empty(simple)]
        return tuple(simple[shapely.area(simple) > min_area])
    return ()


def land_layer(coarse: bool = False) -> tuple[int, dict[str, Any]]:
    """Return the land as ``(count, packed polygons)``, built once per process.

    ``coarse``: for the mini-map (0.2° simplification, 0.01° coordinates); else the basemap's land.

    Examples
    --------
    >>> n, packed = land_layer()
    >>> n > 200 and packed["g"] == "polygon"
    True
    """
    return _land_layer(bool(coarse))


@functools.cache
def _land_layer(coarse: bool) -> tuple[int, dict[str, Any]]:
    geoms = list(land_geometries(0.2, 0.05) if coarse else land_geometries())
    return len(geoms), pack_polygons(geoms, precision=2 if coarse else _PRECISION)


def basemap_layers() -> list[tuple[str, int, int, dict[str, Any]]]:
    """Return the basemap's line and water layers as ``(kind, first zoom, count, packed)``, bottom first.

    Lakes come first (filled), then rivers, admin-1 lines and land borders; each kind is split by
    the zoom its features appear at. Empty when ``basemap.npz`` is missing.

    Examples
    --------
    >>> kinds = [k for k, _, _, _ in basemap_layers()]
    >>> kinds.index("lake") < kinds.index("river") < kinds.index("admin1") < kinds.index("border")
    True
    """
    return list(_basemap_layers())


@functools.cache
def _basemap_layers() -> tuple[tuple[str, int, int, dict[str, Any]], ...]:
    from geokit.places.layers import load_layer

    try:
        records, geoms = load_layer("basemap")
    except (DataError, OSError, LookupError, ValueError):
        return ()
    groups: dict[tuple[str, int], list[Any]] = {}
    for rec, geom in zip(records, geoms, strict=True):
        if geom is None or geom.is_empty:
            continue
        key = (rec["kind"], _min_zoom(rec["kind"], int(rec.get("rank", 0))))
        groups.setdefault(key, []).append(geom)
    out = []
    for kind in ("lake", "river", "admin1", "border"):
        for (k, zoom), items in sorted(groups.items()):
            if k != kind:
                continue
            if kind == "lake":
                packed, n = pack_polygons(items, precision=_PRECISION), len(items)
            else:
                lines = [np.asarray(p.coords)[:, ::-1] for g in items for p in shapely.get_parts(g)]
                packed, n = pack_lines(lines, precision=_PRECISION), len(lines)
            out.append((kind, zoom, n, packed))
    return tuple(out)


def _gazetteer_columns() -> Any:
    """Return the gazetteer, or ``None`` when it cannot be loaded (then the map has no place names)."""
    try:
        from geokit.places.gazetteer import get_gazetteer

        return get_gazetteer()
    except (DataError, OSError, ImportError):
        return None


def place_labels(box: Sequence[float] | None) -> list[list[Any]]:
    """Return the basemap's place names, most important first: ``[lat, lon, name, zoom, class]``.

    Countries, and cities of 100,000 people or more, are listed for the whole world; towns and
    admin-1 units only within a few degrees of ``box`` (``[south, west, north, east]`` of the
    map's content). ``class`` is a value of :data:`LABEL_CLASSES`. Deterministic; empty without a
    gazetteer.

    Examples
    --------
    >>> rows = place_labels([30.9, 16.2, 31.5, 16.9])
    >>> [r[2] for r in rows if r[2] in ("Libya", "Sirte")]
    ['Libya', 'Sirte']
    """
    gaz = _gazetteer_columns()
    if gaz is None:
        return []
    return [list(r) for r in _labels(gaz, tuple(round(float(v), 3) for v in box) if box else None)]


@functools.lru_cache(maxsize=8)
def _labels(gaz: Any, box: tuple[float, ...] | None) -> tuple[tuple[Any, ...], ...]:
    from geokit.places.gazetteer import KINDS

    # the gazetteer's columns (memory-mapped arrays); a place's name only for the rows kept
    kind, lat, lon, pop, extent = gaz.columns("kind", "lat", "lon", "population", "extent_m")
    lat, lon, extent = (np.asarray(a, dtype=float) for a in (lat, lon, extent))
    pop = np.asarray(pop, dtype=np.int64)

    def code(name: str) -> int:
        return KINDS.index(name) if name in KINDS else -1

    near = np.zeros(len(kind), dtype=bool)
    if box is not None:
        s, w, n, e = box
        near = (
            (lat >= s - _NEAR_DEG) & (lat <= n + _NEAR_DEG) & (lon >= w - _NEAR_DEG) & (lon <= e + _NEAR_DEG)
        )
    rows: list[tuple[float, float, str, int, int, float]] = []  # ..., sort key
    for i in np.flatnonzero(kind == code("country")):
        z = _zoom(LABEL_ZOOMS["country"], extent[i])
        rows.append((lat[i], lon[i], gaz.name_of(i), z, LABEL_CLASSES["country"], -1e12 - extent[i]))
    for i in np.flatnonzero((kind == code("admin1")) & near):
        rows.append((lat[i], lon[i], gaz.name_of(i), LABEL_ZOOMS["admin1"], LABEL_CLASSES["admin1"], -1.0))
    settled = (kind == code("city")) | (kind == code("town"))
    world = np.flatnonzero(settled & (pop >= _WORLD_POP))
    local = np.flatnonzero(settled & (pop < _WORLD_POP) & near)
    local = local[np.argsort(-pop[local], kind="stable")][:_MAX_NEAR]
    for i in np.concatenate([world, np.sort(local)]):
        p = gaz.place(int(i), geometry=False) if kind[i] == code("city") else None
        capital = p is not None and gaz.is_national_capital(p)
        z = _zoom(LABEL_ZOOMS["settlement"], pop[i])
        cls = LABEL_CLASSES["city"]
        if capital:
            z, cls = min(z, LABEL_ZOOMS["capital"]), LABEL_CLASSES["capital"]
        rows.append((lat[i], lon[i], gaz.name_of(i), z, cls, -float(pop[i]) - (1e10 if capital else 0)))
    rows.sort(key=lambda r: (r[3], r[5], r[2], r[0], r[1]))
    return tuple(
        (round(float(a), 4), round(float(b), 4), str(c), int(d), int(f)) for a, b, c, d, f, _ in rows
    )


class ZoomGate(MacroElement):
    """Show a layer (a :class:`~geokit.maps.layers.DataLayer`) in its group from zoom ``zoom`` on.

    Examples
    --------
    >>> ZoomGate(None, 5).zoom
    5
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geokit.gate({{ this._parent._parent.get_name() }}, {{ this._parent.get_name() }},
            {{ this.layer.get_name() }}, {{ this.zoom }});
        {% endmacro %}
        """
    )

    def __init__(self, layer: Any, zoom: int) -> None:
        super().__init__()
        self._name = "GeokitZoomGate"
        self.layer = layer
        self.zoom = int(zoom)


class PlaceLabels(MacroElement):
    r"""The basemap's place names (rows of :func:`place_labels`) in the parent feature group.

    Names are set as text in the page (``textContent``), never parsed as HTML.

    Examples
    --------
    >>> PlaceLabels([[31.2, 16.6, "<b>Sirte</b>", 7, 3]]).json()
    '[[31.2,16.6,"\\u003cb\\u003eSirte\\u003c/b\\u003e",7,3]]'
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        {{ this.css }}
        {% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this._parent._parent.get_name() }}.createPane("geokitlabels").style.zIndex = 350;
        var {{ this.get_name() }} = {{ this.json() }};
        geokit.places({{ this._parent._parent.get_name() }}, {{ this.get_name() }},
            {{ this._parent.get_name() }}, "geokitlabels");
        {% endmacro %}
        """
    )

    def __init__(self, rows: Sequence[Sequence[Any]]) -> None:
        super().__init__()
        self._name = "GeokitPlaceLabels"
        self.rows = [list(r) for r in rows]
        self.css = style_block("place-names.css")

    def json(self) -> str:
        """Return the rows as script-safe JSON."""
        return script_json(self.rows)
