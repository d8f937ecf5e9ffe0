"""Published comparator values (docs/benchmarks.md): `<reference>/benchmarks.csv`, validated with pandera."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from cpb_pipeline.domain.catalogue import BY_ID
from cpb_pipeline.domain.errors import Finding
from cpb_pipeline.domain.regions import comparator_areas
from cpb_pipeline.domain.tables import REFERENCE_BENCHMARKS
from cpb_pipeline.runtime.checks import CheckOutcome
from cpb_pipeline.runtime.validation import pandera_findings, wide_check

FILE_NAME = "benchmarks.csv"
COLUMNS = REFERENCE_BENCHMARKS.column_names


def _period_matches_end(frame: pd.DataFrame) -> pd.Series:
    first = frame["period"].str.slice(0, 4)
    second = frame["period"].str.slice(5, 7)
    end = pd.to_datetime(frame["period_end"], errors="coerce")
    expected_year = pd.to_numeric(first, errors="coerce") + 1
    return (
        frame["period"].str.fullmatch(r"\d{4}/\d{2}").fillna(False)
        & (expected_year % 100 == pd.to_numeric(second, errors="coerce"))
        & (end.dt.year == expected_year)
        & (end.dt.month == 3)
        & (end.dt.day == 31)
    )


def _one_of(allowed, rule: str) -> pa.Check:
    return pa.Check(lambda s: s.isin(set(allowed)), name=rule)


def schema(authority: str, region: str) -> pa.DataFrameSchema:
    areas = (authority, *comparator_areas(region))
    return pa.DataFrameSchema(
        {
            "indicator_id": pa.Column(str, _one_of(BY_ID, "must be an indicator id listed in docs/indicators.md")),
            "area": pa.Column(str, _one_of(areas, f"must be one of {', '.join(areas)}")),
            "period": pa.Column(str),
            "period_end": pa.Column(str),
            "value": pa.Column(float, coerce=True, nullable=False),
            "source": pa.Column(str, pa.Check.str_length(min_value=1, name="must say where it was published")),
        },
        checks=[wide_check(_period_matches_end, rule="must be the 31 March that ends the period", column="period_end")],
        unique=["indicator_id", "area", "period"],
    )


def read_benchmarks(folder: Path, authority: str, region: str) -> tuple[pd.DataFrame | None, CheckOutcome]:
    """The file's rows (index = row in the file), or the findings that make it unusable."""
    path = folder / FILE_NAME
    if not path.is_file():
        return None, CheckOutcome("benchmarks", "valid", True, [Finding(FILE_NAME, f"reference file missing from {folder}")], 0)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        return None, CheckOutcome("benchmarks", "valid", True, [Finding(FILE_NAME, f"cannot be read as UTF-8 CSV ({type(exc).__name__})")], 0)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        findings = [Finding(FILE_NAME, "required column is missing", column=c, rows=(1,)) for c in missing]
        return None, CheckOutcome("benchmarks", "valid", True, findings, len(frame))
    frame = frame[COLUMNS].map(str.strip)
    frame.index = range(2, len(frame) + 2)
    findings = pandera_findings(schema(authority, region), frame, FILE_NAME)
    if not findings:
        frame["value"] = frame["value"].astype(float)
        frame["period_end"] = pd.to_datetime(frame["period_end"]).dt.date
    return (None if findings else frame), CheckOutcome("benchmarks", "valid", True, findings, len(frame))
