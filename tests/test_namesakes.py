"""Namesakes settled by the story (issues #20 item 4 and #22): the document's other places decide.

The paragraphs below were written for these tests in the manner of US local news (a police blotter,
a school contest, a storm, a crash); the places and their truth are real, the stories are not.
Without the document's context each of the named towns has a better-known namesake elsewhere.
"""

import json

import pytest

from geokit.model import Document
from geokit.pipeline import parse_documents
from geokit.places.gazetteer import get_gazetteer
from geokit.places.resolve import _local_cue, _local_cue_patterns, resolve_document

#: (text, {mention: (country, state code)}) written in the manner of US local news
LOCAL_NEWS = [
    (
        "Lebanon Police arrested a man Tuesday after a chase on Interstate 40 that ended in Wilson County.",
        {"Lebanon": ("US", "TN"), "Wilson County": ("US", "TN")},
    ),
    (
        "The Athens High School band won the state title on Saturday. Fans drove in from Decatur and"
        " Madison to cheer.",
        {"Athens": ("US", "AL"), "Decatur": ("US", "AL"), "Madison": ("US", "AL")},
    ),
    (
        "A tornado touched down near Paris on Friday, the weather service office in Memphis said."
        " Henry County schools closed early.",
        {"Paris": ("US", "TN"), "Henry County": ("US", "TN")},
    ),
    (
        "Deputies said the crash happened 5 miles north of Columbia. Boone County officials closed the"
        " road for three hours.",
        {"Columbia": ("US", "MO"), "Boone County": ("US", "MO")},
    ),
    (
        "A barn burned 3 miles east of Florence on Sunday, and a Killen woman was treated for smoke."
        " Lauderdale County deputies are investigating.",
        {"Florence": ("US", "AL"), "Lauderdale County": ("US", "AL")},
    ),
    (
        "Greene County deputies found the missing hiker 12 miles south of Springfield on Tuesday. A Nixa"
        " man had called in the tip.",
        {"Springfield": ("US", "MO"), "Greene County": ("US", "MO")},
    ),
]


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.mark.parametrize(("text", "truth"), LOCAL_NEWS, ids=[t[:20] for t, _ in LOCAL_NEWS])
def test_local_news_takes_the_local_namesakes(text, truth, gaz):
    got = {m.text: m.place for m in resolve_document(Document("d", text), gaz)}
    for name, (country, state) in truth.items():
        assert got[name] is not None, name
        assert (got[name].country, got[name].admin1) == (country, state), name


def test_the_story_settles_the_anchor_of_a_relative_statement():
    # issue #22: "north of Columbia" in a story set in Missouri, "east of Florence" in an Alabama one
    docs = [Document(str(i), text) for i, (text, _) in enumerate(LOCAL_NEWS)]
    anchors = {
        c.anchor_text: (c.anchor.country, c.anchor.admin1)
        for r in parse_documents(docs)
        for c in r.claims
        if c.anchor is not None
    }
    assert anchors["Columbia"] == ("US", "MO")
    assert anchors["Florence"] == ("US", "AL")
    assert anchors["Paris"] == ("US", "TN")
    assert anchors["Springfield"] == ("US", "MO")


def test_a_mention_does_not_vote_for_its_own_country(gaz):
    (georgia,) = resolve_document(Document("d", "Officials in Georgia said the vote was fair."), gaz)
    assert georgia.place.kind == "country"  # by its name alone, not by a share of a story it makes
    assert "of the document's places" not in georgia.reason
    found = resolve_document(Document("d", "Georgia's parliament met in Tbilisi on Monday."), gaz)
    assert all("in GE, 100%" in m.reason for m in found)  # each by the other's vote


def test_a_state_is_not_pulled_to_a_town_by_a_local_cue(gaz):
    got = {
        m.text: m.place
        for m in resolve_document(Document("d", "A Georgia man was arrested in Atlanta."), gaz)
    }
    assert got["Georgia"].kind == "admin1" and got["Georgia"].country == "US"


def test_a_country_keeps_its_name_when_the_story_is_about_it(gaz):
    got = {
        m.text: m.place
        for m in resolve_document(Document("d", "Israel Police said two were hurt in Jerusalem."), gaz)
    }
    assert got["Israel"].kind == "country"  # the cue is no stronger than the story


def test_coherence_counts_the_candidates_not_only_the_choices(gaz):
    # each town's likeliest namesake alone is Athens, Greece, Decatur, Illinois and Madison, Wisconsin
    text = "Fans drove in from Athens, Decatur and Madison to cheer."
    got = {m.text: m.place for m in resolve_document(Document("d", text), gaz)}
    assert {(p.country, p.admin1) for p in got.values()} == {("US", "AL")}


def test_neighbours_weigh_each_other_mention_by_its_namesake_score():
    from geokit.model import Candidate, Place
    from geokit.places.resolve import _Distances

    def cand(pid, lat, lon, score):
        return Candidate(Place(pid, pid, "town", lat, lon, country="US"), score, "exact name")

    groups = [
        [cand("a-far", 40.0, -100.0, 1.0), cand("a-here", 34.80, -86.97, 0.5)],
        [cand("b-here", 34.61, -86.98, 0.8), cand("b-far", 45.0, -70.0, 1.0)],
        [cand("c-here", 34.70, -86.75, 1.0)],
    ]
    hood = _Distances(groups).neighbours(groups, 50_000)
    assert hood[0] == [0.0, pytest.approx(0.8 + 1.0)]  # b's namesake there scores 0.8 of b's best
    assert hood[1] == [pytest.approx(0.5 + 1.0), 0.0]
    assert hood[2] == [pytest.approx(0.5 + 0.8)]


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [
        ("Lebanon Police said", "Lebanon", True),
        ("the Athens High School band", "Athens", True),
        ("the Wilson County Sheriff's Office", "Wilson County", True),
        ("a Lebanon man was hurt", "Lebanon", True),
        ("An Athens woman won", "Athens", True),
        ("Lebanon said on Monday", "Lebanon", False),
        ("the man from Lebanon", "Lebanon", False),
        ("Lebanon police said", "Lebanon", False),  # an institution's name is capitalised
    ],
)
def test_local_cues(text, name, cue):
    from geokit.places.mentions import RawMention

    start = text.index(name)
    assert _local_cue(RawMention(start, start + len(name), name, name.lower()), text) is cue


def test_local_cues_are_data():
    from importlib.resources import files

    raw = json.loads((files("geokit") / "_data" / "local_cues.json").read_text("utf-8"))
    assert "Police" in raw["after"] and "man" in raw["person_after"]
    after, person, _ = _local_cue_patterns()
    assert all(after.match(" " + w) for w in raw["after"])
    assert all(person.match(" " + w) for w in raw["person_after"])


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Flights from Newark to Florida were cancelled on Monday.", "Florida", "admin1"),
        ("Students at Aberystwyth University, in Wales, travel to London.", "Wales", "admin1"),
        # called a village, the village it stays
        ("Police in Goshen said the village of Florida was flooded.", "Florida", "village"),
    ],
)
def test_a_small_town_named_like_a_region_of_its_country_takes_no_nearness(gaz, text, name, kind):
    # the village of Florida, New York lies near Newark; Wales, the village, near London: the
    # state and the nation are as near, and far likelier
    got = {m.text: m.place for m in resolve_document(Document("d", text), gaz)}
    assert got[name].kind == kind
