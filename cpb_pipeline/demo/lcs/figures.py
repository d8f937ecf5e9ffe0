"""The figures of docs/indicators.md of one extract, as the generator checks its own output.

Computed from the very frames the writer is about to print (dates as day numbers), so
a miss stops the generator before a wrong demo reaches the pipeline. The test suite
has its own, independent implementation that reads the CSV files.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cpb_pipeline.demo.lcs import extract, months, records, targets

EET = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5")


def _open(frame: pd.DataFrame, start: str, end: str, day: int) -> pd.DataFrame:
    return frame[(frame[start].to_numpy() <= day) & (frame[end].to_numpy() > day)]


def _area_of(frames: dict[str, pd.DataFrame], day: int, districts: list[str], other: str) -> dict[str, str]:
    """Person -> area by the open involvement with the latest start (ties: greatest id)."""
    inv = _open(frames["ssd_involvements"], "invo_involvement_start_date", "invo_involvement_end_date", day)
    inv = inv.assign(_id=inv["invo_involvements_id"].astype("int64"))
    inv = inv.sort_values(["invo_person_id", "invo_involvement_start_date", "_id"]).drop_duplicates(
        "invo_person_id", keep="last")
    return dict(zip(inv["invo_person_id"], _team_area(frames, inv["invo_professional_team"], districts, other)))


def _team_area(frames, teams: pd.Series, districts: list[str], other: str) -> list[str]:
    dept = frames["ssd_department"].set_index("dept_team_id")["dept_team_parent_name"]
    parents = teams.map(dept)
    return [p if p in districts else other for p in parents]


def month_figures(frames: dict[str, pd.DataFrame], m: int, districts: list[str], other: str) -> dict:
    """{(indicator, area): count, or (numerator, denominator) for a percentage}; care leavers have area ''."""
    end = months.end_day(m)
    out: dict = {}
    area_of = _area_of(frames, end, districts, other)
    areas = [*districts, other]

    def count(indicator: str, people: pd.Series, where: list[str]) -> None:
        tally = pd.Series(where, dtype=object).value_counts()
        for a in areas:
            out[(indicator, a)] = int(tally.get(a, 0))
        out[(indicator, targets.AUTHORITY)] = len(people)

    cla = _open(frames["ssd_cla_episodes"], "clae_cla_episode_start_date", "clae_cla_episode_ceased_date", end)
    cla = cla.drop_duplicates("clae_person_id")
    count("cla", cla["clae_person_id"], [area_of.get(p, other) for p in cla["clae_person_id"]])
    cp = _open(frames["ssd_cp_plans"], "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", end)
    cp = cp.drop_duplicates("cppl_person_id")
    count("cp_plans", cp["cppl_person_id"], [area_of.get(p, other) for p in cp["cppl_person_id"]])
    cin = _open(frames["ssd_cin_plans"], "cinp_cin_plan_start_date", "cinp_cin_plan_end_date", end)
    cin = cin.sort_values(["cinp_person_id", "cinp_cin_plan_start_date"]).drop_duplicates("cinp_person_id", keep="last")
    count("cin_plans", cin["cinp_person_id"], _team_area(frames, cin["cinp_cin_plan_team"], districts, other))

    year_ago = months.shift(end, -12)
    long = cla[cla["clae_entered_care_date"].to_numpy() <= year_ago]
    dob = frames["ssd_person"].set_index("pers_person_id")["pers_dob"]
    under5 = records.age_years(long["clae_person_id"].map(dob).to_numpy(), np.full(len(long), end)) < 5
    checks = frames["ssd_cla_health"]
    done = checks[(checks["clah_health_check_status"] == "Completed") & (checks["clah_health_check_date"] <= end)]
    recent = {}
    for kind, span in (("Health Assessment", 6), ("Health Assessment", 12), ("Dental Check", 12)):
        c = done[(done["clah_health_check_type"] == kind) & (done["clah_health_check_date"] > months.shift(end, -span))]
        recent[(kind, span)] = set(c["clah_person_id"])
    people = long["clae_person_id"].to_numpy()
    health = np.array([p in recent[("Health Assessment", 6 if u else 12)] for p, u in zip(people, under5)], dtype=bool)
    dental = np.array([p in recent[("Dental Check", 12)] for p in people], dtype=bool)
    where = np.array([area_of.get(p, other) for p in people], dtype=object)
    for indicator, ok in (("cla_health_assessment", health), ("cla_dental_check", dental)):
        for a in [*areas, targets.AUTHORITY]:
            mask = np.ones(len(people), dtype=bool) if a == targets.AUTHORITY else where == a
            out[(indicator, a)] = (int(ok[mask].sum()), int(mask.sum()))

    leavers = frames["ssd_care_leavers"]
    counted = leavers[leavers["clea_care_leaver_eligibility"].isin(["Relevant", "Former Relevant"])]
    n = len(counted)
    out[("care_leavers", "")] = n
    touch = counted["clea_care_leaver_in_touch"] == "YES"
    if m >= months.index(targets.IN_TOUCH_CONTACT_RULE_FROM):
        contact = counted["clea_care_leaver_latest_contact"].to_numpy()
        touch &= (contact > months.shift(end, -2)) & (contact <= end)
    for indicator, ok in (("care_leavers_suitable_accommodation", counted["clea_care_leaver_accom_suitable"] == "Y"),
                          ("care_leavers_eet", counted["clea_care_leaver_activity"].isin(EET)),
                          ("care_leavers_in_touch", touch)):
        out[(indicator, "")] = (int(ok.sum()), n)
    return out


def review_tallies(frames: dict[str, pd.DataFrame], m: int) -> dict[str, int]:
    """Counts behind the month's review figures: due, on time, held with a code, participating."""
    first, end = months.first_day(m), months.end_day(m)
    cla = frames["ssd_cla_reviews"]
    due = cla[(cla["clar_cla_review_cancelled"] == "N") & (cla["clar_cla_review_due_date"] >= first)
              & (cla["clar_cla_review_due_date"] <= end)]
    held = cla[(cla["clar_cla_review_date"] >= first) & (cla["clar_cla_review_date"] <= end)
               & cla["clar_cla_review_participation"].isin([f"PN{i}" for i in range(1, 8)])]
    cp = frames["ssd_cp_reviews"]
    cp_due = cp[(cp["cppr_cp_review_due"] >= first) & (cp["cppr_cp_review_due"] <= end)]
    return {
        "cla_due": len(due),
        "cla_on_time": int((due["clar_cla_review_date"] <= due["clar_cla_review_due_date"]).sum()),
        "cla_held_coded": len(held),
        "cla_participating": int((held["clar_cla_review_participation"] != "PN7").sum()),
        "cp_due": len(cp_due),
        "cp_on_time": int((cp_due["cppr_cp_review_date"] <= cp_due["cppr_cp_review_due"]).sum()),
    }


def integrity(frames: dict[str, pd.DataFrame]) -> list[str]:
    """Broken references, duplicate ids and reversed spans (none may ever be written)."""
    problems = []
    people = set(frames["ssd_person"]["pers_person_id"])
    teams = set(frames["ssd_department"]["dept_team_id"])
    for name, frame in frames.items():
        key = extract.FILES[name][0]
        if frame[key].duplicated().any():
            problems.append(f"{name}: duplicate {key}")
        for col in frame.columns:
            if col.endswith("person_id") and not set(frame[col]) <= people:
                problems.append(f"{name}: {col} names someone not in ssd_person")
    for name, col in (("ssd_involvements", "invo_professional_team"), ("ssd_cin_plans", "cinp_cin_plan_team"),
                      ("ssd_care_leavers", "clea_care_leaver_allocated_team")):
        used = {t for t in frames[name][col] if isinstance(t, str) and t}
        if not used <= teams:
            problems.append(f"{name}: {col} names a team not in ssd_department")
    if not set(frames["ssd_cla_reviews"]["clar_cla_id"]) <= set(frames["ssd_cla_episodes"]["clae_cla_id"]):
        problems.append("ssd_cla_reviews: a review of a period of care with no episode in the extract")
    plans = frames["ssd_cp_plans"].set_index("cppl_cp_plan_id")["cppl_person_id"]
    reviews = frames["ssd_cp_reviews"]
    if not set(reviews["cppr_cp_plan_id"]) <= set(plans.index):
        problems.append("ssd_cp_reviews: a review of a plan not in the extract")
    elif (reviews["cppr_cp_plan_id"].map(plans) != reviews["cppr_person_id"]).any():
        problems.append("ssd_cp_reviews: a review names another child than its plan")
    for name, (start, stop) in (("ssd_involvements", ("invo_involvement_start_date", "invo_involvement_end_date")),
                                ("ssd_cin_plans", ("cinp_cin_plan_start_date", "cinp_cin_plan_end_date")),
                                ("ssd_cp_plans", ("cppl_cp_plan_start_date", "cppl_cp_plan_end_date")),
                                ("ssd_cla_episodes", ("clae_cla_episode_start_date", "clae_cla_episode_ceased_date"))):
        f = frames[name]
        if (f[stop].to_numpy() < f[start].to_numpy()).any():
            problems.append(f"{name}: an end before its start")
    ep = frames["ssd_cla_episodes"]
    if (ep["clae_cla_episode_start_date"].to_numpy() < ep["clae_entered_care_date"].to_numpy()).any():
        problems.append("ssd_cla_episodes: an episode before its period of care")
    return problems

