"""Publishing the warehouse: a complete new file, and the marts as Parquet, swapped into place.

Downstream tools (Power BI, ODBC, notebooks, R) open `paths.warehouse`. The
pipeline never opens that file: it builds into the working database, and after
a run whose blocking checks all passed it copies the working database into a new
file beside the target (holding the working database's write lock, so the copy
is of one committed state) and renames it over the target. On POSIX a rename
is atomic, so a reader sees the old file or the new one, never half of either;
a reader that holds the old file open keeps reading it, and never blocks the
refresh. A crash part-way leaves only temporaries, removed next time.

The copy is in an older storage format (`runtime.store.STORAGE_VERSION`) that the
DuckDB embedded in R, the ODBC and JDBC drivers and BI tools can read. From the
same copy every mart is written as Parquet into a new version folder, and the
`parquet` link beside the warehouse is swapped to it just before the file's
rename, so the Parquet set and the DuckDB file always come from one state.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from cpb_pipeline.domain.tables import INDICATOR_MONTHLY, MARTS
from cpb_pipeline.runtime.faults import fault_point
from cpb_pipeline.runtime.store import STORAGE_VERSION, WarehouseStore, readable_by_duckdb_1_4, table_exists

SCHEMA_VERSION = "1.3"
"""Bumped with a version note in docs/warehouse.md whenever a promised table or column changes."""


PARQUET = "parquet"
"""The link beside the warehouse that Parquet readers open; it points at the current folder under `.parquet/`."""

_PUBLISHING = ".publishing-"


@dataclass(frozen=True)
class Publication:
    path: Path
    bytes: int
    tables: dict[str, int]
    latest_period_end: dt.date | None
    parquet: Path
    """The version folder the `parquet` link now points at."""
    storage_version: str


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sql_string(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def parquet_link(target: Path) -> Path:
    return target.parent / PARQUET


def parquet_versions(target: Path) -> Path:
    return target.parent / f".{PARQUET}"


def temporary_files(target: Path) -> list[Path]:
    """What a publish killed part-way leaves behind: its copy of the database and its new link's temporary name.
    (Its Parquet version folder is never linked, and goes when the next publish prunes the folders.)"""
    return sorted([*target.parent.glob(f".{target.name}{_PUBLISHING}*"),
                   *target.parent.glob(f".{PARQUET}{_PUBLISHING}*")])  # fmt: skip


def publish(store: WarehouseStore, target: Path, run_id: str) -> Publication:
    """Copy the working database to `target` and its marts to Parquet, atomically; return what was published."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in temporary_files(target):
        stale.unlink()
    temporary = target.parent / f".{target.name}{_PUBLISHING}{os.getpid()}"
    published_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    folder = parquet_versions(target) / f"{published_at:%Y%m%dT%H%M%S%f}-{run_id}"
    _copy(store, temporary)
    with duckdb.connect(str(temporary)) as con:
        latest = (
            con.execute(f"SELECT max(period_end) FROM {INDICATOR_MONTHLY.qualified}").fetchone()[0]
            if table_exists(con, INDICATOR_MONTHLY.qualified) else None
        )
        con.execute("CREATE SCHEMA IF NOT EXISTS meta")
        con.execute(
            """CREATE OR REPLACE TABLE meta.publication AS
               SELECT CAST($published_at AS TIMESTAMP) AS published_at, $run_id AS run_id,
                      CAST($latest AS DATE) AS latest_period_end, $schema_version AS schema_version,
                      $storage_version AS storage_version""",
            {"published_at": published_at, "run_id": run_id, "latest": latest, "schema_version": SCHEMA_VERSION,
             "storage_version": STORAGE_VERSION},
        )
        tables = {
            f"{schema}.{name}": con.execute(f'SELECT count(*) FROM "{schema}"."{name}"').fetchone()[0]
            for schema, name in con.execute(
                "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY ALL"
            ).fetchall()
        }
        con.execute("CHECKPOINT")
        files = _write_parquet(con, folder)
    fault_point("publish_before_rename")
    for path in (temporary, *files, folder, folder.parent, target.parent):
        _fsync(path)
    previous = _swap_link(parquet_link(target), folder)
    os.replace(temporary, target)
    _fsync(target.parent)
    _prune(folder.parent, keep={folder.name, previous})
    return Publication(target, target.stat().st_size, tables, latest, folder, STORAGE_VERSION)


def _copy(store: WarehouseStore, temporary: Path) -> None:
    """Copy the working database to `temporary` in a format DuckDB 1.4 reads. The open connection keeps other writers
    out, so the copy is of one committed state.

    The working database is created in `STORAGE_VERSION`, so this is a checkpoint and a file copy. A working
    database an older release created in DuckDB's newest format is rewritten instead (`COPY FROM DATABASE`, in one
    transaction; about 1.6 s for the demo's 17 months); on an error the connection closes, detaching the copy,
    which the next publish removes."""
    with store.connect() as con:
        con.execute("CHECKPOINT")
        if readable_by_duckdb_1_4(store.path):
            shutil.copyfile(store.path, temporary)
            return
        working = con.execute("SELECT current_database()").fetchone()[0]
        con.execute(f"ATTACH {_sql_string(temporary)} AS published (STORAGE_VERSION '{STORAGE_VERSION}')")
        con.begin()
        con.execute(f'COPY FROM DATABASE "{working}" TO published')
        con.commit()
        con.execute("DETACH published")


def _write_parquet(con: duckdb.DuckDBPyConnection, folder: Path) -> list[Path]:
    """Every mart in the registry, from the copy `con` has open, one file each into a new folder no reader sees yet.
    Staging and reference tables are never exported: they are record-level or not the board's figures."""
    folder.mkdir(parents=True)
    files = []
    for table in MARTS:
        if table_exists(con, table.qualified):
            path = folder / f"{table.name}.parquet"
            con.execute(f"COPY {table.qualified} TO {_sql_string(path)} (FORMAT parquet)")
            files.append(path)
    return files


def _swap_link(link: Path, folder: Path) -> str | None:
    """Point `link` at `folder` with one rename (a new link under a temporary name, replaced over the old one) and
    return the name of the version folder it pointed at, which a reader may still be reading. A plain folder where
    the link belongs (from before links) cannot be replaced by a rename: it is moved into the version folders whole
    (nothing a reader holds open is deleted) right before the link takes its place; a crash between the two
    renames leaves no `parquet` until the next publish, never a wrong one."""
    new = link.parent / f".{link.name}{_PUBLISHING}{os.getpid()}"
    new.symlink_to(folder.relative_to(link.parent))
    previous = None
    if link.is_symlink():
        previous = Path(os.readlink(link)).name
    elif link.is_dir():
        previous = f"{folder.name}-before"
        os.replace(link, folder.parent / previous)
    os.replace(new, link)
    _fsync(link.parent)
    return previous


def _prune(versions: Path, keep: set[str | None]) -> None:
    """Delete the version folders other than the current and the previous one (and any a killed publish left)."""
    for path in versions.iterdir():
        if path.name not in keep:
            shutil.rmtree(path)
