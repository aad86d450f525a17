"""The offline gazetteer: memory-mapped places and a name index, with ranked, explained lookups."""

from __future__ import annotations

import json
import math
import os
import re
import sys
import threading
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from geokit.errors import DataError, InputError, PlaceNotFoundError
from geokit.kinds import SETTLEMENT_KINDS
from geokit.model import Candidate, Place
from geokit.places.build import (
    AIRBASE_WORDS,
    FORMAT_VERSION,
    KINDS,
    LAYER_CODES,
    NAME_ABBREVIATION,
    NAME_ALTERNATE,
    NAME_DERIVED,
    NAME_PRIMARY,
    NAME_STRIPPED,
    build_gazetteer,
)
from geokit.places.normalize import (
    REGION_WORDS,
    approximations,
    fold,
    name_hash,
    name_key,
    split_qualified,
    strip_article,
)
from geokit.resources import read_json

__all__ = [
    "MAX_QUERY_LENGTH",
    "Gazetteer",
    "default_data_dir",
    "generic_name_words",
    "get_gazetteer",
    "importance",
    "is_abbreviation_match",
    "is_exact_match",
    "is_spelling_guess",
]

#: Longest name a lookup accepts, in characters (the longest GeoNames name is under 200).
MAX_QUERY_LENGTH = 300
#: "Idlib province", "Odesa Oblast": a name ending in a region word means the region.
_REGION_WORD_TAIL = re.compile(rf"\s(?:{REGION_WORDS})$", re.IGNORECASE)

_MATCH_WEIGHT = {
    NAME_PRIMARY: 1.0,
    NAME_DERIVED: 0.96,
    NAME_ALTERNATE: 0.93,
    NAME_STRIPPED: 0.86,
    NAME_ABBREVIATION: 0.9,
}
#: A settlement smaller than this does not match by another of its names that a region or
#: country bears ("Lombardy", an old name of Dearing, Georgia: 547 people).
FORMER_NAME_POPULATION = 5_000
#: The kinds whose name a small settlement's other name gives way to.
_WHOLE_REGION_KINDS = frozenset(("country", "admin1", "region", "continent"))

_MATCH_WORDS = {
    NAME_PRIMARY: "exact name",
    NAME_DERIVED: "name variant",
    NAME_ALTERNATE: "alternate name",
    NAME_STRIPPED: "name without article",
    NAME_ABBREVIATION: "abbreviation",
}


@lru_cache(maxsize=1)
def generic_name_words() -> frozenset[str]:
    """Return the words that say what kind of place a name names, not which (``_data/name_words.json``).

    Examples
    --------
    >>> {"heights", "mount", "al", "lake"} <= generic_name_words(), "golan" in generic_name_words()
    (True, False)
    """
    return frozenset(read_json("name_words.json")["generic"])


def distinctive_words(key: str, generic: Iterable[str] = ()) -> list[str]:
    """Return the words of a folded name that say which place it is: those not generic.

    A name made of generic words only is all distinctive. Words within one edit of one of
    ``generic`` (five letters or more) count as generic too: the generic words of a name a
    misspelling is compared with ("Golan Heigths" against "Golan Heights").

    Examples
    --------
    >>> distinctive_words("golan heights"), distinctive_words("grand island")
    (['golan'], ['grand', 'island'])
    >>> distinctive_words("golan heigths", ["heights"])
    ['golan']
    """
    from rapidfuzz.distance import OSA

    common = generic_name_words()
    near = [g for g in generic if len(g) >= 5]
    words = key.split()
    own = [
        w for w in words if w not in common and not any(OSA.distance(w, g, score_cutoff=1) <= 1 for g in near)
    ]
    return own or words


def spelling_edits_allowed(letters: int) -> int:
    """Return how many edits a spelling guess may make to a name with this many distinctive letters.

    None up to four letters ("Tanf" is not "Taif"), one up to eight ("Benghazy": Benghazi), two up
    to twelve, three beyond.

    Examples
    --------
    >>> [spelling_edits_allowed(n) for n in (4, 5, 8, 9, 13)]
    [0, 1, 1, 2, 3]
    """
    return 0 if letters <= 4 else 1 if letters <= 8 else 2 if letters <= 12 else 3


def is_spelling_guess(query_key: str, name_key_: str) -> bool:
    """Say whether a folded query may be a misspelling of a folded name.

    The generic words ("Heights", "Mount", "Al", see :func:`generic_name_words`) do not carry
    the match: the query's distinctive words may differ from the name's by at most
    :func:`spelling_edits_allowed` edits (insertions, deletions, substitutions, swaps of
    neighbouring letters) for the longer distinctive part of the two, and the whole query
    (spaces ignored) by at most one more for each generic word of five letters or more ("Sauk
    Villaeg": Sauk Village).

    Examples
    --------
    >>> is_spelling_guess("benghazy", "benghazi"), is_spelling_guess("golan heigths", "golan heights")
    (True, True)
    >>> is_spelling_guess("golan heights", "rowland heights"), is_spelling_guess("al tanf", "al taif")
    (False, False)
    >>> is_spelling_guess("mount sinjar", "mount sinai"), is_spelling_guess("saint lander", "santander")
    (False, False)
    """
    from rapidfuzz.distance import OSA

    words = name_key_.split()
    if generic_name_words().issuperset(words):  # "Grand Island": compared whole with the whole query
        own, generic, query_own = words, [], query_key.split()
    else:
        own = distinctive_words(name_key_)
        generic = [w for w in words if w not in own]
        query_own = distinctive_words(query_key, generic)
    allowed = spelling_edits_allowed(max(sum(map(len, own)), sum(map(len, query_own))))
    if OSA.distance("".join(query_own), "".join(own), score_cutoff=allowed + 1) > allowed:
        return False
    allowed += sum(len(w) >= 5 for w in generic)
    return (
        OSA.distance(query_key.replace(" ", ""), name_key_.replace(" ", ""), score_cutoff=allowed + 1)
        <= allowed
    )


def is_exact_match(candidate: Candidate) -> bool:
    """Return whether a candidate was found by its place's own name (not an alternate or variant).

    Examples
    --------
    >>> gaz = get_gazetteer()
    >>> is_exact_match(gaz.candidates("Sirte")[0]), is_exact_match(gaz.candidates("Raqqa")[0])  # Ar Raqqah
    (True, False)
    """
    return candidate.reason.startswith(_MATCH_WORDS[NAME_PRIMARY])


def is_abbreviation_match(candidate: Candidate) -> bool:
    """Return whether a candidate was found by an abbreviation of its place's name ("PA", "SK").

    Examples
    --------
    >>> gaz = get_gazetteer()
    >>> is_abbreviation_match(gaz.candidates("PA")[0]), is_abbreviation_match(gaz.candidates("Sirte")[0])
    (True, False)
    """
    return candidate.reason.startswith(_MATCH_WORDS[NAME_ABBREVIATION])


_KIND_IMPORTANCE = {
    "country": 1.0,
    "continent": 1.0,
    "region": 0.95,
    "admin1": 0.7,
    "admin2": 0.6,
    "ocean": 0.9,
    "sea": 0.72,
    "river": 0.66,
    "airbase": 0.5,
    "airport": 0.3,
    # physical features: below the countries and regions they lie in, above most villages
    "range": 0.7,
    "desert": 0.7,
    "plateau": 0.55,
    "peninsula": 0.65,
    "delta": 0.6,
    "valley": 0.5,
    "basin": 0.5,
    "island": 0.62,
    "island group": 0.62,
    "lake": 0.6,
    "lowland": 0.5,
    "geoarea": 0.55,
    "peak": 0.6,
    "pass": 0.45,
    "cape": 0.45,
    "waterfall": 0.45,
}
_LAYER_NAMES = {v: k for k, v in LAYER_CODES.items()}


def importance(kind: str, population: int) -> float:
    """Return the prior weight of a place in [0, 1], from its kind and population.

    Countries and continents weigh 1; settlements weigh ``log10(population + 1) / 7.5``
    (Paris 0.85, a village of 500 0.36), other kinds a fixed weight.

    Examples
    --------
    >>> importance("country", 0)
    1.0
    >>> round(importance("city", 2_138_551), 2)
    0.84
    """
    if kind in _KIND_IMPORTANCE:
        return _KIND_IMPORTANCE[kind]
    return min(1.0, math.log10(max(0, population) + 1) / 7.5)


def default_data_dir() -> Path:
    """Return the folder of the gazetteer artefact: ``$GEOKIT_DATA_DIR`` or the user cache folder.

    Examples
    --------
    >>> default_data_dir().name.startswith("gazetteer-v")
    True
    """
    base = os.environ.get("GEOKIT_DATA_DIR")
    if base:
        root = Path(base)
    else:
        import platformdirs

        root = Path(platformdirs.user_cache_dir("geokit"))
    return root / f"gazetteer-v{FORMAT_VERSION}"


class Gazetteer:
    """Places and their names, memory-mapped from the artefact that :func:`build_gazetteer` writes.

    Parameters
    ----------
    path : path
        The artefact folder.

    Examples
    --------
    >>> gaz = get_gazetteer()
    >>> best = gaz.lookup("Raqqah")[0]
    >>> best.place.name, best.place.country
    ('Ar Raqqah', 'SY')
    >>> gaz.lookup("Paris", country="US")[0].place.country
    'US'
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            manifest = json.loads((self.path / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DataError(f"no gazetteer artefact at {self.path}: {exc}") from exc
        if manifest.get("format") != FORMAT_VERSION:
            raise DataError(f"gazetteer artefact at {self.path} has format {manifest.get('format')}")
        self.manifest = manifest
        self._a: dict[str, np.ndarray] = {}
        try:
            for f in self.path.glob("*.npy"):
                self._a[f.stem] = np.load(f, mmap_mode="r", allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise DataError(f"damaged gazetteer artefact at {self.path}: {exc}") from exc
        # the name index is searched for every word n-gram of every text: keep it in memory
        for name in ("key_hash", "key_rec", "key_type"):
            self._a[name] = np.array(self._a[name])
        self._lat = self._a["lat"]
        self._lon = self._a["lon"]
        self._key_hash = self._a["key_hash"]
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return int(self._lat.shape[0])

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self):,} places, {self.manifest['keys']:,} names at {self.path}>"

    # -- records -------------------------------------------------------------------------------

    def _string(self, field: str, i: int) -> str:
        off = self._a[f"{field}_offsets"]
        return bytes(self._a[f"{field}_blob"][off[i] : off[i + 1]]).decode("utf-8")

    @cached_property
    def _kinds(self) -> list[str]:
        return [KINDS[k] for k in np.asarray(self._a["kind"]).tolist()]

    @cached_property
    def _populations(self) -> list[int]:
        return np.asarray(self._a["population"]).tolist()

    @cached_property
    def _countries(self) -> list[str]:
        return np.asarray(self._a["country"]).tolist()

    @cached_property
    def _importances(self) -> list[float]:
        pop = np.asarray(self._a["population"], dtype=np.float64)
        imp = np.minimum(1.0, np.log10(np.maximum(pop, 0) + 1) / 7.5)
        kinds = np.asarray(self._a["kind"])
        for kind, weight in _KIND_IMPORTANCE.items():
            imp[kinds == KINDS.index(kind)] = weight
        return imp.tolist()

    def kind_of(self, i: int) -> str:
        """Return the kind of place ``i``."""
        return self._kinds[i]

    def place(self, i: int, *, geometry: bool = True) -> Place:
        """Return place ``i`` (an index into the artefact) as a :class:`~geokit.model.Place`."""
        i = int(i)
        if geometry:
            return self._place(i)
        return self._build_place(i, False)

    @lru_cache(maxsize=100_000)  # noqa: B019 - the gazetteer lives as long as the process
    def _place(self, i: int) -> Place:
        return self._build_place(i, True)

    def _build_place(self, i: int, geometry: bool) -> Place:
        country = str(self._a["country"][i]) or None
        pop = int(self._a["population"][i])
        geom = None
        layer = int(self._a["layer"][i])
        if geometry and layer:
            from geokit.places.layers import load_layer

            geom = load_layer(_LAYER_NAMES[layer])[1][int(self._a["row"][i])]
        return Place(
            id=self._string("id", i),
            name=self._string("name", i),
            kind=self.kind_of(i),
            lat=float(self._lat[i]),
            lon=float(self._lon[i]),
            country=country,
            population=pop or None,
            extent_m=float(self._a["extent_m"][i]),
            admin1=self._string("admin1", i) or None,
            source=self._string("source", i),
            geometry=geom,
        )

    @cached_property
    def _id_index(self) -> dict[str, int]:
        off = self._a["id_offsets"]
        blob = bytes(self._a["id_blob"])
        return {blob[off[i] : off[i + 1]].decode("utf-8"): i for i in range(len(self))}

    def get(self, place_id: str) -> Place:
        """Return the place with a gazetteer id such as ``"geonames:2210554"`` or ``"icao:KSZL"``.

        Raises
        ------
        PlaceNotFoundError
            When no place has that id.
        """
        try:
            return self.place(self._id_index[place_id])
        except KeyError:
            raise PlaceNotFoundError(f"no place with id {place_id!r}") from None

    def country(self, iso: str) -> Place | None:
        """Return the country with an ISO 3166-1 alpha-2 code, or None.

        Examples
        --------
        >>> get_gazetteer().country("ly").name
        'Libya'
        """
        i = self._country_index.get(iso.upper())
        return None if i is None else self.place(i)

    def is_national_capital(self, place: Place) -> bool:
        """Return whether a place is the capital city of its country (by name, cities only).

        By name, so only a city (100,000 or more) qualifies: Washington, D.C., not Washington, Iowa.

        Examples
        --------
        >>> gaz = get_gazetteer()
        >>> [gaz.is_national_capital(gaz.candidates(n)[0].place) for n in ("Kabul", "Jalalabad")]
        [True, False]
        """
        return place.kind == "city" and (name_key(place.name), place.country or "") in self._capitals

    @cached_property
    def _capitals(self) -> frozenset[tuple[str, str]]:
        from geokit.places.build import _geonames_data_dir

        with open(_geonames_data_dir() / "countries.json", encoding="utf-8") as fh:
            countries = json.load(fh)
        return frozenset((name_key(c["capital"]), iso) for iso, c in countries.items() if c.get("capital"))

    def importance_of(self, i: int) -> float:
        """Return the prior weight of place ``i`` (see :func:`importance`)."""
        return self._importances[i]

    # -- name index ----------------------------------------------------------------------------

    def key_matches(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """Return the place indices whose names have the lookup key ``key``, and the name types."""
        h = name_hash(key)
        lo = int(self._key_hash.searchsorted(h, side="left"))
        hi = lo
        n = len(self._key_hash)
        while hi < n and self._key_hash[hi] == h:
            hi += 1
        return self._a["key_rec"][lo:hi], self._a["key_type"][lo:hi]

    def has_keys(self, hashes: np.ndarray) -> np.ndarray:
        """Return, for an array of key hashes, whether each is a name in the gazetteer (vectorised)."""
        pos = np.searchsorted(self._key_hash, hashes)
        pos = np.minimum(pos, len(self._key_hash) - 1)
        return self._key_hash[pos] == hashes

    def _json(self, name: str) -> dict:
        """Return a JSON table of the artefact, empty when it is missing or unreadable."""
        try:
            return json.loads((self.path / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    @cached_property
    def _demonyms(self) -> dict[str, str]:
        return self._json("demonyms.json")

    @cached_property
    def _area_demonyms(self) -> dict[str, int]:
        return self._json("area_demonyms.json")

    def demonyms(self) -> list[str]:
        """Return the folded demonyms of countries :meth:`demonym_country` knows.

        Examples
        --------
        >>> "libyan" in get_gazetteer().demonyms()
        True
        """
        return list(self._demonyms)

    def knows_demonym(self, word: str) -> bool:
        """Return whether ``word`` is a demonym the built gazetteer holds: a country's or an area's.

        A country's as :meth:`demonym_country` gives it ("Libyan"), a continent's or world
        region's formed by the build ("African", "Middle Eastern").

        Examples
        --------
        >>> gaz = get_gazetteer()
        >>> gaz.knows_demonym("Libyan"), gaz.knows_demonym("African"), gaz.knows_demonym("Libya")
        (True, True, False)
        """
        key = name_key(word)
        return key in self._demonyms or key in self._area_demonyms

    def demonym_country(self, word: str) -> str | None:
        """Return the ISO code of the country a demonym belongs to ("Libyan" -> "LY"), or None.

        Examples
        --------
        >>> get_gazetteer().demonym_country("Iraqi")
        'IQ'
        """
        return self._demonyms.get(name_key(word))

    @cached_property
    def _country_index(self) -> dict[str, int]:
        kinds = np.asarray(self._a["kind"])
        idx = np.flatnonzero(kinds == KINDS.index("country"))
        return {str(self._a["country"][i]): int(i) for i in idx.tolist()}

    @cached_property
    def _fuzzy_choices(self) -> list[str]:
        off = self._a["fuzzy_offsets"]
        blob = bytes(self._a["fuzzy_blob"])
        return [blob[off[i] : off[i + 1]].decode("utf-8") for i in range(len(self))]

    def _exact(self, key: str) -> dict[int, int]:
        best: dict[int, int] = {}
        for k in dict.fromkeys([key, strip_article(key)]):
            recs, types = self.key_matches(k)
            for r, t in zip(recs.tolist(), types.tolist(), strict=True):
                t = t if k == key else max(t, NAME_STRIPPED)
                if best.get(r, 99) > t:
                    best[r] = t
        return best

    def _fuzzy(self, key: str, limit: int) -> dict[int, float]:
        from rapidfuzz import fuzz, process

        with self._lock:
            choices = self._fuzzy_choices
        hits = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=85, limit=limit * 4)
        return {idx: score / 100.0 for name, score, idx in hits if is_spelling_guess(key, name)}

    # -- lookup --------------------------------------------------------------------------------

    def candidates(
        self,
        name: str,
        *,
        country: str | None = None,
        kinds: Iterable[str] | None = None,
        fuzzy: bool = True,
        limit: int = 10,
    ) -> list[Candidate]:
        """Return ranked candidates for a bare name (no comma qualifiers); see :meth:`lookup`."""
        key = name_key(name)
        if not key:
            return []
        # "Kan." written with its dot is Kansas, not Ganzhou (alternate name "Kan"), and "US" in
        # capitals the United States, not the village Us in France: a short name with a full stop,
        # or in capitals, means the places it abbreviates, when it abbreviates any
        written = name.strip()
        abbreviated = len(key) <= 5 and (written.endswith(".") or written.isupper())
        ranked = self._ranked(
            key,
            country.upper() if country else None,
            tuple(kinds) if kinds else None,
            fuzzy,
            limit,
            abbreviated,
        )
        return [Candidate(self.place(i), score, reason) for score, i, reason in ranked]

    @lru_cache(maxsize=50_000)  # noqa: B019 - the gazetteer lives as long as the process
    def _ranked(
        self,
        key: str,
        cc: str | None,
        kinds: tuple[str, ...] | None,
        fuzzy: bool,
        limit: int,
        abbreviated: bool = False,
    ) -> tuple[tuple[float, int, str], ...]:
        allowed = set(kinds) if kinds else None
        scored: dict[int, tuple[float, str]] = {}
        exact = self._exact(key)
        if abbreviated and NAME_ABBREVIATION in exact.values():
            exact = {i: t for i, t in exact.items() if t == NAME_ABBREVIATION}
        if any(self._kinds[i] in _WHOLE_REGION_KINDS and t != NAME_ABBREVIATION for i, t in exact.items()):
            # "Lombardy" is the region, not the village of Dearing, Georgia, once called so: a small
            # settlement bearing a region's or country's name only as another name does not match
            exact = {
                i: t
                for i, t in exact.items()
                if not (
                    t == NAME_ALTERNATE
                    and self._kinds[i] in SETTLEMENT_KINDS
                    and self._populations[i] < FORMER_NAME_POPULATION
                )
            }
        for i, typ in exact.items():
            scored[i] = (_MATCH_WEIGHT[typ], _MATCH_WORDS[typ])
        iso = self.demonym_country(key)
        if iso and iso in self._country_index:
            scored.setdefault(self._country_index[iso], (0.85, f"demonym of {iso}"))
        area = self._area_demonyms.get(key)
        if area is not None:
            scored.setdefault(area, (0.85, f"demonym of {self.place(area, geometry=False).name}"))
        if not scored and fuzzy and len(key) >= 4:
            for i, sim in self._fuzzy(key, limit).items():
                scored[i] = (0.8 * sim, f"fuzzy match {sim:.0%}")
        out = []
        pops = self._populations
        base_named = AIRBASE_WORDS.search(key) is not None
        for i, (w, why) in scored.items():
            kind = self._kinds[i]
            if allowed and kind not in allowed:
                continue
            if cc and self._countries[i] != cc:
                continue
            imp = self._importances[i]
            score = w * (0.4 + 0.6 * imp)
            pop = pops[i]
            reason = f"{why}; {kind}" + (f", population {pop:,}" if pop else "") + f"; prior {imp:.2f}"
            if kind == "airbase" and base_named:
                score += 0.05  # "Whiteman Air Force Base": the base, not the census place named after it
                reason += "; named as a base"
            if cc:
                reason += f"; in {cc} as asked"
            out.append((score, i, reason))
        out.sort(key=lambda t: (-t[0], -pops[t[1]], t[1]))
        return tuple(out[:limit])

    def lookup(
        self,
        query: str,
        *,
        country: str | None = None,
        kinds: Iterable[str] | None = None,
        fuzzy: bool = True,
        limit: int = 10,
    ) -> list[Candidate]:
        """Return the places a name may mean, best first, each with its score and the reason.

        Matching ignores case and accents, knows alternate names and transliterations, expands
        abbreviations (AFB, Intl, St.), understands qualified names ("Sirte, Libya",
        "Whiteman Air Force Base, Missouri": the qualifiers must contain the place), and falls
        back to the shorter name a name is built on ("eastern Mosul"), then to a spelling guess
        (:func:`is_spelling_guess`: "Benghazy" for Benghazi, not "Golan Heights" for Rowland
        Heights) when no name matches exactly. Those candidates' ``match`` is ``approximate``.

        Parameters
        ----------
        query : str
            A place name, optionally followed by comma-separated qualifiers.
        country : str, optional
            ISO 3166-1 alpha-2 code: keep only places in that country.
        kinds : iterable of str, optional
            Keep only these kinds (``city``, ``country``, ``admin1``, ``river``, ``airbase``...).
        fuzzy : bool
            Try spelling guesses when nothing matches exactly.
        limit : int
            Most candidates returned.

        Returns
        -------
        list of Candidate
            Empty when nothing matches.

        Raises
        ------
        InputError
            When the query is empty or longer than :data:`MAX_QUERY_LENGTH`.

        Examples
        --------
        >>> gaz = get_gazetteer()
        >>> [c.place.id for c in gaz.lookup("Raqqa")[:1]] == [c.place.id for c in gaz.lookup("الرقة")[:1]]
        True
        >>> gaz.lookup("Whiteman Air Force Base, Missouri")[0].place.country
        'US'
        >>> gaz.lookup("Atlantisvillezzz")
        []
        """
        if not isinstance(query, str):
            raise InputError(f"a place name must be text, not {type(query).__name__}")
        if len(query) > MAX_QUERY_LENGTH:
            raise InputError(f"place name too long ({len(query):,} characters; at most {MAX_QUERY_LENGTH})")
        if not fold(query):
            raise InputError("empty place name")
        name, qualifiers = split_qualified(fold_controls(query))
        cands = self.candidates(name, country=country, kinds=kinds, fuzzy=False, limit=max(limit, 50))
        if not cands:
            cands = self._approximate(name, country=country, kinds=kinds, limit=max(limit, 50))
        if not cands and fuzzy:
            cands = self.candidates(name, country=country, kinds=kinds, fuzzy=True, limit=max(limit, 50))
        if qualifiers and cands:
            cands = self._apply_qualifiers(cands, qualifiers)
        elif qualifiers and not cands:
            # "Name, Region" unknown as a whole: the region alone is better than nothing.
            return []
        return cands[:limit]

    def _approximate(
        self, name: str, *, country: str | None, kinds: Iterable[str] | None, limit: int
    ) -> list[Candidate]:
        """Return the candidates of the shorter name a name is built on ("eastern Mosul": Mosul).

        After a region word ("Idlib province", "Odesa Oblast") the regions come first.
        """
        for short, why in approximations(name):
            found = self.candidates(short, country=country, kinds=kinds, fuzzy=False, limit=limit)
            if found:
                if _REGION_WORD_TAIL.search(name):
                    found.sort(key=lambda c: c.place.kind not in ("admin1", "admin2"))
                return [Candidate(c.place, 0.8 * c.score, f"{why}; {c.reason}") for c in found]
        return []

    def _apply_qualifiers(self, cands: list[Candidate], qualifiers: Sequence[str]) -> list[Candidate]:
        from geokit.places.context import contains

        regions = []
        for q in qualifiers:
            rc = self.candidates(q, kinds=("country", "admin1", "continent"), fuzzy=False, limit=5)
            if rc:
                regions.append((q, [c.place for c in rc]))
        if not regions:
            return cands
        out = []
        for c in cands:
            held = [q for q, places in regions if any(contains(p, c.place) for p in places)]
            if held:
                bonus = 1.0 + 0.25 * len(held)
                reason = f"{c.reason}; inside {', '.join(held)}"
            else:
                bonus = 0.6
                reason = f"{c.reason}; not inside {', '.join(q for q, _ in regions)}"
            out.append(Candidate(c.place, min(1.0, c.score * bonus), reason))
        out.sort(key=lambda c: -c.score)
        return out

    # -- read-only columns (for maps and tables) -----------------------------------------------

    #: The per-place columns :meth:`columns` reads (``kind``: codes into :data:`KINDS`).
    PLACE_COLUMNS: tuple[str, ...] = ("lat", "lon", "kind", "population", "extent_m", "country")

    def columns(self, *names: str) -> tuple[np.ndarray, ...]:
        """Return whole per-place columns as read-only numpy arrays (row ``i`` is place ``i``).

        Parameters
        ----------
        *names : str
            Names from :attr:`PLACE_COLUMNS`, in the order wanted.

        Raises
        ------
        InputError
            For a name that is not a per-place column.

        Examples
        --------
        >>> gaz = get_gazetteer()
        >>> lat, kind = gaz.columns("lat", "kind")
        >>> len(lat) == len(gaz), lat.flags.writeable, KINDS[int(kind[0])] in KINDS
        (True, False, True)
        """
        out = []
        for name in names:
            if name not in self.PLACE_COLUMNS:
                raise InputError(f"no gazetteer column {name!r}; one of {', '.join(self.PLACE_COLUMNS)}")
            view = self._a[name].view()
            view.flags.writeable = False
            out.append(view)
        return tuple(out)

    def name_of(self, i: int) -> str:
        """Return the name of place ``i`` (a row of :meth:`columns`) without building the place.

        Examples
        --------
        >>> gaz = get_gazetteer()
        >>> gaz.name_of(1234) == gaz.place(1234, geometry=False).name
        True
        """
        return self._string("name", int(i))


def fold_controls(text: str) -> str:
    r"""Remove control characters from a query.

    Examples
    --------
    >>> fold_controls("Sir\x01te\x7f")
    'Sirte'
    """
    return "".join(ch for ch in text if ch.isprintable() or ch == " ")


_GAZETTEER: Gazetteer | None = None
_GAZETTEER_LOCK = threading.Lock()


def get_gazetteer(path: str | os.PathLike[str] | None = None) -> Gazetteer:
    """Return the shared gazetteer, loading it on first use and building it if it is missing.

    Parameters
    ----------
    path : path, optional
        An artefact folder; default :func:`default_data_dir`.
    """
    global _GAZETTEER
    if path is not None:
        return Gazetteer(path)
    with _GAZETTEER_LOCK:
        if _GAZETTEER is None:
            target = default_data_dir()
            if not (target / "manifest.json").exists():
                print(f"geokit: building the offline gazetteer into {target} (once)", file=sys.stderr)
                try:
                    build_gazetteer(target, progress=True)
                except (OSError, ValueError, KeyError) as exc:
                    raise DataError(f"could not build the gazetteer into {target}: {exc}") from exc
            _GAZETTEER = Gazetteer(target)
        return _GAZETTEER
