"""The monthly IRO marts, each from the month's own workbook (one staging partition).

- `challenge_counts`: challenges raised in the month, resolved in the month and open at
  month end, by type, category, cohort and locality (every valid combination, zeros
  included, plus any combination the data holds outside them).
- `resolution_levels`: PRs resolved in the month by the level they were resolved at,
  with each level's share of the PRs resolved in the month.
- `open_ageing`: challenges open at month end by type and age band, the age being the
  days from raised_date to the month end: 0-2 weeks (0-14 days), 2-4 weeks (15-28),
  4-8 weeks (29-56), 8+ weeks (57 or more). The last two bands together are exactly
  the indicator iro_challenges_open_over_4_weeks.

A month whose workbook is not staged gives an empty frame.
"""

from __future__ import annotations

import datetime as dt
import itertools

import duckdb
import pandas as pd

from cpb_pipeline.domain.calendar import in_month, open_at_month_end
from cpb_pipeline.domain.iro import CATEGORIES, CHALLENGE_TYPES, COHORTS, LOCALITIES, PR, RESOLUTION_LEVELS
from cpb_pipeline.domain.tables import (
    IRO_CHALLENGES,
    IRO_CHALLENGES_MONTHLY,
    IRO_OPEN_AGEING,
    IRO_RESOLUTION_LEVELS,
    IRO_STAFFING,
)
from cpb_pipeline.runtime.store import partition_exists, table_exists

NOT_RECORDED = "Not recorded"
MEASURES = ("raised", "resolved", "open")
AGE_BANDS = (("0-2 weeks", 0, 14), ("2-4 weeks", 15, 28), ("4-8 weeks", 29, 56), ("8+ weeks", 57, None))


def _staged(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> bool:
    return partition_exists(con, IRO_STAFFING.qualified, month_end)


def _challenges(con: duckdb.DuckDBPyConnection, sql: str, month_end: dt.date) -> pd.DataFrame:
    if not table_exists(con, IRO_CHALLENGES.qualified):
        return pd.DataFrame()
    return con.execute(sql.format(table=IRO_CHALLENGES.qualified), {"month_end": month_end}).df()


def challenge_counts(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> pd.DataFrame:
    if not _staged(con, month_end):
        return pd.DataFrame(columns=IRO_CHALLENGES_MONTHLY.column_names)
    counted = _challenges(
        con,
        f"""
        SELECT measure, challenge_type, category, cohort, locality, count(*) AS challenges
        FROM (
          SELECT 'raised' AS measure, * FROM {{table}} WHERE period_end = $month_end AND {in_month('raised_date')}
          UNION ALL
          SELECT 'resolved', * FROM {{table}} WHERE period_end = $month_end AND {in_month('resolved_date')}
          UNION ALL
          SELECT 'open', * FROM {{table}} WHERE period_end = $month_end AND {open_at_month_end('raised_date', 'resolved_date')}
        )
        GROUP BY ALL
        """,
        month_end,
    )
    grid = [
        (measure, kind, category, cohort, locality)
        for measure, kind in itertools.product(MEASURES, CHALLENGE_TYPES)
        for category, cohort, locality in itertools.product(CATEGORIES[kind], COHORTS, LOCALITIES)
    ]
    counts = {}
    for row in counted.itertuples(index=False):
        counts[(row.measure, row.challenge_type, row.category, row.cohort, row.locality)] = int(row.challenges)
    keys = grid + sorted(k for k in counts if k not in set(grid))
    frame = pd.DataFrame(
        [(month_end, *k, counts.get(k, 0)) for k in keys], columns=IRO_CHALLENGES_MONTHLY.column_names
    )
    return frame


def resolution_levels(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> pd.DataFrame:
    if not _staged(con, month_end):
        return pd.DataFrame(columns=IRO_RESOLUTION_LEVELS.column_names)
    counted = _challenges(
        con,
        f"""
        SELECT coalesce(resolution_level, '{NOT_RECORDED}') AS level, count(*) AS n,
               avg(resolved_date - raised_date) AS mean_days
        FROM {{table}}
        WHERE period_end = $month_end AND challenge_type = '{PR}' AND {in_month('resolved_date')}
        GROUP BY ALL
        """,
        month_end,
    )
    found = {r.level: (int(r.n), float(r.mean_days)) for r in counted.itertuples(index=False)}
    total = sum(n for n, _ in found.values())
    rows = []
    for order, level in enumerate((*RESOLUTION_LEVELS, NOT_RECORDED), start=1):
        n, mean_days = found.get(level, (0, None))
        rows.append((month_end, level, order, n, 100.0 * n / total if total else None, mean_days))
    return pd.DataFrame(rows, columns=IRO_RESOLUTION_LEVELS.column_names)


def age_band(days: int) -> str:
    for name, low, high in AGE_BANDS:
        if days >= low and (high is None or days <= high):
            return name
    raise ValueError(f"negative age {days}")


def open_ageing(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> pd.DataFrame:
    if not _staged(con, month_end):
        return pd.DataFrame(columns=IRO_OPEN_AGEING.column_names)
    ages = _challenges(
        con,
        f"""
        SELECT challenge_type, $month_end::DATE - raised_date AS days
        FROM {{table}} WHERE period_end = $month_end AND {open_at_month_end('raised_date', 'resolved_date')}
        """,
        month_end,
    )
    counts: dict[tuple[str, str], int] = {}
    for row in ages.itertuples(index=False):
        key = (row.challenge_type, age_band(int(row.days)))
        counts[key] = counts.get(key, 0) + 1
    rows = [
        (month_end, kind, band, order, low > 28, counts.get((kind, band), 0))
        for kind in CHALLENGE_TYPES
        for order, (band, low, _) in enumerate(AGE_BANDS, start=1)
    ]
    return pd.DataFrame(rows, columns=IRO_OPEN_AGEING.column_names)
