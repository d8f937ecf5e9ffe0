"""Dagster wiring for the comparators: published reference values, the 31 March series, the monthly comparison."""

import dagster as dg

from cpb_pipeline.benchmarks.comparison import COLUMNS as COMPARISON_COLUMNS
from cpb_pipeline.benchmarks.comparison import comparison_rows
from cpb_pipeline.benchmarks.series import COLUMNS as SERIES_COLUMNS
from cpb_pipeline.benchmarks.series import march_series
from cpb_pipeline.calendar import month_end
from cpb_pipeline.checks import blocking_failure, check_result
from cpb_pipeline.metadata import OWNERS, table_metadata
from cpb_pipeline.partitions import monthly_partitions
from cpb_pipeline.resources import CpbResource
from cpb_pipeline.sources.reference.benchmarks import COLUMNS as REFERENCE_COLUMNS
from cpb_pipeline.sources.reference.benchmarks import FILE_NAME, read_benchmarks
from cpb_pipeline.warehouse.store import Typed

REFERENCE = dg.AssetKey(["reference", "benchmarks"])
SERIES = dg.AssetKey(["marts", "benchmark_series"])
INDICATORS = dg.AssetKey(["marts", "indicator_monthly"])


def _typed(frame, columns):
    return Typed(frame, [(c, t) for c, t, _ in columns])


reference_file = dg.AssetSpec(
    ["reference", "benchmarks_csv"],
    description=f"`{FILE_NAME}` in the profile's reference folder (contracts §5): published comparator values.",
    group_name="sources",
    kinds={"csv"},
    owners=OWNERS,
)


@dg.asset(
    key=REFERENCE,
    deps=[reference_file.key],
    group_name="benchmarks",
    kinds={"duckdb", "pandera"},
    owners=OWNERS,
    description="Published values for the authority, the North West, England and statistical neighbours, "
    "each with its period and source, as the reference file gives them.",
    metadata=table_metadata(REFERENCE_COLUMNS),
    check_specs=[dg.AssetCheckSpec("valid", asset=REFERENCE, blocking=True,
                                   description="Known indicator ids and areas, periods ending 31 March, one value each.")],
)
def reference_benchmarks(cpb: CpbResource):
    frame, outcome = read_benchmarks(cpb.profile.paths.reference, cpb.profile.authority.name)
    yield check_result(REFERENCE, outcome)
    if frame is None:
        raise blocking_failure([outcome], "Reference benchmarks")
    cpb.warehouse.replace_tables({"reference.benchmarks": _typed(frame, REFERENCE_COLUMNS)})
    yield dg.MaterializeResult(asset_key=REFERENCE, metadata=table_metadata(REFERENCE_COLUMNS, rows=len(frame)))


@dg.asset(
    key=SERIES,
    deps=[REFERENCE, INDICATORS],
    group_name="benchmarks",
    kinds={"duckdb"},
    owners=OWNERS,
    description="The 31 March series for every indicator: comparators as published, and the authority's value "
    "computed from each March extract the warehouse holds (published values only for earlier years).",
    metadata=table_metadata(SERIES_COLUMNS),
)
def benchmark_series(cpb: CpbResource) -> dg.MaterializeResult:
    authority = cpb.profile.authority.name
    published = cpb.warehouse.query("SELECT * FROM reference.benchmarks")
    march = cpb.warehouse.query(
        "SELECT indicator_id, period_end, value FROM marts.indicator_monthly "
        "WHERE area_type = 'authority' AND month(period_end) = 3"
    )
    published["period_end"] = published["period_end"].dt.date
    march["period_end"] = march["period_end"].dt.date
    frame = march_series(published, march, authority)
    cpb.warehouse.replace_tables({"marts.benchmark_series": _typed(frame, SERIES_COLUMNS)})
    return dg.MaterializeResult(metadata=table_metadata(SERIES_COLUMNS, rows=len(frame)))


@dg.asset(
    key=["marts", "benchmark_comparison"],
    deps=[INDICATORS, SERIES],
    partitions_def=monthly_partitions,
    group_name="benchmarks",
    kinds={"duckdb"},
    owners=OWNERS,
    description="Each month's authority figure beside each comparator's latest published value and its period, "
    "the gap and position by polarity, and the direction of travel over a month and a year.",
    metadata=table_metadata(COMPARISON_COLUMNS),
)
def benchmark_comparison(context: dg.AssetExecutionContext, cpb: CpbResource) -> dg.MaterializeResult:
    period_end = month_end(context.partition_key)
    values = cpb.warehouse.query(
        "SELECT indicator_id, period_end, value FROM marts.indicator_monthly WHERE area_type = 'authority'"
    )
    series = cpb.warehouse.query("SELECT * FROM marts.benchmark_series")
    values["period_end"] = values["period_end"].dt.date
    series["period_end"] = series["period_end"].dt.date
    frame = comparison_rows(period_end, values, series)
    cpb.warehouse.replace_partitions(
        {"marts.benchmark_comparison": _typed(frame, COMPARISON_COLUMNS)}, "period_end", period_end
    )
    return dg.MaterializeResult(metadata=table_metadata(COMPARISON_COLUMNS, rows=len(frame)))
