"""Identifiers, person references, start dates and the codes the figures depend on must have a value.

A value that is present but unreadable is reported by the date or code rule
instead, so each bad cell gives one message.
"""

import pandas as pd
import pandera.pandas as pa

from cpb_pipeline.domain.lcs import Column, TableSpec
from cpb_pipeline.runtime.validation import wide_check
from cpb_pipeline.sources.lcs.normalise import NOT_IN_SET, UNPARSED
from cpb_pipeline.sources.lcs.rules import SchemaParts

RULE = "a value is required"


def _flag(column: Column) -> str | None:
    suffix = {"date": UNPARSED, "code": NOT_IN_SET}.get(column.kind)
    return column.name + suffix if suffix else None


def _present_or_flagged(value: str, flag: str):
    def check(frame: pd.DataFrame) -> pd.Series:
        return frame[value].notna() | frame[flag]

    return check


def parts(spec: TableSpec) -> SchemaParts:
    parts = SchemaParts()
    for column in spec.columns:
        flag = _flag(column)
        if column.required and flag:
            parts.columns[column.staged_name] = pa.Column(nullable=True, required=True)
            parts.checks.append(wide_check(_present_or_flagged(column.staged_name, flag), rule=RULE, column=column.name))
        else:
            parts.columns[column.staged_name] = pa.Column(nullable=not column.required, required=True)
    return parts
