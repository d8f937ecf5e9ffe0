"""Problems that stop a load: each names the file, sheet, row, column and rule."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import Workbook

from cpb_pipeline.domain.errors import InputError
from cpb_pipeline.sources.action_plan import read_action_plan
from cpb_pipeline_tests.action_plan.helpers import HEADER, action_row, simple_workbook


def _error(path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_action_plan(path)
    return caught.value


def test_bad_brag_names_sheet_row_and_value(tmp_path):
    rows = [["Objective 1 - Voice"], action_row("1"), action_row("2", "Purple"), action_row("3", "G")]
    error = _error(simple_workbook(tmp_path / "plan 2019-09-11.xlsx", rows, sheet="Delivery Plan"))
    assert len(error.findings) == 2
    first = error.findings[0]
    assert (first.file, first.sheet, first.rows, first.column) == ("plan 2019-09-11.xlsx", "Delivery Plan", (4,), "BRAG")
    message = str(error)
    assert "sheet 'Delivery Plan' row 4, column BRAG: BRAG must be one of Blue, Red, Amber, Green (found 'Purple')" in message
    assert "row 5" in message and "'G'" in message


def test_blank_brag_on_an_action_row_is_blocking(tmp_path):
    rows = [["Objective 1 - Voice"], action_row("1", None)]
    error = _error(simple_workbook(tmp_path / "plan 2019-09-11.xlsx", rows))
    assert error.findings[0].rows == (3,) and error.findings[0].detail == "blank"


def test_brag_case_and_spaces_are_normalised(tmp_path):
    rows = [["Objective 1 - Voice"], action_row("1", " green "), action_row("2", "AMBER"), action_row("3", "blue"),
            action_row("4", "Red")]  # fmt: skip
    snap = read_action_plan(simple_workbook(tmp_path / "plan 2019-09-11.xlsx", rows))
    assert list(snap.actions["brag"]) == ["Green", "Amber", "Blue", "Red"]


def test_missing_required_column(tmp_path):
    header = [h for h in HEADER if h != "Timescales"]
    path = simple_workbook(tmp_path / "plan 2019-09-11.xlsx", [["1", None, "x"]], header=header, sheet="Plan")
    finding = _error(path).findings[0]
    assert finding.sheet == "Plan" and finding.rows == (1,)
    assert finding.rule == "header row lacks required column(s): Timescales"


def test_no_sheet_with_a_header(tmp_path):
    book = Workbook()
    book.active["A1"] = "Just notes"
    path = tmp_path / "plan 2019-09-11.xlsx"
    book.save(path)
    assert "no sheet has the action plan header row" in str(_error(path))


@pytest.mark.parametrize(
    ("content", "rule"),
    [
        (b"this is not a spreadsheet", "not an Excel workbook (.xlsx)"),
        (b"PK\x03\x04 truncated zip", "not an Excel workbook (.xlsx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50,
         "password-protected"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "Excel 97-2003 (.xls)"),
    ],
)  # fmt: skip
def test_unreadable_files(tmp_path, content, rule):
    path = tmp_path / "plan 2019-09-11.xlsx"
    path.write_bytes(content)
    error = _error(path)
    assert error.findings[0].file == "plan 2019-09-11.xlsx" and rule in error.findings[0].rule


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "plan 2019-09-11.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "workbook cannot be read" in str(_error(path))


def test_truncated_workbook(tmp_path):
    good = simple_workbook(tmp_path / "good 2019-09-11.xlsx", [["Objective 1 - A"], action_row("1")])
    bad = tmp_path / "plan 2019-09-11.xlsx"
    bad.write_bytes(good.read_bytes()[:-200])
    message = str(_error(bad))
    assert "plan 2019-09-11.xlsx" in message and ("corrupt" in message or "not an Excel workbook" in message)


def test_missing_file(tmp_path):
    assert "not found" in str(_error(tmp_path / "plan 2019-09-11.xlsx"))


@pytest.mark.parametrize("name", ["Delivery Plan.xlsx", "plan 2019-9-11.xlsx", "plan 20190911.xlsx"])
def test_file_name_without_a_date(tmp_path, name):
    path = simple_workbook(tmp_path / name, [["Objective 1 - A"], action_row("1")])
    finding = _error(path).findings[0]
    assert finding.file == name and finding.rule == "file name must contain the snapshot date as YYYY-MM-DD"


def test_file_name_with_two_dates_or_an_impossible_date(tmp_path):
    path = simple_workbook(tmp_path / "plan 2019-07-23 to 2019-09-11.xlsx", [["Objective 1 - A"], action_row("1")])
    assert "one snapshot date" in str(_error(path))
    path = simple_workbook(tmp_path / "plan 2019-02-30.xlsx", [["Objective 1 - A"], action_row("1")])
    assert "not a calendar date" in str(_error(path))


def test_formula_without_a_saved_result(tmp_path):
    rows = [["Objective 1 - A"], action_row("1", '=IF(1=1,"Green","Red")'),
            action_row("2", "Green", activity='=CONCATENATE("a","b")')]  # fmt: skip
    error = _error(simple_workbook(tmp_path / "plan 2019-09-11.xlsx", rows))
    assert len(error.findings) == 1
    finding = error.findings[0]
    assert finding.rows == (3,) and finding.column == "BRAG" and "formula with no saved result" in finding.rule


def test_formula_in_a_text_column_is_a_warning(tmp_path):
    rows = [["Objective 1 - A"], action_row("2", "Green", activity='=CONCATENATE("a","b")')]
    snap = read_action_plan(simple_workbook(tmp_path / "plan 2019-09-11.xlsx", rows))
    warning = next(w for w in snap.warnings if "formula" in w.rule)
    assert warning.column == "Activity" and warning.rows == (3,)
