"""marts.indicator_spc: every monthly series read with the XmR method of `method.py`, for one report month.

Every indicator gets the authority's chart; a district gets one only where its series has 12
points or more and none of them would be suppressed in the published board (the primary rules of
`domain.disclosure`): limits drawn through small numbers read noise as signal, and would give away
what the published pack hides.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from cpb_pipeline.domain.catalogue import CATALOGUE, Indicator
from cpb_pipeline.domain.disclosure import figure_suppressed
from cpb_pipeline.domain.profile import Profile, Publication
from cpb_pipeline.domain.tables import INDICATOR_SPC
from cpb_pipeline.marts.spc.method import series_window, spc_series

MONTHLY_COLUMNS = ("indicator_id", "period_end", "area_type", "area", "numerator", "denominator", "value")
"""What the mart reads of marts.indicator_monthly (period_end as dates)."""


def spc_rows(monthly: pd.DataFrame, report_month: dt.date, profile: Profile) -> pd.DataFrame:
    """One row per point of every chart drawn for `report_month` (a month end), from the months of `monthly`
    up to it: indicators in catalogue order, the authority first, then districts in the profile's order."""
    rows = []
    for ind in CATALOGUE:
        figures = monthly[monthly["indicator_id"] == ind.id]
        target = profile.targets.get(ind.id)
        for (area_type, area), own in _series_in_order(figures, profile):
            points = series_window(dict(zip(own["period_end"], own["value"])), report_month)
            if area_type == "district" and _shows_a_suppressed_figure(ind, own, {day for day, _ in points},
                                                                      profile.publication):  # fmt: skip
                continue
            series = spc_series(points, ind.polarity, target)
            if series is None:
                continue
            rows += [
                (report_month, p.period_end, ind.id, area_type, area, p.value, p.mean, p.lower_limit, p.upper_limit,
                 list(p.rules), p.variation, series.assurance)
                for p in series.points
            ]  # fmt: skip
    return pd.DataFrame(rows, columns=INDICATOR_SPC.column_names)


def _series_in_order(figures: pd.DataFrame, profile: Profile) -> list[tuple[tuple[str, str], pd.DataFrame]]:
    order = {area: i for i, area in enumerate(profile.areas)}
    groups = dict(list(figures.groupby(["area_type", "area"], sort=False)))
    return sorted(groups.items(), key=lambda item: (item[0][0] != "authority", order.get(item[0][1], len(order)), item[0][1]))


def _shows_a_suppressed_figure(ind: Indicator, own: pd.DataFrame, days: set[dt.date], publication: Publication) -> bool:
    """Whether any point of the series would be shown as the symbol in the published board."""
    return any(
        figure_suppressed(ind.unit, row.numerator, row.denominator, row.value, publication)
        for row in own.itertuples()
        if row.period_end in days
    )
