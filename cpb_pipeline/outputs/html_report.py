"""The board report (`board_report_YYYY-MM.html`): one self-contained HTML file from a `BoardView`.

Self-contained: inline CSS, inline SVG charts drawn by `svg.py`, no script, no
font, image or stylesheet from anywhere else, and no link out of the file (the
contents links are `#anchors`). Web addresses typed into action plan notes are
shown without their scheme so that nothing in the file points outside it.

On screen: one column that reflows on a phone (wide tables scroll sideways inside
their box), headings in order, table headers with `scope`, captions, charts with
a title and a description listing every value, better/worse in words and
symbols as well as colour, text contrast above 7:1.

In print (and in the PDF WeasyPrint makes of it): A4 landscape, each indicator
starting a new page, table headers repeated when a table breaks, and the footer
"Report produced by <authority> Business Intelligence", the version and
"Page n of N" on every page.
"""

from __future__ import annotations

import re
from html import escape

from cpb_pipeline.domain.catalogue import EXTRACTION_NOTE
from cpb_pipeline.outputs.commentary import HEADING as COMMENTARY_HEADING
from cpb_pipeline.outputs.formats import MISSING, month_label, number_text, signed_change
from cpb_pipeline.outputs.svg import line_chart
from cpb_pipeline.outputs.view import BoardView, CheckLine, IndicatorPage, Shown

KEY = (
    "\u25b2 up, \u25bc down, \u25ba no change over the 12 months shown. \u201cbetter\u201d or \u201cworse\u201d "
    "(also shaded blue or orange) only where a higher or a lower figure is better; number indicators that give "
    "context are not judged. \u2013 means there is no figure for that month or year."
)

CSS = """
:root { --ink: #1b1b1b; --muted: #4a4a4a; --navy: #1d4f91; --line: #a6a6a6; --better: #ddebf7; --worse: #fbe2d5; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font-family: "Liberation Sans", Arial, Helvetica, sans-serif;
       font-size: 16px; line-height: 1.45; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; outline: 3px solid var(--navy); }
header.cover, nav.contents, main, footer.report-footer { max-width: 1200px; margin: 0 auto; padding: 0 1rem; }
header.cover { padding-top: 1.5rem; }
h1 { color: var(--navy); font-size: 1.9rem; margin: .5rem 0; }
h2 { color: var(--navy); font-size: 1.45rem; margin: .25rem 0 .75rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .4rem; }
a { color: var(--navy); }
.version { border: 2px solid #7f6000; background: #fff2cc; color: #2b2100; padding: .5rem .75rem; font-weight: bold; }
.version.published { border-color: #375623; background: #e2efda; color: #1a2b10; }
.section-name { color: var(--muted); font-style: italic; margin: 0; }
section.page { border-top: 3px solid var(--navy); margin-top: 2rem; padding-top: .75rem; }
.table-wrap { margin: .5rem 0 1rem; }
@media screen { .table-wrap { overflow-x: auto; } }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .2rem .45rem; }
thead th { background: var(--navy); color: #fff; font-weight: bold; text-align: center; }
tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
tr.authority th, tr.authority td { font-weight: bold; background: #ededed; }
td.suppressed { font-style: italic; }
td.missing, .note-cell { color: var(--muted); }
td.note-cell { white-space: normal; font-size: .85em; text-align: center; }
td.trend { white-space: nowrap; }
.better { background: var(--better); }
.worse { background: var(--worse); }
tr.authority td.better { background: var(--better); }
tr.authority td.worse { background: var(--worse); }
.pair { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.pair > * { flex: 1 1 420px; min-width: 0; }
figure { margin: 0; }
svg.chart { max-width: 640px; height: auto; display: block; }
figcaption { font-size: .9rem; color: var(--muted); }
.definition { border: 1px solid var(--line); padding: .5rem .75rem; margin: 1rem 0; }
td.period { font-size: .9em; }
.definition p { margin: .3rem 0; }
.commentary { border-left: 4px solid var(--navy); padding: .25rem .75rem; background: #f5f8fc; }
.commentary .draft { font-weight: bold; color: #6b2400; }
.key { font-size: .9em; color: var(--muted); }
td.brag-blue { background: #bdd7ee; } td.brag-red { background: #f4b6b6; }
td.brag-amber { background: #ffe699; } td.brag-green { background: #c6e0b4; }
abbr[title] { text-decoration: none; }
.page-foot { display: none; }
footer.report-footer { border-top: 1px solid var(--line); margin-top: 2rem; padding: .75rem 1rem 2rem; color: var(--muted); }
@media screen and (max-width: 700px) {
  body { font-size: 15px; }
  h1 { font-size: 1.5rem; }
  th, td { padding: .15rem .3rem; }
}
@media print {
  body { font-size: 8.5pt; line-height: 1.25; }
  header.cover, nav.contents, main, footer.report-footer { max-width: none; padding: 0; }
  .skip, footer.report-footer { display: none; }
  nav.contents .toc { columns: 2; column-gap: 8mm; }
  nav.contents h3 { break-after: avoid; margin-top: 2mm; }
  nav.contents ol { margin: 0 0 1mm; }
  section.page { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
  h1 { font-size: 20pt; } h2 { font-size: 13pt; margin-bottom: 2mm; } h3 { font-size: 9.5pt; margin: 1mm 0; }
  .table-wrap { overflow: visible; margin: 1mm 0 2mm; }
  table { font-size: 7.5pt; }
  table.months, table.iro-summary, table.exceptions, table.changes, table.checks { width: 100%; }
  th, td { padding: .35mm 1.1mm; }
  thead { display: table-header-group; }
  tr, figure, .definition, .commentary p { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
  .pair { display: flex; flex-wrap: nowrap; gap: 6mm; }
  .pair > figure { flex: 0 0 47%; }
  .pair > div { flex: 1 1 auto; }
  svg.chart { width: 100%; max-height: 44mm; }
  figcaption { font-size: 7pt; }
  .section-name { font-size: 8pt; }
  .notes { display: flex; gap: 6mm; align-items: flex-start; }
  .notes .definition { flex: 0 0 38%; margin: 0; font-size: 7.5pt; }
  .notes .commentary { flex: 1 1 auto; font-size: 8pt; }
  .commentary p { margin: .8mm 0; }
  a { color: inherit; text-decoration: none; }
}
"""


def render_report_html(view: BoardView) -> str:
    """The whole report as one string of HTML."""
    title = f"{view.title} \u2013 {view.data.authority} \u2013 {view.month_text} ({view.version})"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}{_page_css(view)}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#contents">Skip to the contents</a>',
        _cover(view),
        _contents(view),
        "<main>",
        *[_indicator(page, view) for page in view.pages],
        _action_plan(view),
        _exceptions(view),
        _iro(view),
        _quality(view),
        "</main>",
        f'<footer class="report-footer"><p>{escape(view.footer)}</p></footer>',
        "</body>",
        "</html>",
    ]
    return "\n".join(parts)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _page_css(view: BoardView) -> str:
    return (
        "@page { size: A4 landscape; margin: 12mm 12mm 16mm 12mm;"
        f" @bottom-left {{ content: {_css_string(view.footer)}; font-family: 'Liberation Sans', Arial, sans-serif;"
        " font-size: 8pt; color: #333; }"
        " @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"
        " font-family: 'Liberation Sans', Arial, sans-serif; font-size: 8pt; color: #333; } }"
    )


def _text(value: object) -> str:
    """Text from the warehouse: escaped, line breaks kept, web addresses shown without their scheme."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return escape(re.sub(r"(?i)\bhttps?://", "", str(value))).replace("\n", "<br>")


def _cell(shown: Shown, unit: str, symbol: str, attrs: str = "", extra: str = "") -> str:
    classes = "num " + extra
    if shown.suppressed:
        return (f'<td class="{classes} suppressed" data-state="suppressed"{attrs}>'
                f'<abbr title="suppressed: a small number">{escape(symbol)}</abbr></td>')  # fmt: skip
    if shown.value is None:
        if shown.note:
            return f'<td class="{classes} missing note-cell" data-state="note"{attrs}>{escape(shown.note)}</td>'
        return f'<td class="{classes} missing" data-state="missing"{attrs} title="no figure">{MISSING}</td>'
    return f'<td class="{classes}" data-state="value"{attrs}>{escape(number_text(unit, shown.value))}</td>'  # type: ignore[arg-type]


def _cover(view: BoardView) -> str:
    published = " published" if view.published else ""
    return (
        '<header class="cover">'
        f'<p class="version{published}" id="version">{escape(view.version_statement)}</p>'
        f"<h1>{escape(view.title)}</h1>"
        f'<p class="section-name">{escape(view.data.authority)} \u2013 Month: {escape(view.month_text)}</p>'
        f"<p>Report produced by {escape(view.data.authority)} Business Intelligence. "
        "Commentary is a draft written from the figures for the BI team to edit.</p>"
        "</header>"
    )


def _contents(view: BoardView) -> str:
    groups: list[tuple[str, list[str]]] = []
    for page in view.pages:
        if not groups or groups[-1][0] != page.indicator.section:
            groups.append((page.indicator.section, []))
        groups[-1][1].append(f'<li><a href="#{page.anchor}">{escape(page.indicator.title)}</a></li>')
    groups.append(("Action plan, IRO service and data quality", [
        '<li><a href="#action-plan">Corporate Parenting Strategy action plan</a></li>',
        '<li><a href="#action-plan-exceptions">Action plan exceptions</a></li>',
        '<li><a href="#iro">Independent Reviewing Officer service summary</a></li>',
        '<li><a href="#data-quality">Data quality checks</a></li>',
    ]))  # fmt: skip
    lists, number = [], 1
    for section, items in groups:
        lists.append(f'<h3>{escape(section)}</h3><ol start="{number}">{"".join(items)}</ol>')
        number += len(items)
    notes = "".join(f'<p class="key">Not available for this report: {escape(n)}.</p>' for n in view.notes)
    suppressed = f" \u201c{escape(view.symbol)}\u201d: a small number, suppressed." if view.published else ""
    return (
        '<nav class="contents" id="contents" aria-labelledby="contents-heading">'
        '<h2 id="contents-heading">Contents</h2>'
        f'<div class="toc">{"".join(lists)}</div>'
        f'<p class="key"><strong>Key:</strong> {escape(KEY)}{suppressed}</p>'
        f'<p class="key">N.B. {escape(EXTRACTION_NOTE)}</p>{notes}'
        "</nav>"
    )


def _indicator(page: IndicatorPage, view: BoardView) -> str:
    ind, unit, symbol = page.indicator, page.indicator.unit, view.symbol
    heading = f"{page.anchor}-heading"
    month_heads = "".join(f'<th scope="col">{month_label(m)}</th>' for m in page.months)
    rows = []
    for row in page.rows:
        cells = "".join(
            _cell(shown, unit, symbol, f' data-indicator="{ind.id}" data-area="{escape(row.area)}" data-period="{month}"')
            for month, shown in zip(page.months, row.cells)
        )
        trend = row.trend
        judged = f" {trend.judgement}" if trend.judgement else ""
        words = trend.text(unit, symbol)
        if trend.arrow and words.startswith(trend.arrow):
            words = f'<span aria-hidden="true">{trend.arrow}</span>{escape(words[len(trend.arrow):])}'
        else:
            words = escape(words)
        rows.append(
            f'<tr class="{"authority" if row.is_authority else "district"}">'
            f'<th scope="row">{escape(row.area)}</th>{cells}<td class="trend{judged}">{words}</td></tr>'
        )
    scope = "and every district" if page.has_districts else "authority only"
    table = (
        '<div class="table-wrap"><table class="months">'
        f"<caption>{escape(ind.unit_label)}: the 13 months to {escape(view.month_text)}, "
        f"{escape(view.data.authority)} {scope}</caption>"
        f'<thead><tr><th scope="col">{escape(ind.unit_label)}</th>{month_heads}'
        '<th scope="col">Trend over 12 months</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    chart_title = f"{ind.title}: {view.data.authority}, {month_label(page.months[0])} to {month_label(page.months[-1])}"
    gap_reason = "suppressed or no figure" if view.published else "no figure"
    chart = (
        '<figure class="chart-box">'
        + line_chart(f"chart-{ind.id}", chart_title, unit, page.chart_points, f"{ind.title} for {view.data.authority}",
                     gap_reason)  # fmt: skip
        + f"<figcaption>Chart: {escape(view.data.authority)}, {month_label(page.months[0])} to "
        + f"{month_label(page.months[-1])}"
        + (" (suppressed months are left out)" if view.published else "")
        + "</figcaption></figure>"
    )
    side = [_march(page, view)]
    if page.comparators:
        side.append(_comparators(page, view))
    definition = [f"<p><strong>Definition:</strong> {escape(ind.definition)}</p>",
                  f"<p><strong>N.B.</strong> {escape(ind.note)}</p>"]  # fmt: skip
    if ind.change_note:
        definition.append(f"<p><strong>Change:</strong> {escape(ind.change_note)}</p>")
    commentary = "".join(f"<p>{escape(s)}</p>" for s in page.commentary)
    return (
        f'<section class="page indicator" id="{page.anchor}" aria-labelledby="{heading}">'
        f'<p class="section-name">{escape(ind.section)}</p>'
        f'<h2 id="{heading}">{escape(ind.title)}</h2>'
        f"{table}"
        f'<div class="pair">{chart}<div>{"".join(side)}</div></div>'
        '<div class="notes">'
        f'<div class="definition">{"".join(definition)}</div>'
        f'<section class="commentary" aria-labelledby="{heading}-commentary">'
        f'<h3 id="{heading}-commentary">Commentary</h3><p class="draft">{escape(COMMENTARY_HEADING)}</p>'
        f"{commentary}</section>"
        "</div></section>"
    )


def _march(page: IndicatorPage, view: BoardView) -> str:
    unit, symbol = page.indicator.unit, view.symbol
    heads = "".join(f'<th scope="col">{escape(p)}</th>' for p in page.march_periods)
    rows = []
    for row in page.march_rows:
        cells = "".join(
            _cell(shown, unit, symbol, f' data-indicator="{page.indicator.id}" data-area="{escape(row.area)}" '
                  f'data-period="{escape(period)}"')  # fmt: skip
            for period, shown in zip(page.march_periods, row.cells)
        )
        rows.append(f'<tr class="{"authority" if row.is_authority else "comparator"}">'
                    f'<th scope="row">{escape(row.label)}</th>{cells}</tr>')  # fmt: skip
    return (
        '<div class="table-wrap"><table class="march">'
        f"<caption>{escape(page.indicator.unit_label)} at 31 March</caption>"
        f'<thead><tr><th scope="col">Area</th>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _comparators(page: IndicatorPage, view: BoardView) -> str:
    unit, symbol = page.indicator.unit, view.symbol
    current = page.authority_row.cells[-1]
    rows = []
    for line in page.comparators:
        judged = f" {line.position}" if line.position in ("better", "worse") else ""
        gap = line.gap
        if gap.value is None:
            gap_cell = _cell(gap, unit, symbol)
        else:  # a difference: signed, and in percentage points rather than per cent
            gap_cell = f'<td class="num" data-state="value">{escape(signed_change(unit, gap.value))}</td>'
        if line.period is None:
            period = "no published value"
        elif line.is_latest is False and line.latest_year:
            period = f"{line.period} ({line.latest_year} not yet published)"
        else:
            period = line.period
        rows.append(
            f'<tr><th scope="row">{escape(line.comparator)}</th>'
            + _cell(line.value, unit, symbol, f' data-comparator="{escape(line.comparator)}"')
            + f'<td class="period">{escape(period)}</td>'
            + gap_cell
            + f'<td class="position{judged}">{escape(line.position_text)}</td></tr>'
        )
    month = month_label(page.months[-1])
    shown = (symbol if current.suppressed else number_text(unit, current.value))
    return (
        '<div class="table-wrap"><table class="comparators">'
        f"<caption>{escape(view.data.authority)} {month} ({escape(shown)}) against the latest published "
        "comparators</caption>"
        '<thead><tr><th scope="col">Comparator</th><th scope="col">Latest published</th><th scope="col">Period</th>'
        f'<th scope="col">Difference</th><th scope="col">Position</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _date(value: object) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else ""


def _int(value: object) -> str:
    try:
        return str(int(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""


def _brag(value: object) -> str:
    text = value if isinstance(value, str) else ""
    return f'<td class="brag brag-{text.lower()}">{escape(text)}</td>'


def _table(caption: str, heads: list[str], rows: list[str], klass: str) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
    return (
        f'<div class="table-wrap"><table class="{klass}"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _action_plan(view: BoardView) -> str:
    plan = view.data.action_plan
    body = []
    if not plan.available:
        body.append(f"<p>{escape(plan.note or 'No action plan snapshot for this month.')}</p>")
    else:
        board = "set for this board" if plan.board_date_configured else "the snapshot date"
        body.append(f"<p>Snapshot of {_date(plan.snapshot_date)}; board date {_date(plan.board_date)} ({board}).</p>")
        if plan.note:
            body.append(f'<p class="key">{escape(plan.note)}</p>')
        summary = plan.summary
        counts = ["blue", "red", "amber", "green", "total", "open_actions"]
        rows = []
        for record in summary[summary["level"].isin(["objective", "snapshot"])].to_dict("records"):
            whole = record["level"] == "snapshot"
            label = "All" if whole else (_int(record["objective_number"]) or "None")
            title = "Whole plan" if whole else _text(record["objective_title"])
            cells = "".join(f'<td class="num">{_int(record[k])}</td>' for k in counts)
            rows.append(f'<tr class="{"authority" if whole else ""}"><th scope="row">{label}</th><td>{title}</td>{cells}</tr>')
        body.append(_table("BRAG by objective (all sheets)",
                           ["Objective", "Title", "Blue", "Red", "Amber", "Green", "Total", "Open actions"], rows,
                           "brag-summary"))  # fmt: skip
        rows = []
        for record in summary[summary["level"] == "sheet"].to_dict("records"):
            cells = "".join(f'<td class="num">{_int(record[k])}</td>' for k in counts)
            rows.append(f'<tr><th scope="row">{_text(record["sheet"])}</th>{cells}</tr>')
        body.append(_table("BRAG by sheet", ["Sheet", "Blue", "Red", "Amber", "Green", "Total", "Open actions"], rows,
                           "brag-sheets"))  # fmt: skip
        if plan.changes.empty:
            body.append("<h3>Changes since the previous snapshot</h3><p>No earlier snapshot to compare with, or nothing changed.</p>")
        else:
            rows = []
            for record in plan.changes.to_dict("records"):
                rows.append(
                    f'<tr><th scope="row">{escape(str(record["change"]).replace("_", " "))}</th>'
                    f'<td>{_text(record["activity"])}</td><td>{_text(record["sheet"])}</td>'
                    f'<td class="num">{_int(record["objective_number"])}</td><td>{_text(record["ref"])}</td>'
                    f'{_brag(record["brag_from"])}{_brag(record["brag_to"])}'
                    f'<td>{_date(record["due_date_from"])}</td><td>{_date(record["due_date_to"])}</td></tr>'
                )
            body.append(_table("Changes since the previous snapshot",
                               ["Change", "Activity", "Sheet", "Objective", "Ref", "BRAG before", "BRAG now",
                                "Due before", "Due now"], rows, "changes"))  # fmt: skip
    return (
        '<section class="page other" id="action-plan" aria-labelledby="action-plan-heading">'
        '<p class="section-name">Corporate Parenting Strategy delivery plan</p>'
        '<h2 id="action-plan-heading">Corporate Parenting Strategy action plan</h2>'
        f"{''.join(body)}</section>"
    )


def _exceptions(view: BoardView) -> str:
    plan = view.data.action_plan
    if not plan.available:
        body = f"<p>{escape(plan.note or 'No action plan snapshot for this month.')}</p>"
    elif plan.exceptions.empty:
        body = "<p>No exceptions in this snapshot.</p>"
    else:
        names = {"red_amber": "Red or Amber", "overdue": "Overdue", "stale": "Not updated"}
        rows = []
        for record in plan.exceptions.to_dict("records"):
            rows.append(
                f'<tr><th scope="row">{escape(names.get(record["exception"], str(record["exception"])))}</th>'
                f'{_brag(record["brag"])}<td>{_text(record["sheet"])}</td>'
                f'<td class="num">{_int(record["objective_number"])}</td><td>{_text(record["ref"])}</td>'
                f'<td>{_text(record["activity"])}</td><td>{_text(record["responsible_service"])}</td>'
                f'<td>{_text(record["timescale_text"])}</td><td class="num">{_int(record["days_overdue"])}</td>'
                f'<td>{_date(record["latest_update_date"])}</td><td>{_text(record["latest_note"])}</td></tr>'
            )
        body = _table("Exceptions for the board",
                      ["Exception", "BRAG", "Sheet", "Objective", "Ref", "Activity", "Responsible service",
                       "Timescale", "Days overdue", "Latest update", "Latest note"], rows, "exceptions")  # fmt: skip
    return (
        '<section class="page other" id="action-plan-exceptions" aria-labelledby="exceptions-heading">'
        '<p class="section-name">Corporate Parenting Strategy delivery plan</p>'
        '<h2 id="exceptions-heading">Action plan exceptions</h2>'
        "<p>Red and Amber actions, actions overdue at the board date, and actions with no dated progress note in "
        "the weeks before the snapshot. An action can be listed under more than one heading.</p>"
        f"{body}</section>"
    )


def _iro(view: BoardView) -> str:
    months = view.pages[0].months if view.pages else ()
    heads = ["Indicator", *[month_label(m) for m in months], "Trend over 12 months"]
    rows = []
    for page in view.iro_pages:
        cells = "".join(
            _cell(shown, page.indicator.unit, view.symbol,
                  f' data-indicator="{page.indicator.id}" data-area="{escape(view.data.authority)}" data-period="{m}"')
            for m, shown in zip(page.months, page.authority_row.cells)
        )  # fmt: skip
        trend = page.authority_row.trend
        judged = f" {trend.judgement}" if trend.judgement else ""
        rows.append(
            f'<tr><th scope="row"><a href="#{page.anchor}">{escape(page.indicator.title)}</a></th>{cells}'
            f'<td class="trend{judged}">{escape(trend.text(page.indicator.unit, view.symbol))}</td></tr>'
        )
    parts = [_table(f"{view.data.authority}: the 13 months to {view.month_text}", heads, rows, "iro-summary")]
    kinds = {"PR": "Problem resolutions", "MA": "Management alerts"}
    for breakdown in view.iro_breakdown:
        body = [
            f'<tr><th scope="row">{escape(category)}</th>{_cell(shown, "count", view.symbol)}</tr>'
            for category, shown in breakdown.rows
        ]
        body.append(f'<tr class="authority"><th scope="row">Total</th>{_cell(breakdown.total, "count", view.symbol)}</tr>')
        kind = kinds.get(breakdown.challenge_type, breakdown.challenge_type)
        parts.append(_table(f"{kind} raised in {view.month_text}, by category", ["Category", "Raised"], body, "iro-breakdown"))
    return (
        '<section class="page other" id="iro" aria-labelledby="iro-heading">'
        '<p class="section-name">Independent Reviewing Officer service</p>'
        '<h2 id="iro-heading">Independent Reviewing Officer service summary</h2>'
        f"{''.join(parts)}<p class=\"key\">{escape(KEY)}</p></section>"
    )


def _quality(view: BoardView) -> str:
    if not view.checks:
        body = "<p>No check results were recorded for this run.</p>"
    else:
        failed = [c for c in view.checks if not c.record.passed]
        blocking = [c for c in failed if c.record.severity == "ERROR"]
        rows = [_check_row(line, view.symbol) for line in view.checks]
        body = (
            f"<p>{len(view.checks)} checks: {len(view.checks) - len(failed)} passed, {len(failed)} failed "
            f"({len(blocking)} blocking).</p>"
            + _table("Checks of this month's run, failed checks first",
                     ["Result", "Severity", "Asset", "Check", "Rows checked", "Failing rows", "What failed"], rows,
                     "checks")  # fmt: skip
        )
    return (
        '<section class="page other" id="data-quality" aria-labelledby="quality-heading">'
        '<p class="section-name">Data quality</p>'
        '<h2 id="quality-heading">Data quality checks</h2>'
        f"{body}</section>"
    )


def _check_row(line: CheckLine, symbol: str) -> str:
    record = line.record
    result = (
        '<th scope="row" class="better"><span aria-hidden="true">\u2714</span> Passed</th>' if record.passed
        else '<th scope="row" class="worse"><span aria-hidden="true">\u2718</span> Failed</th>'
    )  # fmt: skip
    return (
        f"<tr>{result}<td>{'Blocking' if record.severity == 'ERROR' else 'Warning'}</td>"
        f"<td>{escape(record.asset)}</td><td>{escape(record.check)}</td>"
        f"{_cell(line.rows_checked, 'count', symbol)}{_cell(line.failing_rows, 'count', symbol)}"
        f"<td>{_text(record.description)}</td></tr>"
    )
