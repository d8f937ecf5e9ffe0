"""The calibration plan: how many children each area-month figure needs.

A percentage printed to one decimal place pins its denominator hard: for an area of
150 children in care only a few denominators reach both the printed health and the
printed dental figure, and the authority row must come out of the same children. So
the denominators (children in care for 12 months or more) and numerators are chosen
first, month by month, by a small integer programme that keeps every denominator
near its previous value and near 69 % of the area's children in care. The child
simulation then has to land on these numbers exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from cpb_pipeline.demo.lcs import months, targets

HEALTH, DENTAL = "cla_health_assessment", "cla_dental_check"
SHARE_IN_CARE_A_YEAR = 0.69  # denominators sit near this share of the children in care
# Where the seed cell is unreproducible the data decides; these are the plausible rates used.
FREE_RATE = {HEALTH: 0.82, DENTAL: 0.68}


def reaches(k: int, n: int, printed: float, decimals: int = 1) -> bool:
    """True when 100*k/n rounds half away from zero to `printed` at `decimals` places."""
    if n <= 0:
        return False
    scale = 10**decimals
    units = round(printed * scale)
    # units - 0.5 <= 100*k*scale/n < units + 0.5, in integers
    return 200 * scale * k >= (2 * units - 1) * n and 200 * scale * k < (2 * units + 1) * n


def nearest_reaching(n: int, printed: float) -> int:
    """The numerator for a care-leaver cell: at one decimal if any k reaches it, else whole percent."""
    for decimals in (1, 0):
        hits = [k for k in range(n + 1) if reaches(k, n, printed, decimals)]
        if hits:
            return min(hits, key=lambda k: (abs(100 * k / n - printed), k))
    raise ValueError(f"no numerator of {n} reaches {printed} %")


@dataclass(frozen=True)
class Cell:
    denominator: int  # children in care for 12 months or more
    health: int  # of them, with an up-to-date health assessment
    dental: int  # of them, with a dental check in the last 12 months


def calibrated(indicator: str, month: str, area: str) -> bool:
    return (indicator, month, area) not in targets.UNREPRODUCIBLE


def plan_health_cells(areas: list[str]) -> dict[tuple[str, str], Cell]:
    """{(month, area): Cell} for every month of Appendix A and every area with children in care."""
    plan: dict[tuple[str, str], Cell] = {}
    previous: dict[str, tuple[int, int]] = {}
    for i, month in enumerate(targets.MONTHS):
        counts = {a: targets.CLA.get(a, (0,) * 13)[i] for a in areas}
        cells = _solve_month(i, month, counts, previous)
        for area, cell in cells.items():
            plan[(month, area)] = cell
        previous = {a: (counts[a], cells[a].denominator) for a in cells}
    return plan


def _solve_month(i: int, month: str, counts: dict[str, int], previous: dict[str, tuple[int, int]]) -> dict[str, Cell]:
    live = [a for a, c in counts.items() if c > 0]
    n = len(live)
    # variables: D, H, K per area, then |D - ref| and |D - share*C| and free-cell deviations
    nv = 3 * n + 2 * n + 2 * n
    D, H, K, DEV, DRIFT, FREE = 0, n, 2 * n, 3 * n, 4 * n, 5 * n
    rows, lo, hi = [], [], []

    def add(coefs: dict[int, float], low: float, high: float) -> None:
        row = np.zeros(nv)
        for j, v in coefs.items():
            row[j] += v
        rows.append(row)
        lo.append(low)
        hi.append(high)

    def percent(num: list[int], den: list[int], printed: float) -> None:
        units = round(printed * 10)
        add({**{j: 2000 for j in num}, **{j: -(2 * units - 1) for j in den}}, 0, np.inf)
        add({**{j: 2000 for j in num}, **{j: -(2 * units + 1) for j in den}}, -np.inf, -1)

    lb, ub = np.zeros(nv), np.full(nv, np.inf)
    cost = np.zeros(nv)
    for j, area in enumerate(live):
        c = counts[area]
        lb[D + j], ub[D + j] = (math.ceil(0.5 * c), math.floor(0.9 * c)) if c >= 40 else (1, c)
        for col, indicator, table in ((H, HEALTH, targets.HEALTH), (K, DENTAL, targets.DENTAL)):
            add({col + j: 1, D + j: -1}, -np.inf, 0)
            if calibrated(indicator, month, area):
                percent([col + j], [D + j], table[area][i])
            else:  # keep the free cell near a plausible rate: FREE >= |num - rate*D|
                rate = FREE_RATE[indicator]
                f = FREE + j if indicator == HEALTH else FREE + n + j
                add({f: 1, col + j: -1, D + j: rate}, 0, np.inf)
                add({f: 1, col + j: 1, D + j: -rate}, 0, np.inf)
                cost[f] = 0.5
        target_share = SHARE_IN_CARE_A_YEAR * c
        if area in previous and previous[area][0] > 0:
            prev_c, prev_d = previous[area]
            ref = prev_d * c / prev_c
        else:
            ref = target_share
        add({DEV + j: 1, D + j: -1}, -ref, np.inf)
        add({DEV + j: 1, D + j: 1}, ref, np.inf)
        add({DRIFT + j: 1, D + j: -1}, -target_share, np.inf)
        add({DRIFT + j: 1, D + j: 1}, target_share, np.inf)
        cost[DEV + j], cost[DRIFT + j] = 1.0, 0.3
    every_d = list(range(D, D + n))
    for col, indicator, table in ((H, HEALTH, targets.HEALTH), (K, DENTAL, targets.DENTAL)):
        if calibrated(indicator, month, targets.AUTHORITY):
            percent(list(range(col, col + n)), every_d, table[targets.AUTHORITY][i])
    integrality = np.zeros(nv)
    integrality[: 3 * n] = 1
    result = milp(
        cost,
        constraints=LinearConstraint(np.array(rows), lo, hi),
        integrality=integrality,
        bounds=Bounds(lb, ub),
    )
    if result.status != 0:
        raise RuntimeError(f"calibration plan: no denominators reach the seed figures for {month}")
    x = np.round(result.x).astype(int)
    return {a: Cell(int(x[D + j]), int(x[H + j]), int(x[K + j])) for j, a in enumerate(live)}


def count_targets(kind: str, areas: list[str], first: int, rng: np.random.Generator) -> dict[int, list[int]]:
    """Children per area for every month from `first` (a month index) to Aug-19.

    Appendix A's months are exact. Earlier months follow the 31 March counts towards
    Aug-18, with a little noise, split over the areas in Aug-18's proportions.
    """
    table = targets.COUNTS[kind]
    seed_first = months.index(targets.MONTHS[0])
    out: dict[int, list[int]] = {}
    for i, month in enumerate(targets.MONTHS):
        out[seed_first + i] = [table.get(a, (0,) * 13)[i] for a in areas]
    anchors = {months.index(m): v[kind] for m, v in targets.MARCH_COUNTS.items()}
    anchors[seed_first] = table[targets.AUTHORITY][0]
    points = sorted(anchors)
    shares = np.array(out[seed_first], dtype=float) / anchors[seed_first]
    for m in range(first, seed_first):
        total = float(np.interp(m, points, [anchors[p] for p in points]))
        total *= 1 + rng.normal(0, 0.004) if m not in anchors else 1
        out[m] = split(round(total), shares)
    return dict(sorted(out.items()))


def denominator_targets(
    counts: dict[int, list[int]], cells: dict[tuple[str, str], Cell], areas: list[str]
) -> dict[int, list[int]]:
    """Children in care for 12 months or more, per area and month: the plan's cells, and before
    Aug-18 a share rising smoothly to Aug-18's, split like Aug-18."""
    seed_first = months.index(targets.MONTHS[0])
    out: dict[int, list[int]] = {}
    for i, month in enumerate(targets.MONTHS):
        out[seed_first + i] = [cells[(month, a)].denominator if (month, a) in cells else 0 for a in areas]
    first = min(counts)
    end_share = sum(out[seed_first]) / sum(counts[seed_first])
    shares = np.array(out[seed_first], dtype=float) / sum(out[seed_first])
    for m in range(first, seed_first):
        share = float(np.interp(m, [first, seed_first], [0.68, end_share]))
        wanted = split(round(share * sum(counts[m])), shares)
        out[m] = [min(w, c) for w, c in zip(wanted, counts[m])]
    return dict(sorted(out.items()))


def split(total: int, shares: np.ndarray) -> list[int]:
    """Largest-remainder split of a whole number in proportion to `shares`."""
    raw = total * shares / shares.sum()
    whole = np.floor(raw).astype(int)
    order = np.argsort(-(raw - whole), kind="stable")
    whole[order[: total - whole.sum()]] += 1
    return [int(v) for v in whole]
