"""Finding the action plan's header row and mapping its columns.

A label matches after normalising: case is ignored, `&` reads as `and`, anything
that is not a letter or digit (line breaks, slashes, full stops) is a space, and
runs of spaces count once. So "Getting to \\nGood Plan \\nRef" and
"getting to good plan REF" are the same label. Each field has a few accepted
labels (below). The header row is the first row with at least three of the
required fields; columns may be in any order and extra columns are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# field -> accepted labels (normalised on use). The first label is the one we print.
LABELS: dict[str, tuple[str, ...]] = {
    "ref": ("Ref", "Ref No", "Ref Number", "Reference", "Action Ref", "Action No"),
    "g2g_ref": ("Getting to Good Plan Ref", "Getting to Good Ref", "G2G Ref", "G2G Plan Ref", "GTG Ref"),
    "activity": ("Activity", "Activities", "Action", "Actions"),
    "progress": ("Progress", "Progress Update", "Progress Updates", "Progress to Date", "Update", "Updates"),
    "evidence": ("Evidence",),
    "metric": ("Metric", "Metrics"),
    "current_data": ("Current Data & Date", "Current Data", "Current Data and Date"),
    "target_data": ("Target Data & Date", "Target Data", "Target"),
    "responsible_service": (
        "Responsible Service", "Responsible Services", "Responsible", "Lead", "Lead Officer", "Responsible Officer",
    ),
    "timescales": ("Timescales", "Timescale", "Due Date", "Deadline", "Target Date"),
    "brag": ("BRAG", "BRAG Status", "BRAG Rating", "B/RAG", "RAG", "RAG Status", "RAG Rating"),
}  # fmt: skip

REQUIRED: tuple[str, ...] = ("ref", "activity", "progress", "responsible_service", "timescales", "brag")
MIN_REQUIRED_TO_DETECT = 3


def normalise_label(value: object) -> str:
    if value is None:
        return ""
    text = str(value).lower().replace("&", " and ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


_LOOKUP: dict[str, str] = {normalise_label(label): name for name, labels in LABELS.items() for label in labels}


def label_for(field_name: str) -> str:
    return LABELS[field_name][0]


@dataclass
class Header:
    row: int  # the header's row number in the sheet
    columns: dict[str, int]  # field -> column index (1-based)
    duplicates: dict[str, list[int]] = field(default_factory=dict)  # field -> later columns with the same label

    @property
    def missing(self) -> list[str]:
        return [name for name in REQUIRED if name not in self.columns]

    @property
    def first_column(self) -> int:
        return min(self.columns.values())

    @property
    def last_column(self) -> int:
        return max(self.columns.values())


def match_header(values: dict[int, object], row: int) -> Header | None:
    """A Header when this row's cells (column -> value) name at least three required fields."""
    columns: dict[str, int] = {}
    duplicates: dict[str, list[int]] = {}
    for column in sorted(values):
        name = _LOOKUP.get(normalise_label(values[column]))
        if name is None:
            continue
        if name in columns:
            duplicates.setdefault(name, []).append(column)
        else:
            columns[name] = column
    if sum(1 for name in REQUIRED if name in columns) < MIN_REQUIRED_TO_DETECT:
        return None
    return Header(row=row, columns=columns, duplicates=duplicates)
