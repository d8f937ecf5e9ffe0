"""The XmR method the board pack reads every monthly series with (NHS England's "Making Data Count").

This is a contract: the figures are checked independently, so every step is written here.

Series: for a report month M, the month ends from max(first month held, M - 23 months) to M, in
order, leaving out months with no figure (None or NaN). Under 12 points there is no SPC:
`spc_series` returns None, because limits from so few points mislead more than they tell.

Limits (every mean with math.fsum, so the order of the points cannot move a limit): mean of the
points; moving ranges |x_i - x_(i-1)| between consecutive points (after nulls are dropped);
MR-bar = mean of the moving ranges left after dropping every one strictly above 3.267 x their
unscreened mean (one freak month must not widen the limits; NHSRplotthedots also drops one
exactly at 3.267 x, the contract keeps it); process limits mean +/- 2.66 x MR-bar; two-sigma
lines mean +/- (2/3) x 2.66 x MR-bar.

Rules (each marks the points it covers; every comparison is strict, with no tolerance):
- outside_limits: a point above the upper or below the lower process limit;
- shift: 7 or more consecutive points all above, or all below, the mean (a point on the mean breaks it);
- trend: 7 or more consecutive points each above (or each below) its predecessor, first point included
  (an equal neighbour breaks it);
- two_of_three: 2 or more of any 3 consecutive points beyond the same two-sigma line; only those
  beyond it are marked.

Variation of a point: common_cause with no mark. Otherwise each mark has a direction (high or low:
the side of the mean or line; a rising trend is high). One direction and a polarity give
special_cause_improving or special_cause_concerning; marks that disagree, or a contextual
indicator, give special_cause_neither.

Assurance against a target (None without a target, and for a contextual indicator). The target
must lie strictly outside the process limits for a consistent answer; a limit exactly on the
target is hit_and_miss. This is NHSRplotthedots' rule (`target > upl` fails, `target < lpl`
passes, for an increase), so our answer agrees with the package's, and it is strict like the rules:
- higher_is_better: consistently_meets if lower_limit > target, consistently_fails if
  upper_limit < target, else hit_and_miss;
- lower_is_better: consistently_meets if upper_limit < target, consistently_fails if
  lower_limit > target, else hit_and_miss.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from cpb_pipeline.domain.catalogue import Polarity

WINDOW_MONTHS = 24
MIN_POINTS = 12
LIMIT = 2.66
SCREEN = 3.267
RUN = 7

Rule = Literal["outside_limits", "shift", "trend", "two_of_three"]
RULES: tuple[Rule, ...] = ("outside_limits", "shift", "trend", "two_of_three")
Direction = Literal["high", "low"]
Variation = Literal["common_cause", "special_cause_improving", "special_cause_concerning", "special_cause_neither"]
Assurance = Literal["consistently_meets", "consistently_fails", "hit_and_miss"]


@dataclass(frozen=True)
class SpcPoint:
    """One month of a series, with the series' levels repeated so that each point is a complete row."""

    period_end: dt.date
    value: float
    mean: float
    lower_limit: float
    upper_limit: float
    lower_two_sigma: float
    upper_two_sigma: float
    rules: tuple[Rule, ...]
    variation: Variation


@dataclass(frozen=True)
class SpcSeries:
    points: tuple[SpcPoint, ...]
    mean: float
    mr_bar: float
    lower_limit: float
    upper_limit: float
    lower_two_sigma: float
    upper_two_sigma: float
    assurance: Assurance | None


@dataclass(frozen=True)
class Signal:
    """A rule active at the latest point, for commentary: which way, since when and over how many points.

    points: the length of the run (outside_limits: 1; two_of_three: how many of the last 3 points
    are beyond the line); since: the first month of those points.
    """

    rule: Rule
    direction: Direction
    since: dt.date
    points: int


def series_window(values: Mapping[dt.date, float | None], report_month: dt.date) -> list[tuple[dt.date, float]]:
    """The (month end, value) pairs SPC is computed on for `report_month`: the last 24 month ends at most, nulls left out."""
    for day in (report_month, *values):
        if not _is_month_end(day):
            raise ValueError(f"{day} is not a month end")
    index = _month_index(report_month)
    return [
        (day, float(value))
        for day, value in sorted(values.items())
        if index - WINDOW_MONTHS < _month_index(day) <= index and value is not None and not math.isnan(value)
    ]


def spc_series(points: Sequence[tuple[dt.date, float]], polarity: Polarity, target: float | None = None) -> SpcSeries | None:
    """The XmR limits, rule marks, variation and assurance of a series from `series_window`; None under 12 points."""
    days = [day for day, _ in points]
    values = [value for _, value in points]
    if any(later <= earlier for earlier, later in zip(days, days[1:])):
        raise ValueError("SPC points must be in month order, each month once")
    if not all(math.isfinite(value) for value in values):
        raise ValueError("SPC points must be numbers: leave out the months with no figure")
    if len(values) < MIN_POINTS:
        return None
    mean = math.fsum(values) / len(values)
    moving_ranges = [abs(b - a) for a, b in zip(values, values[1:])]
    unscreened = math.fsum(moving_ranges) / len(moving_ranges)
    kept = [mr for mr in moving_ranges if mr <= SCREEN * unscreened]
    mr_bar = math.fsum(kept) / len(kept)
    lower, upper = mean - LIMIT * mr_bar, mean + LIMIT * mr_bar
    lower_two, upper_two = mean - (2 / 3) * LIMIT * mr_bar, mean + (2 / 3) * LIMIT * mr_bar
    marks = _marks(values, mean, lower, upper, lower_two, upper_two)
    return SpcSeries(
        points=tuple(
            SpcPoint(
                day, value, mean, lower, upper, lower_two, upper_two,
                rules=tuple(rule for rule in RULES if any(r == rule for r, _ in mark)),
                variation=_variation(mark, polarity),
            )
            for day, value, mark in zip(days, values, marks)
        ),
        mean=mean,
        mr_bar=mr_bar,
        lower_limit=lower,
        upper_limit=upper,
        lower_two_sigma=lower_two,
        upper_two_sigma=upper_two,
        assurance=_assurance(polarity, target, lower, upper),
    )


def stored_series(points: Sequence[tuple[dt.date, float, tuple[Rule, ...], Variation]], mean: float,
                  lower_limit: float, upper_limit: float, assurance: Assurance | None) -> SpcSeries:  # fmt: skip
    """A series as marts.indicator_spc stores it (levels, and each point's rules and variation), whole again for
    `describe_signals`: MR-bar and the two-sigma lines follow from the process limits, so nothing is recomputed."""
    mr_bar = (upper_limit - lower_limit) / (2 * LIMIT)
    lower_two, upper_two = mean - (2 / 3) * LIMIT * mr_bar, mean + (2 / 3) * LIMIT * mr_bar
    return SpcSeries(
        points=tuple(SpcPoint(day, value, mean, lower_limit, upper_limit, lower_two, upper_two, tuple(rules), variation)
                     for day, value, rules, variation in points),  # fmt: skip
        mean=mean,
        mr_bar=mr_bar,
        lower_limit=lower_limit,
        upper_limit=upper_limit,
        lower_two_sigma=lower_two,
        upper_two_sigma=upper_two,
        assurance=assurance,
    )


def describe_signals(series: SpcSeries) -> list[Signal]:
    """The rules marking the latest point, in rule order (empty: common-cause variation)."""
    points = series.points
    last = points[-1]
    values = [p.value for p in points]
    signals = []
    if "outside_limits" in last.rules:
        signals.append(Signal("outside_limits", _side(last.value, series.mean), last.period_end, 1))
    if "shift" in last.rules:
        start, _, side = _runs([_side(v, series.mean) for v in values])[-1]
        signals.append(Signal("shift", side, points[start].period_end, len(points) - start))
    if "trend" in last.rules:
        start, _, way = _runs(_steps(values))[-1]
        signals.append(Signal("trend", way, points[start].period_end, len(points) - start))
    if "two_of_three" in last.rules:
        side = _side(last.value, series.mean)
        line = series.upper_two_sigma if side == "high" else series.lower_two_sigma
        beyond = [p for p in points[-3:] if _side(p.value, line) == side]
        signals.append(Signal("two_of_three", side, beyond[0].period_end, len(beyond)))
    return signals


def signal_sentence(series: SpcSeries, month_name: Callable[[dt.date], str] = lambda day: day.strftime("%B %Y")) -> str:
    """What SPC says of the latest month, in plain words and never a cause."""
    phrases = []
    for signal in describe_signals(series):
        high = signal.direction == "high"
        if signal.rule == "outside_limits":
            phrases.append(f"a point {'above the upper' if high else 'below the lower'} process limit")
        elif signal.rule == "shift":
            phrases.append(f"a shift: {signal.points} months {'above' if high else 'below'} the mean since {month_name(signal.since)}")
        elif signal.rule == "trend":
            phrases.append(f"a trend: {signal.points} months {'rising' if high else 'falling'} since {month_name(signal.since)}")
        else:
            phrases.append(f"{signal.points} of the last 3 months beyond the {'upper' if high else 'lower'} two-sigma line")
    return "; ".join(phrases) or "within common-cause variation: no change to explain"


def _marks(values: list[float], mean: float, lower: float, upper: float,
           lower_two: float, upper_two: float) -> list[set[tuple[Rule, Direction]]]:  # fmt: skip
    """Every (rule, direction) marking each point."""
    marks: list[set[tuple[Rule, Direction]]] = [set() for _ in values]
    for i, value in enumerate(values):
        if value > upper or value < lower:
            marks[i].add(("outside_limits", _side(value, mean)))
    for start, end, side in _runs([_side(v, mean) for v in values]):
        if end - start + 1 >= RUN:
            for i in range(start, end + 1):
                marks[i].add(("shift", side))
    for start, end, way in _runs(_steps(values)):
        if end - start + 2 >= RUN:  # steps start..end join points start..end+1
            for i in range(start, end + 2):
                marks[i].add(("trend", way))
    beyond = ["high" if v > upper_two else "low" if v < lower_two else None for v in values]
    for first in range(len(values) - 2):
        window = range(first, first + 3)
        for side in ("high", "low"):
            hits = [i for i in window if beyond[i] == side]
            if len(hits) >= 2:
                for i in hits:
                    marks[i].add(("two_of_three", side))
    return marks


def _variation(mark: set[tuple[Rule, Direction]], polarity: Polarity) -> Variation:
    directions = {direction for _, direction in mark}
    if not directions:
        return "common_cause"
    if len(directions) > 1 or polarity == "contextual":
        return "special_cause_neither"
    better = "high" if polarity == "higher_is_better" else "low"
    return "special_cause_improving" if directions == {better} else "special_cause_concerning"


def _assurance(polarity: Polarity, target: float | None, lower: float, upper: float) -> Assurance | None:
    if target is None or polarity == "contextual":
        return None
    if polarity == "higher_is_better":
        return "consistently_meets" if lower > target else "consistently_fails" if upper < target else "hit_and_miss"
    return "consistently_meets" if upper < target else "consistently_fails" if lower > target else "hit_and_miss"


def _side(value: float, line: float) -> Direction | None:
    return "high" if value > line else "low" if value < line else None


def _steps(values: list[float]) -> list[Direction | None]:
    """The direction of each move between consecutive points (None: no change)."""
    return [_side(b, a) for a, b in zip(values, values[1:])]


def _runs(keys: list[Direction | None]) -> list[tuple[int, int, Direction]]:
    """The maximal stretches of one repeated direction: (first index, last index, direction)."""
    runs, start = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            if keys[start] is not None:
                runs.append((start, i - 1, keys[start]))
            start = i
    return runs


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _is_month_end(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]
