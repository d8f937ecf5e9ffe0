"""The reference benchmarks file: published comparator values in, reference.benchmarks out."""

import dagster as dg

from cpb_pipeline.domain import tables
from cpb_pipeline.domain.tables import data_version
from cpb_pipeline.runtime.checks import blocking_failure, check_result
from cpb_pipeline.runtime.resources import CpbResource
from cpb_pipeline.sources.reference.benchmarks import read_benchmarks

TABLE = tables.REFERENCE_BENCHMARKS


@dg.asset(
    key=TABLE.key,
    deps=[tables.BENCHMARKS_FILE],
    group_name="benchmarks",
    kinds={"duckdb", "pandera"},
    description="Published values for the authority, its region, England and statistical neighbours, "
    "each with its period and source, as the reference file gives them.",
    metadata=TABLE.metadata(),
    check_specs=[dg.AssetCheckSpec("valid", asset=TABLE.key, blocking=True,
                                   description="Known indicator ids and areas, periods ending 31 March, one value each.")],
)
def reference_benchmarks(cpb: CpbResource):
    profile = cpb.profile
    frame, outcome = read_benchmarks(profile.paths.reference, profile.authority.name, profile.authority.region)
    yield check_result(TABLE.key, outcome)
    if frame is None:
        raise blocking_failure([outcome], "Reference benchmarks")
    cpb.warehouse.replace_tables({TABLE.qualified: TABLE.typed(frame)})
    yield dg.MaterializeResult(asset_key=TABLE.key, data_version=data_version(frame), metadata=TABLE.metadata(len(frame)))
