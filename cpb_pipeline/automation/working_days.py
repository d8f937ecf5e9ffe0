"""When the monthly refresh is due: counted in English working days after the month end."""

from __future__ import annotations

import datetime as dt

from cpb_pipeline.calendar import add_months, month_end, month_key, working_day_after

BACKSTOP_WORKING_DAY = 2
"""The backstop schedule runs on the second working day after month end (extracts arrive on the first)."""
FRESH_BY_WORKING_DAY = 5
"""The month must be materialised by the end of the fifth working day after month end."""


def previous_month(day: dt.date) -> str:
    return month_key(add_months(day.replace(day=1), -1))


def backstop_month(day: dt.date) -> str | None:
    """The month whose backstop refresh falls on `day`, or None if `day` is not such a day."""
    month = previous_month(day)
    return month if working_day_after(month_end(month), BACKSTOP_WORKING_DAY) == day else None


def fresh_deadline(month: str) -> dt.date:
    """The last day by which `month` must be materialised."""
    return working_day_after(month_end(month), FRESH_BY_WORKING_DAY)
