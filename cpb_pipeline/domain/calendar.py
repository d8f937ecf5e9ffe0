"""The calendar rules every layer shares: months, month ends, financial years and English working days.

Extracts are produced on the first working day after a month end; the backstop
schedule and the freshness check count working days too. Working days exclude
weekends and the England and Wales bank holidays published by the `holidays`
package. The SQL predicates at the end are the indicator definitions' "open at month end",
"within the last N months" and "in the month", written once in DuckDB's named
parameter style (`$month_end`) for every mart that counts with them.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from functools import lru_cache

import holidays

MONTHS_SHOWN = 13
"""The board shows the 13 month ends up to the report month (the same month a year earlier first)."""


def parse_month(text: str) -> dt.date:
    """'2019-08' -> 2019-08-01; anything else is a ValueError naming the expected form."""
    try:
        return dt.datetime.strptime(text, "%Y-%m").date()
    except (TypeError, ValueError):
        raise ValueError(f"{text!r} is not a month in the form YYYY-MM") from None


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_end(month: str | dt.date) -> dt.date:
    first = parse_month(month) if isinstance(month, str) else month.replace(day=1)
    return first.replace(day=_calendar.monthrange(first.year, first.month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar arithmetic that clamps to the month's last day (31 Aug - 6 months = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def months_between(first: str, last: str) -> list[str]:
    start, stop = parse_month(first), parse_month(last)
    if stop < start:
        raise ValueError(f"{last} is before {first}")
    out, current = [], start
    while current <= stop:
        out.append(month_key(current))
        current = add_months(current, 1)
    return out


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_day_after(day: dt.date, n: int = 1) -> dt.date:
    """The n-th working day after `day` (n=1: the next working day)."""
    current, counted = day, 0
    while counted < n:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            counted += 1
    return current


def extraction_date(month: str | dt.date) -> dt.date:
    """The day a month's LCS extract is produced: the first working day after its month end."""
    return working_day_after(month_end(month), 1)


def previous_month(day: dt.date) -> str:
    """The month before the one `day` falls in, as YYYY-MM."""
    return month_key(add_months(day.replace(day=1), -1))


def month_ends_back(period_end: dt.date, count: int) -> tuple[dt.date, ...]:
    """The `count` month ends up to and including `period_end`, oldest first."""
    first = period_end.replace(day=1)
    return tuple(month_end(add_months(first, -offset)) for offset in range(count - 1, -1, -1))


def month_ends_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month end from the one of `first` to the one of `last`, oldest first."""
    months = [month_end(first)]
    while months[-1] < last:
        months.append(month_end(add_months(months[-1].replace(day=1), 1)))
    return months


def thirteen_months(period_end: dt.date) -> tuple[dt.date, ...]:
    return month_ends_back(period_end, MONTHS_SHOWN)


def financial_year(year_end: dt.date) -> str:
    """2019-03-31 -> '2018/19' (the year 1 April 2018 - 31 March 2019)."""
    return f"{year_end.year - 1}/{year_end.year % 100:02d}"


def latest_year_end(period_end: dt.date) -> dt.date:
    """The last 31 March on or before the month end."""
    year = period_end.year if period_end.month >= 4 else period_end.year - 1
    return dt.date(year, 3, 31)


# --- when the monthly refresh is due -------------------------------------------------------------------------

BACKSTOP_WORKING_DAY = 2
"""The backstop schedule runs on the second working day after month end (extracts arrive on the first)."""
FRESH_BY_WORKING_DAY = 5
"""The month must be published by the end of the fifth working day after month end."""


def backstop_month(day: dt.date) -> str | None:
    """The month whose backstop refresh falls on `day`, or None if `day` is not such a day."""
    month = previous_month(day)
    return month if working_day_after(month_end(month), BACKSTOP_WORKING_DAY) == day else None


def fresh_deadline(month: str) -> dt.date:
    """The last day by which `month` must be published."""
    return working_day_after(month_end(month), FRESH_BY_WORKING_DAY)


# --- the indicator definitions' calendar rules as SQL ----------------------------------------------------------------------------------------


def open_at_month_end(start: str, end: str, month_end: str = "$month_end") -> str:
    """Open at month end: started on or before it, and not ended by it (end null or after it)."""
    return f"({start} <= {month_end} AND ({end} IS NULL OR {end} > {month_end}))"


def within_months(column: str, months: str, month_end: str = "$month_end") -> str:
    """Within the last N months: after (month end minus N calendar months) and on or before month end."""
    return f"({column} > CAST({month_end} - to_months({months}) AS DATE) AND {column} <= {month_end})"


def in_month(column: str, month_end: str = "$month_end") -> str:
    """On a day of the month that ends at `month_end`."""
    return f"({column} BETWEEN CAST(date_trunc('month', {month_end}) AS DATE) AND {month_end})"
