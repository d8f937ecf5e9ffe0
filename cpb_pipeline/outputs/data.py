"""Everything a month's board outputs show, read from the warehouse once (`load_board_data`).

The pack and the report, internal and published, are all built from the same
`BoardData`; nothing downstream reads the warehouse again.

What is read (docs/warehouse.md; the columns are in the registry, `domain/tables.py`):

- `marts.indicator_monthly`: the 13 month ends up to the month, every area row (`monthly`), and the
  months before them that an SPC chart reaches (`earlier`, up to 24 months in all), so that the
  published version can tell whether any point of a chart is a figure it hides;
- `marts.indicator_spc`: the authority's chart of each indicator for the month (districts' charts
  are in the warehouse only);
- `marts.benchmark_series`: the 31 March series, periods ending on or before the month end
  (the authority's computed March figures carry the numerators and denominators that decide
  suppression in the 31 March box);
- `marts.benchmark_comparison`: the month's rows;
- the action plan marts, for the snapshot the month uses
  (`marts.action_plan.snapshots.select_snapshot`): `marts.action_plan_summary`
  rows of that snapshot, `marts.action_plan_exceptions` rows of the board month,
  `marts.action_plan_changes` rows ending at that snapshot;
- the IRO figures: the four IRO indicators are rows of `marts.indicator_monthly`;
  the challenges raised in the month by type and category come from
  `marts.iro_challenges_monthly` (measure `raised`, summed over cohort and locality)
  when that mart is in the warehouse;
- the run's check results, given by the caller (`CheckRecord`s: names and counts, never a value).

A table that is not in the warehouse yet is not an error: the outputs say what is missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from cpb_pipeline.domain import tables
from cpb_pipeline.domain.calendar import month_end, month_ends_back, parse_month, thirteen_months
from cpb_pipeline.domain.catalogue import Indicator
from cpb_pipeline.domain.iro import CATEGORIES, CHALLENGE_TYPES
from cpb_pipeline.domain.profile import Profile, Publication
from cpb_pipeline.domain.rounding import present
from cpb_pipeline.marts.action_plan.snapshots import NoSnapshotError, select_snapshot
from cpb_pipeline.marts.spc.method import WINDOW_MONTHS
from cpb_pipeline.runtime.store import WarehouseStore

INDICATOR_MONTHLY = tables.INDICATOR_MONTHLY.qualified
INDICATOR_SPC = tables.INDICATOR_SPC.qualified
BENCHMARK_SERIES = tables.BENCHMARK_SERIES.qualified
BENCHMARK_COMPARISON = tables.BENCHMARK_COMPARISON.qualified
ACTION_PLAN_SUMMARY = tables.ACTION_PLAN_SUMMARY.qualified
ACTION_PLAN_EXCEPTIONS = tables.ACTION_PLAN_EXCEPTIONS.qualified
ACTION_PLAN_CHANGES = tables.ACTION_PLAN_CHANGES.qualified
IRO_CHALLENGES = tables.IRO_CHALLENGES_MONTHLY.qualified
IRO_CHALLENGES_COLUMNS = ("period_end", "measure", "challenge_type", "category", "challenges")
"""What the IRO summary reads of the IRO marts: challenges by measure, type and category (counts only).
Absent, or without these columns: the breakdown is left out and the outputs say so."""

MONTHLY_COLUMNS = tables.INDICATOR_MONTHLY.column_names
MARCH_COLUMNS = ("indicator_id", "period_end", "area_type", "area", "numerator", "denominator", "value")


@dataclass(frozen=True)
class CheckRecord:
    """One asset check result of the run, as the data quality page lists it (no values, only names and counts)."""

    asset: str
    check: str
    severity: str  # ERROR (blocking) or WARN
    passed: bool
    failing_rows: int | None = None
    rows_checked: int | None = None
    description: str | None = None


@dataclass(frozen=True)
class ActionPlanData:
    snapshot_date: dt.date | None
    board_date: dt.date | None
    board_date_configured: bool
    summary: pd.DataFrame
    exceptions: pd.DataFrame
    changes: pd.DataFrame
    note: str | None = None  # why something is missing, in words for the reader

    @property
    def available(self) -> bool:
        return self.snapshot_date is not None


@dataclass(frozen=True)
class ChallengesRaised:
    """The challenges of one type (PR or MA) raised in the month, by category: the total is the sum of the rows."""

    challenge_type: str
    categories: tuple[tuple[str, float | None], ...]
    total: float


@dataclass(frozen=True)
class IroData:
    breakdown: pd.DataFrame | None  # challenge_type, category, raised (in the month), or None
    note: str | None = None

    @property
    def raised(self) -> tuple[ChallengesRaised, ...]:
        """The breakdown one challenge type at a time, as the IRO summary lists it and suppression protects it."""
        if self.breakdown is None or self.breakdown.empty:
            return ()
        out = []
        for kind, group in self.breakdown.groupby("challenge_type", sort=False):
            counts = [float(v) if present(v) else None for v in group["raised"]]
            total = float(sum(v for v in counts if v is not None))
            out.append(ChallengesRaised(str(kind), tuple(zip((str(c) for c in group["category"]), counts)), total))
        return tuple(out)


@dataclass(frozen=True)
class MonthTable:
    """One indicator's 13 months as its page lays them out: the authority's row first, then its districts.

    Suppression decides on these tables and the pages show them, so both see the same rows in the same order
    (secondary suppression breaks ties by that order). Each frame is area x month end, floats or None."""

    areas: tuple[str, ...]
    values: pd.DataFrame
    numerators: pd.DataFrame
    denominators: pd.DataFrame
    empty: bool  # no row of the indicator in the 13 months: every cell is missing


@dataclass(frozen=True)
class BoardData:
    month: str  # YYYY-MM
    period_end: dt.date
    months: tuple[dt.date, ...]  # the 13 month ends shown, oldest first
    authority: str
    areas: tuple[str, ...]  # district rows in display order, other_area last
    publication: Publication
    monthly: pd.DataFrame  # indicator_monthly rows of the 13 months
    march: pd.DataFrame  # the authority's computed 31 March figures of benchmark_series, with numerator and denominator
    series: pd.DataFrame  # benchmark_series rows with period_end <= the month end
    comparison: pd.DataFrame  # benchmark_comparison rows of the month
    action_plan: ActionPlanData
    iro: IroData
    checks: tuple[CheckRecord, ...] = ()
    notes: tuple[str, ...] = field(default=())
    comparators: tuple[str, ...] = ()  # the comparator areas in display order, the authority's region named
    region: str = ""  # the authority's region (the first comparator)
    statistical_neighbours: tuple[str, ...] = ()  # the authorities of that comparator group, from the profile
    earlier: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=MONTHLY_COLUMNS))
    """indicator_monthly rows of the months before the 13 shown that the month's SPC charts reach."""
    spc: pd.DataFrame = field(default_factory=tables.INDICATOR_SPC.empty)
    """marts.indicator_spc rows of the authority's charts for the month, rules as tuples."""
    spc_held: bool = True  # False when marts.indicator_spc is not in the warehouse yet
    targets: Mapping[str, float] = field(default_factory=dict)  # the profile's, by indicator id

    @property
    def spc_months(self) -> tuple[dt.date, ...]:
        """The month ends an SPC chart of the month may reach: the 24 up to the month."""
        return month_ends_back(self.period_end, WINDOW_MONTHS)

    def month_table(self, indicator: Indicator, months: tuple[dt.date, ...] | None = None) -> MonthTable:
        """The indicator's 13 months (or `months`, within the SPC window): the authority, then the profile's districts
        in order and any others by name."""
        months = months or self.months
        figures = self.monthly if self.earlier.empty else pd.concat([self.earlier, self.monthly])
        frame = figures[(figures["indicator_id"] == indicator.id) & figures["period_end"].isin(months)]
        districts = frame.loc[frame["area_type"] == "district", "area"].unique().tolist()
        ordered = [a for a in self.areas if a in districts] + sorted(a for a in districts if a not in self.areas)
        areas = [self.authority, *ordered]
        values, numerators, denominators = (_pivot(frame, c, areas, months) for c in ("value", "numerator", "denominator"))
        return MonthTable(tuple(areas), values, numerators, denominators, frame.empty)


def load_board_data(
    store: WarehouseStore, profile: Profile, month: str, checks: Iterable[CheckRecord] = ()
) -> BoardData:
    period_end = month_end(parse_month(month))
    months = thirteen_months(period_end)
    held = store.tables()
    notes: list[str] = []

    def read(table: str, sql: str) -> pd.DataFrame | None:
        if table not in held:
            notes.append(f"{table} is not in the warehouse yet")
            return None
        return _dates(store.query(sql, {"first": month_ends_back(period_end, WINDOW_MONTHS)[0], "period_end": period_end}))

    figures = read(
        INDICATOR_MONTHLY,
        f"SELECT {', '.join(MONTHLY_COLUMNS)} FROM {INDICATOR_MONTHLY} WHERE period_end BETWEEN $first AND $period_end "
        "ORDER BY indicator_id, period_end, area_type, area",
    )
    if figures is None:
        figures = pd.DataFrame(columns=MONTHLY_COLUMNS)
    shown = figures["period_end"].isin(months)
    spc = read(
        INDICATOR_SPC,
        f"SELECT * FROM {INDICATOR_SPC} WHERE report_month = $period_end AND area_type = 'authority' "
        "ORDER BY indicator_id, period_end",
    )
    march = read(
        BENCHMARK_SERIES,
        f"SELECT {', '.join(MARCH_COLUMNS)} "
        f"FROM {BENCHMARK_SERIES} WHERE area_type = 'authority' AND origin = 'computed' AND period_end <= $period_end "
        "ORDER BY indicator_id, period_end",
    )
    series = read(
        BENCHMARK_SERIES,
        f"SELECT * FROM {BENCHMARK_SERIES} WHERE period_end <= $period_end ORDER BY indicator_id, area_type, area, period_end",
    )
    comparison = read(BENCHMARK_COMPARISON, f"SELECT * FROM {BENCHMARK_COMPARISON} WHERE period_end = $period_end")
    return BoardData(
        month=month,
        period_end=period_end,
        months=months,
        authority=profile.authority.name,
        areas=tuple(profile.areas),
        publication=profile.publication,
        comparators=profile.comparators,
        region=profile.authority.region,
        statistical_neighbours=tuple(profile.authority.statistical_neighbours),
        monthly=figures[shown].reset_index(drop=True),
        earlier=figures[~shown].reset_index(drop=True),
        spc=tables.INDICATOR_SPC.empty() if spc is None else spc.assign(rules=[tuple(map(str, r)) for r in spc["rules"]]),
        spc_held=spc is not None,
        targets=profile.targets,
        march=march if march is not None else pd.DataFrame(columns=MARCH_COLUMNS),
        series=series if series is not None else tables.BENCHMARK_SERIES.empty(),
        comparison=comparison if comparison is not None else pd.DataFrame(),
        action_plan=_action_plan(store, held, profile, month),
        iro=_iro(store, held, period_end),
        checks=tuple(checks),
        notes=tuple(dict.fromkeys(notes)),
    )


def _action_plan(store: WarehouseStore, tables: set[str], profile: Profile, month: str) -> ActionPlanData:
    empty = pd.DataFrame()
    missing = [t for t in (ACTION_PLAN_SUMMARY, ACTION_PLAN_EXCEPTIONS, ACTION_PLAN_CHANGES) if t not in tables]
    if ACTION_PLAN_SUMMARY in missing:
        return ActionPlanData(None, None, False, empty, empty, empty,
                              note="The action plan marts are not in the warehouse yet.")
    dates = _dates(store.query(f"SELECT DISTINCT snapshot_date FROM {ACTION_PLAN_SUMMARY}"))["snapshot_date"]
    try:
        choice = select_snapshot(month, [d for d in dates if d is not None], profile.action_plan.board_dates)
    except NoSnapshotError as reason:
        text = str(reason)
        return ActionPlanData(None, None, False, empty, empty, empty, note=text[:1].upper() + text[1:] + ".")
    summary = _dates(store.query(
        f"SELECT * FROM {ACTION_PLAN_SUMMARY} WHERE snapshot_date = $snapshot ORDER BY display_order",
        {"snapshot": choice.snapshot_date},
    ))
    exceptions = empty
    if ACTION_PLAN_EXCEPTIONS not in missing:
        exceptions = _dates(store.query(
            f"SELECT * FROM {ACTION_PLAN_EXCEPTIONS} WHERE board_month = $month AND snapshot_date = $snapshot",
            {"month": month, "snapshot": choice.snapshot_date},
        ))
    changes = empty
    if ACTION_PLAN_CHANGES not in missing:
        changes = _dates(store.query(
            f"SELECT * FROM {ACTION_PLAN_CHANGES} WHERE to_snapshot_date = $snapshot", {"snapshot": choice.snapshot_date}
        ))
    note = None
    if missing:
        note = "Not in the warehouse yet: " + ", ".join(missing) + "."
    return ActionPlanData(choice.snapshot_date, choice.board_date, choice.board_date_configured,
                          summary, exceptions, changes, note)


def _iro(store: WarehouseStore, tables: set[str], period_end: dt.date) -> IroData:
    """Challenges raised in the month by type (PR first) and category, in the order the IRO workbook lists them."""
    if IRO_CHALLENGES not in tables:
        return IroData(None, note=f"{IRO_CHALLENGES} is not in the warehouse yet")
    columns = {name for name, _ in store.describe(IRO_CHALLENGES)}
    if not set(IRO_CHALLENGES_COLUMNS) <= columns:
        return IroData(None, note=f"{IRO_CHALLENGES} does not have the columns {', '.join(IRO_CHALLENGES_COLUMNS)}")
    frame = store.query(
        f"SELECT challenge_type, category, sum(challenges) AS raised FROM {IRO_CHALLENGES} "
        "WHERE period_end = $period_end AND measure = 'raised' GROUP BY challenge_type, category",
        {"period_end": period_end},
    )
    if frame.empty:
        return IroData(None, note=f"{IRO_CHALLENGES} has no rows for {period_end:%Y-%m} (no IRO workbook staged)")
    types = {kind: i for i, kind in enumerate(CHALLENGE_TYPES)}
    order = {(kind, name): i for kind, names in CATEGORIES.items() for i, name in enumerate(names)}
    frame = frame.assign(
        _t=[types.get(t, 99) for t in frame["challenge_type"]],
        _c=[order.get((t, c), 99) for t, c in zip(frame["challenge_type"], frame["category"])],
    ).sort_values(["_t", "_c", "category"]).drop(columns=["_t", "_c"]).reset_index(drop=True)
    return IroData(frame)


def _pivot(frame: pd.DataFrame, column: str, areas: list[str], months: tuple[dt.date, ...]) -> pd.DataFrame:
    table = pd.DataFrame(index=areas, columns=list(months), dtype=object)
    for row in frame.itertuples():
        if row.area in table.index and row.period_end in table.columns:
            value = getattr(row, column)
            table.at[row.area, row.period_end] = float(value) if present(value) else None
    return table.where(table.notna(), None)


def _dates(frame: pd.DataFrame) -> pd.DataFrame:
    """DuckDB DATE columns come back as timestamps: turn them back into dates (NaT -> None)."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = [None if pd.isna(v) else pd.Timestamp(v).date() for v in frame[column]]
    return frame
