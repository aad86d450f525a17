"""Folium elements that draw packed data layers, the shared popup table and the legend.

One :class:`DataLayer` draws a whole kind of shape (all places of a document, all their regions…)
from the compact form of :mod:`geokit.maps.encode`: Leaflet objects are created in the page, and
popups and tooltips are built on demand from an :class:`InfoTable` of already-escaped HTML
strings, so a map of 100,000 estimates stays small and opens quickly. On a big map (``bulk``),
each kind of shape is a single canvas layer drawn from typed arrays (``js/bulk.js``) instead of
one Leaflet object per shape; a region, line or marker that opaque markers drawn above it hide in
full is not drawn at all (the canvas is the same, pixel for pixel), while hit tests, tooltips and
popups still see every shape. The page code is in ``geokit/maps/js/`` (``helper.js``, ``bulk.js``
and the CSS of the legend, the labels and the checks panel), read by
:func:`geokit.maps.assets.read_code`.
"""

from __future__ import annotations

import base64
import gzip
from collections.abc import Mapping, Sequence
from typing import Any

from branca.element import Figure, MacroElement
from folium.template import Template

from geokit.maps.assets import add_script, style_rules
from geokit.maps.encode import script_json
from geokit.maps.popups import esc

__all__ = [
    "ChecksPanel",
    "DataLayer",
    "FitView",
    "InfoTable",
    "Labels",
    "Legend",
    "MapScript",
    "SmallScreenLayers",
    "add_helper_js",
]


def add_helper_js(figure: Figure, bulk: bool = False) -> None:
    """Add ``js/helper.js`` (and, for a big map, ``js/bulk.js``) to the page header once (keyed)."""
    add_script(figure, "helper.js")
    if bulk:
        add_script(figure, "bulk.js")


class MapScript(MacroElement):
    """A fixed piece of JavaScript run on the parent map, written as ``MAP.…`` (no user data).

    Examples
    --------
    >>> MapScript('MAP.createPane("x");').code
    'MAP.createPane("x");'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code.replace("MAP.", this._parent.get_name() ~ ".") }}
        {% endmacro %}
        """
    )

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "GeokitScript"
        self.code = code


class InfoTable(MacroElement):
    r"""The page's table of popups and tooltips that layers refer to by row number.

    Two kinds of rows: ``[0, tooltip_html, popup_html]`` (finished HTML), and the compact
    estimate row ``[1, target, quote_html, source, method, radius_m, [label, value, …],
    [component, metres or text, …], flags, [mark_start, mark_end] or 0, cause]`` whose HTML the page
    builds on demand (``cause``: the string of the largest cause of uncertainty, or -1);
    there, every name is
    an index into a table of strings (``s``) stored once. Every string must already be escaped
    HTML; the table is written with :func:`script_json`, so ``</script>`` cannot end the block.

    Examples
    --------
    >>> t = InfoTable()
    >>> t.add("tip", "<b>pop</b>"), t.add("tip", "<b>pop</b>"), t.string("Sirte"), t.string("Sirte")
    (0, 0, 0, 0)
    >>> t.json()
    '{"s":["Sirte"],"r":[[0,"tip","\\u003cb\\u003epop\\u003c/b\\u003e"]]}'
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {%- if this.compress %}
        var {{ this.get_name() }} = geokit.inflate("{{ this.packed() }}", {"s": [], "r": []});
        {%- else %}
        var {{ this.get_name() }} = {{ this.json() }};
        {%- endif %}
        {% endmacro %}
        """
    )

    def __init__(self, compress: bool = False) -> None:
        super().__init__()
        self._name = "GeokitInfo"
        self.compress = compress
        self.rows: list[list[Any]] = []
        self.strings: list[str] = []
        self._index: dict[tuple[str, str], int] = {}
        self._strings: dict[str, int] = {}

    def string(self, html_text: str) -> int:
        """Store one (escaped) string once and return its index."""
        if html_text not in self._strings:
            self._strings[html_text] = len(self.strings)
            self.strings.append(html_text)
        return self._strings[html_text]

    def add(self, tooltip: str, popup: str) -> int:
        """Store one finished ``(tooltip, popup)`` pair (deduplicated) and return its row."""
        key = (tooltip, popup)
        if key not in self._index:
            self._index[key] = len(self.rows)
            self.rows.append([0, tooltip, popup])
        return self._index[key]

    def add_row(self, row: list[Any]) -> int:
        """Store a compact estimate row (see the class docstring) and return its row."""
        self.rows.append(row)
        return len(self.rows) - 1

    def json(self) -> str:
        """Return the table as script-safe JSON."""
        return script_json({"s": self.strings, "r": self.rows})

    def packed(self) -> str:
        """Return the JSON gzip-compressed (no timestamp: deterministic) and base64-encoded."""
        return base64.b64encode(gzip.compress(self.json().encode("utf-8"), mtime=0)).decode("ascii")


class DataLayer(MacroElement):
    """All shapes of one kind, drawn into the parent feature group from packed data.

    Parameters
    ----------
    packed : dict
        Output of :func:`~geokit.maps.encode.pack_points`, ``pack_lines`` or ``pack_polygons``.
    style_index : sequence of int
        For each shape, its index in ``styles``.
    styles : sequence of dict
        Leaflet path options (``color``, ``weight``, ``dashArray``, ``radius``…).
    info : InfoTable
        The page's popup table.
    info_index : sequence of int, optional
        For each shape, its row in ``info`` (``-1``: no popup or tooltip).
    options : dict, optional
        Options applied to every shape (``interactive``, ``pane``…).
    bulk : bool, default False
        Draw all the shapes as one canvas layer (``js/bulk.js``, which the page must have):
        for big maps. Otherwise one Leaflet object per shape (SVG or canvas, as the map prefers).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geokit.{{ this.function }}({{ this.json() }}, {{ this.info.get_name() }},
            {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        packed: dict[str, Any],
        style_index: Sequence[int],
        styles: Sequence[Mapping[str, Any]],
        info: InfoTable,
        info_index: Sequence[int] | None = None,
        options: Mapping[str, Any] | None = None,
        bulk: bool = False,
    ) -> None:
        super().__init__()
        self._name = "GeokitLayer"
        self.bulk = bool(bulk)
        self.function = "bulk.layer" if self.bulk else "layer"
        self.data = dict(packed)
        ks = [int(k) for k in style_index]
        self.data["n"] = len(ks)
        if any(ks):
            self.data["k"] = ks
        self.data["st"] = [dict(s) for s in styles]
        if info_index is not None and len(info_index):
            ii = [int(k) for k in info_index]
            if ii == list(range(ii[0], ii[0] + len(ii))) and ii[0] >= 0:
                self.data["i0"] = ii[0]  # consecutive rows: store the first only
            else:
                self.data["i"] = ii
        if options:
            self.data["o"] = dict(options)
        self.info = info

    def __len__(self) -> int:
        return int(self.data["n"])

    def json(self) -> str:
        """Return the packed data as script-safe JSON."""
        return script_json(self.data)


class Legend(MacroElement):
    """A categorical legend: a box of coloured swatches with labels, escaped, bottom right.

    Parameters
    ----------
    title : str
    entries : sequence of (label, style)
        ``style`` is a dict with ``color`` and optionally ``fill`` (a colour), ``dash``
        (true for a dashed line) and ``shape`` (``"circle"``, ``"line"`` or ``"area"``).

    Examples
    --------
    >>> leg = Legend("Key", [("<b>x</b>", {"color": "#f00", "shape": "circle"})])
    >>> "&lt;b&gt;x&lt;/b&gt;" in leg.html_body()
    True
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        {{ this.css | indent(8) }}
        </style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
        {{ this.html_body() }}
        {% endmacro %}
        """
    )

    def __init__(self, title: str, entries: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
        super().__init__()
        self._name = "GeokitLegend"
        self.css = style_rules("legend.css")
        self.title = title
        self.entries = [(str(label), dict(style)) for label, style in entries]

    @staticmethod
    def _swatch(style: Mapping[str, Any]) -> str:
        color = esc(style.get("color", "#333"))
        fill = esc(style.get("fill", style.get("color", "#333")))
        shape = style.get("shape", "circle")
        dash = ' stroke-dasharray="4 3"' if style.get("dash") else ""
        if shape == "line":
            body = f'<line x1="1" y1="7" x2="17" y2="7" stroke="{color}" stroke-width="3"{dash}/>'
        elif shape == "area":
            body = (
                f'<rect x="2" y="2" width="14" height="10" fill="{fill}" fill-opacity="0.3" '
                f'stroke="{color}" stroke-width="1.5"{dash}/>'
            )
        else:
            body = f'<circle cx="9" cy="7" r="5" fill="{fill}" fill-opacity="0.8" stroke="{color}"/>'
        return f'<svg width="18" height="14" aria-hidden="true">{body}</svg>'

    def html_body(self) -> str:
        """Return the legend's HTML, every label escaped."""
        rows = "".join(
            f'<div class="geokit-legend-row">{self._swatch(style)}{esc(label)}</div>'
            for label, style in self.entries
        )
        return (
            f'<div class="geokit-legend" id="{self.get_name()}" tabindex="0">'
            f'<div class="geokit-legend-title">{esc(self.title)}</div>{rows}</div>'
        )


class FitView(MacroElement):
    """The opening view: fit ``bounds`` ``[[south, west], [north, east]]`` in the free part of the map.

    The fit runs at once and again when the page has loaded (its final size, its panels); with
    ``animate=False`` (big maps) the second fit runs only if the size changed.

    Examples
    --------
    >>> "geokit.fit(" in FitView([[30.0, 16.0], [32.0, 17.0]]).code()
    True
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code().replace("MAP", this._parent.get_name()) }}
        {% endmacro %}
        """
    )

    def __init__(self, bounds: Sequence[Sequence[float]] | None, *, animate: bool = True) -> None:
        super().__init__()
        self._name = "GeokitFit"
        self.bounds = bounds
        self.animate = animate

    def code(self) -> str:
        """Return the JavaScript (``MAP`` stands for the map); empty without bounds."""
        if not self.bounds:
            return ""
        return f"geokit.fit(MAP, {script_json(self.bounds)}, {'false' if self.animate else 'true'});"


class SmallScreenLayers(MacroElement):
    """Fold ``control`` (a folium ``LayerControl``) on small screens; it opens on hover or a tap."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geokit.smallScreen({{ this.control.get_name() }}, {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, control: MacroElement) -> None:
        super().__init__()
        self._name = "GeokitSmallScreen"
        self.control = control


class Labels(MacroElement):
    """Short permanent labels beside points, in the parent feature group.

    Parameters
    ----------
    rows : sequence of [lat, lon, escaped_html, colour, pixels_down]
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        {{ this.css | indent(8) }}
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        geokit.labels({{ this.json() }}, {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: Sequence[Sequence[Any]]) -> None:
        super().__init__()
        self._name = "GeokitLabels"
        self.css = style_rules("labels.css")
        self.rows = [list(r) for r in rows]

    def json(self) -> str:
        """Return the rows as script-safe JSON."""
        return script_json(self.rows)


class ChecksPanel(MacroElement):
    """The checks on the map, visible without a click: per target its verdict and who says what.

    Parameters
    ----------
    rows : sequence of dict
        ``label``, ``verdict``, ``summary``, ``said`` (one line per statement: "source: reading")
        and ``bounds`` (``[[s, w], [n, e]]`` or ``None``): a click on the target zooms there.

    Examples
    --------
    >>> p = ChecksPanel([{"label": "<camp>", "verdict": "disagree", "summary": "s", "said": ["a: b"],
    ...                   "bounds": None}])
    >>> "&lt;camp&gt;" in p.html_body() and "disagree" in p.html_body()
    True
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        {{ this.css | indent(8) }}
        </style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
        {{ this.html_body() }}
        {% endmacro %}
        {% macro script(this, kwargs) %}
        geokit.panel({{ this._parent.get_name() }}, "{{ this.get_name() }}", {{ this.json() }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: Sequence[Mapping[str, Any]]) -> None:
        super().__init__()
        self._name = "GeokitChecks"
        self.css = style_rules("checks.css")
        self.rows = [dict(r) for r in rows]

    def json(self) -> str:
        """Return each target's bounds (the zoom of a click) as script-safe JSON."""
        return script_json([r.get("bounds") for r in self.rows])

    def html_body(self) -> str:
        """Return the panel's HTML, every text escaped."""
        parts = []
        for i, r in enumerate(self.rows):
            verdict = str(r.get("verdict") or "")
            cls = verdict if verdict in ("agree", "disagree", "uncertain") else "other"
            lines = "".join(
                f'<div class="geokit-checks-line" title="{esc(line)}">{esc(line)}</div>'
                for line in r.get("said", [])
            )
            parts.append(
                f'<div class="geokit-checks-target" data-geokit-target="{i}" '
                f'title="{esc(r.get("summary", ""))}">'
                f'<span class="geokit-verdict geokit-v-{cls}">{esc(verdict)}</span> '
                f"<b>{esc(r.get('label', ''))}</b>{lines}</div>"
            )
        n = len(self.rows)
        head = f"Checks: {n} target{'s' if n != 1 else ''} (click to zoom)"
        return (
            f'<div class="geokit-checks" id="{self.get_name()}"><div class="geokit-checks-title">{esc(head)}'
            '<button class="geokit-checks-fold" type="button" aria-label="fold">\u2212</button></div>'
            + "".join(parts)
            + "</div>"
        )
