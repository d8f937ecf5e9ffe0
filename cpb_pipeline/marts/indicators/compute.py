"""`marts.indicator_monthly` for one month end (docs/warehouse.md and docs/indicators.md).

Counts, rates per 10,000 and percentages, for the authority and, where the
catalogue says so, every configured district plus other_area (zero rows
included, so district rows always sum to the authority row for counts).
Values are unrounded; display rounding is `rounding.round_half_away`.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from cpb_pipeline.domain.catalogue import CATALOGUE, Indicator
from cpb_pipeline.domain.profile import Profile
from cpb_pipeline.domain.tables import INDICATOR_MONTHLY
from cpb_pipeline.marts.indicators.definitions import contributions_sql, prepare_month
from cpb_pipeline.runtime.store import run


def value_of(indicator: Indicator, numerator: float, denominator: float | None) -> float | None:
    if indicator.unit == "count":
        return numerator
    if not denominator:
        return None
    scale = {"rate_per_10000": 10_000.0, "percent": 100.0, "ratio": 1.0}[indicator.unit]
    return numerator * scale / denominator


def lcs_indicator_rows(con: duckdb.DuckDBPyConnection, profile: Profile, month_end: dt.date) -> pd.DataFrame:
    """Every LCS indicator of the catalogue for one month end, from that month's staging partition."""
    prepare_month(con, month_end, profile.districts, profile.other_area, profile.care_leaver_districts)
    rows: list[dict] = []
    totals: dict[str, tuple[float, float]] = {}
    for indicator in CATALOGUE:
        if indicator.source != "lcs" or indicator.rate_of:
            continue
        by_area = run(con, f"SELECT area, sum(num), sum(den) FROM ({contributions_sql(indicator.id)}) GROUP BY area",
                      {"month_end": month_end, "other_area": profile.other_area}).fetchall()
        sums = {area: (float(num or 0), float(den or 0)) for area, num, den in by_area}
        num = sum(n for n, _ in sums.values())
        den = sum(d for _, d in sums.values())
        totals[indicator.id] = (num, den)
        rows.append(indicator_row(indicator, month_end, "authority", profile.authority.name, num, den))
        if indicator.has_districts or (indicator.breakdown == "optional_district" and profile.care_leaver_districts):
            for area in profile.areas:
                n, d = sums.get(area, (0.0, 0.0))
                rows.append(indicator_row(indicator, month_end, "district", area, n, d))
    population = float(profile.population_at(month_end))
    for indicator in CATALOGUE:
        if indicator.rate_of:
            count, _ = totals[indicator.rate_of]
            rows.append(indicator_row(indicator, month_end, "authority", profile.authority.name, count, population))
    return pd.DataFrame(rows, columns=INDICATOR_MONTHLY.column_names)


def indicator_row(indicator: Indicator, month_end: dt.date, area_type: str, area: str, num: float, den: float) -> dict:
    denominator = None if indicator.unit == "count" else den
    return {
        "indicator_id": indicator.id,
        "period_end": month_end,
        "area_type": area_type,
        "area": area,
        "numerator": num,
        "denominator": denominator,
        "value": value_of(indicator, num, denominator),
    }

