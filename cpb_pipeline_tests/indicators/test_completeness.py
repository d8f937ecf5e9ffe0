"""The completeness check reads the catalogue: a missing indicator or district, or sums that do not add up."""

import math

import duckdb

from cpb_pipeline.domain.calendar import month_end
from cpb_pipeline.domain.profile import load_profile
from cpb_pipeline.marts.indicators.checks import completeness_findings
from cpb_pipeline.marts.indicators.compute import lcs_indicator_rows
from cpb_pipeline_tests.indicators.helpers import figures
from cpb_pipeline_tests.lcs_fixtures import minimal_extract


def _frame(tmp_path):
    figures(tmp_path, minimal_extract())  # stages the extract into the working database
    profile = load_profile(tmp_path / "authority.yaml")
    with duckdb.connect(str(profile.working_database)) as con:
        return lcs_indicator_rows(con, profile, month_end("2019-08")), profile


def test_lcs_figures_are_complete_apart_from_the_iro_ones(tmp_path):
    frame, profile = _frame(tmp_path)
    missing = {f.column for f in completeness_findings(frame, profile)}
    assert missing == {"iro_pr_raised", "iro_ma_raised", "iro_challenges_open_over_4_weeks", "iro_caseload"}


def test_a_missing_district_and_a_bad_sum_are_found(tmp_path):
    frame, profile = _frame(tmp_path)
    frame = frame[~((frame.indicator_id == "cp_plans") & (frame.area == "Preston"))].copy()
    frame.loc[(frame.indicator_id == "cla") & (frame.area == "Lancaster"), "numerator"] = 5
    frame.loc[(frame.indicator_id == "cla_dental_check") & (frame.area == "Testshire"), "value"] = math.nan
    rules = {(f.column, f.rule) for f in completeness_findings(frame, profile)}
    assert ("cp_plans", "district rows missing") in rules
    assert ("cla", "district rows do not sum to the authority row") in rules
    assert ("cla_dental_check", "value must be null exactly when the denominator is 0") in rules
