"""Dagster wiring for the IRO statistics workbook: one workbook in, two staging tables out, checks on each."""

import datetime as dt

import dagster as dg

from cpb_pipeline.calendar import month_end
from cpb_pipeline.checks import blocking_failure, check_result
from cpb_pipeline.metadata import OWNERS, table_metadata
from cpb_pipeline.partitions import monthly_partitions
from cpb_pipeline.resources import CpbResource
from cpb_pipeline.sources.iro.load import load_month, staged_columns, workbook_path
from cpb_pipeline.sources.iro.rules import CHECKS
from cpb_pipeline.sources.iro.spec import CHALLENGES, SHEETS, STAFFING, FILE_PATTERN
from cpb_pipeline.warehouse.store import Typed, WarehouseStore

IRO_WORKBOOK = dg.AssetKey(["iro", "iro_statistics_workbook"])
IRO_CHALLENGES = dg.AssetKey(["staging", CHALLENGES.table])
IRO_STAFFING = dg.AssetKey(["staging", STAFFING.table])
LCS_PERSON = dg.AssetKey(["staging", "ssd_person"])

iro_workbook_spec = dg.AssetSpec(
    IRO_WORKBOOK,
    description=f"`{FILE_PATTERN.format(month='YYYY-MM')}` in the profile's iro_statistics folder (contracts §3), "
    "saved by the IRO service at each month end: sheet Challenges (every PR and MA raised in the 12 months to "
    "the month end) and sheet Staffing (the month-end FTE and children allocated).",
    group_name="sources",
    kinds={"excel"},
    owners=OWNERS,
    partitions_def=monthly_partitions,
)
iro_source_specs = [iro_workbook_spec]


def _key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["staging", table])


def lcs_persons(store: WarehouseStore, period_end: dt.date) -> set[str] | None:
    """Person pseudonyms of the month's staged LCS extract; None when that month is not staged."""
    if not store.path.exists():
        return None
    with store.connect(read_only=True) as con:
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'staging' AND table_name = 'ssd_person'"
        ).fetchone()[0]
        if not exists:
            return None
        rows = con.execute(
            "SELECT DISTINCT pers_person_id FROM staging.ssd_person WHERE period_end = ?", [period_end]
        ).fetchall()
    return {r[0] for r in rows} or None


@dg.multi_asset(
    name="iro_statistics",
    specs=[
        dg.AssetSpec(
            _key(spec.table),
            deps=[IRO_WORKBOOK, *([LCS_PERSON] if spec is CHALLENGES else [])],
            description=f"Staged sheet `{spec.name}` of the month's IRO workbook: {spec.description}. "
            + ("Challenge and person ids are keyed pseudonyms (the person's matches staging.ssd_person). "
               if spec is CHALLENGES else "")
            + "One partition per month end, replaced whole on every refresh; a blocking failure keeps the "
            "previous partition.",
            group_name="staging",
            kinds={"duckdb", "pandera", "excel"},
            owners=OWNERS,
            metadata=table_metadata(staged_columns(spec)),
        )
        for spec in SHEETS
    ],
    check_specs=[
        dg.AssetCheckSpec(c.name, asset=_key(c.table), blocking=c.blocking, description=c.description,
                          partitions_def=monthly_partitions)
        for c in CHECKS
    ],
    partitions_def=monthly_partitions,
)
def iro_statistics(context: dg.AssetExecutionContext, cpb: CpbResource):
    """Read, pseudonymise and validate the month's workbook; write both tables in one transaction."""
    month = context.partition_key
    period_end = month_end(month)
    folder = cpb.profile.paths.iro_statistics
    loaded = load_month(folder, month, cpb.pseudonym_key(context.log), lcs_persons(cpb.warehouse, period_end))
    for outcome in loaded.outcomes:
        yield check_result(_key(outcome.table), outcome)
    failures = loaded.blocking_failures()
    if failures:
        raise blocking_failure(failures, f"IRO statistics workbook {month}")
    tables = {
        f"staging.{spec.table}": Typed(loaded.staged(spec.table), [(n, t) for n, t, _ in staged_columns(spec)])
        for spec in SHEETS
    }
    cpb.warehouse.replace_partitions(tables, "period_end", period_end)
    for spec in SHEETS:
        yield dg.MaterializeResult(
            asset_key=_key(spec.table),
            metadata=table_metadata(
                staged_columns(spec),
                rows=len(tables[f"staging.{spec.table}"].frame),
                source_file=dg.MetadataValue.path(str(workbook_path(folder, month))),
            ),
        )
