"""A fictional authority in another region refreshes end to end from the CLI and names its own region everywhere."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest
from openpyxl import load_workbook

from cpb_pipeline.demo.synthetic import MARLOWSHIRE, write_authority
from cpb_pipeline.domain.profile import load_profile
from cpb_pipeline_tests.synthetic.conftest import five_months

OTHER_REGION = "North West"  # the demo's region: it must appear nowhere in this authority's outputs


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    authority = five_months(MARLOWSHIRE)
    root = tmp_path_factory.mktemp("marlowshire")
    profile_path = write_authority(authority, root / "inputs")
    env = {**os.environ, "CPB_CONFIG": str(profile_path), "DAGSTER_HOME": str(root / "dagster_home")}
    env.pop("CPB_PSEUDONYM_KEY", None)
    done = subprocess.run([sys.executable, "-m", "cpb_pipeline", "backfill", "--from", authority.first_month,
                           "--to", authority.last_month], capture_output=True, text=True, env=env, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return authority, load_profile(profile_path)


def test_every_month_is_published(refreshed):
    authority, profile = refreshed
    with duckdb.connect(str(profile.paths.warehouse), read_only=True) as con:
        months = [str(r[0]) for r in con.execute("SELECT DISTINCT period_end FROM marts.indicator_monthly ORDER BY 1").fetchall()]
        comparators = {r[0] for r in con.execute("SELECT DISTINCT comparator FROM marts.benchmark_comparison "
                                                 "WHERE comparator IS NOT NULL").fetchall()}  # fmt: skip
        catalogue = {r[0] for r in con.execute("SELECT DISTINCT comparators FROM marts.indicator_catalogue").fetchall()}
    assert months == ["2019-04-30", "2019-05-31", "2019-06-30", "2019-07-31", "2019-08-31"]
    assert comparators == {"West Midlands", "England", "Statistical neighbours"} and authority.region == "West Midlands"
    assert "West Midlands;England;Statistical neighbours" in catalogue


def test_the_outputs_name_its_region_and_never_the_north_west(refreshed):
    authority, profile = refreshed
    folder = profile.paths.outputs / authority.last_month
    for version in ("", "_published"):
        html = (folder / f"board_report_{authority.last_month}{version}.html").read_text(encoding="utf-8")
        assert "the West Midlands (" in html and OTHER_REGION not in html
        assert all(name in html for name in authority.statistical_neighbours)
        book = load_workbook(folder / f"board_pack_{authority.last_month}{version}.xlsx", read_only=True)
        text = " ".join(str(cell) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for cell in row
                        if cell is not None)  # fmt: skip
        book.close()
        assert "West Midlands" in text and OTHER_REGION not in text
