"""The XmR method on hand-made series whose limits and signals are worked out by hand below."""

import calendar
import datetime as dt
import math

import pytest

from cpb_pipeline.marts.spc.method import (
    Signal,
    describe_signals,
    series_window,
    signal_sentence,
    spc_series,
    stored_series,
)


def month_ends(count: int, year: int = 2019, month: int = 1) -> list[dt.date]:
    out = []
    for i in range(count):
        y, m = divmod(month - 1 + i, 12)
        out.append(dt.date(year + y, m + 1, calendar.monthrange(year + y, m + 1)[1]))
    return out


def spc(values, polarity="higher_is_better", target=None):
    return spc_series(list(zip(month_ends(len(values)), [float(v) for v in values])), polarity, target)


def rules(series):
    return [p.rules for p in series.points]


NOISE = [10, 12] * 6
"""Mean 11, every moving range 2: limits 11 -/+ 5.32, two-sigma lines 11 -/+ 3.5467; nothing fires."""

SPIKE = [10, 12] * 5 + [10, 23]
"""Sum 143, mean 11.9167. Moving ranges: ten of 2 and one of 13, unscreened mean 33/11 = 3;
3.267 x 3 = 9.801 < 13, so 13 is screened out and MR-bar = 20/10 = 2 (not 3). Upper limit
11.9167 + 5.32 = 17.2367 (it would be 19.9167 unscreened): 23 is above it. The 10s sit below
the mean and the 12s above, so there is no run; 23 is the only point beyond the two-sigma line."""

SHIFT = [9, 11, 9, 11, 9, 12, 14, 12, 14, 12, 14, 12]
"""Sum 139, mean 11.5833; the last 7 points all above it. Moving ranges 2,2,2,2,3,2,2,2,2,2,2: MR-bar 23/11
= 2.0909; two-sigma lines 11.5833 -/+ 3.7079 = 7.8755, 15.2912: no point beyond; no trend."""

TREND = [10, 14, 10, 14, 10, 8, 9, 10, 11, 12, 13, 14]
"""Mean 135/12 = 11.25; 8 to 14 is 7 points each above its predecessor. Moving ranges 4,4,4,4,2,1,1,1,1,1,1:
MR-bar 24/11 = 2.1818; two-sigma 7.3809 to 15.1191, limits 5.4464 to 17.0536: nothing beyond.
Sides of the mean: L H L H L L L L L H H H (a longest run of 5)."""

TWO_OF_THREE = [10, 12] * 5 + [16, 16]
"""Mean 142/12 = 11.8333; moving ranges nine of 2, then 4 and 0: MR-bar 22/11 = 2. Upper two-sigma line
11.8333 + 3.5467 = 15.38 < 16; upper limit 17.1533 > 16."""

MOUNTAIN = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]
"""Mean 49/13 = 3.7692, every moving range 1: limits 1.1092 and 6.4292, two-sigma lines 1.9959 and 5.5426.
Rising from the first point to 7 (7 points), falling from 7 to the last (7 points); 4 to 4 (7 points)
above the mean; 6, 7, 6 beyond the upper two-sigma line; 1 below and 7 above the limits."""


def test_common_cause_series_limits_and_no_signal():
    series = spc(NOISE)
    assert series.mean == 11
    assert series.mr_bar == 2
    assert series.lower_limit == 11 - 2.66 * 2
    assert series.upper_limit == 11 + 2.66 * 2
    assert series.lower_two_sigma == pytest.approx(11 - 2 / 3 * 2.66 * 2, abs=1e-12)
    assert series.upper_two_sigma == pytest.approx(14.546666666666667, abs=1e-12)
    assert all(p.rules == () and p.variation == "common_cause" for p in series.points)
    assert series.points[0].period_end == dt.date(2019, 1, 31)
    assert (series.points[0].mean, series.points[0].upper_limit) == (series.mean, series.upper_limit)
    assert describe_signals(series) == []
    assert signal_sentence(series) == "within common-cause variation: no change to explain"


def test_a_huge_moving_range_is_screened_out_of_mr_bar():
    series = spc(SPIKE)
    assert series.mean == pytest.approx(143 / 12, abs=1e-12)
    unscreened = (10 * 2 + 13) / 11
    assert unscreened == 3
    assert 13 > 3.267 * unscreened
    assert series.mr_bar == 20 / 10
    assert series.upper_limit == pytest.approx(143 / 12 + 2.66 * 2, abs=1e-12)
    assert series.upper_limit < 143 / 12 + 2.66 * unscreened


def test_outside_limits_alone():
    series = spc(SPIKE)
    assert rules(series) == [()] * 11 + [("outside_limits",)]
    assert series.points[-1].variation == "special_cause_improving"
    assert describe_signals(series) == [Signal("outside_limits", "high", dt.date(2019, 12, 31), 1)]
    assert signal_sentence(series) == "a point above the upper process limit"


def test_polarity_decides_improving_or_concerning_and_contextual_is_neither():
    assert spc(SPIKE, "higher_is_better").points[-1].variation == "special_cause_improving"
    assert spc(SPIKE, "lower_is_better").points[-1].variation == "special_cause_concerning"
    assert spc(SPIKE, "contextual").points[-1].variation == "special_cause_neither"
    low_spike = [12, 10] * 5 + [12, 1]  # the mirror image: 1 is below the lower limit
    assert rules(spc(low_spike)) == [()] * 11 + [("outside_limits",)]
    assert spc(low_spike, "higher_is_better").points[-1].variation == "special_cause_concerning"
    assert spc(low_spike, "lower_is_better").points[-1].variation == "special_cause_improving"
    assert signal_sentence(spc(low_spike)) == "a point below the lower process limit"


def test_shift_of_seven_above_the_mean():
    series = spc(SHIFT)
    assert series.mean == pytest.approx(139 / 12, abs=1e-12)
    assert series.mr_bar == pytest.approx(23 / 11, abs=1e-12)
    assert rules(series) == [()] * 5 + [("shift",)] * 7
    assert [p.variation for p in series.points[5:]] == ["special_cause_improving"] * 7
    assert describe_signals(series) == [Signal("shift", "high", dt.date(2019, 6, 30), 7)]
    assert signal_sentence(series) == "a shift: 7 months above the mean since June 2019"


def test_a_point_exactly_on_the_mean_breaks_a_shift():
    # Sum 120 over 12 points: the mean is exactly 10. Above it: 11, 14, 11, then 10 on the mean, then 14, 11, 14, 11.
    on_mean = [6, 11, 14, 11, 10, 14, 11, 14, 11, 5, 7, 6]
    series = spc(on_mean)
    assert series.mean == 10
    assert rules(series) == [()] * 12
    # The same months with 11 instead of 10 (mean 121/12 = 10.083): 8 points above it in a row.
    above = spc(on_mean[:4] + [11] + on_mean[5:])
    assert rules(above) == [()] + [("shift",)] * 8 + [()] * 3


def test_trend_of_seven_including_its_first_point():
    series = spc(TREND)
    assert series.mr_bar == pytest.approx(24 / 11, abs=1e-12)
    assert rules(series) == [()] * 5 + [("trend",)] * 7
    assert series.points[5].value == 8  # below the mean, marked as part of a rising trend
    assert series.points[5].variation == "special_cause_improving"
    assert spc(TREND, "lower_is_better").points[5].variation == "special_cause_concerning"
    assert describe_signals(series) == [Signal("trend", "high", dt.date(2019, 6, 30), 7)]
    assert signal_sentence(series) == "a trend: 7 months rising since June 2019"


def test_a_trend_of_six_is_no_signal_and_an_equal_neighbour_breaks_a_trend():
    six = [10, 14, 10, 14, 10, 14, 9, 10, 11, 12, 13, 14]  # 14 then 9: the rise from 9 to 14 is 6 points
    assert rules(spc(six)) == [()] * 12
    flat_start = [10, 14, 10, 14, 10, 9, 9, 10, 11, 12, 13, 14]  # 9, 9: the run is 9 to 14, 6 points
    series = spc(flat_start)
    assert series.mean == pytest.approx(136 / 12, abs=1e-12)
    assert series.mr_bar == 2  # 4,4,4,4,1,0,1,1,1,1,1 = 22, over 11
    assert rules(series) == [()] * 12


def test_two_of_three_beyond_the_same_two_sigma_line():
    series = spc(TWO_OF_THREE)
    assert series.mr_bar == 2
    assert series.upper_two_sigma == pytest.approx(142 / 12 + 2 / 3 * 2.66 * 2, abs=1e-12)
    assert rules(series) == [()] * 10 + [("two_of_three",)] * 2
    assert describe_signals(series) == [Signal("two_of_three", "high", dt.date(2019, 11, 30), 2)]
    assert signal_sentence(series) == "2 of the last 3 months beyond the upper two-sigma line"


def test_two_of_three_on_opposite_sides_is_no_signal():
    # Moving ranges: nine of 2, then 5 and 11; unscreened mean 34/11 = 3.09, 3.267 x 3.09 = 10.1 < 11:
    # MR-bar 23/10 = 2.3. Mean 133/12 = 11.083: two-sigma lines 7.004 and 15.162, limits 4.965 and 17.201.
    series = spc([10, 12] * 5 + [17, 6])
    assert series.mr_bar == pytest.approx(2.3, abs=1e-12)
    assert series.points[-2].value > series.upper_two_sigma and series.points[-1].value < series.lower_two_sigma
    assert rules(series) == [()] * 12


def test_marks_that_disagree_give_neither():
    series = spc(MOUNTAIN)
    assert series.mean == pytest.approx(49 / 13, abs=1e-12)
    assert series.mr_bar == 1
    assert rules(series) == [
        ("outside_limits", "trend"),  # 1: below the lower limit (low), first of a rising trend (high)
        ("trend",),
        ("trend",),
        ("shift", "trend"),
        ("shift", "trend"),
        ("shift", "trend", "two_of_three"),
        ("outside_limits", "shift", "trend", "two_of_three"),  # 7: the top of both trends
        ("shift", "trend", "two_of_three"),
        ("shift", "trend"),
        ("shift", "trend"),
        ("trend",),
        ("trend",),
        ("outside_limits", "trend"),  # 1: below the lower limit and the end of a falling trend, both low
    ]
    assert [p.variation for p in series.points] == (
        ["special_cause_neither"]
        + ["special_cause_improving"] * 5
        + ["special_cause_neither"] * 4  # above the mean but falling
        + ["special_cause_concerning"] * 3
    )
    assert describe_signals(series) == [
        Signal("outside_limits", "low", dt.date(2020, 1, 31), 1),
        Signal("trend", "low", dt.date(2019, 7, 31), 7),
    ]
    assert signal_sentence(series, month_name=lambda day: day.strftime("%b %Y")) == (
        "a point below the lower process limit; a trend: 7 months falling since Jul 2019"
    )


def test_fewer_than_twelve_points_give_no_spc():
    assert spc(NOISE[:11]) is None
    assert spc(NOISE) is not None


def test_the_window_is_the_last_24_month_ends_with_nulls_left_out():
    months = month_ends(30, 2018, 1)  # January 2018 to June 2020
    values = {day: float(i) for i, day in enumerate(months)}
    values[dt.date(2019, 3, 31)] = None
    values[dt.date(2019, 4, 30)] = math.nan
    window = series_window(values, dt.date(2020, 3, 31))
    assert window[0] == (dt.date(2018, 4, 30), 3.0)  # March 2020 less 23 months
    assert window[-1] == (dt.date(2020, 3, 31), 26.0)
    assert len(window) == 24 - 2
    assert dt.date(2019, 3, 31) not in dict(window) and dt.date(2019, 4, 30) not in dict(window)


def test_the_window_starts_at_the_first_month_held():
    values = {day: 1.0 for day in month_ends(10, 2019, 3)}  # March to December 2019
    window = series_window(values, dt.date(2019, 12, 31))
    assert [day for day, _ in window] == month_ends(10, 2019, 3)
    assert spc_series(window, "higher_is_better") is None


def test_moving_ranges_join_the_points_either_side_of_a_null_month():
    values = dict(zip(month_ends(13), [10, 12, 10, 12, 10, 12, None, 12, 10, 12, 10, 12, 10]))
    series = spc_series(series_window(values, dt.date(2020, 1, 31)), "higher_is_better")
    # Points 10,12,10,12,10,12,12,10,12,10,12,10: moving ranges ten of 2 and a 0 (June to August 2019).
    assert len(series.points) == 12
    assert series.mean == 11
    assert series.mr_bar == 20 / 11


def test_months_must_be_month_ends_and_points_in_order():
    with pytest.raises(ValueError, match="not a month end"):
        series_window({dt.date(2019, 1, 1): 1.0}, dt.date(2019, 1, 31))
    with pytest.raises(ValueError, match="month order"):
        spc_series([(dt.date(2019, 2, 28), 1.0), (dt.date(2019, 1, 31), 2.0)], "contextual")


@pytest.mark.parametrize(
    ("polarity", "target", "assurance"),
    [
        # NOISE: limits 11 - 5.32 = 5.68 and 11 + 5.32 = 16.32
        ("higher_is_better", 5.0, "consistently_meets"),
        ("higher_is_better", 17.0, "consistently_fails"),
        ("higher_is_better", 11.0, "hit_and_miss"),
        ("higher_is_better", 11 - 2.66 * 2, "hit_and_miss"),  # lower limit exactly on the target
        ("higher_is_better", 11 + 2.66 * 2, "hit_and_miss"),  # upper limit exactly on the target
        ("lower_is_better", 17.0, "consistently_meets"),
        ("lower_is_better", 5.0, "consistently_fails"),
        ("lower_is_better", 11.0, "hit_and_miss"),
        ("lower_is_better", 11 + 2.66 * 2, "hit_and_miss"),
        ("lower_is_better", 11 - 2.66 * 2, "hit_and_miss"),
        ("contextual", 5.0, None),
        ("higher_is_better", None, None),
    ],
)
def test_assurance_against_a_target(polarity, target, assurance):
    assert spc(NOISE, polarity, target).assurance == assurance


@pytest.mark.parametrize("values", [NOISE, SPIKE, SHIFT, TREND, TWO_OF_THREE, MOUNTAIN], ids=lambda v: str(v[:3]))
def test_a_stored_series_describes_its_signals_as_the_computed_one(values):
    series = spc(values)
    stored = stored_series([(p.period_end, p.value, p.rules, p.variation) for p in series.points], series.mean,
                           series.lower_limit, series.upper_limit, series.assurance)  # fmt: skip
    assert stored.mr_bar == pytest.approx(series.mr_bar, rel=1e-12)
    assert stored.upper_two_sigma == pytest.approx(series.upper_two_sigma, rel=1e-12)
    assert stored.points[-1].rules == series.points[-1].rules
    assert describe_signals(stored) == describe_signals(series)
    assert signal_sentence(stored) == signal_sentence(series)
