"""The registry of the warehouse: every table and asset key, declared once.

A `TableDef` names its table (the asset `schema/table` makes the table
`schema.table`, docs/warehouse.md), its columns with their warehouse types and
meanings, and the column that partitions it. From it come the asset key, the
typed projection the store writes (`typed`) and the column schema Dagster shows
and `docs/warehouse.md` prints (`metadata`). The keys of the assets that are
not tables (the delivered files, the board outputs, the published warehouse)
are here too, so no layer spells a key as strings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import dagster as dg
import pandas as pd

from cpb_pipeline.domain import iro, lcs


@dataclass(frozen=True)
class ColumnDef:
    name: str
    type: str
    description: str = ""


@dataclass(frozen=True)
class Typed:
    """A frame and the warehouse types of its columns (pandas alone would turn dates into timestamps)."""

    frame: pd.DataFrame
    columns: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class TableDef:
    schema: str
    name: str
    columns: tuple[ColumnDef, ...]
    partitioned_by: str | None = None
    """The column a refresh replaces rows by (one partition), or None when the table is replaced whole."""

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def key(self) -> dg.AssetKey:
        return dg.AssetKey([self.schema, self.name])

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def types(self) -> dict[str, str]:
        return {c.name: c.type for c in self.columns}

    @property
    def column_types(self) -> list[tuple[str, str]]:
        return [(c.name, c.type) for c in self.columns]

    def empty(self) -> pd.DataFrame:
        return pd.DataFrame(columns=self.column_names)

    def conform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The frame's columns of this table as pandas should hold them: INTEGER as nullable integers, everything
        else as objects with None for a missing value (so a date stays a date and a null stays null)."""
        for name, kind in self.types.items():
            if kind == "INTEGER":
                frame[name] = frame[name].astype("Int32")
            else:
                frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
        return frame

    def typed(self, frame: pd.DataFrame) -> Typed:
        """The frame as the warehouse stores it: these columns, in this order, with these types."""
        return Typed(frame, self.column_types)

    def column_schema(self) -> dg.TableSchema:
        return dg.TableSchema(columns=[dg.TableColumn(c.name, c.type, description=c.description or None)
                                       for c in self.columns])  # fmt: skip

    def metadata(self, rows: int | None = None, **extra: object) -> dict[str, object]:
        """What the asset says about its table in the Dagster UI: the column schema, and the rows written."""
        meta: dict[str, object] = {"dagster/column_schema": self.column_schema()}
        if rows is not None:
            meta["dagster/row_count"] = dg.MetadataValue.int(rows)
        meta.update(extra)
        return meta


def data_version(frame: pd.DataFrame) -> dg.DataVersion:
    """A table's content as a fingerprint: re-running a step that writes the same rows leaves what reads it fresh,
    so the UI marks stale only what really changed."""
    return dg.DataVersion(hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()[:16])


def _table(schema: str, name: str, columns: Sequence[tuple[str, str, str]], partitioned_by: str | None = None) -> TableDef:
    return TableDef(schema, name, tuple(ColumnDef(*c) for c in columns), partitioned_by)


PERIOD_END = ("period_end", "DATE", "the month end (partition)")

# --- staging: the month's extract and workbook as delivered, pseudonymised ---------------------------------------

_LCS_TYPES = {"date": "DATE"}
_LCS_MEANINGS = {
    "id": "keyed pseudonym of the LCS record id",
    "person": "keyed pseudonym of the LCS person id (the same child has the same pseudonym everywhere)",
    "ref": "keyed pseudonym of the referenced LCS id",
    "code": "code, normalised to the contract's spelling",
    "date": "date as delivered (read from YYYY-MM-DD, DD/MM/YYYY or the date of an ISO date-time)",
    "team": "LCS team id (dept_team_id), as delivered",
    "text": "as delivered, trimmed",
}


def _lcs_columns(spec: lcs.TableSpec) -> list[tuple[str, str, str]]:
    columns = [
        ("period_end", "DATE", "month end of the extract (partition)"),
        ("source_row", "BIGINT", "row number in the delivered CSV file (header = row 1)"),
    ]
    for column in spec.columns:
        meaning = ("first day of the month of birth (the exact date is never stored)" if column.name == "pers_dob"
                   else _LCS_MEANINGS.get(column.kind, ""))  # fmt: skip
        columns.append((column.staged_name, _LCS_TYPES.get(column.kind, "VARCHAR"), meaning))
        if column.ordered:
            columns.append((f"{column.name}_order", "BIGINT", "rank of the LCS id within the file (breaks ties on the greatest id)"))
    return columns


LCS_STAGING: dict[str, TableDef] = {
    spec.name: _table("staging", spec.name, _lcs_columns(spec), "period_end") for spec in lcs.TABLES
}
"""staging.ssd_*, by SSD table name."""

_IRO_TYPES = {"id": "VARCHAR", "person": "VARCHAR", "code": "VARCHAR", "date": "DATE", "number": "DOUBLE", "count": "BIGINT"}


def _iro_columns(spec: iro.SheetSpec) -> list[tuple[str, str, str]]:
    return [
        ("period_end", "DATE", "month end the workbook was saved at (partition)"),
        ("source_row", "BIGINT", "row number in the workbook's sheet (header = row 1)"),
        *[(f.name, _IRO_TYPES[f.kind], f.description) for f in spec.fields],
    ]


IRO_STAGING: dict[str, TableDef] = {
    spec.table: _table("staging", spec.table, _iro_columns(spec), "period_end") for spec in iro.SHEETS
}
"""staging.iro_challenges and staging.iro_staffing, by table name."""
IRO_CHALLENGES = IRO_STAGING[iro.CHALLENGES.table]
IRO_STAFFING = IRO_STAGING[iro.STAFFING.table]

REFERENCE_BENCHMARKS = _table("reference", "benchmarks", [
    ("indicator_id", "VARCHAR", "an indicator id (docs/indicators.md)"),
    ("area", "VARCHAR", "the authority's name, its region (as authority.region names it), England or Statistical neighbours"),
    ("period", "VARCHAR", "financial year, e.g. 2018/19"),
    ("period_end", "DATE", "31 March that ends the period"),
    ("value", "DOUBLE", "as published: count, rate per 10,000 or per cent (0-100)"),
    ("source", "VARCHAR", "where the value was published"),
])

# --- marts: the figures -------------------------------------------------------------------------------------------

INDICATOR_MONTHLY = _table("marts", "indicator_monthly", [
    ("indicator_id", "VARCHAR", "an indicator id (docs/indicators.md) (see marts.indicator_catalogue)"),
    ("period_end", "DATE", "the last day of the month"),
    ("area_type", "VARCHAR", "'authority' or 'district'"),
    ("area", "VARCHAR", "the authority's name, or a district / other_area name"),
    ("numerator", "DOUBLE", "the count (for a plain count, the count itself)"),
    ("denominator", "DOUBLE", "the denominator; the child population for rates; null for plain counts"),
    ("value", "DOUBLE", "unrounded: the count, per 10,000, or per cent (0-100); null when the denominator is 0"),
], "period_end")

INDICATOR_CATALOGUE = _table("marts", "indicator_catalogue", [
    ("indicator_id", "VARCHAR", "id used in every mart"),
    ("title", "VARCHAR", "title as the board reads it"),
    ("definition", "VARCHAR", "what is counted"),
    ("unit", "VARCHAR", "count, rate_per_10000, percent or ratio"),
    ("polarity", "VARCHAR", "higher_is_better, lower_is_better or contextual"),
    ("breakdown", "VARCHAR", "district, authority or optional_district"),
    ("section", "VARCHAR", "the report section"),
    ("source", "VARCHAR", "lcs or iro"),
    ("comparators", "VARCHAR", "comparator series, separated by ';'"),
    ("rate_of", "VARCHAR", "for a rate: the count it is a rate of"),
    ("change_note", "VARCHAR", "a change to the definition readers should know"),
    ("note", "VARCHAR", "the note about the extraction"),
])

BENCHMARK_SERIES = _table("marts", "benchmark_series", [
    ("indicator_id", "VARCHAR", "indicator id"),
    ("area", "VARCHAR", "the authority's name or a comparator"),
    ("area_type", "VARCHAR", "'authority' or 'comparator'"),
    ("period", "VARCHAR", "financial year, e.g. 2018/19"),
    ("period_end", "DATE", "the 31 March ending it"),
    ("value", "DOUBLE", "unrounded where computed; as published otherwise"),
    ("numerator", "DOUBLE", "where computed: the numerator of the March figure (null where published)"),
    ("denominator", "DOUBLE", "where computed: its denominator (null where published, and for plain counts)"),
    ("origin", "VARCHAR", "'computed' (from that March's LCS extract) or 'published'"),
    ("source", "VARCHAR", "the extract month, or where it was published"),
])

BENCHMARK_COMPARISON = _table("marts", "benchmark_comparison", [
    ("indicator_id", "VARCHAR", "indicator id"),
    ("period_end", "DATE", "the month end"),
    ("value", "DOUBLE", "the authority's value this month (unrounded)"),
    ("value_last_month", "DOUBLE", "the value a month earlier"),
    ("change_1m", "DOUBLE", "value - value_last_month"),
    ("travel_1m", "VARCHAR", "improving, worsening or no change (up/down where polarity is contextual)"),
    ("value_last_year", "DOUBLE", "the value for the same month a year earlier"),
    ("change_12m", "DOUBLE", "value - value_last_year"),
    ("travel_12m", "VARCHAR", "as travel_1m, against the same month a year earlier"),
    ("comparator", "VARCHAR", "the authority's region, England or Statistical neighbours; null if the indicator has none"),
    ("comparator_value", "DOUBLE", "the comparator's latest published value on or before the month end"),
    ("comparator_period", "VARCHAR", "the financial year of that value"),
    ("comparator_period_end", "DATE", "the 31 March ending it"),
    ("latest_year", "VARCHAR", "the latest financial year ended by this month"),
    ("comparator_is_latest_year", "BOOLEAN", "false when the comparator has not yet published latest_year"),
    ("comparator_note", "VARCHAR", "what a reader should know about the comparator's period"),
    ("gap", "DOUBLE", "value - comparator_value"),
    ("position", "VARCHAR", "better, worse or similar (higher/lower/similar where polarity is contextual)"),
], "period_end")

INDICATOR_SPC = _table("marts", "indicator_spc", [
    ("report_month", "DATE", "the month end of the report month the charts are drawn for (partition)"),
    ("period_end", "DATE", "the month end of this point of the chart"),
    ("indicator_id", "VARCHAR", "indicator id"),
    ("area_type", "VARCHAR", "'authority' or 'district'"),
    ("area", "VARCHAR", "the authority's name, or a district / other_area name"),
    ("value", "DOUBLE", "the point: the unrounded figure of marts.indicator_monthly"),
    ("mean", "DOUBLE", "the chart's centre line: the mean of its points (the same on every point of the chart)"),
    ("lower_limit", "DOUBLE", "lower process limit: mean - 2.66 x the screened mean moving range"),
    ("upper_limit", "DOUBLE", "upper process limit: mean + 2.66 x the screened mean moving range"),
    ("rules", "VARCHAR[]", "the SPC rules marking this point, of outside_limits, shift, trend and two_of_three; "
     "empty when none does"),
    ("variation", "VARCHAR", "common_cause (no rule marks the point), or special_cause_improving, "
     "special_cause_concerning or special_cause_neither (marks that disagree in direction, or a contextual indicator)"),
    ("assurance", "VARCHAR", "against the profile's target for the indicator: consistently_meets, consistently_fails "
     "or hit_and_miss (the same on every point of the chart); null without a target"),
], "report_month")

# --- marts: the IRO service -----------------------------------------------------------------------------------------

IRO_CHALLENGES_MONTHLY = _table("marts", "iro_challenges_monthly", [
    PERIOD_END,
    ("measure", "VARCHAR", "raised (raised in the month), resolved (resolved in the month) or open (open at month end)"),
    ("challenge_type", "VARCHAR", "PR or MA"),
    ("category", "VARCHAR", "the challenge's category"),
    ("cohort", "VARCHAR", "CLA or CP"),
    ("locality", "VARCHAR", "North, Central or East"),
    ("challenges", "BIGINT", "number of challenges (zero rows included for every valid combination)"),
], "period_end")

IRO_RESOLUTION_LEVELS = _table("marts", "iro_resolution_levels", [
    PERIOD_END,
    ("resolution_level", "VARCHAR", "Practice Manager, Team Manager, Senior Manager, Head of Service, or Not recorded"),
    ("level_order", "INTEGER", "display order of the level (1 = Practice Manager)"),
    ("prs_resolved", "BIGINT", "PRs resolved in the month at this level"),
    ("percent", "DOUBLE", "share of the PRs resolved in the month (0-100, unrounded); null when none were resolved"),
    ("mean_days_to_resolve", "DOUBLE", "mean days from raised_date to resolved_date of these PRs; null when none"),
], "period_end")

IRO_OPEN_AGEING = _table("marts", "iro_open_ageing", [
    PERIOD_END,
    ("challenge_type", "VARCHAR", "PR or MA"),
    ("age_band", "VARCHAR", "days open at month end: 0-2 weeks (0-14), 2-4 weeks (15-28), 4-8 weeks (29-56), 8+ weeks (57+)"),
    ("band_order", "INTEGER", "display order of the band (1 = 0-2 weeks)"),
    ("over_4_weeks", "BOOLEAN", "true for the bands counted by iro_challenges_open_over_4_weeks"),
    ("open_challenges", "BIGINT", "challenges open at month end in this band"),
], "period_end")

IRO_ANNUAL_SUMMARY = _table("marts", "iro_annual_summary", [
    ("financial_year", "VARCHAR", "the financial year, e.g. 2018/19 (1 April 2018 - 31 March 2019)"),
    ("year_end", "DATE", "31 March ending the year"),
    ("section", "VARCHAR", "reviews, challenges, challenges_by_cohort, pr_by_cohort, ma_by_cohort, challenges_by_locality, "
     "ma_categories, pr_categories, pr_resolution, pr_resolution_levels or caseload"),
    ("item", "VARCHAR", "the figure within its section (an indicator id, a code or a category)"),
    ("label", "VARCHAR", "the figure as the annual report words it"),
    ("numerator", "DOUBLE", "the count, or the sum over the months"),
    ("denominator", "DOUBLE", "the base of a percentage, or the number of months of an average; null for a count"),
    ("value", "DOUBLE", "unrounded: a percentage 0-100, a count, a caseload ratio, FTE or a monthly mean, as unit says; "
     "null when the base is 0"),
    ("unit", "VARCHAR", "percent, count, ratio (caseload), fte, or mean (an average over months)"),
    ("months", "INTEGER", "month ends that contributed (12 for a complete year)"),
])

# --- marts: the action plan -----------------------------------------------------------------------------------------

_SNAPSHOT = ("snapshot_date", "DATE", "the date in the workbook's file name")
_SHEET = ("sheet", "VARCHAR", "the sheet the action is on")
_SHEET_POSITION = ("sheet_position", "INTEGER", "the sheet's order in the workbook (0 first)")
_SOURCE_ROW = ("source_row", "INTEGER", "the action's row in the sheet, as Excel numbers it")
_OBJECTIVE_NUMBER = ("objective_number", "INTEGER", "N from the banner 'Objective N – …' above the action; null if none")
_OBJECTIVE_TITLE = ("objective_title", "VARCHAR", "the banner's title")
_REF = ("ref", "VARCHAR", "the action's Ref, trimmed")
_ACTIVITY = ("activity", "VARCHAR", "the Activity cell")
_RESPONSIBLE = ("responsible_service", "VARCHAR", "the Responsible Service cell")
_TIMESCALE = ("timescale_text", "VARCHAR", "the Timescales cell as written")
_DUE = ("due_date", "DATE", "the date Timescales gives (a month such as Mar-19 means its last day); null where it gives none")
_BRAG = ("brag", "VARCHAR", "Blue, Red, Amber or Green")
_LATEST_UPDATE = ("latest_update_date", "DATE", "the newest date that opens a progress note ('23.07.19 - …'); null if none")
_LATEST_NOTE = ("latest_note", "VARCHAR", "the text of the newest dated progress note")

ACTION_PLAN_ACTIONS = _table("marts", "action_plan_actions", [
    # the columns docs/warehouse.md promises, in order
    _SNAPSHOT, _SHEET, _OBJECTIVE_NUMBER, _OBJECTIVE_TITLE, _REF, _ACTIVITY, _RESPONSIBLE, _TIMESCALE, _DUE, _BRAG,
    _LATEST_UPDATE,
    # what the board marts need as well
    _SHEET_POSITION, _SOURCE_ROW,
    ("getting_to_good_ref", "VARCHAR", "the Getting to Good Plan Ref cell"),
    ("progress", "VARCHAR", "the Progress cell as written"),
    _LATEST_NOTE,
    ("timescale_kind", "VARCHAR", "how Timescales was read: date, month, blank, free_text or not_a_calendar_date"),
    ("source_file", "VARCHAR", "the workbook's file name"),
], "snapshot_date")
ACTION_COLUMNS_IN_CONTRACT = 11
"""The first columns of action_plan_actions are those docs/warehouse.md promises; the rest serve the board marts."""

ACTION_PLAN_SUMMARY = _table("marts", "action_plan_summary", [
    _SNAPSHOT,
    ("level", "VARCHAR", "sheet_objective, sheet, objective or snapshot: what the row counts"),
    _SHEET, _SHEET_POSITION, _OBJECTIVE_NUMBER, _OBJECTIVE_TITLE,
    ("blue", "INTEGER", "actions that are Blue (complete and closed)"),
    ("red", "INTEGER", "actions that are Red"),
    ("amber", "INTEGER", "actions that are Amber"),
    ("green", "INTEGER", "actions that are Green"),
    ("total", "INTEGER", "all actions in the row's group"),
    ("open_actions", "INTEGER", "red + amber + green"),
    ("display_order", "INTEGER", "the order the board pack prints the rows in, within a snapshot"),
])

ACTION_PLAN_CHANGES = _table("marts", "action_plan_changes", [
    ("from_snapshot_date", "DATE", "the earlier snapshot compared"),
    ("to_snapshot_date", "DATE", "the later snapshot compared"),
    ("change", "VARCHAR", "new, closed, removed, moved, brag_changed or due_date_changed"),
    ("closed_by", "VARCHAR", "became_blue or disappeared, on closed rows"),
    _SHEET,
    ("sheet_from", "VARCHAR", "the sheet in the earlier snapshot"),
    ("sheet_to", "VARCHAR", "the sheet in the later snapshot"),
    _OBJECTIVE_NUMBER, _OBJECTIVE_TITLE, _REF,
    ("ref_occurrence", "INTEGER", "which of several actions sharing a Ref within an objective (1 first)"),
    _ACTIVITY,
    ("brag_from", "VARCHAR", "BRAG in the earlier snapshot"),
    ("brag_to", "VARCHAR", "BRAG in the later snapshot"),
    ("due_date_from", "DATE", "due date in the earlier snapshot"),
    ("due_date_to", "DATE", "due date in the later snapshot"),
    ("timescale_text_from", "VARCHAR", "Timescales as written in the earlier snapshot"),
    ("timescale_text_to", "VARCHAR", "Timescales as written in the later snapshot"),
    ("source_row_from", "INTEGER", "the row in the earlier workbook"),
    ("source_row_to", "INTEGER", "the row in the later workbook"),
])

ACTION_PLAN_EXCEPTIONS = _table("marts", "action_plan_exceptions", [
    ("board_month", "VARCHAR", "the pack's month, YYYY-MM (partition)"),
    ("board_date", "DATE", "the board date overdue is judged against"),
    _SNAPSHOT,
    ("exception", "VARCHAR", "red_amber, overdue or stale"),
    _SHEET, _SHEET_POSITION, _SOURCE_ROW, _OBJECTIVE_NUMBER, _OBJECTIVE_TITLE, _REF, _ACTIVITY, _RESPONSIBLE, _BRAG,
    _TIMESCALE, _DUE,
    ("days_overdue", "INTEGER", "board_date - due_date, on overdue rows"),
    _LATEST_UPDATE,
    ("days_since_update", "INTEGER", "snapshot_date - latest_update_date; null when there is none"),
    _LATEST_NOTE,
], "board_month")

# --- every table, and the assets that are not tables --------------------------------------------------------------

TABLES: tuple[TableDef, ...] = (
    *LCS_STAGING.values(), *IRO_STAGING.values(), REFERENCE_BENCHMARKS,
    INDICATOR_MONTHLY, INDICATOR_CATALOGUE, BENCHMARK_SERIES, BENCHMARK_COMPARISON, INDICATOR_SPC,
    IRO_CHALLENGES_MONTHLY, IRO_RESOLUTION_LEVELS, IRO_OPEN_AGEING, IRO_ANNUAL_SUMMARY,
    ACTION_PLAN_ACTIONS, ACTION_PLAN_SUMMARY, ACTION_PLAN_CHANGES, ACTION_PLAN_EXCEPTIONS,
)
MARTS: tuple[TableDef, ...] = tuple(t for t in TABLES if t.schema == "marts")
"""The aggregate tables: what the published Parquet files and a regional store may carry (never staging)."""


def lcs_file_key(table: str) -> dg.AssetKey:
    """The delivered CSV of an SSD table, e.g. lcs/ssd_person."""
    return dg.AssetKey(["lcs", table])


IRO_WORKBOOK = dg.AssetKey(["iro", "iro_statistics_workbook"])
ACTION_PLAN_WORKBOOKS = dg.AssetKey(["action_plan", "workbooks"])
BENCHMARKS_FILE = dg.AssetKey(["reference", "benchmarks_csv"])
BOARD_PACK = dg.AssetKey(["outputs", "board_pack"])
BOARD_REPORT = dg.AssetKey(["outputs", "board_report"])
PUBLISHED_WAREHOUSE = dg.AssetKey(["warehouse", "published"])
