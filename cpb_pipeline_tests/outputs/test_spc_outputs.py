"""SPC in the board outputs: the summary at the front, a chart on every indicator page, signals in the commentary,
and nothing of a series with a suppressed point in the published version.

Expected values come from marts.indicator_spc as the hand-made warehouse holds it (the mart's own tests check
the method); the outputs must show what it says, never recompute it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import duckdb
import pytest
from openpyxl import load_workbook

from cpb_pipeline.domain.catalogue import CATALOGUE
from cpb_pipeline_tests.outputs.warehouse import AUTHORITY, MONTH
from cpb_pipeline_tests.rounding import half_away

WITHHELD = ("iro_pr_raised", "iro_challenges_open_over_4_weeks")  # small counts among their 13 months
ICONS = {"common_cause": "\u25cf", "special_cause_improving": "\u25b2", "special_cause_concerning": "\u25a0",
         "special_cause_neither": "\u25c6"}  # fmt: skip
WORDS = {"common_cause": "Common cause", "special_cause_improving": "Improvement", "special_cause_concerning": "Concern",
         "special_cause_neither": "Special cause, neither better nor worse"}  # fmt: skip
MARKERS = {"Improvement (\u25b2)": "triangle", "Concern (\u25a0)": "square",
           "Neither improvement nor concern (\u25c6)": "diamond"}  # fmt: skip


@pytest.fixture(scope="module")
def spc(built):
    """The authority's chart rows of the month, by indicator, from the warehouse the outputs were built from."""
    with duckdb.connect(str(built.profile.working_database), read_only=True) as con:
        rows = con.execute("SELECT * FROM marts.indicator_spc WHERE area_type = 'authority' "
                           "ORDER BY indicator_id, period_end").df()  # fmt: skip
    return {ind: group for ind, group in rows.groupby("indicator_id")}


@pytest.fixture(scope="module")
def books(built):
    return (load_workbook(built.file(f"board_pack_{MONTH}.xlsx")),
            load_workbook(built.file(f"board_pack_{MONTH}_published.xlsx")))  # fmt: skip


@pytest.fixture(scope="module")
def pages(built):
    return (built.file(f"board_report_{MONTH}.html").read_text(encoding="utf-8"),
            built.file(f"board_report_{MONTH}_published.html").read_text(encoding="utf-8"))  # fmt: skip


def _sheet(book, number, indicator_id):
    return book[f"{number:02d} {indicator_id}"[:31]]


def test_every_indicator_has_an_spc_chart_in_the_warehouse_and_two_are_on_small_counts(spc):
    assert set(spc) == {i.id for i in CATALOGUE}
    for ind in WITHHELD:
        assert spc[ind]["value"].between(1, 5).any(), ind


# --- the pack ----------------------------------------------------------------------------------------------------


def test_the_summary_sheet_follows_the_contents_with_every_indicator_linked_and_read_in_words(books, spc):
    internal, _ = books
    assert internal.sheetnames[:2] == ["Contents", "Summary"]
    ws = internal["Summary"]
    head = next(r for r in range(1, 20) if ws.cell(r, 1).value == "Indicator")
    assert [ws.cell(head, c).value for c in range(1, 5)] == ["Indicator", "Latest (Aug-19)", "Variation (latest month)",
                                                              "Assurance"]  # fmt: skip
    for offset, (number, ind) in enumerate(enumerate(CATALOGUE, start=1), start=1):
        row = head + offset
        link = ws.cell(row, 1)
        assert link.value == ind.title
        assert (link.hyperlink.location or link.hyperlink.target) == f"#'{f'{number:02d} {ind.id}'[:31]}'!A1"
        latest = spc[ind.id].iloc[-1]
        assert ws.cell(row, 2).value == half_away(latest["value"], 0 if ind.unit == "count" else 1), ind.id
        icon, words = ws.cell(row, 3).value.split(" ", 1)
        assert icon == ICONS[latest["variation"]] and words.startswith(WORDS[latest["variation"]]), ind.id
        if latest["variation"] in ("special_cause_improving", "special_cause_concerning"):
            assert ws.cell(row, 3).fill.fgColor.rgb.endswith(("DDEBF7", "FBE2D5")), ind.id  # shaded, with the words
    assurance = {ws.cell(head + i, 1).value: ws.cell(head + i, 4).value for i in range(1, len(CATALOGUE) + 1)}
    assert assurance["Percentage of CLA with an up to date health assessment"].startswith("\u2714 Consistently meets")
    assert assurance["Number of CLA at the month end"] == "\u2013 No target"


def test_each_indicator_sheet_draws_the_spc_chart_as_native_series_beside_the_print_area(books, spc):
    internal, _ = books
    dental = _sheet(internal, 8, "cla_dental_check")
    assert dental.cell(18, 18).value == "Jul-19" and dental.cell(18, 19).value is None  # no figure: a gap
    assert dental.cell(18, 20).value is not None  # the mean runs on
    for number, ind in enumerate(CATALOGUE, start=1):
        ws = _sheet(internal, number, ind.id)
        (chart,) = ws._charts
        names = [s.tx.v for s in chart.series]
        assert names[:5] == [AUTHORITY, "Mean", "Lower process limit", "Upper process limit"] + names[4:5]
        assert {n: s.marker.symbol for n, s in zip(names, chart.series) if n in MARKERS} == MARKERS
        assert all(s.graphicalProperties.line.noFill for n, s in zip(names, chart.series) if n in MARKERS)
        assert [s.graphicalProperties.line.prstDash for s in chart.series[2:4]] == ["dash", "dash"]
        assert ws.cell(6, 18).value == "Month" and ws.print_area.split("!")[1].startswith("$A$1:$O$")  # R: outside
        rows = spc[ind.id]
        digits = 0 if ind.unit == "count" else 1
        first = rows["period_end"].iloc[0]
        for point in rows.itertuples():
            i = (point.period_end.year - first.year) * 12 + point.period_end.month - first.month  # a month each row
            assert ws.cell(7 + i, 19).value == half_away(point.value, digits), (ind.id, i)
            assert ws.cell(7 + i, 20).value == pytest.approx(point.mean)
            assert (ws.cell(7 + i, 21).value, ws.cell(7 + i, 22).value) == pytest.approx((point.lower_limit, point.upper_limit))
            markers = [ws.cell(7 + i, c).value for c in (23, 24, 25)]
            column = {"special_cause_improving": 0, "special_cause_concerning": 1, "special_cause_neither": 2}.get(point.variation)
            assert markers == [half_away(point.value, digits) if c == column else None for c in range(3)], (ind.id, i)


def test_an_axis_that_does_not_start_at_zero_says_so_and_counts_start_at_zero(books):
    internal, published = books
    health = _sheet(internal, 7, "cla_health_assessment")._charts[0]
    assert health.y_axis.scaling.min > 0 and "axis does not start at zero" in health.y_axis.title.tx.rich.p[0].r[0].t
    line = _sheet(published, 16, "iro_pr_raised")._charts[0]  # the 13-month line: a count from zero
    assert line.y_axis.scaling.min == 0 and "zero" not in line.y_axis.title.tx.rich.p[0].r[0].t


def test_the_published_pack_withholds_spc_of_a_series_with_a_suppressed_point(books, spc):
    internal, published = books
    summary = {published["Summary"].cell(r, 1).value: (published["Summary"].cell(r, 3).value,
                                                       published["Summary"].cell(r, 4).value)
               for r in range(1, published["Summary"].max_row + 1)}  # fmt: skip
    for number, ind in enumerate(CATALOGUE, start=1):
        ws = _sheet(published, number, ind.id)
        texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        if ind.id in WITHHELD:
            assert summary[ind.title] == ("Withheld: a month of the series is a small number",) * 2
            assert ws.cell(5, 18).value == "Chart data (as shown)"  # the 13-month line with its gaps, not the SPC chart
            assert not any(t.startswith("Read as SPC") for t in texts)
            assert any("SPC chart is withheld in this published version" in t for t in texts)
            limits = {round(v, 6) for v in spc[ind.id][["mean", "lower_limit", "upper_limit"]].iloc[0]}
            numbers = {round(float(t), 6) for t in texts if re.fullmatch(r"-?\d+(\.\d+)?", t)}
            assert not limits & numbers, ind.id
        else:
            assert ws.cell(5, 18).value == "SPC chart data (as shown)", ind.id
    assert _sheet(internal, 16, "iro_pr_raised").cell(5, 18).value == "SPC chart data (as shown)"


# --- the report --------------------------------------------------------------------------------------------------


class Summary(HTMLParser):
    """The rows of the report's summary table: link, cell texts and classes, and which text is hidden from readers."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, dict] = {}
        self._row = None
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-indicator" in attrs:
            self._row = self.rows.setdefault(attrs["data-indicator"], {"cells": [], "classes": [], "hidden": []})
        elif self._row is not None:
            if tag == "a":
                self._row["href"] = attrs["href"]
            if tag == "td":
                self._row["cells"].append("")
                self._row["classes"].append(attrs.get("class", ""))
            if tag == "span" and attrs.get("aria-hidden") == "true":
                self._hidden += 1

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None
        if tag == "span" and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if self._row is not None and self._row["cells"]:
            self._row["cells"][-1] += data
            if self._hidden:
                self._row["hidden"].append(data)


def _summary(html):
    parser = Summary()
    parser.feed(html[html.index('id="summary"'):html.index("</section>", html.index('id="summary"'))])
    return parser.rows


def test_the_summary_is_the_first_section_after_the_contents(pages):
    for html in pages:
        main = html[html.index("<main>"):]
        assert re.search(r"<section [^>]*>", main).group(0).startswith('<section class="page summary" id="summary"')
        contents = html[html.index('id="contents"'):html.index("</nav>")]
        assert re.findall(r'href="#([^"]+)"', contents)[0] == "summary"


def test_the_summary_reads_each_indicator_with_icons_and_words_linked_to_its_page(pages, spc):
    internal, _ = pages
    rows = _summary(internal)
    assert list(rows) == [i.id for i in CATALOGUE]
    for ind in CATALOGUE:
        row, latest = rows[ind.id], spc[ind.id].iloc[-1]
        assert row["href"] == f"#ind-{ind.id}" and f'id="ind-{ind.id}"' in internal
        value, variation, assurance = row["cells"]
        assert value.replace(",", "").removesuffix(" %") == (
            f"{half_away(latest['value'], 0):,.0f}".replace(",", "") if ind.unit == "count"
            else f"{half_away(latest['value'], 1):.1f}"
        ), ind.id  # fmt: skip
        assert variation.startswith(f"{ICONS[latest['variation']]} {WORDS[latest['variation']]}"), ind.id
        assert row["hidden"][0] == ICONS[latest["variation"]]  # the icon is hidden from screen readers: the words say it
        assert assurance.startswith(("\u2013 No target", "\u2714 Consistently meets")), ind.id


def test_each_page_shows_its_spc_chart_with_the_mart_s_points_and_signals(pages, spc):
    internal, _ = pages
    for ind in CATALOGUE:
        chart = re.search(rf'<svg class="chart xmr"[^>]*aria-labelledby="xmr-{ind.id}-title.*?</svg>', internal, re.S)
        assert chart, ind.id
        svg = chart.group(0)
        rows = spc[ind.id]
        assert len(re.findall(r'class="marker ', svg)) == len(rows)
        for variation in set(rows["variation"]):
            assert f'class="marker {variation}"' in svg, (ind.id, variation)
        assert ("No special-cause points." in svg) == (set(rows["variation"]) == {"common_cause"})


def test_the_published_report_withholds_spc_of_a_series_with_a_suppressed_point(pages):
    internal, published = pages
    rows = _summary(published)
    for ind in CATALOGUE:
        start = published.index(f'<section class="page indicator" id="ind-{ind.id}"')
        section = published[start:published.index('<section class="page ', start + 1)]
        if ind.id in WITHHELD:
            assert rows[ind.id]["cells"][1:] == ["Withheld: a month of the series is a small number"] * 2
            assert f"xmr-{ind.id}-" not in published and f'aria-labelledby="chart-{ind.id}-title' in section
            assert "The SPC chart is withheld in this published version" in section
            assert "Read as SPC" not in section and "process limit" not in section
        else:
            assert f"xmr-{ind.id}-title" in section, ind.id
    assert all(f"xmr-{ind}-title" in internal for ind in WITHHELD)


# --- the commentary ----------------------------------------------------------------------------------------------


def test_the_commentary_leads_with_the_signals_and_keeps_the_month_s_difference_second(built):
    from cpb_pipeline.outputs.view import build_view

    pages = {page.indicator.id: page for page in build_view(built.data, published=False).pages}
    cin = pages["cin_plans"].commentary  # 140, 141, ..., 152: rising every month
    assert cin[0] == "For August 2019 the figure for Testshire is 152."
    assert cin[1].startswith("Read as SPC over the 13 months from August 2018, it shows ")
    assert "a trend: 13 months rising since August 2018" in cin[1]
    assert "(special-cause variation: neither better nor worse)" in cin[1]  # a number that gives context
    assert cin[2] == "Compared with July 2019 (151), it is up by 1."
    quiet = next(p for p in pages.values() if p.control.variation == "common_cause")
    assert quiet.commentary[1].endswith("it is within common-cause variation: no change to explain.")
    health = pages["cla_health_assessment"].commentary
    assert health[2] == ("Against its target of 80.0 %, it consistently meets it: the lower process limit is above "
                         "the target.")  # fmt: skip
