"""Reading a finished run's events back for the operator."""

from __future__ import annotations

from collections.abc import Iterable

import dagster as dg


def failure_lines(events: Iterable[dg.DagsterEvent]) -> list[str]:
    """One block per failed step: its name, then the message its code gave (no stack trace)."""
    lines: list[str] = []
    for event in events:
        if event.event_type_value != "STEP_FAILURE":
            continue
        data = event.step_failure_data
        if data.user_failure_data and data.user_failure_data.description:
            message = data.user_failure_data.description
        elif data.error:
            error = data.error
            while error.cause is not None:
                error = error.cause
            message = error.message.strip()
        else:
            message = "failed"
        lines.append(f"step {event.step_key}: {message}")
    return lines or ["the run failed before any step ran; see the run in the Dagster UI"]
