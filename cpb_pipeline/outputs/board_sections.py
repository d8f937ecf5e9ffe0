"""The sections after the indicator pages, as a version shows them: the Corporate Parenting Strategy action
plan and its exceptions, the IRO service summary and the data quality checks of the run.

Everything is labelled here, once, for the pack and the report alike: BRAG counts as
whole numbers, dates as the board reads them (dd/mm/yyyy), codes as words ("Red or
Amber", "Problem resolutions"), missing text as empty. The IRO breakdown and the check
counts are shown or withheld by the published version's `Hidden` decisions.
"""

from __future__ import annotations

from dataclasses import dataclass

from cpb_pipeline.domain.iro import MA, PR
from cpb_pipeline.domain.rounding import present
from cpb_pipeline.outputs.data import ActionPlanData, BoardData, CheckRecord
from cpb_pipeline.outputs.formats import BETTER_MARK, WORSE_MARK, month_label, month_name
from cpb_pipeline.outputs.indicator_pages import IndicatorPage
from cpb_pipeline.outputs.parts import Heading, Shown, figure, withheld
from cpb_pipeline.outputs.suppression import TOTAL, Hidden

OTHER_SECTIONS = "Action plan, IRO service and data quality"  # what the report's contents list them under
DELIVERY_PLAN = "Corporate Parenting Strategy delivery plan"
BRAG_COLUMNS = ("blue", "red", "amber", "green", "total", "open_actions")
BRAG_HEADINGS = ("Blue", "Red", "Amber", "Green", "Total", "Open actions")
EXCEPTION_NAMES = {"red_amber": "Red or Amber", "overdue": "Overdue", "stale": "Not updated"}
CHALLENGE_NAMES = {PR: "Problem resolutions", MA: "Management alerts"}
NO_SNAPSHOT = "No action plan snapshot for this month."


@dataclass(frozen=True)
class BragRow:
    label: int | str  # the objective's number ("All" for the whole plan, "None" without one), or the sheet
    title: str | None  # the objective's title ("Whole plan"); None in the table by sheet
    counts: tuple[int | None, ...]  # as BRAG_HEADINGS
    whole: bool = False  # the whole plan's row, printed bold


@dataclass(frozen=True)
class BragTable:
    caption: str
    label_heading: str  # Objective or Sheet
    title_heading: str | None  # the objectives' titles; the table by sheet has none
    rows: tuple[BragRow, ...]
    count_headings: tuple[str, ...] = BRAG_HEADINGS


@dataclass(frozen=True)
class ActionChange:
    change: str  # new, closed, removed, moved, brag changed, due date changed
    activity: str
    sheet: str
    objective: int | None
    ref: str
    brag_before: str
    brag_now: str
    due_before: str
    due_now: str


@dataclass(frozen=True)
class ActionPlanSection:
    heading: Heading
    about: str
    message: str | None  # why there is nothing to show this month; the tables are left out
    snapshot: str  # which snapshot and board date the section uses
    note: str | None  # a mart that is missing, shown beside the tables
    objectives: BragTable
    sheets: BragTable
    changes_caption: str
    changes_headings: tuple[str, ...]
    changes: tuple[ActionChange, ...]
    no_changes: str


@dataclass(frozen=True)
class ActionException:
    exception: str  # Red or Amber, Overdue, Not updated
    brag: str
    sheet: str
    objective: int | None
    ref: str
    activity: str
    responsible: str
    timescale: str
    days_overdue: int | None
    latest_update: str
    latest_note: str


@dataclass(frozen=True)
class ExceptionsSection:
    heading: Heading
    about: str  # what counts as an exception
    message: str | None  # no snapshot, or no exceptions in it; the table is left out
    caption: str
    headings: tuple[str, ...]
    rows: tuple[ActionException, ...]


@dataclass(frozen=True)
class IroBreakdown:
    challenge_type: str
    caption: str  # 'Problem resolutions raised in August 2019, by category'
    rows: tuple[tuple[str, Shown], ...]  # category, challenges raised in the month
    total: Shown


@dataclass(frozen=True)
class IroSection:
    heading: Heading
    about: str
    caption: str  # the 13-month table's, in the report
    headings: tuple[str, ...]
    pages: tuple[IndicatorPage, ...]  # the IRO indicators: the authority's 13 months and trend, linked to the page
    breakdown_headings: tuple[str, ...]
    total_label: str
    breakdowns: tuple[IroBreakdown, ...]


@dataclass(frozen=True)
class CheckLine:
    passed: bool
    mark: str  # ✔ or ✘
    result: str  # Passed or Failed
    severity: str  # Blocking or Warning
    asset: str
    check: str
    rows_checked: Shown
    failing_rows: Shown
    what_failed: str

    @property
    def judgement(self) -> str:
        return "better" if self.passed else "worse"


@dataclass(frozen=True)
class QualitySection:
    heading: Heading
    about: str  # also the caption of the report's table
    message: str | None  # no check results for this run
    summary: str  # how many passed and failed
    headings: tuple[str, ...]
    lines: tuple[CheckLine, ...]  # failed checks first


def _heading(title: str, section: str, sheet: str, anchor: str) -> Heading:
    return Heading(title, section, OTHER_SECTIONS, sheet, anchor)


def _words(value: object) -> str:
    """Text from a mart: empty where there is none."""
    return str(value) if present(value) or isinstance(value, str) else ""


def _whole(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _date(value: object) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else ""


def _brag_counts(record: dict) -> tuple[int | None, ...]:
    return tuple(_whole(record[column]) for column in BRAG_COLUMNS)


# --- the action plan -------------------------------------------------------------------------------------------


def action_plan_section(plan: ActionPlanData) -> ActionPlanSection:
    objectives, sheets = [], []
    if plan.available:
        summary = plan.summary
        for record in summary[summary["level"].isin(["objective", "snapshot"])].to_dict("records"):
            whole = record["level"] == "snapshot"
            number = _whole(record["objective_number"])
            label = "All" if whole else (number if number is not None else "None")
            title = "Whole plan" if whole else _words(record["objective_title"])
            objectives.append(BragRow(label, title, _brag_counts(record), whole))
        for record in summary[summary["level"] == "sheet"].to_dict("records"):
            sheets.append(BragRow(_words(record["sheet"]), None, _brag_counts(record)))
    board = "set for this board" if plan.board_date_configured else "the snapshot date"
    return ActionPlanSection(
        heading=_heading("Corporate Parenting Strategy action plan", DELIVERY_PLAN, "Action plan", "action-plan"),
        about="Delivery plan: BRAG summary and changes since the previous snapshot",
        message=None if plan.available else (plan.note or NO_SNAPSHOT),
        snapshot=f"Snapshot of {_date(plan.snapshot_date)}; board date {_date(plan.board_date)} ({board}).",
        note=plan.note if plan.available else None,
        objectives=BragTable("BRAG by objective (all sheets)", "Objective", "Title", tuple(objectives)),
        sheets=BragTable("BRAG by sheet", "Sheet", None, tuple(sheets)),
        changes_caption="Changes since the previous snapshot",
        changes_headings=("Change", "Activity", "Sheet", "Objective", "Ref", "BRAG before", "BRAG now", "Due before",
                          "Due now"),  # fmt: skip
        changes=tuple(
            ActionChange(
                change=str(record["change"]).replace("_", " "),
                activity=_words(record["activity"]),
                sheet=_words(record["sheet"]),
                objective=_whole(record["objective_number"]),
                ref=_words(record["ref"]),
                brag_before=_words(record["brag_from"]),
                brag_now=_words(record["brag_to"]),
                due_before=_date(record["due_date_from"]),
                due_now=_date(record["due_date_to"]),
            )
            for record in (plan.changes.to_dict("records") if plan.available else ())
        ),
        no_changes="No earlier snapshot to compare with, or nothing changed.",
    )


def exceptions_section(plan: ActionPlanData) -> ExceptionsSection:
    rows = tuple(
        ActionException(
            exception=EXCEPTION_NAMES.get(record["exception"], _words(record["exception"])),
            brag=_words(record["brag"]),
            sheet=_words(record["sheet"]),
            objective=_whole(record["objective_number"]),
            ref=_words(record["ref"]),
            activity=_words(record["activity"]),
            responsible=_words(record["responsible_service"]),
            timescale=_words(record["timescale_text"]),
            days_overdue=_whole(record["days_overdue"]),
            latest_update=_date(record["latest_update_date"]),
            latest_note=_words(record["latest_note"]),
        )
        for record in (plan.exceptions.to_dict("records") if plan.available else ())
    )
    if not plan.available:
        message = plan.note or NO_SNAPSHOT
    else:
        message = None if rows else "No exceptions in this snapshot."
    return ExceptionsSection(
        heading=_heading("Action plan exceptions", DELIVERY_PLAN, "Action plan exceptions", "action-plan-exceptions"),
        about="Red and Amber actions, actions overdue at the board date, and actions with no dated progress note in "
        "the weeks before the snapshot. An action can be listed under more than one heading.",
        message=message,
        caption="Exceptions for the board",
        headings=("Exception", "BRAG", "Sheet", "Objective", "Ref", "Activity", "Responsible service", "Timescale",
                  "Days overdue", "Latest update", "Latest note"),  # fmt: skip
        rows=rows,
    )


# --- the IRO service and data quality -------------------------------------------------------------------------


def iro_section(data: BoardData, hidden: Hidden, pages: tuple[IndicatorPage, ...], trend_heading: str) -> IroSection:
    symbol, month = data.publication.suppressed_symbol, month_name(data.period_end)

    def raised(kind: str, category: str, count: float | None) -> Shown:
        return withheld(symbol) if hidden.raised(kind, category) else figure("count", count)

    breakdowns = tuple(
        IroBreakdown(
            r.challenge_type,
            f"{CHALLENGE_NAMES.get(r.challenge_type, r.challenge_type)} raised in {month}, by category",
            tuple((category, raised(r.challenge_type, category, n)) for category, n in r.categories),
            raised(r.challenge_type, TOTAL, r.total),
        )
        for r in data.iro.raised
    )
    return IroSection(
        heading=_heading("Independent Reviewing Officer service summary", "Independent Reviewing Officer service",
                         "IRO summary", "iro"),  # fmt: skip
        about=f"Challenges, caseloads and reviews: {data.authority}, 13 months",
        caption=f"{data.authority}: the 13 months to {month}",
        headings=("Indicator", *(month_label(m) for m in data.months), trend_heading),
        pages=pages,
        breakdown_headings=("Category", "Raised"),
        total_label="Total",
        breakdowns=breakdowns,
    )


def quality_section(data: BoardData, hidden: Hidden) -> QualitySection:
    symbol = data.publication.suppressed_symbol
    records = sorted(data.checks, key=lambda r: (r.passed, r.severity != "ERROR", r.asset, r.check))

    def count(record: CheckRecord, name: str) -> Shown:
        value = getattr(record, name)
        return withheld(symbol) if hidden.check(record, name) else figure("count", None if value is None else float(value))

    lines = tuple(
        CheckLine(
            passed=r.passed,
            mark=BETTER_MARK if r.passed else WORSE_MARK,
            result="Passed" if r.passed else "Failed",
            severity="Blocking" if r.severity == "ERROR" else "Warning",
            asset=r.asset,
            check=r.check,
            rows_checked=count(r, "rows_checked"),
            failing_rows=count(r, "failing_rows"),
            what_failed=r.description or "",
        )
        for r in records
    )
    failed = [line for line in lines if not line.passed]
    blocking = [line for line in failed if line.severity == "Blocking"]
    return QualitySection(
        heading=_heading("Data quality checks", "Data quality", "Data quality", "data-quality"),
        about="The checks of this month's run: failed checks first",
        message=None if lines else "No check results were recorded for this run.",
        summary=f"{len(lines)} checks: {len(lines) - len(failed)} passed, {len(failed)} failed ({len(blocking)} blocking).",
        headings=("Result", "Severity", "Asset", "Check", "Rows checked", "Failing rows", "What failed"),
        lines=lines,
    )
