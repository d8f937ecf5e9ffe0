from cpb_pipeline_tests.lcs.rules.helpers import outcome


def test_missing_start_date_is_reported_once_with_row_and_column(tmp_path):
    result = outcome(tmp_path, lambda t: t["ssd_cp_plans"][0].update(cppl_cp_plan_start_date=""), "ssd_cp_plans", "valid")
    [finding] = result.findings
    assert (finding.column, finding.rule, finding.rows) == ("cppl_cp_plan_start_date", "a value is required", (2,))


def test_optional_values_may_be_empty(tmp_path):
    result = outcome(tmp_path, lambda t: t["ssd_person"][0].update(pers_ethnicity=""), "ssd_person", "valid")
    assert result.passed
