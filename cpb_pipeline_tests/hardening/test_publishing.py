"""Readers are never blocked, failed and killed runs lose nothing, refreshes are idempotent, and every reader
(DuckDB 1.4 and later) reads what was published."""

import hashlib
import json
import random
import subprocess

import duckdb
import pytest

from cpb_pipeline.domain.profile import REPO_ROOT
from cpb_pipeline.domain.tables import MARTS
from cpb_pipeline.publish.warehouse import STORAGE_VERSION, temporary_files
from cpb_pipeline_tests.hardening import read_warehouse
from cpb_pipeline_tests.hardening.cli import Reader, kill_after, kill_at, refresh
from cpb_pipeline_tests.lcs_fixtures import minimal_extract


def _published(authority):
    return authority.root / "warehouse" / "cpb.duckdb"


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _months(path):
    with duckdb.connect(str(path), read_only=True) as con:
        return [str(r[0]) for r in con.execute("SELECT DISTINCT period_end FROM marts.indicator_monthly ORDER BY 1").fetchall()]


def test_a_reader_holding_the_warehouse_open_never_blocks_a_refresh(authority):
    authority.write_month("2019-07")
    authority.write_month("2019-08")
    assert refresh(authority, "2019-07").returncode == 0
    reader = Reader(_published(authority))
    try:
        assert reader.query("SELECT count(DISTINCT period_end) FROM marts.indicator_monthly") == "1"
        done = refresh(authority, "2019-08")
        assert done.returncode == 0, done.stderr
        # the open reader still sees the complete old file, never a half-written one
        assert reader.query("SELECT count(DISTINCT period_end) FROM marts.indicator_monthly") == "1"
        assert reader.query("SELECT count(*) FROM staging.ssd_person") == "3"
    finally:
        reader.close()
    assert _months(_published(authority)) == ["2019-07-31", "2019-08-31"]


def test_a_failed_run_leaves_the_published_warehouse_exactly_as_it_was(authority):
    authority.write_month("2019-08")
    assert refresh(authority, "2019-08").returncode == 0
    before = _digest(_published(authority))
    tables = minimal_extract()
    tables["ssd_cla_episodes"][0]["clae_cla_episode_start_reason"] = "Z"
    authority.write_month("2019-08", tables)
    failed = refresh(authority, "2019-08")
    assert failed.returncode == 1 and "code must be one of" in failed.stderr
    assert _digest(_published(authority)) == before


def test_killed_in_the_middle_of_a_write_then_the_next_refresh_completes(authority):
    authority.write_month("2019-08")
    assert refresh(authority, "2019-08").returncode == 0
    published = _digest(_published(authority))
    kill_at(authority, "2019-08", "write_before_commit")
    # the published file is untouched and the working database opens and holds the last committed state
    assert _digest(_published(authority)) == published
    assert authority.query("SELECT count(*) AS n FROM staging.ssd_person")["n"][0] == 3
    done = refresh(authority, "2019-08")
    assert done.returncode == 0, done.stderr
    assert "marked abandoned run" in done.stdout


def test_killed_while_publishing_leaves_the_old_file_and_a_temporary_that_is_cleared(authority):
    authority.write_month("2019-07")
    authority.write_month("2019-08")
    assert refresh(authority, "2019-07").returncode == 0
    published = _digest(_published(authority))
    kill_at(authority, "2019-08", "publish_before_rename")
    assert _digest(_published(authority)) == published
    assert temporary_files(_published(authority))
    assert refresh(authority, "2019-08").returncode == 0
    assert not temporary_files(_published(authority))
    assert _months(_published(authority)) == ["2019-07-31", "2019-08-31"]


def test_killed_at_random_moments_and_still_consistent(authority):
    authority.write_month("2019-08")
    rng = random.Random(7)
    for _ in range(4):
        kill_after(authority, "2019-08", rng.uniform(1.0, 6.0))
        if _published(authority).exists():
            assert _months(_published(authority)) == ["2019-08-31"]
    done = refresh(authority, "2019-08")
    assert done.returncode == 0, done.stderr
    assert authority.query("SELECT count(*) AS n FROM staging.ssd_person")["n"][0] == 3


def test_refreshing_twice_gives_identical_marts_and_a_redelivery_replaces_its_month(authority):
    authority.write_month("2019-08")
    assert authority.run("2019-08").success
    first = {t: authority.query(f"SELECT * FROM marts.{t} ORDER BY ALL") for t in ("indicator_monthly", "benchmark_comparison")}
    assert authority.run("2019-08").success
    for table, frame in first.items():
        assert authority.query(f"SELECT * FROM marts.{table} ORDER BY ALL").equals(frame), table

    tables = minimal_extract()
    tables["ssd_cla_episodes"][0]["clae_cla_episode_ceased_date"] = "2019-08-15"
    tables["ssd_cla_episodes"][0]["clae_cla_episode_ceased_reason"] = "E11"
    authority.write_month("2019-08", tables)
    assert authority.run("2019-08").success
    cla = authority.query("SELECT value FROM marts.indicator_monthly WHERE indicator_id = 'cla' AND area_type = 'authority'")
    assert list(cla["value"]) == [0.0]
    assert authority.query("SELECT count(*) AS n FROM staging.ssd_cla_episodes")["n"][0] == 1


@pytest.mark.parametrize("version", ["1.4", "1.5"])
def test_older_duckdb_opens_the_published_warehouse_and_reads_what_duckdb_2_reads(demo_pipeline, version):
    python = REPO_ROOT / f".venv-duckdb{version.replace('.', '')}" / "bin" / "python"
    if not python.exists():
        pytest.fail(f"{python} is missing: run `make test`, which creates the DuckDB {version} interpreter")
    warehouse = str(demo_pipeline.profile.paths.warehouse)
    done = subprocess.run([str(python), read_warehouse.__file__, warehouse], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    old = json.loads(done.stdout)
    assert old.pop("duckdb").startswith(version)
    new = read_warehouse.read(warehouse)
    new.pop("duckdb")
    assert old == new
    assert old["storage_version"] == STORAGE_VERSION
    assert set(old["tables"]) == {t.name for t in MARTS}
