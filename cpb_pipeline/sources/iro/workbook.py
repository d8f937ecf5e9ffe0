"""Reading a month's IRO workbook's two sheets as raw cells, or saying why not.

The workbook is opened by `sources.workbook` (streamed, values and, where there are
formulas, the formulas too); a file that cannot be opened becomes the findings of
both sheets' checks. A formula Excel never calculated is named rather than read as blank.

Headers are in row 1. Column labels are matched after trimming, ignoring case and
treating spaces or hyphens as underscores; extra columns and extra sheets are
ignored. Rows that are blank in every contract column are skipped.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from cpb_pipeline.domain.errors import Finding, InputError
from cpb_pipeline.domain.iro import SHEETS, SheetSpec
from cpb_pipeline.sources.workbook import UNREADABLE, open_workbook


@dataclass
class RawSheet:
    spec: SheetSpec
    frame: pd.DataFrame | None = None
    """Contract columns as cell values (object dtype), indexed by the row number in the sheet."""
    uncached: dict[str, list[int]] = field(default_factory=dict)
    """column -> rows holding a formula with no saved result."""
    findings: list[Finding] = field(default_factory=list)


@dataclass
class RawWorkbook:
    display_name: str
    sheets: dict[str, RawSheet] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    """File-level problems: when present, no sheet could be read."""


def normalise_label(value: Any) -> str:
    if value is None:
        return ""
    return re.sub(r"[\s\-]+", "_", str(value).strip().strip("\ufeff").strip().lower())


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_workbook(path: Path) -> RawWorkbook:
    """Both sheets as raw cells; file, sheet and header problems as findings (never an exception)."""
    display = path.name
    book = RawWorkbook(display)
    try:
        opened = open_workbook(path, missing="the month's IRO statistics workbook is missing", read_only=True)
    except InputError as error:
        book.findings.extend(error.findings)
        return book
    values, formulas = opened.values, opened.formulas
    try:
        titles = {normalise_label(t): t for t in values.sheetnames}
        for spec in SHEETS:
            title = titles.get(normalise_label(spec.name))
            if title is None:
                found = ", ".join(f"'{t}'" for t in values.sheetnames)
                sheet = RawSheet(spec, findings=[Finding(display, "required sheet is missing", sheet=spec.name,
                                                         detail=f"sheets found: {found}")])
            else:
                sheet = _read_sheet(values[title], formulas[title] if formulas is not None else None, spec, display)
            book.sheets[spec.name] = sheet
    except Exception as exc:  # noqa: BLE001 - any library failure is a bad file to the operator
        book.sheets.clear()
        book.findings.append(Finding(display, UNREADABLE, detail=type(exc).__name__))
    finally:
        opened.close()
    return book


def _header_row_below(ws, spec: SheetSpec, search: int = 20) -> int | None:
    """The row below row 1 that holds every header label, if the table was pushed down."""
    for number, row in enumerate(ws.iter_rows(min_row=2, max_row=search + 1, values_only=True), start=2):
        if set(spec.column_names) <= {normalise_label(v) for v in row}:
            return number
    return None


def _read_sheet(values_ws, formulas_ws, spec: SheetSpec, display: str) -> RawSheet:
    sheet = RawSheet(spec)
    for ws in (values_ws, formulas_ws):
        if ws is not None:
            ws.reset_dimensions()  # trust the cells, not the saved sheet dimension
    value_rows = values_ws.iter_rows(min_row=1, values_only=True)
    formula_rows = formulas_ws.iter_rows(min_row=1, values_only=True) if formulas_ws is not None else iter(())
    header = next(value_rows, None) or ()
    next(formula_rows, None)
    labels = [normalise_label(v) for v in header]
    positions: dict[str, int] = {}
    for position, label in enumerate(labels):
        if label in spec.column_names:
            if label in positions:
                sheet.findings.append(Finding(display, "column appears more than once in the header", sheet=spec.name,
                                              column=label, rows=(1,)))
            positions.setdefault(label, position)
    for name in spec.column_names:
        if name not in positions:
            others = [label for label in labels if label and label not in spec.column_names]
            similar = difflib.get_close_matches(name, others, n=1)
            sheet.findings.append(
                Finding(display, "required column is missing", sheet=spec.name, column=name, rows=(1,),
                        detail=f"found '{similar[0]}' instead; was it renamed?" if similar else None)
            )
    if sheet.findings:
        moved = _header_row_below(values_ws, spec)
        if moved:
            sheet.findings = [Finding(display, f"the header must be in row 1 (docs/iro.md); it is in row {moved}",
                                      sheet=spec.name, rows=(1,))]
        return sheet
    records: list[list[Any]] = []
    index: list[int] = []
    for row_number, row in enumerate(value_rows, start=2):
        formula_row = next(formula_rows, ())
        cells = [row[positions[name]] if positions[name] < len(row) else None for name in spec.column_names]
        formula_cells = [
            formula_row[positions[name]] if positions[name] < len(formula_row) else None for name in spec.column_names
        ]
        if all(_blank(c) for c in cells) and all(_blank(c) for c in formula_cells):
            continue
        for name, value, formula in zip(spec.column_names, cells, formula_cells):
            if value is None and isinstance(formula, str) and formula.startswith("="):
                sheet.uncached.setdefault(name, []).append(row_number)
        records.append(cells)
        index.append(row_number)
    sheet.frame = pd.DataFrame(records, columns=list(spec.column_names), index=index, dtype=object)
    return sheet
