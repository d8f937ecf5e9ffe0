"""The month's LCS extract: ten files in, ten staging tables out, every rule an asset check."""

import dagster as dg

from cpb_pipeline.domain import lcs, tables
from cpb_pipeline.runtime.checks import blocking_failure, check_result
from cpb_pipeline.runtime.resources import CpbResource
from cpb_pipeline.sources.lcs.extract import check_definitions, load_extract


def lcs_staging(partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    @dg.multi_asset(
        name="lcs_extract",
        specs=[
            dg.AssetSpec(
                tables.LCS_STAGING[spec.name].key,
                deps=[tables.lcs_file_key(spec.name)],
                description=f"Staged `{spec.file_name}`: {spec.description} Identifiers pseudonymised; "
                "one partition per month end, replaced whole on every refresh.",
                group_name="staging",
                kinds={"duckdb", "pandera"},
                metadata=tables.LCS_STAGING[spec.name].metadata(),
            )
            for spec in lcs.TABLES
        ],
        check_specs=[
            dg.AssetCheckSpec(d.name, asset=tables.LCS_STAGING[d.table].key, blocking=d.blocking,
                              description=d.description, partitions_def=partitions)  # fmt: skip
            for d in check_definitions()
        ],
        partitions_def=partitions,
    )
    def lcs_extract(context: dg.AssetExecutionContext, cpb: CpbResource):
        """Read, pseudonymise and validate the month's extract; write all ten tables in one transaction."""
        month = context.partition_key
        folder = cpb.profile.paths.lcs_extracts / month
        extract = load_extract(folder, month, cpb.pseudonym_key(context.log), cpb.profile.extract_encoding)
        try:
            for outcome in extract.outcomes:
                yield check_result(tables.LCS_STAGING[outcome.table].key, outcome)
            failures = extract.blocking_failures()
            if failures:
                raise blocking_failure(failures, f"LCS extract {month}")
            rows = extract.write(cpb.warehouse)
        finally:
            extract.close()
        for spec in lcs.TABLES:
            table = tables.LCS_STAGING[spec.name]
            yield dg.MaterializeResult(
                asset_key=table.key,
                metadata=table.metadata(rows[spec.name], source_file=dg.MetadataValue.path(str(folder / spec.file_name))),
            )

    return lcs_extract
