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
    "story in The Hill. This notebook runs geokit on both, offline, and looks at each stage. An analysis shows "
    "itself as a short summary: the targets checked, their verdicts, and the documents by title.",
    "import pathlib\n\nimport pandas as pd\n\nimport geokit\n\n"
    "pd.set_option('display.max_colwidth', None)  # whole sentences and reasons, not their first 50 characters\n\n"
    "seeds = sorted(pathlib.Path('..', 'seeds').glob('*.txt'))\nanalysis = geokit.analyse(seeds)\nanalysis",
    "md:## Places\nEvery mention with the place chosen for it, its score and the reason for the choice.",
    "places = analysis.places()\nplaces[['document', 'text', 'name', 'kind', 'country', 'lat', 'lon', 'score']]"
    ".drop_duplicates('text')",
    "places.loc[places.text.isin(['Raqqa', 'Raqqah']), ['document', 'text', 'id', 'name']]",
    "md:## Claims\nOne row per relative statement, indexed by claim id: the document's title, the sentence, the "
    "target, the anchor, the distance as written and in km, the compass direction, the hedge, whether the "
    "sentence states the anchor relative to the target (inverse), the flags, and the estimate (point and radius "
    "in km). The geometry column (the estimated point) is left out of the display.",
    "claims = analysis.claims_frame()\nclaims.drop(columns='geometry')",
    "md:## Estimates and their uncertainty\nEach estimate is a point, a radius and a geodesic region (the "
    "geometry); the components say, in km, why the region is as large as it is.",
    "estimates = analysis.estimates_frame()\nestimates.drop(columns='geometry')",
    "md:## The contradiction\nThe Hill puts the camps 45 km *southwest* of Sirte. The DoD says *Sirte* is nearly "
    "28 miles southwest of the camps, which puts the camps northeast of Sirte, in the Gulf of Sidra. The distances "
    "agree (28 mi = 45.06 km); the directions do not. Every pair of statements checked, with what each source "
    "says read from the anchor:",
    "checks = analysis.checks_frame()\n"
    "checks[['target', 'verdict', 'source_a', 'says_a', 'source_b', 'says_b', 'km_apart', 'reasons']]",
    "md:## The map\nEach document and kind is a layer; regions are geodesic polygons; the red dashed line is the "
    "disagreement. The map is self-contained (works offline).",
    "m = analysis.to_map()\nm",
]

CHECKING = [
    "md:# Checking distances from several sources\n\n"
    "An analyst types what each source says about the same target, in miles or kilometres, from either end, "
    "and asks whether the statements can all be true.",
    "import pandas as pd\n\nimport geokit\n\n"
    "pd.set_option('display.max_colwidth', None)  # whole reasons, not their first 50 characters\n\n"
    "statements = [\n"
    "    'The depot is 30 km north of Mosul.',              # source A\n"
    "    'The depot lies about 19 miles north of Mosul.',   # source B (19 mi = 30.6 km)\n"
    "    'Mosul is 30 km south of the depot.',              # source C, stated from the other end\n"
    "    'The depot is 30 miles north of Mosul.',           # source D: a kilometre figure given as miles?\n"
    "]\nresult = geokit.analyse_texts(statements, sources=['source A', 'source B', 'source C', 'source D'])\n"
    "result",
    "md:What geokit read in each statement: the target, the anchor, the distance as written and in km, the "
    "compass direction, whether the statement is made from the other end (inverse), and the estimate.",
    "claims = result.claims_frame()\n"
    "claims[['document', 'target', 'anchor', 'distance', 'km', 'direction', 'hedge', 'inverse', 'lat', 'lon', "
    "'radius_km', 'flags']]",
    "md:Every pair of sources about the depot, with a verdict, what each says and the reasons:",
    "result.checks_frame().drop(columns=['geometry', 'a', 'b'])",
    "md:Sources A, B and C agree, C although it states the relation from the other end. Source D does not "
    "fit: its 30 *miles* (48 km) is the others' 30 *kilometres* — the reasons name a likely unit slip. "
    "The map shows the four estimates and their regions.",
    "result.to_map()",
]

if __name__ == "__main__":
    nbf.write(notebook(SEEDS), HERE / "01-seeds.ipynb")
    nbf.write(notebook(CHECKING), HERE / "02-checking-distances.ipynb")
