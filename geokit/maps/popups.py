"""HTML for popups and tooltips: every string from a document or a user is escaped here.

The functions return HTML fragments built only from :func:`html.escape`-d text and fixed tags
(``<b>``, ``<mark>``, ``<q>``, ``<ul>``…); none of them lets a document's text become markup.
"""

from __future__ import annotations

import bisect
import functools
import html
from collections.abc import Iterable, Mapping

from geokit.claims.wording import km
from geokit.text.sentences import split_sentences

__all__ = [
    "bullet_list",
    "components_table",
    "correction_text",
    "esc",
    "highlight",
    "highlight_span",
    "km",
    "rows",
    "sentence_around",
]


def esc(text: object) -> str:
    """Escape any value for HTML text or a quoted attribute.

    Braces become ``&#123;``/``&#125;`` too: branca parses rendered HTML again as a Jinja
    template, so ``{{ … }}`` in a document must not reach it.

    Examples
    --------
    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    >>> esc("{{ 7*7 }}")
    '&#123;&#123; 7*7 &#125;&#125;'
    >>> esc(None)
    ''
    """
    if text is None:
        return ""
    return html.escape(str(text), quote=True).replace("{", "&#123;").replace("}", "&#125;")


@functools.lru_cache(maxsize=32)
def _sentences(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return the starts and the ends of the sentences of ``text`` (the project's splitter), cached."""
    spans = split_sentences(text)
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> tuple[str, int, int]:
    """Return the sentence of ``text`` holding ``text[start:end]``, and the span's offsets inside it.

    Sentences are those of :func:`geokit.text.sentences.split_sentences` (so "Gen." or "U.S." end
    none); a span across sentences gets all of them. The result is cut to at most about ``limit``
    characters either side of the span (with ``…`` where it was cut).

    Examples
    --------
    >>> t = "Fighting went on. The camp is 45 km southwest of Sirte. Nothing else."
    >>> s, a, b = sentence_around(t, t.index("Sirte"), t.index("Sirte") + 5)
    >>> s, s[a:b]
    ('The camp is 45 km southwest of Sirte.', 'Sirte')
    >>> t = "Gen. Smith said the U.S. camp is 45 km southwest of Sirte. It was hit."
    >>> sentence_around(t, t.index("Sirte"), t.index("Sirte") + 5)[0]
    'Gen. Smith said the U.S. camp is 45 km southwest of Sirte.'
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    starts, ends = _sentences(text)
    i = bisect.bisect_right(starts, start) - 1
    j = bisect.bisect_right(starts, max(start, end - 1)) - 1
    left = starts[i] if i >= 0 else 0
    right = max(ends[j], end) if j >= 0 else len(text)
    prefix = suffix = ""
    if start - left > limit:
        left, prefix = start - limit, "…"
    if right - end > limit:
        right, suffix = end + limit, "…"
    raw = text[left:right]
    lead = len(raw) - len(raw.lstrip())
    raw = raw.strip()
    a = start - left - lead + len(prefix)
    return prefix + raw + suffix, a, a + (end - start)


def highlight_span(
    sentence: str, start: int | None = None, end: int | None = None, phrase: str | None = None
) -> tuple[str, int, int] | tuple[str, None, None]:
    """Escape ``sentence`` and return where the span (offsets, or first match of ``phrase``) is in it.

    Returns the escaped sentence and the span's start and end offsets in the *escaped* text
    (``None, None`` when there is no span), so that a page can wrap it in ``<mark>`` itself.

    Examples
    --------
    >>> highlight_span("a <b> c", phrase="c")
    ('a &lt;b&gt; c', 12, 13)
    """
    if (start is None or end is None) and phrase:
        i = sentence.find(phrase)
        if i < 0:
            i = sentence.lower().find(phrase.lower())
        if i >= 0:
            start, end = i, i + len(phrase)
    if start is None or end is None or not (0 <= start < end <= len(sentence)):
        return esc(sentence), None, None
    pre, mid, post = esc(sentence[:start]), esc(sentence[start:end]), esc(sentence[end:])
    return pre + mid + post, len(pre), len(pre) + len(mid)


def highlight(
    sentence: str, start: int | None = None, end: int | None = None, phrase: str | None = None
) -> str:
    """Escape ``sentence`` and wrap a span (by offsets, or the first match of ``phrase``) in ``<mark>``.

    Examples
    --------
    >>> highlight("45 km SW of <Sirte>", phrase="<Sirte>")
    '45 km SW of <mark>&lt;Sirte&gt;</mark>'
    >>> highlight("no match here", phrase="Raqqa")
    'no match here'
    """
    text, a, b = highlight_span(sentence, start, end, phrase)
    if a is None or b is None:
        return text
    return f"{text[:a]}<mark>{text[a:b]}</mark>{text[b:]}"


def rows(pairs: Iterable[tuple[str, object]]) -> str:
    """Return an escaped two-column table body from ``(label, value)`` pairs, skipping empty values."""
    cells = "".join(
        f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in pairs if v not in (None, "", [], {})
    )
    return f'<table class="geokit-kv">{cells}</table>' if cells else ""


def _was(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, Mapping):
        if "value" in value and "unit" in value:
            return f"{value['value']:g} {value['unit']}"
        if "name" in value:
            extra = ", ".join(str(value[k]) for k in ("kind", "country", "id") if value.get(k))
            return f"{value['name']} ({extra})" if extra else str(value["name"])
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def correction_text(corrected: Mapping[str, object] | None) -> str:
    """Say in plain words what an analyst changed (``Mention.corrected``, ``Claim.corrected``).

    Examples
    --------
    >>> correction_text({"by": "analyst", "action": "choose", "note": "Texas story",
    ...     "original": {"id": "geonames:2988507", "name": "Paris", "kind": "city", "country": "FR"}})
    'choose by analyst: was Paris (city, FR, geonames:2988507); note: Texas story'
    >>> correction_text({"by": "analyst", "action": "edit-claim", "note": None,
    ...     "original": {"distance": {"value": 40.0, "unit": "km"}, "hedge": None}})
    'edit-claim by analyst: distance was 40 km, hedge was none'
    >>> correction_text(None)
    ''
    """
    if not corrected:
        return ""
    head = f"{corrected.get('action', 'corrected')} by {corrected.get('by', 'analyst')}"
    original = corrected.get("original")
    if isinstance(original, Mapping) and "name" in original:
        head += f": was {_was(original)}"
    elif isinstance(original, Mapping):
        head += ": " + ", ".join(f"{k} was {_was(v)}" for k, v in original.items())
    elif original is None and corrected.get("action") in ("add", "place", "recomputed"):
        head += ": new"
    if corrected.get("note"):
        head += f"; note: {corrected['note']}"
    return head


def bullet_list(items: Iterable[object]) -> str:
    """Return an escaped ``<ul>`` (empty string for no items)."""
    li = "".join(f"<li>{esc(x)}</li>" for x in items)
    return f"<ul>{li}</ul>" if li else ""


def components_table(components: Mapping[str, float]) -> str:
    """Return the uncertainty components (metres) as an escaped table, largest first."""
    items = sorted(components.items(), key=lambda kv: -abs(kv[1]))
    return rows((k.replace("_", " "), km(v)) for k, v in items)
