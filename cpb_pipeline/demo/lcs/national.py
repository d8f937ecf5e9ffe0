"""One month's extract the size of England: plausible, not calibrated, and quick.

For load-testing the pipeline. Every child is drawn at once with numpy rather than
simulated month by month: periods of care open at the month end or ended in the 24
months before it, CP and CIN plans likewise, each area's share as in the demo's
Appendix A month, and the same builders as the demo for episodes, reviews, health
checks and people. Care leavers are the children who left care at 16 or over, plus
older ones who left before the 24 months.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from cpb_pipeline.demo.lcs import extract, months, records, reference, targets
from cpb_pipeline.demo.lcs.records import OPEN
from cpb_pipeline.domain.profile import load_profile

YEAR = 365.25
LEAVERS_PER_MONTH = 58  # demo-sized: children leaving care each month
CP_ENDS_PER_MONTH = 150
CIN_ENDS_PER_MONTH = 290
OLDER_CARE_LEAVERS = 520  # demo-sized: care leavers who left care more than 24 months ago


def generate_national_month(out_dir: Path, month: str = "2019-08", scale: int = 40, seed: int = 1) -> Path:
    """One month's extract the size of England (~40x the demo: ~80,000 children looked after, matching
    CIN/CP plans, care leavers, reviews, people, involvements, health checks, with 24 months of
    history). Plausible, not calibrated. Must be fast."""
    profile = load_profile(require_inputs=False)
    m = months.index(month)
    end, taken = months.end_day(m), months.extraction_day(m)
    since = months.shift(end, -24)
    rng = np.random.default_rng(seed)
    areas = profile.areas
    column = targets.MONTHS.index(month) if month in targets.MONTHS else -1
    share = {k: np.array([t.get(a, (0,) * 13)[column] for a in areas], dtype=float)
             for k, t in targets.COUNTS.items()}
    all_teams = reference.teams(profile.districts, profile.other_area)
    picker = reference.TeamPicker(all_teams, areas)

    care = _periods(rng, scale * int(share["cla"].sum()), scale * LEAVERS_PER_MONTH * 24, end, since)
    care["area"] = rng.choice(len(areas), len(care), p=share["cla"] / share["cla"].sum())
    cp = _plans(rng, scale * int(share["cp_plans"].sum()), scale * CP_ENDS_PER_MONTH * 24, end, since, 9.5)
    cp["area"] = rng.choice(len(areas), len(cp), p=share["cp_plans"] / share["cp_plans"].sum())
    cin = _plans(rng, scale * int(share["cin_plans"].sum()), scale * CIN_ENDS_PER_MONTH * 24, end, since, 7.0)
    cin["area"] = rng.choice(len(areas), len(cin), p=share["cin_plans"] / share["cin_plans"].sum())
    cp["dob"] = _plan_dob(rng, cp, end, (0.12, 0.28, 0.29, 0.27, 0.04))
    cin["dob"] = _plan_dob(rng, cin, end, (0.05, 0.17, 0.26, 0.38, 0.14))
    leavers = _care_leavers(rng, care, scale * OLDER_CARE_LEAVERS, end, since)

    n_people = len(care) + len(cp) + len(cin) + int((leavers["period"] < 0).sum())
    ids = records.distinct_ids(rng, n_people, 8)
    care["person_id"] = ids[: len(care)]
    cp["person_id"] = ids[len(care): len(care) + len(cp)]
    cin["person_id"] = ids[len(care) + len(cp): len(care) + len(cp) + len(cin)]
    older = leavers["period"] < 0
    leavers.loc[older, "person_id"] = ids[len(care) + len(cp) + len(cin):]
    leavers.loc[~older, "person_id"] = care["person_id"].to_numpy()[leavers.loc[~older, "period"].to_numpy()]
    dob = np.concatenate([care["dob"], cp["dob"], cin["dob"], leavers.loc[older, "dob"]])
    sex = np.where(rng.random(n_people) < 0.53, "M", "F")
    ethnicity = reference.draw(rng, reference.ETHNICITY, n_people)

    care["cla_id"] = _serial(len(care), 60_000_001)
    cp["plan_id"] = _serial(len(cp), 40_000_001)
    episodes = records.episodes(rng, care, taken)
    cla_reviews = records.cla_reviews(rng, care, care["dob"].to_numpy(), taken)
    cla_reviews["clar_cla_id"] = care["cla_id"].to_numpy()[cla_reviews["_row"].to_numpy()]
    checks = records.free_checks(rng, care.assign(checked=rng.random(len(care)) < 0.998), taken, since)
    checks["_status_known"] = checks["_created"]
    cp_reviews = records.cp_reviews(rng, cp, taken)
    tables = {
        "ssd_person": records.person_table(rng, ids, dob, sex, ethnicity),
        "ssd_department": pd.DataFrame([(t.team_id, t.name, t.parent_id, t.parent_name) for t in all_teams],
                                       columns=extract.FILES["ssd_department"]),
        "ssd_involvements": _involvements(rng, picker, care, cp, cin, leavers, end),
        "ssd_cin_plans": pd.DataFrame({
            "cinp_cin_plan_id": _serial(len(cin), 30_000_001), "cinp_person_id": cin["person_id"],
            "cinp_cin_plan_start_date": cin["start"], "cinp_cin_plan_end_date": cin["end"],
            "cinp_cin_plan_team": picker.pick_many(rng, cin["area"].to_numpy(), reference.CIN),
            "_created": cin["start_created"], "_end_known": cin["end_known"]}),
        "ssd_cp_plans": pd.DataFrame({
            "cppl_cp_plan_id": cp["plan_id"], "cppl_person_id": cp["person_id"],
            "cppl_cp_plan_start_date": cp["start"], "cppl_cp_plan_end_date": cp["end"],
            "cppl_cp_plan_initial_category": reference.draw(rng, reference.CP_CATEGORIES, len(cp)),
            "cppl_cp_plan_latest_category": reference.draw(rng, reference.CP_CATEGORIES, len(cp)),
            "_created": cp["start_created"], "_end_known": cp["end_known"]}),
        "ssd_cla_episodes": _numbered(episodes, "clae_cla_episode_id", 50_000_001),
        "ssd_cla_health": _numbered(checks, "clah_health_check_id", 70_000_001),
        "ssd_cla_reviews": _numbered(cla_reviews, "clar_cla_review_id", 80_000_001),
        "ssd_cp_reviews": _numbered(cp_reviews, "cppr_cp_review_id", 90_000_001),
    }
    snapshot = _care_leaver_rows(rng, picker, care, leavers, end)
    frames = extract.view(extract.Master(tables, {m: snapshot}), m)
    folder = Path(out_dir) / month
    extract.write(frames, folder)
    return folder


def _serial(n: int, start: int) -> np.ndarray:
    return (np.arange(n) + start).astype(str).astype(object)


def _numbered(frame: pd.DataFrame, column: str, start: int) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    frame[column] = _serial(len(frame), start)
    return frame


def _periods(rng: np.random.Generator, n_open: int, n_ended: int, end: int, since: int) -> pd.DataFrame:
    """Periods of care open at the month end, and ended in the 24 months before it."""
    tenure = _mixture(rng, n_open, ((0.3, 1, 365), (0.25, 365, 730), (0.3, 730, 5 * 365), (0.15, 5 * 365, 15 * 365)))
    entry_open = end - tenure
    exit_ended = rng.integers(since + 1, end + 1, n_ended)
    length = _mixture(rng, n_ended, ((0.4, 3, 365), (0.35, 365, 4 * 365), (0.25, 4 * 365, 12 * 365)))
    entry = np.concatenate([entry_open, exit_ended - length])
    exit_ = np.concatenate([np.full(n_open, OPEN), exit_ended])
    age_open = _ages(rng, n_open, ((0.05, 0, 1), (0.14, 1, 5), (0.19, 5, 10), (0.39, 10, 16), (0.23, 16, 17.95)),
                     tenure / YEAR)
    on_birthday = rng.random(n_ended) < 0.28
    age_ended = _ages(rng, n_ended, ((0.07, 0, 1), (0.19, 1, 5), (0.13, 5, 10), (0.22, 10, 16), (0.1, 16, 17.95)),
                      length / YEAR)
    dob_ended = np.where(on_birthday, records.add_months(exit_ended, -216), exit_ended - (age_ended * YEAR).astype(int))
    dob = np.concatenate([end - (age_open * YEAR).astype("int64"), dob_ended])
    age_out = records.age_years(dob, np.minimum(exit_, end))
    reason = np.full(len(entry), "", dtype=object)
    groups = np.where(np.concatenate([np.zeros(n_open, bool), on_birthday]), "adult",
                      np.where(age_out < 5, "infant", np.where(age_out < 12, "child", "teen")))
    for group, table in reference.EXIT_REASONS.items():
        mask = (groups == group) & (exit_ < OPEN)
        reason[mask] = reference.draw(rng, table, int(mask.sum()))
    return pd.DataFrame({
        "entry": entry, "exit": exit_, "exit_reason": reason, "dob": dob,
        "entry_created": entry + records.lag(rng, len(entry), 3),
        "exit_known": np.where(exit_ < OPEN, exit_ + records.lag(rng, len(entry), 4), OPEN),
        "need": reference.draw(rng, reference.NEED_CODES, len(entry)),
    })


def _plans(rng: np.random.Generator, n_open: int, n_ended: int, end: int, since: int,
           mean_months: float) -> pd.DataFrame:
    """Plans open at the month end, and ended in the 24 months before it (lengths exponential)."""
    elapsed = (rng.exponential(mean_months * 30.4, n_open) + 1).astype("int64")
    finished = rng.integers(since + 1, end + 1, n_ended)
    length = (rng.exponential(mean_months * 30.4, n_ended) + 7).astype("int64")
    start = np.concatenate([end - elapsed, finished - length])
    stop = np.concatenate([np.full(n_open, OPEN), finished])
    return pd.DataFrame({
        "start": start, "end": stop, "start_created": start + records.lag(rng, len(start), 3),
        "end_known": np.where(stop < OPEN, stop + records.lag(rng, len(start), 4), OPEN),
    })


def _mixture(rng: np.random.Generator, n: int, parts) -> np.ndarray:
    weights = np.array([p[0] for p in parts])
    which = rng.choice(len(parts), n, p=weights / weights.sum())
    low, high = np.array([p[1] for p in parts])[which], np.array([p[2] for p in parts])[which]
    return (low + rng.random(n) * (high - low)).astype("int64")


def _ages(rng: np.random.Generator, n: int, bands, at_least: np.ndarray) -> np.ndarray:
    """Ages in years from (weight, low, high) bands, but never below at_least (+ a little), under 18."""
    age = _mixture(rng, n, [(w, lo * 1000, hi * 1000) for w, lo, hi in bands]) / 1000
    floor = np.minimum(at_least + 0.05, 17.9)
    return np.where(age < floor, floor + rng.random(n) * (17.95 - floor), age)


def _plan_dob(rng: np.random.Generator, plans: pd.DataFrame, end: int, weights) -> np.ndarray:
    bands = list(zip(weights, (0, 1, 5, 10, 16), (1, 5, 10, 16, 17.5)))
    stop = np.minimum(plans["end"].to_numpy(), end)
    age = _ages(rng, len(plans), bands, (stop - plans["start"].to_numpy()) / YEAR)
    return stop - (age * YEAR).astype("int64")


def _care_leavers(rng: np.random.Generator, care: pd.DataFrame, n_older: int, end: int, since: int) -> pd.DataFrame:
    """Children who left care at 16+ in the 24 months (period >= 0), and older care leavers (period -1)."""
    ended = care["exit"].to_numpy() < OPEN
    age = records.age_years(care["dob"].to_numpy(), np.minimum(care["exit"].to_numpy(), end))
    mine = np.flatnonzero(ended & (age >= 16))
    left = rng.integers(records.add_months(np.array([since]), -60)[0], since, n_older)
    older = pd.DataFrame({"period": -1, "left": left, "dob": records.add_months(left, -216)})
    recent = pd.DataFrame({"period": mine, "left": care["exit"].to_numpy()[mine], "dob": care["dob"].to_numpy()[mine]})
    out = pd.concat([recent, older], ignore_index=True)
    out["person_id"] = ""
    return out[records.age_years(out["dob"].to_numpy(), np.full(len(out), end)) < 25].reset_index(drop=True)


def _care_leaver_rows(rng: np.random.Generator, picker: reference.TeamPicker, care: pd.DataFrame,
                      leavers: pd.DataFrame, end: int) -> pd.DataFrame:
    """The month's ssd_care_leavers: the leavers by age, and children in care aged 16-17 (Eligible)."""
    n = len(leavers)
    age = records.age_years(leavers["dob"].to_numpy(), np.full(n, end))
    qualifying = rng.random(n) < 0.06
    status = np.where(qualifying, "Qualifying", np.where(age < 18, "Relevant", np.where(
        (age < 21) | (rng.random(n) < 0.3), "Former Relevant", "No Current Eligibility")))
    suitable = rng.random(n) < 0.9
    eet = rng.random(n) < 0.5
    touch = rng.random(n) < 0.86
    rows = pd.DataFrame({
        "clea_person_id": leavers["person_id"].to_numpy(), "clea_care_leaver_eligibility": status,
        "clea_care_leaver_in_touch": np.where(touch, "YES", reference.draw(rng, reference.NOT_IN_TOUCH, n)),
        "clea_care_leaver_latest_contact": np.where(touch, end - rng.integers(0, 75, n),
                                                    leavers["left"].to_numpy() + rng.integers(0, 60, n)),
        "clea_care_leaver_accommodation": np.where(suitable, reference.draw(rng, reference.ACCOMMODATION_SUITABLE, n),
                                                   reference.draw(rng, reference.ACCOMMODATION_UNSUITABLE, n)),
        "clea_care_leaver_accom_suitable": np.where(suitable, "Y", "N"),
        "clea_care_leaver_activity": np.where(eet, reference.draw(rng, reference.ACTIVITY_EET, n),
                                              reference.draw(rng, reference.ACTIVITY_NEET, n)),
        "clea_care_leaver_allocated_team": picker.pick_many(
            rng, rng.choice(picker.areas_with(reference.LEAVING), n), reference.LEAVING),
    })
    rows["clea_care_leaver_latest_contact"] = np.minimum(rows["clea_care_leaver_latest_contact"], end)
    in_care = care[care["exit"].to_numpy() >= OPEN]
    age = records.age_years(in_care["dob"].to_numpy(), np.full(len(in_care), end))
    since_14 = end - np.maximum(in_care["entry"].to_numpy(), records.add_months(in_care["dob"].to_numpy(), 168))
    eligible = in_care[(age >= 16) & (since_14 >= 91)]
    k = len(eligible)
    rows = pd.concat([rows, pd.DataFrame({
        "clea_person_id": eligible["person_id"].to_numpy(), "clea_care_leaver_eligibility": "Eligible",
        "clea_care_leaver_in_touch": "YES", "clea_care_leaver_latest_contact": end - rng.integers(0, 30, k),
        "clea_care_leaver_accommodation": "", "clea_care_leaver_accom_suitable": "Y",
        "clea_care_leaver_activity": reference.draw(rng, {"F2": 0.7, "P2": 0.1, "G5": 0.2}, k),
        "clea_care_leaver_allocated_team": picker.pick_many(rng, eligible["area"].to_numpy(), reference.LEAVING),
    })], ignore_index=True)
    rows["clea_table_id"] = _serial(len(rows), 11_000_001)
    return rows


def _involvements(rng: np.random.Generator, picker, care: pd.DataFrame, cp: pd.DataFrame, cin: pd.DataFrame,
                  leavers: pd.DataFrame, end: int) -> pd.DataFrame:
    """One allocation per period or plan; a third of periods of care change team part way."""
    parts = []
    for frame, start, stop, service, known in ((care, "entry", "exit", reference.CLA, "entry_created"),
                                               (cp, "start", "end", reference.CP, "start_created"),
                                               (cin, "start", "end", reference.CIN, "start_created")):
        begin, finish = frame[start].to_numpy(), frame[stop].to_numpy()
        moved = (rng.random(len(frame)) < (0.33 if service == reference.CLA else 0.0)) & (
            np.minimum(finish, end) - begin > 60)
        room = np.maximum(np.minimum(finish, end) - begin - 60, 1)
        cut = begin + 30 + (rng.random(len(frame)) * room).astype("int64")
        first_end = np.where(moved, cut, finish)
        parts.append(pd.DataFrame({
            "invo_person_id": frame["person_id"].to_numpy(),
            "invo_professional_team": picker.pick_many(rng, frame["area"].to_numpy(), service),
            "invo_involvement_start_date": begin, "invo_involvement_end_date": first_end,
            "_created": frame[known].to_numpy(),
            "_end_known": np.where(first_end < OPEN, first_end + records.lag(rng, len(frame), 5), OPEN)}))
        later = frame[moved]
        parts.append(pd.DataFrame({
            "invo_person_id": later["person_id"].to_numpy(),
            "invo_professional_team": picker.pick_many(rng, later["area"].to_numpy(), service),
            "invo_involvement_start_date": cut[moved], "invo_involvement_end_date": finish[moved],
            "_created": cut[moved] + records.lag(rng, len(later), 3),
            "_end_known": np.where(finish[moved] < OPEN, finish[moved] + records.lag(rng, len(later), 5), OPEN)}))
    advised = leavers[leavers["left"].to_numpy() > 0]
    parts.append(pd.DataFrame({
        "invo_person_id": advised["person_id"].to_numpy(),
        "invo_professional_team": picker.pick_many(rng, rng.choice(picker.areas_with(reference.LEAVING), len(advised)),
                                                   reference.LEAVING),
        "invo_involvement_start_date": advised["left"].to_numpy(), "invo_involvement_end_date": OPEN,
        "_created": advised["left"].to_numpy() + 5, "_end_known": OPEN}))
    out = pd.concat(parts, ignore_index=True)
    out["invo_professional_role_id"] = np.where(out.index < len(out) - len(advised), "Allocated Social Worker",
                                                "Personal Adviser")
    out = out.sort_values(["invo_involvement_start_date", "invo_person_id"], kind="stable")
    return _numbered(out, "invo_involvements_id", 20_000_001)
