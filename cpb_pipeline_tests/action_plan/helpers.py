"""Small builders for action plan test workbooks and frames (written to tmp dirs, never committed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from cpb_pipeline.sources.action_plan.model import to_frame

HEADER = [
    "Ref", "Getting to \nGood Plan \nRef", "Activity", "Progress", "Evidence", "Metric", "Current Data & Date",
    "Target Data & Date", "Responsible Service", "Timescales", "BRAG",
]  # fmt: skip


def simple_workbook(path: Path, rows: list[list[Any]], *, header: list[str] | None = None, sheet: str = "Plan") -> Path:
    """One sheet: the header in row 1, then `rows` as given (lists of cell values)."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(header or HEADER)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def action_row(ref: Any, brag: Any = "Green", *, activity: str = "Do a thing", progress: str | None = None,
               responsible: str | None = "Someone", timescale: Any = "31/12/19") -> list[Any]:  # fmt: skip
    return [ref, None, activity, progress, None, None, None, None, responsible, timescale, brag]


def frame(records: list[dict[str, Any]]):
    """The parser's frame from partial records (defaults fill the rest)."""
    full = []
    for i, rec in enumerate(records):
        base = {
            "snapshot_date": dt.date(2019, 9, 11),
            "sheet": "Plan",
            "objective_number": 1,
            "objective_title": "Voice",
            "ref": str(i + 1),
            "activity": f"Activity {i + 1}",
            "responsible_service": "Someone",
            "timescale_text": None,
            "due_date": None,
            "brag": "Green",
            "latest_update_date": None,
            "sheet_position": 0,
            "source_row": i + 2,
            "progress": None,
            "latest_note": None,
            "timescale_kind": "blank",
            "source_file": "test.xlsx",
        }
        base.update(rec)
        full.append(base)
    return to_frame(full)
