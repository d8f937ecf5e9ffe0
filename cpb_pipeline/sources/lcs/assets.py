"""Dagster wiring for the LCS extract: files in, ten staging tables out, checks on each."""

import dagster as dg

from cpb_pipeline.checks import blocking_failure, check_result
from cpb_pipeline.metadata import OWNERS, table_metadata
from cpb_pipeline.partitions import monthly_partitions
from cpb_pipeline.resources import CpbResource
from cpb_pipeline.sources.lcs.extract import check_definitions, load_extract
from cpb_pipeline.sources.lcs.tables import TABLES, staged_columns

def staging_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["staging", table])


def source_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["lcs", table])


lcs_source_specs = [
    dg.AssetSpec(
        source_key(spec.name),
        description=f"`{spec.file_name}` in the month's LCS extract folder (contracts §2), "
        "delivered on the first working day after month end.",
        group_name="sources",
        kinds={"csv"},
        owners=OWNERS,
        partitions_def=monthly_partitions,
    )
    for spec in TABLES
]


@dg.multi_asset(
    name="lcs_extract",
    specs=[
        dg.AssetSpec(
            staging_key(spec.name),
            deps=[source_key(spec.name)],
            description=f"Staged `{spec.file_name}`: {spec.description} Identifiers pseudonymised; "
            "one partition per month end, replaced whole on every refresh.",
            group_name="staging",
            kinds={"duckdb", "pandera"},
            owners=OWNERS,
            metadata=table_metadata(staged_columns(spec)),
        )
        for spec in TABLES
    ],
    check_specs=[
        dg.AssetCheckSpec(
            d.name,
            asset=staging_key(d.table),
            blocking=d.blocking,
            description=d.description,
            partitions_def=monthly_partitions,
        )
        for d in check_definitions()
    ],
    partitions_def=monthly_partitions,
)
def lcs_extract(context: dg.AssetExecutionContext, cpb: CpbResource):
    """Read, pseudonymise and validate the month's extract; write all ten tables in one transaction."""
    month = context.partition_key
    folder = cpb.profile.paths.lcs_extracts / month
    extract = load_extract(folder, month, cpb.pseudonym_key(context.log))
    try:
        for outcome in extract.outcomes:
            yield check_result(staging_key(outcome.table), outcome)
        failures = extract.blocking_failures()
        if failures:
            raise blocking_failure(failures, f"LCS extract {month}")
        rows = extract.write(cpb.warehouse)
    finally:
        extract.close()
    for spec in TABLES:
        yield dg.MaterializeResult(
            asset_key=staging_key(spec.name),
            metadata=table_metadata(
                staged_columns(spec),
                rows=rows[spec.name],
                source_file=dg.MetadataValue.path(str(folder / spec.file_name)),
            ),
        )
