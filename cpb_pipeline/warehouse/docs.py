"""docs/warehouse.md, generated from the assets' own descriptions and column schemas.

The warehouse's documentation cannot drift from the code: a test regenerates it
and compares. Regenerate with `python -m cpb_pipeline.warehouse.docs`.
"""

from __future__ import annotations

import sys

import dagster as dg

from cpb_pipeline.profile import REPO_ROOT
from cpb_pipeline.warehouse.publish import SCHEMA_VERSION

DOC = REPO_ROOT / "docs" / "warehouse.md"
SCHEMAS = ("staging", "reference", "marts")

INTRO = f"""# The warehouse

Schema version {SCHEMA_VERSION}. This file is generated from the pipeline's asset definitions
(`python -m cpb_pipeline.warehouse.docs`); a test fails if it differs from the code.

## What to open

Downstream tools open `paths.warehouse` (the demo's is `data/warehouse/cpb.duckdb`),
read-only. The pipeline never writes to it: it builds into `<warehouse folder>/.work/`
and, after a run whose blocking checks all passed, writes a complete new file and renames
it into place, so a reader is never blocked and never sees a half-written file.

## What it holds, and why

- `staging.*`: each month's LCS extract and IRO workbook as delivered, one partition per
  month end (`period_end`). Identifiers are keyed pseudonyms (the same child has the same
  pseudonym in every table and month, so analysts can follow a history without knowing
  who it is); names and UPNs are never read; a date of birth is kept only as the first of
  its month, enough for every age the definitions need. `source_row` points back to the
  row in the delivered file, for the data team's own checks against LCS.
- `reference.*`: published comparator values.
- `marts.*`: every board figure (unrounded) and the tables the board outputs read.
- `meta.publication`: when the file was published, by which Dagster run, the latest month
  end it holds and the schema version.

Record-level staging tables are there because the BI team's notebooks and Power BI
reports drill below the board figures; they hold no direct identifiers. Anyone given the
file should be treated as handling special category personal data all the same.

## Changes

- 1.0: first published version.

## Tables
"""

META = """
### meta.publication

One row, written into each published copy.

| column | type | meaning |
|---|---|---|
| published_at | TIMESTAMP | when the file was published (UTC) |
| run_id | VARCHAR | the Dagster run that published it |
| latest_period_end | DATE | the latest month end in marts.indicator_monthly |
| schema_version | VARCHAR | this document's schema version |
"""


def render(defs: dg.Definitions) -> str:
    sections = []
    graph = defs.resolve_asset_graph()
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.path):
        if len(key.path) != 2 or key.path[0] not in SCHEMAS:
            continue
        node = graph.get(key)
        schema = node.metadata.get("dagster/column_schema")
        if schema is None:
            continue
        partitioned = " Partitioned by month." if node.partitions_def is not None else ""
        lines = [f"### {key.path[0]}.{key.path[1]}", "", f"{(node.description or '').strip()}{partitioned}", "",
                 "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| {c.name} | {c.type} | {c.description or ''} |" for c in schema.columns]
        sections.append("\n".join(lines))
    return INTRO + "\n" + "\n\n".join(sections) + "\n" + META


def main() -> None:
    from cpb_pipeline.definitions import defs

    DOC.write_text(render(defs))
    print(f"wrote {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
