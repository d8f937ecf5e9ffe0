"""marts.action_plan_exceptions: what the board should look at in a month's snapshot.

One row per action and exception type (an action can appear under several):

- `red_amber`: every Red or Amber action, with the text of its newest dated
  progress note;
- `overdue`: due before the board date and not Blue (no due date, no overdue);
- `stale`: not Blue, and no dated progress note in the `stale_after_weeks` weeks
  up to the snapshot date (a note dated after snapshot_date − N weeks and on or
  before the snapshot date counts; no dated note at all is stale).

Blue actions are closed, so they are never overdue or stale.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from cpb_pipeline.domain.tables import ACTION_PLAN_EXCEPTIONS
from cpb_pipeline.marts.action_plan.snapshots import SnapshotChoice, select_snapshot

EXCEPTION_TYPES: tuple[str, ...] = ("red_amber", "overdue", "stale")

EXCEPTIONS_COLUMNS = ACTION_PLAN_EXCEPTIONS.types

_BRAG_ORDER = {"Red": 0, "Amber": 1, "Green": 2, "Blue": 3}


def exceptions(
    actions: pd.DataFrame,
    *,
    snapshot_date: dt.date,
    board_date: dt.date,
    stale_after_weeks: int,
    board_month: str | None = None,
) -> pd.DataFrame:
    """Exceptions in one snapshot (rows of `actions` with that snapshot_date) for a board on `board_date`."""
    snap = actions[actions["snapshot_date"] == snapshot_date]
    stale_after = snapshot_date - dt.timedelta(weeks=stale_after_weeks)
    rows: list[dict] = []
    for record in snap.to_dict("records"):
        brag = record["brag"]
        due, latest = record["due_date"], record["latest_update_date"]
        flags = []
        if brag in ("Red", "Amber"):
            flags.append("red_amber")
        if brag != "Blue" and _present(due) and due < board_date:
            flags.append("overdue")
        if brag != "Blue" and (not _present(latest) or latest <= stale_after):
            flags.append("stale")
        for flag in flags:
            rows.append(
                {
                    "board_month": board_month,
                    "board_date": board_date,
                    "snapshot_date": snapshot_date,
                    "exception": flag,
                    **{k: record.get(k) for k in (
                        "sheet", "sheet_position", "source_row", "objective_number", "objective_title", "ref",
                        "activity", "responsible_service", "brag", "timescale_text", "due_date",
                        "latest_update_date", "latest_note",
                    )},  # fmt: skip
                    "days_overdue": (board_date - due).days if flag == "overdue" else None,
                    "days_since_update": (snapshot_date - latest).days if _present(latest) else None,
                }
            )
    frame = pd.DataFrame.from_records(rows, columns=list(EXCEPTIONS_COLUMNS))
    if not frame.empty:
        frame = frame.assign(
            _e=frame["exception"].map(EXCEPTION_TYPES.index), _b=frame["brag"].map(_BRAG_ORDER).fillna(9)
        )
        frame = frame.sort_values(["_e", "_b", "sheet_position", "source_row"], kind="stable")
        frame = frame.drop(columns=["_e", "_b"]).reset_index(drop=True)
    return ACTION_PLAN_EXCEPTIONS.conform(frame)


def exceptions_for_month(
    actions: pd.DataFrame,
    month: str,
    *,
    stale_after_weeks: int,
    board_dates: dict[str, dt.date] | None = None,
) -> tuple[SnapshotChoice, pd.DataFrame]:
    """Pick month `month`'s snapshot and board date (snapshots.py), then list its exceptions."""
    dates = [d for d in actions["snapshot_date"].dropna().unique()]
    choice = select_snapshot(month, dates, board_dates)
    frame = exceptions(
        actions,
        snapshot_date=choice.snapshot_date,
        board_date=choice.board_date,
        stale_after_weeks=stale_after_weeks,
        board_month=month,
    )
    return choice, frame


def _present(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value is not pd.NaT
