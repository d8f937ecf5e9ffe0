from cpb_pipeline_tests.lcs.rules.helpers import outcome


def test_unknown_person(tmp_path):
    [finding] = outcome(
        tmp_path, lambda t: t["ssd_cin_plans"][0].update(cinp_person_id="9999"), "ssd_cin_plans", "references"
    ).findings
    assert (finding.column, finding.rows) == ("cinp_person_id", (2,))
    assert finding.rule == "must match a pers_person_id in ssd_person.csv"


def test_unknown_team_and_period_of_care(tmp_path):
    def damage(t):
        t["ssd_involvements"][1]["invo_professional_team"] = "T404"
        t["ssd_cla_reviews"][0]["clar_cla_id"] = "L404"

    assert outcome(tmp_path, damage, "ssd_involvements", "references").findings[0].rows == (3,)
    assert outcome(tmp_path, damage, "ssd_cla_reviews", "references").findings[0].column == "clar_cla_id"


def test_no_team_is_not_a_dangling_reference(tmp_path):
    result = outcome(tmp_path, lambda t: t["ssd_involvements"][0].update(invo_professional_team=""), "ssd_involvements", "references")
    assert result.passed
