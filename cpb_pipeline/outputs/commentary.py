"""Draft commentary for each indicator, written from the numbers alone.

The BI team edits it before the board sees it, so it says only what the figures
show (the figures as the page shows them, so that every change stated is the
difference between two numbers the reader can see). It leads with what SPC reads
in the series (`SpcFact`: common-cause variation, "no change to explain", or the
signals and since when), then the profile's target where there is one, and only
then the direction of travel over the month and over the year ("improved" or
"worsened" only where the indicator has a polarity): a single month's difference is
mostly noise, so it is the secondary line. Then the position against each comparator
with the comparator's period, and the district movements that stand out. It never
gives causes, never compares with a missing or suppressed figure, and never mentions
a district from a suppressed figure: the published version passes suppressed figures
in as `None` (with the `*_suppressed` flags set), and a withheld SPC chart as its
note alone, so nothing hidden can leak into a sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from cpb_pipeline.benchmarks.comparison import travel
from cpb_pipeline.domain.calendar import add_months, month_end
from cpb_pipeline.domain.catalogue import Indicator
from cpb_pipeline.domain.regions import in_a_sentence
from cpb_pipeline.domain.rounding import present
from cpb_pipeline.outputs.formats import change_amount, figure_text, month_name, shown_value

HEADING = "Draft commentary for the BI team to edit"
DISTRICTS_MENTIONED = 3


@dataclass(frozen=True)
class ComparatorFact:
    comparator: str
    value: float | None  # the comparator's latest published value (None: nothing published)
    period: str | None  # its financial year, e.g. 2017/18
    is_latest: bool | None  # False when the comparator has not yet published the latest year
    position: str | None  # better, worse, similar (higher, lower, similar when contextual), from the mart


@dataclass(frozen=True)
class SpcFact:
    """What the authority's SPC chart says of its latest month, or (`note`) why there is no chart."""

    signals: str | None = None  # method.signal_sentence; None: no chart
    variation: str | None = None  # of the latest point
    months: int = 0  # the chart's points
    since: dt.date | None = None  # its first month
    assurance: str | None = None  # against the profile's target
    target: float | None = None
    note: str | None = None  # why there is no chart: withheld, or too few months


@dataclass(frozen=True)
class DistrictChange:
    area: str
    before: float
    after: float


@dataclass(frozen=True)
class Facts:
    indicator: Indicator
    authority: str
    period_end: dt.date
    current: float | None
    last_month: float | None = None
    last_year: float | None = None
    current_suppressed: bool = False
    last_month_suppressed: bool = False
    last_year_suppressed: bool = False
    comparators: tuple[ComparatorFact, ...] = ()
    districts: tuple[DistrictChange, ...] = ()  # from `district_movements`
    symbol: str = "c"
    spc: SpcFact | None = None  # None: no SPC reading is given at all


def draft_commentary(facts: Facts) -> list[str]:
    """Sentences, in reading order."""
    ind, unit = facts.indicator, facts.indicator.unit
    month = month_name(facts.period_end)
    sentences: list[str] = []
    if facts.current_suppressed:
        sentences.append(
            f"The {month} figure for {facts.authority} is a small number and is not published "
            f"(shown as \u201c{facts.symbol}\u201d), so no comparison is given."
        )
    elif not present(facts.current):
        sentences.append(f"There is no {month} figure for {facts.authority}, so no comparison is given.")
    else:
        sentences.append(f"For {month} the figure for {facts.authority} is {figure_text(unit, facts.current)}.")
    if facts.spc is not None:
        sentences += _spc(ind, facts.spc)
    if present(facts.current) and not facts.current_suppressed:
        previous = month_end(add_months(facts.period_end.replace(day=1), -1))
        year_ago = month_end(add_months(facts.period_end.replace(day=1), -12))
        sentences.append(_movement(ind, facts.current, facts.last_month, facts.last_month_suppressed, previous, False))
        sentences.append(_movement(ind, facts.current, facts.last_year, facts.last_year_suppressed, year_ago, True))
        comparison = _comparators(ind, facts.current, facts.comparators)
        if comparison:
            sentences.append(comparison)
    if facts.districts:
        sentences.append(_districts(ind, facts.districts, month_end(add_months(facts.period_end.replace(day=1), -1))))
    return sentences


SPECIAL_CAUSE = {"special_cause_improving": "an improvement", "special_cause_concerning": "a concern"}


def _spc(ind: Indicator, spc: SpcFact) -> list[str]:
    """The SPC reading of the series, then its assurance against a target: what the board discusses first."""
    if spc.signals is None:
        return [spc.note] if spc.note else []
    over = f"Read as SPC over the {spc.months} months from {month_name(spc.since)}"  # type: ignore[arg-type]
    if spc.variation == "common_cause":
        sentences = [f"{over}, it is {spc.signals}."]
    else:
        reading = SPECIAL_CAUSE.get(spc.variation or "", "neither better nor worse")
        sentences = [f"{over}, it shows {spc.signals} (special-cause variation: {reading})."]
    if spc.assurance is not None and spc.target is not None:
        target = f"Against its target of {figure_text(ind.unit, spc.target)},"
        higher = ind.polarity == "higher_is_better"
        limit = {("consistently_meets", True): "lower process limit is above", ("consistently_meets", False):
                 "upper process limit is below", ("consistently_fails", True): "upper process limit is below",
                 ("consistently_fails", False): "lower process limit is above"}.get((spc.assurance, higher))  # fmt: skip
        if limit:
            verdict = "meets" if spc.assurance == "consistently_meets" else "fails"
            sentences.append(f"{target} it consistently {verdict} it: the {limit} the target.")
        else:
            sentences.append(f"{target} it is hit and miss: the target lies between the process limits, so some "
                             "months meet it and some miss it by chance alone.")  # fmt: skip
    return sentences


def _movement(ind: Indicator, current: float, before: float | None, suppressed: bool, when: dt.date,
              over_year: bool) -> str:  # fmt: skip
    unit, label = ind.unit, month_name(when)
    lead = "Over the year, compared" if over_year else "Compared"
    if suppressed:
        return f"The {label} figure is not published, so no change {'over the year' if over_year else 'since then'} is given."
    if not present(before):
        return f"There is no {label} figure to compare with."
    change = current - float(before)  # type: ignore[arg-type]
    direction = travel(ind, change)
    then = f"{label} ({figure_text(unit, before)})"
    if direction == "no change":
        return f"{lead} with {then}, it is unchanged."
    movement = f"{'up' if change > 0 else 'down'} by {change_amount(unit, change)}"
    if direction in ("improving", "worsening"):
        verdict = "improved" if direction == "improving" else "worsened"
        return f"{lead} with {then}, it has {verdict}: {movement}."
    return f"{lead} with {then}, it is {movement}."


def _comparators(ind: Indicator, current: float, facts: Iterable[ComparatorFact]) -> str | None:
    clauses, missing = [], []
    for fact in facts:
        name = in_a_sentence(fact.comparator)
        if not present(fact.value) or not fact.period:
            missing.append(name)
            continue
        published = f"{figure_text(ind.unit, fact.value)} in {fact.period}"
        if fact.is_latest is False:
            published += ", the latest published"
        if fact.position == "similar" or shown_value(ind.unit, current) == shown_value(ind.unit, fact.value):
            clauses.append(f"similar to {name} ({published})")
            continue
        side = "above" if current > float(fact.value) else "below"  # type: ignore[arg-type]
        clause = f"{side} {name} ({published})"
        if fact.position in ("better", "worse"):
            clause += f", which is {fact.position}"
        clauses.append(clause)
    parts = []
    if clauses:
        joined = clauses[0] if len(clauses) == 1 else "; ".join(clauses[:-1]) + "; and " + clauses[-1]
        parts.append(f"Against the comparators it is {joined}.")
    if missing:
        parts.append(f"There is no published figure for {_and(missing)}.")
    return " ".join(parts) or None


def _districts(ind: Indicator, changes: Iterable[DistrictChange], previous: dt.date) -> str:
    described = []
    for change in changes:
        delta = change.after - change.before
        text = (
            f"{change.area} {'up' if delta > 0 else 'down'} by {change_amount(ind.unit, delta)} "
            f"({figure_text(ind.unit, change.before)} to {figure_text(ind.unit, change.after)}"
        )
        direction = travel(ind, delta)
        if direction in ("improving", "worsening"):
            text += ", improved" if direction == "improving" else ", worsened"
        described.append(text + ")")
    return f"The largest district changes since {month_name(previous)}: " + "; ".join(described) + "."


def district_movements(
    ind: Indicator,
    rows: Iterable[tuple[str, float | None, float | None, float | None, float | None]],
    min_denominator: int,
    limit: int = DISTRICTS_MENTIONED,
) -> tuple[DistrictChange, ...]:
    """The district changes over the month worth a sentence.

    `rows`: (area, value last month, value this month, denominator last month, denominator this
    month), with `None` for a missing or suppressed value. A movement is real when both values
    are there, the change shows after rounding, and, for a percentage, both denominators are at
    least `min_denominator` (a swing from 0 % to 100 % on one child says nothing). The largest
    `limit` by size, ties in display order.
    """
    found: list[tuple[float, int, DistrictChange]] = []
    for position, (area, before, after, den_before, den_after) in enumerate(rows):
        if not present(before) or not present(after):
            continue
        if ind.unit == "percent" and not all(present(d) and float(d) >= min_denominator for d in (den_before, den_after)):  # type: ignore[arg-type]
            continue
        delta = float(after) - float(before)  # type: ignore[arg-type]
        if not shown_value(ind.unit, delta):
            continue
        found.append((-abs(delta), position, DistrictChange(area, float(before), float(after))))  # type: ignore[arg-type]
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(change for _, _, change in found[:limit])


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
