"""marts.action_plan_summary: BRAG counts by snapshot, sheet and objective, with totals.

One row per snapshot and grouping `level`:

- `sheet_objective`: one sheet, one objective;
- `sheet`: one sheet, all its objectives;
- `objective`: one objective across all sheets (sheet is null);
- `snapshot`: the whole workbook (sheet and objective are null).

Counts are wide (blue, red, amber, green) with `total` and `open_actions` (red +
amber + green). `display_order` sorts the rows as the board pack prints them.
Objectives with no actions on a sheet do not appear; actions above the first banner
count under a null objective.
"""

from __future__ import annotations

import pandas as pd

from cpb_pipeline.domain.action_plan import BRAG_VALUES
from cpb_pipeline.domain.tables import ACTION_PLAN_SUMMARY

SUMMARY_COLUMNS = ACTION_PLAN_SUMMARY.types

_NO_OBJECTIVE = 1_000_000  # stands in for a null objective while grouping (sorts last)


def summary(actions: pd.DataFrame) -> pd.DataFrame:
    """Counts for every snapshot in `actions` (the parser's frame; several snapshots may be stacked)."""
    rows: list[dict] = []
    if actions.empty:
        return _frame(rows)
    frame = actions.assign(
        _objective=actions["objective_number"].astype("Int64").fillna(_NO_OBJECTIVE).astype(int),
    )
    titles = (
        frame.sort_values(["sheet_position", "source_row"])
        .groupby(["snapshot_date", "_objective"], sort=False)["objective_title"]
        .first()
    )
    for snapshot_date, snap in frame.groupby("snapshot_date", sort=True):
        order = 0
        for (position, sheet), on_sheet in snap.groupby(["sheet_position", "sheet"], sort=True):
            for objective, group in on_sheet.groupby("_objective", sort=True):
                rows.append(_counts(group, snapshot_date, "sheet_objective", sheet, position, objective,
                                    _title(on_sheet, objective), order))  # fmt: skip
                order += 1
            rows.append(_counts(on_sheet, snapshot_date, "sheet", sheet, position, None, None, order))
            order += 1
        for objective, group in snap.groupby("_objective", sort=True):
            title = titles.get((snapshot_date, objective))
            rows.append(_counts(group, snapshot_date, "objective", None, None, objective, title, order))
            order += 1
        rows.append(_counts(snap, snapshot_date, "snapshot", None, None, None, None, order))
    return _frame(rows)


def _title(frame: pd.DataFrame, objective: int) -> str | None:
    titles = frame.loc[frame["_objective"] == objective, "objective_title"].dropna()
    return titles.iloc[0] if len(titles) else None


def _counts(group, snapshot_date, level, sheet, position, objective, title, order) -> dict:
    counts = group["brag"].value_counts()
    values = {brag.lower(): int(counts.get(brag, 0)) for brag in BRAG_VALUES}
    total = int(len(group))
    return {
        "snapshot_date": snapshot_date,
        "level": level,
        "sheet": sheet,
        "sheet_position": position,
        "objective_number": None if objective in (None, _NO_OBJECTIVE) else int(objective),
        "objective_title": title if objective not in (None, _NO_OBJECTIVE) else None,
        **values,
        "total": total,
        "open_actions": total - values["blue"],
        "display_order": order,
    }


def _frame(rows: list[dict]) -> pd.DataFrame:
    return ACTION_PLAN_SUMMARY.conform(pd.DataFrame.from_records(rows, columns=list(SUMMARY_COLUMNS)))
