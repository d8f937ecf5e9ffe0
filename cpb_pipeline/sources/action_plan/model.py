"""What reading an action plan workbook returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cpb_pipeline.errors import Finding

# marts.action_plan_actions (contracts §6), in order, with their warehouse types
ACTION_COLUMNS: dict[str, str] = {
    "snapshot_date": "DATE",
    "sheet": "VARCHAR",
    "objective_number": "INTEGER",
    "objective_title": "VARCHAR",
    "ref": "VARCHAR",
    "activity": "VARCHAR",
    "responsible_service": "VARCHAR",
    "timescale_text": "VARCHAR",
    "due_date": "DATE",
    "brag": "VARCHAR",
    "latest_update_date": "DATE",
}

# What the board marts need as well; not part of the §6 table
EXTRA_COLUMNS: dict[str, str] = {
    "sheet_position": "INTEGER",  # 0-based order of the sheet in the workbook
    "source_row": "INTEGER",  # the action's row in the sheet, as Excel numbers it
    "getting_to_good_ref": "VARCHAR",
    "progress": "VARCHAR",  # the Progress cell as written
    "latest_note": "VARCHAR",  # the text of the newest dated progress note
    "timescale_kind": "VARCHAR",  # date, month, blank, free_text, not_a_calendar_date
    "source_file": "VARCHAR",
}

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
        """Exactly the columns of marts.action_plan_actions (contracts §6)."""
        return self.actions[list(ACTION_COLUMNS)].copy()


def empty_actions() -> pd.DataFrame:
    return to_frame([])


def to_frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(ALL_COLUMNS))
    for name, kind in {**ACTION_COLUMNS, **EXTRA_COLUMNS}.items():
        if kind == "INTEGER":
            frame[name] = frame[name].astype("Int32")
        elif kind in ("DATE", "VARCHAR"):
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return frame
