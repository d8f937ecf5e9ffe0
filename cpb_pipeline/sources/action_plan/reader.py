"""Reading a Corporate Parenting Strategy delivery plan workbook (docs/action_plan.md).

`read_action_plan(path)` walks every sheet in workbook order:

1. Find the header row by its labels (header.py). A sheet with no header row
   (cover, notes, empty) is skipped; a header that lacks required columns is an
   error naming the sheet, the row and the columns.
2. Below the header, classify each row:
   - blank: skipped;
   - a repeat of the header: skipped;
   - an objective banner, "Objective N – title" (any dash, any spacing) as the first
     text of a row with no BRAG: sets the objective for the actions below it;
   - a "How will we achieve this" row: skipped;
   - a text band, i.e. one merged cell across the Ref and Activity columns (the
     aim, the "how" text, notes): skipped;
   - an action: a Ref (short, with a digit) and something else on the row, or a
     BRAG and an Activity;
   - a continuation: a row whose Ref and BRAG come only from cells merged down from
     the action above and that has no Activity of its own: its text is added to
     that action;
   - anything else (stray notes below the table, a lone value): not an action.
3. Validate BRAG (blocking), read Timescales and Progress, and collect warnings.

All blocking problems in the workbook are raised together as one InputError.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from cpb_pipeline.domain.action_plan import BRAG_VALUES, normalise_brag
from cpb_pipeline.domain.errors import Finding, InputError
from cpb_pipeline.sources.action_plan.header import Header, label_for, match_header
from cpb_pipeline.sources.action_plan.model import ActionPlanSnapshot, to_frame
from cpb_pipeline.sources.action_plan.naming import snapshot_date_from_name
from cpb_pipeline.sources.action_plan.progress import parse_progress
from cpb_pipeline.sources.action_plan.timescales import (
    BLANK,
    FREE_TEXT,
    NOT_A_DATE,
    format_excel_date,
    parse_timescale,
)
from cpb_pipeline.sources.action_plan.workbook import Cell, Grid
from cpb_pipeline.sources.workbook import open_workbook

_BANNER = re.compile(r"^\s*objective\s*(\d+)(?!\d)\s*[-–—:.)]*\s*(.*)$", re.IGNORECASE | re.DOTALL)
_HOW = re.compile(r"^\s*how\s+will\s+we\s+achieve", re.IGNORECASE)
_TEXT_FIELDS = (
    "g2g_ref", "activity", "progress", "evidence", "metric", "current_data", "target_data", "responsible_service",
)  # fmt: skip
_MAX_REF_LENGTH = 20
_MAX_REF_WORDS = 4
_MAX_LISTED = 12


def read_action_plan(path: Path | str) -> ActionPlanSnapshot:
    """Read one workbook; an InputError lists every blocking problem, warnings come back with the data."""
    path = Path(path)
    snapshot_date = snapshot_date_from_name(path.name)
    book = open_workbook(path, missing="action plan workbook not found")
    values, formulas = book.values, book.formulas
    reader = _WorkbookReader(path.name, snapshot_date)
    for position, worksheet in enumerate(values.worksheets):
        if not hasattr(worksheet, "merged_cells"):
            continue  # a chart sheet
        twin = formulas[worksheet.title] if formulas is not None and worksheet.title in formulas.sheetnames else None
        reader.read_sheet(Grid(worksheet, twin), position)
    if reader.blocking:
        raise InputError(reader.blocking)
    if not reader.sheets_read:
        raise InputError(
            [
                Finding(
                    path.name,
                    "no sheet has the action plan header row (Ref, Activity, Progress, Responsible Service, "
                    "Timescales, BRAG)",
                    detail="sheets: " + ", ".join(values.sheetnames),
                )
            ]
        )
    frame = to_frame(reader.records)
    frame["source_file"] = path.name
    return ActionPlanSnapshot(
        path=path,
        snapshot_date=snapshot_date,
        actions=frame,
        warnings=tuple(reader.warnings),
        sheets_read=tuple(reader.sheets_read),
        sheets_skipped=tuple(reader.sheets_skipped),
    )


def cell_text(cell: Cell) -> str | None:
    """A cell as text: numbers without a spurious .0, dates in their number format, text trimmed."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (dt.datetime, dt.date)):
        day = value.date() if isinstance(value, dt.datetime) else value
        return format_excel_date(day, cell.number_format)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return text or None


def clean_ref(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def is_ref_like(ref: str | None) -> bool:
    """A Ref is short and has a digit: '1', '10b.ii', '11a1 - a4', '19 a'. Notes typed in column A are not."""
    return bool(ref) and len(ref) <= _MAX_REF_LENGTH and len(ref.split()) <= _MAX_REF_WORDS and any(
        ch.isdigit() for ch in ref
    )


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:_MAX_LISTED])
    return shown + (f" and {len(items) - _MAX_LISTED} more" if len(items) > _MAX_LISTED else "")


class _WorkbookReader:
    def __init__(self, file: str, snapshot_date: dt.date) -> None:
        self.file = file
        self.snapshot_date = snapshot_date
        self.records: list[dict[str, Any]] = []
        self.blocking: list[Finding] = []
        self.warnings: list[Finding] = []
        self.sheets_read: list[str] = []
        self.sheets_skipped: list[str] = []

    # --- sheets -------------------------------------------------------------------
    def read_sheet(self, grid: Grid, position: int) -> None:
        header = self._find_header(grid)
        if header is None:
            self.sheets_skipped.append(grid.title)
            if any(grid.row_values(row) for row in range(1, grid.max_row + 1)):
                self.warnings.append(
                    Finding(self.file, "sheet has no action plan header row; sheet skipped", sheet=grid.title)
                )
            return
        if header.missing:
            missing = [label_for(name) for name in header.missing]
            self.blocking.append(
                Finding(
                    self.file,
                    "header row lacks required column(s): " + ", ".join(missing),
                    sheet=grid.title,
                    rows=(header.row,),
                    detail="found: " + ", ".join(label_for(n) for n in header.columns),
                )
            )
            return
        for name in header.duplicates:
            self.warnings.append(
                Finding(
                    self.file,
                    f"column {label_for(name)} appears more than once; the first is read",
                    sheet=grid.title,
                    rows=(header.row,),
                )
            )
        self.sheets_read.append(grid.title)
        _SheetReader(self, grid, header, position).run()

    @staticmethod
    def _find_header(grid: Grid) -> Header | None:
        for row in range(1, grid.max_row + 1):
            values = grid.row_values(row)
            if len(values) >= 3 and (header := match_header(values, row)) is not None:
                return header
        return None


class _SheetReader:
    def __init__(self, book: _WorkbookReader, grid: Grid, header: Header, position: int) -> None:
        self.book = book
        self.file = book.file
        self.grid = grid
        self.header = header
        self.position = position
        self.col = header.columns
        self.records: list[dict[str, Any]] = []
        self.objective: tuple[int | None, str | None] = (None, None)
        self.issues: dict[str, list[tuple[int, str]]] = defaultdict(list)  # rule key -> (row, label)

    def run(self) -> None:
        for row in range(self.header.row + 1, self.grid.max_row + 1):
            self._row(row)
        self._finish()
        self.book.records.extend(self.records)

    # --- one row ------------------------------------------------------------------
    def _cell(self, row: int, name: str) -> Cell:
        column = self.col.get(name)
        return self.grid.get(row, column) if column else Cell(None)

    def _row(self, row: int) -> None:
        own = self.grid.row_values(row)
        cells = {name: self._cell(row, name) for name in self.col}
        texts = {name: cell_text(cell) for name, cell in cells.items()}
        if not own and not any(texts.values()):
            return
        if match_header(own, row) is not None:
            return
        brag_text = texts.get("brag")
        first = cell_text(Cell(own[min(own)])) if own else None
        if first and not brag_text:
            if banner := _BANNER.match(first):
                self._banner(banner, own, row)
                return
            if _HOW.match(first):
                return
        if self._text_band(row):
            return

        ref = clean_ref(texts.get("ref"))
        ref_cell, brag_cell = cells["ref"], cells["brag"]
        activity = texts.get("activity")
        content = any(texts.get(name) for name in ("activity", "progress", "responsible_service", "timescales"))

        if self.records and self._is_continuation(cells, texts):
            self._continue(row, cells, texts)
            return
        if is_ref_like(ref) and (content or brag_text):
            self._action(row, ref, cells, texts)
        elif brag_text and activity:  # an action whose Ref is missing or unusual
            if ref is None:
                self.issues["no_ref"].append((row, f"row {row}"))
            self._action(row, ref, cells, texts)
        elif brag_text and not brag_cell.filled:
            self.issues["brag_only"].append((row, f"row {row}"))
        elif is_ref_like(ref) and not ref_cell.filled:
            self.issues["ref_only"].append((row, ref or ""))

    def _banner(self, match: re.Match[str], own: dict[int, Any], row: int) -> None:
        title = " ".join(match[2].split()) or None
        if title is None:  # "Objective 3" in one cell, the title in the next
            later = [cell_text(Cell(own[c])) for c in sorted(own)[1:]]
            title = next((" ".join(t.split()) for t in later if t), None)
        self.objective = (int(match[1]), title)

    def _text_band(self, row: int) -> bool:
        """A cell merged across the Ref and Activity columns on this row holds text, not an action."""
        ref_col, activity_col = self.col["ref"], self.col["activity"]
        merge = self.grid.merge_at(row, ref_col)
        return merge is not None and merge.min_col <= activity_col <= merge.max_col and merge.max_col > merge.min_col

    def _is_continuation(self, cells: dict[str, Cell], texts: dict[str, str | None]) -> bool:
        ref_cell, brag_cell = cells["ref"], cells["brag"]
        activity_cell = cells["activity"]
        merged_down = (ref_cell.filled and ref_cell.value is not None) or (brag_cell.filled and brag_cell.value is not None)
        ref_ok = ref_cell.filled or ref_cell.value is None
        brag_ok = brag_cell.filled or brag_cell.value is None
        activity_ok = activity_cell.filled or not texts.get("activity")
        return merged_down and ref_ok and brag_ok and activity_ok

    def _continue(self, row: int, cells: dict[str, Cell], texts: dict[str, str | None]) -> None:
        record = self.records[-1]
        for name in _TEXT_FIELDS:
            cell = cells.get(name)
            text = texts.get(name)
            if cell is None or cell.filled or not text:
                continue
            record[name] = f"{record[name]}\n{text}" if record.get(name) else text
        if "timescales" in cells and not cells["timescales"].filled and record["timescale_kind"] == BLANK:
            self._set_timescale(record, cells["timescales"], row)
        if texts.get("progress") and not cells["progress"].filled:
            self._set_progress(record)

    def _action(self, row: int, ref: str | None, cells: dict[str, Cell], texts: dict[str, str | None]) -> None:
        number, title = self.objective
        record: dict[str, Any] = {
            "snapshot_date": self.book.snapshot_date,
            "sheet": self.grid.title,
            "objective_number": number,
            "objective_title": title,
            "ref": ref,
            "sheet_position": self.position,
            "source_row": row,
        }
        for name in _TEXT_FIELDS:
            record[name] = texts.get(name)
        record["getting_to_good_ref"] = record.pop("g2g_ref")
        record["brag"] = self._brag(row, cells["brag"], texts.get("brag"))
        self._set_timescale(record, cells["timescales"], row)
        self._set_progress(record)
        for name in ("ref", "activity", "progress", "responsible_service", "timescales", "brag"):
            if self.grid.uncached_formula(row, self.col[name]):
                self._formula(row, name)
        label = ref or f"row {row}"
        if not record["responsible_service"]:
            self.issues["no_responsible"].append((row, label))
        self.records.append(record)

    def _brag(self, row: int, cell: Cell, text: str | None) -> str | None:
        value = normalise_brag(cell.value)
        if value is None and not self.grid.uncached_formula(row, self.col["brag"]):
            self.book.blocking.append(
                Finding(
                    self.file,
                    "BRAG must be one of " + ", ".join(BRAG_VALUES),
                    column=label_for("brag"),
                    rows=(row,),
                    sheet=self.grid.title,
                    detail="blank" if text is None else f"found {text!r}",
                )
            )
        return value

    def _formula(self, row: int, name: str) -> None:
        finding = Finding(
            self.file,
            "cell is a formula with no saved result: open the workbook in Excel, recalculate and save it",
            column=label_for(name),
            rows=(row,),
            sheet=self.grid.title,
        )
        (self.book.blocking if name in ("brag", "ref") else self.book.warnings).append(finding)

    def _set_timescale(self, record: dict[str, Any], cell: Cell, row: int) -> None:
        timescale = parse_timescale(cell.value, cell.number_format)
        record["timescale_text"] = timescale.text.strip() if timescale.text else None
        record["due_date"] = timescale.due_date
        record["timescale_kind"] = timescale.kind
        label = record["ref"] or f"row {row}"
        if timescale.kind == BLANK:
            self.issues["no_timescale"].append((row, label))
        elif timescale.kind == FREE_TEXT:
            self.issues["free_text"].append((row, f"{label} ({' '.join(timescale.text.split())})"))
        elif timescale.kind == NOT_A_DATE:
            self.issues["not_a_date"].append((row, f"{label} ({timescale.text.strip()})"))
        elif timescale.typo:
            self.issues["typo"].append((row, f"{label} ({timescale.text.strip()} read as {timescale.due_date:%d/%m/%Y})"))

    def _set_progress(self, record: dict[str, Any]) -> None:
        progress = parse_progress(record.get("progress"))
        record["latest_update_date"] = progress.latest_update_date
        record["latest_note"] = progress.latest_note
        row, label = record["source_row"], record["ref"] or f"row {record['source_row']}"
        for bad in progress.impossible_dates:
            self.issues["impossible_note_date"].append((row, f"{label} ({bad})"))
        if progress.latest_update_date and progress.latest_update_date > self.book.snapshot_date:
            self.issues["future_note"].append((row, f"{label} ({progress.latest_update_date:%d/%m/%Y})"))

    # --- after the sheet ----------------------------------------------------------
    def _finish(self) -> None:
        by_key: dict[tuple[int | None, str], list[dict[str, Any]]] = defaultdict(list)
        for record in self.records:
            if record["ref"]:
                by_key[(record["objective_number"], "".join(record["ref"].split()).lower())].append(record)
        for (objective, _), records in by_key.items():
            if len(records) > 1:
                where = f"objective {objective}" if objective is not None else "no objective"
                self.issues["duplicate_ref"].append((records[0]["source_row"], f"{records[0]['ref']} ({where})"))
                self.issues["duplicate_ref"].extend((r["source_row"], "") for r in records[1:])
        if any(r["objective_number"] is None for r in self.records):
            rows = [r["source_row"] for r in self.records if r["objective_number"] is None]
            self.issues["no_objective"].extend((row, str(row)) for row in rows)
        rules = {
            "free_text": ("Timescales is free text, so the action has no due date", label_for("timescales")),
            "not_a_date": ("Timescales looks like a date but is not a calendar date; no due date", label_for("timescales")),
            "typo": ("Timescales read through a likely typing slip; check the cell", label_for("timescales")),
            "no_timescale": ("action has no Timescales", label_for("timescales")),
            "no_responsible": ("action has no Responsible Service", label_for("responsible_service")),
            "duplicate_ref": ("Ref repeats within an objective", label_for("ref")),
            "no_ref": ("action has a BRAG and an Activity but no Ref", label_for("ref")),
            "brag_only": ("text in the BRAG column on a row with no Ref or Activity; not read as an action",
                          label_for("brag")),
            "ref_only": ("a Ref with nothing else on the row; not read as an action", label_for("ref")),
            "impossible_note_date": ("a progress note opens with a date that is not a calendar date; ignored",
                                     label_for("progress")),
            "future_note": ("the latest progress note is dated after the snapshot date", label_for("progress")),
            "no_objective": ("action is above the first objective banner, so it has no objective", None),
        }  # fmt: skip
        for key, (rule, column) in rules.items():
            found = self.issues.get(key)
            if not found:
                continue
            rows = tuple(sorted({row for row, _ in found}))
            labels = [label for _, label in found if label]
            self.book.warnings.append(
                Finding(
                    self.file,
                    rule,
                    column=column,
                    rows=rows,
                    count=len(rows),
                    sheet=self.grid.title,
                    detail=("refs: " + _listing(labels)) if labels and key != "no_objective" else None,
                    code=key,
                )
            )
