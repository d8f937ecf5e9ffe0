"""The Progress cell: dated notes, the latest update and its text.

Leads add a note per update, each on a new line that opens with its date:
`23.07.19 - Awaiting ...`. A line opens a note when it starts with a day, month and
year separated by `.` or `/` (2- or 4-digit year, spaces around the separators
tolerated, the dash after the date optional: `30.04.19 PAP Mtg ...`), or by single
spaces when all three parts have two digits (`23 07 19 - ...`). A note runs to the
next dated line or blank line. Dates written inside a line do not open notes.

`latest_update_date` is the newest opening date; the latest note is the text of the
note(s) with that date. Opening dates that are not calendar dates (`05.13.19`) are
ignored and reported.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_NOTE_DATE = re.compile(
    r"^\s*(?:"
    r"(?P<d1>\d{1,2})\s*[./]+\s*(?P<m1>\d{1,2})\s*[./]+\s*(?P<y1>\d{4}|\d{2})"
    r"|(?P<d2>\d{2}) (?P<m2>\d{2}) (?P<y2>\d{4}|\d{2})"
    r")(?![\d/.]\d)(?=$|[\s\-–—:,;.)])"
)


@dataclass(frozen=True)
class Note:
    date: dt.date
    text: str


@dataclass(frozen=True)
class Progress:
    latest_update_date: dt.date | None
    latest_note: str | None
    notes: tuple[Note, ...] = ()
    impossible_dates: tuple[str, ...] = ()  # note-opening dates that are not calendar dates


def note_date(line: str) -> tuple[dt.date | None, str | None]:
    """(date, None) when the line opens a dated note; (None, raw) for an impossible date; (None, None) otherwise."""
    match = _NOTE_DATE.match(line)
    if not match:
        return None, None
    day, month, year = (match["d1"], match["m1"], match["y1"]) if match["d1"] else (match["d2"], match["m2"], match["y2"])
    full_year = 2000 + int(year) if len(year) == 2 else int(year)
    try:
        return dt.date(full_year, int(month), int(day)), None
    except ValueError:
        return None, match.group(0).strip()


def parse_progress(text: str | None) -> Progress:
    if not text or not str(text).strip():
        return Progress(None, None)
    notes: list[Note] = []
    impossible: list[str] = []
    current_date: dt.date | None = None
    current_lines: list[str] = []

    def close() -> None:
        nonlocal current_date, current_lines
        if current_date is not None:
            notes.append(Note(current_date, "\n".join(current_lines).strip()))
        current_date, current_lines = None, []

    for raw in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            close()
            continue
        day, bad = note_date(line)
        if day is not None:
            close()
            current_date, current_lines = day, [line]
        else:
            if bad is not None:
                impossible.append(bad)
                close()
            elif current_date is not None:
                current_lines.append(line)
    close()
    if not notes:
        return Progress(None, None, (), tuple(impossible))
    latest = max(n.date for n in notes)
    latest_text = "\n".join(n.text for n in notes if n.date == latest)
    return Progress(latest, latest_text, tuple(notes), tuple(impossible))
