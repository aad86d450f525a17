"""Writes notebooks/03-corrections.ipynb (run: .venv/bin/python notebooks/make_corrections_notebook.py).

Outputs are not stored; tests/test_notebooks.py executes the notebook.
"""

import nbformat
from make_notebooks import HERE, notebook  # the same cell conventions ("md:" marks a markdown cell)

CORRECTIONS = [
    "md:# Analyst corrections: fix a place, a missed name and an over-read claim\n\n"
    "geokit's choices are a starting point. An analyst who knows better can override any of them by "
    "document id and character span, and everything downstream — claims, estimates, regions, checks, the "
    "map — is recomputed. Two short sources about one tornado shelter:",
    "import json\n\nimport geokit\nfrom geokit.corrections import Corrections, mentions_table\n\n"
    "story = ('A tornado touched down near Paris on Tuesday, the county sheriff said. '\n"
    "         'Volunteers set up a shelter 10 miles north of Paris. '\n"
    "         'After a 40 km drive south of Paris, the crews reached sulphur springs.')\n"
    "wire = 'The shelter is 25 km south of Hugo, Oklahoma.'\n"
    "analysis = geokit.analyse_texts([story, wire], sources=['county sheriff', 'wire service'])\n"
    "analysis",
    "md:## What geokit chose\nEach mention with its choice and the ranked alternatives. Nothing in the "
    "sheriff's story says Texas, so *Paris* goes to France; *sulphur springs*, written in lower case, was "
    "not found at all.",
    "mentions_table(analysis)",
    "md:The claims: *south of Paris* is over-read — it is where a 40 km drive went, not where a target lies "
    '(geokit even names the target "km drive"). The two shelters are not compared: their anchors are '
    "7,800 km apart.",
    "import pandas as pd\n\n"
    "pd.set_option('display.max_colwidth', None)  # whole sentences and reasons\n"
    "COLUMNS = ['document', 'quote', 'target', 'relation', 'anchor', 'distance', 'direction', 'lat', 'lon', "
    "'radius_km', 'flags']\n"
    "analysis.claims_frame()[COLUMNS]",
    "print(len(analysis.checks_frame()), 'pairs checked')",
    "md:## Before",
    "analysis.to_map()",
    "md:## The corrections\nKeyed by document id and span (offsets as `geokit parse --json` prints them), "
    "never by list position. Paris, Texas is among the alternatives above (`geonames:4717560`).",
    "def span(text, words, nth=0):\n"
    "    start = -1\n"
    "    for _ in range(nth + 1):\n"
    "        start = text.index(words, start + 1)\n"
    "    return start, start + len(words)\n\n"
    "fixes = Corrections()\n"
    "for nth in range(3):\n"
    "    fixes.choose('input0', *span(story, 'Paris', nth), 'geonames:4717560', note='a Texas story')\n"
    "fixes.add_mention('input0', *span(story, 'sulphur springs'))        # resolved in context\n"
    "fixes.not_a_claim('input0', *span(story, 'south of Paris'), note='where a drive went')\n"
    "print(json.dumps(fixes.to_dict(), indent=1)[:600], '...')",
    "fixed = fixes.apply(analysis)\nfixed.errors",
    "md:## After\nThe corrected mentions are marked, with what they were before:",
    "mentions_table(fixed)",
    "md:The claims anchored on Paris were extracted again and re-estimated in Texas; the over-read claim is "
    "kept, flagged and not estimated; and the two shelters, now 39 km apart by their anchors, are compared:",
    "fixed.claims_frame()[COLUMNS]",
    "fixed.checks_frame()[['target', 'verdict', 'source_a', 'says_a', 'source_b', 'says_b', 'km_apart', "
    "'reasons']]",
    "md:A correction that names a span where there is nothing is reported, by entry, and the others still "
    "apply:",
    "oops = Corrections().choose('input0', 0, 9, 'geonames:4717560').add_mention('input0', "
    "*span(story, 'sulphur springs'))\n"
    "[str(e) for e in oops.apply(analysis).errors]",
    "md:On the map, corrected places and estimates have an orange dashed outline; their tooltips say "
    "*corrected* and their popups say what was changed from what.",
    "fixed.to_map()",
    "md:From the command line the same corrections are a JSON file: `geokit corrections template FILES -o "
    "fixes.json` writes one entry per mention and claim to edit, and `--corrections fixes.json` applies it.",
]

if __name__ == "__main__":
    nbformat.write(notebook(CORRECTIONS), HERE / "03-corrections.ipynb")
