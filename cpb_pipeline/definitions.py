"""The Dagster code location of one authority: sources -> staging -> marts -> benchmarks -> outputs -> publish.

Everything is built from the authority's profile (`CPB_CONFIG`): the partitions
start at its first month, and the one resource carries its path to every asset,
sensor and schedule. Cross-cutting policy (the owning team) is applied here, once.
"""

import warnings
from functools import cache
from pathlib import Path

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
from cpb_pipeline.benchmarks.assets import benchmark_comparison, benchmark_series  # noqa: E402
from cpb_pipeline.domain.profile import Profile, load_profile, profile_path  # noqa: E402
from cpb_pipeline.jobs import monthly_refresh  # noqa: E402
from cpb_pipeline.marts.action_plan.assets import action_plan_marts  # noqa: E402
from cpb_pipeline.marts.indicators.assets import indicator_catalogue, indicator_monthly  # noqa: E402
from cpb_pipeline.marts.iro.assets import iro_marts  # noqa: E402
from cpb_pipeline.marts.spc.assets import indicator_spc  # noqa: E402
from cpb_pipeline.outputs.assets import board_outputs  # noqa: E402
from cpb_pipeline.publish.assets import published_warehouse  # noqa: E402
from cpb_pipeline.runtime.partitions import monthly_partitions  # noqa: E402
from cpb_pipeline.runtime.resources import CpbResource  # noqa: E402
from cpb_pipeline.sources.assets import source_specs  # noqa: E402
from cpb_pipeline.staging.iro import iro_staging  # noqa: E402
from cpb_pipeline.staging.lcs import lcs_staging  # noqa: E402
from cpb_pipeline.staging.reference import reference_benchmarks  # noqa: E402

OWNERS = ["team:childrens-bi"]


def build_definitions(profile: Profile) -> dg.Definitions:
    partitions = monthly_partitions(profile.first_month)
    steps = [
        lcs_staging(partitions),
        iro_staging(partitions),
        reference_benchmarks,
        indicator_catalogue,
        indicator_monthly(partitions),
        indicator_spc(partitions),
        *iro_marts(partitions),
        *action_plan_marts(partitions),
        benchmark_series,
        benchmark_comparison(partitions),
        board_outputs(partitions),
    ]
    publish = published_warehouse(partitions, [key for step in steps for key in step.keys])
    definitions = dg.Definitions(
        assets=[*source_specs(partitions), *steps, publish],
        asset_checks=[latest_month_fresh],
        jobs=[monthly_refresh(profile), freshness_job],
        sensors=[lcs_delivery_sensor],
        schedules=[backstop_schedule, freshness_schedule],
        resources={"cpb": CpbResource(profile_path=str(profile.source_file))},
    )
    return definitions.map_asset_specs(func=lambda spec: spec.replace_attributes(owners=OWNERS))


@cache
def _definitions_for(path: Path, first_month: str) -> dg.Definitions:
    return build_definitions(load_profile(path, require_inputs=False))


def definitions_for(path: Path | str | None = None) -> dg.Definitions:
    """The code location of the profile at `path` (default: `CPB_CONFIG`), built once per process."""
    profile = load_profile(path, require_inputs=False)
    return _definitions_for(profile.source_file, profile.first_month)


@dg.definitions
def defs() -> dg.Definitions:
    return definitions_for(profile_path())
