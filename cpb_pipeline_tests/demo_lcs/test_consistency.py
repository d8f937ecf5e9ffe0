"""One month's extract and the next tell the same histories; later ones may know more."""

from __future__ import annotations

import pandas as pd
import pytest

from cpb_pipeline_tests.demo_lcs import oracle

PAIRS = [("2018-04", "2018-05"), ("2018-09", "2018-10"), ("2019-02", "2019-03"), ("2019-07", "2019-08")]


def _same(before: pd.DataFrame, after: pd.DataFrame, key: str, columns: list[str]) -> None:
    both = before.merge(after, on=key, suffixes=("_a", "_b"))
    assert len(both) > 0
    for c in columns:
        a, b = both[f"{c}_a"], both[f"{c}_b"]
        assert ((a == b) | (a.isna() & b.isna())).all(), c


@pytest.mark.parametrize("earlier,later", PAIRS)
def test_histories_carry_over(demo, earlier, later):
    a, b = demo.frames(earlier), demo.frames(later)
    _same(a["ssd_person"], b["ssd_person"], "pers_person_id", ["pers_dob", "pers_sex", "pers_ethnicity"])
    _same(a["ssd_cla_episodes"], b["ssd_cla_episodes"], "clae_cla_episode_id",
          ["clae_person_id", "clae_cla_episode_start_date", "clae_cla_id", "clae_entered_care_date",
           "clae_cla_episode_start_reason"])
    _same(a["ssd_cp_plans"], b["ssd_cp_plans"], "cppl_cp_plan_id", ["cppl_person_id", "cppl_cp_plan_start_date"])
    _same(a["ssd_cin_plans"], b["ssd_cin_plans"], "cinp_cin_plan_id",
          ["cinp_person_id", "cinp_cin_plan_start_date", "cinp_cin_plan_team"])
    _same(a["ssd_involvements"], b["ssd_involvements"], "invo_involvements_id",
          ["invo_person_id", "invo_professional_team", "invo_involvement_start_date"])
    _same(a["ssd_cla_health"], b["ssd_cla_health"], "clah_health_check_id",
          ["clah_person_id", "clah_health_check_type", "clah_health_check_date"])
    _same(a["ssd_cla_reviews"], b["ssd_cla_reviews"], "clar_cla_review_id",
          ["clar_cla_id", "clar_cla_review_due_date", "clar_cla_review_date", "clar_cla_review_participation"])
    # an end date once known does not change; a status moves on from Planned only
    _same(a["ssd_cla_episodes"].dropna(subset=["clae_cla_episode_ceased_date"]), b["ssd_cla_episodes"],
          "clae_cla_episode_id", ["clae_cla_episode_ceased_date"])
    checks = a["ssd_cla_health"].merge(b["ssd_cla_health"], on="clah_health_check_id")
    changed = checks[checks["clah_health_check_status_x"] != checks["clah_health_check_status_y"]]
    assert (changed["clah_health_check_status_x"] == "Planned").all()


def test_later_extracts_hold_facts_keyed_in_late(demo):
    """Some events of month M reach only month M+1's extract; some ends are closed in arrears."""
    new_past, closed_late = 0, 0
    for earlier, later in zip(demo.months, demo.months[1:]):
        a, b = demo.frames(earlier), demo.frames(later)
        end = oracle.month_end(earlier)
        for name, id_col, date_col in (("ssd_cla_health", "clah_health_check_id", "clah_health_check_date"),
                                       ("ssd_cla_episodes", "clae_cla_episode_id", "clae_cla_episode_start_date"),
                                       ("ssd_cp_plans", "cppl_cp_plan_id", "cppl_cp_plan_start_date")):
            fresh = b[name][~b[name][id_col].isin(a[name][id_col])]
            new_past += int((fresh[date_col] <= end).sum())
        ep = a["ssd_cla_episodes"][a["ssd_cla_episodes"]["clae_cla_episode_ceased_date"].isna()]
        now = b["ssd_cla_episodes"].set_index("clae_cla_episode_id")["clae_cla_episode_ceased_date"]
        closed_late += int((ep["clae_cla_episode_id"].map(now) <= end).sum())
    assert new_past >= 50 and closed_late >= 10, (new_past, closed_late)
