"""The indicator definitions (docs/indicators.md) in SQL: for each LCS indicator, the contributions of each child or record.

`prepare_month` loads one month's staging partition into temporary tables and
resolves districts once; each entry of `CONTRIBUTIONS` then selects rows of
(area, num, den) that `compute.py` adds up by district and for the authority.
A count contributes num = 1 per child; a percentage contributes den = 1 per
child or record in its denominator and num = 1 where it meets the definition.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from cpb_pipeline.domain.calendar import in_month, open_at_month_end, within_months
from cpb_pipeline.domain.catalogue import IN_TOUCH_CONTACT_RULE_FROM
from cpb_pipeline.domain.lcs import (
    CARE_LEAVER_ELIGIBILITY,
    COMPLETED,
    DENTAL_CHECK,
    EET_ACTIVITY,
    HEALTH_ASSESSMENT,
    IN_TOUCH_YES,
    PARTICIPATED,
    PARTICIPATION_COUNTED,
    YES,
    sql_codes,
)
from cpb_pipeline.domain.tables import LCS_STAGING
from cpb_pipeline.runtime.store import run

_STAGING = {
    "m_person": "ssd_person",
    "m_dept": "ssd_department",
    "m_invo": "ssd_involvements",
    "m_cin": "ssd_cin_plans",
    "m_cp": "ssd_cp_plans",
    "m_cla": "ssd_cla_episodes",
    "m_health": "ssd_cla_health",
    "m_cl": "ssd_care_leavers",
    "m_clar": "ssd_cla_reviews",
    "m_cppr": "ssd_cp_reviews",
}


def prepare_month(
    con: duckdb.DuckDBPyConnection, month_end: dt.date, districts: list[str], other_area: str, care_leaver_districts: bool
) -> None:
    """Temporary tables for one month end: its staging rows, team areas, each child's district and open episode."""
    params = {"month_end": month_end, "other_area": other_area, "districts": list(districts)}
    for temp, table in _STAGING.items():
        run(con, f"CREATE OR REPLACE TEMP TABLE {temp} AS SELECT * FROM {LCS_STAGING[table].qualified} "
                 "WHERE period_end = $month_end", params)  # fmt: skip
    run(con,
        """CREATE OR REPLACE TEMP TABLE m_team_area AS
        SELECT dept_team_id,
               CASE WHEN list_contains($districts, dept_team_parent_name) THEN dept_team_parent_name ELSE $other_area END AS area
        FROM m_dept""", params,
    )
    run(con,
        f"""CREATE OR REPLACE TEMP TABLE m_child_area AS
        SELECT person, coalesce(t.area, $other_area) AS area FROM (
            SELECT invo_person_id AS person, invo_professional_team AS team,
                   row_number() OVER (PARTITION BY invo_person_id
                                      ORDER BY invo_involvement_start_date DESC, invo_involvements_id_order DESC) AS pick
            FROM m_invo WHERE {open_at_month_end('invo_involvement_start_date', 'invo_involvement_end_date')}
        ) i LEFT JOIN m_team_area t ON t.dept_team_id = i.team
        WHERE pick = 1""", params,
    )
    run(con,
        f"""CREATE OR REPLACE TEMP TABLE m_cla_open AS
        SELECT person, entered_care_date, cla_id FROM (
            SELECT clae_person_id AS person, clae_entered_care_date AS entered_care_date, clae_cla_id AS cla_id,
                   row_number() OVER (PARTITION BY clae_person_id
                                      ORDER BY clae_cla_episode_start_date DESC, clae_cla_episode_id DESC) AS pick
            FROM m_cla WHERE {open_at_month_end('clae_cla_episode_start_date', 'clae_cla_episode_ceased_date')}
        ) WHERE pick = 1""", params,
    )
    team_area = "coalesce(t.area, $other_area)" if care_leaver_districts else "$other_area"
    run(con,
        f"""CREATE OR REPLACE TEMP TABLE m_care_leavers AS
        SELECT c.*, {team_area} AS area FROM (
            SELECT *, row_number() OVER (PARTITION BY clea_person_id
                                         ORDER BY clea_care_leaver_latest_contact DESC NULLS LAST, clea_table_id_order DESC) AS pick
            FROM m_cl WHERE clea_care_leaver_eligibility IN {sql_codes(CARE_LEAVER_ELIGIBILITY)}
        ) c LEFT JOIN m_team_area t ON t.dept_team_id = c.clea_care_leaver_allocated_team
        WHERE pick = 1""", params,
    )
    run(con, """CREATE OR REPLACE TEMP TABLE m_cla_person AS
        SELECT DISTINCT clae_cla_id AS cla_id, clae_person_id AS person FROM m_cla""")


AREA = "coalesce(a.area, $other_area)"


def _join_area(person: str) -> str:
    """The child's CP/CLA district: from the involvement open at month end (docs/indicators.md)."""
    return f"LEFT JOIN m_child_area a ON a.person = {person}"


CONTRIBUTIONS: dict[str, str] = {
    "cin_plans": f"""
        SELECT area, 1 AS num, 0 AS den FROM (
            SELECT coalesce(t.area, $other_area) AS area,
                   row_number() OVER (PARTITION BY cinp_person_id
                                      ORDER BY cinp_cin_plan_start_date DESC, cinp_cin_plan_id_order DESC) AS pick
            FROM m_cin LEFT JOIN m_team_area t ON t.dept_team_id = m_cin.cinp_cin_plan_team
            WHERE {open_at_month_end('cinp_cin_plan_start_date', 'cinp_cin_plan_end_date')}
        ) WHERE pick = 1""",
    "cp_plans": f"""
        SELECT {AREA} AS area, 1 AS num, 0 AS den FROM (
            SELECT DISTINCT cppl_person_id AS person FROM m_cp
            WHERE {open_at_month_end('cppl_cp_plan_start_date', 'cppl_cp_plan_end_date')}
        ) c {_join_area('c.person')}""",
    "cla": f"SELECT {AREA} AS area, 1 AS num, 0 AS den FROM m_cla_open c {_join_area('c.person')}",
    "cla_health_assessment": f"""
        SELECT {AREA} AS area, 1 AS den,
               CASE WHEN EXISTS (
                   SELECT 1 FROM m_health h
                   WHERE h.clah_person_id = c.person
                     AND h.clah_health_check_type = '{HEALTH_ASSESSMENT}' AND h.clah_health_check_status = '{COMPLETED}'
                     AND {within_months('h.clah_health_check_date',
                                         "CASE WHEN date_part('year', age($month_end, p.pers_dob_month)) < 5 THEN 6 ELSE 12 END")}
               ) THEN 1 ELSE 0 END AS num
        FROM m_cla_open c LEFT JOIN m_person p ON p.pers_person_id = c.person {_join_area('c.person')}
        WHERE c.entered_care_date <= CAST($month_end - INTERVAL 12 MONTH AS DATE)""",
    "cla_dental_check": f"""
        SELECT {AREA} AS area, 1 AS den,
               CASE WHEN EXISTS (
                   SELECT 1 FROM m_health h
                   WHERE h.clah_person_id = c.person
                     AND h.clah_health_check_type = '{DENTAL_CHECK}' AND h.clah_health_check_status = '{COMPLETED}'
                     AND {within_months('h.clah_health_check_date', '12')}
               ) THEN 1 ELSE 0 END AS num
        FROM m_cla_open c {_join_area('c.person')}
        WHERE c.entered_care_date <= CAST($month_end - INTERVAL 12 MONTH AS DATE)""",
    "care_leavers": "SELECT area, 1 AS num, 0 AS den FROM m_care_leavers",
    "care_leavers_suitable_accommodation": f"""
        SELECT area, 1 AS den, CASE WHEN clea_care_leaver_accom_suitable = '{YES}' THEN 1 ELSE 0 END AS num
        FROM m_care_leavers""",
    "care_leavers_eet": f"""
        SELECT area, 1 AS den, CASE WHEN clea_care_leaver_activity IN {sql_codes(EET_ACTIVITY)} THEN 1 ELSE 0 END AS num
        FROM m_care_leavers""",
    "care_leavers_in_touch": f"""
        SELECT area, 1 AS den,
               CASE WHEN clea_care_leaver_in_touch = '{IN_TOUCH_YES}'
                     AND ($month_end < DATE '{IN_TOUCH_CONTACT_RULE_FROM:%Y-%m-%d}'
                          OR coalesce({within_months('clea_care_leaver_latest_contact', '2')}, false))
                    THEN 1 ELSE 0 END AS num
        FROM m_care_leavers""",
    "cla_reviews_in_timescale": f"""
        SELECT {AREA} AS area, 1 AS den,
               CASE WHEN r.clar_cla_review_date <= r.clar_cla_review_due_date THEN 1 ELSE 0 END AS num
        FROM m_clar r LEFT JOIN m_cla_person cp ON cp.cla_id = r.clar_cla_id {_join_area('cp.person')}
        WHERE coalesce(r.clar_cla_review_cancelled, '') <> '{YES}' AND {in_month('r.clar_cla_review_due_date')}""",
    "cla_review_participation": f"""
        SELECT {AREA} AS area, 1 AS den,
               CASE WHEN r.clar_cla_review_participation IN {sql_codes(PARTICIPATED)} THEN 1 ELSE 0 END AS num
        FROM m_clar r LEFT JOIN m_cla_person cp ON cp.cla_id = r.clar_cla_id {_join_area('cp.person')}
        WHERE coalesce(r.clar_cla_review_cancelled, '') <> '{YES}'
          AND r.clar_cla_review_participation IN {sql_codes(PARTICIPATION_COUNTED)}
          AND {in_month('r.clar_cla_review_date')}""",
    "cp_reviews_in_timescale": f"""
        SELECT {AREA} AS area, 1 AS den,
               CASE WHEN r.cppr_cp_review_date <= r.cppr_cp_review_due THEN 1 ELSE 0 END AS num
        FROM m_cppr r {_join_area('r.cppr_person_id')}
        WHERE {in_month('r.cppr_cp_review_due')}""",
}


def contributions_sql(indicator_id: str) -> str:
    """The (area, num, den) rows of one indicator; binds `$month_end` and `$other_area` (see `prepare_month`)."""
    return CONTRIBUTIONS[indicator_id]
