"""The board marts: summary, exceptions, changes, and which snapshot a month's pack uses."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from cpb_pipeline.demo.action_plan import build_demo_workbooks
from cpb_pipeline.domain.profile import ActionPlanSettings
from cpb_pipeline.marts.action_plan import (
    CHANGES_COLUMNS,
    EXCEPTIONS_COLUMNS,
    SUMMARY_COLUMNS,
    NoSnapshotError,
    changes,
    changes_between,
    exceptions,
    exceptions_for_month,
    select_snapshot,
    summary,
)
from cpb_pipeline.sources.action_plan import read_action_plan
from cpb_pipeline_tests.action_plan.helpers import frame

D = dt.date


# --- summary ------------------------------------------------------------------------------


def test_summary_counts_and_totals():
    actions = frame(
        [
            {"sheet": "Plan", "objective_number": 1, "brag": "Green"},
            {"sheet": "Plan", "objective_number": 1, "brag": "Red"},
            {"sheet": "Plan", "objective_number": 2, "objective_title": "Home", "brag": "Amber"},
            {"sheet": "Done", "sheet_position": 1, "objective_number": 1, "brag": "Blue"},
            {"sheet": "Done", "sheet_position": 1, "objective_number": None, "objective_title": None, "brag": "Blue"},
        ]
    )
    table = summary(actions)
    assert list(table.columns) == list(SUMMARY_COLUMNS)
    rows = {
        (r.level, r.sheet, None if pd.isna(r.objective_number) else r.objective_number):
            (r.blue, r.red, r.amber, r.green, r.total, r.open_actions)
        for r in table.itertuples()
    }  # fmt: skip
    assert rows == {
        ("sheet_objective", "Plan", 1): (0, 1, 0, 1, 2, 2),
        ("sheet_objective", "Plan", 2): (0, 0, 1, 0, 1, 1),
        ("sheet", "Plan", None): (0, 1, 1, 1, 3, 3),
        ("sheet_objective", "Done", 1): (1, 0, 0, 0, 1, 0),
        ("sheet_objective", "Done", None): (1, 0, 0, 0, 1, 0),
        ("sheet", "Done", None): (2, 0, 0, 0, 2, 0),
        ("objective", None, 1): (1, 1, 0, 1, 3, 2),
        ("objective", None, 2): (0, 0, 1, 0, 1, 1),
        ("objective", None, None): (1, 0, 0, 0, 1, 0),
        ("snapshot", None, None): (2, 1, 1, 1, 5, 3),
    }
    assert list(table["display_order"]) == list(range(len(table)))
    assert table.loc[table["level"] == "objective", "objective_title"].tolist() == ["Voice", "Home", None]


def test_summary_of_several_snapshots_and_of_nothing():
    actions = pd.concat([frame([{"brag": "Green"}]), frame([{"snapshot_date": D(2019, 7, 23), "brag": "Red"}])])
    table = summary(actions)
    totals = table[table["level"] == "snapshot"].set_index("snapshot_date")
    assert totals.loc[D(2019, 7, 23), "red"] == 1 and totals.loc[D(2019, 9, 11), "green"] == 1
    assert summary(frame([])).empty


# --- exceptions -----------------------------------------------------------------------------

SNAP = D(2019, 9, 11)
BOARD = D(2019, 9, 17)


@pytest.fixture
def small_plan():
    eight_weeks = SNAP - dt.timedelta(weeks=8)  # 2019-07-17
    return frame(
        [
            {"ref": "due-before", "due_date": D(2019, 9, 16), "latest_update_date": SNAP},
            {"ref": "due-on-board", "due_date": BOARD, "latest_update_date": SNAP},
            {"ref": "blue-overdue", "brag": "Blue", "due_date": D(2019, 1, 1), "latest_update_date": None},
            {"ref": "no-due", "due_date": None, "latest_update_date": eight_weeks + dt.timedelta(days=1)},
            {"ref": "stale-edge", "due_date": D(2020, 1, 1), "latest_update_date": eight_weeks},
            {"ref": "never-updated", "due_date": D(2020, 1, 1), "latest_update_date": None},
            {"ref": "red", "brag": "Red", "due_date": D(2020, 1, 1), "latest_update_date": D(2019, 9, 1),
             "latest_note": "01.09.19 - escalated"},
            {"ref": "amber", "brag": "Amber", "due_date": D(2019, 8, 31), "latest_update_date": D(2019, 5, 14),
             "latest_note": "14.05.19 - waiting"},
            {"ref": "other-snapshot", "snapshot_date": D(2019, 7, 23), "brag": "Red"},
        ]
    )  # fmt: skip


def test_exceptions_overdue_stale_and_red_amber(small_plan):
    table = exceptions(small_plan, snapshot_date=SNAP, board_date=BOARD, stale_after_weeks=8, board_month="2019-08")
    assert list(table.columns) == list(EXCEPTIONS_COLUMNS)
    listed = {(r.exception, r.ref) for r in table.itertuples()}
    assert listed == {
        ("red_amber", "red"),
        ("red_amber", "amber"),
        ("overdue", "due-before"),
        ("overdue", "amber"),
        ("stale", "stale-edge"),  # exactly 8 weeks old is outside "the last 8 weeks"
        ("stale", "never-updated"),
        ("stale", "amber"),
    }
    assert list(table["exception"]) == ["red_amber", "red_amber", "overdue", "overdue", "stale", "stale", "stale"]
    assert list(table["ref"][:2]) == ["red", "amber"]  # Red before Amber
    amber = table[(table["exception"] == "overdue") & (table["ref"] == "amber")].iloc[0]
    assert amber["days_overdue"] == 17 and amber["board_date"] == BOARD and amber["board_month"] == "2019-08"
    red = table[table["ref"] == "red"].iloc[0]
    assert red["latest_note"] == "01.09.19 - escalated" and red["days_since_update"] == 10
    assert pd.isna(red["days_overdue"])
    never = table[table["ref"] == "never-updated"].iloc[0]
    assert never["latest_update_date"] is None and pd.isna(never["days_since_update"])


def test_exceptions_for_month_uses_the_board_date(small_plan):
    settings = ActionPlanSettings(stale_after_weeks=8, board_dates={"2019-08": BOARD})
    choice, table = exceptions_for_month(
        small_plan, "2019-08", stale_after_weeks=settings.stale_after_weeks, board_dates=settings.board_dates
    )
    assert (choice.snapshot_date, choice.board_date) == (SNAP, BOARD)
    assert set(table["board_date"]) == {BOARD} and "other-snapshot" not in set(table["ref"])
    choice, table = exceptions_for_month(small_plan, "2019-08", stale_after_weeks=8)
    assert (choice.snapshot_date, choice.board_date) == (SNAP, SNAP)
    assert ("overdue", "due-before") not in {(r.exception, r.ref) for r in table.itertuples()}  # due 16/09 > 11/09


# --- changes -------------------------------------------------------------------------------

BEFORE = D(2019, 7, 23)
AFTER = D(2019, 9, 11)


def test_changes_on_a_hand_made_pair():
    before = frame(
        [
            {"snapshot_date": BEFORE, "ref": "1", "brag": "Green", "due_date": D(2019, 9, 30)},
            {"snapshot_date": BEFORE, "ref": "5a5", "brag": "Green", "source_row": 10},
            {"snapshot_date": BEFORE, "ref": "5a5", "brag": "Green", "source_row": 11},
            {"snapshot_date": BEFORE, "ref": "4b.", "brag": "Amber", "due_date": None},
            {"snapshot_date": BEFORE, "ref": "7", "brag": "Red"},
            {"snapshot_date": BEFORE, "ref": "8", "brag": "Blue"},
            {"snapshot_date": BEFORE, "ref": "9", "brag": "Amber"},
            {"snapshot_date": BEFORE, "ref": "10", "brag": "Blue"},
        ]
    )
    after = frame(
        [
            {"ref": "1", "brag": "Green", "due_date": D(2019, 12, 31)},  # due date moved
            {"ref": "5a5", "brag": "Green", "source_row": 10},
            {"ref": "5A5", "brag": "Red", "source_row": 12},  # the second 5a5 turned Red
            {"ref": "4b", "brag": "Amber", "due_date": D(2020, 1, 31)},  # same action, ref tidied; due date set
            {"ref": "7", "brag": "Blue"},  # closed
            {"ref": "9", "sheet": "Completed", "sheet_position": 1, "brag": "Blue"},  # moved and closed
            {"ref": "10", "brag": "Green"},  # reopened
            {"ref": "11", "brag": "Green"},  # new
        ]
    )
    table = changes_between(before, after)
    assert list(table.columns) == list(CHANGES_COLUMNS)
    got = {(r.change, r.ref, r.ref_occurrence) for r in table.itertuples()}
    assert got == {
        ("new", "11", 1),
        ("closed", "7", 1),
        ("closed", "9", 1),
        ("removed", "8", 1),
        ("moved", "9", 1),
        ("brag_changed", "5A5", 2),
        ("brag_changed", "10", 1),
        ("due_date_changed", "1", 1),
        ("due_date_changed", "4b", 1),
    }
    closed = table[table["change"] == "closed"].set_index("ref")
    assert closed.loc["7", "closed_by"] == "became_blue" and closed.loc["9", "closed_by"] == "became_blue"
    moved = table[table["change"] == "moved"].iloc[0]
    assert (moved["sheet_from"], moved["sheet_to"], moved["sheet"]) == ("Plan", "Completed", "Completed")
    due = table[(table["change"] == "due_date_changed") & (table["ref"] == "1")].iloc[0]
    assert (due["due_date_from"], due["due_date_to"]) == (D(2019, 9, 30), D(2019, 12, 31))
    assert table.iloc[0]["from_snapshot_date"] == BEFORE and table.iloc[0]["to_snapshot_date"] == AFTER


def test_an_open_action_that_disappears_is_closed():
    before = frame([{"snapshot_date": BEFORE, "ref": "1", "brag": "Amber"}])
    after = frame([{"ref": "2"}])
    table = changes_between(before, after)
    row = table[table["change"] == "closed"].iloc[0]
    assert (row["ref"], row["closed_by"], row["brag_from"], row["brag_to"]) == ("1", "disappeared", "Amber", None)


@pytest.fixture(scope="module")
def demo_actions(tmp_path_factory):
    paths = build_demo_workbooks(tmp_path_factory.mktemp("demo_changes"))
    return pd.concat([read_action_plan(p).actions for p in paths], ignore_index=True)


def test_changes_between_the_demo_snapshots(demo_actions):
    table = changes(demo_actions)
    got = {
        (r.change, r.sheet, r.objective_number, r.ref, r.brag_from, r.brag_to, r.due_date_from, r.due_date_to)
        for r in table.itertuples()
    }
    assert got == {
        ("new", "Delivery Plan", 1, "12a", None, "Green", None, D(2019, 9, 30)),
        ("new", "Delivery Plan", 5, "20", None, "Green", None, None),
        ("closed", "Delivery Plan", 5, "8", "Green", "Blue", D(2019, 7, 31), D(2019, 7, 31)),
        ("closed", "Completed", 5, "19", "Green", "Blue", D(2019, 7, 31), D(2019, 7, 31)),
        ("moved", "Completed", 5, "19", "Green", "Blue", D(2019, 7, 31), D(2019, 7, 31)),
        ("removed", "Completed", 2, "6c", "Blue", None, D(2019, 4, 30), None),
        ("brag_changed", "Delivery Plan", 1, "10c", "Green", "Amber", D(2019, 9, 30), D(2019, 9, 30)),
        ("brag_changed", "Delivery Plan", 2, "5a-c", "Red", "Amber", D(2019, 8, 31), D(2019, 8, 31)),
        ("brag_changed", "Delivery Plan", 5, "4", "Green", "Amber", D(2019, 11, 30), D(2019, 11, 30)),
        ("due_date_changed", "Delivery Plan", 1, "14", "Green", "Green", D(2019, 7, 31), D(2019, 9, 1)),
        ("due_date_changed", "Delivery Plan", 2, "4a", "Green", "Green", D(2019, 8, 31), D(2019, 10, 31)),
    }
    assert set(table["from_snapshot_date"]) == {BEFORE} and set(table["to_snapshot_date"]) == {AFTER}


def test_changes_of_one_snapshot_is_empty(demo_actions):
    one = demo_actions[demo_actions["snapshot_date"] == AFTER]
    table = changes(one)
    assert table.empty and list(table.columns) == list(CHANGES_COLUMNS)


def test_demo_exceptions_for_the_august_2019_pack(demo_actions):
    choice, table = exceptions_for_month(demo_actions, "2019-08", stale_after_weeks=8, board_dates={"2019-08": BOARD})
    assert (choice.snapshot_date, choice.board_date) == (SNAP, BOARD)
    red_amber = table[table["exception"] == "red_amber"]
    assert len(red_amber) == 22 and set(red_amber["brag"]) == {"Red", "Amber"}  # 9 Red + 13 Amber
    overdue = table[table["exception"] == "overdue"]
    assert (overdue["due_date"] < BOARD).all() and "Blue" not in set(overdue["brag"])
    assert ("Delivery Plan", "6a-b") in set(zip(overdue["sheet"], overdue["ref"]))


# --- snapshot selection -----------------------------------------------------------------------

SNAPSHOTS = [D(2019, 7, 23), D(2019, 9, 11), D(2019, 10, 31)]


def test_month_uses_latest_snapshot_up_to_end_of_following_month():
    choice = select_snapshot("2019-08", SNAPSHOTS)
    assert (choice.snapshot_date, choice.board_date, choice.board_date_configured) == (D(2019, 9, 11), D(2019, 9, 11), False)
    assert select_snapshot("2019-09", SNAPSHOTS).snapshot_date == D(2019, 10, 31)  # on the cut-off day counts
    assert select_snapshot("2019-06", SNAPSHOTS).snapshot_date == D(2019, 7, 23)
    assert select_snapshot("2020-01", SNAPSHOTS).snapshot_date == D(2019, 10, 31)


def test_board_date_from_the_profile():
    choice = select_snapshot("2019-08", SNAPSHOTS, {"2019-08": D(2019, 9, 17)})
    assert (choice.snapshot_date, choice.board_date, choice.board_date_configured) == (D(2019, 9, 11), D(2019, 9, 17), True)
    early = select_snapshot("2019-08", SNAPSHOTS, {"2019-08": D(2019, 9, 10)})
    assert (early.snapshot_date, early.board_date) == (D(2019, 7, 23), D(2019, 9, 10))
    assert select_snapshot("2019-09", SNAPSHOTS, {"2019-08": D(2019, 9, 17)}).board_date == D(2019, 10, 31)


def test_no_snapshot_qualifies():
    with pytest.raises(NoSnapshotError) as caught:
        select_snapshot("2019-05", SNAPSHOTS)
    message = str(caught.value)
    assert "2019-05" in message and "30/06/2019" in message and "earliest snapshot is 23/07/2019" in message
    with pytest.raises(NoSnapshotError, match="board date 01/07/2019"):
        select_snapshot("2019-06", SNAPSHOTS, {"2019-06": D(2019, 7, 1)})
    with pytest.raises(NoSnapshotError, match="there are no action plan snapshots"):
        select_snapshot("2019-08", [])


def test_marts_load_into_duckdb_with_their_declared_types(demo_actions):
    import duckdb

    from cpb_pipeline.sources.action_plan import ACTION_COLUMNS

    con = duckdb.connect()
    tables = {
        "actions": (demo_actions[list(ACTION_COLUMNS)], ACTION_COLUMNS),
        "summary": (summary(demo_actions), SUMMARY_COLUMNS),
        "exceptions": (exceptions_for_month(demo_actions, "2019-08", stale_after_weeks=8)[1], EXCEPTIONS_COLUMNS),
        "changes": (changes(demo_actions), CHANGES_COLUMNS),
    }
    for name, (data, columns) in tables.items():
        con.register("incoming", data)
        select = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in columns.items())
        con.execute(f"CREATE TABLE {name} AS SELECT {select} FROM incoming").fetchall()
        con.unregister("incoming")
        assert con.execute(f"SELECT count(*) FROM {name}").fetchall() == [(len(data),)]
    assert con.execute("SELECT sum(total) FROM summary WHERE level = 'snapshot'").fetchall() == [(197 + 196,)]
    assert con.execute("SELECT min(due_date), max(latest_update_date) FROM actions").fetchall() == [
        (D(2018, 10, 31), D(2019, 8, 9))
    ]
