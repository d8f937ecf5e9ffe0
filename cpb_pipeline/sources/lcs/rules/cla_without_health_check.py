"""Warning: a child looked after at month end with no health assessment or dental check recorded at all."""

import datetime as dt

import duckdb
import pandas as pd
import pandera.pandas as pa

from cpb_pipeline.domain.calendar import open_at_month_end

RULE = "child looked after at month end has no health check of any kind recorded"


def cohort_frame(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> pd.DataFrame:
    """The staged episodes open at month end, flagged with whether the child has any health check recorded."""
    frame = con.execute(
        f"""
        SELECT source_row, coalesce(clae_person_id IN (SELECT clah_person_id FROM staged_ssd_cla_health), false)
               AS has_health_check
        FROM staged_ssd_cla_episodes
        WHERE {open_at_month_end('clae_cla_episode_start_date', 'clae_cla_episode_ceased_date')}
        ORDER BY source_row
        """,
        {"month_end": month_end},
    ).df()
    return frame.set_index("source_row").rename_axis(None)


SCHEMA = pa.DataFrameSchema({"has_health_check": pa.Column(bool, pa.Check(lambda s: s, name=RULE))})
