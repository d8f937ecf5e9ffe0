"""`marts.benchmark_comparison`: each month's figure beside its comparators and its own recent past.

For every authority-level indicator and month: the comparators' latest
published values with their periods (labelled when a comparator has not yet
published the latest year, rather than repeating the year before), the gap and
whether it is better, worse or similar given the indicator's polarity, and the
direction of travel against last month and the same month a year before.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from cpb_pipeline.domain.calendar import add_months, financial_year, latest_year_end, month_end
from cpb_pipeline.domain.catalogue import CATALOGUE, SIMILAR_WITHIN, Indicator
from cpb_pipeline.domain.rounding import round_half_away
from cpb_pipeline.domain.tables import BENCHMARK_COMPARISON


def travel(indicator: Indicator, change: float | None) -> str | None:
    if change is None or pd.isna(change):
        return None
    if round_half_away(change, 1) == 0:
        return "no change"
    up = change > 0
    if indicator.polarity == "contextual":
        return "up" if up else "down"
    return "improving" if up == (indicator.polarity == "higher_is_better") else "worsening"


def position(indicator: Indicator, value: float | None, comparator: float | None) -> str | None:
    if value is None or comparator is None or pd.isna(value) or pd.isna(comparator):
        return None
    gap = value - comparator
    limit = SIMILAR_WITHIN.get(indicator.unit, 0.0)
    if indicator.unit == "rate_per_10000":
        limit *= abs(comparator)
    if abs(gap) <= limit:
        return "similar"
    if indicator.polarity == "contextual":
        return "higher" if gap > 0 else "lower"
    return "better" if (gap > 0) == (indicator.polarity == "higher_is_better") else "worse"


def comparison_rows(period_end: dt.date, authority_values: pd.DataFrame, series: pd.DataFrame, region: str) -> pd.DataFrame:
    """`authority_values`: indicator_id, period_end, value (authority rows of indicator_monthly, any months);
    `region`: the authority's region, its regional comparator."""
    values = {(r.indicator_id, r.period_end): r.value for r in authority_values.itertuples()}
    last_month = month_end(add_months(period_end.replace(day=1), -1))
    last_year = month_end(add_months(period_end.replace(day=1), -12))
    latest = latest_year_end(period_end)
    comparators = series[(series["area_type"] == "comparator") & (series["period_end"] <= period_end)]
    rows = []
    for indicator in CATALOGUE:
        if (indicator.id, period_end) not in values:
            continue
        value = _clean(values[(indicator.id, period_end)])
        before, year_ago = _clean(values.get((indicator.id, last_month))), _clean(values.get((indicator.id, last_year)))
        change_1m = None if value is None or before is None else value - before
        change_12m = None if value is None or year_ago is None else value - year_ago
        base = {
            "indicator_id": indicator.id, "period_end": period_end, "value": value,
            "value_last_month": before, "change_1m": change_1m, "travel_1m": travel(indicator, change_1m),
            "value_last_year": year_ago, "change_12m": change_12m, "travel_12m": travel(indicator, change_12m),
            "latest_year": financial_year(latest),
        }
        if not indicator.comparators:
            rows.append(base)
            continue
        for area in indicator.comparator_areas(region):
            found = comparators[(comparators["indicator_id"] == indicator.id) & (comparators["area"] == area)]
            if found.empty:
                rows.append({**base, "comparator": area, "comparator_note": f"no published value for {area}"})
                continue
            best = found.sort_values("period_end").iloc[-1]
            is_latest = best["period_end"] == latest
            note = (
                f"{area}: {best['period']}" if is_latest
                else f"{area}: {best['period']}, the latest published ({financial_year(latest)} not yet published)"
            )
            rows.append({
                **base, "comparator": area, "comparator_value": float(best["value"]), "comparator_period": best["period"],
                "comparator_period_end": best["period_end"], "comparator_is_latest_year": bool(is_latest),
                "comparator_note": note,
                "gap": None if value is None else value - float(best["value"]),
                "position": position(indicator, value, float(best["value"])),
            })
    return pd.DataFrame(rows, columns=BENCHMARK_COMPARISON.column_names)


def _clean(value: float | None) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
