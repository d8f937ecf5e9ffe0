"""References must point at records in the same extract: a person, a team, a period of care, a CP plan.

A dangling reference means the extract is incomplete, and a figure built on it
would silently drop or misplace a child.
"""

from collections.abc import Mapping

import pandas as pd
import pandera.pandas as pa

from cpb_pipeline.sources.lcs.rules import SchemaParts
from cpb_pipeline.sources.lcs.tables import TableSpec


def rule(table: str, column: str) -> str:
    return f"must match a {column} in {table}.csv"


def parts(spec: TableSpec, frames: Mapping[str, pd.DataFrame]) -> SchemaParts:
    columns = {}
    for col in spec.columns:
        if col.references is None:
            continue
        table, target = col.references
        known = frames.get(table)
        if known is None:
            continue
        values = set(known[target].dropna())
        columns[col.staged_name] = pa.Column(
            nullable=True, checks=pa.Check(lambda s, v=values: s.isin(v), name=rule(table, target))
        )
    return SchemaParts(columns=columns)


def applies(spec: TableSpec) -> bool:
    return any(c.references for c in spec.columns)
