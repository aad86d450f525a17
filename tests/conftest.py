"""Test settings (hypothesis runs the same examples on every machine) and fixtures shared by test files."""

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "geokit",
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(os.environ.get("GEOKIT_HYPOTHESIS_PROFILE", "geokit"))


@pytest.fixture(scope="session")
def gaz():
    """The offline gazetteer (built once by ``geokit data build``), loaded once for the whole run."""
    from geokit.places.gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture(scope="session")
def resolver():
    """The resolver over the offline gazetteer, built once for the whole run."""
    from geokit.places.gazetteer import get_gazetteer
    from geokit.places.resolve import Resolver

    return Resolver(get_gazetteer())
