"""One month's IRO workbook: read, stage and run every rule.

`load_month` never raises for bad input. It returns the staged frames and one
`CheckOutcome` per check, so the asset can record every check result in Dagster
before it decides whether the month may be written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from cpb_pipeline.domain.calendar import month_end
from cpb_pipeline.domain.errors import Finding
from cpb_pipeline.domain.iro import CHALLENGES, STAFFING, file_name
from cpb_pipeline.domain.tables import IRO_STAGING
from cpb_pipeline.runtime.checks import CheckOutcome
from cpb_pipeline.runtime.privacy import PseudonymKey
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline.sources.iro import normalise, rules
from cpb_pipeline.sources.iro.workbook import read_workbook


@dataclass
class IroMonth:
    month: str
    path: Path
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    outcomes: list[CheckOutcome] = field(default_factory=list)

    @property
    def month_end(self) -> dt.date:
        return month_end(self.month)

    def blocking_failures(self) -> list[CheckOutcome]:
        """Failed blocking checks; a file-level finding both sheets share is listed once."""
        seen: set[Finding] = set()
        failures = []
        for outcome in self.outcomes:
            if outcome.blocking and not outcome.passed:
                fresh = [f for f in outcome.findings if f not in seen]
                seen.update(fresh)
                failures.append(outcome if len(fresh) == len(outcome.findings) else replace(outcome, findings=fresh))
        return failures

    def outcome(self, table: str, name: str) -> CheckOutcome | None:
        return next((o for o in self.outcomes if o.table == table and o.name == name), None)

    def staged(self, table: str) -> pd.DataFrame:
        """What the warehouse stores: staged columns only, flags dropped, with the partition's period_end."""
        frame = self.frames[table]
        out = frame[IRO_STAGING[table].column_names[1:]].reset_index(drop=True)
        out.insert(0, "period_end", pd.Timestamp(self.month_end))
        return out

    def write(self, store: WarehouseStore) -> dict[str, int]:
        """Both staging tables in one transaction; the rows written per table."""
        tables = {IRO_STAGING[t].qualified: IRO_STAGING[t].typed(self.staged(t)) for t in self.frames}
        store.replace_partitions(tables, "period_end", self.month_end)
        return {t: len(self.frames[t]) for t in self.frames}


def workbook_path(folder: Path, month: str) -> Path:
    return Path(folder) / file_name(month)


def load_month(folder: Path, month: str, key: PseudonymKey, lcs_persons: set[str] | None) -> IroMonth:
    """Read `<folder>/iro_statistics_<month>.xlsx` and run every rule.

    `lcs_persons` are the person pseudonyms of the same month's LCS extract (None when
    it is not staged: the children check then fails as a warning saying so).
    """
    path = workbook_path(folder, month)
    loaded = IroMonth(month, path)
    book = read_workbook(path)
    display = book.display_name
    if book.findings:
        for spec in (CHALLENGES, STAFFING):
            loaded.outcomes.append(CheckOutcome(spec.table, "valid", True, list(book.findings), 0))
        return loaded
    key_frames = {}
    for spec in (CHALLENGES, STAFFING):
        raw = book.sheets[spec.name]
        if raw.frame is None:
            loaded.outcomes.append(CheckOutcome(spec.table, "valid", True, raw.findings, 0))
            continue
        frame = normalise.stage(raw, key)
        schema = rules.challenges_schema() if spec is CHALLENGES else rules.staffing_schema()
        findings = rules.sheet_findings(schema, frame, display, spec.name)
        if spec is STAFFING and len(frame) != 1:
            rows = tuple(int(r) for r in frame.index[1:]) or (2,)
            findings.insert(0, Finding(display, rules.ONE_ROW_RULE, sheet=spec.name, rows=rows[:20],
                                       count=len(rows), detail=f"found {len(frame)} rows"))
        loaded.outcomes.append(CheckOutcome(spec.table, "valid", True, findings, len(frame)))
        key_frames[spec.table] = frame
    loaded.frames = key_frames
    _warnings(loaded, display, lcs_persons)
    return loaded


def _warnings(loaded: IroMonth, display: str, lcs_persons: set[str] | None) -> None:
    challenges = loaded.frames.get(CHALLENGES.table)
    if challenges is not None:
        for name, schema in rules.warning_schemas(loaded.month_end).items():
            findings = rules.sheet_findings(schema, challenges, display, CHALLENGES.name)
            loaded.outcomes.append(CheckOutcome(CHALLENGES.table, name, False, findings, len(challenges)))
        if lcs_persons is None:
            findings = [
                Finding(display, "cannot check the children: the month's LCS extract is not in the warehouse yet "
                        "(stage it, then refresh the IRO workbook)", sheet=CHALLENGES.name, column="person_id")
            ]
        else:
            findings = rules.sheet_findings(rules.children_schema(lcs_persons), challenges, display, CHALLENGES.name)
        loaded.outcomes.append(CheckOutcome(CHALLENGES.table, "children_in_lcs_extract", False, findings, len(challenges)))
    staffing = loaded.frames.get(STAFFING.table)
    if staffing is not None:
        schema = rules.agency_schema()
        findings = rules.sheet_findings(schema, staffing, display, STAFFING.name)
        loaded.outcomes.append(CheckOutcome(STAFFING.table, "agency_within_fte", False, findings, len(staffing)))

