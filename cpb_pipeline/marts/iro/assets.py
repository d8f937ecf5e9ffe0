"""The IRO marts: thin assets over the plain functions in monthly.py and annual.py."""

import dagster as dg

from cpb_pipeline.domain import tables
from cpb_pipeline.domain.calendar import month_end
from cpb_pipeline.domain.tables import TableDef, data_version
from cpb_pipeline.marts.iro import annual, monthly
from cpb_pipeline.runtime.resources import CpbResource

STAGED = [tables.IRO_CHALLENGES.key, tables.IRO_STAFFING.key]

MONTHLY_MARTS = (
    (tables.IRO_CHALLENGES_MONTHLY, monthly.challenge_counts,
     "IRO challenges from the month's own workbook by type, category, cohort and locality: raised in the month, "
     "resolved in the month and open at month end. Every valid combination has a row (zeros included)."),
    (tables.IRO_RESOLUTION_LEVELS, monthly.resolution_levels,
     "PRs resolved in the month by the management level they were resolved at (Practice Manager, Team Manager, "
     "Senior Manager, Head of Service, Not recorded), with each level's share and the mean days to resolve."),
    (tables.IRO_OPEN_AGEING, monthly.open_ageing,
     "Challenges open at month end by type and age band (0-2, 2-4, 4-8, 8+ weeks since raised). The 4-8 and 8+ "
     "week bands together equal the indicator iro_challenges_open_over_4_weeks."),
)


def _monthly_mart(table: TableDef, compute, description: str, partitions: dg.PartitionsDefinition):
    @dg.asset(
        key=table.key,
        deps=STAGED,
        partitions_def=partitions,
        group_name="marts",
        kinds={"duckdb", "sql"},
        description=description,
        metadata=table.metadata(),
    )
    def _asset(context: dg.AssetExecutionContext, cpb: CpbResource) -> dg.MaterializeResult:
        period_end = month_end(context.partition_key)
        with cpb.warehouse.connect() as con:
            frame = compute(con, period_end)
        cpb.warehouse.replace_partitions({table.qualified: table.typed(frame)}, "period_end", period_end)
        return dg.MaterializeResult(data_version=data_version(frame), metadata=table.metadata(len(frame)))

    return _asset


ANNUAL = tables.IRO_ANNUAL_SUMMARY


@dg.asset(
    key=ANNUAL.key,
    deps=[*STAGED, tables.INDICATOR_MONTHLY.key],
    group_name="marts",
    kinds={"duckdb", "sql"},
    description="The IRO annual report's figures for every complete financial year (April-March, all 12 workbooks "
    "staged): reviews in timescale and participation, challenges and their splits (each counted once), PR "
    "resolution levels and the average caseload. Recomputed whole on every run.",
    metadata=ANNUAL.metadata(),
)
def iro_annual_summary(cpb: CpbResource) -> dg.MaterializeResult:
    with cpb.warehouse.connect() as con:
        frame = annual.annual_summaries(con, cpb.profile)
    cpb.warehouse.replace_tables({ANNUAL.qualified: ANNUAL.typed(frame)})
    return dg.MaterializeResult(
        data_version=data_version(frame),
        metadata=ANNUAL.metadata(
            len(frame),
            financial_years=dg.MetadataValue.text(", ".join(sorted(frame["financial_year"].unique())) or "none"),
        )
    )


def iro_marts(partitions: dg.PartitionsDefinition) -> list[dg.AssetsDefinition]:
    return [*[_monthly_mart(*mart, partitions) for mart in MONTHLY_MARTS], iro_annual_summary]
