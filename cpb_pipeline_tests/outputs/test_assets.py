"""The output assets: check results from the run, metadata, and what happens when a part is missing."""

import shutil
import sys

import pandas as pd
import pytest

from cpb_pipeline.outputs import pdf
from cpb_pipeline.outputs.build import board_views, write_board_reports
from cpb_pipeline.outputs.data import CheckRecord, load_board_data
from cpb_pipeline.outputs.files import output_path
from cpb_pipeline.outputs.pdf import write_pdf
from cpb_pipeline.outputs.run_checks import run_check_records
from cpb_pipeline.outputs.view import build_view
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline_tests.outputs.warehouse import MONTH, build_warehouse


def test_check_results_come_from_the_run_as_names_and_counts_only(built):
    records = run_check_records(built.instance, built.result.run_id)
    assert records == [
        CheckRecord("marts/indicator_monthly", "areas_complete", "ERROR", True, 0, 120, None),
        CheckRecord("marts/indicator_monthly", "no_team", "WARN", False, 3, 400,
                    "ssd_involvements.csv, column invo_professional_team: team not found"),
    ]  # fmt: skip
    # the failure's free text (row numbers, a value) never reaches the outputs
    for name in (f"board_report_{MONTH}.html", f"board_report_{MONTH}_published.html"):
        html = built.file(name).read_text()
        assert "T-0042" not in html and "rows 4, 9, 12" not in html
    meta = built.metadata(["outputs", "board_pack"])
    assert meta["checks_listed"].value == 2 and meta["missing_tables"].value == []


def test_output_paths_follow_contracts_8(tmp_path):
    assert output_path(tmp_path, "2019-08", "board_pack", "xlsx", published=False) == (
        tmp_path / "2019-08" / "board_pack_2019-08.xlsx")  # fmt: skip
    assert output_path(tmp_path, "2019-08", "board_report", "pdf", published=True).name == (
        "board_report_2019-08_published.pdf")  # fmt: skip


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed (.ci/run installs it)")
def test_chromium_prints_the_pdf_when_installed(tmp_path):
    result = write_pdf("<style>@page { size: A4 landscape }</style><p>one</p><p style='break-before: page'>two</p>",
                       tmp_path / "x.pdf")
    assert (result.engine, result.pages) == ("chromium", 2)


def test_weasyprint_prints_the_pdf_without_chromium(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    result = write_pdf("<p>one</p><p style='break-before: page'>two</p>", tmp_path / "x.pdf")
    assert (result.engine, result.pages) == ("weasyprint", 2)


def test_without_a_pdf_engine_the_pdf_is_skipped_and_said_so(built, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now raises ImportError
    result = write_pdf("<p>x</p>", tmp_path / "x.pdf")
    assert result.pages is None and "WeasyPrint could not be imported" in result.skipped
    stale = output_path(tmp_path, MONTH, "board_report", "pdf", published=False)
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"%PDF old")
    written = write_board_reports(board_views(built.data), tmp_path)
    assert [(r.pdf, r.pdf_pages) for r in written] == [(None, None), (None, None)]
    assert all(r.html.is_file() and "WeasyPrint" in r.pdf_skipped for r in written)
    assert not stale.exists()  # never an older PDF beside a newer HTML


def test_missing_marts_and_months_without_a_snapshot_are_reported_not_fatal(tmp_path):
    profile = build_warehouse(tmp_path, action_plan=False)
    store = WarehouseStore(profile.working_database)
    data = load_board_data(store, profile, MONTH)
    assert not data.action_plan.available and "not in the warehouse" in data.action_plan.note
    view = build_view(data, published=True)
    assert view.pages and view.pages[0].rows[0].cells[-1].value is not None
    other = build_warehouse(tmp_path / "other")
    early = load_board_data(WarehouseStore(other.working_database), other, "2018-09")
    assert "no action plan snapshot for the 2018-09 pack" in early.action_plan.note.lower()
    assert early.months[-1] == pd.Timestamp("2018-09-30").date()
    empty = load_board_data(WarehouseStore(tmp_path / "none.duckdb"), profile, MONTH)
    assert "marts.indicator_monthly is not in the warehouse yet" in empty.notes
    assert build_view(empty, published=False).pages[0].rows[0].cells[-1].value is None
