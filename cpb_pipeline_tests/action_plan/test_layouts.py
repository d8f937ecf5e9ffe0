"""Another council's layout: the parser finds the table wherever it is and however it is dressed."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from openpyxl import Workbook

from cpb_pipeline.sources.action_plan import read_action_plan
from cpb_pipeline_tests.action_plan.helpers import action_row, simple_workbook


@pytest.fixture
def other_council(tmp_path):
    book = Workbook()
    cover = book.active
    cover.title = "Cover"
    cover["A1"] = "Corporate Parenting Action Plan"
    cover["A3"] = "Owner: Programme Office"
    book.create_sheet("Empty")
    ws = book.create_sheet("Actions")
    ws["A1"] = "Testshire County Council"
    ws["A2"] = "Corporate Parenting Action Plan 2019-20"
    ws["A4"] = "Updated monthly"
    # header in row 6: re-cased, wrapped, reordered, with extra columns and no optional ones
    header = ["REF", "Responsible\nservice", "ACTIVITY", "Timescale", "Comments", "progress  update",
              "BRAG\nStatus", "Owner email"]  # fmt: skip
    for col, label in enumerate(header, start=1):
        ws.cell(row=6, column=col, value=label)
    ws["A7"] = "OBJECTIVE 1 —   Young people's voice"
    ws.merge_cells("A7:H7")
    ws["A8"] = "'To make sure young people are heard'"
    ws.merge_cells("A8:H8")
    ws["A9"] = "How will we achieve this:"
    rows = {
        11: ["1.1", "Participation team", "Run a survey", "31/12/19", "extra", "01.09.19 - survey drafted", "green ",
             "a@b"],
        12: ["1.2", "Participation team", "Hold a forum", "Dec-19", None, "02.09.19 - booked", "AMBER", None],
        13: ["1.3", "Participation team", "Report back", "Jan 2020", None, "03.09.19 - started", None, None],
        14: ["1.4", "Audit", "Audit the voice of the child", "30.11..19", None, "10.08.19 - scoped", "Green", None],
        15: [None, None, None, None, None, "12.09.2019-audit under way", None, None],
        17: [None, None, "Objective 2: Safe at home", None, None, None, None, None],
        18: ["2.1", "Early Help", "Reduce referrals", dt.datetime(2019, 10, 15), None, None, "Red", None],
        19: ["2.2", None, "Step down cases", "Ongoing", None, "1/8/19 - reviewed", "BLUE", None],
        21: ["Key: Blue means complete and closed", None, None, None, None, None, None, None],
        22: [None, None, "Notes: figures are provisional", None, None, None, None, None],
        23: ["Total actions 6", None, None, None, None, None, None, None],
    }  # fmt: skip
    for row, values in rows.items():
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value)
    ws["D18"].number_format = "dd/mm/yyyy"
    ws.merge_cells("G12:G13")  # one BRAG for 1.2 and 1.3
    ws.merge_cells("A14:A15")  # 1.4's Ref and BRAG run over two rows; row 15 carries more progress
    ws.merge_cells("G14:G15")
    notes = book.create_sheet("Notes")
    notes["A1"] = "Glossary"
    notes["A2"] = "BRAG: Blue, Red, Amber, Green"
    path = tmp_path / "Testshire action plan 2019-09-30.xlsx"
    book.save(path)
    return path


def test_reads_actions_from_an_unusual_layout(other_council):
    snap = read_action_plan(other_council)
    a = snap.actions
    assert snap.snapshot_date == dt.date(2019, 9, 30)
    assert snap.sheets_read == ("Actions",) and snap.sheets_skipped == ("Cover", "Empty", "Notes")
    assert list(a["ref"]) == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"]
    assert list(a["brag"]) == ["Green", "Amber", "Amber", "Green", "Red", "Blue"]
    assert list(a["objective_number"]) == [1, 1, 1, 1, 2, 2]
    assert list(a["objective_title"]) == ["Young people's voice"] * 4 + ["Safe at home"] * 2
    assert list(a["source_row"]) == [11, 12, 13, 14, 18, 19]
    assert list(a["due_date"]) == [
        dt.date(2019, 12, 31), dt.date(2019, 12, 31), dt.date(2020, 1, 31), dt.date(2019, 11, 30),
        dt.date(2019, 10, 15), None,
    ]  # fmt: skip
    assert a.loc[4, "timescale_text"] == "15/10/2019"
    assert a.loc[3, "progress"] == "10.08.19 - scoped\n12.09.2019-audit under way"
    assert a.loc[3, "latest_update_date"] == dt.date(2019, 9, 12)
    assert a.loc[5, "latest_update_date"] == dt.date(2019, 8, 1)
    assert a.loc[0, "responsible_service"] == "Participation team"


def test_warnings_for_the_unusual_layout(other_council):
    snap = read_action_plan(other_council)
    rules = {(w.sheet, w.rule): w for w in snap.warnings}
    assert ("Cover", "sheet has no action plan header row; sheet skipped") in rules
    assert ("Notes", "sheet has no action plan header row; sheet skipped") in rules
    assert not any(w.sheet == "Empty" for w in snap.warnings)
    assert rules[("Actions", "Timescales is free text, so the action has no due date")].detail == "refs: 2.2 (Ongoing)"
    assert rules[("Actions", "action has no Responsible Service")].rows == (19,)
    ref_only = rules[("Actions", "a Ref with nothing else on the row; not read as an action")]
    assert ref_only.rows == (23,)


def test_header_row_is_found_below_title_rows_and_with_aliases(tmp_path):
    book = Workbook()
    ws = book.active
    ws.title = "Plan"
    for row in range(1, 10):
        ws.cell(row=row, column=1, value=f"title line {row}" if row % 3 else None)
    labels = ["Due Date", "RAG", "Reference", "Lead Officer", "Actions", "Progress to date", "Getting to Good Ref"]
    for col, label in enumerate(labels, start=2):
        ws.cell(row=10, column=col, value=label)
    ws.append([None, "Mar-20", "Amber", "3", "Virtual School", "PEPs", "14.05.19 - drafted", "4.6.1"])
    path = tmp_path / "plan 2019-09-11.xlsx"
    book.save(path)
    a = read_action_plan(path).actions
    assert a.loc[0, "ref"] == "3" and a.loc[0, "brag"] == "Amber" and a.loc[0, "due_date"] == dt.date(2020, 3, 31)
    assert a.loc[0, "getting_to_good_ref"] == "4.6.1" and a.loc[0, "source_row"] == 11
    assert pd.isna(a.loc[0, "objective_number"])


@pytest.mark.parametrize(
    ("banner", "number", "title"),
    [
        ("Objective 7 –Children and Young People will receive Financial support ", 7,
         "Children and Young People will receive Financial support"),
        ("Objective 9  - Children in our Care  are celebrated", 9, "Children in our Care are celebrated"),
        ("objective 3: care leavers", 3, "care leavers"),
        ("OBJECTIVE 4 — Education", 4, "Education"),
        ("Objective 12.  Twelve", 12, "Twelve"),
    ],
)  # fmt: skip
def test_banner_forms(tmp_path, banner, number, title):
    path = simple_workbook(tmp_path / "p 2019-01-31.xlsx", [[banner], action_row("1")])
    a = read_action_plan(path).actions
    assert (a.loc[0, "objective_number"], a.loc[0, "objective_title"]) == (number, title)


def test_banner_number_and_title_in_separate_cells(tmp_path):
    path = simple_workbook(tmp_path / "p 2019-01-31.xlsx", [["Objective 5", None, "Suitable homes"], action_row("1")])
    a = read_action_plan(path).actions
    assert (a.loc[0, "objective_number"], a.loc[0, "objective_title"]) == (5, "Suitable homes")


def test_ref_merged_over_two_actions_gives_two_actions_and_a_duplicate_warning(tmp_path):
    book = Workbook()
    ws = book.active
    ws.title = "Plan"
    ws.append(["Ref", "Activity", "Progress", "Responsible Service", "Timescales", "BRAG"])
    ws.append(["Objective 1 - Voice"])
    ws.append(["5a-c", "Referrals", None, "Early Help", "31/08/19", "Amber"])
    ws.append([None, "Step downs", None, "Early Help", "31/08/19", "Red"])
    ws.merge_cells("A3:A4")
    path = tmp_path / "p 2019-09-11.xlsx"
    book.save(path)
    snap = read_action_plan(path)
    assert list(snap.actions["ref"]) == ["5a-c", "5a-c"]
    assert list(snap.actions["brag"]) == ["Amber", "Red"]
    assert any(w.rule == "Ref repeats within an objective" for w in snap.warnings)


def test_numeric_refs_read_without_decimal_point(tmp_path):
    path = simple_workbook(tmp_path / "p 2019-01-31.xlsx", [["Objective 1 - A"], action_row(14), action_row(2.0)])
    assert list(read_action_plan(path).actions["ref"]) == ["14", "2"]
