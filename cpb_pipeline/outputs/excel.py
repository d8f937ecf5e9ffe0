"""The board pack workbook (`board_pack_YYYY-MM.xlsx`) from a `BoardView`, with openpyxl.

Sheets: Contents (hyperlinked), the SPC summary (every indicator's latest figure, variation
and assurance, linked to its sheet), one sheet per indicator laid out like the seed's
Monthly Performance Report pages with its SPC chart, the action plan (summary and changes),
the action plan exceptions, the IRO summary and the data quality checks of the run.

Charts are native Excel charts drawn from a data range beside the print area that holds only
what the version shows. A value axis that does not start at zero says so in its title.

Figures are stored as numbers, rounded as shown (whole counts; one decimal
otherwise, half away from zero) with a number format; a suppressed figure is the
text symbol. Better and worse are written in words and symbols as well as
coloured. Every sheet prints on A4 landscape, fitted to the page width, with the
page number and "Report produced by <authority> Business Intelligence" in the footer.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference, Series
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cpb_pipeline.domain.calendar import month_ends_between
from cpb_pipeline.outputs.board_sections import (
    ActionPlanSection,
    BragTable,
    ExceptionsSection,
    IroSection,
    QualitySection,
)
from cpb_pipeline.outputs.control_charts import VARIATION
from cpb_pipeline.outputs.formats import EXCEL_FORMATS, month_label, shown_value
from cpb_pipeline.outputs.indicator_pages import IndicatorPage, Trend
from cpb_pipeline.outputs.parts import Heading, Shown
from cpb_pipeline.outputs.spc_summary import SummarySection
from cpb_pipeline.outputs.svg import value_ticks
from cpb_pipeline.outputs.view import BoardView
from cpb_pipeline.outputs.xmr_svg import xmr_ticks

HEADER_FONT = Font(bold=True, color="FFFFFF")
AUTHORITY_FILL = PatternFill("solid", fgColor="E7E6E6")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
RIGHT = Alignment(horizontal="right")
TREND = Alignment(horizontal="left", indent=1)
LAST_COLUMN = 15  # A (area) + 13 months + trend
WRAP_FROM = 11  # characters: a longer header label wraps
CHART_DATA_COLUMN = 18  # R: the chart's data, outside the print area
CHART_ROWS = 18  # the rows a chart takes on an indicator sheet
FROM_ZERO = ("count", "rate_per_10000")  # the line chart's value axis starts at zero for these
CUT_AXIS = "axis does not start at zero"
SPC_MARKERS = {  # Excel's marker shape, and the legend's word (with the summary's icon)
    "special_cause_improving": ("triangle", "Improvement"),
    "special_cause_concerning": ("square", "Concern"),
    "special_cause_neither": ("diamond", "Neither improvement nor concern"),
}
CHANGE_FORMATS = {"count": "+#,##0;-#,##0;0"}  # a difference is signed; in percentage points, not a percentage
CHANGE_FORMAT = "+0.0;-0.0;0.0"


def write_board_pack(view: BoardView, path: Path) -> int:
    """Write the workbook to `path`; returns its number of sheets."""
    book = Workbook()
    contents = book.active
    contents.title = view.text.contents
    sheets = {
        SummarySection: _summary_sheet,
        IndicatorPage: _indicator_sheet,
        ActionPlanSection: _action_plan_sheet,
        ExceptionsSection: _exceptions_sheet,
        IroSection: _iro_sheet,
        QualitySection: _quality_sheet,
    }
    for section in view.sections:
        sheets[type(section)](book.create_sheet(section.heading.sheet), section, view)
    _contents_sheet(contents, view)
    for sheet in book.worksheets:
        _print_setup(sheet, view)
    book.save(path)
    return len(book.sheetnames)


# --- helpers ---------------------------------------------------------------------------------------------------


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def _print_setup(ws: Worksheet, view: BoardView) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom, ws.page_margins.footer = 0.5, 0.7, 0.3
    ws.oddFooter.left.text = view.text.produced_by
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = f"{view.text.version_name} \u2013 {view.text.month_name}"
    ws.oddFooter.center.size = 8
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.right.size = 8


def _header(ws: Worksheet, row: int, labels: list[str] | tuple[str, ...], view: BoardView) -> None:
    """A header row; labels longer than WRAP_FROM characters wrap onto two lines (the row is made taller)."""
    if any(len(str(label)) > WRAP_FROM for label in labels[1:]):
        ws.row_dimensions[row].height = 30
    for column, label in enumerate(labels, start=1):
        cell = ws.cell(row, column, label)
        cell.fill, cell.font, cell.border = _fill(view.palette.navy), HEADER_FONT, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _figure(ws: Worksheet, row: int, column: int, shown: Shown, unit: str):
    """A figure: a number with its format, the symbol when suppressed, blank (with a dash) when missing."""
    cell = ws.cell(row, column)
    if shown.suppressed:
        cell.value = shown.text
        cell.alignment = RIGHT
        cell.font = Font(italic=True)
    elif shown.value is None:
        cell.value = shown.text
        cell.alignment = Alignment(horizontal="right", wrap_text=bool(shown.note))
        cell.font = Font(color="595959", italic=bool(shown.note), size=8 if shown.note else 11)
    else:
        cell.value = int(shown.value) if unit == "count" else shown.value
        cell.number_format = EXCEL_FORMATS[unit]
    cell.border = BOX
    return cell


def _judged(cell, judgement: str | None, view: BoardView) -> None:
    if judgement == "better":
        cell.fill = _fill(view.palette.better)
    elif judgement == "worse":
        cell.fill = _fill(view.palette.worse)


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


def _key(view: BoardView, key: str) -> str:
    return f"{view.text.key_label} {key}"


def _title(ws: Worksheet, title: str, subtitle: str, view: BoardView, last: int = LAST_COLUMN) -> None:
    ws.cell(1, 1, title).font = Font(bold=True, size=14, color=view.palette.navy)
    ws.cell(2, 1, subtitle).font = Font(italic=True)
    version = ws.cell(3, 1, f"{view.text.month_line} \u2013 {view.text.version_name}")
    version.font = Font(bold=True)
    version.fill = _fill(view.palette.version(view.published))
    for row in (1, 2, 3):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    ws.row_dimensions[1].height = 22


def _link(cell, heading: Heading) -> None:
    cell.hyperlink = f"#'{heading.sheet}'!A1"
    cell.style = "Hyperlink"


def _trend(ws: Worksheet, row: int, trend: Trend, view: BoardView) -> None:
    cell = ws.cell(row, LAST_COLUMN, trend.text)
    cell.border, cell.alignment = BOX, TREND
    _judged(cell, trend.judgement, view)


def _widths(ws: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


# --- contents --------------------------------------------------------------------------------------------------


def _contents_sheet(ws: Worksheet, view: BoardView) -> None:
    text = view.text
    _title(ws, text.title, f"{text.authority} \u2013 {text.month_name}", view, last=4)
    ws.cell(4, 1, text.version_statement).font = Font(bold=True)
    ws.cell(4, 1).alignment = WRAP
    ws.cell(4, 1).fill = _fill(view.palette.version(view.published))
    ws.merge_cells("A4:D4")
    ws.row_dimensions[4].height = 32
    _header(ws, 6, ["Page", text.contents, "Section", "Sheet"], view)
    row = 7
    headings = [heading for group in view.contents for heading in group.entries]
    for number, heading in enumerate(headings, start=1):
        ws.cell(row, 1, number).border = BOX
        link = ws.cell(row, 2, heading.title)
        _link(link, heading)
        link.border = BOX
        ws.cell(row, 3, heading.section).border = BOX
        ws.cell(row, 4, heading.sheet).border = BOX
        row += 1
    row += 1
    row = _text_block(ws, row, None, _key(view, text.key), last=4, chars_per_line=110)
    row = _text_block(ws, row, None, text.extraction_note, last=4, chars_per_line=110)
    if text.comparators_note:
        row = _text_block(ws, row, None, text.comparators_note, last=4, chars_per_line=110)
    for line in text.missing:
        row = _text_block(ws, row, None, line, last=4, chars_per_line=110)
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 80
    ws.column_dimensions["C"].width = 55
    ws.column_dimensions["D"].width = 28
    ws.print_title_rows = "6:6"


# --- the SPC summary -------------------------------------------------------------------------------------------


def _reading(reading: tuple[str, str]) -> str:
    icon, words = reading
    return f"{icon} {words}".strip()


def _summary_sheet(ws: Worksheet, summary: SummarySection, view: BoardView) -> None:
    last = len(summary.headings)
    _title(ws, summary.heading.title, summary.heading.section, view, last=last)
    row = _text_block(ws, 5, None, summary.about, last=last, chars_per_line=120)
    row += 1
    _header(ws, row, summary.headings, view)
    ws.print_title_rows = f"{row}:{row}"
    for line in summary.lines:
        row += 1
        link = ws.cell(row, 1, line.page.title)
        _link(link, line.page)
        link.alignment = WRAP
        link.border = BOX
        _figure(ws, row, 2, line.latest, line.indicator.unit)
        variation = ws.cell(row, 3, _reading(line.variation))
        variation.border, variation.alignment = BOX, WRAP
        _judged(variation, line.judgement, view)
        assurance = ws.cell(row, 4, _reading(line.assurance))
        assurance.border, assurance.alignment = BOX, WRAP
        ws.row_dimensions[row].height = 30
    row += 2
    _text_block(ws, row, None, _key(view, summary.key), last=last, chars_per_line=120)
    _widths(ws, [60, 14, 34, 44])


# --- one indicator ---------------------------------------------------------------------------------------------


def _indicator_sheet(ws: Worksheet, page: IndicatorPage, view: BoardView) -> None:
    unit = page.indicator.unit
    _title(ws, page.heading.title, page.heading.section, view)
    row = 5
    _header(ws, row, [page.unit_label, *page.month_labels, view.text.trend_heading], view)
    for area_row in page.rows:
        row += 1
        name = ws.cell(row, 1, area_row.area)
        name.border = BOX
        if area_row.is_authority:
            name.font = Font(bold=True)
        for i, shown in enumerate(area_row.cells):
            cell = _figure(ws, row, 2 + i, shown, unit)
            if area_row.is_authority:
                cell.fill = AUTHORITY_FILL
                cell.font = Font(bold=True, italic=shown.suppressed)
        _trend(ws, row, area_row.trend, view)
    table_end = row
    row += 2
    # the 31 March box, as the seed's "Rate per 10,000 at 31 March" / "Percentage" table
    _header(ws, row, [page.march_title, *page.march_periods], view)
    for march_row in page.march_rows:
        row += 1
        ws.cell(row, 1, march_row.area).border = BOX
        if march_row.is_authority:
            ws.cell(row, 1).font = Font(bold=True)
        for i, shown in enumerate(march_row.cells):
            _figure(ws, row, 2 + i, shown, unit)
        if any(shown.note for shown in march_row.cells):
            ws.row_dimensions[row].height = 26
    if page.comparators:
        row = _comparators(ws, row + 2, page, view)
    row += 2
    if page.control.drawn:
        _control_chart(ws, page, view, row)
        row = _text_block(ws, row + CHART_ROWS, "SPC:", f"Latest month: {_reading(page.control.variation_reading)}. "
                          f"Assurance: {_reading(page.control.assurance_reading)}.")  # fmt: skip
    else:
        _chart(ws, page, view, row)
        row = _text_block(ws, row + CHART_ROWS, "SPC:", page.control.message or "")
    for label, text in page.about:
        row = _text_block(ws, row, label, text)
    row += 1
    ws.cell(row, 1, view.text.commentary_heading).font = Font(bold=True, size=12, color=view.palette.navy)
    row += 1
    row = _text_block(ws, row, None, view.text.commentary_draft, bold=True)
    for sentence in page.commentary:
        row = _text_block(ws, row, None, sentence)
    row += 1
    row = _text_block(ws, row, None, _key(view, view.text.key_with_symbol))
    ws.column_dimensions["A"].width = 30
    for column in range(2, LAST_COLUMN):
        ws.column_dimensions[get_column_letter(column)].width = 10
    ws.column_dimensions[get_column_letter(LAST_COLUMN)].width = 24
    ws.print_area = f"A1:{get_column_letter(LAST_COLUMN)}{row}"
    ws.print_title_rows = "1:3"
    ws.freeze_panes = ws.cell(6, 2) if table_end >= 6 else None


def _comparators(ws: Worksheet, row: int, page: IndicatorPage, view: BoardView) -> int:
    """The position against each comparator, from `row`; returns the last row written."""
    unit = page.indicator.unit
    ws.cell(row, 1, view.text.comparators_title).font = Font(bold=True)
    row += 1
    comparator, latest, period, difference, position = view.text.comparator_headings
    _header(ws, row, [comparator, latest, period, page.current_label, difference, position, "", "Note"], view)
    ws.merge_cells(start_row=row, start_column=6, end_row=row, end_column=7)
    ws.merge_cells(start_row=row, start_column=8, end_row=row, end_column=LAST_COLUMN)
    for line in page.comparators:
        row += 1
        ws.cell(row, 1, line.comparator).border = BOX
        _figure(ws, row, 2, line.value, unit)
        ws.cell(row, 3, line.period_label).border = BOX
        _figure(ws, row, 4, page.authority_row.cells[-1], unit)
        gap = _figure(ws, row, 5, line.gap, unit)
        if line.gap.value is not None:
            gap.number_format = CHANGE_FORMATS.get(unit, CHANGE_FORMAT)
        position_cell = ws.cell(row, 6, line.position_text)
        position_cell.border = BOX
        _judged(position_cell, line.judgement, view)
        ws.merge_cells(start_row=row, start_column=6, end_row=row, end_column=7)
        ws.cell(row, 8, line.note or "").alignment = WRAP
        ws.merge_cells(start_row=row, start_column=8, end_row=row, end_column=LAST_COLUMN)
    return row


def _chart(ws: Worksheet, page: IndicatorPage, view: BoardView, anchor_row: int) -> None:
    """A native line chart of the authority's 13 months, from a data range beside the print area that holds only
    the figures shown (Excel would plot a suppressed "c" as zero; a blank cell is a gap)."""
    chart_view, column = page.chart, CHART_DATA_COLUMN
    number_format = EXCEL_FORMATS[chart_view.unit]
    ws.cell(5, column, "Chart data (as shown)").font = Font(italic=True, color="595959")
    ws.cell(6, column, "Month")
    ws.cell(6, column + 1, chart_view.series)
    for i, (label, point) in enumerate(zip(chart_view.labels, chart_view.points)):
        ws.cell(7 + i, column, label)
        if point.value is not None:
            cell = ws.cell(7 + i, column + 1, int(point.value) if chart_view.unit == "count" else point.value)
            cell.number_format = number_format
    last = 6 + len(chart_view.points)
    chart = LineChart()
    chart.title = chart_view.title
    chart.style = 2
    chart.height, chart.width = 7.5, 26
    values = [p.value for p in chart_view.points if p.value is not None]
    if chart_view.unit in FROM_ZERO or not values:
        chart.y_axis.scaling.min = 0
        chart.y_axis.title = chart_view.axis
    else:
        chart.y_axis.title = _value_axis(chart, value_ticks(chart_view.unit, values), chart_view.axis)
    chart.x_axis.title = "Month end"
    chart.y_axis.number_format = number_format
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend = None
    chart.display_blanks = "gap"
    chart.add_data(Reference(ws, min_col=column + 1, min_row=6, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=column, min_row=7, max_row=last))
    series = chart.series[0]
    series.marker.symbol = "circle"
    series.graphicalProperties.line.solidFill = view.palette.navy
    series.graphicalProperties.line.width = 28000
    series.smooth = False
    ws.add_chart(chart, f"A{anchor_row}")


def _value_axis(chart: LineChart, ticks: list[float], axis: str) -> str:
    """Fix the value axis to `ticks`; its title, which says so when it does not start at zero."""
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = ticks[0], ticks[-1]
    chart.y_axis.majorUnit = ticks[1] - ticks[0]
    return f"{axis} ({CUT_AXIS})" if ticks[0] > 0 else axis


def _control_chart(ws: Worksheet, page: IndicatorPage, view: BoardView, anchor_row: int) -> None:
    """The SPC chart as native series: the value, the mean and the two process limits as lines, and each kind of
    special-cause point as a series of its own with its own marker shape (never colour alone). The value axis is
    fitted to the points and limits, as in the report, since a chart read against its limits must show them apart;
    its title says when it does not start at zero."""
    control, column, unit = page.control, CHART_DATA_COLUMN, page.indicator.unit
    points = {p.period_end: p for p in control.points}
    months = month_ends_between(control.points[0].period_end, control.points[-1].period_end)
    level = control.points[0]
    special = list(SPC_MARKERS)
    names = ["Month", page.chart.series, "Mean", "Lower process limit", "Upper process limit",
             *[f"{SPC_MARKERS[v][1]} ({VARIATION[v][0]})" for v in special]]  # fmt: skip
    ws.cell(5, column, "SPC chart data (as shown)").font = Font(italic=True, color="595959")
    for offset, name in enumerate(names):
        ws.cell(6, column + offset, name)
    number_format = EXCEL_FORMATS[unit] if unit != "count" else "#,##0.0"
    for i, month in enumerate(months):
        row = 7 + i
        ws.cell(row, column, month_label(month))
        for offset, level_value in enumerate((level.mean, level.lower_limit, level.upper_limit), start=2):
            ws.cell(row, column + offset, level_value).number_format = number_format
        point = points.get(month)
        if point is None:
            continue
        shown = shown_value(unit, point.value)
        ws.cell(row, column + 1, shown).number_format = EXCEL_FORMATS[unit]
        if point.variation in SPC_MARKERS:
            ws.cell(row, column + 5 + special.index(point.variation), shown).number_format = EXCEL_FORMATS[unit]
    last = 6 + len(months)
    chart = LineChart()
    chart.title = control.title
    chart.style = 2
    chart.height, chart.width = 9, 26
    chart.y_axis.title = _value_axis(chart, xmr_ticks(unit, control.points), page.unit_label)
    chart.y_axis.number_format = EXCEL_FORMATS[unit]
    chart.x_axis.title = "Month end"
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.display_blanks = "gap"
    for offset in range(1, len(names)):
        chart.series.append(Series(Reference(ws, min_col=column + offset, min_row=7, max_row=last),
                                   title_from_data=False, title=names[offset]))  # fmt: skip
    chart.set_categories(Reference(ws, min_col=column, min_row=7, max_row=last))
    value, mean, lower, upper, *markers = chart.series
    _line(value, view.palette.common_cause, 22000, marker="circle")
    _line(mean, "262626", 19000)
    for limit in (lower, upper):
        _line(limit, "262626", 19000, dash="dash")
    for series, variation in zip(markers, special):
        series.graphicalProperties.line.noFill = True
        series.marker.symbol, series.marker.size = SPC_MARKERS[variation][0], 8
        series.marker.graphicalProperties = GraphicalProperties(solidFill=view.palette.variation[variation])
        series.marker.graphicalProperties.line.solidFill = view.palette.variation[variation]
    ws.add_chart(chart, f"A{anchor_row}")


def _line(series: Series, colour: str, width: int, *, marker: str | None = None, dash: str | None = None) -> None:
    series.smooth = False
    series.graphicalProperties.line.solidFill = colour
    series.graphicalProperties.line.width = width
    if dash:
        series.graphicalProperties.line.dashStyle = dash
    series.marker.symbol = marker or "none"
    if marker:
        series.marker.size = 5
        series.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
        series.marker.graphicalProperties.line.solidFill = colour


# --- action plan -----------------------------------------------------------------------------------------------


def _brag_cell(ws: Worksheet, row: int, column: int, brag: str, view: BoardView) -> None:
    cell = ws.cell(row, column, brag)
    cell.border = BOX
    if brag in view.palette.brag:
        cell.fill = _fill(view.palette.brag[brag])


def _boxed(ws: Worksheet, row: int, first: int, values: list[object]) -> None:
    """Values in bordered, wrapped cells from column `first`; an empty text leaves the cell empty."""
    for offset, value in enumerate(values):
        cell = ws.cell(row, first + offset, None if value == "" else value)
        cell.border, cell.alignment = BOX, WRAP


def _brag_table(ws: Worksheet, row: int, table: BragTable, view: BoardView) -> int:
    """A BRAG table (objectives: number and title; sheets: the name across two columns); returns its last row."""
    ws.cell(row, 1, table.caption).font = Font(bold=True)
    row += 1
    _header(ws, row, [table.label_heading, table.title_heading or "", *table.count_headings], view)
    for brag_row in table.rows:
        row += 1
        ws.cell(row, 1, brag_row.label).border = BOX
        if brag_row.title is None:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        else:
            ws.cell(row, 2, brag_row.title).border = BOX
            ws.cell(row, 2).alignment = WRAP
        for offset, count in enumerate(brag_row.counts):
            ws.cell(row, 3 + offset, count).border = BOX
        if brag_row.whole:
            for column in range(1, 3 + len(brag_row.counts)):
                ws.cell(row, column).font = Font(bold=True)
    return row


def _action_plan_sheet(ws: Worksheet, plan: ActionPlanSection, view: BoardView) -> None:
    last = 9
    _title(ws, plan.heading.title, plan.about, view, last=last)
    row = 5
    if plan.message is not None:
        _text_block(ws, row, None, plan.message, last=last, chars_per_line=120)
        _widths(ws, [14, 50, 9, 9, 9, 9, 9, 12, 30])
        return
    ws.cell(row, 1, plan.snapshot)
    if plan.note:
        row += 1
        ws.cell(row, 1, plan.note).font = Font(italic=True)
    row = _brag_table(ws, row + 2, plan.objectives, view)
    row = _brag_table(ws, row + 2, plan.sheets, view)
    row += 2
    ws.cell(row, 1, plan.changes_caption).font = Font(bold=True)
    row += 1
    if not plan.changes:
        ws.cell(row, 1, plan.no_changes)
    else:
        _header(ws, row, plan.changes_headings, view)
        for change in plan.changes:
            row += 1
            _boxed(ws, row, 1, [change.change, change.activity, change.sheet, change.objective, change.ref])
            _brag_cell(ws, row, 6, change.brag_before, view)
            _brag_cell(ws, row, 7, change.brag_now, view)
            ws.cell(row, 8, change.due_before).border = BOX
            ws.cell(row, 9, change.due_now).border = BOX
    _widths(ws, [16, 60, 16, 10, 9, 11, 11, 12, 12])


def _exceptions_sheet(ws: Worksheet, section: ExceptionsSection, view: BoardView) -> None:
    last = len(section.headings)
    _title(ws, section.heading.title, section.about, view, last=last)
    row = 5
    if section.message is not None:
        _text_block(ws, row, None, section.message, last=last, chars_per_line=140)
    else:
        _header(ws, row, section.headings, view)
        for action in section.rows:
            row += 1
            _boxed(ws, row, 1, [action.exception, None, action.sheet, action.objective, action.ref, action.activity,
                                action.responsible, action.timescale, action.days_overdue, action.latest_update,
                                action.latest_note])  # fmt: skip
            _brag_cell(ws, row, 2, action.brag, view)
        ws.print_title_rows = "5:5"
        ws.freeze_panes = "A6"
    _widths(ws, [14, 9, 14, 9, 8, 45, 20, 14, 9, 12, 55])


# --- IRO and data quality --------------------------------------------------------------------------------------


def _iro_sheet(ws: Worksheet, iro: IroSection, view: BoardView) -> None:
    _title(ws, iro.heading.title, iro.about, view)
    row = 5
    _header(ws, row, iro.headings, view)
    for page in iro.pages:
        row += 1
        link = ws.cell(row, 1, page.heading.title)
        _link(link, page.heading)
        link.alignment = WRAP
        link.border = BOX
        ws.row_dimensions[row].height = 30
        for i, shown in enumerate(page.authority_row.cells):
            _figure(ws, row, 2 + i, shown, page.indicator.unit)
        _trend(ws, row, page.authority_row.trend, view)
    for breakdown in iro.breakdowns:
        row += 2
        ws.cell(row, 1, breakdown.caption).font = Font(bold=True)
        row += 1
        _header(ws, row, iro.breakdown_headings, view)
        for category, shown in breakdown.rows:
            row += 1
            ws.cell(row, 1, category).border = BOX
            _figure(ws, row, 2, shown, "count")
        row += 1
        ws.cell(row, 1, iro.total_label).font = Font(bold=True)
        _figure(ws, row, 2, breakdown.total, "count").font = Font(bold=True)
    row += 2
    _text_block(ws, row, None, _key(view, view.text.key))
    ws.column_dimensions["A"].width = 44
    for column in range(2, LAST_COLUMN):
        ws.column_dimensions[get_column_letter(column)].width = 9
    ws.column_dimensions[get_column_letter(LAST_COLUMN)].width = 24
    ws.print_title_rows = "5:5"


def _quality_sheet(ws: Worksheet, quality: QualitySection, view: BoardView) -> None:
    _title(ws, quality.heading.title, quality.about, view, last=len(quality.headings))
    row = 5
    if quality.message is not None:
        ws.cell(row, 1, quality.message)
    else:
        ws.cell(row, 1, quality.summary).font = Font(bold=True)
        row += 2
        _header(ws, row, quality.headings, view)
        ws.print_title_rows = f"{row}:{row}"
        for line in quality.lines:
            row += 1
            result = ws.cell(row, 1, f"{line.mark} {line.result}")
            _judged(result, line.judgement, view)
            for offset, value in enumerate([line.severity, line.asset, line.check]):
                ws.cell(row, 2 + offset, value)
            _figure(ws, row, 5, line.rows_checked, "count")
            _figure(ws, row, 6, line.failing_rows, "count")
            ws.cell(row, 7, line.what_failed).alignment = WRAP
            for column in range(1, 8):
                ws.cell(row, column).border = BOX
    _widths(ws, [12, 11, 34, 30, 13, 13, 70])
