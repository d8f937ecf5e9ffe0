"""What every part of the board view is made of: a figure as a version shows it, and a part's heading.

A figure carries both its number (the pack stores numbers, with a number format) and its
text (the report prints words), worked out once here so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from cpb_pipeline.domain.catalogue import Unit
from cpb_pipeline.outputs.formats import MISSING, number_text, shown_value


@dataclass(frozen=True)
class Shown:
    """One figure as a version shows it. A suppressed figure keeps no value at all."""

    value: float | None  # rounded for display (whole counts, one decimal otherwise); None: missing or suppressed
    suppressed: bool = False
    note: str | None = None  # e.g. "not yet published" where a comparator has not published the latest year
    raw: float | None = None  # the unrounded warehouse value (None when suppressed)
    text: str = MISSING  # how it reads: '2,117', '89.7 %', the symbol, the note, or the dash for no figure

    @property
    def state(self) -> str:
        """value, suppressed, note or missing: what the report marks each cell as."""
        if self.suppressed:
            return "suppressed"
        if self.value is None:
            return "note" if self.note else "missing"
        return "value"


def figure(unit: Unit, raw: float | None) -> Shown:
    """A figure that is shown (the dash when there is none)."""
    value = shown_value(unit, raw)
    return Shown(value, raw=raw, text=number_text(unit, value))


def withheld(symbol: str) -> Shown:
    """A figure the published version suppresses: only the symbol is left."""
    return Shown(None, suppressed=True, text=symbol)


def no_figure(note: str | None = None) -> Shown:
    """No figure for that month or year, with a word on why where there is one."""
    return Shown(None, note=note, text=note or MISSING)


@dataclass(frozen=True)
class Heading:
    """What a part of the board is called and where it is: the same words in the pack and in the report."""

    title: str  # the sheet's and the section's title, and its line in the contents
    section: str  # the part of the board it belongs to: above the title in the report, beside it in the contents
    group: str  # the heading the report's contents list it under
    sheet: str  # the pack's sheet (31 characters at most)
    anchor: str  # the report's id for it
