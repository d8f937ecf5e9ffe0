"""Workbooks that stop the month: each message names file, sheet, row, column and rule (never a value)."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook

from cpb_pipeline.runtime.checks import blocking_failure
from cpb_pipeline.runtime.privacy import load_key
from cpb_pipeline.sources.iro.load import load_month
from cpb_pipeline_tests.iro.helpers import (
    CHALLENGE_HEADER,
    STAFFING_HEADER,
    challenge,
    set_cached_values,
    write_encrypted_workbook,
    write_workbook,
)

MONTH = "2019-08"
FILE = "iro_statistics_2019-08.xlsx"


def _load(folder):
    return load_month(folder, MONTH, load_key(demo=True), lcs_persons=None)


def _message(folder) -> str:
    loaded = _load(folder)
    failures = loaded.blocking_failures()
    assert failures, "expected a blocking failure"
    return blocking_failure(failures, f"IRO statistics workbook {MONTH}").description


def _good_rows():
    return [challenge(1, "1001"), challenge(2, "1002", kind="MA", cohort="CP", locality="East")]


def test_good_workbook_passes_every_blocking_check(tmp_path):
    write_workbook(tmp_path, MONTH, _good_rows())
    loaded = _load(tmp_path)
    assert not loaded.blocking_failures()
    assert len(loaded.staged("iro_challenges")) == 2 and len(loaded.staged("iro_staffing")) == 1


def test_missing_workbook(tmp_path):
    message = _message(tmp_path)
    assert FILE in message and "the month's IRO statistics workbook is missing" in message
    assert message.count("workbook is missing") == 1  # both sheets' checks fail, the operator reads it once
    loaded = _load(tmp_path)
    assert {(o.table, o.passed) for o in loaded.outcomes} == {("iro_challenges", False), ("iro_staffing", False)}


@pytest.mark.parametrize("sheet", ["Challenges", "Staffing"])
def test_missing_sheet(tmp_path, sheet):
    write_workbook(tmp_path, MONTH, _good_rows(), skip_sheets=(sheet,))
    message = _message(tmp_path)
    assert f"{FILE} sheet '{sheet}': required sheet is missing" in message


@pytest.mark.parametrize(
    ("sheet", "column"), [("Challenges", "raised_date"), ("Challenges", "cohort"), ("Staffing", "iro_fte")]
)
def test_missing_column(tmp_path, sheet, column):
    header = [h for h in CHALLENGE_HEADER if h != column] if sheet == "Challenges" else None
    staffing_header = [h for h in STAFFING_HEADER if h != column] if sheet == "Staffing" else None
    rows = [[v for h, v in zip(CHALLENGE_HEADER, r) if h != column] for r in _good_rows()]
    write_workbook(tmp_path, MONTH, rows, [[3, 3300]] if staffing_header else None,
                   header=header, staffing_header=staffing_header)
    message = _message(tmp_path)
    assert f"{FILE} sheet '{sheet}' row 1, column {column}: required column is missing" in message


def test_renamed_column_is_suggested(tmp_path):
    header = ["raised date" if h == "raised_date" else h for h in CHALLENGE_HEADER]
    header = ["Date Raised" if h == "raised date" else h for h in header]
    write_workbook(tmp_path, MONTH, _good_rows(), header=header)
    assert "column raised_date: required column is missing" in _message(tmp_path)


@pytest.mark.parametrize(
    ("field", "value", "column", "rule"),
    [
        ("challenge_type", "Complaint", "challenge_type", "code must be one of PR, MA"),
        ("cohort", "CIN", "cohort", "code must be one of CLA, CP"),
        ("locality", "South", "locality", "code must be one of North, Central, East"),
        ("category", "Housing", "category", "code must be one of Compliance, Practice issues"),
        ("resolution_level", "Director", "resolution_level", "code must be one of Practice Manager"),
    ],
)
def test_code_outside_its_set(tmp_path, field, value, column, rule):
    rows = _good_rows()
    rows.append(challenge(3, "1003", raised="2019-08-01", resolved="2019-08-09", level="Team Manager"))
    rows[2][CHALLENGE_HEADER.index(field)] = value
    write_workbook(tmp_path, MONTH, rows)
    message = _message(tmp_path)
    assert f"{FILE} sheet 'Challenges' row 4, column {column}: {rule}" in message
    assert value not in message.split(rule)[0]  # the bad value itself is never echoed


@pytest.mark.parametrize("bad", ["31/02/2019", "2019-13-01", "next week", 43690, "08/31/2019"])
def test_unparseable_date(tmp_path, bad):
    rows = _good_rows()
    rows[1][CHALLENGE_HEADER.index("raised_date")] = bad
    write_workbook(tmp_path, MONTH, rows)
    message = _message(tmp_path)
    assert f"{FILE} sheet 'Challenges' row 3, column raised_date: must be a date" in message


def test_dates_as_text_in_either_form_are_read(tmp_path):
    rows = _good_rows()
    rows[0][CHALLENGE_HEADER.index("raised_date")] = " 05/08/2019 "
    rows[1][CHALLENGE_HEADER.index("raised_date")] = "2019-08-06"
    rows[1][CHALLENGE_HEADER.index("resolved_date")] = dt.datetime(2019, 8, 7, 14, 30)
    write_workbook(tmp_path, MONTH, rows)
    staged = _load(tmp_path).staged("iro_challenges")
    assert [d.date() for d in staged["raised_date"]] == [dt.date(2019, 8, 5), dt.date(2019, 8, 6)]
    assert staged["resolved_date"].iloc[1].date() == dt.date(2019, 8, 7)


def test_duplicate_challenge_ids(tmp_path):
    rows = _good_rows() + [challenge(1, "1003", raised="2019-08-09"), challenge("1", "1004", raised="2019-08-10")]
    write_workbook(tmp_path, MONTH, rows)
    message = _message(tmp_path)
    assert f"{FILE} sheet 'Challenges' rows 2, 4, 5, column challenge_id: challenge_id must be unique" in message


def test_required_values(tmp_path):
    rows = _good_rows()
    rows[0][CHALLENGE_HEADER.index("person_id")] = "  "
    rows[1][CHALLENGE_HEADER.index("raised_date")] = None
    write_workbook(tmp_path, MONTH, rows)
    message = _message(tmp_path)
    assert f"{FILE} sheet 'Challenges' row 2, column person_id: a value is required" in message
    assert f"{FILE} sheet 'Challenges' row 3, column raised_date: a value is required" in message


@pytest.mark.parametrize(
    ("staffing", "expected"),
    [
        ([], "sheet 'Staffing' row 2: the sheet must hold exactly one row"),
        ([[44, 2, 3300], [45, 3, 3400]], "sheet 'Staffing' row 3: the sheet must hold exactly one row"),
        ([["forty", 2, 3300]], "sheet 'Staffing' row 2, column iro_fte: must be a number"),
        ([[44, -1, 3300]], "sheet 'Staffing' row 2, column agency_fte: must not be negative"),
        ([[0, 0, 3300]], "sheet 'Staffing' row 2, column iro_fte: must be greater than 0"),
        ([[44, 2, 3300.5]], "sheet 'Staffing' row 2, column children_allocated: must be a whole number"),
        ([[44, None, 3300]], "sheet 'Staffing' row 2, column agency_fte: a value is required"),
    ],
)
def test_bad_staffing(tmp_path, staffing, expected):
    write_workbook(tmp_path, MONTH, _good_rows(), staffing)
    message = _message(tmp_path)
    assert f"{FILE} {expected}" in message


def test_staffing_numbers_typed_as_text_are_read(tmp_path):
    write_workbook(tmp_path, MONTH, _good_rows(), [[" 44.5 ", "1", "3,512"]])
    staffing = _load(tmp_path).staged("iro_staffing")
    assert staffing.iloc[0][["iro_fte", "agency_fte", "children_allocated"]].tolist() == [44.5, 1.0, 3512.0]


@pytest.mark.parametrize(
    ("content", "rule"),
    [
        (b"this is not a spreadsheet", "not an Excel workbook (.xlsx)"),
        (b"PK\x03\x04 truncated zip", "not an Excel workbook (.xlsx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Excel 97-2003 (.xls) format"),
    ],
)
def test_corrupt_files(tmp_path, content, rule):
    (tmp_path / FILE).write_bytes(content)
    message = _message(tmp_path)
    assert f"{FILE}: " in message and rule in message and "Traceback" not in message


def test_password_protected_workbook(tmp_path):
    write_encrypted_workbook(tmp_path / FILE)
    message = _message(tmp_path)
    assert f"{FILE}: workbook is password-protected" in message


def test_truncated_workbook(tmp_path):
    path = write_workbook(tmp_path, MONTH, _good_rows())
    path.write_bytes(path.read_bytes()[:-300])
    message = _message(tmp_path)
    assert FILE in message and ("corrupt" in message or "not an Excel workbook" in message)


def test_zip_that_is_not_a_workbook(tmp_path):
    with zipfile.ZipFile(tmp_path / FILE, "w") as archive:
        archive.writestr("readme.txt", "hello")
    message = _message(tmp_path)
    assert f"{FILE}: workbook cannot be read: the file is corrupt or not a valid .xlsx" in message


def test_damaged_sheet_xml_is_a_finding_not_a_traceback(tmp_path):
    path = write_workbook(tmp_path, MONTH, _good_rows())
    with zipfile.ZipFile(path) as archive:
        contents = {n: archive.read(n) for n in archive.namelist()}
    contents["xl/worksheets/sheet1.xml"] = contents["xl/worksheets/sheet1.xml"][:200]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    message = _message(tmp_path)
    assert f"{FILE}: workbook cannot be read" in message


def test_formulas_with_saved_results_are_read(tmp_path):
    rows = _good_rows()
    rows[0][CHALLENGE_HEADER.index("challenge_type")] = '=UPPER("pr")'
    rows[0][CHALLENGE_HEADER.index("raised_date")] = "=DATE(2019,8,5)"
    path = write_workbook(tmp_path, MONTH, rows, [["=40+4", 2, "=44*75"]])
    book = load_workbook(path)
    book["Challenges"]["G2"].number_format = "dd/mm/yyyy"  # Excel formats a =DATE() cell as a date
    book.save(path)
    set_cached_values(path, 1, {"C2": "PR", "G2": 43682})
    set_cached_values(path, 2, {"A2": 44, "C2": 3300})
    loaded = _load(tmp_path)
    assert not loaded.blocking_failures()
    staged = loaded.staged("iro_challenges")
    assert staged["challenge_type"].iloc[0] == "PR"
    assert staged["raised_date"].iloc[0].date() == dt.date(2019, 8, 5)
    assert loaded.staged("iro_staffing")["iro_fte"].iloc[0] == 44.0


def test_formula_without_a_saved_result(tmp_path):
    rows = _good_rows()
    rows[1][CHALLENGE_HEADER.index("resolved_date")] = "=G3+7"
    write_workbook(tmp_path, MONTH, rows)
    message = _message(tmp_path)
    assert f"{FILE} sheet 'Challenges' row 3, column resolved_date: formula has no saved result" in message


def test_extra_sheets_and_columns_are_accepted(tmp_path):
    header = ["IRO name", *CHALLENGE_HEADER, "Notes"]
    rows = [["Jo Bloggs", *r, "chased twice"] for r in _good_rows()]
    write_workbook(tmp_path, MONTH, rows, header=header, extra_sheets=("Cover", "Chart data"))
    loaded = _load(tmp_path)
    assert not loaded.blocking_failures()
    staged = loaded.staged("iro_challenges")
    assert list(staged["source_row"]) == [2, 3] and "Notes" not in staged.columns


def test_blank_rows_are_skipped_and_rows_keep_their_sheet_numbers(tmp_path):
    rows = [_good_rows()[0], [None] * 9, ["  "] * 9, _good_rows()[1]]
    write_workbook(tmp_path, MONTH, rows)
    staged = _load(tmp_path).staged("iro_challenges")
    assert list(staged["source_row"]) == [2, 5]


def test_raw_ids_never_reach_the_staged_frame(tmp_path):
    write_workbook(tmp_path, MONTH, [challenge(987654, "5550001")])
    staged = _load(tmp_path).staged("iro_challenges")
    text = staged.to_csv()
    assert "5550001" not in text and "987654" not in text
    key = load_key(demo=True)
    assert staged["person_id"].iloc[0] == key.pseudonym("person", "5550001")
    assert staged["challenge_id"].iloc[0] == key.pseudonym("iro_challenge", "987654")
