"""The working DuckDB database the pipeline builds into.

Every write replaces a whole partition (or table) inside one transaction: a
failure leaves what was there exactly as it was, and a rerun replaces rather
than duplicates. Downstream tools never open this file; they read the
published copy (see `publish.py`).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from cpb_pipeline.domain.tables import Typed
from cpb_pipeline.runtime.faults import fault_point

LOCK_WAIT_SECONDS = 60.0

STORAGE_VERSION = "v1.4.0"
"""The DuckDB storage format the working database is created in: DuckDB 1.4 (the version the R package, the ODBC
and JDBC drivers and most BI tools embed) and every later version read it, so publishing is a file copy."""
_READABLE_BY_1_4 = 67
"""The highest storage version number (in a file's header) DuckDB 1.4 reads; DuckDB 2.0's own format is 999."""


def readable_by_duckdb_1_4(path: Path) -> bool:
    """Whether DuckDB 1.4 opens this database file, read from its header (the number after the magic `DUCK`)."""
    with open(path, "rb") as handle:
        header = handle.read(20)
    return header[8:12] == b"DUCK" and int.from_bytes(header[12:20], "little") <= _READABLE_BY_1_4


class WarehouseBusy(RuntimeError):
    """Another process holds the working database's write lock."""


def run(con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, object] | None = None) -> duckdb.DuckDBPyConnection:
    """Execute with DuckDB's named parameters (`$name`), binding only those the statement uses."""
    used = {name: value for name, value in (params or {}).items() if f"${name}" in sql}
    return con.execute(sql, used) if used else con.execute(sql)


def table_exists(con: duckdb.DuckDBPyConnection, qualified: str) -> bool:
    """Whether `schema.table` is in the database `con` has open (a month's reader must not assume it is yet)."""
    schema, name = qualified.split(".")
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = $schema AND table_name = $name",
        {"schema": schema, "name": name},
    ).fetchone()[0]
    return bool(found)


def partition_exists(con: duckdb.DuckDBPyConnection, qualified: str, period_end: object) -> bool:
    """Whether `schema.table` exists and holds the partition for `period_end`."""
    if not table_exists(con, qualified):
        return False
    return bool(run(con, f"SELECT count(*) FROM {qualified} WHERE period_end = $period_end",
                    {"period_end": period_end}).fetchone()[0])  # fmt: skip


class WarehouseStore:
    def __init__(self, path: Path):
        self.path = Path(path)

    @contextmanager
    def connect(self, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """Open the working database, waiting a while if another run holds its lock."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        new = {} if self.path.exists() else {"storage_compatibility_version": STORAGE_VERSION}
        con = self._retry_locked(
            lambda: duckdb.connect(str(self.path), read_only=read_only and self.path.exists(), config=new)
        )
        try:
            yield con
        finally:
            con.close()

    def replace_partitions(self, tables: Mapping[str, Typed], column: str, value: object) -> None:
        """In one transaction, replace the rows where `column = value` in each `schema.table`."""
        with duckdb.connect() as con:
            selects = {}
            for number, (table, typed) in enumerate(tables.items()):
                con.register(f"incoming_{number}", typed.frame)
                selects[table] = (f"SELECT * FROM incoming_{number}", typed.columns)
            self.replace_partitions_from(con, selects, column, value)

    def replace_partitions_from(
        self,
        con: duckdb.DuckDBPyConnection,
        selects: Mapping[str, tuple[str, Sequence[tuple[str, str]]]],
        column: str,
        value: object,
    ) -> None:
        """As `replace_partitions`, for rows already in DuckDB (`con`, which attaches the warehouse for the
        transaction): each `schema.table` gets what its SELECT gives, with no round trip through pandas."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        created = "" if self.path.exists() else f" (STORAGE_VERSION '{STORAGE_VERSION}')"
        self._retry_locked(lambda: con.execute(f"ATTACH '{self.path}' AS warehouse{created}"))
        try:
            con.begin()
            try:
                for table, (select, columns) in selects.items():
                    target = f"warehouse.{table}"
                    self._ensure_table(con, target, columns)
                    con.execute(f"DELETE FROM {target} WHERE {column} = $value", {"value": value})
                    names = ", ".join(f'"{name}"' for name, _ in columns)
                    casts = ", ".join(f'CAST("{name}" AS {kind})' for name, kind in columns)
                    con.execute(f"INSERT INTO {target} ({names}) SELECT {casts} FROM ({select})")
                fault_point("write_before_commit")
                con.commit()
            except BaseException:
                con.rollback()
                raise
        finally:
            con.execute("DETACH warehouse")

    def replace_tables(self, tables: Mapping[str, Typed]) -> None:
        """In one transaction, replace the whole content of each `schema.table`."""
        with self.connect() as con:
            con.begin()
            try:
                for table, typed in tables.items():
                    con.execute(f"DROP TABLE IF EXISTS {table}")
                    self._ensure_table(con, table, typed.columns)
                    self._insert(con, table, typed)
                con.commit()
            except BaseException:
                con.rollback()
                raise

    def query(self, sql: str, params: Mapping[str, object] | None = None) -> pd.DataFrame:
        """A read-only query; `params` bind DuckDB's named parameters (`$name`)."""
        with self.connect(read_only=True) as con:
            return run(con, sql, params).df()

    def tables(self) -> set[str]:
        """Every `schema.table` in the working database (empty before the first write)."""
        if not self.path.exists():
            return set()
        with self.connect(read_only=True) as con:
            rows = con.execute("SELECT schema_name || '.' || table_name FROM duckdb_tables() "
                               "WHERE database_name = current_database()").fetchall()  # fmt: skip
        return {r[0] for r in rows}

    def describe(self, table: str) -> list[tuple[str, str]]:
        """(column, type) pairs of a table, for Dagster's column schema."""
        with self.connect(read_only=True) as con:
            return [(r[0], r[1]) for r in con.execute(f"DESCRIBE {table}").fetchall()]

    def _retry_locked(self, open_it):
        """Open or attach the working database, waiting a while if another run holds its lock.

        In this process, a connection that was dropped but not yet collected still holds the file (DuckDB then
        refuses a second handle on it, or a connection in another mode): collect it and try again rather than
        fail the step."""
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                return open_it()
            except (duckdb.ResourceInUseException, duckdb.ConnectionException):
                if time.monotonic() > deadline:
                    raise
                gc.collect()
                time.sleep(0.1)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise
                if time.monotonic() > deadline:
                    raise WarehouseBusy(
                        f"the working database {self.path} is locked by another process; "
                        "only one refresh may run at a time"
                    ) from None
                time.sleep(0.5)

    @staticmethod
    def _ensure_table(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[tuple[str, str]]) -> None:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {table.rsplit('.', 1)[0]}")
        ddl = ", ".join(f'"{name}" {kind}' for name, kind in columns)
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({ddl})")
        existing = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
        for name, kind in columns:
            if name not in existing:
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}')

    @staticmethod
    def _insert(con: duckdb.DuckDBPyConnection, table: str, typed: Typed) -> None:
        con.register("_incoming", typed.frame)
        names = ", ".join(f'"{name}"' for name, _ in typed.columns)
        casts = ", ".join(f'CAST("{name}" AS {kind})' for name, kind in typed.columns)
        con.execute(f"INSERT INTO {table} ({names}) SELECT {casts} FROM _incoming")
        con.unregister("_incoming")
