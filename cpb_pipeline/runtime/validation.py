"""Pandera validation that reports like an operator needs it.

`pandera_findings` turns a pandera failure into findings that carry file,
row, column and rule, and never the failing value. Frames are indexed by the
row number in the source file, so pandera's failure index is that row.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from cpb_pipeline.domain.errors import Finding

_BUILTIN_RULES = {
    "not_nullable": "a value is required",
    "field_uniqueness": "must be unique within the file",
    "column_in_dataframe": "required column is missing",
}


def wide_check(fn, *, rule: str, column: str) -> pa.Check:
    """A row-wise check across columns; it carries the column and rule a failing row is reported against."""
    check = pa.Check(fn, name=f"{column}: {rule}", ignore_na=False)
    check.reported_as = (column, rule)
    return check


def flag_check(rule: str) -> pa.Check:
    """Flag columns are True where a value failed to parse; the rule is that none did."""
    return pa.Check(lambda flags: ~flags.astype(bool), name=rule, ignore_na=False)


def source_column(name: str) -> str:
    return name.split("__", 1)[0]


def _locate(schema: pa.DataFrameSchema, context: str, column: object, check: str, number: object) -> tuple[str | None, str]:
    """(column, rule) of a failure case: a wide check carries its own; a column check is its column's."""
    if context == "DataFrameSchema" and number == number and number is not None:
        reported_as = getattr(schema.checks[int(number)], "reported_as", None)
        if reported_as is not None:
            return reported_as
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
    located = [
        _locate(schema, context, col, str(check), number)
        for context, col, check, number in zip(cases["schema_context"], cases["column"], cases["check"], cases["check_number"])
    ]
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
