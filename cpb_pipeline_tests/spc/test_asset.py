"""The SPC mart as a Dagster asset: it reads the 24 months before, writes its report month whole, and checks it."""

import datetime as dt

import dagster as dg
import duckdb
import pandas as pd

from cpb_pipeline.domain.tables import INDICATOR_MONTHLY, INDICATOR_SPC
from cpb_pipeline.marts.spc.assets import indicator_spc
from cpb_pipeline.runtime.resources import CpbResource
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline_tests.conftest import PARTITIONS
from cpb_pipeline_tests.spc.helpers import AUTHORITY, frame, profile, series

D = dt.date


def test_the_asset_replaces_its_report_month_and_reports_every_check(tmp_path):
    testshire = profile(tmp_path)
    store = WarehouseStore(testshire.working_database)

    def write(values):
        monthly = frame(series("cla", AUTHORITY, values, first=(2018, 4)), series("cla", "North", [40, 42] * 7, first=(2018, 4)))
        store.replace_tables({INDICATOR_MONTHLY.qualified: INDICATOR_MONTHLY.typed(monthly)})

    def run(month):
        return dg.materialize([indicator_spc(PARTITIONS)], partition_key=month,
                              resources={"cpb": CpbResource(profile_path=str(tmp_path / "authority.yaml"))})  # fmt: skip

    write([100, 102] * 7)  # April 2018 to May 2019
    run("2019-04")
    first = run("2019-05")
    checks = first.get_asset_check_evaluations()
    assert sorted(c.check_name for c in checks) == ["limits_around_mean", "one_row_per_point", "points_per_chart",
                                                    "variation_follows_rules"]  # fmt: skip
    assert all(c.passed for c in checks)
    write([100, 102] * 6 + [100, 130])  # May 2019 changes
    run("2019-05")
    with duckdb.connect(str(testshire.working_database), read_only=True) as con:
        written = con.execute(f"SELECT * FROM {INDICATOR_SPC.qualified} ORDER BY report_month, area, period_end").df()
        types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE {INDICATOR_SPC.qualified})").fetchall())
    assert types == INDICATOR_SPC.types
    counts = written.groupby([written["report_month"].dt.date, "area"]).size().to_dict()
    assert counts == {(D(2019, 4, 30), AUTHORITY): 13, (D(2019, 4, 30), "North"): 13,
                      (D(2019, 5, 31), AUTHORITY): 14, (D(2019, 5, 31), "North"): 14}  # fmt: skip
    may = written[(written["report_month"] == pd.Timestamp(2019, 5, 31)) & (written["area"] == AUTHORITY)]
    assert may["value"].iloc[-1] == 130 and list(may["rules"].iloc[-1]) == ["outside_limits"]
    assert may["variation"].iloc[-1] == "special_cause_neither"  # cla is contextual
