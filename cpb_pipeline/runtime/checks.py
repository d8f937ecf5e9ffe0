"""Check outcomes, and how they show in Dagster.

Sources run their rules as plain functions and return `CheckOutcome`s; this
module turns them into asset check results whose metadata holds counts, files,
rows and columns (never a value), and into the one message an operator reads
when a blocking check stops the month.
"""

from __future__ import annotations

from dataclasses import dataclass

import dagster as dg

from cpb_pipeline.domain.errors import Finding


@dataclass(frozen=True)
class CheckDef:
    """A check a source runs, as declared to Dagster before anything is read."""

    table: str
    name: str
    blocking: bool
    description: str


@dataclass
class CheckOutcome:
    table: str
    name: str
    blocking: bool
    findings: list[Finding]
    rows_checked: int

    @property
    def passed(self) -> bool:
        return not self.findings

    @property
    def failing_rows(self) -> int:
        return sum(f.count for f in self.findings)


def check_result(asset_key: dg.AssetKey, outcome: CheckOutcome) -> dg.AssetCheckResult:
    severity = dg.AssetCheckSeverity.ERROR if outcome.blocking else dg.AssetCheckSeverity.WARN
    metadata: dict[str, object] = {
        "rows_checked": dg.MetadataValue.int(outcome.rows_checked),
        "failing_rows": dg.MetadataValue.int(outcome.failing_rows),
    }
    if outcome.findings:
        metadata["findings"] = dg.MetadataValue.md(findings_table(outcome.findings))
        metadata["findings_json"] = dg.MetadataValue.json([f.as_metadata() for f in outcome.findings])
    return dg.AssetCheckResult(
        asset_key=asset_key,
        check_name=outcome.name,
        passed=outcome.passed,
        severity=severity,
        metadata=metadata,
        description=None if outcome.passed else outcome.findings[0].describe(),
    )


def findings_table(findings: list[Finding]) -> str:
    lines = ["| file | sheet | column | rule | count | rows |", "|---|---|---|---|---|---|"]
    for f in findings:
        rows = ", ".join(str(r) for r in f.rows[:10]) + (" …" if f.count > 10 else "")
        lines.append(f"| {f.file} | {f.sheet or ''} | {f.column or ''} | {f.rule} | {f.count} | {rows} |")
    return "\n".join(lines)


def blocking_failure(outcomes: list[CheckOutcome], what: str) -> dg.Failure:
    """The Failure that stops a step: every blocking finding, one per line, each naming file, row, column, rule."""
    findings = [f for o in outcomes for f in o.findings]
    lines = "\n".join(f"  - {f.describe()}" for f in findings[:25])
    more = f"\n  … and {len(findings) - 25} more" if len(findings) > 25 else ""
    return dg.Failure(
        description=f"{what} rejected by blocking checks; nothing was written:\n{lines}{more}",
        metadata={"findings": dg.MetadataValue.md(findings_table(findings))},
        allow_retries=False,
    )
