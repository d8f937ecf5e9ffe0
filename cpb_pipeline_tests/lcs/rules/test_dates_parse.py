from cpb_pipeline_tests.lcs.rules.helpers import outcome


def test_impossible_and_unreadable_dates_are_named(tmp_path):
    def damage(t):
        t["ssd_cla_health"][0]["clah_health_check_date"] = "31/02/2019"
        t["ssd_cla_health"][1]["clah_health_check_date"] = "next week"

    [finding] = outcome(tmp_path, damage, "ssd_cla_health", "valid").findings
    assert finding.column == "clah_health_check_date"
    assert finding.rows == (2, 3)
    assert "YYYY-MM-DD or DD/MM/YYYY" in finding.rule


def test_iso_and_uk_dates_both_read(tmp_path):
    result = outcome(tmp_path, lambda t: t["ssd_cla_health"][0].update(clah_health_check_date="14/02/2019"), "ssd_cla_health", "valid")
    assert result.passed
