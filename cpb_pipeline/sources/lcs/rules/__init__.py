"""Validation rules for the LCS extract, one small rule per file.

Each rule contributes pandera columns or checks to a table's schema;
`cpb_pipeline.runtime.validation` reports failures by file, row, column and rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandera.pandas as pa


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

