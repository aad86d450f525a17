"""Checks: compare claims about one target across sources (verdict, separation, overlap, reasons)."""

from geokit.checks.compare import compare
from geokit.checks.grouping import group_claims
from geokit.checks.land import at_sea, claim_flags, outside_country
from geokit.checks.targets import Target, check_claims

__all__ = ["Target", "at_sea", "check_claims", "claim_flags", "compare", "group_claims", "outside_country"]
