"""Shared test fixtures: a small authority profile in a temporary folder, and runs on an ephemeral Dagster instance."""

from __future__ import annotations

import functools
import shutil
import tempfile
from pathlib import Path

import dagster as dg
import pytest

from cpb_pipeline.domain.calendar import months_between
from cpb_pipeline.domain.profile import REPO_ROOT
from cpb_pipeline.runtime.partitions import monthly_partitions
from cpb_pipeline.sources.assets import source_specs
from cpb_pipeline.staging.iro import iro_staging
from cpb_pipeline.staging.lcs import lcs_staging
from cpb_pipeline_tests.lcs_fixtures import minimal_extract, write_extract


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (`make test` runs `-n auto --dist loadgroup`), keep every test that shares an expensive
    session fixture (the demo refreshed through Dagster, the board outputs, the fictional authorities) on one
    worker, so it is built once per run, and the tests of a module-scoped fixture together (unless the module is
    marked `spread`: its fixture is cheap beside its tests); the rest go anywhere."""
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        scopes = {name: defs[-1].scope for name, defs in (info.name2fixturedefs.items() if info else ()) if defs}
        shared = sorted(name for name, scope in scopes.items() if scope == "session" and not name.startswith(("tmp", "_")))
        if "demo_pipeline" in shared:
            item.add_marker(pytest.mark.xdist_group("demo_pipeline"))
        elif shared:
            item.add_marker(pytest.mark.xdist_group(shared[0]))
        elif "module" in scopes.values() and item.get_closest_marker("spread") is None:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


PARTITIONS = monthly_partitions("2018-04")
"""The test profiles' months, for tests that materialise a few assets without the whole code location."""
_SOURCES = {spec.key: spec for spec in source_specs(PARTITIONS)}
LCS_STEPS = [*[s for k, s in _SOURCES.items() if k.path[0] == "lcs"], lcs_staging(PARTITIONS)]
IRO_STEPS = [*[s for k, s in _SOURCES.items() if k.path[0] == "iro"], iro_staging(PARTITIONS)]

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
first_month: 2018-04
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
        """The month's LCS extract (the minimal one unless given) and a matching IRO workbook."""
        from cpb_pipeline_tests.iro.helpers import write_minimal_workbook

        write_minimal_workbook(self.root / "iro", month)
        return write_extract(self.root / "lcs" / month, tables or minimal_extract(), **kwargs)

    def run(self, month: str, *, outputs: bool = True) -> dg.ExecuteInProcessResult:
        """The monthly job for one month; `outputs=False` leaves out the board outputs (faster, same data)."""
        from cpb_pipeline.definitions import definitions_for
        from cpb_pipeline.jobs import MONTHLY_REFRESH

        job = definitions_for(self.profile_path).resolve_job_def(MONTHLY_REFRESH)
        keys = job.asset_layer.executable_asset_keys
        return job.execute_in_process(
            partition_key=month,
            instance=self.instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}},
            asset_selection=None if outputs else [k for k in keys if k.path[0] != "outputs"],
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


class DemoPipeline:
    """The demo authority in a temporary folder: inputs generated, every demo month refreshed through Dagster."""

    FIRST, LAST = "2018-04", "2019-08"

    def __init__(self, root: Path, instance: dg.DagsterInstance, profile_path: Path):
        self.root, self.instance, self.profile_path = root, instance, profile_path

    @property
    def profile(self):
        from cpb_pipeline.domain.profile import load_profile

        return load_profile(self.profile_path)

    def query(self, sql: str):
        import duckdb

        with duckdb.connect(str(self.profile.paths.warehouse), read_only=True) as con:
            return con.execute(sql).df()


@pytest.fixture(scope="session")
def demo_pipeline(tmp_path_factory: pytest.TempPathFactory) -> DemoPipeline:
    """Slow (about two minutes), so built once: the golden test, the privacy scan and the demo tests share it."""
    import os

    from cpb_pipeline.definitions import definitions_for
    from cpb_pipeline.demo import build_demo_inputs
    from cpb_pipeline.domain.profile import load_profile
    from cpb_pipeline.jobs import MONTHLY_REFRESH

    root = tmp_path_factory.mktemp("demo")
    (root / "reference").mkdir()
    shutil.copy(REPO_ROOT / "data" / "reference" / "benchmarks.csv", root / "reference" / "benchmarks.csv")
    profile_path = root / "authority.yaml"
    profile_path.write_text((REPO_ROOT / "data" / "authority.yaml").read_text())
    build_demo_inputs(load_profile(profile_path, require_inputs=False), DemoPipeline.FIRST, DemoPipeline.LAST)
    home = root / "dagster_home"
    home.mkdir()
    shutil.copy(REPO_ROOT / "dagster.yaml", home / "dagster.yaml")
    instance = dg.DagsterInstance.from_config(str(home))
    job = definitions_for(profile_path).resolve_job_def(MONTHLY_REFRESH)
    outputs = {k for k in job.asset_layer.asset_graph.get_all_asset_keys() if k.path[0] == "outputs"}
    without_outputs = [k for k in job.asset_layer.executable_asset_keys if k not in outputs]
    saved = os.environ.get("CPB_CONFIG")
    os.environ["CPB_CONFIG"] = str(profile_path)
    try:
        months = months_between(DemoPipeline.FIRST, DemoPipeline.LAST)
        for month in months:
            result = job.execute_in_process(
                partition_key=month,
                instance=instance,
                raise_on_error=False,
                run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}},
                asset_selection=None if month == months[-1] else without_outputs,
            )
            assert result.success, f"demo refresh of {month} failed"
    finally:
        if saved is None:
            os.environ.pop("CPB_CONFIG", None)
        else:
            os.environ["CPB_CONFIG"] = saved
    return DemoPipeline(root, instance, profile_path)
