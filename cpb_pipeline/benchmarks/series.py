"""The 31 March series: published values, with the authority's own March figure computed wherever its extract exists."""

from __future__ import annotations

import datetime as dt

import pandas as pd

COLUMNS = [
    ("indicator_id", "VARCHAR", "indicator id"),
    ("area", "VARCHAR", "the authority's name or a comparator"),
    ("area_type", "VARCHAR", "'authority' or 'comparator'"),
    ("period", "VARCHAR", "financial year, e.g. 2018/19"),
    ("period_end", "DATE", "the 31 March ending it"),
    ("value", "DOUBLE", "unrounded where computed; as published otherwise"),
    ("origin", "VARCHAR", "'computed' (from that March's LCS extract) or 'published'"),
    ("source", "VARCHAR", "the extract month, or where it was published"),
]


def financial_year(period_end: dt.date) -> str:
    """2019-03-31 -> '2018/19'."""
    return f"{period_end.year - 1}/{period_end.year % 100:02d}"


def march_series(published: pd.DataFrame, march_values: pd.DataFrame, authority: str) -> pd.DataFrame:
    """`published`: contracts §5 rows. `march_values`: the authority's rows of indicator_monthly for 31 March month ends."""
    computed = pd.DataFrame(
        {
            "indicator_id": march_values["indicator_id"],
            "area": authority,
            "area_type": "authority",
            "period": [financial_year(d) for d in march_values["period_end"]],
            "period_end": march_values["period_end"],
            "value": march_values["value"],
            "origin": "computed",
            "source": [f"computed from the {d:%Y-%m} LCS extract" for d in march_values["period_end"]],
        }
    )
    kept = published.merge(computed[["indicator_id", "area", "period_end"]], how="left", indicator=True,
                           on=["indicator_id", "area", "period_end"])
    kept = kept[kept["_merge"] == "left_only"].drop(columns="_merge")
    kept = kept.assign(area_type=["authority" if a == authority else "comparator" for a in kept["area"]], origin="published")
    parts = [frame for frame in (computed, kept[computed.columns]) if not frame.empty]
    out = pd.concat(parts, ignore_index=True) if parts else computed
    return out.sort_values(["indicator_id", "area_type", "area", "period_end"]).reset_index(drop=True)
