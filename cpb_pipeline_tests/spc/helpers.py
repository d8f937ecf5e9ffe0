"""Hand-made monthly figures and a small profile for the SPC mart's tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from cpb_pipeline.domain.profile import Profile, load_profile
from cpb_pipeline.domain.tables import INDICATOR_MONTHLY
from cpb_pipeline_tests.spc.test_method import month_ends

AUTHORITY = "Testshire"
PROFILE = """
authority: {name: Testshire, la_code: "999", region: North West}
child_population: [{effective_from: 2018-01-01, count: 10000}]
districts: [North, South]
other_area: Other
paths: {lcs_extracts: in, iro_statistics: in, action_plan: in, reference: in, warehouse: wh/cpb.duckdb, outputs: out}
first_month: 2018-01
targets: {cla_health_assessment: 70}
"""


def profile(folder: Path) -> Profile:
    (folder / "in").mkdir(exist_ok=True)
    (folder / "authority.yaml").write_text(PROFILE)
    return load_profile(folder / "authority.yaml", require_inputs=False)


def series(indicator_id: str, area: str, values, denominators=None, first=(2018, 1)) -> list[dict]:
    """indicator_monthly rows of one area, a month each from `first`; a value None is a month with no figure."""
    area_type = "authority" if area == AUTHORITY else "district"
    rows = []
    for i, (day, value) in enumerate(zip(month_ends(len(values), *first), values)):
        denominator = None if denominators is None else float(denominators[i])
        numerator = value if denominator is None or value is None else value * denominator / 100
        rows.append({"indicator_id": indicator_id, "period_end": day, "area_type": area_type, "area": area,
                     "numerator": numerator, "denominator": denominator, "value": value})  # fmt: skip
    return rows


def frame(*parts: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([row for part in parts for row in part], columns=INDICATOR_MONTHLY.column_names)
