"""The run's asset check results, as the data quality page lists them.

Read from the Dagster instance: the ASSET_CHECK_EVALUATION events of one run.
Only names and counts are kept (asset, check, severity, passed, rows checked,
failing rows) and, for a failed check, where and which rule (file, sheet,
column, rule of each finding in `findings_json`, see `checks.py`): never a value,
never a row number, never the free-text description of a failure.
"""

from __future__ import annotations

import dagster as dg

from cpb_pipeline.outputs.data import CheckRecord

FINDINGS_SHOWN = 3


def run_check_records(instance: dg.DagsterInstance, run_id: str) -> list[CheckRecord]:
    """One record per (asset, check) evaluated in the run (the last evaluation wins), in the order first seen."""
    records: dict[tuple[str, str], CheckRecord] = {}
    for entry in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION):
        event = entry.dagster_event
        evaluation = event.event_specific_data if event is not None else None
        if evaluation is None:
            continue
        metadata = dict(evaluation.metadata or {})
        asset = evaluation.asset_key.to_user_string()
        records[(asset, evaluation.check_name)] = CheckRecord(
            asset=asset,
            check=evaluation.check_name,
            severity=getattr(evaluation.severity, "value", str(evaluation.severity)),
            passed=bool(evaluation.passed),
            failing_rows=_int(metadata.get("failing_rows")),
            rows_checked=_int(metadata.get("rows_checked")),
            description=None if evaluation.passed else _where(metadata.get("findings_json")),
        )
    return list(records.values())


def _int(value: object) -> int | None:
    raw = getattr(value, "value", value)
    try:
        return None if raw is None else int(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _where(value: object) -> str | None:
    findings = getattr(value, "data", value)
    if not isinstance(findings, list):
        return None
    parts = []
    for finding in findings[:FINDINGS_SHOWN]:
        if not isinstance(finding, dict):
            continue
        place = str(finding.get("file") or "")
        if finding.get("sheet"):
            place += f" sheet '{finding['sheet']}'"
        if finding.get("column"):
            place += f", column {finding['column']}"
        parts.append(f"{place}: {finding.get('rule') or 'rule broken'}".lstrip(": "))
    if len(findings) > FINDINGS_SHOWN:
        parts.append(f"and {len(findings) - FINDINGS_SHOWN} more")
    return "; ".join(parts) or None
