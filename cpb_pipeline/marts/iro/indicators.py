"""The four IRO indicators of docs/indicators.md, in the row format of marts.indicator_monthly.

All four come from the month's own workbook (the staging partition for the
month end) and have authority rows only:

- iro_pr_raised / iro_ma_raised: challenges of that type with raised_date in the month;
- iro_challenges_open_over_4_weeks: challenges open at month end (resolved_date null or
  after month_end) raised more than 28 days before month_end (exactly 28 days is not over);
- iro_caseload: numerator children_allocated, denominator iro_fte, value the ratio
  (null when iro_fte is 0).

A month whose workbook is not staged gives no rows (an empty frame), never zeros.
A month is staged when staging.iro_staffing holds its partition (a staged month
always has its one Staffing row; its Challenges sheet may be empty).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from cpb_pipeline.domain.calendar import in_month, open_at_month_end
from cpb_pipeline.domain.catalogue import indicator
from cpb_pipeline.domain.iro import MA, OVER_4_WEEKS_DAYS, PR
from cpb_pipeline.domain.profile import Profile
from cpb_pipeline.domain.tables import INDICATOR_MONTHLY, IRO_CHALLENGES, IRO_STAFFING
from cpb_pipeline.marts.indicators.compute import indicator_row
from cpb_pipeline.runtime.store import partition_exists, table_exists

IRO_INDICATORS = ("iro_pr_raised", "iro_ma_raised", "iro_challenges_open_over_4_weeks", "iro_caseload")


def iro_counts(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> dict[str, float]:
    """PRs and MAs raised in the month, and challenges open over 4 weeks at its end, from the month's workbook."""
    if not table_exists(con, IRO_CHALLENGES.qualified):
        return {"iro_pr_raised": 0.0, "iro_ma_raised": 0.0, "iro_challenges_open_over_4_weeks": 0.0}
    pr, ma, over = con.execute(
        f"""
        SELECT
          count(*) FILTER (WHERE challenge_type = '{PR}' AND {in_month('raised_date')}),
          count(*) FILTER (WHERE challenge_type = '{MA}' AND {in_month('raised_date')}),
          count(*) FILTER (WHERE {open_at_month_end('raised_date', 'resolved_date')} AND raised_date < $month_end - INTERVAL {OVER_4_WEEKS_DAYS} DAY)
        FROM {IRO_CHALLENGES.qualified}
        WHERE period_end = $month_end
        """,
        {"month_end": month_end},
    ).fetchone()
    return {"iro_pr_raised": float(pr), "iro_ma_raised": float(ma), "iro_challenges_open_over_4_weeks": float(over)}


def iro_indicator_rows(con: duckdb.DuckDBPyConnection, profile: Profile, month_end: dt.date) -> pd.DataFrame:
    """The IRO rows of marts.indicator_monthly for one month end (authority rows only)."""
    columns = INDICATOR_MONTHLY.column_names
    if not partition_exists(con, IRO_STAFFING.qualified, month_end):
        return pd.DataFrame(columns=columns)
    area = profile.authority.name
    rows = [
        indicator_row(indicator(indicator_id), month_end, "authority", area, count, None)
        for indicator_id, count in iro_counts(con, month_end).items()
    ]
    allocated, fte = con.execute(
        f"SELECT children_allocated, iro_fte FROM {IRO_STAFFING.qualified} WHERE period_end = $month_end "
        "ORDER BY source_row LIMIT 1",
        {"month_end": month_end},
    ).fetchone()
    rows.append(indicator_row(indicator("iro_caseload"), month_end, "authority", area, float(allocated), float(fte)))
    return pd.DataFrame(rows, columns=columns)
