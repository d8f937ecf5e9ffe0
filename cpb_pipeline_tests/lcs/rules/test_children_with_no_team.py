from cpb_pipeline_tests.lcs.rules.helpers import outcome


def test_looked_after_child_without_an_open_team_involvement(tmp_path):
    result = outcome(
        tmp_path, lambda t: t["ssd_involvements"][0].update(invo_involvement_end_date="2019-08-31"),
        "ssd_involvements", "children_with_no_team",
    )
    assert not result.blocking
    [finding] = result.findings
    assert finding.file.endswith("ssd_cla_episodes.csv") and finding.rows == (2,)


def test_every_child_has_a_team(tmp_path):
    assert outcome(tmp_path, lambda t: None, "ssd_involvements", "children_with_no_team").passed
