"""Lineage tells the truth: a change to an earlier month marks the later months that read it stale in the UI.

Two months are refreshed, July's extract is then re-delivered with a child leaving care and July is refreshed
again. The UI (its GraphQL API, which draws the asset graph) must show August's board outputs and comparison
stale, because they show 13 months of figures and July's changed, while July itself is fresh.
"""

from __future__ import annotations

import os
import shutil

import dagster as dg
import pytest

from cpb_pipeline.definitions import definitions_for
from cpb_pipeline.domain.profile import REPO_ROOT
from cpb_pipeline.jobs import MONTHLY_REFRESH
from cpb_pipeline_tests.conftest import Authority
from cpb_pipeline_tests.lcs_fixtures import minimal_extract
from cpb_pipeline_tests.ui.server import DagsterDev

STALE = """query ($path: [String!]!, $partitions: [String!]) {
  assetNodeOrError(assetKey: {path: $path}) { ... on AssetNode {
    staleStatusByPartition(partitions: $partitions)
    staleCausesByPartition(partitions: $partitions) { reason key { path } partitionKey dependency { path } }
  } } }"""


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    home = tmp_path_factory.mktemp("dagster_home")
    shutil.copy(REPO_ROOT / "dagster.yaml", home / "dagster.yaml")
    with pytest.MonkeyPatch.context() as patch:
        authority = Authority(tmp_path_factory.mktemp("authority"), patch)
        instance = dg.DagsterInstance.from_config(str(home))
        job = definitions_for(authority.profile_path).resolve_job_def(MONTHLY_REFRESH)

        def refresh(month: str) -> None:
            result = job.execute_in_process(partition_key=month, instance=instance, raise_on_error=False,
                                            run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}})
            assert result.success, month

        for month in ("2019-07", "2019-08"):
            authority.write_month(month)
            refresh(month)
        tables = minimal_extract()
        tables["ssd_cla_episodes"][0]["clae_cla_episode_ceased_date"] = "2019-07-20"
        tables["ssd_cla_episodes"][0]["clae_cla_episode_ceased_reason"] = "E11"
        authority.write_month("2019-07", tables)
        refresh("2019-07")
        instance.dispose()
        env = {**os.environ, "DAGSTER_HOME": str(home), "CPB_CONFIG": str(authority.profile_path)}
        server = DagsterDev(env, home / "dagster-dev.log")
        try:
            server.wait_ready()
            yield server
        finally:
            server.stop()


def _stale(ui, key: str, month: str) -> tuple[str, list[dict]]:
    node = ui.graphql(STALE, {"path": key.split("/"), "partitions": [month]})["assetNodeOrError"]
    return node["staleStatusByPartition"][0], node["staleCausesByPartition"][0]


@pytest.mark.parametrize("key", ["outputs/board_pack", "outputs/board_report", "marts/benchmark_comparison"])
def test_a_later_month_that_shows_the_changed_month_is_stale(refreshed, key):
    status, causes = _stale(refreshed, key, "2019-08")
    assert status == "STALE", causes
    # only the changed month's figures: tables rewritten with the same rows do not count as a change
    assert [("/".join(c["key"]["path"]), c["partitionKey"], c["reason"]) for c in causes] == [
        ("marts/indicator_monthly", "2019-07", "has a new data version")
    ]


def test_the_refreshed_month_itself_is_fresh(refreshed):
    for key in ("outputs/board_pack", "marts/indicator_monthly", "marts/benchmark_comparison"):
        status, causes = _stale(refreshed, key, "2019-07")
        assert status == "FRESH", (key, causes)
