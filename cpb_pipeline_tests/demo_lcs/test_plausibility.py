"""The demo children look like a council's: ages, lengths, reasons, cadences, codes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from dateutil.relativedelta import relativedelta

from cpb_pipeline.domain.calendar import working_day_after
from cpb_pipeline_tests.demo_lcs import oracle

MONTH = "2019-03"
EXIT_CODES = {"E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7",
              "E9", "E14", "E15", "E16", "E17", "E8"}


def _ages(frames, people: pd.Series, day: pd.Timestamp) -> np.ndarray:
    dob = frames["ssd_person"].set_index("pers_person_id")["pers_dob"]
    return np.array([relativedelta(day.date(), dob[p].date()).years for p in people])


def _open(frame, start, end, day):
    return frame[(frame[start] <= day) & (frame[end].isna() | (frame[end] > day))]


def test_ages_and_sex(demo):
    frames, end = demo.frames(MONTH), oracle.month_end(MONTH)
    cla = _open(frames["ssd_cla_episodes"], "clae_cla_episode_start_date", "clae_cla_episode_ceased_date", end)
    cla_age = _ages(frames, cla["clae_person_id"], end)
    cp = _open(frames["ssd_cp_plans"], "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", end)
    cp_age = _ages(frames, cp["cppl_person_id"], end)
    assert cla_age.min() >= 0 and cla_age.max() <= 17 and cp_age.max() <= 17
    assert 0.5 <= (cla_age >= 10).mean() <= 0.75  # children in care: mostly 10-17
    assert np.median(cp_age) < np.median(cla_age)  # children on plans: younger
    assert 0.03 <= (cla_age < 1).mean() + (cp_age < 1).mean() / 2 <= 0.15
    sex = frames["ssd_person"].set_index("pers_person_id").loc[cla["clae_person_id"], "pers_sex"]
    assert 0.5 <= (sex == "M").mean() <= 0.62
    assert (frames["ssd_person"]["pers_ethnicity"] == "WBRI").mean() > 0.6


def test_periods_and_episodes(demo):
    ep = demo.frames("2019-08")["ssd_cla_episodes"].sort_values(["clae_cla_id", "clae_cla_episode_start_date"])
    per_period = ep.groupby("clae_cla_id")
    assert (per_period["clae_person_id"].nunique() == 1).all()
    assert (per_period["clae_entered_care_date"].nunique() == 1).all()
    first = ep[ep["clae_cla_episode_start_date"] == ep["clae_entered_care_date"]]
    assert (first["clae_cla_episode_start_reason"] == "S").all()
    later = ep[ep["clae_cla_episode_start_date"] > ep["clae_entered_care_date"]]
    assert set(later["clae_cla_episode_start_reason"]) <= {"P", "T", "L", "B", "U"} and (
        later["clae_cla_episode_start_reason"] == "P").mean() > 0.5
    ended = ep.dropna(subset=["clae_cla_episode_ceased_date"])
    nxt = ended.merge(ep, left_on=["clae_cla_id", "clae_cla_episode_ceased_date"],
                      right_on=["clae_cla_id", "clae_cla_episode_start_date"], how="left", indicator=True)
    assert (nxt[nxt["_merge"] == "both"]["clae_cla_episode_ceased_reason_x"] == "X1").all()
    assert set(nxt[nxt["_merge"] == "left_only"]["clae_cla_episode_ceased_reason_x"]) <= EXIT_CODES
    assert (ended["clae_cla_episode_ceased_date"] > ended["clae_cla_episode_start_date"]).all()
    assert set(ep["clae_cla_primary_need_code"]) <= {f"N{i}" for i in range(1, 9)}


def test_plan_lengths(demo):
    frames = demo.frames("2019-08")
    cp = frames["ssd_cp_plans"].dropna(subset=["cppl_cp_plan_end_date"])
    months = (cp["cppl_cp_plan_end_date"] - cp["cppl_cp_plan_start_date"]).dt.days / 30.4
    assert 5 <= months.median() <= 12 and (months < 3).mean() < 0.35
    cin = frames["ssd_cin_plans"].dropna(subset=["cinp_cin_plan_end_date"])
    months = (cin["cinp_cin_plan_end_date"] - cin["cinp_cin_plan_start_date"]).dt.days / 30.4
    assert 2 <= months.median() <= 12


def test_health_checks(demo):
    frames = demo.frames("2019-08")
    checks = frames["ssd_cla_health"]
    assert {"Completed", "Cancelled", "Refused"} <= set(checks["clah_health_check_status"])
    done = checks[checks["clah_health_check_status"] == "Completed"].sort_values("clah_health_check_date")
    for kind, low, high in (("Health Assessment", 5, 13), ("Dental Check", 11, 14)):
        gaps = done[done["clah_health_check_type"] == kind].groupby("clah_person_id")["clah_health_check_date"].diff()
        months = gaps.dropna().dt.days / 30.4
        assert low <= months.median() <= high and (months < 4).mean() < 0.02, kind


def test_reviews_follow_the_statutory_cadence(demo):
    frames = demo.frames("2019-08")
    ep, rev = frames["ssd_cla_episodes"], frames["ssd_cla_reviews"]
    entered = ep.drop_duplicates("clae_cla_id").set_index("clae_cla_id")["clae_entered_care_date"]
    recent = entered[entered > pd.Timestamp("2018-01-01")]
    held = rev[rev["clar_cla_review_cancelled"] == "N"].sort_values("clar_cla_review_due_date")
    first = held.groupby("clar_cla_id").head(1).set_index("clar_cla_id")["clar_cla_review_due_date"]
    first = first[first.index.isin(recent.index)]
    assert len(first) > 100
    for cla_id, due in first.items():
        assert due.date() == working_day_after(entered[cla_id].date(), 20)  # 20 working days after entry
    pairs = held.assign(prev=held.groupby("clar_cla_id")["clar_cla_review_date"].shift())
    pairs = pairs.dropna(subset=["prev"])
    # each next review is due 3 (the second) or 6 months after the last one held
    due_after = [any(p.date() + relativedelta(months=k) == d.date() for k in (3, 6))
                 for d, p in zip(pairs["clar_cla_review_due_date"], pairs["prev"])]
    assert all(due_after)
    assert (held["clar_cla_review_participation"] == "PN0").mean() < 0.25
    cp = frames["ssd_cp_plans"].set_index("cppl_cp_plan_id")["cppl_cp_plan_start_date"]
    cpr = frames["ssd_cp_reviews"].sort_values("cppr_cp_review_due").groupby("cppr_cp_plan_id").head(1)
    cpr = cpr[cpr["cppr_cp_plan_id"].map(cp) > pd.Timestamp("2017-09-01")]
    assert all(d.date() == (cp[p] + relativedelta(months=3)).date()
               for p, d in zip(cpr["cppr_cp_plan_id"], cpr["cppr_cp_review_due"]))


def test_participation_codes_by_age(demo):
    frames = demo.frames("2019-08")
    rev = frames["ssd_cla_reviews"]
    held = rev[rev["clar_cla_review_cancelled"] == "N"]
    person = held["clar_cla_id"].map(frames["ssd_cla_episodes"].drop_duplicates("clae_cla_id")
                                     .set_index("clae_cla_id")["clae_person_id"])
    dob = frames["ssd_person"].set_index("pers_person_id")["pers_dob"]
    under_4 = [relativedelta(d.date(), dob[p].date()).years < 4 for d, p in zip(held["clar_cla_review_date"], person)]
    assert ((held["clar_cla_review_participation"] == "PN0") == np.array(under_4)).all()


def test_care_leavers(demo):
    frames, end = demo.frames("2019-08"), oracle.month_end("2019-08")
    leavers = frames["ssd_care_leavers"]
    counted = leavers[leavers["clea_care_leaver_eligibility"].isin(["Relevant", "Former Relevant"])]
    age = _ages(frames, counted["clea_person_id"], end)
    assert age.min() >= 16 and age.max() <= 24 and np.mean((age >= 17) & (age <= 21)) > 0.7
    relevant = counted["clea_care_leaver_eligibility"] == "Relevant"
    assert (age[relevant.to_numpy()] < 18).all() and (age[~relevant.to_numpy()] >= 18).all()
    assert set(leavers["clea_care_leaver_eligibility"]) == {"Relevant", "Former Relevant", "Eligible", "Qualifying",
                                                            "No Current Eligibility"}
    assert (counted["clea_care_leaver_eligibility"] == "Former Relevant").mean() > 0.7
    eligible = leavers[leavers["clea_care_leaver_eligibility"] == "Eligible"]
    cla = _open(frames["ssd_cla_episodes"], "clae_cla_episode_start_date", "clae_cla_episode_ceased_date", end)
    assert set(eligible["clea_person_id"]) <= set(cla["clae_person_id"])  # eligible: still in care, 16-17
    assert set(_ages(frames, eligible["clea_person_id"], end)) <= {16, 17}
    assert (counted["clea_care_leaver_latest_contact"] <= end).all()
    young = leavers[leavers["clea_care_leaver_eligibility"].isin(["Relevant", "Eligible"])]
    assert not young["clea_care_leaver_activity"].isin(["F1", "P1"]).any()  # 16-17: not in higher education
