from cpb_pipeline_tests.lcs.rules.helpers import outcome


def test_event_after_the_extraction_day_is_a_warning(tmp_path):
    # August 2019's extract was produced on Monday 2 September 2019
    def damage(t):
        t["ssd_cla_health"][0]["clah_health_check_date"] = "2019-09-03"
        t["ssd_cla_health"][1]["clah_health_check_date"] = "2019-09-02"

    result = outcome(tmp_path, damage, "ssd_cla_health", "dated_after_extraction")
    assert not result.blocking
    [finding] = result.findings
    assert finding.rows == (2,) and finding.column == "clah_health_check_date"
    assert "2019-09-02" in finding.rule


def test_a_planned_check_may_be_in_the_future(tmp_path):
    def damage(t):
        t["ssd_cla_health"][0].update(clah_health_check_date="2019-12-01", clah_health_check_status="Planned")

    assert outcome(tmp_path, damage, "ssd_cla_health", "dated_after_extraction").passed
