"""Choosing among candidates from the document's context."""

import pytest

from geokit.model import Document
from geokit.places.gazetteer import get_gazetteer
from geokit.places.mentions import RawMention
from geokit.places.resolve import resolve_document


def places(text, gaz):
    return {m.text: m.place for m in resolve_document(Document("d", text), gaz)}


def test_a_state_among_states_is_the_state(gaz):
    text = "The chain is closing stores in Florida, Kentucky, Tennessee and Delaware this year."
    got = places(text, gaz)
    assert got["Delaware"].kind == "admin1" and got["Florida"].kind == "admin1"


def test_a_country_keeps_its_name_against_its_own_region(gaz):
    text = "Storms hit Oaxaca and Chiapas, and Mexico declared an emergency; Mexico City was spared."
    assert places(text, gaz)["Mexico"].kind == "country"


def test_counties_named_in_full_are_counties(gaz):
    text = "Deputies in Metcalfe County, Kentucky, and Adair County arrested two men."
    got = places(text, gaz)
    assert got["Metcalfe County"].kind == "admin2" and got["Metcalfe County"].admin1 == "KY"
    assert got["Adair County"].admin1 == "KY"  # the Adair County next to it, of the four


def test_given_spans_fall_back_to_a_well_known_place_inside_them(gaz):
    text = "The Dubai World Cup was held on Saturday, and the Oval Office stayed quiet."
    spans = [(text.index("Dubai World Cup"), text.index("Dubai World Cup") + 15)]
    spans.append((text.index("Oval Office"), text.index("Oval Office") + 11))
    dubai, oval = resolve_document(Document("d", text, spans=spans), gaz)
    assert dubai.place.country == "AE" and "approximate: Dubai in Dubai World Cup" in dubai.reason
    assert oval.place is None  # "Office" names only small places


def test_a_nation_is_not_its_namesake_village(gaz):
    text = "Rail strikes spread from England to Wales and Scotland on Monday."
    got = places(text, gaz)
    assert got["Wales"].kind == "admin1" and got["Wales"].id == "iso3166-2:GB-WLS"


def test_only_a_city_takes_the_capital_bonus(gaz):
    text = "WASHINGTON - Officials in Iowa and Nebraska met on Tuesday."
    got = places(text, gaz)
    assert got["WASHINGTON"].population > 500_000  # Washington, D.C., not Washington, Iowa


def test_the_ocean_beats_a_namesake_village(gaz):
    text = "Farmers in Iowa watched the storm cross the Atlantic toward Europe."
    assert places(text, gaz)["Atlantic"].kind == "ocean"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Fighting near Tikrit and Baiji continued.", ["Tikrit", "Baiji"]),
        ("They moved between Sabratha and Zawiya.", ["Sabratha", "Zawiya"]),
        ("The Bank of England and Sirte officials met.", ["England", "Sirte"]),
        ("Trinidad and Tobago and Sirte signed.", ["Trinidad and Tobago", "Sirte"]),
        # a number and a unit between connectors end the proper name: "Bank of 45 km and ..."
        ("He walked from the Bank of 45 kilometres and Sirte police saw him.", ["Sirte"]),
    ],
)
def test_places_joined_by_and_are_each_found(gaz, text, names):
    assert list(places(text, gaz)) == names


def test_given_spans_take_the_best_known_inner_name(gaz):
    text = "The Bank of England and the Federal University of Technology in Minna."
    spans = [
        (text.index(n), text.index(n) + len(n))
        for n in ("Bank of England", "Federal University of Technology")
    ]
    bank, university = resolve_document(Document("d", text, spans=spans), gaz)
    assert bank.place.name == "England"  # not "Bank", a town
    assert university.place is None  # "University" is a common word, not the town in Florida


def test_a_modified_demonym_is_not_the_bare_one(gaz):
    text = "Central American migrants met North American officials."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Central American", "North American")]
    central, north = resolve_document(Document("d", text, spans=spans), gaz)
    assert central.place is None  # not the United States
    assert north.place.name == "North America"


def test_a_city_named_elsewhere_does_not_argue_for_the_state_of_its_name(gaz):
    text = "Police in New York City said the suspect fled New York on Monday."
    got = [m for m in resolve_document(Document("d", text), gaz) if m.text == "New York"]
    assert got[0].place.kind == "city"  # not the State of New York "containing New York City"


def test_arabic_endings_spelled_either_way(gaz):
    got = places("Houthi forces advanced in Marib and Shabwa, Yemen.", gaz)
    assert got["Shabwa"].kind == "admin1" and got["Shabwa"].country == "YE"  # Shabwah


@pytest.mark.parametrize(
    ("text", "state"), [("He is from Paris, Idaho.", "ID"), ("A Paris, Missouri, man.", "MO")]
)
def test_a_qualifier_finds_a_small_namesake_far_down_the_list(gaz, text, state):
    paris = resolve_document(Document("d", text), gaz)[0]
    assert paris.place.admin1 == state and paris.place.population < 2_000  # not among the first dozen
    assert len(paris.candidates) <= 12


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("KANSAS CITY, Kan. - Police said.", "KS"),
        ("KANSAS CITY, Mo. - Police said.", "MO"),
        ("COLUMBIA, Mo. - The crash happened 10 miles east of Columbia.", "MO"),  # not Columbia, Illinois
    ],
)
def test_a_state_qualifier_picks_the_namesake_in_that_state(gaz, text, state):
    first = resolve_document(Document("d", text), gaz)[0]
    assert first.place.admin1 == state and first.place.kind == "city"


def test_a_common_word_named_with_its_state_or_after_a_direction_is_a_place(gaz):
    got = [
        m.text
        for m in resolve_document(Document("d", "COLUMBIA, Mo. - It was 10 miles east of Columbia."), gaz)
    ]
    assert got == ["COLUMBIA", "Mo.", "Columbia"]  # "columbia" is a common word (Zipf 4.4)


@pytest.mark.parametrize(
    ("text", "name"),
    [("KYIV, Ukraine (AP) - Drones struck.", "KYIV"), ("DOHA (Reuters) - Talks resumed.", "DOHA")],
)
def test_a_short_capitalised_dateline_is_a_place_not_an_acronym(gaz, text, name):
    first = resolve_document(Document("d", text), gaz)[0]
    assert first.text == name and first.place.kind == "city"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Fighting in Idlib province.", "admin1"),
        ("Protests in Idlib city.", "city"),
        ("Drones hit the Kharkiv region.", "admin1"),
    ],
)
def test_a_word_after_the_name_says_region_or_city(gaz, text, kind):
    assert resolve_document(Document("d", text), gaz)[0].place.kind == kind


def test_korea_alone_is_south_korea(gaz):
    found = places("Rain forced Korea's baseball league to postpone three games.", gaz)
    assert found["Korea"].country == "KR"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Russian forces shelled the city of Kherson overnight; Kherson lost power.", "town"),
        ("Fighting spread across the province of Idlib.", "admin1"),
    ],
)
def test_a_word_before_the_name_says_region_or_city(gaz, text, kind):
    name = "Kherson" if "Kherson" in text else "Idlib"
    assert places(text, gaz)[name].kind == kind


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("An air strike hit a house in Deir al-Balah, medics said.", "Deir al-Balah", "PS"),
        ("Rebels shelled Jisr al-Shughur overnight.", "Jisr al-Shughur", "SY"),
        ("Forces retook Hawija from the militants.", "Hawija", "IQ"),
    ],
)
def test_arabic_names_as_news_spells_them(gaz, text, name, country):
    assert places(text, gaz)[name].country == country


def test_a_derived_spelling_of_a_city_is_no_footballer(gaz):
    assert "Salah" not in places("Mohamed Salah scored twice. Salah said he was happy.", gaz)


def test_the_democratic_republic_of_congo_without_its_article(gaz):
    found = places("M23 rebels advanced in the Democratic Republic of Congo.", gaz)
    assert found["Democratic Republic of Congo"].country == "CD"


def test_a_river_of_the_documents_country(gaz):
    text = "Flood warnings remain along the River Severn, police in Oldham and Rochdale, England, said."
    assert places(text, gaz)["River Severn"].country == "GB"


@pytest.mark.parametrize(
    ("text", "country", "kind"),
    [
        ("The company has offices in Atlanta, Georgia.", "US", "admin1"),
        ("He was born in Athens, Georgia, and moved to Paris, Texas.", "US", "admin1"),
        ("Protesters gathered in Tbilisi, Georgia, on Sunday.", "GE", "country"),
        ("The summit in Batumi, Georgia ended.", "GE", "country"),
    ],
)
def test_a_qualifier_is_the_namesake_that_holds_the_place_it_qualifies(gaz, text, country, kind):
    got = places(text, gaz)["Georgia"]
    assert (got.country, got.kind) == (country, kind)


def test_a_list_of_cities_is_no_qualification(gaz):
    got = places("After stops in Washington, New York and Boston, the prince flew home.", gaz)
    assert got["New York"].name == "New York City" and got["Washington"].country == "US"


def test_a_demonym_argues_for_its_country():
    text = "NEWARK, N.J. (AP) - A {}woman who wanted to fly from Newark to Paris ended up in San Francisco."
    found = resolve_document(Document("d", text.format("French ")), get_gazetteer())
    paris = next(m for m in found if m.text == "Paris")
    # the demonym is a fifth of the votes of the other mentions and demonyms
    assert paris.place.country == "FR" and "in FR, 20% of the document's places and demonyms" in paris.reason


def test_a_demonym_inside_a_place_name_is_not_counted_again(gaz):
    from geokit.places.resolve import Resolver

    text = "They met in the French Quarter of New Orleans."
    quarter = [RawMention(16, 30, "French Quarter", "french quarter")]
    assert Resolver(gaz)._demonym_countries(text, quarter) == {}
    assert Resolver(gaz)._demonym_countries(text + " A French chef cooked.", quarter) == {"FR": 1}
    assert Resolver(gaz)._demonym_countries("Frenchman and SuperAmerican", []) == {}


def test_a_distance_is_measured_from_the_city_not_its_region(gaz):
    text = "Russian forces pressed toward Pokrovsk, a logistics hub some 60 km northwest of Donetsk."
    got = places(text, gaz)["Donetsk"]
    assert (got.kind, got.country) == ("city", "UA")


def test_a_demonym_naming_who_acts_says_nothing_of_where(gaz):
    from geokit.places.resolve import Resolver

    resolver = Resolver(gaz)
    assert resolver._demonym_countries("Russian forces and Israeli air strikes hit targets.", []) == {}
    assert resolver._demonym_countries("A Russian-backed militia and a Russian tanker.", []) == {"RU": 1}


def test_a_border_named_by_a_region_makes_it_the_region(gaz):
    text = "Tesla will build a factory in Monterrey, Mexico, about 230 km south of the Texas border."
    got = places(text, gaz)["Texas"]
    assert (got.kind, got.country) == ("admin1", "US")  # not Texas, a Mexican village of 993


def test_a_small_place_far_from_everything_in_a_country_named_nowhere_else_is_left_unresolved(gaz):
    text = (
        "A boy was stabbed in Croydon, south London, on Friday. The attack happened half a mile north "
        "of West Croydon station. He was taken to hospital in Tooting."
    )
    got = {m.text: m for m in resolve_document(Document("d", text), gaz)}
    stray = got["West Croydon"]
    assert stray.place is None and "no candidate fits the document" in stray.reason
    assert stray.candidates and stray.candidates[0].place.country == "AU"  # kept, as the alternative
    assert got["Tooting"].place.country == "GB"


@pytest.mark.parametrize(
    "text",
    [
        "The epicentre was 24 km west-northwest of the town of Kaikoura.",  # called a town
        "Crowds in London, Leeds and Paris watched. Quakes shook Kaikoura, New Zealand.",  # its country
    ],
)
def test_a_far_place_the_text_calls_a_settlement_or_qualifies_is_kept(gaz, text):
    assert places(text, gaz)["Kaikoura"].country == "NZ"


def test_a_city_named_by_another_of_its_names_far_from_everything_is_a_stray(gaz):
    got = places("Police from Mokowe, Garissa and Malindi responded to an attack in the Boni forest.", gaz)
    assert got["Boni"] is None and got["Malindi"].country == "KE"  # not Bonn


@pytest.mark.parametrize(
    "text",
    [
        # its country named by a demonym
        "Houthis targeted a ship west of Hodeidah, near Eritrea and Sudan; the Yemeni port was shut. "
        "Djibouti and Egypt protested.",
        # no settlement named: measured from the sea's and countries' points
        "Houthis targeted a ship in the Red Sea west of Hodeidah, near Eritrea and Sudan. Egypt protested.",
    ],
)
def test_a_place_near_the_seas_and_countries_of_the_text_is_no_stray(gaz, text):
    assert places(text, gaz)["Hodeidah"].country == "YE"


def test_a_distance_with_its_conversion_in_brackets_is_from_the_city(gaz):
    got = places("The village is 12 km (7.5 miles) east-northeast of Kherson.", gaz)["Kherson"]
    assert got.kind in ("city", "town") and got.country == "UA"  # not the oblast


def test_near_a_name_makes_it_the_settlement(gaz):
    got = places("Spanish authorities said the fire near Tarragona had burned 3,000 hectares.", gaz)[
        "Tarragona"
    ]
    assert got.kind in ("city", "town") and got.country == "ES"  # not the province


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "WASHINGTON (Reuters) - A New York court ruling drew attention across the United States. "
            "Artists in London and Berlin followed the case.",
            "GB",
        ),
        # a place near it, or its state named, is evidence for the small namesake
        ("The fire in London, Kentucky, spread overnight, officials in Corbin said.", "US"),
        ("Kentucky State Police said the crash in London closed Interstate 75 in the U.S.", "US"),
    ],
)
def test_the_documents_country_alone_does_not_pick_a_small_namesake_of_a_city_of_millions(gaz, text, country):
    assert places(text, gaz)["London"].country == country


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Drones struck the Odesa region overnight.", "Odessa"),  # Natural Earth's spelling
        ("Shelling hit the Mykolaiv region.", "Mykolayiv"),
        ("Missiles hit the Vinnytsia region.", "Vinnytsya"),
    ],
)
def test_a_region_is_found_by_the_spelling_news_gives_its_city(gaz, text, region):
    (m,) = resolve_document(Document("d", text), gaz)
    assert (m.place.kind, m.place.name) == ("admin1", region)


def test_a_name_written_as_a_region_and_as_a_city_is_both(gaz):
    text = (
        "Russian drones struck an energy facility in the Odesa region overnight. The attack hit a "
        "substation about 20 kilometers (12 miles) north of Odesa, the governor said."
    )
    region, city = resolve_document(Document("d", text), gaz)
    assert (region.place.kind, city.place.kind) == ("admin1", "city")


# Siberia is now Natural Earth's area, Normandy the French region by its English name
@pytest.mark.parametrize("name", ["Sinai", "Crescent"])
def test_a_small_namesake_of_a_common_word_with_nothing_near_is_left_unresolved(gaz, name):
    (m,) = resolve_document(Document("d", f"Officials said the situation in {name} was calm on Monday."), gaz)
    assert m.place is None and "small place named by a common word" in m.reason
    assert m.candidates  # kept, for a reader who knows better


def test_a_small_namesake_of_a_common_word_near_the_other_places_is_kept(gaz):
    text = "Tornadoes hit Crescent, Oklahoma, and nearby Guthrie on Sunday."
    got = places(text, gaz)
    assert (got["Crescent"].country, got["Guthrie"].country) == ("US", "US")


def test_outside_a_name_makes_it_the_settlement(gaz):
    (m,) = resolve_document(Document("d", "Police found the car 2 km outside Kidal."), gaz)
    assert m.place.kind == "town"  # the town, not the region of Kidal


def test_an_overseas_region_is_found_by_its_country_name(gaz):
    (_kourou, guiana) = resolve_document(Document("d", "Rockets launched from Kourou in French Guiana."), gaz)
    assert (guiana.place.kind, guiana.place.country) == ("admin1", "FR")


def test_no_spelling_guess_or_shorter_name_is_used_for_a_mention_in_text(gaz):
    # "Benghazy" and "Aleppoo" get spelling guesses when asked by name (geocode); in running text
    # they are no mentions of those places
    assert gaz.lookup("Benghazy")[0].match == "approximate"
    text = "Fighting spread from Benghazy to Misrata, and Aleppoo and the Golan Heights were shelled."
    mentions = resolve_document(Document("d", text), gaz)
    assert "Misrata" in [m.text for m in mentions]
    assert all(c.match != "approximate" for m in mentions for c in m.candidates)
    assert not any(m.place is not None and m.place.name in ("Benghazi", "Aleppo") for m in mentions)


@pytest.mark.parametrize(
    "query",
    ["Sirte", "Benghazy", "eastern Mosul", "Paris, Texas", "Metcalfe", "Lombardia", "U.S.", "Tripoli"],
)
def test_an_approximate_candidate_never_outranks_a_real_one(gaz, query):
    matches = [c.match for c in gaz.lookup(query, limit=50)]
    assert matches == sorted(matches, key=lambda m: m == "approximate")
    # a name with a real match gets no guesses at all
    assert "approximate" not in matches or set(matches) == {"approximate"}


def test_given_spans_guess_only_for_a_span_nothing_matches(gaz):
    text = "Shelling hit Tripoli and Benghazy overnight."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Tripoli", "Benghazy")]
    tripoli, benghazy = resolve_document(Document("d", text, spans=spans), gaz)
    assert all(c.match != "approximate" for c in tripoli.candidates)
    assert benghazy.place.name == "Benghazi" and {c.match for c in benghazy.candidates} == {"approximate"}


@pytest.mark.parametrize(
    "text",
    [
        "Macron arrived in Paris on Monday. France-US relations have soured since the Lyon talks.",
        "The France-US talks in Paris ended.",
    ],
)
def test_us_in_capitals_in_a_french_story_is_the_united_states(gaz, text):
    assert places(text, gaz)["US"].kind == "country"  # not the village Us, near Paris


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Picture: Police/PA. The man was arrested in Cardiff on Tuesday.", "PA"),
        ("A gang known as Killy or SK from the South Kilburn Estate in London.", "SK"),
    ],
)
def test_a_region_found_only_by_an_abbreviation_in_a_story_of_another_country_is_a_stray(gaz, text, name):
    got = {m.text: m for m in resolve_document(Document("d", text), gaz)}[name]
    assert got.place is None and "only by an abbreviation" in got.reason
    assert got.candidates  # kept, as the alternative


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        ("The fire in Pittsburgh, PA spread.", "PA", "Pennsylvania"),
        ("A man from Regina, SK was hurt.", "SK", "Saskatchewan"),
        ("The governor of PA spoke in Harrisburg.", "PA", "Pennsylvania"),
    ],
)
def test_an_abbreviation_of_a_region_of_the_story_s_country_is_kept(gaz, text, name, region):
    assert places(text, gaz)[name].name == region
