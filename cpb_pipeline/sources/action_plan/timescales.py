"""The Timescales cell: the text as written and the due date it gives.

Councils type Timescales every which way. A cell gives a due date when the whole
cell (trimmed) is one of:

- a real Excel date or datetime. A date formatted without a day (`mmm-yy`, as Excel
  stores a typed "Dec-19") is a month, so its due date is the month's last day;
- day/month/year with `/`, `.` or `-` between the parts and a 2- or 4-digit year:
  `31/12/19`, `30.11.19`, `28/02/2020`, and the doubled or mixed separators of
  quick typing (`30.11..19`, `01./03/20`);
- a day, month name and year: `30th April 2020`, `1 Sept 2019`;
- a month name and year: `Dec-19`, `Dec 18`, `March 2020` (the month's last day),
  and the slipped hyphen `Nov1-9` (read as Nov-19, with a warning).

Anything else is free text (`Ongoing`, `TBC`, `Spring Term 2019 - Nov 19`, two
dates in one cell): no due date, and a warning for the operator. A date-shaped
value that is not a calendar date (`31/04/19`) is free text too, with its own
warning. Two-digit years are 20yy.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

# Kinds of Timescales cell
DATE = "date"  # a whole date: due that day
MONTH = "month"  # a month and year: due on its last day
BLANK = "blank"
FREE_TEXT = "free_text"  # no due date
NOT_A_DATE = "not_a_calendar_date"  # looks like a date but is not one (31/04/19)

_DMY = re.compile(r"^(\d{1,2})\s*[./-]+\s*(\d{1,2})\s*[./-]+\s*(\d{4}|\d{2})$")
_D_MONTH_Y = re.compile(r"^(\d{1,2})\s*(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4}|\d{2})$", re.IGNORECASE)
_MONTH_Y = re.compile(r"^([a-z]+)\.?\s*[-/ ]?\s*'?(\d{4}|\d{2})$", re.IGNORECASE)
_MONTH_SLIPPED = re.compile(r"^([a-z]+)\s*(\d)\s*-\s*(\d)$", re.IGNORECASE)  # Nov1-9 for Nov-19


@dataclass(frozen=True)
class Timescale:
    text: str | None  # the cell as written (dates rendered in the cell's number format)
    due_date: dt.date | None
    kind: str  # DATE, MONTH, BLANK, FREE_TEXT or NOT_A_DATE
    typo: bool = False  # read through a known typing slip (Nov1-9); worth a warning


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def parse_timescale(value: object, number_format: str | None = None) -> Timescale:
    """Read one Timescales cell value (as openpyxl gives it) and its number format."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Timescale(None, None, BLANK)
    if isinstance(value, (dt.datetime, dt.date)):
        day = value.date() if isinstance(value, dt.datetime) else value
        text = format_excel_date(day, number_format)
        if number_format and is_month_format(number_format):
            return Timescale(text, month_end(day.year, day.month), MONTH)
        return Timescale(text, day, DATE)
    if isinstance(value, (int, float)):  # a number that is not formatted as a date
        return Timescale(_number_text(value), None, FREE_TEXT)
    text = str(value)
    return parse_timescale_text(text)


def parse_timescale_text(text: str) -> Timescale:
    """Read a Timescales cell typed as text."""
    flat = " ".join(text.split())
    if not flat:
        return Timescale(None, None, BLANK)
    if match := _DMY.match(flat):
        day, month, year = int(match[1]), int(match[2]), _year(match[3])
        return _calendar_date(text, year, month, day)
    if match := _D_MONTH_Y.match(flat):
        month = MONTHS.get(match[2].lower())
        if month is not None:
            return _calendar_date(text, _year(match[3]), month, int(match[1]))
    if match := _MONTH_Y.match(flat):
        month = MONTHS.get(match[1].lower())
        if month is not None:
            return Timescale(text, month_end(_year(match[2]), month), MONTH)
    if match := _MONTH_SLIPPED.match(flat):
        month = MONTHS.get(match[1].lower())
        if month is not None:
            return Timescale(text, month_end(_year(match[2] + match[3]), month), MONTH, typo=True)
    return Timescale(text, None, FREE_TEXT)


def _calendar_date(text: str, year: int, month: int, day: int) -> Timescale:
    try:
        return Timescale(text, dt.date(year, month, day), DATE)
    except ValueError:
        return Timescale(text, None, NOT_A_DATE)


def _number_text(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --- Excel number formats -------------------------------------------------------------

_FORMAT_NOISE = re.compile(r'\[[^\]]*\]|"[^"]*"|\\.|_.|\*.')
_FORMAT_TOKEN = re.compile(r"(yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d)", re.IGNORECASE)


def is_month_format(number_format: str) -> bool:
    """True for a date format that shows month and year but no day (mmm-yy, mmmm yyyy)."""
    tokens = [t.lower() for t in _FORMAT_TOKEN.findall(_FORMAT_NOISE.sub("", number_format.split(";")[0]))]
    return any(t.startswith("m") for t in tokens) and any(t.startswith("y") for t in tokens) and not any(
        t.startswith("d") for t in tokens
    )


def format_excel_date(day: dt.date, number_format: str | None) -> str:
    """Render a date as Excel shows it for the common day/month/year formats; ISO otherwise."""
    fmt = (number_format or "").split(";")[0]
    fmt = re.split(r"\s*(?:h|s|am/pm|a/p)", fmt, maxsplit=1, flags=re.IGNORECASE)[0]  # the date part only
    if not fmt or fmt.lower() == "general" or not _FORMAT_TOKEN.search(fmt):
        return day.isoformat()
    parts: list[str] = []
    pos = 0
    for match in _FORMAT_TOKEN.finditer(fmt):
        parts.append(_literal(fmt[pos : match.start()]))
        parts.append(_render(day, match[1].lower()))
        pos = match.end()
    parts.append(_literal(fmt[pos:]))
    return "".join(parts).strip()


def _literal(chunk: str) -> str:
    chunk = re.sub(r"\[[^\]]*\]", "", chunk)
    chunk = re.sub(r'"([^"]*)"', r"\1", chunk)
    return re.sub(r"\\(.)", r"\1", chunk)


def _render(day: dt.date, token: str) -> str:
    return {
        "yyyy": f"{day.year:04d}",
        "yy": f"{day.year % 100:02d}",
        "mmmmm": calendar.month_name[day.month][:1],
        "mmmm": calendar.month_name[day.month],
        "mmm": calendar.month_abbr[day.month],
        "mm": f"{day.month:02d}",
        "m": str(day.month),
        "dddd": calendar.day_name[day.weekday()],
        "ddd": calendar.day_abbr[day.weekday()],
        "dd": f"{day.day:02d}",
        "d": str(day.day),
    }[token]
