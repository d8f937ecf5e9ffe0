"""The delivered files as Dagster sees them: observable sources at the top of the lineage (group "sources").

Nothing here runs: the staging assets read these files and declare them as their upstream.
"""

import dagster as dg

from cpb_pipeline.domain import lcs, tables
from cpb_pipeline.domain.iro import FILE_PATTERN


def source_specs(partitions: dg.PartitionsDefinition) -> list[dg.AssetSpec]:
    def spec(key: dg.AssetKey, description: str, kind: str, partitioned: bool) -> dg.AssetSpec:
        return dg.AssetSpec(key, description=description, group_name="sources", kinds={kind},
                            partitions_def=partitions if partitioned else None)  # fmt: skip

    return [
        *[
            spec(tables.lcs_file_key(table.name), f"`{table.file_name}` in the month's LCS extract folder "
                 "(docs/lcs_extract.md), delivered on the first working day after month end.", "csv", True)
            for table in lcs.TABLES
        ],
        spec(tables.IRO_WORKBOOK, f"`{FILE_PATTERN.format(month='YYYY-MM')}` in the profile's iro_statistics folder "
             "(docs/iro.md), saved by the IRO service at each month end: sheet Challenges (every PR and MA raised in "
             "the 12 months to the month end) and sheet Staffing (the month-end FTE and children allocated).",
             "excel", True),
        spec(tables.ACTION_PLAN_WORKBOOKS, "Corporate Parenting Strategy delivery plan workbooks in paths.action_plan "
             "(docs/action_plan.md); the snapshot date is the YYYY-MM-DD in each file name.", "excel", False),
        spec(tables.BENCHMARKS_FILE, "`benchmarks.csv` in the profile's reference folder (docs/benchmarks.md): "
             "published comparator values.", "csv", False),
    ]
