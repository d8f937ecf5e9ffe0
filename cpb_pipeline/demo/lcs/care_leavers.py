"""Monthly snapshots of ssd_care_leavers, with the counts and percentages of Appendix A.

Care leavers are the simulated children who left care at 16 or over after 13 weeks in
care since 14 (Relevant until 18, then Former Relevant until 21), plus young people who
left care at 18 before the simulation starts. From 21 a young person has No Current
Eligibility unless they take up the extended support to 25 that began in April 2018;
how many do each month is what makes the count land on the seed (562 rising to 885).
Accommodation, activity and contact are carried from month to month with some change,
then the fewest young people needed are changed to land each percentage: at one decimal
where any whole number of young people reaches the printed value, else at whole percent.
Children still in care aged 16-17 are listed as Eligible, those with under 13 weeks as Qualifying.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cpb_pipeline.demo.lcs import months, records, reference, targets
from cpb_pipeline.demo.lcs.plan import nearest_reaching
from cpb_pipeline.demo.lcs.records import OPEN

YEAR = 365.25
EXTENDED_AT_START = 30  # young people over 21 on extended support in Aug-18


@dataclass
class Leaver:
    person: int
    dob: int
    left: int  # day they left care
    known: int  # day their leaving was keyed in
    qualifying: bool
    team: str
    accommodation: str = ""
    suitable: str = ""
    activity: str = ""
    in_touch: str = ""
    contact: int = OPEN
    extended: bool = False

    def __post_init__(self) -> None:
        self.turns_18, self.turns_21, self.turns_25 = (_birthday(self.dob, y) for y in (18, 21, 25))


def _birthday(dob: int, years: int) -> int:
    return int(records.add_months(np.array([dob]), 12 * years)[0])


def leavers(rng: np.random.Generator, periods: pd.DataFrame, team_of, t0: int) -> list[Leaver]:
    """Simulated leavers aged 16+, then young people who left care at 18 before the simulation
    (person -1: not yet in the people table). Of those, the ones who left in the last three years
    are still under 21 when Appendix A starts: enough to begin a little under its count. Older
    ones, 21 to 25 during the extracts, may take up the extended support."""
    out = []
    for row in periods.itertuples():
        if row.exit >= OPEN:
            continue
        if records.age_years(np.array([row.dob]), np.array([row.exit]))[0] < 16:
            continue
        since_14 = row.exit - max(row.entry, _birthday(int(row.dob), 14))
        out.append(Leaver(row.person_id, int(row.dob), int(row.exit), int(row.exit_known), since_14 < 91,
                          team_of(rng, row.Index)))
    start, seed_end = months.first_day(t0), months.end_day(months.index(targets.MONTHS[0]))
    under_21_from = _birthday(seed_end, -3) + 1  # left at 18 after this: under 21 at Aug-18
    wanted = max(0, targets.CARE_LEAVERS[0] - EXTENDED_AT_START - len(_counted_at(out, seed_end)))
    recent = rng.integers(under_21_from, start, wanted)
    older = rng.integers(_birthday(start, -7), under_21_from, round(15 * (under_21_from - _birthday(start, -7)) / 30.4))
    for left in np.sort(np.concatenate([recent, older])):
        out.append(Leaver(-1, _birthday(int(left), -18), int(left), int(left) + 5, False, team_of(rng, None)))
    return out


def _counted_at(people: list[Leaver], day: int) -> list[Leaver]:
    """Relevant or Former Relevant by age alone at a day (extended support aside)."""
    return [p for p in people if not p.qualifying and p.known <= day and p.left <= day and day < p.turns_21]


def snapshots(
    rng: np.random.Generator, people: list[Leaver], in_care: dict[int, pd.DataFrame], first: int, last: int
) -> dict[int, pd.DataFrame]:
    """{month: rows of ssd_care_leavers as at that month's extraction}; in_care[m] lists the
    children still in care who are Eligible (clea_person_id, clea_care_leaver_allocated_team, activity)."""
    out = {}
    extended: list[Leaver] = []
    for m in range(first, last + 1):
        end, x = months.end_day(m), months.extraction_day(m)
        present = [p for p in people if p.known <= x and p.left <= end and end < p.turns_25]
        for p in present:
            _carry(rng, p, end)
        base = [p for p in present if not p.qualifying and end < p.turns_21]
        i = targets.MONTHS.index(months.label(m)) if months.label(m) in targets.MONTHS else None
        ramp = round(EXTENDED_AT_START * (m - first + 1) / (months.index(targets.MONTHS[0]) - first + 1))
        wanted = targets.CARE_LEAVERS[i] if i is not None else len(base) + ramp
        extended = [p for p in extended if end < p.turns_25]
        pool = [p for p in present if not p.qualifying and end >= p.turns_21 and not p.extended]
        need = wanted - len(base)

        if need < 0:
            raise RuntimeError(f"care leavers {months.label(m)}: {len(base)} young people under 21, {wanted} wanted")
        while len(extended) > need:
            extended.pop(int(rng.integers(len(extended)))).extended = False
        for j in rng.permutation(len(pool))[: need - len(extended)]:
            pool[j].extended = True
            extended.append(pool[j])
        if len(extended) != need:
            raise RuntimeError(f"care leavers {months.label(m)}: not enough young people over 21 to reach {wanted}")
        counted = base + extended
        if i is not None:
            _land(rng, counted, i, m)
        out[m] = _rows(present, counted, in_care[m], m)
    return out


def _carry(rng: np.random.Generator, p: Leaver, end: int) -> None:
    """First values for a newcomer; for the others, this month's changes."""
    age = (end - p.dob) / YEAR
    if not p.in_touch:
        _set_suitable(rng, p, rng.random() < 0.91)
        _set_eet(rng, p, rng.random() < (0.7 if age < 18 else 0.45), end)
        p.in_touch = "YES" if rng.random() < 0.9 else str(reference.draw(rng, reference.NOT_IN_TOUCH, 1)[0])
        p.contact = end - int(rng.integers(0, 55)) if p.in_touch == "YES" else p.left + int(rng.integers(0, 60))
        p.contact = min(p.contact, end)
        return
    if rng.random() < 0.02:
        _set_suitable(rng, p, p.suitable != "Y")
    if rng.random() < 0.04:
        _set_eet(rng, p, p.activity not in reference.ACTIVITY_EET, end)
    if p.in_touch == "YES" and rng.random() < 0.8:
        p.contact = end - int(rng.integers(0, 28))


def _set_suitable(rng: np.random.Generator, p: Leaver, suitable: bool) -> None:
    table = reference.ACCOMMODATION_SUITABLE if suitable else reference.ACCOMMODATION_UNSUITABLE
    p.accommodation, p.suitable = str(reference.draw(rng, table, 1)[0]), "Y" if suitable else "N"


def _set_eet(rng: np.random.Generator, p: Leaver, eet: bool, end: int) -> None:
    p.activity = str(reference.draw(rng, reference.ACTIVITY_EET if eet else reference.ACTIVITY_NEET, 1)[0])
    if end < p.turns_18 and p.activity in ("F1", "P1"):  # 16-17: not yet in higher education
        p.activity = p.activity.replace("1", "2")


def _in_touch(p: Leaver, m: int) -> bool:
    if p.in_touch != "YES":
        return False
    if m >= months.index(targets.IN_TOUCH_CONTACT_RULE_FROM):
        return p.contact > months.shift(months.end_day(m), -2)
    return True


def _land(rng: np.random.Generator, counted: list[Leaver], i: int, m: int) -> None:
    """Change the fewest young people so that each percentage lands on the seed."""
    n, end = len(counted), months.end_day(m)
    printed = {k: v[i] for k, v in targets.CARE_LEAVER_PERCENTAGES.items()}

    def land(has, make, unmake, wanted: int) -> None:
        yes = [p for p in counted if has(p)]
        no = [p for p in counted if not has(p)]
        for j in rng.permutation(len(no))[: max(0, wanted - len(yes))]:
            make(no[j])
        for j in rng.permutation(len(yes))[: max(0, len(yes) - wanted)]:
            unmake(yes[j])

    land(lambda p: p.suitable == "Y", lambda p: _set_suitable(rng, p, True), lambda p: _set_suitable(rng, p, False),
         nearest_reaching(n, printed["care_leavers_suitable_accommodation"]))
    land(lambda p: p.activity in reference.ACTIVITY_EET, lambda p: _set_eet(rng, p, True, end),
         lambda p: _set_eet(rng, p, False, end), nearest_reaching(n, printed["care_leavers_eet"]))

    def touch(p: Leaver) -> None:
        p.in_touch, p.contact = "YES", end - int(rng.integers(0, 40))

    def lose(p: Leaver) -> None:
        if m >= months.index(targets.IN_TOUCH_CONTACT_RULE_FROM) and rng.random() < 0.7:
            p.contact = months.shift(end, -2) - int(rng.integers(1, 120))  # in touch, but not seen lately
        else:
            p.in_touch = str(reference.draw(rng, reference.NOT_IN_TOUCH, 1)[0])

    land(lambda p: _in_touch(p, m), touch, lose, nearest_reaching(n, printed["care_leavers_in_touch"]))


def _rows(present: list[Leaver], counted: list[Leaver], in_care: pd.DataFrame, m: int) -> pd.DataFrame:
    end = months.end_day(m)
    counted_ids = {id(p) for p in counted}
    rows = []
    for p in present:
        if id(p) in counted_ids:
            status = "Relevant" if end < p.turns_18 else "Former Relevant"
        elif p.qualifying:
            status = "Qualifying"
        else:
            status = "No Current Eligibility"
        rows.append((p.person, status, p.in_touch, p.contact, p.accommodation, p.suitable, p.activity, p.team))
    frame = pd.DataFrame(rows, columns=["clea_person_id", "clea_care_leaver_eligibility", "clea_care_leaver_in_touch",
                                        "clea_care_leaver_latest_contact", "clea_care_leaver_accommodation",
                                        "clea_care_leaver_accom_suitable", "clea_care_leaver_activity",
                                        "clea_care_leaver_allocated_team"])
    eligible = in_care.assign(clea_care_leaver_eligibility="Eligible", clea_care_leaver_in_touch="YES",
                              clea_care_leaver_latest_contact=end, clea_care_leaver_accommodation="",
                              clea_care_leaver_accom_suitable="Y", clea_care_leaver_activity=in_care["activity"])
    return pd.concat([frame, eligible[frame.columns]], ignore_index=True)
