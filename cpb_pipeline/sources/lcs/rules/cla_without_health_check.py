"""Warning: a child looked after at month end with no health assessment or dental check recorded at all."""

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import pandera.pandas as pa

from cpb_pipeline.sources.lcs.rules import open_at

RULE = "child looked after at month end has no health check of any kind recorded"


def cohort_frame(frames: Mapping[str, pd.DataFrame], month_end: dt.date) -> pd.DataFrame:
    episodes = frames["ssd_cla_episodes"]
    current = episodes[open_at(episodes, "clae_cla_episode_start_date", "clae_cla_episode_ceased_date", month_end)]
    checked = set(frames["ssd_cla_health"]["clah_person_id"])
    return pd.DataFrame({"has_health_check": current["clae_person_id"].isin(checked)}, index=current.index)


SCHEMA = pa.DataFrameSchema({"has_health_check": pa.Column(bool, pa.Check(lambda s: s, name=RULE))})
