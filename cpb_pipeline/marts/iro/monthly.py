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

from cpb_pipeline.marts.iro.common import (
    CHALLENGES,
    STAFFING,
    has_month,
    open_at,
    raised_in_month,
    resolved_in_month,
    table_exists,
)
from cpb_pipeline.sources.iro.spec import CATEGORIES, CHALLENGE_TYPES, COHORTS, LOCALITIES, RESOLUTION_LEVELS

NOT_RECORDED = "Not recorded"
MEASURES = ("raised", "resolved", "open")
AGE_BANDS = (("0-2 weeks", 0, 14), ("2-4 weeks", 15, 28), ("4-8 weeks", 29, 56), ("8+ weeks", 57, None))

CHALLENGE_COUNT_COLUMNS = [
    ("period_end", "DATE", "the month end (partition)"),
    ("measure", "VARCHAR", "raised (raised in the month), resolved (resolved in the month) or open (open at month end)"),
    ("challenge_type", "VARCHAR", "PR or MA"),
    ("category", "VARCHAR", "the challenge's category"),
    ("cohort", "VARCHAR", "CLA or CP"),
    ("locality", "VARCHAR", "North, Central or East"),
    ("challenges", "BIGINT", "number of challenges (zero rows included for every valid combination)"),
]

RESOLUTION_COLUMNS = [
    ("period_end", "DATE", "the month end (partition)"),
    ("resolution_level", "VARCHAR", "Practice Manager, Team Manager, Senior Manager, Head of Service, or Not recorded"),
    ("level_order", "INTEGER", "display order of the level (1 = Practice Manager)"),
    ("prs_resolved", "BIGINT", "PRs resolved in the month at this level"),
    ("percent", "DOUBLE", "share of the PRs resolved in the month (0-100, unrounded); null when none were resolved"),
    ("mean_days_to_resolve", "DOUBLE", "mean days from raised_date to resolved_date of these PRs; null when none"),
]

AGEING_COLUMNS = [
    ("period_end", "DATE", "the month end (partition)"),
    ("challenge_type", "VARCHAR", "PR or MA"),
    ("age_band", "VARCHAR", "days open at month end: 0-2 weeks (0-14), 2-4 weeks (15-28), 4-8 weeks (29-56), 8+ weeks (57+)"),
    ("band_order", "INTEGER", "display order of the band (1 = 0-2 weeks)"),
    ("over_4_weeks", "BOOLEAN", "true for the bands counted by iro_challenges_open_over_4_weeks"),
    ("open_challenges", "BIGINT", "challenges open at month end in this band"),
]


def _names(columns: list[tuple[str, str, str]]) -> list[str]:
    return [c for c, _, _ in columns]


def _staged(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> bool:
    return has_month(con, STAFFING, month_end)


def _challenges(con: duckdb.DuckDBPyConnection, sql: str, month_end: dt.date) -> pd.DataFrame:
    if not table_exists(con, CHALLENGES):
        return pd.DataFrame()
    return con.execute(sql.format(table=CHALLENGES), {"month_end": month_end}).df()


def challenge_counts(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> pd.DataFrame:
    if not _staged(con, month_end):
        return pd.DataFrame(columns=_names(CHALLENGE_COUNT_COLUMNS))
    counted = _challenges(
        con,
        f"""
        SELECT measure, challenge_type, category, cohort, locality, count(*) AS challenges
        FROM (
          SELECT 'raised' AS measure, * FROM {{table}} WHERE period_end = $month_end AND {raised_in_month()}
          UNION ALL
          SELECT 'resolved', * FROM {{table}} WHERE period_end = $month_end AND {resolved_in_month()}
          UNION ALL
          SELECT 'open', * FROM {{table}} WHERE period_end = $month_end AND {open_at()}
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
        [(month_end, *k, counts.get(k, 0)) for k in keys], columns=_names(CHALLENGE_COUNT_COLUMNS)
    )
    return frame


def resolution_levels(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> pd.DataFrame:
    if not _staged(con, month_end):
        return pd.DataFrame(columns=_names(RESOLUTION_COLUMNS))
    counted = _challenges(
        con,
        f"""
        SELECT coalesce(resolution_level, '{NOT_RECORDED}') AS level, count(*) AS n,
               avg(resolved_date - raised_date) AS mean_days
        FROM {{table}}
        WHERE period_end = $month_end AND challenge_type = 'PR' AND {resolved_in_month()}
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
    return pd.DataFrame(rows, columns=_names(RESOLUTION_COLUMNS))


def age_band(days: int) -> str:
    for name, low, high in AGE_BANDS:
        if days >= low and (high is None or days <= high):
            return name
    raise ValueError(f"negative age {days}")


def open_ageing(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> pd.DataFrame:
    if not _staged(con, month_end):
        return pd.DataFrame(columns=_names(AGEING_COLUMNS))
    ages = _challenges(
        con,
        f"""
        SELECT challenge_type, $month_end::DATE - raised_date AS days
        FROM {{table}} WHERE period_end = $month_end AND {open_at()}
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
    return pd.DataFrame(rows, columns=_names(AGEING_COLUMNS))
