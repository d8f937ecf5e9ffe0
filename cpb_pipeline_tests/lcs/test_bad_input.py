"""Bad extracts stop the month with a message naming file, row, column and rule; the warehouse keeps what it had."""

import os
import subprocess
import sys

import pytest

from cpb_pipeline.runs import failure_lines
from cpb_pipeline_tests.lcs_fixtures import minimal_extract


def _damage_file(folder, name, transform):
    path = folder / name
    path.write_bytes(transform(path.read_bytes()))


CASES = {
    "missing column": (
        lambda folder: _damage_file(folder, "ssd_cp_plans.csv", lambda b: b.replace(b"cppl_cp_plan_start_date", b"cppl_start")),
        ["ssd_cp_plans.csv row 1", "column cppl_cp_plan_start_date", "required column is missing"],
    ),
    "torn file": (
        lambda folder: _damage_file(folder, "ssd_cla_health.csv", lambda b: b[: b.rindex(b",Completed")]),
        ["ssd_cla_health.csv row 3", "header's 5 fields"],
    ),
    "invalid code": (
        lambda folder: _damage_file(folder, "ssd_cla_reviews.csv", lambda b: b.replace(b"PN1", b"PN9")),
        ["ssd_cla_reviews.csv row 2", "column clar_cla_review_participation", "code must be one of PN0"],
    ),
    "unparseable date": (
        lambda folder: _damage_file(folder, "ssd_cin_plans.csv", lambda b: b.replace(b"2019-06-01", b"2019-13-01")),
        ["ssd_cin_plans.csv row 2", "column cinp_cin_plan_start_date", "must be a real date"],
    ),
    "end before start": (
        lambda folder: _damage_file(
            folder, "ssd_involvements.csv", lambda b: b.replace(b"2019-03-01,", b"2019-03-01,2019-02-01", 1)
        ),
        ["ssd_involvements.csv row 3", "column invo_involvement_end_date", "must not be before invo_involvement_start_date"],
    ),
    "dangling reference": (
        lambda folder: _damage_file(folder, "ssd_cp_reviews.csv", lambda b: b.replace(b",P1,", b",P7,")),
        ["ssd_cp_reviews.csv row 2", "column cppr_cp_plan_id", "must match a cppl_cp_plan_id in ssd_cp_plans.csv"],
    ),
    "empty file": (
        lambda folder: (folder / "ssd_department.csv").write_bytes(b""),
        ["ssd_department.csv row 1", "file is empty"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_month_is_rejected_and_previous_content_kept(authority, case):
    folder = authority.write_month("2019-08")
    assert authority.run("2019-08").success
    before = {t: authority.query(f"SELECT * FROM staging.{t} ORDER BY ALL") for t in ("ssd_person", "ssd_cp_plans", "ssd_cla_health")}

    damage, expected = CASES[case]
    damage(folder)
    result = authority.run("2019-08")

    assert not result.success
    message = "\n".join(failure_lines(result.all_events))
    for part in expected:
        assert part in message, message
    for table, frame in before.items():
        assert authority.query(f"SELECT * FROM staging.{table} ORDER BY ALL").equals(frame), table


def test_cli_prints_the_rule_without_a_traceback(authority, tmp_path):
    folder = authority.write_month("2019-08", minimal_extract())
    CASES["invalid code"][0](folder)
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "dagster_home")}
    (tmp_path / "dagster_home").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "cpb_pipeline", "refresh", "--month", "2019-08"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert done.returncode == 1
    assert "ssd_cla_reviews.csv row 2, column clar_cla_review_participation: code must be one of" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
