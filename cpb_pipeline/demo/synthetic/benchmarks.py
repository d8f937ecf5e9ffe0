"""`reference/benchmarks.csv` for a fictional authority (docs/benchmarks.md): synthetic published comparators.

For every indicator the catalogue gives comparators, 2016/17 to 2018/19: the authority's
own figures (rising to its simulated levels), its region's and England's (`levels`), and
its statistical neighbours' (near its own, as neighbours are chosen to be alike).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from cpb_pipeline.demo.synthetic.authority import SyntheticAuthority
from cpb_pipeline.demo.synthetic.levels import ENGLAND, RATES, Levels, region_values
from cpb_pipeline.domain.catalogue import CATALOGUE
from cpb_pipeline.sources.reference.benchmarks import COLUMNS, FILE_NAME

PERIODS = ("2016/17", "2017/18", "2018/19")
ENGLAND_AREA, NEIGHBOURS_AREA = "England", "Statistical neighbours"


def own_values(levels: Levels) -> dict[str, float]:
    """The authority's 2018/19 figures: what its extracts give, roughly."""
    return {
        "cla_rate": levels.cla_rate,
        "cp_rate": levels.cp_rate,
        "cin_rate": levels.cin_rate,
        "cla_health_assessment": 100 * levels.health_checked - 3,
        "cla_dental_check": 100 * levels.health_checked * levels.dental_of_checked - 2,
        "care_leavers_suitable_accommodation": 100 * levels.suitable,
        "care_leavers_eet": 100 * levels.eet,
        "care_leavers_in_touch": 100 * levels.in_touch - 1,
        "cp_reviews_in_timescale": 95.0,
    }


def write_benchmarks(authority: SyntheticAuthority, levels: Levels, folder: Path) -> Path:
    rng = random.Random(authority.seed + 3)
    own = own_values(levels)
    region = region_values(authority.region)
    source = f"Synthetic benchmark for the fictional demo authority {authority.name}"
    rows = []
    for indicator in (i for i in CATALOGUE if i.comparators):
        rate = indicator.id in RATES
        mine = _series(rng, own[indicator.id], rate)
        neighbours = [v * rng.uniform(0.96, 1.04) if rate else min(v + rng.uniform(-2, 2), 99.5) for v in mine]
        for area, series in ((authority.name, mine), (authority.region, region[indicator.id]),
                             (ENGLAND_AREA, ENGLAND[indicator.id]), (NEIGHBOURS_AREA, neighbours)):
            for period, value in zip(PERIODS, series):
                rows.append([indicator.id, area, period, f"20{period[-2:]}-03-31", f"{value:.1f}", source])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(COLUMNS)
        out.writerows(rows)
    return path


def _series(rng: random.Random, latest: float, rate: bool) -> list[float]:
    """Three years ending at `latest`, with a small drift and noise."""
    if rate:
        return [latest * rng.uniform(0.9, 0.97), latest * rng.uniform(0.95, 1.01), latest * rng.uniform(0.98, 1.02)]
    return [min(latest + rng.uniform(-4, 1), 99.5), min(latest + rng.uniform(-2, 1.5), 99.5),
            min(latest + rng.uniform(-1, 1), 99.5)]
