"""Reading one LCS CSV file into DuckDB, or saying exactly why it cannot be read.

The fast path hands the file to DuckDB's CSV reader. Everything that stops a
file from being a table (missing, empty, not in the profile's
`extract_encoding`, wrong delimiter, duplicated or missing columns, torn rows)
is found by a Python pre-flight or diagnosis pass that reports the file, the
row as a spreadsheet shows it (the header is row 1), the column where it can
and the rule, and never echoes the content of a line.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from cpb_pipeline.domain.errors import Finding
from cpb_pipeline.domain.lcs import TableSpec

_OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "pipes"}
_SET_ENCODING = "set extract_encoding in the authority profile"
_UTF_16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_WIDE = ("utf-16", "utf-32")
"""Encodings that read a UTF-16 byte-order mark (UTF-32's little-endian mark begins with it) as a mark."""


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


def read_raw(
    con: duckdb.DuckDBPyConnection, path: Path, spec: TableSpec, display_name: str, encoding: str = "utf-8"
) -> RawTable:
    """Load `path` into a temporary table of VARCHAR columns plus `source_row`.

    `encoding` is the profile's `extract_encoding`. UTF-8 (a byte-order mark allowed) goes to DuckDB as it
    is; any other encoding is decoded strictly here and DuckDB reads a UTF-8 copy in a private temporary
    folder, removed as soon as it is read, so nothing after this function knows the difference.
    """
    fail = lambda *found: RawTable(spec, display_name, None, list(found))  # noqa: E731
    if not path.is_file():
        return fail(Finding(display_name, "required file is missing from the extract folder"))
    data = path.read_bytes()
    text, problem = _decode(data, encoding, display_name)
    if problem:
        return fail(problem)
    if not text.strip():
        return fail(Finding(display_name, "file is empty: a header row naming the columns is expected", rows=(1,)))

    end = text.find("\n")
    header_line = (text if end < 0 else text[:end]).rstrip("\r")
    header = [normalise_header(h) for h in next(csv.reader(io.StringIO(header_line)))]
    findings = _header_findings(header, spec, display_name)
    if findings:
        return fail(*findings)

    relation = f"raw_{spec.name}"
    if encoding == "utf-8":
        loaded = _load(con, relation, path, header)
    else:
        with tempfile.TemporaryDirectory(prefix="cpb-extract-") as folder:
            copy = Path(folder) / path.name
            copy.write_text(text, encoding="utf-8", newline="")
            loaded = _load(con, relation, copy, header)
    if not loaded:
        return fail(*_diagnose_rows(text, len(header), display_name))
    count = con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]
    if count == 0:
        return fail(Finding(display_name, "no records below the header row", rows=(2,)))
    return RawTable(spec, display_name, relation, [], tuple(header))


def _load(con: duckdb.DuckDBPyConnection, relation: str, path: Path, header: list[str]) -> bool:
    """DuckDB reads a UTF-8 file as VARCHAR columns; False when it refuses the file (the diagnosis says why)."""
    columns = ", ".join(f"'{name}': 'VARCHAR'" for name in header)
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
        return False
    return True


def _decode(data: bytes, encoding: str, display_name: str) -> tuple[str, Finding | None]:
    """The file's text, or where it stops being `encoding` and what to set in the profile instead.

    Some files decode in a one-byte encoding such as Windows-1252 and are still not in it: a file that
    begins with a UTF-16 byte-order mark, or reads as UTF-8 with a byte above ASCII (read as
    Windows-1252 it would stage `Ã©` for `é` without a word). Both are refused.
    """
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        return "", _wrong_encoding(data, exc.start, encoding, display_name, f"is not {_named(encoding)}")
    if not encoding.startswith(_WIDE) and data.startswith(_UTF_16_MARKS):
        return "", _wrong_encoding(data, 0, encoding, display_name, "begins a UTF-16 byte-order mark")
    if encoding != "utf-8" and not data.isascii() and _decodes(data, "utf-8-sig"):
        start = re.search(rb"[\x80-\xff]", data).start()
        return "", _wrong_encoding(data, start, encoding, display_name, "begins a UTF-8 character")
    return text, None


def _wrong_encoding(data: bytes, start: int, encoding: str, display_name: str, what: str) -> Finding:
    """The byte at `start`, placed by row and column, what is wrong with it and the likely encoding to set."""
    row, column, place = _place(data[:start].decode(encoding, errors="replace"))
    byte = f"byte 0x{data[start]:02x}{place} {what}"
    rule = f"text must be {_named(encoding)}"
    if encoding != "utf-8":
        rule += ", the extract_encoding the authority profile declares"
    if encoding != "utf-8" and _decodes(data, "utf-8-sig"):
        detail = f"{byte}; the file looks saved as UTF-8: {_SET_ENCODING} to utf-8"
    elif not encoding.startswith(_WIDE) and (data.startswith(_UTF_16_MARKS) or b"\x00" in data):
        detail = f"{byte}; the file looks saved as UTF-16: {_SET_ENCODING} (for example utf-16), or save the file as UTF-8"
    elif encoding != "cp1252" and _decodes(data, "cp1252"):
        detail = (
            f"{byte}; the file looks saved as Windows-1252: {_SET_ENCODING} (for example windows-1252), "
            "or save the file as UTF-8"
        )
    else:
        detail = f"{byte}: save the file as {_named(encoding)}, or {_SET_ENCODING} to the encoding it is saved in"
    return Finding(display_name, rule, column=column, rows=(row,), detail=detail)


def _named(encoding: str) -> str:
    return "UTF-8" if encoding == "utf-8" else encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _place(before: str) -> tuple[int, str | None, str]:
    """The row (header = 1) and the header's name for the column of the character that follows `before`.

    The csv module splits `before` plus a stand-in character into records, so quoted commas and line
    breaks count as a spreadsheet counts them; the third value says where the character is when no
    column name can: in the header row, or in a field beyond the header's columns.
    """
    try:
        records = list(csv.reader(io.StringIO(before + "x", newline="")))
    except csv.Error:  # a field longer than the csv module allows: the line is still known
        return before.count("\n") + 1, None, ""
    row, field = len(records), len(records[-1]) - 1
    if row == 1:
        return 1, None, " in the header row"
    header = [normalise_header(name) for name in records[0]]
    if field < len(header):
        return row, header[field], ""
    return row, None, f", in field {field + 1} of a row longer than the header's {len(header)} columns,"


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
