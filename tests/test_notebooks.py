"""The example notebooks run from top to bottom, so they cannot rot, and show the notebook views."""

import html
import pathlib
import re
import sys

import nbformat
import pytest
from nbclient import NotebookClient

HERE = pathlib.Path(__file__).parent.parent / "notebooks"
NOTEBOOKS = sorted(HERE.glob("*.ipynb"))


def _html_outputs(nb):
    return [
        o["data"]["text/html"]
        for c in nb.cells
        for o in c.get("outputs", [])
        if "text/html" in o.get("data", {})
    ]


def _table_text(table_html):
    return [
        html.unescape(re.sub(r"<.*?>", "", c)).strip() for c in re.findall(r"<td.*?</td>", table_html, re.S)
    ]


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"
    ]
    assert not errors
    shown = _html_outputs(nb)
    assert shown, "the notebook shows rich output (tables, map)"
    assert any(h.startswith("<div><b>geokit analysis</b>") for h in shown), "the analysis shows its summary"
    claims = [h for h in shown if "<th>radius_km</th>" in h and "<th>anchor</th>" in h]
    checks = [h for h in shown if "<th>verdict</th>" in h and "<th>says_a</th>" in h]
    assert claims, "a claims_frame() is shown"
    assert checks, "a checks_frame() is shown"
    for table in claims + checks:
        cells = _table_text(table)
        assert not [c for c in cells if c.endswith("...")], "pandas cut a cell short"
        assert not [c for c in cells if c.startswith("{")], "a dict shown as text"
    reasons = [c for t in checks for c in _table_text(t) if "apart" in c]
    assert reasons and max(map(len, reasons)) > 50, "reasons are shown whole"


@pytest.mark.parametrize("script", ["make_notebooks.py", "make_corrections_notebook.py"])
def test_notebooks_are_those_the_scripts_write(script, tmp_path, monkeypatch):
    import runpy

    monkeypatch.syspath_prepend(str(HERE))
    monkeypatch.setattr(sys, "argv", [script])
    written = runpy.run_path(str(HERE / script), run_name="__main__-not")  # build the cells, write nothing
    made = {name: v for name, v in written.items() if isinstance(v, list) and v and isinstance(v[0], str)}
    assert made, "the script defines its notebooks as lists of cells"
    stored = {tuple(c.source for c in nbformat.read(p, as_version=4).cells) for p in NOTEBOOKS}
    for cells in made.values():
        expected = written["notebook"](cells)
        assert tuple(c.source for c in expected.cells) in stored, "run the script to regenerate the notebook"
