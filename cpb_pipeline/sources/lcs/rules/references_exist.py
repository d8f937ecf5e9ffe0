"""References must point at records in the same extract: a person, a team, a period of care, a CP plan.

A dangling reference means the extract is incomplete, and a figure built on it
would silently drop or misplace a child.
"""

from collections.abc import Collection

import pandera.pandas as pa

from cpb_pipeline.domain.lcs import TableSpec
from cpb_pipeline.runtime.validation import flag_check
from cpb_pipeline.sources.lcs.normalise import DANGLING
from cpb_pipeline.sources.lcs.rules import SchemaParts


def rule(table: str, column: str) -> str:
    return f"must match a {column} in {table}.csv"


def parts(spec: TableSpec, loaded: Collection[str]) -> SchemaParts:
    """Checks on the `__dangling` flags that staging computes where the referenced table was read."""
    return SchemaParts(
        columns={
            f"{c.name}{DANGLING}": pa.Column(bool, flag_check(rule(*c.references)))
            for c in spec.columns
            if c.references and c.references[0] in loaded
        }
    )


def applies(spec: TableSpec) -> bool:
    return any(c.references for c in spec.columns)
