"""Health assessments and dental checks that land the planned percentages exactly.

A check dated in month s, keyed in by that month's extraction, keeps a child up to date
at the month ends s .. s+11 (s .. s+5 for a health assessment under 5). So a child's
status at each month end depends only on the months of their checks. Children in the
same areas over the same months, with the same age pattern, are interchangeable;
for each such group and month an integer says how many of them had a check then. One
integer programme chooses these numbers so that every area-month of the plan (and a
plausible level for Apr-Jul 2018) comes out exact, with as few checks as that allows,
which keeps checks about a year apart. A group's checks are then dealt to its children
in turn, which keeps each child's checks at least a window apart. Checks before the
months that matter are filled in at the usual rhythm.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from cpb_pipeline.demo.lcs import months, records, targets
from cpb_pipeline.demo.lcs.history import Dated
from cpb_pipeline.demo.lcs.plan import Cell
from cpb_pipeline.demo.lcs.records import DC, HA

FIRST_COUNTED = months.index("2018-04")  # the first extract
# Apr-Jul 2018 (no published figures): authority-wide levels that lead into Aug-18
EARLY_LEVELS = {HA: (0.860, 0.864, 0.868, 0.870), DC: (0.880, 0.840, 0.800, 0.760)}
LATE_KEYING = 0.1  # checks keyed in after the extraction of their month, where no figure minds
PLANNED_FIRST = 0.02  # checks booked as Planned before they happen


@dataclass
class Child:
    index: int  # position in the list of periods
    dated: Dated
    dob: int
    first: int  # first month a check can fall in (in care by the 25th)
    counted: list[tuple[int, int, int]]  # (month, area, window in months)


def calibrate(
    rng: np.random.Generator, care: list[Dated], dob: np.ndarray, cells: dict[tuple[str, str], Cell], areas: list[str]
) -> tuple[pd.DataFrame, set[int]]:
    """Checks for every child counted in a denominator from Apr-18 to Aug-19; returns the rows
    (with the period index in `_period`) and the periods covered."""
    last = months.index(targets.MONTHS[-1])
    frames, covered = [], set()
    for kind in (HA, DC):
        children = _children(care, dob, kind, last)
        covered |= {c.index for c in children}
        wanted = _targets(kind, children, cells, areas)
        checks = _solve(rng, kind, children, wanted)
        frames.append(_rows(rng, kind, children, checks, last))
    return pd.concat(frames, ignore_index=True), covered


def _window(kind: str, dob: int, m: int) -> int:
    if kind == HA and records.age_years(np.array([dob]), np.array([months.end_day(m)]))[0] < 5:
        return 6
    return 12


def _children(care: list[Dated], dob: np.ndarray, kind: str, last: int) -> list[Child]:
    out = []
    for i, d in enumerate(care):
        s = d.stay
        counted = []
        for m in range(max(FIRST_COUNTED, s.entered + 12), last + 1):
            if s.counted_at(m):
                counted.append((m, s.area_at(m), _window(kind, int(dob[i]), m)))
        if counted:
            first = s.entered if months.date_of(d.start).day <= 25 else s.entered + 1
            out.append(Child(i, d, int(dob[i]), first, counted))
    return out


def _targets(kind: str, children: list[Child], cells, areas) -> dict[tuple[int, int], int]:
    """Children up to date wanted per (month, area): the plan; before Aug-18, the early level
    moving towards each sizeable area's Aug-18 figure."""
    seed_first = months.index(targets.MONTHS[0])
    denominators: dict[tuple[int, int], int] = {}
    for c in children:
        for m, a, _ in c.counted:
            denominators[(m, a)] = denominators.get((m, a), 0) + 1
    wanted: dict[tuple[int, int], int] = {}
    for (m, a), n in sorted(denominators.items()):
        if m >= seed_first:
            cell = cells[(months.label(m), areas[a])]
            if cell.denominator != n:
                raise RuntimeError(f"{months.label(m)} {areas[a]}: {n} children in care a year, "
                                   f"plan {cell.denominator}")
            wanted[(m, a)] = cell.health if kind == HA else cell.dental
    authority = {HA: targets.HEALTH, DC: targets.DENTAL}[kind][targets.AUTHORITY][0] / 100
    for (m, a), n in sorted(denominators.items()):
        if m < seed_first:
            level = EARLY_LEVELS[kind][m - FIRST_COUNTED]
            august = cells.get((targets.MONTHS[0], areas[a]))
            if august is not None and august.denominator >= 30:
                share = (august.health if kind == HA else august.dental) / august.denominator
                level += (share - authority) * (m - FIRST_COUNTED + 1) / (seed_first - FIRST_COUNTED)
            wanted[(m, a)] = min(n, max(0, round(n * level)))
    return wanted


def _range(c: Child) -> tuple[int, int]:
    """Months whose checks matter to the counted months; from entry if that is within a year."""
    lo = max(c.first, min(m - w + 1 for m, _, w in c.counted))
    return (c.first if c.first >= lo - 11 else lo), c.counted[-1][0]


def _solve(rng: np.random.Generator, kind: str, children: list[Child], wanted) -> dict[int, list[int]]:
    """Months of the checks each child has in the months that matter."""
    groups: dict[tuple, list[Child]] = {}
    for c in children:
        lo, hi = _range(c)
        initial = kind == HA and lo == c.first and c.first + 1 <= hi
        windows = tuple(_window(kind, c.dob, m) for m in range(lo, hi + 1))
        groups.setdefault((lo, hi, initial, tuple(c.counted), windows), []).append(c)
    var: dict[tuple[int, int], int] = {}
    for g, (lo, hi, *_) in enumerate(groups):
        for s in range(lo, hi + 1):
            var[(g, s)] = len(var)
    missed = {g: len(var) + i for i, g in enumerate(g for g, key in enumerate(groups) if key[2])}
    rows, cols, lo_b, hi_b = [], [], [], []
    cell_vars: dict[tuple[int, int], list[int]] = {}

    def constrain(indices: list[int], low: float, high: float) -> None:
        r = len(lo_b)
        rows.extend([r] * len(indices))
        cols.extend(indices)
        lo_b.append(low)
        hi_b.append(high)

    upper = np.zeros(len(var) + len(missed))
    for g, ((lo, hi, initial, counted, windows), members) in enumerate(groups.items()):
        n = len(members)
        for s in range(lo, hi + 1):
            upper[var[(g, s)]] = n
        for m, w in zip(range(lo, hi + 1), windows):  # a window apart: each window's sum counts children
            constrain([var[(g, s)] for s in range(max(lo, m - w + 1), m + 1)], -np.inf, n)
        for m, a, w in counted:
            cell_vars.setdefault((m, a), []).extend(var[(g, s)] for s in range(max(lo, m - w + 1), m + 1))
        if initial:  # the initial health assessment, within about 20 working days of entry (or missed)
            constrain([var[(g, lo)], var[(g, lo + 1)], missed[g]], n, n)
            upper[missed[g]] = n
    for key, indices in sorted(cell_vars.items()):
        constrain(indices, wanted[key], wanted[key])
    n_vars = len(var) + len(missed)
    matrix = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(lo_b), n_vars)).tocsr()
    cost = 1 + 0.05 * rng.random(n_vars)
    cost[len(var):] = 4  # an initial assessment not done is rare
    result = milp(cost, constraints=LinearConstraint(matrix, lo_b, hi_b), integrality=np.ones(n_vars),
                  bounds=Bounds(0, upper), options={"mip_rel_gap": 0.2})  # any pattern near the fewest checks will do
    if result.status != 0:
        raise RuntimeError(f"{kind}: no pattern of checks reaches the planned figures ({result.message})")
    x = np.round(result.x).astype(int)
    out: dict[int, list[int]] = {}
    for g, ((lo, hi, *_), members) in enumerate(groups.items()):
        order = [members[i] for i in rng.permutation(len(members))]
        made = [s for s in range(lo, hi + 1) for _ in range(x[var[(g, s)]])]
        for c in order:
            out[c.index] = []
        for k, s in enumerate(made):  # dealt in turn: consecutive checks of a child are a window apart
            out[order[k % len(order)].index].append(s)
    return out


def _rows(rng: np.random.Generator, kind: str, children: list[Child], checks: dict[int, list[int]],
          last: int) -> pd.DataFrame:
    rows = []
    earliest = FIRST_COUNTED - 25
    for c in children:
        chosen = sorted(checks[c.index])
        lo, _ = _range(c)
        counted_months = {m for m, _, _ in c.counted}
        # checks before the months that matter, at the usual rhythm, never reaching them
        before = []
        s = (chosen[0] if chosen else lo) - _window(kind, c.dob, lo - 1)
        s = min(s, lo - 1) - (int(rng.integers(1, 4)) if rng.random() < 0.2 else 0)
        while s >= max(c.first, earliest):
            before.append(s)
            s -= _window(kind, c.dob, s) + (int(rng.integers(1, 3)) if rng.random() < 0.15 else 0)
        if kind == HA and c.first >= earliest and c.first not in before and c.first < lo and (
                not before or min(before) > c.first + 1):
            before.append(c.first)  # the initial assessment
        for s in sorted(before):
            rows.append(_dated(rng, c, s, free=True))
        for s in chosen:
            expires = [m for m in range(s, s + 12) if m - _window(kind, c.dob, m) + 1 == s]
            late = (rng.random() < LATE_KEYING and s - 1 >= c.first and s <= last
                    and not any(m in counted_months for m in expires))
            rows.append(_dated(rng, c, s, free=False, keyed_late=late))
    out = pd.DataFrame(rows, columns=["_period", "clah_health_check_date", "_created"])
    out["clah_health_check_type"] = kind
    out["clah_health_check_status"] = "Completed"
    planned = rng.random(len(out)) < PLANNED_FIRST
    out["_status_known"] = out["_created"]
    out.loc[planned, "_created"] = out.loc[planned, "clah_health_check_date"] - rng.integers(7, 31, int(planned.sum()))
    return out


def _dated(rng: np.random.Generator, c: Child, s: int, free: bool, keyed_late: bool = False) -> tuple[int, int, int]:
    """(period, date, day keyed in) for a check counted in month s."""
    month = s - 1 if keyed_late else s
    lo = months.first_day(month)
    if month == months.month_of(c.dated.start):
        lo = max(lo, c.dated.start)
    hi = min(months.first_day(month) + 27, c.dated.end - 1)
    day = int(rng.integers(lo, max(lo, hi) + 1))
    if keyed_late:
        known = int(rng.integers(months.extraction_day(s - 1) + 1, months.extraction_day(s) + 1))
    elif free:
        known = day + int(records.lag(rng, 1, 8)[0])
    else:
        known = min(day + int(records.lag(rng, 1, 8)[0]), months.extraction_day(s))
    return c.index, day, known


def extra_rows(rng: np.random.Generator, checks: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """Appointments that did not count: some cancelled before a check, some dental checks refused."""
    done = checks[checks["clah_health_check_status"] == "Completed"]
    cancelled = done[rng.random(len(done)) < 0.04].copy()
    cancelled["clah_health_check_date"] -= rng.integers(7, 36, len(cancelled))
    cancelled["clah_health_check_status"] = "Cancelled"
    dental = done[done["clah_health_check_type"] == DC].sort_values(["_period", "clah_health_check_date"])
    gap = dental.groupby("_period")["clah_health_check_date"].diff()
    refused = dental[(gap > 450).to_numpy() & (rng.random(len(dental)) < 0.5)].copy()
    refused["clah_health_check_date"] -= (gap[refused.index] // 2).astype("int64")
    refused["clah_health_check_status"] = "Refused"
    extra = pd.concat([cancelled, refused], ignore_index=True)
    period = extra["_period"].to_numpy()
    inside = (extra["clah_health_check_date"].to_numpy() > periods["entry"].to_numpy()[period]) & (
        extra["clah_health_check_date"].to_numpy() < periods["exit"].to_numpy()[period])
    extra = extra[inside].copy()
    extra["_created"] = extra["clah_health_check_date"] + records.lag(rng, len(extra), 3)
    extra["_status_known"] = extra["_created"]
    return extra
