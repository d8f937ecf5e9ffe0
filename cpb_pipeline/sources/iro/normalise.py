"""From raw cells to staged values.

Trims text (an empty cell is null); reads dates that are real Excel dates or
text `DD/MM/YYYY` or `YYYY-MM-DD`; matches codes ignoring case and spaces and
writes them in the contract's spelling; reads numbers typed as numbers or as
text; replaces the challenge id and the child's LCS person id with keyed
pseudonyms (the person's in the LCS `person` namespace, so it joins to
staging.ssd_person). A value that does not parse becomes null and raises a flag
column (`<column>__unparsed`, `__not_in_set`, `__not_number`,
`__no_saved_result`) that the validation rules read, so a bad cell is reported
by row and column without its value being copied anywhere.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

from cpb_pipeline.domain.iro import CHALLENGE_NAMESPACE, PERSON_NAMESPACE, SheetSpec
from cpb_pipeline.runtime.privacy import PseudonymKey
from cpb_pipeline.sources.iro.workbook import RawSheet
from cpb_pipeline.sources.lcs.normalise import NOT_IN_SET, UNPARSED, code_key

NOT_NUMBER = "__not_number"
NO_SAVED_RESULT = "__no_saved_result"
TEXT_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S")
_NAMESPACES = {"id": CHALLENGE_NAMESPACE, "person": PERSON_NAMESPACE}


def text_of(value: Any) -> str | None:
    """A cell as trimmed text; whole numbers lose the `.0` Excel gives them (id 1001 stays '1001')."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def date_of(value: Any) -> tuple[dt.date | None, bool]:
    """(date, unparsed): a real Excel date, or text in one of the accepted forms."""
    if value is None:
        return None, False
    if isinstance(value, dt.datetime):
        return value.date(), False
    if isinstance(value, dt.date):
        return value, False
    text = text_of(value) if isinstance(value, str) else None
    if text is None:
        return (None, False) if isinstance(value, str) else (None, True)
    for fmt in TEXT_DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date(), False
        except ValueError:
            continue
    return None, True


def number_of(value: Any) -> tuple[float | None, bool]:
    """(number, not_a_number): a numeric cell, or numeric text such as ' 44.5 ' or '3,512'."""
    if value is None:
        return None, False
    if isinstance(value, bool):
        return None, True
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = text_of(value)
        if text is None:
            return None, False
        try:
            number = float(text.replace(",", ""))
        except ValueError:
            return None, True
    if math.isnan(number) or math.isinf(number):
        return None, True
    return number, False


def code_of(value: Any, codes: tuple[str, ...]) -> tuple[str | None, bool]:
    text = text_of(value)
    if text is None:
        return None, False
    wanted = {code_key(c): c for c in codes}
    found = wanted.get(code_key(text))
    return found, found is None


def stage(raw: RawSheet, key: PseudonymKey) -> pd.DataFrame:
    """The staged frame of one sheet: staged columns plus flags, indexed by the row number in the sheet."""
    spec: SheetSpec = raw.spec
    frame = raw.frame
    assert frame is not None
    out = pd.DataFrame(index=frame.index)
    out["source_row"] = frame.index.astype("int64")
    for f in spec.fields:
        cells = frame[f.name].tolist()
        if f.kind in _NAMESPACES:
            texts = [text_of(c) for c in cells]
            out[f.name] = pd.Series(
                [key.pseudonym(_NAMESPACES[f.kind], t) if t is not None else None for t in texts],
                index=frame.index, dtype=object,
            )
        elif f.kind == "date":
            parsed = [date_of(c) for c in cells]
            out[f.name] = pd.to_datetime(pd.Series([p[0] for p in parsed], index=frame.index, dtype=object))
            out[f.name + UNPARSED] = pd.Series([p[1] for p in parsed], index=frame.index, dtype=bool)
        elif f.kind == "code":
            parsed = [code_of(c, f.codes) for c in cells]
            out[f.name] = pd.Series([p[0] for p in parsed], index=frame.index, dtype=object)
            out[f.name + NOT_IN_SET] = pd.Series([p[1] for p in parsed], index=frame.index, dtype=bool)
        else:  # number, count
            parsed = [number_of(c) for c in cells]
            out[f.name] = pd.Series([p[0] for p in parsed], index=frame.index, dtype="float64")
            out[f.name + NOT_NUMBER] = pd.Series([p[1] for p in parsed], index=frame.index, dtype=bool)
        uncached = set(raw.uncached.get(f.name, ()))
        out[f.name + NO_SAVED_RESULT] = pd.Series([r in uncached for r in frame.index], index=frame.index, dtype=bool)
    return out
