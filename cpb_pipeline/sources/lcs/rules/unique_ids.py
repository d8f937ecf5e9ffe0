"""Each table's own identifier appears once: a duplicate would count a child twice."""

import pandera.pandas as pa

from cpb_pipeline.domain.lcs import TableSpec
from cpb_pipeline.sources.lcs.rules import SchemaParts


def parts(spec: TableSpec) -> SchemaParts:
    key = spec.column(spec.key)
    return SchemaParts(columns={key.staged_name: pa.Column(nullable=not key.required, unique=True)})
