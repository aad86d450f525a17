"""The claim extractor's word lists, read once from ``geokit/_data/claim_words.json``.

Each list is described beside it in the data file; the code holds the logic that uses them.

Examples
--------
>>> "lies" in LINKING_VERBS, "talks" in PARTY_NOUNS, "camp" in COMMON_HEADS
(True, True, True)
"""

from __future__ import annotations

from geokit.resources import word_lists

__all__ = [
    "BE",
    "CENTRE_WORDS",
    "COMMON_HEADS",
    "COMPASS_KEYS",
    "COMPASS_TARGETS",
    "COMPASS_WORDS",
    "CONJUNCTIONS",
    "LINKERS",
    "LINKING_PARTICIPLES",
    "LINKING_VERBS",
    "MEASURE_WORDS",
    "NO_OBJECT",
    "NP_STOP",
    "PARTY_NOUNS",
    "PAST_VERBS",
    "PRONOUNS",
    "REGION_ADJECTIVES",
    "RELATION_KEYS",
    "SETTLEMENT_WORDS",
    "SUBJECT_PRONOUNS",
    "TARGET_DETERMINERS",
    "TARGET_PRONOUNS",
    "TARGET_STOP",
    "TIME_WORDS",
    "TRAVEL_KEYS",
    "UNIT_STEMS",
    "VERB_COMPLEMENTS",
]


def _word_lists() -> dict[str, list[str]]:
    """Return the word lists of ``geokit/_data/claim_words.json`` (notes, keys starting "_", dropped)."""
    return word_lists("claim_words.json")


_LISTS = _word_lists()

# -- the extractor (patterns, anchors, targets before an expression) ---------------------------------
LINKING_VERBS = frozenset(_LISTS["linking_verbs"])
LINKING_PARTICIPLES: tuple[str, ...] = tuple(_LISTS["linking_participles"])
SETTLEMENT_WORDS: tuple[str, ...] = tuple(_LISTS["settlement_words"])
REGION_ADJECTIVES = frozenset(_LISTS["region_adjectives"])
NP_STOP = LINKING_VERBS | frozenset(_LISTS["np_stop"])
LINKERS = frozenset(_LISTS["linkers"])
PRONOUNS = frozenset(_LISTS["pronouns"])
COMPASS_TARGETS = frozenset(_LISTS["compass_targets"])
PARTY_NOUNS: tuple[str, ...] = tuple(_LISTS["party_nouns"])
# -- cheap tests before the patterns (substrings of the lower-cased text) ----------------------------
COMPASS_WORDS: tuple[str, ...] = tuple(_LISTS["compass_words"])
CENTRE_WORDS: tuple[str, ...] = tuple(_LISTS["centre_words"])
COMPASS_KEYS: tuple[str, ...] = tuple(_LISTS["compass_keys"])
RELATION_KEYS: tuple[str, ...] = tuple(_LISTS["relation_keys"])
TRAVEL_KEYS: tuple[str, ...] = tuple(_LISTS["travel_keys"])
UNIT_STEMS: tuple[str, ...] = tuple(_LISTS["unit_stems"])
# -- labels of unnamed targets (geokit.claims.targets) -----------------------------------------------
TARGET_DETERMINERS = frozenset(_LISTS["target_determiners"])
TARGET_STOP = TARGET_DETERMINERS | frozenset(_LISTS["target_stop"])
PAST_VERBS = frozenset(_LISTS["past_verbs"])
NO_OBJECT = frozenset(_LISTS["no_object"])
VERB_COMPLEMENTS = frozenset(_LISTS["verb_complements"])
TIME_WORDS = frozenset(_LISTS["time_words"])
MEASURE_WORDS = frozenset(_LISTS["measure_words"])
SUBJECT_PRONOUNS = frozenset(_LISTS["subject_pronouns"])
TARGET_PRONOUNS = frozenset(_LISTS["target_pronouns"])
BE = frozenset(_LISTS["be"])
CONJUNCTIONS = frozenset(_LISTS["conjunctions"])
COMMON_HEADS = frozenset(_LISTS["common_heads"])
