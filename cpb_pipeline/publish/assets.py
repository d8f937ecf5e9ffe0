"""The published warehouse: the last step of every monthly refresh."""

from collections.abc import Sequence

import dagster as dg

from cpb_pipeline.domain.tables import PUBLISHED_WAREHOUSE
from cpb_pipeline.publish.warehouse import publish
from cpb_pipeline.runtime.resources import CpbResource


def published_warehouse(partitions: dg.PartitionsDefinition, upstream: Sequence[dg.AssetKey]) -> dg.AssetsDefinition:
    """Waits for every other step of the month, the board outputs included: the README promises the file is
    replaced only when every step succeeded, and a warehouse newer than the board pack it should agree with
    would leave readers of the two arguing over different figures."""

    @dg.asset(
        key=PUBLISHED_WAREHOUSE,
        deps=list(upstream),
        partitions_def=partitions,
        group_name="publish",
        kinds={"duckdb", "parquet"},
        description="The DuckDB file downstream tools open (paths.warehouse): a complete copy of the working "
        "database in a storage format DuckDB 1.4 and later read, renamed into place atomically after a run whose "
        "steps all succeeded; beside it `parquet/` holds every mart as a Parquet file from the same copy.",
    )
    def published_warehouse(context: dg.AssetExecutionContext, cpb: CpbResource) -> dg.MaterializeResult:
        result = publish(cpb.warehouse, cpb.profile.paths.warehouse, context.run.run_id)
        return dg.MaterializeResult(
            metadata={
                "path": dg.MetadataValue.path(str(result.path)),
                "size_mb": dg.MetadataValue.float(round(result.bytes / 1e6, 2)),
                "tables": dg.MetadataValue.json(result.tables),
                "latest_period_end": dg.MetadataValue.text(str(result.latest_period_end)),
                "storage_version": dg.MetadataValue.text(result.storage_version),
                "parquet": dg.MetadataValue.path(str(result.parquet)),
            }
        )

    return published_warehouse
