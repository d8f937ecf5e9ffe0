"""Validation rules for the LCS extract, one small rule per file.

Each rule contributes pandera columns or checks. `pandera_findings` turns a
pandera failure into findings that carry file, row, column and rule, and
never the failing value (these are records about children).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa

from cpb_pipeline.errors import Finding

_WIDE_CHECKS: dict[str, tuple[str, str]] = {}
"""Dataframe-wide checks report against a column: check name -> (column, rule)."""

_BUILTIN_RULES = {
    "not_nullable": "a value is required",
    "field_uniqueness": "must be unique within the file",
    "column_in_dataframe": "required column is missing",
}


def wide_check(fn, *, rule: str, column: str) -> pa.Check:
    """A row-wise check across columns, reported against `column`."""
    name = f"{column}: {rule}"
    _WIDE_CHECKS[name] = (column, rule)
    return pa.Check(fn, name=name, ignore_na=False)


def flag_check(rule: str) -> pa.Check:
    """Flag columns are True where a value failed to parse; the rule is that none did."""
    return pa.Check(lambda flags: ~flags.astype(bool), name=rule, ignore_na=False)


def source_column(name: str) -> str:
    return name.split("__", 1)[0]


@dataclass
class SchemaParts:
    """Columns and dataframe checks that rules contribute to one table's schema."""

    columns: dict[str, pa.Column] = field(default_factory=dict)
    checks: list[pa.Check] = field(default_factory=list)

    def add(self, other: "SchemaParts") -> "SchemaParts":
        for name, column in other.columns.items():
            if name in self.columns:
                existing = self.columns[name]
                column = pa.Column(
                    existing.dtype or column.dtype,
                    checks=[*existing.checks, *column.checks],
                    nullable=existing.nullable and column.nullable,
                    unique=existing.unique or column.unique,
                )
            self.columns[name] = column
        self.checks.extend(other.checks)
        return self

    def schema(self, name: str) -> pa.DataFrameSchema:
        return pa.DataFrameSchema(self.columns, checks=self.checks, name=name, strict=False)


def _locate(column: object, check: str) -> tuple[str | None, str]:
    if check in _WIDE_CHECKS:
        return _WIDE_CHECKS[check]
    where = source_column(column) if isinstance(column, str) else None
    return where, _BUILTIN_RULES.get(check, check)


def pandera_findings(schema: pa.DataFrameSchema, frame: pd.DataFrame, file: str) -> list[Finding]:
    """Validate lazily; one finding per (column, rule) with the failing rows as numbered in the file."""
    try:
        schema.validate(frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    findings = []
    located = [_locate(col, str(check)) for col, check in zip(cases["column"], cases["check"])]
    cases = cases.assign(where=[w for w, _ in located], rule=[r for _, r in located])
    for (where, rule), group in cases.groupby(["where", "rule"], dropna=False, sort=True):
        rows = sorted({int(i) for i in group["index"].dropna()})
        findings.append(
            Finding(
                file,
                rule,
                column=None if pd.isna(where) else str(where),
                rows=tuple(rows[:20]),
                count=max(len(rows), 1),
            )
        )
    return findings


def open_at(frame: pd.DataFrame, start: str, end: str, month_end) -> pd.Series:
    """Contracts §7: started on or before month end, and not ended by it."""
    day = pd.Timestamp(month_end)
    return (frame[start] <= day) & (frame[end].isna() | (frame[end] > day))
