"""An action plan worksheet's cells with merged ranges resolved (the workbook is opened by `sources.workbook`).

Merged cells: a value in a merged range belongs to its top-left cell. Reading a
cell further down the range's first column gives that value too (a Ref or BRAG
merged over several rows applies to each row), marked as `filled`. Other cells of
a range read as blank.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet


@dataclass(frozen=True)
class Cell:
    value: Any
    number_format: str | None = None
    filled: bool = False  # the value comes from a merged cell above this row


@dataclass(frozen=True)
class Merge:
    min_row: int
    min_col: int
    max_row: int
    max_col: int


class Grid:
    """One worksheet's cells, merged ranges resolved, with the formula twin for checks."""

    def __init__(self, values: Worksheet, formulas: Worksheet | None = None) -> None:
        self.ws = values
        self.formulas = formulas
        self.title = values.title
        self.max_row = values.max_row or 0
        self.max_column = values.max_column or 0
        self._merge_at: dict[tuple[int, int], Merge] = {}
        self.merges: list[Merge] = []
        for rng in values.merged_cells.ranges:
            merge = Merge(rng.min_row, rng.min_col, rng.max_row, rng.max_col)
            self.merges.append(merge)
            for row in range(merge.min_row, merge.max_row + 1):
                for col in range(merge.min_col, merge.max_col + 1):
                    self._merge_at[(row, col)] = merge

    def own(self, row: int, col: int) -> Any:
        """The value stored in this very cell (None inside a merged range except its top-left cell)."""
        return self.ws.cell(row=row, column=col).value

    def get(self, row: int, col: int) -> Cell:
        merge = self._merge_at.get((row, col))
        if merge is None or (merge.min_row == row and merge.min_col == col):
            cell = self.ws.cell(row=row, column=col)
            return Cell(cell.value, cell.number_format)
        if merge.min_col == col:
            anchor = self.ws.cell(row=merge.min_row, column=merge.min_col)
            return Cell(anchor.value, anchor.number_format, filled=True)
        return Cell(None)

    def merge_at(self, row: int, col: int) -> Merge | None:
        return self._merge_at.get((row, col))

    def row_values(self, row: int) -> dict[int, Any]:
        """Column -> own value for the non-blank cells of a row."""
        out: dict[int, Any] = {}
        for col in range(1, self.max_column + 1):
            value = self.own(row, col)
            if value is not None and not (isinstance(value, str) and not value.strip()):
                out[col] = value
        return out

    def uncached_formula(self, row: int, col: int) -> bool:
        """True when the cell (or the merged cell it belongs to) is a formula Excel saved no result for."""
        if self.formulas is None:
            return False
        merge = self._merge_at.get((row, col))
        if merge is not None:
            row, col = merge.min_row, merge.min_col
        if self.ws.cell(row=row, column=col).value is not None:
            return False
        formula = self.formulas.cell(row=row, column=col).value
        return isinstance(formula, str) and formula.startswith("=")
