"""The published warehouse: the last step of every monthly refresh."""

from collections.abc import Sequence

import dagster as dg

from cpb_pipeline.metadata import OWNERS
from cpb_pipeline.partitions import monthly_partitions
from cpb_pipeline.resources import CpbResource
from cpb_pipeline.warehouse.publish import publish

PUBLISHED = dg.AssetKey(["warehouse", "published"])


def build_published_warehouse(upstream: Sequence[dg.AssetKey]) -> dg.AssetsDefinition:
    """Runs only when every upstream step of the month succeeded, so a failed run publishes nothing."""

    @dg.asset(
        key=PUBLISHED,
        deps=list(upstream),
        partitions_def=monthly_partitions,
        group_name="outputs",
        kinds={"duckdb"},
        owners=OWNERS,
        description="The DuckDB file downstream tools open (paths.warehouse): a complete copy of the working "
        "database, renamed into place atomically after a run whose blocking checks all passed.",
    )
    def published_warehouse(context: dg.AssetExecutionContext, cpb: CpbResource) -> dg.MaterializeResult:
        result = publish(cpb.warehouse, cpb.profile.paths.warehouse, context.run.run_id)
        return dg.MaterializeResult(
            metadata={
                "path": dg.MetadataValue.path(str(result.path)),
                "size_mb": dg.MetadataValue.float(round(result.bytes / 1e6, 2)),
                "tables": dg.MetadataValue.json(result.tables),
                "latest_period_end": dg.MetadataValue.text(str(result.latest_period_end)),
            }
        )

    return published_warehouse
