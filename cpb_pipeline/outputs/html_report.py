"""The board report (`board_report_YYYY-MM.html`): one self-contained HTML file from a `BoardView`.

Self-contained: inline CSS, inline SVG charts drawn by `xmr_svg.py` (the SPC chart of
each indicator) and `svg.py` (the 13-month line, where there is no SPC chart), no script, no
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
from dataclasses import asdict
from html import escape
from string import Template

from cpb_pipeline.outputs.board_sections import (
    ActionPlanSection,
    BragTable,
    CheckLine,
    ExceptionsSection,
    IroSection,
    QualitySection,
)
from cpb_pipeline.outputs.indicator_pages import IndicatorPage, Trend
from cpb_pipeline.outputs.parts import Heading, Shown
from cpb_pipeline.outputs.spc_summary import SummarySection
from cpb_pipeline.outputs.svg import line_chart
from cpb_pipeline.outputs.view import BoardView, Palette
from cpb_pipeline.outputs.xmr_svg import xmr_chart

CSS = Template("""
:root { --ink: #1b1b1b; --muted: #4a4a4a; --navy: $navy; --line: #a6a6a6; --better: $better; --worse: $worse; }
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
.version { border: 2px solid #7f6000; background: $internal; color: #2b2100; padding: .5rem .75rem; font-weight: bold; }
.version.published { border-color: #375623; background: $published; color: #1a2b10; }
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
.icon { display: inline-block; min-width: 1.1em; }
td.reading { white-space: normal; }
td.brag-blue { background: $blue; } td.brag-red { background: $red; }
td.brag-amber { background: $amber; } td.brag-green { background: $green; }
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
  table.months, table.iro-summary, table.exceptions, table.changes, table.checks, table.summary { width: 100%; }
  th, td { padding: .35mm 1.1mm; }
  thead { display: table-header-group; }
  tr, figure, .definition, .commentary p { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
  .pair { display: flex; flex-wrap: nowrap; gap: 6mm; }
  .pair > figure { flex: 0 0 47%; }
  .pair > div { flex: 1 1 auto; }
  svg.chart { width: 100%; max-height: 44mm; }
  svg.chart.xmr { max-height: 52mm; }
  figcaption { font-size: 7pt; }
  .section-name { font-size: 8pt; }
  .notes { display: flex; gap: 6mm; align-items: flex-start; }
  .notes .definition { flex: 0 0 38%; margin: 0; font-size: 7.5pt; }
  .notes .commentary { flex: 1 1 auto; font-size: 8pt; }
  .commentary p { margin: .8mm 0; }
  a { color: inherit; text-decoration: none; }
}
""")


def render_report_html(view: BoardView) -> str:
    """The whole report as one string of HTML."""
    text = view.text
    title = f"{text.title} \u2013 {text.authority} \u2013 {text.month_name} ({view.version})"
    sections = {
        SummarySection: _summary,
        IndicatorPage: _indicator,
        ActionPlanSection: _action_plan,
        ExceptionsSection: _exceptions,
        IroSection: _iro,
        QualitySection: _quality,
    }
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_css(view.palette)}{_page_css(view)}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#contents">Skip to the contents</a>',
        _cover(view),
        _contents(view),
        "<main>",
        *[sections[type(section)](section, view) for section in view.sections],
        "</main>",
        f'<footer class="report-footer"><p>{escape(text.footer)}</p></footer>',
        "</body>",
        "</html>",
    ]
    return "\n".join(parts)


def _colour(hex_rgb: str) -> str:
    return f"#{hex_rgb.lower()}"


def _css(palette: Palette) -> str:
    return CSS.substitute({name: _colour(value) for name, value in asdict(palette).items()})


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _page_css(view: BoardView) -> str:
    return (
        "@page { size: A4 landscape; margin: 12mm 12mm 16mm 12mm;"
        f" @bottom-left {{ content: {_css_string(view.text.footer)}; font-family: 'Liberation Sans', Arial, sans-serif;"
        " font-size: 8pt; color: #333; }"
        " @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"
        " font-family: 'Liberation Sans', Arial, sans-serif; font-size: 8pt; color: #333; } }"
    )


def _text(value: str) -> str:
    """Text from the warehouse: escaped, line breaks kept, web addresses shown without their scheme."""
    return escape(re.sub(r"(?i)\bhttps?://", "", value)).replace("\n", "<br>")


def _int(value: int | None) -> str:
    return "" if value is None else str(value)


def _cell(shown: Shown, attrs: str = "") -> str:
    """A figure's cell, marked with its state (the tests and a screen reader's tooltip read it)."""
    state = shown.state
    if state == "suppressed":
        return (f'<td class="num suppressed" data-state="suppressed"{attrs}>'
                f'<abbr title="suppressed: a small number">{escape(shown.text)}</abbr></td>')  # fmt: skip
    if state == "note":
        return f'<td class="num missing note-cell" data-state="note"{attrs}>{escape(shown.text)}</td>'
    if state == "missing":
        return f'<td class="num missing" data-state="missing"{attrs} title="no figure">{escape(shown.text)}</td>'
    return f'<td class="num" data-state="value"{attrs}>{escape(shown.text)}</td>'


def _trend(trend: Trend) -> str:
    """The trend cell: the words always, the arrow hidden from screen readers (the words say it)."""
    judged = f" {trend.judgement}" if trend.judgement else ""
    words = trend.text
    if trend.arrow and words.startswith(trend.arrow):
        words = f'<span aria-hidden="true">{trend.arrow}</span>{escape(words[len(trend.arrow):])}'
    else:
        words = escape(words)
    return f'<td class="trend{judged}">{words}</td>'


def _table(caption: str, heads: list[str] | tuple[str, ...], rows: list[str], klass: str) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
    return (
        f'<div class="table-wrap"><table class="{klass}"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _section(heading: Heading, body: str, klass: str = "other") -> str:
    """A section of the report: it starts a new page in print."""
    return (
        f'<section class="page {klass}" id="{heading.anchor}" aria-labelledby="{heading.anchor}-heading">'
        f'<p class="section-name">{escape(heading.section)}</p>'
        f'<h2 id="{heading.anchor}-heading">{escape(heading.title)}</h2>'
        f"{body}</section>"
    )


def _cover(view: BoardView) -> str:
    text = view.text
    published = " published" if view.published else ""
    return (
        '<header class="cover">'
        f'<p class="version{published}" id="version">{escape(text.version_statement)}</p>'
        f"<h1>{escape(text.title)}</h1>"
        f'<p class="section-name">{escape(text.month_line)}</p>'
        f"<p>{escape(text.produced_by)}. {escape(text.about_commentary)}</p>"
        "</header>"
    )


def _contents(view: BoardView) -> str:
    text = view.text
    lists, number = [], 1
    for group in view.contents:
        items = "".join(f'<li><a href="#{h.anchor}">{escape(h.title)}</a></li>' for h in group.entries)
        lists.append(f'<h3>{escape(group.heading)}</h3><ol start="{number}">{items}</ol>')
        number += len(group.entries)
    notes = "".join(f'<p class="key">{escape(line)}</p>' for line in text.missing)
    return (
        '<nav class="contents" id="contents" aria-labelledby="contents-heading">'
        f'<h2 id="contents-heading">{escape(text.contents)}</h2>'
        f'<div class="toc">{"".join(lists)}</div>'
        f'<p class="key"><strong>{escape(text.key_label)}</strong> {escape(text.key_with_symbol)}</p>'
        f'<p class="key">{escape(text.extraction_note)}</p>'
        + (f'<p class="key">{escape(text.comparators_note)}</p>' if text.comparators_note else "")
        + f'{notes}'
        "</nav>"
    )


# --- one indicator ---------------------------------------------------------------------------------------------


def _indicator(page: IndicatorPage, view: BoardView) -> str:
    ind_id, heading = page.indicator.id, f"{page.heading.anchor}-heading"
    rows = []
    for row in page.rows:
        cells = "".join(
            _cell(shown, f' data-indicator="{ind_id}" data-area="{escape(row.area)}" data-period="{month}"')
            for month, shown in zip(page.months, row.cells)
        )
        rows.append(
            f'<tr class="{"authority" if row.is_authority else "district"}">'
            f'<th scope="row">{escape(row.area)}</th>{cells}{_trend(row.trend)}</tr>'
        )
    table = _table(page.caption, [page.unit_label, *page.month_labels, view.text.trend_heading], rows, "months")
    chart = _chart(page, view)
    side = [_march(page)]
    if page.comparators:
        side.append(_comparators(page, view))
    definition = "".join(f"<p><strong>{escape(label)}</strong> {escape(text)}</p>" for label, text in page.about)
    commentary = "".join(f"<p>{escape(s)}</p>" for s in page.commentary)
    return _section(
        page.heading,
        f"{table}"
        f'<div class="pair">{chart}<div>{"".join(side)}</div></div>'
        '<div class="notes">'
        f'<div class="definition">{definition}</div>'
        f'<section class="commentary" aria-labelledby="{heading}-commentary">'
        f'<h3 id="{heading}-commentary">{escape(view.text.commentary_heading)}</h3>'
        f'<p class="draft">{escape(view.text.commentary_draft)}</p>'
        f"{commentary}</section>"
        "</div>",
        "indicator",
    )


def _chart(page: IndicatorPage, view: BoardView) -> str:
    """The SPC chart and what it reads; without one, the 13-month line and the words saying why there is no SPC chart
    (one chart per page: the SPC chart already shows the 13 months, and two scales of one series invite comparing them)."""
    control = page.control
    if control.drawn:
        return (
            '<figure class="chart-box">'
            + xmr_chart(f"xmr-{page.indicator.id}", control.title, control.unit, control.points, control.series)
            + f"<figcaption>{escape(control.caption)} <strong>Latest month:</strong> {_reading(control.variation_reading)}. "
            f"<strong>Assurance:</strong> {_reading(control.assurance_reading)}.</figcaption></figure>"
        )
    return (
        '<figure class="chart-box">'
        + line_chart(f"chart-{page.indicator.id}", page.chart, _colour(view.palette.navy))
        + f"<figcaption>{escape(page.chart.caption)}. {escape(control.message or '')}</figcaption></figure>"
    )


def _reading(reading: tuple[str, str]) -> str:
    """An SPC reading: the icon hidden from screen readers (the words say it), then the words."""
    icon, words = reading
    return (f'<span class="icon" aria-hidden="true">{escape(icon)}</span> ' if icon else "") + escape(words)


def _summary(summary: SummarySection, view: BoardView) -> str:
    rows = []
    for line in summary.lines:
        judged = f" {line.judgement}" if line.judgement else ""
        rows.append(
            f'<tr data-indicator="{line.indicator.id}"><th scope="row"><a href="#{line.page.anchor}">'
            f"{escape(line.page.title)}</a></th>{_cell(line.latest)}"
            f'<td class="reading variation{judged}">{_reading(line.variation)}</td>'
            f'<td class="reading assurance">{_reading(line.assurance)}</td></tr>'
        )
    return _section(
        summary.heading,
        f"<p>{escape(summary.about)}</p>"
        + _table(summary.caption, summary.headings, rows, "summary")
        + f'<p class="key">{escape(summary.key)}</p>',
        "summary",
    )


def _march(page: IndicatorPage) -> str:
    rows = []
    for row in page.march_rows:
        cells = "".join(
            _cell(shown, f' data-indicator="{page.indicator.id}" data-area="{escape(row.area)}" '
                         f'data-period="{escape(period)}"')  # fmt: skip
            for period, shown in zip(page.march_periods, row.cells)
        )
        rows.append(f'<tr class="{"authority" if row.is_authority else "comparator"}">'
                    f'<th scope="row">{escape(row.area)}</th>{cells}</tr>')  # fmt: skip
    return _table(page.march_title, ["Area", *page.march_periods], rows, "march")


def _comparators(page: IndicatorPage, view: BoardView) -> str:
    rows = []
    for line in page.comparators:
        judged = f" {line.judgement}" if line.judgement else ""
        rows.append(
            f'<tr><th scope="row">{escape(line.comparator)}</th>'
            + _cell(line.value, f' data-comparator="{escape(line.comparator)}"')
            + f'<td class="period">{escape(line.period_text)}</td>'
            + _cell(line.gap)
            + f'<td class="position{judged}">{escape(line.position_text)}</td></tr>'
        )
    return _table(page.comparators_caption, view.text.comparator_headings, rows, "comparators")


# --- action plan -----------------------------------------------------------------------------------------------


def _brag(value: str) -> str:
    return f'<td class="brag brag-{value.lower()}">{escape(value)}</td>'


def _brag_table(table: BragTable, klass: str) -> str:
    titled = table.title_heading is not None  # by objective: a title beside the number, the whole plan's row bold
    rows = []
    for row in table.rows:
        opening = f'<tr class="{"authority" if row.whole else ""}">' if titled else "<tr>"
        title = f"<td>{_text(row.title or '')}</td>" if titled else ""
        cells = "".join(f'<td class="num">{_int(n)}</td>' for n in row.counts)
        rows.append(f'{opening}<th scope="row">{_text(str(row.label))}</th>{title}{cells}</tr>')
    heads = [table.label_heading, *([table.title_heading] if titled else []), *table.count_headings]
    return _table(table.caption, heads, rows, klass)


def _action_plan(plan: ActionPlanSection, view: BoardView) -> str:
    if plan.message is not None:
        return _section(plan.heading, f"<p>{escape(plan.message)}</p>")
    body = [f"<p>{escape(plan.snapshot)}</p>"]
    if plan.note:
        body.append(f'<p class="key">{escape(plan.note)}</p>')
    body.append(_brag_table(plan.objectives, "brag-summary"))
    body.append(_brag_table(plan.sheets, "brag-sheets"))
    if not plan.changes:
        body.append(f"<h3>{escape(plan.changes_caption)}</h3><p>{escape(plan.no_changes)}</p>")
    else:
        rows = [
            f'<tr><th scope="row">{escape(c.change)}</th>'
            f"<td>{_text(c.activity)}</td><td>{_text(c.sheet)}</td>"
            f'<td class="num">{_int(c.objective)}</td><td>{_text(c.ref)}</td>'
            f"{_brag(c.brag_before)}{_brag(c.brag_now)}"
            f"<td>{c.due_before}</td><td>{c.due_now}</td></tr>"
            for c in plan.changes
        ]
        body.append(_table(plan.changes_caption, plan.changes_headings, rows, "changes"))
    return _section(plan.heading, "".join(body))


def _exceptions(section: ExceptionsSection, view: BoardView) -> str:
    if section.message is not None:
        body = f"<p>{escape(section.message)}</p>"
    else:
        rows = [
            f'<tr><th scope="row">{escape(a.exception)}</th>'
            f"{_brag(a.brag)}<td>{_text(a.sheet)}</td>"
            f'<td class="num">{_int(a.objective)}</td><td>{_text(a.ref)}</td>'
            f"<td>{_text(a.activity)}</td><td>{_text(a.responsible)}</td>"
            f'<td>{_text(a.timescale)}</td><td class="num">{_int(a.days_overdue)}</td>'
            f"<td>{a.latest_update}</td><td>{_text(a.latest_note)}</td></tr>"
            for a in section.rows
        ]
        body = _table(section.caption, section.headings, rows, "exceptions")
    return _section(section.heading, f"<p>{escape(section.about)}</p>{body}")


# --- IRO and data quality --------------------------------------------------------------------------------------


def _iro(iro: IroSection, view: BoardView) -> str:
    authority = escape(view.text.authority)
    rows = []
    for page in iro.pages:
        cells = "".join(
            _cell(shown, f' data-indicator="{page.indicator.id}" data-area="{authority}" data-period="{m}"')
            for m, shown in zip(page.months, page.authority_row.cells)
        )
        trend = page.authority_row.trend
        judged = f" {trend.judgement}" if trend.judgement else ""
        rows.append(
            f'<tr><th scope="row"><a href="#{page.heading.anchor}">{escape(page.heading.title)}</a></th>{cells}'
            f'<td class="trend{judged}">{escape(trend.text)}</td></tr>'
        )
    parts = [_table(iro.caption, iro.headings, rows, "iro-summary")]
    for breakdown in iro.breakdowns:
        body = [f'<tr><th scope="row">{escape(category)}</th>{_cell(shown)}</tr>' for category, shown in breakdown.rows]
        body.append(f'<tr class="authority"><th scope="row">{escape(iro.total_label)}</th>{_cell(breakdown.total)}</tr>')
        parts.append(_table(breakdown.caption, iro.breakdown_headings, body, "iro-breakdown"))
    return _section(iro.heading, f"{''.join(parts)}<p class=\"key\">{escape(view.text.key)}</p>")


def _quality(quality: QualitySection, view: BoardView) -> str:
    if quality.message is not None:
        body = f"<p>{escape(quality.message)}</p>"
    else:
        rows = [_check_row(line) for line in quality.lines]
        body = f"<p>{escape(quality.summary)}</p>" + _table(quality.about, quality.headings, rows, "checks")
    return _section(quality.heading, body)


def _check_row(line: CheckLine) -> str:
    return (
        f'<tr><th scope="row" class="{line.judgement}"><span aria-hidden="true">{line.mark}</span> {line.result}</th>'
        f"<td>{escape(line.severity)}</td><td>{escape(line.asset)}</td><td>{escape(line.check)}</td>"
        f"{_cell(line.rows_checked)}{_cell(line.failing_rows)}<td>{_text(line.what_failed)}</td></tr>"
    )
