"""The tests' own rounding oracle: half away from zero, as Excel's ROUND, worked out in exact decimal arithmetic.

Tests compare shown figures with this, never with the production rounding they check.
"""

from __future__ import annotations

from fractions import Fraction


def half_away(value: float, decimals: int = 1) -> float:
    """Round the decimal the float prints as (repr) to `decimals` places, halves away from zero."""
    exact = Fraction(repr(float(value)))
    scaled = abs(exact) * 10**decimals
    whole = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)
    return (whole if exact >= 0 else -whole) / 10**decimals
