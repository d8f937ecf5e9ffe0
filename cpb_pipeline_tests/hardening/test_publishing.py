"""Readers are never blocked, failed and killed runs lose nothing, refreshes are idempotent, and every reader
(DuckDB 1.4 and later, Parquet) reads what was published."""

import datetime as dt
import hashlib
import json
import os
import random
import subprocess

import duckdb
import pandas as pd
import pytest

from cpb_pipeline.domain.profile import REPO_ROOT
from cpb_pipeline.domain.tables import MARTS, TABLES
from cpb_pipeline.publish.warehouse import (
    STORAGE_VERSION,
    parquet_link,
    parquet_versions,
    publish,
    temporary_files,
)
from cpb_pipeline.runtime.store import WarehouseStore
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


def _parquet_set(warehouse):
    """Where the `parquet` link points and the digest of every file a reader finds through it."""
    link = parquet_link(warehouse)
    return os.readlink(link), {path.name: _digest(path) for path in sorted(link.iterdir())}


def _assert_parquet_matches(warehouse):
    """One Parquet file per mart in the registry, none for staging or reference, each holding its table's rows."""
    files = {path.stem for path in parquet_link(warehouse).iterdir()}
    assert files == {table.name for table in MARTS}
    assert not files & {table.name for table in TABLES if table.schema != "marts"}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for name in sorted(files):
            table = con.execute(f"SELECT * FROM marts.{name} ORDER BY ALL").df()
            parquet = con.execute(f"SELECT * FROM read_parquet('{parquet_link(warehouse) / name}.parquet') ORDER BY ALL").df()
            pd.testing.assert_frame_equal(parquet, table, obj=name)


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
    published, parquet = _digest(_published(authority)), _parquet_set(_published(authority))
    kill_at(authority, "2019-08", "publish_before_rename")
    # the old file and the old Parquet set, untouched; the killed run's new ones are written but unseen
    assert _digest(_published(authority)) == published
    assert _parquet_set(_published(authority)) == parquet
    assert temporary_files(_published(authority))
    assert len(list(parquet_versions(_published(authority)).iterdir())) == 2
    assert refresh(authority, "2019-08").returncode == 0
    assert not temporary_files(_published(authority))
    assert _months(_published(authority)) == ["2019-07-31", "2019-08-31"]
    _assert_parquet_matches(_published(authority))
    # the current set and the one before it (a reader may be in it) are kept; the killed run's is gone
    current, _ = _parquet_set(_published(authority))
    assert {p.name for p in parquet_versions(_published(authority)).iterdir()} == {os.path.basename(current),
                                                                                  os.path.basename(parquet[0])}


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


def test_every_mart_is_published_as_parquet_holding_the_same_rows_as_the_duckdb_file(demo_pipeline):
    warehouse = demo_pipeline.profile.paths.warehouse
    _assert_parquet_matches(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        empty = [t.name for t in MARTS if con.execute(f"SELECT count(*) FROM {t.qualified}").fetchone()[0] == 0]
    assert empty == [], "the demo should fill every mart, or the comparison proves little"


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


def test_a_plain_parquet_folder_is_moved_aside_and_only_the_last_two_sets_are_kept(tmp_path):
    store = WarehouseStore(tmp_path / ".work" / "cpb.duckdb")
    with store.connect() as con:
        con.execute("CREATE SCHEMA marts")
        con.execute("CREATE TABLE marts.indicator_monthly AS SELECT DATE '2019-08-31' AS period_end, 1.5::DOUBLE AS value")
    target = tmp_path / "cpb.duckdb"
    plain = parquet_link(target)
    plain.mkdir()
    (plain / "indicator_monthly.parquet").write_text("from before the link")

    first = publish(store, target, "run-1")
    assert parquet_link(target).is_symlink() and parquet_link(target).resolve() == first.parquet.resolve()
    with duckdb.connect(str(target), read_only=True) as con:
        assert con.execute(f"SELECT * FROM '{parquet_link(target)}/*.parquet'").fetchall() == [(dt.date(2019, 8, 31), 1.5)]
    moved = [p for p in parquet_versions(target).iterdir() if p != first.parquet]
    assert [(p / "indicator_monthly.parquet").read_text() for p in moved] == ["from before the link"]

    second = publish(store, target, "run-2")
    third = publish(store, target, "run-3")
    assert sorted(parquet_versions(target).iterdir()) == [second.parquet, third.parquet]
    assert parquet_link(target).resolve() == third.parquet.resolve()
    assert not temporary_files(target)


def test_a_working_database_in_duckdbs_newest_format_is_rewritten_so_duckdb_1_4_opens_the_copy(tmp_path):
    """Working databases are created in the 1.4 format, so publishing is a file copy; one an older release made in
    DuckDB 2.0's own format is rewritten instead (a byte copy would keep a format DuckDB 1.4 refuses)."""
    python = REPO_ROOT / ".venv-duckdb14" / "bin" / "python"
    if not python.exists():
        pytest.fail(f"{python} is missing: run `make test`, which creates the DuckDB 1.4 interpreter")
    for name, config in (("created_here", None), ("made_by_duckdb_2", {})):
        working = tmp_path / name / ".work" / "cpb.duckdb"
        working.parent.mkdir(parents=True)
        if config is not None:  # as an older release created it: DuckDB 2.0's default format
            with duckdb.connect(str(working), config=config) as con:
                con.execute("CREATE SCHEMA marts")
        store = WarehouseStore(working)
        with store.connect() as con:
            con.execute("CREATE SCHEMA IF NOT EXISTS marts")
            con.execute("CREATE TABLE marts.indicator_monthly AS SELECT DATE '2019-08-31' AS period_end, 2.5 AS value")
        target = tmp_path / name / "cpb.duckdb"
        publish(store, target, f"run-{name}")
        done = subprocess.run([str(python), read_warehouse.__file__, str(target)], capture_output=True, text=True,
                              timeout=120)  # fmt: skip
        assert done.returncode == 0, (name, done.stderr)
        assert json.loads(done.stdout)["tables"]["indicator_monthly"][0] == 1
    header = (tmp_path / "made_by_duckdb_2" / ".work" / "cpb.duckdb").read_bytes()[12:20]
    assert int.from_bytes(header, "little") > 67  # the test did start from DuckDB 2.0's own format
