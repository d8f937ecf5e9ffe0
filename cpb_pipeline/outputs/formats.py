"""How figures, changes and months read in the board outputs (one place for both the pack and the report).

Every shown figure is rounded with `display.round_half_away` (one decimal, half
away from zero, as Excel does); counts are whole numbers.
"""

from __future__ import annotations

import datetime as dt

from cpb_pipeline.domain.catalogue import Unit
from cpb_pipeline.domain.rounding import present, round_half_away

UP, DOWN, SAME = "\u25b2", "\u25bc", "\u25ba"  # ▲ ▼ ►
BETTER_MARK, WORSE_MARK, SIMILAR_MARK = "\u2714", "\u2718", "\u2248"  # ✔ ✘ ≈
MISSING = "\u2013"  # – : no figure for that month or year

EXCEL_FORMATS: dict[str, str] = {
    "count": "#,##0",
    "rate_per_10000": "0.0",
    "percent": '0.0" %"',
    "ratio": "0.0",
}


def shown_value(unit: Unit, value: float | None) -> float | None:
    """The figure as the outputs show it: counts whole, everything else to one decimal (half away from zero)."""
    if not present(value):
        return None
    return round_half_away(float(value), 0 if unit == "count" else 1)  # type: ignore[arg-type]


def number_text(unit: Unit, value: float | None) -> str:
    """'2,117', '85.9', '89.7 %'; the en dash when there is no figure."""
    shown = shown_value(unit, value)
    if shown is None:
        return MISSING
    if unit == "count":
        return f"{int(shown):,}"
    text = f"{shown:,.1f}"
    return f"{text} %" if unit == "percent" else text


def figure_text(unit: Unit, value: float | None) -> str:
    """A figure in a sentence: '2,117', '85.9 per 10,000', '89.7 %', '18.2'."""
    text = number_text(unit, value)
    return f"{text} per 10,000" if unit == "rate_per_10000" and text != MISSING else text


def change_amount(unit: Unit, change: float) -> str:
    """The size of a change in words: '3', '1.4 percentage points', '0.3 per 10,000'."""
    size = abs(shown_value(unit, change) or 0.0)
    if unit == "count":
        return f"{int(size):,}"
    if unit == "percent":
        return f"{size:,.1f} percentage point{'' if size == 1 else 's'}"
    if unit == "rate_per_10000":
        return f"{size:,.1f} per 10,000"
    return f"{size:,.1f}"


def signed_change(unit: Unit, change: float) -> str:
    """'+58', '−1.4' (one decimal except for counts)."""
    shown = shown_value(unit, change) or 0.0
    if shown == 0:
        return "0" if unit == "count" else "0.0"
    sign = "+" if shown > 0 else "\u2212"
    size = abs(shown)
    return f"{sign}{int(size):,}" if unit == "count" else f"{sign}{size:,.1f}"


def month_label(day: dt.date) -> str:
    """'Aug-19', as the seed's column headings."""
    return day.strftime("%b-%y")


def month_name(day: dt.date) -> str:
    """'August 2019'."""
    return day.strftime("%B %Y")
