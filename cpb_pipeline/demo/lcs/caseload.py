"""Who is in care, on a CP plan or on a CIN plan at each month end, and in which area.

The simulation steps one month at a time and lands every area's count on the plan
exactly. Time here is "as counted": a stay counted from month m is in the extract of
month m with its start date; `recorded_late` and `arrears` mark the few whose true
dates fall in the month before (keyed in after that month's extraction), which the
history builder turns into dates.

Children in care carry the extra constraint of the health denominators: the number in
care for 12 months or more per area is also planned. Each month's entrants therefore
split into stays that will last a year (exactly as many as the denominators need a
year later) and stays planned to end sooner; children who pass 12 months join the
denominator, leavers among them are taken from areas above their plan, and the rest
of the differences are team transfers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from cpb_pipeline.demo.lcs.plan import split

ELIGIBLE_EXIT_RATE = 0.026  # monthly share of children in care a year or more who leave
MIN_NEWLY_ELIGIBLE = 15
LONG_SHARE = 0.62  # entrants still in care a year later, where the plan does not say
MIN_SHORT = 8
# months from entry to leaving, for stays that end within the year
SHORT_OFFSETS = np.arange(1, 12)
SHORT_WEIGHTS = np.array([0.22, 0.15, 0.12, 0.1, 0.08, 0.07, 0.06, 0.055, 0.05, 0.045, 0.05])
SHORT_WEIGHTS = SHORT_WEIGHTS / SHORT_WEIGHTS.sum()
LATE_RECORDED = 0.04
ARREARS = 0.05


@dataclass(eq=False)
class Stay:
    """A period of care, or a CP or CIN plan, as the month-end counts see it."""

    key: int
    entered: int  # true month the stay started
    counted_from: int  # first month end at which it counts
    areas: list[tuple[int, int]] = field(default_factory=list)  # (first month counted there, area)
    planned_exit: int | None = None  # month its end takes effect, when planned ahead
    counted_to: int | None = None  # last month end it counts at; None: still open at the end
    recorded_late: bool = False  # started in the month before counted_from, keyed in late
    arrears: bool = False  # ended in its last counted month, keyed in after that extraction
    long: bool = False  # a stay in care planned to pass 12 months

    def area_at(self, m: int) -> int:
        current = self.areas[0][1]
        for start, area in self.areas:
            if start > m:
                break
            current = area
        return current

    def move(self, m: int, area: int) -> None:
        if not self.areas or self.areas[-1][1] != area:
            if self.areas and self.areas[-1][0] == m:
                self.areas[-1] = (m, area)
            else:
                self.areas.append((m, area))

    def counted_at(self, m: int) -> bool:
        return self.counted_from <= m and (self.counted_to is None or m <= self.counted_to)


class _Keys:
    def __init__(self) -> None:
        self.next = 0

    def __call__(self) -> int:
        self.next += 1
        return self.next


def simulate_care(
    rng: np.random.Generator,
    counts: dict[int, list[int]],
    denominators: dict[int, list[int]],
    short_term: list[int],
    duty: int | None,
) -> list[Stay]:
    """Periods of care such that, at every month end, each area holds counts[m][a] children
    of whom denominators[m][a] entered care 12 or more months before.

    Children in care a year or more stay a single month in the `short_term` areas (small
    teams whose percentages swing between 0 and 100 and cannot keep the same children);
    newer children are handed on from the `duty` team after three months."""
    months = sorted(counts)
    t0 = months[0]
    n_areas = len(counts[t0])
    d_total = {m: sum(denominators[m]) for m in months}
    newly, exits = {}, {}
    for m in months[1:]:
        change = d_total[m] - d_total[m - 1]
        wanted = max(0, round(ELIGIBLE_EXIT_RATE * d_total[m - 1] + rng.normal(0, 3)))
        newly[m] = max(MIN_NEWLY_ELIGIBLE, change + wanted)
        exits[m] = newly[m] - change
    key = _Keys()
    stays = _stock(rng, key, t0, counts[t0], denominators[t0], newly)
    active = list(stays)
    for m in months[1:]:
        # stays planned to end this month
        still = []
        for s in active:
            if s.planned_exit == m:
                s.counted_to = m - 1
            else:
                still.append(s)
        active = still
        eligible = [s for s in active if s.entered <= m - 12]
        arriving = sum(1 for s in eligible if s.entered == m - 12)
        if arriving != newly[m]:
            raise RuntimeError(f"care simulation: {arriving} children reach a year in care in month {m}, "
                               f"plan {newly[m]}")
        recent = [s for s in active if s.entered > m - 12]
        u_wanted = sum(counts[m]) - d_total[m]
        long_next = newly.get(m + 12)
        need = (long_next if long_next is not None else 0) + MIN_SHORT
        shorts = [s for s in recent if s.planned_exit is not None]
        while u_wanted - len(recent) < need and shorts:  # bring planned exits forward
            s = shorts.pop(int(rng.integers(len(shorts))))
            s.counted_to = m - 1
            recent.remove(s)
        entrants = u_wanted - len(recent)
        if entrants < (long_next or 0):
            raise RuntimeError(f"care simulation: too few entrants in month {m}")
        active = eligible + recent
        left = _rebalance(rng, eligible, m, denominators[m], exits[m], [], dict.fromkeys(short_term, 1))
        for s in left:
            s.counted_to = m - 1
            active.remove(s)
        n_long = long_next if long_next is not None else round(LONG_SHARE * entrants)
        new = []
        for i in range(entrants):
            s = Stay(key(), m, m, long=i < n_long)
            if not s.long:
                s.planned_exit = m + int(rng.choice(SHORT_OFFSETS, p=SHORT_WEIGHTS))
                if rng.random() < LATE_RECORDED:
                    s.entered, s.recorded_late = m - 1, True
                s.arrears = rng.random() < ARREARS
            new.append(s)
        rng.shuffle(new)
        u_targets = [c - d for c, d in zip(counts[m], denominators[m])]
        _rebalance(rng, recent, m, u_targets, 0, new, {duty: 3} if duty is not None else {})
        stays.extend(new)
        active.extend(new)
    _check(stays, counts, denominators, n_areas)
    return stays


def _stock(
    rng: np.random.Generator, key: _Keys, t0: int, count: list[int], denominator: list[int], newly: dict[int, int]
) -> list[Stay]:
    """The children in care at the first month end, with tenures that feed the plan."""
    long_term = []
    for _ in range(sum(denominator)):
        months_before = min(int(rng.geometric(1 / 38)) - 1, 11 * 12)
        long_term.append(Stay(key(), t0 - 12 - months_before, t0, long=True))
    recent: list[Stay] = []
    for e in range(t0 - 11, t0 + 1):
        for _ in range(newly[e + 12]):
            recent.append(Stay(key(), e, t0, long=True))
    room = sum(count) - sum(denominator) - len(recent)
    if room < 0:
        raise RuntimeError("care simulation: the first month cannot hold the children the plan needs")
    ages = np.arange(11, -1, -1)  # months since entry, for cohorts t0-11 .. t0
    still_there = np.array([SHORT_WEIGHTS[SHORT_OFFSETS > a].sum() for a in ages])
    for e, n in zip(range(t0 - 11, t0 + 1), split(room, still_there)):
        age = t0 - e
        offsets, weights = SHORT_OFFSETS[SHORT_OFFSETS > age], SHORT_WEIGHTS[SHORT_OFFSETS > age]
        for _ in range(n):
            s = Stay(key(), e, t0, planned_exit=e + int(rng.choice(offsets, p=weights / weights.sum())))
            recent.append(s)
    for group, wanted in ((long_term, denominator), (recent, [c - d for c, d in zip(count, denominator)])):
        order = rng.permutation(len(group))
        slots = [a for a, w in enumerate(wanted) for _ in range(w)]
        for i, a in zip(order, slots):
            group[i].areas = [(t0, a)]
    return long_term + recent


def _rebalance(
    rng: np.random.Generator,
    members: list[Stay],
    m: int,
    wanted: list[int],
    exits: int,
    incoming: list[Stay],
    hand_on: dict[int, int],
) -> list[Stay]:
    """Make each area hold `wanted` of `members` + `incoming`: `exits` members leave, taken from
    areas above their number; other surpluses transfer to areas below; `incoming` fill the rest.
    Members who have been hand_on[a] months or more in a short-term area a are handed on."""
    groups: list[list[Stay]] = [[] for _ in wanted]
    for s in members:
        groups[s.area_at(m)].append(s)
    handed = []
    for a, months_there in hand_on.items():
        keep = [s for s in groups[a] if m - s.areas[-1][0] < months_there]
        handed += [s for s in groups[a] if m - s.areas[-1][0] >= months_there]
        groups[a] = keep
    surplus = [len(g) - w for g, w in zip(groups, wanted)]
    units = [a for a, s in enumerate(surplus) for _ in range(max(s, 0))]
    if exits > len(units) + len(handed):
        raise RuntimeError(f"month {m}: {exits} leavers wanted, only {len(units)} above plan")
    left = []
    picks = rng.choice(len(units) + len(handed), size=exits, replace=False).tolist() if exits else []
    for i in sorted(picks, reverse=True):
        if i >= len(units):
            left.append(handed.pop(i - len(units)))
            continue
        a = units[i]
        left.append(groups[a].pop(int(rng.integers(len(groups[a])))))
        surplus[a] -= 1
    movers = handed
    for a, g in enumerate(groups):
        for _ in range(max(surplus[a], 0)):
            movers.append(g.pop(int(rng.integers(len(g)))))
    slots = [a for a, s in enumerate(surplus) for _ in range(max(-s, 0))]
    if len(slots) != len(movers) + len(incoming):
        raise RuntimeError(f"month {m}: {len(movers) + len(incoming)} children to place, {len(slots)} places")
    if hand_on:
        _place_short_term(rng, groups, movers, list(incoming), slots, m, set(hand_on))
    else:
        pool = movers + list(incoming)
        for i, a in zip(rng.permutation(len(pool)), slots):
            pool[i].move(m, a)
    return left


def _place_short_term(rng, groups, movers, incoming, slots, m, short):
    """Places in short-term areas go to newcomers, or to children from other areas who have not been
    in one for a year (recruited from those staying put if need be); the rest go to the other areas."""
    def fresh(s: Stay) -> bool:
        return not any(area in short and start >= m - 12 for start, area in s.areas)

    short_slots = [a for a in slots if a in short]
    long_slots = [a for a in slots if a not in short]
    candidates = [s for s in movers if fresh(s)] + incoming
    others = [s for s in movers if not fresh(s)]
    if len(candidates) < len(short_slots):
        staying = [s for a, g in enumerate(groups) if a not in short for s in g if fresh(s)]
        for i in rng.permutation(len(staying))[: len(short_slots) - len(candidates)]:
            long_slots.append(staying[i].area_at(m))
            candidates.append(staying[i])
    order = rng.permutation(len(candidates))
    chosen = [candidates[i] for i in order[: len(short_slots)]]
    rest = others + [candidates[i] for i in order[len(short_slots):]]
    if len(rest) != len(long_slots):
        raise RuntimeError(f"month {m}: short-term places cannot be filled")
    for s, a in zip(chosen, short_slots):
        s.move(m, a)
    for i, a in zip(rng.permutation(len(rest)), long_slots):
        rest[i].move(m, a)


def simulate_plans(
    rng: np.random.Generator, counts: dict[int, list[int]], duration: list, late: float = 0.03
) -> list[Stay]:
    """CP or CIN plans such that each area holds counts[m][a] open plans at every month end.

    duration[a] draws a plan length in months for area a. Areas above their count close
    the plans that have run longest first (plans are ended at a review), areas below
    start new ones.
    """
    months = sorted(counts)
    t0 = months[0]
    key = _Keys()
    stays: list[Stay] = []
    for a, n in enumerate(counts[t0]):
        for _ in range(n):
            length = duration[a](rng)
            elapsed = int(rng.integers(length))
            stays.append(Stay(key(), t0 - elapsed, t0, [(t0, a)], planned_exit=t0 + length - elapsed))
    active = list(stays)
    for m in months[1:]:
        groups: list[list[Stay]] = [[] for _ in counts[m]]
        for s in active:
            if s.planned_exit == m:
                s.counted_to = m - 1
            else:
                groups[s.areas[0][1]].append(s)
        active = []
        for a, group in enumerate(groups):
            surplus = len(group) - counts[m][a]
            if surplus > 0:
                group.sort(key=lambda s: (s.entered, s.key))
                for s in group[:surplus]:
                    s.counted_to = m - 1
                group = group[surplus:]
            for _ in range(max(-surplus, 0)):
                s = Stay(key(), m, m, [(m, a)], planned_exit=m + duration[a](rng))
                if rng.random() < late:
                    s.entered, s.recorded_late = m - 1, True
                s.arrears = rng.random() < ARREARS
                group.append(s)
                stays.append(s)
            active.extend(group)
    _check(stays, counts, None, len(counts[t0]))
    return stays


def _check(stays: list[Stay], counts: dict[int, list[int]], denominators: dict[int, list[int]] | None, n: int) -> None:
    for m, wanted in counts.items():
        got, long = [0] * n, [0] * n
        for s in stays:
            if s.counted_at(m):
                a = s.area_at(m)
                got[a] += 1
                long[a] += s.entered <= m - 12
        if got != wanted or (denominators is not None and long != denominators[m]):
            raise RuntimeError(f"simulation missed the plan in month {m}")
