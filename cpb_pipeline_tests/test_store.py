"""The working warehouse store: writes survive a connection this process dropped but has not yet collected."""

from __future__ import annotations

import gc

import duckdb
import pandas as pd

from cpb_pipeline.domain.tables import Typed
from cpb_pipeline.runtime.store import WarehouseStore


def test_a_write_waits_out_a_dropped_connection_still_holding_the_file(tmp_path):
    store = WarehouseStore(tmp_path / "cpb.duckdb")
    store.replace_tables({"marts.t": Typed(pd.DataFrame({"a": [1]}), [("a", "BIGINT")])})
    gc.disable()
    try:
        leaked = duckdb.connect(str(store.path), read_only=True)
        cycle: list = [leaked]
        cycle.append(cycle)  # only the cycle collector frees it
        del leaked, cycle
        with duckdb.connect() as con:  # what staging does: attach the warehouse to its own connection
            con.execute("CREATE TABLE incoming AS SELECT 2 AS a")
            store.replace_partitions_from(con, {"marts.t": ("SELECT a FROM incoming", [("a", "BIGINT")])}, "a", 1)
    finally:
        gc.enable()
    assert store.query("SELECT a FROM marts.t ORDER BY a")["a"].tolist() == [2]
