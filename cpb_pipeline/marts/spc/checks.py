"""Blocking checks on a report month's SPC rows: what would make a chart on the board wrong.

Each reads the rows as written, so a fault in the mart or in the method stops the month
before a chart is drawn from it.
"""

from __future__ import annotations

import pandas as pd

from cpb_pipeline.domain.errors import Finding
from cpb_pipeline.domain.tables import INDICATOR_SPC
from cpb_pipeline.marts.spc.method import MIN_POINTS, WINDOW_MONTHS
from cpb_pipeline.runtime.checks import CheckDef

TABLE = INDICATOR_SPC.qualified
CHART = ["indicator_id", "area_type", "area"]

CHECKS = (
    CheckDef(TABLE, "one_row_per_point", True, "One row per indicator, area and point (month end) of a chart."),
    CheckDef(TABLE, "limits_around_mean", True, "lower_limit <= mean <= upper_limit on every row, and the mean and "
             "limits the same on every point of a chart."),
    CheckDef(TABLE, "variation_follows_rules", True, "variation is common_cause exactly when no rule marks the point."),
    CheckDef(TABLE, "points_per_chart", True, f"Every chart has {MIN_POINTS} to {WINDOW_MONTHS} points, all on or "
             "before the report month."),
)


def spc_findings(frame: pd.DataFrame) -> dict[str, list[Finding]]:
    """The findings of each check in CHECKS, by check name; each names the indicator and area."""
    def finding(rule: str, rows: pd.DataFrame) -> list[Finding]:
        return [Finding(TABLE, rule, column=indicator_id, detail=f"{area_type} {area}")
                for indicator_id, area_type, area in rows[CHART].drop_duplicates().itertuples(index=False)]  # fmt: skip

    duplicated = frame[frame.duplicated([*CHART, "period_end"], keep=False)]
    outside = frame[~((frame["lower_limit"] <= frame["mean"]) & (frame["mean"] <= frame["upper_limit"]))]
    levels = frame.groupby(CHART)[["mean", "lower_limit", "upper_limit"]].nunique()
    unsteady = levels[(levels > 1).any(axis=1)].reset_index()
    unmarked = frame["rules"].map(len) == 0
    mismatched = frame[unmarked != (frame["variation"] == "common_cause")]
    counts = frame.groupby(CHART).size().rename("points").reset_index()
    sizes = counts[(counts["points"] < MIN_POINTS) | (counts["points"] > WINDOW_MONTHS)]
    late = frame[frame["period_end"] > frame["report_month"]]
    return {
        "one_row_per_point": finding("a point of a chart appears more than once", duplicated),
        "limits_around_mean": finding("the mean is not within the process limits", outside)
        + finding("the mean or the limits differ between points of one chart", unsteady),
        "variation_follows_rules": finding("variation is common_cause when a rule marks the point, or not when none "
                                           "does", mismatched),
        "points_per_chart": finding(f"a chart has fewer than {MIN_POINTS} or more than {WINDOW_MONTHS} points", sizes)
        + finding("a point after the report month", late),
    }
