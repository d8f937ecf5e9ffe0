"""Publishing the warehouse: a complete new file, renamed into place.

Downstream tools (Power BI, ODBC, notebooks, R) open `paths.warehouse`. The
pipeline never opens that file: it builds into the working database, and after
a run whose blocking checks all passed it checkpoints the working database,
copies it to a new file beside the target (holding the working database's
write lock, so the copy is of one committed state) and renames it over the target. On POSIX a rename
is atomic, so a reader sees the old file or the new one, never half of either;
a reader that holds the old file open keeps reading it, and never blocks the
refresh. A crash part-way leaves only a temporary file, removed next time.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from cpb_pipeline.domain.tables import INDICATOR_MONTHLY
from cpb_pipeline.runtime.faults import fault_point
from cpb_pipeline.runtime.store import WarehouseStore, table_exists

SCHEMA_VERSION = "1.2"
"""Bumped with a version note in docs/warehouse.md whenever a promised table or column changes."""

_PUBLISHING = ".publishing-"


@dataclass(frozen=True)
class Publication:
    path: Path
    bytes: int
    tables: dict[str, int]
    latest_period_end: dt.date | None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temporary_files(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}{_PUBLISHING}*"))


def publish(store: WarehouseStore, target: Path, run_id: str) -> Publication:
    """Copy the working database to `target` atomically; return what the new file holds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in temporary_files(target):
        stale.unlink()
    temporary = target.parent / f".{target.name}{_PUBLISHING}{os.getpid()}"
    with store.connect() as con:
        con.execute("CHECKPOINT")  # everything committed is in the file; the open connection keeps other writers out
        shutil.copyfile(store.path, temporary)
    with duckdb.connect(str(temporary)) as con:
        latest = (
            con.execute(f"SELECT max(period_end) FROM {INDICATOR_MONTHLY.qualified}").fetchone()[0]
            if table_exists(con, INDICATOR_MONTHLY.qualified) else None
        )
        con.execute("CREATE SCHEMA IF NOT EXISTS meta")
        con.execute(
            """CREATE OR REPLACE TABLE meta.publication AS
               SELECT CAST($published_at AS TIMESTAMP) AS published_at, $run_id AS run_id,
                      CAST($latest AS DATE) AS latest_period_end, $schema_version AS schema_version""",
            {"published_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), "run_id": run_id, "latest": latest,
             "schema_version": SCHEMA_VERSION},
        )
        tables = {
            f"{schema}.{name}": con.execute(f'SELECT count(*) FROM "{schema}"."{name}"').fetchone()[0]
            for schema, name in con.execute(
                "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY ALL"
            ).fetchall()
        }
        con.execute("CHECKPOINT")
    fault_point("publish_before_rename")
    _fsync(temporary)
    os.replace(temporary, target)
    _fsync(target.parent)
    return Publication(target, target.stat().st_size, tables, latest)

