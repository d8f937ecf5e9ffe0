"""The monthly refresh: every asset for one month end, run in one process.

In-process execution keeps a month to seconds (the multiprocess executor pays
several seconds of imports per step), and DuckDB allows one writer anyway.
"""

import dagster as dg

from cpb_pipeline.domain.profile import Profile
from cpb_pipeline.domain.tables import PUBLISHED_WAREHOUSE
from cpb_pipeline.runtime import run_tags

MONTHLY_REFRESH = "monthly_refresh"
FRESHNESS_CHECK = dg.AssetCheckKey(PUBLISHED_WAREHOUSE, "latest_month_fresh")


def monthly_refresh(profile: Profile):
    return dg.define_asset_job(
        MONTHLY_REFRESH,
        selection=dg.AssetSelection.all() - dg.AssetSelection.groups("sources") - dg.AssetSelection.checks(FRESHNESS_CHECK),
        executor_def=dg.in_process_executor,
        tags={run_tags.AUTHORITY: profile.authority.name},
        description="Refresh one month end: stage the LCS extract, IRO workbook and action plan, "
        "compute the marts and benchmarks, build the board outputs and publish the warehouse.",
    )
