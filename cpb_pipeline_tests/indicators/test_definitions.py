"""The indicator definitions (docs/indicators.md) on small hand-made extracts: each edge case the definitions name."""

import pytest

from cpb_pipeline_tests.indicators.helpers import figures
from cpb_pipeline_tests.lcs_fixtures import minimal_extract


def add_child(tables, pid, dob="2012-03-03"):
    tables["ssd_person"].append({"pers_person_id": pid, "pers_sex": "F", "pers_dob": dob, "pers_ethnicity": "WBRI"})


def add_episode(tables, eid, pid, start, end="", entered=None, cla_id=None, reason="S"):
    tables["ssd_cla_episodes"].append({
        "clae_cla_episode_id": eid, "clae_person_id": pid, "clae_cla_episode_start_date": start,
        "clae_cla_episode_start_reason": reason, "clae_cla_episode_ceased_date": end,
        "clae_cla_episode_ceased_reason": "E11" if end else "", "clae_cla_id": cla_id or f"L{eid}",
        "clae_entered_care_date": entered or start,
    })


def add_involvement(tables, iid, pid, team, start, end=""):
    tables["ssd_involvements"].append({
        "invo_involvements_id": iid, "invo_person_id": pid, "invo_professional_team": team,
        "invo_professional_role_id": "SW", "invo_involvement_start_date": start, "invo_involvement_end_date": end,
    })


def add_check(tables, hid, pid, kind, date, status="Completed"):
    tables["ssd_cla_health"].append({
        "clah_health_check_id": hid, "clah_person_id": pid, "clah_health_check_type": kind,
        "clah_health_check_date": date, "clah_health_check_status": status,
    })


def test_minimal_extract(tmp_path):
    f = figures(tmp_path, minimal_extract())
    assert f.value("cla") == 1 and f.value("cla", "Preston") == 1 and f.value("cla", "Lancaster") == 0
    assert f.value("cp_plans", "Lancaster") == 1
    assert f.value("cin_plans", "Preston") == 1
    assert f.value("cla_health_assessment") == 100.0


def test_records_starting_or_ending_on_the_month_end(tmp_path):
    t = minimal_extract()
    add_child(t, "2001")
    add_episode(t, "E2", "2001", "2019-08-31")  # starts on the month end: open
    add_child(t, "2002")
    add_episode(t, "E3", "2002", "2019-01-01", end="2019-08-31")  # ends on the month end: not open
    add_child(t, "2003")
    add_episode(t, "E4", "2003", "2019-01-01", end="2019-09-01")  # ends after the month end: open
    assert figures(tmp_path, t).value("cla") == 3


def test_two_episodes_or_plans_for_one_child_count_once(tmp_path):
    t = minimal_extract()
    add_episode(t, "E2", "1001", "2019-05-01", cla_id="L1", entered="2018-01-10", reason="P")  # overlapping record
    t["ssd_cp_plans"].append(dict(t["ssd_cp_plans"][0], cppl_cp_plan_id="P2", cppl_cp_plan_start_date="2019-04-01"))
    t["ssd_cin_plans"].append(dict(t["ssd_cin_plans"][0], cinp_cin_plan_id="C2", cinp_cin_plan_team="T2",
                                   cinp_cin_plan_start_date="2019-07-01"))
    f = figures(tmp_path, t)
    assert (f.value("cla"), f.value("cp_plans"), f.value("cin_plans")) == (1, 1, 1)
    # a child on two CIN plans is placed by the plan with the latest start
    assert f.value("cin_plans", "Lancaster") == 1 and f.value("cin_plans", "Preston") == 0


def test_involvement_ties_go_to_the_greatest_id(tmp_path):
    t = minimal_extract()
    add_involvement(t, "I10", "1001", "T2", "2018-01-10")  # same start as I1 (Preston); greater id -> Lancaster
    f = figures(tmp_path, t)
    assert f.value("cla", "Lancaster") == 1 and f.value("cla", "Preston") == 0
    t = minimal_extract()
    add_involvement(t, "I0", "1001", "T2", "2018-01-10")  # smaller id: Preston stays
    assert figures(tmp_path / "b", t).value("cla", "Preston") == 1


def test_ids_tie_break_numerically_not_as_text(tmp_path):
    t = minimal_extract()
    t["ssd_involvements"][0]["invo_involvements_id"] = "9"
    add_involvement(t, "10", "1001", "T2", "2018-01-10")  # 10 > 9 as numbers, '10' < '9' as text
    assert figures(tmp_path, t).value("cla", "Lancaster") == 1


def test_latest_started_involvement_decides_even_if_older_one_is_still_open(tmp_path):
    t = minimal_extract()
    add_involvement(t, "I5", "1001", "T2", "2019-06-01")
    assert figures(tmp_path, t).value("cla", "Lancaster") == 1


def test_teams_outside_the_districts_and_children_with_no_team(tmp_path):
    t = minimal_extract()
    t["ssd_involvements"][0]["invo_professional_team"] = "T9"  # parent is not a configured district
    t["ssd_involvements"][1]["invo_involvement_end_date"] = "2019-08-30"  # CP child left with no open involvement
    t["ssd_cin_plans"][0]["cinp_cin_plan_team"] = ""  # CIN plan with no team
    f = figures(tmp_path, t)
    assert f.value("cla", "Other areas") == 1 and f.value("cp_plans", "Other areas") == 1
    assert f.value("cin_plans", "Other areas") == 1
    for indicator in ("cla", "cp_plans", "cin_plans"):
        assert f.value(indicator) == sum(f.value(indicator, a) for a in ("Lancaster", "Preston", "Other areas"))


def test_exactly_twelve_months_in_care(tmp_path):
    t = minimal_extract()
    t["ssd_cla_episodes"][0].update(clae_cla_episode_start_date="2018-08-31", clae_entered_care_date="2018-08-31")
    assert figures(tmp_path, t).fraction("cla_health_assessment") == (1, 1)
    t["ssd_cla_episodes"][0].update(clae_cla_episode_start_date="2018-09-01", clae_entered_care_date="2018-09-01")
    assert figures(tmp_path / "b", t).fraction("cla_health_assessment") == (0, 0)


def test_continuous_care_counts_from_entering_care_not_the_episode(tmp_path):
    t = minimal_extract()
    t["ssd_cla_episodes"][0].update(clae_cla_episode_ceased_date="2019-06-30", clae_cla_episode_ceased_reason="X1")
    add_episode(t, "E2", "1001", "2019-06-30", cla_id="L1", entered="2018-01-10", reason="P")
    assert figures(tmp_path, t).fraction("cla_dental_check") == (1, 1)


@pytest.mark.parametrize(
    "dob, check_date, up_to_date",
    [
        ("2015-01-15", "2019-03-01", True),   # 4 years old, 6 months: within
        ("2015-01-15", "2019-02-28", False),  # 4 years old: 31 Aug minus 6 months is 28 Feb, not after it
        ("2014-08-31", "2019-02-28", True),   # 5 on the month end: the 12-month window applies
        ("2014-09-01", "2019-02-28", False),  # turns 5 in September: still under 5
        ("2010-05-17", "2018-09-01", True),   # 9 years old, 12 months
        ("2010-05-17", "2018-08-31", False),
    ],
)
def test_under_five_rule_for_health_assessments(tmp_path, dob, check_date, up_to_date):
    t = minimal_extract()
    t["ssd_person"][0]["pers_dob"] = dob
    t["ssd_cla_health"][0]["clah_health_check_date"] = check_date
    assert figures(tmp_path, t).fraction("cla_health_assessment") == (1 if up_to_date else 0, 1)


def test_only_completed_checks_on_or_before_the_month_end_count(tmp_path):
    t = minimal_extract()
    t["ssd_cla_health"][0]["clah_health_check_date"] = "2019-09-02"  # after the month end, before extraction
    t["ssd_cla_health"][1]["clah_health_check_status"] = "Refused"
    f = figures(tmp_path, t)
    assert f.fraction("cla_health_assessment") == (0, 1) and f.fraction("cla_dental_check") == (0, 1)


def test_population_switches_by_effective_date(tmp_path):
    july = figures(tmp_path / "jul", minimal_extract(), month="2019-07")
    june = figures(tmp_path / "jun", minimal_extract(), month="2019-06")
    assert july["cla_rate", "Testshire"] == (1, 20000, 0.5)
    assert june["cla_rate", "Testshire"] == (1, 10000, 1.0)


def _care_leavers(t, rows):
    t["ssd_care_leavers"] = []
    for i, (eligibility, in_touch, contact, suitable, activity) in enumerate(rows):
        pid = f"30{i}"
        add_child(t, pid, dob="2000-01-01")
        t["ssd_care_leavers"].append({
            "clea_table_id": f"CL{i}", "clea_person_id": pid, "clea_care_leaver_eligibility": eligibility,
            "clea_care_leaver_in_touch": in_touch, "clea_care_leaver_latest_contact": contact,
            "clea_care_leaver_accommodation": "", "clea_care_leaver_accom_suitable": suitable,
            "clea_care_leaver_activity": activity, "clea_care_leaver_allocated_team": "T2",
        })


def test_care_leavers_and_the_in_touch_rule_from_july_2019(tmp_path):
    rows = [
        ("Relevant", "YES", "2019-07-15", "Y", "F1"),          # recent contact
        ("Former Relevant", "YES", "2019-01-10", "N", "G6"),   # in touch, but no contact in 2 months
        ("Former Relevant", "NO", "2019-07-30", "Y", "P5"),
        ("Eligible", "YES", "2019-07-15", "Y", "F1"),          # still in care: not a care leaver
        ("Qualifying", "YES", "2019-07-15", "Y", "F1"),
    ]
    for month, in_touch in (("2019-06", 2), ("2019-07", 1), ("2019-08", 1)):
        t = minimal_extract()
        _care_leavers(t, rows)
        f = figures(tmp_path / month, t, month=month)
        assert f.value("care_leavers") == 3
        assert f.fraction("care_leavers_in_touch") == (in_touch, 3), month
        assert f.fraction("care_leavers_suitable_accommodation") == (2, 3)
        assert f.fraction("care_leavers_eet") == (2, 3)
    # within 2 months of 31 August 2019 means after 30 June 2019
    t = minimal_extract()
    _care_leavers(t, [("Relevant", "YES", "2019-07-01", "Y", "F1"), ("Relevant", "YES", "2019-06-30", "Y", "F1")])
    assert figures(tmp_path / "edge", t).fraction("care_leavers_in_touch") == (1, 2)


def test_care_leaver_districts_are_optional(tmp_path):
    t = minimal_extract()
    _care_leavers(t, [("Relevant", "YES", "2019-07-15", "Y", "F1")])
    assert ("care_leavers", "Lancaster") not in figures(tmp_path / "a", t)
    assert figures(tmp_path / "b", t, care_leaver_districts=True).value("care_leavers", "Lancaster") == 1


def test_code_case_and_spacing_give_the_same_figures(tmp_path):
    plain = minimal_extract()
    _care_leavers(plain, [("Former Relevant", "YES", "2019-07-15", "Y", "F1")])
    messy = minimal_extract()
    _care_leavers(messy, [(" former  relevant", "yes ", "2019-07-15", "y", " f1")])
    messy["ssd_cla_health"][0]["clah_health_check_type"] = "HEALTH ASSESSMENT"
    messy["ssd_cla_health"][0]["clah_health_check_status"] = " completed"
    assert dict(figures(tmp_path / "a", plain)) == dict(figures(tmp_path / "b", messy))


def test_reviews_in_timescale_and_participation(tmp_path):
    t = minimal_extract()
    reviews = [
        ("R1", "2019-08-10", "2019-08-09", "N", "PN1"),   # on time
        ("R2", "2019-08-12", "2019-08-13", "N", "PN7"),   # late; did not participate
        ("R3", "2019-08-20", "", "Y", ""),                # cancelled: left out
        ("R4", "2019-08-31", "", "N", ""),                # due on the month end, not yet held: late
        ("R5", "2019-09-01", "2019-08-25", "N", "PN0"),   # due next month; held this month, under 4
    ]
    t["ssd_cla_reviews"] = [
        {"clar_cla_review_id": r, "clar_cla_id": "L1", "clar_cla_review_due_date": due, "clar_cla_review_date": held,
         "clar_cla_review_cancelled": cancelled, "clar_cla_review_participation": pn}
        for r, due, held, cancelled, pn in reviews
    ]
    t["ssd_cp_reviews"].append(dict(t["ssd_cp_reviews"][0], cppr_cp_review_id="CR2", cppr_cp_review_due="2019-08-01",
                                    cppr_cp_review_date="2019-08-02"))
    f = figures(tmp_path, t)
    assert f.fraction("cla_reviews_in_timescale") == (1, 3)
    assert f.fraction("cla_reviews_in_timescale", "Preston") == (1, 3)
    assert f.fraction("cla_review_participation") == (1, 2)
    assert f.fraction("cp_reviews_in_timescale") == (0, 1)
    assert f.fraction("cp_reviews_in_timescale", "Lancaster") == (0, 1)
