"""What every asset says about itself in the Dagster UI."""

from __future__ import annotations

import dagster as dg

OWNERS = ["team:childrens-bi"]


def column_schema(columns: list[tuple[str, str, str]]) -> dg.TableSchema:
    """(name, type, description) triples as a Dagster column schema."""
    return dg.TableSchema(columns=[dg.TableColumn(n, t, description=d or None) for n, t, d in columns])


def table_metadata(columns: list[tuple[str, str, str]], rows: int | None = None, **extra: object) -> dict[str, object]:
    meta: dict[str, object] = {"dagster/column_schema": column_schema(columns)}
    if rows is not None:
        meta["dagster/row_count"] = dg.MetadataValue.int(rows)
    meta.update(extra)
    return meta
