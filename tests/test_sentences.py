from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geokit.text.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two.", ["One.", "Two."]),
        ("The U.S. Marine Corps left. Then it rained.", ["The U.S. Marine Corps left.", "Then it rained."]),
        ("Gen. Smith and Sgt. Ryan Young spoke.", ["Gen. Smith and Sgt. Ryan Young spoke."]),
        (
            "It happened on Jan. 8 and Nov. 8, 2016. Next.",
            ["It happened on Jan. 8 and Nov. 8, 2016.", "Next."],
        ),
        ("See No. 5 for details. He said no. Fine.", ["See No. 5 for details.", "He said no.", "Fine."]),
        ("The camp is 1.5 km away. It burned.", ["The camp is 1.5 km away.", "It burned."]),
        ('He said "It is over." Then he left.', ['He said "It is over."', "Then he left."]),
        (
            "“Deal the defeat,” he said. “As they now prepare.”",
            ["“Deal the defeat,” he said.", "“As they now prepare.”"],
        ),
        ("Is it? Yes! Done…", ["Is it?", "Yes!", "Done…"]),
        ("against U.S.’ and coalition forces. Next", ["against U.S.’ and coalition forces.", "Next"]),
        ("e.g. this and i.e. that.", ["e.g. this and i.e. that."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_newlines_are_hard_breaks_and_blank_lines_vanish() -> None:
    text = "Official websites use .gov\n\nHere's how you know\nU.S. Airstrikes Kill 80 ISIL Fighters\n  \n"
    assert sents(text) == [
        "Official websites use .gov",
        "Here's how you know",
        "U.S. Airstrikes Kill 80 ISIL Fighters",
    ]


def test_empty_and_whitespace() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t \n") == []


def test_spans_are_trimmed_ordered_and_disjoint_on_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = split_sentences(text)
        assert spans
        last = 0
        for s, e in spans:
            assert last <= s < e <= len(text)
            assert not text[s].isspace() and not text[e - 1].isspace()
            assert "\n" not in text[s:e]
            last = e


def test_seed_sentence_is_whole() -> None:
    text = (SEEDS / "001_a35c04ace141a9c3.txt").read_text(encoding="utf-8")
    found = sents(text)
    assert any(
        s.startswith("The strikes destroyed two camps located 45 kilometers southwest of Sirte")
        for s in found
    )
    assert "Sirte is nearly 28 miles southwest of the training camps that were struck last night." in sents(
        (SEEDS / "000_bf260793d4cba688.txt").read_text(encoding="utf-8")
    )


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_valid_spans(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        last = e
    # Every non-space character lies inside some span.
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_pathological_inputs_run() -> None:
    for text in ["." * 200_000, "a." * 100_000, "U.S. " * 50_000, "\n" * 100_000, "1.5 " * 50_000]:
        split_sentences(text)
