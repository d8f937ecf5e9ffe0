"""Dates must be real calendar dates written YYYY-MM-DD, DD/MM/YYYY or as an ISO date-time (whose date is taken)."""

import pandera.pandas as pa

from cpb_pipeline.domain.lcs import TableSpec
from cpb_pipeline.runtime.validation import flag_check
from cpb_pipeline.sources.lcs.normalise import UNPARSED
from cpb_pipeline.sources.lcs.rules import SchemaParts

RULE = "must be a real date written YYYY-MM-DD, DD/MM/YYYY or as an ISO date-time"


def parts(spec: TableSpec) -> SchemaParts:
    return SchemaParts(
        columns={
            f"{c.name}{UNPARSED}": pa.Column(bool, flag_check(RULE))
            for c in spec.columns
            if c.kind == "date"
        }
    )
