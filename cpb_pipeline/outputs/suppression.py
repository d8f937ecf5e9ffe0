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
  points on the charts and the sentences of the commentary.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from cpb_pipeline.domain.profile import Publication
from cpb_pipeline.outputs.formats import present

TOTAL = "\x00total"
"""Marker returned by `protect_column` when the total itself has to be suppressed."""


def small_count(value: float | None, publication: Publication) -> bool:
    """A count shown as the symbol: within the suppressed range and not zero."""
    if not present(value):
        return False
    number = float(value)  # type: ignore[arg-type]
    return number != 0 and publication.suppress_counts_from <= number <= publication.suppress_counts_to


def figure_suppressed(unit: str, numerator: float | None, denominator: float | None, value: float | None,
                      publication: Publication) -> bool:  # fmt: skip
    """Primary suppression of one figure of `unit` (a count, a rate per 10,000, a percentage or a ratio)."""
    if unit == "count":
        return small_count(value if present(value) else numerator, publication)
    if not present(value):
        return False  # nothing to show (denominator zero): shown as missing, not as suppressed
    if unit == "percent" and present(denominator) and float(denominator) < publication.min_denominator:  # type: ignore[arg-type]
        return True
    return small_count(numerator, publication)


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
