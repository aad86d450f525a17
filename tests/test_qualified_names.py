"""A country or state qualifier, after a comma or in brackets, makes a name a place and settles which."""

import pytest

from geokit.model import Document
from geokit.places.mentions import RawMention, find_mentions, link_qualifiers
from geokit.places.resolve import resolve_document


def places(text, gaz):
    return {m.text: m.place for m in resolve_document(Document("d", text), gaz)}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Reading (United Kingdom) is some 30 km west of the camp.", "Reading", "GB"),
        ("Hope (Canada) lies 30 km west of the camp.", "Hope", "CA"),
        ("The camp is 30 km north of Hope, Canada.", "Hope", "CA"),
        ("Mobile, United States is 20 miles south of the camp.", "Mobile", "US"),
        ("Mobile (United States) is 20 miles south of the camp.", "Mobile", "US"),
        ("The camp lies 12 km east of Aurora (United States).", "Aurora", "US"),
    ],
)
def test_a_qualified_common_word_is_a_place(gaz, text, name, country):
    got = places(text, gaz)
    assert got[name] is not None and got[name].country == country
    assert got[name].kind in ("city", "town", "village")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Florence (Italy) is 30 km from the camp.", "Florence", "IT"),
        ("Victoria (Canada) is 30 km east of the camp.", "Victoria", "CA"),
        ("London (Canada) is 10 km east of the camp.", "London", "CA"),
        ("Birmingham (United States) is 10 km east of the camp.", "Birmingham", "US"),
        ("Columbus (Ga.) is 10 km east of the camp.", "Columbus", "US"),
    ],
)
def test_a_bracketed_qualifier_settles_the_namesake(gaz, text, name, country):
    assert places(text, gaz)[name].country == country


@pytest.mark.parametrize("template", ["{} is 10 km east of the camp.", "The camp is 10 km west of {}."])
def test_comma_and_bracket_qualify_alike(gaz, template):
    comma = places(template.format("London, Canada"), gaz)["London"]
    bracket = places(template.format("London (Canada)"), gaz)["London"]
    assert comma.id == bracket.id and comma.country == "CA"


def test_a_common_word_without_a_qualifier_is_still_no_place(gaz):
    assert [m.text for m in find_mentions("Hope (and a little luck) kept them going.", gaz)] == []
    assert "Hope" not in places("Rain fell. They kept Hope (Reuters) alive in Canada.", gaz)


def test_a_bracket_that_holds_more_than_the_qualifier_links_nothing():
    text = "Hope (Canada, 2020) and Hope (Canada)"
    raw = [
        RawMention(text.index(w, a), text.index(w, a) + len(w), w, "")
        for w, a in (("Hope", 0), ("Canada", 0), ("Hope", 10), ("Canada", 30))
    ]
    link_qualifiers(raw, text)
    assert [m.qualifier is not None for m in raw] == [False, False, True, False]


def test_given_spans_take_a_bracketed_qualifier(gaz):
    text = "Victoria (Canada) is 30 km east of the camp."
    spans = [(0, 8), (10, 16)]
    victoria, canada = resolve_document(Document("d", text, spans=spans), gaz)
    assert victoria.place.country == "CA" and canada.place.kind == "country"


@pytest.mark.slow
def test_a_city_of_millions_by_its_own_name_beats_a_capital_by_another(gaz):
    # Every settlement of a million or more, named alone, is a place of that very name: a national
    # capital found by one of its alternate (former, foreign) names takes no capital bonus over it.
    ids = [
        i for i in range(len(gaz)) if gaz.kind_of(i) in ("city", "town") and gaz._populations[i] >= 1_000_000
    ]
    wrong = []
    for name in sorted({gaz.place(i, geometry=False).name for i in ids}):
        got = resolve_document(Document("d", f"The camp is 40 km east of {name}."), gaz)
        if not got or got[0].place is None or got[0].place.name != name:
            wrong.append((name, got[0].place.name if got and got[0].place else None))
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # not the village of Nevada, Missouri, nor that of Vermont, Illinois
        ("Storms hit Nevada, Missouri and Kansas.", ["Nevada", "Missouri", "Kansas"]),
        ("Storms hit Vermont, Illinois and Ohio.", ["Vermont", "Illinois", "Ohio"]),
        ("Leaders of France, Germany, and Italy met.", ["France", "Germany", "Italy"]),
    ],
)
def test_given_spans_read_a_list_of_places_as_a_list(gaz, text, names):
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    for given in (Document("d", text, spans=spans), Document("d", text)):  # as when finding them
        mentions = resolve_document(given, gaz)
        assert [m.text for m in mentions] == names
        assert all(m.place.kind in ("country", "admin1") for m in mentions)


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [("He lives in Lebanon, Ohio.", "Lebanon", "OH"), ("She grew up in Jordan, Minnesota.", "Jordan", "MN")],
)
def test_a_country_named_before_a_state_is_the_town_the_state_holds(gaz, text, name, state):
    # a country is no peer of a state: "Lebanon, Ohio" is no list
    spans = [
        (text.index(name), text.index(name) + len(name)),
        (text.index(name) + len(name) + 2, len(text) - 1),
    ]
    for given in (Document("d", text, spans=spans), Document("d", text)):
        place = {m.text: m.place for m in resolve_document(given, gaz)}[name]
        assert (place.kind, place.admin1) in {("town", state), ("village", state), ("city", state)}


def _spans(text, names):
    out, at = [], 0
    for n in names:
        at = text.index(n, at)
        out.append((at, at + len(n)))
        at += len(n)
    return out


@pytest.mark.parametrize(
    ("text", "names", "country"),
    [
        # Georgia is also a country, Washington also the capital: in a list of states, states
        ("Storms hit Georgia, Florida and Alabama on Monday.", ["Georgia", "Florida", "Alabama"], "US"),
        ("Fires burn in Washington, Oregon and Idaho.", ["Washington", "Oregon", "Idaho"], "US"),
        ("Fires burn in Washington, Oregon, and Idaho.", ["Washington", "Oregon", "Idaho"], "US"),
    ],
)
def test_an_ambiguous_member_of_a_list_takes_its_peers_reading(gaz, text, names, country):
    for given in (Document("d", text, spans=_spans(text, names)), Document("d", text)):
        mentions = resolve_document(given, gaz)
        assert [m.text for m in mentions] == names
        assert [(m.place.kind, m.place.country) for m in mentions] == [("admin1", country)] * len(names)


def test_a_list_of_countries_keeps_a_country_named_like_a_state(gaz):
    got = places("Talks between Georgia, Armenia and Azerbaijan resumed.", gaz)
    assert got["Georgia"].kind == "country" and got["Georgia"].country == "GE"


def test_a_region_the_qualifying_state_does_not_hold_is_left_unresolved(gaz):
    # "Georgia, Vermont" is a town in Vermont (one the gazetteer lacks): not the country
    text = "He lives in Georgia, Vermont."
    for given in (Document("d", text, spans=_spans(text, ["Georgia", "Vermont"])), Document("d", text)):
        got = {m.text: m for m in resolve_document(given, gaz)}
        assert got["Georgia"].place is None and "Vermont" in got["Georgia"].reason
        assert got["Georgia"].candidates  # kept for a reader
        assert (got["Vermont"].place.kind, got["Vermont"].place.country) == ("admin1", "US")


def test_a_state_qualifying_a_place_it_holds_still_qualifies(gaz):
    got = places("Georgia, USA and Mexico signed it.", gaz)
    assert (got["Georgia"].kind, got["Georgia"].country) == ("admin1", "US")


@pytest.mark.parametrize(
    ("text", "qualified"),
    [
        ("In Lyon, US tourists were stopped.", []),
        ("In Lyon, UK officials met.", []),
        ("In Lyon, US, the tourists were stopped.", ["Lyon"]),
        ("Flights between Lyon, US and UK cities resumed.", ["Lyon"]),
        ("In Dayton, OH police met.", ["Dayton"]),  # a state's code keeps qualifying
    ],
)
def test_a_country_abbreviation_modifying_a_noun_is_no_qualifier(gaz, text, qualified):
    assert [m.text for m in find_mentions(text, gaz) if m.qualifier] == qualified


def test_a_city_is_not_a_small_namesake_found_by_another_name_for_a_modifier(gaz):
    got = places("In Lyon, US tourists were stopped.", gaz)
    assert got["Lyon"].country == "FR" and got["Lyon"].kind == "city"
