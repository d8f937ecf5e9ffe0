"""The store writes a column of Python lists as VARCHAR[] (marts.indicator_spc's rules), empty lists included."""

import datetime as dt

import duckdb
import pandas as pd

from cpb_pipeline.domain.tables import _table
from cpb_pipeline.runtime.store import WarehouseStore

MARKS = _table("marts", "marks", [("period_end", "DATE", ""), ("rules", "VARCHAR[]", "")], "period_end")


def _read(path):
    with duckdb.connect(str(path), read_only=True) as con:
        kind = con.execute("SELECT column_type FROM (DESCRIBE marts.marks) WHERE column_name = 'rules'").fetchone()[0]
        return kind, con.execute("SELECT period_end, rules FROM marts.marks ORDER BY period_end, len(rules)").fetchall()


def test_lists_and_empty_lists_are_cast_to_varchar_lists(tmp_path):
    store, path = WarehouseStore(tmp_path / "w.duckdb"), tmp_path / "w.duckdb"
    july, august = dt.date(2019, 7, 31), dt.date(2019, 8, 31)
    only_empty = pd.DataFrame({"period_end": [july, july], "rules": [[], []]})  # DuckDB alone would read "NULL"[]
    store.replace_tables({"marts.marks": MARKS.typed(only_empty)})
    assert _read(path) == ("VARCHAR[]", [(july, []), (july, [])])
    mixed = pd.DataFrame({"period_end": [august, august], "rules": [["shift", "trend"], []]})
    store.replace_partitions({"marts.marks": MARKS.typed(mixed)}, "period_end", august)
    assert _read(path) == ("VARCHAR[]", [(july, []), (july, []), (august, []), (august, ["shift", "trend"])])
