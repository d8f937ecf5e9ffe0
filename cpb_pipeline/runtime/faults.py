"""Fault injection for the crash-safety tests.

With `CPB_FAULT_PAUSE=<point>` a run writes `CPB_FAULT_MARKER` and waits when
it reaches that point, so a test can kill it there with SIGKILL. Unset (always,
outside those tests) it does nothing.
"""

import os
import time
from pathlib import Path


def fault_point(name: str) -> None:
    if os.environ.get("CPB_FAULT_PAUSE") != name:
        return
    marker = os.environ.get("CPB_FAULT_MARKER")
    if marker:
        Path(marker).write_text(name)
    time.sleep(3600)
