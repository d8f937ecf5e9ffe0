"""Dagster wiring for the indicator marts."""

import dagster as dg
import pandas as pd

from cpb_pipeline.calendar import month_end
from cpb_pipeline.checks import CheckOutcome, blocking_failure, check_result
from cpb_pipeline.marts.indicators.catalogue import CATALOGUE
from cpb_pipeline.marts.indicators.checks import completeness_findings
from cpb_pipeline.marts.indicators.compute import COLUMNS, lcs_indicator_rows
from cpb_pipeline.marts.iro.indicators import iro_indicator_rows
from cpb_pipeline.metadata import OWNERS, table_metadata
from cpb_pipeline.partitions import monthly_partitions
from cpb_pipeline.resources import CpbResource
from cpb_pipeline.sources.iro.assets import IRO_CHALLENGES, IRO_STAFFING
from cpb_pipeline.sources.lcs.assets import staging_key
from cpb_pipeline.sources.lcs.tables import TABLES
from cpb_pipeline.warehouse.store import Typed

CATALOGUE_COLUMNS = [
    ("indicator_id", "VARCHAR", "id used in every mart"),
    ("title", "VARCHAR", "title as the board reads it"),
    ("definition", "VARCHAR", "what is counted"),
    ("unit", "VARCHAR", "count, rate_per_10000, percent or ratio"),
    ("polarity", "VARCHAR", "higher_is_better, lower_is_better or contextual"),
    ("breakdown", "VARCHAR", "district, authority or optional_district"),
    ("section", "VARCHAR", "the report section"),
    ("source", "VARCHAR", "lcs or iro"),
    ("comparators", "VARCHAR", "comparator series, separated by ';'"),
    ("rate_of", "VARCHAR", "for a rate: the count it is a rate of"),
    ("change_note", "VARCHAR", "a change to the definition readers should know"),
    ("note", "VARCHAR", "the note about the extraction"),
]


@dg.asset(
    key=["marts", "indicator_catalogue"],
    group_name="marts",
    kinds={"duckdb"},
    owners=OWNERS,
    description="Every indicator's id, title, definition, unit, polarity, breakdown and comparators, "
    "so downstream tools label figures exactly as the board pack does.",
    metadata=table_metadata(CATALOGUE_COLUMNS),
)
def indicator_catalogue(cpb: CpbResource) -> dg.MaterializeResult:
    frame = pd.DataFrame(
        [
            (i.id, i.title, i.definition, i.unit, i.polarity, i.breakdown, i.section, i.source,
             ";".join(i.comparators), i.rate_of, i.change_note, i.note)
            for i in CATALOGUE
        ],
        columns=[c for c, _, _ in CATALOGUE_COLUMNS],
    )
    cpb.warehouse.replace_tables({"marts.indicator_catalogue": Typed(frame, [(c, t) for c, t, _ in CATALOGUE_COLUMNS])})
    return dg.MaterializeResult(metadata=table_metadata(CATALOGUE_COLUMNS, rows=len(frame)))


INDICATOR_MONTHLY = dg.AssetKey(["marts", "indicator_monthly"])


@dg.asset(
    key=INDICATOR_MONTHLY,
    deps=[*[staging_key(t.name) for t in TABLES], IRO_CHALLENGES, IRO_STAFFING],
    partitions_def=monthly_partitions,
    group_name="marts",
    kinds={"duckdb", "sql"},
    owners=OWNERS,
    description="Contracts §6: one row per indicator, month end, area type and area. Counts, rates per "
    "10,000 and percentages for the authority and every district plus other_area, from the month's LCS "
    "extract and IRO workbook; unrounded values.",
    metadata=table_metadata(COLUMNS),
    check_specs=[
        dg.AssetCheckSpec(
            "complete", asset=INDICATOR_MONTHLY, blocking=True, partitions_def=monthly_partitions,
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
    yield check_result(INDICATOR_MONTHLY, outcome)
    if not outcome.passed:
        raise blocking_failure([outcome], f"Figures for {context.partition_key}")
    cpb.warehouse.replace_partitions(
        {"marts.indicator_monthly": Typed(frame, [(c, t) for c, t, _ in COLUMNS])}, "period_end", period_end
    )
    yield dg.MaterializeResult(
        asset_key=INDICATOR_MONTHLY,
        metadata=table_metadata(COLUMNS, rows=len(frame), indicators=dg.MetadataValue.int(frame["indicator_id"].nunique())),
    )
