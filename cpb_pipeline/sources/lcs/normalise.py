"""From raw text columns to staged values, in one SQL statement per table.

Trims every cell (an empty cell is null), reads dates written `YYYY-MM-DD`,
`DD/MM/YYYY` or as an ISO date-time (`2017-05-01 00:00:00.000` as SQL Server
writes a date, `2017-05-01T13:45:12`: the date is kept, whatever the time),
matches codes ignoring case and spaces, replaces identifiers with keyed
pseudonyms and keeps only the month of a date of birth. Values that do
not parse become null and raise a flag column (`<column>__unparsed`,
`<column>__not_in_set`) that the validation rules read, so a bad value is
reported by row and column without ever being copied anywhere.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from cpb_pipeline.domain.lcs import Column, TableSpec
from cpb_pipeline.runtime.privacy import PseudonymKey, pseudonym_sql
from cpb_pipeline.sources.lcs.reader import RawTable

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
DATE_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S.%f")
_BEYOND_MICROSECONDS = r"(\.\d{6})\d+$"
UNPARSED = "__unparsed"
NOT_IN_SET = "__not_in_set"
DANGLING = "__dangling"


def code_key(value: str) -> str:
    """How codes are compared: case and every space ignored."""
    return "".join(value.split()).lower()


def _cell(name: str) -> str:
    return f"nullif(trim(\"{name}\"), '')"


def _date(expr: str) -> str:
    """Date formats first, so the date-time parse (and its regex) runs only on cells they did not read; a year
    must have four digits.

    Digits beyond microseconds (SQL Server's `datetime2` writes seven) are cut, not parsed: DuckDB would
    round `23:59:59.9999999` up to the next day when it takes the date.
    """
    dates = [f"try_strptime({expr}, '{fmt}')" for fmt in DATE_FORMATS]
    cut = f"regexp_replace({expr}, '{_BEYOND_MICROSECONDS}', '\\1')"
    date_times = ", ".join(f"'{fmt}'" for fmt in DATE_TIME_FORMATS)
    parsed = f"CAST(coalesce({', '.join(dates)}, try_strptime({cut}, [{date_times}])) AS DATE)"
    # strptime's %Y takes '19' as the year 19: a year must be written with four digits (31/08/19 is refused)
    return f"CASE WHEN regexp_matches({expr}, '[0-9]{{4}}') THEN {parsed} END"


def _code(expr: str, codes: tuple[str, ...]) -> str:
    cases = " ".join(f"WHEN '{code_key(c)}' THEN '{c}'" for c in codes)
    return f"CASE lower(regexp_replace({expr}, '\\s', '', 'g')) {cases} END"


def column_sql(column: Column) -> list[str]:
    """The select-list entries that stage one column (value, plus a flag where parsing can fail)."""
    cell = _cell(column.name)
    name = column.staged_name
    if column.kind in ("id", "person", "ref") and column.namespace:
        entries = [f"{pseudonym_sql(cell, column.namespace)} AS {name}"]
        if column.ordered:
            entries.append(f"dense_rank() OVER (ORDER BY TRY_CAST({cell} AS HUGEINT) NULLS LAST, {cell}) AS {name}_order")
        return entries
    if column.kind == "date":
        parsed = _date(cell)
        value = f"CAST(date_trunc('month', {parsed}) AS DATE)" if name == "pers_dob_month" else parsed
        return [f"{value} AS {name}", f"({cell} IS NOT NULL AND {parsed} IS NULL) AS {column.name}{UNPARSED}"]
    if column.kind == "code":
        mapped = _code(cell, column.codes)
        return [f"{mapped} AS {name}", f"({cell} IS NOT NULL AND {mapped} IS NULL) AS {column.name}{NOT_IN_SET}"]
    return [f"{cell} AS {name}"]


def stage(con: duckdb.DuckDBPyConnection, raw: RawTable, key: PseudonymKey) -> str:
    """Stage a raw table into the temporary table `staged_<table>`; returns its name."""
    select = ",\n  ".join(entry for column in raw.spec.columns for entry in column_sql(column))
    sql = f"SELECT source_row,\n  {select}\nFROM {raw.relation}"
    parameters = {name: value for name, value in key.sql_parameters().items() if f"${name}" in sql}
    staged = f"staged_{raw.spec.name}"
    con.execute(f"CREATE OR REPLACE TEMP TABLE {staged} AS {sql}", parameters)
    con.execute(f"DROP TABLE {raw.relation}")
    return staged


def fetch(con: duckdb.DuckDBPyConnection, spec: TableSpec, staged: set[str]) -> pd.DataFrame:
    """The staged table as a frame indexed by the row in the file, with a `<column>__dangling` flag for each
    reference whose target table is staged too (the anti-join runs in DuckDB, at column speed)."""
    flags = [
        f"coalesce(t.{c.staged_name} IS NOT NULL AND t.{c.staged_name} NOT IN "
        f"(SELECT {c.references[1]} FROM staged_{c.references[0]} WHERE {c.references[1]} IS NOT NULL), false) "
        f"AS {c.name}{DANGLING}"
        for c in spec.columns
        if c.references and c.references[0] in staged
    ]
    select = ", ".join(["t.*", *flags])
    frame = con.execute(f"SELECT {select} FROM staged_{spec.name} t ORDER BY source_row").df()
    return frame.set_index("source_row", drop=False).rename_axis(None)
