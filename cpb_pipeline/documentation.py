"""The generated docs: docs/warehouse.md from the assets' own descriptions and column schemas, and
docs/indicators.md from the indicator catalogue.

Neither can drift from the code: a test regenerates both and compares.
Regenerate with `python -m cpb_pipeline.documentation`.
"""

from __future__ import annotations

import sys

import dagster as dg

from cpb_pipeline.domain.catalogue import CATALOGUE, EXTRACTION_NOTE, IN_TOUCH_CONTACT_RULE_FROM, SIMILAR_WITHIN
from cpb_pipeline.domain.iro import OVER_4_WEEKS_DAYS
from cpb_pipeline.domain.profile import REPO_ROOT
from cpb_pipeline.domain.tables import ACTION_COLUMNS_IN_CONTRACT, ACTION_PLAN_ACTIONS, INDICATOR_MONTHLY
from cpb_pipeline.publish.warehouse import SCHEMA_VERSION
from cpb_pipeline.runtime.store import STORAGE_VERSION

WAREHOUSE_DOC = REPO_ROOT / "docs" / "warehouse.md"
INDICATORS_DOC = REPO_ROOT / "docs" / "indicators.md"
SCHEMAS = ("staging", "reference", "marts")

FIXED_INDICATOR_COLUMNS = ", ".join(f"`{name}`" for name in INDICATOR_MONTHLY.column_names)
FIXED_ACTION_COLUMNS = ", ".join(f"`{name}`" for name in ACTION_PLAN_ACTIONS.column_names[:ACTION_COLUMNS_IN_CONTRACT])

INTRO = f"""# The warehouse

Schema version {SCHEMA_VERSION}. This file is generated from the pipeline's asset definitions
(`python -m cpb_pipeline.documentation`); a test fails if it differs from the code.

## What to open

Downstream tools open `paths.warehouse` (the demo's is `data/warehouse/cpb.duckdb`; see
[the profile](profile.md)), read-only. The pipeline never writes to it: it builds into
`<warehouse folder>/.work/` and, after a run whose blocking checks all passed, writes a
complete new file and renames it into place, so a reader is never blocked and never sees a
half-written file. The file is written in DuckDB's storage format {STORAGE_VERSION}, which
DuckDB 1.4 and every later version read (the R package, the ODBC and JDBC drivers and most BI
tools embed 1.4).

Beside it, `parquet/<table>.parquet` holds every `marts.*` table as a Parquet file, written
from the same copy at the same publish (so each matches its table in the DuckDB file row for
row); `staging.*` and `reference.*` are never exported.

## What we promise

- **One asset per table.** The table `schema.table` is made by the Dagster asset with the key
  `schema/table` (`marts.indicator_monthly` by `marts/indicator_monthly`), so the lineage in
  the UI and the tables in the file use the same names.
- **Two fixed tables.** `marts.indicator_monthly` ({FIXED_INDICATOR_COLUMNS}) and the first
  {ACTION_COLUMNS_IN_CONTRACT} columns of `marts.action_plan_actions` ({FIXED_ACTION_COLUMNS}) are what
  reports and notebooks are built on. Their names, types and meanings change only with a new
  schema version and a note under *Changes* below. Other tables and the later columns of
  `marts.action_plan_actions` serve the board outputs; they are documented here too, and a change
  to any of them is noted under *Changes* as well.
- **One row per (indicator_id, period_end, area_type, area)** in `marts.indicator_monthly`.
  `area_type` is `authority` (`area` = the profile's `authority.name`) or `district`.
- **District rows are complete.** An indicator broken down by district (see the *breakdown*
  column of [the indicators](indicators.md)) has, every month, one row for each of the profile's
  `districts` and one for its `other_area`, with a zero where no child falls there. For counts
  the district rows add up exactly to the authority row; for percentages the authority's
  numerator and denominator are the sums of the districts'. Rates per 10,000 and the IRO figures
  have authority rows only.
- **Unrounded values.** `value` is the count itself, the rate per 10,000, the percentage
  (0-100) or the ratio, exactly as computed; it is null (never 0) when the denominator is 0.
  The board outputs round for display to one decimal place, half away from zero as Excel's
  ROUND does (2.25 shows as 2.3, -2.25 as -2.3); round the same way when you rebuild a board
  figure, and never round before you add figures up.
- **Months are replaced whole.** A month that is refreshed again replaces that month's rows in
  every table marked *Partitioned by month* below, and leaves other months as they were.
  `marts.action_plan_actions` keeps every snapshot, replacing one whole when its workbook is read
  again; the other tables are rebuilt whole by every run.

How each figure is counted is in [the indicators](indicators.md); where the inputs come from is
in [the LCS extract](lcs_extract.md), [the IRO workbook](iro.md), [the action plan](action_plan.md)
and [the benchmarks file](benchmarks.md).

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
  end it holds, the schema version and the storage format.

Record-level staging tables are there because the BI team's notebooks and Power BI
reports drill below the board figures; they hold no direct identifiers. Anyone given the
file should be treated as handling special category personal data all the same.

## Changes

- 1.0: first published version.
- 1.1: `marts.benchmark_series` adds `numerator` and `denominator` to the computed March figures.
- 1.2: the file is published in storage format {STORAGE_VERSION} (DuckDB 1.4 and later open it; earlier
  versions were in DuckDB 2.0's own format, which only 2.0 opens); `meta.publication` adds `storage_version`; every `marts.*` table is also
  published as `parquet/<table>.parquet`.
- 1.3: `marts.indicator_spc`, statistical process control of every monthly series (partitioned by
  `report_month`). Assurance needs the profile's optional `targets`; the demo authority has none
  (its published board pack sets no numeric targets), so its assurance is always null.

## Tables
"""

META = f"""
### meta.publication

One row, written into each published copy.

| column | type | meaning |
|---|---|---|
| published_at | TIMESTAMP | when the file was published (UTC) |
| run_id | VARCHAR | the Dagster run that published it |
| latest_period_end | DATE | the latest month end in marts.indicator_monthly |
| schema_version | VARCHAR | this document's schema version |
| storage_version | VARCHAR | the DuckDB storage format the file is written in ('{STORAGE_VERSION}': DuckDB 1.4 and later read it) |
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
The counting rules below are applied in SQL in `cpb_pipeline/marts/indicators/definitions.py`
(the IRO figures in `cpb_pipeline/marts/iro/indicators.py`) and tested on hand-made extracts
and workbooks in `cpb_pipeline_tests/indicators/` and `cpb_pipeline_tests/iro/`.
Each figure is a row of `marts.indicator_monthly` ([the warehouse](warehouse.md)).

## Counting rules

- **Month end.** Every figure is for a month end, the last day of a calendar month
  (`period_end`). A month's LCS figures come from that month's extract alone, as it stood when it
  was extracted ([the LCS extract](lcs_extract.md)); the IRO figures from that month's workbook
  ([the IRO workbook](iro.md)). A later extract never changes an earlier month's figures.
- **Open at month end.** A plan, episode, involvement or challenge is open at the month end
  when it started on or before that day and its end date is blank or after it. One that ends
  on the month end itself is closed.
- **In the month.** A date from the first day of the month to the month end, both included.
- **Within the last N months.** A date after the day N calendar months before the month end,
  and on or before the month end. Calendar months keep the day where they can and otherwise
  take the month's last day: 6 months before 31 August 2019 is 28 February 2019, so the last 6
  months run from 1 March to 31 August.
- **Age.** Whole years completed at the month end, from the date of birth. The warehouse keeps
  only the month of birth (the first of that month); at a month end this gives the same age as
  the exact date, because every birthday in the month of birth has passed by its last day. A
  child whose date of birth is blank counts as 5 or over.
- **Each child once.** The counts of children on CIN plans, on CP plans and looked after count
  each child once, however many records are open. A young person with several care leaver
  records counts once, from the record with the latest contact date (ties: the greatest
  `clea_table_id`).
- **A child's district for CP and CLA.** The parent service area (`dept_team_parent_name`) of
  the team on the child's involvement open at the month end (`ssd_involvements`). With several
  open, the one with the latest start date; with several starting that day, the one with the
  greatest `invo_involvements_id` (compared as whole numbers where the ids are numbers, otherwise
  as text). The health and dental percentages and the CLA and CP reviews use the same district:
  a CLA review reaches its child through its period of care (`clar_cla_id` to the episodes'
  `clae_cla_id`), a CP review through `cppr_person_id`.
- **A child's district for CIN.** The parent service area of the CIN plan's own team
  (`cinp_cin_plan_team`), not of an involvement. With several CIN plans open, the plan with the
  latest start date (ties: the greatest `cinp_cin_plan_id`).
- **other_area.** A parent service area counts as a district only when it is written exactly as
  one of the profile's `districts` ([the profile](profile.md)). A team whose parent is not one of
  them, an open involvement or CIN plan with no team, or (for CP and CLA) a child with no open
  involvement at all counts under the profile's `other_area`. Every district and other_area has a row every month,
  zero included, and for counts the rows add up to the authority.
- **Care leavers by district.** Authority rows only, unless the profile sets
  `care_leaver_districts: true`; then the district is the parent of the team in
  `clea_care_leaver_allocated_team` (read as a `dept_team_id`), other_area otherwise.
- **Rates** are per 10,000 children aged 0-17: the count × 10,000 / the profile's
  `child_population` effective at the month end (the entry with the latest `effective_from` on
  or before it). Authority rows only.
- **Percentages** are 100 × numerator / denominator, null (not 0) when the denominator is 0.
  The health and dental denominator is the children looked after at the month end whose
  `clae_entered_care_date` on their open episode (the open episode with the latest start) is on
  or before the date 12 calendar months before the month end; only checks with status Completed
  count.
- **Care leavers in touch: the July 2019 change.** For month ends before
  {IN_TOUCH_CONTACT_RULE_FROM:%d %B %Y}, a care leaver is in touch when `clea_care_leaver_in_touch`
  is YES. From the {IN_TOUCH_CONTACT_RULE_FROM:%d %B %Y} month end on, the latest contact
  (`clea_care_leaver_latest_contact`) must also be within the last 2 months. Earlier months keep
  the old rule even when refreshed again, so the series has a break there, which the board notes.
- **Reviews.** A CLA review counts in the month its due date falls in, unless it is cancelled
  (`Y`; a blank counts as not cancelled); it is in timescale when held on or before the due date,
  so one not yet held is not. Participation counts reviews held in the month, not cancelled,
  with a code PN1-PN7; PN1-PN6 are the child taking part. A CP review conference counts in the
  month it is due, in timescale when held on or before that day.
- **IRO challenges.** Raised in the month: `raised_date` in the month. Open for more than 4 weeks:
  open at the month end (raised on or before it; `resolved_date` blank or after it) and raised
  more than {OVER_4_WEEKS_DAYS} days before it (exactly {OVER_4_WEEKS_DAYS} days is not more).
  The caseload is `children_allocated` / `iro_fte` from the month's Staffing sheet.
- **Values are unrounded** in `marts.indicator_monthly`. The outputs show one decimal place,
  rounded half away from zero, as Excel does.
- **Against a comparator** ([the benchmarks file](benchmarks.md)) a figure is *similar* within
  {SIMILAR_WITHIN['percent']} percentage points, or within {SIMILAR_WITHIN['rate_per_10000']:.0%} of the
  comparator's rate; otherwise better or worse by the indicator's polarity (higher or lower where
  the polarity is contextual). A comparator shows its latest published year, labelled when that
  is not the latest year ended.

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
