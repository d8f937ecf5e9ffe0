"""The month's IRO statistics workbook: one workbook in, two staging tables out, every rule an asset check."""

import datetime as dt

import dagster as dg

from cpb_pipeline.domain import tables
from cpb_pipeline.domain.calendar import month_end
from cpb_pipeline.domain.iro import CHALLENGES, SHEETS
from cpb_pipeline.runtime.checks import blocking_failure, check_result
from cpb_pipeline.runtime.resources import CpbResource
from cpb_pipeline.runtime.store import WarehouseStore, table_exists
from cpb_pipeline.sources.iro.load import load_month, workbook_path
from cpb_pipeline.sources.iro.rules import CHECKS

LCS_PERSON = tables.LCS_STAGING["ssd_person"]


def lcs_persons(store: WarehouseStore, period_end: dt.date) -> set[str] | None:
    """Person pseudonyms of the month's staged LCS extract; None when that month is not staged."""
    if not store.path.exists():
        return None
    with store.connect(read_only=True) as con:
        if not table_exists(con, LCS_PERSON.qualified):
            return None
        rows = con.execute(
            f"SELECT DISTINCT pers_person_id FROM {LCS_PERSON.qualified} WHERE period_end = $month_end",
            {"month_end": period_end},
        ).fetchall()
    return {r[0] for r in rows} or None


def iro_staging(partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    @dg.multi_asset(
        name="iro_statistics",
        specs=[
            dg.AssetSpec(
                tables.IRO_STAGING[spec.table].key,
                deps=[tables.IRO_WORKBOOK, *([LCS_PERSON.key] if spec is CHALLENGES else [])],
                description=f"Staged sheet `{spec.name}` of the month's IRO workbook: {spec.description}. "
                + ("Challenge and person ids are keyed pseudonyms (the person's matches staging.ssd_person). "
                   if spec is CHALLENGES else "")
                + "One partition per month end, replaced whole on every refresh; a blocking failure keeps the "
                "previous partition.",
                group_name="staging",
                kinds={"duckdb", "pandera", "excel"},
                metadata=tables.IRO_STAGING[spec.table].metadata(),
            )
            for spec in SHEETS
        ],
        check_specs=[
            dg.AssetCheckSpec(c.name, asset=tables.IRO_STAGING[c.table].key, blocking=c.blocking,
                              description=c.description, partitions_def=partitions)  # fmt: skip
            for c in CHECKS
        ],
        partitions_def=partitions,
    )
    def iro_statistics(context: dg.AssetExecutionContext, cpb: CpbResource):
        """Read, pseudonymise and validate the month's workbook; write both tables in one transaction."""
        month = context.partition_key
        folder = cpb.profile.paths.iro_statistics
        loaded = load_month(folder, month, cpb.pseudonym_key(context.log), lcs_persons(cpb.warehouse, month_end(month)))
        for outcome in loaded.outcomes:
            yield check_result(tables.IRO_STAGING[outcome.table].key, outcome)
        failures = loaded.blocking_failures()
        if failures:
            raise blocking_failure(failures, f"IRO statistics workbook {month}")
        rows = loaded.write(cpb.warehouse)
        for spec in SHEETS:
            table = tables.IRO_STAGING[spec.table]
            yield dg.MaterializeResult(
                asset_key=table.key,
                metadata=table.metadata(rows[spec.table], source_file=dg.MetadataValue.path(str(workbook_path(folder, month)))),
            )

    return iro_statistics
