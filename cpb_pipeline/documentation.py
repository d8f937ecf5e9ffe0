"""The generated docs: docs/warehouse.md from the assets' own descriptions and column schemas, and
docs/indicators.md from the indicator catalogue.

Neither can drift from the code: a test regenerates both and compares.
Regenerate with `python -m cpb_pipeline.documentation`.
"""

from __future__ import annotations

import sys

import dagster as dg

from cpb_pipeline.domain.catalogue import CATALOGUE, EXTRACTION_NOTE, SIMILAR_WITHIN
from cpb_pipeline.domain.profile import REPO_ROOT
from cpb_pipeline.publish.warehouse import SCHEMA_VERSION

WAREHOUSE_DOC = REPO_ROOT / "docs" / "warehouse.md"
INDICATORS_DOC = REPO_ROOT / "docs" / "indicators.md"
SCHEMAS = ("staging", "reference", "marts")

INTRO = f"""# The warehouse

Schema version {SCHEMA_VERSION}. This file is generated from the pipeline's asset definitions
(`python -m cpb_pipeline.documentation`); a test fails if it differs from the code.

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
- 1.1: `marts.benchmark_series` adds `numerator` and `denominator` to the computed March figures.
- 1.2: `marts.indicator_spc`, statistical process control of every monthly series (partitioned by
  `report_month`). Assurance needs the profile's optional `targets`; the demo authority has none
  (its published board pack sets no numeric targets), so its assurance is always null.

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


def render_warehouse(defs: dg.Definitions) -> str:
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


INDICATORS_INTRO = f"""# The indicators

Generated from `cpb_pipeline/domain/catalogue.py`, the one place each figure is
defined; the board pack, the report, the checks and the warehouse's
`marts.indicator_catalogue` all read it. A test fails if this page and the catalogue differ.
The counting rules are contracts §7, applied in `cpb_pipeline/marts/indicators/definitions.py` and tested on hand-made
extracts in `cpb_pipeline_tests/indicators/`.

- Values in `marts.indicator_monthly` are unrounded. The outputs show one decimal place,
  rounded half away from zero, as Excel does.
- Rates are per 10,000 children aged 0-17, using the child population effective at the
  month end (the profile's `child_population`).
- Districts are the profile's districts plus its other_area; a child's district for CP and
  CLA comes from the involvement open at the month end with the latest start (ties: the
  greatest involvement id), for CIN from the plan's team.
- Against a comparator a figure is *similar* within {SIMILAR_WITHIN['percent']} percentage points, or
  within {SIMILAR_WITHIN['rate_per_10000']:.0%} of the comparator's rate; otherwise better or worse by the
  indicator's polarity (higher or lower where the polarity is contextual). A comparator
  shows its latest published year, labelled when that is not the latest year ended.

Every page carries the note: *{EXTRACTION_NOTE}*

| id | title | unit | polarity | breakdown | comparators |
|---|---|---|---|---|---|
"""


REGION_IN_DOCS = "the authority's region"


def render_indicators() -> str:
    rows = [
        f"| `{i.id}` | {i.title} | {i.unit_label} | {i.polarity.replace('_', ' ')} | {i.breakdown.replace('_', ' ')} "
        f"| {', '.join(i.comparator_areas(REGION_IN_DOCS)) or '-'} |"
        for i in CATALOGUE
    ]
    definitions = ["", "## Definitions", ""]
    for i in CATALOGUE:
        definitions += [f"### {i.title} (`{i.id}`)", "", i.definition, ""]
        if i.rate_of:
            definitions += [f"The rate of `{i.rate_of}`.", ""]
        if i.change_note:
            definitions += [f"**Change:** {i.change_note}", ""]
    return INDICATORS_INTRO + "\n".join(rows) + "\n" + "\n".join(definitions)


def main() -> None:
    from cpb_pipeline.definitions import definitions_for

    WAREHOUSE_DOC.write_text(render_warehouse(definitions_for()))
    INDICATORS_DOC.write_text(render_indicators())
    print(f"wrote {WAREHOUSE_DOC} and {INDICATORS_DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
