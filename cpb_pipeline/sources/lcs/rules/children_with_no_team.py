"""Warning: a child on a CP plan or looked after at month end with no team on an open involvement.

Such a child counts under other_area; the team should be recorded so the
child shows in the right district.
"""

import datetime as dt

import duckdb
import pandas as pd
import pandera.pandas as pa

from cpb_pipeline.domain.calendar import open_at_month_end

RULE = "child has no team on an involvement open at month end (counted under other_area)"

COHORTS = (
    ("ssd_cp_plans", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date"),
    ("ssd_cla_episodes", "clae_person_id", "clae_cla_episode_start_date", "clae_cla_episode_ceased_date"),
)


def cohort_frames(con: duckdb.DuckDBPyConnection, month_end: dt.date) -> dict[str, pd.DataFrame]:
    """For each cohort file staged in `con`, its records open at month end flagged with whether the child has a team."""
    out = {}
    for table, person, start, end in COHORTS:
        frame = con.execute(
            f"""
            SELECT source_row, coalesce({person} IN (
                SELECT invo_person_id FROM staged_ssd_involvements
                WHERE {open_at_month_end('invo_involvement_start_date', 'invo_involvement_end_date')}
                  AND invo_professional_team IS NOT NULL), false) AS has_team
            FROM staged_{table} WHERE {open_at_month_end(start, end)} ORDER BY source_row
            """,
            {"month_end": month_end},
        ).df()
        out[table] = frame.set_index("source_row").rename_axis(None)
    return out


SCHEMA = pa.DataFrameSchema({"has_team": pa.Column(bool, pa.Check(lambda s: s, name=RULE))})
