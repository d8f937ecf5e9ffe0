"""From month-end caseloads to dated histories: days, people and team allocations.

The caseload simulation says in which month a stay is first and last counted and in
which area; this module picks the days (and the days each fact was keyed in, so that
every extract counts exactly what the plan says), gives every child a date of birth
that fits their stay, and lays out their team allocations. Some children move on from
a CIN plan to a CP plan, or from a CP plan into care, on the same day.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cpb_pipeline.demo.lcs import months, records, reference
from cpb_pipeline.demo.lcs.caseload import Stay
from cpb_pipeline.demo.lcs.records import OPEN

YEAR = 365.25
# (lowest age, highest age, weight): age at leaving care; None marks leaving on the 18th birthday
AGE_AT_LEAVING = ((0, 1, 0.07), (1, 5, 0.19), (5, 10, 0.13), (10, 16, 0.22), (16, 18, 0.10), (None, None, 0.28))
AGE_IN_CARE = ((0, 1, 0.05), (1, 5, 0.14), (5, 10, 0.19), (10, 16, 0.39), (16, 18, 0.23))
AGE_CP = ((0, 1, 0.12), (1, 5, 0.28), (5, 10, 0.29), (10, 16, 0.27), (16, 17.5, 0.04))
AGE_CIN = ((0, 1, 0.05), (1, 5, 0.17), (5, 10, 0.26), (10, 16, 0.38), (16, 17.5, 0.14))
LINK_CHANCE = 0.3  # entrants whose previous plan ended the day they started


@dataclass
class Dated:
    """A stay with its days: start, end, when each was keyed in, and its area spells."""

    stay: Stay
    start: int
    start_known: int
    end: int
    end_known: int
    spells: list[tuple[int, int, int]]  # (first day, day keyed in, area)


@dataclass
class History:
    people: pd.DataFrame  # person_id, dob, sex, ethnicity
    periods: pd.DataFrame  # cla_id, person_id, key, entry, exit, exit_reason, entry_created, exit_known, need, dob
    cp_plans: pd.DataFrame  # plan_id, person_id, start, end, start_created, end_known, initial, latest
    cin_plans: pd.DataFrame  # plan_id, person_id, start, end, start_created, end_known, team
    allocations: pd.DataFrame  # person_id, team, role, start, end, created, end_known, order
    care: list[Dated]  # the periods of care the caseload simulation counts, for the health calibration


def _day(rng: np.random.Generator, lo: int, hi: int) -> int:
    return int(rng.integers(lo, hi + 1))


def date_stay(rng: np.random.Generator, s: Stay, t0: int) -> Dated:
    """Days for a stay, consistent with the months it is counted in."""
    x = months.extraction_day
    if s.recorded_late:
        start = _day(rng, months.end_day(s.entered) - 6, months.end_day(s.entered))
        known = _day(rng, x(s.entered) + 1, x(s.counted_from))
    elif s.counted_from == t0:
        start = _day(rng, months.first_day(s.entered), months.end_day(s.entered))
        known = min(start + int(records.lag(rng, 1, 3)[0]), x(t0))
    else:
        start = _day(rng, months.first_day(s.counted_from), months.end_day(s.counted_from))
        known = min(start + int(records.lag(rng, 1, 3)[0]), x(s.counted_from))
    first = start
    if s.counted_from == t0 and not s.recorded_late:
        first = max(start, months.end_day(t0) - int(rng.integers(0, 700)))
    spells = [(first, known, s.areas[0][1])]
    for m, area in s.areas[1:]:
        prev = spells[-1][0]
        if rng.random() < 0.05 and m - 1 >= s.counted_from and months.end_day(m - 1) - 6 > prev:
            day = _day(rng, months.end_day(m - 1) - 6, months.end_day(m - 1))
            keyed = _day(rng, x(m - 1) + 1, x(m))
        else:
            day = _day(rng, max(prev + 1, months.first_day(m)), months.end_day(m))
            keyed = min(day + int(records.lag(rng, 1, 3)[0]), x(m))
        spells.append((day, keyed, area))
    end, end_known = OPEN, OPEN
    if s.counted_to is not None:
        c, after = s.counted_to, spells[-1][0] + 1
        if s.arrears and after <= months.end_day(c) - 1:
            end = _day(rng, max(after, months.end_day(c) - 10), months.end_day(c))
            end_known = _day(rng, x(c) + 1, x(c + 1))
        else:
            end = _day(rng, max(after, months.first_day(c + 1)), months.end_day(c + 1))
            end_known = min(end + int(records.lag(rng, 1, 4)[0]), x(c + 1))
    return Dated(s, start, known, end, end_known, spells)


def _ages(rng: np.random.Generator, bands) -> tuple[float, float]:
    weights = np.array([w for *_, w in bands])
    lo, hi, _ = bands[int(rng.choice(len(bands), p=weights / weights.sum()))]
    return lo, hi


def leaving_age_dob(rng: np.random.Generator, d: Dated, horizon: int) -> int:
    """A date of birth that fits a period of care: under 18 throughout, ages typical of children
    leaving care (over a quarter on their 18th birthday) or, if still in care, of children in care."""
    if d.end < OPEN:
        tenure = (d.end - d.start) / YEAR
        bands = [b for b in AGE_AT_LEAVING
                 if (b[0] is None and not d.stay.arrears) or (b[0] is not None and b[1] > tenure + 0.05)]
        lo, hi = _ages(rng, bands)
        if lo is None:
            return int(records.add_months(np.array([d.end]), -216)[0])
        age = rng.uniform(max(lo, tenure + 0.02), hi - 0.01)
        return int(d.end - age * YEAR)
    tenure = (horizon - d.start) / YEAR
    bands = [b for b in AGE_IN_CARE if b[1] > tenure + 0.1]
    lo, hi = _ages(rng, bands)
    return int(horizon - rng.uniform(max(lo, tenure + 0.02), hi - 0.05) * YEAR)


def plan_dob(rng: np.random.Generator, bands, d: Dated, horizon: int) -> int:
    """A date of birth typical of children on such plans, under 18 until the plan ends."""
    stop = min(d.end, horizon)
    for _ in range(20):
        lo, hi = _ages(rng, bands)
        dob = int(d.start - rng.uniform(lo, hi) * YEAR)
        if stop - dob < 17.9 * YEAR:
            return dob
    return int(max(stop - 17.5 * YEAR, d.start - rng.uniform(0, 2) * YEAR))


def exit_reason(rng: np.random.Generator, age: float, tenure: float, on_birthday: bool) -> str:
    group = "adult" if on_birthday else "infant" if age < 5 else "child" if age < 12 else "teen"
    reason = str(reference.draw(rng, reference.EXIT_REASONS[group], 1)[0])
    if reason in ("E11", "E12") and tenure < 0.5:
        reason = "E4A"
    return reason


def build(
    rng: np.random.Generator,
    care: list[Stay],
    cp: list[Stay],
    cin: list[Stay],
    t0: int,
    last: int,
    picker: reference.TeamPicker,
    duty_area: int | None,
    other_area: int,
) -> History:
    horizon = months.extraction_day(last)
    person_dob: list[int] = []

    def new_person(dob: int) -> int:
        person_dob.append(dob)
        return len(person_dob) - 1

    # CIN plans: each a child of their own
    cin_d = [date_stay(rng, s, t0) for s in cin]
    cin_person = _cin_children(rng, cin_d, new_person, person_dob, horizon)
    cin_team = []
    for d in cin_d:
        area = d.spells[0][2]
        no_team = area == other_area and rng.random() < 0.1
        cin_team.append(None if no_team else picker.pick(rng, area, reference.CIN))
    # CP plans: some children come straight from a CIN plan
    ending = _by_end_month([d if d.end >= OPEN or d.end_known <= months.extraction_day(months.month_of(d.end))
                            else None for d in cin_d])
    cp_d = [date_stay(rng, s, t0) for s in cp]
    cp_person = []
    for d in cp_d:
        j = _link(rng, d, ending, cin_d, cin_person, person_dob, horizon)
        if j is not None:
            cin_d[j].end, cin_d[j].end_known = d.start, max(min(d.start_known, cin_d[j].end_known), d.start)
            cp_person.append(cin_person[j])
        else:
            cp_person.append(new_person(plan_dob(rng, AGE_CP, d, horizon)))
    # periods of care: some children come straight from a CP plan
    ending = _by_end_month(cp_d)
    care_d = [date_stay(rng, s, t0) for s in care] + _short_breaks(rng, t0, last, duty_area, len(care))
    care_person, linked = [], []
    for d in care_d:
        link = _link(rng, d, ending, cp_d, cp_person, person_dob, horizon) if d.stay.key > 0 else None
        if link is not None:
            cp_d[link].end, cp_d[link].end_known = d.start, max(min(d.start_known, cp_d[link].end_known), d.start)
            care_person.append(cp_person[link])
        else:
            care_person.append(new_person(leaving_age_dob(rng, d, horizon)))
        linked.append(link)
    dob = np.array(person_dob, dtype="int64")
    people = _people(rng, dob, care_d, care_person, linked)
    periods = _periods(rng, care_d, care_person, dob, people)
    cp_plans = pd.DataFrame(
        {
            "person_id": cp_person,
            "start": [d.start for d in cp_d],
            "end": [d.end for d in cp_d],
            "start_created": [d.start_known for d in cp_d],
            "end_known": [d.end_known for d in cp_d],
            "area": [d.spells[0][2] for d in cp_d],
        }
    )
    initial = reference.draw(rng, reference.CP_CATEGORIES, len(cp_plans))
    changed = rng.random(len(cp_plans)) < 0.08
    cp_plans["initial"] = initial
    cp_plans["latest"] = np.where(changed, reference.draw(rng, reference.CP_CATEGORIES, len(cp_plans)), initial)
    cin_plans = pd.DataFrame(
        {
            "person_id": cin_person,
            "start": [d.start for d in cin_d],
            "end": [d.end for d in cin_d],
            "start_created": [d.start_known for d in cin_d],
            "end_known": [d.end_known for d in cin_d],
            "team": cin_team,
        }
    )
    allocations = _allocations(rng, care_d, care_person, cp_d, cp_person, linked, cin_d, cin_person, cin_team,
                               picker, duty_area, other_area, t0)
    return History(people, periods, cp_plans, cin_plans, allocations, care_d[: len(care)])


def _cin_children(rng: np.random.Generator, cin_d: list[Dated], new_person, person_dob: list[int],
                  horizon: int) -> list[int]:
    """A child per CIN plan; now and then a plan moves to another team: a new plan opens and the old
    one is closed that day but keyed in after the extraction, so for a month both are open (the
    newer one decides the child's area)."""
    ending = _by_end_month(cin_d)
    persons: list[int] = []
    for d in cin_d:
        old = None
        if not d.stay.recorded_late and rng.random() < 0.02:
            for i in ending.get(d.stay.counted_from, []):
                o = cin_d[i]
                if (o.spells[0][2] != d.spells[0][2] and o.start < d.start and o.end > d.start
                        and min(d.end, horizon) - person_dob[persons[i]] < 17.95 * YEAR):
                    old = i
                    break
        if old is None:
            persons.append(new_person(plan_dob(rng, AGE_CIN, d, horizon)))
            continue
        ending[d.stay.counted_from].remove(old)
        m = d.stay.counted_from
        cin_d[old].end = d.start
        cin_d[old].end_known = _day(rng, months.extraction_day(m) + 1, months.extraction_day(m + 1))
        persons.append(persons[old])
    return persons


def _by_end_month(dated: list[Dated | None]) -> dict[int, list[int]]:
    """Plans whose end is keyed in on time, by the month they end in."""
    out: dict[int, list[int]] = {}
    for j, d in enumerate(dated):
        if d is not None and d.end < OPEN and not d.stay.arrears:
            out.setdefault(months.month_of(d.end), []).append(j)
    return out


def _link(rng, d: Dated, ending: dict[int, list[int]], previous: list[Dated], persons: list[int],
          person_dob: list[int], horizon: int) -> int | None:
    """A plan ending in the month this stay starts, whose child is young enough, taken once."""
    if d.stay.recorded_late or rng.random() >= LINK_CHANCE:
        return None
    candidates = ending.get(months.month_of(d.start), [])
    stop = min(d.end, horizon)
    for _ in range(4):
        if not candidates:
            return None
        i = int(rng.integers(len(candidates)))
        j = candidates[i]
        dob = person_dob[persons[j]]
        if previous[j].start < d.start and stop - dob < 17.95 * YEAR and d.start > dob:
            candidates.pop(i)
            return j
    return None


def _short_breaks(rng: np.random.Generator, t0: int, last: int, duty_area: int | None, n: int) -> list[Dated]:
    """Stays that start and end within a month: in the extracts, never in a month-end count."""
    out = []
    for m in range(t0 + 1, last + 1):
        for _ in range(int(rng.poisson(5))):
            start = _day(rng, months.first_day(m), months.end_day(m) - 3)
            end = _day(rng, start + 1, min(start + 20, months.end_day(m)))
            known = min(start + int(records.lag(rng, 1, 2)[0]), end)
            end_known = min(end + int(records.lag(rng, 1, 2)[0]), months.extraction_day(m))
            s = Stay(-(n + len(out) + 1), m, m + 1, [(m, duty_area if duty_area is not None else 0)], counted_to=m)
            out.append(Dated(s, start, known, end, end_known, [(start, known, s.areas[0][1])]))
    return out


def _people(rng: np.random.Generator, dob: np.ndarray, care_d: list[Dated], care_person: list[int],
            linked: list[int | None]) -> pd.DataFrame:
    """Sex and ethnicity; some who come into care at 15 or over alone are unaccompanied asylum seekers."""
    n = len(dob)
    sex = np.where(rng.random(n) < 0.53, "M", "F")
    ethnicity = reference.draw(rng, reference.ETHNICITY, n)
    uasc = np.zeros(n, dtype=bool)
    for d, p, link in zip(care_d, care_person, linked):
        if d.stay.key > 0 and link is None and (d.start - dob[p]) / YEAR >= 15.3 and rng.random() < 0.3:
            uasc[p] = True
    sex[uasc] = np.where(rng.random(uasc.sum()) < 0.92, "M", "F")
    ethnicity[uasc] = reference.draw(rng, reference.UASC_ETHNICITY, int(uasc.sum()))
    return pd.DataFrame({"person": np.arange(n), "dob": dob, "sex": sex, "ethnicity": ethnicity, "uasc": uasc})


def _periods(rng: np.random.Generator, care_d: list[Dated], care_person: list[int], dob: np.ndarray,
             people: pd.DataFrame) -> pd.DataFrame:
    """One row per period of care, with why it ended (by age) and the child's category of need."""
    reasons, need = [], []
    for d, p in zip(care_d, care_person):
        if d.end < OPEN:
            age = (d.end - dob[p]) / YEAR
            birthday = int(records.add_months(np.array([dob[p]]), 216)[0]) == d.end
            reasons.append(exit_reason(rng, age, (d.end - d.start) / YEAR, birthday))
        else:
            reasons.append("")
        need.append("N8" if people["uasc"].iat[p] else str(reference.draw(rng, reference.NEED_CODES, 1)[0]))
    return pd.DataFrame(
        {
            "key": [d.stay.key for d in care_d],
            "person_id": care_person,
            "entry": [d.start for d in care_d],
            "exit": [d.end for d in care_d],
            "exit_reason": reasons,
            "entry_created": [d.start_known for d in care_d],
            "exit_known": [d.end_known for d in care_d],
            "need": need,
            "dob": dob[care_person],
        }
    )


def _allocations(rng, care_d, care_person, cp_d, cp_person, linked, cin_d, cin_person, cin_team,
                 picker: reference.TeamPicker, duty_area, other_area, t0: int) -> pd.DataFrame:
    """Team involvements. The one open at a month end with the latest start gives a CP or CLA
    child's area, so each new allocation starts after the last, and the one it replaces ends that
    day (sometimes keyed in later: both are open for a while, the newer one counts)."""
    rows: list[tuple] = []  # person, team, role, start, end, created, end_known, order

    def spells(person: int, d: Dated, service: str, close: int) -> bool:
        """Rows for a stay's allocations; False when its first spell has no team."""
        teams = [None if area == other_area and rng.random() < 0.3 else picker.pick(rng, area, service)
                 for _, _, area in d.spells]  # no team: counts under the other area
        for i, ((day, keyed, _), team) in enumerate(zip(d.spells, teams)):
            if team is None:
                continue
            if i + 1 < len(d.spells):
                nxt_day, nxt_keyed, _ = d.spells[i + 1]
                arrears = teams[i + 1] is not None and rng.random() < 0.1
                end, end_known = nxt_day, nxt_keyed + (int(rng.integers(1, 40)) if arrears else 0)
            else:
                end = close
                end_known = OPEN if end >= OPEN else max(end, d.end_known) + int(records.lag(rng, 1, 5)[0])
            rows.append((person, team, "Allocated Social Worker", day, end, keyed, end_known, 1))
        return teams[0] is not None

    care_first_team = []
    for d, p in zip(care_d, care_person):
        close = d.end if d.end >= OPEN else d.end + int(rng.integers(0, 45))
        care_first_team.append(spells(p, d, reference.CLA, close))
        if (care_first_team[-1] and d.stay.key > 0 and duty_area is not None and d.stay.counted_from > t0
                and rng.random() < 0.02):  # a duty worker from the same day, with the lower id: a tie
            team = picker.pick(rng, duty_area, reference.DUTY)
            rows.append((p, team, "Duty Social Worker", d.start, d.start + int(rng.integers(3, 25)), d.start_known,
                         d.start_known + 30, 0))
    into_care = {j: care_first_team[i] for i, j in enumerate(linked) if j is not None}
    for j, (d, p) in enumerate(zip(cp_d, cp_person)):
        close = d.end if (d.end >= OPEN or j in into_care) else d.end + int(rng.integers(0, 30))
        before = len(rows)
        spells(p, d, reference.CP, close)
        if j in into_care and not into_care[j] and len(rows) > before:  # into care with no team: closed on time
            last = rows[-1]
            rows[-1] = (*last[:6], care_d[linked.index(j)].start_known, last[7])
        if rng.random() < 0.15 and d.end - d.start > 90 and len(rows) > before and j not in into_care:
            team, day = rows[-1][1], rows[-1][3]
            support_start = d.start + int(rng.integers(7, 60))
            support_end = min(d.end, support_start + int(rng.integers(60, 300)))
            if day == d.spells[-1][0]:
                rows.append((p, team, "Family Support Worker", support_start, support_end,
                             support_start + int(records.lag(rng, 1, 5)[0]),
                             OPEN if support_end >= OPEN else support_end + 5, 1))
    for d, p, team in zip(cin_d, cin_person, cin_team):
        if team is not None:
            rows.append((p, team, "Allocated Social Worker", d.start, d.end, d.start_known, d.end_known, 1))
    return pd.DataFrame(rows, columns=["person_id", "team", "role", "start", "end", "created", "end_known", "order"])
