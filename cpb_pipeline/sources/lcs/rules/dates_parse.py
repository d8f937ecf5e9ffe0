"""Dates must be written YYYY-MM-DD or DD/MM/YYYY and be real calendar dates."""

import pandera.pandas as pa

from cpb_pipeline.domain.lcs import TableSpec
from cpb_pipeline.runtime.validation import flag_check
from cpb_pipeline.sources.lcs.normalise import UNPARSED
from cpb_pipeline.sources.lcs.rules import SchemaParts

RULE = "must be a real date written YYYY-MM-DD or DD/MM/YYYY"


def parts(spec: TableSpec) -> SchemaParts:
    return SchemaParts(
        columns={
            f"{c.name}{UNPARSED}": pa.Column(bool, flag_check(RULE))
            for c in spec.columns
            if c.kind == "date"
        }
    )
