"""marts.action_plan_changes: what changed between consecutive snapshots.

An action is keyed by (sheet, objective_number, ref). Refs are compared without
spaces, case or trailing punctuation ("11a1 - a4" = "11a1-A4", "4b." = "4b"), and a
ref that repeats within a key is told apart by its order on the sheet (occurrence 1,
2, ...). Councils move closed actions to a "Completed" sheet, so an action that
disappears from one sheet while an action with the same objective and ref appears on
another (one each) is the same action, moved.

Change types, one row each (an action can have several):

- `new`: in the later snapshot only;
- `closed`: turned Blue (closed_by `became_blue`), or was not Blue and disappeared
  (closed_by `disappeared`);
- `removed`: was already Blue and disappeared (tidied away, not closed this time);
- `moved`: the same action on another sheet (sheet_from, sheet_to);
- `brag_changed`: BRAG moved between Red, Amber and Green, or back from Blue
  (a move to Blue is `closed`);
- `due_date_changed`: the due date the Timescales give moved (null to a date and a
  date to null count).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from cpb_pipeline.domain.tables import ACTION_PLAN_CHANGES

CHANGES_COLUMNS = ACTION_PLAN_CHANGES.types

CHANGE_TYPES: tuple[str, ...] = ("new", "closed", "removed", "moved", "brag_changed", "due_date_changed")


def ref_key(ref: object) -> str:
    if ref is None or (isinstance(ref, float) and pd.isna(ref)):
        return ""
    return re.sub(r"[.,;:]+$", "", re.sub(r"\s+", "", str(ref))).casefold()


def changes(actions: pd.DataFrame) -> pd.DataFrame:
    """Changes between each pair of consecutive snapshots in `actions`."""
    dates = sorted(d for d in actions["snapshot_date"].dropna().unique())
    frames = [
        changes_between(actions[actions["snapshot_date"] == a], actions[actions["snapshot_date"] == b])
        for a, b in zip(dates, dates[1:])
    ]
    if not frames:
        return _frame([]).drop(columns=["_position"])
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def changes_between(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Changes from one snapshot's actions to another's."""
    from_date = _single_date(before)
    to_date = _single_date(after)
    old = _keyed(before)
    new = _keyed(after)
    rows: list[dict[str, Any]] = []

    matched = [(old[k], new[k]) for k in old.keys() & new.keys()]
    gone = {k: v for k, v in old.items() if k not in new}
    came = {k: v for k, v in new.items() if k not in old}

    # same objective and ref, one on each side, different sheets: moved
    def loose(key: tuple) -> tuple:
        return key[1], key[2], key[3]

    gone_by, came_by = _group(gone, loose), _group(came, loose)
    for loose_key, olds in gone_by.items():
        news = came_by.get(loose_key, [])
        if len(olds) == 1 and len(news) == 1:
            a, b = olds[0], news[0]
            matched.append((a, b))
            rows.append(_row("moved", from_date, to_date, a, b))
            gone.pop(_key_of(a))
            came.pop(_key_of(b))

    for a, b in matched:
        brag_a, brag_b = a["brag"], b["brag"]
        if brag_a != brag_b:
            if brag_b == "Blue":
                rows.append(_row("closed", from_date, to_date, a, b, closed_by="became_blue"))
            else:
                rows.append(_row("brag_changed", from_date, to_date, a, b))
        if _date_or_none(a["due_date"]) != _date_or_none(b["due_date"]):
            rows.append(_row("due_date_changed", from_date, to_date, a, b))
    for b in came.values():
        rows.append(_row("new", from_date, to_date, None, b))
    for a in gone.values():
        if a["brag"] == "Blue":
            rows.append(_row("removed", from_date, to_date, a, None))
        else:
            rows.append(_row("closed", from_date, to_date, a, None, closed_by="disappeared"))

    frame = _frame(rows)
    if not frame.empty:
        frame = frame.assign(
            _c=frame["change"].map(CHANGE_TYPES.index),
            _p=frame["_position"].fillna(999),
            _r=frame["source_row_to"].astype("Float64").fillna(frame["source_row_from"].astype("Float64")),
        ).sort_values(["_c", "_p", "_r"], kind="stable")
        frame = frame.drop(columns=["_c", "_p", "_r"]).reset_index(drop=True)
    return frame.drop(columns=["_position"])


def _single_date(frame: pd.DataFrame) -> dt.date | None:
    dates = frame["snapshot_date"].dropna().unique()
    if len(dates) > 1:
        raise ValueError("changes_between expects one snapshot on each side")
    return dates[0] if len(dates) else None


def _keyed(frame: pd.DataFrame) -> dict[tuple, dict[str, Any]]:
    out: dict[tuple, dict[str, Any]] = {}
    counts: dict[tuple, int] = {}
    ordered = frame.sort_values(["sheet_position", "source_row"]) if not frame.empty else frame
    for record in ordered.to_dict("records"):
        objective = record["objective_number"]
        objective = None if objective is None or pd.isna(objective) else int(objective)
        base = (record["sheet"], objective, ref_key(record["ref"]))
        counts[base] = counts.get(base, 0) + 1
        record["_occurrence"] = counts[base]
        out[(*base, counts[base])] = record
    return out


def _key_of(record: dict[str, Any]) -> tuple:
    objective = record["objective_number"]
    objective = None if objective is None or pd.isna(objective) else int(objective)
    return record["sheet"], objective, ref_key(record["ref"]), record["_occurrence"]


def _group(items: dict[tuple, dict[str, Any]], by) -> dict[tuple, list[dict[str, Any]]]:
    out: dict[tuple, list[dict[str, Any]]] = {}
    for key, record in items.items():
        out.setdefault(by(key), []).append(record)
    return out


def _date_or_none(value: object) -> dt.date | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    return value  # type: ignore[return-value]


def _row(change, from_date, to_date, a, b, closed_by=None) -> dict[str, Any]:
    latest = b if b is not None else a
    objective = latest["objective_number"]
    return {
        "from_snapshot_date": from_date,
        "to_snapshot_date": to_date,
        "change": change,
        "closed_by": closed_by,
        "sheet": latest["sheet"],
        "sheet_from": a["sheet"] if a is not None else None,
        "sheet_to": b["sheet"] if b is not None else None,
        "objective_number": None if objective is None or pd.isna(objective) else int(objective),
        "objective_title": latest["objective_title"],
        "ref": latest["ref"],
        "ref_occurrence": latest["_occurrence"],
        "activity": latest["activity"],
        "brag_from": a["brag"] if a is not None else None,
        "brag_to": b["brag"] if b is not None else None,
        "due_date_from": _date_or_none(a["due_date"]) if a is not None else None,
        "due_date_to": _date_or_none(b["due_date"]) if b is not None else None,
        "timescale_text_from": a["timescale_text"] if a is not None else None,
        "timescale_text_to": b["timescale_text"] if b is not None else None,
        "source_row_from": a["source_row"] if a is not None else None,
        "source_row_to": b["source_row"] if b is not None else None,
        "_position": latest["sheet_position"],
    }


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return ACTION_PLAN_CHANGES.conform(pd.DataFrame.from_records(rows, columns=[*CHANGES_COLUMNS, "_position"]))
