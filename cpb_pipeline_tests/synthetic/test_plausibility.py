"""Board figures in plausible ranges, moving a little from month to month.

Counted here from the CSVs with a plain implementation of "open at month end": started on or
before it, and not ended by it; each child once."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from pathlib import Path

from cpb_pipeline.domain.calendar import months_between
from cpb_pipeline.domain.profile import load_profile
from cpb_pipeline_tests.synthetic.conftest import MONTHS

RANGES = {"cla": (60, 90), "cp": (35, 55), "cin": (250, 350)}  # per 10,000 children
TABLES = {
    "cla": ("ssd_cla_episodes", "clae_person_id", "clae_cla_episode_start_date", "clae_cla_episode_ceased_date"),
    "cp": ("ssd_cp_plans", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date"),
    "cin": ("ssd_cin_plans", "cinp_person_id", "cinp_cin_plan_start_date", "cinp_cin_plan_end_date"),
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _open_children(folder: Path, table: str, person: str, start: str, end: str, month_end: dt.date) -> int:
    day = month_end.isoformat()
    return len({r[person] for r in _rows(folder / f"{table}.csv")
                if r[start] <= day and (not r[end] or r[end] > day)})


def _month_end(month: str) -> dt.date:
    year, number = map(int, month.split("-"))
    return dt.date(year, number, calendar.monthrange(year, number)[1])


def test_rates_and_movements(written):
    _, path = written
    profile = load_profile(path)
    counts: dict[str, list[int]] = {k: [] for k in TABLES}
    for month in months_between(*MONTHS):
        end = _month_end(month)
        folder = profile.paths.lcs_extracts / month
        for cohort, spec in TABLES.items():
            n = _open_children(folder, *spec, end)
            rate = n / profile.population_at(end) * 10_000
            low, high = RANGES[cohort]
            assert low <= rate <= high, (month, cohort, rate)
            counts[cohort].append(n)
        leavers = {r["clea_person_id"] for r in _rows(folder / "ssd_care_leavers.csv")
                   if r["clea_care_leaver_eligibility"] in ("Relevant", "Former Relevant")}
        assert 0.25 <= len(leavers) / counts["cla"][-1] <= 0.45, month
    for cohort, series in counts.items():
        for before, after in zip(series, series[1:]):
            assert abs(after - before) / before < 0.10, (cohort, series)


def test_most_children_in_care_have_health_checks(written):
    _, path = written
    profile = load_profile(path)
    month = MONTHS[1]
    folder, day = profile.paths.lcs_extracts / month, _month_end(month).isoformat()
    in_care = {r["clae_person_id"] for r in _rows(folder / "ssd_cla_episodes.csv")
               if r["clae_cla_episode_start_date"] <= day and (not r["clae_cla_episode_ceased_date"]
                                                               or r["clae_cla_episode_ceased_date"] > day)}
    checked = {r["clah_person_id"] for r in _rows(folder / "ssd_cla_health.csv")
               if r["clah_health_check_type"] == "Health Assessment" and r["clah_health_check_status"] == "Completed"}
    assert 0.8 <= len(in_care & checked) / len(in_care) <= 0.98
