"""Monthly LCS extracts for a fictional authority: one simulated history, a view per month.

Periods of care, CP plans and CIN plans arrive as a steady stream long before the first
extract's 24-month window (periods of care from 18 years before it), with lengths drawn
from mixtures, at the arrival rate that gives the authority's levels per 10,000 children
(`levels.Levels`) in the steady state. The demo's shared builders (`demo.lcs.records`)
lay out episodes, reviews and health checks, and `demo.lcs.extract.view` cuts each
month's extract from the one history as LCS knew it at the extraction date: every record
open at any time in the 24 months to the month end and every person those records name.
So a child keeps their ids from month to month, and counts move by the month's flows.

Care leavers are the simulated children who left care at 16 or over after 13 weeks in care
since 14: Relevant to 18, Former Relevant to 21 (25 for some on extended support); a share
are listed as Qualifying instead so that care leavers number about `care_leaver_ratio`
times the children looked after. Their contact, accommodation and activity persist from
month to month with occasional changes.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from cpb_pipeline.demo.lcs import extract, months, records, reference
from cpb_pipeline.demo.lcs.records import OPEN
from cpb_pipeline.demo.synthetic.authority import SyntheticAuthority
from cpb_pipeline.demo.synthetic.levels import Levels
from cpb_pipeline.domain.lcs import TABLES

YEAR = 365.25
NAMES = ("pers_forename", "pers_surname", "pers_upn")
"""Direct identifiers a real extract carries in ssd_person; the pipeline never reads them."""
NO_TEAM = 0.02  # children looked after or on a plan with no allocated worker
MOVED_TEAM = 0.3  # periods of care that change team part way
EXTENDED = 0.15  # care leavers who take up support from 21 to 25
CHANGE = 0.12  # monthly turnover of a care leaver's contact, accommodation and activity states
CARE_ENTRY_AGES = ((0.19, 0, 1), (0.16, 1, 5), (0.18, 5, 10), (0.37, 10, 16), (0.10, 16, 17.8))
CARE_LENGTHS = ((0.3, 7, 180), (0.3, 180, 730), (0.4, 730, 4000))
CP_AGES = ((0.3, 0, 5), (0.3, 5, 10), (0.32, 10, 15), (0.08, 15, 17.5))
CP_LENGTHS = ((0.2, 30, 120), (0.5, 120, 365), (0.25, 365, 730), (0.05, 730, 1100))
CIN_AGES = ((0.2, 0, 5), (0.27, 5, 10), (0.38, 10, 15), (0.15, 15, 17.5))
CIN_LENGTHS = ((0.35, 30, 120), (0.45, 120, 365), (0.2, 365, 900))


@dataclass
class History:
    """What the IRO workbooks need from the simulation: who was open when, and where."""

    cla: pd.DataFrame  # person_id, start, end, known (keyed in), area (index into areas)
    cp: pd.DataFrame
    month_end_children: dict[str, tuple[int, int]]  # month -> (children looked after, children on CP plans)
    areas: list[str]


def generate(authority: SyntheticAuthority, levels: Levels, root: Path) -> History:
    """Write `root/YYYY-MM/ssd_*.csv` for every month of the authority; return the history for the IRO workbooks."""
    rng = np.random.default_rng(authority.seed)
    first, last = months.index(authority.first_month), months.index(authority.last_month)
    horizon = months.extraction_day(last)
    first_end = months.end_day(first)
    since = months.shift(first_end, -24)
    population = authority.population_at(months.date_of(first_end))
    areas = [*authority.districts, authority.other_area]
    teams = reference.teams(list(authority.districts), authority.other_area)
    picker = reference.TeamPicker(teams, areas)
    weights = rng.dirichlet(np.full(len(authority.districts), 8.0)) * (1 - levels.other_area_share)
    share = np.append(weights, levels.other_area_share)

    def target(rate: float) -> float:
        return rate * population / 10_000

    care = _stream(rng, target(levels.cla_rate), CARE_ENTRY_AGES, CARE_LENGTHS, since - int(18 * YEAR), horizon)
    cp = _stream(rng, target(levels.cp_rate), CP_AGES, CP_LENGTHS, since - 1200, horizon)
    cin = _stream(rng, target(levels.cin_rate), CIN_AGES, CIN_LENGTHS, since - 1000, horizon)
    cp, cin = cp[cp["end"] > since].reset_index(drop=True), cin[cin["end"] > since].reset_index(drop=True)
    for frame in (care, cp, cin):
        frame["area"] = rng.choice(len(areas), len(frame), p=share)
    _care_exits(rng, care)
    care["table_id"] = _serial(len(care), 11_000_001)
    care["leaving_team"] = picker.pick_many(rng, care["area"].to_numpy(), reference.LEAVING)
    care["eligible_activity"] = reference.draw(rng, {"F2": 0.7, "P2": 0.1, "G5": 0.2}, len(care))
    care["phase"] = rng.integers(0, 100, len(care))

    n_people = len(care) + len(cp) + len(cin)
    ids = records.distinct_ids(rng, n_people, 8)
    care["person_id"], cp["person_id"], cin["person_id"] = np.split(ids, [len(care), len(care) + len(cp)])
    care["cla_id"] = _serial(len(care), 60_000_001)
    cp["plan_id"] = _serial(len(cp), 40_000_001)
    dob = np.concatenate([care["dob"], cp["dob"], cin["dob"]])
    people = _people(rng, ids, dob, authority.la_code)

    shown = care[care["exit"] > since].reset_index(drop=True)
    episodes = records.episodes(rng, shown, horizon)
    cla_reviews = records.cla_reviews(rng, shown, shown["dob"].to_numpy(), horizon)
    checks = _health_checks(rng, shown, levels, horizon, since)
    tables = {
        "ssd_person": people,
        "ssd_department": pd.DataFrame([(t.team_id, t.name, t.parent_id, t.parent_name) for t in teams],
                                       columns=["dept_team_id", "dept_team_name", "dept_team_parent_id",
                                                "dept_team_parent_name"]),
        "ssd_cin_plans": pd.DataFrame({
            "cinp_cin_plan_id": _serial(len(cin), 30_000_001), "cinp_person_id": cin["person_id"],
            "cinp_cin_plan_start_date": cin["start"], "cinp_cin_plan_end_date": cin["end"],
            "cinp_cin_plan_team": np.where(rng.random(len(cin)) < 0.03, "",
                                           picker.pick_many(rng, cin["area"].to_numpy(), reference.CIN)),
            "_created": cin["known"], "_end_known": cin["end_known"]}),
        "ssd_cp_plans": pd.DataFrame({
            "cppl_cp_plan_id": cp["plan_id"], "cppl_person_id": cp["person_id"],
            "cppl_cp_plan_start_date": cp["start"], "cppl_cp_plan_end_date": cp["end"],
            "cppl_cp_plan_initial_category": reference.draw(rng, reference.CP_CATEGORIES, len(cp)),
            "cppl_cp_plan_latest_category": reference.draw(rng, reference.CP_CATEGORIES, len(cp)),
            "_created": cp["known"], "_end_known": cp["end_known"]}),
        "ssd_cla_episodes": _numbered(episodes, "clae_cla_episode_id", 50_000_001),
        "ssd_cla_health": _numbered(checks, "clah_health_check_id", 70_000_001),
        "ssd_cla_reviews": _numbered(cla_reviews, "clar_cla_review_id", 80_000_001),
        "ssd_cp_reviews": _numbered(records.cp_reviews(rng, cp, horizon), "cppr_cp_review_id", 90_000_001),
    }
    leavers, states = _leavers(rng, care, levels, first_end, last - first + 1)
    tables["ssd_involvements"] = _involvements(rng, picker, shown, cp, cin, leavers, since)
    snapshots = {m: _care_leaver_rows(leavers, {s: v[:, m - first] for s, v in states.items()}, shown, m)
                 for m in range(first, last + 1)}
    master = extract.Master(tables, snapshots)

    counts = {}
    for m in range(first, last + 1):
        frames = extract.view(master, m)
        write_month(frames, root / months.label(m))
        counts[months.label(m)] = (_open_children(frames, "ssd_cla_episodes", m),
                                   _open_children(frames, "ssd_cp_plans", m))
    pools = {name: pd.DataFrame({"person_id": f["person_id"], "start": f[start], "end": f[end], "known": f[known],
                                 "area": f["area"]})
             for name, f, start, end, known in (("cla", shown, "entry", "exit", "entry_created"),
                                                ("cp", cp, "start", "end", "known"))}
    return History(pools["cla"], pools["cp"], counts, areas)


# --- the streams of periods and plans ------------------------------------------------------------

def _mixture(rng: np.random.Generator, n: int, parts) -> np.ndarray:
    weights = np.array([p[0] for p in parts])
    which = rng.choice(len(parts), n, p=weights / weights.sum())
    low, high = np.array([p[1] for p in parts])[which], np.array([p[2] for p in parts])[which]
    return low + rng.random(n) * (high - low)


def _draw(rng: np.random.Generator, start: np.ndarray, ages, lengths) -> pd.DataFrame:
    """Ages at start and lengths for records starting on `start`; a record ends by the child's 18th birthday."""
    n = len(start)
    dob = start - (_mixture(rng, n, ages) * YEAR).astype("int64")
    eighteen = records.add_months(dob, 216)
    end = start + _mixture(rng, n, lengths).astype("int64")
    return pd.DataFrame({"start": start, "end": np.minimum(end, eighteen), "dob": dob, "adult": end >= eighteen})


def _stream(rng: np.random.Generator, open_target: float, ages, lengths, begin: int, horizon: int) -> pd.DataFrame:
    """Records arriving at a steady rate from `begin`, so that about `open_target` are open at any day after
    the longest length; ends after the horizon are not known yet (OPEN)."""
    pilot = _draw(rng, np.zeros(20_000, dtype="int64"), ages, lengths)
    rate = open_target / float((pilot["end"] - pilot["start"]).mean())
    n = int(rng.poisson(rate * (horizon - begin)))
    out = _draw(rng, np.sort(rng.integers(begin, horizon, n)), ages, lengths)
    out["known"] = out["start"] + records.lag(rng, n, 3)
    out["end_known"] = out["end"] + records.lag(rng, n, 4)
    future = out["end_known"].to_numpy() > horizon
    out.loc[future, ["end", "end_known"]] = OPEN
    out.loc[future, "adult"] = False
    return out[out["known"] <= horizon].reset_index(drop=True)


def _care_exits(rng: np.random.Generator, care: pd.DataFrame) -> None:
    """Columns `records.episodes` and `records.cla_reviews` read: entry, exit, why and when known, need."""
    care.rename(columns={"start": "entry", "end": "exit", "known": "entry_created", "end_known": "exit_known"},
                inplace=True)
    exit_ = care["exit"].to_numpy()
    age_out = records.age_years(care["dob"].to_numpy(), np.where(exit_ < OPEN, exit_, care["entry"].to_numpy()))
    group = np.where(care["adult"], "adult", np.where(age_out < 5, "infant", np.where(age_out < 12, "child", "teen")))
    reason = np.full(len(care), "", dtype=object)
    for name, table in reference.EXIT_REASONS.items():
        mask = (group == name) & (exit_ < OPEN)
        reason[mask] = reference.draw(rng, table, int(mask.sum()))
    care["exit_reason"] = reason
    care["need"] = reference.draw(rng, reference.NEED_CODES, len(care))


def _serial(n: int, start: int) -> np.ndarray:
    return (np.arange(n) + start).astype(str).astype(object)


def _numbered(frame: pd.DataFrame, column: str, start: int) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    frame[column] = _serial(len(frame), start)
    return frame


def _people(rng: np.random.Generator, ids: np.ndarray, dob: np.ndarray, la_code: str) -> pd.DataFrame:
    """ssd_person with obviously fake names and UPNs, as a real extract would carry real ones."""
    n = len(ids)
    sex = np.where(rng.random(n) < 0.53, "M", "F")
    fore = np.where(sex == "M", rng.choice(reference.FORENAMES["M"], n), rng.choice(reference.FORENAMES["F"], n))
    serial = pd.Series(np.arange(1, n + 1)).astype(str).str.zfill(6)
    return pd.DataFrame({
        "pers_person_id": ids, "pers_sex": sex, "pers_dob": dob,
        "pers_ethnicity": reference.draw(rng, reference.ETHNICITY, n),
        "pers_forename": fore, "pers_surname": ("Fakename" + serial).to_numpy(),
        "pers_upn": (f"FAKE{la_code}" + serial).to_numpy(),
    })


def _health_checks(rng: np.random.Generator, shown: pd.DataFrame, levels: Levels, horizon: int,
                   since: int) -> pd.DataFrame:
    stays = shown[["person_id", "entry", "exit", "dob"]].assign(checked=rng.random(len(shown)) < levels.health_checked)
    checks = records.free_checks(rng, stays, horizon, since)
    # free_checks gives dental checks to 90 % of checked children; keep the authority's share of those
    dental = checks["clah_health_check_type"].to_numpy() == records.DC
    person_keep = pd.Series(rng.random(len(shown)) < min(levels.dental_of_checked / 0.9, 1.0),
                            index=shown["person_id"].to_numpy())
    keep = ~dental | person_keep.reindex(checks["clah_person_id"].to_numpy()).to_numpy()
    checks = checks[keep].reset_index(drop=True)
    checks["_status_known"] = checks["_created"]
    return checks


# --- involvements and care leavers ---------------------------------------------------------------

def _involvements(rng: np.random.Generator, picker: reference.TeamPicker, care: pd.DataFrame, cp: pd.DataFrame,
                  cin: pd.DataFrame, leavers: pd.DataFrame, since: int) -> pd.DataFrame:
    """An allocated worker per period of care or plan (a few children have none; some periods change team
    part way), and a personal adviser for each care leaver while they are one."""
    parts = []
    for frame, start, stop, service, known, moving in ((care, "entry", "exit", reference.CLA, "entry_created",
                                                        MOVED_TEAM),
                                                       (cp, "start", "end", reference.CP, "known", 0.0),
                                                       (cin, "start", "end", reference.CIN, "known", 0.0)):
        frame = frame[rng.random(len(frame)) >= NO_TEAM]
        begin, finish = frame[start].to_numpy(), frame[stop].to_numpy()
        span = np.minimum(finish, begin + 10 * 365) - begin
        moved = (rng.random(len(frame)) < moving) & (span > 90)
        cut = begin + 30 + (rng.random(len(frame)) * np.maximum(span - 60, 1)).astype("int64")
        first_end = np.where(moved, cut, finish)
        area = frame["area"].to_numpy()
        parts.append(pd.DataFrame({
            "invo_person_id": frame["person_id"].to_numpy(),
            "invo_professional_team": picker.pick_many(rng, area, service),
            "invo_professional_role_id": "Allocated Social Worker",
            "invo_involvement_start_date": begin, "invo_involvement_end_date": first_end,
            "_created": frame[known].to_numpy(),
            "_end_known": np.where(first_end < OPEN, first_end + records.lag(rng, len(frame), 5), OPEN)}))
        parts.append(pd.DataFrame({
            "invo_person_id": frame["person_id"].to_numpy()[moved],
            "invo_professional_team": picker.pick_many(rng, area[moved], service),
            "invo_professional_role_id": "Allocated Social Worker",
            "invo_involvement_start_date": cut[moved], "invo_involvement_end_date": finish[moved],
            "_created": cut[moved] + records.lag(rng, int(moved.sum()), 3),
            "_end_known": np.where(finish[moved] < OPEN, finish[moved] + records.lag(rng, int(moved.sum()), 5), OPEN)}))
    advised = leavers[leavers["until"] > since]
    parts.append(pd.DataFrame({
        "invo_person_id": advised["person_id"].to_numpy(),
        "invo_professional_team": advised["leaving_team"].to_numpy(),
        "invo_professional_role_id": "Personal Adviser",
        "invo_involvement_start_date": advised["left"].to_numpy(),
        "invo_involvement_end_date": advised["until"].to_numpy(),
        "_created": advised["known"].to_numpy() + 2,
        "_end_known": advised["until"].to_numpy() + 3}))
    out = pd.concat(parts, ignore_index=True)
    out = out[out["invo_involvement_end_date"] > since]
    out = out.sort_values(["invo_involvement_start_date", "invo_person_id"], kind="stable")
    return _numbered(out, "invo_involvements_id", 20_000_001)


def _leavers(rng: np.random.Generator, care: pd.DataFrame, levels: Levels, first_end: int,
             n_months: int) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """Children who left care at 16+ with what persists about them (status dates, team, contact pattern,
    codes), and their month-by-month states: in touch, suitably housed, in EET (young people x months).

    A state starts at the authority's level and changes for about CHANGE x 2p(1-p) of young
    people a month, so each month's position follows from the one before and the level holds."""
    exit_ = care["exit"].to_numpy()
    dob = care["dob"].to_numpy()
    left = exit_ < OPEN
    age = records.age_years(dob, np.where(left, exit_, 0))
    rows = np.flatnonzero(left & (age >= 16))
    out = care.iloc[rows][["person_id", "dob", "table_id", "leaving_team", "phase"]].reset_index(drop=True)
    out["left"], out["known"] = exit_[rows], care["exit_known"].to_numpy()[rows]
    since_14 = out["left"].to_numpy() - np.maximum(care["entry"].to_numpy()[rows],
                                                   records.add_months(out["dob"].to_numpy(), 168))
    out["eligible"] = since_14 >= 91
    out["extended"] = rng.random(len(out)) < EXTENDED
    out["turns_18"] = records.add_months(out["dob"].to_numpy(), 216)
    out["turns_21"] = records.add_months(out["dob"].to_numpy(), 252)
    out["until"] = np.where(out["extended"], records.add_months(out["dob"].to_numpy(), 300), out["turns_21"])
    # Some are listed as Qualifying, so that care leavers number about care_leaver_ratio x children looked after
    open_care = int(((care["entry"] <= first_end) & (care["exit"] > first_end)).sum())
    counted = int((out["eligible"] & (out["left"] <= first_end) & (out["until"] > first_end)).sum())
    keep = min(1.0, levels.care_leaver_ratio * open_care / max(counted, 1))
    out["eligible"] &= rng.random(len(out)) < keep
    n = len(out)
    out["interval"] = np.where(rng.random(n) < 0.08, rng.integers(60, 100, n), rng.integers(14, 57, n))
    out["not_in_touch"] = reference.draw(rng, reference.NOT_IN_TOUCH, n)
    for column, table in (("housed", reference.ACCOMMODATION_SUITABLE), ("unsuitably_housed",
                                                                         reference.ACCOMMODATION_UNSUITABLE),
                          ("in_eet", reference.ACTIVITY_EET), ("not_in_eet", reference.ACTIVITY_NEET)):
        out[column] = reference.draw(rng, table, n)
    states = {}
    for state, p in (("touch", levels.in_touch), ("suitable", levels.suitable), ("eet", levels.eet)):
        grid = np.empty((n, n_months), dtype=bool)
        grid[:, 0] = rng.random(n) < p
        for j in range(1, n_months):  # leave at CHANGE * (1 - p), join at CHANGE * p: the level stays at p
            draw = rng.random(n)
            grid[:, j] = np.where(grid[:, j - 1], draw >= CHANGE * (1 - p), draw < CHANGE * p)
        states[state] = grid
    return out, states


def _care_leaver_rows(leavers: pd.DataFrame, states: dict[str, np.ndarray], shown: pd.DataFrame,
                      m: int) -> pd.DataFrame:
    """The month's ssd_care_leavers: each young person's latest position as known at the extraction date,
    and children in care aged 16-17 with 13 weeks in care since 14 (Eligible)."""
    end, taken = months.end_day(m), months.extraction_day(m)
    eligible = leavers["eligible"].to_numpy()
    listed = ((leavers["known"].to_numpy() <= taken) & (leavers["left"].to_numpy() <= end)
              & (np.where(eligible, leavers["until"].to_numpy(), leavers["turns_21"].to_numpy()) > end))
    here, eligible = leavers[listed], eligible[listed]
    touch, suitable, eet = (states[s][listed] for s in ("touch", "suitable", "eet"))
    adult = end >= here["turns_18"].to_numpy()
    status = np.where(~eligible, "Qualifying", np.where(adult, "Former Relevant", "Relevant"))
    interval, left, phase = here["interval"].to_numpy(), here["left"].to_numpy(), here["phase"].to_numpy()
    first_contact = left + phase % interval
    contact = np.where(end >= first_contact, end - (end - first_contact) % interval, left)
    rows = pd.DataFrame({
        "clea_table_id": here["table_id"].to_numpy(), "clea_person_id": here["person_id"].to_numpy(),
        "clea_care_leaver_eligibility": status,
        "clea_care_leaver_in_touch": np.where(touch, "YES", here["not_in_touch"].to_numpy()),
        "clea_care_leaver_latest_contact": np.where(touch, contact, np.minimum(left + phase % 60, end)),
        "clea_care_leaver_accommodation": np.where(suitable, here["housed"], here["unsuitably_housed"]),
        "clea_care_leaver_accom_suitable": np.where(suitable, "Y", "N"),
        "clea_care_leaver_activity": np.where(eet, here["in_eet"], here["not_in_eet"]),
        "clea_care_leaver_allocated_team": here["leaving_team"].to_numpy(),
    })
    in_care = shown[(shown["entry_created"] <= taken) & (shown["entry"] <= end) & (shown["exit"] > end)]
    age = records.age_years(in_care["dob"].to_numpy(), np.full(len(in_care), end))
    since_14 = end - np.maximum(in_care["entry"].to_numpy(), records.add_months(in_care["dob"].to_numpy(), 168))
    now = in_care[(age >= 16) & (since_14 >= 91)]
    eligible_rows = pd.DataFrame({
        "clea_table_id": now["table_id"].to_numpy(), "clea_person_id": now["person_id"].to_numpy(),
        "clea_care_leaver_eligibility": "Eligible", "clea_care_leaver_in_touch": "YES",
        "clea_care_leaver_latest_contact": end - now["phase"].to_numpy() % 30,
        "clea_care_leaver_accommodation": "", "clea_care_leaver_accom_suitable": "Y",
        "clea_care_leaver_activity": now["eligible_activity"].to_numpy(),
        "clea_care_leaver_allocated_team": now["leaving_team"].to_numpy(),
    })
    return pd.concat([rows, eligible_rows], ignore_index=True)


# --- writing -------------------------------------------------------------------------------------

def _open_children(frames: dict[str, pd.DataFrame], table: str, m: int) -> int:
    spec = next(t for t in TABLES if t.name == table)
    start, stop = spec.periods[0]
    person = next(c.name for c in spec.columns if c.kind == "person")
    frame, end = frames[table], months.end_day(m)
    is_open = (frame[start].to_numpy() <= end) & (frame[stop].to_numpy() > end)
    return int(frame.loc[is_open, person].nunique())


def _iso(days: np.ndarray) -> np.ndarray:
    days = np.asarray(days, dtype="int64")
    text = np.datetime_as_string(np.where(days >= OPEN, 0, days).astype("datetime64[D]"), unit="D").astype(object)
    text[days >= OPEN] = ""
    return text


def write_month(frames: dict[str, pd.DataFrame], folder: Path) -> None:
    """The ten files, exactly the columns tables.py declares (ssd_person also carries the fake names),
    rows in id order, ISO dates, an empty cell for none, UTF-8 with LF line ends."""
    folder.mkdir(parents=True, exist_ok=True)
    for spec in TABLES:
        frame = frames[spec.name]
        names = [*spec.column_names, *(NAMES if spec.name == "ssd_person" else ())]
        order = np.argsort(frame[spec.key].to_numpy().astype("int64"), kind="stable")
        cells = []
        for name in names:
            values = frame[name].to_numpy()[order]
            kind = spec.column(name).kind if name in spec.column_names else "text"
            cells.append(_iso(values) if kind == "date" else pd.Series(values, dtype=object).fillna("").astype(str))
        with (folder / spec.file_name).open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(names)
            out.writerows(zip(*cells))
