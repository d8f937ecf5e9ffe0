"""The demo IRO workbooks reproduce the IRO Annual Report 2018-19 and behave like a real service's files.

Figures typed here from the seed (Lancashire County Council, Corporate Parenting Board, 17 September 2019, item 8, IRO Annual Report
2018-2019, sections 1, 3.3, 3.4 and 6.2), not imported from the generator's targets.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cpb_pipeline.demo.iro import generate_iro_workbooks
from cpb_pipeline.demo.iro.generate import simulate, split_to_percentages
from cpb_pipeline.domain.calendar import month_end, months_between
from cpb_pipeline.marts.iro.annual import annual_summary
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline_tests.iro.helpers import profile_in, pseudonym, stage, write_lcs_months
from cpb_pipeline_tests.rounding import half_away

MONTHS = months_between("2018-04", "2019-08")
YEAR = months_between("2018-04", "2019-03")
YEAR_END = dt.date(2019, 3, 31)

# The report (section 6.2.1, 6.2.2, 3.4)
REPORT_PR, REPORT_MA = 421, 1284
REPORT_PR_COHORT = {"CLA": 299, "CP": 122}
REPORT_MA_COHORT = {"CLA": 828, "CP": 456}
REPORT_MA_CATEGORIES = {"CLA review not recorded": 22, "Statutory visits not recorded": 19,
                        "Pathway plan not recorded": 4, "Other / multiple recording issues": 55}
REPORT_PR_CATEGORIES = {"Implementation of care plan / CP plan": 50, "Compliance": 31}
REPORT_LEVELS = {"Practice Manager": 69, "Team Manager": 21, "Senior Manager": 9, "Head of Service": 1}
REPORT_AVERAGE_CASELOAD, REPORT_CURRENT_CASELOAD = 77.9, 81


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    root = tmp_path_factory.mktemp("iro_demo")
    write_lcs_months(root / "lcs", MONTHS)
    paths = generate_iro_workbooks(root / "lcs", root / "iro")
    return root, paths


@lru_cache(maxsize=64)
def _read(path: Path, sheet: str) -> tuple[tuple, ...]:
    book = load_workbook(path, read_only=True)
    rows = tuple(book[sheet].iter_rows(values_only=True))
    book.close()
    return rows


def _rows(path: Path, sheet: str = "Challenges") -> list[dict]:
    """The sheet as dicts by header (read-only mode drops a row's trailing blank cells: pad them back)."""
    rows = _read(path, sheet)
    width = len(rows[0])
    return [dict(zip(rows[0], (*r, *[None] * (width - len(r))))) for r in rows[1:]]


@pytest.fixture(scope="module")
def year(demo):
    """2018/19's challenges: the March 2019 workbook covers exactly 1 April 2018 - 31 March 2019."""
    root, _ = demo
    return _rows(root / "iro" / "iro_statistics_2019-03.xlsx")


def _pct(n: int, total: int) -> int:
    return int(half_away(100 * n / total, 0))


def test_one_workbook_per_month(demo):
    root, paths = demo
    assert [p.name for p in paths] == [f"iro_statistics_{m}.xlsx" for m in MONTHS]
    assert all(p.parent == root / "iro" for p in paths)


def test_totals_by_type_and_cohort(year):
    types = Counter(r["challenge_type"] for r in year)
    assert (types["PR"], types["MA"]) == (REPORT_PR, REPORT_MA) and len(year) == 1705
    assert all(dt.date(2018, 4, 1) <= r["raised_date"].date() <= YEAR_END for r in year)
    by = Counter((r["challenge_type"], r["cohort"]) for r in year)
    assert {c: by[("PR", c)] for c in ("CLA", "CP")} == REPORT_PR_COHORT
    assert {c: by[("MA", c)] for c in ("CLA", "CP")} == REPORT_MA_COHORT
    cla = by[("PR", "CLA")] + by[("MA", "CLA")]
    assert (_pct(cla, 1705), _pct(1705 - cla, 1705)) == (66, 34)


def test_categories_print_as_reported(year):
    ma = Counter(r["category"] for r in year if r["challenge_type"] == "MA")
    assert {c: _pct(n, REPORT_MA) for c, n in ma.items()} == REPORT_MA_CATEGORIES
    pr = Counter(r["category"] for r in year if r["challenge_type"] == "PR")
    assert {c: _pct(pr[c], REPORT_PR) for c in REPORT_PR_CATEGORIES} == REPORT_PR_CATEGORIES
    assert set(pr) == {"Implementation of care plan / CP plan", "Compliance", "Practice issues", "Resource issues"}
    # alerts about a CLA review or a pathway plan concern children looked after
    assert all(r["cohort"] == "CLA" for r in year
               if r["category"] in ("CLA review not recorded", "Pathway plan not recorded"))


def test_resolution_levels_of_prs_resolved_by_the_year_end(year):
    prs = [r for r in year if r["challenge_type"] == "PR"]
    resolved = [r for r in prs if r["resolved_date"] is not None]
    assert 0 < len(prs) - len(resolved) < 25  # a few March PRs are still open on 31 March
    levels = Counter(r["resolution_level"] for r in resolved)
    assert {lv: _pct(n, len(resolved)) for lv, n in levels.items()} == REPORT_LEVELS
    assert all(r["resolution_level"] is None for r in prs if r["resolved_date"] is None)
    assert all(r["resolution_level"] is None for r in year if r["challenge_type"] == "MA")


def test_months_are_constant_with_august_and_december_dips(year):
    per_month = Counter(r["raised_date"].strftime("%Y-%m") for r in year)
    assert sorted(per_month) == YEAR
    usual = [n for m, n in per_month.items() if m not in ("2018-08", "2018-12")]
    assert max(usual) - min(usual) <= 12
    assert per_month["2018-08"] < min(usual) * 0.8 and per_month["2018-12"] < min(usual) * 0.8


def test_mostly_resolved_within_4_weeks(year):
    days = [(r["resolved_date"] - r["raised_date"]).days for r in year if r["resolved_date"] is not None]
    within = sum(d <= 28 for d in days) / len(days)
    assert 0.85 <= within < 1.0 and min(days) >= 1


def test_staffing_and_caseload(demo):
    root, _ = demo
    staff = {m: _rows(root / "iro" / f"iro_statistics_{m}.xlsx", "Staffing") for m in MONTHS}
    assert all(len(rows) == 1 for rows in staff.values())
    staff = {m: rows[0] for m, rows in staff.items()}
    assert all(44 <= s["iro_fte"] <= 45 and 1 <= s["agency_fte"] <= 3 for s in staff.values())
    assert staff["2018-04"]["agency_fte"] == 1 and staff["2019-03"]["agency_fte"] == 3  # 2.27 % and 6.66 %
    caseloads = [staff[m]["children_allocated"] / staff[m]["iro_fte"] for m in YEAR]
    assert round(sum(caseloads) / 12, 1) == REPORT_AVERAGE_CASELOAD
    assert int(half_away(caseloads[-1], 0)) == REPORT_CURRENT_CASELOAD
    assert caseloads == sorted(caseloads)  # rising through the year
    later = [staff[m]["children_allocated"] / staff[m]["iro_fte"] for m in MONTHS[12:]]
    assert all(79 <= c <= 84 for c in later)


def test_a_challenge_is_the_same_in_every_workbook(demo):
    root, _ = demo
    seen: dict[int, dict] = {}
    for m in MONTHS:
        end = month_end(m)
        for r in _rows(root / "iro" / f"iro_statistics_{m}.xlsx"):
            raised = r["raised_date"].date()
            assert dt.date(end.year - 1, end.month, end.day) < raised <= end or (
                end.month == 2 and raised > dt.date(end.year - 1, 2, 28))
            before = seen.get(r["challenge_id"])
            if before is not None:
                for field in ("person_id", "challenge_type", "category", "cohort", "locality", "raised_date"):
                    assert r[field] == before[field], (r["challenge_id"], field)
                if before["resolved_date"] is not None:  # once resolved, it stays resolved the same way
                    assert (r["resolved_date"], r["resolution_level"]) == (before["resolved_date"], before["resolution_level"])
            if r["resolved_date"] is not None:
                assert r["resolved_date"].date() <= end
            seen[r["challenge_id"]] = r


def test_the_first_workbook_holds_the_window_before_it(demo):
    root, _ = demo
    rows = _rows(root / "iro" / "iro_statistics_2018-04.xlsx")
    earliest = min(r["raised_date"].date() for r in rows)
    assert dt.date(2017, 11, 1) <= earliest < dt.date(2017, 12, 1)  # recorded on LCS from November 2017


def test_children_are_in_the_months_extract_and_cohort(demo):
    """Challenges name children of that month's extract; CLA ones children looked after at the raised month's end.

    In the tiny extract child 2000 leaves care on 15 October 2018 and children 2001-2029 stay looked after."""
    root, _ = demo
    cla = {str(2000 + i) for i in range(30)} | {"1001"}
    cp = {str(2030 + i) for i in range(20)}
    for m in MONTHS:
        rows = _rows(root / "iro" / f"iro_statistics_{m}.xlsx")
        for r in rows:
            person = str(r["person_id"])
            assert person in (cla | cp | {"1002", "1003"})
            assert person in (cla if r["cohort"] == "CLA" else cp | {"1002"})
            if r["cohort"] == "CLA" and r["raised_date"].date() > dt.date(2018, 10, 31):
                assert person != "2000"


def test_locality_follows_the_childs_district(demo):
    root, _ = demo
    teams = ["Lancaster", "Fylde & Wyre", "Preston", "Chorley & S Ribble", "West Lancs", "Burnley", "Pendle",
             "Rossendale", "Hyndburn & Ribble Valley", "SEND", "Exploitation"]
    expected = {"Lancaster": "North", "Fylde & Wyre": "North", "Preston": "Central", "Chorley & S Ribble": "Central",
                "West Lancs": "Central", "Burnley": "East", "Pendle": "East", "Rossendale": "East",
                "Hyndburn & Ribble Valley": "East"}
    localities = Counter()
    for r in _rows(root / "iro" / "iro_statistics_2019-08.xlsx"):
        person = int(r["person_id"])
        localities[r["locality"]] += 1
        if person >= 2000:
            district = teams[(person - 2000) % len(teams)]
            if district in expected:
                assert r["locality"] == expected[district], (person, district)
    assert set(localities) == {"North", "Central", "East"}


def test_workbooks_look_real(demo):
    root, _ = demo
    book = load_workbook(root / "iro" / "iro_statistics_2019-03.xlsx")
    ws = book["Challenges"]
    assert book.sheetnames == ["Challenges", "Staffing"]
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb.endswith("1F4E78")
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:I{ws.max_row}"
    assert ws.column_dimensions["D"].width > 30
    assert isinstance(ws["G2"].value, dt.datetime) and ws["G2"].number_format == "dd/mm/yyyy"


def test_same_seed_same_challenges_other_seed_others(demo):
    root, _ = demo
    first = simulate(root / "lcs", MONTHS, seed=7)
    assert simulate(root / "lcs", MONTHS, seed=7) == first
    other = simulate(root / "lcs", MONTHS, seed=8)
    assert other != first and sum(c.challenge_type == "PR" and dt.date(2018, 4, 1) <= c.raised <= YEAR_END
                                  for c in other) == REPORT_PR


def test_split_to_percentages():
    for total in (400, 409, 410, 421):
        counts = split_to_percentages(total, [69, 21, 9, 1])
        assert sum(counts) == total and [_pct(n, total) for n in counts] == [69, 21, 9, 1]


def test_pipeline_reproduces_the_annual_report(demo):
    """Stage every demo workbook (with the extract's children) and read the annual summary."""
    root, _ = demo
    persons = {pseudonym(p) for p in [str(2000 + i) for i in range(50)] + ["1001", "1002", "1003"]}
    for m in MONTHS:
        profile, loaded = stage(root, m, persons)
        warnings = [f.describe() for o in loaded.outcomes if not o.blocking for f in o.findings]
        assert not warnings, warnings
    profile = profile_in(root)
    with WarehouseStore(profile.working_database).connect() as con:
        frame = annual_summary(con, profile, YEAR_END)
    s = {(r.section, r.item): r for r in frame.itertuples()}
    assert s[("challenges", "all")].numerator == 1705
    assert (s[("challenges", "PR")].numerator, s[("challenges", "MA")].numerator) == (REPORT_PR, REPORT_MA)
    assert s[("pr_by_cohort", "CLA")].numerator == 299 and s[("ma_by_cohort", "CP")].numerator == 456
    assert {c: int(half_away(s[("ma_categories", c)].value, 0)) for c in REPORT_MA_CATEGORIES} == REPORT_MA_CATEGORIES
    assert {lv: int(half_away(s[("pr_resolution_levels", lv)].value, 0)) for lv in REPORT_LEVELS} == REPORT_LEVELS
    assert round(s[("caseload", "average_caseload")].value, 1) == REPORT_AVERAGE_CASELOAD
    assert int(half_away(s[("caseload", "year_end_caseload")].value, 0)) == REPORT_CURRENT_CASELOAD
    assert round(s[("caseload", "year_end_agency_share")].value, 2) == 6.67
