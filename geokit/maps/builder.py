"""The layered map: places, estimates, uncertainty regions, anchor lines and checks, offline by default.

:class:`Map` collects documents and targets, and builds a folium map on demand: one feature
group per source document and kind, a layer control, a legend, a measure tool, a fullscreen
button, and bounds fitted to the content. With ``offline=True`` (the default) the HTML is
self-contained: Leaflet and the plugins are inlined, and the basemap is geokit's own Natural
Earth country layer instead of web tiles. The same inputs always give byte-identical HTML.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any, cast

import folium
import numpy as np
import shapely
import shapely.ops
from branca.element import Element, Figure
from folium import plugins

from geokit.claims.wording import describe, flag_words, kind_word
from geokit.errors import InputError
from geokit.geo import GEOD
from geokit.maps import popups as P
from geokit.maps import words as W
from geokit.maps.assets import add_script, inline_assets, style_rules
from geokit.maps.basemap import (
    STYLES,
    PlaceLabels,
    ZoomGate,
    basemap_layers,
    land_layer,
    place_labels,
)
from geokit.maps.encode import pack_lines, pack_points, pack_polygons
from geokit.maps.layers import (
    ChecksPanel,
    DataLayer,
    FitView,
    InfoTable,
    Labels,
    Legend,
    MapScript,
    SmallScreenLayers,
    add_helper_js,
)
from geokit.maps.tools import DownloadButton, MiniMap, SearchBox, mouse_position
from geokit.model import Check, Claim, Document, Estimate, Mention, Place
from geokit.text.documents import display_name, retitle

__all__ = ["CORRECTED", "KIND_COLORS", "SOURCE_COLORS", "VERDICT_STYLES", "Map"]


#: Marker colour of each place kind (others are grey).
KIND_COLORS: dict[str, str] = {
    "city": "#1f78b4",
    "country": "#4d9221",
    "admin1": "#7fbc41",
    "admin2": "#b8e186",
    "airbase": "#8c510a",
    "airport": "#8c510a",
    "river": "#35978f",
    "border": "#762a83",
    "coast": "#4393c3",
    "sea": "#4393c3",
    "ocean": "#2166ac",
    "region": "#c51b7d",
    "part-of-place": "#de77ae",
}
_OTHER_KIND = "#666666"
_ESTIMATE = "#6a3d9a"
#: Colour of each source's estimates and regions, by document order (then round again): none is
#: the green of a combined estimate, the red of a disagreement or the orange of a correction.
SOURCE_COLORS: tuple[str, ...] = (
    "#6a3d9a",
    "#1f78b4",
    "#b15928",
    "#e7298a",
    "#01665e",
    "#8c6d31",
    "#3f007d",
    "#0570b0",
)
_MAX_LABELS = 60  # more estimates than this: no labels on the map (tooltips still name them)
_SHORT_NAME = 30  # characters of a document's name in a label or a panel line
#: Outline of places and estimates an analyst corrected (dashed).
CORRECTED = "#ff7f00"
_LINE = "#555555"

#: Line style of each check verdict: a disagreement is a thick red dashed line.
VERDICT_STYLES: dict[str, dict[str, Any]] = {
    "disagree": {"color": "#d7191c", "weight": 4, "dashArray": "10 8", "opacity": 0.95},
    "agree": {"color": "#1a9641", "weight": 2, "opacity": 0.8},
    "uncertain": {"color": "#fdae61", "weight": 2, "dashArray": "2 6", "opacity": 0.9},
}

#: The combined estimate of a target: where all of its agreeing sources hold at once.
COMBINED_STYLE: dict[str, Any] = {
    "color": "#1a9641",
    "weight": 3,
    "fillColor": "#1a9641",
    "fillOpacity": 0.25,
}

#: The layer-control names of the basemap and of its place names.
BASEMAP_NAME = "Basemap (Natural Earth)"
PLACE_NAMES = "Basemap: place names (GeoNames)"

_BIG = 3000  # above this many shapes: canvas, one bulk layer per kind, coarser simplification
_ID_WIDTH = 6
_MAX_DOCUMENT_GROUPS = 40  # more documents than this: one group per kind for all of them
_SHARED_KINDS = ("places", "estimates", "uncertainty regions", "anchor lines")
_SAME_POINT_M = 500.0  # a check between estimates closer than this is drawn as a marker


def _unique_names(docs: Sequence[Document]) -> list[str]:
    """Return each document's display name, numbered when two documents share one."""
    names = [display_name(d) for d in docs]
    seen: dict[str, int] = {}
    out = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if names.count(n) == 1 else f"{n} ({seen[n]})")
    return out


def _short(name: str, limit: int = _SHORT_NAME) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


@dataclass
class _Source:
    document: Document
    mentions: list[Mention]
    claims: list[Claim]
    estimates: dict[str, Estimate]


@dataclass
class _Layers:
    """Accumulates one kind of shape for one feature group."""

    geometry: list[Any] = field(default_factory=list)
    style: list[int] = field(default_factory=list)
    info: list[int] = field(default_factory=list)
    styles: list[dict[str, Any]] = field(default_factory=list)

    def style_index(self, style: Mapping[str, Any]) -> int:
        d = dict(style)
        if d not in self.styles:
            self.styles.append(d)
        return self.styles.index(d)

    def add(self, geometry: Any, style: Mapping[str, Any], info: int) -> None:
        self.geometry.append(geometry)
        self.style.append(self.style_index(style))
        self.info.append(info)

    def __len__(self) -> int:
        return len(self.geometry)


def _anchor_end(anchor: Place, lat: float, lon: float) -> tuple[float, float]:
    """Return where an anchor line from an estimate ends: the anchor's point, or its nearest point.

    The nearest point of an anchor that is a line (a river, border or coast), not its mouth or
    middle far away.

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> river = Place("r", "River", "river", 30.0, 48.0, geometry=LineString([(40, 38), (44, 34), (48, 30)]))
    >>> [round(v, 1) for v in _anchor_end(river, 36.0, 43.0)]
    [35.5, 42.5]
    >>> _anchor_end(Place("s", "Sirte", "city", 31.2, 16.6), 30.9, 16.2)
    (31.2, 16.6)
    """
    geom = anchor.geometry
    if geom is None or geom.geom_type not in ("LineString", "MultiLineString"):
        return anchor.lat, anchor.lon
    near = shapely.ops.nearest_points(geom, shapely.Point(lon, lat))[0]
    return float(near.y), float(near.x)


def _geodesic_line(
    lat1: float, lon1: float, lat2: float, lon2: float, step_m: float = 50_000.0
) -> np.ndarray:
    """Return ``(lat, lon)`` rows along the geodesic, one point per ``step_m`` (longitudes unwrapped)."""
    _, _, dist = GEOD.inv(lon1, lat1, lon2, lat2)
    n = min(256, math.ceil(dist / step_m) - 1) if dist > step_m else 0
    mid = GEOD.npts(lon1, lat1, lon2, lat2, n) if n > 0 else []
    lons = np.array([lon1, *(p[0] for p in mid), lon2], dtype=float)
    lats = np.array([lat1, *(p[1] for p in mid), lat2], dtype=float)
    lons = np.rad2deg(np.unwrap(np.deg2rad(lons)))  # no jump across the antimeridian
    return np.column_stack([lats, lons])


def _claim_id(c: Any) -> str:
    return c if isinstance(c, str) else str(getattr(c, "id", c))


class Map:
    """A layered map of documents, places, claims, estimates and checks.

    Parameters
    ----------
    offline : bool, default True
        Inline Leaflet and the plugins and draw geokit's own basemap: the HTML makes no request.
        With ``False``, folium's CDN links are kept and OpenStreetMap tiles are shown.
    tiles : str, optional
        An online tile layer by folium/xyzservices name (``"OpenStreetMap"``,
        ``"CartoDB positron"``…). It implies requests to that tile server, even with
        ``offline=True`` (which then still inlines the scripts).
    basemap : bool, default True
        Draw the Natural Earth country layer when no tiles are used.
    title : str, default "geokit"
        Title of the legend; the page's ``<title>`` names the documents after it.
    per_document : bool, optional
        One set of feature groups per source document (places, estimates, regions, lines), or
        one set for all documents. Default: per document up to 40 documents.
    compress : bool, optional
        Ship the popup table gzip-compressed (base64), unpacked in the page with
        ``DecompressionStream`` (Chromium 80+, Firefox 113+, Safari 16.4+). Default: only for big
        maps (more than 3,000 shapes).

    Examples
    --------
    >>> from geokit.model import Document
    >>> m = Map()
    >>> m.add_document(Document("d1", "Nothing here."), [], [], {})
    >>> html = m.to_html()
    >>> "<script src=" in html or "<link " in html  # Leaflet is inlined
    False
    >>> html == m.to_html()  # deterministic
    True
    """

    def __init__(
        self,
        *,
        offline: bool = True,
        tiles: str | None = None,
        basemap: bool = True,
        title: str = "geokit",
        per_document: bool | None = None,
        compress: bool | None = None,
    ) -> None:
        if tiles is not None and not isinstance(tiles, str):
            raise InputError("tiles must be a tile provider name such as 'OpenStreetMap'")
        self.offline = bool(offline)
        self.tiles = tiles if tiles is not None else (None if offline else "OpenStreetMap")
        self.basemap = bool(basemap)
        self.title = str(title)
        self.per_document = per_document
        self.compress = compress
        self._sources: list[_Source] = []
        self._targets: list[Any] = []
        self._big = False
        self._names: dict[str, str] = {}
        self._placed: list[tuple[float, float]] = []  # labels already on the map

    # ------------------------------------------------------------------ input
    def add_document(
        self,
        document: Document,
        mentions: Iterable[Mention] = (),
        claims: Iterable[Claim] = (),
        estimates: Mapping[str, Estimate] | None = None,
    ) -> None:
        """Add one source document with its mentions, claims and estimates (keyed by claim id)."""
        if not hasattr(document, "id") or not hasattr(document, "text"):
            raise InputError("add_document needs a geokit Document")
        self._sources.append(_Source(document, list(mentions), list(claims), dict(estimates or {})))

    def add_targets(self, targets: Iterable[Any]) -> None:
        """Add targets: objects with ``label``, ``claims`` (ids or Claims) and ``checks`` (Checks)."""
        for t in targets:
            if not hasattr(t, "checks"):
                raise InputError(f"a target needs .label, .claims and .checks, got {type(t).__name__}")
            self._targets.append(t)

    # ----------------------------------------------------------------- output
    def to_html(self) -> str:
        """Return the whole page as one HTML string (deterministic for the same inputs)."""
        fmap = self._build()
        page = fmap.get_root().render()
        if self.offline:
            page = inline_assets(page)
        return page

    def save(self, path: str | PathLike[str]) -> Path:
        """Write the page to ``path`` atomically (a temporary file in the same folder, then a rename)."""
        out = Path(path)
        text = self.to_html()
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            os.chmod(tmp, 0o644)  # mkstemp makes it private; a map is an ordinary file
            os.replace(tmp, out)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        return out

    def to_png(self, path: str | PathLike[str], *, size: tuple[int, int] = (1000, 700)) -> Path:
        """Render the map in headless Chromium and save a PNG screenshot.

        Raises
        ------
        geokit.maps.browser.BrowserNotFoundError
            If no Chromium is installed.
        """
        from geokit.maps.browser import find_chromium, screenshot

        find_chromium()  # fail before rendering
        with tempfile.TemporaryDirectory(prefix="geokit-map-") as tmp:
            page = self.save(Path(tmp) / "map.html")
            return screenshot(page, path, size=size)

    def _repr_html_(self) -> str:
        """Return the map inline for Jupyter: an iframe whose ``srcdoc`` is the (offline) page."""
        page = P.esc(self.to_html())
        return (
            '<div style="width:100%;"><div style="position:relative;width:100%;height:0;'
            'padding-bottom:60%;"><iframe srcdoc="' + page + '" style="position:absolute;width:100%;'
            'height:100%;left:0;top:0;border:none !important;" allowfullscreen></iframe></div></div>'
        )

    def __repr__(self) -> str:
        return (
            f"Map(offline={self.offline}, tiles={self.tiles!r}, documents={len(self._sources)}, "
            f"targets={len(self._targets)})"
        )

    # ------------------------------------------------------------------ build
    def _shape_count(self) -> int:
        n = 0
        for s in self._sources:
            n += len(s.mentions) + 3 * len(s.estimates)
        return n + sum(len(getattr(t, "checks", [])) for t in self._targets)

    def _build(self) -> folium.Map:
        big = self._big = self._shape_count() > _BIG
        fmap = folium.Map(
            location=[20, 0],
            zoom_start=2,
            tiles=self.tiles,
            prefer_canvas=big,
            control_scale=True,
            world_copy_jump=False,
        )
        page = cast(Figure, fmap.get_root())  # a folium Map's root is always its Figure
        add_helper_js(page, bulk=big)
        add_script(page, "tools.js")
        compress = self.compress if self.compress is not None else big
        info = InfoTable(compress=compress)
        info.add_to(fmap)
        legend: list[tuple[str, dict[str, Any]]] = []
        bounds: list[tuple[float, float, float, float]] = []  # south, west, north, east

        # a big map is fitted before its layers are added: every shape is then drawn once, at the
        # final view (the code is filled in once the bounds are known)
        early_fit = FitView(None, animate=False) if big else None
        if early_fit is not None:
            early_fit.add_to(fmap)
        place_names = self._add_basemap(fmap, info) if self.tiles is None and self.basemap else None
        has_basemap = place_names is not None

        names = _unique_names([s.document for s in self._sources])
        self._placed = []
        # what a document's source path or id reads as in sentences (summaries, reasons)
        self._names = {}
        for src, name in zip(self._sources, names, strict=True):
            for key in (src.document.source, src.document.id):
                if key:
                    self._names.setdefault(key, name)
        claims_by_id: dict[str, Claim] = {}
        estimates_by_id: dict[str, Estimate] = {}
        source_of_claim: dict[str, str] = {}
        for src, name in zip(self._sources, names, strict=True):
            for c in src.claims:
                claims_by_id.setdefault(c.id, c)
                source_of_claim.setdefault(c.id, name)
        kinds_seen: list[str] = []
        per_document = self.per_document
        if per_document is None:
            per_document = len(self._sources) <= _MAX_DOCUMENT_GROUPS
        shared = None if per_document else {k: _Layers() for k in _SHARED_KINDS}
        drawn: set[str] = set()  # estimates already drawn (each once, with the document that claims it)
        labels = not big and sum(len(s.estimates) for s in self._sources) <= _MAX_LABELS * len(
            self._sources or [1]
        )
        for i, (src, name) in enumerate(zip(self._sources, names, strict=True)):
            for cid, est in src.estimates.items():
                if source_of_claim.get(cid, name) == name:
                    estimates_by_id.setdefault(cid, est)
            color = SOURCE_COLORS[i % len(SOURCE_COLORS)]
            self._add_source(
                fmap, info, src, name, color, source_of_claim, drawn, big, kinds_seen, bounds, shared, labels
            )
        if shared is not None:
            self._emit(fmap, info, f"all {len(self._sources)} documents", *shared.values())

        for kind in kinds_seen:
            legend.append(
                (
                    f"place: {kind_word(kind)}",
                    {"color": KIND_COLORS.get(kind, _OTHER_KIND), "shape": "circle"},
                )
            )
        if estimates_by_id:
            with_estimates = [
                (i, n) for i, (s, n) in enumerate(zip(self._sources, names, strict=True)) if s.estimates
            ]
            if per_document and len(with_estimates) <= len(SOURCE_COLORS):
                for i, n in with_estimates:
                    color = SOURCE_COLORS[i % len(SOURCE_COLORS)]
                    legend.append((f"estimate, region: {_short(n)}", {"color": color, "shape": "area"}))
            else:
                legend.append(("estimate", {"color": _ESTIMATE, "shape": "circle"}))
                legend.append(("uncertainty region", {"color": _ESTIMATE, "shape": "area"}))
            legend.append(("anchor → estimate", {"color": _LINE, "shape": "line", "dash": True}))

        if any(getattr(x, "corrected", None) for s in self._sources for x in (*s.mentions, *s.claims)):
            legend.append(
                ("corrected by analyst", {"color": CORRECTED, "fill": "#ffffff", "shape": "circle"})
            )
        verdicts, focus, rows = self._add_targets(fmap, info, claims_by_id, estimates_by_id, source_of_claim)
        if "combined" in verdicts:
            verdicts.discard("combined")
            legend.append(
                ("where agreeing sources all hold", {"color": COMBINED_STYLE["color"], "shape": "area"})
            )
        for v in ("disagree", "uncertain", "agree"):
            if v in verdicts:
                st = VERDICT_STYLES[v]
                legend.append(
                    (f"check: {v}", {"color": st["color"], "shape": "line", "dash": "dashArray" in st})
                )
        for v in sorted(verdicts - set(VERDICT_STYLES)):
            legend.append((f"check: {v}", {"color": _LINE, "shape": "line"}))

        if place_names is not None:
            place_names.rows = place_labels(self._box(bounds))
        # plain-text attribution: no link leaves the page
        prefix = "Leaflet"
        if has_basemap:
            prefix += " | Natural Earth" + (
                " | GeoNames" if place_names is not None and place_names.rows else ""
            )
        MapScript(f"MAP.attributionControl.setPrefix({json.dumps(prefix)});").add_to(fmap)
        plugins.MeasureControl(
            position="topleft", primary_length_unit="kilometers", secondary_length_unit="miles"
        ).add_to(fmap)
        plugins.Fullscreen(position="topleft").add_to(fmap)
        control = folium.LayerControl(collapsed=False)
        control.add_to(fmap)
        SmallScreenLayers(control).add_to(fmap)
        mouse_position().add_to(fmap)
        SearchBox(self._search_items(rows), place_names).add_to(fmap)
        DownloadButton(control, [BASEMAP_NAME, PLACE_NAMES] if has_basemap else []).add_to(fmap)
        if has_basemap:
            n_land, coarse = land_layer(coarse=True)  # the mini-map is 130 pixels wide
            MiniMap(coarse, n_land).add_to(fmap)
        if legend:
            Legend(self.title, legend).add_to(fmap)
        if rows:
            ChecksPanel(rows).add_to(fmap)
        if self.tiles is None:
            page.header.add_child(
                Element(f"<style>{style_rules('sea.css')}</style>"),
                name="geokit_sea",
            )
        page.title = P.esc(self._page_title(names, focus))
        # the opening view: the checked targets (disagreements first) and their estimates, else everything
        fit = self._bounds(focus["bounds"]) or self._bounds(bounds)
        if fit is not None:
            if early_fit is not None:
                early_fit.bounds = fit
            else:
                FitView(fit).add_to(fmap)
        _renumber(fmap.get_root())
        return fmap

    def _search_items(self, rows: Sequence[Mapping[str, Any]]) -> list[list[Any]]:
        """Return what the search box finds: the checked targets, the places, the estimates (small maps)."""
        items: list[list[Any]] = []
        for r in rows:
            if r.get("bounds"):
                items.append(
                    [r["label"], f"target, {r['verdict']}" if r["verdict"] else "target", r["bounds"]]
                )
        seen: set[tuple[str, str]] = set()
        for src in self._sources:
            for m in src.mentions:
                p = m.place
                if p is not None and (p.name, p.id) not in seen:
                    seen.add((p.name, p.id))
                    items.append([p.name, kind_word(p.kind), round(p.lat, 5), round(p.lon, 5)])
        if not self._big:
            names = _unique_names([s.document for s in self._sources])
            for src, name in zip(self._sources, names, strict=True):
                claims = {c.id: c for c in src.claims}
                for cid, est in src.estimates.items():
                    c = claims.get(cid)
                    if c is not None and c.target and (c.target, name) not in seen:
                        seen.add((c.target, name))
                        items.append(
                            [c.target, f"estimate, {_short(name)}", round(est.lat, 5), round(est.lon, 5)]
                        )
        return items

    def _page_title(self, names: Sequence[str], focus: Mapping[str, Any]) -> str:
        """Return the page's title: the targets in view and their verdicts, then the documents."""
        head = "; ".join(focus["titles"][:3])
        docs = names[0] if len(names) == 1 else (f"{len(names)} documents" if names else "")
        parts = [p for p in (head, docs) if p]
        return " — ".join([*parts, self.title]) if parts else self.title

    # -- pieces
    def _add_basemap(self, fmap: folium.Map, info: InfoTable) -> PlaceLabels | None:
        """Draw geokit's offline basemap; return its (still empty) place names, or None if no basemap."""
        n_land, land = land_layer()
        if not n_land:
            return None
        root = cast(Figure, fmap.get_root())  # a folium Map's root is always its Figure
        add_helper_js(root, bulk=True)
        add_script(root, "basemap.js")
        # below the overlay pane (400), above the tile pane (200)
        MapScript('MAP.createPane("geokitbase").style.zIndex = 250;').add_to(fmap)
        group = folium.FeatureGroup(name=BASEMAP_NAME, overlay=True, control=True)
        group.add_to(fmap)
        options = {"interactive": False, "pane": "geokitbase"}
        DataLayer(land, [0] * n_land, [STYLES["land"]], info, None, options, bulk=True).add_to(group)
        for kind, zoom, n, packed in basemap_layers():
            layer = DataLayer(packed, [0] * n, [STYLES[kind]], info, None, options, bulk=True)
            layer.add_to(group)
            if zoom > 0:
                ZoomGate(layer, zoom).add_to(group)
        names = folium.FeatureGroup(name=PLACE_NAMES, overlay=True, control=True)
        names.add_to(fmap)
        labels = PlaceLabels([])  # filled once the content's bounds are known
        labels.add_to(names)
        return labels

    def _add_source(
        self,
        fmap: folium.Map,
        info: InfoTable,
        src: _Source,
        name: str,
        color: str,
        source_of_claim: Mapping[str, str],
        drawn: set[str],
        big: bool,
        kinds_seen: list[str],
        bounds: list[tuple[float, float, float, float]],
        shared: dict[str, _Layers] | None = None,
        with_labels: bool = False,
    ) -> None:
        doc = src.document
        source = name

        # places: one marker per place per document, its popup quoting each mention
        by_place: dict[str, list[Mention]] = {}
        for m in src.mentions:
            if m.place is not None:
                by_place.setdefault(m.place.id, []).append(m)
        places = shared["places"] if shared is not None else _Layers()
        for mentions in by_place.values():
            p = mentions[0].place
            assert p is not None
            kind_color = KIND_COLORS.get(p.kind, _OTHER_KIND)
            if p.kind not in kinds_seen:
                kinds_seen.append(p.kind)
            quotes = _folded_quotes(doc.text, mentions)
            more = f"<br><i>and {len(quotes) - 5} more sentences</i>" if len(quotes) > 5 else ""
            quotes = quotes[:5]
            fixes = [
                f"{P.esc(m.text)} ({m.start}-{m.end}): {P.esc(P.correction_text(m.corrected))}"
                for m in mentions
                if getattr(m, "corrected", None)
            ]
            fixed_html = "<br><b>Corrected</b><br>" + "<br>".join(fixes) if fixes else ""
            what = P.esc(kind_word(p.kind))
            popup = (
                f'<div class="geokit-popup"><b>{P.esc(p.name)}</b> ({what}, {P.esc(p.id)})'
                f"<br>{'<br>'.join(quotes)}{more}{fixed_html}<br><small>Source: {P.esc(source)}</small></div>"
            )
            tooltip = f"{P.esc(p.name)} ({what})" + (" — corrected" if fixes else "")
            style: dict[str, Any] = {
                "radius": 6,
                "color": "#ffffff",
                "weight": 1,
                "fillColor": kind_color,
                "fillOpacity": 0.9,
            }
            if fixes:
                style.update(radius=8, color=CORRECTED, weight=3, dashArray="3 3")
            places.add((p.lat, p.lon), style, info.add(tooltip, popup))
            bounds.append((p.lat, p.lon, p.lat, p.lon))

        if shared is not None:
            points, regions, lines = (
                shared["estimates"],
                shared["uncertainty regions"],
                shared["anchor lines"],
            )
            color = _ESTIMATE
        else:
            points, regions, lines = _Layers(), _Layers(), _Layers()
        claims = {c.id: c for c in src.claims}
        # only this document's estimates: those of its claims, and those no document claims
        order = [c.id for c in src.claims if c.id in src.estimates]
        order += [cid for cid in src.estimates if cid not in claims and cid not in source_of_claim]
        labels: list[list[Any]] = []
        for cid in order:
            if cid in drawn:
                continue
            drawn.add(cid)
            est = src.estimates[cid]
            claim = claims.get(cid)
            k = _estimate_row(info, est, claim, doc, source, self._names)
            fixed = claim is not None and bool(getattr(claim, "corrected", None))
            outline = CORRECTED if fixed else color
            point_style: dict[str, Any] = {
                "radius": 5,
                "color": outline,
                "weight": 2,
                "fillColor": "#ffffff",
                "fillOpacity": 1.0,
            }
            if fixed:
                point_style.update(weight=3, dashArray="3 3")
            points.add((est.lat, est.lon), point_style, k)
            bounds.append((est.lat, est.lon, est.lat, est.lon))
            if with_labels:
                what = claim.target if claim is not None and claim.target else "estimate"
                text = P.esc(f"{what} — {_short(name)}")
                if not any(r[2] == text for r in labels):  # one label per target and document
                    # labels of nearby estimates are stacked, not drawn over each other
                    below = sum(1 for la, lo in self._placed if abs(la - est.lat) + abs(lo - est.lon) < 0.5)
                    self._placed.append((est.lat, est.lon))
                    labels.append([round(est.lat, 5), round(est.lon, 5), text, color, 16 * below])
            if est.region is not None and not est.region.is_empty:
                frac = 0.03 if big else 0.004  # a 64-gon: 16 vertices when big
                tol = max(est.radius_m, 1.0) * frac / 111_320.0
                region_style: dict[str, Any] = {
                    "color": outline,
                    "weight": 1.5,
                    "fillColor": color,
                    "fillOpacity": 0.12,
                }
                if fixed:
                    region_style["dashArray"] = "6 4"
                regions.add((est.region, tol), region_style, k)
                w, s, e, n = est.region.bounds
                bounds.append((s, w, n, e))
            if claim is not None:
                for anchor in (claim.anchor, claim.anchor2):
                    if anchor is None:
                        continue
                    a_lat, a_lon = _anchor_end(anchor, est.lat, est.lon)
                    lines.add(
                        _geodesic_line(a_lat, a_lon, est.lat, est.lon),
                        {"color": _LINE, "weight": 1.5, "dashArray": "4 4", "opacity": 0.8},
                        k,
                    )
                    bounds.append((a_lat, a_lon, a_lat, a_lon))

        if shared is None:
            group = self._emit(fmap, info, name, places, points, regions, lines)
            if group is not None and labels:
                Labels(labels).add_to(group)

    def _emit(
        self,
        fmap: folium.Map,
        info: InfoTable,
        label: str,
        places: _Layers,
        points: _Layers,
        regions: _Layers,
        lines: _Layers,
    ) -> folium.FeatureGroup | None:
        """Add one layer-control entry named ``label`` holding every kind of shape of a document."""
        kinds = [
            (kind, layers)
            # z-order: regions under lines under points under places
            for kind, layers in (
                ("uncertainty regions", regions),
                ("anchor lines", lines),
                ("estimates", points),
                ("places", places),
            )
            if len(layers)
        ]
        if not kinds:
            return None
        group = folium.FeatureGroup(name=P.esc(label), overlay=True, control=True)
        for kind, layers in kinds:
            # regions of a big map: 4 decimals (about 10 m) is far below their size
            precision = 4 if self._big and kind == "uncertainty regions" else 5
            self._data_layer(layers, info, precision, bulk=self._big).add_to(group)
        group.add_to(fmap)
        return group

    @staticmethod
    def _data_layer(layers: _Layers, info: InfoTable, precision: int = 5, bulk: bool = False) -> DataLayer:
        first = layers.geometry[0]
        if isinstance(first, tuple) and len(first) == 2 and not isinstance(first[0], (int, float)):
            geoms = [g for g, _ in layers.geometry]
            tols = [t for _, t in layers.geometry]
            packed = pack_polygons(geoms, precision=precision, tolerance=tols)
        elif isinstance(first, np.ndarray):
            packed = pack_lines(layers.geometry)
        else:
            packed = pack_points(layers.geometry)
        return DataLayer(packed, layers.style, layers.styles, info, layers.info, bulk=bulk)

    def _group(self, fmap: folium.Map, name: str, *layers: _Layers, info: InfoTable) -> None:
        group = folium.FeatureGroup(name=P.esc(name), overlay=True, control=True)
        for layer in layers:
            if len(layer):
                self._data_layer(layer, info, bulk=self._big).add_to(group)
        group.add_to(fmap)

    def _add_targets(
        self,
        fmap: folium.Map,
        info: InfoTable,
        claims_by_id: dict[str, Claim],
        estimates_by_id: dict[str, Estimate],
        source_of_claim: dict[str, str],
    ) -> tuple[set[str], dict[str, Any], list[dict[str, Any]]]:
        """Draw each target's checks and combined estimate; return the verdicts, the focus, the panel rows."""
        verdicts: set[str] = set()
        rows: list[dict[str, Any]] = []
        focus_by_verdict: dict[str, list[tuple[float, float, float, float]]] = {}
        titles_by_verdict: dict[str, list[str]] = {}
        for t in self._targets:
            claims = dict(claims_by_id)
            for c in getattr(t, "claims", []) or []:
                if not isinstance(c, str) and hasattr(c, "id"):
                    claims[c.id] = c
            ests = dict(estimates_by_id)
            extra = getattr(t, "estimates", None)
            if isinstance(extra, Mapping):
                ests.update(extra)
            elif isinstance(extra, Sequence):
                ests.update({e.claim_id: e for e in extra})
            label = str(getattr(t, "label", "") or "target")
            lines, marks = _Layers(), _Layers()
            for chk in getattr(t, "checks", []) or []:
                ea, eb = ests.get(_claim_id(chk.a)), ests.get(_claim_id(chk.b))
                if ea is None or eb is None:
                    continue
                verdict = str(chk.verdict)
                verdicts.add(verdict)
                style = VERDICT_STYLES.get(verdict, {"color": _LINE, "weight": 2})
                tooltip, popup = _check_html(label, chk, claims, source_of_claim, self._names)
                k = info.add(tooltip, popup)
                _, _, apart = GEOD.inv(ea.lon, ea.lat, eb.lon, eb.lat)
                if apart < _SAME_POINT_M:  # a line of no length: a ringed marker instead
                    ring = {"radius": 9, "color": style["color"], "weight": 3, "fill": False}
                    marks.add((ea.lat, ea.lon), ring, k)
                else:
                    lines.add(_geodesic_line(ea.lat, ea.lon, eb.lat, eb.lon), style, k)
            if len(lines) or len(marks):
                self._group(fmap, f"checks: {label}", lines, marks, info=info)
            box: list[tuple[float, float, float, float]] = []
            for c in getattr(t, "claims", []) or []:
                e = ests.get(_claim_id(c))
                if e is None:
                    continue
                box.append((e.lat, e.lon, e.lat, e.lon))
                if e.region is not None and not e.region.is_empty:
                    w, s, ee, n = e.region.bounds
                    box.append((s, w, n, ee))
            combined = getattr(t, "estimate", None)
            summary = retitle(str(getattr(t, "summary", "") or ""), self._names)
            if combined is not None and getattr(combined, "region", None) is not None:
                area = _Layers()
                tol = max(combined.radius_m, 1.0) * 0.004 / 111_320.0
                tooltip = (
                    f"{P.esc(label)}: where all agreeing sources hold (±{P.esc(P.km(combined.radius_m))})"
                )
                popup = f'<div class="geokit-popup"><b>{P.esc(label)}</b>: {P.esc(summary)}</div>'
                area.add((combined.region, tol), COMBINED_STYLE, info.add(tooltip, popup))
                self._group(fmap, f"combined estimate: {label}", area, info=info)
                verdicts.add("combined")
                if not combined.region.is_empty:
                    w, s, ee, n = combined.region.bounds
                    box.append((s, w, n, ee))
            verdict = str(getattr(t, "verdict", "") or "")
            checked = bool(getattr(t, "checks", None))
            if not verdict and checked:  # a target without an overall verdict: its worst check's
                seen = {str(k.verdict) for k in t.checks}
                verdict = next((v for v in ("disagree", "uncertain", "agree") if v in seen), sorted(seen)[0])
            if box and checked:
                focus_by_verdict.setdefault(verdict, []).extend(box)
                titles_by_verdict.setdefault(verdict, []).append(f"{label}: {verdict}" if verdict else label)
            if not checked:
                continue
            said: list[str] = []
            for item in getattr(t, "claims", []) or []:
                c = claims.get(_claim_id(item))
                if c is None:
                    continue
                who = source_of_claim.get(c.id) or retitle(c.source or c.document, self._names)
                line = f"{_short(who)}: {describe(c)}"
                if line in said:
                    continue  # a quote repeated is one statement
                said.append(line)
            rows.append(
                {
                    "label": label,
                    "verdict": verdict,
                    "summary": summary,
                    "said": said,
                    "bounds": self._bounds(box),
                }
            )
        focus: dict[str, Any] = {"bounds": [], "titles": []}
        for v in ("disagree", "uncertain", "agree", *sorted(focus_by_verdict)):
            if focus_by_verdict.get(v):
                focus = {"bounds": focus_by_verdict[v], "titles": titles_by_verdict[v]}
                break
        order = {"disagree": 0, "uncertain": 1, "agree": 2}
        rows.sort(key=lambda r: order.get(r["verdict"], 3))
        return verdicts, focus, rows

    @staticmethod
    def _box(bounds: list[tuple[float, float, float, float]]) -> list[float] | None:
        """Return ``[south, west, north, east]`` around all the content, or None for none."""
        arr = np.asarray(bounds, dtype=float).reshape(-1, 4)
        arr = arr[np.isfinite(arr).all(axis=1)]
        if not len(arr):
            return None
        return [
            float(arr[:, 0].min()),
            float(arr[:, 1].min()),
            float(arr[:, 2].max()),
            float(arr[:, 3].max()),
        ]

    @staticmethod
    def _bounds(bounds: list[tuple[float, float, float, float]]) -> list[list[float]] | None:
        if not bounds:
            return None
        arr = np.asarray(bounds, dtype=float)
        arr = arr[np.isfinite(arr).all(axis=1)]
        if not len(arr):
            return None
        s, w = float(arr[:, 0].min()), float(arr[:, 1].min())
        n, e = float(arr[:, 2].max()), float(arr[:, 3].max())
        pad = 0.05 if (n - s) < 0.1 and (e - w) < 0.1 else 0.0
        return [[round(s - pad, 5), round(w - pad, 5)], [round(n + pad, 5), round(e + pad, 5)]]


def _estimate_row(
    info: InfoTable,
    est: Estimate,
    claim: Claim | None,
    doc: Document,
    source: str,
    names: Mapping[str, str] | None = None,
) -> int:
    """Store the compact popup row of one estimate (see :class:`InfoTable`) and return its index."""
    S = info.string
    target = claim.target if claim is not None else est.claim_id
    corrected = getattr(claim, "corrected", None) if claim is not None else None
    if corrected:
        target = f"{target} (corrected)"  # the tooltip and the popup's title say it
    quote: tuple[str, int | None, int | None] = ("", None, None)
    kv: list[int] = []
    flags = -1
    if claim is not None:
        if claim.quote:
            quote = P.highlight_span(claim.quote, phrase=claim.text or claim.anchor_text)
        elif doc.text:
            sent, a, b = P.sentence_around(doc.text, claim.start, claim.end)
            quote = P.highlight_span(sent, a, b)
        table = W.claim_rows(claim)
        if corrected:
            table.append((W.display_words()["claim_rows"]["corrected"], P.correction_text(corrected)))
        for label, value in table:
            if value:
                kv += [S(P.esc(label)), S(P.esc(value))]
        if claim.flags:
            flags = S(P.bullet_list(retitle(flag_words(str(f)), names or {}) for f in claim.flags))
    comps: list[Any] = []
    cause = -1  # the largest cause of uncertainty: the popup's sentence names it
    for name, size in sorted(est.components.items(), key=lambda kv_: -abs(kv_[1])):
        words, unit, uncertain = W.component_word(name)
        if unit == "deg":  # shown as it is; a number is metres, shown in km by the page
            comps += [S(P.esc(words)), P.esc(f"{float(size):g}°")]
            continue
        comps += [S(P.esc(words)), round(float(size))]
        if uncertain and cause < 0 and size > 0:
            cause = S(P.esc(words))
    method = W.method_word(est.method)
    row = [1, S(P.esc(target)), quote[0], S(P.esc(source)), S(P.esc(method)), round(float(est.radius_m))]
    row += [kv, comps, flags]
    # where the page puts <mark> in the escaped quote; the cause of uncertainty
    row += [[quote[1], quote[2]] if quote[1] is not None else 0, cause]
    return info.add_row(row)


def _folded_quotes(text: str, mentions: Sequence[Mention]) -> list[str]:
    """Return one ``<q>`` per distinct sentence quoting the mentions, with how often it is repeated.

    A sentence the document repeats (or one naming the place twice) is quoted once, the first
    mention marked, followed by "(3 times)".

    Examples
    --------
    >>> t = "Sirte is quiet. Sirte is quiet. Raids hit Sirte."
    >>> ms = [Mention("d", i, i + 5, "Sirte") for i in (0, 16, 42)]
    >>> _folded_quotes(t, ms)
    ['<q><mark>Sirte</mark> is quiet.</q> <small>(2 times)</small>', '<q>Raids hit <mark>Sirte</mark>.</q>']
    """
    seen: dict[str, list[Any]] = {}
    for m in mentions:
        sent, a, b = P.sentence_around(text, m.start, m.end)
        if sent in seen:
            seen[sent][1] += 1
        else:
            seen[sent] = [P.highlight(sent, a, b), 1]
    return [f"<q>{h}</q>" + (f" <small>({n} times)</small>" if n > 1 else "") for h, n in seen.values()]


def _check_html(
    label: str,
    chk: Check,
    claims: Mapping[str, Claim],
    source_of_claim: Mapping[str, str],
    names: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    sep = P.km(chk.separation_m) if chk.separation_m is not None else "?"
    tooltip = f"{P.esc(label)}: {P.esc(chk.verdict)} ({P.esc(sep)} apart)"
    parts = [f"<b>{P.esc(label)}</b>: <b>{P.esc(chk.verdict)}</b>", f"estimates {P.esc(sep)} apart"]
    if chk.overlap is not None:
        parts.append(f"region overlap {chk.overlap:.0%}")
    if chk.reasons:
        parts.append("<b>Reasons</b>" + P.bullet_list(retitle(str(r), names or {}) for r in chk.reasons))
    for side, cid in (("A", _claim_id(chk.a)), ("B", _claim_id(chk.b))):
        c = claims.get(cid)
        if c is not None:
            src = source_of_claim.get(cid) or c.source or c.document
            parts.append(
                f"{side}: <q>{P.highlight(c.quote, phrase=c.text)}</q> <small>({P.esc(src)})</small>"
            )
    return tooltip, '<div class="geokit-popup">' + "<br>".join(parts) + "</div>"


def _renumber(root: Any) -> None:
    """Give every branca element a deterministic id from a counter (folium draws random uuids)."""
    from branca.element import Element as _E

    order: list[Any] = []
    seen: set[int] = set()

    def walk(el: Any) -> None:
        if id(el) in seen:
            return
        seen.add(id(el))
        order.append(el)
        for key, value in list(vars(el).items()):
            if key == "_parent":
                continue
            if isinstance(value, _E):
                walk(value)
        for child in list(el._children.values()):
            walk(child)

    walk(root)
    old = {id(el): el.get_name() for el in order}
    for i, el in enumerate(order):
        el._id = format(i, f"0{_ID_WIDTH}x")
    for el in order:
        items = list(el._children.items())
        el._children.clear()
        for key, child in items:
            new_key = child.get_name() if key == old[id(child)] else key
            el._children[new_key] = child
