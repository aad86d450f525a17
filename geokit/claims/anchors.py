"""Read the anchor after a relative expression: a place, a border or coast, a settlement referred to.

:class:`AnchorReader` holds a document's text and its place mentions indexed by offset, and
reads what an expression is measured from: "Sirte", "the town of Kidal", "the Libyan port city of
Misrata", "the Turkish border", "the coast of Libya", "Victoria Falls Airport", "the city" (the
settlement named last), "the training camps" (a noun phrase, :attr:`Anchor.named` false). The
patterns it uses are in :mod:`geokit.claims.patterns`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from geokit.claims.grammar import parse_direction, parse_part
from geokit.claims.patterns import (
    ANCHOR_PREFIX_RE,
    AT_PLACE_RE,
    CAPITALISED_RE,
    COAST_OF_RE,
    DEMONYM_WORD_RE,
    DESCRIBED_SETTLEMENT_RE,
    FACILITY_IN_RE,
    FEATURE_NAME_RE,
    LINE_ANCHOR_RE,
    POSSESSIVE_END_RE,
    SETTLEMENT_REF_RE,
    STRETCH_RE,
    TRAILING_PLACE_RE,
    WORD_RE,
)
from geokit.claims.words import NP_STOP, REGION_ADJECTIVES
from geokit.geo import distance_m
from geokit.kinds import LINE_KINDS, POINT_KINDS, SETTLEMENT_KINDS, SUBNATIONAL_KINDS
from geokit.model import Document, Mention, Place

__all__ = ["OFFSHORE_KINDS", "Anchor", "AnchorReader"]

#: Kinds of place an airport, base or island named in full may be.
_FEATURE_KINDS = frozenset(("airport", "airbase", "island", "admin1", "admin2"))
#: How far (km) a place the mention finder left out may lie from the document's other places.
_UNMENTIONED_REACH_KM = 800.0
#: How far ahead of its namesakes such a place must score when no other place is named.
_UNMENTIONED_MARGIN = 0.05
#: What "D off X" measures from at sea: a town, airport or base, an island or a region of one
#: ("off the coast of Crete", "off Samos"); a country's coast is a line ("off the coast of Libya").
#: A town, airport or base stands at a point: "12 nautical miles off Tartus" is at sea off the
#: town (a coast or a country is a line or an area: "off the coast of Libya" is from its coast).
OFFSHORE_KINDS = POINT_KINDS | frozenset(("island", "admin1", "admin2", "cape"))
#: A settlement among a region's namesakes scores at most this much less and is still the anchor
#: of a distance ("Kherson lies 15 km east of ...": the city), as the resolver's bonus for a
#: distance measured from a name.
_POINT_MARGIN = 0.3


@dataclass(slots=True)
class Anchor:
    """What an expression is measured from: its text and span, and the place it names (if any)."""

    text: str
    start: int
    end: int
    place: Place | None = None
    mention: Mention | None = None
    named: bool = True  # False for a lower-case noun phrase ("the training camps")
    problem: str | None = None  # why a named anchor has no place ("Switzerland has no coast")

    @classmethod
    def of(cls, mention: Mention) -> Anchor:
        """Return the anchor a place mention names."""
        return cls(mention.text, mention.start, mention.end, mention.place, mention)


class AnchorReader:
    """A document and its mentions indexed by start and end offset; reads the anchors of expressions."""

    def __init__(self, document: Document, mentions: Sequence[Mention]) -> None:
        self.doc = document
        self.text = document.text
        self.by_start: dict[int, Mention] = {}
        self.by_end: dict[int, Mention] = {}
        for m in mentions:
            self.by_start.setdefault(m.start, m)
            self.by_end.setdefault(m.end, m)
        self.last_target: str | None = None
        self.last_target_end = 0
        self._spans = sorted((m.start, m.end) for m in mentions)
        self._starts = [s for s, _ in self._spans]

    def inside_mention(self, pos: int) -> bool:
        """Say whether ``pos`` lies inside a mention."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and self._spans[i][0] <= pos < self._spans[i][1]

    # -- anchors -------------------------------------------------------------------------------
    def anchor_at(self, pos: int, limit: int, *, lowercase: bool, whole: bool = False) -> Anchor | None:
        """Read the anchor at ``pos``: a border or coast, a mention, a capitalised or a noun phrase.

        A place's possessive leads to the place it owns ("China's Hainan island": Hainan), unless
        ``whole`` (the part of a place: "central China's Hunan" is in central China).
        """
        text = self.text
        while pos < limit and text[pos].isspace():
            pos += 1
        if pos >= limit:
            return None
        described = DESCRIBED_SETTLEMENT_RE.match(text, pos, limit)
        if described is None and (coast := COAST_OF_RE.match(text, pos, limit)):
            # "off the coast of the Libyan city of Zuwara": the town after the coast
            described = DESCRIBED_SETTLEMENT_RE.match(text, coast.end(), limit)
        if described and (men := self.by_start.get(described.end())) is not None and men.place is not None:
            return Anchor.of(men)
        line = self.line_anchor_at(pos, limit)
        if line is not None:
            return line
        m = ANCHOR_PREFIX_RE.match(text, pos, limit)
        tries = [pos]
        if m and m.end() > pos:
            tries = [m.end(), *([pos + 4] if text[pos : pos + 4].lower() == "the " else []), pos]
        for p in tries:
            men = self.by_start.get(p)
            if men is not None and men.end <= limit + 200:
                possessive = not whole and text[men.end : men.end + 3] in ("'s ", "’s ")
                owned = self.by_start.get(men.end + 3) if possessive else None
                if owned is not None and owned.place is not None:
                    men = owned  # "1,000 km from China's Hainan island": Hainan
                elif men.place is not None and men.place.kind in ("country", "admin1"):
                    men = self.facility_place(men.end) or men  # "200 m from the US embassy in Kabul"
                feature = FEATURE_NAME_RE.match(text, men.start, limit)
                if feature is not None and feature.end() > men.end and not self.by_start.get(men.end + 1):
                    return self.feature_anchor(feature)  # "Victoria Falls Airport", not "Victoria"
                return Anchor.of(men)
        ref = SETTLEMENT_REF_RE.match(text, pos, limit)
        named = self.settlement_at(ref.end() + 2) if ref and text[ref.end() : ref.end() + 2] == ", " else None
        if named is not None:
            return Anchor.of(named)  # "600 km northwest of the capital, Port Moresby"
        if ref and ref.group("country"):  # "76 nautical miles northwest of the Yemeni port"
            settlement = self.settlement_meant(ref.group(), pos)
            if settlement is not None:
                return Anchor(ref.group(), pos, ref.end(), settlement.place, settlement)
        # "the coast of Lesbos", "the island of Foo": the name after its descriptor
        cap = (CAPITALISED_RE.match(text, m.end(), limit) if m and m.end() > pos else None) or (
            CAPITALISED_RE.match(text, pos, limit)
        )
        if cap:
            s, e = cap.span()
            if text[s : s + 4].lower() == "the ":
                s += 4
            while s < e and not text[s].isalpha():
                s += 1
            if e > s and text[s].isupper():
                held = self.facility_place(e) if self.country_at(text[s:e]) else None
                if held is not None:
                    return Anchor.of(held)  # "5 km from the American base at Erbil"
                name = text[s:e].rstrip(".,'’-")
                feature = FEATURE_NAME_RE.match(text, s, limit)
                if feature is not None and feature.end() == s + len(name):
                    return self.feature_anchor(feature)  # "Fort Bliss Army Airfield"
                # "Dillingham on Bristol Bay": the phrase after the name took it in
                trailing = TRAILING_PLACE_RE.match(text, s + len(name), limit)
                return Anchor(name, s, s + len(name), self.unmentioned_place(name) if trailing else None)
        if not lowercase:
            return None
        words: list[tuple[int, int]] = []
        p = pos
        for w in WORD_RE.finditer(text, pos, min(limit, pos + 120)):
            if text[p : w.start()].strip() or len(words) >= 6:
                break
            if w.group().lower() in NP_STOP:
                break
            words.append(w.span())
            p = w.end()
        if not words:
            return None
        phrase = text[words[0][0] : words[-1][1]]
        settlement = self.settlement_meant(phrase, words[0][0])
        if settlement is not None:  # "the city's southern edge": the city named last
            return Anchor(phrase, words[0][0], words[-1][1], settlement.place, settlement)
        at = AT_PLACE_RE.match(text, words[-1][1])
        held = self.settlement_at(at.end()) if at else None
        if held is not None:
            # "4.5 km northeast of the airport in Kathmandu": somewhere in Kathmandu
            return Anchor(text[words[0][0] : held.end], words[0][0], held.end, held.place, held)
        return Anchor(phrase, words[0][0], words[-1][1], named=False)

    def feature_anchor(self, feature: re.Match[str]) -> Anchor:
        """Return the anchor an airport, base or island named in full is ("Victoria Falls Airport").

        That feature when the gazetteer has it by this name; else (an airport or base) the town it
        is named after (by :meth:`unmentioned_place`: near the document's places, or the only one
        so named), with a flag saying so; else no place, with a flag: never a namesake of its
        first word ("Victoria", "Santa Rosa").
        """
        from geokit.places.gazetteer import get_gazetteer

        name, base = feature.group(), feature.group("base")
        found = [
            c
            for c in get_gazetteer().candidates(name, fuzzy=False, limit=5)
            if c.place.kind in _FEATURE_KINDS and not c.reason.startswith("approximate")
        ]
        if found:
            return Anchor(name, feature.start(), feature.end(), found[0].place)
        island = feature.group("feature") in ("Island", "Isle")  # not named after a town
        town = None if island else self.unmentioned_place(base, unique=True)
        if town is not None:
            problem = f"no {name} in the gazetteer: anchored on {town.name}"
            return Anchor(name, feature.start(), feature.end(), town, problem=problem)
        return Anchor(name, feature.start(), feature.end(), problem=f"{name} not in the gazetteer")

    def unmentioned_place(self, name: str, *, unique: bool = False) -> Place | None:
        """Return the place a name the mention finder left out means, or None.

        "20 miles north of Dillingham on Bristol Bay": the name of an anchor, before a trailing
        place phrase that took it in ("Dillingham on Bristol Bay" is no place). Only a place
        whose name is exactly this one, of a kind a distance is measured from; among namesakes,
        the one nearest the document's other places (within :data:`_UNMENTIONED_REACH_KM`), else
        the only one or (not ``unique``) one clearly ahead of the others (:data:`_UNMENTIONED_MARGIN`).
        """
        if name.isupper() or len(name) < 3 or self.country_at(name) is not None:
            return None  # "NOAA", "N", a country's demonym: no settlement
        if any(men.text == name for men in self.by_start.values()):
            return None  # read as a place elsewhere, left out here on purpose (an analyst's "not a place")
        from geokit.places.gazetteer import get_gazetteer

        found = [
            c
            for c in get_gazetteer().candidates(name, fuzzy=False, limit=10)
            if c.reason.startswith("exact name") and c.place.kind in OFFSHORE_KINDS
        ]
        if not found:
            return None
        context = [men.place for men in self.by_start.values() if men.place is not None]
        if context:
            far, best = min(
                (min(distance_m(c.place.lat, c.place.lon, p.lat, p.lon) / 1000.0 for p in context), i)
                for i, c in enumerate(found)
            )
            if far <= _UNMENTIONED_REACH_KM:
                return found[best].place
        if len(found) == 1 or (not unique and found[0].score - found[1].score >= _UNMENTIONED_MARGIN):
            return found[0].place
        return None

    def facility_place(self, pos: int) -> Mention | None:
        """Return the settlement a country's facility at ``pos`` is in ("embassy in Kabul"), or None."""
        facility = FACILITY_IN_RE.match(self.text, pos)
        return self.settlement_at(facility.end()) if facility else None

    def settlement_at(self, pos: int) -> Mention | None:
        """Return the mention starting at ``pos`` if it is a resolved settlement, else None."""
        men = self.by_start.get(pos)
        return (
            men if men is not None and men.place is not None and men.place.kind in SETTLEMENT_KINDS else None
        )

    def settlement_before(self, pos: int, sentence_start: int, other_than: Place) -> Mention | None:
        """Return the settlement named last before ``pos`` in its sentence, other than a place."""
        return next(
            (
                men
                for men, place in self.named_before(pos)
                if men.start >= sentence_start
                and place.kind in SETTLEMENT_KINDS
                and place.id != other_than.id
            ),
            None,
        )

    def named_before(self, pos: int) -> Iterator[tuple[Mention, Place]]:
        """Yield the resolved mentions (and places) of the 1,000 characters before ``pos``, the last first."""
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0 and self._spans[i][0] >= pos - 1000:
            men = self.by_start[self._spans[i][0]]
            if men.place is not None:
                yield men, men.place
            i -= 1

    def settlement_meant(self, phrase: str, pos: int) -> Mention | None:
        """Return the settlement "the city" (town, village, capital, port) refers to, or None.

        It is the last one named in the 1,000 characters before ``pos``; with a country's name or
        demonym ("the Yemeni port"), the last one in that country. "The capital" is the national
        capital named last, if any ("the highway between Kabul and Jalalabad, about 40 km east of
        the capital": Kabul).
        """
        m = SETTLEMENT_REF_RE.match(phrase)
        if m is None:
            return None
        capital = m.group("kind").lower() == "capital"
        kinds = SETTLEMENT_KINDS if not capital else ("city",)
        country = None
        if m.group("country") and m.group("country").lower() in REGION_ADJECTIVES:
            return self.regional_capital(pos) if capital else None
        if m.group("country") and m.group("country")[0].isupper():  # "the resort city": any
            place = self.country_at(m.group("country"))
            if place is None:
                return None
            country = place.country
        named = [
            (men, place)
            for men, place in self.named_before(pos)
            if place.kind in kinds and country in (None, place.country)
        ]
        if capital:
            from geokit.places.gazetteer import get_gazetteer

            gazetteer = get_gazetteer()
            return next((men for men, place in named if gazetteer.is_national_capital(place)), None) or next(
                (men for men, _ in named), None
            )
        return next((men for men, _ in named), None)

    def regional_capital(self, pos: int) -> Mention | None:
        """Return the settlement "the state capital" means, or None.

        It is the largest one named before in the region named last ("Floods in Rio Grande do Sul
        ... Porto Alegre ... 15 km north of the state capital": Porto Alegre); None when no region,
        or none of its settlements, is named.
        """
        from geokit.places.context import contains

        named = list(self.named_before(pos))
        region = next((place for _, place in named if place.kind == "admin1"), None)
        if region is None:
            return None
        inside = [
            (men, place) for men, place in named if place.kind in SETTLEMENT_KINDS and contains(region, place)
        ]
        largest = max(inside, key=lambda pair: pair[1].population or 0, default=None)
        return largest[0] if largest is not None else None

    def line_anchor_at(self, pos: int, limit: int) -> Anchor | None:
        """Read a border or coast named by its countries ("the Turkish border", "the Libyan coast").

        Also "the Syria-Turkey border", "the border with Turkey", "the coast of Libya". A border
        named by one country is its border with the neighbour the text is about (the one with a
        place nearest in the sentence, "forces in Syria ... the Turkish border", else the one with
        most places in the document), else all of its land borders. "The border" or "the coast"
        alone is that of the country of the place named last ("a depot in Valuyki, 15 miles from
        the border"), else of a country's name or demonym earlier in the sentence ("the Israeli
        military struck targets ... 100 km from the border").
        """
        m = LINE_ANCHOR_RE.match(self.text, pos, limit)
        if m is None:
            return None
        # "Lebanon's southern border": the country, without its possessive
        names = [POSSESSIVE_END_RE.sub("", n) for n in m.group("x", "y", "z", "w") if n]
        codes = [c.country for c in map(self.country_at, names) if c is not None and c.country]
        if not names:  # "the border": the one of the country of the place named last (or its demonym)
            codes = [code] if (code := self.home_country(pos, ())) else []
        if len(names) == 2 and len(codes) != 2 and (line := self.region_border_at(names)) is not None:
            start, end = self._line_anchor_span(pos, m.end())  # "the Idaho-Utah border": a state line
            return Anchor(self.text[start:end], start, end, line)
        if not codes or len(codes) != max(1, len(names)):
            return None
        from geokit.places.borders import border_place, border_with_place, coast_place, side_border_place

        if m.group("kind").lower().startswith(("coast", "shore")):
            place = coast_place(codes[0]) if len(codes) == 1 else None
            if place is None and len(codes) == 1:  # "off the coast of Switzerland"
                start, end = self._line_anchor_span(pos, m.end())
                problem = f"{names[0].rstrip('.')} has no coast"
                return Anchor(self.text[start:end], start, end, problem=problem)
        elif (
            (m.group("rel") or "").lower() == "with"
            and not m.group("x")
            and (home := self.home_country(pos, codes)) is not None
            and (place := border_with_place(home, tuple(codes))) is not None
        ):
            pass  # "the border with Peru and Colombia", said of Brazil: Brazil's border with both
        elif len(codes) == 2:
            place = border_place(*codes)
        elif m.group("side") and m.group("x"):
            side = parse_direction(
                parse_part(m.group("side")) or ""
            )  # "Lebanon's southern border": with Israel
            place = side_border_place(codes[0], side.azimuth) if side is not None else None
        else:
            place = self.border_of(codes[0], pos, limit)
        if place is None:
            return None
        start, end = self._line_anchor_span(pos, m.end())
        return Anchor(self.text[start:end], start, end, place)

    def _line_anchor_span(self, pos: int, end: int) -> tuple[int, int]:
        """Return the span of a border or coast phrase without its "the" and sentence full stop."""
        start = pos + 4 if self.text[pos : pos + 4].lower() == "the " else pos
        if self.text[end - 1] == "." and "." not in self.text[start : end - 1].split()[-1]:
            end -= 1  # the full stop of the sentence, not of an abbreviation ("the U.S.")
        return start, end

    def home_country(self, pos: int, others: Sequence[str]) -> str | None:
        """Return the country a border "with" ``others`` is of, none of ``others``.

        That of the place named last, else of a country's name or demonym earlier in the sentence
        ("Brazilian police ... near the border with Peru").
        """
        code = next(
            (c for _, place in self.named_before(pos) if (c := place.country) and c not in others), None
        )
        if code is None:
            start = max(0, self.text.rfind(".", 0, pos) + 1, pos - 400)
            words = DEMONYM_WORD_RE.findall(self.text, start, pos)
            code = next(
                (c.country for c in map(self.country_at, reversed(words)) if c and c.country not in others),
                None,
            )
        return code

    def border_of(self, code: str, pos: int, limit: int) -> Place | None:
        """Return a country's border with the neighbour the text is about, else all its borders.

        The neighbour: one with a place, or a demonym, in the sentence around ``pos`` ("Turkish
        troops pushed 30 km into Syria"), else the one with most places in the document.
        """
        from geokit.places.borders import border_place, land_border_place, neighbours

        near = set(neighbours(code))
        found = [
            (start, men.place.country)
            for start, _ in self._spans
            if (men := self.by_start[start]).place is not None and men.place.country in near
        ]
        # nearest first: "Rzeszow, near the Ukrainian border" is Poland's border, whatever came before
        close = [c for start, c in sorted(found, key=lambda f: abs(f[0] - pos)) if pos - 400 <= start < limit]
        if not close:
            words = DEMONYM_WORD_RE.findall(self.text, max(0, pos - 400), limit)
            close = [c.country for c in map(self.country_at, words) if c is not None and c.country in near]
        counted = Counter(c for _, c in found).most_common(1)
        other = close[0] if close else (counted[0][0] if counted else None)
        return border_place(code, other) if other else land_border_place(code)

    def stretch_of(self, anchor: Anchor | None, sent: tuple[int, int]) -> Mention | None:
        """Return the place named right after a line anchor, which says what stretch of it is meant.

        "East of the Tigris in Mosul": Mosul. None when the anchor is no line or no place follows.
        """
        if anchor is None or anchor.place is None or anchor.place.kind not in LINE_KINDS:
            return None
        m = STRETCH_RE.match(self.text, anchor.end, sent[1])
        men = self.by_start.get(m.end()) if m else None
        if men is None or men.place is None or men.place.kind in LINE_KINDS:
            return None
        return men

    def region_border_at(self, names: Sequence[str]) -> Place | None:
        """Return the boundary two named regions share ("Idaho", "Utah": the state line), or None.

        Each name may be any first- or second-level region of that name; the first pair that
        shares a boundary is taken, the better-ranked candidates first.
        """
        from geokit.places.borders import region_border_place
        from geokit.places.gazetteer import get_gazetteer

        gazetteer = get_gazetteer()
        found = [gazetteer.candidates(n, kinds=SUBNATIONAL_KINDS, fuzzy=False, limit=5) for n in names]
        for a in found[0]:
            for b in found[1]:
                if (line := region_border_place(a.place, b.place)) is not None:
                    return line
        return None

    def country_at(self, word: str) -> Place | None:
        """Return the country a word names or is the demonym of ("Turkish": Turkey), or None."""
        from geokit.places.gazetteer import get_gazetteer

        gazetteer = get_gazetteer()
        code = gazetteer.demonym_country(word)
        if code:
            return gazetteer.country(code)
        found = gazetteer.candidates(word, kinds=("country",), fuzzy=False, limit=1)
        return found[0].place if found else None

    def context_country(self, anchor: Anchor, limit: int) -> str | None:
        """Return the country named right after an anchor ("Sirte, Libya")."""
        text = self.text
        p = anchor.end
        if p < limit and text[p] == ",":
            p += 1
            while p < limit and text[p] == " ":
                p += 1
            men = self.by_start.get(p)
            if men is not None and men.place is not None and men.place.kind == "country":
                return men.place.country or men.place.id
        return None

    def settlement_anchor(self, anchor: Anchor | None) -> Anchor | None:
        """Return the anchor of "north of Kherson", "between Kherson and Mykolaiv": the settlement.

        A region chosen among namesakes that include a settlement of its country scoring close to
        it is that settlement, as for a distance (:meth:`point_anchor`); other anchors, and a place
        an analyst chose, are kept.
        """
        men = anchor.mention if anchor is not None else None
        if (
            anchor is None
            or men is None
            or men.place is None
            or anchor.place is not men.place
            or anchor.text != men.text
        ):
            return anchor
        if men.corrected:
            return anchor  # an analyst's choice stands
        return self.point_anchor(men)

    def point_anchor(self, men: Mention) -> Anchor:
        """Return the anchor a mention names when a distance is measured from it.

        A first-level or second-level region chosen among namesakes that include a settlement of
        its country scoring within :data:`_POINT_MARGIN` of it is that settlement: a distance is
        measured from a point ("Kherson lies 15 km east of the village": the city, not the oblast).
        """
        place = men.place
        if place is None or place.kind not in ("admin1", "admin2"):
            return Anchor.of(men)
        best = max((c.score for c in men.candidates if c.place.id == place.id), default=men.score)
        town = next(
            (
                c.place
                for c in men.candidates
                if c.place.kind in SETTLEMENT_KINDS
                and c.place.country == place.country
                and c.score >= best - _POINT_MARGIN
            ),
            None,
        )
        return Anchor(men.text, men.start, men.end, town, men) if town is not None else Anchor.of(men)
