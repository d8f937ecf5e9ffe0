"""Warning: an event dated after the extract was produced has been mistyped (a Planned check may be in the future)."""

import datetime as dt

import pandas as pd

from cpb_pipeline.domain.lcs import TableSpec
from cpb_pipeline.runtime.validation import wide_check
from cpb_pipeline.sources.lcs.rules import SchemaParts


def rule(extracted: dt.date) -> str:
    return f"dated after the extraction ({extracted:%Y-%m-%d})"


def _not_after(column: str, extracted: dt.date, unless: tuple[str, str] | None):
    limit = pd.Timestamp(extracted)

    def check(frame: pd.DataFrame) -> pd.Series:
        ok = frame[column].isna() | (frame[column] <= limit)
        if unless:
            ok |= frame[unless[0]] == unless[1]
        return ok

    return check


def parts(spec: TableSpec, extracted: dt.date) -> SchemaParts:
    return SchemaParts(
        checks=[
            wide_check(
                _not_after(c.name, extracted, c.event_unless),
                rule=rule(extracted),
                column=c.name,
            )
            for c in spec.columns
            if c.event
        ]
    )


def applies(spec: TableSpec) -> bool:
    return any(c.event for c in spec.columns)
