"""Compute §7 figures for a hand-made extract without Dagster: stage, store, compute."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cpb_pipeline.domain.calendar import month_end
from cpb_pipeline.domain.profile import load_profile
from cpb_pipeline.marts.indicators.compute import lcs_indicator_rows
from cpb_pipeline.runtime.privacy import load_key
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline.sources.lcs.extract import load_extract
from cpb_pipeline_tests.lcs_fixtures import write_extract

PROFILE = """
authority: {name: Testshire, la_code: "999", region: North West}
child_population:
  - {effective_from: 2018-04-01, count: 10000}
  - {effective_from: 2019-07-01, count: 20000}
districts: [Lancaster, Preston]
other_area: Other areas
paths: {lcs_extracts: lcs, iro_statistics: lcs, action_plan: lcs, reference: lcs, warehouse: wh/cpb.duckdb, outputs: out}
demo: true
first_month: 2018-04
care_leaver_districts: %s
"""


class Figures(dict):
    def value(self, indicator: str, area: str = "Testshire") -> float | None:
        return self[(indicator, area)][2]

    def fraction(self, indicator: str, area: str = "Testshire") -> tuple[float, float]:
        num, den, _ = self[(indicator, area)]
        return num, den


def figures(tmp_path: Path, tables: dict, month: str = "2019-08", *, care_leaver_districts: bool = False) -> Figures:
    (tmp_path / "lcs").mkdir(parents=True, exist_ok=True)
    profile_file = tmp_path / "authority.yaml"
    profile_file.write_text(PROFILE % ("true" if care_leaver_districts else "false"))
    profile = load_profile(profile_file)
    extract = load_extract(write_extract(tmp_path / "lcs" / month, tables), month, load_key(demo=True))
    assert not extract.blocking_failures(), [f.describe() for o in extract.blocking_failures() for f in o.findings]
    store = WarehouseStore(profile.working_database)
    extract.write(store)
    with store.connect() as con:
        frame = lcs_indicator_rows(con, profile, month_end(month))
    none = lambda x: None if x != x else x  # noqa: E731  (NaN -> None so equal figures compare equal)
    return Figures(
        {(r.indicator_id, r.area): (r.numerator, none(r.denominator), none(r.value)) for r in frame.itertuples()}
    )


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
