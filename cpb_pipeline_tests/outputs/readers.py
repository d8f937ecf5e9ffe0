"""Reading the written outputs back: the figures of the workbook and of the HTML, and what the marts say they should be."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pandas as pd

from cpb_pipeline.domain.catalogue import indicator
from cpb_pipeline.outputs.data import BoardData
from cpb_pipeline_tests.rounding import half_away

HEADER_ROW = 5  # the 13-month table's header row on an indicator sheet


def expected(data: BoardData, indicator_id: str, area: str, period_end: dt.date) -> float | None:
    """The warehouse value as the outputs must show it: rounded half away from zero (whole counts)."""
    rows = data.monthly[(data.monthly["indicator_id"] == indicator_id) & (data.monthly["area"] == area)
                        & (data.monthly["period_end"] == period_end)]  # fmt: skip
    if rows.empty or pd.isna(rows["value"].iloc[0]):
        return None
    return half_away(float(rows["value"].iloc[0]), 0 if indicator(indicator_id).unit == "count" else 1)


def sheet_table(ws) -> dict[tuple[str, str], object]:
    """{(area, 'Aug-19'): cell value} of the 13-month table of an indicator sheet."""
    heads = [ws.cell(HEADER_ROW, c).value for c in range(1, 16)]
    out = {}
    row = HEADER_ROW + 1
    while ws.cell(row, 1).value not in (None, ""):
        area = ws.cell(row, 1).value
        for column in range(2, 15):
            out[(area, heads[column - 1])] = ws.cell(row, column).value
        out[(area, "trend")] = ws.cell(row, 15).value
        row += 1
    return out


class Cells(HTMLParser):
    """Every <td> with data attributes, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[dict] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "td":
            self._open = {**dict(attrs), "text": ""}

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "td" and self._open is not None:
            self.cells.append(self._open)
            self._open = None


def html_cells(html: str) -> list[dict]:
    parser = Cells()
    parser.feed(html)
    return parser.cells


def number(text: str) -> float:
    """'2,117' -> 2117.0; '89.7 %' -> 89.7; '−0.5' -> -0.5."""
    return float(text.replace(",", "").replace("%", "").replace("\u2212", "-").strip())
