"""Another authority's workbook works with no code change: other districts' children, extra columns, re-cased codes."""

from __future__ import annotations

import dagster as dg

from cpb_pipeline.demo.iro import generate_iro_workbooks
from cpb_pipeline.domain.calendar import month_end, months_between
from cpb_pipeline.marts.iro.indicators import iro_indicator_rows
from cpb_pipeline.marts.iro.monthly import challenge_counts
from cpb_pipeline.runtime.resources import CpbResource
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline_tests.conftest import IRO_STEPS, LCS_STEPS
from cpb_pipeline_tests.iro.helpers import tiny_extract, write_workbook
from cpb_pipeline_tests.lcs_fixtures import write_extract

PROFILE = """
authority: {name: Kirkton, la_code: "382", region: Yorkshire and the Humber}
child_population:
  - {effective_from: 2018-04-01, count: 95000}
districts: [Huddersfield, Dewsbury & Mirfield, Batley & Spen]
other_area: County-wide teams
paths: {lcs_extracts: extracts, iro_statistics: iro stats, action_plan: plan, reference: ref,
        warehouse: db/kirkton.duckdb, outputs: out}
demo: true
first_month: 2018-04
"""
TEAMS = [("K1", "Huddersfield"), ("K2", "Dewsbury & Mirfield"), ("K3", "Batley & Spen"), ("K4", "Disabled Children")]
MONTHS = months_between("2019-06", "2019-08")


def _authority(tmp_path):
    for folder in ("extracts", "iro stats", "plan", "ref"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    (tmp_path / "kirkton.yaml").write_text(PROFILE)
    tables = tiny_extract(n_cla=12, n_cp=6, teams=TEAMS)
    for month in MONTHS:
        write_extract(tmp_path / "extracts" / month, tables)
    return tmp_path / "kirkton.yaml"


def _materialize(profile_path, month):
    return dg.materialize(
        [*LCS_STEPS, *IRO_STEPS],
        partition_key=month,
        resources={"cpb": CpbResource(profile_path=str(profile_path))},
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )


def test_handmade_workbook_with_its_own_conventions(tmp_path, monkeypatch):
    monkeypatch.delenv("CPB_PSEUDONYM_KEY", raising=False)
    profile_path = _authority(tmp_path)
    header = ["Locality", "IRO", "Challenge ID", "Person ID", "Challenge Type", "CATEGORY", "Cohort", "Raised Date",
              "Resolved Date", "Resolution Level", "Comments"]
    rows = [
        [" north ", "A. Smith", "K-0001", " 2001 ", "pr", "implementation of care plan / cp plan", "cla",
         "03/08/2019", "2019-08-20", "practice manager", "resolved at PM"],
        ["EAST", "B. Jones", "K-0002", "2013", " Ma ", "STATUTORY VISITS NOT RECORDED", "Cp", "2019-07-01", None,
         None, None],
        ["Central", "C. Brown", "K-0003", "2002", "MA", "other/multiple recording issues", "CLA", "12/08/2019", None,
         None, "two documents missing"],
    ]
    write_workbook(tmp_path / "iro stats", "2019-08", rows, [[" 12.5 ", "0", 910]], header=header,
                   staffing_header=["IRO FTE", "Agency FTE", "Children Allocated", "Manager"],
                   extra_sheets=("Read me",))
    result = _materialize(profile_path, "2019-08")
    assert result.success
    checks = {e.check_name: e for e in result.get_asset_check_evaluations() if e.asset_key.path[1].startswith("iro")}
    assert all(e.passed for e in checks.values()), {k: e.description for k, e in checks.items() if not e.passed}

    from cpb_pipeline.domain.profile import load_profile

    profile = load_profile(profile_path)
    with WarehouseStore(profile.working_database).connect() as con:
        staged = con.execute("SELECT challenge_type, category, cohort, locality, resolution_level "
                             "FROM staging.iro_challenges ORDER BY source_row").fetchall()
        figures = iro_indicator_rows(con, profile, month_end("2019-08")).set_index("indicator_id")
        counts = challenge_counts(con, month_end("2019-08"))
    assert staged == [
        ("PR", "Implementation of care plan / CP plan", "CLA", "North", "Practice Manager"),
        ("MA", "Statutory visits not recorded", "CP", "East", None),
        ("MA", "Other / multiple recording issues", "CLA", "Central", None),
    ]
    assert figures.loc["iro_pr_raised", "value"] == 1 and figures.loc["iro_ma_raised", "value"] == 1
    assert figures.loc["iro_challenges_open_over_4_weeks", "value"] == 1
    assert figures.loc["iro_caseload", "value"] == 910 / 12.5
    assert set(figures["area"]) == {"Kirkton"}
    assert counts.loc[counts["measure"] == "raised", "challenges"].sum() == 2


def test_demo_generator_on_another_authoritys_extracts(tmp_path, monkeypatch):
    """Districts the locality map does not know are spread over the localities; every child is in the extract."""
    monkeypatch.delenv("CPB_PSEUDONYM_KEY", raising=False)
    profile_path = _authority(tmp_path)
    paths = generate_iro_workbooks(tmp_path / "extracts", tmp_path / "iro stats", "2019-06", "2019-08", seed=11)
    assert len(paths) == 3
    for month in MONTHS:
        result = _materialize(profile_path, month)
        assert result.success
        checks = {e.check_name: e for e in result.get_asset_check_evaluations() if e.asset_key.path[1].startswith("iro")}
        assert all(e.passed for e in checks.values()), {k: e.description for k, e in checks.items() if not e.passed}
    from cpb_pipeline.domain.profile import load_profile

    profile = load_profile(profile_path)
    with WarehouseStore(profile.working_database).connect() as con:
        localities = {r[0] for r in con.execute("SELECT DISTINCT locality FROM staging.iro_challenges").fetchall()}
    assert localities == {"North", "Central", "East"}
