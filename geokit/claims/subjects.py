"""What a relative expression locates: the target before it, or the subject of an inverse statement.

:class:`Context` reads, before an expression, the place or noun phrase it locates ("two camps
located 45 km southwest of Sirte": the camps; "Qayyarah, Iraq, 60 km south of Mosul": Qayyarah),
and the subject a statement is inverted around ("Sirte is nearly 28 miles southwest of the
training camps": Sirte, with the camps as the target). Anchors are read by
:class:`~geokit.claims.anchors.AnchorReader`, which it extends.
"""

from __future__ import annotations

from geokit.claims.anchors import Anchor, AnchorReader
from geokit.claims.patterns import (
    APPOSITIVE_NP_RE,
    CLAUSE_CLOSE_RE,
    CLOCK_TIME_RE,
    DISTANCE_AHEAD_RE,
    FRONTED_VERB_RE,
    HEDGE_END_RE,
    IN_AREA_BEFORE_RE,
    IN_NAMED_AREA_BEFORE_RE,
    LAST_WORD_RE,
    NAME_BEFORE_RE,
    POSSESSIVE_RE,
    QUALIFIER_GAP_RE,
    REGION_WORD_END_RE,
    SUBJECT_END_RE,
    THOUSANDS_COMMA_RE,
    WORD_RE,
)
from geokit.claims.targets import common_noun, noun_phrase_label, target_words, trim_predicate
from geokit.claims.words import LINKERS, LINKING_VERBS, PRONOUNS
from geokit.kinds import LINE_KINDS
from geokit.model import Mention, Place

__all__ = ["AREA_KINDS", "UNNAMED", "WINDOW", "Context"]

WINDOW = 200  # characters examined before an expression (target, subject of an inverse claim)
_PRONOUN_REACH = 300  # "it", "they" mean the last unnamed target only this many characters on
#: The target of a claim whose target could not be read.
UNNAMED = "unnamed target"
#: Kinds of place that qualify the name before them (a state, province, county, country, region).
_QUALIFIER_KINDS = frozenset(("country", "admin1", "admin2", "region", "continent"))
#: The kinds of place "the city", "the town", "the village" may refer back to.
_KINDS_REFERRED_TO = {"city": ("city", "town"), "town": ("town", "village"), "village": ("village",)}
#: Kinds of place that are areas: "a ship in the Red Sea" is in it, no point is measured from it.
AREA_KINDS = frozenset(("sea", "ocean", "country", "continent", "region", "admin1"))


def _span(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


class Context(AnchorReader):
    """A document and its mentions; reads the anchor, target and subject of each expression."""

    # -- what lies before an expression ---------------------------------------------------------
    def strip_linkers(self, pos: int, floor: int) -> tuple[int, bool]:
        """Move back over spaces, commas and linking words; say whether a linking verb was passed."""
        text = self.text
        verb = False
        for _ in range(8):
            q = pos
            while q > floor and text[q - 1] in " \t,\u00a0":
                q -= 1
                verb = verb or text[q] == ","  # an appositive: "Sirte, 28 miles SW of the camps"
            m = LAST_WORD_RE.search(text[max(floor, q - 15) : q])
            if m and m.group().lower() in LINKERS:
                verb = verb or m.group().lower() in LINKING_VERBS
                pos = q - len(m.group())
                continue
            return q, verb
        return pos, verb

    def target_before(self, pos: int, floor: int) -> tuple[str, Place | None]:
        """Return the target an expression at ``pos`` locates: a place mention or a noun-phrase label."""
        p, _ = self.strip_linkers(pos, floor)
        men = self.by_end.get(p)
        region_word = REGION_WORD_END_RE.search(self.text, max(floor, p - 16), p) if men is None else None
        if region_word:
            men = self.by_end.get(region_word.start())  # "Odisha state", "Idlib province"
            unknown = NAME_BEFORE_RE.search(self.text, max(floor, p - 60), region_word.start())
            if men is None and unknown and unknown.start() > floor:
                # "in Somalia's Lower Shabelle region, about 40 km northwest of ...": a region
                # geokit does not know, by its name (without its country's possessive)
                return POSSESSIVE_RE.split(self.text[unknown.start() : p])[-1], None
        if men is not None:
            # "Qayyarah, Iraq, 60 km south of ...", "Paradise, California, 90 miles north of ...",
            # "Balasore in Odisha state, about 250 km south of ...": prefer the place before the
            # country or state.
            if men.place is not None and men.place.kind in ("country", "admin1"):
                q = men.start
                while q > floor and self.text[q - 1] in " ,":
                    q -= 1
                if self.text[max(floor, q - 3) : q] == " in":
                    q -= 3
                prev = self.by_end.get(q)
                if prev is not None and q < men.start:
                    men = prev
                elif q < men.start and self.text[q : men.start].strip() == ",":
                    # "Keaton Beach, Florida, 20 miles south of Perry": the name before the state,
                    # even when it is no place geokit knows
                    return self.target_before(q, floor)
            inside = IN_AREA_BEFORE_RE.search(self.text, max(floor, men.start - 12), men.start)
            if inside and men.place is not None and men.place.kind in AREA_KINDS:
                # "a ship in the Red Sea about 50 nautical miles west of Hodeidah": the ship
                return self.target_before(inside.start(), floor)
            return men.text, men.place
        lo = max(floor, p - WINDOW)
        area = (
            IN_NAMED_AREA_BEFORE_RE.search(self.text, lo, p)
            if DISTANCE_AHEAD_RE.match(self.text, pos)
            else None
        )
        if area:
            # "the ski area in the French Alps, about 15 km south of ...": a region geokit does not
            # know says where the thing before it is, as "in the Red Sea" does; it is no point a
            # distance can be measured to ("an arrest in the Javari Valley, near the border": the valley)
            return self.target_before(area.start(), floor)
        seg = CLOCK_TIME_RE.sub(" ", self.text[lo:p])  # "struck at 4:17 a.m. about 33 km from": no clause
        seg = THOUSANDS_COMMA_RE.sub("", seg)  # "burned 5,000 acres east of": no clause break either
        cut = max(seg.rfind(c) for c in ',;:()[]"“”')
        clause = seg[cut + 1 :]
        # not a subject from a parenthesis set off by dashes ("Rockett — who stood ... with a
        # swollen eye — was held in ...")
        after_dash = trim_predicate(WORD_RE.findall(clause.rsplit("—", 1)[-1]))
        words = target_words(trim_predicate(WORD_RE.findall(clause)), after_dash)
        label = noun_phrase_label(words)
        if label and " " not in label and self.text[floor:p].lstrip().startswith(label):
            label = common_noun(label)  # "Troops pushed to within ...": opening the sentence, no name
        if words and words[-1].lower() in PRONOUNS:
            # "it is 3 km west of ...": the last target, if it was named close before
            recent = self.last_target is not None and p - self.last_target_end <= _PRONOUN_REACH
            return (self.last_target if recent else None) or UNNAMED, None
        if not label or (label.endswith("ed") and len(label.split()) == 1):
            return UNNAMED, None
        if label in _KINDS_REFERRED_TO and len(words) >= 2 and words[-2].lower() == "the":
            # "The city lies 20 km from the border": the city named last (a town for "the town")
            settlement = self.settlement_meant(f"the {label}", p)
            if (
                settlement is not None
                and settlement.place is not None
                and settlement.place.kind in _KINDS_REFERRED_TO[label]
            ):
                return settlement.text, settlement.place
        return label, None

    def subject_before(self, pos: int, floor: int) -> Anchor | None:
        """Return the place that is the subject of a linking verb just before ``pos`` ("Sirte is ...").

        A qualified subject is the name it qualifies ("Sirte, Libya, is ...", "Kandahar
        (Afghanistan) is ...", "Homs, in western Syria, is ...": Sirte, Kandahar, Homs).
        """
        p, verb = self.strip_linkers(pos, floor)
        if not verb:
            return None
        return self.qualified_name_before(p, floor)

    def refers_to_subject(self, anchor: Anchor, subject: Anchor | None, pos: int) -> bool:
        """Say whether "the village" (``anchor``, read as the settlement named last) is the subject.

        "Kharkiv, Ukraine, sits 30 km south of the village": the settlement named last is Kharkiv,
        the subject of the linking verb before ``pos``, and the village is a place of its own. Not
        after a comma alone ("It spread to Erbil, about 5 km west of the city"), nor when another
        settlement was named before the subject (the one "the city" means).
        """
        men = anchor.mention
        if men is None or men.place is None or subject is None or subject.mention is None:
            return False
        if _span(subject.mention) != _span(men):
            return False
        if not any(w.lower() in LINKING_VERBS for w in WORD_RE.findall(self.text, subject.end, pos)):
            return False
        return self.settlement_before(men.start, 0, men.place) is None

    def fronted_subject(self, anchor: Anchor, limit: int) -> Anchor | None:
        """Return the place a fronted statement locates, after the noun phrase ``anchor``, or None.

        "Some 40 miles south of the base lies Homs", "About 30 km east of the camp is the town of
        Kobani": a linking verb follows the noun phrase, and a place named after it ends the clause.
        """
        verb = FRONTED_VERB_RE.match(self.text, anchor.end, limit)
        if verb is None:
            return None
        subject = self.anchor_at(verb.end(), limit, lowercase=False)
        if (
            subject is None
            or subject.mention is None
            or subject.start != subject.mention.start
            or not SUBJECT_END_RE.match(self.text, subject.end, limit)
        ):
            return None
        return self.point_anchor(subject.mention)

    def appositive_subject(self, pos: int, anchor: Anchor, sent: tuple[int, int]) -> Anchor | None:
        """Return the place an appositive statement at ``pos`` locates, or None.

        "Akutan, a village of 1,000 people about 40 miles northeast of the volcano, felt ...",
        "In Ridgecrest, northeast of the epicenter, residents ...": the named place before the
        comma is stated relative to the unnamed ``anchor`` (the statement is inverse). The
        statement must close after the anchor (a comma, the end of the sentence).
        """
        text = self.text
        if not CLAUSE_CLOSE_RE.match(text, anchor.end, sent[1]):
            return None
        hedge = HEDGE_END_RE.search(text[max(sent[0], pos - 30) : pos])
        p = pos - (len(hedge.group()) if hedge else 0)
        comma = p
        while True:
            comma = text.rfind(",", max(sent[0], p - WINDOW), comma)
            if comma < 0 or not (text[comma - 1 : comma].isdigit() and text[comma + 1 : comma + 2].isdigit()):
                break
        if comma < 0 or not APPOSITIVE_NP_RE.match(text, comma + 1, p):
            return None
        men = self.by_end.get(comma)
        if men is None or men.place is None or men.place.kind in AREA_KINDS or men.place.kind in LINE_KINDS:
            return None
        return self.point_anchor(men)

    def qualified_name_before(self, p: int, floor: int) -> Anchor | None:
        """Return the place named right before ``p``, the name a qualifier qualifies, or None.

        "Sirte, Libya", "Perth, Western Australia", "Kandahar (Afghanistan)", "Homs, in western
        Syria": the place before the country, state or region (with its namesake settled by the
        mention finder). A name geokit does not know that opens the sentence ("Regina (Canada)")
        is kept unresolved, not replaced by its country. A region named like a settlement of it is
        the settlement (:meth:`point_anchor`).
        """
        text = self.text
        q = p
        if q > floor and text[q - 1] == ")":  # "Kandahar (Afghanistan)"
            q -= 1
            while q > floor and text[q - 1].isspace():
                q -= 1
        men = self.by_end.get(q)
        if men is None and q - 1 > floor and text[q - 1] == ".":
            men = self.by_end.get(q - 1)  # "Sacramento, Calif., is": the abbreviation's full stop
        if men is None:
            # "Reno sits about 30 miles east of the airfield": a name opening the sentence that the
            # mention finder left out (a capitalised first word is often no name)
            name = NAME_BEFORE_RE.search(text, max(floor, q - 60), q) if q == p else None
            if name is None or text[floor : name.start()].strip() or self.inside_mention(name.start()):
                return None
            place = self.unmentioned_place(name.group())
            return Anchor(name.group(), name.start(), name.end(), place) if place is not None else None
        if men.place is not None and men.place.kind in _QUALIFIER_KINDS:
            gap = QUALIFIER_GAP_RE.search(text, max(floor, men.start - 40), men.start)
            if gap is not None and ("(" in gap.group()) == (q < p):
                named = self.by_end.get(gap.start())
                if named is not None and (named.place is None or named.place.kind != "country"):
                    return self.point_anchor(named)
                name = NAME_BEFORE_RE.search(text, max(floor, gap.start() - 60), gap.start())
                if (
                    named is None
                    and name is not None
                    and not text[floor : name.start()].strip()
                    and not self.inside_mention(name.start())
                ):
                    return Anchor(name.group(), name.start(), name.end())
                if gap.group().strip(" ,"):
                    return None  # "The town, in northern Iraq, is ...": it, not Iraq, is the subject
        elif q < p:
            return None  # "... (the camp) is": no place
        return self.point_anchor(men) if men.place is not None else None
