"""The Dagster code location: sources -> staging -> marts -> benchmarks -> outputs."""

import warnings

import dagster as dg

warnings.filterwarnings("ignore", category=dg.PreviewWarning)
warnings.filterwarnings("ignore", category=dg.BetaWarning)

from cpb_pipeline.benchmarks.assets import (  # noqa: E402
    benchmark_comparison,
    benchmark_series,
    reference_benchmarks,
    reference_file,
)
from cpb_pipeline.jobs import monthly_refresh  # noqa: E402
from cpb_pipeline.marts.indicators.assets import indicator_catalogue, indicator_monthly  # noqa: E402
from cpb_pipeline.resources import CpbResource  # noqa: E402
from cpb_pipeline.sources.lcs.assets import lcs_extract, lcs_source_specs  # noqa: E402

defs = dg.Definitions(
    assets=[
        *lcs_source_specs,
        lcs_extract,
        indicator_catalogue,
        indicator_monthly,
        reference_file,
        reference_benchmarks,
        benchmark_series,
        benchmark_comparison,
    ],
    jobs=[monthly_refresh],
    resources={"cpb": CpbResource()},
)
