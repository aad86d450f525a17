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
  Moscow and Kyiv", :data:`_PARTY_NOUNS`).
- ``inside`` ("pushed 30 km into Syria", "15 km inside Syrian territory"): ``distance``; ``anchor``
  is the country, ``anchor2`` its border with the neighbour the text is about (all its land
  borders when none is named).
- Anchors may be borders and coasts ("within 15 km of the Turkish border", "off the coast of
  Libya", "Lebanon's southern border": with the neighbours on that side): places of kind
  ``border`` / ``coast`` from :mod:`geokit.places.borders`. A descriptor before the anchor is
  skipped ("the town of Kidal", "the Libyan port city of Misrata", "the state capital
  Maiduguri", "the entrance to Tartus port"); a name the mention finder left out ("Dillingham on
  Bristol Bay") is looked up (:meth:`_Context.unmentioned_place`); an airport, base or island
  named in full is that feature, or the town an airport is named after (flagged), never a
  namesake of its first word (:meth:`_Context.feature_anchor`).
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
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from geokit.claims.grammar import (
    _UNIT_WORDS,
    _UNKNOWN_UNITS,
    BEARING_AFTER_DISTANCE_RE,
    BEARING_RE,
    DIRECTION_RE,
    HEDGE_RE,
    NUMBER_RE,
    PART_RE,
    TRAVEL_TIME_RE,
    TRIP_NOUNS,
    TRIP_RE,
    UNIT_METRES,
    UNIT_RE,
    VAGUE_RE,
    normalise_unit,
    parse_bearing,
    parse_direction,
    parse_hedge,
    parse_number,
    parse_part,
    parse_vague_number,
)
from geokit.claims.targets import common_noun, noun_phrase_label, target_key, target_words, trim_predicate
from geokit.errors import InputError
from geokit.geo import EARTH_HALF_CIRCUMFERENCE_M, distance_m
from geokit.kinds import LINE_KINDS, POINT_KINDS, SETTLEMENT_KINDS, SUBNATIONAL_KINDS
from geokit.model import Claim, Direction, Distance, Document, Mention, Place
from geokit.text.sentences import split_sentences

__all__ = ["extract_claims"]


def _words(text: str) -> list[str]:
    """Split a whitespace-separated word list."""
    return text.split()


_S = r"\s{1,3}"
#: "12 nautical miles off Tartus", "offshore from", "off the coast of": a distance out to sea.
_OFFSHORE = rf"(?:offshore(?:{_S}(?:from|of))?|off)"
#: A distance: a number, range or vague quantity with its unit and, in brackets, the same in another unit.
_DISTANCE = (
    r"(?:(?P<between>\bbetween)" + _S + rf"(?P<b1>{NUMBER_RE})" + _S + "and" + _S + rf"(?P<b2>{NUMBER_RE})"
    rf"|(?:(?P<hedge>\b{HEDGE_RE}){_S})?(?:(?P<vague>{VAGUE_RE})|(?P<num>{NUMBER_RE})"
    rf"(?:\s{{0,3}}(?:-|–|—|to|or)\s{{0,3}}(?P<num2>{NUMBER_RE}))?))"
    rf"\s{{0,3}}-?\s{{0,3}}(?P<unit>{UNIT_RE})(?P<andhalf>{_S}and{_S}a{_S}half)?"
    rf"(?:\s{{0,3}}\(\s{{0,3}}(?:{HEDGE_RE}{_S})?(?P<pnum>{NUMBER_RE})\s{{0,3}}-?\s{{0,3}}(?P<punit>{UNIT_RE})"
    r"\s{0,3}\))?"
)
#: "5 km across the border from Tal Abyad": a distance from a town on the other side of a border.
_ACROSS_BORDER = rf"(?:just{_S})?across{_S}the{_S}(?:border|frontier){_S}from"
#: "crashed 5 km short of Port Hedland" (of the runway, the town it was bound for).
_SHORT_OF = rf"(?:just{_S})?short{_S}of"
_DIST_RE = re.compile(
    _DISTANCE
    # "a 40-mile drive from Tucson" (a distance along a route); "four nautical miles" in quotes
    + rf"(?:{_S}(?P<trip>{TRIP_RE})\b)?[\"”’']?"
    rf"(?:[\s,]{{1,3}}(?:(?:to{_S}the{_S}|due{_S})?(?P<dir>{DIRECTION_RE})"
    rf"|(?P<bear>{BEARING_RE}|{BEARING_AFTER_DISTANCE_RE})))?"
    rf"(?P<radius>{_S}radius)?"
    rf"[\s,]{{1,3}}(?P<conn>away{_S}from|outside{_S}of|outside|{_ACROSS_BORDER}|{_SHORT_OF}|from|of|{_OFFSHORE}|into|inside)\b",
    re.IGNORECASE,
)
#: "a 20-minute drive from Aspen", "two hours' walk from Jalalabad": a travel time says the target
#: is near the anchor, not how far (flagged "travel time, not a distance").
_TRAVEL_RE = re.compile(rf"{TRAVEL_TIME_RE}(?:{_S}away)?{_S}(?:from|of)\b", re.IGNORECASE)
_TRAVEL_KEYS = ("minute", "hour")
#: "Khan Younis, 10 km to the north": a distance and heading whose anchor is left implicit, the
#: place named before (the heading ends the phrase: no "of" follows).
_IMPLICIT_RE = re.compile(
    _DISTANCE + rf"[\s,]{{1,3}}(?:to{_S})?(?:the{_S})?(?P<dir>{DIRECTION_RE})(?=\s{{0,3}}(?:[.,;:)]|$))",
    re.IGNORECASE,
)
_DIR_RE = re.compile(
    rf"(?:\b(?:just|due|directly|immediately|slightly|far|further|farther){_S})?(?:\bto{_S}the{_S})?"
    rf"(?:(?P<dir>{DIRECTION_RE})|(?P<bear>{BEARING_RE})){_S}(?P<conn>of|from)\b",
    re.IGNORECASE,
)
_REL_RE = re.compile(
    rf"\b(?P<rel>near(?:by)?|close{_S}to|in{_S}the{_S}vicinity{_S}of|next{_S}to"
    rf"|(?:(?:on|in|at){_S})?the{_S}(?:(?P<odir>{PART_RE}){_S})?outskirts{_S}of|outskirts{_S}of"
    rf"|outside(?:{_S}of)?|(?:(?:on|along){_S})?the{_S}(?:(?P<bdir>(?:north|south)?(?:east|west)(?:ern)?"
    rf"|north(?:ern)?|south(?:ern)?){_S})?(?:banks?|shores?){_S}of|between|{_ACROSS_BORDER})\s{{1,3}}",
    re.IGNORECASE,
)
_POINT = r"(?:north|south)-?(?:east|west)|north|south|east|west"
_PART_FORWARD_RE = re.compile(
    rf"\b(?:(?P<part>{PART_RE}|{_POINT})(?:{_S}and{_S}(?P<part2>{PART_RE}|{_POINT}))?"
    rf"(?:{_S}(?:part|parts|side|half|sector|districts|neighbou?rhoods|areas|quarter|edge|edges|entrance|entrances|fringes|approaches|end|tip){_S}of)?"
    rf"|the{_S}(?P<tpart>{_POINT}|heart|cent(?:re|er)){_S}of)\s{{1,3}}(?:the{_S}(?:city{_S}of{_S})?)?",
    re.IGNORECASE,
)
# Where the three patterns above can first match in a sentence. Each match holds one of a few
# words, at most so many characters from its start ("immediately to the north of": 25 before
# "north"); before the first such word there is nothing to find. Lower-case ASCII text only, where
# case-insensitive matching is plain lower-casing.
_COMPASS_WORDS = ("north", "south", "east", "west")
_CENTRE_WORDS = ("central", "heart", "centre", "center")
#: an abbreviated heading ("NE", "S.W.", "N by E"): a capital N, E, S or W standing alone
_ABBR_ANCHOR = re.compile(r"[NESW](?<![\w.].)(?![^\WNESWb])")


def _first_match_from(kind: str, text: str, start: int, end: int, low: str) -> int | None:
    """Return where a pattern of ``kind`` can first match in the sentence ``text[start:end]``.

    ``low`` is the sentence in lower case. None: nowhere. For text other than ASCII (where
    case-insensitive matching is more than lower-casing), the start of the sentence.
    """
    if not text[start:end].isascii():
        return start
    if kind == "heading":  # _DIR_RE: a compass word or abbreviation, or "deg" of a bearing
        firsts = [i - 25 for i in map(low.find, _COMPASS_WORDS) if i >= 0]
        if (i := low.find("deg")) >= 0:
            firsts.append(i - 60)
        if (m := _ABBR_ANCHOR.search(text, start, end)) is not None:
            firsts.append(m.start() - start - 25)
    elif kind == "part":  # _PART_FORWARD_RE: "eastern", "central", "the north of"
        firsts = [i - 6 for i in map(low.find, (*_COMPASS_WORDS, *_CENTRE_WORDS)) if i >= 0]
    else:  # _REL_RE: "near", "on the north-western outskirts of"
        firsts = [i - 30 for i in map(low.find, _RELATION_KEYS) if i >= 0]
    return start + max(0, min(firsts)) if firsts else None


_ANCHOR_PREFIX_RE = re.compile(
    rf"(?:the{_S})?(?:(?:city|town|village|port|capital|province|region|district|governorate|oasis|area"
    rf"|community|hamlet|township|municipality|island|coast|outskirts|suburbs|centre|center|heart)"
    rf"{_S}of{_S}(?:the{_S})?|(?:entrance|approaches|gates?){_S}(?:to|of){_S}(?:the{_S})?)?"
    rf"(?:(?:downtown|central|(?:north|south)?(?:east|west)ern|northern|southern|inner){_S})?",
    re.IGNORECASE,
)
#: Verbs that link a place to where it is ("Sirte is ...", "Homs lies ...", "... sits ...").
_LINKING_VERBS = frozenset(_words("is are was were lies lie lay sits sit sat stands stand rests"))
#: The linking verbs as a pattern, a participle after them allowed ("is located", "lies situated").
_LINKING_VERB_RE = (
    rf"(?:{'|'.join(sorted(_LINKING_VERBS, key=len, reverse=True))})\b"
    rf"(?:{_S}(?:located|situated|positioned|found|based))?\b"
)
#: Words that describe a settlement before its name: "the town of Kidal", "the community of Arbuckle".
_SETTLEMENT_WORDS = _words(
    "city town village port capital crossing hub community hamlet township municipality settlement resort"
)
#: "the Turkish border town of Cizre": the settlement, not the border that describes it (nor a
#: clause: "the camp is the town of Kobani").
_DESCRIBED_SETTLEMENT_RE = re.compile(
    rf"(?:the{_S})?(?:(?!{_LINKING_VERB_RE})[\w'’-]{{2,30}}{_S}){{1,3}}?"
    # the bare form ("the state capital Maiduguri") only with the word in lower case: "Quezon City,
    # Philippines" is a name and its country, not a description of the Philippines
    rf"(?:(?:{'|'.join(_SETTLEMENT_WORDS)}){_S}of{_S}|(?-i:capital|city|town|port),?{_S}(?-i:(?=[A-Z])))",
    re.IGNORECASE,
)
#: A trailing place phrase after an anchor's name: "Dillingham on Bristol Bay", "Palu on Sulawesi".
_TRAILING_PLACE_RE = re.compile(r"\s{1,3}(?:on|in|at|along|by)\s{1,3}(?:the\s{1,3})?[A-Z]")
#: An airport, air base or island named in full: "Victoria Falls Airport", "Fort Bliss Army
#: Airfield", "Santa Rosa Island" (the mention finder may have read only its first words).
_FEATURE_NAME_RE = re.compile(
    r"(?P<base>[A-Z][\w'’.-]{0,30}(?:\s(?:[A-Z][\w'’.-]{0,30}|de|del|la|el)){0,4}?)\s"
    r"(?P<feature>(?:(?:International|Regional|Municipal)\s)?Airport|(?:(?:Army|Naval)\s)?Airfield"
    r"|Air\s(?:Force\s)?Base|(?:Naval\s)?Air\sStation|Army\sBase|Island|Isle)\b"
)
#: A place named right after a line anchor says which stretch of the line is meant: "east of the
#: Tigris in Mosul", "10 km west of the Euphrates river near Deir ez-Zor", "the border, near Kilis".
_STRETCH_RE = re.compile(
    rf"(?:{_S}(?:river|canal|wadi|stream|creek|highway|road))?,?{_S}"
    rf"(?:in|near|at|around|outside|close{_S}to){_S}(?:the{_S})?",
    re.IGNORECASE,
)
#: Relations whose line anchor a stretch narrows (a between-claim's second anchor is its own).
_STRETCH_RELATIONS = frozenset(("offset", "distance", "side", "near"))
#: Kinds of place such a name may be.
_FEATURE_KINDS = frozenset(("airport", "airbase", "island", "admin1", "admin2"))
#: "the coast of" before the place a distance off it is measured from.
_COAST_OF_RE = re.compile(rf"(?:the{_S})?coast(?:line)?{_S}of{_S}", re.IGNORECASE)
_COUNTRY_WORD = r"[A-Z][\w'’.]{1,30}(?:\s[A-Z][\w'’]{1,30}){0,2}"
_LINE_ANCHOR_RE = re.compile(
    rf"(?:(?i:the){_S})?(?:(?P<x>{_COUNTRY_WORD})(?:\s?[-–/]\s?(?P<y>{_COUNTRY_WORD}))?{_S})?"
    rf"(?:(?P<side>(?i:(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western)){_S})?"
    rf"(?P<kind>(?i:border|frontier|coastline|coast|shore|state{_S}line))s?\b"
    rf"(?:{_S}(?P<rel>(?i:with|between|of)){_S}(?P<z>{_COUNTRY_WORD})(?:{_S}(?i:and){_S}(?P<w>{_COUNTRY_WORD}))?)?"
)
_DEMONYM_WORD_RE = re.compile(r"\b[A-Z][a-z]{2,20}\b")  # a country's name or demonym ("Turkish")
#: An appositive noun phrase after a comma: "a town on the Tigris", "the militants' stronghold".
#: The proper name right before a comma ("in Kuriga,").
_NAME_BEFORE_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3}\Z")
#: A preposition that makes the name after it a place ("in Kuriga").
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|from|to|into|outside)\s{1,3}\Z", re.I)
#: What sets a qualifier off from the name it qualifies, up to the qualifier: "Sirte, Libya",
#: "Kandahar (Afghanistan)", "Homs, in western Syria".
_QUALIFIER_GAP_RE = re.compile(
    rf"(?:,\s{{0,3}}(?:in{_S}(?:the{_S})?(?:{PART_RE}{_S})?)?|\s{{0,3}}\(\s{{0,3}})\Z", re.IGNORECASE
)
#: Kinds of place that qualify the name before them (a state, province, county, country, region).
_QUALIFIER_KINDS = frozenset(("country", "admin1", "admin2", "region", "continent"))
#: "... south of the base lies Homs", "... of the camp is the town of Kobani": a linking verb after
#: the noun phrase of the anchor; the place after it is the subject of a fronted statement.
_FRONTED_VERB_RE = re.compile(rf"{_S}{_LINKING_VERB_RE}{_S}", re.IGNORECASE)
#: Where the subject of a fronted statement may end: the end of its clause (not "is Syria's ...").
_SUBJECT_END_RE = re.compile(r"\s{0,3}(?:[.,;:!?()—–]|(?:in|on|at|near|and|where|which)\b|\Z)")
#: An appositive between a place and what locates it: "Akutan, a village of 1,000 people about 40
#: miles northeast of the volcano," (no comma in it but a thousands separator).
_APPOSITIVE_NP_RE = re.compile(
    r"\s{0,3}(?:(?:a|an|the)\s(?:[^,;:()]|(?<=\d),(?=\d{3})){0,160})?\Z", re.IGNORECASE
)
#: What closes an appositive statement after its anchor: "..., northeast of the epicenter, residents".
_CLAUSE_CLOSE_RE = re.compile(r"\s{0,3}(?:[,.;:)!?—–]|\Z)")
_APPOSITIVE_RE = re.compile(r"\s{0,3}(?:a|an|the|on|in|near|at)\s[^,;:()]{0,160}$", re.I)
#: "Odisha state", "Idlib province": a region word after a region's name.
_REGION_WORD_END = re.compile(r"\s{1,3}(?:state|province|region|district|county|oblast|governorate)\Z")
#: "12 miles east of Los Angeles and 5 miles from Pasadena": a second expression of one target.
_AND_GAP = re.compile(r"[\s,]*\b(?:and|or)\s+")
#: "in the Red Sea", "in northern Syria": a place that only says where the thing before it is.
_IN_AREA_BEFORE = re.compile(r"\b(?:in|on|across|over)\s{1,3}(?:the\s{1,3})?\Z", re.I)
_IN_NAMED_AREA_BEFORE = re.compile(
    r"\b(?:in|on|across|over)\s{1,3}the\s{1,3}(?:[A-Z][\w'’-]+\s{1,3}){0,3}[A-Z][\w'’-]+[\s,]*\Z"
)
_DISTANCE_AHEAD = re.compile(r"\W{0,3}(?:[a-z]+\s{1,3}){0,2}\d")
#: "The state capital", "the provincial capital": the capital of the region named last.
_REGION_ADJECTIVES = frozenset(_words("state provincial regional district county"))
#: "the US embassy in ", "the Russian base at ": a country's facility in a place named next.
_FACILITY_IN = re.compile(r"(?:\s{1,3}[a-z][a-z-]{1,20}){1,2}\s{1,3}(?:in|at)\s{1,3}(?:the\s{1,3})?")
_CLOCK_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s{0,2}[ap]\.?m\.?(?!\w)", re.I)
#: "the airport in Kathmandu": in it ("the reactor at Zaporizhzhia" is a plant named after the city,
#: 50 km away: not "at").
_AT_PLACE = re.compile(r"\s{1,3}in\s{1,3}")
#: The kinds of place "the city", "the town", "the village" may refer back to.
_KINDS_REFERRED_TO = {"city": ("city", "town"), "town": ("town", "village"), "village": ("village",)}
_AREA_KINDS = frozenset(("sea", "ocean", "country", "continent", "region", "admin1"))
#: Relations that only place a target somewhere around a settlement: after "near Jalalabad," a
#: further expression locates Jalalabad itself.
_VAGUE_RELATIONS = frozenset(("near", "outskirts", "outside"))
#: A place's name as written: capitalised words ("Marchula", "Bir Hakeim"), no article.
_PROPER_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3}")
#: How far (km) a place the mention finder left out may lie from the document's other places.
_UNMENTIONED_REACH_KM = 800.0
#: How far ahead of its namesakes such a place must score when no other place is named.
_UNMENTIONED_MARGIN = 0.05
#: What "D off X" measures from at sea: a town, airport or base, an island or a region of one
#: ("off the coast of Crete", "off Samos"); a country's coast is a line ("off the coast of Libya").
#: A town, airport or base stands at a point: "12 nautical miles off Tartus" is at sea off the
#: town (a coast or a country is a line or an area: "off the coast of Libya" is from its coast).
_OFFSHORE_KINDS = POINT_KINDS | frozenset(("island", "admin1", "admin2", "cape"))
#: A settlement among a region's namesakes scores at most this much less and is still the anchor
#: of a distance ("Kherson lies 15 km east of ...": the city), as the resolver's bonus for a
#: distance measured from a name.
_POINT_MARGIN = 0.3
_COMPASS_TARGETS = frozenset(
    _words("north south east west northeast northwest southeast southwest")
    + _words("north-east north-west south-east south-west")
)
_PARTICIPLE_RE = re.compile(r"[a-z]{3,}ing")
_WITHIN_A_BEFORE = re.compile(r"\bwithin\s{1,3}an?\s{1,3}$", re.IGNORECASE)
#: "the city", "the town's centre", "the capital": a settlement named before.
_SETTLEMENT_REF_RE = re.compile(
    r"the\s{1,3}(?:(?P<country>[A-Z][a-z]{2,20})\s{1,3})?(?P<kind>city|town|village|capital|port)"
    r"(?:['’]s\b|\b(?!\s{1,3}of\b))",
    re.I,
)
_CAPITALISED_RE = re.compile(
    r"(?:the\s{1,3})?[A-Z][\w'’.-]{0,40}(?:\s{1,2}(?:(?:of|de|al|el|the)\s{1,2})?[A-Z][\w'’-]{0,40}){0,4}"
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]{0,40}")
#: Words that end the noun phrase of an anchor; a linking verb too ("the base lies Homs": the base).
_NP_STOP = _LINKING_VERBS | frozenset(
    _words(
        """
        that which who where when while was were is are had has have and or but to in on at by with for
        as after before since because if
        """
    )
)
_LINKERS = frozenset(
    _words(
        """
        located situated lying lies lie lay is are was were sits sit sat stands stand rests based
        positioned stationed which that who being been now still also reportedly just had has have be
        runs run ran stretches stretch flows flow extends extend
        """
    )
)
_PRONOUNS = frozenset(_words("it they this these those which that"))
_LINE_WORDS_RE = re.compile(r"\b(?:river|canal|wadi|road|highway|railway|line|border|frontier|creek)\b", re.I)
_COMPASS_KEYS = (
    *_words("north south east west central bearing degree heading"),
    *("°", "º", "heart of", "centre of", "center of"),
)
# "[NS]\.?[EW]|[NESW]\.?[NS]\.?[EW]|[NESW]\s?by?\s?[NESW]" with the first letter taken out of the
# alternatives: a pattern that starts with a character class lets the regex engine skip to the next
# capital N, E, S or W instead of trying every alternative at every position (same matches).
_ABBR_HINT = re.compile(r"[NESW](?:(?<=[NS])\.?[EW]|\.?[NS]\.?[EW]|\s?by?\s?[NESW])")
_RELATION_KEYS = (
    *_words("near close vicinity next outskirts outside bank shore between"),
    "across the border",
)
_UNIT_HINT = re.compile(rf"(?<![^\W\d_]){UNIT_RE}", re.IGNORECASE)


def _one_word_units() -> frozenset[str]:
    """Return the units of ``UNIT_RE`` that are one word, lower-case ("km", "miles", "li", ...).

    The others ("nautical miles", "cable lengths") end or start with one of these.
    """
    words = {u for u in _UNIT_WORDS if " " not in u}
    for alt in _UNKNOWN_UNITS.split("|"):
        if " " not in alt:
            words.update((alt[:-2], alt[:-1]) if alt.endswith("s?") else (alt,))
    return frozenset(words)


_ONE_WORD_UNITS = _one_word_units()
# The last run of letters of every word ("km" of "45km"), in lower-case ASCII text.
_WORD_TAIL = re.compile(r"(?<![a-z])[a-z]++(?![0-9_])")


def _has_unit(text: str, start: int, end: int) -> bool:
    """Return whether ``_UNIT_HINT`` matches in ``text[start:end]`` (a sentence), faster.

    In ASCII text a unit matches exactly where a word ends in letters that spell a one-word unit
    (the pattern wants no letter before the unit and a word boundary after it). Other text, and a
    sentence that does not follow a space, are searched with the pattern.

    Examples
    --------
    >>> t = "It lies 45km (28 MILES) away; the km2 count is wrong."
    >>> _has_unit(t, 0, len(t)), _has_unit(t, 24, len(t))
    (True, False)
    """
    sentence = text[start:end]
    if sentence.isascii() and (start == 0 or text[start - 1].isspace()):
        return not _ONE_WORD_UNITS.isdisjoint(_WORD_TAIL.findall(sentence.lower()))
    return _UNIT_HINT.search(text, start, end) is not None


# Searched in the lower-cased text. A distance needs a unit: a number followed by letters ("45 km",
# "45km") or a unit word; the other relations need a compass or relation word.
_HINT_NUMBER_RE = re.compile(r"\d\s{0,3}-?\s{0,3}[a-z]")
_HINT_WORDS = (
    *_words("kilomet mile meter metre feet foot yard nautical furlong league verst cubit fathom parasang"),
    *_TRAVEL_KEYS,
    *_COMPASS_KEYS,
    *_RELATION_KEYS,
)
#: The hints as one pattern (the reference for :func:`_hint_starts`, which finds the same matches faster).
_HINT_RE = re.compile(_HINT_NUMBER_RE.pattern + "|" + "|".join(map(re.escape, _HINT_WORDS)))
# A unit of length right before a heading ("... km north of"): the distance before it was not read.
_UNIT_BEFORE_RE = re.compile(
    r"(?<![^\W\d_])(?:kms?|kilomet(?:er|re)s|miles?|mi|nmi|nautical\s{1,3}miles?|feet|ft|yards|yds?"
    r"|met(?:er|re)s)\.?[\s,]{1,3}\Z",
    re.IGNORECASE,
)
#: "12 km from Kirkuk, on a bearing of 045°": a bearing after the anchor.
_BEARING_AFTER_RE = re.compile(rf"[\s,]{{1,3}}(?P<bear>{BEARING_RE})", re.IGNORECASE)
#: Nouns of dealings between parties: "talks between Moscow and Kyiv", "flights between Dubai and
#: London" say nothing of where a thing lies.
_PARTY_NOUNS = _words(
    """
    talks negotiations relations ties tensions war wars conflict dispute disputes deal agreement accord
    treaty trade match game games meeting meetings summit dialogue rivalry exchange exchanges flights
    flight ferries ferry trains services service cooperation partnership alliance differences gap
    calls contacts swap rapprochement normalisation normalization feud standoff
    """
)
_PARTIES_BEFORE_RE = re.compile(
    rf"\b(?:{'|'.join(_PARTY_NOUNS)})(?:\s{{1,3}}[a-z]{{2,15}}){{0,2}}\s{{1,3}}\Z", re.IGNORECASE
)
#: The "and" of "between A and B", after an appositive of A: "between Aleppo, the commercial hub,
#: and Damascus".
_BETWEEN_AND_RE = re.compile(r"(?:,\s{1,3}(?:the|a|an)\s[^,;:()]{1,60},)?\s{0,3}(?:and|&)\s{1,3}", re.I)
#: "halfway between", "midway between".
_HALFWAY_BEFORE = re.compile(r"\b(?:half|mid)[\s-]?way\s{1,3}\Z", re.IGNORECASE)
#: The comma of "5,000": no clause break.
_THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
#: "300 square kilometres": an area before the unit.
_AREA_BEFORE_RE = re.compile(r"\b(?:square|sq\.?)\s{1,3}\Z", re.IGNORECASE)
_WINDOW = 200  # characters examined before an expression (target, subject of an inverse claim)
_PRONOUN_REACH = 300  # "it", "they" mean the last unnamed target only this many characters on
_UNNAMED = "unnamed target"
_MAX_QUOTE = 1000  # longest quote kept whole; a longer "sentence" is quoted around the expression


@dataclass(slots=True)
class _Anchor:
    text: str
    start: int
    end: int
    place: Place | None = None
    mention: Mention | None = None
    named: bool = True  # False for a lower-case noun phrase ("the training camps")
    problem: str | None = None  # why a named anchor has no place ("Switzerland has no coast")

    @classmethod
    def of(cls, mention: Mention) -> _Anchor:
        """Return the anchor a place mention names."""
        return cls(mention.text, mention.start, mention.end, mention.place, mention)


class _Context:
    """A document, its sentences and its mentions indexed by start and end offset."""

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
    def anchor_at(self, pos: int, limit: int, *, lowercase: bool, whole: bool = False) -> _Anchor | None:
        """Read the anchor at ``pos``: a border or coast, a mention, a capitalised or a noun phrase.

        A place's possessive leads to the place it owns ("China's Hainan island": Hainan), unless
        ``whole`` (the part of a place: "central China's Hunan" is in central China).
        """
        text = self.text
        while pos < limit and text[pos].isspace():
            pos += 1
        if pos >= limit:
            return None
        described = _DESCRIBED_SETTLEMENT_RE.match(text, pos, limit)
        if described is None and (coast := _COAST_OF_RE.match(text, pos, limit)):
            # "off the coast of the Libyan city of Zuwara": the town after the coast
            described = _DESCRIBED_SETTLEMENT_RE.match(text, coast.end(), limit)
        if described and (men := self.by_start.get(described.end())) is not None and men.place is not None:
            return _Anchor.of(men)
        line = self.line_anchor_at(pos, limit)
        if line is not None:
            return line
        m = _ANCHOR_PREFIX_RE.match(text, pos, limit)
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
                feature = _FEATURE_NAME_RE.match(text, men.start, limit)
                if feature is not None and feature.end() > men.end and not self.by_start.get(men.end + 1):
                    return self.feature_anchor(feature)  # "Victoria Falls Airport", not "Victoria"
                return _Anchor.of(men)
        ref = _SETTLEMENT_REF_RE.match(text, pos, limit)
        named = self.settlement_at(ref.end() + 2) if ref and text[ref.end() : ref.end() + 2] == ", " else None
        if named is not None:
            return _Anchor.of(named)  # "600 km northwest of the capital, Port Moresby"
        if ref and ref.group("country"):  # "76 nautical miles northwest of the Yemeni port"
            settlement = self.settlement_meant(ref.group(), pos)
            if settlement is not None:
                return _Anchor(ref.group(), pos, ref.end(), settlement.place, settlement)
        # "the coast of Lesbos", "the island of Foo": the name after its descriptor
        cap = (_CAPITALISED_RE.match(text, m.end(), limit) if m and m.end() > pos else None) or (
            _CAPITALISED_RE.match(text, pos, limit)
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
                    return _Anchor.of(held)  # "5 km from the American base at Erbil"
                name = text[s:e].rstrip(".,'’-")
                feature = _FEATURE_NAME_RE.match(text, s, limit)
                if feature is not None and feature.end() == s + len(name):
                    return self.feature_anchor(feature)  # "Fort Bliss Army Airfield"
                # "Dillingham on Bristol Bay": the phrase after the name took it in
                trailing = _TRAILING_PLACE_RE.match(text, s + len(name), limit)
                return _Anchor(name, s, s + len(name), self.unmentioned_place(name) if trailing else None)
        if not lowercase:
            return None
        words: list[tuple[int, int]] = []
        p = pos
        for w in _WORD_RE.finditer(text, pos, min(limit, pos + 120)):
            if text[p : w.start()].strip() or len(words) >= 6:
                break
            if w.group().lower() in _NP_STOP:
                break
            words.append(w.span())
            p = w.end()
        if not words:
            return None
        phrase = text[words[0][0] : words[-1][1]]
        settlement = self.settlement_meant(phrase, words[0][0])
        if settlement is not None:  # "the city's southern edge": the city named last
            return _Anchor(phrase, words[0][0], words[-1][1], settlement.place, settlement)
        at = _AT_PLACE.match(text, words[-1][1])
        held = self.settlement_at(at.end()) if at else None
        if held is not None:
            # "4.5 km northeast of the airport in Kathmandu": somewhere in Kathmandu
            return _Anchor(text[words[0][0] : held.end], words[0][0], held.end, held.place, held)
        return _Anchor(phrase, words[0][0], words[-1][1], named=False)

    def feature_anchor(self, feature: re.Match[str]) -> _Anchor:
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
            return _Anchor(name, feature.start(), feature.end(), found[0].place)
        island = feature.group("feature") in ("Island", "Isle")  # not named after a town
        town = None if island else self.unmentioned_place(base, unique=True)
        if town is not None:
            problem = f"no {name} in the gazetteer: anchored on {town.name}"
            return _Anchor(name, feature.start(), feature.end(), town, problem=problem)
        return _Anchor(name, feature.start(), feature.end(), problem=f"{name} not in the gazetteer")

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
            if c.reason.startswith("exact name") and c.place.kind in _OFFSHORE_KINDS
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
        facility = _FACILITY_IN.match(self.text, pos)
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
        m = _SETTLEMENT_REF_RE.match(phrase)
        if m is None:
            return None
        capital = m.group("kind").lower() == "capital"
        kinds = SETTLEMENT_KINDS if not capital else ("city",)
        country = None
        if m.group("country") and m.group("country").lower() in _REGION_ADJECTIVES:
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

    def line_anchor_at(self, pos: int, limit: int) -> _Anchor | None:
        """Read a border or coast named by its countries ("the Turkish border", "the Libyan coast").

        Also "the Syria-Turkey border", "the border with Turkey", "the coast of Libya". A border
        named by one country is its border with the neighbour the text is about (the one with a
        place nearest in the sentence, "forces in Syria ... the Turkish border", else the one with
        most places in the document), else all of its land borders. "The border" or "the coast"
        alone is that of the country of the place named last ("a depot in Valuyki, 15 miles from
        the border"), else of a country's name or demonym earlier in the sentence ("the Israeli
        military struck targets ... 100 km from the border").
        """
        m = _LINE_ANCHOR_RE.match(self.text, pos, limit)
        if m is None:
            return None
        # "Lebanon's southern border": the country, without its possessive
        names = [re.sub(r"['’]s\Z", "", n) for n in m.group("x", "y", "z", "w") if n]
        codes = [c.country for c in map(self.country_at, names) if c is not None and c.country]
        if not names:  # "the border": the one of the country of the place named last (or its demonym)
            codes = [code] if (code := self.home_country(pos, ())) else []
        if len(names) == 2 and len(codes) != 2 and (line := self.region_border_at(names)) is not None:
            start, end = self._line_anchor_span(pos, m.end())  # "the Idaho-Utah border": a state line
            return _Anchor(self.text[start:end], start, end, line)
        if not codes or len(codes) != max(1, len(names)):
            return None
        from geokit.places.borders import border_place, border_with_place, coast_place, side_border_place

        if m.group("kind").lower().startswith(("coast", "shore")):
            place = coast_place(codes[0]) if len(codes) == 1 else None
            if place is None and len(codes) == 1:  # "off the coast of Switzerland"
                start, end = self._line_anchor_span(pos, m.end())
                problem = f"{names[0].rstrip('.')} has no coast"
                return _Anchor(self.text[start:end], start, end, problem=problem)
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
        return _Anchor(self.text[start:end], start, end, place)

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
            words = _DEMONYM_WORD_RE.findall(self.text, start, pos)
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
            words = _DEMONYM_WORD_RE.findall(self.text, max(0, pos - 400), limit)
            close = [c.country for c in map(self.country_at, words) if c is not None and c.country in near]
        counted = Counter(c for _, c in found).most_common(1)
        other = close[0] if close else (counted[0][0] if counted else None)
        return border_place(code, other) if other else land_border_place(code)

    def stretch_of(self, anchor: _Anchor | None, sent: tuple[int, int]) -> Mention | None:
        """Return the place named right after a line anchor, which says what stretch of it is meant.

        "East of the Tigris in Mosul": Mosul. None when the anchor is no line or no place follows.
        """
        if anchor is None or anchor.place is None or anchor.place.kind not in LINE_KINDS:
            return None
        m = _STRETCH_RE.match(self.text, anchor.end, sent[1])
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

    def context_country(self, anchor: _Anchor, limit: int) -> str | None:
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
            m = re.search(r"[A-Za-z]{1,15}\Z", text[max(floor, q - 15) : q])
            if m and m.group().lower() in _LINKERS:
                verb = verb or m.group().lower() in _LINKING_VERBS
                pos = q - len(m.group())
                continue
            return q, verb
        return pos, verb

    def target_before(self, pos: int, floor: int) -> tuple[str, Place | None]:
        """Return the target an expression at ``pos`` locates: a place mention or a noun-phrase label."""
        p, _ = self.strip_linkers(pos, floor)
        men = self.by_end.get(p)
        region_word = _REGION_WORD_END.search(self.text, max(floor, p - 16), p) if men is None else None
        if region_word:
            men = self.by_end.get(region_word.start())  # "Odisha state", "Idlib province"
            unknown = _NAME_BEFORE_RE.search(self.text, max(floor, p - 60), region_word.start())
            if men is None and unknown and unknown.start() > floor:
                # "in Somalia's Lower Shabelle region, about 40 km northwest of ...": a region
                # geokit does not know, by its name (without its country's possessive)
                return re.split(r"['’]s\s", self.text[unknown.start() : p])[-1], None
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
            inside = _IN_AREA_BEFORE.search(self.text, max(floor, men.start - 12), men.start)
            if inside and men.place is not None and men.place.kind in _AREA_KINDS:
                # "a ship in the Red Sea about 50 nautical miles west of Hodeidah": the ship
                return self.target_before(inside.start(), floor)
            return men.text, men.place
        lo = max(floor, p - _WINDOW)
        area = (
            _IN_NAMED_AREA_BEFORE.search(self.text, lo, p) if _DISTANCE_AHEAD.match(self.text, pos) else None
        )
        if area:
            # "the ski area in the French Alps, about 15 km south of ...": a region geokit does not
            # know says where the thing before it is, as "in the Red Sea" does; it is no point a
            # distance can be measured to ("an arrest in the Javari Valley, near the border": the valley)
            return self.target_before(area.start(), floor)
        seg = _CLOCK_TIME.sub(" ", self.text[lo:p])  # "struck at 4:17 a.m. about 33 km from": no clause
        seg = _THOUSANDS_COMMA.sub("", seg)  # "burned 5,000 acres east of": no clause break either
        cut = max(seg.rfind(c) for c in ',;:()[]"“”')
        clause = seg[cut + 1 :]
        # not a subject from a parenthesis set off by dashes ("Rockett — who stood ... with a
        # swollen eye — was held in ...")
        after_dash = trim_predicate(_WORD_RE.findall(clause.rsplit("—", 1)[-1]))
        words = target_words(trim_predicate(_WORD_RE.findall(clause)), after_dash)
        label = noun_phrase_label(words)
        if label and " " not in label and self.text[floor:p].lstrip().startswith(label):
            label = common_noun(label)  # "Troops pushed to within ...": opening the sentence, no name
        if words and words[-1].lower() in _PRONOUNS:
            # "it is 3 km west of ...": the last target, if it was named close before
            recent = self.last_target is not None and p - self.last_target_end <= _PRONOUN_REACH
            return (self.last_target if recent else None) or _UNNAMED, None
        if not label or (label.endswith("ed") and len(label.split()) == 1):
            return _UNNAMED, None
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

    def subject_before(self, pos: int, floor: int) -> _Anchor | None:
        """Return the place that is the subject of a linking verb just before ``pos`` ("Sirte is ...").

        A qualified subject is the name it qualifies ("Sirte, Libya, is ...", "Kandahar
        (Afghanistan) is ...", "Homs, in western Syria, is ...": Sirte, Kandahar, Homs).
        """
        p, verb = self.strip_linkers(pos, floor)
        if not verb:
            return None
        return self.qualified_name_before(p, floor)

    def refers_to_subject(self, anchor: _Anchor, subject: _Anchor | None, pos: int) -> bool:
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
        if not any(w.lower() in _LINKING_VERBS for w in _WORD_RE.findall(self.text, subject.end, pos)):
            return False
        return self.settlement_before(men.start, 0, men.place) is None

    def fronted_subject(self, anchor: _Anchor, limit: int) -> _Anchor | None:
        """Return the place a fronted statement locates, after the noun phrase ``anchor``, or None.

        "Some 40 miles south of the base lies Homs", "About 30 km east of the camp is the town of
        Kobani": a linking verb follows the noun phrase, and a place named after it ends the clause.
        """
        verb = _FRONTED_VERB_RE.match(self.text, anchor.end, limit)
        if verb is None:
            return None
        subject = self.anchor_at(verb.end(), limit, lowercase=False)
        if (
            subject is None
            or subject.mention is None
            or subject.start != subject.mention.start
            or not _SUBJECT_END_RE.match(self.text, subject.end, limit)
        ):
            return None
        return self.point_anchor(subject.mention)

    def appositive_subject(self, pos: int, anchor: _Anchor, sent: tuple[int, int]) -> _Anchor | None:
        """Return the place an appositive statement at ``pos`` locates, or None.

        "Akutan, a village of 1,000 people about 40 miles northeast of the volcano, felt ...",
        "In Ridgecrest, northeast of the epicenter, residents ...": the named place before the
        comma is stated relative to the unnamed ``anchor`` (the statement is inverse). The
        statement must close after the anchor (a comma, the end of the sentence).
        """
        text = self.text
        if not _CLAUSE_CLOSE_RE.match(text, anchor.end, sent[1]):
            return None
        hedge = re.search(rf"(?:\b{HEDGE_RE}\s{{1,3}})?\Z", text[max(sent[0], pos - 30) : pos], re.IGNORECASE)
        p = pos - (len(hedge.group()) if hedge else 0)
        comma = p
        while True:
            comma = text.rfind(",", max(sent[0], p - _WINDOW), comma)
            if comma < 0 or not (text[comma - 1 : comma].isdigit() and text[comma + 1 : comma + 2].isdigit()):
                break
        if comma < 0 or not _APPOSITIVE_NP_RE.match(text, comma + 1, p):
            return None
        men = self.by_end.get(comma)
        if men is None or men.place is None or men.place.kind in _AREA_KINDS or men.place.kind in LINE_KINDS:
            return None
        return self.point_anchor(men)

    def qualified_name_before(self, p: int, floor: int) -> _Anchor | None:
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
            name = _NAME_BEFORE_RE.search(text, max(floor, q - 60), q) if q == p else None
            if name is None or text[floor : name.start()].strip() or self.inside_mention(name.start()):
                return None
            place = self.unmentioned_place(name.group())
            return _Anchor(name.group(), name.start(), name.end(), place) if place is not None else None
        if men.place is not None and men.place.kind in _QUALIFIER_KINDS:
            gap = _QUALIFIER_GAP_RE.search(text, max(floor, men.start - 40), men.start)
            if gap is not None and ("(" in gap.group()) == (q < p):
                named = self.by_end.get(gap.start())
                if named is not None and (named.place is None or named.place.kind != "country"):
                    return self.point_anchor(named)
                name = _NAME_BEFORE_RE.search(text, max(floor, gap.start() - 60), gap.start())
                if (
                    named is None
                    and name is not None
                    and not text[floor : name.start()].strip()
                    and not self.inside_mention(name.start())
                ):
                    return _Anchor(name.group(), name.start(), name.end())
                if gap.group().strip(" ,"):
                    return None  # "The town, in northern Iraq, is ...": it, not Iraq, is the subject
        elif q < p:
            return None  # "... (the camp) is": no place
        return self.point_anchor(men) if men.place is not None else None

    def settlement_anchor(self, anchor: _Anchor | None) -> _Anchor | None:
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

    def point_anchor(self, men: Mention) -> _Anchor:
        """Return the anchor a mention names when a distance is measured from it.

        A first-level or second-level region chosen among namesakes that include a settlement of
        its country scoring within :data:`_POINT_MARGIN` of it is that settlement: a distance is
        measured from a point ("Kherson lies 15 km east of the village": the city, not the oblast).
        """
        place = men.place
        if place is None or place.kind not in ("admin1", "admin2"):
            return _Anchor.of(men)
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
        return _Anchor(men.text, men.start, men.end, town, men) if town is not None else _Anchor.of(men)


def _quote(text: str, sent: tuple[int, int], start: int, end: int) -> str:
    """Return the sentence around an expression, or a window of it when the sentence is huge."""
    s, e = sent
    if e - s <= _MAX_QUOTE:
        return text[s:e]
    lo, hi = max(s, start - _MAX_QUOTE // 2), min(e, end + _MAX_QUOTE // 2)
    return "…" + text[lo:hi].strip() + "…"


_BEYOND = "distance beyond half the Earth's circumference"


def _number(text: str, flags: list[str]) -> float | None:
    try:
        return parse_number(text)
    except InputError as exc:
        flags.append(_BEYOND if "too large" in str(exc) else "unreadable number")
        return None


def _distance(m: re.Match[str], flags: list[str]) -> tuple[Distance | None, Distance | None]:
    """Build the distance (and the parenthetical one) of a distance match; add flags."""
    v1: float | None
    v2: float | None
    if m.group("vague"):  # "several miles": the range the words usually mean
        written = m.group("vague")
        v1, v2 = parse_vague_number(written)
        flags.append("vague number")
    else:
        if m.group("between"):
            n1, n2 = m.group("b1"), m.group("b2")
            written = f"{n1}-{n2}"
        else:
            n1, n2 = m.group("num"), m.group("num2")
            written = m.string[m.start("num") : m.end("num2")] if n2 else n1
        v1 = _number(n1, flags)
        v2 = _number(n2, flags) if n2 else None
        if m.group("andhalf") and v1 is not None:  # "a mile and a half": 1.5 miles
            v1, v2 = v1 + 0.5, (v2 + 0.5 if v2 is not None else None)
            written += " and a half"
    if v1 is None:
        return None, None
    unit = normalise_unit(m.group("unit"))
    mid = v1 if v2 is None else (v1 + v2) / 2.0
    if unit in UNIT_METRES:
        metres = mid * UNIT_METRES[unit]
        if not math.isfinite(metres):  # "1e308 km": the value is a float, the metres are not
            flags.append(_BEYOND)
            return None, None
    else:
        metres = 0.0
        flags.append("unknown unit")
    dist = Distance(value=v1, unit=unit, metres=metres, text=written.strip(), value2=v2)
    if unit in UNIT_METRES:
        if v1 < 0 or (v2 is not None and v2 < 0):
            flags.append("negative distance")
        elif v1 == 0 and not v2:
            flags.append("distance is zero")
        if max(abs(v1), abs(v2 or 0.0)) * UNIT_METRES[unit] > EARTH_HALF_CIRCUMFERENCE_M:
            flags.append(_BEYOND)
    alt = None
    if m.group("pnum"):
        pv = _number(m.group("pnum"), flags)
        punit = normalise_unit(m.group("punit"))
        pm = pv * UNIT_METRES[punit] if pv is not None and punit in UNIT_METRES else 0.0
        if pv is not None and math.isfinite(pm):
            alt = Distance(value=pv, unit=punit, metres=pm, text=m.group("pnum").strip())
            if pm and metres and abs(pm - metres) > 0.1 * max(pm, metres):
                flags.append("paired distances disagree")
    return dist, alt


def _direction(words: str | None, bearing: str | None, flags: list[str]) -> Direction | None:
    try:
        if bearing:
            return parse_bearing(bearing)
        if words:
            return parse_direction(words)
    except InputError as exc:
        flags.append("conflicting directions" if "conflicting" in str(exc) else "bearing out of range")
    return None


def _span(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


def _is_line(anchor: _Anchor | None) -> bool:
    if anchor is None:
        return False
    if anchor.place is not None and anchor.place.kind in LINE_KINDS:
        return True
    return bool(_LINE_WORDS_RE.search(anchor.text))


class _Extractor:
    def __init__(self, document: Document, mentions: Sequence[Mention]) -> None:
        self.ctx = _Context(document, mentions)
        self.claims: list[Claim] = []
        self.taken: list[tuple[int, int]] = []

    def claim(
        self,
        start: int,
        end: int,
        sent: tuple[int, int],
        relation: str,
        target: str,
        anchor: _Anchor | None,
        flags: list[str],
        **kw: object,
    ) -> Claim:
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
            anchor = _Anchor(anchor.text, anchor.start, anchor.end, *((other.place, other) if other else ()))
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
        if c.target_place is None and c.target != _UNNAMED and relation != "part":
            ctx.last_target, ctx.last_target_end = c.target, c.end
        return c

    def target_before(self, pos: int, floor: int) -> tuple[str, Place | None]:
        """Return the target of an expression at ``pos``, as :meth:`_Context.target_before`.

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
            if c.end == p or _AND_GAP.fullmatch(text, c.end, pos):
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
                    else _PROPER_NAME.fullmatch(previous.anchor_text)
                )
            ):
                # "the blast near Jalalabad, 150 km east of Kabul": the settlement, set off by a comma;
                # "near Marchula, about 100 km from Nainital": a place geokit does not know
                return previous.anchor_text, anchor
            return previous.target, previous.target_place
        # "Sirte, the militants' stronghold on the coast 450 km east of Tripoli": the place before
        # the appositive, not the last noun of it
        lo = max(floor, pos - _WINDOW)
        comma, end = text.rfind(",", lo, pos), pos
        if comma > 0 and not text[comma + 1 : pos].strip():
            # "Wad Madani, the capital of Gezira state, about 170 km southeast of Khartoum": the
            # appositive is set off by two commas
            comma, end = text.rfind(",", lo, comma), comma
        if comma > 0 and _APPOSITIVE_RE.match(text, comma + 1, end):
            named = self.ctx.by_end.get(comma)
            if named is not None and named.place is not None and named.place.kind != "country":
                return named.text, named.place
            name = _NAME_BEFORE_RE.search(text, lo, comma) if named is None else None
            if (
                name
                and (
                    not text[floor : name.start()].strip()
                    or _PLACE_PREPOSITION_BEFORE.search(text, max(floor, name.start() - 12), name.start())
                )
                and not self.ctx.inside_mention(name.start())
                and common_noun(name.group()) == name.group()
            ):
                # "Kuriga, a village in Kaduna state, about 89 km from ...": a name geokit does not know
                return name.group(), None
        target, place = self.ctx.target_before(pos, floor)
        if place is None and target.lower() in _COMPASS_TARGETS:
            return _UNNAMED, None  # "from the east, near Bashiqa": a direction is no target
        if place is None and _PARTICIPLE_RE.fullmatch(target):
            at = text.rfind(target, floor, pos)
            if at > 0 and text[:at].rstrip().endswith(","):
                return _UNNAMED, None  # "..., pushing to within 5 miles": a clause, not a noun
        return target, place

    # -- relations ------------------------------------------------------------------------------
    def offset(self, m: re.Match[str], sent: tuple[int, int]) -> None:
        ctx = self.ctx
        flags: list[str] = []
        has_dir = bool(m.group("dir") or m.group("bear"))
        hedge = parse_hedge(m.group("hedge")) if m.group("hedge") else None
        start = m.start()
        if m.group("radius"):  # "within a 10-mile radius of Sirte"
            within = _WITHIN_A_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
            # "within a one-mile radius": the pattern read "within" as the hedge and "a one" as the number
            inside = hedge == "within" and re.match(r"an?\s", m.group("num") or "")
            if has_dir or not (within or inside):
                return
            hedge, start = "within", within.start() if within else m.start()  # the target is before it
        if not has_dir and m.group("conn").lower() == "of" and hedge != "within":
            return  # "the last 10 km of the road", "more than a foot of snow": not a location
        if m.group("trip") and has_dir:
            return  # "after a 40 km drive south of Paris": where the drive went, not where a thing is
        anchor = ctx.anchor_at(m.end(), sent[1], lowercase=True)
        dist, alt = _distance(m, flags)
        direction = _direction(m.group("dir"), m.group("bear"), flags)
        if dist is None:
            # a distance was stated but cannot be used (unreadable, beyond float range): the
            # direction alone would give a confident but wrong estimate near the anchor
            direction = None
        end = anchor.end if anchor else m.end()
        if not has_dir and anchor is not None and dist is not None:
            # "12 km from Kirkuk on a bearing of 045°", "... at 045°" (three digits: no temperature;
            # "..., heading 270°" is the course the target steers, not where it lies)
            after = _BEARING_AFTER_RE.match(ctx.text, end, sent[1])
            said = after.group("bear").lower() if after else ""
            if (
                after
                and not said.startswith("heading")
                and (not said.startswith("at ") or len(after.group("bearing")) == 3)
            ):
                direction = _direction(None, after.group("bear"), flags)
                has_dir, end = direction is not None, after.end()
        relation = "offset" if has_dir else "distance"
        if m.group("trip"):
            flags.append(f"distance along a route (a {m.group('trip').lower()})")
        if (
            re.fullmatch(_OFFSHORE, m.group("conn"), re.IGNORECASE)
            and dist is not None
            and anchor is not None
            and anchor.place is not None
            and anchor.place.kind in _OFFSHORE_KINDS
        ):
            relation = "offshore"  # "12 nautical miles off Tartus": at sea, that far from the town
        elif (
            re.fullmatch(_OFFSHORE, m.group("conn"), re.IGNORECASE)
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
            target = noun_phrase_label(_WORD_RE.findall(anchor.text)) or _UNNAMED
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
        if target.place is None or target.place.kind in _AREA_KINDS:
            return  # "Somalia, roughly 100 km to the east": its border, not a point, is that far
        anchor = ctx.settlement_before(target.start, sent[0], target.place)
        if anchor is None:
            return
        flags: list[str] = []
        dist, alt = _distance(m, flags)
        if dist is None:
            return
        self.claim(
            m.start(),
            m.end(),
            sent,
            "offset",
            target.text,
            _Anchor.of(anchor),
            flags,
            distance=dist,
            distance_alt=alt,
            direction=_direction(m.group("dir"), None, flags),
            hedge=parse_hedge(m.group("hedge")) if m.group("hedge") else None,
            target_place=target.place,
        )
        self.taken.append((m.start(), m.end()))

    def inside(
        self,
        start: int,
        end: int,
        sent: tuple[int, int],
        anchor: _Anchor | None,
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
            _Anchor(anchor.text, anchor.start, anchor.end, country),
            flags,
            distance=dist,
            hedge=hedge,
            anchor2=border,
            anchor2_text=border.name,
            target_place=target_place,
        )
        self.taken.append((start, end))

    def heading(self, m: re.Match[str], sent: tuple[int, int]) -> None:
        ctx = self.ctx
        if m.group("dir") and ctx.inside_mention(m.start("dir")):
            return  # "North" of "North Korea of ...": part of a name, not a heading
        if m.group("dir") and re.fullmatch(r"[NESW]\.?", m.group("dir")):
            return  # a lone letter ("Block E of the compound") is a heading only after a distance
        flags: list[str] = []
        anchor = ctx.settlement_anchor(ctx.anchor_at(m.end(), sent[1], lowercase=True))
        direction = _direction(m.group("dir"), m.group("bear"), flags)
        before = m.start()
        unit = _UNIT_BEFORE_RE.search(ctx.text, max(sent[0], m.start() - 40), m.start())
        if unit and _AREA_BEFORE_RE.search(ctx.text, max(sent[0], unit.start() - 10), unit.start()):
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
            target = noun_phrase_label(_WORD_RE.findall(anchor.text)) or _UNNAMED
            self.claim(start, end, sent, relation, target, subject, flags, direction=direction, inverse=True)
            self.taken.append((start, end))
            return
        target, target_place = self.target_before(before, sent[0])
        self.claim(
            start, end, sent, relation, target, anchor, flags, direction=direction, target_place=target_place
        )
        self.taken.append((start, end))

    def related(self, m: re.Match[str], sent: tuple[int, int]) -> None:
        ctx = self.ctx
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        anchor = ctx.settlement_anchor(ctx.anchor_at(m.end(), sent[1], lowercase=False))
        if anchor is None:
            return  # "in the near future", "outside the building": no place follows
        flags: list[str] = []
        kw: dict[str, object] = {}
        end = anchor.end
        start = m.start()
        if rel == "between":
            halfway = _HALFWAY_BEFORE.search(ctx.text, max(sent[0], start - 12), start)
            if halfway:  # "halfway between Homs and Palmyra": about the middle
                start = halfway.start()
                kw["hedge"] = "halfway"
            if _PARTIES_BEFORE_RE.search(ctx.text, max(sent[0], start - 40), start):
                return  # "the talks between Moscow and Kyiv": between parties, not places
            rest = _BETWEEN_AND_RE.match(ctx.text[anchor.end : anchor.end + 80])
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
            kw["direction"] = parse_direction(re.sub(r"ern$", "", m.group("bdir").lower()))
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

    def nearby(self, start: int, place: _Anchor, sent: tuple[int, int]) -> None:
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
            _Anchor.of(anchor),
            [],
            target_place=place.place,
        )
        self.taken.append((start, place.end))

    def parts(self, m: re.Match[str], sent: tuple[int, int]) -> None:
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

    def part_claim(self, start: int, end: int, word: str, anchor: _Anchor, sent: tuple[int, int]) -> None:
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
            pm = re.match(rf"(?:{PART_RE}|{_POINT})\s{{1,3}}", name, re.IGNORECASE)
            if pm:
                name = name[pm.end() :]
            anchor = _Anchor(name, men.end - len(name), men.end, men.place, men)
            self.part_claim(men.start, men.end, men.part, anchor, sent)

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.taken[-4:])


def _unify_labels(claims: list[Claim]) -> None:
    """Give every unnamed target with the same key the same (most descriptive) label."""
    best: dict[str, str] = {}
    for c in claims:
        if c.target_place is None and c.relation != "part" and c.target != _UNNAMED:
            k = target_key(c.target)
            if k and len(c.target.split()) > len(best.get(k, "").split()):
                best[k] = c.target
    for c in claims:
        if c.target_place is None and c.relation != "part" and c.target != _UNNAMED:
            c.target = best.get(target_key(c.target), c.target)


def _hint_starts(low: str) -> list[int]:
    r"""Return where the matches of ``_HINT_RE.finditer(low)`` start, found faster.

    The regex engine would try all 34 alternatives at every position of the text. Here the number
    alternative is one regex (which skips to the next digit) and the words are found with
    :meth:`str.find`; the occurrences are then taken as ``finditer`` takes them: leftmost first,
    none overlapping the one before. No word is a prefix of another and the number alternative
    starts with a digit, so at most one alternative matches at a position, as in the pattern.

    Examples
    --------
    >>> low = "about 45 km northeast of sirte, near the 5\nmiles marker"
    >>> _hint_starts(low) == [m.start() for m in _HINT_RE.finditer(low)]
    True
    """
    found = [m.span() for m in _HINT_NUMBER_RE.finditer(low)]
    for word in _HINT_WORDS:
        i = low.find(word)
        while i >= 0:
            found.append((i, i + len(word)))
            i = low.find(word, i + 1)
    found.sort()
    starts: list[int] = []
    end = 0
    for s, e in found:
        if s >= end:
            starts.append(s)
            end = e
    return starts


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
    ex = _Extractor(document, mentions)
    text = document.text
    # Cheap hints (a unit word, a compass or relation word) find the sentences worth reading; most
    # sentences of a news story hold no relative expression and are never examined.
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased ("İ")
        low = "".join(ch.lower()[:1] or ch for ch in text)
    hints = _hint_starts(low) + [m.start() for m in _ABBR_HINT.finditer(text)]
    if not hints and not any(m.part for m in mentions):
        return []
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    chosen = sorted({max(0, bisect.bisect_right(starts, h) - 1) for h in hints})
    for sent in (sentences[i] for i in chosen if i < len(sentences)):
        s, e = sent
        low = text[s:e].lower()
        # Cheap substring tests skip the patterns that cannot match this sentence.
        compass = any(k in low for k in _COMPASS_KEYS) or _ABBR_HINT.search(text, s, e) is not None
        related = any(k in low for k in _RELATION_KEYS)
        unit = _has_unit(text, s, e)
        travel = any(k in low for k in _TRAVEL_KEYS) and any(k in low for k in TRIP_NOUNS)
        found: list[tuple[int, int, str, re.Match[str]]] = []
        for prio, (kind, pattern, wanted) in enumerate(
            (
                ("offset", _DIST_RE, unit),
                ("implicit", _IMPLICIT_RE, unit and compass),
                ("part", _PART_FORWARD_RE, compass),
                ("heading", _DIR_RE, compass),
                ("related", _REL_RE, related),
                ("travel", _TRAVEL_RE, travel),
            )
        ):
            if wanted:
                first = (
                    s
                    if kind in ("offset", "implicit", "travel")
                    else _first_match_from(kind, text, s, e, low)
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
