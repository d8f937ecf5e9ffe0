"""The primary disclosure rules of the published versions, on one figure at a time (the profile's `publication`).

Shared by the marts (a district SPC chart is computed only from figures the published
board could show) and by `outputs/suppression.py` (the whole board's suppression pass),
so both layers read a small number the same way. Secondary suppression, which needs the
whole table, stays with the board pass.
"""

from __future__ import annotations

from cpb_pipeline.domain.profile import Publication
from cpb_pipeline.domain.rounding import present


def small_count(value: float | None, publication: Publication) -> bool:
    """A count shown as the symbol: within the suppressed range and not zero."""
    if not present(value):
        return False
    number = float(value)  # type: ignore[arg-type]
    return number != 0 and publication.suppress_counts_from <= number <= publication.suppress_counts_to


def figure_suppressed(unit: str, numerator: float | None, denominator: float | None, value: float | None,
                      publication: Publication) -> bool:  # fmt: skip
    """Primary suppression of one figure of `unit` (a count, a rate per 10,000, a percentage or a ratio)."""
    if unit == "count":
        return small_count(value if present(value) else numerator, publication)
    if not present(value):
        return False  # nothing to show (denominator zero): shown as missing, not as suppressed
    if unit == "percent" and present(denominator) and float(denominator) < publication.min_denominator:  # type: ignore[arg-type]
        return True
    return small_count(numerator, publication)
