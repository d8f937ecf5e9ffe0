"""Write one month's extract: the ten SSD files as LCS would produce them that day.

The master tables hold the whole simulated history with the day each fact was keyed in.
A month's extract keeps what was keyed in by its extraction date (an end date keyed in
later shows as open; a check keyed in as Planned shows as Planned), limited to records
open at some time in the 24 months to the month end, and every person they name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from cpb_pipeline.demo.lcs import months
from cpb_pipeline.demo.lcs.records import OPEN

FILES = {
    "ssd_person": ["pers_person_id", "pers_sex", "pers_dob", "pers_ethnicity", "pers_forename", "pers_surname",
                   "pers_upn"],
    "ssd_department": ["dept_team_id", "dept_team_name", "dept_team_parent_id", "dept_team_parent_name"],
    "ssd_involvements": ["invo_involvements_id", "invo_person_id", "invo_professional_team",
                         "invo_professional_role_id", "invo_involvement_start_date", "invo_involvement_end_date"],
    "ssd_cin_plans": ["cinp_cin_plan_id", "cinp_person_id", "cinp_cin_plan_start_date", "cinp_cin_plan_end_date",
                      "cinp_cin_plan_team"],
    "ssd_cp_plans": ["cppl_cp_plan_id", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date",
                     "cppl_cp_plan_initial_category", "cppl_cp_plan_latest_category"],
    "ssd_cla_episodes": ["clae_cla_episode_id", "clae_person_id", "clae_cla_episode_start_date",
                         "clae_cla_episode_start_reason", "clae_cla_episode_ceased_date",
                         "clae_cla_episode_ceased_reason", "clae_cla_id", "clae_entered_care_date",
                         "clae_cla_primary_need_code"],
    "ssd_cla_health": ["clah_health_check_id", "clah_person_id", "clah_health_check_type", "clah_health_check_date",
                       "clah_health_check_status"],
    "ssd_care_leavers": ["clea_table_id", "clea_person_id", "clea_care_leaver_eligibility", "clea_care_leaver_in_touch",
                         "clea_care_leaver_latest_contact", "clea_care_leaver_accommodation",
                         "clea_care_leaver_accom_suitable", "clea_care_leaver_activity",
                         "clea_care_leaver_allocated_team"],
    "ssd_cla_reviews": ["clar_cla_review_id", "clar_cla_id", "clar_cla_review_due_date", "clar_cla_review_date",
                        "clar_cla_review_cancelled", "clar_cla_review_participation"],
    "ssd_cp_reviews": ["cppr_cp_review_id", "cppr_person_id", "cppr_cp_plan_id", "cppr_cp_review_due",
                       "cppr_cp_review_date", "cppr_cp_review_quorate"],
}
DATES = {
    "pers_dob", "invo_involvement_start_date", "invo_involvement_end_date", "cinp_cin_plan_start_date",
    "cinp_cin_plan_end_date", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", "clae_cla_episode_start_date",
    "clae_cla_episode_ceased_date", "clae_entered_care_date", "clah_health_check_date",
    "clea_care_leaver_latest_contact", "clar_cla_review_due_date", "clar_cla_review_date", "cppr_cp_review_due",
    "cppr_cp_review_date",
}
SPANS = {  # tables of records with a start and an end
    "ssd_involvements": ("invo_involvement_start_date", "invo_involvement_end_date"),
    "ssd_cin_plans": ("cinp_cin_plan_start_date", "cinp_cin_plan_end_date"),
    "ssd_cp_plans": ("cppl_cp_plan_start_date", "cppl_cp_plan_end_date"),
    "ssd_cla_episodes": ("clae_cla_episode_start_date", "clae_cla_episode_ceased_date"),
}
REVIEWS = {
    "ssd_cla_reviews": ("clar_cla_review_due_date", "clar_cla_review_date"),
    "ssd_cp_reviews": ("cppr_cp_review_due", "cppr_cp_review_date"),
}
PERSON_COLUMNS = ("invo_person_id", "cinp_person_id", "cppl_person_id", "clae_person_id", "clah_person_id",
                  "clea_person_id", "cppr_person_id")


@dataclass
class Master:
    """The whole simulated history; date columns are day numbers, OPEN for none."""

    tables: dict[str, pd.DataFrame]  # by file name, with _created / _end_known / _status_known
    care_leavers: dict[int, pd.DataFrame]  # by month: that month's snapshot


def view(master: Master, m: int) -> dict[str, pd.DataFrame]:
    """The month's extract as frames (dates still day numbers)."""
    end, x = months.end_day(m), months.extraction_day(m)
    since = months.shift(end, -24)
    out: dict[str, pd.DataFrame] = {}
    for name, (start, stop) in SPANS.items():
        t = master.tables[name]
        t = t[t["_created"].to_numpy() <= x]
        ended = np.where(t["_end_known"].to_numpy() <= x, t[stop].to_numpy(), OPEN)
        t = t.assign(**{stop: ended})
        if name == "ssd_cla_episodes":
            reason = np.where(ended >= OPEN, "", t["clae_cla_episode_ceased_reason"])
            t = t.assign(clae_cla_episode_ceased_reason=reason)
        out[name] = t[(t[start].to_numpy() <= end) & (ended > since)]
    checks = master.tables["ssd_cla_health"]
    checks = checks[checks["_created"].to_numpy() <= x]
    status = np.where(checks["_status_known"].to_numpy() <= x, checks["clah_health_check_status"], "Planned")
    checks = checks.assign(clah_health_check_status=status)
    date = checks["clah_health_check_date"].to_numpy()
    out["ssd_cla_health"] = checks[(date > since) & ((date <= end) | (status == "Planned"))]
    for name, (due, held) in REVIEWS.items():
        t = master.tables[name]
        t = t[t["_created"].to_numpy() <= x]
        d, h = t[due].to_numpy(), t[held].to_numpy()
        out[name] = t[((d <= end) | (h <= end)) & ((d > since) | ((h > since) & (h < OPEN)))]
    out["ssd_care_leavers"] = master.care_leavers[m]
    out["ssd_department"] = master.tables["ssd_department"]
    named = pd.unique(np.concatenate([f[c].to_numpy() for f in out.values() for c in f.columns if c in PERSON_COLUMNS]))
    people = master.tables["ssd_person"]
    out["ssd_person"] = people[people["pers_person_id"].isin(named)]
    return {name: out[name] for name in FILES}


def write(frames: dict[str, pd.DataFrame], folder: Path) -> None:
    """Print the frames as CSV: rows in id order, ISO dates, an empty cell for null.

    Values are codes, numbers and names without commas or quotes (build_master checks),
    so a row is its cells joined by commas."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, columns in FILES.items():
        frame = frames[name]
        ids = frame[columns[0]].to_numpy(dtype=object)
        order = np.argsort(ids.astype("int64"), kind="stable") if len(ids) and not _increasing(ids) else slice(None)
        cells = [_iso(frame[c].to_numpy()[order]) if c in DATES else frame[c].to_numpy(dtype=object)[order]
                 for c in columns]
        body = "\n".join(map(",".join, zip(*cells)))
        (folder / f"{name}.csv").write_text(",".join(columns) + "\n" + body + ("\n" if body else ""),
                                           encoding="utf-8", newline="\n")


def unsafe_text(table: pd.DataFrame) -> list[str]:
    """Text columns holding a comma, quote or line break (which plain joining would garble), or a null."""
    bad = []
    for c in table.columns:
        if c not in DATES and not c.startswith("_") and table[c].dtype == object:
            values = pd.Series(pd.unique(table[c].to_numpy()))
            if values.isna().any() or values.astype(str).str.contains(r'[,"\n\r]').any():
                bad.append(c)
    return bad


def _increasing(ids: np.ndarray) -> bool:
    return bool(np.all(ids[1:] > ids[:-1])) if len(ids) > 1 else True


_ISO_BASE = months.day(dt.date(1980, 1, 1))


@lru_cache(maxsize=1)
def _iso_table() -> np.ndarray:
    days = np.arange(_ISO_BASE, months.day(dt.date(2041, 1, 1)))
    return np.datetime_as_string(days.astype("datetime64[D]"), unit="D").astype(object)


def _iso(days: np.ndarray) -> np.ndarray:
    days = np.asarray(days, dtype="int64")
    table = _iso_table()
    text = table[np.clip(days - _ISO_BASE, 0, len(table) - 1)]
    text[days >= OPEN] = ""
    return text
