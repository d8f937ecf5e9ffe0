"""Orchestration: plan, simulate, date, calibrate, then write one extract per month.

The whole history is simulated once (from April 2016, so that every extract has its
24 months of records); each month's extract is then the part of it LCS knew about at
that month's extraction date. Before writing, the generator computes each month's
figures from exactly what it is about to write and stops if any misses the seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from cpb_pipeline.demo.lcs import (
    care_leavers,
    caseload,
    extract,
    figures,
    health,
    history,
    months,
    plan,
    records,
    reference,
    reviews,
    targets,
)
from cpb_pipeline.domain.profile import Profile, load_profile

SIMULATION_START = "2016-04"  # the first month end simulated: 24 months before the first extract
FIRST_EXTRACT, LAST_EXTRACT = "2018-04", targets.MONTHS[-1]
SHORT_TERM = ("EAST Team", "Exploitation")  # with the other area: tiny teams whose percentages swing 0-100
DUTY = "EAST Team"  # the short-term team new children in care start with
NEVER_CHECKED = 40  # children in care a few months who never had a health check (a data-quality warning)
DEMO_SEED = 20190917  # the seed board's date


class CalibrationError(RuntimeError):
    """The generated data would not reproduce a seed figure."""


@dataclass(frozen=True)
class Durations:
    """Plan lengths in months: (shortest, longest, weight) buckets, uniform within a bucket."""

    buckets: tuple[tuple[int, int, float], ...]

    def __call__(self, rng: np.random.Generator) -> int:
        weights = np.array([w for *_, w in self.buckets])
        lo, hi, _ = self.buckets[int(rng.choice(len(self.buckets), p=weights / weights.sum()))]
        return int(rng.integers(lo, hi + 1))


CP_LENGTHS = Durations(((1, 3, 0.18), (4, 6, 0.22), (7, 12, 0.36), (13, 24, 0.19), (25, 36, 0.05)))
CIN_LENGTHS = Durations(((1, 3, 0.25), (4, 6, 0.3), (7, 12, 0.3), (13, 24, 0.15)))
SPECIAL_LENGTHS = {
    "MASH": Durations(((1, 2, 1.0),)),
    "EAST Team": Durations(((1, 3, 1.0),)),
    "Central Team": Durations(((1, 3, 1.0),)),
    "Exploitation": Durations(((3, 9, 1.0),)),
    "SEND": Durations(((6, 48, 1.0),)),
}


def generate_lcs_extracts(
    out_dir: Path, first_month: str = FIRST_EXTRACT, last_month: str = LAST_EXTRACT, seed: int = DEMO_SEED
) -> list[Path]:
    """Write out_dir/YYYY-MM/<the 10 ssd_*.csv files> for every month; return the month folders.

    Months run from 2018-04 (the first with 24 months of simulated history) to 2019-08
    (the last the seed calibrates). Same seed, same bytes.
    """
    first, last = months.index(first_month), months.index(last_month)
    if not months.index(FIRST_EXTRACT) <= first <= last <= months.index(LAST_EXTRACT):
        raise ValueError(f"months must run within {FIRST_EXTRACT}..{LAST_EXTRACT}, got {first_month}..{last_month}")
    profile = load_profile(require_inputs=False)
    master = build_master(seed, profile)
    folders, tallies = [], {}
    for m in range(first, last + 1):
        frames = extract.view(master, m)
        check_month(frames, m, profile)
        tallies[m] = figures.review_tallies(frames, m)
        folder = Path(out_dir) / months.label(m)
        extract.write(frames, folder)
        folders.append(folder)
    check_review_year(tallies)
    return folders


def build_master(seed: int, profile: Profile) -> extract.Master:
    """The whole simulated history, every fact with the day LCS learnt it."""
    areas = profile.areas
    index = {a: i for i, a in enumerate(areas)}
    other = index[profile.other_area]
    rng = np.random.default_rng(seed)
    t0, first, last = (months.index(m) for m in (SIMULATION_START, FIRST_EXTRACT, LAST_EXTRACT))
    horizon = months.extraction_day(last)

    cells = plan.plan_health_cells(areas)
    cla_counts = plan.count_targets("cla", areas, t0, rng)
    denominators = plan.denominator_targets(cla_counts, cells, areas)
    short_term = [index[a] for a in SHORT_TERM if a in index] + [other]
    care = caseload.simulate_care(rng, cla_counts, denominators, short_term, index.get(DUTY))
    lengths = lambda default: [SPECIAL_LENGTHS.get(a, default) for a in areas]  # noqa: E731
    cp = caseload.simulate_plans(rng, plan.count_targets("cp_plans", areas, t0, rng), lengths(CP_LENGTHS))
    cin = caseload.simulate_plans(rng, plan.count_targets("cin_plans", areas, t0, rng), lengths(CIN_LENGTHS))
    all_teams = reference.teams(profile.districts, profile.other_area)
    picker = reference.TeamPicker(all_teams, areas)
    hist = history.build(rng, care, cp, cin, t0, last, picker, index.get(DUTY), other)
    periods = hist.periods.copy()
    checks = _health_checks(rng, hist, periods, cells, areas, horizon, t0)

    def leaving_team(rng_: np.random.Generator, period: int | None) -> str:
        area = (int(rng_.choice(picker.areas_with(reference.LEAVING))) if period is None
                else hist.care[period].spells[-1][2] if period < len(hist.care) else other)
        return picker.pick(rng_, area, reference.LEAVING)

    leavers = care_leavers.leavers(rng, periods, leaving_team, t0)
    people = _add_earlier_leavers(rng, hist.people, leavers)
    person_ids = records.distinct_ids(rng, len(people), 7)
    eligible = {m: _eligible(rng, periods, picker, m, other, hist) for m in range(first, last + 1)}
    snapshots = care_leavers.snapshots(rng, leavers, eligible, first, last)

    # identifiers are fixed-width, so that text and number order agree
    periods["cla_id"] = [str(6_000_001 + i) for i in range(len(periods))]
    periods["pid"] = person_ids[periods["person_id"].to_numpy()]
    episodes = records.episodes(rng, periods.assign(person_id=periods["pid"]), horizon)
    cla_reviews = records.cla_reviews(rng, periods, periods["dob"].to_numpy(), horizon)
    cla_reviews = reviews.key_in(rng, cla_reviews, "clar_cla_review_due_date", "clar_cla_review_date",
                                 targets.CLA_REVIEWS_DUE, targets.CLA_REVIEWS_ON_TIME, first, last)
    cla_reviews = reviews.participation(rng, cla_reviews)
    cp_plans = hist.cp_plans.assign(plan_id=[str(4_000_001 + i) for i in range(len(hist.cp_plans))],
                                    person_id=person_ids[hist.cp_plans["person_id"].to_numpy()])
    cp_reviews = records.cp_reviews(rng, cp_plans, horizon)
    cp_reviews = reviews.key_in(rng, cp_reviews, "cppr_cp_review_due", "cppr_cp_review_date",
                                None, targets.CP_REVIEWS_IN_TIMESCALE, first, last)
    allocations = pd.concat([hist.allocations, _advisers(leavers, rng)], ignore_index=True)
    cin_plans = hist.cin_plans

    tables = {
        "ssd_person": records.person_table(rng, person_ids, people["dob"].to_numpy(), people["sex"].to_numpy(),
                                           people["ethnicity"].to_numpy()),
        "ssd_department": pd.DataFrame([(t.team_id, t.name, t.parent_id, t.parent_name) for t in all_teams],
                                       columns=extract.FILES["ssd_department"]),
        "ssd_involvements": _involvements(allocations, person_ids),
        "ssd_cin_plans": pd.DataFrame({
            "cinp_cin_plan_id": [str(3_000_001 + i) for i in range(len(cin_plans))],
            "cinp_person_id": person_ids[cin_plans["person_id"].to_numpy()],
            "cinp_cin_plan_start_date": cin_plans["start"], "cinp_cin_plan_end_date": cin_plans["end"],
            "cinp_cin_plan_team": cin_plans["team"].fillna(""), "_created": cin_plans["start_created"],
            "_end_known": cin_plans["end_known"]}),
        "ssd_cp_plans": pd.DataFrame({
            "cppl_cp_plan_id": cp_plans["plan_id"], "cppl_person_id": cp_plans["person_id"],
            "cppl_cp_plan_start_date": cp_plans["start"], "cppl_cp_plan_end_date": cp_plans["end"],
            "cppl_cp_plan_initial_category": cp_plans["initial"], "cppl_cp_plan_latest_category": cp_plans["latest"],
            "_created": cp_plans["start_created"], "_end_known": cp_plans["end_known"]}),
        "ssd_cla_episodes": _numbered(
            episodes.sort_values(["clae_cla_episode_start_date", "clae_cla_id"], kind="stable"),
            "clae_cla_episode_id", 5_000_001),
        "ssd_cla_health": _numbered(
            checks.assign(clah_person_id=periods["pid"].to_numpy()[checks["_period"].to_numpy()]).sort_values(
                ["clah_health_check_date", "_period", "clah_health_check_type"], kind="stable"),
            "clah_health_check_id", 7_000_001),
        "ssd_cla_reviews": _numbered(cla_reviews.assign(clar_cla_id=periods["cla_id"].to_numpy()[cla_reviews["_row"]])
                                     .sort_values(["clar_cla_review_due_date", "clar_cla_id"], kind="stable"),
                                     "clar_cla_review_id", 8_000_001),
        "ssd_cp_reviews": _numbered(cp_reviews.sort_values(["cppr_cp_review_due", "cppr_cp_plan_id"], kind="stable"),
                                    "cppr_cp_review_id", 9_000_001),
    }
    table_id = {pid: str(1_100_001 + i) for i, pid in enumerate(person_ids)}
    care_leaver_rows = {}
    for m, snap in snapshots.items():
        snap = snap.assign(clea_person_id=person_ids[snap["clea_person_id"].to_numpy()])
        care_leaver_rows[m] = snap.assign(clea_table_id=snap["clea_person_id"].map(table_id))
    for name, table in [*tables.items(), *(("ssd_care_leavers", t) for t in care_leaver_rows.values())]:
        if bad := extract.unsafe_text(table):
            raise CalibrationError(f"{name}: text the CSV writer cannot print as is in {bad}")
    return extract.Master(tables, care_leaver_rows)


def _health_checks(rng: np.random.Generator, hist: history.History, periods: pd.DataFrame, cells, areas,
                   horizon: int, t0: int) -> pd.DataFrame:
    """Calibrated checks for children in the denominators, the usual rhythm for everyone else (a
    few never checked), and the appointments cancelled or refused along the way."""
    n_care = len(hist.care)
    checks, covered = health.calibrate(rng, hist.care, periods["dob"].to_numpy()[:n_care], cells, areas)
    free = periods[~periods.index.isin(covered)]
    longer = free.index[(free["key"] > 0) & (np.minimum(free["exit"], horizon) - free["entry"] > 60)]
    unchecked = set(rng.choice(longer, NEVER_CHECKED, replace=False).tolist())
    usual = records.free_checks(rng, pd.DataFrame({
        "person_id": free.index, "entry": free["entry"], "exit": free["exit"], "dob": free["dob"],
        "checked": ~free.index.isin(unchecked)}), horizon, months.first_day(t0))
    usual = usual.rename(columns={"clah_person_id": "_period"}).assign(_status_known=usual["_created"])
    every = pd.concat([checks, usual], ignore_index=True)
    return pd.concat([every, health.extra_rows(rng, every, periods)], ignore_index=True)


def _add_earlier_leavers(rng: np.random.Generator, people: pd.DataFrame,
                         leavers: list[care_leavers.Leaver]) -> pd.DataFrame:
    """People for the care leavers who left care before the simulation."""
    earlier = [p for p in leavers if p.person < 0]
    for i, p in enumerate(earlier):
        p.person = len(people) + i
    return pd.concat([people, pd.DataFrame({
        "person": [p.person for p in earlier], "dob": [p.dob for p in earlier],
        "sex": np.where(rng.random(len(earlier)) < 0.55, "M", "F"),
        "ethnicity": reference.draw(rng, reference.ETHNICITY, len(earlier)), "uasc": False})], ignore_index=True)


def _numbered(frame: pd.DataFrame, column: str, start: int) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    frame[column] = [str(start + i) for i in range(len(frame))]
    return frame


def _involvements(allocations: pd.DataFrame, person_ids: np.ndarray) -> pd.DataFrame:
    a = allocations.sort_values(["start", "person_id", "order"], kind="stable").reset_index(drop=True)
    return pd.DataFrame({
        "invo_involvements_id": [str(2_000_001 + i) for i in range(len(a))],
        "invo_person_id": person_ids[a["person_id"].to_numpy()],
        "invo_professional_team": a["team"], "invo_professional_role_id": a["role"],
        "invo_involvement_start_date": a["start"], "invo_involvement_end_date": a["end"],
        "_created": a["created"], "_end_known": a["end_known"],
    })


def _advisers(leavers: list[care_leavers.Leaver], rng: np.random.Generator) -> pd.DataFrame:
    """A personal adviser from the leaving care team, from the day a young person leaves care to 21."""
    rows = []
    for p in leavers:
        if p.qualifying:
            continue
        start = p.left + int(rng.integers(0, 20))
        rows.append((p.person, p.team, "Personal Adviser", start, p.turns_21, max(start, p.known),
                     p.turns_21 + int(rng.integers(0, 30)), 1))
    return pd.DataFrame(rows, columns=["person_id", "team", "role", "start", "end", "created", "end_known", "order"])


def _eligible(rng: np.random.Generator, periods: pd.DataFrame, picker: reference.TeamPicker, m: int, other: int,
              hist: history.History) -> pd.DataFrame:
    """Children in care at the extraction aged 16-17 with 13 weeks in care since 14: 'Eligible'."""
    end, x = months.end_day(m), months.extraction_day(m)
    open_ = (periods["entry_created"] <= x) & (periods["entry"] <= end) & ~(
        (periods["exit_known"] <= x) & (periods["exit"] <= end))
    p = periods[open_]
    age = records.age_years(p["dob"].to_numpy(), np.full(len(p), end))
    fourteen = records.add_months(p["dob"].to_numpy(), 168)
    since = end - np.maximum(p["entry"].to_numpy(), fourteen)
    p = p[(age >= 16) & (age < 18) & (since >= 91)]
    at_school = rng.random(len(p)) < 0.8
    activity = np.where(at_school, reference.draw(rng, reference.ACTIVITY_EET, len(p)),
                        reference.draw(rng, reference.ACTIVITY_NEET, len(p)))
    activity[at_school & np.isin(activity, ["F1", "P1"])] = "F2"  # 16-17: not yet in higher education
    return pd.DataFrame({"clea_person_id": p["person_id"].to_numpy(), "activity": activity,
                         "clea_care_leaver_allocated_team": [
                             picker.pick(rng, hist.care[i].stay.area_at(m) if i < len(hist.care) else other,
                                         reference.LEAVING) for i in p.index]})


def check_month(frames: dict[str, pd.DataFrame], m: int, profile: Profile) -> None:
    """Stop unless the month's extract is sound and, in Appendix A's months, reproduces the seed."""
    problems = figures.integrity(frames)
    label = months.label(m)
    if label in targets.MONTHS:
        i = targets.MONTHS.index(label)
        got = figures.month_figures(frames, m, list(profile.districts), profile.other_area)
        rows = [targets.AUTHORITY, *profile.areas]
        for indicator, table in targets.COUNTS.items():
            for area in rows:
                wanted = table.get(area, (0,) * 13)[i]
                if got[(indicator, area)] != wanted:
                    problems.append(f"{indicator} {area}: {got[(indicator, area)]}, seed {wanted}")
        for indicator, table in targets.PERCENTAGES.items():
            for area in table:
                k, n = got[(indicator, area)]
                if not plan.calibrated(indicator, label, area):
                    continue
                if not plan.reaches(k, n, table[area][i]):
                    problems.append(f"{indicator} {area}: {k}/{n}, seed {table[area][i]} %")
        n = got[("care_leavers", "")]
        if n != targets.CARE_LEAVERS[i]:
            problems.append(f"care_leavers: {n}, seed {targets.CARE_LEAVERS[i]}")
        for indicator, series in targets.CARE_LEAVER_PERCENTAGES.items():
            k, _ = got[(indicator, "")]
            if k != plan.nearest_reaching(n, series[i]):
                problems.append(f"{indicator}: {k}/{n}, seed {series[i]} %")
    if problems:
        raise CalibrationError(f"extract {label}: " + "; ".join(problems))


def check_review_year(tallies: dict[int, dict[str, int]]) -> None:
    year = range(months.index(targets.REVIEW_YEAR[0]), months.index(targets.REVIEW_YEAR[1]) + 1)
    if not all(m in tallies for m in year):
        return
    total = {k: sum(tallies[m][k] for m in year) for k in tallies[year[0]]}
    wanted = {"cla_due": targets.CLA_REVIEWS_DUE, "cla_on_time": targets.CLA_REVIEWS_ON_TIME}
    problems = [f"{k}: {total[k]}, wanted {v}" for k, v in wanted.items() if total[k] != v]
    if not plan.reaches(total["cp_on_time"], total["cp_due"], targets.CP_REVIEWS_IN_TIMESCALE):
        problems.append(f"CP reviews in timescale {total['cp_on_time']}/{total['cp_due']}")
    if not plan.reaches(total["cla_participating"], total["cla_held_coded"], targets.CLA_REVIEW_PARTICIPATION):
        problems.append(f"participation {total['cla_participating']}/{total['cla_held_coded']}")
    if problems:
        raise CalibrationError("review year 2018/19: " + "; ".join(problems))
