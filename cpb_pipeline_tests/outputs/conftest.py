"""Build the hand-made warehouse once and run the two output assets on it through Dagster (one run, with a check).

Every test of the written files reads what this one run wrote, so the PDFs are printed once per session.
"""

from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from cpb_pipeline.domain.profile import Profile
from cpb_pipeline.outputs.assets import board_outputs
from cpb_pipeline.outputs.data import BoardData, load_board_data
from cpb_pipeline.runtime.resources import CpbResource
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline_tests.conftest import PARTITIONS
from cpb_pipeline_tests.outputs.warehouse import MONTH, build_warehouse

CHECKED = dg.AssetKey(["marts", "indicator_monthly"])


@dg.asset(
    key=CHECKED,
    partitions_def=PARTITIONS,
    check_specs=[
        dg.AssetCheckSpec("areas_complete", asset=CHECKED, blocking=True),
        dg.AssetCheckSpec("no_team", asset=CHECKED, description="children with no team"),
    ],
)
def stand_in_indicator_monthly():
    """Stands in for the real mart (already in the test warehouse): it only reports two check results."""
    yield dg.MaterializeResult()
    yield dg.AssetCheckResult(check_name="areas_complete", passed=True, severity=dg.AssetCheckSeverity.ERROR,
                              metadata={"rows_checked": 120, "failing_rows": 0})  # fmt: skip
    yield dg.AssetCheckResult(
        check_name="no_team", passed=False, severity=dg.AssetCheckSeverity.WARN,
        metadata={"rows_checked": 400, "failing_rows": 3,
                  "findings_json": dg.MetadataValue.json([{"file": "ssd_involvements.csv", "sheet": None,
                                                           "column": "invo_professional_team", "rule": "team not found",
                                                           "count": 3, "rows": [4, 9, 12]}])},
        description="ssd_involvements.csv rows 4, 9, 12, column invo_professional_team: team not found (T-0042)",
    )  # fmt: skip


@dataclass
class Built:
    root: Path
    profile: Profile
    data: BoardData
    result: dg.ExecuteInProcessResult
    instance: dg.DagsterInstance

    @property
    def folder(self) -> Path:
        return self.profile.paths.outputs / MONTH

    def file(self, name: str) -> Path:
        return self.folder / name

    def metadata(self, key: list[str]) -> dict:
        for event in self.result.get_asset_materialization_events():
            materialization = event.step_materialization_data.materialization
            if materialization.asset_key == dg.AssetKey(key):
                return dict(materialization.metadata)
        return {}

    def monthly(self) -> pd.DataFrame:
        return self.data.monthly


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("board")
    (root / "in").mkdir()
    profile = build_warehouse(root)
    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize(
        [stand_in_indicator_monthly, board_outputs(PARTITIONS)],
        partition_key=MONTH,
        instance=instance,
        resources={"cpb": CpbResource(profile_path=str(root / "authority.yaml"))},
        raise_on_error=True,
    )
    data = load_board_data(WarehouseStore(profile.working_database), profile, MONTH)
    return Built(root, profile, data, result, instance)

