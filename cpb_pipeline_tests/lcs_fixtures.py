"""Small hand-made LCS extracts for tests: a valid month that tests then damage or extend."""

from __future__ import annotations

import csv
from pathlib import Path

from cpb_pipeline.domain.lcs import TABLES_BY_NAME
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline.sources.lcs.extract import Extract


def minimal_extract() -> dict[str, list[dict[str, str]]]:
    """One child looked after in Preston, one on a CP plan in Lancaster, one on a CIN plan."""
    return {
        "ssd_person": [
            {"pers_person_id": "1001", "pers_sex": "F", "pers_dob": "2010-05-17", "pers_ethnicity": "WBRI",
             "pers_forename": "Amy", "pers_surname": "Example", "pers_upn": "A123456789012"},
            {"pers_person_id": "1002", "pers_sex": "M", "pers_dob": "2016-11-02", "pers_ethnicity": "WBRI",
             "pers_forename": "Ben", "pers_surname": "Sample", "pers_upn": "B123456789012"},
            {"pers_person_id": "1003", "pers_sex": "M", "pers_dob": "2012-01-30", "pers_ethnicity": "MWBC",
             "pers_forename": "Cal", "pers_surname": "Test", "pers_upn": "C123456789012"},
        ],
        "ssd_department": [
            {"dept_team_id": "T1", "dept_team_name": "Preston CSC 1", "dept_team_parent_id": "D3", "dept_team_parent_name": "Preston"},
            {"dept_team_id": "T2", "dept_team_name": "Lancaster CSC 1", "dept_team_parent_id": "D1", "dept_team_parent_name": "Lancaster"},
            {"dept_team_id": "T9", "dept_team_name": "Youth Justice", "dept_team_parent_id": "X1", "dept_team_parent_name": "Youth Justice Service"},
        ],
        "ssd_involvements": [
            {"invo_involvements_id": "I1", "invo_person_id": "1001", "invo_professional_team": "T1",
             "invo_professional_role_id": "SW", "invo_involvement_start_date": "2018-01-10", "invo_involvement_end_date": ""},
            {"invo_involvements_id": "I2", "invo_person_id": "1002", "invo_professional_team": "T2",
             "invo_professional_role_id": "SW", "invo_involvement_start_date": "2019-03-01", "invo_involvement_end_date": ""},
        ],
        "ssd_cin_plans": [
            {"cinp_cin_plan_id": "C1", "cinp_person_id": "1003", "cinp_cin_plan_start_date": "2019-06-01",
             "cinp_cin_plan_end_date": "", "cinp_cin_plan_team": "T1"},
        ],
        "ssd_cp_plans": [
            {"cppl_cp_plan_id": "P1", "cppl_person_id": "1002", "cppl_cp_plan_start_date": "2019-03-05",
             "cppl_cp_plan_end_date": "", "cppl_cp_plan_initial_category": "NEG", "cppl_cp_plan_latest_category": "NEG"},
        ],
        "ssd_cla_episodes": [
            {"clae_cla_episode_id": "E1", "clae_person_id": "1001", "clae_cla_episode_start_date": "2018-01-10",
             "clae_cla_episode_start_reason": "S", "clae_cla_episode_ceased_date": "", "clae_cla_episode_ceased_reason": "",
             "clae_cla_id": "L1", "clae_entered_care_date": "2018-01-10"},
        ],
        "ssd_cla_health": [
            {"clah_health_check_id": "H1", "clah_person_id": "1001", "clah_health_check_type": "Health Assessment",
             "clah_health_check_date": "2019-02-14", "clah_health_check_status": "Completed"},
            {"clah_health_check_id": "H2", "clah_person_id": "1001", "clah_health_check_type": "Dental Check",
             "clah_health_check_date": "2018-10-01", "clah_health_check_status": "Completed"},
        ],
        "ssd_care_leavers": [
            {"clea_table_id": "CL1", "clea_person_id": "1001", "clea_care_leaver_eligibility": "Eligible",
             "clea_care_leaver_in_touch": "YES", "clea_care_leaver_latest_contact": "2019-08-20",
             "clea_care_leaver_accommodation": "Foster care", "clea_care_leaver_accom_suitable": "Y",
             "clea_care_leaver_activity": "F1", "clea_care_leaver_allocated_team": "T1"},
        ],
        "ssd_cla_reviews": [
            {"clar_cla_review_id": "R1", "clar_cla_id": "L1", "clar_cla_review_due_date": "2019-08-10",
             "clar_cla_review_date": "2019-08-09", "clar_cla_review_cancelled": "N", "clar_cla_review_participation": "PN1"},
        ],
        "ssd_cp_reviews": [
            {"cppr_cp_review_id": "CR1", "cppr_person_id": "1002", "cppr_cp_plan_id": "P1",
             "cppr_cp_review_due": "2019-06-05", "cppr_cp_review_date": "2019-06-04", "cppr_cp_review_quorate": "Y"},
        ],
    }


def write_extract(
    folder: Path, tables: dict[str, list[dict[str, str]]], *, newline: str = "\n", bom: bool = False, encoding: str = "utf-8"
) -> Path:
    """Write each table as CSV with the contract's columns first, then any extra columns the rows carry."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns = list(TABLES_BY_NAME[name].column_names)
        for row in rows:
            columns += [c for c in row if c not in columns]
        with open(folder / f"{name}.csv", "w", encoding="utf-8-sig" if bom else encoding, newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator=newline)
            writer.writeheader()
            for row in rows:
                writer.writerow({c: row.get(c, "") for c in columns})
    return folder


def stored(extract: Extract, folder: Path) -> WarehouseStore:
    """Write the extract the way the pipeline does and return the store, to read back what was kept."""
    store = WarehouseStore(folder / "warehouse.duckdb")
    extract.write(store)
    return store


def staged_table(store: WarehouseStore, table: str):
    return store.query(f"SELECT * FROM staging.{table} ORDER BY source_row")
