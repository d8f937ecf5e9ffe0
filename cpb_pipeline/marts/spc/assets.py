"""marts.indicator_spc: a thin asset over compute.py, with the blocking checks of checks.py."""

import dagster as dg

from cpb_pipeline.domain import tables
from cpb_pipeline.domain.calendar import month_end, month_ends_back
from cpb_pipeline.domain.tables import data_version
from cpb_pipeline.marts.spc.checks import CHECKS, spc_findings
from cpb_pipeline.marts.spc.compute import MONTHLY_COLUMNS, spc_rows
from cpb_pipeline.marts.spc.method import WINDOW_MONTHS
from cpb_pipeline.runtime.checks import CheckOutcome, blocking_failure, check_result
from cpb_pipeline.runtime.resources import CpbResource

SPC, MONTHLY = tables.INDICATOR_SPC, tables.INDICATOR_MONTHLY

SPC_WINDOW = dg.TimeWindowPartitionMapping(start_offset=-(WINDOW_MONTHS - 1), allow_nonexistent_upstream_partitions=True)
"""A report month's charts read its own figures and the 23 months before (those the warehouse holds)."""


def indicator_spc(partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    @dg.asset(
        key=SPC.key,
        deps=[dg.AssetDep(MONTHLY.key, partition_mapping=SPC_WINDOW)],
        partitions_def=partitions,
        group_name="marts",
        kinds={"duckdb"},
        description="Statistical process control (XmR, NHS England's Making Data Count) of every monthly series, one "
        "row per point of each chart drawn for a report month: the last 24 months held (12 at least), their mean, "
        "process limits, the rules marking each point, its variation and the chart's assurance against the profile's "
        "target. The authority's chart of every indicator; a district's only where none of its points would be "
        "suppressed in the published board (districts are in the warehouse only: the board shows the authority's).",
        metadata=SPC.metadata(),
        check_specs=[
            dg.AssetCheckSpec(check.name, asset=SPC.key, blocking=check.blocking, partitions_def=partitions,
                              description=check.description)
            for check in CHECKS
        ],
    )
    def indicator_spc(context: dg.AssetExecutionContext, cpb: CpbResource):
        report_month = month_end(context.partition_key)
        monthly = cpb.warehouse.query(
            f"SELECT {', '.join(MONTHLY_COLUMNS)} FROM {MONTHLY.qualified} WHERE period_end BETWEEN $first AND $last",
            {"first": month_ends_back(report_month, WINDOW_MONTHS)[0], "last": report_month},
        )
        monthly["period_end"] = monthly["period_end"].dt.date
        frame = spc_rows(monthly, report_month, cpb.profile)
        findings = spc_findings(frame)
        outcomes = [CheckOutcome(c.table, c.name, c.blocking, findings[c.name], len(frame)) for c in CHECKS]
        for outcome in outcomes:
            yield check_result(SPC.key, outcome)
        failed = [o for o in outcomes if o.blocking and not o.passed]
        if failed:
            raise blocking_failure(failed, f"SPC for {context.partition_key}")
        cpb.warehouse.replace_partitions({SPC.qualified: SPC.typed(frame)}, "report_month", report_month)
        yield dg.MaterializeResult(
            asset_key=SPC.key,
            data_version=data_version(frame),
            metadata=SPC.metadata(len(frame), charts=dg.MetadataValue.int(len(frame.groupby(["indicator_id", "area"])))),
        )

    return indicator_spc
