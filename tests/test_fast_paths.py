"""The fast paths give exactly what the plain code they replace gives (same matches, numbers, bytes)."""

import io
import json
import pathlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geokit.claims import hints, patterns
from geokit.cli import _MentionsJson, _write_result
from geokit.model import Document
from geokit.pipeline import parse_documents
from geokit.places import resolve
from geokit.places.gazetteer import get_gazetteer

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))
HINTY = st.text(
    alphabet=st.sampled_from(list("nsewNSEWbyº°.,- \n\t5٣kmilesoutsidenearbankheadingwithinfromof")),
    max_size=80,
)
_PLAIN_ABBR_HINT = re.compile(r"[NS]\.?[EW]|[NESW]\.?[NS]\.?[EW]|[NESW]\s?by?\s?[NESW]")


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    texts.append("Paris, Texas and Paris, France. " * 3 + "Strikes in eastern Mosul, Iraq, near Sirte.")
    texts.append("")
    return texts


@pytest.mark.slow
@settings(max_examples=300)
@given(HINTY)
def test_hint_starts_match_the_pattern(text):
    low = text.lower()
    assert hints.hint_starts(low) == [m.start() for m in patterns.HINT_RE.finditer(low)]


def test_hint_words_are_not_prefixes_of_each_other():
    words = patterns.HINT_WORDS
    assert not any(a != b and b.startswith(a) for a in words for b in words)


@settings(max_examples=300)
@given(HINTY)
def test_compass_abbreviation_hint_matches_the_plain_pattern(text):
    assert [m.span() for m in patterns.ABBR_HINT_RE.finditer(text)] == [
        m.span() for m in _PLAIN_ABBR_HINT.finditer(text)
    ]


@pytest.mark.slow
@pytest.mark.parametrize("given_spans", [False, True])
def test_distances_match_nearest_many(monkeypatch, given_spans):
    seen = []
    plain = resolve.Resolver._rescore

    def checked(self, gi, cands, chosen, context, *args, **kwargs):
        points = [(lon, lat, p) for j, lon, lat, p in context["points"] if j != gi]
        assert context["near"][gi] == resolve._nearest_many(cands, points)
        seen.append(gi)
        return plain(self, gi, cands, chosen, context, *args, **kwargs)

    monkeypatch.setattr(resolve.Resolver, "_rescore", checked)
    resolver = resolve.Resolver(get_gazetteer())
    for i, text in enumerate(_texts()):
        spans = [(m.start(), m.end()) for m in re.finditer(r"[A-Z][a-z]+", text)] if given_spans else None
        resolver.resolve(Document(f"d{i}", text, spans=spans))
    assert seen


def test_write_result_is_json_dumps_of_to_dict():
    results = list(parse_documents(Document(f"d{i}", t, source="s") for i, t in enumerate(_texts())))
    results[0].mentions[0].corrected = {"place": "geonames:1"}
    results[0].mentions[0].part = "eastern"
    many = list(parse_documents([Document("many", "Sirte, Libya. " * 600)]))
    assert len(many[0].mentions) > 1000
    writer = _MentionsJson()
    for r in [*results, *many, *results]:
        out = io.StringIO()
        _write_result(r, out, writer)
        assert out.getvalue() == json.dumps(r.to_dict(), ensure_ascii=False, allow_nan=False)


UNITY = st.lists(
    st.sampled_from(
        [*"kmKMilesIftyardsochn 5_2.,-\n", "km", "mi", "miles", "li", "nautical mile", "cable lengths", "ft"]
    ),
    max_size=14,
).map("".join)


@pytest.mark.slow
@settings(max_examples=500)
@given(UNITY, st.sampled_from(["", "x ", "x\n", "xé", "é "]))
def test_has_unit_matches_the_pattern(sentence, before):
    text = before + sentence
    start = len(before)
    assert hints.has_unit(text, start, len(text)) == (
        patterns.UNIT_HINT_RE.search(text, start, len(text)) is not None
    )


_PLAIN_BOUNDARY = re.compile(r"\n|(?<![.!?…])[.!?…]{1,8}[\"'”’»)\]]{0,4}(?=\s|\Z)")


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(list("a .!?…\n\"'”’»)]A")), max_size=30))
def test_sentence_boundaries_match_the_plain_pattern(text):
    from geokit.text.sentences import _BOUNDARY

    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in _PLAIN_BOUNDARY.finditer(text)]


NAMEY = st.lists(
    st.sampled_from(
        [*"aAbU.S -‐'’ofélIÉ\n,(\"x1_y²", "of", "the", "al-", "ash-", "e.g.", "el‐", "della", "Al-"]
    ),
    max_size=16,
).map("".join)


@pytest.mark.slow
@settings(max_examples=1000)
@given(NAMEY)
def test_name_word_spans_match_the_pattern(text):
    from geokit.places.mentions import _NAME_WORD, _name_word_spans

    assert _name_word_spans(text) == [m.span() for m in _NAME_WORD.finditer(text)]


_CLAUSE_WORDS = """
    north south east west North EAST central the to of from just immediately due bearing on a at heading
    225 45.5 degrees deg ° N NE S.W. NbE W E. northern western south-eastern part side and near nearby
    close next outskirts outside banks shore between vicinity in Sirte SWAT
"""
CLAUSY = st.lists(st.sampled_from([*_CLAUSE_WORDS.split(), "N by E", ", ", ". ", "-"]), max_size=14).map(
    " ".join
)


@pytest.mark.slow
@settings(max_examples=500)
@given(CLAUSY, st.sampled_from(["", "x ", "Abc. "]))
def test_claim_patterns_start_where_they_can(sentence, before):
    text = before + sentence + " Next."
    start, end = len(before), len(before) + len(sentence)
    low = text[start:end].lower()
    for kind, pattern in (
        ("heading", patterns.HEADING_RE),
        ("part", patterns.PART_FORWARD_RE),
        ("related", patterns.RELATION_RE),
    ):
        first = hints.first_match_from(kind, text, start, end, low)
        plain = [m.span() for m in pattern.finditer(text, start, end)]
        assert plain == ([] if first is None else [m.span() for m in pattern.finditer(text, first, end)])


_BEFORE_WORDS = (
    "in the North EASTERN north-eastern southwest Upper lower greater downtown central Mosul , - é ſouth"
)
BEFORE = st.lists(
    st.sampled_from([*_BEFORE_WORDS.split(), " ", "  ", "\n", "north eastern"]), max_size=10
).map("".join)


@pytest.mark.slow
@settings(max_examples=500)
@given(BEFORE, st.integers(0, 6))
def test_part_before_a_mention_matches_the_pattern(before, back):
    from geokit.places import mentions

    text = before + "Paris"
    start = max(0, len(before) - back)
    part = mentions._PART_WORDS.search(text, max(0, start - 25), start)
    assert mentions._part_before(text, start) == (part.group(1).lower() if part else None)


def _plain_tokens(text):
    """The tokens as mentions._tokens found them with _NAME_WORD.finditer."""
    from geokit.places import mentions as m

    out = []
    for match in m._NAME_WORD.finditer(text):
        s, e = match.span()
        tok = match.group()
        first = tok[0]
        if first.islower() and first.isascii():
            if tok in m._CONNECTORS:
                out.append((s, e, tok, False, False))
                continue
            first = m._ARABIC_PREFIX.sub("", tok)[:1]
        if (
            not (first.isupper() or (first.isalpha() and not first.islower()))
            or tok in m._COMPASS_ABBREVIATIONS
        ):
            continue
        if tok.endswith(("'s", "’s")) and len(tok) > 2:
            tok, e = tok[:-2], e - 2
        elif tok.endswith(("'", "’")):
            tok, e = tok[:-1], e - 1
        j = s - 1
        while j >= 0 and text[j] in " \t\r":
            j -= 1
        out.append((s, e, tok, True, j < 0 or text[j] in m._SENTENCE_END))
    return out


@pytest.mark.slow
@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from([*"aAU.S -‐'’oféI\n,x1_y", "of", "al-", "e.g.", "Paris's", "SW", "N.E.", "y."]),
        max_size=16,
    )
)
def test_tokens_match_the_plain_tokens(parts):
    from geokit.places.mentions import _tokens

    text = " ".join(parts)
    assert [(t.start, t.end, t.text, t.cap, t.sentence_start) for t in _tokens(text)] == _plain_tokens(text)
