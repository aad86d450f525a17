"""Recognising place mentions in news text (#20 item 5, #22): what is a place's name, and how much of it."""

import pytest

from geokit.places.gazetteer import get_gazetteer
from geokit.places.mentions import find_mentions, is_demonym


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def names(text, gaz):
    return [m.text for m in find_mentions(text, gaz)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title before a name is no state's abbreviation ("Ms." is not Mississippi, "Col." not Colorado)
        ("Ms. Smith spoke to reporters in Ohio.", ["Ohio"]),
        ("Col. Lee and Ms Jones met in Denver.", ["Denver"]),
        ("He moved to Jackson, Ms.", ["Jackson", "Ms."]),  # alone, after a comma, it is the state
        # a currency is no place
        ("The deal is worth US$5 billion, officials in Kenya said.", ["Kenya"]),
        ("It cost HK$ 20 and US$ 3.", []),
    ],
)
def test_honorifics_and_currencies_are_not_places(gaz, text, expected):
    assert names(text, gaz) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cases of Lyme disease rose in Connecticut.", ["Connecticut"]),
        ("West Nile virus was found in mosquitoes in Texas.", ["Texas"]),
        ("Doctors warned of Middle East respiratory syndrome in Saudi Arabia.", ["Saudi Arabia"]),
        ("A Lyme man was arrested.", ["Lyme"]),  # the town itself
    ],
)
def test_a_disease_named_after_a_place_is_not_the_place(gaz, text, expected):
    assert names(text, gaz) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a function word opening the sentence is no part of the name
        ("A Dayton man was arrested Tuesday.", ["Dayton"]),
        ("The Springfield plant closed.", ["Springfield"]),
        ("BANTAM — A Danbury mason was charged.", ["BANTAM", "Danbury"]),
        ("The Venice Commission said so.", []),  # the name is the commission's
        ("The Hague and The Gambia signed.", ["The Hague", "The Gambia"]),  # the article of the name
        # nor a word and a connector after it
        ("Climbers on Mount Kenya and Mt. Kenya were rescued.", ["Mount Kenya", "Mt. Kenya"]),
        # a local body keeps its place's name
        ("He was arrested by Dayton Police on Friday.", ["Dayton"]),
        ("Dayton Police said the suspect fled.", ["Dayton"]),
        ("Ask the Akron Public Schools board.", ["Akron"]),
        ("Peter Cook spoke.", []),
    ],
)
def test_a_place_keeps_its_name_beside_other_words(gaz, text, expected):
    assert names(text, gaz) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was born in Morgantown, W.Va., in 1960.", ["Morgantown", "W.Va."]),
        ("He lives in Charleston, W. Va. now.", ["Charleston", "W. Va."]),
        ("Go 45 km W of Sirte.", ["Sirte"]),  # a heading still is none
        ("The People's Republic of China protested.", ["People's Republic of China"]),
    ],
)
def test_a_span_keeps_the_whole_name(gaz, text, expected):
    assert names(text, gaz) == expected


def test_a_span_of_two_dots_names_the_whole_state(gaz):
    (_, wva) = find_mentions("He was born in Morgantown, W.Va., in 1960.", gaz)
    assert wva.key == "w va"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France-US talks ended in Paris.", ["France", "US", "Paris"]),
        ("The Russia-Ukraine war went on.", ["Russia", "Ukraine"]),
        (
            "A France-Germany-Italy summit and Russia-Ukraine talks opened.",
            ["France", "Germany", "Italy", "Russia", "Ukraine"],
        ),
        # a hyphenated name stays whole, with its neighbours too
        (
            "He flew to Guinea-Bissau, Winston-Salem and Dallas-Fort Worth.",
            ["Guinea-Bissau", "Winston-Salem", "Dallas-Fort Worth"],
        ),
        # a pair with a minor part is no pair of places
        ("Middlesex-London EMS reminded residents.", []),
    ],
)
def test_a_hyphen_between_major_places_pairs_them(gaz, text, expected):
    assert names(text, gaz) == expected


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("Leaders of France, Germany, and Italy met.", []),
        ("Floods hit Ohio, Indiana and Kentucky.", []),
        ("She lives in Georgia, USA.", ["Georgia"]),  # a state of the US
        ("Talks in Washington, D.C., and New York.", ["Washington"]),
        ("He went to Atlanta, Georgia, and Nashville.", ["Atlanta"]),
        ("Floods hit Punjab, Pakistan.", ["Punjab"]),
    ],
)
def test_a_list_of_places_is_a_list_not_a_qualified_name(gaz, text, linked):
    assert [m.text for m in find_mentions(text, gaz) if m.qualifier] == linked


@pytest.mark.parametrize(
    "text",
    [
        "DAYTON -- A man was shot Tuesday.",
        "DAYTON--A man was shot Tuesday.",
        "DAYTON — A man was shot Tuesday.",
        "DAYTON The city council met Tuesday.",
    ],
)
def test_an_all_caps_dateline_is_read(gaz, text):
    assert names(text, gaz)[0] == "DAYTON"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Residents of Franklin, Delaware and Licking counties were warned.",
            [("Franklin", "franklin county"), ("Delaware", "delaware county"), ("Licking", "licking county")],
        ),
        (
            "Orleans and Jefferson parishes flooded.",
            [("Orleans", "orleans parish"), ("Jefferson", "jefferson parish")],
        ),
        ("He visited 12 counties in Ohio.", [("Ohio", "ohio")]),
    ],
)
def test_names_before_a_plural_division_word_are_divisions(gaz, text, expected):
    found = find_mentions(text, gaz)
    assert [(m.text, m.key) for m in found] == expected
    assert all(m.qualifier is None for m in found)


def test_an_abbreviation_defined_in_brackets_names_the_place_afterwards(gaz):
    text = "Rebels in the Central African Republic (CAR) fled. The CAR government and CARE said so."
    found = find_mentions(text, gaz)
    assert [m.text for m in found] == ["Central African Republic", "CAR", "CAR"]
    assert {m.key for m in found} == {"central african republic"}
    assert found[0].qualifier is None  # its abbreviation, not its qualifier


def test_an_abbreviation_that_is_not_the_names_initials_is_not_taught(gaz):
    assert names("Troops in Mali (MINUSMA) left. MINUSMA said so.", gaz) == ["Mali"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Columbia lies 30 km north of the camp.", ["Columbia"]),
        ("Reading sits about 60 km west of London.", ["Reading", "London"]),
        ("Qadirpur Ran sits 20 km from Multan.", ["Qadirpur Ran", "Multan"]),
        ("Columbia lies just north of the camp.", ["Columbia"]),
        ("Hope lies in the future.", []),  # no distance, no direction: a word
        ("Hope lies about his age.", []),  # an approximator places only before a distance
    ],
)
def test_a_sentence_opening_name_placed_by_its_verb_is_a_place(gaz, text, expected):
    assert names(text, gaz) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Kurdish", True), ("Texans", True), ("New Zealander", True), ("Sri Lankan", True), ("New", False)],
)
def test_demonyms_come_from_the_gazetteer_and_the_data_list(gaz, word, expected):
    assert is_demonym(word, gaz) is expected


@pytest.mark.parametrize("word", ["African", "Europeans", "Scandinavian", "Palestinian", "Saudis"])
def test_the_gazetteer_s_demonyms_of_areas_and_extras_are_demonyms(gaz, word):
    assert is_demonym(word, gaz)


def test_demonyms_countryinfo_lacks_are_kept_in_one_file_without_twins(gaz):
    from geokit.places.mentions import DEMONYMS
    from geokit.places.sources.demonyms import DEMONYM_EXTRAS
    from geokit.resources import word_lists

    one = word_lists("demonyms.json")
    assert frozenset(one["others"]) == DEMONYMS
    assert one["countries"] == DEMONYM_EXTRAS
    assert "demonyms" not in word_lists("mention_words.json")
    # no word the built gazetteer holds already, and none listed twice
    assert sorted(w for w in DEMONYMS if gaz.knows_demonym(w)) == []
    assert len(one["others"]) == len(DEMONYMS)
    assert gaz.demonym_country("Palestinian") == "PS" and gaz.demonym_country("Saudi") == "SA"  # built in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighters of the Islamic State of Iraq and the Levant attacked Mosul in Iraq.", ["Mosul", "Iraq"]),
        ("The Kurdistan Workers’ Party fought in Turkey.", ["Turkey"]),
        ("AQAP, al-Qaeda in the Arabian Peninsula, is based in Yemen.", ["Yemen"]),
        (
            "The Palestine Liberation Organization met in Tunis; Palestine was not named.",
            ["Tunis", "Palestine"],
        ),
    ],
)
def test_an_organisation_holding_a_place_name_is_no_place(gaz, text, expected):
    assert names(text, gaz) == expected


def test_a_list_before_a_division_word_resolves_to_those_divisions():
    from geokit.model import Document
    from geokit.places.resolve import resolve_document

    text = "Deputies from Franklin, Delaware and Licking counties responded to the crash near Columbus, Ohio."
    found = {m.text: m.place for m in resolve_document(Document("d", text))}
    assert [(found[n].name, found[n].kind) for n in ("Franklin", "Delaware", "Licking")] == [
        ("Franklin County", "admin2"),
        ("Delaware County", "admin2"),
        ("Licking County", "admin2"),
    ]
