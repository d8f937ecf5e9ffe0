"""A small hand-made warehouse for the board output tests (no demo generator, no Dagster run).

Testshire, two districts and "Other areas", the 13 months to August 2019. The
figures are chosen to exercise the outputs: small counts in the district tables
(a lone small district, two ones in a column, zeros), percentages on small
denominators, a month missing, comparators with and without the latest year,
an action plan with two snapshots, and the month's SPC charts (13 points each; two
targets), one of them on a series with small counts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from cpb_pipeline.benchmarks.comparison import comparison_rows
from cpb_pipeline.benchmarks.series import march_series
from cpb_pipeline.domain import tables
from cpb_pipeline.domain.calendar import thirteen_months
from cpb_pipeline.domain.catalogue import CATALOGUE, indicator
from cpb_pipeline.domain.profile import Profile, load_profile
from cpb_pipeline.marts.action_plan import changes, exceptions, summary
from cpb_pipeline.marts.indicators.compute import value_of
from cpb_pipeline.marts.spc.compute import spc_rows
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline.sources.action_plan.model import to_frame

D = dt.date
AUTHORITY = "Testshire"
DISTRICTS = ["Lancaster", "Preston"]
OTHER = "Other areas"
AREAS = [*DISTRICTS, OTHER]
MONTH = "2019-08"
PERIOD_END = D(2019, 8, 31)
MONTHS = thirteen_months(PERIOD_END)

PROFILE = """
authority: {name: Testshire, la_code: "999", region: North West}
child_population:
  - {effective_from: 2018-04-01, count: 10000}
  - {effective_from: 2019-07-01, count: 20000}
districts: [Lancaster, Preston]
other_area: Other areas
paths: {lcs_extracts: in, iro_statistics: in, action_plan: in, reference: in, warehouse: wh/cpb.duckdb, outputs: out}
demo: true
first_month: 2018-04
action_plan:
  stale_after_weeks: 8
  board_dates: {"2019-08": 2019-09-17}
targets: {cla_health_assessment: 80, iro_caseload: 20}
"""

# district counts per month (13 values, August 2018 first)
COUNTS = {
    "cla": {
        "Lancaster": [100 + i for i in range(13)],
        "Preston": [50 + i % 3 for i in range(13)],
        OTHER: [0, 2, 0, 7, 0, 0, 1, 0, 0, 0, 0, 0, 3],  # a lone small district in months 1, 6 and 12
    },
    "cp_plans": {
        "Lancaster": [4, 4, 4, 4, 4, 1, 4, 4, 4, 4, 4, 4, 4],  # with Other areas: two small cells; month 5: 1 and 1
        "Preston": [30 + i for i in range(13)],
        OTHER: [2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 0],  # August 2019: Lancaster 4 alone
    },
    "cin_plans": {
        "Lancaster": [80 + 2 * i for i in range(13)],
        "Preston": [60 - i for i in range(13)],
        OTHER: [0] * 13,
    },
}
# district (numerator, denominator) per month
FRACTIONS = {
    "cla_health_assessment": {
        "Lancaster": [(70 + i % 5, 80) for i in range(13)],
        "Preston": [(35 - i % 4, 40) for i in range(13)],
        OTHER: [(3, 4)] * 13,  # denominator below 6 and a small numerator
    },
    "cla_dental_check": {
        "Lancaster": [(60 + i, 80) for i in range(13)],
        "Preston": [(20 + i, 40) for i in range(13)],
        OTHER: [(0, 7)] * 13,  # 0 %: zero is not suppressed
    },
    "cla_reviews_in_timescale": {
        "Lancaster": [(18, 20)] * 12 + [(19, 20)],
        "Preston": [(9, 10)] * 12 + [(6, 10)],
        OTHER: [(0, 0)] * 13,  # nothing due: no value
    },
    "cla_review_participation": {
        "Lancaster": [(15, 16)] * 13,
        "Preston": [(8, 9)] * 13,
        OTHER: [(1, 1)] * 13,
    },
    "cp_reviews_in_timescale": {
        "Lancaster": [(25, 30)] * 13,
        "Preston": [(40, 44)] * 13,
        OTHER: [(0, 0)] * 13,
    },
}
AUTHORITY_ONLY = {  # (numerator, denominator or None) per month
    "care_leavers": [(60 + i, None) for i in range(13)],
    "care_leavers_suitable_accommodation": [(55, 60 + i) for i in range(13)],
    "care_leavers_eet": [(30, 60 + i) for i in range(13)],
    "care_leavers_in_touch": [(50, 60 + i) for i in range(13)],
    "iro_pr_raised": [(v, None) for v in [8, 3, 12, 0, 9, 10, 11, 7, 6, 9, 10, 8, 4]],  # August 2019: 4, suppressed
    "iro_ma_raised": [(v, None) for v in [20, 22, 19, 25, 21, 18, 17, 16, 20, 21, 23, 24, 26]],
    "iro_challenges_open_over_4_weeks": [(v, None) for v in [9, 8, 7, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5]],
    "iro_caseload": [(600 + i, 35.5) for i in range(13)],
}
MISSING_MONTHS = {"cla_dental_check": D(2019, 7, 31)}  # no rows: "missing previous month"

PUBLISHED = [  # indicator_id, area, period, period_end, value
    ("cla_rate", AUTHORITY, "2016/17", D(2017, 3, 31), 75.0),
    ("cla_rate", AUTHORITY, "2017/18", D(2018, 3, 31), 79.2),
    ("cla_rate", "North West", "2016/17", D(2017, 3, 31), 86.0),
    ("cla_rate", "North West", "2017/18", D(2018, 3, 31), 91.0),
    ("cla_rate", "North West", "2018/19", D(2019, 3, 31), 93.0),
    ("cla_rate", "England", "2016/17", D(2017, 3, 31), 62.0),
    ("cla_rate", "England", "2017/18", D(2018, 3, 31), 64.0),
    ("cla_rate", "Statistical neighbours", "2017/18", D(2018, 3, 31), 67.1),
    ("cla_health_assessment", "North West", "2017/18", D(2018, 3, 31), 89.2),
    ("cla_health_assessment", "England", "2017/18", D(2018, 3, 31), 88.3),
    ("cla", AUTHORITY, "2016/17", D(2017, 3, 31), 1842),
    ("cla", AUTHORITY, "2017/18", D(2018, 3, 31), 1954),
    ("cp_rate", "North West", "2017/18", D(2018, 3, 31), 53.7),
    ("cp_rate", "England", "2017/18", D(2018, 3, 31), 45.3),
]


def population(day: dt.date) -> float:
    return 20000.0 if day >= D(2019, 7, 1) else 10000.0


def monthly_rows() -> pd.DataFrame:
    rows = []

    def add(ind_id, day, area_type, area, num, den):
        ind = indicator(ind_id)
        rows.append({"indicator_id": ind_id, "period_end": day, "area_type": area_type, "area": area,
                     "numerator": float(num), "denominator": None if den is None else float(den),
                     "value": value_of(ind, float(num), None if den is None else float(den))})  # fmt: skip

    for i, day in enumerate(MONTHS):
        for ind_id, by_area in COUNTS.items():
            for area in AREAS:
                add(ind_id, day, "district", area, by_area[area][i], None)
            total = sum(by_area[a][i] for a in AREAS)
            add(ind_id, day, "authority", AUTHORITY, total, None)
            rate = {"cla": "cla_rate", "cp_plans": "cp_rate", "cin_plans": "cin_rate"}[ind_id]
            add(rate, day, "authority", AUTHORITY, total, population(day))
        for ind_id, by_area in FRACTIONS.items():
            if MISSING_MONTHS.get(ind_id) == day:
                continue
            for area in AREAS:
                add(ind_id, day, "district", area, *by_area[area][i])
            add(ind_id, day, "authority", AUTHORITY, sum(by_area[a][i][0] for a in AREAS),
                sum(by_area[a][i][1] for a in AREAS))  # fmt: skip
        for ind_id, values in AUTHORITY_ONLY.items():
            add(ind_id, day, "authority", AUTHORITY, *values[i])
    frame = pd.DataFrame(rows, columns=tables.INDICATOR_MONTHLY.column_names)
    assert set(frame["indicator_id"]) == {i.id for i in CATALOGUE}
    return frame


def actions() -> pd.DataFrame:
    base = {"sheet": "Delivery Plan", "sheet_position": 0, "objective_title": "Voice of the child",
            "responsible_service": "CSC", "timescale_kind": "date", "source_file": "plan.xlsx", "progress": None,
            "getting_to_good_ref": None}  # fmt: skip
    july, september = D(2019, 7, 23), D(2019, 9, 11)
    records = [
        {"snapshot_date": july, "objective_number": 1, "ref": "1a", "activity": "Hold participation events",
         "brag": "Green", "due_date": D(2019, 12, 31), "timescale_text": "31/12/19", "latest_update_date": D(2019, 7, 1),
         "latest_note": "Events booked", "source_row": 5},
        {"snapshot_date": july, "objective_number": 2, "ref": "2a", "activity": "Review health pathways",
         "brag": "Red", "due_date": D(2019, 8, 31), "timescale_text": "31/08/19", "latest_update_date": D(2019, 5, 1),
         "latest_note": "Awaiting CCG", "source_row": 8},
        {"snapshot_date": september, "objective_number": 1, "ref": "1a", "activity": "Hold participation events",
         "brag": "Amber", "due_date": D(2019, 12, 31), "timescale_text": "31/12/19", "latest_update_date": D(2019, 9, 2),
         "latest_note": "One event moved", "source_row": 5},
        {"snapshot_date": september, "objective_number": 2, "ref": "2a", "activity": "Review health pathways",
         "brag": "Red", "due_date": D(2019, 8, 31), "timescale_text": "31/08/19", "latest_update_date": D(2019, 5, 1),
         "latest_note": "Awaiting CCG (see https://example.org/plan)", "source_row": 8},
        {"snapshot_date": september, "objective_number": 2, "ref": "2b", "activity": "Dental access scheme",
         "brag": "Green", "due_date": D(2020, 3, 31), "timescale_text": "Mar-20", "latest_update_date": D(2019, 9, 1),
         "latest_note": "Scheme agreed", "source_row": 9},
    ]
    return to_frame([{**base, **r} for r in records])


IRO_RAISED = {  # August 2019, by type and category: PR sums to iro_pr_raised (4), MA to iro_ma_raised (26)
    ("PR", "Compliance"): 2, ("PR", "Practice issues"): 0, ("PR", "Implementation of care plan / CP plan"): 1,
    ("PR", "Resource issues"): 1,
    ("MA", "CLA review not recorded"): 13, ("MA", "Statutory visits not recorded"): 8,
    ("MA", "Pathway plan not recorded"): 5, ("MA", "Other / multiple recording issues"): 0,  # 5 alone: 8 goes too
}


def iro_challenge_rows() -> pd.DataFrame:
    """marts.iro_challenges_monthly for August 2019, each count split over two cohort/locality rows."""
    rows = []
    for (kind, category), count in IRO_RAISED.items():
        for cohort, locality, part in (("CLA", "North", count // 2), ("CP", "East", count - count // 2)):
            rows.append((PERIOD_END, "raised", kind, category, cohort, locality, part))
            rows.append((PERIOD_END, "open", kind, category, cohort, locality, 99))  # another measure: not read
    return pd.DataFrame(rows, columns=tables.IRO_CHALLENGES_MONTHLY.column_names)


def build_warehouse(root: Path, *, action_plan: bool = True) -> Profile:
    """Write the profile and the warehouse under `root`; returns the loaded profile."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "authority.yaml").write_text(PROFILE)
    profile = load_profile(root / "authority.yaml", require_inputs=False)
    store = WarehouseStore(profile.working_database)
    monthly = monthly_rows()
    published = pd.DataFrame(PUBLISHED, columns=["indicator_id", "area", "period", "period_end", "value"])
    published["source"] = "test"
    march = monthly[(monthly["area_type"] == "authority") & (monthly["period_end"] == D(2019, 3, 31))]
    series = march_series(published, march[["indicator_id", "period_end", "numerator", "denominator", "value"]], AUTHORITY)
    authority = monthly[monthly["area_type"] == "authority"][["indicator_id", "period_end", "value"]]
    comparison = comparison_rows(PERIOD_END, authority, series, "North West")
    written = {
        "marts.indicator_monthly": tables.INDICATOR_MONTHLY.typed(monthly),
        "marts.indicator_spc": tables.INDICATOR_SPC.typed(spc_rows(monthly, PERIOD_END, profile)),
        "marts.benchmark_series": tables.BENCHMARK_SERIES.typed(series),
        "marts.benchmark_comparison": tables.BENCHMARK_COMPARISON.typed(comparison),
        "marts.iro_challenges_monthly": tables.IRO_CHALLENGES_MONTHLY.typed(iro_challenge_rows()),
    }
    if action_plan:
        plan = actions()
        exc = exceptions(plan, snapshot_date=D(2019, 9, 11), board_date=D(2019, 9, 17), stale_after_weeks=8,
                         board_month=MONTH)  # fmt: skip
        written |= {
            "marts.action_plan_summary": tables.ACTION_PLAN_SUMMARY.typed(summary(plan)),
            "marts.action_plan_exceptions": tables.ACTION_PLAN_EXCEPTIONS.typed(exc),
            "marts.action_plan_changes": tables.ACTION_PLAN_CHANGES.typed(changes(plan)),
        }
    store.replace_tables(written)
    return profile
