"""Coded columns must hold one of the contract's codes (case and spaces ignored)."""

import pandera.pandas as pa

from cpb_pipeline.domain.lcs import TableSpec
from cpb_pipeline.runtime.validation import flag_check
from cpb_pipeline.sources.lcs.normalise import NOT_IN_SET
from cpb_pipeline.sources.lcs.rules import SchemaParts


def rule(codes: tuple[str, ...]) -> str:
    return "code must be one of " + ", ".join(codes)


def parts(spec: TableSpec) -> SchemaParts:
    return SchemaParts(
        columns={
            f"{c.name}{NOT_IN_SET}": pa.Column(bool, flag_check(rule(c.codes)))
            for c in spec.columns
            if c.kind == "code"
        }
    )
