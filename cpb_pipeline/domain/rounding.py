"""How figures are shown: one decimal place, rounded half away from zero, as Excel does."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_away(value: float | None, decimals: int = 1) -> float | None:
    """Round as Excel's ROUND does (2.25 -> 2.3, -2.25 -> -2.3), using the shortest decimal that reads back as the float."""
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(str(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))
