"""The demo's marts.indicator_spc agrees with an XmR oracle written here from the method's rules alone.

The oracle shares no code with production: the window, the screened MR-bar, the limits, the four
rules, variation by polarity, and which district series the published board could show, are all
written again below from the rules as the board's brief states them.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from cpb_pipeline.domain.catalogue import CATALOGUE

REPORT_MONTHS = (dt.date(2019, 8, 31), dt.date(2019, 3, 31))
POLARITY = {i.id: i.polarity for i in CATALOGUE}
UNIT = {i.id: i.unit for i in CATALOGUE}


def _months_back(day: dt.date, count: int) -> dt.date:
    """The month end `count` months before `day`."""
    index = day.year * 12 + day.month - 1 - count
    year, month = divmod(index, 12)
    following = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _marks(xs, mean, lo, hi, lo2, hi2):
    n = len(xs)
    marks = [set() for _ in xs]
    for i, x in enumerate(xs):
        if x > hi or x < lo:
            marks[i].add(("outside_limits", "high" if x > mean else "low"))

    def runs(ok, first_step):
        """Maximal stretches of consecutive indices where ok(i) holds (from `first_step`)."""
        i = first_step
        while i < n:
            if not ok(i):
                i += 1
                continue
            j = i
            while j + 1 < n and ok(j + 1):
                j += 1
            yield i, j
            i = j + 1

    for side, ok in (("high", lambda i: xs[i] > mean), ("low", lambda i: xs[i] < mean)):
        for i, j in runs(ok, 0):
            if j - i + 1 >= 7:
                for k in range(i, j + 1):
                    marks[k].add(("shift", side))
    for side, ok in (("high", lambda i: xs[i] > xs[i - 1]), ("low", lambda i: xs[i] < xs[i - 1])):
        for i, j in runs(ok, 1):  # steps i..j join points i-1..j
            if j - i + 2 >= 7:
                for k in range(i - 1, j + 1):
                    marks[k].add(("trend", side))
    for first in range(n - 2):
        for side, beyond in (("high", lambda x: x > hi2), ("low", lambda x: x < lo2)):
            hits = [k for k in range(first, first + 3) if beyond(xs[k])]
            if len(hits) >= 2:
                for k in hits:
                    marks[k].add(("two_of_three", side))
    return marks


def _oracle_chart(points, polarity):
    """[(period_end, value, mean, lower, upper, rules, variation)] or None under 12 points."""
    if len(points) < 12:
        return None
    xs = [v for _, v in points]
    mean = math.fsum(xs) / len(xs)
    ranges = [abs(b - a) for a, b in zip(xs, xs[1:])]
    average = math.fsum(ranges) / len(ranges)
    kept = [r for r in ranges if r <= 3.267 * average]
    mr_bar = math.fsum(kept) / len(kept)
    lo, hi = mean - 2.66 * mr_bar, mean + 2.66 * mr_bar
    lo2, hi2 = mean - 2 / 3 * 2.66 * mr_bar, mean + 2 / 3 * 2.66 * mr_bar
    order = ["outside_limits", "shift", "trend", "two_of_three"]
    out = []
    for (day, x), mark in zip(points, _marks(xs, mean, lo, hi, lo2, hi2)):
        sides = {side for _, side in mark}
        if not sides:
            variation = "common_cause"
        elif len(sides) > 1 or polarity == "contextual":
            variation = "special_cause_neither"
        else:
            good = "high" if polarity == "higher_is_better" else "low"
            variation = "special_cause_improving" if sides == {good} else "special_cause_concerning"
        out.append((day, x, mean, lo, hi, [r for r in order if any(rule == r for rule, _ in mark)], variation))
    return out


def _published_would_hide(unit, numerator, denominator, value):
    """The published board's primary rules with the demo's (default) settings: counts 1-5, denominators under 6."""
    def small(v):
        return v is not None and not math.isnan(v) and v != 0 and 1 <= v <= 5

    def there(v):
        return v is not None and not math.isnan(v)

    if unit == "count":
        return small(value if there(value) else numerator)
    if not there(value):
        return False
    return (unit == "percent" and there(denominator) and denominator < 6) or small(numerator)


def _oracle(monthly, report_month):
    """{(indicator, area_type, area): chart rows} for a report month, from indicator_monthly rows."""
    first = _months_back(report_month, 23)
    window = monthly[(monthly["period_end"] >= first) & (monthly["period_end"] <= report_month)]
    charts = {}
    for (ind, area_type, area), rows in window.groupby(["indicator_id", "area_type", "area"]):
        rows = rows.sort_values("period_end")
        rows = rows[rows["value"].notna()]
        if area_type == "district" and any(
            _published_would_hide(UNIT[ind], r.numerator, r.denominator, r.value) for r in rows.itertuples()
        ):
            continue
        chart = _oracle_chart(list(zip(rows["period_end"], rows["value"])), POLARITY[ind])
        if chart is not None:
            charts[(ind, area_type, area)] = chart
    return charts


@pytest.fixture(scope="module")
def demo_frames(demo_pipeline):
    monthly = demo_pipeline.query("SELECT * FROM marts.indicator_monthly")
    spc = demo_pipeline.query("SELECT * FROM marts.indicator_spc")
    for frame in (monthly, spc):
        for column in ("period_end", "report_month"):
            if column in frame:
                frame[column] = frame[column].dt.date
    return monthly, spc


@pytest.mark.parametrize("report_month", REPORT_MONTHS, ids=str)
def test_every_row_of_the_report_month_agrees_with_the_oracle(demo_frames, report_month):
    monthly, spc = demo_frames
    expected = _oracle(monthly, report_month)
    rows = spc[spc["report_month"] == report_month]
    found = {key: group.sort_values("period_end") for key, group in rows.groupby(["indicator_id", "area_type", "area"])}
    assert set(found) == set(expected)
    assert {area for _, kind, area in expected if kind == "authority"} == {"Lancashire"}
    assert len({key for key in expected if key[1] == "authority"}) == len(CATALOGUE)
    districts = {key for key in expected if key[1] == "district"}
    assert len(districts) >= 10, "a few districts at least"
    left_out = {(i, "district", a) for i, a in monthly[monthly["area_type"] == "district"][["indicator_id", "area"]]
                .drop_duplicates().itertuples(index=False)} - districts  # fmt: skip
    assert left_out, "some district series have small numbers and are left out"
    compared = 0
    for key, chart in expected.items():
        got = found[key]
        assert len(got) == len(chart), key
        for row, (day, x, mean, lo, hi, rules, variation) in zip(got.itertuples(), chart):
            assert (row.period_end, row.value) == (day, x), key
            assert row.mean == pytest.approx(mean, rel=1e-12, abs=1e-12), key
            assert row.lower_limit == pytest.approx(lo, rel=1e-12, abs=1e-12), key
            assert row.upper_limit == pytest.approx(hi, rel=1e-12, abs=1e-12), key
            assert list(row.rules) == rules, (key, day)
            assert row.variation == variation, (key, day)
            assert row.assurance is None  # the demo profile has no targets
            compared += 1
    assert compared == len(rows)
    assert set(rows["variation"]) > {"common_cause"}, "the demo has some special-cause variation"
