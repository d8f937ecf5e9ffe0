"""Demo IRO statistics workbooks, one per month end, calibrated to the IRO Annual Report 2018-19.

`generate_iro_workbooks(lcs_root, out_dir, first_month, last_month, seed)` simulates
every challenge once (id, child, type, category, cohort, locality, raised date,
resolution date and level), then writes each month's workbook as the IRO service
would save it at the month end: every challenge raised in the 12 months to the month
end, a resolution date and level only once the resolution is dated on or before that
month end, and the month's Staffing row. A challenge keeps its id, child, dates and
category from one workbook to the next.

Children come from the month's LCS extract (the files of docs/lcs_extract.md only): a CLA challenge
names a child looked after at the end of the month it is raised, a CP challenge a
child on a CP plan then; locality follows the child's district (`lcs_cohorts`). The
first workbook also holds the challenges of the months before it that its 12-month
window covers, from November 2017 when the process moved onto LCS (their children are
taken from the first extract).

Calibration (financial year 2018/19, challenges raised 1 April 2018 - 31 March 2019):
exact totals by type, by type and cohort, MA categories and PR categories from
`targets`; months constant with August and December dips; most challenges resolved
within 4 weeks; the PR resolution levels of the PRs resolved by 31 March 2019 (those a
summary as at the year end sees) round to 69/21/9/1 %. Staffing follows
`targets.STAFFING`: the 12 monthly caseloads of 2018/19 average 77.9 and March 2019's is
81. Everything is drawn from one seeded generator, so the same seed writes the same data.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from cpb_pipeline.demo.iro import targets
from cpb_pipeline.demo.iro.lcs_cohorts import MonthCohorts, read_month
from cpb_pipeline.domain.calendar import add_months, is_working_day, month_end, month_key, months_between, parse_month
from cpb_pipeline.domain.iro import (
    CHALLENGES,
    MA,
    PR,
    PR_CATEGORIES,
    RESOLUTION_LEVELS,
    STAFFING,
    file_name,
)

DEFAULT_SEED = 20190331
RECORDING_STARTED = dt.date(2017, 11, 1)
"""PRs and MAs were recorded on LCS from November 2017 (report §6.2.1)."""
FIRST_ID = 100001
BASE_PER_MONTH = {PR: targets.PR_TOTAL / 12, MA: targets.MA_TOTAL / 12}
BEFORE_YEAR_PER_MONTH = {PR: 18.0, MA: 46.0}
"""2017/18 recorded 767 challenges in all, at a lower rate than 2018/19."""
LEVEL_SHARES = np.array([0.69, 0.21, 0.09, 0.01])


@dataclass
class Challenge:
    challenge_id: int
    person_id: str
    challenge_type: str
    category: str
    cohort: str
    locality: str
    raised: dt.date
    resolved: dt.date | None
    level: str | None


# --- counts that print as given percentages ---------------------------------------------------

def round_half_away(x: float) -> int:
    return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)


def split_to_percentages(total: int, percents: list[int]) -> list[int]:
    """Whole counts summing to `total` whose shares each round (half away from zero) to `percents`."""
    raw = [total * p / 100 for p in percents]
    counts = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1

    def ok(c: list[int]) -> bool:
        return sum(c) == total and all(round_half_away(100 * n / total) == p for n, p in zip(c, percents))

    if ok(counts):
        return counts
    for i in range(len(counts)):  # move one unit between two groups until every share prints right
        for j in range(len(counts)):
            trial = list(counts)
            trial[i] += 1
            trial[j] -= 1
            if i != j and trial[j] >= 0 and ok(trial):
                return trial
    raise ValueError(f"no counts of {total} print as {percents}")


def allocate(total: int, weights: list[float]) -> list[int]:
    """Largest-remainder split of `total` in proportion to `weights`."""
    raw = [total * w / sum(weights) for w in weights]
    counts = [math.floor(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)[: total - sum(counts)]:
        counts[i] += 1
    return counts


# --- simulation ------------------------------------------------------------------------------

def _in_financial_year(day: dt.date) -> bool:
    first, last = (parse_month(m) for m in targets.FINANCIAL_YEAR)
    return first <= day <= month_end(last)


def _volumes(months: list[str], rng: np.random.Generator) -> dict[str, dict[str, int]]:
    """Challenges raised per month and type: 2018/19 exactly as reported, other months at a similar rate."""
    year = months_between(*targets.FINANCIAL_YEAR)
    weights = [targets.MONTH_WEIGHTS[parse_month(m).month] for m in year]
    exact = {PR: allocate(targets.PR_TOTAL, weights), MA: allocate(targets.MA_TOTAL, weights)}
    out: dict[str, dict[str, int]] = {}
    for m in months:
        if m in year:
            out[m] = {kind: exact[kind][year.index(m)] for kind in (PR, MA)}
            continue
        before = parse_month(m) < parse_month(year[0])
        base = BEFORE_YEAR_PER_MONTH if before else {k: v * 1.03 for k, v in BASE_PER_MONTH.items()}
        weight = targets.MONTH_WEIGHTS[parse_month(m).month]
        out[m] = {kind: max(0, int(round(base[kind] * weight * rng.uniform(0.93, 1.07)))) for kind in (PR, MA)}
    return out


def _raised_days(month: str, n: int, rng: np.random.Generator, not_before: dt.date) -> list[dt.date]:
    first, last = parse_month(month), month_end(month)
    days = [first + dt.timedelta(d) for d in range((last - first).days + 1)]
    working = [d for d in days if is_working_day(d) and d >= not_before] or [d for d in days if d >= not_before]
    return sorted(working[i] for i in rng.integers(0, len(working), size=n))


def _attributes_for_year(rng: np.random.Generator) -> dict[str, list[tuple[str, str]]]:
    """The exact (cohort, category) multiset of 2018/19's PRs and MAs, shuffled."""
    prs_cohorts = [c for c, n in targets.PR_BY_COHORT.items() for _ in range(n)]
    prs_categories = [c for c, n in targets.PR_CATEGORY_COUNTS.items() for _ in range(n)]
    prs = list(zip(rng.permutation(prs_cohorts).tolist(), rng.permutation(prs_categories).tolist()))
    mas = [key for key, n in targets.MA_BY_COHORT_AND_CATEGORY.items() for _ in range(n)]
    mas = [mas[i] for i in rng.permutation(len(mas))]
    return {PR: prs, MA: mas}


def _random_attributes(kind: str, rng: np.random.Generator) -> tuple[str, str]:
    if kind == PR:
        cohort = "CLA" if rng.random() < targets.PR_BY_COHORT["CLA"] / targets.PR_TOTAL else "CP"
        counts = np.array([targets.PR_CATEGORY_COUNTS[c] for c in PR_CATEGORIES], dtype=float)
        return cohort, PR_CATEGORIES[rng.choice(len(PR_CATEGORIES), p=counts / counts.sum())]
    pairs = list(targets.MA_BY_COHORT_AND_CATEGORY.items())
    weights = np.array([n for _, n in pairs], dtype=float)
    return pairs[rng.choice(len(pairs), p=weights / weights.sum())][0]


def _delay(kind: str, raised: dt.date, rng: np.random.Generator) -> int:
    """Days to resolve: mostly within 4 weeks; the long tail shrinks as weekly tracking bites (PRs most)."""
    progress = min(max((raised - dt.date(2018, 4, 1)).days / 365, 0.0), 1.0)
    long_share = (0.10 - 0.08 * progress) if kind == PR else (0.13 - 0.06 * progress)
    if rng.random() < long_share:
        return int(rng.integers(29, 57)) if rng.random() < 0.75 else int(rng.integers(57, 101))
    return 1 + min(27, int(rng.gamma(2.0, 5.0)))


def _pick_child(cohorts: MonthCohorts, cohort: str, day: dt.date, rng: np.random.Generator, early: bool) -> str:
    if early:  # raised before the first extract's month: children open that day, as the first extract tells it
        pool = cohorts.open_on(cohort, day) or (cohorts.cla if cohort == "CLA" else cohorts.cp)
    else:
        pool = cohorts.cla if cohort == "CLA" else cohorts.cp
    if not pool:
        raise ValueError(
            f"the LCS extract for {month_key(cohorts.month_end)} has no child {'looked after' if cohort == 'CLA' else 'on a CP plan'} "
            "at the month end, so no demo challenge can name one"
        )
    return pool[int(rng.integers(0, len(pool)))]


def simulate(lcs_root: Path, months: list[str], seed: int) -> list[Challenge]:
    """Every challenge raised from the first workbook's 12-month window to the last month, once."""
    rng = np.random.default_rng(seed)
    first = months[0]
    window_start = max(RECORDING_STARTED, add_months(month_end(first), -12) + dt.timedelta(days=1))
    early_months = [m for m in months_between(month_key(window_start), first) if m != first]
    all_months = early_months + months
    volumes = _volumes(all_months, rng)
    cohorts = {m: read_month(Path(lcs_root) / m, month_end(m)) for m in months}
    year_attributes = _attributes_for_year(rng)
    used = {PR: 0, MA: 0}
    drafts: list[tuple[dt.date, str, str, str, str]] = []  # raised, month, kind, cohort, category
    for m in all_months:
        for kind in (PR, MA):
            for day in _raised_days(m, volumes[m][kind], rng, window_start):
                if _in_financial_year(day):
                    cohort, category = year_attributes[kind][used[kind]]
                    used[kind] += 1
                else:
                    cohort, category = _random_attributes(kind, rng)
                drafts.append((day, m, kind, cohort, category))
    drafts.sort(key=lambda d: (d[0], d[2], d[3], d[4]))
    challenges = []
    for number, (day, m, kind, cohort, category) in enumerate(drafts):
        early = m in early_months
        source = cohorts[first] if early else cohorts[m]
        person = _pick_child(source, cohort, day, rng, early)
        resolved = day + dt.timedelta(days=_delay(kind, day, rng))
        challenges.append(Challenge(FIRST_ID + number, person, kind, category, cohort, source.locality_of(person),
                                    day, resolved, None))
    _assign_levels(challenges, rng)
    return challenges


def _assign_levels(challenges: list[Challenge], rng: np.random.Generator) -> None:
    """PRs resolved by 31 March 2019 among 2018/19's get levels printing as 69/21/9/1 %; others are drawn."""
    year_end = dt.date.fromisoformat(targets.YEAR_END)
    calibrated = [c for c in challenges if c.challenge_type == PR and _in_financial_year(c.raised)
                  and c.resolved is not None and c.resolved <= year_end]
    counts = split_to_percentages(len(calibrated), [targets.RESOLUTION_LEVEL_PERCENT[lv] for lv in RESOLUTION_LEVELS])
    levels = [lv for lv, n in zip(RESOLUTION_LEVELS, counts) for _ in range(n)]
    for challenge, i in zip(calibrated, rng.permutation(len(levels))):
        challenge.level = levels[i]
    chosen = {id(c) for c in calibrated}
    for c in challenges:
        if c.challenge_type == PR and id(c) not in chosen:
            c.level = RESOLUTION_LEVELS[rng.choice(len(RESOLUTION_LEVELS), p=LEVEL_SHARES)]


# --- staffing --------------------------------------------------------------------------------

def staffing(months: list[str]) -> dict[str, tuple[float, float, int]]:
    """(iro_fte, agency_fte, children_allocated) per month; 2018/19's caseloads average 77.9, March 2019's is 81."""
    first_year = parse_month(targets.FINANCIAL_YEAR[0])
    out = {}
    for m in months:
        fte, agency, caseload = targets.STAFFING.get(m) or (targets.BEFORE if parse_month(m) < first_year else targets.AFTER)
        out[m] = (fte, agency, int(round(caseload * fte)))
    return out


# --- writing ---------------------------------------------------------------------------------

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
THIN = Side(style="thin", color="BFBFBF")
WIDTHS = {"challenge_id": 14, "person_id": 13, "challenge_type": 15, "category": 38, "cohort": 9, "locality": 10,
          "raised_date": 13, "resolved_date": 14, "resolution_level": 19,
          "iro_fte": 10, "agency_fte": 12, "children_allocated": 19}


def _person_cell(person: str) -> int | str:
    return int(person) if person.isdigit() and not person.startswith("0") else person


def _styled_header(ws, names: tuple[str, ...]) -> None:
    cells = []
    for col, name in enumerate(names, start=1):
        cell = WriteOnlyCell(ws, value=name)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = Border(bottom=THIN)
        cells.append(cell)
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS.get(name, 14)
    ws.freeze_panes = "A2"
    ws.append(cells)


def _formatted(ws, value, number_format: str) -> WriteOnlyCell | None:
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = number_format
    return cell


def write_workbook(path: Path, month: str, challenges: list[Challenge], staff: tuple[float, float, int]) -> Path:
    """One month's workbook as the IRO service saves it (streamed with openpyxl's write-only mode)."""
    end = month_end(month)
    start = add_months(end, -12)
    rows = [c for c in challenges if start < c.raised <= end]
    book = Workbook(write_only=True)
    ws = book.create_sheet(CHALLENGES.name)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(CHALLENGES.column_names))}{len(rows) + 1}"
    _styled_header(ws, CHALLENGES.column_names)
    for c in rows:
        resolved = c.resolved if c.resolved is not None and c.resolved <= end else None
        ws.append([c.challenge_id, _person_cell(c.person_id), c.challenge_type, c.category, c.cohort, c.locality,
                   _formatted(ws, c.raised, "dd/mm/yyyy"), _formatted(ws, resolved, "dd/mm/yyyy"),
                   c.level if resolved is not None else None])
    sheet = book.create_sheet(STAFFING.name)
    _styled_header(sheet, STAFFING.column_names)
    fte, agency, allocated = staff
    sheet.append([_formatted(sheet, fte, "0.0"), _formatted(sheet, agency, "0.0"), _formatted(sheet, allocated, "#,##0")])
    book.properties.creator = "IRO Service"
    book.properties.title = f"IRO statistics {month}"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def generate_iro_workbooks(
    lcs_root: Path,
    out_dir: Path,
    first_month: str = "2018-04",
    last_month: str = "2019-08",
    seed: int = DEFAULT_SEED,
) -> list[Path]:
    """Write `iro_statistics_YYYY-MM.xlsx` for every month from first_month to last_month; return the paths."""
    months = months_between(first_month, last_month)
    challenges = simulate(Path(lcs_root), months, seed)
    staff = staffing(months)
    return [write_workbook(Path(out_dir) / file_name(m), m, challenges, staff[m]) for m in months]
