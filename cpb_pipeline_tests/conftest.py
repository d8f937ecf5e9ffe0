"""Shared test fixtures: a small authority profile in a temporary folder, and runs on an ephemeral Dagster instance."""

from __future__ import annotations

import functools
import shutil
import tempfile
from pathlib import Path

import dagster as dg
import pytest

from cpb_pipeline.calendar import months_between
from cpb_pipeline.profile import REPO_ROOT
from cpb_pipeline_tests.lcs_fixtures import minimal_extract, write_extract

PROFILE = """
authority: {{name: Testshire, la_code: "999", region: North West}}
child_population:
  - {{effective_from: 2018-04-01, count: 10000}}
  - {{effective_from: 2019-07-01, count: 20000}}
districts: [Lancaster, Preston]
other_area: Other areas
paths: {{lcs_extracts: lcs, iro_statistics: iro, action_plan: action_plan, reference: reference,
        warehouse: warehouse/cpb.duckdb, outputs: outputs}}
demo: {demo}
"""


class Authority:
    """A throwaway authority: profile, input folders and helpers to run the monthly job on it."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch):
        self.root = root
        for folder in ("lcs", "iro", "action_plan", "reference"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        for workbook in _demo_action_plan():
            shutil.copy(workbook, root / "action_plan" / workbook.name)
        reference = (REPO_ROOT / "data" / "reference" / "benchmarks.csv").read_text()
        (root / "reference" / "benchmarks.csv").write_text(reference.replace("Lancashire", "Testshire"))
        self.profile_path = root / "authority.yaml"
        self.profile_path.write_text(PROFILE.format(demo="true"))
        monkeypatch.setenv("CPB_CONFIG", str(self.profile_path))
        monkeypatch.delenv("CPB_PSEUDONYM_KEY", raising=False)
        self.instance = dg.DagsterInstance.ephemeral()

    def write_month(self, month: str, tables=None, **kwargs) -> Path:
        return write_extract(self.root / "lcs" / month, tables or minimal_extract(), **kwargs)

    def run(self, month: str, selection: str | None = None) -> dg.ExecuteInProcessResult:
        from cpb_pipeline.definitions import defs
        from cpb_pipeline.jobs import MONTHLY_REFRESH

        job = defs.resolve_job_def(MONTHLY_REFRESH)
        return job.execute_in_process(
            partition_key=month,
            instance=self.instance,
            raise_on_error=False,
            asset_selection=[dg.AssetKey.from_user_string(selection)] if selection else None,
        )

    @property
    def working_database(self) -> Path:
        return self.root / "warehouse" / ".work" / "cpb.duckdb"

    def query(self, sql: str):
        import duckdb

        with duckdb.connect(str(self.working_database), read_only=True) as con:
            return con.execute(sql).df()


@functools.cache
def _demo_action_plan() -> list[Path]:
    from cpb_pipeline.demo.action_plan.build import build_demo_workbooks

    return build_demo_workbooks(Path(tempfile.mkdtemp(prefix="cpb-action-plan-")))


@pytest.fixture
def authority(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Authority:
    return Authority(tmp_path, monkeypatch)


def months(first: str, last: str) -> list[str]:
    return months_between(first, last)
