"""Docs that stay true: commands they name exist, no copied format numbers, a CHANGELOG in releases.

The newest release of ``CHANGELOG.md`` is the package's version, so the version number moves (#21).
"""

from __future__ import annotations

import argparse
import re
import tomllib
from pathlib import Path

import pytest

import geokit
from geokit.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
PROSE = ["README.md", "SECURITY.md", "docs/gotchas.md", "docs/checks.md", "docs/cluster.md"]
#: A data folder with its format number copied into prose (goes stale when the format moves).
_VERSIONED_FOLDER = re.compile(r"\b(?:gazetteer|landmask)-v\d+")
_FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.M | re.S)
#: `geokit CMD [SUB] …`: a line of a code block, or inline code.
_IN_BLOCK = re.compile(r"^\s*(?:\$ )?geokit ([a-z]+)([^\n#]*)", re.M)
_INLINE = re.compile(r"`geokit ([a-z]+)([^`]*)`")


def _commands(text: str) -> list[tuple[str, str]]:
    """Return (command, the rest of the line) for each ``geokit`` command line the text shows."""
    blocks = _FENCE.findall(text)
    found = [m.groups() for b in blocks for m in _IN_BLOCK.finditer(b)]
    return found + [m.groups() for m in _INLINE.finditer(_FENCE.sub("", text))]


def _parsers() -> dict[str, argparse.ArgumentParser]:
    """Return each command (and ``corrections template``) -> its parser."""
    top = build_parser()
    out: dict[str, argparse.ArgumentParser] = {"": top}
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out[name] = sub
                for inner in sub._actions:
                    if isinstance(inner, argparse._SubParsersAction):
                        out.update({f"{name} {n}": p for n, p in inner.choices.items()})
    return out


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings}


@pytest.mark.parametrize("name", PROSE)
def test_no_format_number_in_prose(name: str) -> None:
    """No data folder is named with its format number, which moves with the data."""
    text = (ROOT / name).read_text(encoding="utf-8")
    assert not _VERSIONED_FOLDER.findall(text), "write gazetteer-v<N>; `geokit data info` prints the path"


@pytest.mark.parametrize("name", PROSE)
def test_commands_and_options_exist(name: str) -> None:
    """Every ``geokit`` command, subcommand and option the page shows is in the command line."""
    parsers = _parsers()
    for cmd, rest in _commands((ROOT / name).read_text(encoding="utf-8")):
        assert cmd in parsers, f"{name}: 'geokit {cmd}' is no command"
        parser = parsers[cmd]
        sub = rest.split()[0] if rest.split() else ""
        if f"{cmd} {sub}" in parsers:
            parser = parsers[f"{cmd} {sub}"]
        known = _options(parser) | _options(parsers[""])
        for opt in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", rest):
            assert opt in known, f"{name}: 'geokit {cmd}' has no option {opt}"


def test_changelog_in_releases() -> None:
    """Releases newest first, dated, in Keep a Changelog sections; an issue per entry, two lines at most."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.M)
    assert releases[0] == ("Unreleased", "")
    versions = [v for v, _ in releases[1:]]
    dates = [d for _, d in releases[1:]]
    assert all(dates) and dates == sorted(dates, reverse=True)
    keys = [tuple(int(x) for x in v.split(".")) for v in versions]
    assert keys == sorted(keys, reverse=True)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"], "one version: geokit.__version__"
    assert versions[0] == geokit.__version__, (
        "the newest release in CHANGELOG.md is not the package's version"
    )
    for heading in re.findall(r"^### (.+)$", text, re.M):
        assert heading in ("Added", "Changed", "Fixed", "Removed", "Deprecated", "Security")
    for entry in re.findall(r"^- .*?(?=^- |^#|\Z)", text, re.M | re.S):
        assert re.search(r"\(#\d+(?:, #\d+)*\)\.?\s*$", entry), f"no issue number: {entry[:70]!r}"
        assert entry.strip().count("\n") <= 1, f"more than two lines: {entry[:70]!r}"
