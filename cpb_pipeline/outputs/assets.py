"""Dagster wiring for the board outputs: the pack (Excel) and the report (HTML and PDF), each month.

Both read the month's marts once (`load_board_data`), take the run's check
results from the instance, and write the INTERNAL and the PUBLISHED versions
into `<paths.outputs>/YYYY-MM/` (contracts §8), every file through a temporary
name renamed into place.
"""

import dagster as dg

from cpb_pipeline.metadata import OWNERS
from cpb_pipeline.outputs.build import write_board_packs, write_board_reports
from cpb_pipeline.outputs.data import BoardData, load_board_data
from cpb_pipeline.outputs.run_checks import run_check_records
from cpb_pipeline.partitions import monthly_partitions
from cpb_pipeline.resources import CpbResource

BOARD_PACK = dg.AssetKey(["outputs", "board_pack"])
BOARD_REPORT = dg.AssetKey(["outputs", "board_report"])

MART_DEPS = [
    dg.AssetKey(["marts", "indicator_monthly"]),
    dg.AssetKey(["marts", "benchmark_comparison"]),
    dg.AssetKey(["marts", "benchmark_series"]),
    dg.AssetKey(["marts", "indicator_catalogue"]),
    dg.AssetKey(["marts", "action_plan_summary"]),
    dg.AssetKey(["marts", "action_plan_exceptions"]),
    dg.AssetKey(["marts", "action_plan_changes"]),
]
IRO_DEPS = [dg.AssetKey(["marts", "iro_challenges_monthly"])]
"""The IRO mart read beyond marts.indicator_monthly (challenges raised in the month by type and category)."""


_LOADED: dict[tuple[str, str], BoardData] = {}
"""The month's data, read once per run for both outputs."""


def _board_data(context: dg.AssetExecutionContext, cpb: CpbResource) -> BoardData:
    key = (context.run.run_id, context.partition_key)
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = _load(context, cpb)
    return _LOADED[key]


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


@dg.asset(
    key=BOARD_PACK,
    deps=[*MART_DEPS, *IRO_DEPS],
    partitions_def=monthly_partitions,
    group_name="outputs",
    kinds={"excel"},
    owners=OWNERS,
    description="The board pack workbook, board_pack_YYYY-MM.xlsx and its _published version (small numbers "
    "suppressed): contents, one sheet per indicator as the Monthly Performance Report lays it out (13 months "
    "by district with a trend, the 31 March series beside the comparators, a line chart, definition, note and "
    "draft commentary), the action plan, the IRO summary and the run's data quality checks.",
)
def board_pack(context: dg.AssetExecutionContext, cpb: CpbResource) -> dg.MaterializeResult:
    data = _board_data(context, cpb)
    files = {f.version: f for f in write_board_packs(data, cpb.profile.paths.outputs)}
    internal, published = files["INTERNAL"], files["PUBLISHED"]
    return dg.MaterializeResult(
        metadata={
            "internal": dg.MetadataValue.path(str(internal.path)),
            "published": dg.MetadataValue.path(str(published.path)),
            "sheets": dg.MetadataValue.int(internal.sheets),
            "published_sheets": dg.MetadataValue.int(published.sheets),
            "checks_listed": dg.MetadataValue.int(len(data.checks)),
            "missing_tables": dg.MetadataValue.json(list(data.notes)),
        }
    )


@dg.asset(
    key=BOARD_REPORT,
    deps=[*MART_DEPS, *IRO_DEPS],
    partitions_def=monthly_partitions,
    group_name="outputs",
    kinds={"html", "pdf"},
    owners=OWNERS,
    description="The board report, board_report_YYYY-MM.html (one self-contained file: inline CSS and SVG charts, "
    "nothing loaded from elsewhere) and its PDF (WeasyPrint, A4 landscape), each with a _published version "
    "(small numbers suppressed).",
)
def board_report(context: dg.AssetExecutionContext, cpb: CpbResource) -> dg.MaterializeResult:
    data = _board_data(context, cpb)
    files = {f.version: f for f in write_board_reports(data, cpb.profile.paths.outputs)}
    metadata: dict[str, object] = {"checks_listed": dg.MetadataValue.int(len(data.checks))}
    for version, prefix in (("INTERNAL", "internal"), ("PUBLISHED", "published")):
        report = files[version]
        metadata[f"{prefix}_html"] = dg.MetadataValue.path(str(report.html))
        if report.pdf is not None:
            metadata[f"{prefix}_pdf"] = dg.MetadataValue.path(str(report.pdf))
            metadata[f"{prefix}_pdf_pages"] = dg.MetadataValue.int(report.pdf_pages or 0)
        else:
            metadata[f"{prefix}_pdf"] = dg.MetadataValue.text(f"skipped: {report.pdf_skipped}")
            context.log.warning(f"No {prefix} PDF: {report.pdf_skipped}")
    metadata["missing_tables"] = dg.MetadataValue.json(list(data.notes))
    return dg.MaterializeResult(metadata=metadata)
