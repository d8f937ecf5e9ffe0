"""The indicator definitions (docs/indicators.md) for the four IRO indicators, on hand-made workbooks."""

from __future__ import annotations

import math

import pytest

from cpb_pipeline.domain.calendar import month_end
from cpb_pipeline.marts.iro.indicators import iro_indicator_rows
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline_tests.iro.helpers import challenge, profile_in, stage, write_workbook

MONTH = "2019-08"


CONTRACT_COLUMNS = ["indicator_id", "period_end", "area_type", "area", "numerator", "denominator", "value"]
"""marts.indicator_monthly as the warehouse contract fixes it (docs/warehouse.md)."""


def _figures(tmp_path, rows, staffing=None, month=MONTH):
    write_workbook(tmp_path / "iro", month, rows, staffing)
    profile, _ = stage(tmp_path, month)
    with WarehouseStore(profile.working_database).connect() as con:
        frame = iro_indicator_rows(con, profile, month_end(month))
    return frame, {r.indicator_id: (r.numerator, r.denominator, r.value) for r in frame.itertuples()}


def test_rows_have_the_indicator_monthly_format(tmp_path):
    frame, _ = _figures(tmp_path, [challenge(1)])
    assert list(frame.columns) == CONTRACT_COLUMNS
    assert sorted(frame["indicator_id"]) == sorted(
        ["iro_pr_raised", "iro_ma_raised", "iro_challenges_open_over_4_weeks", "iro_caseload"]
    )
    assert set(frame["area_type"]) == {"authority"} and set(frame["area"]) == {"Testshire"}
    assert set(frame["period_end"]) == {month_end(MONTH)}


def test_raised_in_the_month_counts_by_type(tmp_path):
    rows = [
        challenge(1, kind="PR", raised="2019-08-01"),  # first day of the month
        challenge(2, kind="PR", raised="2019-08-31"),  # the month end
        challenge(3, kind="PR", raised="2019-07-31"),  # the month before
        challenge(4, kind="MA", raised="2019-08-15"),
        challenge(5, kind="MA", raised="2019-08-20", resolved="2019-08-21"),  # resolved still counts as raised
        challenge(6, kind="MA", raised="2018-09-01"),
    ]
    _, figures = _figures(tmp_path, rows)
    num, den, value = figures["iro_pr_raised"]
    assert (num, value) == (2.0, 2.0) and math.isnan(den)  # a plain count has no denominator
    assert figures["iro_ma_raised"][0] == 2.0


def test_raised_after_the_month_end_is_not_counted(tmp_path):
    _, figures = _figures(tmp_path, [challenge(1, raised="2019-09-02")])
    assert figures["iro_pr_raised"][0] == 0.0


@pytest.mark.parametrize(
    ("raised", "resolved", "counted"),
    [
        ("2019-08-03", None, False),  # exactly 28 days before 31 August: not more than 28
        ("2019-08-02", None, True),  # 29 days
        ("2019-06-01", None, True),
        ("2019-08-10", None, False),  # 21 days
        ("2019-07-01", "2019-08-31", False),  # resolved on the month end: not open
        ("2019-07-01", "2019-09-01", True),  # resolved after the month end: open at it
        ("2019-07-01", "2019-07-20", False),
        ("2019-09-01", None, False),  # raised after the month end: not open at it
    ],
)
def test_open_over_4_weeks(tmp_path, raised, resolved, counted):
    level = "Team Manager" if resolved else None
    _, figures = _figures(tmp_path, [challenge(1, raised=raised, resolved=resolved, level=level)])
    assert figures["iro_challenges_open_over_4_weeks"][0] == (1.0 if counted else 0.0)


def test_open_over_4_weeks_counts_both_types(tmp_path):
    rows = [challenge(1, kind="PR", raised="2019-07-01"), challenge(2, kind="MA", raised="2019-06-03"),
            challenge(3, kind="MA", raised="2019-08-30")]
    _, figures = _figures(tmp_path, rows)
    assert figures["iro_challenges_open_over_4_weeks"][0] == 2.0


def test_caseload_is_children_allocated_per_fte(tmp_path):
    _, figures = _figures(tmp_path, [challenge(1)], staffing=[[44.5, 3, 3600]])
    num, den, value = figures["iro_caseload"]
    assert (num, den) == (3600.0, 44.5) and value == pytest.approx(3600 / 44.5)


def test_empty_challenges_sheet_gives_zero_counts(tmp_path):
    _, figures = _figures(tmp_path, [])
    assert figures["iro_pr_raised"][0] == figures["iro_ma_raised"][0] == 0.0
    assert figures["iro_caseload"][0] == 3300.0


def test_month_without_a_workbook_gives_no_rows(tmp_path):
    profile = profile_in(tmp_path)
    with WarehouseStore(profile.working_database).connect() as con:
        frame = iro_indicator_rows(con, profile, month_end(MONTH))
    assert frame.empty and list(frame.columns) == CONTRACT_COLUMNS


def test_each_month_uses_its_own_workbook(tmp_path):
    """The July workbook says challenge 1 was open; August's records it resolved in August."""
    write_workbook(tmp_path / "iro", "2019-07", [challenge(1, raised="2019-06-01")])
    write_workbook(tmp_path / "iro", "2019-08", [challenge(1, raised="2019-06-01", resolved="2019-08-05", level="Team Manager")])
    stage(tmp_path, "2019-07")
    profile, _ = stage(tmp_path, "2019-08")
    with WarehouseStore(profile.working_database).connect() as con:
        july = iro_indicator_rows(con, profile, month_end("2019-07")).set_index("indicator_id")
        august = iro_indicator_rows(con, profile, month_end("2019-08")).set_index("indicator_id")
    assert july.loc["iro_challenges_open_over_4_weeks", "value"] == 1.0
    assert august.loc["iro_challenges_open_over_4_weeks", "value"] == 0.0
    assert not math.isnan(july.loc["iro_caseload", "value"])
