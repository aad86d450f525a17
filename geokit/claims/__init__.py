"""Relative-location claims: "45 km southwest of Sirte", "near Sirte", "eastern Mosul"."""

from __future__ import annotations

from geokit.claims.extract import extract_claims
from geokit.claims.grammar import normalise_unit, parse_direction, parse_hedge, parse_number, to_metres
from geokit.claims.targets import target_key

__all__ = [
    "extract_claims",
    "normalise_unit",
    "parse_direction",
    "parse_hedge",
    "parse_number",
    "target_key",
    "to_metres",
]
