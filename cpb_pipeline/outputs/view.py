"""What a version of the board outputs shows: `build_view(data, published=...)`.

The pack (Excel) and the report (HTML, PDF) both render a `BoardView`, so the two
always show the same figures. The internal and the published versions come
from the same `BoardData`; the published one applies the profile's statistical
disclosure control (`suppression.py`) before anything is drawn or described:
a suppressed figure reaches no writer (its value is dropped here), so charts,
trends and commentary can only use what is shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from cpb_pipeline.benchmarks.comparison import travel
from cpb_pipeline.domain.calendar import financial_year, latest_year_end
from cpb_pipeline.domain.catalogue import CATALOGUE, COMPARATORS, IRO, REVIEWS, Indicator
from cpb_pipeline.outputs import commentary as text
from cpb_pipeline.outputs.data import BoardData, CheckRecord
from cpb_pipeline.outputs.formats import (
    BETTER_MARK,
    DOWN,
    MISSING,
    SAME,
    SIMILAR_MARK,
    UP,
    WORSE_MARK,
    present,
    shown_value,
    signed_change,
)
from cpb_pipeline.outputs.suppression import NOTHING_HIDDEN, Hidden, hidden_figures

MARCH_YEARS_SHOWN = 9  # the seed's year table: 2010/11 to 2018/19
NOT_YET_PUBLISHED = "not yet published"
INTERNAL, PUBLISHED = "INTERNAL", "PUBLISHED"


@dataclass(frozen=True)
class Shown:
    """One figure as a version shows it. A suppressed figure keeps no value at all."""

    value: float | None  # rounded for display (whole counts, one decimal otherwise); None: missing or suppressed
    suppressed: bool = False
    note: str | None = None  # e.g. "not yet published" where a comparator has not published the latest year
    raw: float | None = None  # the unrounded warehouse value (None when suppressed)


@dataclass(frozen=True)
class Trend:
    """The change over the 12 months shown (last column against the first), judged by polarity."""

    change: float | None  # rounded
    direction: str | None  # improving, worsening, up, down, no change (benchmarks.comparison.travel)
    suppressed: bool = False

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

    def text(self, unit: str, symbol: str) -> str:
        """'▲ +58', '▼ −2.1 worse', '► no change'; the symbol when suppressed; the dash when there is no change to give."""
        if self.suppressed:
            return symbol
        if self.direction is None or self.change is None:
            return MISSING
        if self.direction == "no change":
            return f"{SAME} no change"
        words = f"{self.arrow} {signed_change(unit, self.change)}"  # type: ignore[arg-type]
        return f"{words} {self.judgement}" if self.judgement else words


@dataclass(frozen=True)
class AreaRow:
    area: str
    is_authority: bool
    cells: tuple[Shown, ...]
    trend: Trend


@dataclass(frozen=True)
class MarchRow:
    label: str
    area: str
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
    gap: Shown  # the authority's figure this month minus the comparator's (suppressed with the figure)
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


@dataclass(frozen=True)
class IndicatorPage:
    number: int
    indicator: Indicator
    months: tuple[dt.date, ...]
    rows: tuple[AreaRow, ...]  # the authority first, then every district row where the indicator has them
    march_periods: tuple[str, ...]
    march_rows: tuple[MarchRow, ...]
    comparators: tuple[ComparatorLine, ...]
    commentary: tuple[str, ...]

    @property
    def authority_row(self) -> AreaRow:
        return self.rows[0]

    @property
    def has_districts(self) -> bool:
        return len(self.rows) > 1

    @property
    def anchor(self) -> str:
        return f"ind-{self.indicator.id}"

    @property
    def sheet_name(self) -> str:
        return f"{self.number:02d} {self.indicator.id}"[:31]

    @property
    def chart_points(self) -> list[tuple[dt.date, float | None]]:
        """The authority's 13 months as shown (None where missing or suppressed: a gap in the line)."""
        return [(m, c.value) for m, c in zip(self.months, self.authority_row.cells)]


@dataclass(frozen=True)
class CheckLine:
    record: CheckRecord
    failing_rows: Shown
    rows_checked: Shown


@dataclass(frozen=True)
class IroBreakdown:
    challenge_type: str
    rows: tuple[tuple[str, Shown], ...]  # category, challenges raised in the month
    total: Shown


@dataclass(frozen=True)
class BoardView:
    data: BoardData
    published: bool
    pages: tuple[IndicatorPage, ...]
    iro_pages: tuple[IndicatorPage, ...]
    iro_breakdown: tuple[IroBreakdown, ...]
    checks: tuple[CheckLine, ...]
    symbol: str
    notes: tuple[str, ...] = field(default=())

    @property
    def version(self) -> str:
        return PUBLISHED if self.published else INTERNAL

    @property
    def version_statement(self) -> str:
        if self.published:
            return (
                f"PUBLISHED version: counts of {self.data.publication.suppress_counts_from} to "
                f"{self.data.publication.suppress_counts_to}, percentages of fewer than "
                f"{self.data.publication.min_denominator}, and any figure that would reveal them are shown as "
                f"\u201c{self.symbol}\u201d."
            )
        return "INTERNAL version: not for publication. It shows small numbers; publish only the _published files."

    @property
    def footer(self) -> str:
        return f"Report produced by {self.data.authority} Business Intelligence \u2013 {self.version} version"

    @property
    def title(self) -> str:
        return "Corporate Parenting Board \u2013 Monthly Performance Report"

    @property
    def month_text(self) -> str:
        return self.data.period_end.strftime("%B %Y")


def build_view(data: BoardData, *, published: bool) -> BoardView:
    """The figures one version shows: first what the published version hides, for the whole board, then the pages."""
    hidden = hidden_figures(data, data.publication) if published else NOTHING_HIDDEN
    pages = tuple(_page(number, indicator, data, hidden, published) for number, indicator in enumerate(CATALOGUE, 1))
    return BoardView(
        data=data,
        published=published,
        pages=pages,
        iro_pages=tuple(p for p in pages if p.indicator.section in (IRO, REVIEWS)),
        iro_breakdown=_iro_breakdown(data, hidden),
        checks=tuple(_check_line(r, hidden) for r in _ordered_checks(data.checks)),
        symbol=data.publication.suppressed_symbol,
        notes=data.notes,
    )


# --- indicator pages -------------------------------------------------------------------------------------------


def _page(number: int, ind: Indicator, data: BoardData, hidden: Hidden, published: bool) -> IndicatorPage:
    table = data.month_table(ind)

    def cell(area: str, month: dt.date) -> Shown:
        raw = table.values.at[area, month]
        if hidden.month(ind.id, area, month):
            return Shown(None, suppressed=True)
        return Shown(shown_value(ind.unit, raw), raw=raw)

    rows = []
    for area in table.areas:
        cells = tuple(cell(area, m) for m in data.months)
        rows.append(AreaRow(area, area == data.authority, cells, _trend(ind, cells[0], cells[-1])))
    march_periods, march_rows = _march(ind, data, hidden)
    comparators = _comparators(ind, data, rows[0].cells[-1])
    page = IndicatorPage(number, ind, data.months, tuple(rows), march_periods, march_rows, comparators, ())
    facts = _facts(page, data, table.denominators)
    return IndicatorPage(number, ind, data.months, tuple(rows), march_periods, march_rows, comparators,
                         tuple(text.draft_commentary(facts)))  # fmt: skip


def _trend(ind: Indicator, first: Shown, last: Shown) -> Trend:
    """The change between the figures as shown (so the page adds up for a reader), judged by polarity."""
    if first.suppressed or last.suppressed:
        return Trend(None, None, suppressed=True)
    if first.value is None or last.value is None:
        return Trend(None, None)
    change = shown_value(ind.unit, last.value - first.value)
    return Trend(change, travel(ind, change))


def _march(ind: Indicator, data: BoardData, hidden: Hidden) -> tuple[tuple[str, ...], tuple[MarchRow, ...]]:
    series = data.series[data.series["indicator_id"] == ind.id]
    latest_end = latest_year_end(data.period_end)
    latest = financial_year(latest_end)
    ends = sorted({d for d in series["period_end"] if d <= latest_end} | {latest_end})[-MARCH_YEARS_SHOWN:]
    periods = tuple(financial_year(d) for d in ends)
    rows = []
    areas = [(data.authority, data.authority, True)]
    if ind.comparators:
        areas += [(c, c, False) for c in COMPARATORS if c in ind.comparators]
    for label, area, is_authority in areas:
        mine = series[series["area"] == area].set_index("period_end")
        cells = []
        for end in ends:
            if end not in mine.index:
                note = NOT_YET_PUBLISHED if (not is_authority and financial_year(end) == latest) else None
                cells.append(Shown(None, note=note))
                continue
            row = mine.loc[end]
            raw = float(row["value"]) if present(row["value"]) else None
            if is_authority and hidden.march(ind.id, end):
                cells.append(Shown(None, suppressed=True))
            else:
                cells.append(Shown(shown_value(ind.unit, raw), raw=raw))
        rows.append(MarchRow(label, area, is_authority, tuple(cells)))
    return periods, tuple(rows)


def _comparators(ind: Indicator, data: BoardData, current: Shown) -> tuple[ComparatorLine, ...]:
    if data.comparison.empty or "comparator" not in data.comparison.columns:
        return ()
    rows = data.comparison[(data.comparison["indicator_id"] == ind.id) & data.comparison["comparator"].notna()]
    lines = []
    for row in rows.itertuples():
        value = float(row.comparator_value) if present(row.comparator_value) else None
        comparable = current.value is not None and value is not None
        # the difference between the figures as shown (the mart's gap is unrounded; its position is used as given)
        difference = shown_value(ind.unit, current.value - shown_value(ind.unit, value)) if comparable else None  # type: ignore[operator]
        gap = Shown(None, suppressed=True) if current.suppressed else Shown(difference, raw=difference)
        lines.append(ComparatorLine(
            comparator=row.comparator,
            value=Shown(shown_value(ind.unit, value), raw=value),
            period=row.comparator_period if isinstance(row.comparator_period, str) else None,
            is_latest=None if not present(value) else bool(row.comparator_is_latest_year),
            latest_year=row.latest_year if isinstance(row.latest_year, str) else None,
            note=row.comparator_note if isinstance(row.comparator_note, str) else None,
            gap=gap,
            position=row.position if comparable and isinstance(row.position, str) else None,
        ))
    order = {c: i for i, c in enumerate(COMPARATORS)}
    return tuple(sorted(lines, key=lambda line: order.get(line.comparator, 99)))


def _facts(page: IndicatorPage, data: BoardData, denominators: pd.DataFrame) -> text.Facts:
    authority = page.authority_row.cells
    current, last_month, last_year = authority[-1], authority[-2], authority[0]
    movements = ()
    if page.has_districts:
        before_month, this_month = data.months[-2], data.months[-1]
        movements = text.district_movements(
            page.indicator,
            [
                (row.area, row.cells[-2].value, row.cells[-1].value,
                 denominators.at[row.area, before_month], denominators.at[row.area, this_month])
                for row in page.rows[1:]
            ],
            data.publication.min_denominator,
        )
    return text.Facts(
        indicator=page.indicator,
        authority=data.authority,
        period_end=data.period_end,
        current=current.value,
        last_month=last_month.value,
        last_year=last_year.value,
        current_suppressed=current.suppressed,
        last_month_suppressed=last_month.suppressed,
        last_year_suppressed=last_year.suppressed,
        comparators=tuple(
            text.ComparatorFact(c.comparator, c.value.value, c.period, c.is_latest, c.position) for c in page.comparators
        ),
        districts=movements,
        symbol=data.publication.suppressed_symbol,
    )


# --- IRO and data quality --------------------------------------------------------------------------------------


def _iro_breakdown(data: BoardData, hidden: Hidden) -> tuple[IroBreakdown, ...]:
    out = []
    for raised in data.iro.raised:
        rows = tuple(
            (c, Shown(None, suppressed=True) if hidden.raised(raised.challenge_type, c) else Shown(shown_value("count", v), raw=v))
            for c, v in raised.categories
        )
        total = raised.total
        shown_total = Shown(None, suppressed=True) if hidden.raised(raised.challenge_type) else Shown(total, raw=total)
        out.append(IroBreakdown(raised.challenge_type, rows, shown_total))
    return tuple(out)


def _ordered_checks(records: tuple[CheckRecord, ...]) -> list[CheckRecord]:
    return sorted(records, key=lambda r: (r.passed, r.severity != "ERROR", r.asset, r.check))


def _check_line(record: CheckRecord, hidden: Hidden) -> CheckLine:
    def shown(value: int | None, count: str) -> Shown:
        if hidden.check(record, count):
            return Shown(None, suppressed=True)
        return Shown(float(value) if value is not None else None, raw=float(value) if value is not None else None)

    return CheckLine(record, shown(record.failing_rows, "failing_rows"), shown(record.rows_checked, "rows_checked"))
