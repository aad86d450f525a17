"""The same inputs give byte-identical output, whatever the hash seed of the Python process.

Set iteration order depends on ``PYTHONHASHSEED`` for strings; any output that leaks it (a set
turned into a list, a dict built from a set, ties broken by hash) would differ between runs.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

SEEDS = sorted((pathlib.Path(__file__).parent.parent / "seeds").glob("*.txt"))

# Ties and near-ties on purpose: same-name places (Paris, Tripoli, Alexandria), several targets,
# pairs of claims about one target, parts of places, ranges, hedges and flags.
STATEMENTS = [
    "The camp is 45 km southwest of Sirte.",
    "Sirte is nearly 28 miles southwest of the training camps.",
    "Fighting near Mosul and between Raqqa and Deir ez-Zor, 10 km north-east of Tabqa.",
    "Residents of eastern Mosul and western Aleppo fled to Paris, Tripoli and Alexandria.",
    "The depot lies 40-50 km north of Tripoli; the depot is about 30 miles NNW of Tripoli.",
    "The base is 12 furlongs east of Homs and 0 km from Hama.",
]
DOCS = {
    "a.txt": " ".join(STATEMENTS[:3]),
    "b.txt": " ".join(STATEMENTS[3:]) + " Springfield, Georgia and Georgia.",
    "c.txt": "The camp is 30 miles south-west of Sirte, Libya. The camp lies near Sirte.",
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("det")
    for name, text in DOCS.items():
        (d / name).write_text(text, encoding="utf-8")
    return [*SEEDS, *sorted(d.glob("*.txt"))]


def _run_both(args: list[str], cwd: pathlib.Path, outs: tuple[str, str] | None = None) -> list[bytes]:
    """Run ``geokit ARGS`` under two hash seeds at once; return both outputs."""
    procs = []
    for i, seed in enumerate(("1", "4242")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        extra = ["-o", outs[i]] if outs else []
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "geokit.cli", *args, *extra],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                cwd=cwd,
            )
        )
    results = []
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err.decode("utf-8", "replace")[-2000:]
        results.append(out)
    return results


def _same(args: list[str], tmp_path: pathlib.Path) -> bytes:
    first, second = _run_both(args, tmp_path)
    assert first == second, f"output of geokit {args[0]} differs between hash seeds"
    assert len(first) > 100
    return first


@pytest.mark.slow
def test_parse_is_deterministic(inputs, tmp_path):
    out = _same(["parse", *map(str, inputs), "--json"], tmp_path)
    assert b'"Sirte"' in out


@pytest.mark.slow
def test_check_is_deterministic(inputs, tmp_path):
    out = _same(["check", *map(str, inputs), "--json"], tmp_path)
    assert b'"verdict"' in out


@pytest.mark.slow
def test_check_text_is_deterministic(tmp_path):
    _same(["check", *(x for s in STATEMENTS for x in ("--text", s)), "--json"], tmp_path)


@pytest.mark.slow
def test_resolve_is_deterministic(tmp_path):
    out = _same(["resolve", *STATEMENTS, "--json"], tmp_path)
    assert b'"region"' in out


@pytest.mark.slow
def test_map_is_deterministic(inputs, tmp_path):
    outs = (str(tmp_path / "m1.html"), str(tmp_path / "m2.html"))
    _run_both(["map", *map(str, inputs)], tmp_path, outs)
    pages = [pathlib.Path(o).read_bytes() for o in outs]
    assert len(pages[0]) > 1000 and pages[0] == pages[1], "map HTML differs between hash seeds"
