"""Find relative-location claims in a document: "45 km southwest of Sirte", "near Sirte", "eastern Mosul".

:func:`extract_claims` reads a :class:`~geokit.model.Document` and the place mentions already found
in it, and returns one :class:`~geokit.model.Claim` per relative expression. Every pattern is
anchored on a unit, direction or relation keyword and uses only bounded repetition, and every
look-around is confined to a fixed window, so a document of any size is read in linear time.

Relations (``Claim.relation``) and the fields each fills:

- ``offset`` ("45 km southwest of Sirte", "10 km on a bearing of 225° from Sirte"): ``distance``,
  ``direction``, ``hedge``; ``distance_alt`` for a parenthetical "28 miles (45 km)".
- ``distance`` ("5 km from Raqqa", "10 miles outside Mosul", "within 5 km of Raqqa", "5 km across
  the border from Tal Abyad", "3 km short of Goma", "a 40-mile drive from Tucson": flagged as a
  distance along a route): ``distance``, ``hedge``; ``direction`` is ``None``.
- ``offshore`` ("12 nautical miles off Tartus", "20 km offshore from Latakia", "30 km off the coast
  of Sidon", "off the coast of the Libyan city of Zuwara", "off the coast of Crete": a town,
  airport, base, island or a region, not a country's coast): ``distance``, ``hedge``,
  ``direction`` when one is given; the estimate stage keeps the sea part of that ring.
- ``direction`` ("north of Mosul") and ``side`` (the anchor is a line: a river, road or border, "east
  of the Tigris River"): ``direction`` only.
- ``near`` ("near Sirte", "close to", "in the vicinity of", "on the banks of", "just across the
  border from", a travel time: "a 20-minute drive from Aspen", flagged ``"travel time, not a
  distance"``), ``outskirts`` (with
  ``direction`` for "the northern outskirts of"), ``outside``: anchor only.
- ``between``: ``anchor`` / ``anchor_text`` and ``anchor2`` / ``anchor2_text`` (appositives allowed:
  "between Aleppo, the commercial hub, and Damascus"); none between parties ("the talks between
  Moscow and Kyiv", ``party_nouns`` of ``geokit/_data/claim_words.json``).
- ``inside`` ("pushed 30 km into Syria", "15 km inside Syrian territory"): ``distance``; ``anchor``
  is the country, ``anchor2`` its border with the neighbour the text is about (all its land
  borders when none is named).
- Anchors may be borders and coasts ("within 15 km of the Turkish border", "off the coast of
  Libya", "Lebanon's southern border": with the neighbours on that side): places of kind
  ``border`` / ``coast`` from :mod:`geokit.places.borders`. A descriptor before the anchor is
  skipped ("the town of Kidal", "the Libyan port city of Misrata", "the state capital
  Maiduguri", "the entrance to Tartus port"); a name the mention finder left out ("Dillingham on
  Bristol Bay") is looked up (:meth:`~geokit.claims.anchors.AnchorReader.unmentioned_place`);
  an airport, base or island named in full is that feature, or the town an airport is named
  after (flagged), never a namesake of its first word
  (:meth:`~geokit.claims.anchors.AnchorReader.feature_anchor`).
- ``part`` ("eastern Mosul", "the western part of Mosul", "east Mosul"): ``target`` is the part label
  and the place ("east Mosul"), ``direction`` the part's compass point (``None`` for "central").

Common fields: ``id`` is ``"{document.id}:c{start}"``; ``start`` / ``end`` / ``text`` are the relative
expression (from the hedge or number to the end of the anchor); ``quote`` is the sentence (a
1,000-character window of it when it is longer). ``target`` is a named place (``target_place`` set)
or an unnamed target's label ("training camps"), the same label for every claim of the document
whose :func:`~geokit.claims.targets.target_key` matches; a unit ("mph") is never a target. ``inverse``
is true when the named place is
the subject and the unnamed target follows "of" ("Sirte is nearly 28 miles southwest of the
training camps", with any linking verb: "lies", "sits", "is located"), also when the subject carries
a qualifier ("Sirte, Libya, lies ...", "Kandahar (Afghanistan) is ...", "Homs, in western Syria,
is ...": the place, not its country or state), when the statement is fronted ("Some 40 miles
south of the camps lies Sirte") and when it is an appositive or lead phrase ("Akutan, a village of
1,000 people about 40 miles northeast of the volcano, ...", "In Ridgecrest, northeast of the
epicenter, ..."): ``anchor`` is then Sirte and ``target`` the camps. A distance keeps
the number as written in ``text``, ``value`` (and ``value2`` for a range "40-50 km", whose
``metres`` is the midpoint) and the normalised ``unit``; an unknown unit keeps its word, ``metres``
0 and the flag ``"unknown unit"``. A direction that cannot be read ("north-south") is ``None`` with
the flag ``"conflicting directions"``. ``precision_m`` / ``low_m`` / ``high_m`` are left to the
estimate stage.

The work is split by job: the patterns (:mod:`geokit.claims.patterns`, each with its examples)
and their word lists (:mod:`geokit.claims.words`), the cheap hints that pick the sentences worth
reading (:mod:`geokit.claims.hints`), the anchor (:mod:`geokit.claims.anchors`), the target and
the subject of an inverse statement (:mod:`geokit.claims.subjects`), the distance and direction
(:mod:`geokit.claims.quantities`) and the relation (:mod:`geokit.claims.relations`); this module
runs them over a document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from geokit.claims.grammar import TRIP_NOUNS
from geokit.claims.hints import first_match_from, has_unit, hint_starts
from geokit.claims.patterns import (
    ABBR_HINT_RE,
    HEADING_RE,
    IMPLICIT_RE,
    OFFSET_RE,
    PART_FORWARD_RE,
    RELATION_RE,
    TRAVEL_RE,
)
from geokit.claims.relations import Extractor
from geokit.claims.subjects import UNNAMED
from geokit.claims.targets import target_key
from geokit.claims.words import COMPASS_KEYS, RELATION_KEYS, TRAVEL_KEYS
from geokit.model import Claim, Document, Mention
from geokit.text.sentences import split_sentences

__all__ = ["extract_claims"]


def _unify_labels(claims: list[Claim]) -> None:
    """Give every unnamed target with the same key the same (most descriptive) label."""
    best: dict[str, str] = {}
    for c in claims:
        if c.target_place is None and c.relation != "part" and c.target != UNNAMED:
            k = target_key(c.target)
            if k and len(c.target.split()) > len(best.get(k, "").split()):
                best[k] = c.target
    for c in claims:
        if c.target_place is None and c.relation != "part" and c.target != UNNAMED:
            c.target = best.get(target_key(c.target), c.target)


def extract_claims(document: Document, mentions: Sequence[Mention]) -> list[Claim]:
    """Return the relative-location claims of a document, in text order.

    Parameters
    ----------
    document : Document
        The document; offsets in ``mentions`` and in the claims refer to ``document.text``.
    mentions : sequence of Mention
        The place mentions found (and resolved, where possible) in the document.

    Returns
    -------
    list of Claim
        One claim per relative expression. A claim whose anchor is not a resolved place keeps
        ``anchor=None`` and ``anchor_text``, and is flagged ``"anchor not found"``; nothing is
        silently dropped.

    Examples
    --------
    >>> from geokit.model import Document, Mention, Place
    >>> sirte = Place(id="geonames:2210554", name="Sirte", kind="city", lat=31.20892, lon=16.58866)
    >>> text = "The strikes destroyed two camps located 45 kilometers southwest of Sirte."
    >>> doc = Document(id="hill", text=text)
    >>> i = text.index("Sirte")
    >>> [c] = extract_claims(doc, [Mention("hill", i, i + 5, "Sirte", place=sirte)])
    >>> c.relation, c.target, c.anchor.name, c.distance.metres, c.direction.azimuth, c.inverse
    ('offset', 'camps', 'Sirte', 45000.0, 225.0, False)
    >>> c.text
    '45 kilometers southwest of Sirte'
    """
    ex = Extractor(document, mentions)
    text = document.text
    # Cheap hints (a unit word, a compass or relation word) find the sentences worth reading; most
    # sentences of a news story hold no relative expression and are never examined.
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased ("İ")
        low = "".join(ch.lower()[:1] or ch for ch in text)
    hints = hint_starts(low) + [m.start() for m in ABBR_HINT_RE.finditer(text)]
    if not hints and not any(m.part for m in mentions):
        return []
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    chosen = sorted({max(0, bisect.bisect_right(starts, h) - 1) for h in hints})
    for sent in (sentences[i] for i in chosen if i < len(sentences)):
        s, e = sent
        low = text[s:e].lower()
        # Cheap substring tests skip the patterns that cannot match this sentence.
        compass = any(k in low for k in COMPASS_KEYS) or ABBR_HINT_RE.search(text, s, e) is not None
        related = any(k in low for k in RELATION_KEYS)
        unit = has_unit(text, s, e)
        travel = any(k in low for k in TRAVEL_KEYS) and any(k in low for k in TRIP_NOUNS)
        found: list[tuple[int, int, str, re.Match[str]]] = []
        for prio, (kind, pattern, wanted) in enumerate(
            (
                ("offset", OFFSET_RE, unit),
                ("implicit", IMPLICIT_RE, unit and compass),
                ("part", PART_FORWARD_RE, compass),
                ("heading", HEADING_RE, compass),
                ("related", RELATION_RE, related),
                ("travel", TRAVEL_RE, travel),
            )
        ):
            if wanted:
                first = (
                    s if kind in ("offset", "implicit", "travel") else first_match_from(kind, text, s, e, low)
                )
                if first is not None:
                    found.extend((m.start(), prio, kind, m) for m in pattern.finditer(text, first, e))
        found.sort(key=lambda t: (t[0], t[1]))
        for _, _, kind, m in found:
            if ex.overlaps(m.start(), m.end()):
                continue
            getattr(ex, "parts" if kind == "part" else kind)(m, sent)
    ex.mention_parts(mentions, sentences)
    ex.claims.sort(key=lambda c: c.start)
    seen: dict[str, int] = {}
    for c in ex.claims:  # ids are unique even when two claims start at one offset
        n = seen.get(c.id, 0)
        seen[c.id] = n + 1
        if n:
            c.id = f"{c.id}.{n}"
    _unify_labels(ex.claims)
    return ex.claims
