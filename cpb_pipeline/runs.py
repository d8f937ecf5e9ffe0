"""Reading a finished run's events back for the operator."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

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


LAUNCHED_BY = "cpb/launched_by"
PID = "cpb/pid"


@contextmanager
def refresh_lock(working_database: Path) -> Iterator[None]:
    """One CLI refresh at a time per warehouse; a second one says who holds the lock instead of colliding."""
    working_database.parent.mkdir(parents=True, exist_ok=True)
    lock_path = working_database.parent / "refresh.lock"
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise RefreshBusy(f"another refresh is running on this warehouse ({holder}); try again when it finishes") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class RefreshBusy(RuntimeError):
    pass


def fail_abandoned_cli_runs(instance: dg.DagsterInstance) -> list[str]:
    """Runs this CLI started whose process is gone (killed, machine restarted) are marked failed, so the UI and
    the run queue do not wait for them forever."""
    abandoned = []
    records = instance.get_runs(
        filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING],
                              tags={LAUNCHED_BY: "cli"})
    )
    for run in records:
        pid = int(run.tags.get(PID, "0") or 0)
        if pid and _alive(pid):
            continue
        instance.report_run_failed(run, message="The refresh process ended without finishing (killed or crashed).")
        abandoned.append(run.run_id)
    return abandoned


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
