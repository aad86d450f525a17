"""Writes the example notebooks (run: .venv/bin/python notebooks/make_notebooks.py). Outputs are not stored."""

from pathlib import Path

import nbformat as nbf

HERE = Path(__file__).parent


def notebook(cells):
    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbf.v4.new_markdown_cell(c[3:]) if c.startswith("md:") else nbf.v4.new_code_cell(c) for c in cells]
    return nb


SEEDS = [
    "md:# The seed reports: places, claims, estimates and the camps contradiction\n\n"
    "Two reports of the same U.S. air strikes in Libya (19 January 2017): a Defense Department article and a "
    "story in The Hill. This notebook runs geokit on both, offline, and looks at each stage.",
    "import pathlib\n\nimport geokit\n\nseeds = sorted(pathlib.Path('..', 'seeds').glob('*.txt'))\n"
    "analysis = geokit.analyse(seeds)\nanalysis",
    "md:## Places\nEvery mention with the place chosen for it, its score and the reason for the choice.",
    "places = analysis.places()\nplaces[['document', 'text', 'name', 'kind', 'country', 'lat', 'lon', 'score']].drop_duplicates('text')",
    "places.loc[places.text.isin(['Raqqa', 'Raqqah']), ['document', 'text', 'id', 'name']]",
    "md:## Claims\nRelative statements: the relation, the anchor, distance, direction, hedge and whether the sentence "
    "states the anchor relative to the target (inverse).",
    "claims = analysis.claims_frame()\n"
    "claims[['document', 'text', 'relation', 'target', 'distance_m', 'azimuth_deg', 'hedge', 'inverse', 'flags']]",
    "md:## Estimates and their uncertainty\nEach estimate is a point, a radius and a geodesic region; the "
    "components say why the region is as large as it is.",
    "camps = [c for c in analysis.claims if c.distance is not None]\n"
    "for c in camps:\n    e = analysis.estimates[c.id]\n"
    "    print(f'{c.text!r}: {e.lat:.3f} N {e.lon:.3f} E, radius {e.radius_m / 1000:.1f} km, {e.components}')",
    "md:## The contradiction\nThe Hill puts the camps 45 km *southwest* of Sirte. The DoD says *Sirte* is nearly "
    "28 miles southwest of the camps, which puts the camps northeast of Sirte, in the Gulf of Sidra. The distances "
    "agree (28 mi = 45.06 km); the directions do not.",
    "for target in analysis.targets:\n    for check in target.checks:\n"
    "        if check.verdict == 'disagree':\n"
    "            print(target.label, check.verdict, round(check.separation_m / 1000), 'km apart')\n"
    "            for reason in check.reasons:\n                print('  -', reason)",
    "md:## The map\nEach document and kind is a layer; regions are geodesic polygons; the red dashed line is the "
    "disagreement. The map is self-contained (works offline).",
    "m = analysis.to_map()\nm",
]

CHECKING = [
    "md:# Checking distances from several sources\n\n"
    "An analyst types what each source says about the same target, in miles or kilometres, from either end, "
    "and asks whether the statements can all be true.",
    "import geokit\n\nstatements = [\n"
    "    'The depot is 30 km north of Mosul.',              # source A\n"
    "    'The depot lies about 19 miles north of Mosul.',   # source B (19 mi = 30.6 km)\n"
    "    'Mosul is 30 km south of the depot.',              # source C, stated from the other end\n"
    "    'The depot is 30 miles north of Mosul.',           # source D: a kilometre figure given as miles?\n"
    "]\nresult = geokit.analyse_texts(statements)",
    "for c in result.claims:\n    e = result.estimates.get(c.id)\n"
    "    print(c.input, repr(c.text), 'inverse' if c.inverse else '', "
    "f'{e.lat:.3f}, {e.lon:.3f} ± {e.radius_m / 1000:.1f} km' if e else c.flags)",
    "md:Every pair of sources about the depot, with a verdict and the reasons:",
    "import pandas as pd\n\nrows = [\n"
    "    {'a': ch.a, 'b': ch.b, 'verdict': ch.verdict, 'km apart': round(ch.separation_m / 1000, 1),\n"
    "     'reasons': '; '.join(ch.reasons)}\n"
    "    for t in result.targets for ch in t.checks\n]\npd.DataFrame(rows)",
    "md:Sources A, B and C agree, C although it states the relation from the other end. Source D does not "
    "fit: its 30 *miles* (48 km) is the others' 30 *kilometres* — the reasons name a likely unit slip. "
    "The map shows the four estimates and their regions.",
    "result.to_map()",
]

if __name__ == "__main__":
    nbf.write(notebook(SEEDS), HERE / "01-seeds.ipynb")
    nbf.write(notebook(CHECKING), HERE / "02-checking-distances.ipynb")
