"""How each fictional authority performs: one set of levels, drawn from its seed.

The LCS simulation aims at these levels and benchmarks.csv publishes figures near them,
so an authority's own comparator values agree with what its extracts give. England's
levels are fixed (one country); a region's are England's with a tilt that is the same
for every authority in the region.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass

from cpb_pipeline.demo.synthetic.authority import SyntheticAuthority

ENGLAND = {  # England-like published levels, 2016/17 to 2018/19
    "cla_rate": (62.0, 64.0, 65.0),
    "cp_rate": (43.3, 45.3, 43.7),
    "cin_rate": (330.1, 341.0, 334.2),
    "cla_health_assessment": (88.6, 88.2, 89.5),
    "cla_dental_check": (82.6, 83.7, 79.9),
    "care_leavers_suitable_accommodation": (84.0, 84.5, 85.0),
    "care_leavers_eet": (50.0, 51.0, 52.0),
    "care_leavers_in_touch": (89.0, 90.0, 90.0),
    "cp_reviews_in_timescale": (92.0, 91.4, 91.0),
}
RATES = ("cla_rate", "cp_rate", "cin_rate")

REGION_TILT = {  # how far a region's rates of children in care and on plans sit from England's
    "North East": 1.14, "North West": 1.12, "Yorkshire and The Humber": 1.07, "East Midlands": 0.96,
    "West Midlands": 1.08, "East of England": 0.90, "London": 0.92, "South East": 0.93, "South West": 0.95,
}  # fmt: skip


@dataclass(frozen=True)
class Levels:
    cla_rate: float
    cp_rate: float
    cin_rate: float
    """Per 10,000 children at the first month end: what the simulation aims at."""
    health_checked: float
    """Share of children in care whose health is checked at all (the rest have no check)."""
    dental_of_checked: float
    care_leaver_ratio: float
    """Care leavers (Relevant and Former Relevant) per child looked after."""
    suitable: float
    eet: float
    in_touch: float
    other_area_share: float
    """Share of children whose team sits outside every district."""
    iro_caseload: float
    agency_share: float
    pr_per_child_year: float
    ma_per_child_year: float


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def levels_of(authority: SyntheticAuthority) -> Levels:
    rng = random.Random(authority.seed * 31 + 7)
    tilt = REGION_TILT[authority.region]
    return Levels(
        cla_rate=_clamp(65.0 * tilt * rng.uniform(0.92, 1.08), 66.0, 84.0),
        cp_rate=_clamp(44.0 * tilt * rng.uniform(0.9, 1.1), 39.0, 51.0),
        cin_rate=_clamp(300.0 * tilt * rng.uniform(0.92, 1.05), 270.0, 320.0),
        health_checked=rng.uniform(0.9, 0.96),
        dental_of_checked=rng.uniform(0.86, 0.93),
        care_leaver_ratio=rng.uniform(0.32, 0.38),
        suitable=rng.uniform(0.82, 0.92),
        eet=rng.uniform(0.46, 0.58),
        in_touch=rng.uniform(0.88, 0.96),
        other_area_share=rng.uniform(0.04, 0.08),
        iro_caseload=rng.uniform(62.0, 80.0),
        agency_share=rng.uniform(0.0, 0.12),
        pr_per_child_year=rng.uniform(0.09, 0.16),
        ma_per_child_year=rng.uniform(0.3, 0.5),
    )


def region_values(region: str) -> dict[str, tuple[float, ...]]:
    """A region's published series: England's, tilted for rates, nudged for percentages (same for every caller)."""
    rng = random.Random(zlib.crc32(region.encode("utf-8")))
    tilt = REGION_TILT[region]
    out = {}
    for indicator, series in ENGLAND.items():
        if indicator in RATES:
            out[indicator] = tuple(round(v * tilt * rng.uniform(0.98, 1.02), 1) for v in series)
        else:
            shift = rng.uniform(-2.5, 2.5)
            out[indicator] = tuple(round(min(v + shift + rng.uniform(-0.6, 0.6), 99.5), 1) for v in series)
    return out
