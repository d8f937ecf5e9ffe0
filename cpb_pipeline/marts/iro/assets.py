"""Dagster wiring for the IRO marts: thin assets over the plain functions in monthly.py and annual.py."""

import dagster as dg

from cpb_pipeline.calendar import month_end
from cpb_pipeline.marts.iro import annual, monthly
from cpb_pipeline.metadata import OWNERS, table_metadata
from cpb_pipeline.partitions import monthly_partitions
from cpb_pipeline.resources import CpbResource
from cpb_pipeline.sources.iro.assets import IRO_CHALLENGES, IRO_STAFFING
from cpb_pipeline.warehouse.store import Typed

INDICATOR_MONTHLY = dg.AssetKey(["marts", "indicator_monthly"])


def _typed(frame, columns) -> Typed:
    return Typed(frame, [(c, t) for c, t, _ in columns])


def _monthly_asset(name: str, compute, columns, description: str):
    @dg.asset(
        key=["marts", name],
        deps=[IRO_CHALLENGES, IRO_STAFFING],
        partitions_def=monthly_partitions,
        group_name="marts",
        kinds={"duckdb", "sql"},
        owners=OWNERS,
        description=description,
        metadata=table_metadata(columns),
    )
    def _asset(context: dg.AssetExecutionContext, cpb: CpbResource) -> dg.MaterializeResult:
        period_end = month_end(context.partition_key)
        with cpb.warehouse.connect() as con:
            frame = compute(con, period_end)
        cpb.warehouse.replace_partitions({f"marts.{name}": _typed(frame, columns)}, "period_end", period_end)
        return dg.MaterializeResult(metadata=table_metadata(columns, rows=len(frame)))

    return _asset


iro_challenges_monthly = _monthly_asset(
    "iro_challenges_monthly",
    monthly.challenge_counts,
    monthly.CHALLENGE_COUNT_COLUMNS,
    "IRO challenges from the month's own workbook by type, category, cohort and locality: raised in the month, "
    "resolved in the month and open at month end. Every valid combination has a row (zeros included).",
)

iro_resolution_levels = _monthly_asset(
    "iro_resolution_levels",
    monthly.resolution_levels,
    monthly.RESOLUTION_COLUMNS,
    "PRs resolved in the month by the management level they were resolved at (Practice Manager, Team Manager, "
    "Senior Manager, Head of Service, Not recorded), with each level's share and the mean days to resolve.",
)

iro_open_ageing = _monthly_asset(
    "iro_open_ageing",
    monthly.open_ageing,
    monthly.AGEING_COLUMNS,
    "Challenges open at month end by type and age band (0-2, 2-4, 4-8, 8+ weeks since raised). The 4-8 and 8+ "
    "week bands together equal the indicator iro_challenges_open_over_4_weeks.",
)


@dg.asset(
    key=["marts", "iro_annual_summary"],
    deps=[IRO_CHALLENGES, IRO_STAFFING, INDICATOR_MONTHLY],
    group_name="marts",
    kinds={"duckdb", "sql"},
    owners=OWNERS,
    description="The IRO annual report's figures for every complete financial year (April-March, all 12 workbooks "
    "staged): reviews in timescale and participation, challenges and their splits (each counted once), PR "
    "resolution levels and the average caseload. Recomputed whole on every run.",
    metadata=table_metadata(annual.COLUMNS),
)
def iro_annual_summary(cpb: CpbResource) -> dg.MaterializeResult:
    with cpb.warehouse.connect() as con:
        frame = annual.annual_summaries(con, cpb.profile)
    cpb.warehouse.replace_tables({"marts.iro_annual_summary": _typed(frame, annual.COLUMNS)})
    return dg.MaterializeResult(
        metadata=table_metadata(
            annual.COLUMNS, rows=len(frame),
            financial_years=dg.MetadataValue.text(", ".join(sorted(frame["financial_year"].unique())) or "none"),
        )
    )


iro_mart_assets = [iro_challenges_monthly, iro_resolution_levels, iro_open_ageing, iro_annual_summary]
