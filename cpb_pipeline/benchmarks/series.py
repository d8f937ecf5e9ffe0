"""The 31 March series: published values, with the authority's own March figure computed wherever its extract exists."""

from __future__ import annotations

import pandas as pd

from cpb_pipeline.domain.calendar import financial_year


def march_series(published: pd.DataFrame, march_values: pd.DataFrame, authority: str) -> pd.DataFrame:
    """`published`: reference.benchmarks rows. `march_values`: the authority's rows of indicator_monthly for 31 March
    month ends (indicator_id, period_end, value, and numerator and denominator where known)."""
    computed = pd.DataFrame(
        {
            "indicator_id": march_values["indicator_id"],
            "area": authority,
            "area_type": "authority",
            "period": [financial_year(d) for d in march_values["period_end"]],
            "period_end": march_values["period_end"],
            "value": march_values["value"],
            "numerator": march_values.get("numerator"),
            "denominator": march_values.get("denominator"),
            "origin": "computed",
            "source": [f"computed from the {d:%Y-%m} LCS extract" for d in march_values["period_end"]],
        }
    )
    kept = published.merge(computed[["indicator_id", "area", "period_end"]], how="left", indicator=True,
                           on=["indicator_id", "area", "period_end"])
    kept = kept[kept["_merge"] == "left_only"].drop(columns="_merge")
    kept = kept.assign(area_type=["authority" if a == authority else "comparator" for a in kept["area"]], origin="published")
    parts = [frame for frame in (computed, kept) if not frame.empty]
    out = pd.concat(parts, ignore_index=True).reindex(columns=computed.columns) if parts else computed
    return out.sort_values(["indicator_id", "area_type", "area", "period_end"]).reset_index(drop=True)
