"""Statistical disclosure control: primary and secondary suppression on hand-made tables."""

import dataclasses
import datetime as dt
import random

import pandas as pd
import pytest

from cpb_pipeline.domain import tables
from cpb_pipeline.domain.calendar import thirteen_months
from cpb_pipeline.domain.catalogue import indicator
from cpb_pipeline.domain.disclosure import figure_suppressed, small_count
from cpb_pipeline.domain.profile import Publication
from cpb_pipeline.outputs.data import ActionPlanData, BoardData, IroData
from cpb_pipeline.outputs.suppression import (
    TOTAL,
    count_table_mask,
    hidden_figures,
    protect_column,
    table,
)
from cpb_pipeline.outputs.view import build_view

PUB = Publication()
A = "Authority"


def _mask(rows, total=A):
    frame = table(rows, ["m"])
    return {area: bool(v) for area, v in count_table_mask(frame, PUB, total)["m"].items()}


def test_counts_of_one_to_five_are_suppressed_and_zero_is_not():
    assert [small_count(v, PUB) for v in (0, 1, 3, 5, 6, None, float("nan"))] == [False, True, True, True, False,
                                                                                    False, False]  # fmt: skip
    wide = Publication(suppress_counts_from=1, suppress_counts_to=9, min_denominator=10, suppressed_symbol="*")
    assert small_count(9, wide) and not small_count(10, wide)


def test_a_lone_small_district_forces_the_next_smallest_non_zero_district():
    # 3 could be recovered as 33 - 10 - 20 - 0; the zero protects nothing, so 10 goes too
    mask = _mask([(A, [33]), ("North", [3]), ("South", [10]), ("East", [20]), ("West", [0])])
    assert mask == {A: False, "North": True, "South": True, "East": False, "West": False}


def test_two_small_districts_protect_each_other():
    mask = _mask([(A, [25]), ("North", [2]), ("South", [3]), ("East", [20])])
    assert mask == {A: False, "North": True, "South": True, "East": False}


def test_two_ones_are_not_enough_because_they_could_only_be_ones():
    # two suppressed cells summing to 2 must both be 1: a third cell goes
    mask = _mask([(A, [32]), ("North", [1]), ("South", [1]), ("East", [30])])
    assert mask == {A: False, "North": True, "South": True, "East": True}


def test_a_small_total_is_suppressed_and_needs_no_partner():
    mask = _mask([(A, [4]), ("North", [4]), ("South", [0]), ("East", [0])])
    assert mask == {A: True, "North": True, "South": False, "East": False}


def test_ties_go_to_the_district_listed_first_and_zero_columns_stay_shown():
    frame = table([(A, [19, 0]), ("North", [7, 0]), ("South", [7, 0]), ("East", [5, 0])], ["m1", "m2"])
    mask = count_table_mask(frame, PUB, A)
    assert mask["m1"].to_dict() == {A: False, "North": True, "South": False, "East": True}
    assert not mask["m2"].any()


def test_without_a_total_row_only_primary_suppression_applies():
    mask = _mask([("North", [3]), ("South", [10])], total=None)
    assert mask == {"North": True, "South": False}


def test_protect_column_suppresses_the_total_when_no_partner_is_left():
    assert protect_column({"North": 3.0, "South": 0.0}, {"North"}) == {"North", TOTAL}
    assert protect_column({"North": 3.0, "South": 9.0}, {"North"}, total_shown=False) == {"North"}


@pytest.mark.parametrize("seed", range(25))
def test_no_suppressed_district_can_be_worked_out_from_the_total(seed):
    rng = random.Random(seed)
    districts = [f"d{i}" for i in range(rng.randint(2, 8))]
    columns = [f"m{i}" for i in range(6)]
    values = {d: [rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 15, 40]) for _ in columns] for d in districts}
    totals = [sum(values[d][i] for d in districts) for i in range(len(columns))]
    frame = table([(A, totals), *[(d, values[d]) for d in districts]], columns)
    mask = count_table_mask(frame, PUB, A)
    for i, column in enumerate(columns):
        hidden = [d for d in districts if mask.at[d, column]]
        # every small count is hidden, zeros never are
        assert all(mask.at[d, column] for d in districts if 1 <= values[d][i] <= 5)
        assert not any(mask.at[d, column] for d in districts if values[d][i] == 0)
        if mask.at[A, column]:
            continue
        # with the total shown: never exactly one hidden cell, and never a group that can only be all ones
        assert len(hidden) != 1
        assert not hidden or sum(values[d][i] for d in hidden) != len(hidden)


def test_percentages_rates_and_ratios():
    assert figure_suppressed("percent", 3, 5, 60.0, PUB)  # denominator below 6
    assert figure_suppressed("percent", 3, 40, 7.5, PUB)  # would reveal a count of 3
    assert not figure_suppressed("percent", 0, 7, 0.0, PUB)  # 0 %: zero is not suppressed
    assert not figure_suppressed("percent", 30, 40, 75.0, PUB)
    assert not figure_suppressed("percent", 0, 0, None, PUB)  # nothing due: missing, not suppressed
    assert figure_suppressed("rate_per_10000", 4, 20000, 2.0, PUB)  # the population is public
    assert not figure_suppressed("rate_per_10000", 400, 20000, 200.0, PUB)
    assert figure_suppressed("count", 5, None, 5, PUB) and not figure_suppressed("count", 0, None, 0, PUB)


# --- through the view: what a whole published page hides --------------------------------------------------------

END = dt.date(2019, 8, 31)
MONTHS = thirteen_months(END)


def _tiny(rows: list[tuple], series: list[tuple] = ()) -> BoardData:
    """A tiny authority's BoardData; rows: (indicator_id, area_type, area, numerator, denominator) for every month."""
    monthly = []
    for ind_id, area_type, area, num, den in rows:
        unit = indicator(ind_id).unit
        for month in MONTHS:
            value = num if unit == "count" else (None if not den else num * (10_000 if unit == "rate_per_10000" else 100) / den)
            monthly.append((ind_id, month, area_type, area, float(num), den, value))
    frame = pd.DataFrame(monthly, columns=["indicator_id", "period_end", "area_type", "area", "numerator", "denominator", "value"])
    march = frame[(frame["area_type"] == "authority") & (frame["period_end"] == dt.date(2019, 3, 31))]
    series_frame = pd.DataFrame(
        [(i, "Tiny", "authority", "2018/19", dt.date(2019, 3, 31), v, "computed", "x") for i, v in series],
        columns=["indicator_id", "area", "area_type", "period", "period_end", "value", "origin", "source"],
    )
    empty = pd.DataFrame()
    return BoardData(
        month="2019-08", period_end=END, months=MONTHS, authority="Tiny", areas=("North", "South", "Other"),
        publication=PUB, monthly=frame, march=march, series=series_frame, comparison=empty,
        action_plan=ActionPlanData(None, None, False, empty, empty, empty, note="none"), iro=IroData(None),
    )


def _cells(view, ind_id, area):
    page = next(p for p in view.pages if p.indicator.id == ind_id)
    row = next(r for r in page.rows if r.area == area)
    return page, row


def test_the_rate_of_a_small_count_and_its_31_march_figure_are_suppressed():
    data = _tiny(
        [("cp_plans", "authority", "Tiny", 3, None), ("cp_plans", "district", "North", 3, None),
         ("cp_plans", "district", "South", 0, None), ("cp_plans", "district", "Other", 0, None),
         ("cp_rate", "authority", "Tiny", 3, 20000)],
        series=[("cp_plans", 3.0), ("cp_rate", 1.5)],
    )  # fmt: skip
    view = build_view(data, published=True)
    page, row = _cells(view, "cp_plans", "Tiny")
    assert all(c.suppressed and c.value is None and c.raw is None for c in row.cells)
    assert row.trend.suppressed and page.chart_points[-1][1] is None
    assert all(c.suppressed for c in _cells(view, "cp_plans", "North")[1].cells)
    assert [c.value for c in _cells(view, "cp_plans", "South")[1].cells] == [0.0] * 13  # zero stays
    rate_page, rate_row = _cells(view, "cp_rate", "Tiny")
    assert all(c.suppressed for c in rate_row.cells)
    assert [c.suppressed for c in page.march_rows[0].cells] == [True]
    assert [c.suppressed for c in rate_page.march_rows[0].cells] == [True]
    assert "not published" in rate_page.commentary[0] and not any("1.5" in s for s in rate_page.commentary)
    internal = build_view(data, published=False)
    assert [c.value for c in _cells(internal, "cp_rate", "Tiny")[1].cells][-1] == 1.5


def test_a_care_leaver_percentage_does_not_hint_at_a_suppressed_count_of_care_leavers():
    # care leaver districts: North 3 (small), South 8 (its partner), Other 20; South's EET 6 of 8 = 75 % must go too
    data = _tiny(
        [("care_leavers", "authority", "Tiny", 31, None), ("care_leavers", "district", "North", 3, None),
         ("care_leavers", "district", "South", 8, None), ("care_leavers", "district", "Other", 20, None),
         ("care_leavers_eet", "authority", "Tiny", 22, 31), ("care_leavers_eet", "district", "North", 2, 3),
         ("care_leavers_eet", "district", "South", 6, 8), ("care_leavers_eet", "district", "Other", 14, 20)],
    )  # fmt: skip
    view = build_view(data, published=True)
    assert all(c.suppressed for c in _cells(view, "care_leavers", "South")[1].cells)
    assert all(c.suppressed for c in _cells(view, "care_leavers_eet", "South")[1].cells)
    assert all(c.suppressed for c in _cells(view, "care_leavers_eet", "North")[1].cells)
    assert _cells(view, "care_leavers_eet", "Other")[1].cells[-1].value == 70.0


def _with_spc(earlier_values: list[float]) -> BoardData:
    """Tiny's IRO problem resolutions: 9 in each of the 13 months shown, `earlier_values` in the 11 before them, and
    the SPC chart of all 24 months (as marts.indicator_spc would hold it)."""
    from cpb_pipeline.domain.calendar import month_ends_back
    from cpb_pipeline.marts.spc.method import spc_series

    data = _tiny([("iro_pr_raised", "authority", "Tiny", 9, None)])
    before = month_ends_back(END, 24)[:11]
    earlier = pd.DataFrame([("iro_pr_raised", m, "authority", "Tiny", float(v), None, float(v))
                            for m, v in zip(before, earlier_values)], columns=data.monthly.columns)  # fmt: skip
    series = spc_series([*zip(before, map(float, earlier_values)), *((m, 9.0) for m in MONTHS)], "contextual")
    spc = pd.DataFrame([(END, p.period_end, "iro_pr_raised", "authority", "Tiny", p.value, p.mean, p.lower_limit,
                         p.upper_limit, p.rules, p.variation, None) for p in series.points],
                       columns=tables.INDICATOR_SPC.column_names)  # fmt: skip
    return dataclasses.replace(data, earlier=earlier, spc=spc)


def test_a_small_count_before_the_13_months_shown_withholds_the_spc_chart_in_the_published_version():
    small_earlier = _with_spc([8, 8, 8, 4, 8, 8, 8, 8, 8, 8, 8])  # 4, a year and a half ago: on the chart, not the page
    assert hidden_figures(small_earlier, PUB).spc("iro_pr_raised")
    published = next(p for p in build_view(small_earlier, published=True).pages if p.indicator.id == "iro_pr_raised")
    assert not any(c.suppressed for c in published.authority_row.cells)  # the 13 months shown are all 9
    assert not published.control.drawn and published.control.withheld
    assert published.control.signals is None and published.control.variation is None
    assert "withheld" in " ".join(published.commentary) and "Read as SPC" not in " ".join(published.commentary)
    internal = next(p for p in build_view(small_earlier, published=False).pages if p.indicator.id == "iro_pr_raised")
    assert len(internal.control.points) == 24 and "Read as SPC over the 24 months" in internal.commentary[1]
    none_small = _with_spc([8] * 11)
    assert not hidden_figures(none_small, PUB).spc("iro_pr_raised")
    shown = next(p for p in build_view(none_small, published=True).pages if p.indicator.id == "iro_pr_raised")
    assert shown.control.drawn and shown.commentary[1].startswith("Read as SPC over the 24 months from September 2017")
