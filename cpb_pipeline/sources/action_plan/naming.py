"""The snapshot date of an action plan workbook: the YYYY-MM-DD in its file name."""

from __future__ import annotations

import datetime as dt
import re

from cpb_pipeline.domain.errors import Finding, InputError

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def snapshot_date_from_name(name: str) -> dt.date:
    """`Corporate Parenting Delivery Plan 2019-09-11.xlsx` -> 2019-09-11; anything else is an InputError."""
    found = {match.group(0) for match in _DATE_IN_NAME.finditer(name)}
    if not found:
        raise InputError([Finding(name, "file name must contain the snapshot date as YYYY-MM-DD")])
    if len(found) > 1:
        raise InputError(
            [Finding(name, "file name must contain one snapshot date (YYYY-MM-DD)", detail=", ".join(sorted(found)))]
        )
    text = found.pop()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError([Finding(name, "the date in the file name is not a calendar date", detail=text)]) from None
