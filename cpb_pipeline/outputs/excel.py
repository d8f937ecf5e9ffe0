"""The board pack workbook (`board_pack_YYYY-MM.xlsx`) from a `BoardView`, with openpyxl.

Sheets: Contents (hyperlinked), one sheet per indicator laid out like the seed's
Monthly Performance Report pages, the action plan (summary and changes), the
action plan exceptions, the IRO summary and the data quality checks of the run.

Figures are stored as numbers, rounded as shown (whole counts; one decimal
otherwise, half away from zero) with a number format; a suppressed figure is the
text symbol. Better and worse are written in words and symbols as well as
coloured. Every sheet prints on A4 landscape, fitted to the page width, with the
page number and "Report produced by <authority> Business Intelligence" in the footer.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cpb_pipeline.domain.catalogue import EXTRACTION_NOTE
from cpb_pipeline.outputs.commentary import HEADING as COMMENTARY_HEADING
from cpb_pipeline.outputs.formats import EXCEL_FORMATS, MISSING, month_label
from cpb_pipeline.outputs.view import BoardView, IndicatorPage, Shown

NAVY = "1D4F91"
HEADER_FILL = PatternFill("solid", fgColor=NAVY)
HEADER_FONT = Font(bold=True, color="FFFFFF")
AUTHORITY_FILL = PatternFill("solid", fgColor="E7E6E6")
BETTER_FILL = PatternFill("solid", fgColor="DDEBF7")  # light blue: better (always with the word)
WORSE_FILL = PatternFill("solid", fgColor="FBE2D5")  # light orange: worse (always with the word)
INTERNAL_FILL = PatternFill("solid", fgColor="FFF2CC")
PUBLISHED_FILL = PatternFill("solid", fgColor="E2EFDA")
BRAG_FILLS = {
    "Blue": PatternFill("solid", fgColor="BDD7EE"),
    "Red": PatternFill("solid", fgColor="F4B6B6"),
    "Amber": PatternFill("solid", fgColor="FFE699"),
    "Green": PatternFill("solid", fgColor="C6E0B4"),
}
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
RIGHT = Alignment(horizontal="right")
LAST_COLUMN = 15  # A (area) + 13 months + trend
CHART_DATA_COLUMN = 18  # R: the chart's data, outside the print area

KEY = (
    "Key: \u25b2 up, \u25bc down, \u25ba no change over the 12 months shown. \u201cbetter\u201d or \u201cworse\u201d "
    "(also shaded blue or orange) only where a higher or a lower figure is better; number indicators that give "
    "context are not judged. \u2013 no figure for that month or year."
)


def write_board_pack(view: BoardView, path: Path) -> int:
    """Write the workbook to `path`; returns its number of sheets."""
    book = Workbook()
    contents = book.active
    contents.title = "Contents"
    for page in view.pages:
        _indicator_sheet(book.create_sheet(page.sheet_name), page, view)
    _action_plan_sheet(book.create_sheet("Action plan"), view)
    _exceptions_sheet(book.create_sheet("Action plan exceptions"), view)
    _iro_sheet(book.create_sheet("IRO summary"), view)
    _quality_sheet(book.create_sheet("Data quality"), view)
    _contents_sheet(contents, view, book.sheetnames)
    for sheet in book.worksheets:
        _print_setup(sheet, view)
    book.save(path)
    return len(book.sheetnames)


# --- helpers ---------------------------------------------------------------------------------------------------


def _print_setup(ws: Worksheet, view: BoardView) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom, ws.page_margins.footer = 0.5, 0.7, 0.3
    ws.oddFooter.left.text = f"Report produced by {view.data.authority} Business Intelligence"
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = f"{view.version} version \u2013 {view.month_text}"
    ws.oddFooter.center.size = 8
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.right.size = 8


def _header(ws: Worksheet, row: int, labels: list[str], start: int = 1, *, wrap_from: int = 11) -> None:
    """A header row; labels longer than `wrap_from` characters wrap onto two lines (the row is made taller)."""
    if any(len(str(label)) > wrap_from for label in labels[1:]):
        ws.row_dimensions[row].height = 30
    for offset, label in enumerate(labels):
        cell = ws.cell(row, start + offset, label)
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _figure(ws: Worksheet, row: int, column: int, shown: Shown, unit: str, symbol: str):
    """A figure: a number with its format, the symbol when suppressed, blank (with a dash) when missing."""
    cell = ws.cell(row, column)
    if shown.suppressed:
        cell.value = symbol
        cell.alignment = RIGHT
        cell.font = Font(italic=True)
    elif shown.value is None:
        cell.value = shown.note or MISSING
        cell.alignment = Alignment(horizontal="right", wrap_text=bool(shown.note))
        cell.font = Font(color="595959", italic=bool(shown.note), size=8 if shown.note else 11)
    else:
        cell.value = int(shown.value) if unit == "count" else shown.value
        cell.number_format = EXCEL_FORMATS[unit]
    cell.border = BOX
    return cell


def _judged(cell, judgement: str | None) -> None:
    if judgement == "better":
        cell.fill = BETTER_FILL
    elif judgement == "worse":
        cell.fill = WORSE_FILL


def _text_block(ws: Worksheet, row: int, label: str | None, text: str, *, bold: bool = False, last: int = LAST_COLUMN,
                chars_per_line: int = 150) -> int:  # fmt: skip
    """`label` in column A and `text` merged across B..last (or A..last without a label), wrapped; returns the next row."""
    first = 1
    if label:
        ws.cell(row, 1, label).font = Font(bold=True)
        ws.cell(row, 1).alignment = WRAP
        first = 2
    ws.cell(row, first, text).alignment = WRAP
    ws.cell(row, first).font = Font(bold=bold)
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    lines = max(1, -(-len(text) // chars_per_line) + text.count("\n"))
    ws.row_dimensions[row].height = 15 * lines + 3
    return row + 1


def _title(ws: Worksheet, title: str, subtitle: str, view: BoardView, last: int = LAST_COLUMN) -> None:
    ws.cell(1, 1, title).font = Font(bold=True, size=14, color=NAVY)
    ws.cell(2, 1, subtitle).font = Font(italic=True)
    version = ws.cell(3, 1, f"{view.data.authority} \u2013 Month: {view.month_text} \u2013 {view.version} version")
    version.font = Font(bold=True)
    version.fill = PUBLISHED_FILL if view.published else INTERNAL_FILL
    for row in (1, 2, 3):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    ws.row_dimensions[1].height = 22


# --- contents --------------------------------------------------------------------------------------------------


def _contents_sheet(ws: Worksheet, view: BoardView, sheets: list[str]) -> None:
    _title(ws, view.title, f"{view.data.authority} \u2013 {view.month_text}", view, last=4)
    ws.cell(4, 1, view.version_statement).font = Font(bold=True)
    ws.cell(4, 1).alignment = WRAP
    ws.cell(4, 1).fill = PUBLISHED_FILL if view.published else INTERNAL_FILL
    ws.merge_cells("A4:D4")
    ws.row_dimensions[4].height = 32
    _header(ws, 6, ["Page", "Contents", "Section", "Sheet"])
    row = 7
    entries = [(p.sheet_name, p.indicator.title, p.indicator.section) for p in view.pages]
    entries += [
        ("Action plan", "Corporate Parenting Strategy action plan: BRAG summary and changes", "Action plan"),
        ("Action plan exceptions", "Action plan: Red and Amber, overdue and not recently updated actions", "Action plan"),
        ("IRO summary", "Independent Reviewing Officer service summary", "IRO service"),
        ("Data quality", "Data quality checks of this month's run", "Data quality"),
    ]
    for number, (sheet, title, section) in enumerate(entries, start=1):
        if sheet not in sheets:
            continue
        ws.cell(row, 1, number).border = BOX
        link = ws.cell(row, 2, title)
        link.hyperlink = f"#'{sheet}'!A1"
        link.style = "Hyperlink"
        link.border = BOX
        ws.cell(row, 3, section).border = BOX
        ws.cell(row, 4, sheet).border = BOX
        row += 1
    row += 1
    row = _text_block(ws, row, None, KEY, last=4, chars_per_line=110)
    row = _text_block(ws, row, None, "N.B. " + EXTRACTION_NOTE, last=4, chars_per_line=110)
    for note in view.notes:
        row = _text_block(ws, row, None, f"Not available for this pack: {note}.", last=4, chars_per_line=110)
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 80
    ws.column_dimensions["C"].width = 55
    ws.column_dimensions["D"].width = 28
    ws.print_title_rows = "6:6"


# --- one indicator ---------------------------------------------------------------------------------------------


def _indicator_sheet(ws: Worksheet, page: IndicatorPage, view: BoardView) -> None:
    ind, unit, symbol = page.indicator, page.indicator.unit, view.symbol
    _title(ws, ind.title, ind.section, view)
    row = 5
    _header(ws, row, [ind.unit_label, *[month_label(m) for m in page.months], "Trend over 12 months"])
    for area_row in page.rows:
        row += 1
        name = ws.cell(row, 1, area_row.area)
        name.border = BOX
        if area_row.is_authority:
            name.font = Font(bold=True)
        for i, shown in enumerate(area_row.cells):
            cell = _figure(ws, row, 2 + i, shown, unit, symbol)
            if area_row.is_authority:
                cell.fill = AUTHORITY_FILL
                cell.font = Font(bold=True, italic=shown.suppressed)
        trend = ws.cell(row, LAST_COLUMN, area_row.trend.text(unit, symbol))
        trend.border, trend.alignment = BOX, Alignment(horizontal="left", indent=1)
        _judged(trend, area_row.trend.judgement)
    table_end = row
    row += 2
    # the 31 March box, as the seed's "Rate per 10,000 at 31 March" / "Percentage" table
    _header(ws, row, [f"{ind.unit_label} at 31 March", *page.march_periods])
    for march_row in page.march_rows:
        row += 1
        ws.cell(row, 1, march_row.label).border = BOX
        if march_row.is_authority:
            ws.cell(row, 1).font = Font(bold=True)
        for i, shown in enumerate(march_row.cells):
            _figure(ws, row, 2 + i, shown, unit, symbol)
        if any(shown.note for shown in march_row.cells):
            ws.row_dimensions[row].height = 26
    if page.comparators:
        row += 2
        ws.cell(row, 1, "Position this month against the latest published comparators").font = Font(bold=True)
        row += 1
        _header(ws, row, ["Comparator", "Latest published", "Period", f"{view.data.authority} {month_label(page.months[-1])}",
                          "Difference", "Position", "", "Note"])  # fmt: skip
        ws.merge_cells(start_row=row, start_column=6, end_row=row, end_column=7)
        ws.merge_cells(start_row=row, start_column=8, end_row=row, end_column=LAST_COLUMN)
        for line in page.comparators:
            row += 1
            ws.cell(row, 1, line.comparator).border = BOX
            _figure(ws, row, 2, line.value, unit, symbol)
            ws.cell(row, 3, line.period or MISSING).border = BOX
            _figure(ws, row, 4, page.authority_row.cells[-1], unit, symbol)
            gap = _figure(ws, row, 5, line.gap, unit, symbol)
            if gap.number_format == '0.0" %"':
                gap.number_format = "+0.0;-0.0;0.0"  # a difference in percentage points, not a percentage
            elif unit == "count" and line.gap.value is not None:
                gap.number_format = "+#,##0;-#,##0;0"
            elif line.gap.value is not None:
                gap.number_format = "+0.0;-0.0;0.0"
            position = ws.cell(row, 6, line.position_text)
            position.border = BOX
            _judged(position, line.position if line.position in ("better", "worse") else None)
            ws.merge_cells(start_row=row, start_column=6, end_row=row, end_column=7)
            ws.cell(row, 8, line.note or "").alignment = WRAP
            ws.merge_cells(start_row=row, start_column=8, end_row=row, end_column=LAST_COLUMN)
    row += 2
    chart_row = row
    _chart(ws, page, view, chart_row)
    row = chart_row + 16
    row = _text_block(ws, row, "Definition:", ind.definition)
    row = _text_block(ws, row, "N.B.", ind.note)
    if ind.change_note:
        row = _text_block(ws, row, "Change:", ind.change_note)
    row += 1
    ws.cell(row, 1, "Commentary").font = Font(bold=True, size=12, color=NAVY)
    row += 1
    row = _text_block(ws, row, None, COMMENTARY_HEADING, bold=True)
    for sentence in page.commentary:
        row = _text_block(ws, row, None, sentence)
    row += 1
    row = _text_block(ws, row, None, KEY + (f" {symbol}: suppressed small number." if view.published else ""))
    ws.column_dimensions["A"].width = 30
    for column in range(2, LAST_COLUMN):
        ws.column_dimensions[get_column_letter(column)].width = 10
    ws.column_dimensions[get_column_letter(LAST_COLUMN)].width = 24
    ws.print_area = f"A1:{get_column_letter(LAST_COLUMN)}{row}"
    ws.print_title_rows = "1:3"
    ws.freeze_panes = ws.cell(6, 2) if table_end >= 6 else None


def _chart(ws: Worksheet, page: IndicatorPage, view: BoardView, anchor_row: int) -> None:
    """A native line chart of the authority's 13 months, from a data range beside the print area that holds only
    the figures shown (Excel would plot a suppressed "c" as zero; a blank cell is a gap)."""
    column = CHART_DATA_COLUMN
    ws.cell(5, column, "Chart data (as shown)").font = Font(italic=True, color="595959")
    ws.cell(6, column, "Month")
    ws.cell(6, column + 1, view.data.authority)
    for i, (month, value) in enumerate(page.chart_points):
        ws.cell(7 + i, column, month_label(month))
        if value is not None:
            cell = ws.cell(7 + i, column + 1, int(value) if page.indicator.unit == "count" else value)
            cell.number_format = EXCEL_FORMATS[page.indicator.unit]
    last = 6 + len(page.chart_points)
    chart = LineChart()
    chart.title = page.indicator.title
    chart.style = 2
    chart.height, chart.width = 7.5, 26
    chart.y_axis.title = page.indicator.unit_label
    chart.x_axis.title = "Month end"
    chart.y_axis.number_format = EXCEL_FORMATS[page.indicator.unit]
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend = None
    chart.display_blanks = "gap"
    chart.add_data(Reference(ws, min_col=column + 1, min_row=6, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=column, min_row=7, max_row=last))
    series = chart.series[0]
    series.marker.symbol = "circle"
    series.graphicalProperties.line.solidFill = NAVY
    series.graphicalProperties.line.width = 28000
    series.smooth = False
    ws.add_chart(chart, f"A{anchor_row}")


# --- action plan -----------------------------------------------------------------------------------------------


def _brag_cell(ws: Worksheet, row: int, column: int, brag: object) -> None:
    cell = ws.cell(row, column, brag if isinstance(brag, str) else "")
    cell.border = BOX
    if isinstance(brag, str) and brag in BRAG_FILLS:
        cell.fill = BRAG_FILLS[brag]


def _date(value: object) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else ""


def _int_or_blank(value: object):
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _action_plan_sheet(ws: Worksheet, view: BoardView) -> None:
    plan = view.data.action_plan
    last = 9
    _title(ws, "Corporate Parenting Strategy action plan", "Delivery plan: BRAG summary and changes since the "
           "previous snapshot", view, last=last)  # fmt: skip
    row = 5
    if not plan.available:
        _text_block(ws, row, None, plan.note or "No action plan snapshot for this month.", last=last, chars_per_line=120)
        _widths(ws, [14, 50, 9, 9, 9, 9, 9, 12, 30])
        return
    board = "set for this board" if plan.board_date_configured else "the snapshot date"
    ws.cell(row, 1, f"Snapshot of {_date(plan.snapshot_date)}; board date {_date(plan.board_date)} ({board}).")
    if plan.note:
        row += 1
        ws.cell(row, 1, plan.note).font = Font(italic=True)
    row += 2
    ws.cell(row, 1, "BRAG by objective (all sheets)").font = Font(bold=True)
    row += 1
    _header(ws, row, ["Objective", "Title", "Blue", "Red", "Amber", "Green", "Total", "Open actions"])
    summary = plan.summary
    for record in summary[summary["level"].isin(["objective", "snapshot"])].to_dict("records"):
        row += 1
        whole = record["level"] == "snapshot"
        number = _int_or_blank(record["objective_number"])
        ws.cell(row, 1, "All" if whole else (number if number is not None else "None")).border = BOX
        ws.cell(row, 2, "Whole plan" if whole else (record["objective_title"] or "")).border = BOX
        ws.cell(row, 2).alignment = WRAP
        for offset, key in enumerate(["blue", "red", "amber", "green", "total", "open_actions"]):
            ws.cell(row, 3 + offset, _int_or_blank(record[key])).border = BOX
        if whole:
            for column in range(1, 9):
                ws.cell(row, column).font = Font(bold=True)
    row += 2
    ws.cell(row, 1, "BRAG by sheet").font = Font(bold=True)
    row += 1
    _header(ws, row, ["Sheet", "", "Blue", "Red", "Amber", "Green", "Total", "Open actions"])
    for record in summary[summary["level"] == "sheet"].to_dict("records"):
        row += 1
        ws.cell(row, 1, record["sheet"]).border = BOX
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        for offset, key in enumerate(["blue", "red", "amber", "green", "total", "open_actions"]):
            ws.cell(row, 3 + offset, _int_or_blank(record[key])).border = BOX
    row += 2
    ws.cell(row, 1, "Changes since the previous snapshot").font = Font(bold=True)
    row += 1
    changes = plan.changes
    if changes.empty:
        ws.cell(row, 1, "No earlier snapshot to compare with, or nothing changed.")
    else:
        _header(ws, row, ["Change", "Activity", "Sheet", "Objective", "Ref", "BRAG before", "BRAG now", "Due before",
                          "Due now"])  # fmt: skip
        for record in changes.to_dict("records"):
            row += 1
            values = [str(record["change"]).replace("_", " "), record["activity"] or "", record["sheet"] or "",
                      _int_or_blank(record["objective_number"]), record["ref"] or ""]  # fmt: skip
            for offset, value in enumerate(values):
                cell = ws.cell(row, 1 + offset, value)
                cell.border, cell.alignment = BOX, WRAP
            _brag_cell(ws, row, 6, record["brag_from"])
            _brag_cell(ws, row, 7, record["brag_to"])
            ws.cell(row, 8, _date(record["due_date_from"])).border = BOX
            ws.cell(row, 9, _date(record["due_date_to"])).border = BOX
    _widths(ws, [16, 60, 16, 10, 9, 11, 11, 12, 12])


def _exceptions_sheet(ws: Worksheet, view: BoardView) -> None:
    plan = view.data.action_plan
    labels = ["Exception", "BRAG", "Sheet", "Objective", "Ref", "Activity", "Responsible service", "Timescale",
              "Days overdue", "Latest update", "Latest note"]  # fmt: skip
    _title(ws, "Action plan exceptions", "Red and Amber actions, actions overdue at the board date, and actions with "
           "no dated progress note in the weeks before the snapshot", view, last=len(labels))  # fmt: skip
    row = 5
    if not plan.available or plan.exceptions.empty:
        text = plan.note if not plan.available else "No exceptions in this snapshot."
        _text_block(ws, row, None, text or "No action plan snapshot for this month.", last=len(labels), chars_per_line=140)
    else:
        _header(ws, row, labels)
        names = {"red_amber": "Red or Amber", "overdue": "Overdue", "stale": "Not updated"}
        for record in plan.exceptions.to_dict("records"):
            row += 1
            values = [names.get(record["exception"], record["exception"]), None, record["sheet"],
                      _int_or_blank(record["objective_number"]), record["ref"], record["activity"],
                      record["responsible_service"], record["timescale_text"], _int_or_blank(record["days_overdue"]),
                      _date(record["latest_update_date"]), record["latest_note"]]  # fmt: skip
            for offset, value in enumerate(values):
                cell = ws.cell(row, 1 + offset, value if value is not None and value == value else None)
                cell.border, cell.alignment = BOX, WRAP
            _brag_cell(ws, row, 2, record["brag"])
        ws.print_title_rows = "5:5"
        ws.freeze_panes = "A6"
    _widths(ws, [14, 9, 14, 9, 8, 45, 20, 14, 9, 12, 55])


# --- IRO and data quality --------------------------------------------------------------------------------------


def _iro_sheet(ws: Worksheet, view: BoardView) -> None:
    _title(ws, "Independent Reviewing Officer service", "Challenges, caseloads and reviews: "
           f"{view.data.authority}, 13 months", view)  # fmt: skip
    row = 5
    months = view.pages[0].months if view.pages else ()
    _header(ws, row, ["Indicator", *[month_label(m) for m in months], "Trend over 12 months"])
    for page in view.iro_pages:
        row += 1
        link = ws.cell(row, 1, page.indicator.title)
        link.hyperlink = f"#'{page.sheet_name}'!A1"
        link.style = "Hyperlink"
        link.alignment = WRAP
        link.border = BOX
        ws.row_dimensions[row].height = 30
        for i, shown in enumerate(page.authority_row.cells):
            _figure(ws, row, 2 + i, shown, page.indicator.unit, view.symbol)
        trend = ws.cell(row, LAST_COLUMN, page.authority_row.trend.text(page.indicator.unit, view.symbol))
        trend.border, trend.alignment = BOX, Alignment(horizontal="left", indent=1)
        _judged(trend, page.authority_row.trend.judgement)
    for breakdown in view.iro_breakdown:
        row += 2
        kind = {"PR": "Problem resolutions", "MA": "Management alerts"}.get(breakdown.challenge_type, breakdown.challenge_type)
        ws.cell(row, 1, f"{kind} raised in {view.month_text}, by category").font = Font(bold=True)
        row += 1
        _header(ws, row, ["Category", "Raised"])
        for category, shown in breakdown.rows:
            row += 1
            ws.cell(row, 1, category).border = BOX
            _figure(ws, row, 2, shown, "count", view.symbol)
        row += 1
        ws.cell(row, 1, "Total").font = Font(bold=True)
        _figure(ws, row, 2, breakdown.total, "count", view.symbol).font = Font(bold=True)
    row += 2
    _text_block(ws, row, None, KEY)
    ws.column_dimensions["A"].width = 44
    for column in range(2, LAST_COLUMN):
        ws.column_dimensions[get_column_letter(column)].width = 9
    ws.column_dimensions[get_column_letter(LAST_COLUMN)].width = 24
    ws.print_title_rows = "5:5"


def _quality_sheet(ws: Worksheet, view: BoardView) -> None:
    labels = ["Result", "Severity", "Asset", "Check", "Rows checked", "Failing rows", "What failed"]
    _title(ws, "Data quality checks", "The checks of this month's run: failed checks first", view, last=len(labels))
    row = 5
    if not view.checks:
        ws.cell(row, 1, "No check results were recorded for this run.")
    else:
        failed = [c for c in view.checks if not c.record.passed]
        blocking = [c for c in failed if c.record.severity == "ERROR"]
        ws.cell(row, 1, f"{len(view.checks)} checks: {len(view.checks) - len(failed)} passed, {len(failed)} failed "
                        f"({len(blocking)} blocking).").font = Font(bold=True)  # fmt: skip
        row += 2
        _header(ws, row, labels)
        ws.print_title_rows = f"{row}:{row}"
        for line in view.checks:
            row += 1
            record = line.record
            result = ws.cell(row, 1, "\u2714 Passed" if record.passed else "\u2718 Failed")
            result.fill = BETTER_FILL if record.passed else WORSE_FILL
            values = ["Blocking" if record.severity == "ERROR" else "Warning", record.asset, record.check]
            for offset, value in enumerate(values):
                ws.cell(row, 2 + offset, value)
            _figure(ws, row, 5, line.rows_checked, "count", view.symbol)
            _figure(ws, row, 6, line.failing_rows, "count", view.symbol)
            ws.cell(row, 7, record.description or "").alignment = WRAP
            for column in range(1, 8):
                ws.cell(row, column).border = BOX
    _widths(ws, [12, 11, 34, 30, 13, 13, 70])


def _widths(ws: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
