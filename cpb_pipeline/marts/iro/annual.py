"""The IRO annual report's figures for a financial year (1 April - 31 March).

`annual_summary(con, profile, year_end)` gives, for the year ending `year_end`
(a 31 March), one row per printed figure:

- reviews: CLA reviews in timescale, CLA review participation and review child
  protection conferences (RCPCs) in timescale, each the sum of the 12 monthly
  numerators over the sum of the 12 denominators in marts.indicator_monthly
  (authority rows);
- challenges raised in the year and their splits (PR / MA, by cohort, by type and
  cohort, by locality, MA categories, PR categories), each challenge counted once;
- PR resolution levels: of the year's PRs resolved by the year end, the share at each
  level, with how many were resolved and how many were still open at the year end;
- caseload: the mean of the 12 monthly caseloads (children_allocated / iro_fte), the
  year-end caseload, the year's average FTE, agency FTE and children allocated, and the
  agency share of the FTE at the year end.

Counting each challenge once: a challenge appears in up to 12 monthly workbooks. The
year's challenges are de-duplicated by (pseudonymised) challenge id across the year's
workbooks (April to March), keeping each challenge's row from the latest of them, and
kept when that row's raised_date is in the year. With the March workbook present this
is exactly the March workbook's sheet (it covers the 12 months to 31 March); it also
keeps a challenge that a damaged March sheet lost. Resolution is therefore "as known at
the year end": a PR resolved in April is open in this summary.

Rows: numerator is the count (or the sum over months), denominator the base (or the number
of months of an average), value the percentage (0-100), count, caseload ratio, FTE or
monthly mean as `unit` says; `months` is how many month ends contributed.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from cpb_pipeline.domain.calendar import add_months, financial_year, month_end
from cpb_pipeline.domain.iro import (
    CHALLENGE_TYPES,
    COHORTS,
    LOCALITIES,
    MA,
    MA_CATEGORIES,
    PR,
    PR_CATEGORIES,
    RESOLUTION_LEVELS,
)
from cpb_pipeline.domain.profile import Profile
from cpb_pipeline.domain.tables import INDICATOR_MONTHLY, IRO_ANNUAL_SUMMARY, IRO_CHALLENGES, IRO_STAFFING
from cpb_pipeline.runtime.store import table_exists

NAMES = IRO_ANNUAL_SUMMARY.column_names

REVIEWS = (
    ("cla_reviews_in_timescale", "CLA reviews held in timescale"),
    ("cla_review_participation", "CLA reviews with the child's participation"),
    ("cp_reviews_in_timescale", "Review child protection conferences (RCPCs) held in timescale"),
)
NOT_RECORDED = "Not recorded"


def year_month_ends(year_end: dt.date) -> list[dt.date]:
    """The 12 month ends of the financial year ending `year_end` (which must be a 31 March)."""
    if (year_end.month, year_end.day) != (3, 31):
        raise ValueError(f"{year_end} is not a financial year end (31 March)")
    return [month_end(add_months(dt.date(year_end.year - 1, 4, 1), i)) for i in range(12)]


def complete_years(con: duckdb.DuckDBPyConnection) -> list[dt.date]:
    """Year ends (31 March) of every financial year whose 12 IRO workbooks are all staged."""
    if not table_exists(con, IRO_STAFFING.qualified):
        return []
    staged = {r[0] for r in con.execute(f"SELECT DISTINCT period_end FROM {IRO_STAFFING.qualified}").fetchall()}
    years = sorted({dt.date(d.year + (1 if d.month >= 4 else 0), 3, 31) for d in staged})
    return [y for y in years if all(m in staged for m in year_month_ends(y))]


def year_challenges(con: duckdb.DuckDBPyConnection, year_end: dt.date) -> pd.DataFrame:
    """The year's challenges, each once: its row from the latest of the year's workbooks, raised in the year."""
    months = year_month_ends(year_end)
    if not table_exists(con, IRO_CHALLENGES.qualified):
        return pd.DataFrame(columns=["challenge_id", "challenge_type", "category", "cohort", "locality",
                                     "raised_date", "resolved_date", "resolution_level", "period_end"])
    return con.execute(
        f"""
        SELECT * EXCLUDE (latest) FROM (
          SELECT challenge_id, challenge_type, category, cohort, locality, raised_date, resolved_date,
                 resolution_level, period_end,
                 row_number() OVER (PARTITION BY challenge_id ORDER BY period_end DESC, source_row) AS latest
          FROM {IRO_CHALLENGES.qualified}
          WHERE period_end BETWEEN $first_month_end AND $year_end
        )
        WHERE latest = 1 AND raised_date BETWEEN $year_start AND $year_end
        """,
        {"first_month_end": months[0], "year_start": dt.date(year_end.year - 1, 4, 1), "year_end": year_end},
    ).df()


def _row(year_end, section, item, label, numerator, denominator, unit, months) -> dict:
    if unit == "percent":
        value = 100.0 * numerator / denominator if denominator else None
    elif unit in ("ratio", "fte", "mean") and denominator is not None:
        value = numerator / denominator if denominator else None
    else:
        value = numerator
    return {
        "financial_year": financial_year(year_end), "year_end": year_end, "section": section, "item": item,
        "label": label, "numerator": None if numerator is None else float(numerator),
        "denominator": None if denominator is None else float(denominator), "value": value, "unit": unit,
        "months": months,
    }


def _review_rows(con, profile: Profile, year_end: dt.date) -> list[dict]:
    months = year_month_ends(year_end)
    found: dict[str, tuple[float | None, float | None, int]] = {}
    if table_exists(con, INDICATOR_MONTHLY.qualified):
        for indicator_id, num, den, n in con.execute(
            f"""
            SELECT indicator_id, sum(numerator), sum(denominator), count(DISTINCT period_end)
            FROM {INDICATOR_MONTHLY.qualified}
            WHERE area_type = 'authority' AND area = $authority AND period_end BETWEEN $first_month_end AND $year_end
              AND list_contains($indicators, indicator_id)
            GROUP BY indicator_id
            """,
            {"authority": profile.authority.name, "first_month_end": months[0], "year_end": year_end,
             "indicators": [indicator_id for indicator_id, _ in REVIEWS]},
        ).fetchall():
            found[indicator_id] = (num, den, n)
    rows = []
    for indicator_id, label in REVIEWS:
        num, den, n = found.get(indicator_id, (None, None, 0))
        row = _row(year_end, "reviews", indicator_id, label, num, den, "percent", n)
        if num is None:
            row["value"] = None
        rows.append(row)
    return rows


def _share_rows(year_end, section, frame: pd.DataFrame, column: str, items, labels, base: int, months: int) -> list[dict]:
    counts = frame[column].fillna(NOT_RECORDED).value_counts().to_dict() if len(frame) else {}
    extra = sorted(k for k in counts if k not in items)
    return [
        _row(year_end, section, item, labels.get(item, item), counts.get(item, 0), base, "percent", months)
        for item in (*items, *extra)
    ]


def _workbooks(con, year_end: dt.date) -> int:
    """How many of the year's monthly workbooks are staged."""
    if not table_exists(con, IRO_STAFFING.qualified):
        return 0
    return int(con.execute(
        f"SELECT count(DISTINCT period_end) FROM {IRO_STAFFING.qualified} "
        "WHERE period_end BETWEEN $first_month_end AND $year_end",
        {"first_month_end": year_month_ends(year_end)[0], "year_end": year_end},
    ).fetchone()[0])


def _challenge_rows(con, year_end: dt.date) -> list[dict]:
    frame = year_challenges(con, year_end)
    months = _workbooks(con, year_end)
    total = len(frame)
    prs = frame[frame["challenge_type"] == PR]
    mas = frame[frame["challenge_type"] == MA]
    type_labels = {PR: "Problem resolutions (PR)", MA: "Management alerts (MA)"}
    rows = [_row(year_end, "challenges", "all", "IRO challenges raised", total, None, "count", months)]
    rows += _share_rows(year_end, "challenges", frame, "challenge_type", CHALLENGE_TYPES, type_labels, total, months)
    cohort_labels = {"CLA": "Children looked after", "CP": "Children subject to a CP plan"}
    rows += _share_rows(year_end, "challenges_by_cohort", frame, "cohort", COHORTS, cohort_labels, total, months)
    rows += _share_rows(year_end, "pr_by_cohort", prs, "cohort", COHORTS,
                        {c: f"PRs: {cohort_labels[c].lower()}" for c in COHORTS}, len(prs), months)
    rows += _share_rows(year_end, "ma_by_cohort", mas, "cohort", COHORTS,
                        {c: f"MAs: {cohort_labels[c].lower()}" for c in COHORTS}, len(mas), months)
    rows += _share_rows(year_end, "challenges_by_locality", frame, "locality", LOCALITIES, {}, total, months)
    rows += _share_rows(year_end, "ma_categories", mas, "category", MA_CATEGORIES, {}, len(mas), months)
    rows += _share_rows(year_end, "pr_categories", prs, "category", PR_CATEGORIES, {}, len(prs), months)
    resolved = prs[prs["resolved_date"].notna() & (prs["resolved_date"] <= pd.Timestamp(year_end))]
    rows += [
        _row(year_end, "pr_resolution", "resolved_by_year_end", "PRs raised in the year and resolved by its end",
             len(resolved), len(prs), "percent", months),
        _row(year_end, "pr_resolution", "open_at_year_end", "PRs raised in the year still open at its end",
             len(prs) - len(resolved), len(prs), "percent", months),
    ]
    rows += _share_rows(year_end, "pr_resolution_levels", resolved, "resolution_level", RESOLUTION_LEVELS, {},
                        len(resolved), months)
    return rows


def _caseload_rows(con, year_end: dt.date) -> list[dict]:
    months = year_month_ends(year_end)
    if not table_exists(con, IRO_STAFFING.qualified):
        return []
    staff = con.execute(
        f"SELECT period_end, iro_fte, agency_fte, children_allocated FROM {IRO_STAFFING.qualified} "
        "WHERE period_end BETWEEN $first_month_end AND $year_end ORDER BY period_end",
        {"first_month_end": months[0], "year_end": year_end},
    ).df()
    n = len(staff)
    if n == 0:
        return []
    caseloads = (staff["children_allocated"] / staff["iro_fte"].where(staff["iro_fte"] > 0)).dropna()
    rows = [
        _row(year_end, "caseload", "average_caseload", "Average IRO caseload (mean of the monthly caseloads)",
             float(caseloads.sum()), len(caseloads), "ratio", len(caseloads)),
        _row(year_end, "caseload", "average_fte", "Average FTE IROs chairing reviews",
             float(staff["iro_fte"].sum()), n, "fte", n),
        _row(year_end, "caseload", "average_agency_fte", "Average agency FTE",
             float(staff["agency_fte"].sum()), n, "fte", n),
        _row(year_end, "caseload", "average_children_allocated", "Average children allocated to IROs",
             float(staff["children_allocated"].sum()), n, "mean", n),
    ]
    last = staff[staff["period_end"] == pd.Timestamp(year_end)]
    if len(last):
        fte, agency, allocated = (float(last.iloc[0][c]) for c in ("iro_fte", "agency_fte", "children_allocated"))
        rows += [
            _row(year_end, "caseload", "year_end_caseload", "IRO caseload at the year end", allocated, fte, "ratio", 1),
            _row(year_end, "caseload", "year_end_fte", "FTE IROs at the year end", fte, None, "fte", 1),
            _row(year_end, "caseload", "year_end_agency_share", "Agency share of the FTE at the year end",
                 agency, fte, "percent", 1),
        ]
    return rows


def annual_summary(con: duckdb.DuckDBPyConnection, profile: Profile, year_end: dt.date) -> pd.DataFrame:
    """Every annual-report figure for the financial year ending `year_end` (31 March)."""
    rows = _review_rows(con, profile, year_end) + _challenge_rows(con, year_end) + _caseload_rows(con, year_end)
    return pd.DataFrame(rows, columns=NAMES)


def annual_summaries(con: duckdb.DuckDBPyConnection, profile: Profile) -> pd.DataFrame:
    """The summary of every complete financial year staged (all 12 workbooks present)."""
    frames = [annual_summary(con, profile, y) for y in complete_years(con)]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=NAMES)
