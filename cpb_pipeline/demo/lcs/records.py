"""Vectorised builders for the SSD records that follow from a child's history.

Both the calibrated demo and the national-size month use them: given periods of care,
plans and team allocations (days counted from 1970-01-01), they lay out the episodes,
review cadences, health checks and people. Every row carries bookkeeping columns that
say when LCS learnt of it (`_created`, and `_end_known` for an end date, `_status_known`
for a check first booked as Planned); the extract writer uses them to show each month
only what was keyed in by its extraction date. OPEN stands for "no date".
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np
import pandas as pd

from cpb_pipeline.demo.lcs import months, reference
from cpb_pipeline.domain.calendar import is_working_day

OPEN = 10**7  # an end date not (yet) reached; the writer prints an empty cell

START_REASONS = np.array(["P", "T", "L", "B", "U"])
START_WEIGHTS = np.array([0.70, 0.08, 0.12, 0.06, 0.04])
PARTICIPATION = np.array(["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"])
PARTICIPATION_WEIGHTS = np.array([0.44, 0.06, 0.08, 0.05, 0.13, 0.235, 0.005])
HA, DC = "Health Assessment", "Dental Check"


@lru_cache(maxsize=1)
def _holidays() -> np.ndarray:
    """Bank holidays on weekdays, 2000-2021, from the calendar the pipeline uses."""
    days = range(months.day(dt.date(2000, 1, 1)), months.day(dt.date(2022, 1, 1)))
    return np.array(
        [d for d in days if (d + 3) % 7 < 5 and not is_working_day(months.date_of(d))], dtype="datetime64[D]"
    )  # 1970-01-01 was a Thursday


def working_days_after(days: np.ndarray, n: int) -> np.ndarray:
    """The n-th working day after each day (n >= 1), as cpb_pipeline.domain.calendar counts them."""
    d = np.asarray(days, dtype="int64").astype("datetime64[D]")
    return np.busday_offset(d, n, roll="backward", holidays=_holidays()).astype("int64")


def working_day_on_or_before(days: np.ndarray) -> np.ndarray:
    d = np.asarray(days, dtype="int64").astype("datetime64[D]")
    return np.busday_offset(d, 0, roll="backward", holidays=_holidays()).astype("int64")


def add_months(days: np.ndarray, k) -> np.ndarray:
    """Calendar month arithmetic, clamped to the month's last day (as cpb_pipeline.domain.calendar does)."""
    d = np.asarray(days, dtype="int64").astype("datetime64[D]")
    m = d.astype("datetime64[M]")
    dom = (d - m.astype("datetime64[D]")).astype("int64")
    target = m + np.asarray(k, dtype="int64")
    first = target.astype("datetime64[D]")
    length = ((target + 1).astype("datetime64[D]") - first).astype("int64")
    return (first + np.minimum(dom, length - 1)).astype("int64")


def age_years(dob: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Whole years from dob to day (a birthday counts on the day)."""
    b = np.asarray(dob, dtype="int64").astype("datetime64[D]")
    d = np.asarray(days, dtype="int64").astype("datetime64[D]")
    by, dy = b.astype("datetime64[Y]").astype(int), d.astype("datetime64[Y]").astype(int)
    bm = (b.astype("datetime64[M]") - b.astype("datetime64[Y]")).astype(int)
    dm = (d.astype("datetime64[M]") - d.astype("datetime64[Y]")).astype(int)
    bd = (b - b.astype("datetime64[M]")).astype(int)
    dd = (d - d.astype("datetime64[M]")).astype(int)
    return dy - by - ((dm < bm) | ((dm == bm) & (dd < bd)))


def lag(rng: np.random.Generator, n: int, mean: float) -> np.ndarray:
    """Days between an event and its entry on the system."""
    return rng.geometric(1 / mean, size=n) - 1


def distinct_ids(rng: np.random.Generator, n: int, digits: int) -> np.ndarray:
    """n distinct random identifiers of `digits` digits, as LCS shows person ids."""
    low, high = 10 ** (digits - 1), 10**digits
    values = pd.unique(rng.integers(low, high, size=n + n // 4 + 100))[:n]
    if len(values) < n:
        raise ValueError(f"too few {digits}-digit identifiers for {n} people")
    return values.astype(str).astype(object)


def person_table(rng: np.random.Generator, ids: np.ndarray, dob: np.ndarray, sex: np.ndarray,
                 ethnicity: np.ndarray) -> pd.DataFrame:
    """ssd_person, with made-up names and UPNs (direct identifiers the pipeline must drop)."""
    n = len(ids)
    fore = np.where(sex == "M", rng.choice(reference.FORENAMES["M"], n), rng.choice(reference.FORENAMES["F"], n))
    letters = np.array(list("ABCDEFGHJKLMNPQRTUVWXYZ"))[rng.integers(0, 23, n)]
    upn = pd.Series(letters, dtype=object) + "888" + pd.Series(rng.integers(0, 10**9, n)).astype(str).str.zfill(9)
    return pd.DataFrame({
        "pers_person_id": ids, "pers_sex": sex, "pers_dob": dob, "pers_ethnicity": ethnicity,
        "pers_forename": fore, "pers_surname": rng.choice(reference.SURNAMES, n), "pers_upn": upn.to_numpy(),
    })


def episodes(rng: np.random.Generator, periods: pd.DataFrame, horizon: int) -> pd.DataFrame:
    """Split each period of care into episodes at changes of placement or legal status.

    periods: cla_id, person_id, entry, exit, exit_reason, entry_created, exit_known, need.
    Moves come roughly yearly (more often early on); a move is keyed in with the new
    episode, which is when the old one's end becomes known.
    """
    n = len(periods)
    entry, stop = periods["entry"].to_numpy(), np.minimum(periods["exit"].to_numpy(), horizon)
    gaps = rng.exponential(330, size=(n, 30)) + 10
    gaps[:, 0] = rng.exponential(200, size=n) + 7
    moves = entry[:, None] + np.cumsum(gaps, axis=1).astype("int64")
    moves[moves >= (stop - 5)[:, None]] = OPEN
    moves.sort(axis=1)
    count = (moves < OPEN).sum(axis=1)
    rows = np.repeat(np.arange(n), count + 1)
    k = np.arange(len(rows)) - np.repeat(np.cumsum(count + 1) - (count + 1), count + 1)
    starts = np.where(k == 0, entry[rows], moves[rows, np.maximum(k - 1, 0)])
    is_last = k == count[rows]
    ends = np.where(is_last, periods["exit"].to_numpy()[rows], moves[rows, np.minimum(k, moves.shape[1] - 1)])
    move_known = np.minimum(starts + lag(rng, len(rows), 4), periods["exit_known"].to_numpy()[rows])
    created = np.where(k == 0, periods["entry_created"].to_numpy()[rows], move_known)
    next_known = np.roll(created, -1)
    end_known = np.where(is_last, periods["exit_known"].to_numpy()[rows], next_known)
    reasons = np.where(k == 0, "S", rng.choice(START_REASONS, size=len(rows), p=START_WEIGHTS))
    ceased = np.where(is_last, periods["exit_reason"].to_numpy()[rows], "X1")
    out = pd.DataFrame(
        {
            "clae_person_id": periods["person_id"].to_numpy()[rows],
            "clae_cla_episode_start_date": starts,
            "clae_cla_episode_start_reason": reasons,
            "clae_cla_primary_need_code": periods["need"].to_numpy()[rows],
            "clae_cla_episode_ceased_date": ends,
            "clae_cla_episode_ceased_reason": np.where(ends >= OPEN, "", ceased),
            "clae_cla_id": periods["cla_id"].to_numpy()[rows],
            "clae_entered_care_date": entry[rows],
            "_created": created,
            "_end_known": np.where(ends >= OPEN, OPEN, end_known),
        }
    )
    return out


def cla_reviews(rng: np.random.Generator, periods: pd.DataFrame, dob: np.ndarray, horizon: int) -> pd.DataFrame:
    """Statutory CLA reviews for each period of care: the first within 20 working days of
    entry, the second within 3 months of the first, then every 6 months. Most are held a
    little early; a few late. A handful are cancelled and re-arranged for the same due date."""
    entry, stop = periods["entry"].to_numpy(), np.minimum(periods["exit"].to_numpy(), horizon)
    cla_id = periods["cla_id"].to_numpy()
    due = working_days_after(entry, 20)
    parts = []
    k = 0
    alive = np.arange(len(periods))
    while len(alive):
        d = due
        late = rng.random(len(alive)) < 0.06
        early = rng.integers(0, 30 if k else 8, size=len(alive))
        held = np.where(late, d + rng.integers(1, 22, size=len(alive)), d - early)
        held = working_day_on_or_before(np.maximum(held, entry[alive] + 3))
        keep = (d <= stop[alive]) & (held <= stop[alive])
        idx = alive[keep]
        parts.append(pd.DataFrame({"row": idx, "k": k, "due": d[keep], "held": held[keep]}))
        alive, held = idx, held[keep]
        due = add_months(held, 3 if k == 0 else 6)
        k += 1
    rev = pd.concat(parts, ignore_index=True).sort_values(["row", "k"], kind="stable")
    n = len(rev)
    rows = rev["row"].to_numpy()
    young = age_years(dob[rows], rev["held"].to_numpy()) < 4
    code = np.where(young, "PN0", rng.choice(PARTICIPATION, size=n, p=PARTICIPATION_WEIGHTS))
    out = pd.DataFrame(
        {
            "clar_cla_id": cla_id[rows],
            "clar_cla_review_due_date": rev["due"].to_numpy(),
            "clar_cla_review_date": rev["held"].to_numpy(),
            "clar_cla_review_cancelled": "N",
            "clar_cla_review_participation": code,
            "_created": rev["held"].to_numpy() + lag(rng, n, 6),
            "_row": rows,
        }
    )
    cancelled = out[rng.random(n) < 0.02].copy()
    cancelled["clar_cla_review_date"] = OPEN
    cancelled["clar_cla_review_cancelled"] = "Y"
    cancelled["clar_cla_review_participation"] = ""
    cancelled["_created"] = np.minimum(cancelled["clar_cla_review_due_date"] - rng.integers(1, 10, len(cancelled)),
                                       cancelled["_created"])
    return pd.concat([out, cancelled], ignore_index=True)


def cp_reviews(rng: np.random.Generator, plans: pd.DataFrame, horizon: int) -> pd.DataFrame:
    """Review child protection conferences: within 3 months of the plan's start, then every
    6 months, while the plan lasts. The conference that ends a plan is held on its end date."""
    start, stop = plans["start"].to_numpy(), np.minimum(plans["end"].to_numpy(), horizon)
    due = add_months(start, 3)
    parts, k = [], 0
    alive = np.arange(len(plans))
    while len(alive):
        late = rng.random(len(alive)) < 0.065  # about 4 % of conferences end up outside timescale
        held = np.where(late, due + rng.integers(1, 22, size=len(alive)), due - rng.integers(0, 12, size=len(alive)))
        held = working_day_on_or_before(np.minimum(held, stop[alive]))
        keep = due <= stop[alive]
        idx = alive[keep]
        parts.append(pd.DataFrame({"row": idx, "due": due[keep], "held": held[keep]}))
        alive = idx
        due = add_months(held[keep], 6)
        k += 1
    rev = pd.concat(parts, ignore_index=True).sort_values(["row", "due"], kind="stable")
    rows = rev["row"].to_numpy()
    n = len(rev)
    return pd.DataFrame(
        {
            "cppr_person_id": plans["person_id"].to_numpy()[rows],
            "cppr_cp_plan_id": plans["plan_id"].to_numpy()[rows],
            "cppr_cp_review_due": rev["due"].to_numpy(),
            "cppr_cp_review_date": rev["held"].to_numpy(),
            "cppr_cp_review_quorate": np.where(rng.random(n) < 0.96, "Y", "N"),
            "_created": rev["held"].to_numpy() + lag(rng, n, 18),
            "_row": rows,
        }
    )


def free_checks(rng: np.random.Generator, stays: pd.DataFrame, horizon: int, since: int) -> pd.DataFrame:
    """Health assessments and dental checks for children whose checks nothing is calibrated on.

    stays: person_id, entry, exit, dob, checked (False: never checked, a data-quality warning).
    Initial assessment within about 20 working days of entry; reviews 6-monthly under 5,
    yearly from 5; dental checks yearly from a few months after entry; some late. Children
    in care long before `since` start from a check in the year before it.
    """
    person, entry, dob = stays["person_id"].to_numpy(), stays["entry"].to_numpy(), stays["dob"].to_numpy()
    stop = np.minimum(stays["exit"].to_numpy(), horizon)
    parts = []
    settled = entry < since - 365
    phase = since - rng.integers(0, 365, size=len(stays))
    first_ha = np.where(settled, phase, working_days_after(entry, 1) + rng.integers(3, 32, size=len(stays)))
    first_dc = np.where(settled, phase + rng.integers(-120, 120, size=len(stays)),
                        entry + rng.integers(25, 160, size=len(stays)))
    checked = stays["checked"].to_numpy()
    for kind, first, has in ((HA, first_ha, checked), (DC, first_dc, checked & (rng.random(len(stays)) < 0.9))):
        when, alive = first.copy(), np.flatnonzero(has)
        when = when[alive]
        while len(alive):
            keep = when < stop[alive]
            alive, when = alive[keep], when[keep]
            parts.append(pd.DataFrame({"row": alive, "type": kind, "date": when}))
            young = (age_years(dob[alive], when) < 5) & (kind == HA)
            step = add_months(when, np.where(young, 6, 12))
            late = rng.random(len(alive)) < 0.2
            when = step + np.where(late, rng.integers(5, 100, len(alive)), -rng.integers(0, 25, len(alive)))
    checks = pd.concat(parts, ignore_index=True)
    rows = checks["row"].to_numpy()
    return pd.DataFrame(
        {
            "clah_person_id": person[rows],
            "clah_health_check_type": checks["type"].to_numpy(),
            "clah_health_check_date": checks["date"].to_numpy(),
            "clah_health_check_status": "Completed",
            "_created": checks["date"].to_numpy() + lag(rng, len(checks), 8),
        }
    )
