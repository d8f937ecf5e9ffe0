"""An end date must not come before its start (and a period of care starts no later than its episodes)."""

import pandas as pd

from cpb_pipeline.domain.lcs import TableSpec
from cpb_pipeline.runtime.validation import wide_check
from cpb_pipeline.sources.lcs.rules import SchemaParts


def rule(start: str) -> str:
    return f"must not be before {start}"


def _in_order(start: str, end: str):
    def check(frame: pd.DataFrame) -> pd.Series:
        return frame[start].isna() | frame[end].isna() | (frame[end] >= frame[start])

    return check


def parts(spec: TableSpec) -> SchemaParts:
    return SchemaParts(
        checks=[
            wide_check(_in_order(start, end), rule=rule(start), column=end)
            for start, end in spec.periods
        ]
    )
