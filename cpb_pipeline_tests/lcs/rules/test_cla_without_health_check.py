from cpb_pipeline_tests.lcs.rules.helpers import outcome


def test_child_in_care_with_no_check_at_all(tmp_path):
    result = outcome(tmp_path, lambda t: t["ssd_cla_health"].clear() or t["ssd_cla_health"].append(
        {"clah_health_check_id": "H9", "clah_person_id": "1002", "clah_health_check_type": "Dental Check",
         "clah_health_check_date": "2019-01-01", "clah_health_check_status": "Completed"}),
        "ssd_cla_health", "cla_without_health_check")
    assert not result.blocking
    [finding] = result.findings
    assert finding.file.endswith("ssd_cla_episodes.csv") and finding.rows == (2,)
