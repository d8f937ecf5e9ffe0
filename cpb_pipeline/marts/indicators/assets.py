"""The indicator marts: the catalogue as a table, and every figure of the month (thin assets over compute.py)."""

import dagster as dg
import pandas as pd

from cpb_pipeline.domain import lcs, tables
from cpb_pipeline.domain.calendar import month_end
from cpb_pipeline.domain.catalogue import CATALOGUE
from cpb_pipeline.domain.tables import data_version
from cpb_pipeline.marts.indicators.checks import completeness_findings
from cpb_pipeline.marts.indicators.compute import lcs_indicator_rows
from cpb_pipeline.marts.iro.indicators import iro_indicator_rows
from cpb_pipeline.runtime.checks import CheckOutcome, blocking_failure, check_result
from cpb_pipeline.runtime.resources import CpbResource

CATALOGUE_TABLE, MONTHLY = tables.INDICATOR_CATALOGUE, tables.INDICATOR_MONTHLY


@dg.asset(
    key=CATALOGUE_TABLE.key,
    group_name="marts",
    kinds={"duckdb"},
    description="Every indicator's id, title, definition, unit, polarity, breakdown and comparators, "
    "so downstream tools label figures exactly as the board pack does.",
    metadata=CATALOGUE_TABLE.metadata(),
)
def indicator_catalogue(cpb: CpbResource) -> dg.MaterializeResult:
    frame = pd.DataFrame(
        [
            (i.id, i.title, i.definition, i.unit, i.polarity, i.breakdown, i.section, i.source,
             ";".join(i.comparator_areas(cpb.profile.authority.region)), i.rate_of, i.change_note, i.note)
            for i in CATALOGUE
        ],
        columns=CATALOGUE_TABLE.column_names,
    )
    cpb.warehouse.replace_tables({CATALOGUE_TABLE.qualified: CATALOGUE_TABLE.typed(frame)})
    return dg.MaterializeResult(data_version=data_version(frame), metadata=CATALOGUE_TABLE.metadata(len(frame)))


def indicator_monthly(partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    @dg.asset(
        key=MONTHLY.key,
        deps=[*[tables.LCS_STAGING[t.name].key for t in lcs.TABLES], tables.IRO_CHALLENGES.key, tables.IRO_STAFFING.key],
        partitions_def=partitions,
        group_name="marts",
        kinds={"duckdb", "sql"},
        description="One row per indicator, month end, area type and area: every figure the board sees. Counts, rates per "
        "10,000 and percentages for the authority and every district plus other_area, from the month's LCS "
        "extract and IRO workbook; unrounded values.",
        metadata=MONTHLY.metadata(),
        check_specs=[
            dg.AssetCheckSpec(
                "complete", asset=MONTHLY.key, blocking=True, partitions_def=partitions,
                description="Every catalogued indicator for the authority and every district it has, district counts "
                "summing to the authority, percentages within 0-100, null exactly where the denominator is 0.",
            )
        ],
    )
    def indicator_monthly(context: dg.AssetExecutionContext, cpb: CpbResource):
        period_end = month_end(context.partition_key)
        with cpb.warehouse.connect() as con:
            frame = pd.concat(
                [lcs_indicator_rows(con, cpb.profile, period_end), iro_indicator_rows(con, cpb.profile, period_end)],
                ignore_index=True,
            )
        outcome = CheckOutcome("indicator_monthly", "complete", True, completeness_findings(frame, cpb.profile), len(frame))
        yield check_result(MONTHLY.key, outcome)
        if not outcome.passed:
            raise blocking_failure([outcome], f"Figures for {context.partition_key}")
        cpb.warehouse.replace_partitions({MONTHLY.qualified: MONTHLY.typed(frame)}, "period_end", period_end)
        yield dg.MaterializeResult(
            asset_key=MONTHLY.key,
            data_version=data_version(frame),
            metadata=MONTHLY.metadata(len(frame), indicators=dg.MetadataValue.int(frame["indicator_id"].nunique())),
        )

    return indicator_monthly
