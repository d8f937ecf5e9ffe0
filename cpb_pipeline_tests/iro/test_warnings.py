"""Warnings: the month is still written, and each finding names file, sheet, row, column and rule."""

from __future__ import annotations

from cpb_pipeline.runtime.privacy import load_key
from cpb_pipeline.sources.iro.load import load_month
from cpb_pipeline_tests.iro.helpers import challenge, pseudonym, write_workbook

MONTH = "2019-08"
FILE = "iro_statistics_2019-08.xlsx"
KNOWN = {pseudonym(p) for p in ("1001", "1002", "1003", "1004")}


def _warnings(tmp_path, rows, staffing=None, persons=KNOWN) -> dict[str, list[str]]:
    write_workbook(tmp_path, MONTH, rows, staffing)
    loaded = load_month(tmp_path, MONTH, load_key(demo=True), persons)
    assert not loaded.blocking_failures()
    return {o.name: [f.describe() for f in o.findings] for o in loaded.outcomes if not o.blocking}


def test_clean_month_has_no_warnings(tmp_path):
    rows = [challenge(1, "1001", raised="2019-08-01", resolved="2019-08-09", level="Practice Manager"),
            challenge(2, "1002", kind="MA", cohort="CP", raised="2019-07-01", resolved="2019-07-02")]
    warnings = _warnings(tmp_path, rows)
    assert set(warnings) == {"resolved_after_raised", "resolution_level_recorded", "category_matches_type",
                             "raised_in_window", "children_in_lcs_extract", "agency_within_fte"}
    assert all(not found for found in warnings.values()), warnings


def test_resolved_before_raised(tmp_path):
    rows = [challenge(1, "1001"), challenge(2, "1002", raised="2019-08-10", resolved="2019-08-01", level="Team Manager")]
    warnings = _warnings(tmp_path, rows)
    assert warnings["resolved_after_raised"] == [
        f"{FILE} sheet 'Challenges' row 3, column resolved_date: resolved before it was raised"
    ]


def test_resolved_pr_without_a_level(tmp_path):
    rows = [challenge(1, "1001", raised="2019-08-01", resolved="2019-08-09"),
            challenge(2, "1002", kind="MA", raised="2019-08-01", resolved="2019-08-09"),  # MAs have no level
            challenge(3, "1003", raised="2019-08-01")]  # open PR: no level yet
    warnings = _warnings(tmp_path, rows)
    assert warnings["resolution_level_recorded"] == [
        f"{FILE} sheet 'Challenges' row 2, column resolution_level: a resolved PR has no resolution level"
    ]


def test_category_of_the_other_type(tmp_path):
    rows = [challenge(1, "1001", kind="MA", category="Compliance"),
            challenge(2, "1002", kind="PR", category="Pathway plan not recorded"),
            challenge(3, "1003", kind="MA", resolved="2019-08-20", level="Team Manager"),
            challenge(4, "1004", kind="PR", category="Resource issues")]
    warnings = _warnings(tmp_path, rows)
    assert warnings["category_matches_type"] == [
        f"{FILE} sheet 'Challenges' rows 2, 3, column category: the category belongs to the other challenge type",
        f"{FILE} sheet 'Challenges' row 4, column resolution_level: an MA carries a resolution level (PRs only)",
    ]


def test_raised_outside_the_sheet_window(tmp_path):
    rows = [challenge(1, "1001", raised="2019-09-03"), challenge(2, "1002", raised="2018-08-31"),
            challenge(3, "1003", raised="2018-09-01")]
    warnings = _warnings(tmp_path, rows)
    assert sorted(warnings["raised_in_window"]) == [
        f"{FILE} sheet 'Challenges' row 2, column raised_date: raised after the month end 2019-08-31 (not counted)",
        f"{FILE} sheet 'Challenges' row 3, column raised_date: raised before the 12 months the sheet covers",
    ]


def test_child_absent_from_the_months_lcs_extract(tmp_path):
    rows = [challenge(1, "1001"), challenge(2, "7777777"), challenge(3, "1002"), challenge(4, "8888888")]
    warnings = _warnings(tmp_path, rows)
    assert warnings["children_in_lcs_extract"] == [
        f"{FILE} sheet 'Challenges' rows 3, 5, column person_id: the child is not in the month's LCS extract "
        "(staging.ssd_person for the same month end)"
    ]
    assert "7777777" not in " ".join(warnings["children_in_lcs_extract"])


def test_lcs_extract_not_staged_yet(tmp_path):
    warnings = _warnings(tmp_path, [challenge(1, "1001")], persons=None)
    assert len(warnings["children_in_lcs_extract"]) == 1
    assert "the month's LCS extract is not in the warehouse yet" in warnings["children_in_lcs_extract"][0]


def test_agency_above_fte(tmp_path):
    warnings = _warnings(tmp_path, [challenge(1, "1001")], staffing=[[3, 4, 250]])
    assert warnings["agency_within_fte"] == [
        f"{FILE} sheet 'Staffing' row 2, column agency_fte: agency_fte is above iro_fte (it is part of it)"
    ]
