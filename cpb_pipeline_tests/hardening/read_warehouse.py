"""What a reader's DuckDB sees in a published warehouse, as JSON: run as a script by the interpreters that pin an
older DuckDB (the Makefile's `.venv-duckdb*`), and imported by the tests to read the same file with DuckDB 2.0.

Standard library and duckdb only, and only APIs DuckDB 1.4 has: it runs in those interpreters.
"""

import hashlib
import json
import sys

import duckdb


def read(path: str) -> dict:
    """Each marts table's row count and a digest of its rows (sorted, as Python values, so the digest does not
    depend on the DuckDB version's own text formatting), and meta.publication's storage_version."""
    with duckdb.connect(path, read_only=True) as con:
        names = [row[0] for row in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts' ORDER BY 1").fetchall()]  # fmt: skip
        tables = {}
        for name in names:
            rows = con.execute(f'SELECT * FROM marts."{name}"').fetchall()
            tables[name] = [len(rows), hashlib.sha256(repr(sorted(rows, key=repr)).encode()).hexdigest()]
        storage_version = con.execute("SELECT storage_version FROM meta.publication").fetchone()[0]
    return {"duckdb": duckdb.__version__, "storage_version": storage_version, "tables": tables}


if __name__ == "__main__":
    print(json.dumps(read(sys.argv[1])))
