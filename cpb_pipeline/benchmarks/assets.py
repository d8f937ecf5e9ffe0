"""The comparators: the 31 March series and each month's comparison, thin assets over series.py and comparison.py."""

import dagster as dg

from cpb_pipeline.benchmarks.comparison import comparison_rows
from cpb_pipeline.benchmarks.series import march_series
from cpb_pipeline.domain import tables
from cpb_pipeline.domain.calendar import month_end, month_ends_back
from cpb_pipeline.domain.tables import data_version
from cpb_pipeline.runtime.resources import CpbResource

SERIES, COMPARISON, MONTHLY = tables.BENCHMARK_SERIES, tables.BENCHMARK_COMPARISON, tables.INDICATOR_MONTHLY

YEAR_BEFORE = dg.TimeWindowPartitionMapping(start_offset=-12, allow_nonexistent_upstream_partitions=True)
"""A month's comparison reads its own figure, last month's and the same month a year before."""


@dg.asset(
    key=SERIES.key,
    deps=[tables.REFERENCE_BENCHMARKS.key, MONTHLY.key],
    group_name="benchmarks",
    kinds={"duckdb"},
    description="The 31 March series for every indicator: comparators as published, and the authority's value "
    "computed from each March extract the warehouse holds (published values only for earlier years).",
    metadata=SERIES.metadata(),
)
def benchmark_series(cpb: CpbResource) -> dg.MaterializeResult:
    published = cpb.warehouse.query(f"SELECT * FROM {tables.REFERENCE_BENCHMARKS.qualified}")
    march = cpb.warehouse.query(
        f"SELECT indicator_id, period_end, numerator, denominator, value FROM {MONTHLY.qualified} "
        "WHERE area_type = 'authority' AND month(period_end) = 3"
    )
    published["period_end"] = published["period_end"].dt.date
    march["period_end"] = march["period_end"].dt.date
    frame = march_series(published, march, cpb.profile.authority.name)
    cpb.warehouse.replace_tables({SERIES.qualified: SERIES.typed(frame)})
    return dg.MaterializeResult(data_version=data_version(frame), metadata=SERIES.metadata(len(frame)))


def benchmark_comparison(partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    @dg.asset(
        key=COMPARISON.key,
        deps=[dg.AssetDep(MONTHLY.key, partition_mapping=YEAR_BEFORE), SERIES.key],
        partitions_def=partitions,
        group_name="benchmarks",
        kinds={"duckdb"},
        description="Each month's authority figure beside each comparator's latest published value and its period, "
        "the gap and position by polarity, and the direction of travel over a month and a year.",
        metadata=COMPARISON.metadata(),
    )
    def benchmark_comparison(context: dg.AssetExecutionContext, cpb: CpbResource) -> dg.MaterializeResult:
        period_end = month_end(context.partition_key)
        values = cpb.warehouse.query(
            f"SELECT indicator_id, period_end, value FROM {MONTHLY.qualified} "
            "WHERE area_type = 'authority' AND period_end BETWEEN $first AND $last",
            {"first": month_ends_back(period_end, 13)[0], "last": period_end},
        )
        series = cpb.warehouse.query(f"SELECT * FROM {SERIES.qualified}")
        values["period_end"] = values["period_end"].dt.date
        series["period_end"] = series["period_end"].dt.date
        frame = comparison_rows(period_end, values, series, cpb.profile.authority.region)
        cpb.warehouse.replace_partitions({COMPARISON.qualified: COMPARISON.typed(frame)}, "period_end", period_end)
        return dg.MaterializeResult(data_version=data_version(frame), metadata=COMPARISON.metadata(len(frame)))

    return benchmark_comparison
