"""Dagster wiring for the action plan: workbooks in, the actions table and the board marts out."""

import dagster as dg
import pandas as pd

from cpb_pipeline.checks import CheckOutcome, blocking_failure, check_result
from cpb_pipeline.errors import Finding, InputError
from cpb_pipeline.marts.action_plan.changes import CHANGES_COLUMNS, changes
from cpb_pipeline.marts.action_plan.exceptions import EXCEPTIONS_COLUMNS, exceptions_for_month
from cpb_pipeline.marts.action_plan.snapshots import NoSnapshotError
from cpb_pipeline.marts.action_plan.summary import SUMMARY_COLUMNS, summary
from cpb_pipeline.metadata import OWNERS, table_metadata
from cpb_pipeline.partitions import monthly_partitions
from cpb_pipeline.resources import CpbResource
from cpb_pipeline.sources.action_plan.model import ACTION_COLUMNS, EXTRA_COLUMNS
from cpb_pipeline.sources.action_plan.reader import read_action_plan
from cpb_pipeline.warehouse.store import Typed

ACTIONS = dg.AssetKey(["marts", "action_plan_actions"])
WORKBOOKS = dg.AssetKey(["action_plan", "workbooks"])

WARNING_CHECKS = {
    "duplicate_refs": ({"duplicate_ref"}, "A Ref repeats within an objective."),
    "no_responsible_service": ({"no_responsible"}, "Actions with no Responsible Service."),
    "no_timescale": ({"no_timescale"}, "Actions with no Timescales."),
    "timescale_not_a_date": ({"free_text", "not_a_date", "typo"}, "Timescales that give no due date; lists the refs."),
}
LAYOUT_CHECK = ("layout", "Everything else worth a look: skipped sheets, rows that are not actions, odd notes.")

MEANINGS = {
    "snapshot_date": "the date in the workbook's file name",
    "sheet": "the sheet the action is on",
    "objective_number": "N from the banner 'Objective N – …' above the action; null if none",
    "objective_title": "the banner's title",
    "ref": "the action's Ref, trimmed",
    "activity": "the Activity cell",
    "responsible_service": "the Responsible Service cell",
    "timescale_text": "the Timescales cell as written",
    "due_date": "the date Timescales gives (a month such as Mar-19 means its last day); null where it gives none",
    "brag": "Blue, Red, Amber or Green",
    "latest_update_date": "the newest date that opens a progress note ('23.07.19 - …'); null if none",
    "sheet_position": "the sheet's order in the workbook (0 first)",
    "source_row": "the action's row in the sheet, as Excel numbers it",
    "getting_to_good_ref": "the Getting to Good Plan Ref cell",
    "progress": "the Progress cell as written",
    "latest_note": "the text of the newest dated progress note",
    "timescale_kind": "how Timescales was read: date, month, blank, free_text or not_a_calendar_date",
    "source_file": "the workbook's file name",
    "level": "sheet_objective, sheet, objective or snapshot: what the row counts",
    "blue": "actions that are Blue (complete and closed)",
    "red": "actions that are Red",
    "amber": "actions that are Amber",
    "green": "actions that are Green",
    "total": "all actions in the row's group",
    "open_actions": "red + amber + green",
    "display_order": "the order the board pack prints the rows in, within a snapshot",
    "board_month": "the pack's month, YYYY-MM (partition)",
    "board_date": "the board date overdue is judged against",
    "exception": "red_amber, overdue or stale",
    "days_overdue": "board_date - due_date, on overdue rows",
    "days_since_update": "snapshot_date - latest_update_date; null when there is none",
    "from_snapshot_date": "the earlier snapshot compared",
    "to_snapshot_date": "the later snapshot compared",
    "change": "new, closed, removed, moved, brag_changed or due_date_changed",
    "closed_by": "became_blue or disappeared, on closed rows",
    "sheet_from": "the sheet in the earlier snapshot",
    "sheet_to": "the sheet in the later snapshot",
    "ref_occurrence": "which of several actions sharing a Ref within an objective (1 first)",
    "brag_from": "BRAG in the earlier snapshot",
    "brag_to": "BRAG in the later snapshot",
    "due_date_from": "due date in the earlier snapshot",
    "due_date_to": "due date in the later snapshot",
    "timescale_text_from": "Timescales as written in the earlier snapshot",
    "timescale_text_to": "Timescales as written in the later snapshot",
    "source_row_from": "the row in the earlier workbook",
    "source_row_to": "the row in the later workbook",
}


def _columns(kinds: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(name, kind, MEANINGS[name]) for name, kind in kinds.items()]


ACTION_TABLE_COLUMNS = _columns({**ACTION_COLUMNS, **EXTRA_COLUMNS})


def _typed(frame: pd.DataFrame, columns: list[tuple[str, str, str]]) -> Typed:
    return Typed(frame, [(c, t) for c, t, _ in columns])


def sort_warnings(warnings: list[Finding]) -> list[CheckOutcome]:
    """The reader's warnings, one check per kind; anything unrecognised goes to the layout check."""
    outcomes, claimed = [], set()
    for name, (codes, _) in WARNING_CHECKS.items():
        found = [w for w in warnings if w.code in codes]
        claimed |= {id(w) for w in found}
        outcomes.append(CheckOutcome("action_plan", name, False, found, 0))
    outcomes.append(CheckOutcome("action_plan", LAYOUT_CHECK[0], False, [w for w in warnings if id(w) not in claimed], 0))
    return outcomes


workbook_source = dg.AssetSpec(
    WORKBOOKS,
    description="Corporate Parenting Strategy delivery plan workbooks in paths.action_plan (contracts §4); "
    "the snapshot date is the YYYY-MM-DD in each file name.",
    group_name="sources",
    kinds={"excel"},
    owners=OWNERS,
)


@dg.asset(
    key=ACTIONS,
    deps=[WORKBOOKS],
    group_name="marts",
    kinds={"duckdb", "excel"},
    owners=OWNERS,
    description="Contracts §6: one row per action per workbook snapshot, history kept. Every workbook in the "
    "folder is read; a snapshot is replaced whole when its workbook is read again.",
    metadata=table_metadata(ACTION_TABLE_COLUMNS),
    check_specs=[
        dg.AssetCheckSpec("valid", asset=ACTIONS, blocking=True,
                          description="Every workbook opens, has the header columns, and every BRAG is Blue, Red, Amber or Green."),
        *[dg.AssetCheckSpec(name, asset=ACTIONS, description=text) for name, (_, text) in WARNING_CHECKS.items()],
        dg.AssetCheckSpec(LAYOUT_CHECK[0], asset=ACTIONS, description=LAYOUT_CHECK[1]),
    ],
)
def action_plan_actions(context: dg.AssetExecutionContext, cpb: CpbResource):
    folder = cpb.profile.paths.action_plan
    snapshots, blocking, warnings = [], [], []
    for path in sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith("~$")):
        try:
            snapshot = read_action_plan(path)
        except InputError as error:
            blocking += error.findings
            continue
        snapshots.append(snapshot)
        warnings += snapshot.warnings
    if not snapshots and not blocking:
        blocking.append(Finding(str(folder), "no action plan workbook (.xlsx) in the folder"))
    valid = CheckOutcome("action_plan", "valid", True, blocking, sum(len(s.actions) for s in snapshots))
    yield check_result(ACTIONS, valid)
    for outcome in sort_warnings(warnings):
        yield check_result(ACTIONS, outcome)
    if blocking:
        raise blocking_failure([valid], "Action plan workbooks")
    frame = pd.concat([s.actions for s in snapshots], ignore_index=True)
    dates = sorted({s.snapshot_date for s in snapshots})
    store = cpb.warehouse
    for date in dates:
        store.replace_partitions(
            {"marts.action_plan_actions": _typed(frame[frame["snapshot_date"] == date], ACTION_TABLE_COLUMNS)},
            "snapshot_date",
            date,
        )
    total = int(store.query("SELECT count(*) AS n FROM marts.action_plan_actions")["n"].iloc[0])
    yield dg.MaterializeResult(
        asset_key=ACTIONS,
        metadata=table_metadata(
            ACTION_TABLE_COLUMNS,
            rows=total,
            snapshots_read=dg.MetadataValue.json([str(d) for d in dates]),
        ),
    )


def _all_actions(cpb: CpbResource) -> pd.DataFrame:
    frame = cpb.warehouse.query("SELECT * FROM marts.action_plan_actions ORDER BY snapshot_date, sheet_position, source_row")
    for column, kind in {**ACTION_COLUMNS, **EXTRA_COLUMNS}.items():
        if kind == "DATE":
            frame[column] = [None if pd.isna(v) else pd.Timestamp(v).date() for v in frame[column]]
    return frame


@dg.asset(
    key=["marts", "action_plan_summary"],
    deps=[ACTIONS],
    group_name="marts",
    kinds={"duckdb"},
    owners=OWNERS,
    description="BRAG counts for every snapshot by sheet and objective, by sheet, by objective and overall.",
    metadata=table_metadata(_columns(SUMMARY_COLUMNS)),
)
def action_plan_summary(cpb: CpbResource) -> dg.MaterializeResult:
    frame = summary(_all_actions(cpb))
    cpb.warehouse.replace_tables({"marts.action_plan_summary": _typed(frame, _columns(SUMMARY_COLUMNS))})
    return dg.MaterializeResult(metadata=table_metadata(_columns(SUMMARY_COLUMNS), rows=len(frame)))


@dg.asset(
    key=["marts", "action_plan_changes"],
    deps=[ACTIONS],
    group_name="marts",
    kinds={"duckdb"},
    owners=OWNERS,
    description="What changed between consecutive snapshots: new and closed actions, BRAG and due dates moved.",
    metadata=table_metadata(_columns(CHANGES_COLUMNS)),
)
def action_plan_changes(cpb: CpbResource) -> dg.MaterializeResult:
    frame = changes(_all_actions(cpb))
    cpb.warehouse.replace_tables({"marts.action_plan_changes": _typed(frame, _columns(CHANGES_COLUMNS))})
    return dg.MaterializeResult(metadata=table_metadata(_columns(CHANGES_COLUMNS), rows=len(frame)))


@dg.asset(
    key=["marts", "action_plan_exceptions"],
    deps=[ACTIONS],
    partitions_def=monthly_partitions,
    group_name="marts",
    kinds={"duckdb"},
    owners=OWNERS,
    description="For a month's board pack: the snapshot it uses and every overdue, stale, Red or Amber action "
    "with its latest note. Empty for months no snapshot qualifies for.",
    metadata=table_metadata(_columns(EXCEPTIONS_COLUMNS)),
)
def action_plan_exceptions(context: dg.AssetExecutionContext, cpb: CpbResource) -> dg.MaterializeResult:
    month = context.partition_key
    settings = cpb.profile.action_plan
    columns = _columns(EXCEPTIONS_COLUMNS)
    try:
        choice, frame = exceptions_for_month(
            _all_actions(cpb), month, stale_after_weeks=settings.stale_after_weeks, board_dates=settings.board_dates
        )
        note = {"snapshot_date": str(choice.snapshot_date), "board_date": str(choice.board_date)}
    except NoSnapshotError as reason:
        frame = pd.DataFrame(columns=list(EXCEPTIONS_COLUMNS))
        note = {"no_snapshot": str(reason)}
        context.log.info(str(reason))
    frame = frame.assign(board_month=month)
    cpb.warehouse.replace_partitions(
        {"marts.action_plan_exceptions": _typed(frame, columns)}, "board_month", month
    )
    return dg.MaterializeResult(
        metadata=table_metadata(columns, rows=len(frame), **{k: dg.MetadataValue.text(v) for k, v in note.items()})
    )

