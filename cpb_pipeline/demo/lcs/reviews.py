"""Which reviews each month's extract already holds, so that 2018/19 adds up to the report.

A review counts in its due month's figures only if its record was keyed in by that
month's extraction; the rest are typed up later (IRO minutes typically follow within
20 working days) and appear only in later extracts. The review dates themselves follow
each child's cadence; only the day each record was keyed in is chosen here: exactly
the reviews needed for the IRO report's year totals are keyed in on time, preferring
those held earliest in the month, and the same shares are kept in the other months.
Participation is then set so that the reviews held and keyed in each month show 99.8 %.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cpb_pipeline.demo.lcs import months, targets
from cpb_pipeline.demo.lcs.plan import reaches
from cpb_pipeline.demo.lcs.records import OPEN

YEAR = range(months.index(targets.REVIEW_YEAR[0]), months.index(targets.REVIEW_YEAR[1]) + 1)


def _month_of(days: np.ndarray) -> np.ndarray:
    d = np.asarray(days, dtype="int64").astype("datetime64[D]").astype("datetime64[M]").astype("int64")
    return d + 1970 * 12


def largest_share(on_time: int, late: int, percent: float) -> tuple[int, int]:
    """The most reviews (o <= on_time on time, l <= late late) whose share on time shows as `percent`."""
    best = (0, 0)
    for o in range(on_time, max(on_time - 400, 0), -1):
        for l in range(late, -1, -1):
            if o + l <= sum(best):
                break
            if reaches(o, o + l, percent):
                best = (o, l)
                break
    if not sum(best):
        raise RuntimeError(f"reviews: no split of {on_time} on time and {late} late shows {percent} %")
    return best


def key_in(
    rng: np.random.Generator, reviews: pd.DataFrame, due: str, held: str, due_total: int | None, on_time_total: int | float,
    first: int, last: int,
) -> pd.DataFrame:
    """Set `_created` so that, summed over the review year, exactly `due_total` reviews are in
    their due month's extract, `on_time_total` of them held on or before the due date.

    With `due_total=None`, `on_time_total` is a percentage instead: the conference record is
    typed in within days of being held, and only the few records needed to show exactly that
    percentage over the year are typed in after the extraction."""
    out = reviews.copy()
    if due_total is None:
        live_rows = out[held].to_numpy() < OPEN
        quick = out[held].to_numpy() + rng.integers(0, 4, len(out))
        out["_created"] = np.where(live_rows, quick, out["_created"].to_numpy())
    live = out[held].to_numpy() < OPEN  # cancelled reviews were never held
    due_day, held_day = out[due].to_numpy(), out[held].to_numpy()
    due_month = _month_of(due_day)
    extraction = np.array([months.extraction_day(m) for m in range(first, last + 1)])
    x = extraction[np.clip(due_month - first, 0, len(extraction) - 1)]
    on_time = live & (held_day <= due_day)
    can_count = live & (held_day <= x)
    in_year = np.isin(due_month, list(YEAR))
    in_range = (due_month >= first) & (due_month <= last)
    year_on_time = int((on_time & in_year).sum())
    year_late = int((can_count & ~on_time & in_year).sum())
    if due_total is None:
        on_time_total, late_total = largest_share(year_on_time, year_late, on_time_total)
        due_total = on_time_total + late_total
    late_total = due_total - on_time_total
    if year_on_time < on_time_total or year_late < late_total:
        raise RuntimeError(f"reviews: {year_on_time} on time and {year_late} late available, "
                           f"{on_time_total} and {late_total} wanted")
    share_on, share_late = on_time_total / year_on_time, late_total / year_late
    count = np.zeros(len(out), dtype=bool)
    for m in range(first, last + 1):
        month = due_month == m
        for pool, share in ((month & on_time, share_on), (month & can_count & ~on_time, share_late)):
            idx = np.flatnonzero(pool)
            idx = idx[np.lexsort((rng.random(len(idx)), held_day[idx] - months.first_day(m)))]
            count[idx[: round(share * len(idx))]] = True
    for pool, total in ((in_year & on_time, on_time_total), (in_year & can_count & ~on_time, late_total)):
        _adjust(rng, count, pool, total, held_day)
    created = out["_created"].to_numpy().copy()
    keep = count & in_range
    created[keep] = np.minimum(created[keep], x[keep])
    created[keep] = np.maximum(created[keep], held_day[keep])
    defer = in_range & live & ~count
    later = np.maximum(x[defer], held_day[defer]) + 1 + rng.geometric(1 / 12, defer.sum())
    created[defer] = np.maximum(created[defer], later)
    out["_created"] = created
    return out


def _adjust(rng: np.random.Generator, count: np.ndarray, pool: np.ndarray, total: int, held: np.ndarray) -> None:
    """Make exactly `total` of `pool` counted, adding the earliest-held and dropping the latest."""
    chosen = np.flatnonzero(pool & count)
    spare = np.flatnonzero(pool & ~count)
    if len(chosen) > total:
        drop = chosen[np.argsort(-held[chosen] + rng.random(len(chosen)), kind="stable")][: len(chosen) - total]
        count[drop] = False
    elif len(chosen) < total:
        add = spare[np.argsort(held[spare] + rng.random(len(spare)), kind="stable")][: total - len(chosen)]
        count[add] = True


def participation(rng: np.random.Generator, reviews: pd.DataFrame) -> pd.DataFrame:
    """Codes PN7 (did not participate) on exactly the share that gives 99.8 % over the year,
    among reviews held and keyed in within each month of it."""
    out = reviews.copy()
    held = out["clar_cla_review_date"].to_numpy()
    code = out["clar_cla_review_participation"].to_numpy().copy()
    held_month = _month_of(np.where(held < OPEN, held, 0))
    x = np.array([months.extraction_day(int(m)) if m in YEAR else 0 for m in held_month])
    counted = np.isin(held_month, list(YEAR)) & (out["_created"].to_numpy() <= x) & np.isin(
        code, [f"PN{i}" for i in range(1, 8)])
    n = int(counted.sum())
    k = next(k for k in range(n) if reaches(n - k, n, targets.CLA_REVIEW_PARTICIPATION))
    idx = np.flatnonzero(counted)
    now = idx[code[idx] == "PN7"]
    if len(now) > k:
        code[rng.choice(now, len(now) - k, replace=False)] = "PN6"
    elif len(now) < k:
        others = idx[code[idx] != "PN7"]
        code[rng.choice(others, k - len(now), replace=False)] = "PN7"
    out["clar_cla_review_participation"] = code
    return out
