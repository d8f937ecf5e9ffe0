from cpb_pipeline_tests.lcs.rules.helpers import outcome


def test_end_before_start(tmp_path):
    [finding] = outcome(
        tmp_path, lambda t: t["ssd_cp_plans"][0].update(cppl_cp_plan_end_date="2019-01-01"), "ssd_cp_plans", "valid"
    ).findings
    assert finding.column == "cppl_cp_plan_end_date"
    assert finding.rule == "must not be before cppl_cp_plan_start_date"
    assert finding.rows == (2,)


def test_episode_starting_before_its_period_of_care(tmp_path):
    [finding] = outcome(
        tmp_path, lambda t: t["ssd_cla_episodes"][0].update(clae_entered_care_date="2018-02-01"), "ssd_cla_episodes", "valid"
    ).findings
    assert finding.column == "clae_cla_episode_start_date"


def test_same_day_start_and_end_is_fine(tmp_path):
    result = outcome(tmp_path, lambda t: t["ssd_cp_plans"][0].update(cppl_cp_plan_end_date="2019-03-05"), "ssd_cp_plans", "valid")
    assert result.passed
