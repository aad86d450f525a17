r"""The claim extractor's regular expressions, each built once, named, and shown on examples.

Every pattern is a verbose regular expression (:data:`re.VERBOSE`) with a comment on each part,
and a short table of examples beside it: a text and what ``pattern.search(text)`` finds in it
(``None``: nothing). ``tests/test_claims_patterns.py`` runs every table (:data:`EXAMPLES`).

The grammar's phrases (numbers, units, hedges, compass words: :mod:`geokit.claims.grammar`) and
the word lists (:mod:`geokit.claims.words`) are put in, not copied; a phrase of the grammar is
read as written (``(?-x:...)``: its spaces are spaces). Every pattern uses only bounded
repetition and has no nested unbounded repetition, so a document of any size is read in linear
time.

Examples
--------
>>> OFFSET_RE.search("The camp lies 45 km southwest of Sirte.").group("num", "unit", "dir", "conn")
('45', 'km', 'southwest', 'of')
>>> pattern, examples = EXAMPLES["heading"]
>>> [(text, pattern.search(text) is not None) for text, _ in examples[-2:]]
[('at 225 degrees from the tower', True), ('the north wind', False)]
"""

from __future__ import annotations

import re

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
    TRIP_RE,
    UNIT_RE,
    VAGUE_RE,
)
from geokit.claims.words import (
    COMPASS_KEYS,
    LINKING_PARTICIPLES,
    LINKING_VERBS,
    PARTY_NOUNS,
    RELATION_KEYS,
    SETTLEMENT_WORDS,
    TRAVEL_KEYS,
    UNIT_STEMS,
)

__all__ = [
    "ABBR_ANCHOR_RE",
    "ABBR_HINT_RE",
    "ANCHOR_PREFIX_RE",
    "AND_GAP_RE",
    "APPOSITIVE_NP_RE",
    "APPOSITIVE_RE",
    "AREA_BEFORE_RE",
    "ARTICLE_RE",
    "AT_PLACE_RE",
    "BEARING_AFTER_RE",
    "BETWEEN_AND_RE",
    "CAPITALISED_RE",
    "CLAUSE_CLOSE_RE",
    "CLOCK_TIME_RE",
    "COAST_OF_RE",
    "DEMONYM_WORD_RE",
    "DESCRIBED_SETTLEMENT_RE",
    "DISTANCE_AHEAD_RE",
    "ERN_END_RE",
    "EXAMPLES",
    "FACILITY_IN_RE",
    "FEATURE_NAME_RE",
    "FRONTED_VERB_RE",
    "HALFWAY_BEFORE_RE",
    "HEADING_RE",
    "HEDGE_END_RE",
    "HINT_NUMBER_RE",
    "HINT_RE",
    "HINT_WORDS",
    "IMPLICIT_RE",
    "IN_AREA_BEFORE_RE",
    "IN_NAMED_AREA_BEFORE_RE",
    "LABEL_WORD_RE",
    "LAST_WORD_RE",
    "LINE_ANCHOR_RE",
    "LINE_WORDS_RE",
    "LONE_LETTER_RE",
    "NAME_BEFORE_RE",
    "OFFSET_RE",
    "OFFSHORE_RE",
    "ONE_WORD_UNITS",
    "PARTICIPLE_RE",
    "PARTIES_BEFORE_RE",
    "PART_FORWARD_RE",
    "PART_PREFIX_RE",
    "PLACE_PREPOSITION_BEFORE_RE",
    "POSSESSIVE_END_RE",
    "POSSESSIVE_RE",
    "PROPER_NAME_RE",
    "QUALIFIER_GAP_RE",
    "REGION_WORD_END_RE",
    "RELATION_RE",
    "SETTLEMENT_REF_RE",
    "SPACES_RE",
    "STRETCH_RE",
    "SUBJECT_END_RE",
    "THOUSANDS_COMMA_RE",
    "TRAILING_PLACE_RE",
    "TRAVEL_RE",
    "UNIT_BEFORE_RE",
    "UNIT_HINT_RE",
    "WITHIN_A_BEFORE_RE",
    "WORD_RE",
    "WORD_TAIL_RE",
    "Examples",
]

#: What ``pattern.search(text)`` finds in each example text (``None``: no match).
Examples = tuple[tuple[str, str | None], ...]

#: Every named pattern and its table of examples.
EXAMPLES: dict[str, tuple[re.Pattern[str], Examples]] = {}


def _named(name: str, pattern: str, flags: int = 0, *, examples: Examples) -> re.Pattern[str]:
    """Compile a verbose pattern and keep it, with its examples, in :data:`EXAMPLES` under ``name``."""
    compiled = re.compile(pattern, flags | re.VERBOSE)
    EXAMPLES[name] = (compiled, examples)
    return compiled


def _plain(fragment: str) -> str:
    """Return a pattern written without ``re.VERBOSE`` as a part of a verbose one (spaces kept)."""
    return f"(?-x:{fragment})"


# -- parts put into several patterns (pattern text, not compiled) -------------------------------------
#: One to three spaces between two words.
_S = r"\s{1,3}"
_NUMBER = _plain(NUMBER_RE)
_UNIT = _plain(UNIT_RE)
_HEDGE = _plain(HEDGE_RE)
_DIRECTION = _plain(DIRECTION_RE)
_BEARING = _plain(BEARING_RE)
_PART = _plain(PART_RE)
#: "12 nautical miles off Tartus", "offshore from", "off the coast of": a distance out to sea.
_OFFSHORE = r"""
    (?: offshore (?: \s{1,3} (?:from|of) )?     # "offshore", "offshore from", "offshore of"
      | off )                                   # "off Tartus", "off the coast of"
"""
#: "5 km across the border from Tal Abyad": a distance from a town on the other side of a border.
_ACROSS_BORDER = r"(?: just\s{1,3} )? across \s{1,3} the \s{1,3} (?:border|frontier) \s{1,3} from"
#: "crashed 5 km short of Port Hedland" (of the runway, the town it was bound for).
_SHORT_OF = r"(?: just\s{1,3} )? short \s{1,3} of"
#: A compass point as a word: "north", "south-east", "southwest".
_POINT = r"(?:north|south)-?(?:east|west) | north | south | east | west"
#: A distance: a number, range or vague quantity with its unit and, in brackets, the same in another unit.
_DISTANCE = rf"""
    (?:
        # "between 5 and 10"
        (?P<between> \bbetween ) {_S} (?P<b1> {_NUMBER} ) {_S} and {_S} (?P<b2> {_NUMBER} )
      | (?: (?P<hedge> \b{_HEDGE} ) {_S} )?                 # "about", "nearly", "more than"
        (?: (?P<vague> {_plain(VAGUE_RE)} )                 # "several", "a few hundred"
          | (?P<num> {_NUMBER} )                            # "45", "forty-five", "1,200"
            (?: \s{{0,3}} (?:-|–|—|to|or) \s{{0,3}} (?P<num2> {_NUMBER} ) )?  # a range: "40-50", "40 to 50"
        )
    )
    \s{{0,3}} -? \s{{0,3}} (?P<unit> {_UNIT} )              # "km", "-mile", "nautical miles"
    (?P<andhalf> {_S} and {_S} a {_S} half )?               # "a mile and a half"
    (?:                                                     # "(45 km)": the same in another unit
        \s{{0,3}} \( \s{{0,3}} (?: {_HEDGE} {_S} )?
        (?P<pnum> {_NUMBER} ) \s{{0,3}} -? \s{{0,3}} (?P<punit> {_UNIT} ) \s{{0,3}} \)
    )?
"""
#: The verbs that link a place to where it is, with a participle after them allowed ("is
#: located", "lies situated"); the longest first.
_LINKING_VERB = rf"""
    (?: {"|".join(sorted(LINKING_VERBS, key=lambda w: (-len(w), w)))} ) \b
    (?: {_S} (?: {"|".join(LINKING_PARTICIPLES)} ) )? \b
"""
#: A country's name or demonym, up to three capitalised words: "Turkish", "Saudi Arabia".
_COUNTRY_WORD = r"[A-Z][\w'’.]{1,30} (?: \s[A-Z][\w'’]{1,30} ){0,2}"

# -- the expressions (the extractor reads one claim from each match) ----------------------------------
#: A distance, maybe a heading, and what it is measured from: "45 km southwest of", "5 km from",
#: "a 40-mile drive from", "12 nautical miles off", "within a 10-mile radius of", "30 km into".
OFFSET_RE = _named(
    "offset",
    _DISTANCE
    + rf"""
    (?: {_S} (?P<trip> {_plain(TRIP_RE)} ) \b )?        # "a 40-mile drive from": a distance along a route
    [\"”’']?                                            # "four nautical miles" in quotes
    (?: [\s,]{{1,3}}
        (?: (?: to {_S} the {_S} | due {_S} )? (?P<dir> {_DIRECTION} )   # "to the north", "due east"
          | (?P<bear> {_BEARING} | {_plain(BEARING_AFTER_DISTANCE_RE)} )  # "on a bearing of 225°"
        )
    )?
    (?P<radius> {_S} radius )?                          # "a 10-mile radius of"
    [\s,]{{1,3}}
    (?P<conn>                                           # what the distance is measured from
        away {_S} from | outside {_S} of | outside | {_ACROSS_BORDER} | {_SHORT_OF}
      | from | of | {_OFFSHORE} | into | inside
    ) \b
    """,
    re.IGNORECASE,
    examples=(
        ("The camp lies 45 km southwest of Sirte.", "45 km southwest of"),
        ("about 28 miles (45 km) south-west of the camps", "about 28 miles (45 km) south-west of"),
        ("a 40-mile drive from Tucson", "40-mile drive from"),
        ("12 nautical miles off Tartus", "12 nautical miles off"),
        ("between 5 and 10 km from Raqqa", "between 5 and 10 km from"),
        ("pushed 30 km into Syria", "30 km into"),
        ("10 km on a bearing of 225° from Sirte", "10 km on a bearing of 225° from"),
        ("5 km across the border from Tal Abyad", "5 km across the border from"),
        ("The road is 45 km long.", None),
    ),
)
#: "a 20-minute drive from Aspen", "two hours' walk from Jalalabad": a travel time says the target
#: is near the anchor, not how far (flagged "travel time, not a distance").
TRAVEL_RE = _named(
    "travel",
    rf"""
    {_plain(TRAVEL_TIME_RE)}      # "a 20-minute drive", "two hours' walk"
    (?: {_S} away )?              # "... away"
    {_S} (?: from | of ) \b
    """,
    re.IGNORECASE,
    examples=(
        ("a 20-minute drive from Aspen", "a 20-minute drive from"),
        ("two hours' walk from Jalalabad", "two hours' walk from"),
        ("a 20 km drive from Aspen", None),
    ),
)
#: "Khan Younis, 10 km to the north": a distance and heading whose anchor is left implicit, the
#: place named before (the heading ends the phrase: no "of" follows).
IMPLICIT_RE = _named(
    "implicit",
    _DISTANCE
    + rf"""
    [\s,]{{1,3}} (?: to {_S} )? (?: the {_S} )?
    (?P<dir> {_DIRECTION} )
    (?= \s{{0,3}} (?: [.,;:)] | $ ) )   # the heading ends the phrase
    """,
    re.IGNORECASE,
    examples=(
        ("Khan Younis, 10 km to the north.", "10 km to the north"),
        ("Reno, about 30 miles to the east, was spared", "about 30 miles to the east"),
        ("10 km to the north of Rafah", None),
    ),
)
#: A heading and what it is taken from: "north of", "just to the south-west of", "on a bearing
#: of 225° from".
HEADING_RE = _named(
    "heading",
    rf"""
    (?: \b (?: just | due | directly | immediately | slightly | far | further | farther ) {_S} )?
    (?: \bto {_S} the {_S} )?
    (?: (?P<dir> {_DIRECTION} ) | (?P<bear> {_BEARING} ) )
    {_S} (?P<conn> of | from ) \b
    """,
    re.IGNORECASE,
    examples=(
        ("north of Mosul", "north of"),
        ("just to the south-west of Mosul", "just to the south-west of"),
        ("at 225 degrees from the tower", "at 225 degrees from"),
        ("the north wind", None),
    ),
)
#: A relation without a distance: "near", "close to", "on the northern outskirts of", "on the west
#: bank of", "between", "just across the border from".
RELATION_RE = _named(
    "relation",
    rf"""
    \b (?P<rel>
        near (?:by)?                                          # "near", "nearby"
      | close {_S} to
      | in {_S} the {_S} vicinity {_S} of
      | next {_S} to
      | (?: (?:on|in|at) {_S} )? the {_S}
        (?: (?P<odir> {_PART} ) {_S} )? outskirts {_S} of     # "on the northern outskirts of"
      | outskirts {_S} of
      | outside (?: {_S} of )?
      | (?: (?:on|along) {_S} )? the {_S}                     # "on the west bank of", "the shores of"
        (?: (?P<bdir> (?:north|south)?(?:east|west)(?:ern)? | north(?:ern)? | south(?:ern)? ) {_S} )?
        (?: banks? | shores? ) {_S} of
      | between
      | {_ACROSS_BORDER}
    ) \s{{1,3}}
    """,
    re.IGNORECASE,
    examples=(
        ("a camp near Sirte", "near "),
        ("on the northern outskirts of Aleppo", "on the northern outskirts of "),
        ("on the west bank of the Dnipro", "on the west bank of "),
        ("halfway between Homs and Palmyra", "between "),
        ("the nearest town", None),
    ),
)
#: A part of a place named before it: "eastern Mosul", "the western part of", "east and west
#: Mosul", "the heart of", "the north of the city of".
PART_FORWARD_RE = _named(
    "part_forward",
    rf"""
    \b (?:
        (?P<part> {_PART} | {_POINT} )                     # "eastern", "north-west"
        (?: {_S} and {_S} (?P<part2> {_PART} | {_POINT} ) )?  # "east and west"
        (?: {_S}
            (?: part | parts | side | half | sector | districts | neighbou?rhoods | areas | quarter
              | edge | edges | entrance | entrances | fringes | approaches | end | tip )
            {_S} of )?                                     # "the western part of"
      | the {_S} (?P<tpart> {_POINT} | heart | cent(?:re|er) ) {_S} of   # "the heart of"
    ) \s{{1,3}}
    (?: the {_S} (?: city {_S} of {_S} )? )?                # "the city of"
    """,
    re.IGNORECASE,
    examples=(
        ("fighting in eastern Mosul", "eastern "),
        ("the western part of the city of Mosul", "western part of the city of "),
        ("in the heart of Aleppo", "the heart of "),
        ("the Eastern Cape", "Eastern "),
        ("the northerly wind", None),
    ),
)

# -- the anchor after an expression ------------------------------------------------------------------
#: What stands before an anchor's name: "the town of", "the entrance to", "downtown", "the
#: northern".
ANCHOR_PREFIX_RE = _named(
    "anchor_prefix",
    rf"""
    (?: the {_S} )?
    (?:
        (?: city | town | village | port | capital | province | region | district | governorate
          | oasis | area | community | hamlet | township | municipality | island | coast
          | outskirts | suburbs | centre | center | heart )
        {_S} of {_S} (?: the {_S} )?                                  # "the town of"
      | (?: entrance | approaches | gates? ) {_S} (?: to | of ) {_S} (?: the {_S} )?   # "the entrance to"
    )?
    (?: (?: downtown | central | (?:north|south)?(?:east|west)ern | northern | southern | inner ) {_S} )?
    """,
    re.IGNORECASE,
    examples=(
        ("the town of Kidal", "the town of "),
        ("the entrance to the port", "the entrance to the "),
        ("downtown Kabul", "downtown "),
        ("Kabul", ""),
    ),
)
#: "the Turkish border town of Cizre", "the state capital Maiduguri": the settlement, not the
#: border that describes it (nor a clause: "the camp is the town of Kobani").
DESCRIBED_SETTLEMENT_RE = _named(
    "described_settlement",
    rf"""
    (?: the {_S} )?
    (?: (?! {_LINKING_VERB} ) [\w'’-]{{2,30}} {_S} ){{1,3}}?           # up to three words, no linking verb
    (?:
        (?: {"|".join(SETTLEMENT_WORDS)} ) {_S} of {_S}                # "town of"
        # the bare form ("the state capital Maiduguri") only with the word in lower case: "Quezon
        # City, Philippines" is a name and its country, not a description of the Philippines
      | (?-i: capital | city | town | port ) ,? {_S} (?-i: (?=[A-Z]) )
    )
    """,
    re.IGNORECASE,
    examples=(
        ("the Turkish border town of Cizre", "the Turkish border town of "),
        ("the state capital Maiduguri", "the state capital "),
        ("the camp is the town of Kobani", "the town of "),
        ("Quezon City, Philippines", None),
    ),
)
#: A trailing place phrase after an anchor's name: "Dillingham on Bristol Bay", "Palu on Sulawesi".
TRAILING_PLACE_RE = _named(
    "trailing_place",
    r"\s{1,3} (?: on | in | at | along | by ) \s{1,3} (?: the\s{1,3} )? [A-Z]",
    examples=(
        ("Dillingham on Bristol Bay", " on B"),
        ("Palu in the Sulawesi", " in the S"),
        ("Palu on time", None),
    ),
)
#: An airport, air base or island named in full: "Victoria Falls Airport", "Fort Bliss Army
#: Airfield", "Santa Rosa Island" (the mention finder may have read only its first words).
FEATURE_NAME_RE = _named(
    "feature_name",
    r"""
    (?P<base>                                               # the name: "Victoria Falls"
        [A-Z][\w'’.-]{0,30} (?: \s (?: [A-Z][\w'’.-]{0,30} | de | del | la | el ) ){0,4}?
    )
    \s
    (?P<feature>                                            # the kind of feature
        (?: (?: International | Regional | Municipal ) \s )? Airport
      | (?: (?: Army | Naval ) \s )? Airfield
      | Air \s (?: Force \s )? Base
      | (?: Naval \s )? Air \s Station
      | Army \s Base
      | Island
      | Isle
    ) \b
    """,
    examples=(
        ("near Victoria Falls Airport", "Victoria Falls Airport"),
        ("Fort Bliss Army Airfield", "Fort Bliss Army Airfield"),
        ("Santa Rosa Island", "Santa Rosa Island"),
        ("the airport at Victoria Falls", None),
    ),
)
#: A place named right after a line anchor says which stretch of the line is meant: "east of the
#: Tigris in Mosul", "10 km west of the Euphrates river near Deir ez-Zor", "the border, near Kilis".
STRETCH_RE = _named(
    "stretch",
    rf"""
    (?: {_S} (?: river | canal | wadi | stream | creek | highway | road ) )?   # "the Euphrates river"
    ,? {_S}
    (?: in | near | at | around | outside | close {_S} to ) {_S}
    (?: the {_S} )?
    """,
    re.IGNORECASE,
    examples=(
        ("Tigris in Mosul", " in "),
        ("Euphrates river near Deir ez-Zor", " river near "),
        ("the border, near Kilis", ", near "),
        ("Tigris, Mosul", None),
    ),
)
#: "the coast of" before the place a distance off it is measured from.
COAST_OF_RE = _named(
    "coast_of",
    rf"(?: the {_S} )? coast (?:line)? {_S} of {_S}",
    re.IGNORECASE,
    examples=(("off the coast of Libya", "the coast of "), ("the coastline of Crete", "the coastline of "),
              ("the coast road", None)),
)  # fmt: skip
#: A border or coast named by its countries: "the Turkish border", "the Syria-Turkey border", "the
#: border with Peru and Colombia", "Lebanon's southern border", "the coast of Libya", "the state line".
LINE_ANCHOR_RE = _named(
    "line_anchor",
    rf"""
    (?: (?i:the) {_S} )?
    (?: (?P<x> {_COUNTRY_WORD} )                                # "Turkish", "Lebanon's"
        (?: \s?[-–/]\s? (?P<y> {_COUNTRY_WORD} ) )?             # "Syria-Turkey"
        {_S} )?
    (?: (?P<side> (?i: (?:north|south)-?(?:east|west)ern | northern | southern | eastern | western ) ) {_S} )?
    (?P<kind> (?i: border | frontier | coastline | coast | shore | state {_S} line ) ) s? \b
    (?: {_S} (?P<rel> (?i: with | between | of ) ) {_S} (?P<z> {_COUNTRY_WORD} )   # "with Peru"
        (?: {_S} (?i:and) {_S} (?P<w> {_COUNTRY_WORD} ) )?     # "and Colombia"
    )?
    """,
    examples=(
        ("the Turkish border", "the Turkish border"),
        ("the Syria-Turkey border", "the Syria-Turkey border"),
        ("the border with Peru and Colombia", "the border with Peru and Colombia"),
        ("Lebanon's southern border", "Lebanon's southern border"),
        ("the Idaho-Utah state line", "the Idaho-Utah state line"),
        ("the borderlands", None),
    ),
)
#: A country's name or demonym ("Turkish"), in the sentence around a border.
DEMONYM_WORD_RE = _named(
    "demonym_word",
    r"\b [A-Z][a-z]{2,20} \b",
    examples=(("Turkish troops", "Turkish"), ("the US army", None)),
)
#: "the city", "the town's centre", "the capital", "the Yemeni port": a settlement named before.
SETTLEMENT_REF_RE = _named(
    "settlement_ref",
    r"""
    the \s{1,3}
    (?: (?P<country> [A-Z][a-z]{2,20} ) \s{1,3} )?         # "the Yemeni port", "the resort city"
    (?P<kind> city | town | village | capital | port )
    (?: ['’]s \b | \b (?! \s{1,3} of \b ) )                # "the city's", not "the city of"
    """,
    re.IGNORECASE,
    examples=(
        ("the city's southern edge", "the city's"),
        ("the Yemeni port", "the Yemeni port"),
        ("the city of Mosul", None),
    ),
)
#: A capitalised name, with small words inside it: "Tal Abyad", "the Gulf of Aden", "Ras al Ain".
CAPITALISED_RE = _named(
    "capitalised",
    r"""
    (?: the \s{1,3} )?
    [A-Z][\w'’.-]{0,40}
    (?: \s{1,2} (?: (?: of | de | al | el | the ) \s{1,2} )? [A-Z][\w'’-]{0,40} ){0,4}
    """,
    examples=(
        ("off the Gulf of Aden.", "the Gulf of Aden"),
        ("near Ras al Ain", "Ras al Ain"),
        ("near it", None),
    ),
)
#: A word of a noun phrase: "training", "militants'", "Deir-ez-Zor".
WORD_RE = _named(
    "word",
    r"[^\W\d_] [\w'’-]{0,40}",
    examples=(("45 militants' camps", "militants'"), ("45 2", None)),
)
#: "the US embassy in ", "the Russian base at ": a country's facility in a place named next.
FACILITY_IN_RE = _named(
    "facility_in",
    r"(?: \s{1,3} [a-z][a-z-]{1,20} ){1,2} \s{1,3} (?: in | at ) \s{1,3} (?: the\s{1,3} )?",
    examples=(("US embassy in Kabul", " embassy in "), ("US air base at the port", " air base at the "),
              ("US Embassy in Kabul", None)),
)  # fmt: skip
#: "the airport in Kathmandu": in it ("the reactor at Zaporizhzhia" is a plant named after the
#: city, 50 km away: not "at").
AT_PLACE_RE = _named(
    "at_place",
    r"\s{1,3} in \s{1,3}",
    examples=(("the airport in Kathmandu", " in "), ("the reactor at Zaporizhzhia", None)),
)
#: Words of a line ("the Tigris River", "the coastal road"): the anchor is a line, the relation a side.
LINE_WORDS_RE = _named(
    "line_words",
    r"\b (?: river | canal | wadi | road | highway | railway | line | border | frontier | creek ) \b",
    re.IGNORECASE,
    examples=(("the Tigris River", "River"), ("the riverside", None)),
)
#: "12 km from Kirkuk, on a bearing of 045°": a bearing after the anchor.
BEARING_AFTER_RE = _named(
    "bearing_after",
    rf"[\s,]{{1,3}} (?P<bear> {_BEARING} )",
    re.IGNORECASE,
    examples=((", on a bearing of 045°", ", on a bearing of 045°"), (" at 045 degrees", " at 045 degrees"),
              (" at 4 pm", None)),
)  # fmt: skip
#: The "and" of "between A and B", after an appositive of A: "between Aleppo, the commercial hub,
#: and Damascus".
BETWEEN_AND_RE = _named(
    "between_and",
    r"""
    (?: , \s{1,3} (?: the | a | an ) \s [^,;:()]{1,60} , )?   # ", the commercial hub,"
    \s{0,3} (?: and | & ) \s{1,3}
    """,
    re.IGNORECASE,
    examples=((", the commercial hub, and Damascus", ", the commercial hub, and "), (" and Homs", " and "),
              (", Homs", None)),
)  # fmt: skip
#: The comma of "5,000": no clause break.
THOUSANDS_COMMA_RE = _named(
    "thousands_comma",
    r"(?<=\d) , (?= \d{3} (?!\d) )",
    examples=(("5,000 acres", ","), ("5,0000", None), ("Sirte, 450 km", None)),
)

# -- what lies before an expression (its target, or the subject of an inverse statement) --------------
#: The proper name right before the end: "in Kuriga" (searched up to a comma).
NAME_BEFORE_RE = _named(
    "name_before",
    r"(?<! [\w'’-] ) [A-Z][\w'’-]+ (?: \s[A-Z][\w'’-]+ ){0,3} \Z",
    examples=(("fighters in Kuriga", "Kuriga"), ("in Keaton Beach", "Keaton Beach"), ("in the camp", None)),
)
#: A preposition that makes the name after it a place ("in Kuriga").
PLACE_PREPOSITION_BEFORE_RE = _named(
    "place_preposition_before",
    r"\b (?: in | at | near | from | to | into | outside ) \s{1,3} \Z",
    re.IGNORECASE,
    examples=(("fighters in ", "in "), ("fighters of ", None)),
)
#: What sets a qualifier off from the name it qualifies, up to the qualifier: "Sirte, Libya",
#: "Kandahar (Afghanistan)", "Homs, in western Syria".
QUALIFIER_GAP_RE = _named(
    "qualifier_gap",
    rf"""
    (?: , \s{{0,3}} (?: in {_S} (?: the {_S} )? (?: {_PART} {_S} )? )?   # ", " or ", in western "
      | \s{{0,3}} \( \s{{0,3}}                                          # " ("
    ) \Z
    """,
    re.IGNORECASE,
    examples=(("Sirte, ", ", "), ("Homs, in western ", ", in western "), ("Kandahar (", " ("),
              ("Homs in ", None)),
)  # fmt: skip
#: "... south of the base lies Homs", "... of the camp is the town of Kobani": a linking verb after
#: the noun phrase of the anchor; the place after it is the subject of a fronted statement.
FRONTED_VERB_RE = _named(
    "fronted_verb",
    rf"{_S} {_LINKING_VERB} {_S}",
    re.IGNORECASE,
    examples=(("the base lies Homs", " lies "), ("the camp is located near", " is located "),
              ("the base, Homs", None)),
)  # fmt: skip
#: Where the subject of a fronted statement may end: the end of its clause (not "is Syria's ...").
SUBJECT_END_RE = _named(
    "subject_end",
    r"\s{0,3} (?: [.,;:!?()—–] | (?: in | on | at | near | and | where | which ) \b | \Z )",
    examples=((". It", "."), (" in 2015", " in"), ("'s capital", "")),
)
#: An appositive between a place and what locates it: "Akutan, a village of 1,000 people about 40
#: miles northeast of the volcano," (no comma in it but a thousands separator).
APPOSITIVE_NP_RE = _named(
    "appositive_np",
    r"""
    \s{0,3}
    (?: (?: a | an | the ) \s
        (?: [^,;:()] | (?<=\d) , (?=\d{3}) ){0,160}          # no clause break, but "1,000"
    )?
    \Z
    """,
    re.IGNORECASE,
    examples=((" a village of 1,000 people about", " a village of 1,000 people about"), (" ", " "),
              (" a village, about", "")),
)  # fmt: skip
#: What closes an appositive statement after its anchor: "..., northeast of the epicenter, residents".
CLAUSE_CLOSE_RE = _named(
    "clause_close",
    r"\s{0,3} (?: [,.;:)!?—–] | \Z )",
    examples=((", residents", ","), (" residents", "")),
)
#: An appositive noun phrase after a comma: "a town on the Tigris", "the militants' stronghold".
APPOSITIVE_RE = _named(
    "appositive",
    r"\s{0,3} (?: a | an | the | on | in | near | at ) \s [^,;:()]{0,160} $",
    re.IGNORECASE,
    examples=((" the militants' stronghold on the coast", " the militants' stronghold on the coast"),
              (" two camps", None)),
)  # fmt: skip
#: "Odisha state", "Idlib province": a region word after a region's name.
REGION_WORD_END_RE = _named(
    "region_word_end",
    r"\s{1,3} (?: state | province | region | district | county | oblast | governorate ) \Z",
    examples=(("Odisha state", " state"), ("Odisha State", None)),
)
#: "12 miles east of Los Angeles and 5 miles from Pasadena": a second expression of one target.
AND_GAP_RE = _named(
    "and_gap",
    r"[\s,]* \b (?: and | or ) \s+",
    examples=((", and ", ", and "), (" or ", " or "), (" but ", None)),
)
#: "in the Red Sea", "in northern Syria": a place that only says where the thing before it is.
IN_AREA_BEFORE_RE = _named(
    "in_area_before",
    r"\b (?: in | on | across | over ) \s{1,3} (?: the\s{1,3} )? \Z",
    re.IGNORECASE,
    examples=(("a ship in the ", "in the "), ("a ship near ", None)),
)
#: "the ski area in the French Alps, ": a region geokit may not know, which says where the thing
#: before it is.
IN_NAMED_AREA_BEFORE_RE = _named(
    "in_named_area_before",
    r"""
    \b (?: in | on | across | over ) \s{1,3} the \s{1,3}
    (?: [A-Z][\w'’-]+ \s{1,3} ){0,3} [A-Z][\w'’-]+       # a capitalised name: "French Alps"
    [\s,]* \Z
    """,
    examples=(("the ski area in the French Alps, ", "in the French Alps, "), ("in the valley, ", None)),
)
#: A distance ahead: "about 15 km", ", some 40 miles".
DISTANCE_AHEAD_RE = _named(
    "distance_ahead",
    r"\W{0,3} (?: [a-z]+ \s{1,3} ){0,2} \d",
    examples=((", about 15 km", ", about 1"), (", near the border", None)),
)
#: A word of a target's label, with its apostrophes and hyphens: "militants'", "Deir-ez-Zor".
LABEL_WORD_RE = _named(
    "label_word",
    r"[\w'’-]+",
    examples=(("two ISIS camps", "two"), ("the militants' base", "the"), (" , ", None)),
)
#: "at 4:17 a.m.": a time, whose full stop ends no clause.
CLOCK_TIME_RE = _named(
    "clock_time",
    r"\b \d{1,2} (?: [:.]\d{2} )? \s{0,2} [ap] \.? m \.? (?!\w)",
    re.IGNORECASE,
    examples=(("struck at 4:17 a.m. about", "4:17 a.m."), ("at 9pm", "9pm"), ("at 9 pmt", None)),
)
#: A place's name as written: capitalised words ("Marchula", "Bir Hakeim"), no article.
PROPER_NAME_RE = _named(
    "proper_name",
    r"[A-Z][\w'’-]* (?: \s[A-Z][\w'’-]* ){0,3}",
    examples=(("near Bir Hakeim", "Bir Hakeim"), ("near it", None)),
)
#: A participle ("pushing"): a clause, not a target.
PARTICIPLE_RE = _named(
    "participle",
    r"[a-z]{3,} ing",
    examples=(("pushing", "pushing"), ("king", None)),
)
#: "within a" before "10-mile radius".
WITHIN_A_BEFORE_RE = _named(
    "within_a_before",
    r"\b within \s{1,3} an? \s{1,3} $",
    re.IGNORECASE,
    examples=(("camps within a ", "within a "), ("within ", None)),
)
#: A unit of length right before a heading ("... km north of"): the distance before it was not read.
UNIT_BEFORE_RE = _named(
    "unit_before",
    r"""
    (?<! [^\W\d_] )                                             # not the end of a longer word
    (?: kms? | kilomet(?:er|re)s | miles? | mi | nmi | nautical \s{1,3} miles? | feet | ft
      | yards | yds? | met(?:er|re)s )
    \.? [\s,]{1,3} \Z
    """,
    re.IGNORECASE,
    examples=(("12,5 km ", "km "), ("several miles ", "miles "), ("Kms ", "Kms "), ("farms ", None)),
)
#: "300 square kilometres": an area before the unit.
AREA_BEFORE_RE = _named(
    "area_before",
    r"\b (?: square | sq\.? ) \s{1,3} \Z",
    re.IGNORECASE,
    examples=(("300 square ", "square "), ("300 sq. ", "sq. "), ("300 ", None)),
)
#: Nouns of dealings between parties before "between": "the talks between Moscow and Kyiv",
#: "flights between Dubai and London" say nothing of where a thing lies.
PARTIES_BEFORE_RE = _named(
    "parties_before",
    rf"\b (?: {'|'.join(PARTY_NOUNS)} ) (?: \s{{1,3}} [a-z]{{2,15}} ){{0,2}} \s{{1,3}} \Z",
    re.IGNORECASE,
    examples=(
        ("the talks ", "talks "),
        ("direct flights to and from ", None),
        ("the trade links ", "trade links "),
    ),
)
#: "halfway between", "midway between".
HALFWAY_BEFORE_RE = _named(
    "halfway_before",
    r"\b (?: half | mid ) [\s-]? way \s{1,3} \Z",
    re.IGNORECASE,
    examples=(("the town halfway ", "halfway "), ("mid-way ", "mid-way "), ("way ", None)),
)

# -- pieces of a match read apart ---------------------------------------------------------------------
#: What a distance is measured from at sea: "off", "offshore from".
OFFSHORE_RE = _named(
    "offshore",
    _OFFSHORE,
    re.IGNORECASE,
    examples=(("off", "off"), ("offshore from", "offshore from"), ("from", None)),
)
#: A part word before a mention's name: "eastern " of "eastern Mosul".
PART_PREFIX_RE = _named(
    "part_prefix",
    rf"(?: {_PART} | {_POINT} ) \s{{1,3}}",
    re.IGNORECASE,
    examples=(("eastern Mosul", "eastern "), ("East Mosul", "East "), ("Mosul", None)),
)
#: A hedge right before the end ("about "), or nothing.
HEDGE_END_RE = _named(
    "hedge_end",
    rf"(?: \b {_HEDGE} \s{{1,3}} )? \Z",
    re.IGNORECASE,
    examples=(("people about ", "about "), ("people ", "")),
)
#: The last word, in ASCII letters, right before the end ("located" of "camps located").
LAST_WORD_RE = _named(
    "last_word",
    r"[A-Za-z]{1,15} \Z",
    examples=(("camps located", "located"), ("camps,", None)),
)
#: A possessive and the space after it ("Somalia's Lower Shabelle": split there).
POSSESSIVE_RE = _named(
    "possessive",
    r"['’]s \s",
    examples=(("Somalia's Lower Shabelle", "'s "), ("Somalias", None)),
)
#: A possessive at the end of a country's name ("Lebanon's").
POSSESSIVE_END_RE = _named(
    "possessive_end",
    r"['’]s \Z",
    examples=(("Lebanon’s", "’s"), ("Lebanon", None)),
)
#: "a " or "an ": an article read as a number ("within a one-mile radius").
ARTICLE_RE = _named(
    "article",
    r"an? \s",
    examples=(("a one", "a "), ("one", None)),
)
#: A lone compass letter ("E" of "Block E of the compound"): a heading only after a distance.
LONE_LETTER_RE = _named(
    "lone_letter",
    r"[NESW] \.?",
    examples=(("E", "E"), ("e", None)),
)
#: A run of white space (read as one space).
SPACES_RE = _named(
    "spaces",
    r"\s+",
    examples=(("close \n to", " \n "), ("near", None)),
)
#: The "-ern" of a compass adjective ("western": "west").
ERN_END_RE = _named(
    "ern_end",
    r"ern $",
    examples=(("western", "ern"), ("west", None)),
)

# -- cheap hints: where an expression may be -----------------------------------------------------------
#: An abbreviated heading ("NE", "S.W.", "N by E"): a capital N, E, S or W standing alone.
ABBR_ANCHOR_RE = _named(
    "abbr_anchor",
    r"""
    [NESW]
    (?<! [\w.]. )           # no letter or full stop before it
    (?! [^\WNESWb] )        # nor a letter after it, but a compass letter or the "b" of "NbE"
    """,
    examples=(("45 km NE of", "N"), ("Block E of", "E"), ("NATO", None)),
)
#: An abbreviated heading: "[NS]\.?[EW]|[NESW]\.?[NS]\.?[EW]|[NESW]\s?by?\s?[NESW]" with the first
#: letter taken out of the alternatives: a pattern that starts with a character class lets the
#: regex engine skip to the next capital N, E, S or W instead of trying every alternative at every
#: position (same matches).
ABBR_HINT_RE = _named(
    "abbr_hint",
    r"""
    [NESW]
    (?: (?<=[NS]) \.? [EW]          # "NE", "S.W"
      | \.? [NS] \.? [EW]           # "NNE", "E.S.E"
      | \s? by? \s? [NESW]          # "N by E", "NbE"
    )
    """,
    examples=(("45 km NE of", "NE"), ("S.W.", "S.W"), ("N by E", "N by E"), ("North", None)),
)
#: A unit of length, not the end of a longer word.
UNIT_HINT_RE = _named(
    "unit_hint",
    rf"(?<! [^\W\d_] ) {_UNIT}",
    re.IGNORECASE,
    examples=(("It lies 45km away", "km"), ("the farms", None)),
)
#: The last run of letters of every word ("km" of "45km"), in lower-case ASCII text.
WORD_TAIL_RE = _named(
    "word_tail",
    r"(?<! [a-z] ) [a-z]++ (?! [0-9_] )",
    examples=(("45km", "km"), ("km2", None)),
)
#: A number followed by letters ("45 km", "45km", "5-mile"), in lower-case text.
_HINT_NUMBER = r"\d\s{0,3}-?\s{0,3}[a-z]"
HINT_NUMBER_RE = _named(
    "hint_number",
    _HINT_NUMBER,
    examples=(("about 45 km", "5 k"), ("5-mile", "5-m"), ("in 2015.", None)),
)


def _one_word_units() -> frozenset[str]:
    """Return the units of ``UNIT_RE`` that are one word, lower-case ("km", "miles", "li", ...).

    The others ("nautical miles", "cable lengths") end or start with one of these.
    """
    words = {u for u in _UNIT_WORDS if " " not in u}
    for alt in _UNKNOWN_UNITS.split("|"):
        if " " not in alt:
            words.update((alt[:-2], alt[:-1]) if alt.endswith("s?") else (alt,))
    return frozenset(words)


#: The one-word units, lower-case.
ONE_WORD_UNITS = _one_word_units()
# Searched in the lower-cased text. A distance needs a unit: a number followed by letters ("45 km",
# "45km") or a unit word; the other relations need a compass or relation word.
HINT_WORDS = (*UNIT_STEMS, *TRAVEL_KEYS, *COMPASS_KEYS, *RELATION_KEYS)
#: The hints as one pattern (the reference for :func:`geokit.claims.hints.hint_starts`, which
#: finds the same matches faster).
HINT_RE = _named(
    "hint",
    _plain(_HINT_NUMBER + "|" + "|".join(map(re.escape, HINT_WORDS))),
    examples=(("about 45 km north", "5 k"), ("across the border", "across the border"), ("the camp", None)),
)
