"""Warning: a child on a CP plan or looked after at month end with no team on an open involvement.

Such a child counts under other_area; the team should be recorded so the
child shows in the right district.
"""

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import pandera.pandas as pa

from cpb_pipeline.sources.lcs.rules import open_at

RULE = "child has no team on an involvement open at month end (counted under other_area)"

COHORTS = (
    ("ssd_cp_plans", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date"),
    ("ssd_cla_episodes", "clae_person_id", "clae_cla_episode_start_date", "clae_cla_episode_ceased_date"),
)


def cohort_frames(frames: Mapping[str, pd.DataFrame], month_end: dt.date) -> dict[str, pd.DataFrame]:
    """For each cohort file, its open records flagged with whether the child has a team."""
    invo = frames["ssd_involvements"]
    open_invo = invo[
        open_at(invo, "invo_involvement_start_date", "invo_involvement_end_date", month_end)
        & invo["invo_professional_team"].notna()
    ]
    with_team = set(open_invo["invo_person_id"])
    out = {}
    for table, person, start, end in COHORTS:
        records = frames[table]
        current = records[open_at(records, start, end, month_end)]
        out[table] = pd.DataFrame({"has_team": current[person].isin(with_team)}, index=current.index)
    return out


SCHEMA = pa.DataFrameSchema({"has_team": pa.Column(bool, pa.Check(lambda s: s, name=RULE))})
