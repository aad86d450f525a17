"""The claim extractor's patterns: each named, verbose, and right on the table of examples beside it."""

from __future__ import annotations

import ast
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from geokit.claims import patterns, words
from geokit.claims.patterns import EXAMPLES

CLAIMS = Path(patterns.__file__).parent
CASES = [(name, text, found) for name, (_, table) in EXAMPLES.items() for text, found in table]


@pytest.mark.parametrize(("name", "text", "found"), CASES, ids=[f"{n}:{t[:30]}" for n, t, _ in CASES])
def test_every_pattern_finds_what_its_examples_say(name: str, text: str, found: str | None) -> None:
    pattern = EXAMPLES[name][0]
    m = pattern.search(text)
    assert (m.group() if m else None) == found


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_pattern_is_verbose_and_shown_matching(name: str) -> None:
    pattern, table = EXAMPLES[name]
    assert pattern.flags & re.VERBOSE
    assert any(found for _, found in table), "a table shows at least one match"


def test_every_pattern_of_the_module_is_named_with_examples() -> None:
    compiled = {id(v) for k, v in vars(patterns).items() if isinstance(v, re.Pattern) and k.isupper()}
    assert compiled == {id(p) for p, _ in EXAMPLES.values()}
    assert len(EXAMPLES) >= 50


def test_no_pattern_is_written_outside_the_patterns_module() -> None:
    """The extractor's modules use the named patterns; only the grammar reads phrases with its own."""
    calls = {"compile", "search", "match", "fullmatch", "sub", "split", "findall", "finditer"}
    for path in sorted(CLAIMS.glob("*.py")):
        if path.name in ("patterns.py", "grammar.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        used = [
            node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in calls
        ]
        assert not used, f"{path.name} builds a pattern with re.{used[0]}"


def test_a_grammar_phrase_keeps_its_spaces_inside_a_verbose_pattern() -> None:
    """ "cable lengths" and "1, 250" have spaces that re.VERBOSE would drop: they are kept."""
    m = patterns.OFFSET_RE.search("3 cable lengths off the pier")
    assert m is not None and m.group("unit") == "cable lengths"
    m = patterns.OFFSET_RE.search("some 1, 250 km north of Perth")
    assert m is not None and m.group("num") == "1, 250"


def test_word_lists_are_data_read_once() -> None:
    raw = json.loads(resources.files("geokit").joinpath("_data", "claim_words.json").read_text("utf-8"))
    lists = {k: v for k, v in raw.items() if not k.startswith("_")}
    for key, values in lists.items():
        assert f"_{key}" in raw, f"{key} is described in the data file"
        assert len(values) == len(set(values)), f"{key} has a duplicate"
    assert frozenset(lists["linking_verbs"]) == words.LINKING_VERBS
    assert words.NP_STOP >= words.LINKING_VERBS
    assert tuple(lists["settlement_words"]) == words.SETTLEMENT_WORDS  # order kept: a pattern's alternatives
