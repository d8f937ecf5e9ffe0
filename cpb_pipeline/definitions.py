"""The Dagster code location: sources -> staging -> marts -> benchmarks -> outputs."""

import warnings

import dagster as dg

warnings.filterwarnings("ignore", category=dg.PreviewWarning)
warnings.filterwarnings("ignore", category=dg.BetaWarning)

from cpb_pipeline.automation.definitions import (  # noqa: E402
    backstop_schedule,
    freshness_job,
    freshness_schedule,
    latest_month_fresh,
    lcs_delivery_sensor,
)
from cpb_pipeline.benchmarks.assets import (  # noqa: E402
    benchmark_comparison,
    benchmark_series,
    reference_benchmarks,
    reference_file,
)
from cpb_pipeline.jobs import monthly_refresh  # noqa: E402
from cpb_pipeline.marts.action_plan.assets import (  # noqa: E402
    action_plan_actions,
    action_plan_changes,
    action_plan_exceptions,
    action_plan_summary,
    workbook_source,
)
from cpb_pipeline.marts.indicators.assets import indicator_catalogue, indicator_monthly  # noqa: E402
from cpb_pipeline.marts.iro.assets import iro_mart_assets  # noqa: E402
from cpb_pipeline.outputs.assets import board_pack, board_report  # noqa: E402
from cpb_pipeline.resources import CpbResource  # noqa: E402
from cpb_pipeline.sources.iro.assets import iro_source_specs, iro_statistics  # noqa: E402
from cpb_pipeline.sources.lcs.assets import lcs_extract, lcs_source_specs  # noqa: E402
from cpb_pipeline.warehouse.assets import build_published_warehouse  # noqa: E402

pipeline_assets = [
    *lcs_source_specs,
    lcs_extract,
    *iro_source_specs,
    iro_statistics,
    *iro_mart_assets,
    indicator_catalogue,
    indicator_monthly,
    reference_file,
    reference_benchmarks,
    benchmark_series,
    benchmark_comparison,
    workbook_source,
    action_plan_actions,
    action_plan_summary,
    action_plan_changes,
    action_plan_exceptions,
]
published_warehouse = build_published_warehouse(
    [key for a in pipeline_assets if isinstance(a, dg.AssetsDefinition) for key in a.keys]
)

defs = dg.Definitions(
    assets=[*pipeline_assets, published_warehouse, board_pack, board_report],
    asset_checks=[latest_month_fresh],
    jobs=[monthly_refresh, freshness_job],
    sensors=[lcs_delivery_sensor],
    schedules=[backstop_schedule, freshness_schedule],
    resources={"cpb": CpbResource()},
)
