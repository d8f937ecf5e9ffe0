"""Where the board outputs go (docs/outputs.md) and how they are written: to a temporary name, then renamed into place.

`<outputs>/YYYY-MM/board_pack_YYYY-MM.xlsx`, `board_report_YYYY-MM.html` and `.pdf`;
the published versions add `_published` before the extension. A reader (or the
council's web team copying the folder) never sees a half-written file: each is
written beside its final name and moved over it in one step.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def output_path(outputs: Path, month: str, stem: str, extension: str, *, published: bool) -> Path:
    """e.g. output_path(root, "2019-08", "board_pack", "xlsx", published=True) -> root/2019-08/board_pack_2019-08_published.xlsx"""
    suffix = "_published" if published else ""
    return Path(outputs) / month / f"{stem}_{month}{suffix}.{extension}"


def write_atomically(path: Path, write: Callable[[Path], T]) -> T:
    """Call `write(temporary_path)`, then rename the temporary file to `path`; nothing is left behind on failure.

    If `write` wrote nothing (a PDF that could not be made), `path` is left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.tmp{path.suffix}")
    try:
        result = write(temporary)
        if temporary.exists():
            os.replace(temporary, path)
        return result
    finally:
        if temporary.exists():
            temporary.unlink()
