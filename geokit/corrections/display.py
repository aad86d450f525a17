"""A table of mentions with their ranked alternatives, for notebooks (every string escaped)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from geokit.model import Mention

__all__ = ["MentionTable", "mentions_html", "mentions_table"]


def _esc(x: object) -> str:
    return "" if x is None else html.escape(str(x), quote=True)


def _results(obj: Any) -> list[Any]:
    if hasattr(obj, "documents"):  # an Analysis
        return list(obj.documents)
    if hasattr(obj, "mentions") and hasattr(obj, "document"):  # a DocumentResult
        return [obj]
    return list(obj)


def _place(p: Any) -> str:
    if p is None:
        return "—"
    return f"{p.get('name')} ({p.get('kind')}, {p.get('country') or '?'}) {p.get('id')}"


def _changed(m: Mention) -> str:
    c = m.corrected
    if not c:
        return ""
    was = _place(c.get("original")) if c.get("original") else "no mention"
    note = f"; {c['note']}" if c.get("note") else ""
    return f"{c.get('action')}: was {was}{note}"


def mentions_html(obj: Any, alternatives: int = 3) -> str:
    """Return an HTML table of the mentions of an analysis, a document result or results.

    One row per mention: document, span, text, the chosen place, score, reason, what the analyst
    changed, and the next ``alternatives`` ranked candidates (id, name, country, kind, score), so
    that the id to ``choose`` can be copied from it.

    Examples
    --------
    >>> from geokit.model import Candidate, Document, Mention, Place
    >>> from geokit.pipeline import DocumentResult
    >>> p = Place("geonames:1", "<Paris>", "city", 48.85, 2.35, country="FR")
    >>> r = DocumentResult(Document("d", "Paris"), [Mention("d", 0, 5, "Paris", [Candidate(p, 1.0, "x")], p)])
    >>> "&lt;Paris&gt;" in mentions_html(r) and "<Paris>" not in mentions_html(r)
    True
    """
    head = "".join(
        f"<th>{h}</th>"
        for h in ("document", "span", "text", "place", "score", "reason", "corrected", "alternatives")
    )
    body = []
    for r in _results(obj):
        for m in r.mentions:
            p = m.place
            chosen = "—" if p is None else f"<b>{_esc(p.name)}</b> ({_esc(p.kind)}, {_esc(p.country or '?')})"
            if p is not None:
                chosen += f"<br><code>{_esc(p.id)}</code>"
            others = [c for c in m.candidates if p is None or c.place.id != p.id][:alternatives]
            alt = "<br>".join(
                f"<code>{_esc(c.place.id)}</code> {_esc(c.place.name)} ({_esc(c.place.kind)}, "
                f"{_esc(c.place.country or '?')}) {c.score:.3f}"
                for c in others
            )
            style = ' style="background:#fff3e0"' if m.corrected else ""
            body.append(
                f"<tr{style}><td>{_esc(r.document.id)}</td><td>{m.start}-{m.end}</td><td>{_esc(m.text)}</td>"
                f"<td>{chosen}</td><td>{m.score:.3f}</td><td>{_esc(m.reason)}</td>"
                f"<td>{_esc(_changed(m))}</td><td>{alt}</td></tr>"
            )
    return f'<table class="geokit-mentions"><tr>{head}</tr>{"".join(body)}</table>'


class MentionTable:
    """The mention table of :func:`mentions_html`; Jupyter shows it as HTML, ``str`` gives plain text."""

    def __init__(self, obj: Any, alternatives: int = 3) -> None:
        self._results = _results(obj)
        self.alternatives = alternatives

    def _repr_html_(self) -> str:
        return mentions_html(self._results, self.alternatives)

    def rows(self) -> Iterable[tuple[str, int, int, str, str, str]]:
        """Yield ``(document, start, end, text, place id, changed)`` per mention."""
        for r in self._results:
            for m in r.mentions:
                yield (r.document.id, m.start, m.end, m.text, m.place.id if m.place else "", _changed(m))

    def __str__(self) -> str:
        return "\n".join(
            f"{d} {a:>5}-{b:<5} {t!r:24} {pid:24} {ch}".rstrip() for d, a, b, t, pid, ch in self.rows()
        )

    __repr__ = __str__


def mentions_table(obj: Any, alternatives: int = 3) -> MentionTable:
    """Return a :class:`MentionTable` of an analysis, a document result, or a list of results.

    Examples
    --------
    >>> from geokit.model import Document, Mention
    >>> from geokit.pipeline import DocumentResult
    >>> print(mentions_table(DocumentResult(Document("d", "Zzyzx"), [Mention("d", 0, 5, "Zzyzx")])))
    d     0-5     'Zzyzx'
    """
    return MentionTable(obj, alternatives)
