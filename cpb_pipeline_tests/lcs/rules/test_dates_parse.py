from cpb_pipeline_tests.lcs.rules.helpers import outcome


def test_impossible_and_unreadable_dates_are_named(tmp_path):
    def damage(t):
        t["ssd_cla_health"][0]["clah_health_check_date"] = "31/02/2019"
        t["ssd_cla_health"][1]["clah_health_check_date"] = "next week"

    [finding] = outcome(tmp_path, damage, "ssd_cla_health", "valid").findings
    assert finding.column == "clah_health_check_date"
    assert finding.rows == (2, 3)
    assert finding.rule == "must be a real date written YYYY-MM-DD, DD/MM/YYYY or as an ISO date-time"


def test_iso_and_uk_dates_both_read(tmp_path):
    result = outcome(tmp_path, lambda t: t["ssd_cla_health"][0].update(clah_health_check_date="14/02/2019"), "ssd_cla_health", "valid")
    assert result.passed


def test_date_times_that_are_not_real_are_named(tmp_path):
    def damage(t):
        t["ssd_cla_health"][0]["clah_health_check_date"] = "2019-02-30 00:00:00.000"
        t["ssd_cla_health"][1]["clah_health_check_date"] = "2018-10-01 24:00:00"
        t["ssd_cp_plans"][0]["cppl_cp_plan_start_date"] = "2019-03-05 00:00:00.000 next week"

    [health] = outcome(tmp_path, damage, "ssd_cla_health", "valid").findings
    assert (health.column, health.rows) == ("clah_health_check_date", (2, 3))
    [plan] = outcome(tmp_path, damage, "ssd_cp_plans", "valid").findings
    assert (plan.column, plan.rows) == ("cppl_cp_plan_start_date", (2,))


def test_a_two_digit_year_is_not_a_date(tmp_path):
    for number, written in enumerate(("31/08/19", "19-08-31")):
        result = outcome(tmp_path / str(number), lambda t, w=written: t["ssd_person"][0].update(pers_dob=w),
                         "ssd_person", "valid")
        assert any(f.column == "pers_dob" and f.rows == (2,) for f in result.findings), written
