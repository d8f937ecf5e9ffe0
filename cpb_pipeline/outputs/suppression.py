"""Statistical disclosure control for the published versions (the profile's `publication` settings).

Primary suppression
  - a count from `suppress_counts_from` to `suppress_counts_to` (default 1-5) is shown as the
    symbol (default "c"); zero is never suppressed;
  - a percentage is suppressed when its denominator is below `min_denominator`, or when its
    numerator is a count that would itself be suppressed (a percentage must not reveal a small count);
  - a rate per 10,000 or a ratio is suppressed when its numerator would be (the population is public,
    so the rate gives the count away).

Secondary suppression (`protect_column`)
  In a district table of counts the authority row is the sum of the district rows, so one
  suppressed district cell in a month column could be worked out as
  authority − the other districts. For each column whose authority cell is shown:

  1. if exactly one district cell is suppressed, also suppress the smallest unsuppressed
     district cell that is not zero (a zero beside a single small cell protects nothing: their
     sum would be the small count itself; zeros are never suppressed);
  2. if several are suppressed but together they could only be all ones (their sum equals
     their number), the same: suppress the next smallest non-zero cell;
  3. repeat until neither holds; if no non-zero cell is left, suppress the authority cell
     (in practice it is then a small count and already suppressed).

  A column whose authority cell is itself suppressed has no total to subtract from.
  Everything derived from a suppressed cell goes too: the change over the year in the trend
  column, the rate of a suppressed count, the same authority figure in the 31 March box,
  points on the charts and the sentences of the commentary. An SPC chart goes whole: its
  mean and limits are computed from every point, so one hidden point would leak through
  them; the chart, its line in the summary and its sentence in the commentary are withheld.

One pass for the whole board (`hidden_figures`)
  Everything the published version hides is decided here, once, before anything is presented:
  the month table of every indicator over every month an SPC chart reaches (the 13 shown and
  up to 11 before them; counts first, so that the rate of a suppressed count and a percentage
  whose denominator is a suppressed count of its section can follow them), the SPC charts with
  a hidden point, the authority's row of the 31 March box, the IRO breakdown and the data
  quality counts. The view then shows or hides each figure by looking it up (`Hidden`); it
  never applies a rule itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from cpb_pipeline.domain.catalogue import CATALOGUE, Indicator
from cpb_pipeline.domain.disclosure import figure_suppressed, small_count
from cpb_pipeline.domain.profile import Publication
from cpb_pipeline.domain.rounding import present
from cpb_pipeline.outputs.data import BoardData, ChallengesRaised, CheckRecord, MonthTable

TOTAL = "\x00total"
"""Marker returned by `protect_column` when the total itself has to be suppressed."""


def protect_column(values: Mapping[str, float | None], suppressed: set[str], total_shown: bool = True) -> set[str]:
    """The district cells to suppress in one column, given those suppressed already (see the module text).

    `values` maps each district row to its count, in display order (ties go to the row listed first).
    Returns the new set of suppressed districts; adds the key `TOTAL` when the total must go as well.
    """
    hidden = set(suppressed)
    if not total_shown:
        return hidden
    order = {area: i for i, area in enumerate(values)}
    while hidden:
        amount = sum(float(values[a] or 0) for a in hidden if a != TOTAL)
        count = len(hidden - {TOTAL})
        if TOTAL in hidden or not (count == 1 or amount == count):
            break
        candidates = [a for a, v in values.items() if a not in hidden and present(v) and float(v) != 0]  # type: ignore[arg-type]
        if not candidates:
            hidden.add(TOTAL)
            break
        hidden.add(min(candidates, key=lambda a: (float(values[a]), order[a])))  # type: ignore[arg-type]
    return hidden


def count_table_mask(table: pd.DataFrame, publication: Publication, total: str | None) -> pd.DataFrame:
    """Which cells of a table of counts to suppress (True = show the symbol).

    `table`: one row per area (the `total` row, if any, is the sum of the others), one column per period.
    Primary suppression everywhere, then secondary suppression of each column against its total.
    """
    mask = table.map(lambda v: small_count(v, publication))
    if total is None or total not in table.index:
        return mask
    districts = [a for a in table.index if a != total]
    for column in table.columns:
        values = {a: table.at[a, column] for a in districts}
        values = {a: (float(v) if present(v) else None) for a, v in values.items()}
        primary = {a for a in districts if mask.at[a, column]}
        hidden = protect_column(values, primary, total_shown=not bool(mask.at[total, column]))
        for area in hidden:
            if area == TOTAL:
                mask.at[total, column] = True
            else:
                mask.at[area, column] = True
    return mask


def ratio_table_mask(numerators: pd.DataFrame, denominators: pd.DataFrame, values: pd.DataFrame, unit: str,
                     publication: Publication) -> pd.DataFrame:  # fmt: skip
    """Which cells of a table of percentages, rates or ratios to suppress (same shape as the inputs)."""
    mask = values.copy().astype(object)
    for row in values.index:
        for column in values.columns:
            mask.at[row, column] = figure_suppressed(
                unit, numerators.at[row, column], denominators.at[row, column], values.at[row, column], publication
            )
    return mask.astype(bool)


def table(rows: Sequence[tuple[str, Sequence[float | None]]], columns: Sequence[object]) -> pd.DataFrame:
    """A small helper for building the tables above: [(area, [values per column]), ...]."""
    return pd.DataFrame({c: [r[1][i] for r in rows] for i, c in enumerate(columns)}, index=[r[0] for r in rows])


# --- the board pass --------------------------------------------------------------------------------------------

MonthCell = tuple[str, str, dt.date]  # (indicator, area, month end)


@dataclass(frozen=True)
class Hidden:
    """Every figure of a board that the published version hides (the internal version hides nothing)."""

    months: frozenset[MonthCell] = frozenset()  # the cells of the month tables, over every month an SPC chart reaches
    spc_charts: frozenset[str] = frozenset()  # the indicators whose SPC chart has a hidden point: withheld whole
    march_box: frozenset[tuple[str, dt.date]] = frozenset()  # (indicator, 31 March) of the authority's row
    iro_breakdown: frozenset[tuple[str, str]] = frozenset()  # (challenge type, category or TOTAL)
    check_counts: frozenset[tuple[CheckRecord, str]] = frozenset()  # (check, "failing_rows" or "rows_checked")

    def month(self, indicator_id: str, area: str, month_end: dt.date) -> bool:
        return (indicator_id, area, month_end) in self.months

    def spc(self, indicator_id: str) -> bool:
        """Whether the indicator's SPC chart is withheld (with its summary line and its sentence)."""
        return indicator_id in self.spc_charts

    def march(self, indicator_id: str, period_end: dt.date) -> bool:
        return (indicator_id, period_end) in self.march_box

    def raised(self, challenge_type: str, category: str = TOTAL) -> bool:
        """A category's count of challenges raised, or (without a category) the type's total."""
        return (challenge_type, category) in self.iro_breakdown

    def check(self, record: CheckRecord, count: str) -> bool:
        return (record, count) in self.check_counts


NOTHING_HIDDEN = Hidden()


def hidden_figures(data: BoardData, publication: Publication) -> Hidden:
    """Every suppression decision of the published board, taken before anything is presented."""
    tables = {ind.id: data.month_table(ind, data.spc_months) for ind in CATALOGUE}
    months = _month_tables(data, tables, publication)
    return Hidden(
        months=frozenset(months),
        spc_charts=frozenset(
            point.indicator_id for point in data.spc.itertuples() if (point.indicator_id, data.authority, point.period_end) in months
        ),
        march_box=_march_box(data, months, publication),
        iro_breakdown=frozenset(
            (raised.challenge_type, cell) for raised in data.iro.raised for cell in _raised_hidden(raised, publication)
        ),
        check_counts=frozenset(
            (record, count) for record in data.checks for count in ("failing_rows", "rows_checked")
            if small_count(getattr(record, count), publication)
        ),  # fmt: skip
    )


def _month_tables(data: BoardData, tables: dict[str, MonthTable], publication: Publication) -> set[MonthCell]:
    """Every hidden cell of the 13-month tables, counts first so that rates and percentages can follow them."""
    hidden: set[MonthCell] = set()
    for ind in sorted(CATALOGUE, key=lambda i: (i.unit != "count", i.rate_of is not None)):
        table = tables[ind.id]
        if table.empty:
            continue
        if ind.unit == "count":
            mask = count_table_mask(table.values, publication, total=data.authority if len(table.areas) > 1 else None)
        else:
            mask = ratio_table_mask(table.numerators, table.denominators, table.values, ind.unit, publication)
            if ind.unit == "percent":
                mask = mask | _reveals_a_hidden_count(ind, table, tables, hidden)
        for area in mask.index:
            for month in mask.columns:
                # the rate of a suppressed count would give the count away
                if mask.at[area, month] or (ind.rate_of and (ind.rate_of, area, month) in hidden):
                    hidden.add((ind.id, area, month))
    return hidden


def _reveals_a_hidden_count(ind: Indicator, table: MonthTable, tables: dict[str, MonthTable],
                            hidden: set[MonthCell]) -> pd.DataFrame:  # fmt: skip
    """A percentage whose denominator is a suppressed count of the same section, area and month is suppressed too
    (care leaver percentages are 'of care leavers': with the count hidden, the percentage must not hint at it)."""
    denominators = table.denominators
    out = denominators.map(lambda _: False)
    for count in (i for i in CATALOGUE if i.unit == "count" and i.section == ind.section):
        values = tables[count.id].values
        for area in values.index:
            for month in values.columns:
                if (count.id, area, month) in hidden and area in out.index and month in out.columns:
                    den, value = denominators.at[area, month], values.at[area, month]
                    if present(den) and present(value) and float(den) == float(value):
                        out.at[area, month] = True
    return out.astype(bool)


def _march_box(data: BoardData, months: set[MonthCell], publication: Publication) -> frozenset[tuple[str, dt.date]]:
    """The authority's 31 March figures to hide: the same rules as in the monthly table, on the March figures."""
    hidden: set[tuple[str, dt.date]] = set()
    march = data.march
    for ind in CATALOGUE:
        rows = data.series[(data.series["indicator_id"] == ind.id) & (data.series["area"] == data.authority)]
        detail = march[march["indicator_id"] == ind.id].set_index("period_end") if not march.empty else None
        for row in rows.to_dict("records"):
            end = row["period_end"]
            if (ind.id, data.authority, end) in months or (ind.rate_of and (ind.rate_of, data.authority, end) in months):
                hidden.add((ind.id, end))
            elif ind.unit == "count":
                if small_count(float(row["value"]) if present(row["value"]) else None, publication):
                    hidden.add((ind.id, end))
            elif row.get("origin") == "computed" and detail is not None and end in detail.index:
                if _march_figure_hidden(ind, end, detail.loc[end], march, publication):
                    hidden.add((ind.id, end))
            # otherwise a value already published elsewhere (the reference file): shown as published
    return frozenset(hidden)


def _march_figure_hidden(ind: Indicator, end: dt.date, figure: pd.Series, march: pd.DataFrame,
                         publication: Publication) -> bool:  # fmt: skip
    """A computed March rate or percentage: hidden with its count, or by its own numerator and denominator."""
    if ind.rate_of:
        count = march[(march["indicator_id"] == ind.rate_of) & (march["period_end"] == end)]
        if not count.empty and small_count(count["value"].iloc[0], publication):
            return True
    return figure_suppressed(ind.unit, figure["numerator"], figure["denominator"], figure["value"], publication)


def _raised_hidden(raised: ChallengesRaised, publication: Publication) -> list[str]:
    """The categories (and TOTAL) of one challenge type to hide: a table of counts beside its total."""
    table = pd.DataFrame({"n": [raised.total, *[n for _, n in raised.categories]]},
                         index=[TOTAL, *[c for c, _ in raised.categories]])  # fmt: skip
    mask = count_table_mask(table, publication, total=TOTAL)
    return [cell for cell in mask.index if mask.at[cell, "n"]]
