"""The Excel pack: every figure equals the marts, the published version suppresses, the print layout is set."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from cpb_pipeline.domain.catalogue import CATALOGUE
from cpb_pipeline.outputs.formats import EXCEL_FORMATS, MISSING, month_label
from cpb_pipeline_tests.outputs.readers import HEADER_ROW, expected, sheet_table
from cpb_pipeline_tests.outputs.warehouse import AUTHORITY, MONTH, MONTHS, OTHER

D = dt.date
PACK = f"board_pack_{MONTH}.xlsx"
PUBLISHED = f"board_pack_{MONTH}_published.xlsx"


@pytest.fixture(scope="module")
def books(built):
    return load_workbook(built.file(PACK)), load_workbook(built.file(PUBLISHED))


def _indicator_sheet(book, number, indicator_id):
    return book[f"{number:02d} {indicator_id}"[:31]]


def test_both_versions_are_written_where_contracts_8_says_with_the_sheet_count_in_the_metadata(built, books):
    assert built.file(PACK).is_file() and built.file(PUBLISHED).is_file()
    assert not list(built.folder.glob(".*tmp*")), "temporary files left behind"
    internal, published = books
    meta = built.metadata(["outputs", "board_pack"])
    assert meta["internal"].value == str(built.file(PACK)) and meta["published"].value == str(built.file(PUBLISHED))
    assert meta["sheets"].value == len(internal.sheetnames) == 2 + len(CATALOGUE) + 4
    assert internal.sheetnames[:2] == ["Contents", "Summary"] and internal.sheetnames[-4:] == [
        "Action plan", "Action plan exceptions", "IRO summary", "Data quality"]  # fmt: skip


def test_every_figure_of_every_indicator_sheet_equals_the_mart(built, books):
    internal, _ = books
    labels = [month_label(m) for m in MONTHS]
    checked = 0
    for number, ind in enumerate(CATALOGUE, start=1):
        ws = _indicator_sheet(internal, number, ind.id)
        assert ws["A1"].value == ind.title and ws["A2"].value == ind.section
        found = sheet_table(ws)
        areas = {area for area, _ in found}
        wanted = set(built.data.monthly.loc[built.data.monthly["indicator_id"] == ind.id, "area"])
        assert areas == wanted, ind.id  # the authority, and districts only where the indicator has them
        for area in areas:
            for label, month in zip(labels, MONTHS):
                value, want = found[(area, label)], expected(built.data, ind.id, area, month)
                if want is None:
                    assert value == MISSING, (ind.id, area, label)
                else:
                    assert isinstance(value, (int, float)) and value == want, (ind.id, area, label, value, want)
                    checked += 1
    assert checked > 500


def test_numbers_carry_number_formats_one_decimal_for_rates_and_percentages(books):
    internal, _ = books
    for number, ind in enumerate(CATALOGUE, start=1):
        cell = _indicator_sheet(internal, number, ind.id).cell(HEADER_ROW + 1, 14)
        assert cell.number_format == EXCEL_FORMATS[ind.unit], ind.id
    assert EXCEL_FORMATS["percent"].startswith("0.0") and EXCEL_FORMATS["rate_per_10000"] == "0.0"


def test_trend_column_says_better_or_worse_by_polarity(books):
    internal, _ = books
    health = sheet_table(_indicator_sheet(internal, 7, "cla_health_assessment"))
    assert health[(AUTHORITY, "trend")] == "\u25b2 +1.6 better"  # 87.1 % -> 88.7 %
    cla = sheet_table(_indicator_sheet(internal, 5, "cla"))
    assert cla[(AUTHORITY, "trend")] == "\u25b2 +15"  # contextual: no judgement
    caseload = sheet_table(_indicator_sheet(internal, 19, "iro_caseload"))
    assert caseload[(AUTHORITY, "trend")] == "\u25b2 +0.3 worse"  # lower is better


def test_published_pack_suppresses_small_counts_and_their_partners(built, books):
    _, published = books
    cla = sheet_table(_indicator_sheet(published, 5, "cla"))
    # Other areas 2 in Sep-18 is alone: Preston (51), the smallest non-zero district, goes too; Lancaster stays
    assert cla[(OTHER, "Sep-18")] == "c" and cla[("Preston", "Sep-18")] == "c"
    assert cla[("Lancaster", "Sep-18")] == 101 and cla[(AUTHORITY, "Sep-18")] == 154
    assert cla[(OTHER, "Aug-18")] == 0 and cla[("Preston", "Aug-18")] == 50  # zeros stay, nothing to protect
    assert cla[(OTHER, "Nov-18")] == 7  # not small
    assert cla[("Preston", "trend")] == "c" and cla[(OTHER, "trend")] == "c"
    cp = sheet_table(_indicator_sheet(published, 3, "cp_plans"))
    assert cp[("Lancaster", "Aug-18")] == "c" and cp[(OTHER, "Aug-18")] == "c" and cp[("Preston", "Aug-18")] == 30
    assert cp[("Preston", "Jan-19")] == "c"  # Lancaster 1 and Other areas 1 could only be ones
    assert cp[("Preston", "Aug-19")] == "c" and cp[(OTHER, "Aug-19")] == 0  # Lancaster 4 alone beside a zero
    health = sheet_table(_indicator_sheet(published, 7, "cla_health_assessment"))
    assert all(health[(OTHER, month_label(m))] == "c" for m in MONTHS)  # 3 of 4
    dental = sheet_table(_indicator_sheet(published, 8, "cla_dental_check"))
    assert dental[(OTHER, "Aug-19")] == 0.0  # 0 of 7: zero is not suppressed
    pr = sheet_table(_indicator_sheet(published, 16, "iro_pr_raised"))
    assert pr[(AUTHORITY, "Aug-19")] == "c" and pr[(AUTHORITY, "Oct-18")] == 12 and pr[(AUTHORITY, "Nov-18")] == 0


def test_every_figure_the_published_pack_shows_equals_the_mart(built, books):
    _, published = books
    labels = [month_label(m) for m in MONTHS]
    hidden = 0
    for number, ind in enumerate(CATALOGUE, start=1):
        found = sheet_table(_indicator_sheet(published, number, ind.id))
        for (area, label), value in found.items():
            if label == "trend":
                continue
            if value == "c":
                hidden += 1
                continue
            want = expected(built.data, ind.id, area, MONTHS[labels.index(label)])
            assert value == (MISSING if want is None else want), (ind.id, area, label)
    assert hidden > 40


def test_31_march_box_and_comparators_with_their_periods(books):
    internal, _ = books
    ws = _indicator_sheet(internal, 6, "cla_rate")
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    head = rows["Rate per 10,000 at 31 March"]
    periods = [ws.cell(head, c).value for c in range(2, 5)]
    assert periods == ["2016/17", "2017/18", "2018/19"]
    by_area = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 5)] for r in range(head + 1, head + 5)}
    assert by_area[AUTHORITY] == [75.0, 79.2, 158.0]  # 2018/19 computed from March: 158 per 10,000
    assert by_area["North West"] == [86.0, 91.0, 93.0]
    assert by_area["England"] == [62.0, 64.0, "not yet published"]  # never the older year repeated
    assert by_area["Statistical neighbours"] == [MISSING, 67.1, "not yet published"]
    position = rows["Position this month against the latest published comparators"] + 2
    assert [ws.cell(position + 1, c).value for c in (1, 2, 3)] == ["England", 64.0, "2017/18"]
    assert "2018/19 not yet published" in ws.cell(position + 1, 8).value


def test_chart_is_a_native_line_chart_fed_only_with_shown_figures(books):
    internal, published = books
    for book in books:
        for number, ind in enumerate(CATALOGUE, start=1):
            charts = _indicator_sheet(book, number, ind.id)._charts
            assert len(charts) == 1 and charts[0].tagname == "lineChart"
    ws = _indicator_sheet(published, 16, "iro_pr_raised")  # its SPC chart is withheld: the 13-month line instead
    assert ws.cell(5, 18).value == "Chart data (as shown)"
    data = [ws.cell(7 + i, 19).value for i in range(13)]
    assert data[1] is None and data[-1] is None and data[2] == 12  # Sep-18 (3) and Aug-19 (4) suppressed: gaps
    spc = _indicator_sheet(internal, 16, "iro_pr_raised")  # the internal pack draws its SPC chart
    assert spc.cell(5, 18).value == "SPC chart data (as shown)" and spc.cell(19, 19).value == 4


def test_definition_note_change_note_and_draft_commentary_on_each_page(books):
    internal, _ = books
    for number, ind in enumerate(CATALOGUE, start=1):
        ws = _indicator_sheet(internal, number, ind.id)
        texts = [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert ind.definition in texts and ind.note in texts
        assert "Draft commentary for the BI team to edit" in texts
        if ind.change_note:
            assert ind.change_note in texts


def test_print_layout_and_footer_on_every_sheet_and_the_version_on_contents(books):
    for book, version in zip(books, ("INTERNAL", "PUBLISHED")):
        for ws in book.worksheets:
            assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9", ws.title
            assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
            assert ws.oddFooter.left.text == "Report produced by Testshire Business Intelligence"
            assert ws.oddFooter.right.text == "Page &P of &N" and version in ws.oddFooter.center.text
        contents = book["Contents"]
        assert contents["A4"].value.startswith(f"{version} version")
        assert version in contents["A3"].value


def test_contents_links_to_every_sheet(books):
    internal, _ = books
    ws = internal["Contents"]
    links = [ws.cell(r, 2).hyperlink.location or ws.cell(r, 2).hyperlink.target
             for r in range(7, 7 + len(internal.sheetnames) - 1)]  # fmt: skip
    assert [link.split("!")[0].strip("#'") for link in links] == internal.sheetnames[1:]


def test_action_plan_iro_and_data_quality_sheets(books):
    internal, published = books
    plan = internal["Action plan"]
    texts = [c.value for row in plan.iter_rows() for c in row if c.value is not None]
    assert "Snapshot of 11/09/2019; board date 17/09/2019 (set for this board)." in texts
    assert "brag changed" in texts and "new" in texts
    exceptions = internal["Action plan exceptions"]
    kinds = [exceptions.cell(r, 1).value for r in range(6, exceptions.max_row + 1)]
    assert kinds.count("Red or Amber") == 2 and "Overdue" in kinds
    iro = {published["IRO summary"].cell(r, 1).value: published["IRO summary"].cell(r, 2).value
           for r in range(1, published["IRO summary"].max_row + 1)}  # fmt: skip
    # MA: 5 alone in its column beside a total: 8 goes too; PR total 4 is small itself
    assert iro["Pathway plan not recorded"] == "c" and iro["Statutory visits not recorded"] == "c"
    assert iro["CLA review not recorded"] == 13 and iro["Other / multiple recording issues"] == 0
    assert iro["Compliance"] == "c" and iro["Practice issues"] == 0
    internal_iro = {internal["IRO summary"].cell(r, 1).value: internal["IRO summary"].cell(r, 2).value
                    for r in range(1, internal["IRO summary"].max_row + 1)}  # fmt: skip
    assert internal_iro["Pathway plan not recorded"] == 5 and internal_iro["Compliance"] == 2
    for book, failing in ((internal, 3), (published, "c")):
        ws = book["Data quality"]
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=8) if row[0].value]
        assert rows[0][:6] == ["\u2718 Failed", "Warning", "marts/indicator_monthly", "no_team", 400, failing]
        assert rows[1][:6] == ["\u2714 Passed", "Blocking", "marts/indicator_monthly", "areas_complete", 120, 0]
        assert rows[0][6] == "ssd_involvements.csv, column invo_professional_team: team not found"
