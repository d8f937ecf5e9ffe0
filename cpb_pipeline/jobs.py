"""The monthly refresh: every asset for one month end, run in one process.

In-process execution keeps a month to seconds (the multiprocess executor pays
several seconds of imports per step), and DuckDB allows one writer anyway.
"""

import dagster as dg

from cpb_pipeline.profile import profile_path

MONTHLY_REFRESH = "monthly_refresh"
FRESHNESS_CHECK = dg.AssetCheckKey(dg.AssetKey(["warehouse", "published"]), "latest_month_fresh")

monthly_refresh = dg.define_asset_job(
    MONTHLY_REFRESH,
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("sources") - dg.AssetSelection.checks(FRESHNESS_CHECK),
    executor_def=dg.in_process_executor,
    tags={"cpb/authority": str(profile_path())},  # a regional instance runs one refresh per authority at a time
    description="Refresh one month end: stage the LCS extract, IRO workbook and action plan, "
    "compute the marts and benchmarks, build the board outputs and publish the warehouse.",
)
