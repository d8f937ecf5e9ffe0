"""The generator's time axis: month indices and day numbers.

The simulation works on whole months (an index y*12+m-1) and on days counted from
1970-01-01, which numpy stores as datetime64[D] without conversion. Month ends and
extraction dates come from cpb_pipeline.domain.calendar so that the generator and the
pipeline agree on which day an extract is taken.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from cpb_pipeline.domain.calendar import add_months, extraction_date, month_end, parse_month

EPOCH = dt.date(1970, 1, 1)


def index(month: str) -> int:
    first = parse_month(month)
    return first.year * 12 + first.month - 1


def label(m: int) -> str:
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def day(date: dt.date) -> int:
    return (date - EPOCH).days


def date_of(n: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(n))


@lru_cache(maxsize=None)
def first_day(m: int) -> int:
    return day(dt.date(m // 12, m % 12 + 1, 1))


@lru_cache(maxsize=None)
def end_day(m: int) -> int:
    return day(month_end(label(m)))


@lru_cache(maxsize=None)
def extraction_day(m: int) -> int:
    return day(extraction_date(label(m)))


def month_of(n: int) -> int:
    d = date_of(n)
    return d.year * 12 + d.month - 1


def shift(n: int, months: int) -> int:
    """Calendar month arithmetic on a day number (clamped to the month's last day)."""
    return day(add_months(date_of(n), months))
