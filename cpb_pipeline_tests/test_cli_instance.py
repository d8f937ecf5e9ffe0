"""The CLI runs on the project's instance settings, and every monthly run names its authority."""

from __future__ import annotations

import subprocess
import sys

from cpb_pipeline.domain.profile import REPO_ROOT


def _cli(authority, home, *arguments):
    import os

    env = {**os.environ, "CPB_CONFIG": str(authority.profile_path), "DAGSTER_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "cpb_pipeline", *arguments], capture_output=True, text=True, env=env,
                          timeout=600)  # fmt: skip


def test_a_dagster_home_without_settings_gets_the_projects(authority, tmp_path):
    home = tmp_path / "new home"
    done = _cli(authority, home, "refresh", "--month", "2019-13")
    assert done.returncode == 2 and "2019-13" in done.stderr  # the month is refused; the settings are in place
    assert (home / "dagster.yaml").read_bytes() == (REPO_ROOT / "dagster.yaml").read_bytes()
    assert "Installed the project's Dagster instance settings" in done.stderr


def test_an_operators_own_settings_are_left_alone(authority, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    own = "telemetry:\n  enabled: false\n# the operator's own instance\n"
    (home / "dagster.yaml").write_text(own)
    done = _cli(authority, home, "refresh", "--month", "2019-13")
    assert done.returncode == 2 and "Installed" not in done.stderr
    assert (home / "dagster.yaml").read_text() == own


def test_monthly_runs_are_tagged_with_the_authoritys_name(authority):
    authority.write_month("2019-08")
    result = authority.run("2019-08", outputs=False)
    assert result.success
    assert result.dagster_run.tags["cpb/authority"] == "Testshire"


def test_a_backfill_prints_the_report_of_its_last_month_only(authority, tmp_path):
    for month in ("2019-07", "2019-08"):
        authority.write_month(month)
    done = _cli(authority, tmp_path / "home", "backfill", "--from", "2019-07", "--to", "2019-08")
    assert done.returncode == 0, done.stderr
    outputs = authority.root / "outputs"
    july, august = sorted(p.name for p in (outputs / "2019-07").iterdir()), sorted(p.name for p in (outputs / "2019-08").iterdir())
    assert july == ["board_pack_2019-07.xlsx", "board_pack_2019-07_published.xlsx", "board_report_2019-07.html",
                    "board_report_2019-07_published.html"]  # fmt: skip
    assert "board_report_2019-08.pdf" in august and "board_report_2019-08_published.pdf" in august
