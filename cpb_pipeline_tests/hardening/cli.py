"""Running the real CLI in a child process, as an operator or a scheduler would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def env_for(authority, **extra: str) -> dict[str, str]:
    home = authority.root / "dagster_home"
    home.mkdir(exist_ok=True)
    return {**os.environ, "CPB_CONFIG": str(authority.profile_path), "DAGSTER_HOME": str(home), **extra}


def refresh(authority, month: str, timeout: float = 300, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cpb_pipeline", "refresh", "--month", month],
        capture_output=True, text=True, env=env_for(authority, **extra), timeout=timeout,
    )


def start_refresh(authority, month: str, **extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "cpb_pipeline", "refresh", "--month", month],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_for(authority, **extra), start_new_session=True,
    )


def kill_at(authority, month: str, point: str, timeout: float = 240) -> None:
    """Start a refresh that pauses at a fault point, wait until it gets there, and SIGKILL it."""
    marker = authority.root / f"reached-{point}"
    marker.unlink(missing_ok=True)
    process = start_refresh(authority, month, CPB_FAULT_PAUSE=point, CPB_FAULT_MARKER=str(marker))
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if process.poll() is not None:
            raise AssertionError(f"refresh ended before reaching {point}: {process.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            raise AssertionError(f"refresh did not reach {point}")
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def kill_after(authority, month: str, seconds: float) -> int | None:
    """SIGKILL a refresh `seconds` after it starts, wherever it is; the exit code if it finished first."""
    process = start_refresh(authority, month)
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        return None


READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
for line in sys.stdin:
    print(con.execute(line).fetchone()[0], flush=True)
"""


class Reader:
    """A downstream tool holding the published warehouse open for as long as the test wants."""

    def __init__(self, path: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-c", READER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def query(self, sql: str):
        self.process.stdin.write(sql.replace("\n", " ") + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
