"""One page per indicator, as a version shows it: the 13 months by area with the trend, the 31 March box,
the comparators, the chart (the SPC chart where there is one, the 13-month line where there is not),
the definition and the draft commentary.

Built from the month's `BoardData` and the published version's `Hidden` decisions: a
figure is shown or withheld by looking it up, never by applying a rule here, and a
withheld figure reaches nothing else on the page (trend, difference, chart, commentary).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from cpb_pipeline.benchmarks.comparison import travel
from cpb_pipeline.domain.calendar import financial_year, latest_year_end
from cpb_pipeline.domain.catalogue import CATALOGUE, Indicator, Unit
from cpb_pipeline.domain.rounding import present
from cpb_pipeline.outputs import commentary as text
from cpb_pipeline.outputs.control_charts import ControlChart, control_chart
from cpb_pipeline.outputs.data import BoardData
from cpb_pipeline.outputs.formats import (
    BETTER_MARK,
    DOWN,
    MISSING,
    SAME,
    SIMILAR_MARK,
    UP,
    WORSE_MARK,
    month_label,
    month_name,
    shown_value,
    signed_change,
)
from cpb_pipeline.outputs.parts import Heading, Shown, figure, no_figure, withheld
from cpb_pipeline.outputs.suppression import Hidden

MARCH_YEARS_SHOWN = 9  # the seed's year table: 2010/11 to 2018/19
NOT_YET_PUBLISHED = "not yet published"


@dataclass(frozen=True)
class Trend:
    """The change over the 12 months shown (last column against the first), judged by polarity."""

    change: float | None  # rounded
    direction: str | None  # improving, worsening, up, down, no change (benchmarks.comparison.travel)
    suppressed: bool = False
    text: str = MISSING  # '▲ +58', '▼ −2.1 worse', '► no change'; the symbol when suppressed

    @property
    def arrow(self) -> str:
        if self.direction is None:
            return ""
        if self.direction == "no change":
            return SAME
        return UP if (self.change or 0) > 0 else DOWN

    @property
    def judgement(self) -> str | None:
        return {"improving": "better", "worsening": "worse"}.get(self.direction or "")


@dataclass(frozen=True)
class AreaRow:
    area: str
    is_authority: bool
    cells: tuple[Shown, ...]
    trend: Trend


@dataclass(frozen=True)
class MarchRow:
    area: str  # the authority or a comparator
    is_authority: bool
    cells: tuple[Shown, ...]


@dataclass(frozen=True)
class ComparatorLine:
    comparator: str
    value: Shown  # the comparator's latest published value
    period: str | None
    is_latest: bool | None
    latest_year: str | None
    note: str | None
    gap: Shown  # the authority's figure this month minus the comparator's, signed (suppressed with the figure)
    position: str | None  # better, worse, similar, higher, lower (None when not comparable)

    @property
    def position_text(self) -> str:
        if self.position is None:
            return MISSING
        marks = {"better": BETTER_MARK, "worse": WORSE_MARK, "similar": SIMILAR_MARK, "higher": UP, "lower": DOWN}
        if self.position in ("better", "worse") and self.gap.value is not None:
            side = "higher" if self.gap.value > 0 else "lower"
            return f"{marks[self.position]} {side}: {self.position}"
        return f"{marks.get(self.position, '')} {self.position}".strip()

    @property
    def judgement(self) -> str | None:
        return self.position if self.position in ("better", "worse") else None

    @property
    def period_label(self) -> str:
        """The period alone (the pack gives the comparator's note in a column of its own)."""
        return self.period or MISSING

    @property
    def period_text(self) -> str:
        """The period with what is not yet published (the report has no note column)."""
        if self.period is None:
            return "no published value"
        if self.is_latest is False and self.latest_year:
            return f"{self.period} ({self.latest_year} {NOT_YET_PUBLISHED})"
        return self.period


@dataclass(frozen=True)
class Chart:
    """The authority's 13 months as a line: a gap (never a line through it) where a month is missing or withheld.
    Drawn where the page has no SPC chart; where it has one, the SPC chart shows the same months and more."""

    title: str
    unit: Unit
    axis: str  # what the values are (the pack's value axis)
    series: str  # the line: the authority
    described: str  # the line in words, for the report's description of the chart
    labels: tuple[str, ...]  # the months, 'Aug-18'
    points: tuple[Shown, ...]
    gap: str  # what a gap stands for
    caption: str


@dataclass(frozen=True)
class IndicatorPage:
    """One indicator's page, element by element in the order both renderers lay it out. Another element of the
    page is another field here, drawn by `excel._indicator_sheet` and `html_report._indicator`."""

    number: int
    indicator: Indicator
    heading: Heading
    months: tuple[dt.date, ...]
    month_labels: tuple[str, ...]  # 'Aug-18'
    caption: str  # the 13-month table's, in the report
    rows: tuple[AreaRow, ...]  # the authority first, then every district row where the indicator has them
    march_periods: tuple[str, ...]
    march_rows: tuple[MarchRow, ...]
    current_label: str  # the authority's figure this month, as the comparator table heads it: 'Testshire Aug-19'
    comparators_caption: str  # the comparator table's, in the report (with the authority's figure)
    comparators: tuple[ComparatorLine, ...]
    chart: Chart
    control: ControlChart  # the authority's SPC chart, or why there is none
    about: tuple[tuple[str, str], ...]  # (label, text): the definition, the note and any change of definition
    commentary: tuple[str, ...]

    @property
    def authority_row(self) -> AreaRow:
        return self.rows[0]

    @property
    def unit_label(self) -> str:
        return self.indicator.unit_label

    @property
    def march_title(self) -> str:
        return f"{self.unit_label} at 31 March"

    @property
    def chart_points(self) -> list[tuple[dt.date, float | None]]:
        """The authority's 13 months as shown (None where missing or suppressed: a gap in the line)."""
        return [(m, c.value) for m, c in zip(self.months, self.authority_row.cells)]


def indicator_pages(data: BoardData, hidden: Hidden, published: bool) -> tuple[IndicatorPage, ...]:
    """Every indicator's page, in catalogue order."""
    return tuple(_page(number, indicator, data, hidden, published) for number, indicator in enumerate(CATALOGUE, 1))


def _page(number: int, ind: Indicator, data: BoardData, hidden: Hidden, published: bool) -> IndicatorPage:
    table = data.month_table(ind)
    symbol, authority = data.publication.suppressed_symbol, data.authority

    def cell(area: str, month: dt.date) -> Shown:
        return withheld(symbol) if hidden.month(ind.id, area, month) else figure(ind.unit, table.values.at[area, month])

    rows = []
    for area in table.areas:
        cells = tuple(cell(area, m) for m in data.months)
        rows.append(AreaRow(area, area == authority, cells, _trend(ind, cells[0], cells[-1], symbol)))
    current = rows[0].cells[-1]
    labels = tuple(month_label(m) for m in data.months)
    scope = "and every district" if len(rows) > 1 else "authority only"
    period = f"{labels[0]} to {labels[-1]}"
    march_periods, march_rows = _march(ind, data, hidden)
    comparators = _comparators(ind, data, current, symbol)
    control = control_chart(ind, data, hidden)
    about = [("Definition:", ind.definition), ("N.B.", ind.note)]
    if ind.change_note:
        about.append(("Change:", ind.change_note))
    return IndicatorPage(
        number=number,
        indicator=ind,
        heading=Heading(ind.title, ind.section, ind.section, f"{number:02d} {ind.id}"[:31], f"ind-{ind.id}"),
        months=data.months,
        month_labels=labels,
        caption=f"{ind.unit_label}: the 13 months to {month_name(data.period_end)}, {authority} {scope}",
        rows=tuple(rows),
        march_periods=march_periods,
        march_rows=march_rows,
        current_label=f"{authority} {labels[-1]}",
        comparators_caption=f"{authority} {labels[-1]} ({current.text}) against the latest published comparators",
        comparators=comparators,
        chart=Chart(
            title=f"{ind.title}: {authority}, {period}",
            unit=ind.unit,
            axis=ind.unit_label,
            series=authority,
            described=f"{ind.title} for {authority}",
            labels=labels,
            points=rows[0].cells,
            gap="suppressed or no figure" if published else "no figure",
            caption=f"Chart: {authority}, {period}" + (" (suppressed months are left out)" if published else ""),
        ),
        control=control,
        about=tuple(about),
        commentary=_commentary(ind, rows, comparators, data, table.denominators, control),
    )


def _trend(ind: Indicator, first: Shown, last: Shown, symbol: str) -> Trend:
    """The change between the figures as shown (so the page adds up for a reader), judged by polarity."""
    if first.suppressed or last.suppressed:
        return Trend(None, None, suppressed=True, text=symbol)
    if first.value is None or last.value is None:
        return Trend(None, None)
    change = shown_value(ind.unit, last.value - first.value)
    direction = travel(ind, change)
    trend = Trend(change, direction)
    if direction is None:
        return trend
    if direction == "no change":
        words = f"{SAME} no change"
    else:
        words = f"{trend.arrow} {signed_change(ind.unit, change)}"  # type: ignore[arg-type]
        words = f"{words} {trend.judgement}" if trend.judgement else words
    return Trend(change, direction, text=words)


def _march(ind: Indicator, data: BoardData, hidden: Hidden) -> tuple[tuple[str, ...], tuple[MarchRow, ...]]:
    series = data.series[data.series["indicator_id"] == ind.id]
    latest_end = latest_year_end(data.period_end)
    latest = financial_year(latest_end)
    ends = sorted({d for d in series["period_end"] if d <= latest_end} | {latest_end})[-MARCH_YEARS_SHOWN:]
    compared = set(ind.comparator_areas(data.region))
    areas = [data.authority, *(c for c in data.comparators if c in compared)]
    rows = []
    for area in areas:
        is_authority = area == data.authority
        mine = series[series["area"] == area].set_index("period_end")
        cells = []
        for end in ends:
            if end not in mine.index:
                cells.append(no_figure(NOT_YET_PUBLISHED if (not is_authority and financial_year(end) == latest) else None))
            elif is_authority and hidden.march(ind.id, end):
                cells.append(withheld(data.publication.suppressed_symbol))
            else:
                value = mine.loc[end]["value"]
                cells.append(figure(ind.unit, float(value) if present(value) else None))
        rows.append(MarchRow(area, is_authority, tuple(cells)))
    return tuple(financial_year(d) for d in ends), tuple(rows)


def _comparators(ind: Indicator, data: BoardData, current: Shown, symbol: str) -> tuple[ComparatorLine, ...]:
    if data.comparison.empty or "comparator" not in data.comparison.columns:
        return ()
    rows = data.comparison[(data.comparison["indicator_id"] == ind.id) & data.comparison["comparator"].notna()]
    lines = []
    for row in rows.itertuples():
        value = float(row.comparator_value) if present(row.comparator_value) else None
        comparable = current.value is not None and value is not None
        # the difference between the figures as shown (the mart's gap is unrounded; its position is used as given)
        difference = shown_value(ind.unit, current.value - shown_value(ind.unit, value)) if comparable else None  # type: ignore[operator]
        if current.suppressed:
            gap = withheld(symbol)
        elif difference is None:
            gap = no_figure()
        else:  # signed, and for a percentage in percentage points
            gap = Shown(difference, raw=difference, text=signed_change(ind.unit, difference))
        lines.append(ComparatorLine(
            comparator=row.comparator,
            value=figure(ind.unit, value),
            period=row.comparator_period if isinstance(row.comparator_period, str) else None,
            is_latest=None if not present(value) else bool(row.comparator_is_latest_year),
            latest_year=row.latest_year if isinstance(row.latest_year, str) else None,
            note=row.comparator_note if isinstance(row.comparator_note, str) else None,
            gap=gap,
            position=row.position if comparable and isinstance(row.position, str) else None,
        ))
    order = {c: i for i, c in enumerate(data.comparators)}
    return tuple(sorted(lines, key=lambda line: order.get(line.comparator, 99)))


def _commentary(ind: Indicator, rows: list[AreaRow], comparators: tuple[ComparatorLine, ...], data: BoardData,
                denominators: pd.DataFrame, control: ControlChart) -> tuple[str, ...]:  # fmt: skip
    """The draft commentary, written from the page's figures and SPC chart as shown (so it can say nothing a version
    hides)."""
    authority = rows[0].cells
    current, last_month, last_year = authority[-1], authority[-2], authority[0]
    movements = ()
    if len(rows) > 1:
        before_month, this_month = data.months[-2], data.months[-1]
        movements = text.district_movements(
            ind,
            [
                (row.area, row.cells[-2].value, row.cells[-1].value,
                 denominators.at[row.area, before_month], denominators.at[row.area, this_month])
                for row in rows[1:]
            ],
            data.publication.min_denominator,
        )  # fmt: skip
    facts = text.Facts(
        indicator=ind,
        authority=data.authority,
        period_end=data.period_end,
        current=current.value,
        last_month=last_month.value,
        last_year=last_year.value,
        current_suppressed=current.suppressed,
        last_month_suppressed=last_month.suppressed,
        last_year_suppressed=last_year.suppressed,
        comparators=tuple(
            text.ComparatorFact(c.comparator, c.value.value, c.period, c.is_latest, c.position) for c in comparators
        ),
        districts=movements,
        symbol=data.publication.suppressed_symbol,
        spc=text.SpcFact(
            signals=control.signals,
            variation=control.variation,
            months=len(control.points),
            since=control.points[0].period_end if control.drawn else None,
            assurance=control.assurance,
            target=control.target,
            note=control.message,
        ),
    )
    return tuple(text.draft_commentary(facts))
