"""One month's LCS extract: read every file, stage it, and run every rule.

`load_extract` never raises for bad input. It returns the staged frames and
one `CheckOutcome` per check, so the asset can record every check result in
Dagster before it decides whether the month may be written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from cpb_pipeline.domain.calendar import extraction_date, month_end
from cpb_pipeline.domain.errors import Finding
from cpb_pipeline.domain.lcs import TABLES, TableSpec
from cpb_pipeline.domain.tables import LCS_STAGING
from cpb_pipeline.runtime.checks import CheckDef, CheckOutcome
from cpb_pipeline.runtime.privacy import PseudonymKey
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline.runtime.validation import pandera_findings
from cpb_pipeline.sources.lcs import normalise, reader
from cpb_pipeline.sources.lcs.rules import (
    SchemaParts,
    children_with_no_team,
    cla_without_health_check,
    codes_in_set,
    dated_after_extraction,
    dates_parse,
    periods_in_order,
    references_exist,
    required_values,
    unique_ids,
)


def check_definitions() -> list[CheckDef]:
    """Every check the extract runs, for the Dagster check specs."""
    defs = []
    for spec in TABLES:
        defs.append(
            CheckDef(
                spec.name,
                "valid",
                True,
                "Pandera schema: file readable, required columns present, required values, real dates, "
                "codes in their sets, unique ids, no end before its start.",
            )
        )
        if references_exist.applies(spec):
            defs.append(
                CheckDef(spec.name, "references", True, "Every person, team, period of care or plan it names is in the extract.")
            )
        if dated_after_extraction.applies(spec):
            defs.append(
                CheckDef(spec.name, "dated_after_extraction", False, "Events dated after the day the extract was produced.")
            )
    defs.append(CheckDef("ssd_involvements", "children_with_no_team", False, children_with_no_team.__doc__.strip()))
    defs.append(CheckDef("ssd_cla_health", "cla_without_health_check", False, cla_without_health_check.__doc__.strip()))
    return defs


@dataclass
class Extract:
    """A month's staged tables: frames for validation, and the same rows in an in-memory DuckDB for writing."""

    month: str
    folder: Path
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    outcomes: list[CheckOutcome] = field(default_factory=list)
    con: duckdb.DuckDBPyConnection | None = None

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def write(self, store: WarehouseStore) -> dict[str, int]:
        """All ten staging tables in one transaction, straight from DuckDB; the rows written per table."""
        selects = {
            LCS_STAGING[name].qualified: (
                f"SELECT DATE '{self.month_end:%Y-%m-%d}' AS period_end, * EXCLUDE (source_row), source_row "
                f"FROM staged_{name}",
                LCS_STAGING[name].column_types,
            )
            for name in self.frames
        }
        store.replace_partitions_from(self.con, selects, "period_end", self.month_end)
        return {name: len(frame) for name, frame in self.frames.items()}

    @property
    def month_end(self) -> dt.date:
        return month_end(self.month)

    def blocking_failures(self) -> list[CheckOutcome]:
        return [o for o in self.outcomes if o.blocking and not o.passed]


def table_schema_parts(spec: TableSpec) -> SchemaParts:
    parts = SchemaParts()
    for rule in (required_values, dates_parse, codes_in_set, unique_ids, periods_in_order):
        parts.add(rule.parts(spec))
    return parts


def load_extract(folder: Path, month: str, key: PseudonymKey, encoding: str = "utf-8") -> Extract:
    """Read, stage and validate every file; the caller writes it (`Extract.write`) and closes it.

    `encoding` is the profile's `extract_encoding`, the text encoding of every file in the folder.
    """
    extract = Extract(month=month, folder=folder)
    if not folder.is_dir():
        for spec in TABLES:
            missing = Finding(f"{folder.name}/{spec.file_name}", f"the month's extract folder {folder} does not exist")
            extract.outcomes.append(CheckOutcome(spec.name, "valid", True, [missing], 0))
        return extract
    con = extract.con = duckdb.connect()
    staged, readable = set(), []
    for spec in TABLES:
        raw = reader.read_raw(con, folder / spec.file_name, spec, f"{folder.name}/{spec.file_name}", encoding)
        if raw.relation is None:
            extract.outcomes.append(CheckOutcome(spec.name, "valid", True, raw.findings, 0))
            continue
        normalise.stage(con, raw, key)
        staged.add(spec.name)
        readable.append(spec)
    for spec in readable:
        display = f"{folder.name}/{spec.file_name}"
        frame = normalise.fetch(con, spec, staged)
        findings = pandera_findings(table_schema_parts(spec).schema(spec.name), frame, display)
        extract.outcomes.append(CheckOutcome(spec.name, "valid", True, findings, len(frame)))
        extract.frames[spec.name] = frame
    _cross_checks(extract)
    return extract


def _cross_checks(extract: Extract) -> None:
    frames = extract.frames
    extracted = extraction_date(extract.month)
    for spec in TABLES:
        frame = frames.get(spec.name)
        if frame is None:
            continue
        display = f"{extract.folder.name}/{spec.file_name}"
        targets = {c.references[0] for c in spec.columns if c.references}
        if targets and targets <= frames.keys():
            schema = references_exist.parts(spec, frames.keys()).schema(spec.name)
            extract.outcomes.append(
                CheckOutcome(spec.name, "references", True, pandera_findings(schema, frame, display), len(frame))
            )
        if dated_after_extraction.applies(spec):
            schema = dated_after_extraction.parts(spec, extracted).schema(spec.name)
            extract.outcomes.append(
                CheckOutcome(spec.name, "dated_after_extraction", False, pandera_findings(schema, frame, display), len(frame))
            )
    if all(t in frames for t in ("ssd_involvements", "ssd_cp_plans", "ssd_cla_episodes")):
        findings, checked = [], 0
        for table, cohort in children_with_no_team.cohort_frames(extract.con, extract.month_end).items():
            findings += pandera_findings(children_with_no_team.SCHEMA, cohort, f"{extract.folder.name}/{table}.csv")
            checked += len(cohort)
        extract.outcomes.append(CheckOutcome("ssd_involvements", "children_with_no_team", False, findings, checked))
    if all(t in frames for t in ("ssd_cla_episodes", "ssd_cla_health")):
        cohort = cla_without_health_check.cohort_frame(extract.con, extract.month_end)
        findings = pandera_findings(
            cla_without_health_check.SCHEMA, cohort, f"{extract.folder.name}/ssd_cla_episodes.csv"
        )
        extract.outcomes.append(CheckOutcome("ssd_cla_health", "cla_without_health_check", False, findings, len(cohort)))
