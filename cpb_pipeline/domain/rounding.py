"""How figures are shown: whether there is one at all, and one decimal place, rounded half away from zero, as Excel does."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal


def round_half_away(value: float | None, decimals: int = 1) -> float | None:
    """Round as Excel's ROUND does (2.25 -> 2.3, -2.25 -> -2.3), using the shortest decimal that reads back as the float."""
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(str(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def present(value: object) -> bool:
    """Whether there is a figure: not None, not NaN, and a number."""
    if value is None:
        return False
    try:
        return not math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
