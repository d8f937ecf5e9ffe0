"""Dagster wiring for the action plan: workbooks in, the actions table and the board marts out."""

import dagster as dg
import pandas as pd

from cpb_pipeline.domain import tables
from cpb_pipeline.domain.errors import Finding, InputError
from cpb_pipeline.domain.tables import data_version
from cpb_pipeline.marts.action_plan.changes import changes
from cpb_pipeline.marts.action_plan.exceptions import exceptions_for_month
from cpb_pipeline.marts.action_plan.snapshots import NoSnapshotError
from cpb_pipeline.marts.action_plan.summary import summary
from cpb_pipeline.runtime.checks import CheckOutcome, blocking_failure, check_result
from cpb_pipeline.runtime.resources import CpbResource
from cpb_pipeline.sources.action_plan.reader import read_action_plan

ACTIONS, SUMMARY, CHANGES, EXCEPTIONS = (
    tables.ACTION_PLAN_ACTIONS, tables.ACTION_PLAN_SUMMARY, tables.ACTION_PLAN_CHANGES, tables.ACTION_PLAN_EXCEPTIONS,
)

WARNING_CHECKS = {
    "duplicate_refs": ({"duplicate_ref"}, "A Ref repeats within an objective."),
    "no_responsible_service": ({"no_responsible"}, "Actions with no Responsible Service."),
    "no_timescale": ({"no_timescale"}, "Actions with no Timescales."),
    "timescale_not_a_date": ({"free_text", "not_a_date", "typo"}, "Timescales that give no due date; lists the refs."),
}
LAYOUT_CHECK = ("layout", "Everything else worth a look: skipped sheets, rows that are not actions, odd notes.")


def sort_warnings(warnings: list[Finding]) -> list[CheckOutcome]:
    """The reader's warnings, one check per kind; anything unrecognised goes to the layout check."""
    outcomes, claimed = [], set()
    for name, (codes, _) in WARNING_CHECKS.items():
        found = [w for w in warnings if w.code in codes]
        claimed |= {id(w) for w in found}
        outcomes.append(CheckOutcome("action_plan", name, False, found, 0))
    outcomes.append(CheckOutcome("action_plan", LAYOUT_CHECK[0], False, [w for w in warnings if id(w) not in claimed], 0))
    return outcomes


@dg.asset(
    key=ACTIONS.key,
    deps=[tables.ACTION_PLAN_WORKBOOKS],
    group_name="marts",
    kinds={"duckdb", "excel"},
    description="One row per action per workbook snapshot, history kept. Every workbook in the "
    "folder is read; a snapshot is replaced whole when its workbook is read again.",
    metadata=ACTIONS.metadata(),
    check_specs=[
        dg.AssetCheckSpec("valid", asset=ACTIONS.key, blocking=True,
                          description="Every workbook opens, has the header columns, and every BRAG is Blue, Red, Amber or Green."),
        *[dg.AssetCheckSpec(name, asset=ACTIONS.key, description=text) for name, (_, text) in WARNING_CHECKS.items()],
        dg.AssetCheckSpec(LAYOUT_CHECK[0], asset=ACTIONS.key, description=LAYOUT_CHECK[1]),
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
    yield check_result(ACTIONS.key, valid)
    for outcome in sort_warnings(warnings):
        yield check_result(ACTIONS.key, outcome)
    if blocking:
        raise blocking_failure([valid], "Action plan workbooks")
    frame = pd.concat([s.actions for s in snapshots], ignore_index=True)
    dates = sorted({s.snapshot_date for s in snapshots})
    store = cpb.warehouse
    for date in dates:
        store.replace_partitions(
            {ACTIONS.qualified: ACTIONS.typed(frame[frame["snapshot_date"] == date])}, "snapshot_date", date
        )
    total = int(store.query(f"SELECT count(*) AS n FROM {ACTIONS.qualified}")["n"].iloc[0])
    yield dg.MaterializeResult(
        asset_key=ACTIONS.key,
        data_version=data_version(frame),
        metadata=ACTIONS.metadata(total, snapshots_read=dg.MetadataValue.json([str(d) for d in dates])),
    )


def _all_actions(cpb: CpbResource) -> pd.DataFrame:
    frame = cpb.warehouse.query(f"SELECT * FROM {ACTIONS.qualified} ORDER BY snapshot_date, sheet_position, source_row")
    for column, kind in ACTIONS.types.items():
        if kind == "DATE":
            frame[column] = [None if pd.isna(v) else pd.Timestamp(v).date() for v in frame[column]]
    return frame


@dg.asset(
    key=SUMMARY.key,
    deps=[ACTIONS.key],
    group_name="marts",
    kinds={"duckdb"},
    description="BRAG counts for every snapshot by sheet and objective, by sheet, by objective and overall.",
    metadata=SUMMARY.metadata(),
)
def action_plan_summary(cpb: CpbResource) -> dg.MaterializeResult:
    frame = summary(_all_actions(cpb))
    cpb.warehouse.replace_tables({SUMMARY.qualified: SUMMARY.typed(frame)})
    return dg.MaterializeResult(data_version=data_version(frame), metadata=SUMMARY.metadata(len(frame)))


@dg.asset(
    key=CHANGES.key,
    deps=[ACTIONS.key],
    group_name="marts",
    kinds={"duckdb"},
    description="What changed between consecutive snapshots: new and closed actions, BRAG and due dates moved.",
    metadata=CHANGES.metadata(),
)
def action_plan_changes(cpb: CpbResource) -> dg.MaterializeResult:
    frame = changes(_all_actions(cpb))
    cpb.warehouse.replace_tables({CHANGES.qualified: CHANGES.typed(frame)})
    return dg.MaterializeResult(data_version=data_version(frame), metadata=CHANGES.metadata(len(frame)))


def action_plan_exceptions(partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    @dg.asset(
        key=EXCEPTIONS.key,
        deps=[ACTIONS.key],
        partitions_def=partitions,
        group_name="marts",
        kinds={"duckdb"},
        description="For a month's board pack: the snapshot it uses and every overdue, stale, Red or Amber action "
        "with its latest note. Empty for months no snapshot qualifies for.",
        metadata=EXCEPTIONS.metadata(),
    )
    def action_plan_exceptions(context: dg.AssetExecutionContext, cpb: CpbResource) -> dg.MaterializeResult:
        month = context.partition_key
        settings = cpb.profile.action_plan
        try:
            choice, frame = exceptions_for_month(
                _all_actions(cpb), month, stale_after_weeks=settings.stale_after_weeks, board_dates=settings.board_dates
            )
            note = {"snapshot_date": str(choice.snapshot_date), "board_date": str(choice.board_date)}
        except NoSnapshotError as reason:
            frame = EXCEPTIONS.empty()
            note = {"no_snapshot": str(reason)}
            context.log.info(str(reason))
        frame = frame.assign(board_month=month)
        cpb.warehouse.replace_partitions({EXCEPTIONS.qualified: EXCEPTIONS.typed(frame)}, "board_month", month)
        return dg.MaterializeResult(
            data_version=data_version(frame),
            metadata=EXCEPTIONS.metadata(len(frame), **{k: dg.MetadataValue.text(v) for k, v in note.items()})
        )

    return action_plan_exceptions


def action_plan_marts(partitions: dg.PartitionsDefinition) -> list[dg.AssetsDefinition]:
    return [action_plan_actions, action_plan_summary, action_plan_changes, action_plan_exceptions(partitions)]
