"""IRO statistics workbooks for a fictional authority, one per month end (docs/iro.md).

Every challenge is simulated once, from the first workbook's 12-month window to the last
month end: raised on a working day, at a rate per child looked after or on a CP plan from
the authority's levels (dipping in August and December), naming a child who was looked
after or on a plan that day and already known to LCS, so the child is in every extract
whose workbook lists the challenge. Locality follows the child's district (the districts,
in profile order, split into the spec's three localities); children in other areas are
spread over them. Each month's workbook is then written as the service saves it, with the
demo's writer: challenges raised in the 12 months to the month end, resolutions only once
dated by then, and the month's staffing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from cpb_pipeline.demo.iro.generate import Challenge, write_workbook
from cpb_pipeline.demo.iro.lcs_cohorts import spread_locality
from cpb_pipeline.demo.lcs import months as days
from cpb_pipeline.demo.synthetic.authority import SyntheticAuthority
from cpb_pipeline.demo.synthetic.lcs import History
from cpb_pipeline.demo.synthetic.levels import Levels
from cpb_pipeline.demo.synthetic.workbooks import make_reproducible
from cpb_pipeline.domain.calendar import add_months, is_working_day, month_end, month_key, months_between, parse_month
from cpb_pipeline.domain.iro import CATEGORIES, LOCALITIES, MA, PR, RESOLUTION_LEVELS, file_name

MONTH_WEIGHTS = {8: 0.75, 12: 0.72}  # holiday dips; other months 1
CLA_SHARE = {PR: 0.7, MA: 0.65}
PR_WEIGHTS = (0.3, 0.17, 0.45, 0.08)  # in the order of spec.PR_CATEGORIES
MA_WEIGHTS = {"CLA": (0.3, 0.15, 0.07, 0.48), "CP": (0.0, 0.3, 0.0, 0.7)}
"""In the order of spec.MA_CATEGORIES; a child on a CP plan has no CLA review or pathway plan."""
LEVEL_SHARES = (0.66, 0.22, 0.1, 0.02)
FIRST_ID = 500001


def write_workbooks(authority: SyntheticAuthority, levels: Levels, history: History, folder: Path) -> list[Path]:
    rng = np.random.default_rng(authority.seed + 1)
    challenges = _simulate(rng, authority, levels, history)
    moment = dt.datetime.combine(month_end(authority.last_month), dt.time(18, 0))
    paths = []
    fte = sum(history.month_end_children[authority.first_month]) / levels.iro_caseload
    for month in authority.months:
        allocated = int(round(sum(history.month_end_children[month]) * rng.uniform(0.97, 1.0)))
        if rng.random() < 0.3:  # now and then an IRO joins or leaves, or changes hours
            fte += rng.choice([-1.0, -0.5, 0.5, 1.0])
        staff = (round(fte, 1), round(fte * levels.agency_share, 1), allocated)
        path = write_workbook(folder / file_name(month), month, challenges, staff)
        paths.append(make_reproducible(path, moment))
    return paths


def _simulate(rng: np.random.Generator, authority: SyntheticAuthority, levels: Levels,
              history: History) -> list[Challenge]:
    window_start = add_months(month_end(authority.first_month), -12) + dt.timedelta(days=1)
    cla, cp = history.month_end_children[authority.first_month]
    drafts = []
    for month in months_between(month_key(window_start), authority.last_month):
        children = sum(history.month_end_children.get(month, (cla, cp)))
        weight = MONTH_WEIGHTS.get(parse_month(month).month, 1.0)
        for kind, per_year in ((PR, levels.pr_per_child_year), (MA, levels.ma_per_child_year)):
            for day in _raised_days(rng, month, int(rng.poisson(per_year * children * weight / 12)), window_start):
                drafts.append((day, kind))
    drafts.sort()
    challenges = []
    for number, (day, kind) in enumerate(drafts):
        cohort = "CLA" if rng.random() < CLA_SHARE[kind] else "CP"
        weights = np.array(PR_WEIGHTS if kind == PR else MA_WEIGHTS[cohort])
        category = CATEGORIES[kind][rng.choice(len(weights), p=weights / weights.sum())]
        person, area = _child(rng, history, cohort, day)
        resolved = day + dt.timedelta(days=_delay(rng))
        level = RESOLUTION_LEVELS[rng.choice(len(LEVEL_SHARES), p=LEVEL_SHARES)] if kind == PR else None
        challenges.append(Challenge(FIRST_ID + number, person, kind, category, cohort,
                                    _locality(person, area, len(history.areas) - 1), day, resolved, level))
    return challenges


def _raised_days(rng: np.random.Generator, month: str, n: int, not_before: dt.date) -> list[dt.date]:
    first, last = parse_month(month), month_end(month)
    working = [first + dt.timedelta(d) for d in range((last - first).days + 1)]
    working = [d for d in working if is_working_day(d) and d >= not_before]
    return [working[i] for i in rng.integers(0, len(working), size=n)] if working else []


def _child(rng: np.random.Generator, history: History, cohort: str, day: dt.date) -> tuple[str, int]:
    """A child looked after (or on a CP plan) on `day` whom LCS already knew about."""
    pool = history.cla if cohort == "CLA" else history.cp
    n = days.day(day)
    eligible = np.flatnonzero((pool["start"].to_numpy() <= n) & (pool["end"].to_numpy() > n)
                              & (pool["known"].to_numpy() <= n))
    pick = eligible[int(rng.integers(len(eligible)))]
    return str(pool["person_id"].iat[pick]), int(pool["area"].iat[pick])


def _locality(person: str, area: int, districts: int) -> str:
    return LOCALITIES[area * len(LOCALITIES) // districts] if area < districts else spread_locality(person)


def _delay(rng: np.random.Generator) -> int:
    """Days to resolve: mostly within 4 weeks, a tail of up to about 3 months."""
    if rng.random() < 0.1:
        return int(rng.integers(29, 95))
    return 1 + min(27, int(rng.gamma(2.0, 5.0)))
