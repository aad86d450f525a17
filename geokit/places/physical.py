"""Physical features (ranges, deserts, peaks, islands, lakes...) named as news names them.

Natural Earth's physical layers carry map labels: upper case for the large features and
abbreviated ("ZAGROS MTS.", "Mt. Everest", "RUB’ AL KHALI", "Unimak I."), sometimes in the local
language ("Sicilia"). :func:`news_names` turns a label into the name news writes and the other
forms worth indexing; the tables below are the rules, as data.
"""

from __future__ import annotations

import re

__all__ = [
    "ENGLISH_NAMES",
    "EXONYMS",
    "FEATURE_KINDS",
    "LABEL_ABBREVIATIONS",
    "LAKE_WORDS",
    "PHYSICAL_AREA_KINDS",
    "PHYSICAL_KINDS",
    "PHYSICAL_POINT_KINDS",
    "bare_forms",
    "news_names",
    "physical_kind",
]

#: Abbreviations of map labels (folded, without the full stop) and the word news writes.
LABEL_ABBREVIATIONS: dict[str, str] = {
    "mts": "Mountains",
    "mtns": "Mountains",
    "mtn": "Mountain",
    "mt": "Mount",
    "pk": "Peak",
    "ra": "Range",
    "pen": "Peninsula",
    "pén": "Péninsule",
    "plat": "Plateau",
    "arch": "Archipelago",
    "cord": "Cordillera",
    "i": "Island",
    "î": "Île",
    "is": "Islands",
    "str": "Strait",
    "sd": "Sound",
    "b": "Bahía",
    "res": "Reservoir",
    "pt": "Point",
    "st": "Saint",
    "n": "North",
    "s": "South",
}

#: Words a label abbreviates only in first position ("S. do Piaui", "N. Andaman"), not after a
#: name ("Lake C.W. McConaughy", "Franklin D. Roosevelt Lake": initials of a person).
_LEADING_ONLY = frozenset(("n", "s", "b", "st", "pt", "mt"))

#: Features labelled in another language whose English name is the name (folded label -> name).
ENGLISH_NAMES: dict[str, str] = {
    "sicilia": "Sicily",
    "sardegna": "Sardinia",
    "corse": "Corsica",
    "kriti": "Crete",
    "gora elbrus": "Mount Elbrus",
    "foroyar": "Faroe Islands",
    "archipielago de colon": "Galápagos Islands",
    "i de pascua": "Easter Island",
    "cabo de hornos": "Cape Horn",
}

#: More names news writes for a feature (folded name -> names).
EXONYMS: dict[str, list[str]] = {
    "kavir desert": ["Dasht-e Kavir", "Great Salt Desert"],
    "lut desert": ["Dasht-e Lut"],
    "rub al khali": ["Rub al-Khali", "Rub al Khali", "Empty Quarter"],
    "himalayas": ["Himalaya", "Himalaya Mountains", "Himalayan Mountains"],
    "hindu kush": ["Hindu Kush Mountains"],
    "galapagos islands": ["Galapagos"],
}

#: A lake's generic word in other languages: "Lago Titicaca" is Lake Titicaca in English news.
LAKE_WORDS = frozenset(("lago", "lac", "laguna", "ozero", "buhayrat", "danau", "göl", "gol", "hu", "nuur"))
#: Words that already make a lake's name a lake's ("Great Bear Lake", "Lough Neagh", "Embalse X").
_LAKE_NAMED = frozenset(
    ("lake", "lakes", "reservoir", "réservoir", "lough", "loch", "embalse", "presa", "represa", "dam", "pond")
)

#: Small words kept in lower case when an upper-case label is title-cased.
_LOWER_WORDS = frozenset(
    "a al an and ar as ash ad at az ath ad-dahna da das de del della des di do dos du e el en "
    "et la las le les los of on the van von y".split()
)

#: Natural Earth ``featurecla`` (lower case) -> geokit kind; features of other classes are left out.
FEATURE_KINDS: dict[str, str] = {
    "range/mtn": "range",
    "foothills": "range",
    "desert": "desert",
    "plateau": "plateau",
    "pen/cape": "peninsula",
    "peninsula": "peninsula",
    "isthmus": "peninsula",
    "delta": "delta",
    "valley": "valley",
    "gorge": "valley",
    "basin": "basin",
    "depression": "basin",
    "island": "island",
    "island group": "island group",
    "lake": "lake",
    "alkaline lake": "lake",
    "reservoir": "lake",
    "plain": "lowland",
    "lowland": "lowland",
    "wetlands": "lowland",
    "tundra": "lowland",
    "coast": "lowland",
    "geoarea": "geoarea",
    "mountain": "peak",
    "spot elevation": "peak",
    "pass": "pass",
    "cape": "cape",
    "waterfall": "waterfall",
}

#: Physical kinds that are areas (with their polygon) and those that are points.
PHYSICAL_AREA_KINDS = (
    "range",
    "desert",
    "plateau",
    "peninsula",
    "delta",
    "valley",
    "basin",
    "island",
    "island group",
    "lake",
    "lowland",
    "geoarea",
)
PHYSICAL_POINT_KINDS = ("peak", "pass", "cape", "waterfall")
PHYSICAL_KINDS = PHYSICAL_AREA_KINDS + PHYSICAL_POINT_KINDS

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_TOKEN = re.compile(r"([^\s.]+\.?|\.)")


def physical_kind(featurecla: str | None, geometry_type: str = "Polygon") -> str | None:
    """Return the geokit kind of a Natural Earth feature class, or None to leave it out.

    Examples
    --------
    >>> physical_kind("Range/mtn"), physical_kind("mountain"), physical_kind("Dragons-be-here")
    ('range', 'peak', None)
    >>> physical_kind("plateau", "Point"), physical_kind("island", "Point")
    ('plateau', 'island')
    """
    return FEATURE_KINDS.get((featurecla or "").strip().lower())


def _title(word: str, first: bool) -> str:
    """Title-case one word of an upper-case label ("AL" -> "al", "KHALI" -> "Khali", "D'ANTICOSTI")."""
    low = word.lower()
    if not first and low in _LOWER_WORDS:
        return low
    parts = re.split(r"([-'])", low)
    out = []
    for i, p in enumerate(parts):
        # "rub'" stays, "d'anticosti" is "d'Anticosti", "Jabal al-Akhdar"
        if p in ("-", "'") or (i and parts[i - 1] == "'" and len(p) <= 2) or (i and p in _LOWER_WORDS):
            out.append(p)
        else:
            out.append(p[:1].upper() + p[1:])
    return "".join(out)


def _is_upper(label: str) -> bool:
    letters = [c for c in label if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) > 2


def expand_label(label: str) -> str:
    """Return a map label written out: straight apostrophes, title case, abbreviations expanded.

    Examples
    --------
    >>> expand_label("ZAGROS MTS.")
    'Zagros Mountains'
    >>> expand_label("Mt. Everest"), expand_label("RUB’ AL KHALI"), expand_label("Unimak I.")
    ('Mount Everest', "Rub' al Khali", 'Unimak Island')
    >>> expand_label("Lake C.W. McConaughy"), expand_label("S. do Piaui")
    ('Lake C.W. McConaughy', 'South do Piaui')
    >>> expand_label("GALAPAGOS IS."), expand_label("Gregory Ra.")
    ('Galapagos Islands', 'Gregory Range')
    """
    text = " ".join(label.translate(_APOSTROPHES).split())
    upper = _is_upper(text)
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        if upper:
            w = _title(w, i == 0)
        if w.endswith(".") and "." not in w[:-1]:
            key = w[:-1].lower()
            word = LABEL_ABBREVIATIONS.get(key)
            if word and (i == 0 or key not in _LEADING_ONLY):
                w = word
        out.append(w)
    return " ".join(out)


def _fold(text: str) -> str:
    from geokit.places.normalize import name_key

    return name_key(text)


def news_names(label: str, alternates: list[str] | tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """Return the name news writes for a labelled feature and its other names (label forms kept).

    Examples
    --------
    >>> news_names("ZAGROS MTS.")
    ('Zagros Mountains', ['ZAGROS MTS.'])
    >>> news_names("Sicilia")
    ('Sicily', ['Sicilia'])
    >>> news_names("Gora Elbrus", ["Mount Elbrus"])
    ('Mount Elbrus', ['Gora Elbrus'])
    >>> news_names("RUB’ AL KHALI")[0], news_names("Mt. Everest")
    ("Rub' al Khali", ('Mount Everest', ['Mt. Everest']))
    """
    label = " ".join(label.split())
    name = expand_label(label)
    forms = [label]
    for alt in alternates:
        if alt:
            forms += [expand_label(alt), " ".join(alt.split())]
    english = ENGLISH_NAMES.get(_fold(label))
    if english:
        forms.insert(0, name)
        name = english
    elif alternates and alternates[0] and _fold(label).split()[0] in ("gora", "ozero"):
        forms.insert(0, name)  # "Ozero Mogotoyevo": "Lake Mogotoyevo"
        name = expand_label(alternates[0])
    forms += EXONYMS.get(_fold(name), [])
    out: list[str] = []
    seen = {name}
    for f in forms:
        if f and f not in seen:
            seen.add(f)
            out.append(f)
    return name, out


def bare_forms(name: str, kind: str) -> list[str]:
    """Return the shorter or longer forms news also writes for a feature ("Gobi Desert": "Gobi").

    These are offered only where no other place bears them (the gazetteer build checks).

    Examples
    --------
    >>> bare_forms("Gobi Desert", "desert"), bare_forms("Sahara", "desert")
    (['Gobi'], ['Sahara Desert'])
    >>> bare_forms("Mount Kilimanjaro", "peak"), bare_forms("Caucasus Mountains", "range")
    (['Kilimanjaro'], ['Caucasus Mts.', 'Caucasus'])
    >>> bare_forms("Lago Titicaca", "lake"), bare_forms("Egridir", "lake"), bare_forms("Keuka Lake", "lake")
    (['Lake Titicaca'], ['Lake Egridir'], [])
    """
    out = []
    words = name.split()
    if kind == "desert":
        if words[-1].lower() == "desert" and len(words) > 1:
            out.append(" ".join(words[:-1]))
        elif "desert" not in name.lower():
            out.append(f"{name} Desert")
    elif kind == "peak" and words[0] in ("Mount", "Mt.") and len(words) > 1:
        out.append(" ".join(words[1:]))
    elif kind == "range" and words[-1] == "Mountains" and len(words) > 1:
        out += [" ".join(words[:-1]) + " Mts.", " ".join(words[:-1])]
    elif kind == "lake" and words[0] == "Lake" and len(words) > 1:
        out.append(f"{' '.join(words[1:])} Lake")
    elif kind == "lake" and words[0].lower() in LAKE_WORDS and len(words) > 1:
        out.append(f"Lake {' '.join(words[1:])}")
    elif kind == "lake" and not _LAKE_NAMED & {w.lower() for w in words}:
        out.append(f"Lake {name}")
    elif kind == "peninsula" and words[-1] == "Peninsula" and len(words) > 1:
        out.append(" ".join(words[:-1]))
    return out
