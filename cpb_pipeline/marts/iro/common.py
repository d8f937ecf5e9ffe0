"""Small helpers the IRO marts share: does a staging table hold a month, and the open-at-month-end rule."""

from __future__ import annotations

import datetime as dt

import duckdb

CHALLENGES = "staging.iro_challenges"
STAFFING = "staging.iro_staffing"

OVER_4_WEEKS_DAYS = 28
"""Open over 4 weeks: raised more than 28 days before the month end (contracts §7)."""


def table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    schema, name = table.split(".")
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", [schema, name]
        ).fetchone()[0]
    )


def has_month(con: duckdb.DuckDBPyConnection, table: str, month_end: dt.date) -> bool:
    """True when `table` exists and holds the partition for `month_end`."""
    if not table_exists(con, table):
        return False
    return bool(con.execute(f"SELECT count(*) FROM {table} WHERE period_end = ?", [month_end]).fetchone()[0])


def open_at(month_end_param: str = "$month_end") -> str:
    """SQL: raised on or before the month end and not resolved by it (resolved_date null or after it)."""
    return (
        f"raised_date <= {month_end_param} AND (resolved_date IS NULL OR resolved_date > {month_end_param})"
    )


def raised_in_month(month_end_param: str = "$month_end") -> str:
    return f"raised_date BETWEEN date_trunc('month', {month_end_param}::DATE)::DATE AND {month_end_param}"


def resolved_in_month(month_end_param: str = "$month_end") -> str:
    return f"resolved_date BETWEEN date_trunc('month', {month_end_param}::DATE)::DATE AND {month_end_param}"
