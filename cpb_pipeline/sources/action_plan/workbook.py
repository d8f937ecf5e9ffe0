"""Opening an action plan workbook and reading its cells with merged ranges resolved.

The workbook is opened twice: once for the values Excel saved with it (formulas
read as their cached results) and once for the formulas themselves, so that a
needed cell holding a formula with no saved result can be named instead of read
as blank. Files that cannot be opened (corrupt, not .xlsx, password-protected, the
old .xls format) are an InputError that names the file and the reason.

Merged cells: a value in a merged range belongs to its top-left cell. Reading a
cell further down the range's first column gives that value too (a Ref or BRAG
merged over several rows applies to each row), marked as `filled`. Other cells of
a range read as blank.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cpb_pipeline.domain.errors import Finding, InputError

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")


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


def open_workbook(path: Path) -> tuple[Workbook, Workbook]:
    """(values workbook, formulas workbook), or an InputError saying why the file cannot be read."""
    name = path.name
    if not path.is_file():
        raise InputError([Finding(name, "action plan workbook not found", detail=str(path))])
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            [Finding(name, "workbook cannot be opened (in use, or no permission to read it)", detail=type(exc).__name__)]
        ) from None
    if data[:8] == _OLE_SIGNATURE:
        if _ENCRYPTION_STREAM in data:
            rule = "workbook is password-protected: save a copy without a password to open it"
        else:
            rule = "workbook is in the old Excel 97-2003 (.xls) format: save it as an Excel Workbook (.xlsx)"
        raise InputError([Finding(name, rule)])
    if not zipfile.is_zipfile(path):
        raise InputError([Finding(name, "not an Excel workbook (.xlsx): the file is corrupt or of another type")])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions, data validation etc.
            values = load_workbook(path, data_only=True)
            formulas = load_workbook(path, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise InputError(
            [Finding(name, "workbook cannot be read: the file is corrupt or not a valid .xlsx", detail=type(exc).__name__)]
        ) from None
    except Exception as exc:  # noqa: BLE001 - any library failure is a bad file to the operator
        raise InputError(
            [Finding(name, "workbook cannot be read: the file is corrupt or not a valid .xlsx", detail=type(exc).__name__)]
        ) from None
    return values, formulas


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
