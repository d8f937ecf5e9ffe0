"""An independent implementation of the figures of docs/indicators.md, for checking the demo extracts.

It reads a month's CSV files as the pipeline would (that folder only) and follows the
contract's wording; it shares no code with the generator, so a misreading on either
side shows up as a failing test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pandas as pd
from dateutil.relativedelta import relativedelta

FILES = (
    "ssd_person", "ssd_department", "ssd_involvements", "ssd_cin_plans", "ssd_cp_plans", "ssd_cla_episodes",
    "ssd_cla_health", "ssd_care_leavers", "ssd_cla_reviews", "ssd_cp_reviews",
)
DATE_SUFFIXES = ("_date", "_dob", "_due", "_contact")


def read_month(folder: Path) -> dict[str, pd.DataFrame]:
    """All ten files as text, with date columns parsed (an empty cell is NaT)."""
    frames = {}
    for name in FILES:
        frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for column in frame.columns:
            if column.endswith(DATE_SUFFIXES):
                frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d")
        frames[name] = frame
    return frames


def month_end(month: str) -> pd.Timestamp:
    first = dt.date.fromisoformat(month + "-01")
    return pd.Timestamp(first + relativedelta(months=1) - relativedelta(days=1))


def months_before(day: pd.Timestamp, n: int) -> pd.Timestamp:
    return pd.Timestamp(day.date() - relativedelta(months=n))


def percent(k: int, n: int, decimals: int = 1) -> float | None:
    """100*k/n rounded half away from zero, exactly; None for an empty denominator."""
    if n == 0:
        return None
    scaled = Fraction(100 * k, n) * 10**decimals
    return float((scaled + Fraction(1, 2)).__floor__()) / 10**decimals


def _code(series: pd.Series) -> pd.Series:
    return series.fillna("").str.strip().str.upper()


def _open_at(frame: pd.DataFrame, start: str, end: str, day: pd.Timestamp) -> pd.DataFrame:
    return frame[(frame[start] <= day) & (frame[end].isna() | (frame[end] > day))]


@dataclass
class Figures:
    counts: dict[tuple[str, str], int]  # (indicator, area) incl. the authority
    percents: dict[tuple[str, str], tuple[int, int]]  # (indicator, area) -> (numerator, denominator)
    care_leavers: dict[str, tuple[int, int]]  # indicator -> (numerator, denominator); count is (n, n)
    reviews: dict[str, int]


def figures(frames: dict[str, pd.DataFrame], month: str, authority: str, districts: list[str], other: str) -> Figures:
    end = month_end(month)
    first = end.replace(day=1)
    parent = frames["ssd_department"].set_index("dept_team_id")["dept_team_parent_name"]

    def area_of_team(team: str) -> str:
        name = parent.get(team)
        return name if name in districts else other

    inv = _open_at(frames["ssd_involvements"], "invo_involvement_start_date", "invo_involvement_end_date", end)
    inv = inv.assign(_id=inv["invo_involvements_id"].astype(int))
    latest = inv.sort_values(["invo_involvement_start_date", "_id"]).groupby("invo_person_id").tail(1)
    district = {p: area_of_team(t) for p, t in zip(latest["invo_person_id"], latest["invo_professional_team"])}
    areas = [*districts, other]
    counts: dict[tuple[str, str], int] = {}

    def tally(indicator: str, people_areas: dict[str, str]) -> None:
        counts[(indicator, authority)] = len(people_areas)
        for a in areas:
            counts[(indicator, a)] = sum(1 for v in people_areas.values() if v == a)

    episodes = _open_at(frames["ssd_cla_episodes"], "clae_cla_episode_start_date", "clae_cla_episode_ceased_date", end)
    tally("cla", {p: district.get(p, other) for p in episodes["clae_person_id"]})
    cp = _open_at(frames["ssd_cp_plans"], "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", end)
    tally("cp_plans", {p: district.get(p, other) for p in cp["cppl_person_id"]})
    cin = _open_at(frames["ssd_cin_plans"], "cinp_cin_plan_start_date", "cinp_cin_plan_end_date", end)
    cin = cin.sort_values("cinp_cin_plan_start_date").groupby("cinp_person_id").tail(1)
    tally("cin_plans", {p: area_of_team(t) for p, t in zip(cin["cinp_person_id"], cin["cinp_cin_plan_team"])})

    dob = frames["ssd_person"].set_index("pers_person_id")["pers_dob"]
    long = episodes[episodes["clae_entered_care_date"] <= months_before(end, 12)].drop_duplicates("clae_person_id")
    checks = frames["ssd_cla_health"]
    done = checks[_code(checks["clah_health_check_status"]) == "COMPLETED"]
    kind = _code(done["clah_health_check_type"])

    def recent(kind_name: str, n_months: int) -> set[str]:
        date = done["clah_health_check_date"]
        return set(done[(kind == kind_name) & (date > months_before(end, n_months)) & (date <= end)]["clah_person_id"])

    assessed = {6: recent("HEALTH ASSESSMENT", 6), 12: recent("HEALTH ASSESSMENT", 12)}
    dentist = recent("DENTAL CHECK", 12)

    percents: dict[tuple[str, str], tuple[int, int]] = {}
    rows = []
    for person in long["clae_person_id"]:
        age = relativedelta(end.date(), dob[person].date()).years
        rows.append((district.get(person, other), person in assessed[6 if age < 5 else 12], person in dentist))
    for indicator, col in (("cla_health_assessment", 1), ("cla_dental_check", 2)):
        percents[(indicator, authority)] = (sum(r[col] for r in rows), len(rows))
        for a in areas:
            mine = [r for r in rows if r[0] == a]
            percents[(indicator, a)] = (sum(r[col] for r in mine), len(mine))

    leavers = frames["ssd_care_leavers"]
    leavers = leavers[_code(leavers["clea_care_leaver_eligibility"]).isin(["RELEVANT", "FORMER RELEVANT"])]
    n = len(leavers)
    in_touch = _code(leavers["clea_care_leaver_in_touch"]) == "YES"
    if end >= pd.Timestamp("2019-07-31"):
        contact = leavers["clea_care_leaver_latest_contact"]
        in_touch &= (contact > months_before(end, 2)) & (contact <= end)
    eet = _code(leavers["clea_care_leaver_activity"]).isin(["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"])
    suitable = _code(leavers["clea_care_leaver_accom_suitable"]) == "Y"
    care_leavers = {
        "care_leavers": (n, n),
        "care_leavers_suitable_accommodation": (int(suitable.sum()), n),
        "care_leavers_eet": (int(eet.sum()), n),
        "care_leavers_in_touch": (int(in_touch.sum()), n),
    }

    cla_rev = frames["ssd_cla_reviews"]
    due = cla_rev[(_code(cla_rev["clar_cla_review_cancelled"]) != "Y") & (cla_rev["clar_cla_review_due_date"] >= first)
                  & (cla_rev["clar_cla_review_due_date"] <= end)]
    code = _code(cla_rev["clar_cla_review_participation"])
    held = cla_rev[(cla_rev["clar_cla_review_date"] >= first) & (cla_rev["clar_cla_review_date"] <= end)
                   & code.isin([f"PN{i}" for i in range(1, 8)])]
    cp_rev = frames["ssd_cp_reviews"]
    cp_due = cp_rev[(cp_rev["cppr_cp_review_due"] >= first) & (cp_rev["cppr_cp_review_due"] <= end)]
    reviews = {
        "cla_due": len(due),
        "cla_on_time": int((due["clar_cla_review_date"] <= due["clar_cla_review_due_date"]).sum()),
        "cla_coded": len(held),
        "cla_participated": int((_code(held["clar_cla_review_participation"]) != "PN7").sum()),
        "cp_due": len(cp_due),
        "cp_on_time": int((cp_due["cppr_cp_review_date"] <= cp_due["cppr_cp_review_due"]).sum()),
    }
    return Figures(counts, percents, care_leavers, reviews)
