from cpb_pipeline_tests.lcs.rules.helpers import outcome


def test_code_outside_the_set_names_the_allowed_codes(tmp_path):
    [finding] = outcome(
        tmp_path, lambda t: t["ssd_cla_episodes"][0].update(clae_cla_episode_start_reason="X"), "ssd_cla_episodes", "valid"
    ).findings
    assert finding.column == "clae_cla_episode_start_reason"
    assert finding.rule == "code must be one of S, L, P, T, B, U"
    assert finding.rows == (2,)


def test_case_and_spaces_are_ignored(tmp_path):
    result = outcome(tmp_path, lambda t: t["ssd_care_leavers"][0].update(clea_care_leaver_in_touch=" yes"), "ssd_care_leavers", "valid")
    assert result.passed
