"""The IRO assets run through Dagster on a throwaway authority (independent of cpb_pipeline.definitions)."""

from __future__ import annotations

import dagster as dg
import pytest

from cpb_pipeline.domain.tables import IRO_CHALLENGES, IRO_STAFFING
from cpb_pipeline.marts.iro.assets import iro_marts
from cpb_pipeline.runs import failure_lines
from cpb_pipeline.runtime.resources import CpbResource
from cpb_pipeline.sources.iro.rules import CHECKS
from cpb_pipeline_tests.conftest import IRO_STEPS, LCS_STEPS, PARTITIONS
from cpb_pipeline_tests.iro.helpers import challenge, pseudonym, tiny_extract, write_workbook

MONTH = "2019-08"
FILE = "iro_statistics_2019-08.xlsx"
ASSETS = [*LCS_STEPS, *IRO_STEPS, *iro_marts(PARTITIONS)]


def _run(authority, assets=ASSETS, month=MONTH) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        assets,
        partition_key=month,
        resources={"cpb": CpbResource(profile_path=str(authority.profile_path))},
        instance=authority.instance,
        raise_on_error=False,
    )


def _checks(result) -> dict[tuple[str, str], dg.AssetCheckEvaluation]:
    return {(e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()}


def _rows():
    return [
        challenge(1, "2001", "PR", raised="2019-08-05", resolved="2019-08-20", level="Practice Manager"),
        challenge(2, "2005", "MA", cohort="CP", locality="East", raised="2019-07-01"),
        challenge(3, "99999", "MA", raised="2019-08-10"),  # not in the LCS extract: a warning
    ]


@pytest.fixture
def month(authority):
    authority.write_month(MONTH, tiny_extract(n_cla=5, n_cp=3))
    write_workbook(authority.root / "iro", MONTH, _rows(), [[44.5, 2.5, 3560]])
    return authority


def test_assets_stage_the_workbook_and_report_every_check(month):
    result = _run(month)
    assert result.success, failure_lines(result.all_events)
    challenges = month.query("SELECT * FROM staging.iro_challenges ORDER BY source_row")
    assert list(challenges["source_row"]) == [2, 3, 4]
    assert challenges["person_id"].tolist()[:2] == [pseudonym("2001"), pseudonym("2005")]
    assert str(challenges["period_end"].iloc[0].date()) == "2019-08-31"
    staffing = month.query("SELECT * FROM staging.iro_staffing")
    assert staffing[["iro_fte", "agency_fte", "children_allocated"]].values.tolist() == [[44.5, 2.5, 3560]]

    checks = _checks(result)
    for c in CHECKS:
        assert (f"staging/{c.table}", c.name) in checks, c.name
    absent = checks[("staging/iro_challenges", "children_in_lcs_extract")]
    assert not absent.passed and absent.severity == dg.AssetCheckSeverity.WARN
    assert absent.metadata["failing_rows"].value == 1
    assert f"{FILE} sheet 'Challenges' row 4, column person_id" in absent.description
    assert all(e.passed for k, e in checks.items() if k[0].startswith("staging/iro") and k[1] != "children_in_lcs_extract")

    counts = month.query("SELECT measure, sum(challenges) AS n FROM marts.iro_challenges_monthly GROUP BY ALL")
    assert dict(zip(counts["measure"], counts["n"])) == {"raised": 2, "resolved": 1, "open": 2}
    levels = month.query("SELECT * FROM marts.iro_resolution_levels WHERE prs_resolved > 0")
    assert levels["resolution_level"].tolist() == ["Practice Manager"]
    ageing = month.query("SELECT sum(open_challenges) FILTER (WHERE over_4_weeks) AS n FROM marts.iro_open_ageing")
    assert ageing["n"].iloc[0] == 1
    assert month.query("SELECT count(*) AS n FROM marts.iro_annual_summary")["n"].iloc[0] == 0  # no complete year


def test_materializations_carry_row_counts_and_column_schema(month):
    result = _run(month)
    materialized = {m.asset_key: m.metadata for m in (e.materialization for e in result.get_asset_materialization_events())}
    assert materialized[IRO_CHALLENGES.key]["dagster/row_count"].value == 3
    assert materialized[IRO_STAFFING.key]["dagster/row_count"].value == 1
    columns = [c.name for c in materialized[IRO_CHALLENGES.key]["dagster/column_schema"].schema.columns]
    assert columns[:3] == ["period_end", "source_row", "challenge_id"]


def test_blocking_failure_keeps_the_previous_partition(month):
    assert _run(month).success
    before = month.query("SELECT * FROM staging.iro_challenges ORDER BY ALL")
    staffing_before = month.query("SELECT * FROM staging.iro_staffing ORDER BY ALL")
    marts_before = month.query("SELECT * FROM marts.iro_challenges_monthly ORDER BY ALL")

    rows = _rows()
    rows.append(challenge(4, "2002", "Complaint", raised="2019-08-12"))
    write_workbook(month.root / "iro", MONTH, rows, [[50, 2, 4000]])
    result = _run(month)

    assert not result.success
    message = "\n".join(failure_lines(result.all_events))
    assert f"{FILE} sheet 'Challenges' row 5, column challenge_type: code must be one of PR, MA" in message
    assert "nothing was written" in message and "Traceback" not in message
    valid = _checks(result)[("staging/iro_challenges", "valid")]
    assert not valid.passed and valid.severity == dg.AssetCheckSeverity.ERROR
    assert month.query("SELECT * FROM staging.iro_challenges ORDER BY ALL").equals(before)
    assert month.query("SELECT * FROM staging.iro_staffing ORDER BY ALL").equals(staffing_before)
    assert month.query("SELECT * FROM marts.iro_challenges_monthly ORDER BY ALL").equals(marts_before)


def test_missing_workbook_is_a_clear_failure(month):
    (month.root / "iro" / FILE).unlink()
    result = _run(month, IRO_STEPS)
    assert not result.success
    message = "\n".join(failure_lines(result.all_events))
    assert f"{FILE}: the month's IRO statistics workbook is missing" in message


def test_password_protected_workbook_is_a_clear_failure(month):
    from cpb_pipeline_tests.iro.helpers import write_encrypted_workbook

    write_encrypted_workbook(month.root / "iro" / FILE)
    result = _run(month, IRO_STEPS)
    message = "\n".join(failure_lines(result.all_events))
    assert not result.success and f"{FILE}: workbook is password-protected" in message


def test_rerun_replaces_the_partition(month):
    assert _run(month).success
    write_workbook(month.root / "iro", MONTH, _rows()[:1], [[44.5, 2.5, 3560]])
    assert _run(month, IRO_STEPS).success
    assert month.query("SELECT count(*) AS n FROM staging.iro_challenges")["n"].iloc[0] == 1


def test_raw_person_ids_never_reach_the_warehouse(month):
    assert _run(month).success
    import duckdb

    with duckdb.connect(str(month.working_database), read_only=True) as con:
        for (table,) in con.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_name LIKE 'iro%'"
        ).fetchall():
            text = con.execute(f"SELECT * FROM {table}").df().to_csv()
            for raw in ("99999", ",2001,", ",2005,"):
                assert raw not in text, (table, raw)


def test_minimal_workbook_fits_the_minimal_extract(authority):
    """`write_minimal_workbook` is what a whole-job test writes beside `lcs_fixtures.minimal_extract`."""
    from cpb_pipeline_tests.iro.helpers import write_minimal_workbook

    authority.write_month(MONTH)
    write_minimal_workbook(authority.root / "iro", MONTH)
    result = _run(authority, [*LCS_STEPS, *IRO_STEPS])
    assert result.success
    iro_checks = {k: e for k, e in _checks(result).items() if k[0].startswith("staging/iro")}
    assert len(iro_checks) == len(CHECKS) and all(e.passed for e in iro_checks.values())
