"""Demo action plan workbooks, written with openpyxl from `delivery_plan.yaml`.

`delivery_plan.yaml` transcribes every action of the seed's "Action Plan" pages
(the Corporate Parenting Strategy Delivery Plan saved 11/09/19). This module lays
it out as the council's workbook does, one file per snapshot:

- `Corporate Parenting Delivery Plan 2019-09-11.xlsx`: the seed as printed;
- `Corporate Parenting Delivery Plan 2019-07-23.xlsx`: an earlier snapshot with
  the rows, BRAG values and Timescales of the `july` overrides and without the
  progress notes dated after 23 July 2019.

Layout per sheet: title rows (first sheet), the header row with wrapped labels, then
per objective a banner row ("Objective N – title") merged across the table, the aim,
"How will we Achieve this:" and its text, a blank row, the actions (multi-line cells
wrapped; Timescales as real Excel dates where the seed shows dd/mm/yy, dd/mm/yyyy or
Mon-yy, text otherwise; BRAG filled in its colour, merged down where one BRAG covers
several rows) and a blank row. The EET appendix is a notes sheet with no header.

Run `python -m cpb_pipeline.demo.action_plan OUT_DIR` to write the files.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

DATA_FILE = Path(__file__).with_name("delivery_plan.yaml")
FILE_STEM = "Corporate Parenting Delivery Plan"
SEED_SNAPSHOT = dt.date(2019, 9, 11)
JULY_SNAPSHOT = dt.date(2019, 7, 23)

# (field, header label, column width); the last column has no label (comments typed beside BRAG)
COLUMNS: tuple[tuple[str, str | None, float], ...] = (
    ("ref", "Ref", 9),
    ("g2g_ref", "Getting to \nGood Plan \nRef", 11),
    ("activity", "Activity", 30),
    ("progress", "Progress", 62),
    ("evidence", "Evidence", 18),
    ("metric", "Metric", 18),
    ("current_data", "Current Data & Date", 24),
    ("target_data", "Target Data & Date", 24),
    ("responsible_service", "Responsible Service", 28),
    ("timescales", "Timescales", 14),
    ("brag", "BRAG", 9),
    ("comment", None, 24),
)
TABLE_WIDTH = 11  # banner rows merge across Ref..BRAG
BRAG_FILLS = {"blue": "5B9BD5", "red": "FF0000", "amber": "FFC000", "green": "00B050"}

_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_BANNER_FILL = PatternFill("solid", fgColor="DDEBF7")
_NOTE_DATE = re.compile(r"^\s*(\d{1,2})[./ ]+(\d{1,2})[./ ]+(\d{4}|\d{2})(?!\d)")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}  # fmt: skip


@lru_cache(maxsize=1)
def load_plan() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def snapshot_dates() -> list[dt.date]:
    return sorted(dt.date.fromisoformat(str(s["date"])) for s in load_plan()["snapshots"])


def file_name(snapshot: dt.date) -> str:
    return f"{FILE_STEM} {snapshot:%Y-%m-%d}.xlsx"


def _in_snapshot(action: dict[str, Any], snapshot: dt.date) -> bool:
    listed = action.get("snapshots")
    return listed is None or snapshot.isoformat() in {str(s) for s in listed}


def notes_up_to(progress: str | None, snapshot: dt.date) -> str | None:
    """The Progress text as it stood at `snapshot`: notes dated later are removed with their continuation lines."""
    if not progress:
        return progress
    kept: list[str] = []
    dropping = False
    for line in progress.split("\n"):
        match = _NOTE_DATE.match(line)
        if match:
            year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
            try:
                dropping = dt.date(year, int(match[2]), int(match[1])) > snapshot
            except ValueError:
                dropping = False
        elif not line.strip():
            dropping = False
        if not dropping:
            kept.append(line)
    text = "\n".join(kept).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) or None


def sheets_for(snapshot: dt.date) -> list[dict[str, Any]]:
    """The sheets of one snapshot: sections with the actions present then, July overrides applied."""
    out = []
    for sheet in load_plan()["sheets"]:
        copy = {k: v for k, v in sheet.items() if k != "sections"}
        if "sections" in sheet:
            copy["sections"] = []
            for section in sheet["sections"]:
                actions = []
                for action in section["actions"]:
                    if not _in_snapshot(action, snapshot):
                        continue
                    row = {k: v for k, v in action.items() if k not in ("july", "snapshots", "note")}
                    if snapshot < SEED_SNAPSHOT:
                        row.update(action.get("july") or {})
                    row["progress"] = notes_up_to(row.get("progress"), snapshot)
                    actions.append(row)
                copy["sections"].append({**{k: v for k, v in section.items() if k != "actions"}, "actions": actions})
        out.append(copy)
    return out


def expected_actions(snapshot: dt.date) -> list[dict[str, Any]]:
    """The oracle: every action of a snapshot with its sheet, objective and BRAG (merged cells resolved)."""
    plan = load_plan()
    rows = []
    for sheet in sheets_for(snapshot):
        for section in sheet.get("sections", []):
            number = section["objective"]
            carry, left = None, 0
            for action in section["actions"]:
                brag = action.get("brag")
                if brag is None and left > 0:
                    brag = carry
                if action.get("brag_merged_rows"):
                    carry, left = brag, action["brag_merged_rows"]
                left -= 1
                rows.append(
                    {
                        "sheet": sheet["name"],
                        "objective_number": number,
                        "objective_banner": plan["objectives"][number]["banner"],
                        "ref": " ".join(str(action["ref"]).split()),
                        "brag": " ".join(str(brag).split()).title() if brag else None,
                        "brag_as_written": action.get("brag"),
                        "timescales": action.get("timescales"),
                        "activity": action.get("activity"),
                        "progress": action.get("progress"),
                        "responsible_service": action.get("responsible_service"),
                    }
                )
    return rows


# --- writing ---------------------------------------------------------------------------


def build_demo_workbooks(out_dir: Path) -> list[Path]:
    """Write one workbook per snapshot into `out_dir` (created if needed); return their paths, oldest first."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [build_workbook(snapshot, out_dir / file_name(snapshot)) for snapshot in snapshot_dates()]


def build_workbook(snapshot: dt.date, path: Path) -> Path:
    plan = load_plan()
    book = Workbook()
    book.remove(book.active)
    for index, sheet in enumerate(sheets_for(snapshot)):
        ws = book.create_sheet(sheet["name"])
        if "notes" in sheet:
            _write_notes(ws, sheet["notes"])
        else:
            _write_actions_sheet(ws, sheet, plan, title=plan["title"] if sheet.get("title_rows") else None)
    book.properties.creator = "cpb_pipeline demo"
    book.properties.title = plan["title"]
    book.properties.created = dt.datetime.combine(snapshot, dt.time(9, 0))
    book.save(path)
    return path


def _write_notes(ws: Worksheet, text: str) -> None:
    ws.column_dimensions["A"].width = 140
    for row, line in enumerate(text.split("\n"), start=1):
        cell = ws.cell(row=row, column=1, value=line or None)
        if row == 1:
            cell.font = Font(bold=True, size=12)


def _write_actions_sheet(ws: Worksheet, sheet: dict[str, Any], plan: dict[str, Any], title: str | None) -> None:
    for col, (_, _, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    row = 1
    if title:
        ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=TABLE_WIDTH)
        row = 3
    for col, (_, label, _) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=row, column=col, value=label)
        if label:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            cell.border = _BOX
    ws.row_dimensions[row].height = 45
    ws.freeze_panes = ws.cell(row=row + 1, column=1)
    row += 1
    for section in sheet["sections"]:
        row = _write_banner(ws, row, plan["objectives"][section["objective"]], section)
        merges: list[tuple[int, int]] = []
        for action in section["actions"]:
            _write_action(ws, row, action)
            if action.get("brag_merged_rows"):
                merges.append((row, int(action["brag_merged_rows"])))
            row += 1
        last = row - 1
        for first, span in merges:
            end = min(first + span - 1, last)
            if end > first:
                ws.merge_cells(start_row=first, start_column=TABLE_WIDTH, end_row=end, end_column=TABLE_WIDTH)
        row += 1  # blank row after the section


def _band(ws: Worksheet, row: int, text: str | None, font: Font, fill: PatternFill | None = None, height: float = 15) -> None:
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = font
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    if fill is not None:
        cell.fill = fill
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=TABLE_WIDTH)
    ws.row_dimensions[row].height = height


def _write_banner(ws: Worksheet, row: int, objective: dict[str, str], section: dict[str, Any]) -> int:
    _band(ws, row, objective["banner"], Font(bold=True, size=12), _BANNER_FILL, 20)
    row += 1
    if section.get("aim", True) is not False:
        _band(ws, row, objective["aim"], Font(italic=True), _BANNER_FILL, 30)
        row += 1
    how = section.get("how", True)
    if how is not False:
        _band(ws, row, "How will we Achieve this:", Font(bold=True))
        row += 1
        if how != "empty":
            _band(ws, row, objective["how"], Font(italic=False), None, 45)
            row += 1
    return row + 1  # blank row before the actions


def _write_action(ws: Worksheet, row: int, action: dict[str, Any]) -> None:
    lines = 1
    for col, (name, _, width) in enumerate(COLUMNS, start=1):
        value = action.get(name)
        if value is None:
            continue
        cell = ws.cell(row=row, column=col)
        cell.alignment = _WRAP_TOP
        cell.border = _BOX
        if name == "timescales":
            date_value, number_format = timescale_cell(str(value))
            if date_value is not None:
                cell.value, cell.number_format = date_value, number_format
            else:
                cell.value = str(value)
        else:
            cell.value = value if isinstance(value, str) else str(value)
        if name == "brag":
            colour = BRAG_FILLS.get(" ".join(str(value).split()).lower())
            if colour:
                cell.fill = PatternFill("solid", fgColor=colour)
                cell.font = Font(bold=True, color="FFFFFF" if colour in ("5B9BD5", "FF0000", "00B050") else "000000")
        text_lines = str(value).split("\n")
        lines = max(lines, sum(max(1, math.ceil(len(t) / max(width * 1.15, 1))) for t in text_lines))
    ws.row_dimensions[row].height = min(409, max(15, 12.75 * lines))


def timescale_cell(text: str) -> tuple[dt.date | None, str | None]:
    """(date, number format) where Excel would have stored the typed text as a date; (None, None) for text."""
    if match := re.fullmatch(r"(\d{2})/(\d{2})/(\d{2}|\d{4})", text):
        year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
        number_format = "dd/mm/yy" if len(match[3]) == 2 else "dd/mm/yyyy"
        try:
            return dt.date(year, int(match[2]), int(match[1])), number_format
        except ValueError:
            return None, None  # 31/04/19: Excel keeps it as text
    if match := re.fullmatch(r"([A-Z][a-z]{2})-(\d{2})", text):
        month = _MONTHS.get(match[1].lower())
        if month:
            return dt.date(2000 + int(match[2]), month, 1), "mmm-yy"
    return None, None
