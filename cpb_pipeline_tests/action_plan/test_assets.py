"""The action plan through Dagster: part of the monthly refresh, and a bad workbook loses nothing."""

from cpb_pipeline.runs import failure_lines


def test_refresh_loads_every_snapshot_and_the_board_marts(authority):
    authority.write_month("2019-08")
    assert authority.run("2019-08").success
    counts = authority.query("SELECT snapshot_date, count(*) AS n FROM marts.action_plan_actions GROUP BY 1 ORDER BY 1")
    assert list(counts["n"]) == [196, 197]
    exceptions = authority.query("SELECT DISTINCT snapshot_date, board_date FROM marts.action_plan_exceptions")
    assert len(exceptions) == 1
    changes = authority.query("SELECT DISTINCT change FROM marts.action_plan_changes")
    assert {"new", "closed", "brag_changed", "due_date_changed"} <= set(changes["change"])


def test_a_month_with_no_snapshot_yet_gets_an_empty_exceptions_partition(authority):
    authority.write_month("2019-01")
    assert authority.run("2019-01").success
    assert authority.query("SELECT count(*) AS n FROM marts.action_plan_exceptions WHERE board_month = '2019-01'")["n"][0] == 0


def test_corrupt_workbook_fails_clearly_and_keeps_the_loaded_snapshots(authority):
    authority.write_month("2019-08")
    assert authority.run("2019-08").success
    before = authority.query("SELECT * FROM marts.action_plan_actions ORDER BY ALL")
    (authority.root / "action_plan" / "Delivery Plan 2019-10-15.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    result = authority.run("2019-08")
    assert not result.success
    message = "\n".join(failure_lines(result.all_events))
    assert "Delivery Plan 2019-10-15.xlsx" in message and "corrupt" in message
    assert authority.query("SELECT * FROM marts.action_plan_actions ORDER BY ALL").equals(before)
