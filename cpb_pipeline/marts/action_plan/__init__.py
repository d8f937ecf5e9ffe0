"""Board marts over the action plan actions (the parser's frame, one or more snapshots stacked).

- `summary(actions)` -> marts.action_plan_summary
- `exceptions(actions, snapshot_date=, board_date=, stale_after_weeks=)` and
  `exceptions_for_month(actions, month, stale_after_weeks=, board_dates=)` -> marts.action_plan_exceptions
- `changes(actions)` -> marts.action_plan_changes
- `select_snapshot(month, snapshot_dates, board_dates)` -> the snapshot and board date for a month's pack

Each module has a `*_COLUMNS` dict of column -> DuckDB type for the warehouse DDL.
"""

from cpb_pipeline.marts.action_plan.changes import CHANGES_COLUMNS, changes, changes_between
from cpb_pipeline.marts.action_plan.exceptions import EXCEPTIONS_COLUMNS, exceptions, exceptions_for_month
from cpb_pipeline.marts.action_plan.snapshots import NoSnapshotError, SnapshotChoice, select_snapshot
from cpb_pipeline.marts.action_plan.summary import SUMMARY_COLUMNS, summary

__all__ = [
    "CHANGES_COLUMNS",
    "EXCEPTIONS_COLUMNS",
    "SUMMARY_COLUMNS",
    "NoSnapshotError",
    "SnapshotChoice",
    "changes",
    "changes_between",
    "exceptions",
    "exceptions_for_month",
    "select_snapshot",
    "summary",
]
