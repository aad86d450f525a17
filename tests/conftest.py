"""Test settings: hypothesis runs the same examples on every machine, so CI results are reproducible."""

import os

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
