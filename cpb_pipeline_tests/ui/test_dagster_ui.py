"""The Dagster UI tells the story: lineage from the files to the outputs, automation on, the graph drawn."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib

import pytest

from cpb_pipeline.domain.profile import REPO_ROOT
from cpb_pipeline_tests.conftest import PROFILE
from cpb_pipeline_tests.ui.server import DagsterDev

ASSETS = """{ assetNodes { assetKey { path } groupName dependencyKeys { path } } }"""
AUTOMATION = """{ repositoriesOrError { ... on RepositoryConnection { nodes {
    sensors { name sensorState { status } }
    schedules { name scheduleState { status } } } } } }"""


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    home = tmp_path_factory.mktemp("dagster_home")
    shutil.copy(REPO_ROOT / "dagster.yaml", home / "dagster.yaml")
    # an authority with no deliveries, so the running sensor and schedules have nothing to launch
    authority = tmp_path_factory.mktemp("authority")
    for folder in ("lcs", "iro", "action_plan", "reference"):
        (authority / folder).mkdir()
    (authority / "authority.yaml").write_text(PROFILE.format(demo="true"))
    env = {**os.environ, "DAGSTER_HOME": str(home), "CPB_CONFIG": str(authority / "authority.yaml")}
    server = DagsterDev(env, home / "dagster-dev.log")
    try:
        server.wait_ready()
        server.graphql("mutation { setNuxSeen }")
        yield server
    finally:
        server.stop()


def _graph(ui) -> dict[str, set[str]]:
    nodes = ui.graphql(ASSETS)["assetNodes"]
    return {"/".join(n["assetKey"]["path"]): {"/".join(d["path"]) for d in n["dependencyKeys"]} for n in nodes}


def _upstream(graph: dict[str, set[str]], key: str) -> set[str]:
    seen, todo = set(), [key]
    while todo:
        for parent in graph.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def test_lineage_runs_from_the_lcs_files_through_the_indicators_to_the_outputs(ui):
    graph = _graph(ui)
    assert "lcs/ssd_person" in graph["staging/ssd_person"]
    assert {"staging/ssd_cla_episodes", "staging/ssd_involvements"} <= graph["marts/indicator_monthly"]
    for output in ("outputs/board_pack", "outputs/board_report", "warehouse/published"):
        upstream = _upstream(graph, output)
        assert "marts/indicator_monthly" in upstream, output
        assert {f"lcs/{t}" for t in ("ssd_person", "ssd_cla_episodes", "ssd_cla_health")} <= upstream, output


def test_groups_follow_the_data(ui):
    groups = {"/".join(n["assetKey"]["path"]): n["groupName"] for n in ui.graphql(ASSETS)["assetNodes"]}
    assert groups["lcs/ssd_person"] == "sources"
    assert groups["staging/ssd_person"] == "staging"
    assert groups["marts/indicator_monthly"] == "marts"
    assert groups["marts/benchmark_comparison"] == "benchmarks"
    assert groups["outputs/board_pack"] == "outputs"


def test_sensor_and_schedules_are_on(ui):
    [repository] = ui.graphql(AUTOMATION)["repositoriesOrError"]["nodes"]
    sensors = {s["name"]: s["sensorState"]["status"] for s in repository["sensors"]}
    schedules = {s["name"]: s["scheduleState"]["status"] for s in repository["schedules"]}
    assert sensors == {"lcs_delivery_sensor": "RUNNING"}
    assert schedules["backstop_schedule"] == "RUNNING" and schedules["freshness_check_schedule"] == "RUNNING"


def _png_pixels_vary(path) -> bool:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    chunks, offset = [], 8
    while offset < len(data):
        length = struct.unpack(">I", data[offset:offset + 4])[0]
        kind = data[offset + 4:offset + 8]
        if kind == b"IDAT":
            chunks.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    return width > 0 and height > 0 and len(set(raw[::97])) > 20


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed (.ci/run installs Debian's package)")
def test_the_asset_graph_renders_in_a_browser(ui, tmp_path):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
             "--window-size=1600,1000", "--virtual-time-budget=25000"]
    page = f"{ui.url}/asset-groups"
    shot = tmp_path / "asset-groups.png"
    subprocess.run(["chromium", *flags, f"--screenshot={shot}", page], check=True, timeout=180, capture_output=True)
    dom = subprocess.run(["chromium", *flags, "--dump-dom", page], check=True, timeout=180, capture_output=True, text=True).stdout
    for group in ("sources", "staging", "marts", "benchmarks", "outputs"):
        assert dom.count(f">{group}<") >= 2, group  # in the navigation and as a node of the graph
    assert dom.count("<path") > 10  # the graph's edges
    assert _png_pixels_vary(shot)
