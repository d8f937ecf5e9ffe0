"""The SPC mart on hand-made series: which charts are drawn, over which months, with what the method gives."""

import datetime as dt

import pytest

from cpb_pipeline.domain.tables import INDICATOR_SPC
from cpb_pipeline.marts.spc.checks import CHECKS, spc_findings
from cpb_pipeline.marts.spc.compute import spc_rows
from cpb_pipeline_tests.spc.helpers import AUTHORITY, frame, profile, series
from cpb_pipeline_tests.spc.test_method import month_ends

D = dt.date
NOISE = [100, 102] * 6  # mean 101, every moving range 2: limits 101 -/+ 5.32, nothing fires


@pytest.fixture
def testshire(tmp_path):
    return profile(tmp_path)


def charts(rows):
    return {(a, b): group for (a, b), group in rows.groupby(["indicator_id", "area"], sort=False)}


def test_the_window_is_the_24_months_to_the_report_month(testshire):
    # 30 months, January 2018 to June 2020, rising by 1; the report month is March 2020
    rows = spc_rows(frame(series("cla", AUTHORITY, [100 + i for i in range(30)])), D(2020, 3, 31), testshire)
    assert list(rows.columns) == INDICATOR_SPC.column_names
    assert list(rows["period_end"]) == month_ends(24, 2018, 4)  # April 2018 to March 2020
    assert list(rows["value"]) == [103 + i for i in range(24)]
    assert set(rows["report_month"]) == {D(2020, 3, 31)}
    assert set(rows["mean"]) == {114.5}  # (103 + 126) / 2; every moving range 1
    assert rows["upper_limit"].iloc[0] == pytest.approx(114.5 + 2.66) and rows["lower_limit"].iloc[0] == pytest.approx(111.84)
    assert all("trend" in r for r in rows["rules"])  # rising all the way
    assert set(rows["variation"]) == {"special_cause_neither"}  # cla is contextual
    assert set(rows["assurance"]) == {None}  # no target for cla


def test_fewer_than_12_points_give_no_rows(testshire):
    eleven = [100, 102] * 5 + [100]
    with_gaps = [100, None, 102, None] + [100, 102] * 4  # 12 months, 10 figures
    monthly = frame(series("cla", AUTHORITY, eleven), series("cp_plans", AUTHORITY, with_gaps))
    assert spc_rows(monthly, D(2018, 12, 31), testshire).empty
    twelve = spc_rows(frame(series("cla", AUTHORITY, NOISE)), D(2018, 12, 31), testshire)
    assert len(twelve) == 12 and set(twelve["variation"]) == {"common_cause"} and set(map(len, twelve["rules"])) == {0}


def test_a_district_with_a_suppressed_point_is_left_out_and_zeros_are_not_suppressed(testshire):
    small_in_window = [40, 42] * 3 + [3] + [42, 40, 42, 40, 42]  # a 3 in July 2018
    monthly = frame(
        series("cla", AUTHORITY, NOISE),
        series("cla", "North", [40, 42] * 6),
        series("cla", "South", small_in_window),
        series("cla", "Other", [0] * 12),
    )
    rows = spc_rows(monthly, D(2018, 12, 31), testshire)
    assert list(charts(rows)) == [("cla", AUTHORITY), ("cla", "North"), ("cla", "Other")]
    assert list(rows["area_type"].drop_duplicates()) == ["authority", "district"]


def test_a_suppressed_point_counts_only_while_it_is_in_the_window(testshire):
    monthly = frame(series("cp_plans", "South", [3] + [40, 42] * 12))  # a 3 in January 2018, then 24 months
    assert spc_rows(monthly, D(2019, 12, 31), testshire).empty  # the 24 months to December 2019 hold the 3
    rows = spc_rows(monthly, D(2020, 1, 31), testshire)
    assert len(rows) == 24 and rows["period_end"].iloc[0] == D(2018, 2, 28)  # the 3 has left the window


def test_a_percentage_on_a_small_denominator_leaves_its_district_out(testshire):
    denominators = [40] * 5 + [5] + [40] * 6  # June 2018: 5 children, below the profile's minimum of 6
    monthly = frame(
        series("cla_health_assessment", AUTHORITY, [80, 82] * 6, [100] * 12),
        series("cla_health_assessment", "North", [75, 80] * 6, denominators),
        series("cla_health_assessment", "South", [75, 80] * 6, [40] * 12),
    )
    rows = spc_rows(monthly, D(2018, 12, 31), testshire)
    assert list(charts(rows)) == [("cla_health_assessment", AUTHORITY), ("cla_health_assessment", "South")]


def test_assurance_reads_the_profile_target(testshire):
    # mean 81, limits 75.68 to 86.32: the lower limit is above the target of 70
    rows = spc_rows(frame(series("cla_health_assessment", AUTHORITY, [80, 82] * 6, [100] * 12)), D(2018, 12, 31),
                    testshire)  # fmt: skip
    assert set(rows["assurance"]) == {"consistently_meets"}


def test_the_checks_pass_on_the_mart_and_name_each_broken_chart(testshire):
    monthly = frame(series("cla", AUTHORITY, NOISE), series("cla", "North", [40, 42] * 6))
    rows = spc_rows(monthly, D(2018, 12, 31), testshire)
    assert spc_findings(rows) == {check.name: [] for check in CHECKS}
    broken = rows.copy()
    broken.loc[0, "mean"] = 200.0  # above the upper limit, and unlike the chart's other points
    broken.loc[1, "variation"] = "special_cause_concerning"  # no rule marks it
    broken = broken.drop(index=[12])  # North keeps 11 points
    broken = broken._append(broken.iloc[[1]])  # a point twice
    found = spc_findings(broken.reset_index(drop=True))
    assert {name: [(f.column, f.detail) for f in findings] for name, findings in found.items()} == {
        "one_row_per_point": [("cla", f"authority {AUTHORITY}")],
        "limits_around_mean": [("cla", f"authority {AUTHORITY}"), ("cla", f"authority {AUTHORITY}")],
        "variation_follows_rules": [("cla", f"authority {AUTHORITY}")],
        "points_per_chart": [("cla", "district North")],
    }
    assert spc_findings(rows.iloc[0:0]) == {check.name: [] for check in CHECKS}
