"""Months, month ends and English working days.

Extracts are produced on the first working day after a month end; the backstop
schedule and the freshness check count working days too. Working days exclude
weekends and the England and Wales bank holidays published by the `holidays`
package.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from functools import lru_cache

import holidays

FIRST_MONTH = "2018-04"


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
