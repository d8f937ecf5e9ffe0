"""The board outputs of a month: the pack (Excel) and the report (HTML and PDF), internal and published.

One multi-asset, so the month's data is read once and both outputs draw the same
two views, with nothing handed between steps in module state. It declares every
table it reads: the month's SPC charts, and the figures of every month those charts
reach (24 at most; the pages show 13 of them, and the published version checks all of
them for small numbers) as a window, so a change to an earlier month marks this month's
outputs stale in the UI.
"""

import dagster as dg

from cpb_pipeline.domain import tables
from cpb_pipeline.marts.spc.assets import SPC_WINDOW
from cpb_pipeline.outputs.build import board_views, write_board_packs, write_board_reports
from cpb_pipeline.outputs.data import BoardData, load_board_data
from cpb_pipeline.outputs.run_checks import run_check_records
from cpb_pipeline.runtime import run_tags
from cpb_pipeline.runtime.resources import CpbResource

READS = [
    dg.AssetDep(tables.INDICATOR_MONTHLY.key, partition_mapping=SPC_WINDOW),
    tables.INDICATOR_SPC.key,
    tables.BENCHMARK_COMPARISON.key,
    tables.BENCHMARK_SERIES.key,
    tables.INDICATOR_CATALOGUE.key,
    tables.ACTION_PLAN_SUMMARY.key,
    tables.ACTION_PLAN_EXCEPTIONS.key,
    tables.ACTION_PLAN_CHANGES.key,
    tables.IRO_CHALLENGES_MONTHLY.key,
]


def _load(context: dg.AssetExecutionContext, cpb: CpbResource) -> BoardData:
    checks = run_check_records(context.instance, context.run.run_id)
    data = load_board_data(cpb.warehouse, cpb.profile, context.partition_key, checks)
    for note in data.notes:
        context.log.warning(f"Board outputs for {context.partition_key}: {note}; that part is left out.")
    if data.action_plan.note:
        context.log.info(f"Action plan: {data.action_plan.note}")
    if data.iro.note:
        context.log.info(f"IRO breakdown left out: {data.iro.note}")
    return data


def board_outputs(partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    @dg.multi_asset(
        name="board_outputs",
        specs=[
            dg.AssetSpec(
                tables.BOARD_PACK, deps=READS, group_name="outputs", kinds={"excel"},
                description="The board pack workbook, board_pack_YYYY-MM.xlsx and its _published version (small "
                "numbers suppressed): contents, the SPC summary (every indicator's latest figure, variation and assurance), one sheet per "
                "indicator as the Monthly Performance Report lays it out (13 months by district with a trend, the 31 "
                "March series beside the comparators, the SPC chart, definition, note and draft commentary led by what "
                "SPC reads), the action plan, the IRO summary and the run's data quality checks.",
            ),
            dg.AssetSpec(
                tables.BOARD_REPORT, deps=READS, group_name="outputs", kinds={"html", "pdf"},
                description="The board report, board_report_YYYY-MM.html (one self-contained file: inline CSS and SVG "
                "charts, nothing loaded from elsewhere) and its PDF (A4 landscape), each with a _published version "
                "(small numbers suppressed).",
            ),
        ],
        partitions_def=partitions,
        can_subset=True,
    )
    def board_outputs(context: dg.AssetExecutionContext, cpb: CpbResource):
        data = _load(context, cpb)
        views = board_views(data)
        outputs = cpb.profile.paths.outputs
        if tables.BOARD_PACK in context.selected_asset_keys:
            files = {f.version: f for f in write_board_packs(views, outputs)}
            internal, published = files["INTERNAL"], files["PUBLISHED"]
            yield dg.MaterializeResult(
                asset_key=tables.BOARD_PACK,
                metadata={
                    "internal": dg.MetadataValue.path(str(internal.path)),
                    "published": dg.MetadataValue.path(str(published.path)),
                    "sheets": dg.MetadataValue.int(internal.sheets),
                    "published_sheets": dg.MetadataValue.int(published.sheets),
                    "checks_listed": dg.MetadataValue.int(len(data.checks)),
                    "missing_tables": dg.MetadataValue.json(list(data.notes)),
                },
            )
        if tables.BOARD_REPORT in context.selected_asset_keys:
            metadata: dict[str, object] = {"checks_listed": dg.MetadataValue.int(len(data.checks))}
            printing = context.run.tags.get(run_tags.PDF) != run_tags.SKIP_PDF
            for report in write_board_reports(views, outputs, pdf=printing):
                prefix = report.version.lower()
                metadata[f"{prefix}_html"] = dg.MetadataValue.path(str(report.html))
                if report.pdf is not None:
                    metadata[f"{prefix}_pdf"] = dg.MetadataValue.path(str(report.pdf))
                    metadata[f"{prefix}_pdf_pages"] = dg.MetadataValue.int(report.pdf_pages or 0)
                else:
                    metadata[f"{prefix}_pdf"] = dg.MetadataValue.text(f"skipped: {report.pdf_skipped}")
                    (context.log.warning if printing else context.log.info)(f"No {prefix} PDF: {report.pdf_skipped}")
            metadata["missing_tables"] = dg.MetadataValue.json(list(data.notes))
            yield dg.MaterializeResult(asset_key=tables.BOARD_REPORT, metadata=metadata)

    return board_outputs
