"""Which action plan snapshot a month's board pack uses, and the board date.

Month M's pack (a board that meets in month M+1) uses the latest snapshot dated on or
before the last day of month M+1. When the profile gives the meeting date,
`action_plan.board_dates["YYYY-MM"]`, that date is the board date and the pack uses
the latest snapshot dated on or before it. Otherwise the board date is the
snapshot's own date. No qualifying snapshot is a `NoSnapshotError` that says which
month, which cut-off and what snapshots there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cpb_pipeline.domain.calendar import add_months, month_end, parse_month


class NoSnapshotError(LookupError):
    """No action plan snapshot qualifies for a month's pack."""


@dataclass(frozen=True)
class SnapshotChoice:
    month: str  # the pack's month, YYYY-MM
    snapshot_date: dt.date
    board_date: dt.date
    board_date_configured: bool  # True when the profile set the board date


def select_snapshot(
    month: str,
    snapshot_dates: Iterable[dt.date],
    board_dates: Mapping[str, dt.date] | None = None,
) -> SnapshotChoice:
    """(snapshot_date, board_date) for month `month` (YYYY-MM)."""
    first = parse_month(month)
    available = sorted(set(snapshot_dates))
    configured = (board_dates or {}).get(month)
    if configured is not None:
        cutoff, reason = configured, f"the board date {configured:%d/%m/%Y} set in action_plan.board_dates"
    else:
        cutoff = month_end(add_months(first, 1))
        reason = f"the end of the following month ({cutoff:%d/%m/%Y})"
    eligible = [day for day in available if day <= cutoff]
    if not eligible:
        have = (
            f"the earliest snapshot is {available[0]:%d/%m/%Y}" if available else "there are no action plan snapshots"
        )
        raise NoSnapshotError(
            f"no action plan snapshot for the {month} pack: none is dated on or before {reason}; {have}"
        )
    snapshot = eligible[-1]
    return SnapshotChoice(month, snapshot, configured or snapshot, configured is not None)
