"""Reading one LCS CSV file into DuckDB, or saying exactly why it cannot be read.

The fast path hands the file to DuckDB's CSV reader. Everything that stops a
file from being a table (missing, empty, not UTF-8, wrong delimiter, duplicated
or missing columns, torn rows) is found by a Python pre-flight or diagnosis
pass that reports the file, the row as a spreadsheet shows it (the header is
row 1) and the rule, and never echoes the content of a line.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from pathlib import Path

import duckdb

from cpb_pipeline.domain.errors import Finding
from cpb_pipeline.domain.lcs import TableSpec

_OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "pipes"}


@dataclass
class RawTable:
    """A file read as text columns into a DuckDB table named `relation`, or the findings that stopped it."""

    spec: TableSpec
    display_name: str
    relation: str | None
    findings: list[Finding]
    present_columns: tuple[str, ...] = ()


def normalise_header(name: str) -> str:
    return name.strip().strip("\ufeff").strip().lower()


def read_raw(con: duckdb.DuckDBPyConnection, path: Path, spec: TableSpec, display_name: str) -> RawTable:
    """Load `path` into a temporary table of VARCHAR columns plus `source_row`."""
    fail = lambda *found: RawTable(spec, display_name, None, list(found))  # noqa: E731
    if not path.is_file():
        return fail(Finding(display_name, "required file is missing from the extract folder"))
    data = path.read_bytes()
    if not data.strip():
        return fail(Finding(display_name, "file is empty: a header row naming the columns is expected", rows=(1,)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        return fail(
            Finding(
                display_name,
                "text must be UTF-8",
                rows=(row,),
                detail=f"byte 0x{data[exc.start]:02x} is not UTF-8; the file looks saved as Windows-1252/ANSI",
            )
        )

    end = text.find("\n")
    header_line = (text if end < 0 else text[:end]).rstrip("\r")
    header = [normalise_header(h) for h in next(csv.reader(io.StringIO(header_line)))]
    findings = _header_findings(header, spec, display_name)
    if findings:
        return fail(*findings)

    columns = ", ".join(f"'{name}': 'VARCHAR'" for name in header)
    relation = f"raw_{spec.name}"
    try:
        con.execute(
            f"""
            CREATE OR REPLACE TEMP TABLE {relation} AS
            SELECT row_number() OVER () + 1 AS source_row, *
            FROM read_csv($path, header = true, auto_detect = false, columns = {{{columns}}},
                          delim = ',', quote = '"', escape = '"', strict_mode = true,
                          null_padding = false, encoding = 'utf-8')
            """,
            {"path": str(path)},
        )
    except duckdb.Error:
        return fail(*_diagnose_rows(text, len(header), display_name))
    count = con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]
    if count == 0:
        return fail(Finding(display_name, "no records below the header row", rows=(2,)))
    return RawTable(spec, display_name, relation, [], tuple(header))


def _header_findings(header: list[str], spec: TableSpec, display_name: str) -> list[Finding]:
    if len(header) == 1:
        for delimiter, name in _OTHER_DELIMITERS.items():
            if delimiter in header[0]:
                return [
                    Finding(
                        display_name,
                        "fields must be separated by commas",
                        rows=(1,),
                        detail=f"the header row is separated by {name}",
                    )
                ]
    findings = []
    seen: set[str] = set()
    for name in header:
        if name in seen and name in spec.column_names:
            findings.append(Finding(display_name, "column appears more than once in the header", column=name, rows=(1,)))
        seen.add(name)
    unexpected = [h for h in header if h not in spec.column_names and h not in spec.identifiers]
    for name in spec.column_names:
        if name not in seen:
            similar = difflib.get_close_matches(name, unexpected, n=1, cutoff=0.4) or (
                unexpected if len(unexpected) == 1 else []
            )
            detail = f"found '{similar[0]}' instead; was it renamed?" if similar else None
            findings.append(
                Finding(display_name, "required column is missing", column=name, rows=(1,), detail=detail)
            )
    return findings


def _diagnose_rows(text: str, width: int, display_name: str) -> list[Finding]:
    """Find the rows DuckDB refused; row numbers count records as a spreadsheet does."""
    reader = csv.reader(io.StringIO(text), strict=True)
    bad: list[int] = []
    try:
        for row_number, row in enumerate(reader, start=1):
            if row_number > 1 and len(row) != width and any(cell.strip() for cell in row):
                bad.append(row_number)
    except csv.Error:
        return [
            Finding(
                display_name,
                "quoted field is not closed (a torn or mis-quoted file)",
                rows=(reader.line_num,),
            )
        ]
    if bad:
        return [
            Finding(
                display_name,
                f"every row must have the header's {width} fields (a torn or mis-quoted file)",
                rows=tuple(bad[:20]),
                count=len(bad),
            )
        ]
    return [Finding(display_name, "file cannot be read as CSV")]
