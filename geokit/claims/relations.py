"""Decide the relation of each matched expression and build its claim.

:class:`Extractor` is handed, in text order, the matches of the patterns of
:mod:`geokit.claims.patterns` in the sentences worth reading, and decides for each what it says:
an ``offset``, a ``distance``, ``offshore``, ``inside``, a ``direction`` or ``side``, ``near``,
``outskirts``, ``outside``, ``between`` or a ``part`` of a place, or nothing ("the last 10 km of
the road", "the talks between Moscow and Kyiv"). Anchors, targets and subjects are read by
:class:`~geokit.claims.subjects.Context`; distances and directions by
:mod:`geokit.claims.quantities`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from geokit.claims.anchors import OFFSHORE_KINDS, Anchor
from geokit.claims.grammar import parse_direction, parse_hedge, parse_part
from geokit.claims.patterns import (
    AND_GAP_RE,
    APPOSITIVE_RE,
    AREA_BEFORE_RE,
    ARTICLE_RE,
    BEARING_AFTER_RE,
    BETWEEN_AND_RE,
    ERN_END_RE,
    HALFWAY_BEFORE_RE,
    LINE_WORDS_RE,
    LONE_LETTER_RE,
    NAME_BEFORE_RE,
    OFFSHORE_RE,
    PART_PREFIX_RE,
    PARTICIPLE_RE,
    PARTIES_BEFORE_RE,
    PLACE_PREPOSITION_BEFORE_RE,
    PROPER_NAME_RE,
    SPACES_RE,
    UNIT_BEFORE_RE,
    WITHIN_A_BEFORE_RE,
    WORD_RE,
)
from geokit.claims.quantities import read_direction, read_distance
from geokit.claims.subjects import AREA_KINDS, UNNAMED, WINDOW, Context
from geokit.claims.targets import common_noun, noun_phrase_label
from geokit.claims.words import COMPASS_TARGETS
from geokit.kinds import LINE_KINDS, SETTLEMENT_KINDS
from geokit.model import Claim, Direction, Distance, Document, Mention, Place

__all__ = ["Extractor"]

#: Relations whose line anchor a stretch narrows (a between-claim's second anchor is its own).
_STRETCH_RELATIONS = frozenset(("offset", "distance", "side", "near"))
#: Relations that only place a target somewhere around a settlement: after "near Jalalabad," a
#: further expression locates Jalalabad itself.
_VAGUE_RELATIONS = frozenset(("near", "outskirts", "outside"))
_MAX_QUOTE = 1000  # longest quote kept whole; a longer "sentence" is quoted around the expression


def _quote(text: str, sent: tuple[int, int], start: int, end: int) -> str:
    """Return the sentence around an expression, or a window of it when the sentence is huge."""
    s, e = sent
    if e - s <= _MAX_QUOTE:
        return text[s:e]
    lo, hi = max(s, start - _MAX_QUOTE // 2), min(e, end + _MAX_QUOTE // 2)
    return "…" + text[lo:hi].strip() + "…"


def _is_line(anchor: Anchor | None) -> bool:
    if anchor is None:
        return False
    if anchor.place is not None and anchor.place.kind in LINE_KINDS:
        return True
    return bool(LINE_WORDS_RE.search(anchor.text))


class Extractor:
    """The claims of one document, built one matched expression at a time (``taken``: their spans)."""

    def __init__(self, document: Document, mentions: Sequence[Mention]) -> None:
        self.ctx = Context(document, mentions)
        self.claims: list[Claim] = []
        self.taken: list[tuple[int, int]] = []

    def claim(
        self,
        start: int,
        end: int,
        sent: tuple[int, int],
        relation: str,
        target: str,
        anchor: Anchor | None,
        flags: list[str],
        **kw: object,
    ) -> Claim:
        """Add and return the claim of an expression, with its flags, quote and stretch of a line."""
        ctx = self.ctx
        target_place = kw.get("target_place")
        if (
            isinstance(target_place, Place)
            and anchor is not None
            and anchor.mention is not None
            and anchor.place is target_place
            and anchor.text != anchor.mention.text
        ):
            # "West Kelowna, about 5 km west of the city": the city named before it, not itself
            other = ctx.settlement_before(anchor.mention.start, 0, target_place)
            anchor = Anchor(anchor.text, anchor.start, anchor.end, *((other.place, other) if other else ()))
        if relation in _STRETCH_RELATIONS and "anchor2" not in kw and (near := ctx.stretch_of(anchor, sent)):
            kw.update(anchor2_text=near.text, anchor2=near.place)
        if anchor is not None and anchor.problem:
            flags.append(anchor.problem)
        elif anchor is None or (anchor.place is None and "anchor not found" not in flags):
            flags.append("anchor not found")
        c = Claim(
            id=f"{ctx.doc.id}:c{start}",
            document=ctx.doc.id,
            quote=_quote(ctx.text, sent, start, end),
            start=start,
            end=end,
            relation=relation,
            target=target,
            anchor_text=anchor.text if anchor else "",
            anchor=anchor.place if anchor else None,
            flags=list(dict.fromkeys(flags)),
            source=ctx.doc.source,
            text=ctx.text[start:end],
            context_country=ctx.context_country(anchor, sent[1]) if anchor and anchor.mention else None,
            **kw,  # type: ignore[arg-type]
        )
        self.claims.append(c)
        if c.target_place is None and c.target != UNNAMED and relation != "part":
            ctx.last_target, ctx.last_target_end = c.target, c.end
        return c

    def target_before(self, pos: int, floor: int) -> tuple[str, Place | None]:
        """Return the target of an expression at ``pos``, as :meth:`Context.target_before`.

        Right after another claim of the sentence, or after "and" following it ("fighters within
        10 km of the border, near Dhobley"; "12 miles east of Los Angeles and 5 miles from
        Pasadena") it is that claim's target; after "near <settlement>," it is the settlement.
        """
        p, appositive = self.ctx.strip_linkers(pos, floor)
        text = self.ctx.text
        previous = None
        for c in reversed(self.claims):  # the sentence's claims come last (sentences are read in order)
            if c.start < floor:
                break
            if c.end == p or AND_GAP_RE.fullmatch(text, c.end, pos):
                previous = c
                break
        if previous is not None:
            anchor = previous.anchor
            if (
                appositive
                and previous.relation in _VAGUE_RELATIONS
                and (
                    anchor.kind in SETTLEMENT_KINDS
                    if anchor
                    else PROPER_NAME_RE.fullmatch(previous.anchor_text)
                )
            ):
                # "the blast near Jalalabad, 150 km east of Kabul": the settlement, set off by a comma;
                # "near Marchula, about 100 km from Nainital": a place geokit does not know
                return previous.anchor_text, anchor
            return previous.target, previous.target_place
        # "Sirte, the militants' stronghold on the coast 450 km east of Tripoli": the place before
        # the appositive, not the last noun of it
        lo = max(floor, pos - WINDOW)
        comma, end = text.rfind(",", lo, pos), pos
        if comma > 0 and not text[comma + 1 : pos].strip():
            # "Wad Madani, the capital of Gezira state, about 170 km southeast of Khartoum": the
            # appositive is set off by two commas
            comma, end = text.rfind(",", lo, comma), comma
        if comma > 0 and APPOSITIVE_RE.match(text, comma + 1, end):
            named = self.ctx.by_end.get(comma)
            if named is not None and named.place is not None and named.place.kind != "country":
                return named.text, named.place
            name = NAME_BEFORE_RE.search(text, lo, comma) if named is None else None
            if (
                name
                and (
                    not text[floor : name.start()].strip()
                    or PLACE_PREPOSITION_BEFORE_RE.search(text, max(floor, name.start() - 12), name.start())
                )
                and not self.ctx.inside_mention(name.start())
                and common_noun(name.group()) == name.group()
            ):
                # "Kuriga, a village in Kaduna state, about 89 km from ...": a name geokit does not know
                return name.group(), None
        target, place = self.ctx.target_before(pos, floor)
        if place is None and target.lower() in COMPASS_TARGETS:
            return UNNAMED, None  # "from the east, near Bashiqa": a direction is no target
        if place is None and PARTICIPLE_RE.fullmatch(target):
            at = text.rfind(target, floor, pos)
            if at > 0 and text[:at].rstrip().endswith(","):
                return UNNAMED, None  # "..., pushing to within 5 miles": a clause, not a noun
        return target, place

    # -- relations ------------------------------------------------------------------------------
    def offset(self, m: re.Match[str], sent: tuple[int, int]) -> None:
        """Add the claim of a distance match (:data:`~geokit.claims.patterns.OFFSET_RE`), if any."""
        ctx = self.ctx
        flags: list[str] = []
        has_dir = bool(m.group("dir") or m.group("bear"))
        hedge = parse_hedge(m.group("hedge")) if m.group("hedge") else None
        start = m.start()
        if m.group("radius"):  # "within a 10-mile radius of Sirte"
            within = WITHIN_A_BEFORE_RE.search(ctx.text, max(0, m.start() - 12), m.start())
            # "within a one-mile radius": the pattern read "within" as the hedge and "a one" as the number
            inside = hedge == "within" and ARTICLE_RE.match(m.group("num") or "")
            if has_dir or not (within or inside):
                return
            hedge, start = "within", within.start() if within else m.start()  # the target is before it
        if not has_dir and m.group("conn").lower() == "of" and hedge != "within":
            return  # "the last 10 km of the road", "more than a foot of snow": not a location
        if m.group("trip") and has_dir:
            return  # "after a 40 km drive south of Paris": where the drive went, not where a thing is
        anchor = ctx.anchor_at(m.end(), sent[1], lowercase=True)
        dist, alt = read_distance(m, flags)
        direction = read_direction(m.group("dir"), m.group("bear"), flags)
        if dist is None:
            # a distance was stated but cannot be used (unreadable, beyond float range): the
            # direction alone would give a confident but wrong estimate near the anchor
            direction = None
        end = anchor.end if anchor else m.end()
        if not has_dir and anchor is not None and dist is not None:
            # "12 km from Kirkuk on a bearing of 045°", "... at 045°" (three digits: no temperature;
            # "..., heading 270°" is the course the target steers, not where it lies)
            after = BEARING_AFTER_RE.match(ctx.text, end, sent[1])
            said = after.group("bear").lower() if after else ""
            if (
                after
                and not said.startswith("heading")
                and (not said.startswith("at ") or len(after.group("bearing")) == 3)
            ):
                direction = read_direction(None, after.group("bear"), flags)
                has_dir, end = direction is not None, after.end()
        relation = "offset" if has_dir else "distance"
        if m.group("trip"):
            flags.append(f"distance along a route (a {m.group('trip').lower()})")
        if (
            OFFSHORE_RE.fullmatch(m.group("conn"))
            and dist is not None
            and anchor is not None
            and anchor.place is not None
            and anchor.place.kind in OFFSHORE_KINDS
        ):
            relation = "offshore"  # "12 nautical miles off Tartus": at sea, that far from the town
        elif (
            OFFSHORE_RE.fullmatch(m.group("conn"))
            and dist is not None
            and anchor is not None
            and anchor.named
            and anchor.place is None
            and anchor.problem is None
            and anchor.text[:1].isupper()
        ):
            relation = "offshore"  # "8 miles off Cape Hatteras": a place geokit does not know, at sea
        if m.group("conn").lower() in ("into", "inside"):
            self.inside(start, end, sent, anchor, dist, hedge, flags)
            return
        inverse = False
        target_place = None
        subject = fronted = None
        # "the village" read as the settlement named last: in "Kharkiv, Ukraine, sits 30 km south
        # of the village" that is the subject itself, and the village is a target of its own
        referred = anchor is not None and anchor.mention is not None and anchor.text != anchor.mention.text
        if anchor is not None and (not anchor.named or referred):
            subject = ctx.subject_before(start, sent[0])
            if referred and not ctx.refers_to_subject(anchor, subject, start):
                subject = None
            elif not referred and subject is None:
                fronted = ctx.fronted_subject(anchor, sent[1])
                if fronted is None:
                    subject = ctx.appositive_subject(start, anchor, sent)
        swap = subject if subject is not None else fronted
        if anchor is not None and swap is not None:
            # "Sirte is nearly 28 miles southwest of the training camps", "some 40 miles south of
            # the base lies Homs": the camps, the base are the target.
            inverse = True
            target = noun_phrase_label(WORD_RE.findall(anchor.text)) or UNNAMED
            anchor = swap
            end = max(end, anchor.end)
        else:
            opening = start - 1 if ctx.text[start - 1 : start] in ('"', "“") else start  # "four miles" quoted
            target, target_place = self.target_before(opening, sent[0])
        self.claim(
            start,
            end,
            sent,
            relation,
            target,
            anchor,
            flags,
            distance=dist,
            distance_alt=alt,
            direction=direction,
            hedge=hedge,
            inverse=inverse,
            target_place=target_place,
        )
        self.taken.append((start, end))

    def implicit(self, m: re.Match[str], sent: tuple[int, int]) -> None:
        """Add "Khan Younis, 10 km to the north" (of Rafah, named before): the anchor left implicit.

        The target is the place named right before the distance, set off by a comma (with its
        qualifier: "Reno, Nevada, about 30 miles to the east" locates Reno); the anchor is
        the settlement named last before it in the sentence ("Israeli strikes hit Rafah, on the
        border with Egypt, and Khan Younis, 10 km to the north"). Nothing is added without both:
        "troops advanced 10 km to the north" locates nothing.
        """
        ctx = self.ctx
        p = m.start()
        q = p
        while q > sent[0] and ctx.text[q - 1] in " ,":
            q -= 1
        target = ctx.by_end.get(q)
        if target is None or target.place is None or "," not in ctx.text[q:p]:
            return
        gap = target.start - 2
        qualified = ctx.by_end.get(gap) if ctx.text[gap : target.start] == ", " else None
        if qualified is not None and qualified.place is not None:
            target = qualified  # "Reno, Nevada, about 30 miles to the east": Reno
        if target.place is None or target.place.kind in AREA_KINDS:
            return  # "Somalia, roughly 100 km to the east": its border, not a point, is that far
        anchor = ctx.settlement_before(target.start, sent[0], target.place)
        if anchor is None:
            return
        flags: list[str] = []
        dist, alt = read_distance(m, flags)
        if dist is None:
            return
        self.claim(
            m.start(),
            m.end(),
            sent,
            "offset",
            target.text,
            Anchor.of(anchor),
            flags,
            distance=dist,
            distance_alt=alt,
            direction=read_direction(m.group("dir"), None, flags),
            hedge=parse_hedge(m.group("hedge")) if m.group("hedge") else None,
            target_place=target.place,
        )
        self.taken.append((m.start(), m.end()))

    def inside(
        self,
        start: int,
        end: int,
        sent: tuple[int, int],
        anchor: Anchor | None,
        dist: Distance | None,
        hedge: str | None,
        flags: list[str],
    ) -> None:
        """Add the claim "pushed 30 km into Syria" ("15 km inside Syrian territory").

        It is measured from the border with the neighbour the text is about, inward; nothing is
        added when no country follows ("into the desert").
        """
        if anchor is None or dist is None:
            return
        country = anchor.place
        if country is None or country.kind != "country":
            country = self.ctx.country_at(anchor.text.split()[0])
        border = self.ctx.border_of(country.country, start, sent[1]) if country and country.country else None
        if country is None or border is None:
            return
        target, target_place = self.target_before(start, sent[0])
        self.claim(
            start,
            end,
            sent,
            "inside",
            target,
            Anchor(anchor.text, anchor.start, anchor.end, country),
            flags,
            distance=dist,
            hedge=hedge,
            anchor2=border,
            anchor2_text=border.name,
            target_place=target_place,
        )
        self.taken.append((start, end))

    def heading(self, m: re.Match[str], sent: tuple[int, int]) -> None:
        """Add the claim "north of Mosul" (a ``direction``), "east of the Tigris" (a ``side``)."""
        ctx = self.ctx
        if m.group("dir") and ctx.inside_mention(m.start("dir")):
            return  # "North" of "North Korea of ...": part of a name, not a heading
        if m.group("dir") and LONE_LETTER_RE.fullmatch(m.group("dir")):
            return  # a lone letter ("Block E of the compound") is a heading only after a distance
        flags: list[str] = []
        anchor = ctx.settlement_anchor(ctx.anchor_at(m.end(), sent[1], lowercase=True))
        direction = read_direction(m.group("dir"), m.group("bear"), flags)
        before = m.start()
        unit = UNIT_BEFORE_RE.search(ctx.text, max(sent[0], m.start() - 40), m.start())
        if unit and AREA_BEFORE_RE.search(ctx.text, max(sent[0], unit.start() - 10), unit.start()):
            unit = None  # "300 square kilometres east of Athens": an area, no distance
        if unit:
            # "12,5 km north of", "several miles north of": a distance was stated but not read;
            # the direction alone would give a confident but wrong estimate near the anchor
            flags.append("unreadable number")
            direction = None
            before = unit.start()  # the target comes before the unreadable number
            while before > sent[0] and ctx.text[before - 1].isspace():
                before -= 1
            while before > sent[0] and not ctx.text[before - 1].isspace():
                before -= 1
        relation = "side" if _is_line(anchor) else "direction"
        start, end = m.start(), (anchor.end if anchor else m.end())
        subject = None
        if relation == "direction" and anchor is not None and not anchor.named and not unit:
            subject = ctx.appositive_subject(start, anchor, sent)
        if subject is not None and anchor is not None:
            # "In Ridgecrest, northeast of the epicenter, ...": the epicenter lies SW of Ridgecrest
            target = noun_phrase_label(WORD_RE.findall(anchor.text)) or UNNAMED
            self.claim(start, end, sent, relation, target, subject, flags, direction=direction, inverse=True)
            self.taken.append((start, end))
            return
        target, target_place = self.target_before(before, sent[0])
        self.claim(
            start, end, sent, relation, target, anchor, flags, direction=direction, target_place=target_place
        )
        self.taken.append((start, end))

    def related(self, m: re.Match[str], sent: tuple[int, int]) -> None:
        """Add the claim of a relation word: "near", "on the outskirts of", "between", "on the bank of"."""
        ctx = self.ctx
        rel = SPACES_RE.sub(" ", m.group("rel").lower())
        anchor = ctx.settlement_anchor(ctx.anchor_at(m.end(), sent[1], lowercase=False))
        if anchor is None:
            return  # "in the near future", "outside the building": no place follows
        flags: list[str] = []
        kw: dict[str, object] = {}
        end = anchor.end
        start = m.start()
        if rel == "between":
            halfway = HALFWAY_BEFORE_RE.search(ctx.text, max(sent[0], start - 12), start)
            if halfway:  # "halfway between Homs and Palmyra": about the middle
                start = halfway.start()
                kw["hedge"] = "halfway"
            if PARTIES_BEFORE_RE.search(ctx.text, max(sent[0], start - 40), start):
                return  # "the talks between Moscow and Kyiv": between parties, not places
            rest = BETWEEN_AND_RE.match(ctx.text[anchor.end : anchor.end + 80])
            second = (
                ctx.settlement_anchor(ctx.anchor_at(anchor.end + rest.end(), sent[1], lowercase=False))
                if rest
                else None
            )
            if second is None:
                return
            kw.update(anchor2_text=second.text, anchor2=second.place)
            if second.place is None:
                flags.append("anchor not found")
            end = second.end
            relation = "between"
        elif "outskirts" in rel:
            relation = "outskirts"
            if m.group("odir"):
                part = parse_part(m.group("odir"))
                kw["direction"] = parse_direction(part) if part and part != "central" else None
        elif rel.startswith("outside"):
            relation = "outside"
        elif m.group("bdir"):  # "on the west bank of the Dnipro": that side of the river
            relation = "side"
            kw["direction"] = parse_direction(ERN_END_RE.sub("", m.group("bdir").lower()))
        elif rel == "nearby":
            self.nearby(m.start(), anchor, sent)
            return
        else:
            relation = "near"
        target, target_place = self.target_before(start, sent[0])
        self.claim(start, end, sent, relation, target, anchor, flags, target_place=target_place, **kw)
        self.taken.append((start, end))

    def travel(self, m: re.Match[str], sent: tuple[int, int]) -> None:
        """Add "a 20-minute drive from Aspen": near the anchor, flagged as a time, not a distance."""
        anchor = self.ctx.anchor_at(m.end(), sent[1], lowercase=False)
        if anchor is None:
            return
        target, target_place = self.target_before(m.start(), sent[0])
        flags = ["travel time, not a distance"]
        self.claim(m.start(), anchor.end, sent, "near", target, anchor, flags, target_place=target_place)
        self.taken.append((m.start(), anchor.end))

    def nearby(self, start: int, place: Anchor, sent: tuple[int, int]) -> None:
        """Add "in Norcia or nearby Amatrice": the place is near the settlement named before it.

        "Nearby" says which place is near, not what else is: with no other settlement named before
        in the sentence ("refugees fled to nearby Kenya"), nothing is added.
        """
        if place.place is None or place.mention is None:
            return
        anchor = self.ctx.settlement_before(start, sent[0], place.place)
        if anchor is None:
            return
        self.claim(
            start,
            place.end,
            sent,
            "near",
            place.text,
            Anchor.of(anchor),
            [],
            target_place=place.place,
        )
        self.taken.append((start, place.end))

    def parts(self, m: re.Match[str], sent: tuple[int, int]) -> None:
        """Add the part claims "eastern Mosul", "the east and west of Mosul" (one per part word)."""
        ctx = self.ctx
        anchor = ctx.anchor_at(m.end(), sent[1], lowercase=False, whole=True)
        if anchor is None or anchor.mention is None or anchor.start != m.end():
            return
        groups = ["part", "part2"] if m.group("part") else ["tpart"]
        for g in groups:
            word = m.group(g)
            if not word:
                continue
            self.part_claim(m.start(g), anchor.end, word, anchor, sent)
        self.taken.append((m.start(), anchor.end))

    def part_claim(self, start: int, end: int, word: str, anchor: Anchor, sent: tuple[int, int]) -> None:
        """Add the claim of one part word of a place ("eastern": the east of it)."""
        label = parse_part(word)
        if label is None:
            return
        direction = None
        if label != "central":
            d = parse_direction(label)
            if d is not None:
                direction = Direction(words=word, azimuth=d.azimuth, half_angle=d.half_angle)
        name = anchor.place.name if anchor.place is not None else anchor.text
        self.claim(start, end, sent, "part", f"{label} {name}", anchor, [], direction=direction)

    def mention_parts(self, mentions: Sequence[Mention], sentences: list[tuple[int, int]]) -> None:
        """Part claims for mentions the mention finder marked with a part ("eastern Mosul")."""
        done = {c.end for c in self.claims if c.relation == "part"}
        starts = [s for s, _ in sentences]
        for men in mentions:
            if not men.part or men.end in done:
                continue
            i = max(0, bisect.bisect_right(starts, men.start) - 1)
            sent = sentences[i] if sentences else (0, len(self.ctx.text))
            name = men.text
            pm = PART_PREFIX_RE.match(name)
            if pm:
                name = name[pm.end() :]
            anchor = Anchor(name, men.end - len(name), men.end, men.place, men)
            self.part_claim(men.start, men.end, men.part, anchor, sent)

    def overlaps(self, start: int, end: int) -> bool:
        """Say whether a span overlaps one of the last expressions read."""
        return any(s < end and start < e for s, e in self.taken[-4:])
