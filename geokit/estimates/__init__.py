"""Estimates: where each claim puts its target — a point, a covering radius and an honest region."""

from __future__ import annotations

from geokit.estimates.calculator import georef_from_args, point_radius
from geokit.estimates.estimate import estimate_claim, estimate_claims, estimate_points
from geokit.estimates.policy import DEFAULT_POLICY, Policy, apply_distance_policy, distance_precision
from geokit.estimates.regions import sector_region, sector_regions

__all__ = [
    "DEFAULT_POLICY",
    "Policy",
    "apply_distance_policy",
    "distance_precision",
    "estimate_claim",
    "estimate_claims",
    "estimate_points",
    "georef_from_args",
    "point_radius",
    "sector_region",
    "sector_regions",
]
