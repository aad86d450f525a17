"""Labels for unnamed targets ("the training camps", "a convoy") and the key that matches them.

A claim about something that has no name ("two camps located 45 km southwest of Sirte") gets a
short label: the head noun of its noun phrase with the lower-case modifiers right before it
("camps", "training camps"). :func:`target_key` reduces a label to its singular head noun, so that
"two ISIS camps", "the camps" and "the training camps" in one document, or in two documents, are
recognised as the same target ("camp").
"""

from __future__ import annotations

from geokit.claims.patterns import LABEL_WORD_RE
from geokit.claims.words import (
    BE,
    COMMON_HEADS,
    CONJUNCTIONS,
    MEASURE_WORDS,
    NO_OBJECT,
    PAST_VERBS,
    SUBJECT_PRONOUNS,
    TARGET_DETERMINERS,
    TARGET_PRONOUNS,
    TARGET_STOP,
    TIME_WORDS,
    VERB_COMPLEMENTS,
)
from geokit.text.frequency import zipf_frequency
from geokit.text.person_names import is_given_name, is_surname

__all__ = [
    "common_noun",
    "noun_phrase_label",
    "singularise",
    "subject_if_no_object",
    "target_key",
    "target_words",
    "trim_predicate",
]


_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot"}
_KEEP_S = ("ss", "us", "is", "news", "series", "species")


def singularise(word: str) -> str:
    """Return a simple English singular of a lower-case noun.

    Examples
    --------
    >>> [singularise(w) for w in ["camps", "villages", "cities", "bases", "convoys", "compass", "women"]]
    ['camp', 'village', 'city', 'base', 'convoy', 'compass', 'woman']
    >>> [singularise(w) for w in ["boxes", "churches", "site", "ruins"]]
    ['box', 'church', 'site', 'ruin']
    """
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or w.endswith(_KEEP_S):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def target_key(label: str) -> str:
    """Return the key that identifies an unnamed target across sentences and documents.

    The key is the singular head noun (the last word) of the label, lower-cased. A named target
    (a place name) keeps its whole name, lower-cased.

    Examples
    --------
    >>> [target_key(t) for t in ["training camps", "the camps", "two ISIS camps", "Camp"]]
    ['camp', 'camp', 'camp', 'camp']
    >>> target_key("the site"), target_key("a convoy"), target_key("Qayyarah"), target_key("east Mosul")
    ('site', 'convoy', 'qayyarah', 'east mosul')
    >>> target_key("")
    ''
    """
    words = LABEL_WORD_RE.findall(label)
    if not words:
        return ""
    last = words[-1]
    if last[:1].isupper() and last.lower() not in COMMON_HEADS:
        # A name ("Qayyarah", "east Mosul", "Tigris River"): the whole name is the key.
        return " ".join(w.lower() for w in words)
    return singularise(words[-1])


def trim_predicate(words: list[str], limit: int = 3) -> list[str]:
    """Drop up to ``limit`` trailing function words or past-tense verbs before a relative expression.

    Examples
    --------
    >>> trim_predicate(["Iraqi", "forces", "advanced", "to"])
    ['Iraqi', 'forces']
    >>> trim_predicate(["tanks", "had", "advanced", "to"])
    ['tanks']
    >>> trim_predicate(["two", "camps"]), trim_predicate(["They", "fled"])
    (['two', 'camps'], ['They'])
    >>> trim_predicate(["the", "wildfire", "is", "burning"])
    ['the', 'wildfire']
    """
    out = list(words)
    for _ in range(limit):
        if not out:
            break
        w = out[-1]
        lw = w.lower()
        if lw in TARGET_PRONOUNS or lw in COMMON_HEADS:
            break
        if (lw in TARGET_STOP and lw not in CONJUNCTIONS) or (
            w.islower() and lw.endswith("ed") and len(out) > 1
        ):
            out.pop()
            continue
        if w.islower() and lw.endswith("ing") and len(out) > 2 and out[-2].lower() in BE:
            del out[-2:]  # "the wildfire is burning": a verb in its progressive form
            continue
        break
    return out


def target_words(clause: list[str], own: list[str] | None = None) -> list[str]:
    """Return the words, at most eight, whose noun phrase an expression after a clause locates.

    ``clause`` holds the clause's words up to the expression, predicate trimmed; ``own`` the same
    words after a parenthesis, where a subject may be looked for (default: ``clause``). They are
    the last words of the clause, or its subject when its verb has no object (see
    :func:`subject_if_no_object`), or when the last words say when or how far, not what ("an
    earthquake struck off Chile on Tuesday, 40 km west of Iquique": the earthquake; "the quake
    struck at a depth of 10 kilometers, about 19 km north of Ridgecrest": the quake).

    Examples
    --------
    >>> target_words("Rescuers reached two camps".split())
    ['Rescuers', 'reached', 'two', 'camps']
    >>> target_words("The wildfire broke out".split())
    ['The', 'wildfire']
    >>> target_words("An earthquake struck off the coast of Chile on Tuesday".split())
    ['An', 'earthquake']
    """
    own = clause if own is None else own
    words = (subject_if_no_object(own) or clause)[-8:]
    label = noun_phrase_label(words)
    if label and label.split()[-1].lower() in _NOT_WHAT:
        subject = subject_if_no_object(own, always=True)
        return subject[-8:] if subject else []
    return words


def subject_if_no_object(words: list[str], *, always: bool = False) -> list[str] | None:
    """Return the subject's words when the clause before an expression ends in a verb with no object.

    ``words`` are the clause's words up to the expression, predicate trimmed. When the last verb
    among them is followed by nothing but particles, adverbs and phrases of time, or by a noun that
    only completes the verb ("made landfall"), the expression says where the verb's subject is:
    "the wildfire broke out near Paradise", "the plane crashed shortly after take-off about 3 km from
    Pokhara", "a man was shot near the Oceanfront". A verb joined by "and" has the subject of the
    verb before it ("the fire broke out near Paradise and spread to within two miles of Chico",
    "tanks had advanced to the border and were positioned near Rafah"). With ``always``, the last
    verb's subject whatever follows it (the caller found no noun phrase of its own to locate, as in
    "an earthquake struck off the coast of Chile on Tuesday, 40 km west of Iquique").

    None when the verb has an object or a place phrase after it ("rescuers reached the camp 5 km
    from ...", "hostages were held in a farmhouse 10 km outside Kidal": the camp, the farmhouse), when
    no verb is found, or when the subject is a person's pronoun; "it" or "they" is returned alone
    (the caller knows what it refers to).

    Examples
    --------
    >>> subject_if_no_object(["The", "wildfire", "broke", "out"])
    ['The', 'wildfire']
    >>> subject_if_no_object("the fire broke out near the town of Paradise and spread".split())
    ['the', 'fire']
    >>> subject_if_no_object("The plane crashed shortly after take-off".split())
    ['The', 'plane']
    >>> subject_if_no_object(["Rescuers", "reached", "the", "camp"]) is None
    True
    >>> subject_if_no_object("hostages were held in a farmhouse".split()) is None
    True
    >>> subject_if_no_object("An earthquake struck off the coast of Chile on Tuesday".split(), always=True)
    ['An', 'earthquake']
    >>> subject_if_no_object(["two", "abandoned", "villages"]) is None  # an adjective, not a verb
    True
    """
    joined = bool(words) and words[-1].lower() in CONJUNCTIONS
    for _ in range(3):  # each "and" moves one verb back
        v = next((i for i in range(len(words) - 1, 0, -1) if _is_verb(words, i)), None)
        if v is None:
            return None
        tail = [w.lower() for w in words[v + 1 :]]
        if not (always or joined or tail == [] or _adverbial(tail)):
            return None
        subject = trim_predicate(words[:v])
        if subject and subject[-1].lower() in CONJUNCTIONS:
            words, joined = subject, True
            continue
        if not subject or subject[-1].lower() in SUBJECT_PRONOUNS:
            return None
        return subject[-1:] if subject[-1].lower() in TARGET_PRONOUNS else subject  # "it made landfall": it
    return None


def _adverbial(tail: list[str]) -> bool:
    """Return whether words after a verb are only particles, adverbs and time ("out", "on Tuesday")."""
    if len(tail) == 1 and tail[0] in VERB_COMPLEMENTS:
        return True
    if tail[-2:] == ["at", "sea"]:  # "the quake was centered at sea, about 30 km east of"
        tail = tail[:-1]
    return all(w in NO_OBJECT or w in TIME_WORDS or w in TARGET_DETERMINERS or w.endswith("ly") for w in tail)


def _is_verb(words: list[str], i: int) -> bool:
    """Return whether ``words[i]`` is a verb in the past tense or a linking verb (not an adjective)."""
    w = words[i]
    if not w.islower():
        return False
    if w in PAST_VERBS:
        return True
    # "-ed" after a determiner or number is an adjective ("two abandoned villages")
    return w.endswith("ed") and len(w) > 4 and words[i - 1].lower() not in TARGET_DETERMINERS


_NOT_WHAT = TIME_WORDS | MEASURE_WORDS


def noun_phrase_label(words: list[str]) -> str:
    """Return the label of a noun phrase given its words: the head and its lower-case modifiers.

    Determiners, numbers and capitalised modifiers (organisation names) are dropped; at most two
    modifiers are kept. A capitalised head is a name no gazetteer knew: it keeps the capitalised
    words before it ("Wadi Bey").

    Examples
    --------
    >>> noun_phrase_label(["two", "Islamic", "State", "training", "camps"])
    'training camps'
    >>> noun_phrase_label(["the", "site"]), noun_phrase_label(["two", "ISIS", "camps"])
    ('site', 'camps')
    >>> noun_phrase_label([]), noun_phrase_label(["forces", "to"])
    ('', '')
    >>> noun_phrase_label(["fled", "to", "Wadi", "Bey"])
    'Wadi Bey'
    """
    kept: list[str] = []
    proper = False
    for w in reversed(words):
        lw = w.lower()
        if not kept:
            if lw in TARGET_STOP:
                return ""
            proper = w[:1].isupper() and lw not in COMMON_HEADS
            kept.append(w if proper else lw)
            continue
        if proper:
            if not w[:1].isupper() or lw in TARGET_STOP or len(kept) >= 4:
                break
            kept.append(w)
            continue
        if w[:1].isupper() or lw in TARGET_STOP or len(kept) >= 3 or not w.isalpha() or lw.endswith("ly"):
            break
        kept.append(lw)
    return " ".join(reversed(kept))


def common_noun(word: str) -> str:
    """Return a capitalised word that opens a sentence in lower case when it is a common noun.

    "Troops" opening a sentence is the noun "troops"; "Bassett" (a surname) and "Qayyarah" (a rare
    word) stay names.

    Examples
    --------
    >>> common_noun("Troops"), common_noun("Militants"), common_noun("Bassett"), common_noun("Qayyarah")
    ('troops', 'militants', 'Bassett', 'Qayyarah')
    """
    lw = word.lower()
    if zipf_frequency(lw) >= _COMMON_NOUN_ZIPF and not (is_surname(lw) or is_given_name(lw)):
        return lw
    return word


#: A capitalised word alone at least this common in lower case (wordfreq Zipf: "militants" 3.56)
#: is a common noun, unless it is a person's name.
_COMMON_NOUN_ZIPF = 3.5
