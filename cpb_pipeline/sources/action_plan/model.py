"""What reading an action plan workbook returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cpb_pipeline.domain.errors import Finding
from cpb_pipeline.domain.tables import ACTION_COLUMNS_IN_CONTRACT, ACTION_PLAN_ACTIONS

_TYPES = list(ACTION_PLAN_ACTIONS.types.items())
ACTION_COLUMNS: dict[str, str] = dict(_TYPES[:ACTION_COLUMNS_IN_CONTRACT])
"""marts.action_plan_actions as docs/warehouse.md promises it, in order, with warehouse types."""
EXTRA_COLUMNS: dict[str, str] = dict(_TYPES[ACTION_COLUMNS_IN_CONTRACT:])
"""What the board marts need as well."""
ALL_COLUMNS: tuple[str, ...] = (*ACTION_COLUMNS, *EXTRA_COLUMNS)


@dataclass(frozen=True)
class ActionPlanSnapshot:
    """One workbook: its snapshot date, its actions and the warnings found reading it."""

    path: Path
    snapshot_date: dt.date
    actions: pd.DataFrame  # ALL_COLUMNS, one row per action, in sheet and row order
    warnings: tuple[Finding, ...]
    sheets_read: tuple[str, ...]
    sheets_skipped: tuple[str, ...]

    def warehouse_table(self) -> pd.DataFrame:
        """Exactly the columns of marts.action_plan_actions (docs/warehouse.md)."""
        return self.actions[list(ACTION_COLUMNS)].copy()


def empty_actions() -> pd.DataFrame:
    return to_frame([])


def to_frame(records: list[dict]) -> pd.DataFrame:
    return ACTION_PLAN_ACTIONS.conform(pd.DataFrame.from_records(records, columns=list(ALL_COLUMNS)))
