"""Errors that reach an operator.

Every problem with a council's input is reported as a `Finding`: where it is
(file or sheet, row as the user sees it in the file, column) and which rule it
breaks. A finding never carries a cell value from a record about a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    """One broken rule, located in a source file."""

    file: str
    rule: str
    column: str | None = None
    rows: tuple[int, ...] = ()
    count: int = 1
    sheet: str | None = None
    detail: str | None = None
    code: str | None = None
    """A short machine name for the rule, where a source sorts findings into separate checks."""

    def describe(self) -> str:
        where = self.file if self.sheet is None else f"{self.file} sheet '{self.sheet}'"
        if self.rows:
            shown = ", ".join(str(r) for r in self.rows[:5])
            more = f" and {self.count - len(self.rows[:5])} more" if self.count > 5 else ""
            where += f" row{'s' if self.count > 1 else ''} {shown}{more}"
        if self.column:
            where += f", column {self.column}"
        text = f"{where}: {self.rule}"
        if self.detail:
            text += f" ({self.detail})"
        return text

    def as_metadata(self) -> dict[str, object]:
        """A JSON-safe summary for Dagster metadata: counts and places, no values."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "column": self.column,
            "rule": self.rule,
            "count": self.count,
            "rows": list(self.rows[:20]),
        }


@dataclass
class InputError(Exception):
    """Bad input that stops a load. Its message names file, row, column and rule."""

    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [f.describe() for f in self.findings]
        head = "Input rejected" if len(lines) == 1 else f"Input rejected: {len(lines)} problems"
        return head + ":\n  - " + "\n  - ".join(lines)


class ConfigError(Exception):
    """The authority profile cannot be used; the message says which key and why."""
